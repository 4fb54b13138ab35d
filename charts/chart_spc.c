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

/* Signal colours: distinct from the blue series; the number tag carries the identity. */
static rgb signal_colour(size_t k)
{
    static const unsigned cols[4] = {C_ORANGE, C_PURPLE, C_VERMILLION, C_SKY};
    return RGB(cols[k % 4]);
}

static long last_finite(const double *v, size_t n)
{
    if (!v)
        return -1;
    for (size_t i = n; i-- > 0;)
        if (isfinite(v[i]))
            return (long)i;
    return -1;
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
    long i = last_finite(m->centre, m->count);
    if (i >= 0)
        sb_add(&b, " %s %s.", centre_name(c, m, limits), chart_fmt(c, m->centre[i], dec, m->percent, v, sizeof v));
    long j = last_finite(m->values, m->count);
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
    long t = last_finite(m->target, m->count);
    if (t >= 0)
        sb_add(&b, TR(c, " Årsmål %s.", " Target %s."), chart_fmt(c, m->target[t], dec, m->percent, v, sizeof v));
    chart_set_alt(c, &b);
}

void chart_spc_draw(chart *c, const void *model)
{
    const ind_chart_spc *m = model;
    cairo_t *cr = c->cr;
    double x = c->x, w = c->w;
    size_t n = m->count;
    chart_time tm;
    double *t = chart_period_times(c, m->periods, n, &tm);
    if (!t)
        return;
    int limits = has_limits(m);
    int dec = m->decimals >= 0 ? m->decimals : chart_auto_decimals(m->values, n);
    int ldec = dec < 1 ? 1 : dec; /* limits and centre are rarely whole */
    double fs = c->fs, mg = chart_margin(c);
    char buf[160], v[64], p0[32], p1[32];
    chart_period_label(c, m->periods[0], p0, sizeof p0);
    chart_period_label(c, m->periods[n - 1], p1, sizeof p1);
    char sub[256];
    snprintf(sub, sizeof sub, "%s%s%s–%s · %s", m->unit ? m->unit : "", m->unit ? ", " : "", p0, p1,
             limits ? TR(c, "styrdiagram", "control chart") : TR(c, "seriediagram", "run chart"));
    double top = chart_heading(c, m->indicator, sub);

    /* legend: series, centre, limits, target, signals */
    const series_style *ss = chart_series_style(IND_GENDER_T);
    legend_entry lg[16];
    size_t nl = 0;
    lg[nl++] = (legend_entry){LG_LINE, ss->line, NULL, 0, 1.6, MK_CIRCLE, 0, 0, 0, TR(c, "Utfall", "Outcome")};
    if (last_finite(m->centre, n) >= 0)
        lg[nl++] = (legend_entry){LG_LINE, RGB(C_GREEN), NULL, 0, 1.4, MK_NONE, 0, 0, -1, centre_name(c, m, limits)};
    static const double dash_lim[2] = {4.0, 2.5};
    if (limits)
        lg[nl++] = (legend_entry){LG_LINE, RGB(0x6E6E6E), dash_lim, 2, 1.1, MK_NONE, 0, 0, -1,
                                  TR(c, "Kontrollgränser", "Control limits")};
    long tl = last_finite(m->target, n);
    if (tl >= 0)
        lg[nl++] = (legend_entry){LG_STEP, RGB(C_TARGET), chart_dash_target, 2, 1.4, MK_NONE, 0, 0, -1,
                                  TR(c, "Årsmål", "Target")};
    double lgh = chart_legend(c, lg, nl, x + mg, top, w - 2 * mg);
    top += lgh + fs * 0.3;
    /* signals get a legend of their own, one per line, with their periods */
    char **sig_text = NULL;
    if (m->signal_count) {
        size_t ns = m->signal_count > 12 ? 12 : m->signal_count;
        legend_entry sl[12];
        sig_text = calloc(ns, sizeof *sig_text);
        if (!sig_text)
            c->oom = 1;
        double sy = top + fs * 0.2;
        for (size_t k = 0; sig_text && k < ns; k++) {
            const ind_chart_signal *s = &m->signals[k];
            chart_period_label(c, m->periods[s->first], p0, sizeof p0);
            chart_period_label(c, m->periods[s->last], p1, sizeof p1);
            if (s->first == s->last)
                snprintf(buf, sizeof buf, "%s (%s)", s->rule ? s->rule : "Signal", p0);
            else
                snprintf(buf, sizeof buf, "%s (%s–%s)", s->rule ? s->rule : "Signal", p0, p1);
            sig_text[k] = strdup(buf);
            if (!sig_text[k]) {
                c->oom = 1;
                break;
            }
            sl[k] = (legend_entry){LG_NUMBER, signal_colour(k), NULL, 0, 0, MK_NONE, 0, (int)k + 1, (int)k, sig_text[k]};
            sy += chart_legend(c, &sl[k], 1, x + mg, sy, w - 2 * mg) + fs * 0.15;
        }
        top = sy;
    }
    top += fs * 0.6;
    double bottom = chart_caption(c);
    double lh = chart_line_height(c, F_SMALL);
    double plot_bottom = bottom - lh - chart_x_label_gap(c, F_SMALL) - fs * 0.2;
    double plot_top = top + lh * 0.5;
    if (plot_bottom - plot_top < fs * 4)
        plot_bottom = plot_top + fs * 4;

    double lo = INFINITY, hi = -INFINITY;
    const double *arrs[5] = {m->values, m->centre, m->lcl, m->ucl, m->target};
    for (int a = 0; a < 5; a++)
        if (arrs[a])
            for (size_t i = 0; i < n; i++)
                if (isfinite(arrs[a][i])) {
                    lo = fmin(lo, arrs[a][i]);
                    hi = fmax(hi, arrs[a][i]);
                }
    if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
    }
    int ticks = (int)((plot_bottom - plot_top) / (fs * 3.4));
    ticks = ticks < 3 ? 3 : ticks > 6 ? 6 : ticks;
    chart_scale ys;
    chart_value_range(lo, hi, m->percent, m->zoom || limits, ticks, &ys);
    ys.p0 = plot_bottom;
    ys.p1 = plot_top;

    /* right labels */
    struct {
        const double *arr;
        const char *name;
        rgb col;
        int prio;
        int dec;
    } ends[4] = {
        {m->centre, centre_name(c, m, limits), RGB(0x006148), 90, ldec},
        {m->ucl, TR(c, "ÖKG", "UCL"), RGB(C_MUTED), 70, ldec},
        {m->lcl, TR(c, "NKG", "LCL"), RGB(C_MUTED), 70, ldec},
        {m->target, TR(c, "Årsmål", "Target"), RGB(C_TARGET), 95, chart_auto_decimals(m->target, n) ? ldec : 0},
    };
    char endtext[4][128];
    double rw = 0, tw, th;
    for (int e = 0; e < 4; e++) {
        endtext[e][0] = 0;
        long i = last_finite(ends[e].arr, n);
        if (i < 0)
            continue;
        snprintf(endtext[e], sizeof endtext[e], "%s %s", ends[e].name,
                 chart_fmt(c, ends[e].arr[i], ends[e].dec, m->percent, v, sizeof v));
        chart_text_size(c, F_SMALL, endtext[e], 0, 1, &tw, &th);
        rw = fmax(rw, tw);
    }
    long li = last_finite(m->values, n);
    double vl = 0;
    if (li >= 0) {
        chart_fmt(c, m->values[li], dec, m->percent, v, sizeof v);
        chart_text_size(c, F_SMALL, v, 0, 1, &tw, &th);
        vl = tw + fs * 0.9;
    }
    rw = rw > 0 ? fmin(rw + fs * 0.5, w * 0.3) : 0;
    double left = x + mg + chart_y_label_width(c, &ys, m->percent, F_SMALL) + fs * 0.5;
    double slots = (tm.t1 - tm.t0) / tm.step + 1, right = rw;
    for (int it = 0; it < 2; it++) {
        double half = (x + w - mg - right - left) / slots / 2;
        right = fmax(rw, vl - half);
    }
    double plot_right = x + w - mg - right;
    chart_scale xs = {tm.t0 - tm.step / 2, tm.t1 + tm.step / 2, left, plot_right, tm.step, 0};
    ind_chart_element *pe = chart_el(c, IND_CHART_EL_PLOT, left, plot_top, plot_right, plot_bottom, NULL);
    if (pe) {
        pe->xlo = xs.lo;
        pe->xhi = xs.hi;
        pe->ylo = ys.lo;
        pe->yhi = ys.hi;
    }
    chart_y_axis(c, &ys, left, plot_right, m->percent, F_SMALL);

    cairo_save(cr);
    chart_clip(c, left - fs, plot_top - fs * 0.5, plot_right - left + 2 * fs, plot_bottom - plot_top + fs);
    /* signal spans behind everything */
    for (size_t k = 0; k < m->signal_count; k++) {
        const ind_chart_signal *s = &m->signals[k];
        double xa = chart_map(&xs, t[s->first] - tm.step * 0.45), xb = chart_map(&xs, t[s->last] + tm.step * 0.45);
        cairo_rectangle(cr, xa, plot_top, xb - xa, plot_bottom - plot_top);
        chart_set_rgba(c, signal_colour(k), 0.13);
        cairo_fill(cr);
        ind_chart_element *e = chart_el(c, IND_CHART_EL_SIGNAL, xa, plot_top, xb, plot_bottom, NULL);
        if (e) {
            e->series = (int)k;
            e->index = (int)s->first;
        }
    }
    double ex, ev;
    chart_draw_steps(c, &xs, &ys, t, m->lcl, n, tm.step, RGB(0x6E6E6E), dash_lim, 2, 1.1, IND_CHART_EL_LIMIT_LINE, &ex,
                     &ev);
    chart_draw_steps(c, &xs, &ys, t, m->ucl, n, tm.step, RGB(0x6E6E6E), dash_lim, 2, 1.1, IND_CHART_EL_LIMIT_LINE, &ex,
                     &ev);
    chart_draw_steps(c, &xs, &ys, t, m->centre, n, tm.step, RGB(C_GREEN), NULL, 0, 1.4, IND_CHART_EL_REFERENCE_LINE,
                     &ex, &ev);
    double tex, tev;
    chart_draw_steps(c, &xs, &ys, t, m->target, n, tm.step, RGB(C_TARGET), chart_dash_target, 2, 1.4,
                     IND_CHART_EL_TARGET_LINE, &tex, &tev);
    chart_draw_series(c, &xs, &ys, t, m->values, n, tm.step, ss, 0.85, 0, 1);
    /* points in a signal: a ring in the signal's colour */
    for (size_t k = 0; k < m->signal_count; k++) {
        const ind_chart_signal *s = &m->signals[k];
        for (size_t i = s->first; i <= s->last; i++) {
            if (!isfinite(m->values[i]))
                continue;
            double px = chart_map(&xs, t[i]), py = chart_map(&ys, m->values[i]);
            cairo_new_path(cr);
            cairo_arc(cr, px, py, fs * 0.62, 0, 2 * M_PI);
            chart_set_rgb(c, signal_colour(k));
            cairo_set_line_width(cr, 1.6);
            cairo_stroke(cr);
        }
    }
    cairo_restore(cr);
    /* signal numbers at the top of their spans */
    double tag_x[12];
    int tag_row[12];
    for (size_t k = 0; k < m->signal_count && k < 12; k++) {
        const ind_chart_signal *s = &m->signals[k];
        double xa = chart_map(&xs, t[s->first] - tm.step * 0.45), xb = chart_map(&xs, t[s->last] + tm.step * 0.45);
        double cx = (xa + xb) / 2, r = fs * 0.55;
        /* the first row of tags where no earlier tag is within reach */
        int row = 0;
        for (int busy = 1; busy && row < 12;) {
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
        double cyy = plot_top + r + 1 + row * (2 * r + 2);
        cairo_new_path(cr);
        cairo_arc(cr, cx, cyy, r, 0, 2 * M_PI);
        chart_set_rgb(c, signal_colour(k));
        cairo_fill(cr);
        char num[24];
        snprintf(num, sizeof num, "%zu", k + 1);
        double nw, nh;
        chart_text_size(c, F_TINY, num, 0, 1, &nw, &nh);
        ind_chart_element *e = chart_text(c, F_TINY, num, cx, cyy - nh / 2, 0, 1, AL_CENTER, RGB(0xFFFFFF),
                                          IND_CHART_EL_NOTE);
        if (e)
            e->series = (int)k;
    }
    cairo_move_to(cr, left, plot_bottom);
    cairo_line_to(cr, plot_right, plot_bottom);
    chart_set_rgb(c, RGB(C_AXIS));
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    chart_x_periods(c, &tm, &xs, plot_bottom, m->periods, n, NULL, F_SMALL, 0);

    for (int e = 0; e < 4; e++) {
        long i = last_finite(ends[e].arr, n);
        if (i < 0)
            continue;
        double yy = chart_map(&ys, ends[e].arr[i]);
        chart_label *l = chart_label_add(c, F_SMALL, endtext[e], chart_map(&xs, t[i] + tm.step / 2) + fs * 0.35, yy,
                                         AL_LEFT, ends[e].col, ends[e].prio, IND_CHART_EL_LABEL);
        if (l)
            l->value = ends[e].arr[i];
    }
    if (li >= 0) {
        double px = chart_map(&xs, t[li]), py = chart_map(&ys, m->values[li]);
        chart_label *l = chart_label_add(c, F_SMALL, v, px + fs * 0.8, py, AL_LEFT, ss->text, 100, IND_CHART_EL_LABEL);
        if (l) {
            l->ax = px + fs * 0.4;
            l->ay = py;
            l->series = 0;
            l->index = (int)li;
            l->value = m->values[li];
        }
    }
    alt_text(c, m, dec, limits);
    if (sig_text) {
        for (size_t k = 0; k < m->signal_count && k < 12; k++)
            free(sig_text[k]);
        free(sig_text);
    }
    free(t);
}
