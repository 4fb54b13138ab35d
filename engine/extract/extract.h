/* extract.h: reading plain-text exports of Stockholm VP/VB documents into indicator, goal and activity tables. */
#ifndef IND_EXTRACT_H
#define IND_EXTRACT_H

#include <stddef.h>

#include "ind_error.h"

/* What kind of document a text export holds, decided from its tables:
 * "Indikator Periodens utfall ..." tables make a VB (annual report),
 * "Indikator Årsmål ..." tables a VP (plan). */
typedef enum {
    IND_EXTRACT_UNKNOWN = 0,
    IND_EXTRACT_VP = 1,
    IND_EXTRACT_VB = 2
} ind_extract_kind;

/* One observation: unit x indicator x period x gender. Every string is
 * non-NULL ("" when empty). Numbers are normalised (decimal point, no "%",
 * no thousands spaces); text targets are kept as written with whitespace
 * collapsed and line-wrap breaks repaired. */
typedef struct {
    char *unit;         /* organisational unit (enhet) */
    char *indicator;    /* indicator name as printed, unwrapped */
    char *period;       /* "2021", "2021-T3" (VB = year end), "2021-T2" */
    char *gender;       /* T, M or K */
    char *value;        /* outcome, "" for plan rows and missing outcomes */
    char *numerator;    /* "1" of "5 % (1 av 22 ...)", else "" */
    char *denominator;  /* "22" of the same, else "" */
    char *target;       /* årsmål */
    char *kf_target;    /* KF:s årsmål */
    char *missing;      /* "." when a printed value is read as not applicable */
    char *goal;         /* id of the goal the table sits under */
    char *note;         /* free text: why a value was reinterpreted, FREDA detail ... */
    char *periodicity;  /* VP: "år", "tertial", "månad" ...; VB: "" */
    char *value_unit;   /* "%", "st", "ton", "GWh", ... as printed in the row, or "" */
    long line;          /* 1-based line of the row's first line in the export */
} ind_extract_obs;

/* One goal in one unit. level is kf_inriktningsmal, kf_verksamhetsmal,
 * namndmal or enhetsmal. Goals without a printed id get a stable one from
 * their parent: "<parent>.N<k>" for nämndmål, "<parent>.E<k>" for enhetsmål. */
typedef struct {
    char *id;
    char *level;
    char *parent;       /* "" for a KF:s inriktningsmål */
    char *unit;
    char *text;
    char *assessment;   /* "Uppfylls helt" | "Uppfylls delvis" | "Uppfylls inte" | "" */
    int year;
    long line;
} ind_extract_goal;

/* One planned activity (Aktivitet, Startdatum, Slutdatum). */
typedef struct {
    char *name;
    char *start;        /* YYYY-MM-DD */
    char *end;          /* YYYY-MM-DD */
    char *unit;
    char *goal;
    long line;
} ind_extract_activity;

/* A table fragment that could not be read (unread) or a row that could be
 * read two ways and was decided by a rule (warning). */
typedef struct {
    long line;
    char *reason;       /* short reason or warning kind */
    char *text;         /* the fragment, or the warning message */
} ind_extract_note;

/* Everything read from one export. Free with ind_extract_result_free. */
typedef struct {
    char *path;         /* the path given, "" for buffers */
    char *file;         /* basename, used in "file:line" sources */
    ind_extract_kind kind;
    int year;           /* plan year (VP) or report year (VB), 0 if unknown */
    char **units;       /* unit names in document order */
    size_t n_units;
    ind_extract_obs *obs;
    size_t n_obs;
    ind_extract_goal *goals;
    size_t n_goals;
    ind_extract_activity *activities;
    size_t n_activities;
    ind_extract_note *unread;
    size_t n_unread;
    ind_extract_note *warnings;
    size_t n_warnings;
    void *priv;         /* string storage; do not touch */
} ind_extract_result;

/* Reads one plain-text export (UTF-8, as produced by a PDF-to-text tool)
 * and extracts its indicator tables (VP: Årsmål, KF:s årsmål, Periodicitet;
 * VB: outcome total/men/women, last year's outcome, Årsmål, KF:s årsmål,
 * Period), its goal hierarchy with recorded assessments and its activity
 * tables. Cell boundaries are recovered from runs of spaces (one space
 * separates cells, each empty cell adds one more); wrapped names, repeated
 * table headers, page headers and split text targets are repaired (see
 * docs/extract.md). On success out owns all memory; on failure out is left
 * empty. Returns IND_OK, IND_EIO (cannot read), IND_EINPUT (not text) or
 * IND_ENOMEM. */
ind_status ind_extract_file(const char *path, ind_extract_result *out, ind_error *err);

/* As ind_extract_file, from a memory buffer of len bytes (need not be
 * NUL-terminated). name is used as the file name in sources; NULL means
 * "buffer". Writes nothing. */
ind_status ind_extract_buffer(const char *name, const char *data, size_t len,
                              ind_extract_result *out, ind_error *err);

/* Writes the n results into directory outdir (created when missing) as
 * indicators.csv (canonical long form plus the columns periodicity and
 * value_unit), goals.csv, activities.csv, unread.csv and warnings.csv.
 * Each file is written to a temporary file in outdir and renamed into place
 * only after all five were written completely; an output path that is one
 * of the inputs is refused with IND_EUSAGE. Returns IND_OK, IND_EUSAGE or
 * IND_EIO. */
ind_status ind_extract_write(const ind_extract_result *const *results, size_t n,
                             const char *outdir, ind_error *err);

/* Frees everything out holds and zeroes it; safe on a zeroed result. */
void ind_extract_result_free(ind_extract_result *out);

/* "VP", "VB" or "unknown". */
const char *ind_extract_kind_name(ind_extract_kind kind);

#endif
