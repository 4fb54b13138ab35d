/* period.c: parsing and formatting periods and genders. */
#include "period.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

ind_period ind_period_make(int year, ind_period_kind kind, int sub)
{
    return ((ind_period)year << 8) | ((ind_period)kind << 5) | (ind_period)sub;
}
int ind_period_year(ind_period p) { return (int)(p >> 8); }
ind_period_kind ind_period_kind_of(ind_period p) { return (ind_period_kind)((p >> 5) & 7); }
int ind_period_sub(ind_period p) { return (int)(p & 31); }

double ind_period_time(ind_period p)
{
    double y = ind_period_year(p);
    switch (ind_period_kind_of(p)) {
    case IND_PERIOD_TERTIAL: return y + (ind_period_sub(p) - 1) / 3.0;
    case IND_PERIOD_MONTH: return y + (ind_period_sub(p) - 1) / 12.0;
    default: return y;
    }
}

int ind_period_within(ind_period p, ind_period from, ind_period to)
{
    double t = ind_period_time(p);
    if (from && t < ind_period_time(from) - 1e-9)
        return 0;
    if (to) {
        double span;
        switch (ind_period_kind_of(to)) {
        case IND_PERIOD_TERTIAL: span = 1 / 3.0; break;
        case IND_PERIOD_MONTH: span = 1 / 12.0; break;
        default: span = 1; break;
        }
        if (t >= ind_period_time(to) + span - 1e-9)
            return 0;
    }
    return 1;
}

ind_period ind_period_year_before(ind_period p)
{
    return ind_period_make(ind_period_year(p) - 1, ind_period_kind_of(p), ind_period_sub(p));
}

/* A tiny scanner over the trimmed text: tokens are digit runs and letter runs. */
typedef struct {
    const char *s;
    size_t len, pos;
} scan;

static void skip_sep(scan *sc)
{
    while (sc->pos < sc->len && (sc->s[sc->pos] == ' ' || sc->s[sc->pos] == '-' ||
                                 sc->s[sc->pos] == '\t' || sc->s[sc->pos] == '/' ||
                                 sc->s[sc->pos] == '_'))
        sc->pos++;
}

/* isspace and isdigit as in the C locale, without a call for the table each. */
static int space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int digit(char c) { return c >= '0' && c <= '9'; }

static int read_int(scan *sc, int *out, int *digits)
{
    int v = 0, d = 0;
    while (sc->pos < sc->len && isdigit((unsigned char)sc->s[sc->pos])) {
        if (d < 9)
            v = v * 10 + (sc->s[sc->pos] - '0');
        d++;
        sc->pos++;
    }
    *out = v;
    *digits = d;
    return d > 0 ? 0 : -1;
}

static size_t read_word(scan *sc, char *buf, size_t size)
{
    size_t n = 0;
    while (sc->pos < sc->len && isalpha((unsigned char)sc->s[sc->pos])) {
        if (n + 1 < size)
            buf[n++] = (char)tolower((unsigned char)sc->s[sc->pos]);
        sc->pos++;
    }
    buf[n] = '\0';
    return n;
}

static int year_ok(int y, int digits) { return digits == 4 && y >= IND_YEAR_MIN && y <= IND_YEAR_MAX; }

/* The canonical forms at once, 2021, 2021-T2 and 2021-03, trimmed text:
 * 0 with *out set, -1 for anything else. A data file has one in every row. */
static int parse_canonical(const char *s, size_t len, ind_period *out)
{
    if (!((len == 4 || len == 7) && s[0] >= '1' && s[0] <= '2' && digit(s[1]) && digit(s[2]) && digit(s[3])))
        return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (y < IND_YEAR_MIN || y > IND_YEAR_MAX)
        return -1;
    if (len == 4) {
        *out = ind_period_make(y, IND_PERIOD_YEAR, 0);
        return 0;
    }
    if (s[4] == '-' && s[5] == 'T' && s[6] >= '1' && s[6] <= '3') {
        *out = ind_period_make(y, IND_PERIOD_TERTIAL, s[6] - '0');
        return 0;
    }
    if (s[4] == '-' && digit(s[5]) && digit(s[6])) {
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m >= 1 && m <= 12) {
            *out = ind_period_make(y, IND_PERIOD_MONTH, m);
            return 0;
        }
    }
    return -1;
}

static int parse_other(const char *s, size_t len, ind_period *out, const char **why);

int ind_period_parse(const char *s, size_t len, ind_period *out, const char **why)
{
    const char *dummy;
    if (!why)
        why = &dummy;
    while (len && space(*s))
        s++, len--;
    while (len && space(s[len - 1]))
        len--;
    if (len == 0) {
        *why = "the period is empty";
        return -1;
    }
    if (parse_canonical(s, len, out) == 0)
        return 0;
    return parse_other(s, len, out, why);
}

/* Every other form of a period (trimmed, not empty), as ind_period_parse. */
static __attribute__((noinline)) int parse_other(const char *s, size_t len, ind_period *out, const char **why)
{
    scan sc = {s, len, 0};
    int year, digits, sub;
    char word[16];

    if (isdigit((unsigned char)s[0])) {
        /* 2021 | 2021-T1 | 2021 T1 | 2021-03 | 2021-VB */
        read_int(&sc, &year, &digits);
        if (!year_ok(year, digits)) {
            *why = "the year must have four digits between 1900 and 2200";
            return -1;
        }
        skip_sep(&sc);
        if (sc.pos == len) {
            *out = ind_period_make(year, IND_PERIOD_YEAR, 0);
            return 0;
        }
        if (isdigit((unsigned char)s[sc.pos])) {
            read_int(&sc, &sub, &digits);
            if (sc.pos != len || digits > 2) {
                *why = "expected a month 01-12 after the year";
                return -1;
            }
            if (sub < 1 || sub > 12) {
                *why = "the month must be 01-12";
                return -1;
            }
            *out = ind_period_make(year, IND_PERIOD_MONTH, sub);
            return 0;
        }
        read_word(&sc, word, sizeof word);
        if (strcmp(word, "vb") == 0 && sc.pos == len) {
            *out = ind_period_make(year, IND_PERIOD_TERTIAL, 3);
            return 0;
        }
        if (strcmp(word, "t") == 0 || strcmp(word, "tertial") == 0) {
            skip_sep(&sc);
            if (read_int(&sc, &sub, &digits) == 0 && sc.pos == len) {
                if (sub < 1 || sub > 3) {
                    *why = "a tertial is T1, T2 or T3";
                    return -1;
                }
                *out = ind_period_make(year, IND_PERIOD_TERTIAL, sub);
                return 0;
            }
        }
        *why = "expected 2021, 2021-T1..2021-T3 or 2021-01..2021-12";
        return -1;
    }
    /* VB 2021 | T2 2021 | Tertial 2 2021 */
    read_word(&sc, word, sizeof word);
    if (strcmp(word, "vb") == 0) {
        skip_sep(&sc);
        if (read_int(&sc, &year, &digits) == 0 && sc.pos == len && year_ok(year, digits)) {
            *out = ind_period_make(year, IND_PERIOD_TERTIAL, 3);
            return 0;
        }
    } else if (strcmp(word, "t") == 0 || strcmp(word, "tertial") == 0) {
        skip_sep(&sc);
        if (read_int(&sc, &sub, &digits) == 0) {
            skip_sep(&sc);
            if (read_int(&sc, &year, &digits) == 0 && sc.pos == len && year_ok(year, digits)) {
                if (sub < 1 || sub > 3) {
                    *why = "a tertial is T1, T2 or T3";
                    return -1;
                }
                *out = ind_period_make(year, IND_PERIOD_TERTIAL, sub);
                return 0;
            }
        }
    }
    *why = "expected 2021, 2021-T1..2021-T3, VB 2021 or 2021-01..2021-12";
    return -1;
}

char *ind_period_format(ind_period p, char *buf, size_t size)
{
    int y = ind_period_year(p), sub = ind_period_sub(p);
    switch (ind_period_kind_of(p)) {
    case IND_PERIOD_TERTIAL: snprintf(buf, size, "%04d-T%d", y, sub); break;
    case IND_PERIOD_MONTH: snprintf(buf, size, "%04d-%02d", y, sub); break;
    default: snprintf(buf, size, "%04d", y); break;
    }
    return buf;
}

char *ind_period_label(ind_period p, char *buf, size_t size)
{
    static const char *const month[] = {"januari", "februari", "mars", "april", "maj", "juni",
                                        "juli", "augusti", "september", "oktober", "november",
                                        "december"};
    int y = ind_period_year(p), sub = ind_period_sub(p);
    switch (ind_period_kind_of(p)) {
    case IND_PERIOD_TERTIAL: snprintf(buf, size, "%04d T%d", y, sub); break;
    case IND_PERIOD_MONTH: snprintf(buf, size, "%s %04d", month[(sub - 1) % 12], y); break;
    default: snprintf(buf, size, "%04d", y); break;
    }
    return buf;
}

/* Case-insensitive comparison that also folds the UTF-8 letters å, ä, ö. */
static int word_eq(const char *s, size_t len, const char *w)
{
    size_t wl = strlen(w);
    if (wl != len)
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)w[i];
        if (a < 0x80)
            a = (unsigned char)tolower(a);
        /* UTF-8 Ä Å Ö (C3 84/85/96) fold to ä å ö (C3 A4/A5/B6) */
        if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && (a == 0x84 || a == 0x85 || a == 0x96))
            a += 0x20;
        if (a != b)
            return 0;
    }
    return 1;
}

int ind_gender_parse(const char *s, size_t len, ind_gender *out)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    static const struct {
        const char *word;
        ind_gender g;
    } words[] = {
        {"", IND_GENDER_T}, {"t", IND_GENDER_T}, {"totalt", IND_GENDER_T}, {"total", IND_GENDER_T},
        {"alla", IND_GENDER_T}, {"samtliga", IND_GENDER_T}, {"all", IND_GENDER_T},
        {"k", IND_GENDER_K}, {"kvinnor", IND_GENDER_K}, {"kvinna", IND_GENDER_K},
        {"flickor", IND_GENDER_K}, {"flicka", IND_GENDER_K}, {"kvinnor/flickor", IND_GENDER_K},
        {"women", IND_GENDER_K}, {"female", IND_GENDER_K}, {"f", IND_GENDER_K},
        {"m", IND_GENDER_M}, {"m\xc3\xa4n", IND_GENDER_M}, {"man", IND_GENDER_M},
        {"pojkar", IND_GENDER_M}, {"pojke", IND_GENDER_M}, {"m\xc3\xa4n/pojkar", IND_GENDER_M},
        {"men", IND_GENDER_M}, {"male", IND_GENDER_M},
        {"x", IND_GENDER_X}, {"annan", IND_GENDER_X}, {"annat", IND_GENDER_X},
        {"ok\xc3\xa4nd", IND_GENDER_X}, {"ok\xc3\xa4nt", IND_GENDER_X}, {"other", IND_GENDER_X},
        {"unknown", IND_GENDER_X}, {"annan k\xc3\xb6nsidentitet", IND_GENDER_X},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (word_eq(s, len, words[i].word)) {
            *out = words[i].g;
            return 0;
        }
    }
    return -1;
}

const char *ind_gender_code(ind_gender g)
{
    static const char *const c[] = {"T", "K", "M", "X"};
    return (unsigned)g < 4 ? c[g] : "?";
}
const char *ind_gender_label_sv(ind_gender g)
{
    static const char *const c[] = {"Totalt", "Kvinnor", "M\xc3\xa4n", "Annat/ok\xc3\xa4nt"};
    return (unsigned)g < 4 ? c[g] : "?";
}
const char *ind_gender_label_en(ind_gender g)
{
    static const char *const c[] = {"Total", "Women", "Men", "Other/unknown"};
    return (unsigned)g < 4 ? c[g] : "?";
}
