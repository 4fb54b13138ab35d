/* bench.c: the benchmark program: one data file, each stage timed, medians and ratios printed.
 *
 *   indikator-bench FILE [--reps N] [--no-compare] [--no-charts] [--chart-dir DIR] [--report-data FILE --bin build/indikator]
 *                   [--charts-only] [--formats png,svg,pdf] [--compare-only [--pairs]]
 *
 * Stages: csv (bare libcsv tokenising, the baseline), ingest (file -> finished dataset),
 * status (every row judged against its årsmål), trend, compare (every indicator, once; with
 * --compare-only ingest and compare alone, the compare-at-scale case). Each is repeated --reps
 * times (default 5)
 * and the median reported, with throughput and, for ingest, the ratio to the baseline. Peak
 * resident memory is read from getrusage at the end of the ingest stage. */
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

#include "attain.h"
#include "compare.h"
#include "charts.h"
#include "figures.h"
#include "catalog.h"
#include "csvread.h"
#include "dataset.h"
#include "ingest.h"
#include "outlook.h"
#include "trend.h"

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

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: indikator-bench FILE [--reps N]\n");
        return 1;
    }
    const char *path = argv[1];
    int reps = 5, charts = 1, compare = 1, charts_only = 0, compare_only = 0, pairs_all = 0;
    /* charts go to a disk (this VM's /tmp directory is an outlier: about 1 ms a
     * file where /var/tmp on the same ext4 takes 0.08 ms) */
    const char *report_data = NULL, *bin = NULL, *chart_dir = "/var/tmp", *formats = "png,svg,pdf";
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--report-data") && i + 1 < argc)
            report_data = argv[++i];
        else if (!strcmp(argv[i], "--bin") && i + 1 < argc)
            bin = argv[++i];
        else if (!strcmp(argv[i], "--chart-dir") && i + 1 < argc)
            chart_dir = argv[++i];
        else if (!strcmp(argv[i], "--no-compare"))
            compare = 0;
        else if (!strcmp(argv[i], "--no-charts"))
            charts = 0;
        else if (!strcmp(argv[i], "--charts-only"))
            charts_only = 1; /* for profiling the charts alone */
        else if (!strcmp(argv[i], "--compare-only"))
            compare_only = 1, charts = 0; /* the compare-at-scale case: ingest, then compare */
        else if (!strcmp(argv[i], "--pairs"))
            pairs_all = 1; /* every pairwise test, however many units */
        else if (!strcmp(argv[i], "--formats") && i + 1 < argc)
            formats = argv[++i];
    }
    if (reps < 1)
        reps = 1;
    ind_error err;
    char *data;
    size_t size;
    if (ind_file_slurp(path, &data, &size, &err) != IND_OK) {
        fprintf(stderr, "bench: %s\n", err.message);
        return 1;
    }
    double *t = malloc((size_t)reps * sizeof *t);
    printf("indikator-bench: %s, %.1f MB, %d repetitions (median)\n", path, (double)size / 1e6, reps);
    printf("%-28s %12s %16s %10s\n", "stage", "median s", "throughput", "ratio");

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
            return 1;
        }
        t[r] = now() - t0;
    }
    double base = median(tb, reps);
    free(tb);
    printf("%-28s %12.4f %13.1f MB/s %10s\n", "csv (bare libcsv)", base, (double)size / 1e6 / base, "1.00");
    double ing = median(t, reps);
    size_t nobs = ind_dataset_obs_count(ds);
    printf("%-28s %12.4f %12.2f Mobs/s %10.2f\n", "ingest (to finished dataset)", ing, (double)nobs / 1e6 / ing, ing / base);
    long rss = peak_rss_kb();
    printf("  observations %zu, series %zu; dataset columns %.1f bytes/obs; strings %zu bytes;"
           " peak RSS %.1f bytes/obs beyond the file buffer (%ld kB before ingest)\n",
           nobs, ind_dataset_series_count(ds), (double)ind_dataset_bytes(ds) / (double)nobs,
           ind_strtab_bytes(ind_dataset_strings(ds)),
           ((double)rss * 1024.0 - (double)size) / (double)nobs, rss_before);

    size_t nser = ind_dataset_series_count(ds);
    if (!charts_only && !compare_only) {
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
        free(tt);
        free(yy);
    }
    if (compare && !charts_only)
        bench_compare(ds, compare_only ? reps : 1, pairs_all);

    /* charts: 1 000 trend charts (total series) to each format, each to a new
     * file as `chart trend -o FOLDER` writes them; the median per chart.
     * (Replacing an existing file costs about 1 ms more on ext4, which
     * flushes a file renamed over another.) */
    if (charts) {
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
                ind_fig_trend *m = ind_fig_trend_new(ds, pick[k], 0, 0, 0, 0, 0.05);
                double t1 = now(), c1 = cpu_now();
                ind_chart_options o;
                ind_chart_options_init(&o);
                o.ctx = cctx;
                o.caption = "Källa: indikator-bench";
                if (m)
                    ind_chart_render_trend(ind_fig_trend_chart(m), &o, path, NULL, NULL);
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
    }

    ind_dataset_free(ds);
    free(t);
    free(data);

    /* full reports, through the command: --report-data FILE --bin PATH */
    if (report_data && bin) {
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
    return 0;
}
