/* trend.c: OLS, Mann-Kendall and Sen's slope of one series, and the trend verdict.
 *
 * References: Mann (1945), Kendall (1975) for the test and its tie-corrected
 * variance; Sen (1968) for the slope and its rank-based interval; Hirsch,
 * Slack & Smith (1982) for their use on water-quality style series. The exact
 * null distribution of S uses the Mahonian numbers (inversions of a random
 * permutation) and, with ties, the q-multinomial coefficient (inversions of a
 * random arrangement of a multiset). See docs/methods-trend.md. */
#include "trend.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

/* Largest number of pairs handled on the stack. */
#define STACK_PAIRS (IND_TREND_STACK_N * (IND_TREND_STACK_N - 1) / 2)
/* Largest number of inversions in the exact distribution. */
#define EXACT_MAX_K (IND_TREND_MK_EXACT_MAX_N * (IND_TREND_MK_EXACT_MAX_N - 1) / 2)

/* ---------------------------------------------------------------- helpers */

static int valid_alpha(double alpha)
{
    return alpha > 0.0 && alpha < 1.0;
}

/* At least two values, all finite, and (when t is given) strictly
 * increasing finite times; IND_EDOMAIN otherwise. */
static ind_status check_series(const double *t, const double *y, size_t n)
{
    if (n < 2)
        return IND_EDOMAIN;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(y[i]))
            return IND_EDOMAIN;
        if (t) {
            if (!isfinite(t[i]))
                return IND_EDOMAIN;
            if (i > 0 && !(t[i] > t[i - 1]))
                return IND_EDOMAIN;
        }
    }
    return IND_OK;
}

/* Student t quantile with a small per-thread memo: a batch of series asks
 * for the same few quantiles over and over (a series' trend, its gap's, a
 * forecast's, each with its own degrees of freedom), and the GSL inverse is
 * iterative (about a microsecond). With one entry the alternating degrees of
 * freedom missed four calls in five on 36 000 series. */
#define T_MEMO 8
static double t_quantile(double p, double df)
{
    static _Thread_local struct {
        double p, df, q;
    } memo[T_MEMO];
    static _Thread_local unsigned used, next;
    for (unsigned k = 0; k < used; k++)
        if (memo[k].p == p && memo[k].df == df)
            return memo[k].q;
    unsigned k = next; /* the oldest entry goes */
    next = (next + 1) % T_MEMO;
    used += used < T_MEMO;
    memo[k].p = p;
    memo[k].df = df;
    memo[k].q = gsl_cdf_tdist_Pinv(p, df);
    return memo[k].q;
}

static double z_quantile(double p)
{
    static _Thread_local double memo_p = -1.0, memo_q = 0.0;
    if (p != memo_p) {
        memo_q = gsl_cdf_ugaussian_Pinv(p);
        memo_p = p;
    }
    return memo_q;
}

/* Ascending sort. Shell sort with Ciura's gaps for the short arrays this
 * module lives on (an 11-point series has 55 pairwise slopes), gsl_sort
 * (heapsort) above 64 values. */
static void sort_doubles(double *a, size_t m)
{
    static const size_t gaps[] = {23, 10, 4, 1};
    if (m > 64) {
        gsl_sort(a, 1, m);
        return;
    }
    for (size_t g = 0; g < sizeof gaps / sizeof gaps[0]; g++) {
        size_t h = gaps[g];
        for (size_t i = h; i < m; i++) {
            double v = a[i];
            size_t j = i;
            while (j >= h && a[j - h] > v) {
                a[j] = a[j - h];
                j -= h;
            }
            a[j] = v;
        }
    }
}

/* The k-th smallest of a[lo..hi], a range shorter than SHORT_RANGE, which
 * is partitioned without branches on the values (Lomuto's scheme: every
 * element swapped, the boundary moved by the comparison): the slopes of a
 * short series come in no order a branch predictor could learn. Ties all go
 * right, which costs at most the square of SHORT_RANGE. */
#define SHORT_RANGE 64
static double short_select(double *a, size_t lo, size_t hi, size_t k)
{
    while (hi > lo) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) { double t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
        if (a[hi] < a[lo]) { double t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
        if (a[mid] < a[hi]) { double t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
        double pivot = a[hi]; /* the median of the three */
        size_t store = lo;
        for (size_t i = lo; i < hi; i++) {
            double x = a[i];
            a[i] = a[store];
            a[store] = x;
            store += x < pivot;
        }
        a[hi] = a[store];
        a[store] = pivot;
        /* a[lo..store-1] < pivot <= a[store+1..hi] */
        if (k == store)
            return pivot;
        if (k < store)
            hi = store - 1;
        else
            lo = store + 1;
    }
    return a[k];
}

/* The k-th smallest (0-based) of a[0..m-1], partly reordering a
 * (quickselect, median-of-three pivot; Hoare 1961). */
static double select_kth(double *a, size_t m, size_t k)
{
    size_t lo = 0, hi = m - 1;
    while (hi > lo) {
        if (hi - lo < SHORT_RANGE)
            return short_select(a, lo, hi, k);
        size_t mid = lo + (hi - lo) / 2;
        /* Order a[lo], a[mid], a[hi]; the median becomes the pivot. */
        if (a[mid] < a[lo]) { double t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
        if (a[hi] < a[lo]) { double t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
        if (a[hi] < a[mid]) { double t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
        double pivot = a[mid];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                double t = a[i]; a[i] = a[j]; a[j] = t;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        /* Now a[lo..j] <= pivot <= a[i..hi], and j < i. */
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return a[k];
    }
    return a[k];
}

/* Median of a[0..m-1] (mean of the two middle values for even m). */
static double median_of(double *a, size_t m)
{
    double upper = select_kth(a, m, m / 2);
    if (m % 2)
        return upper;
    /* The lower middle value is the largest of a[0..m/2-1] after the select. */
    double lower = a[0];
    for (size_t i = 1; i < m / 2; i++)
        if (a[i] > lower)
            lower = a[i];
    return (lower + upper) / 2.0;
}

/* A scratch array of m doubles: the stack buffer when it fits, else malloc. */
static double *scratch(double *stackbuf, size_t stack_len, size_t m)
{
    if (m <= stack_len)
        return stackbuf;
    if (m > SIZE_MAX / sizeof(double))
        return NULL;
    return malloc(m * sizeof(double));
}

static void scratch_free(double *p, double *stackbuf)
{
    if (p != stackbuf)
        free(p);
}

/* --------------------------------------------------------------------- OLS */

/* Model: y_i = a + b t_i + e_i, e_i iid N(0, sigma^2).
 * Outputs: b, a by least squares (gsl_fit_linear); s2 = SSE/(n-2);
 * SE(b) = sqrt(s2/Stt); CI b -/+ t(1-alpha/2, n-2) SE; p = 2 Q_t(|b/SE|, n-2);
 * R2 = 1 - SSE/SST. */
ind_status ind_trend_ols_fit(const double *t, const double *y, size_t n, double alpha,
                             ind_trend_ols *out)
{
    if (!t || !y || !out || !valid_alpha(alpha))
        return IND_EUSAGE;
    ind_status st = check_series(t, y, n);
    if (st != IND_OK)
        return st;

    double c0, c1, cov00, cov01, cov11, sse;
    gsl_fit_linear(t, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &sse);

    double tbar = gsl_stats_mean(t, 1, n);
    double ybar = gsl_stats_mean(y, 1, n);
    double stt = 0.0, sst = 0.0;
    int constant = 1;
    for (size_t i = 0; i < n; i++) {
        double dt = t[i] - tbar, dy = y[i] - ybar;
        stt += dt * dt;
        sst += dy * dy;
        if (y[i] != y[0])
            constant = 0;
    }

    *out = (ind_trend_ols){0};
    out->n = n;
    out->alpha = alpha;
    out->slope = c1;
    out->intercept = c0;
    out->t_mean = tbar;
    out->stt = stt;
    out->t_stat = NAN;

    if (constant) {
        /* gsl_fit_linear gives exactly 0 here; state it rather than rely on it. */
        out->slope = 0.0;
        out->intercept = y[0];
        sse = 0.0;
        out->flags |= IND_TREND_F_CONSTANT;
        out->r2 = NAN;
    } else {
        out->r2 = 1.0 - sse / sst;
    }

    if (n == 2) {
        out->flags |= IND_TREND_F_NO_SE;
        out->se_slope = out->ci_low = out->ci_high = out->p = out->s2 = NAN;
        return IND_OK;
    }

    double df = (double)(n - 2);
    out->s2 = sse / df;
    if (out->s2 == 0.0) {
        /* Zero residuals: the slope is known without error. */
        if (!constant)
            out->flags |= IND_TREND_F_EXACT_FIT;
        out->se_slope = 0.0;
        out->ci_low = out->ci_high = out->slope;
        out->p = out->slope == 0.0 ? 1.0 : 0.0;
        return IND_OK;
    }
    out->se_slope = sqrt(out->s2 / stt);
    double q = t_quantile(1.0 - alpha / 2.0, df);
    out->ci_low = out->slope - q * out->se_slope;
    out->ci_high = out->slope + q * out->se_slope;
    out->t_stat = out->slope / out->se_slope;
    out->p = 2.0 * gsl_cdf_tdist_Q(fabs(out->t_stat), df);
    return IND_OK;
}

/* Model: a new observation at t0, y0 = a + b t0 + e0.
 * Outputs: yhat = a + b t0; PI yhat -/+ t(1-alpha/2, n-2) *
 * sqrt(s2 (1 + 1/n + (t0 - tbar)^2/Stt)). */
ind_status ind_trend_ols_predict(const ind_trend_ols *fit, double t0, double alpha,
                                 double *yhat, double *pi_low, double *pi_high)
{
    if (!fit || !yhat || !pi_low || !pi_high || !valid_alpha(alpha))
        return IND_EUSAGE;
    if (!isfinite(t0) || fit->n < 2)
        return IND_EDOMAIN;
    /* Centred form: avoids the cancellation of a + b t0 at t0 ~ 2000. */
    double ybar_fit = fit->intercept + fit->slope * fit->t_mean;
    double d = t0 - fit->t_mean;
    *yhat = ybar_fit + fit->slope * d;
    if (fit->n == 2) {
        *pi_low = *pi_high = NAN;
        return IND_OK;
    }
    if (fit->s2 == 0.0) {
        *pi_low = *pi_high = *yhat;
        return IND_OK;
    }
    double n = (double)fit->n;
    double se = sqrt(fit->s2 * (1.0 + 1.0 / n + d * d / fit->stt));
    double q = t_quantile(1.0 - alpha / 2.0, n - 2.0);
    *pi_low = *yhat - q * se;
    *pi_high = *yhat + q * se;
    return IND_OK;
}

/* The (1 - alpha) confidence interval of the fitted mean at t0:
 * yhat -/+ t(1 - alpha/2, n - 2) * sqrt(s2 (1/n + (t0 - tbar)^2 / Stt)), as R
 * predict(interval = "confidence"); the band drawn around a trend line. */
ind_status ind_trend_ols_confidence(const ind_trend_ols *fit, double t0, double alpha, double *yhat,
                                    double *lo, double *hi)
{
    if (!fit || !yhat || !lo || !hi || !valid_alpha(alpha))
        return IND_EUSAGE;
    if (!isfinite(t0) || fit->n < 2)
        return IND_EDOMAIN;
    double d = t0 - fit->t_mean;
    *yhat = fit->intercept + fit->slope * fit->t_mean + fit->slope * d;
    if (fit->n == 2) {
        *lo = *hi = NAN;
        return IND_OK;
    }
    double n = (double)fit->n;
    double se = sqrt(fit->s2 * (1.0 / n + d * d / fit->stt));
    double q = t_quantile(1.0 - alpha / 2.0, n - 2.0);
    *lo = *yhat - q * se;
    *hi = *yhat + q * se;
    return IND_OK;
}

/* ------------------------------------------------------------ Mann-Kendall */

/* Exact two-sided P(|S| >= |s|) for n values whose sorted copy is ys.
 *
 * With the times in order, S = C - D where C (D) counts the pairs i < j with
 * y_i < y_j (y_i > y_j). D is the number of inversions of the arrangement,
 * and C + D = K' = n(n-1)/2 - sum_g t_g(t_g-1)/2, so S = K' - 2D.
 * Under the null every distinct arrangement of the multiset is equally
 * likely. The generating function of D is the q-multinomial coefficient
 *   [n]_q! / prod_g [t_g]_q!,  [m]_q! = prod_{i=1..m} (1 + q + ... + q^(i-1)).
 * Without ties this is the Mahonian distribution. The coefficients are
 * counts bounded by n! <= 20! < 2^63, so int64 arithmetic is exact. */
static double mk_exact_p_sorted(const double *ys, size_t n, long s)
{
    /* The Mahonian counts of the last n asked for, per thread: batches of
     * series of one length rebuild nothing. */
    static _Thread_local int64_t mahonian[EXACT_MAX_K + 1];
    static _Thread_local size_t mahonian_n = 0;
    int64_t c[EXACT_MAX_K + 1];
    size_t deg = n * (n - 1) / 2;
    if (mahonian_n != n) {
        size_t d0 = 0;
        mahonian[0] = 1;
        /* Multiply by [m]_q for m = 2..n: new[r] = P[r] - P[r-m], P = prefix sums. */
        for (size_t m = 2; m <= n; m++) {
            size_t nd = d0 + m - 1;
            for (size_t r = d0 + 1; r <= nd; r++)
                mahonian[r] = 0;
            for (size_t r = 1; r <= nd; r++)
                mahonian[r] += mahonian[r - 1];
            for (size_t r = nd; r >= m; r--)
                mahonian[r] -= mahonian[r - m];
            d0 = nd;
        }
        mahonian_n = n;
    }
    for (size_t r = 0; r <= deg; r++)
        c[r] = mahonian[r];
    /* Divide by [t]_q! for each tie group: by [i]_q = (1 - q^i)/(1 - q),
     * i = 2..t, as a division by (1 - q^i) (running sums) followed by a
     * multiplication by (1 - q). The division is exact, so truncating the
     * intermediate power series at the current degree loses nothing. */
    for (size_t i0 = 0; i0 < n;) {
        size_t i1 = i0 + 1;
        while (i1 < n && ys[i1] == ys[i0])
            i1++;
        size_t tg = i1 - i0;
        for (size_t i = 2; i <= tg; i++) {
            for (size_t r = i; r <= deg; r++)
                c[r] += c[r - i];
            for (size_t r = deg; r >= 1; r--)
                c[r] -= c[r - 1];
            deg -= i - 1;
        }
        i0 = i1;
    }
    long as = s < 0 ? -s : s;
    int64_t total = 0, tail = 0;
    for (size_t r = 0; r <= deg; r++) {
        long sv = (long)deg - 2 * (long)r;
        total += c[r];
        if ((sv < 0 ? -sv : sv) >= as)
            tail += c[r];
    }
    return (double)tail / (double)total;
}

ind_status ind_trend_mk_exact_p(const double *y, size_t n, long s, double *p)
{
    if (!y || !p)
        return IND_EUSAGE;
    if (n > IND_TREND_MK_EXACT_MAX_N)
        return IND_EDOMAIN;
    ind_status st = check_series(NULL, y, n);
    if (st != IND_OK)
        return st;
    double ys[IND_TREND_MK_EXACT_MAX_N];
    for (size_t i = 0; i < n; i++)
        ys[i] = y[i];
    sort_doubles(ys, n);
    *p = mk_exact_p_sorted(ys, n, s);
    return IND_OK;
}

/* Model: y_1..y_n in time order; H0: all orderings equally likely (no trend).
 * Outputs: S, tie-corrected Var(S), continuity-corrected Z, the exact and the
 * normal two-sided p, tau-a and tau-b. */
ind_status ind_trend_mk_test(const double *y, size_t n, ind_trend_mk *out)
{
    if (!y || !out)
        return IND_EUSAGE;
    ind_status st = check_series(NULL, y, n);
    if (st != IND_OK)
        return st;

    double stackbuf[IND_TREND_STACK_N];
    double *ys = scratch(stackbuf, IND_TREND_STACK_N, n);
    if (!ys)
        return IND_ENOMEM;

    long s = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        double yi = y[i];
        for (size_t j = i + 1; j < n; j++)
            s += (y[j] > yi) - (y[j] < yi);
    }

    for (size_t i = 0; i < n; i++)
        ys[i] = y[i];
    sort_doubles(ys, n);
    double dn = (double)n;
    double var = dn * (dn - 1.0) * (2.0 * dn + 5.0);
    double tied_pairs = 0.0;
    size_t groups = 0;
    for (size_t i0 = 0; i0 < n;) {
        size_t i1 = i0 + 1;
        while (i1 < n && ys[i1] == ys[i0])
            i1++;
        double tg = (double)(i1 - i0);
        if (tg > 1.0) {
            groups++;
            var -= tg * (tg - 1.0) * (2.0 * tg + 5.0);
            tied_pairs += tg * (tg - 1.0) / 2.0;
        }
        i0 = i1;
    }
    var /= 18.0;

    *out = (ind_trend_mk){0};
    out->n = n;
    out->s = s;
    out->var_s = var;
    out->tie_groups = groups;
    if (groups)
        out->flags |= IND_TREND_F_TIES;
    double n0 = dn * (dn - 1.0) / 2.0;
    out->tau_a = (double)s / n0;
    out->tau_b = (n0 - tied_pairs) > 0.0 ? (double)s / sqrt((n0 - tied_pairs) * n0) : NAN;

    if (s > 0)
        out->z = ((double)s - 1.0) / sqrt(var);
    else if (s < 0)
        out->z = ((double)s + 1.0) / sqrt(var);
    else
        out->z = 0.0;
    out->p_normal = 2.0 * gsl_cdf_ugaussian_Q(fabs(out->z));

    if (n <= IND_TREND_MK_EXACT_MAX_N) {
        out->p_exact = mk_exact_p_sorted(ys, n, s);
        out->p = out->p_exact;
        out->method = IND_TREND_MK_EXACT;
    } else {
        out->p_exact = NAN;
        out->p = out->p_normal;
        out->method = IND_TREND_MK_NORMAL;
    }
    scratch_free(ys, stackbuf);
    return IND_OK;
}

/* ------------------------------------------------------------- Sen's slope */

/* Model: y_i = a + b t_i + e_i with a monotone, robust fit.
 * Outputs: b = median of the k pairwise slopes; a = median of y_i - b t_i;
 * CI = sorted slopes at ranks round((k - C)/2) and round((k + C)/2 + 1),
 * C = z(1 - alpha/2) sqrt(Var S) (R trend::sens.slope). */
ind_status ind_trend_sen_slope(const double *t, const double *y, size_t n, double var_s,
                               double alpha, ind_trend_sen *out)
{
    if (!t || !y || !out || !valid_alpha(alpha) || !(var_s >= 0.0) || !isfinite(var_s))
        return IND_EUSAGE;
    ind_status st = check_series(t, y, n);
    if (st != IND_OK)
        return st;

    size_t k = n * (n - 1) / 2;
    double stackbuf[STACK_PAIRS > IND_TREND_STACK_N ? STACK_PAIRS : IND_TREND_STACK_N];
    size_t stack_len = sizeof stackbuf / sizeof stackbuf[0];
    double *d = scratch(stackbuf, stack_len, k > n ? k : n);
    if (!d)
        return IND_ENOMEM;

    size_t m = 0;
    for (size_t i = 0; i + 1 < n; i++)
        for (size_t j = i + 1; j < n; j++)
            d[m++] = (y[j] - y[i]) / (t[j] - t[i]);

    *out = (ind_trend_sen){0};
    out->alpha = alpha;
    out->n_pairs = k;
    /* Order statistics by selection: no full sort of the k slopes. */
    out->slope = median_of(d, k);

    double c = z_quantile(1.0 - alpha / 2.0) * sqrt(var_s);
    double lo = nearbyint(((double)k - c) / 2.0);        /* R round(): half to even */
    double hi = nearbyint(((double)k + c) / 2.0 + 1.0);
    if (lo < 1.0) {
        lo = 1.0;
        out->flags |= IND_TREND_F_SEN_CLAMPED;
    }
    if (hi > (double)k) {
        hi = (double)k;
        out->flags |= IND_TREND_F_SEN_CLAMPED;
    }
    out->rank_low = (size_t)lo;
    out->rank_high = (size_t)hi;
    /* median_of left d partitioned about index k/2: each limit is selected in
     * its own half only, which halves the work of the two selections */
    size_t mid = k / 2, rl = out->rank_low - 1, rh = out->rank_high - 1;
    out->ci_low = rl < mid ? select_kth(d, mid, rl) : rl == mid ? d[mid] : select_kth(d + mid + 1, k - mid - 1, rl - mid - 1);
    out->ci_high = rh > mid ? select_kth(d + mid + 1, k - mid - 1, rh - mid - 1) : rh == mid ? d[mid] : select_kth(d, mid, rh);

    /* Intercept: the buffer holds max(k, n) values. */
    double *r = d;
    for (size_t i = 0; i < n; i++)
        r[i] = y[i] - out->slope * t[i];
    out->intercept = median_of(r, n);

    scratch_free(d, stackbuf);
    return IND_OK;
}

/* ----------------------------------------------------------- all, verdict */

ind_status ind_trend_analyse(const double *t, const double *y, size_t n, double alpha,
                             ind_trend_result *out)
{
    if (!t || !y || !out || !valid_alpha(alpha))
        return IND_EUSAGE;
    ind_status st = ind_trend_ols_fit(t, y, n, alpha, &out->ols);
    if (st != IND_OK)
        return st;
    st = ind_trend_mk_test(y, n, &out->mk);
    if (st != IND_OK)
        return st;
    st = ind_trend_sen_slope(t, y, n, out->mk.var_s, alpha, &out->sen);
    if (st != IND_OK)
        return st;
    out->n = n;
    out->alpha = alpha;
    out->t_first = t[0];
    out->t_last = t[n - 1];
    out->flags = out->ols.flags | out->mk.flags | out->sen.flags;
    return IND_OK;
}

ind_trend_verdict ind_trend_judge(const ind_trend_result *res, ind_direction direction,
                                  double alpha)
{
    if (!res || res->n < IND_TREND_MIN_POINTS)
        return IND_TREND_TOO_FEW_POINTS;
    if (res->n <= IND_TREND_MK_EXACT_MAX_N) {
        double fact = 1.0;
        for (size_t i = 2; i <= res->n; i++)
            fact *= (double)i;
        if (2.0 / fact >= alpha)
            return IND_TREND_TOO_FEW_POINTS;
    }
    if (!(res->mk.p < alpha))
        return IND_TREND_NO_CLEAR_TREND;
    int up;
    if (res->sen.slope > 0.0)
        up = 1;
    else if (res->sen.slope < 0.0)
        up = 0;
    else if (res->mk.s != 0)
        up = res->mk.s > 0;
    else
        return IND_TREND_NO_CLEAR_TREND;
    switch (direction) {
    case IND_DIR_HIGHER:
        return up ? IND_TREND_IMPROVING : IND_TREND_WORSENING;
    case IND_DIR_LOWER:
        return up ? IND_TREND_WORSENING : IND_TREND_IMPROVING;
    case IND_DIR_UNKNOWN:
    case IND_DIR_BAND:
    case IND_DIR_NEUTRAL:
    default:
        return up ? IND_TREND_INCREASING : IND_TREND_DECREASING;
    }
}

const char *ind_trend_verdict_name(ind_trend_verdict v)
{
    switch (v) {
    case IND_TREND_TOO_FEW_POINTS: return "too-few-points";
    case IND_TREND_NO_CLEAR_TREND: return "no-clear-trend";
    case IND_TREND_IMPROVING: return "improving";
    case IND_TREND_WORSENING: return "worsening";
    case IND_TREND_INCREASING: return "increasing";
    case IND_TREND_DECREASING: return "decreasing";
    }
    return "unknown";
}
