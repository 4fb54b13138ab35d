/* chart_multiples.c: small multiples: a grid of small trend panels, each with its årsmål and verdict. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ind_status chart_multiples_check(const void *model, ind_error *err)
{
    const ind_chart_multiples *m = model;
    if (!m || m->panel_count < 1 || !m->panels)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "small multiples: no panels");
    if (m->panel_count > 400)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "small multiples: %zu panels are too many (400 at most)",
                             m->panel_count);
    for (size_t k = 0; k < m->panel_count; k++) {
        const ind_chart_panel *p = &m->panels[k];
        if (p->count < 1 || !p->periods || !p->values)
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "small multiples: panel %zu has no values", k);
        for (size_t i = 0; i < p->count; i++) {
            int y = ind_period_year(p->periods[i]);
            if (y < IND_YEAR_MIN || y > IND_YEAR_MAX ||
                (i > 0 && !(ind_period_time(p->periods[i]) > ind_period_time(p->periods[i - 1]))))
                return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                                     "small multiples: panel %zu: periods must increase in time", k);
        }
    }
    return IND_OK;
}

static int columns_for(const ind_chart_multiples *m)
{
    size_t n = m->panel_count;
    if (m->columns > 0)
        return m->columns > (int)n ? (int)n : m->columns;
    if (n <= 3)
        return (int)n;
    if (n == 4)
        return 2;
    if (n <= 6 || n == 9)
        return 3;
    return 4;
}

static int is_judged(ind_verdict v)
{
    return v == IND_VERDICT_MET || v == IND_VERDICT_PARTLY || v == IND_VERDICT_NOT_MET;
}

static const char *verdict_text(chart *c, const ind_chart_panel *p)
{
    return p->verdict_text ? p->verdict_text : chart_verdict_word(c, p->verdict);
}

static size_t legend_entries(chart *c, const ind_chart_multiples *m, legend_entry *lg)
{
    const series_style *ss = chart_series_style(IND_GENDER_T);
    size_t nl = 0;
    lg[nl++] = (legend_entry){LG_LINE, ss->line, NULL, 0, 1.6, MK_CIRCLE, 0, 0, 0, TR(c, "Utfall", "Outcome")};
    int has_t = 0, seen[4] = {0};
    for (size_t k = 0; k < m->panel_count; k++) {
        if (m->panels[k].target)
            has_t = 1;
        ind_verdict v = m->panels[k].verdict;
        seen[is_judged(v) ? (int)v : 3] = 1;
    }
    if (has_t)
        lg[nl++] = (legend_entry){LG_STEP, chart_colour(CC_TARGET), chart_dash_target, 2, 1.3, MK_NONE, 0, 0, -1,
                                  TR(c, "Årsmål", "Target")};
    if (m->reference_name) {
        const series_style *rs = chart_reference_style(0);
        lg[nl++] = (legend_entry){LG_LINE, rs->line, rs->dash, rs->ndash, rs->width * 0.8, rs->marker, 0, 0, 1,
                                  m->reference_name};
    }
    static const ind_verdict vs[3] = {IND_VERDICT_MET, IND_VERDICT_PARTLY, IND_VERDICT_NOT_MET};
    for (int i = 0; i < 3; i++)
        if (seen[vs[i]])
            lg[nl++] = (legend_entry){LG_VERDICT, chart_colour(CC_TEXT), NULL, 0, 0, MK_NONE, vs[i], 0, -1,
                                      chart_verdict_word(c, vs[i])};
    if (seen[3])
        lg[nl++] = (legend_entry){LG_VERDICT, chart_colour(CC_TEXT), NULL, 0, 0, MK_NONE, IND_VERDICT_NO_TARGET, 0, -1,
                                  TR(c, "Ej bedömd", "Not judged")};
    return nl;
}

typedef struct {
    double head_h;   /* title lines + verdict line */
    double title_h;
    double panel_h;
} geometry;

/* The parts of the height that do not depend on the panels' plots. */
static void measure(chart *c, const ind_chart_multiples *m, double w, int cols, geometry *g)
{
    double mg = chart_margin(c), gap = c->fs * 1.4;
    double pw = (w - 2 * mg - (cols - 1) * gap) / cols;
    g->title_h = 0;
    for (size_t k = 0; k < m->panel_count; k++) {
        double tw, th;
        chart_text_size(c, F_SMALL_BOLD, m->panels[k].title ? m->panels[k].title : "", pw, 3, &tw, &th);
        if (th > g->title_h)
            g->title_h = th;
    }
    g->head_h = g->title_h + chart_line_height(c, F_SMALL) + c->fs * 0.5;
    g->panel_h = fmax(c->fs * 12, fmin(pw * 0.75, c->fs * 16));
}

static void alt_text(chart *c, const ind_chart_multiples *m)
{
    strbuf b = {0};
    const char *t = c->o->title ? c->o->title : m->title;
    sb_add(&b, TR(c, "Små diagram, %zu stycken", "Small multiples, %zu panels"), m->panel_count);
    if (t && *t)
        sb_add(&b, ": %s", t);
    sb_add(&b, ".");
    for (size_t k = 0; k < m->panel_count; k++) {
        const ind_chart_panel *p = &m->panels[k];
        int dec = p->decimals >= 0 ? p->decimals : chart_auto_decimals(p->values, p->count);
        long i = chart_last_finite(p->values, p->count);
        sb_add(&b, " %s: ", p->title ? p->title : "");
        if (i >= 0) {
            char v[64], pl[32];
            sb_add(&b, "%s (%s)", chart_fmt(c, p->values[i], dec, p->percent, v, sizeof v),
                   chart_period_label(c, p->periods[i], pl, sizeof pl));
            if (p->target && isfinite(p->target[i])) {
                int td = chart_auto_decimals(&p->target[i], 1) ? (dec > 0 ? dec : 1) : 0;
                sb_add(&b, TR(c, ", årsmål %s", ", target %s"), chart_fmt(c, p->target[i], td, p->percent, v, sizeof v));
            }
            if (m->reference_name && p->reference && isfinite(p->reference[i]))
                sb_add(&b, TR(c, ", %s %s", ", %s %s"), m->reference_name,
                       chart_fmt(c, p->reference[i], dec, p->percent, v, sizeof v));
        } else
            sb_add(&b, "%s", TR(c, "inga värden", "no values"));
        sb_add(&b, ", %s.", verdict_text(c, p));
    }
    chart_set_alt(c, &b);
}

double chart_multiples_height(chart *c, const void *model)
{
    const ind_chart_multiples *m = model;
    int cols = columns_for(m);
    size_t rows = (m->panel_count + (size_t)cols - 1) / (size_t)cols;
    geometry g;
    measure(c, m, c->w, cols, &g);
    double h = chart_heading_height(c, m->title, m->subtitle);
    legend_entry lg[9];
    size_t nl = legend_entries(c, m, lg);
    h += chart_legend_height(c, lg, nl, c->w - 2 * chart_margin(c)) + c->fs;
    h += rows * (g.head_h + g.panel_h) + (rows - 1) * c->fs * 1.2;
    h += c->fs * 0.4 + chart_caption_height(c);
    return ceil(h);
}

/* Widens [*lo, *hi] to a panel's values, årsmål and reference (when drawn). */
static void panel_range(const ind_chart_multiples *m, const ind_chart_panel *p, double *lo, double *hi)
{
    chart_widen(lo, hi, p->values, p->count);
    chart_widen(lo, hi, p->target, p->count);
    if (m->reference_name)
        chart_widen(lo, hi, p->reference, p->count);
}

/* Panel k's head at (px, py), pw wide: a rule above, the title, the verdict
 * right under it (the plots below line up across panels). */
static void panel_head(chart *c, const ind_chart_panel *p, int k, double px, double py, double pw)
{
    cairo_t *cr = c->cr;
    double fs = c->fs;
    cairo_move_to(cr, px, py + 0.5);
    cairo_line_to(cr, px + pw, py + 0.5);
    chart_set_rgb(c, chart_colour(CC_PANEL_RULE));
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    ind_chart_element *te = chart_text(c, F_SMALL_BOLD, p->title ? p->title : "", px, py + fs * 0.25, pw, 3,
                                       AL_LEFT, chart_colour(CC_TEXT), IND_CHART_EL_LABEL);
    double vy = (te ? te->y1 : py + fs * 0.25) + fs * 0.15;
    double lh = chart_line_height(c, F_SMALL);
    double r = fs * 0.42;
    chart_verdict_symbol(c, p->verdict, px + r + 0.5, vy + lh / 2, r);
    ind_chart_element *ve = chart_text(c, F_SMALL, verdict_text(c, p), px + 2 * r + fs * 0.4, vy, pw - 2 * r - fs * 0.4,
                                       1, AL_LEFT, chart_colour(CC_TEXT), IND_CHART_EL_VERDICT);
    if (ve) {
        ve->x0 = px;
        ve->index = k;
        ve->value = p->verdict;
    }
}

/* Panel k's plot from top to bottom, px to px + pw, over the times tt: the
 * value axis (its own, or the shared one), the årsmål, the reference, the
 * values, the periods at its ends, the latest value's label. */
static void panel_plot(chart *c, const ind_chart_multiples *m, int k, const double *tt, double px, double pw,
                       double top, double bottom, const chart_scale *shared)
{
    const ind_chart_panel *p = &m->panels[k];
    size_t n = p->count;
    double fs = c->fs;
    chart_time tm;
    chart_time_of(p->periods, n, &tm);
    int dec = p->decimals >= 0 ? p->decimals : chart_auto_decimals(p->values, n);
    chart_scale ys;
    if (shared)
        ys = *shared;
    else {
        double lo = INFINITY, hi = -INFINITY;
        panel_range(m, p, &lo, &hi);
        if (!(lo <= hi)) {
            lo = 0;
            hi = p->percent ? 100 : 1;
        }
        chart_value_range(lo, hi, p->percent, 0, 3, p->counts, &ys);
    }
    ys.p0 = bottom;
    ys.p1 = top;
    double left = px + chart_y_label_width(c, &ys, p->percent, F_TINY) + fs * 0.4;
    /* room on the right for the latest value */
    long last = chart_last_finite(p->values, n);
    char buf[96];
    double vw = 0, th;
    if (last >= 0) {
        chart_fmt(c, p->values[last], dec, p->percent, buf, sizeof buf);
        chart_text_size(c, F_SMALL_BOLD, buf, 0, 1, &vw, &th);
        vw += fs * 0.8;
    }
    double plot_right = chart_time_right(&tm, left, px + pw, 0, vw);
    chart_scale xs = chart_time_scale(&tm, left, plot_right);
    ind_chart_element *plot = chart_plot_el(c, &xs, &ys, left, top, plot_right, bottom);
    if (plot)
        plot->index = k;
    /* two or three ticks are enough in a small panel */
    chart_scale ya = ys;
    int nt = (int)floor((ys.hi - ys.lo) / ys.step + 1e-6);
    if (nt > 3 && nt % 2 == 0)
        ya.step *= 2;
    chart_y_axis(c, &ya, left, plot_right, p->percent, F_TINY);
    double ex, ev;
    chart_draw_steps(c, &xs, &ys, tt, p->target, n, tm.step, chart_colour(CC_TARGET), chart_dash_target, 2, 1.3,
                     IND_CHART_EL_TARGET_LINE, &ex, &ev);
    if (m->reference_name && p->reference)
        chart_draw_series(c, &xs, &ys, tt, p->reference, n, tm.step, chart_reference_style(0), 0.8, 1, 1);
    const series_style *ss = chart_series_style(IND_GENDER_T);
    chart_draw_series(c, &xs, &ys, tt, p->values, n, tm.step, ss, 0.8, 0, 1);
    chart_axis_line(c, left, plot_right, bottom, 0.7);
    chart_x_periods(c, &tm, &xs, bottom, p->periods, n, NULL, F_TINY, 1);
    if (last >= 0) {
        double x = chart_map(&xs, tt[last]), y = chart_map(&ys, p->values[last]);
        chart_label *l = chart_label_add(c, F_SMALL_BOLD, buf, x + fs * 0.6, y, AL_LEFT, ss->text, 100,
                                         IND_CHART_EL_LABEL);
        if (l) {
            l->ax = x;
            l->ay = y;
            l->series = 0;
            l->index = (int)last;
            l->value = p->values[last];
        }
    }
}

/* Panel k at (px, py), pw wide with a plot ph high under its head; shared:
 * the value axis of every panel, or NULL. */
static void draw_panel(chart *c, const ind_chart_multiples *m, int k, double px, double py, double pw,
                       double ph, const geometry *g, const chart_scale *shared)
{
    const ind_chart_panel *p = &m->panels[k];
    c->panel = k;
    ind_chart_element *pe = chart_el(c, IND_CHART_EL_PANEL, px, py, px + pw, py + g->head_h + ph, NULL);
    if (pe)
        pe->index = k;
    panel_head(c, p, k, px, py, pw);
    size_t n = p->count;
    double t[512];
    double *tt = n <= 512 ? t : malloc(n * sizeof *tt);
    if (!tt) {
        c->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        tt[i] = ind_period_time(p->periods[i]);
    double top = py + g->head_h + chart_line_height(c, F_SMALL) * 0.5;
    double xl = chart_line_height(c, F_TINY) + chart_x_label_gap(c, F_TINY);
    panel_plot(c, m, k, tt, px, pw, top, py + g->head_h + ph - xl, shared);
    if (tt != t)
        free(tt);
    c->panel = -1;
}

void chart_multiples_draw(chart *c, const void *model)
{
    const ind_chart_multiples *m = model;
    double x = c->x, y = c->y, w = c->w, h = c->h;
    double fs = c->fs, mg = chart_margin(c), gap = fs * 1.4, vgap = fs * 1.2;
    int cols = columns_for(m);
    size_t rows = (m->panel_count + (size_t)cols - 1) / (size_t)cols;
    double top = chart_heading(c, m->title, m->subtitle);
    legend_entry lg[9];
    size_t nl = legend_entries(c, m, lg);
    top += chart_legend(c, lg, nl, x + mg, top, w - 2 * mg) + fs;
    double bottom = chart_caption(c) - fs * 0.4;
    geometry g;
    measure(c, m, w, cols, &g);
    double pw = (w - 2 * mg - (cols - 1) * gap) / cols;
    double ph = (bottom - top - (rows - 1) * vgap) / rows - g.head_h;
    if (ph < fs * 5)
        ph = fs * 5;
    chart_scale shared;
    if (m->shared_y) {
        double lo = INFINITY, hi = -INFINITY;
        int percent = 0, counts = 1;
        for (size_t k = 0; k < m->panel_count; k++) {
            percent |= m->panels[k].percent;
            counts &= m->panels[k].counts;
            panel_range(m, &m->panels[k], &lo, &hi);
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        chart_value_range(lo, hi, percent, 0, 3, counts, &shared);
    }
    for (size_t k = 0; k < m->panel_count; k++) {
        size_t r = k / (size_t)cols, col = k % (size_t)cols;
        double px = x + mg + col * (pw + gap), py = top + r * (g.head_h + ph + vgap);
        if (py + g.head_h + ph > y + h + 0.5)
            break; /* a fixed height too small: the rest is left out (alt text has all) */
        draw_panel(c, m, (int)k, px, py, pw, ph, &g, m->shared_y ? &shared : NULL);
    }
    alt_text(c, m);
}
