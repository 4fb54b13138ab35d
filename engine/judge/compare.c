/* compare.c: which units and data a comparison takes, and what its results say (the tests are in compare_tests.c). */
#include "compare_internal.h"
#include "number.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void ind_cmp_options_default(ind_cmp_options *o)
{
    memset(o, 0, sizeof *o);
    o->method = IND_CMP_AUTO;
    o->adjust = IND_INF_ADJUST_HOLM;
    o->min_n = 10;
    o->conf_level = 0.95;
    o->gender = IND_GENDER_T;
    o->lang = IND_LANG_SV;
    o->overdispersion = IND_FUNNEL_OD_AUTO;
    o->pair_units = IND_CMP_PAIR_UNITS;
    ind_attain_policy_default(&o->policy);
}

const char *ind_cmp_method_code(ind_cmp_method m)
{
    static const char *const c[] = {"auto", "prop", "fisher", "chisq", "welch", "anova", "kruskal", "funnel"};
    return (unsigned)m < 8 ? c[m] : "auto";
}

int ind_cmp_method_parse(const char *s, ind_cmp_method *out)
{
    for (int m = 0; m < 8; m++)
        if (strcasecmp(s, ind_cmp_method_code((ind_cmp_method)m)) == 0) {
            *out = (ind_cmp_method)m;
            return 0;
        }
    return -1;
}

const char *ind_cmp_data_code(ind_cmp_data d)
{
    static const char *const c[] = {"counts", "means", "series"};
    return (unsigned)d < 3 ? c[d] : "series";
}

void ind_cmp_result_free(ind_cmp_result *res)
{
    free(res->units);
    free(res->pairs);
    memset(res, 0, sizeof *res);
}

/* "p = 0,003", "p < 0,001" */
static char *format_p(double p, int sv, char *buf, size_t size)
{
    char num[32];
    if (isnan(p))
        snprintf(buf, size, "p saknas");
    else if (p < 0.001)
        snprintf(buf, size, "p < %s", sv ? "0,001" : "0.001");
    else {
        int d = p < 0.01 ? 3 : 2;
        if (sv)
            ind_num_format_sv(p, d, 0, num, sizeof num);
        else
            ind_num_format_en(p, d, 0, num, sizeof num);
        snprintf(buf, size, "p = %s", num);
    }
    return buf;
}

/* The estimate as people read it: a proportion in percent for share indicators. */
static char *format_estimate(const ind_cmp_result *r, double v, int sv, char *buf, size_t size)
{
    int percent = r->data == IND_CMP_DATA_COUNTS;
    int dec = r->info ? r->info->decimals : 1;
    double shown = percent ? 100 * v : v;
    char num[40];
    if (sv)
        ind_num_format_sv(shown, percent && dec > 1 ? 1 : dec, 0, num, sizeof num);
    else
        ind_num_format_en(shown, percent && dec > 1 ? 1 : dec, 0, num, sizeof num);
    snprintf(buf, size, "%s%s", num,
             percent || (r->info && r->info->measure == IND_MEASURE_PERCENT) ? " %" : "");
    return buf;
}

/* ---- which series ----------------------------------------------------------- */

/* Whether a series' indicator is the one asked for: the catalogue entry when
 * there is one, else the name by its catalogue key. Each distinct name is
 * keyed once (a memo by open addressing), since a dataset holds many series
 * of each. */
typedef struct {
    const char *key;            /* the key of the name asked for */
    const ind_indicator *info;
    ind_str *id;                /* memo: name id + 1 (0 = empty slot) ... */
    unsigned char *hit;         /* ... and whether it matched */
    size_t cap, used;
} name_match;

static size_t memo_slot(const name_match *nm, ind_str name)
{
    size_t h = ((size_t)name * 2654435761u) & (nm->cap - 1);
    while (nm->id[h] && nm->id[h] != name + 1)
        h = (h + 1) & (nm->cap - 1);
    return h;
}

/* A memo of cap slots (a power of two), the old one's entries moved in. */
static ind_status memo_grow(name_match *nm, size_t cap)
{
    name_match old = *nm;
    nm->cap = cap;
    nm->id = calloc(cap, sizeof *nm->id);
    nm->hit = calloc(cap, 1);
    ind_status st = nm->id && nm->hit ? IND_OK : IND_ENOMEM;
    for (size_t i = 0; i < old.cap && st == IND_OK; i++)
        if (old.id[i]) {
            size_t h = memo_slot(nm, old.id[i] - 1);
            nm->id[h] = old.id[i];
            nm->hit[h] = old.hit[i];
        }
    free(old.id);
    free(old.hit);
    return st;
}

static int name_matches(const ind_dataset *ds, const ind_series *s, name_match *nm)
{
    if (nm->info)
        return s->info == nm->info;
    if (2 * (nm->used + 1) > nm->cap && memo_grow(nm, 4 * nm->cap) != IND_OK)
        return -1;
    size_t h = memo_slot(nm, s->indicator);
    if (!nm->id[h]) {
        char k[1024];
        const char *name = ind_dataset_str(ds, s->indicator);
        ind_catalog_key(name, strlen(name), k, sizeof k);
        nm->id[h] = s->indicator + 1;
        nm->hit[h] = strcmp(k, nm->key) == 0;
        nm->used++;
    }
    return nm->hit[h];
}

static int unit_wanted(const ind_dataset *ds, const ind_series *s, const ind_cmp_options *o)
{
    if (!o->units || !o->unit_count)
        return 1;
    for (size_t i = 0; i < o->unit_count; i++)
        if (strcmp(ind_dataset_str(ds, s->unit), o->units[i]) == 0)
            return 1;
    return 0;
}

/* The series of the indicator, the gender and the units asked for, one unit
 * each, into r->units (allocated to fit). */
static ind_status collect_units(const ind_dataset *ds, const char *indicator, const ind_cmp_options *o,
                                ind_cmp_result *r)
{
    size_t ns = ind_dataset_series_count(ds), found = 0;
    char key[1024];
    ind_catalog_key(indicator, strlen(indicator), key, sizeof key);
    name_match nm = {key, ind_catalog_lookup(ind_dataset_catalog(ds), indicator, strlen(indicator)), NULL, NULL,
                     0, 0};
    unsigned char *take = calloc(ns ? ns : 1, 1);
    ind_status st = take ? memo_grow(&nm, 256) : IND_ENOMEM;
    for (size_t s = 0; s < ns && st == IND_OK; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (se->gender != o->gender)
            continue;
        int hit = name_matches(ds, se, &nm);
        if (hit < 0)
            st = IND_ENOMEM;
        else if (hit && unit_wanted(ds, se, o)) {
            take[s] = 1;
            found++;
        }
    }
    if (st == IND_OK && !(r->units = calloc(found ? found : 1, sizeof *r->units)))
        st = IND_ENOMEM;
    for (size_t s = 0; s < ns && st == IND_OK; s++) {
        if (!take[s])
            continue;
        const ind_series *se = ind_dataset_series(ds, s);
        ind_cmp_unit *u = &r->units[r->unit_count++];
        u->unit = se->unit;
        u->series = (long)s;
        u->obs = -1;
        r->indicator = se->indicator;
        r->info = se->info;
    }
    free(take);
    free(nm.id);
    free(nm.hit);
    return st;
}

/* The latest period with a value among the units' series. */
static ind_period latest_period(const ind_dataset *ds, const ind_cmp_result *r)
{
    ind_period period = 0;
    for (size_t i = 0; i < r->unit_count; i++) {
        const ind_series *se = ind_dataset_series(ds, (size_t)r->units[i].series);
        for (size_t j = se->first + se->count; j-- > se->first;)
            if (!isnan(ind_dataset_value(ds, j))) {
                if (ind_dataset_period(ds, j) > period)
                    period = ind_dataset_period(ds, j);
                break; /* periods ascend within a series */
            }
    }
    return period;
}

/* ---- what the data are ----------------------------------------------------------- */

typedef struct {
    size_t counts, sd, value; /* units with numerator and denominator; value, sd and n; a value */
} data_seen;

/* Each unit's observation at the period (and its attainment), counting what the data hold. */
static data_seen read_observations(const ind_dataset *ds, const ind_cmp_options *o, ind_cmp_result *r)
{
    data_seen seen = {0, 0, 0};
    for (size_t i = 0; i < r->unit_count; i++) {
        ind_cmp_unit *u = &r->units[i];
        u->value = u->x = u->n = u->sd = u->estimate = u->ci_lo = u->ci_hi = NAN;
        u->rest_statistic = u->rest_p = u->rest_p_adjusted = NAN;
        u->obs = ind_dataset_find_obs(ds, (size_t)u->series, r->period);
        if (u->obs < 0) {
            u->target.verdict = u->kf_target.verdict = IND_VERDICT_NO_DATA;
            continue;
        }
        ind_obs ob;
        ind_dataset_get(ds, (size_t)u->obs, &ob);
        u->value = ob.value;
        u->x = ob.numerator;
        u->n = ob.denominator;
        u->sd = ob.sd;
        seen.counts += !isnan(u->x) && !isnan(u->n);
        seen.sd += !isnan(u->sd) && !isnan(u->n) && !isnan(u->value);
        seen.value += !isnan(u->value) || (!isnan(u->x) && !isnan(u->n));
        ind_attain_obs(ds, (size_t)u->obs, 0, &o->policy, o->lang, &u->target);
        ind_attain_obs(ds, (size_t)u->obs, 1, &o->policy, o->lang, &u->kf_target);
    }
    return seen;
}

/* Counts, means or series: by the method, or (auto) by what the data hold. */
static ind_status choose_data(ind_cmp_result *r, const ind_cmp_options *o, const char *indicator,
                              data_seen seen, ind_error *err)
{
    ind_cmp_method m = o->method;
    /* a period asked for that nobody has: say so rather than compare every year */
    if (m == IND_CMP_AUTO && o->period && seen.value == 0) {
        char per[32];
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "no data for the indicator \"%s\" in %s", indicator,
                             ind_period_format(o->period, per, sizeof per));
    }
    if (m == IND_CMP_AUTO)
        r->data = seen.counts >= 2 ? IND_CMP_DATA_COUNTS : seen.sd >= 2 ? IND_CMP_DATA_MEANS : IND_CMP_DATA_SERIES;
    else if (m == IND_CMP_PROP || m == IND_CMP_FISHER || m == IND_CMP_CHISQ || m == IND_CMP_FUNNEL)
        r->data = IND_CMP_DATA_COUNTS;
    else if (m == IND_CMP_WELCH || m == IND_CMP_ANOVA)
        r->data = IND_CMP_DATA_MEANS;
    else
        r->data = IND_CMP_DATA_SERIES;
    if (r->data == IND_CMP_DATA_COUNTS && seen.counts < 2)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "--method %s needs numerator and denominator for at least two units", ind_cmp_method_code(m));
    if (r->data == IND_CMP_DATA_MEANS && seen.sd < 2)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "--method %s needs value, sd and n for at least two units", ind_cmp_method_code(m));
    r->method = m;
    return IND_OK;
}

/* The values of a series within [from, to], into v (NULL: only counted). */
static size_t series_values(const ind_dataset *ds, const ind_series *se, const ind_cmp_options *o, double *v)
{
    size_t nv = 0;
    for (size_t j = se->first; j < se->first + se->count; j++) {
        double x = ind_dataset_value(ds, j);
        if (!isnan(x) && ind_period_within(ind_dataset_period(ds, j), o->from, o->to)) {
            if (v)
                v[nv] = x;
            nv++;
        }
    }
    return nv;
}

/* Series: the median of the unit's values; fewer than two are not tested. */
static ind_status series_estimate(const ind_dataset *ds, const ind_cmp_options *o, ind_cmp_unit *u)
{
    const ind_series *se = ind_dataset_series(ds, (size_t)u->series);
    size_t nv = series_values(ds, se, o, NULL);
    u->values = nv;
    if (nv) {
        double *v = malloc(nv * sizeof *v);
        if (!v)
            return IND_ENOMEM;
        series_values(ds, se, o, v);
        gsl_sort(v, 1, nv);
        u->estimate = gsl_stats_median_from_sorted_data(v, 1, nv);
        free(v);
    }
    if (nv < 2) {
        u->excluded = 1;
        u->excluded_why = o->lang == IND_LANG_SV ? "färre än två värden" : "fewer than two values";
    }
    return IND_OK;
}

/* Counts and means: the estimate and its interval (Wilson; t), and whether
 * the unit has the data and the base to be tested. */
static void unit_estimate(const ind_cmp_result *r, const ind_cmp_options *o, ind_cmp_unit *u)
{
    int have = r->data == IND_CMP_DATA_COUNTS ? !isnan(u->x) && !isnan(u->n)
                                              : !isnan(u->sd) && !isnan(u->n) && !isnan(u->value);
    if (!have) {
        u->excluded = 1;
        u->excluded_why = o->lang == IND_LANG_SV ? "uppgift saknas för perioden" : "no data for the period";
        return;
    }
    if (u->n < o->min_n) {
        u->excluded = 1;
        u->excluded_why = o->lang == IND_LANG_SV ? "n under minsta underlag" : "n below the smallest base";
    }
    if (r->data == IND_CMP_DATA_COUNTS) {
        ind_inf_result w;
        u->estimate = u->n > 0 ? u->x / u->n : NAN;
        if (u->n >= 1 && ind_inf_prop1(lround(u->x), lround(u->n), 0.5, IND_INF_WILSON, o->conf_level, &w) == IND_OK) {
            u->ci_lo = w.ci_lo;
            u->ci_hi = w.ci_hi;
        }
    } else {
        u->estimate = u->value;
        if (u->n >= 2) {
            double h = gsl_cdf_tdist_Pinv(1 - (1 - o->conf_level) / 2, u->n - 1) * u->sd / sqrt(u->n);
            u->ci_lo = u->value - h;
            u->ci_hi = u->value + h;
        }
    }
}

/* ---- the tested units' data ------------------------------------------------------ */

static void tested_free(cmp_tested *t)
{
    free(t->idx);
    free(t->x);
    free(t->n);
    free(t->mean);
    free(t->sd);
    free(t->size);
    free(t->all);
    free(t->group);
    free(t->start);
    memset(t, 0, sizeof *t);
}

/* Gathers what the tests of r->data read from the units not excluded. */
static ind_status tested_gather(const ind_dataset *ds, const ind_cmp_result *r, const ind_cmp_options *o,
                                cmp_tested *t)
{
    size_t k = r->unit_count ? r->unit_count : 1;
    memset(t, 0, sizeof *t);
    t->idx = malloc(k * sizeof *t->idx);
    t->x = malloc(k * sizeof *t->x);
    t->n = malloc(k * sizeof *t->n);
    t->mean = malloc(k * sizeof *t->mean);
    t->sd = malloc(k * sizeof *t->sd);
    t->size = malloc(k * sizeof *t->size);
    t->start = malloc((k + 1) * sizeof *t->start);
    for (size_t i = 0; i < r->unit_count; i++)
        if (!r->units[i].excluded && r->data == IND_CMP_DATA_SERIES)
            t->total += r->units[i].values;
    t->all = malloc((t->total ? t->total : 1) * sizeof *t->all);
    t->group = malloc((t->total ? t->total : 1) * sizeof *t->group);
    if (!t->idx || !t->x || !t->n || !t->mean || !t->sd || !t->size || !t->start || !t->all || !t->group)
        return IND_ENOMEM;
    size_t at = 0;
    for (size_t i = 0; i < r->unit_count; i++) {
        const ind_cmp_unit *u = &r->units[i];
        if (u->excluded)
            continue;
        size_t j = t->m++;
        t->idx[j] = i;
        t->start[j] = at;
        if (r->data == IND_CMP_DATA_COUNTS) {
            t->x[j] = lround(u->x);
            t->n[j] = lround(u->n);
        } else if (r->data == IND_CMP_DATA_MEANS) {
            t->mean[j] = u->value;
            t->sd[j] = u->sd;
            t->size[j] = (size_t)lround(u->n);
        } else {
            series_values(ds, ind_dataset_series(ds, (size_t)u->series), o, t->all + at);
            for (size_t v = 0; v < u->values; v++)
                t->group[at + v] = (int)j;
            at += u->values;
        }
    }
    t->start[t->m] = at;
    return IND_OK;
}

/* ---- sentences ----------------------------------------------------------------- */

static void pair_sentence(const ind_cmp_result *r, const ind_dataset *ds, const ind_cmp_options *o, ind_cmp_pair *pr)
{
    int sv = o->lang == IND_LANG_SV;
    char p[48], a[48], b[48];
    const char *what = r->data == IND_CMP_DATA_COUNTS ? (sv ? "andel" : "share")
                       : r->data == IND_CMP_DATA_MEANS ? (sv ? "medelvärde" : "mean")
                                                       : (sv ? "nivå" : "level");
    const ind_cmp_unit *ua = &r->units[pr->a], *ub = &r->units[pr->b];
    pr->significant = !isnan(pr->p_adjusted) && pr->p_adjusted < 1 - o->conf_level;
    format_p(o->adjust == IND_INF_ADJUST_NONE ? pr->p : pr->p_adjusted, sv, p, sizeof p);
    format_estimate(r, ua->estimate, sv, a, sizeof a);
    format_estimate(r, ub->estimate, sv, b, sizeof b);
    const char *adj = o->adjust == IND_INF_ADJUST_NONE ? "" : sv ? "justerat " : "adjusted ";
    if (pr->significant) {
        int higher = ua->estimate > ub->estimate;
        snprintf(pr->sentence, sizeof pr->sentence,
                 sv ? "%s har en signifikant %s %s än %s, %s mot %s (%s%s)."
                    : "%s has a significantly %s %s than %s, %s against %s (%s%s).",
                 ind_dataset_str(ds, ua->unit), higher ? (sv ? "högre" : "higher") : (sv ? "lägre" : "lower"),
                 what, ind_dataset_str(ds, ub->unit), a, b, adj, p);
    } else {
        snprintf(pr->sentence, sizeof pr->sentence,
                 sv ? "Ingen säker skillnad mellan %s och %s, %s mot %s (%s%s)."
                    : "No clear difference between %s and %s, %s against %s (%s%s).",
                 ind_dataset_str(ds, ua->unit), ind_dataset_str(ds, ub->unit), a, b, adj, p);
    }
}

/* "..., inom det förväntade": the unit's place in the funnel. */
static void funnel_clause(const ind_cmp_unit *u, int sv, char *buf, size_t size)
{
    const char *where;
    if (u->funnel.cls == IND_FUNNEL_WITHIN)
        where = sv ? "inom det förväntade" : "within what is expected";
    else if (u->funnel_verdict > 0)
        where = sv ? "bättre än förväntat" : "better than expected";
    else if (u->funnel_verdict < 0)
        where = sv ? "sämre än förväntat" : "worse than expected";
    else
        where = u->funnel.cls > 0 ? (sv ? "högre än förväntat" : "higher than expected")
                                  : (sv ? "lägre än förväntat" : "lower than expected");
    const char *limit = abs((int)u->funnel.cls) == 2 ? (sv ? " (utanför 99,8 %-gränsen)" : " (outside the 99.8 % limit)")
                        : u->funnel.cls != 0 ? (sv ? " (utanför 95 %-gränsen)" : " (outside the 95 % limit)") : "";
    snprintf(buf, size, "%s%s", where, limit);
}

static void unit_sentence(const ind_cmp_result *r, const ind_dataset *ds, const ind_cmp_options *o, ind_cmp_unit *u)
{
    int sv = o->lang == IND_LANG_SV;
    char a[48], where[120];
    const char *name = ind_dataset_str(ds, u->unit);
    format_estimate(r, u->estimate, sv, a, sizeof a);
    size_t l;
    if (u->excluded) {
        snprintf(u->sentence, sizeof u->sentence, sv ? "%s: ingår inte i testerna (%s)." : "%s: not tested (%s).", name,
                 u->excluded_why);
        return;
    }
    if (u->in_funnel) {
        funnel_clause(u, sv, where, sizeof where);
        snprintf(u->sentence, sizeof u->sentence, "%s: %s (n = %.0f), %s.", name, a, u->n, where);
        return;
    }
    if (r->data == IND_CMP_DATA_SERIES)
        l = (size_t)snprintf(u->sentence, sizeof u->sentence,
                             sv ? "%s: median %s över %zu perioder" : "%s: median %s over %zu periods", name, a, u->values);
    else if (!isnan(u->n))
        l = (size_t)snprintf(u->sentence, sizeof u->sentence, "%s: %s (n = %.0f)", name, a, u->n);
    else
        l = (size_t)snprintf(u->sentence, sizeof u->sentence, "%s: %s", name, a);
    /* against the rest, when that says more than the pair would (three or more units) */
    if (r->tested >= 3 && u->rest_side && !isnan(u->rest_p_adjusted) && u->rest_p_adjusted < 1 - o->conf_level &&
        l < sizeof u->sentence) {
        char p[48];
        format_p(o->adjust == IND_INF_ADJUST_NONE ? u->rest_p : u->rest_p_adjusted, sv, p, sizeof p);
        l += (size_t)snprintf(u->sentence + l, sizeof u->sentence - l,
                              sv ? ", signifikant %s än övriga enheter sammantaget (%s%s)"
                                 : ", significantly %s than the other units taken together (%s%s)",
                              u->rest_side > 0 ? (sv ? "högre" : "higher") : (sv ? "lägre" : "lower"),
                              o->adjust == IND_INF_ADJUST_NONE ? "" : sv ? "justerat " : "adjusted ", p);
    }
    if (l + 1 < sizeof u->sentence)
        strcat(u->sentence, ".");
}

static void overall_sentence(ind_cmp_result *r, const ind_cmp_options *o)
{
    if (!r->test)
        return;
    int sv = o->lang == IND_LANG_SV;
    /* the test's name in the sentence's language (R's names stay in the test column) */
    static const struct {
        const char *r, *sv, *en;
    } names[] = {{"Pearson's Chi-squared test", "Pearsons chi-två-test", "Pearson's chi-squared test"},
                 {"One-way analysis of means (not assuming equal variances)", "Welchs envägs-ANOVA", "Welch's one-way ANOVA"},
                 {"Kruskal-Wallis rank sum test", "Kruskal-Wallis test", "Kruskal-Wallis test"}};
    const char *test = r->test;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (!strcmp(r->test, names[k].r))
            test = sv ? names[k].sv : names[k].en;
    char stat[48], p[48];
    format_p(r->p, sv, p, sizeof p);
    if (sv)
        ind_num_format_sv(r->statistic, 2, 0, stat, sizeof stat);
    else
        ind_num_format_en(r->statistic, 2, 0, stat, sizeof stat);
    int sig = !isnan(r->p) && r->p < 1 - o->conf_level;
    snprintf(r->sentence, sizeof r->sentence,
             sv ? (sig ? "Skillnaderna mellan de %zu testade enheterna är statistiskt säkerställda (%s: %s, %s)."
                       : "Inga statistiskt säkerställda skillnader mellan de %zu testade enheterna (%s: %s, %s).")
                : (sig ? "The differences between the %zu units tested are statistically significant (%s: %s, %s)."
                       : "No statistically significant differences between the %zu units tested (%s: %s, %s)."),
             r->tested, test, stat, p);
}

/* The notes: the years as replicates (series); why pairwise tests were left out. */
static void write_notes(ind_cmp_result *r, const ind_cmp_options *o)
{
    int sv = o->lang == IND_LANG_SV;
    if (r->data == IND_CMP_DATA_SERIES)
        snprintf(r->note, sizeof r->note, "%s",
                 sv ? "Enheterna jämförs över perioderna: åren är upprepningarna, så jämförelsen gäller nivån över tid, inte ett enskilt år."
                    : "Units are compared over the periods: the years are the replicates, so the comparison is of the level over time, not of one year.");
    if (!r->pairs_left_out)
        return;
    char k[32], lim[32], np[32];
    double pairs = (double)r->tested * ((double)r->tested - 1) / 2;
    char *(*fmt)(double, int, unsigned, char *, size_t) = sv ? ind_num_format_sv : ind_num_format_en;
    fmt((double)r->tested, 0, 0, k, sizeof k);
    fmt((double)o->pair_units, 0, 0, lim, sizeof lim);
    fmt(pairs, 0, 0, np, sizeof np);
    snprintf(r->pairs_note, sizeof r->pairs_note,
             sv ? "Parvisa tester görs för högst %s testade enheter; här är de %s (%s par, för många att läsa och att justera "
                  "för utan att varje skillnad försvinner). Varje enhet jämförs i stället med övriga enheter sammantaget%s."
                : "Pairwise tests are made for at most %s units tested; here there are %s (%s pairs, too many to read and to "
                  "adjust for without every difference vanishing). Each unit is compared with the other units taken together instead%s.",
             lim, k, np, r->have_funnel ? (sv ? " och placeras i tratten" : " and placed in the funnel") : "");
}

/* ---- the entry point ---------------------------------------------------------------- */

static ind_status run_tests(const ind_dataset *ds, const ind_cmp_options *o, ind_cmp_result *r)
{
    cmp_tested t;
    ind_status st = tested_gather(ds, r, o, &t);
    r->tested = t.m;
    if (st == IND_OK)
        st = r->data == IND_CMP_DATA_COUNTS  ? cmp_counts_tests(r, &t, o)
             : r->data == IND_CMP_DATA_MEANS ? cmp_means_tests(r, &t, o)
                                             : cmp_series_tests(r, &t, o);
    tested_free(&t);
    return st;
}

ind_status ind_compare(const ind_dataset *ds, const char *indicator, const ind_cmp_options *o,
                       ind_cmp_result *r, ind_error *err)
{
    memset(r, 0, sizeof *r);
    r->statistic = r->df = r->df2 = r->p = r->pooled = NAN;
    if (collect_units(ds, indicator, o, r) != IND_OK)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    if (r->unit_count == 0)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "no data for the indicator \"%s\"%s", indicator,
                             o->gender != IND_GENDER_T ? " and that gender" : "");
    /* one unit: say so, before the choice of data kind (which needs two) hides it */
    if (r->unit_count < 2)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "only 1 unit(s) with enough data for \"%s\": a comparison needs two", indicator);
    r->period = o->period ? o->period : latest_period(ds, r);
    data_seen seen = read_observations(ds, o, r);
    ind_status st = choose_data(r, o, indicator, seen, err);
    if (st != IND_OK)
        return st;
    for (size_t i = 0; i < r->unit_count && st == IND_OK; i++) {
        if (r->data == IND_CMP_DATA_SERIES)
            st = series_estimate(ds, o, &r->units[i]);
        else
            unit_estimate(r, o, &r->units[i]);
        r->excluded += r->units[i].excluded;
    }
    if (st != IND_OK)
        return ind_error_set(err, st, NULL, 0, 0, "out of memory");
    if (r->unit_count - r->excluded < 2)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "only %zu unit(s) with enough data for \"%s\": a comparison needs two",
                             r->unit_count - r->excluded, indicator);
    if (run_tests(ds, o, r) != IND_OK)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < r->pair_count; i++)
        pair_sentence(r, ds, o, &r->pairs[i]);
    for (size_t i = 0; i < r->unit_count; i++)
        unit_sentence(r, ds, o, &r->units[i]);
    overall_sentence(r, o);
    write_notes(r, o);
    return IND_OK;
}
