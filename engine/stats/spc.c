/* spc.c: run and control charts, their rules and the NHS assurance of a target.
 *
 * References: Montgomery, Introduction to Statistical Quality Control (I, p
 * and u charts, 3-sigma limits, the 2-of-3 beyond 2 sigma zone rule);
 * Anhøj & Olesen (2014) and R qicharts2 for the runs analysis and for the
 * I chart's screened moving ranges (qic.i); NHS Improvement, "Making Data
 * Count" (2019) for the I chart with 2.66 MRbar limits, its four rules and
 * the assurance of a target; Provost & Murray,
 * The Health Care Data Guide (2011) for the IHI run chart rules. See
 * docs/methods-trend.md. */
#include "spc.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

/* NHS Making Data Count: limits at mean -/+ 2.66 MRbar (3 / d2, d2 = 1.128). */
#define NHS_LIMIT 2.66
#define NHS_SHIFT_LEN 7
#define NHS_TREND_LEN 7
#define IHI_SHIFT_LEN 6
#define IHI_TREND_LEN 5

/* ------------------------------------------------------------ signal list */

typedef struct {
    ind_spc_signal *v;
    size_t n, cap;
    int failed;
} sigvec;

static void sig_push(sigvec *s, ind_spc_rule rule, size_t first, size_t last, ind_spc_side side)
{
    if (s->failed)
        return;
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        ind_spc_signal *v = realloc(s->v, cap * sizeof *v);
        if (!v) {
            s->failed = 1;
            return;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = (ind_spc_signal){rule, first, last, side};
}

static int sig_cmp(const void *a, const void *b)
{
    const ind_spc_signal *x = a, *y = b;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->last != y->last)
        return x->last < y->last ? -1 : 1;
    return (int)x->side - (int)y->side;
}

static int sign_of(double d)
{
    return (d > 0.0) - (d < 0.0);
}

/* ------------------------------------------------------------------ Anhøj */

ind_status ind_spc_anhoj_limits(size_t n_useful, size_t *longest_run_max, size_t *crossings_min)
{
    if (!longest_run_max || !crossings_min)
        return IND_EUSAGE;
    if (n_useful == 0) {
        *longest_run_max = 0;
        *crossings_min = 0;
        return IND_OK;
    }
    if (n_useful > 0xFFFFFFFFu)
        return IND_EDOMAIN;
    /* log2 of an integer is never a half-integer, so the rounding rule
     * (R rounds half to even) does not matter. */
    *longest_run_max = (size_t)lround(log2((double)n_useful)) + 3;

    /* qbinom(0.05, m, 0.5) as R computes it: the smallest x with
     * P(X <= x) >= 0.05 (1 - 64 DBL_EPSILON), the fuzz R applies. */
    unsigned m = (unsigned)(n_useful - 1);
    double target = 0.05 * (1.0 - 64.0 * DBL_EPSILON);
    double start = floor(m / 2.0 - 1.5 * sqrt((double)m)); /* 3 sd below the mean */
    unsigned x = start > 0.0 ? (unsigned)start : 0u;
    if (x > 0 && gsl_cdf_binomial_P(x, 0.5, m) >= target)
        x = 0;
    while (x < m && gsl_cdf_binomial_P(x, 0.5, m) < target)
        x++;
    *crossings_min = x;
    return IND_OK;
}

/* Runs of points strictly on one side of the centre, points on the centre
 * skipped (they neither continue nor break a run). Calls back for each run
 * with its length, first and last point and side. */
typedef void (*run_fn)(void *ctx, size_t len, size_t first, size_t last, int side);

static size_t runs_about_centre(const double *v, const double *centre, size_t n, run_fn fn,
                                void *ctx)
{
    int prev = 0;
    size_t len = 0, first = 0, last = 0, runs = 0;
    for (size_t i = 0; i < n; i++) {
        int s = sign_of(v[i] - centre[i]);
        if (s == 0)
            continue;
        if (s != prev) {
            if (len)
                fn(ctx, len, first, last, prev);
            runs++;
            prev = s;
            len = 0;
            first = i;
        }
        len++;
        last = i;
    }
    if (len)
        fn(ctx, len, first, last, prev);
    return runs;
}

typedef struct {
    ind_spc_anhoj *a;
    sigvec *sig;
    ind_spc_rule rule;
    size_t min_len;   /* emit a signal for runs at least this long (0: never) */
    size_t n_useful;
} run_ctx;

static void on_run(void *vctx, size_t len, size_t first, size_t last, int side)
{
    run_ctx *c = vctx;
    c->n_useful += len;
    if (c->a && len > c->a->longest_run) {
        c->a->longest_run = len;
        c->a->run_first = first;
        c->a->run_last = last;
    }
    if (c->min_len && len >= c->min_len)
        sig_push(c->sig, c->rule, first, last, side > 0 ? IND_SPC_SIDE_ABOVE : IND_SPC_SIDE_BELOW);
}

static void apply_anhoj(const ind_spc_chart *ch, ind_spc_anhoj *a, sigvec *sig)
{
    /* First pass: n_useful and the longest run; second: the signals. */
    memset(a, 0, sizeof *a);
    run_ctx c = {a, sig, IND_SPC_ANHOJ_LONG_RUN, 0, 0};
    size_t runs = runs_about_centre(ch->value, ch->centre, ch->n, on_run, &c);
    a->n_useful = c.n_useful;
    a->crossings = runs ? runs - 1 : 0;
    ind_spc_anhoj_limits(a->n_useful, &a->longest_run_max, &a->crossings_min);
    if (a->n_useful == 0)
        return;
    a->long_run_signal = a->longest_run > a->longest_run_max;
    a->crossings_signal = a->crossings < a->crossings_min;
    if (a->long_run_signal) {
        run_ctx c2 = {NULL, sig, IND_SPC_ANHOJ_LONG_RUN, a->longest_run_max + 1, 0};
        runs_about_centre(ch->value, ch->centre, ch->n, on_run, &c2);
    }
    if (a->crossings_signal) {
        size_t first = 0, last = 0;
        int seen = 0;
        for (size_t i = 0; i < ch->n; i++)
            if (sign_of(ch->value[i] - ch->centre[i]) != 0) {
                if (!seen)
                    first = i;
                seen = 1;
                last = i;
            }
        sig_push(sig, IND_SPC_ANHOJ_FEW_CROSSINGS, first, last, IND_SPC_SIDE_NONE);
    }
}

/* -------------------------------------------------------------------- IHI */

/* Points going up (down) in a row. With skip_like, a point equal to the one
 * before is ignored (IHI: like values neither make nor break a trend);
 * otherwise it breaks the trend (NHS). A stretch of at least min_points
 * points is a signal. */
static void trends(const double *v, size_t n, size_t min_points, int skip_like,
                   ind_spc_rule rule, sigvec *sig)
{
    if (n < 2)
        return;
    size_t start = 0, prev = 0, count = 1; /* points in the current stretch */
    int dir = 0;
    for (size_t i = 1; i < n; i++) {
        int d = sign_of(v[i] - v[prev]);
        if (d == 0 && skip_like)
            continue;              /* like value: ignored, prev stays */
        if (d != 0 && d == dir) {
            count++;
        } else {
            if (dir != 0 && count >= min_points)
                sig_push(sig, rule, start, prev,
                         dir > 0 ? IND_SPC_SIDE_RISING : IND_SPC_SIDE_FALLING);
            if (d == 0) {          /* NHS: an equal pair breaks; restart at i */
                start = i;
                count = 1;
            } else {
                start = prev;
                count = 2;
            }
            dir = d;
        }
        prev = i;
    }
    if (dir != 0 && count >= min_points)
        sig_push(sig, rule, start, prev, dir > 0 ? IND_SPC_SIDE_RISING : IND_SPC_SIDE_FALLING);
}

static void apply_ihi(const ind_spc_chart *ch, sigvec *sig)
{
    run_ctx c = {NULL, sig, IND_SPC_IHI_SHIFT, IHI_SHIFT_LEN, 0};
    runs_about_centre(ch->value, ch->centre, ch->n, on_run, &c);
    trends(ch->value, ch->n, IHI_TREND_LEN, 1, IND_SPC_IHI_TREND, sig);
}

/* -------------------------------------------------------------------- NHS */

static void apply_nhs(const ind_spc_chart *ch, sigvec *sig)
{
    const double *v = ch->value;
    size_t n = ch->n;

    /* A point outside the limits. */
    for (size_t i = 0; i < n; i++) {
        if (v[i] > ch->ucl[i])
            sig_push(sig, IND_SPC_NHS_OUTSIDE_LIMITS, i, i, IND_SPC_SIDE_ABOVE);
        else if (v[i] < ch->lcl[i])
            sig_push(sig, IND_SPC_NHS_OUTSIDE_LIMITS, i, i, IND_SPC_SIDE_BELOW);
    }

    /* 7 or more in a row on one side of the mean; a point on the mean breaks
     * the run (as NHSRplotthedots). */
    size_t first = 0, len = 0;
    int side = 0;
    for (size_t i = 0; i <= n; i++) {
        int s = i < n ? sign_of(v[i] - ch->centre[i]) : 0;
        if (s != 0 && s == side) {
            len++;
            continue;
        }
        if (side != 0 && len >= NHS_SHIFT_LEN)
            sig_push(sig, IND_SPC_NHS_SHIFT, first, i - 1,
                     side > 0 ? IND_SPC_SIDE_ABOVE : IND_SPC_SIDE_BELOW);
        side = s;
        first = i;
        len = 1;
    }

    /* 7 or more in a row rising or falling; equal neighbours break it. */
    trends(v, n, NHS_TREND_LEN, 0, IND_SPC_NHS_TREND, sig);

    /* 2 of 3 consecutive points beyond 2 sigma on the same side (points
     * outside the limits count; the third point may lie anywhere).
     * Overlapping triggered windows on one side merge into one signal that
     * runs from its first to its last point beyond 2 sigma. */
    if (n < 3)
        return;
    for (int s = 1; s >= -1; s -= 2) {
        int open = 0;
        size_t of = 0, ol = 0;
        for (size_t w = 0; w + 2 < n; w++) {
            size_t cnt = 0, f = 0, l = 0;
            for (size_t i = w; i < w + 3; i++) {
                double d = v[i] - ch->centre[i], two = 2.0 * ch->sigma[i];
                if ((s > 0 && d > two) || (s < 0 && d < -two)) {
                    if (!cnt)
                        f = i;
                    l = i;
                    cnt++;
                }
            }
            if (cnt < 2)
                continue;
            if (open && f <= ol) {
                if (l > ol)
                    ol = l;
            } else {
                if (open)
                    sig_push(sig, IND_SPC_NHS_TWO_OF_THREE, of, ol,
                             s > 0 ? IND_SPC_SIDE_ABOVE : IND_SPC_SIDE_BELOW);
                open = 1;
                of = f;
                ol = l;
            }
        }
        if (open)
            sig_push(sig, IND_SPC_NHS_TWO_OF_THREE, of, ol,
                     s > 0 ? IND_SPC_SIDE_ABOVE : IND_SPC_SIDE_BELOW);
    }
}

/* ------------------------------------------------------------------ chart */

void ind_spc_chart_free(ind_spc_chart *chart)
{
    if (!chart)
        return;
    free(chart->value);
    free(chart->signals);
    memset(chart, 0, sizeof *chart);
}

/* I chart limits. Moving ranges MR_i = |y_i - y_(i-1)|, MRbar their mean.
 * NHS Making Data Count: limits mean -/+ 2.66 MRbar, sigma = 2.66/3 MRbar.
 * qicharts2 (R/qic.charts.R, qic.i; Provost & Murray p. 156, Montgomery
 * 6.33): the moving ranges MR_i < 3.267 MRbar are kept, MRbar recomputed from
 * them, sigma = MRbar / 1.128, limits mean -/+ 3 sigma. */
static void i_limits(const double *y, size_t n, int nhs, ind_spc_chart *out)
{
    double mean = gsl_stats_mean(y, 1, n), mr = 0.0;
    for (size_t i = 1; i < n; i++)
        mr += fabs(y[i] - y[i - 1]);
    mr /= (double)(n - 1);
    out->mr_bar_all = mr;
    double sigma = NHS_LIMIT / 3.0 * mr;
    out->limits = IND_SPC_LIMITS_NHS;
    if (!nhs) {
        out->limits = IND_SPC_LIMITS_SCREENED;
        if (mr > 0.0) {
            double bound = IND_SPC_MR_SCREEN * mr, kept = 0.0;
            size_t nk = 0;
            for (size_t i = 1; i < n; i++) {
                double d = fabs(y[i] - y[i - 1]);
                if (d < bound) {
                    kept += d;
                    nk++;
                }
            }
            /* nk >= 1: the smallest moving range is below 3.267 times the mean */
            out->mr_excluded = n - 1 - nk;
            mr = kept / (double)nk;
        }
        sigma = mr / IND_SPC_D2;
    }
    out->centre_line = mean;
    out->mr_bar = mr;
    for (size_t i = 0; i < n; i++) {
        out->value[i] = y[i];
        out->centre[i] = mean;
        out->lcl[i] = nhs ? mean - NHS_LIMIT * mr : mean - 3.0 * sigma;
        out->ucl[i] = nhs ? mean + NHS_LIMIT * mr : mean + 3.0 * sigma;
        out->sigma[i] = sigma;
    }
}

/* Model per type:
 *  run: centre = median(y);
 *  I:   centre = mean(y), limits by i_limits;
 *  p:   p_i = y_i/n_i, CL = sum y / sum n, sigma_i = sqrt(CL(1 - CL)/n_i),
 *       limits CL -/+ 3 sigma_i clamped to [0, 1];
 *  u:   u_i = y_i/n_i, CL = sum y / sum n, sigma_i = sqrt(CL/n_i), limits
 *       CL -/+ 3 sigma_i, the lower clamped at 0.
 * Then the rule sets asked for; signals sorted by rule and first point. */
ind_status ind_spc_chart_compute(ind_spc_type type, const double *y, const double *den,
                                 size_t n, unsigned rules, ind_spc_chart *out)
{
    if (!y || !out || (rules & ~7u) || type > IND_SPC_U)
        return IND_EUSAGE;
    if ((type == IND_SPC_P || type == IND_SPC_U) && !den)
        return IND_EUSAGE;
    if (type == IND_SPC_RUN && (rules & IND_SPC_RULES_NHS))
        return IND_EUSAGE;
    if (n < 1 || (type == IND_SPC_I && n < 2))
        return IND_EDOMAIN;
    if (n > SIZE_MAX / (5 * sizeof(double)))
        return IND_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(y[i]))
            return IND_EDOMAIN;
        if (type == IND_SPC_P || type == IND_SPC_U) {
            if (!isfinite(den[i]) || !(den[i] > 0.0) || y[i] < 0.0)
                return IND_EDOMAIN;
            if (type == IND_SPC_P && y[i] > den[i])
                return IND_EDOMAIN;
        }
    }

    memset(out, 0, sizeof *out);
    double *block = malloc(5 * n * sizeof(double));
    if (!block)
        return IND_ENOMEM;
    out->type = type;
    out->n = n;
    out->rules = rules;
    out->value = block;
    out->centre = block + n;
    out->lcl = block + 2 * n;
    out->ucl = block + 3 * n;
    out->sigma = block + 4 * n;
    out->mr_bar = out->mr_bar_all = NAN;
    out->limits = type == IND_SPC_P ? IND_SPC_LIMITS_BINOMIAL
                  : type == IND_SPC_U ? IND_SPC_LIMITS_POISSON : IND_SPC_LIMITS_NONE;
    if (n < IND_SPC_MIN_POINTS)
        out->flags |= IND_SPC_F_FEW_POINTS;

    switch (type) {
    case IND_SPC_RUN: {
        /* The median, on a sorted copy kept in the lcl array for now. */
        double *tmp = out->lcl;
        memcpy(tmp, y, n * sizeof(double));
        gsl_sort(tmp, 1, n);
        out->centre_line = gsl_stats_median_from_sorted_data(tmp, 1, n);
        for (size_t i = 0; i < n; i++) {
            out->value[i] = y[i];
            out->centre[i] = out->centre_line;
            out->lcl[i] = out->ucl[i] = out->sigma[i] = NAN;
        }
        break;
    }
    case IND_SPC_I:
        i_limits(y, n, (rules & IND_SPC_RULES_NHS) != 0, out);
        break;
    case IND_SPC_P:
    case IND_SPC_U: {
        double sy = 0.0, sn = 0.0;
        for (size_t i = 0; i < n; i++) {
            sy += y[i];
            sn += den[i];
        }
        double cl = sy / sn;
        out->centre_line = cl;
        for (size_t i = 0; i < n; i++) {
            double sd = type == IND_SPC_P ? sqrt(cl * (1.0 - cl) / den[i]) : sqrt(cl / den[i]);
            double lo = cl - 3.0 * sd, hi = cl + 3.0 * sd;
            if (lo < 0.0) {
                lo = 0.0;
                out->flags |= IND_SPC_F_CLAMPED;
            }
            if (type == IND_SPC_P && hi > 1.0) {
                hi = 1.0;
                out->flags |= IND_SPC_F_CLAMPED;
            }
            out->value[i] = y[i] / den[i];
            out->centre[i] = cl;
            out->sigma[i] = sd;
            out->lcl[i] = lo;
            out->ucl[i] = hi;
        }
        break;
    }
    }

    sigvec sig = {0};
    if (rules & IND_SPC_RULES_ANHOJ)
        apply_anhoj(out, &out->anhoj, &sig);
    if (rules & IND_SPC_RULES_NHS)
        apply_nhs(out, &sig);
    if (rules & IND_SPC_RULES_IHI)
        apply_ihi(out, &sig);
    if (sig.failed) {
        free(sig.v);
        ind_spc_chart_free(out);
        return IND_ENOMEM;
    }
    if (sig.n > 1)
        qsort(sig.v, sig.n, sizeof *sig.v, sig_cmp);
    out->signals = sig.v;
    out->n_signals = sig.n;
    return IND_OK;
}

/* ------------------------------------------------------------ assurance */

ind_spc_assurance ind_spc_assure(const ind_spc_chart *chart, double target,
                                 ind_direction direction)
{
    if (!chart || chart->n == 0 || chart->type == IND_SPC_RUN || !isfinite(target))
        return IND_SPC_ASSURANCE_NONE;
    if (direction != IND_DIR_HIGHER && direction != IND_DIR_LOWER)
        return IND_SPC_ASSURANCE_NONE;
    double lo = chart->lcl[chart->n - 1], hi = chart->ucl[chart->n - 1];
    int higher = direction == IND_DIR_HIGHER;
    if (target < lo)
        return higher ? IND_SPC_CONSISTENTLY_MET : IND_SPC_CONSISTENTLY_MISSED;
    if (target > hi)
        return higher ? IND_SPC_CONSISTENTLY_MISSED : IND_SPC_CONSISTENTLY_MET;
    return IND_SPC_HIT_AND_MISS;
}

const char *ind_spc_rule_name(ind_spc_rule rule)
{
    switch (rule) {
    case IND_SPC_ANHOJ_LONG_RUN: return "anhoj-long-run";
    case IND_SPC_ANHOJ_FEW_CROSSINGS: return "anhoj-few-crossings";
    case IND_SPC_NHS_OUTSIDE_LIMITS: return "nhs-outside-limits";
    case IND_SPC_NHS_SHIFT: return "nhs-shift";
    case IND_SPC_NHS_TREND: return "nhs-trend";
    case IND_SPC_NHS_TWO_OF_THREE: return "nhs-two-of-three";
    case IND_SPC_IHI_SHIFT: return "ihi-shift";
    case IND_SPC_IHI_TREND: return "ihi-trend";
    }
    return "unknown";
}

const char *ind_spc_limits_name(ind_spc_limits l)
{
    switch (l) {
    case IND_SPC_LIMITS_NONE: return "none";
    case IND_SPC_LIMITS_SCREENED: return "qicharts2";
    case IND_SPC_LIMITS_NHS: return "nhs";
    case IND_SPC_LIMITS_BINOMIAL: return "binomial";
    case IND_SPC_LIMITS_POISSON: return "poisson";
    }
    return "unknown";
}

const char *ind_spc_side_name(ind_spc_side side)
{
    switch (side) {
    case IND_SPC_SIDE_NONE: return "none";
    case IND_SPC_SIDE_ABOVE: return "above";
    case IND_SPC_SIDE_BELOW: return "below";
    case IND_SPC_SIDE_RISING: return "rising";
    case IND_SPC_SIDE_FALLING: return "falling";
    }
    return "unknown";
}

const char *ind_spc_assurance_name(ind_spc_assurance a)
{
    switch (a) {
    case IND_SPC_ASSURANCE_NONE: return "none";
    case IND_SPC_CONSISTENTLY_MET: return "consistently-met";
    case IND_SPC_CONSISTENTLY_MISSED: return "consistently-missed";
    case IND_SPC_HIT_AND_MISS: return "hit-and-miss";
    }
    return "unknown";
}
