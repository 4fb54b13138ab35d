/* build_vb.c: the VB's indicator section as a document: cover, summary, goals with their tables, charts and sentences, comparison, methods. */
#include "build_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "figures.h"
#include "number.h"
#include "outlook.h"
#include "sentence.h"

static void *must(void *p)
{
    if (!p) {
        fputs("indikator: slut på minne (out of memory)\n", stderr);
        exit(4);
    }
    return p;
}

typedef struct {
    const ind_opts *opt;
    const ind_dataset *ds;
    const ind_goals *goals;
    ind_goal_tally *tally;
    ind_doc *doc;
    int year;
    ind_period end; /* the last moment of the year: a VB for the year uses no later outcome */
    ind_lang lang;
    int en;         /* lang == IND_LANG_EN */
    /* comparisons: the same for every unit of a report, so computed once */
    struct cached_compare {
        ind_str indicator;
        ind_period period;
        int ok;
        ind_cmp_result res;
    } *cmp;
    size_t ncmp, cmpcap;
} ctx;

static const ind_cmp_result *compare_cached(ctx *c, ind_str indicator, ind_period period)
{
    for (size_t i = 0; i < c->ncmp; i++)
        if (c->cmp[i].indicator == indicator && c->cmp[i].period == period)
            return c->cmp[i].ok ? &c->cmp[i].res : NULL;
    if (c->ncmp == c->cmpcap) {
        c->cmpcap = c->cmpcap ? c->cmpcap * 2 : 64;
        c->cmp = must(realloc(c->cmp, c->cmpcap * sizeof *c->cmp));
    }
    struct cached_compare *e = &c->cmp[c->ncmp++];
    memset(e, 0, sizeof *e);
    e->indicator = indicator;
    e->period = period;
    ind_cmp_options co;
    ind_cmp_options_default(&co);
    co.lang = c->lang;
    co.policy = c->opt->policy;
    co.period = period;
    co.to = c->end;
    co.pair_units = 0; /* the report shows no pairs: none computed */
    ind_error err;
    e->ok = ind_compare(c->ds, ind_dataset_str(c->ds, indicator), &co, &e->res, &err) == IND_OK;
    return e->ok ? &e->res : NULL;
}

/* The value of unit/indicator/gender at period p, NaN when none. */
static double gender_value(const ind_dataset *ds, const ind_series *s, ind_period p, ind_gender g)
{
    long sg = ind_dataset_find_series(ds, ind_dataset_str(ds, s->unit), ind_dataset_str(ds, s->indicator), g);
    long j = sg >= 0 ? ind_dataset_find_obs(ds, (size_t)sg, p) : -1;
    return j >= 0 ? ind_dataset_value(ds, (size_t)j) : NAN;
}

/* ---- figures ------------------------------------------------------------------------ */

static ind_chart_options figure_options(const ctx *c)
{
    ind_chart_options o;
    ind_chart_options_init(&o);
    o.lang = c->lang;
    o.title = ""; /* the heading above names what the chart shows */
    return o;
}

/* A trend chart of the unit's series (total, women, men) with årsmål lines:
 * the years up to the report's, so no later outcome and no axis running on
 * into next year for its årsmål alone. */
static void figure_trend(ctx *c, size_t series)
{
    ind_build_figure_trend(c->doc, c->ds, series, c->year ? c->end : 0, c->opt);
}

/* The status overview of a unit for the year. */
static void figure_status(ctx *c, const char *unit)
{
    ind_fig_status *m = ind_fig_status_new(c->ds, unit, c->year, c->opt, &c->opt->policy, c->opt->alpha, c->lang);
    if (!ind_fig_status_rows(m)) {
        ind_fig_status_free(m);
        return;
    }
    ind_chart_options o = figure_options(c);
    ind_doc_figure(c->doc, IND_CHART_STATUS, ind_fig_status_chart(m), m, ind_fig_status_free, &o, 0, NULL);
}

/* The comparison of one indicator across units, the unit highlighted (may be
 * NULL), and its funnel when the data has counts for five or more units. */
static void figure_compare(ctx *c, const ind_cmp_result *cr, const char *unit)
{
    ind_chart_options o = figure_options(c);
    ind_fig_compare *m = ind_fig_compare_new(c->ds, cr, unit);
    ind_doc_figure(c->doc, IND_CHART_COMPARE, ind_fig_compare_chart(m), m, ind_fig_compare_free, &o, 0, NULL);
    if (cr->have_funnel && cr->tested >= 5) {
        ind_fig_funnel *fm = ind_fig_funnel_new(c->ds, cr, unit);
        if (fm)
            ind_doc_figure(c->doc, IND_CHART_FUNNEL, ind_fig_funnel_chart(fm), fm, ind_fig_funnel_free, &o, 230,
                           NULL);
    }
}

/* ---- a unit's rows ------------------------------------------------------------------ */

/* The unit's total series with an outcome for the year, in dataset order. */
typedef struct {
    size_t series;
    long obs;
    ind_attainment a, kf;
    const char *goal;
} row_info;

static size_t unit_rows(ctx *c, const char *unit, row_info **out)
{
    const ind_dataset *ds = c->ds;
    size_t ns = ind_dataset_series_count(ds), n = 0;
    row_info *rows = must(calloc(ns ? ns : 1, sizeof *rows));
    for (size_t s = 0; s < ns; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        ind_gender want = c->opt->gender_given ? c->opt->gender : IND_GENDER_T;
        if (se->gender != want || strcmp(ind_dataset_str(ds, se->unit), unit) != 0 || !ind_opts_names(c->opt, ds, se))
            continue;
        long i = ind_series_year_obs(ds, s, c->year);
        if (i < 0)
            continue;
        ind_obs o;
        ind_dataset_get(ds, (size_t)i, &o);
        rows[n].series = s;
        rows[n].obs = i;
        ind_attain_obs(ds, (size_t)i, 0, &c->opt->policy, c->lang, &rows[n].a);
        ind_attain_obs(ds, (size_t)i, 1, &c->opt->policy, c->lang, &rows[n].kf);
        rows[n].goal = ind_dataset_str(ds, o.goal);
        n++;
    }
    *out = rows;
    return n;
}

/* The VB's own indicator table; the year before is named, as the VB names it. */
static void indicator_table(ctx *c, const row_info *rows, size_t n)
{
    char prev[48];
    snprintf(prev, sizeof prev, c->en ? "Outcome %d" : "Utfall %d", c->year - 1);
    const char *const head_sv[] = {"Indikator", "Periodens utfall", "Utfall män", "Utfall kvinnor",
                                   prev, "Årsmål", "KF:s årsmål", "Bedömning"};
    const char *const head_en[] = {"Indicator", "Outcome", "Men", "Women", prev, "Target", "KF target", "Assessment"};
    static const char *const keys[] = {"indicator", "value", "value_men", "value_women", "previous", "target",
                                       "kf_target", "verdict"};
    /* points; each column as wide as its longest header word and value in
     * 8-point type, the verdict on one or two lines, the rest to the name */
    static const double fixed[] = {0, 54, 40, 46, 44, 44, 52, 80};
    ind_doc_column cols[8];
    double name_w = IND_DOC_TEXT_W;
    for (int k = 1; k < 8; k++)
        name_w -= fixed[k];
    for (int k = 0; k < 8; k++) {
        cols[k] = (ind_doc_column){keys[k], c->en ? head_en[k] : head_sv[k],
                                   k == 0 || k >= 5 ? IND_CELL_TEXT : IND_CELL_NUMBER,
                                   k == 0 || k == 7 ? IND_ALIGN_LEFT : IND_ALIGN_RIGHT, k ? fixed[k] : name_w, 1};
    }
    cols[7].kind = IND_CELL_VERDICT;
    ind_doc_table *t = ind_doc_table_new(c->doc, cols, 8, NULL);
    const ind_dataset *ds = c->ds;
    char buf[512];
    for (size_t k = 0; k < n; k++) {
        const ind_series *se = ind_dataset_series(ds, rows[k].series);
        ind_obs o;
        ind_dataset_get(ds, (size_t)rows[k].obs, &o);
        int dec = se->info ? se->info->decimals : 1;
        ind_unit unit = se->info && se->info->measure == IND_MEASURE_PERCENT ? IND_UNIT_PERCENT : IND_UNIT_NONE;
        ind_doc_row(t);
        ind_doc_text(t, ind_dataset_str(ds, se->indicator));
        ind_doc_number(t, o.value, dec, unit);
        ind_doc_number(t, gender_value(ds, se, o.period, IND_GENDER_M), dec, unit);
        ind_doc_number(t, gender_value(ds, se, o.period, IND_GENDER_K), dec, unit);
        ind_doc_number(t, rows[k].a.previous, dec, unit);
        for (int kf = 0; kf < 2; kf++) {
            ind_str target = kf ? o.kf_target : o.target;
            if (target) {
                ind_build_unbroken(ind_dataset_str(ds, target), buf, sizeof buf);
                ind_doc_text(t, buf);
            } else {
                ind_doc_null(t);
            }
        }
        ind_doc_verdict(t, rows[k].a.verdict, rows[k].a.uncertain);
        if (rows[k].a.verdict <= IND_VERDICT_NOT_MET)
            ind_doc_emphasis(t);
    }
}

/* An indicator's heading, chart and paragraph: the year's outcome against its
 * årsmål, the development over time, women and men, the forecast; how each
 * was worked out in a note. */
static void indicator_details(ctx *c, const row_info *row)
{
    const ind_dataset *ds = c->ds;
    const ind_series *se = ind_dataset_series(ds, row->series);
    const char *name = ind_dataset_str(ds, se->indicator);
    ind_error err;
    ind_doc_heading(c->doc, 3, name);
    figure_trend(c, row->series);
    ind_said parts[4 + IND_OPTS_REFERENCES_MAX] = {{0}};
    size_t n = 0;
    ind_period period = ind_dataset_period(ds, (size_t)row->obs);
    parts[n++] = ind_say_attainment(&row->a, name, se->info, period, c->lang);
    n += ind_build_reference_said(ds, row->series, period, c->opt, parts + n);
    ind_outlook_trend tr;
    if (ind_outlook_trend_of(ds, row->series, 0, c->end, c->opt->alpha, c->lang, &tr, &err) == IND_OK) {
        parts[n++] = ind_say_trend(&tr, &row->a, name, se->info, c->opt->alpha, c->lang);
        ind_outlook_trend_free(&tr);
    }
    ind_outlook_gap gap;
    if (ind_outlook_gap_of(ds, row->series, 0, c->end, c->opt->alpha, c->lang, &gap, &err) == IND_OK) {
        parts[n++] = ind_say_gap(&gap, se->info, c->opt->alpha, c->lang);
        ind_outlook_gap_free(&gap);
    }
    ind_outlook_forecast fc;
    if (ind_outlook_forecast_until(ds, row->series, c->end, c->opt->alpha, c->lang, &fc, &err) == IND_OK)
        parts[n++] = ind_say_forecast(&fc, se->info, c->opt->alpha, c->lang);
    ind_build_said(c->doc, parts, n);
}

/* A table and the details of the rows picked by `pick` (a goal's, or the rest). */
static void rows_block(ctx *c, const row_info *rows, size_t n, const unsigned char *pick)
{
    size_t m = 0;
    for (size_t q = 0; q < n; q++)
        m += pick[q] != 0;
    if (!m)
        return;
    row_info *sub = must(calloc(m, sizeof *sub));
    m = 0;
    for (size_t q = 0; q < n; q++)
        if (pick[q])
            sub[m++] = rows[q];
    indicator_table(c, sub, m);
    for (size_t q = 0; q < m; q++)
        indicator_details(c, &sub[q]);
    free(sub);
}

/* ---- sections -------------------------------------------------------------------------- */

static void summary(ctx *c, const char *unit, const row_info *rows, size_t n, int level)
{
    const ind_dataset *ds = c->ds;
    char buf[800];
    size_t count[IND_VERDICT_COUNT] = {0};
    for (size_t k = 0; k < n; k++)
        count[rows[k].a.verdict]++;
    ind_doc_heading(c->doc, level, c->en ? "Summary" : "Sammanfattning");
    snprintf(buf, sizeof buf,
             c->en ? "%s %d: %zu indicators judged against their targets: %zu met, %zu partly met, %zu not met; %zu without a target, %zu without an outcome, %zu with too small a base."
                   : "%s %d: %zu indikatorer bedömda mot sina årsmål: %zu uppfylls helt, %zu delvis, %zu inte; %zu saknar årsmål, %zu saknar utfall, %zu har för litet underlag.",
             unit, c->year, n, count[IND_VERDICT_MET], count[IND_VERDICT_PARTLY], count[IND_VERDICT_NOT_MET],
             count[IND_VERDICT_NO_TARGET] + count[IND_VERDICT_NO_DIRECTION], count[IND_VERDICT_NO_DATA],
             count[IND_VERDICT_SMALL_BASE]);
    ind_doc_paragraph(c->doc, buf);
    if (c->opt->reference_count) {
        size_t *series = must(calloc(n ? n : 1, sizeof *series));
        ind_period *periods = must(calloc(n ? n : 1, sizeof *periods));
        for (size_t k = 0; k < n; k++) {
            series[k] = rows[k].series;
            periods[k] = ind_dataset_period(ds, (size_t)rows[k].obs);
        }
        ind_build_reference_summary(c->doc, ds, unit, series, periods, n, c->opt);
        free(series);
        free(periods);
    }
    if (n)
        figure_status(c, unit);
    int any = 0;
    for (size_t k = 0; k < n; k++) {
        if (rows[k].a.verdict != IND_VERDICT_NOT_MET && rows[k].a.verdict != IND_VERDICT_PARTLY)
            continue;
        if (!any)
            ind_doc_paragraph(c->doc, c->en ? "Below target:" : "Under årsmålet:");
        any = 1;
        const ind_series *se = ind_dataset_series(ds, rows[k].series);
        ind_said said = ind_say_attainment(&rows[k].a, ind_dataset_str(ds, se->indicator), se->info,
                                           ind_dataset_period(ds, (size_t)rows[k].obs), c->lang);
        ind_doc_list_item(c->doc, said.text);
        ind_said_free(&said);
    }
    if (!any)
        ind_doc_paragraph(c->doc, c->en ? "No indicator is below its target." : "Ingen indikator ligger under sitt årsmål.");
}

/* One goal's heading and, when there is something to say, the assessment its
 * indicators suggest and the one recorded. */
static void goal_heading(ctx *c, const ind_goal *g, const ind_goal_tally *t, int level)
{
    char buf[1200];
    snprintf(buf, sizeof buf, "%s %s", g->id, g->text);
    ind_doc_heading(c->doc, level, buf);
    size_t judged = t->met + t->partly + t->not_met;
    const char *proposed = c->en ? ind_assessment_label_en(t->proposed) : ind_assessment_label_sv(t->proposed);
    const char *recorded = c->en ? ind_assessment_label_en(g->recorded) : ind_assessment_label_sv(g->recorded);
    if (judged == 1) {
        snprintf(buf, sizeof buf,
                 c->en ? "Suggested assessment from the indicators: %s. The goal's one judged indicator %s its target."
                       : "Förslag till bedömning utifrån indikatorerna: %s. Målets enda bedömda indikator %s sitt årsmål.",
                 proposed, t->met ? (c->en ? "meets" : "når") : t->partly ? (c->en ? "partly meets" : "når delvis")
                                                                    : (c->en ? "does not meet" : "når inte"));
        ind_doc_paragraph(c->doc, buf);
    } else if (judged) {
        snprintf(buf, sizeof buf,
                 c->en ? "Suggested assessment from the indicators: %s. %zu of the goal's %zu judged indicators meet their target, %zu partly."
                       : "Förslag till bedömning utifrån indikatorerna: %s. %zu av målets %zu bedömda indikatorer når sitt årsmål, %zu delvis.",
                 proposed, t->met, judged, t->partly);
        ind_doc_paragraph(c->doc, buf);
    }
    if (g->recorded && t->proposed && g->recorded != t->proposed) {
        snprintf(buf, sizeof buf,
                 c->en ? "The annual report records \"%s\", which differs from the suggestion." : "Den registrerade bedömningen är \"%s\", som skiljer sig från förslaget.",
                 recorded);
        ind_doc_note(c->doc, buf);
    } else if (g->recorded && !judged) {
        snprintf(buf, sizeof buf, c->en ? "Recorded assessment: %s." : "Registrerad bedömning: %s.", recorded);
        ind_doc_paragraph(c->doc, buf);
    }
}

/* Goals in hierarchy order, each with its indicators; then the indicators of no goal. */
static void goals_section(ctx *c, const char *unit, const row_info *rows, size_t n, int level)
{
    ind_doc_heading(c->doc, level, c->en ? "Goals and indicators" : "Mål och indikatorer");
    unsigned char *done = must(calloc(n ? n : 1, 1)), *pick = must(calloc(n ? n : 1, 1));
    if (c->goals) {
        size_t count_order;
        size_t *order = ind_goals_order(c->goals, &count_order);
        for (size_t k = 0; k < count_order; k++) {
            const ind_goal *g = ind_goals_at(c->goals, order[k]);
            if (strcmp(g->unit, unit) != 0 || (g->year && g->year != c->year))
                continue;
            goal_heading(c, g, &c->tally[order[k]], level + 1);
            for (size_t q = 0; q < n; q++) {
                pick[q] = strcmp(rows[q].goal, g->id) == 0;
                done[q] |= pick[q];
            }
            rows_block(c, rows, n, pick);
        }
        free(order);
    }
    size_t rest = 0;
    for (size_t q = 0; q < n; q++) {
        pick[q] = !done[q];
        rest += pick[q];
    }
    if (rest) {
        ind_doc_heading(c->doc, level + 1, c->en ? "Other indicators" : "Övriga indikatorer");
        rows_block(c, rows, n, pick);
    }
    free(pick);
    free(done);
}

/* The unit's indicators compared with the other units that share them. */
static void compare_section(ctx *c, const char *unit, const row_info *rows, size_t n, int level)
{
    const ind_dataset *ds = c->ds;
    ind_doc_heading(c->doc, level, c->en ? "Compared with other units" : "Jämförelse med andra enheter");
    int compared = 0;
    for (size_t q = 0; q < n; q++) {
        const ind_series *se = ind_dataset_series(ds, rows[q].series);
        const ind_cmp_result *cr = compare_cached(c, se->indicator, ind_dataset_period(ds, (size_t)rows[q].obs));
        if (!cr || cr->tested < 3)
            continue;
        ind_doc_heading(c->doc, level + 1, ind_dataset_str(ds, se->indicator));
        figure_compare(c, cr, unit);
        ind_said said = ind_say_compare(cr, ds, unit, c->lang);
        ind_build_said(c->doc, &said, 1);
        compared++;
    }
    if (!compared)
        ind_doc_paragraph(c->doc, c->en ? "No indicator is shared with enough other units to compare."
                                        : "Ingen indikator delas med tillräckligt många andra enheter för en jämförelse.");
}

static void unit_section(ctx *c, const char *unit, int level, int compare)
{
    row_info *rows;
    size_t n = unit_rows(c, unit, &rows);
    summary(c, unit, rows, n, level);
    goals_section(c, unit, rows, n, level);
    /* comparison with other units (in a report of every unit: once, in the overview) */
    if (compare)
        compare_section(c, unit, rows, n, level);
    free(rows);
}

/* ---- every unit: the overview ------------------------------------------------------------ */

/* Indicators that two or more of the units follow: how many meet their own
 * target, and which do not. */
static void overview_table(ctx *c, const char *const *units, size_t nu)
{
    const ind_dataset *ds = c->ds;
    size_t ns = ind_dataset_series_count(ds);
    typedef struct {
        ind_str name;
        size_t units, met, partly, not_met, other;
        char below[600];
    } line;
    line *lines = must(calloc(ns + 1, sizeof *lines));
    size_t nl = 0;
    for (size_t s = 0; s < ns; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (se->gender != IND_GENDER_T)
            continue;
        int in = 0;
        for (size_t u = 0; u < nu && !in; u++)
            in = strcmp(units[u], ind_dataset_str(ds, se->unit)) == 0;
        long i = in ? ind_series_year_obs(ds, s, c->year) : -1;
        if (i < 0)
            continue;
        size_t k = 0;
        while (k < nl && lines[k].name != se->indicator)
            k++;
        if (k == nl)
            lines[nl++].name = se->indicator;
        ind_attainment a;
        ind_attain_obs(ds, (size_t)i, 0, &c->opt->policy, c->lang, &a);
        lines[k].units++;
        if (a.verdict == IND_VERDICT_MET) {
            lines[k].met++;
        } else if (a.verdict == IND_VERDICT_PARTLY || a.verdict == IND_VERDICT_NOT_MET) {
            if (a.verdict == IND_VERDICT_PARTLY)
                lines[k].partly++;
            else
                lines[k].not_met++;
            size_t len = strlen(lines[k].below);
            snprintf(lines[k].below + len, sizeof lines[k].below - len, "%s%s", len ? ", " : "",
                     ind_dataset_str(ds, se->unit));
        } else {
            lines[k].other++;
        }
    }
    static const char *const head_sv[] = {"Indikator", "Enheter", "Helt", "Delvis", "Inte", "Under årsmålet"};
    static const char *const head_en[] = {"Indicator", "Units", "Met", "Partly", "Not met", "Below target"};
    static const char *const keys[] = {"indicator", "units", "met", "partly", "not_met", "below"};
    static const double widths[] = {3.6, 0.8, 0.6, 0.7, 0.6, 3.2};
    ind_doc_column cols[6];
    for (int k = 0; k < 6; k++)
        cols[k] = (ind_doc_column){keys[k], c->en ? head_en[k] : head_sv[k],
                                   k == 0 || k == 5 ? IND_CELL_TEXT : IND_CELL_INTEGER,
                                   k == 0 || k == 5 ? IND_ALIGN_LEFT : IND_ALIGN_RIGHT, widths[k], 1};
    char intro[300];
    snprintf(intro, sizeof intro,
             c->en ? "Indicators that two or more units follow, %d: how many units meet their own target, and which do not."
                   : "Indikatorer som två eller fler enheter följer upp, %d: hur många enheter som når sina egna årsmål, och vilka som inte gör det.",
             c->year);
    ind_doc_paragraph(c->doc, intro);
    ind_doc_table *t = ind_doc_table_new(c->doc, cols, 6, NULL);
    for (size_t k = 0; k < nl; k++) {
        if (lines[k].units < 2)
            continue;
        ind_doc_row(t);
        ind_doc_text(t, ind_dataset_str(ds, lines[k].name));
        ind_doc_integer(t, (long long)lines[k].units);
        ind_doc_integer(t, (long long)lines[k].met);
        ind_doc_integer(t, (long long)lines[k].partly);
        ind_doc_integer(t, (long long)lines[k].not_met);
        ind_doc_text(t, lines[k].below);
    }
    free(lines);
}

/* One comparison per indicator that three or more units share. */
static void overview_compare(ctx *c)
{
    const ind_dataset *ds = c->ds;
    ind_doc_heading(c->doc, 2, c->en ? "Units compared" : "Enheterna jämförda");
    size_t nser = ind_dataset_series_count(ds);
    for (size_t s = 0; s < nser; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (se->gender != IND_GENDER_T)
            continue;
        int seen = 0;
        for (size_t k = 0; k < s && !seen; k++) {
            const ind_series *sk = ind_dataset_series(ds, k);
            seen = sk->gender == IND_GENDER_T && sk->indicator == se->indicator;
        }
        long i = seen ? -1 : ind_series_year_obs(ds, s, c->year);
        if (i < 0)
            continue;
        const ind_cmp_result *cr = compare_cached(c, se->indicator, ind_dataset_period(ds, (size_t)i));
        if (!cr || cr->tested < 3)
            continue;
        ind_doc_heading(c->doc, 3, ind_dataset_str(ds, se->indicator));
        figure_compare(c, cr, NULL);
        ind_said said = ind_say_compare(cr, ds, NULL, c->lang);
        ind_build_said(c->doc, &said, 1);
    }
}

/* ---- methods ------------------------------------------------------------------------------ */

static void methods(ctx *c)
{
    char buf[1600], alpha[32], full[32], not_share[32];
    ind_cell ac = {.kind = IND_CELL_NUMBER, .decimals = 2, .value = c->opt->alpha};
    ind_cell fc = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_SHARE, .decimals = 0, .value = c->opt->rollup.full_share};
    ind_cell nc = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_SHARE, .decimals = 0, .value = c->opt->rollup.not_share};
    ind_cell_show(&ac, c->lang, IND_SHOW_TYPESET, alpha, sizeof alpha);
    ind_cell_show(&fc, c->lang, IND_SHOW_TYPESET, full, sizeof full);
    ind_cell_show(&nc, c->lang, IND_SHOW_TYPESET, not_share, sizeof not_share);
    ind_doc_page_break(c->doc);
    ind_doc_heading(c->doc, 1, c->en ? "Methods" : "Metod");
    ind_doc_paragraph(c->doc, ind_opts_policy_text(c->opt, buf, sizeof buf));
    ind_doc_paragraph(c->doc,
        c->en ? "How outcomes are judged: an outcome meets its target when it reaches it in the direction that is better for the indicator (higher or lower, as the indicator catalogue says), and partly meets it when it falls short by no more than the tolerance above. Targets such as \"öka\" or \"minska\" are compared with the year before; \"max N\", \"min N\" and bands \"T ± b\" likewise. Text targets such as \"Tas fram av nämnd/styrelse\" and the city council's targets for the whole city are not used to judge a unit."
              : "Så bedöms utfallen: ett utfall når årsmålet när det når målet i den riktning som är bättre för indikatorn (högre eller lägre, enligt indikatorkatalogen), och når det delvis när det saknas högst så mycket som toleransen ovan. Mål som \"öka\" och \"minska\" jämförs med året innan; \"max N\", \"min N\" och intervall \"T ± b\" på samma sätt. Textmål som \"Tas fram av nämnd/styrelse\" och KF:s årsmål för hela staden används inte för att bedöma en enhet.");
    snprintf(buf, sizeof buf,
             c->en ? "How goals are judged: a goal is suggested as met when at least %s of its judged indicators meet their targets, as not met when fewer than %s meet them fully or partly, and otherwise as partly met. The indicators of sub-goals count for their goals."
                   : "Så bedöms målen: ett mål föreslås uppfyllas helt när minst %s av dess bedömda indikatorer når sina årsmål, inte när färre än %s når dem helt eller delvis, och annars delvis. Delmålens indikatorer räknas också för målet ovanför.",
             full, not_share);
    ind_doc_paragraph(c->doc, buf);
    snprintf(buf, sizeof buf,
             c->en ? "Development over time: the Mann-Kendall test (with its exact distribution for short series) and Sen's slope per year, at the significance level %s; the forecast against the next target from the linear trend (OLS) with a 95 %% prediction interval. Women and men: the difference women minus men, its development by the same test, and the latest year's difference by a test of two proportions (Fisher's exact test for small counts). Units compared: Pearson's chi-squared test; each unit against the others with Holm-adjusted p-values; Wilson intervals; funnel plots on the arcsine scale (Spiegelhalter 2005), widened by DerSimonian-Laird when the units vary more than chance explains."
                   : "Utveckling över tid: Mann-Kendalls test (med exakt fördelning för korta serier) och Sens lutning per år, på signifikansnivån %s; prognosen mot nästa årsmål från den linjära trenden (OLS) med ett prognosintervall på 95\u00a0%%. Kvinnor och män: skillnaden kvinnor minus män, hur den utvecklas enligt samma test, och det senaste årets skillnad med test av två andelar (Fishers exakta test vid små tal). Jämförelse mellan enheter: Pearsons chi-två-test; varje enhet mot övriga med Holm-justerade p-värden; Wilsonintervall; trattdiagram på arcsinskalan (Spiegelhalter 2005), vidgade enligt DerSimonian-Laird när enheterna varierar mer än slumpen förklarar.",
             alpha);
    ind_doc_paragraph(c->doc, buf);
    ind_build_reference_method(c->doc, c->opt);
    ind_doc_note(c->doc, c->en ? "Formulas and references: docs/methods.md, docs/methods-trend.md and docs/methods-compare.md in indikator's source."
                               : "Formler och referenser: docs/methods.md, docs/methods-trend.md och docs/methods-compare.md i indikators källkod.");
}

/* ---- the document -------------------------------------------------------------------------- */

/* Title block and cover: unit, sources, the last period with data, the maker. */
static ind_doc *new_document(ctx *c, const ind_build_input *in, const char *unit, int all_units)
{
    int en = c->en;
    char title[400], subject[400], date[40], subtitle[200];
    snprintf(title, sizeof title, en ? "Annual report %d: indicators%s%s" : "Verksamhetsberättelse %d: indikatorer%s%s",
             c->year, all_units ? "" : " – ", all_units ? "" : unit);
    snprintf(subject, sizeof subject,
             en ? "Indicator follow-up %d against annual targets" : "Uppföljning av indikatorer %d mot årsmål", c->year);
    snprintf(date, sizeof date, "%d-12-31T00:00:00", c->year);
    snprintf(subtitle, sizeof subtitle, en ? "Annual report %d: indicators" : "Verksamhetsberättelse %d: indikatorer",
             c->year);
    ind_doc_meta meta = {title, subject, all_units ? (en ? "All units" : "Alla enheter") : unit, subtitle,
                         in->creator, date, c->lang};
    ind_doc *doc = ind_doc_new(&meta);
    char line[2000];
    snprintf(line, sizeof line, en ? "Unit: %s" : "Enhet: %s", all_units ? (en ? "all units" : "alla enheter") : unit);
    ind_doc_cover_line(doc, line);
    size_t l = (size_t)snprintf(line, sizeof line, en ? "Data: " : "Underlag: ");
    for (size_t i = 0; i < in->source_count && l < sizeof line; i++)
        l += (size_t)snprintf(line + l, sizeof line - l, "%s%s", i ? ", " : "", ind_build_source(in, i));
    ind_doc_cover_line(doc, line);
    /* the last period this report uses: none after the year's end */
    ind_period last = 0;
    for (size_t i = 0; i < ind_dataset_obs_count(c->ds); i++) {
        ind_period p = ind_dataset_period(c->ds, i);
        if (!isnan(ind_dataset_value(c->ds, i)) && p > last && (!c->end || ind_period_within(p, 0, c->end)))
            last = p;
    }
    char per[32];
    snprintf(line, sizeof line, en ? "Data up to: %s" : "Uppgifter till och med: %s", ind_period_label(last, per, sizeof per));
    ind_doc_cover_line(doc, line);
    snprintf(line, sizeof line, en ? "Made with %s" : "Framtagen med %s", in->creator);
    ind_doc_cover_line(doc, line);
    ind_build_facts(doc, in, c->opt);
    return doc;
}

/* The units of the report: every unit of the data, or the one asked for. */
static size_t report_units(const ind_dataset *ds, const ind_opts *o, int all_units, const char **units)
{
    size_t nu = 0;
    if (!all_units) {
        units[nu++] = o->units[0];
        return nu;
    }
    for (size_t s = 0; s < ind_dataset_series_count(ds); s++) {
        const char *u = ind_dataset_str(ds, ind_dataset_series(ds, s)->unit);
        if (!nu || strcmp(units[nu - 1], u) != 0)
            units[nu++] = u;
    }
    return nu;
}

/* Has any of the units a selected indicator with an outcome row for the year? */
static int anything_to_report(ctx *c, const char *const *units, size_t nu)
{
    for (size_t u = 0; u < nu; u++) {
        row_info *rows;
        size_t n = unit_rows(c, units[u], &rows);
        free(rows);
        if (n)
            return 1;
    }
    return 0;
}

ind_doc *ind_build_vb(const ind_build_input *in, const ind_opts *o, int all_units, ind_error *err)
{
    if (!all_units && o->unit_count != 1) {
        ind_error_set(err, IND_EUSAGE, "", 0, 0, "a report is about one unit, or every unit");
        return NULL;
    }
    ctx c;
    memset(&c, 0, sizeof c);
    c.opt = o;
    c.ds = in->ds;
    c.lang = o->lang;
    c.en = c.lang == IND_LANG_EN;
    c.year = o->year ? o->year : ind_opts_latest_year(in->ds);
    c.end = c.year ? ind_period_make(c.year, IND_PERIOD_MONTH, 12) : IND_PERIOD_NONE;
    c.goals = in->goals;
    size_t ngoals = in->goals ? ind_goals_count(in->goals) : 0;
    c.tally = must(calloc(ngoals + 1, sizeof *c.tally));
    if (in->goals)
        ind_goals_rollup(in->goals, in->ds, &o->policy, &o->rollup, c.year, c.tally, err);
    const char **units = must(calloc(ind_dataset_series_count(in->ds) + 1, sizeof *units));
    size_t nu = report_units(in->ds, o, all_units, units);
    if (!anything_to_report(&c, units, nu)) {
        ind_error_set(err, IND_EINPUT, "", 0, 0,
                      "nothing to report: %s has no outcome for %d%s", all_units ? "no unit" : units[0], c.year,
                      o->indicator_count ? " among the indicators asked for" : "");
        free(units);
        free(c.tally);
        return NULL;
    }
    c.doc = new_document(&c, in, units[0], all_units);
    if (all_units) {
        ind_doc_heading(c.doc, 1, c.en ? "Overview of the units" : "Översikt över enheterna");
        overview_table(&c, units, nu);
        overview_compare(&c);
    }
    for (size_t u = 0; u < nu; u++) {
        if (all_units) {
            ind_doc_page_break(c.doc);
            ind_doc_heading(c.doc, 1, units[u]);
            unit_section(&c, units[u], 2, 0);
        } else {
            unit_section(&c, units[u], 1, 1);
        }
        if (in->progress && nu > 1)
            in->progress(in->progress_user, u + 1, nu, units[u]);
    }
    methods(&c);
    for (size_t i = 0; i < c.ncmp; i++)
        ind_cmp_result_free(&c.cmp[i].res);
    free(c.cmp);
    free(units);
    free(c.tally);
    return c.doc;
}
