/* cmd_report.c: `indikator report`: the VB's indicator section as a finished document. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "write.h"

static void progress(void *user, size_t done, size_t total, const char *what)
{
    cli_progress(user, done, total, what);
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
    cli_data data;
    if ((rc = cli_load(opt, &data)) != 0) {
        cli_data_free(&data);
        return rc;
    }
    ind_goals *goals = cli_load_goals(opt, &rc);
    ind_opts o;
    cli_lib_opts(opt, &o);
    ind_build_input in = {data.ds, goals, data.names, (size_t)data.file_count, data.reports, "indikator " IND_VERSION,
                          opt->all_units && !opt->quiet ? progress : NULL, opt};
    ind_error err;
    ind_error_clear(&err);
    ind_doc *doc = rc ? NULL : ind_build_vb(&in, &o, opt->all_units, &err);
    if (rc == 0 && !doc)
        rc = cli_fail(&err);
    ind_write_result res = {0};
    ind_out_format fmt = IND_OUT_PDF;
    if (ind_out_format_of_path(opt->output, &fmt) != 0 || (fmt != IND_OUT_DOCX && fmt != IND_OUT_HTML))
        fmt = IND_OUT_PDF;
    if (rc == 0 && ind_doc_write(doc, fmt, opt->output, NULL, &res, &err) != IND_OK)
        rc = cli_fail(&err);
    if (rc == 0 && fmt == IND_OUT_PDF)
        cli_note(opt, opt->lang == IND_LANG_EN ? "%s: %d pages" : "%s: %d sidor", opt->output, res.pages);
    ind_doc_free(doc);
    ind_goals_free(goals);
    cli_data_free(&data);
    return rc;
}
