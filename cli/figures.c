/* figures.c: chart models from engine results, placed in the VB report. */
#include "figures.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "goals.h"
#include "number.h"
#include "outlook.h"
#include "chartmodel.h"

/* A chart placed in the report: the model and which kind it is. */
typedef struct {
    int kind; /* 0 trend, 1 status, 2 compare, 3 funnel */
    void *model;
    ind_dataset *own; /* a dataset the model points into, freed after it (or NULL) */
    ind_chart_options o;
    char caption[300];
} figure;

static void figure_draw(cairo_t *cr, double x, double y, double w, double h, void *ctx)
{
    figure *f = ctx;
    switch (f->kind) {
    case 0: ind_chart_draw(cr, x, y, w, h, IND_CHART_TREND, cli_trend_model_chart(f->model), &f->o, NULL, NULL); break;
    case 1: ind_chart_draw(cr, x, y, w, h, IND_CHART_STATUS, cli_status_model_chart(f->model), &f->o, NULL, NULL); break;
    case 2: ind_chart_draw(cr, x, y, w, h, IND_CHART_COMPARE, cli_compare_model_chart(f->model), &f->o, NULL, NULL); break;
    case 3: ind_chart_draw(cr, x, y, w, h, IND_CHART_FUNNEL, cli_funnel_model_chart(f->model), &f->o, NULL, NULL); break;
    }
}

static void figure_free(void *ctx)
{
    figure *f = ctx;
    switch (f->kind) {
    case 0: cli_trend_model_free(f->model); break;
    case 1: cli_status_model_free(f->model); break;
    case 2: cli_compare_model_free(f->model); break;
    case 3: cli_funnel_model_free(f->model); break;
    }
    ind_dataset_free(f->own);
    free(f);
}

static figure *figure_new(int kind, void *model, const cli_opts *opt, const char *caption)
{
    figure *f = calloc(1, sizeof *f);
    if (!f) {
        fprintf(stderr, "indikator: out of memory\n");
        exit(4);
    }
    f->kind = kind;
    f->model = model;
    ind_chart_options_init(&f->o);
    f->o.lang = opt->lang;
    snprintf(f->caption, sizeof f->caption, "%s", caption ? caption : "");
    f->o.caption = caption ? f->caption : NULL;
    f->o.title = kind == 1 ? "" : NULL; /* the report's heading names the unit */
    return f;
}

static ind_str copy_str(ind_strtab *tab, const ind_dataset *ds, ind_str id)
{
    if (!id)
        return 0;
    const char *s = ind_dataset_str(ds, id);
    return ind_strtab_intern(tab, s, strlen(s));
}

/* The series of `series`'s unit and indicator in every gender, with the
 * observations up to `to` only, as a dataset of their own; *total gets the
 * total's series in it. NULL when nothing is left. */
static ind_dataset *series_until(const ind_dataset *ds, size_t series, ind_period to, size_t *total)
{
    const ind_series *s0 = ind_dataset_series(ds, series);
    const char *unit = ind_dataset_str(ds, s0->unit), *name = ind_dataset_str(ds, s0->indicator);
    ind_dataset *sub = ind_dataset_new(ind_dataset_catalog(ds));
    if (!sub)
        return NULL;
    ind_strtab *tab = ind_dataset_strings(sub);
    ind_error err;
    size_t added = 0;
    for (int g = 0; g < IND_GENDER_COUNT; g++) {
        long sg = ind_dataset_find_series(ds, unit, name, (ind_gender)g);
        if (sg < 0)
            continue;
        const ind_series *s = ind_dataset_series(ds, (size_t)sg);
        for (size_t i = s->first; i < s->first + s->count; i++) {
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            if (!ind_period_within(o.period, 0, to))
                continue;
            o.target = copy_str(tab, ds, o.target);
            o.kf_target = copy_str(tab, ds, o.kf_target);
            o.goal = copy_str(tab, ds, o.goal);
            o.note = copy_str(tab, ds, o.note);
            o.source = copy_str(tab, ds, o.source);
            o.file = copy_str(tab, ds, o.file);
            if (ind_dataset_add(sub, unit, name, (ind_gender)g, &o, &err) != IND_OK)
                goto fail;
            added++;
        }
    }
    if (!added || ind_dataset_finish(sub, &err) != IND_OK)
        goto fail;
    long t = ind_dataset_find_series(sub, unit, name, s0->gender);
    if (t < 0)
        goto fail;
    *total = (size_t)t;
    return sub;
fail:
    ind_dataset_free(sub);
    return NULL;
}

void cli_fig_trend(ind_report *r, const ind_dataset *ds, size_t series, const cli_opts *opt, int year)
{
    /* a VB for the year shows the years up to it: no later outcome, and no
     * axis running on into next year for its årsmål alone */
    ind_dataset *sub = NULL;
    if (year) {
        size_t s = 0;
        sub = series_until(ds, series, ind_period_make(year, IND_PERIOD_MONTH, 12), &s);
        if (!sub)
            return;
        ds = sub;
        series = s;
    }
    cli_trend_model *m = cli_trend_model_new(ds, series, 0, 0, 1, 0, opt->alpha);
    if (!m) {
        ind_dataset_free(sub);
        return;
    }
    figure *f = figure_new(0, m, opt, NULL);
    f->own = sub;
    f->o.title = ""; /* the heading above names the indicator */
    ind_report_figure(r, 215, figure_draw, f, figure_free);
}

void cli_fig_status(ind_report *r, const ind_dataset *ds, const size_t *series_base, size_t n, size_t stride,
                    const cli_opts *opt, int year)
{
    (void)series_base, (void)stride;
    if (!n)
        return;
    ind_attain_policy policy;
    cli_policy(opt, &policy);
    const ind_series *first = ind_dataset_series(ds, *series_base);
    cli_status_model *m = cli_status_model_new(ds, ind_dataset_str(ds, first->unit), year, &policy, opt->alpha,
                                               (opt->lang == IND_LANG_EN));
    if (!cli_status_model_rows(m)) {
        cli_status_model_free(m);
        return;
    }
    figure *f = figure_new(1, m, opt, NULL);
    double h = ind_chart_height(IND_CHART_STATUS, cli_status_model_chart(m), &f->o, IND_REPORT_TEXT_W);
    ind_report_figure(r, h, figure_draw, f, figure_free);
}

void cli_fig_compare(ind_report *r, const ind_dataset *ds, const ind_cmp_result *cr, const char *unit,
                     const cli_opts *opt)
{
    cli_compare_model *m = cli_compare_model_new(ds, cr, unit);
    figure *f = figure_new(2, m, opt, NULL);
    f->o.title = "";
    double h = ind_chart_height(IND_CHART_COMPARE, cli_compare_model_chart(m), &f->o, IND_REPORT_TEXT_W);
    ind_report_figure(r, h, figure_draw, f, figure_free);
    if (cr->have_funnel && cr->tested >= 5) {
        cli_funnel_model *fm = cli_funnel_model_new(ds, cr, unit);
        if (fm) {
            figure *g = figure_new(3, fm, opt, NULL);
            g->o.title = "";
            ind_report_figure(r, 230, figure_draw, g, figure_free);
        }
    }
}

void cli_fig_overview(ind_report *r, const ind_dataset *ds, const char *const *units, size_t nu, const cli_opts *opt,
                      int year, const ind_attain_policy *policy)
{
    ind_lang lang = opt->lang;
    int en = lang == IND_LANG_EN;
    /* every indicator with a total series in two or more of the units */
    size_t ns = ind_dataset_series_count(ds);
    typedef struct {
        ind_str name;
        size_t units, met, partly, not_met, other;
        char below[600];
    } line;
    line *lines = calloc(ns + 1, sizeof *lines);
    size_t nl = 0;
    for (size_t s = 0; s < ns; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (se->gender != IND_GENDER_T)
            continue;
        int in = 0;
        for (size_t u = 0; u < nu && !in; u++)
            in = strcmp(units[u], ind_dataset_str(ds, se->unit)) == 0;
        long i = in ? ind_series_year_obs(ds, s, year) : -1;
        if (i < 0)
            continue;
        size_t k = 0;
        while (k < nl && lines[k].name != se->indicator)
            k++;
        if (k == nl) {
            lines[nl].name = se->indicator;
            nl++;
        }
        ind_attainment a;
        ind_attain_obs(ds, (size_t)i, 0, policy, lang, &a);
        lines[k].units++;
        if (a.verdict == IND_VERDICT_MET)
            lines[k].met++;
        else if (a.verdict == IND_VERDICT_PARTLY || a.verdict == IND_VERDICT_NOT_MET) {
            if (a.verdict == IND_VERDICT_PARTLY)
                lines[k].partly++;
            else
                lines[k].not_met++;
            size_t len = strlen(lines[k].below);
            snprintf(lines[k].below + len, sizeof lines[k].below - len, "%s%s", len ? ", " : "",
                     ind_dataset_str(ds, se->unit));
        } else
            lines[k].other++;
    }
    static const char *const head_sv[] = {"Indikator", "Enheter", "Helt", "Delvis", "Inte", "Under årsmålet"};
    static const char *const head_en[] = {"Indicator", "Units", "Met", "Partly", "Not met", "Below target"};
    static const double widths[] = {3.6, 0.8, 0.6, 0.7, 0.6, 3.2};
    static const ind_report_align align[] = {IND_REPORT_LEFT, IND_REPORT_RIGHT, IND_REPORT_RIGHT, IND_REPORT_RIGHT,
                                             IND_REPORT_RIGHT, IND_REPORT_LEFT};
    ind_report_cell *cells = calloc(nl * 6 + 1, sizeof *cells);
    char (*nums)[4][16] = calloc(nl + 1, sizeof *nums);
    size_t rows = 0;
    for (size_t k = 0; k < nl; k++) {
        if (lines[k].units < 2)
            continue;
        ind_report_cell *row = &cells[rows * 6];
        row[0].text = ind_dataset_str(ds, lines[k].name);
        snprintf(nums[rows][0], 16, "%zu", lines[k].units);
        snprintf(nums[rows][1], 16, "%zu", lines[k].met);
        snprintf(nums[rows][2], 16, "%zu", lines[k].partly);
        snprintf(nums[rows][3], 16, "%zu", lines[k].not_met);
        for (int q = 0; q < 4; q++)
            row[1 + q].text = nums[rows][q];
        row[5].text = lines[k].below;
        rows++;
    }
    char intro[300];
    snprintf(intro, sizeof intro,
             en ? "Indicators that two or more units follow, %d: how many units meet their own target, and which do not."
                : "Indikatorer som två eller fler enheter följer upp, %d: hur många enheter som når sina egna årsmål, och vilka som inte gör det.",
             year);
    ind_report_paragraph(r, intro, 0);
    ind_report_grid g = {6, rows, en ? head_en : head_sv, widths, align, cells};
    ind_report_table(r, &g);
    free(nums);
    free(cells);
    free(lines);
}
