/* cmd_import.c: `indikator import`: any accepted input -> one canonical CSV. */
#include "cli.h"

#include "write.h"

#include <math.h>
#include <string.h>

#include "number.h"

/* Streams the dataset as canonical CSV; rows are in series order, so the
 * same input always gives the same bytes. */
static void write_canonical(const ind_dataset *ds, FILE *f)
{
    fputs("unit,indicator,period,gender,value,numerator,denominator,sd,target,kf_target,"
          "missing,goal,note,source\r\n", f);
    char num[64], per[32], src[600];
    size_t nser = ind_dataset_series_count(ds);
    for (size_t s = 0; s < nser; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        for (size_t i = se->first; i < se->first + se->count; i++) {
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            ind_write_csv_field(f, ind_dataset_str(ds, se->unit), 1);
            fputc(',', f);
            ind_write_csv_field(f, ind_dataset_str(ds, se->indicator), 1);
            fputc(',', f);
            fputs(ind_period_format(o.period, per, sizeof per), f);
            fputc(',', f);
            fputs(ind_gender_code(se->gender), f);
            fputc(',', f);
            fputs(ind_num_format_exact(o.value, num, sizeof num), f);
            fputc(',', f);
            fputs(ind_num_format_exact(o.numerator, num, sizeof num), f);
            fputc(',', f);
            fputs(ind_num_format_exact(o.denominator, num, sizeof num), f);
            fputc(',', f);
            fputs(ind_num_format_exact(o.sd, num, sizeof num), f);
            fputc(',', f);
            ind_write_csv_field(f, ind_dataset_str(ds, o.target), 1);
            fputc(',', f);
            ind_write_csv_field(f, ind_dataset_str(ds, o.kf_target), 1);
            fputc(',', f);
            fputs(ind_missing_code(o.missing), f);
            fputc(',', f);
            ind_write_csv_field(f, ind_dataset_str(ds, o.goal), 1);
            fputc(',', f);
            ind_write_csv_field(f, ind_dataset_str(ds, o.note), 1);
            fputc(',', f);
            if (o.source)
                ind_write_csv_field(f, ind_dataset_str(ds, o.source), 1);
            else {
                snprintf(src, sizeof src, "%s:%u", ind_dataset_str(ds, o.file), o.line);
                ind_write_csv_field(f, src, 1);
            }
            fputs("\r\n", f);
        }
    }
}

int cmd_import(cli_opts *opt)
{
    if (opt->output) {
        int rc = out_check_not_input(opt, opt->output);
        if (rc)
            return rc;
    }
    cli_data data;
    int rc = cli_load(opt, &data);
    if (rc) {
        cli_data_free(&data);
        return rc;
    }
    if (opt->output) {
        ind_lockfile lf;
        if ((rc = out_file_open(&lf, opt->output)) == 0) {
            write_canonical(data.ds, lf.f);
            rc = out_file_commit(&lf);
        }
        if (rc == 0)
            cli_note(opt, "%zu observations written to %s", ind_dataset_obs_count(data.ds), opt->output);
    } else {
        write_canonical(data.ds, stdout);
        rc = fflush(stdout) ? 5 : 0;
    }
    cli_data_free(&data);
    return rc;
}
