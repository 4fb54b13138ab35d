/* prognosis.c: will the årsmål be met at the year's end, judged from a tertial's outcome. */
#include "prognosis.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <string.h>

#include "outlook.h"
#include "trend.h"

const char *ind_prognosis_code(ind_prognosis_verdict v)
{
    static const char *const c[] = {"none", "met", "partly", "not_met", "uncertain"};
    return (unsigned)v < 5 ? c[v] : "";
}

const char *ind_prognosis_label_sv(ind_prognosis_verdict v)
{
    static const char *const c[] = {"Ingen prognos", "Uppfylls helt", "Uppfylls delvis", "Uppfylls inte", "Osäkert"};
    return (unsigned)v < 5 ? c[v] : "";
}

const char *ind_prognosis_label_en(ind_prognosis_verdict v)
{
    static const char *const c[] = {"No prognosis", "Met", "Partly met", "Not met", "Uncertain"};
    return (unsigned)v < 5 ? c[v] : "";
}

const char *ind_prognosis_method_code(ind_prognosis_method m)
{
    return m == IND_PROGNOSIS_BY_PATTERN ? "pattern" : m == IND_PROGNOSIS_BY_TREND ? "trend" : "";
}

static double value_at(const ind_dataset *ds, size_t series, ind_period p)
{
    long i = ind_dataset_find_obs(ds, series, p);
    return i >= 0 ? ind_dataset_value(ds, (size_t)i) : NAN;
}

/* The year-end outcome: T3, or the year itself (a yearly indicator's T3 is
 * read as its year). */
static double year_end_value(const ind_dataset *ds, size_t series, int year)
{
    double v = value_at(ds, series, ind_period_make(year, IND_PERIOD_TERTIAL, 3));
    return isnan(v) ? value_at(ds, series, ind_period_make(year, IND_PERIOD_YEAR, 0)) : v;
}

/* The årsmål text of the year: the year-end row's, else the tertial's; a
 * women's or men's series without one borrows the total's. */
static ind_str target_text(const ind_dataset *ds, size_t series, ind_period tertial, ind_period year_end)
{
    const ind_series *s = ind_dataset_series(ds, series);
    long total = ind_dataset_find_series(ds, ind_dataset_str(ds, s->unit), ind_dataset_str(ds, s->indicator),
                                         IND_GENDER_T);
    size_t from[2] = {series, total >= 0 ? (size_t)total : series};
    for (int k = 0; k < 2; k++) {
        const ind_period ps[3] = {year_end, ind_period_make(ind_period_year(year_end), IND_PERIOD_YEAR, 0), tertial};
        for (int q = 0; q < 3; q++) {
            long i = ind_dataset_find_obs(ds, from[k], ps[q]);
            if (i < 0)
                continue;
            ind_obs o;
            ind_dataset_get(ds, (size_t)i, &o);
            if (o.target)
                return o.target;
        }
    }
    return 0;
}

/* pattern: the change from Tk to T3 in earlier years. Returns 0 and fills
 * the prediction when n >= 3 such years. */
static int by_pattern(const ind_dataset *ds, size_t series, ind_period tertial, double x, double alpha,
                      ind_prognosis *out)
{
    int year = ind_period_year(tertial), k = ind_period_sub(tertial);
    const ind_series *s = ind_dataset_series(ds, series);
    double sum = 0, sumsq = 0, d[256];
    size_t n = 0;
    for (size_t i = s->first; i < s->first + s->count && n < 256; i++) {
        ind_period p = ind_dataset_period(ds, i);
        int y = ind_period_year(p);
        if (y >= year || ind_period_kind_of(p) != IND_PERIOD_TERTIAL || ind_period_sub(p) != k)
            continue;
        double a = ind_dataset_value(ds, i), b = year_end_value(ds, series, y);
        if (isnan(a) || isnan(b))
            continue;
        d[n++] = b - a;
        sum += b - a;
    }
    if (n < 3)
        return -1;
    double mean = sum / (double)n;
    for (size_t i = 0; i < n; i++)
        sumsq += (d[i] - mean) * (d[i] - mean);
    double sd = sqrt(sumsq / (double)(n - 1));
    double half = gsl_cdf_tdist_Pinv(1 - alpha / 2, (double)(n - 1)) * sd * sqrt(1 + 1.0 / (double)n);
    out->predicted = x + mean;
    out->pi_lo = out->predicted - half;
    out->pi_hi = out->predicted + half;
    out->years = n;
    out->method = IND_PROGNOSIS_BY_PATTERN;
    return 0;
}

/* trend: the OLS line through the tertials up to Tk, at T3. */
static int by_trend(const ind_dataset *ds, size_t series, ind_period tertial, ind_period year_end, double alpha,
                    ind_prognosis *out)
{
    ind_outlook_points pts;
    ind_error err;
    if (ind_outlook_points_get(ds, series, 0, tertial, &pts, &err) != IND_OK)
        return -1;
    int ok = -1;
    ind_trend_ols fit;
    if (pts.kind == IND_PERIOD_TERTIAL && pts.n >= 4 && ind_trend_ols_fit(pts.t, pts.y, pts.n, alpha, &fit) == IND_OK &&
        ind_trend_ols_predict(&fit, ind_period_time(year_end), alpha, &out->predicted, &out->pi_lo, &out->pi_hi) ==
            IND_OK &&
        !isnan(out->pi_lo)) {
        out->method = IND_PROGNOSIS_BY_TREND;
        ok = 0;
    }
    ind_outlook_points_free(&pts);
    return ok;
}

/* The class of a value against the target: met, partly, not met, or other. */
static ind_verdict judge(double y, double previous, const ind_target *t, const ind_series *s,
                         const ind_attain_policy *policy, ind_attainment *a)
{
    const ind_indicator *info = s->info;
    int percent = info ? info->measure == IND_MEASURE_PERCENT : t->percent;
    ind_attain_judge(y, previous, NAN, NAN, t, info ? info->direction : IND_DIR_UNKNOWN, percent, info, policy,
                     IND_LANG_SV, a);
    return a->verdict;
}

/* Cuts the interval to what the measure allows. */
static void clamp(const ind_series *s, ind_prognosis *out)
{
    if (!s->info)
        return;
    if (s->info->measure == IND_MEASURE_PERCENT && s->info->direction != IND_DIR_BAND) {
        out->pi_lo = fmax(out->pi_lo, 0);
        out->pi_hi = fmin(out->pi_hi, 100);
    } else if (s->info->measure == IND_MEASURE_COUNT) {
        out->pi_lo = fmax(out->pi_lo, 0);
    }
}

ind_status ind_prognosis_of(const ind_dataset *ds, size_t series, ind_period period, double alpha,
                            const ind_attain_policy *policy, ind_prognosis *out, ind_error *err)
{
    memset(out, 0, sizeof *out);
    out->value = out->predicted = out->pi_lo = out->pi_hi = NAN;
    out->point = IND_VERDICT_NO_DATA;
    if (ind_period_kind_of(period) != IND_PERIOD_TERTIAL || ind_period_sub(period) > 2)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "a prognosis is made at tertial 1 or 2");
    int year = ind_period_year(period);
    out->period = period;
    out->year_end = ind_period_make(year, IND_PERIOD_TERTIAL, 3);
    out->value = value_at(ds, series, period);
    if (isnan(out->value))
        return IND_OK;
    if (by_pattern(ds, series, period, out->value, alpha, out) != 0 &&
        by_trend(ds, series, period, out->year_end, alpha, out) != 0)
        return IND_OK;
    const ind_series *s = ind_dataset_series(ds, series);
    clamp(s, out);
    ind_target t = ind_dataset_target(ds, target_text(ds, series, period, out->year_end));
    double previous = year_end_value(ds, series, year - 1);
    ind_attainment lo, hi;
    ind_verdict vl = judge(out->pi_lo, previous, &t, s, policy, &lo);
    ind_verdict vh = judge(out->pi_hi, previous, &t, s, policy, &hi);
    out->point = judge(out->predicted, previous, &t, s, policy, &out->target);
    if (out->point > IND_VERDICT_NOT_MET)
        out->verdict = IND_PROGNOSIS_NONE; /* no numeric target, or no direction */
    else if (vl != out->point || vh != out->point)
        out->verdict = IND_PROGNOSIS_UNCERTAIN;
    /* both ends and the prediction outside a band or an exact target, on
     * either side of it: the interval runs through the target */
    else if (out->point == IND_VERDICT_NOT_MET && !isnan(out->target.target) && out->target.target > out->pi_lo &&
             out->target.target < out->pi_hi)
        out->verdict = IND_PROGNOSIS_UNCERTAIN;
    else
        out->verdict = out->point == IND_VERDICT_MET      ? IND_PROGNOSIS_MET
                       : out->point == IND_VERDICT_PARTLY ? IND_PROGNOSIS_PARTLY
                                                          : IND_PROGNOSIS_NOT_MET;
    return IND_OK;
}
