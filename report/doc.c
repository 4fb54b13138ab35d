/* doc.c: the document: its title block, blocks, tables and the text of a cell. */
#include "doc.h"
#include "parallel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

/* Out of memory while building a document leaves nothing sensible to write:
 * the command ends with exit status 4, as everywhere (docs/architecture.md). */
static void *must(void *p)
{
    if (!p) {
        fputs("indikator: slut på minne (out of memory)\n", stderr);
        exit(4);
    }
    return p;
}

/* ---- strings: an arena the document owns ------------------------------------------ */

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    char data[];
} chunk;

typedef struct {
    char *free_me;
    void *owner;
    void (*free_fn)(void *);
} owned;

struct ind_doc_table {
    ind_doc *doc; /* where its cells' texts are kept */
    ind_doc_column *col;
    size_t ncol;
    const char *caption;
    ind_cell **block; /* rows in blocks of BLOCK_ROWS: a growing table is never copied */
    size_t rows, blocks, block_cap;
    size_t cur;       /* next column of the row being filled */
    /* a part (ind_doc_part_new): its rows are the whole's from base, at most
     * part_rows of them; doc is its own, for its texts */
    ind_doc_table *whole;
    size_t base, part_rows;
};

#define BLOCK_ROWS 8192 /* a block of 49 columns is 6.4 MB: huge pages */

struct ind_doc {
    ind_doc_meta meta;
    chunk *strings;
    const char **cover;
    size_t ncover, covercap;
    const char **facts; /* label, value, label, value ... */
    size_t nfacts, factcap;
    ind_block *b;
    size_t nb, bcap;
    owned *own; /* figures' models and options */
    size_t nown, owncap;
    size_t infinite; /* infinite numbers left empty (ind_doc_number) */
};

/* The length of the valid UTF-8 sequence at s (1-4), or 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s)
{
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 4 : 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (n == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
        return 0; /* overlong, or a surrogate */
    if (n == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
        return 0;
    return n;
}

/* s with every byte that is not part of valid UTF-8 replaced by U+FFFD: a
 * text cut in a fixed buffer mid-character never reaches a writer (cairo
 * refuses such a string and draws nothing more on the page). NULL when s is
 * valid as it is. */
static char *valid_utf8(const char *s)
{
    size_t bad = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_seq(p);
        bad += n == 0;
        p += n ? n : 1;
    }
    if (!bad)
        return NULL;
    char *out = must(malloc(strlen(s) + 2 * bad + 1)), *o = out;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_seq(p);
        if (n) {
            memcpy(o, p, n);
            o += n;
            p += n;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            p++;
        }
    }
    *o = '\0';
    return out;
}

/* n bytes of the document's texts. */
static char *reserve(ind_doc *d, size_t n)
{
    if (!d->strings || d->strings->cap - d->strings->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        chunk *c = must(malloc(sizeof *c + cap));
        c->next = d->strings;
        c->used = 0;
        c->cap = cap;
        d->strings = c;
    }
    char *p = d->strings->data + d->strings->used;
    d->strings->used += n;
    return p;
}

/* s and, when after is not NULL, after right behind s's NUL, kept by the
 * document as valid UTF-8. Returns the copy of s. */
static const char *keep_two(ind_doc *d, const char *s, const char *after)
{
    char *fixed = valid_utf8(s), *fixed_after = after ? valid_utf8(after) : NULL;
    const char *a = fixed ? fixed : s, *b = fixed_after ? fixed_after : after;
    size_t na = strlen(a) + 1, nb = b ? strlen(b) + 1 : 0;
    char *p = reserve(d, na + nb);
    memcpy(p, a, na);
    if (b)
        memcpy(p + na, b, nb);
    free(fixed);
    free(fixed_after);
    return p;
}

static const char *keep(ind_doc *d, const char *s) { return s ? keep_two(d, s, NULL) : NULL; }

static void grow(void **arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return;
    size_t c = *cap ? *cap * 2 : 16;
    *arr = must(realloc(*arr, c * size));
    *cap = c;
}

ind_doc *ind_doc_new(const ind_doc_meta *meta)
{
    ind_doc *d = must(calloc(1, sizeof *d));
    d->meta.title = keep(d, meta->title ? meta->title : "");
    d->meta.subject = keep(d, meta->subject ? meta->subject : "");
    d->meta.cover_title = keep(d, meta->cover_title);
    d->meta.cover_subtitle = keep(d, meta->cover_subtitle);
    d->meta.creator = keep(d, meta->creator ? meta->creator : "");
    d->meta.date = keep(d, meta->date && meta->date[0] ? meta->date : "2000-01-01T00:00:00");
    d->meta.lang = meta->lang;
    return d;
}

void ind_doc_free(ind_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nb; i++) {
        ind_doc_table *t = d->b[i].table;
        if (t) {
            free(t->col);
            for (size_t k = 0; k < t->blocks; k++)
                free(t->block[k]);
            free(t->block);
            free(t);
        }
    }
    for (size_t i = 0; i < d->nown; i++) {
        if (d->own[i].free_fn)
            d->own[i].free_fn(d->own[i].owner);
        free(d->own[i].free_me);
    }
    while (d->strings) {
        chunk *n = d->strings->next;
        free(d->strings);
        d->strings = n;
    }
    free(d->own);
    free(d->cover);
    free(d->facts);
    free(d->b);
    free(d);
}

const ind_doc_meta *ind_doc_get_meta(const ind_doc *d) { return &d->meta; }

size_t ind_doc_infinite(const ind_doc *d) { return d->infinite; }

void ind_doc_cover_line(ind_doc *d, const char *text)
{
    grow((void **)&d->cover, &d->covercap, d->ncover, sizeof *d->cover);
    d->cover[d->ncover++] = keep(d, text ? text : "");
}

size_t ind_doc_cover_count(const ind_doc *d) { return d->ncover; }
const char *ind_doc_cover_at(const ind_doc *d, size_t i) { return i < d->ncover ? d->cover[i] : NULL; }

void ind_doc_fact(ind_doc *d, const char *label, const char *value)
{
    grow((void **)&d->facts, &d->factcap, d->nfacts + 1, sizeof *d->facts);
    d->facts[d->nfacts++] = keep(d, label ? label : "");
    d->facts[d->nfacts++] = keep(d, value ? value : "");
}

size_t ind_doc_fact_count(const ind_doc *d) { return d->nfacts / 2; }
const char *ind_doc_fact_label(const ind_doc *d, size_t i) { return i < d->nfacts / 2 ? d->facts[2 * i] : NULL; }
const char *ind_doc_fact_value(const ind_doc *d, size_t i) { return i < d->nfacts / 2 ? d->facts[2 * i + 1] : NULL; }

/* ---- blocks ----------------------------------------------------------------------- */

size_t ind_doc_count(const ind_doc *d) { return d->nb; }
const ind_block *ind_doc_block(const ind_doc *d, size_t i) { return i < d->nb ? &d->b[i] : NULL; }

static ind_block *push(ind_doc *d, ind_block_kind kind, const char *text)
{
    grow((void **)&d->b, &d->bcap, d->nb, sizeof *d->b);
    ind_block *b = &d->b[d->nb++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->text = keep(d, text);
    return b;
}

void ind_doc_heading(ind_doc *d, int level, const char *text)
{
    push(d, IND_BLOCK_HEADING, text ? text : "")->level = level < 1 ? 1 : level > 3 ? 3 : level;
}

void ind_doc_paragraph(ind_doc *d, const char *text) { push(d, IND_BLOCK_PARAGRAPH, text ? text : ""); }
void ind_doc_note(ind_doc *d, const char *text) { push(d, IND_BLOCK_NOTE, text ? text : ""); }
void ind_doc_list_item(ind_doc *d, const char *text) { push(d, IND_BLOCK_LIST_ITEM, text ? text : ""); }
void ind_doc_page_break(ind_doc *d) { push(d, IND_BLOCK_PAGE_BREAK, NULL); }

static void own(ind_doc *d, char *free_me, void *owner, void (*free_fn)(void *))
{
    grow((void **)&d->own, &d->owncap, d->nown, sizeof *d->own);
    d->own[d->nown++] = (owned){free_me, owner, free_fn};
}

void ind_doc_figure(ind_doc *d, ind_chart_kind kind, const void *model, void *owner, void (*free_model)(void *),
                    const ind_chart_options *options, double height, const char *alt)
{
    ind_chart_options *o = must(malloc(sizeof *o));
    if (options)
        *o = *options;
    else
        ind_chart_options_init(o);
    o->title = keep(d, o->title);
    o->subtitle = keep(d, o->subtitle);
    o->caption = keep(d, o->caption);
    o->alt = keep(d, o->alt);
    own(d, (char *)o, owner, free_model);
    ind_block *b = push(d, IND_BLOCK_FIGURE, NULL);
    b->chart = kind;
    b->model = model;
    b->chart_options = o;
    b->height = height;
    b->alt = keep(d, alt);
}

/* ---- tables ----------------------------------------------------------------------- */

ind_doc_table *ind_doc_table_new(ind_doc *d, const ind_doc_column *columns, size_t count, const char *caption)
{
    ind_doc_table *t = must(calloc(1, sizeof *t));
    t->col = must(malloc((count ? count : 1) * sizeof *t->col));
    for (size_t j = 0; j < count; j++) {
        t->col[j] = columns[j];
        t->col[j].key = keep(d, columns[j].key ? columns[j].key : "");
        t->col[j].label = keep(d, columns[j].label ? columns[j].label : "");
    }
    t->ncol = count;
    t->cur = count;
    t->caption = keep(d, caption);
    t->doc = d;
    push(d, IND_BLOCK_TABLE, NULL)->table = t;
    return t;
}

const char *ind_doc_table_caption(const ind_doc_table *t) { return t->caption; }
void ind_doc_table_set_caption(ind_doc *d, ind_doc_table *t, const char *caption) { t->caption = keep(d, caption); }
size_t ind_doc_table_columns(const ind_doc_table *t) { return t->ncol; }
const ind_doc_column *ind_doc_table_column(const ind_doc_table *t, size_t j) { return &t->col[j]; }
size_t ind_doc_table_rows(const ind_doc_table *t) { return t->rows; }

static ind_cell *cell_at(const ind_doc_table *t, size_t row, size_t column)
{
    row += t->base;
    return &t->block[row / BLOCK_ROWS][row % BLOCK_ROWS * t->ncol + column];
}

const ind_cell *ind_doc_table_cell(const ind_doc_table *t, size_t row, size_t column)
{
    return cell_at(t, row, column);
}

/* Room for row number t->rows: a new block, or the first block grown from
 * the 64 rows a short table needs to a whole one. The row is not cleared. */
static void room(ind_doc_table *t)
{
    size_t width = t->ncol ? t->ncol : 1;
    if (t->rows == t->blocks * BLOCK_ROWS) {
        if (t->blocks == t->block_cap) {
            t->block_cap = t->block_cap ? t->block_cap * 2 : 16;
            t->block = must(realloc(t->block, t->block_cap * sizeof *t->block));
        }
        /* a first block as small as a short table needs, grown once */
        t->block[t->blocks] = must(t->blocks ? ind_huge_alloc(BLOCK_ROWS * width * sizeof(ind_cell))
                                             : malloc(64 * width * sizeof(ind_cell)));
        t->blocks++;
    } else if (t->rows == 64 && t->blocks == 1) {
        ind_cell *full = must(ind_huge_alloc(BLOCK_ROWS * width * sizeof(ind_cell)));
        memcpy(full, t->block[0], 64 * width * sizeof(ind_cell));
        free(t->block[0]);
        t->block[0] = full;
    }
}

static void internal(const char *what)
{
    fprintf(stderr, "indikator: internal error: %s\n", what);
    abort();
}

void ind_doc_row(ind_doc_table *t)
{
    if (t->whole) {
        if (t->rows == t->part_rows)
            internal("a part of a table with too many rows");
    } else
        room(t);
    memset(cell_at(t, t->rows, 0), 0, t->ncol * sizeof(ind_cell));
    t->rows++;
    t->cur = 0;
}

size_t ind_doc_rows_add(ind_doc_table *t, size_t count)
{
    size_t first = t->rows;
    for (size_t k = 0; k < count; k++, t->rows++)
        room(t);
    t->cur = t->ncol; /* no cells but through a part */
    return first;
}

ind_doc_table *ind_doc_part_new(ind_doc_table *t, size_t first, size_t count)
{
    if (t->whole || first + count > t->rows)
        internal("a part outside its table");
    ind_doc_table *part = must(malloc(sizeof *part));
    *part = (ind_doc_table){.doc = must(calloc(1, sizeof(ind_doc))), .col = t->col, .ncol = t->ncol,
                            .block = t->block, .cur = t->ncol, .whole = t, .base = first, .part_rows = count};
    return part;
}

void ind_doc_part_done(ind_doc_table *part)
{
    if (!part->whole || part->rows != part->part_rows)
        internal("a part of a table with rows not begun");
    ind_doc *d = part->whole->doc, *own = part->doc;
    d->infinite += own->infinite;
    if (own->strings) { /* its chunks after the document's current one, which goes on filling */
        chunk *last = own->strings;
        while (last->next)
            last = last->next;
        if (d->strings) {
            last->next = d->strings->next;
            d->strings->next = own->strings;
        } else
            d->strings = own->strings;
    }
    free(own);
    free(part);
}

static ind_cell *next(ind_doc_table *t)
{
    if (t->cur >= t->ncol || t->rows == 0)
        internal("a table row with too many cells");
    return cell_at(t, t->rows - 1, t->cur++);
}

void ind_doc_text(ind_doc_table *t, const char *s)
{
    ind_cell *c = next(t);
    c->kind = IND_CELL_TEXT;
    c->text = keep(t->doc, s ? s : "");
}

void ind_doc_code(ind_doc_table *t, const char *code, const char *label)
{
    ind_cell *c = next(t);
    c->kind = IND_CELL_TEXT;
    c->text = keep_two(t->doc, code ? code : "", label);
    c->labelled = label != NULL;
}

void ind_doc_text_indented(ind_doc_table *t, const char *s, int depth)
{
    ind_doc_text(t, s);
    cell_at(t, t->rows - 1, t->cur - 1)->indent = depth < 0 ? 0 : depth > 255 ? 255 : (unsigned)depth;
}

void ind_doc_number(ind_doc_table *t, double v, int decimals, ind_unit unit)
{
    ind_cell *c = next(t);
    /* the last guard before every output: an infinite result (an overflow the
     * engine did not catch) is no number, JSON null and an empty cell, never "inf" */
    if (!isfinite(v)) {
        t->doc->infinite += isinf(v) != 0;
        return;
    }
    c->kind = IND_CELL_NUMBER;
    c->value = v;
    c->decimals = decimals;
    c->unit = unit;
}

void ind_doc_integer(ind_doc_table *t, long long v)
{
    ind_cell *c = next(t);
    c->kind = IND_CELL_INTEGER;
    c->value = (double)v;
}

void ind_doc_pvalue(ind_doc_table *t, double p) { ind_doc_number(t, p, 3, IND_UNIT_PVALUE); }

void ind_doc_verdict(ind_doc_table *t, ind_verdict v, int uncertain)
{
    ind_cell *c = next(t);
    c->kind = IND_CELL_VERDICT;
    c->verdict = v;
    c->uncertain = uncertain != 0;
}

void ind_doc_null(ind_doc_table *t) { next(t); }

void ind_doc_quiet(ind_doc_table *t)
{
    if (t->rows && t->cur > 0)
        cell_at(t, t->rows - 1, t->cur - 1)->quiet = 1;
}

void ind_doc_emphasis(ind_doc_table *t)
{
    if (t->rows && t->cur > 0)
        cell_at(t, t->rows - 1, t->cur - 1)->emphasis = 1;
}

/* ---- a cell's text ------------------------------------------------------------------ */

const char *ind_cell_show(const ind_cell *c, ind_lang lang, unsigned show, char *buf, size_t size)
{
    int en = lang == IND_LANG_EN, typeset = (show & IND_SHOW_TYPESET) != 0;
    char num[64];
    if (c->quiet) {
        snprintf(buf, size, "%s", "");
        return buf;
    }
    switch (c->kind) {
    case IND_CELL_NULL:
        snprintf(buf, size, "\u2013");
        break;
    case IND_CELL_TEXT:
        snprintf(buf, size, "%*s%s", 2 * c->indent, "", c->text ? ind_cell_label(c) : "");
        break;
    case IND_CELL_INTEGER:
        snprintf(buf, size, "%.0f", c->value);
        break;
    case IND_CELL_VERDICT:
        snprintf(buf, size, "%s %s%s", ind_verdict_symbol(c->verdict),
                 en ? ind_verdict_label_en(c->verdict) : ind_verdict_label_sv(c->verdict),
                 c->uncertain ? (en ? " (uncertain)" : " (osäker)") : "");
        break;
    case IND_CELL_NUMBER:
        if (c->unit == IND_UNIT_PVALUE) {
            if (c->value < 0.001)
                snprintf(buf, size, en ? "< 0.001" : "< 0,001");
            else if (en)
                ind_num_format_en(c->value, c->value < 0.01 ? 3 : 2, 0, buf, size);
            else
                ind_num_format_sv(c->value, c->value < 0.01 ? 3 : 2, 0, buf, size);
            break;
        }
        {
            double v = c->unit == IND_UNIT_SHARE ? c->value * 100 : c->value;
            unsigned f = typeset ? IND_FMT_UNICODE : 0;
            if (en)
                ind_num_format_en(v, c->decimals, f, num, sizeof num);
            else
                ind_num_format_sv(v, c->decimals, f, num, sizeof num);
            const char *suffix = "";
            if (c->unit == IND_UNIT_PERCENT || c->unit == IND_UNIT_SHARE)
                suffix = en && typeset ? "%" : typeset ? "\u00a0%" : " %";
            snprintf(buf, size, "%s%s", num, suffix);
        }
        break;
    }
    return buf;
}

/* What printf("%.0f") writes for v, without printf where v is a whole
 * number below 2^53 in size (every count and rank): a table of every series
 * has a hundred thousand such cells. */
static const char *integer_text(double v, char *buf, size_t size)
{
    if (!(fabs(v) < 9007199254740992.0) || v != trunc(v) || (v == 0 && signbit(v)) || size < 24) {
        snprintf(buf, size, "%.0f", v);
        return buf;
    }
    char d[24];
    size_t n = 0;
    unsigned long long u = (unsigned long long)fabs(v);
    do
        d[n++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    size_t k = 0;
    if (v < 0)
        buf[k++] = '-';
    while (n)
        buf[k++] = d[--n];
    buf[k] = '\0';
    return buf;
}

const char *ind_cell_machine(const ind_cell *c, char *buf, size_t size)
{
    switch (c->kind) {
    case IND_CELL_NULL: return NULL;
    case IND_CELL_TEXT: return c->text ? c->text : "";
    case IND_CELL_VERDICT: return ind_verdict_code(c->verdict);
    case IND_CELL_INTEGER: return integer_text(c->value, buf, size);
    case IND_CELL_NUMBER: return ind_num_format_exact(c->value, buf, size);
    }
    return NULL;
}
