/* reference.h: a unit's series against a reference of the same data (a förvaltning's total, a municipality or Riket read from Kolada): its value beside each period, the difference and, where both have counts, a test of the two proportions. */
#ifndef IND_REFERENCE_H
#define IND_REFERENCE_H

#include <stddef.h>

#include "dataset.h"

/* A reference is a unit of the dataset like any other: the same indicator and
 * gender in another unit. Kolada data read into the dataset are units too
 * ("Riket", a municipality's name or code), and a catalogue entry's
 * kolada_kpi puts a Kolada KPI under the entry's own indicator. */

/* The reference's series for `series`: unit `reference` (spelled as the
 * dataset spells it), the same indicator and gender. -1 when the reference
 * has none, or is the series' own unit. */
long ind_ref_series(const ind_dataset *ds, size_t series, const char *reference);

/* The reference's observation with a value that stands beside period p: the
 * same period; failing that, beside a year-end period (T3 or December) the
 * reference's year, and beside a year the reference's T3 or December (a
 * yearly Kolada value is the year's outcome). -1 when there is none. */
long ind_ref_obs_at(const ind_dataset *ds, size_t ref_series, ind_period p);

/* One period of a series against its reference. Values are in the
 * indicator's unit (percent for shares); proportions are 0 to 1. */
typedef struct {
    long ref_series;       /* -1: the reference has no series of the indicator and gender */
    ind_period period;     /* the series' period compared */
    long ref_obs;          /* the reference's observation beside it (ind_ref_obs_at), -1 when none */
    ind_period ref_period; /* that observation's period; 0 when none */
    ind_period ref_latest; /* the reference's latest period with a value up to `period`; 0 when none */
    double latest;         /* the reference's value then; NaN when none */
    double value;          /* the series' value at the period; NaN when none */
    double reference;      /* the reference's value beside it; NaN when none */
    double difference;     /* value - reference; NaN unless both */
    /* where both have numerator and denominator: the two proportions by
       ind_inf_prop2_auto (R's rule: Fisher's exact test for small expected
       counts, else prop.test with Yates' correction) */
    const char *test;      /* R's name of the test; NULL when not tested */
    int exact;             /* 1 when Fisher's exact test ran */
    double statistic, p;   /* NaN when not tested (or nothing to test) */
    double x1, n1, x2, n2; /* the counts: series, reference */
    double p1, p2;         /* x1/n1, x2/n2 */
    double diff, ci_lo, ci_hi; /* p1 - p2 with Newcombe's interval at conf_level */
} ind_ref_result;

/* Series `series` at period p against the reference series ref_series (from
 * ind_ref_series; -1 gives a result that says so). The test treats the two
 * as independent samples: when the series' unit is part of the reference
 * (a unit in its förvaltning's total) the overlap pulls them together, so
 * the test is conservative (docs/methods.md). Nothing fails: what is absent
 * is NaN, 0 or -1. */
void ind_ref_compare(const ind_dataset *ds, size_t series, long ref_series, ind_period p, double conf_level,
                     ind_ref_result *out);

#endif
