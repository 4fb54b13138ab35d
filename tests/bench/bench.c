/* bench.c: the benchmark program: one data file, each stage timed, medians and ratios printed.
 *
 *   indikator-bench FILE [--reps N] [--no-compare] [--no-charts] [--chart-dir DIR] [--report-data FILE --bin build/indikator]
 *                   [--charts-only] [--formats png,svg,pdf] [--compare-only [--pairs]]
 *                   [--trend-data FILE --bin NEW --old-bin OLD]
 *   indikator-bench --curve FILE... : ingest, status and trend of each file once, on every core,
 *                   and the straight line through the times, with its value at 10^8 observations
 *   indikator-bench --kolada FILE [--reps N] : Kolada JSON read to a dataset against jansson's
 *                   bare parse of the same bytes
 *
 * Stages: csv (bare libcsv tokenising, the baseline), ingest (file -> finished dataset, on
 * every core), status (every row judged against its årsmål) and trend (every series), each
 * in one thread and on every core, compare (every indicator; with --compare-only ingest and
 * compare alone, the compare-at-scale case). Each is repeated --reps times (default 5) and the median
 * reported, with throughput and, for ingest, the ratio to the baseline. Peak resident memory
 * is read from getrusage at the end of the ingest stage. With --trend-data, `trend FILE
 * --format csv` of two builds of the command (--old-bin, --bin) take turns --reps times and
 * the ratio of their medians is printed. */
#include <csv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <jansson.h>
#include <spawn.h>

#include "attain.h"
#include "compare.h"
#include "charts.h"
#include "figures.h"
#include "catalog.h"
#include "csvread.h"
#include "dataset.h"
#include "ingest.h"
#include "kolada.h"
#include "outlook.h"
#include "parallel.h"
#include "trend.h"

extern char **environ; /* for posix_spawn */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of this thread: the work without the waits for the disk */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* ---- baseline: libcsv over the bytes, nothing else ---- */
static size_t fields_seen, rows_seen;
static void cb_field(void *s, size_t len, void *data) { (void)s, (void)len, (void)data; fields_seen++; }
static void cb_row(int c, void *data) { (void)c, (void)data; rows_seen++; }

static double bare_csv(const char *data, size_t size)
{
    struct csv_parser p;
    csv_init(&p, CSV_APPEND_NULL);
    double t0 = now();
    csv_parse(&p, data, size, cb_field, cb_row, NULL);
    csv_fini(&p, cb_field, cb_row, NULL);
    double t = now() - t0;
    csv_free(&p);
    return t;
}

/* ---- status and trend over a range, for one thread or every core ---- */
typedef struct {
    const ind_dataset *ds;
    size_t from, to; /* observations (status) or series (trend) */
    size_t count;
} range_job;

static void *status_run(void *arg)
{
    range_job *j = arg;
    ind_attain_policy policy;
    ind_attain_policy_default(&policy);
    for (size_t i = j->from; i < j->to; i++) {
        ind_attainment a;
        ind_attain_obs(j->ds, i, 0, &policy, IND_LANG_SV, &a);
        j->count += a.verdict == IND_VERDICT_MET;
    }
    return NULL;
}

static void *outlook_run(void *arg)
{
    range_job *j = arg;
    ind_error err;
    for (size_t s = j->from; s < j->to; s++) {
        ind_outlook_trend o;
        if (ind_outlook_trend_of(j->ds, s, 0, 0, 0.05, IND_LANG_SV, &o, &err) == IND_OK) {
            j->count += o.verdict == IND_TREND_IMPROVING;
            ind_outlook_trend_free(&o);
        }
    }
    return NULL;
}

/* Runs fn over [0, n) split in `parts` ranges, one thread each; the seconds it took. */
static double over_ranges(void *(*fn)(void *), const ind_dataset *ds, size_t n, int parts)
{
    range_job job[IND_PARALLEL_MAX];
    for (int k = 0; k < parts; k++)
        job[k] = (range_job){ds, n / (size_t)parts * (size_t)k, k + 1 == parts ? n : n / (size_t)parts * (size_t)(k + 1), 0};
    double t0 = now();
    ind_parallel_run(fn, job, sizeof job[0], parts);
    return now() - t0;
}

/* One `trend FILE --format csv` of bin, its output to /dev/null: wall seconds, and
 * the child's CPU in *cpu. posix_spawn, not fork: a fork copies this process's page
 * tables (a dataset's worth after the other stages), and that copy was timed as the
 * child's. */
static double run_trend_command(const char *bin, const char *file, double *cpu)
{
    fflush(stdout);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    char *args[] = {(char *)bin, "trend", (char *)file, "--format", "csv", "-q", NULL};
    double t0 = now();
    pid_t pid;
    int status = 0;
    if (posix_spawn(&pid, bin, &fa, NULL, args, environ) != 0) {
        fprintf(stderr, "bench: cannot start %s\n", bin);
        posix_spawn_file_actions_destroy(&fa);
        *cpu = 0;
        return 0;
    }
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    double t = now() - t0;
    posix_spawn_file_actions_destroy(&fa);
    *cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
           ((double)ru.ru_utime.tv_usec + (double)ru.ru_stime.tv_usec) * 1e-6;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fprintf(stderr, "bench: %s trend %s failed\n", bin, file);
    return t;
}

/* trend --format csv of the old and the new command, taking turns. */
static void trend_commands(const char *file, const char *old_bin, const char *bin, int reps)
{
    double *to = malloc((size_t)reps * sizeof *to), *tn = malloc((size_t)reps * sizeof *tn);
    double *co = malloc((size_t)reps * sizeof *co), *cn = malloc((size_t)reps * sizeof *cn);
    for (int r = 0; r < reps; r++) {
        to[r] = run_trend_command(old_bin, file, &co[r]);
        tn[r] = run_trend_command(bin, file, &cn[r]);
    }
    double mo = median(to, reps), mn = median(tn, reps), mco = median(co, reps), mcn = median(cn, reps);
    printf("%-28s %12.4f %16s %10s  (CPU %.4f s)\n", "trend --format csv, old", mo, "", "", mco);
    printf("%-28s %12.4f %16s %10.2f  (CPU %.4f s; old/new %.2f wall, %.2f CPU)\n", "trend --format csv, new",
           mn, "", mn / mo, mcn, mo / mn, mco / mcn);
    free(to), free(tn), free(co), free(cn);
}

/* --kolada FILE: Kolada JSON to a finished dataset against jansson's bare parse of
 * the same bytes (the reader's baseline, as libcsv is the CSV reader's), taking turns. */
static int kolada_stage(const char *path, int reps)
{
    ind_error err;
    char *data;
    size_t size;
    if (ind_file_slurp(path, &data, &size, &err) != IND_OK) {
        fprintf(stderr, "bench: %s\n", err.message);
        return 1;
    }
    double *tb = malloc((size_t)reps * sizeof *tb), *tk = malloc((size_t)reps * sizeof *tk);
    size_t nobs = 0;
    int rc = 0;
    for (int r = 0; r < reps && !rc; r++) {
        double t0 = now();
        json_t *root = json_loadb(data, size, 0, NULL);
        tb[r] = now() - t0;
        json_decref(root);
        ind_dataset *ds = ind_dataset_new(NULL);
        t0 = now();
        if (ind_kolada_ingest_buffer(ds, path, data, size, NULL, &nobs, &err) != IND_OK ||
            ind_dataset_finish(ds, &err) != IND_OK) {
            fprintf(stderr, "bench: %s:%ld:%ld: %s\n", err.file, err.line, err.column, err.message);
            rc = 1;
        }
        tk[r] = now() - t0;
        ind_dataset_free(ds);
    }
    if (!rc) {
        double base = median(tb, reps), k = median(tk, reps);
        printf("%-28s %12.4f %13.1f MB/s %10s\n", "json (bare jansson)", base, (double)size / 1e6 / base, "1.00");
        printf("%-28s %12.4f %12.2f Mobs/s %10.2f\n", "kolada (to finished dataset)", k,
               (double)nobs / 1e6 / k, k / base);
    }
    free(tb), free(tk);
    ind_file_free(data, size);
    return rc;
}

/* --curve: each file read, judged and trended once on every core; the line through the times. */
static int curve(int nfiles, char **files)
{
    double n[16], t[16];
    int cores = ind_parallel_cores(), k = 0;
    printf("%-14s %10s %10s %10s %10s %10s %12s %12s\n", "observations", "libcsv s", "ingest s", "status s",
           "trend s", "total s", "s per 10^6", "bytes/obs");
    for (; k < nfiles && k < 16; k++) {
        ind_error err;
        char *data;
        size_t size;
        if (ind_file_slurp(files[k], &data, &size, &err) != IND_OK) {
            fprintf(stderr, "bench: %s\n", err.message);
            return 1;
        }
        long rss0 = peak_rss_kb();
        double base = bare_csv(data, size);
        ind_dataset *ds = ind_dataset_new(NULL);
        double t0 = now();
        if (ind_ingest_buffer(ds, files[k], data, size, NULL, NULL, &err) != IND_OK ||
            ind_dataset_finish(ds, &err) != IND_OK) {
            fprintf(stderr, "bench: %s:%ld: %s\n", err.file, err.line, err.message);
            return 1;
        }
        double ing = now() - t0;
        long rss = peak_rss_kb();
        size_t nobs = ind_dataset_obs_count(ds);
        double st = over_ranges(status_run, ds, nobs, cores);
        double tr = over_ranges(outlook_run, ds, ind_dataset_series_count(ds), cores);
        n[k] = (double)nobs;
        t[k] = ing + st + tr;
        printf("%-14zu %10.3f %10.3f %10.3f %10.3f %10.3f %12.3f %12.1f\n", nobs, base, ing, st, tr, t[k],
               t[k] / (double)nobs * 1e6, ((double)(rss > rss0 ? rss : rss0) * 1024.0 - (double)size) / (double)nobs);
        ind_dataset_free(ds);
        ind_file_free(data, size);
    }
    /* least squares t = a + b n, and how far each point is from it */
    double sn = 0, st = 0, snn = 0, snt = 0;
    for (int i = 0; i < k; i++)
        sn += n[i], st += t[i], snn += n[i] * n[i], snt += n[i] * t[i];
    double b = (k * snt - sn * st) / (k * snn - sn * sn), a = (st - b * sn) / k;
    printf("line: %.3f s + %.4f s per 10^6 observations; at 10^8: %.1f s\n", a, b * 1e6, a + b * 1e8);
    for (int i = 0; i < k; i++)
        printf("  %.0f observations: measured %.3f s, line %.3f s (%+.1f %%)\n", n[i], t[i], a + b * n[i],
               100.0 * (t[i] - (a + b * n[i])) / (a + b * n[i]));
    return 0;
}

/* What the command line asked for. */
typedef struct {
    const char *path;
    int reps, charts, compare, charts_only, compare_only, pairs_all;
    const char *report_data, *bin, *chart_dir, *formats, *trend_data, *old_bin;
} bench_opts;

/* The baseline and ingestion, taking turns; the dataset of the last run. */
static ind_dataset *ingest_stage(const bench_opts *o, const char *data, size_t size, double *t, double *ing)
{
    const char *path = o->path;
    int reps = o->reps;
    ind_error err;
    /* the baseline and ingestion alternate, so both see the same machine */
    double *tb = malloc((size_t)reps * sizeof *tb);
    ind_dataset *ds = NULL;
    long rss_before = peak_rss_kb();
    for (int r = 0; r < reps; r++) {
        tb[r] = bare_csv(data, size);
        ind_dataset_free(ds);
        ds = ind_dataset_new(NULL);
        double t0 = now();
        if (ind_ingest_buffer(ds, path, data, size, NULL, NULL, &err) != IND_OK ||
            ind_dataset_finish(ds, &err) != IND_OK) {
            fprintf(stderr, "bench: %s:%ld: %s\n", err.file, err.line, err.message);
            return NULL;
        }
        t[r] = now() - t0;
    }
    double base = median(tb, reps);
    free(tb);
    printf("%-28s %12.4f %13.1f MB/s %10s\n", "csv (bare libcsv)", base, (double)size / 1e6 / base, "1.00");
    *ing = median(t, reps);
    size_t nobs = ind_dataset_obs_count(ds);
    printf("%-28s %12.4f %12.2f Mobs/s %10.2f\n", "ingest (to finished dataset)", *ing, (double)nobs / 1e6 / *ing, *ing / base);
    long rss = peak_rss_kb();
    printf("  observations %zu, series %zu; dataset columns %.1f bytes/obs; strings %zu bytes;"
           " peak RSS %.1f bytes/obs beyond the file buffer, %.1f beyond the process before"
           " ingest (%ld kB)\n",
           nobs, ind_dataset_series_count(ds), (double)ind_dataset_bytes(ds) / (double)nobs,
           ind_strtab_bytes(ind_dataset_strings(ds)),
           ((double)rss * 1024.0 - (double)size) / (double)nobs,
           (double)(rss - rss_before) * 1024.0 / (double)nobs, rss_before);

    return ds;
}

/* Status and trend of everything, in one thread and on every core. */
static void analysis_stage(const ind_dataset *ds, int reps, double *t, double ing)
{
    size_t nobs = ind_dataset_obs_count(ds), nser = ind_dataset_series_count(ds);
    ind_error err;
    ind_attain_policy policy;
    ind_attain_policy_default(&policy);
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        size_t met = 0;
        for (size_t i = 0; i < nobs; i++) {
            ind_attainment a;
            ind_attain_obs(ds, i, 0, &policy, IND_LANG_SV, &a);
            met += a.verdict == IND_VERDICT_MET;
        }
        t[r] = now() - t0;
        if (met == (size_t)-1)
            puts("");
    }
    double st = median(t, reps);
    printf("%-28s %12.4f %12.2f Mobs/s %10s\n", "status (every row)", st, (double)nobs / 1e6 / st, "");

    /* trend statistics for every series: the bare statistics on each series'
     * values (the target), and the full per-series outlook the command computes */
    double *tt = malloc(4096 * sizeof *tt), *yy = malloc(4096 * sizeof *yy);
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        size_t improving = 0;
        for (size_t s = 0; s < nser; s++) {
            const ind_series *se = ind_dataset_series(ds, s);
            size_t n = 0;
            for (size_t i = se->first; i < se->first + se->count && n < 4096; i++) {
                double v = ind_dataset_value(ds, i);
                if (v == v) {
                    tt[n] = ind_period_time(ind_dataset_period(ds, i));
                    yy[n++] = v;
                }
            }
            ind_trend_result tr;
            if (n >= 2 && ind_trend_analyse(tt, yy, n, 0.05, &tr) == IND_OK)
                improving += ind_trend_judge(&tr, IND_DIR_HIGHER, 0.05) == IND_TREND_IMPROVING;
        }
        t[r] = now() - t0;
        if (improving == (size_t)-1)
            puts("");
    }
    double tr_time = median(t, reps);
    printf("%-28s %12.4f %9.0f series/s %10s\n", "trend statistics (series)", tr_time, (double)nser / tr_time, "");
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        for (size_t s = 0; s < nser; s++) {
            ind_outlook_trend o;
            if (ind_outlook_trend_of(ds, s, 0, 0, 0.05, IND_LANG_SV, &o, &err) == IND_OK)
                ind_outlook_trend_free(&o);
        }
        t[r] = now() - t0;
    }
    double out_time = median(t, reps);
    printf("%-28s %12.4f %9.0f series/s %10s\n", "trend (command's outlook)", out_time, (double)nser / out_time, "");
    printf("%-28s %12.4f %s\n", "end to end: ingest+status+trend", ing + st + out_time, "(medians added)");
    int cores = ind_parallel_cores();
    for (int r = 0; r < reps; r++)
        t[r] = over_ranges(status_run, ds, nobs, cores);
    double st_all = median(t, reps);
    printf("%-28s %12.4f %12.2f Mobs/s %10s  (%d threads)\n", "status, every core", st_all, (double)nobs / 1e6 / st_all, "", cores);
    for (int r = 0; r < reps; r++)
        t[r] = over_ranges(outlook_run, ds, nser, cores);
    double out_all = median(t, reps);
    printf("%-28s %12.4f %9.0f series/s %10s  (%d threads)\n", "trend (outlook), every core", out_all, (double)nser / out_all, "", cores);
    printf("%-28s %12.4f %s\n", "end to end, every core", ing + st_all + out_all, "(medians added)");
    free(tt);
    free(yy);
}

/* compare: every indicator across all units, at its latest period (auto
 * method), reps times (the median); pairwise tests up to the default bound,
 * or always with --pairs. Prints the pairwise and unit-against-the-rest
 * tests made and the peak resident memory after the stage. */
static void bench_compare(const ind_dataset *ds, int reps, int pairs_all)
{
    size_t nser = ind_dataset_series_count(ds), nind = 0, units = 0, pairs = 0, rest = 0;
    const char **names = malloc((nser ? nser : 1) * sizeof *names);
    ind_str *ids = malloc((nser ? nser : 1) * sizeof *ids);
    for (size_t s = 0; s < nser; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        size_t k = 0;
        while (k < nind && ids[k] != se->indicator)
            k++;
        if (k == nind) {
            ids[nind] = se->indicator;
            names[nind++] = ind_dataset_str(ds, se->indicator);
        }
    }
    double *t = malloc((size_t)reps * sizeof *t);
    ind_error err;
    for (int r = 0; r < reps; r++) {
        pairs = rest = units = 0;
        double t0 = now();
        for (size_t k = 0; k < nind; k++) {
            ind_cmp_options co;
            ind_cmp_options_default(&co);
            if (pairs_all)
                co.pair_units = SIZE_MAX;
            ind_cmp_result cr;
            if (ind_compare(ds, names[k], &co, &cr, &err) == IND_OK) {
                pairs += cr.pair_count;
                rest += cr.tested;
                if (cr.unit_count > units)
                    units = cr.unit_count;
            }
            ind_cmp_result_free(&cr);
        }
        t[r] = now() - t0;
    }
    double cmp = median(t, reps);
    printf("%-28s %12.4f %9.1f ind./s %10s  (%zu indicators of up to %zu units, %zu pairwise tests, %zu units"
           " against the rest; peak RSS %.0f MB; median of %d)\n",
           "compare (every indicator)", cmp, (double)nind / cmp, "", nind, units, pairs, rest,
           (double)peak_rss_kb() / 1024.0, reps);
    free(t);
    free(ids);
    free(names);
}

/* charts: 1 000 trend charts (total series) to each format, each to a new
 * file as `chart trend -o FOLDER` writes them; the median per chart.
 * (Replacing an existing file costs about 1 ms more on ext4, which
 * flushes a file renamed over another.) */
static int chart_stage(const ind_dataset *ds, const char *chart_dir, const char *formats)
{
    size_t nser = ind_dataset_series_count(ds);
    const char *fmt[] = {"png", "svg", "pdf"};
    char dir[600];
    snprintf(dir, sizeof dir, "%s/indikator-bench-XXXXXX", chart_dir);
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    size_t want = 1000, *pick = malloc(want * sizeof *pick), np = 0;
    for (size_t s = 0; s < nser && np < want; s++)
        if (ind_dataset_series(ds, s)->gender == IND_GENDER_T)
            pick[np++] = s;
    /* the formats take turns chart by chart, so all three see the same
     * machine (this VM's speed drifts by tens of per cent over a minute) */
    double *ct[3], *cm[3], *cc[3];
    for (int f = 0; f < 3; f++) {
        ct[f] = calloc(np ? np : 1, sizeof *ct[f]);
        cm[f] = calloc(np ? np : 1, sizeof *cm[f]);
        cc[f] = calloc(np ? np : 1, sizeof *cc[f]);
    }
    ind_chart_context *cctx = ind_chart_context_new();
    for (size_t k = 0; k < np; k++)
        for (int f = 0; f < 3; f++) {
            if (!strstr(formats, fmt[f]))
                continue;
            char path[700];
            snprintf(path, sizeof path, "%s/c%zu.%s", dir, k, fmt[f]);
            double t0 = now();
            ind_fig_trend *m = ind_fig_trend_new(ds, pick[k], 0, 0, 0, 0, 0.05, IND_LANG_SV);
            double t1 = now(), c1 = cpu_now();
            ind_chart_options o;
            ind_chart_options_init(&o);
            o.ctx = cctx;
            o.caption = "Källa: indikator-bench";
            if (m)
                ind_chart_render(IND_CHART_TREND, ind_fig_trend_chart(m), &o, path, NULL, NULL);
            ind_fig_trend_free(m);
            ct[f][k] = now() - t1; /* the chart: drawing, encoding and the atomic writes */
            cc[f][k] = cpu_now() - c1;
            cm[f][k] = t1 - t0;    /* gathering its model from the dataset */
        }
    double png_med = 0;
    for (int f = 0; f < 3; f++) {
        if (!strstr(formats, fmt[f]))
            continue;
        char name[64], ratio[16] = "";
        snprintf(name, sizeof name, "trend chart to %s", fmt[f]);
        double med = median(ct[f], (int)np);
        double mm = median(cm[f], (int)np);
        if (f == 0)
            png_med = med;
        if (png_med > 0)
            snprintf(ratio, sizeof ratio, "%.2f", med / png_med);
        printf("%-28s %12.6f %9.0f charts/s %10s  (median of %zu; CPU %.6f s; + %.6f s gathering the model)\n",
               name, med, 1.0 / med, ratio, np, median(cc[f], (int)np), mm);
        free(ct[f]);
        free(cm[f]);
        free(cc[f]);
    }
    ind_chart_context_free(cctx);
    for (int f = 0; f < 3; f++)
        for (size_t k = 0; k < np; k++) {
            char path[720];
            snprintf(path, sizeof path, "%s/c%zu.%s", dir, k, fmt[f]);
            unlink(path);
            snprintf(path, sizeof path, "%s/c%zu.%s.alt.txt", dir, k, fmt[f]);
            unlink(path);
        }
    rmdir(dir);
    free(pick);
    return 0;
}

/* full reports, through the command: --report-data FILE --bin PATH */
static void report_stage(const char *report_data, const char *bin)
{
    const char *argv1[] = {bin, "report", "-q", report_data, "--unit", "Enhet 000", "-o", "/tmp/indikator-bench-unit.pdf", NULL};
    const char *argv2[] = {bin, "report", "-q", report_data, "--all-units", "-o", "/tmp/indikator-bench-all.pdf", NULL};
    const char *const *runs[] = {argv1, argv2};
    const char *names[] = {"report, one unit", "report, every unit"};
    for (int k = 0; k < 2; k++) {
        double t0 = now();
        pid_t pid = fork();
        if (pid == 0) {
            execv(bin, (char *const *)runs[k]);
            _exit(127);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        double tr = now() - t0;
        printf("%-28s %12.4f %s\n", names[k], tr,
               WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "" : "  (FAILED)");
    }
    unlink("/tmp/indikator-bench-unit.pdf");
    unlink("/tmp/indikator-bench-all.pdf");
}

int main(int argc, char **argv)
{
    ind_memory_setup(); /* as the command does */
    if (argc >= 3 && !strcmp(argv[1], "--curve"))
        return curve(argc - 2, argv + 2);
    if (argc >= 3 && !strcmp(argv[1], "--kolada")) {
        int reps = argc >= 5 && !strcmp(argv[3], "--reps") ? atoi(argv[4]) : 5;
        return kolada_stage(argv[2], reps < 1 ? 1 : reps);
    }
    if (argc < 2) {
        fprintf(stderr, "usage: indikator-bench FILE [--reps N]\n");
        return 1;
    }
    /* charts go to a disk (this VM's /tmp directory is an outlier: about 1 ms a
     * file where /var/tmp on the same ext4 takes 0.08 ms) */
    bench_opts o = {argv[1], 5, 1, 1, 0, 0, 0, NULL, NULL, "/var/tmp", "png,svg,pdf", NULL, NULL};
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            o.reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--report-data") && i + 1 < argc)
            o.report_data = argv[++i];
        else if (!strcmp(argv[i], "--bin") && i + 1 < argc)
            o.bin = argv[++i];
        else if (!strcmp(argv[i], "--trend-data") && i + 1 < argc)
            o.trend_data = argv[++i];
        else if (!strcmp(argv[i], "--old-bin") && i + 1 < argc)
            o.old_bin = argv[++i];
        else if (!strcmp(argv[i], "--chart-dir") && i + 1 < argc)
            o.chart_dir = argv[++i];
        else if (!strcmp(argv[i], "--no-compare"))
            o.compare = 0;
        else if (!strcmp(argv[i], "--no-charts"))
            o.charts = 0;
        else if (!strcmp(argv[i], "--charts-only"))
            o.charts_only = 1; /* for profiling the charts alone */
        else if (!strcmp(argv[i], "--compare-only"))
            o.compare_only = 1, o.charts = 0; /* the compare-at-scale case: ingest, then compare */
        else if (!strcmp(argv[i], "--pairs"))
            o.pairs_all = 1; /* every pairwise test, however many units */
        else if (!strcmp(argv[i], "--formats") && i + 1 < argc)
            o.formats = argv[++i];
    }
    if (o.reps < 1)
        o.reps = 1;
    ind_error err;
    char *data;
    size_t size;
    if (ind_file_slurp(o.path, &data, &size, &err) != IND_OK) {
        fprintf(stderr, "bench: %s\n", err.message);
        return 1;
    }
    double *t = malloc((size_t)o.reps * sizeof *t), ing = 0;
    printf("indikator-bench: %s, %.1f MB, %d repetitions (median)\n", o.path, (double)size / 1e6, o.reps);
    printf("%-28s %12s %16s %10s\n", "stage", "median s", "throughput", "ratio");
    ind_dataset *ds = ingest_stage(&o, data, size, t, &ing);
    if (!ds)
        return 1;
    if (!o.charts_only && !o.compare_only)
        analysis_stage(ds, o.reps, t, ing);
    if (!o.charts_only && o.compare)
        bench_compare(ds, o.reps, o.pairs_all);
    if (o.charts && chart_stage(ds, o.chart_dir, o.formats))
        return 1;
    ind_dataset_free(ds);
    free(t);
    ind_file_free(data, size);
    if (o.trend_data && o.bin && o.old_bin)
        trend_commands(o.trend_data, o.old_bin, o.bin, o.reps);
    if (o.report_data && o.bin)
        report_stage(o.report_data, o.bin);
    return 0;
}
