/* cmd_goals.c: `indikator goals`: a proposed assessment for every goal, and where it disagrees with the VB's. */
#include "cli.h"

#include "build.h"

int cmd_goals(cli_opts *opt)
{
    if (opt->goal_count == 0 && opt->file_count > 0)
        return cli_error(1, "give the goals with --goals FILE (see docs/formats.md)");
    cli_data data;
    int rc = cli_load(opt, &data);
    ind_goals *goals = rc ? NULL : cli_load_goals(opt, data.ds, &rc);
    if (rc == 0) {
        cli_default_year(opt, data.ds);
        rc = cli_check_selection(opt, data.ds);
    }
    if (rc == 0) {
        ind_opts o;
        cli_lib_opts(opt, &o);
        ind_build_input in = cli_build_input(&data);
        in.goals = goals;
        ind_error err;
        ind_error_clear(&err);
        ind_doc *doc = ind_build_goals(&in, &o, &err);
        rc = doc ? cli_emit(doc, opt) : cli_fail(&err);
        ind_doc_free(doc);
    }
    ind_goals_free(goals);
    cli_data_free(&data);
    return rc;
}
