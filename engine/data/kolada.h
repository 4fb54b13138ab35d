/* kolada.h: reading Kolada's JSON (API v2/v3 responses, metadata, the SKR course extract). */
#ifndef IND_KOLADA_H
#define IND_KOLADA_H

#include <stddef.h>

#include "catalog.h"
#include "dataset.h"

/* Names for Kolada's ids: KPI titles (and whether a KPI is divided by
 * gender) and municipality names. Filled by ind_kolada_meta_load; read by the
 * data import and by ind_kolada_meta_to_catalog. */
typedef struct ind_kolada_meta ind_kolada_meta;

/* How data files are read. A NULL options pointer means all defaults. */
typedef struct ind_kolada_options {
    const ind_kolada_meta *meta; /* names for ids; NULL: units and indicators keep Kolada's ids */
    const char *national_unit;   /* unit of the national shape {KPI: {year: {...}}}; NULL: "Riket" */
    int no_paths;                /* 1: leave obs.source empty instead of "name:JSON path"
                                    (saves one string, some 40-90 bytes, per value) */
} ind_kolada_options;

/* Reads one Kolada JSON document (data) into ds, which is not finished.
 *
 * Accepted shapes (docs/kolada.md):
 *   - an API v2/v3 data page {"values": [obj...], "count": N, ...}, a bare
 *     array [obj...], or a single data object; obj is {"kpi", "municipality"
 *     or "ou", "period", "values": [{"gender", "value", "count", "status"}]};
 *   - the SKR extract {municipality name: {KPI: {year: {"T"|"K"|"M": value}}}};
 *   - the national extract {KPI: {year: {"T"|"K"|"M": value}}} (unit from
 *     opt->national_unit).
 * Each value becomes one observation: unit = municipality (its name when the
 * metadata knows the id) or OU id; indicator = the KPI's title when known,
 * else its id; period = the year; gender = T/K/M. A null value is a missing
 * observation (the reason from a status mark such as ".." when there is one,
 * else "unreported"). count > 1 (a group's unweighted mean) and a non-empty
 * status are written in the note. obs.line is the line of the value's record
 * in the text (the {"gender", "value"} element; in the extract shapes the
 * gender key, or for a null its year's key) and obs.source "name:JSON path"
 * (values[3].values[1], Ale.N15419.2016.K) unless opt->no_paths.
 * Pages of one query are simply several calls on one dataset.
 *
 * Outputs: *added (may be NULL) counts observations added by this call.
 * Returns IND_OK; IND_EINPUT for malformed JSON (jansson's line and column)
 * or a wrong shape (line and column of the member, then the JSON path);
 * IND_ENOMEM. */
ind_status ind_kolada_ingest_buffer(ind_dataset *ds, const char *name, const char *data,
                                    size_t size, const ind_kolada_options *opt, size_t *added,
                                    ind_error *err);
/* The same for the file at path (IND_EIO when it cannot be read). */
ind_status ind_kolada_ingest_file(ind_dataset *ds, const char *path, const ind_kolada_options *opt,
                                  size_t *added, ind_error *err);

ind_kolada_meta *ind_kolada_meta_new(void);
void ind_kolada_meta_free(ind_kolada_meta *meta);

/* Reads metadata into meta; may be called for several files, a later
 * definition of an id replacing an earlier one. Accepted (the kind of each
 * object is told by its fields, docs/kolada.md):
 *   - KPI metadata {"values": [{"id", "title", "is_divided_by_gender",
 *     "municipality_type", "operating_area", ...}]} or a bare array;
 *   - municipality metadata {"values": [{"id", "title", "type"}]} or a bare array;
 *   - a code -> name object {"1440": "Ale", ...} (Kommuner.txt): municipalities;
 *   - plain text lines "id¤title" (Nyckeltal.txt): KPI titles.
 * Returns IND_OK, IND_EINPUT (file, line/column or JSON path), IND_ENOMEM, IND_EIO. */
ind_status ind_kolada_meta_load(ind_kolada_meta *meta, const char *path, ind_error *err);
ind_status ind_kolada_meta_load_buffer(ind_kolada_meta *meta, const char *name, const char *data,
                                       size_t size, ind_error *err);

size_t ind_kolada_meta_kpi_count(const ind_kolada_meta *meta);
size_t ind_kolada_meta_municipality_count(const ind_kolada_meta *meta);
/* The title of a KPI id or the name of a municipality id, NULL when unknown. */
const char *ind_kolada_meta_kpi_title(const ind_kolada_meta *meta, const char *id);
const char *ind_kolada_meta_municipality_name(const ind_kolada_meta *meta, const char *id);

/* Adds one catalogue entry per KPI in meta, in id order: id = the KPI id,
 * name = its title ("title (id)" when another KPI or a catalogue entry
 * already has that name), alias = the KPI id, measure percent when the
 * title says "andel (%)" else number, direction neutral (Kolada does not say
 * which way is better, and it is not guessed), periodicity år, by_gender
 * from is_divided_by_gender (0 when the metadata does not say), decimals 1.
 * A KPI whose id the catalogue already knows (as id or alias) keeps the
 * catalogue's entry, so load the catalogue CSV first: its names and
 * directions win. Returns IND_OK, IND_ENOMEM, or IND_EUSAGE for NULLs. */
ind_status ind_kolada_meta_to_catalog(const ind_kolada_meta *meta, ind_catalog *cat,
                                      ind_error *err);

#endif
