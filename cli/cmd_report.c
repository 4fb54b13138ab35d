/* cmd_report.c: `indikator report`: the VB's indicator section as a finished PDF. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compare.h"
#include "goals.h"
#include "number.h"
#include "outlook.h"
#include "report.h"
#include "figures.h"

/* Okabe-Ito colours for verdict words in tables (colour is never alone: the word and symbol carry it) */
static unsigned verdict_colour(ind_verdict v)
{
    switch (v) {
    case IND_VERDICT_MET: return 0x0072B2 + 1;     /* blue */
    case IND_VERDICT_PARTLY: return 0x9A6A00 + 1;  /* dark yellow-orange, readable on white */
    case IND_VERDICT_NOT_MET: return 0xC0392B + 1; /* vermillion-like */
    default: return 0x5A646E + 1;
    }
}

typedef struct {
    const cli_opts *opt;
    const ind_dataset *ds;
    const ind_goals *goals;
    const ind_goal_tally *tally;
    ind_attain_policy policy;
    int year;
    ind_period end; /* the last moment of the year: a VB for the year uses no later outcome */
    ind_lang lang;
    int en; /* lang == IND_LANG_EN */
    char **pool; /* strings owned until the report is written */
    size_t npool, cap;
    /* comparisons: the same for every unit of a report, so computed once */
    struct cached_compare {
        ind_str indicator;
        ind_period period;
        int ok;
        ind_cmp_result res;
    } *cmp;
    size_t ncmp, cmpcap;
} ctx;

static const ind_cmp_result *compare_cached(ctx *c, ind_str indicator, ind_period period, const ind_cmp_options *co)
{
    for (size_t i = 0; i < c->ncmp; i++)
        if (c->cmp[i].indicator == indicator && c->cmp[i].period == period)
            return c->cmp[i].ok ? &c->cmp[i].res : NULL;
    if (c->ncmp == c->cmpcap) {
        c->cmpcap = c->cmpcap ? c->cmpcap * 2 : 64;
        c->cmp = realloc(c->cmp, c->cmpcap * sizeof *c->cmp);
        if (!c->cmp) {
            fprintf(stderr, "indikator: out of memory\n");
            exit(4);
        }
    }
    struct cached_compare *e = &c->cmp[c->ncmp++];
    memset(e, 0, sizeof *e);
    e->indicator = indicator;
    e->period = period;
    ind_error err;
    e->ok = ind_compare(c->ds, ind_dataset_str(c->ds, indicator), co, &e->res, &err) == IND_OK;
    return e->ok ? &e->res : NULL;
}

static const char *keep(ctx *c, const char *s)
{
    if (c->npool == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 256;
        c->pool = realloc(c->pool, c->cap * sizeof *c->pool);
    }
    return c->pool[c->npool++] = strdup(s ? s : "");
}

static const char *num(ctx *c, double v, const ind_series *s)
{
    char buf[64], out[80];
    if (isnan(v))
        return "–";
    int dec = s->info ? s->info->decimals : 1;
    if (c->en)
        ind_num_format_en(v, dec, 0, buf, sizeof buf);
    else
        ind_num_format_sv(v, dec, IND_FMT_UNICODE, buf, sizeof buf); /* "−2,5 %", as the charts write it */
    /* a no-break space: "6,7 %" never wraps before its sign in a narrow column */
    snprintf(out, sizeof out, "%s%s", buf,
             s->info && s->info->measure == IND_MEASURE_PERCENT ? (c->en ? "%" : "\u00a0%") : "");
    return keep(c, out);
}

/* A target as written, with "4 %" held together by a no-break space. */
static const char *unbroken(ctx *c, const char *s)
{
    char out[512];
    size_t k = 0;
    for (size_t i = 0; s[i] && k + 3 < sizeof out; i++) {
        if (s[i] == ' ' && s[i + 1] == '%') {
            out[k++] = (char)0xC2;
            out[k++] = (char)0xA0;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
    return keep(c, out);
}

/* The value of unit/indicator/gender at the period of obs i, NaN when none. */
static double gender_value(const ind_dataset *ds, const ind_series *s, ind_period p, ind_gender g)
{
    long sg = ind_dataset_find_series(ds, ind_dataset_str(ds, s->unit), ind_dataset_str(ds, s->indicator), g);
    long j = sg >= 0 ? ind_dataset_find_obs(ds, (size_t)sg, p) : -1;
    return j >= 0 ? ind_dataset_value(ds, (size_t)j) : NAN;
}

/* The unit's total series in catalogue-free name order, with their observation for the year. */
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
    row_info *rows = calloc(ns ? ns : 1, sizeof *rows);
    for (size_t s = 0; s < ns; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (se->gender != IND_GENDER_T || strcmp(ind_dataset_str(ds, se->unit), unit) != 0)
            continue;
        if (c->opt->indicator_count && !cli_series_selected(c->opt, ds, se, 0))
            continue;
        long i = ind_series_year_obs(ds, s, c->year);
        if (i < 0)
            continue;
        ind_obs o;
        ind_dataset_get(ds, (size_t)i, &o);
        rows[n].series = s;
        rows[n].obs = i;
        ind_attain_obs(ds, (size_t)i, 0, &c->policy, c->lang, &rows[n].a);
        ind_attain_obs(ds, (size_t)i, 1, &c->policy, c->lang, &rows[n].kf);
        rows[n].goal = ind_dataset_str(ds, o.goal);
        n++;
    }
    *out = rows;
    return n;
}

static void indicator_table(ctx *c, ind_report *r, const row_info *rows, size_t n)
{
    /* the VB's own columns; the year before is named, as the VB names it */
    char prev[48];
    snprintf(prev, sizeof prev, c->en ? "Outcome %d" : "Utfall %d", c->year - 1);
    const char *const head_sv[] = {"Indikator", "Periodens utfall", "Utfall män", "Utfall kvinnor",
                                   prev, "Årsmål", "KF:s årsmål", "Bedömning"};
    const char *const head_en[] = {"Indicator", "Outcome", "Men", "Women", prev, "Target", "KF target", "Assessment"};
    /* points; each column as wide as its longest header word and value in
     * 8-point type, the verdict on one or two lines, the rest to the name */
    static const double fixed[] = {0, 54, 40, 46, 44, 44, 52, 80};
    double widths[8];
    widths[0] = IND_REPORT_TEXT_W;
    for (int k = 1; k < 8; k++) {
        widths[k] = fixed[k];
        widths[0] -= fixed[k];
    }
    static const ind_report_align align[] = {IND_REPORT_LEFT, IND_REPORT_RIGHT, IND_REPORT_RIGHT, IND_REPORT_RIGHT,
                                             IND_REPORT_RIGHT, IND_REPORT_RIGHT, IND_REPORT_RIGHT, IND_REPORT_LEFT};
    ind_report_cell *cells = calloc(n * 8 + 1, sizeof *cells);
    const ind_dataset *ds = c->ds;
    for (size_t k = 0; k < n; k++) {
        const ind_series *se = ind_dataset_series(ds, rows[k].series);
        ind_obs o;
        ind_dataset_get(ds, (size_t)rows[k].obs, &o);
        ind_report_cell *row = &cells[k * 8];
        row[0].text = ind_dataset_str(ds, se->indicator);
        row[1].text = num(c, o.value, se);
        row[2].text = num(c, gender_value(ds, se, o.period, IND_GENDER_M), se);
        row[3].text = num(c, gender_value(ds, se, o.period, IND_GENDER_K), se);
        row[4].text = num(c, rows[k].a.previous, se);
        row[5].text = o.target ? unbroken(c, ind_dataset_str(ds, o.target)) : "–";
        row[6].text = o.kf_target ? unbroken(c, ind_dataset_str(ds, o.kf_target)) : "–";
        char v[96];
        snprintf(v, sizeof v, "%s %s%s", ind_verdict_symbol(rows[k].a.verdict),
                 c->en ? ind_verdict_label_en(rows[k].a.verdict) : ind_verdict_label_sv(rows[k].a.verdict),
                 rows[k].a.uncertain ? (c->en ? " (uncertain)" : " (osäker)") : "");
        row[7].text = keep(c, v);
        row[7].colour = verdict_colour(rows[k].a.verdict);
        row[7].bold = rows[k].a.verdict <= IND_VERDICT_NOT_MET;
    }
    ind_report_grid g = {8, n, c->en ? head_en : head_sv, widths, align, cells};
    ind_report_table(r, &g);
    free(cells);
}

/* Under the indicator's own heading its name need not open every sentence:
 * "Sjukfrånvaro 6,7 % mot ..." becomes "Utfallet 6,7 % mot ...". */
static void append_without_name(char *text, size_t *len, size_t size, const char *sentence, const char *name,
                                const char *instead)
{
    size_t nl = strlen(name);
    if (strncmp(sentence, name, nl) == 0) {
        sentence += nl;
        if (*sentence == ':') {
            sentence++;
            while (*sentence == ' ')
                sentence++;
            /* "skillnaden mellan ..." starts a sentence now */
            if (*len < size)
                *len += (size_t)snprintf(text + *len, size - *len, "%s%c%s", *len ? " " : "",
                                         (*sentence >= 'a' && *sentence <= 'z') ? *sentence - 32 : *sentence,
                                         *sentence ? sentence + 1 : "");
            return;
        }
        if (*len < size)
            *len += (size_t)snprintf(text + *len, size - *len, "%s%s%s", *len ? " " : "", instead, sentence);
        return;
    }
    if (*len < size)
        *len += (size_t)snprintf(text + *len, size - *len, "%s%s", *len ? " " : "", sentence);
}

static void indicator_details(ctx *c, ind_report *r, const row_info *row)
{
    const ind_dataset *ds = c->ds;
    const ind_series *se = ind_dataset_series(ds, row->series);
    ind_error err;
    ind_report_heading(r, 3, ind_dataset_str(ds, se->indicator));
    cli_fig_trend(r, ds, row->series, c->opt, c->year);
    char text[2400];
    size_t len = 0;
    text[0] = '\0';
    const char *name = ind_dataset_str(ds, se->indicator);
    ind_outlook_trend tr;
    if (ind_outlook_trend_of(ds, row->series, 0, c->end, c->opt->alpha, c->lang, &tr, &err) == IND_OK) {
        append_without_name(text, &len, sizeof text, tr.sentence, name, c->en ? "The series" : "Serien");
        ind_outlook_trend_free(&tr);
    }
    char sentence[600];
    ind_attain_sentence(&row->a, name, se->info, c->lang, sentence, sizeof sentence);
    if (row->a.verdict <= IND_VERDICT_NOT_MET)
        append_without_name(text, &len, sizeof text, sentence, name, c->en ? "The outcome" : "Utfallet");
    ind_outlook_gap gap;
    if (ind_outlook_gap_of(ds, row->series, 0, c->end, c->opt->alpha, c->lang, &gap, &err) == IND_OK) {
        if (gap.have && gap.n)
            append_without_name(text, &len, sizeof text, gap.sentence, name, "");
        ind_outlook_gap_free(&gap);
    }
    ind_outlook_forecast fc;
    if (ind_outlook_forecast_until(ds, row->series, c->end, c->opt->alpha, c->lang, &fc, &err) == IND_OK && fc.have)
        append_without_name(text, &len, sizeof text, fc.sentence, name, "");
    ind_report_paragraph(r, text, 0);
}

/* The goal levels in English (the engine names them in Swedish). */
static const char *goal_level_en(ind_goal_level l)
{
    static const char *const c[] = {"City council direction goal", "City council goal for the area", "Committee goal",
                                     "Unit goal"};
    return (unsigned)l < 4 ? c[l] : "";
}

static void unit_section(ctx *c, ind_report *r, const char *unit, int level, int compare)
{
    const ind_dataset *ds = c->ds;
    row_info *rows;
    size_t n = unit_rows(c, unit, &rows);
    char buf[800];
    /* summary */
    size_t count[IND_VERDICT_COUNT] = {0};
    for (size_t k = 0; k < n; k++)
        count[rows[k].a.verdict]++;
    ind_report_heading(r, level, c->en ? "Summary" : "Sammanfattning");
    snprintf(buf, sizeof buf,
             c->en ? "%s %d: %zu indicators judged against their targets: %zu met, %zu partly met, %zu not met; %zu without a target, %zu without an outcome, %zu with too small a base."
                   : "%s %d: %zu indikatorer bedömda mot sina årsmål: %zu uppfylls helt, %zu delvis, %zu inte; %zu saknar årsmål, %zu saknar utfall, %zu har för litet underlag.",
             unit, c->year, n, count[IND_VERDICT_MET], count[IND_VERDICT_PARTLY], count[IND_VERDICT_NOT_MET],
             count[IND_VERDICT_NO_TARGET] + count[IND_VERDICT_NO_DIRECTION], count[IND_VERDICT_NO_DATA],
             count[IND_VERDICT_SMALL_BASE]);
    ind_report_paragraph(r, buf, 0);
    cli_fig_status(r, ds, rows ? &rows[0].series : NULL, n, sizeof *rows, c->opt, c->year);
    /* flags */
    int any = 0;
    for (size_t k = 0; k < n; k++) {
        if (rows[k].a.verdict != IND_VERDICT_NOT_MET && rows[k].a.verdict != IND_VERDICT_PARTLY)
            continue;
        if (!any)
            ind_report_paragraph(r, c->en ? "Below target:" : "Under årsmålet:", 0);
        any = 1;
        const ind_series *se = ind_dataset_series(ds, rows[k].series);
        char s[600];
        ind_attain_sentence(&rows[k].a, ind_dataset_str(ds, se->indicator), se->info, c->lang, s, sizeof s);
        snprintf(buf, sizeof buf, "• %s", s);
        ind_report_paragraph(r, buf, 0);
    }
    if (!any)
        ind_report_paragraph(r, c->en ? "No indicator is below its target." : "Ingen indikator ligger under sitt årsmål.", 0);

    /* goals in hierarchy order */
    ind_report_heading(r, level, c->en ? "Goals and indicators" : "Mål och indikatorer");
    unsigned char *done = calloc(n ? n : 1, 1);
    if (c->goals) {
        size_t count_order;
        size_t *order = ind_goals_order(c->goals, &count_order);
        for (size_t k = 0; k < count_order; k++) {
            const ind_goal *g = ind_goals_at(c->goals, order[k]);
            if (strcmp(g->unit, unit) != 0 || (g->year && g->year != c->year))
                continue;
            size_t linked = 0;
            for (size_t q = 0; q < n; q++)
                linked += strcmp(rows[q].goal, g->id) == 0;
            snprintf(buf, sizeof buf, "%s %s", g->id, g->text);
            ind_report_heading(r, level + 1, buf);
            const ind_goal_tally *t = &c->tally[order[k]];
            snprintf(buf, sizeof buf,
                     c->en ? "%s. Proposed assessment: %s (%zu met, %zu partly, %zu not met, %zu not judged)%s%s."
                           : "%s. Föreslagen bedömning: %s (%zu helt, %zu delvis, %zu inte, %zu ej bedömda)%s%s.",
                     c->en ? goal_level_en(g->level) : ind_goal_level_label_sv(g->level),
                     t->proposed ? (c->en ? ind_assessment_label_en(t->proposed) : ind_assessment_label_sv(t->proposed))
                                 : (c->en ? "none" : "ingen"),
                     t->met, t->partly, t->not_met, t->unjudged,
                     g->recorded ? (c->en ? "; recorded: " : "; registrerad: ") : "",
                     g->recorded ? (c->en ? ind_assessment_label_en(g->recorded) : ind_assessment_label_sv(g->recorded)) : "");
            ind_report_paragraph(r, buf, 0);
            if (g->recorded && t->proposed && g->recorded != t->proposed)
                ind_report_paragraph(r, c->en ? "The recorded assessment differs from the one the indicators suggest."
                                              : "Den registrerade bedömningen skiljer sig från den som indikatorerna ger.", 1);
            if (!linked)
                continue;
            row_info *sub = calloc(linked, sizeof *sub);
            size_t m = 0;
            for (size_t q = 0; q < n; q++)
                if (strcmp(rows[q].goal, g->id) == 0) {
                    sub[m++] = rows[q];
                    done[q] = 1;
                }
            indicator_table(c, r, sub, m);
            for (size_t q = 0; q < m; q++)
                indicator_details(c, r, &sub[q]);
            free(sub);
        }
        free(order);
    }
    size_t rest = 0;
    for (size_t q = 0; q < n; q++)
        rest += !done[q];
    if (rest) {
        ind_report_heading(r, level + 1, c->en ? "Other indicators" : "Övriga indikatorer");
        row_info *sub = calloc(rest, sizeof *sub);
        size_t m = 0;
        for (size_t q = 0; q < n; q++)
            if (!done[q])
                sub[m++] = rows[q];
        indicator_table(c, r, sub, m);
        for (size_t q = 0; q < m; q++)
            indicator_details(c, r, &sub[q]);
        free(sub);
    }
    free(done);

    /* comparison with other units (in a report of every unit: once, in the overview) */
    if (!compare) {
        free(rows);
        return;
    }
    ind_report_heading(r, level, c->en ? "Compared with other units" : "Jämförelse med andra enheter");
    int compared = 0;
    for (size_t q = 0; q < n; q++) {
        const ind_series *se = ind_dataset_series(ds, rows[q].series);
        ind_cmp_options co;
        ind_cmp_options_default(&co);
        co.lang = c->lang;
        co.policy = c->policy;
        co.period = ind_dataset_period(ds, (size_t)rows[q].obs);
        co.to = c->end;
        const ind_cmp_result *found = compare_cached(c, se->indicator, co.period, &co);
        if (found && found->tested >= 3) {
            const ind_cmp_result cr = *found;
            ind_report_heading(r, level + 1, ind_dataset_str(ds, se->indicator));
            cli_fig_compare(r, ds, &cr, unit, c->opt);
            size_t len = (size_t)snprintf(buf, sizeof buf, "%s", cr.sentence);
            for (size_t u = 0; u < cr.unit_count; u++)
                if (strcmp(ind_dataset_str(ds, cr.units[u].unit), unit) == 0)
                    snprintf(buf + len, sizeof buf - len, " %s", cr.units[u].sentence);
            ind_report_paragraph(r, buf, 0);
            if (cr.note[0])
                ind_report_paragraph(r, cr.note, 1);
            compared++;
        }
    }
    if (!compared)
        ind_report_paragraph(r, c->en ? "No indicator is shared with enough other units to compare."
                                      : "Ingen indikator delas med tillräckligt många andra enheter för en jämförelse.", 0);
    free(rows);
}

static void methods_page(ctx *c, ind_report *r)
{
    char buf[1200], pol[600];
    ind_report_page_break(r);
    ind_report_heading(r, 1, c->en ? "Methods" : "Metod");
    cli_policy_text(c->opt, &c->policy, pol, sizeof pol);
    ind_report_paragraph(r, pol, 0);
    snprintf(buf, sizeof buf, "%s",
             c->en ? "Verdicts: met when the outcome reaches the target in the indicator's direction (higher or lower is better, as the catalogue says); partly when short of it by no more than the tolerance; max N, min N, bands T ± b, öka/minska (against the year before) likewise. Text targets such as \"Tas fram av nämnd/styrelse\" and city-wide KF targets are not used to judge a unit. Goals: fully met when every judged indicator is met, not met when fewer than half are met or partly met, otherwise partly."
                   : "Bedömningar: uppfylls helt när utfallet når årsmålet i indikatorns riktning (högre eller lägre är bättre, enligt katalogen); delvis när det saknas högst toleransen; max N, min N, intervall T ± b och öka/minska (mot året innan) på samma sätt. Textmål som \"Tas fram av nämnd/styrelse\" och KF:s årsmål för hela staden används inte för att bedöma en enhet. Mål: uppfylls helt när varje bedömd indikator uppfylls, inte när färre än hälften uppfylls helt eller delvis, annars delvis.");
    ind_report_paragraph(r, buf, 0);
    snprintf(buf, sizeof buf,
             c->en ? "Trends: Mann-Kendall test (exact null distribution for short series) with Sen's slope per year, significance level %g; OLS with a 95 %% prediction interval for the forecast against the next target. Gender gap: women minus men, its trend by the same test, and the latest year's gap by a two-proportion test (Fisher's exact test for small counts). Comparisons: Pearson's chi-square test and pairwise two-proportion tests with Holm-adjusted p-values; Wilson intervals; funnel limits on the arcsine scale (Spiegelhalter 2005) with overdispersion by DerSimonian-Laird."
                   : "Trender: Mann-Kendalls test (exakt fördelning för korta serier) med Sens lutning per år, signifikansnivå %g; OLS med 95 %%-prognosintervall för prognosen mot nästa årsmål. Könsskillnad: kvinnor minus män, dess trend med samma test och senaste årets skillnad med test av två andelar (Fishers exakta test vid små tal). Jämförelser: Pearsons chi-två-test och parvisa test av två andelar med Holm-justerade p-värden; Wilsonintervall; trattgränser på arcsinskalan (Spiegelhalter 2005) med överspridning enligt DerSimonian-Laird.",
             c->opt->alpha);
    ind_report_paragraph(r, buf, 0);
    ind_report_paragraph(r, c->en ? "Formulas and references: docs/methods.md, docs/methods-trend.md and docs/methods-compare.md in indikator's source."
                                  : "Formler och referenser: docs/methods.md, docs/methods-trend.md och docs/methods-compare.md i indikators källkod.", 1);
}

int cmd_report(cli_opts *opt)
{
    if (!opt->output)
        return cli_error(1, "report needs -o FILE.pdf");
    if (!opt->all_units && opt->unit_count != 1)
        return cli_error(1, "report needs --unit U or --all-units");
    int rc = out_check_not_input(opt, opt->output);
    if (rc)
        return rc;
    /* nor onto a goals file or Kolada's metadata, which are inputs too */
    struct stat out_st, in_st;
    if (stat(opt->output, &out_st) == 0) {
        for (int i = 0; i < opt->goal_count + opt->kolada_meta_count; i++) {
            const char *in = i < opt->goal_count ? opt->goals[i] : opt->kolada_meta[i - opt->goal_count];
            if (stat(in, &in_st) == 0 && in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)
                return cli_error(1, "%s is an input file; indikator never overwrites its input", opt->output);
        }
    }
    cli_data data;
    if ((rc = cli_load(opt, &data)) != 0) {
        cli_data_free(&data);
        return rc;
    }
    ctx c;
    memset(&c, 0, sizeof c);
    c.opt = opt;
    c.ds = data.ds;
    c.lang = opt->lang;
    c.en = c.lang == IND_LANG_EN;
    cli_policy(opt, &c.policy);
    cli_opts year_opt = *opt;
    c.year = opt->year ? opt->year : cli_default_year(&year_opt, data.ds);
    c.end = c.year ? ind_period_make(c.year, IND_PERIOD_MONTH, 12) : IND_PERIOD_NONE;
    ind_error err;
    ind_error_clear(&err);
    ind_goals *goals = ind_goals_new();
    if (opt->goal_count == 0 && opt->file_count == 0) {
        unsigned long size;
        const char *blob = cli_embedded("goals", &size);
        if (size && ind_goals_load_buffer(goals, "goals.csv (built in)", blob, size, &err) != IND_OK)
            rc = cli_fail(&err);
    }
    for (int i = 0; rc == 0 && i < opt->goal_count; i++)
        if (ind_goals_load_file(goals, opt->goals[i], &err) != IND_OK)
            rc = cli_fail(&err);
    ind_goal_tally *tally = calloc(ind_goals_count(goals) + 1, sizeof *tally);
    if (rc == 0) {
        ind_rollup_rule rule;
        cli_rollup_rule(opt, &rule);
        ind_goals_rollup(goals, data.ds, &c.policy, &rule, c.year, tally, &err);
    }
    c.goals = goals;
    c.tally = tally;

    /* units */
    const char **units = calloc(ind_dataset_series_count(data.ds) + 1, sizeof *units);
    size_t nu = 0;
    if (opt->all_units) {
        for (size_t s = 0; s < ind_dataset_series_count(data.ds); s++) {
            const char *u = ind_dataset_str(data.ds, ind_dataset_series(data.ds, s)->unit);
            if (!nu || strcmp(units[nu - 1], u) != 0)
                units[nu++] = u;
        }
    } else {
        units[nu++] = opt->units[0];
    }
    char title[400], subject[400], date[40], yearbuf[16];
    snprintf(yearbuf, sizeof yearbuf, "%d", c.year);
    snprintf(title, sizeof title, (opt->lang == IND_LANG_EN) ? "Annual report %d: indicators%s%s" : "Verksamhetsberättelse %d: indikatorer%s%s",
             c.year, opt->all_units ? "" : " – ", opt->all_units ? "" : units[0]);
    snprintf(subject, sizeof subject, (opt->lang == IND_LANG_EN) ? "Indicator follow-up %d against annual targets" : "Uppföljning av indikatorer %d mot årsmål", c.year);
    snprintf(date, sizeof date, "%d-12-31T00:00:00", c.year);
    char creator[64];
    snprintf(creator, sizeof creator, "indikator %s", IND_VERSION);
    ind_report_options ro = {title, subject, creator, date, (opt->lang == IND_LANG_EN)};
    ind_report *r = ind_report_new(&ro);

    /* cover */
    char line1[600], line2[2000], line3[200], line4[200];
    snprintf(line1, sizeof line1, (opt->lang == IND_LANG_EN) ? "Unit: %s" : "Enhet: %s", opt->all_units ? ((opt->lang == IND_LANG_EN) ? "all units" : "alla enheter") : units[0]);
    size_t l2 = (size_t)snprintf(line2, sizeof line2, (opt->lang == IND_LANG_EN) ? "Data: " : "Underlag: ");
    for (int i = 0; i < data.file_count; i++)
        l2 += (size_t)snprintf(line2 + l2, l2 < sizeof line2 ? sizeof line2 - l2 : 0, "%s%s", i ? ", " : "", data.names[i]);
    ind_period last = 0;
    for (size_t i = 0; i < ind_dataset_obs_count(data.ds); i++)
        if (!isnan(ind_dataset_value(data.ds, i)) && ind_dataset_period(data.ds, i) > last)
            last = ind_dataset_period(data.ds, i);
    char per[32];
    snprintf(line3, sizeof line3, (opt->lang == IND_LANG_EN) ? "Data up to: %s" : "Uppgifter till och med: %s", ind_period_label(last, per, sizeof per));
    snprintf(line4, sizeof line4, (opt->lang == IND_LANG_EN) ? "Made with indikator %s" : "Framtagen med indikator %s", IND_VERSION);
    const char *lines[] = {line1, line2, line3, line4};
    char subtitle[200];
    snprintf(subtitle, sizeof subtitle, (opt->lang == IND_LANG_EN) ? "Annual report %d: indicators" : "Verksamhetsberättelse %d: indikatorer", c.year);
    ind_report_cover(r, opt->all_units ? ((opt->lang == IND_LANG_EN) ? "All units" : "Alla enheter") : units[0], subtitle, lines, 4);

    if (opt->all_units) {
        ind_report_heading(r, 1, (opt->lang == IND_LANG_EN) ? "Overview of the units" : "Översikt över enheterna");
        cli_fig_overview(r, data.ds, units, nu, opt, c.year, &c.policy);
        /* one comparison per indicator that three or more units share */
        ind_report_heading(r, 2, (opt->lang == IND_LANG_EN) ? "Units compared" : "Enheterna jämförda");
        size_t nser = ind_dataset_series_count(data.ds);
        for (size_t s = 0; s < nser; s++) {
            const ind_series *se = ind_dataset_series(data.ds, s);
            if (se->gender != IND_GENDER_T)
                continue;
            int seen = 0;
            for (size_t k = 0; k < s && !seen; k++) {
                const ind_series *sk = ind_dataset_series(data.ds, k);
                seen = sk->gender == IND_GENDER_T && sk->indicator == se->indicator;
            }
            long i = seen ? -1 : ind_series_year_obs(data.ds, s, c.year);
            if (i < 0)
                continue;
            ind_cmp_options co;
            ind_cmp_options_default(&co);
            co.lang = opt->lang;
            co.policy = c.policy;
            co.period = ind_dataset_period(data.ds, (size_t)i);
            co.to = c.end;
            const ind_cmp_result *cr = compare_cached(&c, se->indicator, co.period, &co);
            if (!cr || cr->tested < 3)
                continue;
            ind_report_heading(r, 3, ind_dataset_str(data.ds, se->indicator));
            cli_fig_compare(r, data.ds, cr, NULL, opt);
            ind_report_paragraph(r, cr->sentence, 0);
            if (cr->note[0])
                ind_report_paragraph(r, cr->note, 1);
        }
    }
    for (size_t u = 0; u < nu && rc == 0; u++) {
        if (opt->all_units) {
            ind_report_page_break(r);
            ind_report_heading(r, 1, units[u]);
            unit_section(&c, r, units[u], 2, 0);
        } else {
            unit_section(&c, r, units[u], 1, 1);
        }
        if (!opt->quiet && opt->all_units && nu > 1)
            cli_progress(opt, u + 1, nu, units[u]);
    }
    methods_page(&c, r);
    int pages = 0;
    if (rc == 0 && ind_report_write_pdf(r, opt->output, &pages, &err) != IND_OK)
        rc = cli_fail(&err);
    if (rc == 0)
        cli_note(opt, (opt->lang == IND_LANG_EN) ? "%s: %d pages" : "%s: %d sidor", opt->output, pages);
    ind_report_free(r);
    for (size_t i = 0; i < c.ncmp; i++)
        ind_cmp_result_free(&c.cmp[i].res);
    free(c.cmp);
    for (size_t i = 0; i < c.npool; i++)
        free(c.pool[i]);
    free(c.pool);
    free(units);
    free(tally);
    ind_goals_free(goals);
    cli_data_free(&data);
    return rc;
}
