/* test_outlook.c: engine/outlook.c against R. trend.c's statistics are tested
 * in test_trend.c; this checks what outlook.c adds: the points of a dataset
 * series it uses (years or tertials, a range, a missing period inside, a
 * yearly value inside a tertial series), the gap between women and men with
 * its verdict and the test of the latest year's counts, and the forecast
 * against the next årsmål (its period, the prediction interval, likely met or
 * not), plus the sentences.
 *
 * Reference: tests/golden/outlook/make_fixtures.R (R 4.2.2, stats package:
 * lm, predict(interval = "prediction"), cor.test(method = "kendall"),
 * prop.test, fisher.test), which writes data.csv, cases.csv and expected.csv.
 * The sentences below are written by hand from the R numbers in expected.csv. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "dataset.h"
#include "ingest.h"
#include "outlook.h"

#define DIR IND_TEST_DIR "/golden/outlook/"
#define REL 1e-9
#define PREL 1e-7
#define ALPHA 0.05

/* ---- the fixtures: case,quantity,value (no quoting) and cases.csv ---------- */

typedef struct {
    char *case_, *quantity, *value;
} fact;

typedef struct {
    char *buf;
    char **line;   /* data lines, split on ',' into at most `fields` parts in place */
    size_t lines;
} lines_t;

static void read_lines(lines_t *t, const char *path)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    t->buf = malloc((size_t)size + 1);
    assert_non_null(t->buf);
    assert_int_equal(fread(t->buf, 1, (size_t)size, f), (size_t)size);
    t->buf[size] = 0;
    fclose(f);
    size_t cap = 0;
    int header = 1;
    for (char *l = strtok(t->buf, "\n"); l; l = strtok(NULL, "\n")) {
        if (l[0] == '#')
            continue;
        if (header) { /* the column names */
            header = 0;
            continue;
        }
        if (t->lines == cap) {
            cap = cap ? 2 * cap : 64;
            t->line = realloc(t->line, cap * sizeof *t->line);
            assert_non_null(t->line);
        }
        t->line[t->lines++] = l;
    }
}

static size_t split(char *l, char **f, size_t max)
{
    size_t n = 0;
    for (;;) {
        f[n++] = l;
        char *c = n < max ? strchr(l, ',') : NULL;
        if (!c)
            return n;
        *c = 0;
        l = c + 1;
    }
}

static lines_t exp_lines, case_lines;
static fact *facts;
static size_t nfacts;
static ind_catalog *cat;
static ind_dataset *ds;

static int setup(void **state)
{
    (void)state;
    read_lines(&exp_lines, DIR "expected.csv");
    facts = calloc(exp_lines.lines, sizeof *facts);
    for (size_t i = 0; i < exp_lines.lines; i++) {
        char *f[3];
        if (split(exp_lines.line[i], f, 3) != 3)
            return 1;
        facts[nfacts++] = (fact){f[0], f[1], f[2]};
    }
    read_lines(&case_lines, DIR "cases.csv");
    ind_error err;
    ind_error_clear(&err);
    cat = ind_catalog_new();
    if (ind_catalog_load_file(cat, DIR "catalog.csv", &err) != IND_OK)
        return 1;
    ds = ind_dataset_new(cat);
    ind_ingest_options opt = {IND_ENC_AUTO, 0, NULL, NULL, 0, 0, 0};
    ind_ingest_report rep;
    if (ind_ingest_file(ds, DIR "data.csv", &opt, &rep, &err) != IND_OK || ind_dataset_finish(ds, &err) != IND_OK) {
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
        return 1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ind_dataset_free(ds);
    ind_catalog_free(cat);
    free(facts);
    free(exp_lines.line);
    free(exp_lines.buf);
    free(case_lines.line);
    free(case_lines.buf);
    return 0;
}

/* The value of case.quantity, or NULL. */
static const char *fact_of(const char *c, const char *q)
{
    for (size_t i = 0; i < nfacts; i++)
        if (strcmp(facts[i].case_, c) == 0 && strcmp(facts[i].quantity, q) == 0)
            return facts[i].value;
    return NULL;
}

static const char *need(const char *c, const char *q)
{
    const char *v = fact_of(c, q);
    if (!v)
        fail_msg("%s: no expected %s", c, q);
    return v;
}

static double need_num(const char *c, const char *q)
{
    const char *v = need(c, q);
    return strcmp(v, "NaN") == 0 ? NAN : strtod(v, NULL);
}

static double worst_stat, worst_p;

static void check(const char *what, const char *field, double got, double want, double rel)
{
    if (isnan(want)) {
        if (!isnan(got))
            fail_msg("%s: %s is %.17g, expected NaN", what, field, got);
        return;
    }
    if (isnan(got) || fabs(got - want) > rel * fabs(want) + 1e-13)
        fail_msg("%s: %s is %.17g, expected %.17g", what, field, got, want);
    if (want != 0) {
        double d = fabs(got - want) / fabs(want);
        double *w = rel == PREL ? &worst_p : &worst_stat;
        if (d > *w)
            *w = d;
    }
}

static void check_str(const char *what, const char *field, const char *got, const char *want)
{
    if (strcmp(got ? got : "", want) != 0)
        fail_msg("%s: %s is \"%s\", expected \"%s\"", what, field, got ? got : "(null)", want);
}

/* A list "a b c" of numbers against n doubles. */
static void check_list(const char *what, const char *field, const double *got, size_t n, const char *want)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", want);
    size_t i = 0;
    for (char *p = strtok(buf, " "); p; p = strtok(NULL, " "), i++) {
        if (i >= n)
            fail_msg("%s: %s has %zu values, expected more", what, field, n);
        check(what, field, got[i], strtod(p, NULL), REL);
    }
    if (i != n)
        fail_msg("%s: %s has %zu values, expected %zu", what, field, n, i);
}

static char *fmt_period(ind_period p, char *buf)
{
    return ind_period_format(p, buf, 32);
}

static size_t series_of(const char *unit, const char *indicator, const char *gender)
{
    ind_gender g;
    assert_int_equal(ind_gender_parse(gender, strlen(gender), &g), 0);
    long s = ind_dataset_find_series(ds, unit, indicator, g);
    if (s < 0)
        fail_msg("no series %s / %s / %s", unit, indicator, gender);
    return (size_t)s;
}

static ind_period period_of(const char *s)
{
    ind_period p = 0;
    if (s[0] && ind_period_parse(s, strlen(s), &p, NULL) != 0)
        fail_msg("bad period %s", s);
    return p;
}

/* ---- the cases ------------------------------------------------------------------ */

static void trend_case(const char *c, size_t s, ind_period from, ind_period to)
{
    ind_outlook_trend tr;
    ind_error err;
    ind_error_clear(&err);
    char a[32];
    assert_int_equal(ind_outlook_trend_of(ds, s, from, to, ALPHA, IND_LANG_SV, &tr, &err), IND_OK);
    check_str(c, "kind", tr.pts.kind == IND_PERIOD_YEAR ? "year" : tr.pts.kind == IND_PERIOD_TERTIAL ? "tertial" : "month",
              need(c, "kind"));
    assert_int_equal(tr.pts.n, (size_t)need_num(c, "n"));
    assert_int_equal(tr.pts.skipped, (size_t)need_num(c, "skipped"));
    check_str(c, "first", fmt_period(tr.first, a), need(c, "first"));
    check_str(c, "last", fmt_period(tr.last, a), need(c, "last"));
    check(c, "first_value", tr.first_value, need_num(c, "first_value"), REL);
    check(c, "last_value", tr.last_value, need_num(c, "last_value"), REL);
    check(c, "change", tr.change, need_num(c, "change"), REL);
    check_list(c, "t", tr.pts.t, tr.pts.n, need(c, "t"));
    assert_true(tr.have_trend);
    check(c, "OLS slope", tr.trend.ols.slope, need_num(c, "ols_slope"), REL);
    assert_int_equal(tr.trend.mk.s, (long)need_num(c, "mk_s"));
    check(c, "Sen's slope", tr.trend.sen.slope, need_num(c, "sen_slope"), REL);
    if (fact_of(c, "mk_p"))
        check(c, "Mann-Kendall p", tr.trend.mk.p, need_num(c, "mk_p"), PREL);
    check_str(c, "verdict", ind_trend_verdict_name(tr.verdict), need(c, "verdict"));
    assert_true(tr.sentence[0] != 0);
    ind_outlook_trend_free(&tr);
}

static void gap_case(const char *c, size_t s)
{
    ind_outlook_gap g;
    ind_error err;
    ind_error_clear(&err);
    char a[32];
    assert_int_equal(ind_outlook_gap_of(ds, s, 0, 0, ALPHA, IND_LANG_SV, &g, &err), IND_OK);
    if (g.have != (int)need_num(c, "have"))
        fail_msg("%s: have is %d, expected %s", c, g.have, need(c, "have"));
    if (!g.have) {
        assert_int_equal(g.n, 0);
        ind_outlook_gap_free(&g);
        return;
    }
    assert_int_equal(g.n, (size_t)need_num(c, "n"));
    char periods[512] = "";
    for (size_t i = 0; i < g.n; i++) {
        size_t l = strlen(periods);
        snprintf(periods + l, sizeof periods - l, "%s%s", i ? " " : "", fmt_period(g.period[i], a));
    }
    check_str(c, "periods", periods, need(c, "periods"));
    check_list(c, "gap", g.gap, g.n, need(c, "gap"));
    check_str(c, "last", fmt_period(g.last, a), need(c, "last"));
    check(c, "last_gap", g.last_gap, need_num(c, "last_gap"), REL);
    assert_true(g.have_trend);
    assert_int_equal(g.trend.mk.s, (long)need_num(c, "mk_s"));
    check(c, "gap Sen's slope", g.trend.sen.slope, need_num(c, "sen_slope"), REL);
    check_str(c, "verdict", ind_gap_verdict_code(g.verdict), need(c, "verdict"));
    check_str(c, "test", g.test, need(c, "test"));
    if (g.test) {
        check(c, "statistic", g.statistic, need_num(c, "statistic"), REL);
        check(c, "p", g.p, need_num(c, "p"), PREL);
        check(c, "diff", g.diff, need_num(c, "diff"), REL);
        check(c, "ci_lo", g.ci_lo, need_num(c, "ci_lo"), REL);
        check(c, "ci_hi", g.ci_hi, need_num(c, "ci_hi"), REL);
    } else {
        assert_true(isnan(g.p) && isnan(g.diff));
    }
    ind_outlook_gap_free(&g);
}

static void forecast_case(const char *c, size_t s)
{
    ind_outlook_forecast f;
    ind_error err;
    ind_error_clear(&err);
    char a[32];
    assert_int_equal(ind_outlook_forecast_of(ds, s, ALPHA, IND_LANG_SV, &f, &err), IND_OK);
    if (f.have != (int)need_num(c, "have"))
        fail_msg("%s: have is %d, expected %s", c, f.have, need(c, "have"));
    if (!f.have)
        return;
    check_str(c, "period", fmt_period(f.period, a), need(c, "period"));
    check(c, "target", f.target, need_num(c, "target"), REL);
    check(c, "yhat", f.yhat, need_num(c, "yhat"), REL);
    check(c, "pi_lo", f.pi_lo, need_num(c, "pi_lo"), REL);
    check(c, "pi_hi", f.pi_hi, need_num(c, "pi_hi"), REL);
    assert_int_equal(f.likely, (int)need_num(c, "likely"));
    assert_true(f.sentence[0] != 0);
}

static void test_golden_cases(void **state)
{
    (void)state;
    size_t done = 0;
    for (size_t i = 0; i < case_lines.lines; i++) {
        char line[512], *f[7] = {0};
        snprintf(line, sizeof line, "%s", case_lines.line[i]);
        assert_int_equal(split(line, f, 7), 7);
        size_t s = series_of(f[2], f[3], f[4]);
        if (strcmp(f[1], "trend") == 0)
            trend_case(f[0], s, period_of(f[5]), period_of(f[6]));
        else if (strcmp(f[1], "gap") == 0)
            gap_case(f[0], s);
        else
            forecast_case(f[0], s);
        done++;
    }
    assert_true(done >= 18);
    printf("outlook: largest relative difference from R: statistics %.3g, p-values %.3g\n", worst_stat, worst_p);
}

/* ---- sentences and details --------------------------------------------------- */

static void test_sentences(void **state)
{
    (void)state;
    ind_error err;
    ind_error_clear(&err);
    ind_outlook_trend tr;
    /* R: Sen's slope 0.4000 per year, exact Mann-Kendall p = 0.004687, 10 points */
    assert_int_equal(ind_outlook_trend_of(ds, series_of("Enhet A", "Sjuk test", "T"), 0, 0, ALPHA, IND_LANG_SV, &tr, &err), IND_OK);
    assert_string_equal(tr.sentence, "Sjuk test 2022–2025 försämras: +0,40 procentenheter per år enligt Sens lutning "
                                     "(Mann-Kendall p = 0,005, 10 punkter).");
    ind_outlook_trend_free(&tr);
    /* p = 0.7614 */
    assert_int_equal(ind_outlook_trend_of(ds, series_of("Enhet A", "Index test", "T"), 0, 0, ALPHA, IND_LANG_SV, &tr, &err), IND_OK);
    assert_string_equal(tr.sentence, "Index test 2017–2025: ingen säker trend (Mann-Kendall p = 0,76, 9 punkter).");
    ind_outlook_trend_free(&tr);
    assert_int_equal(ind_outlook_trend_of(ds, series_of("Enhet D", "Andel test", "T"), 0, 0, ALPHA, IND_LANG_SV, &tr, &err), IND_OK);
    assert_string_equal(tr.sentence, "Andel test: för få punkter för att säga något om trenden (2).");
    ind_outlook_trend_free(&tr);

    ind_outlook_gap g;
    /* R: gap 22.5 in 2025, prop.test p = 0.007728 */
    assert_int_equal(ind_outlook_gap_of(ds, series_of("Enhet A", "Andel test", "T"), 0, 0, ALPHA, IND_LANG_SV, &g, &err), IND_OK);
    assert_string_equal(g.sentence, "Andel test: skillnaden mellan kvinnor och män ökar; 2025 var den +22,5 procentenheter "
                                    "(kvinnor minus män). Skillnaden det året är statistiskt säkerställd (p = 0,008).");
    ind_outlook_gap_free(&g);
    /* R: gap -12.5, fisher.test p = 0.6641 */
    assert_int_equal(ind_outlook_gap_of(ds, series_of("Enhet B", "Andel test", "T"), 0, 0, ALPHA, IND_LANG_EN, &g, &err), IND_OK);
    assert_string_equal(g.sentence, "Andel test: the gap between women and men is narrowing; in 2025 it was -12,5 percentage points "
                                    "(women minus men). That year's gap is not statistically significant (p = 0,66).");
    ind_outlook_gap_free(&g);

    ind_outlook_forecast f;
    /* R: 9.2044 (8.3856 to 10.0232) at 2025 T3; target 8, lower is better */
    assert_int_equal(ind_outlook_forecast_of(ds, series_of("Enhet A", "Sjuk test", "T"), ALPHA, IND_LANG_SV, &f, &err), IND_OK);
    assert_string_equal(f.sentence, "Årsmålet 2025 T3 (8,0 %) nås troligen inte: trenden pekar på 9,2 % "
                                    "(95 %-prognosintervall 8,4 till 10,0 %).");
    /* R: 62.882 (61.182 to 64.582) against 63 */
    assert_int_equal(ind_outlook_forecast_of(ds, series_of("Enhet A", "Andel test", "T"), ALPHA, IND_LANG_SV, &f, &err), IND_OK);
    assert_string_equal(f.sentence, "Årsmålet 2026 (63,0 %): osäkert om det nås; trenden pekar på 62,9 % "
                                    "(95 %-prognosintervall 61,2 till 64,6 %).");
    /* a year's årsmål on a tertial series, after T2: R 5.3273 (4.5426 to 6.1120) at 2025 + 2/3 */
    assert_int_equal(ind_outlook_forecast_of(ds, series_of("Enhet B", "Sjuk test", "T"), ALPHA, IND_LANG_SV, &f, &err), IND_OK);
    assert_string_equal(f.sentence, "Årsmålet 2025 (7,0 %) nås troligen: trenden pekar på 5,3 % "
                                    "(95 %-prognosintervall 4,5 till 6,1 %).");
    /* R: 12.0 (10.75 to 13.25) against max 20 */
    assert_int_equal(ind_outlook_forecast_of(ds, series_of("Enhet A", "Antal test", "T"), ALPHA, IND_LANG_SV, &f, &err), IND_OK);
    assert_int_equal(f.rule.kind, IND_TARGET_MAX);
    assert_string_equal(f.sentence, "Årsmålet 2026 (20) nås troligen: trenden pekar på 12 (95 %-prognosintervall 11 till 13).");
}

/* A range that starts after the missing year and ends before the data: the
 * future is not missing, and a range without values gives no trend. */
static void test_ranges(void **state)
{
    (void)state;
    ind_error err;
    ind_error_clear(&err);
    ind_outlook_trend tr;
    size_t s = series_of("Enhet A", "Andel test", "T");
    assert_int_equal(ind_outlook_trend_of(ds, s, period_of("2020"), 0, ALPHA, IND_LANG_SV, &tr, &err), IND_OK);
    assert_int_equal(tr.pts.n, 6);       /* 2020-2025; the årsmål rows 2026, 2027 are not missing */
    assert_int_equal(tr.pts.skipped, 0);
    ind_outlook_trend_free(&tr);
    assert_int_equal(ind_outlook_trend_of(ds, s, period_of("2030"), 0, ALPHA, IND_LANG_SV, &tr, &err), IND_OK);
    assert_int_equal(tr.pts.n, 0);
    assert_int_equal(tr.verdict, IND_TREND_TOO_FEW_POINTS);
    assert_false(tr.have_trend);
    ind_outlook_trend_free(&tr);
    /* the gap over a range */
    ind_outlook_gap g;
    assert_int_equal(ind_outlook_gap_of(ds, s, period_of("2019"), period_of("2021"), ALPHA, IND_LANG_SV, &g, &err), IND_OK);
    assert_int_equal(g.n, 2); /* 2020 and 2021: K has no 2019 */
    assert_int_equal(g.verdict, IND_GAP_TOO_FEW);
    ind_outlook_gap_free(&g);
    assert_string_equal(ind_gap_verdict_code(IND_GAP_WIDENING), "widening");
    assert_string_equal(ind_trend_verdict_label_sv(IND_TREND_WORSENING), "försämras");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_cases),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_ranges),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
