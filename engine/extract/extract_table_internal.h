/* extract_table_internal.h: reading the indicator and activity tables of a document (extract_table.c; not public). */
#ifndef IND_EXTRACT_TABLE_INTERNAL_H
#define IND_EXTRACT_TABLE_INTERNAL_H

#include "extract_doc_internal.h"

#define x_table ind_extract_i_x_table
#define x_table_finish ind_extract_i_x_table_finish

/* Processes the table whose header starts at line index h; returns the
 * index of the first line after the table. */
size_t x_table(xdoc *d, size_t h);
/* Resolves the VP single-target rows that could be read as Årsmål or KF:s
 * årsmål once all rows of the document are known. */
void x_table_finish(xdoc *d);

#endif
