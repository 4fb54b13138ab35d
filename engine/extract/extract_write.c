/* extract_write.c: writing extraction results as CSV files, each replaced atomically (temporary file, then rename). */
#include "extract.h"
#include "lockfile.h"
#include "messages.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* RFC 4180 field: quoted when it holds a comma, a quote, a line break or
 * blanks at its ends. */
static void field(FILE *f, const char *s, int last)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    int quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            quote = 1;
    if (quote) {
        fputc('"', f);
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"')
                fputc('"', f);
            fputc(s[i], f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputc(last ? '\n' : ',', f);
}

static void source(FILE *f, const ind_extract_result *r, long line, int last)
{
    char buf[600];
    snprintf(buf, sizeof buf, "%s:%ld", r->file ? r->file : "", line);
    field(f, buf, last);
}

static void write_indicators(FILE *f, const ind_extract_result *const *rs, size_t n)
{
    fputs("unit,indicator,period,gender,value,numerator,denominator,sd,target,kf_target,missing,goal,"
          "note,source,periodicity,value_unit\n",
          f);
    for (size_t k = 0; k < n; k++) {
        const ind_extract_result *r = rs[k];
        for (size_t i = 0; i < r->n_obs; i++) {
            const ind_extract_obs *o = &r->obs[i];
            field(f, o->unit, 0);
            field(f, o->indicator, 0);
            field(f, o->period, 0);
            field(f, o->gender, 0);
            field(f, o->value, 0);
            field(f, o->numerator, 0);
            field(f, o->denominator, 0);
            field(f, "", 0);
            field(f, o->target, 0);
            field(f, o->kf_target, 0);
            field(f, o->missing, 0);
            field(f, o->goal, 0);
            field(f, o->note, 0);
            source(f, r, o->line, 0);
            field(f, o->periodicity, 0);
            field(f, o->value_unit, 1);
        }
    }
}

static void write_goals(FILE *f, const ind_extract_result *const *rs, size_t n)
{
    fputs("id,level,parent,unit,text,year,assessment\n", f);
    for (size_t k = 0; k < n; k++) {
        const ind_extract_result *r = rs[k];
        for (size_t i = 0; i < r->n_goals; i++) {
            const ind_extract_goal *g = &r->goals[i];
            char year[16] = "";
            if (g->year)
                snprintf(year, sizeof year, "%d", g->year);
            field(f, g->id, 0);
            field(f, g->level, 0);
            field(f, g->parent, 0);
            field(f, g->unit, 0);
            field(f, g->text, 0);
            field(f, year, 0);
            field(f, g->assessment, 1);
        }
    }
}

static void write_activities(FILE *f, const ind_extract_result *const *rs, size_t n)
{
    fputs("name,start,end,unit,goal,source\n", f);
    for (size_t k = 0; k < n; k++) {
        const ind_extract_result *r = rs[k];
        for (size_t i = 0; i < r->n_activities; i++) {
            const ind_extract_activity *a = &r->activities[i];
            field(f, a->name, 0);
            field(f, a->start, 0);
            field(f, a->end, 0);
            field(f, a->unit, 0);
            field(f, a->goal, 0);
            source(f, r, a->line, 1);
        }
    }
}

static void write_notes(FILE *f, const ind_extract_result *const *rs, size_t n, int warnings)
{
    fputs(warnings ? "file,line,kind,message\n" : "file,line,reason,text\n", f);
    for (size_t k = 0; k < n; k++) {
        const ind_extract_result *r = rs[k];
        const ind_extract_note *v = warnings ? r->warnings : r->unread;
        size_t m = warnings ? r->n_warnings : r->n_unread;
        for (size_t i = 0; i < m; i++) {
            char line[32];
            snprintf(line, sizeof line, "%ld", v[i].line);
            field(f, r->file, 0);
            field(f, line, 0);
            field(f, v[i].reason, 0);
            field(f, v[i].text, 1);
        }
    }
}

enum { NFILES = 5 };
static const char *const names[NFILES] = {"indicators.csv", "goals.csv", "activities.csv", "unread.csv",
                                          "warnings.csv"};

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b || !a[0] || !b[0] || stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

ind_status ind_extract_write(const ind_extract_result *const *results, size_t n, const char *outdir,
                             ind_error *err)
{
    if (!outdir || !outdir[0])
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "no output directory given");
    if (n > 0 && !results)
        return ind_error_set(err, IND_EUSAGE, outdir, 0, 0, "no results given");
    for (size_t k = 0; k < n; k++)
        if (!results[k])
            return ind_error_set(err, IND_EUSAGE, outdir, 0, 0, "result %zu is missing", k + 1);
    struct stat st;
    if (stat(outdir, &st) != 0) {
        if (errno != ENOENT || mkdir(outdir, 0777) != 0)
            return ind_error_set(err, IND_EIO, outdir, 0, 0, "cannot create the output directory: %s",
                                 ind_msg_errno(errno));
    } else if (!S_ISDIR(st.st_mode)) {
        return ind_error_set(err, IND_EUSAGE, outdir, 0, 0, "the output path is not a directory");
    }

    char final[NFILES][4096];
    for (int i = 0; i < NFILES; i++) {
        if (snprintf(final[i], sizeof final[i], "%s/%s", outdir, names[i]) >= (int)sizeof final[i])
            return ind_error_set(err, IND_EUSAGE, outdir, 0, 0, "the output directory name is too long");
        for (size_t k = 0; k < n; k++)
            if (same_file(final[i], results[k]->path))
                return ind_error_set(err, IND_EUSAGE, final[i], 0, 0,
                                     "refusing to overwrite an input file with output");
    }
    /* the five files together: all written, or none replaced */
    ind_lockfile lf[NFILES];
    for (int i = 0; i < NFILES; i++) {
        ind_status status = ind_lockfile_open(&lf[i], final[i], err);
        if (status != IND_OK) {
            while (i-- > 0)
                ind_lockfile_rollback(&lf[i]);
            return status;
        }
        switch (i) {
        case 0: write_indicators(lf[i].f, results, n); break;
        case 1: write_goals(lf[i].f, results, n); break;
        case 2: write_activities(lf[i].f, results, n); break;
        case 3: write_notes(lf[i].f, results, n, 0); break;
        default: write_notes(lf[i].f, results, n, 1); break;
        }
    }
    return ind_lockfile_commit_all(lf, NFILES, err);
}
