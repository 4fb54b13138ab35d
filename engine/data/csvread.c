/* csvread.c: file bytes -> UTF-8 text -> libcsv rows, with line numbers.
 *
 * libcsv reports fields but not where they were, so the text is fed one
 * physical line at a time: every callback that fires during a line's call
 * belongs to that line, and a row starts on the line after the previous row
 * ended (blank lines skipped). */
#define _GNU_SOURCE /* mremap */
#include "csvread.h"
#include "messages.h"

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The bytes of a file live in a mapping of their own, one page at least
 * longer than they are, so the byte after them is always a NUL. A regular
 * file is mapped from the page cache and never copied (reading 72 MB into
 * fresh memory cost more than tokenising it: a page fault per 4 KiB on this
 * kind of virtual machine, and a copy); a pipe is read into anonymous pages. */
static size_t mapping_size(size_t size)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    return (size / page + 1) * page;
}

/* A regular file of size bytes from fd: the pages mapped read-only and
 * populated (a writable private mapping would be copied page by page at
 * once), then made writable: a write copies only the page it touches. */
static char *map_file(int fd, size_t size)
{
    size_t total = mapping_size(size);
    char *base = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        return NULL;
    if (mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, 0) == MAP_FAILED ||
        mprotect(base, size, PROT_READ | PROT_WRITE) != 0) {
        munmap(base, total);
        return NULL;
    }
    return base;
}

/* A stream of unknown length (a pipe, a terminal) read into anonymous pages
 * that grow by doubling. Sets *failed on a read error. */
static char *read_stream(int fd, size_t *size, int *failed)
{
    size_t cap = mapping_size((size_t)1 << 16) - 1, n = 0;
    char *buf = mmap(NULL, cap + 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED)
        return NULL;
    for (;;) {
        if (n == cap) {
            size_t grown = mapping_size(2 * cap + 1);
            char *b = mremap(buf, cap + 1, grown, MREMAP_MAYMOVE);
            if (b == MAP_FAILED) {
                munmap(buf, cap + 1);
                return NULL;
            }
            buf = b;
            cap = grown - 1;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            *failed = got < 0;
            break;
        }
        n += (size_t)got;
    }
    *size = n;
    return buf;
}

ind_status ind_file_slurp(const char *path, char **data, size_t *size, ind_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ind_error_set(err, IND_EIO, path, 0, 0, "cannot open the file: %s", ind_msg_errno(errno));
    struct stat st;
    int failed = 0;
    char *buf = NULL;
    size_t n = 0;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        n = (size_t)st.st_size;
        buf = map_file(fd, n);
    }
    if (!buf) /* a stream, an empty file, or a file system that cannot map: read it */
        buf = read_stream(fd, &n, &failed);
    close(fd);
    if (!buf)
        return ind_error_set(err, IND_ENOMEM, path, 0, 0, "out of memory reading the file");
    if (failed) {
        ind_file_free(buf, n);
        return ind_error_set(err, IND_EIO, path, 0, 0, "cannot read the file");
    }
    *data = buf;
    *size = n;
    return IND_OK;
}

void ind_file_free(char *data, size_t size)
{
    if (data)
        munmap(data, mapping_size(size));
}

/* ---- encodings ---------------------------------------------------------- */

/* Line and column of data[off]. A line ends at LF, CRLF or a lone CR (old Mac files). */
static void position_of(const char *data, size_t off, long *line, long *column)
{
    long l = 1;
    size_t start = 0;
    for (size_t i = 0; i < off; i++)
        /* a CR followed by LF is not a break of its own: the LF is */
        if (data[i] == '\n' || (data[i] == '\r' && !(i + 1 < off && data[i + 1] == '\n'))) {
            l++;
            start = i + 1;
        }
    *line = l;
    *column = (long)(off - start) + 1;
}

/* Line breaks in s[0..n): LF, CRLF and lone CR each count once. */
static long count_breaks(const char *s, size_t n)
{
    long k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')))
            k++;
    return k;
}

/* The end of the line that starts at p (just past its LF, CRLF or lone CR), or
 * NULL when the text ends first. With cr 0 only LF ends a line (fast). */
static const char *line_end(const char *p, const char *end, int cr)
{
    if (!cr) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        return nl ? nl + 1 : NULL;
    }
    for (; p < end; p++) {
        if (*p == '\n')
            return p + 1;
        if (*p == '\r')
            return (p + 1 < end && p[1] == '\n') ? p + 2 : p + 1;
    }
    return NULL;
}

/* Length of the valid UTF-8 sequence at s, 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t left)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return left >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && s[1] < 0xA0)
            return 0; /* overlong */
        if (c == 0xED && s[1] >= 0xA0)
            return 0; /* surrogates */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90)
            return 0;
        if (c == 0xF4 && s[1] >= 0x90)
            return 0;
        return 4;
    }
    return 0;
}

/* Scans for the first invalid sequence; counts the valid multi-byte ones. */
static size_t utf8_scan(const char *data, size_t size, size_t *multibyte)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t i = 0, mb = 0;
    while (i < size) {
        if (s[i] < 0x80) {
            i++;
            /* skip ASCII eight bytes at a time */
            while (i + 8 <= size) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & 0x8080808080808080ULL)
                    break;
                i += 8;
            }
            continue;
        }
        size_t k = utf8_seq(s + i, size - i);
        if (!k)
            break;
        mb++;
        i += k;
    }
    if (multibyte)
        *multibyte = mb;
    return i;
}

int ind_utf8_check(const char *data, size_t size, long *line, long *column)
{
    size_t bad = utf8_scan(data, size, NULL);
    if (bad == size)
        return 0;
    position_of(data, bad, line, column);
    return -1;
}

/* Windows-1252 0x80-0x9F; 0 marks the five bytes with no character. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

int ind_cp1252_to_utf8(const char *data, size_t size, char **out, size_t *out_size, long *line,
                       long *column)
{
    const unsigned char *s = (const unsigned char *)data;
    char *buf = malloc(size * 3 + 1);
    size_t n = 0;
    if (!buf)
        return -2;
    for (size_t i = 0; i < size; i++) {
        unsigned cp = s[i];
        if (cp >= 0x80 && cp < 0xA0) {
            cp = cp1252_high[cp - 0x80];
            if (!cp) {
                free(buf);
                position_of(data, i, line, column);
                return -1;
            }
        }
        if (cp < 0x80) {
            buf[n++] = (char)cp;
        } else if (cp < 0x800) {
            buf[n++] = (char)(0xC0 | (cp >> 6));
            buf[n++] = (char)(0x80 | (cp & 0x3F));
        } else {
            buf[n++] = (char)(0xE0 | (cp >> 12));
            buf[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            buf[n++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    buf[n] = '\0';
    *out = buf;
    *out_size = n;
    return 0;
}

/* ---- rows ---------------------------------------------------------------- */

typedef struct {
    const char *path;
    ind_csv_row_fn fn;
    void *user;
    ind_error *err;
    ind_status status;
    /* the row being collected */
    char *text;
    size_t text_len, text_cap;
    size_t *offset, *len;
    const char **field;
    size_t count, cap;
    long line;       /* current physical line */
    long row_line;   /* line the current row started on */
    int row_open;
    long last_end_line; /* line on which the previous row ended */
    long rows;
    int too_big;
    size_t too_big_field;
    /* fast mode (a file without quotes): text goes to libcsv in large pieces and
     * each row's line is found by stepping through the text's line breaks */
    int fast;
    const char *data;
    size_t size, scan_pos;
    long scan_line;
    char delimiter;
} reader;

/* Fast mode: moves the scan past blank lines, which libcsv skips without a row. */
static void skip_blank_lines(reader *r)
{
    while (r->scan_pos < r->size) {
        /* libcsv trims blanks, so a line of only blanks is empty too */
        size_t i = r->scan_pos;
        while (i < r->size && (r->data[i] == ' ' || (r->data[i] == '\t' && r->delimiter != '\t')))
            i++;
        if (i < r->size && r->data[i] == '\n')
            r->scan_pos = i + 1;
        else if (i + 1 < r->size && r->data[i] == '\r' && r->data[i + 1] == '\n')
            r->scan_pos = i + 2;
        else
            break;
        r->scan_line++;
    }
}

static void on_field(void *s, size_t n, void *data)
{
    reader *r = data;
    if (r->status != IND_OK)
        return;
    if (!r->row_open && r->fast) {
        r->row_line = r->scan_line;
        r->row_open = 1;
    } else if (!r->row_open) {
        /* the row starts on this line, less the line breaks inside its first field */
        r->row_line = r->line - (n ? count_breaks(s, n) : 0);
        r->row_open = 1;
    }
    if (n > IND_CSV_MAX_FIELD) {
        r->status = ind_error_set(r->err, IND_EINPUT, r->path, r->row_line, (long)r->count + 1,
                                  "field %zu is %zu bytes long; at most %d bytes are accepted",
                                  r->count + 1, n, IND_CSV_MAX_FIELD);
        return;
    }
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 32;
        size_t *o = realloc(r->offset, cap * sizeof *o);
        if (o)
            r->offset = o;
        size_t *l = realloc(r->len, cap * sizeof *l);
        if (l)
            r->len = l;
        const char **f = realloc(r->field, cap * sizeof *f);
        if (f)
            r->field = f;
        if (!o || !l || !f) {
            r->status = ind_error_set(r->err, IND_ENOMEM, r->path, r->row_line, 0, "out of memory");
            return;
        }
        r->cap = cap;
    }
    if (r->text_len + n + 1 > r->text_cap) {
        size_t cap = r->text_cap ? r->text_cap : 1024;
        while (r->text_len + n + 1 > cap)
            cap *= 2;
        char *t = realloc(r->text, cap);
        if (!t) {
            r->status = ind_error_set(r->err, IND_ENOMEM, r->path, r->row_line, 0, "out of memory");
            return;
        }
        r->text = t;
        r->text_cap = cap;
    }
    r->offset[r->count] = r->text_len;
    r->len[r->count] = n;
    if (n)
        memcpy(r->text + r->text_len, s, n);
    r->text[r->text_len + n] = '\0';
    r->text_len += n + 1;
    r->count++;
}

static void on_row(int c, void *data)
{
    (void)c;
    reader *r = data;
    if (r->status == IND_OK && r->count > 0) {
        for (size_t i = 0; i < r->count; i++)
            r->field[i] = r->text + r->offset[i];
        /* a row of empty fields is a blank line (only spaces, or only
         * delimiters as spreadsheets write them) */
        int blank = 1;
        for (size_t i = 0; i < r->count && blank; i++)
            blank = r->len[i] == 0;
        if (!blank) {
            ind_csv_row row = {r->field, r->len, r->count, r->row_line, r->path};
            r->rows++;
            r->status = r->fn(&row, r->user, r->err);
        }
    }
    r->count = 0;
    r->text_len = 0;
    r->row_open = 0;
    r->last_end_line = r->line;
    if (r->fast) {
        /* this row ends at the next line break; then come any blank lines */
        const char *nl = memchr(r->data + r->scan_pos, '\n', r->size - r->scan_pos);
        r->scan_pos = nl ? (size_t)(nl - r->data) + 1 : r->size;
        r->scan_line++;
        skip_blank_lines(r);
        r->line = r->scan_line;
        r->last_end_line = r->scan_line - 1;
    }
}

static int is_space_only(unsigned char c) { return c == ' '; }

/* The delimiter is the most frequent of ; , and tab on the first line outside quotes. */
static char detect_delimiter(const char *s, size_t size)
{
    size_t semi = 0, comma = 0, tab = 0, start = 0;
    int quoted = 0;
    /* the first line that is not blank */
    for (size_t i = 0; i < size && (s[i] == '\n' || s[i] == '\r' || s[i] == ' '); i++)
        if (s[i] == '\n')
            start = i + 1;
    for (size_t i = start; i < size && s[i] != '\n'; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ';')
            semi++;
        else if (!quoted && c == ',')
            comma++;
        else if (!quoted && c == '\t')
            tab++;
    }
    if (tab > semi && tab > comma)
        return '\t';
    if (semi > comma)
        return ';';
    return ',';
}

char ind_csv_detect_delimiter(const char *text, size_t size) { return detect_delimiter(text, size); }

/* ---- reading in pieces -------------------------------------------------- */

size_t ind_csv_split_point(const char *text, size_t size, size_t pos)
{
    while (pos < size && ((unsigned char)text[pos] & 0xC0) == 0x80)
        pos++;
    return pos < size ? pos : size;
}

/* Whether the eight bytes at u are plain ASCII of 0x20 and up (*w: them). */
static int plain8(const unsigned char *u, uint64_t *w)
{
    memcpy(w, u, 8);
    return !(*w & 0x8080808080808080ULL) && !((*w - 0x2020202020202020ULL) & ~*w & 0x8080808080808080ULL);
}

/* Bytes of w equal to b (exact: one high bit per such byte). */
static uint64_t bytes_equal(uint64_t w, unsigned char b)
{
    uint64_t x = w ^ (0x0101010101010101ULL * b);
    return ~(((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x) & 0x8080808080808080ULL;
}

/* ind_csv_scan byte by byte from i to end (a UTF-8 sequence may go past it):
 * into *out; where it stopped, or SIZE_MAX at a byte that is not clean. */
static size_t scan_bytes(const unsigned char *u, size_t size, size_t i, size_t end, ind_csv_scan_result *out)
{
    while (i < end) {
        uint64_t w;
        if (i + 8 <= end && plain8(u + i, &w)) {
            /* plain ASCII of 0x20 and up: count its quotes and go on */
            uint64_t q = bytes_equal(w, '"');
            out->quotes += (size_t)(((q >> 7) * 0x0101010101010101ULL) >> 56);
            i += 8;
            continue;
        }
        unsigned char c = u[i];
        if (c < 0x20) {
            if (c == '\n' || (c == '\r' && (i + 1 >= size || u[i + 1] != '\n')))
                out->breaks++;
            else if (c != '\t' && c != '\r')
                return SIZE_MAX;
            i++;
        } else if (c < 0x80) {
            out->quotes += c == '"';
            i++;
        } else {
            size_t k = utf8_seq(u + i, size - i);
            if (!k)
                return SIZE_MAX;
            i += k;
        }
    }
    return i;
}

/* Sixteen bytes at once (GCC's and Clang's vector extension: SSE2 on x86-64, NEON on ARM). */
typedef unsigned char bytes16 __attribute__((vector_size(16)));

/* Counts quotes and line feeds in p[0 .. 16 * chunks) (chunks at most 127);
 * -1 when a byte there is UTF-8 or a control byte other than LF and tab. */
static int scan_chunks(const unsigned char *p, size_t chunks, size_t *quotes, long *lf)
{
    bytes16 nq = {0}, nlf = {0}, odd = {0};
    for (size_t k = 0; k < chunks; k++) {
        bytes16 x;
        memcpy(&x, p + 16 * k, 16);
        odd |= (bytes16)(x >= 0x80) | ((bytes16)(x < 0x20) & (bytes16)(x != '\n') & (bytes16)(x != '\t'));
        nq -= (bytes16)(x == '"'); /* a true comparison is all ones: minus one adds one */
        nlf -= (bytes16)(x == '\n');
    }
    uint64_t o[2];
    memcpy(o, &odd, 16);
    if (o[0] | o[1])
        return -1;
    for (int i = 0; i < 16; i++) {
        *quotes += nq[i];
        *lf += nlf[i];
    }
    return 0;
}

void ind_csv_scan(const char *text, size_t size, size_t begin, size_t end, ind_csv_scan_result *out)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t i = begin;
    out->quotes = 0;
    out->breaks = 0;
    out->clean = 0;
    /* 2 032 bytes at a time while they are ASCII with no control byte but LF
     * and tab; anything else (CR, UTF-8, control bytes) byte by byte */
    while (i < end) {
        size_t chunks = (end - i) / 16 < 127 ? (end - i) / 16 : 127;
        if (chunks && scan_chunks(u + i, chunks, &out->quotes, &out->breaks) == 0) {
            i += 16 * chunks;
            continue;
        }
        size_t stop = chunks ? i + 16 * chunks : end;
        if ((i = scan_bytes(u, size, i, stop, out)) == SIZE_MAX)
            return; /* (a UTF-8 sequence across stop is read whole) */
    }
    out->clean = 1;
}

size_t ind_csv_boundary(const char *text, size_t size, size_t pos, int odd_quotes, long *breaks)
{
    long k = 0;
    for (size_t i = pos; i < size; i++) {
        char c = text[i];
        if (c == '"') {
            odd_quotes = !odd_quotes;
        } else if (c == '\n' || c == '\r') {
            size_t next = i + 1 + (c == '\r' && i + 1 < size && text[i + 1] == '\n');
            k++;
            if (!odd_quotes) {
                *breaks += k;
                return next;
            }
            i = next - 1;
        }
    }
    *breaks += k;
    return size;
}

void ind_csv_cursor_init(ind_csv_cursor *c, const char *path, const char *text, size_t pos,
                         size_t end, long line, char delimiter)
{
    memset(c, 0, sizeof *c);
    c->text = text;
    c->pos = pos;
    c->end = end;
    c->line = line;
    c->delimiter = delimiter;
    c->path = path;
    c->stop[(unsigned char)delimiter] = c->stop['\n'] = c->stop['\r'] = c->stop['"'] = 1;
}

void ind_csv_cursor_free(ind_csv_cursor *c)
{
    free(c->field);
    free(c->len);
    free(c->offset);
    free(c->in_scratch);
    free(c->scratch);
    memset(c, 0, sizeof *c);
}

/* libcsv's blank: space, and tab unless tab is the delimiter. */
static int cursor_space(const ind_csv_cursor *c, char ch)
{
    return ch == ' ' || (ch == '\t' && c->delimiter != '\t');
}

/* Room for one more field; -2 when out of memory. */
static int cursor_room(ind_csv_cursor *c, size_t count)
{
    if (count < c->cap)
        return 0;
    size_t cap = c->cap ? c->cap * 2 : 32;
    const char **f = realloc(c->field, cap * sizeof *f);
    if (f)
        c->field = f;
    size_t *l = realloc(c->len, cap * sizeof *l);
    if (l)
        c->len = l;
    size_t *o = realloc(c->offset, cap * sizeof *o);
    if (o)
        c->offset = o;
    unsigned char *s = realloc(c->in_scratch, cap);
    if (s)
        c->in_scratch = s;
    if (!f || !l || !o || !s)
        return -2;
    c->cap = cap;
    return 0;
}

/* A quoted field from the quote at c->pos: its text with "" as ", and the
 * position after the closing quote. -1 when unterminated, -2 out of memory. */
static int cursor_quoted(ind_csv_cursor *c, size_t count)
{
    size_t start = ++c->pos, copied_from = start;
    int copy = 0;
    for (;;) {
        const char *q = memchr(c->text + c->pos, '"', c->end - c->pos);
        if (!q)
            return -1; /* unterminated here: the whole-file reader says where */
        size_t at = (size_t)(q - c->text);
        c->line += count_breaks(c->text + c->pos, at - c->pos);
        if (at + 1 < c->end && c->text[at + 1] == '"') {
            /* "" is one quote: the text so far and that quote go to scratch */
            size_t n = at + 1 - copied_from;
            if (c->scratch_len + n > c->scratch_cap) {
                size_t cap = c->scratch_cap ? c->scratch_cap * 2 : 1024;
                while (cap < c->scratch_len + n)
                    cap *= 2;
                char *s = realloc(c->scratch, cap);
                if (!s)
                    return -2;
                c->scratch = s;
                c->scratch_cap = cap;
            }
            if (!copy) {
                c->offset[count] = c->scratch_len;
                copy = 1;
            }
            memcpy(c->scratch + c->scratch_len, c->text + copied_from, n);
            c->scratch_len += n;
            c->pos = copied_from = at + 2;
            continue;
        }
        if (copy) {
            size_t n = at - copied_from;
            if (c->scratch_len + n > c->scratch_cap) {
                size_t cap = c->scratch_cap * 2;
                while (cap < c->scratch_len + n)
                    cap *= 2;
                char *s = realloc(c->scratch, cap);
                if (!s)
                    return -2;
                c->scratch = s;
                c->scratch_cap = cap;
            }
            memcpy(c->scratch + c->scratch_len, c->text + copied_from, n);
            c->scratch_len += n;
            c->len[count] = c->scratch_len - c->offset[count];
        } else {
            c->offset[count] = start;
            c->len[count] = at - start;
        }
        c->in_scratch[count] = (unsigned char)copy;
        c->pos = at + 1;
        return 0;
    }
}

/* An unquoted field from c->pos to a delimiter or line end, trailing blanks
 * left out; -1 for a quote inside it. */
/* The first byte at or after i that ends a plain field (the delimiter, a line
 * break or a quote), or c->end. Sixteen bytes compared at once where they
 * lie before the end: a field is usually shorter, so one step finds its end
 * without a branch per byte. */
static size_t cursor_stop(const ind_csv_cursor *c, size_t i)
{
    const char *t = c->text;
#ifdef __SSE2__
    const __m128i d = _mm_set1_epi8(c->delimiter), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                  q = _mm_set1_epi8('"');
    for (; i + 16 <= c->end; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, q)));
        unsigned bits = (unsigned)_mm_movemask_epi8(hit);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    while (i < c->end && !c->stop[(unsigned char)t[i]])
        i++;
    return i;
}

static int cursor_plain(ind_csv_cursor *c, size_t count)
{
    const char *t = c->text;
    size_t i = cursor_stop(c, c->pos), last;
    if (i < c->end && t[i] == '"')
        return -1;
    for (last = i; last > c->pos && cursor_space(c, t[last - 1]);)
        last--;
    c->offset[count] = c->pos;
    c->len[count] = last - c->pos;
    c->in_scratch[count] = 0;
    c->pos = i;
    return 0;
}

/* Skips blanks and line breaks before a row, counting lines. */
static void cursor_skip(ind_csv_cursor *c)
{
    while (c->pos < c->end) {
        char ch = c->text[c->pos];
        if (ch == '\n' || (ch == '\r' && !(c->pos + 1 < c->end && c->text[c->pos + 1] == '\n')))
            c->line++;
        else if (ch != '\r' && !(cursor_space(c, ch) && ch != c->delimiter))
            return;
        c->pos++;
    }
}

/* One row from c->pos: the number of fields, or -1 / -2. */
static long cursor_row(ind_csv_cursor *c)
{
    size_t count = 0;
    c->scratch_len = 0;
    for (;;) {
        while (c->pos < c->end && cursor_space(c, c->text[c->pos]) && c->text[c->pos] != c->delimiter)
            c->pos++;
        if (cursor_room(c, count))
            return -2;
        int rc = c->pos < c->end && c->text[c->pos] == '"' ? cursor_quoted(c, count) : cursor_plain(c, count);
        if (rc)
            return rc;
        if (c->len[count] > IND_CSV_MAX_FIELD)
            return -1;
        count++;
        while (c->pos < c->end && cursor_space(c, c->text[c->pos]))
            c->pos++; /* blanks after a closing quote */
        if (c->pos >= c->end)
            return (long)count;
        char ch = c->text[c->pos];
        if (ch == c->delimiter) {
            c->pos++;
            continue;
        }
        if (ch != '\n' && ch != '\r')
            return -1; /* text after a closing quote */
        c->pos++;
        if (ch == '\n' || !(c->pos < c->end && c->text[c->pos] == '\n'))
            c->line++;
        return (long)count;
    }
}

#ifdef __SSE2__
/* The bits of the 64 bytes at p that are the delimiter or a line feed (the
 * return value), and in *odd those that are a quote or a carriage return. */
static inline uint64_t stop_bits(const char *p, char delimiter, uint64_t *odd)
{
    const __m128i d = _mm_set1_epi8(delimiter), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                  q = _mm_set1_epi8('"');
    uint64_t bits = 0, other = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
        bits |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)))
                << (16 * k);
        other |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, q)))
                 << (16 * k);
    }
    *odd = other;
    return bits;
}

/* The common row at once: unquoted fields with no blank at either end, ended
 * by a line feed, 64 bytes of the text compared at a time and the fields
 * taken from the bits that end them, straight into c->field and c->len. The
 * number of fields, with c->pos and c->line past the row and *blank set when
 * every field is empty; 0 for any other row, which cursor_row reads, nothing
 * of c changed but its arrays: a quote or a carriage return within the 64
 * bytes being read (even one in a later row), a first or last byte up to ' '
 * (a blank to trim, or a control byte), the text's last 64 bytes, a field
 * over IND_CSV_MAX_FIELD, more fields than there is room for. */
static long cursor_fast_row(ind_csv_cursor *c, int *blank)
{
    /* in locals: a store to c->len (size_t) could otherwise change c->cap */
    const char *t = c->text, **field = c->field;
    size_t base = c->pos, from = c->pos, count = 0, filled = 0, cap = c->cap, end = c->end, *lens = c->len;
    char delimiter = c->delimiter;
    uint64_t odd, bits;
    if (end - base < 64 || delimiter == ' ' || delimiter == '\t')
        return 0;
    for (bits = stop_bits(t + base, delimiter, &odd);; bits &= bits - 1) {
        while (!bits || odd) {
            if (odd || end - (base += 64) < 64)
                return 0;
            bits = stop_bits(t + base, delimiter, &odd);
        }
        size_t at = base + (size_t)__builtin_ctzll(bits), len = at - from;
        if (count >= cap || len > IND_CSV_MAX_FIELD ||
            (len && ((unsigned char)t[from] <= ' ' || (unsigned char)t[at - 1] <= ' ')))
            return 0;
        field[count] = t + from;
        lens[count++] = len;
        filled |= len;
        from = at + 1;
        if (t[at] == '\n') {
            c->pos = at + 1;
            c->line++;
            *blank = !filled;
            return (long)count;
        }
    }
}
#else
static long cursor_fast_row(ind_csv_cursor *c, int *blank)
{
    (void)c, (void)blank;
    return 0;
}
#endif

int ind_csv_cursor_next(ind_csv_cursor *c, ind_csv_row *row)
{
    for (;;) {
        cursor_skip(c);
        if (c->pos >= c->end)
            return 0;
        long line = c->line;
        int blank = 1;
        long count = cursor_fast_row(c, &blank);
        if (count == 0) {
            if ((count = cursor_row(c)) < 0)
                return (int)count;
            for (long i = 0; i < count; i++) {
                c->field[i] = (c->in_scratch[i] ? c->scratch : c->text) + c->offset[i];
                blank &= c->len[i] == 0;
            }
        }
        if (blank)
            continue; /* a row of empty fields is a blank line */
        row->field = c->field;
        row->len = c->len;
        row->count = (size_t)count;
        row->line = line;
        row->path = c->path;
        return 1;
    }
}

/* The most text handed to libcsv at once. */
#define CHUNK ((size_t)64 * 1024)

/* Follows the quoting of data[0..size) the way libcsv's strict mode does; when
 * a quoted field is still open at the end, sets the line and byte column of
 * its opening quote and returns 1. */
static int open_quote(const char *data, size_t size, char delimiter, long *line, long *column)
{
    int quoted = 0, at_start = 1;
    size_t open = 0;
    for (size_t i = 0; i < size; i++) {
        char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < size && data[i + 1] == '"')
                    i++;
                else
                    quoted = 0;
            }
        } else if (c == '"' && at_start) {
            quoted = 1;
            open = i;
            at_start = 0;
        } else if (c == delimiter || c == '\n' || c == '\r') {
            at_start = 1;
        } else if (!(at_start && (c == ' ' || (c == '\t' && delimiter != '\t')))) {
            at_start = 0;
        }
    }
    if (quoted)
        position_of(data, open, line, column);
    return quoted;
}

/* What one pass over the bytes found: the first control character other than
 * tab, CR, LF (binary junk: the same bytes in UTF-8 and Windows-1252, so it is
 * reported first), the first byte that is not UTF-8, how many valid UTF-8
 * letters, and whether a CR stands alone (old Mac line ends). Eight plain
 * ASCII bytes at a time: the common case. */
typedef struct {
    size_t ctrl_at, bad, multibyte; /* ctrl_at, bad: size when none */
    int lone_cr;
} byte_scan;

static void scan_all(const char *data, size_t size, byte_scan *b)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t i = 0;
    b->ctrl_at = b->bad = size;
    b->multibyte = 0;
    b->lone_cr = 0;
    while (i < size) {
        uint64_t w;
        if (i + 8 <= size && plain8(u + i, &w)) {
            i += 8;
            continue;
        }
        unsigned char c = u[i];
        if (c < 0x20) {
            if (c != '\t' && c != '\n' && c != '\r') {
                b->ctrl_at = i;
                return;
            }
            if (c == '\r' && (i + 1 >= size || u[i + 1] != '\n'))
                b->lone_cr = 1;
            i++;
        } else if (c < 0x80 || b->bad < size) {
            i++; /* ASCII, or already not UTF-8: only control characters matter now */
        } else {
            size_t k = utf8_seq(u + i, size - i);
            b->multibyte += k != 0;
            if (!k)
                b->bad = i;
            i += k ? k : 1;
        }
    }
}

/* The text as UTF-8 without BOM: *data and *size moved past a BOM, or to a
 * converted copy (*converted, to free) of a Windows-1252 file; sets *lone_cr.
 * Fails for an empty or binary file and for bytes in no encoding asked for. */
static ind_status text_of(const char *name, const char **data, size_t *size, ind_encoding enc,
                          ind_csv_info *info, char **converted, int *lone_cr, ind_error *err)
{
    long line = 0, col = 0;
    if (*size == 0)
        return ind_error_set(err, IND_EINPUT, name, 0, 0, "the file is empty");
    const char *nul = memchr(*data, '\0', *size);
    if (nul) {
        position_of(*data, (size_t)(nul - *data), &line, &col);
        return ind_error_set(err, IND_EINPUT, name, line, col,
                             "the file contains a NUL byte: it is binary, not CSV text");
    }
    if (*size >= 3 && memcmp(*data, "\xEF\xBB\xBF", 3) == 0) {
        info->had_bom = 1;
        *data += 3;
        *size -= 3;
        if (enc == IND_ENC_AUTO)
            enc = IND_ENC_UTF8;
    }
    byte_scan b;
    scan_all(*data, *size, &b);
    *lone_cr = b.lone_cr;
    if (b.ctrl_at < *size) {
        position_of(*data, b.ctrl_at, &line, &col);
        return ind_error_set(err, IND_EINPUT, name, line, col,
                             "control character 0x%02X: the file looks binary, not CSV text",
                             (unsigned char)(*data)[b.ctrl_at]);
    }
    if (enc == IND_ENC_AUTO || enc == IND_ENC_UTF8) {
        if (b.bad == *size) {
            info->encoding = IND_ENC_UTF8;
            return IND_OK;
        }
        if (enc == IND_ENC_UTF8 || b.multibyte != 0) {
            position_of(*data, b.bad, &line, &col);
            return ind_error_set(err, IND_EINPUT, name, line, col,
                                 "invalid UTF-8 (byte 0x%02X); save the file as UTF-8, or give "
                                 "--encoding cp1252 if it is a Windows-1252 file",
                                 (unsigned char)(*data)[b.bad]);
        }
        /* no valid UTF-8 letters at all: a Windows export */
    }
    size_t out_size;
    int rc = ind_cp1252_to_utf8(*data, *size, converted, &out_size, &line, &col);
    if (rc == -2)
        return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory");
    if (rc < 0)
        return ind_error_set(err, IND_EINPUT, name, line, col,
                             "a byte that is neither UTF-8 nor a Windows-1252 character");
    *data = *converted;
    *size = out_size;
    info->encoding = IND_ENC_CP1252;
    return IND_OK;
}

/* Stops a runaway field before the whole file is buffered. */
static int runaway(struct csv_parser *p)
{
    return csv_get_buffer_size(p) > 2 * (size_t)IND_CSV_MAX_FIELD + 8192;
}

/* A file without quotes (and without lone CRs): no field spans lines, so every
 * row is one line and the text goes to libcsv in large pieces. */
static void feed_pieces(reader *r, struct csv_parser *p)
{
    for (size_t pos = 0; pos < r->size && r->status == IND_OK;) {
        size_t end = pos + CHUNK < r->size ? pos + CHUNK : r->size;
        if (csv_parse(p, r->data + pos, end - pos, on_field, on_row, r) != end - pos &&
            r->status == IND_OK) {
            int e = csv_error(p);
            r->status = ind_error_set(r->err, e == CSV_ENOMEM ? IND_ENOMEM : IND_EINPUT, r->path,
                                      r->line, 0, "%s", csv_strerror(e));
        }
        pos = end;
        if (runaway(p) && r->status == IND_OK)
            r->status = ind_error_set(r->err, IND_EINPUT, r->path, r->scan_line, (long)r->count + 1,
                                      "a field is longer than %d bytes", IND_CSV_MAX_FIELD);
    }
}

/* Any other file: text goes to libcsv a line at a time (a long line in pieces),
 * so every callback knows its line and a runaway field is stopped early. */
static void feed_lines(reader *r, struct csv_parser *p, int lone_cr)
{
    size_t pos = 0, line_start = 0, size = r->size;
    const char *data = r->data;
    while (pos < size && r->status == IND_OK) {
        const char *nl = line_end(data + pos, data + size, lone_cr);
        size_t end = nl ? (size_t)(nl - data) : size;
        if (end - pos > CHUNK) {
            end = pos + CHUNK;
            nl = NULL;
        }
        size_t done = csv_parse(p, data + pos, end - pos, on_field, on_row, r);
        if (done != end - pos) {
            if (r->status == IND_OK) {
                int e = csv_error(p);
                r->status = ind_error_set(r->err, e == CSV_ENOMEM ? IND_ENOMEM : IND_EINPUT, r->path,
                                          r->line, (long)(pos + done - line_start) + 1,
                                          e == CSV_EPARSE
                                              ? "malformed quoting: a quote inside an unquoted field "
                                                "or text after a closing quote"
                                              : "%s",
                                          csv_strerror(e));
            }
            return;
        }
        if (r->status != IND_OK)
            return;
        pos = end;
        if (nl) {
            r->line++;
            line_start = pos;
        }
        if (runaway(p) && r->status == IND_OK) {
            long line = r->line, col = (long)r->count + 1;
            int quoted = open_quote(data, pos, r->delimiter, &line, &col);
            r->status = ind_error_set(r->err, IND_EINPUT, r->path, line, col,
                                      quoted ? "a quoted field opened here is longer than %d bytes "
                                               "(an unterminated quote?)"
                                             : "a field is longer than %d bytes",
                                      IND_CSV_MAX_FIELD);
        }
    }
}

ind_status ind_csv_read_buffer(const char *name, const char *data, size_t size, ind_encoding enc,
                               char delimiter, ind_csv_row_fn fn, void *user, ind_csv_info *info,
                               ind_error *err)
{
    char *converted = NULL;
    int lone_cr = 0;
    ind_csv_info local;
    if (!info)
        info = &local;
    memset(info, 0, sizeof *info);
    ind_status st = text_of(name, &data, &size, enc, info, &converted, &lone_cr, err);
    if (st != IND_OK)
        return st;
    if (!delimiter)
        delimiter = detect_delimiter(data, size);
    info->delimiter = delimiter;

    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        free(converted);
        return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory");
    }
    csv_set_delim(&p, (unsigned char)delimiter);
    /* libcsv's built-in blank test (space and tab) is inlined; a tab-separated file needs
     * tabs kept as delimiters, so only then is a function installed */
    if (delimiter == '\t')
        csv_set_space_func(&p, is_space_only);
    csv_set_blk_size(&p, 4096);

    reader r = {0};
    r.path = name;
    r.fn = fn;
    r.user = user;
    r.err = err;
    r.status = IND_OK;
    r.line = 1;
    r.row_line = 1;
    r.fast = !memchr(data, '"', size) && !lone_cr;
    r.data = data;
    r.size = size;
    r.scan_line = 1;
    r.delimiter = delimiter;
    if (r.fast) {
        skip_blank_lines(&r);
        feed_pieces(&r, &p);
    } else {
        feed_lines(&r, &p, lone_cr);
    }
    if (r.status == IND_OK && csv_fini(&p, on_field, on_row, &r) != 0 && r.status == IND_OK) {
        long line = r.line, col = 1;
        open_quote(data, size, delimiter, &line, &col);
        r.status = ind_error_set(err, IND_EINPUT, name, line, col,
                                 "unterminated quoted field: the quote opened on line %ld is never "
                                 "closed",
                                 line);
    }
    csv_free(&p);
    free(r.text);
    free(r.offset);
    free(r.len);
    free(r.field);
    free(converted);
    info->rows = r.rows;
    return r.status;
}

ind_status ind_csv_read_file(const char *path, ind_encoding enc, char delimiter,
                             ind_csv_row_fn fn, void *user, ind_csv_info *info, ind_error *err)
{
    char *data;
    size_t size;
    ind_status st = ind_file_slurp(path, &data, &size, err);
    if (st != IND_OK)
        return st;
    st = ind_csv_read_buffer(path, data, size, enc, delimiter, fn, user, info, err);
    ind_file_free(data, size);
    return st;
}
