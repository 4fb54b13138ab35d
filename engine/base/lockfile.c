/* lockfile.c: atomic file writes: temporary beside the target, fsync, rename; cleanup on error and signal. */
#define _GNU_SOURCE
#include "lockfile.h"
#include "messages.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TEMP_SUFFIX ".tmp-"
#define STALE_SECONDS (24 * 60 * 60)

/* ---- the signal handler's table ---------------------------------------------- */

#define SLOTS 64
static char *volatile slots[SLOTS];
static volatile sig_atomic_t handler_installed;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void on_signal(int sig)
{
    for (int i = 0; i < SLOTS; i++) {
        char *p = slots[i];
        if (p)
            unlink(p); /* async-signal-safe */
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_handler(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        /* a signal the caller chose to ignore stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

/* Blocks the handled signals while the table changes, so the handler never
 * sees a half-written entry or one being freed. */
static void block(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

static int claim_slot(char *temp)
{
    sigset_t old;
    block(&old);
    pthread_mutex_lock(&lock);
    if (!handler_installed) {
        install_handler();
        handler_installed = 1;
    }
    int slot = -1;
    for (int i = 0; i < SLOTS && slot < 0; i++)
        if (!slots[i]) {
            slots[i] = temp;
            slot = i;
        }
    pthread_mutex_unlock(&lock);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return slot; /* -1: more than SLOTS at once; still removed on every error path */
}

static void release_slot(int slot)
{
    if (slot < 0)
        return;
    sigset_t old;
    block(&old);
    pthread_mutex_lock(&lock);
    slots[slot] = NULL;
    pthread_mutex_unlock(&lock);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* ---- stale temporaries ------------------------------------------------------- */

/* Is name ".ANY.tmp-XXXXXX", the pattern ind_lockfile_open makes? */
static int temp_name(const char *name)
{
    size_t n = strlen(name), k = strlen(TEMP_SUFFIX);
    return name[0] == '.' && n > 1 + k + 6 && memcmp(name + n - 6 - k, TEMP_SUFFIX, k) == 0;
}

/* Removes this pattern's temporaries older than a day from dir, once per
 * folder in a row (a chart batch writes many files into one folder). */
static void remove_stale(const char *dir)
{
    static char last[4096];
    pthread_mutex_lock(&lock);
    int same = strcmp(last, dir) == 0;
    if (!same)
        snprintf(last, sizeof last, "%s", dir);
    pthread_mutex_unlock(&lock);
    if (same)
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!temp_name(e->d_name))
            continue;
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
            now - st.st_mtime > STALE_SECONDS)
            unlinkat(dirfd(d), e->d_name, 0);
    }
    closedir(d);
}

/* ---- lockfiles ---------------------------------------------------------------- */

ind_status ind_lockfile_open(ind_lockfile *lf, const char *path, ind_error *err)
{
    memset(lf, 0, sizeof *lf);
    lf->slot = -1;
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    if (!*base)
        return ind_error_set(err, IND_EUSAGE, path, 0, 0, "not a file name");
    size_t need = strlen(path) + sizeof TEMP_SUFFIX + 8;
    lf->path = strdup(path);
    lf->temp = malloc(need);
    if (!lf->path || !lf->temp) {
        free(lf->path);
        free(lf->temp);
        memset(lf, 0, sizeof *lf);
        return ind_error_set(err, IND_ENOMEM, path, 0, 0, "out of memory");
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%.*s", dirlen ? (int)dirlen : 1, dirlen ? path : ".");
    remove_stale(dir);
    snprintf(lf->temp, need, "%.*s.%s" TEMP_SUFFIX "XXXXXX", (int)dirlen, path, base);
    /* registered before it exists: a signal between mkstemp and the table
     * would otherwise leave it behind (unlinking a name not yet made is harmless) */
    lf->slot = claim_slot(lf->temp);
    int fd = mkstemp(lf->temp);
    if (fd < 0) {
        int e = errno;
        release_slot(lf->slot);
        free(lf->path);
        free(lf->temp);
        memset(lf, 0, sizeof *lf);
        return ind_error_set(err, IND_EIO, path, 0, 0, "cannot create a file in that folder: %s", ind_msg_errno(e));
    }
    fchmod(fd, 0644);
    lf->f = fdopen(fd, "wb");
    if (!lf->f) {
        int e = errno;
        close(fd);
        ind_lockfile_rollback(lf);
        return ind_error_set(err, IND_EIO, path, 0, 0, "cannot open the output: %s", ind_msg_errno(e));
    }
    return IND_OK;
}

void ind_lockfile_rollback(ind_lockfile *lf)
{
    if (lf->f)
        fclose(lf->f);
    if (lf->temp)
        unlink(lf->temp);
    release_slot(lf->slot);
    free(lf->temp);
    free(lf->path);
    memset(lf, 0, sizeof *lf);
    lf->slot = -1;
}

/* Everything but the rename: the data on disk. Returns 0 or an errno. */
static int finish_temp(ind_lockfile *lf)
{
    int e = 0;
    if (ferror(lf->f))
        e = EIO;
    if (fflush(lf->f) != 0 && !e)
        e = errno ? errno : EIO;
    /* EINVAL: a file system without fsync (a pipe, some FUSE mounts) */
    if (!e && fsync(fileno(lf->f)) != 0 && errno != EINVAL)
        e = errno;
    if (fclose(lf->f) != 0 && !e)
        e = errno ? errno : EIO;
    lf->f = NULL;
    return e;
}

static ind_status fail(ind_lockfile *lf, int e, ind_error *err)
{
    char *path = strdup(lf->path ? lf->path : "");
    ind_lockfile_rollback(lf);
    ind_status st = ind_error_set(err, e == ENOMEM ? IND_ENOMEM : IND_EIO, path ? path : "", 0, 0,
                                  "writing failed: %s", ind_msg_errno(e));
    free(path);
    return st;
}

ind_status ind_lockfile_commit(ind_lockfile *lf, ind_error *err)
{
    int e = finish_temp(lf);
    if (!e && rename(lf->temp, lf->path) != 0)
        e = errno;
    if (e)
        return fail(lf, e, err);
    release_slot(lf->slot);
    free(lf->temp);
    free(lf->path);
    memset(lf, 0, sizeof *lf);
    lf->slot = -1;
    return IND_OK;
}

static ind_status fill(ind_lockfile *lf, const char *path, const void *data, size_t len, ind_error *err)
{
    ind_status st = ind_lockfile_open(lf, path, err);
    if (st != IND_OK)
        return st;
    if (len && fwrite(data, 1, len, lf->f) != len)
        return fail(lf, errno ? errno : EIO, err);
    return IND_OK;
}

ind_status ind_lockfile_write(const char *path, const void *data, size_t len, ind_error *err)
{
    ind_lockfile lf;
    ind_status st = fill(&lf, path, data, len, err);
    return st == IND_OK ? ind_lockfile_commit(&lf, err) : st;
}

ind_status ind_lockfile_commit_all(ind_lockfile *lfs, size_t n, ind_error *err)
{
    int e = 0;
    size_t bad = 0;
    for (size_t i = 0; i < n && !e; i++)
        if ((e = finish_temp(&lfs[i])) != 0)
            bad = i;
    for (size_t i = 0; i < n && !e; i++) {
        if (rename(lfs[i].temp, lfs[i].path) != 0) {
            e = errno;
            bad = i;
            break;
        }
        release_slot(lfs[i].slot);
        free(lfs[i].temp);
        free(lfs[i].path);
        memset(&lfs[i], 0, sizeof lfs[i]);
        lfs[i].slot = -1;
    }
    if (!e)
        return IND_OK;
    for (size_t i = 0; i < n; i++)
        if (i != bad)
            ind_lockfile_rollback(&lfs[i]);
    return fail(&lfs[bad], e, err);
}

ind_status ind_lockfile_write_pair(const char *path1, const void *data1, size_t len1, const char *path2,
                                   const void *data2, size_t len2, ind_error *err)
{
    ind_lockfile lf[2];
    ind_status st = fill(&lf[0], path1, data1, len1, err);
    if (st != IND_OK)
        return st;
    if ((st = fill(&lf[1], path2, data2, len2, err)) != IND_OK) {
        ind_lockfile_rollback(&lf[0]);
        return st;
    }
    return ind_lockfile_commit_all(lf, 2, err);
}
