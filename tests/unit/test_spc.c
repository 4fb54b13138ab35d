/* test_spc.c: run and control charts, Anhøj / NHS / IHI rules and assurance,
 * against golden values from R (tests/golden/spc/generate.R). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spc.h"

#define MAX_FIELDS 8
#define MAX_CHARTS 32
#define MAX_POINTS 64

typedef struct {
    char name[32];
    ind_spc_type type;
    unsigned rules;
    size_t n;
    double y[MAX_POINTS];
    double den[MAX_POINTS];
} chart_case;

static chart_case charts[MAX_CHARTS];
static size_t n_charts;

/* ------------------------------------------------------------- fixtures */

static FILE *open_golden(const char *file)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/golden/spc/%s", IND_TEST_DIR, file);
    FILE *f = fopen(path, "r");
    if (!f)
        fprintf(stderr, "cannot open %s\n", path);
    return f;
}

/* Reads the next data line (skipping comments and the header) and splits it
 * in place at commas. Returns the number of fields, or -1 at the end. */
static int next_row(FILE *f, char *line, size_t size, char **field)
{
    while (fgets(line, (int)size, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || strncmp(line, "case,", 5) == 0 || strncmp(line, "n,", 2) == 0 ||
            line[0] == '\0')
            continue;
        int k = 0;
        field[k++] = line;
        for (char *p = line; *p && k < MAX_FIELDS; p++)
            if (*p == ',') {
                *p = '\0';
                field[k++] = p + 1;
            }
        return k;
    }
    return -1;
}

static chart_case *find_chart(const char *name)
{
    for (size_t i = 0; i < n_charts; i++)
        if (strcmp(charts[i].name, name) == 0)
            return &charts[i];
    return NULL;
}

static int load_charts(void **state)
{
    (void)state;
    char line[512], *f[MAX_FIELDS];
    FILE *fp = open_golden("charts.csv");
    if (!fp)
        return -1;
    int k;
    while ((k = next_row(fp, line, sizeof line, f)) >= 0) {
        if (k != 5)
            continue;
        chart_case *c = find_chart(f[0]);
        if (!c) {
            if (n_charts == MAX_CHARTS)
                return -1;
            c = &charts[n_charts++];
            snprintf(c->name, sizeof c->name, "%s", f[0]);
            c->type = strcmp(f[1], "run") == 0 ? IND_SPC_RUN
                      : strcmp(f[1], "i") == 0 ? IND_SPC_I
                      : strcmp(f[1], "p") == 0 ? IND_SPC_P
                                               : IND_SPC_U;
            if (strstr(f[2], "anhoj"))
                c->rules |= IND_SPC_RULES_ANHOJ;
            if (strstr(f[2], "nhs"))
                c->rules |= IND_SPC_RULES_NHS;
            if (strstr(f[2], "ihi"))
                c->rules |= IND_SPC_RULES_IHI;
        }
        if (c->n == MAX_POINTS)
            return -1;
        c->y[c->n] = strtod(f[3], NULL);
        c->den[c->n] = strtod(f[4], NULL);
        c->n++;
    }
    fclose(fp);
    return n_charts ? 0 : -1;
}

static int close_to(double got, double want, double rel)
{
    if (isnan(want))
        return isnan(got);
    return fabs(got - want) <= rel * fabs(want) + 1e-12;
}

static void compute(const chart_case *c, ind_spc_chart *ch)
{
    assert_int_equal(ind_spc_chart_compute(c->type, c->y, c->den, c->n, c->rules, ch), IND_OK);
}

/* --------------------------------------------------------------- golden */

static void test_anhoj_limits_table(void **state)
{
    (void)state;
    char line[256], *f[MAX_FIELDS];
    FILE *fp = open_golden("anhoj.csv");
    assert_non_null(fp);
    int rows = 0;
    while (next_row(fp, line, sizeof line, f) == 3) {
        size_t n = strtoul(f[0], NULL, 10), lr, cm;
        assert_int_equal(ind_spc_anhoj_limits(n, &lr, &cm), IND_OK);
        if (lr != strtoul(f[1], NULL, 10) || cm != strtoul(f[2], NULL, 10)) {
            print_error("n=%zu: got %zu %zu, want %s %s\n", n, lr, cm, f[1], f[2]);
            fail();
        }
        rows++;
    }
    fclose(fp);
    assert_int_equal(rows, 100);
    size_t lr, cm;
    assert_int_equal(ind_spc_anhoj_limits(24, &lr, &cm), IND_OK);
    assert_int_equal(lr, 8);
    assert_int_equal(cm, 8);
    assert_int_equal(ind_spc_anhoj_limits(10, &lr, &cm), IND_OK);
    assert_int_equal(lr, 6);
    assert_int_equal(cm, 2);
    assert_int_equal(ind_spc_anhoj_limits(0, &lr, &cm), IND_OK);
    assert_int_equal(lr, 0);
    assert_int_equal(cm, 0);
    /* Far beyond the table: the search starts near the mean; still R's value
     * qbinom(0.05, 9999, 0.5) = 4917, round(log2(10000)) + 3 = 16. */
    assert_int_equal(ind_spc_anhoj_limits(10000, &lr, &cm), IND_OK);
    assert_int_equal(lr, 16);
    assert_int_equal(cm, 4917);
}

static void test_chart_points(void **state)
{
    (void)state;
    char line[512], *f[MAX_FIELDS];
    FILE *fp = open_golden("points.csv");
    assert_non_null(fp);
    int checked = 0, failures = 0;
    chart_case *cur = NULL;
    ind_spc_chart ch = {0};
    while (next_row(fp, line, sizeof line, f) == 7) {
        chart_case *c = find_chart(f[0]);
        assert_non_null(c);
        if (c != cur) {
            ind_spc_chart_free(&ch);
            compute(c, &ch);
            cur = c;
        }
        size_t i = strtoul(f[1], NULL, 10);
        assert_true(i < ch.n);
        const double got[5] = {ch.value[i], ch.centre[i], ch.lcl[i], ch.ucl[i], ch.sigma[i]};
        static const char *what[5] = {"value", "centre", "lcl", "ucl", "sigma"};
        for (int k = 0; k < 5; k++) {
            double want = strtod(f[2 + k], NULL);
            if (!close_to(got[k], want, 1e-9)) {
                print_error("%s point %zu %s: got %.17g want %.17g\n", c->name, i, what[k],
                            got[k], want);
                failures++;
            }
            checked++;
        }
    }
    ind_spc_chart_free(&ch);
    fclose(fp);
    print_message("checked %d per-point values\n", checked);
    assert_true(checked > 500);
    assert_int_equal(failures, 0);
}

static void test_chart_summaries(void **state)
{
    (void)state;
    char line[512], *f[MAX_FIELDS];
    FILE *fp = open_golden("summary.csv");
    assert_non_null(fp);
    int checked = 0, failures = 0;
    chart_case *cur = NULL;
    ind_spc_chart ch = {0};
    while (next_row(fp, line, sizeof line, f) == 3) {
        chart_case *c = find_chart(f[0]);
        assert_non_null(c);
        if (c != cur) {
            ind_spc_chart_free(&ch);
            compute(c, &ch);
            cur = c;
        }
        double want = strtod(f[2], NULL), got;
        const char *q = f[1];
        if (strcmp(q, "centre_line") == 0)
            got = ch.centre_line;
        else if (strcmp(q, "mr_bar") == 0)
            got = ch.mr_bar;
        else if (strcmp(q, "mr_bar_all") == 0)
            got = ch.mr_bar_all;
        else if (strcmp(q, "mr_excluded") == 0)
            got = (double)ch.mr_excluded;
        else if (strcmp(q, "n_useful") == 0)
            got = (double)ch.anhoj.n_useful;
        else if (strcmp(q, "longest_run") == 0)
            got = (double)ch.anhoj.longest_run;
        else if (strcmp(q, "longest_run_max") == 0)
            got = (double)ch.anhoj.longest_run_max;
        else if (strcmp(q, "crossings") == 0)
            got = (double)ch.anhoj.crossings;
        else if (strcmp(q, "crossings_min") == 0)
            got = (double)ch.anhoj.crossings_min;
        else if (strcmp(q, "run_first") == 0)
            got = (double)ch.anhoj.run_first;
        else if (strcmp(q, "run_last") == 0)
            got = (double)ch.anhoj.run_last;
        else
            continue;
        if (!close_to(got, want, 1e-9)) {
            print_error("%s %s: got %.17g want %.17g\n", c->name, q, got, want);
            failures++;
        }
        checked++;
    }
    ind_spc_chart_free(&ch);
    fclose(fp);
    print_message("checked %d summary values\n", checked);
    assert_true(checked > 150);
    assert_int_equal(failures, 0);
}

typedef struct {
    char name[32];
    char rule[32];
    size_t first, last;
    char side[16];
    int matched;
} want_signal;

static void test_signals(void **state)
{
    (void)state;
    static want_signal want[128];
    size_t n_want = 0;
    char line[256], *f[MAX_FIELDS];
    FILE *fp = open_golden("signals.csv");
    assert_non_null(fp);
    while (next_row(fp, line, sizeof line, f) == 5 && n_want < 128) {
        want_signal *w = &want[n_want++];
        snprintf(w->name, sizeof w->name, "%s", f[0]);
        snprintf(w->rule, sizeof w->rule, "%s", f[1]);
        w->first = strtoul(f[2], NULL, 10);
        w->last = strtoul(f[3], NULL, 10);
        snprintf(w->side, sizeof w->side, "%s", f[4]);
        w->matched = 0;
    }
    fclose(fp);
    assert_true(n_want >= 10);

    int failures = 0;
    for (size_t ci = 0; ci < n_charts; ci++) {
        ind_spc_chart ch;
        compute(&charts[ci], &ch);
        for (size_t s = 0; s < ch.n_signals; s++) {
            const ind_spc_signal *g = &ch.signals[s];
            int found = 0;
            for (size_t k = 0; k < n_want && !found; k++) {
                want_signal *w = &want[k];
                if (!w->matched && strcmp(w->name, charts[ci].name) == 0 &&
                    strcmp(w->rule, ind_spc_rule_name(g->rule)) == 0 && w->first == g->first &&
                    w->last == g->last && strcmp(w->side, ind_spc_side_name(g->side)) == 0) {
                    w->matched = 1;
                    found = 1;
                }
            }
            if (!found) {
                print_error("%s: unexpected signal %s %zu..%zu %s\n", charts[ci].name,
                            ind_spc_rule_name(g->rule), g->first, g->last,
                            ind_spc_side_name(g->side));
                failures++;
            }
            /* Sorted by rule, then first point. */
            if (s > 0) {
                const ind_spc_signal *p = &ch.signals[s - 1];
                assert_true(p->rule < g->rule || (p->rule == g->rule && p->first <= g->first));
            }
        }
        ind_spc_chart_free(&ch);
    }
    for (size_t k = 0; k < n_want; k++)
        if (!want[k].matched) {
            print_error("%s: missing signal %s %zu..%zu %s\n", want[k].name, want[k].rule,
                        want[k].first, want[k].last, want[k].side);
            failures++;
        }
    assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------ behaviour */

static void test_flags_and_clamping(void **state)
{
    (void)state;
    ind_spc_chart ch;
    chart_case *c = find_chart("run_median10");
    assert_non_null(c);
    compute(c, &ch);
    assert_true(ch.flags & IND_SPC_F_FEW_POINTS);
    assert_true(isnan(ch.lcl[0]) && isnan(ch.ucl[0]));
    ind_spc_chart_free(&ch);

    c = find_chart("p_freda14");
    assert_non_null(c);
    compute(c, &ch);
    assert_false(ch.flags & IND_SPC_F_FEW_POINTS);
    assert_true(ch.flags & IND_SPC_F_CLAMPED);
    assert_true(ch.lcl[5] == 0.0);
    ind_spc_chart_free(&ch);

    c = find_chart("p_high12");
    assert_non_null(c);
    compute(c, &ch);
    assert_true(ch.ucl[0] == 1.0);
    ind_spc_chart_free(&ch);

    /* Freeing twice is harmless. */
    ind_spc_chart_free(&ch);
}

static void test_assurance(void **state)
{
    (void)state;
    ind_spc_chart ch;
    chart_case *c = find_chart("i_negative12");
    assert_non_null(c);
    compute(c, &ch);
    double lo = ch.lcl[ch.n - 1], hi = ch.ucl[ch.n - 1];
    assert_true(lo < hi);
    assert_int_equal(ind_spc_assure(&ch, lo - 1.0, IND_DIR_HIGHER), IND_SPC_CONSISTENTLY_MET);
    assert_int_equal(ind_spc_assure(&ch, hi + 1.0, IND_DIR_HIGHER), IND_SPC_CONSISTENTLY_MISSED);
    assert_int_equal(ind_spc_assure(&ch, lo - 1.0, IND_DIR_LOWER), IND_SPC_CONSISTENTLY_MISSED);
    assert_int_equal(ind_spc_assure(&ch, hi + 1.0, IND_DIR_LOWER), IND_SPC_CONSISTENTLY_MET);
    assert_int_equal(ind_spc_assure(&ch, (lo + hi) / 2, IND_DIR_HIGHER), IND_SPC_HIT_AND_MISS);
    assert_int_equal(ind_spc_assure(&ch, lo, IND_DIR_HIGHER), IND_SPC_HIT_AND_MISS);
    assert_int_equal(ind_spc_assure(&ch, hi, IND_DIR_LOWER), IND_SPC_HIT_AND_MISS);
    assert_int_equal(ind_spc_assure(&ch, lo - 1.0, IND_DIR_NEUTRAL), IND_SPC_ASSURANCE_NONE);
    assert_int_equal(ind_spc_assure(&ch, NAN, IND_DIR_HIGHER), IND_SPC_ASSURANCE_NONE);
    ind_spc_chart_free(&ch);

    /* p chart: the last point's limits decide. */
    c = find_chart("p_freda14");
    assert_non_null(c);
    compute(c, &ch);
    double last_hi = ch.ucl[ch.n - 1];
    double widest_hi = ch.ucl[5];
    assert_true(widest_hi > last_hi);
    double target = (last_hi + widest_hi) / 2.0;   /* above the last limit only */
    assert_int_equal(ind_spc_assure(&ch, target, IND_DIR_HIGHER), IND_SPC_CONSISTENTLY_MISSED);
    ind_spc_chart_free(&ch);

    c = find_chart("run_ami24");
    assert_non_null(c);
    compute(c, &ch);
    assert_int_equal(ind_spc_assure(&ch, 10.0, IND_DIR_HIGHER), IND_SPC_ASSURANCE_NONE);
    ind_spc_chart_free(&ch);
}

/* The I chart's limits follow the rule set: NHS Making Data Count with the NHS
 * rules, qicharts2 otherwise; one outlying year (58 among 70-74) makes two
 * moving ranges of 13 and 14 that qicharts2 leaves out (R: generate.R). */
static void test_i_limits_by_rules(void **state)
{
    (void)state;
    ind_spc_chart nhs, qic;
    compute(find_chart("i_outlier12_nhs"), &nhs);
    compute(find_chart("i_outlier12_anhoj"), &qic);
    assert_int_equal(nhs.limits, IND_SPC_LIMITS_NHS);
    assert_int_equal(qic.limits, IND_SPC_LIMITS_SCREENED);
    assert_string_equal(ind_spc_limits_name(qic.limits), "qicharts2");
    assert_string_equal(ind_spc_limits_name(nhs.limits), "nhs");
    /* MRbar = 41/11 over all; 14/9 without the 13 and 14 */
    assert_true(close_to(nhs.mr_bar, 41.0 / 11.0, 1e-15));
    assert_true(close_to(qic.mr_bar, 14.0 / 9.0, 1e-15));
    assert_true(close_to(qic.mr_bar_all, 41.0 / 11.0, 1e-15));
    assert_int_equal(qic.mr_excluded, 2);
    assert_int_equal(nhs.mr_excluded, 0);
    assert_true(close_to(qic.ucl[0] - qic.centre_line, 3 * 14.0 / 9.0 / 1.128, 1e-15));
    assert_true(close_to(nhs.ucl[0] - nhs.centre_line, 2.66 * 41.0 / 11.0, 1e-15));
    /* the outlying year is below both lower limits; the next lowest, 70, is
     * within the NHS limits and within qicharts2's narrower ones */
    assert_true(qic.value[6] < qic.lcl[6] && nhs.value[6] < nhs.lcl[6]);
    assert_true(qic.value[2] > qic.lcl[2] && qic.lcl[2] > nhs.lcl[2]);
    ind_spc_chart_free(&nhs);
    ind_spc_chart_free(&qic);
    /* p and u charts name their own */
    compute(find_chart("p_freda14"), &qic);
    assert_int_equal(qic.limits, IND_SPC_LIMITS_BINOMIAL);
    assert_true(isnan(qic.mr_bar) && isnan(qic.mr_bar_all));
    ind_spc_chart_free(&qic);
}

static void test_bad_input(void **state)
{
    (void)state;
    ind_spc_chart ch;
    double y[] = {1, 2, 3}, den[] = {10, 0, 10}, ybig[] = {1, 20, 3}, dok[] = {10, 10, 10};
    double ynan[] = {1, NAN, 3};
    assert_int_equal(ind_spc_chart_compute(IND_SPC_RUN, y, NULL, 3, IND_SPC_RULES_NHS, &ch),
                     IND_EUSAGE);
    assert_int_equal(ind_spc_chart_compute(IND_SPC_P, y, NULL, 3, 0, &ch), IND_EUSAGE);
    assert_int_equal(ind_spc_chart_compute(IND_SPC_P, y, den, 3, 0, &ch), IND_EDOMAIN);
    assert_int_equal(ind_spc_chart_compute(IND_SPC_P, ybig, dok, 3, 0, &ch), IND_EDOMAIN);
    assert_int_equal(ind_spc_chart_compute(IND_SPC_I, y, NULL, 1, 0, &ch), IND_EDOMAIN);
    assert_int_equal(ind_spc_chart_compute(IND_SPC_I, ynan, NULL, 3, 0, &ch), IND_EDOMAIN);
    assert_int_equal(ind_spc_chart_compute(IND_SPC_I, y, NULL, 3, 1u << 7, &ch), IND_EUSAGE);
    assert_int_equal(ind_spc_chart_compute(IND_SPC_RUN, y, NULL, 0, 0, &ch), IND_EDOMAIN);
    /* A single point is a (trivial) run chart. */
    assert_int_equal(ind_spc_chart_compute(IND_SPC_RUN, y, NULL, 1, IND_SPC_RULES_ANHOJ, &ch),
                     IND_OK);
    assert_int_equal(ch.n_signals, 0);
    ind_spc_chart_free(&ch);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(ind_spc_rule_name(IND_SPC_NHS_TWO_OF_THREE), "nhs-two-of-three");
    assert_string_equal(ind_spc_side_name(IND_SPC_SIDE_FALLING), "falling");
    assert_string_equal(ind_spc_assurance_name(IND_SPC_HIT_AND_MISS), "hit-and-miss");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_anhoj_limits_table),
        cmocka_unit_test(test_chart_points),
        cmocka_unit_test(test_chart_summaries),
        cmocka_unit_test(test_signals),
        cmocka_unit_test(test_flags_and_clamping),
        cmocka_unit_test(test_i_limits_by_rules),
        cmocka_unit_test(test_assurance),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests_name("spc", tests, load_charts, NULL);
}
