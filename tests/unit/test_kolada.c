/* test_kolada.c: engine/kolada against hand-written Kolada payloads
 * (tests/golden/kolada/, described in its README.md) whose expected
 * observations are worked out by hand below, and against the SKR course
 * extract in ../shared/data/kolada/ (skipped when absent), spot-checked
 * against values read from the files with grep. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kolada.h"

#define GOLDEN IND_TEST_DIR "/golden/kolada/"
#define SHARED IND_SOURCE_DIR "/../shared/data/kolada/"

/* ---- helpers ------------------------------------------------------------------ */

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

static size_t ingest(ind_dataset *ds, const char *file, const ind_kolada_options *opt)
{
    ind_error err;
    ind_error_clear(&err);
    size_t added = 12345;
    ind_status st = ind_kolada_ingest_file(ds, file, opt, &added, &err);
    if (st != IND_OK) {
        char buf[2048];
        print_error("%s\n", ind_error_format(&err, buf, sizeof buf));
    }
    assert_int_equal(st, IND_OK);
    return added;
}

static size_t ingest_text(ind_dataset *ds, const char *json, const ind_kolada_options *opt)
{
    ind_error err;
    ind_error_clear(&err);
    size_t added = 12345;
    ind_status st = ind_kolada_ingest_buffer(ds, "inline.json", json, strlen(json), opt, &added, &err);
    if (st != IND_OK) {
        char buf[2048];
        print_error("%s\n", ind_error_format(&err, buf, sizeof buf));
    }
    assert_int_equal(st, IND_OK);
    return added;
}

static void finish(ind_dataset *ds)
{
    ind_error err;
    ind_error_clear(&err);
    ind_status st = ind_dataset_finish(ds, &err);
    if (st != IND_OK) {
        char buf[2048];
        print_error("%s\n", ind_error_format(&err, buf, sizeof buf));
    }
    assert_int_equal(st, IND_OK);
}

static void load_meta(ind_kolada_meta *m, const char *file)
{
    ind_error err;
    ind_error_clear(&err);
    ind_status st = ind_kolada_meta_load(m, file, &err);
    if (st != IND_OK) {
        char buf[2048];
        print_error("%s\n", ind_error_format(&err, buf, sizeof buf));
    }
    assert_int_equal(st, IND_OK);
}

/* The observation of unit x indicator x gender in year, which must exist. */
static ind_obs get(const ind_dataset *ds, const char *unit, const char *indicator, ind_gender g,
                   int year)
{
    long s = ind_dataset_find_series(ds, unit, indicator, g);
    if (s < 0)
        print_error("no series %s / %s / %s\n", unit, indicator, ind_gender_code(g));
    assert_true(s >= 0);
    long i = ind_dataset_find_obs(ds, (size_t)s, ind_period_make(year, IND_PERIOD_YEAR, 0));
    if (i < 0)
        print_error("no observation %s / %s / %s / %d\n", unit, indicator, ind_gender_code(g), year);
    assert_true(i >= 0);
    ind_obs o;
    ind_dataset_get(ds, (size_t)i, &o);
    return o;
}

/* Checks a present value (exactly as written in the JSON), its line and where it came from. */
static void check_value(const ind_dataset *ds, const char *unit, const char *indicator,
                         ind_gender g, int year, double value, unsigned line, const char *source_tail)
{
    ind_obs o = get(ds, unit, indicator, g, year);
    if (!(o.value == value))
        print_error("%s / %s / %s / %d: %.17g, expected %.17g\n", unit, indicator,
                    ind_gender_code(g), year, o.value, value);
    assert_true(o.value == value);
    assert_int_equal(o.missing, IND_MISSING_NONE);
    if (line)
        assert_int_equal(o.line, line);
    if (source_tail) {
        const char *src = ind_dataset_str(ds, o.source);
        if (!ends_with(src, source_tail))
            print_error("source \"%s\", expected it to end \"%s\"\n", src, source_tail);
        assert_true(ends_with(src, source_tail));
    }
}

static void check_missing(const ind_dataset *ds, const char *unit, const char *indicator,
                           ind_gender g, int year, ind_missing why)
{
    ind_obs o = get(ds, unit, indicator, g, year);
    assert_true(isnan(o.value));
    assert_int_equal(o.missing, why);
}

static void check_note(const ind_dataset *ds, const char *unit, const char *indicator,
                        ind_gender g, int year, const char *note)
{
    ind_obs o = get(ds, unit, indicator, g, year);
    assert_string_equal(ind_dataset_str(ds, o.note), note);
}

static size_t count_missing(const ind_dataset *ds)
{
    size_t n = 0;
    for (size_t i = 0; i < ind_dataset_obs_count(ds); i++)
        n += isnan(ind_dataset_value(ds, i));
    return n;
}

static int has_warning(const ind_dataset *ds, const char *text)
{
    for (size_t i = 0; i < ind_dataset_warning_count(ds); i++)
        if (strstr(ind_dataset_warning(ds, i)->message, text))
            return 1;
    return 0;
}

/* ---- API pages ------------------------------------------------------------------ */

static void test_v2_page(void **state)
{
    (void)state;
    ind_dataset *ds = ind_dataset_new(NULL);
    /* 3 + 3 + 1 + 2 values in four data objects */
    assert_int_equal(ingest(ds, GOLDEN "v2_page.json", NULL), 9);
    finish(ds);
    assert_int_equal(ind_dataset_obs_count(ds), 9);
    /* 1440: N15419 K, M, T and N15008 T; 0180: N15419 T, K */
    assert_int_equal(ind_dataset_series_count(ds), 6);
    check_value(ds, "1440", "N15419", IND_GENDER_K, 2019, 78.8, 11, "v2_page.json:values[0].values[0]");
    check_value(ds, "1440", "N15419", IND_GENDER_M, 2019, 69.9, 12, "v2_page.json:values[0].values[1]");
    check_value(ds, "1440", "N15419", IND_GENDER_T, 2019, 74.2, 13, "v2_page.json:values[0].values[2]");
    check_value(ds, "1440", "N15419", IND_GENDER_K, 2020, 74.6, 21, "v2_page.json:values[1].values[0]");
    check_value(ds, "1440", "N15419", IND_GENDER_M, 2020, 77.9, 22, NULL);
    check_value(ds, "1440", "N15419", IND_GENDER_T, 2020, 76.3, 23, NULL);
    check_value(ds, "1440", "N15008", IND_GENDER_T, 2020, 114165.878096, 31, "values[2].values[0]");
    /* "period": "2020" written as a string is the same year */
    check_value(ds, "0180", "N15419", IND_GENDER_T, 2020, 79.7, 39, "values[3].values[0]");
    check_missing(ds, "0180", "N15419", IND_GENDER_K, 2020, IND_MISSING_UNREPORTED);
    check_note(ds, "0180", "N15419", IND_GENDER_K, 2020, "count=0");
    /* count 1 and an empty status leave no note */
    check_note(ds, "1440", "N15419", IND_GENDER_T, 2019, "");
    ind_obs o = get(ds, "1440", "N15419", IND_GENDER_T, 2019);
    assert_true(ends_with(ind_dataset_str(ds, o.file), "v2_page.json"));
    assert_true(isnan(o.numerator) && isnan(o.denominator) && isnan(o.sd));
    assert_int_equal(ind_dataset_warning_count(ds), 0);
    ind_dataset_free(ds);
}

static void test_v3_page(void **state)
{
    (void)state;
    ind_dataset *ds = ind_dataset_new(NULL);
    assert_int_equal(ingest(ds, GOLDEN "v3_page.json", NULL), 4);
    finish(ds);
    check_value(ds, "0180", "N15436", IND_GENDER_T, 2018, 86.9, 1, "v3_page.json:values[0].values[0]");
    check_value(ds, "0180", "N15436", IND_GENDER_K, 2018, 88.2, 1, NULL);
    check_value(ds, "0180", "N15436", IND_GENDER_M, 2018, 85.6, 1, NULL);
    /* an integer value (84) is a number like any other */
    check_value(ds, "1440", "N15436", IND_GENDER_T, 2018, 84.0, 1, "v3_page.json:values[1].values[0]");
    ind_dataset_free(ds);
}

static void test_two_pages(void **state)
{
    (void)state;
    ind_dataset *ds = ind_dataset_new(NULL);
    assert_int_equal(ingest(ds, GOLDEN "query_page1.json", NULL), 2);
    assert_int_equal(ingest(ds, GOLDEN "query_page2.json", NULL), 2);
    finish(ds);
    /* 1440/2020 is on both pages with the same value: kept once, with a warning */
    assert_int_equal(ind_dataset_obs_count(ds), 3);
    assert_int_equal(ind_dataset_warning_count(ds), 1);
    const ind_warning *w = ind_dataset_warning(ds, 0);
    assert_non_null(strstr(w->message, "identical repeat of"));
    assert_non_null(strstr(w->message, "query_page1.json:3"));
    assert_true(ends_with(ind_dataset_str(ds, w->file), "query_page2.json"));
    assert_int_equal(w->line, 3);
    check_value(ds, "1440", "N15436", IND_GENDER_T, 2019, 87.0, 2, "query_page1.json:values[0].values[0]");
    check_value(ds, "1440", "N15436", IND_GENDER_T, 2020, 86.3, 3, "query_page1.json:values[1].values[0]");
    check_value(ds, "0180", "N15436", IND_GENDER_T, 2019, 87.4, 2, "query_page2.json:values[0].values[0]");
    ind_dataset_free(ds);
}

static void test_two_pages_conflict(void **state)
{
    (void)state;
    ind_dataset *ds = ind_dataset_new(NULL);
    ingest(ds, GOLDEN "query_page1.json", NULL);
    ingest(ds, GOLDEN "query_page2_conflict.json", NULL);
    ind_error err;
    ind_error_clear(&err);
    /* 1440/2020 is 86.3 on page 1 (line 3) and 86.0 on the other page (line 3) */
    assert_int_equal(ind_dataset_finish(ds, &err), IND_EINPUT);
    assert_true(ends_with(err.file, "query_page2_conflict.json"));
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "1440, N15436, 2020, T"));
    assert_non_null(strstr(err.message, "query_page1.json:3"));
    ind_dataset_free(ds);
}

/* Two records of the same unit, KPI, year and gender with different values, on
 * lines 5 and 9 of a pretty-printed page: the error names lines 9 and 5 (the
 * text's lines, not the objects' numbers). */
static void test_duplicate_lines(void **state)
{
    (void)state;
    static const char json[] =
        "{\"values\": [\n"                                                               /* 1 */
        "  {\"kpi\": \"N1\",\n"                                                         /* 2 */
        "   \"municipality\": \"1440\",\n"                                              /* 3 */
        "   \"period\": 2020, \"values\": [\n"                                          /* 4 */
        "     {\"gender\": \"T\", \"value\": 1}]},\n"                                   /* 5 */
        "  {\"kpi\": \"N2\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [\n" /* 6 */
        "     {\"gender\": \"T\", \"value\": 7}]},\n"                                   /* 7 */
        "  {\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [\n" /* 8 */
        "     {\"gender\": \"T\", \"value\": 2}]}\n"                                    /* 9 */
        "]}\n";
    ind_dataset *ds = ind_dataset_new(NULL);
    size_t added;
    ind_error err;
    ind_error_clear(&err);
    assert_int_equal(ind_kolada_ingest_buffer(ds, "dup.json", json, strlen(json), NULL, &added, &err), IND_OK);
    assert_int_equal(added, 3);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_EINPUT);
    assert_string_equal(err.file, "dup.json");
    assert_int_equal(err.line, 9);
    assert_non_null(strstr(err.message, "here and at dup.json:5"));
    ind_dataset_free(ds);

    /* a shape error deep in a pretty-printed page: line and column of the member */
    static const char bad[] = "{\"values\": [\n  {\"kpi\": \"N1\", \"municipality\": \"1440\",\n"
                              "   \"period\": 2020, \"values\": [\n     {\"gender\": \"Ö\", \"value\": 1}]}]}";
    ds = ind_dataset_new(NULL);
    ind_error_clear(&err);
    assert_int_equal(ind_kolada_ingest_buffer(ds, "bad.json", bad, strlen(bad), NULL, &added, &err), IND_EINPUT);
    assert_int_equal(err.line, 4);
    assert_int_equal(err.column, 7); /* "gender" after five spaces and "{" */
    ind_dataset_free(ds);
}

/* Found by fuzz_kolada: jansson reads a NUL byte right after a number as part
 * of it ("6\0," is 6). The position scan once took the NUL for the start of a
 * key, fell out of step with the tree and looped forever binding positions. Now
 * it reads the NUL as jansson does, and a scan that disagrees with the tree
 * gives no positions rather than wrong ones (or a hang). */
static void test_nul_after_number(void **state)
{
    (void)state;
    static const char json[] = "{\"values\": [{\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020,\n"
                               " \"count\": 6\0, \"values\": [{\"gender\": \"X\", \"value\": 1}]}]}";
    ind_dataset *ds = ind_dataset_new(NULL);
    size_t added;
    ind_error err;
    ind_error_clear(&err);
    assert_int_equal(ind_kolada_ingest_buffer(ds, "nul.json", json, sizeof json - 1, NULL, &added, &err),
                     IND_EINPUT);
    assert_non_null(strstr(err.message, "values[0].values[0].gender: unknown gender"));
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 27); /* "gender" on line 2 (Python str.index), the NUL one character */
    ind_dataset_free(ds);
    /* the fuzzer's input itself: read to the end */
    char path[1024];
    snprintf(path, sizeof path, "%s/fuzz/corpus-kolada/regress_nul_after_number.json", IND_TEST_DIR);
    ds = ind_dataset_new(NULL);
    ind_error_clear(&err);
    ind_kolada_ingest_file(ds, path, NULL, &added, &err);
    ind_dataset_free(ds);
}

static void test_ou_data(void **state)
{
    (void)state;
    ind_dataset *ds = ind_dataset_new(NULL);
    assert_int_equal(ingest(ds, GOLDEN "ou_data.json", NULL), 3);
    finish(ds);
    check_value(ds, "V15E144001301", "N15033", IND_GENDER_T, 2019, 12.5, 5, "ou_data.json:values[0].values[0]");
    check_missing(ds, "V15E144001101", "N15033", IND_GENDER_T, 2019, IND_MISSING_UNREPORTED);
    check_value(ds, "V15E144001101", "N15033", IND_GENDER_K, 2019, 11.0, 8, "values[1].values[1]");
    ind_dataset_free(ds);
}

static void test_nulls(void **state)
{
    (void)state;
    ind_dataset *ds = ind_dataset_new(NULL);
    assert_int_equal(ingest(ds, GOLDEN "nulls.json", NULL), 11);
    finish(ds);
    assert_int_equal(count_missing(ds), 6);
    check_missing(ds, "1440", "N15571", IND_GENDER_K, 2016, IND_MISSING_UNREPORTED);
    check_note(ds, "1440", "N15571", IND_GENDER_K, 2016, "count=0");
    check_value(ds, "1440", "N15571", IND_GENDER_M, 2016, 3.9, 2, NULL);
    check_value(ds, "1440", "N15571", IND_GENDER_T, 2016, 2.1, 2, NULL);
    /* Kolada's marks in the status: .. sekretess, - bortfall, . ej tillämplig */
    check_missing(ds, "1440", "N15571", IND_GENDER_K, 2017, IND_MISSING_CONFIDENTIAL);
    check_note(ds, "1440", "N15571", IND_GENDER_K, 2017, "count=0; status=..");
    check_missing(ds, "1440", "N15571", IND_GENDER_M, 2017, IND_MISSING_DROPOUT);
    check_missing(ds, "1440", "N15571", IND_GENDER_T, 2017, IND_MISSING_NOT_APPLICABLE);
    check_missing(ds, "0180", "N15571", IND_GENDER_T, 2017, IND_MISSING_DROPOUT);
    check_note(ds, "0180", "N15571", IND_GENDER_T, 2017, "count=0; status=Bortfall");
    /* a status that names no reason: unreported, the status kept in the note */
    check_missing(ds, "0180", "N15571", IND_GENDER_T, 2018, IND_MISSING_UNREPORTED);
    check_note(ds, "0180", "N15571", IND_GENDER_T, 2018, "count=0; status=X");
    /* status null, count absent: a plain value */
    check_value(ds, "0180", "N15571", IND_GENDER_T, 2019, 4.5, 6, NULL);
    check_note(ds, "0180", "N15571", IND_GENDER_T, 2019, "");
    check_value(ds, "0180", "N15571", IND_GENDER_K, 2019, 5.0, 6, NULL);
    check_note(ds, "0180", "N15571", IND_GENDER_K, 2019, "");
    /* a value with a status keeps the value and notes the status */
    check_value(ds, "0180", "N15571", IND_GENDER_T, 2020, 4.25, 7, NULL);
    check_note(ds, "0180", "N15571", IND_GENDER_T, 2020, "status=Prel");
    ind_dataset_free(ds);
}

static void test_group(void **state)
{
    (void)state;
    ind_dataset *ds = ind_dataset_new(NULL);
    assert_int_equal(ingest(ds, GOLDEN "group.json", NULL), 3);
    finish(ds);
    check_value(ds, "G124004", "N15419", IND_GENDER_T, 2020, 72.4, 3, NULL);
    check_note(ds, "G124004", "N15419", IND_GENDER_T, 2020,
                "count=3; unweighted mean of 3 members (Kolada group)");
    check_value(ds, "G124004", "N15419", IND_GENDER_M, 2020, 70.05, 5, NULL);
    check_note(ds, "G124004", "N15419", IND_GENDER_M, 2020,
                "count=2; unweighted mean of 2 members (Kolada group)");
    check_missing(ds, "G124004", "N15419", IND_GENDER_K, 2020, IND_MISSING_UNREPORTED);
    check_note(ds, "G124004", "N15419", IND_GENDER_K, 2020, "count=0");
    ind_dataset_free(ds);
}

/* ---- metadata ----------------------------------------------------------------------- */

#define N15419_TITLE "Elever i \xc3\xa5r 9 som uppn\xc3\xa5tt kunskapskraven i alla \xc3\xa4mnen, kommunala skolor, andel (%)"
#define N15008_TITLE "Kostnad f\xc3\xb6r kommunal grundskola \xc3\xa5k 1-9, kr/elev"
#define N15436_TITLE "Elever i \xc3\xa5k 9 som \xc3\xa4r beh\xc3\xb6riga till yrkesprogram, kommunala skolor, andel (%)"

static void test_kpi_meta_catalog(void **state)
{
    (void)state;
    ind_kolada_meta *m = ind_kolada_meta_new();
    load_meta(m, GOLDEN "kpi_meta.json");
    assert_int_equal(ind_kolada_meta_kpi_count(m), 3);
    assert_int_equal(ind_kolada_meta_municipality_count(m), 0);
    /* the trailing space of the title is trimmed */
    assert_string_equal(ind_kolada_meta_kpi_title(m, "N15419"), N15419_TITLE);
    assert_null(ind_kolada_meta_kpi_title(m, "N99999"));

    ind_catalog *cat = ind_catalog_new();
    ind_error err;
    ind_error_clear(&err);
    assert_int_equal(ind_kolada_meta_to_catalog(m, cat, &err), IND_OK);
    assert_int_equal(ind_catalog_count(cat), 3);
    /* in id order: N15008, N15033, N15419 */
    const ind_indicator *a = ind_catalog_at(cat, 0), *b = ind_catalog_at(cat, 1), *c = ind_catalog_at(cat, 2);
    assert_string_equal(a->id, "N15008");
    assert_string_equal(a->name, N15008_TITLE);
    assert_int_equal(a->measure, IND_MEASURE_NUMBER);
    assert_int_equal(a->by_gender, 0); /* is_divided_by_gender 0 */
    assert_string_equal(b->id, "N15033");
    assert_int_equal(b->measure, IND_MEASURE_NUMBER);
    assert_int_equal(b->by_gender, 1); /* is_divided_by_gender true (the v3 spelling) */
    assert_string_equal(c->id, "N15419");
    assert_string_equal(c->name, N15419_TITLE);
    assert_int_equal(c->measure, IND_MEASURE_PERCENT); /* "andel (%)" */
    assert_int_equal(c->by_gender, 1);
    assert_int_equal(c->alias_count, 1);
    assert_string_equal(c->alias[0], "N15419");
    for (size_t i = 0; i < 3; i++) {
        const ind_indicator *x = ind_catalog_at(cat, i);
        assert_int_equal(x->direction, IND_DIR_NEUTRAL);
        assert_int_equal(x->periodicity, IND_PERIOD_YEAR);
        assert_true(isnan(x->tolerance));
    }
    assert_ptr_equal(ind_catalog_lookup(cat, "N15419", 6), c);
    ind_catalog_free(cat);

    /* a catalogue that already knows a KPI keeps its entry and its direction */
    cat = ind_catalog_new();
    const char *csv = "id,name,direction\nN15419,Beh\xc3\xb6righet alla \xc3\xa4mnen \xc3\xa5k 9,higher\n";
    assert_int_equal(ind_catalog_load_buffer(cat, "catalog.csv", csv, strlen(csv), &err), IND_OK);
    assert_int_equal(ind_kolada_meta_to_catalog(m, cat, &err), IND_OK);
    assert_int_equal(ind_catalog_count(cat), 3);
    const ind_indicator *k = ind_catalog_lookup(cat, "N15419", 6);
    assert_non_null(k);
    assert_int_equal(k->direction, IND_DIR_HIGHER);
    assert_string_equal(k->name, "Beh\xc3\xb6righet alla \xc3\xa4mnen \xc3\xa5k 9");
    ind_catalog_free(cat);
    ind_kolada_meta_free(m);
}

static void test_names_from_metadata(void **state)
{
    (void)state;
    ind_kolada_meta *m = ind_kolada_meta_new();
    load_meta(m, GOLDEN "kpi_meta.json");
    load_meta(m, GOLDEN "municipality_meta.json");
    assert_int_equal(ind_kolada_meta_municipality_count(m), 3);
    assert_string_equal(ind_kolada_meta_municipality_name(m, "1440"), "Ale");
    ind_catalog *cat = ind_catalog_new();
    ind_error err;
    assert_int_equal(ind_kolada_meta_to_catalog(m, cat, &err), IND_OK);

    /* with the catalogue made from the metadata: series named by title, found by id too */
    ind_dataset *ds = ind_dataset_new(cat);
    ind_kolada_options opt = {m, NULL, 0};
    assert_int_equal(ingest(ds, GOLDEN "v2_page.json", &opt), 9);
    finish(ds);
    assert_int_equal(ind_dataset_warning_count(ds), 0);
    check_value(ds, "Ale", N15419_TITLE, IND_GENDER_K, 2019, 78.8, 11, NULL);
    check_value(ds, "Ale", "N15419", IND_GENDER_K, 2019, 78.8, 11, NULL);
    check_value(ds, "Ale", N15008_TITLE, IND_GENDER_T, 2020, 114165.878096, 31, NULL);
    check_value(ds, "Stockholm", "N15419", IND_GENDER_T, 2020, 79.7, 39, NULL);
    long s = ind_dataset_find_series(ds, "Ale", "N15419", IND_GENDER_T);
    assert_true(s >= 0);
    const ind_series *se = ind_dataset_series(ds, (size_t)s);
    assert_string_equal(ind_dataset_str(ds, se->indicator), N15419_TITLE);
    assert_non_null(se->info);
    assert_int_equal(se->info->direction, IND_DIR_NEUTRAL);
    assert_int_equal(ind_dataset_find_series(ds, "1440", "N15419", IND_GENDER_T), -1);
    ind_dataset_free(ds);

    /* metadata without a catalogue: the title is the indicator's name */
    ds = ind_dataset_new(NULL);
    assert_int_equal(ingest(ds, GOLDEN "v2_page.json", &opt), 9);
    finish(ds);
    check_value(ds, "Ale", N15419_TITLE, IND_GENDER_K, 2019, 78.8, 11, NULL);
    assert_null(ind_dataset_series(ds, (size_t)ind_dataset_find_series(ds, "Ale", N15419_TITLE, IND_GENDER_K))->info);
    assert_int_equal(ind_dataset_find_series(ds, "Ale", "N15419", IND_GENDER_K), -1);
    ind_dataset_free(ds);
    ind_catalog_free(cat);
    ind_kolada_meta_free(m);
}

static void test_unknown_ids_warn_once(void **state)
{
    (void)state;
    ind_kolada_meta *m = ind_kolada_meta_new();
    load_meta(m, GOLDEN "kpi_meta.json");
    load_meta(m, GOLDEN "municipality_meta.json");
    ind_kolada_options opt = {m, NULL, 0};
    ind_dataset *ds = ind_dataset_new(NULL);
    /* N15436 is not in kpi_meta.json: its id is the name, one warning */
    assert_int_equal(ingest(ds, GOLDEN "v3_page.json", &opt), 4);
    /* G124004 is not in municipality_meta.json: three values, one warning */
    assert_int_equal(ingest(ds, GOLDEN "group.json", &opt), 3);
    finish(ds);
    assert_int_equal(ind_dataset_warning_count(ds), 2);
    assert_true(has_warning(ds, "KPI N15436 is not in the metadata"));
    assert_true(has_warning(ds, "municipality G124004 is not in the metadata"));
    check_value(ds, "Stockholm", "N15436", IND_GENDER_T, 2018, 86.9, 1, NULL);
    check_value(ds, "G124004", N15419_TITLE, IND_GENDER_T, 2020, 72.4, 3, NULL);
    ind_dataset_free(ds);
    ind_kolada_meta_free(m);
}

static void test_ambiguous_names(void **state)
{
    (void)state;
    ind_kolada_meta *m = ind_kolada_meta_new();
    load_meta(m, GOLDEN "municipality_meta_ambiguous.json");
    ind_kolada_options opt = {m, NULL, 0};
    ind_dataset *ds = ind_dataset_new(NULL);
    ingest_text(ds,
                "[{\"kpi\": \"N1\", \"municipality\": \"0980\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": 1}]},"
                " {\"kpi\": \"N1\", \"municipality\": \"0009\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": 2}]}]",
                &opt);
    finish(ds);
    /* two ids named Gotland must stay two units */
    check_value(ds, "Gotland (0980)", "N1", IND_GENDER_T, 2020, 1.0, 1, "inline.json:[0].values[0]");
    check_value(ds, "Gotland (0009)", "N1", IND_GENDER_T, 2020, 2.0, 1, "inline.json:[1].values[0]");
    ind_dataset_free(ds);
    ind_kolada_meta_free(m);
}

static void test_shared_titles(void **state)
{
    (void)state;
    /* two KPIs with one title, and a catalogue entry named like a third KPI's
     * title but not listing its id: nothing may merge */
    const char *kpis = "[{\"id\": \"N1\", \"title\": \"Kostnad\", \"is_divided_by_gender\": 0},"
                       " {\"id\": \"N2\", \"title\": \"Kostnad\", \"is_divided_by_gender\": 0},"
                       " {\"id\": \"N3\", \"title\": \"Egen\", \"is_divided_by_gender\": 0}]";
    ind_kolada_meta *m = ind_kolada_meta_new();
    ind_error err;
    assert_int_equal(ind_kolada_meta_load_buffer(m, "kpis.json", kpis, strlen(kpis), &err), IND_OK);
    const char *data = "[{\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": 1}]},"
                       " {\"kpi\": \"N2\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": 2}]},"
                       " {\"kpi\": \"N3\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": 3}]}]";
    ind_kolada_options opt = {m, NULL, 0};

    /* metadata only */
    ind_dataset *ds = ind_dataset_new(NULL);
    ingest_text(ds, data, &opt);
    finish(ds);
    check_value(ds, "1440", "Kostnad (N1)", IND_GENDER_T, 2020, 1.0, 1, NULL);
    check_value(ds, "1440", "Kostnad (N2)", IND_GENDER_T, 2020, 2.0, 1, NULL);
    check_value(ds, "1440", "Egen", IND_GENDER_T, 2020, 3.0, 1, NULL);
    ind_dataset_free(ds);

    /* with a catalogue that has its own "Egen" (id egen, no KPI id) */
    ind_catalog *cat = ind_catalog_new();
    const char *csv = "id,name,direction\negen,Egen,higher\n";
    assert_int_equal(ind_catalog_load_buffer(cat, "catalog.csv", csv, strlen(csv), &err), IND_OK);
    assert_int_equal(ind_kolada_meta_to_catalog(m, cat, &err), IND_OK);
    assert_int_equal(ind_catalog_count(cat), 4);
    assert_string_equal(ind_catalog_lookup(cat, "N1", 2)->name, "Kostnad (N1)");
    assert_string_equal(ind_catalog_lookup(cat, "N2", 2)->name, "Kostnad (N2)");
    assert_string_equal(ind_catalog_lookup(cat, "N3", 2)->name, "Egen (N3)");
    assert_string_equal(ind_catalog_lookup(cat, "Egen", 4)->id, "egen");
    ds = ind_dataset_new(cat);
    ingest_text(ds, data, &opt);
    finish(ds);
    check_value(ds, "1440", "Egen (N3)", IND_GENDER_T, 2020, 3.0, 1, NULL);
    check_value(ds, "1440", "N2", IND_GENDER_T, 2020, 2.0, 1, NULL);
    assert_int_equal(ind_dataset_find_series(ds, "1440", "Egen", IND_GENDER_T), -1);
    ind_dataset_free(ds);
    ind_catalog_free(cat);
    ind_kolada_meta_free(m);
}

/* ---- the extract's shapes ------------------------------------------------------------ */

static void test_extract_shapes(void **state)
{
    (void)state;
    ind_dataset *ds = ind_dataset_new(NULL);
    assert_int_equal(ingest(ds, GOLDEN "extract_small.json", NULL), 5);
    assert_int_equal(ingest(ds, GOLDEN "riket_small.json", NULL), 4);
    finish(ds);
    /* the spot check of the brief: Ale, N15419, 2016: K 75.5, M 63.5, T 68.9 */
    check_value(ds, "Ale", "N15419", IND_GENDER_K, 2016, 75.5, 1, "extract_small.json:Ale.N15419.2016.K");
    check_value(ds, "Ale", "N15419", IND_GENDER_M, 2016, 63.5, 1, NULL);
    check_value(ds, "Ale", "N15419", IND_GENDER_T, 2016, 68.9, 1, NULL);
    check_missing(ds, "Ale", "N15419", IND_GENDER_T, 2017, IND_MISSING_UNREPORTED);
    assert_int_equal(get(ds, "Ale", "N15419", IND_GENDER_T, 2017).line, 1);
    check_value(ds, "Upplands V\xc3\xa4sby", "N15008", IND_GENDER_T, 2016, 100.5, 1, NULL);
    /* the national shape: the unit is Riket */
    check_value(ds, "Riket", "N15419", IND_GENDER_K, 2016, 79.4, 1, "riket_small.json:N15419.2016.K");
    check_value(ds, "Riket", "N15419", IND_GENDER_T, 2016, 76.4, 1, NULL);
    check_missing(ds, "Riket", "N15008", IND_GENDER_T, 2020, IND_MISSING_UNREPORTED);
    assert_int_equal(get(ds, "Riket", "N15008", IND_GENDER_T, 2020).line, 1);
    ind_dataset_free(ds);

    /* ... or the unit the caller names */
    ds = ind_dataset_new(NULL);
    ind_kolada_options opt = {NULL, "Sverige", 0};
    assert_int_equal(ingest(ds, GOLDEN "riket_small.json", &opt), 4);
    finish(ds);
    check_value(ds, "Sverige", "N15419", IND_GENDER_M, 2016, 73.7, 1, NULL);
    assert_int_equal(ind_dataset_find_series(ds, "Riket", "N15419", IND_GENDER_M), -1);
    ind_dataset_free(ds);

    /* without paths: no source; file and line remain */
    ds = ind_dataset_new(NULL);
    ind_kolada_options bare = {NULL, NULL, 1};
    assert_int_equal(ingest(ds, GOLDEN "riket_small.json", &bare), 4);
    finish(ds);
    ind_obs o = get(ds, "Riket", "N15008", IND_GENDER_T, 2020);
    assert_int_equal(o.source, 0);
    assert_int_equal(o.line, 1);
    assert_true(ends_with(ind_dataset_str(ds, o.file), "riket_small.json"));
    ind_dataset_free(ds);
}

static void test_kommuner_nyckeltal(void **state)
{
    (void)state;
    ind_kolada_meta *m = ind_kolada_meta_new();
    load_meta(m, GOLDEN "kommuner_small.json");
    load_meta(m, GOLDEN "nyckeltal_small.txt");
    assert_int_equal(ind_kolada_meta_municipality_count(m), 4);
    assert_int_equal(ind_kolada_meta_kpi_count(m), 3);
    assert_string_equal(ind_kolada_meta_municipality_name(m, "0114"), "Upplands V\xc3\xa4sby");
    assert_string_equal(ind_kolada_meta_municipality_name(m, "0000"), "Riket");
    /* BOM, CRLF, a blank line, the trailing space and ", " are dropped */
    assert_string_equal(ind_kolada_meta_kpi_title(m, "N15419"), N15419_TITLE);
    assert_string_equal(ind_kolada_meta_kpi_title(m, "N15008"), N15008_TITLE);
    assert_string_equal(ind_kolada_meta_kpi_title(m, "N15902"),
                        "Nyinvandrade och elever med ok\xc3\xa4nd bakgrund i kommunal grundskola \xc3\xa5k. 1-9, andel (%)");
    ind_catalog *cat = ind_catalog_new();
    ind_error err;
    assert_int_equal(ind_kolada_meta_to_catalog(m, cat, &err), IND_OK);
    assert_int_equal(ind_catalog_count(cat), 3);
    assert_int_equal(ind_catalog_lookup(cat, "N15902", 6)->measure, IND_MEASURE_PERCENT);
    assert_int_equal(ind_catalog_lookup(cat, "N15008", 6)->measure, IND_MEASURE_NUMBER);
    assert_int_equal(ind_catalog_lookup(cat, "N15419", 6)->by_gender, 0); /* the text form does not say */
    ind_catalog_free(cat);

    /* the extract keyed by names keeps them; keyed by codes, the metadata names them */
    ind_kolada_options opt = {m, NULL, 0};
    ind_dataset *ds = ind_dataset_new(NULL);
    ingest(ds, GOLDEN "extract_small.json", &opt);
    ingest_text(ds, "{\"1440\": {\"N15008\": {\"2016\": {\"T\": 108615.28434}}}}", &opt);
    finish(ds);
    check_value(ds, "Ale", N15419_TITLE, IND_GENDER_K, 2016, 75.5, 1, NULL);
    check_value(ds, "Ale", N15008_TITLE, IND_GENDER_T, 2016, 108615.28434, 1, "inline.json:1440.N15008.2016.T");
    check_value(ds, "Upplands V\xc3\xa4sby", N15008_TITLE, IND_GENDER_T, 2016, 100.5, 1, NULL);
    ind_dataset_free(ds);
    ind_kolada_meta_free(m);
}

/* ---- other accepted forms ---------------------------------------------------------------- */

static void test_other_forms(void **state)
{
    (void)state;
    ind_dataset *ds = ind_dataset_new(NULL);
    /* a bare array of data objects; a single data object; with a byte-order mark */
    assert_int_equal(ingest_text(ds, "[{\"kpi\": \"A1\", \"municipality\": \"1440\", \"period\": 2001, "
                                     "\"values\": [{\"gender\": \"T\", \"value\": 1.5}]}]", NULL), 1);
    assert_int_equal(ingest_text(ds, "\xef\xbb\xbf {\"kpi\": \"A1\", \"municipality\": \"1440\", \"period\": 2002, "
                                     "\"values\": [{\"gender\": \"T\", \"value\": 2.5}, {\"gender\": \"M\", \"value\": null}]}", NULL), 2);
    /* empty documents add nothing */
    assert_int_equal(ingest_text(ds, "{}", NULL), 0);
    assert_int_equal(ingest_text(ds, "[]", NULL), 0);
    assert_int_equal(ingest_text(ds, "{\"values\": [], \"count\": 0}", NULL), 0);
    assert_int_equal(ingest_text(ds, "{\"Ale\": {}, \"Kiruna\": {\"N1\": {}}}", NULL), 0);
    /* an object with an empty values array adds nothing */
    assert_int_equal(ingest_text(ds, "[{\"kpi\": \"A1\", \"municipality\": \"1440\", \"period\": 2003, \"values\": []}]", NULL), 0);
    /* a page whose count disagrees with its length is read, with a warning */
    assert_int_equal(ingest_text(ds, "{\"count\": 5000, \"values\": [{\"kpi\": \"A1\", \"municipality\": \"1440\", "
                                     "\"period\": 2004, \"values\": [{\"gender\": \"K\", \"value\": -0.25, \"extra\": 1}]}]}", NULL), 1);
    finish(ds);
    assert_true(has_warning(ds, "the page says count 5000 but holds 1 objects"));
    check_value(ds, "1440", "A1", IND_GENDER_T, 2001, 1.5, 1, "inline.json:[0].values[0]");
    check_value(ds, "1440", "A1", IND_GENDER_T, 2002, 2.5, 1, "inline.json:(top).values[0]");
    check_missing(ds, "1440", "A1", IND_GENDER_M, 2002, IND_MISSING_UNREPORTED);
    check_value(ds, "1440", "A1", IND_GENDER_K, 2004, -0.25, 1, NULL);
    assert_int_equal(ind_dataset_obs_count(ds), 4);
    ind_dataset_free(ds);
}

/* ---- bad input ---------------------------------------------------------------------------- */

typedef struct {
    const char *file; /* in golden/kolada/bad/ or golden/kolada/ */
    int meta;         /* read as metadata */
    long line, column;
    const char *text; /* must occur in the message */
} bad_case;

static void test_bad_files(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        /* line 4 starts a second object at column 3 without a comma before it */
        {"bad/malformed.json", 0, 4, 3, "malformed JSON: ']' expected near '{'"},
        /* line 3 (60 characters) ends inside the string "val */
        {"bad/truncated.json", 0, 3, 60, "malformed JSON"},
        /* the second "T" key on line 3 spans columns 30-32 */
        {"bad/duplicate_key.json", 0, 3, 32, "duplicate object key near '\"T\"'"},
        /* a shape error is at the member's key or the element's first character; the
         * columns were found by searching the fixture's text (Python str.find) */
        {"bad/values_not_array.json", 0, 1, 71, "values[0].values: expected an array"},      /* 2nd "values" */
        {"bad/gender.json", 0, 3, 199, "values[1].values[2].gender: unknown gender \"X\""}, /* 3rd "gender" */
        {"bad/period.json", 0, 1, 55, "values[0].period: \"2020-T1\" is not a year"},
        {"bad/value.json", 0, 1, 124, "values[0].values[0].value: expected a number or null, found a string \"68,9\""},
        {"bad/extract_gender.json", 0, 1, 41, "Ale.N15419.2016.W: unknown gender \"W\""},
        {"bad/extract_year.json", 0, 1, 34, "N15419.16: the period \"16\" is not a year"},
        /* true has no position of its own in jansson's tree: its year's key "2016" */
        {"bad/extract_value.json", 0, 1, 21, "Ale.N15419.2016.T: expected a number or null, found a boolean"},
        {"bad/not_kolada.json", 0, 1, 1, "not a Kolada shape"},
        {"kommuner_small.json", 0, 1, 1, "load it as municipality metadata"},
        {"kpi_meta.json", 0, 6, 5, "values[0]: this is a metadata object"},
        {"v2_page.json", 1, 6, 5, "values[0]: this is a data object"},
        {"bad/meta_unknown_kind.json", 1, 1, 13, "values[0]: cannot tell what this metadata object describes"},
        {"bad/nyckeltal_no_separator.txt", 1, 2, 1, "expected a KPI line"},
        {"bad/malformed.json", 1, 4, 3, "malformed JSON"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const bad_case *c = &cases[i];
        char path[1024];
        snprintf(path, sizeof path, "%s%s", GOLDEN, c->file);
        ind_error err;
        ind_error_clear(&err);
        ind_status st;
        ind_dataset *ds = ind_dataset_new(NULL);
        ind_kolada_meta *m = ind_kolada_meta_new();
        size_t added;
        if (c->meta)
            st = ind_kolada_meta_load(m, path, &err);
        else
            st = ind_kolada_ingest_file(ds, path, NULL, &added, &err);
        char buf[2048];
        print_message("%s -> %s\n", c->file, ind_error_format(&err, buf, sizeof buf));
        assert_int_equal(st, IND_EINPUT);
        assert_int_equal(err.status, IND_EINPUT);
        assert_string_equal(err.file, path);
        assert_int_equal(err.line, c->line);
        assert_int_equal(err.column, c->column);
        if (!strstr(err.message, c->text))
            print_error("message \"%s\" lacks \"%s\"\n", err.message, c->text);
        assert_non_null(strstr(err.message, c->text));
        ind_kolada_meta_free(m);
        ind_dataset_free(ds);
    }
}

typedef struct {
    const char *json;
    int meta;
    const char *text;
} bad_text;

static void test_bad_texts(void **state)
{
    (void)state;
#define OBJ(fields) "{\"values\": [{" fields "}]}"
#define GOOD_VALUES "\"values\": [{\"gender\": \"T\", \"value\": 1}]"
    static const bad_text cases[] = {
        {"", 0, "malformed JSON"},
        {"5", 0, "malformed JSON"}, /* a document is an object or an array */
        {"{\"values\": [1]}", 0, "values[0]: expected a data object"},
        {OBJ("\"municipality\": \"1440\", \"period\": 2020, " GOOD_VALUES), 0, "values[0].kpi: expected a non-empty string, found nothing"},
        {OBJ("\"kpi\": \"\", \"municipality\": \"1440\", \"period\": 2020, " GOOD_VALUES), 0, "values[0].kpi: expected a non-empty string"},
        {OBJ("\"kpi\": \"N1\", \"period\": 2020, " GOOD_VALUES), 0, "values[0]: the object has neither \"municipality\" nor \"ou\""},
        {OBJ("\"kpi\": \"N1\", \"municipality\": 1440, \"period\": 2020, " GOOD_VALUES), 0, "values[0].municipality: expected a non-empty string, found a number"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", " GOOD_VALUES), 0, "values[0]: the object has no \"period\""},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 1850, " GOOD_VALUES), 0, "values[0].period: 1850 is outside the years 1900-2200"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020.5, " GOOD_VALUES), 0, "values[0].period: 2020.5 is not a whole year"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": \"T1 2020\", " GOOD_VALUES), 0, "values[0].period: \"T1 2020\" is not a year"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020"), 0, "values[0].values: expected an array"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [5]"), 0, "values[0].values[0]: expected {\"gender\""},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"value\": 1}]"), 0, "values[0].values[0].gender: expected \"T\", \"K\" or \"M\", found nothing"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"t\", \"value\": 1}]"), 0, "values[0].values[0].gender: unknown gender \"t\""},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"TK\", \"value\": 1}]"), 0, "unknown gender \"TK\""},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"T\"}]"), 0, "values[0].values[0]: no \"value\""},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": [1]}]"), 0, "values[0].values[0].value: expected a number or null, found an array"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": 1, \"count\": -1}]"), 0, "values[0].values[0].count: expected a whole number >= 0, found a negative number"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": 1, \"count\": 2.5}]"), 0, "values[0].values[0].count: expected a whole number >= 0, found a number"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": 1, \"status\": 3}]"), 0, "values[0].values[0].status: expected a string"},
        {OBJ("\"kpi\": \"N1\", \"municipality\": \"1440\", \"period\": 2020, \"values\": [{\"gender\": \"T\", \"value\": 1e999}]"), 0, "malformed JSON: real number overflow"},
        {"{\"N1\": {\"2016\": 5}}", 0, "not a Kolada shape"},
        {"{\"Ale\": {\"N1\": {\"2016\": {\"T\": 1}}}, \"Kiruna\": {\"N1\": {\"2016\": 5}}}", 0, "Kiruna.N1.2016: expected {\"T\"|\"K\"|\"M\": value}, found a number"},
        {"{\"Ale\": {\"N1\": {\"2016\": {\"T\": 1}}}, \"Kiruna\": [1]}", 0, "Kiruna: expected {KPI id: {year: {...}}}, found an array"},
        {"{\"Ale\": {\"N1\": {\"2016\": {\"T\": 1}}}, \"Kiruna\": {\"N1\": {\"2016\": {\"T\": \"1,5\"}}}}", 0, "Kiruna.N1.2016.T: expected a number or null, found a string \"1,5\""},
        {"{\"N1\": {\"2016\": {\"T\": 1}}, \"N2\": {\"1899\": {\"T\": 1}}}", 0, "N2.1899: the period \"1899\" is outside the years"},
        {"{\"values\": [{\"id\": \"G1\", \"title\": \"Grupp\", \"members\": []}]}", 1, "values[0]: group metadata"},
        {"{\"values\": [{\"id\": \"V1\", \"title\": \"Skola\", \"municipality\": \"1440\"}]}", 1, "values[0]: organisational-unit metadata"},
        {"{\"values\": [{\"title\": \"Ale\", \"type\": \"K\"}]}", 1, "values[0].id: expected a non-empty string, found nothing"},
        {"{\"values\": [{\"id\": \"1440\", \"type\": \"K\"}]}", 1, "values[0].title: expected a string, found nothing"},
        {"{\"values\": [{\"id\": \"1440\", \"title\": \" \", \"type\": \"K\"}]}", 1, "values[0].title: the title is empty"},
        {"{\"1440\": \"\"}", 1, "1440: the name is empty"},
        {"[{\"id\": \"N1\", \"title\": \"x\", \"is_divided_by_gender\": \"ja\"}]", 1, "[0].is_divided_by_gender: expected true/false or 1/0, found a string"},
        {"{\"1440\": \"Ale\", \"1441\": 5}", 1, "1441: expected a municipality name"},
        {"   ", 1, "the metadata file is empty"},
        {"N1\xc2\xa4 \n", 1, "the title of KPI N1 is empty"},
        {"\xc2\xa4title\n", 1, "the KPI id before \xc2\xa4 is empty"},
        {"N1\xa4Latin-1\n", 1, "not UTF-8 text"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const bad_text *c = &cases[i];
        ind_error err;
        ind_error_clear(&err);
        ind_dataset *ds = ind_dataset_new(NULL);
        ind_kolada_meta *m = ind_kolada_meta_new();
        size_t added;
        ind_status st = c->meta ? ind_kolada_meta_load_buffer(m, "t.json", c->json, strlen(c->json), &err)
                                : ind_kolada_ingest_buffer(ds, "t.json", c->json, strlen(c->json), NULL, &added, &err);
        char buf[2048];
        print_message("case %zu -> %s\n", i, ind_error_format(&err, buf, sizeof buf));
        assert_int_equal(st, IND_EINPUT);
        assert_string_equal(err.file, "t.json");
        if (!strstr(err.message, c->text))
            print_error("case %zu: message \"%s\" lacks \"%s\"\n", i, err.message, c->text);
        assert_non_null(strstr(err.message, c->text));
        ind_kolada_meta_free(m);
        ind_dataset_free(ds);
    }
#undef OBJ
#undef GOOD_VALUES
}

/* ---- the shared course extract ------------------------------------------------------------- */

static int shared_present(void)
{
    struct stat sb;
    return stat(SHARED "MasterData.txt", &sb) == 0;
}

static void test_shared_extract(void **state)
{
    (void)state;
    if (!shared_present()) {
        print_message("skipped: %s is absent\n", SHARED);
        skip();
    }
    ind_kolada_meta *m = ind_kolada_meta_new();
    load_meta(m, SHARED "Nyckeltal.txt");
    load_meta(m, SHARED "Kommuner.txt");
    /* 18 lines in Nyckeltal.txt; Kommuner.txt: 290 municipalities, 21 county
     * councils/regions and 0000 Riket (counted with python3's json module) */
    assert_int_equal(ind_kolada_meta_kpi_count(m), 18);
    assert_int_equal(ind_kolada_meta_municipality_count(m), 312);
    assert_string_equal(ind_kolada_meta_municipality_name(m, "1440"), "Ale");
    assert_string_equal(ind_kolada_meta_kpi_title(m, "N15419"), N15419_TITLE);
    ind_catalog *cat = ind_catalog_new();
    ind_error err;
    assert_int_equal(ind_kolada_meta_to_catalog(m, cat, &err), IND_OK);
    assert_int_equal(ind_catalog_count(cat), 18);

    ind_dataset *ds = ind_dataset_new(cat);
    ind_kolada_options opt = {m, NULL, 0};
    /* 51 428 values in MasterData.txt, 197 in riket.txt (python3 json) */
    assert_int_equal(ingest(ds, SHARED "MasterData.txt", &opt), 51428);
    assert_int_equal(ingest(ds, SHARED "riket.txt", &opt), 197);
    finish(ds);
    assert_int_equal(ind_dataset_obs_count(ds), 51625);
    assert_int_equal(ind_dataset_warning_count(ds), 0);
    /* nulls: 5 174 + 35 */
    assert_int_equal(count_missing(ds), 5209);
    /* 290 municipalities and Riket; 18 KPIs */
    size_t units = 0, ns = ind_dataset_series_count(ds);
    const char *last = NULL;
    for (size_t s = 0; s < ns; s++) {
        const char *u = ind_dataset_str(ds, ind_dataset_series(ds, s)->unit);
        if (!last || strcmp(u, last) != 0)
            units++;
        last = u;
        assert_non_null(ind_dataset_series(ds, s)->info); /* every KPI is in the catalogue */
    }
    assert_int_equal(units, 291);

    /* values read with grep from the files */
    check_value(ds, "Ale", "N15419", IND_GENDER_K, 2016, 75.5, 0, "MasterData.txt:Ale.N15419.2016.K");
    check_value(ds, "Ale", "N15419", IND_GENDER_M, 2016, 63.5, 0, NULL);
    check_value(ds, "Ale", "N15419", IND_GENDER_T, 2016, 68.9, 0, NULL);
    check_missing(ds, "Ale", "N15571", IND_GENDER_K, 2016, IND_MISSING_UNREPORTED);
    check_value(ds, "Ale", "N15571", IND_GENDER_M, 2016, 3.9, 0, NULL);
    check_value(ds, "Ale", "N15571", IND_GENDER_T, 2016, 2.1, 0, NULL);
    check_missing(ds, "Ale", "N15571", IND_GENDER_T, 2017, IND_MISSING_UNREPORTED);
    check_value(ds, "Stockholm", "N15008", IND_GENDER_T, 2016, 121613.032109, 0, NULL);
    check_value(ds, "Kiruna", "N15419", IND_GENDER_K, 2018, 62.0, 0, NULL);
    check_value(ds, "Kiruna", "N15419", IND_GENDER_M, 2018, 76.0, 0, NULL);
    check_value(ds, "Kiruna", "N15419", IND_GENDER_T, 2018, 69.5, 0, NULL);
    check_value(ds, "Riket", "N15419", IND_GENDER_K, 2016, 79.4, 0, "riket.txt:N15419.2016.K");
    check_value(ds, "Riket", "N15008", IND_GENDER_T, 2019, 116553.291673, 0, NULL);
    check_missing(ds, "Riket", "N15008", IND_GENDER_T, 2020, IND_MISSING_UNREPORTED);
    /* the extract is one line */
    assert_int_equal(get(ds, "Ale", "N15419", IND_GENDER_K, 2016).line, 1);
    ind_dataset_free(ds);

    /* API pages of the same figures merge with the extract: only identical repeats */
    ds = ind_dataset_new(cat);
    ingest(ds, SHARED "MasterData.txt", &opt);
    ingest(ds, GOLDEN "v3_page.json", &opt);
    ingest(ds, GOLDEN "query_page1.json", &opt);
    ingest(ds, GOLDEN "query_page2.json", &opt);
    finish(ds);
    assert_int_equal(ind_dataset_obs_count(ds), 51428);
    assert_int_equal(ind_dataset_warning_count(ds), 8); /* 4 + 2 + 2 repeats */
    check_value(ds, "Stockholm", "N15436", IND_GENDER_K, 2018, 88.2, 0, "MasterData.txt:Stockholm.N15436.2018.K");
    ind_dataset_free(ds);

    /* ... but a page with Stockholm's K for 2020 as null conflicts with the extract's 81.3 */
    ds = ind_dataset_new(cat);
    ingest(ds, SHARED "MasterData.txt", &opt);
    ingest(ds, GOLDEN "v2_page.json", &opt);
    ind_error_clear(&err);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_EINPUT);
    assert_true(ends_with(err.file, "v2_page.json"));
    assert_int_equal(err.line, 40);
    assert_non_null(strstr(err.message, "Stockholm"));
    assert_non_null(strstr(err.message, "2020, K"));
    assert_non_null(strstr(err.message, "MasterData.txt:"));
    ind_dataset_free(ds);

    ind_catalog_free(cat);
    ind_kolada_meta_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_v2_page),
        cmocka_unit_test(test_v3_page),
        cmocka_unit_test(test_two_pages),
        cmocka_unit_test(test_two_pages_conflict),
        cmocka_unit_test(test_duplicate_lines),
        cmocka_unit_test(test_nul_after_number),
        cmocka_unit_test(test_ou_data),
        cmocka_unit_test(test_nulls),
        cmocka_unit_test(test_group),
        cmocka_unit_test(test_kpi_meta_catalog),
        cmocka_unit_test(test_names_from_metadata),
        cmocka_unit_test(test_unknown_ids_warn_once),
        cmocka_unit_test(test_ambiguous_names),
        cmocka_unit_test(test_shared_titles),
        cmocka_unit_test(test_extract_shapes),
        cmocka_unit_test(test_kommuner_nyckeltal),
        cmocka_unit_test(test_other_forms),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_bad_texts),
        cmocka_unit_test(test_shared_extract),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
