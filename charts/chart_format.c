/* chart_format.c: numbers, periods and words as a chart writes them, in Swedish or English. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdio.h>

#include "number.h"

char *chart_fmt(chart *c, double v, int decimals, int percent, char *buf, size_t size)
{
    char num[128];
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    if (c->en)
        ind_num_format_en(v, decimals, IND_FMT_UNICODE, num, sizeof num);
    else
        ind_num_format_sv(v, decimals, IND_FMT_UNICODE, num, sizeof num);
    /* a label is short: a number beyond 60 characters is cut, never the buffer overrun */
    if (percent && isfinite(v))
        snprintf(buf, size, c->en ? "%.60s%%" : "%.60s %%", num);
    else
        snprintf(buf, size, "%.60s", num);
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
