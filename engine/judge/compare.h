/* compare.h: comparing units on one indicator and period: which differences are real, given each unit's base. */
#ifndef IND_COMPARE_H
#define IND_COMPARE_H

#include <stddef.h>

#include "attain.h"
#include "dataset.h"
#include "funnel.h"
#include "inference.h"

typedef enum {
    IND_CMP_AUTO = 0, /* counts -> prop/fisher + chisq + funnel; sd and n -> welch + anova; else kruskal */
    IND_CMP_PROP,     /* pairwise two-proportion tests (R prop.test, Yates) */
    IND_CMP_FISHER,   /* pairwise Fisher's exact tests */
    IND_CMP_CHISQ,    /* only the overall chi-square test */
    IND_CMP_WELCH,    /* pairwise Welch t tests from mean, sd, n */
    IND_CMP_ANOVA,    /* only Welch's one-way ANOVA */
    IND_CMP_KRUSKAL,  /* series values over periods: Kruskal-Wallis and Mann-Whitney */
    IND_CMP_FUNNEL    /* only the funnel placement */
} ind_cmp_method;

typedef enum {
    IND_CMP_DATA_COUNTS = 0, /* numerator and denominator */
    IND_CMP_DATA_MEANS,      /* value with sd and n */
    IND_CMP_DATA_SERIES      /* values only: the periods are the replicates */
} ind_cmp_data;

/* Pairwise tests by default up to this many tested units (k(k-1)/2 tests:
 * 1 225 at 50); beyond it each unit is tested against the rest pooled (and
 * placed in the funnel) only. */
#define IND_CMP_PAIR_UNITS 50

typedef struct {
    ind_cmp_method method;
    ind_inf_adjust adjust;  /* default Holm */
    double min_n;           /* units with a smaller base are listed, not tested (default 10) */
    double conf_level;      /* 0.95 */
    ind_period period;      /* 0: the latest period with data for the indicator */
    ind_period from, to;    /* series mode: the range of periods (0 = open) */
    ind_gender gender;
    const char *const *units; /* NULL: every unit */
    size_t unit_count;
    ind_lang lang;        /* language of the sentences and notes */
    ind_attain_policy policy;
    ind_funnel_od overdispersion; /* IND_FUNNEL_OD_AUTO (default) or _NONE: plain limits */
    size_t pair_units;    /* pairwise tests only when at most this many units are
                             tested (default IND_CMP_PAIR_UNITS; SIZE_MAX: always) */
} ind_cmp_options;

void ind_cmp_options_default(ind_cmp_options *o);

typedef struct {
    ind_str unit;
    long series;          /* series index, -1 when none */
    long obs;             /* observation at the period, -1 when none */
    double value;         /* outcome in the indicator's unit */
    double x, n, sd;      /* counts or summaries; NaN when absent */
    double estimate;      /* proportion x/n (0-1), mean, or median of the series values */
    double ci_lo, ci_hi;  /* Wilson (counts) or t interval (means); NaN for series */
    size_t values;        /* series mode: values used */
    int excluded;         /* listed but not tested */
    const char *excluded_why;
    /* this unit against all the other tested units pooled: counts as a pair
       (prop.test or Fisher), means by Welch's t against the pooled rest's mean
       and sd, series by Wilcoxon against the rest's values */
    const char *rest_test;
    const char *rest_method;  /* how p was found: "exact", "normal", "chisq", "t" */
    double rest_statistic, rest_p, rest_p_adjusted;
    int rest_side;            /* +1 above the rest, -1 below, 0 level (estimates; W for series) */
    /* funnel */
    int in_funnel;
    ind_funnel_unit funnel;
    int funnel_verdict;   /* +1 better than expected, -1 worse, 0 as expected (read through the direction) */
    ind_attainment target, kf_target;
    char sentence[400];
} ind_cmp_unit;

typedef struct {
    size_t a, b;          /* indexes into units */
    const char *test;     /* R's method name (coin's for an exact Wilcoxon test with ties) */
    const char *method;   /* how p was found: "exact", "normal", "chisq", "t" */
    double statistic, df, p, p_adjusted;
    double difference, ci_lo, ci_hi; /* a - b: proportions (Newcombe), means (Welch); for
                                        series the shift of a's values from b's (Hodges-Lehmann,
                                        R wilcox.test(conf.int = TRUE)) */
    int significant;      /* p_adjusted < 1 - conf_level */
    char sentence[400];
} ind_cmp_pair;

typedef struct {
    ind_cmp_data data;
    ind_cmp_method method;  /* the method asked for (auto stays auto: `data` says what ran) */
    const char *test;       /* the overall test's name */
    const char *test_method;/* how its p was found: "chisq", "F" */
    double statistic, df, df2, p;
    double pooled;          /* Σx/Σn (counts), weighted mean (means), median (series) */
    size_t tested, excluded;
    ind_period period;
    const ind_indicator *info;
    ind_str indicator;
    int have_funnel;
    ind_funnel_fit funnel;
    ind_cmp_unit *units;
    size_t unit_count;
    ind_cmp_pair *pairs;
    size_t pair_count;
    int pairs_left_out;     /* 1 when more units were tested than opt->pair_units */
    char sentence[400];
    char note[400];         /* e.g. "the years are the replicates" */
    char pairs_note[400];   /* why the pairwise tests were left out, when they were */
} ind_cmp_result;

/* Compares the units of a finished dataset on one indicator (name, alias or
 * id): an overall test, each unit against the rest, the funnel (counts) and,
 * up to opt->pair_units tested units, every pair. Errors (IND_EUSAGE) when
 * the indicator has no data, fewer than two units remain, or the method does
 * not fit the data. */
ind_status ind_compare(const ind_dataset *ds, const char *indicator, const ind_cmp_options *opt,
                       ind_cmp_result *res, ind_error *err);
void ind_cmp_result_free(ind_cmp_result *res);

const char *ind_cmp_method_code(ind_cmp_method m);
int ind_cmp_method_parse(const char *s, ind_cmp_method *out);
const char *ind_cmp_data_code(ind_cmp_data d);

#endif
