/* archive.h: a zip archive made in memory and written to a stream, for the Word and
 * Excel writers (libzip): every entry dated by the document's date, so the same
 * document gives the same bytes in any time zone. */
#ifndef IND_ARCHIVE_H
#define IND_ARCHIVE_H

#include <stddef.h>
#include <stdio.h>

#include "ind_error.h"

typedef struct ind_archive ind_archive;

/* A new, empty archive whose entries will carry date ("YYYY-MM-DD...", the
 * document's; before 1980 or unreadable: 1980-01-01). what names the file in
 * messages ("the Word file"). NULL with err set when out of memory. */
ind_archive *ind_archive_new(const char *date, const char *what, ind_error *err);

/* Adds entry name with len bytes of data (malloc'ed: the archive takes them,
 * also on failure), deflated or stored. */
ind_status ind_archive_add(ind_archive *a, const char *name, void *data, size_t len, int deflate);

/* Closes the archive and writes its bytes to f; frees a either way. */
ind_status ind_archive_finish(ind_archive *a, FILE *f);

/* Frees an archive not finished (after a failure). */
void ind_archive_free(ind_archive *a);

#endif
