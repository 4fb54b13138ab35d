/* cmd_report.c: `indikator report`: the VB's indicator section as a finished document. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "write.h"

/* The builder's progress, unit by unit, on the one progress line. */
static void progress(void *user, size_t done, size_t total, const char *what)
{
    cli_progress *bar = user;
    bar->total = total;
    cli_progress_step(bar, done, what);
}

/* --period YYYY-T1/T2: the tertial report (*tertial set); --period YYYY or
 * --year YYYY: the VB, with opt->year; both given: they must agree. */
static int report_kind(cli_opts *opt, int *tertial)
{
    *tertial = 0;
    if (!opt->period)
        return 0;
    ind_period p;
    ind_period_parse(opt->period, strlen(opt->period), &p, NULL);
    int year = ind_period_year(p);
    if (opt->year && opt->year != year)
        return cli_error(1, "--period %s and --year %d disagree; give one of them", opt->period, opt->year);
    if (ind_period_kind_of(p) == IND_PERIOD_TERTIAL && ind_period_sub(p) < 3) {
        *tertial = 1;
        return 0;
    }
    if (ind_period_kind_of(p) == IND_PERIOD_MONTH)
        return cli_error(1, "--period %s: a report is for a year (YYYY) or a tertial (YYYY-T1, YYYY-T2)", opt->period);
    /* a year, or its year-end tertial: the VB */
    opt->year = year;
    opt->period = NULL;
    return 0;
}

int cmd_report(cli_opts *opt)
{
    /* the format by --format, else the extension; Word and the web page by their writers */
    static const ind_out_format can[] = {IND_OUT_PDF, IND_OUT_XLSX, IND_OUT_DOCX, IND_OUT_HTML};
    ind_out_format fmt;
    if (!opt->output)
        return cli_error(1, "report needs -o FILE.pdf (or .xlsx, .docx, .html)");
    if (!opt->all_units && opt->unit_arg_count != 1) /* one --unit: its commas are read with the data */
        return cli_error(1, "report needs --unit U or --all-units");
    int tertial = 0;
    int rc = cli_output_format(opt, can, sizeof can / sizeof can[0], &fmt);
    if (rc == 0)
        rc = report_kind(opt, &tertial);
    if (rc == 0)
        rc = cli_one_gender(opt, "report");
    if (rc == 0 && !tertial && (opt->title || opt->organisation_count))
        rc = cli_error(1, "--title and --organisation are for the tertial report (--period YYYY-T1 or YYYY-T2)");
    if (rc || (rc = out_check_not_input(opt, opt->output)) != 0)
        return rc;
    cli_data data;
    if ((rc = cli_load(opt, &data)) != 0 || (rc = cli_check_selection(opt, data.ds)) != 0) {
        cli_data_free(&data);
        return rc;
    }
    for (size_t k = 0; k < data.reference_count && !opt->all_units; k++)
        if (strcmp(data.references[k], opt->units[0]) == 0) {
            /* the message first: the name is the data's spelling, freed with the data */
            rc = cli_error(1, "--reference %s is the unit of the report itself", opt->references[k]);
            cli_data_free(&data);
            return rc;
        }
    ind_goals *goals = cli_load_goals(opt, data.ds, &rc);
    ind_opts o;
    cli_lib_opts(opt, &o);
    cli_progress bar; /* its total comes with the builder's first call */
    cli_progress_start(&bar, opt, 1, opt->lang == IND_LANG_EN ? "units" : "enheter");
    cli_lib_references(&data, &o);
    ind_build_input in = {data.ds, goals, data.names, (size_t)data.file_count, data.reports, "indikator " IND_VERSION,
                          progress, &bar, data.labels};
    ind_error err;
    ind_error_clear(&err);
    ind_doc *doc = rc ? NULL : tertial ? ind_build_tertial(&in, &o, opt->all_units, &err)
                                        : ind_build_vb(&in, &o, opt->all_units, &err);
    cli_progress_end(&bar);
    if (rc == 0 && !doc)
        rc = cli_fail(&err);
    ind_write_result res = {0};
    if (rc == 0 && ind_doc_write(doc, fmt, opt->output, NULL, &res, &err) != IND_OK)
        rc = cli_fail(&err);
    if (rc == 0 && fmt == IND_OUT_PDF)
        cli_note(opt, "%s: %d pages", opt->output, res.pages);
    ind_doc_free(doc);
    ind_goals_free(goals);
    cli_data_free(&data);
    return rc;
}
