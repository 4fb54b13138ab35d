/* chart_trend.c: the trend chart: one unit × indicator over periods, gender series, årsmål step lines, trend line, band and notes. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ind_status chart_trend_check(const void *model, ind_error *err)
{
    const ind_chart_trend *m = model;
    if (!m)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: no model");
    if (m->count < 1 || !m->periods)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: no periods");
    if (m->series_count < 1 || m->series_count > 4 || !m->series)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: 1 to 4 series needed, got %zu",
                             m->series_count);
    for (size_t i = 0; i < m->count; i++) {
        int y = ind_period_year(m->periods[i]);
        if (y < IND_YEAR_MIN || y > IND_YEAR_MAX)
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: period %zu is not a period", i);
        if (i > 0 && !(ind_period_time(m->periods[i]) > ind_period_time(m->periods[i - 1])))
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                                 "trend chart: periods must increase in time (period %zu)", i);
    }
    for (size_t s = 0; s < m->series_count; s++)
        if (!m->series[s].values)
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: series %zu has no values", s);
    if (m->trend && (m->trend->series < 0 || (size_t)m->trend->series >= m->series_count))
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: the trend line's series is out of range");
    if ((m->band_lo == NULL) != (m->band_hi == NULL))
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: a band needs both lo and hi");
    return IND_OK;
}

static const char *series_name(chart *c, const ind_chart_series *s)
{
    return s->name ? s->name : chart_gender_word(c, s->gender);
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

static void widen(double *lo, double *hi, const double *v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i])) {
            *lo = fmin(*lo, v[i]);
            *hi = fmax(*hi, v[i]);
        }
}

/* A band's edge cut at the axis: the band may reach beyond what the values can be. */
static double band_in(const chart_scale *ys, double v)
{
    double lo = fmin(ys->lo, ys->hi), hi = fmax(ys->lo, ys->hi);
    return v < lo ? lo : v > hi ? hi : v;
}

/* Decimals for a target: none when it is whole ("Årsmål 4 %"), else as the values. */
static int target_decimals(double v, int dec)
{
    return chart_auto_decimals(&v, 1) ? (dec > 0 ? dec : 1) : 0;
}

static void alt_text(chart *c, const ind_chart_trend *m, int dec)
{
    strbuf b = {0};
    char p0[32], p1[32], v[64];
    chart_period_label(c, m->periods[0], p0, sizeof p0);
    chart_period_label(c, m->periods[m->count - 1], p1, sizeof p1);
    sb_add(&b, TR(c, "Linjediagram: %s", "Line chart: %s"), m->indicator ? m->indicator : "");
    if (m->unit)
        sb_add(&b, ", %s", m->unit);
    if (m->count > 1)
        sb_add(&b, ", %s–%s.", p0, p1);
    else
        sb_add(&b, ", %s.", p0);
    for (size_t s = 0; s < m->series_count; s++) {
        const ind_chart_series *se = &m->series[s];
        long i = last_finite(se->values, m->count);
        sb_add(&b, " %s: ", series_name(c, se));
        if (i < 0) {
            sb_add(&b, "%s", TR(c, "inga värden.", "no values."));
            continue;
        }
        char pl[32], nb[64];
        /* from the first value to the latest, chronologically */
        size_t j = 0;
        while (j < (size_t)i && !isfinite(se->values[j]))
            j++;
        if (j < (size_t)i)
            sb_add(&b, TR(c, "från %s (%s) till ", "from %s (%s) to "),
                   chart_fmt(c, se->values[j], dec, m->percent, v, sizeof v),
                   chart_period_label(c, m->periods[j], pl, sizeof pl));
        sb_add(&b, "%s (%s", chart_fmt(c, se->values[i], dec, m->percent, v, sizeof v),
               chart_period_label(c, m->periods[i], pl, sizeof pl));
        if (se->n && isfinite(se->n[i]))
            sb_add(&b, ", n = %s", chart_fmt(c, se->n[i], 0, 0, nb, sizeof nb));
        sb_add(&b, ").");
    }
    long ti = last_finite(m->target, m->count);
    if (ti >= 0) {
        char pl[32];
        sb_add(&b, TR(c, " Årsmål %s: %s.", " Target %s: %s."), chart_period_label(c, m->periods[ti], pl, sizeof pl),
               chart_fmt(c, m->target[ti], target_decimals(m->target[ti], dec), m->percent, v, sizeof v));
    }
    long ki = last_finite(m->kf_target, m->count);
    if (ki >= 0) {
        char pl[32];
        sb_add(&b, TR(c, " KF:s årsmål %s: %s.", " City council target %s: %s."),
               chart_period_label(c, m->periods[ki], pl, sizeof pl),
               chart_fmt(c, m->kf_target[ki], target_decimals(m->kf_target[ki], dec), m->percent, v, sizeof v));
    }
    if (m->trend)
        sb_add(&b, " %s.", m->trend->label ? m->trend->label : TR(c, "Trendlinje", "Trend line"));
    for (size_t k = 0; k < m->note_count; k++) {
        char pl[32];
        sb_add(&b, TR(c, " Anmärkning %s: %s.", " Note %s: %s."),
               chart_period_label(c, m->notes[k].period, pl, sizeof pl), m->notes[k].text ? m->notes[k].text : "");
    }
    chart_set_alt(c, &b);
}

void chart_trend_draw(chart *c, const void *model)
{
    const ind_chart_trend *m = model;
    cairo_t *cr = c->cr;
    double x = c->x, w = c->w;
    size_t n = m->count;
    chart_time tm;
    double *t = chart_period_times(c, m->periods, n, &tm);
    if (!t)
        return;

    int dec = m->decimals;
    if (dec < 0) {
        dec = 0;
        for (size_t s = 0; s < m->series_count; s++)
            if (chart_auto_decimals(m->series[s].values, n))
                dec = 1;
    }
    double fs = c->fs, mg = chart_margin(c);
    char buf[128], buf2[160];

    /* heading */
    char sub[256];
    {
        char p0[32], p1[32];
        chart_period_label(c, m->periods[0], p0, sizeof p0);
        chart_period_label(c, m->periods[n - 1], p1, sizeof p1);
        if (n > 1)
            snprintf(sub, sizeof sub, "%s%s%s–%s", m->unit ? m->unit : "", m->unit ? ", " : "", p0, p1);
        else
            snprintf(sub, sizeof sub, "%s%s%s", m->unit ? m->unit : "", m->unit ? ", " : "", p0);
    }
    double top = chart_heading(c, m->indicator, sub);

    /* legend */
    legend_entry lg[10];
    size_t nl = 0;
    for (size_t s = 0; s < m->series_count; s++) {
        const series_style *ss = chart_series_style(m->series[s].gender);
        lg[nl++] = (legend_entry){LG_LINE, ss->line, ss->dash, ss->ndash, ss->width * 0.9, ss->marker,
                                  0, 0, (int)s, series_name(c, &m->series[s])};
    }
    long ti = last_finite(m->target, n), ki = last_finite(m->kf_target, n);
    /* årsmål and KF:s årsmål ending together at one value: one label names both */
    int same_end = ti >= 0 && ti == ki && m->target[ti] == m->kf_target[ki];
    const char *target_word = same_end ? TR(c, "Årsmål och KF:s årsmål", "Target and city council target")
                                       : TR(c, "Årsmål", "Target");
    if (ti >= 0)
        lg[nl++] = (legend_entry){LG_STEP, RGB(C_TARGET), chart_dash_target, 2, 1.4, MK_NONE, 0, 0, -1,
                                  TR(c, "Årsmål", "Target")};
    if (ki >= 0)
        lg[nl++] = (legend_entry){LG_STEP, RGB(C_KF), chart_dash_kf, 2, 1.6, MK_NONE, 0, 0, -1,
                                  TR(c, "KF:s årsmål", "City council target")};
    const series_style *tst = m->trend ? chart_series_style(m->series[m->trend->series].gender) : NULL;
    if (m->trend)
        lg[nl++] = (legend_entry){LG_LINE, tst->text, NULL, 0, 1.1, MK_NONE, 0, 0, -1,
                                  m->trend->label ? m->trend->label : TR(c, "Trend", "Trend")};
    int has_band = m->band_lo && m->band_hi;
    rgb band_col = tst ? tst->line : RGB(C_BLUE);
    if (has_band)
        lg[nl++] = (legend_entry){LG_BAND, band_col, NULL, 0, 0, MK_NONE, 0, 0, -1,
                                  m->band_label ? m->band_label : TR(c, "95 % konfidensintervall", "95% confidence interval")};
    double lgh = chart_legend_height(c, lg, nl, w - 2 * mg);
    chart_legend(c, lg, nl, x + mg, top, w - 2 * mg);
    top += lgh + fs * 0.8;

    /* bottom: caption, footnotes, x labels */
    double bottom = chart_caption(c);
    size_t nn = 0;
    for (size_t k = 0; k < m->note_count; k++)
        if (m->notes[k].text)
            nn++;
    double foot_h = 0;
    double *foot_hs = NULL;
    if (nn) {
        foot_hs = calloc(m->note_count, sizeof *foot_hs);
        if (!foot_hs)
            c->oom = 1;
        for (size_t k = 0; foot_hs && k < m->note_count; k++) {
            if (!m->notes[k].text)
                continue;
            char pl[32];
            snprintf(buf2, sizeof buf2, "%zu  %s: %s", k + 1, chart_period_label(c, m->notes[k].period, pl, sizeof pl),
                     m->notes[k].text);
            double fw, fh;
            chart_text_size(c, F_CAPTION, buf2, w - 2 * mg, 2, &fw, &fh);
            foot_hs[k] = fh;
            foot_h += fh + 1;
        }
        foot_h += fs * 0.3;
    }
    int has_n = 0;
    const double *nvals = NULL;
    for (size_t s = 0; s < m->series_count && !nvals; s++)
        if (m->series[s].n)
            nvals = m->series[s].n;
    has_n = nvals != NULL;
    double xlab_h = chart_line_height(c, F_SMALL) + chart_x_label_gap(c, F_SMALL) + (has_n ? chart_line_height(c, F_TINY) + 1 : 0);
    double plot_bottom = bottom - foot_h - xlab_h - fs * 0.2;

    /* value unit above the axis */
    if (m->value_unit && *m->value_unit) {
        chart_text(c, F_SMALL, m->value_unit, x + mg, top - fs * 0.2, 0, 1, AL_LEFT, RGB(C_MUTED),
                   IND_CHART_EL_AXIS_LABEL);
        top += chart_line_height(c, F_SMALL) + fs * 0.2;
    }
    double plot_top = top + chart_line_height(c, F_SMALL) * 0.5;
    if (plot_bottom - plot_top < fs * 4)
        plot_bottom = plot_top + fs * 4;

    /* y scale */
    double lo = INFINITY, hi = -INFINITY;
    for (size_t s = 0; s < m->series_count; s++)
        widen(&lo, &hi, m->series[s].values, n);
    widen(&lo, &hi, m->target, n);
    widen(&lo, &hi, m->kf_target, n);
    if (m->trend) {
        double e2[2] = {m->trend->y_from, m->trend->y_to};
        widen(&lo, &hi, e2, 2);
    }
    if (has_band) {
        /* the band widens the axis only as far as the values can go: a share
         * stops at 0 and 100 %, values that are never negative at 0 (the
         * band is cut at the axis) */
        double blo = INFINITY, bhi = -INFINITY;
        widen(&blo, &bhi, m->band_lo, n);
        widen(&blo, &bhi, m->band_hi, n);
        if (lo >= 0 && blo < 0)
            blo = 0;
        if (m->percent && bhi > 100 && !(hi > 100))
            bhi = 100;
        if (blo <= bhi) {
            lo = fmin(lo, blo);
            hi = fmax(hi, bhi);
        }
    }
    if (!(lo <= hi)) {
        lo = 0;
        hi = m->percent ? 100 : 1;
    }
    int ticks = (int)((plot_bottom - plot_top) / (fs * 3.4));
    ticks = ticks < 3 ? 3 : ticks > 6 ? 6 : ticks;
    chart_scale ys;
    chart_value_range(lo, hi, m->percent, m->zoom, ticks, &ys);
    ys.p0 = plot_bottom;
    ys.p1 = plot_top;

    /* left and right margins */
    double left = x + mg + chart_y_label_width(c, &ys, m->percent, F_SMALL) + fs * 0.5;
    double rl = 0, vl = 0, tw, th;
    if (ti >= 0) {
        snprintf(buf2, sizeof buf2, "%s %s", target_word,
                 chart_fmt(c, m->target[ti], target_decimals(m->target[ti], dec), m->percent, buf, sizeof buf));
        chart_text_size(c, F_SMALL, buf2, 0, 1, &tw, &th);
        rl = fmax(rl, tw);
    }
    if (ki >= 0 && !same_end) {
        snprintf(buf2, sizeof buf2, "%s %s", TR(c, "KF:s årsmål", "City council target"),
                 chart_fmt(c, m->kf_target[ki], target_decimals(m->kf_target[ki], dec), m->percent, buf, sizeof buf));
        chart_text_size(c, F_SMALL, buf2, 0, 1, &tw, &th);
        rl = fmax(rl, tw);
    }
    for (size_t s = 0; s < m->series_count; s++) {
        long i = last_finite(m->series[s].values, n);
        if (i < 0)
            continue;
        chart_fmt(c, m->series[s].values[i], dec, m->percent, buf, sizeof buf);
        chart_text_size(c, F_SMALL, buf, 0, 1, &tw, &th);
        vl = fmax(vl, tw + fs * 0.9);
    }
    rl = rl > 0 ? rl + fs * 0.5 : 0;
    rl = fmin(rl, w * 0.3);
    double slots = (tm.t1 - tm.t0) / tm.step + 1;
    double right = rl;
    for (int it = 0; it < 2; it++) {
        double pw = (x + w - mg - right) - left;
        double half = pw / slots / 2;
        right = fmax(rl, vl - half);
        if (right < 0)
            right = 0;
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

    /* grid and y labels */
    chart_y_axis(c, &ys, left, plot_right, m->percent, F_SMALL);

    cairo_save(cr);
    chart_clip(c, left - fs, plot_top - fs * 0.5, plot_right - left + 2 * fs, plot_bottom - plot_top + fs);

    /* band */
    if (has_band) {
        double bx0 = INFINITY, by0 = INFINITY, bx1 = -INFINITY, by1 = -INFINITY;
        size_t i = 0;
        while (i < n) {
            while (i < n && !(isfinite(m->band_lo[i]) && isfinite(m->band_hi[i])))
                i++;
            size_t j = i;
            while (j + 1 < n && isfinite(m->band_lo[j + 1]) && isfinite(m->band_hi[j + 1]) &&
                   t[j + 1] - t[j] <= 1.5 * tm.step)
                j++;
            if (i >= n)
                break;
            cairo_new_path(cr);
            for (size_t k = i; k <= j; k++) {
                double px = chart_map(&xs, t[k]), py = chart_map(&ys, band_in(&ys, m->band_hi[k]));
                if (k == i)
                    cairo_move_to(cr, px, py);
                else
                    cairo_line_to(cr, px, py);
                bx0 = fmin(bx0, px);
                bx1 = fmax(bx1, px);
                by0 = fmin(by0, py);
            }
            for (size_t k = j + 1; k-- > i;) {
                double px = chart_map(&xs, t[k]), py = chart_map(&ys, band_in(&ys, m->band_lo[k]));
                cairo_line_to(cr, px, py);
                by1 = fmax(by1, py);
            }
            cairo_close_path(cr);
            if (i == j) { /* a single period: a short bar */
                cairo_new_path(cr);
                double px = chart_map(&xs, t[i]);
                cairo_rectangle(cr, px - fs * 0.3, chart_map(&ys, band_in(&ys, m->band_hi[i])), fs * 0.6,
                                chart_map(&ys, band_in(&ys, m->band_lo[i])) - chart_map(&ys, band_in(&ys, m->band_hi[i])));
            }
            chart_set_rgba(c, band_col, 0.16);
            cairo_fill(cr);
            i = j + 1;
        }
        if (bx0 <= bx1)
            chart_el(c, IND_CHART_EL_BAND, bx0, by0, bx1, by1, NULL);
    }

    /* notes: a dotted line at the period */
    for (size_t k = 0; k < m->note_count; k++) {
        double nt = ind_period_time(m->notes[k].period);
        if (!(nt >= xs.lo && nt <= xs.hi))
            continue;
        double px = chart_map(&xs, nt);
        cairo_move_to(cr, px, plot_top + fs * 1.2);
        cairo_line_to(cr, px, plot_bottom);
        chart_set_rgb(c, RGB(C_AXIS));
        cairo_set_line_width(cr, 0.7);
        static const double dd[2] = {1, 2};
        cairo_set_dash(cr, dd, 2, 0);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }

    /* targets */
    double kf_end_x, kf_end_v, t_end_x, t_end_v;
    chart_draw_steps(c, &xs, &ys, t, m->kf_target, n, tm.step, RGB(C_KF), chart_dash_kf, 2, 1.6,
                     IND_CHART_EL_KF_TARGET_LINE, &kf_end_x, &kf_end_v);
    chart_draw_steps(c, &xs, &ys, t, m->target, n, tm.step, RGB(C_TARGET), chart_dash_target, 2, 1.4,
                     IND_CHART_EL_TARGET_LINE, &t_end_x, &t_end_v);

    /* trend line */
    if (m->trend) {
        double x0 = chart_map(&xs, ind_period_time(m->trend->from)), y0 = chart_map(&ys, m->trend->y_from);
        double x1 = chart_map(&xs, ind_period_time(m->trend->to)), y1 = chart_map(&ys, m->trend->y_to);
        cairo_move_to(cr, x0, y0);
        cairo_line_to(cr, x1, y1);
        chart_set_rgb(c, tst->text);
        cairo_set_line_width(cr, 1.1);
        cairo_stroke(cr);
        ind_chart_element *e = chart_el(c, IND_CHART_EL_TREND_LINE, x0, y0, x1, y1, NULL);
        if (e)
            e->series = m->trend->series;
    }

    /* series, the first on top */
    for (size_t s = m->series_count; s-- > 0;)
        chart_draw_series(c, &xs, &ys, t, m->series[s].values, n, tm.step,
                          chart_series_style(m->series[s].gender), 1.0, (int)s, 1);
    cairo_restore(cr);

    /* x axis */
    cairo_move_to(cr, left, plot_bottom);
    cairo_line_to(cr, plot_right, plot_bottom);
    chart_set_rgb(c, RGB(C_AXIS));
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    chart_x_periods(c, &tm, &xs, plot_bottom, m->periods, n, nvals, F_SMALL, 0);

    /* note marks and footnotes */
    if (nn) {
        double fy = bottom - foot_h + fs * 0.3;
        for (size_t k = 0; k < m->note_count; k++) {
            if (!m->notes[k].text)
                continue;
            char pl[32], num[24];
            snprintf(num, sizeof num, "%zu", k + 1);
            snprintf(buf2, sizeof buf2, "%s  %s: %s", num, chart_period_label(c, m->notes[k].period, pl, sizeof pl),
                     m->notes[k].text);
            chart_text(c, F_CAPTION, buf2, x + mg, fy, w - 2 * mg, 2, AL_LEFT, RGB(C_TEXT), IND_CHART_EL_FOOTNOTE);
            fy += (foot_hs ? foot_hs[k] : 0) + 1;
            double nt = ind_period_time(m->notes[k].period);
            if (!(nt >= xs.lo && nt <= xs.hi))
                continue;
            double px = chart_map(&xs, nt), r = fs * 0.55, py = plot_top + r;
            cairo_new_path(cr);
            cairo_arc(cr, px, py, r, 0, 2 * M_PI);
            chart_set_rgb(c, RGB(C_MUTED));
            cairo_fill(cr);
            double nw, nh;
            chart_text_size(c, F_TINY, num, 0, 1, &nw, &nh);
            ind_chart_element *e = chart_text(c, F_TINY, num, px, py - nh / 2, 0, 1, AL_CENTER,
                                              RGB(0xFFFFFF), IND_CHART_EL_NOTE);
            if (e)
                e->index = (int)k;
        }
    }
    free(foot_hs);

    /* labels: latest values, target ends */
    static const int prio[4] = {100, 90, 85, 80};
    for (size_t s = 0; s < m->series_count; s++) {
        const ind_chart_series *se = &m->series[s];
        long i = last_finite(se->values, n);
        if (i < 0)
            continue;
        chart_fmt(c, se->values[i], dec, m->percent, buf, sizeof buf);
        /* the period is named when the value is older than the chart's last
         * outcome; periods after it that carry only an årsmål (next year's,
         * from the VP) do not count */
        int later_outcome = 0;
        for (size_t k = (size_t)i + 1; k < n && !later_outcome; k++) {
            int target_only = (m->target && isfinite(m->target[k])) || (m->kf_target && isfinite(m->kf_target[k]));
            for (size_t q = 0; q < m->series_count; q++)
                target_only &= !isfinite(m->series[q].values[k]);
            later_outcome = !target_only;
        }
        if (later_outcome) {
            char pl[32];
            snprintf(buf2, sizeof buf2, "%s (%s)", buf, chart_period_label(c, m->periods[i], pl, sizeof pl));
        } else
            snprintf(buf2, sizeof buf2, "%s", buf);
        const series_style *ss = chart_series_style(se->gender);
        double px = chart_map(&xs, t[i]), py = chart_map(&ys, se->values[i]);
        chart_label *l = chart_label_add(c, F_SMALL, buf2, px + fs * 0.7, py, AL_LEFT, ss->text,
                                         prio[s > 3 ? 3 : s], IND_CHART_EL_LABEL);
        if (l) {
            l->ax = px + fs * 0.4;
            l->ay = py;
            l->series = (int)s;
            l->index = (int)i;
            l->value = se->values[i];
        }
    }
    if (ti >= 0 && isfinite(t_end_x)) {
        snprintf(buf2, sizeof buf2, "%s %s", target_word,
                 chart_fmt(c, t_end_v, target_decimals(t_end_v, dec), m->percent, buf, sizeof buf));
        chart_label *l = chart_label_add(c, F_SMALL, buf2, t_end_x + fs * 0.35, chart_map(&ys, t_end_v), AL_LEFT,
                                         RGB(C_TARGET), 95, IND_CHART_EL_LABEL);
        if (l) {
            l->value = t_end_v;
            l->ax = t_end_x;
            l->ay = chart_map(&ys, t_end_v);
        }
    }
    if (ki >= 0 && isfinite(kf_end_x) && !(same_end && isfinite(t_end_x) && fabs(kf_end_x - t_end_x) < 0.5)) {
        snprintf(buf2, sizeof buf2, "%s %s", TR(c, "KF:s årsmål", "City council target"),
                 chart_fmt(c, kf_end_v, target_decimals(kf_end_v, dec), m->percent, buf, sizeof buf));
        chart_label *l = chart_label_add(c, F_SMALL, buf2, kf_end_x + fs * 0.35, chart_map(&ys, kf_end_v),
                                         AL_LEFT, RGB(C_MUTED), 70, IND_CHART_EL_LABEL);
        if (l) {
            l->value = kf_end_v;
            l->ax = kf_end_x;
            l->ay = chart_map(&ys, kf_end_v);
        }
    }
    alt_text(c, m, dec);
    free(t);
}
