/* table_check.c: what the data files hold (units, indicators, periods, genders, missing values) and what is wrong with them. */
#include "build_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *encoding_name(ind_encoding e)
{
    return e == IND_ENC_CP1252 ? "Windows-1252" : "UTF-8";
}

static const char *delimiter_name(char d)
{
    return d == ';' ? ";" : d == '\t' ? "tab" : d == ',' ? "," : "";
}

/* The dataset counted. */
typedef struct {
    size_t nobs, nser;
    size_t missing[IND_MISSING_COUNT];
    size_t genders[IND_GENDER_COUNT];
    size_t units, indicators, unknown, with_counts, with_target;
    ind_period first, last;
    int kinds;
    const char **ind_names;
    const ind_indicator **ind_info;
} tally;

static void count(const ind_dataset *ds, tally *c)
{
    memset(c, 0, sizeof *c);
    c->nobs = ind_dataset_obs_count(ds);
    c->nser = ind_dataset_series_count(ds);
    c->ind_names = ind_build_must(calloc(c->nser ? c->nser : 1, sizeof *c->ind_names));
    c->ind_info = ind_build_must(calloc(c->nser ? c->nser : 1, sizeof *c->ind_info));
    const char *last_unit = NULL;
    for (size_t s = 0; s < c->nser; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        const char *u = ind_dataset_str(ds, se->unit);
        if (!last_unit || strcmp(u, last_unit) != 0)
            c->units++;
        last_unit = u;
        const char *name = ind_dataset_str(ds, se->indicator);
        int seen = 0;
        for (size_t k = 0; k < c->indicators && !seen; k++)
            seen = strcmp(c->ind_names[k], name) == 0;
        if (!seen) {
            c->ind_info[c->indicators] = se->info;
            c->ind_names[c->indicators++] = name;
            c->unknown += se->info == NULL;
        }
        for (size_t i = se->first; i < se->first + se->count; i++) {
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            c->missing[o.missing]++;
            c->genders[se->gender]++;
            c->with_counts += !isnan(o.denominator);
            c->with_target += o.target != 0;
            if (!c->first || o.period < c->first)
                c->first = o.period;
            if (o.period > c->last)
                c->last = o.period;
            c->kinds |= 1 << ind_period_kind_of(o.period);
        }
    }
}

static const ind_colspec check_columns[] = {
    {"kind", "Vad", "What", IND_CELL_TEXT, 1},
    {"name", "Namn", "Name", IND_CELL_TEXT, 1},
    {"value", "Värde", "Value", IND_CELL_TEXT, 1},
    {"file", "Fil", "File", IND_CELL_TEXT, 0},
    {"line", "Rad", "Line", IND_CELL_INTEGER, 0},
};

/* A row of the table: kind, name, value, and the file and line when there are. */
static void row(ind_doc_table *t, const char *kind, const char *name, const char *value, const char *file, long line)
{
    ind_doc_row(t);
    ind_doc_text(t, kind);
    ind_doc_text(t, name);
    ind_doc_text(t, value);
    if (file)
        ind_doc_text(t, file);
    else
        ind_doc_null(t);
    if (line > 0)
        ind_doc_integer(t, line);
    else
        ind_doc_null(t);
}

static void count_row(ind_doc_table *t, const char *kind, const char *name, size_t value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", value);
    row(t, kind, name, buf, NULL, 0);
}

/* The files read: data files with their form, the other kinds as what they are. */
static void file_rows(ind_doc_table *t, const ind_build_input *in, const ind_check_file *others, size_t nothers,
                      int en)
{
    char buf[256];
    for (size_t i = 0; i < in->source_count; i++) {
        const ind_ingest_report *r = &in->reports[i];
        if (r->form == IND_FORM_KOLADA)
            snprintf(buf, sizeof buf, "%s, %zu obs", ind_form_name(r->form), r->observations);
        else
            snprintf(buf, sizeof buf, "%s, %s, delimiter %s, %ld rows, %zu obs", ind_form_name(r->form),
                     encoding_name(r->csv.encoding), delimiter_name(r->csv.delimiter), r->csv.rows, r->observations);
        row(t, "file", in->sources[i], buf, in->sources[i], 0);
    }
    for (size_t i = 0; i < nothers; i++) {
        snprintf(buf, sizeof buf, en ? "%s, %ld entries, valid" : "%s, %ld poster, giltig", others[i].kind,
                 others[i].entries);
        row(t, "file", others[i].name, buf, others[i].name, 0);
    }
}

/* Counts, periods, genders and missing values. */
static void count_rows(ind_doc_table *t, const tally *c, int en)
{
    char buf[256], a[32], b[32];
    count_row(t, "count", en ? "observations" : "observationer", c->nobs);
    count_row(t, "count", en ? "series" : "serier", c->nser);
    count_row(t, "count", en ? "units" : "enheter", c->units);
    count_row(t, "count", en ? "indicators" : "indikatorer", c->indicators);
    count_row(t, "count", en ? "not in the catalogue" : "utanför katalogen", c->unknown);
    count_row(t, "count", en ? "with numerator/denominator" : "med täljare/nämnare", c->with_counts);
    count_row(t, "count", en ? "with årsmål" : "med årsmål", c->with_target);
    buf[0] = '\0';
    if (c->nobs) {
        char kindtxt[64] = "";
        if (c->kinds & 1) strcat(kindtxt, en ? "year" : "år");
        if (c->kinds & 2) strcat(kindtxt, kindtxt[0] ? ", tertial" : "tertial");
        if (c->kinds & 4) strcat(kindtxt, kindtxt[0] ? (en ? ", month" : ", månad") : (en ? "month" : "månad"));
        snprintf(buf, sizeof buf, "%s – %s (%s)", ind_period_format(c->first, a, sizeof a),
                 ind_period_format(c->last, b, sizeof b), kindtxt);
    }
    row(t, "periods", en ? "periods" : "perioder", buf, NULL, 0);
    for (int g = 0; g < IND_GENDER_COUNT; g++)
        if (c->genders[g]) {
            snprintf(a, sizeof a, "%s (%s)", ind_gender_code((ind_gender)g),
                     en ? ind_gender_label_en((ind_gender)g) : ind_gender_label_sv((ind_gender)g));
            count_row(t, "gender", a, c->genders[g]);
        }
    for (int m = 1; m < IND_MISSING_COUNT; m++)
        if (c->missing[m])
            count_row(t, "missing", en ? ind_missing_code((ind_missing)m) : ind_missing_label_sv((ind_missing)m),
                      c->missing[m]);
}

/* Every indicator with what the catalogue says of it; then the warnings. */
static void indicator_rows(ind_doc_table *t, const ind_dataset *ds, const tally *c, int en)
{
    char buf[256];
    for (size_t k = 0; k < c->indicators; k++) {
        const ind_indicator *info = c->ind_info[k];
        if (info)
            snprintf(buf, sizeof buf, "%s, %s, %s", ind_measure_code(info->measure), ind_direction_code(info->direction),
                     info->periodicity == IND_PERIOD_TERTIAL ? "tertial" : "år");
        else
            snprintf(buf, sizeof buf, en ? "not in the catalogue: direction unknown, never guessed"
                                         : "saknas i katalogen: riktning okänd, gissas aldrig");
        row(t, info ? "indicator" : "unknown_indicator", c->ind_names[k], buf, NULL, 0);
    }
    size_t nw = ind_dataset_warning_count(ds);
    for (size_t i = 0; i < nw; i++) {
        const ind_warning *w = ind_dataset_warning(ds, i);
        snprintf(buf, sizeof buf, "%s:%ld", ind_dataset_str(ds, w->file), w->line);
        row(t, "warning", buf, w->message, ind_dataset_str(ds, w->file), w->line);
    }
}

ind_doc *ind_build_check(const ind_build_input *in, const ind_opts *o, const ind_check_file *others, size_t nothers)
{
    int en = o->lang == IND_LANG_EN;
    tally c;
    count(in->ds, &c);
    ind_doc *doc = ind_build_table_doc(in, o, "Underlaget", "The data");
    ind_doc_table *t = ind_build_table(doc, check_columns, sizeof check_columns / sizeof check_columns[0], NULL);
    file_rows(t, in, others, nothers, en);
    count_rows(t, &c, en);
    indicator_rows(t, in->ds, &c, en);
    char title[256];
    snprintf(title, sizeof title, en ? "%d file(s) read: %zu observations, %zu warning(s)"
                                     : "%d fil(er) lästa: %zu observationer, %zu varning(ar)",
             (int)in->source_count, c.nobs, ind_dataset_warning_count(in->ds));
    ind_doc_table_set_caption(doc, t, title);
    free(c.ind_names);
    free(c.ind_info);
    return doc;
}
