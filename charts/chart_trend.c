/* chart_trend.c: the trend chart: one unit × indicator over periods, gender series, årsmål step lines, trend line, band and notes. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ind_status chart_trend_check(const void *model, ind_error *err)
{
    const ind_chart_trend *m = model;
    if (!m)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: no model");
    if (m->count < 1 || !m->periods)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: no periods");
    if (m->series_count < 1 || m->series_count > 4 || !m->series)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: 1 to 4 series needed, got %zu",
                             m->series_count);
    for (size_t i = 0; i < m->count; i++) {
        int y = ind_period_year(m->periods[i]);
        if (y < IND_YEAR_MIN || y > IND_YEAR_MAX)
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: period %zu is not a period", i);
        if (i > 0 && !(ind_period_time(m->periods[i]) > ind_period_time(m->periods[i - 1])))
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                                 "trend chart: periods must increase in time (period %zu)", i);
    }
    for (size_t s = 0; s < m->series_count; s++)
        if (!m->series[s].values)
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: series %zu has no values", s);
    if (m->trend && (m->trend->series < 0 || (size_t)m->trend->series >= m->series_count))
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: the trend line's series is out of range");
    if ((m->band_lo == NULL) != (m->band_hi == NULL))
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: a band needs both lo and hi");
    if (m->reference_count > IND_CHART_REFERENCES_MAX || (m->reference_count && !m->references))
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: 0 to %d reference lines, got %zu",
                             IND_CHART_REFERENCES_MAX, m->reference_count);
    for (size_t k = 0; k < m->reference_count; k++)
        if (!m->references[k].values)
            return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "trend chart: reference %zu has no values", k);
    return IND_OK;
}

static const char *series_name(chart *c, const ind_chart_series *s)
{
    return s->name ? s->name : chart_gender_word(c, s->gender);
}

/* A band's edge cut at the axis: the band may reach beyond what the values can be. */
static double band_in(const chart_scale *ys, double v)
{
    double lo = fmin(ys->lo, ys->hi), hi = fmax(ys->lo, ys->hi);
    return v < lo ? lo : v > hi ? hi : v;
}

/* Decimals for a target: none when it is whole ("Årsmål 4 %"), else as the values. */
static int target_decimals(double v, int dec)
{
    return chart_auto_decimals(&v, 1) ? (dec > 0 ? dec : 1) : 0;
}

/* " NAME: från 80 (2019) till 70 % (2025, n = 20)." in the alt text: a line
 * from its first value to its latest, chronologically, with the latest base. */
static void alt_line(chart *c, strbuf *b, const ind_chart_trend *m, const char *name, const double *values,
                     const double *n, int dec)
{
    char v[64], pl[32], nb[64];
    long i = chart_last_finite(values, m->count);
    sb_add(b, " %s: ", name);
    if (i < 0) {
        sb_add(b, "%s", TR(c, "inga värden.", "no values."));
        return;
    }
    size_t j = 0;
    while (j < (size_t)i && !isfinite(values[j]))
        j++;
    if (j < (size_t)i)
        sb_add(b, TR(c, "från %s (%s) till ", "from %s (%s) to "), chart_fmt(c, values[j], dec, m->percent, v, sizeof v),
               chart_period_label(c, m->periods[j], pl, sizeof pl));
    sb_add(b, "%s (%s", chart_fmt(c, values[i], dec, m->percent, v, sizeof v),
           chart_period_label(c, m->periods[i], pl, sizeof pl));
    if (n && isfinite(n[i]))
        sb_add(b, ", n = %s", chart_fmt(c, n[i], 0, 0, nb, sizeof nb));
    sb_add(b, ").");
}

static void alt_text(chart *c, const ind_chart_trend *m, int dec)
{
    strbuf b = {0};
    char p0[32], p1[32], v[64];
    chart_period_label(c, m->periods[0], p0, sizeof p0);
    chart_period_label(c, m->periods[m->count - 1], p1, sizeof p1);
    sb_add(&b, TR(c, "Linjediagram: %s", "Line chart: %s"), m->indicator ? m->indicator : "");
    if (m->unit)
        sb_add(&b, ", %s", m->unit);
    if (m->count > 1)
        sb_add(&b, ", %s–%s.", p0, p1);
    else
        sb_add(&b, ", %s.", p0);
    for (size_t s = 0; s < m->series_count; s++)
        alt_line(c, &b, m, series_name(c, &m->series[s]), m->series[s].values, m->series[s].n, dec);
    for (size_t k = 0; k < m->reference_count; k++) {
        const ind_chart_reference *r = &m->references[k];
        alt_line(c, &b, m, r->name ? r->name : TR(c, "Referens", "Reference"), r->values, NULL, dec);
        if (r->alt && r->alt[0])
            sb_add(&b, " %s", r->alt);
    }
    long ti = chart_last_finite(m->target, m->count);
    if (ti >= 0) {
        char pl[32];
        sb_add(&b, TR(c, " Årsmål %s: %s.", " Target %s: %s."), chart_period_label(c, m->periods[ti], pl, sizeof pl),
               chart_fmt(c, m->target[ti], target_decimals(m->target[ti], dec), m->percent, v, sizeof v));
    }
    long ki = chart_last_finite(m->kf_target, m->count);
    if (ki >= 0) {
        char pl[32];
        sb_add(&b, TR(c, " KF:s årsmål %s: %s.", " City council target %s: %s."),
               chart_period_label(c, m->periods[ki], pl, sizeof pl),
               chart_fmt(c, m->kf_target[ki], target_decimals(m->kf_target[ki], dec), m->percent, v, sizeof v));
    }
    if (m->trend)
        sb_add(&b, " %s.", m->trend->label ? m->trend->label : TR(c, "Trendlinje", "Trend line"));
    for (size_t k = 0; k < m->note_count; k++) {
        char pl[32];
        sb_add(&b, TR(c, " Anmärkning %s: %s.", " Note %s: %s."),
               chart_period_label(c, m->notes[k].period, pl, sizeof pl), m->notes[k].text ? m->notes[k].text : "");
    }
    chart_set_alt(c, &b);
}

/* What the phases of drawing a trend chart share. */
typedef struct {
    const ind_chart_trend *m;
    size_t n;
    double *t;                /* the periods' times */
    chart_time tm;
    int dec;                  /* decimals of the value labels */
    long ti, ki;              /* the last årsmål and KF:s årsmål, or -1 */
    int same_end;             /* both end together at one value: one label names both */
    const series_style *tst;  /* the trend line's series (NULL without a trend line) */
    int has_band;
    rgb band_col;
    const double *nvals;      /* the bases shown under the axis, or NULL */
    size_t nn;                /* notes with a text */
    double *foot_hs, foot_h;  /* each footnote's height, and all of theirs */
    double bottom;            /* the top of the caption */
    double left, right, plot_top, plot_bottom;
    chart_scale xs, ys;
    double t_end_x, t_end_v, kf_end_x, kf_end_v; /* the right ends of the årsmål lines */
} trend_draw;

static int trend_decimals(const ind_chart_trend *m)
{
    int dec = m->decimals;
    if (dec < 0) {
        dec = 0;
        for (size_t s = 0; s < m->series_count; s++)
            if (chart_auto_decimals(m->series[s].values, m->count))
                dec = 1;
    }
    return dec;
}

/* The title, and the unit and periods as the subtitle; returns the y below them. */
static double trend_heading(chart *c, const ind_chart_trend *m)
{
    char sub[256], p0[32], p1[32];
    size_t n = m->count;
    chart_period_label(c, m->periods[0], p0, sizeof p0);
    chart_period_label(c, m->periods[n - 1], p1, sizeof p1);
    if (n > 1)
        snprintf(sub, sizeof sub, "%s%s%s–%s", m->unit ? m->unit : "", m->unit ? ", " : "", p0, p1);
    else
        snprintf(sub, sizeof sub, "%s%s%s", m->unit ? m->unit : "", m->unit ? ", " : "", p0);
    return chart_heading(c, m->indicator, sub);
}

static const char *target_word(chart *c, const trend_draw *d)
{
    return d->same_end ? TR(c, "Årsmål och KF:s årsmål", "Target and city council target") : TR(c, "Årsmål", "Target");
}

/* "Årsmål 4 %": a word and a target value, as labelled at a line's end. */
static const char *end_text(chart *c, const trend_draw *d, const char *word, double v, char *buf, size_t size)
{
    char num[128];
    snprintf(buf, size, "%s %s", word, chart_fmt(c, v, target_decimals(v, d->dec), d->m->percent, num, sizeof num));
    return buf;
}

/* "1  2021: Ny definition": note k under the chart. */
static const char *footnote_text(chart *c, const ind_chart_note *note, size_t k, char *buf, size_t size)
{
    char pl[32];
    snprintf(buf, size, "%zu  %s: %s", k + 1, chart_period_label(c, note->period, pl, sizeof pl), note->text);
    return buf;
}

/* The legend: the series, the årsmål lines, the trend line and its band; returns the y below it. */
static double trend_legend(chart *c, const trend_draw *d, double top)
{
    const ind_chart_trend *m = d->m;
    double mg = chart_margin(c);
    legend_entry lg[10 + IND_CHART_REFERENCES_MAX];
    size_t nl = 0;
    for (size_t s = 0; s < m->series_count; s++) {
        const series_style *ss = chart_series_style(m->series[s].gender);
        lg[nl++] = (legend_entry){LG_LINE, ss->line, ss->dash, ss->ndash, ss->width * 0.9, ss->marker,
                                  0, 0, (int)s, series_name(c, &m->series[s])};
    }
    for (size_t k = 0; k < m->reference_count; k++) {
        const series_style *rs = chart_reference_style(k);
        lg[nl++] = (legend_entry){LG_LINE, rs->line, rs->dash, rs->ndash, rs->width * 0.9, rs->marker, 0, 0,
                                  (int)(m->series_count + k),
                                  m->references[k].name ? m->references[k].name : TR(c, "Referens", "Reference")};
    }
    if (d->ti >= 0)
        lg[nl++] = (legend_entry){LG_STEP, chart_colour(CC_TARGET), chart_dash_target, 2, 1.4, MK_NONE, 0, 0, -1,
                                  TR(c, "Årsmål", "Target")};
    if (d->ki >= 0)
        lg[nl++] = (legend_entry){LG_STEP, chart_colour(CC_GREY), chart_dash_kf, 2, 1.6, MK_NONE, 0, 0, -1,
                                  TR(c, "KF:s årsmål", "City council target")};
    if (m->trend)
        lg[nl++] = (legend_entry){LG_LINE, d->tst->text, NULL, 0, 1.1, MK_NONE, 0, 0, -1,
                                  m->trend->label ? m->trend->label : TR(c, "Trend", "Trend")};
    if (d->has_band)
        lg[nl++] = (legend_entry){LG_BAND, d->band_col, NULL, 0, 0, MK_NONE, 0, 0, -1,
                                  m->band_label ? m->band_label : TR(c, "95 % konfidensintervall", "95% confidence interval")};
    double lgh = chart_legend_height(c, lg, nl, c->w - 2 * mg);
    chart_legend(c, lg, nl, c->x + mg, top, c->w - 2 * mg);
    top += lgh + c->fs * 0.8;
    return top;
}

/* The bottom: the caption, the footnotes' heights, the x labels (with the
 * bases under them when a series has them); sets where the plot ends. */
static void trend_bottom(chart *c, trend_draw *d)
{
    const ind_chart_trend *m = d->m;
    double fs = c->fs, mg = chart_margin(c);
    d->bottom = chart_caption(c);
    for (size_t k = 0; k < m->note_count; k++)
        if (m->notes[k].text)
            d->nn++;
    if (d->nn) {
        d->foot_hs = calloc(m->note_count, sizeof *d->foot_hs);
        if (!d->foot_hs)
            c->oom = 1;
        for (size_t k = 0; d->foot_hs && k < m->note_count; k++) {
            if (!m->notes[k].text)
                continue;
            char buf[160];
            double fw, fh;
            chart_text_size(c, F_CAPTION, footnote_text(c, &m->notes[k], k, buf, sizeof buf), c->w - 2 * mg, 2, &fw,
                            &fh);
            d->foot_hs[k] = fh;
            d->foot_h += fh + 1;
        }
        d->foot_h += fs * 0.3;
    }
    for (size_t s = 0; s < m->series_count && !d->nvals; s++)
        if (m->series[s].n)
            d->nvals = m->series[s].n;
    double xlab_h = chart_line_height(c, F_SMALL) + chart_x_label_gap(c, F_SMALL) +
                    (d->nvals ? chart_line_height(c, F_TINY) + 1 : 0);
    d->plot_bottom = d->bottom - d->foot_h - xlab_h - fs * 0.2;
}

/* The value axis over everything drawn: values, årsmål, the trend line's
 * ends, and the band as far as values can go. */
static void trend_y_scale(chart *c, trend_draw *d)
{
    const ind_chart_trend *m = d->m;
    size_t n = d->n;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t s = 0; s < m->series_count; s++)
        chart_widen(&lo, &hi, m->series[s].values, n);
    for (size_t k = 0; k < m->reference_count; k++)
        chart_widen(&lo, &hi, m->references[k].values, n);
    chart_widen(&lo, &hi, m->target, n);
    chart_widen(&lo, &hi, m->kf_target, n);
    if (m->trend) {
        double e2[2] = {m->trend->y_from, m->trend->y_to};
        chart_widen(&lo, &hi, e2, 2);
    }
    if (d->has_band) {
        /* the band widens the axis only as far as the values can go: a share
         * stops at 0 and 100 %, values that are never negative at 0 (the
         * band is cut at the axis) */
        double blo = INFINITY, bhi = -INFINITY;
        chart_widen(&blo, &bhi, m->band_lo, n);
        chart_widen(&blo, &bhi, m->band_hi, n);
        if (lo >= 0 && blo < 0)
            blo = 0;
        if (m->percent && bhi > 100 && !(hi > 100))
            bhi = 100;
        if (blo <= bhi) {
            lo = fmin(lo, blo);
            hi = fmax(hi, bhi);
        }
    }
    if (!(lo <= hi)) {
        lo = 0;
        hi = m->percent ? 100 : 1;
    }
    int ticks = chart_tick_count(d->plot_bottom - d->plot_top, c->fs * 3.4, 3, 6);
    chart_value_range(lo, hi, m->percent, m->zoom, ticks, m->counts, &d->ys);
    d->ys.p0 = d->plot_bottom;
    d->ys.p1 = d->plot_top;
}

/* The plot's ends (room for the value labels on the left, for the lines' end
 * labels and the latest values on the right), its x scale, its PLOT element,
 * the gridlines. */
static void trend_frame(chart *c, trend_draw *d)
{
    const ind_chart_trend *m = d->m;
    double fs = c->fs, mg = chart_margin(c), rl = 0, vl = 0, tw, th;
    char buf[160];
    d->left = c->x + mg + chart_y_label_width(c, &d->ys, m->percent, F_SMALL) + fs * 0.5;
    if (d->ti >= 0) {
        chart_text_size(c, F_SMALL, end_text(c, d, target_word(c, d), m->target[d->ti], buf, sizeof buf), 0, 1, &tw,
                        &th);
        rl = fmax(rl, tw);
    }
    if (d->ki >= 0 && !d->same_end) {
        chart_text_size(c, F_SMALL,
                        end_text(c, d, TR(c, "KF:s årsmål", "City council target"), m->kf_target[d->ki], buf, sizeof buf),
                        0, 1, &tw, &th);
        rl = fmax(rl, tw);
    }
    for (size_t s = 0; s < m->series_count + m->reference_count; s++) {
        const double *v = s < m->series_count ? m->series[s].values : m->references[s - m->series_count].values;
        long i = chart_last_finite(v, d->n);
        if (i < 0)
            continue;
        chart_fmt(c, v[i], d->dec, m->percent, buf, sizeof buf);
        chart_text_size(c, F_SMALL, buf, 0, 1, &tw, &th);
        vl = fmax(vl, tw + fs * 0.9);
    }
    rl = rl > 0 ? rl + fs * 0.5 : 0;
    rl = fmin(rl, c->w * 0.3);
    d->right = chart_time_right(&d->tm, d->left, c->x + c->w - mg, rl, vl);
    d->xs = chart_time_scale(&d->tm, d->left, d->right);
    chart_plot_el(c, &d->xs, &d->ys, d->left, d->plot_top, d->right, d->plot_bottom);
    chart_y_axis(c, &d->ys, d->left, d->right, m->percent, F_SMALL);
}

/* The band, shaded per run of periods that have it (a short bar for a lone one). */
static void trend_band(chart *c, const trend_draw *d)
{
    const ind_chart_trend *m = d->m;
    cairo_t *cr = c->cr;
    const double *t = d->t;
    const chart_scale *xs = &d->xs, *ys = &d->ys;
    size_t n = d->n;
    double fs = c->fs;
    double bx0 = INFINITY, by0 = INFINITY, bx1 = -INFINITY, by1 = -INFINITY;
    size_t i = 0;
    while (i < n) {
        while (i < n && !(isfinite(m->band_lo[i]) && isfinite(m->band_hi[i])))
            i++;
        size_t j = i;
        while (j + 1 < n && isfinite(m->band_lo[j + 1]) && isfinite(m->band_hi[j + 1]) &&
               t[j + 1] - t[j] <= 1.5 * d->tm.step)
            j++;
        if (i >= n)
            break;
        cairo_new_path(cr);
        for (size_t k = i; k <= j; k++) {
            double px = chart_map(xs, t[k]), py = chart_map(ys, band_in(ys, m->band_hi[k]));
            if (k == i)
                cairo_move_to(cr, px, py);
            else
                cairo_line_to(cr, px, py);
            bx0 = fmin(bx0, px);
            bx1 = fmax(bx1, px);
            by0 = fmin(by0, py);
        }
        for (size_t k = j + 1; k-- > i;) {
            double px = chart_map(xs, t[k]), py = chart_map(ys, band_in(ys, m->band_lo[k]));
            cairo_line_to(cr, px, py);
            by1 = fmax(by1, py);
        }
        cairo_close_path(cr);
        if (i == j) { /* a single period: a short bar */
            cairo_new_path(cr);
            double px = chart_map(xs, t[i]);
            cairo_rectangle(cr, px - fs * 0.3, chart_map(ys, band_in(ys, m->band_hi[i])), fs * 0.6,
                            chart_map(ys, band_in(ys, m->band_lo[i])) - chart_map(ys, band_in(ys, m->band_hi[i])));
        }
        chart_set_rgba(c, d->band_col, CHART_BAND_ALPHA);
        cairo_fill(cr);
        i = j + 1;
    }
    if (bx0 <= bx1)
        chart_el(c, IND_CHART_EL_BAND, bx0, by0, bx1, by1, NULL);
}

/* Inside the plot, clipped: the band, a dotted line at each note's period,
 * the årsmål lines, the trend line, the series with the first on top. */
static void trend_plot(chart *c, trend_draw *d)
{
    const ind_chart_trend *m = d->m;
    cairo_t *cr = c->cr;
    double fs = c->fs;
    cairo_save(cr);
    chart_clip(c, d->left - fs, d->plot_top - fs * 0.5, d->right - d->left + 2 * fs,
               d->plot_bottom - d->plot_top + fs);
    if (d->has_band)
        trend_band(c, d);
    for (size_t k = 0; k < m->note_count; k++) {
        double nt = ind_period_time(m->notes[k].period);
        if (!(nt >= d->xs.lo && nt <= d->xs.hi))
            continue;
        double px = chart_map(&d->xs, nt);
        cairo_move_to(cr, px, d->plot_top + fs * 1.2);
        cairo_line_to(cr, px, d->plot_bottom);
        chart_set_rgb(c, chart_colour(CC_GREY));
        cairo_set_line_width(cr, 0.7);
        static const double dd[2] = {1, 2};
        cairo_set_dash(cr, dd, 2, 0);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    chart_draw_steps(c, &d->xs, &d->ys, d->t, m->kf_target, d->n, d->tm.step, chart_colour(CC_GREY), chart_dash_kf, 2, 1.6,
                     IND_CHART_EL_KF_TARGET_LINE, &d->kf_end_x, &d->kf_end_v);
    chart_draw_steps(c, &d->xs, &d->ys, d->t, m->target, d->n, d->tm.step, chart_colour(CC_TARGET), chart_dash_target, 2, 1.4,
                     IND_CHART_EL_TARGET_LINE, &d->t_end_x, &d->t_end_v);
    if (m->trend) {
        double x0 = chart_map(&d->xs, ind_period_time(m->trend->from)), y0 = chart_map(&d->ys, m->trend->y_from);
        double x1 = chart_map(&d->xs, ind_period_time(m->trend->to)), y1 = chart_map(&d->ys, m->trend->y_to);
        cairo_move_to(cr, x0, y0);
        cairo_line_to(cr, x1, y1);
        chart_set_rgb(c, d->tst->text);
        cairo_set_line_width(cr, 1.1);
        cairo_stroke(cr);
        ind_chart_element *e = chart_el(c, IND_CHART_EL_TREND_LINE, x0, y0, x1, y1, NULL);
        if (e)
            e->series = m->trend->series;
    }
    for (size_t k = m->reference_count; k-- > 0;)
        chart_draw_series(c, &d->xs, &d->ys, d->t, m->references[k].values, d->n, d->tm.step,
                          chart_reference_style(k), 1.0, (int)(m->series_count + k), 1);
    for (size_t s = m->series_count; s-- > 0;)
        chart_draw_series(c, &d->xs, &d->ys, d->t, m->series[s].values, d->n, d->tm.step,
                          chart_series_style(m->series[s].gender), 1.0, (int)s, 1);
    cairo_restore(cr);
}

/* The footnotes under the plot, and each note's numbered mark at its period. */
static void trend_notes(chart *c, const trend_draw *d)
{
    const ind_chart_trend *m = d->m;
    double fs = c->fs, mg = chart_margin(c);
    double fy = d->bottom - d->foot_h + fs * 0.3;
    for (size_t k = 0; k < m->note_count; k++) {
        if (!m->notes[k].text)
            continue;
        char buf[160];
        chart_text(c, F_CAPTION, footnote_text(c, &m->notes[k], k, buf, sizeof buf), c->x + mg, fy, c->w - 2 * mg, 2,
                   AL_LEFT, chart_colour(CC_TEXT), IND_CHART_EL_FOOTNOTE);
        fy += (d->foot_hs ? d->foot_hs[k] : 0) + 1;
        double nt = ind_period_time(m->notes[k].period);
        if (!(nt >= d->xs.lo && nt <= d->xs.hi))
            continue;
        double px = chart_map(&d->xs, nt), r = fs * 0.55;
        ind_chart_element *e = chart_number_tag(c, k + 1, px, d->plot_top + r, r, chart_colour(CC_MUTED));
        if (e)
            e->index = (int)k;
    }
}

/* Is there an outcome after period i? Periods that carry only an årsmål
 * (next year's, from the VP) do not count. */
static int later_outcome(const ind_chart_trend *m, size_t i)
{
    int later = 0;
    for (size_t k = i + 1; k < m->count && !later; k++) {
        int target_only = (m->target && isfinite(m->target[k])) || (m->kf_target && isfinite(m->kf_target[k]));
        for (size_t q = 0; q < m->series_count; q++)
            target_only &= !isfinite(m->series[q].values[k]);
        later = !target_only;
    }
    return later;
}

/* Queues a label at a line's right end (ex, ev) with its point for a leader. */
static void end_label(chart *c, const trend_draw *d, const char *text, double ex, double ev, rgb col, int prio)
{
    chart_label *l = chart_label_add(c, F_SMALL, text, ex + c->fs * 0.35, chart_map(&d->ys, ev), AL_LEFT, col, prio,
                                     IND_CHART_EL_LABEL);
    if (l) {
        l->value = ev;
        l->ax = ex;
        l->ay = chart_map(&d->ys, ev);
    }
}

/* The labels: each series' latest value (with its period when an outcome
 * came later), the årsmål's and KF:s årsmål's ends. */
static void trend_labels(chart *c, const trend_draw *d)
{
    const ind_chart_trend *m = d->m;
    double fs = c->fs;
    char buf[128], buf2[160];
    /* the unit's lines first, then the references' (below the årsmål's end) */
    static const int prio[4 + IND_CHART_REFERENCES_MAX] = {100, 90, 85, 80, 75, 65};
    for (size_t s = 0; s < m->series_count + m->reference_count; s++) {
        int ref = s >= m->series_count;
        const double *v = ref ? m->references[s - m->series_count].values : m->series[s].values;
        long i = chart_last_finite(v, d->n);
        if (i < 0)
            continue;
        chart_fmt(c, v[i], d->dec, m->percent, buf, sizeof buf);
        if (later_outcome(m, (size_t)i)) {
            char pl[32];
            snprintf(buf2, sizeof buf2, "%s (%s)", buf, chart_period_label(c, m->periods[i], pl, sizeof pl));
        } else
            snprintf(buf2, sizeof buf2, "%s", buf);
        const series_style *ss = ref ? chart_reference_style(s - m->series_count) : chart_series_style(m->series[s].gender);
        double px = chart_map(&d->xs, d->t[i]), py = chart_map(&d->ys, v[i]);
        chart_label *l = chart_label_add(c, F_SMALL, buf2, px + fs * 0.7, py, AL_LEFT, ss->text,
                                         ref ? prio[4 + s - m->series_count] : prio[s > 3 ? 3 : s], IND_CHART_EL_LABEL);
        if (l) {
            l->ax = px + fs * 0.4;
            l->ay = py;
            l->series = (int)s;
            l->index = (int)i;
            l->value = v[i];
        }
    }
    if (d->ti >= 0 && isfinite(d->t_end_x))
        end_label(c, d, end_text(c, d, target_word(c, d), d->t_end_v, buf2, sizeof buf2), d->t_end_x, d->t_end_v,
                  chart_colour(CC_TARGET), 95);
    if (d->ki >= 0 && isfinite(d->kf_end_x) &&
        !(d->same_end && isfinite(d->t_end_x) && fabs(d->kf_end_x - d->t_end_x) < 0.5))
        end_label(c, d, end_text(c, d, TR(c, "KF:s årsmål", "City council target"), d->kf_end_v, buf2, sizeof buf2),
                  d->kf_end_x, d->kf_end_v, chart_colour(CC_MUTED), 70);
}

void chart_trend_draw(chart *c, const void *model)
{
    trend_draw d = {.m = model, .n = ((const ind_chart_trend *)model)->count};
    const ind_chart_trend *m = d.m;
    d.t = chart_period_times(c, m->periods, d.n, &d.tm);
    if (!d.t)
        return;
    d.dec = trend_decimals(m);
    d.ti = chart_last_finite(m->target, d.n);
    d.ki = chart_last_finite(m->kf_target, d.n);
    d.same_end = d.ti >= 0 && d.ti == d.ki && m->target[d.ti] == m->kf_target[d.ki];
    d.tst = m->trend ? chart_series_style(m->series[m->trend->series].gender) : NULL;
    d.has_band = m->band_lo && m->band_hi && !m->counts; /* no band of fractions around a count */
    d.band_col = d.tst ? d.tst->line : chart_colour(CC_BLUE);
    double fs = c->fs, top = trend_legend(c, &d, trend_heading(c, m));
    trend_bottom(c, &d);
    if (m->value_unit && *m->value_unit) {
        /* what the values count, above the axis */
        chart_text(c, F_SMALL, m->value_unit, c->x + chart_margin(c), top - fs * 0.2, 0, 1, AL_LEFT, chart_colour(CC_MUTED),
                   IND_CHART_EL_AXIS_LABEL);
        top += chart_line_height(c, F_SMALL) + fs * 0.2;
    }
    d.plot_top = top + chart_line_height(c, F_SMALL) * 0.5;
    if (d.plot_bottom - d.plot_top < fs * 4)
        d.plot_bottom = d.plot_top + fs * 4;
    trend_y_scale(c, &d);
    trend_frame(c, &d);
    trend_plot(c, &d);
    chart_axis_line(c, d.left, d.right, d.plot_bottom, 0.8);
    chart_x_periods(c, &d.tm, &d.xs, d.plot_bottom, m->periods, d.n, d.nvals, F_SMALL, 0);
    trend_notes(c, &d);
    free(d.foot_hs);
    trend_labels(c, &d);
    alt_text(c, m, d.dec);
    free(d.t);
}
