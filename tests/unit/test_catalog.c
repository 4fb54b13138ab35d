/* test_catalog.c: engine/catalog: name keys, lookup by id, name and alias,
 * loading datasets/catalog.csv, and refusing bad catalogue rows. */
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
#include "csvread.h"

static void key_is(const char *name, const char *want)
{
    char key[1024];
    size_t n = ind_catalog_key(name, strlen(name), key, sizeof key);
    if (strcmp(key, want) != 0)
        fail_msg("key of \"%s\" is \"%s\", expected \"%s\"", name, key, want);
    assert_int_equal(n, strlen(want));
}

static void test_keys(void **state)
{
    (void)state;
    /* case, including Å Ä Ö É */
    key_is("Sjukfrånvaro", "sjukfrånvaro");
    key_is("SJUKFRÅNVARO", "sjukfrånvaro");
    key_is("ÄLDREOMSORG ÖVRIGT", "äldreomsorg övrigt");
    key_is("CAFÉ", "café");
    /* whitespace collapsed and trimmed, tabs and newlines too (wrapped names) */
    key_is("  Sjukfrånvaro \t dag\n 1-14 ", "sjukfrånvaro dag 1-14");
    /* no-break space */
    key_is("Sjukfrånvaro\xc2\xa0" "dag 1-14", "sjukfrånvaro dag 1-14");
    /* en dash, em dash and non-breaking hyphen read as "-" */
    key_is("Sjukfrånvaro dag 1\xe2\x80\x93" "14", "sjukfrånvaro dag 1-14");
    key_is("Sjukfrånvaro dag 1\xe2\x80\x94" "14", "sjukfrånvaro dag 1-14");
    key_is("Sjukfrånvaro dag 1\xe2\x80\x91" "14", "sjukfrånvaro dag 1-14");
    /* trailing punctuation and footnote marks */
    key_is("Sjukfrånvaro.", "sjukfrånvaro");
    key_is("Sjukfrånvaro*", "sjukfrånvaro");
    key_is("Sjukfrånvaro:", "sjukfrånvaro");
    key_is("Sjukfrånvaro !", "sjukfrånvaro");
    key_is("Sjukfrånvaro ;, ", "sjukfrånvaro");
    /* punctuation inside the name stays */
    key_is("Antal vräkningar, barn", "antal vräkningar, barn");
    /* "Andelen" is "Andel", as a whole word only */
    key_is("Andelen barn", "andel barn");
    key_is("andelen", "andel");
    key_is("Barn, andelen", "barn, andel");
    key_is("Andelen barn och andelen vuxna", "andel barn och andel vuxna");
    key_is("Andelens barn", "andelens barn");
    key_is("Kandelen", "kandelen");
    key_is("Andel barn", "andel barn");
    key_is("", "");
    key_is(" . ", "");
    /* a short output buffer is cut, never overrun */
    char small[8];
    size_t n = ind_catalog_key("Sjukfrånvaro", strlen("Sjukfrånvaro"), small, sizeof small);
    assert_true(n < sizeof small);
    assert_int_equal(strlen(small), n);
}

static const char small_catalog[] =
    "id,name,aliases,measure,direction,periodicity,by_gender,decimals,kf_scope,tolerance\n"
    "sjuk,Sjukfrånvaro,Sjukfrånvaron|Sjukfrånvaro totalt,percent,lower,tertial,ja,1,unit,\n"
    "ami,Aktivt Medskapandeindex,AMI| Aktivt medskapande index ,index,higher,år,ja,0,unit,5 %\n"
    "dela,Andel medarbetare som delar kunskap,,percent,higher,år,nej,0,unit,2\n"
    "plast,Inköpt plast,,number,lower,år,nej,2,city,\n"
    "dagar,Väntetid,,days,lower,månad,nej,,,\n";

static ind_catalog *load_small(void)
{
    ind_catalog *cat = ind_catalog_new();
    assert_non_null(cat);
    ind_error err;
    ind_error_clear(&err);
    ind_status st = ind_catalog_load_buffer(cat, "small.csv", small_catalog, strlen(small_catalog), &err);
    if (st != IND_OK)
        fail_msg("small catalogue: %s", err.message);
    return cat;
}

static const ind_indicator *lookup(const ind_catalog *cat, const char *name)
{
    return ind_catalog_lookup(cat, name, strlen(name));
}

static void test_lookup(void **state)
{
    (void)state;
    ind_catalog *cat = load_small();
    assert_int_equal(ind_catalog_count(cat), 5);
    const ind_indicator *sjuk = lookup(cat, "sjuk");
    assert_non_null(sjuk);
    assert_string_equal(sjuk->id, "sjuk");
    assert_string_equal(sjuk->name, "Sjukfrånvaro");
    assert_int_equal(sjuk->alias_count, 2);
    assert_int_equal(sjuk->measure, IND_MEASURE_PERCENT);
    assert_int_equal(sjuk->direction, IND_DIR_LOWER);
    assert_int_equal(sjuk->periodicity, IND_PERIOD_TERTIAL);
    assert_int_equal(sjuk->by_gender, 1);
    assert_int_equal(sjuk->decimals, 1);
    assert_int_equal(sjuk->kf_scope, IND_KF_SCOPE_UNIT);
    assert_true(isnan(sjuk->tolerance));
    assert_int_equal(sjuk->line, 2);
    /* by name, by alias, after normalisation */
    assert_ptr_equal(lookup(cat, "Sjukfrånvaro"), sjuk);
    assert_ptr_equal(lookup(cat, "SJUKFRÅNVARO."), sjuk);
    assert_ptr_equal(lookup(cat, "Sjukfrånvaron"), sjuk);
    assert_ptr_equal(lookup(cat, " sjukfrånvaro\xc2\xa0totalt "), sjuk);
    const ind_indicator *ami = lookup(cat, "AMI");
    assert_non_null(ami);
    assert_string_equal(ami->id, "ami");
    assert_ptr_equal(lookup(cat, "ami"), ami);
    assert_ptr_equal(lookup(cat, "aktivt medskapande index"), ami);
    assert_ptr_equal(lookup(cat, "Aktivt  Medskapandeindex"), ami);
    assert_int_equal(ami->measure, IND_MEASURE_INDEX);
    assert_int_equal(ami->periodicity, IND_PERIOD_YEAR);
    /* the alias was trimmed when read */
    assert_string_equal(ami->alias[1], "Aktivt medskapande index");
    /* tolerance "5 %" is relative, 0.05; "2" is absolute */
    assert_true(ami->tolerance == 0.05);
    assert_int_equal(ami->tolerance_relative, 1);
    const ind_indicator *dela = lookup(cat, "Andelen medarbetare som delar kunskap.");
    assert_non_null(dela);
    assert_string_equal(dela->id, "dela");
    assert_true(dela->tolerance == 2);
    assert_int_equal(dela->tolerance_relative, 0);
    assert_int_equal(dela->by_gender, 0);
    assert_int_equal(lookup(cat, "plast")->kf_scope, IND_KF_SCOPE_CITY);
    /* empty decimals, kf_scope: defaults (1 decimal, unit scope) */
    const ind_indicator *dagar = lookup(cat, "Väntetid");
    assert_non_null(dagar);
    assert_int_equal(dagar->measure, IND_MEASURE_DAYS);
    assert_int_equal(dagar->periodicity, IND_PERIOD_MONTH);
    assert_int_equal(dagar->decimals, 1);
    assert_int_equal(dagar->kf_scope, IND_KF_SCOPE_UNIT);
    /* unknown names */
    assert_null(lookup(cat, "Sjukfrånvaro dag 1-14"));
    assert_null(lookup(cat, "Sjuk frånvaro"));
    assert_null(lookup(cat, ""));
    assert_null(ind_catalog_lookup(NULL, "ami", 3));
    assert_ptr_equal(ind_catalog_at(cat, 0), sjuk);
    assert_null(ind_catalog_at(cat, 5));

    /* a later catalogue redefines an id; its names then find the new entry */
    static const char more[] = "id,name,direction,measure\nsjuk,Sjukfrånvaro ny,higher,percent\n"
                               "extra,Extra indikator,neutral,count\n";
    ind_error err;
    assert_int_equal(ind_catalog_load_buffer(cat, "more.csv", more, strlen(more), &err), IND_OK);
    assert_int_equal(ind_catalog_count(cat), 6);
    const ind_indicator *ny = lookup(cat, "Sjukfrånvaro ny");
    assert_non_null(ny);
    assert_string_equal(ny->id, "sjuk");
    assert_int_equal(ny->direction, IND_DIR_HIGHER);
    assert_ptr_equal(lookup(cat, "sjuk"), ny);
    assert_non_null(lookup(cat, "Extra indikator"));

    /* adding one by hand (e.g. from Kolada metadata) */
    char *aliases[] = {"N15419"};
    ind_indicator k = {0};
    k.id = "kolada_n15419";
    k.name = "Elever i åk 9 som uppnått kunskapskraven";
    k.alias = aliases;
    k.alias_count = 1;
    k.direction = IND_DIR_HIGHER;
    k.tolerance = NAN;
    assert_int_equal(ind_catalog_add(cat, &k, &err), IND_OK);
    assert_string_equal(lookup(cat, "n15419")->id, "kolada_n15419");
    ind_catalog_free(cat);
    ind_catalog_free(NULL);
}

/* kolada_kpi: the KPI id is kept and finds the entry, as an alias does; a
 * later definition of the id without one drops it. */
static void test_kolada_kpi(void **state)
{
    (void)state;
    static const char text[] = "id,name,direction,measure,kolada_kpi\n"
                               "bistand,Andel med ekonomiskt bistånd,lower,percent,N31807\n"
                               "egen,Egen indikator,higher,percent,\n";
    ind_catalog *cat = ind_catalog_new();
    ind_error err;
    assert_int_equal(ind_catalog_load_buffer(cat, "k.csv", text, strlen(text), &err), IND_OK);
    const ind_indicator *b = lookup(cat, "N31807");
    assert_non_null(b);
    assert_string_equal(b->id, "bistand");
    assert_string_equal(b->kolada_kpi, "N31807");
    assert_null(lookup(cat, "Egen indikator")->kolada_kpi);
    static const char again[] = "id,name,direction\nbistand,Andel med ekonomiskt bistånd,lower\n";
    assert_int_equal(ind_catalog_load_buffer(cat, "again.csv", again, strlen(again), &err), IND_OK);
    assert_null(lookup(cat, "bistand")->kolada_kpi);
    ind_catalog_free(cat);
}

/* Counts the records of a CSV file whose fields hold no line breaks. */
static size_t count_lines(const char *data, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < size; i++)
        if (data[i] == '\n')
            n++;
    if (size && data[size - 1] != '\n')
        n++;
    return n;
}

static void test_builtin(void **state)
{
    (void)state;
    const char *path = IND_SOURCE_DIR "/datasets/catalog.csv";
    char *data;
    size_t size;
    ind_error err;
    ind_error_clear(&err);
    assert_int_equal(ind_file_slurp(path, &data, &size, &err), IND_OK);
    size_t records = count_lines(data, size) - 1; /* less the header */
    ind_file_free(data, size);

    ind_catalog *cat = ind_catalog_new();
    ind_status st = ind_catalog_load_file(cat, path, &err);
    if (st != IND_OK)
        fail_msg("%s:%ld:%ld: %s", err.file, err.line, err.column, err.message);
    /* one indicator per record: no id is defined twice */
    assert_int_equal(ind_catalog_count(cat), records);
    /* rows from the file, as written there */
    const ind_indicator *s = lookup(cat, "sjukfranvaro");
    assert_non_null(s);
    assert_string_equal(s->name, "Sjukfrånvaro");
    assert_int_equal(s->measure, IND_MEASURE_PERCENT);
    assert_int_equal(s->direction, IND_DIR_LOWER);
    assert_int_equal(s->periodicity, IND_PERIOD_TERTIAL);
    assert_int_equal(s->by_gender, 1);
    const ind_indicator *ami = lookup(cat, "AMI");
    assert_non_null(ami);
    assert_string_equal(ami->id, "ami");
    assert_int_equal(ami->direction, IND_DIR_HIGHER);
    assert_int_equal(ami->periodicity, IND_PERIOD_YEAR);
    assert_ptr_equal(lookup(cat, "Aktivt medskapande index (AMI)"), ami);
    assert_ptr_equal(lookup(cat, "Sjukfrånvaro dag 1–14"), lookup(cat, "sjukfranvaro_dag_1_14"));
    assert_int_equal(lookup(cat, "plast_forbrukningsartiklar")->kf_scope, IND_KF_SCOPE_CITY);
    /* every id, name and alias finds its own entry: no two indicators share a name */
    for (size_t i = 0; i < ind_catalog_count(cat); i++) {
        const ind_indicator *ind = ind_catalog_at(cat, i);
        if (lookup(cat, ind->id) != ind)
            fail_msg("id %s does not find itself", ind->id);
        const ind_indicator *by_name = lookup(cat, ind->name);
        if (by_name != ind)
            fail_msg("the name of %s (line %ld) finds %s (line %ld)", ind->id, ind->line,
                     by_name ? by_name->id : "nothing", by_name ? by_name->line : 0L);
        for (size_t a = 0; a < ind->alias_count; a++) {
            const ind_indicator *by_alias = lookup(cat, ind->alias[a]);
            if (by_alias != ind)
                fail_msg("alias \"%s\" of %s finds %s", ind->alias[a], ind->id,
                         by_alias ? by_alias->id : "nothing");
        }
        assert_true(ind->direction != IND_DIR_UNKNOWN);
    }
    ind_catalog_free(cat);

    cat = ind_catalog_new();
    assert_int_equal(ind_catalog_load_file(cat, IND_SOURCE_DIR "/datasets/no-such-file.csv", &err), IND_EIO);
    ind_catalog_free(cat);
}

/* A catalogue that must be refused at line/column with a message containing part. */
static void bad(const char *text, long line, long column, const char *part)
{
    ind_catalog *cat = ind_catalog_new();
    ind_error err;
    ind_error_clear(&err);
    ind_status st = ind_catalog_load_buffer(cat, "bad.csv", text, strlen(text), &err);
    if (st != IND_EINPUT)
        fail_msg("catalogue accepted (status %d): %s", st, text);
    if (err.line != line || err.column != column || !strstr(err.message, part))
        fail_msg("%s:%ld:%ld: %s\nexpected line %ld column %ld and \"%s\"", err.file, err.line,
                 err.column, err.message, line, column, part);
    assert_string_equal(err.file, "bad.csv");
    ind_catalog_free(cat);
}

static void test_bad_rows(void **state)
{
    (void)state;
    const char *h = "id,name,direction,measure,periodicity,by_gender,decimals,kf_scope,tolerance\n";
    char buf[1024];
#define ROW(r) (snprintf(buf, sizeof buf, "%s%s", h, r), buf)
    bad("id,name,riktning\n", 1, 3, "unknown catalogue column \"riktning\"");
    bad("id,name,direction,name\n", 1, 4, "appears twice");
    bad("id,direction\n", 1, 0, "id, name and direction");
    bad("", 0, 0, "empty");
    bad("\n\n", 0, 0, "no header");
    bad(ROW(",Namn,higher,percent,år,ja,0,unit,\n"), 2, 1, "id is empty");
    bad(ROW("x,,higher,percent,år,ja,0,unit,\n"), 2, 2, "name is empty");
    /* a name of marks only folds to nothing and could never be matched (found by fuzz_goals) */
    bad(ROW("x,;,higher,percent,år,ja,0,unit,\n"), 2, 2, "no letters or digits");
    bad(ROW("x,Namn,uppåt,percent,år,ja,0,unit,\n"), 2, 3, "unknown direction");
    bad(ROW("x,Namn,,percent,år,ja,0,unit,\n"), 2, 3, "unknown direction");
    bad(ROW("x,Namn,higher,procentandel,år,ja,0,unit,\n"), 2, 4, "unknown measure");
    bad(ROW("x,Namn,higher,percent,vecka,ja,0,unit,\n"), 2, 5, "unknown periodicity");
    bad(ROW("x,Namn,higher,percent,år,kanske,0,unit,\n"), 2, 6, "ja or nej");
    bad(ROW("x,Namn,higher,percent,år,ja,7,unit,\n"), 2, 7, "decimals");
    bad(ROW("x,Namn,higher,percent,år,ja,1.5,unit,\n"), 2, 7, "decimals");
    bad(ROW("x,Namn,higher,percent,år,ja,-1,unit,\n"), 2, 7, "decimals");
    bad(ROW("x,Namn,higher,percent,år,ja,0,region,\n"), 2, 8, "kf_scope");
    bad(ROW("x,Namn,higher,percent,år,ja,0,unit,-1\n"), 2, 9, "tolerance");
    bad(ROW("x,Namn,higher,percent,år,ja,0,unit,mycket\n"), 2, 9, "tolerance");
    bad("id,name,direction,kolada_kpi\nx,Namn,higher,15419\n", 2, 4, "kolada_kpi must be a Kolada KPI id");
    bad("id,name,direction,kolada_kpi\nx,Namn,higher,N154 19\n", 2, 4, "N15419");
    /* a short row: the first missing field; a long one: the first extra non-empty field */
    bad(ROW("x,Namn,higher\n"), 2, 4, "3 fields");
    bad(ROW("x,Namn,higher,percent,år,ja,0,unit,,extra\n"), 2, 10, "10 fields");
    /* errors from the CSV layer pass through */
    bad(ROW("x,\"Namn,higher\n"), 2, 3, "unterminated");
    /* a good row before a bad one: the bad one's line */
    bad(ROW("a,A,higher,percent,år,ja,0,unit,\nb,B,sideways,percent,år,ja,0,unit,\n"), 3, 3,
        "sideways");
    /* extra empty fields are fine (spreadsheets add them) */
    ind_catalog *cat = ind_catalog_new();
    ind_error err;
    const char *ok = ROW("x,Namn,higher,percent,år,ja,0,unit,,,\n");
    assert_int_equal(ind_catalog_load_buffer(cat, "ok.csv", ok, strlen(ok), &err), IND_OK);
    assert_int_equal(ind_catalog_count(cat), 1);
    ind_catalog_free(cat);
#undef ROW
}

static void test_codes(void **state)
{
    (void)state;
    ind_measure m;
    ind_direction d;
    assert_int_equal(ind_measure_parse("PERCENT", &m), 0);
    assert_int_equal(m, IND_MEASURE_PERCENT);
    assert_int_equal(ind_measure_parse("antal", &m), 0);
    assert_int_equal(m, IND_MEASURE_COUNT);
    assert_int_equal(ind_measure_parse("kvot", &m), 0);
    assert_int_equal(m, IND_MEASURE_RATIO);
    assert_int_equal(ind_measure_parse("gram", &m), -1);
    assert_int_equal(ind_direction_parse("lower", &d), 0);
    assert_int_equal(d, IND_DIR_LOWER);
    assert_int_equal(ind_direction_parse("h\xc3\xb6gre", &d), 0);
    assert_int_equal(d, IND_DIR_HIGHER);
    assert_int_equal(ind_direction_parse("", &d), -1);
    assert_string_equal(ind_measure_code(IND_MEASURE_CURRENCY), "currency");
    assert_string_equal(ind_direction_code(IND_DIR_BAND), "band");
    assert_string_equal(ind_direction_code(IND_DIR_UNKNOWN), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_kolada_kpi),
        cmocka_unit_test(test_bad_rows),
        cmocka_unit_test(test_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
