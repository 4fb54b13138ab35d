/* build_table.c: what the table builders share. */
#include "build_int.h"

#include "prognosis.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <string.h>

const char *ind_build_source(const ind_build_input *in, size_t i)
{
    return in->source_labels ? in->source_labels[i] : in->sources[i];
}

void *ind_build_must(void *p)
{
    if (!p) {
        fputs("indikator: slut på minne (out of memory)\n", stderr);
        exit(4);
    }
    return p;
}

ind_doc_table *ind_build_table(ind_doc *doc, const ind_colspec *spec, size_t n, const char *caption)
{
    int en = ind_doc_get_meta(doc)->lang == IND_LANG_EN;
    ind_doc_column *cols = ind_build_must(calloc(n ? n : 1, sizeof *cols));
    for (size_t j = 0; j < n; j++) {
        int text = spec[j].kind == IND_CELL_TEXT || spec[j].kind == IND_CELL_VERDICT;
        cols[j] = (ind_doc_column){spec[j].key, en ? spec[j].label_en : spec[j].label_sv, spec[j].kind,
                                   text ? IND_ALIGN_LEFT : IND_ALIGN_RIGHT, 0, spec[j].shown};
    }
    ind_doc_table *t = ind_doc_table_new(doc, cols, n, caption);
    free(cols);
    return t;
}

/* The selection in words: "Enheter: A, B; indikatorer: X; period: 2025; kön: K". */
static void selection_text(const ind_opts *o, int en, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
#define ADD(...) (n += n < size ? (size_t)snprintf(buf + n, size - n, __VA_ARGS__) : 0)
    if (o->unit_count) {
        ADD("%s", en ? "units: " : "enheter: ");
        for (size_t i = 0; i < o->unit_count; i++)
            ADD("%s%s", i ? ", " : "", o->units[i]);
    }
    if (o->indicator_count) {
        ADD("%s%s", n ? "; " : "", en ? "indicators: " : "indikatorer: ");
        for (size_t i = 0; i < o->indicator_count; i++)
            ADD("%s%s", i ? ", " : "", o->indicators[i]);
    }
    char a[32], b[32];
    if (o->period)
        ADD("%s%s%s", n ? "; " : "", "period: ", ind_period_label(o->period, a, sizeof a));
    else if (o->year)
        ADD("%s%s%d", n ? "; " : "", en ? "year: " : "år: ", o->year);
    if (o->from || o->to)
        ADD("%s%s%s–%s", n ? "; " : "", en ? "periods: " : "perioder: ",
            o->from ? ind_period_label(o->from, a, sizeof a) : "", o->to ? ind_period_label(o->to, b, sizeof b) : "");
    if (o->gender_given)
        ADD("%s%s%s", n ? "; " : "", en ? "sex: " : "kön: ", ind_gender_code(o->gender));
    if (!n)
        ADD("%s", en ? "everything in the data" : "allt i underlaget");
#undef ADD
}

void ind_build_facts(ind_doc *doc, const ind_build_input *in, const ind_opts *o)
{
    int en = o->lang == IND_LANG_EN;
    char buf[2000];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < in->source_count && n < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? ", " : "", ind_build_source(in, i));
    ind_doc_fact(doc, en ? "Data" : "Underlag", buf);
    selection_text(o, en, buf, sizeof buf);
    ind_doc_fact(doc, en ? "Selection" : "Urval", buf);
    /* the rule without its own "Regel: " (the label says it) */
    const char *rule = ind_opts_policy_text(o, buf, sizeof buf), *colon = strstr(rule, ": ");
    ind_doc_fact(doc, en ? "Rule" : "Regel", colon ? colon + 2 : rule);
    ind_period last = 0;
    for (size_t i = 0; i < ind_dataset_obs_count(in->ds); i++)
        if (!isnan(ind_dataset_value(in->ds, i)) && ind_dataset_period(in->ds, i) > last)
            last = ind_dataset_period(in->ds, i);
    ind_doc_fact(doc, en ? "Data up to" : "Uppgifter till och med", last ? ind_period_label(last, buf, sizeof buf) : "");
    ind_doc_fact(doc, en ? "Made with" : "Framtagen med", in->creator);
}

ind_doc *ind_build_table_doc(const ind_build_input *in, const ind_opts *o, const char *title_sv, const char *title_en)
{
    ind_doc_meta meta = {o->lang == IND_LANG_EN ? title_en : title_sv, NULL, NULL, NULL, in->creator, NULL, o->lang};
    ind_doc *doc = ind_doc_new(&meta);
    ind_build_facts(doc, in, o);
    return doc;
}

void ind_build_unbroken(const char *s, char *out, size_t size)
{
    size_t k = 0;
    for (size_t i = 0; s[i] && k + 3 < size; i++) {
        if (s[i] == ' ' && s[i + 1] == '%') {
            out[k++] = (char)0xC2;
            out[k++] = (char)0xA0;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
}

void ind_build_prognosis_cells(ind_doc_table *t, const ind_dataset *ds, size_t series, ind_period p, const ind_opts *o)
{
    ind_prognosis g;
    ind_error err;
    if (ind_period_kind_of(p) != IND_PERIOD_TERTIAL || ind_period_sub(p) > 2 ||
        ind_prognosis_of(ds, series, p, o->alpha, &o->policy, &g, &err) != IND_OK) {
        for (int k = 0; k < 6; k++)
            ind_doc_null(t);
        return;
    }
    const ind_series *se = ind_dataset_series(ds, series);
    int dec = ind_opts_decimals(se);
    ind_doc_text(t, ind_prognosis_code(g.verdict));
    ind_doc_text(t, o->lang == IND_LANG_EN ? ind_prognosis_label_en(g.verdict) : ind_prognosis_label_sv(g.verdict));
    ind_doc_number(t, g.predicted, dec, IND_UNIT_NONE);
    ind_doc_number(t, g.pi_lo, dec, IND_UNIT_NONE);
    ind_doc_number(t, g.pi_hi, dec, IND_UNIT_NONE);
    if (g.method == IND_PROGNOSIS_BY_NONE)
        ind_doc_null(t);
    else
        ind_doc_text(t, ind_prognosis_method_code(g.method));
}

void ind_build_said(ind_doc *doc, ind_said *parts, size_t n)
{
    size_t lt = 1, ln = 1;
    for (size_t i = 0; i < n; i++) {
        lt += parts[i].text ? strlen(parts[i].text) + 1 : 0;
        ln += parts[i].note ? strlen(parts[i].note) + 1 : 0;
    }
    char *text = ind_build_must(calloc(lt, 1)), *note = ind_build_must(calloc(ln, 1));
    for (size_t i = 0; i < n; i++) {
        if (parts[i].text)
            strcat(strcat(text, *text ? " " : ""), parts[i].text);
        if (parts[i].note)
            strcat(strcat(note, *note ? " " : ""), parts[i].note);
        ind_said_free(&parts[i]);
    }
    if (*text)
        ind_doc_paragraph(doc, text);
    if (*note)
        ind_doc_note(doc, note);
    free(text);
    free(note);
}

const char *ind_build_numg(double v, ind_unit unit, ind_lang lang, char *buf, size_t size)
{
    double shown = unit == IND_UNIT_SHARE ? v * 100 : v;
    int d = 0;
    while (d < 6 && fabs(shown * pow(10, d) - round(shown * pow(10, d))) > 1e-9 * fmax(1, fabs(shown * pow(10, d))))
        d++;
    ind_cell c = {.kind = IND_CELL_NUMBER, .unit = unit, .decimals = d, .value = v};
    return ind_cell_show(&c, lang, IND_SHOW_TYPESET, buf, size);
}
