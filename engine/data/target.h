/* target.h: årsmål and KF:s årsmål as numbers or rules, keeping the text as written. */
#ifndef IND_TARGET_H
#define IND_TARGET_H

#include "lang.h"

#include <stddef.h>

typedef enum {
    IND_TARGET_NONE = 0,    /* no target given (empty cell) */
    IND_TARGET_VALUE,       /* a number, perhaps with a unit word ("525 ton"): judged by the direction */
    IND_TARGET_INCREASE,    /* öka, ökning: above the previous period's outcome */
    IND_TARGET_DECREASE,    /* minska, minskning: below the previous period's outcome */
    IND_TARGET_MAX,         /* max N: at most N */
    IND_TARGET_MIN,         /* min N, minst N: at least N */
    IND_TARGET_BAND,        /* T ± b: within b of T */
    IND_TARGET_EXACT,       /* exakt N, or a 100 % share: exactly N */
    IND_TARGET_NON_NUMERIC  /* text with no numeric target ("Tas fram av nämnd/styrelse") */
} ind_target_kind;

typedef struct {
    ind_target_kind kind;
    double value; /* the number, N, or T; NaN when the kind has none */
    double band;  /* b for IND_TARGET_BAND, else 0 */
    unsigned percent : 1; /* written with a "%" */
} ind_target;

/* Reads a target as written. Never fails: text that is not a recognised rule
 * becomes IND_TARGET_NON_NUMERIC. Empty text is IND_TARGET_NONE. */
ind_target ind_target_parse(const char *s, size_t len);
/* A short English code for the kind: "value", "increase", "max", ... */
const char *ind_target_kind_code(ind_target_kind kind);
/* The rule in words ("at most 10", "within 1 of 0"), Swedish or English. */
char *ind_target_describe(const ind_target *t, ind_lang lang, char *buf, size_t size);

#endif
