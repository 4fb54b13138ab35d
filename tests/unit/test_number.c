/* test_number.c: engine/number: reading numbers as Swedish exports write them,
 * exact round trips, and Swedish formatting. Expected values are worked out by
 * hand from the inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

/* Parses a NUL-terminated string; fails the test when it does not parse. */
static double parse_ok(const char *s, unsigned expect_flags)
{
    double v = -12345.0;
    unsigned flags = 99;
    const char *why = NULL;
    int rc = ind_num_parse(s, strlen(s), &v, &flags, &why, NULL);
    if (rc != 0)
        fail_msg("\"%s\" did not parse: %s", s, why ? why : "(no reason)");
    assert_int_equal(flags, expect_flags);
    return v;
}

/* Expects s to be rejected; returns the offset where it went wrong. */
static size_t parse_bad(const char *s, const char *why_part)
{
    double v = 42.0;
    const char *why = NULL;
    size_t off = 9999;
    if (ind_num_parse(s, strlen(s), &v, NULL, &why, &off) == 0)
        fail_msg("\"%s\" parsed as %.17g but should be rejected", s, v);
    assert_non_null(why);
    if (why_part && !strstr(why, why_part))
        fail_msg("\"%s\": reason \"%s\" does not mention \"%s\"", s, why, why_part);
    assert_true(v == 42.0); /* *value untouched on failure */
    return off;
}

static void test_parse_swedish(void **state)
{
    (void)state;
    assert_true(parse_ok("6,7 %", IND_NUM_PERCENT | IND_NUM_COMMA) == 6.7);
    /* no-break space (U+00A0, UTF-8 C2 A0) before the percent sign */
    assert_true(parse_ok("6,7\xc2\xa0%", IND_NUM_PERCENT | IND_NUM_COMMA) == 6.7);
    assert_true(parse_ok("6,7%", IND_NUM_PERCENT | IND_NUM_COMMA) == 6.7);
    assert_true(parse_ok("1 300 st", IND_NUM_THOUSANDS) == 1300.0);
    assert_true(parse_ok("1 300,5", IND_NUM_THOUSANDS | IND_NUM_COMMA) == 1300.5);
    assert_true(parse_ok("-0,5", IND_NUM_COMMA) == -0.5);
    assert_true(parse_ok("1e-05", 0) == 1e-5);
    assert_true(parse_ok("83", 0) == 83.0);
    assert_true(parse_ok("6.7", 0) == 6.7);
    assert_true(parse_ok("+3", 0) == 3.0);
    /* U+2212 minus sign */
    assert_true(parse_ok("\xe2\x88\x92" "2,5", IND_NUM_COMMA) == -2.5);
    assert_true(parse_ok("12 345 678", IND_NUM_THOUSANDS) == 12345678.0);
    /* narrow no-break space (U+202F) and no-break space as thousands separators */
    assert_true(parse_ok("1\xe2\x80\xaf" "300", IND_NUM_THOUSANDS) == 1300.0);
    assert_true(parse_ok("11\xc2\xa0" "500 st", IND_NUM_THOUSANDS) == 11500.0);
    /* spaces around the number are not part of it */
    assert_true(parse_ok("  71 %  ", IND_NUM_PERCENT) == 71.0);
    assert_true(parse_ok("\xc2\xa0" "15\xc2\xa0", 0) == 15.0);
    assert_true(parse_ok("1E3", 0) == 1000.0);
    assert_true(parse_ok("2,5e+2", IND_NUM_COMMA) == 250.0);
    assert_true(parse_ok("0", 0) == 0.0);
    double mz = parse_ok("-0", 0);
    assert_true(mz == 0.0 && signbit(mz));
    /* a value that underflows reads as the nearest double, zero */
    assert_true(parse_ok("1e-400", 0) == 0.0);
    /* only part of the string: len is honoured */
    double v;
    assert_int_equal(ind_num_parse("12,5xyz", 4, &v, NULL, NULL, NULL), 0);
    assert_true(v == 12.5);
}

static void test_parse_errors(void **state)
{
    (void)state;
    assert_int_equal(parse_bad("12,3,4", "decimal comma"), 4);
    assert_int_equal(parse_bad("1.300,5", "both"), 5);
    assert_int_equal(parse_bad("1,300.5", "both"), 5);
    parse_bad("1e999", "too large");
    parse_bad("-1e999", "too large");
    parse_bad("NaN", "finite");
    parse_bad("nan", "finite");
    parse_bad("Inf", "finite");
    parse_bad("-inf", "finite");
    parse_bad("Infinity", "finite");
    parse_bad("12 34", "groups of three");
    parse_bad("1 3000", "groups of three");
    parse_bad("1234 567", "groups of three");
    parse_bad("1 300,5 5", NULL);
    assert_int_equal(parse_bad("6,7x", "unexpected"), 3);
    parse_bad("", "no number");
    parse_bad("   ", "no number");
    parse_bad("%", "no number");
    parse_bad("st", "no number");
    parse_bad("-", "no digits");
    parse_bad("abc", NULL);
    parse_bad("1e", "exponent");
    parse_bad("1e+", "exponent");
    parse_bad(",5", "misplaced");
    parse_bad("1..2", "more than one decimal point");
    parse_bad("5 % %", NULL);
    parse_bad("0x10", NULL);
    parse_bad("12-3", NULL);
    parse_bad("1 av 22", NULL);
    /* a very long digit string is refused, never cut */
    char longnum[300];
    memset(longnum, '7', sizeof longnum - 1);
    longnum[sizeof longnum - 1] = '\0';
    parse_bad(longnum, "too many digits");
    /* NULL why and offset are allowed */
    double v;
    assert_int_equal(ind_num_parse("x", 1, &v, NULL, NULL, NULL), -1);
}

/* JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int json_number(const char *s)
{
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (*s >= '1' && *s <= '9')
        while (*s >= '0' && *s <= '9')
            s++;
    else
        return 0;
    if (*s == '.') {
        if (!(*++s >= '0' && *s <= '9'))
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            return 0;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

/* The significant digits of a number's text: no sign, point, exponent, or
 * leading and trailing zeros ("0.0120" and "1.2e-02" both give "12"). */
static void significant(const char *text, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = text; *p && *p != 'e' && n + 1 < size; p++)
        if (*p >= '0' && *p <= '9' && (n || *p != '0'))
            out[n++] = *p;
    while (n && out[n - 1] == '0')
        n--;
    out[n] = '\0';
}

/* format_exact must give text that reads back to the identical double, both
 * with strtod and with ind_num_parse. */
static void round_trip(double v)
{
    char buf[32];
    ind_num_format_exact(v, buf, sizeof buf);
    double back = strtod(buf, NULL);
    if (memcmp(&back, &v, sizeof v) != 0)
        fail_msg("%.17g -> \"%s\" -> %.17g (strtod)", v, buf, back);
    double parsed;
    if (ind_num_parse(buf, strlen(buf), &parsed, NULL, NULL, NULL) != 0)
        fail_msg("%.17g -> \"%s\" is not read by ind_num_parse", v, buf);
    if (memcmp(&parsed, &v, sizeof v) != 0)
        fail_msg("%.17g -> \"%s\" -> %.17g (ind_num_parse)", v, buf, parsed);
    /* at most 17 significant digits (from the first to the last that is not 0) */
    int digits = 0, seen = 0, zeros = 0;
    for (const char *p = buf; *p && *p != 'e'; p++) {
        if (*p >= '1' && *p <= '9') {
            digits += seen ? zeros + 1 : 1;
            seen = 1;
            zeros = 0;
        } else if (*p == '0') {
            zeros++;
        }
    }
    if (digits > 17)
        fail_msg("%.17g -> \"%s\" has %d digits", v, buf, digits);
    if (!json_number(buf))
        fail_msg("%.17g -> \"%s\" is not a JSON number", v, buf);
    /* shortest: one digit fewer, correctly rounded, does not read back */
    char shorter[40];
    if (digits >= 2 && v != 0) {
        snprintf(shorter, sizeof shorter, "%.*e", digits - 2, v);
        if (strtod(shorter, NULL) == v)
            fail_msg("%.17g -> \"%s\", but \"%s\" is shorter", v, buf, shorter);
    }
    /* the nearest of the shortest: the same digits as glibc's correctly
     * rounded %.*e with that many, when those read back (at a power of two
     * the interval that reads back is narrower below v than above, so the
     * nearest may lie outside it and the next above be the shortest) */
    char near[40];
    if (v != 0 && digits >= 1 && snprintf(near, sizeof near, "%.*e", digits - 1, v) > 0 &&
        strtod(near, NULL) == v) {
        char a[24], b[24];
        significant(buf, a, sizeof a);
        significant(near, b, sizeof b);
        if (strcmp(a, b) != 0)
            fail_msg("%.17g -> \"%s\", but the nearest of %d digits is \"%s\"", v, buf, digits, near);
    }
    /* never longer than the text of the former rule (%.15g, %.16g or %.17g, the
     * first that read back), and the same text wherever 15 digits sufficed for a
     * normal number (a subnormal has fewer significant bits, so fewer digits may do) */
    char old[40];
    int prec = 15;
    for (; prec <= 17; prec++) {
        snprintf(old, sizeof old, "%.*g", prec, v);
        if (strtod(old, NULL) == v)
            break;
    }
    if (v == 0)
        snprintf(old, sizeof old, "%s", signbit(v) ? "-0" : "0");
    if (strlen(buf) > strlen(old) || (prec == 15 && fabs(v) >= DBL_MIN && strcmp(buf, old) != 0))
        fail_msg("%.17g -> \"%s\"; the former rule wrote \"%s\"", v, buf, old);
}

static void test_format_exact(void **state)
{
    (void)state;
    char buf[32];
    assert_string_equal(ind_num_format_exact(0.1, buf, sizeof buf), "0.1");
    assert_string_equal(ind_num_format_exact(6.7, buf, sizeof buf), "6.7");
    assert_string_equal(ind_num_format_exact(100, buf, sizeof buf), "100");
    assert_string_equal(ind_num_format_exact(1e-5, buf, sizeof buf), "1e-05");
    /* 1/3 needs 16 digits; 0.1+0.2 needs 17 */
    assert_string_equal(ind_num_format_exact(1.0 / 3.0, buf, sizeof buf), "0.3333333333333333");
    assert_string_equal(ind_num_format_exact(0.1 + 0.2, buf, sizeof buf), "0.30000000000000004");
    assert_string_equal(ind_num_format_exact(1e-300, buf, sizeof buf), "1e-300");
    /* the smallest subnormal, 2^-1074 = 4.9406564584124654e-324: one digit reads it back */
    assert_string_equal(ind_num_format_exact(5e-324, buf, sizeof buf), "5e-324");
    /* the layout: %.15g's, or %.17g's for a number that needs 16 or 17 digits */
    assert_string_equal(ind_num_format_exact(1e15, buf, sizeof buf), "1e+15");
    assert_string_equal(ind_num_format_exact(1e14, buf, sizeof buf), "100000000000000");
    assert_string_equal(ind_num_format_exact(0.0001, buf, sizeof buf), "0.0001");
    assert_string_equal(ind_num_format_exact(-1.5e-7, buf, sizeof buf), "-1.5e-07");
    assert_string_equal(ind_num_format_exact(1e100, buf, sizeof buf), "1e+100");
    assert_string_equal(ind_num_format_exact(9007199254740992.0, buf, sizeof buf), "9007199254740992");
    assert_string_equal(ind_num_format_exact(12345678901234568.0, buf, sizeof buf), "12345678901234568");
    assert_string_equal(ind_num_format_exact(DBL_MAX, buf, sizeof buf), "1.7976931348623157e+308");
    assert_string_equal(ind_num_format_exact(DBL_MIN, buf, sizeof buf), "2.2250738585072014e-308");
    assert_string_equal(ind_num_format_exact(-1e308, buf, sizeof buf), "-1e+308");
    /* no infinity in machine output: it is no number JSON or CSV readers share */
    assert_string_equal(ind_num_format_exact(INFINITY, buf, sizeof buf), "");
    assert_string_equal(ind_num_format_exact(-INFINITY, buf, sizeof buf), "");
    assert_string_equal(ind_num_format_exact(-0.0, buf, sizeof buf), "-0");
    assert_string_equal(ind_num_format_exact(0.0, buf, sizeof buf), "0");
    assert_string_equal(ind_num_format_exact(NAN, buf, sizeof buf), "");
    assert_string_equal(ind_num_format_exact(-1234.5, buf, sizeof buf), "-1234.5");

    static const double fixed[] = {0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-300, 5e-324, -0.0, 0.0,
                                   1e308, DBL_MAX, -DBL_MAX, DBL_MIN, DBL_MIN / 3, 6.7, 100,
                                   123456789.123, -1234.5678, 0.1 + 0.2, M_PI, 1e22, 1e23,
                                   9007199254740992.0, 9007199254740994.0, 4.35, 2.675,
                                   1.0 / 22.0 * 100.0, 71.0 / 73.0, 1e-5, 0.5, 1e15, 1e16, 1e17};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        round_trip(fixed[i]);
        round_trip(-fixed[i]);
    }
    /* subnormals, powers of two and ten across the range, integers up to 2^53 */
    for (int e = -1074; e <= 1023; e++)
        round_trip(ldexp(1.0, e));
    for (int e = -323; e <= 308; e++)
        round_trip(pow(10.0, e));
    for (uint64_t k = 1; k < 5000; k++) {
        round_trip(ldexp((double)k, -1074));            /* the smallest subnormals */
        round_trip(DBL_MIN - ldexp((double)k, -1074));  /* the largest subnormals */
        round_trip(nextafter(DBL_MAX, 0) - ldexp((double)k, 970));
        round_trip((double)((1ULL << 53) - k));
        round_trip((double)k * 1e-3);
    }
    /* many doubles: random bit patterns (every exponent) and random decimals */
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        if (isfinite(d))
            round_trip(d);
        round_trip((double)(x % 1000000) / 1000.0);
        round_trip((double)(x % 100000) / 10.0 - 5000.0);
        round_trip((double)(x >> 11));                 /* integers below 2^53 */
        round_trip((double)(x >> 11) * 1e-6);
    }
}

/* ind_num_parse agrees with strtod bit for bit on machine-written numbers:
 * random digit strings with a point and an exponent, and the hard cases. */
static void parse_like_strtod(const char *s)
{
    double want = strtod(s, NULL), got = 0;
    const char *why = NULL;
    int rc = ind_num_parse(s, strlen(s), &got, NULL, &why, NULL);
    if (isinf(want)) {
        if (rc == 0)
            fail_msg("\"%s\": strtod overflows, ind_num_parse gave %.17g", s, got);
        return;
    }
    if (rc != 0)
        fail_msg("\"%s\" not read: %s", s, why);
    if (memcmp(&got, &want, sizeof got) != 0)
        fail_msg("\"%s\": %a, strtod gives %a", s, got, want);
}

static void test_parse_exact(void **state)
{
    (void)state;
    static const char *const hard[] = {
        "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
        "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
        "9007199254740993", "9007199254740995", "9007199254740992.5", "18014398509481985",
        "0.1", "0.30000000000000004", "123456789012345678901234567890", "1e23", "8.5e-5",
        "7.2057594037927933e16", "1e-324", "1e-400", "1e308", "1e309", "-0", "-0.0e5",
        "3.14159265358979323846264338327950288", "0.000000000000000000000000000001e30",
        "1234567890123456", "12345678901234567", "-9.999999999999999e22", "5e-324",
        "2.0000000000000004", "2.0000000000000003", "2.0000000000000002", "1.00000000000000011102230246251565404236316680908203125"};
    for (size_t i = 0; i < sizeof hard / sizeof hard[0]; i++)
        parse_like_strtod(hard[i]);
    uint64_t x = 0x243F6A8885A308D3ULL;
    char s[96];
    for (int i = 0; i < 300000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        uint64_t y = x * 0x9E3779B97F4A7C15ULL;
        int nd = 1 + (int)(x % 25), point = (int)(y % (uint64_t)(nd + 1)), n = 0;
        if (y >> 63)
            s[n++] = '-';
        for (int k = 0; k < nd; k++) {
            if (k == point && k > 0)
                s[n++] = '.';
            y = y * 6364136223846793005ULL + 1442695040888963407ULL;
            s[n++] = (char)('0' + (y >> 33) % 10);
        }
        if ((x >> 40) % 3 != 0) /* two in three with an exponent across the range */
            n += snprintf(s + n, sizeof s - (size_t)n, "e%d", (int)((x >> 20) % 700) - 350);
        s[n] = '\0';
        parse_like_strtod(s);
        /* and the shortest text of a random double, read back */
        double d;
        memcpy(&d, &y, sizeof d);
        if (isfinite(d)) {
            char buf[32];
            parse_like_strtod(ind_num_format_exact(d, buf, sizeof buf));
            snprintf(s, sizeof s, "%.17g", d);
            parse_like_strtod(s);
        }
    }
}

static void test_format_sv(void **state)
{
    (void)state;
    char buf[64];
    assert_string_equal(ind_num_format_sv(6.7, 1, 0, buf, sizeof buf), "6,7");
    assert_string_equal(ind_num_format_sv(12345.6, 1, 0, buf, sizeof buf), "12 345,6");
    assert_string_equal(ind_num_format_sv(1234, 0, 0, buf, sizeof buf), "1234");
    assert_string_equal(ind_num_format_sv(10000, 0, 0, buf, sizeof buf), "10 000");
    assert_string_equal(ind_num_format_sv(-0.0, 1, 0, buf, sizeof buf), "0,0");
    assert_string_equal(ind_num_format_sv(-0.04, 1, 0, buf, sizeof buf), "0,0");
    assert_string_equal(ind_num_format_sv(-1234567.891, 2, 0, buf, sizeof buf), "-1 234 567,89");
    assert_string_equal(ind_num_format_sv(6.7, 0, 0, buf, sizeof buf), "7");
    assert_string_equal(ind_num_format_sv(71, 0, 0, buf, sizeof buf), "71");
    assert_string_equal(ind_num_format_sv(0.5, 2, 0, buf, sizeof buf), "0,50");
    assert_string_equal(ind_num_format_sv(NAN, 1, 0, buf, sizeof buf), "\xe2\x80\x93");
    /* Unicode minus and narrow no-break space */
    assert_string_equal(ind_num_format_sv(-5, 0, IND_FMT_UNICODE, buf, sizeof buf), "\xe2\x88\x92" "5");
    assert_string_equal(ind_num_format_sv(12345, 0, IND_FMT_UNICODE, buf, sizeof buf),
                        "12\xe2\x80\xaf" "345");
    /* a plus on changes, never on zero */
    assert_string_equal(ind_num_format_sv(2.5, 1, IND_FMT_PLUS, buf, sizeof buf), "+2,5");
    assert_string_equal(ind_num_format_sv(0, 1, IND_FMT_PLUS, buf, sizeof buf), "0,0");
    assert_string_equal(ind_num_format_sv(-2.5, 1, IND_FMT_PLUS, buf, sizeof buf), "-2,5");
    /* English */
    assert_string_equal(ind_num_format_en(12345.6, 1, 0, buf, sizeof buf), "12,345.6");
    assert_string_equal(ind_num_format_en(1234.5, 1, 0, buf, sizeof buf), "1234.5");
    /* printf's rounding, halfway cases to even included (0.125 is exact) */
    assert_string_equal(ind_num_format_en(0.125, 2, 0, buf, sizeof buf), "0.12");
    assert_string_equal(ind_num_format_en(0.375, 2, 0, buf, sizeof buf), "0.38");
    assert_string_equal(ind_num_format_en(2.5, 0, 0, buf, sizeof buf), "2");
    assert_string_equal(ind_num_format_en(-3.5, 0, 0, buf, sizeof buf), "-4");
    assert_string_equal(ind_num_format_en(0.15, 1, 0, buf, sizeof buf), "0.1"); /* 0.1499999... */
    assert_string_equal(ind_num_format_en(1e20, 1, 0, buf, sizeof buf), "100,000,000,000,000,000,000.0");
    uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int dec = (int)(x % 7);
        double v = (double)(int64_t)(x >> 20) / (double)(1ULL << (x % 40));
        if (i % 4 == 0) /* exact halves, quarters, eighths: the halfway cases */
            v = (double)(int64_t)(x % 200001 - 100000) / (double)(1 << (x >> 60 & 3));
        if (fabs(v) >= 1000)
            v = fmod(v, 1000.0);
        char want[400];
        snprintf(want, sizeof want, "%.*f", dec, v);
        if (want[0] == '-' && strspn(want + 1, "0.") == strlen(want + 1))
            memmove(want, want + 1, strlen(want)); /* "-0.0" is written "0.0" */
        ind_num_format_en(v, dec, 0, buf, sizeof buf);
        if (strcmp(buf, want) != 0)
            fail_msg("%a with %d decimals: \"%s\", printf gives \"%s\"", v, dec, buf, want);
    }
    /* a small buffer is cut, never overrun */
    char small[4];
    ind_num_format_sv(123456.7, 1, 0, small, sizeof small);
    assert_int_equal(strlen(small), 3);
    /* the largest double fits a generous buffer without overflow */
    char big[1024];
    ind_num_format_sv(DBL_MAX, 2, IND_FMT_UNICODE, big, sizeof big);
    /* 309 integer digits in 103 groups: 102 separators of 3 bytes, then ",00" */
    assert_int_equal(strlen(big), 309 + 102 * 3 + 3);
    assert_string_equal(big + strlen(big) - 3, ",00");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_swedish),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_format_exact),
        cmocka_unit_test(test_parse_exact),
        cmocka_unit_test(test_format_sv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
