/* ind_error.h: status codes and the error record that engine calls fill in. */
#ifndef IND_ERROR_H
#define IND_ERROR_H

#include <stdarg.h>

/* Status codes. The values of IND_OK, IND_EUSAGE and IND_EINPUT are also the
 * command's exit codes (0 ok, 1 usage, 2 bad input); 3 is the exit code for
 * "something was flagged" and is not an error. */
typedef enum {
    IND_OK = 0,
    IND_EUSAGE = 1,   /* the caller asked for something that makes no sense */
    IND_EINPUT = 2,   /* bad input data: the error record names file, line, column */
    IND_ENOMEM = 4,   /* allocation failed */
    IND_EIO = 5,      /* reading or writing a file failed */
    IND_EDOMAIN = 6   /* numeric arguments outside the method's domain (n too small ...) */
} ind_status;

/* Where and why an operation failed. line and column are 1-based; 0 means
 * "not applicable". The message is one sentence, no trailing newline, in
 * English and, from the message catalogue (messages.h), in Swedish: the same
 * arguments formatted by the Swedish text of the format. */
typedef struct ind_error {
    ind_status status;
    char file[512];
    long line;
    long column;
    char message[1024];
    char message_sv[1024]; /* "" when the catalogue has no Swedish for it */
} ind_error;

void ind_error_clear(ind_error *err);
/* Fills err (when not NULL) and returns status, so callers can write
 * `return ind_error_set(err, IND_EINPUT, path, line, col, "...", ...);` */
ind_status ind_error_set(ind_error *err, ind_status status, const char *file,
                         long line, long column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
ind_status ind_error_setv(ind_error *err, ind_status status, const char *file,
                          long line, long column, const char *fmt, va_list ap);
/* Puts "prefix: " before the message in both languages (a column's or a
 * JSON path's name before what is wrong with it). */
void ind_error_prefix(ind_error *err, const char *prefix);
/* Formats "file:line:column: message" into buf (the English message). */
const char *ind_error_format(const ind_error *err, char *buf, unsigned long size);
/* The same in a language: the Swedish message when lang is Swedish and there is one. */
#include "lang.h"
const char *ind_error_format_lang(const ind_error *err, ind_lang lang, char *buf, unsigned long size);
const char *ind_status_name(ind_status status);

#endif
