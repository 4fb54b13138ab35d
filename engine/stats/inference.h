/* inference.h: tests and intervals for comparing units (proportions, 2x2 and kx2 tables, means from summary statistics, ranks) and p-value adjustment, each mirroring R's stats package. */
#ifndef IND_INFERENCE_H
#define IND_INFERENCE_H

#include <stddef.h>

#include "ind_error.h"

/* The result of one test or interval. Fields a method does not produce are
 * NAN (numbers) or 0 (flags). Every test here is two-sided. */
typedef struct ind_inf_result {
    double statistic;   /* X-squared, t, F, W, Kruskal-Wallis chi-squared,
                           number of successes (exact binomial) */
    double df;          /* degrees of freedom; numerator df for F */
    double df2;         /* denominator df for F (Welch ANOVA) */
    double p;           /* two-sided p-value */
    double estimate;    /* the quantity the interval is for: p, p1 - p2,
                           mean1 - mean2 or the conditional MLE odds ratio */
    double estimate1;   /* first group: x1/n1 or mean 1 (R's "prop 1", "mean of x") */
    double estimate2;   /* second group: x2/n2 or mean 2 */
    double ci_lo;       /* confidence interval for estimate */
    double ci_hi;
    double conf_level;  /* level of that interval, e.g. 0.95 */
    double min_expected;/* smallest expected cell count (chi-square tests);
                           below 5 R warns "Chi-squared approximation may be
                           incorrect": prefer Fisher's exact test then */
    int exact;          /* 1 when p comes from an exact distribution */
    int corrected;      /* 1 when a continuity correction was applied */
    const char *method;         /* method as R prints it (static string) */
    const char *statistic_name; /* name R gives the statistic, or "" */
} ind_inf_result;

/* Interval for one proportion. */
typedef enum {
    IND_INF_WILSON = 0,      /* Wilson score interval, no correction:
                                R prop.test(x, n, p0, correct = FALSE) */
    IND_INF_WILSON_CC,       /* Wilson with continuity correction:
                                R prop.test(x, n, p0, correct = TRUE) */
    IND_INF_CLOPPER_PEARSON  /* exact interval and test: R binom.test(x, n, p0) */
} ind_inf_prop_method;

/* Samples smaller than this (both) get an exact Wilcoxon p by default. */
#define IND_INF_WILCOX_EXACT_N 50

/* Exact or normal p-value for the Wilcoxon rank-sum test. */
typedef enum {
    IND_INF_EXACT_AUTO = 0,  /* R's default (exact = NULL): exact when
                                nx < 50 and ny < 50 and there are no ties */
    IND_INF_EXACT_NEVER,     /* normal approximation (exact = FALSE) */
    IND_INF_EXACT_ALWAYS,    /* exact unless there are ties (exact = TRUE);
                                limited to nx * ny <= 10000 */
    IND_INF_EXACT_CONDITIONAL /* exact when nx < 50 and ny < 50, with ties
                                too: the permutation distribution of W given
                                the ties, as coin::wilcox_test(distribution =
                                "exact"); else the normal approximation */
} ind_inf_exact;

/* Multiple-comparison adjustment, as R p.adjust. */
typedef enum {
    IND_INF_ADJUST_NONE = 0,
    IND_INF_ADJUST_HOLM,     /* Holm (1979) step-down */
    IND_INF_ADJUST_BH        /* Benjamini & Hochberg (1995) false discovery rate */
} ind_inf_adjust;

/* One proportion x/n: interval and a test of H0: pi = p0.
 * WILSON and WILSON_CC follow R prop.test: interval
 *   (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
 * with p shifted by -+ c/n, c = min(0.5, |x - n p0|) for WILSON_CC and 0 for
 * WILSON; statistic X-squared = sum (|O - E| - c)^2 / E over (x, n - x)
 * against E = (n p0, n(1 - p0)), df 1; p0 must lie in (0, 1).
 * CLOPPER_PEARSON follows R binom.test: interval from beta quantiles,
 * two-sided exact p summing outcomes no more likely than x (relative
 * tolerance 1e-7); statistic = x; p0 in [0, 1].
 * Inputs x, n (0 <= x <= n, n >= 1), p0, conf_level in (0, 1).
 * Output: estimate = x/n, ci_lo, ci_hi, statistic, df, p, method. */
ind_status ind_inf_prop1(long x, long n, double p0, ind_inf_prop_method method,
                         double conf_level, ind_inf_result *res);

/* Two proportions x1/n1 and x2/n2, as R prop.test(c(x1, x2), c(n1, n2),
 * correct = correct). Pooled p = (x1 + x2)/(n1 + n2), expected counts
 * E = n_i p and n_i (1 - p); with correct != 0 Yates' correction
 * c = min(0.5, |p1 - p2| / (1/n1 + 1/n2)) (= |x1 - n1 p|), else c = 0;
 * X-squared = sum (|O - E| - c)^2 / E, df 1. Interval for p1 - p2:
 * d -+ (z sqrt(p1(1-p1)/n1 + p2(1-p2)/n2) + c (1/n1 + 1/n2)), clipped to
 * [-1, 1]. Returns IND_EDOMAIN (statistic and p NAN, interval filled) when
 * an expected count is zero (all successes or all failures), as R gives NaN. */
ind_status ind_inf_prop2(long x1, long n1, long x2, long n2, int correct,
                         double conf_level, ind_inf_result *res);

/* Two proportions by the rule R itself gives: Fisher's exact test
 * (ind_inf_fisher2x2) when an expected count of the 2x2 table is below 5,
 * where R's prop.test warns "Chi-squared approximation may be incorrect";
 * else prop.test with Yates' correction (ind_inf_prop2, correct = 1).
 * res->exact is 1 when Fisher's test ran. Returns what that test returns. */
ind_status ind_inf_prop2_auto(long x1, long n1, long x2, long n2, double conf_level,
                              ind_inf_result *res);

/* Newcombe's hybrid score interval for p1 - p2 (Newcombe 1998, method 10):
 * with Wilson limits (l_i, u_i) of each proportion (no correction),
 *   lower = d - sqrt((p1 - l1)^2 + (u2 - p2)^2),
 *   upper = d + sqrt((u1 - p1)^2 + (p2 - l2)^2).
 * No test: statistic and p are NAN. */
ind_status ind_inf_newcombe(long x1, long n1, long x2, long n2,
                            double conf_level, ind_inf_result *res);

/* Fisher's exact test for the 2x2 table with rows (x1, n1 - x1) and
 * (x2, n2 - x2), as R fisher.test: two-sided p = sum of the hypergeometric
 * probabilities not above that of the observed table (relative tolerance
 * 1e-7); estimate = conditional maximum-likelihood odds ratio, interval from
 * the noncentral hypergeometric tails (0 or Inf at the ends of the support,
 * as R). R finds these roots with uniroot's default tolerance (about 1e-4);
 * this solves the same equations to about 1e-12. */
ind_status ind_inf_fisher2x2(long x1, long n1, long x2, long n2,
                             double conf_level, ind_inf_result *res);

/* Pearson chi-square test of homogeneity for k units with x[i] successes of
 * n[i], the k x 2 table (x, n - x), as R chisq.test(cbind(x, n - x),
 * correct = correct): E_ij = row_i col_j / N, X-squared = sum (|O - E| - c)^2 / E,
 * df k - 1. R applies Yates' correction c = min(0.5, |O - E|) only for a
 * 2 x 2 table (k = 2) and only when correct != 0; for k > 2 c = 0 whatever
 * correct says. IND_EDOMAIN when a column total is zero (R gives NaN). */
ind_status ind_inf_chisq_k2(const long *x, const long *n, size_t k, int correct,
                            ind_inf_result *res);

/* Welch two-sample t test from summary statistics, as R
 * t.test(x, y, var.equal = FALSE): se_i = sqrt(sd_i^2 / n_i),
 * se = sqrt(se1^2 + se2^2), t = (mean1 - mean2)/se, Welch-Satterthwaite
 * df = se^4 / (se1^4/(n1 - 1) + se2^4/(n2 - 1)), p = 2 P(T_df > |t|),
 * interval (t -+ t_{df, 1 - alpha/2}) se. n1, n2 >= 2; IND_EDOMAIN when the
 * data are essentially constant (se < 10 eps max|mean|), as R. */
ind_status ind_inf_welch_t(double mean1, double sd1, size_t n1,
                           double mean2, double sd2, size_t n2,
                           double conf_level, ind_inf_result *res);

/* Welch's one-way ANOVA from k group summaries, as R
 * oneway.test(y ~ g, var.equal = FALSE): w_i = n_i / sd_i^2, weighted mean
 * m = sum w_i mean_i / sum w_i, h = sum (1 - w_i/sum w)^2 / (n_i - 1) / (k^2 - 1),
 * F = sum w_i (mean_i - m)^2 / ((k - 1)(1 + 2 (k - 2) h)), df1 = k - 1,
 * df2 = 1/(3h). k >= 2, every n_i >= 2 and sd_i > 0. */
ind_status ind_inf_welch_anova(const double *mean, const double *sd,
                               const size_t *n, size_t k, ind_inf_result *res);

/* Kruskal-Wallis rank-sum test with tie correction, as R kruskal.test(x, g):
 * H = (12/(N(N+1)) sum R_g^2/n_g - 3(N+1)) / (1 - sum (t^3 - t)/(N^3 - N)),
 * df = (number of groups) - 1. group[i] is any integer label of x[i];
 * values that are NaN are dropped (R's complete.cases). IND_EDOMAIN with
 * fewer than 2 groups or when all values are tied. */
ind_status ind_inf_kruskal(const double *x, const int *group, size_t n,
                           ind_inf_result *res);

/* Wilcoxon rank-sum (Mann-Whitney) test of x against y, as R
 * wilcox.test(x, y, exact = ..., correct = correct):
 * W = (sum of the ranks of x) - nx(nx+1)/2. Exact p (distribution of W by
 * counting; two-sided min(1, 2 x the smaller tail)) when asked for (see
 * ind_inf_exact) and there are no ties. With ties and
 * IND_INF_EXACT_CONDITIONAL (both samples below 50 values), the exact
 * conditional p as coin::wilcox_test(distribution = "exact"): every choice of
 * which nx of the N pooled values (with their mid-ranks) are x's equally
 * likely, p = P(|W - E W| >= |w - E W|), counted by tie groups over the
 * smaller sample (a table of (m + 1)(m (2N - m + 1) + 1) doubles, m the
 * smaller size: at most 2.9 MB and about 3e7 additions at 49 and 49;
 * method "Exact Wilcoxon-Mann-Whitney Test", coin's name).
 * Otherwise the normal approximation with tie-corrected variance
 * nx ny/12 ((N + 1) - sum (t^3 - t)/(N(N - 1))) and, when correct != 0,
 * continuity correction 0.5 sign(W - nx ny/2). res->exact tells which was
 * used, res->method names it as R does. Non-finite values are dropped
 * (R's is.finite). No location estimate (estimate is NAN). */
ind_status ind_inf_wilcox(const double *x, size_t nx, const double *y, size_t ny,
                          ind_inf_exact exact, int correct, ind_inf_result *res);

/* Mid-ranks (1-based, equal values share the mean of their ranks) of
 * v[0..n-1] into r[0..n-1], and the tie sum sum (t^3 - t) over the groups of
 * equal values; v must not hold NaN. */
ind_status ind_inf_midranks(const double *v, size_t n, double *r, double *tie_sum);

/* The normal approximation above from W, the sample sizes and the pooled
 * tie sum sum (t^3 - t) over tie groups, for callers that rank the values
 * once for many tests (one unit against the rest). Sets statistic, p,
 * method, exact = 0 and corrected. IND_EDOMAIN when the variance is 0. */
ind_status ind_inf_wilcox_normal(double W, size_t nx, size_t ny, double tie_sum, int correct,
                                 ind_inf_result *res);

/* The shift of x against y (Hodges-Lehmann) with its confidence interval, as
 * R wilcox.test(x, y, conf.int = TRUE, conf.level, exact, correct) gives them
 * as "difference in location". Exact (no ties, and exact chosen as for
 * ind_inf_wilcox): the estimate is the median of the nx ny differences
 * x_i - y_j, the interval (D_(qu), D_(nx ny + 1 - qu)) of the sorted
 * differences with qu = qwilcox(alpha/2, nx, ny) (at least 1); conf_level
 * becomes the achieved level when that is far off (R's warning). Otherwise
 * the normal approximation: the interval ends are the shifts d at which the
 * standardized statistic of x - d against y (tie-corrected, with the
 * continuity correction when correct) crosses -/+ z_(alpha/2), and the
 * estimate is where it crosses 0 without the correction, each found the way
 * R's uniroot finds them (Brent's method, tolerance 1e-4), so the numbers
 * agree with R's to the last digit (the crossing itself is known to 1e-4).
 * IND_INF_EXACT_CONDITIONAL is IND_INF_EXACT_AUTO here (with ties the
 * interval is the normal one, as R's).
 * Sets estimate, ci_lo, ci_hi, conf_level and exact of res, nothing else:
 * call it after ind_inf_wilcox. Non-finite values are dropped. IND_EDOMAIN
 * when all values are tied. */
ind_status ind_inf_wilcox_shift(const double *x, size_t nx, const double *y, size_t ny,
                                ind_inf_exact exact, int correct, double conf_level,
                                ind_inf_result *res);

/* Adjusted p-values as R p.adjust(p, method): NaN entries stay NaN and are
 * not counted in the number of tests m. Holm: sorted ascending,
 * cummax((m + 1 - i) p_(i)), capped at 1; BH: sorted descending,
 * cummin(m/i p_(i)), capped at 1. out may equal p. IND_EDOMAIN when a
 * p-value lies outside [0, 1] (R does not check). */
ind_status ind_inf_p_adjust(const double *p, size_t n, ind_inf_adjust method,
                            double *out);

#endif
