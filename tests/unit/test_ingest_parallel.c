/* test_ingest_parallel.c: engine/ingest read in pieces by several threads gives
 * what one thread gives: the same observations, lines and strings, and the same
 * message (file, line, column, text) for bad input. Fixed cases (a quoted field
 * across a split point, CRLF, lone CR, a BOM, blank lines, an error in the last
 * piece) and many generated files, good and bad, each read with 1 to 7 threads.
 * The expected values are the one-thread reader's, which the other tests check. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest.h"

/* A growing string. */
typedef struct {
    char *s;
    size_t n, cap;
} text;

static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int k = vsnprintf(t->s ? t->s + t->n : NULL, t->s ? t->cap - t->n : 0, fmt, ap);
        va_end(ap);
        if (t->s && t->n + (size_t)k < t->cap) {
            t->n += (size_t)k;
            return;
        }
        t->cap = (t->cap + (size_t)k + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
        if (t->n == 0)
            t->s[0] = '\0';
    }
}

/* Everything a read gives: the error, or every observation and warning of the
 * finished dataset, as text. */
static char *outcome(const char *data, size_t size, int threads, int pieces, long *rows)
{
    ind_dataset *ds = ind_dataset_new(NULL);
    ind_ingest_options opt = {IND_ENC_AUTO, 0, NULL, NULL, 0, threads, pieces};
    ind_ingest_report rep;
    ind_error err;
    ind_error_clear(&err);
    text t = {0};
    ind_status st = ind_ingest_buffer(ds, "t.csv", data, size, &opt, &rep, &err);
    if (st == IND_OK)
        st = ind_dataset_finish(ds, &err);
    if (st != IND_OK) {
        put(&t, "error %d %s:%ld:%ld: %s", (int)st, err.file, err.line, err.column, err.message);
        ind_dataset_free(ds);
        return t.s;
    }
    *rows = rep.csv.rows;
    put(&t, "rows %ld obs %zu form %d delim %c bom %d\n", rep.csv.rows, rep.observations,
        (int)rep.form, rep.csv.delimiter, rep.csv.had_bom);
    for (size_t i = 0; i < ind_dataset_obs_count(ds); i++) {
        ind_obs o;
        ind_dataset_get(ds, i, &o);
        const ind_series *se = ind_dataset_series(ds, o.series);
        char per[32];
        put(&t, "%s|%s|%s|%s|%a|%a|%a|%a|%s|%s|%d|%s|%s|%s|%s:%u\n", ind_dataset_str(ds, se->unit),
            ind_dataset_str(ds, se->indicator), ind_gender_code(se->gender),
            ind_period_format(o.period, per, sizeof per), o.value, o.numerator, o.denominator, o.sd,
            ind_dataset_str(ds, o.target), ind_dataset_str(ds, o.kf_target), (int)o.missing,
            ind_dataset_str(ds, o.goal), ind_dataset_str(ds, o.note), ind_dataset_str(ds, o.source),
            ind_dataset_str(ds, o.file), o.line);
    }
    for (size_t i = 0; i < ind_dataset_warning_count(ds); i++) {
        const ind_warning *w = ind_dataset_warning(ds, i);
        put(&t, "warning %s:%ld:%ld: %s\n", ind_dataset_str(ds, w->file), w->line, w->column, w->message);
    }
    ind_dataset_free(ds);
    return t.s;
}

/* Reads data with one thread, with 2..7 (a piece each), and with 2 or 3
 * threads taking turns at 5, 9 or 11 pieces; every outcome must be the same.
 * Returns the one-thread outcome. */
static char *same_every_way(const char *data, size_t size)
{
    static const struct {
        int threads, pieces;
    } way[] = {{2, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 0}, {7, 0}, {2, 5}, {2, 9}, {3, 11}};
    long rows = 0;
    char *one = outcome(data, size, 1, 0, &rows);
    for (size_t w = 0; w < sizeof way / sizeof way[0]; w++) {
        int threads = way[w].threads;
        char *many = outcome(data, size, threads, way[w].pieces, &rows);
        if (strcmp(one, many) != 0) {
            size_t k = 0;
            while (one[k] && one[k] == many[k])
                k++;
            size_t from = k > 200 ? k - 200 : 0;
            fail_msg("%d threads (%d pieces) differ at byte %zu:\none:  ...%.300s\nmany: ...%.300s\n(input %.400s)",
                     threads, way[w].pieces, k, one + from, many + from, data);
        }
        free(many);
    }
    return one;
}

/* A file of n good rows in the canonical long form, line ends as given. */
static void good_rows(text *t, int n, const char *eol, int quoted_note_at)
{
    put(t, "unit,indicator,period,gender,value,target,note%s", eol);
    for (int i = 0; i < n; i++) {
        put(t, "Enhet %d,Indikator %d,%d,%s,%d.%d,\"%d %%\",", i / 24, i / 3 % 8, 2000 + i % 8,
            i % 3 == 0 ? "T" : i % 3 == 1 ? "K" : "M", i % 97, i % 10, 50 + i % 7);
        if (i == quoted_note_at) /* a note of many lines, with quotes, across the middle */
            for (int k = 0; k < 40; k++)
                put(t, "%s%s", k ? "" : "\"", k % 5 == 4 ? "line \"\"quoted\"\"\n" : "more text, and more\r\n");
        if (i == quoted_note_at)
            put(t, "end\"");
        put(t, "%s", eol);
    }
}

static void test_fixed_cases(void **state)
{
    (void)state;
    static const char *const eols[] = {"\n", "\r\n", "\r"};
    for (int e = 0; e < 3; e++) {
        for (int at = 20; at <= 44; at += 6) {
            text t = {0};
            good_rows(&t, 60, eols[e], at);
            char *o = same_every_way(t.s, t.n);
            assert_non_null(strstr(o, "rows 61 obs 60"));
            free(o);
            free(t.s);
        }
    }
    /* a BOM, blank lines, lines of delimiters, blanks around fields and after quotes */
    text t = {0};
    put(&t, "\xEF\xBB\xBF\n\n  unit ; indicator;period;gender;value\r\n\r\n");
    for (int i = 0; i < 50; i++)
        put(&t, "%s\"Enhet %d\"  ;  Indikator ;%d; T ;\"%d,5\" \n", i % 7 ? "" : "  \n;;;;\n",
            i % 5, 2000 + i / 5, i);
    char *o = same_every_way(t.s, t.n);
    assert_non_null(strstr(o, "rows 51 obs 50 form 1 delim ; bom 1"));
    free(o);
    free(t.s);
    /* Windows-1252 (a first byte that is no UTF-8 lead byte: found by the fuzzer) */
    text w = {0};
    put(&w, "\x87unit,indicator,period,value\n");
    for (int i = 0; i < 40; i++)
        put(&w, "Enhet \xe5%d,V\xe4rde,%d,%d\n", i % 3, 2000 + i, i);
    free(same_every_way(w.s, w.n));
    memmove(w.s, w.s + 1, --w.n); /* the same file without that byte */
    o = same_every_way(w.s, w.n);
    assert_non_null(strstr(o, "obs 40"));
    free(o);
    free(w.s);
    /* the last record without a line break, in a piece that pieces left
     * empty follow: a quoted field lies across the split points that would
     * have begun them (found by the fuzzer: that piece had no room for it) */
    static const char last[] = "unit,indicator,period,gender,value,numerator,denominator,sd,target,kf_target,"
                               "missing,goal,note,source\nEnhet A,Sjukfr\xc3\xa5nuni[vaindikaro,2021-T2,K,"
                               "\"6,7 %\",,,,\"9,5 %\",Tas fram atv n\xc3\xa4styrelse,,1.4.1,e,indin";
    o = same_every_way(last, sizeof last - 1);
    assert_non_null(strstr(o, "rows 2 obs 1"));
    free(o);
    long rows;
    for (int pieces = 2; pieces <= 9; pieces++) {
        o = outcome(last, sizeof last - 1, 3, pieces, &rows);
        assert_non_null(strstr(o, "rows 2 obs 1"));
        free(o);
    }
}

/* An error in the last piece names its own line, with any number of threads. */
static void test_error_late(void **state)
{
    (void)state;
    static const char *const bad[] = {"fem", "\"1\"x", "1\"2", "\"open"};
    static const char *const want[] = {"t.csv:81:5: value: \"fem\" is not a number",
                                       "t.csv:81:17: malformed quoting", "t.csv:81:15: malformed quoting",
                                       "t.csv:81:14: unterminated quoted field"};
    for (size_t b = 0; b < 4; b++) {
        text t = {0};
        put(&t, "unit,indicator,period,gender,value\n");
        for (int i = 0; i < 90; i++)
            put(&t, "E%d,I,%d,T,%s\n", i, 2000 + i % 9, i == 79 ? bad[b] : "4.5");
        char *o = same_every_way(t.s, t.n);
        if (!strstr(o, want[b]))
            fail_msg("%s\nwanted %s", o, want[b]);
        free(o);
        free(t.s);
    }
}

static uint64_t rng_state;
static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

/* One field of a generated row: usually good, sometimes odd in one of the ways files are. */
static void gen_field(text *t, const char *good, int bad_rate, char d, int plain)
{
    static const char *const blanks[] = {"", "", "", " ", "\t", "  "};
    put(t, "%s", plain ? "" : blanks[rnd(6)]);
    unsigned r = rnd(1000);
    if ((int)r < bad_rate) {
        static const char *const odd[] = {"\"a\"b", "a\"b", "\"unclosed", "x\x01y", "\xff", "", "1,2,3",
                                          "\"\"", "\"a\nb\"", "\"a\r\nb\"", "\"a\rb\"", "-", "..", "1e999"};
        put(t, "%s", odd[rnd(sizeof odd / sizeof odd[0])]);
    } else if ((!plain && r % 3 == 0) || strpbrk(good, "\"\r\n") || strchr(good, d)) {
        put(t, "\"");
        for (const char *p = good; *p; p++)
            put(t, *p == '"' ? "\"\"" : "%c", *p);
        put(t, "\"");
    } else {
        put(t, "%s", good);
    }
    put(t, "%s", plain ? "" : blanks[rnd(6)]);
}

/* Generated files, good and bad, read with 1 to 7 threads. Every other file
 * is mostly plain (no blanks around fields, no quotes but where the text needs
 * them), the rows the cursor reads 64 bytes at a time. */
static void test_generated(void **state)
{
    (void)state;
    static const char *const eols[] = {"\n", "\r\n", "\r", "\n\n", "\r\n \r\n"};
    static const char delims[] = {',', ';', '\t'};
    rng_state = 0x853C49E6748FEA9BULL;
    for (int file = 0; file < 400; file++) {
        text t = {0};
        char d = delims[rnd(3)];
        int bad_rate = file % 4 == 0 ? 0 : (int)rnd(8);
        if (rnd(5) == 0)
            put(&t, "\xEF\xBB\xBF");
        put(&t, "unit%cindicator%cperiod%cgender%cvalue%cnote\n", d, d, d, d, d);
        int rows = 5 + (int)rnd(120);
        for (int i = 0; i < rows; i++) {
            char unit[32], ind[32], per[16], val[16];
            int plain = file % 2 && rnd(10);
            snprintf(unit, sizeof unit, file % 2 ? "Enhet %u" : "Enhet \"%u\"", rnd(4));
            snprintf(ind, sizeof ind, "Indikator %u", rnd(3));
            snprintf(per, sizeof per, "%u-T%u", 2010 + rnd(6), 1 + rnd(3));
            snprintf(val, sizeof val, "%u%s%u", rnd(100), d == ',' ? "." : ",", rnd(10));
            const char *g = rnd(2) ? "K" : "M";
            gen_field(&t, unit, bad_rate, d, plain);
            put(&t, "%c", d);
            gen_field(&t, ind, bad_rate, d, plain);
            put(&t, "%c", d);
            gen_field(&t, per, bad_rate, d, plain);
            put(&t, "%c", d);
            gen_field(&t, g, bad_rate, d, plain);
            put(&t, "%c", d);
            gen_field(&t, val, bad_rate, d, plain);
            put(&t, "%c", d);
            gen_field(&t, rnd(4) ? "a note" : "two\nlines; \"quoted\"", bad_rate, d, plain);
            put(&t, "%s", rnd(8) == 0 ? eols[rnd(5)] : eols[file % 3]);
        }
        char *o = same_every_way(t.s, t.n);
        if (getenv("SHOW"))
            printf("%.100s\n", o);
        free(o);
        free(t.s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixed_cases),
        cmocka_unit_test(test_error_late),
        cmocka_unit_test(test_generated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
