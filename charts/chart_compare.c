/* chart_compare.c: one indicator and period across units: a sorted dot plot with intervals, each unit's årsmål and the pooled value. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ind_status chart_compare_check(const void *model, ind_error *err)
{
    const ind_chart_compare *m = model;
    if (!m || m->count < 1 || !m->units)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "comparison chart: no units");
    if (m->count > 1000)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "comparison chart: %zu units are too many (1000 at most)",
                             m->count);
    return IND_OK;
}

/* Order of two rows: by value (missing values last), then as given. */
static int cmp_rows(const ind_chart_compare *m, size_t i, size_t j)
{
    double vi = m->units[i].value, vj = m->units[j].value;
    int fi = isfinite(vi), fj = isfinite(vj);
    if (fi != fj)
        return fj - fi;
    if (fi && vi != vj) {
        int r = vi < vj ? -1 : 1;
        return m->sort == IND_CHART_SORT_DESCENDING ? -r : r;
    }
    return i < j ? -1 : i > j;
}

/* Row order (a stable insertion sort; n is small); the caller frees. */
static size_t *row_order(const ind_chart_compare *m)
{
    size_t *ord = malloc(m->count * sizeof *ord);
    if (!ord)
        return NULL;
    for (size_t i = 0; i < m->count; i++)
        ord[i] = i;
    if (m->sort != IND_CHART_SORT_NONE)
        for (size_t i = 1; i < m->count; i++) {
            size_t v = ord[i], j = i;
            while (j > 0 && cmp_rows(m, ord[j - 1], v) > 0) {
                ord[j] = ord[j - 1];
                j--;
            }
            ord[j] = v;
        }
    return ord;
}

static int decimals_of(const ind_chart_compare *m)
{
    if (m->decimals >= 0)
        return m->decimals;
    for (size_t i = 0; i < m->count; i++) {
        double v = m->units[i].value;
        if (isfinite(v) && fabs(v - nearbyint(v)) > 1e-9 * fmax(1, fabs(v)))
            return 1;
    }
    return 0;
}

static void value_text(chart *c, const ind_chart_compare *m, const ind_chart_unit_value *u, int dec, char *buf,
                       size_t size)
{
    char v[64];
    chart_fmt(c, u->value, dec, m->percent, v, sizeof v);
    if (isfinite(u->n))
        snprintf(buf, size, "%s (n = %.0f)", v, u->n);
    else
        snprintf(buf, size, "%s", v);
}

/* Whether u's interval is drawn: it has one, and the values are not counts. */
static int has_interval(const ind_chart_compare *m, const ind_chart_unit_value *u)
{
    return !m->counts && isfinite(u->lo) && isfinite(u->hi);
}

/* A short dash, so that the pooled line reads as dashed even in the legend. */
static const double dash_pooled[2] = {2.5, 2.0};

static size_t legend_entries(chart *c, const ind_chart_compare *m, legend_entry *lg)
{
    size_t nl = 0;
    int has_ci = 0, has_t = 0;
    for (size_t i = 0; i < m->count; i++) {
        if (has_interval(m, &m->units[i]))
            has_ci = 1;
        if (isfinite(m->units[i].target))
            has_t = 1;
    }
    lg[nl++] = (legend_entry){LG_MARKER, chart_colour(CC_BLUE), NULL, 0, 0, MK_CIRCLE, 0, 0, 0, TR(c, "Utfall", "Outcome")};
    if (has_ci)
        lg[nl++] = (legend_entry){LG_INTERVAL, chart_colour(CC_INTERVAL), NULL, 0, 1.2, MK_NONE, 0, 0, -1,
                                  m->interval_label ? m->interval_label
                                                    : TR(c, "95 % konfidensintervall", "95% confidence interval")};
    if (has_t)
        lg[nl++] = (legend_entry){LG_TICK, chart_colour(CC_TARGET), NULL, 0, 2.2, MK_NONE, 0, 0, -1,
                                  TR(c, "Enhetens årsmål", "The unit's target")};
    if (isfinite(m->pooled))
        lg[nl++] = (legend_entry){LG_TICK, chart_colour(CC_MUTED), dash_pooled, 2, 1.1, MK_NONE, 0, 0, -1,
                                  m->pooled_label ? m->pooled_label : TR(c, "Alla enheter", "All units")};
    return nl;
}

typedef struct {
    double name_w, value_w, row_h;
} geometry;

static void measure(chart *c, const ind_chart_compare *m, double w, geometry *g)
{
    char buf[160];
    int dec = decimals_of(m);
    g->name_w = 0;
    g->value_w = 0;
    double tw, th;
    for (size_t i = 0; i < m->count; i++) {
        const ind_chart_unit_value *u = &m->units[i];
        chart_text_size(c, u->highlight ? F_SMALL_BOLD : F_SMALL, u->name ? u->name : "", 0, 1, &tw, &th);
        g->name_w = fmax(g->name_w, tw);
        value_text(c, m, u, dec, buf, sizeof buf);
        chart_text_size(c, F_SMALL, buf, 0, 1, &tw, &th);
        g->value_w = fmax(g->value_w, tw);
    }
    g->name_w = fmin(g->name_w, w * 0.34);
    g->row_h = chart_line_height(c, F_SMALL) * 1.45;
}

double chart_compare_height(chart *c, const void *model)
{
    const ind_chart_compare *m = model;
    char sub[96];
    double h = chart_heading_height(c, m->indicator, chart_units_subtitle(c, m->period, m->count, sub, sizeof sub));
    legend_entry lg[6];
    size_t nl = legend_entries(c, m, lg);
    h += chart_legend_height(c, lg, nl, c->w - 2 * chart_margin(c)) + c->fs * 0.8;
    geometry g;
    measure(c, m, c->w, &g);
    double lh = chart_line_height(c, F_SMALL);
    h += lh * 1.3;                  /* the pooled value's label */
    h += m->count * g.row_h;        /* the rows */
    h += lh + c->fs * 0.8;          /* the axis */
    h += chart_caption_height(c);
    return ceil(h);
}

static void alt_text(chart *c, const ind_chart_compare *m, const size_t *ord, int dec)
{
    strbuf b = {0};
    char pl[32], v[160];
    sb_add(&b, TR(c, "Punktdiagram som jämför enheter: %s", "Dot plot comparing units: %s"),
           m->indicator ? m->indicator : "");
    if (m->period != IND_PERIOD_NONE)
        sb_add(&b, ", %s", chart_period_label(c, m->period, pl, sizeof pl));
    sb_add(&b, ".");
    if (isfinite(m->pooled))
        sb_add(&b, " %s: %s.", m->pooled_label ? m->pooled_label : TR(c, "Alla enheter", "All units"),
               chart_fmt(c, m->pooled, dec, m->percent, v, sizeof v));
    for (size_t k = 0; k < m->count; k++) {
        const ind_chart_unit_value *u = &m->units[ord[k]];
        value_text(c, m, u, dec, v, sizeof v);
        sb_add(&b, " %s %s", u->name ? u->name : "", v);
        if (has_interval(m, u)) {
            char a[64], z[64];
            sb_add(&b, TR(c, ", intervall %s–%s", ", interval %s–%s"), chart_fmt(c, u->lo, dec, m->percent, a, sizeof a),
                   chart_fmt(c, u->hi, dec, m->percent, z, sizeof z));
        }
        if (isfinite(u->target)) {
            int td = chart_auto_decimals(&u->target, 1) ? (dec > 0 ? dec : 1) : 0;
            sb_add(&b, TR(c, ", årsmål %s", ", target %s"), chart_fmt(c, u->target, td, m->percent, v, sizeof v));
        }
        sb_add(&b, ".");
    }
    chart_set_alt(c, &b);
}

/* What the phases of drawing a comparison share. */
typedef struct {
    const ind_chart_compare *m;
    size_t *ord;              /* the rows in order */
    int dec;                  /* decimals of the values */
    geometry g;
    size_t shown;             /* rows that fit */
    double row_h;
    double left, right, plot_top, plot_bottom, axis_h;
    chart_scale xs;
} compare_draw;

/* The rows' room: as many as fit between the heading and the axis. */
static void compare_rows_room(chart *c, compare_draw *d, double top)
{
    const ind_chart_compare *m = d->m;
    double bottom = chart_caption(c);
    measure(c, m, c->w, &d->g);
    double lh = chart_line_height(c, F_SMALL);
    d->axis_h = lh + c->fs * 0.8;
    d->plot_top = top + lh * 1.3;
    d->plot_bottom = bottom - d->axis_h;
    d->shown = m->count;
    d->row_h = d->g.row_h;
    if (d->shown * d->row_h > d->plot_bottom - d->plot_top) {
        d->row_h = fmax(lh * 1.05, (d->plot_bottom - d->plot_top) / d->shown);
        while (d->shown > 0 && d->shown * d->row_h > d->plot_bottom - d->plot_top + 0.01)
            d->shown--;
    }
    d->plot_bottom = d->plot_top + d->shown * d->row_h;
}

/* The value axis over every value, interval, årsmål and the pooled value,
 * between the names and the values written on the right. */
static void compare_x_scale(chart *c, compare_draw *d)
{
    const ind_chart_compare *m = d->m;
    double fs = c->fs, mg = chart_margin(c);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < m->count; i++) {
        const ind_chart_unit_value *u = &m->units[i];
        int ci = has_interval(m, u);
        double vals[4] = {u->value, ci ? u->lo : NAN, ci ? u->hi : NAN, u->target};
        chart_widen(&lo, &hi, vals, 4);
    }
    if (isfinite(m->pooled)) {
        lo = fmin(lo, m->pooled);
        hi = fmax(hi, m->pooled);
    }
    if (!(lo <= hi)) {
        lo = 0;
        hi = m->percent ? 100 : 1;
    }
    d->left = c->x + mg + d->g.name_w + fs * 0.8;
    d->right = c->x + c->w - mg - d->g.value_w - fs * 0.8;
    int ticks = chart_tick_count(d->right - d->left, fs * 6, 3, 8);
    chart_value_range(lo, hi, m->percent, 0, ticks, m->counts, &d->xs);
    d->xs.p0 = d->left;
    d->xs.p1 = d->right;
    chart_plot_el(c, &d->xs, NULL, d->left, d->plot_top, d->right, d->plot_bottom);
}

/* Behind the rows: the highlighted rows' shading, the vertical gridlines with
 * their values under the plot, the axis line. */
static void compare_grid(chart *c, const compare_draw *d)
{
    cairo_t *cr = c->cr;
    double fs = c->fs, mg = chart_margin(c);
    for (size_t k = 0; k < d->shown; k++) {
        if (!d->m->units[d->ord[k]].highlight)
            continue;
        cairo_rectangle(cr, c->x + mg * 0.5, d->plot_top + k * d->row_h, c->w - mg, d->row_h);
        chart_set_rgb(c, chart_colour(CC_HIGHLIGHT));
        cairo_fill(cr);
    }
    int nt = (int)floor((d->xs.hi - d->xs.lo) / d->xs.step + 1e-6);
    for (int i = 0; i <= nt; i++) {
        double v = d->xs.lo + i * d->xs.step;
        double px = chart_snap(c, chart_map(&d->xs, v), 0);
        cairo_move_to(cr, px, d->plot_top);
        cairo_line_to(cr, px, d->plot_bottom);
        chart_set_rgb(c, chart_colour(CC_GRID));
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
        char buf[160];
        chart_text(c, F_SMALL, chart_fmt(c, v, d->xs.decimals, d->m->percent, buf, sizeof buf), px,
                   d->plot_bottom + fs * 0.4, 0, 1, AL_CENTER, chart_colour(CC_MUTED), IND_CHART_EL_AXIS_LABEL);
    }
    chart_axis_line(c, d->left, d->right, d->plot_bottom, 0.8);
}

/* The pooled value: a dashed line through the rows, its label above them. */
static void compare_pooled(chart *c, const compare_draw *d)
{
    const ind_chart_compare *m = d->m;
    cairo_t *cr = c->cr;
    double lh = chart_line_height(c, F_SMALL), mg = chart_margin(c);
    double px = chart_map(&d->xs, m->pooled);
    cairo_move_to(cr, px, d->plot_top - lh * 0.2);
    cairo_line_to(cr, px, d->plot_bottom);
    chart_set_rgb(c, chart_colour(CC_MUTED));
    cairo_set_line_width(cr, 1.1);
    cairo_set_dash(cr, dash_pooled, 2, 0);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    ind_chart_element *e =
        chart_el(c, IND_CHART_EL_REFERENCE_LINE, px - 0.55, d->plot_top, px + 0.55, d->plot_bottom, NULL);
    if (e) {
        e->value = m->pooled;
        e->y = px;
    }
    char buf[160], v[64];
    snprintf(buf, sizeof buf, "%s %s", m->pooled_label ? m->pooled_label : TR(c, "Alla enheter", "All units"),
             chart_fmt(c, m->pooled, d->dec, m->percent, v, sizeof v));
    double tw, th;
    chart_text_size(c, F_SMALL, buf, 0, 1, &tw, &th);
    double lx = px - tw / 2;
    if (lx + tw > c->x + c->w - mg)
        lx = c->x + c->w - mg - tw;
    if (lx < d->left)
        lx = d->left;
    chart_text(c, F_SMALL, buf, lx, d->plot_top - lh * 1.25, 0, 1, AL_LEFT, chart_colour(CC_MUTED), IND_CHART_EL_LABEL);
}

/* Row k: the unit's name, its interval, its årsmål's tick, its value as a
 * dot and written out on the right. */
static void compare_row(chart *c, const compare_draw *d, size_t k)
{
    const ind_chart_unit_value *u = &d->m->units[d->ord[k]];
    cairo_t *cr = c->cr;
    const chart_scale *xs = &d->xs;
    double fs = c->fs, mg = chart_margin(c), lh = chart_line_height(c, F_SMALL), row_h = d->row_h;
    double cy = d->plot_top + (k + 0.5) * row_h;
    font_id nf = u->highlight ? F_SMALL_BOLD : F_SMALL;
    ind_chart_element *e = chart_text(c, nf, u->name ? u->name : "", c->x + mg, cy - lh / 2, d->g.name_w, 1,
                                      AL_LEFT, chart_colour(CC_TEXT), IND_CHART_EL_LABEL);
    if (e)
        e->index = (int)k;
    if (has_interval(d->m, u)) {
        double a = chart_map(xs, u->lo), b = chart_map(xs, u->hi), cap = row_h * 0.18;
        cairo_move_to(cr, a, cy);
        cairo_line_to(cr, b, cy);
        cairo_move_to(cr, a, cy - cap);
        cairo_line_to(cr, a, cy + cap);
        cairo_move_to(cr, b, cy - cap);
        cairo_line_to(cr, b, cy + cap);
        chart_set_rgb(c, chart_colour(CC_INTERVAL));
        cairo_set_line_width(cr, 1.2);
        cairo_stroke(cr);
        e = chart_el(c, IND_CHART_EL_INTERVAL, a, cy - cap, b, cy + cap, NULL);
        if (e)
            e->index = (int)k;
    }
    if (isfinite(u->target)) {
        double px = chart_map(xs, u->target), hh = row_h * 0.36;
        cairo_move_to(cr, px, cy - hh);
        cairo_line_to(cr, px, cy + hh);
        chart_set_rgb(c, chart_colour(CC_TARGET));
        cairo_set_line_width(cr, 2.2);
        cairo_stroke(cr);
        e = chart_el(c, IND_CHART_EL_TARGET_LINE, px - 1.1, cy - hh, px + 1.1, cy + hh, NULL);
        if (e) {
            e->value = u->target;
            e->y = px;
            e->index = (int)k;
        }
    }
    if (isfinite(u->value)) {
        double px = chart_map(xs, u->value), r = fs * (u->highlight ? 0.48 : 0.4);
        chart_marker(c, MK_CIRCLE, px, cy, r, u->highlight ? chart_colour(CC_BLUE_DARK) : chart_colour(CC_BLUE), chart_colour(CC_PAPER));
        e = chart_el(c, IND_CHART_EL_MARKER, px - r, cy - r, px + r, cy + r, NULL);
        if (e) {
            e->value = u->value;
            e->index = (int)k;
            e->series = 0;
        }
    }
    char buf[160];
    value_text(c, d->m, u, d->dec, buf, sizeof buf);
    e = chart_text(c, nf, buf, c->x + c->w - mg, cy - lh / 2, 0, 1, AL_RIGHT, chart_colour(CC_TEXT), IND_CHART_EL_LABEL);
    if (e) {
        e->index = (int)k;
        e->value = u->value;
    }
}

void chart_compare_draw(chart *c, const void *model)
{
    compare_draw d = {.m = model};
    const ind_chart_compare *m = d.m;
    d.ord = row_order(m);
    if (!d.ord) {
        c->oom = 1;
        return;
    }
    double fs = c->fs, mg = chart_margin(c);
    d.dec = decimals_of(m);
    char sub[96];
    double top = chart_heading(c, m->indicator, chart_units_subtitle(c, m->period, m->count, sub, sizeof sub));
    legend_entry lg[6];
    size_t nl = legend_entries(c, m, lg);
    top += chart_legend(c, lg, nl, c->x + mg, top, c->w - 2 * mg) + fs * 0.8;
    compare_rows_room(c, &d, top);
    compare_x_scale(c, &d);
    compare_grid(c, &d);
    if (isfinite(m->pooled))
        compare_pooled(c, &d);
    for (size_t k = 0; k < d.shown; k++)
        compare_row(c, &d, k);
    if (d.shown < m->count) {
        char buf[160];
        snprintf(buf, sizeof buf, TR(c, "… och %zu enheter till (se alt-texten)", "… and %zu more units (see the alt text)"),
                 m->count - d.shown);
        chart_text(c, F_TINY, buf, c->x + mg, d.plot_bottom + d.axis_h, c->w - 2 * mg, 1, AL_LEFT, chart_colour(CC_MUTED),
                   IND_CHART_EL_FOOTNOTE);
    }
    alt_text(c, m, d.ord, d.dec);
    free(d.ord);
}
