/* extract_text.c: string storage and the text repairs used by the extractor (joining wrapped lines, cleaning). */
#include "extract_text_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena: every string of a result lives here and is freed at once ---- */

static void *xa_alloc(xarena *a, size_t n)
{
    if (a->head && a->head->cap - a->head->used >= n) {
        void *p = a->head->data + a->head->used;
        a->head->used += n;
        return p;
    }
    /* blocks grow from 4 KiB to 64 KiB: small inputs stay small */
    size_t cap = a->head ? a->head->cap * 2 : 4096;
    if (cap > 65536)
        cap = 65536;
    if (cap < n)
        cap = n;
    xa_block *b = malloc(sizeof *b + cap);
    if (!b) {
        a->oom = 1;
        return NULL;
    }
    b->cap = cap;
    b->used = n;
    b->next = a->head;
    a->head = b;
    return b->data;
}

char *xa_strndup(xarena *a, const char *s, size_t n)
{
    char *p = xa_alloc(a, n + 1);
    if (!p)
        return (char *)"";
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xa_strdup(xarena *a, const char *s)
{
    return xa_strndup(a, s ? s : "", s ? strlen(s) : 0);
}

char *xa_printf(xarena *a, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return (char *)"";
    if ((size_t)n < sizeof small)
        return xa_strndup(a, small, (size_t)n);
    char *p = xa_alloc(a, (size_t)n + 1);
    if (!p)
        return (char *)"";
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void xa_free(xarena *a)
{
    xa_block *b = a->head;
    while (b) {
        xa_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

/* ---- growable buffer ---- */

void xb_init(xbuf *b)
{
    b->s = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void xb_free(xbuf *b)
{
    free(b->s);
    xb_init(b);
}

void xb_clear(xbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

static int xb_reserve(xbuf *b, size_t extra)
{
    if (b->oom)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 128;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->oom = 1;
        return 0;
    }
    b->s = s;
    b->cap = cap;
    return 1;
}

void xb_putn(xbuf *b, const char *s, size_t n)
{
    if (!xb_reserve(b, n))
        return;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void xb_puts(xbuf *b, const char *s)
{
    xb_putn(b, s, strlen(s));
}

void xb_putc(xbuf *b, char c)
{
    xb_putn(b, &c, 1);
}

const char *xb_str(xbuf *b)
{
    if (!b->s || b->oom)
        return "";
    return b->s;
}

/* ---- character classes ---- */

int xt_all_digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Does s start with a letter of one case: ASCII a..z, or a two-byte Latin-1
 * letter C3 lo..hi other than C3 except? */
static int starts_case(const char *s, size_t n, char a, char z, unsigned lo, unsigned hi, unsigned except)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (s[0] >= a && s[0] <= z)
        return 1;
    return u[0] == 0xC3 && n > 1 && u[1] >= lo && u[1] <= hi && u[1] != except;
}

int xt_starts_lower(const char *s, size_t n)
{
    /* Latin-1 supplement lower case: U+00DF..U+00FF except U+00F7 */
    return starts_case(s, n, 'a', 'z', 0x9F, 0xBF, 0xB7);
}

int xt_starts_upper(const char *s, size_t n)
{
    /* U+00C0..U+00DE except U+00D7 */
    return starts_case(s, n, 'A', 'Z', 0x80, 0x9E, 0x97);
}

int xt_teq(const xline *l, const char *s)
{
    size_t n = strlen(s);
    return l->tlen == n && memcmp(l->t, s, n) == 0;
}

int xt_tprefix(const xline *l, const char *s)
{
    size_t n = strlen(s);
    return l->tlen >= n && memcmp(l->t, s, n) == 0;
}

/* ---- joining wrapped lines ---- */

static const char *const conjunctions[] = {"och", "eller", "samt", "till", "som", "med", "i",
                                   "på", "av", "för", "att", NULL};

static int first_word_is_conj(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] != ' ')
        k++;
    for (int i = 0; conjunctions[i]; i++)
        if (strlen(conjunctions[i]) == k && memcmp(conjunctions[i], s, k) == 0)
            return 1;
    return 0;
}

void xt_join_text(xbuf *b, const char *s, size_t n, int prev_trail, int next_lead, int spaced)
{
    if (n == 0)
        return;
    if (b->len == 0) {
        xb_putn(b, s, n);
        return;
    }
    int sep = 1;
    if (spaced && !prev_trail && !next_lead)
        sep = 0; /* the export broke a word (or a "nämnd/s|tyrelse") here */
    if (sep && b->len >= 2 && b->s[b->len - 1] == '-' && b->s[b->len - 2] != ' ' &&
        xt_starts_lower(s, n) && !first_word_is_conj(s, n))
        sep = 0; /* "Svea-" + "chatGPT": a compound broken at its hyphen */
    if (sep)
        xb_putc(b, ' ');
    xb_putn(b, s, n);
}

void xt_join(xbuf *b, const xline *prev, const xline *l, int spaced)
{
    int prev_trail = prev ? (prev->flags & XL_TRAIL) != 0 : 1;
    xt_join_text(b, l->t, l->tlen, prev_trail, (l->flags & XL_LEAD) != 0, spaced);
}

/* ---- cleaning ---- */

static void replace_all(xbuf *b, const char *from, const char *to)
{
    size_t fl = strlen(from), tl = strlen(to);
    if (!b->s || b->len < fl)
        return;
    xbuf o;
    xb_init(&o);
    size_t i = 0;
    int changed = 0;
    while (i < b->len) {
        if (i + fl <= b->len && memcmp(b->s + i, from, fl) == 0) {
            xb_putn(&o, to, tl);
            i += fl;
            changed = 1;
        } else {
            xb_putc(&o, b->s[i]);
            i++;
        }
    }
    if (changed && !o.oom) {
        xb_clear(b);
        xb_putn(b, o.s, o.len);
    }
    xb_free(&o);
}

void xt_clean_buf(xbuf *b)
{
    if (!b->s)
        return;
    size_t j = 0, i = 0, w;
    int pending = 0;
    while (i < b->len) {
        if (ind_text_blank_at(b->s, b->len, i, &w) || b->s[i] == '\n') {
            if (b->s[i] == '\n')
                w = 1;
            pending = j > 0;
            i += w;
            continue;
        }
        if (pending) {
            b->s[j++] = ' ';
            pending = 0;
        }
        b->s[j++] = b->s[i++];
    }
    b->len = j;
    b->s[j] = '\0';
    replace_all(b, "nämnd/s tyrelse", "nämnd/styrelse");
    replace_all(b, "nämnd/styrel se", "nämnd/styrelse");
    replace_all(b, "nämnd/ styrelse", "nämnd/styrelse");
}

char *xt_clean(xarena *a, const char *s, size_t n)
{
    xbuf b;
    xb_init(&b);
    xb_putn(&b, s, n);
    xt_clean_buf(&b);
    char *r = xa_strndup(a, xb_str(&b), b.oom ? 0 : b.len);
    if (b.oom)
        a->oom = 1;
    xb_free(&b);
    return r;
}
