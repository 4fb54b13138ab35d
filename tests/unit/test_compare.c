/* test_compare.c: engine/compare.c (ind_compare) against R. The statistics
 * themselves are tested in test_inference.c and test_funnel.c; this checks what
 * compare.c adds: the observations it picks (indicator by name or alias, the
 * latest period, gender, a list of units), which kind of data it sees, which
 * test it runs for each pair, the units it lists but leaves out, Holm and BH
 * adjustment, pooled values, the funnel verdict through the direction, the
 * errors, and the sentences.
 *
 * Reference: tests/golden/compare/make_fixtures.R (R 4.2.2, stats package),
 * which writes the data files, cases.csv (what each case asks for) and
 * expected.csv (what R computes for it). The sentences below are written by
 * hand from the R numbers in expected.csv. */
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
#include "compare.h"
#include "dataset.h"
#include "ingest.h"

#define DIR IND_TEST_DIR "/golden/compare/"
#define REL 1e-9   /* statistics, estimates, limits */
#define PREL 1e-7  /* p-values */

/* ---- a small reader for the fixtures (no quoting: the fixtures have none) ---- */

#define MAXCOL 48
typedef struct {
    size_t rows, cols;
    char *head[MAXCOL];
    char **cell; /* rows x cols */
    char *buf;
} table;

static void table_load(table *t, const char *path)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    t->buf = malloc((size_t)size + 1);
    assert_non_null(t->buf);
    assert_int_equal(fread(t->buf, 1, (size_t)size, f), (size_t)size);
    t->buf[size] = 0;
    fclose(f);
    size_t cap = 0;
    int have_head = 0;
    for (char *line = strtok(t->buf, "\n"); line; line = strtok(NULL, "\n")) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = 0;
        if (!len || line[0] == '#')
            continue;
        char *fld[MAXCOL];
        size_t nf = 0;
        char *p = line;
        for (;;) {
            assert_true(nf < MAXCOL);
            fld[nf++] = p;
            char *c = strchr(p, ',');
            if (!c)
                break;
            *c = 0;
            p = c + 1;
        }
        if (!have_head) {
            memcpy(t->head, fld, nf * sizeof *fld);
            t->cols = nf;
            have_head = 1;
            continue;
        }
        if (nf != t->cols)
            fail_msg("%s: a row with %zu fields, the header has %zu", path, nf, t->cols);
        if (t->rows == cap) {
            cap = cap ? 2 * cap : 64;
            t->cell = realloc(t->cell, cap * t->cols * sizeof *t->cell);
            assert_non_null(t->cell);
        }
        memcpy(t->cell + t->rows * t->cols, fld, nf * sizeof *fld);
        t->rows++;
    }
}

static void table_free(table *t)
{
    free(t->cell);
    free(t->buf);
}

static const char *cell(const table *t, size_t r, const char *col)
{
    for (size_t c = 0; c < t->cols; c++)
        if (strcmp(t->head[c], col) == 0)
            return t->cell[r * t->cols + c];
    fail_msg("no column %s", col);
    return NULL;
}

static double num(const table *t, size_t r, const char *col)
{
    const char *s = cell(t, r, col);
    if (strcmp(s, "NaN") == 0)
        return NAN;
    char *end;
    double v = strtod(s, &end);
    if (*end)
        fail_msg("not a number in %s: %s", col, s);
    return v;
}

/* ---- comparisons -------------------------------------------------------------- */

static double worst_stat, worst_p; /* largest relative differences seen */

static void check(const char *what, const char *field, double got, double want, double rel)
{
    if (isnan(want)) {
        if (!isnan(got))
            fail_msg("%s: %s is %.17g, expected NaN", what, field, got);
        return;
    }
    if (isnan(got) || fabs(got - want) > rel * fabs(want) + 1e-13)
        fail_msg("%s: %s is %.17g, expected %.17g", what, field, got, want);
    if (want != 0) {
        double d = fabs(got - want) / fabs(want);
        double *w = rel == PREL ? &worst_p : &worst_stat;
        if (d > *w)
            *w = d;
    }
}

static void check_text(const char *what, const char *field, const char *got, const char *want)
{
    if (!want[0] ? got != NULL && got[0] : got == NULL || strcmp(got, want) != 0)
        fail_msg("%s: %s is \"%s\", expected \"%s\"", what, field, got ? got : "(null)", want);
}

/* ---- datasets ------------------------------------------------------------------ */

static ind_catalog *cat;

static ind_dataset *load(const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, DIR "%s", file);
    ind_dataset *ds = ind_dataset_new(cat);
    ind_ingest_options opt = {IND_ENC_AUTO, 0, NULL, NULL, 0, 0, 0};
    ind_ingest_report rep;
    ind_error err;
    ind_error_clear(&err);
    if (ind_ingest_file(ds, path, &opt, &rep, &err) != IND_OK || ind_dataset_finish(ds, &err) != IND_OK)
        fail_msg("%s:%ld:%ld: %s", err.file, err.line, err.column, err.message);
    return ds;
}

static int setup(void **state)
{
    (void)state;
    ind_error err;
    ind_error_clear(&err);
    cat = ind_catalog_new();
    return ind_catalog_load_file(cat, DIR "catalog.csv", &err) != IND_OK;
}

static int teardown(void **state)
{
    (void)state;
    ind_catalog_free(cat);
    return 0;
}

static ind_period period_of(const char *s)
{
    ind_period p = 0;
    if (s[0] && ind_period_parse(s, strlen(s), &p, NULL) != 0)
        fail_msg("bad period %s", s);
    return p;
}

/* The options of case row r of cases.csv; units are kept in names (';'-separated). */
static void case_options(const table *cs, size_t r, ind_cmp_options *o, char *names, size_t size,
                         const char **units, size_t *nunits)
{
    ind_cmp_options_default(o);
    assert_int_equal(ind_cmp_method_parse(cell(cs, r, "method"), &o->method), 0);
    o->min_n = num(cs, r, "min_n");
    o->period = period_of(cell(cs, r, "period"));
    o->from = period_of(cell(cs, r, "from"));
    o->to = period_of(cell(cs, r, "to"));
    o->overdispersion = strcmp(cell(cs, r, "overdispersion"), "none") == 0 ? IND_FUNNEL_OD_NONE : IND_FUNNEL_OD_AUTO;
    o->pair_units = (size_t)num(cs, r, "pair_units");
    const char *g = cell(cs, r, "gender");
    assert_int_equal(ind_gender_parse(g, strlen(g), &o->gender), 0);
    snprintf(names, size, "%s", cell(cs, r, "units"));
    *nunits = 0;
    if (names[0]) {
        for (char *p = strtok(names, ";"); p; p = strtok(NULL, ";"))
            units[(*nunits)++] = p;
        o->units = units;
        o->unit_count = *nunits;
    }
}

static long find_unit(const ind_dataset *ds, const ind_cmp_result *r, const char *name)
{
    for (size_t i = 0; i < r->unit_count; i++)
        if (strcmp(ind_dataset_str(ds, r->units[i].unit), name) == 0)
            return (long)i;
    return -1;
}

/* Checks one result against the expected rows of its case, with p adjusted by adj. */
static void check_case(const char *name, const ind_dataset *ds, const ind_cmp_result *r, const table *ex,
                       ind_inf_adjust adj, const char *data, size_t pair_units)
{
    char what[160];
    static const char *const adj_name[] = {"none", "holm", "BH"};
    snprintf(what, sizeof what, "%s (%s)", name, adj_name[adj]);
    check_text(what, "data", ind_cmp_data_code(r->data), data);
    size_t units = 0, pairs = 0;
    for (size_t e = 0; e < ex->rows; e++) {
        if (strcmp(cell(ex, e, "case"), name) != 0)
            continue;
        const char *row = cell(ex, e, "row");
        double p = num(ex, e, "p");
        double padj = adj == IND_INF_ADJUST_HOLM ? num(ex, e, "p_holm")
                      : adj == IND_INF_ADJUST_BH ? num(ex, e, "p_bh") : p;
        if (strcmp(row, "global") == 0) {
            check_text(what, "global test", r->test, cell(ex, e, "test"));
            check_text(what, "global method", r->test_method, cell(ex, e, "method"));
            assert_int_equal(r->have_funnel, !isnan(num(ex, e, "funnel_target")));
            if (r->have_funnel) {
                check(what, "funnel target", r->funnel.target, num(ex, e, "funnel_target"), REL);
                check(what, "funnel tau2", r->funnel.tau2, num(ex, e, "funnel_tau2"), REL);
                check(what, "funnel phi", r->funnel.phi, num(ex, e, "funnel_phi"), REL);
            }
            assert_int_equal(r->pairs_left_out, r->tested > 1 && r->tested > pair_units);
            check(what, "global statistic", r->statistic, num(ex, e, "statistic"), REL);
            check(what, "global df", r->df, num(ex, e, "df"), REL);
            check(what, "global df2", r->df2, num(ex, e, "df2"), REL);
            check(what, "global p", r->p, p, PREL);
            check(what, "pooled", r->pooled, num(ex, e, "estimate"), REL);
            assert_int_equal(r->tested, (size_t)num(ex, e, "tested"));
            assert_int_equal(r->excluded, (size_t)num(ex, e, "n_excluded"));
        } else if (strcmp(row, "unit") == 0) {
            units++;
            char uw[200];
            const char *uname = cell(ex, e, "unit");
            snprintf(uw, sizeof uw, "%s, %s", what, uname ? uname : "");
            long i = find_unit(ds, r, cell(ex, e, "unit"));
            if (i < 0)
                fail_msg("%s: unit missing from the result", uw);
            const ind_cmp_unit *u = &r->units[i];
            int excl = (int)num(ex, e, "excluded");
            assert_int_equal(u->excluded, excl);
            if (excl)
                assert_non_null(u->excluded_why);
            check_text(uw, "rest test", u->rest_test, cell(ex, e, "test"));
            check_text(uw, "rest method", u->rest_method, cell(ex, e, "method"));
            check(uw, "rest statistic", u->rest_statistic, num(ex, e, "statistic"), REL);
            check(uw, "rest p", u->rest_p, p, PREL);
            check(uw, "rest p adjusted", u->rest_p_adjusted, u->rest_test ? padj : NAN, PREL);
            check(uw, "estimate", u->estimate, num(ex, e, "estimate"), REL);
            check(uw, "ci_lo", u->ci_lo, num(ex, e, "ci_lo"), REL);
            check(uw, "ci_hi", u->ci_hi, num(ex, e, "ci_hi"), REL);
            check(uw, "n", u->n, num(ex, e, "n"), 0);
            if (strcmp(data, "counts") == 0)
                check(uw, "x", u->x, num(ex, e, "x"), 0);
            if (strcmp(data, "series") == 0)
                assert_int_equal(u->values, (size_t)num(ex, e, "values"));
            double fcls = num(ex, e, "funnel_class");
            assert_int_equal(u->in_funnel, !isnan(fcls));
            if (!isnan(fcls)) {
                assert_int_equal((int)u->funnel.cls, (int)fcls);
                check(uw, "funnel z_adj", u->funnel.z_adj, num(ex, e, "funnel_z"), REL);
                assert_int_equal(u->funnel_verdict, (int)num(ex, e, "funnel_verdict"));
                check(uw, "funnel lo95", u->funnel.limits.lo95, num(ex, e, "funnel_lo95"), REL);
                check(uw, "funnel hi95", u->funnel.limits.hi95, num(ex, e, "funnel_hi95"), REL);
                check(uw, "funnel lo998", u->funnel.limits.lo998, num(ex, e, "funnel_lo998"), REL);
                check(uw, "funnel hi998", u->funnel.limits.hi998, num(ex, e, "funnel_hi998"), REL);
            }
            assert_true(u->sentence[0] != 0);
        } else {
            char pw[200];
            const char *ua = cell(ex, e, "unit"), *ub = cell(ex, e, "unit_b");
            snprintf(pw, sizeof pw, "%s, %s vs %s", what, ua ? ua : "", ub ? ub : "");
            if (pairs >= r->pair_count)
                fail_msg("%s: only %zu pairs in the result", pw, r->pair_count);
            const ind_cmp_pair *q = &r->pairs[pairs++];
            /* pairs come in the order of the units (by name), a before b */
            check_text(pw, "unit a", ind_dataset_str(ds, r->units[q->a].unit), cell(ex, e, "unit"));
            check_text(pw, "unit b", ind_dataset_str(ds, r->units[q->b].unit), cell(ex, e, "unit_b"));
            check_text(pw, "test", q->test, cell(ex, e, "test"));
            check_text(pw, "method", q->method, cell(ex, e, "method"));
            check(pw, "statistic", q->statistic, num(ex, e, "statistic"), REL);
            check(pw, "df", q->df, num(ex, e, "df"), REL);
            check(pw, "p", q->p, p, PREL);
            check(pw, "p adjusted", q->p_adjusted, padj, PREL);
            check(pw, "difference", q->difference, num(ex, e, "difference"), REL);
            check(pw, "diff ci_lo", q->ci_lo, num(ex, e, "diff_lo"), REL);
            check(pw, "diff ci_hi", q->ci_hi, num(ex, e, "diff_hi"), REL);
            assert_int_equal(q->significant, !isnan(padj) && padj < 0.05);
            assert_true(q->sentence[0] != 0);
        }
    }
    if (units == 0)
        fail_msg("%s: no expected rows", name);
    assert_int_equal(r->unit_count, units);
    assert_int_equal(r->pair_count, pairs);
}

/* Every case of cases.csv, with Holm, BH and no adjustment. */
static void test_golden_cases(void **state)
{
    (void)state;
    table cs, ex;
    table_load(&cs, DIR "cases.csv");
    table_load(&ex, DIR "expected.csv");
    assert_true(cs.rows >= 20);
    for (size_t c = 0; c < cs.rows; c++) {
        const char *name = cell(&cs, c, "case");
        ind_dataset *ds = load(cell(&cs, c, "file"));
        static const ind_inf_adjust adjs[] = {IND_INF_ADJUST_HOLM, IND_INF_ADJUST_BH, IND_INF_ADJUST_NONE};
        for (int a = 0; a < 3; a++) {
            ind_cmp_options o;
            char names[512];
            const char *units[16];
            size_t nunits;
            case_options(&cs, c, &o, names, sizeof names, units, &nunits);
            o.adjust = adjs[a];
            ind_cmp_result r;
            ind_error err;
            ind_error_clear(&err);
            if (ind_compare(ds, cell(&cs, c, "indicator"), &o, &r, &err) != IND_OK)
                fail_msg("%s: %s", name, err.message);
            check_case(name, ds, &r, &ex, adjs[a], cell(&cs, c, "data"), o.pair_units);
            ind_cmp_result_free(&r);
        }
        ind_dataset_free(ds);
    }
    printf("compare: largest relative difference from R: statistics %.3g, p-values %.3g\n", worst_stat,
           worst_p);
    table_free(&cs);
    table_free(&ex);
}

/* ---- selection ----------------------------------------------------------------- */

static ind_status run(const ind_dataset *ds, const char *indicator, const ind_cmp_options *o, ind_cmp_result *r,
                      ind_error *err)
{
    ind_error_clear(err);
    return ind_compare(ds, indicator, o, r, err);
}

static void test_selection(void **state)
{
    (void)state;
    ind_dataset *ds = load("counts.csv");
    ind_cmp_options o;
    ind_cmp_result r;
    ind_error err;
    ind_cmp_options_default(&o);
    /* the latest year of this indicator, not the decoy's 2026 */
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_OK);
    assert_int_equal(r.period, period_of("2025"));
    assert_non_null(r.info);
    assert_string_equal(r.info->id, "andel_test");
    assert_string_equal(ind_dataset_str(ds, r.indicator), "Andel test");
    assert_int_equal(r.unit_count, 6); /* A-F, T only: no K or M series */
    ind_cmp_result_free(&r);
    /* by id, by name in another case and with "Andelen" */
    assert_int_equal(run(ds, "andel_test", &o, &r, &err), IND_OK);
    assert_int_equal(r.unit_count, 6);
    ind_cmp_result_free(&r);
    assert_int_equal(run(ds, "ANDELEN TEST", &o, &r, &err), IND_OK);
    assert_int_equal(r.unit_count, 6);
    ind_cmp_result_free(&r);
    /* an indicator outside the catalogue, by its own name: its own latest year */
    assert_int_equal(run(ds, "annan andel", &o, &r, &err), IND_OK);
    assert_null(r.info);
    assert_int_equal(r.period, period_of("2026"));
    assert_int_equal(r.unit_count, 3);
    ind_cmp_result_free(&r);
    /* the K series: the pair of A's K and M is not a comparison of units */
    o.gender = IND_GENDER_K;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_EUSAGE);
    assert_non_null(strstr(err.message, "only 1 unit(s) with enough data"));
    assert_non_null(strstr(err.message, "a comparison needs two"));
    ind_cmp_result_free(&r);
    o.gender = IND_GENDER_X;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_EUSAGE);
    assert_string_equal(err.message, "no data for the indicator \"Andel test\" and that gender");
    ind_cmp_result_free(&r);
    ind_cmp_result_free(&r); /* freeing twice is harmless */
    ind_dataset_free(ds);
}

/* ---- errors -------------------------------------------------------------------- */

static void test_errors(void **state)
{
    (void)state;
    ind_dataset *ds = load("counts.csv");
    ind_cmp_options o;
    ind_cmp_result r;
    ind_error err;
    ind_cmp_options_default(&o);
    /* an unknown indicator */
    assert_int_equal(run(ds, "Finns inte", &o, &r, &err), IND_EUSAGE);
    assert_string_equal(err.message, "no data for the indicator \"Finns inte\"");
    ind_cmp_result_free(&r);
    /* one unit asked for */
    const char *one[] = {"Enhet A"};
    o.units = one;
    o.unit_count = 1;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_EUSAGE);
    assert_string_equal(err.message, "only 1 unit(s) with enough data for \"Andel test\": a comparison needs two");
    ind_cmp_result_free(&r);
    /* a unit that does not exist, and one that has no data for the period: one unit */
    const char *none[] = {"Enhet Q", "Enhet F"};
    o.units = none;
    o.unit_count = 2;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_EUSAGE);
    assert_string_equal(err.message, "only 1 unit(s) with enough data for \"Andel test\": a comparison needs two");
    ind_cmp_result_free(&r);
    o.units = NULL;
    o.unit_count = 0;
    /* every unit below the smallest base but one */
    o.min_n = 56; /* A and B have 100, E 55 */
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_OK);
    assert_int_equal(r.tested, 2);
    assert_int_equal(r.excluded, 4);
    ind_cmp_result_free(&r);
    o.min_n = 101;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_EUSAGE);
    assert_non_null(strstr(err.message, "only 0 unit(s)"));
    ind_cmp_result_free(&r);
    o.min_n = 10;
    /* a period nobody has: an error, not a silent switch to comparing every year */
    o.period = period_of("2030");
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_EUSAGE);
    assert_string_equal(err.message, "no data for the indicator \"Andel test\" in 2030");
    ind_cmp_result_free(&r);
    o.method = IND_CMP_KRUSKAL; /* the years are the replicates: the period does not matter */
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_OK);
    assert_int_equal(r.data, IND_CMP_DATA_SERIES);
    assert_int_equal(r.tested, 5); /* A-F, each with 2024 and 2025 but F (2024 only) */
    ind_cmp_result_free(&r);
    o.period = 0;
    /* a method that does not fit the data */
    o.method = IND_CMP_WELCH;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_EUSAGE);
    assert_string_equal(err.message, "--method welch needs value, sd and n for at least two units");
    ind_cmp_result_free(&r);
    o.method = IND_CMP_ANOVA;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_EUSAGE);
    ind_cmp_result_free(&r);
    ind_dataset_free(ds);
    ds = load("series.csv");
    o.method = IND_CMP_PROP;
    assert_int_equal(run(ds, "Nivå test", &o, &r, &err), IND_EUSAGE);
    assert_string_equal(err.message, "--method prop needs numerator and denominator for at least two units");
    ind_cmp_result_free(&r);
    o.method = IND_CMP_FUNNEL;
    assert_int_equal(run(ds, "Nivå test", &o, &r, &err), IND_EUSAGE);
    ind_cmp_result_free(&r);
    /* a range with fewer than two values per unit leaves nothing to compare */
    o.method = IND_CMP_AUTO;
    o.from = o.to = period_of("2025");
    assert_int_equal(run(ds, "Nivå test", &o, &r, &err), IND_EUSAGE);
    assert_non_null(strstr(err.message, "only 0 unit(s)"));
    ind_cmp_result_free(&r);
    ind_dataset_free(ds);
}

static void test_method_names(void **state)
{
    (void)state;
    static const char *const names[] = {"auto", "prop", "fisher", "chisq", "welch", "anova", "kruskal", "funnel"};
    for (int m = 0; m < 8; m++) {
        ind_cmp_method got;
        assert_string_equal(ind_cmp_method_code((ind_cmp_method)m), names[m]);
        assert_int_equal(ind_cmp_method_parse(names[m], &got), 0);
        assert_int_equal(got, m);
    }
    ind_cmp_method got = IND_CMP_AUTO;
    assert_int_equal(ind_cmp_method_parse("FISHER", &got), 0);
    assert_int_equal(got, IND_CMP_FISHER);
    assert_int_equal(ind_cmp_method_parse("t-test", &got), -1);
    assert_int_equal(ind_cmp_method_parse("", &got), -1);
    assert_string_equal(ind_cmp_data_code(IND_CMP_DATA_COUNTS), "counts");
    assert_string_equal(ind_cmp_data_code(IND_CMP_DATA_MEANS), "means");
    assert_string_equal(ind_cmp_data_code(IND_CMP_DATA_SERIES), "series");
    ind_cmp_options o;
    ind_cmp_options_default(&o);
    assert_int_equal(o.method, IND_CMP_AUTO);
    assert_int_equal(o.adjust, IND_INF_ADJUST_HOLM);
    assert_true(o.min_n == 10 && o.conf_level == 0.95);
    assert_int_equal(o.gender, IND_GENDER_T);
}

/* ---- sentences ------------------------------------------------------------------ */

static const ind_cmp_pair *pair_of(const ind_dataset *ds, const ind_cmp_result *r, const char *a, const char *b)
{
    for (size_t i = 0; i < r->pair_count; i++)
        if (strcmp(ind_dataset_str(ds, r->units[r->pairs[i].a].unit), a) == 0 &&
            strcmp(ind_dataset_str(ds, r->units[r->pairs[i].b].unit), b) == 0)
            return &r->pairs[i];
    fail_msg("no pair %s / %s", a, b);
    return NULL;
}

static const ind_cmp_unit *unit_of(const ind_dataset *ds, const ind_cmp_result *r, const char *name)
{
    long i = find_unit(ds, r, name);
    if (i < 0)
        fail_msg("no unit %s", name);
    return &r->units[i];
}

static void test_sentences_counts(void **state)
{
    (void)state;
    ind_dataset *ds = load("counts.csv");
    ind_cmp_options o;
    ind_cmp_result r;
    ind_error err;
    ind_cmp_options_default(&o);
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_OK);
    /* R: prop.test(c(62, 41), c(100, 100)) p = 0.004659; Holm over 6 pairs 0.02795 */
    assert_string_equal(pair_of(ds, &r, "Enhet A", "Enhet B")->sentence,
                        "Enhet A har en signifikant högre andel än Enhet B, 62 % mot 41 % (justerat p = 0,03).");
    /* A against E: p = 0.4634, Holm 0.7190 */
    assert_string_equal(pair_of(ds, &r, "Enhet A", "Enhet E")->sentence,
                        "Ingen säker skillnad mellan Enhet A och Enhet E, 62 % mot 55 % (justerat p = 0,72).");
    /* B against C: Fisher (3 of 12), p = 0.3595, Holm 0.7190 */
    assert_string_equal(pair_of(ds, &r, "Enhet B", "Enhet C")->sentence,
                        "Ingen säker skillnad mellan Enhet B och Enhet C, 41 % mot 25 % (justerat p = 0,72).");
    /* chisq.test: X-squared = 12.365, p = 0.006231 */
    assert_string_equal(r.sentence, "Skillnaderna mellan de 4 testade enheterna är statistiskt säkerställda "
                                    "(Pearsons chi-två-test: 12,37, p = 0,006).");
    /* the funnel: A inside the limits (R: z_adj 0.977) */
    assert_string_equal(unit_of(ds, &r, "Enhet A")->sentence, "Enhet A: 62 % (n = 100), inom det förväntade.");
    assert_string_equal(unit_of(ds, &r, "Enhet D")->sentence,
                        "Enhet D: ingår inte i testerna (n under minsta underlag).");
    assert_string_equal(unit_of(ds, &r, "Enhet F")->sentence,
                        "Enhet F: ingår inte i testerna (uppgift saknas för perioden).");
    ind_cmp_result_free(&r);

    /* no adjustment: A against C (p = 0.03199) becomes significant; A against B p = 0.004659 */
    o.adjust = IND_INF_ADJUST_NONE;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_OK);
    assert_string_equal(pair_of(ds, &r, "Enhet A", "Enhet C")->sentence,
                        "Enhet A har en signifikant högre andel än Enhet C, 62 % mot 25 % (p = 0,03).");
    assert_string_equal(pair_of(ds, &r, "Enhet A", "Enhet B")->sentence,
                        "Enhet A har en signifikant högre andel än Enhet B, 62 % mot 41 % (p = 0,005).");
    ind_cmp_result_free(&r);

    /* English, BH: A against B 0.02795 */
    o.adjust = IND_INF_ADJUST_BH;
    o.lang = IND_LANG_EN;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_OK);
    assert_string_equal(pair_of(ds, &r, "Enhet A", "Enhet B")->sentence,
                        "Enhet A has a significantly higher share than Enhet B, 62 % against 41 % (adjusted p = 0.03).");
    assert_string_equal(r.sentence, "The differences between the 4 units tested are statistically significant "
                                    "(Pearson's chi-squared test: 12.37, p = 0.006).");
    assert_string_equal(unit_of(ds, &r, "Enhet D")->sentence, "Enhet D: not tested (n below the smallest base).");
    ind_cmp_result_free(&r);
    ind_dataset_free(ds);

    /* 0 % against 100 %: R prop.test(c(0, 25), c(20, 25)) p = 3.7e-10, Holm over 10 pairs */
    ds = load("edge.csv");
    ind_cmp_options_default(&o);
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_OK);
    assert_string_equal(pair_of(ds, &r, "Full", "Noll")->sentence,
                        "Full har en signifikant högre andel än Noll, 100 % mot 0 % (justerat p < 0,001).");
    /* two units at 0 %: Fisher, p = 1 */
    assert_string_equal(pair_of(ds, &r, "Noll", "Noll2")->sentence,
                        "Ingen säker skillnad mellan Noll och Noll2, 0 % mot 0 % (justerat p = 1,00).");
    ind_cmp_result_free(&r);
    ind_dataset_free(ds);

    /* nobody anywhere: no overall test, so no overall sentence */
    ds = load("allzero.csv");
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_OK);
    assert_null(r.test);
    assert_string_equal(r.sentence, "");
    ind_cmp_result_free(&r);
    ind_dataset_free(ds);
}

static void test_sentences_means_series(void **state)
{
    (void)state;
    ind_dataset *ds = load("means.csv");
    ind_cmp_options o;
    ind_cmp_result r;
    ind_error err;
    ind_cmp_options_default(&o);
    assert_int_equal(run(ds, "Index test", &o, &r, &err), IND_OK);
    /* R: mean 84.640, n 25; oneway.test F = 1.6416, p = 0.1753 */
    assert_string_equal(unit_of(ds, &r, "Enhet A")->sentence, "Enhet A: 85 (n = 25).");
    assert_string_equal(r.sentence, "Inga statistiskt säkerställda skillnader mellan de 5 testade enheterna "
                                    "(Welchs envägs-ANOVA: 1,64, p = 0,18).");
    assert_string_equal(unit_of(ds, &r, "Enhet G")->sentence,
                        "Enhet G: ingår inte i testerna (uppgift saknas för perioden).");
    assert_string_equal(r.note, "");
    ind_cmp_result_free(&r);
    ind_dataset_free(ds);

    ds = load("series.csv");
    assert_int_equal(run(ds, "Nivå test", &o, &r, &err), IND_OK);
    /* R: medians 6.15 and 5.1; wilcox.test p = 0.000269, Holm 0.000893 */
    assert_string_equal(pair_of(ds, &r, "S2", "S3")->sentence,
                        "S2 har en signifikant högre nivå än S3, 6,2 mot 5,1 (justerat p < 0,001).");
    /* S3 against S1, S2 and S4 pooled: coin's exact p 0.000346, Holm over 4 units 0.00104 */
    assert_string_equal(unit_of(ds, &r, "S3")->sentence,
                        "S3: median 5,1 över 9 perioder, signifikant lägre än övriga enheter sammantaget "
                        "(justerat p = 0,001).");
    /* S2 against the rest: p 0.151, not significant */
    assert_string_equal(unit_of(ds, &r, "S2")->sentence, "S2: median 6,2 över 10 perioder.");
    assert_string_equal(unit_of(ds, &r, "S5")->sentence, "S5: ingår inte i testerna (färre än två värden).");
    assert_non_null(strstr(r.note, "åren är upprepningarna"));
    assert_string_equal(r.pairs_note, "");
    ind_cmp_result_free(&r);
    /* more units than pair_units: no pairs, and a note that says why */
    o.pair_units = 3;
    assert_int_equal(run(ds, "Nivå test", &o, &r, &err), IND_OK);
    assert_int_equal(r.pair_count, 0);
    assert_true(r.pairs_left_out);
    assert_non_null(strstr(r.note, "åren är upprepningarna"));
    assert_non_null(strstr(r.pairs_note, "Parvisa tester görs för högst 3 testade enheter; här är de 4 (6 par, "));
    assert_non_null(strstr(r.pairs_note, "Varje enhet jämförs i stället med övriga enheter sammantaget."));
    ind_cmp_result_free(&r);
    ind_dataset_free(ds);

    /* issue 21: two units, six years each, all of U1 above U2 with ties: coin's exact p = 2/924 */
    ds = load("six.csv");
    ind_cmp_options_default(&o);
    assert_int_equal(run(ds, "Nivå test", &o, &r, &err), IND_OK);
    assert_int_equal(r.pair_count, 1);
    assert_string_equal(r.pairs[0].method, "exact");
    assert_true(fabs(r.pairs[0].p - 2.0 / 924) < 1e-15);
    assert_string_equal(r.pairs[0].sentence, "U1 har en signifikant högre nivå än U2, 73,0 mot 63,0 (justerat p = 0,002).");
    ind_cmp_result_free(&r);
    ind_dataset_free(ds);

    /* counts beyond the bound: the funnel stays, English note */
    ds = load("fifty.csv");
    o.pair_units = 20;
    o.lang = IND_LANG_EN;
    assert_int_equal(run(ds, "Andel test", &o, &r, &err), IND_OK);
    assert_int_equal(r.pair_count, 0);
    assert_true(r.have_funnel);
    assert_string_equal(r.note, "");
    assert_non_null(strstr(r.pairs_note, "Pairwise tests are made for at most 20 units tested; here there are "));
    assert_non_null(strstr(r.pairs_note, "with the other units taken together instead and placed in the funnel."));
    ind_cmp_result_free(&r);
    ind_dataset_free(ds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_cases),
        cmocka_unit_test(test_selection),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_method_names),
        cmocka_unit_test(test_sentences_counts),
        cmocka_unit_test(test_sentences_means_series),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
