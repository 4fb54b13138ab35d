/* write_pdf.c: a document as a paginated A4 PDF: blocks measured once with
 * Pango, placed on pages, then drawn onto a cairo PDF surface.
 *
 * Layout runs first on a recording surface (unhinted metrics, as in the
 * PDF), so every heading's page is known before the contents page is drawn;
 * rendering then draws each page in order. */
#define _GNU_SOURCE
#include "write.h"

#include "palette.h"
#include "render.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
/* The most lines a text may take before it is cut with "…" */
#define LINES_HEADING 4
#define LINES_TEXT 50
#define LINES_CELL 10
#define LINES_TOC 2
#define LINES_COVER 4
#define PAGE_W IND_DOC_PAGE_W
#define PAGE_H IND_DOC_PAGE_H
#define MARGIN IND_DOC_MARGIN
#define TEXT_W IND_DOC_TEXT_W

typedef enum { B_HEADING, B_PARAGRAPH, B_TABLE, B_FIGURE, B_PAGE_BREAK } block_kind;

/* A table cell as drawn: its text, colour (0xRRGGBB + 1; 0 = default) and weight. */
typedef struct {
    char *text;
    unsigned colour;
    int bold;
} pcell;

/* A document block as the page layout sees it. */
typedef struct {
    block_kind kind;
    const ind_block *src;
    int level;          /* heading */
    int small;          /* paragraph: a note */
    char *text;         /* heading, paragraph (owned) */
    /* table */
    size_t columns, rows;
    const char **header;
    double *widths;     /* absolute widths in points */
    ind_align *align;
    pcell *cells;       /* texts owned */
    double *row_h;      /* measured row heights; row_h[rows] is the header's */
    /* figure */
    double height;
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

typedef struct {
    const ind_doc *doc;
    const ind_doc_meta *meta;
    char **alt; /* the figures' alt texts, in the order drawn */
    size_t nalt, altcap;
    block *b;
    size_t nb;
    placement *pl;
    size_t npl, plcap;
    int toc_pages, pages;
} pdf;

static void *must(void *p)
{
    if (!p) {
        fputs("indikator: slut på minne (out of memory)\n", stderr);
        exit(4);
    }
    return p;
}

static char *sdup(const char *s) { return must(strdup(s ? s : "")); }

/* Okabe-Ito colours for verdict words in tables (colour is never alone: the word and symbol carry it) */
static unsigned verdict_colour(ind_verdict v)
{
    switch (v) {
    case IND_VERDICT_MET: return IND_PAL_MET + 1;
    case IND_VERDICT_PARTLY: return IND_PAL_PARTLY + 1;
    case IND_VERDICT_NOT_MET: return IND_PAL_NOT_MET + 1;
    default: return IND_PAL_OTHER + 1;
    }
}

static void load_table(block *b, const ind_doc_table *t, ind_lang lang)
{
    b->columns = ind_doc_table_columns(t);
    b->rows = ind_doc_table_rows(t);
    b->header = must(calloc(b->columns + 1, sizeof *b->header));
    b->widths = must(calloc(b->columns + 1, sizeof *b->widths));
    b->align = must(calloc(b->columns + 1, sizeof *b->align));
    b->cells = must(calloc(b->rows * b->columns + 1, sizeof *b->cells));
    b->row_h = must(calloc(b->rows + 1, sizeof *b->row_h));
    double total = 0;
    for (size_t c = 0; c < b->columns; c++) {
        double w = ind_doc_table_column(t, c)->width;
        total += w > 0 ? w : 1;
    }
    for (size_t c = 0; c < b->columns; c++) {
        const ind_doc_column *col = ind_doc_table_column(t, c);
        b->header[c] = col->label;
        b->widths[c] = TEXT_W * (col->width > 0 ? col->width : 1) / total;
        b->align[c] = col->align;
    }
    char buf[1200];
    for (size_t row = 0; row < b->rows; row++)
        for (size_t c = 0; c < b->columns; c++) {
            const ind_cell *cell = ind_doc_table_cell(t, row, c);
            pcell *p = &b->cells[row * b->columns + c];
            p->text = sdup(ind_cell_show(cell, lang, IND_SHOW_TYPESET, buf, sizeof buf));
            p->colour = cell->kind == IND_CELL_VERDICT ? verdict_colour(cell->verdict) : 0;
            p->bold = cell->emphasis;
        }
}

/* The document's blocks as layout blocks; a list item is a paragraph with a bullet. */
static void load(pdf *r, const ind_doc *doc)
{
    r->doc = doc;
    r->meta = ind_doc_get_meta(doc);
    size_t n = ind_doc_count(doc);
    r->b = must(calloc(n + 1, sizeof *r->b));
    for (size_t i = 0; i < n; i++) {
        const ind_block *src = ind_doc_block(doc, i);
        block *b = &r->b[r->nb++];
        b->src = src;
        switch (src->kind) {
        case IND_BLOCK_HEADING:
            b->kind = B_HEADING;
            b->level = src->level;
            b->text = sdup(src->text);
            break;
        case IND_BLOCK_PARAGRAPH:
        case IND_BLOCK_NOTE:
            b->kind = B_PARAGRAPH;
            b->small = src->kind == IND_BLOCK_NOTE;
            b->text = sdup(src->text);
            break;
        case IND_BLOCK_LIST_ITEM: {
            b->kind = B_PARAGRAPH;
            size_t len = strlen(src->text) + 8;
            b->text = must(malloc(len));
            snprintf(b->text, len, "\u2022 %s", src->text);
            break;
        }
        case IND_BLOCK_TABLE:
            b->kind = B_TABLE;
            load_table(b, src->table, r->meta->lang);
            break;
        case IND_BLOCK_FIGURE:
            b->kind = B_FIGURE;
            b->height = src->height > 0 ? src->height
                                        : ind_figure_height(src, TEXT_W);
            break;
        case IND_BLOCK_PAGE_BREAK:
            b->kind = B_PAGE_BREAK;
            break;
        }
    }
}

static void unload(pdf *r)
{
    for (size_t i = 0; i < r->nb; i++) {
        block *b = &r->b[i];
        free(b->text);
        if (b->kind == B_TABLE) {
            for (size_t k = 0; k < b->rows * b->columns; k++)
                free(b->cells[k].text);
            free(b->header);
            free(b->widths);
            free(b->align);
            free(b->cells);
            free(b->row_h);
        }
    }
    for (size_t i = 0; i < r->nalt; i++)
        free(r->alt[i]);
    free(r->alt);
    free(r->b);
    free(r->pl);
}

/* ---- text ----------------------------------------------------------------------- */

static const char *heading_font(int level)
{
    return level == 1 ? "DejaVu Sans Bold 17" : level == 2 ? "DejaVu Sans Bold 13" : "DejaVu Sans Bold 11";
}

/* The font map a report's text is set with: its own, made for one write and
 * released after it (pango's process-wide default would live on), hung on
 * each cairo context the write uses. */
static const cairo_user_data_key_t fontmap_key;

static PangoLayout *text_layout(cairo_t *cr, const char *font, const char *text, double width, int lines)
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
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    /* no text runs off its place: at most `lines` lines, the rest cut with "…"
     * (a name of thousands of characters stays on the page) */
    pango_layout_set_height(l, -lines);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    pango_layout_set_text(l, text ? text : "", -1);
    return l;
}

/* The width of the widest word of text (no wrapping), in points. */
static double widest_word(cairo_t *cr, const char *font, const char *text)
{
    double widest = 0;
    char word[256];
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (!n)
            break;
        /* a soft hyphen is a break the word may take */
        snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1), p);
        for (char *h = strstr(word, "\u00ad"); h; h = strstr(word, "\u00ad"))
            *h = '\0';
        PangoLayout *l = text_layout(cr, font, word, -1, 1);
        pango_layout_set_width(l, -1);
        int w, h;
        pango_layout_get_size(l, &w, &h);
        g_object_unref(l);
        widest = fmax(widest, (double)w / PANGO_SCALE);
        p += n;
    }
    return widest;
}

/* Widens a column whose heading words or numbers would otherwise break
 * mid-word, taking the width from the columns with room to spare. */
static void fit_columns(cairo_t *cr, block *b)
{
    double need[64], total_need = 0, spare = 0;
    if (b->columns > 64)
        return;
    for (size_t c = 0; c < b->columns; c++) {
        need[c] = widest_word(cr, CELL_BOLD_FONT, b->header[c]);
        if (b->align[c] == IND_ALIGN_RIGHT)
            for (size_t row = 0; row < b->rows; row++)
                need[c] = fmax(need[c], widest_word(cr, b->cells[row * b->columns + c].bold ? CELL_BOLD_FONT : CELL_FONT,
                                                    b->cells[row * b->columns + c].text));
        need[c] += 2 * CELL_PAD + 0.5;
        total_need += need[c];
        spare += fmax(0, b->widths[c] - need[c]);
    }
    double lack = 0;
    for (size_t c = 0; c < b->columns; c++)
        lack += fmax(0, need[c] - b->widths[c]);
    if (lack <= 0 || total_need > TEXT_W || spare <= 0)
        return;
    double take = fmin(1, lack / spare);
    for (size_t c = 0; c < b->columns; c++) {
        if (b->widths[c] < need[c])
            b->widths[c] = need[c];
        else
            b->widths[c] -= (b->widths[c] - need[c]) * take;
    }
}

static double text_height(cairo_t *cr, const char *font, const char *text, double width, int lines)
{
    PangoLayout *l = text_layout(cr, font, text, width, lines);
    int w, h;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return (double)h / PANGO_SCALE;
}

static void draw_text(cairo_t *cr, const char *font, const char *text, double x, double y, double width,
                      ind_align align, int lines)
{
    PangoLayout *l = text_layout(cr, font, text, width, lines);
    pango_layout_set_alignment(l, align == IND_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                  : align == IND_ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                                                               : PANGO_ALIGN_LEFT);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
}

/* ---- layout ---------------------------------------------------------------------- */

static double body_top(void) { return MARGIN; }
static double body_bottom(void) { return PAGE_H - MARGIN - FOOTER_H; }

static void place(pdf *r, size_t block_index, int page, double y, size_t from, size_t to)
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
    double w = TEXT_W - toc_indent(b->level) - TOC_NUM_W;
    return fmax(14, text_height(cr, b->level == 1 ? TOC_BOLD_FONT : TOC_FONT, b->text, w, LINES_TOC) + 3);
}

static void measure(pdf *r, cairo_t *cr)
{
    for (size_t i = 0; i < r->nb; i++) {
        block *b = &r->b[i];
        switch (b->kind) {
        case B_HEADING:
            b->h = heading_gap(b->level) + text_height(cr, heading_font(b->level), b->text, TEXT_W, LINES_HEADING) + 4;
            b->toc_h = b->level <= 2 ? toc_entry_h(cr, b) : 0;
            break;
        case B_PARAGRAPH:
            b->h = text_height(cr, b->small ? SMALL_FONT : BODY_FONT, b->text, TEXT_W, LINES_TEXT) + PARA_GAP;
            break;
        case B_TABLE:
            fit_columns(cr, b);
            for (size_t row = 0; row <= b->rows; row++) {
                double h = 0;
                for (size_t c = 0; c < b->columns; c++) {
                    const char *t = row == b->rows ? b->header[c] : b->cells[row * b->columns + c].text;
                    int bold = row == b->rows || b->cells[row * b->columns + c].bold;
                    double ch = text_height(cr, bold ? CELL_BOLD_FONT : CELL_FONT, t, b->widths[c] - 2 * CELL_PAD, LINES_CELL);
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
static double keep_height(const pdf *r, size_t i, int depth)
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

static void paginate(pdf *r)
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

/* The table's shading and rules: decoration, drawn outside any structure tag. */
static void draw_table_decor(cairo_t *cr, const block *b, double y, size_t from, size_t to)
{
    double x0 = MARGIN;
    double hh = b->row_h[b->rows];
    set_rgb(cr, IND_PAL_HEAD_BAND);
    cairo_rectangle(cr, x0, y, TEXT_W, hh);
    cairo_fill(cr);
    double yy = y + hh;
    for (size_t row = from; row < to; row++) {
        if ((row - from) % 2 == 1) {
            set_rgb(cr, IND_PAL_ROW_SHADE);
            cairo_rectangle(cr, x0, yy, TEXT_W, b->row_h[row]);
            cairo_fill(cr);
        }
        yy += b->row_h[row];
    }
    set_rgb(cr, IND_PAL_RULE);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x0 + TEXT_W, y);
    cairo_move_to(cr, x0, y + hh);
    cairo_line_to(cr, x0 + TEXT_W, y + hh);
    cairo_move_to(cr, x0, yy);
    cairo_line_to(cr, x0 + TEXT_W, yy);
    cairo_stroke(cr);
}

/* The rows from..to of a table on one page, as a tagged table: a header row
 * of TH cells (repeated on every page the table runs over, so each page's
 * part is a table of its own with its headers) and rows of TD cells. */
static void draw_table(cairo_t *cr, const block *b, double y, size_t from, size_t to)
{
    draw_table_decor(cr, b, y, from, to);
    double x0 = MARGIN;
    double hh = b->row_h[b->rows];
    cairo_tag_begin(cr, "Table", "");
    cairo_tag_begin(cr, "TR", "");
    double x = x0;
    set_rgb(cr, IND_PAL_TEXT);
    for (size_t c = 0; c < b->columns; c++) {
        cairo_tag_begin(cr, "TH", "");
        draw_text(cr, CELL_BOLD_FONT, b->header[c], x + CELL_PAD, y + CELL_PAD, b->widths[c] - 2 * CELL_PAD, b->align[c],
                  LINES_CELL);
        cairo_tag_end(cr, "TH");
        x += b->widths[c];
    }
    cairo_tag_end(cr, "TR");
    double yy = y + hh;
    for (size_t row = from; row < to; row++) {
        cairo_tag_begin(cr, "TR", "");
        x = x0;
        for (size_t c = 0; c < b->columns; c++) {
            const pcell *cell = &b->cells[row * b->columns + c];
            cairo_tag_begin(cr, "TD", "");
            set_rgb(cr, cell->colour ? cell->colour - 1 : IND_PAL_TEXT);
            draw_text(cr, cell->bold ? CELL_BOLD_FONT : CELL_FONT, cell->text, x + CELL_PAD, yy + CELL_PAD,
                      b->widths[c] - 2 * CELL_PAD, b->align[c], LINES_CELL);
            cairo_tag_end(cr, "TD");
            x += b->widths[c];
        }
        cairo_tag_end(cr, "TR");
        yy += b->row_h[row];
    }
    cairo_tag_end(cr, "Table");
}

static void footer(pdf *r, cairo_t *cr, int page)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s %d (%d)", r->meta->lang == IND_LANG_EN ? "Page" : "Sida", page, r->pages);
    set_rgb(cr, IND_PAL_FOOTER);
    double y = PAGE_H - MARGIN - 10;
    draw_text(cr, SMALL_FONT, r->meta->title, MARGIN, y, TEXT_W * 0.75, IND_ALIGN_LEFT, 1);
    draw_text(cr, SMALL_FONT, buf, MARGIN, y, TEXT_W, IND_ALIGN_RIGHT, 1);
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, MARGIN, y - 4);
    cairo_line_to(cr, MARGIN + TEXT_W, y - 4);
    cairo_stroke(cr);
}

static void draw_cover(pdf *r, cairo_t *cr)
{
    set_rgb(cr, IND_PAL_COVER_BAND);
    cairo_rectangle(cr, 0, 0, PAGE_W, 12);
    cairo_fill(cr);
    set_rgb(cr, IND_PAL_TEXT);
    double y = 230;
    cairo_tag_begin(cr, "H1", "");
    draw_text(cr, "DejaVu Sans Bold 26", r->meta->cover_title ? r->meta->cover_title : r->meta->title, MARGIN, y,
              TEXT_W, IND_ALIGN_LEFT, LINES_COVER);
    cairo_tag_end(cr, "H1");
    y += text_height(cr, "DejaVu Sans Bold 26", r->meta->cover_title ? r->meta->cover_title : r->meta->title, TEXT_W,
                     LINES_COVER) + 12;
    if (r->meta->cover_subtitle) {
        set_rgb(cr, IND_PAL_SUBTITLE);
        cairo_tag_begin(cr, "P", "");
        draw_text(cr, "DejaVu Sans 15", r->meta->cover_subtitle, MARGIN, y, TEXT_W, IND_ALIGN_LEFT, LINES_COVER);
        cairo_tag_end(cr, "P");
        y += text_height(cr, "DejaVu Sans 15", r->meta->cover_subtitle, TEXT_W, LINES_COVER) + 40;
    }
    set_rgb(cr, IND_PAL_TEXT);
    for (size_t i = 0; i < ind_doc_cover_count(r->doc); i++) {
        const char *line = ind_doc_cover_at(r->doc, i);
        cairo_tag_begin(cr, "P", "");
        draw_text(cr, BODY_FONT, line, MARGIN, y, TEXT_W, IND_ALIGN_LEFT, LINES_COVER);
        cairo_tag_end(cr, "P");
        y += text_height(cr, BODY_FONT, line, TEXT_W, LINES_COVER) + 4;
    }
}

static int heading_page(const pdf *r, size_t block, double *y)
{
    for (size_t k = 0; k < r->npl; k++)
        if (r->pl[k].block == block) {
            *y = r->pl[k].y;
            return r->pl[k].page;
        }
    *y = 0;
    return 0;
}

/* The contents: page furniture first (untagged), then the heading and a TOC
 * of TOCI entries, each a link to its heading. */
static void draw_toc(pdf *r, cairo_t *cr)
{
    size_t i = 0;
    for (int p = 0; p < r->toc_pages; p++) {
        footer(r, cr, 2 + p);
        double y = body_top();
        if (p == 0) {
            set_rgb(cr, IND_PAL_TEXT);
            cairo_tag_begin(cr, "H1", "");
            draw_text(cr, heading_font(1), r->meta->lang == IND_LANG_EN ? "Contents" : "Innehåll", MARGIN, y,
                      TEXT_W, IND_ALIGN_LEFT, 1);
            cairo_tag_end(cr, "H1");
            y += 30;
        }
        cairo_tag_begin(cr, "TOC", "");
        for (; i < r->nb; i++) {
            const block *b = &r->b[i];
            if (b->kind != B_HEADING || b->level > 2)
                continue;
            if (b->toc_page != p)
                break;
            double hy;
            int page = heading_page(r, i, &hy);
            char link[96], num[16];
            snprintf(link, sizeof link, "page=%d pos=[%.1f %.1f]", page, MARGIN, hy);
            snprintf(num, sizeof num, "%d", page);
            double indent = toc_indent(b->level);
            cairo_tag_begin(cr, "TOCI", "");
            cairo_tag_begin(cr, CAIRO_TAG_LINK, link);
            set_rgb(cr, IND_PAL_TEXT);
            draw_text(cr, b->level == 1 ? TOC_BOLD_FONT : TOC_FONT, b->text, MARGIN + indent, y,
                      TEXT_W - indent - TOC_NUM_W, IND_ALIGN_LEFT, LINES_TOC);
            draw_text(cr, TOC_FONT, num, MARGIN, y, TEXT_W, IND_ALIGN_RIGHT, 1);
            cairo_tag_end(cr, CAIRO_TAG_LINK);
            cairo_tag_end(cr, "TOCI");
            y += b->toc_h;
        }
        cairo_tag_end(cr, "TOC");
        cairo_show_page(cr);
    }
}

/* ---- pages --------------------------------------------------------------------------- */

static const char *heading_tag(int level) { return level == 1 ? "H1" : level == 2 ? "H2" : "H3"; }

static int is_item(const pdf *r, size_t k, int page)
{
    return k < r->npl && r->pl[k].page == page && r->b[r->pl[k].block].src->kind == IND_BLOCK_LIST_ITEM;
}

/* A figure tagged as such; its alt text kept for the document's Figure
 * elements (cairo 1.16 cannot write /Alt itself: see pdf_patch). */
static void draw_figure(pdf *r, cairo_t *cr, const block *b, double y)
{
    ind_chart_layout lay;
    ind_chart_layout_init(&lay);
    cairo_tag_begin(cr, "Figure", "");
    cairo_save(cr);
    ind_figure_draw(cr, b->src, MARGIN, y, TEXT_W, b->height, &lay, NULL);
    cairo_restore(cr);
    cairo_tag_end(cr, "Figure");
    if (r->nalt == r->altcap) {
        r->altcap = r->altcap ? 2 * r->altcap : 16;
        r->alt = must(realloc(r->alt, r->altcap * sizeof *r->alt));
    }
    r->alt[r->nalt++] = sdup(b->src->alt ? b->src->alt : lay.alt ? lay.alt : "");
    ind_chart_layout_free(&lay);
}

/* One placement of a content page, in its structure tag. */
static void draw_placement(pdf *r, cairo_surface_t *s, cairo_t *cr, size_t k, int *parent)
{
    const placement *p = &r->pl[k];
    block *b = &r->b[p->block];
    switch (b->kind) {
    case B_HEADING: {
        char dest[96];
        snprintf(dest, sizeof dest, "page=%d pos=[%.1f %.1f]", p->page, MARGIN, p->y);
        b->outline_id = cairo_pdf_surface_add_outline(s, parent[b->level - 1], b->text, dest,
                                                      b->level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
        for (int l = b->level; l < 4; l++)
            parent[l] = b->outline_id;
        set_rgb(cr, b->level == 1 ? IND_PAL_HEADING : IND_PAL_TEXT);
        cairo_tag_begin(cr, heading_tag(b->level), "");
        draw_text(cr, heading_font(b->level), b->text, MARGIN, p->y + heading_gap(b->level), TEXT_W, IND_ALIGN_LEFT,
                  LINES_HEADING);
        cairo_tag_end(cr, heading_tag(b->level));
        break;
    }
    case B_PARAGRAPH: {
        int item = b->src->kind == IND_BLOCK_LIST_ITEM;
        /* consecutive items on a page make one list */
        if (item && !(k > 0 && is_item(r, k - 1, p->page)))
            cairo_tag_begin(cr, "L", "");
        if (item) {
            cairo_tag_begin(cr, "LI", "");
            cairo_tag_begin(cr, "LBody", "");
        } else {
            cairo_tag_begin(cr, "P", "");
        }
        set_rgb(cr, b->small ? IND_PAL_NOTE : IND_PAL_TEXT);
        draw_text(cr, b->small ? SMALL_FONT : BODY_FONT, b->text, MARGIN, p->y, TEXT_W, IND_ALIGN_LEFT, LINES_TEXT);
        if (item) {
            cairo_tag_end(cr, "LBody");
            cairo_tag_end(cr, "LI");
            if (!is_item(r, k + 1, p->page))
                cairo_tag_end(cr, "L");
        } else {
            cairo_tag_end(cr, "P");
        }
        break;
    }
    case B_TABLE:
        draw_table(cr, b, p->y, p->row_from, p->row_to);
        break;
    case B_FIGURE:
        draw_figure(r, cr, b, p->y);
        break;
    case B_PAGE_BREAK:
        break;
    }
}

/* The content pages: page furniture first, outside any structure tag (cairo
 * 1.16 has no artifacts), then each placement in reading order, headings
 * into the outline. */
static void draw_pages(pdf *r, cairo_surface_t *s, cairo_t *cr)
{
    int parent[4] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT};
    int first_content = 2 + r->toc_pages;
    size_t k = 0;
    for (int page = first_content; page <= r->pages; page++) {
        footer(r, cr, page);
        for (; k < r->npl && r->pl[k].page == page; k++)
            draw_placement(r, s, cr, k, parent);
        cairo_show_page(cr);
    }
}

/* ---- what cairo 1.16 cannot write: a post-pass over the finished file ---------------- */

typedef struct {
    char *d;
    size_t len, cap;
} sbuf;

static void put(sbuf *b, const void *data, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->d = must(realloc(b->d, cap));
        b->cap = cap;
    }
    memcpy(b->d + b->len, data, n);
    b->len += n;
}

static void put_str(sbuf *b, const char *s) { put(b, s, strlen(s)); }

static cairo_status_t sbuf_write(void *closure, const unsigned char *data, unsigned int length)
{
    put(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* A PDF text string: UTF-16BE with a byte order mark, in hex. */
static void put_text_string(sbuf *b, const char *s)
{
    put(b, "<FEFF", 5);
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        unsigned cp = *u++;
        if (cp >= 0xF0 && u[0] && u[1] && u[2]) {
            cp = ((cp & 7) << 18) | ((u[0] & 63u) << 12) | ((u[1] & 63u) << 6) | (u[2] & 63u);
            u += 3;
        } else if (cp >= 0xE0 && u[0] && u[1]) {
            cp = ((cp & 15) << 12) | ((u[0] & 63u) << 6) | (u[1] & 63u);
            u += 2;
        } else if (cp >= 0xC0 && u[0]) {
            cp = ((cp & 31) << 6) | (u[0] & 63u);
            u += 1;
        }
        char hex[20];
        int n;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            n = snprintf(hex, sizeof hex, "%04X%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
        } else {
            n = snprintf(hex, sizeof hex, "%04X", cp);
        }
        put(b, hex, (size_t)n);
    }
    put(b, ">", 1);
}

/* Adds what PDF/UA asks for and cairo 1.16 cannot say: the document's
 * language and "show the title, not the file name" in the catalogue, and the
 * alt text of every Figure structure element (in the order drawn, which is
 * the order cairo writes them). The file is copied with the insertions and
 * its classic cross-reference table rewritten for the shifted offsets.
 * Returns 0, or -1 when the file is not as cairo writes it (then it is left
 * as it is). */
static int pdf_patch(const sbuf *in, const char *lang, char *const *alt, size_t nalt, sbuf *out)
{
    const char *d = in->d;
    size_t n = in->len;
    const char *sx = NULL;
    for (size_t i = n > 64 ? n - 64 : 0; i + 9 <= n; i++)
        if (memcmp(d + i, "startxref", 9) == 0)
            sx = d + i;
    if (!sx)
        return -1;
    size_t xref = strtoul(sx + 9, NULL, 10);
    if (xref >= n || memcmp(d + xref, "xref", 4) != 0)
        return -1;
    /* the entries: "first count" then 20-byte lines "OOOOOOOOOO GGGGG n \n" */
    const char *e = d + xref + 4;
    while (*e == '\n' || *e == '\r' || *e == ' ')
        e++;
    char *end;
    unsigned long first = strtoul(e, &end, 10), count = strtoul(end, &end, 10);
    while (*end == ' ' || *end == '\r' || *end == '\n')
        end++;
    const char *entries = end;
    if (first != 0 || (size_t)(entries - d) + count * 20 > n)
        return -1;
    size_t done = 0, figure = 0;
    const char *cat = "<< /Type /Catalog", *elem = "<< /Type /StructElem\n   /S /Figure";
    long *shift = must(calloc(count + 1, sizeof *shift)); /* inserted bytes before object k */
    long inserted = 0;
    /* copy up to the xref, inserting after the markers */
    for (size_t i = 0; i < xref;) {
        int c = memcmp(d + i, cat, strlen(cat)) == 0, f = memcmp(d + i, elem, strlen(elem)) == 0;
        if (!c && !f) {
            i++;
            continue;
        }
        size_t at = i + (c ? strlen(cat) : strlen(elem));
        put(out, d + done, at - done);
        size_t before = out->len;
        if (c) {
            put_str(out, "\n   /Lang (");
            put_str(out, lang);
            put_str(out, ")\n   /ViewerPreferences << /DisplayDocTitle true >>");
            /* cairo marks a document tagged only under one Document root, which
             * would take the untagged page furniture into the structure */
            const char *obj_end = strstr(d + at, "endobj");
            if (obj_end && !memmem(d + at, (size_t)(obj_end - (d + at)), "/MarkInfo", 9))
                put_str(out, "\n   /MarkInfo << /Marked true >>");
        } else if (figure < nalt) {
            put_str(out, "\n   /Alt ");
            put_text_string(out, alt[figure]);
            figure++;
        }
        /* every object starting after `at` moves by the insertion */
        long add = (long)(out->len - before);
        for (unsigned long k = 1; k < count; k++)
            if (strtoul(entries + k * 20, NULL, 10) >= at)
                shift[k] += add;
        inserted += add;
        done = i = at;
    }
    put(out, d + done, xref - done);
    char line[64];
    put(out, "xref\n", 5);
    int ln = snprintf(line, sizeof line, "0 %lu\n", count);
    put(out, line, (size_t)ln);
    put(out, entries, 20); /* the free entry */
    for (unsigned long k = 1; k < count; k++) {
        unsigned long off = strtoul(entries + k * 20, NULL, 10);
        snprintf(line, sizeof line, "%010lu", off + (unsigned long)shift[k]);
        put(out, line, 10);
        put(out, entries + k * 20 + 10, 10);
    }
    /* the trailer and startxref */
    const char *trailer = entries + count * 20;
    put(out, trailer, (size_t)(sx - trailer));
    ln = snprintf(line, sizeof line, "startxref\n%lu\n%%%%EOF\n", (unsigned long)(xref + (size_t)inserted));
    put(out, line, (size_t)ln);
    free(shift);
    return 0;
}

ind_status ind_write_pdf(const ind_doc *doc, FILE *f, int *pages_out, ind_error *err)
{
    pdf r;
    memset(&r, 0, sizeof r);
    load(&r, doc);
    /* layout on a recording surface: unhinted metrics, like the PDF's */
    PangoFontMap *fm = pango_cairo_font_map_new();
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *mcr = cairo_create(rec);
    cairo_set_user_data(mcr, &fontmap_key, fm, NULL);
    measure(&r, mcr);
    cairo_destroy(mcr);
    cairo_surface_destroy(rec);
    paginate(&r);

    sbuf raw = {0}, patched = {0};
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(sbuf_write, &raw, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, r.meta->title);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, r.meta->subject);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, r.meta->creator);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, r.meta->date);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, r.meta->date);
    cairo_t *cr = cairo_create(s);
    cairo_set_user_data(cr, &fontmap_key, fm, NULL);
    /* page 1: the cover; then the contents and the content pages */
    draw_cover(&r, cr);
    cairo_show_page(cr);
    if (r.toc_pages)
        draw_toc(&r, cr);
    draw_pages(&r, s, cr);
    /* a drawing error stops cairo drawing anything more: the file would lack pages */
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    if (cs == CAIRO_STATUS_SUCCESS)
        cs = cairo_surface_status(s);
    cairo_surface_destroy(s);
    g_object_unref(fm);
    int pages = r.pages;
    ind_status st = IND_OK;
    if (cs != CAIRO_STATUS_SUCCESS)
        st = ind_error_set(err, IND_EIO, "", 0, 0, "writing the PDF failed: %s", cairo_status_to_string(cs));
    else if (pdf_patch(&raw, r.meta->lang == IND_LANG_EN ? "en" : "sv-SE", r.alt, r.nalt, &patched) != 0)
        st = ind_error_set(err, IND_EIO, "", 0, 0, "writing the PDF failed: unexpected layout of cairo's output");
    else if (fwrite(patched.d, 1, patched.len, f) != patched.len)
        st = ind_error_set(err, IND_EIO, "", 0, 0, "writing the PDF failed");
    unload(&r);
    free(raw.d);
    free(patched.d);
    if (st == IND_OK && pages_out)
        *pages_out = pages;
    return st;
}
