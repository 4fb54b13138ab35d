/* cmd_compare.c: `indikator compare`: units against each other on one indicator, with honest tests. */
#include "cli.h"

#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "build.h"
#include "compare.h"

/* The comparison's options from the command line. */
static int compare_options(const cli_opts *opt, ind_cmp_options *co)
{
    ind_cmp_options_default(co);
    if (opt->method && ind_cmp_method_parse(opt->method, &co->method) != 0)
        return cli_error(1, "--method: \"%s\" is not auto, prop, fisher, chisq, welch, anova, kruskal or funnel", opt->method);
    if (opt->adjust) {
        if (!strcasecmp(opt->adjust, "holm")) co->adjust = IND_INF_ADJUST_HOLM;
        else if (!strcasecmp(opt->adjust, "bh") || !strcasecmp(opt->adjust, "fdr")) co->adjust = IND_INF_ADJUST_BH;
        else if (!strcasecmp(opt->adjust, "none")) co->adjust = IND_INF_ADJUST_NONE;
        else return cli_error(1, "--adjust: \"%s\" is not holm, bh or none", opt->adjust);
    }
    if (!isnan(opt->min_n))
        co->min_n = opt->min_n;
    if (opt->gender) { /* "all" is every gender to the other commands */
        if (cli_one_gender(opt, "compare"))
            return 1;
        ind_gender_parse(opt->gender, strlen(opt->gender), &co->gender); /* the parser has checked it */
    }
    if (opt->period)
        ind_period_parse(opt->period, strlen(opt->period), &co->period, NULL);
    if (opt->from)
        ind_period_parse(opt->from, strlen(opt->from), &co->from, NULL);
    if (opt->to)
        ind_period_parse(opt->to, strlen(opt->to), &co->to, NULL);
    co->units = opt->unit_count ? opt->units : NULL;
    co->unit_count = (size_t)opt->unit_count;
    co->lang = opt->lang;
    co->overdispersion = opt->overdispersion_none ? IND_FUNNEL_OD_NONE : IND_FUNNEL_OD_AUTO;
    if (opt->all_pairs)
        co->pair_units = SIZE_MAX;
    cli_policy(opt, &co->policy);
    return 0;
}

/* The period once the data are read: a yearly indicator's "VB 2025" is the
 * year 2025; --year Y without --period is the latest period of Y with a value. */
static void compare_period(const cli_opts *opt, const cli_data *data, ind_cmp_options *co)
{
    if (opt->period && co->period) {
        const ind_indicator *info = ind_catalog_lookup(data->catalog, opt->indicators[0], strlen(opt->indicators[0]));
        if (info && info->periodicity == IND_PERIOD_YEAR && ind_period_kind_of(co->period) == IND_PERIOD_TERTIAL &&
            ind_period_sub(co->period) == 3)
            co->period = ind_period_make(ind_period_year(co->period), IND_PERIOD_YEAR, 0);
    }
    if (!opt->year || co->period)
        return;
    for (size_t s = 0; s < ind_dataset_series_count(data->ds); s++) {
        const ind_series *se = ind_dataset_series(data->ds, s);
        if (!cli_series_selected(opt, data->ds, se, 0))
            continue;
        for (size_t j = se->first; j < se->first + se->count; j++) {
            ind_period p = ind_dataset_period(data->ds, j);
            if (ind_period_year(p) == opt->year && !isnan(ind_dataset_value(data->ds, j)) && p > co->period)
                co->period = p;
        }
    }
    if (!co->period)
        co->period = ind_period_make(opt->year, IND_PERIOD_YEAR, 0);
}

int cmd_compare(cli_opts *opt)
{
    if (opt->indicator_count != 1)
        return cli_error(1, "compare needs exactly one --indicator");
    ind_cmp_options co;
    int rc = compare_options(opt, &co);
    if (rc)
        return rc;
    cli_data data;
    if ((rc = cli_load(opt, &data)) != 0 || (rc = cli_check_selection(opt, data.ds)) != 0) {
        cli_data_free(&data);
        return rc;
    }
    compare_period(opt, &data, &co);
    ind_cmp_result r;
    ind_error err;
    ind_error_clear(&err);
    if (ind_compare(data.ds, opt->indicators[0], &co, &r, &err) != IND_OK) {
        rc = cli_fail(&err);
    } else {
        ind_opts o;
        cli_lib_opts(opt, &o);
        ind_build_input in = cli_build_input(&data);
        ind_doc *doc = ind_build_compare(&in, &o, &co, &r);
        rc = cli_emit(doc, opt);
        ind_doc_free(doc);
    }
    ind_cmp_result_free(&r);
    cli_data_free(&data);
    return rc;
}
