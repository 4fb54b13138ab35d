/* cmd_import.c: `indikator import`: any accepted input -> one canonical CSV. */
#include "cli.h"

#include "write.h"

#include <math.h>
#include <string.h>

#include "number.h"
#include "text.h"

/* A target in its one canonical form, whatever the dialect it was typed in:
 * a bare number ("5 %", "5,0", "1 200", "1 200 st") as the shortest number
 * that reads back ("5", "1200"), with " %" kept only where the sign changes
 * how the target is read (an indicator the catalogue does not know, whose
 * percent comes from the sign; or 100 %, a share that can only be met);
 * anything else ("Öka", "Max 10 personer") as written, guarded as text is
 * (a number never is: "-5" stays a number). */
static void write_target(FILE *out, const ind_series *se, const char *text)
{
    char f[512];
    size_t n = ind_text_fold(text, strlen(text), IND_TEXT_CASE | IND_TEXT_BLANKS, f, sizeof f, NULL);
    double v;
    unsigned flags = 0;
    if (n == 0 || n + 1 >= sizeof f || ind_num_parse(f, n, &v, &flags, NULL, NULL) != 0) {
        ind_write_csv_field(out, text, 1);
        return;
    }
    char num[64];
    fputs(ind_num_format_exact(v == 0 ? 0 : v, num, sizeof num), out); /* 0, never "-0" */
    if ((flags & IND_NUM_PERCENT) && (!se->info || v == 100))
        fputs(" %", out);
}

/* One observation as a canonical CSV row. */
static void write_row(const ind_dataset *ds, const ind_series *se, const ind_obs *o, FILE *f)
{
    char num[64], per[32], src[600];
    ind_write_csv_field(f, ind_dataset_str(ds, se->unit), 1);
    fputc(',', f);
    ind_write_csv_field(f, ind_dataset_str(ds, se->indicator), 1);
    fputc(',', f);
    fputs(ind_period_format(o->period, per, sizeof per), f);
    fputc(',', f);
    fputs(ind_gender_code(se->gender), f);
    fputc(',', f);
    fputs(ind_num_format_exact(o->value, num, sizeof num), f);
    fputc(',', f);
    fputs(ind_num_format_exact(o->numerator, num, sizeof num), f);
    fputc(',', f);
    fputs(ind_num_format_exact(o->denominator, num, sizeof num), f);
    fputc(',', f);
    fputs(ind_num_format_exact(o->sd, num, sizeof num), f);
    fputc(',', f);
    write_target(f, se, ind_dataset_str(ds, o->target));
    fputc(',', f);
    write_target(f, se, ind_dataset_str(ds, o->kf_target));
    fputc(',', f);
    fputs(ind_missing_code(o->missing), f);
    fputc(',', f);
    ind_write_csv_field(f, ind_dataset_str(ds, o->goal), 1);
    fputc(',', f);
    ind_write_csv_field(f, ind_dataset_str(ds, o->note), 1);
    fputc(',', f);
    if (o->source)
        ind_write_csv_field(f, ind_dataset_str(ds, o->source), 1);
    else {
        snprintf(src, sizeof src, "%s:%u", ind_dataset_str(ds, o->file), o->line);
        ind_write_csv_field(f, src, 1);
    }
    fputs("\r\n", f);
}

/* What import writes, the reader reads: 2 (after a message naming the record)
 * for a text longer than the CSV reader's field limit, IND_CSV_MAX_FIELD bytes
 * with the apostrophe a formula guard may add; else 0. */
static int check_row(const ind_dataset *ds, const ind_series *se, const ind_obs *o)
{
    static const char *const what[] = {"unit", "indicator", "target", "kf_target", "goal", "note", "source"};
    ind_str text[] = {se->unit, se->indicator, o->target, o->kf_target, o->goal, o->note, o->source};
    for (size_t k = 0; k < sizeof text / sizeof text[0]; k++) {
        size_t len = strlen(ind_dataset_str(ds, text[k]));
        if (len + 1 > IND_CSV_MAX_FIELD)
            return cli_error(2, "%s:%u: the %s is %zu bytes long; a CSV field holds at most %d bytes, "
                                "so import cannot write it",
                             ind_dataset_str(ds, o->file), o->line, what[k], len, IND_CSV_MAX_FIELD - 1);
    }
    return 0;
}

/* The dataset as canonical CSV to f, rows in series order, so the same input
 * always gives the same bytes; with f NULL, only checks every row (check_row).
 * Returns 0 or 2. */
static int write_canonical(const ind_dataset *ds, FILE *f)
{
    if (f)
        fputs("unit,indicator,period,gender,value,numerator,denominator,sd,target,kf_target,"
              "missing,goal,note,source\r\n", f);
    size_t nser = ind_dataset_series_count(ds);
    for (size_t s = 0; s < nser; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        for (size_t i = se->first; i < se->first + se->count; i++) {
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            if (!f && check_row(ds, se, &o))
                return 2;
            if (f)
                write_row(ds, se, &o, f);
        }
    }
    return 0;
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
    if ((rc = write_canonical(data.ds, NULL)) != 0) { /* checked before anything is written */
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
