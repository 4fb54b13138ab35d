/* cmd_trend.c: `indikator trend`: trend statistics per series, the gender gap, and the forecast against årsmål. */
#include "cli.h"

#include <math.h>
#include <string.h>

#include "outlook.h"

static const out_column trend_columns[] = {
    {"unit", "Enhet", "Unit", COL_TEXT, 1},
    {"indicator", "Indikator", "Indicator", COL_TEXT, 1},
    {"gender", "Kön", "Sex", COL_TEXT, 1},
    {"period_kind", "Periodtyp", "Period kind", COL_TEXT, 0},
    {"points", "n", "n", COL_INTEGER, 1},
    {"skipped", "Saknade", "Missing", COL_INTEGER, 0},
    {"first_period", "Första", "First", COL_TEXT, 0},
    {"first_value", "Första värde", "First value", COL_NUMBER, 0},
    {"last_period", "Senaste", "Latest", COL_TEXT, 1},
    {"last_value", "Senaste värde", "Latest value", COL_NUMBER, 1},
    {"change", "Förändring", "Change", COL_NUMBER, 0},
    {"change_relative", "Förändring rel.", "Change rel.", COL_NUMBER, 0},
    {"ols_slope", "OLS/år", "OLS/yr", COL_NUMBER, 0},
    {"ols_slope_lo", "OLS KI nedre", "OLS CI low", COL_NUMBER, 0},
    {"ols_slope_hi", "OLS KI övre", "OLS CI high", COL_NUMBER, 0},
    {"ols_p", "OLS p", "OLS p", COL_NUMBER, 0},
    {"ols_r2", "R²", "R²", COL_NUMBER, 0},
    {"mk_s", "S", "S", COL_INTEGER, 0},
    {"mk_var_s", "Var(S)", "Var(S)", COL_NUMBER, 0},
    {"mk_z", "Z", "Z", COL_NUMBER, 0},
    {"mk_p", "MK p", "MK p", COL_NUMBER, 1},
    {"mk_method", "MK metod", "MK method", COL_TEXT, 0},
    {"kendall_tau_b", "tau-b", "tau-b", COL_NUMBER, 0},
    {"kendall_tau_a", "tau-a", "tau-a", COL_NUMBER, 0},
    {"sen_slope", "Sen/år", "Sen/yr", COL_NUMBER, 1},
    {"sen_slope_lo", "Sen KI nedre", "Sen CI low", COL_NUMBER, 0},
    {"sen_slope_hi", "Sen KI övre", "Sen CI high", COL_NUMBER, 0},
    {"sen_intercept", "Sen intercept", "Sen intercept", COL_NUMBER, 0},
    {"verdict", "Trend", "Trend", COL_TEXT, 0},
    {"verdict_label", "Trend", "Trend", COL_TEXT, 1},
    {"sentence", "Mening", "Sentence", COL_TEXT, 0},
    {"gap_points", "Gap n", "Gap n", COL_INTEGER, 0},
    {"gap_last", "Gap K−M", "Gap W−M", COL_NUMBER, 0},
    {"gap_sen_slope", "Gap Sen/år", "Gap Sen/yr", COL_NUMBER, 0},
    {"gap_mk_p", "Gap MK p", "Gap MK p", COL_NUMBER, 0},
    {"gap_verdict", "Gap", "Gap", COL_TEXT, 0},
    {"gap_test", "Gap test", "Gap test", COL_TEXT, 0},
    {"gap_test_p", "Gap test p", "Gap test p", COL_NUMBER, 0},
    {"gap_difference", "Gap skillnad", "Gap difference", COL_NUMBER, 0},
    {"gap_ci_lo", "Gap KI nedre", "Gap CI low", COL_NUMBER, 0},
    {"gap_ci_hi", "Gap KI övre", "Gap CI high", COL_NUMBER, 0},
    {"gap_sentence", "Könsskillnad", "Gender gap", COL_TEXT, 0},
    {"forecast_period", "Prognosperiod", "Forecast period", COL_TEXT, 0},
    {"forecast_target", "Årsmål", "Target", COL_NUMBER, 0},
    {"forecast", "Prognos", "Forecast", COL_NUMBER, 0},
    {"forecast_lo", "Prognos nedre", "Forecast low", COL_NUMBER, 0},
    {"forecast_hi", "Prognos övre", "Forecast high", COL_NUMBER, 0},
    {"forecast_likely", "Nås", "Met", COL_TEXT, 1},
    {"forecast_sentence", "Prognosmening", "Forecast sentence", COL_TEXT, 0},
};
#define TREND_COLUMNS ((int)(sizeof trend_columns / sizeof trend_columns[0]))

int cmd_trend(cli_opts *opt)
{
    cli_data data;
    int rc = cli_load(opt, &data);
    if (rc) {
        cli_data_free(&data);
        return rc;
    }
    const ind_dataset *ds = data.ds;
    ind_period from = 0, to = 0;
    if (opt->from)
        ind_period_parse(opt->from, strlen(opt->from), &from, NULL);
    if (opt->to)
        ind_period_parse(opt->to, strlen(opt->to), &to, NULL);
    ind_lang lang = opt->lang;
    int en = lang == IND_LANG_EN;
    out_table *t = out_table_new(trend_columns, TREND_COLUMNS);
    size_t ns = ind_dataset_series_count(ds), counts[6] = {0};
    ind_error err;
    ind_error_clear(&err);
    char per[32];
    for (size_t s = 0; s < ns && rc == 0; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (!cli_series_selected(opt, ds, se, 1))
            continue;
        ind_outlook_trend tr;
        if (ind_outlook_trend_of(ds, s, from, to, opt->alpha, lang, &tr, &err) != IND_OK) {
            rc = cli_fail(&err);
            break;
        }
        if (tr.pts.n == 0) { /* a series of targets only */
            ind_outlook_trend_free(&tr);
            continue;
        }
        counts[tr.verdict]++;
        int dec = cli_decimals(se);
        out_row_begin(t);
        out_text(t, ind_dataset_str(ds, se->unit));
        out_text(t, ind_dataset_str(ds, se->indicator));
        out_text(t, ind_gender_code(se->gender));
        out_text(t, tr.pts.kind == IND_PERIOD_YEAR ? "year" : tr.pts.kind == IND_PERIOD_TERTIAL ? "tertial" : "month");
        out_integer(t, (long long)tr.pts.n);
        out_integer(t, (long long)tr.pts.skipped);
        out_text(t, ind_period_format(tr.first, per, sizeof per));
        out_number(t, tr.first_value, dec);
        out_text(t, ind_period_format(tr.last, per, sizeof per));
        out_number(t, tr.last_value, dec);
        out_number(t, tr.change, dec);
        out_number(t, tr.change_relative, 3);
        int h = tr.have_trend;
        out_number(t, h ? tr.trend.ols.slope : NAN, dec + 1);
        out_number(t, h ? tr.trend.ols.ci_low : NAN, dec + 1);
        out_number(t, h ? tr.trend.ols.ci_high : NAN, dec + 1);
        out_pvalue(t, h ? tr.trend.ols.p : NAN);
        out_number(t, h ? tr.trend.ols.r2 : NAN, 3);
        if (h)
            out_integer(t, tr.trend.mk.s);
        else
            out_null(t);
        out_number(t, h ? tr.trend.mk.var_s : NAN, 1);
        out_number(t, h ? tr.trend.mk.z : NAN, 3);
        out_pvalue(t, h ? tr.trend.mk.p : NAN);
        out_text(t, !h ? "" : tr.trend.mk.method == IND_TREND_MK_EXACT ? "exact" : "normal");
        out_number(t, h ? tr.trend.mk.tau_b : NAN, 3);
        out_number(t, h ? tr.trend.mk.tau_a : NAN, 3);
        out_number(t, h ? tr.trend.sen.slope : NAN, dec + 1);
        out_number(t, h ? tr.trend.sen.ci_low : NAN, dec + 1);
        out_number(t, h ? tr.trend.sen.ci_high : NAN, dec + 1);
        out_number(t, h ? tr.trend.sen.intercept : NAN, dec + 1);
        out_text(t, ind_trend_verdict_name(tr.verdict));
        out_text(t, en ? ind_trend_verdict_name(tr.verdict) : ind_trend_verdict_label_sv(tr.verdict));
        out_text(t, tr.sentence);
        /* gender gap and forecast on the total's row */
        ind_outlook_gap gap;
        memset(&gap, 0, sizeof gap);
        ind_outlook_forecast fc;
        memset(&fc, 0, sizeof fc);
        if (se->gender == IND_GENDER_T) {
            ind_outlook_gap_of(ds, s, from, to, opt->alpha, lang, &gap, &err);
            ind_outlook_forecast_of(ds, s, opt->alpha, lang, &fc, &err);
        }
        if (gap.have && gap.n) {
            out_integer(t, (long long)gap.n);
            out_number(t, gap.last_gap, dec);
            out_number(t, gap.have_trend ? gap.trend.sen.slope : NAN, dec + 1);
            out_pvalue(t, gap.have_trend ? gap.trend.mk.p : NAN);
            out_text(t, ind_gap_verdict_code(gap.verdict));
            out_text(t, gap.test ? gap.test : "");
            out_pvalue(t, gap.p);
            out_number(t, gap.diff, 4);
            out_number(t, gap.ci_lo, 4);
            out_number(t, gap.ci_hi, 4);
            out_text(t, gap.sentence);
        } else {
            for (int k = 0; k < 11; k++)
                k == 4 || k == 5 || k == 10 ? out_text(t, "") : out_null(t);
        }
        if (fc.have) {
            out_text(t, ind_period_format(fc.period, per, sizeof per));
            out_number(t, fc.target, dec);
            out_number(t, fc.yhat, dec);
            out_number(t, fc.pi_lo, dec);
            out_number(t, fc.pi_hi, dec);
            out_text(t, fc.likely > 0 ? (en ? "likely" : "troligen") : fc.likely < 0 ? (en ? "unlikely" : "troligen inte") : (en ? "uncertain" : "osäkert"));
            out_text(t, fc.sentence);
        } else {
            out_text(t, "");
            for (int k = 0; k < 4; k++)
                out_null(t);
            out_text(t, "");
            out_text(t, "");
        }
        ind_outlook_gap_free(&gap);
        ind_outlook_trend_free(&tr);
    }
    if (rc == 0) {
        char title[400];
        snprintf(title, sizeof title,
                 en ? "%zu series: %zu improving, %zu worsening, %zu increasing, %zu decreasing, %zu no clear trend, %zu too few points (alpha %g)"
                    : "%zu serier: %zu förbättras, %zu försämras, %zu ökar, %zu minskar, %zu ingen säker trend, %zu för få punkter (alfa %g)",
                 out_table_rows(t), counts[IND_TREND_IMPROVING], counts[IND_TREND_WORSENING], counts[IND_TREND_INCREASING],
                 counts[IND_TREND_DECREASING], counts[IND_TREND_NO_CLEAR_TREND], counts[IND_TREND_TOO_FEW_POINTS], opt->alpha);
        rc = out_table_emit(t, opt, title);
        if (rc == 0 && opt->format == OUT_TABLE && !opt->output)
            printf(en ? "\nTrend by Mann-Kendall (exact null distribution up to 20 points) and Sen's slope per year; see docs/methods-trend.md.\n"
                      : "\nTrend enligt Mann-Kendall (exakt fördelning upp till 20 punkter) och Sens lutning per år; se docs/methods-trend.md.\n");
    }
    out_table_free(t);
    cli_data_free(&data);
    return rc;
}
