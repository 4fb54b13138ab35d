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

/* The delimiter for machines (";", "tab", ",") and for people in lang. */
static const char *delimiter_name(char d, int en)
{
    return d == ';' ? ";" : d == '\t' ? (en ? "tab" : "tabb") : d == ',' ? "," : "";
}

/* A form of input for people: "lång form", "VB-tabell", "Kolada". */
static const char *form_label(ind_form form, int en)
{
    switch (form) {
    case IND_FORM_LONG: return en ? "long form" : "lång form";
    case IND_FORM_VB_TABLE: return en ? "VB table" : "VB-tabell";
    case IND_FORM_KOLADA: return "Kolada";
    default: return en ? "unknown form" : "okänd form";
    }
}

/* What a catalogue entry says of its indicator, for people: "procent, högre är bättre, år". */
static void indicator_label(const ind_indicator *info, int en, char *buf, size_t size)
{
    static const char *const measure[][2] = {{"procent", "percent"}, {"antal", "count"},   {"index", "index"},
                                             {"kvot", "ratio"},      {"kronor", "currency"}, {"dagar", "days"},
                                             {"tal", "number"}};
    static const char *const direction[][2] = {{"riktning okänd", "direction unknown"},
                                               {"högre är bättre", "higher is better"},
                                               {"lägre är bättre", "lower is better"},
                                               {"bäst inom ett intervall", "best within a band"},
                                               {"ingen riktning", "no direction"}};
    unsigned m = (unsigned)info->measure < 7 ? (unsigned)info->measure : 6;
    unsigned d = (unsigned)info->direction < 5 ? (unsigned)info->direction : 0;
    const char *per = info->periodicity == IND_PERIOD_TERTIAL ? "tertial"
                      : info->periodicity == IND_PERIOD_MONTH ? (en ? "month" : "månad")
                                                              : (en ? "year" : "år");
    snprintf(buf, size, "%s, %s, %s", measure[m][en], direction[d][en], per);
}

/* A row kind: the code for machines, its words for people. */
static const char *kind_label(const char *kind, int en)
{
    static const char *const k[][3] = {{"file", "fil", "file"},
                                       {"count", "antal", "count"},
                                       {"periods", "perioder", "periods"},
                                       {"gender", "kön", "gender"},
                                       {"missing", "värde saknas", "missing value"},
                                       {"indicator", "indikator", "indicator"},
                                       {"unknown_indicator", "okänd indikator", "unknown indicator"},
                                       {"warning", "varning", "warning"}};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (strcmp(k[i][0], kind) == 0)
            return k[i][1 + en];
    return kind;
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

/* A row of the table: kind, name, value (each a code for machines and words
 * for people; a NULL label: the code is what people read too), and the file
 * and line when there are. */
static void row(ind_doc_table *t, const char *kind, const char *name, const char *name_label, const char *value,
                const char *value_label, const char *file, long line, int en)
{
    ind_doc_row(t);
    ind_doc_code(t, kind, kind_label(kind, en));
    ind_doc_code(t, name, name_label ? name_label : name);
    ind_doc_code(t, value, value_label ? value_label : value);
    if (file)
        ind_doc_text(t, file);
    else
        ind_doc_null(t);
    if (line > 0)
        ind_doc_integer(t, line);
    else
        ind_doc_null(t);
}

/* A count: name is the code ("observations"), label its words in the table's language. */
static void count_row(ind_doc_table *t, const char *kind, const char *name, const char *label, size_t value, int en)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%zu", value);
    row(t, kind, name, label, buf, NULL, NULL, 0, en);
}

/* The files read: data files with their form, the other kinds as what they are. */
static void file_rows(ind_doc_table *t, const ind_build_input *in, const ind_check_file *others, size_t nothers,
                      int en)
{
    char code[256], label[256];
    for (size_t i = 0; i < in->source_count; i++) {
        const ind_ingest_report *r = &in->reports[i];
        if (r->form == IND_FORM_KOLADA) {
            snprintf(code, sizeof code, "%s, %zu obs", ind_form_name(r->form), r->observations);
            snprintf(label, sizeof label, en ? "Kolada, %zu observations" : "Kolada, %zu observationer",
                     r->observations);
        } else {
            snprintf(code, sizeof code, "%s, %s, delimiter %s, %ld rows, %zu obs", ind_form_name(r->form),
                     encoding_name(r->csv.encoding), delimiter_name(r->csv.delimiter, 1), r->csv.rows,
                     r->observations);
            snprintf(label, sizeof label,
                     en ? "%s, %s, delimiter \"%s\", %ld rows, %zu observations"
                        : "%s, %s, avgränsare \"%s\", %ld rader, %zu observationer",
                     form_label(r->form, en), encoding_name(r->csv.encoding), delimiter_name(r->csv.delimiter, en),
                     r->csv.rows, r->observations);
        }
        row(t, "file", in->sources[i], ind_build_source(in, i), code, label, in->sources[i], 0, en);
    }
    for (size_t i = 0; i < nothers; i++) {
        snprintf(code, sizeof code, "%s, %ld entries, valid", others[i].kind, others[i].entries);
        snprintf(label, sizeof label, en ? "%s, %ld entries, valid" : "%s, %ld poster, giltig", others[i].kind,
                 others[i].entries);
        row(t, "file", others[i].name, NULL, code, label, others[i].name, 0, en);
    }
}

/* Counts, periods, genders and missing values. */
static void count_rows(ind_doc_table *t, const tally *c, int en)
{
    char buf[256], label[256], a[32], b[32], code[64];
    count_row(t, "count", "observations", en ? "observations" : "observationer", c->nobs, en);
    count_row(t, "count", "series", en ? "series" : "serier", c->nser, en);
    count_row(t, "count", "units", en ? "units" : "enheter", c->units, en);
    count_row(t, "count", "indicators", en ? "indicators" : "indikatorer", c->indicators, en);
    count_row(t, "count", "not in the catalogue", en ? "not in the catalogue" : "utanför katalogen", c->unknown, en);
    count_row(t, "count", "with numerator/denominator", en ? "with numerator/denominator" : "med täljare/nämnare",
              c->with_counts, en);
    count_row(t, "count", "with årsmål", en ? "with årsmål" : "med årsmål", c->with_target, en);
    buf[0] = label[0] = '\0';
    if (c->nobs) {
        /* the kinds of period: English words for machines, the table's language for people */
        char kinds[2][64] = {"", ""};
        for (int l = 0; l < 2; l++) {
            int words_en = l == 0 || en;
            if (c->kinds & 1) strcat(kinds[l], words_en ? "year" : "år");
            if (c->kinds & 2) strcat(kinds[l], kinds[l][0] ? ", tertial" : "tertial");
            if (c->kinds & 4) strcat(kinds[l], kinds[l][0] ? ", " : ""), strcat(kinds[l], words_en ? "month" : "månad");
        }
        ind_period_format(c->first, a, sizeof a);
        ind_period_format(c->last, b, sizeof b);
        snprintf(buf, sizeof buf, "%s – %s (%s)", a, b, kinds[0]);
        snprintf(label, sizeof label, "%s – %s (%s)", a, b, kinds[1]);
    }
    row(t, "periods", "periods", en ? "first – last" : "första – sista", buf, label, NULL, 0, en);
    for (int g = 0; g < IND_GENDER_COUNT; g++)
        if (c->genders[g]) {
            snprintf(a, sizeof a, "%s (%s)", ind_gender_code((ind_gender)g),
                     en ? ind_gender_label_en((ind_gender)g) : ind_gender_label_sv((ind_gender)g));
            snprintf(code, sizeof code, "%s", ind_gender_code((ind_gender)g));
            count_row(t, "gender", code, a, c->genders[g], en);
        }
    for (int m = 1; m < IND_MISSING_COUNT; m++)
        if (c->missing[m])
            count_row(t, "missing", ind_missing_code((ind_missing)m),
                      en ? ind_missing_code((ind_missing)m) : ind_missing_label_sv((ind_missing)m), c->missing[m], en);
}

/* Every indicator with what the catalogue says of it; then the warnings. */
static void indicator_rows(ind_doc_table *t, const ind_dataset *ds, const tally *c, int en)
{
    char code[256], label[256];
    for (size_t k = 0; k < c->indicators; k++) {
        const ind_indicator *info = c->ind_info[k];
        if (info) {
            snprintf(code, sizeof code, "%s, %s, %s", ind_measure_code(info->measure),
                     ind_direction_code(info->direction), info->periodicity == IND_PERIOD_TERTIAL ? "tertial" : "år");
            indicator_label(info, en, label, sizeof label);
        } else {
            snprintf(code, sizeof code, "not in the catalogue: direction unknown, never guessed");
            snprintf(label, sizeof label, en ? "not in the catalogue: direction unknown, never guessed"
                                             : "saknas i katalogen: riktning okänd, gissas aldrig");
        }
        row(t, info ? "indicator" : "unknown_indicator", c->ind_names[k], NULL, code, label, NULL, 0, en);
    }
    size_t nw = ind_dataset_warning_count(ds);
    for (size_t i = 0; i < nw; i++) {
        const ind_warning *w = ind_dataset_warning(ds, i);
        snprintf(code, sizeof code, "%s:%ld", ind_dataset_str(ds, w->file), w->line);
        row(t, "warning", code, NULL, w->message, en ? w->message : w->message_sv, ind_dataset_str(ds, w->file),
            w->line, en);
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
