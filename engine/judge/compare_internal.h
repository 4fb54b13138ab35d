/* compare_internal.h: what compare.c hands the tests in compare_tests.c: the tested units' data. */
#ifndef IND_COMPARE_INTERNAL_H
#define IND_COMPARE_INTERNAL_H

#include "compare.h"

/* The tested (not excluded) units in the result's order, with what their
 * tests read: counts, summaries or, for series, each unit's values. */
typedef struct {
    size_t m;            /* tested units */
    size_t *idx;         /* their indexes into the result's units */
    long *x, *n;         /* counts: events and base */
    double *mean, *sd;   /* means: value and sd ... */
    size_t *size;        /* ... and n */
    double *all;         /* series: unit j's values are all[start[j] .. start[j + 1]) */
    int *group;          /* series: the unit (0..m-1) of each value */
    size_t *start;
    size_t total;        /* series: values in all */
} cmp_tested;

/* The tests of each kind of data: the overall test, each unit against the
 * rest (adjusted), the funnel (counts) and, up to o->pair_units tested
 * units, every pair (adjusted). IND_ENOMEM, or IND_OK. */
ind_status cmp_counts_tests(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o);
ind_status cmp_means_tests(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o);
ind_status cmp_series_tests(ind_cmp_result *r, const cmp_tested *t, const ind_cmp_options *o);

#endif
