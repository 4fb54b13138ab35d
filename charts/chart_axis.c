/* chart_axis.c: axes: gridlines and value labels, period ticks thinned to fit, the n under each period, the plot element and the axis line. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>

double chart_snap(chart *c, double v, int vertical)
{
    cairo_t *cr = c->cr;
    cairo_matrix_t mt;
    cairo_get_matrix(cr, &mt);
    if (cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_IMAGE || mt.xy != 0 || mt.yx != 0)
        return v;
    double x = vertical ? 0 : v, y = vertical ? v : 0;
    cairo_user_to_device(cr, &x, &y);
    if (vertical)
        y = round(y);
    else
        x = round(x);
    cairo_device_to_user(cr, &x, &y);
    return vertical ? y : x;
}

double chart_y_label_width(chart *c, const chart_scale *s, int percent, font_id f)
{
    double wmax = 0;
    char buf[64];
    /* every tick's label, as chart_y_axis writes them: the widest is usually at
     * an end, but not when the ends are written in powers of ten */
    int nt = (int)floor((s->hi - s->lo) / s->step + 1e-6);
    for (int i = 0; i <= nt; i++) {
        double v = s->lo + i * s->step, w, h;
        if (fabs(v) < s->step * 1e-9)
            v = 0;
        chart_text_size(c, f, chart_fmt(c, v, s->decimals, percent, buf, sizeof buf), 0, 1, &w, &h);
        if (w > wmax)
            wmax = w;
    }
    return wmax;
}

void chart_y_axis(chart *c, const chart_scale *s, double px0, double px1, int percent, font_id f)
{
    cairo_t *cr = c->cr;
    char buf[64];
    double lh = chart_line_height(c, f);
    int nt = (int)floor((s->hi - s->lo) / s->step + 1e-6);
    for (int i = 0; i <= nt; i++) {
        double v = s->lo + i * s->step;
        if (fabs(v) < s->step * 1e-9)
            v = 0;
        double y = chart_map(s, v);
        double yy = chart_snap(c, y, 1);
        cairo_move_to(cr, px0, yy);
        cairo_line_to(cr, px1, yy);
        chart_set_rgb(c, (v == 0 && s->lo < 0) ? chart_colour(CC_GREY) : chart_colour(CC_GRID));
        cairo_set_line_width(cr, 0.6);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_stroke(cr);
        chart_text(c, f, chart_fmt(c, v, s->decimals, percent, buf, sizeof buf), px0 - c->fs * 0.45,
                   y - lh / 2, 0, 1, AL_RIGHT, chart_colour(CC_MUTED), IND_CHART_EL_AXIS_LABEL);
    }
}

double chart_x_label_gap(chart *c, font_id f)
{
    /* below the half of the lowest y label that hangs under the axis */
    return fmax(c->fs * 0.4, chart_line_height(c, f) * 0.5 + 0.6);
}

static ind_period period_add(ind_period p, ind_period_kind kind, long k)
{
    int y = ind_period_year(p), sub = ind_period_sub(p);
    if (kind == IND_PERIOD_YEAR || ind_period_kind_of(p) == IND_PERIOD_YEAR) {
        if (kind == IND_PERIOD_YEAR)
            return ind_period_make(y + (int)k, IND_PERIOD_YEAR, 0);
        sub = 1;
    }
    long per = kind == IND_PERIOD_TERTIAL ? 3 : 12;
    long idx = (long)y * per + (sub - 1) + k;
    return ind_period_make((int)(idx / per), kind, (int)(idx % per) + 1);
}

double chart_x_periods(chart *c, const chart_time *t, const chart_scale *xs, double py1,
                       const ind_period *periods, size_t count, const double *nvals, font_id f,
                       int only_ends)
{
    cairo_t *cr = c->cr;
    long slots = lround((t->t1 - t->t0) / t->step) + 1;
    if (slots < 1)
        slots = 1;
    /* the first slot's period: periods[0] in the axis kind */
    ind_period first = periods[0];
    if (ind_period_kind_of(first) != t->kind)
        first = period_add(first, t->kind, 0);
    char buf[64];
    double wmax = 0, w, h;
    long probe[3] = {0, slots - 1, slots / 2};
    for (int i = 0; i < 3; i++) {
        chart_text_size(c, f, chart_period_label(c, period_add(first, t->kind, probe[i]), buf, sizeof buf),
                        0, 1, &w, &h);
        if (w > wmax)
            wmax = w;
    }
    wmax *= 1.08;
    double lh = chart_line_height(c, f);
    double slot_px = slots > 1 ? fabs(chart_map(xs, t->t0 + t->step) - chart_map(xs, t->t0)) : 1e9;
    static const long ky[] = {1, 2, 5, 10, 20, 50, 100};
    static const long kt[] = {1, 3, 6, 12, 30, 60};
    static const long km[] = {1, 2, 3, 6, 12, 24, 60, 120};
    const long *ks = t->kind == IND_PERIOD_TERTIAL ? kt : t->kind == IND_PERIOD_MONTH ? km : ky;
    size_t nk = t->kind == IND_PERIOD_TERTIAL ? 6 : t->kind == IND_PERIOD_MONTH ? 8 : 7;
    long every = ks[nk - 1];
    for (size_t i = 0; i < nk; i++)
        if (slot_px * ks[i] >= wmax + c->fs * 0.8) {
            every = ks[i];
            break;
        }
    /* which slot starts: years keep the latest labelled; tertials and months
     * start their thinned labels at the start of a year */
    long start = 0;
    if (t->kind == IND_PERIOD_YEAR)
        start = (slots - 1) % every;
    else {
        long per = t->kind == IND_PERIOD_TERTIAL ? 3 : 12;
        int sub0 = ind_period_sub(first);
        if (every % per == 0 || per % every == 0)
            start = ((per - (sub0 - 1)) % per) % every;
    }
    /* tick marks at every slot (when they do not form a comb), labels at the
     * thinned ones */
    cairo_set_line_width(cr, 0.6);
    cairo_set_dash(cr, NULL, 0, 0);
    chart_set_rgb(c, chart_colour(CC_GREY));
    int every_tick = slot_px >= c->fs * 0.6;
    for (long s = 0; s < slots; s++) {
        int labelled = only_ends ? (s == 0 || s == slots - 1) : ((s - start) % every == 0 && s >= start);
        if (!every_tick && !labelled)
            continue;
        double x = chart_map(xs, t->t0 + s * t->step);
        cairo_move_to(cr, x, py1);
        cairo_line_to(cr, x, py1 + c->fs * 0.3);
    }
    cairo_stroke(cr);
    double ytext = py1 + chart_x_label_gap(c, f);
    int has_n = 0;
    for (long s = 0; s < slots; s++) {
        int labelled;
        if (only_ends)
            labelled = (s == 0 && (slots == 1 || slot_px * (slots - 1) >= wmax + c->fs)) || s == slots - 1;
        else
            labelled = (s - start) % every == 0 && s >= start;
        if (!labelled)
            continue;
        double x = chart_map(xs, t->t0 + s * t->step);
        ind_period p = period_add(first, t->kind, s);
        ind_chart_element *e = chart_text(c, f, chart_period_label(c, p, buf, sizeof buf), x, ytext, 0, 1,
                                          AL_CENTER, chart_colour(CC_MUTED), IND_CHART_EL_AXIS_LABEL);
        if (e)
            e->index = (int)s;
        if (nvals) {
            for (size_t i = 0; i < count; i++)
                if (periods[i] == p && isfinite(nvals[i])) {
                    char num[64], txt[96];
                    snprintf(txt, sizeof txt, "n = %s", chart_fmt(c, nvals[i], 0, 0, num, sizeof num));
                    chart_text(c, F_TINY, txt, x, ytext + lh + 1, 0, 1, AL_CENTER, chart_colour(CC_MUTED),
                               IND_CHART_EL_AXIS_LABEL);
                    has_n = 1;
                }
        }
    }
    return lh + chart_x_label_gap(c, f) + (has_n || nvals ? chart_line_height(c, F_TINY) + 1 : 0);
}

ind_chart_element *chart_plot_el(chart *c, const chart_scale *xs, const chart_scale *ys, double x0, double y0,
                                 double x1, double y1)
{
    ind_chart_element *e = chart_el(c, IND_CHART_EL_PLOT, x0, y0, x1, y1, NULL);
    if (e) {
        e->xlo = xs->lo;
        e->xhi = xs->hi;
        if (ys) {
            e->ylo = ys->lo;
            e->yhi = ys->hi;
        }
    }
    return e;
}

void chart_axis_line(chart *c, double x0, double x1, double y, double width)
{
    cairo_move_to(c->cr, x0, y);
    cairo_line_to(c->cr, x1, y);
    chart_set_rgb(c, chart_colour(CC_GREY));
    cairo_set_line_width(c->cr, width);
    cairo_stroke(c->cr);
}
