/* number.c: tolerant parsing of exported numbers; exact and Swedish formatting. */
#include "number.h"
#include "numconv_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of a space-like character at s (ASCII space or tab, U+00A0, U+202F,
 * U+2009), 0 when none. */
static size_t space_len(const unsigned char *s, size_t left)
{
    if (left >= 1 && (s[0] == ' ' || s[0] == '\t'))
        return 1;
    if (left >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (left >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xAF || s[2] == 0x89))
        return 3;
    return 0;
}

/* Text as machines write it, [-]digits[.digits] with at most 15 digits: Clinger's
 * fast path (a mantissa below 2^53 over an exact power of ten rounds correctly,
 * so this is strtod's result). Returns 0 with *value set, -1 for anything else. */
static int parse_plain(const unsigned char *s, size_t len, double *value)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    if (len == 0 || len > 17)
        return -1;
    const unsigned char *p = s + (s[0] == '-'), *end = s + len, *q = p;
    uint64_t m = 0;
    while (q < end && (unsigned)(*q - '0') < 10u) /* the digits before the point, then those after */
        m = m * 10 + (uint64_t)(*q++ - '0');
    size_t whole = (size_t)(q - p), frac = 0;
    if (q < end) {
        if (*q != '.' || whole == 0)
            return -1;
        const unsigned char *f = ++q;
        while (q < end && (unsigned)(*q - '0') < 10u)
            m = m * 10 + (uint64_t)(*q++ - '0');
        frac = (size_t)(q - f);
        if (frac == 0 || q != end)
            return -1;
    }
    if (whole == 0 || whole + frac > 15)
        return -1;
    double v = (double)m / p10[frac];
    *value = s[0] == '-' ? -v : v;
    return 0;
}

/* Length of a space-like character ending at s[len-1] (not before s[from]), 0 when none. */
static size_t space_len_back(const unsigned char *s, size_t from, size_t len)
{
    if (len > from && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        return 1;
    if (len - from >= 2 && s[len - 2] == 0xC2 && s[len - 1] == 0xA0)
        return 2;
    if (len - from >= 3 && s[len - 3] == 0xE2 && s[len - 2] == 0x80 &&
        (s[len - 1] == 0xAF || s[len - 1] == 0x89))
        return 3;
    return 0;
}

/* Trims spaces around the number and a trailing unit ("%" or "st"): returns the
 * first byte of the number and sets *len past its last; a "%" sets IND_NUM_PERCENT. */
static size_t trim_number(const unsigned char *s, size_t *len, unsigned *fl)
{
    size_t i = 0, k, n = *len;
    while (i < n && (k = space_len(s + i, n - i)))
        i += k;
    while (n > i && (k = space_len_back(s, i, n)))
        n -= k;
    if (n > i && s[n - 1] == '%') {
        *fl |= IND_NUM_PERCENT;
        n--;
    } else if (n >= i + 2 && s[n - 2] == 's' && s[n - 1] == 't') {
        n -= 2;
    }
    while (n > i && (k = space_len_back(s, i, n)))
        n -= k;
    *len = n;
    return i;
}

/* The state of normalise(): what has been seen so far. */
typedef struct {
    char buf[128]; /* the number in C syntax: [sign]digits[.digits][e[sign]digits] */
    size_t n;
    unsigned fl;
    int seen_point, seen_comma, seen_exp, digits;
    int group_digits; /* digits since the last thousands space; -1 = no grouping yet */
} number_text;

/* One separator (space, decimal comma or point) at s[i]; returns the bytes it
 * takes, 0 when s[i] is none, or -1 with *why when it is misplaced. */
static long separator(number_text *t, const unsigned char *s, size_t i, size_t len, const char **why)
{
    size_t k = space_len(s + i, len - i);
    if (k) {
        /* a thousands separator: must follow 1-3 digits (first group) or exactly 3 */
        if (t->seen_point || t->seen_comma || t->seen_exp || t->digits == 0 ||
            (t->group_digits < 0 && t->digits > 3) ||
            (t->group_digits >= 0 && t->group_digits != 3)) {
            *why = "a space inside a number is only allowed between groups of three digits";
            return -1;
        }
        t->group_digits = 0;
        t->fl |= IND_NUM_THOUSANDS;
        return (long)k;
    }
    unsigned char c = s[i];
    if (c != ',' && c != '.')
        return 0;
    if (t->seen_comma || t->seen_point) {
        *why = c == ',' && t->seen_comma   ? "more than one decimal comma"
               : c == '.' && t->seen_point ? "more than one decimal point"
                                           : "both a decimal comma and a decimal point";
        return -1;
    }
    if (t->seen_exp || t->digits == 0) {
        *why = "misplaced decimal separator";
        return -1;
    }
    if (c == ',') {
        t->seen_comma = 1;
        t->fl |= IND_NUM_COMMA;
    } else {
        t->seen_point = 1;
    }
    t->buf[t->n++] = '.';
    return 1;
}

/* Rewrites s[i..len) in C syntax into t, checking the grouping and separators.
 * Returns 0, or -1 with *why and *bad_offset. */
static int normalise(number_text *t, const unsigned char *s, size_t i, size_t len,
                     const char **why, size_t *bad_offset)
{
    if (s[i] == '+' || s[i] == '-') {
        t->buf[t->n++] = (char)s[i];
        i++;
    } else if (len - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x88 && s[i + 2] == 0x92) {
        t->buf[t->n++] = '-';
        i += 3;
    }
    for (; i < len; i++) {
        unsigned char c = s[i];
        long sep;
        *bad_offset = i;
        if (t->n + 2 >= sizeof t->buf) {
            *why = "too many digits for a number";
            return -1;
        }
        if (c >= '0' && c <= '9') {
            t->buf[t->n++] = (char)c;
            t->digits++;
            if (t->group_digits >= 0 && !t->seen_point && !t->seen_comma && !t->seen_exp)
                t->group_digits++;
            continue;
        }
        if ((sep = separator(t, s, i, len, why)) < 0)
            return -1;
        if (sep > 0) {
            i += (size_t)sep - 1;
            continue;
        }
        if ((c == 'e' || c == 'E') && t->digits > 0 && !t->seen_exp) {
            t->seen_exp = 1;
            t->buf[t->n++] = 'e';
            if (i + 1 < len && (s[i + 1] == '+' || s[i + 1] == '-'))
                t->buf[t->n++] = (char)s[++i];
            if (i + 1 >= len || s[i + 1] < '0' || s[i + 1] > '9') {
                *why = "an exponent needs digits";
                *bad_offset = i;
                return -1;
            }
            continue;
        }
        *why = (c == 'n' || c == 'N' || c == 'i' || c == 'I') ? "not a finite number"
                                                                : "unexpected character in a number";
        return -1;
    }
    *bad_offset = len;
    if (t->digits == 0) {
        *why = "no digits";
        return -1;
    }
    if (t->group_digits >= 0 && t->group_digits != 3) {
        *why = "a space inside a number is only allowed between groups of three digits";
        return -1;
    }
    t->buf[t->n] = '\0';
    return 0;
}

/* The double nearest to the normalised text: Clinger's fast path for at most 15
 * digits without exponent, else fast_float (strtod's result, faster). */
static int convert(const number_text *t, double *value, const char **why, size_t *bad_offset,
                   size_t len)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                   1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    int negative = t->buf[0] == '-';
    size_t start = (t->buf[0] == '-' || t->buf[0] == '+');
    double v;
    if (!t->seen_exp && t->digits <= 15) {
        uint64_t m = 0;
        int frac = 0, after = 0;
        for (const char *q = t->buf + start; *q; q++) {
            if (*q == '.')
                after = 1;
            else {
                m = m * 10 + (uint64_t)(*q - '0');
                frac += after;
            }
        }
        v = (double)m / pow10[frac];
    } else if (ind_numconv_parse(t->buf + start, t->n - start, &v) != 0) {
        *why = "unexpected character in a number";
        *bad_offset = len;
        return -1;
    } else if (isinf(v)) {
        *why = "the number is too large";
        *bad_offset = 0;
        return -1;
    }
    *value = negative ? -v : v;
    return 0;
}

int ind_num_parse(const char *str, size_t len, double *value, unsigned *flags,
                  const char **why, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)str;
    const char *dummy_why;
    size_t dummy_off;
    if (!why)
        why = &dummy_why;
    if (!bad_offset)
        bad_offset = &dummy_off;
    if (parse_plain(s, len, value) == 0) {
        if (flags)
            *flags = 0;
        return 0;
    }
    number_text t;
    t.n = 0;
    t.fl = 0;
    t.seen_point = t.seen_comma = t.seen_exp = t.digits = 0;
    t.group_digits = -1;
    size_t i = trim_number(s, &len, &t.fl);
    if (i >= len) {
        *why = "no number";
        *bad_offset = i;
        return -1;
    }
    if (normalise(&t, s, i, len, why, bad_offset) != 0 ||
        convert(&t, value, why, bad_offset, len) != 0)
        return -1;
    if (flags)
        *flags = t.fl;
    return 0;
}

/* Writes the exponent of the d.ddde±XX form as C's %g does: a sign and at least two digits. */
static size_t put_exponent(char *out, int x)
{
    size_t n = 0;
    out[n++] = 'e';
    out[n++] = x < 0 ? '-' : '+';
    unsigned u = (unsigned)(x < 0 ? -x : x);
    if (u >= 100)
        out[n++] = (char)('0' + u / 100);
    out[n++] = (char)('0' + u / 10 % 10);
    out[n++] = (char)('0' + u % 10);
    return n;
}

char *ind_num_format_exact(double v, char *buf, size_t size)
{
    char out[48], d[24];
    size_t n = 0;
    if (!isfinite(v) || v == 0) {
        const char *t = isnan(v) || isinf(v) ? "" : signbit(v) ? "-0" : "0";
        if (size) { /* (t fits any buffer of 3 bytes) */
            size_t k = strlen(t) < size ? strlen(t) : size - 1;
            memcpy(buf, t, k);
            buf[k] = '\0';
        }
        return buf;
    }
    int point, nd = ind_numconv_shortest(fabs(v), d, &point);
    int x = point - 1; /* the decimal exponent of the first digit */
    if (v < 0)
        out[n++] = '-';
    /* the layout of %.15g, or of %.17g for a number that needs 16 or 17 digits */
    if (x < -4 || x >= (nd <= 15 ? 15 : 17)) {
        out[n++] = d[0];
        if (nd > 1) {
            out[n++] = '.';
            memcpy(out + n, d + 1, (size_t)nd - 1);
            n += (size_t)nd - 1;
        }
        n += put_exponent(out + n, x);
    } else if (x < 0) {
        out[n++] = '0';
        out[n++] = '.';
        for (int k = 0; k < -x - 1; k++)
            out[n++] = '0';
        memcpy(out + n, d, (size_t)nd);
        n += (size_t)nd;
    } else {
        for (int k = 0; k <= x; k++)
            out[n++] = k < nd ? d[k] : '0';
        if (nd > x + 1) {
            out[n++] = '.';
            memcpy(out + n, d + x + 1, (size_t)(nd - x - 1));
            n += (size_t)(nd - x - 1);
        }
    }
    if (size) {
        n = n < size ? n : size - 1;
        memcpy(buf, out, n);
        buf[n] = '\0';
    }
    return buf;
}

/* What printf("%.*f", decimals, v) writes, into raw: double-conversion's digits
 * where they agree with printf. They round an exact halfway case away from zero
 * and printf to even; |v|·2^(decimals+1) is then an odd integer (|v|·10^decimals
 * = k·5^decimals/2 for k = |v|·2^(decimals+1)), and those few go to printf. */
static void fixed_text(double v, int decimals, char *raw, size_t size)
{
    double a = fabs(v), t = ldexp(a, decimals + 1);
    if (!(a < 1e21) || decimals > 20 || (t == floor(t) && fmod(t, 2.0) == 1.0) || size < 64) {
        snprintf(raw, size, "%.*f", decimals, v);
        return;
    }
    char d[48];
    int point = 1, nd = a == 0 ? 0 : ind_numconv_fixed(a, decimals, d, &point);
    size_t n = 0;
    if (signbit(v))
        raw[n++] = '-';
    if (point <= 0)
        raw[n++] = '0';
    for (int k = 0; k < point; k++)
        raw[n++] = k < nd ? d[k] : '0';
    if (decimals > 0)
        raw[n++] = '.';
    for (int j = 0; j < decimals; j++) {
        int k = point + j;
        raw[n++] = k >= 0 && k < nd ? d[k] : '0';
    }
    raw[n] = '\0';
}

/* Groups the integer digits of a plain "%.*f" rendering. */
static char *format_grouped(double v, int decimals, unsigned fmt, char dec, const char *sep,
                            char *buf, size_t size)
{
    char raw[400];
    if (isnan(v)) {
        snprintf(buf, size, "\xe2\x80\x93");
        return buf;
    }
    if (decimals < 0)
        decimals = 0;
    if (decimals > 17)
        decimals = 17;
    fixed_text(v, decimals, raw, sizeof raw);
    const char *p = raw;
    int negative = 0;
    if (*p == '-') {
        negative = 1;
        p++;
        /* "-0,0" reads oddly: drop the sign when every digit is zero */
        if (strspn(p, "0.") == strlen(p))
            negative = 0;
    }
    const char *point = strchr(p, '.');
    size_t int_len = point ? (size_t)(point - p) : strlen(p);
    char out[1024]; /* 309 digits of DBL_MAX, 102 three-byte separators, 17 decimals */
    size_t n = 0;
    if (negative) {
        const char *minus = (fmt & IND_FMT_UNICODE) ? "\xe2\x88\x92" : "-";
        n += (size_t)snprintf(out + n, sizeof out - n, "%s", minus);
    } else if ((fmt & IND_FMT_PLUS) && v > 0 && strspn(p, "0.") != strlen(p)) {
        out[n++] = '+';
    }
    int group = int_len >= 5; /* 1000 stays 1000, 10 000 is grouped */
    for (size_t i = 0; i < int_len && n + 8 < sizeof out; i++) {
        if (group && i > 0 && (int_len - i) % 3 == 0)
            n += (size_t)snprintf(out + n, sizeof out - n, "%s", sep);
        out[n++] = p[i];
    }
    if (point) {
        out[n++] = dec;
        for (const char *q = point + 1; *q && n + 2 < sizeof out; q++)
            out[n++] = *q;
    }
    if (size) {
        n = n < size ? n : size - 1;
        memcpy(buf, out, n);
        buf[n] = '\0';
    }
    return buf;
}

char *ind_num_format_sv(double v, int decimals, unsigned fmt, char *buf, size_t size)
{
    return format_grouped(v, decimals, fmt, ',', (fmt & IND_FMT_UNICODE) ? "\xe2\x80\xaf" : " ",
                          buf, size);
}

char *ind_num_format_en(double v, int decimals, unsigned fmt, char *buf, size_t size)
{
    return format_grouped(v, decimals, fmt, '.', ",", buf, size);
}
