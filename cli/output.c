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

typedef struct {
    char *machine; /* exact text; NULL = null */
    char *human;   /* rounded text for the terminal */
} cell;

struct out_table {
    out_column *col;
    int ncol;
    cell *cells;
    size_t rows, cap; /* cap in rows */
    int cur;          /* next column of the row being filled */
};

out_table *out_table_new(const out_column *columns, int count)
{
    out_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->col = malloc((size_t)count * sizeof *t->col);
    if (!t->col) {
        free(t);
        return NULL;
    }
    memcpy(t->col, columns, (size_t)count * sizeof *t->col);
    t->ncol = count;
    t->cur = count;
    return t;
}

void out_table_free(out_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->rows * (size_t)t->ncol; i++) {
        free(t->cells[i].machine);
        if (t->cells[i].human != t->cells[i].machine)
            free(t->cells[i].human);
    }
    free(t->cells);
    free(t->col);
    free(t);
}

size_t out_table_rows(const out_table *t) { return t->rows; }

void out_row_begin(out_table *t)
{
    if (t->rows == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        cell *c = realloc(t->cells, cap * (size_t)t->ncol * sizeof *c);
        if (!c) {
            fprintf(stderr, "indikator: out of memory\n");
            exit(4);
        }
        t->cells = c;
        t->cap = cap;
    }
    memset(&t->cells[t->rows * (size_t)t->ncol], 0, (size_t)t->ncol * sizeof(cell));
    t->rows++;
    t->cur = 0;
}

static cell *next_cell(out_table *t)
{
    if (t->cur >= t->ncol || t->rows == 0) {
        fprintf(stderr, "indikator: internal error: too many cells in a row\n");
        abort();
    }
    return &t->cells[(t->rows - 1) * (size_t)t->ncol + (size_t)t->cur++];
}

static char *dup_or_die(const char *s)
{
    char *d = strdup(s);
    if (!d) {
        fprintf(stderr, "indikator: out of memory\n");
        exit(4);
    }
    return d;
}

void out_text(out_table *t, const char *s)
{
    cell *c = next_cell(t);
    c->machine = dup_or_die(s ? s : "");
    c->human = c->machine;
}

void out_number_unit(out_table *t, double v, int decimals, const char *unit)
{
    cell *c = next_cell(t);
    if (isnan(v))
        return; /* null */
    char buf[64], hum[96];
    c->machine = dup_or_die(ind_num_format_exact(v, buf, sizeof buf));
    ind_num_format_sv(v, decimals, 0, buf, sizeof buf);
    snprintf(hum, sizeof hum, "%s%s", buf, unit ? unit : "");
    c->human = dup_or_die(hum);
}

void out_number(out_table *t, double v, int decimals) { out_number_unit(t, v, decimals, NULL); }

void out_fraction_percent(out_table *t, double v, int decimals)
{
    cell *c = next_cell(t);
    if (isnan(v))
        return;
    char buf[64], hum[80];
    c->machine = dup_or_die(ind_num_format_exact(v, buf, sizeof buf));
    ind_num_format_sv(v * 100, decimals, 0, buf, sizeof buf);
    snprintf(hum, sizeof hum, "%s %%", buf);
    c->human = dup_or_die(hum);
}

void out_pvalue(out_table *t, double p)
{
    cell *c = next_cell(t);
    if (isnan(p))
        return;
    char buf[64];
    c->machine = dup_or_die(ind_num_format_exact(p, buf, sizeof buf));
    if (p < 0.001)
        c->human = dup_or_die("< 0,001");
    else
        c->human = dup_or_die(ind_num_format_sv(p, p < 0.01 ? 3 : 2, 0, buf, sizeof buf));
}

void out_integer(out_table *t, long long v)
{
    cell *c = next_cell(t);
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", v);
    c->machine = dup_or_die(buf);
    c->human = c->machine;
}

void out_null(out_table *t) { next_cell(t); }

size_t out_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

void out_csv_field(FILE *f, const char *s, int guard)
{
    /* A cell that a spreadsheet would run as a formula gets a leading
     * apostrophe (OWASP's advice for CSV injection); numbers are never guarded. */
    int formula = guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                            s[0] == '\t' || s[0] == '\r');
    int quote = formula || strpbrk(s, ",\"\r\n") != NULL;
    if (!quote) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    if (formula)
        fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

void out_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (c < 0x20)
                fprintf(f, "\\u%04x", c);
            else
                fputc(c, f);
        }
    }
    fputc('"', f);
}

static void write_csv(const out_table *t, FILE *f)
{
    for (int j = 0; j < t->ncol; j++) {
        if (j)
            fputc(',', f);
        out_csv_field(f, t->col[j].key, 0);
    }
    fputs("\r\n", f);
    for (size_t i = 0; i < t->rows; i++) {
        for (int j = 0; j < t->ncol; j++) {
            const cell *c = &t->cells[i * (size_t)t->ncol + (size_t)j];
            if (j)
                fputc(',', f);
            if (c->machine)
                out_csv_field(f, c->machine, t->col[j].type == COL_TEXT);
        }
        fputs("\r\n", f);
    }
}

static void write_json(const out_table *t, FILE *f)
{
    fputs("[", f);
    for (size_t i = 0; i < t->rows; i++) {
        fputs(i ? ",\n  {" : "\n  {", f);
        for (int j = 0; j < t->ncol; j++) {
            const cell *c = &t->cells[i * (size_t)t->ncol + (size_t)j];
            if (j)
                fputs(", ", f);
            out_json_string(f, t->col[j].key);
            fputs(": ", f);
            if (!c->machine)
                fputs("null", f);
            else if (t->col[j].type == COL_TEXT)
                out_json_string(f, c->machine);
            else
                fputs(c->machine, f);
        }
        fputs("}", f);
    }
    fputs(t->rows ? "\n]\n" : "]\n", f);
}

static void write_terminal(const out_table *t, FILE *f, int english, const char *title)
{
    int english_numbers = english;
    size_t *w = calloc((size_t)t->ncol, sizeof *w);
    if (!w)
        return;
    for (int j = 0; j < t->ncol; j++) {
        if (!t->col[j].terminal)
            continue;
        w[j] = out_width(english ? t->col[j].label_en : t->col[j].label_sv);
        for (size_t i = 0; i < t->rows; i++) {
            const cell *c = &t->cells[i * (size_t)t->ncol + (size_t)j];
            size_t cw = out_width(c->human ? c->human : "\xe2\x80\x93");
            if (cw > w[j])
                w[j] = cw;
        }
        if (w[j] > 60)
            w[j] = 60;
    }
    int last_shown = -1;
    for (int j = 0; j < t->ncol; j++)
        if (t->col[j].terminal)
            last_shown = j;
    if (title)
        fprintf(f, "%s\n\n", title);
    int first = 1;
    size_t total = 0;
    for (int j = 0; j < t->ncol; j++) {
        if (!t->col[j].terminal)
            continue;
        const char *label = english ? t->col[j].label_en : t->col[j].label_sv;
        size_t pad = w[j] > out_width(label) ? w[j] - out_width(label) : 0;
        if (!first)
            fputs("  ", f);
        if (t->col[j].type != COL_TEXT)
            fprintf(f, "%*s%s", (int)pad, "", label);
        else if (j == last_shown)
            fputs(label, f);
        else
            fprintf(f, "%s%*s", label, (int)pad, "");
        total += w[j] + (first ? 0 : 2);
        first = 0;
    }
    fputc('\n', f);
    for (size_t k = 0; k < total; k++)
        fputs("\xe2\x94\x80", f); /* ─ */
    fputc('\n', f);
    for (size_t i = 0; i < t->rows; i++) {
        first = 1;
        for (int j = 0; j < t->ncol; j++) {
            if (!t->col[j].terminal)
                continue;
            const cell *c = &t->cells[i * (size_t)t->ncol + (size_t)j];
            const char *s = c->human ? c->human : "\xe2\x80\x93";
            char english[128];
            if (english_numbers && t->col[j].type != COL_TEXT && c->human && strlen(c->human) < sizeof english) {
                /* numbers for people were written the Swedish way: a decimal point for --lang en */
                snprintf(english, sizeof english, "%s", c->human);
                for (char *q = english; *q; q++)
                    if (*q == ',')
                        *q = '.';
                s = english;
            }
            char cut[256];
            if (out_width(s) > w[j] && j != last_shown) {
                /* cut long text at a character boundary and mark it */
                size_t k = 0, chars = 0;
                while (s[k] && chars + 1 < w[j] && k + 4 < sizeof cut) {
                    k++;
                    while ((s[k] & 0xC0) == 0x80)
                        k++;
                    chars++;
                }
                memcpy(cut, s, k);
                memcpy(cut + k, "\xe2\x80\xa6", 4);
                s = cut;
            }
            size_t pad = w[j] - out_width(s);
            if (!first)
                fputs("  ", f);
            if (t->col[j].type != COL_TEXT)
                fprintf(f, "%*s%s", (int)pad, "", s);
            else if (j == last_shown)
                fputs(s, f);
            else
                fprintf(f, "%s%*s", s, (int)pad, "");
            first = 0;
        }
        fputc('\n', f);
    }
    free(w);
}

int out_table_write(const out_table *t, FILE *f, out_format format, int english, const char *title)
{
    switch (format) {
    case OUT_CSV: write_csv(t, f); break;
    case OUT_JSON: write_json(t, f); break;
    default: write_terminal(t, f, english, title); break;
    }
    return ferror(f) ? 5 : 0;
}

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

int out_table_emit(const out_table *t, const cli_opts *opt, const char *title)
{
    static const ind_out_format can[] = {IND_OUT_TERMINAL, IND_OUT_CSV, IND_OUT_JSON};
    ind_out_format f;
    int rc = cli_output_format(opt, can, sizeof can / sizeof can[0], &f);
    if (rc)
        return rc;
    out_format fmt = (out_format)f;
    if (opt->output) {
        if ((rc = out_check_not_input(opt, opt->output)) != 0)
            return rc;
        ind_lockfile lf;
        if ((rc = out_file_open(&lf, opt->output)) != 0)
            return rc;
        out_table_write(t, lf.f, fmt, (opt->lang == IND_LANG_EN), title);
        return out_file_commit(&lf);
    }
    rc = out_table_write(t, stdout, fmt, (opt->lang == IND_LANG_EN), title);
    if (fflush(stdout) != 0)
        rc = 5;
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

int cli_emit(const ind_doc *doc, const cli_opts *opt)
{
    static const ind_out_format can[] = {IND_OUT_TERMINAL, IND_OUT_CSV, IND_OUT_JSON, IND_OUT_CSV_SV, IND_OUT_XLSX};
    ind_out_format fmt;
    int rc = cli_output_format(opt, can, sizeof can / sizeof can[0], &fmt);
    if (rc)
        return rc;
    ind_error err;
    ind_error_clear(&err);
    if (opt->output) {
        if ((rc = out_check_not_input(opt, opt->output)) != 0)
            return rc;
        return ind_doc_write(doc, fmt, opt->output, NULL, NULL, &err) == IND_OK ? 0 : cli_fail(&err);
    }
    return ind_doc_write(doc, fmt, NULL, stdout, NULL, &err) == IND_OK ? 0 : cli_fail(&err);
}
