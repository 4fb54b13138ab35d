/* test_text.c: engine/base/text: folding Swedish names (case, diacritics,
 * blanks, dashes, trailing marks), the byte map back, and the closest names.
 *
 * Edit distances without a swap of neighbours are R 4.2.2's adist()
 * (Levenshtein): adist(c("vuxenenhetn","sjukfranvaro","kitten","flaw","imprt",
 * "rapport"), c("vuxenenheten","sjukfranvaron","sitting","lawn","import",
 * "report")) gives 1 1 3 2 1 2. A swap of two neighbours counts one edit in
 * the optimal string alignment distance where Levenshtein counts two
 * ("stauts" ~ "status": adist 2, here 1). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "catalog.h"
#include "text.h"

static void fold_is(const char *s, unsigned flags, const char *want)
{
    char out[256];
    size_t n = ind_text_fold(s, strlen(s), flags, out, sizeof out, NULL);
    if (strcmp(out, want) != 0)
        fail_msg("fold(\"%s\", %u) is \"%s\", expected \"%s\"", s, flags, out, want);
    assert_int_equal(n, strlen(want));
}

static void test_case(void **state)
{
    (void)state;
    fold_is("Sjukfrånvaro", IND_TEXT_CASE, "sjukfrånvaro");
    fold_is("SJUKFRÅNVARO", IND_TEXT_CASE, "sjukfrånvaro");
    fold_is("ÅÄÖ", IND_TEXT_CASE, "åäö");
    fold_is("ÉÜ åäö", IND_TEXT_CASE, "éü åäö");
    /* × (U+00D7) is no letter; ß has no capital here */
    fold_is("\xc3\x97\xc3\x9f", IND_TEXT_CASE, "\xc3\x97\xc3\x9f");
    /* blanks are kept without IND_TEXT_BLANKS */
    fold_is(" A  B ", IND_TEXT_CASE, " a  b ");
}

static void test_diacritics(void **state)
{
    (void)state;
    fold_is("Sjukfrånvaro", IND_TEXT_ASCII, "Sjukfranvaro");
    fold_is("ÅÄÖ åäö", IND_TEXT_ASCII, "AAO aao");
    fold_is("ÅÄÖ", IND_TEXT_ASCII | IND_TEXT_CASE, "aao");
    fold_is("Café Müller, Ørestad", IND_TEXT_ASCII, "Cafe Muller, Orestad");
    fold_is("Andel granskade ärenden där FREDA-kortfrågor ställts", IND_TEXT_LOOSE,
            "andel granskade arenden dar freda-kortfragor stallts");
    /* letters without an ASCII form */
    fold_is("Æ ß þ", IND_TEXT_ASCII, "? ? ?");
    /* other scripts pass through */
    fold_is("CO₂", IND_TEXT_LOOSE, "co₂");
}

static void test_blanks_dashes(void **state)
{
    (void)state;
    /* no-break space, narrow no-break space, figure space, tab, line break */
    fold_is("  Sjukfrånvaro\xc2\xa0\xc2\xa0" "dag\t1-14\n", IND_TEXT_BLANKS, "Sjukfrånvaro dag 1-14");
    fold_is("70\xe2\x80\xaf%", IND_TEXT_BLANKS, "70 %");
    fold_is("1\xe2\x80\x87" "300 st", IND_TEXT_BLANKS, "1 300 st");
    fold_is(" \t\xc2\xa0 ", IND_TEXT_BLANKS, "");
    /* U+2212 minus, en and em dash, hyphens */
    fold_is("\xe2\x88\x92" "5 %", IND_TEXT_DASHES, "-5 %");
    fold_is("dag 1\xe2\x80\x93" "14", IND_TEXT_DASHES, "dag 1-14");
    fold_is("a\xe2\x80\x94" "b\xe2\x80\x90" "c\xe2\x80\x91" "d", IND_TEXT_DASHES, "a-b-c-d");
    fold_is("\xe2\x88\x92" "5 %", IND_TEXT_CASE, "\xe2\x88\x92" "5 %");
    /* trailing marks and footnotes */
    fold_is("Sjukfrånvaro ;, ", IND_TEXT_KEY, "sjukfrånvaro");
    fold_is("Antal vräkningar, barn*", IND_TEXT_KEY, "antal vräkningar, barn");
    fold_is(" . ", IND_TEXT_KEY, "");
    fold_is("", IND_TEXT_LOOSE, "");
}

static void test_map_and_cut(void **state)
{
    (void)state;
    /* the extractor finds an ASCII outline name in the text and cuts the
     * original spelling out with the map */
    const char *s = "Område sysselsättning och stöd";
    char out[64];
    size_t map[64];
    size_t n = ind_text_fold(s, strlen(s), IND_TEXT_ASCII, out, sizeof out, map);
    assert_string_equal(out, "Omrade sysselsattning och stod");
    const char *p = strstr(out, "sysselsattning");
    size_t a = (size_t)(p - out), b = a + strlen("sysselsattning");
    assert_int_equal(map[a], strlen("Område "));
    assert_int_equal(map[b] - map[a], strlen("sysselsättning"));
    assert_int_equal(map[n], strlen(s));
    /* with blanks collapsed and trailing marks dropped: map[n] ends at the last letter kept */
    const char *t = "  Vuxen\xc2\xa0\xc2\xa0" "enheten .";
    n = ind_text_fold(t, strlen(t), IND_TEXT_KEY, out, sizeof out, map);
    assert_string_equal(out, "vuxen enheten");
    assert_int_equal(map[0], 2);
    assert_int_equal(map[5], 7);  /* the space: the first of the two no-break spaces */
    assert_int_equal(map[6], 11); /* "e" after them */
    assert_int_equal(map[n], 18); /* just past "enheten" */
    /* a cut output keeps whole characters */
    n = ind_text_fold("åäö", 6, IND_TEXT_CASE, out, 4, NULL);
    assert_int_equal(n, 2);
    assert_string_equal(out, "å");
    n = ind_text_fold("åäö", 6, IND_TEXT_ASCII, out, 3, NULL);
    assert_string_equal(out, "aa");
    assert_int_equal(ind_text_fold("abc", 3, 0, out, 0, NULL), 0);
}

static void test_equal_and_blank(void **state)
{
    (void)state;
    assert_true(ind_text_equal("Sjukfrånvaro", "sjukfranvaro", IND_TEXT_LOOSE));
    assert_false(ind_text_equal("Sjukfrånvaro", "sjukfranvaro", IND_TEXT_KEY));
    assert_true(ind_text_equal("Periodens  utfall", "periodens utfall", IND_TEXT_CASE | IND_TEXT_BLANKS));
    size_t w = 0;
    assert_true(ind_text_blank_at("a\xc2\xa0" "b", 4, 1, &w));
    assert_int_equal(w, 2);
    assert_true(ind_text_blank_at("\xe2\x80\xaf", 3, 0, &w));
    assert_int_equal(w, 3);
    assert_false(ind_text_blank_at("\xc2\xa0", 1, 0, &w)); /* cut short */
    assert_false(ind_text_blank_at("a", 1, 0, &w));
    assert_false(ind_text_blank_at("a", 1, 1, &w));
}

/* The catalogue's key is the IND_TEXT_KEY fold plus "andelen" read as "andel". */
static void test_catalog_key(void **state)
{
    (void)state;
    char key[256];
    const char *name = "Andelen ärenden där FREDA\xe2\x80\x93kortfrågor ställts.";
    ind_catalog_key(name, strlen(name), key, sizeof key);
    assert_string_equal(key, "andel ärenden där freda-kortfrågor ställts");
}

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(ind_text_distance("vuxenenhetn", "Vuxenenheten"), 1);
    assert_int_equal(ind_text_distance("sjukfranvaro", "Sjukfrånvaron"), 1);
    assert_int_equal(ind_text_distance("kitten", "sitting"), 3);
    assert_int_equal(ind_text_distance("flaw", "lawn"), 2);
    assert_int_equal(ind_text_distance("imprt", "import"), 1);
    assert_int_equal(ind_text_distance("rapport", "report"), 2);
    assert_int_equal(ind_text_distance("stauts", "status"), 1); /* a swap */
    assert_int_equal(ind_text_distance("SJUKFRÅNVARO", "sjukfranvaro"), 0);
    assert_int_equal(ind_text_distance("", "abc"), 3);
    assert_int_equal(ind_text_default_distance(6), 1);
    assert_int_equal(ind_text_default_distance(11), 2);
    assert_int_equal(ind_text_default_distance(30), 3);
}

static void test_closest(void **state)
{
    (void)state;
    static const char *const commands[] = {"check", "import", "status", "flag", "goals", "trend",
                                           "compare", "spc", "chart", "report", "extract"};
    size_t nc = sizeof commands / sizeof commands[0], best[4];
    assert_int_equal(ind_text_closest("stauts", commands, nc, -1, best, 4), 1);
    assert_string_equal(commands[best[0]], "status");
    assert_int_equal(ind_text_closest("STATUS", commands, nc, -1, best, 4), 1);
    assert_string_equal(commands[best[0]], "status");
    assert_int_equal(ind_text_closest("imprt", commands, nc, -1, best, 4), 1);
    assert_string_equal(commands[best[0]], "import");
    assert_int_equal(ind_text_closest("xyzzy", commands, nc, -1, best, 4), 0);
    /* a wider threshold: closest first, ties in the order given */
    assert_int_equal(ind_text_closest("chack", commands, nc, 2, best, 4), 2);
    assert_string_equal(commands[best[0]], "check");
    assert_string_equal(commands[best[1]], "chart");

    static const char *const units[] = {"Vuxenenheten", "Familjeenheten", "Beställarenheten", NULL,
                                        "Enheten för stöd och service i hemmet", "Vuxenenheten Syd"};
    size_t nu = sizeof units / sizeof units[0];
    assert_int_equal(ind_text_closest("vuxenenhetn", units, nu, -1, best, 4), 1);
    assert_string_equal(units[best[0]], "Vuxenenheten");
    assert_int_equal(ind_text_closest("bestallarenheten", units, nu, -1, best, 4), 1);
    assert_int_equal(best[0], 2);
    /* k limits the answer; the closer one first */
    assert_int_equal(ind_text_closest("vuxenenheten s", units, nu, 4, best, 1), 1);
    assert_string_equal(units[best[0]], "Vuxenenheten");
    assert_int_equal(ind_text_closest("vuxenenheten s", units, nu, 4, best, 4), 2);
    assert_string_equal(units[best[1]], "Vuxenenheten Syd");
    assert_int_equal(ind_text_closest(NULL, units, nu, -1, best, 4), 0);
    assert_int_equal(ind_text_closest("a", units, nu, -1, best, 0), 0);
}

/* The one rule for selections: byte for byte, then case, then diacritics;
 * the first level that matches decides; two things at one level are ambiguous. */
static void test_find(void **state)
{
    (void)state;
    size_t at = 99, other = 99;
    static const char *const units[] = {"Vuxenenheten", "Familjeenheten", NULL, "Söder", "Soder", "söder"};
    size_t nu = sizeof units / sizeof units[0];
    assert_int_equal(ind_text_find("vuxenenheten", units, NULL, nu, &at, &other), IND_TEXT_FOUND);
    assert_int_equal(at, 0);
    assert_int_equal(ind_text_find("VUXENENHETEN", units, NULL, nu, &at, &other), IND_TEXT_FOUND);
    assert_int_equal(at, 0);
    assert_int_equal(ind_text_find("Vuxenenhetn", units, NULL, nu, &at, &other), IND_TEXT_NOT_FOUND);
    /* exact wins over case, case over diacritics */
    assert_int_equal(ind_text_find("Söder", units, NULL, nu, &at, &other), IND_TEXT_FOUND);
    assert_int_equal(at, 3);
    assert_int_equal(ind_text_find("Soder", units, NULL, nu, &at, &other), IND_TEXT_FOUND);
    assert_int_equal(at, 4);
    assert_int_equal(ind_text_find("soder", units, NULL, nu, &at, &other), IND_TEXT_FOUND);
    assert_int_equal(at, 4);
    /* "SÖDER" is "Söder" and "söder" by case: ambiguous, both named */
    assert_int_equal(ind_text_find("SÖDER", units, NULL, nu, &at, &other), IND_TEXT_AMBIGUOUS);
    assert_int_equal(at, 3);
    assert_int_equal(other, 5);
    /* "SODER" is "Soder" by case alone: found before diacritics are folded */
    assert_int_equal(ind_text_find("SODER", units, NULL, nu, &at, &other), IND_TEXT_FOUND);
    assert_int_equal(at, 4);
    /* the same name twice is one thing */
    static const char *const twice[] = {"Hemtjänsten", "Hemtjänsten"};
    assert_int_equal(ind_text_find("hemtjansten", twice, NULL, 2, &at, &other), IND_TEXT_FOUND);
    assert_int_equal(at, 0);
    /* groups: an indicator's id, name and alias are one thing */
    static const char *const ind[] = {"SJF", "Sjukfrånvaro", "sjukfranvaro totalt", "Sjukfrånvaro dag 1-14"};
    static const size_t group[] = {7, 7, 7, 8};
    assert_int_equal(ind_text_find("sjukfranvaro", ind, group, 4, &at, &other), IND_TEXT_FOUND);
    assert_int_equal(at, 1);
    assert_int_equal(ind_text_find("sjf", ind, group, 4, &at, &other), IND_TEXT_FOUND);
    assert_int_equal(at, 0);
    static const size_t apart[] = {7, 7, 9, 8};
    assert_int_equal(ind_text_find("SJUKFRANVARO TOTALT", ind, apart, 4, &at, &other), IND_TEXT_FOUND);
    static const char *const two[] = {"Sjukfrånvaro", "Sjukfranvaro"};
    static const size_t g2[] = {1, 2};
    assert_int_equal(ind_text_find("sjukfRanvaro", two, g2, 2, &at, &other), IND_TEXT_FOUND); /* by case */
    assert_int_equal(at, 1);
    assert_int_equal(ind_text_find("SJUKFRÄNVARO", two, g2, 2, &at, &other), IND_TEXT_AMBIGUOUS);
    assert_int_equal(ind_text_find("x", two, g2, 0, &at, &other), IND_TEXT_NOT_FOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_case),
        cmocka_unit_test(test_diacritics),
        cmocka_unit_test(test_blanks_dashes),
        cmocka_unit_test(test_map_and_cut),
        cmocka_unit_test(test_equal_and_blank),
        cmocka_unit_test(test_catalog_key),
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_closest),
        cmocka_unit_test(test_find),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
