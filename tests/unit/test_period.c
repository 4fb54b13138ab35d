/* test_period.c: engine/period: the period grammars (years, tertials, VB,
 * months), ordering, real time, and the gender grammar. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "period.h"

static ind_period parse_ok(const char *s)
{
    ind_period p = IND_PERIOD_NONE;
    const char *why = NULL;
    if (ind_period_parse(s, strlen(s), &p, &why) != 0)
        fail_msg("\"%s\" did not parse: %s", s, why ? why : "(no reason)");
    return p;
}

static void parse_bad(const char *s, const char *why_part)
{
    ind_period p = 12345;
    const char *why = NULL;
    if (ind_period_parse(s, strlen(s), &p, &why) == 0)
        fail_msg("\"%s\" parsed but should be rejected", s);
    assert_non_null(why);
    if (why_part && !strstr(why, why_part))
        fail_msg("\"%s\": reason \"%s\" does not mention \"%s\"", s, why, why_part);
    assert_int_equal(p, 12345); /* untouched */
}

static void expect(const char *s, int year, ind_period_kind kind, int sub, const char *canonical)
{
    ind_period p = parse_ok(s);
    char buf[32];
    if (ind_period_year(p) != year || ind_period_kind_of(p) != kind || ind_period_sub(p) != sub)
        fail_msg("\"%s\" -> year %d kind %d sub %d, expected %d %d %d", s, ind_period_year(p),
                 ind_period_kind_of(p), ind_period_sub(p), year, kind, sub);
    assert_int_equal(p, ind_period_make(year, kind, sub));
    assert_string_equal(ind_period_format(p, buf, sizeof buf), canonical);
    /* the canonical form reads back to the same period */
    assert_int_equal(parse_ok(canonical), p);
}

static void test_grammars(void **state)
{
    (void)state;
    expect("2021", 2021, IND_PERIOD_YEAR, 0, "2021");
    expect(" 2021 ", 2021, IND_PERIOD_YEAR, 0, "2021");
    expect("2021-T1", 2021, IND_PERIOD_TERTIAL, 1, "2021-T1");
    expect("2021-T2", 2021, IND_PERIOD_TERTIAL, 2, "2021-T2");
    expect("2021-T3", 2021, IND_PERIOD_TERTIAL, 3, "2021-T3");
    expect("2021-t2", 2021, IND_PERIOD_TERTIAL, 2, "2021-T2");
    expect("2021 T1", 2021, IND_PERIOD_TERTIAL, 1, "2021-T1");
    expect("T2 2021", 2021, IND_PERIOD_TERTIAL, 2, "2021-T2");
    expect("t3 2021", 2021, IND_PERIOD_TERTIAL, 3, "2021-T3");
    expect("Tertial 1 2021", 2021, IND_PERIOD_TERTIAL, 1, "2021-T1");
    expect("tertial 2 2021", 2021, IND_PERIOD_TERTIAL, 2, "2021-T2");
    /* VB is the year-end report: the third tertial */
    expect("VB 2021", 2021, IND_PERIOD_TERTIAL, 3, "2021-T3");
    expect("vb 2021", 2021, IND_PERIOD_TERTIAL, 3, "2021-T3");
    expect("VB2021", 2021, IND_PERIOD_TERTIAL, 3, "2021-T3");
    expect("2021 VB", 2021, IND_PERIOD_TERTIAL, 3, "2021-T3");
    expect("2021-VB", 2021, IND_PERIOD_TERTIAL, 3, "2021-T3");
    expect("2021-03", 2021, IND_PERIOD_MONTH, 3, "2021-03");
    expect("2021-12", 2021, IND_PERIOD_MONTH, 12, "2021-12");
    expect("2021-01", 2021, IND_PERIOD_MONTH, 1, "2021-01");
    expect("1900", 1900, IND_PERIOD_YEAR, 0, "1900");
    expect("2200-T3", 2200, IND_PERIOD_TERTIAL, 3, "2200-T3");
}

static void test_errors(void **state)
{
    (void)state;
    parse_bad("2021-T4", "T1, T2 or T3");
    parse_bad("2021-T0", "T1, T2 or T3");
    parse_bad("T4 2021", "T1, T2 or T3");
    parse_bad("2021-13", "01-12");
    parse_bad("2021-00", "01-12");
    parse_bad("21", "four digits");
    parse_bad("202", "four digits");
    parse_bad("20210", "four digits");
    parse_bad("1899", "four digits");
    parse_bad("2201", "four digits");
    parse_bad("", "empty");
    parse_bad("   ", "empty");
    parse_bad("abc", NULL);
    parse_bad("2021-T", NULL);
    parse_bad("2021-T1x", NULL);
    parse_bad("2021-003", NULL);
    parse_bad("2021-03-01", NULL);
    parse_bad("VB 21", NULL);
    parse_bad("VB", NULL);
    parse_bad("T2", NULL);
    parse_bad("2021 Q1", NULL);
    parse_bad("2021/2022", NULL);
    parse_bad("99999999999999999999", "four digits");
}

static void test_order_and_time(void **state)
{
    (void)state;
    ind_period y20 = parse_ok("2020"), y21 = parse_ok("2021"), y22 = parse_ok("2022");
    ind_period t1 = parse_ok("2021-T1"), t2 = parse_ok("2021-T2"), t3 = parse_ok("2021-T3");
    ind_period m01 = parse_ok("2021-01"), m03 = parse_ok("2021-03"), m12 = parse_ok("2021-12");
    ind_period n01 = parse_ok("2022-01");
    /* time order within a kind; a year before its own tertials and months */
    assert_true(y20 < y21 && y21 < y22);
    assert_true(y21 < t1 && t1 < t2 && t2 < t3 && t3 < y22);
    assert_true(y21 < m01 && m01 < m03 && m03 < m12 && m12 < y22 && y22 < n01);
    assert_true(parse_ok("2020-T3") < t1);
    assert_true(IND_PERIOD_NONE < parse_ok("1900"));

    /* real time: tertial k is Y + (k-1)/3, month m is Y + (m-1)/12 */
    assert_true(ind_period_time(y21) == 2021.0);
    assert_true(ind_period_time(t1) == 2021.0);
    assert_true(fabs(ind_period_time(t2) - (2021.0 + 1.0 / 3.0)) < 1e-12);
    assert_true(fabs(ind_period_time(t3) - (2021.0 + 2.0 / 3.0)) < 1e-12);
    assert_true(ind_period_time(m01) == 2021.0);
    assert_true(fabs(ind_period_time(m03) - (2021.0 + 2.0 / 12.0)) < 1e-12);
    assert_true(fabs(ind_period_time(m12) - (2021.0 + 11.0 / 12.0)) < 1e-12);
    /* a gap stays a gap: 2019 and 2021 are two years apart */
    assert_true(ind_period_time(y21) - ind_period_time(parse_ok("2019")) == 2.0);

    /* the same period a year earlier */
    assert_int_equal(ind_period_year_before(t2), parse_ok("2020-T2"));
    assert_int_equal(ind_period_year_before(m03), parse_ok("2020-03"));
    assert_int_equal(ind_period_year_before(y21), y20);
    assert_int_equal(ind_period_year_before(parse_ok("VB 2021")), parse_ok("2020-T3"));
}

/* ranges take whole periods: --to 2021 keeps the whole of 2021 */
static void test_within(void **state)
{
    (void)state;
    ind_period y21 = parse_ok("2021"), t2 = parse_ok("2021-T2"), t3 = parse_ok("2021-T3");
    ind_period m12 = parse_ok("2021-12"), n01 = parse_ok("2022-01"), y22 = parse_ok("2022");
    assert_true(ind_period_within(t3, 0, y21));
    assert_true(ind_period_within(m12, 0, y21));
    assert_true(ind_period_within(y21, 0, y21));
    assert_false(ind_period_within(n01, 0, y21));
    assert_false(ind_period_within(y22, 0, y21));
    /* a tertial ends where the next begins */
    assert_true(ind_period_within(parse_ok("2021-08"), 0, t2));
    assert_false(ind_period_within(parse_ok("2021-09"), 0, t2));
    assert_false(ind_period_within(t3, 0, t2));
    /* from: the start of the bound; a year does not start after its T1 */
    assert_true(ind_period_within(parse_ok("2021-T1"), y21, 0));
    assert_true(ind_period_within(y21, parse_ok("2021-T1"), 0));
    assert_false(ind_period_within(y21, t2, 0));
    assert_true(ind_period_within(t3, t2, t3));
    assert_true(ind_period_within(t2, 0, 0));
}

static void test_labels(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(ind_period_label(parse_ok("2021"), buf, sizeof buf), "2021");
    assert_string_equal(ind_period_label(parse_ok("2021-T1"), buf, sizeof buf), "2021 T1");
    assert_string_equal(ind_period_label(parse_ok("VB 2021"), buf, sizeof buf), "2021 T3");
    /* the header promises the Swedish month: "mars 2021" */
    assert_string_equal(ind_period_label(parse_ok("2021-03"), buf, sizeof buf), "mars 2021");
    assert_string_equal(ind_period_label(parse_ok("2021-01"), buf, sizeof buf), "januari 2021");
    assert_string_equal(ind_period_label(parse_ok("2021-12"), buf, sizeof buf), "december 2021");
}

static void gender_is(const char *s, ind_gender want)
{
    ind_gender g = (ind_gender)-1;
    if (ind_gender_parse(s, strlen(s), &g) != 0)
        fail_msg("gender \"%s\" not recognised", s);
    if (g != want)
        fail_msg("gender \"%s\" -> %d, expected %d", s, g, want);
}

static void test_gender(void **state)
{
    (void)state;
    static const char *const total[] = {"", " ", "T", "t", "Totalt", "TOTALT", "Alla", "alla", "Samtliga"};
    static const char *const women[] = {"K", "k", "Kvinnor", "kvinnor", "Flickor", "Kvinnor/flickor",
                                        "KVINNOR/FLICKOR", " K "};
    static const char *const men[] = {"M", "m", "M\xc3\xa4n", "m\xc3\xa4n", "M\xc3\x84N", "Pojkar",
                                      "M\xc3\xa4n/pojkar", "m\xc3\xa4n/Pojkar"};
    static const char *const other[] = {"X", "x", "Annan", "Ok\xc3\xa4nd", "OK\xc3\x84ND",
                                        "Annan k\xc3\xb6nsidentitet"};
    for (size_t i = 0; i < sizeof total / sizeof total[0]; i++)
        gender_is(total[i], IND_GENDER_T);
    for (size_t i = 0; i < sizeof women / sizeof women[0]; i++)
        gender_is(women[i], IND_GENDER_K);
    for (size_t i = 0; i < sizeof men / sizeof men[0]; i++)
        gender_is(men[i], IND_GENDER_M);
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
        gender_is(other[i], IND_GENDER_X);
    static const char *const bad[] = {"Q", "kvinnorna", "mä", "TT", "1", "Män och kvinnor", "m\xc3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ind_gender g;
        if (ind_gender_parse(bad[i], strlen(bad[i]), &g) == 0)
            fail_msg("gender \"%s\" should be unknown", bad[i]);
    }
    assert_string_equal(ind_gender_code(IND_GENDER_T), "T");
    assert_string_equal(ind_gender_code(IND_GENDER_K), "K");
    assert_string_equal(ind_gender_code(IND_GENDER_M), "M");
    assert_string_equal(ind_gender_code(IND_GENDER_X), "X");
    assert_string_equal(ind_gender_label_sv(IND_GENDER_M), "M\xc3\xa4n");
    assert_string_equal(ind_gender_label_en(IND_GENDER_K), "Women");
    assert_string_equal(ind_gender_code((ind_gender)7), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grammars),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_order_and_time),
        cmocka_unit_test(test_within),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_gender),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
