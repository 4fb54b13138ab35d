/* table_compare.c: a comparison of units as a table: the overall test, each unit against the rest and its funnel place, the pairs. */
#include "build_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "compare.h"

static const ind_colspec compare_columns[] = {
    {"row", "Rad", "Row", IND_CELL_TEXT, 2},
    {"unit", "Enhet", "Unit", IND_CELL_TEXT, 1},
    {"unit_b", "Mot", "Against", IND_CELL_TEXT, 1},
    {"test", "Test", "Test", IND_CELL_TEXT, 0},
    {"method", "Metod", "Method", IND_CELL_TEXT, 0},
    {"statistic", "Statistika", "Statistic", IND_CELL_NUMBER, 0},
    {"df", "fg", "df", IND_CELL_NUMBER, 0},
    {"df2", "fg2", "df2", IND_CELL_NUMBER, 0},
    {"p", "p", "p", IND_CELL_NUMBER, 3},
    {"p_adjusted", "p just.", "p adj.", IND_CELL_NUMBER, 1},
    {"n", "n", "n", IND_CELL_NUMBER, 4},
    {"numerator", "Täljare", "Numerator", IND_CELL_NUMBER, 0},
    {"estimate", "Skattning", "Estimate", IND_CELL_NUMBER, 2},
    {"ci_lo", "KI nedre", "CI low", IND_CELL_NUMBER, 0},
    {"ci_hi", "KI övre", "CI high", IND_CELL_NUMBER, 0},
    {"difference", "Skillnad", "Difference", IND_CELL_NUMBER, 0},
    {"funnel", "Tratt", "Funnel", IND_CELL_TEXT, 0},
    {"funnel_z", "z", "z", IND_CELL_NUMBER, 0},
    {"funnel_lo95", "Tratt 95\u00a0% nedre", "Funnel 95 % low", IND_CELL_NUMBER, 0},
    {"funnel_hi95", "Tratt 95\u00a0% övre", "Funnel 95 % high", IND_CELL_NUMBER, 0},
    {"funnel_lo998", "Tratt 99,8\u00a0% nedre", "Funnel 99.8 % low", IND_CELL_NUMBER, 0},
    {"funnel_hi998", "Tratt 99,8\u00a0% övre", "Funnel 99.8 % high", IND_CELL_NUMBER, 0},
    {"funnel_target", "Trattens mitt", "Funnel target", IND_CELL_NUMBER, 0},
    {"funnel_tau2", "τ²", "τ²", IND_CELL_NUMBER, 0},
    {"funnel_phi", "φ", "φ", IND_CELL_NUMBER, 0},
    {"target_verdict", "Mot årsmål", "Vs target", IND_CELL_TEXT, 0},
    {"kf_verdict", "Mot KF:s årsmål", "Vs KF target", IND_CELL_TEXT, 0},
    {"excluded", "Utesluten", "Excluded", IND_CELL_INTEGER, 0},
    {"sentence", "Slutsats", "Conclusion", IND_CELL_TEXT, 1},
    {"note", "Not", "Note", IND_CELL_TEXT, 0},
};

/* How the estimates are shown: percent for counts, the indicator's decimals. */
typedef struct {
    double scale;
    int dec;
    ind_unit unit;
    ind_lang lang;
} shown;

static void nulls(ind_doc_table *t, int k)
{
    while (k-- > 0)
        ind_doc_null(t);
}

static void number(ind_doc_table *t, double v, shown sh) { ind_doc_number(t, v * sh.scale, sh.dec, IND_UNIT_NONE); }

/* The funnel's columns: the limits at the unit's n (NULL: none), target, tau^2 and phi. */
static void funnel_cells(ind_doc_table *t, const ind_cmp_result *r, const ind_funnel_limits *lim, shown sh)
{
    if (lim) {
        number(t, lim->lo95, sh);
        number(t, lim->hi95, sh);
        number(t, lim->lo998, sh);
        number(t, lim->hi998, sh);
    } else {
        nulls(t, 4);
    }
    ind_doc_number(t, r->have_funnel ? r->funnel.target * sh.scale : NAN, sh.dec, IND_UNIT_NONE);
    ind_doc_number(t, r->have_funnel ? r->funnel.tau2 : NAN, 4, IND_UNIT_NONE);
    ind_doc_number(t, r->have_funnel ? r->funnel.phi : NAN, 3, IND_UNIT_NONE);
}

static void said_cells(ind_doc_table *t, ind_said said, const char *extra)
{
    ind_doc_text(t, said.text ? said.text : "");
    char note[1600];
    snprintf(note, sizeof note, "%s%s%s", said.note ? said.note : "", said.note && extra && *extra ? " " : "",
             extra ? extra : "");
    ind_doc_text(t, note);
    ind_said_free(&said);
}

static void global_row(ind_doc_table *t, const ind_cmp_result *r, const ind_dataset *ds, shown sh)
{
    int en = sh.lang == IND_LANG_EN;
    ind_doc_row(t);
    ind_doc_code(t, "global", en ? "all units" : "alla enheter");
    ind_doc_text(t, "");
    ind_doc_text(t, "");
    ind_doc_code(t, r->test ? r->test : "", ind_say_test_name(r->test, sh.lang));
    ind_doc_text(t, r->test_method ? r->test_method : "");
    ind_doc_number(t, r->statistic, 3, IND_UNIT_NONE);
    ind_doc_number(t, r->df, 2, IND_UNIT_NONE);
    ind_doc_number(t, r->df2, 2, IND_UNIT_NONE);
    ind_doc_pvalue(t, r->p);
    nulls(t, 3);
    ind_doc_number(t, r->pooled * sh.scale, sh.dec, sh.unit);
    nulls(t, 3);
    ind_doc_text(t, "");
    ind_doc_null(t);
    funnel_cells(t, r, NULL, sh);
    ind_doc_text(t, "");
    ind_doc_text(t, "");
    ind_doc_integer(t, 0);
    char extra[sizeof r->note + sizeof r->pairs_note + 2];
    snprintf(extra, sizeof extra, "%s%s%s", r->note, r->note[0] && r->pairs_note[0] ? " " : "", r->pairs_note);
    said_cells(t, ind_say_compare(r, ds, NULL, sh.lang), extra);
}

static void unit_row(ind_doc_table *t, const ind_cmp_result *r, const ind_cmp_unit *u, const ind_dataset *ds, shown sh)
{
    int en = sh.lang == IND_LANG_EN;
    ind_doc_row(t);
    ind_doc_code(t, "unit", en ? "unit" : "enhet");
    ind_doc_text(t, ind_dataset_str(ds, u->unit));
    if (u->rest_test)
        ind_doc_code(t, "rest", en ? "the others" : "övriga");
    else
        ind_doc_text(t, "");
    ind_doc_code(t, u->rest_test ? u->rest_test : "", ind_say_test_name(u->rest_test, sh.lang));
    ind_doc_text(t, u->rest_method ? u->rest_method : "");
    ind_doc_number(t, u->rest_statistic, 3, IND_UNIT_NONE);
    nulls(t, 2);
    /* where the funnel judges the unit, its test against the rest is a
     * figure for machines: shown to people it would seem to say the opposite */
    int funnel = u->in_funnel && ind_say_funnel_applies(r);
    ind_doc_pvalue(t, u->rest_p);
    if (funnel)
        ind_doc_quiet(t);
    ind_doc_pvalue(t, u->rest_p_adjusted);
    if (funnel)
        ind_doc_quiet(t);
    ind_doc_number(t, u->n, 0, IND_UNIT_NONE);
    ind_doc_number(t, u->x, 0, IND_UNIT_NONE);
    ind_doc_number(t, u->estimate * sh.scale, sh.dec, sh.unit);
    number(t, u->ci_lo, sh);
    number(t, u->ci_hi, sh);
    ind_doc_null(t);
    ind_doc_text(t, u->in_funnel ? ind_funnel_class_name(u->funnel.cls) : "");
    ind_doc_number(t, u->in_funnel ? u->funnel.z_adj : NAN, 3, IND_UNIT_NONE);
    funnel_cells(t, r, u->in_funnel ? &u->funnel.limits : NULL, sh);
    ind_doc_text(t, ind_verdict_code(u->target.verdict));
    ind_doc_text(t, ind_verdict_code(u->kf_target.verdict));
    ind_doc_integer(t, u->excluded);
    said_cells(t, ind_say_compare(r, ds, ind_dataset_str(ds, u->unit), sh.lang), NULL);
}

static void pair_row(ind_doc_table *t, const ind_cmp_result *r, const ind_cmp_pair *p, const ind_dataset *ds, shown sh)
{
    int en = sh.lang == IND_LANG_EN;
    ind_doc_row(t);
    ind_doc_code(t, "pair", en ? "pair" : "par");
    ind_doc_text(t, ind_dataset_str(ds, r->units[p->a].unit));
    ind_doc_text(t, ind_dataset_str(ds, r->units[p->b].unit));
    ind_doc_code(t, p->test, ind_say_test_name(p->test, sh.lang));
    ind_doc_text(t, p->method ? p->method : "");
    ind_doc_number(t, p->statistic, 3, IND_UNIT_NONE);
    ind_doc_number(t, p->df, 2, IND_UNIT_NONE);
    ind_doc_null(t);
    ind_doc_pvalue(t, p->p);
    ind_doc_pvalue(t, p->p_adjusted);
    nulls(t, 3);
    number(t, p->ci_lo, sh);
    number(t, p->ci_hi, sh);
    number(t, p->difference, sh);
    ind_doc_text(t, "");
    ind_doc_null(t);
    nulls(t, 7);
    ind_doc_text(t, "");
    ind_doc_text(t, "");
    ind_doc_integer(t, 0);
    said_cells(t, ind_say_pair(r, p, ds, sh.lang), NULL);
}

ind_doc *ind_build_compare(const ind_build_input *in, const ind_opts *o, const ind_cmp_options *co,
                           const ind_cmp_result *r)
{
    const ind_dataset *ds = in->ds;
    int en = o->lang == IND_LANG_EN, counts = r->data == IND_CMP_DATA_COUNTS;
    shown sh = {counts ? 100 : 1, r->info ? r->info->decimals : 1,
                counts || (r->info && r->info->measure == IND_MEASURE_PERCENT) ? IND_UNIT_PERCENT : IND_UNIT_NONE, o->lang};
    if (counts && sh.dec > 1)
        sh.dec = 1;
    ind_doc *doc = ind_build_table_doc(in, o, "Jämförelse mellan enheter", "Units compared");
    ind_doc_table *t = ind_build_table(doc, compare_columns, sizeof compare_columns / sizeof compare_columns[0], NULL);
    global_row(t, r, ds, sh);
    for (size_t i = 0; i < r->unit_count; i++)
        unit_row(t, r, &r->units[i], ds, sh);
    for (size_t i = 0; i < r->pair_count; i++)
        pair_row(t, r, &r->pairs[i], ds, sh);
    static const char *const data_sv[] = {"andelar", "medelvärden", "värden över tid"};
    static const char *const data_en[] = {"shares", "means", "values over time"};
    char title[1200], per[32];
    snprintf(title, sizeof title,
             en ? "%s, %s: %zu units tested, %zu listed but not tested (%s; p-values adjusted by %s)"
                : "%s, %s: %zu enheter testade, %zu listade men inte testade (%s; p-värden justerade enligt %s)",
             ind_dataset_str(ds, r->indicator), ind_period_label(r->period, per, sizeof per), r->tested, r->excluded,
             (unsigned)r->data < 3 ? (en ? data_en[r->data] : data_sv[r->data]) : "",
             co->adjust == IND_INF_ADJUST_HOLM ? "Holm" : co->adjust == IND_INF_ADJUST_BH ? "Benjamini-Hochberg" : (en ? "none" : "ingen metod"));
    ind_doc_table_set_caption(doc, t, title);
    if (r->note[0])
        ind_doc_note(doc, r->note);
    if (r->pairs_note[0]) {
        snprintf(title, sizeof title, "%s %s", r->pairs_note,
                 en ? "(--pairs makes every pairwise test all the same.)" : "(--pairs gör ändå alla parvisa tester.)");
        ind_doc_note(doc, title);
    }
    return doc;
}
