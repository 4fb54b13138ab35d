/* cmd_flag.c: `indikator flag`: what falls below its årsmål, worst first, with a sentence for the VB. */
#include "cli.h"

#include "build.h"

int cmd_flag(cli_opts *opt)
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
        size_t flagged = 0;
        ind_doc *doc = ind_build_flag(&in, &o, &flagged);
        rc = cli_emit(doc, opt);
        ind_doc_free(doc);
        if (rc == 0 && opt->fail_on_flag && flagged > 0)
            rc = 3;
    }
    cli_data_free(&data);
    return rc;
}
