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

/* Is `out` the file at `in`: the same device and inode (hard links, symlinks,
 * "./x"), or, when `out` does not exist yet, the same path text? */
static int same_file(const char *in, const char *out, const struct stat *out_st, int out_exists)
{
    struct stat in_st;
    if (out_exists)
        return stat(in, &in_st) == 0 && in_st.st_dev == out_st->st_dev && in_st.st_ino == out_st->st_ino;
    return strcmp(in, out) == 0;
}

int out_check_paths(const char *const *inputs, size_t n_in, const char *const *outputs, size_t n_out)
{
    for (size_t j = 0; j < n_out; j++) {
        struct stat out_st;
        int exists = stat(outputs[j], &out_st) == 0;
        /* a file is replaced by renaming a new one onto it: onto a device (as root,
         * -o /dev/null would become a plain file) or a pipe that would be wrong */
        if (exists && !S_ISREG(out_st.st_mode))
            return cli_error(1, "%s is not a regular file (a device, pipe or folder); indikator writes "
                                "its outputs as files (leave out -o for standard output)", outputs[j]);
        for (size_t i = 0; i < n_in; i++)
            if (inputs[i] && same_file(inputs[i], outputs[j], &out_st, exists))
                return cli_error(1, "%s is the input file %s; indikator never overwrites its input",
                                 outputs[j], inputs[i]);
    }
    return 0;
}

/* Every file the command reads, in one list: data, catalogues, goals, Kolada metadata. */
static size_t input_paths(const cli_opts *opt, const char **list)
{
    size_t n = 0;
    for (int i = 0; i < opt->file_count; i++)
        list[n++] = opt->files[i];
    for (int i = 0; i < opt->catalog_count; i++)
        list[n++] = opt->catalog[i];
    for (int i = 0; i < opt->goal_count; i++)
        list[n++] = opt->goals[i];
    for (int i = 0; i < opt->kolada_meta_count; i++)
        list[n++] = opt->kolada_meta[i];
    return n;
}

int out_check_outputs(const cli_opts *opt, const char *const *outputs, size_t n_out)
{
    const char **in = malloc(sizeof *in * (size_t)(opt->file_count + opt->catalog_count + opt->goal_count +
                                                   opt->kolada_meta_count + 1));
    if (!in)
        return cli_error(4, "out of memory");
    int rc = out_check_paths(in, input_paths(opt, in), outputs, n_out);
    free(in);
    return rc;
}

int out_check_not_input(const cli_opts *opt, const char *path)
{
    return out_check_outputs(opt, &path, 1);
}

int cli_stdout_done(int rc)
{
    errno = 0;
    int failed = fflush(stdout) != 0;
    int saved = errno;
    if ((failed || ferror(stdout)) && (rc == 0 || rc == 5))
        return cli_error(5, "writing to standard output failed: %s",
                         failed && saved ? strerror(saved) : "the output is incomplete (a full disk or a closed pipe?)");
    return rc;
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
    if (ind_doc_infinite(doc))
        cli_note(opt, "%zu results too large to print were left empty (null in JSON)", ind_doc_infinite(doc));
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
