/* cmd_status.c: `indikator status`: every outcome against its årsmål and KF:s årsmål. */
#include "cli.h"

#include <math.h>
#include <string.h>

#include "number.h"

static const out_column status_columns[] = {
    {"unit", "Enhet", "Unit", COL_TEXT, 1},
    {"indicator", "Indikator", "Indicator", COL_TEXT, 1},
    {"period", "Period", "Period", COL_TEXT, 1},
    {"gender", "Kön", "Sex", COL_TEXT, 1},
    {"value", "Utfall", "Outcome", COL_NUMBER, 1},
    {"n", "n", "n", COL_NUMBER, 1},
    {"numerator", "Täljare", "Numerator", COL_NUMBER, 0},
    {"target", "Årsmål", "Target", COL_TEXT, 1},
    {"target_kind", "Måltyp", "Target kind", COL_TEXT, 0},
    {"target_value", "Målvärde", "Target value", COL_NUMBER, 0},
    {"direction", "Riktning", "Direction", COL_TEXT, 0},
    {"verdict", "Bedömning", "Verdict", COL_TEXT, 0},
    {"verdict_label", "Bedömning", "Verdict", COL_TEXT, 1},
    {"uncertain", "Osäker", "Uncertain", COL_INTEGER, 0},
    {"gap", "Avstånd", "Gap", COL_NUMBER, 1},
    {"gap_relative", "Avstånd rel.", "Gap rel.", COL_NUMBER, 0},
    {"ci_lo", "KI nedre", "CI low", COL_NUMBER, 0},
    {"ci_hi", "KI övre", "CI high", COL_NUMBER, 0},
    {"rule", "Regel", "Rule", COL_TEXT, 0},
    {"kf_target", "KF:s årsmål", "KF target", COL_TEXT, 1},
    {"kf_verdict", "KF-bedömning", "KF verdict", COL_TEXT, 0},
    {"kf_verdict_label", "KF-bedömning", "KF verdict", COL_TEXT, 1},
    {"kf_gap", "KF-avstånd", "KF gap", COL_NUMBER, 0},
    {"kf_gap_relative", "KF-avstånd rel.", "KF gap rel.", COL_NUMBER, 0},
    {"kf_rule", "KF-regel", "KF rule", COL_TEXT, 0},
    {"previous_period", "Föreg. period", "Previous period", COL_TEXT, 0},
    {"previous", "Föreg. utfall", "Previous", COL_NUMBER, 0},
    {"change", "Förändring", "Change", COL_NUMBER, 1},
    {"source", "Källa", "Source", COL_TEXT, 0},
};
#define STATUS_COLUMNS ((int)(sizeof status_columns / sizeof status_columns[0]))

static void verdict_label(const ind_attainment *a, int en, char *buf, size_t size)
{
    const char *label = en ? ind_verdict_label_en(a->verdict) : ind_verdict_label_sv(a->verdict);
    if (a->uncertain)
        snprintf(buf, size, "%s %s (%s)", ind_verdict_symbol(a->verdict), label, en ? "uncertain" : "osäker");
    else
        snprintf(buf, size, "%s %s", ind_verdict_symbol(a->verdict), label);
}

int cmd_status(cli_opts *opt)
{
    cli_data data;
    int rc = cli_load(opt, &data);
    if (rc) {
        cli_data_free(&data);
        return rc;
    }
    const ind_dataset *ds = data.ds;
    cli_default_year(opt, ds);
    ind_attain_policy policy;
    cli_policy(opt, &policy);
    ind_lang lang = opt->lang;
    int en = lang == IND_LANG_EN;
    out_table *t = out_table_new(status_columns, STATUS_COLUMNS);
    size_t counts[IND_VERDICT_COUNT] = {0};
    size_t ns = ind_dataset_series_count(ds);
    char buf[512], per[32];
    for (size_t s = 0; s < ns; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (!cli_series_selected(opt, ds, se, 1))
            continue;
        int dec = cli_decimals(se);
        const char *unit = se->info && se->info->measure == IND_MEASURE_PERCENT ? " %" : "";
        for (size_t i = se->first; i < se->first + se->count; i++) {
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            if (!cli_period_selected(opt, o.period))
                continue;
            ind_attainment a, k;
            ind_attain_obs(ds, i, 0, &policy, lang, &a);
            ind_attain_obs(ds, i, 1, &policy, lang, &k);
            counts[a.verdict]++;
            out_row_begin(t);
            out_text(t, ind_dataset_str(ds, se->unit));
            out_text(t, ind_dataset_str(ds, se->indicator));
            out_text(t, ind_period_format(o.period, per, sizeof per));
            out_text(t, ind_gender_code(se->gender));
            out_number_unit(t, o.value, dec, unit);
            out_number(t, o.denominator, 0);
            out_number(t, o.numerator, 0);
            /* the årsmål as written, or the borrowed total's when this row has none */
            if (o.target)
                out_text(t, ind_dataset_str(ds, o.target));
            else if (a.rule.kind != IND_TARGET_NONE)
                out_text(t, ind_target_describe(&a.rule, lang, buf, sizeof buf));
            else
                out_text(t, "");
            out_text(t, ind_target_kind_code(a.rule.kind));
            out_number(t, a.target, dec);
            out_text(t, ind_direction_code(se->info ? se->info->direction : IND_DIR_UNKNOWN));
            out_text(t, ind_verdict_code(a.verdict));
            verdict_label(&a, en, buf, sizeof buf);
            out_text(t, buf);
            out_integer(t, a.uncertain);
            out_number(t, a.gap, dec);
            out_fraction_percent(t, a.gap_relative, 1);
            out_number(t, a.ci_lo, dec);
            out_number(t, a.ci_hi, dec);
            out_text(t, a.rule_text);
            out_text(t, ind_dataset_str(ds, o.kf_target));
            out_text(t, ind_verdict_code(k.verdict));
            verdict_label(&k, en, buf, sizeof buf);
            out_text(t, buf);
            out_number(t, k.gap, dec);
            out_fraction_percent(t, k.gap_relative, 1);
            out_text(t, k.rule_text);
            out_text(t, a.previous_period ? ind_period_format(a.previous_period, per, sizeof per) : "");
            out_number(t, a.previous, dec);
            out_number(t, a.change, dec);
            if (o.source)
                out_text(t, ind_dataset_str(ds, o.source));
            else {
                snprintf(buf, sizeof buf, "%s:%u", ind_dataset_str(ds, o.file), o.line);
                out_text(t, buf);
            }
        }
    }
    char title[512];
    snprintf(title, sizeof title,
             en ? "%zu outcomes: %zu met, %zu partly met, %zu not met, %zu without target, %zu without outcome, %zu small base"
                : "%zu utfall: %zu uppfylls helt, %zu delvis, %zu inte, %zu utan årsmål, %zu utan utfall, %zu litet underlag",
             out_table_rows(t), counts[IND_VERDICT_MET], counts[IND_VERDICT_PARTLY], counts[IND_VERDICT_NOT_MET],
             counts[IND_VERDICT_NO_TARGET] + counts[IND_VERDICT_NO_DIRECTION], counts[IND_VERDICT_NO_DATA],
             counts[IND_VERDICT_SMALL_BASE]);
    rc = out_table_emit(t, opt, title);
    if (rc == 0 && opt->format == OUT_TABLE && !opt->output)
        printf("\n%s\n", cli_policy_text(opt, &policy, buf, sizeof buf));
    out_table_free(t);
    cli_data_free(&data);
    return rc;
}
