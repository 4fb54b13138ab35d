/* goals.h: the goal hierarchy (KF:s inriktningsmål → … → enhetsmål) and the proposed assessment of each goal. */
#ifndef IND_GOALS_H
#define IND_GOALS_H

#include <stddef.h>

#include "attain.h"
#include "dataset.h"
#include "ind_error.h"

typedef enum {
    IND_GOAL_KF_DIRECTION = 0, /* KF:s inriktningsmål ("3.") */
    IND_GOAL_KF_AREA,          /* KF:s mål för verksamhetsområdet ("3.4") */
    IND_GOAL_COMMITTEE,        /* nämndmål ("3.4.1") */
    IND_GOAL_UNIT              /* enhetsmål */
} ind_goal_level;

typedef enum {
    IND_ASSESS_NONE = 0,
    IND_ASSESS_FULL,   /* Uppfylls helt */
    IND_ASSESS_PARTLY, /* Uppfylls delvis */
    IND_ASSESS_NOT     /* Uppfylls inte */
} ind_assessment;

typedef struct {
    char *id, *parent, *unit, *text, *file;
    ind_goal_level level;
    int year;                /* 0 when the file gives none */
    ind_assessment recorded; /* as the VB records it */
    long line;
} ind_goal;

typedef struct ind_goals ind_goals;

ind_goals *ind_goals_new(void);
void ind_goals_free(ind_goals *g);
/* Reads a goals CSV: id, level, parent, unit, text, year, assessment. */
ind_status ind_goals_load_file(ind_goals *g, const char *path, ind_error *err);
ind_status ind_goals_load_buffer(ind_goals *g, const char *name, const char *data, size_t size,
                                 ind_error *err);
size_t ind_goals_count(const ind_goals *g);
const ind_goal *ind_goals_at(const ind_goals *g, size_t i);
/* Writes each goal's unit as the data spells it, found by the one rule of
 * ind_text_find ("vuxenenheten" in a goals file is the data's
 * "Vuxenenheten"); a unit the data does not have is kept as written. A unit
 * that matches two of the data's units is bad input (IND_EINPUT, naming the
 * goals file and line). */
ind_status ind_goals_match_units(ind_goals *g, const ind_dataset *ds, ind_error *err);
/* The goals in hierarchy order: each parent before its children, siblings by id. */
size_t *ind_goals_order(const ind_goals *g, size_t *count);
/* Depth of goal i in the hierarchy (0 for a root). */
int ind_goals_depth(const ind_goals *g, size_t i);

/* The roll-up rule: among a goal's judged indicators (met, partly, not met,
 * its own and its sub-goals'), "Uppfylls helt" when the share met is at least
 * full_share, "Uppfylls inte" when the share met or partly is below
 * not_share, otherwise "Uppfylls delvis". No judged indicator: no proposal. */
typedef struct {
    double full_share; /* default 1.0: every indicator met */
    double not_share;  /* default 0.5 */
} ind_rollup_rule;

void ind_rollup_rule_default(ind_rollup_rule *rule);

typedef struct {
    size_t met, partly, not_met, unjudged;
    ind_assessment proposed;
    int year; /* the year judged */
} ind_goal_tally;

/* Tallies the verdicts of the indicators linked to each goal (observation
 * column "goal" = goal id, same unit; a goal without a unit takes every
 * unit's rows) for the goal's year (or `year` when the goal has none, or the
 * latest year with an outcome when year is 0), total gender only, and adds
 * sub-goals' tallies to their parents. tallies has ind_goals_count entries. */
ind_status ind_goals_rollup(const ind_goals *g, const ind_dataset *ds, const ind_attain_policy *policy,
                            const ind_rollup_rule *rule, int year, ind_goal_tally *tallies,
                            ind_error *err);

/* The same with another judge: judge(user, ds, series, year, &obs, &verdict)
 * returns 0 and the observation it judged (its goal column links it) and the
 * verdict (met, partly and not met count; anything else is unjudged), or -1
 * when the series has nothing to judge. A tertial report rolls up the
 * indicators' prognoses this way, by the same rule as the VB. */
typedef int (*ind_goals_judge_fn)(void *user, const ind_dataset *ds, size_t series, int year, size_t *obs,
                                  ind_verdict *verdict);
ind_status ind_goals_rollup_by(const ind_goals *g, const ind_dataset *ds, const ind_rollup_rule *rule, int year,
                               ind_goals_judge_fn judge, void *user, ind_goal_tally *tallies, ind_error *err);

/* The observation of a series that speaks for a year: the year itself, else
 * the last period of that year with an outcome (T3 before T2 ...). -1 when none. */
long ind_series_year_obs(const ind_dataset *ds, size_t series, int year);

const char *ind_goal_level_code(ind_goal_level l);
const char *ind_goal_level_label_sv(ind_goal_level l);
const char *ind_assessment_code(ind_assessment a);     /* "full", "partly", "not", "" */
const char *ind_assessment_label_sv(ind_assessment a); /* "Uppfylls helt", ... */
const char *ind_assessment_label_en(ind_assessment a);
int ind_assessment_parse(const char *s, ind_assessment *out);

#endif
