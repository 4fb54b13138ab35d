/* csvread.h: reading a CSV file into rows, with encoding, delimiter and position tracking. */
#ifndef IND_CSVREAD_H
#define IND_CSVREAD_H

#include <stddef.h>

#include "ind_error.h"

/* The longest field accepted; a longer one is bad input, never silently cut. */
#define IND_CSV_MAX_FIELD (64 * 1024)

typedef enum {
    IND_ENC_AUTO = 0, /* UTF-8 (with or without BOM); Windows-1252 when the bytes say so */
    IND_ENC_UTF8,
    IND_ENC_CP1252
} ind_encoding;

/* What the reader found out about a file. */
typedef struct {
    ind_encoding encoding; /* as read: UTF8 or CP1252 */
    int had_bom;
    char delimiter;        /* ',', ';' or '\t' */
    long rows;             /* rows passed to the callback, header included */
} ind_csv_info;

/* One row as the callback sees it: fields are NUL-terminated UTF-8, valid only
 * during the call. line is the 1-based line the row starts on. */
typedef struct {
    const char *const *field;
    const size_t *len;
    size_t count;
    long line;
    const char *path; /* the name used in messages */
} ind_csv_row;

/* Returns IND_OK to go on; anything else stops the read and is returned (the
 * callback fills err itself). */
typedef ind_status (*ind_csv_row_fn)(const ind_csv_row *row, void *user, ind_error *err);

/* Reads the file at path (encoding as asked; delimiter 0 = detect from the
 * first non-blank line) and calls fn for every non-blank row (a row of only
 * empty fields is blank). Errors name file, line and column: the byte column
 * within the line for encoding and quoting problems (an unterminated quote:
 * where it opened), the field number for a field that is too long. */
ind_status ind_csv_read_file(const char *path, ind_encoding enc, char delimiter,
                             ind_csv_row_fn fn, void *user, ind_csv_info *info, ind_error *err);
/* The same over bytes in memory; name is used in messages. */
ind_status ind_csv_read_buffer(const char *name, const char *data, size_t size, ind_encoding enc,
                               char delimiter, ind_csv_row_fn fn, void *user, ind_csv_info *info,
                               ind_error *err);

/* ---- reading in pieces (several threads) --------------------------------
 * A reader that follows libcsv's strict rules exactly where they accept the
 * text, and hands back everything else (malformed or unterminated quoting, a
 * field over IND_CSV_MAX_FIELD) for ind_csv_read_buffer to read and report:
 * so a piece of a file read on its own gives the rows, fields and line numbers
 * that reading the whole file gives. */

/* What ind_csv_scan found in text[begin..end). */
typedef struct {
    size_t quotes; /* '"' bytes */
    long breaks;   /* line breaks: LF, and CR not followed by LF */
    int clean;     /* 1: no control character but tab, CR, LF, and valid UTF-8 */
} ind_csv_scan_result;

/* Scans text[begin..end) of the whole text[0..size); begin and end must not
 * split a UTF-8 sequence (see ind_csv_split_point). */
void ind_csv_scan(const char *text, size_t size, size_t begin, size_t end, ind_csv_scan_result *out);
/* The first byte at or after pos that starts a UTF-8 sequence (size at most). */
size_t ind_csv_split_point(const char *text, size_t size, size_t pos);
/* The first record boundary at or after pos (just past a line break outside
 * quotes; size when none), given whether an odd number of '"' lies before pos.
 * Adds the line breaks between pos and the boundary to *breaks. */
size_t ind_csv_boundary(const char *text, size_t size, size_t pos, int odd_quotes, long *breaks);

/* A cursor over text[pos..end) with line numbers from line. */
typedef struct {
    const char *text;
    size_t pos, end;
    long line;
    char delimiter;
    const char *path;
    /* the row handed out: fields point into text, or into scratch when "" had
     * to become " (they are not NUL-terminated) */
    const char **field;
    size_t *len, *offset;
    unsigned char *in_scratch;
    size_t cap;
    char *scratch;
    size_t scratch_len, scratch_cap;
    unsigned char stop[256]; /* the bytes that end the text of an unquoted field */
} ind_csv_cursor;

void ind_csv_cursor_init(ind_csv_cursor *c, const char *path, const char *text, size_t pos,
                         size_t end, long line, char delimiter);
void ind_csv_cursor_free(ind_csv_cursor *c);
/* The next row that is not blank: 1 with *row filled (valid until the next
 * call), 0 at the end of the piece, -1 when the text must go to
 * ind_csv_read_buffer (which reports it), -2 when out of memory. */
int ind_csv_cursor_next(ind_csv_cursor *c, ind_csv_row *row);
/* The delimiter ind_csv_read_buffer would choose for text[0..size). */
char ind_csv_detect_delimiter(const char *text, size_t size);

/* The bytes of a whole file, NUL-terminated, writable (a write copies the page
 * it touches): a regular file mapped from the page cache, a pipe read. The
 * bytes are given back with ind_file_free, never free(). */
ind_status ind_file_slurp(const char *path, char **data, size_t *size, ind_error *err);
void ind_file_free(char *data, size_t size);

/* Checks that data is UTF-8. Returns 0, or -1 with the 1-based line and byte
 * column of the first bad sequence. */
int ind_utf8_check(const char *data, size_t size, long *line, long *column);
/* Converts Windows-1252 bytes to UTF-8 in a new malloc'd NUL-terminated buffer;
 * -1 with the position of a byte that has no character in Windows-1252. */
int ind_cp1252_to_utf8(const char *data, size_t size, char **out, size_t *out_size, long *line,
                       long *column);

#endif
