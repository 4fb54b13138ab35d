/* report.c: laying out and printing the document: blocks measured once with
 * Pango, placed on pages, then drawn onto a cairo PDF surface.
 *
 * The document is a list of blocks. Layout runs first on a recording surface
 * (unhinted metrics, as in the PDF), so every heading's page is known before
 * the contents page is drawn; rendering then draws each page in order. */
#define _GNU_SOURCE
#include "report.h"

#include "lockfile.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Sizes are points on paper: every layout is set at 72 dpi (pango's default
 * of 96 would make "9" print as 12 points). */
#define BODY_FONT "DejaVu Sans 10"
#define SMALL_FONT "DejaVu Sans 8"
#define CELL_FONT "DejaVu Sans 8"
#define CELL_BOLD_FONT "DejaVu Sans Bold 8"
#define TOC_FONT "DejaVu Sans 10"
#define TOC_BOLD_FONT "DejaVu Sans Bold 10"
#define CELL_PAD 4.0
#define PARA_GAP 6.0
#define FOOTER_H 24.0
#define TOC_NUM_W 40.0 /* the page numbers' column in the contents */

typedef enum { B_HEADING, B_PARAGRAPH, B_TABLE, B_FIGURE, B_PAGE_BREAK } block_kind;

typedef struct {
    block_kind kind;
    int level;          /* heading */
    int small;          /* paragraph */
    char *text;         /* heading, paragraph */
    /* table */
    size_t columns, rows;
    char **header;
    double *widths;     /* absolute widths in points */
    ind_report_align *align;
    ind_report_cell *cells; /* texts owned */
    double *row_h;      /* measured row heights; row_h[rows] is the header's */
    /* figure */
    double height;
    ind_report_draw_fn draw;
    void *ctx;
    void (*free_ctx)(void *);
    /* layout results */
    double h;           /* measured height */
    double toc_h;       /* headings of levels 1-2: the height of their contents entry */
    int toc_page;       /* ... and the contents page it is on (0-based) */
    int outline_id;
} block;

typedef struct {
    size_t block;
    int page;           /* 1-based */
    double y;
    size_t row_from, row_to; /* tables: rows on this page */
} placement;

struct ind_report {
    ind_report_options opt;
    char *title, *subject, *creator, *date;
    char *cover_title, *cover_subtitle;
    char **cover_lines;
    size_t cover_count;
    block *b;
    size_t nb, cap;
    placement *pl;
    size_t npl, plcap;
    int toc_pages, pages;
};

static char *sdup(const char *s) { return strdup(s ? s : ""); }

ind_report *ind_report_new(const ind_report_options *opt)
{
    ind_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->opt = *opt;
    r->title = sdup(opt->title);
    r->subject = sdup(opt->subject);
    r->creator = sdup(opt->creator);
    r->date = sdup(opt->date && opt->date[0] ? opt->date : "2000-01-01T00:00:00");
    return r;
}

void ind_report_free(ind_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nb; i++) {
        block *b = &r->b[i];
        free(b->text);
        if (b->kind == B_TABLE) {
            for (size_t c = 0; c < b->columns; c++)
                free(b->header[c]);
            for (size_t k = 0; k < b->rows * b->columns; k++)
                free((char *)b->cells[k].text);
            free(b->header);
            free(b->widths);
            free(b->align);
            free(b->cells);
            free(b->row_h);
        }
        if (b->free_ctx)
            b->free_ctx(b->ctx);
    }
    for (size_t i = 0; i < r->cover_count; i++)
        free(r->cover_lines[i]);
    free(r->cover_lines);
    free(r->cover_title);
    free(r->cover_subtitle);
    free(r->b);
    free(r->pl);
    free(r->title);
    free(r->subject);
    free(r->creator);
    free(r->date);
    free(r);
}

static block *push(ind_report *r, block_kind kind)
{
    if (r->nb == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        block *b = realloc(r->b, cap * sizeof *b);
        if (!b) {
            fprintf(stderr, "indikator: out of memory\n");
            exit(4);
        }
        r->b = b;
        r->cap = cap;
    }
    block *b = &r->b[r->nb++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

void ind_report_cover(ind_report *r, const char *title, const char *subtitle, const char *const *lines,
                      size_t count)
{
    free(r->cover_title);
    free(r->cover_subtitle);
    r->cover_title = sdup(title);
    r->cover_subtitle = sdup(subtitle);
    for (size_t i = 0; i < r->cover_count; i++)
        free(r->cover_lines[i]);
    free(r->cover_lines);
    r->cover_lines = calloc(count ? count : 1, sizeof *r->cover_lines);
    r->cover_count = count;
    for (size_t i = 0; i < count; i++)
        r->cover_lines[i] = sdup(lines[i]);
}

void ind_report_heading(ind_report *r, int level, const char *text)
{
    block *b = push(r, B_HEADING);
    b->level = level < 1 ? 1 : level > 3 ? 3 : level;
    b->text = sdup(text);
}

void ind_report_paragraph(ind_report *r, const char *text, int small)
{
    block *b = push(r, B_PARAGRAPH);
    b->text = sdup(text);
    b->small = small;
}

void ind_report_table(ind_report *r, const ind_report_grid *t)
{
    block *b = push(r, B_TABLE);
    b->columns = t->columns;
    b->rows = t->rows;
    b->header = calloc(t->columns, sizeof *b->header);
    b->widths = calloc(t->columns, sizeof *b->widths);
    b->align = calloc(t->columns, sizeof *b->align);
    b->cells = calloc(t->rows * t->columns + 1, sizeof *b->cells);
    b->row_h = calloc(t->rows + 1, sizeof *b->row_h);
    double total = 0;
    for (size_t c = 0; c < t->columns; c++)
        total += t->widths ? t->widths[c] : 1;
    for (size_t c = 0; c < t->columns; c++) {
        b->header[c] = sdup(t->header ? t->header[c] : "");
        b->widths[c] = IND_REPORT_TEXT_W * (t->widths ? t->widths[c] : 1) / total;
        b->align[c] = t->align ? t->align[c] : IND_REPORT_LEFT;
    }
    for (size_t k = 0; k < t->rows * t->columns; k++) {
        b->cells[k] = t->cells[k];
        b->cells[k].text = sdup(t->cells[k].text);
    }
}

void ind_report_figure(ind_report *r, double height, ind_report_draw_fn fn, void *ctx, void (*free_ctx)(void *))
{
    block *b = push(r, B_FIGURE);
    b->height = height;
    b->draw = fn;
    b->ctx = ctx;
    b->free_ctx = free_ctx;
}

void ind_report_page_break(ind_report *r) { push(r, B_PAGE_BREAK); }

/* ---- text ----------------------------------------------------------------------- */

static const char *heading_font(int level)
{
    return level == 1 ? "DejaVu Sans Bold 17" : level == 2 ? "DejaVu Sans Bold 13" : "DejaVu Sans Bold 11";
}

/* The font map a report's text is set with: its own, made for one write and
 * released after it (pango's process-wide default would live on), hung on
 * each cairo context the write uses. */
static const cairo_user_data_key_t fontmap_key;

static PangoLayout *text_layout(cairo_t *cr, const char *font, const char *text, double width)
{
    PangoFontMap *fm = cairo_get_user_data(cr, &fontmap_key);
    PangoContext *pc = fm ? pango_font_map_create_context(fm) : NULL;
    PangoLayout *l;
    if (pc) {
        pango_cairo_update_context(cr, pc);
        pango_cairo_context_set_resolution(pc, 72.0);
        l = pango_layout_new(pc);
        g_object_unref(pc);
    } else {
        l = pango_cairo_create_layout(cr);
        pango_cairo_context_set_resolution(pango_layout_get_context(l), 72.0);
        pango_layout_context_changed(l);
    }
    PangoFontDescription *fd = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    pango_layout_set_text(l, text ? text : "", -1);
    return l;
}

static double text_height(cairo_t *cr, const char *font, const char *text, double width)
{
    PangoLayout *l = text_layout(cr, font, text, width);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

static void draw_text(cairo_t *cr, const char *font, const char *text, double x, double y, double width,
                      ind_report_align align)
{
    PangoLayout *l = text_layout(cr, font, text, width);
    pango_layout_set_alignment(l, align == IND_REPORT_RIGHT ? PANGO_ALIGN_RIGHT
                                  : align == IND_REPORT_CENTRE ? PANGO_ALIGN_CENTER
                                                               : PANGO_ALIGN_LEFT);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
}

/* ---- layout ---------------------------------------------------------------------- */

static double body_top(void) { return IND_REPORT_MARGIN; }
static double body_bottom(void) { return IND_REPORT_PAGE_H - IND_REPORT_MARGIN - FOOTER_H; }

static void place(ind_report *r, size_t block_index, int page, double y, size_t from, size_t to)
{
    if (r->npl == r->plcap) {
        size_t cap = r->plcap ? r->plcap * 2 : 128;
        placement *p = realloc(r->pl, cap * sizeof *p);
        if (!p) {
            fprintf(stderr, "indikator: out of memory\n");
            exit(4);
        }
        r->pl = p;
        r->plcap = cap;
    }
    r->pl[r->npl++] = (placement){block_index, page, y, from, to};
}

static double heading_gap(int level) { return level == 1 ? 4 : 10; }

static double toc_indent(int level) { return level == 2 ? 14 : 0; }
static double toc_entry_h(cairo_t *cr, const block *b)
{
    double w = IND_REPORT_TEXT_W - toc_indent(b->level) - TOC_NUM_W;
    return fmax(14, text_height(cr, b->level == 1 ? TOC_BOLD_FONT : TOC_FONT, b->text, w) + 3);
}

static void measure(ind_report *r, cairo_t *cr)
{
    for (size_t i = 0; i < r->nb; i++) {
        block *b = &r->b[i];
        switch (b->kind) {
        case B_HEADING:
            b->h = heading_gap(b->level) + text_height(cr, heading_font(b->level), b->text, IND_REPORT_TEXT_W) + 4;
            b->toc_h = b->level <= 2 ? toc_entry_h(cr, b) : 0;
            break;
        case B_PARAGRAPH:
            b->h = text_height(cr, b->small ? SMALL_FONT : BODY_FONT, b->text, IND_REPORT_TEXT_W) + PARA_GAP;
            break;
        case B_TABLE:
            for (size_t row = 0; row <= b->rows; row++) {
                double h = 0;
                for (size_t c = 0; c < b->columns; c++) {
                    const char *t = row == b->rows ? b->header[c] : b->cells[row * b->columns + c].text;
                    int bold = row == b->rows || b->cells[row * b->columns + c].bold;
                    double ch = text_height(cr, bold ? CELL_BOLD_FONT : CELL_FONT, t, b->widths[c] - 2 * CELL_PAD);
                    if (ch > h)
                        h = ch;
                }
                b->row_h[row] = h + 2 * CELL_PAD;
            }
            break;
        case B_FIGURE:
            b->h = b->height + PARA_GAP;
            break;
        case B_PAGE_BREAK:
            b->h = 0;
            break;
        }
    }
}

/* How much must stay on one page with the start of block i: a heading with
 * what follows it (the next heading's keep, a paragraph, a table's header and
 * first two rows, a whole figure), a figure with a short paragraph after it
 * (its explanation), anything else alone. Never more than a page. */
static double keep_height(const ind_report *r, size_t i, int depth)
{
    const block *b = &r->b[i];
    double page = body_bottom() - body_top();
    double h = 0;
    switch (b->kind) {
    case B_HEADING:
        h = b->h;
        if (i + 1 < r->nb && depth < 4) {
            const block *n = &r->b[i + 1];
            if (n->kind == B_PARAGRAPH && i + 2 < r->nb && r->b[i + 2].kind != B_HEADING &&
                r->b[i + 2].kind != B_PAGE_BREAK) {
                /* "Enhetsmål. Föreslagen bedömning ..." and then its table or chart */
                h += n->h;
                size_t k = i + 2;
                if (r->b[k].kind == B_PARAGRAPH && r->b[k].small && k + 1 < r->nb) {
                    h += r->b[k].h;
                    k++;
                }
                h += keep_height(r, k, depth + 1);
            } else {
                h += keep_height(r, i + 1, depth + 1);
            }
        }
        break;
    case B_PARAGRAPH:
        h = b->h;
        break;
    case B_TABLE:
        if (b->rows)
            h = b->row_h[b->rows] + b->row_h[0] + (b->rows > 1 ? b->row_h[1] : 0);
        break;
    case B_FIGURE:
        /* with a short paragraph after it (what it shows), or a second figure
         * of the same subject (the funnel after the comparison) and its keep */
        h = b->h;
        if (i + 1 < r->nb && r->b[i + 1].kind == B_PARAGRAPH && r->b[i + 1].h <= 0.2 * page)
            h += r->b[i + 1].h;
        else if (i + 1 < r->nb && r->b[i + 1].kind == B_FIGURE && depth < 4)
            h += keep_height(r, i + 1, depth + 1);
        break;
    case B_PAGE_BREAK:
        break;
    }
    return fmin(h, page);
}

static void paginate(ind_report *r)
{
    /* the contents: entries in order, a page holding as many as fit */
    double toc_y = body_top() + 30;
    int toc_page = 0, any = 0;
    for (size_t i = 0; i < r->nb; i++) {
        block *b = &r->b[i];
        if (b->kind != B_HEADING || b->level > 2)
            continue;
        if (toc_y + b->toc_h > body_bottom()) {
            toc_page++;
            toc_y = body_top();
        }
        b->toc_page = toc_page;
        toc_y += b->toc_h;
        any = 1;
    }
    r->toc_pages = any ? toc_page + 1 : 0;
    int page = 1 + r->toc_pages + 1; /* after the cover and the contents */
    double y = body_top();
    double bottom = body_bottom();
    r->npl = 0;
    for (size_t i = 0; i < r->nb; i++) {
        block *b = &r->b[i];
        switch (b->kind) {
        case B_PAGE_BREAK:
            if (y > body_top()) {
                page++;
                y = body_top();
            }
            break;
        case B_HEADING: {
            /* keep a heading with the start of what follows */
            if (y > body_top() && y + keep_height(r, i, 0) > bottom) {
                page++;
                y = body_top();
            }
            double at = y == body_top() ? y - heading_gap(b->level) + 2 : y;
            place(r, i, page, at, 0, 0);
            y = at + b->h;
            break;
        }
        case B_PARAGRAPH:
        case B_FIGURE:
            if (y > body_top() && y + keep_height(r, i, 0) > bottom) {
                page++;
                y = body_top();
            }
            place(r, i, page, y, 0, 0);
            y += b->h;
            break;
        case B_TABLE: {
            size_t row = 0;
            double head = b->row_h[b->rows];
            if (b->rows == 0)
                break;
            while (row < b->rows) {
                if (y > body_top() && y + head + b->row_h[row] > bottom) {
                    page++;
                    y = body_top();
                }
                double yy = y + head;
                size_t from = row;
                while (row < b->rows && (row == from || yy + b->row_h[row] <= bottom)) {
                    yy += b->row_h[row];
                    row++;
                }
                /* no last row alone on the next page: take one more along */
                if (row + 1 == b->rows && row - from >= 3) {
                    row--;
                    yy -= b->row_h[row];
                }
                place(r, i, page, y, from, row);
                y = yy + PARA_GAP;
            }
            break;
        }
        }
    }
    r->pages = page;
}

/* ---- drawing ---------------------------------------------------------------------- */

static void set_rgb(cairo_t *cr, unsigned rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0, (rgb & 255) / 255.0);
}

static void draw_table(cairo_t *cr, const block *b, double y, size_t from, size_t to)
{
    double x0 = IND_REPORT_MARGIN;
    double hh = b->row_h[b->rows];
    /* header */
    set_rgb(cr, 0xDCE6F0);
    cairo_rectangle(cr, x0, y, IND_REPORT_TEXT_W, hh);
    cairo_fill(cr);
    double x = x0;
    set_rgb(cr, 0x1A1A1A);
    for (size_t c = 0; c < b->columns; c++) {
        draw_text(cr, CELL_BOLD_FONT, b->header[c], x + CELL_PAD, y + CELL_PAD, b->widths[c] - 2 * CELL_PAD, b->align[c]);
        x += b->widths[c];
    }
    double yy = y + hh;
    for (size_t row = from; row < to; row++) {
        if ((row - from) % 2 == 1) {
            set_rgb(cr, 0xF4F6F8);
            cairo_rectangle(cr, x0, yy, IND_REPORT_TEXT_W, b->row_h[row]);
            cairo_fill(cr);
        }
        x = x0;
        for (size_t c = 0; c < b->columns; c++) {
            const ind_report_cell *cell = &b->cells[row * b->columns + c];
            set_rgb(cr, cell->colour ? cell->colour - 1 : 0x1A1A1A);
            draw_text(cr, cell->bold ? CELL_BOLD_FONT : CELL_FONT, cell->text, x + CELL_PAD, yy + CELL_PAD,
                      b->widths[c] - 2 * CELL_PAD, b->align[c]);
            x += b->widths[c];
        }
        yy += b->row_h[row];
    }
    set_rgb(cr, 0x8C96A0);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x0 + IND_REPORT_TEXT_W, y);
    cairo_move_to(cr, x0, y + hh);
    cairo_line_to(cr, x0 + IND_REPORT_TEXT_W, y + hh);
    cairo_move_to(cr, x0, yy);
    cairo_line_to(cr, x0 + IND_REPORT_TEXT_W, yy);
    cairo_stroke(cr);
}

static void footer(ind_report *r, cairo_t *cr, int page)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s %d (%d)", r->opt.lang == IND_LANG_EN ? "Page" : "Sida", page, r->pages);
    set_rgb(cr, 0x5A646E);
    double y = IND_REPORT_PAGE_H - IND_REPORT_MARGIN - 10;
    draw_text(cr, SMALL_FONT, r->title, IND_REPORT_MARGIN, y, IND_REPORT_TEXT_W * 0.75, IND_REPORT_LEFT);
    draw_text(cr, SMALL_FONT, buf, IND_REPORT_MARGIN, y, IND_REPORT_TEXT_W, IND_REPORT_RIGHT);
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, IND_REPORT_MARGIN, y - 4);
    cairo_line_to(cr, IND_REPORT_MARGIN + IND_REPORT_TEXT_W, y - 4);
    cairo_stroke(cr);
}

static void draw_cover(ind_report *r, cairo_t *cr)
{
    set_rgb(cr, 0x0072B2);
    cairo_rectangle(cr, 0, 0, IND_REPORT_PAGE_W, 12);
    cairo_fill(cr);
    set_rgb(cr, 0x1A1A1A);
    double y = 230;
    draw_text(cr, "DejaVu Sans Bold 26", r->cover_title ? r->cover_title : r->title, IND_REPORT_MARGIN, y,
              IND_REPORT_TEXT_W, IND_REPORT_LEFT);
    y += text_height(cr, "DejaVu Sans Bold 26", r->cover_title ? r->cover_title : r->title, IND_REPORT_TEXT_W) + 12;
    if (r->cover_subtitle) {
        set_rgb(cr, 0x3C4650);
        draw_text(cr, "DejaVu Sans 15", r->cover_subtitle, IND_REPORT_MARGIN, y, IND_REPORT_TEXT_W, IND_REPORT_LEFT);
        y += text_height(cr, "DejaVu Sans 15", r->cover_subtitle, IND_REPORT_TEXT_W) + 40;
    }
    set_rgb(cr, 0x1A1A1A);
    for (size_t i = 0; i < r->cover_count; i++) {
        draw_text(cr, BODY_FONT, r->cover_lines[i], IND_REPORT_MARGIN, y, IND_REPORT_TEXT_W, IND_REPORT_LEFT);
        y += text_height(cr, BODY_FONT, r->cover_lines[i], IND_REPORT_TEXT_W) + 4;
    }
}

static int heading_page(const ind_report *r, size_t block, double *y)
{
    for (size_t k = 0; k < r->npl; k++)
        if (r->pl[k].block == block) {
            *y = r->pl[k].y;
            return r->pl[k].page;
        }
    *y = 0;
    return 0;
}

static void draw_toc(ind_report *r, cairo_t *cr)
{
    size_t i = 0;
    for (int p = 0; p < r->toc_pages; p++) {
        double y = body_top();
        if (p == 0) {
            set_rgb(cr, 0x1A1A1A);
            draw_text(cr, heading_font(1), r->opt.lang == IND_LANG_EN ? "Contents" : "Innehåll", IND_REPORT_MARGIN, y,
                      IND_REPORT_TEXT_W, IND_REPORT_LEFT);
            y += 30;
        }
        for (; i < r->nb; i++) {
            const block *b = &r->b[i];
            if (b->kind != B_HEADING || b->level > 2)
                continue;
            if (b->toc_page != p)
                break;
            double hy;
            int page = heading_page(r, i, &hy);
            char link[96], num[16];
            snprintf(link, sizeof link, "page=%d pos=[%.1f %.1f]", page, IND_REPORT_MARGIN, hy);
            snprintf(num, sizeof num, "%d", page);
            double indent = toc_indent(b->level);
            cairo_tag_begin(cr, CAIRO_TAG_LINK, link);
            set_rgb(cr, 0x1A1A1A);
            draw_text(cr, b->level == 1 ? TOC_BOLD_FONT : TOC_FONT, b->text, IND_REPORT_MARGIN + indent, y,
                      IND_REPORT_TEXT_W - indent - TOC_NUM_W, IND_REPORT_LEFT);
            draw_text(cr, TOC_FONT, num, IND_REPORT_MARGIN, y, IND_REPORT_TEXT_W, IND_REPORT_RIGHT);
            cairo_tag_end(cr, CAIRO_TAG_LINK);
            y += b->toc_h;
        }
        footer(r, cr, 2 + p);
        cairo_show_page(cr);
    }
}

static cairo_status_t pdf_write(void *closure, const unsigned char *data, unsigned int length)
{
    return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

ind_status ind_report_write_pdf(ind_report *r, const char *path, int *pages_out, ind_error *err)
{
    /* layout on a recording surface: unhinted metrics, like the PDF's */
    PangoFontMap *fm = pango_cairo_font_map_new();
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *mcr = cairo_create(rec);
    cairo_set_user_data(mcr, &fontmap_key, fm, NULL);
    measure(r, mcr);
    cairo_destroy(mcr);
    cairo_surface_destroy(rec);
    paginate(r);

    ind_lockfile lf;
    ind_status st = ind_lockfile_open(&lf, path, err);
    if (st != IND_OK) {
        g_object_unref(fm);
        return st;
    }
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(pdf_write, lf.f, IND_REPORT_PAGE_W, IND_REPORT_PAGE_H);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, r->title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, r->subject);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, r->creator);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, r->date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, r->date);
    cairo_t *cr = cairo_create(s);
    cairo_set_user_data(cr, &fontmap_key, fm, NULL);

    /* page 1: the cover */
    draw_cover(r, cr);
    cairo_show_page(cr);
    if (r->toc_pages)
        draw_toc(r, cr);

    /* outline entries, in document order, nested by level */
    int parent[4] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
    int first_content = 2 + r->toc_pages;
    size_t k = 0;
    for (int page = first_content; page <= r->pages; page++) {
        for (; k < r->npl && r->pl[k].page == page; k++) {
            const placement *p = &r->pl[k];
            block *b = &r->b[p->block];
            switch (b->kind) {
            case B_HEADING: {
                char dest[96];
                snprintf(dest, sizeof dest, "page=%d pos=[%.1f %.1f]", page, IND_REPORT_MARGIN, p->y);
                b->outline_id = cairo_pdf_surface_add_outline(s, parent[b->level - 1], b->text, dest,
                                                              b->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
                for (int l = b->level; l < 4; l++)
                    parent[l] = b->outline_id;
                set_rgb(cr, b->level == 1 ? 0x0B3D66 : 0x1A1A1A);
                draw_text(cr, heading_font(b->level), b->text, IND_REPORT_MARGIN, p->y + heading_gap(b->level),
                          IND_REPORT_TEXT_W, IND_REPORT_LEFT);
                break;
            }
            case B_PARAGRAPH:
                set_rgb(cr, b->small ? 0x4A545E : 0x1A1A1A);
                draw_text(cr, b->small ? SMALL_FONT : BODY_FONT, b->text, IND_REPORT_MARGIN, p->y, IND_REPORT_TEXT_W,
                          IND_REPORT_LEFT);
                break;
            case B_TABLE:
                draw_table(cr, b, p->y, p->row_from, p->row_to);
                break;
            case B_FIGURE:
                cairo_save(cr);
                b->draw(cr, IND_REPORT_MARGIN, p->y, IND_REPORT_TEXT_W, b->height, b->ctx);
                cairo_restore(cr);
                break;
            case B_PAGE_BREAK:
                break;
            }
        }
        footer(r, cr, page);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_status_t cs = cairo_surface_status(s);
    cairo_surface_destroy(s);
    g_object_unref(fm);
    if (cs != CAIRO_STATUS_SUCCESS) {
        ind_lockfile_rollback(&lf);
        return ind_error_set(err, IND_EIO, path, 0, 0, "writing the PDF failed: %s", cairo_status_to_string(cs));
    }
    if ((st = ind_lockfile_commit(&lf, err)) != IND_OK)
        return st;
    if (pages_out)
        *pages_out = r->pages;
    return IND_OK;
}
