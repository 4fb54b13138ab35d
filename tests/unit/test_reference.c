/* test_reference.c: engine/judge/reference.c against R, and what the
 * document layer makes of it: the reference line of a trend chart aligned
 * with the unit's periods, and the sentences.
 *
 * Reference: tests/golden/reference/make_fixtures.R (R 4.2.2, stats package:
 * prop.test, fisher.test, Newcombe's interval from prop.test's Wilson
 * limits), which writes catalog.csv, data.csv, cases.csv and expected.csv.
 * The aligned chart values and the sentences below are worked by hand from
 * data.csv: the unit Enhet A and the reference Förvaltningen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

#define GOLDEN_FOLDER "reference"
#include "golden_table.h"

#include "catalog.h"
#include "dataset.h"
#include "figures.h"
#include "ingest.h"
#include "reference.h"
#include "sentence.h"

#define REL 1e-9
#define PREL 1e-7
#define REF "Förvaltningen"

static ind_catalog *cat;
static ind_dataset *ds;
static table *expected, *cases;

static int setup(void **state)
{
    (void)state;
    ind_error err;
    ind_error_clear(&err);
    cat = ind_catalog_new();
    char path[1024];
    snprintf(path, sizeof path, "%s/golden/reference/catalog.csv", IND_TEST_DIR);
    if (ind_catalog_load_file(cat, path, &err) != IND_OK)
        return 1;
    ds = ind_dataset_new(cat);
    ind_ingest_options opt = {IND_ENC_AUTO, 0, NULL, NULL, 0, 0, 0};
    ind_ingest_report rep;
    snprintf(path, sizeof path, "%s/golden/reference/data.csv", IND_TEST_DIR);
    if (ind_ingest_file(ds, path, &opt, &rep, &err) != IND_OK || ind_dataset_finish(ds, &err) != IND_OK) {
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
        return 1;
    }
    expected = load("expected.csv");
    cases = load("cases.csv");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unload(expected);
    unload(cases);
    ind_dataset_free(ds);
    ind_catalog_free(cat);
    return 0;
}

/* The expected value of case.quantity; 0 when the fixture has none. */
static int fact(const char *c, const char *q, double *v)
{
    for (size_t r = 0; r < expected->nrow; r++)
        if (strcmp(str(expected, r, "case"), c) == 0 && strcmp(str(expected, r, "quantity"), q) == 0) {
            *v = num(expected, r, "value");
            return 1;
        }
    return 0;
}

static void near(const char *c, const char *q, double got, double rel)
{
    double want;
    if (!fact(c, q, &want))
        return;
    if (isnan(want)) {
        if (!isnan(got))
            fail_msg("%s %s: %.17g, expected none", c, q, got);
        return;
    }
    if (!(fabs(got - want) <= rel * fmax(1, fabs(want))))
        fail_msg("%s %s: %.17g, expected %.17g", c, q, got, want);
}

static size_t series_of(const char *unit, const char *indicator)
{
    long s = ind_dataset_find_series(ds, unit, indicator, IND_GENDER_T);
    assert_true(s >= 0);
    return (size_t)s;
}

static ind_period period_of(const char *s)
{
    ind_period p;
    assert_int_equal(ind_period_parse(s, strlen(s), &p, NULL), 0);
    return p;
}

/* Every case of cases.csv against R's numbers. */
static void test_golden_cases(void **state)
{
    (void)state;
    for (size_t r = 0; r < cases->nrow; r++) {
        const char *c = str(cases, r, "case");
        size_t s = series_of(str(cases, r, "unit"), str(cases, r, "indicator"));
        long rs = ind_ref_series(ds, s, str(cases, r, "reference"));
        ind_ref_result res;
        ind_ref_compare(ds, s, rs, period_of(str(cases, r, "period")), 0.95, &res);
        double want;
        if (fact(c, "ref_series", &want)) {
            assert_int_equal(rs, -1);
            assert_int_equal(res.ref_series, -1);
            assert_true(isnan(res.reference));
        }
        near(c, "value", res.value, REL);
        near(c, "reference", res.reference, REL);
        near(c, "difference", res.difference, REL);
        near(c, "statistic", res.statistic, REL);
        near(c, "p", res.p, PREL);
        near(c, "diff", res.diff, REL);
        near(c, "ci_lo", res.ci_lo, REL);
        near(c, "ci_hi", res.ci_hi, REL);
        if (fact(c, "exact", &want)) {
            assert_int_equal(res.exact, (int)want);
            assert_non_null(res.test);
            assert_string_equal(res.test, want ? "Fisher's Exact Test for Count Data"
                                               : "2-sample test for equality of proportions with continuity correction");
        }
        char buf[32];
        if (fact(c, "ref_period", &want)) {
            snprintf(buf, sizeof buf, "%.0f", want);
            assert_string_equal(ind_period_format(res.ref_period, buf + 16, 16), buf);
        }
        if (fact(c, "ref_latest", &want)) {
            snprintf(buf, sizeof buf, "%.0f", want);
            assert_string_equal(ind_period_format(res.ref_latest, buf + 16, 16), buf);
            assert_int_equal(res.ref_obs, -1);
        }
        if (isnan(res.reference))
            assert_null(res.test);
    }
}

/* A unit is no reference of its own; an unknown reference has no series. */
static void test_own_unit(void **state)
{
    (void)state;
    size_t s = series_of("Enhet A", "Andel test");
    assert_int_equal(ind_ref_series(ds, s, "Enhet A"), -1);
    assert_int_equal(ind_ref_series(ds, s, "Ingen sådan"), -1);
    assert_int_equal(ind_ref_series(ds, s, NULL), -1);
    assert_true(ind_ref_series(ds, s, REF) >= 0);
}

/* Beside a year-end tertial stands the reference's year; beside T1 and T2 nothing. */
static void test_obs_at(void **state)
{
    (void)state;
    size_t s = series_of("Enhet A", "Sjuk test");
    long rs = ind_ref_series(ds, s, REF);
    assert_true(rs >= 0);
    assert_int_equal(ind_ref_obs_at(ds, (size_t)rs, period_of("2024-T1")), -1);
    assert_int_equal(ind_ref_obs_at(ds, (size_t)rs, period_of("2024-T2")), -1);
    long i = ind_ref_obs_at(ds, (size_t)rs, period_of("2024-T3"));
    assert_true(i >= 0);
    assert_true(fabs(ind_dataset_value(ds, (size_t)i) - 7.5) < 1e-12);
    /* and the other way: a year beside a reference given per tertial */
    size_t f = series_of(REF, "Sjuk test");
    long back = ind_ref_series(ds, f, "Enhet A");
    assert_true(back >= 0);
    i = ind_ref_obs_at(ds, (size_t)back, period_of("2025"));
    assert_true(i >= 0);
    assert_true(fabs(ind_dataset_value(ds, (size_t)i) - 7.7) < 1e-12);
    assert_int_equal(ind_ref_obs_at(ds, (size_t)back, period_of("2023")), -1);
}

/* The reference line of a trend chart stands beside the chart's own
 * periods: Enhet A's Sjuk test is per tertial 2024-T1..2025-T3, Förvaltningen
 * has 7,5 for 2024 and 7,2 for 2025 (data.csv), so the line has those at the
 * two T3s and nothing at T1 and T2. Andel test: 63,3 %, 65,8 %, none (2024:
 * bortfall), 65 %. */
static void test_figure_aligned(void **state)
{
    (void)state;
    ind_fig_trend *f = ind_fig_trend_new(ds, series_of("Enhet A", "Sjuk test"), 0, 0, 0, 0, 0.05, IND_LANG_SV);
    assert_non_null(f);
    assert_int_equal(ind_fig_trend_reference(f, ds, REF, 0.05, IND_LANG_SV), 1);
    const ind_chart_trend *m = ind_fig_trend_chart(f);
    assert_int_equal(m->count, 6);
    assert_int_equal(m->reference_count, 1);
    const double want[6] = {NAN, NAN, 7.5, NAN, NAN, 7.2};
    for (size_t i = 0; i < 6; i++)
        if (isnan(want[i]))
            assert_true(isnan(m->references[0].values[i]));
        else
            assert_true(fabs(m->references[0].values[i] - want[i]) < 1e-12);
    assert_string_equal(m->references[0].name, "Förvaltningen (referens)");
    assert_string_equal(m->references[0].alt,
                        "Enhetens resultat 2025: 7,7\u00a0% mot förvaltningens 7,2\u00a0%. Det är 0,5 procentenheter högre.");
    /* the same reference twice draws two lines; a third is more than a chart takes */
    assert_int_equal(ind_fig_trend_reference(f, ds, REF, 0.05, IND_LANG_SV), 1);
    assert_int_equal(ind_fig_trend_reference(f, ds, REF, 0.05, IND_LANG_SV), 0);
    ind_fig_trend_free(f);

    f = ind_fig_trend_new(ds, series_of("Enhet A", "Andel test"), 0, 0, 0, 0, 0.05, IND_LANG_SV);
    assert_int_equal(ind_fig_trend_reference(f, ds, REF, 0.05, IND_LANG_EN), 1);
    m = ind_fig_trend_chart(f);
    assert_int_equal(m->count, 4);
    const double want2[4] = {100.0 * 380 / 600, 100.0 * 395 / 600, NAN, 65};
    for (size_t i = 0; i < 4; i++)
        if (isnan(want2[i]))
            assert_true(isnan(m->references[0].values[i]));
        else
            assert_true(fabs(m->references[0].values[i] - want2[i]) < 1e-9);
    assert_string_equal(m->references[0].name, "Förvaltningen (reference)");
    /* a unit without the indicator in the reference: nothing drawn */
    ind_fig_trend_free(f);
    f = ind_fig_trend_new(ds, series_of("Enhet A", "Index test"), 0, 0, 0, 0, 0.05, IND_LANG_SV);
    assert_int_equal(ind_fig_trend_reference(f, ds, REF, 0.05, IND_LANG_SV), 0);
    assert_int_equal(ind_fig_trend_chart(f)->reference_count, 0);
    ind_fig_trend_free(f);
}

/* The sentence of a case under a name for the reference, and its note. */
static void said(const char *unit, const char *indicator, const char *period, const char *name, ind_lang lang,
                 const char *text, const char *note)
{
    size_t s = series_of(unit, indicator);
    ind_ref_result r;
    ind_ref_compare(ds, s, ind_ref_series(ds, s, REF), period_of(period), 0.95, &r);
    ind_said got = ind_say_reference(&r, name, ind_dataset_series(ds, s)->info, 0.05, lang);
    assert_non_null(got.text);
    assert_string_equal(got.text, text);
    if (note) {
        assert_non_null(got.note);
        assert_string_equal(got.note, note);
    } else
        assert_null(got.note);
    ind_said_free(&got);
}

/* The sentences, worked by hand from data.csv and R's p (expected.csv:
 * 0,389 and 0,177); the test goes into the note, never mid-sentence. */
static void test_sentences(void **state)
{
    (void)state;
    said("Enhet A", "Andel test", "2025", REF, IND_LANG_SV,
         "Enhetens resultat 2025: 70\u00a0% mot förvaltningens 65\u00a0%. Det är 5 procentenheter högre. "
         "Skillnaden kan bero på slumpen.",
         "Enheten mot Förvaltningen 2025: test av två andelar med Yates korrektion (70 av 100 mot 390 av 600), p = 0,39.");
    said("Enhet B", "Andel test", "2025", REF, IND_LANG_SV,
         "Enhetens resultat 2025: 90\u00a0% mot förvaltningens 65\u00a0%. Det är 25 procentenheter högre. "
         "Skillnaden kan bero på slumpen.",
         "Enheten mot Förvaltningen 2025: Fishers exakta test (9 av 10 mot 390 av 600), p = 0,18.");
    said("Enhet A", "Andel test", "2025", "Riket", IND_LANG_SV,
         "Enhetens resultat 2025: 70\u00a0% mot rikets 65\u00a0%. Det är 5 procentenheter högre. "
         "Skillnaden kan bero på slumpen.",
         "Enheten mot Riket 2025: test av två andelar med Yates korrektion (70 av 100 mot 390 av 600), p = 0,39.");
    said("Enhet A", "Antal test", "2025", "Träffpunkten Lärkan", IND_LANG_SV,
         "Enhetens resultat 2025: 3 mot 7 för Träffpunkten Lärkan. Det är 4 lägre.", NULL);
    said("Enhet A", "Antal test", "2025", "Stockholms stad", IND_LANG_SV,
         "Enhetens resultat 2025: 3 mot stadens 7. Det är 4 lägre.", NULL);
    said("Enhet A", "Andel test", "2022", REF, IND_LANG_EN,
         "The unit's result in 2022: 60% against 63% for Förvaltningen. That is 3 percentage points lower. "
         "The difference may be due to chance.",
         "The unit against Förvaltningen in 2022: test of two proportions with Yates' correction (60 of 100 against "
         "380 of 600), p = 0.60.");
    /* no value beside the period: said plainly, with the latest there is */
    said("Enhet A", "Andel test", "2024", REF, IND_LANG_SV,
         "Förvaltningen har inget värde för 2024 att jämföra med. Det senaste värdet är 66\u00a0% (2023).", NULL);
    said("Enhet A", "Sjuk test", "2025-T2", REF, IND_LANG_EN,
         "Förvaltningen has no value for 2025 T2 to compare with. Its latest value is 7.5% (2024).", NULL);
    said("Enhet A", "Index test", "2025", REF, IND_LANG_SV, "Förvaltningen har inga värden för indikatorn.", NULL);
}

int main(void)
{
    (void)lnum; /* golden_table.h's readers this test does not need */
    (void)list;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_cases),
        cmocka_unit_test(test_own_unit),
        cmocka_unit_test(test_obs_at),
        cmocka_unit_test(test_figure_aligned),
        cmocka_unit_test(test_sentences),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
