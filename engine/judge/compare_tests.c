/* compare_tests.c: the tests that compare units, per kind of data: overall, each unit against the rest, the funnel and every pair. */
#include "compare_internal.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char FISHER[] = "Fisher's Exact Test for Count Data";

static int sign_of(double d)
{
    return (d > 0) - (d < 0);
}

/* ---- shared steps ----------------------------------------------------------- */

/* Adjusts the unit-against-the-rest p-values over the tested units. */
static ind_status adjust_rest(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o)
{
    if (t->m < 2)
        return IND_OK;
    double *p = malloc(t->m * sizeof *p);
    if (!p)
        return IND_ENOMEM;
    for (size_t j = 0; j < t->m; j++)
        p[j] = r->units[t->idx[j]].rest_p;
    ind_inf_p_adjust(p, t->m, o->adjust, p);
    for (size_t j = 0; j < t->m; j++)
        r->units[t->idx[j]].rest_p_adjusted = p[j];
    free(p);
    return IND_OK;
}

/* Fills one pair: test, method, statistic, df, p, difference and its interval. */
typedef void (*pair_fn)(const cmp_tested *t, const ind_cmp_options *o, size_t a, size_t b, ind_cmp_pair *pr);

/* Every pair of tested units, a before b in the units' order, then the
 * adjustment; nothing (and r->pairs_left_out) beyond o->pair_units units. */
static ind_status run_pairs(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o, pair_fn fn)
{
    size_t m = t->m;
    if (m < 2)
        return IND_OK;
    if (m > o->pair_units) {
        r->pairs_left_out = 1;
        return IND_OK;
    }
    size_t np = m * (m - 1) / 2;
    r->pairs = calloc(np, sizeof *r->pairs);
    double *pp = malloc(np * sizeof *pp);
    if (!r->pairs || !pp) {
        free(pp);
        return IND_ENOMEM;
    }
    size_t q = 0;
    for (size_t a = 0; a < m; a++)
        for (size_t b = a + 1; b < m; b++, q++) {
            ind_cmp_pair *pr = &r->pairs[q];
            pr->a = t->idx[a];
            pr->b = t->idx[b];
            fn(t, o, a, b, pr);
            pp[q] = pr->p;
        }
    r->pair_count = q;
    ind_inf_p_adjust(pp, q, o->adjust, pp);
    for (size_t i = 0; i < q; i++)
        r->pairs[i].p_adjusted = pp[i];
    free(pp);
    return IND_OK;
}

/* ---- counts ---------------------------------------------------------------- */

/* A 2x2 comparison as R's own rule picks it: Fisher's exact test when an
 * expected count is below 5 ("Chi-squared approximation may be incorrect")
 * or when forced by --method fisher, else prop.test with Yates' correction
 * (forced by --method prop). *fisher says which ran. */
static ind_status two_by_two(long xa, long na, long xb, long nb, ind_cmp_method force, double conf,
                             ind_inf_result *res, int *fisher)
{
    double pool = (double)(xa + xb) / (double)(na + nb);
    double emin = fmin(fmin(na * pool, na * (1 - pool)), fmin(nb * pool, nb * (1 - pool)));
    *fisher = force == IND_CMP_FISHER || (force != IND_CMP_PROP && emin < 5);
    return *fisher ? ind_inf_fisher2x2(xa, na, xb, nb, conf, res) : ind_inf_prop2(xa, na, xb, nb, 1, conf, res);
}

static void counts_pair(const cmp_tested *t, const ind_cmp_options *o, size_t a, size_t b, ind_cmp_pair *pr)
{
    const long *x = t->x, *n = t->n;
    ind_inf_result res;
    int fisher;
    ind_status st = two_by_two(x[a], n[a], x[b], n[b], o->method, o->conf_level, &res, &fisher);
    pr->test = fisher ? FISHER : res.method;
    pr->method = fisher ? "exact" : "chisq";
    pr->statistic = st == IND_OK ? res.statistic : NAN;
    pr->df = fisher ? NAN : 1;
    pr->p = st == IND_OK ? res.p : NAN; /* NaN: both all-success or all-failure, nothing to test */
    ind_inf_result nc;
    if (ind_inf_newcombe(x[a], n[a], x[b], n[b], o->conf_level, &nc) == IND_OK) {
        pr->difference = nc.estimate;
        pr->ci_lo = nc.ci_lo;
        pr->ci_hi = nc.ci_hi;
    } else {
        pr->difference = (double)x[a] / (double)n[a] - (double)x[b] / (double)n[b];
        pr->ci_lo = pr->ci_hi = NAN;
    }
}

/* Each unit against all the other tested units pooled, by the pair rule. */
static void counts_rest(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o, long sx, long sn)
{
    for (size_t j = 0; j < t->m; j++) {
        ind_cmp_unit *u = &r->units[t->idx[j]];
        long xr = sx - t->x[j], nr = sn - t->n[j];
        ind_inf_result res;
        int fisher;
        ind_status st = two_by_two(t->x[j], t->n[j], xr, nr, IND_CMP_AUTO, o->conf_level, &res, &fisher);
        u->rest_test = fisher ? FISHER : res.method;
        u->rest_method = fisher ? "exact" : "chisq";
        u->rest_statistic = st == IND_OK ? res.statistic : NAN;
        u->rest_p = st == IND_OK ? res.p : NAN;
        u->rest_side = sign_of((double)t->x[j] / (double)t->n[j] - (double)xr / (double)nr);
    }
}

/* The funnel (three or more units): limits at each unit's n, its class and
 * the verdict read through the indicator's direction. */
static ind_status counts_funnel(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o)
{
    size_t m = t->m;
    ind_funnel_unit *fu = malloc(m * sizeof *fu);
    if (!fu)
        return IND_ENOMEM;
    if (ind_funnel_fit_pr(t->x, t->n, m, o->overdispersion, IND_FUNNEL_TRIM, &r->funnel) == IND_OK &&
        ind_funnel_place(&r->funnel, t->x, t->n, m, fu) == IND_OK) {
        r->have_funnel = 1;
        ind_direction dir = r->info ? r->info->direction : IND_DIR_UNKNOWN;
        for (size_t j = 0; j < m; j++) {
            ind_cmp_unit *u = &r->units[t->idx[j]];
            u->in_funnel = 1;
            u->funnel = fu[j];
            int side = fu[j].cls > 0 ? 1 : fu[j].cls < 0 ? -1 : 0;
            u->funnel_verdict = dir == IND_DIR_HIGHER ? side : dir == IND_DIR_LOWER ? -side : 0;
        }
    }
    free(fu);
    return IND_OK;
}

ind_status cmp_counts_tests(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o)
{
    size_t m = t->m;
    long sx = 0, sn = 0;
    for (size_t j = 0; j < m; j++) {
        sx += t->x[j];
        sn += t->n[j];
    }
    r->pooled = sn > 0 ? (double)sx / (double)sn : NAN;
    if (m < 2)
        return IND_OK;
    if (o->method != IND_CMP_FUNNEL) {
        ind_inf_result g;
        if (ind_inf_chisq_k2(t->x, t->n, m, 0, &g) == IND_OK || !isnan(g.statistic)) {
            r->test = "Pearson's Chi-squared test";
            r->test_method = "chisq";
            r->statistic = g.statistic;
            r->df = g.df;
            r->p = g.p;
        }
    }
    counts_rest(r, t, o, sx, sn);
    ind_status st = adjust_rest(r, t, o);
    if (st == IND_OK && m >= 3 && (o->method == IND_CMP_AUTO || o->method == IND_CMP_FUNNEL))
        st = counts_funnel(r, t, o);
    if (st == IND_OK && o->method != IND_CMP_CHISQ && o->method != IND_CMP_FUNNEL)
        st = run_pairs(r, t, o, counts_pair);
    return st;
}

/* ---- means ------------------------------------------------------------------ */

static void means_pair(const cmp_tested *t, const ind_cmp_options *o, size_t a, size_t b, ind_cmp_pair *pr)
{
    ind_inf_result res;
    ind_status st = ind_inf_welch_t(t->mean[a], t->sd[a], t->size[a], t->mean[b], t->sd[b], t->size[b],
                                    o->conf_level, &res);
    pr->test = "Welch Two Sample t-test";
    pr->method = "t";
    pr->statistic = st == IND_OK ? res.statistic : NAN;
    pr->df = st == IND_OK ? res.df : NAN;
    pr->p = st == IND_OK ? res.p : NAN;
    pr->difference = t->mean[a] - t->mean[b];
    pr->ci_lo = st == IND_OK ? res.ci_lo : NAN;
    pr->ci_hi = st == IND_OK ? res.ci_hi : NAN;
}

/* Each unit against the other units' answers pooled: their mean and sd are
 * those of the combined raw data, from the summaries (sums of squares about
 * the overall weighted mean M, so nothing cancels badly):
 *   N_r = sum n_i, mean_r - M = sum n_i (m_i - M) / N_r,
 *   sd_r^2 = (sum [(n_i - 1) s_i^2 + n_i (m_i - M)^2] - N_r (mean_r - M)^2) / (N_r - 1),
 * sums over the other units; then Welch's t, as R t.test(x, unlist(rest)). */
static void means_rest(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o)
{
    double N = 0, M = 0, s1 = 0, s2 = 0;
    for (size_t j = 0; j < t->m; j++) {
        N += (double)t->size[j];
        M += (double)t->size[j] * t->mean[j];
    }
    M /= N;
    for (size_t j = 0; j < t->m; j++) {
        double nj = (double)t->size[j], d = t->mean[j] - M;
        s1 += nj * d;
        s2 += (nj - 1) * t->sd[j] * t->sd[j] + nj * d * d;
    }
    for (size_t j = 0; j < t->m; j++) {
        ind_cmp_unit *u = &r->units[t->idx[j]];
        double nj = (double)t->size[j], d = t->mean[j] - M, nr = N - nj;
        double c = (s1 - nj * d) / nr;
        double ss = s2 - ((nj - 1) * t->sd[j] * t->sd[j] + nj * d * d) - nr * c * c;
        ind_inf_result res;
        ind_status st = ind_inf_welch_t(t->mean[j], t->sd[j], t->size[j], M + c, sqrt(fmax(ss, 0) / (nr - 1)),
                                        (size_t)nr, o->conf_level, &res);
        u->rest_test = "Welch Two Sample t-test";
        u->rest_method = "t";
        u->rest_statistic = st == IND_OK ? res.statistic : NAN;
        u->rest_p = st == IND_OK ? res.p : NAN;
        u->rest_side = sign_of(d - c);
    }
}

ind_status cmp_means_tests(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o)
{
    size_t m = t->m;
    double wsum = 0, wmean = 0;
    for (size_t j = 0; j < m; j++) {
        wsum += (double)t->size[j];
        wmean += (double)t->size[j] * t->mean[j];
    }
    r->pooled = wsum > 0 ? wmean / wsum : NAN;
    if (m < 2)
        return IND_OK;
    if (o->method != IND_CMP_WELCH) {
        ind_inf_result g;
        if (ind_inf_welch_anova(t->mean, t->sd, t->size, m, &g) == IND_OK) {
            r->test = g.method;
            r->test_method = "F";
            r->statistic = g.statistic;
            r->df = g.df;
            r->df2 = g.df2;
            r->p = g.p;
        }
    }
    means_rest(r, t, o);
    ind_status st = adjust_rest(r, t, o);
    if (st == IND_OK && o->method != IND_CMP_ANOVA)
        st = run_pairs(r, t, o, means_pair);
    return st;
}

/* ---- series ------------------------------------------------------------------ */

static void series_pair(const cmp_tested *t, const ind_cmp_options *o, size_t a, size_t b, ind_cmp_pair *pr)
{
    const double *xa = t->all + t->start[a], *xb = t->all + t->start[b];
    size_t na = t->start[a + 1] - t->start[a], nb = t->start[b + 1] - t->start[b];
    ind_inf_result res;
    ind_status st = ind_inf_wilcox(xa, na, xb, nb, IND_INF_EXACT_CONDITIONAL, 1, &res);
    pr->test = st == IND_OK ? res.method : "Wilcoxon rank sum test";
    pr->method = st == IND_OK && res.exact ? "exact" : "normal";
    pr->statistic = st == IND_OK ? res.statistic : NAN;
    pr->df = NAN;
    pr->p = st == IND_OK ? res.p : NAN;
    /* the effect: how far a's values lie from b's (Hodges-Lehmann), with its interval */
    if (st == IND_OK &&
        ind_inf_wilcox_shift(xa, na, xb, nb, IND_INF_EXACT_CONDITIONAL, 1, o->conf_level, &res) == IND_OK) {
        pr->difference = res.estimate;
        pr->ci_lo = res.ci_lo;
        pr->ci_hi = res.ci_hi;
    } else {
        pr->difference = pr->ci_lo = pr->ci_hi = NAN;
    }
}

/* Each unit's values against all the other units' values: exactly as a pair
 * when both are small enough for the exact test, else by the normal
 * approximation from one ranking of all the values (the ranks of a unit
 * among the unit and the rest are its ranks among all). */
static ind_status series_rest(ind_cmp_result *r, const cmp_tested *t)
{
    size_t N = t->total;
    double *rank = malloc((2 * N + 1) * sizeof *rank), *rest = rank + N, tsum;
    if (!rank)
        return IND_ENOMEM;
    ind_status st = ind_inf_midranks(t->all, N, rank, &tsum);
    for (size_t j = 0; j < t->m && st == IND_OK; j++) {
        ind_cmp_unit *u = &r->units[t->idx[j]];
        size_t a = t->start[j], mj = t->start[j + 1] - a, nr = N - mj;
        ind_inf_result res;
        ind_status ts;
        if (mj < IND_INF_WILCOX_EXACT_N && nr < IND_INF_WILCOX_EXACT_N) {
            memcpy(rest, t->all, a * sizeof *rest);
            memcpy(rest + a, t->all + a + mj, (N - a - mj) * sizeof *rest);
            ts = ind_inf_wilcox(t->all + a, mj, rest, nr, IND_INF_EXACT_CONDITIONAL, 1, &res);
        } else {
            double rs = 0;
            for (size_t i = a; i < a + mj; i++)
                rs += rank[i];
            ts = ind_inf_wilcox_normal(rs - (double)mj * ((double)mj + 1) / 2, mj, nr, tsum, 1, &res);
        }
        if (ts == IND_ENOMEM)
            st = ts;
        u->rest_test = res.method;
        u->rest_method = ts == IND_OK ? (res.exact ? "exact" : "normal") : NULL;
        u->rest_statistic = ts == IND_OK ? res.statistic : NAN;
        u->rest_p = ts == IND_OK ? res.p : NAN;
        u->rest_side = ts == IND_OK ? sign_of(res.statistic - (double)mj * (double)nr / 2) : 0;
    }
    free(rank);
    return st;
}

ind_status cmp_series_tests(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o)
{
    if (t->total) {
        double *sorted = malloc(t->total * sizeof *sorted);
        if (!sorted)
            return IND_ENOMEM;
        memcpy(sorted, t->all, t->total * sizeof *sorted);
        gsl_sort(sorted, 1, t->total);
        r->pooled = gsl_stats_median_from_sorted_data(sorted, 1, t->total);
        free(sorted);
    }
    if (t->m < 2)
        return IND_OK;
    ind_inf_result g;
    if (ind_inf_kruskal(t->all, t->group, t->total, &g) == IND_OK) {
        r->test = g.method;
        r->test_method = "chisq";
        r->statistic = g.statistic;
        r->df = g.df;
        r->p = g.p;
    }
    ind_status st = series_rest(r, t);
    if (st == IND_OK)
        st = adjust_rest(r, t, o);
    if (st == IND_OK)
        st = run_pairs(r, t, o, series_pair);
    return st;
}
