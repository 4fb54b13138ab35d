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
    int kolada;           /* --kolada: every data file is Kolada JSON */
    const char *kolada_meta[16]; /* --kpi-meta and --municipality-meta files */
    int kolada_meta_count;
    /* output */
    const char *output;
    out_format format;
    int format_given;
    ind_lang lang;
    int quiet;
    int wide;             /* --wide: every column of a terminal table, however wide */
    /* filters */
    const char *units[CLI_MAX_LIST]; /* --unit values split at commas (cli_units_resolve) */
    int unit_count;
    const char *unit_args[CLI_MAX_LIST]; /* --unit values as given */
    int unit_arg_count;
    char unit_text[8192];                /* the parts units[] points to */
    size_t unit_text_used;
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
    unsigned long long given; /* bit i: option i of the table was given (cli_kind_check) */
} cli_opts;

/* The headings options are listed under in a command's help. */
typedef enum { CLI_G_SELECT, CLI_G_JUDGE, CLI_G_OUTPUT, CLI_G_INPUT, CLI_G_OTHER, CLI_G_COUNT } cli_group;

/* One option of the table (cli/options.c): every command takes those marked
 * CLI_OPT_EVERY; a hidden one (an old spelling) is accepted but never listed. */
enum { CLI_OPT_EVERY = 1, CLI_OPT_HIDDEN = 2 };
typedef struct {
    const char *name; /* the long name, without "--" */
    char letter;      /* the short form (-o), or 0 */
    int has_arg;      /* getopt's no_argument or required_argument */
    int id;           /* what the parser switches on */
    cli_group group;
    unsigned flags;   /* CLI_OPT_ */
    const char *arg_sv, *arg_en;   /* the value's name in the help: "FIL", "FILE" */
    const char *help_sv, *help_en; /* one line */
    const char *values; /* the words it takes, space-separated (completion), or NULL */
} cli_option;

/* A command's own help line for one of its options (where the table's does
 * not say what the option does there), and the heading it goes under. */
typedef struct {
    const char *name;
    cli_group group;
    const char *help_sv, *help_en;
} cli_option_note;

/* An example in a command's help: a command line that runs as written from
 * the source tree (the demo, or files in datasets/demo/), and what it does. */
typedef struct {
    const char *line, *sv, *en;
} cli_example;

/* A KIND a command takes first (chart KIND): its name, the options only it
 * takes of its command's (space-separated), and what it is. */
typedef struct {
    const char *name, *options, *sv, *en;
} cli_kind;

typedef struct {
    const char *name;
    int (*run)(cli_opts *opt);
    const char *summary_sv, *summary_en; /* one sentence */
    const char *usage_sv, *usage_en;     /* the arguments after the command name */
    const char *details_sv, *details_en; /* more help text, may be NULL */
    const char *options;                 /* the options it takes: long names, space-separated */
    const char *formats;                 /* the values of --format, space-separated, or NULL */
    const cli_option_note *notes;        /* ended by {NULL}; may be NULL */
    cli_example examples[2];
    int min_files;                       /* data files needed (0: the demo is used when none) */
    const cli_kind *kinds;               /* the first argument is one of these KINDs (chart), ended by {NULL} */
} cli_command;

/* The commands (cli/commands.c); hidden ones (__complete, __man) are not in it. */
const cli_command *cli_commands(size_t *count);
/* The command named name, or NULL. */
const cli_command *cli_command_find(const char *name);
/* The KIND of cmd named name, or NULL. */
const cli_kind *cli_kind_find(const cli_command *cmd, const char *name);
/* Refuses (exit 1) an option given that another KIND of cmd takes and kind
 * does not (chart funnel --trendline). Returns 0 or 1. */
int cli_kind_check(const cli_command *cmd, const cli_kind *kind, const cli_opts *opt);

/* The option table and the option called name (NULL when there is none). */
const cli_option *cli_options(size_t *count);
const cli_option *cli_option_find(const char *name);
/* Does cmd take option o (listed in its options, or taken by every command)? */
int cli_takes(const cli_command *cmd, const cli_option *o);
/* Is word one of the space-separated words in list? */
int cli_word_in(const char *list, const char *word);

/* Parses argv for cmd into opt; prints help and returns 0 with *done set for
 * --help; returns 1 (usage) after printing a message on an option the command
 * does not take, a bad value or a missing operand. */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_opts *opt, int *done);
/* Refuses --gender all where a command takes one gender: 0 or 1. */
int cli_one_gender(const cli_opts *opt, const char *what);
/* After the data are read: a --unit value with commas that names one unit of
 * ds whole ("Stöd, vård och omsorg") selects that unit; any other is the list
 * of its parts, as the parser split it. */
void cli_units_resolve(cli_opts *opt, const ind_dataset *ds);

/* ---- help (cli/help.c) --------------------------------------------------------- */

/* A command's help in the language of cli_lang(): synopsis, what it does, its
 * options under Urval, Bedömning, Utdata, Indata and Övrigt, examples, exit codes. */
void cli_usage(const cli_command *cmd, FILE *to);
/* The help line of option o in cmd (cmd's own note, else the table's, with
 * --format's values filled in; buf holds size bytes for that), and *group the
 * heading it goes under. */
const char *cli_option_help(const cli_command *cmd, const cli_option *o, cli_group *group, char *buf, size_t size);
/* `indikator --help`: the commands, the options every command takes, examples, exit codes. */
void cli_general_help(FILE *to);
/* `indikator __man sv|en`: the man page (roff) from the same texts. Returns an exit code. */
int cli_man(int argc, char **argv);
/* `indikator __complete WHAT ...`: words for shell completion, one a line (cli/complete.c). */
int cli_complete(int argc, char **argv);

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
    const char *const *labels;  /* the names for people (the built-in data's in the language) */
    int file_count;
    const char *references[IND_OPTS_REFERENCES_MAX]; /* --reference as the data spells them */
    size_t reference_count;
} cli_data;

/* Loads the catalogue and every data file (or the embedded demo), finishes the
 * dataset, resolves the --unit lists against its names (cli_units_resolve),
 * finds the --unit and --indicator names in it (cli_resolve_names),
 * finds --reference likewise, and prints any error to stderr. Returns 0 or an exit code. */
int cli_load(cli_opts *opt, cli_data *data);
void cli_data_free(cli_data *data);
/* The language of messages (from --lang, read before anything is printed). */
void cli_set_lang(ind_lang lang);
ind_lang cli_lang(void);
/* Prints "indikator: file:line:col: message" to stderr and returns the exit code. */
int cli_fail(const ind_error *err);
int cli_error(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_note(const cli_opts *opt, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- names (names.c) ------------------------------------------------------ */

/* Finds each --unit, --reference and --indicator in the data by the one rule of
 * ind_text_find (byte for byte, else without case, else without diacritics;
 * an indicator also by its catalogue id and aliases) and puts the data's own
 * spelling in its place (pointing into ds, so valid while ds is). Returns 0;
 * 2 after a message naming the closest names ("Menade du Vuxenenheten?")
 * when a name is unknown; 1 after a message naming two when it is ambiguous. */
int cli_resolve_names(cli_opts *opt, const ind_dataset *ds);
/* "Did you mean": the names[0..n) closest to query (a few edits away, or
 * holding it), joined as a choice in the message language ("status",
 * "a, b eller c") into buf. Returns how many (at most 5); 0 leaves buf "". */
size_t cli_suggest(const char *query, const char *const *names, size_t n, char *buf, size_t size);

/* Does a series pass the --unit/--indicator/--gender filters? */
int cli_series_selected(const cli_opts *opt, const ind_dataset *ds, const ind_series *s,
                        int default_all_genders);
/* Is anything selected? 0 when an observation passes the --unit, --indicator,
 * --gender and period filters; else 2 after a message saying what was empty
 * and, when the filters other than the periods select something, for which
 * years the data has it: "inga utfall för år 2030 i urvalet (enhet
 * Vuxenenheten); data finns för 2016–2026". */
int cli_check_selection(const cli_opts *opt, const ind_dataset *ds);
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
/* The width terminal tables are written in: 0 (no limit) with --wide; else the
 * terminal's columns when standard output is one (and -o is not given), else
 * $COLUMNS, else 100. */
size_t cli_columns(const cli_opts *opt);
/* The format to write: --format, else the extension of -o, else the first of
 * can (n of them). A format not in can, a file name whose extension names no
 * format, or bytes (xlsx) to a terminal is a usage error: its message lists
 * what the command writes. Returns 0 or the exit code. */
#include "write.h"
int cli_output_format(const cli_opts *opt, const ind_out_format *can, size_t n, ind_out_format *fmt);

/* Does path name a folder to be made: does it end in "/" ("-o charts/")? */
int cli_folder_name(const char *path);
/* Makes the folder path and any parents that are missing (mkdir -p).
 * Returns 0, or 5 after a message naming the folder. */
int cli_make_folder(const char *path);
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

/* ---- progress (progress.c) --------------------------------------------------- */

/* One progress line on standard error for work over about a second (a report
 * of many units, charts to a folder, many files read): drawn only when
 * standard error is a terminal and not --quiet, from one second after the
 * start on, at most ten times a second, and cleared at the end. */
typedef struct {
    int enabled, shown;
    double start, last; /* monotonic seconds */
    size_t total;
    const char *label; /* what is counted: "diagram", "enheter" */
} cli_progress;
void cli_progress_start(cli_progress *p, const cli_opts *opt, size_t total, const char *label);
/* done of the total are finished; item names the one at hand (a unit, a file). */
void cli_progress_step(cli_progress *p, size_t done, const char *item);
void cli_progress_end(cli_progress *p);



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
/* The goals: the --goals files, or the demo's with the demo data, their units
 * spelt as in ds (ind_goals_match_units); errors printed, *rc set. */
ind_goals *cli_load_goals(const cli_opts *opt, const ind_dataset *ds, int *rc);

/* The decimals to show for a series' values. */
int cli_decimals(const ind_series *s);

#endif
