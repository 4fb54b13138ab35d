/* output.c: the one output layer: result tables as terminal text, CSV or JSON, written atomically. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "number.h"
#include "write.h"

/* ---- files ------------------------------------------------------------------- */

int out_file_open(ind_lockfile *lf, const char *path)
{
    ind_error err;
    return ind_lockfile_open(lf, path, &err) == IND_OK ? 0 : cli_fail(&err);
}

int out_file_commit(ind_lockfile *lf)
{
    ind_error err;
    return ind_lockfile_commit(lf, &err) == IND_OK ? 0 : cli_fail(&err);
}

int out_check_not_input(const cli_opts *opt, const char *path)
{
    struct stat out, in;
    if (stat(path, &out) != 0)
        return 0;
    for (int i = 0; i < opt->file_count; i++)
        if (stat(opt->files[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return cli_error(1, "%s is an input file; indikator never overwrites its input", path);
    for (int i = 0; i < opt->catalog_count; i++)
        if (stat(opt->catalog[i], &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return cli_error(1, "%s is the catalogue; indikator never overwrites its input", path);
    /* nor onto a goals file or Kolada's metadata, which are inputs too */
    for (int i = 0; i < opt->goal_count + opt->kolada_meta_count; i++) {
        const char *f = i < opt->goal_count ? opt->goals[i] : opt->kolada_meta[i - opt->goal_count];
        if (stat(f, &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return cli_error(1, "%s is an input file; indikator never overwrites its input", path);
    }
    return 0;
}

void cli_progress(const cli_opts *opt, size_t done, size_t total, const char *what)
{
    if (opt->quiet || !isatty(2) || total == 0)
        return;
    int width = 30, filled = (int)(width * done / total);
    fprintf(stderr, "\r[");
    for (int i = 0; i < width; i++)
        fputs(i < filled ? "#" : " ", stderr);
    fprintf(stderr, "] %zu/%zu %-40.40s", done, total, what ? what : "");
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

int cli_emit(const ind_doc *doc, const cli_opts *opt)
{
    ind_out_format fmt = opt->format == OUT_CSV ? IND_OUT_CSV : opt->format == OUT_JSON ? IND_OUT_JSON : IND_OUT_TERMINAL;
    ind_error err;
    ind_error_clear(&err);
    if (opt->output) {
        int rc = out_check_not_input(opt, opt->output);
        if (rc)
            return rc;
        /* a file gets machine output unless a format was asked for */
        if (!opt->format_given) {
            const char *dot = strrchr(opt->output, '.');
            fmt = dot && strcmp(dot, ".json") == 0 ? IND_OUT_JSON : IND_OUT_CSV;
        }
        return ind_doc_write(doc, fmt, opt->output, NULL, NULL, &err) == IND_OK ? 0 : cli_fail(&err);
    }
    return ind_doc_write(doc, fmt, NULL, stdout, NULL, &err) == IND_OK ? 0 : cli_fail(&err);
}
