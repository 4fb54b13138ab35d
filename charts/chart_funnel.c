/* chart_funnel.c: a funnel plot of proportions against their base, with 95 % and 99.8 % limits given by the model. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

static ind_status check(const ind_chart_funnel *m, ind_error *err)
{
    if (!m || m->count < 1 || !m->points)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "funnel chart: no points");
    if (m->limit_count < 2 || !m->limits)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "funnel chart: at least two limit points are needed");
    for (size_t i = 1; i < m->limit_count; i++)
        if (!(m->limits[i].n > m->limits[i - 1].n))
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "funnel chart: limits must be given in increasing n");
    for (size_t i = 0; i < m->count; i++)
        if (!(m->points[i].n > 0) || !(m->points[i].p >= 0 && m->points[i].p <= 1))
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                                 "funnel chart: point %zu needs n > 0 and a proportion in [0, 1]", i);
    if (!(m->centre >= 0 && m->centre <= 1))
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "funnel chart: the centre must be a proportion");
    return IND_OK;
}

static int is_out(ind_funnel_class k)
{
    return k != IND_FUNNEL_WITHIN;
}

static void point_style(ind_funnel_class k, marker_shape *s, rgb *col, double *scale)
{
    switch (k) {
    case IND_FUNNEL_ABOVE_998: *s = MK_TRIANGLE; *col = RGB(C_VERMILLION); *scale = 1.25; break;
    case IND_FUNNEL_ABOVE_95: *s = MK_TRIANGLE; *col = RGB(C_ORANGE); *scale = 1.1; break;
    case IND_FUNNEL_BELOW_95: *s = MK_TRIANGLE_DOWN; *col = RGB(C_ORANGE); *scale = 1.1; break;
    case IND_FUNNEL_BELOW_998: *s = MK_TRIANGLE_DOWN; *col = RGB(C_VERMILLION); *scale = 1.25; break;
    default: *s = MK_CIRCLE; *col = RGB(C_BLUE); *scale = 1; break;
    }
}

static const double dash95[2] = {4.5, 2.5};

static const char *class_words(chart *c, ind_funnel_class k)
{
    switch (k) {
    case IND_FUNNEL_ABOVE_998: return TR(c, "över 99,8 %-gränsen", "above the 99.8% limit");
    case IND_FUNNEL_ABOVE_95: return TR(c, "över 95 %-gränsen", "above the 95% limit");
    case IND_FUNNEL_BELOW_95: return TR(c, "under 95 %-gränsen", "below the 95% limit");
    case IND_FUNNEL_BELOW_998: return TR(c, "under 99,8 %-gränsen", "below the 99.8% limit");
    default: return TR(c, "inom gränserna", "within the limits");
    }
}

static void alt_text(chart *c, const ind_chart_funnel *m, int dec)
{
    strbuf b = {0};
    char pl[32], v[64];
    double k = m->percent ? 100 : 1;
    sb_add(&b, TR(c, "Trattdiagram: %s", "Funnel plot: %s"), m->indicator ? m->indicator : "");
    if (m->period != IND_PERIOD_NONE)
        sb_add(&b, ", %s", chart_period_label(c, m->period, pl, sizeof pl));
    sb_add(&b, TR(c, ", %zu enheter. Genomsnitt %s.", ", %zu units. Average %s."), m->count,
           chart_fmt(c, m->centre * k, dec, m->percent, v, sizeof v));
    if (isfinite(m->target)) {
        double t = m->target * k;
        sb_add(&b, TR(c, " Årsmål %s.", " Target %s."),
               chart_fmt(c, t, chart_auto_decimals(&t, 1) ? (dec ? dec : 1) : 0, m->percent, v, sizeof v));
    }
    size_t out = 0;
    for (size_t i = 0; i < m->count; i++)
        out += is_out(m->points[i].cls);
    if (!out)
        sb_add(&b, "%s", TR(c, " Alla enheter ligger inom 95 %-gränserna.", " Every unit lies within the 95% limits."));
    for (size_t i = 0; i < m->count; i++) {
        const ind_chart_funnel_point *p = &m->points[i];
        if (!is_out(p->cls) && !p->highlight)
            continue;
        sb_add(&b, " %s: %s (n = %.0f), %s.", p->name ? p->name : "", chart_fmt(c, p->p * k, dec, m->percent, v, sizeof v),
               p->n, class_words(c, p->cls));
    }
    chart_set_alt(c, &b);
}

static void curve(chart *c, const ind_chart_funnel *m, const chart_scale *xs, const chart_scale *ys, int which,
                  double k)
{
    cairo_t *cr = c->cr;
    cairo_new_path(cr);
    for (size_t i = 0; i < m->limit_count; i++) {
        const ind_chart_funnel_limit *l = &m->limits[i];
        double v = which == 0 ? l->lo95 : which == 1 ? l->hi95 : which == 2 ? l->lo998 : l->hi998;
        if (!isfinite(v) || !isfinite(l->n))
            continue;
        double px = chart_map(xs, l->n), py = chart_map(ys, v * k);
        if (cairo_has_current_point(cr))
            cairo_line_to(cr, px, py);
        else
            cairo_move_to(cr, px, py);
    }
}

ind_status ind_chart_draw_funnel(cairo_t *cr, double x, double y, double w, double h,
                                 const ind_chart_funnel *m, const ind_chart_options *o,
                                 ind_chart_layout *layout_out, ind_error *err)
{
    ind_status st = check(m, err);
    if (st != IND_OK)
        return st;
    chart c;
    st = chart_begin(&c, cr, x, y, w, h, o, layout_out, err);
    if (st != IND_OK)
        return st;
    double fs = c.fs, mg = chart_margin(&c), k = m->percent ? 100 : 1;
    char buf[160], v[64], pl[32];
    int dec = m->decimals;
    if (dec < 0) {
        dec = 0;
        for (size_t i = 0; i < m->count; i++) {
            double q = m->points[i].p * k;
            if (fabs(q - nearbyint(q)) > 1e-9)
                dec = 1;
        }
    }
    char sub[96];
    if (m->period != IND_PERIOD_NONE)
        snprintf(sub, sizeof sub, TR(&c, "%s, %zu enheter", "%s, %zu units"), chart_period_label(&c, m->period, pl, sizeof pl),
                 m->count);
    else
        snprintf(sub, sizeof sub, TR(&c, "%zu enheter", "%zu units"), m->count);
    double top = chart_heading(&c, m->indicator, sub);

    legend_entry lg[8];
    size_t nl = 0;
    int seen95 = 0, seen998 = 0;
    for (size_t i = 0; i < m->count; i++) {
        int a = abs((int)m->points[i].cls);
        seen95 |= a == 1;
        seen998 |= a == 2;
    }
    lg[nl++] = (legend_entry){LG_MARKER, RGB(C_BLUE), NULL, 0, 0, MK_CIRCLE, 0, 0, -1,
                              TR(&c, "Inom 95 %-gränserna", "Within the 95% limits")};
    if (seen95)
        lg[nl++] = (legend_entry){LG_MARKER, RGB(C_ORANGE), NULL, 0, 0, MK_TRIANGLE, 0, 0, -1,
                                  TR(&c, "Utanför 95 % (▲ över, ▼ under)", "Outside 95% (▲ above, ▼ below)")};
    if (seen998)
        lg[nl++] = (legend_entry){LG_MARKER, RGB(C_VERMILLION), NULL, 0, 0, MK_TRIANGLE, 0, 0, -1,
                                  TR(&c, "Utanför 99,8 %", "Outside 99.8%")};
    lg[nl++] = (legend_entry){LG_LINE, RGB(0x4D4D4D), dash95, 2, 1.0, MK_NONE, 0, 0, -1,
                              TR(&c, "95 %-gräns", "95% limit")};
    lg[nl++] = (legend_entry){LG_LINE, RGB(0x4D4D4D), NULL, 0, 1.0, MK_NONE, 0, 0, -1,
                              TR(&c, "99,8 %-gräns", "99.8% limit")};
    lg[nl++] = (legend_entry){LG_LINE, RGB(C_GREEN), NULL, 0, 1.6, MK_NONE, 0, 0, -1,
                              TR(&c, "Genomsnitt", "Average")};
    if (isfinite(m->target))
        lg[nl++] = (legend_entry){LG_LINE, RGB(C_TARGET), chart_dash_target, 2, 1.4, MK_NONE, 0, 0, -1,
                                  TR(&c, "Årsmål", "Target")};
    top += chart_legend(&c, lg, nl, x + mg, top, w - 2 * mg) + fs * 0.8;
    double bottom = chart_caption(&c);
    double lh = chart_line_height(&c, F_SMALL);
    double plot_bottom = bottom - 2 * lh - chart_x_label_gap(&c, F_SMALL) - fs * 0.4;
    double plot_top = top + lh * 0.5;

    /* ranges: points, centre, target, and the limits from the smallest base shown */
    double nmin = INFINITY, nmax = 0, lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < m->count; i++) {
        nmin = fmin(nmin, m->points[i].n);
        nmax = fmax(nmax, m->points[i].n);
        lo = fmin(lo, m->points[i].p * k);
        hi = fmax(hi, m->points[i].p * k);
    }
    lo = fmin(lo, m->centre * k);
    hi = fmax(hi, m->centre * k);
    if (isfinite(m->target)) {
        lo = fmin(lo, m->target * k);
        hi = fmax(hi, m->target * k);
    }
    for (size_t i = 0; i < m->limit_count; i++) {
        const ind_chart_funnel_limit *l = &m->limits[i];
        if (l->n < nmin * 0.8 || l->n > nmax * 1.15)
            continue;
        double q[4] = {l->lo95, l->hi95, l->lo998, l->hi998};
        for (int j = 0; j < 4; j++)
            if (isfinite(q[j])) {
                lo = fmin(lo, q[j] * k);
                hi = fmax(hi, q[j] * k);
            }
    }
    int ticks = (int)((plot_bottom - plot_top) / (fs * 3.4));
    ticks = ticks < 3 ? 3 : ticks > 6 ? 6 : ticks;
    chart_scale ys;
    chart_value_range(lo, hi, m->percent, 1, ticks, &ys);
    if (ys.lo < 0)
        ys.lo = 0;
    if (ys.hi > k)
        ys.hi = k;
    ys.p0 = plot_bottom;
    ys.p1 = plot_top;

    /* right labels: limits, centre, target */
    double rw = 0, tw, th;
    char lab_c[96], lab_t[96];
    snprintf(lab_c, sizeof lab_c, "%s %s", TR(&c, "Genomsnitt", "Average"),
             chart_fmt(&c, m->centre * k, dec, m->percent, v, sizeof v));
    chart_text_size(&c, F_SMALL, lab_c, 0, 1, &tw, &th);
    rw = fmax(rw, tw);
    if (isfinite(m->target)) {
        snprintf(lab_t, sizeof lab_t, "%s %s", TR(&c, "Årsmål", "Target"),
                 chart_fmt(&c, m->target * k, chart_auto_decimals((double[]){m->target * k}, 1) ? (dec ? dec : 1) : 0,
                           m->percent, v, sizeof v));
        chart_text_size(&c, F_SMALL, lab_t, 0, 1, &tw, &th);
        rw = fmax(rw, tw);
    }
    rw += fs * 0.6;
    double left = x + mg + chart_y_label_width(&c, &ys, m->percent, F_SMALL) + fs * 0.5;
    double right = x + w - mg - fmin(rw, w * 0.3);
    int xt = (int)((right - left) / (fs * 6));
    xt = xt < 3 ? 3 : xt > 8 ? 8 : xt;
    chart_scale xs;
    chart_nice(0, fmax(nmax, m->limits[m->limit_count - 1].n > nmax * 1.15 ? nmax * 1.05 : m->limits[m->limit_count - 1].n),
               xt, &xs);
    xs.lo = 0;
    xs.p0 = left;
    xs.p1 = right;
    ind_chart_element *pe = chart_el(&c, IND_CHART_EL_PLOT, left, plot_top, right, plot_bottom, NULL);
    if (pe) {
        pe->xlo = xs.lo;
        pe->xhi = xs.hi;
        pe->ylo = ys.lo;
        pe->yhi = ys.hi;
    }
    chart_y_axis(&c, &ys, left, right, m->percent, F_SMALL);
    /* x axis */
    int nt = (int)floor((xs.hi - xs.lo) / xs.step + 1e-6);
    for (int i = 0; i <= nt; i++) {
        double nv = xs.lo + i * xs.step, px = chart_map(&xs, nv);
        char num[64];
        chart_fmt(&c, nv, xs.decimals, 0, num, sizeof num);
        cairo_move_to(cr, px, plot_bottom);
        cairo_line_to(cr, px, plot_bottom + fs * 0.3);
        chart_set_rgb(&c, RGB(C_AXIS));
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
        chart_text(&c, F_SMALL, num, px, plot_bottom + chart_x_label_gap(&c, F_SMALL), 0, 1, AL_CENTER, RGB(C_MUTED), IND_CHART_EL_AXIS_LABEL);
    }
    cairo_move_to(cr, left, plot_bottom);
    cairo_line_to(cr, right, plot_bottom);
    chart_set_rgb(&c, RGB(C_AXIS));
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    chart_text(&c, F_SMALL, m->n_label ? m->n_label : TR(&c, "Antal (n)", "Number (n)"), (left + right) / 2,
               plot_bottom + chart_x_label_gap(&c, F_SMALL) + lh + fs * 0.2, 0, 1, AL_CENTER, RGB(C_TEXT), IND_CHART_EL_AXIS_LABEL);

    cairo_save(cr);
    chart_clip(&c, left, plot_top, right - left, plot_bottom - plot_top);
    /* limits */
    for (int which = 0; which < 4; which++) {
        curve(&c, m, &xs, &ys, which, k);
        chart_set_rgb(&c, RGB(0x4D4D4D));
        cairo_set_line_width(cr, 1.0);
        if (which < 2)
            cairo_set_dash(cr, dash95, 2, 0);
        else
            cairo_set_dash(cr, NULL, 0, 0);
        double ex0, ey0, ex1, ey1;
        cairo_stroke_extents(cr, &ex0, &ey0, &ex1, &ey1);
        cairo_stroke(cr);
        ind_chart_element *e = chart_el(&c, IND_CHART_EL_LIMIT_LINE, ex0, ey0, ex1, ey1, NULL);
        if (e)
            e->series = which;
    }
    cairo_set_dash(cr, NULL, 0, 0);
    /* centre and target */
    double cy = chart_map(&ys, m->centre * k);
    cairo_move_to(cr, left, cy);
    cairo_line_to(cr, right, cy);
    chart_set_rgb(&c, RGB(C_GREEN));
    cairo_set_line_width(cr, 1.6);
    cairo_stroke(cr);
    ind_chart_element *ce = chart_el(&c, IND_CHART_EL_REFERENCE_LINE, left, cy - 0.8, right, cy + 0.8, NULL);
    if (ce) {
        ce->value = m->centre * k;
        ce->y = cy;
    }
    double ty = NAN;
    if (isfinite(m->target)) {
        ty = chart_map(&ys, m->target * k);
        cairo_move_to(cr, left, ty);
        cairo_line_to(cr, right, ty);
        chart_set_rgb(&c, RGB(C_TARGET));
        cairo_set_line_width(cr, 1.4);
        cairo_set_dash(cr, chart_dash_target, 2, 0);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        ind_chart_element *e = chart_el(&c, IND_CHART_EL_TARGET_LINE, left, ty - 0.7, right, ty + 0.7, NULL);
        if (e) {
            e->value = m->target * k;
            e->y = ty;
        }
    }
    /* points: inside first, outliers on top */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < m->count; i++) {
            const ind_chart_funnel_point *p = &m->points[i];
            if ((pass == 0) == (is_out(p->cls) || p->highlight))
                continue;
            marker_shape s;
            rgb col;
            double sc;
            point_style(p->cls, &s, &col, &sc);
            double px = chart_map(&xs, p->n), py = chart_map(&ys, p->p * k), r = fs * 0.42 * sc;
            chart_marker(&c, s, px, py, r, col, p->highlight ? RGB(0x000000) : RGB(0xFFFFFF));
            ind_chart_element *e = chart_el(&c, IND_CHART_EL_MARKER, px - r, py - r, px + r, py + r, NULL);
            if (e) {
                e->index = (int)i;
                e->value = p->p * k;
                e->series = (int)p->cls;
            }
        }
    cairo_restore(cr);

    /* labels: centre, target, outlying and highlighted units (the limits are named in the legend) */
    chart_label *l = chart_label_add(&c, F_SMALL, lab_c, right + fs * 0.3, cy, AL_LEFT, RGB(0x006148), 95,
                                     IND_CHART_EL_LABEL);
    if (l)
        l->value = m->centre * k;
    if (isfinite(ty)) {
        l = chart_label_add(&c, F_SMALL, lab_t, right + fs * 0.3, ty, AL_LEFT, RGB(C_TARGET), 94, IND_CHART_EL_LABEL);
        if (l)
            l->value = m->target * k;
    }
    for (size_t i = 0; i < m->count; i++) {
        const ind_chart_funnel_point *p = &m->points[i];
        if (!is_out(p->cls) && !p->highlight)
            continue;
        double px = chart_map(&xs, p->n), py = chart_map(&ys, p->p * k);
        snprintf(buf, sizeof buf, "%s", p->name ? p->name : "");
        int prio = p->highlight ? 92 : 60 + 10 * abs((int)p->cls);
        /* the name to the right, or to the left near the right edge */
        double tw2, th2;
        chart_text_size(&c, p->highlight ? F_SMALL_BOLD : F_SMALL, buf, 0, 1, &tw2, &th2);
        int to_left = px + fs * 0.7 + tw2 > right;
        l = chart_label_add(&c, p->highlight ? F_SMALL_BOLD : F_SMALL, buf, to_left ? px - fs * 0.7 : px + fs * 0.7, py,
                            to_left ? AL_RIGHT : AL_LEFT, RGB(C_TEXT), prio, IND_CHART_EL_LABEL);
        if (l) {
            l->ax = px;
            l->ay = py;
            l->index = (int)i;
            l->value = p->p * k;
        }
    }
    chart_labels_place(&c);
    alt_text(&c, m, dec);
    return chart_end(&c, err);
}

static ind_status draw_any(cairo_t *cr, double x, double y, double w, double h, const void *m,
                           const ind_chart_options *o, ind_chart_layout *l, ind_error *err)
{
    return ind_chart_draw_funnel(cr, x, y, w, h, m, o, l, err);
}

ind_status ind_chart_render_funnel(const ind_chart_funnel *m, const ind_chart_options *o,
                                   const char *path, ind_chart_layout *layout_out, ind_error *err)
{
    ind_status st = check(m, err);
    if (st != IND_OK)
        return st;
    return chart_render_file(path, chart_default_width(o), chart_default_height(o), draw_any, m, o,
                             layout_out, err);
}
