/* test_prognosis.c: engine/judge/prognosis against R.
 *
 * Reference: tests/golden/prognosis/make_fixtures.R (R 4.2.2: mean, sd, qt;
 * lm and predict(interval = "prediction")) reads data.csv and writes
 * expected.csv: the method, the earlier years used, the prediction and its
 * 95 % interval. The verdicts are worked by hand from those numbers with the
 * default rule (delvis within 5 % of the target):
 *   Enhet P T2: 6,10 [5,80; 6,40] against max 4 %: all far above: inte.
 *   Enhet P T1: 5,88 [5,43; 6,33]: inte.
 *   Enhet Q T2: 86 [81,0; 91,0] against 80 (index, higher is better): all met: helt.
 *   Enhet R T1 (two earlier years with T1 and T3: the trend): 3,76 [3,44; 4,09]:
 *     the upper end 4,09 is 2,2 % above 4: delvis, the rest met: osäkert.
 *   Enhet S T2: one earlier tertial, three tertials in all: no prognosis.
 *   Enhet T T2: 4,100 [4,071; 4,129] against max 4 %: all within 5 % above: delvis. */
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
#include "prognosis.h"

#define DIR IND_TEST_DIR "/golden/prognosis/"

typedef struct {
    ind_catalog *cat;
    ind_dataset *ds;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    ind_error err;
    f->cat = ind_catalog_new();
    f->ds = ind_dataset_new(f->cat);
    ind_ingest_options io = {0};
    if (ind_catalog_load_file(f->cat, IND_SOURCE_DIR "/datasets/catalog.csv", &err) != IND_OK ||
        ind_ingest_file(f->ds, DIR "data.csv", &io, NULL, &err) != IND_OK || ind_dataset_finish(f->ds, &err) != IND_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ind_dataset_free(f->ds);
    ind_catalog_free(f->cat);
    free(f);
    return 0;
}

static size_t series_of(const ind_dataset *ds, const char *unit)
{
    for (size_t s = 0; s < ind_dataset_series_count(ds); s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (strcmp(ind_dataset_str(ds, se->unit), unit) == 0 && se->gender == IND_GENDER_T)
            return s;
    }
    fail_msg("no series for %s", unit);
    return 0;
}

static void close_to(double got, double want)
{
    if (!(fabs(got - want) <= 1e-12 * fmax(1, fabs(want))))
        fail_msg("got %.17g, want %.17g", got, want);
}

static void against_r(void **state)
{
    fixture *f = *state;
    static const ind_prognosis_verdict verdict[] = {IND_PROGNOSIS_NOT_MET, IND_PROGNOSIS_NOT_MET, IND_PROGNOSIS_MET,
                                                    IND_PROGNOSIS_UNCERTAIN, IND_PROGNOSIS_NONE, IND_PROGNOSIS_PARTLY};
    FILE *in = fopen(DIR "expected.csv", "r");
    assert_non_null(in);
    char line[512];
    assert_non_null(fgets(line, sizeof line, in)); /* header */
    size_t k = 0;
    ind_attain_policy policy;
    ind_attain_policy_default(&policy);
    while (fgets(line, sizeof line, in)) {
        char unit[64], period[16], method[16], pred[40], lo[40], hi[40];
        int years;
        assert_int_equal(sscanf(line, "%63[^,],%15[^,],%15[^,],%d,%39[^,],%39[^,],%39[^,\n]", unit, period, method,
                                &years, pred, lo, hi),
                         7);
        ind_period p;
        assert_int_equal(ind_period_parse(period, strlen(period), &p, NULL), 0);
        ind_prognosis g;
        ind_error err;
        assert_int_equal(ind_prognosis_of(f->ds, series_of(f->ds, unit), p, 0.05, &policy, &g, &err), IND_OK);
        assert_string_equal(ind_prognosis_method_code(g.method), strcmp(method, "none") ? method : "");
        if (strcmp(method, "none") != 0) {
            close_to(g.predicted, strtod(pred, NULL));
            close_to(g.pi_lo, strtod(lo, NULL));
            close_to(g.pi_hi, strtod(hi, NULL));
            assert_int_equal((int)g.years, years);
        }
        if (g.verdict != verdict[k])
            fail_msg("%s %s: prognosis %s, want %s", unit, period, ind_prognosis_code(g.verdict),
                     ind_prognosis_code(verdict[k]));
        k++;
    }
    fclose(in);
    assert_int_equal(k, 6);
}

static void only_at_t1_and_t2(void **state)
{
    fixture *f = *state;
    ind_prognosis g;
    ind_error err;
    ind_period p;
    ind_period_parse("2024-T3", 7, &p, NULL);
    assert_int_equal(ind_prognosis_of(f->ds, series_of(f->ds, "Enhet P"), p, 0.05, NULL, &g, &err), IND_EUSAGE);
    /* a tertial without an outcome: no prognosis */
    ind_period_parse("2026-T1", 7, &p, NULL);
    assert_int_equal(ind_prognosis_of(f->ds, series_of(f->ds, "Enhet P"), p, 0.05, NULL, &g, &err), IND_OK);
    assert_int_equal(g.verdict, IND_PROGNOSIS_NONE);
    assert_true(isnan(g.predicted));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(against_r, setup, teardown),
        cmocka_unit_test_setup_teardown(only_at_t1_and_t2, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
