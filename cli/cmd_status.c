/* cmd_status.c: `indikator status`: every outcome against its årsmål and KF:s årsmål. */
#include "cli.h"

#include "build.h"

int cmd_status(cli_opts *opt)
{
    cli_data data;
    int rc = cli_load(opt, &data);
    if (rc == 0) {
        cli_default_year(opt, data.ds);
        rc = cli_check_selection(opt, data.ds);
    }
    if (rc == 0) {
        ind_opts o;
        cli_lib_opts(opt, &o);
        ind_build_input in = cli_build_input(&data);
        ind_doc *doc = ind_build_status(&in, &o);
        /* the rule in force is printed under a table on the terminal, not into files */
        rc = cli_emit(doc, opt);
        ind_doc_free(doc);
    }
    cli_data_free(&data);
    return rc;
}
