/* ind_error.c: filling and formatting error records. */
#include "ind_error.h"

#include "messages.h"

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
    va_list sv;
    va_copy(sv, ap);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    if (!ind_msg_vformat(IND_LANG_SV, err->message_sv, sizeof err->message_sv, fmt, sv))
        err->message_sv[0] = '\0';
    va_end(sv);
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

/* Puts "prefix: " before the message text m of size bytes (cut at the end to fit). */
static void prefix_one(char *m, size_t size, const char *prefix)
{
    size_t p = strlen(prefix) + 2, n = strlen(m);
    if (p > size - 1)
        p = size - 1;
    if (n > size - 1 - p)
        n = size - 1 - p;
    memmove(m + p, m, n);
    m[p + n] = '\0';
    memcpy(m, prefix, p >= 2 ? p - 2 : p);
    if (p >= 2)
        memcpy(m + p - 2, ": ", 2);
}

void ind_error_prefix(ind_error *err, const char *prefix)
{
    if (!err || !prefix)
        return;
    prefix_one(err->message, sizeof err->message, prefix);
    if (err->message_sv[0])
        prefix_one(err->message_sv, sizeof err->message_sv, prefix);
}

const char *ind_error_format_lang(const ind_error *err, ind_lang lang, char *buf, unsigned long size)
{
    const char *m = lang == IND_LANG_SV && err->message_sv[0] ? err->message_sv : err->message;
    if (err->file[0] && err->line > 0 && err->column > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s", err->file, err->line, err->column, m);
    else if (err->file[0] && err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", err->file, err->line, m);
    else if (err->file[0])
        snprintf(buf, size, "%s: %s", err->file, m);
    else
        snprintf(buf, size, "%s", m);
    return buf;
}

const char *ind_error_format(const ind_error *err, char *buf, unsigned long size)
{
    return ind_error_format_lang(err, IND_LANG_EN, buf, size);
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
