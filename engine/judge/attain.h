/* attain.h: judging outcomes against årsmål and KF:s årsmål: verdicts, gaps, and the rule in words. */
#ifndef IND_ATTAIN_H
#define IND_ATTAIN_H

#include <stddef.h>

#include "catalog.h"
#include "dataset.h"
#include "target.h"

typedef enum {
    IND_VERDICT_MET = 0,      /* Uppfylls helt */
    IND_VERDICT_PARTLY,       /* Uppfylls delvis: not met, but within the tolerance */
    IND_VERDICT_NOT_MET,      /* Uppfylls inte */
    IND_VERDICT_NO_TARGET,    /* Årsmål saknas (or no numeric target, or a city-wide KF target) */
    IND_VERDICT_NO_DATA,      /* Utfall saknas (or, for öka/minska, the previous outcome) */
    IND_VERDICT_SMALL_BASE,   /* Litet underlag: n below the smallest base judged */
    IND_VERDICT_NO_DIRECTION  /* Riktning okänd: a numeric target on an indicator not in the catalogue */
} ind_verdict;
#define IND_VERDICT_COUNT 7

/* The rule in force. Defaults (ind_attain_policy_default): delvis within 5 %
 * of the target (relative), smallest base n = 10, Wilson 95 % intervals. */
typedef struct {
    double tolerance;       /* the delvis band */
    int tolerance_relative; /* 1: a fraction of the target; 0: in the indicator's unit */
    double min_n;           /* below this denominator: small_base */
    double confidence;      /* level of the Wilson interval */
} ind_attain_policy;

void ind_attain_policy_default(ind_attain_policy *policy);

typedef struct {
    ind_verdict verdict;
    int uncertain;          /* "osäker": the target lies inside the Wilson interval of the outcome */
    ind_target rule;        /* the target as judged */
    ind_direction direction;
    double value;           /* the outcome */
    double target;          /* the number compared with (for öka/minska: the previous outcome) */
    double gap;             /* signed so that negative is worse; NaN when not judged */
    double gap_relative;    /* gap / |target|; NaN when the target is 0 or not judged */
    double tolerance_abs;   /* the delvis band in the indicator's unit */
    double previous;        /* outcome of the same period a year earlier, NaN when none */
    ind_period previous_period;
    double change;          /* value - previous */
    double ci_lo, ci_hi;    /* Wilson interval of the outcome (indicator's unit), NaN without counts */
    double n;               /* the denominator, NaN when unknown */
    char rule_text[200];    /* the rule in words, Swedish or English */
} ind_attainment;

/* Judges one outcome y against a target under a direction and a policy.
 * previous is the outcome a year earlier (for öka/minska); numerator and
 * denominator (NaN when unknown) give the base and the Wilson interval, read
 * in percent when percent != 0. info may be NULL; its tolerance overrides the
 * policy's. Fills out and returns IND_OK. */
ind_status ind_attain_judge(double y, double previous, double numerator, double denominator,
                            const ind_target *target, ind_direction direction, int percent,
                            const ind_indicator *info, const ind_attain_policy *policy,
                            ind_lang lang, ind_attainment *out);

/* Judges observation obs of a finished dataset against its årsmål (kf = 0) or
 * KF:s årsmål (kf = 1). A K or M row without a target of its own borrows the
 * total's target for the same period; a city-wide KF target is never used. */
ind_status ind_attain_obs(const ind_dataset *ds, size_t obs, int kf, const ind_attain_policy *policy,
                          ind_lang lang, ind_attainment *out);

const char *ind_verdict_code(ind_verdict v);     /* "met", "partly", ... */
const char *ind_verdict_label_sv(ind_verdict v); /* "Uppfylls helt", ... */
const char *ind_verdict_label_en(ind_verdict v); /* "Met", ... */
/* A symbol for tables: ● met, ◐ partly, ○ not met, – otherwise. */
const char *ind_verdict_symbol(ind_verdict v);

/* One Swedish (or English) sentence for a VB about a judged outcome, e.g.
 * "Sjukfrånvaro 6,7 % mot årsmålet 4,0 %: årsmålet nås inte. Ökning med 1,2
 * procentenheter sedan 2024." */
char *ind_attain_sentence(const ind_attainment *a, const char *indicator, const ind_indicator *info,
                          ind_lang lang, char *buf, size_t size);

#endif
