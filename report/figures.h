/* figures.h: chart models built from the dataset and the engine's results, owning their arrays. */
#ifndef IND_FIGURES_H
#define IND_FIGURES_H

#include "charts.h"
#include "dataset.h"
#include "attain.h"
#include "compare.h"
#include "spc.h"
#include "opts.h"

/* Each builder returns a heap object whose first member is the model the
 * charts library draws; free it with the matching _free (usable as a
 * document figure's free function, with the object as owner and the model
 * from _chart). Strings point into the dataset, which must
 * outlive the model. */

typedef struct ind_fig_trend ind_fig_trend;
/* The trend chart of the unit × indicator of `series` (any gender): totals,
 * women and men, årsmål and KF:s årsmål per period, n for proportions, notes;
 * periods from `from` to `to` by time (0 = open); with trendline != 0 Sen's
 * line through the total and the OLS band; its label and the notes' words in lang. */
ind_fig_trend *ind_fig_trend_new(const ind_dataset *ds, size_t series, ind_period from, ind_period to,
                                     int trendline, int zoom, double alpha, ind_lang lang);
/* Adds reference `reference` (a unit of ds, spelled as ds spells it) to the
 * chart (ds is the dataset the model was made from): the
 * reference's values beside the chart's periods (ind_ref_obs_at), "NAME
 * (referens)" in the legend, and in the alt text the sentence of
 * ind_say_reference at the total's latest outcome. Returns 1 when drawn; 0
 * when the reference has no value beside any of the chart's periods (nothing
 * is added), or the chart has its most references already. */
int ind_fig_trend_reference(ind_fig_trend *m, const ind_dataset *ds, const char *reference, double alpha,
                            ind_lang lang);
const ind_chart_trend *ind_fig_trend_chart(const ind_fig_trend *m);
void ind_fig_trend_free(void *m);

typedef struct ind_fig_status ind_fig_status;
/* The status overview of a unit for a year: every total series with an
 * outcome (that passes the unit and indicator selection of filter, when not NULL). */
ind_fig_status *ind_fig_status_new(const ind_dataset *ds, const char *unit, int year, const ind_opts *filter,
                                   const ind_attain_policy *policy, double alpha, ind_lang lang);
const ind_chart_status *ind_fig_status_chart(const ind_fig_status *m);
size_t ind_fig_status_rows(const ind_fig_status *m);
void ind_fig_status_free(void *m);

typedef struct ind_fig_compare ind_fig_compare;
/* The comparison dot plot of a compare result, `unit` highlighted (may be NULL). */
ind_fig_compare *ind_fig_compare_new(const ind_dataset *ds, const ind_cmp_result *r, const char *unit);
const ind_chart_compare *ind_fig_compare_chart(const ind_fig_compare *m);
void ind_fig_compare_free(void *m);

typedef struct ind_fig_funnel ind_fig_funnel;
/* The funnel plot of a compare result on counts (NULL when it has no funnel). */
ind_fig_funnel *ind_fig_funnel_new(const ind_dataset *ds, const ind_cmp_result *r, const char *unit);
const ind_chart_funnel *ind_fig_funnel_chart(const ind_fig_funnel *m);
void ind_fig_funnel_free(void *m);

typedef struct ind_fig_multiples ind_fig_multiples;
/* Small multiples: every indicator of a unit (indicator == NULL), or one
 * indicator across units (unit == NULL), over the periods from `from` to `to`
 * (0 = open); verdicts for the year. */
ind_fig_multiples *ind_fig_multiples_new(const ind_dataset *ds, const char *unit, const char *indicator,
                                             ind_period from, ind_period to, int year,
                                             const ind_attain_policy *policy);
/* Draws reference `reference` in every panel (its values beside each
 * panel's periods), named in the legend. Returns how many panels got values. */
size_t ind_fig_multiples_reference(ind_fig_multiples *m, const ind_dataset *ds, const char *reference, ind_lang lang);
const ind_chart_multiples *ind_fig_multiples_chart(const ind_fig_multiples *m);
void ind_fig_multiples_free(void *m);

typedef struct ind_fig_spc ind_fig_spc;
/* The chart of an SPC result over the given periods; scale multiplies values (100 for p charts of shares). */
ind_fig_spc *ind_fig_spc_new(const ind_dataset *ds, size_t series, const ind_period *periods,
                                 const ind_spc_chart *chart, double scale, double target, ind_lang lang);
const ind_chart_spc *ind_fig_spc_chart(const ind_fig_spc *m);
void ind_fig_spc_free(void *m);

/* An SPC rule in words: "Anhøj: ovanligt lång serie". */
const char *ind_fig_spc_rule_label(ind_spc_rule rule, ind_lang lang);

#endif
