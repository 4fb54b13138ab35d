/* number.c: tolerant parsing of exported numbers; exact and Swedish formatting. */
#include "number.h"

#include <errno.h>
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

int ind_num_parse(const char *str, size_t len, double *value, unsigned *flags,
                  const char **why, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)str;
    char buf[128];
    size_t n = 0, i = 0, k;
    unsigned fl = 0;
    int seen_point = 0, seen_comma = 0, seen_exp = 0, digits = 0;
    int group_digits = -1; /* digits since the last thousands space; -1 = no grouping yet */
    const char *dummy_why;
    size_t dummy_off;
    if (!why)
        why = &dummy_why;
    if (!bad_offset)
        bad_offset = &dummy_off;

    /* Fast path for what machines write: [-]digits[.digits], at most 15 digits.
     * Clinger: an exact mantissa over an exact power of ten rounds correctly. */
    if (len > 0 && len <= 17) {
        static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                     1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        size_t j = s[0] == '-';
        uint64_t m = 0;
        int nd = 0, frac = -1;
        for (; j < len; j++) {
            unsigned c = s[j];
            if (c - '0' < 10) {
                m = m * 10 + (c - '0');
                nd++;
                if (frac >= 0)
                    frac++;
            } else if (c == '.' && frac < 0 && nd > 0) {
                frac = 0;
            } else {
                break;
            }
        }
        if (j == len && nd > 0 && nd <= 15 && frac != 0) {
            double v = (double)m / p10[frac > 0 ? frac : 0];
            *value = s[0] == '-' ? -v : v;
            if (flags)
                *flags = 0;
            return 0;
        }
    }

    while (i < len && (k = space_len(s + i, len - i)))
        i += k;
    while (len > i) { /* trailing spaces */
        if (s[len - 1] == ' ' || s[len - 1] == '\t')
            len--;
        else if (len - i >= 2 && s[len - 2] == 0xC2 && s[len - 1] == 0xA0)
            len -= 2;
        else if (len - i >= 3 && s[len - 3] == 0xE2 && s[len - 2] == 0x80 &&
                 (s[len - 1] == 0xAF || s[len - 1] == 0x89))
            len -= 3;
        else
            break;
    }
    /* trailing unit: "%" or "st" */
    if (len > i && s[len - 1] == '%') {
        fl |= IND_NUM_PERCENT;
        len--;
    } else if (len >= i + 2 && s[len - 2] == 's' && s[len - 1] == 't') {
        len -= 2;
    }
    while (len > i) {
        size_t back = 0;
        if (s[len - 1] == ' ' || s[len - 1] == '\t')
            back = 1;
        else if (len - i >= 2 && s[len - 2] == 0xC2 && s[len - 1] == 0xA0)
            back = 2;
        else if (len - i >= 3 && s[len - 3] == 0xE2 && s[len - 2] == 0x80 &&
                 (s[len - 1] == 0xAF || s[len - 1] == 0x89))
            back = 3;
        if (!back)
            break;
        len -= back;
    }
    if (i >= len) {
        *why = "no number";
        *bad_offset = i;
        return -1;
    }
    if (s[i] == '+' || s[i] == '-') {
        buf[n++] = (char)s[i];
        i++;
    } else if (len - i >= 3 && s[i] == 0xE2 && s[i + 1] == 0x88 && s[i + 2] == 0x92) {
        buf[n++] = '-';
        i += 3;
    }
    for (; i < len; i++) {
        unsigned char c = s[i];
        if (n + 2 >= sizeof buf) {
            *why = "too many digits for a number";
            *bad_offset = i;
            return -1;
        }
        if (c >= '0' && c <= '9') {
            buf[n++] = (char)c;
            digits++;
            if (group_digits >= 0 && !seen_point && !seen_comma && !seen_exp)
                group_digits++;
            continue;
        }
        if ((k = space_len(s + i, len - i))) {
            /* a thousands separator: must follow 1-3 digits (first group) or exactly 3 */
            if (seen_point || seen_comma || seen_exp || digits == 0 ||
                (group_digits < 0 && digits > 3) || (group_digits >= 0 && group_digits != 3)) {
                *why = "a space inside a number is only allowed between groups of three digits";
                *bad_offset = i;
                return -1;
            }
            group_digits = 0;
            fl |= IND_NUM_THOUSANDS;
            i += k - 1;
            continue;
        }
        if (c == ',' || c == '.') {
            if (seen_comma || seen_point) {
                *why = c == ',' && seen_comma ? "more than one decimal comma"
                       : c == '.' && seen_point ? "more than one decimal point"
                                                : "both a decimal comma and a decimal point";
                *bad_offset = i;
                return -1;
            }
            if (seen_exp || digits == 0) {
                *why = "misplaced decimal separator";
                *bad_offset = i;
                return -1;
            }
            if (c == ',') {
                seen_comma = 1;
                fl |= IND_NUM_COMMA;
            } else {
                seen_point = 1;
            }
            buf[n++] = '.';
            continue;
        }
        if ((c == 'e' || c == 'E') && digits > 0 && !seen_exp) {
            seen_exp = 1;
            buf[n++] = 'e';
            if (i + 1 < len && (s[i + 1] == '+' || s[i + 1] == '-'))
                buf[n++] = (char)s[++i];
            if (i + 1 >= len || s[i + 1] < '0' || s[i + 1] > '9') {
                *why = "an exponent needs digits";
                *bad_offset = i;
                return -1;
            }
            continue;
        }
        *why = (c == 'n' || c == 'N' || c == 'i' || c == 'I') ? "not a finite number"
                                                                : "unexpected character in a number";
        *bad_offset = i;
        return -1;
    }
    if (digits == 0) {
        *why = "no digits";
        *bad_offset = len;
        return -1;
    }
    if (group_digits >= 0 && group_digits != 3) {
        *why = "a space inside a number is only allowed between groups of three digits";
        *bad_offset = len;
        return -1;
    }
    buf[n] = '\0';
    if (!seen_exp && digits <= 15) {
        /* Clinger's fast path: a mantissa below 2^53 divided by an exact power of
         * ten is correctly rounded, so this equals strtod's result. */
        static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                       1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        uint64_t m = 0;
        int frac = 0, after = 0;
        for (const char *q = buf; *q; q++) {
            if (*q == '.')
                after = 1;
            else if (*q >= '0' && *q <= '9') {
                m = m * 10 + (uint64_t)(*q - '0');
                frac += after;
            }
        }
        double v = (double)m / pow10[frac];
        *value = buf[0] == '-' ? -v : v;
        if (flags)
            *flags = fl;
        return 0;
    }
    errno = 0;
    char *end;
    double v = strtod(buf, &end);
    if (*end != '\0') {
        *why = "unexpected character in a number";
        *bad_offset = len;
        return -1;
    }
    if (!isfinite(v) || (errno == ERANGE && fabs(v) > 1.0)) {
        *why = "the number is too large";
        *bad_offset = 0;
        return -1;
    }
    *value = v;
    if (flags)
        *flags = fl;
    return 0;
}

char *ind_num_format_exact(double v, char *buf, size_t size)
{
    if (isnan(v)) {
        if (size)
            buf[0] = '\0';
        return buf;
    }
    if (isinf(v)) {
        snprintf(buf, size, v > 0 ? "inf" : "-inf");
        return buf;
    }
    if (v == 0) {
        snprintf(buf, size, signbit(v) ? "-0" : "0");
        return buf;
    }
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
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
    snprintf(raw, sizeof raw, "%.*f", decimals, v);
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
    out[n] = '\0';
    snprintf(buf, size, "%s", out);
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
