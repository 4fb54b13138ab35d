/* kolada.h: reading Kolada's JSON (API v2/v3 responses, metadata, the SKR course extract). */
#ifndef IND_KOLADA_H
#define IND_KOLADA_H

#include <stddef.h>

#include "dataset.h"

typedef struct ind_kolada_meta ind_kolada_meta; /* KPI and municipality names, when given */

/* Reads one Kolada JSON document into ds; *added counts observations. */
ind_status ind_kolada_ingest_buffer(ind_dataset *ds, const char *name, const char *data,
                                    size_t size, const ind_kolada_meta *meta, size_t *added,
                                    ind_error *err);

#endif
