/* ind_error.c: filling and formatting error records. */
#include "ind_error.h"

#include <stdio.h>
#include <string.h>

void ind_error_clear(ind_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

ind_status ind_error_setv(ind_error *err, ind_status status, const char *file,
                          long line, long column, const char *fmt, va_list ap)
{
    if (!err)
        return status;
    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    return status;
}

ind_status ind_error_set(ind_error *err, ind_status status, const char *file,
                         long line, long column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ind_error_setv(err, status, file, line, column, fmt, ap);
    va_end(ap);
    return status;
}

const char *ind_error_format(const ind_error *err, char *buf, unsigned long size)
{
    if (err->file[0] && err->line > 0 && err->column > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s", err->file, err->line, err->column, err->message);
    else if (err->file[0] && err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", err->file, err->line, err->message);
    else if (err->file[0])
        snprintf(buf, size, "%s: %s", err->file, err->message);
    else
        snprintf(buf, size, "%s", err->message);
    return buf;
}

const char *ind_status_name(ind_status status)
{
    switch (status) {
    case IND_OK: return "ok";
    case IND_EUSAGE: return "usage error";
    case IND_EINPUT: return "bad input";
    case IND_ENOMEM: return "out of memory";
    case IND_EIO: return "i/o error";
    case IND_EDOMAIN: return "outside the method's domain";
    }
    return "unknown status";
}
