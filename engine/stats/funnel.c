/* funnel.c: funnel plots for proportions (Spiegelhalter 2005) on the
 * arcsine (variance-stabilising) scale, with the additive random-effects
 * overdispersion adjustment of Spiegelhalter, "Handling over-dispersion of
 * performance indicators", Qual Saf Health Care 2005;14:347-351: 10 %
 * Winsorised z-scores, phi = mean z^2, tau^2 by DerSimonian & Laird (1986).
 * The steps follow FunnelPlotR's data_type = "PR" (transformed_zscore,
 * winsorisation, phi_func, tau_func, calculate_limits). */
#include "funnel.h"

#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static int bad_unit(long x, long n)
{
    return n < 1 || x < 0 || x > n;
}

static double unit_z(const ind_funnel_fit *fit, long x, long n)
{
    double y = asin(sqrt((double)x / (double)n));
    return (y - fit->theta0) / (1 / (2 * sqrt((double)n)));
}

/* Fits centre line, Winsorisation bounds, phi and tau^2; see funnel.h. */
ind_status ind_funnel_fit_pr(const long *x, const long *n, size_t k,
                             ind_funnel_od od, double trim, ind_funnel_fit *fit)
{
    if (!x || !n || !fit || k < 1 || !(trim >= 0.0 && trim < 0.5))
        return IND_EDOMAIN;
    if (od != IND_FUNNEL_OD_NONE && od != IND_FUNNEL_OD_AUTO)
        return IND_EUSAGE;
    double sx = 0.0, sn = 0.0;
    for (size_t i = 0; i < k; i++) {
        if (bad_unit(x[i], n[i]))
            return IND_EDOMAIN;
        sx += (double)x[i];
        sn += (double)n[i];
    }
    double *z = malloc(2 * k * sizeof *z);
    if (!z)
        return IND_ENOMEM;
    double *zs = z + k;
    fit->target = sx / sn;
    fit->theta0 = asin(sqrt(fit->target));
    fit->units = k;
    fit->trim = trim;
    fit->od = od;
    for (size_t i = 0; i < k; i++)
        zs[i] = z[i] = unit_z(fit, x[i], n[i]);
    gsl_sort(zs, 1, k);
    fit->z_lo = gsl_stats_quantile_from_sorted_data(zs, 1, k, trim);
    fit->z_hi = gsl_stats_quantile_from_sorted_data(zs, 1, k, 1 - trim);
    double ssq = 0.0, sw = 0.0, sw2 = 0.0;
    for (size_t i = 0; i < k; i++) {
        double w = z[i] < fit->z_lo ? fit->z_lo : (z[i] > fit->z_hi ? fit->z_hi : z[i]);
        ssq += w * w;
        double wt = 4 * (double)n[i]; /* 1/s^2, s = 1/(2 sqrt n) */
        sw += wt;
        sw2 += wt * wt;
    }
    free(z);
    double dk = (double)k;
    fit->phi = ssq / dk;
    fit->overdispersed = dk * fit->phi > dk - 1;
    fit->p_dispersion = k > 1 ? gsl_cdf_chisq_Q(dk * fit->phi, dk - 1) : NAN;
    fit->tau2 = 0.0;
    if (od == IND_FUNNEL_OD_AUTO && fit->overdispersed && k > 1) {
        double t = (dk * fit->phi - (dk - 1)) / (sw - sw2 / sw);
        fit->tau2 = t > 0 ? t : 0.0;
    }
    return IND_OK;
}

static double clamp_angle(double a)
{
    if (a < 0)
        return 0.0;
    if (a > M_PI / 2)
        return M_PI / 2;
    return a;
}

/* Limits at n for normal quantile z; see funnel.h. */
ind_status ind_funnel_limit_z(const ind_funnel_fit *fit, double n, double z,
                              double *lo, double *hi)
{
    if (!fit || !lo || !hi || !(n > 0) || !(z >= 0) || !isfinite(n) || !isfinite(z))
        return IND_EDOMAIN;
    double s = 1 / (2 * sqrt(n));
    double sd = sqrt(s * s + fit->tau2);
    double a = sin(clamp_angle(fit->theta0 - z * sd));
    double b = sin(clamp_angle(fit->theta0 + z * sd));
    *lo = a * a;
    *hi = b * b;
    return IND_OK;
}

/* 95 % and 99.8 % limits at n; see funnel.h. */
ind_status ind_funnel_limits_at(const ind_funnel_fit *fit, double n,
                                ind_funnel_limits *lim)
{
    if (!lim)
        return IND_EDOMAIN;
    ind_status st = ind_funnel_limit_z(fit, n, IND_FUNNEL_Z95, &lim->lo95, &lim->hi95);
    if (st == IND_OK)
        st = ind_funnel_limit_z(fit, n, IND_FUNNEL_Z998, &lim->lo998, &lim->hi998);
    return st;
}

/* Places units in the fitted funnel; see funnel.h. Classification uses the
 * adjusted z-score, which on the arcsine scale is the same as comparing the
 * proportion with the clamped limits at its n. */
ind_status ind_funnel_place(const ind_funnel_fit *fit, const long *x, const long *n,
                            size_t k, ind_funnel_unit *units)
{
    if (!fit || (k && (!x || !n || !units)))
        return IND_EDOMAIN;
    for (size_t i = 0; i < k; i++)
        if (bad_unit(x[i], n[i]))
            return IND_EDOMAIN;
    for (size_t i = 0; i < k; i++) {
        ind_funnel_unit *u = &units[i];
        double dn = (double)n[i];
        u->p = (double)x[i] / dn;
        u->z = unit_z(fit, x[i], n[i]);
        u->z_wins = u->z < fit->z_lo ? fit->z_lo : (u->z > fit->z_hi ? fit->z_hi : u->z);
        double y = asin(sqrt(u->p));
        u->z_adj = (y - fit->theta0) / sqrt(1 / (4 * dn) + fit->tau2);
        ind_funnel_limits_at(fit, dn, &u->limits);
        if (u->z_adj > IND_FUNNEL_Z998)
            u->cls = IND_FUNNEL_ABOVE_998;
        else if (u->z_adj > IND_FUNNEL_Z95)
            u->cls = IND_FUNNEL_ABOVE_95;
        else if (u->z_adj < -IND_FUNNEL_Z998)
            u->cls = IND_FUNNEL_BELOW_998;
        else if (u->z_adj < -IND_FUNNEL_Z95)
            u->cls = IND_FUNNEL_BELOW_95;
        else
            u->cls = IND_FUNNEL_WITHIN;
    }
    return IND_OK;
}

const char *ind_funnel_class_name(ind_funnel_class cls)
{
    switch (cls) {
    case IND_FUNNEL_BELOW_998: return "below 99.8 %";
    case IND_FUNNEL_BELOW_95: return "below 95 %";
    case IND_FUNNEL_WITHIN: return "within";
    case IND_FUNNEL_ABOVE_95: return "above 95 %";
    case IND_FUNNEL_ABOVE_998: return "above 99.8 %";
    }
    return "unknown";
}
