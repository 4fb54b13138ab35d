/* write_csv_sv.c: a document's first table as CSV for Swedish Excel; and what the spreadsheet writers share. */
#include "write.h"

#include <math.h>
#include <string.h>
#include <strings.h>

/* ---- what the spreadsheet writers share ------------------------------------------- */

static const char *label_of(const ind_doc_column *c) { return c->label[0] ? c->label : c->key; }

const char *ind_write_sheet_label(const ind_doc_table *t, size_t j, char *buf, size_t size)
{
    const ind_doc_column *c = ind_doc_table_column(t, j);
    const char *label = label_of(c);
    /* the column that keeps a repeated label: the first shown one, else the first */
    size_t keeper = j, n = ind_doc_table_columns(t);
    int keeper_shown = c->shown != 0, repeated = 0; /* 2, 3, …: shown too */
    for (size_t k = 0; k < n; k++) {
        const ind_doc_column *o = ind_doc_table_column(t, k);
        if (k == j || strcasecmp(label_of(o), label) != 0)
            continue;
        repeated = 1;
        if ((o->shown && !keeper_shown) || ((o->shown != 0) == keeper_shown && k < keeper)) {
            keeper = k;
            keeper_shown = o->shown != 0;
        }
    }
    if (repeated && keeper != j)
        snprintf(buf, size, "%s (%s)", label, c->key);
    else
        snprintf(buf, size, "%s", label);
    /* soft hyphens are for paper's narrow columns */
    char *to = buf;
    for (const char *p = buf; *p; p++)
        if (!(p[0] == '\xc2' && p[1] == '\xad'))
            *to++ = *p;
        else
            p++;
    *to = '\0';
    return buf;
}

const char *ind_write_sheet_text(const ind_cell *c, ind_lang lang, char *buf, size_t size)
{
    int en = lang == IND_LANG_EN;
    if (c->kind == IND_CELL_VERDICT) {
        snprintf(buf, size, "%s%s", en ? ind_verdict_label_en(c->verdict) : ind_verdict_label_sv(c->verdict),
                 c->uncertain ? (en ? " (uncertain)" : " (osäker)") : "");
        return buf;
    }
    const char *s = c->text ? c->text : "";
    for (int v = 0; v < IND_VERDICT_COUNT; v++) {
        const char *sym = ind_verdict_symbol((ind_verdict)v), *label = en ? ind_verdict_label_en((ind_verdict)v)
                                                                           : ind_verdict_label_sv((ind_verdict)v);
        size_t k = strlen(sym);
        if (strncmp(s, sym, k) == 0 && s[k] == ' ' && strncmp(s + k + 1, label, strlen(label)) == 0)
            return s + k + 1;
    }
    return s;
}

/* ---- CSV for Swedish Excel ------------------------------------------------------------ */

/* A number's exact text (shortest round trip) with a decimal comma; no grouping. */
static void put_number(FILE *f, const ind_cell *c)
{
    char buf[64];
    const char *m = ind_cell_machine(c, buf, sizeof buf);
    if (m != buf)
        snprintf(buf, sizeof buf, "%s", m);
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = ',';
    fputs(buf, f);
}

/* The first table for Swedish Excel: UTF-8 with a byte-order mark, semicolons,
 * decimal commas, the columns' labels as headings, verdicts as words, CRLF.
 * Every column is written, as in the CSV; text that a spreadsheet would run
 * as a formula is guarded as there. Returns IND_OK. */
ind_status ind_write_csv_sv(const ind_doc *doc, FILE *f, ind_error *err)
{
    (void)err;
    const ind_doc_table *t = NULL;
    for (size_t i = 0; i < ind_doc_count(doc) && !t; i++)
        t = ind_doc_block(doc, i)->kind == IND_BLOCK_TABLE ? ind_doc_block(doc, i)->table : NULL;
    fputs("\xef\xbb\xbf", f);
    if (!t)
        return IND_OK;
    ind_lang lang = ind_doc_get_meta(doc)->lang;
    size_t nc = ind_doc_table_columns(t), nr = ind_doc_table_rows(t);
    char buf[1200];
    for (size_t j = 0; j < nc; j++) {
        if (j)
            fputc(';', f);
        ind_write_csv_field_sep(f, ind_write_sheet_label(t, j, buf, sizeof buf), 1, ';');
    }
    fputs("\r\n", f);
    for (size_t i = 0; i < nr; i++) {
        for (size_t j = 0; j < nc; j++) {
            const ind_cell *c = ind_doc_table_cell(t, i, j);
            if (j)
                fputc(';', f);
            if (c->kind == IND_CELL_NUMBER || c->kind == IND_CELL_INTEGER)
                put_number(f, c);
            else if (c->kind == IND_CELL_TEXT || c->kind == IND_CELL_VERDICT)
                ind_write_csv_field_sep(f, ind_write_sheet_text(c, lang, buf, sizeof buf), 1, ';');
        }
        fputs("\r\n", f);
    }
    return IND_OK;
}
