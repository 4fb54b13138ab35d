/* chart_scale.c: scales: value ranges with nice ticks, and periods in real time. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdlib.h>

double chart_map(const chart_scale *s, double v)
{
    if (s->hi == s->lo)
        return (s->p0 + s->p1) / 2;
    return s->p0 + (v - s->lo) / (s->hi - s->lo) * (s->p1 - s->p0);
}

void chart_nice(double lo, double hi, int ticks, int whole, chart_scale *s)
{
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi < lo) {
        double t = lo;
        lo = hi;
        hi = t;
    }
    if (hi - lo < 1e-12 * fmax(1, fabs(hi))) {
        double d = lo == 0 ? 1 : fabs(lo) * 0.1;
        lo -= d;
        hi += d;
        if (lo < 0 && lo + d >= 0)
            lo = 0;
    }
    if (ticks < 2)
        ticks = 2;
    double raw = (hi - lo) / ticks;
    double mag = pow(10, floor(log10(raw)));
    static const double steps[] = {1, 2, 2.5, 5, 10};
    double step = 10 * mag;
    if (whole && mag < 1) { /* a count: no step below 1 */
        mag = 1;
        step = 10;
    }
    for (int i = 0; i < 5; i++)
        /* 25, 250 ... but not 2.5 or 0.25: a half-step decimal on the axis reads badly */
        if (steps[i] * mag >= raw * 0.999 && !(steps[i] == 2.5 && mag < 10)) {
            step = steps[i] * mag;
            break;
        }
    s->lo = floor(lo / step + 1e-9) * step;
    s->hi = ceil(hi / step - 1e-9) * step;
    if (s->hi <= s->lo)
        s->hi = s->lo + step;
    s->step = step;
    int d = 0;
    while (d < 6 && fabs(step * pow(10, d) - nearbyint(step * pow(10, d))) > 1e-6)
        d++;
    s->decimals = d;
}

void chart_value_range(double lo, double hi, int percent, int zoom, int ticks, int counts, chart_scale *s)
{
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = percent ? 100 : 1;
    }
    if (counts && !percent) {
        /* whole numbers from the whole number at or below the least value
         * (0 unless zoomed in on values far from it) to the one at or above
         * the greatest, no further: 0 and 1 for a count of 0 or 1 */
        lo = floor(lo + 1e-9);
        hi = ceil(hi - 1e-9);
        if (!zoom && lo >= 0 && lo <= 0.4 * hi)
            lo = 0;
        if (hi <= lo)
            hi = lo + 1;
        chart_nice(lo, hi, ticks, 1, s);
        return;
    }
    /* a percentage axis stops at 100 when the data do */
    int cap = percent && hi <= 100 + 1e-9;
    double span = hi - lo;
    if (percent && !zoom) {
        if (lo > 0)
            lo = 0;
        hi += span * 0.04;
    } else {
        if (!zoom && lo >= 0 && lo <= 0.4 * hi)
            lo = 0;
        else {
            double pad = span > 0 ? span * 0.08 : fabs(hi) * 0.05 + 1e-9;
            double l2 = lo - pad;
            if (lo >= 0 && l2 < 0)
                l2 = 0;
            lo = l2;
        }
        hi += (hi - lo) * 0.06;
    }
    if (cap && hi > 100)
        hi = 100;
    chart_nice(lo, hi, ticks, 0, s);
    if (cap && s->hi > 100)
        s->hi = 100; /* 100 is a multiple of every step chart_nice picks up to 50 */
}

double *chart_period_times(chart *c, const ind_period *p, size_t n, chart_time *tm)
{
    double *t = malloc((n ? n : 1) * sizeof *t);
    if (!t) {
        c->oom = 1;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        t[i] = ind_period_time(p[i]);
    chart_time_of(p, n, tm);
    return t;
}

void chart_time_of(const ind_period *p, size_t n, chart_time *t)
{
    t->kind = ind_period_kind_of(p[0]);
    t->t0 = ind_period_time(p[0]);
    t->t1 = ind_period_time(p[n - 1]);
    t->step = t->kind == IND_PERIOD_TERTIAL ? 1.0 / 3 : t->kind == IND_PERIOD_MONTH ? 1.0 / 12 : 1.0;
    for (size_t i = 1; i < n; i++) {
        if (ind_period_kind_of(p[i]) != t->kind) {
            /* mixed kinds: the smallest step present */
            ind_period_kind k = ind_period_kind_of(p[i]);
            double s = k == IND_PERIOD_TERTIAL ? 1.0 / 3 : k == IND_PERIOD_MONTH ? 1.0 / 12 : 1.0;
            if (s < t->step) {
                t->step = s;
                t->kind = k;
            }
        }
    }
}

chart_scale chart_time_scale(const chart_time *tm, double left, double right)
{
    return (chart_scale){tm->t0 - tm->step / 2, tm->t1 + tm->step / 2, left, right, tm->step, 0};
}

double chart_time_right(const chart_time *tm, double left, double edge, double end_w, double last_w)
{
    double slots = (tm->t1 - tm->t0) / tm->step + 1, right = end_w;
    for (int it = 0; it < 2; it++) {
        double half = (edge - right - left) / slots / 2;
        right = fmax(end_w, last_w - half);
    }
    return edge - right;
}

void chart_widen(double *lo, double *hi, const double *v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i])) {
            *lo = fmin(*lo, v[i]);
            *hi = fmax(*hi, v[i]);
        }
}

long chart_last_finite(const double *v, size_t n)
{
    if (!v)
        return -1;
    for (size_t i = n; i-- > 0;)
        if (isfinite(v[i]))
            return (long)i;
    return -1;
}

int chart_tick_count(double length, double per, int lo, int hi)
{
    int ticks = (int)(length / per);
    return ticks < lo ? lo : ticks > hi ? hi : ticks;
}
