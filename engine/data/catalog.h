/* catalog.h: the indicator catalogue: names, aliases, measure, direction, periodicity. */
#ifndef IND_CATALOG_H
#define IND_CATALOG_H

#include <stddef.h>

#include "ind_error.h"
#include "period.h"

typedef enum {
    IND_MEASURE_PERCENT = 0, /* a share 0-100, written in percent */
    IND_MEASURE_COUNT,
    IND_MEASURE_INDEX,
    IND_MEASURE_RATIO,
    IND_MEASURE_CURRENCY,
    IND_MEASURE_DAYS,
    IND_MEASURE_NUMBER
} ind_measure;

typedef enum {
    IND_DIR_UNKNOWN = 0, /* not in the catalogue: never guessed */
    IND_DIR_HIGHER,      /* higher is better */
    IND_DIR_LOWER,       /* lower is better */
    IND_DIR_BAND,        /* two-sided: close to the target is best */
    IND_DIR_NEUTRAL      /* no better or worse (context figures) */
} ind_direction;

typedef enum {
    IND_KF_SCOPE_UNIT = 0, /* KF:s årsmål applies to each unit */
    IND_KF_SCOPE_CITY      /* a city-wide total: never used to judge a unit */
} ind_kf_scope;

typedef struct {
    char *id;
    char *name;
    char **alias;
    size_t alias_count;
    ind_measure measure;
    ind_direction direction;
    ind_period_kind periodicity;
    int by_gender;
    int decimals;
    ind_kf_scope kf_scope;
    double tolerance;       /* NaN: the global default */
    int tolerance_relative; /* 1: tolerance is a fraction of the target */
    char *kolada_kpi;       /* the Kolada KPI id that measures the same (N15419), or NULL; a
                               name the entry is found by, so Kolada data of that KPI are
                               read in as this indicator */
    long line;              /* where it was defined */
} ind_indicator;

typedef struct ind_catalog ind_catalog;

ind_catalog *ind_catalog_new(void);
void ind_catalog_free(ind_catalog *cat);

/* Reads a catalogue CSV (see docs/formats.md); may be called more than once
 * to merge catalogues, later definitions of an id replacing earlier ones. */
ind_status ind_catalog_load_file(ind_catalog *cat, const char *path, ind_error *err);
ind_status ind_catalog_load_buffer(ind_catalog *cat, const char *name, const char *data,
                                   size_t size, ind_error *err);
/* Adds an indicator (deep-copied), e.g. from Kolada metadata. */
ind_status ind_catalog_add(ind_catalog *cat, const ind_indicator *ind, ind_error *err);

/* Finds an indicator by id, name or alias, after normalising both sides
 * (see ind_catalog_key). NULL when unknown. */
const ind_indicator *ind_catalog_lookup(const ind_catalog *cat, const char *name, size_t len);
size_t ind_catalog_count(const ind_catalog *cat);
const ind_indicator *ind_catalog_at(const ind_catalog *cat, size_t i);

/* The matching key of a name: ind_text_fold with IND_TEXT_KEY (lower case,
 * Å Ä Ö É too; blanks and no-break spaces collapsed; dashes unified; trailing
 * punctuation and footnote marks dropped), and "andelen" read as "andel".
 * Returns the key's length. */
size_t ind_catalog_key(const char *name, size_t len, char *out, size_t size);

const char *ind_measure_code(ind_measure m);
const char *ind_direction_code(ind_direction d);
int ind_measure_parse(const char *s, ind_measure *out);
int ind_direction_parse(const char *s, ind_direction *out);

#endif
