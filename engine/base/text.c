/* text.c: Swedish text folding (case, diacritics, blanks, dashes) and edit distances between names. */
#include "text.h"

#include <stdint.h>
#include <string.h>

int ind_text_blank_at(const char *s, size_t len, size_t i, size_t *width)
{
    const unsigned char *u = (const unsigned char *)s;
    if (i >= len)
        return 0;
    if (u[i] == ' ' || u[i] == '\t' || u[i] == '\r' || u[i] == '\n' || u[i] == '\f' || u[i] == '\v') {
        *width = 1;
        return 1;
    }
    if (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0xA0) {
        *width = 2;
        return 1;
    }
    if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 && (u[i + 2] == 0xAF || u[i + 2] == 0x87)) {
        *width = 3;
        return 1;
    }
    return 0;
}

/* U+2010, U+2011, U+2013, U+2014 (E2 80 xx) and U+2212 (E2 88 92). */
static int dash_at(const unsigned char *u, size_t len, size_t i)
{
    if (u[i] != 0xE2 || i + 2 >= len)
        return 0;
    if (u[i + 1] == 0x80)
        return u[i + 2] == 0x90 || u[i + 2] == 0x91 || u[i + 2] == 0x93 || u[i + 2] == 0x94;
    return u[i + 1] == 0x88 && u[i + 2] == 0x92;
}

/* The ASCII letter of the Latin-1 letter U+00C0 + (b - 0x80), b the second
 * byte of its UTF-8 form; '?' for letters without one. */
static char latin1_ascii(unsigned char b)
{
    static const char upper[] = "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUY??";
    static const char lower[] = "aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";
    if (b >= 0x80 && b <= 0x9F)
        return upper[b - 0x80];
    if (b >= 0xA0 && b <= 0xBF)
        return lower[b - 0xA0];
    return '?';
}

/* Bytes in the UTF-8 character that starts with lead byte c and has the
 * continuation bytes it needs within the len - i bytes left; 1 otherwise. */
static size_t char_width(const unsigned char *u, size_t len, size_t i)
{
    size_t w = u[i] >= 0xF0 && u[i] < 0xF8 ? 4 : u[i] >= 0xE0 ? 3 : u[i] >= 0xC0 ? 2 : 1;
    if (w > 1 && u[i] >= 0xF8)
        w = 1;
    if (i + w > len)
        return 1;
    for (size_t k = 1; k < w; k++)
        if ((u[i + k] & 0xC0) != 0x80)
            return 1;
    return w;
}

/* One character of s at i, folded: its bytes in c[0..*cn), its width in s
 * in the return value. */
static size_t fold_char(const unsigned char *u, size_t len, size_t i, unsigned flags, char c[4], size_t *cn)
{
    size_t w = char_width(u, len, i);
    if ((flags & IND_TEXT_DASHES) && w == 3 && dash_at(u, len, i)) {
        c[0] = '-';
        *cn = 1;
        return w;
    }
    if (w == 2 && u[i] == 0xC3) {
        unsigned char b = u[i + 1];
        if ((flags & IND_TEXT_CASE) && b >= 0x80 && b <= 0x9E && b != 0x97)
            b += 0x20; /* Latin-1 capital to small */
        if (flags & IND_TEXT_ASCII) {
            c[0] = latin1_ascii(b);
            *cn = 1;
        } else {
            c[0] = (char)0xC3;
            c[1] = (char)b;
            *cn = 2;
        }
        return w;
    }
    memcpy(c, u + i, w);
    if (w == 1 && (flags & IND_TEXT_CASE) && u[i] >= 'A' && u[i] <= 'Z')
        c[0] = (char)(u[i] + 32);
    *cn = w;
    return w;
}

size_t ind_text_fold(const char *s, size_t len, unsigned flags, char *out, size_t size, size_t *map)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0, i = 0, w, blank_at = 0;
    int pending = 0;
    if (size == 0)
        return 0;
    while (i < len) {
        if ((flags & IND_TEXT_BLANKS) && ind_text_blank_at(s, len, i, &w)) {
            if (!pending)
                blank_at = i;
            pending = n > 0;
            i += w;
            continue;
        }
        char c[4];
        size_t cn;
        w = fold_char(u, len, i, flags, c, &cn);
        if (n + (size_t)pending + cn + 1 > size)
            break;
        if (pending) {
            if (map)
                map[n] = blank_at;
            out[n++] = ' ';
            pending = 0;
        }
        for (size_t k = 0; k < cn; k++) {
            if (map)
                map[n] = cn == w ? i + k : i;
            out[n++] = c[k];
        }
        i += w;
    }
    size_t end = pending ? blank_at : i;
    if (flags & IND_TEXT_TRAILING)
        while (n > 0 && strchr(".:;,*! ", out[n - 1])) {
            n--;
            end = map ? map[n] : 0;
        }
    out[n] = '\0';
    if (map)
        map[n] = end;
    return n;
}

int ind_text_equal(const char *a, const char *b, unsigned flags)
{
    char fa[1024], fb[1024];
    size_t na = ind_text_fold(a, strlen(a), flags, fa, sizeof fa, NULL);
    size_t nb = ind_text_fold(b, strlen(b), flags, fb, sizeof fb, NULL);
    return na == nb && memcmp(fa, fb, na) == 0;
}

/* ---- distances ---------------------------------------------------------- */

enum { MAX_CHARS = 255 };

/* The IND_TEXT_LOOSE key of s as code points (bytes that are not UTF-8 count
 * as one each); returns how many, at most MAX_CHARS. */
static size_t code_points(const char *s, uint32_t *cp)
{
    char key[4 * MAX_CHARS + 1];
    size_t n = ind_text_fold(s, strlen(s), IND_TEXT_LOOSE, key, sizeof key, NULL), m = 0;
    const unsigned char *u = (const unsigned char *)key;
    for (size_t i = 0; i < n && m < MAX_CHARS;) {
        size_t w = char_width(u, n, i);
        uint32_t c = w == 1 ? u[i] : (uint32_t)(u[i] & (0x7F >> w));
        for (size_t k = 1; k < w; k++)
            c = (c << 6) | (u[i + k] & 0x3F);
        cp[m++] = c;
        i += w;
    }
    return m;
}

/* Optimal string alignment distance of a[0..na) and b[0..nb), three rows. */
static size_t osa(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t rows[3][MAX_CHARS + 1];
    size_t *two = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= nb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t d = prev[j - 1] + cost;
            if (prev[j] + 1 < d)
                d = prev[j] + 1;
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && two[j - 2] + 1 < d)
                d = two[j - 2] + 1;
            cur[j] = d;
        }
        size_t *t = two;
        two = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb];
}

size_t ind_text_distance(const char *a, const char *b)
{
    uint32_t ca[MAX_CHARS], cb[MAX_CHARS];
    size_t na = code_points(a, ca), nb = code_points(b, cb);
    return osa(ca, na, cb, nb);
}

size_t ind_text_default_distance(size_t n)
{
    return n <= 7 ? 1 : n <= 11 ? 2 : 3;
}

size_t ind_text_closest(const char *query, const char *const *names, size_t n, int max_dist, size_t *best,
                        size_t k)
{
    uint32_t cq[MAX_CHARS], cn[MAX_CHARS];
    size_t dist[64], found = 0;
    if (!query || !names || !best || k == 0)
        return 0;
    if (k > sizeof dist / sizeof dist[0])
        k = sizeof dist / sizeof dist[0];
    size_t nq = code_points(query, cq);
    size_t limit = max_dist < 0 ? ind_text_default_distance(nq) : (size_t)max_dist;
    for (size_t i = 0; i < n; i++) {
        if (!names[i])
            continue;
        size_t nn = code_points(names[i], cn);
        if ((nn > nq ? nn - nq : nq - nn) > limit)
            continue; /* the lengths alone differ by more */
        size_t d = osa(cq, nq, cn, nn);
        if (d > limit || (found == k && d >= dist[k - 1]))
            continue;
        /* insert after every candidate at least as close (ties keep their order) */
        size_t at = found < k ? found : k - 1;
        while (at > 0 && dist[at - 1] > d) {
            dist[at] = dist[at - 1];
            best[at] = best[at - 1];
            at--;
        }
        dist[at] = d;
        best[at] = i;
        if (found < k)
            found++;
    }
    return found;
}

/* ---- finding a name ------------------------------------------------------ */

/* Do names i and j stand for the same thing (ind_text_find's group)? */
static int same_thing(const char *const *names, const size_t *group, size_t i, size_t j)
{
    return group ? group[i] == group[j] : strcmp(names[i], names[j]) == 0;
}

ind_text_found ind_text_find(const char *query, const char *const *names, const size_t *group, size_t n,
                             size_t *at, size_t *other)
{
    static const unsigned levels[] = {0, IND_TEXT_KEY, IND_TEXT_LOOSE};
    char q[1024], f[1024];
    for (size_t l = 0; l < sizeof levels / sizeof levels[0]; l++) {
        size_t nq = levels[l] ? ind_text_fold(query, strlen(query), levels[l], q, sizeof q, NULL) : 0;
        size_t first = n;
        for (size_t i = 0; i < n; i++) {
            if (!names[i])
                continue;
            int match;
            if (!levels[l]) {
                match = strcmp(names[i], query) == 0;
            } else {
                size_t nf = ind_text_fold(names[i], strlen(names[i]), levels[l], f, sizeof f, NULL);
                match = nf == nq && memcmp(f, q, nq) == 0;
            }
            if (!match)
                continue;
            if (first == n) {
                first = i;
            } else if (!same_thing(names, group, first, i)) {
                *at = first;
                *other = i;
                return IND_TEXT_AMBIGUOUS;
            }
        }
        if (first < n) {
            *at = first;
            return IND_TEXT_FOUND;
        }
    }
    return IND_TEXT_NOT_FOUND;
}
