/* prognosis.h: the year-end prognosis of a tertial report: will the årsmål be met, judged from the outcome so far. */
#ifndef IND_PROGNOSIS_H
#define IND_PROGNOSIS_H

#include <stddef.h>

#include "attain.h"
#include "dataset.h"

/* A tertial report (T1: January–April, T2: May–August) says of each
 * indicator followed per tertial whether its årsmål will be met at the
 * year's end (T3). The prediction of the year-end value y_T3 from the
 * outcome x_k of tertial k:
 *
 *   pattern  the tertial pattern of earlier years: for every earlier year with
 *            values at Tk and at the year's end (T3, or the year itself: a
 *            yearly indicator's T3 is read as its year), d = y_T3 - y_Tk; with n >= 3 such years,
 *            y_T3 = x_k + mean(d), and the (1 - alpha) prediction interval
 *            x_k + mean(d) ± t(1 - alpha/2, n - 1) · sd(d) · sqrt(1 + 1/n)
 *            (a new d drawn like the earlier ones);
 *   trend    with fewer such years but four or more tertial outcomes up to
 *            Tk: the OLS line through them (real time) at T3, with its
 *            prediction interval (ind_trend_ols_predict);
 *   none     otherwise: no prognosis ("för lite historik").
 *
 * The interval is cut to what the measure allows (0–100 for a percentage,
 * >= 0 for a count). The prognosis judges the interval's ends and the
 * prediction against the year's årsmål by the attainment rule in force
 * (ind_attain_judge): when all three fall in the same class (uppfylls helt,
 * delvis, inte) that is the prognosis; otherwise it is uncertain (osäkert),
 * as it is when the target lies inside the interval. */

typedef enum {
    IND_PROGNOSIS_NONE = 0,   /* no prognosis: too little history, or no numeric target */
    IND_PROGNOSIS_MET,        /* the årsmål will be met (uppfylls helt) */
    IND_PROGNOSIS_PARTLY,     /* delvis */
    IND_PROGNOSIS_NOT_MET,    /* inte */
    IND_PROGNOSIS_UNCERTAIN   /* osäkert: the interval spans more than one class */
} ind_prognosis_verdict;

typedef enum {
    IND_PROGNOSIS_BY_NONE = 0,
    IND_PROGNOSIS_BY_PATTERN,
    IND_PROGNOSIS_BY_TREND
} ind_prognosis_method;

typedef struct {
    ind_period period;        /* the tertial reported */
    ind_period year_end;      /* the period predicted: T3 of the same year */
    double value;             /* the outcome at the tertial; NaN when none */
    double predicted;         /* the year-end value predicted; NaN when no prognosis */
    double pi_lo, pi_hi;      /* its prediction interval */
    size_t years;             /* pattern: earlier years used */
    ind_prognosis_method method;
    ind_prognosis_verdict verdict;
    ind_verdict point;        /* the prediction alone judged against the årsmål */
    ind_attainment target;    /* the judgement of the prediction: the rule, the target, its text */
} ind_prognosis;

/* The prognosis of series (a tertial series) at the tertial `period` (T1 or
 * T2) at level 1 - alpha under the policy. The årsmål is the year-end's (T3
 * of the same year), else the tertial's own. Returns IND_OK with verdict NONE
 * when no prognosis can be made; IND_EUSAGE when period is not T1 or T2. */
ind_status ind_prognosis_of(const ind_dataset *ds, size_t series, ind_period period, double alpha,
                            const ind_attain_policy *policy, ind_prognosis *out, ind_error *err);

const char *ind_prognosis_code(ind_prognosis_verdict v);     /* "met", "partly", "not_met", "uncertain", "none" */
const char *ind_prognosis_label_sv(ind_prognosis_verdict v); /* "Uppfylls helt", ..., "Osäkert", "Ingen prognos" */
const char *ind_prognosis_label_en(ind_prognosis_verdict v);
const char *ind_prognosis_method_code(ind_prognosis_method m); /* "pattern", "trend", "" */

#endif
