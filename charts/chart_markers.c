/* chart_markers.c: markers and symbols: series markers, verdict symbols, trend arrows, numbered tags. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>

static void shape_path(cairo_t *cr, marker_shape s, double x, double y, double r)
{
    switch (s) {
    case MK_TRIANGLE:
        r *= 1.2;
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x + r * 0.866, y + r * 0.5);
        cairo_line_to(cr, x - r * 0.866, y + r * 0.5);
        cairo_close_path(cr);
        break;
    case MK_TRIANGLE_DOWN:
        r *= 1.2;
        cairo_move_to(cr, x, y + r);
        cairo_line_to(cr, x + r * 0.866, y - r * 0.5);
        cairo_line_to(cr, x - r * 0.866, y - r * 0.5);
        cairo_close_path(cr);
        break;
    case MK_SQUARE:
        r *= 0.88;
        cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
        break;
    case MK_DIAMOND:
        r *= 1.2;
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x + r, y);
        cairo_line_to(cr, x, y + r);
        cairo_line_to(cr, x - r, y);
        cairo_close_path(cr);
        break;
    case MK_NONE: break;
    default:
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
        cairo_close_path(cr);
        break;
    }
}

/* The offset that grows a shape of size r by d all round (r is the circle's
 * radius, the triangle's and diamond's circumradius before shape_path's
 * factors, half the square's side before its factor). */
static double grow_by(marker_shape s, double d)
{
    switch (s) {
    case MK_TRIANGLE:
    case MK_TRIANGLE_DOWN: return 2 * d / 1.2;        /* circumradius = 2 × inradius */
    case MK_SQUARE: return d / 0.88;
    case MK_DIAMOND: return d * 1.41421356 / 1.2;
    default: return d;
    }
}

/* A marker with an edge of 0.4 points all round: two fills (the edge colour,
 * then the marker), several times cheaper than filling and stroking. */
void chart_marker(chart *c, marker_shape s, double x, double y, double r, rgb fill, rgb edge)
{
    if (s == MK_NONE)
        return;
    cairo_t *cr = c->cr;
    double d = 0.4;
    cairo_new_path(cr);
    shape_path(cr, s, x, y, r + grow_by(s, d));
    chart_set_rgb(c, edge);
    cairo_fill(cr);
    shape_path(cr, s, x, y, r - grow_by(s, d));
    chart_set_rgb(c, fill);
    cairo_fill(cr);
}

/* A series' markers together, in two paths (every edge in white, then every
 * fill). In PDF and SVG a disc is a dot (a very short stroke with round caps)
 * and a square a stroke as long as it is wide: a few bytes each, where a
 * circle's curves take a few hundred. Together these made the vector formats
 * cheaper than PNG. */
void chart_markers(chart *c, marker_shape s, const double *x, const double *y, size_t n, double r, rgb fill,
                   rgb edge)
{
    if (s == MK_NONE || n == 0)
        return;
    if (n == 1) {
        chart_marker(c, s, x[0], y[0], r, fill, edge);
        return;
    }
    cairo_t *cr = c->cr;
    double d = 0.4;
    cairo_new_path(cr);
    if (c->vector && (s == MK_CIRCLE || s == MK_SQUARE)) {
        cairo_save(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        for (int layer = 0; layer < 2; layer++) {
            rgb col = layer ? fill : edge;
            double rr = layer ? r - grow_by(s, d) : r + grow_by(s, d);
            if (s == MK_CIRCLE) {
                /* a dot of the disc's diameter: a stroke 0.02 points long, not
                 * of length zero, which some viewers (a browser's canvas, so
                 * pdf.js) skip although PDF and SVG say to draw it */
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
                cairo_set_line_width(cr, 2 * rr);
                for (size_t i = 0; i < n; i++) {
                    cairo_move_to(cr, x[i] - 0.01, y[i]);
                    cairo_line_to(cr, x[i] + 0.01, y[i]);
                }
            } else {
                /* a stroke as long as it is wide, with butt caps */
                double half = 0.88 * rr;
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
                cairo_set_line_width(cr, 2 * half);
                for (size_t i = 0; i < n; i++) {
                    cairo_move_to(cr, x[i] - half, y[i]);
                    cairo_line_to(cr, x[i] + half, y[i]);
                }
            }
            cairo_set_source_rgb(cr, col.r, col.g, col.b);
            cairo_stroke(cr);
        }
        cairo_restore(cr);
        return;
    }
    for (size_t i = 0; i < n; i++)
        shape_path(cr, s, x[i], y[i], r + grow_by(s, d));
    cairo_set_source_rgb(cr, edge.r, edge.g, edge.b);
    cairo_fill(cr);
    for (size_t i = 0; i < n; i++)
        shape_path(cr, s, x[i], y[i], r - grow_by(s, d));
    cairo_set_source_rgb(cr, fill.r, fill.g, fill.b);
    cairo_fill(cr);
}

rgb chart_verdict_colour(ind_verdict v)
{
    switch (v) {
    case IND_VERDICT_MET: return chart_colour(CC_BLUE);
    case IND_VERDICT_PARTLY: return chart_colour(CC_ORANGE);
    case IND_VERDICT_NOT_MET: return chart_colour(CC_VERMILLION);
    default: return chart_colour(CC_GREY);
    }
}

/* met: a disc with a tick; partly: a triangle with a bar; not met: a square
 * with a cross; anything else: an open circle with a dash. */
void chart_verdict_symbol(chart *c, ind_verdict v, double x, double y, double r)
{
    cairo_t *cr = c->cr;
    rgb col = chart_verdict_colour(v);
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    switch (v) {
    case IND_VERDICT_MET:
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
        chart_set_rgb(c, col);
        cairo_fill(cr);
        cairo_move_to(cr, x - r * 0.5, y + r * 0.02);
        cairo_line_to(cr, x - r * 0.12, y + r * 0.42);
        cairo_line_to(cr, x + r * 0.52, y - r * 0.38);
        chart_set_rgb(c, chart_colour(CC_ON_COLOUR));
        cairo_set_line_width(cr, r * 0.28);
        cairo_stroke(cr);
        break;
    case IND_VERDICT_PARTLY: {
        double s = r * 1.22;
        cairo_move_to(cr, x, y - s);
        cairo_line_to(cr, x + s * 0.98, y + s * 0.72);
        cairo_line_to(cr, x - s * 0.98, y + s * 0.72);
        cairo_close_path(cr);
        chart_set_rgb(c, col);
        cairo_fill_preserve(cr);
        chart_set_rgb(c, chart_colour(CC_ORANGE_TEXT));
        cairo_set_line_width(cr, r * 0.12);
        cairo_stroke(cr);
        cairo_move_to(cr, x - s * 0.42, y + s * 0.22);
        cairo_line_to(cr, x + s * 0.42, y + s * 0.22);
        chart_set_rgb(c, chart_colour(CC_ON_COLOUR));
        cairo_set_line_width(cr, r * 0.26);
        cairo_stroke(cr);
        break;
    }
    case IND_VERDICT_NOT_MET: {
        double s = r * 0.9;
        cairo_rectangle(cr, x - s, y - s, 2 * s, 2 * s);
        chart_set_rgb(c, col);
        cairo_fill(cr);
        double k = s * 0.5;
        cairo_move_to(cr, x - k, y - k);
        cairo_line_to(cr, x + k, y + k);
        cairo_move_to(cr, x + k, y - k);
        cairo_line_to(cr, x - k, y + k);
        chart_set_rgb(c, chart_colour(CC_ON_COLOUR));
        cairo_set_line_width(cr, r * 0.26);
        cairo_stroke(cr);
        break;
    }
    default:
        cairo_arc(cr, x, y, r * 0.88, 0, 2 * M_PI);
        chart_set_rgb(c, chart_colour(CC_PAPER));
        cairo_fill_preserve(cr);
        chart_set_rgb(c, chart_colour(CC_GREY));
        cairo_set_line_width(cr, r * 0.18);
        cairo_stroke(cr);
        cairo_move_to(cr, x - r * 0.42, y);
        cairo_line_to(cr, x + r * 0.42, y);
        cairo_set_line_width(cr, r * 0.22);
        cairo_stroke(cr);
        break;
    }
    cairo_restore(cr);
}

rgb chart_meaning_colour(ind_chart_meaning m)
{
    return m == IND_CHART_IMPROVING ? chart_colour(CC_BLUE) : m == IND_CHART_WORSENING ? chart_colour(CC_VERMILLION) : chart_colour(CC_GREY);
}

void chart_arrow_symbol(chart *c, ind_chart_arrow a, ind_chart_meaning m, double x, double y, double r)
{
    if (a == IND_CHART_ARROW_NONE)
        return;
    cairo_t *cr = c->cr;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    if (a == IND_CHART_ARROW_UP)
        cairo_rotate(cr, -M_PI / 4);
    else if (a == IND_CHART_ARROW_DOWN)
        cairo_rotate(cr, M_PI / 4);
    /* an arrow pointing right in its own frame */
    cairo_new_path(cr);
    cairo_move_to(cr, -r, 0);
    cairo_line_to(cr, r * 0.35, 0);
    chart_set_rgb(c, chart_meaning_colour(m));
    cairo_set_line_width(cr, r * 0.32);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);
    cairo_move_to(cr, r, 0);
    cairo_line_to(cr, r * 0.1, -r * 0.55);
    cairo_line_to(cr, r * 0.1, r * 0.55);
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_restore(cr);
}

ind_chart_element *chart_number_tag(chart *c, size_t number, double x, double y, double r, rgb fill)
{
    cairo_t *cr = c->cr;
    cairo_new_path(cr);
    cairo_arc(cr, x, y, r, 0, 2 * M_PI);
    chart_set_rgb(c, fill);
    cairo_fill(cr);
    char num[24];
    snprintf(num, sizeof num, "%zu", number);
    double nw, nh;
    chart_text_size(c, F_TINY, num, 0, 1, &nw, &nh);
    return chart_text(c, F_TINY, num, x, y - nh / 2, 0, 1, AL_CENTER, chart_colour(CC_ON_COLOUR), IND_CHART_EL_NOTE);
}
