/* table_trend.c: trend statistics per series, the gap between women and men, and the forecast against årsmål. */
#include "build_int.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "outlook.h"
#include "parallel.h"
#include "reference.h"
#include "sentence.h"

static const ind_colspec trend_columns[] = {
    {"unit", "Enhet", "Unit", IND_CELL_TEXT, 1},
    {"indicator", "Indikator", "Indicator", IND_CELL_TEXT, 1},
    {"gender", "Kön", "Sex", IND_CELL_TEXT, 1},
    {"period_kind", "Periodtyp", "Period kind", IND_CELL_TEXT, 0},
    {"points", "n", "n", IND_CELL_INTEGER, 4},
    {"skipped", "Saknade", "Missing", IND_CELL_INTEGER, 0},
    {"first_period", "Första", "First", IND_CELL_TEXT, 0},
    {"first_value", "Första värde", "First value", IND_CELL_NUMBER, 0},
    {"last_period", "Senaste", "Latest", IND_CELL_TEXT, 3},
    {"last_value", "Senaste värde", "Latest value", IND_CELL_NUMBER, 2},
    {"change", "Förändring", "Change", IND_CELL_NUMBER, 0},
    {"change_relative", "Förändring rel.", "Change rel.", IND_CELL_NUMBER, 0},
    {"ols_slope", "OLS/år", "OLS/yr", IND_CELL_NUMBER, 0},
    {"ols_slope_lo", "OLS KI nedre", "OLS CI low", IND_CELL_NUMBER, 0},
    {"ols_slope_hi", "OLS KI övre", "OLS CI high", IND_CELL_NUMBER, 0},
    {"ols_p", "OLS p", "OLS p", IND_CELL_NUMBER, 0},
    {"ols_r2", "R²", "R²", IND_CELL_NUMBER, 0},
    {"mk_s", "S", "S", IND_CELL_INTEGER, 0},
    {"mk_var_s", "Var(S)", "Var(S)", IND_CELL_NUMBER, 0},
    {"mk_z", "Z", "Z", IND_CELL_NUMBER, 0},
    {"mk_p", "MK p", "MK p", IND_CELL_NUMBER, 4},
    {"mk_method", "MK metod", "MK method", IND_CELL_TEXT, 0},
    {"kendall_tau_b", "tau-b", "tau-b", IND_CELL_NUMBER, 0},
    {"kendall_tau_a", "tau-a", "tau-a", IND_CELL_NUMBER, 0},
    {"sen_slope", "Sen/år", "Sen/yr", IND_CELL_NUMBER, 3},
    {"sen_slope_lo", "Sen KI nedre", "Sen CI low", IND_CELL_NUMBER, 0},
    {"sen_slope_hi", "Sen KI övre", "Sen CI high", IND_CELL_NUMBER, 0},
    {"sen_intercept", "Sen intercept", "Sen intercept", IND_CELL_NUMBER, 0},
    {"verdict", "Trend", "Trend", IND_CELL_TEXT, 0},
    {"verdict_label", "Trend", "Trend", IND_CELL_TEXT, 1},
    {"sentence", "Mening", "Sentence", IND_CELL_TEXT, 0},
    {"gap_points", "Gap n", "Gap n", IND_CELL_INTEGER, 0},
    {"gap_last", "Gap K−M", "Gap W−M", IND_CELL_NUMBER, 0},
    {"gap_sen_slope", "Gap Sen/år", "Gap Sen/yr", IND_CELL_NUMBER, 0},
    {"gap_mk_p", "Gap MK p", "Gap MK p", IND_CELL_NUMBER, 0},
    {"gap_verdict", "Gap", "Gap", IND_CELL_TEXT, 0},
    {"gap_test", "Gap test", "Gap test", IND_CELL_TEXT, 0},
    {"gap_test_p", "Gap test p", "Gap test p", IND_CELL_NUMBER, 0},
    {"gap_difference", "Gap skillnad", "Gap difference", IND_CELL_NUMBER, 0},
    {"gap_ci_lo", "Gap KI nedre", "Gap CI low", IND_CELL_NUMBER, 0},
    {"gap_ci_hi", "Gap KI övre", "Gap CI high", IND_CELL_NUMBER, 0},
    {"gap_sentence", "Könsskillnad", "Gender gap", IND_CELL_TEXT, 0},
    {"forecast_period", "Prognosperiod", "Forecast period", IND_CELL_TEXT, 0},
    {"forecast_target", "Årsmål", "Target", IND_CELL_NUMBER, 0},
    {"forecast", "Prognos", "Forecast", IND_CELL_NUMBER, 0},
    {"forecast_lo", "Prognos nedre", "Forecast low", IND_CELL_NUMBER, 0},
    {"forecast_hi", "Prognos övre", "Forecast high", IND_CELL_NUMBER, 0},
    {"forecast_likely", "Nås", "Met", IND_CELL_TEXT, 2},
    {"forecast_sentence", "Prognosmening", "Forecast sentence", IND_CELL_TEXT, 0},
};

/* The columns of a reference (--reference), after the others: the first's
 * keys as written, the second's with "_2" (labels with " 2"). */
#define REFERENCE_COLUMNS 7
static const ind_colspec reference_columns[IND_OPTS_REFERENCES_MAX][REFERENCE_COLUMNS] = {
    {{"reference", "Referens (namn)", "Reference (name)", IND_CELL_TEXT, 0},
     {"reference_period", "Referensperiod", "Reference period", IND_CELL_TEXT, 0},
     {"reference_value", "Referens", "Reference", IND_CELL_NUMBER, 1},
     {"difference", "Skillnad", "Difference", IND_CELL_NUMBER, 1},
     {"reference_test", "Referenstest", "Reference test", IND_CELL_TEXT, 0},
     {"reference_p", "Referens p", "Reference p", IND_CELL_NUMBER, 0},
     {"reference_sentence", "Referensmening", "Reference sentence", IND_CELL_TEXT, 0}},
    {{"reference_2", "Referens 2 (namn)", "Reference 2 (name)", IND_CELL_TEXT, 0},
     {"reference_period_2", "Referensperiod 2", "Reference period 2", IND_CELL_TEXT, 0},
     {"reference_value_2", "Referens 2", "Reference 2", IND_CELL_NUMBER, 1},
     {"difference_2", "Skillnad 2", "Difference 2", IND_CELL_NUMBER, 1},
     {"reference_test_2", "Referenstest 2", "Reference test 2", IND_CELL_TEXT, 0},
     {"reference_p_2", "Referens p 2", "Reference p 2", IND_CELL_NUMBER, 0},
     {"reference_sentence_2", "Referensmening 2", "Reference sentence 2", IND_CELL_TEXT, 0}},
};

/* The series against one reference at its latest period: name, the
 * reference's period and value, the difference, the test where counts exist,
 * the sentence. Returns 1 when the reference has a value beside the period,
 * -1 when the row is the reference's own, else 0. */
static int reference_cells(ind_doc_table *t, const ind_dataset *ds, size_t series, const ind_outlook_trend *tr,
                           const char *reference, double alpha, ind_lang lang)
{
    const ind_series *se = ind_dataset_series(ds, series);
    ind_doc_text(t, reference);
    if (strcmp(ind_dataset_str(ds, se->unit), reference) == 0) {
        for (int k = 1; k < REFERENCE_COLUMNS; k++)
            k == 1 || k == 4 || k == 6 ? ind_doc_text(t, "") : ind_doc_null(t);
        return -1;
    }
    ind_ref_result r;
    ind_ref_compare(ds, series, ind_ref_series(ds, series, reference), tr->last, 1 - alpha, &r);
    char per[32];
    int dec = ind_opts_decimals(se);
    ind_doc_text(t, r.ref_period ? ind_period_format(r.ref_period, per, sizeof per) : "");
    ind_doc_number(t, r.reference, dec, IND_UNIT_NONE);
    ind_doc_number(t, r.difference, dec, IND_UNIT_NONE);
    ind_doc_text(t, r.test && !isnan(r.p) ? r.test : "");
    ind_doc_pvalue(t, r.test ? r.p : NAN);
    ind_said said = ind_say_reference(&r, reference, se->info, alpha, lang);
    ind_doc_text(t, said.text ? said.text : "");
    ind_said_free(&said);
    return !isnan(r.reference);
}

/* The series' own trend: points, change, OLS, Mann-Kendall, Sen, verdict. */
static void trend_cells(ind_doc_table *t, const ind_dataset *ds, const ind_series *se, const ind_outlook_trend *tr,
                        double alpha, int en)
{
    int dec = ind_opts_decimals(se);
    char per[32];
    ind_doc_text(t, ind_dataset_str(ds, se->unit));
    ind_doc_text(t, ind_dataset_str(ds, se->indicator));
    ind_doc_text(t, ind_gender_code(se->gender));
    ind_doc_text(t, tr->pts.kind == IND_PERIOD_YEAR ? "year" : tr->pts.kind == IND_PERIOD_TERTIAL ? "tertial" : "month");
    ind_doc_integer(t, (long long)tr->pts.n);
    ind_doc_integer(t, (long long)tr->pts.skipped);
    ind_doc_text(t, ind_period_format(tr->first, per, sizeof per));
    ind_doc_number(t, tr->first_value, dec, IND_UNIT_NONE);
    ind_doc_text(t, ind_period_format(tr->last, per, sizeof per));
    ind_doc_number(t, tr->last_value, dec, IND_UNIT_NONE);
    ind_doc_number(t, tr->change, dec, IND_UNIT_NONE);
    ind_doc_number(t, tr->change_relative, 3, IND_UNIT_NONE);
    int h = tr->have_trend;
    const ind_trend_result *r = &tr->trend;
    ind_doc_number(t, h ? r->ols.slope : NAN, dec + 1, IND_UNIT_NONE);
    ind_doc_number(t, h ? r->ols.ci_low : NAN, dec + 1, IND_UNIT_NONE);
    ind_doc_number(t, h ? r->ols.ci_high : NAN, dec + 1, IND_UNIT_NONE);
    ind_doc_pvalue(t, h ? r->ols.p : NAN);
    ind_doc_number(t, h ? r->ols.r2 : NAN, 3, IND_UNIT_NONE);
    if (h)
        ind_doc_integer(t, r->mk.s);
    else
        ind_doc_null(t);
    ind_doc_number(t, h ? r->mk.var_s : NAN, 1, IND_UNIT_NONE);
    ind_doc_number(t, h ? r->mk.z : NAN, 3, IND_UNIT_NONE);
    ind_doc_pvalue(t, h ? r->mk.p : NAN);
    ind_doc_text(t, !h ? "" : r->mk.method == IND_TREND_MK_EXACT ? "exact" : "normal");
    ind_doc_number(t, h ? r->mk.tau_b : NAN, 3, IND_UNIT_NONE);
    ind_doc_number(t, h ? r->mk.tau_a : NAN, 3, IND_UNIT_NONE);
    ind_doc_number(t, h ? r->sen.slope : NAN, dec + 1, IND_UNIT_NONE);
    ind_doc_number(t, h ? r->sen.ci_low : NAN, dec + 1, IND_UNIT_NONE);
    ind_doc_number(t, h ? r->sen.ci_high : NAN, dec + 1, IND_UNIT_NONE);
    ind_doc_number(t, h ? r->sen.intercept : NAN, dec + 1, IND_UNIT_NONE);
    ind_doc_text(t, ind_trend_verdict_name(tr->verdict));
    ind_doc_text(t, en ? ind_trend_verdict_name(tr->verdict) : ind_trend_verdict_label_sv(tr->verdict));
    ind_said said = ind_say_trend(tr, NULL, ind_dataset_str(ds, se->indicator), se->info, alpha, en ? IND_LANG_EN : IND_LANG_SV);
    ind_doc_text(t, said.text);
    ind_said_free(&said);
}

/* The gap between women and men (on the total's row). */
static void gap_cells(ind_doc_table *t, const ind_outlook_gap *gap, int dec, const ind_indicator *info, double alpha,
                      ind_lang lang)
{
    if (!(gap->have && gap->n)) {
        for (int k = 0; k < 11; k++)
            k == 4 || k == 5 || k == 10 ? ind_doc_text(t, "") : ind_doc_null(t);
        return;
    }
    ind_doc_integer(t, (long long)gap->n);
    ind_doc_number(t, gap->last_gap, dec, IND_UNIT_NONE);
    ind_doc_number(t, gap->have_trend ? gap->trend.sen.slope : NAN, dec + 1, IND_UNIT_NONE);
    ind_doc_pvalue(t, gap->have_trend ? gap->trend.mk.p : NAN);
    ind_doc_text(t, ind_gap_verdict_code(gap->verdict));
    ind_doc_code(t, gap->test ? gap->test : "", ind_say_test_name(gap->test, lang));
    ind_doc_pvalue(t, gap->p);
    ind_doc_number(t, gap->diff, 4, IND_UNIT_NONE);
    ind_doc_number(t, gap->ci_lo, 4, IND_UNIT_NONE);
    ind_doc_number(t, gap->ci_hi, 4, IND_UNIT_NONE);
    ind_said said = ind_say_gap(gap, info, alpha, lang);
    ind_doc_text(t, said.text);
    ind_said_free(&said);
}

/* The forecast against the next årsmål (on the total's row). */
static void forecast_cells(ind_doc_table *t, const ind_outlook_forecast *fc, int dec, const ind_indicator *info,
                           double alpha, int en)
{
    if (!fc->have) {
        ind_doc_text(t, "");
        for (int k = 0; k < 4; k++)
            ind_doc_null(t);
        ind_doc_text(t, "");
        ind_doc_text(t, "");
        return;
    }
    char per[32];
    ind_doc_text(t, ind_period_format(fc->period, per, sizeof per));
    ind_doc_number(t, fc->target, dec, IND_UNIT_NONE);
    ind_doc_number(t, fc->yhat, dec, IND_UNIT_NONE);
    ind_doc_number(t, fc->pi_lo, dec, IND_UNIT_NONE);
    ind_doc_number(t, fc->pi_hi, dec, IND_UNIT_NONE);
    ind_doc_text(t, fc->likely > 0   ? (en ? "likely" : "troligen")
                    : fc->likely < 0 ? (en ? "unlikely" : "troligen inte")
                                     : (en ? "uncertain" : "osäkert"));
    ind_said said = ind_say_forecast(fc, info, alpha, en ? IND_LANG_EN : IND_LANG_SV);
    ind_doc_text(t, said.text);
    ind_said_free(&said);
}

/* One series' row before its cells: its outlooks, computed on every core. */
typedef struct {
    size_t series;
    int skip; /* a series of targets only: no row */
    ind_outlook_trend tr;
    ind_outlook_gap gap;
    ind_outlook_forecast fc;
} trend_row;

/* A thread's share of a chunk of rows: first its outlooks (fail_at is the
 * first that failed, count when none did, with err its error), then its
 * cells in a part of the table. */
typedef struct {
    _Alignas(64) const ind_dataset *ds;
    const ind_opts *o;
    trend_row *rows;
    size_t count, fail_at;
    ind_error err;
    ind_doc_table *part;
    size_t ref_rows[IND_OPTS_REFERENCES_MAX], ref_found[IND_OPTS_REFERENCES_MAX];
} trend_job;

/* Series chosen per chunk: the outlooks of a chunk are held until its cells
 * are filled, then freed (about 2 KB a series, 9 MB in all under huge pages);
 * fewer, larger chunks start fewer threads and keep both cores busier (1.7
 * cores used against 1.4 with 1 024 on 36 000 series). */
#define TREND_CHUNK 4096
/* Series a job: the cores take the jobs of a chunk in turn, so a core slowed
 * by another program takes fewer (one job a core waited for the slowest: a
 * busy program beside it made `trend` 1.9 times as slow, not 1.3). */
#define TREND_SHARE 128
#define TREND_JOBS (TREND_CHUNK / TREND_SHARE)

static void *trend_outlooks(void *arg)
{
    trend_job *j = arg;
    const ind_opts *o = j->o;
    j->fail_at = j->count;
    for (size_t i = 0; i < j->count; i++) {
        trend_row *r = &j->rows[i];
        memset(&r->gap, 0, sizeof r->gap);
        memset(&r->fc, 0, sizeof r->fc);
        if (ind_outlook_trend_of(j->ds, r->series, o->from, o->to, o->alpha, o->lang, &r->tr, &j->err) != IND_OK) {
            j->fail_at = i;
            return NULL;
        }
        r->skip = r->tr.pts.n == 0;
        if (r->skip) {
            ind_outlook_trend_free(&r->tr);
            continue;
        }
        ind_error ignored;
        if (ind_dataset_series(j->ds, r->series)->gender == IND_GENDER_T) {
            ind_outlook_gap_of(j->ds, r->series, o->from, o->to, o->alpha, o->lang, &r->gap, &ignored);
            ind_outlook_forecast_of(j->ds, r->series, o->alpha, o->lang, &r->fc, &ignored);
        }
    }
    return NULL;
}

static void trend_row_free(trend_row *r)
{
    ind_outlook_gap_free(&r->gap);
    ind_outlook_trend_free(&r->tr);
}

static void *trend_fill(void *arg)
{
    trend_job *j = arg;
    const ind_opts *o = j->o;
    int en = o->lang == IND_LANG_EN;
    size_t nref = o->reference_count < IND_OPTS_REFERENCES_MAX ? o->reference_count : IND_OPTS_REFERENCES_MAX;
    for (size_t i = 0; i < j->count; i++) {
        trend_row *r = &j->rows[i];
        if (r->skip)
            continue;
        const ind_series *se = ind_dataset_series(j->ds, r->series);
        ind_doc_row(j->part);
        trend_cells(j->part, j->ds, se, &r->tr, o->alpha, en);
        gap_cells(j->part, &r->gap, ind_opts_decimals(se), se->info, o->alpha, o->lang);
        forecast_cells(j->part, &r->fc, ind_opts_decimals(se), se->info, o->alpha, en);
        for (size_t k = 0; k < nref; k++) {
            int found = reference_cells(j->part, j->ds, r->series, &r->tr, o->references[k], o->alpha, o->lang);
            j->ref_rows[k] += found >= 0;
            j->ref_found[k] += found > 0;
        }
        trend_row_free(r);
    }
    return NULL;
}

/* The rows of one chunk of chosen series into t, on every core; counts the
 * verdicts and the references found. job has room for TREND_JOBS. IND_OK, or
 * the first series' error in err (the rows not yet filled freed). */
static ind_status trend_chunk(ind_doc_table *t, const ind_dataset *ds, const ind_opts *o, trend_row *rows, size_t n,
                              trend_job *job, size_t counts[6], size_t ref_rows[], size_t ref_found[], ind_error *err)
{
    size_t nj = (n + TREND_SHARE - 1) / TREND_SHARE;
    int threads = n < 64 ? 1 : ind_parallel_cores();
    for (size_t k = 0; k < nj; k++) {
        trend_job *j = &job[k]; /* its err is written only when a series fails */
        j->ds = ds;
        j->o = o;
        j->rows = rows + k * TREND_SHARE;
        j->count = k + 1 < nj ? TREND_SHARE : n - k * TREND_SHARE;
        j->fail_at = 0;
        j->part = NULL;
        memset(j->ref_rows, 0, sizeof j->ref_rows);
        memset(j->ref_found, 0, sizeof j->ref_found);
    }
    ind_parallel_each(trend_outlooks, job, sizeof job[0], nj, threads);
    for (size_t k = 0; k < nj; k++)
        if (job[k].fail_at < job[k].count) {
            *err = job[k].err;
            for (size_t m = 0; m < nj; m++) /* the rows with outlooks: every job ran */
                for (size_t i = 0; i < job[m].fail_at; i++)
                    if (!job[m].rows[i].skip)
                        trend_row_free(&job[m].rows[i]);
            return err->status;
        }
    size_t first[TREND_JOBS], total = 0;
    for (size_t k = 0; k < nj; k++) {
        first[k] = total;
        for (size_t i = 0; i < job[k].count; i++)
            if (!job[k].rows[i].skip) {
                counts[job[k].rows[i].tr.verdict]++;
                total++;
            }
    }
    size_t base = ind_doc_rows_add(t, total);
    for (size_t k = 0; k < nj; k++)
        job[k].part = ind_doc_part_new(t, base + first[k], (k + 1 < nj ? first[k + 1] : total) - first[k]);
    ind_parallel_each(trend_fill, job, sizeof job[0], nj, threads);
    for (size_t k = 0; k < nj; k++) {
        ind_doc_part_done(job[k].part);
        for (size_t r = 0; r < IND_OPTS_REFERENCES_MAX; r++) {
            ref_rows[r] += job[k].ref_rows[r];
            ref_found[r] += job[k].ref_found[r];
        }
    }
    return IND_OK;
}

ind_doc *ind_build_trend(const ind_build_input *in, const ind_opts *o, ind_error *err)
{
    const ind_dataset *ds = in->ds;
    int en = o->lang == IND_LANG_EN;
    ind_doc *doc = ind_build_table_doc(in, o, "Trender", "Trends");
    /* the trend's columns, then each reference's */
    enum { NT = sizeof trend_columns / sizeof trend_columns[0] };
    ind_colspec spec[NT + IND_OPTS_REFERENCES_MAX * REFERENCE_COLUMNS];
    size_t nref = o->reference_count < IND_OPTS_REFERENCES_MAX ? o->reference_count : IND_OPTS_REFERENCES_MAX;
    memcpy(spec, trend_columns, sizeof trend_columns);
    for (size_t k = 0; k < nref; k++)
        memcpy(spec + NT + k * REFERENCE_COLUMNS, reference_columns[k], sizeof reference_columns[k]);
    ind_doc_table *t = ind_build_table(doc, spec, NT + nref * REFERENCE_COLUMNS, NULL);
    size_t ns = ind_dataset_series_count(ds), counts[6] = {0};
    size_t ref_rows[IND_OPTS_REFERENCES_MAX] = {0}, ref_found[IND_OPTS_REFERENCES_MAX] = {0};
    trend_row *rows = ind_build_must(ind_huge_alloc(TREND_CHUNK * sizeof *rows));
    trend_job *job = ind_build_must(malloc(TREND_JOBS * sizeof *job));
    for (size_t s = 0; s < ns;) {
        size_t n = 0;
        for (; s < ns && n < TREND_CHUNK; s++)
            if (ind_opts_series(o, ds, ind_dataset_series(ds, s), 1))
                rows[n++].series = s;
        if (n && trend_chunk(t, ds, o, rows, n, job, counts, ref_rows, ref_found, err) != IND_OK) {
            free(rows);
            free(job);
            ind_doc_free(doc);
            return NULL;
        }
    }
    free(rows);
    free(job);
    char title[400], alpha[32];
    snprintf(title, sizeof title,
             en ? "%zu series: %zu improving, %zu worsening, %zu increasing, %zu decreasing, %zu no clear trend, %zu too few points (alpha %s)"
                : "%zu serier: %zu förbättras, %zu försämras, %zu ökar, %zu minskar, %zu ingen säker trend, %zu för få punkter (signifikansnivå %s)",
             ind_doc_table_rows(t), counts[IND_TREND_IMPROVING], counts[IND_TREND_WORSENING], counts[IND_TREND_INCREASING],
             counts[IND_TREND_DECREASING], counts[IND_TREND_NO_CLEAR_TREND], counts[IND_TREND_TOO_FEW_POINTS],
             ind_build_numg(o->alpha, IND_UNIT_NONE, o->lang, alpha, sizeof alpha));
    ind_doc_table_set_caption(doc, t, title);
    ind_doc_note(doc, en ? "Trend by Mann-Kendall (exact null distribution up to 20 points) and Sen's slope per year; see docs/methods-trend.md."
                         : "Trend enligt Mann-Kendall (exakt fördelning upp till 20 punkter) och Sens lutning per år; se docs/methods-trend.md.");
    for (size_t k = 0; k < nref; k++) {
        char note[800];
        snprintf(note, sizeof note,
                 en ? "Reference%s: %s, its value beside each series' latest period; difference = the series minus the reference. It has a value for %zu of %zu series%s."
                    : "Referens%s: %s, dess värde bredvid varje series senaste period; skillnad = serien minus referensen. Den har ett värde för %zu av %zu serier%s.",
                 k ? " 2" : "", o->references[k], ref_found[k], ref_rows[k],
                 ref_found[k] < ref_rows[k] ? (en ? "; for the others the sentence says what is missing" : "; för övriga säger meningen vad som saknas") : "");
        ind_doc_note(doc, note);
    }
    return doc;
}
