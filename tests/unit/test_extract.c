/* test_extract.c: the VP/VB text extractor against hand-read expected rows for the five seeds and synthetic snippets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <csv.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "extract.h"

#define SEEDS IND_SOURCE_DIR "/../shared/seeds/"
#define GOLD IND_TEST_DIR "/golden/extract/"
#define SNIP IND_TEST_DIR "/golden/extract/snippets/"

/* ------------------------------------------------------------------ */
/* a small CSV table read with libcsv                                  */
/* ------------------------------------------------------------------ */

typedef struct {
    char **cell;   /* rows * ncols, row 0 is the header */
    size_t nrows, ncols, cap;
    size_t col;    /* current column while parsing */
    int bad;
} table;

static void on_field(void *s, size_t n, void *data)
{
    table *t = data;
    if (t->nrows == 0 && t->ncols <= t->col)
        t->ncols = t->col + 1;
    size_t idx = t->nrows * (t->ncols ? t->ncols : 1) + t->col;
    if (t->col >= t->ncols) {
        t->bad = 1;
        t->col++;
        return;
    }
    while (idx >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        char **p = realloc(t->cell, cap * sizeof *p);
        assert_non_null(p);
        memset(p + t->cap, 0, (cap - t->cap) * sizeof *p);
        t->cell = p;
        t->cap = cap;
    }
    char *v = malloc(n + 1);
    assert_non_null(v);
    memcpy(v, s, n);
    v[n] = '\0';
    t->cell[idx] = v;
    t->col++;
}

static void on_row(int c, void *data)
{
    (void)c;
    table *t = data;
    if (t->col != t->ncols)
        t->bad = 1;
    t->nrows++;
    t->col = 0;
}

static int read_table(const char *path, table *t)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        assert_int_equal(csv_parse(&p, buf, n, on_field, on_row, t), n);
    csv_fini(&p, on_field, on_row, t);
    csv_free(&p);
    fclose(f);
    assert_false(t->bad);
    return 1;
}

static void free_table(table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols && i < t->cap; i++)
        free(t->cell[i]);
    free(t->cell);
    memset(t, 0, sizeof *t);
}

static const char *cell(const table *t, size_t row, size_t col)
{
    const char *s = t->cell[row * t->ncols + col];
    return s ? s : "";
}

/* ------------------------------------------------------------------ */
/* fields of extracted records by column name                          */
/* ------------------------------------------------------------------ */

static char srcbuf[600];

static const char *src(const ind_extract_result *r, long line)
{
    snprintf(srcbuf, sizeof srcbuf, "%s:%ld", r->file, line);
    return srcbuf;
}

static const char *obs_field(const ind_extract_result *r, const ind_extract_obs *o, const char *col)
{
    if (!strcmp(col, "unit")) return o->unit;
    if (!strcmp(col, "indicator")) return o->indicator;
    if (!strcmp(col, "period")) return o->period;
    if (!strcmp(col, "gender")) return o->gender;
    if (!strcmp(col, "value")) return o->value;
    if (!strcmp(col, "numerator")) return o->numerator;
    if (!strcmp(col, "denominator")) return o->denominator;
    if (!strcmp(col, "target")) return o->target;
    if (!strcmp(col, "kf_target")) return o->kf_target;
    if (!strcmp(col, "missing")) return o->missing;
    if (!strcmp(col, "goal")) return o->goal;
    if (!strcmp(col, "note")) return o->note;
    if (!strcmp(col, "periodicity")) return o->periodicity;
    if (!strcmp(col, "value_unit")) return o->value_unit;
    if (!strcmp(col, "source")) return src(r, o->line);
    fail_msg("unknown indicator column %s", col);
    return "";
}

static char yearbuf[16];

static const char *goal_field(const ind_extract_result *r, const ind_extract_goal *g, const char *col)
{
    (void)r;
    if (!strcmp(col, "id")) return g->id;
    if (!strcmp(col, "level")) return g->level;
    if (!strcmp(col, "parent")) return g->parent;
    if (!strcmp(col, "unit")) return g->unit;
    if (!strcmp(col, "text")) return g->text;
    if (!strcmp(col, "assessment")) return g->assessment;
    if (!strcmp(col, "year")) {
        snprintf(yearbuf, sizeof yearbuf, "%d", g->year);
        return yearbuf;
    }
    fail_msg("unknown goal column %s", col);
    return "";
}

static const char *act_field(const ind_extract_result *r, const ind_extract_activity *a, const char *col)
{
    if (!strcmp(col, "name")) return a->name;
    if (!strcmp(col, "start")) return a->start;
    if (!strcmp(col, "end")) return a->end;
    if (!strcmp(col, "unit")) return a->unit;
    if (!strcmp(col, "goal")) return a->goal;
    if (!strcmp(col, "source")) return src(r, a->line);
    fail_msg("unknown activity column %s", col);
    return "";
}

static char linebuf[32];

static const char *unread_field(const ind_extract_result *r, const ind_extract_note *u, const char *col)
{
    if (!strcmp(col, "file")) return r->file;
    if (!strcmp(col, "line")) {
        snprintf(linebuf, sizeof linebuf, "%ld", u->line);
        return linebuf;
    }
    fail_msg("unknown unread column %s", col);
    return "";
}

typedef enum { K_OBS, K_GOAL, K_ACT, K_UNREAD } rkind;

static size_t count_of(const ind_extract_result *r, rkind k)
{
    switch (k) {
    case K_OBS: return r->n_obs;
    case K_GOAL: return r->n_goals;
    case K_ACT: return r->n_activities;
    default: return r->n_unread;
    }
}

static const char *field_of(const ind_extract_result *r, rkind k, size_t i, const char *col)
{
    switch (k) {
    case K_OBS: return obs_field(r, &r->obs[i], col);
    case K_GOAL: return goal_field(r, &r->goals[i], col);
    case K_ACT: return act_field(r, &r->activities[i], col);
    default: return unread_field(r, &r->unread[i], col);
    }
}

/* Compares every expected row field by field with the extracted records;
 * each extracted record matches at most one expected row. */
static void compare(const ind_extract_result *r, rkind k, const char *path, const char *what)
{
    table t;
    if (!read_table(path, &t))
        fail_msg("cannot read %s", path);
    size_t n = count_of(r, k);
    char *used = calloc(n + 1, 1);
    assert_non_null(used);
    size_t matched = 0;
    for (size_t row = 1; row < t.nrows; row++) {
        int found = 0;
        for (size_t i = 0; i < n && !found; i++) {
            if (used[i])
                continue;
            int ok = 1;
            for (size_t c = 0; c < t.ncols && ok; c++)
                if (strcmp(field_of(r, k, i, cell(&t, 0, c)), cell(&t, row, c)) != 0)
                    ok = 0;
            if (ok) {
                used[i] = 1;
                found = 1;
            }
        }
        if (found) {
            matched++;
            continue;
        }
        print_message("  not matched (%s, %s row %zu):", r->file, what, row + 1);
        for (size_t c = 0; c < t.ncols; c++)
            print_message(" %s=[%s]", cell(&t, 0, c), cell(&t, row, c));
        print_message("\n");
        /* the closest extracted record: same first or source column */
        for (size_t i = 0; i < n; i++) {
            int near = 0;
            for (size_t c = 0; c < t.ncols; c++)
                if ((!strcmp(cell(&t, 0, c), "source") || !strcmp(cell(&t, 0, c), "id") ||
                     !strcmp(cell(&t, 0, c), "line")) &&
                    !strcmp(field_of(r, k, i, cell(&t, 0, c)), cell(&t, row, c)))
                    near = 1;
            if (!near)
                continue;
            print_message("    extracted:");
            for (size_t c = 0; c < t.ncols; c++)
                if (strcmp(field_of(r, k, i, cell(&t, 0, c)), cell(&t, row, c)))
                    print_message(" %s=[%s]", cell(&t, 0, c), field_of(r, k, i, cell(&t, 0, c)));
            print_message("\n");
        }
    }
    print_message("%s %-10s rows extracted %4zu, rows expected %3zu, rows matched %3zu\n", r->file, what, n,
                  t.nrows - 1, matched);
    size_t expected = t.nrows - 1;
    free(used);
    free_table(&t);
    assert_int_equal(matched, expected);
}

/* ------------------------------------------------------------------ */
/* the five seeds                                                      */
/* ------------------------------------------------------------------ */

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void check_seed(const char *name, const char *tag, ind_extract_kind kind, int year)
{
    char path[1024], gold[1024];
    snprintf(path, sizeof path, "%s%s", SEEDS, name);
    if (!exists(path)) {
        print_message("skipping %s: %s not found (../shared is absent)\n", tag, path);
        skip();
    }
    ind_extract_result r;
    ind_error err;
    ind_status st = ind_extract_file(path, &r, &err);
    assert_int_equal(st, IND_OK);
    assert_int_equal(r.kind, kind);
    assert_int_equal(r.year, year);
    static const char *const files[4] = {"indicators", "goals", "activities", "unread"};
    for (int k = 0; k < 4; k++) {
        snprintf(gold, sizeof gold, "%s%s.%s.csv", GOLD, tag, files[k]);
        if (exists(gold))
            compare(&r, (rkind)k, gold, files[k]);
    }
    print_message("%s: %zu units, %zu observations, %zu goals, %zu activities, %zu fragments unread, "
                  "%zu warnings\n",
                  r.file, r.n_units, r.n_obs, r.n_goals, r.n_activities, r.n_unread, r.n_warnings);
    ind_extract_result_free(&r);
}

static void test_seed_000(void **state)
{
    (void)state;
    check_seed("000_c98ac47261c4500a.txt", "000", IND_EXTRACT_VP, 2026);
}

static void test_seed_001(void **state)
{
    (void)state;
    check_seed("001_12111d8283043763.txt", "001", IND_EXTRACT_VP, 2026);
}

static void test_seed_002(void **state)
{
    (void)state;
    check_seed("002_dacc5ade8f5db593.txt", "002", IND_EXTRACT_VP, 2023);
}

static void test_seed_003(void **state)
{
    (void)state;
    check_seed("003_16392ddf453ddb54.txt", "003", IND_EXTRACT_VB, 2021);
}

static void test_seed_004(void **state)
{
    (void)state;
    check_seed("004_9e024c3de7bc8552.txt", "004", IND_EXTRACT_VP, 2026);
}

static void test_seed_speed(void **state)
{
    (void)state;
    static const char *const names[5] = {"000_c98ac47261c4500a.txt", "001_12111d8283043763.txt",
                                         "002_dacc5ade8f5db593.txt", "003_16392ddf453ddb54.txt",
                                         "004_9e024c3de7bc8552.txt"};
    char path[1024];
    snprintf(path, sizeof path, "%s%s", SEEDS, names[0]);
    if (!exists(path))
        skip();
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < 5; i++) {
        ind_extract_result r;
        snprintf(path, sizeof path, "%s%s", SEEDS, names[i]);
        assert_int_equal(ind_extract_file(path, &r, NULL), IND_OK);
        ind_extract_result_free(&r);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
    print_message("all five seeds extracted in %.3f s\n", s);
    assert_true(s < 3.0); /* about 0.03 s optimised; room for sanitizers and valgrind */
}

/* ------------------------------------------------------------------ */
/* snippets: one oddity each                                           */
/* ------------------------------------------------------------------ */

static void snippet(const char *name, ind_extract_result *r)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s", SNIP, name);
    ind_error err;
    ind_status st = ind_extract_file(path, r, &err);
    if (st != IND_OK)
        fail_msg("%s: %s", path, err.message);
}

static const ind_extract_obs *find(const ind_extract_result *r, const char *indicator, const char *period,
                                   const char *gender)
{
    for (size_t i = 0; i < r->n_obs; i++)
        if (!strcmp(r->obs[i].indicator, indicator) && !strcmp(r->obs[i].period, period) &&
            !strcmp(r->obs[i].gender, gender))
            return &r->obs[i];
    return NULL;
}

static const ind_extract_obs *must(const ind_extract_result *r, const char *indicator, const char *period,
                                   const char *gender)
{
    const ind_extract_obs *o = find(r, indicator, period, gender);
    if (!o)
        fail_msg("no row %s | %s | %s in %s", indicator, period, gender, r->file);
    return o;
}

static int has_warning(const ind_extract_result *r, const char *kind, long line)
{
    for (size_t i = 0; i < r->n_warnings; i++)
        if (!strcmp(r->warnings[i].reason, kind) && (line == 0 || r->warnings[i].line == line))
            return 1;
    return 0;
}

/* VB: one space between cells, one more per empty cell; leading blanks on a
 * values line are empty cells; "%" after any run of blanks; "0" for men. */
static void test_vb_spacing(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vb_spacing.txt", &r);
    assert_int_equal(r.kind, IND_EXTRACT_VB);
    assert_int_equal(r.n_units, 1);
    assert_string_equal(r.units[0], "Enheten för testverksamhet");
    const ind_extract_obs *o = must(&r, "Indexvärde A", "2021", "T");
    assert_string_equal(o->value, "65");
    assert_string_equal(o->target, "65");
    assert_string_equal(o->kf_target, "");
    assert_string_equal(o->goal, "1.2");
    assert_string_equal(must(&r, "Indexvärde A", "2020", "T")->value, "63");
    assert_null(find(&r, "Indexvärde A", "2021", "M"));
    o = must(&r, "Andel B", "2021", "M");
    assert_string_equal(o->value, "79");
    assert_string_equal(o->kf_target, "öka");
    assert_string_equal(must(&r, "Andel B", "2021", "K")->value, "100");
    assert_string_equal(must(&r, "Andel B", "2020", "T")->value, "93");
    o = must(&r, "Andel C", "2021", "T");
    assert_string_equal(o->value, "");
    assert_string_equal(o->target, "");
    assert_string_equal(o->kf_target, "60");
    /* a "0" for men while the total equals the women */
    o = must(&r, "Sjukfrånvaro", "2021-T3", "M");
    assert_string_equal(o->value, "");
    assert_string_equal(o->missing, ".");
    assert_true(has_warning(&r, "zero-gender", o->line));
    o = must(&r, "Sjukfrånvaro", "2021-T3", "T");
    assert_string_equal(o->value, "6.7");
    assert_string_equal(o->kf_target, "Tas fram av nämnd/styrelse");
    assert_string_equal(o->value_unit, "%");
    assert_string_equal(must(&r, "Sjukfrånvaro", "2020-T3", "T")->value, "10.7");
    /* "%" wrapped onto its own line */
    assert_string_equal(must(&r, "Andel utredningar av barn", "2021-T3", "M")->value, "75.64");
    assert_string_equal(must(&r, "Andel utredningar av barn", "2021-T3", "K")->value, "82.14");
    assert_null(find(&r, "Andel utredningar av barn", "2020-T3", "T"));
    assert_int_equal(r.n_unread, 0);
    ind_extract_result_free(&r);
}

/* VP: a name over seven lines, a header over five, a text target that wraps
 * and a leading blank that marks an empty Årsmål. */
static void test_vp_wrapped(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vp_wrapped.txt", &r);
    assert_int_equal(r.kind, IND_EXTRACT_VP);
    assert_int_equal(r.year, 2023);
    assert_int_equal(r.n_obs, 3);
    const ind_extract_obs *o =
        must(&r, "Andel medarbetare som vet var de ska vända sig om hen upplever sig utsatt för "
                 "diskriminering, kränkande särbehandling, trakasserier, sexuella trakasserier och repressalier",
             "2023", "T");
    assert_int_equal(o->line, 15);
    assert_string_equal(o->target, "90");
    assert_string_equal(o->kf_target, "");
    assert_string_equal(o->periodicity, "år");
    assert_string_equal(o->value, "");
    assert_string_equal(o->goal, "3.4");
    o = must(&r, "Antal personal en hemtjänsttagare med minst två besök om dagen möter under en "
                 "14-dagarsperiod", "2023", "T");
    assert_string_equal(o->target, "");
    assert_string_equal(o->kf_target, "Max 10 personer");
    assert_string_equal(r.goals[1].text, "Medarbetare i staden ska ges goda förutsättningar");
    ind_extract_result_free(&r);
}

/* Repeated headers at page breaks: the name and a cut "Tas fram av"
 * continue after the header; prose continues mid-sentence; "Se text nedan"
 * is reported as unread. */
static void test_vb_page_break(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vb_page_break.txt", &r);
    const char *name = "Andel personer som själv upplever att dem får en förbättrad situation av insatsen "
                       "(vuxna missbruk)";
    const ind_extract_obs *o = must(&r, name, "2021", "T");
    assert_string_equal(o->value, "75");
    assert_string_equal(o->target, "30");
    assert_string_equal(o->kf_target, "Tas fram av nämnd");
    assert_int_equal(o->line, 23);
    assert_string_equal(must(&r, name, "2021", "M")->value, "100");
    assert_true(has_warning(&r, "split-cell", 0));
    o = must(&r, "Antal vräkningar som berör barn", "2021-T3", "T");
    assert_string_equal(o->value, "0");
    assert_string_equal(o->target, "0");
    assert_string_equal(must(&r, "Antal vräkningar som berör barn", "2020-T3", "T")->value, "1");
    assert_int_equal(r.n_unread, 1);
    assert_string_equal(r.unread[0].text, "Se text nedan");
    assert_int_equal(r.unread[0].line, 98);
    ind_extract_result_free(&r);
}

/* Page headers between the lines of a name and a page number before the
 * values; a no-break space before "%". */
static void test_vp_page_noise(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vp_page_noise.txt", &r);
    assert_int_equal(r.n_obs, 1);
    const ind_extract_obs *o = must(&r, "Andel inköpta ekologiska livsmedel i kronor", "2026", "T");
    assert_string_equal(o->target, "70");
    assert_string_equal(o->kf_target, "70");
    assert_string_equal(o->value_unit, "%");
    assert_string_equal(r.units[0], "Familjeenheten");
    assert_int_equal(r.n_unread, 0);
    ind_extract_result_free(&r);
}

/* Decimal commas, thousands spaces, units, bands and direction words. */
static void test_vp_numbers(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vp_numbers.txt", &r);
    const ind_extract_obs *o = must(&r, "Antal ungdomar som fått feriejobb i stadens regi", "2026", "T");
    assert_string_equal(o->target, "1300");
    assert_string_equal(o->kf_target, "11500");
    assert_string_equal(o->value_unit, "st");
    assert_string_equal(o->periodicity, "tertial");
    o = must(&r, "Antalet besök på stadens fritidsgårdar", "2026", "T");
    assert_string_equal(o->target, "15000");
    assert_string_equal(o->kf_target, "Tas fram av nämnd");
    o = must(&r, "Sjukfrånvaro dag 1-14", "2026", "T");
    assert_string_equal(o->target, "2.7");
    o = must(&r, "Inköpta förbrukningsartiklar i plast", "2026", "T");
    assert_string_equal(o->target, "36.05");
    assert_string_equal(o->kf_target, "525");
    assert_string_equal(o->value_unit, "ton");
    o = must(&r, "Nämndens prognossäkerhet T2", "2026", "T");
    assert_string_equal(o->target, "+/-1 %");
    assert_string_equal(o->kf_target, "+/- 1 %");
    o = must(&r, "Andel legitimerade förskollärare", "2026", "T");
    assert_string_equal(o->target, "39.5");
    assert_string_equal(o->kf_target, "Ökning");
    o = must(&r, "Andel sjuksköterskor", "2026", "T");
    assert_string_equal(o->target, "0.07");
    ind_extract_result_free(&r);
}

/* "Tas fram av nämnd/styrelse" split as "nämnd/styrel|se" and "nämnd/ styrelse". */
static void test_vp_split_namnd(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vp_split_namnd.txt", &r);
    assert_int_equal(r.n_obs, 2);
    assert_string_equal(must(&r, "Sjukfrånvaro", "2023", "T")->kf_target, "Tas fram av nämnd/styrelse");
    assert_string_equal(must(&r, "Sjukfrånvaro", "2023", "T")->target, "10");
    assert_string_equal(must(&r, "Andel upphandlingar som innehåller krav", "2023", "T")->kf_target,
                        "Tas fram av nämnd/styrelse");
    ind_extract_result_free(&r);
}

/* Unit names only in the tab-indented outline, folded to ASCII and cut. */
static void test_vp_outline(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vp_outline.txt", &r);
    assert_int_equal(r.n_units, 2);
    assert_string_equal(r.units[0], "Familjeenheten");
    assert_string_equal(r.units[1], "Område sysselsättning och stöd");
    assert_string_equal(r.goals[2].id, "1.1.1.E1");
    assert_string_equal(r.goals[2].unit, "Familjeenheten");
    ind_extract_result_free(&r);
}

/* A compact export: empty cells add no blank, so a lone target is
 * ambiguous; a fragment after a header is reported. */
static void test_vp_compact(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vp_compact.txt", &r);
    assert_int_equal(r.n_units, 2);
    const ind_extract_obs *o = must(&r, "Ledarskapsindex", "2026", "T");
    assert_string_equal(o->target, "83");
    assert_string_equal(o->kf_target, "");
    assert_true(has_warning(&r, "ambiguous-target", o->line));
    o = &r.obs[2];
    assert_string_equal(o->indicator, "Antal platser för Stockholmsjobb");
    assert_string_equal(o->target, "");
    assert_string_equal(o->kf_target, "Tas fram av nämnd/styrelse");
    /* decided by the other unit: that indicator's KF:s årsmål is text */
    o = &r.obs[4];
    assert_string_equal(o->unit, "Familjeenheten");
    assert_string_equal(o->target, "1");
    assert_false(has_warning(&r, "ambiguous-target", o->line));
    /* the same value as the KF:s årsmål elsewhere: kept as Årsmål, warned */
    o = &r.obs[3];
    assert_string_equal(o->target, "70");
    assert_true(has_warning(&r, "ambiguous-target", o->line));
    assert_int_equal(r.n_unread, 1);
    assert_string_equal(r.unread[0].text, "med funktionsnedsättning)");
    assert_int_equal(r.unread[0].line, 34);
    ind_extract_result_free(&r);
}

/* A unit named in a title heading, a table of contents skipped. */
static void test_vp_title_toc(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vp_title_toc.txt", &r);
    assert_int_equal(r.n_units, 1);
    assert_string_equal(r.units[0], "Serafens vård- och omsorgsboende");
    assert_int_equal(r.year, 2023);
    assert_int_equal(r.n_goals, 2);
    assert_int_equal(r.goals[0].line, 13);
    assert_string_equal(r.goals[0].text, "Ett Stockholm som håller samman med en stark och jämlik välfärd i hela staden");
    must(&r, "Andel personer som upplever att det känns tryggt att bo på sitt vård- och omsorgsboende", "2023",
         "T");
    ind_extract_result_free(&r);
}

/* "5 % (1 av 22 granskade ärenden)": numerator and denominator kept, in a
 * cell and in running text. */
static void test_vb_freda(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("vb_freda.txt", &r);
    const ind_extract_obs *o = must(&r, "Andel ärenden där FREDA-frågor ställts", "2021", "T");
    assert_string_equal(o->value, "5");
    assert_string_equal(o->numerator, "1");
    assert_string_equal(o->denominator, "22");
    assert_string_equal(o->target, "50");
    assert_string_equal(must(&r, "Andel ärenden där FREDA-frågor ställts", "2020", "T")->value, "14");
    int prose = 0;
    for (size_t i = 0; i < r.n_obs; i++)
        if (!strcmp(r.obs[i].period, "2020") && !strcmp(r.obs[i].numerator, "3")) {
            prose = 1;
            assert_string_equal(r.obs[i].denominator, "22");
            assert_string_equal(r.obs[i].value, "14");
            assert_int_equal(r.obs[i].line, 30);
        }
    assert_true(prose);
    assert_true(has_warning(&r, "prose-ratio", 30));
    ind_extract_result_free(&r);
}

/* Goals without printed ids and recorded assessments. */
static void test_goals(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("goals.txt", &r);
    assert_int_equal(r.n_goals, 7);
    static const char *const ids[7] = {"1", "1.3", "1.3.N1", "1.3.N1.E1", "1.3.N1.E2", "1.3.2", "1.3.2.E1"};
    static const char *const parents[7] = {"", "1", "1.3", "1.3.N1", "1.3.N1", "1.3", "1.3.2"};
    static const char *const ass[7] = {"", "Uppfylls helt", "Uppfylls delvis", "Uppfylls inte", "", "", ""};
    for (int i = 0; i < 7; i++) {
        assert_string_equal(r.goals[i].id, ids[i]);
        assert_string_equal(r.goals[i].parent, parents[i]);
        assert_string_equal(r.goals[i].assessment, ass[i]);
    }
    assert_string_equal(r.goals[0].text, "En modern storstad med möjligheter och valfrihet för alla");
    assert_string_equal(r.goals[0].level, "kf_inriktningsmal");
    assert_string_equal(r.goals[2].level, "namndmal");
    assert_string_equal(r.goals[3].text, "Avdelningsmål: Personer erbjuds stöd");
    assert_string_equal(r.goals[6].level, "enhetsmal");
    ind_extract_result_free(&r);
}

static void test_activities(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("activities.txt", &r);
    assert_int_equal(r.n_activities, 3);
    assert_string_equal(r.activities[0].name, "Avdelningen ska utveckla samarbetet med SHIS i SHIS regi");
    assert_string_equal(r.activities[0].start, "2026-01-01");
    assert_string_equal(r.activities[0].end, "2026-12-31");
    assert_string_equal(r.activities[0].goal, "3.3.1");
    assert_string_equal(r.activities[1].name,
                        "Enheten utvecklar en brukarenkät för utvärdering av Tränings- och försökslägenheter.");
    assert_int_equal(r.activities[1].line, 12);
    assert_string_equal(r.activities[2].name, "Avdelning möjliggör att fler medarbetare använder Svea-chatGPT");
    assert_string_equal(r.activities[2].end, "2026-09-30");
    ind_extract_result_free(&r);
}

static void test_committee(void **state)
{
    (void)state;
    ind_extract_result r;
    snippet("committee.txt", &r);
    assert_int_equal(r.n_units, 1);
    assert_string_equal(r.units[0], "Hässelby-Vällingby stadsdelsnämnd");
    const ind_extract_obs *o = must(&r, "Andel stockholmare som upplever trygghet", "2026", "T");
    assert_string_equal(o->target, "80");
    assert_string_equal(o->kf_target, "80");
    assert_string_equal(o->goal, "3.6.1");
    /* prose after the table is not silently dropped */
    assert_int_equal(r.n_unread, 1);
    ind_extract_result_free(&r);
}

/* The memory entry point: empty, odd and hostile input. */
static void test_buffer(void **state)
{
    (void)state;
    ind_extract_result r;
    ind_error err;
    assert_int_equal(ind_extract_buffer(NULL, NULL, 0, &r, &err), IND_OK);
    assert_int_equal(r.kind, IND_EXTRACT_UNKNOWN);
    assert_int_equal(r.n_obs, 0);
    assert_int_equal(r.n_units, 0);
    assert_string_equal(r.file, "buffer");
    ind_extract_result_free(&r);
    assert_int_equal(ind_extract_buffer("x", NULL, 5, &r, &err), IND_EUSAGE);
    assert_int_equal(ind_extract_buffer("x", "", 0, NULL, &err), IND_EUSAGE);

    static const char crlf[] = "Inledning\r\nVuxenenheten arbetar.\r\nKF:s mål för verksamhetsområdet: 3.4 A\r\n"
                               "  Indikator Årsmål KF:s årsmål år 2026 Periodicitet\r\n\r\n"
                               "Ledarskapsindex 83 82 År\r\n";
    assert_int_equal(ind_extract_buffer("crlf.txt", crlf, sizeof crlf - 1, &r, &err), IND_OK);
    assert_int_equal(r.n_obs, 1);
    assert_string_equal(r.obs[0].target, "83");
    assert_string_equal(r.obs[0].kf_target, "82");
    assert_string_equal(r.file, "crlf.txt");
    ind_extract_result_free(&r);

    char junk[4096];
    unsigned s = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        s = s * 1103515245u + 12345u;
        junk[i] = (char)(s >> 16);
    }
    memcpy(junk + 100, "Indikator Periodens\n65   63 65  2021 \n", 38);
    assert_int_equal(ind_extract_buffer("junk", junk, sizeof junk, &r, &err), IND_OK);
    ind_extract_result_free(&r);
    ind_extract_result_free(&r); /* twice is harmless */
    assert_string_equal(ind_extract_kind_name(IND_EXTRACT_VB), "VB");
    assert_string_equal(ind_extract_kind_name(IND_EXTRACT_VP), "VP");
}

/* ------------------------------------------------------------------ */
/* writing                                                             */
/* ------------------------------------------------------------------ */

static int count_rows(const char *path)
{
    table t;
    if (!read_table(path, &t))
        return -1;
    int n = (int)t.nrows;
    free_table(&t);
    return n;
}

static void slurp(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    size_t n = fread(buf, 1, cap - 1, f);
    buf[n] = '\0';
    fclose(f);
}

static void test_write(void **state)
{
    (void)state;
    char dir[] = "/tmp/indikator-extract-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[1200], path[1400];
    snprintf(out, sizeof out, "%s/out", dir);

    ind_extract_result a, b;
    snippet("vb_spacing.txt", &a);
    snippet("vp_numbers.txt", &b);
    const ind_extract_result *both[2] = {&a, &b};
    ind_error err;
    assert_int_equal(ind_extract_write(both, 2, out, &err), IND_OK);

    snprintf(path, sizeof path, "%s/indicators.csv", out);
    assert_int_equal(count_rows(path), 1 + (int)(a.n_obs + b.n_obs));
    char buf[8192];
    slurp(path, buf, sizeof buf);
    assert_memory_equal(buf, "unit,indicator,period,gender,value,numerator,denominator,sd,target,kf_target,"
                             "missing,goal,note,source,periodicity,value_unit\n", 105);
    assert_non_null(strstr(buf, "Sjukfrånvaro,2021-T3,M,,,,,15,Tas fram av nämnd/styrelse,.,1.2,"));
    assert_non_null(strstr(buf, ",vb_spacing.txt:43,,%\n"));
    assert_non_null(strstr(buf, "Nämndens prognossäkerhet T2,2026,T,,,,,+/-1 %,+/- 1 %,,3.2,,vp_numbers.txt:23,år,\n"));
    snprintf(path, sizeof path, "%s/goals.csv", out);
    assert_int_equal(count_rows(path), 1 + (int)(a.n_goals + b.n_goals));
    slurp(path, buf, sizeof buf);
    assert_memory_equal(buf, "id,level,parent,unit,text,year,assessment\n", 42);
    snprintf(path, sizeof path, "%s/activities.csv", out);
    assert_int_equal(count_rows(path), 1);
    snprintf(path, sizeof path, "%s/unread.csv", out);
    assert_int_equal(count_rows(path), 1);
    snprintf(path, sizeof path, "%s/warnings.csv", out);
    assert_int_equal(count_rows(path), 1 + (int)(a.n_warnings + b.n_warnings));

    /* no temporary files are left behind */
    DIR *d = opendir(out);
    assert_non_null(d);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        assert_true(e->d_name[0] != '.');
        files++;
    }
    closedir(d);
    assert_int_equal(files, 5);

    /* rewriting replaces the files */
    assert_int_equal(ind_extract_write(both, 1, out, &err), IND_OK);
    snprintf(path, sizeof path, "%s/indicators.csv", out);
    assert_int_equal(count_rows(path), 1 + (int)a.n_obs);
    ind_extract_result_free(&a);
    ind_extract_result_free(&b);

    /* an input named like an output is never overwritten */
    char in[1400], orig[8192], now[8192];
    snprintf(in, sizeof in, "%s/indicators.csv", dir);
    snprintf(path, sizeof path, "%svp_numbers.txt", SNIP);
    slurp(path, orig, sizeof orig);
    FILE *f = fopen(in, "wb");
    assert_non_null(f);
    fputs(orig, f);
    fclose(f);
    assert_int_equal(ind_extract_file(in, &a, &err), IND_OK);
    const ind_extract_result *one[1] = {&a};
    assert_int_equal(ind_extract_write(one, 1, dir, &err), IND_EUSAGE);
    slurp(in, now, sizeof now);
    assert_string_equal(now, orig);
    ind_extract_result_free(&a);

    /* a file where a directory should be */
    assert_int_equal(ind_extract_write(one, 0, in, &err), IND_EUSAGE);
    assert_int_equal(ind_extract_write(one, 0, NULL, &err), IND_EUSAGE);

    /* clean up */
    static const char *const names[5] = {"indicators.csv", "goals.csv", "activities.csv", "unread.csv",
                                         "warnings.csv"};
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/%s", out, names[i]);
        unlink(path);
    }
    rmdir(out);
    unlink(in);
    rmdir(dir);
}

static void test_missing_file(void **state)
{
    (void)state;
    ind_extract_result r;
    ind_error err;
    assert_int_equal(ind_extract_file("/nonexistent/dir/x.txt", &r, &err), IND_EIO);
    assert_int_equal(r.n_obs, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vb_spacing),
        cmocka_unit_test(test_vp_wrapped),
        cmocka_unit_test(test_vb_page_break),
        cmocka_unit_test(test_vp_page_noise),
        cmocka_unit_test(test_vp_numbers),
        cmocka_unit_test(test_vp_split_namnd),
        cmocka_unit_test(test_vp_outline),
        cmocka_unit_test(test_vp_compact),
        cmocka_unit_test(test_vp_title_toc),
        cmocka_unit_test(test_vb_freda),
        cmocka_unit_test(test_goals),
        cmocka_unit_test(test_activities),
        cmocka_unit_test(test_committee),
        cmocka_unit_test(test_buffer),
        cmocka_unit_test(test_write),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_seed_000),
        cmocka_unit_test(test_seed_001),
        cmocka_unit_test(test_seed_002),
        cmocka_unit_test(test_seed_003),
        cmocka_unit_test(test_seed_004),
        cmocka_unit_test(test_seed_speed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
