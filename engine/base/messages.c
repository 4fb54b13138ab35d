/* messages.c: formatting a message in a language from its English format and the catalogue (messages.h). */
#include "messages.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

/* Appends the conversion spec (one printf conversion, its '*' fields already
 * fetched into star[0..nstar-1]) with value v to buf at *at. */
#define PUT(v)                                                                              \
    do {                                                                                    \
        size_t room_ = *at < size ? size - *at : 0;                                         \
        int n_ = nstar == 2   ? snprintf(buf + (room_ ? *at : 0), room_, spec, star[0], star[1], v) \
                 : nstar == 1 ? snprintf(buf + (room_ ? *at : 0), room_, spec, star[0], v)          \
                              : snprintf(buf + (room_ ? *at : 0), room_, spec, v);                  \
        if (n_ > 0)                                                                         \
            *at += (size_t)n_;                                                              \
    } while (0)

/* Reads one conversion at *p (just after its '%') into spec, fetches its
 * argument from ap and appends it to buf; a %s argument the catalogue knows is
 * put in Swedish. Returns the character after the conversion. */
static const char *one(const char *p, va_list *ap, char *buf, size_t size, size_t *at)
{
    char spec[32];
    size_t k = 0;
    int star[2], nstar = 0;
    spec[k++] = '%';
    while (*p && strchr("-+ #0'", *p) && k < 20)
        spec[k++] = *p++;
    for (int field = 0; field < 2; field++) {
        if (field == 1) {
            if (*p != '.')
                break;
            spec[k++] = *p++;
        }
        if (*p == '*') {
            star[nstar++] = va_arg(*ap, int);
            spec[k++] = *p++;
        }
        while (*p >= '0' && *p <= '9' && k < 26)
            spec[k++] = *p++;
    }
    char len[3] = "";
    size_t nl = 0;
    while (*p && strchr("hlLzjt", *p) && nl < 2) {
        len[nl++] = *p;
        spec[k++] = *p++;
    }
    len[nl] = '\0';
    char conv = *p ? *p++ : '\0';
    spec[k++] = conv;
    spec[k] = '\0';
    switch (conv) {
    case 'd':
    case 'i':
        if (!strcmp(len, "l")) PUT(va_arg(*ap, long));
        else if (!strcmp(len, "ll")) PUT(va_arg(*ap, long long));
        else if (!strcmp(len, "z")) PUT(va_arg(*ap, ssize_t));
        else if (!strcmp(len, "j")) PUT(va_arg(*ap, intmax_t));
        else if (!strcmp(len, "t")) PUT(va_arg(*ap, ptrdiff_t));
        else PUT(va_arg(*ap, int));
        break;
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        if (!strcmp(len, "l")) PUT(va_arg(*ap, unsigned long));
        else if (!strcmp(len, "ll")) PUT(va_arg(*ap, unsigned long long));
        else if (!strcmp(len, "z")) PUT(va_arg(*ap, size_t));
        else if (!strcmp(len, "j")) PUT(va_arg(*ap, uintmax_t));
        else if (!strcmp(len, "t")) PUT(va_arg(*ap, ptrdiff_t));
        else PUT(va_arg(*ap, unsigned));
        break;
    case 'c':
        PUT(va_arg(*ap, int));
        break;
    case 's': {
        const char *s = va_arg(*ap, const char *);
        const char *sv = s ? ind_msg_sv(s) : NULL;
        PUT(sv ? sv : s ? s : "(null)");
        break;
    }
    case 'p':
        PUT(va_arg(*ap, void *));
        break;
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
        if (!strcmp(len, "L")) PUT(va_arg(*ap, long double));
        else PUT(va_arg(*ap, double));
        break;
    default: /* not a conversion the catalogue uses: shown as written */
        for (size_t i = 0; spec[i]; i++, (*at)++)
            if (*at + 1 < size)
                buf[*at] = spec[i];
        break;
    }
    return p;
}

/* vsnprintf with each %s argument the catalogue knows in Swedish. */
static void format_sv(char *buf, size_t size, const char *fmt, va_list ap)
{
    size_t at = 0;
    va_list args;
    va_copy(args, ap);
    for (const char *p = fmt; *p;) {
        if (*p == '%' && p[1] == '%') {
            if (at + 1 < size)
                buf[at] = '%';
            at++;
            p += 2;
        } else if (*p == '%') {
            p = one(p + 1, &args, buf, size, &at);
        } else {
            if (at + 1 < size)
                buf[at] = *p;
            at++;
            p++;
        }
    }
    va_end(args);
    buf[at < size ? at : size - 1] = '\0';
}

int ind_msg_vformat(ind_lang lang, char *buf, size_t size, const char *fmt, va_list ap)
{
    if (!size)
        return 0;
    const char *sv = lang == IND_LANG_SV ? ind_msg_sv(fmt) : NULL;
    if (lang == IND_LANG_SV)
        format_sv(buf, size, sv ? sv : fmt, ap);
    else
        vsnprintf(buf, size, fmt, ap);
    return lang != IND_LANG_SV || sv != NULL;
}

int ind_msg_format(ind_lang lang, char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = ind_msg_vformat(lang, buf, size, fmt, ap);
    va_end(ap);
    return r;
}

const char *ind_msg_errno(int errnum)
{
    switch (errnum) {
    case ENOENT: return "No such file or directory";
    case EACCES: return "Permission denied";
    case EPERM: return "Operation not permitted";
    case EISDIR: return "Is a directory";
    case ENOTDIR: return "Not a directory";
    case ENOSPC: return "No space left on device";
    case EDQUOT: return "Disk quota exceeded";
    case EROFS: return "Read-only file system";
    case EEXIST: return "File exists";
    case EMFILE: return "Too many open files";
    case ENFILE: return "Too many open files in system";
    case ENAMETOOLONG: return "File name too long";
    case ELOOP: return "Too many levels of symbolic links";
    case EIO: return "Input/output error";
    case EPIPE: return "Broken pipe";
    case ENOMEM: return "Cannot allocate memory";
    case EFBIG: return "File too large";
    case EBUSY: return "Device or resource busy";
    case ETXTBSY: return "Text file busy";
    case EXDEV: return "Invalid cross-device link";
    case EINVAL: return "Invalid argument";
    case EAGAIN: return "Resource temporarily unavailable";
    case EINTR: return "Interrupted system call";
    }
    return strerror(errnum);
}
