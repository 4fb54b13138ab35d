/* figures.c: chart models from engine results: arrays gathered, nothing computed. */
#include "figures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "goals.h"
#include "number.h"
#include "outlook.h"
#include "reference.h"
#include "sentence.h"

_Static_assert(IND_OPTS_REFERENCES_MAX <= IND_CHART_REFERENCES_MAX, "a chart draws every reference");

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fprintf(stderr, "indikator: out of memory\n");
        exit(4);
    }
    return p;
}

/* The number a target rule stands for on a chart: the value, N of max/min, the band's centre. */
static double target_number(const ind_dataset *ds, ind_str text)
{
    ind_target t = ind_dataset_target(ds, text);
    switch (t.kind) {
    case IND_TARGET_VALUE:
    case IND_TARGET_MAX:
    case IND_TARGET_MIN:
    case IND_TARGET_EXACT:
    case IND_TARGET_BAND:
        return t.value;
    default:
        return NAN;
    }
}

/* ---- trend ------------------------------------------------------------------ */

struct ind_fig_trend {
    ind_chart_trend m;
    ind_period *periods;
    ind_chart_series series[IND_GENDER_COUNT];
    double *values[IND_GENDER_COUNT];
    double *n, *target, *kf, *band_lo, *band_hi;
    ind_chart_trendline line;
    ind_chart_note notes[6];
    char note_text[6][400]; /* a note that recurs: its text and the other periods it covers */
    char label[160];
    size_t total;           /* the total's series the chart is of */
    ind_chart_reference refs[IND_CHART_REFERENCES_MAX];
    double *ref_values[IND_CHART_REFERENCES_MAX];
    char ref_name[IND_CHART_REFERENCES_MAX][300];
    char *ref_alt[IND_CHART_REFERENCES_MAX];
};

/* Whether the indicator counts events (its catalogue unit is a count): its
 * charts get whole-number ticks and no intervals. */
static int counts_events(const ind_indicator *info)
{
    return info && info->measure == IND_MEASURE_COUNT;
}

static int period_cmp(const void *a, const void *b)
{
    ind_period x = *(const ind_period *)a, y = *(const ind_period *)b;
    return x < y ? -1 : x > y;
}

/* Sen's line through the total and the OLS confidence band, as the engine's
 * outlook fits them; no line where the engine says there are too few points
 * for a trend (the report's sentence says so next to the chart). */
static void trend_line(ind_fig_trend *t, const ind_dataset *ds, size_t total, ind_period from, ind_period to,
                       double alpha, size_t np, ind_lang lang)
{
    ind_outlook_trend tr;
    ind_error err;
    if (ind_outlook_trend_of(ds, total, from, to, alpha, IND_LANG_SV, &tr, &err) != IND_OK)
        return;
    const ind_outlook_points *pts = &tr.pts;
    if (tr.have_trend && tr.verdict != IND_TREND_TOO_FEW_POINTS) {
        const ind_indicator *info = ind_dataset_series(ds, total)->info;
        int percent = info && info->measure == IND_MEASURE_PERCENT;
        t->line.from = pts->period[0];
        t->line.to = pts->period[pts->n - 1];
        t->line.y_from = tr.trend.sen.intercept + tr.trend.sen.slope * pts->t[0];
        t->line.y_to = tr.trend.sen.intercept + tr.trend.sen.slope * pts->t[pts->n - 1];
        t->line.series = 0;
        char num[48];
        int en = lang == IND_LANG_EN;
        (en ? ind_num_format_en : ind_num_format_sv)(tr.trend.sen.slope, (info ? info->decimals : 1) + 1,
                                                   IND_FMT_PLUS | IND_FMT_UNICODE, num, sizeof num);
        snprintf(t->label, sizeof t->label, en ? "Trend (Sen) %s%s a year" : "Trend (Sen) %s%s per år", num,
                 percent ? (en ? " percentage points" : " procentenheter") : "");
        t->line.label = t->label;
        t->m.trend = &t->line;
        t->band_lo = xcalloc(np, sizeof *t->band_lo);
        t->band_hi = xcalloc(np, sizeof *t->band_hi);
        for (size_t i = 0; i < np; i++) {
            double yhat;
            t->band_lo[i] = t->band_hi[i] = NAN;
            if (t->periods[i] >= t->line.from && t->periods[i] <= t->line.to)
                ind_trend_ols_confidence(&tr.trend.ols, ind_period_time(t->periods[i]), alpha, &yhat, &t->band_lo[i],
                                         &t->band_hi[i]);
        }
        /* a count of a few events (0, 1, 2 ...) gets its trend line but no
         * band of fractional values around it */
        if (!counts_events(info)) {
            t->m.band_lo = t->band_lo;
            t->m.band_hi = t->band_hi;
        }
    }
    ind_outlook_trend_free(&tr);
}

/* The periods of the chart: of the main kind, with a value in any gender or
 * a target on the total; sorted, each once. Returns how many. */
static size_t trend_periods(ind_fig_trend *t, const ind_dataset *ds, const long *sg, ind_period_kind kind,
                            ind_period from, ind_period to)
{
    size_t cap = 0;
    for (int g = 0; g < IND_GENDER_COUNT; g++)
        if (sg[g] >= 0)
            cap += ind_dataset_series(ds, (size_t)sg[g])->count;
    t->periods = xcalloc(cap, sizeof *t->periods);
    size_t np = 0;
    for (int g = 0; g < IND_GENDER_COUNT; g++) {
        if (sg[g] < 0)
            continue;
        const ind_series *s = ind_dataset_series(ds, (size_t)sg[g]);
        for (size_t i = s->first; i < s->first + s->count; i++) {
            ind_period p = ind_dataset_period(ds, i);
            if (ind_period_kind_of(p) != kind || !ind_period_within(p, from, to))
                continue;
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            if (isnan(o.value) && !(g == IND_GENDER_T && !isnan(target_number(ds, o.target))))
                continue;
            t->periods[np++] = p;
        }
    }
    qsort(t->periods, np, sizeof *t->periods, period_cmp);
    size_t w = 0;
    for (size_t i = 0; i < np; i++)
        if (!w || t->periods[w - 1] != t->periods[i])
            t->periods[w++] = t->periods[i];
    return w;
}

/* One line per gender with a value: total, women, men, other. Returns how many. */
static size_t trend_series(ind_fig_trend *t, const ind_dataset *ds, const long *sg, size_t np)
{
    size_t ns = 0;
    static const ind_gender order[] = {IND_GENDER_T, IND_GENDER_K, IND_GENDER_M, IND_GENDER_X};
    for (int k = 0; k < IND_GENDER_COUNT; k++) {
        int g = order[k];
        if (sg[g] < 0)
            continue;
        double *v = xcalloc(np, sizeof *v);
        int any = 0;
        for (size_t i = 0; i < np; i++) {
            long j = ind_dataset_find_obs(ds, (size_t)sg[g], t->periods[i]);
            v[i] = j >= 0 ? ind_dataset_value(ds, (size_t)j) : NAN;
            any |= !isnan(v[i]);
        }
        if (!any) {
            free(v);
            continue;
        }
        t->values[ns] = v;
        t->series[ns].gender = (ind_gender)g;
        t->series[ns].values = v;
        ns++;
    }
    return ns;
}

/* Targets, KF targets and bases from the total's rows; the model points at
 * the ones that have any. */
static void trend_targets(ind_fig_trend *t, const ind_dataset *ds, size_t total, size_t np, size_t ns)
{
    const ind_indicator *info = ind_dataset_series(ds, total)->info;
    int percent = info && info->measure == IND_MEASURE_PERCENT;
    t->target = xcalloc(np, sizeof *t->target);
    t->kf = xcalloc(np, sizeof *t->kf);
    t->n = xcalloc(np, sizeof *t->n);
    int any_target = 0, any_kf = 0, any_n = 0;
    for (size_t i = 0; i < np; i++) {
        long j = ind_dataset_find_obs(ds, total, t->periods[i]);
        t->target[i] = t->kf[i] = t->n[i] = NAN;
        if (j < 0)
            continue;
        ind_obs o;
        ind_dataset_get(ds, (size_t)j, &o);
        t->target[i] = target_number(ds, o.target);
        if (!(info && info->kf_scope == IND_KF_SCOPE_CITY))
            t->kf[i] = target_number(ds, o.kf_target);
        t->n[i] = percent ? o.denominator : NAN;
        any_target |= !isnan(t->target[i]);
        any_kf |= !isnan(t->kf[i]);
        any_n |= !isnan(t->n[i]);
    }
    t->m.target = any_target ? t->target : NULL;
    t->m.kf_target = any_kf ? t->kf : NULL;
    if (ns > 0 && any_n)
        t->series[0].n = t->n;
}

/* Notes from the total's rows within the chart's time, with a value or
 * without one (a note often says why a value is missing: "ingen
 * undersökning 2020"); a note the data repeat period after period is drawn
 * once, at its first period, and says which other periods it covers. */
static void trend_notes(ind_fig_trend *t, const ind_dataset *ds, size_t total, ind_period_kind kind, ind_period from,
                        ind_period to, size_t np, ind_lang lang)
{
    size_t notes = 0;
    ind_str note_id[6] = {0};
    size_t note_first[6] = {0}, note_last[6] = {0}, note_count[6] = {0};
    ind_period note_more[6][4], note_last_period[6];
    const ind_series *ts = ind_dataset_series(ds, total);
    double t_first = ind_period_time(t->periods[0]), t_last = ind_period_time(t->periods[np - 1]);
    size_t row = 0; /* position among the rows within the chart's time */
    for (size_t j = ts->first; j < ts->first + ts->count; j++) {
        ind_period p = ind_dataset_period(ds, j);
        double tp = ind_period_time(p);
        if (ind_period_kind_of(p) != kind || !ind_period_within(p, from, to) || tp < t_first || tp > t_last)
            continue;
        size_t i = row++;
        ind_obs o;
        ind_dataset_get(ds, j, &o);
        if (!o.note)
            continue;
        size_t k = 0;
        while (k < notes && note_id[k] != o.note)
            k++;
        if (k < notes) {
            if (note_count[k] - 1 < 4)
                note_more[k][note_count[k] - 1] = p;
            note_count[k]++;
            note_last[k] = i;
            note_last_period[k] = p;
        } else if (notes < 6) {
            note_id[notes] = o.note;
            note_first[notes] = note_last[notes] = i;
            note_last_period[notes] = p;
            note_count[notes] = 1;
            t->notes[notes].period = p;
            t->notes[notes].text = ind_dataset_str(ds, o.note);
            notes++;
        }
    }
    for (size_t k = 0; k < notes; k++) {
        if (note_count[k] < 2)
            continue;
        char a[32], b[32];
        size_t more = note_count[k] - 1;
        int len = snprintf(t->note_text[k], sizeof t->note_text[k], lang == IND_LANG_EN ? "%s (also " : "%s (även ",
                           t->notes[k].text);
        if (more >= 2 && note_last[k] - note_first[k] + 1 == note_count[k]) /* a run of periods */
            len += snprintf(t->note_text[k] + len, sizeof t->note_text[k] - (size_t)len, "%s–%s",
                            ind_period_label(note_more[k][0], a, sizeof a),
                            ind_period_label(note_last_period[k], b, sizeof b));
        else
            for (size_t q = 0; q < more && q < 4 && len < (int)sizeof t->note_text[k]; q++)
                len += snprintf(t->note_text[k] + len, sizeof t->note_text[k] - (size_t)len, "%s%s",
                                q ? ", " : "", ind_period_label(note_more[k][q], a, sizeof a));
        if (more > 4 && !(note_last[k] - note_first[k] + 1 == note_count[k]) && len < (int)sizeof t->note_text[k])
            len += snprintf(t->note_text[k] + len, sizeof t->note_text[k] - (size_t)len, " …");
        if (len < (int)sizeof t->note_text[k])
            snprintf(t->note_text[k] + len, sizeof t->note_text[k] - (size_t)len, ")");
        t->notes[k].text = t->note_text[k];
    }
    t->m.note_count = notes;
    t->m.notes = t->notes;
}

ind_fig_trend *ind_fig_trend_new(const ind_dataset *ds, size_t series, ind_period from, ind_period to,
                                 int trendline, int zoom, double alpha, ind_lang lang)
{
    const ind_series *s0 = ind_dataset_series(ds, series);
    const char *unit = ind_dataset_str(ds, s0->unit), *name = ind_dataset_str(ds, s0->indicator);
    long sg[IND_GENDER_COUNT];
    for (int g = 0; g < IND_GENDER_COUNT; g++)
        sg[g] = ind_dataset_find_series(ds, unit, name, (ind_gender)g);
    long total = sg[IND_GENDER_T] >= 0 ? sg[IND_GENDER_T] : (long)series;
    ind_outlook_points pts;
    ind_error err;
    if (ind_outlook_points_get(ds, (size_t)total, from, to, &pts, &err) != IND_OK)
        return NULL;
    ind_fig_trend *t = xcalloc(1, sizeof *t);
    size_t np = trend_periods(t, ds, sg, pts.kind, from, to);
    if (np == 0) {
        ind_outlook_points_free(&pts);
        free(t->periods);
        free(t);
        return NULL;
    }
    const ind_indicator *info = s0->info;
    size_t ns = trend_series(t, ds, sg, np);
    trend_targets(t, ds, (size_t)total, np, ns);
    trend_notes(t, ds, (size_t)total, pts.kind, from, to, np, lang);
    /* the trend line and band come from the engine's fits of the total */
    if (trendline && pts.n >= 2)
        trend_line(t, ds, (size_t)total, from, to, alpha, np, lang);
    ind_outlook_points_free(&pts);
    t->m.indicator = name;
    t->m.unit = unit;
    t->m.value_unit = info && info->measure == IND_MEASURE_INDEX ? "index" : NULL;
    t->m.count = np;
    t->m.periods = t->periods;
    t->m.series_count = ns;
    t->m.series = t->series;
    t->m.percent = info && info->measure == IND_MEASURE_PERCENT;
    t->m.zoom = zoom;
    t->m.counts = counts_events(info);
    t->m.decimals = info ? info->decimals : -1;
    t->total = (size_t)total;
    return t;
}

/* The index of the last finite value of v[0..n), or -1. */
static long last_finite(const double *v, size_t n)
{
    for (size_t i = n; i-- > 0;)
        if (!isnan(v[i]))
            return (long)i;
    return -1;
}

int ind_fig_trend_reference(ind_fig_trend *t, const ind_dataset *ds, const char *reference, double alpha,
                            ind_lang lang)
{
    size_t k = t->m.reference_count;
    long rs = ind_ref_series(ds, t->total, reference);
    if (k >= IND_CHART_REFERENCES_MAX || rs < 0)
        return 0;
    double *v = xcalloc(t->m.count, sizeof *v);
    int any = 0;
    for (size_t i = 0; i < t->m.count; i++) {
        long j = ind_ref_obs_at(ds, (size_t)rs, t->m.periods[i]);
        v[i] = j >= 0 ? ind_dataset_value(ds, (size_t)j) : NAN;
        any |= j >= 0;
    }
    if (!any) {
        free(v);
        return 0;
    }
    t->ref_values[k] = v;
    snprintf(t->ref_name[k], sizeof t->ref_name[k], lang == IND_LANG_EN ? "%s (reference)" : "%s (referens)", reference);
    /* the comparison at the total's latest outcome, as a report's sentence says it */
    long last = t->m.series_count && t->m.series[0].gender == IND_GENDER_T
                    ? last_finite(t->m.series[0].values, t->m.count) : -1;
    if (last >= 0) {
        ind_ref_result r;
        ind_ref_compare(ds, t->total, rs, t->m.periods[last], 1 - alpha, &r);
        ind_said said = ind_say_reference(&r, reference, ind_dataset_series(ds, t->total)->info, alpha, lang);
        t->ref_alt[k] = said.text;
        said.text = NULL;
        ind_said_free(&said);
    }
    t->refs[k] = (ind_chart_reference){t->ref_name[k], v, t->ref_alt[k]};
    t->m.references = t->refs;
    t->m.reference_count = k + 1;
    return 1;
}

const ind_chart_trend *ind_fig_trend_chart(const ind_fig_trend *m) { return &m->m; }

void ind_fig_trend_free(void *p)
{
    ind_fig_trend *t = p;
    if (!t)
        return;
    for (int g = 0; g < IND_GENDER_COUNT; g++)
        free(t->values[g]);
    for (size_t k = 0; k < IND_CHART_REFERENCES_MAX; k++) {
        free(t->ref_values[k]);
        free(t->ref_alt[k]);
    }
    free(t->periods);
    free(t->n);
    free(t->target);
    free(t->kf);
    free(t->band_lo);
    free(t->band_hi);
    free(t);
}

/* ---- status ------------------------------------------------------------------ */

struct ind_fig_status {
    ind_chart_status m;
    ind_chart_status_row *rows;
    char **texts;
    size_t ntexts;
};

static const char *keep_text(ind_fig_status *s, const char *text)
{
    s->texts[s->ntexts] = strdup(text);
    return s->texts[s->ntexts++];
}

ind_fig_status *ind_fig_status_new(const ind_dataset *ds, const char *unit, int year, const ind_opts *filter,
                                   const ind_attain_policy *policy, double alpha, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    size_t nser = ind_dataset_series_count(ds);
    ind_fig_status *s = xcalloc(1, sizeof *s);
    s->rows = xcalloc(nser, sizeof *s->rows);
    s->texts = xcalloc(nser, sizeof *s->texts);
    size_t n = 0;
    ind_period period = 0;
    for (size_t k = 0; k < nser; k++) {
        const ind_series *se = ind_dataset_series(ds, k);
        if (se->gender != IND_GENDER_T || strcmp(ind_dataset_str(ds, se->unit), unit) != 0 ||
            (filter && !ind_opts_names(filter, ds, se)))
            continue;
        long i = ind_series_year_obs(ds, k, year);
        if (i < 0)
            continue;
        ind_obs o;
        ind_dataset_get(ds, (size_t)i, &o);
        if (o.period > period)
            period = o.period;
        ind_attainment a;
        ind_attain_obs(ds, (size_t)i, 0, policy, lang, &a);
        ind_chart_status_row *r = &s->rows[n++];
        r->indicator = ind_dataset_str(ds, se->indicator);
        char buf[64], num[48];
        if (isnan(o.value)) {
            r->value_text = NULL;
        } else {
            int dec = se->info ? se->info->decimals : 1;
            if (en)
                ind_num_format_en(o.value, dec, 0, num, sizeof num);
            else
                ind_num_format_sv(o.value, dec, IND_FMT_UNICODE, num, sizeof num);
            snprintf(buf, sizeof buf, "%s%s", num,
                     se->info && se->info->measure == IND_MEASURE_PERCENT ? (en ? "%" : "\u00a0%") : "");
            r->value_text = keep_text(s, buf);
        }
        r->target_text = o.target ? ind_dataset_str(ds, o.target) : NULL;
        r->verdict = a.verdict;
        ind_outlook_trend tr;
        ind_error err;
        r->arrow = IND_CHART_ARROW_NONE;
        r->meaning = IND_CHART_NEUTRAL;
        /* the trend up to the year's end: a later outcome is no part of the year's picture */
        if (ind_outlook_trend_of(ds, k, 0, ind_period_make(year, IND_PERIOD_MONTH, 12), alpha, lang, &tr, &err) ==
            IND_OK) {
            double slope = tr.have_trend ? tr.trend.sen.slope : 0;
            switch (tr.verdict) {
            case IND_TREND_IMPROVING:
            case IND_TREND_WORSENING:
            case IND_TREND_INCREASING:
            case IND_TREND_DECREASING:
                r->arrow = slope > 0 || (slope == 0 && tr.trend.mk.s > 0) ? IND_CHART_ARROW_UP : IND_CHART_ARROW_DOWN;
                r->meaning = tr.verdict == IND_TREND_IMPROVING ? IND_CHART_IMPROVING
                             : tr.verdict == IND_TREND_WORSENING ? IND_CHART_WORSENING
                                                                 : IND_CHART_NEUTRAL;
                if (r->meaning == IND_CHART_NEUTRAL)
                    r->trend_text = en ? (r->arrow == IND_CHART_ARROW_UP ? "increasing" : "decreasing")
                                       : (r->arrow == IND_CHART_ARROW_UP ? "ökar" : "minskar");
                break;
            case IND_TREND_NO_CLEAR_TREND:
                r->arrow = IND_CHART_ARROW_FLAT;
                break;
            default:
                r->trend_text = en ? "too few points" : "för få punkter";
                break;
            }
            ind_outlook_trend_free(&tr);
        }
    }
    s->m.unit = unit;
    s->m.period = period ? ind_period_make(year, IND_PERIOD_YEAR, 0) : 0;
    s->m.count = n;
    s->m.rows = s->rows;
    return s;
}

const ind_chart_status *ind_fig_status_chart(const ind_fig_status *m) { return &m->m; }
size_t ind_fig_status_rows(const ind_fig_status *m) { return m->m.count; }

void ind_fig_status_free(void *p)
{
    ind_fig_status *s = p;
    if (!s)
        return;
    for (size_t i = 0; i < s->ntexts; i++)
        free(s->texts[i]);
    free(s->texts);
    free(s->rows);
    free(s);
}

/* ---- compare and funnel ---------------------------------------------------------- */

struct ind_fig_compare {
    ind_chart_compare m;
    ind_chart_unit_value *units;
};

ind_fig_compare *ind_fig_compare_new(const ind_dataset *ds, const ind_cmp_result *r, const char *unit)
{
    ind_fig_compare *c = xcalloc(1, sizeof *c);
    c->units = xcalloc(r->unit_count, sizeof *c->units);
    double scale = r->data == IND_CMP_DATA_COUNTS ? 100 : 1;
    size_t n = 0;
    for (size_t i = 0; i < r->unit_count; i++) {
        const ind_cmp_unit *u = &r->units[i];
        if (isnan(u->estimate))
            continue;
        ind_chart_unit_value *v = &c->units[n++];
        v->name = ind_dataset_str(ds, u->unit);
        v->value = u->estimate * scale;
        v->lo = u->ci_lo * scale;
        v->hi = u->ci_hi * scale;
        v->target = u->target.target;
        v->n = u->n;
        v->highlight = unit && strcmp(v->name, unit) == 0;
    }
    c->m.indicator = ind_dataset_str(ds, r->indicator);
    c->m.period = r->data == IND_CMP_DATA_SERIES ? IND_PERIOD_NONE : r->period;
    c->m.count = n;
    c->m.units = c->units;
    c->m.pooled = r->pooled * scale;
    c->m.interval_label = r->data == IND_CMP_DATA_SERIES ? "" : NULL;
    c->m.percent = r->data == IND_CMP_DATA_COUNTS || (r->info && r->info->measure == IND_MEASURE_PERCENT);
    c->m.decimals = r->info ? (r->data == IND_CMP_DATA_COUNTS && r->info->decimals > 1 ? 1 : r->info->decimals) : -1;
    c->m.counts = r->data != IND_CMP_DATA_COUNTS && counts_events(r->info);
    c->m.sort = IND_CHART_SORT_DESCENDING;
    if (r->data == IND_CMP_DATA_SERIES && r->info && r->info->direction == IND_DIR_LOWER)
        c->m.sort = IND_CHART_SORT_ASCENDING;
    return c;
}

const ind_chart_compare *ind_fig_compare_chart(const ind_fig_compare *m) { return &m->m; }

void ind_fig_compare_free(void *p)
{
    ind_fig_compare *c = p;
    if (!c)
        return;
    free(c->units);
    free(c);
}

struct ind_fig_funnel {
    ind_chart_funnel m;
    ind_chart_funnel_point *points;
    ind_chart_funnel_limit *limits;
};

ind_fig_funnel *ind_fig_funnel_new(const ind_dataset *ds, const ind_cmp_result *r, const char *unit)
{
    if (!r->have_funnel)
        return NULL;
    ind_fig_funnel *f = xcalloc(1, sizeof *f);
    f->points = xcalloc(r->unit_count, sizeof *f->points);
    size_t n = 0;
    double nmin = INFINITY, nmax = 0, target = NAN;
    for (size_t i = 0; i < r->unit_count; i++) {
        const ind_cmp_unit *u = &r->units[i];
        if (!u->in_funnel)
            continue;
        ind_chart_funnel_point *p = &f->points[n++];
        p->name = ind_dataset_str(ds, u->unit);
        p->n = u->n;
        p->p = u->funnel.p;
        p->cls = u->funnel.cls;
        p->highlight = unit && strcmp(p->name, unit) == 0;
        if (p->highlight && !isnan(u->target.target))
            target = u->target.target / 100.0;
        if (u->n < nmin)
            nmin = u->n;
        if (u->n > nmax)
            nmax = u->n;
    }
    /* the limit curves, sampled on a log scale of n by the engine's funnel */
    size_t nl = 80;
    f->limits = xcalloc(nl, sizeof *f->limits);
    double lo = fmax(1, nmin / 1.5), hi = fmax(lo * 2, nmax * 1.3);
    size_t k = 0;
    for (size_t i = 0; i < nl; i++) {
        double nn = lo * pow(hi / lo, (double)i / (double)(nl - 1));
        ind_funnel_limits lim;
        if (ind_funnel_limits_at(&r->funnel, nn, &lim) != IND_OK)
            continue;
        f->limits[k++] = (ind_chart_funnel_limit){nn, lim.lo95, lim.hi95, lim.lo998, lim.hi998};
    }
    f->m.indicator = ind_dataset_str(ds, r->indicator);
    f->m.period = r->period;
    f->m.count = n;
    f->m.points = f->points;
    f->m.limit_count = k;
    f->m.limits = f->limits;
    f->m.centre = r->funnel.target;
    f->m.target = target;
    f->m.percent = 1;
    f->m.decimals = -1;
    return f;
}

const ind_chart_funnel *ind_fig_funnel_chart(const ind_fig_funnel *m) { return &m->m; }

void ind_fig_funnel_free(void *p)
{
    ind_fig_funnel *f = p;
    if (!f)
        return;
    free(f->points);
    free(f->limits);
    free(f);
}

/* ---- small multiples ----------------------------------------------------------------- */

struct ind_fig_multiples {
    ind_chart_multiples m;
    ind_chart_panel *panels;
    ind_period **periods;
    double **values, **targets, **refs;
    size_t *series; /* each panel's */
    size_t n;
    char subtitle[160];
    char ref_name[300];
};

ind_fig_multiples *ind_fig_multiples_new(const ind_dataset *ds, const char *unit, const char *indicator,
                                             ind_period from, ind_period to, int year,
                                             const ind_attain_policy *policy)
{
    size_t nser = ind_dataset_series_count(ds);
    /* each panel's verdict is the year's: its line ends with that year, so the
     * verdict beside the last point is that point's */
    if (year) {
        ind_period end = ind_period_make(year, IND_PERIOD_MONTH, 12);
        if (!to || !ind_period_within(to, 0, end))
            to = end;
    }
    ind_fig_multiples *mm = xcalloc(1, sizeof *mm);
    mm->panels = xcalloc(nser, sizeof *mm->panels);
    mm->periods = xcalloc(nser, sizeof *mm->periods);
    mm->values = xcalloc(nser, sizeof *mm->values);
    mm->targets = xcalloc(nser, sizeof *mm->targets);
    mm->refs = xcalloc(nser, sizeof *mm->refs);
    mm->series = xcalloc(nser, sizeof *mm->series);
    const ind_indicator *want = indicator ? ind_catalog_lookup(ind_dataset_catalog(ds), indicator, strlen(indicator)) : NULL;
    char key[1024], skey[1024];
    if (indicator)
        ind_catalog_key(indicator, strlen(indicator), key, sizeof key);
    for (size_t k = 0; k < nser; k++) {
        const ind_series *se = ind_dataset_series(ds, k);
        if (se->gender != IND_GENDER_T)
            continue;
        if (unit && strcmp(ind_dataset_str(ds, se->unit), unit) != 0)
            continue;
        if (indicator) {
            const char *name = ind_dataset_str(ds, se->indicator);
            ind_catalog_key(name, strlen(name), skey, sizeof skey);
            if (!((want && se->info == want) || strcmp(key, skey) == 0))
                continue;
        }
        ind_outlook_points pts;
        ind_error err;
        if (ind_outlook_points_get(ds, k, from, to, &pts, &err) != IND_OK)
            continue;
        if (pts.n == 0) {
            ind_outlook_points_free(&pts);
            continue;
        }
        size_t i = mm->n++;
        mm->series[i] = k;
        mm->periods[i] = xcalloc(pts.n, sizeof **mm->periods);
        mm->values[i] = xcalloc(pts.n, sizeof **mm->values);
        mm->targets[i] = xcalloc(pts.n, sizeof **mm->targets);
        for (size_t q = 0; q < pts.n; q++) {
            mm->periods[i][q] = pts.period[q];
            mm->values[i][q] = pts.y[q];
            long j = ind_dataset_find_obs(ds, k, pts.period[q]);
            ind_obs o;
            ind_dataset_get(ds, (size_t)j, &o);
            mm->targets[i][q] = target_number(ds, o.target);
        }
        ind_chart_panel *p = &mm->panels[i];
        p->title = unit ? ind_dataset_str(ds, se->indicator) : ind_dataset_str(ds, se->unit);
        p->count = pts.n;
        p->periods = mm->periods[i];
        p->values = mm->values[i];
        p->target = mm->targets[i];
        p->percent = se->info && se->info->measure == IND_MEASURE_PERCENT;
        p->decimals = se->info ? se->info->decimals : -1;
        p->counts = counts_events(se->info);
        long yo = ind_series_year_obs(ds, k, year);
        ind_attainment a;
        a.verdict = IND_VERDICT_NO_DATA;
        if (yo >= 0)
            ind_attain_obs(ds, (size_t)yo, 0, policy, 1, &a);
        p->verdict = a.verdict;
        ind_outlook_points_free(&pts);
    }
    snprintf(mm->subtitle, sizeof mm->subtitle, "Utfall och årsmål; bedömning %d", year);
    mm->m.title = unit ? unit : (mm->n ? ind_dataset_str(ds, ind_dataset_series(ds, 0)->indicator) : "");
    if (indicator && mm->n) {
        for (size_t k = 0; k < nser; k++) {
            const ind_series *se = ind_dataset_series(ds, k);
            const char *name = ind_dataset_str(ds, se->indicator);
            ind_catalog_key(name, strlen(name), skey, sizeof skey);
            if ((want && se->info == want) || strcmp(key, skey) == 0) {
                mm->m.title = name;
                break;
            }
        }
    }
    mm->m.subtitle = mm->subtitle;
    mm->m.panel_count = mm->n;
    mm->m.panels = mm->panels;
    mm->m.shared_y = unit == NULL;
    return mm;
}

size_t ind_fig_multiples_reference(ind_fig_multiples *mm, const ind_dataset *ds, const char *reference, ind_lang lang)
{
    size_t drawn = 0;
    for (size_t i = 0; i < mm->n; i++) {
        long rs = ind_ref_series(ds, mm->series[i], reference);
        if (rs < 0)
            continue;
        ind_chart_panel *p = &mm->panels[i];
        double *v = xcalloc(p->count, sizeof *v);
        int any = 0;
        for (size_t q = 0; q < p->count; q++) {
            long j = ind_ref_obs_at(ds, (size_t)rs, p->periods[q]);
            v[q] = j >= 0 ? ind_dataset_value(ds, (size_t)j) : NAN;
            any |= j >= 0;
        }
        free(mm->refs[i]);
        mm->refs[i] = any ? v : (free(v), NULL);
        p->reference = mm->refs[i];
        drawn += any;
    }
    if (drawn) {
        snprintf(mm->ref_name, sizeof mm->ref_name, lang == IND_LANG_EN ? "%s (reference)" : "%s (referens)", reference);
        mm->m.reference_name = mm->ref_name;
    }
    return drawn;
}

const ind_chart_multiples *ind_fig_multiples_chart(const ind_fig_multiples *m) { return &m->m; }

void ind_fig_multiples_free(void *p)
{
    ind_fig_multiples *mm = p;
    if (!mm)
        return;
    for (size_t i = 0; i < mm->n; i++) {
        free(mm->periods[i]);
        free(mm->values[i]);
        free(mm->targets[i]);
        free(mm->refs[i]);
    }
    free(mm->periods);
    free(mm->values);
    free(mm->targets);
    free(mm->refs);
    free(mm->series);
    free(mm->panels);
    free(mm);
}

/* ---- spc ---------------------------------------------------------------------------- */

struct ind_fig_spc {
    ind_chart_spc m;
    ind_period *periods;
    double *values, *centre, *lcl, *ucl, *target;
    ind_chart_signal *signals;
};

const char *ind_fig_spc_rule_label(ind_spc_rule rule, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    switch (rule) {
    case IND_SPC_ANHOJ_LONG_RUN: return en ? "Anhøj: unusually long run" : "Anhøj: ovanligt lång serie";
    case IND_SPC_ANHOJ_FEW_CROSSINGS: return en ? "Anhøj: too few crossings" : "Anhøj: för få korsningar";
    case IND_SPC_NHS_OUTSIDE_LIMITS: return en ? "NHS: point outside the limits" : "NHS: punkt utanför gränserna";
    case IND_SPC_NHS_SHIFT: return en ? "NHS: 7 in a row on one side" : "NHS: 7 i rad på samma sida";
    case IND_SPC_NHS_TREND: return en ? "NHS: 7 in a row rising or falling" : "NHS: 7 i rad stigande eller fallande";
    case IND_SPC_NHS_TWO_OF_THREE: return en ? "NHS: 2 of 3 beyond 2 sigma" : "NHS: 2 av 3 bortom 2 sigma";
    case IND_SPC_IHI_SHIFT: return en ? "IHI: shift of 6 or more" : "IHI: skift, 6 eller fler";
    case IND_SPC_IHI_TREND: return en ? "IHI: trend of 5 or more" : "IHI: trend, 5 eller fler";
    }
    return "";
}

ind_fig_spc *ind_fig_spc_new(const ind_dataset *ds, size_t series, const ind_period *periods,
                                 const ind_spc_chart *c, double scale, double target, ind_lang lang)
{
    const ind_series *se = ind_dataset_series(ds, series);
    ind_fig_spc *s = xcalloc(1, sizeof *s);
    size_t n = c->n;
    s->periods = xcalloc(n, sizeof *s->periods);
    s->values = xcalloc(n, sizeof *s->values);
    s->centre = xcalloc(n, sizeof *s->centre);
    s->lcl = xcalloc(n, sizeof *s->lcl);
    s->ucl = xcalloc(n, sizeof *s->ucl);
    s->target = xcalloc(n, sizeof *s->target);
    s->signals = xcalloc(c->n_signals, sizeof *s->signals);
    for (size_t i = 0; i < n; i++) {
        s->periods[i] = periods[i];
        s->values[i] = c->value[i] * scale;
        s->centre[i] = c->centre[i] * scale;
        s->lcl[i] = c->lcl[i] * scale;
        s->ucl[i] = c->ucl[i] * scale;
        s->target[i] = target;
    }
    for (size_t k = 0; k < c->n_signals; k++) {
        s->signals[k].rule = ind_fig_spc_rule_label(c->signals[k].rule, lang);
        s->signals[k].first = c->signals[k].first;
        s->signals[k].last = c->signals[k].last;
    }
    s->m.indicator = ind_dataset_str(ds, se->indicator);
    s->m.unit = ind_dataset_str(ds, se->unit);
    s->m.count = n;
    s->m.periods = s->periods;
    s->m.values = s->values;
    s->m.centre = s->centre;
    s->m.lcl = c->type == IND_SPC_RUN ? NULL : s->lcl;
    s->m.ucl = c->type == IND_SPC_RUN ? NULL : s->ucl;
    s->m.signal_count = c->n_signals;
    s->m.signals = s->signals;
    s->m.target = isnan(target) ? NULL : s->target;
    s->m.percent = se->info && se->info->measure == IND_MEASURE_PERCENT;
    s->m.decimals = se->info ? se->info->decimals : -1;
    s->m.counts = counts_events(se->info);
    return s;
}

const ind_chart_spc *ind_fig_spc_chart(const ind_fig_spc *m) { return &m->m; }

void ind_fig_spc_free(void *p)
{
    ind_fig_spc *s = p;
    if (!s)
        return;
    free(s->periods);
    free(s->values);
    free(s->centre);
    free(s->lcl);
    free(s->ucl);
    free(s->target);
    free(s->signals);
    free(s);
}
