/* compare.c: choosing and running the tests that compare units, and saying what they found. */
#include "compare.h"
#include "number.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void ind_cmp_options_default(ind_cmp_options *o)
{
    memset(o, 0, sizeof *o);
    o->method = IND_CMP_AUTO;
    o->adjust = IND_INF_ADJUST_HOLM;
    o->min_n = 10;
    o->conf_level = 0.95;
    o->gender = IND_GENDER_T;
    o->lang = IND_LANG_SV;
    ind_attain_policy_default(&o->policy);
}

const char *ind_cmp_method_code(ind_cmp_method m)
{
    static const char *const c[] = {"auto", "prop", "fisher", "chisq", "welch", "anova", "kruskal", "funnel"};
    return (unsigned)m < 8 ? c[m] : "auto";
}

int ind_cmp_method_parse(const char *s, ind_cmp_method *out)
{
    for (int m = 0; m < 8; m++)
        if (strcasecmp(s, ind_cmp_method_code((ind_cmp_method)m)) == 0) {
            *out = (ind_cmp_method)m;
            return 0;
        }
    return -1;
}

const char *ind_cmp_data_code(ind_cmp_data d)
{
    static const char *const c[] = {"counts", "means", "series"};
    return (unsigned)d < 3 ? c[d] : "series";
}

void ind_cmp_result_free(ind_cmp_result *res)
{
    free(res->units);
    free(res->pairs);
    memset(res, 0, sizeof *res);
}

/* "p = 0,003", "p < 0,001" */
static char *format_p(double p, int sv, char *buf, size_t size)
{
    char num[32];
    if (isnan(p))
        snprintf(buf, size, "p saknas");
    else if (p < 0.001)
        snprintf(buf, size, "p < %s", sv ? "0,001" : "0.001");
    else {
        int d = p < 0.01 ? 3 : 2;
        if (sv)
            ind_num_format_sv(p, d, 0, num, sizeof num);
        else
            ind_num_format_en(p, d, 0, num, sizeof num);
        snprintf(buf, size, "p = %s", num);
    }
    return buf;
}

/* The estimate as people read it: a proportion in percent for share indicators. */
static char *format_estimate(const ind_cmp_result *r, double v, int sv, char *buf, size_t size)
{
    int percent = r->data == IND_CMP_DATA_COUNTS;
    int dec = r->info ? r->info->decimals : 1;
    double shown = percent ? 100 * v : v;
    char num[40];
    if (sv)
        ind_num_format_sv(shown, percent && dec > 1 ? 1 : dec, 0, num, sizeof num);
    else
        ind_num_format_en(shown, percent && dec > 1 ? 1 : dec, 0, num, sizeof num);
    snprintf(buf, size, "%s%s", num,
             percent || (r->info && r->info->measure == IND_MEASURE_PERCENT) ? " %" : "");
    return buf;
}

static int matches_indicator(const ind_dataset *ds, const ind_series *s, const char *indicator,
                             const ind_indicator *info)
{
    if (info)
        return s->info == info;
    char a[1024], b[1024];
    const char *name = ind_dataset_str(ds, s->indicator);
    ind_catalog_key(name, strlen(name), a, sizeof a);
    ind_catalog_key(indicator, strlen(indicator), b, sizeof b);
    return strcmp(a, b) == 0;
}

static int unit_wanted(const ind_dataset *ds, const ind_series *s, const ind_cmp_options *o)
{
    if (!o->units || !o->unit_count)
        return 1;
    for (size_t i = 0; i < o->unit_count; i++)
        if (strcmp(ind_dataset_str(ds, s->unit), o->units[i]) == 0)
            return 1;
    return 0;
}

/* ---- the three kinds of data ------------------------------------------------ */

static void counts_tests(ind_cmp_result *r, const ind_cmp_options *o)
{
    size_t k = r->unit_count;
    long *x = malloc((k ? k : 1) * sizeof *x), *n = malloc((k ? k : 1) * sizeof *n);
    size_t *idx = malloc((k ? k : 1) * sizeof *idx);
    size_t m = 0;
    long sx = 0, sn = 0;
    for (size_t i = 0; i < k; i++) {
        ind_cmp_unit *u = &r->units[i];
        if (u->excluded)
            continue;
        x[m] = lround(u->x);
        n[m] = lround(u->n);
        sx += x[m];
        sn += n[m];
        idx[m++] = i;
    }
    r->tested = m;
    r->pooled = sn > 0 ? (double)sx / (double)sn : NAN;
    /* overall homogeneity */
    if (m >= 2 && o->method != IND_CMP_FUNNEL) {
        ind_inf_result g;
        if (ind_inf_chisq_k2(x, n, m, 0, &g) == IND_OK || !isnan(g.statistic)) {
            r->test = "Pearson's Chi-squared test";
            r->statistic = g.statistic;
            r->df = g.df;
            r->p = g.p;
        }
    }
    /* each unit against the rest pooled */
    double *prest = calloc(k ? k : 1, sizeof *prest);
    for (size_t j = 0; j < m && m >= 2; j++) {
        ind_cmp_unit *u = &r->units[idx[j]];
        long xr = sx - x[j], nr = sn - n[j];
        ind_inf_result t;
        double pool = (double)sx / (double)sn;
        double emin = fmin(fmin(n[j] * pool, n[j] * (1 - pool)), fmin(nr * pool, nr * (1 - pool)));
        ind_status st;
        if (emin < 5) {
            st = ind_inf_fisher2x2(x[j], n[j], xr, nr, o->conf_level, &t);
            u->rest_test = "Fisher's Exact Test for Count Data";
        } else {
            st = ind_inf_prop2(x[j], n[j], xr, nr, 1, o->conf_level, &t);
            u->rest_test = t.method;
        }
        u->rest_statistic = st == IND_OK ? t.statistic : NAN;
        u->rest_p = st == IND_OK ? t.p : NAN;
        prest[j] = u->rest_p;
    }
    if (m >= 2) {
        ind_inf_p_adjust(prest, m, o->adjust, prest);
        for (size_t j = 0; j < m; j++)
            r->units[idx[j]].rest_p_adjusted = prest[j];
    }
    free(prest);
    /* funnel */
    if (m >= 3 && (o->method == IND_CMP_AUTO || o->method == IND_CMP_FUNNEL)) {
        ind_funnel_unit *fu = malloc(m * sizeof *fu);
        if (fu && ind_funnel_fit_pr(x, n, m, IND_FUNNEL_OD_AUTO, IND_FUNNEL_TRIM, &r->funnel) == IND_OK &&
            ind_funnel_place(&r->funnel, x, n, m, fu) == IND_OK) {
            r->have_funnel = 1;
            ind_direction dir = r->info ? r->info->direction : IND_DIR_UNKNOWN;
            for (size_t j = 0; j < m; j++) {
                ind_cmp_unit *u = &r->units[idx[j]];
                u->in_funnel = 1;
                u->funnel = fu[j];
                int side = fu[j].cls > 0 ? 1 : fu[j].cls < 0 ? -1 : 0;
                u->funnel_verdict = dir == IND_DIR_HIGHER ? side : dir == IND_DIR_LOWER ? -side : 0;
            }
        }
        free(fu);
    }
    /* pairs */
    if (m >= 2 && o->method != IND_CMP_CHISQ && o->method != IND_CMP_FUNNEL) {
        r->pairs = calloc(m * (m - 1) / 2, sizeof *r->pairs);
        double *pp = malloc((m * (m - 1) / 2 + 1) * sizeof *pp);
        size_t q = 0;
        for (size_t a = 0; a < m; a++)
            for (size_t b = a + 1; b < m; b++) {
                ind_cmp_pair *pr = &r->pairs[q];
                pr->a = idx[a];
                pr->b = idx[b];
                double pool = (double)(x[a] + x[b]) / (double)(n[a] + n[b]);
                double emin = fmin(fmin(n[a] * pool, n[a] * (1 - pool)), fmin(n[b] * pool, n[b] * (1 - pool)));
                int fisher = o->method == IND_CMP_FISHER || (o->method != IND_CMP_PROP && emin < 5);
                ind_inf_result t;
                ind_status st = fisher ? ind_inf_fisher2x2(x[a], n[a], x[b], n[b], o->conf_level, &t)
                                       : ind_inf_prop2(x[a], n[a], x[b], n[b], 1, o->conf_level, &t);
                pr->test = fisher ? "Fisher's Exact Test for Count Data" : t.method;
                pr->statistic = st == IND_OK ? t.statistic : NAN;
                pr->df = fisher ? NAN : 1;
                pr->p = st == IND_OK ? t.p : (fisher ? NAN : 1);
                if (!fisher && st != IND_OK)
                    pr->p = NAN; /* both all-success or all-failure: nothing to test */
                ind_inf_result nc;
                if (ind_inf_newcombe(x[a], n[a], x[b], n[b], o->conf_level, &nc) == IND_OK) {
                    pr->difference = nc.estimate;
                    pr->ci_lo = nc.ci_lo;
                    pr->ci_hi = nc.ci_hi;
                } else {
                    pr->difference = (double)x[a] / (double)n[a] - (double)x[b] / (double)n[b];
                    pr->ci_lo = pr->ci_hi = NAN;
                }
                pp[q] = pr->p;
                q++;
            }
        r->pair_count = q;
        ind_inf_p_adjust(pp, q, o->adjust, pp);
        for (size_t i = 0; i < q; i++)
            r->pairs[i].p_adjusted = pp[i];
        free(pp);
    }
    free(x);
    free(n);
    free(idx);
}

static void means_tests(ind_cmp_result *r, const ind_cmp_options *o)
{
    size_t k = r->unit_count, m = 0;
    double *mean = malloc((k ? k : 1) * sizeof *mean), *sd = malloc((k ? k : 1) * sizeof *sd);
    size_t *n = malloc((k ? k : 1) * sizeof *n), *idx = malloc((k ? k : 1) * sizeof *idx);
    double wsum = 0, wmean = 0;
    for (size_t i = 0; i < k; i++) {
        ind_cmp_unit *u = &r->units[i];
        if (u->excluded)
            continue;
        mean[m] = u->value;
        sd[m] = u->sd;
        n[m] = (size_t)lround(u->n);
        wsum += u->n;
        wmean += u->n * u->value;
        idx[m++] = i;
    }
    r->tested = m;
    r->pooled = wsum > 0 ? wmean / wsum : NAN;
    if (m >= 2 && o->method != IND_CMP_WELCH) {
        ind_inf_result g;
        if (ind_inf_welch_anova(mean, sd, n, m, &g) == IND_OK) {
            r->test = g.method;
            r->statistic = g.statistic;
            r->df = g.df;
            r->df2 = g.df2;
            r->p = g.p;
        }
    }
    if (m >= 2 && o->method != IND_CMP_ANOVA) {
        r->pairs = calloc(m * (m - 1) / 2, sizeof *r->pairs);
        double *pp = malloc((m * (m - 1) / 2 + 1) * sizeof *pp);
        size_t q = 0;
        for (size_t a = 0; a < m; a++)
            for (size_t b = a + 1; b < m; b++) {
                ind_cmp_pair *pr = &r->pairs[q];
                ind_inf_result t;
                pr->a = idx[a];
                pr->b = idx[b];
                ind_status st = ind_inf_welch_t(mean[a], sd[a], n[a], mean[b], sd[b], n[b], o->conf_level, &t);
                pr->test = "Welch Two Sample t-test";
                pr->statistic = st == IND_OK ? t.statistic : NAN;
                pr->df = st == IND_OK ? t.df : NAN;
                pr->p = st == IND_OK ? t.p : NAN;
                pr->difference = mean[a] - mean[b];
                pr->ci_lo = st == IND_OK ? t.ci_lo : NAN;
                pr->ci_hi = st == IND_OK ? t.ci_hi : NAN;
                pp[q++] = pr->p;
            }
        r->pair_count = q;
        ind_inf_p_adjust(pp, q, o->adjust, pp);
        for (size_t i = 0; i < q; i++)
            r->pairs[i].p_adjusted = pp[i];
        free(pp);
    }
    free(mean);
    free(sd);
    free(n);
    free(idx);
}

static void series_tests(ind_cmp_result *r, const ind_dataset *ds, const ind_cmp_options *o)
{
    size_t k = r->unit_count, total = 0, m = 0;
    for (size_t i = 0; i < k; i++)
        if (!r->units[i].excluded)
            total += r->units[i].values;
    double *all = malloc((total ? total : 1) * sizeof *all);
    int *group = malloc((total ? total : 1) * sizeof *group);
    size_t *start = malloc((k + 1) * sizeof *start), *idx = malloc((k ? k : 1) * sizeof *idx);
    size_t at = 0;
    for (size_t i = 0; i < k; i++) {
        ind_cmp_unit *u = &r->units[i];
        if (u->excluded)
            continue;
        const ind_series *s = ind_dataset_series(ds, (size_t)u->series);
        start[m] = at;
        for (size_t j = s->first; j < s->first + s->count; j++) {
            double v = ind_dataset_value(ds, j);
            if (!isnan(v) && ind_period_within(ind_dataset_period(ds, j), o->from, o->to)) {
                all[at] = v;
                group[at++] = (int)m;
            }
        }
        idx[m++] = i;
    }
    start[m] = at;
    r->tested = m;
    if (at) {
        double *sorted = malloc(at * sizeof *sorted);
        memcpy(sorted, all, at * sizeof *sorted);
        gsl_sort(sorted, 1, at);
        r->pooled = gsl_stats_median_from_sorted_data(sorted, 1, at);
        free(sorted);
    }
    if (m >= 2) {
        ind_inf_result g;
        if (ind_inf_kruskal(all, group, at, &g) == IND_OK) {
            r->test = g.method;
            r->statistic = g.statistic;
            r->df = g.df;
            r->p = g.p;
        }
        r->pairs = calloc(m * (m - 1) / 2, sizeof *r->pairs);
        double *pp = malloc((m * (m - 1) / 2 + 1) * sizeof *pp);
        size_t q = 0;
        for (size_t a = 0; a < m; a++)
            for (size_t b = a + 1; b < m; b++) {
                ind_cmp_pair *pr = &r->pairs[q];
                ind_inf_result t;
                pr->a = idx[a];
                pr->b = idx[b];
                const double *xa = all + start[a], *xb = all + start[b];
                size_t na = start[a + 1] - start[a], nb = start[b + 1] - start[b];
                ind_status st = ind_inf_wilcox(xa, na, xb, nb, IND_INF_EXACT_AUTO, 1, &t);
                pr->test = st == IND_OK ? t.method : "Wilcoxon rank sum test";
                pr->statistic = st == IND_OK ? t.statistic : NAN;
                pr->df = NAN;
                pr->p = st == IND_OK ? t.p : NAN;
                /* the effect: how far a's values lie from b's (Hodges-Lehmann), with its interval */
                if (st == IND_OK && ind_inf_wilcox_shift(xa, na, xb, nb, IND_INF_EXACT_AUTO, 1, o->conf_level, &t) ==
                                        IND_OK) {
                    pr->difference = t.estimate;
                    pr->ci_lo = t.ci_lo;
                    pr->ci_hi = t.ci_hi;
                } else {
                    pr->difference = pr->ci_lo = pr->ci_hi = NAN;
                }
                pp[q++] = pr->p;
            }
        r->pair_count = q;
        ind_inf_p_adjust(pp, q, o->adjust, pp);
        for (size_t i = 0; i < q; i++)
            r->pairs[i].p_adjusted = pp[i];
        free(pp);
    }
    free(all);
    free(group);
    free(start);
    free(idx);
}

/* ---- sentences ----------------------------------------------------------------- */

static void write_sentences(ind_cmp_result *r, const ind_dataset *ds, const ind_cmp_options *o)
{
    int sv = o->lang == IND_LANG_SV;
    char p[48], a[48], b[48];
    double alpha = 1 - o->conf_level;
    const char *what = r->data == IND_CMP_DATA_COUNTS ? (sv ? "andel" : "share")
                       : r->data == IND_CMP_DATA_MEANS ? (sv ? "medelvärde" : "mean")
                                                       : (sv ? "nivå" : "level");
    for (size_t i = 0; i < r->pair_count; i++) {
        ind_cmp_pair *pr = &r->pairs[i];
        const ind_cmp_unit *ua = &r->units[pr->a], *ub = &r->units[pr->b];
        pr->significant = !isnan(pr->p_adjusted) && pr->p_adjusted < alpha;
        format_p(o->adjust == IND_INF_ADJUST_NONE ? pr->p : pr->p_adjusted, sv, p, sizeof p);
        format_estimate(r, ua->estimate, sv, a, sizeof a);
        format_estimate(r, ub->estimate, sv, b, sizeof b);
        const char *adj = o->adjust == IND_INF_ADJUST_NONE ? "" : sv ? "justerat " : "adjusted ";
        if (pr->significant) {
            int higher = ua->estimate > ub->estimate;
            snprintf(pr->sentence, sizeof pr->sentence,
                     sv ? "%s har en signifikant %s %s än %s, %s mot %s (%s%s)."
                        : "%s has a significantly %s %s than %s, %s against %s (%s%s).",
                     ind_dataset_str(ds, ua->unit), higher ? (sv ? "högre" : "higher") : (sv ? "lägre" : "lower"),
                     what, ind_dataset_str(ds, ub->unit), a, b, adj, p);
        } else {
            snprintf(pr->sentence, sizeof pr->sentence,
                     sv ? "Ingen säker skillnad mellan %s och %s, %s mot %s (%s%s)."
                        : "No clear difference between %s and %s, %s against %s (%s%s).",
                     ind_dataset_str(ds, ua->unit), ind_dataset_str(ds, ub->unit), a, b, adj, p);
        }
    }
    for (size_t i = 0; i < r->unit_count; i++) {
        ind_cmp_unit *u = &r->units[i];
        format_estimate(r, u->estimate, sv, a, sizeof a);
        if (u->excluded) {
            snprintf(u->sentence, sizeof u->sentence, sv ? "%s: ingår inte i testerna (%s)." : "%s: not tested (%s).",
                     ind_dataset_str(ds, u->unit), u->excluded_why);
            continue;
        }
        if (u->in_funnel) {
            const char *where;
            if (u->funnel.cls == IND_FUNNEL_WITHIN)
                where = sv ? "inom det förväntade" : "within what is expected";
            else if (u->funnel_verdict > 0)
                where = sv ? "bättre än förväntat" : "better than expected";
            else if (u->funnel_verdict < 0)
                where = sv ? "sämre än förväntat" : "worse than expected";
            else
                where = u->funnel.cls > 0 ? (sv ? "högre än förväntat" : "higher than expected")
                                          : (sv ? "lägre än förväntat" : "lower than expected");
            const char *limit = abs((int)u->funnel.cls) == 2 ? (sv ? " (utanför 99,8 %-gränsen)" : " (outside the 99.8 % limit)")
                                : u->funnel.cls != 0 ? (sv ? " (utanför 95 %-gränsen)" : " (outside the 95 % limit)") : "";
            snprintf(u->sentence, sizeof u->sentence, sv ? "%s: %s (n = %.0f), %s%s." : "%s: %s (n = %.0f), %s%s.",
                     ind_dataset_str(ds, u->unit), a, u->n, where, limit);
        } else if (r->data == IND_CMP_DATA_SERIES) {
            snprintf(u->sentence, sizeof u->sentence, sv ? "%s: median %s över %zu perioder." : "%s: median %s over %zu periods.",
                     ind_dataset_str(ds, u->unit), a, u->values);
        } else {
            snprintf(u->sentence, sizeof u->sentence, "%s: %s%s", ind_dataset_str(ds, u->unit), a,
                     isnan(u->n) ? "." : "");
            if (!isnan(u->n)) {
                size_t l = strlen(u->sentence);
                snprintf(u->sentence + l, sizeof u->sentence - l, " (n = %.0f).", u->n);
            }
        }
    }
    if (r->test) {
        /* the test's name in the sentence's language (R's names stay in the test column) */
        static const struct {
            const char *r, *sv, *en;
        } names[] = {{"Pearson's Chi-squared test", "Pearsons chi-två-test", "Pearson's chi-squared test"},
                     {"One-way analysis of means (not assuming equal variances)", "Welchs envägs-ANOVA", "Welch's one-way ANOVA"},
                     {"Kruskal-Wallis rank sum test", "Kruskal-Wallis test", "Kruskal-Wallis test"}};
        const char *test = r->test;
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
            if (!strcmp(r->test, names[k].r))
                test = sv ? names[k].sv : names[k].en;
        char stat[48];
        format_p(r->p, sv, p, sizeof p);
        if (sv)
            ind_num_format_sv(r->statistic, 2, 0, stat, sizeof stat);
        else
            ind_num_format_en(r->statistic, 2, 0, stat, sizeof stat);
        int sig = !isnan(r->p) && r->p < alpha;
        snprintf(r->sentence, sizeof r->sentence,
                 sv ? (sig ? "Skillnaderna mellan de %zu testade enheterna är statistiskt säkerställda (%s: %s, %s)."
                           : "Inga statistiskt säkerställda skillnader mellan de %zu testade enheterna (%s: %s, %s).")
                    : (sig ? "The differences between the %zu units tested are statistically significant (%s: %s, %s)."
                           : "No statistically significant differences between the %zu units tested (%s: %s, %s)."),
                 r->tested, test, stat, p);
    }
}

/* ---- the entry point ---------------------------------------------------------------- */

ind_status ind_compare(const ind_dataset *ds, const char *indicator, const ind_cmp_options *o,
                       ind_cmp_result *r, ind_error *err)
{
    memset(r, 0, sizeof *r);
    r->statistic = r->df = r->df2 = r->p = r->pooled = NAN;
    const ind_indicator *info = ind_catalog_lookup(ind_dataset_catalog(ds), indicator, strlen(indicator));
    size_t ns = ind_dataset_series_count(ds);
    r->units = calloc(ns ? ns : 1, sizeof *r->units);
    if (!r->units)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    /* the units' series */
    for (size_t s = 0; s < ns; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (se->gender != o->gender || !matches_indicator(ds, se, indicator, info) || !unit_wanted(ds, se, o))
            continue;
        ind_cmp_unit *u = &r->units[r->unit_count++];
        u->unit = se->unit;
        u->series = (long)s;
        u->obs = -1;
        r->indicator = se->indicator;
        r->info = se->info;
    }
    if (r->unit_count == 0)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "no data for the indicator \"%s\"%s", indicator,
                             o->gender != IND_GENDER_T ? " and that gender" : "");
    /* one unit: say so, before the choice of data kind (which needs two) hides it */
    if (r->unit_count < 2)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "only 1 unit(s) with enough data for \"%s\": a comparison needs two", indicator);
    /* the period: asked for, or the latest with a value */
    ind_period period = o->period;
    if (!period) {
        for (size_t i = 0; i < r->unit_count; i++) {
            const ind_series *se = ind_dataset_series(ds, (size_t)r->units[i].series);
            for (size_t j = se->first; j < se->first + se->count; j++)
                if (!isnan(ind_dataset_value(ds, j)) && ind_dataset_period(ds, j) > period)
                    period = ind_dataset_period(ds, j);
        }
    }
    r->period = period;
    /* what kind of data: counts, means or only values */
    size_t with_counts = 0, with_sd = 0, with_value = 0;
    for (size_t i = 0; i < r->unit_count; i++) {
        ind_cmp_unit *u = &r->units[i];
        u->value = u->x = u->n = u->sd = u->estimate = u->ci_lo = u->ci_hi = NAN;
        u->rest_statistic = u->rest_p = u->rest_p_adjusted = NAN;
        u->obs = ind_dataset_find_obs(ds, (size_t)u->series, period);
        if (u->obs >= 0) {
            ind_obs ob;
            ind_dataset_get(ds, (size_t)u->obs, &ob);
            u->value = ob.value;
            u->x = ob.numerator;
            u->n = ob.denominator;
            u->sd = ob.sd;
            with_counts += !isnan(u->x) && !isnan(u->n);
            with_sd += !isnan(u->sd) && !isnan(u->n) && !isnan(u->value);
            with_value += !isnan(u->value) || (!isnan(u->x) && !isnan(u->n));
            ind_attain_obs(ds, (size_t)u->obs, 0, &o->policy, o->lang, &u->target);
            ind_attain_obs(ds, (size_t)u->obs, 1, &o->policy, o->lang, &u->kf_target);
        } else {
            u->target.verdict = u->kf_target.verdict = IND_VERDICT_NO_DATA;
        }
    }
    ind_cmp_method m = o->method;
    /* a period asked for that nobody has: say so rather than compare every year */
    if (m == IND_CMP_AUTO && o->period && with_value == 0) {
        char per[32];
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "no data for the indicator \"%s\" in %s", indicator,
                             ind_period_format(o->period, per, sizeof per));
    }
    if (m == IND_CMP_AUTO)
        r->data = with_counts >= 2 ? IND_CMP_DATA_COUNTS : with_sd >= 2 ? IND_CMP_DATA_MEANS : IND_CMP_DATA_SERIES;
    else if (m == IND_CMP_PROP || m == IND_CMP_FISHER || m == IND_CMP_CHISQ || m == IND_CMP_FUNNEL)
        r->data = IND_CMP_DATA_COUNTS;
    else if (m == IND_CMP_WELCH || m == IND_CMP_ANOVA)
        r->data = IND_CMP_DATA_MEANS;
    else
        r->data = IND_CMP_DATA_SERIES;
    if (r->data == IND_CMP_DATA_COUNTS && with_counts < 2)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "--method %s needs numerator and denominator for at least two units", ind_cmp_method_code(m));
    if (r->data == IND_CMP_DATA_MEANS && with_sd < 2)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "--method %s needs value, sd and n for at least two units", ind_cmp_method_code(m));
    r->method = m;
    /* estimates and exclusions */
    for (size_t i = 0; i < r->unit_count; i++) {
        ind_cmp_unit *u = &r->units[i];
        if (r->data == IND_CMP_DATA_SERIES) {
            const ind_series *se = ind_dataset_series(ds, (size_t)u->series);
            double vals[4096];
            size_t nv = 0;
            for (size_t j = se->first; j < se->first + se->count && nv < 4096; j++)
                if (!isnan(ind_dataset_value(ds, j)) && ind_period_within(ind_dataset_period(ds, j), o->from, o->to))
                    vals[nv++] = ind_dataset_value(ds, j);
            u->values = nv;
            if (nv) {
                gsl_sort(vals, 1, nv);
                u->estimate = gsl_stats_median_from_sorted_data(vals, 1, nv);
            }
            if (nv < 2) {
                u->excluded = 1;
                u->excluded_why = o->lang == IND_LANG_SV ? "färre än två värden" : "fewer than two values";
            }
            continue;
        }
        int have = r->data == IND_CMP_DATA_COUNTS ? !isnan(u->x) && !isnan(u->n)
                                                  : !isnan(u->sd) && !isnan(u->n) && !isnan(u->value);
        if (!have) {
            u->excluded = 1;
            u->excluded_why = o->lang == IND_LANG_SV ? "uppgift saknas för perioden" : "no data for the period";
            continue;
        }
        if (u->n < o->min_n) {
            u->excluded = 1;
            u->excluded_why = o->lang == IND_LANG_SV ? "n under minsta underlag" : "n below the smallest base";
        }
        if (r->data == IND_CMP_DATA_COUNTS) {
            ind_inf_result w;
            u->estimate = u->n > 0 ? u->x / u->n : NAN;
            if (u->n >= 1 && ind_inf_prop1(lround(u->x), lround(u->n), 0.5, IND_INF_WILSON, o->conf_level, &w) == IND_OK) {
                u->ci_lo = w.ci_lo;
                u->ci_hi = w.ci_hi;
            }
        } else {
            u->estimate = u->value;
            if (u->n >= 2) {
                double h = gsl_cdf_tdist_Pinv(1 - (1 - o->conf_level) / 2, u->n - 1) * u->sd / sqrt(u->n);
                u->ci_lo = u->value - h;
                u->ci_hi = u->value + h;
            }
        }
    }
    for (size_t i = 0; i < r->unit_count; i++)
        r->excluded += r->units[i].excluded;
    if (r->unit_count - r->excluded < 2) {
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "only %zu unit(s) with enough data for \"%s\": a comparison needs two",
                             r->unit_count - r->excluded, indicator);
    }
    if (r->data == IND_CMP_DATA_COUNTS)
        counts_tests(r, o);
    else if (r->data == IND_CMP_DATA_MEANS)
        means_tests(r, o);
    else {
        series_tests(r, ds, o);
        snprintf(r->note, sizeof r->note,
                 o->lang == IND_LANG_SV ? "Enheterna jämförs över perioderna: åren är upprepningarna, så jämförelsen gäller nivån över tid, inte ett enskilt år."
                            : "Units are compared over the periods: the years are the replicates, so the comparison is of the level over time, not of one year.");
    }
    write_sentences(r, ds, o);
    return IND_OK;
}
