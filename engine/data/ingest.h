/* ingest.h: reading data files (canonical long CSV, VB-table CSV) into a dataset. */
#ifndef IND_INGEST_H
#define IND_INGEST_H

#include <stddef.h>

#include "csvread.h"
#include "dataset.h"

typedef enum {
    IND_FORM_UNKNOWN = 0,
    IND_FORM_LONG,     /* one row per unit, indicator, period, gender */
    IND_FORM_VB_TABLE, /* Indikator; Periodens utfall; Utfall män/pojkar; ... as a VB prints it */
    IND_FORM_KOLADA    /* Kolada JSON (see kolada.h) */
} ind_form;

struct ind_kolada_options;

typedef struct {
    ind_encoding encoding; /* IND_ENC_AUTO by default */
    char delimiter;        /* 0: detect */
    const char *unit;      /* the unit of a VB-table file without an Enhet column (--unit) */
    const struct ind_kolada_options *kolada; /* names for Kolada JSON (NULL: ids are names) */
    int kolada_only;       /* the file must be Kolada JSON (import --from kolada) */
    int threads;           /* 0: one per core for a file of 1 MiB and more; N: N threads */
    int pieces;            /* with threads: 0, 4 a thread and more in a large file (one per
                            * 4 MiB, at most 16 a thread); N: N pieces, at least one a thread */
} ind_ingest_options;

/* What a read found, for `indikator check`. */
typedef struct {
    ind_form form;
    ind_csv_info csv;
    size_t observations; /* observations added */
} ind_ingest_report;

/* Reads the file at path into ds (which is not finished). A canonical
 * long-form CSV file is read in pieces by several threads (see threads) with
 * the same result and the same messages as one thread. Bad input fails
 * with an error naming file, line and column; nothing is added partially
 * visible to the caller's outputs, since outputs are written only after
 * every file has been read and the dataset finished. */
ind_status ind_ingest_file(ind_dataset *ds, const char *path, const ind_ingest_options *opt,
                           ind_ingest_report *report, ind_error *err);
ind_status ind_ingest_buffer(ind_dataset *ds, const char *name, const char *data, size_t size,
                             const ind_ingest_options *opt, ind_ingest_report *report,
                             ind_error *err);
const char *ind_form_name(ind_form form);

/* The largest size of a number indikator reads (values, numerators,
 * denominators, sd, the numbers of targets): |x| below 10^15. No municipal
 * indicator comes near it (a large city's budget is about 10^11 kr), every
 * integer below it is exact in a double, and the statistics' sums of squares
 * of such numbers stay finite, so no result becomes inf. */
#define IND_VALUE_LIMIT 1e15
/* Is v a plausible number (NaN, a missing value, is)? 1 or 0. */
int ind_value_plausible(double v);
/* The message for an implausible number, with one %s for the number as written. */
extern const char ind_value_implausible_msg[];

#endif
