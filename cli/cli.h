/* cli.h: what the subcommands share: options, loading data, and the output layer. */
#ifndef IND_CLI_H
#define IND_CLI_H

#include <stdio.h>

#include "catalog.h"
#include "dataset.h"
#include "ingest.h"
#include "lockfile.h"
#include "opts.h"

/* ---- options ---------------------------------------------------------------- */

/* The values of ind_out_format (write.h), of which --format may name any. */
typedef enum { OUT_TABLE = 0, OUT_CSV, OUT_JSON, OUT_PDF, OUT_CSV_SV, OUT_HTML, OUT_DOCX, OUT_XLSX } out_format;

/* Which options a command accepts (a command lists them in its spec). */
enum {
    OPT_OUTPUT = 1 << 0,    /* -o FILE */
    OPT_FORMAT = 1 << 1,    /* --format table|csv|json|csv-sv|xlsx (report: pdf|xlsx|docx|html) */
    OPT_FILTERS = 1 << 2,   /* --unit --indicator --year --period --gender --from --to */
    OPT_LANG = 1 << 3,      /* --lang sv|en */
    OPT_ATTAIN = 1 << 4,    /* --tolerance --min-n --fail-on-flag */
    OPT_TREND = 1 << 5,     /* --alpha */
    OPT_SPC = 1 << 6,       /* --chart --rules */
    OPT_COMPARE = 1 << 7,   /* --method --adjust --units --overdispersion --pairs */
    OPT_CHART = 1 << 8,     /* --width --height --dpi --title --caption --zoom --trendline */
    OPT_GOALS = 1 << 9,     /* --goals FILE */
    OPT_ALL_UNITS = 1 << 10, /* --all-units */
    OPT_REPORT = 1 << 11,    /* --organisation --title (a report's cover) */
    OPT_REFERENCE = 1 << 12  /* --reference NAME (repeatable) */
};

#define CLI_MAX_LIST 256

typedef struct {
    /* inputs */
    const char *files[4096];
    int file_count;
    const char *catalog[16];
    int catalog_count;
    int no_catalog;
    const char *goals[16];
    int goal_count;
    ind_encoding encoding;
    const char *vb_unit; /* --unit for VB-table files is the same --unit as the filter */
    int demo;
    int from_kolada;      /* --from kolada: every file is Kolada JSON */
    const char *kolada_meta[16]; /* --kpi-meta and --municipality-meta files */
    int kolada_meta_count;
    /* output */
    const char *output;
    out_format format;
    int format_given;
    ind_lang lang;
    int quiet;
    /* filters */
    const char *units[CLI_MAX_LIST];
    int unit_count;
    const char *indicators[CLI_MAX_LIST];
    int indicator_count;
    int year;             /* 0 = any */
    const char *period;   /* NULL = any */
    const char *gender;   /* T, K, M, all; NULL = command default */
    const char *from, *to;
    /* analysis */
    double tolerance;     /* NaN = default */
    int tolerance_relative;
    double min_n;         /* NaN = default */
    double alpha;
    int fail_on_flag;
    const char *chart_kind, *rules, *method, *adjust;
    int overdispersion_none; /* --overdispersion none: plain funnel limits */
    int all_pairs;           /* --pairs: pairwise tests however many units */
    int all_units;
    double full_share, not_share; /* goal roll-up rule; NaN = default */
    /* charts */
    double width, height, dpi;
    const char *title, *caption;
    const char *organisation[16]; /* --organisation: lines on a report's cover */
    int organisation_count;
    const char *references[IND_OPTS_REFERENCES_MAX]; /* --reference, as typed */
    int reference_count;
    int zoom, trendline;
    const char *kind; /* chart KIND positional */
} cli_opts;

typedef struct {
    const char *name;
    int (*run)(cli_opts *opt);
    const char *summary;
    const char *usage;   /* the argument synopsis after the command name */
    const char *details; /* more help text, may be NULL */
    unsigned options;    /* OPT_ bits accepted */
    int min_files;       /* data files needed (0: the demo is used when none) */
    int takes_kind;      /* the first argument is a KIND (chart) */
} cli_command;

/* Parses argv for cmd into opt; prints help and returns 0 with *done set for
 * --help; returns 1 (usage) after printing a message on a bad option. */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_opts *opt, int *done);
void cli_usage(const cli_command *cmd, FILE *to);
const cli_command *cli_commands(size_t *count);

/* Before a command draws: one malloc arena under an address-space limit,
 * need_mb of address space reserved and given back, fontconfig set up (see
 * cli/memory.c). Returns 0, or 4 after a message when memory is short.
 * Measured peaks beyond the 22 MB the process holds at start (VmPeak, one
 * arena, the demo): a chart 46 MB, the report of one unit 47 MB, of every unit
 * 79 MB; CLI_DRAW_CHART_MB and CLI_DRAW_REPORT_MB add a margin. */
#define CLI_DRAW_CHART_MB 64
#define CLI_DRAW_REPORT_MB 96
int cli_draw_prepare(int need_mb);

/* ---- loading -------------------------------------------------------------- */

typedef struct {
    ind_catalog *catalog;
    ind_dataset *ds;
    ind_ingest_report *reports; /* one per file */
    const char **names;         /* file names as read */
    int file_count;
    const char *references[IND_OPTS_REFERENCES_MAX]; /* --reference as the data spells them */
    size_t reference_count;
} cli_data;

/* Loads the catalogue and every data file (or the embedded demo), finishes the
 * dataset, checks that --unit, --indicator and --reference name what the data
 * has (exit 2 with the data's units named when not) and prints any error to
 * stderr. Returns 0 or an exit code. */
int cli_load(const cli_opts *opt, cli_data *data);
void cli_data_free(cli_data *data);
/* The language of messages (from --lang, read before anything is printed). */
void cli_set_lang(ind_lang lang);
ind_lang cli_lang(void);
/* Prints "indikator: file:line:col: message" to stderr and returns the exit code. */
int cli_fail(const ind_error *err);
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_note(const cli_opts *opt, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The data's spelling of a unit as a person typed it: the same name, else
 * the one equal to it without case, else without case and diacritics
 * (ind_text_equal); NULL when the data has none. */
const char *cli_unit_lookup(const ind_dataset *ds, const char *name);

/* Does a series pass the --unit/--indicator/--gender filters? */
int cli_series_selected(const cli_opts *opt, const ind_dataset *ds, const ind_series *s,
                        int default_all_genders);
/* Does a period pass --year/--period/--from/--to? */
int cli_period_selected(const cli_opts *opt, ind_period p);

/* The data built into the binary: "catalog", "demo" (demo.csv) or "goals"
 * (the demo's goals.csv). Empty when the build had no such file. */
const char *cli_embedded(const char *which, unsigned long *size);

/* ---- output ------------------------------------------------------------------ */

/* Writes a document to -o (atomically) or standard output in the chosen
 * format (--format, else by the file's extension). Returns 0 or an exit code. */
#include "doc.h"
int cli_emit(const ind_doc *doc, const cli_opts *opt);
/* The format to write: --format, else the extension of -o, else the first of
 * can (n of them). A format not in can, a file name whose extension names no
 * format, or bytes (xlsx) to a terminal is a usage error: its message lists
 * what the command writes. Returns 0 or the exit code. */
#include "write.h"
int cli_output_format(const cli_opts *opt, const ind_out_format *can, size_t n, ind_out_format *fmt);

/* Atomic output (lockfile.h) with errors printed: 0 or an exit code. */
int out_file_open(ind_lockfile *lf, const char *path);
int out_file_commit(ind_lockfile *lf); /* removes the temporary on failure */
/* The one check that no output overwrites an input: refuses (exit 1, a message
 * naming both files) when one of the n_out paths to be written, sidecars such
 * as X.png.alt.txt included, is one of the n_in files read, by device and inode
 * (hard links, symlinks, "./x") or, for an output that does not exist yet, by
 * its path. Call it before anything is written. Returns 0 or 1. */
int out_check_paths(const char *const *inputs, size_t n_in, const char *const *outputs, size_t n_out);
/* out_check_paths over every file opt names as input: data, --catalog, --goals,
 * --kpi-meta and --municipality-meta. */
int out_check_outputs(const cli_opts *opt, const char *const *outputs, size_t n_out);
/* out_check_outputs for one output path. */
int out_check_not_input(const cli_opts *opt, const char *path);

/* After a command: flushes standard output; when that or any earlier write to
 * it failed (a full disk, /dev/full, a closed pipe), says so and returns 5;
 * else returns rc. */
int cli_stdout_done(int rc);

/* A progress bar on standard error when it is a terminal (and not --quiet). */
void cli_progress(const cli_opts *opt, size_t done, size_t total, const char *what);



/* ---- shared analysis settings -------------------------------------------------- */
#include "attain.h"
/* The attainment policy from --tolerance and --min-n over the defaults. */
void cli_policy(const cli_opts *opt, ind_attain_policy *policy);
/* The policy in words for a footer: "delvis inom 5 % av årsmålet; minsta underlag n = 10; ..." */
char *cli_policy_text(const cli_opts *opt, const ind_attain_policy *policy, char *buf, size_t size);
/* When no period filter is given, the latest year with an outcome (and a note); else 0. */
int cli_default_year(cli_opts *opt, const ind_dataset *ds);


/* The goal roll-up rule from --full-share and --not-share over the defaults. */
#include "goals.h"
void cli_rollup_rule(const cli_opts *opt, ind_rollup_rule *rule);

/* The library's options (selection, rules, language) from the command's. */
void cli_lib_opts(const cli_opts *opt, ind_opts *o);
/* The references of the loaded data (--reference as the data spells them) into o. */
void cli_lib_references(const cli_data *data, ind_opts *o);
/* What the builders read: the loaded data and the names of its files. */
#include "build.h"
ind_build_input cli_build_input(const cli_data *data);
/* The goals: the --goals files, or the demo's with the demo data; errors printed, *rc set. */
ind_goals *cli_load_goals(const cli_opts *opt, int *rc);

/* The decimals to show for a series' values. */
int cli_decimals(const ind_series *s);

#endif
