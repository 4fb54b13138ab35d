/* figures.h: the charts of the VB report: engine results turned into chart models and placed as report figures. */
#ifndef IND_CLI_FIGURES_H
#define IND_CLI_FIGURES_H

#include "cli.h"
#include "compare.h"
#include "report.h"

/* A trend chart of the unit's series (total, women, men) with årsmål lines. */
void cli_fig_trend(ind_report *r, const ind_dataset *ds, size_t series, const cli_opts *opt, int year);
/* The status overview of a unit: the total series whose indexes sit at
 * series_base, series_base + stride, ... (n of them). */
void cli_fig_status(ind_report *r, const ind_dataset *ds, const size_t *series_base, size_t n, size_t stride,
                    const cli_opts *opt, int year);
/* The comparison chart of one indicator across units, the unit highlighted. */
void cli_fig_compare(ind_report *r, const ind_dataset *ds, const ind_cmp_result *cr, const char *unit,
                     const cli_opts *opt);
/* The overview of all units on their shared indicators (--all-units). */
void cli_fig_overview(ind_report *r, const ind_dataset *ds, const char *const *units, size_t n, const cli_opts *opt,
                      int year, const ind_attain_policy *policy);

#endif
