/* chart_spc.c: run and control charts: values, centre line, limits, the signals the model found, and the årsmål. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ind_status chart_spc_check(const void *model, ind_error *err)
{
    const ind_chart_spc *m = model;
    if (!m || m->count < 1 || !m->periods || !m->values)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "SPC chart: no values");
    for (size_t i = 0; i < m->count; i++) {
        int y = ind_period_year(m->periods[i]);
        if (y < IND_YEAR_MIN || y > IND_YEAR_MAX ||
            (i > 0 && !(ind_period_time(m->periods[i]) > ind_period_time(m->periods[i - 1]))))
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "SPC chart: periods must increase in time (point %zu)", i);
    }
    for (size_t k = 0; k < m->signal_count; k++)
        if (!m->signals || m->signals[k].first > m->signals[k].last || m->signals[k].last >= m->count)
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "SPC chart: signal %zu has points out of range", k);
    return IND_OK;
}

static int has_limits(const ind_chart_spc *m)
{
    for (size_t i = 0; i < m->count; i++)
        if ((m->lcl && isfinite(m->lcl[i])) || (m->ucl && isfinite(m->ucl[i])))
            return 1;
    return 0;
}

static const char *centre_name(chart *c, const ind_chart_spc *m, int limits)
{
    if (m->centre_label)
        return m->centre_label;
    return limits ? TR(c, "Medelvärde", "Mean") : TR(c, "Median", "Median");
}

static void alt_text(chart *c, const ind_chart_spc *m, int dec, int limits)
{
    strbuf b = {0};
    char p0[32], p1[32], v[64];
    chart_period_label(c, m->periods[0], p0, sizeof p0);
    chart_period_label(c, m->periods[m->count - 1], p1, sizeof p1);
    sb_add(&b, limits ? TR(c, "Styrdiagram: %s", "Control chart: %s") : TR(c, "Seriediagram: %s", "Run chart: %s"),
           m->indicator ? m->indicator : "");
    if (m->unit)
        sb_add(&b, ", %s", m->unit);
    sb_add(&b, ", %s–%s, %zu %s.", p0, p1, m->count, TR(c, "punkter", "points"));
    long i = chart_last_finite(m->centre, m->count);
    if (i >= 0)
        sb_add(&b, " %s %s.", centre_name(c, m, limits), chart_fmt(c, m->centre[i], dec, m->percent, v, sizeof v));
    long j = chart_last_finite(m->values, m->count);
    if (j >= 0)
        sb_add(&b, TR(c, " Senaste värde %s (%s).", " Latest value %s (%s)."),
               chart_fmt(c, m->values[j], dec, m->percent, v, sizeof v),
               chart_period_label(c, m->periods[j], p1, sizeof p1));
    if (!m->signal_count)
        sb_add(&b, "%s", TR(c, " Inga signaler.", " No signals."));
    for (size_t k = 0; k < m->signal_count; k++) {
        const ind_chart_signal *s = &m->signals[k];
        chart_period_label(c, m->periods[s->first], p0, sizeof p0);
        chart_period_label(c, m->periods[s->last], p1, sizeof p1);
        sb_add(&b, TR(c, " Signal %zu: %s, %s", " Signal %zu: %s, %s"), k + 1, s->rule ? s->rule : "", p0);
        if (s->last != s->first)
            sb_add(&b, "–%s", p1);
        sb_add(&b, ".");
    }
    long t = chart_last_finite(m->target, m->count);
    if (t >= 0)
        sb_add(&b, TR(c, " Årsmål %s.", " Target %s."), chart_fmt(c, m->target[t], dec, m->percent, v, sizeof v));
    chart_set_alt(c, &b);
}

/* The signals' legend has at most this many lines. */
#define SIGNALS_SHOWN 12

/* A line's label at its right end: the line, its name, colour, priority and decimals. */
typedef struct {
    const double *arr;
    const char *name;
    rgb col;
    int prio;
    int dec;
} spc_end;

/* What the phases of drawing an SPC chart share. */
typedef struct {
    const ind_chart_spc *m;
    size_t n;
    double *t;               /* the periods' times */
    chart_time tm;
    int limits;              /* a control chart (else a run chart) */
    int dec;                 /* decimals of the values */
    char **sig_text;         /* the signals' legend texts */
    spc_end ends[4];         /* centre, upper and lower limit, årsmål */
    char endtext[4][128];    /* their labels ("" when the line has no value) */
    long li;                 /* the latest value, or -1 */
    char last_text[64];      /* its label */
    double left, right, plot_top, plot_bottom;
    chart_scale xs, ys;
} spc_draw;

static const double dash_lim[2] = {4.0, 2.5};

/* The title, and the unit, the periods and the kind of chart as the subtitle. */
static double spc_heading(chart *c, const spc_draw *d)
{
    const ind_chart_spc *m = d->m;
    char sub[256], p0[32], p1[32];
    chart_period_label(c, m->periods[0], p0, sizeof p0);
    chart_period_label(c, m->periods[d->n - 1], p1, sizeof p1);
    snprintf(sub, sizeof sub, "%s%s%s–%s · %s", m->unit ? m->unit : "", m->unit ? ", " : "", p0, p1,
             d->limits ? TR(c, "styrdiagram", "control chart") : TR(c, "seriediagram", "run chart"));
    return chart_heading(c, m->indicator, sub);
}

/* The legend: the series, the centre, the limits, the årsmål; then each
 * signal on a line of its own with its periods. Returns the y below. */
static double spc_legend(chart *c, spc_draw *d, double top)
{
    const ind_chart_spc *m = d->m;
    double fs = c->fs, mg = chart_margin(c), x = c->x, w = c->w;
    const series_style *ss = chart_series_style(IND_GENDER_T);
    legend_entry lg[16];
    size_t nl = 0;
    lg[nl++] = (legend_entry){LG_LINE, ss->line, NULL, 0, 1.6, MK_CIRCLE, 0, 0, 0, TR(c, "Utfall", "Outcome")};
    if (chart_last_finite(m->centre, d->n) >= 0)
        lg[nl++] = (legend_entry){LG_LINE, chart_colour(CC_GREEN), NULL, 0, 1.4, MK_NONE, 0, 0, -1, centre_name(c, m, d->limits)};
    if (d->limits)
        lg[nl++] = (legend_entry){LG_LINE, chart_colour(CC_LIMIT), dash_lim, 2, 1.1, MK_NONE, 0, 0, -1,
                                  TR(c, "Kontrollgränser", "Control limits")};
    if (chart_last_finite(m->target, d->n) >= 0)
        lg[nl++] = (legend_entry){LG_STEP, chart_colour(CC_TARGET), chart_dash_target, 2, 1.4, MK_NONE, 0, 0, -1,
                                  TR(c, "Årsmål", "Target")};
    double lgh = chart_legend(c, lg, nl, x + mg, top, w - 2 * mg);
    top += lgh + fs * 0.3;
    if (!m->signal_count)
        return top;
    size_t ns = m->signal_count > SIGNALS_SHOWN ? SIGNALS_SHOWN : m->signal_count;
    legend_entry sl[SIGNALS_SHOWN];
    d->sig_text = calloc(ns, sizeof *d->sig_text);
    if (!d->sig_text)
        c->oom = 1;
    double sy = top + fs * 0.2;
    for (size_t k = 0; d->sig_text && k < ns; k++) {
        const ind_chart_signal *s = &m->signals[k];
        char buf[160], p0[32], p1[32];
        chart_period_label(c, m->periods[s->first], p0, sizeof p0);
        chart_period_label(c, m->periods[s->last], p1, sizeof p1);
        if (s->first == s->last)
            snprintf(buf, sizeof buf, "%s (%s)", s->rule ? s->rule : "Signal", p0);
        else
            snprintf(buf, sizeof buf, "%s (%s–%s)", s->rule ? s->rule : "Signal", p0, p1);
        d->sig_text[k] = strdup(buf);
        if (!d->sig_text[k]) {
            c->oom = 1;
            break;
        }
        sl[k] = (legend_entry){LG_NUMBER, chart_signal_colour(k), NULL, 0, 0, MK_NONE, 0, (int)k + 1, (int)k, d->sig_text[k]};
        sy += chart_legend(c, &sl[k], 1, x + mg, sy, w - 2 * mg) + fs * 0.15;
    }
    return sy;
}

/* The value axis over the values, centre lines, limits and årsmål. */
static void spc_y_scale(chart *c, spc_draw *d)
{
    const ind_chart_spc *m = d->m;
    double lo = INFINITY, hi = -INFINITY;
    const double *arrs[5] = {m->values, m->centre, m->lcl, m->ucl, m->target};
    for (int a = 0; a < 5; a++)
        chart_widen(&lo, &hi, arrs[a], d->n);
    if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
    }
    int ticks = chart_tick_count(d->plot_bottom - d->plot_top, c->fs * 3.4, 3, 6);
    chart_value_range(lo, hi, m->percent, m->zoom || d->limits, ticks, m->counts, &d->ys);
    d->ys.p0 = d->plot_bottom;
    d->ys.p1 = d->plot_top;
}

/* The labels at the lines' ends and of the latest value, and the plot's
 * ends with room for them; its x scale, its PLOT element, the gridlines. */
static void spc_frame(chart *c, spc_draw *d)
{
    const ind_chart_spc *m = d->m;
    double fs = c->fs, mg = chart_margin(c), w = c->w;
    int ldec = d->dec < 1 ? 1 : d->dec; /* limits and centre are rarely whole */
    d->ends[0] = (spc_end){m->centre, centre_name(c, m, d->limits), chart_colour(CC_GREEN_TEXT), 90, ldec};
    d->ends[1] = (spc_end){m->ucl, TR(c, "ÖKG", "UCL"), chart_colour(CC_MUTED), 70, ldec};
    d->ends[2] = (spc_end){m->lcl, TR(c, "NKG", "LCL"), chart_colour(CC_MUTED), 70, ldec};
    d->ends[3] = (spc_end){m->target, TR(c, "Årsmål", "Target"), chart_colour(CC_TARGET), 95,
                           chart_auto_decimals(m->target, d->n) ? ldec : 0};
    if (m->counts) /* a count's median or limit is written whole when it is */
        for (int e = 0; e < 3; e++)
            d->ends[e].dec = chart_auto_decimals(d->ends[e].arr, d->n) ? ldec : 0;
    double rw = 0, tw, th;
    for (int e = 0; e < 4; e++) {
        d->endtext[e][0] = 0;
        long i = chart_last_finite(d->ends[e].arr, d->n);
        if (i < 0)
            continue;
        char v[64];
        snprintf(d->endtext[e], sizeof d->endtext[e], "%s %s", d->ends[e].name,
                 chart_fmt(c, d->ends[e].arr[i], d->ends[e].dec, m->percent, v, sizeof v));
        chart_text_size(c, F_SMALL, d->endtext[e], 0, 1, &tw, &th);
        rw = fmax(rw, tw);
    }
    d->li = chart_last_finite(m->values, d->n);
    double vl = 0;
    if (d->li >= 0) {
        chart_fmt(c, m->values[d->li], d->dec, m->percent, d->last_text, sizeof d->last_text);
        chart_text_size(c, F_SMALL, d->last_text, 0, 1, &tw, &th);
        vl = tw + fs * 0.9;
    }
    rw = rw > 0 ? fmin(rw + fs * 0.5, w * 0.3) : 0;
    d->left = c->x + mg + chart_y_label_width(c, &d->ys, m->percent, F_SMALL) + fs * 0.5;
    d->right = chart_time_right(&d->tm, d->left, c->x + w - mg, rw, vl);
    d->xs = chart_time_scale(&d->tm, d->left, d->right);
    chart_plot_el(c, &d->xs, &d->ys, d->left, d->plot_top, d->right, d->plot_bottom);
    chart_y_axis(c, &d->ys, d->left, d->right, m->percent, F_SMALL);
}

/* Where signal k's points span on x (half a period beyond each end). */
static void signal_span(const spc_draw *d, size_t k, double *xa, double *xb)
{
    const ind_chart_signal *s = &d->m->signals[k];
    *xa = chart_map(&d->xs, d->t[s->first] - d->tm.step * 0.45);
    *xb = chart_map(&d->xs, d->t[s->last] + d->tm.step * 0.45);
}

/* Inside the plot, clipped: the signals' spans behind everything, the
 * limits, the centre line, the årsmål, the values, a ring around each point
 * of a signal in its colour. */
static void spc_plot(chart *c, const spc_draw *d)
{
    const ind_chart_spc *m = d->m;
    cairo_t *cr = c->cr;
    double fs = c->fs, top = d->plot_top, bottom = d->plot_bottom;
    const chart_scale *xs = &d->xs, *ys = &d->ys;
    size_t n = d->n;
    cairo_save(cr);
    chart_clip(c, d->left - fs, top - fs * 0.5, d->right - d->left + 2 * fs, bottom - top + fs);
    for (size_t k = 0; k < m->signal_count; k++) {
        double xa, xb;
        signal_span(d, k, &xa, &xb);
        cairo_rectangle(cr, xa, top, xb - xa, bottom - top);
        chart_set_rgba(c, chart_signal_colour(k), CHART_SIGNAL_ALPHA);
        cairo_fill(cr);
        ind_chart_element *e = chart_el(c, IND_CHART_EL_SIGNAL, xa, top, xb, bottom, NULL);
        if (e) {
            e->series = (int)k;
            e->index = (int)m->signals[k].first;
        }
    }
    double ex, ev;
    chart_draw_steps(c, xs, ys, d->t, m->lcl, n, d->tm.step, chart_colour(CC_LIMIT), dash_lim, 2, 1.1, IND_CHART_EL_LIMIT_LINE,
                     &ex, &ev);
    chart_draw_steps(c, xs, ys, d->t, m->ucl, n, d->tm.step, chart_colour(CC_LIMIT), dash_lim, 2, 1.1, IND_CHART_EL_LIMIT_LINE,
                     &ex, &ev);
    chart_draw_steps(c, xs, ys, d->t, m->centre, n, d->tm.step, chart_colour(CC_GREEN), NULL, 0, 1.4,
                     IND_CHART_EL_REFERENCE_LINE, &ex, &ev);
    chart_draw_steps(c, xs, ys, d->t, m->target, n, d->tm.step, chart_colour(CC_TARGET), chart_dash_target, 2, 1.4,
                     IND_CHART_EL_TARGET_LINE, &ex, &ev);
    chart_draw_series(c, xs, ys, d->t, m->values, n, d->tm.step, chart_series_style(IND_GENDER_T), 0.85, 0, 1);
    for (size_t k = 0; k < m->signal_count; k++) {
        const ind_chart_signal *s = &m->signals[k];
        for (size_t i = s->first; i <= s->last; i++) {
            if (!isfinite(m->values[i]))
                continue;
            double px = chart_map(xs, d->t[i]), py = chart_map(ys, m->values[i]);
            cairo_new_path(cr);
            cairo_arc(cr, px, py, fs * 0.62, 0, 2 * M_PI);
            chart_set_rgb(c, chart_signal_colour(k));
            cairo_set_line_width(cr, 1.6);
            cairo_stroke(cr);
        }
    }
    cairo_restore(cr);
}

/* Each signal's number at the top of its span, in the first row of tags
 * where no earlier tag is within reach. */
static void spc_tags(chart *c, const spc_draw *d)
{
    double tag_x[SIGNALS_SHOWN];
    int tag_row[SIGNALS_SHOWN];
    for (size_t k = 0; k < d->m->signal_count && k < SIGNALS_SHOWN; k++) {
        double xa, xb;
        signal_span(d, k, &xa, &xb);
        double cx = (xa + xb) / 2, r = c->fs * 0.55;
        int row = 0;
        for (int busy = 1; busy && row < SIGNALS_SHOWN;) {
            busy = 0;
            for (size_t j = 0; j < k; j++)
                if (tag_row[j] == row && fabs(tag_x[j] - cx) < 2 * r + 2) {
                    busy = 1;
                    row++;
                    break;
                }
        }
        tag_x[k] = cx;
        tag_row[k] = row;
        ind_chart_element *e =
            chart_number_tag(c, k + 1, cx, d->plot_top + r + 1 + row * (2 * r + 2), r, chart_signal_colour(k));
        if (e)
            e->series = (int)k;
    }
}

/* The labels: each line's end, the latest value. */
static void spc_labels(chart *c, const spc_draw *d)
{
    const ind_chart_spc *m = d->m;
    double fs = c->fs;
    for (int e = 0; e < 4; e++) {
        long i = chart_last_finite(d->ends[e].arr, d->n);
        if (i < 0)
            continue;
        double yy = chart_map(&d->ys, d->ends[e].arr[i]);
        chart_label *l = chart_label_add(c, F_SMALL, d->endtext[e], chart_map(&d->xs, d->t[i] + d->tm.step / 2) + fs * 0.35,
                                         yy, AL_LEFT, d->ends[e].col, d->ends[e].prio, IND_CHART_EL_LABEL);
        if (l)
            l->value = d->ends[e].arr[i];
    }
    if (d->li >= 0) {
        double px = chart_map(&d->xs, d->t[d->li]), py = chart_map(&d->ys, m->values[d->li]);
        chart_label *l = chart_label_add(c, F_SMALL, d->last_text, px + fs * 0.8, py, AL_LEFT,
                                         chart_series_style(IND_GENDER_T)->text, 100, IND_CHART_EL_LABEL);
        if (l) {
            l->ax = px + fs * 0.4;
            l->ay = py;
            l->series = 0;
            l->index = (int)d->li;
            l->value = m->values[d->li];
        }
    }
}

void chart_spc_draw(chart *c, const void *model)
{
    spc_draw d = {.m = model, .n = ((const ind_chart_spc *)model)->count};
    const ind_chart_spc *m = d.m;
    d.t = chart_period_times(c, m->periods, d.n, &d.tm);
    if (!d.t)
        return;
    d.limits = has_limits(m);
    d.dec = m->decimals >= 0 ? m->decimals : chart_auto_decimals(m->values, d.n);
    double fs = c->fs, top = spc_legend(c, &d, spc_heading(c, &d));
    top += fs * 0.6;
    double bottom = chart_caption(c);
    double lh = chart_line_height(c, F_SMALL);
    d.plot_bottom = bottom - lh - chart_x_label_gap(c, F_SMALL) - fs * 0.2;
    d.plot_top = top + lh * 0.5;
    if (d.plot_bottom - d.plot_top < fs * 4)
        d.plot_bottom = d.plot_top + fs * 4;
    spc_y_scale(c, &d);
    spc_frame(c, &d);
    spc_plot(c, &d);
    spc_tags(c, &d);
    chart_axis_line(c, d.left, d.right, d.plot_bottom, 0.8);
    chart_x_periods(c, &d.tm, &d.xs, d.plot_bottom, m->periods, d.n, NULL, F_SMALL, 0);
    spc_labels(c, &d);
    alt_text(c, m, d.dec, d.limits);
    if (d.sig_text) {
        for (size_t k = 0; k < m->signal_count && k < SIGNALS_SHOWN; k++)
            free(d.sig_text[k]);
        free(d.sig_text);
    }
    free(d.t);
}
