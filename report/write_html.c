/* write_html.c: a document as one self-contained web page: headings, tables with header cells, inline SVG figures.
 *
 * The page asks for nothing outside itself: no fonts, scripts or images by
 * URL, and a Content-Security-Policy that forbids them, so a browser makes
 * no request. Figures are the charts as inline SVG with their alt text; the
 * embedded stylesheet reads on a phone (tables scroll sideways inside a
 * wrapper) and prints (each chapter on a new page, whole tables). The same
 * document gives the same bytes. */
#define _GNU_SOURCE
#include "write.h"

#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "render.h"

typedef struct {
    const ind_doc *doc;
    const ind_doc_meta *meta;
    int en;
    FILE *f;
    int figures, tables;
    const char *heading; /* the last heading: names a table without a caption */
    struct glyph *glyphs;  /* the glyphs of the page's figures, each written once */
    size_t nglyphs, glyphcap;
    ind_error *err;
} html;

/* ---- text ------------------------------------------------------------------------------ */

void ind_write_xml(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xC0) { /* a character cut short (a text cut in a fixed buffer) is left out */
            size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2, j = 1;
            while (j < k && i + j < n && ((unsigned char)s[i + j] & 0xC0) == 0x80)
                j++;
            if (j < k) {
                i += j - 1;
                continue;
            }
        }
        switch (c) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\t': fputs("&#9;", f); break;
        case '\n': fputs("&#10;", f); break;
        case '\r': fputs("&#13;", f); break;
        default:
            if (c >= 0x20 && c != 0x7F)
                fputc(c, f);
        }
    }
}

static const struct {
    const char *name;
    unsigned rgb;
} colours[] = {
    {"TEXT", IND_PAL_TEXT},       {"NOTE", IND_PAL_NOTE},          {"FOOTER", IND_PAL_FOOTER},
    {"HEADING", IND_PAL_HEADING}, {"SUBTITLE", IND_PAL_SUBTITLE},  {"MET", IND_PAL_MET},
    {"PARTLY", IND_PAL_PARTLY},   {"NOT_MET", IND_PAL_NOT_MET},    {"OTHER", IND_PAL_OTHER},
    {"PAPER", IND_PAL_PAPER},     {"HEAD_BAND", IND_PAL_HEAD_BAND}, {"ROW_SHADE", IND_PAL_ROW_SHADE},
    {"RULE", IND_PAL_RULE},       {"COVER_BAND", IND_PAL_COVER_BAND},
};

void ind_write_coloured(FILE *f, const char *s, const char *fmt)
{
    for (const char *at; (at = strchr(s, '@')) != NULL;) {
        size_t n = strspn(at + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_");
        size_t k = 0;
        while (k < sizeof colours / sizeof colours[0] &&
               !(strlen(colours[k].name) == n && strncmp(colours[k].name, at + 1, n) == 0))
            k++;
        fwrite(s, 1, (size_t)(at - s), f);
        if (n && k < sizeof colours / sizeof colours[0])
            fprintf(f, fmt, colours[k].rgb);
        else
            fwrite(at, 1, n + 1, f);
        s = at + 1 + n;
    }
    fputs(s, f);
}

static void text(html *h, const char *s) { ind_write_xml(h->f, s, strlen(s)); }

/* <tag attrs>text</tag> and a line break */
static void element(html *h, const char *tag, const char *attrs, const char *s)
{
    fprintf(h->f, "<%s%s>", tag, attrs);
    text(h, s);
    fprintf(h->f, "</%s>\n", tag);
}

/* ---- the stylesheet ---------------------------------------------------------------------- */

/* System fonts only; colours as on paper (Okabe-Ito for verdicts, which the
 * symbol and words carry as well). */
static const char stylesheet[] =
    "*,*::before,*::after{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
    "body{margin:0 auto;max-width:54rem;padding:1rem 1.25rem 2rem;color:@TEXT;background:@PAPER;line-height:1.5;"
    "font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"DejaVu Sans\",sans-serif}\n"
    "h1,h2,h3,h4{line-height:1.25;overflow-wrap:break-word}\n"
    "h1{font-size:2rem;margin:1rem 0 .25rem}\n"
    "h2{font-size:1.5rem;color:@HEADING;margin:2.5rem 0 .75rem;padding-top:.5rem;border-top:3px solid @COVER_BAND}\n"
    "h3{font-size:1.2rem;margin:2rem 0 .5rem}\n"
    "h4{font-size:1.05rem;margin:1.5rem 0 .4rem}\n"
    "p,li{max-width:42rem}\n"
    ".cover{border-top:.5rem solid @COVER_BAND;padding-top:1rem}\n"
    ".cover .subtitle{font-size:1.25rem;color:@SUBTITLE;margin:0 0 1rem}\n"
    ".cover p{margin:.15rem 0}\n"
    ".note{font-size:.85rem;color:@NOTE}\n"
    "nav{margin:1.5rem 0}\n"
    "nav h2{border:0;padding:0;margin:0 0 .5rem;font-size:1.2rem;color:@TEXT}\n"
    "nav ol{margin:0;padding-left:1.25rem}\n"
    "a{color:@HEADING}\n"
    ".table-wrap{overflow-x:auto;margin:.75rem 0 1.5rem;-webkit-overflow-scrolling:touch}\n"
    ".table-wrap:focus{outline:2px solid @MET;outline-offset:2px}\n"
    "table{border-collapse:collapse;font-size:.875rem;min-width:100%}\n"
    "caption{text-align:left;font-weight:bold;padding:0 0 .4rem}\n"
    "th,td{padding:.35rem .5rem;text-align:left;vertical-align:top;border-bottom:1px solid @HEAD_BAND}\n"
    "thead th{background:@HEAD_BAND;border-bottom:1px solid @RULE;vertical-align:bottom}\n"
    "tbody th{font-weight:normal;min-width:10rem}\n"
    "tbody tr:nth-child(even){background:@ROW_SHADE}\n"
    ".num,.r{text-align:right}.c{text-align:center}\n"
    "td.num{white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    ".v-met{color:@MET}.v-partly{color:@PARTLY}.v-not_met{color:@NOT_MET}.v-other{color:@OTHER}\n"
    ".i1{padding-left:1.5rem}.i2{padding-left:2.5rem}.i3{padding-left:3.5rem}\n"
    "figure{margin:1rem 0 1.75rem}\n"
    "figure svg{display:block;width:100%;height:auto;max-width:48rem}\n"
    "figcaption{font-size:.85rem;color:@NOTE;margin-top:.35rem;max-width:42rem}\n"
    "footer{margin-top:3rem;padding-top:.75rem;border-top:1px solid @RULE;font-size:.85rem;color:@NOTE}\n"
    "footer h2{font-size:1rem;color:@TEXT;border:0;margin:0 0 .5rem;padding:0}\n"
    "footer dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}\n"
    "footer dt{font-weight:bold}footer dd{margin:0}\n"
    "@media (max-width:40rem){body{padding:.75rem .9rem 1.5rem}h1{font-size:1.6rem}h2{font-size:1.3rem}"
    "h3{font-size:1.1rem}table{font-size:.8rem}footer dl{grid-template-columns:1fr}footer dd{margin-bottom:.4rem}}\n"
    "@media print{@page{size:A4;margin:2cm}\n"
    "body{max-width:none;padding:0;font-size:10pt}\n"
    "nav,main>h2{break-before:page}\n"
    "h2,h3,h4,caption{break-after:avoid}\n"
    ".table-wrap{overflow:visible}\n"
    "table{min-width:0;width:100%}\n"
    "thead{display:table-header-group}\n"
    "tr,figure{break-inside:avoid}\n"
    "a{color:inherit;text-decoration:none}\n"
    "thead th,tbody tr:nth-child(even){-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* ---- tables ------------------------------------------------------------------------------- */

static const char *verdict_class(ind_verdict v)
{
    switch (v) {
    case IND_VERDICT_MET: return "v-met";
    case IND_VERDICT_PARTLY: return "v-partly";
    case IND_VERDICT_NOT_MET: return "v-not_met";
    default: return "v-other";
    }
}

static int numeric(const ind_doc_column *col) { return col->kind == IND_CELL_NUMBER || col->kind == IND_CELL_INTEGER; }

/* The class of a column's cells: numbers right-aligned on one line, text
 * the column right-aligns to the right (wrapping), else none. */
static const char *align_class(const ind_doc_column *col)
{
    return numeric(col) ? "num" : col->align == IND_ALIGN_RIGHT ? "r" : col->align == IND_ALIGN_CENTRE ? "c" : "";
}

/* A cell's text, with a place to break after each "/" between words
 * ("nämnd/<wbr>styrelse"): narrow columns wrap there, not inside a word. */
static void cell_text(html *h, const char *s)
{
    for (const char *slash; (slash = strchr(s, '/')) != NULL; s = slash + 1) {
        ind_write_xml(h->f, s, (size_t)(slash - s) + 1);
        if (slash > s && slash[1] && slash[1] != ' ')
            fputs("<wbr>", h->f);
    }
    text(h, s);
}

/* One body cell: the first shown column as the row's header cell. */
static void body_cell(html *h, const ind_doc_column *col, const ind_cell *c, int row_header)
{
    char cls[64] = "", buf[1200];
    const char *tag = row_header ? "th" : "td";
    if (c->kind == IND_CELL_VERDICT)
        snprintf(cls, sizeof cls, "%s", verdict_class(c->verdict));
    else if (c->kind == IND_CELL_TEXT && c->indent > 0)
        snprintf(cls, sizeof cls, "i%d", c->indent > 3 ? 3 : c->indent);
    else
        snprintf(cls, sizeof cls, "%s", align_class(col));
    fprintf(h->f, "<%s%s%s%s%s>", tag, row_header ? " scope=\"row\"" : "", cls[0] ? " class=\"" : "", cls,
            cls[0] ? "\"" : "");
    ind_cell plain = *c;
    plain.indent = 0; /* indented by the stylesheet, not by spaces */
    if (c->emphasis)
        fputs("<strong>", h->f);
    cell_text(h, ind_cell_show(&plain, h->meta->lang, IND_SHOW_TYPESET, buf, sizeof buf));
    if (c->emphasis)
        fputs("</strong>", h->f);
    fprintf(h->f, "</%s>", tag);
}

/* The shown columns' widths as the document gives them (relative), in percent. */
static void columns(html *h, const ind_doc_table *t)
{
    size_t nc = ind_doc_table_columns(t);
    double total = 0;
    for (size_t j = 0; j < nc; j++)
        if (ind_doc_table_column(t, j)->shown)
            total += ind_doc_table_column(t, j)->width > 0 ? ind_doc_table_column(t, j)->width : 1;
    fputs("<colgroup>", h->f);
    for (size_t j = 0; j < nc; j++) {
        const ind_doc_column *col = ind_doc_table_column(t, j);
        if (col->shown)
            fprintf(h->f, "<col style=\"width:%.1f%%\">", 100 * (col->width > 0 ? col->width : 1) / total);
    }
    fputs("</colgroup>\n", h->f);
}

/* A table in a wrapper that scrolls sideways on a narrow screen (a focusable
 * region named by the caption, else the heading above it). */
static void table(html *h, const ind_doc_table *t)
{
    size_t nc = ind_doc_table_columns(t), nr = ind_doc_table_rows(t);
    const char *caption = ind_doc_table_caption(t);
    char name[64];
    snprintf(name, sizeof name, "%s %d", h->en ? "Table" : "Tabell", ++h->tables);
    const char *label = caption ? caption : h->heading ? h->heading : name;
    fputs("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"", h->f);
    text(h, label);
    fputs("\">\n<table>\n", h->f);
    if (caption)
        element(h, "caption", "", caption);
    columns(h, t);
    fputs("<thead><tr>", h->f);
    for (size_t j = 0; j < nc; j++) {
        const ind_doc_column *col = ind_doc_table_column(t, j);
        if (col->shown) {
            const char *cls = align_class(col);
            fprintf(h->f, "<th scope=\"col\"%s%s%s>", cls[0] ? " class=\"" : "", cls, cls[0] ? "\"" : "");
            cell_text(h, col->label);
            fputs("</th>", h->f);
        }
    }
    fputs("</tr></thead>\n<tbody>\n", h->f);
    for (size_t i = 0; i < nr; i++) {
        fputs("<tr>", h->f);
        int first = 1;
        for (size_t j = 0; j < nc; j++) {
            const ind_doc_column *col = ind_doc_table_column(t, j);
            if (col->shown) {
                body_cell(h, col, ind_doc_table_cell(t, i, j), first);
                first = 0;
            }
        }
        fputs("</tr>\n", h->f);
    }
    fputs("</tbody>\n</table>\n</div>\n", h->f);
}

/* ---- figures -------------------------------------------------------------------------------- */

/* The value of attribute name in the start tag tag[0..n), copied to out; "" when absent. */
static void attribute(const char *tag, size_t n, const char *name, char *out, size_t size)
{
    out[0] = '\0';
    size_t k = strlen(name);
    for (size_t i = 1; i + k + 2 < n; i++) {
        if (tag[i - 1] == ' ' && strncmp(tag + i, name, k) == 0 && tag[i + k] == '=' && tag[i + k + 1] == '"') {
            const char *v = tag + i + k + 2, *end = memchr(v, '"', n - (size_t)(v - tag));
            if (end && (size_t)(end - v) < size) {
                memcpy(out, v, (size_t)(end - v));
                out[end - v] = '\0';
            }
            return;
        }
    }
}

/* A glyph cairo drew as a <symbol>, kept once for the page: its text
 * without the id, and its hash. */
typedef struct glyph {
    char *key;
    size_t len;
    unsigned long hash;
} glyph;

#define NOT_GLYPH ((size_t)-1)

/* An id of a figure's SVG as cairo named it ("glyph0-3", "surface12": the
 * same in every file, and numbered on through a process) and what the page
 * calls it: the page's glyph "g<glyph>", else "f<figure>-<its number>". */
typedef struct {
    char id[48];
    size_t glyph;
} svg_name;

typedef struct {
    int figure;
    svg_name *v;
    size_t n;
} svg_names;

static unsigned long hash_bytes(const char *s, size_t n)
{
    unsigned long h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The page's number of the glyph sym[0..n) (a whole <symbol> element whose
 * id attribute spans id_at[0..id_len)); *fresh when it is new to the page.
 * NOT_GLYPH when out of memory. */
static size_t glyph_number(html *h, const char *sym, size_t n, const char *id_at, size_t id_len, int *fresh)
{
    size_t before = (size_t)(id_at - sym), len = n - id_len;
    char *key = malloc(len + 1);
    if (!key)
        return NOT_GLYPH;
    memcpy(key, sym, before);
    memcpy(key + before, id_at + id_len, n - before - id_len);
    unsigned long hash = hash_bytes(key, len);
    for (size_t i = 0; i < h->nglyphs; i++)
        if (h->glyphs[i].hash == hash && h->glyphs[i].len == len && memcmp(h->glyphs[i].key, key, len) == 0) {
            free(key);
            *fresh = 0;
            return i;
        }
    if (h->nglyphs == h->glyphcap) {
        size_t cap = h->glyphcap ? 2 * h->glyphcap : 256;
        glyph *g = realloc(h->glyphs, cap * sizeof *g);
        if (!g) {
            free(key);
            return NOT_GLYPH;
        }
        h->glyphs = g;
        h->glyphcap = cap;
    }
    h->glyphs[h->nglyphs] = (glyph){key, len, hash};
    *fresh = 1;
    return h->nglyphs++;
}

/* The index of cairo's id[0..len) among the figure's names, added when new
 * (glyph: the page's glyph it is, or NOT_GLYPH); -1 when out of memory. */
static long name_index(svg_names *names, const char *id, size_t len, size_t glyph)
{
    size_t i = 0;
    if (len >= sizeof names->v[0].id)
        len = sizeof names->v[0].id - 1;
    while (i < names->n && !(strlen(names->v[i].id) == len && memcmp(names->v[i].id, id, len) == 0))
        i++;
    if (i == names->n) {
        svg_name *v = realloc(names->v, (names->n + 1) * sizeof *v);
        if (!v)
            return -1;
        names->v = v;
        snprintf(v[i].id, sizeof v[i].id, "%.*s", (int)len, id);
        v[i].glyph = glyph;
        names->n++;
    }
    return (long)i;
}

static void put_name(html *h, const svg_names *names, long i)
{
    if (names->v[i].glyph != NOT_GLYPH)
        fprintf(h->f, "g%zu", names->v[i].glyph);
    else
        fprintf(h->f, "f%d-%ld", names->figure, i + 1);
}

/* One <symbol> of a figure, sym[0..n): a glyph (it refers to nothing) is
 * written once for the whole page as "g<number>", later copies left out and
 * their uses pointed at it. 0 when it is no glyph (nothing written), 1 when
 * done, -1 when out of memory. */
static int symbol(html *h, const char *sym, size_t n, svg_names *names)
{
    const char *id_at = memmem(sym, n, " id=\"", 5);
    const char *id_end = id_at ? memchr(id_at + 5, '"', n - (size_t)(id_at + 5 - sym)) : NULL;
    if (!id_end || memchr(sym, '#', n) || (size_t)(id_end - id_at) >= sizeof names->v[0].id)
        return 0;
    size_t id_len = (size_t)(id_end + 1 - id_at);
    int fresh;
    size_t page = glyph_number(h, sym, n, id_at, id_len, &fresh);
    long i = page == NOT_GLYPH ? -1 : name_index(names, id_at + 5, id_len - 6, page);
    if (i < 0)
        return -1;
    if (fresh) {
        fwrite(sym, 1, (size_t)(id_at - sym), h->f);
        fputs(" id=\"", h->f);
        put_name(h, names, i);
        fputc('"', h->f);
        fwrite(id_at + id_len, 1, n - (size_t)(id_at - sym) - id_len, h->f);
    }
    return 1;
}

/* The SVG's body for a page that holds many. Glyphs (most of a chart's
 * bytes, and the same in every chart) are written once for the page; every
 * other id, and every reference to one (href="#…", url(#…)), is renamed
 * "f<figure>-<k>" in order of appearance: cairo's names are the same in
 * every file and numbered on through a process, and the figures of a page
 * share one id space. */
static ind_status svg_body(html *h, const char *s, const char *end, int figure)
{
    static const char *const marks[] = {"<symbol ", " id=\"", "href=\"#", "url(#"};
    svg_names names = {figure, NULL, 0};
    int rc = 0;
    while (s < end && rc >= 0) {
        const char *next = end;
        int which = -1;
        for (int k = 0; k < 4; k++) {
            const char *m = memmem(s, (size_t)(end - s), marks[k], strlen(marks[k]));
            if (m && m < next)
                next = m, which = k;
        }
        const char *sym_end = which == 0 ? memmem(next, (size_t)(end - next), "</symbol>", 9) : NULL;
        fwrite(s, 1, (size_t)(next - s), h->f);
        if (sym_end && (rc = symbol(h, next, (size_t)(sym_end + 9 - next), &names)) != 0) {
            s = sym_end + 9;
            continue;
        }
        size_t len = which < 0 ? 0 : strlen(marks[which]);
        fwrite(next, 1, len, h->f);
        s = next + len;
        if (which > 0) { /* an id or a reference to one: renamed */
            const char *stop = memchr(s, which == 3 ? ')' : '"', (size_t)(end - s));
            size_t n = stop ? (size_t)(stop - s) : (size_t)(end - s);
            long i = name_index(&names, s, n, NOT_GLYPH);
            if (i < 0)
                rc = -1;
            else
                put_name(h, &names, i);
            s += n;
        }
    }
    free(names.v);
    return rc < 0 ? ind_error_set(h->err, IND_ENOMEM, "", 0, 0, "out of memory writing the web page") : IND_OK;
}

/* The figure's caption: the first sentence of its alt text (what kind of
 * chart, of what, where, when), else the heading above it. */
static void caption_text(const char *alt, const char *heading, char *out, size_t size)
{
    const char *stop = strstr(alt, ". ");
    size_t n = stop ? (size_t)(stop - alt) + 1 : strlen(alt);
    if (n == 0 || n >= size) {
        snprintf(out, size, "%s", heading ? heading : "");
        return;
    }
    memcpy(out, alt, n);
    out[n] = '\0';
}

/* The chart as inline SVG in a <figure>: the root start tag rewritten (no
 * namespaces: HTML gives them; role="img" and the alt text as its name),
 * <title> and <desc> first inside it, then a <figcaption>. */
static ind_status figure(html *h, const ind_block *b)
{
    ind_image img;
    ind_status st = ind_figure_render(b, IND_IMAGE_SVG, IND_DOC_TEXT_W, 0, &img, h->err);
    if (st != IND_OK)
        return st;
    const char *svg = (const char *)img.data, *end = svg + img.len;
    const char *root = memmem(svg, img.len, "<svg", 4);
    const char *root_end = root ? memchr(root, '>', (size_t)(end - root)) : NULL;
    const char *close = root_end ? memmem(root_end, (size_t)(end - root_end), "</svg>", 6) : NULL;
    if (!close) {
        ind_image_free(&img);
        return ind_error_set(h->err, IND_EIO, "", 0, 0, "a figure's SVG could not be read");
    }
    char view[96], width[32], height[32], cap[600], label[32];
    size_t tag_n = (size_t)(root_end - root);
    attribute(root, tag_n, "viewBox", view, sizeof view);
    attribute(root, tag_n, "width", width, sizeof width);
    attribute(root, tag_n, "height", height, sizeof height);
    int n = ++h->figures;
    snprintf(label, sizeof label, "%s %d", h->en ? "Figure" : "Figur", n);
    caption_text(img.alt, h->heading, cap, sizeof cap);
    fprintf(h->f, "<figure id=\"figure-%d\">\n<svg viewBox=\"%s\" width=\"%s\" height=\"%s\" role=\"img\" "
                  "focusable=\"false\" aria-label=\"", n, view, width, height);
    text(h, img.alt);
    fprintf(h->f, "\">\n<title>%s: ", label);
    text(h, cap);
    fputs("</title>\n<desc>", h->f);
    text(h, img.alt);
    fputs("</desc>", h->f);
    st = svg_body(h, root_end + 1, close, n);
    fprintf(h->f, "</svg>\n<figcaption>%s. ", label);
    text(h, cap);
    fputs("</figcaption>\n</figure>\n", h->f);
    ind_image_free(&img);
    return st;
}

/* ---- the page ------------------------------------------------------------------------------ */

static void head(html *h)
{
    const ind_doc_meta *m = h->meta;
    fprintf(h->f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'\">\n",
            h->en ? "en" : "sv");
    element(h, "title", "", m->title);
    if (m->subject[0]) {
        fputs("<meta name=\"description\" content=\"", h->f);
        text(h, m->subject);
        fputs("\">\n", h->f);
    }
    if (m->creator[0]) {
        fputs("<meta name=\"generator\" content=\"", h->f);
        text(h, m->creator);
        fputs("\">\n", h->f);
    }
    fputs("<style>\n", h->f);
    ind_write_coloured(h->f, stylesheet, "#%06x");
    fputs("</style>\n</head>\n<body>\n", h->f);
}

/* The cover: its title as the page's one h1, the subtitle and the lines. */
static void cover(html *h)
{
    const ind_doc_meta *m = h->meta;
    fputs("<header class=\"cover\">\n", h->f);
    element(h, "h1", "", m->cover_title ? m->cover_title : m->title);
    if (m->cover_subtitle)
        element(h, "p", " class=\"subtitle\"", m->cover_subtitle);
    for (size_t i = 0; i < ind_doc_cover_count(h->doc); i++)
        element(h, "p", "", ind_doc_cover_at(h->doc, i));
    fputs("</header>\n", h->f);
}

/* The contents: the headings of levels 1 and 2 (h2, h3 on the page) as
 * links, level 2 nested in its level 1; none for fewer than two. */
static void contents(html *h)
{
    size_t count = 0;
    for (size_t i = 0; i < ind_doc_count(h->doc); i++)
        count += ind_doc_block(h->doc, i)->kind == IND_BLOCK_HEADING && ind_doc_block(h->doc, i)->level <= 2;
    if (count < 2)
        return;
    fprintf(h->f, "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">%s</h2>\n<ol>\n",
            h->en ? "Contents" : "Innehåll");
    int depth = 0; /* 1: inside a level-1 item; 2: inside its nested list */
    for (size_t i = 0; i < ind_doc_count(h->doc); i++) {
        const ind_block *b = ind_doc_block(h->doc, i);
        if (b->kind != IND_BLOCK_HEADING || b->level > 2)
            continue;
        if (b->level == 1 || depth == 0) {
            fputs(depth == 2 ? "</li></ol></li>\n" : depth == 1 ? "</li>\n" : "", h->f);
            depth = 1;
        } else {
            fputs(depth == 1 ? "<ol>\n" : "</li>\n", h->f);
            depth = 2;
        }
        fprintf(h->f, "<li><a href=\"#h%zu\">", i);
        text(h, b->text);
        fputs("</a>", h->f);
    }
    fputs(depth == 2 ? "</li></ol></li>\n</ol>\n</nav>\n" : "</li>\n</ol>\n</nav>\n", h->f);
}

/* The document's blocks: headings one level down (the cover has the h1),
 * consecutive list items as one list; page breaks are for paper only. */
static ind_status blocks(html *h)
{
    ind_status st = IND_OK;
    int in_list = 0;
    fputs("<main>\n", h->f);
    for (size_t i = 0; i < ind_doc_count(h->doc) && st == IND_OK; i++) {
        const ind_block *b = ind_doc_block(h->doc, i);
        if (in_list && b->kind != IND_BLOCK_LIST_ITEM) {
            fputs("</ul>\n", h->f);
            in_list = 0;
        }
        switch (b->kind) {
        case IND_BLOCK_HEADING: {
            char tag[16], attrs[32];
            snprintf(tag, sizeof tag, "h%d", b->level + 1);
            snprintf(attrs, sizeof attrs, " id=\"h%zu\"", i);
            element(h, tag, attrs, b->text);
            h->heading = b->text;
            break;
        }
        case IND_BLOCK_PARAGRAPH: element(h, "p", "", b->text); break;
        case IND_BLOCK_NOTE: element(h, "p", " class=\"note\"", b->text); break;
        case IND_BLOCK_LIST_ITEM:
            if (!in_list)
                fputs("<ul>\n", h->f);
            in_list = 1;
            element(h, "li", "", b->text);
            break;
        case IND_BLOCK_TABLE: table(h, b->table); break;
        case IND_BLOCK_FIGURE: st = figure(h, b); break;
        case IND_BLOCK_PAGE_BREAK: break;
        }
    }
    fputs(in_list ? "</ul>\n</main>\n" : "</main>\n", h->f);
    return st;
}

/* The facts about the document's basis ("Om underlaget") at the foot of the page. */
static void facts(html *h)
{
    size_t n = ind_doc_fact_count(h->doc);
    if (!n)
        return;
    fputs("<footer>\n", h->f);
    element(h, "h2", "", h->en ? "About the data" : "Om underlaget");
    fputs("<dl>\n", h->f);
    for (size_t i = 0; i < n; i++) {
        element(h, "dt", "", ind_doc_fact_label(h->doc, i));
        element(h, "dd", "", ind_doc_fact_value(h->doc, i));
    }
    fputs("</dl>\n</footer>\n", h->f);
}

ind_status ind_write_html(const ind_doc *doc, FILE *f, ind_error *err)
{
    html h;
    memset(&h, 0, sizeof h);
    h.doc = doc;
    h.meta = ind_doc_get_meta(doc);
    h.en = h.meta->lang == IND_LANG_EN;
    h.f = f;
    h.err = err;
    head(&h);
    cover(&h);
    contents(&h);
    ind_status st = blocks(&h);
    for (size_t i = 0; i < h.nglyphs; i++)
        free(h.glyphs[i].key);
    free(h.glyphs);
    if (st != IND_OK)
        return st;
    facts(&h);
    fputs("</body>\n</html>\n", f);
    return IND_OK;
}
