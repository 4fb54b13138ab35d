/* extract_doc_internal.h: the extractor's per-document state, emitting of results and line classification (extract_doc.c; not public). */
#ifndef IND_EXTRACT_DOC_INTERNAL_H
#define IND_EXTRACT_DOC_INTERNAL_H

#include "extract.h"
#include "extract_text_internal.h"

#define x_new_obs ind_extract_i_x_new_obs
#define x_new_activity ind_extract_i_x_new_activity
#define x_new_goal ind_extract_i_x_new_goal
#define x_unread ind_extract_i_x_unread
#define x_warn ind_extract_i_x_warn
#define x_start_unit ind_extract_i_x_start_unit
#define x_unit_for_emit ind_extract_i_x_unit_for_emit
#define x_classify ind_extract_i_x_classify
#define x_goal_kind ind_extract_i_x_goal_kind
#define x_goal_prefix ind_extract_i_x_goal_prefix
#define x_is_goal_heading ind_extract_i_x_is_goal_heading
#define x_is_unit_marker ind_extract_i_x_is_unit_marker
#define x_is_section_end ind_extract_i_x_is_section_end
#define x_is_prose_marker ind_extract_i_x_is_prose_marker
#define x_table_header ind_extract_i_x_table_header

typedef struct {
    char *name;      /* resolved at the end */
    char *title;     /* from "Verksamhetsplan YYYY för X" */
    long line;       /* first line */
    int content;     /* has goals or tables */
    size_t first_goal, n_goal_start;
} xunit;

typedef struct {
    const char *name;          /* basename */
    xline *lines;
    size_t n;
    int spaced;                /* trailing blanks mark soft line ends */
    int cells_spaced;          /* empty cells add a space in value rows */
    int vp_year;
    ind_extract_kind kind;

    xarena *arena;
    ind_extract_result *res;
    size_t cap_obs, cap_goals, cap_acts, cap_unread, cap_warn, cap_units;
    int *obs_unit, *goal_unit, *act_unit;

    xunit *units;
    size_t n_units;
    size_t resolve_budget;     /* lines resolve_name may still scan */
    int cur_unit;              /* -1 before the first unit marker */
    const char *goal;          /* current goal id ("" before any) */
    int oom;
} xdoc;

/* ---- emitting: a new zeroed record ("" strings) in the current unit, NULL
 * when out of memory (d->oom set) ---- */
ind_extract_obs *x_new_obs(xdoc *d, long line);
ind_extract_activity *x_new_activity(xdoc *d, long line);
ind_extract_goal *x_new_goal(xdoc *d, long line);
void x_unread(xdoc *d, long line, const char *reason, const char *text, size_t n);
void x_warn(xdoc *d, long line, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Opens a unit starting at line (title NULL when it has none). */
void x_start_unit(xdoc *d, long line, const char *title);
/* The current unit, opened when there is none yet, marked as having content. */
int x_unit_for_emit(xdoc *d);

/* ---- line classification ---- */
/* Sets l->t, l->tlen and l->flags from l->raw and l->len. */
void x_classify(xline *l);
/* 0 KF:s inriktningsmål, 1 KF:s mål för verksamhetsområdet, 2 Nämndmål,
 * 3 Enhetsmål, -1 no goal heading; x_goal_prefix(kind) is its label. */
int x_goal_kind(const xline *l);
const char *x_goal_prefix(int kind);
int x_is_goal_heading(const xline *l);
int x_is_unit_marker(const xline *l);
int x_is_section_end(const xline *l);
int x_is_prose_marker(const xline *l);

typedef enum { XT_NONE = 0, XT_VP, XT_VB, XT_ACT } xtable_kind;
xtable_kind x_table_header(const xline *l);

#endif
