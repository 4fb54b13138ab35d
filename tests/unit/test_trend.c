/* test_trend.c: OLS, Mann-Kendall and Sen's slope against golden values from R
 * (tests/golden/trend/generate.R), the exact null distribution of S against
 * brute-force enumeration, and the verdict rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trend.h"

#define MAX_CASES 64
#define MAX_POINTS 512
#define MAX_EXPECTED 1024

typedef struct {
    char name[32];
    size_t n;
    double t[MAX_POINTS];
    double y[MAX_POINTS];
} series_case;

typedef struct {
    char name[32];
    char quantity[32];
    double value;
} expected_value;

static series_case cases[MAX_CASES];
static size_t n_cases;
static expected_value expected[MAX_EXPECTED];
static size_t n_expected;

/* ------------------------------------------------------------- fixtures */

static FILE *open_golden(const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/golden/trend/%s", IND_TEST_DIR, file);
    FILE *f = fopen(path, "r");
    if (!f)
        fprintf(stderr, "cannot open %s\n", path);
    return f;
}

/* Splits "a,b,c" in place into at most 3 fields; returns the count. */
static int split3(char *line, char **f)
{
    int k = 0;
    line[strcspn(line, "\r\n")] = '\0';
    f[k++] = line;
    for (char *p = line; *p && k < 3; p++)
        if (*p == ',') {
            *p = '\0';
            f[k++] = p + 1;
        }
    return k;
}

static series_case *find_case(const char *name)
{
    for (size_t i = 0; i < n_cases; i++)
        if (strcmp(cases[i].name, name) == 0)
            return &cases[i];
    return NULL;
}

static int load_fixtures(void **state)
{
    (void)state;
    char line[256], *f[3];
    FILE *fs = open_golden("series.csv");
    if (!fs)
        return -1;
    while (fgets(line, sizeof line, fs)) {
        if (line[0] == '#' || strncmp(line, "case,", 5) == 0)
            continue;
        if (split3(line, f) != 3)
            continue;
        series_case *c = find_case(f[0]);
        if (!c) {
            if (n_cases == MAX_CASES)
                return -1;
            c = &cases[n_cases++];
            snprintf(c->name, sizeof c->name, "%s", f[0]);
        }
        if (c->n == MAX_POINTS)
            return -1;
        c->t[c->n] = strtod(f[1], NULL);
        c->y[c->n] = strtod(f[2], NULL);
        c->n++;
    }
    fclose(fs);
    FILE *fe = open_golden("expected.csv");
    if (!fe)
        return -1;
    while (fgets(line, sizeof line, fe)) {
        if (line[0] == '#' || strncmp(line, "case,", 5) == 0)
            continue;
        if (split3(line, f) != 3 || n_expected == MAX_EXPECTED)
            continue;
        expected_value *e = &expected[n_expected++];
        snprintf(e->name, sizeof e->name, "%s", f[0]);
        snprintf(e->quantity, sizeof e->quantity, "%s", f[1]);
        e->value = strtod(f[2], NULL);
    }
    fclose(fe);
    return n_cases > 0 && n_expected > 0 ? 0 : -1;
}

static int lookup(const char *name, const char *quantity, double *v)
{
    for (size_t i = 0; i < n_expected; i++)
        if (strcmp(expected[i].name, name) == 0 && strcmp(expected[i].quantity, quantity) == 0) {
            *v = expected[i].value;
            return 1;
        }
    return 0;
}

/* Relative tolerance with a tiny absolute floor for values that are 0. */
static int close_to(double got, double want, double rel)
{
    if (isnan(want))
        return isnan(got);
    return fabs(got - want) <= rel * fabs(want) + 1e-12;
}

static void check(const char *name, const char *q, double got, double want, double rel,
                  int *failures)
{
    if (!close_to(got, want, rel)) {
        print_error("%s %s: got %.17g, want %.17g\n", name, q, got, want);
        (*failures)++;
    }
}

/* ----------------------------------------------------------- golden test */

static void test_golden_cases(void **state)
{
    (void)state;
    int failures = 0, checked = 0;
    for (size_t ci = 0; ci < n_cases; ci++) {
        series_case *c = &cases[ci];
        double alpha = 0.05, want = 0.0;
        assert_true(lookup(c->name, "alpha", &alpha));
        assert_true(lookup(c->name, "n", &want));
        assert_int_equal((size_t)want, c->n);

        ind_trend_result r;
        assert_int_equal(ind_trend_analyse(c->t, c->y, c->n, alpha, &r), IND_OK);

        struct {
            const char *q;
            double got;
            double rel;
        } qs[] = {
            {"ols_slope", r.ols.slope, 1e-9},
            {"ols_intercept", r.ols.intercept, 1e-9},
            {"ols_se", r.ols.se_slope, 1e-9},
            {"ols_p", r.ols.p, 1e-7},
            {"ols_ci_low", r.ols.ci_low, 1e-9},
            {"ols_ci_high", r.ols.ci_high, 1e-9},
            {"ols_r2", r.ols.r2, 1e-9},
            {"ols_s2", r.ols.s2, 1e-9},
            {"mk_s", (double)r.mk.s, 0},
            {"mk_var_s", r.mk.var_s, 1e-9},
            {"mk_z", r.mk.z, 1e-9},
            {"mk_p_normal", r.mk.p_normal, 1e-7},
            {"mk_p_exact", r.mk.p_exact, 1e-7},
            {"tau_a", r.mk.tau_a, 1e-9},
            {"tau_b", r.mk.tau_b, 1e-9},
            {"sen_slope", r.sen.slope, 1e-9},
            {"sen_intercept", r.sen.intercept, 1e-9},
            {"sen_low", r.sen.ci_low, 1e-9},
            {"sen_high", r.sen.ci_high, 1e-9},
            {"sen_rank_low", (double)r.sen.rank_low, 0},
            {"sen_rank_high", (double)r.sen.rank_high, 0},
        };
        for (size_t k = 0; k < sizeof qs / sizeof qs[0]; k++)
            if (lookup(c->name, qs[k].q, &want)) {
                check(c->name, qs[k].q, qs[k].got, want, qs[k].rel, &failures);
                checked++;
            }

        double t0;
        if (lookup(c->name, "pred_t0", &t0)) {
            double yhat, lo, hi;
            assert_int_equal(ind_trend_ols_predict(&r.ols, t0, alpha, &yhat, &lo, &hi), IND_OK);
            if (lookup(c->name, "pred_fit", &want))
                check(c->name, "pred_fit", yhat, want, 1e-9, &failures);
            if (lookup(c->name, "pred_low", &want))
                check(c->name, "pred_low", lo, want, 1e-9, &failures);
            if (lookup(c->name, "pred_high", &want))
                check(c->name, "pred_high", hi, want, 1e-9, &failures);
            checked += 3;
        }
        /* The exact method is used exactly when n <= IND_TREND_MK_EXACT_MAX_N. */
        assert_int_equal(r.mk.method, c->n <= IND_TREND_MK_EXACT_MAX_N ? IND_TREND_MK_EXACT
                                                                       : IND_TREND_MK_NORMAL);
        assert_true(r.mk.p == (r.mk.method == IND_TREND_MK_EXACT ? r.mk.p_exact : r.mk.p_normal));
    }
    print_message("checked %d golden values in %zu series\n", checked, n_cases);
    assert_true(checked > 250);
    assert_int_equal(failures, 0);
}

/* The pyMannKendall reference series must be there: it is the only one with
 * published values from another implementation. */
static void test_pymannkendall_series_present(void **state)
{
    (void)state;
    series_case *c = find_case("rain353");
    assert_non_null(c);
    assert_int_equal(c->n, 353);
    ind_trend_mk mk;
    assert_int_equal(ind_trend_mk_test(c->y, c->n, &mk), IND_OK);
    assert_int_equal(mk.s, -1959);
    assert_true(close_to(mk.var_s, 4889800.333333333, 1e-12));
    assert_true(close_to(mk.z, -0.8854562842589916, 1e-12));
    assert_true(close_to(mk.p, 0.37591058740506833, 1e-9));
    assert_int_equal(mk.method, IND_TREND_MK_NORMAL);
    assert_true(isnan(mk.p_exact));
}

/* ------------------------------------- exact distribution vs brute force */

static long s_of(const double *y, size_t n)
{
    long s = 0;
    for (size_t i = 0; i + 1 < n; i++)
        for (size_t j = i + 1; j < n; j++)
            s += (y[j] > y[i]) - (y[j] < y[i]);
    return s;
}

/* Enumerates all n! orderings of y (Heap's algorithm, repeated values counted
 * with multiplicity, which gives the same probabilities as distinct
 * arrangements) and checks P(|S| >= |s|) for every s in -K..K. */
static void brute_force_check(const double *y0, size_t n)
{
    double y[8];
    memcpy(y, y0, n * sizeof(double));
    size_t kmax = n * (n - 1) / 2;
    long hist[2 * 28 + 1] = {0};
    long total = 0;
    size_t c[8] = {0};
    hist[s_of(y, n) + (long)kmax]++;
    total++;
    size_t i = 1;
    while (i < n) {
        if (c[i] < i) {
            size_t j = (i % 2 == 0) ? 0 : c[i];
            double tmp = y[j];
            y[j] = y[i];
            y[i] = tmp;
            hist[s_of(y, n) + (long)kmax]++;
            total++;
            c[i]++;
            i = 1;
        } else {
            c[i] = 0;
            i++;
        }
    }
    for (long s = -(long)kmax; s <= (long)kmax; s++) {
        long tail = 0;
        for (long v = -(long)kmax; v <= (long)kmax; v++)
            if (labs(v) >= labs(s))
                tail += hist[v + (long)kmax];
        double want = (double)tail / (double)total, got;
        assert_int_equal(ind_trend_mk_exact_p(y0, n, s, &got), IND_OK);
        if (fabs(got - want) > 1e-12) {
            print_error("n=%zu s=%ld: exact %.17g, brute force %.17g\n", n, s, got, want);
            fail();
        }
    }
}

static void test_exact_distribution_brute_force(void **state)
{
    (void)state;
    /* No ties, n = 2..8. */
    for (size_t n = 2; n <= 8; n++) {
        double y[8];
        for (size_t i = 0; i < n; i++)
            y[i] = (double)((i * 5) % n) + 0.25 * (double)i;
        brute_force_check(y, n);
    }
    /* Tie patterns. */
    static const double pats[][8] = {
        {1, 1, 2},                   /* n = 3, one pair */
        {1, 1, 1, 2},                /* n = 4, a triple */
        {1, 1, 2, 2},                /* n = 4, two pairs */
        {3, 1, 2, 2, 3},             /* n = 5 */
        {1, 1, 1, 1, 2, 3},          /* n = 6, a quadruple */
        {5, 5, 4, 4, 3, 3, 2},       /* n = 7, three pairs */
        {0, 1, 0, 1, 0, 1, 0, 1},    /* n = 8, two groups of four */
        {2, 2, 2, 7, 7, 1, 9, 9},    /* n = 8, mixed */
        {4, 4, 4, 4, 4, 4, 4, 4},    /* n = 8, all tied */
    };
    static const size_t lens[] = {3, 4, 4, 5, 6, 7, 8, 8, 8};
    for (size_t k = 0; k < sizeof lens / sizeof lens[0]; k++)
        brute_force_check(pats[k], lens[k]);
}

/* The exact p of a perfectly monotone untied series is 2/n!. */
static void test_exact_extremes(void **state)
{
    (void)state;
    double y[IND_TREND_MK_EXACT_MAX_N];
    double fact = 1.0;
    for (size_t n = 1; n <= IND_TREND_MK_EXACT_MAX_N; n++) {
        y[n - 1] = (double)n;
        fact *= (double)n;
        if (n < 3)
            continue;
        double p;
        long k = (long)(n * (n - 1) / 2);
        assert_int_equal(ind_trend_mk_exact_p(y, n, k, &p), IND_OK);
        assert_true(close_to(p, 2.0 / fact, 1e-12));
        assert_int_equal(ind_trend_mk_exact_p(y, n, 0, &p), IND_OK);
        assert_true(p == 1.0);
    }
    y[0] = 0;
    double p;
    assert_int_equal(ind_trend_mk_exact_p(y, IND_TREND_MK_EXACT_MAX_N + 1, 0, &p), IND_EDOMAIN);
}

/* ------------------------------------------------------ special cases */

static void test_constant_series(void **state)
{
    (void)state;
    double t[] = {2019, 2020, 2021, 2022, 2023, 2024};
    double y[] = {82, 82, 82, 82, 82, 82};
    ind_trend_result r;
    assert_int_equal(ind_trend_analyse(t, y, 6, 0.05, &r), IND_OK);
    assert_true(r.ols.slope == 0.0);
    assert_true(r.ols.se_slope == 0.0);
    assert_true(r.ols.p == 1.0);
    assert_true(r.ols.ci_low == 0.0 && r.ols.ci_high == 0.0);
    assert_true(isnan(r.ols.r2));
    assert_true(isnan(r.ols.t_stat));
    assert_true(r.flags & IND_TREND_F_CONSTANT);
    assert_true(r.flags & IND_TREND_F_TIES);
    assert_true(r.mk.p == 1.0 && r.mk.z == 0.0 && r.mk.var_s == 0.0);
    assert_true(isnan(r.mk.tau_b));
    assert_true(r.sen.slope == 0.0 && r.sen.intercept == 82.0);
    double yhat, lo, hi;
    assert_int_equal(ind_trend_ols_predict(&r.ols, 2030, 0.05, &yhat, &lo, &hi), IND_OK);
    assert_true(yhat == 82.0 && lo == 82.0 && hi == 82.0);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_HIGHER, 0.05),
                     IND_TREND_NO_CLEAR_TREND);
}

static void test_two_points(void **state)
{
    (void)state;
    double t[] = {2022, 2023}, y[] = {5.0, 4.0};
    ind_trend_result r;
    assert_int_equal(ind_trend_analyse(t, y, 2, 0.05, &r), IND_OK);
    assert_true(close_to(r.ols.slope, -1.0, 1e-12));
    assert_true(r.flags & IND_TREND_F_NO_SE);
    assert_true(isnan(r.ols.se_slope) && isnan(r.ols.p) && isnan(r.ols.ci_low));
    assert_true(r.flags & IND_TREND_F_SEN_CLAMPED);
    assert_int_equal(r.sen.rank_low, 1);
    assert_int_equal(r.sen.rank_high, 1);
    double yhat, lo, hi;
    assert_int_equal(ind_trend_ols_predict(&r.ols, 2024, 0.05, &yhat, &lo, &hi), IND_OK);
    assert_true(close_to(yhat, 3.0, 1e-12));
    assert_true(isnan(lo) && isnan(hi));
    assert_int_equal(ind_trend_judge(&r, IND_DIR_LOWER, 0.05),
                     IND_TREND_TOO_FEW_POINTS);
}

static void test_exact_fit(void **state)
{
    (void)state;
    double t[] = {0, 1, 2, 3, 4, 5}, y[] = {1, 3, 5, 7, 9, 11};
    ind_trend_ols o;
    assert_int_equal(ind_trend_ols_fit(t, y, 6, 0.05, &o), IND_OK);
    assert_true(close_to(o.slope, 2.0, 1e-12));
    assert_true(o.p < 1e-10);
    assert_true(close_to(o.ci_low, 2.0, 1e-9) && close_to(o.ci_high, 2.0, 1e-9));
    if (o.s2 == 0.0)
        assert_true(o.flags & IND_TREND_F_EXACT_FIT);
    assert_true(close_to(o.r2, 1.0, 1e-12));
}

static void test_bad_input(void **state)
{
    (void)state;
    double t[] = {2020, 2021, 2021, 2023}, y[] = {1, 2, 3, 4};
    double t_ok[] = {2020, 2021, 2022, 2023}, y_nan[] = {1, NAN, 3, 4};
    ind_trend_result r;
    assert_int_equal(ind_trend_analyse(t, y, 4, 0.05, &r), IND_EDOMAIN);
    assert_int_equal(ind_trend_analyse(t_ok, y_nan, 4, 0.05, &r), IND_EDOMAIN);
    assert_int_equal(ind_trend_analyse(t_ok, y, 1, 0.05, &r), IND_EDOMAIN);
    assert_int_equal(ind_trend_analyse(t_ok, y, 4, 0.0, &r), IND_EUSAGE);
    assert_int_equal(ind_trend_analyse(t_ok, y, 4, 1.0, &r), IND_EUSAGE);
    assert_int_equal(ind_trend_analyse(NULL, y, 4, 0.05, &r), IND_EUSAGE);
    ind_trend_sen s;
    assert_int_equal(ind_trend_sen_slope(t_ok, y, 4, -1.0, 0.05, &s), IND_EUSAGE);
    double p;
    assert_int_equal(ind_trend_mk_exact_p(y, 1, 0, &p), IND_EDOMAIN);
}

/* A series longer than IND_TREND_STACK_N goes through the heap path. */
static void test_long_series_heap_path(void **state)
{
    (void)state;
    enum { N = 100 };
    double t[N], y[N];
    for (int i = 0; i < N; i++) {
        t[i] = 1925.0 + i;
        y[i] = (double)i;      /* strictly increasing: S = K, Sen slope 1 */
    }
    ind_trend_result r;
    assert_int_equal(ind_trend_analyse(t, y, N, 0.05, &r), IND_OK);
    assert_int_equal(r.mk.s, N * (N - 1) / 2);
    assert_true(close_to(r.sen.slope, 1.0, 1e-12));
    assert_true(close_to(r.sen.intercept, -1925.0, 1e-12));
    assert_int_equal(r.mk.method, IND_TREND_MK_NORMAL);
}


/* Sen's order statistics (found by selection in the engine) against a full
 * sort of the pairwise slopes, on many small series with and without ties. */
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void test_sen_against_full_sort(void **state)
{
    (void)state;
    static double d[40 * 39 / 2];
    double t[40], y[40];
    unsigned seed = 12345u;
    for (int rep = 0; rep < 400; rep++) {
        size_t n = 2 + (size_t)(rep % 39);
        int levels = 2 + rep % 7;          /* few levels: many ties */
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            t[i] = 2000.0 + (double)i + ((rep % 3 == 0 && i > n / 2) ? 1.0 : 0.0);
            y[i] = (rep % 2) ? (double)((seed >> 16) % (unsigned)levels)
                             : (double)((seed >> 8) % 100000u) / 100.0;
        }
        ind_trend_mk mk;
        ind_trend_sen sen;
        assert_int_equal(ind_trend_mk_test(y, n, &mk), IND_OK);
        assert_int_equal(ind_trend_sen_slope(t, y, n, mk.var_s, 0.05, &sen), IND_OK);
        size_t k = 0;
        for (size_t i = 0; i + 1 < n; i++)
            for (size_t j = i + 1; j < n; j++)
                d[k++] = (y[j] - y[i]) / (t[j] - t[i]);
        qsort(d, k, sizeof d[0], cmp_double);
        double med = k % 2 ? d[k / 2] : (d[k / 2 - 1] + d[k / 2]) / 2.0;
        assert_true(sen.slope == med);
        assert_true(sen.ci_low == d[sen.rank_low - 1]);
        assert_true(sen.ci_high == d[sen.rank_high - 1]);
        double r[40];
        for (size_t i = 0; i < n; i++)
            r[i] = y[i] - med * t[i];
        qsort(r, n, sizeof r[0], cmp_double);
        double rmed = n % 2 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2.0;
        assert_true(sen.intercept == rmed);
    }
}

/* ------------------------------------------------------------- verdict */

static void judge_series(const double *y, size_t n, double alpha, ind_trend_result *r)
{
    double t[32];
    for (size_t i = 0; i < n; i++)
        t[i] = 2000.0 + (double)i;
    assert_int_equal(ind_trend_analyse(t, y, n, alpha, r), IND_OK);
}

static void test_verdicts(void **state)
{
    (void)state;
    ind_trend_result r;
    double up[] = {1, 2, 3, 4, 5, 6, 7, 8};
    double down[] = {9, 8, 7, 6, 5, 4, 3, 2};
    double flat[] = {5, 3, 6, 4, 5, 3, 6, 4};

    judge_series(up, 8, 0.05, &r);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_HIGHER, 0.05), IND_TREND_IMPROVING);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_LOWER, 0.05), IND_TREND_WORSENING);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_NEUTRAL, 0.05), IND_TREND_INCREASING);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_BAND, 0.05), IND_TREND_INCREASING);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_UNKNOWN, 0.05), IND_TREND_INCREASING);
    judge_series(down, 8, 0.05, &r);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_HIGHER, 0.05), IND_TREND_WORSENING);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_LOWER, 0.05), IND_TREND_IMPROVING);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_NEUTRAL, 0.05), IND_TREND_DECREASING);
    judge_series(flat, 8, 0.05, &r);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_HIGHER, 0.05),
                     IND_TREND_NO_CLEAR_TREND);

    /* Three points: too few. Four points: 2/4! = 0.083, too few at 0.05 but
     * not at 0.10. Five points: 2/5! = 0.0167 < 0.05. */
    judge_series(up, 3, 0.05, &r);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_HIGHER, 0.05),
                     IND_TREND_TOO_FEW_POINTS);
    judge_series(up, 4, 0.05, &r);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_HIGHER, 0.05),
                     IND_TREND_TOO_FEW_POINTS);
    judge_series(up, 4, 0.10, &r);
    assert_true(close_to(r.mk.p, 2.0 / 24.0, 1e-12));
    assert_int_equal(ind_trend_judge(&r, IND_DIR_HIGHER, 0.10), IND_TREND_IMPROVING);
    judge_series(up, 5, 0.05, &r);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_HIGHER, 0.05), IND_TREND_IMPROVING);

    /* Many ties: Sen's slope 0 but S > 0 and significant; S decides. */
    double steps[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
    judge_series(steps, 17, 0.05, &r);
    assert_true(r.mk.p < 0.05);
    assert_true(r.sen.slope == 0.0);
    assert_int_equal(ind_trend_judge(&r, IND_DIR_HIGHER, 0.05), IND_TREND_IMPROVING);

    assert_string_equal(ind_trend_verdict_name(IND_TREND_NO_CLEAR_TREND), "no-clear-trend");
    assert_string_equal(ind_trend_verdict_name(IND_TREND_TOO_FEW_POINTS), "too-few-points");
}

/* The confidence band of the mean line, against R 4.2.2:
 *   t <- c(2016,2017,2018,2020,2021); y <- c(3.1,3.9,4.2,5.0,5.9)
 *   predict(lm(y ~ t), data.frame(t = 2022.5), interval = "confidence")
 * gives fit 6.5081395348836395, lwr 5.7990289470680052, upr 7.2172501226992738. */
static void test_ols_confidence_band(void **state)
{
    (void)state;
    const double t[] = {2016, 2017, 2018, 2020, 2021}, y[] = {3.1, 3.9, 4.2, 5.0, 5.9};
    ind_trend_ols fit;
    assert_int_equal(ind_trend_ols_fit(t, y, 5, 0.05, &fit), IND_OK);
    double yhat, lo, hi;
    assert_int_equal(ind_trend_ols_confidence(&fit, 2022.5, 0.05, &yhat, &lo, &hi), IND_OK);
    assert_true(fabs(yhat - 6.5081395348836395) < 1e-9 * 6.5);
    assert_true(fabs(lo - 5.7990289470680052) < 1e-9 * 5.8);
    assert_true(fabs(hi - 7.2172501226992738) < 1e-9 * 7.2);
}

/* Sen's order statistics by selection equal those of a full sort of the
 * pairwise slopes, for short and long series, with many ties and with none
 * (the selection switches scheme below 64 slopes). */
static void test_sen_selection_against_sort(void **state)
{
    (void)state;
    static const size_t sizes[] = {2, 3, 4, 5, 8, 11, 12, 13, 40, 120};
    double t[120], y[120], *d = malloc(120 * 119 / 2 * sizeof *d);
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (int ties = 0; ties < 2; ties++)
        for (size_t c = 0; c < sizeof sizes / sizeof sizes[0]; c++) {
            size_t n = sizes[c], k = 0;
            for (size_t i = 0; i < n; i++) {
                x = x * 6364136223846793005ULL + 1442695040888963407ULL;
                t[i] = (double)(2010 + i);
                y[i] = ties ? (double)((x >> 33) % 4) : (double)(x >> 11) / 9007199254740992.0 * 100.0;
            }
            for (size_t i = 0; i + 1 < n; i++)
                for (size_t j = i + 1; j < n; j++)
                    d[k++] = (y[j] - y[i]) / (t[j] - t[i]);
            qsort(d, k, sizeof *d, cmp_double);
            ind_trend_sen sen;
            assert_int_equal(ind_trend_sen_slope(t, y, n, (double)(n * (n - 1) * (2 * n + 5)) / 18.0, 0.05, &sen), IND_OK);
            double median = k % 2 ? d[k / 2] : (d[k / 2 - 1] + d[k / 2]) / 2.0;
            assert_true(sen.slope == median);
            assert_true(sen.ci_low == d[sen.rank_low - 1]);
            assert_true(sen.ci_high == d[sen.rank_high - 1]);
        }
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sen_selection_against_sort),
        cmocka_unit_test(test_golden_cases),
        cmocka_unit_test(test_pymannkendall_series_present),
        cmocka_unit_test(test_exact_distribution_brute_force),
        cmocka_unit_test(test_exact_extremes),
        cmocka_unit_test(test_constant_series),
        cmocka_unit_test(test_two_points),
        cmocka_unit_test(test_exact_fit),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_long_series_heap_path),
        cmocka_unit_test(test_sen_against_full_sort),
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_ols_confidence_band),
    };
    return cmocka_run_group_tests_name("trend", tests, load_fixtures, NULL);
}
