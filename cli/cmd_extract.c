/* cmd_extract.c: `indikator extract`: VP and VB text exports -> indicators, goals, activities, and what could not be read. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "csvread.h"

#include "extract.h"

int cmd_extract(cli_opts *opt)
{
    if (!opt->output)
        return cli_error(1, "extract needs -o DIR (the folder for indicators.csv, goals.csv, activities.csv, ...)");
    {
        /* the five files extract writes into DIR (engine/extract/extract_write.c) */
        static const char *const names[] = {"indicators.csv", "goals.csv", "activities.csv", "unread.csv",
                                            "warnings.csv"};
        char paths[5][4200];
        const char *outs[5];
        int dir = (int)strlen(opt->output);
        while (dir > 1 && opt->output[dir - 1] == '/') /* "out/" as "out" */
            dir--;
        for (int i = 0; i < 5; i++) {
            snprintf(paths[i], sizeof paths[i], "%.*s/%s", dir, opt->output, names[i]);
            outs[i] = paths[i];
        }
        int rc = out_check_outputs(opt, outs, 5);
        if (rc)
            return rc;
    }
    ind_extract_result *res = calloc((size_t)opt->file_count, sizeof *res);
    const ind_extract_result **ptr = calloc((size_t)opt->file_count, sizeof *ptr);
    if (!res || !ptr) {
        free(res);
        free(ptr);
        return cli_error(4, "out of memory");
    }
    ind_error err;
    ind_error_clear(&err);
    int rc = 0, done = 0;
    size_t obs = 0, goals = 0, acts = 0, unread = 0, warnings = 0;
    cli_progress bar;
    cli_progress_start(&bar, opt, (size_t)opt->file_count, opt->lang == IND_LANG_EN ? "files" : "filer");
    for (int i = 0; i < opt->file_count && rc == 0; i++) {
        /* a text export is UTF-8 text: anything else is bad input, named where it goes wrong */
        char *bytes;
        size_t size;
        if (ind_file_slurp(opt->files[i], &bytes, &size, &err) != IND_OK) {
            rc = cli_fail(&err);
            break;
        }
        long line = 0, col = 0;
        const char *nul = memchr(bytes, '\0', size);
        if (nul) {
            line = 1;
            for (const char *p = bytes; p < nul; p++)
                line += *p == '\n';
            col = 1;
            for (const char *p = nul; p > bytes && p[-1] != '\n'; p--)
                col++;
            ind_file_free(bytes, size);
            rc = cli_error(2, "%s:%ld:%ld: a NUL byte: the file is binary, not a text export", opt->files[i], line, col);
            break;
        }
        if (ind_utf8_check(bytes, size, &line, &col) != 0) {
            ind_file_free(bytes, size);
            rc = cli_error(2, "%s:%ld:%ld: invalid UTF-8: save the export as UTF-8 text", opt->files[i], line, col);
            break;
        }
        ind_file_free(bytes, size);
        if (ind_extract_file(opt->files[i], &res[i], &err) != IND_OK) {
            rc = cli_fail(&err);
            break;
        }
        done = i + 1;
        if (res[i].kind == IND_EXTRACT_UNKNOWN && res[i].n_obs == 0 && res[i].n_goals == 0) {
            rc = cli_error(2, "%s: not a VP or VB text export: no indicator table and no goal found", opt->files[i]);
            break;
        }
        ptr[i] = &res[i];
        obs += res[i].n_obs;
        goals += res[i].n_goals;
        acts += res[i].n_activities;
        unread += res[i].n_unread;
        warnings += res[i].n_warnings;
        cli_note(opt, "%s: %s %d, %zu observations, %zu goals, %zu activities, %zu fragments unread, %zu warnings",
                 opt->files[i], ind_extract_kind_name(res[i].kind), res[i].year, res[i].n_obs,
                 res[i].n_goals, res[i].n_activities, res[i].n_unread, res[i].n_warnings);
        cli_progress_step(&bar, (size_t)i + 1, opt->files[i]);
    }
    cli_progress_end(&bar);
    if (rc == 0)
        rc = cli_make_folder(opt->output); /* with its parents: -o out/2026/ */
    if (rc == 0 && ind_extract_write(ptr, (size_t)opt->file_count, opt->output, &err) != IND_OK)
        rc = cli_fail(&err);
    if (rc == 0)
        cli_note(opt, "%s: %zu observations, %zu goals, %zu activities; %zu fragments unread (unread.csv), %zu warnings (warnings.csv)",
                 opt->output, obs, goals, acts, unread, warnings);
    for (int i = 0; i < done; i++)
        ind_extract_result_free(&res[i]);
    free(res);
    free(ptr);
    return rc;
}
