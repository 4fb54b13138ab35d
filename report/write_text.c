/* write_text.c: a document as terminal text, CSV and JSON; and the dispatch of every writer. */
#define _GNU_SOURCE /* fwrite_unlocked */
#include "write.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lockfile.h"
#include "parallel.h"

/* ---- formats ------------------------------------------------------------------- */

static const struct {
    const char *name, *ext;
    ind_out_format f;
} formats[] = {
    {"table", ".txt", IND_OUT_TERMINAL}, {"text", NULL, IND_OUT_TERMINAL}, {"csv", ".csv", IND_OUT_CSV},
    {"json", ".json", IND_OUT_JSON},     {"pdf", ".pdf", IND_OUT_PDF},       {"csv-sv", NULL, IND_OUT_CSV_SV},
    {"html", ".html", IND_OUT_HTML},     {"html", ".htm", IND_OUT_HTML},    {"docx", ".docx", IND_OUT_DOCX},
    {"xlsx", ".xlsx", IND_OUT_XLSX},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

int ind_out_format_parse(const char *name, ind_out_format *f)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (strcasecmp(name, formats[i].name) == 0) {
            *f = formats[i].f;
            return 0;
        }
    return -1;
}

const char *ind_out_format_name(ind_out_format f)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].f == f)
            return formats[i].name;
    return "";
}

const char *ind_out_format_ext(ind_out_format f)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].f == f)
            return formats[i].ext;
    return NULL;
}

int ind_out_format_of_path(const char *path, ind_out_format *f)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return -1;
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].ext && strcasecmp(dot, formats[i].ext) == 0) {
            *f = formats[i].f;
            return 0;
        }
    return -1;
}

/* ---- text helpers ------------------------------------------------------------------ */

size_t ind_text_columns(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            w++;
    return w;
}

/* Text gathered in memory. Written to a file (f), it is handed to stdio in
 * runs of up to the buffer's size: stdio copies a short write (20 bytes and
 * less) byte by byte, at a call each, and a row of the trend table was a
 * hundred such writes. Without a file (f NULL) it grows and is kept: a
 * thread's share of the rows, written out in order afterwards. */
typedef struct {
    FILE *f;
    char *s;
    size_t n, cap;
    int failed; /* in memory: out of memory, the text is incomplete */
} out_buf;

#define OUT_FILE_BUF 4096

static void ob_flush(out_buf *b)
{
    if (b->f && b->n)
        fwrite_unlocked(b->s, 1, b->n, b->f); /* output is written by one thread: no lock per call */
    if (b->f)
        b->n = 0;
}

/* Room for len more bytes; 0 when there is none (a file takes a long text directly). */
static int ob_room(out_buf *b, size_t len)
{
    if (len <= b->cap - b->n)
        return 1;
    if (b->f) {
        ob_flush(b);
        return len <= b->cap;
    }
    size_t cap = b->cap ? b->cap : 1 << 16;
    while (cap - b->n < len)
        cap *= 2;
    char *s = b->failed ? NULL : realloc(b->s, cap);
    if (!s) {
        b->failed = 1;
        return 0;
    }
    b->s = s;
    b->cap = cap;
    return 1;
}

static void ob_add(out_buf *b, const char *s, size_t len)
{
    if (!ob_room(b, len)) {
        if (b->f)
            fwrite_unlocked(s, 1, len, b->f);
        return;
    }
    memcpy(b->s + b->n, s, len);
    b->n += len;
}

static void ob_char(out_buf *b, char c)
{
    if (ob_room(b, 1))
        b->s[b->n++] = c;
}

static void ob_str(out_buf *b, const char *s) { ob_add(b, s, strlen(s)); }

/* A CSV field: quoted when it holds sep, a quote or a line break; a cell that
 * a spreadsheet would run as a formula gets a leading apostrophe when guard
 * (OWASP's advice for CSV injection); numbers are never guarded. */
static void ob_csv_field(out_buf *b, const char *s, int guard, char sep)
{
    int formula = guard && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
    const char special[] = {sep, '"', '\r', '\n', '\0'};
    size_t len = strcspn(s, special); /* the C library's, many bytes a step */
    if (!formula && !s[len]) {
        ob_add(b, s, len);
        return;
    }
    ob_char(b, '"');
    if (formula)
        ob_char(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            ob_char(b, '"');
        ob_char(b, *s);
    }
    ob_char(b, '"');
}

/* A JSON string: quoted, with its quotes, backslashes and control characters escaped. */
static void ob_json_string(out_buf *b, const char *s)
{
    ob_char(b, '"');
    for (const char *run = s;; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        ob_add(b, run, (size_t)(s - run));
        if (!c)
            break;
        char esc[8];
        switch (c) {
        case '"': ob_add(b, "\\\"", 2); break;
        case '\\': ob_add(b, "\\\\", 2); break;
        case '\n': ob_add(b, "\\n", 2); break;
        case '\r': ob_add(b, "\\r", 2); break;
        case '\t': ob_add(b, "\\t", 2); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", c);
            ob_add(b, esc, 6);
        }
        run = s + 1;
    }
    ob_char(b, '"');
}

void ind_write_csv_field(FILE *f, const char *s, int guard) { ind_write_csv_field_sep(f, s, guard, ','); }

void ind_write_csv_field_sep(FILE *f, const char *s, int guard, char sep)
{
    char room[OUT_FILE_BUF];
    out_buf b = {.f = f, .s = room, .cap = sizeof room};
    ob_csv_field(&b, s, guard, sep);
    ob_flush(&b);
}

void ind_write_json_string(FILE *f, const char *s)
{
    char room[OUT_FILE_BUF];
    out_buf b = {.f = f, .s = room, .cap = sizeof room};
    ob_json_string(&b, s);
    ob_flush(&b);
}

/* The first table of a document: what the machine formats write. */
static const ind_doc_table *first_table(const ind_doc *doc)
{
    for (size_t i = 0; i < ind_doc_count(doc); i++)
        if (ind_doc_block(doc, i)->kind == IND_BLOCK_TABLE)
            return ind_doc_block(doc, i)->table;
    return NULL;
}

static int textual(const ind_doc_column *c) { return c->kind == IND_CELL_TEXT || c->kind == IND_CELL_VERDICT; }

/* ---- CSV and JSON ------------------------------------------------------------------- */

/* Rows of a machine format formatted on every core: in rounds of
 * ROUND_JOBS runs of ROUND_SHARE rows, the cores taking the runs in turn
 * (a core slowed by another program takes fewer), each run into memory of
 * its own kept from round to round (its pages are written over, not made
 * anew); the runs are written out in order. A short table is written
 * directly. */

typedef void (*row_writer)(out_buf *b, const ind_doc_table *t, size_t row);

#define ROUND_SHARE 256
#define ROUND_JOBS 16

typedef struct {
    _Alignas(64) const ind_doc_table *t;
    row_writer put;
    size_t from, to;
    out_buf text;
} rows_job;

static void *rows_run(void *arg)
{
    rows_job *j = arg;
    j->text.n = 0;
    for (size_t i = j->from; i < j->to && !j->text.failed; i++)
        j->put(&j->text, j->t, i);
    return NULL;
}

static void put_rows(FILE *f, const ind_doc_table *t, row_writer put)
{
    size_t nr = ind_doc_table_rows(t);
    int cores = nr < 8 * ROUND_SHARE ? 1 : ind_parallel_cores();
    char room[OUT_FILE_BUF];
    out_buf direct = {.f = f, .s = room, .cap = sizeof room};
    if (cores == 1) {
        for (size_t i = 0; i < nr; i++)
            put(&direct, t, i);
        ob_flush(&direct);
        return;
    }
    rows_job job[ROUND_JOBS];
    for (int k = 0; k < ROUND_JOBS; k++)
        job[k] = (rows_job){.t = t, .put = put};
    for (size_t at = 0; at < nr;) {
        size_t nj = 0;
        for (; nj < ROUND_JOBS && at < nr; nj++) {
            job[nj].from = at;
            job[nj].to = at = nr - at > ROUND_SHARE ? at + ROUND_SHARE : nr;
        }
        ind_parallel_each(rows_run, job, sizeof job[0], nj, cores);
        for (size_t k = 0; k < nj; k++) {
            if (!job[k].text.failed)
                fwrite(job[k].text.s, 1, job[k].text.n, f);
            else { /* out of memory in the round: its rows written here */
                for (size_t i = job[k].from; i < job[k].to; i++)
                    put(&direct, t, i);
                ob_flush(&direct);
            }
        }
    }
    for (int k = 0; k < ROUND_JOBS; k++)
        free(job[k].text.s);
}

static void csv_row(out_buf *b, const ind_doc_table *t, size_t i)
{
    char buf[64];
    for (size_t j = 0, nc = ind_doc_table_columns(t); j < nc; j++) {
        if (j)
            ob_char(b, ',');
        const char *m = ind_cell_machine(ind_doc_table_cell(t, i, j), buf, sizeof buf);
        if (m)
            ob_csv_field(b, m, textual(ind_doc_table_column(t, j)), ',');
    }
    ob_add(b, "\r\n", 2);
}

ind_status ind_write_csv(const ind_doc *doc, FILE *f, ind_error *err)
{
    (void)err;
    const ind_doc_table *t = first_table(doc);
    if (!t)
        return IND_OK;
    size_t nc = ind_doc_table_columns(t);
    for (size_t j = 0; j < nc; j++) {
        if (j)
            fputc(',', f);
        ind_write_csv_field(f, ind_doc_table_column(t, j)->key, 0);
    }
    fputs("\r\n", f);
    put_rows(f, t, csv_row);
    return IND_OK;
}

static void json_row(out_buf *b, const ind_doc_table *t, size_t i)
{
    char buf[64];
    ob_str(b, i ? ",\n  {" : "\n  {");
    for (size_t j = 0, nc = ind_doc_table_columns(t); j < nc; j++) {
        const ind_doc_column *c = ind_doc_table_column(t, j);
        const char *m = ind_cell_machine(ind_doc_table_cell(t, i, j), buf, sizeof buf);
        if (j)
            ob_add(b, ", ", 2);
        ob_json_string(b, c->key);
        ob_add(b, ": ", 2);
        if (!m)
            ob_add(b, "null", 4);
        else if (textual(c))
            ob_json_string(b, m);
        else
            ob_str(b, m);
    }
    ob_char(b, '}');
}

ind_status ind_write_json(const ind_doc *doc, FILE *f, ind_error *err)
{
    (void)err;
    const ind_doc_table *t = first_table(doc);
    size_t nr = t ? ind_doc_table_rows(t) : 0;
    fputs("[", f);
    if (t)
        put_rows(f, t, json_row);
    fputs(nr ? "\n]\n" : "]\n", f);
    return IND_OK;
}

/* ---- terminal ---------------------------------------------------------------------- */

/* A table fits the width it is given: every shown column at its natural width
 * when there is room; else the columns marked as the first to go (shown 2, 3, …)
 * are left out, the highest first, until the rest fit at a comfortable width, and
 * text is broken into lines within its column. Nothing is cut: a column left out
 * is named under the table. Width 0 is no limit: every row on one line. */

#define GAP 2               /* spaces between columns */
#define CELL_MAX 1200       /* bytes of a cell as shown (the longest sentence fits) */
#define TEXT_COMFORT 16     /* a text column narrowed to make room stops here ... */
#define SENTENCE_COMFORT 32 /* ... a column of sentences (wider than LONG_TEXT) here ... */
#define LONG_TEXT 60
#define TEXT_LEAST 8        /* ... and when nothing else gives, here, or at its longest
                               word up to WORD_LEAST (a longer word is broken) ... */
#define WORD_LEAST 20
#define TEXT_FLOOR 6        /* ... and on a terminal too narrow even for that, here, words
                               broken where the line ends */

/* Is p a soft hyphen (U+00AD, paper's hint where a word may break)? */
static int soft_hyphen(const char *p) { return (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xAD; }

/* The width of n bytes of UTF-8 text in terminal columns: code points, soft hyphens (paper's
 * break hints) not counted. */
static size_t text_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && !soft_hyphen(s + i))
            w++;
    return w;
}

/* Can a line break after the character at p, w columns into a word: after a hyphen or a slash
 * inside a word ("FREDA-kortfrågor", "nämnd/styrelse"), not after one that begins it ("-5")? */
static int breaks_after(const char *p, size_t w) { return (*p == '-' || *p == '/') && w > 1; }

/* The width of s's longest word: between spaces, or up to a hyphen or slash inside it or a
 * soft hyphen (which shows as "-" when the line breaks there); a symbol that begins the text
 * counts with the word after it ("● Uppfylls", see cell_line). */
static size_t longest_word(const char *s)
{
    size_t best = 0, w = 0;
    for (const char *p = s;; p++) {
        if (*p == ' ' && w == 1 && p - s <= 4) {
            w++;
        } else if (*p == ' ' || *p == '\0' || soft_hyphen(p)) {
            size_t with = w + (soft_hyphen(p) ? 1 : 0);
            best = with > best ? with : best;
            w = 0;
            if (!*p)
                return best;
            p += soft_hyphen(p);
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            w++;
            if (breaks_after(p, w) && p[1] && p[1] != ' ') {
                best = w > best ? w : best;
                w = 0;
            }
        }
    }
}

/* A line of terminal text being written: the spaces before the next text are held back,
 * so a line never ends in spaces. */
typedef struct {
    FILE *f;
    size_t pending;
} line_out;

/* n bytes of s, each control character (C0, DEL, C1) as U+FFFD so that no data runs
 * terminal commands, soft hyphens left out. */
static void put_text(line_out *o, const char *s, size_t n)
{
    if (n == 0)
        return;
    fprintf(o->f, "%*s", (int)o->pending, "");
    o->pending = 0;
    for (const unsigned char *p = (const unsigned char *)s, *end = p + n; p < end; p++) {
        if (soft_hyphen((const char *)p)) {
            p++;
        } else if (*p < 0x20 || *p == 0x7F || (*p == 0xC2 && p + 1 < end && p[1] >= 0x80 && p[1] < 0xA0)) {
            fputs("\xef\xbf\xbd", o->f);
            p += *p == 0xC2;
        } else {
            fputc(*p, o->f);
        }
    }
}

/* Ends the line: the held-back spaces are dropped. */
static void end_line(line_out *o)
{
    o->pending = 0;
    fputc('\n', o->f);
}

/* A cell's text as lines of a column: where the rest begins, and the cell's leading
 * spaces (its depth in a hierarchy), repeated before each further line. */
typedef struct {
    const char *rest;
    size_t indent;
    int started;
} cell_lines;

/* c at the start of text, its indent the text's leading spaces. */
static void cell_lines_start(cell_lines *c, const char *text)
{
    c->rest = text;
    c->indent = strspn(text, " ");
    c->started = 0;
}

/* The next line of c within width columns, written to o and padded to the width (numbers
 * aligned right). A line breaks at a space, after a hyphen or slash inside a word, at a soft
 * hyphen (shown as "-"), or inside a word longer than the line. Writes only padding when the
 * cell has no more lines. */
static void cell_line(cell_lines *c, size_t width, int right, line_out *o)
{
    const char *s = c->rest;
    size_t lead = 0;
    if (c->started) {
        while (*s == ' ')
            s++;
        lead = c->indent < width / 2 ? c->indent : 0;
    }
    c->started = 1;
    size_t avail = width > lead ? width - lead : 1, used = 0;
    const char *q = s, *cut = NULL, *next = NULL;
    int hyphen = 0, word = 0;
    size_t in_word = 0; /* columns since the last space */
    while (*q) {
        if (soft_hyphen(q)) {
            if (used + 1 <= avail) {
                cut = q, next = q + 2, hyphen = 1;
            }
            q += 2;
            continue;
        }
        if (*q == ' ' && word && used > 1) /* "● Uppfylls": a symbol stays with its word */
            cut = q, next = q + 1, hyphen = 0;
        word |= *q != ' ';
        if (used + 1 > avail)
            break;
        used++;
        in_word = *q == ' ' ? 0 : in_word + 1;
        const char *at = q;
        for (q++; ((unsigned char)*q & 0xC0) == 0x80; q++)
            ;
        if (breaks_after(at, in_word) && *q && *q != ' ')
            cut = q, next = q, hyphen = 0;
    }
    size_t n = (size_t)(q - s);
    if (*q && cut) {
        n = (size_t)(cut - s);
        q = next;
        while (n > 0 && s[n - 1] == ' ')
            n--;
    } else if (!*q) {
        hyphen = 0;
    }
    c->rest = q;
    size_t w = n || hyphen ? lead + text_width(s, n) + (size_t)hyphen : 0;
    size_t pad = width > w ? width - w : 0;
    if (right)
        o->pending += pad;
    o->pending += w ? lead : 0;
    put_text(o, s, n);
    if (hyphen)
        put_text(o, "-", 1);
    if (!right)
        o->pending += pad;
}

/* Text outside a table (a heading, paragraph, note, list item, caption), each of its lines
 * broken at spaces into lines of at most columns (0: as it is), the first after prefix
 * ("• ") and the others under the first's text. */
static ind_status text_block(FILE *f, const char *prefix, const char *text, size_t columns, ind_error *err)
{
    line_out o = {f, 0};
    size_t hang = strlen(prefix);
    for (const char *line = text;; line++) {
        size_t n = strcspn(line, "\n");
        char *buf = malloc(hang + n + 1);
        if (!buf)
            return ind_error_set(err, IND_ENOMEM, "", 0, 0, "out of memory writing text");
        memset(buf, ' ', hang);
        if (line == text)
            memcpy(buf, prefix, hang);
        memcpy(buf + hang, line, n);
        buf[hang + n] = '\0';
        if (columns == 0) {
            put_text(&o, buf, hang + n);
            end_line(&o);
        } else {
            cell_lines c;
            cell_lines_start(&c, buf);
            c.indent = text_width(prefix, hang);
            do {
                cell_line(&c, columns, 0, &o);
                end_line(&o);
            } while (c.rest[strspn(c.rest, " ")]);
        }
        free(buf);
        line += n;
        if (!*line)
            return IND_OK;
    }
}

/* A column of the table being laid out. */
typedef struct {
    const ind_doc_column *col;
    int state;      /* 0 not shown (machine formats only, or empty), 1 shown, -1 left out for width */
    int text;       /* text (broken into lines) rather than a number */
    size_t natural; /* the widest cell or heading on one line */
    size_t widest;  /* the widest cell */
    size_t least;   /* the narrowest it may become */
    size_t comfort; /* the narrowest it becomes before any column is left out */
    size_t width;   /* as laid out */
    unsigned *count; /* text: how many of its cells (and its heading) are h columns wide, h <= natural */
} term_col;

/* A column people see: meant for them, and not empty in every row (a
 * prognosis column of a table without tertials says nothing). */
static int shown(const ind_doc_table *t, size_t j)
{
    if (!ind_doc_table_column(t, j)->shown)
        return 0;
    size_t nr = ind_doc_table_rows(t);
    for (size_t i = 0; i < nr; i++) {
        const ind_cell *c = ind_doc_table_cell(t, i, j);
        if (c->kind != IND_CELL_NULL && !(c->kind == IND_CELL_TEXT && !c->text[0]))
            return 1;
    }
    return nr == 0;
}

/* Column c's natural, least and comfortable width and the count of its cells by width (into
 * count, CELL_MAX + 1 of them), from its heading and the cells of column j. */
static void measure(const ind_doc_table *t, size_t j, ind_lang lang, term_col *c, unsigned *count, char *buf)
{
    size_t nr = ind_doc_table_rows(t);
    c->col = ind_doc_table_column(t, j);
    c->state = shown(t, j);
    c->text = textual(c->col);
    if (!c->state)
        return;
    size_t label = text_width(c->col->label, strlen(c->col->label));
    size_t widest = 0, word = longest_word(c->col->label);
    c->count = count;
    count[label < CELL_MAX ? label : CELL_MAX]++;
    for (size_t i = 0; i < nr; i++) {
        const char *s = ind_cell_show(ind_doc_table_cell(t, i, j), lang, IND_SHOW_TYPESET, buf, CELL_MAX);
        size_t w = text_width(s, strlen(s));
        widest = w > widest ? w : widest;
        count[w < CELL_MAX ? w : CELL_MAX]++;
        if (c->text && w > word) {
            size_t lw = longest_word(s) + strspn(s, " ");
            word = lw > word ? lw : word;
        }
    }
    c->natural = widest > label ? widest : label;
    c->widest = widest;
    if (c->text) {
        size_t least = word < TEXT_LEAST ? TEXT_LEAST : word > WORD_LEAST ? WORD_LEAST : word;
        size_t comfort = c->natural > LONG_TEXT ? SENTENCE_COMFORT : TEXT_COMFORT;
        c->least = least < c->natural ? least : c->natural;
        c->comfort = comfort > c->least ? (comfort < c->natural ? comfort : c->natural) : c->least;
    } else {
        c->least = widest > word ? widest : word; /* a number is never broken */
        c->comfort = c->natural;
    }
    c->width = c->natural;
}

/* The width of the shown columns with the gaps between them. */
static size_t total_width(const term_col *tc, size_t nc)
{
    size_t sum = 0, k = 0;
    for (size_t j = 0; j < nc; j++)
        if (tc[j].state == 1)
            sum += tc[j].width, k++;
    return sum + (k ? GAP * (k - 1) : 0);
}

/* About how many lines text column c takes at width w: each cell wider than w as many as
 * its width over w (words are not counted), every other cell one. */
static double lines_at(const term_col *c, size_t w)
{
    double lines = 0;
    size_t top = c->natural < CELL_MAX ? c->natural : CELL_MAX;
    for (size_t h = 0; h <= top; h++)
        if (c->count[h])
            lines += c->count[h] * (h > w ? (double)h / (double)w : 1.0);
    return lines;
}

/* Narrows the columns toward their least width until the table is no wider than columns or
 * nothing gives: text first, each time the one that grows by the fewest lines (the widest of
 * equals; with widest_first, the widest, which breaks the fewest words); then numbers'
 * headings, the widest first. */
static void narrow(term_col *tc, size_t nc, size_t columns, int widest_first)
{
    for (size_t total = total_width(tc, nc); total > columns; total--) {
        term_col *best = NULL;
        double best_cost = 0;
        for (size_t j = 0; j < nc; j++) {
            term_col *c = &tc[j];
            if (c->state != 1 || !c->text || c->width <= c->least)
                continue;
            double cost = widest_first ? 0 : lines_at(c, c->width - 1) - lines_at(c, c->width);
            if (!best || cost < best_cost || (cost == best_cost && c->width > best->width))
                best = c, best_cost = cost;
        }
        for (size_t j = 0; j < nc && !best; j++)
            if (tc[j].state == 1 && tc[j].width > tc[j].least)
                best = &tc[j];
        for (size_t j = 0; j < nc; j++)
            if (best && !best->text && tc[j].state == 1 && tc[j].width > tc[j].least && tc[j].width > best->width)
                best = &tc[j];
        if (!best)
            return;
        best->width--;
    }
}

/* Widens text columns while the table is narrower than columns, each time the one that saves
 * the most lines. */
static void widen(term_col *tc, size_t nc, size_t columns)
{
    for (size_t total = total_width(tc, nc); total < columns; total++) {
        term_col *best = NULL;
        double best_gain = 0;
        for (size_t j = 0; j < nc; j++) {
            term_col *c = &tc[j];
            if (c->state != 1 || !c->text || c->width >= c->natural)
                continue;
            double gain = lines_at(c, c->width) - lines_at(c, c->width + 1);
            if (gain > best_gain)
                best = c, best_gain = gain;
        }
        if (!best)
            return;
        best->width++;
    }
}

/* Lays the shown columns out in columns characters (0: no limit): leaves out the first to
 * go while the rest are wider than that at their comfortable widths (and takes back those
 * that fit again), narrows what is still
 * too wide (text to its longest word, then to TEXT_FLOOR), and gives what is left over to the
 * text that needs it most. A table wider than columns even so is printed wider. */
static void lay_out(term_col *tc, size_t nc, size_t columns)
{
    if (columns == 0 || total_width(tc, nc) <= columns)
        return;
    for (size_t j = 0; j < nc; j++)
        tc[j].width = tc[j].comfort;
    while (total_width(tc, nc) > columns) {
        term_col *drop = NULL;
        for (size_t j = 0; j < nc; j++)
            if (tc[j].state == 1 && tc[j].col->shown >= 2 && (!drop || tc[j].col->shown >= drop->col->shown))
                drop = &tc[j];
        if (!drop)
            break;
        drop->state = -1;
    }
    /* a column left out early may fit again beside the room a wider one left: the most
     * needed first */
    for (int order = 2;; order++) {
        int later = 0;
        for (size_t j = 0; j < nc; j++) {
            if (tc[j].state != -1 || tc[j].col->shown < order)
                continue;
            later |= tc[j].col->shown > order;
            if (tc[j].col->shown == order && total_width(tc, nc) + GAP + tc[j].width <= columns)
                tc[j].state = 1;
        }
        if (!later)
            break;
    }
    narrow(tc, nc, columns, 0);
    if (total_width(tc, nc) > columns) {
        for (size_t j = 0; j < nc; j++)
            if (tc[j].text && tc[j].least > TEXT_FLOOR)
                tc[j].least = TEXT_FLOOR;
        narrow(tc, nc, columns, 1);
    }
    widen(tc, nc, columns);
}

/* One row of cells (the headings when row is -1), in as many lines as its longest cell needs. */
static void table_row(const ind_doc_table *t, ind_lang lang, const term_col *tc, long row, char *bufs,
                      cell_lines *lines, line_out *o)
{
    size_t nc = ind_doc_table_columns(t);
    for (size_t j = 0; j < nc; j++) {
        if (tc[j].state != 1)
            continue;
        const char *s = row < 0 ? tc[j].col->label
                                : ind_cell_show(ind_doc_table_cell(t, (size_t)row, j), lang, IND_SHOW_TYPESET,
                                                bufs + j * CELL_MAX, CELL_MAX);
        cell_lines_start(&lines[j], s);
    }
    for (int more = 1; more;) {
        more = 0;
        int first = 1;
        for (size_t j = 0; j < nc; j++) {
            if (tc[j].state != 1)
                continue;
            if (!first)
                o->pending += GAP;
            first = 0;
            cell_line(&lines[j], tc[j].width, !tc[j].text, o);
            more |= lines[j].rest[strspn(lines[j].rest, " ")] != '\0';
        }
        end_line(o);
    }
}

/* Under a table: the columns left out for width, and that --wide shows them. */
static ind_status left_out_note(const term_col *tc, size_t nc, ind_lang lang, size_t columns, FILE *f,
                                ind_error *err)
{
    char note[1024];
    size_t n = 0;
    for (size_t j = 0; j < nc && n < sizeof note; j++) {
        if (tc[j].state != -1)
            continue;
        const char *label = tc[j].col->label[0] ? tc[j].col->label : tc[j].col->key;
        n += (size_t)snprintf(note + n, sizeof note - n, "%s%s",
                              n ? ", " : lang == IND_LANG_EN ? "Columns left out for lack of width: "
                                                             : "Kolumner som inte fick plats: ", label);
    }
    if (n == 0)
        return IND_OK;
    if (n < sizeof note)
        snprintf(note + n, sizeof note - n, "%s", lang == IND_LANG_EN ? ". --wide shows them all." : ". Med\u00a0--wide visas alla.");
    return text_block(f, "", note, columns, err);
}

/* A table for a terminal in columns characters (0: no limit): its caption, headings, a rule,
 * the rows (apart by a blank line when one takes several lines), and the note of the columns
 * left out. */
static ind_status terminal_table(const ind_doc *doc, const ind_doc_table *t, size_t columns, FILE *f, ind_error *err)
{
    ind_lang lang = ind_doc_get_meta(doc)->lang;
    size_t nc = ind_doc_table_columns(t), nr = ind_doc_table_rows(t);
    term_col *tc = calloc(nc ? nc : 1, sizeof *tc);
    cell_lines *lines = calloc(nc ? nc : 1, sizeof *lines);
    char *bufs = malloc((nc ? nc : 1) * CELL_MAX);
    unsigned *counts = calloc((nc ? nc : 1) * (CELL_MAX + 1), sizeof *counts);
    if (!tc || !lines || !bufs || !counts) {
        free(tc);
        free(lines);
        free(bufs);
        free(counts);
        return ind_error_set(err, IND_ENOMEM, "", 0, 0, "out of memory writing a table");
    }
    for (size_t j = 0; j < nc; j++)
        measure(t, j, lang, &tc[j], counts + j * (CELL_MAX + 1), bufs);
    lay_out(tc, nc, columns);
    line_out o = {f, 0};
    ind_status st = IND_OK;
    if (ind_doc_table_caption(t) && (st = text_block(f, "", ind_doc_table_caption(t), columns, err)) == IND_OK)
        end_line(&o);
    table_row(t, lang, tc, -1, bufs, lines, &o);
    for (size_t k = total_width(tc, nc); k > 0; k--)
        fputs("\xe2\x94\x80", f); /* ─ */
    end_line(&o);
    /* rows apart by a blank line when one of them takes more than one line */
    int apart = 0;
    for (size_t j = 0; j < nc; j++)
        apart |= tc[j].state == 1 && tc[j].widest > tc[j].width;
    for (size_t i = 0; i < nr; i++) {
        if (apart && i)
            end_line(&o);
        table_row(t, lang, tc, (long)i, bufs, lines, &o);
    }
    if (st == IND_OK)
        st = left_out_note(tc, nc, lang, columns, f, err);
    free(counts);
    free(bufs);
    free(lines);
    free(tc);
    return st;
}

ind_status ind_write_terminal_fit(const ind_doc *doc, FILE *f, size_t columns, ind_error *err)
{
    size_t n = ind_doc_count(doc);
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        const ind_block *b = ind_doc_block(doc, i);
        if (b->kind == IND_BLOCK_PAGE_BREAK)
            continue;
        /* blocks apart by a blank line; the items of a list together */
        if (any && !(b->kind == IND_BLOCK_LIST_ITEM && ind_doc_block(doc, i - 1)->kind == IND_BLOCK_LIST_ITEM))
            fputc('\n', f);
        any = 1;
        ind_status st = IND_OK;
        switch (b->kind) {
        case IND_BLOCK_HEADING:
        case IND_BLOCK_PARAGRAPH:
        case IND_BLOCK_NOTE: st = text_block(f, "", b->text, columns, err); break;
        case IND_BLOCK_LIST_ITEM: st = text_block(f, "\xe2\x80\xa2 ", b->text, columns, err); break;
        case IND_BLOCK_TABLE: st = terminal_table(doc, b->table, columns, f, err); break;
        case IND_BLOCK_FIGURE:
            fprintf(f, "[%s]\n", b->alt ? b->alt : ind_doc_get_meta(doc)->lang == IND_LANG_EN ? "Figure" : "Figur");
            break;
        case IND_BLOCK_PAGE_BREAK: break;
        }
        if (st != IND_OK)
            return st;
    }
    return IND_OK;
}

ind_status ind_write_terminal(const ind_doc *doc, FILE *f, ind_error *err)
{
    return ind_write_terminal_fit(doc, f, 0, err);
}

/* ---- dispatch ----------------------------------------------------------------------- */

int ind_out_format_binary(ind_out_format f)
{
    return f == IND_OUT_PDF || f == IND_OUT_DOCX || f == IND_OUT_XLSX;
}

static ind_status write_stream(const ind_doc *doc, ind_out_format fmt, FILE *f, size_t columns, ind_write_result *res,
                               ind_error *err)
{
    int pages = 0;
    ind_status st;
    switch (fmt) {
    case IND_OUT_CSV: st = ind_write_csv(doc, f, err); break;
    case IND_OUT_JSON: st = ind_write_json(doc, f, err); break;
    case IND_OUT_PDF: st = ind_write_pdf(doc, f, &pages, err); break;
    case IND_OUT_CSV_SV: st = ind_write_csv_sv(doc, f, err); break;
    case IND_OUT_HTML: st = ind_write_html(doc, f, err); break;
    case IND_OUT_DOCX: st = ind_write_docx(doc, f, err); break;
    case IND_OUT_XLSX: st = ind_error_set(err, IND_EUSAGE, "", 0, 0, "an Excel workbook is written to a file (-o FILE.xlsx)"); break;
    default: st = ind_write_terminal_fit(doc, f, columns, err); break;
    }
    if (res)
        res->pages = pages;
    return st;
}

ind_status ind_doc_write(const ind_doc *doc, ind_out_format fmt, const char *path, FILE *stream,
                         ind_write_result *result, ind_error *err)
{
    return ind_doc_write_fit(doc, fmt, path, stream, 0, result, err);
}

ind_status ind_doc_write_fit(const ind_doc *doc, ind_out_format fmt, const char *path, FILE *stream, size_t columns,
                             ind_write_result *result, ind_error *err)
{
    if (!path) {
        ind_status st = write_stream(doc, fmt, stream, columns, result, err);
        if (st == IND_OK && (fflush(stream) != 0 || ferror(stream)))
            return ind_error_set(err, IND_EIO, "", 0, 0, "writing to standard output failed");
        return st;
    }
    ind_lockfile lf;
    ind_status st = ind_lockfile_open(&lf, path, err);
    if (st != IND_OK)
        return st;
    if (fmt == IND_OUT_XLSX)
        st = ind_write_xlsx(doc, lf.temp, err);
    else
        st = write_stream(doc, fmt, lf.f, columns, result, err);
    if (st != IND_OK) {
        ind_lockfile_rollback(&lf);
        return st;
    }
    return ind_lockfile_commit(&lf, err);
}
