/* test_dataset.c: engine/dataset: series order by names, contiguous series in
 * period order (also when finishing runs on every core), repeats and
 * conflicts, lookups by alias, lazy columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "ingest.h"

static const char catalog_csv[] =
    "id,name,aliases,measure,direction,periodicity,by_gender\n"
    "ami,Aktivt Medskapandeindex,AMI|Aktivt medskapande index,index,higher,år,ja\n"
    "sjuk,Sjukfrånvaro,Sjukfrånvaron,percent,lower,tertial,ja\n"
    "vrak,Antal vräkningar,,count,lower,år,nej\n";

static ind_catalog *catalog(void)
{
    ind_catalog *cat = ind_catalog_new();
    ind_error err;
    assert_int_equal(ind_catalog_load_buffer(cat, "cat.csv", catalog_csv, strlen(catalog_csv), &err), IND_OK);
    return cat;
}

static ind_period per(const char *s)
{
    ind_period p;
    assert_int_equal(ind_period_parse(s, strlen(s), &p, NULL), 0);
    return p;
}

/* Adds one observation read from file:line. */
static void add(ind_dataset *ds, const char *unit, const char *indicator, ind_gender g,
                const char *period, double value, const char *file, unsigned line)
{
    ind_obs o;
    memset(&o, 0, sizeof o);
    o.period = per(period);
    o.value = value;
    o.numerator = o.denominator = o.sd = NAN;
    o.file = ind_strtab_intern(ind_dataset_strings(ds), file, strlen(file));
    o.line = line;
    ind_error err;
    ind_error_clear(&err);
    if (ind_dataset_add(ds, unit, indicator, g, &o, &err) != IND_OK)
        fail_msg("add: %s", err.message);
}

typedef struct {
    const char *unit, *indicator;
    ind_gender g;
    const char *period;
    double value;
} row;

/* The rows of the ordering test, in file order. */
static const row file_rows[] = {
    {"\xc3\x96ster", "Sjukfrånvaro", IND_GENDER_T, "2021-T2", 5.0},
    {"Abc", "Sjukfrånvaro", IND_GENDER_K, "2021-T1", 4.0},
    {"Abc", "Sjukfrånvaro", IND_GENDER_T, "2021-T3", 3.0},
    {"Abc", "AMI", IND_GENDER_T, "2021", 71.0},
    {"Abc", "Sjukfrånvaron", IND_GENDER_T, "2021-T1", 2.0},
    {"Bcd", "Okänd  indikator", IND_GENDER_M, "2020", 1.0},
    {"Bcd", "Okänd indikator", IND_GENDER_M, "2019", 0.5},
};
#define NROWS (sizeof file_rows / sizeof file_rows[0])

/* Worked out by hand: units by byte order (Abc < Bcd < Öster), then the
 * catalogue's indicator names, then T before K, then periods. */
static const struct {
    const char *unit, *indicator;
    ind_gender g;
    int known;
    size_t count;
} want_series[] = {
    {"Abc", "Aktivt Medskapandeindex", IND_GENDER_T, 1, 1},
    {"Abc", "Sjukfrånvaro", IND_GENDER_T, 1, 2},
    {"Abc", "Sjukfrånvaro", IND_GENDER_K, 1, 1},
    {"Bcd", "Okänd indikator", IND_GENDER_M, 0, 2},
    {"\xc3\x96ster", "Sjukfrånvaro", IND_GENDER_T, 1, 1},
};
static const struct {
    const char *period;
    double value;
} want_obs[] = {{"2021", 71.0},   {"2021-T1", 2.0}, {"2021-T3", 3.0}, {"2021-T1", 4.0},
                {"2019", 0.5},    {"2020", 1.0},    {"2021-T2", 5.0}};

static void check_order(ind_dataset *ds)
{
    assert_int_equal(ind_dataset_series_count(ds), 5);
    assert_int_equal(ind_dataset_obs_count(ds), NROWS);
    size_t next = 0;
    for (size_t s = 0; s < 5; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        assert_string_equal(ind_dataset_str(ds, se->unit), want_series[s].unit);
        assert_string_equal(ind_dataset_str(ds, se->indicator), want_series[s].indicator);
        assert_int_equal(se->gender, want_series[s].g);
        assert_int_equal(se->info != NULL, want_series[s].known);
        assert_int_equal(se->count, want_series[s].count);
        /* contiguous, one after the other */
        assert_int_equal(se->first, next);
        next += se->count;
        for (size_t i = se->first; i < se->first + se->count; i++) {
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            assert_int_equal(o.series, s);
            assert_int_equal(o.period, per(want_obs[i].period));
            assert_true(o.value == want_obs[i].value);
            assert_true(ind_dataset_value(ds, i) == want_obs[i].value);
            assert_int_equal(ind_dataset_period(ds, i), o.period);
        }
    }
    assert_null(ind_dataset_series(ds, 5));
}

static void test_order(void **state)
{
    (void)state;
    ind_catalog *cat = catalog();
    ind_error err;
    /* file order */
    ind_dataset *ds = ind_dataset_new(cat);
    for (size_t i = 0; i < NROWS; i++)
        add(ds, file_rows[i].unit, file_rows[i].indicator, file_rows[i].g, file_rows[i].period,
            file_rows[i].value, "f.csv", (unsigned)i + 2);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    check_order(ds);
    /* finishing twice changes nothing; adding after finishing is refused */
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    check_order(ds);
    ind_obs o;
    memset(&o, 0, sizeof o);
    o.value = 1;
    o.numerator = o.denominator = o.sd = NAN;
    assert_int_equal(ind_dataset_add(ds, "X", "Y", IND_GENDER_T, &o, &err), IND_EUSAGE);
    assert_int_equal(ind_dataset_warning_count(ds), 0);
    ind_dataset_free(ds);
    /* the reverse order gives the same dataset */
    ds = ind_dataset_new(cat);
    for (size_t i = NROWS; i-- > 0;)
        add(ds, file_rows[i].unit, file_rows[i].indicator, file_rows[i].g, file_rows[i].period,
            file_rows[i].value, "r.csv", (unsigned)i + 2);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    check_order(ds);
    ind_dataset_free(ds);
    ind_catalog_free(cat);
}

static void test_find(void **state)
{
    (void)state;
    ind_catalog *cat = catalog();
    ind_error err;
    ind_dataset *ds = ind_dataset_new(cat);
    for (size_t i = 0; i < NROWS; i++)
        add(ds, file_rows[i].unit, file_rows[i].indicator, file_rows[i].g, file_rows[i].period,
            file_rows[i].value, "f.csv", (unsigned)i + 2);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    /* by the name used in the data, the catalogue's name, an alias, the id, any case */
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "AMI", IND_GENDER_T), 0);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "Aktivt Medskapandeindex", IND_GENDER_T), 0);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "Aktivt medskapande index", IND_GENDER_T), 0);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "aktivt medskapandeindex", IND_GENDER_T), 0);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "ami", IND_GENDER_T), 0);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "Sjukfrånvaro", IND_GENDER_T), 1);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "Sjukfrånvaron", IND_GENDER_T), 1);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "SJUKFRÅNVARO", IND_GENDER_K), 2);
    assert_int_equal(ind_dataset_find_series(ds, "Bcd", "Okänd indikator", IND_GENDER_M), 3);
    assert_int_equal(ind_dataset_find_series(ds, "Bcd", "Okänd  indikator", IND_GENDER_M), 3);
    assert_int_equal(ind_dataset_find_series(ds, "\xc3\x96ster", "sjuk", IND_GENDER_T), 4);
    /* absent */
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "AMI", IND_GENDER_K), -1);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "Antal vräkningar", IND_GENDER_T), -1);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "Okänd indikator", IND_GENDER_M), -1);
    assert_int_equal(ind_dataset_find_series(ds, "Nowhere", "AMI", IND_GENDER_T), -1);
    assert_int_equal(ind_dataset_find_series(ds, "Abc", "Never heard of", IND_GENDER_T), -1);
    /* observations by period */
    assert_int_equal(ind_dataset_find_obs(ds, 1, per("2021-T1")), 1);
    assert_int_equal(ind_dataset_find_obs(ds, 1, per("2021-T3")), 2);
    assert_int_equal(ind_dataset_find_obs(ds, 1, per("2021-T2")), -1);
    assert_int_equal(ind_dataset_find_obs(ds, 1, per("2021")), -1);
    assert_int_equal(ind_dataset_find_obs(ds, 3, per("2019")), 4);
    assert_int_equal(ind_dataset_find_obs(ds, 3, per("2020")), 5);
    assert_int_equal(ind_dataset_find_obs(ds, 3, per("2021")), -1);
    assert_int_equal(ind_dataset_find_obs(ds, 4, per("2021-T2")), 6);
    ind_dataset_free(ds);
    ind_catalog_free(cat);
}

static void test_repeats(void **state)
{
    (void)state;
    ind_catalog *cat = catalog();
    ind_error err;
    /* an identical repeat: a warning naming both places, kept once */
    ind_dataset *ds = ind_dataset_new(cat);
    add(ds, "A", "AMI", IND_GENDER_T, "2021", 71, "f.csv", 2);
    add(ds, "A", "AMI", IND_GENDER_T, "2020", 70, "f.csv", 3);
    add(ds, "A", "Aktivt Medskapandeindex", IND_GENDER_T, "2021", 71, "g.csv", 7);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    assert_int_equal(ind_dataset_obs_count(ds), 2);
    assert_int_equal(ind_dataset_series_count(ds), 1);
    assert_int_equal(ind_dataset_series(ds, 0)->count, 2);
    assert_int_equal(ind_dataset_warning_count(ds), 1);
    const ind_warning *w = ind_dataset_warning(ds, 0);
    assert_string_equal(ind_dataset_str(ds, w->file), "g.csv");
    assert_int_equal(w->line, 7);
    assert_non_null(strstr(w->message, "identical repeat"));
    assert_non_null(strstr(w->message, "f.csv:2"));
    assert_null(ind_dataset_warning(ds, 1));
    /* the one kept is the first read */
    ind_obs o;
    ind_dataset_get(ds, 1, &o);
    assert_string_equal(ind_dataset_str(ds, o.file), "f.csv");
    assert_int_equal(o.line, 2);
    ind_dataset_free(ds);

    /* two different values: an error naming both file:line places */
    ds = ind_dataset_new(cat);
    add(ds, "A", "Sjukfrånvaro", IND_GENDER_K, "2021-T2", 6.5, "a.csv", 3);
    add(ds, "B", "Sjukfrånvaro", IND_GENDER_K, "2021-T2", 1.0, "a.csv", 4);
    add(ds, "A", "Sjukfrånvaron", IND_GENDER_K, "2021-T2", 6.7, "b.csv", 5);
    ind_error_clear(&err);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_EINPUT);
    assert_string_equal(err.file, "b.csv");
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.message, "a.csv:3"));
    assert_non_null(strstr(err.message, "2021-T2"));
    assert_non_null(strstr(err.message, "Sjukfrånvaro"));
    ind_dataset_free(ds);

    /* a missing value against a value is a conflict too */
    ds = ind_dataset_new(cat);
    add(ds, "A", "AMI", IND_GENDER_T, "2021", 71, "a.csv", 2);
    add(ds, "A", "AMI", IND_GENDER_T, "2021", NAN, "a.csv", 9);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_EINPUT);
    assert_int_equal(err.line, 9);
    assert_non_null(strstr(err.message, "a.csv:2"));
    ind_dataset_free(ds);
    ind_catalog_free(cat);
}

static void test_columns(void **state)
{
    (void)state;
    ind_error err;
    ind_dataset *ds = ind_dataset_new(NULL); /* no catalogue at all */
    ind_strtab *str = ind_dataset_strings(ds);
    add(ds, "A", "X", IND_GENDER_T, "2019", 1, "f.csv", 2);
    add(ds, "A", "X", IND_GENDER_T, "2020", NAN, "f.csv", 3);
    ind_obs o;
    memset(&o, 0, sizeof o);
    o.period = per("2021");
    o.value = NAN;
    o.missing = IND_MISSING_CONFIDENTIAL;
    o.numerator = 1;
    o.denominator = 22;
    o.sd = 0.5;
    o.target = ind_strtab_intern(str, "Max 10 personer", 15);
    o.kf_target = ind_strtab_intern(str, "525 ton", 7);
    o.note = ind_strtab_intern(str, "en kommentar", 12);
    o.goal = ind_strtab_intern(str, "3.4.1", 5);
    o.source = ind_strtab_intern(str, "orig.csv:12", 11);
    o.line = 4;
    assert_int_equal(ind_dataset_add(ds, "A", "X", IND_GENDER_T, &o, &err), IND_OK);
    /* a value with a stray reason is not missing */
    o.period = per("2022");
    o.value = 3;
    o.missing = IND_MISSING_DROPOUT;
    o.source = 0;
    assert_int_equal(ind_dataset_add(ds, "A", "X", IND_GENDER_T, &o, &err), IND_OK);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    assert_int_equal(ind_dataset_series(ds, 0)->info, NULL);
    ind_dataset_get(ds, 0, &o);
    assert_int_equal(o.missing, IND_MISSING_NONE);
    assert_true(isnan(o.numerator) && isnan(o.denominator) && isnan(o.sd));
    assert_int_equal(o.target, 0);
    assert_int_equal(o.source, 0);
    ind_dataset_get(ds, 1, &o);
    assert_true(isnan(o.value));
    assert_int_equal(o.missing, IND_MISSING_UNREPORTED);
    ind_dataset_get(ds, 2, &o);
    assert_int_equal(o.missing, IND_MISSING_CONFIDENTIAL);
    assert_true(o.numerator == 1 && o.denominator == 22 && o.sd == 0.5);
    assert_string_equal(ind_dataset_str(ds, o.note), "en kommentar");
    assert_string_equal(ind_dataset_str(ds, o.goal), "3.4.1");
    assert_string_equal(ind_dataset_str(ds, o.source), "orig.csv:12");
    ind_target t = ind_dataset_target(ds, o.target);
    assert_int_equal(t.kind, IND_TARGET_MAX);
    assert_true(t.value == 10);
    t = ind_dataset_target(ds, o.kf_target);
    assert_int_equal(t.kind, IND_TARGET_VALUE);
    assert_true(t.value == 525);
    assert_int_equal(ind_dataset_target(ds, 0).kind, IND_TARGET_NONE);
    ind_dataset_get(ds, 3, &o);
    assert_int_equal(o.missing, IND_MISSING_NONE);
    assert_int_equal(o.source, 0);
    assert_true(ind_dataset_bytes(ds) > 0);
    ind_dataset_free(ds);
    ind_dataset_free(NULL);
}

/* Many series and indicators (past every table's first growth), in scrambled
 * order: the result is sorted by names and periods all the same. */
static void test_many(void **state)
{
    (void)state;
    enum { UNITS = 40, INDICATORS = 200, YEARS = 3 };
    ind_error err;
    ind_dataset *ds = ind_dataset_new(NULL);
    size_t total = (size_t)UNITS * INDICATORS * YEARS;
    for (size_t k = 0; k < total; k++) {
        size_t j = (k * 7919) % total; /* 7919 is prime and does not divide total */
        int u = (int)(j / (INDICATORS * YEARS)), ind = (int)(j / YEARS % INDICATORS), y = (int)(j % YEARS);
        char unit[16], name[32], period[8];
        snprintf(unit, sizeof unit, "U%03d", u);
        snprintf(name, sizeof name, "Indikator %03d", ind);
        snprintf(period, sizeof period, "%d", 2019 + y);
        add(ds, unit, name, IND_GENDER_T, period, u * 10000 + ind * 10 + y, "many.csv", (unsigned)k + 2);
    }
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    assert_int_equal(ind_dataset_obs_count(ds), total);
    assert_int_equal(ind_dataset_series_count(ds), (size_t)UNITS * INDICATORS);
    for (size_t s = 0; s < (size_t)UNITS * INDICATORS; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        int u = (int)(s / INDICATORS), ind = (int)(s % INDICATORS);
        char unit[16], name[32];
        snprintf(unit, sizeof unit, "U%03d", u);
        snprintf(name, sizeof name, "Indikator %03d", ind);
        assert_string_equal(ind_dataset_str(ds, se->unit), unit);
        assert_string_equal(ind_dataset_str(ds, se->indicator), name);
        assert_int_equal(se->first, s * YEARS);
        assert_int_equal(se->count, YEARS);
        for (int y = 0; y < YEARS; y++)
            assert_true(ind_dataset_value(ds, se->first + (size_t)y) == u * 10000 + ind * 10 + y);
        assert_int_equal(ind_dataset_find_series(ds, unit, name, IND_GENDER_T), (long)s);
    }
    ind_dataset_free(ds);
}

/* Enough rows that finishing orders and moves them on every core (65 536 and
 * more), from two files, with T, K and M, in scrambled order (a series' years
 * come in any order): each series comes out in its place by names (gender T,
 * K, M), its rows by period, each row with its own file and line. The
 * expected places and values are the loop's own arithmetic. */
static void test_many_cores(void **state)
{
    (void)state;
    enum { UNITS = 40, INDICATORS = 200, GENDERS = 3, YEARS = 3 };
    static const ind_gender gender[GENDERS] = {IND_GENDER_K, IND_GENDER_M, IND_GENDER_T};
    static const int place_of[GENDERS] = {1, 2, 0}; /* T before K before M */
    ind_error err;
    ind_dataset *ds = ind_dataset_new(NULL);
    size_t total = (size_t)UNITS * INDICATORS * GENDERS * YEARS;
    unsigned *line_of = malloc(total * sizeof *line_of); /* by (unit, indicator, place, year) */
    assert_non_null(line_of);
    for (size_t k = 0; k < total; k++) {
        size_t j = (k * 7919) % total; /* 7919 is prime and does not divide total */
        int u = (int)(j / (INDICATORS * GENDERS * YEARS)), ind = (int)(j / (GENDERS * YEARS) % INDICATORS);
        int g = (int)(j / YEARS % GENDERS), y = (int)(j % YEARS);
        char unit[16], name[32], period[8];
        snprintf(unit, sizeof unit, "U%03d", u);
        snprintf(name, sizeof name, "Indikator %03d", ind);
        snprintf(period, sizeof period, "%d", 2019 + y);
        size_t at = (((size_t)u * INDICATORS + (size_t)ind) * GENDERS + (size_t)place_of[g]) * YEARS + (size_t)y;
        line_of[at] = (unsigned)k + 2;
        add(ds, unit, name, gender[g], period, u * 100000 + ind * 100 + place_of[g] * 10 + y,
            k % 2 ? "b.csv" : "a.csv", (unsigned)k + 2);
    }
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    assert_int_equal(ind_dataset_obs_count(ds), total);
    assert_int_equal(ind_dataset_series_count(ds), (size_t)UNITS * INDICATORS * GENDERS);
    for (size_t s = 0; s < (size_t)UNITS * INDICATORS * GENDERS; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        int u = (int)(s / (INDICATORS * GENDERS)), ind = (int)(s / GENDERS % INDICATORS), pl = (int)(s % GENDERS);
        char unit[16], name[32];
        snprintf(unit, sizeof unit, "U%03d", u);
        snprintf(name, sizeof name, "Indikator %03d", ind);
        assert_string_equal(ind_dataset_str(ds, se->unit), unit);
        assert_string_equal(ind_dataset_str(ds, se->indicator), name);
        assert_int_equal(se->gender, pl == 0 ? IND_GENDER_T : pl == 1 ? IND_GENDER_K : IND_GENDER_M);
        assert_int_equal(se->first, s * YEARS);
        assert_int_equal(se->count, YEARS);
        for (int y = 0; y < YEARS; y++) {
            ind_obs o;
            ind_dataset_get(ds, se->first + (size_t)y, &o);
            assert_true(o.value == u * 100000 + ind * 100 + pl * 10 + y);
            assert_true(o.period == per(y == 0 ? "2019" : y == 1 ? "2020" : "2021"));
            unsigned line = line_of[s * YEARS + (size_t)y];
            assert_int_equal(o.line, line);
            assert_string_equal(ind_dataset_str(ds, o.file), (line - 2) % 2 ? "b.csv" : "a.csv");
        }
        assert_int_equal(ind_dataset_find_series(ds, unit, name, se->gender), (long)s);
    }
    free(line_of);
    ind_dataset_free(ds);
}

/* VB 2021 is the year 2021 for a yearly indicator, 2021-T3 for a tertial one. */
static void test_vb_period(void **state)
{
    (void)state;
    ind_catalog *cat = catalog();
    ind_dataset *ds = ind_dataset_new(cat);
    ind_error err;
    static const char csv[] = "unit,indicator,period,value\n"
                              "A,AMI,VB 2021,71\n"
                              "A,Sjukfrånvaro,VB 2021,6.7\n"
                              "A,Okänd,VB 2021,3\n"
                              "A,Antal vräkningar,2021-T3,2\n";
    assert_int_equal(ind_ingest_buffer(ds, "vb.csv", csv, sizeof csv - 1, NULL, NULL, &err), IND_OK);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    long s = ind_dataset_find_series(ds, "A", "AMI", IND_GENDER_T);
    assert_true(s >= 0);
    assert_int_equal(ind_dataset_period(ds, ind_dataset_series(ds, (size_t)s)->first),
                     ind_period_make(2021, IND_PERIOD_YEAR, 0));
    s = ind_dataset_find_series(ds, "A", "Sjukfrånvaro", IND_GENDER_T);
    assert_int_equal(ind_dataset_period(ds, ind_dataset_series(ds, (size_t)s)->first),
                     ind_period_make(2021, IND_PERIOD_TERTIAL, 3));
    /* not in the catalogue: nothing is assumed, it stays the year-end tertial */
    s = ind_dataset_find_series(ds, "A", "Okänd", IND_GENDER_T);
    assert_int_equal(ind_dataset_period(ds, ind_dataset_series(ds, (size_t)s)->first),
                     ind_period_make(2021, IND_PERIOD_TERTIAL, 3));
    s = ind_dataset_find_series(ds, "A", "Antal vräkningar", IND_GENDER_T);
    assert_int_equal(ind_dataset_period(ds, ind_dataset_series(ds, (size_t)s)->first),
                     ind_period_make(2021, IND_PERIOD_YEAR, 0));
    ind_dataset_free(ds);
    ind_catalog_free(cat);
}

static void missing_is(const char *s, ind_missing want)
{
    ind_missing m = (ind_missing)99;
    if (ind_missing_parse(s, strlen(s), &m) != 0 || m != want)
        fail_msg("missing \"%s\" -> %d, expected %d", s, m, want);
}

static void test_missing(void **state)
{
    (void)state;
    missing_is("", IND_MISSING_NONE);
    missing_is("-", IND_MISSING_DROPOUT);
    missing_is(" - ", IND_MISSING_DROPOUT);
    missing_is(".", IND_MISSING_NOT_APPLICABLE);
    missing_is("..", IND_MISSING_CONFIDENTIAL);
    missing_is("Bortfall", IND_MISSING_DROPOUT);
    missing_is("Ej till\xc3\xa4mplig", IND_MISSING_NOT_APPLICABLE);
    missing_is("SEKRETESS", IND_MISSING_CONFIDENTIAL);
    missing_is("saknas", IND_MISSING_UNREPORTED);
    missing_is("confidential", IND_MISSING_CONFIDENTIAL);
    ind_missing m;
    assert_int_equal(ind_missing_parse("...", 3, &m), -1);
    assert_int_equal(ind_missing_parse("x", 1, &m), -1);
    assert_string_equal(ind_missing_code(IND_MISSING_DROPOUT), "dropout");
    assert_string_equal(ind_missing_code(IND_MISSING_NONE), "");
    assert_string_equal(ind_missing_label_sv(IND_MISSING_CONFIDENTIAL), "sekretess");
    /* every code reads back */
    for (int k = 1; k < IND_MISSING_COUNT; k++) {
        const char *c = ind_missing_code((ind_missing)k);
        missing_is(c, (ind_missing)k);
        missing_is(ind_missing_label_sv((ind_missing)k), (ind_missing)k);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_repeats),
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_many),
        cmocka_unit_test(test_many_cores),
        cmocka_unit_test(test_vb_period),
        cmocka_unit_test(test_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
