/* spc.h: run charts and Shewhart control charts (I, p, u) with the Anhøj, NHS "Making Data Count" and IHI rules. */
#ifndef IND_SPC_H
#define IND_SPC_H

#include <stddef.h>

#include "catalog.h"   /* ind_direction */
#include "ind_error.h"

/*
 * A chart is computed from plain arrays in time order: values y[] and, for p
 * and u charts, denominators den[] (cases reviewed, person-years ...). The
 * caller drops missing periods first; a moving range then spans the gap.
 * Points are numbered from 0. Fewer than IND_SPC_MIN_POINTS points give a
 * chart with the flag IND_SPC_F_FEW_POINTS: limits and rules are unreliable.
 */

#define IND_SPC_MIN_POINTS 12

typedef enum {
    IND_SPC_RUN = 0, /* run chart: centre = median, no limits */
    IND_SPC_I,       /* individuals chart: mean -/+ 3 sigma from the moving ranges, by the
                        reference of the rule set (see ind_spc_limits) */
    IND_SPC_P,       /* proportion y_i/n_i: CL = sum y / sum n, CL -/+ 3 sqrt(CL(1-CL)/n_i), in [0, 1] */
    IND_SPC_U        /* rate y_i/n_i: CL = sum y / sum n, CL -/+ 3 sqrt(CL/n_i), lower >= 0 */
} ind_spc_type;

/* Rule sets, combined as a bit mask. */
enum {
    IND_SPC_RULES_ANHOJ = 1u << 0, /* Anhøj: longest run and crossings about the centre line */
    IND_SPC_RULES_NHS = 1u << 1,   /* NHS Making Data Count (I, p, u charts only) */
    IND_SPC_RULES_IHI = 1u << 2    /* IHI run chart rules: shift 6+, trend 5+ */
};

typedef enum {
    IND_SPC_ANHOJ_LONG_RUN = 0,    /* a run about the centre longer than round(log2 n) + 3 */
    IND_SPC_ANHOJ_FEW_CROSSINGS,   /* fewer centre-line crossings than qbinom(0.05, n - 1, 0.5) */
    IND_SPC_NHS_OUTSIDE_LIMITS,    /* a point above the upper or below the lower limit */
    IND_SPC_NHS_SHIFT,             /* 7 or more in a row on one side of the mean */
    IND_SPC_NHS_TREND,             /* 7 or more in a row each higher (lower) than the one before */
    IND_SPC_NHS_TWO_OF_THREE,      /* 2 of 3 in a row beyond 2 sigma on the same side */
    IND_SPC_IHI_SHIFT,             /* 6 or more in a row on one side of the median */
    IND_SPC_IHI_TREND              /* 5 or more in a row going up (down), like values skipped */
} ind_spc_rule;

typedef enum {
    IND_SPC_SIDE_NONE = 0,
    IND_SPC_SIDE_ABOVE,    /* above the centre line / upper limit */
    IND_SPC_SIDE_BELOW,
    IND_SPC_SIDE_RISING,   /* trend rules */
    IND_SPC_SIDE_FALLING
} ind_spc_side;

/* One signal: a rule and the points it involves, first..last inclusive. */
typedef struct ind_spc_signal {
    ind_spc_rule rule;
    size_t first;
    size_t last;
    ind_spc_side side;
} ind_spc_signal;

/* Anhøj runs analysis (Anhøj & Olesen 2014; the default of R qicharts2).
 * Points on the centre line are dropped; n_useful is what is left. */
typedef struct ind_spc_anhoj {
    size_t n_useful;
    size_t longest_run;      /* longest run of useful points on one side */
    size_t longest_run_max;  /* round(log2(n_useful)) + 3: signal when longest_run > this */
    size_t crossings;        /* number of runs - 1 */
    size_t crossings_min;    /* qbinom(0.05, n_useful - 1, 0.5): signal when crossings < this */
    size_t run_first;        /* the (earliest) longest run: its first and last point */
    size_t run_last;
    int long_run_signal;
    int crossings_signal;
} ind_spc_anhoj;

/* Which formula gave the limits. */
typedef enum {
    IND_SPC_LIMITS_NONE = 0,   /* run chart */
    IND_SPC_LIMITS_SCREENED,   /* I chart as R qicharts2 (qic.i): moving ranges of 3.267 MRbar
                                  or more left out, MRbar recomputed, sigma = MRbar / 1.128;
                                  with the Anhøj and IHI rules */
    IND_SPC_LIMITS_NHS,        /* I chart as NHS Making Data Count: mean -/+ 2.66 MRbar over
                                  every moving range; whenever the NHS rules are asked for */
    IND_SPC_LIMITS_BINOMIAL,   /* p chart: CL -/+ 3 sqrt(CL(1 - CL)/n_i) */
    IND_SPC_LIMITS_POISSON     /* u chart: CL -/+ 3 sqrt(CL/n_i) */
} ind_spc_limits;

/* qicharts2's screening bound for moving ranges (D4 for subgroups of two) and
 * d2 for two, the moving range's expected value per sigma. */
#define IND_SPC_MR_SCREEN 3.267
#define IND_SPC_D2 1.128

enum {
    IND_SPC_F_FEW_POINTS = 1u << 0,  /* n < IND_SPC_MIN_POINTS */
    IND_SPC_F_CLAMPED = 1u << 1      /* some p/u limit was clamped to [0, 1] or at 0 */
};

typedef struct ind_spc_chart {
    ind_spc_type type;
    size_t n;
    double *value;        /* plotted value: y (run, I) or y_i / den_i (p, u) */
    double *centre;       /* centre line per point */
    double *lcl;          /* lower limit per point (clamped); NaN for a run chart */
    double *ucl;          /* upper limit per point (clamped); NaN for a run chart */
    double *sigma;        /* one sigma per point (I: MRbar / 1.128, or 2.66/3 MRbar with the
                             NHS limits); NaN for a run chart */
    double centre_line;   /* median (run), mean (I), sum y / sum den (p, u) */
    ind_spc_limits limits;/* the formula of lcl and ucl */
    double mr_bar;        /* I chart: the mean moving range |y_i - y_(i-1)| the limits use
                             (after the screening, for IND_SPC_LIMITS_SCREENED); NaN otherwise */
    double mr_bar_all;    /* I chart: the mean of every moving range; NaN otherwise */
    size_t mr_excluded;   /* I chart: moving ranges left out by the screening */
    unsigned rules;       /* the rule sets that were applied */
    ind_spc_anhoj anhoj;  /* filled when IND_SPC_RULES_ANHOJ was asked for */
    ind_spc_signal *signals; /* in rule order, then by first point */
    size_t n_signals;
    unsigned flags;
} ind_spc_chart;

/* NHS assurance: can the process be relied on to meet the target? */
typedef enum {
    IND_SPC_ASSURANCE_NONE = 0,         /* no target, run chart, or no better direction */
    IND_SPC_CONSISTENTLY_MET,           /* target beyond the limits on the bad side */
    IND_SPC_CONSISTENTLY_MISSED,        /* target beyond the limits on the good side */
    IND_SPC_HIT_AND_MISS                /* target between the limits (inclusive) */
} ind_spc_assurance;

/* Computes a chart of n points and applies the rule sets in `rules`.
 * An I chart's limits follow the reference of the rules in force: with
 * IND_SPC_RULES_NHS those of NHS Making Data Count (IND_SPC_LIMITS_NHS),
 * otherwise (Anhøj, IHI or none) those of qicharts2 (IND_SPC_LIMITS_SCREENED).
 * When every moving range is 0 the screened limits equal the centre
 * (qicharts2 gives NaN there: all its moving ranges are screened out).
 * den is read for p and u charts only (den_i > 0; for p also 0 <= y_i <=
 * den_i; for u y_i >= 0). n >= 1, and n >= 2 for an I chart. Every value
 * finite, else IND_EDOMAIN; NHS rules on a run chart give IND_EUSAGE.
 * Anhøj and IHI rules are evaluated about the chart's centre line (the
 * median for a run chart, as intended; the mean or CL for the others, as
 * qicharts2 does). On success free the result with ind_spc_chart_free. */
ind_status ind_spc_chart_compute(ind_spc_type type, const double *y, const double *den,
                                 size_t n, unsigned rules, ind_spc_chart *out);

void ind_spc_chart_free(ind_spc_chart *chart);

/* Anhøj limits for n_useful observations off the centre line:
 * longest_run_max = round(log2 n) + 3 and crossings_min = qbinom(0.05,
 * n - 1, 0.5) (smallest x with P(X <= x) >= 0.05, X ~ Bin(n - 1, 1/2)).
 * n_useful = 0 gives 0 and 0. */
ind_status ind_spc_anhoj_limits(size_t n_useful, size_t *longest_run_max, size_t *crossings_min);

/* NHS assurance of a target against the limits of the chart's last point
 * (for p and u charts the limits vary with the denominator; the last point's
 * limits describe the current period's capability). With IND_DIR_HIGHER a
 * target below the lower limit is consistently met and one above the upper
 * limit consistently missed; IND_DIR_LOWER mirrors this. Other directions,
 * a NaN target or a run chart give IND_SPC_ASSURANCE_NONE. */
ind_spc_assurance ind_spc_assure(const ind_spc_chart *chart, double target,
                                 ind_direction direction);

/* Stable names: "anhoj-long-run", "nhs-shift", ...; "consistently-met", ...; */
const char *ind_spc_rule_name(ind_spc_rule rule);
const char *ind_spc_side_name(ind_spc_side side);
const char *ind_spc_assurance_name(ind_spc_assurance a);
/* "none", "qicharts2", "nhs", "binomial", "poisson" */
const char *ind_spc_limits_name(ind_spc_limits l);

#endif
