/* output.c: the one output layer: result tables as terminal text, CSV or JSON, written atomically. */
#include "cli.h"
#include "messages.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
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

int cli_folder_name(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n > 0 && path[n - 1] == '/';
}

/* 1 after a message when path names a folder ("DIR/") where one file is
 * written; else 0. */
static int folder_for_file(const char *path)
{
    if (!cli_folder_name(path))
        return 0;
    return cli_error(1, "-o %s: a name ending in \"/\" is a folder, and this command writes one file; give a file "
                        "name (folders are for chart trend and extract)", path);
}

int cli_make_folder(const char *path)
{
    size_t n = strlen(path);
    char *p = malloc(n + 1);
    if (!p)
        return cli_error(4, "out of memory");
    memcpy(p, path, n + 1);
    while (n > 1 && p[n - 1] == '/')
        p[--n] = '\0';
    int rc = 0;
    /* each parent in turn, then the folder itself */
    for (size_t i = 1; i <= n && rc == 0; i++) {
        if (i < n && p[i] != '/')
            continue;
        char keep = p[i];
        p[i] = '\0';
        struct stat st;
        if (stat(p, &st) == 0) {
            if (!S_ISDIR(st.st_mode))
                rc = cli_error(5, "cannot create the folder %s: %s is a file", path, p);
        } else if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            rc = cli_error(5, "cannot create the folder %s: %s", path, strerror(errno));
        }
        p[i] = keep;
    }
    free(p);
    return rc;
}

int out_check_paths(const char *const *inputs, size_t n_in, const char *const *outputs, size_t n_out)
{
    for (size_t j = 0; j < n_out; j++) {
        if (folder_for_file(outputs[j]))
            return 1;
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
                         failed && saved ? ind_msg_errno(saved) : "the output is incomplete (a full disk or a closed pipe?)");
    return rc;
}

/* ---- formats --------------------------------------------------------------------- */

_Static_assert((int)OUT_TABLE == (int)IND_OUT_TERMINAL && (int)OUT_CSV == (int)IND_OUT_CSV &&
                   (int)OUT_JSON == (int)IND_OUT_JSON && (int)OUT_PDF == (int)IND_OUT_PDF &&
                   (int)OUT_CSV_SV == (int)IND_OUT_CSV_SV && (int)OUT_HTML == (int)IND_OUT_HTML &&
                   (int)OUT_DOCX == (int)IND_OUT_DOCX && (int)OUT_XLSX == (int)IND_OUT_XLSX,
               "out_format follows ind_out_format");

/* "table (.txt), csv (.csv), json (.json), csv-sv, xlsx (.xlsx)" */
static const char *format_list(const ind_out_format *can, size_t n, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++) {
        const char *ext = ind_out_format_ext(can[i]);
        len += (size_t)snprintf(buf + len, size - len, "%s%s%s%s%s", i ? ", " : "", ind_out_format_name(can[i]),
                                ext ? " (" : "", ext ? ext : "", ext ? ")" : "");
    }
    return buf;
}

int cli_output_format(const cli_opts *opt, const ind_out_format *can, size_t n, ind_out_format *fmt)
{
    char list[200];
    *fmt = can[0];
    if (folder_for_file(opt->output))
        return 1;
    if (opt->format_given) {
        *fmt = (ind_out_format)opt->format;
    } else if (opt->output && ind_out_format_of_path(opt->output, fmt) != 0) {
        return cli_error(1, "-o %s: the name does not say which format to write; this command writes %s "
                         "(by the extension, or --format)", opt->output, format_list(can, n, list, sizeof list));
    }
    int known = 0;
    for (size_t i = 0; i < n; i++)
        known |= can[i] == *fmt;
    if (!known && opt->format_given)
        return cli_error(1, "--format %s: this command does not write %s; it writes %s", ind_out_format_name(*fmt),
                         ind_out_format_name(*fmt), format_list(can, n, list, sizeof list));
    if (!known)
        return cli_error(1, "-o %s: this command does not write %s; it writes %s (by the extension, or --format)",
                         opt->output, ind_out_format_name(*fmt), format_list(can, n, list, sizeof list));
    if (!opt->output && ind_out_format_binary(*fmt))
        return cli_error(1, "%s is written to a file: -o FILE%s", ind_out_format_name(*fmt), ind_out_format_ext(*fmt));
    ind_out_format named;
    if (opt->format_given && opt->output && ind_out_format_of_path(opt->output, &named) == 0 && named != *fmt)
        cli_note(opt, "%s is written as %s (--format %s)", opt->output, ind_out_format_name(*fmt),
                 ind_out_format_name(*fmt));
    return 0;
}

size_t cli_columns(const cli_opts *opt)
{
    if (opt->wide)
        return 0;
    struct winsize ws;
    if (!opt->output && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    char *end;
    long n = env ? strtol(env, &end, 10) : 0;
    if (env && *env && !*end && n > 0 && n <= 10000)
        return (size_t)n;
    return 100;
}

int cli_emit(const ind_doc *doc, const cli_opts *opt)
{
    static const ind_out_format can[] = {IND_OUT_TERMINAL, IND_OUT_CSV, IND_OUT_JSON, IND_OUT_CSV_SV, IND_OUT_XLSX};
    ind_out_format fmt;
    int rc = cli_output_format(opt, can, sizeof can / sizeof can[0], &fmt);
    if (rc)
        return rc;
    ind_error err;
    ind_error_clear(&err);
    if (ind_doc_infinite(doc))
        cli_note(opt, "%zu results too large to print were left empty (null in JSON)", ind_doc_infinite(doc));
    if (opt->output) {
        if ((rc = out_check_not_input(opt, opt->output)) != 0)
            return rc;
        return ind_doc_write_fit(doc, fmt, opt->output, NULL, cli_columns(opt), NULL, &err) == IND_OK ? 0
                                                                                                  : cli_fail(&err);
    }
    return ind_doc_write_fit(doc, fmt, NULL, stdout, cli_columns(opt), NULL, &err) == IND_OK ? 0 : cli_fail(&err);
}
