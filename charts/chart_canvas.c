/* chart_canvas.c: the drawing in progress: setting up a chart in a rectangle of a cairo context and ending it, clipping, measuring without drawing, the margin. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void chart_clip(chart *c, double x, double y, double w, double h)
{
    cairo_t *cr = c->cr;
    cairo_matrix_t mt;
    cairo_get_matrix(cr, &mt);
    cairo_new_path(cr);
    if (mt.xy == 0 && mt.yx == 0) {
        /* no rotation: clip on whole device pixels, which cairo does without a
         * mask (a fractional clip makes every later operation composite
         * through one, several times slower) */
        double x0 = x, y0 = y, x1 = x + w, y1 = y + h;
        cairo_user_to_device(cr, &x0, &y0);
        cairo_user_to_device(cr, &x1, &y1);
        double ax = floor(fmin(x0, x1) + 1e-6), ay = floor(fmin(y0, y1) + 1e-6);
        double bx = ceil(fmax(x0, x1) - 1e-6), by = ceil(fmax(y0, y1) - 1e-6);
        cairo_identity_matrix(cr);
        cairo_rectangle(cr, ax, ay, bx - ax, by - ay);
        cairo_set_matrix(cr, &mt);
    } else
        cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
}

ind_status chart_begin(chart *c, cairo_t *cr, double x, double y, double w, double h,
                       const ind_chart_options *o, ind_chart_layout *layout, ind_error *err)
{
    static const ind_chart_options none;
    memset(c, 0, sizeof *c);
    if (!o)
        o = &none;
    if (!cr || !(w > 0) || !(h > 0) || !isfinite(x) || !isfinite(y) || !isfinite(w) || !isfinite(h))
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "chart: no cairo context, or an empty rectangle to draw in");
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "chart: the cairo context is in error: %s",
                             cairo_status_to_string(cairo_status(cr)));
    c->ctx = chart_context(o);
    if (!c->ctx)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "chart: cannot set up the fonts");
    c->fs = chart_font_size(o);
    chart_context_fonts(c->ctx, c->fs);
    if (layout) {
        chart_layout_clear(layout);
        c->lay = layout;
    } else {
        c->lay = calloc(1, sizeof *c->lay);
        if (!c->lay)
            return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "chart: out of memory");
        c->own_layout = 1;
    }
    /* device units (pixels on an image) per user unit, from cairo's matrix */
    double dx = 1, dy = 0;
    cairo_user_to_device_distance(cr, &dx, &dy);
    c->lay->px_per_pt = hypot(dx, dy) > 0 ? hypot(dx, dy) : 1;
    c->lay->x = x;
    c->lay->y = y;
    c->lay->width = w;
    c->lay->height = h;
    c->cr = cr;
    c->o = o;
    c->en = o->lang == IND_LANG_EN;
    c->x = x;
    c->y = y;
    c->w = w;
    c->h = h;
    c->panel = -1;
    cairo_surface_type_t kind = cairo_surface_get_type(cairo_get_target(cr));
    c->vector = kind == CAIRO_SURFACE_TYPE_PDF || kind == CAIRO_SURFACE_TYPE_SVG ||
                kind == CAIRO_SURFACE_TYPE_PS;
    cairo_save(cr);
    chart_clip(c, x, y, w, h);
    chart_set_rgb(c, chart_colour(CC_PAPER));
    cairo_paint(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, NULL, 0, 0);
    return IND_OK;
}

ind_status chart_end(chart *c, ind_error *err)
{
    for (size_t i = 0; i < c->nlabels; i++)
        free(c->labels[i].text);
    free(c->labels);
    c->labels = NULL;
    c->nlabels = c->caplabels = 0;
    cairo_restore(c->cr);
    if (c->own_layout) {
        ind_chart_layout_free(c->lay);
        free(c->lay);
        c->lay = NULL;
    }
    if (c->oom)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "chart: out of memory");
    if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS)
        return ind_error_set(err, IND_EIO, NULL, 0, 0, "chart: cairo: %s",
                             cairo_status_to_string(cairo_status(c->cr)));
    return IND_OK;
}

double chart_margin(chart *c)
{
    return c->fs;
}

int chart_measure_begin(chart *c, const ind_chart_options *o, double w)
{
    static const ind_chart_options none;
    memset(c, 0, sizeof *c);
    c->o = o ? o : &none;
    c->ctx = chart_context(o);
    if (!c->ctx)
        return 0;
    c->fs = chart_font_size(o);
    c->en = c->o->lang == IND_LANG_EN;
    c->w = w > 0 ? w : chart_default_width(o);
    c->panel = -1;
    chart_context_fonts(c->ctx, c->fs);
    return 1;
}
