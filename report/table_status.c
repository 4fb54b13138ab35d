/* table_status.c: every selected outcome against its årsmål and KF:s årsmål, as a table. */
#include "build_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const ind_colspec status_columns[] = {
    {"unit", "Enhet", "Unit", IND_CELL_TEXT, 1},
    {"indicator", "Indikator", "Indicator", IND_CELL_TEXT, 1},
    {"period", "Period", "Period", IND_CELL_TEXT, 1},
    {"gender", "Kön", "Sex", IND_CELL_TEXT, 1},
    {"value", "Utfall", "Outcome", IND_CELL_NUMBER, 1},
    {"n", "n", "n", IND_CELL_NUMBER, 4},
    {"numerator", "Täljare", "Numerator", IND_CELL_NUMBER, 0},
    {"target", "Årsmål", "Target", IND_CELL_TEXT, 1},
    {"target_kind", "Måltyp", "Target kind", IND_CELL_TEXT, 0},
    {"target_value", "Målvärde", "Target value", IND_CELL_NUMBER, 0},
    {"direction", "Riktning", "Direction", IND_CELL_TEXT, 0},
    {"verdict", "Bedömning", "Verdict", IND_CELL_TEXT, 0},
    {"verdict_label", "Bedömning", "Verdict", IND_CELL_TEXT, 1},
    {"uncertain", "Osäker", "Uncertain", IND_CELL_INTEGER, 0},
    {"gap", "Avstånd", "Gap", IND_CELL_NUMBER, 3},
    {"gap_relative", "Avstånd rel.", "Gap rel.", IND_CELL_NUMBER, 0},
    {"ci_lo", "KI nedre", "CI low", IND_CELL_NUMBER, 0},
    {"ci_hi", "KI övre", "CI high", IND_CELL_NUMBER, 0},
    {"rule", "Regel", "Rule", IND_CELL_TEXT, 0},
    {"kf_target", "KF:s årsmål", "KF target", IND_CELL_TEXT, 5},
    {"kf_verdict", "KF-bedömning", "KF verdict", IND_CELL_TEXT, 0},
    {"kf_verdict_label", "KF-bedömning", "KF verdict", IND_CELL_TEXT, 5},
    {"kf_gap", "KF-avstånd", "KF gap", IND_CELL_NUMBER, 0},
    {"kf_gap_relative", "KF-avstånd rel.", "KF gap rel.", IND_CELL_NUMBER, 0},
    {"kf_rule", "KF-regel", "KF rule", IND_CELL_TEXT, 0},
    {"previous_period", "Föreg. period", "Previous period", IND_CELL_TEXT, 0},
    {"previous", "Föreg. utfall", "Previous", IND_CELL_NUMBER, 0},
    {"change", "Förändring", "Change", IND_CELL_NUMBER, 3},
    {"source", "Källa", "Source", IND_CELL_TEXT, 0},    IND_PROGNOSIS_COLSPEC,
};
#define STATUS_COLUMNS (sizeof status_columns / sizeof status_columns[0])

static void verdict_label(const ind_attainment *a, int en, char *buf, size_t size)
{
    const char *label = en ? ind_verdict_label_en(a->verdict) : ind_verdict_label_sv(a->verdict);
    if (a->uncertain)
        snprintf(buf, size, "%s %s (%s)", ind_verdict_symbol(a->verdict), label, en ? "uncertain" : "osäker");
    else
        snprintf(buf, size, "%s %s", ind_verdict_symbol(a->verdict), label);
}

/* One observation's row: the outcome, its judgement against both targets, the change. */
static void status_row(ind_doc_table *t, const ind_dataset *ds, const ind_series *se, size_t i, const ind_opts *o,
                       size_t *counts)
{
    int en = o->lang == IND_LANG_EN, dec = ind_opts_decimals(se);
    ind_unit unit = se->info && se->info->measure == IND_MEASURE_PERCENT ? IND_UNIT_PERCENT : IND_UNIT_NONE;
    char buf[512], per[32];
    ind_obs ob;
    ind_dataset_get(ds, i, &ob);
    ind_attainment a, k;
    ind_attain_obs(ds, i, 0, &o->policy, o->lang, &a);
    ind_attain_obs(ds, i, 1, &o->policy, o->lang, &k);
    counts[a.verdict]++;
    ind_doc_row(t);
    ind_doc_text(t, ind_dataset_str(ds, se->unit));
    ind_doc_text(t, ind_dataset_str(ds, se->indicator));
    ind_doc_text(t, ind_period_format(ob.period, per, sizeof per));
    ind_doc_text(t, ind_gender_code(se->gender));
    ind_doc_number(t, ob.value, dec, unit);
    ind_doc_number(t, ob.denominator, 0, IND_UNIT_NONE);
    ind_doc_number(t, ob.numerator, 0, IND_UNIT_NONE);
    /* the årsmål as written, or the borrowed total's when this row has none */
    if (ob.target)
        ind_doc_text(t, ind_dataset_str(ds, ob.target));
    else if (a.rule.kind != IND_TARGET_NONE)
        ind_doc_text(t, ind_target_describe(&a.rule, o->lang, buf, sizeof buf));
    else
        ind_doc_text(t, "");
    ind_doc_text(t, ind_target_kind_code(a.rule.kind));
    ind_doc_number(t, a.target, dec, IND_UNIT_NONE);
    ind_doc_text(t, ind_direction_code(se->info ? se->info->direction : IND_DIR_UNKNOWN));
    ind_doc_text(t, ind_verdict_code(a.verdict));
    verdict_label(&a, en, buf, sizeof buf);
    ind_doc_text(t, buf);
    ind_doc_integer(t, a.uncertain);
    ind_doc_number(t, a.gap, dec, IND_UNIT_NONE);
    ind_doc_number(t, a.gap_relative, 1, IND_UNIT_SHARE);
    ind_doc_number(t, a.ci_lo, dec, IND_UNIT_NONE);
    ind_doc_number(t, a.ci_hi, dec, IND_UNIT_NONE);
    ind_doc_text(t, a.rule_text);
    ind_doc_text(t, ind_dataset_str(ds, ob.kf_target));
    ind_doc_text(t, ind_verdict_code(k.verdict));
    verdict_label(&k, en, buf, sizeof buf);
    ind_doc_text(t, buf);
    ind_doc_number(t, k.gap, dec, IND_UNIT_NONE);
    ind_doc_number(t, k.gap_relative, 1, IND_UNIT_SHARE);
    ind_doc_text(t, k.rule_text);
    ind_doc_text(t, a.previous_period ? ind_period_format(a.previous_period, per, sizeof per) : "");
    ind_doc_number(t, a.previous, dec, IND_UNIT_NONE);
    ind_doc_number(t, a.change, dec, IND_UNIT_NONE);
    if (ob.source) {
        ind_doc_text(t, ind_dataset_str(ds, ob.source));
    } else {
        snprintf(buf, sizeof buf, "%s:%u", ind_dataset_str(ds, ob.file), ob.line);
        ind_doc_text(t, buf);
    }
    ind_build_prognosis_cells(t, ds, ob.series, ob.period, o);
}

ind_doc *ind_build_status(const ind_build_input *in, const ind_opts *o)
{
    const ind_dataset *ds = in->ds;
    int en = o->lang == IND_LANG_EN;
    ind_doc *doc = ind_build_table_doc(in, o, "Utfall mot årsmål", "Outcomes against targets");
    ind_doc_table *t = ind_build_table(doc, status_columns, STATUS_COLUMNS, NULL);
    size_t counts[IND_VERDICT_COUNT] = {0};
    size_t ns = ind_dataset_series_count(ds);
    for (size_t s = 0; s < ns; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (!ind_opts_series(o, ds, se, 1))
            continue;
        for (size_t i = se->first; i < se->first + se->count; i++)
            if (ind_opts_period(o, ind_dataset_period(ds, i)))
                status_row(t, ds, se, i, o, counts);
    }
    char title[512];
    snprintf(title, sizeof title,
             en ? "%zu outcomes: %zu met, %zu partly met, %zu not met, %zu without target, %zu without outcome, %zu small base"
                : "%zu utfall: %zu uppfylls helt, %zu delvis, %zu inte, %zu utan årsmål, %zu utan utfall, %zu litet underlag",
             ind_doc_table_rows(t), counts[IND_VERDICT_MET], counts[IND_VERDICT_PARTLY], counts[IND_VERDICT_NOT_MET],
             counts[IND_VERDICT_NO_TARGET] + counts[IND_VERDICT_NO_DIRECTION], counts[IND_VERDICT_NO_DATA],
             counts[IND_VERDICT_SMALL_BASE]);
    ind_doc_table_set_caption(doc, t, title);
    ind_doc_note(doc, ind_opts_policy_text(o, title, sizeof title));
    return doc;
}
