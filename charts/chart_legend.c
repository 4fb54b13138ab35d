/* chart_legend.c: legends: samples and texts in rows across a width. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>

static double legend_sample_width(chart *c, const legend_entry *e)
{
    switch (e->kind) {
    case LG_LINE:
    case LG_STEP:
    case LG_BAND:
    case LG_INTERVAL: return c->fs * 2.6;
    default: return c->fs * 1.2;
    }
}

/* Lays out (and when draw, draws) the entries; returns the height used. */
static double legend_run(chart *c, const legend_entry *e, size_t n, double x, double y, double w,
                         int draw)
{
    if (!n)
        return 0;
    double lh = chart_line_height(c, F_SMALL);
    double gap = c->fs * 0.4, sep = c->fs * 1.3;
    double cx = x, cy = y;
    cairo_t *cr = c->cr;
    for (size_t i = 0; i < n; i++) {
        double sw = legend_sample_width(c, &e[i]);
        double tw, th;
        chart_text_size(c, F_SMALL, e[i].text, 0, 1, &tw, &th);
        double ew = sw + gap + tw;
        if (ew > w)
            ew = w;
        if (cx > x && cx + ew > x + w) {
            cx = x;
            cy += lh + c->fs * 0.3;
        }
        if (draw) {
            double my = cy + lh / 2;
            cairo_save(cr);
            cairo_new_path(cr);
            switch (e[i].kind) {
            case LG_LINE:
            case LG_STEP:
                if (e[i].kind == LG_STEP) {
                    cairo_move_to(cr, cx, my + lh * 0.18);
                    cairo_line_to(cr, cx + sw * 0.5, my + lh * 0.18);
                    cairo_line_to(cr, cx + sw * 0.5, my - lh * 0.18);
                    cairo_line_to(cr, cx + sw, my - lh * 0.18);
                } else {
                    cairo_move_to(cr, cx, my);
                    cairo_line_to(cr, cx + sw, my);
                }
                chart_set_rgb(c, e[i].colour);
                cairo_set_line_width(cr, e[i].width > 0 ? e[i].width : 1.5);
                cairo_set_dash(cr, e[i].dash, e[i].ndash, 0);
                cairo_stroke(cr);
                if (e[i].marker != MK_NONE)
                    chart_marker(c, e[i].marker, cx + sw / 2, my, c->fs * 0.36, e[i].colour,
                                 chart_colour(CC_PAPER));
                break;
            case LG_BAND:
                cairo_rectangle(cr, cx, my - lh * 0.3, sw, lh * 0.6);
                chart_set_rgba(c, e[i].colour, CHART_BAND_ALPHA);
                cairo_fill(cr);
                break;
            case LG_INTERVAL:
                cairo_move_to(cr, cx + 1, my);
                cairo_line_to(cr, cx + sw - 1, my);
                cairo_move_to(cr, cx + 1, my - lh * 0.2);
                cairo_line_to(cr, cx + 1, my + lh * 0.2);
                cairo_move_to(cr, cx + sw - 1, my - lh * 0.2);
                cairo_line_to(cr, cx + sw - 1, my + lh * 0.2);
                chart_set_rgb(c, e[i].colour);
                cairo_set_line_width(cr, e[i].width > 0 ? e[i].width : 1.2);
                cairo_stroke(cr);
                break;
            case LG_TICK:
                cairo_move_to(cr, cx + sw / 2, my - lh * 0.42);
                cairo_line_to(cr, cx + sw / 2, my + lh * 0.42);
                chart_set_rgb(c, e[i].colour);
                cairo_set_line_width(cr, e[i].width > 0 ? e[i].width : 2);
                cairo_set_dash(cr, e[i].dash, e[i].ndash, 0);
                cairo_stroke(cr);
                break;
            case LG_MARKER:
                chart_marker(c, e[i].marker, cx + sw / 2, my, c->fs * 0.4, e[i].colour, chart_colour(CC_PAPER));
                break;
            case LG_VERDICT: chart_verdict_symbol(c, e[i].verdict, cx + sw / 2, my, c->fs * 0.5); break;
            case LG_NUMBER: {
                char num[16];
                snprintf(num, sizeof num, "%d", e[i].number);
                cairo_arc(cr, cx + sw / 2, my, c->fs * 0.55, 0, 2 * M_PI);
                chart_set_rgb(c, e[i].colour);
                cairo_fill(cr);
                const measure_entry *te = chart_text_entry(c, F_TINY, num, 0, 1, AL_LEFT);
                chart_text_show(c, te->layout, cx + sw / 2 - te->w / 2 - te->lx, my - te->h / 2, chart_colour(CC_ON_COLOUR));
                break;
            }
            }
            cairo_restore(cr);
            const measure_entry *te =
                chart_text_entry(c, F_SMALL, e[i].text, tw > w - sw - gap ? w - sw - gap : 0, 1, AL_LEFT);
            double ww = te->w;
            chart_text_show(c, te->layout, cx + sw + gap - te->lx, cy, chart_colour(CC_TEXT));
            ind_chart_element *el = chart_el(c, IND_CHART_EL_LEGEND_ENTRY, cx, cy, cx + sw + gap + ww,
                                             cy + lh, e[i].text);
            if (el)
                el->series = e[i].series;
        }
        cx += ew + sep;
    }
    return cy + lh - y;
}

double chart_legend_height(chart *c, const legend_entry *e, size_t n, double w)
{
    return legend_run(c, e, n, 0, 0, w, 0);
}

double chart_legend(chart *c, const legend_entry *e, size_t n, double x, double y, double w)
{
    return legend_run(c, e, n, x, y, w, 1);
}
