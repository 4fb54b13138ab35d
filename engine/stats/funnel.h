/* funnel.h: funnel-plot limits for proportions on the arcsine scale (Spiegelhalter 2005), with overdispersion by DerSimonian-Laird from Winsorised z-scores. */
#ifndef IND_FUNNEL_H
#define IND_FUNNEL_H

#include <stddef.h>

#include "ind_error.h"

/* Two-sided normal quantiles used for the limits (as FunnelPlotR writes them). */
#define IND_FUNNEL_Z95 1.959964
#define IND_FUNNEL_Z998 3.090232

/* Default Winsorisation: 10 % at each end. */
#define IND_FUNNEL_TRIM 0.1

typedef enum {
    IND_FUNNEL_OD_NONE = 0, /* limits without overdispersion (tau^2 = 0) */
    IND_FUNNEL_OD_AUTO      /* additive random effect: tau^2 from DerSimonian-Laird
                               whenever I phi > I - 1 (FunnelPlotR's rule) */
} ind_funnel_od;

/* Where a unit falls, on its own n. On a limit counts as inside. */
typedef enum {
    IND_FUNNEL_BELOW_998 = -2, /* below the 99.8 % lower limit */
    IND_FUNNEL_BELOW_95 = -1,  /* below the 95 % lower limit, inside 99.8 % */
    IND_FUNNEL_WITHIN = 0,     /* inside the 95 % limits */
    IND_FUNNEL_ABOVE_95 = 1,   /* above the 95 % upper limit, inside 99.8 % */
    IND_FUNNEL_ABOVE_998 = 2   /* above the 99.8 % upper limit */
} ind_funnel_class;

/* The fitted funnel: centre line and spread shared by every unit. */
typedef struct ind_funnel_fit {
    double target;      /* p-bar = sum x / sum n */
    double theta0;      /* asin(sqrt(p-bar)) */
    size_t units;       /* I, number of units */
    double trim;        /* Winsorisation fraction at each end */
    double z_lo, z_hi;  /* Winsorisation bounds: quantiles trim and 1 - trim
                           (R type 7) of the unadjusted z-scores */
    double phi;         /* dispersion: mean of the squared Winsorised z-scores */
    double tau2;        /* between-unit variance on the arcsine scale; 0 unless
                           od = AUTO and I phi > I - 1 */
    int overdispersed;  /* 1 when I phi > I - 1 */
    double p_dispersion;/* P(chi^2_{I-1} > I phi): a test of phi against 1,
                           reported only, not used to decide */
    ind_funnel_od od;   /* the rule in force */
} ind_funnel_fit;

/* Limits at one n: proportions in [0, 1]. */
typedef struct ind_funnel_limits {
    double lo95, hi95;
    double lo998, hi998;
} ind_funnel_limits;

/* One unit placed in the funnel. */
typedef struct ind_funnel_unit {
    double p;          /* x/n */
    double z;          /* unadjusted: (asin(sqrt p) - theta0) * 2 sqrt(n) */
    double z_wins;     /* z Winsorised to [z_lo, z_hi] (used for phi) */
    double z_adj;      /* (asin(sqrt p) - theta0) / sqrt(1/(4n) + tau^2) */
    ind_funnel_limits limits; /* limits at this unit's n */
    ind_funnel_class cls;     /* from z_adj against 1.959964 and 3.090232 */
} ind_funnel_unit;

/* Fits the funnel for k units with x[i] events out of n[i] (n[i] >= 1,
 * 0 <= x[i] <= n[i], k >= 1; sum x may be 0 or sum n).
 * Model (Spiegelhalter 2005, Stat Med 24:1185; Spiegelhalter 2005, Qual Saf
 * Health Care 14:347): y_i = asin(sqrt(x_i/n_i)) ~ N(theta0, 1/(4 n_i) + tau^2)
 * with theta0 = asin(sqrt(p-bar)). z_i = (y_i - theta0) 2 sqrt(n_i) are
 * Winsorised at their trim and 1 - trim quantiles; phi = mean of their
 * squares; with od = AUTO and I phi > I - 1,
 *   tau^2 = (I phi - (I - 1)) / (sum w - sum w^2 / sum w),  w_i = 4 n_i,
 * else tau^2 = 0. trim in [0, 0.5). */
ind_status ind_funnel_fit_pr(const long *x, const long *n, size_t k,
                             ind_funnel_od od, double trim, ind_funnel_fit *fit);

/* Limits at an arbitrary n > 0 (for drawing the curve):
 *   sin^2(theta0 -+ z sqrt(1/(4n) + tau^2)),
 * the angle clamped to [0, pi/2] so the limits stay in [0, 1] and move
 * monotonically with n (FunnelPlotR does not clamp: past 0 or pi/2 its sin^2
 * folds back). */
ind_status ind_funnel_limits_at(const ind_funnel_fit *fit, double n,
                                ind_funnel_limits *lim);

/* The same for any normal quantile z >= 0, e.g. 1 for a 68 % band. */
ind_status ind_funnel_limit_z(const ind_funnel_fit *fit, double n, double z,
                              double *lo, double *hi);

/* Places the k units (the same x and n as the fit, or others against the same
 * funnel): proportion, z-scores, limits at each n and classification. */
ind_status ind_funnel_place(const ind_funnel_fit *fit, const long *x, const long *n,
                            size_t k, ind_funnel_unit *units);

const char *ind_funnel_class_name(ind_funnel_class cls);

#endif
