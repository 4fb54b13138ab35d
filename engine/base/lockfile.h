/* lockfile.h: the one way indikator writes a file: atomically, or not at all. */
#ifndef IND_LOCKFILE_H
#define IND_LOCKFILE_H

#include <stddef.h>
#include <stdio.h>

#include "ind_error.h"

/* Every output (tables, charts, alt texts, documents, extraction results) is
 * written to a temporary file in the target's own folder (".NAME.tmp-XXXXXX",
 * so the rename cannot cross file systems), flushed, fsync'ed and renamed
 * over the target. Until the rename the old file stays as it was; a failed
 * write leaves no temporary behind. While a temporary exists it is listed in
 * a process-wide table that a SIGINT, SIGTERM or SIGHUP handler empties
 * (unlinking each) before the signal takes its normal course: the only global
 * state in the library, because a signal handler can reach nothing else.
 * Temporaries of this pattern older than a day (from a killed process) are
 * removed from a folder the first time it is written to. */
typedef struct {
    char *path;  /* the target */
    char *temp;  /* the temporary beside it; NULL once committed or rolled back */
    FILE *f;     /* open on temp for writing */
    int slot;    /* its entry in the signal handler's table, -1 when none */
} ind_lockfile;

/* Creates the temporary for path and opens it (mode 0644). */
ind_status ind_lockfile_open(ind_lockfile *lf, const char *path, ind_error *err);
/* Flushes, syncs and closes the temporary, then renames it over the target.
 * On any failure the temporary is removed and the target left untouched.
 * The lockfile is empty afterwards either way. */
ind_status ind_lockfile_commit(ind_lockfile *lf, ind_error *err);
/* Removes the temporary; the target is untouched. Safe on an empty lockfile. */
void ind_lockfile_rollback(ind_lockfile *lf);

/* data (len bytes) as the whole content of path, atomically. */
ind_status ind_lockfile_write(const char *path, const void *data, size_t len, ind_error *err);

/* Files that belong together (a chart and its alt text; the five files of
 * an extraction): every temporary is flushed and synced before any is
 * renamed, so a full disk or a failed write leaves every target untouched;
 * then they are renamed in order (an image before the text describing it).
 * Every lockfile is empty afterwards. */
ind_status ind_lockfile_commit_all(ind_lockfile *lfs, size_t n, ind_error *err);
/* Two buffers as path1 and path2 by ind_lockfile_commit_all. */
ind_status ind_lockfile_write_pair(const char *path1, const void *data1, size_t len1, const char *path2,
                                   const void *data2, size_t len2, ind_error *err);

#endif
