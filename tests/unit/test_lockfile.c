/* test_lockfile.c: engine/base/lockfile: atomic writes, rollback, pairs, stale
 * temporaries and the signal handler leave nothing behind. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lockfile.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ind-lockfile-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* How many entries the folder holds (besides . and ..). */
static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void write_and_replace(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/a.csv", dir);
    ind_error err;
    assert_int_equal(ind_lockfile_write(path, "one\n", 4, &err), IND_OK);
    assert_string_equal(slurp(path), "one\n");
    ind_lockfile lf;
    assert_int_equal(ind_lockfile_open(&lf, path, &err), IND_OK);
    fputs("two\n", lf.f);
    assert_string_equal(slurp(path), "one\n"); /* the old file until the commit */
    assert_int_equal(entries(), 2);
    assert_int_equal(ind_lockfile_commit(&lf, &err), IND_OK);
    assert_string_equal(slurp(path), "two\n");
    assert_int_equal(entries(), 1);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
}

static void rollback_leaves_target(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/b.csv", dir);
    ind_error err;
    assert_int_equal(ind_lockfile_write(path, "old", 3, &err), IND_OK);
    ind_lockfile lf;
    assert_int_equal(ind_lockfile_open(&lf, path, &err), IND_OK);
    fputs("new", lf.f);
    ind_lockfile_rollback(&lf);
    ind_lockfile_rollback(&lf); /* twice is harmless */
    assert_string_equal(slurp(path), "old");
    assert_int_equal(entries(), 1);
}

static void missing_folder_fails_cleanly(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/no/such/c.csv", dir);
    ind_error err;
    ind_error_clear(&err);
    assert_int_equal(ind_lockfile_write(path, "x", 1, &err), IND_EIO);
    assert_string_equal(err.file, path);
    assert_int_equal(entries(), 0);
}

static void pair_both_or_neither(void **state)
{
    (void)state;
    char a[300], b[300];
    snprintf(a, sizeof a, "%s/chart.png", dir);
    snprintf(b, sizeof b, "%s/no-folder/chart.png.alt.txt", dir);
    ind_error err;
    /* the second cannot be made: the first is not written either */
    assert_int_equal(ind_lockfile_write_pair(a, "img", 3, b, "alt", 3, &err), IND_EIO);
    assert_int_equal(entries(), 0);
    snprintf(b, sizeof b, "%s/chart.png.alt.txt", dir);
    assert_int_equal(ind_lockfile_write_pair(a, "img", 3, b, "alt", 3, &err), IND_OK);
    assert_string_equal(slurp(a), "img");
    assert_string_equal(slurp(b), "alt");
    assert_int_equal(entries(), 2);
}

static void stale_temporaries_removed(void **state)
{
    (void)state;
    char old[300], young[300], other[300], path[300];
    snprintf(old, sizeof old, "%s/.x.pdf.tmp-AbC123", dir);
    snprintf(young, sizeof young, "%s/.y.pdf.tmp-XyZ789", dir);
    snprintf(other, sizeof other, "%s/.notes.tmp", dir);
    const char *const files[] = {old, young, other};
    for (int i = 0; i < 3; i++)
        fclose(fopen(files[i], "w"));
    struct timeval tv[2] = {{1000000000, 0}, {1000000000, 0}}; /* 2001 */
    assert_int_equal(utimes(old, tv), 0);
    assert_int_equal(utimes(other, tv), 0);
    snprintf(path, sizeof path, "%s/z.csv", dir);
    ind_error err;
    assert_int_equal(ind_lockfile_write(path, "z", 1, &err), IND_OK);
    assert_int_equal(access(old, F_OK), -1);  /* ours and old: gone */
    assert_int_equal(access(young, F_OK), 0); /* ours but recent: may be another run's */
    assert_int_equal(access(other, F_OK), 0); /* not our pattern */
}

static void signal_removes_temporary(void **state)
{
    (void)state;
    char path[300];
    snprintf(path, sizeof path, "%s/killed.pdf", dir);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        ind_lockfile lf;
        ind_error err;
        if (ind_lockfile_open(&lf, path, &err) != IND_OK)
            _exit(9);
        fputs("half a document", lf.f);
        fflush(lf.f);
        raise(SIGTERM);
        _exit(8); /* not reached: SIGTERM ends the child */
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGTERM);
    assert_int_equal(entries(), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(write_and_replace, setup, teardown),
        cmocka_unit_test_setup_teardown(rollback_leaves_target, setup, teardown),
        cmocka_unit_test_setup_teardown(missing_folder_fails_cleanly, setup, teardown),
        cmocka_unit_test_setup_teardown(pair_both_or_neither, setup, teardown),
        cmocka_unit_test_setup_teardown(stale_temporaries_removed, setup, teardown),
        cmocka_unit_test_setup_teardown(signal_removes_temporary, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
