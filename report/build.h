/* build.h: the builders: documents made from a dataset and the engine's results (the VB, and each command's table). */
#ifndef IND_BUILD_H
#define IND_BUILD_H

#include <stddef.h>

#include "dataset.h"
#include "doc.h"
#include "goals.h"
#include "ingest.h"
#include "opts.h"

/* What a builder reads besides the options: the finished dataset, the goals
 * (may be NULL), and the names of the files it came from (for the cover and
 * the "Om underlaget" parts). Borrowed for the call. */
typedef struct {
    const ind_dataset *ds;
    const ind_goals *goals;
    const char *const *sources;
    size_t source_count;
    const ind_ingest_report *reports; /* one per source (check); may be NULL */
    const char *creator;              /* "indikator 0.1.0" */
    /* called after each unit of a long document (may be NULL) */
    void (*progress)(void *user, size_t done, size_t total, const char *what);
    void *progress_user;
    /* the sources' names for people, in the options' language ("demo.csv
     * (inbyggd)"); NULL: sources, which machine columns always show */
    const char *const *source_labels;
} ind_build_input;

/* The VB's indicator section for o->units (one unit; with all_units, every
 * unit of the data and an overview of them) for the year o->year: cover,
 * summary, goals in hierarchy order with their indicator tables, charts and
 * sentences, comparison with other units, methods. NULL when nothing is left
 * to report (err says why). */
ind_doc *ind_build_vb(const ind_build_input *in, const ind_opts *o, int all_units, ind_error *err);

/* The tertial report (Tertialrapport 1 or 2) for o->period (YYYY-T1 or -T2):
 * the tertial's outcomes against the årsmål, the same tertial a year earlier
 * and the year-end prognosis (prognosis.h) of every indicator followed per
 * tertial, goals' prognoses rolled up by the VB's rule, sentences for the
 * flagged ones; indicators followed per year are listed for the VB. NULL when
 * there is nothing to report (err says what was empty). */
ind_doc *ind_build_tertial(const ind_build_input *in, const ind_opts *o, int all_units, ind_error *err);

/* The tables of the commands: one table each, with a caption (the counts)
 * and the rule in force as a note. */
ind_doc *ind_build_status(const ind_build_input *in, const ind_opts *o);
/* flag: *flagged gets the number of outcomes below their target. */
ind_doc *ind_build_flag(const ind_build_input *in, const ind_opts *o, size_t *flagged);

/* goals: in->goals rolled up for o->year; NULL on an error (err). */
ind_doc *ind_build_goals(const ind_build_input *in, const ind_opts *o, ind_error *err);
/* trend: every selected series; NULL on an error (err). */
ind_doc *ind_build_trend(const ind_build_input *in, const ind_opts *o, ind_error *err);

/* check: what the data files hold and what is wrong with them; others are the
 * files read as what they are (catalogues, goals, extract's side files). */
typedef struct {
    const char *name;
    const char *kind; /* "catalogue", "goals", "extract side file" */
    long entries;
} ind_check_file;
ind_doc *ind_build_check(const ind_build_input *in, const ind_opts *o, const ind_check_file *others, size_t nothers);

/* compare: a comparison the engine made (ind_compare with co) as a table. */
#include "compare.h"
ind_doc *ind_build_compare(const ind_build_input *in, const ind_opts *o, const ind_cmp_options *co,
                           const ind_cmp_result *r);

/* spc: one series' run or control chart (o->units[0], o->indicators[0],
 * gender, o->spc_chart "run|i|p|u", o->rules "anhoej|nhs|ihi", from/to). */
#include "outlook.h"
#include "spc.h"
typedef struct {
    size_t series;
    ind_outlook_points pts;
    double *y, *den;
    ind_spc_chart chart;
    int have_chart;
    ind_spc_type type;
    unsigned rules;
    const char *rules_name;
    double target, scale;
} ind_spc_run;
/* Prepares the chart: IND_EUSAGE for options that do not fit, IND_EINPUT for
 * data that cannot be charted (err says which). Free with ind_spc_run_free. */
ind_status ind_spc_run_make(const ind_dataset *ds, const ind_opts *o, ind_spc_run *run, ind_error *err);
void ind_spc_run_free(ind_spc_run *run);
ind_doc *ind_build_spc(const ind_build_input *in, const ind_opts *o, const ind_spc_run *run);

#endif
