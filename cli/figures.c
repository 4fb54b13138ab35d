/* figures.c: chart models from engine results, placed in the VB report. */
#include "figures.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "goals.h"
#include "number.h"
#include "outlook.h"

static const char *trend_arrow(ind_trend_verdict v, int en)
{
    switch (v) {
    case IND_TREND_IMPROVING: return en ? "↗ improving" : "↗ förbättras";
    case IND_TREND_WORSENING: return en ? "↘ worsening" : "↘ försämras";
    case IND_TREND_INCREASING: return en ? "↗ increasing" : "↗ ökar";
    case IND_TREND_DECREASING: return en ? "↘ decreasing" : "↘ minskar";
    case IND_TREND_NO_CLEAR_TREND: return en ? "→ no clear trend" : "→ ingen säker trend";
    default: return en ? "· too few points" : "· för få punkter";
    }
}

static void value_text(const ind_series *s, double v, int en, char *buf, size_t size)
{
    char num[64];
    if (isnan(v)) {
        snprintf(buf, size, "–");
        return;
    }
    int dec = s->info ? s->info->decimals : 1;
    if (en)
        ind_num_format_en(v, dec, 0, num, sizeof num);
    else
        ind_num_format_sv(v, dec, 0, num, sizeof num);
    snprintf(buf, size, "%s%s", num, s->info && s->info->measure == IND_MEASURE_PERCENT ? " %" : "");
}

void cli_fig_trend(ind_report *r, const ind_dataset *ds, size_t series, const cli_opts *opt, int year)
{
    (void)r, (void)ds, (void)series, (void)opt, (void)year; /* drawn once the charts library has its trend chart */
}

void cli_fig_status(ind_report *r, const ind_dataset *ds, const size_t *series_base, size_t n, size_t stride,
                    const cli_opts *opt, int year)
{
    int en = opt->english;
    static const char *const head_sv[] = {"Indikator", "Utfall", "Årsmål", "Bedömning", "Trend"};
    static const char *const head_en[] = {"Indicator", "Outcome", "Target", "Assessment", "Trend"};
    static const double widths[] = {3.8, 1.0, 1.1, 1.8, 1.7};
    static const ind_report_align align[] = {IND_REPORT_LEFT, IND_REPORT_RIGHT, IND_REPORT_RIGHT, IND_REPORT_LEFT,
                                             IND_REPORT_LEFT};
    ind_report_cell *cells = calloc(n * 5 + 1, sizeof *cells);
    char **texts = calloc(n * 4 + 1, sizeof *texts);
    ind_attain_policy policy;
    cli_policy(opt, &policy);
    for (size_t k = 0; k < n; k++) {
        size_t s = *(const size_t *)((const char *)series_base + k * stride);
        const ind_series *se = ind_dataset_series(ds, s);
        long i = ind_series_year_obs(ds, s, year);
        ind_obs o;
        ind_dataset_get(ds, (size_t)i, &o);
        ind_attainment a;
        ind_attain_obs(ds, (size_t)i, 0, &policy, !en, &a);
        ind_outlook_trend tr;
        ind_error err;
        ind_trend_verdict tv = IND_TREND_TOO_FEW_POINTS;
        if (ind_outlook_trend_of(ds, s, 0, 0, opt->alpha, !en, &tr, &err) == IND_OK) {
            tv = tr.verdict;
            ind_outlook_trend_free(&tr);
        }
        char buf[160];
        ind_report_cell *row = &cells[k * 5];
        row[0].text = ind_dataset_str(ds, se->indicator);
        value_text(se, o.value, en, buf, sizeof buf);
        row[1].text = texts[k * 4] = strdup(buf);
        row[2].text = o.target ? ind_dataset_str(ds, o.target) : "–";
        snprintf(buf, sizeof buf, "%s %s", ind_verdict_symbol(a.verdict),
                 en ? ind_verdict_label_en(a.verdict) : ind_verdict_label_sv(a.verdict));
        row[3].text = texts[k * 4 + 1] = strdup(buf);
        row[3].bold = a.verdict <= IND_VERDICT_NOT_MET;
        row[3].colour = a.verdict == IND_VERDICT_MET ? 0x0072B2 + 1 : a.verdict == IND_VERDICT_PARTLY ? 0x9A6A00 + 1
                        : a.verdict == IND_VERDICT_NOT_MET ? 0xC0392B + 1 : 0x5A646E + 1;
        row[4].text = trend_arrow(tv, en);
    }
    ind_report_grid g = {5, n, en ? head_en : head_sv, widths, align, cells};
    ind_report_table(r, &g);
    for (size_t k = 0; k < n * 4; k++)
        free(texts[k]);
    free(texts);
    free(cells);
}

void cli_fig_compare(ind_report *r, const ind_dataset *ds, const ind_cmp_result *cr, const char *unit,
                     const cli_opts *opt)
{
    (void)r, (void)ds, (void)cr, (void)unit, (void)opt; /* drawn once the charts library has its comparison chart */
}

void cli_fig_overview(ind_report *r, const ind_dataset *ds, const char *const *units, size_t nu, const cli_opts *opt,
                      int year, const ind_attain_policy *policy)
{
    int en = opt->english;
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
        ind_attain_obs(ds, (size_t)i, 0, policy, !en, &a);
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
