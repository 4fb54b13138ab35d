/* build_tertial.c: the tertial report as a document: the tertial's outcomes, the same tertial a year earlier, the year-end prognosis, goals, sentences. */
#include "build_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prognosis.h"

typedef struct {
    const ind_opts *opt;
    const ind_dataset *ds;
    const ind_goals *goals;
    ind_doc *doc;
    ind_period period; /* the tertial: YYYY-T1 or YYYY-T2 */
    int year, k;       /* its year and number */
    ind_lang lang;
    int en;
} ctx;

/* One indicator of a unit: followed per tertial (an outcome row at the
 * tertial) or per year (left to the VB). */
typedef struct {
    size_t series;
    long obs;              /* the tertial's row; -1 for a yearly indicator */
    ind_attainment a;      /* the tertial's outcome against the årsmål */
    ind_prognosis g;
    const char *goal;      /* the goal id it is linked to ("" when none) */
} row_info;

/* ---- words and numbers ----------------------------------------------------------------- */

/* A value of the series as people read it: "4,5 %", "83". */
static const char *value_text(const ctx *c, const ind_series *se, double v, char *buf, size_t size)
{
    ind_cell cell = {.kind = isnan(v) ? IND_CELL_NULL : IND_CELL_NUMBER,
                     .unit = se->info && se->info->measure == IND_MEASURE_PERCENT ? IND_UNIT_PERCENT : IND_UNIT_NONE,
                     .decimals = ind_opts_decimals(se),
                     .value = v};
    return ind_cell_show(&cell, c->lang, IND_SHOW_TYPESET, buf, size);
}

static const char *prognosis_label(const ctx *c, ind_prognosis_verdict v)
{
    return c->en ? ind_prognosis_label_en(v) : ind_prognosis_label_sv(v);
}

/* ---- rows -------------------------------------------------------------------------------- */

/* The goal an indicator's row links to: the tertial's, else the latest row of the year or before. */
static const char *goal_of(const ind_dataset *ds, const ind_series *se, long obs, int year)
{
    ind_obs o;
    if (obs >= 0) {
        ind_dataset_get(ds, (size_t)obs, &o);
        if (o.goal)
            return ind_dataset_str(ds, o.goal);
    }
    const char *g = "";
    for (size_t i = se->first; i < se->first + se->count; i++) {
        ind_dataset_get(ds, i, &o);
        if (ind_period_year(o.period) <= year && o.goal)
            g = ind_dataset_str(ds, o.goal);
    }
    return g;
}

/* The unit's selected indicators (totals, or the gender asked for), tertial ones first. */
static size_t unit_rows(ctx *c, const char *unit, row_info **out)
{
    const ind_dataset *ds = c->ds;
    size_t ns = ind_dataset_series_count(ds), n = 0;
    row_info *rows = ind_build_must(calloc(ns ? ns : 1, sizeof *rows));
    ind_gender want = c->opt->gender_given ? c->opt->gender : IND_GENDER_T;
    for (int pass = 0; pass < 2; pass++)
        for (size_t s = 0; s < ns; s++) {
            const ind_series *se = ind_dataset_series(ds, s);
            if (se->gender != want || strcmp(ind_dataset_str(ds, se->unit), unit) != 0 || !ind_opts_names(c->opt, ds, se))
                continue;
            long i = ind_dataset_find_obs(ds, s, c->period);
            if ((pass == 0) != (i >= 0))
                continue;
            if (i < 0 && ind_series_year_obs(ds, s, c->year) < 0 && ind_series_year_obs(ds, s, c->year - 1) < 0)
                continue; /* nothing this year or the last: not followed now */
            row_info *r = &rows[n++];
            r->series = s;
            r->obs = i;
            r->goal = goal_of(ds, se, i, c->year);
            if (i >= 0) {
                ind_attain_obs(ds, (size_t)i, 0, &c->opt->policy, c->lang, &r->a);
                ind_error err;
                ind_prognosis_of(ds, s, c->period, c->opt->alpha, &c->opt->policy, &r->g, &err);
            }
        }
    *out = rows;
    return n;
}

/* ---- tables ------------------------------------------------------------------------------- */

static void prognosis_table(ctx *c, const row_info *rows, size_t n, const unsigned char *pick)
{
    char cur[48], prev[48];
    snprintf(cur, sizeof cur, c->en ? "Outcome T%d %d" : "Utfall T%d %d", c->k, c->year);
    snprintf(prev, sizeof prev, c->en ? "Outcome T%d %d" : "Utfall T%d %d", c->k, c->year - 1);
    /* U+00AD (soft hyphen) lets a long word break in a narrow heading */
    const char *const sv[] = {"Indikator", cur, prev, "Årsmål", "Bedömning efter tertialet", "Prognos för helåret",
                              "Prognos\u00adintervall", "Helårs\u00adprognos"};
    const char *const en[] = {"Indicator", cur, prev, "Target", "Assessment after the tertial", "Year-end forecast",
                              "Prediction interval", "Year-end prognosis"};
    static const char *const keys[] = {"indicator", "value", "previous", "target", "verdict", "forecast",
                                       "forecast_interval", "prognosis"};
    static const double fixed[] = {0, 46, 46, 40, 76, 50, 64, 62};
    ind_doc_column cols[8];
    double name_w = IND_DOC_TEXT_W;
    for (int k = 1; k < 8; k++)
        name_w -= fixed[k];
    for (int k = 0; k < 8; k++)
        cols[k] = (ind_doc_column){keys[k], c->en ? en[k] : sv[k],
                                   k == 1 || k == 2 || k == 5 ? IND_CELL_NUMBER : k == 4 ? IND_CELL_VERDICT : IND_CELL_TEXT,
                                   k == 1 || k == 2 || k == 5 ? IND_ALIGN_RIGHT : IND_ALIGN_LEFT, k ? fixed[k] : name_w, 1};
    ind_doc_table *t = ind_doc_table_new(c->doc, cols, 8, NULL);
    char buf[256], lo[64], hi[64];
    for (size_t q = 0; q < n; q++) {
        const row_info *r = &rows[q];
        if (!pick[q] || r->obs < 0)
            continue;
        const ind_series *se = ind_dataset_series(c->ds, r->series);
        ind_obs o;
        ind_dataset_get(c->ds, (size_t)r->obs, &o);
        int dec = ind_opts_decimals(se);
        ind_unit unit = se->info && se->info->measure == IND_MEASURE_PERCENT ? IND_UNIT_PERCENT : IND_UNIT_NONE;
        ind_doc_row(t);
        ind_doc_text(t, ind_dataset_str(c->ds, se->indicator));
        ind_doc_number(t, o.value, dec, unit);
        ind_doc_number(t, r->a.previous, dec, unit);
        if (o.target) {
            ind_build_unbroken(ind_dataset_str(c->ds, o.target), buf, sizeof buf);
            ind_doc_text(t, buf);
        } else {
            ind_doc_null(t);
        }
        ind_doc_verdict(t, r->a.verdict, r->a.uncertain);
        if (r->a.verdict <= IND_VERDICT_NOT_MET)
            ind_doc_emphasis(t);
        ind_doc_number(t, r->g.predicted, dec, unit);
        if (isnan(r->g.pi_lo)) {
            ind_doc_null(t);
        } else {
            ind_cell a = {.kind = IND_CELL_NUMBER, .decimals = dec, .value = r->g.pi_lo};
            ind_cell_show(&a, c->lang, IND_SHOW_TYPESET, lo, sizeof lo);
            value_text(c, se, r->g.pi_hi, hi, sizeof hi);
            snprintf(buf, sizeof buf, "%s\u2013%s", lo, hi);
            ind_doc_text(t, buf);
        }
        ind_doc_text(t, prognosis_label(c, r->g.verdict));
        if (r->g.verdict == IND_PROGNOSIS_NOT_MET || r->g.verdict == IND_PROGNOSIS_PARTLY)
            ind_doc_emphasis(t);
    }
}

/* The yearly indicators among the picked rows, named in one note. */
static void yearly_note(ctx *c, const row_info *rows, size_t n, const unsigned char *pick)
{
    char buf[2000];
    size_t len = (size_t)snprintf(buf, sizeof buf, c->en ? "Followed per year and reported in the annual report: "
                                                         : "Följs per år och redovisas i verksamhetsberättelsen: ");
    int any = 0;
    for (size_t q = 0; q < n && len < sizeof buf; q++)
        if (pick[q] && rows[q].obs < 0) {
            const ind_series *se = ind_dataset_series(c->ds, rows[q].series);
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", any ? ", " : "",
                                    ind_dataset_str(c->ds, se->indicator));
            any = 1;
        }
    if (any && len < sizeof buf) {
        snprintf(buf + len, sizeof buf - len, ".");
        ind_doc_note(c->doc, buf);
    }
}

/* The picked tertial indicators: their table, then each one's chart and sentence. */
static void rows_block(ctx *c, const row_info *rows, size_t n, const unsigned char *pick)
{
    size_t tertial = 0;
    for (size_t q = 0; q < n; q++)
        tertial += pick[q] && rows[q].obs >= 0;
    if (tertial) {
        prognosis_table(c, rows, n, pick);
        for (size_t q = 0; q < n; q++) {
            if (!pick[q] || rows[q].obs < 0)
                continue;
            const ind_series *se = ind_dataset_series(c->ds, rows[q].series);
            ind_doc_heading(c->doc, 3, ind_dataset_str(c->ds, se->indicator));
            ind_build_figure_trend(c->doc, c->ds, rows[q].series, c->period, c->opt);
            ind_said said[1 + IND_OPTS_REFERENCES_MAX];
            said[0] = ind_say_prognosis(&rows[q].a, &rows[q].g, ind_dataset_str(c->ds, se->indicator), se->info, c->k,
                                        c->lang);
            size_t ns = 1 + ind_build_reference_said(c->ds, rows[q].series, c->period, c->opt, said + 1);
            ind_build_said(c->doc, said, ns);
        }
    }
    yearly_note(c, rows, n, pick);
}

/* ---- sections ------------------------------------------------------------------------------ */

static void summary(ctx *c, const char *unit, const row_info *rows, size_t n, int level)
{
    size_t after[IND_VERDICT_COUNT] = {0}, prog[5] = {0}, tertial = 0, yearly = 0;
    for (size_t q = 0; q < n; q++) {
        if (rows[q].obs < 0) {
            yearly++;
            continue;
        }
        tertial++;
        after[rows[q].a.verdict]++;
        prog[rows[q].g.verdict]++;
    }
    char buf[1200];
    ind_doc_heading(c->doc, level, c->en ? "Summary" : "Sammanfattning");
    snprintf(buf, sizeof buf,
             c->en ? "%s, tertial %d %d: %zu indicators are followed per tertial. After the tertial %zu meet their target, %zu partly and %zu do not; %zu cannot be judged. Year-end prognosis: %zu met, %zu partly, %zu not met, %zu uncertain, %zu without a prognosis. %zu indicators are followed per year and reported in the annual report."
                   : "%s, tertial %d %d: %zu indikatorer följs per tertial. Efter tertialet uppfylls %zu helt, %zu delvis och %zu inte; %zu kan inte bedömas. Helårsprognos: %zu uppfylls helt, %zu delvis, %zu inte, %zu osäkra, %zu utan prognos. %zu indikatorer följs per år och redovisas i verksamhetsberättelsen.",
             unit, c->k, c->year, tertial, after[IND_VERDICT_MET], after[IND_VERDICT_PARTLY], after[IND_VERDICT_NOT_MET],
             tertial - after[IND_VERDICT_MET] - after[IND_VERDICT_PARTLY] - after[IND_VERDICT_NOT_MET],
             prog[IND_PROGNOSIS_MET], prog[IND_PROGNOSIS_PARTLY], prog[IND_PROGNOSIS_NOT_MET],
             prog[IND_PROGNOSIS_UNCERTAIN], prog[IND_PROGNOSIS_NONE], yearly);
    ind_doc_paragraph(c->doc, buf);
    if (c->opt->reference_count) {
        size_t *series = ind_build_must(calloc(tertial ? tertial : 1, sizeof *series)), m = 0;
        ind_period *periods = ind_build_must(calloc(tertial ? tertial : 1, sizeof *periods));
        for (size_t q = 0; q < n; q++)
            if (rows[q].obs >= 0) {
                series[m] = rows[q].series;
                periods[m++] = c->period;
            }
        ind_build_reference_summary(c->doc, c->ds, unit, series, periods, m, c->opt);
        free(series);
        free(periods);
    }
    int any = 0;
    for (size_t q = 0; q < n; q++) {
        if (rows[q].obs < 0 || (rows[q].a.verdict != IND_VERDICT_NOT_MET && rows[q].a.verdict != IND_VERDICT_PARTLY))
            continue;
        if (!any)
            ind_doc_paragraph(c->doc, c->en ? "Below target after the tertial:" : "Under årsmålet efter tertialet:");
        any = 1;
        const ind_series *se = ind_dataset_series(c->ds, rows[q].series);
        ind_said said = ind_say_prognosis(&rows[q].a, &rows[q].g, ind_dataset_str(c->ds, se->indicator), se->info, c->k,
                                          c->lang);
        ind_doc_list_item(c->doc, said.text);
        ind_said_free(&said);
    }
    if (!any)
        ind_doc_paragraph(c->doc, c->en ? "No indicator is below its target after the tertial."
                                        : "Ingen indikator ligger under sitt årsmål efter tertialet.");
}

/* The goals' judge for the roll-up: an indicator's prognosis as a verdict
 * (uncertain and no prognosis count as unjudged). */
typedef struct {
    const ctx *c;
    const char *unit;
} judge_user;

static int judge_prognosis(void *user, const ind_dataset *ds, size_t series, int year, size_t *obs, ind_verdict *v)
{
    (void)year;
    const judge_user *u = user;
    const ctx *c = u->c;
    long i = ind_dataset_find_obs(ds, series, c->period);
    if (i < 0 || !ind_opts_names(c->opt, ds, ind_dataset_series(ds, series)))
        return -1;
    ind_prognosis g;
    ind_error err;
    ind_prognosis_of(ds, series, c->period, c->opt->alpha, &c->opt->policy, &g, &err);
    *obs = (size_t)i;
    *v = g.verdict == IND_PROGNOSIS_MET      ? IND_VERDICT_MET
         : g.verdict == IND_PROGNOSIS_PARTLY ? IND_VERDICT_PARTLY
         : g.verdict == IND_PROGNOSIS_NOT_MET ? IND_VERDICT_NOT_MET
                                              : IND_VERDICT_NO_DATA;
    return 0;
}

static void goal_heading(ctx *c, const ind_goal *g, const ind_goal_tally *t, int level)
{
    char buf[1200];
    snprintf(buf, sizeof buf, "%s %s", g->id, g->text);
    ind_doc_heading(c->doc, level, buf);
    if (!t->met && !t->partly && !t->not_met && !t->unjudged) {
        ind_doc_paragraph(c->doc, c->en ? "None of the goal's indicators is followed per tertial: the goal is assessed in the annual report."
                                        : "Inga av målets indikatorer följs per tertial: målet bedöms i verksamhetsberättelsen.");
        return;
    }
    const char *label = t->proposed ? (c->en ? ind_assessment_label_en(t->proposed) : ind_assessment_label_sv(t->proposed))
                                    : (c->en ? "no prognosis" : "ingen prognos");
    snprintf(buf, sizeof buf,
             c->en ? "Year-end prognosis for the goal: %s (from its indicators: %zu met, %zu partly, %zu not met, %zu uncertain or without a prognosis)."
                   : "Helårsprognos för målet: %s (av indikatorerna uppfylls %zu helt, %zu delvis och %zu inte; %zu är osäkra eller saknar prognos).",
             label, t->met, t->partly, t->not_met, t->unjudged);
    ind_doc_paragraph(c->doc, buf);
}

static void goals_section(ctx *c, const char *unit, const row_info *rows, size_t n, int level)
{
    ind_doc_heading(c->doc, level, c->en ? "Goals and indicators" : "Mål och indikatorer");
    unsigned char *done = ind_build_must(calloc(n ? n : 1, 1)), *pick = ind_build_must(calloc(n ? n : 1, 1));
    if (c->goals) {
        size_t ng = ind_goals_count(c->goals), count;
        ind_goal_tally *tally = ind_build_must(calloc(ng + 1, sizeof *tally));
        judge_user u = {c, unit};
        ind_error err;
        ind_goals_rollup_by(c->goals, c->ds, &c->opt->rollup, c->year, judge_prognosis, &u, tally, &err);
        size_t *order = ind_build_must(ind_goals_order(c->goals, &count));
        for (size_t k = 0; k < count; k++) {
            const ind_goal *g = ind_goals_at(c->goals, order[k]);
            if (strcmp(g->unit, unit) != 0 || (g->year && g->year != c->year))
                continue;
            int linked = 0;
            for (size_t q = 0; q < n; q++) {
                pick[q] = strcmp(rows[q].goal, g->id) == 0;
                done[q] |= pick[q];
                linked |= pick[q];
            }
            goal_heading(c, g, &tally[order[k]], level + 1);
            if (linked)
                rows_block(c, rows, n, pick);
        }
        free(order);
        free(tally);
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

static void methods(ctx *c)
{
    char buf[1600], lvl[32];
    ind_doc_page_break(c->doc);
    ind_doc_heading(c->doc, 1, c->en ? "Methods" : "Metod");
    ind_doc_paragraph(c->doc, ind_opts_policy_text(c->opt, buf, sizeof buf));
    snprintf(buf, sizeof buf,
             c->en ? "Year-end prognosis: the outcome at the year's end is predicted from the tertial's outcome and the way the indicator has changed from tertial %d to the year's end in earlier years (with three or more such years: the mean change, with a %s prediction interval from their spread); with fewer years, from the trend of the tertials (OLS). The prognosis is met, partly or not met when the whole interval and the prediction fall on that side of the target by the rule above, and uncertain when they do not. A goal's prognosis rolls up its indicators' prognoses by the same rule as the annual report's assessment; uncertain ones are not counted. Indicators followed per year are reported in the annual report."
                   : "Helårsprognos: utfallet vid årets slut förutsägs från tertialets utfall och hur indikatorn har förändrats från tertial %d till årets slut tidigare år (med tre eller fler sådana år: den genomsnittliga förändringen, med ett prognosintervall på %s från spridningen mellan åren); med färre år från trenden i tertialen (OLS). Prognosen är att årsmålet uppfylls helt, delvis eller inte när hela intervallet och prognosen hamnar på den sidan om årsmålet enligt regeln ovan, och osäker annars. Ett måls prognos räknas fram från dess indikatorers prognoser med samma regel som bedömningen i verksamhetsberättelsen; osäkra räknas inte. Indikatorer som följs per år redovisas i verksamhetsberättelsen.",
             c->k, ind_build_numg(1 - c->opt->alpha, IND_UNIT_SHARE, c->lang, lvl, sizeof lvl));
    ind_doc_paragraph(c->doc, buf);
    ind_build_reference_method(c->doc, c->opt);
    ind_doc_note(c->doc, c->en ? "Formulas and references: docs/methods.md (the prognosis) in indikator's source."
                               : "Formler och referenser: docs/methods.md (prognosen) i indikators källkod.");
}

/* ---- the document ---------------------------------------------------------------------------- */

static ind_doc *new_document(ctx *c, const ind_build_input *in, const char *unit, int all_units)
{
    int en = c->en;
    char title[600], subject[400], date[40], subtitle[200], line[2000];
    snprintf(subtitle, sizeof subtitle, en ? "Tertial report %d %d" : "Tertialrapport %d %d", c->k, c->year);
    if (c->opt->title)
        snprintf(title, sizeof title, "%s", c->opt->title);
    else
        snprintf(title, sizeof title, "%s: %s%s%s", subtitle, en ? "indicators" : "indikatorer", all_units ? "" : " – ",
                 all_units ? "" : unit);
    snprintf(subject, sizeof subject,
             en ? "Indicators after tertial %d %d with a year-end prognosis" : "Indikatorer efter tertial %d %d med helårsprognos",
             c->k, c->year);
    snprintf(date, sizeof date, "%d-%s-%sT00:00:00", c->year, c->k == 1 ? "04" : "08", c->k == 1 ? "30" : "31");
    ind_doc_meta meta = {title, subject, all_units ? (en ? "All units" : "Alla enheter") : unit, subtitle, in->creator,
                         date, c->lang};
    ind_doc *doc = ind_doc_new(&meta);
    for (size_t i = 0; i < c->opt->organisation_count; i++)
        ind_doc_cover_line(doc, c->opt->organisation[i]);
    snprintf(line, sizeof line, en ? "Unit: %s" : "Enhet: %s", all_units ? (en ? "all units" : "alla enheter") : unit);
    ind_doc_cover_line(doc, line);
    snprintf(line, sizeof line, en ? "Period: %s %d" : "Period: %s %d",
             c->k == 1 ? (en ? "January–April" : "januari–april") : (en ? "May–August" : "maj–augusti"), c->year);
    ind_doc_cover_line(doc, line);
    size_t l = (size_t)snprintf(line, sizeof line, en ? "Data: " : "Underlag: ");
    for (size_t i = 0; i < in->source_count && l < sizeof line; i++)
        l += (size_t)snprintf(line + l, sizeof line - l, "%s%s", i ? ", " : "", ind_build_source(in, i));
    ind_doc_cover_line(doc, line);
    char per[32];
    snprintf(line, sizeof line, en ? "Data up to: %s" : "Uppgifter till och med: %s",
             ind_period_label(c->period, per, sizeof per));
    ind_doc_cover_line(doc, line);
    snprintf(line, sizeof line, en ? "Made with %s" : "Framtagen med %s", in->creator);
    ind_doc_cover_line(doc, line);
    ind_build_facts(doc, in, c->opt);
    return doc;
}

static void unit_section(ctx *c, const char *unit, const row_info *rows, size_t n, int level)
{
    summary(c, unit, rows, n, level);
    goals_section(c, unit, rows, n, level);
}

/* The units to report: every unit with an indicator followed per tertial, or the one asked for. */
static size_t report_units(const ctx *c, int all_units, const char **units)
{
    size_t nu = 0;
    if (!all_units) {
        units[nu++] = c->opt->units[0];
        return nu;
    }
    for (size_t s = 0; s < ind_dataset_series_count(c->ds); s++) {
        const ind_series *se = ind_dataset_series(c->ds, s);
        const char *u = ind_dataset_str(c->ds, se->unit);
        if (ind_dataset_find_obs(c->ds, s, c->period) < 0 || !ind_opts_names(c->opt, c->ds, se))
            continue;
        if (!nu || strcmp(units[nu - 1], u) != 0)
            units[nu++] = u;
    }
    return nu;
}

ind_doc *ind_build_tertial(const ind_build_input *in, const ind_opts *o, int all_units, ind_error *err)
{
    if (ind_period_kind_of(o->period) != IND_PERIOD_TERTIAL || ind_period_sub(o->period) > 2) {
        ind_error_set(err, IND_EUSAGE, "", 0, 0, "a tertial report is for YYYY-T1 or YYYY-T2");
        return NULL;
    }
    if (!all_units && o->unit_count != 1) {
        ind_error_set(err, IND_EUSAGE, "", 0, 0, "a report is about one unit, or every unit");
        return NULL;
    }
    ctx c = {o, in->ds, in->goals, NULL, o->period, ind_period_year(o->period), ind_period_sub(o->period), o->lang,
             o->lang == IND_LANG_EN};
    const char **units = ind_build_must(calloc(ind_dataset_series_count(in->ds) + 1, sizeof *units));
    size_t nu = report_units(&c, all_units, units);
    row_info **rows = ind_build_must(calloc(nu + 1, sizeof *rows));
    size_t *nrows = ind_build_must(calloc(nu + 1, sizeof *nrows)), tertial = 0;
    for (size_t u = 0; u < nu; u++) {
        nrows[u] = unit_rows(&c, units[u], &rows[u]);
        for (size_t q = 0; q < nrows[u]; q++)
            tertial += rows[u][q].obs >= 0;
    }
    if (!tertial) {
        char per[32];
        ind_error_set(err, IND_EINPUT, "", 0, 0,
                      "nothing to report: %s has no indicator with an outcome for %s",
                      all_units ? "no unit" : units[0],
                      ind_period_label(c.period, per, sizeof per));
    } else {
        c.doc = new_document(&c, in, units[0], all_units);
        for (size_t u = 0; u < nu; u++) {
            if (all_units) {
                if (u)
                    ind_doc_page_break(c.doc);
                ind_doc_heading(c.doc, 1, units[u]);
            }
            unit_section(&c, units[u], rows[u], nrows[u], all_units ? 2 : 1);
            if (in->progress && nu > 1)
                in->progress(in->progress_user, u + 1, nu, units[u]);
        }
        methods(&c);
    }
    for (size_t u = 0; u < nu; u++)
        free(rows[u]);
    free(rows);
    free(nrows);
    free(units);
    return c.doc;
}
