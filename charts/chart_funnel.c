/* chart_funnel.c: a funnel plot of proportions against their base, with 95 % and 99.8 % limits given by the model. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ind_status chart_funnel_check(const void *model, ind_error *err)
{
    const ind_chart_funnel *m = model;
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
    case IND_FUNNEL_ABOVE_998: *s = MK_TRIANGLE; *col = chart_colour(CC_VERMILLION); *scale = 1.25; break;
    case IND_FUNNEL_ABOVE_95: *s = MK_TRIANGLE; *col = chart_colour(CC_ORANGE); *scale = 1.1; break;
    case IND_FUNNEL_BELOW_95: *s = MK_TRIANGLE_DOWN; *col = chart_colour(CC_ORANGE); *scale = 1.1; break;
    case IND_FUNNEL_BELOW_998: *s = MK_TRIANGLE_DOWN; *col = chart_colour(CC_VERMILLION); *scale = 1.25; break;
    default: *s = MK_CIRCLE; *col = chart_colour(CC_BLUE); *scale = 1; break;
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

/* What the phases of drawing a funnel plot share. */
typedef struct {
    const ind_chart_funnel *m;
    double k;                  /* 100 for percentages, else 1 */
    int dec;                   /* decimals of the values */
    double nmax;               /* the largest base */
    double left, right, plot_top, plot_bottom;
    chart_scale xs, ys;
    char lab_c[96], lab_t[96]; /* the labels of the centre and the årsmål */
    double cy, ty;             /* where those lines are (ty NaN: no årsmål) */
} funnel_draw;

static int funnel_decimals(const ind_chart_funnel *m, double k)
{
    int dec = m->decimals;
    if (dec < 0) {
        dec = 0;
        for (size_t i = 0; i < m->count; i++) {
            double q = m->points[i].p * k;
            if (fabs(q - nearbyint(q)) > 1e-9)
                dec = 1;
        }
    }
    return dec;
}

/* The legend: the kinds of point present, the limits, the centre and the
 * årsmål; returns the y below it. */
static double funnel_legend(chart *c, const ind_chart_funnel *m, double top)
{
    double mg = chart_margin(c);
    legend_entry lg[8];
    size_t nl = 0;
    int seen95 = 0, seen998 = 0;
    for (size_t i = 0; i < m->count; i++) {
        int a = abs((int)m->points[i].cls);
        seen95 |= a == 1;
        seen998 |= a == 2;
    }
    lg[nl++] = (legend_entry){LG_MARKER, chart_colour(CC_BLUE), NULL, 0, 0, MK_CIRCLE, 0, 0, -1,
                              TR(c, "Inom 95 %-gränserna", "Within the 95% limits")};
    if (seen95)
        lg[nl++] = (legend_entry){LG_MARKER, chart_colour(CC_ORANGE), NULL, 0, 0, MK_TRIANGLE, 0, 0, -1,
                                  TR(c, "Utanför 95 % (▲ över, ▼ under)", "Outside 95% (▲ above, ▼ below)")};
    if (seen998)
        lg[nl++] = (legend_entry){LG_MARKER, chart_colour(CC_VERMILLION), NULL, 0, 0, MK_TRIANGLE, 0, 0, -1,
                                  TR(c, "Utanför 99,8 %", "Outside 99.8%")};
    lg[nl++] = (legend_entry){LG_LINE, chart_colour(CC_FUNNEL_LIMIT), dash95, 2, 1.0, MK_NONE, 0, 0, -1,
                              TR(c, "95 %-gräns", "95% limit")};
    lg[nl++] = (legend_entry){LG_LINE, chart_colour(CC_FUNNEL_LIMIT), NULL, 0, 1.0, MK_NONE, 0, 0, -1,
                              TR(c, "99,8 %-gräns", "99.8% limit")};
    lg[nl++] = (legend_entry){LG_LINE, chart_colour(CC_GREEN), NULL, 0, 1.6, MK_NONE, 0, 0, -1,
                              TR(c, "Genomsnitt", "Average")};
    if (isfinite(m->target))
        lg[nl++] = (legend_entry){LG_LINE, chart_colour(CC_TARGET), chart_dash_target, 2, 1.4, MK_NONE, 0, 0, -1,
                                  TR(c, "Årsmål", "Target")};
    top += chart_legend(c, lg, nl, c->x + mg, top, c->w - 2 * mg) + c->fs * 0.8;
    return top;
}

/* The value axis over the points, the centre, the årsmål and the limits
 * where the points' bases are (not the funnel's wide mouth), within 0-100 %. */
static void funnel_y_scale(chart *c, funnel_draw *d)
{
    const ind_chart_funnel *m = d->m;
    double k = d->k, nmin = INFINITY, lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < m->count; i++) {
        nmin = fmin(nmin, m->points[i].n);
        d->nmax = fmax(d->nmax, m->points[i].n);
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
        if (l->n < nmin * 0.8 || l->n > d->nmax * 1.15)
            continue;
        double q[4] = {l->lo95, l->hi95, l->lo998, l->hi998};
        for (int j = 0; j < 4; j++)
            if (isfinite(q[j])) {
                lo = fmin(lo, q[j] * k);
                hi = fmax(hi, q[j] * k);
            }
    }
    int ticks = chart_tick_count(d->plot_bottom - d->plot_top, c->fs * 3.4, 3, 6);
    chart_value_range(lo, hi, m->percent, 1, ticks, 0, &d->ys);
    if (d->ys.lo < 0)
        d->ys.lo = 0;
    if (d->ys.hi > k)
        d->ys.hi = k;
    d->ys.p0 = d->plot_bottom;
    d->ys.p1 = d->plot_top;
}

/* The labels of the centre and the årsmål, the plot's ends with room for
 * them, the base axis from 0, the PLOT element, the gridlines. */
static void funnel_frame(chart *c, funnel_draw *d)
{
    const ind_chart_funnel *m = d->m;
    double fs = c->fs, mg = chart_margin(c), k = d->k, w = c->w;
    double rw = 0, tw, th;
    char v[64];
    snprintf(d->lab_c, sizeof d->lab_c, "%s %s", TR(c, "Genomsnitt", "Average"),
             chart_fmt(c, m->centre * k, d->dec, m->percent, v, sizeof v));
    chart_text_size(c, F_SMALL, d->lab_c, 0, 1, &tw, &th);
    rw = fmax(rw, tw);
    if (isfinite(m->target)) {
        snprintf(d->lab_t, sizeof d->lab_t, "%s %s", TR(c, "Årsmål", "Target"),
                 chart_fmt(c, m->target * k,
                           chart_auto_decimals((double[]){m->target * k}, 1) ? (d->dec ? d->dec : 1) : 0, m->percent,
                           v, sizeof v));
        chart_text_size(c, F_SMALL, d->lab_t, 0, 1, &tw, &th);
        rw = fmax(rw, tw);
    }
    rw += fs * 0.6;
    d->left = c->x + mg + chart_y_label_width(c, &d->ys, m->percent, F_SMALL) + fs * 0.5;
    d->right = c->x + w - mg - fmin(rw, w * 0.3);
    int xt = chart_tick_count(d->right - d->left, fs * 6, 3, 8);
    double nlast = m->limits[m->limit_count - 1].n;
    chart_nice(0, fmax(d->nmax, nlast > d->nmax * 1.15 ? d->nmax * 1.05 : nlast), xt, 1, &d->xs);
    d->xs.lo = 0;
    d->xs.p0 = d->left;
    d->xs.p1 = d->right;
    chart_plot_el(c, &d->xs, &d->ys, d->left, d->plot_top, d->right, d->plot_bottom);
    chart_y_axis(c, &d->ys, d->left, d->right, m->percent, F_SMALL);
}

/* The base axis: ticks and whole numbers, the line, its title. */
static void funnel_x_axis(chart *c, const funnel_draw *d, double lh)
{
    cairo_t *cr = c->cr;
    const chart_scale *xs = &d->xs;
    double fs = c->fs, bottom = d->plot_bottom;
    int nt = (int)floor((xs->hi - xs->lo) / xs->step + 1e-6);
    for (int i = 0; i <= nt; i++) {
        double nv = xs->lo + i * xs->step, px = chart_map(xs, nv);
        char num[64];
        chart_fmt(c, nv, xs->decimals, 0, num, sizeof num);
        cairo_move_to(cr, px, bottom);
        cairo_line_to(cr, px, bottom + fs * 0.3);
        chart_set_rgb(c, chart_colour(CC_GREY));
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
        chart_text(c, F_SMALL, num, px, bottom + chart_x_label_gap(c, F_SMALL), 0, 1, AL_CENTER, chart_colour(CC_MUTED),
                   IND_CHART_EL_AXIS_LABEL);
    }
    chart_axis_line(c, d->left, d->right, bottom, 0.8);
    chart_text(c, F_SMALL, d->m->n_label ? d->m->n_label : TR(c, "Antal (n)", "Number (n)"), (d->left + d->right) / 2,
               bottom + chart_x_label_gap(c, F_SMALL) + lh + fs * 0.2, 0, 1, AL_CENTER, chart_colour(CC_TEXT),
               IND_CHART_EL_AXIS_LABEL);
}

/* A horizontal line across the plot at value v, recorded as kind with its value and y. */
static double funnel_level(chart *c, const funnel_draw *d, double v, rgb col, double width, const double *dash,
                           ind_chart_el_kind kind)
{
    cairo_t *cr = c->cr;
    double y = chart_map(&d->ys, v);
    cairo_move_to(cr, d->left, y);
    cairo_line_to(cr, d->right, y);
    chart_set_rgb(c, col);
    cairo_set_line_width(cr, width);
    if (dash)
        cairo_set_dash(cr, dash, 2, 0);
    cairo_stroke(cr);
    if (dash)
        cairo_set_dash(cr, NULL, 0, 0);
    ind_chart_element *e = chart_el(c, kind, d->left, y - width / 2, d->right, y + width / 2, NULL);
    if (e) {
        e->value = v;
        e->y = y;
    }
    return y;
}

/* Inside the plot, clipped: the four limit curves, the centre and the
 * årsmål, the points (those inside first, outliers on top). */
static void funnel_plot(chart *c, funnel_draw *d)
{
    const ind_chart_funnel *m = d->m;
    cairo_t *cr = c->cr;
    double k = d->k;
    cairo_save(cr);
    chart_clip(c, d->left, d->plot_top, d->right - d->left, d->plot_bottom - d->plot_top);
    for (int which = 0; which < 4; which++) {
        curve(c, m, &d->xs, &d->ys, which, k);
        chart_set_rgb(c, chart_colour(CC_FUNNEL_LIMIT));
        cairo_set_line_width(cr, 1.0);
        if (which < 2)
            cairo_set_dash(cr, dash95, 2, 0);
        else
            cairo_set_dash(cr, NULL, 0, 0);
        double ex0, ey0, ex1, ey1;
        cairo_stroke_extents(cr, &ex0, &ey0, &ex1, &ey1);
        cairo_stroke(cr);
        ind_chart_element *e = chart_el(c, IND_CHART_EL_LIMIT_LINE, ex0, ey0, ex1, ey1, NULL);
        if (e)
            e->series = which;
    }
    cairo_set_dash(cr, NULL, 0, 0);
    d->cy = funnel_level(c, d, m->centre * k, chart_colour(CC_GREEN), 1.6, NULL, IND_CHART_EL_REFERENCE_LINE);
    d->ty = NAN;
    if (isfinite(m->target))
        d->ty = funnel_level(c, d, m->target * k, chart_colour(CC_TARGET), 1.4, chart_dash_target, IND_CHART_EL_TARGET_LINE);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < m->count; i++) {
            const ind_chart_funnel_point *p = &m->points[i];
            if ((pass == 0) == (is_out(p->cls) || p->highlight))
                continue;
            marker_shape s;
            rgb col;
            double sc;
            point_style(p->cls, &s, &col, &sc);
            double px = chart_map(&d->xs, p->n), py = chart_map(&d->ys, p->p * k), r = c->fs * 0.42 * sc;
            chart_marker(c, s, px, py, r, col, p->highlight ? chart_colour(CC_BLACK) : chart_colour(CC_PAPER));
            ind_chart_element *e = chart_el(c, IND_CHART_EL_MARKER, px - r, py - r, px + r, py + r, NULL);
            if (e) {
                e->index = (int)i;
                e->value = p->p * k;
                e->series = (int)p->cls;
            }
        }
    cairo_restore(cr);
}

/* The labels: the centre, the årsmål, the outlying and highlighted units
 * (the limits are named in the legend). */
static void funnel_labels(chart *c, const funnel_draw *d)
{
    const ind_chart_funnel *m = d->m;
    double fs = c->fs, k = d->k;
    chart_label *l = chart_label_add(c, F_SMALL, d->lab_c, d->right + fs * 0.3, d->cy, AL_LEFT, chart_colour(CC_GREEN_TEXT), 95,
                                     IND_CHART_EL_LABEL);
    if (l)
        l->value = m->centre * k;
    if (isfinite(d->ty)) {
        l = chart_label_add(c, F_SMALL, d->lab_t, d->right + fs * 0.3, d->ty, AL_LEFT, chart_colour(CC_TARGET), 94,
                            IND_CHART_EL_LABEL);
        if (l)
            l->value = m->target * k;
    }
    for (size_t i = 0; i < m->count; i++) {
        const ind_chart_funnel_point *p = &m->points[i];
        if (!is_out(p->cls) && !p->highlight)
            continue;
        double px = chart_map(&d->xs, p->n), py = chart_map(&d->ys, p->p * k);
        char buf[160];
        snprintf(buf, sizeof buf, "%s", p->name ? p->name : "");
        int prio = p->highlight ? 92 : 60 + 10 * abs((int)p->cls);
        /* the name to the right, or to the left near the right edge */
        font_id f = p->highlight ? F_SMALL_BOLD : F_SMALL;
        double tw, th;
        chart_text_size(c, f, buf, 0, 1, &tw, &th);
        int to_left = px + fs * 0.7 + tw > d->right;
        l = chart_label_add(c, f, buf, to_left ? px - fs * 0.7 : px + fs * 0.7, py, to_left ? AL_RIGHT : AL_LEFT,
                            chart_colour(CC_TEXT), prio, IND_CHART_EL_LABEL);
        if (l) {
            l->ax = px;
            l->ay = py;
            l->index = (int)i;
            l->value = p->p * k;
        }
    }
}

void chart_funnel_draw(chart *c, const void *model)
{
    funnel_draw d = {.m = model};
    const ind_chart_funnel *m = d.m;
    d.k = m->percent ? 100 : 1;
    d.dec = funnel_decimals(m, d.k);
    char sub[96];
    double fs = c->fs, top = chart_heading(c, m->indicator, chart_units_subtitle(c, m->period, m->count, sub, sizeof sub));
    top = funnel_legend(c, m, top);
    double bottom = chart_caption(c);
    double lh = chart_line_height(c, F_SMALL);
    d.plot_bottom = bottom - 2 * lh - chart_x_label_gap(c, F_SMALL) - fs * 0.4;
    d.plot_top = top + lh * 0.5;
    funnel_y_scale(c, &d);
    funnel_frame(c, &d);
    funnel_x_axis(c, &d, lh);
    funnel_plot(c, &d);
    funnel_labels(c, &d);
    alt_text(c, m, d.dec);
}
