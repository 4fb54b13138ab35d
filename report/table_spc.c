/* table_spc.c: one series' run or control chart as a table: the points, the signals and a summary, in words people read. */
#include "build_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "figures.h"

/* ---- the chart ----------------------------------------------------------------------------- */

static ind_status chart_options(const ind_opts *o, ind_spc_type *type, unsigned *rules, const char **rules_name,
                                ind_error *err)
{
    *type = IND_SPC_RUN;
    if (o->spc_chart) {
        if (!strcasecmp(o->spc_chart, "run")) *type = IND_SPC_RUN;
        else if (!strcasecmp(o->spc_chart, "i")) *type = IND_SPC_I;
        else if (!strcasecmp(o->spc_chart, "p")) *type = IND_SPC_P;
        else if (!strcasecmp(o->spc_chart, "u")) *type = IND_SPC_U;
        else return ind_error_set(err, IND_EUSAGE, "", 0, 0, "--chart: \"%s\" is not run, i, p or u", o->spc_chart);
    }
    *rules = IND_SPC_RULES_ANHOJ;
    *rules_name = "anhoej";
    if (o->rules) {
        if (!strcasecmp(o->rules, "anhoej") || !strcasecmp(o->rules, "anhoj") || !strcasecmp(o->rules, "anhøj"))
            *rules = IND_SPC_RULES_ANHOJ, *rules_name = "anhoej";
        else if (!strcasecmp(o->rules, "nhs"))
            *rules = IND_SPC_RULES_NHS, *rules_name = "nhs";
        else if (!strcasecmp(o->rules, "ihi"))
            *rules = IND_SPC_RULES_IHI, *rules_name = "ihi";
        else
            return ind_error_set(err, IND_EUSAGE, "", 0, 0, "--rules: \"%s\" is not anhoej, nhs or ihi", o->rules);
    }
    if (*rules == IND_SPC_RULES_NHS && *type == IND_SPC_RUN)
        return ind_error_set(err, IND_EUSAGE, "", 0, 0, "the NHS rules need control limits: give --chart i, p or u");
    return IND_OK;
}

/* The values charted: the outcomes, or numerator and denominator for a p or u chart. */
static ind_status chart_values(const ind_dataset *ds, ind_spc_run *run, ind_error *err)
{
    size_t n = run->pts.n;
    run->y = ind_build_must(malloc((n ? n : 1) * sizeof *run->y));
    run->den = ind_build_must(malloc((n ? n : 1) * sizeof *run->den));
    for (size_t i = 0; i < n; i++) {
        run->y[i] = run->pts.y[i];
        run->den[i] = NAN;
        if (run->type != IND_SPC_P && run->type != IND_SPC_U)
            continue;
        long j = ind_dataset_find_obs(ds, run->series, run->pts.period[i]);
        ind_obs ob;
        ind_dataset_get(ds, (size_t)j, &ob);
        if (isnan(ob.numerator) || isnan(ob.denominator)) {
            char per[32];
            return ind_error_set(err, IND_EINPUT, "", 0, 0,
                                 "a %s chart needs numerator and denominator for every point; %s has none",
                                 run->type == IND_SPC_P ? "p" : "u", ind_period_format(run->pts.period[i], per, sizeof per));
        }
        run->y[i] = ob.numerator;
        run->den[i] = ob.denominator;
    }
    return IND_OK;
}

ind_status ind_spc_run_make(const ind_dataset *ds, const ind_opts *o, ind_spc_run *run, ind_error *err)
{
    memset(run, 0, sizeof *run);
    run->target = NAN;
    if (o->unit_count != 1 || o->indicator_count != 1)
        return ind_error_set(err, IND_EUSAGE, "", 0, 0, "spc needs exactly one --unit and one --indicator");
    ind_status st = chart_options(o, &run->type, &run->rules, &run->rules_name, err);
    if (st != IND_OK)
        return st;
    ind_gender g = o->gender_given ? o->gender : IND_GENDER_T;
    long series = -1;
    for (size_t s = 0; s < ind_dataset_series_count(ds) && series < 0; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (se->gender == g && ind_opts_names(o, ds, se))
            series = (long)s;
    }
    if (series < 0)
        return ind_error_set(err, IND_EINPUT, "", 0, 0, "no series for %s, %s, gender %s", o->units[0], o->indicators[0],
                             ind_gender_code(g));
    run->series = (size_t)series;
    const ind_series *se = ind_dataset_series(ds, run->series);
    if ((st = ind_outlook_points_get(ds, run->series, o->from, o->to, &run->pts, err)) != IND_OK ||
        (st = chart_values(ds, run, err)) != IND_OK)
        return st;
    size_t n = run->pts.n;
    if (ind_spc_chart_compute(run->type, run->y, run->den, n, run->rules, &run->chart) != IND_OK)
        return ind_error_set(err, IND_EINPUT, "", 0, 0, "cannot draw a %s chart of %zu points for this series",
                             run->type == IND_SPC_RUN ? "run" : run->type == IND_SPC_I ? "I" : run->type == IND_SPC_P ? "p" : "u",
                             n);
    run->have_chart = 1;
    /* the årsmål of the latest period with one, for the assurance */
    for (size_t i = se->first; i < se->first + se->count; i++) {
        ind_obs ob;
        ind_dataset_get(ds, i, &ob);
        ind_target t = ind_dataset_target(ds, ob.target);
        if (t.kind == IND_TARGET_VALUE || t.kind == IND_TARGET_MAX || t.kind == IND_TARGET_MIN)
            run->target = t.value;
    }
    int percent = se->info && se->info->measure == IND_MEASURE_PERCENT;
    run->scale = (run->type == IND_SPC_P && percent) ? 100.0 : 1.0;
    return IND_OK;
}

void ind_spc_run_free(ind_spc_run *run)
{
    if (run->have_chart)
        ind_spc_chart_free(&run->chart);
    free(run->y);
    free(run->den);
    ind_outlook_points_free(&run->pts);
    memset(run, 0, sizeof *run);
}

/* ---- the table ------------------------------------------------------------------------------ */

static const ind_colspec spc_columns[] = {
    {"row", "Rad", "Row", IND_CELL_TEXT, 1},
    {"period", "Period", "Period", IND_CELL_TEXT, 1},
    {"value", "Värde", "Value", IND_CELL_NUMBER, 1},
    {"denominator", "n", "n", IND_CELL_NUMBER, 3},
    {"centre", "Mittlinje", "Centre", IND_CELL_NUMBER, 2},
    {"lcl", "Nedre gräns", "Lower limit", IND_CELL_NUMBER, 1},
    {"ucl", "Övre gräns", "Upper limit", IND_CELL_NUMBER, 1},
    {"rule", "Regel", "Rule", IND_CELL_TEXT, 1},
    {"last_period", "Till", "To", IND_CELL_TEXT, 2},
    {"side", "Sida", "Side", IND_CELL_TEXT, 0},
    {"limits", "Gränser", "Limits", IND_CELL_TEXT, 0},
    {"mr_bar", "MR medel", "MR mean", IND_CELL_NUMBER, 0},
    {"mr_excluded", "MR uteslutna", "MR left out", IND_CELL_INTEGER, 0},
    {"useful_points", "Användbara punkter", "Useful points", IND_CELL_INTEGER, 0},
    {"longest_run", "Längsta serie", "Longest run", IND_CELL_INTEGER, 0},
    {"longest_run_max", "Längsta serie, gräns", "Longest run limit", IND_CELL_INTEGER, 0},
    {"crossings", "Korsningar", "Crossings", IND_CELL_INTEGER, 0},
    {"crossings_min", "Korsningar, gräns", "Crossings limit", IND_CELL_INTEGER, 0},
};
#define SPC_FIGURES 8

static const char *assurance_label(ind_spc_assurance a, int en)
{
    switch (a) {
    case IND_SPC_CONSISTENTLY_MET: return en ? "the target is met consistently" : "årsmålet nås stadigt";
    case IND_SPC_CONSISTENTLY_MISSED: return en ? "the target is missed consistently" : "årsmålet missas stadigt";
    case IND_SPC_HIT_AND_MISS: return en ? "the target is met some periods and missed others" : "årsmålet nås vissa perioder och missas andra";
    default: return "";
    }
}

static const char *side_label(ind_spc_side side, int en)
{
    const char *code = ind_spc_side_name(side);
    if (!strcmp(code, "above")) return en ? "above" : "över";
    if (!strcmp(code, "below")) return en ? "below" : "under";
    if (!strcmp(code, "up")) return en ? "rising" : "stigande";
    if (!strcmp(code, "down")) return en ? "falling" : "fallande";
    return code;
}

/* The summary's figures of the limits and the Anhøj analysis (null where they do not apply). */
static void figures(ind_doc_table *t, const ind_spc_chart *chart)
{
    int i = chart->type == IND_SPC_I, a = (chart->rules & IND_SPC_RULES_ANHOJ) != 0;
    ind_doc_text(t, ind_spc_limits_name(chart->limits));
    ind_doc_number(t, i ? chart->mr_bar : NAN, 3, IND_UNIT_NONE);
    if (i)
        ind_doc_integer(t, (long long)chart->mr_excluded);
    else
        ind_doc_null(t);
    const size_t v[] = {chart->anhoj.n_useful, chart->anhoj.longest_run, chart->anhoj.longest_run_max,
                        chart->anhoj.crossings, chart->anhoj.crossings_min};
    for (int k = 0; k < 5; k++) {
        if (a)
            ind_doc_integer(t, (long long)v[k]);
        else
            ind_doc_null(t);
    }
}

static void nulls(ind_doc_table *t, int k)
{
    while (k-- > 0)
        ind_doc_null(t);
}

static void point_rows(ind_doc_table *t, const ind_spc_run *run, int dec, int en)
{
    const ind_spc_chart *chart = &run->chart;
    char per[32], codes[256], words[512];
    for (size_t i = 0; i < run->pts.n; i++) {
        ind_doc_row(t);
        ind_doc_code(t, "point", en ? "point" : "punkt");
        ind_doc_text(t, ind_period_format(run->pts.period[i], per, sizeof per));
        ind_doc_number(t, chart->value[i] * run->scale, dec, IND_UNIT_NONE);
        ind_doc_number(t, run->den[i], 0, IND_UNIT_NONE);
        ind_doc_number(t, chart->centre[i] * run->scale, dec, IND_UNIT_NONE);
        ind_doc_number(t, chart->lcl[i] * run->scale, dec, IND_UNIT_NONE);
        ind_doc_number(t, chart->ucl[i] * run->scale, dec, IND_UNIT_NONE);
        codes[0] = words[0] = '\0';
        for (size_t k = 0; k < chart->n_signals; k++)
            if (chart->signals[k].first <= i && i <= chart->signals[k].last) {
                size_t lc = strlen(codes), lw = strlen(words);
                snprintf(codes + lc, sizeof codes - lc, "%s%s", lc ? " " : "", ind_spc_rule_name(chart->signals[k].rule));
                snprintf(words + lw, sizeof words - lw, "%s%s", lw ? "; " : "",
                         ind_fig_spc_rule_label(chart->signals[k].rule, en ? IND_LANG_EN : IND_LANG_SV));
            }
        ind_doc_code(t, codes, words);
        ind_doc_text(t, "");
        ind_doc_text(t, "");
        ind_doc_text(t, "");
        nulls(t, SPC_FIGURES - 1);
    }
}

static void signal_rows(ind_doc_table *t, const ind_spc_run *run, int en)
{
    const ind_spc_chart *chart = &run->chart;
    char per[32];
    for (size_t k = 0; k < chart->n_signals; k++) {
        const ind_spc_signal *sg = &chart->signals[k];
        ind_doc_row(t);
        ind_doc_code(t, "signal", "signal");
        ind_doc_text(t, ind_period_format(run->pts.period[sg->first], per, sizeof per));
        nulls(t, 5);
        ind_doc_code(t, ind_spc_rule_name(sg->rule), ind_fig_spc_rule_label(sg->rule, en ? IND_LANG_EN : IND_LANG_SV));
        ind_doc_text(t, ind_period_format(run->pts.period[sg->last], per, sizeof per));
        ind_doc_code(t, ind_spc_side_name(sg->side), side_label(sg->side, en));
        ind_doc_text(t, "");
        nulls(t, SPC_FIGURES - 1);
    }
}

static void summary_row(ind_doc_table *t, const ind_spc_run *run, ind_spc_assurance assurance, int dec, int en)
{
    char code[64], label[64];
    ind_doc_row(t);
    ind_doc_code(t, "summary", en ? "summary" : "sammanfattning");
    ind_doc_text(t, "");
    ind_doc_number(t, run->target, dec, IND_UNIT_NONE);
    ind_doc_null(t);
    ind_doc_number(t, run->chart.centre_line * run->scale, dec, IND_UNIT_NONE);
    nulls(t, 2);
    snprintf(code, sizeof code, "rules=%s", run->rules_name);
    snprintf(label, sizeof label, en ? "rules: %s" : "regler: %s",
             !strcmp(run->rules_name, "anhoej") ? "Anhøj" : !strcmp(run->rules_name, "nhs") ? "NHS" : "IHI");
    ind_doc_code(t, code, label);
    ind_doc_code(t, ind_spc_assurance_name(assurance), assurance_label(assurance, en));
    if (run->chart.flags & IND_SPC_F_FEW_POINTS)
        ind_doc_code(t, "few-points", en ? "few points" : "få punkter");
    else
        ind_doc_text(t, "");
    figures(t, &run->chart);
}

/* What the chart's figures say, as notes under the table. */
static void notes(ind_doc *doc, const ind_spc_run *run, ind_spc_assurance assurance, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    const ind_spc_chart *c = &run->chart;
    char buf[600];
    if (c->flags & IND_SPC_F_FEW_POINTS)
        ind_doc_note(doc, en ? "Fewer than 12 points: the rules are weak on short series."
                             : "Färre än 12 punkter: reglerna är svaga på korta serier.");
    if (c->limits == IND_SPC_LIMITS_SCREENED) {
        snprintf(buf, sizeof buf,
                 en ? "Limits as qicharts2 computes them: the mean ± 3σ, σ = MR̄/1.128, moving ranges of 3.267·MR̄ or more left out (%zu of %zu)."
                    : "Gränser som qicharts2 räknar dem: medelvärdet ± 3σ, σ = MR̄/1,128, glidande variationsvidder på minst 3,267·MR̄ uteslutna (%zu av %zu).",
                 c->mr_excluded, run->pts.n ? run->pts.n - 1 : 0);
        ind_doc_note(doc, buf);
    } else if (c->limits == IND_SPC_LIMITS_NHS) {
        ind_doc_note(doc, en ? "Limits as NHS Making Data Count: the mean ± 2.66·MR̄ over every moving range."
                             : "Gränser som i NHS Making Data Count: medelvärdet ± 2,66·MR̄ över alla glidande variationsvidder.");
    }
    if (run->rules & IND_SPC_RULES_ANHOJ) {
        snprintf(buf, sizeof buf,
                 en ? "Anhøj: the longest run is %zu points (a signal above %zu), the line is crossed %zu times (a signal below %zu), %zu useful points."
                    : "Anhøj: den längsta serien är %zu punkter (signal över %zu), linjen korsas %zu gånger (signal under %zu), %zu användbara punkter.",
                 c->anhoj.longest_run, c->anhoj.longest_run_max, c->anhoj.crossings, c->anhoj.crossings_min,
                 c->anhoj.n_useful);
        ind_doc_note(doc, buf);
    }
    if (assurance != IND_SPC_ASSURANCE_NONE) {
        snprintf(buf, sizeof buf, en ? "Against the target: %s." : "Mot årsmålet: %s.", assurance_label(assurance, en));
        ind_doc_note(doc, buf);
    }
}

ind_doc *ind_build_spc(const ind_build_input *in, const ind_opts *o, const ind_spc_run *run)
{
    const ind_dataset *ds = in->ds;
    const ind_series *se = ind_dataset_series(ds, run->series);
    int en = o->lang == IND_LANG_EN, dec = ind_opts_decimals(se);
    ind_direction dir = se->info ? se->info->direction : IND_DIR_UNKNOWN;
    ind_spc_assurance assurance = ind_spc_assure(&run->chart, isnan(run->target) ? NAN : run->target / run->scale, dir);
    ind_doc *doc = ind_build_table_doc(in, o, "Styrdiagram", "Control chart");
    ind_doc_table *t = ind_build_table(doc, spc_columns, sizeof spc_columns / sizeof spc_columns[0], NULL);
    point_rows(t, run, dec, en);
    signal_rows(t, run, en);
    summary_row(t, run, assurance, dec, en);
    char title[1200];
    const char *kind = run->type == IND_SPC_RUN ? (en ? "run chart" : "seriediagram")
                       : run->type == IND_SPC_I ? (en ? "I chart" : "I-diagram")
                       : run->type == IND_SPC_P ? (en ? "p chart" : "p-diagram")
                                                : (en ? "u chart" : "u-diagram");
    snprintf(title, sizeof title, en ? "%s, %s, %s: %s of %zu points, %zu signal(s)" : "%s, %s, %s: %s med %zu punkter, %zu signal(er)",
             ind_dataset_str(ds, se->unit), ind_dataset_str(ds, se->indicator), ind_gender_code(se->gender), kind, run->pts.n,
             run->chart.n_signals);
    ind_doc_table_set_caption(doc, t, title);
    notes(doc, run, assurance, o->lang);
    return doc;
}
