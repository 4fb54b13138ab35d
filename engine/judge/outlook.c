/* outlook.c: trends, gender gaps and forecasts of dataset series, built on trend.c. */
#include "outlook.h"
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ind_gap_verdict_code(ind_gap_verdict v)
{
    static const char *const c[] = {"too_few_points", "stable", "widening", "narrowing"};
    return (unsigned)v < 4 ? c[v] : "too_few_points";
}

const char *ind_trend_verdict_label_sv(ind_trend_verdict v)
{
    switch (v) {
    case IND_TREND_IMPROVING: return "förbättras";
    case IND_TREND_WORSENING: return "försämras";
    case IND_TREND_INCREASING: return "ökar";
    case IND_TREND_DECREASING: return "minskar";
    case IND_TREND_NO_CLEAR_TREND: return "ingen säker trend";
    default: return "för få punkter";
    }
}

ind_status ind_outlook_points_get(const ind_dataset *ds, size_t series, ind_period from, ind_period to,
                                  ind_outlook_points *pts, ind_error *err)
{
    memset(pts, 0, sizeof *pts);
    const ind_series *s = ind_dataset_series(ds, series);
    size_t per_kind[3] = {0};
    for (size_t i = s->first; i < s->first + s->count; i++)
        if (!isnan(ind_dataset_value(ds, i)))
            per_kind[ind_period_kind_of(ind_dataset_period(ds, i))]++;
    /* years when there are any, else tertials, else months */
    pts->kind = per_kind[IND_PERIOD_YEAR] >= 2 || (per_kind[IND_PERIOD_YEAR] && !per_kind[1] && !per_kind[2])
                    ? IND_PERIOD_YEAR
                : per_kind[IND_PERIOD_TERTIAL] ? IND_PERIOD_TERTIAL
                : per_kind[IND_PERIOD_MONTH]   ? IND_PERIOD_MONTH
                                               : IND_PERIOD_YEAR;
    /* times, values and periods in one block (pts->t owns it): a table of
     * every series asks for the points of each several times */
    size_t cap = s->count ? s->count : 1;
    pts->t = malloc(cap * (sizeof *pts->t + sizeof *pts->y + sizeof *pts->period));
    if (!pts->t)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    pts->y = pts->t + cap;
    pts->period = (ind_period *)(pts->y + cap);
    /* the last period with a value bounds the skipped count: the future is not missing */
    ind_period last = 0;
    for (size_t i = s->first; i < s->first + s->count; i++) {
        ind_period p = ind_dataset_period(ds, i);
        if (ind_period_kind_of(p) == pts->kind && !isnan(ind_dataset_value(ds, i)) && ind_period_within(p, from, to))
            last = p;
    }
    ind_period first_row = 0;
    for (size_t i = s->first; i < s->first + s->count; i++) {
        ind_period p = ind_dataset_period(ds, i);
        if (ind_period_kind_of(p) != pts->kind || !ind_period_within(p, from, to) || p > last)
            continue;
        if (!first_row)
            first_row = p;
        double v = ind_dataset_value(ds, i);
        if (isnan(v))
            continue;
        pts->t[pts->n] = ind_period_time(p);
        pts->y[pts->n] = v;
        pts->period[pts->n] = p;
        pts->n++;
    }
    /* skipped: every period of the kind from the first row to the last value without a
     * value, whether its row is empty or absent: a missing year is a gap, not a shift */
    if (first_row && last) {
        int per_year = pts->kind == IND_PERIOD_TERTIAL ? 3 : pts->kind == IND_PERIOD_MONTH ? 12 : 1;
        long span = (long)(ind_period_year(last) - ind_period_year(first_row)) * per_year +
                    (per_year > 1 ? ind_period_sub(last) - ind_period_sub(first_row) : 0) + 1;
        pts->skipped = span > (long)pts->n ? (size_t)span - pts->n : 0;
    }
    return IND_OK;
}

void ind_outlook_points_free(ind_outlook_points *pts)
{
    free(pts->t); /* the block of all three */
    memset(pts, 0, sizeof *pts);
}

static const char *per_time(ind_period_kind k, int sv)
{
    (void)k;
    return sv ? "per år" : "per year";
}

ind_status ind_outlook_trend_of(const ind_dataset *ds, size_t series, ind_period from, ind_period to,
                                double alpha, ind_lang lang, ind_outlook_trend *out, ind_error *err)
{
    int sv = lang == IND_LANG_SV;
    memset(out, 0, sizeof *out);
    out->first_value = out->last_value = out->change = out->change_relative = NAN;
    ind_status st = ind_outlook_points_get(ds, series, from, to, &out->pts, err);
    if (st != IND_OK)
        return st;
    const ind_series *s = ind_dataset_series(ds, series);
    const char *name = ind_dataset_str(ds, s->indicator);
    size_t n = out->pts.n;
    if (n) {
        out->first = out->pts.period[0];
        out->last = out->pts.period[n - 1];
        out->first_value = out->pts.y[0];
        out->last_value = out->pts.y[n - 1];
        out->change = out->last_value - out->first_value;
        out->change_relative = out->first_value != 0 ? out->change / fabs(out->first_value) : NAN;
    }
    out->verdict = IND_TREND_TOO_FEW_POINTS;
    if (n >= 2 && ind_trend_analyse(out->pts.t, out->pts.y, n, alpha, &out->trend) == IND_OK) {
        out->have_trend = 1;
        out->verdict = ind_trend_judge(&out->trend, s->info ? s->info->direction : IND_DIR_UNKNOWN, alpha);
    }
    int percent = s->info && s->info->measure == IND_MEASURE_PERCENT;
    int dec = s->info ? s->info->decimals : 1;
    char slope[48], p[48], a[16], b[16];
    if (out->verdict == IND_TREND_TOO_FEW_POINTS) {
        snprintf(out->sentence, sizeof out->sentence,
                 sv ? "%s: för få punkter för att säga något om trenden (%zu)." : "%s: too few points to judge a trend (%zu).",
                 name, n);
        return IND_OK;
    }
    ind_num_format_sv(out->trend.sen.slope, dec + 1, IND_FMT_PLUS, slope, sizeof slope);
    double pv = out->trend.mk.p;
    if (pv < 0.001)
        snprintf(p, sizeof p, "p < 0,001");
    else {
        char num[32];
        ind_num_format_sv(pv, pv < 0.01 ? 3 : 2, 0, num, sizeof num);
        snprintf(p, sizeof p, "p = %s", num);
    }
    snprintf(a, sizeof a, "%d", ind_period_year(out->first));
    snprintf(b, sizeof b, "%d", ind_period_year(out->last));
    const char *unit = percent ? (sv ? " procentenheter" : " percentage points") : "";
    if (out->verdict == IND_TREND_NO_CLEAR_TREND)
        snprintf(out->sentence, sizeof out->sentence,
                 sv ? "%s %s–%s: ingen säker trend (Mann-Kendall %s, %zu punkter)."
                    : "%s %s–%s: no clear trend (Mann-Kendall %s, %zu points).",
                 name, a, b, p, n);
    else
        snprintf(out->sentence, sizeof out->sentence,
                 sv ? "%s %s–%s %s: %s%s %s enligt Sens lutning (Mann-Kendall %s, %zu punkter)."
                    : "%s %s–%s is %s: %s%s %s by Sen's slope (Mann-Kendall %s, %zu points).",
                 name, a, b, sv ? ind_trend_verdict_label_sv(out->verdict) : ind_trend_verdict_name(out->verdict),
                 slope, unit, per_time(out->pts.kind, sv), p, n);
    return IND_OK;
}

void ind_outlook_trend_free(ind_outlook_trend *out) { ind_outlook_points_free(&out->pts); }

ind_status ind_outlook_gap_of(const ind_dataset *ds, size_t series, ind_period from, ind_period to,
                              double alpha, ind_lang lang, ind_outlook_gap *out, ind_error *err)
{
    int sv = lang == IND_LANG_SV;
    memset(out, 0, sizeof *out);
    out->statistic = out->p = out->diff = out->ci_lo = out->ci_hi = NAN;
    out->last_gap = out->last_k = out->last_m = NAN;
    const ind_series *s = ind_dataset_series(ds, series);
    const char *unit = ind_dataset_str(ds, s->unit), *name = ind_dataset_str(ds, s->indicator);
    out->series_k = ind_dataset_find_series(ds, unit, name, IND_GENDER_K);
    out->series_m = ind_dataset_find_series(ds, unit, name, IND_GENDER_M);
    if (out->series_k < 0 || out->series_m < 0)
        return IND_OK;
    ind_outlook_points k, m;
    ind_status st = ind_outlook_points_get(ds, (size_t)out->series_k, from, to, &k, err);
    if (st != IND_OK)
        return st;
    if ((st = ind_outlook_points_get(ds, (size_t)out->series_m, from, to, &m, err)) != IND_OK) {
        ind_outlook_points_free(&k);
        return st;
    }
    size_t cap = k.n ? k.n : 1; /* times, gaps and periods in one block, owned by out->t */
    out->t = malloc(cap * (sizeof *out->t + sizeof *out->gap + sizeof *out->period));
    if (!out->t) {
        ind_outlook_points_free(&k);
        ind_outlook_points_free(&m);
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    }
    out->gap = out->t + cap;
    out->period = (ind_period *)(out->gap + cap);
    size_t j = 0;
    for (size_t i = 0; i < k.n; i++) {
        while (j < m.n && m.period[j] < k.period[i])
            j++;
        if (j < m.n && m.period[j] == k.period[i]) {
            out->t[out->n] = k.t[i];
            out->gap[out->n] = k.y[i] - m.y[j];
            out->period[out->n] = k.period[i];
            out->last_k = k.y[i];
            out->last_m = m.y[j];
            out->n++;
        }
    }
    ind_outlook_points_free(&k);
    ind_outlook_points_free(&m);
    out->have = 1;
    if (!out->n)
        return IND_OK;
    out->last = out->period[out->n - 1];
    out->last_gap = out->gap[out->n - 1];
    out->verdict = IND_GAP_TOO_FEW;
    if (out->n >= 2 && ind_trend_analyse(out->t, out->gap, out->n, alpha, &out->trend) == IND_OK) {
        out->have_trend = 1;
        ind_trend_verdict v = ind_trend_judge(&out->trend, IND_DIR_NEUTRAL, alpha);
        if (v == IND_TREND_TOO_FEW_POINTS)
            out->verdict = IND_GAP_TOO_FEW;
        else if (v == IND_TREND_NO_CLEAR_TREND)
            out->verdict = IND_GAP_STABLE;
        else {
            /* the gap grows in size when it moves away from zero */
            int up = v == IND_TREND_INCREASING;
            out->verdict = (out->last_gap >= 0) == up ? IND_GAP_WIDENING : IND_GAP_NARROWING;
        }
    }
    /* the latest period's gap, tested where counts exist */
    long ik = ind_dataset_find_obs(ds, (size_t)out->series_k, out->last);
    long im = ind_dataset_find_obs(ds, (size_t)out->series_m, out->last);
    if (ik >= 0 && im >= 0) {
        ind_obs ok, om;
        ind_dataset_get(ds, (size_t)ik, &ok);
        ind_dataset_get(ds, (size_t)im, &om);
        if (!isnan(ok.numerator) && !isnan(ok.denominator) && !isnan(om.numerator) && !isnan(om.denominator) &&
            ok.denominator >= 1 && om.denominator >= 1) {
            long x1 = lround(ok.numerator), n1 = lround(ok.denominator), x2 = lround(om.numerator), n2 = lround(om.denominator);
            ind_inf_result r;
            ind_status ts = ind_inf_prop2_auto(x1, n1, x2, n2, 1 - alpha, &r);
            out->test = r.method;
            out->statistic = ts == IND_OK ? r.statistic : NAN;
            out->p = ts == IND_OK ? r.p : NAN;
            ind_inf_result nc;
            if (ind_inf_newcombe(x1, n1, x2, n2, 1 - alpha, &nc) == IND_OK) {
                out->diff = nc.estimate;
                out->ci_lo = nc.ci_lo;
                out->ci_hi = nc.ci_hi;
            }
        }
    }
    const char *what = out->verdict == IND_GAP_WIDENING ? (sv ? "ökar" : "is widening")
                       : out->verdict == IND_GAP_NARROWING ? (sv ? "minskar" : "is narrowing")
                       : out->verdict == IND_GAP_STABLE ? (sv ? "är stabil" : "is stable")
                                                        : (sv ? "kan inte bedömas (för få punkter)" : "cannot be judged (too few points)");
    int percent = s->info && s->info->measure == IND_MEASURE_PERCENT;
    int dec = s->info ? s->info->decimals : 1;
    char g[48];
    ind_num_format_sv(out->last_gap, dec, IND_FMT_PLUS, g, sizeof g);
    int n = snprintf(out->sentence, sizeof out->sentence,
                     sv ? "%s: skillnaden mellan kvinnor och män %s; %d var den %s%s (kvinnor minus män)."
                        : "%s: the gap between women and men %s; in %d it was %s%s (women minus men).",
                     name, what, ind_period_year(out->last), g, percent ? (sv ? " procentenheter" : " percentage points") : "");
    if (out->test && n > 0 && (size_t)n < sizeof out->sentence) {
        char p[32];
        if (out->p < 0.001)
            snprintf(p, sizeof p, "p < 0,001");
        else {
            char num[24];
            ind_num_format_sv(out->p, out->p < 0.01 ? 3 : 2, 0, num, sizeof num);
            snprintf(p, sizeof p, "p = %s", num);
        }
        snprintf(out->sentence + n, sizeof out->sentence - (size_t)n,
                 sv ? (out->p < alpha ? " Skillnaden det året är statistiskt säkerställd (%s)." : " Skillnaden det året är inte statistiskt säkerställd (%s).")
                    : (out->p < alpha ? " That year's gap is statistically significant (%s)." : " That year's gap is not statistically significant (%s)."),
                 p);
    }
    return IND_OK;
}

void ind_outlook_gap_free(ind_outlook_gap *out)
{
    free(out->t); /* the block of times, gaps and periods */
    memset(out, 0, sizeof *out);
}

/* The time a target of period p is projected to on a series of kind k: a
 * year's target on a tertial or month series sits at the year's end (T3,
 * December), any other at its own period's time. */
static double target_time(ind_period p, ind_period_kind k)
{
    if (ind_period_kind_of(p) == IND_PERIOD_YEAR && k == IND_PERIOD_TERTIAL)
        return ind_period_year(p) + 2.0 / 3.0;
    if (ind_period_kind_of(p) == IND_PERIOD_YEAR && k == IND_PERIOD_MONTH)
        return ind_period_year(p) + 11.0 / 12.0;
    return ind_period_time(p);
}

ind_status ind_outlook_forecast_of(const ind_dataset *ds, size_t series, double alpha, ind_lang lang,
                                   ind_outlook_forecast *out, ind_error *err)
{
    return ind_outlook_forecast_until(ds, series, 0, alpha, lang, out, err);
}

ind_status ind_outlook_forecast_until(const ind_dataset *ds, size_t series, ind_period to, double alpha, ind_lang lang,
                                      ind_outlook_forecast *out, ind_error *err)
{
    int sv = lang == IND_LANG_SV;
    memset(out, 0, sizeof *out);
    out->target = out->yhat = out->pi_lo = out->pi_hi = NAN;
    ind_outlook_points pts;
    ind_status st = ind_outlook_points_get(ds, series, 0, to, &pts, err);
    if (st != IND_OK)
        return st;
    const ind_series *s = ind_dataset_series(ds, series);
    if (pts.n < 3) {
        ind_outlook_points_free(&pts);
        return IND_OK;
    }
    ind_period last = pts.period[pts.n - 1];
    /* the first later period (of any kind ending after the last outcome) with a numeric årsmål */
    long total = s->gender == IND_GENDER_T ? (long)series
                 : ind_dataset_find_series(ds, ind_dataset_str(ds, s->unit), ind_dataset_str(ds, s->indicator), IND_GENDER_T);
    const ind_series *ts = total >= 0 ? ind_dataset_series(ds, (size_t)total) : s;
    for (size_t i = ts->first; i < ts->first + ts->count && !out->have; i++) {
        ind_period p = ind_dataset_period(ds, i);
        /* a year's årsmål is judged at the year's end, so it lies ahead of T1 and T2 */
        /* an outcome after `to` is not known yet as seen from `to` */
        int known = !isnan(ind_dataset_value(ds, i)) && ind_period_within(p, 0, to);
        if (target_time(p, pts.kind) <= ind_period_time(last) || known)
            continue;
        ind_obs o;
        ind_dataset_get(ds, i, &o);
        ind_target t = ind_dataset_target(ds, o.target);
        if (t.kind != IND_TARGET_VALUE && t.kind != IND_TARGET_MAX && t.kind != IND_TARGET_MIN)
            continue;
        out->period = p;
        out->rule = t;
        out->target = t.value;
        out->have = 1;
    }
    if (!out->have) {
        ind_outlook_points_free(&pts);
        return IND_OK;
    }
    ind_trend_ols fit;
    double t0 = target_time(out->period, pts.kind);
    if (ind_trend_ols_fit(pts.t, pts.y, pts.n, alpha, &fit) != IND_OK ||
        ind_trend_ols_predict(&fit, t0, alpha, &out->yhat, &out->pi_lo, &out->pi_hi) != IND_OK ||
        isnan(out->pi_lo)) {
        out->have = 0;
        ind_outlook_points_free(&pts);
        return IND_OK;
    }
    ind_outlook_points_free(&pts);
    /* a share cannot leave 0-100 %, nor a count go below 0: the interval is cut there */
    if (s->info && s->info->measure == IND_MEASURE_PERCENT && s->info->direction != IND_DIR_BAND) {
        out->pi_lo = fmax(out->pi_lo, 0);
        out->pi_hi = fmin(out->pi_hi, 100);
    } else if (s->info && s->info->measure == IND_MEASURE_COUNT) {
        out->pi_lo = fmax(out->pi_lo, 0);
    }
    ind_direction dir = s->info ? s->info->direction : IND_DIR_UNKNOWN;
    int higher = out->rule.kind == IND_TARGET_MIN || (out->rule.kind == IND_TARGET_VALUE && dir == IND_DIR_HIGHER);
    int lower = out->rule.kind == IND_TARGET_MAX || (out->rule.kind == IND_TARGET_VALUE && dir == IND_DIR_LOWER);
    if (higher)
        out->likely = out->target < out->pi_lo ? 1 : out->target > out->pi_hi ? -1 : 0;
    else if (lower)
        out->likely = out->target > out->pi_hi ? 1 : out->target < out->pi_lo ? -1 : 0;
    else
        out->likely = 0;
    int percent = s->info && s->info->measure == IND_MEASURE_PERCENT;
    int dec = s->info ? s->info->decimals : 1;
    char y[40], lo[40], hi[40], tg[40], per[32];
    ind_num_format_sv(out->yhat, dec, IND_FMT_UNICODE, y, sizeof y);
    ind_num_format_sv(out->pi_lo, dec, IND_FMT_UNICODE, lo, sizeof lo);
    ind_num_format_sv(out->pi_hi, dec, IND_FMT_UNICODE, hi, sizeof hi);
    ind_num_format_sv(out->target, dec, IND_FMT_UNICODE, tg, sizeof tg);
    ind_period_label(out->period, per, sizeof per);
    const char *u = percent ? " %" : "";
    const char *verdict = !higher && !lower ? (sv ? "kan inte bedömas (riktning okänd)" : "cannot be judged (direction unknown)")
                          : out->likely > 0 ? (sv ? "nås troligen" : "is likely to be met")
                          : out->likely < 0 ? (sv ? "nås troligen inte" : "is likely not to be met")
                                            : (sv ? "osäkert" : "uncertain");
    snprintf(out->sentence, sizeof out->sentence,
             sv ? "Årsmålet %s (%s%s) %s: trenden pekar på %s%s (%g %%-prognosintervall %s till %s%s)."
                : "The target for %s (%s%s) %s: the trend points to %s%s (%g %% prediction interval %s to %s%s).",
             per, tg, u, verdict, y, u, 100 * (1 - alpha), lo, hi, u);
    if (sv && out->likely == 0 && (higher || lower))
        snprintf(out->sentence, sizeof out->sentence,
                 "Årsmålet %s (%s%s): osäkert om det nås; trenden pekar på %s%s (%g %%-prognosintervall %s till %s%s).",
                 per, tg, u, y, u, 100 * (1 - alpha), lo, hi, u);
    return IND_OK;
}
