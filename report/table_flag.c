/* table_flag.c: the outcomes below their årsmål, worst first, each with a sentence for the VB. */
#include "build_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t series, obs;
    ind_attainment a;
} flagged;

static int worst_first(const void *x, const void *y)
{
    const flagged *a = x, *b = y;
    double ra = a->a.gap_relative, rb = b->a.gap_relative;
    int na = isnan(ra), nb = isnan(rb);
    if (na != nb)
        return na - nb; /* a relative gap sorts before none */
    if (!na && ra != rb)
        return ra < rb ? -1 : 1;
    if (a->a.gap != b->a.gap && !isnan(a->a.gap) && !isnan(b->a.gap))
        return a->a.gap < b->a.gap ? -1 : 1;
    /* stable and deterministic: dataset order */
    return a->obs < b->obs ? -1 : a->obs > b->obs;
}

/* Each selected series judged at its latest selected period with an outcome:
 * what stands now. Returns the flagged ones (not met or partly), unsorted. */
static flagged *collect(const ind_dataset *ds, const ind_opts *o, size_t *count)
{
    size_t cap = 64, n = 0;
    flagged *f = ind_build_must(malloc(cap * sizeof *f));
    size_t ns = ind_dataset_series_count(ds);
    for (size_t s = 0; s < ns; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (!ind_opts_series(o, ds, se, 0))
            continue;
        long latest = -1;
        for (size_t i = se->first; i < se->first + se->count; i++)
            if (ind_opts_period(o, ind_dataset_period(ds, i)) && !isnan(ind_dataset_value(ds, i)))
                latest = (long)i;
        if (latest < 0)
            continue;
        ind_attainment a;
        ind_attain_obs(ds, (size_t)latest, 0, &o->policy, o->lang, &a);
        if (a.verdict != IND_VERDICT_NOT_MET && a.verdict != IND_VERDICT_PARTLY)
            continue;
        if (n == cap) {
            cap *= 2;
            f = ind_build_must(realloc(f, cap * sizeof *f));
        }
        f[n++] = (flagged){s, (size_t)latest, a};
    }
    *count = n;
    return f;
}

static const ind_colspec flag_columns[] = {
    {"rank", "#", "#", IND_CELL_INTEGER, 2},
    {"unit", "Enhet", "Unit", IND_CELL_TEXT, 1},
    {"indicator", "Indikator", "Indicator", IND_CELL_TEXT, 0},
    {"period", "Period", "Period", IND_CELL_TEXT, 1},
    {"gender", "Kön", "Sex", IND_CELL_TEXT, 0},
    {"value", "Utfall", "Outcome", IND_CELL_NUMBER, 0},
    {"target", "Årsmål", "Target", IND_CELL_TEXT, 0},
    {"verdict", "Bedömning", "Verdict", IND_CELL_TEXT, 0},
    {"verdict_label", "Bedömning", "Verdict", IND_CELL_TEXT, 0},
    {"gap", "Avstånd", "Gap", IND_CELL_NUMBER, 0},
    {"gap_relative", "Avstånd rel.", "Gap rel.", IND_CELL_NUMBER, 3},
    {"change", "Förändring", "Change", IND_CELL_NUMBER, 0},
    {"change_direction", "Riktning", "Direction", IND_CELL_TEXT, 0},
    {"rule", "Regel", "Rule", IND_CELL_TEXT, 0},
    {"sentence", "Mening för VB", "Sentence for the VB", IND_CELL_TEXT, 1},    IND_PROGNOSIS_COLSPEC,
};

static void flag_row(ind_doc_table *t, const ind_dataset *ds, const flagged *f, size_t rank, const ind_opts *o)
{
    int en = o->lang == IND_LANG_EN;
    const ind_series *se = ind_dataset_series(ds, f->series);
    const ind_attainment *a = &f->a;
    ind_obs ob;
    ind_dataset_get(ds, f->obs, &ob);
    int dec = ind_opts_decimals(se);
    char buf[1024], per[32], name[600];
    ind_doc_row(t);
    ind_doc_integer(t, (long long)rank);
    ind_doc_text(t, ind_dataset_str(ds, se->unit));
    ind_doc_text(t, ind_dataset_str(ds, se->indicator));
    ind_doc_text(t, ind_period_format(ob.period, per, sizeof per));
    ind_doc_text(t, ind_gender_code(se->gender));
    ind_doc_number(t, ob.value, dec, IND_UNIT_NONE);
    ind_doc_text(t, ob.target ? ind_dataset_str(ds, ob.target) : ind_target_describe(&a->rule, o->lang, buf, sizeof buf));
    ind_doc_text(t, ind_verdict_code(a->verdict));
    ind_doc_text(t, en ? ind_verdict_label_en(a->verdict) : ind_verdict_label_sv(a->verdict));
    ind_doc_number(t, a->gap, dec, IND_UNIT_NONE);
    ind_doc_number(t, a->gap_relative, 1, IND_UNIT_SHARE);
    ind_doc_number(t, a->change, dec, IND_UNIT_NONE);
    ind_doc_text(t, isnan(a->change) ? "" : a->change > 0 ? "up" : a->change < 0 ? "down" : "unchanged");
    ind_doc_text(t, a->rule_text);
    if (se->gender != IND_GENDER_T)
        snprintf(name, sizeof name, "%s (%s)", ind_dataset_str(ds, se->indicator),
                 en ? ind_gender_label_en(se->gender) : ind_gender_label_sv(se->gender));
    else
        snprintf(name, sizeof name, "%s", ind_dataset_str(ds, se->indicator));
    ind_said said = ind_say_attainment(a, name, se->info, ob.period, o->lang);
    ind_doc_text(t, said.text);
    ind_said_free(&said);
    ind_build_prognosis_cells(t, ds, f->series, ob.period, o);
}

ind_doc *ind_build_flag(const ind_build_input *in, const ind_opts *o, size_t *count)
{
    const ind_dataset *ds = in->ds;
    int en = o->lang == IND_LANG_EN;
    size_t n;
    flagged *f = collect(ds, o, &n);
    qsort(f, n, sizeof *f, worst_first);
    char title[1024];
    snprintf(title, sizeof title, en ? "%zu outcome(s) below their target, worst first (relative gap)"
                                     : "%zu utfall under årsmålet, sämst först (relativt avstånd)", n);
    ind_doc *doc = ind_build_table_doc(in, o, "Under årsmålet", "Below target");
    ind_doc_table *t = ind_build_table(doc, flag_columns, sizeof flag_columns / sizeof flag_columns[0], title);
    for (size_t k = 0; k < n; k++)
        flag_row(t, ds, &f[k], k + 1, o);
    ind_doc_note(doc, ind_opts_policy_text(o, title, sizeof title));
    free(f);
    if (count)
        *count = n;
    return doc;
}
