/* load.c: catalogue + data files -> a finished dataset, and the shared filters. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <math.h>

#include "kolada.h"
#include "messages.h"
#include "number.h"

/* The language of the command's messages: set once from the command line
 * before anything is printed (cli_set_lang), Swedish by default. */
static ind_lang message_lang = IND_LANG_SV;

void cli_set_lang(ind_lang lang) { message_lang = lang; }
ind_lang cli_lang(void) { return message_lang; }

/* The name a built-in catalogue or goals file goes by in messages: "goals.csv (inbyggd)". */
static const char *built_in(const char *file)
{
    static const char *const names[][2] = {{"catalog.csv (inbyggd)", "catalog.csv (built in)"},
                                           {"goals.csv (inbyggd)", "goals.csv (built in)"}};
    int k = strcmp(file, "catalog") == 0 ? 0 : 1;
    return names[k][message_lang == IND_LANG_EN];
}

/* Writes "indikator: MESSAGE\n" to stderr with every control character (C0 but
 * none, DEL, C1) shown as '?': a message may quote data, and no data runs
 * terminal commands. */
static void put_message(const char *msg)
{
    fputs("indikator: ", stderr);
    for (const unsigned char *p = (const unsigned char *)msg; *p; p++) {
        if (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0) {
            fputc('?', stderr);
            p++;
        } else {
            fputc(*p < 0x20 || *p == 0x7F ? '?' : *p, stderr);
        }
    }
    fputc('\n', stderr);
}

/* A message in the command's language: the catalogue's Swedish format, or as written. */
static void say(const char *fmt, va_list ap)
{
    char buf[4096];
    ind_msg_vformat(message_lang, buf, sizeof buf, fmt, ap);
    put_message(buf);
}

int cli_error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
    return code;
}

int cli_fail(const ind_error *err)
{
    char buf[2048];
    put_message(ind_error_format_lang(err, message_lang, buf, sizeof buf));
    switch (err->status) {
    case IND_OK: return 0;
    case IND_EUSAGE: return 1;
    case IND_EINPUT: return 2;
    case IND_ENOMEM: return 4;
    default: return 5;
    }
}

void cli_note(const cli_opts *opt, const char *fmt, ...)
{
    if (opt->quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    say(fmt, ap);
    va_end(ap);
}

void cli_data_free(cli_data *data)
{
    ind_dataset_free(data->ds);
    ind_catalog_free(data->catalog);
    free(data->reports);
    free(data->names);
    memset(data, 0, sizeof *data);
}

/* The references (found by cli_resolve_names, so spelt as in the data) into
 * data->references, where the builders and charts take them from. */
static void keep_references(const cli_opts *opt, cli_data *data)
{
    for (int i = 0; i < opt->reference_count; i++)
        data->references[data->reference_count++] = opt->references[i];
}

int cli_load(cli_opts *opt, cli_data *data)
{
    ind_error err;
    ind_error_clear(&err);
    memset(data, 0, sizeof *data);
    data->catalog = ind_catalog_new();
    if (!data->catalog)
        return cli_error(4, "out of memory");
    if (!opt->no_catalog) {
        if (opt->catalog_count == 0) {
            unsigned long size;
            const char *blob = cli_embedded("catalog", &size);
            if (size && ind_catalog_load_buffer(data->catalog, built_in("catalog"), blob, size, &err) != IND_OK)
                return cli_fail(&err);
        }
        for (int i = 0; i < opt->catalog_count; i++)
            if (ind_catalog_load_file(data->catalog, opt->catalog[i], &err) != IND_OK)
                return cli_fail(&err);
    }
    /* Kolada metadata: names for KPIs and municipalities, and catalogue entries
     * (after the CSV catalogues, so a user's entry wins) */
    ind_kolada_meta *meta = NULL;
    if (opt->kolada_meta_count) {
        meta = ind_kolada_meta_new();
        for (int i = 0; i < opt->kolada_meta_count; i++)
            if (ind_kolada_meta_load(meta, opt->kolada_meta[i], &err) != IND_OK) {
                ind_kolada_meta_free(meta);
                return cli_fail(&err);
            }
        if (ind_kolada_meta_to_catalog(meta, data->catalog, &err) != IND_OK) {
            ind_kolada_meta_free(meta);
            return cli_fail(&err);
        }
    }
    ind_kolada_options ko = {meta, NULL, 0};
    data->ds = ind_dataset_new(data->catalog);
    int n = opt->file_count ? opt->file_count : 1;
    data->reports = calloc((size_t)n, sizeof *data->reports);
    data->names = calloc((size_t)n, sizeof *data->names);
    if (!data->ds || !data->reports || !data->names) {
        ind_kolada_meta_free(meta);
        return cli_error(4, "out of memory");
    }
    ind_ingest_options io = {opt->encoding, 0, opt->vb_unit, &ko, opt->kolada, 0, 0};
    if (opt->file_count == 0) {
        unsigned long size;
        const char *blob = cli_embedded("demo", &size);
        if (!size) {
            ind_kolada_meta_free(meta);
            return cli_error(1, "no data files given, and this build has no demo data");
        }
        if (!opt->demo)
            cli_note(opt, "no data files given: using the built-in demo data (Exempelstad, synthetic)");
        /* the data's own name (its rows' source, machine columns) is the same in
         * every language; people read the name in theirs */
        static const char *const demo_labels[2][1] = {{"demo.csv (inbyggd)"}, {"demo.csv (built in)"}};
        data->names[0] = "demo.csv (built in)";
        data->labels = demo_labels[message_lang == IND_LANG_EN];
        data->file_count = 1;
        if (ind_ingest_buffer(data->ds, data->names[0], blob, size, &io, &data->reports[0], &err) != IND_OK) {
            ind_kolada_meta_free(meta);
            return cli_fail(&err);
        }
    }
    if (opt->file_count)
        data->labels = data->names;
    cli_progress bar;
    cli_progress_start(&bar, opt, (size_t)opt->file_count, cli_lang() == IND_LANG_EN ? "files read" : "filer lästa");
    for (int i = 0; i < opt->file_count; i++) {
        data->names[i] = opt->files[i];
        data->file_count = i + 1;
        if (ind_ingest_file(data->ds, opt->files[i], &io, &data->reports[i], &err) != IND_OK) {
            cli_progress_end(&bar);
            ind_kolada_meta_free(meta);
            return cli_fail(&err);
        }
        cli_progress_step(&bar, (size_t)i + 1, opt->files[i]);
    }
    cli_progress_end(&bar);
    ind_kolada_meta_free(meta);
    meta = NULL;
    if (ind_dataset_finish(data->ds, &err) != IND_OK)
        return cli_fail(&err);
    cli_units_resolve(opt, data->ds); /* a whole name with a comma before its parts */
    int rc = cli_resolve_names(opt, data->ds);
    if (rc == 0)
        keep_references(opt, data);
    return rc;
}

int cli_series_selected(const cli_opts *opt, const ind_dataset *ds, const ind_series *s,
                        int default_all_genders)
{
    if (opt->unit_count) {
        int ok = 0;
        for (int i = 0; i < opt->unit_count && !ok; i++)
            ok = strcmp(ind_dataset_str(ds, s->unit), opt->units[i]) == 0;
        if (!ok)
            return 0;
    }
    if (opt->indicator_count) {
        int ok = 0;
        const char *name = ind_dataset_str(ds, s->indicator);
        char skey[1024], key[1024];
        ind_catalog_key(name, strlen(name), skey, sizeof skey);
        for (int i = 0; i < opt->indicator_count && !ok; i++) {
            const ind_indicator *info = ind_catalog_lookup(ind_dataset_catalog(ds), opt->indicators[i],
                                                           strlen(opt->indicators[i]));
            ind_catalog_key(opt->indicators[i], strlen(opt->indicators[i]), key, sizeof key);
            ok = (info && s->info == info) || strcmp(key, skey) == 0;
        }
        if (!ok)
            return 0;
    }
    if (opt->gender) {
        if (strcasecmp(opt->gender, "all") == 0 || strcasecmp(opt->gender, "alla") == 0)
            return 1;
        ind_gender g;
        if (ind_gender_parse(opt->gender, strlen(opt->gender), &g) == 0)
            return s->gender == g;
        return 0;
    }
    return default_all_genders || s->gender == IND_GENDER_T;
}

int cli_period_selected(const cli_opts *opt, ind_period p)
{
    ind_period q;
    if (opt->year && ind_period_year(p) != opt->year)
        return 0;
    if (opt->period && ind_period_parse(opt->period, strlen(opt->period), &q, NULL) == 0) {
        /* "2021" also selects the year-end tertial of a yearly indicator read as a year */
        if (p != q)
            return 0;
    }
    if (opt->from && ind_period_parse(opt->from, strlen(opt->from), &q, NULL) == 0 &&
        !ind_period_within(p, q, 0))
        return 0;
    if (opt->to && ind_period_parse(opt->to, strlen(opt->to), &q, NULL) == 0 && !ind_period_within(p, 0, q))
        return 0;
    return 1;
}

void cli_policy(const cli_opts *opt, ind_attain_policy *policy)
{
    ind_attain_policy_default(policy);
    if (!isnan(opt->tolerance)) {
        policy->tolerance = opt->tolerance;
        policy->tolerance_relative = opt->tolerance_relative;
    }
    if (!isnan(opt->min_n))
        policy->min_n = opt->min_n;
}

char *cli_policy_text(const cli_opts *opt, const ind_attain_policy *p, char *buf, size_t size)
{
    char tol[48], n[48], conf[48];
    if (p->tolerance_relative)
        ind_num_format_sv(p->tolerance * 100, fabs(p->tolerance * 100 - round(p->tolerance * 100)) < 1e-9 ? 0 : 1, 0, tol, sizeof tol);
    else
        ind_num_format_sv(p->tolerance, 2, 0, tol, sizeof tol);
    ind_num_format_sv(p->min_n, 0, 0, n, sizeof n);
    ind_num_format_sv(p->confidence * 100, 0, 0, conf, sizeof conf);
    if ((opt->lang == IND_LANG_EN))
        snprintf(buf, size, "Rule: partly met within %s%s of the target (unless the catalogue sets the indicator's own); "
                 "smallest base n = %s; uncertain when the target lies inside the Wilson %s %% interval.",
                 tol, p->tolerance_relative ? " %" : "", n, conf);
    else
        snprintf(buf, size, "Regel: delvis inom %s%s av årsmålet (om katalogen inte anger indikatorns egen); "
                 "minsta underlag n = %s; osäker när årsmålet ligger inom Wilsons %s %%-intervall.",
                 tol, p->tolerance_relative ? " %" : "", n, conf);
    return buf;
}

int cli_default_year(cli_opts *opt, const ind_dataset *ds)
{
    if (opt->year || opt->period || opt->from || opt->to)
        return 0;
    /* the latest complete year: one with a yearly or year-end (T3) outcome */
    int latest = 0, latest_any = 0;
    size_t n = ind_dataset_obs_count(ds);
    for (size_t i = 0; i < n; i++) {
        if (isnan(ind_dataset_value(ds, i)))
            continue;
        ind_period p = ind_dataset_period(ds, i);
        int y = ind_period_year(p);
        if (y > latest_any)
            latest_any = y;
        int complete = ind_period_kind_of(p) == IND_PERIOD_YEAR ||
                       (ind_period_kind_of(p) == IND_PERIOD_TERTIAL && ind_period_sub(p) == 3) ||
                       (ind_period_kind_of(p) == IND_PERIOD_MONTH && ind_period_sub(p) == 12);
        if (complete && y > latest)
            latest = y;
    }
    if (!latest)
        latest = latest_any;
    if (latest) {
        opt->year = latest;
        cli_note(opt, "no --year or --period given: showing %d, the latest year with a year-end outcome", latest);
    }
    return latest;
}

int cli_decimals(const ind_series *s) { return s->info ? s->info->decimals : 1; }

void cli_rollup_rule(const cli_opts *opt, ind_rollup_rule *rule)
{
    ind_rollup_rule_default(rule);
    if (!isnan(opt->full_share))
        rule->full_share = opt->full_share;
    if (!isnan(opt->not_share))
        rule->not_share = opt->not_share;
}

void cli_lib_opts(const cli_opts *opt, ind_opts *o)
{
    ind_opts_init(o);
    o->lang = opt->lang;
    o->units = opt->units;
    o->unit_count = (size_t)opt->unit_count;
    o->indicators = opt->indicators;
    o->indicator_count = (size_t)opt->indicator_count;
    o->year = opt->year;
    /* the option parser has checked every period */
    if (opt->period)
        ind_period_parse(opt->period, strlen(opt->period), &o->period, NULL);
    if (opt->from)
        ind_period_parse(opt->from, strlen(opt->from), &o->from, NULL);
    if (opt->to)
        ind_period_parse(opt->to, strlen(opt->to), &o->to, NULL);
    if (opt->gender) {
        if (strcasecmp(opt->gender, "all") == 0 || strcasecmp(opt->gender, "alla") == 0)
            o->gender_all = 1;
        else if (ind_gender_parse(opt->gender, strlen(opt->gender), &o->gender) == 0)
            o->gender_given = 1;
    }
    cli_policy(opt, &o->policy);
    cli_rollup_rule(opt, &o->rollup);
    o->alpha = opt->alpha;
    o->method = opt->method;
    o->adjust = opt->adjust;
    o->spc_chart = opt->chart_kind;
    o->rules = opt->rules;
    o->trendline = opt->trendline;
    o->zoom = opt->zoom;
    o->organisation = opt->organisation;
    o->organisation_count = (size_t)opt->organisation_count;
    o->title = opt->title;
}

void cli_lib_references(const cli_data *data, ind_opts *o)
{
    o->references = data->references;
    o->reference_count = data->reference_count;
}

ind_build_input cli_build_input(const cli_data *data)
{
    ind_build_input in = {data->ds, NULL, data->names, (size_t)data->file_count, data->reports,
                          "indikator " IND_VERSION, NULL, NULL, data->labels};
    return in;
}

ind_goals *cli_load_goals(const cli_opts *opt, const ind_dataset *ds, int *rc)
{
    ind_error err;
    ind_error_clear(&err);
    ind_goals *goals = ind_goals_new();
    if (!goals) {
        *rc = cli_error(4, "out of memory");
        return NULL;
    }
    if (opt->goal_count == 0 && opt->file_count == 0) {
        unsigned long size;
        const char *blob = cli_embedded("goals", &size);
        if (size && ind_goals_load_buffer(goals, built_in("goals"), blob, size, &err) != IND_OK)
            *rc = cli_fail(&err);
    }
    for (int i = 0; *rc == 0 && i < opt->goal_count; i++)
        if (ind_goals_load_file(goals, opt->goals[i], &err) != IND_OK)
            *rc = cli_fail(&err);
    if (*rc == 0 && ind_goals_match_units(goals, ds, &err) != IND_OK)
        *rc = cli_fail(&err);
    return goals;
}
