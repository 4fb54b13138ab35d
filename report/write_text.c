/* write_text.c: a document as terminal text, CSV and JSON; and the dispatch of every writer. */
#define _GNU_SOURCE /* fputs_unlocked */
#include "write.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lockfile.h"

/* ---- formats ------------------------------------------------------------------- */

static const struct {
    const char *name, *ext;
    ind_out_format f;
} formats[] = {
    {"table", ".txt", IND_OUT_TERMINAL}, {"text", NULL, IND_OUT_TERMINAL}, {"csv", ".csv", IND_OUT_CSV},
    {"json", ".json", IND_OUT_JSON},     {"pdf", ".pdf", IND_OUT_PDF},       {"csv-sv", NULL, IND_OUT_CSV_SV},
    {"html", ".html", IND_OUT_HTML},     {"html", ".htm", IND_OUT_HTML},    {"docx", ".docx", IND_OUT_DOCX},
    {"xlsx", ".xlsx", IND_OUT_XLSX},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

int ind_out_format_parse(const char *name, ind_out_format *f)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (strcasecmp(name, formats[i].name) == 0) {
            *f = formats[i].f;
            return 0;
        }
    return -1;
}

const char *ind_out_format_name(ind_out_format f)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].f == f)
            return formats[i].name;
    return "";
}

int ind_out_format_of_path(const char *path, ind_out_format *f)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return -1;
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].ext && strcasecmp(dot, formats[i].ext) == 0) {
            *f = formats[i].f;
            return 0;
        }
    return -1;
}

/* ---- text helpers ------------------------------------------------------------------ */

size_t ind_text_columns(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

void ind_write_csv_field(FILE *f, const char *s, int guard)
{
    /* A cell that a spreadsheet would run as a formula gets a leading
     * apostrophe (OWASP's advice for CSV injection); numbers are never guarded. */
    int formula = guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (!quote) {
        fputs_unlocked(s, f); /* output is written by one thread: no lock per call */
        return;
    }
    putc_unlocked('"', f);
    if (formula)
        putc_unlocked('\'', f);
    for (; *s; s++) {
        if (*s == '"')
            putc_unlocked('"', f);
        putc_unlocked(*s, f);
    }
    putc_unlocked('"', f);
}

void ind_write_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (c < 0x20)
                fprintf(f, "\\u%04x", c);
            else
                fputc(c, f);
        }
    }
    fputc('"', f);
}

/* The first table of a document: what the machine formats write. */
static const ind_doc_table *first_table(const ind_doc *doc)
{
    for (size_t i = 0; i < ind_doc_count(doc); i++)
        if (ind_doc_block(doc, i)->kind == IND_BLOCK_TABLE)
            return ind_doc_block(doc, i)->table;
    return NULL;
}

static int textual(const ind_doc_column *c) { return c->kind == IND_CELL_TEXT || c->kind == IND_CELL_VERDICT; }

/* ---- CSV and JSON ------------------------------------------------------------------- */

ind_status ind_write_csv(const ind_doc *doc, FILE *f, ind_error *err)
{
    (void)err;
    const ind_doc_table *t = first_table(doc);
    if (!t)
        return IND_OK;
    size_t nc = ind_doc_table_columns(t), nr = ind_doc_table_rows(t);
    for (size_t j = 0; j < nc; j++) {
        if (j)
            fputc(',', f);
        ind_write_csv_field(f, ind_doc_table_column(t, j)->key, 0);
    }
    fputs("\r\n", f);
    char buf[64];
    for (size_t i = 0; i < nr; i++) {
        for (size_t j = 0; j < nc; j++) {
            if (j)
                putc_unlocked(',', f);
            const char *m = ind_cell_machine(ind_doc_table_cell(t, i, j), buf, sizeof buf);
            if (m)
                ind_write_csv_field(f, m, textual(ind_doc_table_column(t, j)));
        }
        fputs_unlocked("\r\n", f);
    }
    return IND_OK;
}

ind_status ind_write_json(const ind_doc *doc, FILE *f, ind_error *err)
{
    (void)err;
    const ind_doc_table *t = first_table(doc);
    size_t nc = t ? ind_doc_table_columns(t) : 0, nr = t ? ind_doc_table_rows(t) : 0;
    char buf[64];
    fputs("[", f);
    for (size_t i = 0; i < nr; i++) {
        fputs(i ? ",\n  {" : "\n  {", f);
        for (size_t j = 0; j < nc; j++) {
            const ind_doc_column *c = ind_doc_table_column(t, j);
            const char *m = ind_cell_machine(ind_doc_table_cell(t, i, j), buf, sizeof buf);
            if (j)
                fputs(", ", f);
            ind_write_json_string(f, c->key);
            fputs(": ", f);
            if (!m)
                fputs("null", f);
            else if (textual(c))
                ind_write_json_string(f, m);
            else
                fputs(m, f);
        }
        fputs("}", f);
    }
    fputs(nr ? "\n]\n" : "]\n", f);
    return IND_OK;
}

/* ---- terminal ---------------------------------------------------------------------- */

#define MAX_COLUMN 60

static void put_padded(FILE *f, const char *s, size_t width, int right, int last)
{
    size_t pad = width > ind_text_columns(s) ? width - ind_text_columns(s) : 0;
    if (right)
        fprintf(f, "%*s%s", (int)pad, "", s);
    else if (last)
        fputs(s, f);
    else
        fprintf(f, "%s%*s", s, (int)pad, "");
}

/* Cuts s to width - 1 columns at a character boundary and marks the cut with "…". */
static const char *cut(const char *s, size_t width, char *out, size_t size)
{
    size_t k = 0, chars = 0;
    while (s[k] && chars + 1 < width && k + 4 < size) {
        k++;
        while ((s[k] & 0xC0) == 0x80)
            k++;
        chars++;
    }
    memcpy(out, s, k);
    memcpy(out + k, "\xe2\x80\xa6", 4);
    return out;
}

/* A column people see: meant for them, and not empty in every row (a
 * prognosis column of a table without tertials says nothing). */
static int shown(const ind_doc_table *t, size_t j)
{
    if (!ind_doc_table_column(t, j)->shown)
        return 0;
    size_t nr = ind_doc_table_rows(t);
    for (size_t i = 0; i < nr; i++) {
        const ind_cell *c = ind_doc_table_cell(t, i, j);
        if (c->kind != IND_CELL_NULL && !(c->kind == IND_CELL_TEXT && !c->text[0]))
            return 1;
    }
    return nr == 0;
}

static void terminal_table(const ind_doc *doc, const ind_doc_table *t, FILE *f)
{
    ind_lang lang = ind_doc_get_meta(doc)->lang;
    size_t nc = ind_doc_table_columns(t), nr = ind_doc_table_rows(t);
    size_t *w = calloc(nc ? nc : 1, sizeof *w);
    unsigned char *show = calloc(nc ? nc : 1, 1);
    if (!w || !show) {
        free(w);
        free(show);
        return;
    }
    char buf[1200], cutbuf[256];
    long last_shown = -1;
    for (size_t j = 0; j < nc; j++) {
        const ind_doc_column *c = ind_doc_table_column(t, j);
        if (!(show[j] = (unsigned char)shown(t, j)))
            continue;
        last_shown = (long)j;
        w[j] = ind_text_columns(c->label);
        for (size_t i = 0; i < nr; i++) {
            size_t cw = ind_text_columns(ind_cell_show(ind_doc_table_cell(t, i, j), lang, IND_SHOW_TYPESET, buf, sizeof buf));
            if (cw > w[j])
                w[j] = cw;
        }
        if (w[j] > MAX_COLUMN)
            w[j] = MAX_COLUMN;
    }
    if (ind_doc_table_caption(t))
        fprintf(f, "%s\n\n", ind_doc_table_caption(t));
    size_t total = 0;
    int first = 1;
    for (size_t j = 0; j < nc; j++) {
        const ind_doc_column *c = ind_doc_table_column(t, j);
        if (!show[j])
            continue;
        if (!first)
            fputs("  ", f);
        put_padded(f, c->label, w[j], !textual(c), (long)j == last_shown);
        total += w[j] + (first ? 0 : 2);
        first = 0;
    }
    fputc('\n', f);
    for (size_t k = 0; k < total; k++)
        fputs("\xe2\x94\x80", f); /* ─ */
    fputc('\n', f);
    for (size_t i = 0; i < nr; i++) {
        first = 1;
        for (size_t j = 0; j < nc; j++) {
            const ind_doc_column *c = ind_doc_table_column(t, j);
            if (!show[j])
                continue;
            const char *s = ind_cell_show(ind_doc_table_cell(t, i, j), lang, IND_SHOW_TYPESET, buf, sizeof buf);
            if (ind_text_columns(s) > w[j] && (long)j != last_shown)
                s = cut(s, w[j], cutbuf, sizeof cutbuf);
            if (!first)
                fputs("  ", f);
            put_padded(f, s, w[j], !textual(c), (long)j == last_shown);
            first = 0;
        }
        fputc('\n', f);
    }
    free(show);
    free(w);
}

ind_status ind_write_terminal(const ind_doc *doc, FILE *f, ind_error *err)
{
    (void)err;
    size_t n = ind_doc_count(doc);
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        const ind_block *b = ind_doc_block(doc, i);
        if (b->kind == IND_BLOCK_PAGE_BREAK)
            continue;
        /* blocks apart by a blank line; the items of a list together */
        if (any && !(b->kind == IND_BLOCK_LIST_ITEM && ind_doc_block(doc, i - 1)->kind == IND_BLOCK_LIST_ITEM))
            fputc('\n', f);
        any = 1;
        switch (b->kind) {
        case IND_BLOCK_HEADING: fprintf(f, "%s\n", b->text); break;
        case IND_BLOCK_PARAGRAPH:
        case IND_BLOCK_NOTE: fprintf(f, "%s\n", b->text); break;
        case IND_BLOCK_LIST_ITEM: fprintf(f, "\xe2\x80\xa2 %s\n", b->text); break;
        case IND_BLOCK_TABLE: terminal_table(doc, b->table, f); break;
        case IND_BLOCK_FIGURE:
            fprintf(f, "[%s]\n", b->alt ? b->alt : ind_doc_get_meta(doc)->lang == IND_LANG_EN ? "Figure" : "Figur");
            break;
        case IND_BLOCK_PAGE_BREAK: break;
        }
    }
    return IND_OK;
}

/* ---- dispatch ----------------------------------------------------------------------- */

int ind_out_format_binary(ind_out_format f)
{
    return f == IND_OUT_PDF || f == IND_OUT_DOCX || f == IND_OUT_XLSX;
}

static ind_status write_stream(const ind_doc *doc, ind_out_format fmt, FILE *f, ind_write_result *res, ind_error *err)
{
    int pages = 0;
    ind_status st;
    switch (fmt) {
    case IND_OUT_CSV: st = ind_write_csv(doc, f, err); break;
    case IND_OUT_JSON: st = ind_write_json(doc, f, err); break;
    case IND_OUT_PDF: st = ind_write_pdf(doc, f, &pages, err); break;
    case IND_OUT_CSV_SV: st = ind_write_csv_sv(doc, f, err); break;
    case IND_OUT_HTML: st = ind_write_html(doc, f, err); break;
    case IND_OUT_DOCX: st = ind_write_docx(doc, f, err); break;
    case IND_OUT_XLSX: st = ind_error_set(err, IND_EUSAGE, "", 0, 0, "an Excel workbook is written to a file (-o FILE.xlsx)"); break;
    default: st = ind_write_terminal(doc, f, err); break;
    }
    if (res)
        res->pages = pages;
    return st;
}

ind_status ind_doc_write(const ind_doc *doc, ind_out_format fmt, const char *path, FILE *stream,
                         ind_write_result *result, ind_error *err)
{
    if (!path) {
        ind_status st = write_stream(doc, fmt, stream, result, err);
        if (st == IND_OK && (fflush(stream) != 0 || ferror(stream)))
            return ind_error_set(err, IND_EIO, "", 0, 0, "writing to standard output failed");
        return st;
    }
    ind_lockfile lf;
    ind_status st = ind_lockfile_open(&lf, path, err);
    if (st != IND_OK)
        return st;
    if (fmt == IND_OUT_XLSX)
        st = ind_write_xlsx(doc, lf.temp, err);
    else
        st = write_stream(doc, fmt, lf.f, result, err);
    if (st != IND_OK) {
        ind_lockfile_rollback(&lf);
        return st;
    }
    return ind_lockfile_commit(&lf, err);
}
