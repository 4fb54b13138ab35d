/* write.h: the writers: one document to a terminal, CSV, JSON or PDF (and the formats added beside them). */
#ifndef IND_WRITE_H
#define IND_WRITE_H

#include <stdio.h>

#include "doc.h"
#include "ind_error.h"

typedef enum {
    IND_OUT_TERMINAL = 0, /* text for people: paragraphs and aligned tables */
    IND_OUT_CSV,          /* the first table, exact, for machines */
    IND_OUT_JSON,         /* the first table as an array of objects, exact */
    IND_OUT_PDF,          /* a paginated A4 document */
    IND_OUT_CSV_SV,       /* the first table for Swedish Excel: semicolons, decimal commas, BOM */
    IND_OUT_HTML,         /* one self-contained web page */
    IND_OUT_DOCX,         /* a Word document */
    IND_OUT_XLSX          /* an Excel workbook: a sheet per table and one about the data */
} ind_out_format;

/* "table" (also "text"), "csv", "json", "pdf", "csv-sv", "html", "docx", "xlsx";
 * 0, or -1 when unknown. */
int ind_out_format_parse(const char *name, ind_out_format *f);
const char *ind_out_format_name(ind_out_format f);
/* The format a file name asks for by its extension (.csv .json .pdf .txt .xlsx .docx
 * .html); -1 when none. */
int ind_out_format_of_path(const char *path, ind_out_format *f);
/* The extension of a format's files (".xlsx"); NULL for one that has none (csv-sv). */
const char *ind_out_format_ext(ind_out_format f);

typedef struct {
    int pages;        /* out: pages written (PDF) */
} ind_write_result;

/* Writes doc in format fmt to path, atomically (lockfile.h), or to stream when
 * path is NULL (text formats only). result may be NULL. */
ind_status ind_doc_write(const ind_doc *doc, ind_out_format fmt, const char *path, FILE *stream,
                         ind_write_result *result, ind_error *err);

/* ind_doc_write with the terminal writer's line width (ind_write_terminal_fit); the
 * other formats do not use it. */
ind_status ind_doc_write_fit(const ind_doc *doc, ind_out_format fmt, const char *path, FILE *stream, size_t columns,
                             ind_write_result *result, ind_error *err);

/* The writers, each on an open stream (the PDF writer on a stream too). */
/* Text for a terminal, every table in columns characters: where the columns at their
 * natural widths do not fit, those marked to go first (ind_doc_column.shown 2, 3, …)
 * are left out and named in a line under the table, and text is broken into lines
 * within its column; nothing is cut. columns 0: no limit, each row on one line. */
ind_status ind_write_terminal_fit(const ind_doc *doc, FILE *f, size_t columns, ind_error *err);
/* ind_write_terminal_fit with no limit. */
ind_status ind_write_terminal(const ind_doc *doc, FILE *f, ind_error *err);
ind_status ind_write_csv(const ind_doc *doc, FILE *f, ind_error *err);
ind_status ind_write_json(const ind_doc *doc, FILE *f, ind_error *err);
ind_status ind_write_pdf(const ind_doc *doc, FILE *f, int *pages, ind_error *err);
ind_status ind_write_csv_sv(const ind_doc *doc, FILE *f, ind_error *err);
ind_status ind_write_html(const ind_doc *doc, FILE *f, ind_error *err);
ind_status ind_write_docx(const ind_doc *doc, FILE *f, ind_error *err);
/* Excel is written by a library that opens the file itself: path is the
 * lockfile's temporary (ind_doc_write renames it into place). */
ind_status ind_write_xlsx(const ind_doc *doc, const char *path, ind_error *err);
/* Formats that are bytes, not text: never to a terminal. */
int ind_out_format_binary(ind_out_format f);

/* Text helpers the writers share. */
void ind_write_csv_field(FILE *f, const char *s, int guard_formula);
void ind_write_json_string(FILE *f, const char *s);
/* n bytes of UTF-8 text as XML/HTML character data or attribute value: & < > "
 * escaped, tab and line breaks as character references, other control
 * characters (not allowed in XML) and a character cut short left out. */
void ind_write_xml(FILE *f, const char *s, size_t n);
/* s with each "@NAME" of a colour of palette.h (@TEXT, @NOTE, @FOOTER, @HEADING,
 * @SUBTITLE, @MET, @PARTLY, @NOT_MET, @OTHER, @PAPER, @HEAD_BAND, @ROW_SHADE, @RULE,
 * @COVER_BAND) written as the colour in printf format fmt of one unsigned:
 * "%06X" for Word, "#%06x" for CSS. */
void ind_write_coloured(FILE *f, const char *s, const char *fmt);
/* Display width of UTF-8 text in terminal columns (code points). */
size_t ind_text_columns(const char *s);
/* A CSV field with the separator sep (',' or ';'), quoted when it holds sep, a quote or a
 * line break; guard_formula as for ind_write_csv_field. */
void ind_write_csv_field_sep(FILE *f, const char *s, int guard_formula, char sep);

/* What the spreadsheet writers (xlsx, csv-sv) share. A column's heading, unique in
 * its table: where several columns share a label, the first shown one keeps it and
 * the others get their key added ("Bedömning (verdict)"); without soft hyphens. */
const char *ind_write_sheet_label(const ind_doc_table *t, size_t j, char *buf, size_t size);
/* The words of a text or verdict cell for a spreadsheet: a verdict as its label
 * ("Uppfylls helt", "Met (uncertain)", in buf), a text as it is but without paper's
 * verdict symbol in front of a verdict's label ("● Uppfylls helt" → "Uppfylls helt";
 * a pointer into the cell's text). */
const char *ind_write_sheet_text(const ind_cell *c, ind_lang lang, char *buf, size_t size);

#endif
