/* inference.c: tests and intervals for comparing units, mirroring R's stats
 * package (prop.test, binom.test, fisher.test, chisq.test, t.test,
 * oneway.test, kruskal.test, wilcox.test, p.adjust; R 4.2) plus Newcombe's
 * hybrid score interval (Newcombe 1998, Stat Med 17:873-890, method 10).
 * Distributions come from GSL; root finding uses GSL's Brent solver. */
#include "inference.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort.h>

/* R's tolerance for "as likely as the observed outcome" in fisher.test and
 * binom.test. */
#define REL_ERR (1.0 + 1e-7)

static void result_init(ind_inf_result *res)
{
    *res = (ind_inf_result){.statistic = NAN, .df = NAN, .df2 = NAN, .p = NAN, .estimate = NAN,
                            .estimate1 = NAN, .estimate2 = NAN, .ci_lo = NAN, .ci_hi = NAN,
                            .conf_level = NAN, .min_expected = NAN, .method = "", .statistic_name = ""};
}

static int bad_level(double conf_level)
{
    return !(conf_level > 0.0 && conf_level < 1.0);
}

static int bad_count(long x, long n)
{
    return n < 1 || x < 0 || x > n;
}

/* Upper tail of chi-square, guarding GSL against NaN. */
static double chisq_upper(double stat, double df)
{
    if (!isfinite(stat))
        return isnan(stat) ? NAN : 0.0;
    if (stat <= 0.0)
        return 1.0;
    return gsl_cdf_chisq_Q(stat, df);
}

/* ---- root finding ------------------------------------------------------ */

typedef double (*root_fn)(double u, void *ctx);

struct root_adapter {
    root_fn f;
    void *ctx;
    double target;
};

static double root_eval(double u, void *params)
{
    struct root_adapter *a = params;
    return a->f(u, a->ctx) - a->target;
}

/* Solves f(u) = target for u in [a, b] (f(a) - target and f(b) - target of
 * opposite signs) with Brent's method to |b - a| <= epsabs + epsrel |u|. */
static ind_status solve_brent(root_fn f, void *ctx, double target, double a, double b,
                              double epsabs, double epsrel, double *root)
{
    struct root_adapter ad = { f, ctx, target };
    gsl_function F = { root_eval, &ad };
    double fa = root_eval(a, &ad), fb = root_eval(b, &ad);
    if (fa == 0.0) {
        *root = a;
        return IND_OK;
    }
    if (fb == 0.0) {
        *root = b;
        return IND_OK;
    }
    if ((fa < 0) == (fb < 0) || isnan(fa) || isnan(fb))
        return IND_EDOMAIN;
    gsl_root_fsolver *s = gsl_root_fsolver_alloc(gsl_root_fsolver_brent);
    if (!s)
        return IND_ENOMEM;
    gsl_root_fsolver_set(s, &F, a, b);
    int status = GSL_CONTINUE;
    for (int iter = 0; iter < 500 && status == GSL_CONTINUE; iter++) {
        if (gsl_root_fsolver_iterate(s) != GSL_SUCCESS)
            break;
        double lo = gsl_root_fsolver_x_lower(s), hi = gsl_root_fsolver_x_upper(s);
        status = gsl_root_test_interval(lo, hi, epsabs, epsrel);
    }
    *root = gsl_root_fsolver_root(s);
    gsl_root_fsolver_free(s);
    return IND_OK;
}

/* ---- one proportion ---------------------------------------------------- */

static double beta_lower(double q, void *ctx)
{
    const double *ab = ctx;
    return gsl_cdf_beta_P(q, ab[0], ab[1]);
}

/* Quantile of Beta(a, b) at probability prob, solved on the CDF so that no
 * GSL inverse can fail to converge. */
static ind_status beta_quantile(double prob, double a, double b, double *q)
{
    double ab[2] = { a, b };
    return solve_brent(beta_lower, ab, prob, 0.0, 1.0, 0.0, 4 * DBL_EPSILON, q);
}

/* Two-sided exact binomial p-value, R binom.test. */
static double binom_two_sided(long x, long n, double p0)
{
    if (p0 == 0.0)
        return x == 0 ? 1.0 : 0.0;
    if (p0 == 1.0)
        return x == n ? 1.0 : 0.0;
    unsigned ux = (unsigned)x, un = (unsigned)n;
    double d = gsl_ran_binomial_pdf(ux, p0, un);
    double m = (double)n * p0;
    double pval;
    if ((double)x == m)
        return 1.0;
    if ((double)x < m) {
        long y = 0;
        for (long i = (long)ceil(m); i <= n; i++)
            if (gsl_ran_binomial_pdf((unsigned)i, p0, un) <= d * REL_ERR)
                y++;
        pval = gsl_cdf_binomial_P(ux, p0, un) + gsl_cdf_binomial_Q((unsigned)(n - y), p0, un);
    } else {
        long y = 0;
        for (long i = 0; i <= (long)floor(m); i++)
            if (gsl_ran_binomial_pdf((unsigned)i, p0, un) <= d * REL_ERR)
                y++;
        double lower = y >= 1 ? gsl_cdf_binomial_P((unsigned)(y - 1), p0, un) : 0.0;
        pval = lower + gsl_cdf_binomial_Q((unsigned)(x - 1), p0, un);
    }
    return pval < 1.0 ? pval : 1.0;
}

/* Wilson limits exactly as R prop.test computes them for one sample. */
static void wilson_limits(double x, double n, double yates, double z, double *lo, double *hi)
{
    double est = x / n;
    double z22n = z * z / (2 * n);
    double pc = est + yates / n;
    double pu = pc >= 1 ? 1.0
                        : (pc + z22n + z * sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n);
    pc = est - yates / n;
    double pl = pc <= 0 ? 0.0
                        : (pc + z22n - z * sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n);
    *lo = pl > 0 ? pl : 0.0;
    *hi = pu < 1 ? pu : 1.0;
}

/* One proportion: Wilson (R prop.test, k = 1) or Clopper-Pearson (R
 * binom.test). See inference.h for the formulas. estimate = x/n. */
ind_status ind_inf_prop1(long x, long n, double p0, ind_inf_prop_method method,
                         double conf_level, ind_inf_result *res)
{
    result_init(res);
    if (bad_count(x, n) || bad_level(conf_level))
        return IND_EDOMAIN;
    res->estimate = res->estimate1 = (double)x / (double)n;
    res->conf_level = conf_level;
    if (method == IND_INF_CLOPPER_PEARSON) {
        if (!(p0 >= 0.0 && p0 <= 1.0) || (unsigned long)n > UINT_MAX)
            return IND_EDOMAIN;
        double alpha = (1 - conf_level) / 2;
        ind_status st;
        if (x == 0)
            res->ci_lo = 0.0;
        else if ((st = beta_quantile(alpha, (double)x, (double)(n - x + 1), &res->ci_lo)) != IND_OK)
            return st;
        if (x == n)
            res->ci_hi = 1.0;
        else if ((st = beta_quantile(1 - alpha, (double)(x + 1), (double)(n - x), &res->ci_hi)) != IND_OK)
            return st;
        res->statistic = (double)x;
        res->p = binom_two_sided(x, n, p0);
        res->exact = 1;
        res->method = "Exact binomial test";
        res->statistic_name = "number of successes";
        return IND_OK;
    }
    if (method != IND_INF_WILSON && method != IND_INF_WILSON_CC)
        return IND_EUSAGE;
    if (!(p0 > 0.0 && p0 < 1.0))
        return IND_EDOMAIN;
    double dx = (double)x, dn = (double)n;
    double yates = method == IND_INF_WILSON_CC ? 0.5 : 0.0;
    double dev = fabs(dx - dn * p0);
    if (dev < yates)
        yates = dev;
    double z = gsl_cdf_ugaussian_Pinv((1 + conf_level) / 2);
    wilson_limits(dx, dn, yates, z, &res->ci_lo, &res->ci_hi);
    double obs[2] = { dx, dn - dx };
    double e[2] = { dn * p0, dn * (1 - p0) };
    double stat = 0.0;
    for (int i = 0; i < 2; i++) {
        double r = fabs(obs[i] - e[i]) - yates;
        stat += r * r / e[i];
    }
    res->statistic = stat;
    res->df = 1.0;
    res->p = chisq_upper(stat, 1.0);
    res->min_expected = e[0] < e[1] ? e[0] : e[1];
    res->corrected = yates > 0;
    res->method = yates > 0 ? "1-sample proportions test with continuity correction"
                            : "1-sample proportions test without continuity correction";
    res->statistic_name = "X-squared";
    return IND_OK;
}

/* ---- two proportions --------------------------------------------------- */

/* Two proportions, R prop.test(c(x1, x2), c(n1, n2), correct): X-squared
 * with Yates' correction min(0.5, |x1 - n1 p|), df 1, and the Wald interval
 * for p1 - p2 widened by the same correction. estimate = p1 - p2,
 * estimate1 = p1, estimate2 = p2. */
ind_status ind_inf_prop2(long x1, long n1, long x2, long n2, int correct,
                         double conf_level, ind_inf_result *res)
{
    result_init(res);
    if (bad_count(x1, n1) || bad_count(x2, n2) || bad_level(conf_level))
        return IND_EDOMAIN;
    double x[2] = { (double)x1, (double)x2 }, n[2] = { (double)n1, (double)n2 };
    double est[2] = { x[0] / n[0], x[1] / n[1] };
    double delta = est[0] - est[1];
    double sinv = 1 / n[0] + 1 / n[1];
    double yates = correct ? 0.5 : 0.0;
    if (fabs(delta) / sinv < yates)
        yates = fabs(delta) / sinv;
    double z = gsl_cdf_ugaussian_Pinv((1 + conf_level) / 2);
    double width = z * sqrt(est[0] * (1 - est[0]) / n[0] + est[1] * (1 - est[1]) / n[1]) + yates * sinv;
    res->estimate = delta;
    res->estimate1 = est[0];
    res->estimate2 = est[1];
    res->ci_lo = delta - width > -1 ? delta - width : -1.0;
    res->ci_hi = delta + width < 1 ? delta + width : 1.0;
    res->conf_level = conf_level;
    res->df = 1.0;
    res->corrected = yates > 0;
    res->method = yates > 0 ? "2-sample test for equality of proportions with continuity correction"
                            : "2-sample test for equality of proportions without continuity correction";
    res->statistic_name = "X-squared";

    double p = (x[0] + x[1]) / (n[0] + n[1]);
    /* Column-major as R: successes of both rows, then failures. */
    double obs[4] = { x[0], x[1], n[0] - x[0], n[1] - x[1] };
    double e[4] = { n[0] * p, n[1] * p, n[0] * (1 - p), n[1] * (1 - p) };
    double stat = 0.0, emin = e[0];
    for (int i = 0; i < 4; i++) {
        double r = fabs(obs[i] - e[i]) - yates;
        stat += r * r / e[i];
        if (e[i] < emin)
            emin = e[i];
    }
    res->min_expected = emin;
    if (!(emin > 0.0))
        return IND_EDOMAIN;
    res->statistic = stat;
    res->p = chisq_upper(stat, 1.0);
    return IND_OK;
}

/* Newcombe (1998) method 10: hybrid score interval for p1 - p2 from the two
 * Wilson score intervals without continuity correction. estimate = p1 - p2. */
ind_status ind_inf_newcombe(long x1, long n1, long x2, long n2,
                            double conf_level, ind_inf_result *res)
{
    result_init(res);
    if (bad_count(x1, n1) || bad_count(x2, n2) || bad_level(conf_level))
        return IND_EDOMAIN;
    double z = gsl_cdf_ugaussian_Pinv((1 + conf_level) / 2);
    double p1 = (double)x1 / (double)n1, p2 = (double)x2 / (double)n2;
    double l1, u1, l2, u2;
    wilson_limits((double)x1, (double)n1, 0.0, z, &l1, &u1);
    wilson_limits((double)x2, (double)n2, 0.0, z, &l2, &u2);
    double d = p1 - p2;
    res->estimate = d;
    res->estimate1 = p1;
    res->estimate2 = p2;
    res->ci_lo = d - sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
    res->ci_hi = d + sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
    res->conf_level = conf_level;
    res->method = "Newcombe hybrid score interval (method 10)";
    return IND_OK;
}

/* ---- Fisher's exact test ----------------------------------------------- */

/* The noncentral hypergeometric distribution of the (1,1) cell given the
 * margins, as in R fisher.test: support lo..hi, log central densities logdc. */
typedef struct {
    long lo, hi, x;
    long len;
    double *logdc;
    double *d;   /* scratch: normalised densities */
} nhyper;

/* Normalised densities at log odds ratio u (R's dnhyper(exp(u))). */
static void nh_density(nhyper *h, double u)
{
    double mx = -INFINITY;
    for (long i = 0; i < h->len; i++) {
        double v = h->logdc[i] + u * (double)(h->lo + i);
        h->d[i] = v;
        if (v > mx)
            mx = v;
    }
    double s = 0.0;
    for (long i = 0; i < h->len; i++) {
        h->d[i] = exp(h->d[i] - mx);
        s += h->d[i];
    }
    for (long i = 0; i < h->len; i++)
        h->d[i] /= s;
}

static double nh_mean(double u, void *ctx)
{
    nhyper *h = ctx;
    nh_density(h, u);
    double m = 0.0;
    for (long i = 0; i < h->len; i++)
        m += (double)(h->lo + i) * h->d[i];
    return m;
}

static double nh_lower(double u, void *ctx)
{
    nhyper *h = ctx;
    nh_density(h, u);
    double s = 0.0;
    for (long i = 0; i <= h->x - h->lo; i++)
        s += h->d[i];
    return s;
}

static double nh_upper(double u, void *ctx)
{
    nhyper *h = ctx;
    nh_density(h, u);
    double s = 0.0;
    for (long i = h->x - h->lo; i < h->len; i++)
        s += h->d[i];
    return s;
}

/* Solves f(u) = target for the log odds ratio u, f monotone with the root
 * inside its range; brackets by doubling. Returns exp(root). */
static ind_status nh_solve(root_fn f, nhyper *h, double target, double *ncp)
{
    double a = -1.0, b = 1.0;
    for (int i = 0; i < 12; i++) {
        double fa = f(a, h) - target, fb = f(b, h) - target;
        if ((fa < 0) != (fb < 0) || fa == 0 || fb == 0)
            break;
        a *= 2;
        b *= 2;
    }
    double u;
    ind_status st = solve_brent(f, h, target, a, b, 1e-13, 0.0, &u);
    if (st != IND_OK)
        return st;
    *ncp = exp(u);
    return IND_OK;
}

/* One limit of the odds ratio's interval, as R's fisher.test: edge when x
 * is at that edge of the support, else the ncp where tail = alpha (tail
 * takes log ncp; exactly 1 when tail(0) is alpha already). */
static ind_status nh_limit(nhyper *h, root_fn tail, int at_edge, double edge, double alpha, double *limit)
{
    if (at_edge) {
        *limit = edge;
        return IND_OK;
    }
    if (tail(0.0, h) == alpha) {
        *limit = 1.0;
        return IND_OK;
    }
    return nh_solve(tail, h, alpha, limit);
}

/* Fisher's exact test for a 2x2 table, R fisher.test: two-sided p with R's
 * 1e-7 relative tolerance for equally likely tables; conditional MLE of the
 * odds ratio and its exact interval. estimate1/estimate2 = x1/n1, x2/n2. */
ind_status ind_inf_fisher2x2(long x1, long n1, long x2, long n2,
                             double conf_level, ind_inf_result *res)
{
    result_init(res);
    if (bad_count(x1, n1) || bad_count(x2, n2) || bad_level(conf_level)
        || (unsigned long)n1 + (unsigned long)n2 > UINT_MAX)
        return IND_EDOMAIN;
    /* R's names: m successes, n failures, k = row-1 total, x = cell (1,1). */
    long m = x1 + x2, nf = (n1 - x1) + (n2 - x2), k = n1, x = x1;
    nhyper h;
    h.lo = k - nf > 0 ? k - nf : 0;
    h.hi = k < m ? k : m;
    h.x = x;
    h.len = h.hi - h.lo + 1;
    h.logdc = malloc(2 * (size_t)h.len * sizeof(double));
    if (!h.logdc)
        return IND_ENOMEM;
    h.d = h.logdc + h.len;
    double lnall = gsl_sf_lnchoose((unsigned)(m + nf), (unsigned)k);
    for (long i = 0; i < h.len; i++) {
        long s = h.lo + i;
        h.logdc[i] = gsl_sf_lnchoose((unsigned)m, (unsigned)s)
                   + gsl_sf_lnchoose((unsigned)nf, (unsigned)(k - s)) - lnall;
    }

    res->estimate1 = (double)x1 / (double)n1;
    res->estimate2 = (double)x2 / (double)n2;
    res->conf_level = conf_level;
    res->exact = 1;
    res->method = "Fisher's Exact Test for Count Data";

    /* p-value at odds ratio 1. */
    nh_density(&h, 0.0);
    double dobs = h.d[x - h.lo] * REL_ERR, pval = 0.0;
    for (long i = 0; i < h.len; i++)
        if (h.d[i] <= dobs)
            pval += h.d[i];
    res->p = pval;

    ind_status st = IND_OK;
    /* Conditional MLE. */
    if (x == h.lo) {
        res->estimate = 0.0;
    } else if (x == h.hi) {
        res->estimate = INFINITY;
    } else {
        double mu = nh_mean(0.0, &h);
        if (mu == (double)x)
            res->estimate = 1.0;
        else
            st = nh_solve(nh_mean, &h, (double)x, &res->estimate);
    }
    double alpha = (1 - conf_level) / 2;
    /* Lower limit: P(X >= x; ncp) = alpha; upper limit: P(X <= x; ncp) = alpha. */
    if (st == IND_OK)
        st = nh_limit(&h, nh_upper, x == h.lo, 0.0, alpha, &res->ci_lo);
    if (st == IND_OK)
        st = nh_limit(&h, nh_lower, x == h.hi, INFINITY, alpha, &res->ci_hi);
    free(h.logdc);
    return st;
}

/* Two proportions, Fisher's test or prop.test by R's warning rule (expected count below 5). */
ind_status ind_inf_prop2_auto(long x1, long n1, long x2, long n2, double conf_level,
                              ind_inf_result *res)
{
    if (bad_count(x1, n1) || bad_count(x2, n2)) {
        result_init(res);
        return IND_EDOMAIN;
    }
    double pool = (double)(x1 + x2) / (double)(n1 + n2);
    double emin = fmin(fmin(n1 * pool, n1 * (1 - pool)), fmin(n2 * pool, n2 * (1 - pool)));
    if (emin < 5)
        return ind_inf_fisher2x2(x1, n1, x2, n2, conf_level, res);
    return ind_inf_prop2(x1, n1, x2, n2, 1, conf_level, res);
}

/* ---- k x 2 chi-square -------------------------------------------------- */

/* Pearson's chi-square test of homogeneity of k proportions, R chisq.test
 * on the k x 2 matrix cbind(x, n - x); Yates' correction only for k = 2 and
 * correct != 0, as R. */
ind_status ind_inf_chisq_k2(const long *x, const long *n, size_t k, int correct,
                            ind_inf_result *res)
{
    result_init(res);
    if (k < 2 || !x || !n)
        return IND_EDOMAIN;
    double tot = 0.0, c0 = 0.0, c1 = 0.0;
    for (size_t i = 0; i < k; i++) {
        if (bad_count(x[i], n[i]))
            return IND_EDOMAIN;
        c0 += (double)x[i];
        c1 += (double)(n[i] - x[i]);
        tot += (double)n[i];
    }
    double yates = 0.0;
    if (correct && k == 2) {
        yates = 0.5;
        for (size_t i = 0; i < 2; i++) {
            double e0 = (double)n[i] * c0 / tot, e1 = (double)n[i] * c1 / tot;
            double d0 = fabs((double)x[i] - e0), d1 = fabs((double)(n[i] - x[i]) - e1);
            if (d0 < yates)
                yates = d0;
            if (d1 < yates)
                yates = d1;
        }
    }
    double stat = 0.0, emin = INFINITY;
    for (int j = 0; j < 2; j++) {
        for (size_t i = 0; i < k; i++) {
            double o = j == 0 ? (double)x[i] : (double)(n[i] - x[i]);
            double e = (double)n[i] * (j == 0 ? c0 : c1) / tot;
            double r = fabs(o - e) - yates;
            stat += r * r / e;
            if (e < emin)
                emin = e;
        }
    }
    res->df = (double)(k - 1);
    res->min_expected = emin;
    res->corrected = yates > 0;
    res->method = yates > 0 ? "Pearson's Chi-squared test with Yates' continuity correction"
                            : "Pearson's Chi-squared test";
    res->statistic_name = "X-squared";
    if (!(emin > 0.0))
        return IND_EDOMAIN;
    res->statistic = stat;
    res->p = chisq_upper(stat, res->df);
    return IND_OK;
}

/* ---- means from summary statistics ------------------------------------- */

/* Welch two-sample t test, R t.test(var.equal = FALSE), from means, standard
 * deviations and sizes. estimate = mean1 - mean2; estimate1/2 the means. */
ind_status ind_inf_welch_t(double mean1, double sd1, size_t n1,
                           double mean2, double sd2, size_t n2,
                           double conf_level, ind_inf_result *res)
{
    result_init(res);
    if (n1 < 2 || n2 < 2 || bad_level(conf_level) || !isfinite(mean1) || !isfinite(mean2)
        || !(sd1 >= 0.0) || !(sd2 >= 0.0) || !isfinite(sd1) || !isfinite(sd2))
        return IND_EDOMAIN;
    double nx = (double)n1, ny = (double)n2;
    double sex = sqrt(sd1 * sd1 / nx), sey = sqrt(sd2 * sd2 / ny);
    double se = sqrt(sex * sex + sey * sey);
    res->estimate1 = mean1;
    res->estimate2 = mean2;
    res->estimate = mean1 - mean2;
    res->method = "Welch Two Sample t-test";
    res->statistic_name = "t";
    double amax = fabs(mean1) > fabs(mean2) ? fabs(mean1) : fabs(mean2);
    if (!(se > 0.0) || se < 10 * DBL_EPSILON * amax)
        return IND_EDOMAIN;
    double se4x = sex * sex * sex * sex, se4y = sey * sey * sey * sey;
    double df = (se * se * se * se) / (se4x / (nx - 1) + se4y / (ny - 1));
    double t = (mean1 - mean2) / se;
    double q = gsl_cdf_tdist_Pinv(1 - (1 - conf_level) / 2, df);
    res->statistic = t;
    res->df = df;
    res->p = 2 * gsl_cdf_tdist_P(-fabs(t), df);
    res->ci_lo = (t - q) * se;
    res->ci_hi = (t + q) * se;
    res->conf_level = conf_level;
    return IND_OK;
}

/* Welch's heteroscedastic one-way ANOVA (Welch 1951), R oneway.test with
 * var.equal = FALSE, from group means, sds and sizes. statistic F with
 * df (k - 1, 1/(3h)). */
ind_status ind_inf_welch_anova(const double *mean, const double *sd,
                               const size_t *n, size_t k, ind_inf_result *res)
{
    result_init(res);
    if (k < 2 || !mean || !sd || !n)
        return IND_EDOMAIN;
    res->method = "One-way analysis of means (not assuming equal variances)";
    res->statistic_name = "F";
    double sw = 0.0, swm = 0.0;
    for (size_t i = 0; i < k; i++) {
        if (n[i] < 2 || !(sd[i] > 0.0) || !isfinite(sd[i]) || !isfinite(mean[i]))
            return IND_EDOMAIN;
        double w = (double)n[i] / (sd[i] * sd[i]);
        sw += w;
    }
    double tmp = 0.0;
    for (size_t i = 0; i < k; i++) {
        double w = (double)n[i] / (sd[i] * sd[i]);
        double r = 1 - w / sw;
        tmp += r * r / ((double)n[i] - 1);
        swm += w * mean[i];
    }
    double dk = (double)k;
    tmp /= dk * dk - 1;
    double m = swm / sw, ss = 0.0;
    for (size_t i = 0; i < k; i++) {
        double w = (double)n[i] / (sd[i] * sd[i]);
        ss += w * (mean[i] - m) * (mean[i] - m);
    }
    double f = ss / ((dk - 1) * (1 + 2 * (dk - 2) * tmp));
    res->statistic = f;
    res->df = dk - 1;
    res->df2 = 1 / (3 * tmp);
    if (!isfinite(f))
        return IND_EDOMAIN;
    res->p = f > 0 ? gsl_cdf_fdist_Q(f, res->df, res->df2) : 1.0;
    return IND_OK;
}

/* ---- ranks --------------------------------------------------------------- */

/* Mid-ranks (1-based, ties averaged as R rank()) of v[0..n-1] into r; tsum
 * receives sum over tie groups of t^3 - t and *ties whether any tie exists. */
static ind_status midranks(const double *v, size_t n, double *r, double *tsum, int *ties)
{
    size_t *perm = malloc((n ? n : 1) * sizeof *perm);
    if (!perm)
        return IND_ENOMEM;
    gsl_sort_index(perm, v, 1, n);
    double ts = 0.0;
    int any = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && v[perm[j]] == v[perm[i]])
            j++;
        double avg = ((double)(i + 1) + (double)j) / 2.0;
        for (size_t q = i; q < j; q++)
            r[perm[q]] = avg;
        double t = (double)(j - i);
        ts += t * t * t - t;
        if (j - i > 1)
            any = 1;
        i = j;
    }
    free(perm);
    *tsum = ts;
    *ties = any;
    return IND_OK;
}

ind_status ind_inf_midranks(const double *v, size_t n, double *r, double *tie_sum)
{
    if (n && (!v || !r || !tie_sum))
        return IND_EDOMAIN;
    int ties;
    double ts = 0.0;
    ind_status st = n ? midranks(v, n, r, &ts, &ties) : IND_OK;
    if (tie_sum)
        *tie_sum = ts;
    return st;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Kruskal-Wallis H with tie correction, R kruskal.test; df = groups - 1. */
ind_status ind_inf_kruskal(const double *x, const int *group, size_t n,
                           ind_inf_result *res)
{
    result_init(res);
    res->method = "Kruskal-Wallis rank sum test";
    res->statistic_name = "Kruskal-Wallis chi-squared";
    if (!x || !group)
        return IND_EDOMAIN;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            m++;
    if (m < 2)
        return IND_EDOMAIN;
    double *v = malloc(2 * m * sizeof *v);
    int *g = malloc(2 * m * sizeof *g);
    double *rs = NULL, *cnt = NULL;
    ind_status st = IND_ENOMEM;
    if (!v || !g)
        goto out;
    double *r = v + m;
    int *labels = g + m;
    for (size_t i = 0, j = 0; i < n; i++) {
        if (isnan(x[i]))
            continue;
        v[j] = x[i];
        g[j] = group[i];
        labels[j] = group[i];
        j++;
    }
    qsort(labels, m, sizeof *labels, cmp_int);
    size_t k = 0;
    for (size_t i = 0; i < m; i++)
        if (i == 0 || labels[i] != labels[k - 1])
            labels[k++] = labels[i];
    res->df = (double)k - 1;
    if (k < 2) {
        st = IND_EDOMAIN;
        goto out;
    }
    double tsum;
    int ties;
    if ((st = midranks(v, m, r, &tsum, &ties)) != IND_OK)
        goto out;
    st = IND_ENOMEM;
    rs = calloc(k, sizeof *rs);
    cnt = calloc(k, sizeof *cnt);
    if (!rs || !cnt)
        goto out;
    for (size_t i = 0; i < m; i++) {
        int *hit = bsearch(&g[i], labels, k, sizeof *labels, cmp_int);
        size_t gi = (size_t)(hit - labels);
        rs[gi] += r[i];
        cnt[gi] += 1.0;
    }
    double s = 0.0, dn = (double)m;
    for (size_t i = 0; i < k; i++)
        s += rs[i] * rs[i] / cnt[i];
    double h = (12 * s / (dn * (dn + 1)) - 3 * (dn + 1)) / (1 - tsum / (dn * dn * dn - dn));
    if (!isfinite(h)) {
        st = IND_EDOMAIN;
        goto out;
    }
    res->statistic = h;
    res->p = chisq_upper(h, res->df);
    st = IND_OK;
out:
    free(v);
    free(g);
    free(rs);
    free(cnt);
    return st;
}

/* Number of arrangements of m x's and n y's for every value of the
 * Mann-Whitney count U = 0..m*n (the coefficients of the Gaussian binomial
 * [m+n choose m]_q), by N(a, b, u) = N(a - 1, b, u - b) + N(a, b - 1, u):
 * sums only, so no cancellation. freq must hold m*n + 1 doubles. */
static ind_status wilcox_counts(size_t m, size_t n, double *freq)
{
    size_t w = m * n + 1;
    double *tab = calloc((m + 1) * w, sizeof *tab);
    if (!tab)
        return IND_ENOMEM;
    /* Row a holds N(a, b, .) for the current b; start at b = 0. */
    for (size_t a = 0; a <= m; a++)
        tab[a * w] = 1.0;
    for (size_t b = 1; b <= n; b++) {
        for (size_t a = 1; a <= m; a++) {
            double *row = tab + a * w, *prev = tab + (a - 1) * w;
            size_t top = a * b;
            for (size_t u = top + 1; u-- > b;)
                row[u] += prev[u - b];
        }
    }
    memcpy(freq, tab + m * w, w * sizeof *freq);
    free(tab);
    return IND_OK;
}

/* The finite values of x, then of y, at the start of a new buffer of
 * (1 + extra) (mx + my) doubles (the rest is work space); R's is.finite.
 * IND_EDOMAIN when either sample has no finite value. */
static ind_status finite_samples(const double *x, size_t nx, const double *y, size_t ny, size_t extra,
                                 double **buf, size_t *mx, size_t *my)
{
    *buf = NULL;
    if ((nx && !x) || (ny && !y))
        return IND_EDOMAIN;
    size_t a = 0, b = 0;
    for (size_t i = 0; i < nx; i++)
        a += isfinite(x[i]) != 0;
    for (size_t i = 0; i < ny; i++)
        b += isfinite(y[i]) != 0;
    if (a < 1 || b < 1)
        return IND_EDOMAIN;
    double *v = malloc((1 + extra) * (a + b) * sizeof *v);
    if (!v)
        return IND_ENOMEM;
    size_t j = 0;
    for (size_t i = 0; i < nx; i++)
        if (isfinite(x[i]))
            v[j++] = x[i];
    for (size_t i = 0; i < ny; i++)
        if (isfinite(y[i]))
            v[j++] = y[i];
    *buf = v;
    *mx = a;
    *my = b;
    return IND_OK;
}

/* Two-sided exact p of W without ties, as R's pwilcox: min(1, 2 x the
 * smaller tail); the distribution is symmetric. */
static ind_status wilcox_exact_p(double W, size_t mx, size_t my, double *p)
{
    double dx = (double)mx, dy = (double)my;
    if (dx * dy > 10000.0)
        return IND_EDOMAIN;
    size_t w = mx * my + 1;
    double *freq = malloc(w * sizeof *freq);
    if (!freq)
        return IND_ENOMEM;
    /* The distribution is symmetric in the two sizes: tabulate over the smaller. */
    ind_status st = wilcox_counts(mx < my ? mx : my, mx < my ? my : mx, freq);
    if (st != IND_OK) {
        free(freq);
        return st;
    }
    double total = 0.0;
    for (size_t u = 0; u < w; u++)
        total += freq[u];
    /* Lower tail P(W <= q); upper tail P(W >= W) = P(W <= mn - W) by symmetry. */
    size_t q = (size_t)(W > dx * dy / 2 ? dx * dy - W : W);
    double tail = 0.0;
    for (size_t u = 0; u <= q; u++)
        tail += freq[u];
    free(freq);
    *p = fmin(1.0, 2 * (tail / total));
    return IND_OK;
}

/* Model: under H0 each of the C(N, m) ways to pick which m of the N pooled
 * values (sorted[], ascending, ties adjacent) belong to the first sample is
 * equally likely; T = twice the sum of their mid-ranks (an integer).
 * Counts the choices for every T by tie groups: a group of t values with
 * doubled mid-rank d contributes C(t, k) ways and k d to T when k of them
 * are chosen; cnt[j][s] = ways to choose j so far with doubled sum s, rows
 * updated in place from the top row down. Inputs m <= N, t2 = observed T.
 * Output p = P(|T - E| >= |t2 - E|), E = m (N + 1) (coin's two-sided p). */
static ind_status wilcox_conditional_p(const double *sorted, size_t N, size_t m, long t2, double *p)
{
    size_t smax = m * (2 * N - m + 1), w = smax + 1;
    double *cnt = calloc((m + 1) * w, sizeof *cnt);
    if (!cnt)
        return IND_ENOMEM;
    cnt[0] = 1.0;
    for (size_t i0 = 0, i1; i0 < N; i0 = i1) {
        for (i1 = i0 + 1; i1 < N && sorted[i1] == sorted[i0];)
            i1++;
        size_t t = i1 - i0, d = i0 + i1 + 1; /* ranks i0+1..i1: doubled mean i0 + 1 + i1 */
        for (size_t j = i1 < m ? i1 : m; j >= 1; j--) {
            /* the j chosen lie among the first i1 values: doubled sums j(j+1) .. j(2 i1 - j + 1) */
            size_t hi = j * (2 * i1 - j + 1), kmax = j < t ? j : t;
            double *row = cnt + j * w;
            for (size_t s = j * (j + 1); s <= hi; s++) {
                double add = 0.0, binom = 1.0;
                for (size_t k = 1; k <= kmax && k * d <= s; k++) {
                    binom = binom * (double)(t - k + 1) / (double)k;
                    add += binom * cnt[(j - k) * w + s - k * d];
                }
                row[s] += add;
            }
        }
    }
    long e = (long)(m * (N + 1)), dev = labs(t2 - e);
    double total = 0.0, tail = 0.0;
    for (size_t s = 0; s < w; s++) {
        double c = cnt[m * w + s];
        total += c;
        if (labs((long)s - e) >= dev)
            tail += c;
    }
    free(cnt);
    *p = fmin(1.0, tail / total);
    return IND_OK;
}

/* The exact p with ties: ranks the finite values again, sorted, and counts
 * over the smaller sample (|T - E| is the same for either sample). */
static ind_status wilcox_ties_p(const double *v, const double *r, size_t mx, size_t my, double *p)
{
    size_t nn = mx + my;
    double *sorted = malloc(nn * sizeof *sorted);
    if (!sorted)
        return IND_ENOMEM;
    memcpy(sorted, v, nn * sizeof *sorted);
    gsl_sort(sorted, 1, nn);
    size_t from = mx <= my ? 0 : mx, m = mx <= my ? mx : my;
    double rs = 0.0;
    for (size_t i = from; i < from + m; i++)
        rs += r[i];
    ind_status st = wilcox_conditional_p(sorted, nn, m, lround(2 * rs), p);
    free(sorted);
    return st;
}

/* The normal approximation of W; see inference.h. */
ind_status ind_inf_wilcox_normal(double W, size_t nx, size_t ny, double tie_sum, int correct,
                                 ind_inf_result *res)
{
    double dx = (double)nx, dy = (double)ny;
    double z = W - dx * dy / 2;
    double sigma = sqrt((dx * dy / 12) * ((dx + dy + 1) - tie_sum / ((dx + dy) * (dx + dy - 1))));
    double corr = 0.0;
    res->statistic = W;
    res->statistic_name = "W";
    res->exact = 0;
    res->corrected = correct != 0;
    res->method = correct ? "Wilcoxon rank sum test with continuity correction" : "Wilcoxon rank sum test";
    if (correct)
        corr = z > 0 ? 0.5 : (z < 0 ? -0.5 : 0.0);
    if (!(sigma > 0.0))
        return IND_EDOMAIN;
    z = (z - corr) / sigma;
    double lo = gsl_cdf_ugaussian_P(z), hi = gsl_cdf_ugaussian_Q(z);
    res->p = 2 * (lo < hi ? lo : hi);
    return IND_OK;
}

/* Wilcoxon rank-sum test, R wilcox.test(x, y): W, and an exact or normal
 * two-sided p as described in inference.h. */
ind_status ind_inf_wilcox(const double *x, size_t nx, const double *y, size_t ny,
                          ind_inf_exact exact, int correct, ind_inf_result *res)
{
    result_init(res);
    res->statistic_name = "W";
    if ((unsigned)exact > IND_INF_EXACT_CONDITIONAL)
        return IND_EUSAGE;
    double *v;
    size_t mx, my;
    ind_status st = finite_samples(x, nx, y, ny, 1, &v, &mx, &my);
    if (st != IND_OK)
        return st;
    size_t nn = mx + my;
    double *r = v + nn;
    double tsum;
    int ties;
    st = midranks(v, nn, r, &tsum, &ties);
    double dx = (double)mx, rsum = 0.0;
    for (size_t i = 0; i < mx && st == IND_OK; i++)
        rsum += r[i];
    double W = rsum - dx * (dx + 1) / 2;
    res->statistic = W;
    int small = mx < IND_INF_WILCOX_EXACT_N && my < IND_INF_WILCOX_EXACT_N;
    int use_exact = exact == IND_INF_EXACT_ALWAYS || (exact != IND_INF_EXACT_NEVER && small);
    if (st == IND_OK && use_exact && ties && exact == IND_INF_EXACT_CONDITIONAL) {
        st = wilcox_ties_p(v, r, mx, my, &res->p);
        res->method = "Exact Wilcoxon-Mann-Whitney Test";
        res->exact = 1;
    } else if (st == IND_OK && use_exact && !ties) {
        st = wilcox_exact_p(W, mx, my, &res->p);
        res->method = "Wilcoxon rank sum exact test";
        res->exact = 1;
    } else if (st == IND_OK) {
        st = ind_inf_wilcox_normal(W, mx, my, tsum, correct, res);
    }
    free(v);
    return st;
}

/* ---- p-value adjustment ------------------------------------------------ */

/* Holm or Benjamini-Hochberg adjusted p-values, R p.adjust. */
ind_status ind_inf_p_adjust(const double *p, size_t n, ind_inf_adjust method,
                            double *out)
{
    if (n == 0)
        return IND_OK;
    if (!p || !out)
        return IND_EDOMAIN;
    if (method != IND_INF_ADJUST_NONE && method != IND_INF_ADJUST_HOLM
        && method != IND_INF_ADJUST_BH)
        return IND_EUSAGE;
    for (size_t i = 0; i < n; i++)
        if (!isnan(p[i]) && !(p[i] >= 0.0 && p[i] <= 1.0))
            return IND_EDOMAIN;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += !isnan(p[i]);
    if (method == IND_INF_ADJUST_NONE || m <= 1) {
        if (out != p)
            memcpy(out, p, n * sizeof *out);
        return IND_OK;
    }
    double *v = malloc(m * sizeof *v);
    size_t *idx = malloc(m * sizeof *idx), *perm = malloc(m * sizeof *perm);
    if (!v || !idx || !perm) {
        free(v);
        free(idx);
        free(perm);
        return IND_ENOMEM;
    }
    for (size_t i = 0, j = 0; i < n; i++)
        if (!isnan(p[i])) {
            v[j] = p[i];
            idx[j++] = i;
        }
    gsl_sort_index(perm, v, 1, m); /* ascending */
    double dm = (double)m;
    /* Write into out only after reading every input, since out may be p. */
    double *adj = malloc(m * sizeof *adj);
    if (!adj) {
        free(v);
        free(idx);
        free(perm);
        return IND_ENOMEM;
    }
    if (method == IND_INF_ADJUST_HOLM) {
        double run = 0.0;
        for (size_t i = 0; i < m; i++) {
            double a = (dm - (double)i) * v[perm[i]];
            if (a > run)
                run = a;
            adj[perm[i]] = run < 1 ? run : 1.0;
        }
    } else {
        double run = INFINITY;
        for (size_t i = m; i-- > 0;) {
            double a = dm / (double)(i + 1) * v[perm[i]];
            if (a < run)
                run = a;
            adj[perm[i]] = run < 1 ? run : 1.0;
        }
    }
    for (size_t j = 0; j < m; j++)
        out[idx[j]] = adj[j];
    if (out != p)
        for (size_t i = 0; i < n; i++)
            if (isnan(p[i]))
                out[i] = p[i];
    free(adj);
    free(v);
    free(idx);
    free(perm);
    return IND_OK;
}

/* ---- Hodges-Lehmann shift (R wilcox.test(conf.int = TRUE)) ----------------- */

/* Brent's root finder in the form R's uniroot() runs it (its zeroin2: inverse
 * quadratic or linear interpolation, else bisection, on a bracket [a, b] whose
 * end values fa, fb have opposite signs), so that roots agree with R's to the
 * last digit and not only to the tolerance. */
static double zeroin(double (*f)(double, void *), void *ctx, double a, double b, double fa, double fb,
                     double tol, int maxit)
{
    if (fa == 0.0)
        return a;
    if (fb == 0.0)
        return b;
    double c = a, fc = fa;
    for (int it = 0; it <= maxit; it++) {
        double prev_step = b - a;
        if (fabs(fc) < fabs(fb)) {
            /* b is the best approximation so far */
            a = b, b = c, c = a;
            fa = fb, fb = fc, fc = fa;
        }
        double tol_act = 2 * DBL_EPSILON * fabs(b) + tol / 2;
        double new_step = (c - b) / 2;
        if (fabs(new_step) <= tol_act || fb == 0.0)
            return b;
        if (fabs(prev_step) >= tol_act && fabs(fa) > fabs(fb)) {
            double p, q, cb = c - b;
            if (a == c) { /* two distinct points: the secant */
                double t1 = fb / fa;
                p = cb * t1;
                q = 1.0 - t1;
            } else { /* inverse quadratic interpolation */
                double qa = fa / fc, t1 = fb / fc, t2 = fb / fa;
                p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1.0));
                q = (qa - 1.0) * (t1 - 1.0) * (t2 - 1.0);
            }
            if (p > 0.0)
                q = -q;
            else
                p = -p;
            if (p < (0.75 * cb * q - fabs(tol_act * q) / 2) && p < fabs(prev_step * q / 2))
                new_step = p / q;
        }
        if (fabs(new_step) < tol_act)
            new_step = new_step > 0.0 ? tol_act : -tol_act;
        a = b, fa = fb;
        b += new_step;
        fb = f(b, ctx);
        if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0))
            c = a, fc = fa;
    }
    return b;
}

typedef struct {
    const double *x, *y;
    size_t nx, ny;
    double *v, *r;   /* work: the shifted sample and its ranks */
    int correct;
    double zq;       /* the value W(d) is to reach */
    ind_status status;
} shift_ctx;

/* R's W(d) - zq: the standardized rank-sum statistic of x - d against y, with
 * tie-corrected variance and (when correct) the continuity correction. */
static double shift_w(double d, void *p)
{
    shift_ctx *c = p;
    size_t n = c->nx + c->ny;
    for (size_t i = 0; i < c->nx; i++)
        c->v[i] = c->x[i] - d;
    memcpy(c->v + c->nx, c->y, c->ny * sizeof *c->v);
    double tsum;
    int ties;
    ind_status st = midranks(c->v, n, c->r, &tsum, &ties);
    if (st != IND_OK) {
        c->status = st;
        return NAN;
    }
    double dx = (double)c->nx, dy = (double)c->ny, rs = 0.0;
    for (size_t i = 0; i < c->nx; i++)
        rs += c->r[i];
    double dz = rs - dx * (dx + 1) / 2 - dx * dy / 2;
    double corr = c->correct ? (dz > 0 ? 0.5 : (dz < 0 ? -0.5 : 0.0)) : 0.0;
    double sigma = sqrt((dx * dy / 12) * ((dx + dy + 1) - tsum / ((dx + dy) * (dx + dy - 1))));
    if (!(sigma > 0.0))
        c->status = IND_EDOMAIN;
    return (dz - corr) / sigma - c->zq;
}

/* R's root(zq): an end of the range when W does not cross zq inside it. */
static double shift_root(shift_ctx *c, double lo, double hi, double wlo, double whi, double zq)
{
    double flo = wlo - zq, fhi = whi - zq;
    if (flo <= 0)
        return lo;
    if (fhi >= 0)
        return hi;
    c->zq = zq;
    return zeroin(shift_w, c, lo, hi, flo, fhi, 1e-4, 1000);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

ind_status ind_inf_wilcox_shift(const double *x, size_t nx, const double *y, size_t ny,
                                ind_inf_exact exact, int correct, double conf_level,
                                ind_inf_result *res)
{
    res->estimate = res->ci_lo = res->ci_hi = NAN;
    res->conf_level = conf_level;
    if (bad_level(conf_level))
        return IND_EDOMAIN;
    double *buf;
    size_t mx, my;
    ind_status st = finite_samples(x, nx, y, ny, 2, &buf, &mx, &my);
    if (st != IND_OK)
        return st;
    size_t nn = mx + my;
    double *fx = buf, *fy = buf + mx, *v = buf + nn, *r = buf + 2 * nn;
    /* ties among the pooled values decide, as for the test */
    memcpy(v, buf, nn * sizeof *v);
    double tsum;
    int ties;
    st = midranks(v, nn, r, &tsum, &ties);
    int use_exact = exact == IND_INF_EXACT_ALWAYS ||
                    (exact != IND_INF_EXACT_NEVER && mx < IND_INF_WILCOX_EXACT_N && my < IND_INF_WILCOX_EXACT_N);
    if ((unsigned)exact > IND_INF_EXACT_CONDITIONAL)
        st = IND_EUSAGE;
    double alpha = 1 - conf_level;
    if (st == IND_OK && use_exact && !ties) {
        size_t m = mx * my;
        double *diffs = malloc(m * sizeof *diffs), *freq = malloc((m + 1) * sizeof *freq);
        if (!diffs || !freq || (double)mx * (double)my > 10000.0) {
            st = (!diffs || !freq) ? IND_ENOMEM : IND_EDOMAIN;
        } else if ((st = wilcox_counts(mx < my ? mx : my, mx < my ? my : mx, freq)) == IND_OK) {
            for (size_t a = 0; a < mx; a++)
                for (size_t b = 0; b < my; b++)
                    diffs[a * my + b] = fx[a] - fy[b];
            qsort(diffs, m, sizeof *diffs, cmp_double);
            double total = 0.0;
            for (size_t u = 0; u <= m; u++)
                total += freq[u];
            /* qu = qwilcox(alpha/2): the smallest q with P(W <= q) >= alpha/2 (R's fuzz) */
            double target = alpha / 2 - 10 * DBL_EPSILON, p = 0.0;
            size_t qu = 0;
            for (;; qu++) {
                p += freq[qu] / total;
                if (p >= target || qu == m)
                    break;
            }
            if (qu == 0)
                qu = 1;
            size_t ql = m - qu;
            res->ci_lo = diffs[qu - 1];
            res->ci_hi = diffs[ql];
            /* achieved alpha = 2 P(W <= qu - 1); R reports it when far off */
            double below = 0.0;
            for (size_t u = 0; u < qu; u++)
                below += freq[u] / total;
            double achieved = 2 * below;
            if (achieved - alpha > alpha / 2)
                res->conf_level = 1 - achieved;
            res->estimate = m % 2 ? diffs[m / 2] : (diffs[m / 2 - 1] + diffs[m / 2]) / 2;
            res->exact = 1;
        }
        free(diffs);
        free(freq);
    } else if (st == IND_OK) {
        shift_ctx c = {fx, fy, mx, my, v, r, correct, 0.0, IND_OK};
        double xmin = fx[0], xmax = fx[0], ymin = fy[0], ymax = fy[0];
        for (size_t i = 1; i < mx; i++)
            xmin = fmin(xmin, fx[i]), xmax = fmax(xmax, fx[i]);
        for (size_t i = 1; i < my; i++)
            ymin = fmin(ymin, fy[i]), ymax = fmax(ymax, fy[i]);
        double lo = xmin - ymax, hi = xmax - ymin;
        double wlo = shift_w(lo, &c), whi = shift_w(hi, &c);
        res->ci_lo = shift_root(&c, lo, hi, wlo, whi, gsl_cdf_ugaussian_Qinv(alpha / 2));
        res->ci_hi = shift_root(&c, lo, hi, wlo, whi, gsl_cdf_ugaussian_Pinv(alpha / 2));
        /* the estimate: where W(d) = 0, without the continuity correction */
        c.correct = 0;
        c.zq = 0.0;
        double flo = shift_w(lo, &c), fhi = shift_w(hi, &c);
        if (flo * fhi > 0)
            st = IND_EDOMAIN; /* R: "f() values at end points not of opposite sign" */
        else
            res->estimate = zeroin(shift_w, &c, lo, hi, flo, fhi, 1e-4, 1000);
        if (c.status != IND_OK)
            st = c.status;
        res->exact = 0;
    }
    free(buf);
    if (st != IND_OK)
        res->estimate = res->ci_lo = res->ci_hi = NAN;
    return st;
}
