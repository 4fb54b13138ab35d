/* chart_status.c: the VB overview table as a chart: indicator, outcome, årsmål, verdict (symbol, colour, word) and trend (arrow and word). */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ind_status chart_status_check(const void *model, ind_error *err)
{
    const ind_chart_status *m = model;
    if (!m || m->count < 1 || !m->rows)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "status table: no rows");
    if (m->count > 2000)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "status table: %zu rows are too many (2000 at most)", m->count);
    return IND_OK;
}

enum { COL_NAME = 0, COL_VALUE, COL_TARGET, COL_VERDICT, COL_TREND, NCOL };

typedef struct {
    double x[NCOL], wcol[NCOL];
    double head_h;
    double pad;
    int has_trend;
} geometry;

static const char *value_of(const ind_chart_status_row *r)
{
    return r->value_text && *r->value_text ? r->value_text : "–";
}
static const char *target_of(const ind_chart_status_row *r)
{
    return r->target_text && *r->target_text ? r->target_text : "–";
}
static const char *verdict_of(chart *c, const ind_chart_status_row *r)
{
    return r->verdict_text ? r->verdict_text : chart_verdict_word(c, r->verdict);
}
static const char *trend_of(chart *c, const ind_chart_status_row *r)
{
    return r->trend_text ? r->trend_text : chart_meaning_word(c, r->meaning, r->arrow);
}

static void headings(chart *c, const ind_chart_status *m, const char *h[NCOL])
{
    h[COL_NAME] = TR(c, "Indikator", "Indicator");
    h[COL_VALUE] = m->value_heading ? m->value_heading : TR(c, "Utfall", "Outcome");
    h[COL_TARGET] = TR(c, "Årsmål", "Target");
    h[COL_VERDICT] = TR(c, "Bedömning", "Assessment");
    h[COL_TREND] = TR(c, "Trend", "Trend");
}

/* The widest word of text (what a column cannot wrap below). */
static double widest_word(chart *c, font_id f, const char *text)
{
    double best = 0, tw, th;
    char word[256];
    const char *p = text ? text : "";
    while (*p) {
        while (*p == ' ')
            p++;
        size_t n = 0;
        while (p[n] && p[n] != ' ')
            n++;
        if (!n)
            break;
        size_t k = n < sizeof word - 1 ? n : sizeof word - 1;
        while (k < n && k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80)
            k--; /* a long word is measured up to a whole character */
        memcpy(word, p, k);
        word[k] = 0;
        chart_text_size(c, f, word, 0, 1, &tw, &th);
        best = fmax(best, tw);
        p += n;
    }
    return best;
}

/* Column widths: every column gets at least its widest word (the indicator at
 * least 35 % of the width); what is left goes to the columns in proportion to
 * how much wider their one-line text is, and any surplus to the indicator. */
static void measure(chart *c, const ind_chart_status *m, double w, geometry *g)
{
    double mg = chart_margin(c), fs = c->fs, tw, th;
    const char *h[NCOL];
    headings(c, m, h);
    double nat[NCOL] = {0}, min[NCOL] = {0};
    double sym = fs * 1.5;
    g->has_trend = 0;
    for (size_t i = 0; i < m->count; i++)
        if (m->rows[i].arrow != IND_CHART_ARROW_NONE || m->rows[i].trend_text)
            g->has_trend = 1;
    for (int k = 0; k < NCOL; k++) {
        chart_text_size(c, F_SMALL_BOLD, h[k], 0, 1, &tw, &th);
        nat[k] = tw;
        min[k] = widest_word(c, F_SMALL_BOLD, h[k]);
    }
    for (size_t i = 0; i < m->count; i++) {
        const ind_chart_status_row *r = &m->rows[i];
        const char *cell[NCOL] = {r->indicator ? r->indicator : "", value_of(r), target_of(r), verdict_of(c, r),
                                  trend_of(c, r)};
        for (int k = 0; k < NCOL; k++) {
            double extra = (k == COL_VERDICT || k == COL_TREND) ? sym : 0;
            chart_text_size(c, F_SMALL, cell[k], 0, 1, &tw, &th);
            nat[k] = fmax(nat[k], tw + extra);
            min[k] = fmax(min[k], widest_word(c, F_SMALL, cell[k]) + extra);
        }
    }
    if (!g->has_trend)
        nat[COL_TREND] = min[COL_TREND] = 0;
    double avail = w - 2 * mg, gap = fs * 0.9;
    int ncols = g->has_trend ? NCOL : NCOL - 1;
    double room = avail - (ncols - 1) * gap;
    min[COL_NAME] = fmin(nat[COL_NAME], fmax(min[COL_NAME], room * 0.35));
    /* the other columns get their widest word, then, in order of importance,
     * their whole text while the indicator keeps 35 %; the indicator gets the rest */
    double want[NCOL];
    double budget = room - min[COL_NAME], sum_min = 0;
    for (int k = 1; k < NCOL; k++) {
        want[k] = min[k];
        sum_min += min[k];
    }
    if (sum_min > budget) {
        for (int k = 1; k < NCOL; k++)
            want[k] = min[k] * budget / sum_min;
        budget = 0;
    } else
        budget -= sum_min;
    static const int order[4] = {COL_VERDICT, COL_VALUE, COL_TREND, COL_TARGET};
    for (int i = 0; i < 4; i++) {
        int k = order[i];
        double more = fmin(budget, nat[k] - want[k]);
        if (more > 0) {
            want[k] += more;
            budget -= more;
        }
    }
    want[COL_NAME] = min[COL_NAME] + budget;
    double x = c->x + mg;
    for (int k = 0; k < NCOL; k++) {
        g->x[k] = x;
        g->wcol[k] = want[k];
        if (want[k] > 0)
            x += want[k] + gap;
    }
    g->pad = fs * 0.35;
    double hh = 0;
    for (int k = 0; k < NCOL; k++) {
        if (g->wcol[k] <= 0)
            continue;
        chart_text_size(c, F_SMALL_BOLD, h[k], g->wcol[k], 2, &tw, &th);
        hh = fmax(hh, th);
    }
    g->head_h = hh + 2 * g->pad;
}

static double row_height(chart *c, const ind_chart_status_row *r, const geometry *g)
{
    double tw, th, h = chart_line_height(c, F_SMALL), sym = c->fs * 1.5;
    chart_text_size(c, F_SMALL, r->indicator ? r->indicator : "", g->wcol[COL_NAME], 4, &tw, &th);
    h = fmax(h, th);
    chart_text_size(c, F_SMALL, value_of(r), g->wcol[COL_VALUE], 3, &tw, &th);
    h = fmax(h, th);
    chart_text_size(c, F_SMALL, target_of(r), g->wcol[COL_TARGET], 3, &tw, &th);
    h = fmax(h, th);
    chart_text_size(c, F_SMALL, verdict_of(c, r), g->wcol[COL_VERDICT] - sym, 2, &tw, &th);
    h = fmax(h, th);
    if (g->has_trend) {
        chart_text_size(c, F_SMALL, trend_of(c, r), g->wcol[COL_TREND] - sym, 2, &tw, &th);
        h = fmax(h, th);
    }
    return h + 2 * g->pad;
}

static void subtitle(chart *c, const ind_chart_status *m, char *buf, size_t size)
{
    char pl[32];
    if (m->period != IND_PERIOD_NONE)
        snprintf(buf, size, TR(c, "Måluppfyllelse %s, %zu indikatorer", "Attainment %s, %zu indicators"),
                 chart_period_label(c, m->period, pl, sizeof pl), m->count);
    else
        snprintf(buf, size, TR(c, "Måluppfyllelse, %zu indikatorer", "Attainment, %zu indicators"), m->count);
}

double chart_status_height(chart *c, const void *model)
{
    const ind_chart_status *m = model;
    char sub[128];
    subtitle(c, m, sub, sizeof sub);
    double h = chart_heading_height(c, m->unit, sub);
    geometry g;
    measure(c, m, c->w, &g);
    h += g.head_h;
    for (size_t i = 0; i < m->count; i++)
        h += row_height(c, &m->rows[i], &g);
    h += c->fs * 0.6 + chart_caption_height(c);
    return ceil(h);
}

static void alt_text(chart *c, const ind_chart_status *m)
{
    strbuf b = {0};
    char sub[128];
    subtitle(c, m, sub, sizeof sub);
    sb_add(&b, TR(c, "Tabell: %s%s%s.", "Table: %s%s%s."), m->unit ? m->unit : "", m->unit ? ", " : "", sub);
    size_t count[4] = {0};
    for (size_t i = 0; i < m->count; i++) {
        ind_verdict v = m->rows[i].verdict;
        count[v == IND_VERDICT_MET ? 0 : v == IND_VERDICT_PARTLY ? 1 : v == IND_VERDICT_NOT_MET ? 2 : 3]++;
    }
    sb_add(&b, TR(c, " %zu uppfylls helt, %zu delvis, %zu inte, %zu bedöms inte.",
                  " %zu met, %zu partly met, %zu not met, %zu not judged."),
           count[0], count[1], count[2], count[3]);
    for (size_t i = 0; i < m->count; i++) {
        const ind_chart_status_row *r = &m->rows[i];
        sb_add(&b, TR(c, " %s: utfall %s, årsmål %s, %s", " %s: outcome %s, target %s, %s"), r->indicator ? r->indicator : "",
               value_of(r), target_of(r), verdict_of(c, r));
        if (r->arrow != IND_CHART_ARROW_NONE || r->trend_text)
            sb_add(&b, ", %s", trend_of(c, r));
        sb_add(&b, ".");
    }
    chart_set_alt(c, &b);
}

void chart_status_draw(chart *c, const void *model)
{
    const ind_chart_status *m = model;
    cairo_t *cr = c->cr;
    double x = c->x, w = c->w;
    double fs = c->fs, mg = chart_margin(c);
    char sub[128], buf[160];
    subtitle(c, m, sub, sizeof sub);
    double top = chart_heading(c, m->unit, sub);
    double bottom = chart_caption(c);
    geometry g;
    measure(c, m, w, &g);
    const char *hd[NCOL];
    headings(c, m, hd);
    double lh = chart_line_height(c, F_SMALL);
    /* header */
    for (int k = 0; k < NCOL; k++) {
        if (g.wcol[k] <= 0)
            continue;
        ind_chart_element *e = chart_text(c, F_SMALL_BOLD, hd[k], g.x[k], top + g.pad, g.wcol[k], 2, AL_LEFT,
                                          chart_colour(CC_TEXT), IND_CHART_EL_CELL);
        if (e) {
            e->index = -1;
            e->series = k;
        }
    }
    double yrow = top + g.head_h;
    cairo_move_to(cr, x + mg, yrow);
    cairo_line_to(cr, x + w - mg, yrow);
    chart_set_rgb(c, chart_colour(CC_RULE));
    cairo_set_line_width(cr, 1.0);
    cairo_stroke(cr);
    size_t shown = 0;
    double note_h = chart_line_height(c, F_TINY) + fs * 0.3;
    for (size_t i = 0; i < m->count; i++) {
        const ind_chart_status_row *r = &m->rows[i];
        double rh = row_height(c, r, &g);
        double room = bottom - (i + 1 < m->count ? note_h : 0);
        if (yrow + rh > room + 0.01)
            break;
        if (i % 2 == 1) {
            cairo_rectangle(cr, x + mg, yrow, w - 2 * mg, rh);
            chart_set_rgb(c, chart_colour(CC_ROW_SHADE));
            cairo_fill(cr);
        }
        double ty = yrow + g.pad;
        ind_chart_element *e;
        e = chart_text(c, F_SMALL, r->indicator ? r->indicator : "", g.x[COL_NAME], ty, g.wcol[COL_NAME], 4, AL_LEFT,
                       chart_colour(CC_TEXT), IND_CHART_EL_CELL);
        if (e) {
            e->index = (int)i;
            e->series = COL_NAME;
        }
        e = chart_text(c, F_SMALL, value_of(r), g.x[COL_VALUE], ty, g.wcol[COL_VALUE], 3, AL_LEFT, chart_colour(CC_TEXT),
                       IND_CHART_EL_CELL);
        if (e) {
            e->index = (int)i;
            e->series = COL_VALUE;
        }
        e = chart_text(c, F_SMALL, target_of(r), g.x[COL_TARGET], ty, g.wcol[COL_TARGET], 3, AL_LEFT, chart_colour(CC_TEXT),
                       IND_CHART_EL_CELL);
        if (e) {
            e->index = (int)i;
            e->series = COL_TARGET;
        }
        double sr = fs * 0.5, sx = g.x[COL_VERDICT] + sr;
        chart_verdict_symbol(c, r->verdict, sx, ty + lh / 2, sr);
        e = chart_text(c, F_SMALL, verdict_of(c, r), g.x[COL_VERDICT] + fs * 1.5, ty, g.wcol[COL_VERDICT] - fs * 1.5, 2,
                       AL_LEFT, chart_colour(CC_TEXT), IND_CHART_EL_VERDICT);
        if (e) {
            e->x0 = g.x[COL_VERDICT];
            e->index = (int)i;
            e->value = r->verdict;
        }
        if (g.has_trend) {
            chart_arrow_symbol(c, r->arrow, r->meaning, g.x[COL_TREND] + fs * 0.55, ty + lh / 2, fs * 0.55);
            double tx = g.x[COL_TREND] + (r->arrow != IND_CHART_ARROW_NONE ? fs * 1.5 : 0);
            e = chart_text(c, F_SMALL, trend_of(c, r), tx, ty, g.x[COL_TREND] + g.wcol[COL_TREND] - tx, 2, AL_LEFT,
                           r->arrow != IND_CHART_ARROW_NONE ? chart_colour(CC_TEXT) : chart_colour(CC_MUTED), IND_CHART_EL_ARROW);
            if (e) {
                e->x0 = g.x[COL_TREND];
                e->index = (int)i;
                e->value = r->arrow;
                e->series = r->meaning;
            }
        }
        yrow += rh;
        cairo_move_to(cr, x + mg, yrow);
        cairo_line_to(cr, x + w - mg, yrow);
        chart_set_rgb(c, chart_colour(CC_RULE_LIGHT));
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
        shown++;
    }
    if (shown < m->count) {
        snprintf(buf, sizeof buf, TR(c, "… och %zu indikatorer till (se alt-texten)", "… and %zu more indicators (see the alt text)"),
                 m->count - shown);
        chart_text(c, F_TINY, buf, x + mg, yrow + fs * 0.3, w - 2 * mg, 1, AL_LEFT, chart_colour(CC_MUTED), IND_CHART_EL_FOOTNOTE);
    }
    alt_text(c, m);
}
