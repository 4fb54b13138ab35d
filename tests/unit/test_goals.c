/* test_goals.c: engine/goals: reading goal hierarchies, their order and depth,
 * the roll-up of indicator verdicts to goals and ancestors, the proposed
 * assessment, and bad goals files. Every expected tally is worked out by hand
 * in the comments from the small dataset below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attain.h"
#include "catalog.h"
#include "dataset.h"
#include "goals.h"
#include "ingest.h"

/* Written children first and 3.4.10 before 3.4.2, so the order has to be made. */
static const char goals_csv[] =
    "id,level,parent,unit,text,year,assessment\n"
    "E3,enhetsmal,3.4.2,Alfa,Alfas medarbetare trivs,2025,Uppfylls inte\n"
    "3.4.10,namndmal,3.4,,Nämndmål 3.4.10,2025,\n"
    "3.4.2,nämndmål,3.4,,Nämndmål 3.4.2,2025,\n"
    "3.4,kf_verksamhetsmal,3,,KF-mål 3.4,2025,\n"
    "3,kf_inriktningsmal,,,Inriktningsmål 3,2025,\n"
    "E2,enhetsmal,1.1.1,Beta,Betas enhetsmål,2025,Uppfylls delvis\n"
    "E1,Enhetsmal,1.1.1,Alfa,Alfas enhetsmål,2025,Uppfylls helt\n"
    "1.1.1,namndmal,1.1,,Nämndmål 1.1.1,2025,Uppfylls helt\n"
    "1.1,kf_verksamhetsmal,1,,KF-mål 1.1,2025,\n"
    "1,kf_inriktningsmal,,,Inriktningsmål 1,2025,\n";

static const char catalog_csv[] =
    "id,name,aliases,measure,direction,periodicity,by_gender,decimals,kf_scope,tolerance\n"
    "i1,Indikator 1,,index,higher,år,ja,0,unit,\n"
    "i2,Indikator 2,,index,higher,år,nej,0,unit,\n"
    "i3,Indikator 3,,index,higher,år,nej,0,unit,\n"
    "i4,Indikator 4,,index,higher,år,nej,0,unit,\n"
    "i5,Indikator 5,,index,higher,år,nej,0,unit,\n"
    "i6,Indikator 6,,index,higher,år,nej,0,unit,\n"
    "i7,Indikator 7,,index,higher,år,nej,0,unit,\n"
    "i8,Indikator 8,,index,higher,år,nej,0,unit,\n"
    "i9,Indikator 9,,index,higher,år,nej,0,unit,\n"
    "i10,Indikator 10,,index,higher,tertial,nej,0,unit,\n";

/* Verdicts under the default rule (delvis within 5 % of the target; 5 % of 73 = 3.65). */
static const char data_csv[] =
    "unit,indicator,period,gender,value,numerator,denominator,sd,target,kf_target,missing,goal,note,source\n"
    /* E1 (Alfa): three met */
    "Alfa,Indikator 1,2025,T,80,,,,73,,,E1,,\n"          /* 80 >= 73: met */
    "Alfa,Indikator 1,2025,K,10,,,,,,,E1,,\n"            /* a K row: not counted (totals only) */
    "Alfa,Indikator 1,2024,T,10,,,,73,,,E1,,\n"          /* 2024: not counted for 2025 */
    "Alfa,Indikator 2,2025,T,75,,,,70,,,E1,,\n"          /* 75 >= 70: met */
    "Alfa,Indikator 10,2025-T1,T,60,,,,73,,,E1,,\n"      /* T1 not met, but ... */
    "Alfa,Indikator 10,2025-T3,T,74,,,,73,,,E1,,\n"      /* ... the year-end speaks for 2025: met */
    /* E2 (Beta): 1 met, 1 partly, 2 not met */
    "Beta,Indikator 1,2025,T,73,,,,73,,,E2,,\n"          /* on target: met */
    "Beta,Indikator 2,2025,T,71,,,,73,,,E2,,\n"          /* -2 within 3.65: partly */
    "Beta,Indikator 3,2025,T,60,,,,73,,,E2,,\n"          /* -13: not met */
    "Beta,Indikator 4,2025,T,50,,,,73,,,E2,,\n"          /* -23: not met */
    "Beta,Indikator 5,2025,T,10,,,,73,,,E1,,\n"          /* Beta has no goal E1: counted nowhere */
    /* E3 (Alfa): 1 partly, 2 not met, 1 unjudged */
    "Alfa,Indikator 5,2025,T,71,,,,73,,,E3,,\n"          /* partly */
    "Alfa,Indikator 6,2025,T,60,,,,73,,,E3,,\n"          /* not met */
    "Alfa,Indikator 7,2025,T,50,,,,73,,,E3,,\n"          /* not met */
    "Alfa,Indikator 8,2025,T,50,,,,Tas fram av nämnd/styrelse,,,E3,,\n" /* no numeric target */
    /* 3.4.10 (no unit): one unjudged row */
    "Beta,Indikator 8,2025,T,50,,,,Tas fram av nämnd/styrelse,,,3.4.10,,\n"
    /* 3.4 (no unit: every unit's rows): two met */
    "Alfa,Indikator 9,2025,T,90,,,,80,,,3.4,,\n"
    "Beta,Indikator 9,2025,T,85,,,,80,,,3.4,,\n";

typedef struct {
    ind_catalog *cat;
    ind_dataset *ds;
    ind_goals *g;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    ind_error err;
    ind_error_clear(&err);
    char msg[2048];
    f->cat = ind_catalog_new();
    f->ds = ind_dataset_new(f->cat);
    f->g = ind_goals_new();
    if (ind_catalog_load_buffer(f->cat, "catalog.csv", catalog_csv, strlen(catalog_csv), &err) != IND_OK ||
        ind_ingest_buffer(f->ds, "data.csv", data_csv, strlen(data_csv), NULL, NULL, &err) != IND_OK ||
        ind_dataset_finish(f->ds, &err) != IND_OK ||
        ind_goals_load_buffer(f->g, "goals.csv", goals_csv, strlen(goals_csv), &err) != IND_OK) {
        fprintf(stderr, "setup: %s\n", ind_error_format(&err, msg, sizeof msg));
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ind_goals_free(f->g);
    ind_dataset_free(f->ds);
    ind_catalog_free(f->cat);
    free(f);
    return 0;
}

/* Index of goal id (of unit, "" for none). */
static size_t goal_index(const ind_goals *g, const char *id, const char *unit)
{
    for (size_t i = 0; i < ind_goals_count(g); i++) {
        const ind_goal *x = ind_goals_at(g, i);
        if (strcmp(x->id, id) == 0 && strcmp(x->unit, unit) == 0)
            return i;
    }
    fail_msg("goal %s (%s) not loaded", id, unit);
    return 0;
}

static void test_load(void **state)
{
    fixture *f = *state;
    assert_int_equal(ind_goals_count(f->g), 10);
    const ind_goal *e1 = ind_goals_at(f->g, goal_index(f->g, "E1", "Alfa"));
    assert_string_equal(e1->parent, "1.1.1");
    assert_string_equal(e1->text, "Alfas enhetsmål");
    assert_string_equal(e1->file, "goals.csv");
    assert_int_equal(e1->line, 8);
    assert_int_equal(e1->year, 2025);
    assert_int_equal(e1->level, IND_GOAL_UNIT); /* "Enhetsmal": any case */
    assert_int_equal(e1->recorded, IND_ASSESS_FULL);
    assert_int_equal(ind_goals_at(f->g, goal_index(f->g, "3.4.2", ""))->level, IND_GOAL_COMMITTEE);
    assert_int_equal(ind_goals_at(f->g, goal_index(f->g, "3.4.10", ""))->recorded, IND_ASSESS_NONE);
    assert_null(ind_goals_at(f->g, 10));
}

static void test_order_and_depth(void **state)
{
    fixture *f = *state;
    /* parents before children; siblings by id with numbers compared as numbers
     * (3.4.2 before 3.4.10); unit goals under a shared nämndmål by unit (Alfa, Beta) */
    static const struct {
        const char *id, *unit;
        int depth;
    } want[] = {{"1", "", 0},       {"1.1", "", 1},    {"1.1.1", "", 2}, {"E1", "Alfa", 3},
                {"E2", "Beta", 3},  {"3", "", 0},      {"3.4", "", 1},   {"3.4.2", "", 2},
                {"E3", "Alfa", 3},  {"3.4.10", "", 2}};
    size_t count = 0;
    size_t *order = ind_goals_order(f->g, &count);
    assert_non_null(order);
    assert_int_equal(count, 10);
    for (size_t k = 0; k < count; k++) {
        const ind_goal *x = ind_goals_at(f->g, order[k]);
        if (strcmp(x->id, want[k].id) != 0 || strcmp(x->unit, want[k].unit) != 0)
            fail_msg("position %zu: %s (%s), expected %s (%s)", k, x->id, x->unit, want[k].id, want[k].unit);
        assert_int_equal(ind_goals_depth(f->g, order[k]), want[k].depth);
    }
    free(order);
}

typedef struct {
    const char *id, *unit;
    size_t met, partly, not_met, unjudged;
    ind_assessment proposed;
} tally_want;

static void check_tallies(const fixture *f, const ind_goal_tally *t, const tally_want *want, size_t n,
                          int year)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = goal_index(f->g, want[k].id, want[k].unit);
        if (t[i].met != want[k].met || t[i].partly != want[k].partly || t[i].not_met != want[k].not_met ||
            t[i].unjudged != want[k].unjudged)
            fail_msg("%s: tally %zu/%zu/%zu/%zu, expected %zu/%zu/%zu/%zu", want[k].id, t[i].met,
                     t[i].partly, t[i].not_met, t[i].unjudged, want[k].met, want[k].partly,
                     want[k].not_met, want[k].unjudged);
        if (t[i].proposed != want[k].proposed)
            fail_msg("%s: proposed \"%s\", expected \"%s\"", want[k].id, ind_assessment_code(t[i].proposed),
                     ind_assessment_code(want[k].proposed));
        assert_int_equal(t[i].year, year);
    }
}

static void test_rollup_default(void **state)
{
    fixture *f = *state;
    /* met / partly / not met / unjudged; the default rule: helt when every judged one is
     * met, inte when fewer than half are met or partly met, else delvis; none judged: none */
    static const tally_want want[] = {
        /* own rows */
        {"E1", "Alfa", 3, 0, 0, 0, IND_ASSESS_FULL},   /* 3/3 met */
        {"E2", "Beta", 1, 1, 2, 0, IND_ASSESS_PARTLY}, /* met or partly 2/4 = half: not fewer */
        {"E3", "Alfa", 0, 1, 2, 1, IND_ASSESS_NOT},    /* met or partly 1/3 < half */
        {"3.4.10", "", 0, 0, 0, 1, IND_ASSESS_NONE},   /* nothing judged: no proposal */
        /* rolled up: E1 + E2 = 4/1/2/0: met 4/7 < 1, met or partly 5/7 >= 1/2 */
        {"1.1.1", "", 4, 1, 2, 0, IND_ASSESS_PARTLY},
        {"1.1", "", 4, 1, 2, 0, IND_ASSESS_PARTLY},
        {"1", "", 4, 1, 2, 0, IND_ASSESS_PARTLY},
        /* 3.4.2 = E3 */
        {"3.4.2", "", 0, 1, 2, 1, IND_ASSESS_NOT},
        /* 3.4: own 2/0/0/0 + 3.4.2 0/1/2/1 + 3.4.10 0/0/0/1 = 2/1/2/2: met 2/5, met or partly 3/5 */
        {"3.4", "", 2, 1, 2, 2, IND_ASSESS_PARTLY},
        {"3", "", 2, 1, 2, 2, IND_ASSESS_PARTLY},
    };
    ind_goal_tally t[10];
    ind_error err;
    ind_error_clear(&err);
    assert_int_equal(ind_goals_rollup(f->g, f->ds, NULL, NULL, 2025, t, &err), IND_OK);
    check_tallies(f, t, want, sizeof want / sizeof want[0], 2025);

    /* the VB's recorded assessment against the proposal: 1.1.1 is recorded "helt" but
     * only 4 of 7 indicators are met (cf. 003 line 710); the others agree */
    size_t disagree = 0;
    for (size_t i = 0; i < ind_goals_count(f->g); i++) {
        const ind_goal *x = ind_goals_at(f->g, i);
        if (x->recorded && t[i].proposed && x->recorded != t[i].proposed) {
            assert_string_equal(x->id, "1.1.1");
            assert_int_equal(x->recorded, IND_ASSESS_FULL);
            assert_int_equal(t[i].proposed, IND_ASSESS_PARTLY);
            disagree++;
        }
    }
    assert_int_equal(disagree, 1);
}

static void test_rollup_rule(void **state)
{
    fixture *f = *state;
    /* helt from half met, inte below 80 % met or partly */
    ind_rollup_rule rule = {0.5, 0.8};
    static const tally_want want[] = {
        {"E1", "Alfa", 3, 0, 0, 0, IND_ASSESS_FULL},     /* 3/3 >= 0.5 */
        {"E2", "Beta", 1, 1, 2, 0, IND_ASSESS_NOT},      /* met 1/4 < 0.5; 2/4 < 0.8 */
        {"1.1.1", "", 4, 1, 2, 0, IND_ASSESS_FULL},      /* met 4/7 = 0.571 >= 0.5 */
        {"3.4", "", 2, 1, 2, 2, IND_ASSESS_NOT},         /* met 2/5 < 0.5; 3/5 < 0.8 */
        {"3.4.10", "", 0, 0, 0, 1, IND_ASSESS_NONE},
    };
    ind_goal_tally t[10];
    ind_attain_policy policy;
    ind_attain_policy_default(&policy);
    assert_int_equal(ind_goals_rollup(f->g, f->ds, &policy, &rule, 2025, t, NULL), IND_OK);
    check_tallies(f, t, want, sizeof want / sizeof want[0], 2025);

    /* an absolute delvis band of 1 turns Beta's 71 vs 73 (-2) into not met:
     * E2 = 1/0/3/0, met or partly 1/4 < 1/2: inte under the default rule */
    policy.tolerance = 1;
    policy.tolerance_relative = 0;
    static const tally_want want2[] = {{"E2", "Beta", 1, 0, 3, 0, IND_ASSESS_NOT}};
    assert_int_equal(ind_goals_rollup(f->g, f->ds, &policy, NULL, 2025, t, NULL), IND_OK);
    check_tallies(f, t, want2, 1, 2025);
}

static void test_rollup_year(void **state)
{
    fixture *f = *state;
    /* goals without a year: judged for the year asked, or the latest year with an outcome */
    static const char csv[] = "id,level,unit\nE1,enhetsmal,Alfa\n";
    ind_goals *g = ind_goals_new();
    ind_error err;
    ind_error_clear(&err);
    assert_int_equal(ind_goals_load_buffer(g, "g.csv", csv, strlen(csv), &err), IND_OK);
    assert_int_equal(ind_goals_at(g, 0)->year, 0);
    ind_goal_tally t[1];
    /* year 0: the latest year with an outcome is 2025: E1 = 3 met, as above */
    assert_int_equal(ind_goals_rollup(g, f->ds, NULL, NULL, 0, t, &err), IND_OK);
    assert_int_equal(t[0].year, 2025);
    assert_int_equal(t[0].met, 3);
    assert_int_equal(t[0].not_met, 0);
    assert_int_equal(t[0].proposed, IND_ASSESS_FULL);
    /* 2024: Indikator 1 had 10 against 73: not met; nothing else in 2024 */
    assert_int_equal(ind_goals_rollup(g, f->ds, NULL, NULL, 2024, t, &err), IND_OK);
    assert_int_equal(t[0].year, 2024);
    assert_int_equal(t[0].met, 0);
    assert_int_equal(t[0].not_met, 1);
    assert_int_equal(t[0].proposed, IND_ASSESS_NOT);
    ind_goals_free(g);
}

/* A goals file's units are found in the data by the one rule of ind_text_find:
 * "ALFA" and "alfa" are the data's "Alfa" (and then count its rows: E1 = 3 met,
 * as above); a unit the data has not is kept as written. */
static void test_match_units(void **state)
{
    fixture *f = *state;
    static const char csv[] = "id,level,unit,year\nE1,enhetsmal,ALFA,2025\nE2,enhetsmal,Gamma,2025\n"
                              "E3,enhetsmal,alfa,2025\n";
    ind_goals *g = ind_goals_new();
    ind_error err;
    ind_error_clear(&err);
    assert_int_equal(ind_goals_load_buffer(g, "g.csv", csv, strlen(csv), &err), IND_OK);
    ind_goal_tally t[3];
    assert_int_equal(ind_goals_rollup(g, f->ds, NULL, NULL, 0, t, &err), IND_OK);
    assert_int_equal(t[0].met, 0); /* "ALFA" is not "Alfa" byte for byte */
    assert_int_equal(ind_goals_match_units(g, f->ds, &err), IND_OK);
    assert_string_equal(ind_goals_at(g, 0)->unit, "Alfa");
    assert_string_equal(ind_goals_at(g, 1)->unit, "Gamma");
    assert_string_equal(ind_goals_at(g, 2)->unit, "Alfa");
    assert_int_equal(ind_goals_rollup(g, f->ds, NULL, NULL, 0, t, &err), IND_OK);
    assert_int_equal(t[0].met, 3);
    assert_int_equal(t[0].proposed, IND_ASSESS_FULL);
    ind_goals_free(g);

    /* two units that differ only in case: "ALFA" could be either */
    static const char data[] = "unit,indicator,period,value\nAlfa,Indikator 1,2025,80\nalfa,Indikator 1,2025,70\n";
    ind_catalog *cat = ind_catalog_new();
    ind_dataset *ds = ind_dataset_new(cat);
    assert_int_equal(ind_ingest_buffer(ds, "two.csv", data, strlen(data), NULL, NULL, &err), IND_OK);
    assert_int_equal(ind_dataset_finish(ds, &err), IND_OK);
    g = ind_goals_new();
    assert_int_equal(ind_goals_load_buffer(g, "g.csv", csv, strlen(csv), &err), IND_OK);
    assert_int_equal(ind_goals_match_units(g, ds, &err), IND_EINPUT);
    assert_string_equal(err.file, "g.csv");
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "\"ALFA\" of goal \"E1\" matches both \"Alfa\" and \"alfa\""));
    ind_goals_free(g);
    g = ind_goals_new();
    static const char exact[] = "id,level,unit\nE1,enhetsmal,alfa\n";
    assert_int_equal(ind_goals_load_buffer(g, "g.csv", exact, strlen(exact), &err), IND_OK);
    assert_int_equal(ind_goals_match_units(g, ds, &err), IND_OK); /* byte for byte wins */
    assert_string_equal(ind_goals_at(g, 0)->unit, "alfa");
    ind_goals_free(g);
    ind_dataset_free(ds);
    ind_catalog_free(cat);
}

static void test_year_obs(void **state)
{
    fixture *f = *state;
    /* a tertial series: the year-end T3 speaks for 2025 */
    long s = ind_dataset_find_series(f->ds, "Alfa", "Indikator 10", IND_GENDER_T);
    assert_true(s >= 0);
    long i = ind_series_year_obs(f->ds, (size_t)s, 2025);
    assert_true(i >= 0);
    assert_int_equal(ind_dataset_period(f->ds, (size_t)i), ind_period_make(2025, IND_PERIOD_TERTIAL, 3));
    assert_int_equal(ind_series_year_obs(f->ds, (size_t)s, 2024), -1);
}

/* ---- bad goals files: each names file, line and column ------------------- */

typedef struct {
    const char *what;
    const char *csv;
    long line, column;
    const char *message_part;
} bad_case;

#define HEAD "id,level,parent,unit,text,year,assessment\n"
#define ROOT "1,kf_inriktningsmal,,,Ett,2025,\n"

static const bad_case bad[] = {
    {"unknown level", HEAD ROOT "1.1,kf_delmal,1,,Två,2025,\n", 3, 2, "unknown level \"kf_delmal\""},
    {"unknown parent", HEAD ROOT "1.1,kf_verksamhetsmal,9,,Två,2025,\n", 3, 3, "\"9\""},
    {"duplicate goal", HEAD ROOT "1,kf_inriktningsmal,,,Ett igen,2025,\n", 3, 1, "also line 2"},
    {"bad year", HEAD ROOT "1.1,kf_verksamhetsmal,1,,Två,20x5,\n", 3, 6, "\"20x5\" is not a year"},
    {"year out of range", HEAD ROOT "1.1,kf_verksamhetsmal,1,,Två,1066,\n", 3, 6, "\"1066\" is not a year"},
    {"unknown assessment", HEAD ROOT "1.1,kf_verksamhetsmal,1,,Två,2025,Uppfylls kanske\n", 3, 7,
     "unknown assessment \"Uppfylls kanske\""},
    {"unknown column", "id,level,colour\n1,namndmal,blå\n", 1, 3, "unknown goals column \"colour\""},
    {"missing id column", "level,text\nnamndmal,x\n", 1, 0, "id and level"},
    {"empty id", HEAD ROOT ",namndmal,1,,Två,2025,\n", 3, 1, "empty"},
    {"short row", HEAD ROOT "1.1,namndmal,1\n", 3, 3, "3 fields"},
    /* the parent exists, but for another year: it would never be linked */
    {"parent of another year", HEAD "1,kf_inriktningsmal,,,Ett,2024,\n"
                                    "1.1,kf_verksamhetsmal,1,,Två,2025,\n", 3, 3, "\"1\""},
    /* the parent exists, but for another unit */
    {"parent of another unit", HEAD "E1,enhetsmal,,Alfa,Ett,2025,\n"
                                    "E1.1,enhetsmal,E1,Beta,Två,2025,\n", 3, 3, "\"E1\""},
    /* a goal may not be its own ancestor */
    {"cycle", HEAD "A,namndmal,B,,A,2025,\nB,namndmal,A,,B,2025,\n", 2, 3, "ancestor"},
    {"own parent", HEAD "A,namndmal,A,,A,2025,\n", 2, 3, "\"A\""},
};

static void test_bad_files(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        ind_goals *g = ind_goals_new();
        ind_error err;
        ind_error_clear(&err);
        ind_status st = ind_goals_load_buffer(g, "bad-goals.csv", bad[k].csv, strlen(bad[k].csv), &err);
        char msg[2048];
        ind_error_format(&err, msg, sizeof msg);
        if (st != IND_EINPUT || err.status != IND_EINPUT)
            fail_msg("%s: status %d, expected IND_EINPUT (%s)", bad[k].what, (int)st, msg);
        if (strcmp(err.file, "bad-goals.csv") != 0 || err.line != bad[k].line || err.column != bad[k].column)
            fail_msg("%s: at %s:%ld:%ld, expected bad-goals.csv:%ld:%ld (%s)", bad[k].what, err.file,
                     err.line, err.column, bad[k].line, bad[k].column, msg);
        if (!strstr(err.message, bad[k].message_part))
            fail_msg("%s: message \"%s\" lacks \"%s\"", bad[k].what, err.message, bad[k].message_part);
        ind_goals_free(g);
    }
}

static void test_good_variants(void **state)
{
    (void)state;
    /* accepted: Swedish level names, assessment words in any case, a unit goal under a
     * unit goal of the same unit, a parent without a year for a child with one */
    static const char csv[] =
        "id,level,parent,unit,text,year,assessment\n"
        "1,KF:s inriktningsmål,,,Ett,,\n"
        "1.1,verksamhetsmål,1,,Två,2025,uppfylls DELVIS\n"
        "E1,enhetsmål,1.1,Alfa,Tre,2025,helt\n"
        "E1.1,enhetsmal,E1,Alfa,Fyra,2025,Inte\n";
    ind_goals *g = ind_goals_new();
    ind_error err;
    ind_error_clear(&err);
    char msg[2048];
    if (ind_goals_load_buffer(g, "ok.csv", csv, strlen(csv), &err) != IND_OK)
        fail_msg("%s", ind_error_format(&err, msg, sizeof msg));
    assert_int_equal(ind_goals_count(g), 4);
    assert_int_equal(ind_goals_at(g, 1)->recorded, IND_ASSESS_PARTLY);
    assert_int_equal(ind_goals_at(g, 2)->recorded, IND_ASSESS_FULL);
    assert_int_equal(ind_goals_at(g, 3)->recorded, IND_ASSESS_NOT);
    assert_int_equal(ind_goals_depth(g, 0), 0);
    assert_int_equal(ind_goals_depth(g, 1), 1);
    assert_int_equal(ind_goals_depth(g, 2), 2);
    assert_int_equal(ind_goals_depth(g, 3), 3);
    ind_goals_free(g);
}

static void test_codes(void **state)
{
    (void)state;
    ind_assessment a;
    assert_int_equal(ind_assessment_parse("Uppfylls helt", &a), 0);
    assert_int_equal(a, IND_ASSESS_FULL);
    assert_int_equal(ind_assessment_parse("", &a), 0);
    assert_int_equal(a, IND_ASSESS_NONE);
    assert_int_equal(ind_assessment_parse("kanske", &a), -1);
    assert_string_equal(ind_assessment_code(IND_ASSESS_PARTLY), "partly");
    assert_string_equal(ind_assessment_label_sv(IND_ASSESS_NOT), "Uppfylls inte");
    assert_string_equal(ind_goal_level_code(IND_GOAL_COMMITTEE), "namndmal");
    assert_string_equal(ind_goal_level_label_sv(IND_GOAL_UNIT), "Enhetsmål");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_load, setup, teardown),
        cmocka_unit_test_setup_teardown(test_order_and_depth, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollup_default, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollup_rule, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollup_year, setup, teardown),
        cmocka_unit_test_setup_teardown(test_match_units, setup, teardown),
        cmocka_unit_test_setup_teardown(test_year_obs, setup, teardown),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_good_variants),
        cmocka_unit_test(test_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
