/* extract_prose_internal.h: ratios written in running text ("5% (1 av 22 granskade ärenden)"), extract_prose.c; not public. */
#ifndef IND_EXTRACT_PROSE_INTERNAL_H
#define IND_EXTRACT_PROSE_INTERNAL_H

#include "extract_doc_internal.h"

#define x_prose_line ind_extract_i_x_prose_line

/* Reads the shares with counts on line i (with up to two lines of context
 * on each side) as observations. */
void x_prose_line(xdoc *d, size_t i);

#endif
