/* cmd_spc.c: `indikator spc`: a run or control chart of one series, its signals and the NHS assurance. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "outlook.h"
#include "spc.h"

int cli_spc_prepare(const cli_opts *opt, const ind_dataset *ds, cli_spc_run *run)
{
    memset(run, 0, sizeof *run);
    run->target = NAN;
    if (opt->unit_count != 1 || opt->indicator_count != 1)
        return cli_error(1, "spc needs exactly one --unit and one --indicator");
    ind_spc_type type = IND_SPC_RUN;
    if (opt->chart_kind) {
        if (!strcasecmp(opt->chart_kind, "run")) type = IND_SPC_RUN;
        else if (!strcasecmp(opt->chart_kind, "i")) type = IND_SPC_I;
        else if (!strcasecmp(opt->chart_kind, "p")) type = IND_SPC_P;
        else if (!strcasecmp(opt->chart_kind, "u")) type = IND_SPC_U;
        else return cli_error(1, "--chart: \"%s\" is not run, i, p or u", opt->chart_kind);
    }
    unsigned rules = IND_SPC_RULES_ANHOJ;
    const char *rules_name = "anhoej";
    if (opt->rules) {
        if (!strcasecmp(opt->rules, "anhoej") || !strcasecmp(opt->rules, "anhoj") || !strcasecmp(opt->rules, "anhøj"))
            rules = IND_SPC_RULES_ANHOJ, rules_name = "anhoej";
        else if (!strcasecmp(opt->rules, "nhs"))
            rules = IND_SPC_RULES_NHS, rules_name = "nhs";
        else if (!strcasecmp(opt->rules, "ihi"))
            rules = IND_SPC_RULES_IHI, rules_name = "ihi";
        else
            return cli_error(1, "--rules: \"%s\" is not anhoej, nhs or ihi", opt->rules);
    }
    if (rules == IND_SPC_RULES_NHS && type == IND_SPC_RUN)
        return cli_error(1, "the NHS rules need control limits: give --chart i, p or u");
    ind_gender g = IND_GENDER_T;
    if (opt->gender && ind_gender_parse(opt->gender, strlen(opt->gender), &g) != 0)
        return cli_error(1, "spc takes one gender: T, K, M or X");
    long series = -1;
    for (size_t s = 0; s < ind_dataset_series_count(ds) && series < 0; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        cli_opts one = *opt;
        one.gender = NULL;
        if (se->gender == g && cli_series_selected(&one, ds, se, 1))
            series = (long)s;
    }
    if (series < 0)
        return cli_error(2, "no series for %s, %s, gender %s", opt->units[0], opt->indicators[0], ind_gender_code(g));
    const ind_series *se = ind_dataset_series(ds, (size_t)series);
    ind_period from = 0, to = 0;
    if (opt->from) ind_period_parse(opt->from, strlen(opt->from), &from, NULL);
    if (opt->to) ind_period_parse(opt->to, strlen(opt->to), &to, NULL);
    ind_error err;
    ind_error_clear(&err);
    if (ind_outlook_points_get(ds, (size_t)series, from, to, &run->pts, &err) != IND_OK)
        return cli_fail(&err);
    size_t n = run->pts.n;
    run->y = malloc((n ? n : 1) * sizeof *run->y);
    run->den = malloc((n ? n : 1) * sizeof *run->den);
    int percent = se->info && se->info->measure == IND_MEASURE_PERCENT;
    for (size_t i = 0; i < n; i++) {
        run->y[i] = run->pts.y[i];
        run->den[i] = NAN;
        if (type == IND_SPC_P || type == IND_SPC_U) {
            long j = ind_dataset_find_obs(ds, (size_t)series, run->pts.period[i]);
            ind_obs o;
            ind_dataset_get(ds, (size_t)j, &o);
            if (isnan(o.numerator) || isnan(o.denominator)) {
                char per[32];
                return cli_error(2, "a %s chart needs numerator and denominator for every point; %s has none",
                                 type == IND_SPC_P ? "p" : "u", ind_period_format(run->pts.period[i], per, sizeof per));
            }
            run->y[i] = o.numerator;
            run->den[i] = o.denominator;
        }
    }
    ind_status st = ind_spc_chart_compute(type, run->y, run->den, n, rules, &run->chart);
    if (st != IND_OK)
        return cli_error(st == IND_EUSAGE ? 1 : 2, "cannot draw a %s chart of %zu points for this series",
                         type == IND_SPC_RUN ? "run" : type == IND_SPC_I ? "I" : type == IND_SPC_P ? "p" : "u", n);
    run->have_chart = 1;
    /* the årsmål of the latest period with one, for the assurance */
    for (size_t i = se->first; i < se->first + se->count; i++) {
        ind_obs o;
        ind_dataset_get(ds, i, &o);
        ind_target t = ind_dataset_target(ds, o.target);
        if (t.kind == IND_TARGET_VALUE || t.kind == IND_TARGET_MAX || t.kind == IND_TARGET_MIN)
            run->target = t.value;
    }
    run->series = (size_t)series;
    run->type = type;
    run->rules = rules;
    run->rules_name = rules_name;
    run->scale = (type == IND_SPC_P && percent) ? 100.0 : 1.0;
    return 0;
}

void cli_spc_run_free(cli_spc_run *run)
{
    if (run->have_chart)
        ind_spc_chart_free(&run->chart);
    free(run->y);
    free(run->den);
    ind_outlook_points_free(&run->pts);
    memset(run, 0, sizeof *run);
}

/* The summary's figures of the limits and the Anhøj analysis (null where they do not apply):
 * machine columns only, the terminal says them in a sentence. */
#define SPC_FIGURES 8
static void out_figures(out_table *t, const ind_spc_chart *chart)
{
    int i = chart->type == IND_SPC_I, a = (chart->rules & IND_SPC_RULES_ANHOJ) != 0;
    out_text(t, ind_spc_limits_name(chart->limits));
    out_number(t, i ? chart->mr_bar : NAN, 3);
    if (i)
        out_integer(t, (long long)chart->mr_excluded);
    else
        out_null(t);
    const size_t v[] = {chart->anhoj.n_useful, chart->anhoj.longest_run, chart->anhoj.longest_run_max,
                        chart->anhoj.crossings, chart->anhoj.crossings_min};
    for (int k = 0; k < 5; k++) {
        if (a)
            out_integer(t, (long long)v[k]);
        else
            out_null(t);
    }
}

static void out_nulls(out_table *t, int k)
{
    while (k-- > 0)
        out_null(t);
}

int cmd_spc(cli_opts *opt)
{
    cli_data data;
    int rc = cli_load(opt, &data);
    if (rc) {
        cli_data_free(&data);
        return rc;
    }
    const ind_dataset *ds = data.ds;
    cli_spc_run run;
    if ((rc = cli_spc_prepare(opt, ds, &run)) != 0) {
        cli_spc_run_free(&run);
        cli_data_free(&data);
        return rc;
    }
    const ind_series *se = ind_dataset_series(ds, run.series);
    ind_spc_chart chart = run.chart;
    ind_spc_type type = run.type;
    unsigned rules = run.rules;
    const char *rules_name = run.rules_name;
    double target = run.target;
    double *den = run.den;
    size_t n = run.pts.n;
    ind_outlook_points pts = run.pts;
    double scale = run.scale;
    ind_direction dir = se->info ? se->info->direction : IND_DIR_UNKNOWN;
    ind_spc_assurance assurance = ind_spc_assure(&chart, isnan(target) ? NAN : target / scale, dir);
    int dec = cli_decimals(se);
    ind_lang lang = opt->lang;
    int en = lang == IND_LANG_EN;
    static const out_column cols[] = {
        {"row", "Rad", "Row", COL_TEXT, 1},
        {"period", "Period", "Period", COL_TEXT, 1},
        {"value", "Värde", "Value", COL_NUMBER, 1},
        {"denominator", "n", "n", COL_NUMBER, 1},
        {"centre", "Mittlinje", "Centre", COL_NUMBER, 1},
        {"lcl", "Nedre gräns", "Lower limit", COL_NUMBER, 1},
        {"ucl", "Övre gräns", "Upper limit", COL_NUMBER, 1},
        {"rule", "Regel", "Rule", COL_TEXT, 1},
        {"last_period", "Till", "To", COL_TEXT, 1},
        {"side", "Sida", "Side", COL_TEXT, 0},
        {"limits", "Gränser", "Limits", COL_TEXT, 0},
        {"mr_bar", "MR medel", "MR mean", COL_NUMBER, 0},
        {"mr_excluded", "MR uteslutna", "MR left out", COL_INTEGER, 0},
        {"useful_points", "Användbara punkter", "Useful points", COL_INTEGER, 0},
        {"longest_run", "Längsta serie", "Longest run", COL_INTEGER, 0},
        {"longest_run_max", "Längsta serie, gräns", "Longest run limit", COL_INTEGER, 0},
        {"crossings", "Korsningar", "Crossings", COL_INTEGER, 0},
        {"crossings_min", "Korsningar, gräns", "Crossings limit", COL_INTEGER, 0},
    };
    out_table *t = out_table_new(cols, (int)(sizeof cols / sizeof cols[0]));
    char per[32], rulebuf[256];
    for (size_t i = 0; i < n; i++) {
        out_row_begin(t);
        out_text(t, "point");
        out_text(t, ind_period_format(pts.period[i], per, sizeof per));
        out_number(t, chart.value[i] * scale, dec);
        out_number(t, den[i], 0);
        out_number(t, chart.centre[i] * scale, dec);
        out_number(t, chart.lcl[i] * scale, dec);
        out_number(t, chart.ucl[i] * scale, dec);
        rulebuf[0] = '\0';
        for (size_t k = 0; k < chart.n_signals; k++)
            if (chart.signals[k].first <= i && i <= chart.signals[k].last) {
                if (rulebuf[0])
                    strncat(rulebuf, " ", sizeof rulebuf - strlen(rulebuf) - 1);
                strncat(rulebuf, ind_spc_rule_name(chart.signals[k].rule), sizeof rulebuf - strlen(rulebuf) - 1);
            }
        out_text(t, rulebuf);
        out_text(t, "");
        out_text(t, "");
        out_text(t, "");
        out_nulls(t, SPC_FIGURES - 1);
    }
    for (size_t k = 0; k < chart.n_signals; k++) {
        const ind_spc_signal *sg = &chart.signals[k];
        out_row_begin(t);
        out_text(t, "signal");
        out_text(t, ind_period_format(pts.period[sg->first], per, sizeof per));
        out_null(t);
        out_null(t);
        out_null(t);
        out_null(t);
        out_null(t);
        out_text(t, ind_spc_rule_name(sg->rule));
        out_text(t, ind_period_format(pts.period[sg->last], per, sizeof per));
        out_text(t, ind_spc_side_name(sg->side));
        out_text(t, "");
        out_nulls(t, SPC_FIGURES - 1);
    }
    out_row_begin(t);
    out_text(t, "summary");
    out_text(t, "");
    out_number(t, target, dec);
    out_null(t);
    out_number(t, chart.centre_line * scale, dec);
    out_null(t);
    out_null(t);
    snprintf(rulebuf, sizeof rulebuf, "rules=%s", rules_name);
    out_text(t, rulebuf);
    out_text(t, ind_spc_assurance_name(assurance));
    out_text(t, (chart.flags & IND_SPC_F_FEW_POINTS) ? "few-points" : "");
    out_figures(t, &chart);
    char title[600];
    snprintf(title, sizeof title, en ? "%s, %s, %s: %s chart of %zu points, rules %s, %zu signal(s)"
                                     : "%s, %s, %s: %s-diagram med %zu punkter, regler %s, %zu signal(er)",
             ind_dataset_str(ds, se->unit), ind_dataset_str(ds, se->indicator), ind_gender_code(se->gender),
             type == IND_SPC_RUN ? (en ? "run" : "serie") : type == IND_SPC_I ? "I" : type == IND_SPC_P ? "p" : "u",
             n, rules_name, chart.n_signals);
    rc = out_table_emit(t, opt, title);
    if (rc == 0 && opt->format == OUT_TABLE && !opt->output) {
        if (chart.flags & IND_SPC_F_FEW_POINTS)
            printf(en ? "\nWarning: fewer than 12 points; the rules are weak on short series.\n"
                      : "\nVarning: färre än 12 punkter; reglerna är svaga på korta serier.\n");
        if (chart.limits == IND_SPC_LIMITS_SCREENED)
            printf(en ? "\nLimits as qicharts2: mean ± 3σ, σ = MR̄/1.128, moving ranges of 3.267·MR̄ or more left out (%zu of %zu).\n"
                      : "\nGränser som i qicharts2: medelvärde ± 3σ, σ = MR̄/1,128, glidande variationsvidder på minst 3,267·MR̄ uteslutna (%zu av %zu).\n",
                   chart.mr_excluded, n - 1);
        else if (chart.limits == IND_SPC_LIMITS_NHS)
            printf(en ? "\nLimits as NHS Making Data Count: mean ± 2.66·MR̄ over every moving range.\n"
                      : "\nGränser som i NHS Making Data Count: medelvärde ± 2,66·MR̄ över alla glidande variationsvidder.\n");
        if (rules & IND_SPC_RULES_ANHOJ)
            printf(en ? "%sAnhøj: longest run %zu (signal above %zu), crossings %zu (signal below %zu), %zu useful points.\n"
                      : "%sAnhøj: längsta serie %zu (signal över %zu), korsningar %zu (signal under %zu), %zu användbara punkter.\n",
                   chart.type == IND_SPC_I ? "" : "\n", chart.anhoj.longest_run, chart.anhoj.longest_run_max, chart.anhoj.crossings,
                   chart.anhoj.crossings_min, chart.anhoj.n_useful);
        if (assurance != IND_SPC_ASSURANCE_NONE)
            printf(en ? "Assurance against the target: %s.\n" : "Säkring mot årsmålet: %s.\n", ind_spc_assurance_name(assurance));
    }
    out_table_free(t);
    cli_spc_run_free(&run);
    cli_data_free(&data);
    return rc;
}
