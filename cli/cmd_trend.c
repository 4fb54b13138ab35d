/* cmd_trend.c: `indikator trend`: trend statistics per series, the gender gap, and the forecast against årsmål. */
#include "cli.h"

#include "build.h"

int cmd_trend(cli_opts *opt)
{
    cli_data data;
    int rc = cli_load(opt, &data);
    if (rc == 0)
        rc = cli_check_selection(opt, data.ds);
    if (rc == 0) {
        ind_opts o;
        cli_lib_opts(opt, &o);
        cli_lib_references(&data, &o);
        ind_build_input in = cli_build_input(&data);
        ind_error err;
        ind_error_clear(&err);
        ind_doc *doc = ind_build_trend(&in, &o, &err);
        rc = doc ? cli_emit(doc, opt) : cli_fail(&err);
        ind_doc_free(doc);
    }
    cli_data_free(&data);
    return rc;
}
