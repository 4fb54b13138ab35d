/* cmd_compare.c: `indikator compare`: units against each other on one indicator, with honest tests. */
#include "cli.h"

#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "compare.h"

/* The comparison's options from the command line. */
static int compare_options(const cli_opts *opt, ind_cmp_options *co)
{
    ind_cmp_options_default(co);
    if (opt->method && ind_cmp_method_parse(opt->method, &co->method) != 0)
        return cli_error(1, "--method: \"%s\" is not auto, prop, fisher, chisq, welch, anova, kruskal or funnel", opt->method);
    if (opt->adjust) {
        if (!strcasecmp(opt->adjust, "holm")) co->adjust = IND_INF_ADJUST_HOLM;
        else if (!strcasecmp(opt->adjust, "bh") || !strcasecmp(opt->adjust, "fdr")) co->adjust = IND_INF_ADJUST_BH;
        else if (!strcasecmp(opt->adjust, "none")) co->adjust = IND_INF_ADJUST_NONE;
        else return cli_error(1, "--adjust: \"%s\" is not holm, bh or none", opt->adjust);
    }
    if (!isnan(opt->min_n))
        co->min_n = opt->min_n;
    if (opt->gender) {
        ind_gender g;
        /* "all" is every gender to the other commands (the parser reads it as T) */
        if (!strcasecmp(opt->gender, "all") || !strcasecmp(opt->gender, "alla") ||
            ind_gender_parse(opt->gender, strlen(opt->gender), &g) != 0)
            return cli_error(1, "compare takes one gender: T, K, M or X");
        co->gender = g;
    }
    if (opt->period)
        ind_period_parse(opt->period, strlen(opt->period), &co->period, NULL);
    if (opt->from)
        ind_period_parse(opt->from, strlen(opt->from), &co->from, NULL);
    if (opt->to)
        ind_period_parse(opt->to, strlen(opt->to), &co->to, NULL);
    co->units = opt->unit_count ? opt->units : NULL;
    co->unit_count = (size_t)opt->unit_count;
    co->lang = opt->lang;
    co->overdispersion = opt->overdispersion_none ? IND_FUNNEL_OD_NONE : IND_FUNNEL_OD_AUTO;
    if (opt->all_pairs)
        co->pair_units = SIZE_MAX;
    cli_policy(opt, &co->policy);
    return 0;
}

/* The period once the data are read: a yearly indicator's "VB 2025" is the
 * year 2025; --year Y without --period is the latest period of Y with a value. */
static void compare_period(const cli_opts *opt, const cli_data *data, ind_cmp_options *co)
{
    if (opt->period && co->period) {
        const ind_indicator *info = ind_catalog_lookup(data->catalog, opt->indicators[0], strlen(opt->indicators[0]));
        if (info && info->periodicity == IND_PERIOD_YEAR && ind_period_kind_of(co->period) == IND_PERIOD_TERTIAL &&
            ind_period_sub(co->period) == 3)
            co->period = ind_period_make(ind_period_year(co->period), IND_PERIOD_YEAR, 0);
    }
    if (!opt->year || co->period)
        return;
    for (size_t s = 0; s < ind_dataset_series_count(data->ds); s++) {
        const ind_series *se = ind_dataset_series(data->ds, s);
        if (!cli_series_selected(opt, data->ds, se, 0))
            continue;
        for (size_t j = se->first; j < se->first + se->count; j++) {
            ind_period p = ind_dataset_period(data->ds, j);
            if (ind_period_year(p) == opt->year && !isnan(ind_dataset_value(data->ds, j)) && p > co->period)
                co->period = p;
        }
    }
    if (!co->period)
        co->period = ind_period_make(opt->year, IND_PERIOD_YEAR, 0);
}

static const out_column compare_columns[] = {
    {"row", "Rad", "Row", COL_TEXT, 1},
    {"unit", "Enhet", "Unit", COL_TEXT, 1},
    {"unit_b", "Mot", "Against", COL_TEXT, 1},
    {"test", "Test", "Test", COL_TEXT, 0},
    {"method", "Metod", "Method", COL_TEXT, 0},
    {"statistic", "Statistika", "Statistic", COL_NUMBER, 0},
    {"df", "fg", "df", COL_NUMBER, 0},
    {"df2", "fg2", "df2", COL_NUMBER, 0},
    {"p", "p", "p", COL_NUMBER, 1},
    {"p_adjusted", "p just.", "p adj.", COL_NUMBER, 1},
    {"n", "n", "n", COL_NUMBER, 1},
    {"numerator", "Täljare", "Numerator", COL_NUMBER, 0},
    {"estimate", "Skattning", "Estimate", COL_NUMBER, 1},
    {"ci_lo", "KI nedre", "CI low", COL_NUMBER, 0},
    {"ci_hi", "KI övre", "CI high", COL_NUMBER, 0},
    {"difference", "Skillnad", "Difference", COL_NUMBER, 0},
    {"funnel", "Tratt", "Funnel", COL_TEXT, 0},
    {"funnel_z", "z", "z", COL_NUMBER, 0},
    {"funnel_lo95", "Tratt 95 % nedre", "Funnel 95 % low", COL_NUMBER, 0},
    {"funnel_hi95", "Tratt 95 % övre", "Funnel 95 % high", COL_NUMBER, 0},
    {"funnel_lo998", "Tratt 99,8 % nedre", "Funnel 99.8 % low", COL_NUMBER, 0},
    {"funnel_hi998", "Tratt 99,8 % övre", "Funnel 99.8 % high", COL_NUMBER, 0},
    {"funnel_target", "Trattens mitt", "Funnel target", COL_NUMBER, 0},
    {"funnel_tau2", "τ²", "τ²", COL_NUMBER, 0},
    {"funnel_phi", "φ", "φ", COL_NUMBER, 0},
    {"target_verdict", "Mot årsmål", "Vs target", COL_TEXT, 0},
    {"kf_verdict", "Mot KF:s årsmål", "Vs KF target", COL_TEXT, 0},
    {"excluded", "Utesluten", "Excluded", COL_INTEGER, 0},
    {"sentence", "Slutsats", "Conclusion", COL_TEXT, 1},
    {"note", "Not", "Note", COL_TEXT, 0},
};

/* How the estimates are shown: percent for counts, the indicator's decimals. */
typedef struct {
    double scale;
    int dec;
    const char *suffix;
} shown;

static void nulls(out_table *t, int k)
{
    while (k-- > 0)
        out_null(t);
}

/* The funnel's columns: the limits at the unit's n (NULL: none), target, tau^2 and phi. */
static void funnel_cells(out_table *t, const ind_cmp_result *r, const ind_funnel_limits *lim, shown sh)
{
    if (lim) {
        out_number(t, lim->lo95 * sh.scale, sh.dec);
        out_number(t, lim->hi95 * sh.scale, sh.dec);
        out_number(t, lim->lo998 * sh.scale, sh.dec);
        out_number(t, lim->hi998 * sh.scale, sh.dec);
    } else {
        nulls(t, 4);
    }
    out_number(t, r->have_funnel ? r->funnel.target * sh.scale : NAN, sh.dec);
    out_number(t, r->have_funnel ? r->funnel.tau2 : NAN, 4);
    out_number(t, r->have_funnel ? r->funnel.phi : NAN, 3);
}

static void global_row(out_table *t, const ind_cmp_result *r, shown sh)
{
    out_row_begin(t);
    out_text(t, "global");
    out_text(t, "");
    out_text(t, "");
    out_text(t, r->test ? r->test : "");
    out_text(t, r->test_method ? r->test_method : "");
    out_number(t, r->statistic, 3);
    out_number(t, r->df, 2);
    out_number(t, r->df2, 2);
    out_pvalue(t, r->p);
    nulls(t, 3);
    out_number_unit(t, r->pooled * sh.scale, sh.dec, sh.suffix);
    nulls(t, 3);
    out_text(t, "");
    out_null(t);
    funnel_cells(t, r, NULL, sh);
    out_text(t, "");
    out_text(t, "");
    out_integer(t, 0);
    out_text(t, r->sentence);
    char note[sizeof r->note + sizeof r->pairs_note + 1];
    snprintf(note, sizeof note, "%s%s%s", r->note, r->note[0] && r->pairs_note[0] ? " " : "", r->pairs_note);
    out_text(t, note);
}

static void unit_row(out_table *t, const ind_cmp_result *r, const ind_cmp_unit *u, const ind_dataset *ds, shown sh,
                     int en)
{
    out_row_begin(t);
    out_text(t, "unit");
    out_text(t, ind_dataset_str(ds, u->unit));
    out_text(t, u->rest_test ? (en ? "rest" : "övriga") : "");
    out_text(t, u->rest_test ? u->rest_test : "");
    out_text(t, u->rest_method ? u->rest_method : "");
    out_number(t, u->rest_statistic, 3);
    nulls(t, 2);
    out_pvalue(t, u->rest_p);
    out_pvalue(t, u->rest_p_adjusted);
    out_number(t, u->n, 0);
    out_number(t, u->x, 0);
    out_number_unit(t, u->estimate * sh.scale, sh.dec, sh.suffix);
    out_number(t, u->ci_lo * sh.scale, sh.dec);
    out_number(t, u->ci_hi * sh.scale, sh.dec);
    out_null(t);
    out_text(t, u->in_funnel ? ind_funnel_class_name(u->funnel.cls) : "");
    out_number(t, u->in_funnel ? u->funnel.z_adj : NAN, 3);
    funnel_cells(t, r, u->in_funnel ? &u->funnel.limits : NULL, sh);
    out_text(t, ind_verdict_code(u->target.verdict));
    out_text(t, ind_verdict_code(u->kf_target.verdict));
    out_integer(t, u->excluded);
    out_text(t, u->sentence);
    out_text(t, "");
}

static void pair_row(out_table *t, const ind_cmp_result *r, const ind_cmp_pair *p, const ind_dataset *ds, shown sh)
{
    out_row_begin(t);
    out_text(t, "pair");
    out_text(t, ind_dataset_str(ds, r->units[p->a].unit));
    out_text(t, ind_dataset_str(ds, r->units[p->b].unit));
    out_text(t, p->test);
    out_text(t, p->method ? p->method : "");
    out_number(t, p->statistic, 3);
    out_number(t, p->df, 2);
    out_null(t);
    out_pvalue(t, p->p);
    out_pvalue(t, p->p_adjusted);
    nulls(t, 3);
    out_number(t, p->ci_lo * sh.scale, sh.dec);
    out_number(t, p->ci_hi * sh.scale, sh.dec);
    out_number(t, p->difference * sh.scale, sh.dec);
    out_text(t, "");
    out_null(t);
    nulls(t, 7);
    out_text(t, "");
    out_text(t, "");
    out_integer(t, 0);
    out_text(t, p->sentence);
    out_text(t, "");
}

/* The result as a table, its title and, in the terminal, the note. */
static int compare_emit(const cli_opts *opt, const ind_cmp_options *co, const ind_cmp_result *r, const ind_dataset *ds)
{
    int en = opt->lang == IND_LANG_EN, percent = r->data == IND_CMP_DATA_COUNTS;
    shown sh = {percent ? 100 : 1, r->info ? r->info->decimals : 1,
                percent || (r->info && r->info->measure == IND_MEASURE_PERCENT) ? " %" : ""};
    if (percent && sh.dec > 1)
        sh.dec = 1;
    out_table *t = out_table_new(compare_columns, (int)(sizeof compare_columns / sizeof compare_columns[0]));
    global_row(t, r, sh);
    for (size_t i = 0; i < r->unit_count; i++)
        unit_row(t, r, &r->units[i], ds, sh, en);
    for (size_t i = 0; i < r->pair_count; i++)
        pair_row(t, r, &r->pairs[i], ds, sh);
    char title[600], per[32];
    snprintf(title, sizeof title, en ? "%s, %s: %zu units tested, %zu listed but not tested (%s data, adjustment %s)"
                                     : "%s, %s: %zu enheter testade, %zu listade men ej testade (%s, justering %s)",
             ind_dataset_str(ds, r->indicator), ind_period_format(r->period, per, sizeof per), r->tested, r->excluded,
             ind_cmp_data_code(r->data),
             co->adjust == IND_INF_ADJUST_HOLM ? "Holm" : co->adjust == IND_INF_ADJUST_BH ? "Benjamini-Hochberg" : (en ? "none" : "ingen"));
    int rc = out_table_emit(t, opt, title);
    if (rc == 0 && opt->format == OUT_TABLE && !opt->output && r->note[0])
        printf("\n%s\n", r->note);
    if (rc == 0 && opt->format == OUT_TABLE && !opt->output && r->pairs_note[0])
        printf("%s%s %s\n", r->note[0] ? "" : "\n", r->pairs_note,
               en ? "(--pairs makes every pairwise test all the same.)" : "(--pairs gör ändå alla parvisa tester.)");
    out_table_free(t);
    return rc;
}

int cmd_compare(cli_opts *opt)
{
    if (opt->indicator_count != 1)
        return cli_error(1, "compare needs exactly one --indicator");
    ind_cmp_options co;
    int rc = compare_options(opt, &co);
    if (rc)
        return rc;
    cli_data data;
    if ((rc = cli_load(opt, &data)) != 0) {
        cli_data_free(&data);
        return rc;
    }
    compare_period(opt, &data, &co);
    ind_cmp_result r;
    ind_error err;
    ind_error_clear(&err);
    if (ind_compare(data.ds, opt->indicators[0], &co, &r, &err) != IND_OK)
        rc = cli_fail(&err);
    else
        rc = compare_emit(opt, &co, &r, data.ds);
    ind_cmp_result_free(&r);
    cli_data_free(&data);
    return rc;
}
