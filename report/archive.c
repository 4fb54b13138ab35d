/* archive.c: zip archives in memory (libzip), for write_docx.c and write_xlsx.c. */
#include "archive.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

struct ind_archive {
    zip_source_t *src; /* the archive's bytes, kept after zip_close */
    zip_t *zip;
    time_t mtime;
    const char *what;
    ind_error *err;
};

/* The date's local noon: libzip stores an entry's time as the local clock
 * reads it, so a local time of the date's fields gives the same bytes in every
 * time zone (no zone changes its clocks at noon). */
static time_t noon_of(const char *date)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (!date || sscanf(date, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) < 3 || tm.tm_year < 1980 ||
        tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31) {
        tm.tm_year = 1980, tm.tm_mon = 1, tm.tm_mday = 1;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

static ind_status failed(ind_archive *a, const char *step)
{
    return ind_error_set(a->err, IND_EIO, "", 0, 0, "writing %s failed (%s): %s", a->what, step,
                         zip_error_strerror(zip_get_error(a->zip)));
}

ind_archive *ind_archive_new(const char *date, const char *what, ind_error *err)
{
    ind_archive *a = calloc(1, sizeof *a);
    zip_error_t ze;
    zip_error_init(&ze);
    if (a)
        a->src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (a && a->src)
        a->zip = zip_open_from_source(a->src, ZIP_TRUNCATE, &ze);
    if (!a || !a->zip) {
        ind_error_set(err, IND_ENOMEM, "", 0, 0, "writing %s failed: %s", what, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        if (a)
            zip_source_free(a->src);
        free(a);
        return NULL;
    }
    zip_error_fini(&ze);
    zip_source_keep(a->src);
    a->mtime = noon_of(date);
    a->what = what;
    a->err = err;
    return a;
}

ind_status ind_archive_add(ind_archive *a, const char *name, void *data, size_t len, int deflate)
{
    zip_source_t *src = zip_source_buffer(a->zip, data, len, 1);
    if (!src) {
        free(data);
        return failed(a, name);
    }
    zip_int64_t i = zip_file_add(a->zip, name, src, ZIP_FL_OVERWRITE);
    if (i < 0) {
        zip_source_free(src);
        return failed(a, name);
    }
    if (zip_file_set_mtime(a->zip, (zip_uint64_t)i, a->mtime, 0) < 0 ||
        zip_set_file_compression(a->zip, (zip_uint64_t)i, deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0) < 0)
        return failed(a, name);
    return IND_OK;
}

/* The archive's bytes, from the buffer it was written into, to f. */
static ind_status copy_out(ind_archive *a, FILE *f)
{
    if (zip_source_open(a->src) < 0)
        return ind_error_set(a->err, IND_EIO, "", 0, 0, "writing %s failed: %s", a->what,
                             zip_error_strerror(zip_source_error(a->src)));
    char buf[65536];
    zip_int64_t n;
    int bad = 0;
    while ((n = zip_source_read(a->src, buf, sizeof buf)) > 0)
        bad |= fwrite(buf, 1, (size_t)n, f) != (size_t)n;
    zip_source_close(a->src);
    if (n < 0 || bad || ferror(f))
        return ind_error_set(a->err, IND_EIO, "", 0, 0, "writing %s failed", a->what);
    return IND_OK;
}

ind_status ind_archive_finish(ind_archive *a, FILE *f)
{
    ind_status st = IND_OK;
    if (zip_close(a->zip) < 0)
        st = failed(a, "closing");
    else
        a->zip = NULL;
    if (st == IND_OK)
        st = copy_out(a, f);
    ind_archive_free(a);
    return st;
}

void ind_archive_free(ind_archive *a)
{
    if (!a)
        return;
    if (a->zip)
        zip_discard(a->zip);
    zip_source_free(a->src);
    free(a);
}
