/* chart_alt.c: the alt text: a growing string, and storing it (or the caller's) in the layout. */
#include "internal/chart_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_add(strbuf *b, const char *fmt, ...)
{
    if (b->oom)
        return;
    va_list ap;
    for (;;) {
        size_t room = b->cap - b->len;
        va_start(ap, fmt);
        int k = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? room : 0, fmt, ap);
        va_end(ap);
        if (k < 0) {
            b->oom = 1;
            return;
        }
        if (b->s && (size_t)k < room) {
            b->len += (size_t)k;
            return;
        }
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)k + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->oom = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
}

void chart_set_alt(chart *c, strbuf *b)
{
    free(c->lay->alt);
    c->lay->alt = NULL;
    if (c->o->alt) {
        c->lay->alt = strdup(c->o->alt);
        if (!c->lay->alt)
            c->oom = 1;
        free(b->s);
    } else if (b->oom) {
        c->oom = 1;
        free(b->s);
    } else {
        c->lay->alt = b->s ? b->s : strdup("");
        if (!c->lay->alt)
            c->oom = 1;
    }
    b->s = NULL;
    b->len = b->cap = 0;
}
