/* trend.h: trend statistics of one time series (OLS, Mann-Kendall, Sen's slope) and a direction-aware verdict. */
#ifndef IND_TREND_H
#define IND_TREND_H

#include <stddef.h>

#include "catalog.h"   /* ind_direction */
#include "ind_error.h"

/*
 * Conventions shared by every function here.
 *
 * A series is two arrays of length n: real times t[] (years as doubles; a
 * tertial k of year Y sits at Y + (k - 1)/3, a missing year is simply absent,
 * so it shows as a gap in t, never as a shift) and values y[]. The caller drops
 * missing points first: every t and y must be finite and t strictly increasing,
 * otherwise IND_EDOMAIN. NULL pointers and alpha outside (0, 1) give
 * IND_EUSAGE. Quantities that a method cannot define for the given data are
 * set to NaN and named by a flag; the call still returns IND_OK.
 *
 * No call allocates memory for n <= IND_TREND_STACK_N (fixed stack buffers);
 * larger series fall back to one malloc/free per call (IND_ENOMEM on failure).
 * All functions are reentrant; they keep a per-thread memo of the last
 * Student t quantile asked for.
 */

/* Series up to this length are handled without heap allocation. */
#define IND_TREND_STACK_N 32
/* The exact null distribution of the Mann-Kendall S is used up to this n
 * (with or without ties); above it, the normal approximation. */
#define IND_TREND_MK_EXACT_MAX_N 20
/* The verdict never reports a trend on fewer points than this. */
#define IND_TREND_MIN_POINTS 4

/* Flags (bit set) describing what could not be computed or was special. */
enum {
    IND_TREND_F_NO_SE = 1u << 0,        /* n = 2: OLS slope exact, no SE, CI, p, s2 */
    IND_TREND_F_CONSTANT = 1u << 1,     /* all y equal: slope 0, SE 0, p 1, R2 NaN */
    IND_TREND_F_EXACT_FIT = 1u << 2,    /* residuals exactly zero, y not constant: SE 0, p 0 */
    IND_TREND_F_TIES = 1u << 3,         /* some y values are tied */
    IND_TREND_F_SEN_CLAMPED = 1u << 4   /* a Sen CI rank fell outside 1..k and was clamped */
};

/* Ordinary least squares fit y = intercept + slope * t. */
typedef struct ind_trend_ols {
    size_t n;
    double alpha;       /* the CI is a (1 - alpha) interval */
    double slope;       /* b = Stt^-1 * sum (t - tbar)(y - ybar) */
    double intercept;   /* a = ybar - b * tbar (the value at t = 0) */
    double se_slope;    /* sqrt(s2 / Stt); NaN when n = 2 */
    double ci_low;      /* b - t(1 - alpha/2, n - 2) * SE; NaN when n = 2 */
    double ci_high;     /* b + t(1 - alpha/2, n - 2) * SE; NaN when n = 2 */
    double t_stat;      /* b / SE; NaN when n = 2 or SE = 0 */
    double p;           /* two-sided p of H0: slope = 0 (Student t, n - 2 df); NaN when n = 2 */
    double r2;          /* 1 - SSE / SST; NaN for constant y */
    double s2;          /* residual variance SSE / (n - 2); NaN when n = 2 */
    double t_mean;      /* tbar, kept for prediction */
    double stt;         /* sum (t - tbar)^2, kept for prediction */
    unsigned flags;     /* IND_TREND_F_NO_SE, _CONSTANT, _EXACT_FIT */
} ind_trend_ols;

/* How the Mann-Kendall p-value was obtained. */
typedef enum {
    IND_TREND_MK_EXACT = 0,  /* exact permutation distribution of S (given the tie pattern) */
    IND_TREND_MK_NORMAL = 1  /* normal approximation with continuity correction */
} ind_trend_mk_method;

/* Mann-Kendall test of a monotonic trend in y (time order only). */
typedef struct ind_trend_mk {
    size_t n;
    long s;             /* S = sum_{i<j} sgn(y_j - y_i) */
    double var_s;       /* Var(S) = [n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)] / 18 */
    double z;           /* (S - 1)/sqrt(Var) if S > 0, 0 if S = 0, (S + 1)/sqrt(Var) if S < 0 */
    double p;           /* two-sided p by `method` */
    double p_exact;     /* two-sided exact P(|S| >= |s|); NaN when n > IND_TREND_MK_EXACT_MAX_N */
    double p_normal;    /* two-sided 2(1 - Phi(|z|)), always computed */
    double tau_a;       /* S / (n(n-1)/2) (the Tau of pyMannKendall) */
    double tau_b;       /* S / sqrt((n0 - n1) * n0), n0 = n(n-1)/2, n1 = sum_g t_g(t_g-1)/2
                         * (times are distinct); NaN when all y are tied */
    size_t tie_groups;  /* number of groups of tied y values (size >= 2) */
    ind_trend_mk_method method;
    unsigned flags;     /* IND_TREND_F_TIES */
} ind_trend_mk;

/* Sen's (Theil-Sen) slope with the rank-based CI of R trend::sens.slope. */
typedef struct ind_trend_sen {
    double alpha;
    double slope;       /* median over i < j of (y_j - y_i) / (t_j - t_i) */
    double intercept;   /* median over i of (y_i - slope * t_i): line a + slope * t */
    double ci_low;      /* sorted slope at rank_low */
    double ci_high;     /* sorted slope at rank_high */
    size_t n_pairs;     /* k = n(n-1)/2 */
    size_t rank_low;    /* round((k - C)/2), C = z(1 - alpha/2) sqrt(Var S); 1-based, clamped */
    size_t rank_high;   /* round((k + C)/2 + 1); 1-based, clamped to k */
    unsigned flags;     /* IND_TREND_F_SEN_CLAMPED */
} ind_trend_sen;

/* Everything for one series. */
typedef struct ind_trend_result {
    size_t n;
    double alpha;
    double t_first, t_last;
    ind_trend_ols ols;
    ind_trend_mk mk;
    ind_trend_sen sen;
    unsigned flags;     /* union of the three parts' flags */
} ind_trend_result;

typedef enum {
    IND_TREND_TOO_FEW_POINTS = 0,
    IND_TREND_NO_CLEAR_TREND = 1,
    IND_TREND_IMPROVING = 2,
    IND_TREND_WORSENING = 3,
    IND_TREND_INCREASING = 4,   /* significant; direction neutral, band or unknown */
    IND_TREND_DECREASING = 5    /* significant; direction neutral, band or unknown */
} ind_trend_verdict;

/* OLS fit of y = a + b t by gsl_fit_linear, n >= 2 and t not all equal.
 * Outputs as described in ind_trend_ols. Special cases: n = 2 gives the exact
 * line with SE, CI, t, p and s2 NaN (flag NO_SE). If SSE is exactly zero the
 * slope is known without error: SE = 0, CI = [b, b], t NaN, and p = 1 when
 * the slope is 0 (constant y, flag CONSTANT, R2 NaN) or p = 0 otherwise (flag
 * EXACT_FIT, R2 = 1). */
ind_status ind_trend_ols_fit(const double *t, const double *y, size_t n, double alpha,
                             ind_trend_ols *out);

/* OLS prediction of a new observation at t0 from a fit: yhat = a + b t0 and
 * the (1 - alpha) prediction interval yhat -/+ t(1 - alpha/2, n - 2) *
 * sqrt(s2 (1 + 1/n + (t0 - tbar)^2 / Stt)) (as R predict(interval =
 * "prediction")). With n = 2 the interval is NaN; with s2 = 0 it is [yhat, yhat]. */
ind_status ind_trend_ols_predict(const ind_trend_ols *fit, double t0, double alpha,
                                 double *yhat, double *pi_low, double *pi_high);

/* The (1 - alpha) confidence interval of the fitted mean line at t0, as R
 * predict(interval = "confidence"): the band drawn around a trend line. */
ind_status ind_trend_ols_confidence(const ind_trend_ols *fit, double t0, double alpha, double *yhat,
                                    double *lo, double *hi);

/* Mann-Kendall test on y in time order, n >= 2 (t is not needed: only the
 * order matters). The exact two-sided p is P(|S| >= |s|) under the null that
 * all distinct orderings of the observed multiset of values are equally likely
 * (the permutation distribution conditional on the tie pattern), computed by
 * the Mahonian / q-multinomial recurrence; used when n <= IND_TREND_MK_EXACT_MAX_N,
 * otherwise p = p_normal. */
ind_status ind_trend_mk_test(const double *y, size_t n, ind_trend_mk *out);

/* Exact two-sided P(|S| >= |s|) for the Mann-Kendall S of n values with the
 * tie pattern of y (only the multiset of y matters), 2 <= n <=
 * IND_TREND_MK_EXACT_MAX_N, else IND_EDOMAIN. */
ind_status ind_trend_mk_exact_p(const double *y, size_t n, long s, double *p);

/* Sen's slope over real time with the CI of R trend::sens.slope, using the
 * given Var(S) (tie-corrected, from ind_trend_mk_test). Ranks are rounded
 * half to even like R's round() and clamped to 1..k. n >= 2. */
ind_status ind_trend_sen_slope(const double *t, const double *y, size_t n, double var_s,
                               double alpha, ind_trend_sen *out);

/* OLS, Mann-Kendall and Sen's slope of one series into one result. */
ind_status ind_trend_analyse(const double *t, const double *y, size_t n, double alpha,
                             ind_trend_result *out);

/* Direction-aware verdict on a result, at significance level alpha:
 * - TOO_FEW_POINTS when n < IND_TREND_MIN_POINTS or when 2/n! >= alpha, i.e.
 *   the exact Mann-Kendall test could not reach p < alpha even for a
 *   perfectly monotone series of n distinct values (n <= 4 at alpha = 0.05);
 * - NO_CLEAR_TREND when the Mann-Kendall p >= alpha (or is NaN);
 * - otherwise the sign of Sen's slope (the sign of S when Sen's slope is 0)
 *   gives the direction: IMPROVING / WORSENING for IND_DIR_HIGHER and
 *   IND_DIR_LOWER, INCREASING / DECREASING for IND_DIR_NEUTRAL, IND_DIR_BAND
 *   (moving away from or towards a band is not judged here) and
 *   IND_DIR_UNKNOWN. */
ind_trend_verdict ind_trend_judge(const ind_trend_result *res, ind_direction direction,
                                  double alpha);

/* Stable lower-case name of a verdict ("improving", "too-few-points", ...). */
const char *ind_trend_verdict_name(ind_trend_verdict v);

#endif
