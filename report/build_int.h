/* build_int.h: what the builders share: tables from column specifications in both languages. */
#ifndef IND_BUILD_INT_H
#define IND_BUILD_INT_H

#include "build.h"

/* A column as a builder declares it: a machine key and a label in each language. */
typedef struct {
    const char *key, *label_sv, *label_en;
    ind_cell_kind kind;
    int shown; /* shown to people; 0: machine formats only; 2, 3, …: left out first on a
                  narrow terminal (ind_doc_column) */
} ind_colspec;

/* The year-end prognosis beside a tertial's outcome (status, flag): these
 * columns last in a table, filled by ind_build_prognosis_cells. */
#define IND_PROGNOSIS_COLSPEC                                                                  \
    {"prognosis", "Helårsprognos (kod)", "Year-end prognosis (code)", IND_CELL_TEXT, 0},         \
    {"prognosis_label", "Helårsprognos", "Year-end prognosis", IND_CELL_TEXT, 2},                \
    {"prognosis_value", "Prognos för helåret", "Year-end forecast", IND_CELL_NUMBER, 0},         \
    {"prognosis_lo", "Prognos nedre", "Forecast low", IND_CELL_NUMBER, 0},                       \
    {"prognosis_hi", "Prognos övre", "Forecast high", IND_CELL_NUMBER, 0},                       \
    {"prognosis_method", "Prognosmetod", "Prognosis method", IND_CELL_TEXT, 0}
/* The prognosis cells of series at period p: empty unless p is a T1 or T2. */
void ind_build_prognosis_cells(ind_doc_table *t, const ind_dataset *ds, size_t series, ind_period p,
                               const ind_opts *o);

/* A table of these columns in the document's language; numbers align right. */
ind_doc_table *ind_build_table(ind_doc *doc, const ind_colspec *spec, size_t n, const char *caption);
/* A document for one command's table: its title in the language asked for. */
ind_doc *ind_build_table_doc(const ind_build_input *in, const ind_opts *o, const char *title_sv, const char *title_en);
/* The document's facts: sources, selection, rule, data up to, maker. */
void ind_build_facts(ind_doc *doc, const ind_build_input *in, const ind_opts *o);
/* A trend chart of series' unit and indicator (every gender, årsmål lines),
 * with the outcomes up to end only (0: all), added to doc. */
void ind_build_figure_trend(ind_doc *doc, const ind_dataset *ds, size_t series, ind_period end, const ind_opts *o);
/* A target as written, with "4 %" held together by a no-break space. */
void ind_build_unbroken(const char *s, char *out, size_t size);
/* The texts of parts as one paragraph and their notes as one note after it;
 * frees the parts. */
#include "sentence.h"
void ind_build_said(ind_doc *doc, ind_said *parts, size_t n);
/* The sentences of series at period p against each of o's references
 * (ind_say_reference) into parts (room for IND_OPTS_REFERENCES_MAX); none
 * for a reference without a series of the indicator, which
 * ind_build_reference_summary names instead. Returns how many. */
size_t ind_build_reference_said(const ind_dataset *ds, size_t series, ind_period p, const ind_opts *o,
                                ind_said *parts);
/* A paragraph per reference in a unit's summary: how many of its n series
 * (each at its period) the reference has a value beside, in words; none for
 * the reference's own section. */
void ind_build_reference_summary(ind_doc *doc, const ind_dataset *ds, const char *unit, const size_t *series,
                                 const ind_period *periods, size_t n, const ind_opts *o);
/* The methods' paragraph on how a reference is compared (nothing without one). */
void ind_build_reference_method(ind_doc *doc, const ind_opts *o);
/* A number as people read it with the fewest decimals that show it exactly
 * (up to six): alpha 0,05, a share 50 %. */
const char *ind_build_numg(double v, ind_unit unit, ind_lang lang, char *buf, size_t size);
/* Out of memory while building: the message and exit status 4 (docs/architecture.md). */
void *ind_build_must(void *p);
/* Source i's name for people (its label when the input has them). */
const char *ind_build_source(const ind_build_input *in, size_t i);

#endif
