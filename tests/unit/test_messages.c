/* test_messages.c: the message catalogue: each Swedish format fits the same arguments as its English, the
 * table is sorted, every format the code passes to the message functions has an entry, and messages come out
 * in the language asked for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ind_error.h"
#include "ingest.h"
#include "messages.h"

/* ---- conversions ------------------------------------------------------------------ */

/* The next printf conversion of *p (flags, width, precision, length and
 * letter, "%%" skipped) copied into out; 0 at the end of the format. */
static int next_conversion(const char **p, char *out, size_t size)
{
    for (const char *s = *p; *s; s++) {
        if (*s != '%')
            continue;
        if (s[1] == '%') {
            s++;
            continue;
        }
        const char *e = s + 1;
        while (*e && strchr("-+ #0'123456789.*hlLzjt", *e))
            e++;
        if (!*e)
            return 0;
        size_t n = (size_t)(e - s + 1);
        if (n >= size)
            n = size - 1;
        memcpy(out, s, n);
        out[n] = '\0';
        *p = e + 1;
        return 1;
    }
    return 0;
}

/* Whether a and b hold the same conversions in the same order (and the same "%%" count does
 * not matter: a literal percent sign is text). */
static int same_conversions(const char *a, const char *b)
{
    char ca[32], cb[32];
    for (;;) {
        int ha = next_conversion(&a, ca, sizeof ca), hb = next_conversion(&b, cb, sizeof cb);
        if (ha != hb)
            return 0;
        if (!ha)
            return 1;
        if (strcmp(ca, cb) != 0)
            return 0;
    }
}

static void test_entries_fit_the_same_arguments(void **state)
{
    (void)state;
    unsigned long n;
    const ind_msg *m = ind_msg_catalogue(&n);
    assert_true(n > 300);
    int bad = 0;
    for (unsigned long i = 0; i < n; i++) {
        if (!same_conversions(m[i].en, m[i].sv)) {
            printf("conversions differ:\n  %s\n  %s\n", m[i].en, m[i].sv);
            bad++;
        }
        if (!m[i].sv[0]) {
            printf("no Swedish for: %s\n", m[i].en);
            bad++;
        }
    }
    assert_int_equal(bad, 0);
    assert_true(same_conversions("%s: %.*s %zu%%", "%s: %.*s %% %zu"));
    assert_false(same_conversions("%s %d", "%d %s"));
    assert_false(same_conversions("%s", "%s %s"));
    assert_false(same_conversions("%zu", "%d"));
}

static void test_sorted_and_unique(void **state)
{
    (void)state;
    unsigned long n;
    const ind_msg *m = ind_msg_catalogue(&n);
    for (unsigned long i = 1; i < n; i++) {
        if (strcmp(m[i - 1].en, m[i].en) >= 0)
            printf("out of order or twice:\n  %s\n  %s\n", m[i - 1].en, m[i].en);
        assert_true(strcmp(m[i - 1].en, m[i].en) < 0);
    }
    for (unsigned long i = 0; i < n; i++)
        assert_ptr_equal(ind_msg_sv(m[i].en), m[i].sv);
    assert_null(ind_msg_sv("no such message in the catalogue"));
}

/* ---- formatting ------------------------------------------------------------------- */

static void test_format_in_each_language(void **state)
{
    (void)state;
    char buf[256];
    /* the reason is a catalogue text too: it comes out in Swedish */
    assert_int_equal(ind_msg_format(IND_LANG_SV, buf, sizeof buf, "\"%s\" is not a period: %s", "2099-T9",
                                    "a tertial is T1, T2 or T3"),
                     1);
    assert_string_equal(buf, "\"2099-T9\" är ingen period: ett tertial är T1, T2 eller T3");
    ind_msg_format(IND_LANG_EN, buf, sizeof buf, "\"%s\" is not a period: %s", "2099-T9", "a tertial is T1, T2 or T3");
    assert_string_equal(buf, "\"2099-T9\" is not a period: a tertial is T1, T2 or T3");
    /* every kind of conversion the catalogue uses, in order */
    ind_msg_format(IND_LANG_SV, buf, sizeof buf, "%s: text \"%.*s\" instead of a number; kept as a note", "utfall", 3,
                   "femton");
    assert_string_equal(buf, "utfall: texten \"fem\" i stället för ett tal; sparad som kommentar");
    ind_msg_format(IND_LANG_SV, buf, sizeof buf, "control character 0x%02X: the file looks binary, not CSV text", 0x1B);
    assert_string_equal(buf, "styrtecken 0x1B: filen ser binär ut, inte som CSV-text");
    ind_msg_format(IND_LANG_SV, buf, sizeof buf, "%s:%u: the %s is %zu bytes long; a CSV field holds at most %d bytes, "
                   "so import cannot write it", "a.csv", 7u, "note", (size_t)70000, 65535);
    assert_string_equal(buf, "a.csv:7: fältet note är 70000 byte långt; ett CSV-fält rymmer högst 65535 byte, så import "
                             "kan inte skriva det");
    ind_msg_format(IND_LANG_SV, buf, sizeof buf, "the page says count %lld but holds %zu objects", 12LL, (size_t)3);
    assert_string_equal(buf, "sidan anger count 12 men innehåller 3 objekt");
    ind_msg_format(IND_LANG_SV, buf, sizeof buf, "goal \"%s\" of unit \"%s\" is defined twice (also line %ld)", "M1",
                   "Norr", 4L);
    assert_string_equal(buf, "målet \"M1\" för enheten \"Norr\" finns två gånger (också på rad 4)");
    ind_msg_format(IND_LANG_SV, buf, sizeof buf, "a share of %s %% is impossible: a percentage lies between 0 and 100%s",
                   "130", "");
    assert_string_equal(buf, "andelen 130 % är omöjlig: en procentandel ligger mellan 0 och 100");
    /* a format the catalogue lacks stays English, and says so */
    assert_int_equal(ind_msg_format(IND_LANG_SV, buf, sizeof buf, "not in it %d", 5), 0);
    assert_string_equal(buf, "not in it 5");
    /* cut to the buffer, always terminated */
    char small[8];
    ind_msg_format(IND_LANG_SV, small, sizeof small, "cannot open the file: %s", ind_msg_errno(ENOENT));
    assert_string_equal(small, "kan int");
}

static void test_errno_texts(void **state)
{
    (void)state;
    char buf[200];
    int common[] = {ENOENT, EACCES, EISDIR, ENOTDIR, ENOSPC, EROFS, EEXIST, ENAMETOOLONG, EIO, EPIPE, EFBIG};
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
        assert_non_null(ind_msg_sv(ind_msg_errno(common[i])));
    ind_msg_format(IND_LANG_SV, buf, sizeof buf, "cannot open the file: %s", ind_msg_errno(ENOENT));
    assert_string_equal(buf, "kan inte öppna filen: filen eller mappen finns inte");
    ind_msg_format(IND_LANG_EN, buf, sizeof buf, "cannot open the file: %s", ind_msg_errno(ENOENT));
    assert_string_equal(buf, "cannot open the file: No such file or directory");
}

static void test_error_record_in_both_languages(void **state)
{
    (void)state;
    ind_error err;
    ind_error_clear(&err);
    ind_error_set(&err, IND_EINPUT, "a.csv", 2, 4, "the numerator %s is larger than the denominator %s", "23", "22");
    ind_error_prefix(&err, "täljare");
    char buf[600];
    assert_string_equal(ind_error_format_lang(&err, IND_LANG_SV, buf, sizeof buf),
                        "a.csv:2:4: täljare: täljaren 23 är större än nämnaren 22");
    assert_string_equal(ind_error_format_lang(&err, IND_LANG_EN, buf, sizeof buf),
                        "a.csv:2:4: täljare: the numerator 23 is larger than the denominator 22");
    /* the constant format of ingest.h has its entry too */
    assert_non_null(ind_msg_sv(ind_value_implausible_msg));
}

/* ---- coverage: every format in the sources has an entry --------------------------- */

/* The functions that take a message format, and which argument (from 0) it is. */
static const struct {
    const char *name;
    int arg;
} takers[] = {
    {"ind_error_set", 5}, {"cli_error", 1}, {"cli_note", 1}, {"ind_dataset_warn", 4},
    {"x_warn", 3},        {"cell_error", 3}, {"doc_fail", 4},
};

/* Arguments in the format's place that are not literals: the definitions of the
 * functions above and their forwarding, and the one named constant (checked above). */
static const char *const passed_on[] = {"const char *fmt", "fmt", "ind_value_implausible_msg"};

/* Formats left out on purpose: the names a person typed that are not found, with
 * their suggestions, have their own owner (issue 18, part "unknown names"). */
static const char *const left_out[] = {"unknown unit \"", "unknown indicator \"", "unknown command \""};

typedef struct {
    int missing, nonliteral, formats;
} tally;

/* Decodes the C string literals (one or more, with only spaces between) of
 * s[0..n) into out; 0 when s is not only string literals. */
static int decode_literals(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0, i = 0;
    int any = 0;
    while (i < n) {
        if (strchr(" \t\r\n", s[i])) {
            i++;
            continue;
        }
        if (s[i] != '"')
            return 0;
        any = 1;
        for (i++; i < n && s[i] != '"'; i++) {
            char c = s[i];
            if (c == '\\' && i + 1 < n) {
                c = s[++i];
                if (c == 'n') c = '\n';
                else if (c == 't') c = '\t';
                else if (c == 'x') {
                    unsigned v = 0;
                    while (i + 1 < n && strchr("0123456789abcdefABCDEF", s[i + 1]) && s[i + 1])
                        v = v * 16 + (unsigned)(s[i + 1] <= '9' ? s[i + 1] - '0' : (s[i + 1] | 32) - 'a' + 10), i++;
                    c = (char)v;
                } else if (c >= '0' && c <= '7') {
                    unsigned v = (unsigned)(c - '0');
                    for (int k = 0; k < 2 && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7'; k++)
                        v = v * 8 + (unsigned)(s[++i] - '0');
                    c = (char)v;
                }
            }
            if (o + 1 < size)
                out[o++] = c;
        }
        i++; /* the closing quote */
    }
    out[o] = '\0';
    return any;
}

/* Length of the string or character literal at s (s[0] is its quote). */
static size_t literal_length(const char *s)
{
    size_t i = 1;
    while (s[i] && s[i] != s[0])
        i += s[i] == '\\' && s[i + 1] ? 2 : 1;
    return s[i] ? i + 1 : i;
}

/* Checks one format argument text a[0..n) found at file:line. */
static void check_argument(const char *a, size_t n, const char *file, int line, tally *t)
{
    while (n && strchr(" \t\r\n", *a))
        a++, n--;
    while (n && strchr(" \t\r\n", a[n - 1]))
        n--;
    char fmt[4096];
    const char *forms[2] = {NULL, NULL};
    char alt[4096];
    if (decode_literals(a, n, fmt, sizeof fmt)) {
        forms[0] = fmt;
    } else {
        /* cond ? "..." : "...": both branches are formats */
        const char *q = NULL, *c = NULL;
        for (size_t i = 0; i < n; i++) {
            if (a[i] == '"' || a[i] == '\'') {
                i += literal_length(a + i) - 1;
                continue;
            }
            if (a[i] == '?' && !q)
                q = a + i;
            else if (a[i] == ':' && q && !c)
                c = a + i;
        }
        if (q && c && decode_literals(q + 1, (size_t)(c - q - 1), fmt, sizeof fmt) &&
            decode_literals(c + 1, (size_t)(a + n - c - 1), alt, sizeof alt)) {
            forms[0] = fmt;
            forms[1] = alt;
        }
    }
    if (!forms[0]) {
        for (size_t i = 0; i < sizeof passed_on / sizeof passed_on[0]; i++)
            if (strlen(passed_on[i]) == n && memcmp(passed_on[i], a, n) == 0)
                return;
        printf("%s:%d: a message format that is not a literal: %.*s\n", file, line, (int)n, a);
        t->nonliteral++;
        return;
    }
    for (int k = 0; k < 2 && forms[k]; k++) {
        int skip = 0;
        for (size_t i = 0; i < sizeof left_out / sizeof left_out[0]; i++)
            skip |= strncmp(forms[k], left_out[i], strlen(left_out[i])) == 0;
        if (skip)
            continue;
        t->formats++;
        if (!ind_msg_sv(forms[k])) {
            printf("%s:%d: no Swedish in engine/base/messages_sv.c for: %s\n", file, line, forms[k]);
            t->missing++;
        }
    }
}

/* Finds the calls of the takers in one source text and checks their format arguments. */
static void scan_text(const char *s, const char *file, tally *t)
{
    int line = 1;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '\n')
            line++;
        if (s[i] == '/' && s[i + 1] == '*') {
            const char *e = strstr(s + i + 2, "*/");
            for (const char *p = s + i; e && p < e; p++)
                line += *p == '\n';
            i = e ? (size_t)(e - s) + 1 : strlen(s) - 1;
            continue;
        }
        if (s[i] == '/' && s[i + 1] == '/') {
            while (s[i + 1] && s[i + 1] != '\n')
                i++;
            continue;
        }
        if (s[i] == '"' || s[i] == '\'') {
            i += literal_length(s + i) - 1;
            continue;
        }
        if (i > 0 && (s[i - 1] == '_' || ((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z') ||
                      (s[i - 1] >= '0' && s[i - 1] <= '9')))
            continue;
        for (size_t f = 0; f < sizeof takers / sizeof takers[0]; f++) {
            size_t len = strlen(takers[f].name);
            if (strncmp(s + i, takers[f].name, len) != 0)
                continue;
            size_t j = i + len;
            while (s[j] == ' ' || s[j] == '\t' || s[j] == '\n')
                j++;
            if (s[j] != '(')
                continue;
            /* the arguments: split at commas outside brackets and literals */
            int depth = 0, arg = 0;
            size_t start = j + 1;
            for (size_t k = j + 1; s[k]; k++) {
                char c = s[k];
                if (c == '"' || c == '\'') {
                    k += literal_length(s + k) - 1;
                    continue;
                }
                if (c == '/' && s[k + 1] == '*') {
                    const char *e = strstr(s + k + 2, "*/");
                    k = e ? (size_t)(e - s) + 1 : k;
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                } else if ((c == ',' || c == ')') && depth == 0) {
                    if (arg == takers[f].arg) {
                        check_argument(s + start, k - start, file, line, t);
                        break;
                    }
                    if (c == ')')
                        break;
                    arg++;
                    start = k + 1;
                }
            }
            break;
        }
    }
}

/* Scans every .c file under dir (relative to the source tree). */
static void scan_dir(const char *dir, tally *t)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            scan_dir(path, t);
            continue;
        }
        size_t n = strlen(path);
        if (n < 2 || strcmp(path + n - 2, ".c") != 0)
            continue;
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        rewind(f);
        char *text = malloc((size_t)size + 1);
        assert_non_null(text);
        assert_int_equal(fread(text, 1, (size_t)size, f), (size_t)size);
        text[size] = '\0';
        fclose(f);
        scan_text(text, path + strlen(IND_SOURCE_DIR) + 1, t);
        free(text);
    }
    closedir(d);
}

static void test_every_format_has_swedish(void **state)
{
    (void)state;
    tally t = {0, 0, 0};
    const char *dirs[] = {"engine", "report", "charts", "cli"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", IND_SOURCE_DIR, dirs[i]);
        scan_dir(path, &t);
    }
    printf("%d message formats in the sources\n", t.formats);
    assert_true(t.formats > 250); /* the scan found the calls */
    assert_int_equal(t.nonliteral, 0);
    assert_int_equal(t.missing, 0);
}

/* The scanner itself, on a made-up source. */
static void test_scanner_finds_what_it_should(void **state)
{
    (void)state;
    tally t = {0, 0, 0};
    scan_text("return ind_error_set(err, IND_EINPUT, path, f(a, b), 0, \"the file is \" \"empty\");\n"
              "/* cli_error(1, \"in a comment\"); */ x = \"cli_error(1, \\\"in a string\\\")\";\n"
              "cli_note(opt, en ? \"out of memory\" : \"not in the catalogue\", 1);\n"
              "cli_error(2, \"not in the catalogue either\\x21\");\n"
              "my_cli_error(2, \"not a taker\");\n"
              "cli_error(1, fmt_from_somewhere);\n",
              "made-up.c", &t);
    assert_int_equal(t.formats, 4);
    assert_int_equal(t.missing, 2);
    assert_int_equal(t.nonliteral, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entries_fit_the_same_arguments),
        cmocka_unit_test(test_sorted_and_unique),
        cmocka_unit_test(test_format_in_each_language),
        cmocka_unit_test(test_errno_texts),
        cmocka_unit_test(test_error_record_in_both_languages),
        cmocka_unit_test(test_scanner_finds_what_it_should),
        cmocka_unit_test(test_every_format_has_swedish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
