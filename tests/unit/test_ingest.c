/* test_ingest.c: engine/ingest: the canonical long form (English and Swedish
 * headers), the VB-table form (with --unit or an Enhet column, the previous
 * year's column), values from numerator and denominator, text in value cells,
 * and every cell-level error with its line and column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"

static const char catalog_csv[] =
    "id,name,aliases,measure,direction,periodicity,by_gender\n"
    "ami,Aktivt Medskapandeindex,AMI,index,higher,år,ja\n"
    "sjuk,Sjukfrånvaro,Sjukfrånvaron,percent,lower,tertial,ja\n"
    "vrak,Antal vräkningar,,count,lower,år,nej\n";

static ind_catalog *cat;

static int setup(void **state)
{
    (void)state;
    cat = ind_catalog_new();
    ind_error err;
    return ind_catalog_load_buffer(cat, "cat.csv", catalog_csv, strlen(catalog_csv), &err) != IND_OK;
}

static int teardown(void **state)
{
    (void)state;
    ind_catalog_free(cat);
    return 0;
}

/* Reads text into a new finished dataset; fails the test on any error. */
static ind_dataset *read_ok(const char *name, const char *text, const char *unit,
                            ind_ingest_report *report)
{
    ind_dataset *ds = ind_dataset_new(cat);
    ind_ingest_options opt = {IND_ENC_AUTO, 0, unit, NULL, 0, 0, 0};
    ind_error err;
    ind_error_clear(&err);
    if (ind_ingest_buffer(ds, name, text, strlen(text), &opt, report, &err) != IND_OK ||
        ind_dataset_finish(ds, &err) != IND_OK)
        fail_msg("%s:%ld:%ld: %s", err.file, err.line, err.column, err.message);
    return ds;
}

/* The observation of unit × indicator × gender at period, which must exist. */
static void obs(const ind_dataset *ds, const char *unit, const char *indicator, ind_gender g,
                const char *period, ind_obs *o)
{
    ind_period p;
    assert_int_equal(ind_period_parse(period, strlen(period), &p, NULL), 0);
    long s = ind_dataset_find_series(ds, unit, indicator, g);
    if (s < 0)
        fail_msg("no series %s / %s / %s", unit, indicator, ind_gender_code(g));
    long i = ind_dataset_find_obs(ds, (size_t)s, p);
    if (i < 0)
        fail_msg("no observation %s / %s / %s at %s", unit, indicator, ind_gender_code(g), period);
    ind_dataset_get(ds, (size_t)i, o);
}

static const char *str(const ind_dataset *ds, ind_str id) { return ind_dataset_str(ds, id); }

static void test_long_english(void **state)
{
    (void)state;
    static const char csv[] =
        "unit,indicator,period,gender,value,numerator,denominator,sd,target,kf_target,missing,goal,note,source\n"
        "Enhet A,Sjukfrånvaro,2021-T2,K,\"6,7 %\",,,,\"9,5 %\",Tas fram av nämnd/styrelse,,3.4.1,en not,orig.csv:5\n"
        "Enhet A,Sjukfrånvaro,2021-T2,M,5.5,,,,,,,,,\n"
        "Enhet A,FREDA kortfrågor,2021,T,,1,22,,100 %,,,E1,,\n"
        "Enhet A,AMI,2021,Totalt,..,,,,83,,,,,\n"
        "Enhet A,Medelvärde,2021,T,3.2,,40,0.9,,,,,,\n"
        "Enhet B,AMI,2021,T,,,,,,,sekretess,,,\n";
    ind_ingest_report rep;
    ind_dataset *ds = read_ok("long.csv", csv, NULL, &rep);
    assert_int_equal(rep.form, IND_FORM_LONG);
    assert_int_equal(rep.observations, 6);
    assert_int_equal(rep.csv.rows, 7);
    assert_int_equal(rep.csv.delimiter, ',');
    assert_int_equal(ind_dataset_obs_count(ds), 6);
    ind_obs o;
    obs(ds, "Enhet A", "Sjukfrånvaro", IND_GENDER_K, "2021-T2", &o);
    assert_true(o.value == 6.7);
    assert_int_equal(o.missing, IND_MISSING_NONE);
    assert_string_equal(str(ds, o.target), "9,5 %");
    assert_string_equal(str(ds, o.kf_target), "Tas fram av nämnd/styrelse");
    assert_string_equal(str(ds, o.goal), "3.4.1");
    assert_string_equal(str(ds, o.note), "en not");
    assert_string_equal(str(ds, o.source), "orig.csv:5");
    assert_string_equal(str(ds, o.file), "long.csv");
    assert_int_equal(o.line, 2);
    obs(ds, "Enhet A", "Sjukfrånvaro", IND_GENDER_M, "2021-T2", &o);
    assert_true(o.value == 5.5);
    assert_int_equal(o.line, 3);
    assert_int_equal(o.target, 0);
    /* value from the counts: 100 * 1 / 22 */
    obs(ds, "Enhet A", "FREDA kortfrågor", IND_GENDER_T, "2021", &o);
    assert_true(o.value == 100.0 * 1.0 / 22.0);
    assert_true(o.numerator == 1 && o.denominator == 22);
    assert_string_equal(str(ds, o.goal), "E1");
    assert_int_equal(ind_dataset_target(ds, o.target).kind, IND_TARGET_EXACT);
    obs(ds, "Enhet A", "AMI", IND_GENDER_T, "2021", &o);
    assert_true(isnan(o.value));
    assert_int_equal(o.missing, IND_MISSING_CONFIDENTIAL);
    assert_string_equal(str(ds, o.target), "83");
    obs(ds, "Enhet A", "Medelvärde", IND_GENDER_T, "2021", &o);
    assert_true(o.value == 3.2 && o.denominator == 40 && o.sd == 0.9 && isnan(o.numerator));
    obs(ds, "Enhet B", "AMI", IND_GENDER_T, "2021", &o);
    assert_true(isnan(o.value));
    assert_int_equal(o.missing, IND_MISSING_CONFIDENTIAL);
    assert_int_equal(ind_dataset_warning_count(ds), 0);
    ind_dataset_free(ds);
}

static void test_long_swedish(void **state)
{
    (void)state;
    static const char csv[] =
        "\xEF\xBB\xBF" "Enhet;Indikator;År;Kön;Utfall;Täljare;Nämnare;SD;Årsmål;KF:s årsmål;Saknas;Mål;Kommentar;Källa\r\n"
        "Enhet A;Sjukfrånvaron;T2 2021;Kvinnor;6,7\xc2\xa0%;;;;9,5 %;;;;;\r\n"
        "Enhet A;Antal vräkningar;2021;;1 300 st;;;;Max 10 personer;;;;;\r\n"
        "Enhet A;Sjukfrånvaro;2021-T1;T;;3;60;;;;;;;\r\n"
        "Enhet A;Antal vräkningar;2020;;;3;10;;;;;;;\r\n"
        "Enhet A;Sjukfrånvaro;2021-T3;T;-;;;;;;;;;\r\n"
        "Enhet A;Sjukfrånvaro;2021-T2;T;.;;;;;;;;;\r\n"
        "Enhet A;AMI;2021-T3;m\xc3\xa4n;70;;;;;;;;;\r\n";
    ind_ingest_report rep;
    ind_dataset *ds = read_ok("sv.csv", csv, NULL, &rep);
    assert_int_equal(rep.csv.delimiter, ';');
    assert_int_equal(rep.csv.had_bom, 1);
    assert_int_equal(rep.observations, 7);
    ind_obs o;
    obs(ds, "Enhet A", "Sjukfrånvaro", IND_GENDER_K, "2021-T2", &o);
    assert_true(o.value == 6.7);
    assert_string_equal(str(ds, o.target), "9,5 %");
    obs(ds, "Enhet A", "Antal vräkningar", IND_GENDER_T, "2021", &o);
    assert_true(o.value == 1300);
    assert_int_equal(ind_dataset_target(ds, o.target).kind, IND_TARGET_MAX);
    /* a percent indicator: 100 * 3 / 60 = 5 */
    obs(ds, "Enhet A", "Sjukfrånvaro", IND_GENDER_T, "2021-T1", &o);
    assert_true(o.value == 5.0);
    /* a count indicator: the counts are kept, no value is made up */
    obs(ds, "Enhet A", "Antal vräkningar", IND_GENDER_T, "2020", &o);
    assert_true(isnan(o.value));
    assert_true(o.numerator == 3 && o.denominator == 10);
    assert_int_equal(o.missing, IND_MISSING_UNREPORTED);
    /* Kolada's marks */
    obs(ds, "Enhet A", "Sjukfrånvaro", IND_GENDER_T, "2021-T3", &o);
    assert_int_equal(o.missing, IND_MISSING_DROPOUT);
    obs(ds, "Enhet A", "Sjukfrånvaro", IND_GENDER_T, "2021-T2", &o);
    assert_int_equal(o.missing, IND_MISSING_NOT_APPLICABLE);
    /* a yearly indicator's T3 is its year */
    obs(ds, "Enhet A", "AMI", IND_GENDER_M, "2021", &o);
    assert_true(o.value == 70);
    ind_dataset_free(ds);
}

static const char vb_header[] =
    "Indikator,Periodens utfall,Utfall män/pojkar,Utfall kvinnor/flickor,"
    "Periodens utfall VB 2020,Årsmål,KF:s årsmål,Period\n";

static void test_vb_unit(void **state)
{
    (void)state;
    char csv[1024];
    snprintf(csv, sizeof csv, "%s%s", vb_header,
             "Sjukfrånvaro,\"6,7 %\",\"0 %\",\"6,7 %\",\"10,7 %\",\"15 %\",Tas fram av nämnd/styrelse,VB 2021\n"
             "Aktivt medskapandeindex,71,,,74,73,83,VB 2021\n");
    ind_ingest_report rep;
    ind_dataset *ds = read_ok("vb.csv", csv, "Enhet X", &rep);
    assert_int_equal(rep.form, IND_FORM_VB_TABLE);
    assert_int_equal(rep.observations, 6);
    assert_int_equal(ind_dataset_obs_count(ds), 6);
    assert_int_equal(ind_dataset_series_count(ds), 4);
    ind_obs o;
    /* Sjukfrånvaro is tertial: VB 2021 is 2021-T3, the VB 2020 column 2020-T3 */
    obs(ds, "Enhet X", "Sjukfrånvaro", IND_GENDER_T, "2021-T3", &o);
    assert_true(o.value == 6.7);
    assert_string_equal(str(ds, o.target), "15 %");
    assert_string_equal(str(ds, o.kf_target), "Tas fram av nämnd/styrelse");
    assert_int_equal(o.line, 2);
    obs(ds, "Enhet X", "Sjukfrånvaro", IND_GENDER_M, "2021-T3", &o);
    assert_true(o.value == 0);
    obs(ds, "Enhet X", "Sjukfrånvaro", IND_GENDER_K, "2021-T3", &o);
    assert_true(o.value == 6.7);
    obs(ds, "Enhet X", "Sjukfrånvaro", IND_GENDER_T, "2020-T3", &o);
    assert_true(o.value == 10.7);
    assert_int_equal(o.target, 0); /* last year's target is not this year's */
    /* AMI is yearly: 2021 and 2020; no gender split printed, none stored */
    obs(ds, "Enhet X", "AMI", IND_GENDER_T, "2021", &o);
    assert_true(o.value == 71);
    assert_string_equal(str(ds, o.target), "73");
    assert_string_equal(str(ds, o.kf_target), "83");
    obs(ds, "Enhet X", "AMI", IND_GENDER_T, "2020", &o);
    assert_true(o.value == 74);
    assert_int_equal(ind_dataset_find_series(ds, "Enhet X", "AMI", IND_GENDER_K), -1);
    ind_dataset_free(ds);

    /* without --unit and without an Enhet column the unit is unknown */
    ind_dataset *d2 = ind_dataset_new(cat);
    ind_error err;
    ind_error_clear(&err);
    assert_int_equal(ind_ingest_buffer(d2, "vb.csv", csv, strlen(csv), NULL, NULL, &err), IND_EINPUT);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "--unit"));
    ind_dataset_free(d2);
}

static void test_vb_enhet(void **state)
{
    (void)state;
    static const char csv[] =
        "Enhet;Indikator;Periodens utfall;Utfall män/pojkar;Utfall kvinnor/flickor;"
        "Periodens utfall föregående år;Årsmål;KF:s årsmål;Period\n"
        "Enhet Y;Sjukfrånvaro;5,1 %;;;5,9 %;;;2021-T2\n"
        "Enhet Z;AMI;80;;;78;;;VB 2021\n"
        ";AMI;81;;;;;;VB 2022\n";
    ind_ingest_report rep;
    /* --unit is the unit of rows whose Enhet cell is empty */
    ind_dataset *ds = read_ok("vb2.csv", csv, "Enhet W", &rep);
    assert_int_equal(rep.observations, 5);
    ind_obs o;
    obs(ds, "Enhet Y", "Sjukfrånvaro", IND_GENDER_T, "2021-T2", &o);
    assert_true(o.value == 5.1);
    /* the year before, same tertial */
    obs(ds, "Enhet Y", "Sjukfrånvaro", IND_GENDER_T, "2020-T2", &o);
    assert_true(o.value == 5.9);
    obs(ds, "Enhet Z", "AMI", IND_GENDER_T, "2021", &o);
    assert_true(o.value == 80);
    obs(ds, "Enhet Z", "AMI", IND_GENDER_T, "2020", &o);
    assert_true(o.value == 78);
    obs(ds, "Enhet W", "AMI", IND_GENDER_T, "2022", &o);
    assert_true(o.value == 81);
    ind_dataset_free(ds);
}

static void test_vb_text(void **state)
{
    (void)state;
    static const char csv[] = "Indikator,Periodens utfall,Utfall män/pojkar,Utfall kvinnor/flickor,Årsmål,Period\n"
                              "AMI,Se text nedan,,,73,VB 2021\n";
    ind_ingest_report rep;
    ind_dataset *ds = read_ok("vbt.csv", csv, "E", &rep);
    ind_obs o;
    obs(ds, "E", "AMI", IND_GENDER_T, "2021", &o);
    assert_true(isnan(o.value));
    assert_int_equal(o.missing, IND_MISSING_UNREPORTED);
    assert_string_equal(str(ds, o.note), "Se text nedan");
    assert_int_equal(ind_dataset_warning_count(ds), 1);
    const ind_warning *w = ind_dataset_warning(ds, 0);
    assert_string_equal(str(ds, w->file), "vbt.csv");
    assert_int_equal(w->line, 2);
    assert_int_equal(w->column, 2);
    assert_non_null(strstr(w->message, "Se text nedan"));
    assert_non_null(strstr(w->message, "Periodens utfall"));
    ind_dataset_free(ds);

    /* text with digits in it is not taken for a note: it is a bad number */
    static const char csv2[] = "Indikator,Periodens utfall,Utfall män/pojkar,Utfall kvinnor/flickor,Årsmål,Period\n"
                               "AMI,72,,ca 5,73,VB 2021\n";
    ds = ind_dataset_new(cat);
    ind_ingest_options opt = {IND_ENC_AUTO, 0, "E", NULL, 0, 0, 0};
    ind_error err;
    assert_int_equal(ind_ingest_buffer(ds, "vbt.csv", csv2, strlen(csv2), &opt, NULL, &err), IND_EINPUT);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 4);
    assert_non_null(strstr(err.message, "Utfall kvinnor/flickor"));
    assert_non_null(strstr(err.message, "not a number"));
    ind_dataset_free(ds);
}

/* The long form refuses text at line/column with part in the message. */
#define BAD(text, line, col, part) bad_at(__LINE__, text, line, col, part)
static void bad_at(int at, const char *text, long line, long column, const char *part)
{
    ind_dataset *ds = ind_dataset_new(cat);
    ind_error err;
    ind_error_clear(&err);
    ind_status st = ind_ingest_buffer(ds, "bad.csv", text, strlen(text), NULL, NULL, &err);
    if (st == IND_OK)
        st = ind_dataset_finish(ds, &err);
    if (st != IND_EINPUT)
        fail_msg("line %d: accepted (status %d)", at, st);
    if (err.line != line || err.column != column || !strstr(err.message, part))
        fail_msg("line %d: %s:%ld:%ld: %s\nexpected line %ld column %ld and \"%s\"", at, err.file,
                 err.line, err.column, err.message, line, column, part);
    assert_string_equal(err.file, "bad.csv");
    ind_dataset_free(ds);
}

static void test_errors(void **state)
{
    (void)state;
    const char *h = "unit,indicator,period,value\n";
    const char *hn = "unit,indicator,period,value,numerator,denominator,sd,gender,missing\n";
    char b[512];
#define ROW(head, r) (snprintf(b, sizeof b, "%s%s", head, r), b)
    BAD("unit,indicator,färg,period,value\n", 1, 3, "unknown column \"färg\"");
    BAD("unit,indicator,period,value,enhet\n", 1, 5, "appears twice");
    BAD("unit,indicator,value\nA,B,1\n", 1, 0, "no period column");
    BAD("indicator,period,value\n", 1, 0, "no unit/enhet column");
    /* a VB-only column in the long form */
    BAD("unit,indicator,period,value,Utfall män/pojkar\n", 1, 5, "unknown column");
    BAD("\n\n", 0, 0, "no header");
    BAD(ROW(h, "A,AMI,2021\n"), 2, 4, "3 fields");
    BAD(ROW(h, "A,AMI,2021,5,x\n"), 2, 5, "5 fields");
    BAD(ROW(h, ",AMI,2021,5\n"), 2, 1, "unit is empty");
    BAD(ROW(h, "A, ,2021,5\n"), 2, 2, "indicator is empty");
    BAD(ROW(h, "A,Sjukfrånvaro,2021-T1,130\n"), 2, 4, "share of 130");
    BAD(ROW(h, "A,Sjukfrånvaro,2021-T1,-0.5\n"), 2, 4, "share");
    BAD(ROW(h, "A,Okänd,2021,130 %\n"), 2, 4, "share of 130");
    BAD(ROW(h, "A,Antal vräkningar,2021,-1\n"), 2, 4, "count cannot be negative");
    BAD(ROW(h, "A,AMI,2021-T4,5\n"), 2, 3, "T1, T2 or T3");
    BAD(ROW(h, "A,AMI,2021-13,5\n"), 2, 3, "01-12");
    BAD(ROW(h, "A,AMI,,5\n"), 2, 3, "empty");
    BAD(ROW(h, "A,AMI,2021,NaN\n"), 2, 4, "finite");
    BAD(ROW(h, "A,AMI,2021,Inf\n"), 2, 4, "finite");
    BAD(ROW(h, "A,AMI,2021,1e999\n"), 2, 4, "too large");
    BAD(ROW(h, "A,AMI,2021,\"12,3,4\"\n"), 2, 4, "decimal comma");
    BAD(ROW(h, "A,AMI,2021,12 34\n"), 2, 4, "groups of three");
    BAD(ROW(hn, "A,X,2021,,1,-5,,,\n"), 2, 6, "negative n");
    BAD(ROW(hn, "A,X,2021,,-1,5,,,\n"), 2, 5, "negative numerator");
    BAD(ROW(hn, "A,X,2021,,23,22,,,\n"), 2, 5, "larger than the denominator");
    BAD(ROW(hn, "A,X,2021,,1,,,,\n"), 2, 5, "needs a denominator");
    BAD(ROW(hn, "A,X,2021,3,,40,-1,,\n"), 2, 7, "standard deviation");
    BAD(ROW(hn, "A,X,2021,3,,,,Q,\n"), 2, 8, "unknown gender \"Q\"");
    BAD(ROW(hn, "A,X,2021,3,,,,,..\n"), 2, 9, "has a value");
    BAD(ROW(hn, "A,X,2021,,,,,,kanske\n"), 2, 9, "unknown reason");
    /* a bad row after good ones: its own line */
    BAD(ROW(h, "A,AMI,2020,5\nA,AMI,2021,6\n\nA,AMI,2019,x\n"), 5, 4, "not a number");
    /* a value the dataset cannot take twice: both places */
    BAD(ROW(h, "A,AMI,2021,5\nA,AMI,2021,6\n"), 3, 0, "bad.csv:2");
    /* errors from the CSV layer */
    BAD(ROW(h, "A,\"AMI,2021,5\n"), 2, 3, "unterminated");
    BAD("", 0, 0, "empty");
#undef ROW
    /* extra empty fields and rows of only delimiters are fine */
    ind_dataset *ds = read_ok("ok.csv", "unit,indicator,period,value\nA,AMI,2021,5,,\n,,,\n", NULL, NULL);
    assert_int_equal(ind_dataset_obs_count(ds), 1);
    ind_dataset_free(ds);
}

/* A cell guarded against spreadsheet formulas ("'+/-1 %", as import writes
 * text that starts with = + - @) reads back without the apostrophe. */
static void test_formula_guard(void **state)
{
    (void)state;
    static const char csv[] = "unit,indicator,period,value,target,note\n"
                              "A,AMI,2021,5,\"'+/-1 %\",\"'=SUM(A1)\"\n"
                              "'-A,AMI,2021,5,'hej,'\n";
    ind_dataset *ds = read_ok("g.csv", csv, NULL, NULL);
    ind_obs o;
    obs(ds, "A", "AMI", IND_GENDER_T, "2021", &o);
    assert_string_equal(str(ds, o.target), "+/-1 %");
    assert_string_equal(str(ds, o.note), "=SUM(A1)");
    assert_int_equal(ind_dataset_target(ds, o.target).kind, IND_TARGET_BAND);
    obs(ds, "-A", "AMI", IND_GENDER_T, "2021", &o);
    /* an apostrophe before anything else is text as written */
    assert_string_equal(str(ds, o.target), "'hej");
    assert_string_equal(str(ds, o.note), "'");
    ind_dataset_free(ds);
}

static void test_file(void **state)
{
    (void)state;
    char path[] = "/tmp/test_ingest_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fputs("enhet,indikator,period,v\xe4rde\n\xd6ster,AMI,2021,71\n", f); /* Windows-1252 */
    fclose(f);
    ind_dataset *ds = ind_dataset_new(cat);
    ind_ingest_report rep;
    ind_error err;
    ind_status st = ind_ingest_file(ds, path, NULL, &rep, &err);
    remove(path);
    assert_int_equal(st, IND_OK);
    assert_int_equal(rep.csv.encoding, IND_ENC_CP1252);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    assert_int_equal(ind_dataset_find_series(ds, "\xc3\x96ster", "AMI", IND_GENDER_T), 0);
    ind_dataset_free(ds);
    ds = ind_dataset_new(cat);
    assert_int_equal(ind_ingest_file(ds, "/nonexistent/x.csv", NULL, NULL, &err), IND_EIO);
    ind_dataset_free(ds);
    assert_string_equal(ind_form_name(IND_FORM_LONG), "long");
    assert_string_equal(ind_form_name(IND_FORM_VB_TABLE), "vb-table");
    assert_string_equal(ind_form_name(IND_FORM_UNKNOWN), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_english),
        cmocka_unit_test(test_long_swedish),
        cmocka_unit_test(test_vb_unit),
        cmocka_unit_test(test_vb_enhet),
        cmocka_unit_test(test_vb_text),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_formula_guard),
        cmocka_unit_test(test_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
