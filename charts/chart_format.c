/* chart_format.c: numbers, periods and words as a chart writes them, in Swedish or English. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "number.h"

/* A number too long for a label (|v| of 10^15 and up) in powers of ten:
 * "1,23 × 10^308"; short, complete and valid UTF-8 whatever v is. */
static void fmt_power(chart *c, double v, char *num, size_t size)
{
    int e = (int)floor(log10(fabs(v)));
    double m = v / pow(10, e);
    if (fabs(m) >= 9.995) { /* rounds up to 10,00 */
        m /= 10;
        e++;
    }
    char mant[64];
    if (c->en)
        ind_num_format_en(m, 2, IND_FMT_UNICODE, mant, sizeof mant);
    else
        ind_num_format_sv(m, 2, IND_FMT_UNICODE, mant, sizeof mant);
    /* the exponent in superscript digits: ⁰ ¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹, ⁻ */
    static const char *const sup[10] = {"\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
                                        "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9"};
    char digits[16], ex[64] = "";
    snprintf(digits, sizeof digits, "%d", e);
    for (const char *d = digits; *d; d++)
        strcat(ex, *d == '-' ? "\xe2\x81\xbb" : sup[*d - '0']);
    snprintf(num, size, "%s \xc3\x97 10%s", mant, ex);
}

char *chart_fmt(chart *c, double v, int decimals, int percent, char *buf, size_t size)
{
    char num[128];
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    if (isfinite(v) && fabs(v) >= 1e15)
        fmt_power(c, v, num, sizeof num);
    else if (c->en)
        ind_num_format_en(v, decimals, IND_FMT_UNICODE, num, sizeof num);
    else
        ind_num_format_sv(v, decimals, IND_FMT_UNICODE, num, sizeof num);
    /* below 10^15 a number has at most 15 digits, 4 separators and 6 decimals: it
     * fits; callers give 64 bytes, and a smaller buffer gets the number's end cut
     * at a character boundary, never inside a UTF-8 sequence */
    if (percent && isfinite(v))
        snprintf(num + strlen(num), sizeof num - strlen(num), c->en ? "%%" : " %%");
    size_t n = strlen(num);
    if (size == 0)
        return buf;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)num[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf, num, n);
    buf[n] = '\0';
    return buf;
}

int chart_auto_decimals(const double *v, size_t n)
{
    if (!v)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i]) && fabs(v[i] - nearbyint(v[i])) > 1e-9 * fmax(1, fabs(v[i])))
            return 1;
    return 0;
}

char *chart_period_label(chart *c, ind_period p, char *buf, size_t size)
{
    static const char *const sv[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                     "jul", "aug", "sep", "okt", "nov", "dec"};
    static const char *const en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y = ind_period_year(p), sub = ind_period_sub(p);
    switch (ind_period_kind_of(p)) {
    case IND_PERIOD_TERTIAL: snprintf(buf, size, "%d T%d", y, sub); break;
    case IND_PERIOD_MONTH:
        snprintf(buf, size, "%s %d", (c->en ? en : sv)[(sub - 1 + 12) % 12], y);
        break;
    default: snprintf(buf, size, "%d", y); break;
    }
    return buf;
}

const char *chart_verdict_word(chart *c, ind_verdict v)
{
    return c->en ? ind_verdict_label_en(v) : ind_verdict_label_sv(v);
}

const char *chart_gender_word(chart *c, ind_gender g)
{
    return c->en ? ind_gender_label_en(g) : ind_gender_label_sv(g);
}

const char *chart_meaning_word(chart *c, ind_chart_meaning m, ind_chart_arrow a)
{
    if (a == IND_CHART_ARROW_NONE)
        return "–";
    switch (m) {
    case IND_CHART_IMPROVING: return TR(c, "förbättras", "improving");
    case IND_CHART_WORSENING: return TR(c, "försämras", "worsening");
    default: return TR(c, "ingen tydlig trend", "no clear trend");
    }
}
