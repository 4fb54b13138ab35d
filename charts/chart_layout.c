/* chart_layout.c: the layout record of a chart: every drawn element with its box, kind and fate. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void ind_chart_layout_init(ind_chart_layout *l)
{
    memset(l, 0, sizeof *l);
    l->px_per_pt = 1;
}

void chart_layout_clear(ind_chart_layout *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->el[i].text);
    l->count = 0;
    free(l->alt);
    l->alt = NULL;
    l->nudged = l->dropped = 0;
}

void ind_chart_layout_free(ind_chart_layout *l)
{
    if (!l)
        return;
    chart_layout_clear(l);
    free(l->el);
    l->el = NULL;
    l->capacity = 0;
}

const ind_chart_element *ind_chart_layout_find(const ind_chart_layout *l, ind_chart_el_kind kind,
                                               int panel)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->el[i].kind == kind && (panel < 0 || l->el[i].panel == panel))
            return &l->el[i];
    return NULL;
}

double ind_chart_plot_y(const ind_chart_element *p, double v)
{
    return p->y1 - (v - p->ylo) / (p->yhi - p->ylo) * (p->y1 - p->y0);
}

double ind_chart_plot_x(const ind_chart_element *p, double v)
{
    return p->x0 + (v - p->xlo) / (p->xhi - p->xlo) * (p->x1 - p->x0);
}

ind_chart_element *chart_el(chart *c, ind_chart_el_kind kind, double x0, double y0, double x1,
                            double y1, const char *text)
{
    ind_chart_layout *l = c->lay;
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? 2 * l->capacity : 64;
        ind_chart_element *e = realloc(l->el, cap * sizeof *e);
        if (!e) {
            c->oom = 1;
            return NULL;
        }
        l->el = e;
        l->capacity = cap;
    }
    ind_chart_element *e = &l->el[l->count++];
    e->kind = kind;
    e->x0 = fmin(x0, x1);
    e->x1 = fmax(x0, x1);
    e->y0 = fmin(y0, y1);
    e->y1 = fmax(y0, y1);
    e->value = NAN;
    e->y = NAN;
    e->xlo = e->xhi = e->ylo = e->yhi = NAN;
    e->series = -1;
    e->index = -1;
    e->panel = c->panel;
    e->fate = IND_CHART_PLACED;
    e->dy = 0;
    e->text = NULL;
    if (text) {
        e->text = strdup(text);
        if (!e->text)
            c->oom = 1;
    }
    return e;
}
