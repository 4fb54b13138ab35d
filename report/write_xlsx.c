/* write_xlsx.c: a document as an Excel workbook: a sheet per table and one about the data, numbers exact. */
#define _GNU_SOURCE /* memmem */
#include "write.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "archive.h"

/* The workbook (docs/formats.md, "Excel workbook"):
 *
 * - one sheet per table of the document, in its order, named from the heading
 *   above it, else the document's title, else the table's caption; names are
 *   cut to Excel's 31 characters, without []:*?/\ and unique (a name that
 *   tables under different level-1 headings would share gets that heading in
 *   front: the unit in a VB of every unit);
 * - when two or more tables have the same columns (a VB's goal tables), a
 *   first sheet "Alla rader" with all their rows and the headings above each
 *   table as columns, so one filter finds every unit's unmet indicators;
 * - a last sheet "Om underlaget" with the title, subject, the document's facts
 *   (sources, selection, rule, data up to, maker), what each sheet holds, and
 *   the document's notes;
 * - on every sheet an Excel table (header row in bold, autofilter, banded
 *   rows), the header row frozen, widths from the longest text (capped);
 * - every column, the machine-only ones too: a workbook is for analysis;
 * - numbers as numbers with a format (see number_format), text as text,
 *   verdicts as words, nothing for a missing value.
 *
 * libxlsxwriter 1.1 writes numbers with 16 significant digits ("%.16G"), which
 * does not read back to the same double for about one number in ten. After it
 * has written the file, the file is repacked (libzip, as the Word writer
 * uses) with each number cell's text replaced by the shortest text that
 * reads back exactly, and every zip entry dated by the document's date, so the
 * same document gives the same bytes. */

#define NAME_UNITS 31     /* Excel's longest sheet name, in UTF-16 code units */
#define NAME_BYTES 128
#define WIDTH_MAX 60.0
#define WIDTH_MIN 6.0
#define TEXT_MAX 32767    /* Excel's longest cell text */

typedef struct {
    const ind_doc_table *t;
    const char *head[4]; /* the headings in force above it (levels 1-3), and its caption */
    const char *what;    /* what it holds, when not said by its headings */
    char name[NAME_BYTES];
} sheet;

typedef struct {
    unsigned key;
    lxw_format *f;
} format_entry;

typedef struct {
    lxw_workbook *wb;
    ind_lang lang;
    format_entry *formats;
    size_t nformats;
    lxw_format *bold;
} writer;

/* Out of memory leaves nothing sensible to write: exit status 4 (docs/architecture.md). */
static void *must(void *p)
{
    if (!p) {
        fputs("indikator: slut på minne (out of memory)\n", stderr);
        exit(4);
    }
    return p;
}

static int en_of(const ind_doc *doc) { return ind_doc_get_meta(doc)->lang == IND_LANG_EN; }

/* ---- sheet names -------------------------------------------------------------------- */

/* Length of UTF-8 text in UTF-16 code units (what Excel counts). */
static size_t utf16_units(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            n += *p >= 0xF0 ? 2 : 1;
    return n;
}

/* s cut to at most units UTF-16 code units, at a character boundary, into out. */
static void cut_units(const char *s, size_t units, char *out, size_t size)
{
    size_t k = 0, n = 0;
    while (s[k] && k + 5 < size) {
        size_t len = 1, w = (unsigned char)s[k] >= 0xF0 ? 2 : 1;
        while ((s[k + len] & 0xC0) == 0x80)
            len++;
        if (n + w > units)
            break;
        memcpy(out + k, s + k, len);
        k += len;
        n += w;
    }
    out[k] = '\0';
}

/* A sheet name from any text: without []:*?/\ and control characters, spaces
 * collapsed, no apostrophe at either end, at most 31 units ("…" where cut). */
static void clean_name(const char *s, char *out, size_t size)
{
    char tmp[NAME_BYTES * 4];
    size_t n = 0;
    for (; *s && n + 1 < sizeof tmp; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || strchr("[]:*?/\\", c))
            c = ' ';
        if (c == ' ' && (n == 0 || tmp[n - 1] == ' '))
            continue;
        tmp[n++] = (char)c;
    }
    while (n && (tmp[n - 1] == ' ' || tmp[n - 1] == '\''))
        n--;
    tmp[n] = '\0';
    const char *start = tmp;
    while (*start == '\'' || *start == ' ')
        start++;
    if (utf16_units(start) <= NAME_UNITS) {
        cut_units(start, NAME_UNITS, out, size);
        return;
    }
    cut_units(start, NAME_UNITS - 1, out, size - 4);
    size_t k = strlen(out);
    while (k && out[k - 1] == ' ')
        k--;
    memcpy(out + k, "\xe2\x80\xa6", 4); /* … */
}

/* Excel compares sheet names without case: ASCII and Latin-1 letters folded. */
static int same_name(const char *a, const char *b)
{
    for (;; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        /* U+00C0-U+00DE (but not U+00D7) are C3 80-9E; their small letters C3 A0-BE */
        if (a[0] == '\xc3' && b[0] == '\xc3' && a[1] && b[1]) {
            unsigned char p = (unsigned char)a[1], q = (unsigned char)b[1];
            if (p >= 0x80 && p <= 0x9E && p != 0x97)
                p += 0x20;
            if (q >= 0x80 && q <= 0x9E && q != 0x97)
                q += 0x20;
            if (p != q)
                return 0;
            a++, b++;
            continue;
        }
        if (x != y)
            return 0;
        if (!x)
            return 1;
    }
}

static int name_taken(const sheet *s, size_t n, const char *name)
{
    if (same_name(name, "History")) /* reserved by Excel */
        return 1;
    for (size_t i = 0; i < n; i++)
        if (same_name(s[i].name, name))
            return 1;
    return 0;
}

/* Gives s[i] the name base, or "base (2)", "base (3)" ... cut to fit. */
static void unique_name(sheet *s, size_t i, const char *base)
{
    char cut[NAME_BYTES];
    snprintf(s[i].name, NAME_BYTES, "%s", base);
    for (int k = 2; name_taken(s, i, s[i].name); k++) {
        char suffix[16];
        snprintf(suffix, sizeof suffix, " (%d)", k);
        cut_units(base, NAME_UNITS - strlen(suffix), cut, sizeof cut - sizeof suffix);
        size_t c = strlen(cut), x = strlen(suffix); /* c + x < NAME_BYTES by the cut */
        memcpy(s[i].name, cut, c);
        memcpy(s[i].name + c, suffix, x + 1);
    }
}

/* The base name of a table's sheet: the nearest heading above it, else the
 * document's title (a command's table: its caption is a count), else the caption. */
static const char *base_source(const sheet *s, const char *title, const char *fallback)
{
    for (int l = 2; l >= 0; l--)
        if (s->head[l])
            return s->head[l];
    return title[0] ? title : s->head[3] ? s->head[3] : fallback;
}

/* Names for the table sheets s[first..n): base names; where tables under
 * different level-1 headings share one, that heading goes in front (the unit
 * in a VB of every unit); then unique. */
static void name_sheets(sheet *s, size_t first, size_t n, const char *title, const char *fallback)
{
    char (*base)[NAME_BYTES] = must(calloc(n ? n : 1, sizeof *base));
    unsigned char *shared = must(calloc(n ? n : 1, 1));
    for (size_t i = first; i < n; i++)
        clean_name(base_source(&s[i], title, fallback), base[i], NAME_BYTES);
    for (size_t i = first; i < n; i++)
        for (size_t k = first; k < n && !shared[i]; k++)
            shared[i] = k != i && same_name(base[k], base[i]) && s[i].head[0] && s[k].head[0] &&
                        strcmp(s[i].head[0], s[k].head[0]) != 0;
    for (size_t i = first; i < n; i++) {
        const char *src = base_source(&s[i], title, fallback);
        if (shared[i] && s[i].head[0] && s[i].head[0] != src) {
            char both[NAME_BYTES * 4];
            snprintf(both, sizeof both, "%s \xe2\x80\x93 %s", s[i].head[0], src); /* – */
            clean_name(both, base[i], NAME_BYTES);
        }
    }
    for (size_t i = first; i < n; i++)
        unique_name(s, i, base[i][0] ? base[i] : fallback);
    free(shared);
    free(base);
}

/* ---- cells -------------------------------------------------------------------------- */

/* The number format of a cell: what people read on paper, on the exact value.
 * - a percentage (6.7 meaning 6,7 %): 0.0" %" with the cell's decimals, so
 *   the value stays 6.7 and Swedish Excel shows "6,7 %";
 * - a share (0.067): Excel's own percent, 0.0" "%, showing "6,7 %";
 *   (the spaces before "%" are no-break spaces, as on paper);
 * - a p-value: "< 0,001" below 0.001, else three decimals below 0.01 and two
 *   above, as on paper (the literal in the document's language);
 * - an integer: 0; other numbers: #,##0.0 with the cell's decimals (Swedish
 *   Excel groups thousands with a space). */
static void number_format(const ind_cell *c, ind_lang lang, char *buf, size_t size)
{
    if (c->kind == IND_CELL_INTEGER) {
        snprintf(buf, size, "0");
        return;
    }
    if (c->unit == IND_UNIT_PVALUE) {
        snprintf(buf, size, "[<0.001]\"< 0%c001\";[<0.01]0.000;0.00", lang == IND_LANG_EN ? '.' : ',');
        return;
    }
    int d = c->decimals < 0 ? 0 : c->decimals > 15 ? 15 : c->decimals;
    char zeros[20];
    memset(zeros, '0', (size_t)d);
    zeros[d] = '\0';
    const char *whole = c->unit == IND_UNIT_NONE ? "#,##0" : "0";
    /* a no-break space before "%", as on paper */
    const char *suffix = c->unit == IND_UNIT_PERCENT ? "\"\xc2\xa0%\"" : c->unit == IND_UNIT_SHARE ? "\"\xc2\xa0\"%" : "";
    snprintf(buf, size, "%s%s%s%s", whole, d ? "." : "", zeros, suffix);
}

/* The format of a cell (cached): its number format, bold for emphasis, indent for depth. */
static lxw_format *cell_format(writer *w, const ind_cell *c)
{
    int numeric = c->kind == IND_CELL_NUMBER || c->kind == IND_CELL_INTEGER;
    int indent = c->kind == IND_CELL_TEXT && c->indent > 0 ? (c->indent > 15 ? 15 : c->indent) : 0;
    if (!numeric && !indent && !c->emphasis)
        return NULL;
    int d = c->decimals < 0 ? 0 : c->decimals > 15 ? 15 : c->decimals;
    unsigned key = (unsigned)numeric | (unsigned)(c->kind == IND_CELL_INTEGER) << 1 | (unsigned)c->unit << 2 |
                   (unsigned)d << 4 | (unsigned)indent << 8 | (unsigned)(c->emphasis != 0) << 12;
    for (size_t i = 0; i < w->nformats; i++)
        if (w->formats[i].key == key)
            return w->formats[i].f;
    w->formats = must(realloc(w->formats, (w->nformats + 1) * sizeof *w->formats));
    lxw_format *f = workbook_add_format(w->wb);
    if (numeric) {
        char code[64];
        number_format(c, w->lang, code, sizeof code);
        format_set_num_format(f, code);
    }
    if (indent)
        format_set_indent(f, (uint8_t)indent);
    if (c->emphasis)
        format_set_bold(f);
    w->formats[w->nformats++] = (format_entry){key, f};
    return f;
}

/* Text for a cell, cut to Excel's 32 767 characters at a character boundary. */
static lxw_error put_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, const char *s, lxw_format *f)
{
    if (strlen(s) <= TEXT_MAX)
        return worksheet_write_string(ws, r, col, s, f);
    char *cut = malloc(TEXT_MAX + 1);
    if (!cut)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    size_t k = TEXT_MAX;
    while (k && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    memcpy(cut, s, k);
    cut[k] = '\0';
    lxw_error e = worksheet_write_string(ws, r, col, cut, f);
    free(cut);
    return e;
}

/* One cell at (r, col); returns the width in characters its text asks for. */
static double put_cell(writer *w, lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, const ind_cell *c, lxw_error *e)
{
    char buf[1200];
    lxw_format *f = cell_format(w, c);
    const char *s;
    switch (c->kind) {
    case IND_CELL_NULL: return 0;
    case IND_CELL_NUMBER:
    case IND_CELL_INTEGER:
        if (!isfinite(c->value)) { /* written as the CSV writes it: "inf" */
            s = ind_cell_machine(c, buf, sizeof buf);
            *e = *e ? *e : worksheet_write_string(ws, r, col, s, NULL);
            return (double)ind_text_columns(s);
        }
        *e = *e ? *e : worksheet_write_number(ws, r, col, c->value, f);
        return (double)ind_text_columns(ind_cell_show(c, w->lang, 0, buf, sizeof buf)) + 1;
    default:
        s = ind_write_sheet_text(c, w->lang, buf, sizeof buf);
        *e = *e ? *e : put_text(ws, r, col, s, f);
        return (double)ind_text_columns(s) + 2.0 * c->indent;
    }
}

/* One table on its own sheet: the header row (the columns' labels in bold,
 * frozen), the rows, widths from the longest text (capped), and an Excel
 * table over it all (autofilter, banded rows). Returns a libxlsxwriter status. */
static lxw_error table_sheet(writer *w, const char *name, const ind_doc_table *t)
{
    size_t nc = ind_doc_table_columns(t), nr = ind_doc_table_rows(t);
    if (nr >= LXW_ROW_MAX || nc > LXW_COL_MAX)
        return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);
    if (!ws)
        return LXW_ERROR_SHEETNAME_ALREADY_USED;
    lxw_table_column *cols = must(calloc(nc + 1, sizeof *cols));
    lxw_table_column **list = must(calloc(nc + 1, sizeof *list));
    char **labels = must(calloc(nc + 1, sizeof *labels));
    double *width = must(calloc(nc + 1, sizeof *width));
    char buf[1200];
    for (size_t j = 0; j < nc; j++) {
        labels[j] = must(strdup(ind_write_sheet_label(t, j, buf, sizeof buf)));
        cols[j].header = labels[j];
        cols[j].header_format = w->bold;
        list[j] = &cols[j];
        width[j] = (double)ind_text_columns(labels[j]) + 3; /* room for the filter's button */
    }
    lxw_error e = LXW_NO_ERROR;
    for (size_t i = 0; i < nr; i++)
        for (size_t j = 0; j < nc; j++) {
            double cw = put_cell(w, ws, (lxw_row_t)(i + 1), (lxw_col_t)j, ind_doc_table_cell(t, i, j), &e);
            if (cw > width[j])
                width[j] = cw;
        }
    for (size_t j = 0; j < nc && !e; j++)
        e = worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j,
                                 width[j] > WIDTH_MAX ? WIDTH_MAX : width[j] < WIDTH_MIN ? WIDTH_MIN : width[j], NULL);
    lxw_table_options opt = {0};
    opt.columns = list;
    /* an Excel table has a row below its header: an empty one for no rows */
    if (nc && !e)
        e = worksheet_add_table(ws, 0, 0, (lxw_row_t)(nr ? nr : 1), (lxw_col_t)(nc - 1), &opt);
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t j = 0; j < nc; j++)
        free(labels[j]);
    free(labels);
    free(list);
    free(cols);
    free(width);
    return e;
}

/* ---- the sheets beside the document's tables --------------------------------------- */

static void copy_cell(ind_doc_table *to, const ind_cell *c)
{
    switch (c->kind) {
    case IND_CELL_NULL: ind_doc_null(to); break;
    case IND_CELL_TEXT: ind_doc_text_indented(to, c->text, c->indent); break;
    case IND_CELL_NUMBER: ind_doc_number(to, c->value, c->decimals, c->unit); break;
    case IND_CELL_INTEGER: ind_doc_integer(to, (long long)c->value); break;
    case IND_CELL_VERDICT: ind_doc_verdict(to, c->verdict, c->uncertain); break;
    }
    if (c->emphasis)
        ind_doc_emphasis(to);
}

static int same_columns(const ind_doc_table *a, const ind_doc_table *b)
{
    size_t n = ind_doc_table_columns(a);
    if (n != ind_doc_table_columns(b))
        return 0;
    for (size_t j = 0; j < n; j++)
        if (strcmp(ind_doc_table_column(a, j)->key, ind_doc_table_column(b, j)->key) != 0)
            return 0;
    return 1;
}

static const char *or_empty(const char *s) { return s ? s : ""; }

/* When two or more tables have the same columns (the most such, the first of
 * a tie), one table of all their rows, led by a column for each heading (or
 * caption) that differs between them, into scratch; NULL when there are none.
 * *tables gets how many tables it joins. */
static ind_doc_table *combined_table(ind_doc *scratch, const sheet *s, size_t n, int en, size_t *tables)
{
    size_t best = 0, count = 0;
    for (size_t i = 0; i < n; i++) {
        size_t c = 0;
        for (size_t k = 0; k < n; k++)
            c += same_columns(s[i].t, s[k].t);
        if (c > count)
            best = i, count = c;
    }
    *tables = count;
    if (count < 2)
        return NULL;
    static const char *const sv[] = {"Avsnitt", "Underavsnitt", "Del"}, *const enl[] = {"Section", "Subsection", "Part"};
    static const char *const keys[] = {"section", "subsection", "part"};
    size_t nc = ind_doc_table_columns(s[best].t), nsec = 0;
    int level[4];
    ind_doc_column *cols = must(calloc(nc + 4, sizeof *cols));
    for (int l = 0; l < 4; l++) {
        int varies = 0;
        for (size_t i = 0; i < n && !varies; i++)
            varies = same_columns(s[i].t, s[best].t) && strcmp(or_empty(s[i].head[l]), or_empty(s[best].head[l])) != 0;
        if (!varies)
            continue;
        int named = l < 3 && nsec < 3;
        cols[nsec] = (ind_doc_column){named ? keys[nsec] : "table", named ? (en ? enl[nsec] : sv[nsec]) : (en ? "Table" : "Tabell"),
                                      IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1};
        level[nsec++] = l;
    }
    for (size_t j = 0; j < nc; j++)
        cols[nsec + j] = *ind_doc_table_column(s[best].t, j);
    ind_doc_table *all = ind_doc_table_new(scratch, cols, nsec + nc, NULL);
    free(cols);
    for (size_t i = 0; i < n; i++) {
        if (!same_columns(s[i].t, s[best].t))
            continue;
        for (size_t r = 0; r < ind_doc_table_rows(s[i].t); r++) {
            ind_doc_row(all);
            for (size_t k = 0; k < nsec; k++)
                ind_doc_text(all, or_empty(s[i].head[level[k]]));
            for (size_t j = 0; j < nc; j++)
                copy_cell(all, ind_doc_table_cell(s[i].t, r, j));
        }
    }
    return all;
}

/* What a table's sheet holds, in words: its caption, else the headings above it. */
static void sheet_contents(const sheet *s, const char *title, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    if (s->what || s->head[3]) {
        snprintf(buf, size, "%s", s->what ? s->what : s->head[3]);
        return;
    }
    for (int l = 0; l < 3; l++)
        if (s->head[l] && n < size)
            n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " \xe2\x80\xba " : "", s->head[l]); /* › */
    if (!n)
        snprintf(buf, size, "%s", title);
}

/* The sheet about the data: title, date, the document's facts, what each
 * sheet holds and the document's notes, as a table of two columns. */
static ind_doc_table *about_table(ind_doc *scratch, const ind_doc *doc, const sheet *s, size_t n, int en)
{
    const ind_doc_meta *m = ind_doc_get_meta(doc);
    const ind_doc_column cols[] = {{"item", en ? "Item" : "Uppgift", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1},
                                   {"value", en ? "Value" : "Värde", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1}};
    ind_doc_table *t = ind_doc_table_new(scratch, cols, 2, NULL);
    char buf[2400], line[2600];
    const char *top[][2] = {{en ? "Title" : "Titel", m->title}, {en ? "Subject" : "Ämne", m->subject}};
    for (int k = 0; k < 2; k++)
        if (top[k][1][0]) {
            ind_doc_row(t);
            ind_doc_text(t, top[k][0]);
            ind_doc_text(t, top[k][1]);
        }
    for (size_t i = 0; i < ind_doc_fact_count(doc); i++) {
        ind_doc_row(t);
        ind_doc_text(t, ind_doc_fact_label(doc, i));
        ind_doc_text(t, ind_doc_fact_value(doc, i));
    }
    for (size_t i = 0; i < n; i++) {
        sheet_contents(&s[i], m->title, buf, sizeof buf);
        snprintf(line, sizeof line, "%s: %s", s[i].name, buf);
        ind_doc_row(t);
        ind_doc_text(t, en ? "Sheet" : "Blad");
        ind_doc_text(t, line);
    }
    for (size_t i = 0; i < ind_doc_count(doc); i++)
        if (ind_doc_block(doc, i)->kind == IND_BLOCK_NOTE) {
            ind_doc_row(t);
            ind_doc_text(t, en ? "Note" : "Anmärkning");
            ind_doc_text(t, ind_doc_block(doc, i)->text);
        }
    return t;
}

/* ---- exact numbers ------------------------------------------------------------------- */

typedef struct {
    char *name, *data;
    size_t size;
} zip_entry;

typedef struct {
    char *p;
    size_t n, cap;
} text_buf;

static void append(text_buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = must(realloc(b->p, b->cap));
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

/* The row and column (from 0) of a reference such as "AB12"; 0 when it is none. */
static int cell_ref(const char *s, size_t *row, size_t *col)
{
    size_t c = 0, r = 0;
    for (; *s >= 'A' && *s <= 'Z'; s++)
        c = c * 26 + (size_t)(*s - 'A' + 1);
    for (; *s >= '0' && *s <= '9'; s++)
        r = r * 10 + (size_t)(*s - '0');
    if (*s != '"' || !c || !r)
        return 0;
    *row = r - 1;
    *col = c - 1;
    return 1;
}

/* A sheet's XML with every number cell's value written exactly: the cell at
 * row r (from 1, below the header) and column c of t. Returns the new XML,
 * or NULL when a value there is not the one libxlsxwriter wrote (a bug). */
static char *exact_sheet(const char *xml, size_t size, const ind_doc_table *t, size_t *out_size)
{
    text_buf b = {0};
    const char *p = xml, *end = xml + size, *q;
    while ((q = memmem(p, (size_t)(end - p), "<c r=\"", 6)) != NULL) {
        append(&b, p, (size_t)(q - p));
        const char *tag_end = memchr(q, '>', (size_t)(end - q)), *v = tag_end ? tag_end + 1 : end, *ve = NULL;
        size_t row, col;
        const ind_cell *c = NULL;
        if (tag_end && tag_end[-1] != '/' && !memmem(q, (size_t)(tag_end - q), " t=\"", 4) && end - v > 3 &&
            memcmp(v, "<v>", 3) == 0 && (ve = memmem(v, (size_t)(end - v), "</v>", 4)) != NULL &&
            cell_ref(q + 6, &row, &col) && row >= 1 && row - 1 < ind_doc_table_rows(t) &&
            col < ind_doc_table_columns(t))
            c = ind_doc_table_cell(t, row - 1, col);
        if (!c || (c->kind != IND_CELL_NUMBER && c->kind != IND_CELL_INTEGER)) {
            append(&b, q, (size_t)(v - q));
            p = v;
            continue;
        }
        char buf[64];
        double written = strtod(v + 3, NULL);
        if (fabs(written - c->value) > 4e-15 * fabs(c->value)) {
            free(b.p);
            return NULL;
        }
        ind_cell_machine(c, buf, sizeof buf);
        for (char *e = buf; *e; e++)
            if (*e == 'e')
                *e = 'E';
        append(&b, q, (size_t)(v + 3 - q));
        append(&b, buf, strlen(buf));
        p = ve;
    }
    append(&b, p, (size_t)(end - p));
    *out_size = b.n;
    return b.p;
}

static void free_entries(zip_entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(e[i].name);
        free(e[i].data);
    }
    free(e);
}

/* Every entry of the zip file at path, in order, into memory. Returns 0 or -1. */
static int read_zip(const char *path, zip_entry **out, size_t *count)
{
    int code;
    zip_t *z = zip_open(path, ZIP_RDONLY, &code);
    if (!z)
        return -1;
    zip_int64_t total = zip_get_num_entries(z, 0);
    zip_entry *e = must(calloc(total > 0 ? (size_t)total : 1, sizeof *e));
    size_t n = 0;
    int bad = total < 0;
    for (zip_int64_t i = 0; i < total && !bad; i++) {
        zip_stat_t st;
        zip_file_t *zf = NULL;
        bad = zip_stat_index(z, (zip_uint64_t)i, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
              !(st.valid & ZIP_STAT_NAME) || st.size > (1u << 30) ||
              (zf = zip_fopen_index(z, (zip_uint64_t)i, 0)) == NULL;
        if (bad)
            break;
        e[n] = (zip_entry){must(strdup(st.name)), must(malloc(st.size + 1)), st.size};
        bad = zip_fread(zf, e[n].data, st.size) != (zip_int64_t)st.size;
        n++;
        zip_fclose(zf);
    }
    zip_discard(z);
    if (bad) {
        free_entries(e, n);
        return -1;
    }
    *out = e;
    *count = n;
    return 0;
}

/* The entries as a new zip file at path (replacing it), each deflated and
 * dated by the document's date (no clock in the bytes); the archive takes
 * the entries' data. */
static ind_status write_zip(const char *path, zip_entry *e, size_t n, const char *date, ind_error *err)
{
    ind_archive *a = ind_archive_new(date, "the Excel workbook", err);
    ind_status st = a ? IND_OK : IND_ENOMEM;
    for (size_t i = 0; i < n && st == IND_OK; i++) {
        st = ind_archive_add(a, e[i].name, e[i].data, e[i].size, 1);
        e[i].data = NULL;
    }
    if (st != IND_OK) {
        ind_archive_free(a);
        return st;
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        ind_archive_free(a);
        return ind_error_set(err, IND_EIO, path, 0, 0, "the Excel workbook could not be written");
    }
    st = ind_archive_finish(a, f);
    if (fclose(f) != 0 && st == IND_OK)
        st = ind_error_set(err, IND_EIO, path, 0, 0, "the Excel workbook could not be written");
    return st;
}

/* Rewrites the workbook at path with every number exact: sheet k (from 1) of
 * the workbook holds tables[k - 1]. */
static ind_status exact_numbers(const char *path, const ind_doc_table *const *tables, size_t n, const char *date,
                                ind_error *err)
{
    zip_entry *e;
    size_t count;
    if (read_zip(path, &e, &count) != 0)
        return ind_error_set(err, IND_EIO, "", 0, 0, "the Excel workbook just written could not be read back");
    int bad = 0;
    for (size_t i = 0; i < count && !bad; i++) {
        size_t k, size;
        char tail;
        if (sscanf(e[i].name, "xl/worksheets/sheet%zu.xm%c", &k, &tail) != 2 || tail != 'l' || k < 1 || k > n)
            continue;
        char *xml = exact_sheet(e[i].data, e[i].size, tables[k - 1], &size);
        bad = !xml;
        if (xml) {
            free(e[i].data);
            e[i].data = xml;
            e[i].size = size;
        }
    }
    if (bad) {
        free_entries(e, count);
        return ind_error_set(err, IND_EIO, "", 0, 0, "internal error: a number in the Excel workbook is not the document's");
    }
    ind_status st = write_zip(path, e, count, date, err);
    free_entries(e, count);
    return st;
}

/* ---- the workbook ------------------------------------------------------------------- */

/* The document's date ("2025-12-31T00:00:00", UTC) as a time; 2000-01-01 when unreadable. */
static time_t doc_time(const char *date)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (sscanf(date, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 3)
        return 946684800;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return timegm(&tm);
}

/* Writes the sheets in reading order: the one of all rows (s[1], when its t
 * is set), a sheet per table (s[2..n)), the one about the data (s[0]); order
 * gets the table of each sheet written, *norder how many. */
static lxw_error write_sheets(writer *w, const sheet *s, size_t n, const ind_doc_table **order, size_t *norder)
{
    lxw_error e = LXW_NO_ERROR;
    *norder = 0;
    for (size_t k = 1; k <= n && !e; k++) {
        const sheet *x = &s[k < n ? k : 0];
        if (!x->t)
            continue;
        e = table_sheet(w, x->name, x->t);
        order[(*norder)++] = x->t;
    }
    return e;
}

/* Writes doc as an Excel workbook to path (the lockfile's temporary: the
 * caller renames it into place): its tables, the sheet of all rows when tables
 * share their columns, the sheet about the data; then makes every number
 * exact. Returns IND_OK, or IND_EIO with err set when the file could not be
 * written or read back. */
ind_status ind_write_xlsx(const ind_doc *doc, const char *path, ind_error *err)
{
    const ind_doc_meta *m = ind_doc_get_meta(doc);
    int en = en_of(doc);
    size_t nb = ind_doc_count(doc), n = 2;
    sheet *s = must(calloc(nb + 2, sizeof *s));
    const char *head[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < nb; i++) {
        const ind_block *b = ind_doc_block(doc, i);
        if (b->kind == IND_BLOCK_HEADING) {
            head[b->level - 1] = b->text;
            for (int l = b->level; l < 3; l++)
                head[l] = NULL;
        } else if (b->kind == IND_BLOCK_TABLE) {
            s[n] = (sheet){b->table, {head[0], head[1], head[2], ind_doc_table_caption(b->table)}, NULL, ""};
            n++;
        }
    }
    ind_doc_meta sm = {"", "", NULL, NULL, "", m->date, m->lang};
    ind_doc *scratch = ind_doc_new(&sm);
    size_t joined;
    char what[200];
    s[1].t = combined_table(scratch, s + 2, n - 2, en, &joined);
    if (s[1].t) {
        snprintf(s[1].name, NAME_BYTES, "%s", en ? "All rows" : "Alla rader");
        snprintf(what, sizeof what,
                 en ? "the rows of the %zu tables with the same columns on one sheet, the headings above each in the first columns"
                    : "raderna ur de %zu tabellerna med samma kolumner i ett blad, rubrikerna ovanför varje tabell i de första kolumnerna",
                 joined);
        s[1].what = what;
    }
    snprintf(s[0].name, NAME_BYTES, "%s", en ? "About the data" : "Om underlaget");
    name_sheets(s, 2, n, m->title, en ? "Table" : "Tabell");
    s[0].t = about_table(scratch, doc, s + (s[1].t ? 1 : 2), n - (s[1].t ? 1 : 2), en);

    lxw_workbook_options wo = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
    writer w = {workbook_new_opt(path, &wo), m->lang, NULL, 0, NULL};
    ind_status st = IND_OK;
    const ind_doc_table **order = must(calloc(n, sizeof *order));
    size_t norder = 0;
    if (!w.wb) {
        st = ind_error_set(err, IND_EIO, "", 0, 0, "the Excel workbook could not be made");
    } else {
        lxw_doc_properties props = {.title = (char *)m->title, .subject = (char *)m->subject, .author = "indikator",
                                    .comments = (char *)m->creator, .created = doc_time(m->date)};
        workbook_set_properties(w.wb, &props);
        w.bold = workbook_add_format(w.wb);
        format_set_bold(w.bold);
        lxw_error e = write_sheets(&w, s, n, order, &norder);
        lxw_error closed = workbook_close(w.wb);
        if (e || closed)
            st = ind_error_set(err, IND_EIO, "", 0, 0, "writing the Excel workbook failed: %s", lxw_strerror(e ? e : closed));
    }
    if (st == IND_OK)
        st = exact_numbers(path, order, norder, m->date, err);
    free(order);
    free(w.formats);
    ind_doc_free(scratch);
    free(s);
    return st;
}
