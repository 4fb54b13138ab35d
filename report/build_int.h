/* build_int.h: what the builders share: tables from column specifications in both languages. */
#ifndef IND_BUILD_INT_H
#define IND_BUILD_INT_H

#include "build.h"

/* A column as a builder declares it: a machine key and a label in each language. */
typedef struct {
    const char *key, *label_sv, *label_en;
    ind_cell_kind kind;
    int shown; /* shown to people; 0: machine formats only */
} ind_colspec;

/* A table of these columns in the document's language; numbers align right. */
ind_doc_table *ind_build_table(ind_doc *doc, const ind_colspec *spec, size_t n, const char *caption);
/* A document for one command's table: its title in the language asked for. */
ind_doc *ind_build_table_doc(const ind_build_input *in, const ind_opts *o, const char *title_sv, const char *title_en);
/* The document's facts: sources, selection, rule, data up to, maker. */
void ind_build_facts(ind_doc *doc, const ind_build_input *in, const ind_opts *o);
/* Out of memory while building: the message and exit status 4 (docs/architecture.md). */
void *ind_build_must(void *p);

#endif
