/* cmd_chart.c: `indikator chart KIND`: one chart to PNG, SVG or PDF, from the engine's results. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "build.h"
#include "figures.h"
#include "compare.h"
#include "goals.h"

/* "Källa: demo.csv (built in)" or the files read */
static void default_caption(const cli_opts *opt, const cli_data *data, char *buf, size_t size)
{
    size_t n = (size_t)snprintf(buf, size, (opt->lang == IND_LANG_EN) ? "Source: " : "Källa: ");
    if (opt->file_count == 0) {
        snprintf(buf + n, size - n, (opt->lang == IND_LANG_EN) ? "Exempelstad demo data (synthetic)" : "Exempelstads demodata (syntetiska)");
        return;
    }
    for (int i = 0; i < data->file_count && n < size; i++) {
        const char *slash = strrchr(data->names[i], '/');
        n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "", slash ? slash + 1 : data->names[i]);
    }
}

static int one_series(const cli_opts *opt, const ind_dataset *ds, size_t *out)
{
    if (opt->unit_count != 1 || opt->indicator_count != 1)
        return cli_error(1, "this chart needs exactly one --unit and one --indicator");
    ind_opts o;
    cli_lib_opts(opt, &o);
    for (size_t s = 0; s < ind_dataset_series_count(ds); s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (se->gender == IND_GENDER_T && ind_opts_names(&o, ds, se)) {
            *out = s;
            return 0;
        }
    }
    return cli_error(2, "no total series for %s, %s", opt->units[0], opt->indicators[0]);
}

static int compare_for_chart(const cli_opts *opt, const ind_dataset *ds, ind_cmp_result *r)
{
    if (opt->indicator_count != 1)
        return cli_error(1, "this chart needs exactly one --indicator");
    ind_cmp_options co;
    ind_cmp_options_default(&co);
    co.lang = opt->lang;
    if (opt->period)
        ind_period_parse(opt->period, strlen(opt->period), &co.period, NULL);
    if (!isnan(opt->min_n))
        co.min_n = opt->min_n;
    if (opt->method && ind_cmp_method_parse(opt->method, &co.method) != 0)
        return cli_error(1, "--method: \"%s\" is not a comparison method", opt->method);
    if (opt->gender) /* one gender: chart_args has checked it */
        ind_gender_parse(opt->gender, strlen(opt->gender), &co.gender);
    cli_policy(opt, &co.policy);
    co.overdispersion = opt->overdispersion_none ? IND_FUNNEL_OD_NONE : IND_FUNNEL_OD_AUTO;
    ind_error err;
    ind_error_clear(&err);
    if (ind_compare(ds, opt->indicators[0], &co, r, &err) != IND_OK)
        return cli_fail(&err);
    return 0;
}

/* --from and --to as periods (0 = open); the option parser has checked them */
static void period_range(const cli_opts *opt, ind_period *from, ind_period *to)
{
    *from = *to = 0;
    if (opt->from)
        ind_period_parse(opt->from, strlen(opt->from), from, NULL);
    if (opt->to)
        ind_period_parse(opt->to, strlen(opt->to), to, NULL);
}

/* A file name part from a unit or an indicator: letters, digits and every
 * non-ASCII character kept, each run of anything else one '-'; at most cap
 * bytes, cut at a UTF-8 character boundary. out holds cap + 1 bytes. */
static void slug(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int dash = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n < cap; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p >= 0x80) {
            out[n++] = (char)*p;
            dash = 0;
        } else if (!dash && n > 0) {
            out[n++] = '-';
            dash = 1;
        }
    }
    if (n == cap) { /* perhaps cut inside a character: drop its first bytes too */
        size_t lead = n;
        while (lead > 0 && ((unsigned char)out[lead - 1] & 0xC0) == 0x80)
            lead--;
        if (lead > 0 && (unsigned char)out[lead - 1] >= 0xC0) {
            unsigned char c = (unsigned char)out[lead - 1];
            size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (lead - 1 + need > n)
                n = lead - 1;
        }
    }
    while (n > 0 && out[n - 1] == '-')
        n--;
    out[n] = '\0';
}

/* File names in a chart folder: UNIT--INDICATOR, each part capped so that the
 * longest name with a suffix and ".png.alt.txt" stays far below NAME_MAX (255). */
enum { SLUG_UNIT = 80, SLUG_INDICATOR = 120, BATCH_NAME = SLUG_UNIT + SLUG_INDICATOR + 40 };

/* The name for one series, unique among the names taken so far (compared
 * without ASCII case, as case-insensitive file systems would): the first gets
 * UNIT--INDICATOR, a later one that would collide "-2", "-3", ... in series
 * order, so the same data always gives the same names. Returns 0 or 4. */
static int unique_name(ind_strtab *taken, const char *unit, const char *indicator, char *name)
{
    char a[SLUG_UNIT + 1], b[SLUG_INDICATOR + 1], key[BATCH_NAME];
    slug(unit, a, SLUG_UNIT);
    slug(indicator, b, SLUG_INDICATOR);
    for (unsigned k = 1;; k++) {
        if (k == 1)
            snprintf(name, BATCH_NAME, "%s--%s", a, b);
        else
            snprintf(name, BATCH_NAME, "%s--%s-%u", a, b, k);
        size_t len = strlen(name);
        for (size_t i = 0; i <= len; i++)
            key[i] = (name[i] >= 'A' && name[i] <= 'Z') ? (char)(name[i] - 'A' + 'a') : name[i];
        int found;
        ind_strtab_find(taken, key, len, &found);
        if (!found)
            return ind_strtab_intern(taken, key, len) == (ind_str)-1 ? cli_error(4, "out of memory") : 0;
    }
}

/* The selected total series of a chart folder and their paths FOLDER/NAME.png
 * with the alt text's FOLDER/NAME.png.alt.txt beside each (2 per series). */
typedef struct {
    size_t *series;
    char **paths;
    size_t count;
} batch_plan;

static void batch_plan_free(batch_plan *p)
{
    for (size_t i = 0; i < 2 * p->count; i++)
        free(p->paths[i]);
    free(p->paths);
    free(p->series);
}

static int batch_plan_make(const cli_opts *opt, const ind_dataset *ds, batch_plan *p)
{
    size_t ns = ind_dataset_series_count(ds);
    ind_opts lo;
    cli_lib_opts(opt, &lo);
    memset(p, 0, sizeof *p);
    p->series = malloc((ns + 1) * sizeof *p->series);
    p->paths = calloc(2 * ns + 1, sizeof *p->paths);
    ind_strtab *taken = ind_strtab_new();
    int rc = p->series && p->paths && taken ? 0 : cli_error(4, "out of memory");
    for (size_t s = 0; s < ns && rc == 0; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (se->gender != IND_GENDER_T || !ind_opts_names(&lo, ds, se))
            continue;
        char name[BATCH_NAME];
        if ((rc = unique_name(taken, ind_dataset_str(ds, se->unit), ind_dataset_str(ds, se->indicator), name)) != 0)
            break;
        size_t len = strlen(opt->output) + strlen(name) + 20;
        char *png = malloc(len), *alt = malloc(len);
        p->paths[2 * p->count] = png;
        p->paths[2 * p->count + 1] = alt;
        p->series[p->count++] = s;
        if (!png || !alt) {
            rc = cli_error(4, "out of memory");
            break;
        }
        int dir = (int)strlen(opt->output);
        while (dir > 1 && opt->output[dir - 1] == '/') /* "charts/" as "charts" */
            dir--;
        snprintf(png, len, "%.*s/%s.png", dir, opt->output, name);
        snprintf(alt, len, "%s.alt.txt", png);
    }
    ind_strtab_free(taken);
    return rc;
}

/* `chart trend -o FOLDER`: a trend chart (PNG) for every selected unit × indicator, with progress. */
static int trend_batch(cli_opts *opt)
{
    cli_data data;
    int rc = cli_load(opt, &data);
    if (rc == 0)
        rc = cli_check_selection(opt, data.ds);
    if (rc) {
        cli_data_free(&data);
        return rc;
    }
    const ind_dataset *ds = data.ds;
    batch_plan plan;
    /* the data is in: is the address space for drawing still there? (cli/memory.c) */
    if ((rc = cli_draw_prepare(CLI_DRAW_CHART_MB)) != 0) {
        cli_data_free(&data);
        return rc;
    }
    /* every name first, and none onto an input, before anything is written; then the folder */
    if ((rc = batch_plan_make(opt, ds, &plan)) == 0)
        rc = out_check_outputs(opt, (const char *const *)plan.paths, 2 * plan.count);
    if (rc == 0)
        rc = cli_make_folder(opt->output);
    if (rc) {
        batch_plan_free(&plan);
        cli_data_free(&data);
        return rc;
    }
    char caption[600];
    default_caption(opt, &data, caption, sizeof caption);
    ind_chart_options o;
    ind_chart_options_init(&o);
    o.width = opt->width;
    o.height = opt->height;
    o.dpi = opt->dpi;
    o.lang = opt->lang;
    o.caption = opt->caption ? opt->caption : caption;
    o.ctx = ind_chart_context_new();
    ind_error err;
    ind_error_clear(&err);
    ind_period from, to;
    period_range(opt, &from, &to);
    size_t done = 0;
    cli_progress bar;
    cli_progress_start(&bar, opt, plan.count, opt->lang == IND_LANG_EN ? "charts" : "diagram");
    for (size_t k = 0; k < plan.count && rc == 0; k++) {
        size_t s = plan.series[k];
        const ind_series *se = ind_dataset_series(ds, s);
        ind_fig_trend *m = ind_fig_trend_new(ds, s, from, to, opt->trendline, opt->zoom, opt->alpha, opt->lang);
        for (size_t r = 0; m && r < data.reference_count; r++)
            ind_fig_trend_reference(m, ds, data.references[r], opt->alpha, opt->lang);
        if (m &&
            ind_chart_render(IND_CHART_TREND, ind_fig_trend_chart(m), &o, plan.paths[2 * k], NULL, &err) != IND_OK)
            rc = cli_fail(&err);
        else if (m)
            done++;
        ind_fig_trend_free(m);
        cli_progress_step(&bar, k + 1, ind_dataset_str(ds, se->unit));
    }
    cli_progress_end(&bar);
    ind_chart_context_free(o.ctx);
    if (rc == 0)
        cli_note(opt, "%zu trend charts written to %s", done, opt->output);
    batch_plan_free(&plan);
    cli_data_free(&data);
    return rc;
}

/* What drawing one chart needs: the options, the data, the chart's look and the rule. */
typedef struct {
    cli_opts *opt;
    const ind_dataset *ds;
    const cli_data *data; /* the references, as the data spells them */
    ind_chart_options look;
    ind_attain_policy policy;
} chart_job;

/* Writes the chart of kind from model to -o: 0, or the exit code after a message. */
static int render(chart_job *j, ind_chart_kind kind, const void *model)
{
    ind_error err;
    ind_error_clear(&err);
    if (ind_chart_render(kind, model, &j->look, j->opt->output, NULL, &err) != IND_OK)
        return cli_fail(&err);
    return 0;
}

/* chart trend: one series over time (batches: trend_batch). */
static int draw_trend(chart_job *j)
{
    size_t s = 0;
    int rc = one_series(j->opt, j->ds, &s);
    if (rc)
        return rc;
    ind_period from, to;
    period_range(j->opt, &from, &to);
    ind_fig_trend *m = ind_fig_trend_new(j->ds, s, from, to, j->opt->trendline, j->opt->zoom, j->opt->alpha, j->opt->lang);
    if (!m)
        return cli_error(2, "nothing to draw for %s, %s", j->opt->units[0], j->opt->indicators[0]);
    for (size_t r = 0; r < j->data->reference_count; r++)
        if (!ind_fig_trend_reference(m, j->ds, j->data->references[r], j->opt->alpha, j->opt->lang))
            cli_note(j->opt, "--reference %s: no value for %s beside the chart's periods; no reference line drawn",
                     j->data->references[r], j->opt->indicators[0]);
    rc = render(j, IND_CHART_TREND, ind_fig_trend_chart(m));
    ind_fig_trend_free(m);
    return rc;
}

/* chart multiples: every indicator of a unit, or an indicator across units. */
static int draw_multiples(chart_job *j)
{
    const cli_opts *opt = j->opt;
    if ((opt->unit_count == 1) == (opt->indicator_count == 1))
        return cli_error(1, "multiples needs --unit U (all its indicators) or --indicator I (across units)");
    int year = opt->year ? opt->year : cli_default_year(j->opt, j->ds);
    ind_period from, to;
    period_range(opt, &from, &to);
    ind_fig_multiples *m = ind_fig_multiples_new(j->ds, opt->unit_count ? opt->units[0] : NULL,
                                                 opt->indicator_count ? opt->indicators[0] : NULL, from, to, year,
                                                 &j->policy);
    const cli_data *d = j->data; /* the first reference: one line per panel */
    if (ind_fig_multiples_chart(m)->panel_count && d->reference_count &&
        !ind_fig_multiples_reference(m, j->ds, d->references[0], opt->lang))
        cli_note(opt, "--reference %s: no value beside any panel's periods; no reference line drawn", d->references[0]);
    if (d->reference_count > 1)
        cli_note(opt, "multiples draw one reference; --reference %s is left out", d->references[1]);
    int rc = ind_fig_multiples_chart(m)->panel_count ? render(j, IND_CHART_MULTIPLES, ind_fig_multiples_chart(m))
                                                      : cli_error(2, "nothing to draw");
    ind_fig_multiples_free(m);
    return rc;
}

/* compare and funnel: the comparison of the units, drawn as kind. */
static int draw_comparison(chart_job *j, ind_chart_kind kind)
{
    ind_cmp_result r;
    memset(&r, 0, sizeof r);
    int rc = compare_for_chart(j->opt, j->ds, &r);
    const char *unit = j->opt->unit_count ? j->opt->units[0] : NULL;
    if (rc == 0 && kind == IND_CHART_COMPARE) {
        ind_fig_compare *m = ind_fig_compare_new(j->ds, &r, unit);
        rc = render(j, IND_CHART_COMPARE, ind_fig_compare_chart(m));
        ind_fig_compare_free(m);
    } else if (rc == 0) {
        ind_fig_funnel *m = ind_fig_funnel_new(j->ds, &r, unit);
        rc = m ? render(j, IND_CHART_FUNNEL, ind_fig_funnel_chart(m))
               : cli_error(2, "a funnel needs numerator and denominator for at least three units");
        ind_fig_funnel_free(m);
    }
    ind_cmp_result_free(&r);
    return rc;
}

/* chart spc: the run or control chart of one series. */
static int draw_spc(chart_job *j)
{
    ind_spc_run run;
    ind_opts so;
    cli_lib_opts(j->opt, &so);
    ind_error err;
    ind_error_clear(&err);
    int rc;
    if (ind_spc_run_make(j->ds, &so, &run, &err) != IND_OK) {
        rc = cli_fail(&err);
    } else {
        ind_fig_spc *m = ind_fig_spc_new(j->ds, run.series, run.pts.period, &run.chart, run.scale, run.target,
                                         (j->opt->lang == IND_LANG_EN));
        rc = render(j, IND_CHART_SPC, ind_fig_spc_chart(m));
        ind_fig_spc_free(m);
    }
    ind_spc_run_free(&run);
    return rc;
}

/* chart status: every indicator of one unit in a year, judged. */
static int draw_status(chart_job *j)
{
    const cli_opts *opt = j->opt;
    if (opt->unit_count != 1)
        return cli_error(1, "status needs exactly one --unit");
    int year = opt->year ? opt->year : cli_default_year(j->opt, j->ds);
    ind_fig_status *m = ind_fig_status_new(j->ds, opt->units[0], year, NULL, &j->policy, opt->alpha, opt->lang);
    int rc = ind_fig_status_rows(m) ? render(j, IND_CHART_STATUS, ind_fig_status_chart(m))
                                    : cli_error(2, "no outcomes for %s in %d", opt->units[0], year);
    ind_fig_status_free(m);
    return rc;
}

/* The kind is known and takes the options given; -o names a chart file (or a
 * folder, for trend) that is no input. Returns 0 or the exit code. */
static int chart_args(cli_opts *opt, ind_chart_kind *kind, int *folder)
{
    const cli_command *cmd = cli_command_find("chart");
    const cli_kind *k = cli_kind_find(cmd, opt->kind);
    if (!k || ind_chart_kind_parse(opt->kind, kind)) {
        static const char *const kinds[] = {"trend", "multiples", "compare", "funnel", "spc", "status"};
        char list[128];
        if (cli_suggest(opt->kind, kinds, sizeof kinds / sizeof kinds[0], list, sizeof list))
            return cli_error(1, "unknown chart \"%s\". Did you mean %s?", opt->kind, list);
        return cli_error(1, "unknown chart \"%s\": trend, multiples, compare, funnel, spc or status", opt->kind);
    }
    int rc = cli_kind_check(cmd, k, opt);
    if (rc == 0)
        rc = cli_one_gender(opt, "the chart");
    if (rc)
        return rc;
    if (!opt->output)
        return cli_error(1, "chart needs -o FILE.png, FILE.svg or FILE.pdf");
    if (opt->reference_count && *kind != IND_CHART_TREND && *kind != IND_CHART_MULTIPLES)
        return cli_error(1, "--reference draws on the trend and multiples charts only");
    struct stat sb;
    *folder = cli_folder_name(opt->output) || (stat(opt->output, &sb) == 0 && S_ISDIR(sb.st_mode));
    if (*folder && *kind != IND_CHART_TREND)
        return cli_error(1, "-o %s is a folder; chart %s draws one file (-o FILE.png, .svg or .pdf); "
                            "only chart trend draws a folder of charts", opt->output, opt->kind);
    if (*folder)
        return opt->title ? cli_error(1, "chart trend -o FOLDER: each chart has its own title; leave out --title") : 0;
    const char *dot = strrchr(opt->output, '.');
    if (!dot || (strcasecmp(dot, ".png") && strcasecmp(dot, ".svg") && strcasecmp(dot, ".pdf")))
        return cli_error(1, "-o %s: the file must end in .png, .svg or .pdf; for trend, -o %s/ draws a chart per "
                            "series into that folder (made if missing)", opt->output, opt->output);
    char *alt = malloc(strlen(opt->output) + 9);
    if (!alt)
        return cli_error(4, "out of memory");
    sprintf(alt, "%s.alt.txt", opt->output);
    const char *outs[2] = {opt->output, alt}; /* the chart and its alt text */
    rc = out_check_outputs(opt, outs, 2);
    free(alt);
    return rc;
}

int cmd_chart(cli_opts *opt)
{
    ind_chart_kind kind;
    int folder = 0;
    int rc = chart_args(opt, &kind, &folder);
    if (rc || folder)
        return rc ? rc : trend_batch(opt);
    cli_data data;
    if ((rc = cli_load(opt, &data)) != 0 || (rc = cli_check_selection(opt, data.ds)) != 0) {
        cli_data_free(&data);
        return rc;
    }
    if ((rc = cli_draw_prepare(CLI_DRAW_CHART_MB)) != 0) { /* after the data, as in trend_batch */
        cli_data_free(&data);
        return rc;
    }
    char caption[600];
    default_caption(opt, &data, caption, sizeof caption);
    chart_job j = {.opt = opt, .ds = data.ds, .data = &data};
    ind_chart_options_init(&j.look);
    j.look.width = opt->width;
    j.look.height = opt->height;
    j.look.dpi = opt->dpi;
    j.look.lang = opt->lang;
    j.look.title = opt->title;
    j.look.caption = opt->caption ? opt->caption : caption;
    cli_policy(opt, &j.policy);
    switch (kind) {
    case IND_CHART_TREND: rc = draw_trend(&j); break;
    case IND_CHART_MULTIPLES: rc = draw_multiples(&j); break;
    case IND_CHART_COMPARE:
    case IND_CHART_FUNNEL: rc = draw_comparison(&j, kind); break;
    case IND_CHART_SPC: rc = draw_spc(&j); break;
    case IND_CHART_STATUS: rc = draw_status(&j); break;
    }
    if (rc == 0)
        cli_note(opt, "%s written (alt text in %s.alt.txt)", opt->output, opt->output);
    cli_data_free(&data);
    return rc;
}
