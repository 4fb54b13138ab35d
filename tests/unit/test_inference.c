/* test_inference.c: engine/inference against golden fixtures from R
 * (tests/golden/inference/, made by make_fixtures.R with R 4.2.2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inference.h"

#define REL_STAT 1e-9 /* statistics, estimates, intervals */
#define REL_P 1e-7    /* p-values */
#define ABS_FLOOR 1e-14

#define GOLDEN_FOLDER "inference"
#include "golden_table.h"

/* Largest relative error seen since the last report, for the log. */
static double worst_stat, worst_p;

static void report(const char *name)
{
    print_message("%s: largest relative error %.2g (statistics), %.2g (p-values)\n", name,
                  worst_stat, worst_p);
    worst_stat = worst_p = 0.0;
}

static void check(const char *cas, const char *what, double got, double want, double rel)
{
    if (isfinite(want) && isfinite(got) && want != 0.0) {
        double e = fabs(got - want) / fabs(want);
        double *w = rel == REL_P ? &worst_p : &worst_stat;
        if (e > *w)
            *w = e;
    }
    if (isnan(want)) {
        if (!isnan(got))
            fail_msg("%s: %s = %.17g, R gives NaN", cas, what, got);
        return;
    }
    if (isinf(want)) {
        if (got != want)
            fail_msg("%s: %s = %.17g, R gives %g", cas, what, got, want);
        return;
    }
    double tol = rel * fabs(want) + ABS_FLOOR;
    if (!(fabs(got - want) <= tol))
        fail_msg("%s: %s = %.17g, R gives %.17g (rel. error %.3g)", cas, what, got, want,
                 fabs(got - want) / fabs(want));
}

static void check_str(const char *cas, const char *got, const char *want)
{
    if (strcmp(got, want) != 0)
        fail_msg("%s: method '%s', R prints '%s'", cas, got, want);
}

/* ---- tests ---------------------------------------------------------------- */

/* domain.md section 2: 18/100 against 61/148, stated to R's printed digits. */
static void test_prop2_reference(void **state)
{
    (void)state;
    ind_inf_result r;
    assert_int_equal(ind_inf_prop2(18, 100, 61, 148, 1, 0.95, &r), IND_OK);
    assert_true(fabs(r.statistic - 13.7676) < 5e-5);
    assert_true(r.df == 1.0);
    assert_true(fabs(r.p - 0.0002069) < 5e-8);
    assert_true(fabs(r.ci_lo - -0.3498963) < 5e-8);
    assert_true(fabs(r.ci_hi - -0.1144280) < 5e-8);
    assert_int_equal(r.corrected, 1);
    assert_string_equal(r.statistic_name, "X-squared");
}

static void test_prop1(void **state)
{
    (void)state;
    table *t = load("prop1.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        const char *m = str(t, i, "method");
        snprintf(cas, sizeof cas, "prop1 %s %s conf %g", str(t, i, "case"), m, num(t, i, "conf"));
        ind_inf_prop_method meth = strcmp(m, "wilson") == 0      ? IND_INF_WILSON
                                 : strcmp(m, "wilson_cc") == 0 ? IND_INF_WILSON_CC
                                                               : IND_INF_CLOPPER_PEARSON;
        ind_inf_result r;
        ind_status st = ind_inf_prop1(lnum(t, i, "x"), lnum(t, i, "n"), num(t, i, "p0"), meth,
                                      num(t, i, "conf"), &r);
        if (st != IND_OK)
            fail_msg("%s: status %d", cas, st);
        check(cas, "statistic", r.statistic, num(t, i, "statistic"), REL_STAT);
        check(cas, "df", r.df, num(t, i, "df"), REL_STAT);
        check(cas, "p", r.p, num(t, i, "p"), REL_P);
        check(cas, "estimate", r.estimate, num(t, i, "estimate"), REL_STAT);
        check(cas, "ci_lo", r.ci_lo, num(t, i, "ci_lo"), REL_STAT);
        check(cas, "ci_hi", r.ci_hi, num(t, i, "ci_hi"), REL_STAT);
        check_str(cas, r.method, str(t, i, "rmethod"));
        assert_int_equal(r.exact, meth == IND_INF_CLOPPER_PEARSON);
    }
    report("prop1");
    unload(t);
}

static void test_prop2(void **state)
{
    (void)state;
    table *t = load("prop2.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "prop2 %s correct=%ld", str(t, i, "case"), lnum(t, i, "correct"));
        ind_inf_result r;
        ind_status st = ind_inf_prop2(lnum(t, i, "x1"), lnum(t, i, "n1"), lnum(t, i, "x2"),
                                      lnum(t, i, "n2"), (int)lnum(t, i, "correct"),
                                      num(t, i, "conf"), &r);
        double want_stat = num(t, i, "statistic");
        /* R returns NaN where an expected count is zero: the engine says EDOMAIN. */
        if (st != (isnan(want_stat) ? IND_EDOMAIN : IND_OK))
            fail_msg("%s: status %d", cas, st);
        check(cas, "statistic", r.statistic, want_stat, REL_STAT);
        check(cas, "df", r.df, num(t, i, "df"), REL_STAT);
        check(cas, "p", r.p, num(t, i, "p"), REL_P);
        check(cas, "est1", r.estimate1, num(t, i, "est1"), REL_STAT);
        check(cas, "est2", r.estimate2, num(t, i, "est2"), REL_STAT);
        check(cas, "ci_lo", r.ci_lo, num(t, i, "ci_lo"), REL_STAT);
        check(cas, "ci_hi", r.ci_hi, num(t, i, "ci_hi"), REL_STAT);
        check_str(cas, r.method, str(t, i, "rmethod"));
    }
    report("prop2");
    unload(t);
}

static void test_newcombe(void **state)
{
    (void)state;
    table *t = load("newcombe.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "newcombe %s conf %g", str(t, i, "case"), num(t, i, "conf"));
        ind_inf_result r;
        assert_int_equal(ind_inf_newcombe(lnum(t, i, "x1"), lnum(t, i, "n1"), lnum(t, i, "x2"),
                                          lnum(t, i, "n2"), num(t, i, "conf"), &r),
                         IND_OK);
        check(cas, "estimate", r.estimate, num(t, i, "estimate"), REL_STAT);
        check(cas, "ci_lo", r.ci_lo, num(t, i, "ci_lo"), REL_STAT);
        check(cas, "ci_hi", r.ci_hi, num(t, i, "ci_hi"), REL_STAT);
        assert_true(isnan(r.p));
    }
    report("newcombe");
    unload(t);
    /* Newcombe (1998) Table II, method 10, to the four decimals printed there:
     * (a) 56/70 - 48/80: 0.0524 to 0.3339; (b) 9/10 - 3/10: 0.1705 to 0.8090. */
    ind_inf_result r;
    assert_int_equal(ind_inf_newcombe(56, 70, 48, 80, 0.95, &r), IND_OK);
    assert_true(fabs(r.ci_lo - 0.0524) < 5e-5 && fabs(r.ci_hi - 0.3339) < 5e-5);
    assert_int_equal(ind_inf_newcombe(9, 10, 3, 10, 0.95, &r), IND_OK);
    assert_true(fabs(r.ci_lo - 0.1705) < 5e-5 && fabs(r.ci_hi - 0.8090) < 5e-5);
}

/* R's fisher.test finds its roots with uniroot(tol = eps^0.25) in
 * t = OR (OR < 1) or t = 1/OR (OR > 1), t in (0, 1): compare there. */
static void check_uniroot(const char *cas, const char *what, double got, double want)
{
    if (isinf(want) || want == 0.0 || isnan(want)) {
        check(cas, what, got, want, 0.0);
        return;
    }
    double tg = got > 1 ? 1 / got : got, tw = want > 1 ? 1 / want : want;
    if (!(fabs(tg - tw) <= 2.5e-4))
        fail_msg("%s: %s = %.17g, R's fisher.test gives %.17g", cas, what, got, want);
}

static void test_fisher(void **state)
{
    (void)state;
    table *t = load("fisher.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "fisher %s conf %g", str(t, i, "case"), num(t, i, "conf"));
        ind_inf_result r;
        ind_status st = ind_inf_fisher2x2(lnum(t, i, "x1"), lnum(t, i, "n1"), lnum(t, i, "x2"),
                                          lnum(t, i, "n2"), num(t, i, "conf"), &r);
        if (st != IND_OK)
            fail_msg("%s: status %d", cas, st);
        check(cas, "p", r.p, num(t, i, "p"), REL_P);
        /* Roots of R's equations solved to 1e-15 in R: agreement is limited
         * by the conditioning of the equations, not by the solvers. */
        check(cas, "odds ratio", r.estimate, num(t, i, "or"), 1e-9);
        check(cas, "ci_lo", r.ci_lo, num(t, i, "ci_lo"), 1e-9);
        check(cas, "ci_hi", r.ci_hi, num(t, i, "ci_hi"), 1e-9);
        check_uniroot(cas, "odds ratio (R)", r.estimate, num(t, i, "or_r"));
        check_uniroot(cas, "ci_lo (R)", r.ci_lo, num(t, i, "ci_lo_r"));
        check_uniroot(cas, "ci_hi (R)", r.ci_hi, num(t, i, "ci_hi_r"));
        check_str(cas, r.method, str(t, i, "rmethod"));
        assert_int_equal(r.exact, 1);
    }
    report("fisher");
    unload(t);
}

static void test_chisq(void **state)
{
    (void)state;
    table *t = load("chisq.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "chisq %s correct=%ld", str(t, i, "case"), lnum(t, i, "correct"));
        size_t kx, kn;
        double *xd = list(t, i, "x", &kx), *nd = list(t, i, "n", &kn);
        assert_int_equal(kx, kn);
        long *x = malloc(kx * sizeof *x), *n = malloc(kx * sizeof *n);
        assert_non_null(x);
        assert_non_null(n);
        for (size_t j = 0; j < kx; j++) {
            x[j] = (long)xd[j];
            n[j] = (long)nd[j];
        }
        ind_inf_result r;
        ind_status st = ind_inf_chisq_k2(x, n, kx, (int)lnum(t, i, "correct"), &r);
        double want_stat = num(t, i, "statistic");
        if (st != (isnan(want_stat) ? IND_EDOMAIN : IND_OK))
            fail_msg("%s: status %d", cas, st);
        check(cas, "statistic", r.statistic, want_stat, REL_STAT);
        check(cas, "df", r.df, num(t, i, "df"), REL_STAT);
        check(cas, "p", r.p, num(t, i, "p"), REL_P);
        check_str(cas, r.method, str(t, i, "rmethod"));
        free(x);
        free(n);
        free(xd);
        free(nd);
    }
    report("chisq");
    unload(t);
}

static void test_welch_t(void **state)
{
    (void)state;
    table *t = load("welch_t.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "welch_t %s conf %g", str(t, i, "case"), num(t, i, "conf"));
        ind_inf_result r;
        ind_status st = ind_inf_welch_t(num(t, i, "m1"), num(t, i, "s1"), (size_t)lnum(t, i, "n1"),
                                        num(t, i, "m2"), num(t, i, "s2"), (size_t)lnum(t, i, "n2"),
                                        num(t, i, "conf"), &r);
        if (st != IND_OK)
            fail_msg("%s: status %d", cas, st);
        check(cas, "t", r.statistic, num(t, i, "t"), REL_STAT);
        check(cas, "df", r.df, num(t, i, "df"), REL_STAT);
        check(cas, "p", r.p, num(t, i, "p"), REL_P);
        check(cas, "ci_lo", r.ci_lo, num(t, i, "ci_lo"), REL_STAT);
        check(cas, "ci_hi", r.ci_hi, num(t, i, "ci_hi"), REL_STAT);
        check(cas, "estimate", r.estimate, num(t, i, "m1") - num(t, i, "m2"), REL_STAT);
        check_str(cas, r.method, str(t, i, "rmethod"));
    }
    report("welch_t");
    unload(t);
}

static void test_welch_anova(void **state)
{
    (void)state;
    table *t = load("welch_anova.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "welch_anova %s", str(t, i, "case"));
        size_t k1, k2, k3;
        double *m = list(t, i, "means", &k1), *s = list(t, i, "sds", &k2);
        double *nd = list(t, i, "ns", &k3);
        assert_true(k1 == k2 && k2 == k3 && k1 == (size_t)lnum(t, i, "k"));
        size_t *n = malloc(k1 * sizeof *n);
        assert_non_null(n);
        for (size_t j = 0; j < k1; j++)
            n[j] = (size_t)nd[j];
        ind_inf_result r;
        ind_status st = ind_inf_welch_anova(m, s, n, k1, &r);
        if (st != IND_OK)
            fail_msg("%s: status %d", cas, st);
        check(cas, "F", r.statistic, num(t, i, "F"), REL_STAT);
        check(cas, "df1", r.df, num(t, i, "df1"), REL_STAT);
        check(cas, "df2", r.df2, num(t, i, "df2"), REL_STAT);
        check(cas, "p", r.p, num(t, i, "p"), REL_P);
        check_str(cas, r.method, str(t, i, "rmethod"));
        free(m);
        free(s);
        free(nd);
        free(n);
    }
    report("welch_anova");
    unload(t);
}

static void test_kruskal(void **state)
{
    (void)state;
    table *t = load("kruskal.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "kruskal %s", str(t, i, "case"));
        size_t nx, ng;
        double *x = list(t, i, "x", &nx), *gd = list(t, i, "g", &ng);
        assert_int_equal(nx, ng);
        int *g = malloc(nx * sizeof *g);
        assert_non_null(g);
        for (size_t j = 0; j < nx; j++)
            g[j] = (int)gd[j];
        ind_inf_result r;
        ind_status st = ind_inf_kruskal(x, g, nx, &r);
        if (st != IND_OK)
            fail_msg("%s: status %d", cas, st);
        check(cas, "statistic", r.statistic, num(t, i, "statistic"), REL_STAT);
        check(cas, "df", r.df, num(t, i, "df"), REL_STAT);
        check(cas, "p", r.p, num(t, i, "p"), REL_P);
        check_str(cas, r.method, str(t, i, "rmethod"));
        free(x);
        free(gd);
        free(g);
    }
    report("kruskal");
    unload(t);
}

static void test_wilcox(void **state)
{
    (void)state;
    table *t = load("wilcox.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[160];
        const char *ex = str(t, i, "exact");
        snprintf(cas, sizeof cas, "wilcox %s exact=%s correct=%ld", str(t, i, "case"), ex,
                 lnum(t, i, "correct"));
        size_t nx, ny;
        double *x = list(t, i, "x", &nx), *y = list(t, i, "y", &ny);
        ind_inf_exact mode = strcmp(ex, "auto") == 0    ? IND_INF_EXACT_AUTO
                           : strcmp(ex, "never") == 0 ? IND_INF_EXACT_NEVER
                           : strcmp(ex, "conditional") == 0 ? IND_INF_EXACT_CONDITIONAL
                                                      : IND_INF_EXACT_ALWAYS;
        ind_inf_result r;
        ind_status st = ind_inf_wilcox(x, nx, y, ny, mode, (int)lnum(t, i, "correct"), &r);
        if (st != IND_OK)
            fail_msg("%s: status %d", cas, st);
        check(cas, "W", r.statistic, num(t, i, "W"), REL_STAT);
        check(cas, "p", r.p, num(t, i, "p"), REL_P);
        check_str(cas, r.method, str(t, i, "rmethod"));
        const char *rm = str(t, i, "rmethod");
        assert_int_equal(r.exact, strstr(rm, "exact") != NULL || strstr(rm, "Exact") != NULL);
        /* the shift and its interval: R's own uniroot iterates, to the last digits */
        st = ind_inf_wilcox_shift(x, nx, y, ny, mode, (int)lnum(t, i, "correct"), 0.95, &r);
        if (st != IND_OK)
            fail_msg("%s: shift status %d", cas, st);
        check(cas, "estimate", r.estimate, num(t, i, "estimate"), REL_STAT);
        check(cas, "ci_lo", r.ci_lo, num(t, i, "ci_lo"), REL_STAT);
        check(cas, "ci_hi", r.ci_hi, num(t, i, "ci_hi"), REL_STAT);
        check(cas, "conf_level", r.conf_level, num(t, i, "conf_level"), REL_STAT);
        free(x);
        free(y);
    }
    report("wilcox");
    unload(t);
}

static void test_padjust(void **state)
{
    (void)state;
    table *t = load("padjust.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        const char *m = str(t, i, "method");
        snprintf(cas, sizeof cas, "p.adjust %s %s", str(t, i, "case"), m);
        ind_inf_adjust meth = strcmp(m, "holm") == 0 ? IND_INF_ADJUST_HOLM
                            : strcmp(m, "BH") == 0   ? IND_INF_ADJUST_BH
                                                     : IND_INF_ADJUST_NONE;
        size_t n, na;
        double *p = list(t, i, "p", &n), *want = list(t, i, "adjusted", &na);
        assert_int_equal(n, na);
        double *got = malloc(n * sizeof *got);
        assert_non_null(got);
        assert_int_equal(ind_inf_p_adjust(p, n, meth, got), IND_OK);
        for (size_t j = 0; j < n; j++)
            check(cas, "adjusted p", got[j], want[j], REL_P);
        /* In place gives the same. */
        assert_int_equal(ind_inf_p_adjust(p, n, meth, p), IND_OK);
        for (size_t j = 0; j < n; j++)
            check(cas, "adjusted p (in place)", p[j], want[j], REL_P);
        free(p);
        free(want);
        free(got);
    }
    report("padjust");
    unload(t);
}

/* k = 2 chi-square with correction is prop.test; Welch ANOVA with k = 2 is t^2. */
static void test_identities(void **state)
{
    (void)state;
    ind_inf_result a, b;
    long x[2] = { 18, 61 }, n[2] = { 100, 148 };
    assert_int_equal(ind_inf_chisq_k2(x, n, 2, 1, &a), IND_OK);
    assert_int_equal(ind_inf_prop2(18, 100, 61, 148, 1, 0.95, &b), IND_OK);
    assert_true(fabs(a.statistic - b.statistic) < 1e-12 * b.statistic);
    double m[2] = { 9.6, 12.3 }, s[2] = { 2.0, 2.9 };
    size_t nn[2] = { 8, 12 };
    assert_int_equal(ind_inf_welch_anova(m, s, nn, 2, &a), IND_OK);
    assert_int_equal(ind_inf_welch_t(9.6, 2.0, 8, 12.3, 2.9, 12, 0.95, &b), IND_OK);
    assert_true(fabs(a.statistic - b.statistic * b.statistic) < 1e-12 * a.statistic);
    assert_true(fabs(a.df2 - b.df) < 1e-12 * b.df);
    assert_true(fabs(a.p - b.p) < 1e-10);
}

static void test_bad_input(void **state)
{
    (void)state;
    ind_inf_result r;
    assert_int_equal(ind_inf_prop1(5, 4, 0.5, IND_INF_WILSON, 0.95, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_prop1(1, 0, 0.5, IND_INF_WILSON, 0.95, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_prop1(1, 4, 1.0, IND_INF_WILSON, 0.95, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_prop1(1, 4, 0.5, IND_INF_WILSON, 1.0, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_prop2(-1, 4, 1, 4, 1, 0.95, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_fisher2x2(1, 4, 5, 4, 0.95, &r), IND_EDOMAIN);
    long x[1] = { 1 }, n[1] = { 4 };
    assert_int_equal(ind_inf_chisq_k2(x, n, 1, 0, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_welch_t(1, 1, 1, 2, 1, 5, 0.95, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_welch_t(3, 0, 4, 3, 0, 5, 0.95, &r), IND_EDOMAIN);
    double m[2] = { 1, 2 }, s[2] = { 1, 0 };
    size_t nn[2] = { 3, 3 };
    assert_int_equal(ind_inf_welch_anova(m, s, nn, 2, &r), IND_EDOMAIN);
    double v[4] = { 1, 2, 3, 4 };
    int g1[4] = { 5, 5, 5, 5 };
    assert_int_equal(ind_inf_kruskal(v, g1, 4, &r), IND_EDOMAIN);
    double same[4] = { 2, 2, 2, 2 };
    int g2[4] = { 1, 1, 2, 2 };
    assert_int_equal(ind_inf_kruskal(same, g2, 4, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_wilcox(same, 2, same + 2, 2, IND_INF_EXACT_AUTO, 1, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_wilcox(v, 0, v, 4, IND_INF_EXACT_AUTO, 1, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_wilcox_shift(same, 2, same + 2, 2, IND_INF_EXACT_AUTO, 1, 0.95, &r), IND_EDOMAIN);
    assert_true(isnan(r.estimate) && isnan(r.ci_lo) && isnan(r.ci_hi));
    assert_int_equal(ind_inf_wilcox_shift(v, 0, v, 4, IND_INF_EXACT_AUTO, 1, 0.95, &r), IND_EDOMAIN);
    assert_int_equal(ind_inf_wilcox_shift(v, 2, v + 2, 2, IND_INF_EXACT_AUTO, 1, 1.0, &r), IND_EDOMAIN);
    /* exact, by hand: x - y over {3,4} x {1,2} = {1, 2, 2, 3}; median 2 */
    assert_int_equal(ind_inf_wilcox_shift(v + 2, 2, v, 2, IND_INF_EXACT_AUTO, 1, 0.95, &r), IND_OK);
    assert_true(r.exact && r.estimate == 2.0);
    double p[2] = { 0.5, 1.5 }, out[2];
    assert_int_equal(ind_inf_p_adjust(p, 2, IND_INF_ADJUST_HOLM, out), IND_EDOMAIN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prop2_reference),
        cmocka_unit_test(test_prop1),
        cmocka_unit_test(test_prop2),
        cmocka_unit_test(test_newcombe),
        cmocka_unit_test(test_fisher),
        cmocka_unit_test(test_chisq),
        cmocka_unit_test(test_welch_t),
        cmocka_unit_test(test_welch_anova),
        cmocka_unit_test(test_kruskal),
        cmocka_unit_test(test_wilcox),
        cmocka_unit_test(test_padjust),
        cmocka_unit_test(test_identities),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
