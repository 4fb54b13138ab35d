/* output.c: the one output layer: result tables as terminal text, CSV or JSON, written atomically. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "number.h"
#include "write.h"

/* A cell keeps what it was given; the text for machines or people is written
 * when the table is (numbers for a CSV are never rounded for people, and the
 * text of a table of 36 000 rows costs one allocation, not one per cell). */
enum { CELL_NULL = 0, CELL_TEXT, CELL_NUMBER, CELL_UNIT, CELL_PERCENT, CELL_PVALUE, CELL_INTEGER };

typedef struct {
    union {
        double v;
        long long i;
        size_t text; /* offset of a text cell's text in the table's arena */
    } u;
    uint32_t unit;   /* CELL_UNIT: offset of the suffix in the arena */
    unsigned char kind;
    signed char decimals;
} cell;

/* Rows are kept in blocks of BLOCK_ROWS, so a growing table is never copied. */
#define BLOCK_ROWS 1024

struct out_table {
    out_column *col;
    int ncol;
    cell **block;
    size_t rows, blocks, block_cap;
    int cur;          /* next column of the row being filled */
    char *arena;      /* the text of every text cell, NUL-terminated */
    size_t arena_len, arena_cap;
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
    free(t->arena);
    for (size_t b = 0; b < t->blocks; b++)
        free(t->block[b]);
    free(t->block);
    free(t->col);
    free(t);
}

size_t out_table_rows(const out_table *t) { return t->rows; }

/* The cell of row i, column j. */
static cell *cell_at(const out_table *t, size_t i, int j)
{
    return &t->block[i / BLOCK_ROWS][i % BLOCK_ROWS * (size_t)t->ncol + (size_t)j];
}

static void out_of_memory(void)
{
    fprintf(stderr, "indikator: out of memory\n");
    exit(4);
}

void out_row_begin(out_table *t)
{
    if (t->rows == t->blocks * BLOCK_ROWS) {
        if (t->blocks == t->block_cap) {
            size_t cap = t->block_cap ? t->block_cap * 2 : 16;
            cell **b = realloc(t->block, cap * sizeof *b);
            if (!b)
                out_of_memory();
            t->block = b;
            t->block_cap = cap;
        }
        /* a first block as small as a short table needs */
        size_t rows = t->blocks ? BLOCK_ROWS : 64;
        if (!(t->block[t->blocks] = malloc(rows * (size_t)t->ncol * sizeof(cell))))
            out_of_memory();
        t->blocks++;
    } else if (t->rows == 64 && t->blocks == 1) {
        cell *c = realloc(t->block[0], (size_t)BLOCK_ROWS * (size_t)t->ncol * sizeof(cell));
        if (!c)
            out_of_memory();
        t->block[0] = c;
    }
    memset(cell_at(t, t->rows, 0), 0, (size_t)t->ncol * sizeof(cell));
    t->rows++;
    t->cur = 0;
}

static cell *next_cell(out_table *t)
{
    if (t->cur >= t->ncol || t->rows == 0) {
        fprintf(stderr, "indikator: internal error: too many cells in a row\n");
        abort();
    }
    return cell_at(t, t->rows - 1, t->cur++);
}

/* Copies s into the arena; returns its offset. */
static size_t arena_add(out_table *t, const char *s)
{
    size_t n = strlen(s) + 1;
    if (t->arena_len + n > t->arena_cap) {
        size_t cap = t->arena_cap ? t->arena_cap * 2 : 4096;
        while (cap < t->arena_len + n)
            cap *= 2;
        char *a = realloc(t->arena, cap);
        if (!a || cap > UINT32_MAX)
            out_of_memory();
        t->arena = a;
        t->arena_cap = cap;
    }
    memcpy(t->arena + t->arena_len, s, n);
    t->arena_len += n;
    return t->arena_len - n;
}

void out_text(out_table *t, const char *s)
{
    cell *c = next_cell(t);
    c->kind = CELL_TEXT;
    c->u.text = arena_add(t, s ? s : "");
}

/* A number cell of the given kind; not-a-number and infinities are null. */
static cell *number_cell(out_table *t, double v, int decimals, unsigned char kind)
{
    cell *c = next_cell(t);
    if (!isfinite(v))
        return NULL;
    c->kind = kind;
    c->u.v = v;
    c->decimals = (signed char)decimals;
    return c;
}

void out_number_unit(out_table *t, double v, int decimals, const char *unit)
{
    cell *c = number_cell(t, v, decimals, unit ? CELL_UNIT : CELL_NUMBER);
    if (c && unit)
        c->unit = (uint32_t)arena_add(t, unit);
}

void out_number(out_table *t, double v, int decimals) { out_number_unit(t, v, decimals, NULL); }

void out_fraction_percent(out_table *t, double v, int decimals)
{
    number_cell(t, v, decimals, CELL_PERCENT);
}

void out_pvalue(out_table *t, double p) { number_cell(t, p, 0, CELL_PVALUE); }

void out_integer(out_table *t, long long v)
{
    cell *c = next_cell(t);
    c->kind = CELL_INTEGER;
    c->u.i = v;
}

/* The text for machines: exact numbers; NULL for a null cell. */
static const char *machine_text(const out_table *t, const cell *c, char *buf, size_t size)
{
    switch (c->kind) {
    case CELL_NULL: return NULL;
    case CELL_TEXT: return t->arena + c->u.text;
    case CELL_INTEGER: snprintf(buf, size, "%lld", c->u.i); return buf;
    default: return ind_num_format_exact(c->u.v, buf, size);
    }
}

/* The text for people, rounded the Swedish way; NULL for a null cell. (The
 * sizes are those the cells' texts always had: 64 bytes for a number, 96 with
 * a unit, 80 for a percentage.) */
static const char *human_text(const out_table *t, const cell *c, char *buf, size_t size)
{
    char num[64];
    switch (c->kind) {
    case CELL_NUMBER:
        snprintf(buf, size, "%s", ind_num_format_sv(c->u.v, c->decimals, 0, num, sizeof num));
        return buf;
    case CELL_UNIT:
        snprintf(buf, size < 96 ? size : 96, "%s%s",
                 ind_num_format_sv(c->u.v, c->decimals, 0, num, sizeof num), t->arena + c->unit);
        return buf;
    case CELL_PERCENT:
        snprintf(buf, size < 80 ? size : 80, "%s %%",
                 ind_num_format_sv(c->u.v * 100, c->decimals, 0, num, sizeof num));
        return buf;
    case CELL_PVALUE:
        if (c->u.v < 0.001)
            return "< 0,001";
        snprintf(buf, size, "%s", ind_num_format_sv(c->u.v, c->u.v < 0.01 ? 3 : 2, 0, num, sizeof num));
        return buf;
    default: return machine_text(t, c, buf, size);
    }
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

/* Text gathered for one write: a line of CSV. */
typedef struct {
    char *s;
    size_t n, cap;
    char small[512];
} line_buf;

static void line_init(line_buf *b)
{
    b->s = b->small;
    b->n = 0;
    b->cap = sizeof b->small;
}

static void line_put(line_buf *b, const char *s, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = b->cap * 2;
        while (cap < b->n + n)
            cap *= 2;
        char *t = b->s == b->small ? malloc(cap) : realloc(b->s, cap);
        if (!t)
            out_of_memory();
        if (b->s == b->small)
            memcpy(t, b->small, b->n);
        b->s = t;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
}

static void line_write(line_buf *b, FILE *f)
{
    fwrite(b->s, 1, b->n, f);
    b->n = 0;
}

static void line_free(line_buf *b)
{
    if (b->s != b->small)
        free(b->s);
}

/* A CSV field into b: quoted when it must be. A cell that a spreadsheet would
 * run as a formula gets a leading apostrophe (OWASP's advice for CSV
 * injection); numbers are never guarded. */
static void line_csv_field(line_buf *b, const char *s, int guard)
{
    int formula = guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                            s[0] == '\t' || s[0] == '\r');
    size_t plain = strcspn(s, ",\"\r\n");
    if (!formula && !s[plain]) {
        line_put(b, s, plain);
        return;
    }
    line_put(b, formula ? "\"'" : "\"", formula ? 2 : 1);
    for (const char *q; (q = strchr(s, '"')); s = q + 1)
        line_put(b, s, (size_t)(q - s) + 1), line_put(b, "\"", 1);
    line_put(b, s, strlen(s));
    line_put(b, "\"", 1);
}

void out_csv_field(FILE *f, const char *s, int guard)
{
    line_buf b;
    line_init(&b);
    line_csv_field(&b, s, guard);
    line_write(&b, f);
    line_free(&b);
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
    line_buf b;
    line_init(&b);
    for (int j = 0; j < t->ncol; j++) {
        if (j)
            line_put(&b, ",", 1);
        line_csv_field(&b, t->col[j].key, 0);
    }
    line_put(&b, "\r\n", 2);
    for (size_t i = 0; i < t->rows; i++) {
        for (int j = 0; j < t->ncol; j++) {
            const cell *c = cell_at(t, i, j);
            char buf[64];
            const char *text = machine_text(t, c, buf, sizeof buf);
            if (j)
                line_put(&b, ",", 1);
            if (text && c->kind != CELL_TEXT)
                line_put(&b, text, strlen(text)); /* a number needs no quotes and no guard */
            else if (text)
                line_csv_field(&b, text, t->col[j].type == COL_TEXT);
        }
        line_put(&b, "\r\n", 2);
        line_write(&b, f);
    }
    line_write(&b, f);
    line_free(&b);
}

static void write_json(const out_table *t, FILE *f)
{
    fputs("[", f);
    for (size_t i = 0; i < t->rows; i++) {
        fputs(i ? ",\n  {" : "\n  {", f);
        for (int j = 0; j < t->ncol; j++) {
            const cell *c = cell_at(t, i, j);
            char buf[64];
            const char *text = machine_text(t, c, buf, sizeof buf);
            if (j)
                fputs(", ", f);
            out_json_string(f, t->col[j].key);
            fputs(": ", f);
            if (!text)
                fputs("null", f);
            else if (t->col[j].type == COL_TEXT)
                out_json_string(f, text);
            else
                fputs(text, f);
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
            const cell *c = cell_at(t, i, j);
            char buf[256];
            const char *human = human_text(t, c, buf, sizeof buf);
            size_t cw = out_width(human ? human : "\xe2\x80\x93");
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
            const cell *c = cell_at(t, i, j);
            char buf[256];
            const char *human = human_text(t, c, buf, sizeof buf);
            const char *s = human ? human : "\xe2\x80\x93";
            char english[128];
            if (english_numbers && t->col[j].type != COL_TEXT && human && strlen(human) < sizeof english) {
                /* numbers for people were written the Swedish way: a decimal point for --lang en */
                snprintf(english, sizeof english, "%s", human);
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
    out_format fmt = opt->format;
    if (opt->output) {
        int rc = out_check_not_input(opt, opt->output);
        if (rc)
            return rc;
        /* a file gets machine output unless a format was asked for */
        if (!opt->format_given) {
            const char *dot = strrchr(opt->output, '.');
            fmt = dot && strcmp(dot, ".json") == 0 ? OUT_JSON : OUT_CSV;
        }
        ind_lockfile lf;
        if ((rc = out_file_open(&lf, opt->output)) != 0)
            return rc;
        out_table_write(t, lf.f, fmt, (opt->lang == IND_LANG_EN), title);
        return out_file_commit(&lf);
    }
    int rc = out_table_write(t, stdout, fmt, (opt->lang == IND_LANG_EN), title);
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
