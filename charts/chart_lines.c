/* chart_lines.c: series lines with markers and step lines for årsmål, shared by the trend, multiples and SPC charts. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdlib.h>

const double chart_dash_target[2] = {6.0, 3.0};
const double chart_dash_kf[2] = {1.2, 2.4};

void chart_draw_series(chart *c, const chart_scale *xs, const chart_scale *ys, const double *t,
                       const double *v, size_t n, double step, const series_style *st,
                       double scale, int series, int markers)
{
    cairo_t *cr = c->cr;
    double bx0 = INFINITY, by0 = INFINITY, bx1 = -INFINITY, by1 = -INFINITY;
    cairo_new_path(cr);
    int open = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i])) {
            open = 0;
            continue;
        }
        double x = chart_map(xs, t[i]), y = chart_map(ys, v[i]);
        if (open && i > 0 && t[i] - t[i - 1] > 1.5 * step)
            open = 0;
        if (open)
            cairo_line_to(cr, x, y);
        else
            cairo_move_to(cr, x, y);
        open = 1;
        bx0 = fmin(bx0, x);
        bx1 = fmax(bx1, x);
        by0 = fmin(by0, y);
        by1 = fmax(by1, y);
    }
    chart_set_rgb(c, st->line);
    cairo_set_line_width(cr, st->width * scale);
    if (st->dash) {
        double d[4];
        for (int k = 0; k < st->ndash && k < 4; k++)
            d[k] = st->dash[k] * scale * (st->width / 1.8);
        cairo_set_dash(cr, d, st->ndash, 0);
    } else
        cairo_set_dash(cr, NULL, 0, 0);
    /* cairo's 4 × 4 sampling: half the time of its exact coverage on a
     * long line, and no difference to see at 2 points wide, even at 4 × zoom */
    if (!c->vector)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_FAST);
    cairo_stroke(cr);
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT);
    cairo_set_dash(cr, NULL, 0, 0);
    if (bx0 <= bx1) {
        ind_chart_element *e = chart_el(c, IND_CHART_EL_SERIES_LINE, bx0, by0, bx1, by1, NULL);
        if (e)
            e->series = series;
    }
    /* markers shrink when the periods crowd them, and when even small ones
     * would touch only the last point (and any lone point) is marked */
    double r = c->fs * 0.36 * scale;
    double slot = fabs(chart_map(xs, xs->lo + step) - chart_map(xs, xs->lo));
    if (slot < 5.2 * r)
        r = fmax(slot / 5.2, r * 0.5);
    int crowded = slot < 3 * r;
    long last = (long)n - 1;
    while (last >= 0 && !isfinite(v[last]))
        last--;
    double *mx = n ? malloc(2 * n * sizeof *mx) : NULL, *my = mx ? mx + n : NULL;
    size_t nm = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i]))
            continue;
        double x = chart_map(xs, t[i]), y = chart_map(ys, v[i]);
        /* a lone point (no neighbour joined to it) is always marked */
        int lone = (i == 0 || !isfinite(v[i - 1]) || t[i] - t[i - 1] > 1.5 * step) &&
                   (i + 1 >= n || !isfinite(v[i + 1]) || t[i + 1] - t[i] > 1.5 * step);
        if ((markers && (!crowded || (long)i == last)) || lone) {
            if (mx) {
                mx[nm] = x;
                my[nm++] = y;
            } else
                chart_marker(c, st->marker, x, y, r, st->line, chart_colour(CC_PAPER));
        }
        ind_chart_element *e = chart_el(c, IND_CHART_EL_MARKER, x - r, y - r, x + r, y + r, NULL);
        if (e) {
            e->series = series;
            e->index = (int)i;
            e->value = v[i];
            e->y = y;
        }
    }
    chart_markers(c, st->marker, mx, my, nm, r, st->line, chart_colour(CC_PAPER));
    free(mx);
}

void chart_draw_steps(chart *c, const chart_scale *xs, const chart_scale *ys, const double *t,
                      const double *v, size_t n, double step, rgb col, const double *dash, int ndash,
                      double width, ind_chart_el_kind kind, double *end_x, double *end_v)
{
    cairo_t *cr = c->cr;
    *end_x = NAN;
    *end_v = NAN;
    if (!v)
        return;
    cairo_new_path(cr);
    int open = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i])) {
            open = 0;
            continue;
        }
        double xa = chart_map(xs, t[i] - step / 2), xb = chart_map(xs, t[i] + step / 2);
        double y = chart_map(ys, v[i]);
        if (open && t[i] - t[i - 1] > 1.5 * step)
            open = 0;
        if (open)
            cairo_line_to(cr, xa, y);
        else
            cairo_move_to(cr, xa, y);
        cairo_line_to(cr, xb, y);
        open = 1;
        ind_chart_element *e = chart_el(c, kind, xa, y - width / 2, xb, y + width / 2, NULL);
        if (e) {
            e->value = v[i];
            e->y = y;
            e->index = (int)i;
        }
        *end_x = xb;
        *end_v = v[i];
    }
    chart_set_rgb(c, col);
    cairo_set_line_width(cr, width);
    cairo_set_dash(cr, dash, ndash, 0);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}
