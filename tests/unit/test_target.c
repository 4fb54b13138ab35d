/* test_target.c: engine/target: every kind of årsmål the VP documents write.
 *
 * Decision recorded here: a number followed by one unit word ("525 ton",
 * "10 personer", "11 500 st") is a VALUE target of that number; the text as
 * written keeps the unit. Whether a city-wide KF total may judge a unit is the
 * catalogue's kf_scope, not the parser's business. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "target.h"

static void check(const char *s, ind_target_kind kind, double value, double band, int percent)
{
    ind_target t = ind_target_parse(s, strlen(s));
    if (t.kind != kind)
        fail_msg("\"%s\": kind %s, expected %s", s, ind_target_kind_code(t.kind),
                 ind_target_kind_code(kind));
    if (isnan(value)) {
        if (!isnan(t.value))
            fail_msg("\"%s\": value %g, expected none", s, t.value);
    } else if (t.value != value) {
        fail_msg("\"%s\": value %.17g, expected %.17g", s, t.value, value);
    }
    if (t.band != band)
        fail_msg("\"%s\": band %g, expected %g", s, t.band, band);
    if ((int)t.percent != percent)
        fail_msg("\"%s\": percent %d, expected %d", s, (int)t.percent, percent);
}

static void test_values(void **state)
{
    (void)state;
    check("83", IND_TARGET_VALUE, 83, 0, 0);
    check(" 83 ", IND_TARGET_VALUE, 83, 0, 0);
    check("9,5 %", IND_TARGET_VALUE, 9.5, 0, 1);
    check("9,5\xc2\xa0%", IND_TARGET_VALUE, 9.5, 0, 1);
    check("71 %", IND_TARGET_VALUE, 71, 0, 1);
    check("0,8", IND_TARGET_VALUE, 0.8, 0, 0);
    /* a number with a unit word: the number is the target (see the header comment) */
    check("525 ton", IND_TARGET_VALUE, 525, 0, 0);
    check("11 500 st", IND_TARGET_VALUE, 11500, 0, 0);
    check("10 personer", IND_TARGET_VALUE, 10, 0, 0);
    check("1 300 kr", IND_TARGET_VALUE, 1300, 0, 0);
    /* ... but not when more numbers follow */
    check("3 av 22", IND_TARGET_NON_NUMERIC, NAN, 0, 0);
    check("5 per 1000 invånare", IND_TARGET_NON_NUMERIC, NAN, 0, 0);
}

static void test_rules(void **state)
{
    (void)state;
    check("öka", IND_TARGET_INCREASE, NAN, 0, 0);
    check("Öka", IND_TARGET_INCREASE, NAN, 0, 0);
    check("Ökning", IND_TARGET_INCREASE, NAN, 0, 0);
    check("ÖKNING", IND_TARGET_INCREASE, NAN, 0, 0);
    check("ökar (i jämförelse med 2025)", IND_TARGET_INCREASE, NAN, 0, 0);
    check("minskning", IND_TARGET_DECREASE, NAN, 0, 0);
    check("Minska", IND_TARGET_DECREASE, NAN, 0, 0);
    check("Minskar jämfört med 2020", IND_TARGET_DECREASE, NAN, 0, 0);
    check("Max 10 personer", IND_TARGET_MAX, 10, 0, 0);
    check("max 10", IND_TARGET_MAX, 10, 0, 0);
    check("Högst 5 %", IND_TARGET_MAX, 5, 0, 1);
    check("min 5", IND_TARGET_MIN, 5, 0, 0);
    check("Minst 90 %", IND_TARGET_MIN, 90, 0, 1);
    check("Minst 1 300", IND_TARGET_MIN, 1300, 0, 0);
    check("+/-1 %", IND_TARGET_BAND, 0, 1, 1);
    check("0 ± 1", IND_TARGET_BAND, 0, 1, 0);
    check("±2", IND_TARGET_BAND, 0, 2, 0);
    check("100 ± 1 %", IND_TARGET_BAND, 100, 1, 1);
    check("50 +/- 5", IND_TARGET_BAND, 50, 5, 0);
    check("0 +- 0,5", IND_TARGET_BAND, 0, 0.5, 0);
    /* exactly 100 % is exact; "Exakt N" too */
    check("100 %", IND_TARGET_EXACT, 100, 0, 1);
    check("100,0 %", IND_TARGET_EXACT, 100, 0, 1);
    check("Exakt 50", IND_TARGET_EXACT, 50, 0, 0);
    /* a plain 100 without "%" is a number like any other */
    check("100", IND_TARGET_VALUE, 100, 0, 0);
    check("Tas fram av nämnd/styrelse", IND_TARGET_NON_NUMERIC, NAN, 0, 0);
    check("Se text", IND_TARGET_NON_NUMERIC, NAN, 0, 0);
    check("max", IND_TARGET_NON_NUMERIC, NAN, 0, 0);
    check("max tio", IND_TARGET_NON_NUMERIC, NAN, 0, 0);
    check("+/- mycket", IND_TARGET_NON_NUMERIC, NAN, 0, 0);
    check("0 ± -1", IND_TARGET_NON_NUMERIC, NAN, 0, 0);
    check("", IND_TARGET_NONE, NAN, 0, 0);
    check("   ", IND_TARGET_NONE, NAN, 0, 0);
    check("\xc2\xa0", IND_TARGET_NONE, NAN, 0, 0);
    /* the words fold like every other name (engine/base/text.h): capitals, no-break and
     * narrow no-break spaces, a tab */
    check("MAX\xc2\xa0" "10 personer", IND_TARGET_MAX, 10, 0, 0);
    check("H\xc3\x96GST\t5\xe2\x80\xaf%", IND_TARGET_MAX, 5, 0, 1);
    check("  L\xc3\x84GST  5  ", IND_TARGET_MIN, 5, 0, 0);
}

static void test_long_and_odd(void **state)
{
    (void)state;
    /* long text never overruns; it is simply not a rule */
    char longtext[2000];
    memset(longtext, 'a', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = '\0';
    check(longtext, IND_TARGET_NON_NUMERIC, NAN, 0, 0);
    memset(longtext, '1', sizeof longtext - 1);
    ind_target t = ind_target_parse(longtext, strlen(longtext));
    assert_true(t.kind == IND_TARGET_NON_NUMERIC);
    /* len is honoured: only "83" of "83 och mer" */
    t = ind_target_parse("83 och mer", 2);
    assert_int_equal(t.kind, IND_TARGET_VALUE);
    assert_true(t.value == 83);
}

static void test_describe(void **state)
{
    (void)state;
    char buf[128];
    ind_target t = ind_target_parse("Max 10 personer", 15);
    assert_string_equal(ind_target_describe(&t, IND_LANG_SV, buf, sizeof buf), "högst 10");
    assert_string_equal(ind_target_describe(&t, IND_LANG_EN, buf, sizeof buf), "at most 10");
    t = ind_target_parse("+/-1 %", 6);
    assert_string_equal(ind_target_describe(&t, IND_LANG_SV, buf, sizeof buf), "0 ± 1 %");
    t = ind_target_parse("9,5 %", 6);
    assert_string_equal(ind_target_describe(&t, IND_LANG_SV, buf, sizeof buf), "9,5 %");
    t = ind_target_parse("12345,25", 8);
    assert_string_equal(ind_target_describe(&t, IND_LANG_SV, buf, sizeof buf), "12 345,25");
    t = ind_target_parse("Minst 90 %", strlen("Minst 90 %"));
    assert_string_equal(ind_target_describe(&t, IND_LANG_EN, buf, sizeof buf), "at least 90 %");
    t = ind_target_parse("öka", strlen("öka"));
    assert_string_equal(ind_target_describe(&t, IND_LANG_SV, buf, sizeof buf), "öka jämfört med föregående period");
    t = ind_target_parse("", 0);
    assert_string_equal(ind_target_describe(&t, IND_LANG_SV, buf, sizeof buf), "årsmål saknas");
    t = ind_target_parse("100 %", 5);
    assert_string_equal(ind_target_describe(&t, IND_LANG_SV, buf, sizeof buf), "exakt 100 %");

    assert_string_equal(ind_target_kind_code(IND_TARGET_NONE), "none");
    assert_string_equal(ind_target_kind_code(IND_TARGET_VALUE), "value");
    assert_string_equal(ind_target_kind_code(IND_TARGET_INCREASE), "increase");
    assert_string_equal(ind_target_kind_code(IND_TARGET_DECREASE), "decrease");
    assert_string_equal(ind_target_kind_code(IND_TARGET_MAX), "max");
    assert_string_equal(ind_target_kind_code(IND_TARGET_MIN), "min");
    assert_string_equal(ind_target_kind_code(IND_TARGET_BAND), "band");
    assert_string_equal(ind_target_kind_code(IND_TARGET_EXACT), "exact");
    assert_string_equal(ind_target_kind_code(IND_TARGET_NON_NUMERIC), "non_numeric");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_long_and_odd),
        cmocka_unit_test(test_describe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
