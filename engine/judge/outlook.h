/* outlook.h: a dataset series over time: its trend, the gap between women and men, and the forecast against årsmål. */
#ifndef IND_OUTLOOK_H
#define IND_OUTLOOK_H

#include <stddef.h>

#include "dataset.h"
#include "inference.h"
#include "trend.h"

/* The points of a series used for trends: the periods of its main kind (years;
 * or tertials when it has no yearly values; or months), inside [from, to]
 * (0 = open), with a value. Times are real time (ind_period_time). */
typedef struct {
    size_t n;          /* points used */
    size_t skipped;    /* periods of that kind in range without a value */
    ind_period_kind kind;
    double *t, *y;     /* n times and values (owned) */
    ind_period *period;
} ind_outlook_points;

ind_status ind_outlook_points_get(const ind_dataset *ds, size_t series, ind_period from, ind_period to,
                                  ind_outlook_points *pts, ind_error *err);
void ind_outlook_points_free(ind_outlook_points *pts);

typedef struct {
    ind_outlook_points pts;
    ind_period first, last;
    double first_value, last_value;
    double change, change_relative; /* last - first; ÷ |first| */
    int have_trend;                 /* at least two points */
    ind_trend_result trend;
    ind_trend_verdict verdict;
    char sentence[400];
} ind_outlook_trend;

/* Trend statistics of one series and a sentence ("Sjukfrånvaro försämras: Sen's
 * lutning +0,4 procentenheter per år (p = 0,01)"). */
ind_status ind_outlook_trend_of(const ind_dataset *ds, size_t series, ind_period from, ind_period to,
                                double alpha, ind_lang lang, ind_outlook_trend *out, ind_error *err);
void ind_outlook_trend_free(ind_outlook_trend *out);

typedef enum {
    IND_GAP_TOO_FEW = 0, /* fewer points than a trend needs */
    IND_GAP_STABLE,      /* no significant trend in K - M */
    IND_GAP_WIDENING,    /* |K - M| grows */
    IND_GAP_NARROWING    /* |K - M| shrinks */
} ind_gap_verdict;

typedef struct {
    int have;              /* the unit has both K and M series */
    long series_k, series_m;
    size_t n;              /* periods with both values */
    ind_period *period;
    double *t, *gap;       /* K - M per period (owned) */
    ind_period last;
    double last_gap, last_k, last_m;
    int have_trend;
    ind_trend_result trend;
    ind_gap_verdict verdict;
    /* test of the latest period's gap, where counts exist */
    const char *test;      /* R's method name, NULL when no counts */
    double statistic, p, diff, ci_lo, ci_hi; /* diff = pK - pM (0-1), Newcombe CI */
    char sentence[400];
} ind_outlook_gap;

/* The gap between women and men of one unit and indicator (the series of
 * `series`'s unit and indicator with gender K and M). */
ind_status ind_outlook_gap_of(const ind_dataset *ds, size_t series, ind_period from, ind_period to,
                              double alpha, ind_lang lang, ind_outlook_gap *out, ind_error *err);
void ind_outlook_gap_free(ind_outlook_gap *out);

typedef struct {
    int have;              /* an årsmål after the last outcome, and a fit */
    ind_period period;     /* the target's period */
    ind_target rule;
    double target;
    double yhat, pi_lo, pi_hi; /* OLS projection and (1 - alpha) prediction interval */
    int likely;            /* +1 the target is likely met, -1 likely not, 0 uncertain */
    char sentence[400];
} ind_outlook_forecast;

/* Projects the series to the first later period with a numeric årsmål
 * (number, max or min) and says whether the target lies beyond the
 * prediction interval on the good side (likely met), on the bad side
 * (likely not) or inside it (uncertain). */
ind_status ind_outlook_forecast_of(const ind_dataset *ds, size_t series, double alpha, ind_lang lang,
                                   ind_outlook_forecast *out, ind_error *err);

/* The same as seen at the end of period `to` (0 = all data): only outcomes up to
 * `to` are fitted, and the target is the first numeric årsmål after the last of them
 * (a VB for 2025 forecasts 2026 from outcomes up to 2025, whatever the data holds since). */
ind_status ind_outlook_forecast_until(const ind_dataset *ds, size_t series, ind_period to, double alpha, ind_lang lang,
                                      ind_outlook_forecast *out, ind_error *err);

const char *ind_gap_verdict_code(ind_gap_verdict v);
const char *ind_trend_verdict_label_sv(ind_trend_verdict v); /* "förbättras", ... */

#endif
