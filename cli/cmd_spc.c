/* cmd_spc.c: `indikator spc`: a run or control chart of one series, its signals and the NHS assurance. */
#include "cli.h"

#include "build.h"

int cmd_spc(cli_opts *opt)
{
    cli_data data;
    int rc = cli_one_gender(opt, "spc");
    if (rc)
        return rc;
    rc = cli_load(opt, &data);
    if (rc == 0)
        rc = cli_check_selection(opt, data.ds);
    if (rc == 0) {
        ind_opts o;
        cli_lib_opts(opt, &o);
        ind_spc_run run;
        ind_error err;
        ind_error_clear(&err);
        if (ind_spc_run_make(data.ds, &o, &run, &err) != IND_OK) {
            rc = cli_fail(&err);
        } else {
            ind_build_input in = cli_build_input(&data);
            ind_doc *doc = ind_build_spc(&in, &o, &run);
            rc = cli_emit(doc, opt);
            ind_doc_free(doc);
        }
        ind_spc_run_free(&run);
    }
    cli_data_free(&data);
    return rc;
}
