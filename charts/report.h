/* report.h: a paginated A4 PDF document: cover, contents, headings, text, tables and figures, with outline and metadata. */
#ifndef IND_REPORT_H
#define IND_REPORT_H

#include <cairo.h>
#include <stddef.h>

#include "ind_error.h"
#include "lang.h"

typedef struct ind_report ind_report;

typedef struct {
    const char *title;    /* document title (metadata, running footer) */
    const char *subject;  /* metadata subject */
    const char *creator;  /* metadata creator, e.g. "indikator 0.1.0" */
    const char *date;     /* ISO 8601 date written as the document's date, e.g. "2025-12-31T00:00:00";
                             fixed, so the same input gives the same bytes */
    ind_lang lang;        /* IND_LANG_EN: "Contents"/"Page" instead of "Innehåll"/"Sida" */
} ind_report_options;

/* A table cell: text (UTF-8; may be NULL), an optional colour (0xRRGGBB + 1;
 * 0 = default) and weight. */
typedef struct {
    const char *text;
    unsigned colour;
    int bold;
} ind_report_cell;

typedef enum { IND_REPORT_LEFT = 0, IND_REPORT_RIGHT, IND_REPORT_CENTRE } ind_report_align;

typedef struct {
    size_t columns, rows;
    const char *const *header;      /* columns labels */
    const double *widths;           /* relative widths (any scale), columns of them */
    const ind_report_align *align;  /* per column; NULL = left */
    const ind_report_cell *cells;   /* rows * columns, row-major */
} ind_report_grid;

/* Draws a figure into the rectangle (x, y, w, h) of the page. */
typedef void (*ind_report_draw_fn)(cairo_t *cr, double x, double y, double w, double h, void *ctx);

ind_report *ind_report_new(const ind_report_options *opt);
void ind_report_free(ind_report *r);

/* The cover page: a title, a subtitle and lines of facts (sources, dates). */
void ind_report_cover(ind_report *r, const char *title, const char *subtitle,
                      const char *const *lines, size_t count);
/* A heading; levels 1-3 go into the PDF outline, 1-2 into the table of contents. */
void ind_report_heading(ind_report *r, int level, const char *text);
/* A paragraph of running text (Pango markup is not interpreted). small != 0: a smaller grey style. */
void ind_report_paragraph(ind_report *r, const char *text, int small);
/* A table; copied. Rows split across pages with the header repeated. */
void ind_report_table(ind_report *r, const ind_report_grid *t);
/* A figure of the given height in points drawn by fn(ctx) when the page is
 * rendered; free_ctx (may be NULL) releases ctx when the report is freed. */
void ind_report_figure(ind_report *r, double height, ind_report_draw_fn fn, void *ctx,
                       void (*free_ctx)(void *));
void ind_report_page_break(ind_report *r);

/* Lays the document out and writes it as PDF to path, atomically (a
 * temporary file beside it, renamed into place). *pages (may be NULL) gets
 * the page count. */
ind_status ind_report_write_pdf(ind_report *r, const char *path, int *pages, ind_error *err);

/* Page geometry, for callers that size figures: A4 in points and the text width. */
#define IND_REPORT_PAGE_W 595.276
#define IND_REPORT_PAGE_H 841.890
#define IND_REPORT_MARGIN 56.69
#define IND_REPORT_TEXT_W (IND_REPORT_PAGE_W - 2 * IND_REPORT_MARGIN)

#endif
