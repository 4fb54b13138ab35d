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

/* Reads a whole file into a NUL-terminated malloc'd buffer. */
ind_status ind_file_slurp(const char *path, char **data, size_t *size, ind_error *err);

/* Checks that data is UTF-8. Returns 0, or -1 with the 1-based line and byte
 * column of the first bad sequence. */
int ind_utf8_check(const char *data, size_t size, long *line, long *column);
/* Converts Windows-1252 bytes to UTF-8 in a new malloc'd NUL-terminated buffer;
 * -1 with the position of a byte that has no character in Windows-1252. */
int ind_cp1252_to_utf8(const char *data, size_t size, char **out, size_t *out_size, long *line,
                       long *column);

#endif
