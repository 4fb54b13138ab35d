/* test_funnel.c: engine/funnel against golden fixtures written from
 * Spiegelhalter's formulas in R (tests/golden/funnel/make_fixtures.R, R 4.2.2),
 * plus a hand-worked case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "funnel.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#define REL 1e-9
#define ABS_FLOOR 1e-14

#define GOLDEN_FOLDER "funnel"
#include "golden_table.h"

static double worst;

static void check(const char *cas, const char *what, double got, double want, double rel)
{
    if (isnan(want)) {
        if (!isnan(got))
            fail_msg("%s: %s = %.17g, R gives NaN", cas, what, got);
        return;
    }
    if (want != 0.0 && fabs(got - want) / fabs(want) > worst)
        worst = fabs(got - want) / fabs(want);
    double tol = rel * fabs(want) + ABS_FLOOR;
    if (!(fabs(got - want) <= tol))
        fail_msg("%s: %s = %.17g, R gives %.17g", cas, what, got, want);
}

static ind_funnel_od od_of(const char *s)
{
    return strcmp(s, "auto") == 0 ? IND_FUNNEL_OD_AUTO : IND_FUNNEL_OD_NONE;
}

/* Fits the funnel of the fit.csv row with this case and od. */
static void fit_case(const table *fits, const char *cas, const char *od, ind_funnel_fit *fit,
                     size_t *row)
{
    for (size_t i = 0; i < fits->nrow; i++) {
        if (strcmp(str(fits, i, "case"), cas) || strcmp(str(fits, i, "od"), od))
            continue;
        size_t k, kn;
        double *xd = list(fits, i, "x", &k), *nd = list(fits, i, "n", &kn);
        assert_int_equal(k, kn);
        long *x = malloc(k * sizeof *x), *n = malloc(k * sizeof *n);
        assert_non_null(x);
        assert_non_null(n);
        for (size_t j = 0; j < k; j++) {
            x[j] = (long)xd[j];
            n[j] = (long)nd[j];
        }
        assert_int_equal(ind_funnel_fit_pr(x, n, k, od_of(od), IND_FUNNEL_TRIM, fit), IND_OK);
        free(x);
        free(n);
        free(xd);
        free(nd);
        *row = i;
        return;
    }
    fail_msg("no fit for %s %s", cas, od);
}

static void test_fit(void **state)
{
    (void)state;
    table *t = load("fit.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "fit %s od=%s", str(t, i, "case"), str(t, i, "od"));
        ind_funnel_fit f;
        size_t row;
        fit_case(t, str(t, i, "case"), str(t, i, "od"), &f, &row);
        check(cas, "target", f.target, num(t, i, "target"), REL);
        check(cas, "theta0", f.theta0, num(t, i, "theta0"), REL);
        check(cas, "z_lo", f.z_lo, num(t, i, "z_lo"), REL);
        check(cas, "z_hi", f.z_hi, num(t, i, "z_hi"), REL);
        check(cas, "phi", f.phi, num(t, i, "phi"), REL);
        check(cas, "tau2", f.tau2, num(t, i, "tau2"), REL);
        check(cas, "p_dispersion", f.p_dispersion, num(t, i, "p_dispersion"), 1e-7);
        assert_int_equal(f.overdispersed, (int)num(t, i, "overdispersed"));
        assert_int_equal(f.od, od_of(str(t, i, "od")));
    }
    print_message("fit: largest relative error %.2g\n", worst);
    worst = 0;
    unload(t);
}

static void test_units(void **state)
{
    (void)state;
    table *fits = load("fit.csv");
    table *t = load("units.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "unit %s od=%s #%s", str(t, i, "case"), str(t, i, "od"),
                 str(t, i, "unit"));
        ind_funnel_fit f;
        size_t row;
        fit_case(fits, str(t, i, "case"), str(t, i, "od"), &f, &row);
        long x = lnum(t, i, "x"), n = lnum(t, i, "n");
        ind_funnel_unit u;
        assert_int_equal(ind_funnel_place(&f, &x, &n, 1, &u), IND_OK);
        check(cas, "p", u.p, num(t, i, "p"), REL);
        check(cas, "z", u.z, num(t, i, "z"), REL);
        check(cas, "z_wins", u.z_wins, num(t, i, "z_wins"), REL);
        check(cas, "z_adj", u.z_adj, num(t, i, "z_adj"), REL);
        check(cas, "lo95", u.limits.lo95, num(t, i, "lo95"), REL);
        check(cas, "hi95", u.limits.hi95, num(t, i, "hi95"), REL);
        check(cas, "lo998", u.limits.lo998, num(t, i, "lo998"), REL);
        check(cas, "hi998", u.limits.hi998, num(t, i, "hi998"), REL);
        if ((int)u.cls != (int)lnum(t, i, "class"))
            fail_msg("%s: class %d (%s), R gives %ld", cas, (int)u.cls,
                     ind_funnel_class_name(u.cls), lnum(t, i, "class"));
    }
    print_message("units: largest relative error %.2g\n", worst);
    worst = 0;
    unload(t);
    unload(fits);
}

static void test_curve(void **state)
{
    (void)state;
    table *fits = load("fit.csv");
    table *t = load("curve.csv");
    for (size_t i = 0; i < t->nrow; i++) {
        char cas[128];
        snprintf(cas, sizeof cas, "curve %s od=%s n=%s", str(t, i, "case"), str(t, i, "od"),
                 str(t, i, "n"));
        ind_funnel_fit f;
        size_t row;
        fit_case(fits, str(t, i, "case"), str(t, i, "od"), &f, &row);
        ind_funnel_limits l;
        assert_int_equal(ind_funnel_limits_at(&f, num(t, i, "n"), &l), IND_OK);
        check(cas, "lo95", l.lo95, num(t, i, "lo95"), REL);
        check(cas, "hi95", l.hi95, num(t, i, "hi95"), REL);
        check(cas, "lo998", l.lo998, num(t, i, "lo998"), REL);
        check(cas, "hi998", l.hi998, num(t, i, "hi998"), REL);
        assert_true(l.lo998 <= l.lo95 && l.lo95 <= f.target && f.target <= l.hi95
                    && l.hi95 <= l.hi998);
        assert_true(l.lo998 >= 0.0 && l.hi998 <= 1.0);
    }
    print_message("curve: largest relative error %.2g\n", worst);
    worst = 0;
    unload(t);
    unload(fits);
}

/* Worked by hand. Three units 50/100, 30/60, 70/140: p-bar = 150/300 = 0.5,
 * theta0 = asin(sqrt 0.5) = pi/4, every unit exactly on target so phi = 0
 * and tau^2 = 0. At n = 100, s = 1/(2 sqrt 100) = 0.05 and, since
 * sin^2(pi/4 + a) = (1 + sin 2a)/2, the 95 % limits are
 * (1 -+ sin(2 * 1.959964 * 0.05))/2 = (1 -+ sin 0.1959964)/2. By the sine
 * series sin a = a - a^3/6 + a^5/120 - ... with a = 0.1959964:
 * 0.1959964 - 0.0012549 + 0.0000024 = 0.1947440, so the limits are
 * 0.402628 and 0.597372; likewise for 99.8 %, a = 0.3090232 gives
 * sin a = 0.3090232 - 0.0049183 + 0.0000235 - 0.0000001 = 0.3041283 and
 * limits 0.347936 and 0.652064. */
static void test_hand_worked(void **state)
{
    (void)state;
    long x[3] = { 50, 30, 70 }, n[3] = { 100, 60, 140 };
    ind_funnel_fit f;
    assert_int_equal(ind_funnel_fit_pr(x, n, 3, IND_FUNNEL_OD_AUTO, 0.1, &f), IND_OK);
    assert_true(f.target == 0.5);
    assert_true(fabs(f.theta0 - M_PI / 4) < 1e-15);
    assert_true(f.phi == 0.0 && f.tau2 == 0.0 && !f.overdispersed);
    ind_funnel_limits l;
    assert_int_equal(ind_funnel_limits_at(&f, 100, &l), IND_OK);
    assert_true(fabs(l.lo95 - 0.402628) < 5e-7);
    assert_true(fabs(l.hi95 - 0.597372) < 5e-7);
    assert_true(fabs(l.lo998 - 0.347936) < 5e-7);
    assert_true(fabs(l.hi998 - 0.652064) < 5e-7);
    /* The identity itself, to rounding. */
    assert_true(fabs(l.lo95 - (1 - sin(0.1959964)) / 2) < 1e-15);
    assert_true(fabs(l.hi998 - (1 + sin(0.3090232)) / 2) < 1e-15);

    /* Two units 18/100 and 61/148: with k = 2 the Winsorised z are the 10 %
     * and 90 % points between z1 and z2, and the DerSimonian-Laird
     * denominator sum w - sum w^2 / sum w with w = 4n = (400, 592) is
     * 2 * 400 * 592 / 992 = 477.41935..., so tau^2 = (2 phi - 1) / 477.41935. */
    long x2[2] = { 18, 61 }, n2[2] = { 100, 148 };
    assert_int_equal(ind_funnel_fit_pr(x2, n2, 2, IND_FUNNEL_OD_AUTO, 0.1, &f), IND_OK);
    ind_funnel_unit u[2];
    assert_int_equal(ind_funnel_place(&f, x2, n2, 2, u), IND_OK);
    double zl = u[0].z + 0.1 * (u[1].z - u[0].z), zh = u[0].z + 0.9 * (u[1].z - u[0].z);
    assert_true(fabs(f.phi - (zl * zl + zh * zh) / 2) < 1e-12 * f.phi);
    assert_true(fabs(f.tau2 - (2 * f.phi - 1) / (2.0 * 400 * 592 / 992)) < 1e-12 * f.tau2);
}

/* A limit that would cross 0 stays at 0 (FunnelPlotR would fold it back up). */
static void test_clamp(void **state)
{
    (void)state;
    long x[2] = { 1, 0 }, n[2] = { 22, 15 };
    ind_funnel_fit f;
    assert_int_equal(ind_funnel_fit_pr(x, n, 2, IND_FUNNEL_OD_NONE, 0.1, &f), IND_OK);
    ind_funnel_limits l;
    assert_int_equal(ind_funnel_limits_at(&f, 5, &l), IND_OK);
    assert_true(l.lo95 == 0.0 && l.lo998 == 0.0);
    double prev = 0.0;
    for (double nn = 1; nn < 1e5; nn *= 1.5) {
        assert_int_equal(ind_funnel_limits_at(&f, nn, &l), IND_OK);
        assert_true(l.lo95 >= prev);
        prev = l.lo95;
    }
    double lo, hi;
    assert_int_equal(ind_funnel_limit_z(&f, 1e12, 0.0, &lo, &hi), IND_OK);
    assert_true(fabs(lo - f.target) < 1e-15 && fabs(hi - f.target) < 1e-15);
}

static void test_bad_input(void **state)
{
    (void)state;
    ind_funnel_fit f;
    long x[2] = { 3, 5 }, n[2] = { 10, 4 };
    assert_int_equal(ind_funnel_fit_pr(x, n, 2, IND_FUNNEL_OD_AUTO, 0.1, &f), IND_EDOMAIN);
    n[1] = 0;
    assert_int_equal(ind_funnel_fit_pr(x, n, 2, IND_FUNNEL_OD_AUTO, 0.1, &f), IND_EDOMAIN);
    n[1] = 10;
    assert_int_equal(ind_funnel_fit_pr(x, n, 0, IND_FUNNEL_OD_AUTO, 0.1, &f), IND_EDOMAIN);
    assert_int_equal(ind_funnel_fit_pr(x, n, 2, IND_FUNNEL_OD_AUTO, 0.5, &f), IND_EDOMAIN);
    assert_int_equal(ind_funnel_fit_pr(x, n, 2, IND_FUNNEL_OD_AUTO, 0.1, &f), IND_OK);
    ind_funnel_limits l;
    assert_int_equal(ind_funnel_limits_at(&f, 0, &l), IND_EDOMAIN);
    assert_int_equal(ind_funnel_limits_at(&f, NAN, &l), IND_EDOMAIN);
    double lo, hi;
    assert_int_equal(ind_funnel_limit_z(&f, 10, -1, &lo, &hi), IND_EDOMAIN);
    long bx = 11, bn = 10;
    ind_funnel_unit u;
    assert_int_equal(ind_funnel_place(&f, &bx, &bn, 1, &u), IND_EDOMAIN);
    assert_string_equal(ind_funnel_class_name(IND_FUNNEL_ABOVE_998), "above 99.8 %");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_curve),
        cmocka_unit_test(test_hand_worked),
        cmocka_unit_test(test_clamp),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
