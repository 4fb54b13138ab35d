/* chartmodel.h: chart models built from the dataset and the engine's results, owning their arrays. */
#ifndef IND_CLI_CHARTMODEL_H
#define IND_CLI_CHARTMODEL_H

#include "charts.h"
#include "cli.h"
#include "compare.h"
#include "spc.h"

/* Each builder returns a heap object whose first member is the model the
 * charts library draws; free it with the matching _free (usable as a
 * report figure's free_ctx). Strings point into the dataset, which must
 * outlive the model. */

typedef struct cli_trend_model cli_trend_model;
/* The trend chart of the unit × indicator of `series` (any gender): totals,
 * women and men, årsmål and KF:s årsmål per period, n for proportions, notes;
 * periods from `from` to `to` by time (0 = open); with trendline != 0 Sen's
 * line through the total and the OLS band. */
cli_trend_model *cli_trend_model_new(const ind_dataset *ds, size_t series, ind_period from, ind_period to,
                                     int trendline, int zoom, double alpha);
const ind_chart_trend *cli_trend_model_chart(const cli_trend_model *m);
void cli_trend_model_free(void *m);

typedef struct cli_status_model cli_status_model;
/* The status overview of a unit for a year: every total series with an outcome. */
cli_status_model *cli_status_model_new(const ind_dataset *ds, const char *unit, int year,
                                       const ind_attain_policy *policy, double alpha, ind_lang lang);
const ind_chart_status *cli_status_model_chart(const cli_status_model *m);
size_t cli_status_model_rows(const cli_status_model *m);
void cli_status_model_free(void *m);

typedef struct cli_compare_model cli_compare_model;
/* The comparison dot plot of a compare result, `unit` highlighted (may be NULL). */
cli_compare_model *cli_compare_model_new(const ind_dataset *ds, const ind_cmp_result *r, const char *unit);
const ind_chart_compare *cli_compare_model_chart(const cli_compare_model *m);
void cli_compare_model_free(void *m);

typedef struct cli_funnel_model cli_funnel_model;
/* The funnel plot of a compare result on counts (NULL when it has no funnel). */
cli_funnel_model *cli_funnel_model_new(const ind_dataset *ds, const ind_cmp_result *r, const char *unit);
const ind_chart_funnel *cli_funnel_model_chart(const cli_funnel_model *m);
void cli_funnel_model_free(void *m);

typedef struct cli_multiples_model cli_multiples_model;
/* Small multiples: every indicator of a unit (indicator == NULL), or one
 * indicator across units (unit == NULL), over the periods from `from` to `to`
 * (0 = open); verdicts for the year. */
cli_multiples_model *cli_multiples_model_new(const ind_dataset *ds, const char *unit, const char *indicator,
                                             ind_period from, ind_period to, int year,
                                             const ind_attain_policy *policy);
const ind_chart_multiples *cli_multiples_model_chart(const cli_multiples_model *m);
void cli_multiples_model_free(void *m);

typedef struct cli_spc_model cli_spc_model;
/* The chart of an SPC result over the given periods; scale multiplies values (100 for p charts of shares). */
cli_spc_model *cli_spc_model_new(const ind_dataset *ds, size_t series, const ind_period *periods,
                                 const ind_spc_chart *chart, double scale, double target, ind_lang lang);
const ind_chart_spc *cli_spc_model_chart(const cli_spc_model *m);
void cli_spc_model_free(void *m);

#endif
