/* chart_labels.c: data labels placed after everything fixed, by priority, with a collision pass that nudges or drops them. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

chart_label *chart_label_add(chart *c, font_id f, const char *text, double x, double yc, int align,
                             rgb col, int priority, ind_chart_el_kind kind)
{
    if (!text || !*text)
        return NULL;
    if (c->nlabels == c->caplabels) {
        size_t cap = c->caplabels ? 2 * c->caplabels : 16;
        chart_label *l = realloc(c->labels, cap * sizeof *l);
        if (!l) {
            c->oom = 1;
            return NULL;
        }
        c->labels = l;
        c->caplabels = cap;
    }
    chart_label *l = &c->labels[c->nlabels];
    memset(l, 0, sizeof *l);
    l->text = strdup(text);
    if (!l->text) {
        c->oom = 1;
        return NULL;
    }
    c->nlabels++;
    chart_text_size(c, f, text, 0, 1, &l->w, &l->h);
    l->font = f;
    l->colour = col;
    l->x = align == AL_CENTER ? x - l->w / 2 : align == AL_RIGHT ? x - l->w : x;
    l->y = yc - l->h / 2;
    l->ax = l->ay = NAN;
    l->priority = priority;
    l->kind = kind;
    l->series = -1;
    l->index = -1;
    l->value = NAN;
    l->halo = 1;
    return l;
}

/* Is the box clear of every text drawn so far? Side by side, texts keep a
 * third of an em apart so that two labels never read as one. */
static int label_free_at(chart *c, double x0, double y0, double x1, double y1)
{
    const ind_chart_layout *l = c->lay;
    double gx = c->fs * 0.35, gy = 0.5;
    for (size_t i = 0; i < l->count; i++) {
        const ind_chart_element *e = &l->el[i];
        if (!e->text || e->fate == IND_CHART_DROPPED)
            continue;
        if (x0 < e->x1 + gx && e->x0 < x1 + gx && y0 < e->y1 + gy && e->y0 < y1 + gy)
            return 0;
    }
    return 1;
}

void chart_labels_place(chart *c)
{
    size_t n = c->nlabels;
    if (!n)
        return;
    /* by priority, then in the order added (a stable insertion sort: n is small) */
    size_t *ord = malloc(n * sizeof *ord);
    /* where each label goes (not placed: dropped), drawn after all are placed */
    typedef struct {
        int placed;
        double x, y;
    } placed;
    placed *drawn = calloc(n, sizeof *drawn);
    if (!ord || !drawn) {
        free(ord);
        free(drawn);
        c->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && c->labels[ord[j - 1]].priority < c->labels[i].priority) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = i;
    }
    double cx0 = c->x + 1, cy0 = c->y + 1, cx1 = c->x + c->w - 1, cy1 = c->y + c->h - 1;
    for (size_t k = 0; k < n; k++) {
        chart_label *lb = &c->labels[ord[k]];
        double x = lb->x, y = lb->y;
        /* inside the canvas */
        if (x + lb->w > cx1)
            x = cx1 - lb->w;
        if (x < cx0)
            x = cx0;
        double step = lb->h * 0.25, found = NAN;
        int fits = lb->w <= cx1 - cx0 && lb->h <= cy1 - cy0;
        for (int t = 0; fits && t <= 17 && isnan(found); t++) {
            /* 0, +1, -1, +2, -2 ... quarter lines */
            double off = (t == 0) ? 0 : ((t & 1) ? 1 : -1) * ((t + 1) / 2) * step;
            double yy = y + off;
            if (yy < cy0 || yy + lb->h > cy1)
                continue;
            if (label_free_at(c, x, yy, x + lb->w, yy + lb->h))
                found = yy;
        }
        if (isnan(found) && fits) {
            /* clamped into the canvas vertically */
            double yy = y < cy0 ? cy0 : (y + lb->h > cy1 ? cy1 - lb->h : y);
            if (yy != y && label_free_at(c, x, yy, x + lb->w, yy + lb->h))
                found = yy;
        }
        ind_chart_element *e;
        if (isnan(found)) {
            e = chart_el(c, lb->kind, x, y, x + lb->w, y + lb->h, lb->text);
            if (e)
                e->fate = IND_CHART_DROPPED;
            c->lay->dropped++;
        } else {
            double lx = chart_text_entry(c, lb->font, lb->text, 0, 1, AL_LEFT)->lx;
            double dy = found - lb->y;
            if (fabs(dy) > lb->h * 0.3 && isfinite(lb->ax)) {
                /* a hairline from the point to the moved label */
                double tx = (lb->ax < x) ? x - 1 : x + lb->w + 1;
                cairo_move_to(c->cr, lb->ax, lb->ay);
                cairo_line_to(c->cr, tx, found + lb->h / 2);
                chart_set_rgb(c, chart_colour(CC_GREY));
                cairo_set_line_width(c->cr, 0.5);
                cairo_set_dash(c->cr, NULL, 0, 0);
                cairo_stroke(c->cr);
            }
            drawn[k] = (placed){1, x - lx, found};
            e = chart_el(c, lb->kind, x, found, x + lb->w, found + lb->h, lb->text);
            if (e && fabs(dy) > 1e-9) {
                e->fate = IND_CHART_NUDGED;
                e->dy = dy;
                c->lay->nudged++;
            }
        }
        if (e) {
            e->series = lb->series;
            e->index = lb->index;
            e->value = lb->value;
        }
    }
    /* every halo before any text, so that no halo covers a neighbour's glyphs */
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < n; k++) {
            const chart_label *lb = &c->labels[ord[k]];
            if (!drawn[k].placed || (pass == 0 && !lb->halo))
                continue;
            /* fetched again: an entry lives only until the next one is made */
            PangoLayout *pl = chart_text_entry(c, lb->font, lb->text, 0, 1, AL_LEFT)->layout;
            if (pass == 0)
                chart_text_halo(c, pl, drawn[k].x, drawn[k].y);
            else
                chart_text_show(c, pl, drawn[k].x, drawn[k].y, lb->colour);
        }
    free(drawn);
    free(ord);
    for (size_t i = 0; i < n; i++)
        free(c->labels[i].text);
    c->nlabels = 0;
}
