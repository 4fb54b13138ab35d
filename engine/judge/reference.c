/* reference.c: a series against a reference unit of the same data, period by period, tested where both have counts. */
#include "reference.h"

#include <math.h>
#include <string.h>

#include "inference.h"

long ind_ref_series(const ind_dataset *ds, size_t series, const char *reference)
{
    const ind_series *s = ind_dataset_series(ds, series);
    if (!reference || strcmp(ind_dataset_str(ds, s->unit), reference) == 0)
        return -1;
    return ind_dataset_find_series(ds, reference, ind_dataset_str(ds, s->indicator), s->gender);
}

/* The observation of series s at period p when it has a value, else -1. */
static long value_at(const ind_dataset *ds, size_t s, ind_period p)
{
    long i = ind_dataset_find_obs(ds, s, p);
    return i >= 0 && !isnan(ind_dataset_value(ds, (size_t)i)) ? i : -1;
}

long ind_ref_obs_at(const ind_dataset *ds, size_t ref_series, ind_period p)
{
    long i = value_at(ds, ref_series, p);
    if (i >= 0)
        return i;
    int y = ind_period_year(p), sub = ind_period_sub(p);
    switch (ind_period_kind_of(p)) {
    case IND_PERIOD_YEAR:
        i = value_at(ds, ref_series, ind_period_make(y, IND_PERIOD_TERTIAL, 3));
        return i >= 0 ? i : value_at(ds, ref_series, ind_period_make(y, IND_PERIOD_MONTH, 12));
    case IND_PERIOD_TERTIAL:
        return sub == 3 ? value_at(ds, ref_series, ind_period_make(y, IND_PERIOD_YEAR, 0)) : -1;
    case IND_PERIOD_MONTH:
        return sub == 12 ? value_at(ds, ref_series, ind_period_make(y, IND_PERIOD_YEAR, 0)) : -1;
    }
    return -1;
}

/* The time at which period p ends (in years, as ind_period_time). */
static double period_end(ind_period p)
{
    ind_period_kind k = ind_period_kind_of(p);
    return ind_period_time(p) + (k == IND_PERIOD_TERTIAL ? 1 / 3.0 : k == IND_PERIOD_MONTH ? 1 / 12.0 : 1);
}

/* The reference's latest observation with a value of a period that ends no later than p; -1 when none. */
static long latest_until(const ind_dataset *ds, size_t ref_series, ind_period p)
{
    const ind_series *r = ind_dataset_series(ds, ref_series);
    long best = -1;
    for (size_t i = r->first; i < r->first + r->count; i++) {
        ind_period q = ind_dataset_period(ds, i);
        if (isnan(ind_dataset_value(ds, i)) || period_end(q) > period_end(p) + 1e-9)
            continue;
        if (best < 0 || ind_period_time(q) > ind_period_time(ind_dataset_period(ds, (size_t)best)))
            best = (long)i;
    }
    return best;
}

/* Counts that a test can use: whole numbers, 0 <= x <= n, n >= 1. */
static int counts_of(const ind_obs *o, long *x, long *n)
{
    if (isnan(o->numerator) || isnan(o->denominator) || o->denominator < 1 || o->numerator < 0 ||
        o->numerator > o->denominator)
        return 0;
    *x = lround(o->numerator);
    *n = lround(o->denominator);
    return *x <= *n;
}

/* The test of the two proportions at the period, where both observations have counts. */
static void test_counts(const ind_dataset *ds, long obs, long ref_obs, double conf_level, ind_ref_result *out)
{
    ind_obs a, b;
    ind_dataset_get(ds, (size_t)obs, &a);
    ind_dataset_get(ds, (size_t)ref_obs, &b);
    long x1, n1, x2, n2;
    if (!counts_of(&a, &x1, &n1) || !counts_of(&b, &x2, &n2))
        return;
    out->x1 = (double)x1;
    out->n1 = (double)n1;
    out->x2 = (double)x2;
    out->n2 = (double)n2;
    out->p1 = (double)x1 / (double)n1;
    out->p2 = (double)x2 / (double)n2;
    ind_inf_result r;
    ind_status st = ind_inf_prop2_auto(x1, n1, x2, n2, conf_level, &r);
    out->test = r.method && r.method[0] ? r.method : NULL;
    out->exact = r.exact;
    out->statistic = st == IND_OK ? r.statistic : NAN;
    out->p = st == IND_OK ? r.p : NAN; /* NaN: both all-success or all-failure */
    ind_inf_result nc;
    if (ind_inf_newcombe(x1, n1, x2, n2, conf_level, &nc) == IND_OK) {
        out->diff = nc.estimate;
        out->ci_lo = nc.ci_lo;
        out->ci_hi = nc.ci_hi;
    }
}

void ind_ref_compare(const ind_dataset *ds, size_t series, long ref_series, ind_period p, double conf_level,
                     ind_ref_result *out)
{
    memset(out, 0, sizeof *out);
    out->ref_series = ref_series;
    out->period = p;
    out->ref_obs = -1;
    out->value = out->reference = out->difference = out->latest = NAN;
    out->statistic = out->p = NAN;
    out->x1 = out->n1 = out->x2 = out->n2 = out->p1 = out->p2 = NAN;
    out->diff = out->ci_lo = out->ci_hi = NAN;
    long obs = ind_dataset_find_obs(ds, series, p);
    if (obs >= 0)
        out->value = ind_dataset_value(ds, (size_t)obs);
    if (ref_series < 0)
        return;
    long latest = latest_until(ds, (size_t)ref_series, p);
    if (latest >= 0) {
        out->ref_latest = ind_dataset_period(ds, (size_t)latest);
        out->latest = ind_dataset_value(ds, (size_t)latest);
    }
    out->ref_obs = ind_ref_obs_at(ds, (size_t)ref_series, p);
    if (out->ref_obs < 0)
        return;
    out->ref_period = ind_dataset_period(ds, (size_t)out->ref_obs);
    out->reference = ind_dataset_value(ds, (size_t)out->ref_obs);
    out->difference = out->value - out->reference;
    if (obs >= 0 && !isnan(out->value))
        test_counts(ds, obs, out->ref_obs, conf_level, out);
}
