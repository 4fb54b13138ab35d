/* chart_heading.c: the title and subtitle above a chart and the caption below it, the heights they take, and the subtitle of a chart across units. */
#include "internal/chart_int.h"

#include <stdio.h>

double chart_heading(chart *c, const char *title, const char *subtitle)
{
    double m = chart_margin(c);
    double y = c->y + m * 0.9;
    const char *t = c->o->title ? c->o->title : title;
    const char *s = c->o->subtitle ? c->o->subtitle : subtitle;
    if (t && *t) {
        ind_chart_element *e = chart_text(c, F_TITLE, t, c->x + m, y, c->w - 2 * m, 2, AL_LEFT,
                                          chart_colour(CC_TEXT), IND_CHART_EL_TITLE);
        if (e)
            y = e->y1 + c->fs * 0.15;
    }
    if (s && *s) {
        ind_chart_element *e = chart_text(c, F_SUBTITLE, s, c->x + m, y, c->w - 2 * m, 2, AL_LEFT,
                                          chart_colour(CC_MUTED), IND_CHART_EL_SUBTITLE);
        if (e)
            y = e->y1;
    }
    return y + c->fs * 0.6;
}

double chart_heading_height(chart *c, const char *title, const char *subtitle)
{
    double m = chart_margin(c), h = m * 0.9, tw, th;
    const char *t = c->o->title ? c->o->title : title;
    const char *s = c->o->subtitle ? c->o->subtitle : subtitle;
    if (t && *t) {
        chart_text_size(c, F_TITLE, t, c->w - 2 * m, 2, &tw, &th);
        h += th + c->fs * 0.15;
    }
    if (s && *s) {
        chart_text_size(c, F_SUBTITLE, s, c->w - 2 * m, 2, &tw, &th);
        h += th;
    }
    return h + c->fs * 0.6;
}

double chart_caption_height(chart *c)
{
    double m = chart_margin(c), h = m * 0.8, tw, th;
    if (c->o->caption && *c->o->caption) {
        chart_text_size(c, F_CAPTION, c->o->caption, c->w - 2 * m, 2, &tw, &th);
        h += th + c->fs * 0.4;
    }
    return h;
}

double chart_caption(chart *c)
{
    double m = chart_margin(c);
    const char *cap = c->o->caption;
    double bottom = c->y + c->h - m * 0.8;
    if (!cap || !*cap)
        return bottom;
    double w, h;
    chart_text_size(c, F_CAPTION, cap, c->w - 2 * m, 2, &w, &h);
    chart_text(c, F_CAPTION, cap, c->x + m, bottom - h, c->w - 2 * m, 2, AL_LEFT, chart_colour(CC_MUTED),
               IND_CHART_EL_CAPTION);
    return bottom - h - c->fs * 0.4;
}

const char *chart_units_subtitle(chart *c, ind_period p, size_t count, char *buf, size_t size)
{
    char pl[32];
    if (p != IND_PERIOD_NONE)
        snprintf(buf, size, TR(c, "%s, %zu enheter", "%s, %zu units"), chart_period_label(c, p, pl, sizeof pl), count);
    else
        snprintf(buf, size, TR(c, "%zu enheter", "%zu units"), count);
    return buf;
}
