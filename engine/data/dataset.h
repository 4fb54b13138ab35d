/* dataset.h: the data model: observations keyed by unit, indicator, period and gender, indexed by series. */
#ifndef IND_DATASET_H
#define IND_DATASET_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "ind_error.h"
#include "period.h"
#include "strtab.h"
#include "target.h"

typedef enum {
    IND_MISSING_NONE = 0,       /* the value is present */
    IND_MISSING_UNREPORTED,     /* empty, no reason given */
    IND_MISSING_DROPOUT,        /* Kolada "-": bortfall */
    IND_MISSING_NOT_APPLICABLE, /* Kolada ".": ej tillämplig */
    IND_MISSING_CONFIDENTIAL    /* Kolada "..": sekretess, too small a group */
} ind_missing;
#define IND_MISSING_COUNT 5

/* One observation as the analyses see it (a copy assembled from the columns). */
typedef struct {
    uint32_t series;
    ind_period period;
    double value;       /* NaN when missing */
    double numerator;   /* NaN when absent */
    double denominator; /* NaN when absent; also n for survey shares */
    double sd;          /* NaN when absent */
    ind_str target;     /* årsmål as written (0 = none) */
    ind_str kf_target;  /* KF:s årsmål as written */
    ind_missing missing;
    ind_str goal;
    ind_str note;
    ind_str source;     /* where the row came from originally ("file:line"), 0 = where it was read */
    ind_str file;       /* the file it was read from */
    uint32_t line;      /* ... and the line */
} ind_obs;

/* A series: one unit × indicator × gender, its observations contiguous and in
 * period order: observations first .. first+count-1. */
typedef struct {
    ind_str unit;
    ind_str indicator;            /* the catalogue's name when known, else as written */
    ind_gender gender;
    const ind_indicator *info;    /* catalogue entry, NULL when unknown */
    size_t first, count;
} ind_series;

/* A message about the data that is not fatal, in English and in Swedish
 * (the catalogue's, messages.h; the English when it has none). */
typedef struct {
    ind_str file;
    long line, column;
    char *message;
    char *message_sv;
} ind_warning;

typedef struct ind_dataset ind_dataset;

/* --- building ------------------------------------------------------------ */
/* The catalogue is borrowed and must outlive the dataset; it may be NULL. */
ind_dataset *ind_dataset_new(const ind_catalog *cat);
void ind_dataset_free(ind_dataset *ds);
ind_strtab *ind_dataset_strings(ind_dataset *ds);
const ind_catalog *ind_dataset_catalog(const ind_dataset *ds);

/* Adds one observation (before ind_dataset_finish). unit and indicator are
 * raw names; the indicator is matched against the catalogue here. A dataset
 * holds rows of at most 65 536 files. */
ind_status ind_dataset_add(ind_dataset *ds, const char *unit, const char *indicator,
                           ind_gender gender, const ind_obs *obs, ind_error *err);
/* Makes room for rows more observations, so a reader that knows its size
 * (a file's line count) grows the columns once instead of doubling. */
ind_status ind_dataset_reserve(ind_dataset *ds, size_t rows, ind_error *err);
/* Faster form for readers that interned the names (in ind_dataset_strings) themselves. */
ind_status ind_dataset_add_ids(ind_dataset *ds, ind_str unit, ind_str indicator, ind_gender g,
                               const ind_obs *obs, ind_error *err);
/* Filling from several threads: each part owns a range of rows and its own
 * strings (ind_dataset_part_strings: the ids it is given are of these), and
 * ind_dataset_parts_end merges the parts in order, as if each part's rows had
 * been added one by one, part after part. Between begin and end only the parts
 * are used, one thread each; the dataset itself is not. `columns` names the
 * optional columns rows may have (IND_COLUMN_...); every row is from `file`
 * (the dataset's string id); max_rows[k] bounds part k's rows. On failure no
 * part exists. */
enum {
    IND_COLUMN_COUNTS = 1 << 0, /* numerator and denominator */
    IND_COLUMN_SD = 1 << 1,
    IND_COLUMN_KF_TARGET = 1 << 2,
    IND_COLUMN_GOAL = 1 << 3,
    IND_COLUMN_NOTE = 1 << 4,
    IND_COLUMN_SOURCE = 1 << 5
};
typedef struct ind_dataset_part ind_dataset_part;
ind_status ind_dataset_parts_begin(ind_dataset *ds, size_t count, const size_t *max_rows,
                                   unsigned columns, ind_str file, ind_dataset_part **parts,
                                   ind_error *err);
ind_strtab *ind_dataset_part_strings(ind_dataset_part *part);
/* As ind_dataset_add_ids, with the part's string ids; the file id is the dataset's. */
ind_status ind_dataset_part_add(ind_dataset_part *part, ind_str unit, ind_str indicator,
                                ind_gender g, const ind_obs *obs, ind_error *err);
/* Merges a filled part's strings and series into the dataset and gives its
 * rows the dataset's ids early, while other parts are still being filled: one
 * thread at a time, parts in order (part k only after parts 0..k-1). This is
 * the work ind_dataset_parts_end would do alone; a part merged and then
 * dropped leaves its names in the dataset (without rows), so merge early only
 * where a dropped part means the whole read fails or is read again. -1 when
 * out of memory. */
int ind_dataset_part_merge(ind_dataset_part *part);
/* Merges the parts in order when keep is 1 (drops them when 0) and frees them. */
ind_status ind_dataset_parts_end(ind_dataset *ds, ind_dataset_part **parts, size_t count, int keep,
                                 ind_error *err);
void ind_dataset_warn(ind_dataset *ds, const char *file, long line, long column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Sorts observations into series order (unit, indicator, gender by name; then
 * period), merges identical repeats with a warning, and fails on two different
 * observations for the same unit, indicator, period and gender, naming both. */
ind_status ind_dataset_finish(ind_dataset *ds, ind_error *err);

/* --- reading (after finish) ------------------------------------------------ */
size_t ind_dataset_obs_count(const ind_dataset *ds);
size_t ind_dataset_series_count(const ind_dataset *ds);
const ind_series *ind_dataset_series(const ind_dataset *ds, size_t i);
void ind_dataset_get(const ind_dataset *ds, size_t i, ind_obs *out);
double ind_dataset_value(const ind_dataset *ds, size_t i);
ind_period ind_dataset_period(const ind_dataset *ds, size_t i);
/* The parsed form of a target string (cached). */
ind_target ind_dataset_target(const ind_dataset *ds, ind_str text);
const char *ind_dataset_str(const ind_dataset *ds, ind_str id);
/* The series for unit × indicator × gender, or -1. */
long ind_dataset_find_series(const ind_dataset *ds, const char *unit, const char *indicator,
                             ind_gender g);
/* Index of the observation of series s at period p, or -1. */
long ind_dataset_find_obs(const ind_dataset *ds, size_t series, ind_period p);

size_t ind_dataset_warning_count(const ind_dataset *ds);
const ind_warning *ind_dataset_warning(const ind_dataset *ds, size_t i);

/* Bytes held by the observation columns and the series index (not strings). */
size_t ind_dataset_bytes(const ind_dataset *ds);

const char *ind_missing_code(ind_missing m);    /* "dropout" ... */
const char *ind_missing_label_sv(ind_missing m); /* "bortfall" ... */
/* Accepts -, ., .., bortfall, ej tillämplig, sekretess, saknas and the codes. */
int ind_missing_parse(const char *s, size_t len, ind_missing *out);

#endif
