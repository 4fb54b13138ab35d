/* selection.c: whether the filters select any observation, and saying what was empty when none. */
#include "cli.h"

#include <string.h>
#include <strings.h>

/* Does period p pass --year, --period, --from and --to? Looser than the
 * builders on purpose (a year and its year-end tertial or month are one
 * period here), so that a selection called empty is empty for every command. */
static int period_passes(const cli_opts *opt, ind_period p)
{
    ind_period q;
    int y = ind_period_year(p);
    if (opt->year && y != opt->year)
        return 0;
    if (opt->period && ind_period_parse(opt->period, strlen(opt->period), &q, NULL) == 0 && p != q) {
        int year_end_p = ind_period_kind_of(p) == IND_PERIOD_YEAR ||
                         (ind_period_kind_of(p) == IND_PERIOD_TERTIAL && ind_period_sub(p) == 3) ||
                         (ind_period_kind_of(p) == IND_PERIOD_MONTH && ind_period_sub(p) == 12);
        int year_end_q = ind_period_kind_of(q) == IND_PERIOD_YEAR ||
                         (ind_period_kind_of(q) == IND_PERIOD_TERTIAL && ind_period_sub(q) == 3) ||
                         (ind_period_kind_of(q) == IND_PERIOD_MONTH && ind_period_sub(q) == 12);
        if (!(year_end_p && year_end_q && y == ind_period_year(q)))
            return 0;
    }
    if (opt->from && ind_period_parse(opt->from, strlen(opt->from), &q, NULL) == 0 && !ind_period_within(p, q, 0) &&
        y != ind_period_year(q))
        return 0;
    if (opt->to && ind_period_parse(opt->to, strlen(opt->to), &q, NULL) == 0 && !ind_period_within(p, 0, q) &&
        y != ind_period_year(q))
        return 0;
    return 1;
}

/* The periods asked for, to follow "for": "år 2030", "perioden 2021-T2",
 * "perioderna 2020–2022" ("the year 2030", ... in English); "" when none. */
static const char *period_words(const cli_opts *opt, char *buf, size_t size)
{
    int en = cli_lang() == IND_LANG_EN;
    buf[0] = '\0';
    if (opt->period)
        snprintf(buf, size, en ? "the period %s" : "perioden %s", opt->period);
    else if (opt->from && opt->to)
        snprintf(buf, size, en ? "the periods %s to %s" : "perioderna %s\xE2\x80\x93%s", opt->from, opt->to);
    else if (opt->from)
        snprintf(buf, size, en ? "the periods from %s" : "perioderna från %s", opt->from);
    else if (opt->to)
        snprintf(buf, size, en ? "the periods up to %s" : "perioderna till och med %s", opt->to);
    if (opt->year) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, "%s%s %d", n ? (en ? " in" : " under") : "", n ? "" : (en ? "the year" : "år"),
                 opt->year);
    }
    return buf;
}

/* Appends "LABEL a, b och c" (the list in the message language) to buf. */
static void add_list(char *buf, size_t size, const char *label, const char *const *names, int n, int en)
{
    size_t len = strlen(buf);
    len += (size_t)snprintf(buf + len, size - len, "%s%s ", len ? ", " : "", label);
    for (int i = 0; i < n && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i == 0 ? "" : i + 1 == n ? (en ? " and " : " och ") : ", ",
                                names[i]);
}

/* What the filters other than the periods select, in words: "enhet
 * Vuxenenheten, indikator Sjukfrånvaro, kön K" ("unit ..."), or "alla
 * enheter och indikatorer" when none is given. */
static const char *names_words(const cli_opts *opt, char *buf, size_t size)
{
    int en = cli_lang() == IND_LANG_EN;
    buf[0] = '\0';
    if (opt->unit_count)
        add_list(buf, size, opt->unit_count == 1 ? (en ? "unit" : "enhet") : (en ? "units" : "enheterna"), opt->units,
                 opt->unit_count, en);
    if (opt->indicator_count)
        add_list(buf, size, opt->indicator_count == 1 ? (en ? "indicator" : "indikator") : (en ? "indicators" : "indikatorerna"),
                 opt->indicators, opt->indicator_count, en);
    if (opt->gender)
        add_list(buf, size, en ? "gender" : "kön", &opt->gender, 1, en);
    if (!buf[0])
        snprintf(buf, size, en ? "all units and indicators" : "alla enheter och indikatorer");
    return buf;
}

int cli_check_selection(const cli_opts *opt, const ind_dataset *ds)
{
    int first = 0, last = 0, any = 0;
    int gender_all = !opt->gender || !strcasecmp(opt->gender, "all") || !strcasecmp(opt->gender, "alla");
    for (size_t s = 0; s < ind_dataset_series_count(ds); s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (!cli_series_selected(opt, ds, se, gender_all))
            continue;
        for (size_t j = se->first; j < se->first + se->count; j++) {
            ind_period p = ind_dataset_period(ds, j);
            if (period_passes(opt, p))
                return 0;
            int y = ind_period_year(p);
            first = !any || y < first ? y : first;
            last = !any || y > last ? y : last;
            any = 1;
        }
    }
    char names[1200], periods[200], years[40];
    names_words(opt, names, sizeof names);
    if (!any)
        return cli_error(2, "no outcomes in the selection (%s): the data has none for that combination", names);
    if (first == last)
        snprintf(years, sizeof years, "%d", first);
    else
        snprintf(years, sizeof years, "%d\xE2\x80\x93%d", first, last);
    return cli_error(2, "no outcomes for %s in the selection (%s); the data has outcomes for %s",
                     period_words(opt, periods, sizeof periods), names, years);
}
