/* options.c: the one option parser every subcommand shares. */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "number.h"

enum {
    O_FORMAT = 256, O_CATALOG, O_NO_CATALOG, O_GOALS, O_ENCODING, O_DEMO, O_UNIT, O_INDICATOR,
    O_YEAR, O_PERIOD, O_GENDER, O_FROM, O_TO, O_LANG, O_TOLERANCE, O_MIN_N, O_FAIL_ON_FLAG,
    O_ALPHA, O_CHART, O_RULES, O_METHOD, O_ADJUST, O_UNITS, O_ALL_UNITS, O_WIDTH, O_HEIGHT,
    O_DPI, O_TITLE, O_CAPTION, O_ZOOM, O_TRENDLINE, O_KPI_META, O_MUNI_META, O_FULL_SHARE, O_NOT_SHARE, O_ORGANISATION,
    O_OVERDISPERSION, O_PAIRS, O_REFERENCE
};

static const struct {
    struct option opt;
    unsigned mask; /* 0: every command */
    const char *arg, *help;
} options[] = {
    {{"output", required_argument, 0, 'o'}, OPT_OUTPUT, "FILE", "write to FILE (atomically) instead of standard output"},
    {{"format", required_argument, 0, O_FORMAT}, OPT_FORMAT, "FMT", "table (default), csv, json, csv-sv or xlsx; else by -o's extension"},
    {{"lang", required_argument, 0, O_LANG}, OPT_LANG, "LANG", "sv (default) or en for text meant for people"},
    {{"unit", required_argument, 0, O_UNIT}, 0, "U", "only unit U (repeatable); also the unit of a VB-table file"},
    {{"indicator", required_argument, 0, O_INDICATOR}, OPT_FILTERS, "I", "only indicator I (repeatable; name, alias or id)"},
    {{"year", required_argument, 0, O_YEAR}, OPT_FILTERS, "Y", "only periods in year Y"},
    {{"period", required_argument, 0, O_PERIOD}, OPT_FILTERS, "P", "only period P (2021, 2021-T2, VB 2021)"},
    {{"gender", required_argument, 0, O_GENDER}, OPT_FILTERS, "G", "T, K, M or all"},
    {{"from", required_argument, 0, O_FROM}, 0, "P", "periods from P on; `--from kolada`: read the files as Kolada JSON"},
    {{"to", required_argument, 0, O_TO}, OPT_FILTERS, "P", "periods up to P"},
    {{"tolerance", required_argument, 0, O_TOLERANCE}, OPT_ATTAIN, "T", "delvis band: \"5 %\" of the target, or an absolute number"},
    {{"min-n", required_argument, 0, O_MIN_N}, OPT_ATTAIN | OPT_COMPARE, "N", "smallest base that is judged"},
    {{"fail-on-flag", no_argument, 0, O_FAIL_ON_FLAG}, OPT_ATTAIN, NULL, "exit with status 3 when anything is flagged"},
    {{"alpha", required_argument, 0, O_ALPHA}, OPT_TREND, "A", "significance level (default 0.05)"},
    {{"chart", required_argument, 0, O_CHART}, OPT_SPC, "KIND", "run, i, p or u"},
    {{"rules", required_argument, 0, O_RULES}, OPT_SPC, "SET", "anhoej (default), nhs or ihi"},
    {{"method", required_argument, 0, O_METHOD}, OPT_COMPARE, "M", "auto, prop, fisher, chisq, welch, anova, kruskal, funnel"},
    {{"adjust", required_argument, 0, O_ADJUST}, OPT_COMPARE, "A", "holm (default), bh or none"},
    {{"overdispersion", required_argument, 0, O_OVERDISPERSION}, OPT_COMPARE, "OD", "funnel limits: auto (default, widened when overdispersed) or none"},
    {{"pairs", no_argument, 0, O_PAIRS}, OPT_COMPARE, NULL, "every pairwise test, however many units (default: up to 50)"},
    {{"units", required_argument, 0, O_UNITS}, OPT_COMPARE | OPT_FILTERS, "U,...", "only these units (comma-separated)"},
    {{"reference", required_argument, 0, O_REFERENCE}, OPT_REFERENCE, "NAME", "set each series against unit NAME too, e.g. the förvaltning's total or Riket from Kolada (at most twice)"},
    {{"all-units", no_argument, 0, O_ALL_UNITS}, OPT_ALL_UNITS, NULL, "every unit"},
    {{"width", required_argument, 0, O_WIDTH}, OPT_CHART, "W", "width in points (px for PNG at 96 dpi)"},
    {{"height", required_argument, 0, O_HEIGHT}, OPT_CHART, "H", "height"},
    {{"dpi", required_argument, 0, O_DPI}, OPT_CHART, "D", "resolution of PNG output"},
    {{"title", required_argument, 0, O_TITLE}, OPT_CHART | OPT_REPORT, "T", "the chart's or the report's own title"},
    {{"organisation", required_argument, 0, O_ORGANISATION}, OPT_REPORT, "TEXT", "a line above the unit on the report's cover (repeatable), e.g. \"Stadsdelsförvaltning X\""},
    {{"caption", required_argument, 0, O_CAPTION}, OPT_CHART, "C", "caption (source line)"},
    {{"zoom", no_argument, 0, O_ZOOM}, OPT_CHART, NULL, "do not start a percentage axis at 0"},
    {{"trendline", no_argument, 0, O_TRENDLINE}, OPT_CHART, NULL, "draw the Sen trend line and OLS band"},
    {{"goals", required_argument, 0, O_GOALS}, OPT_GOALS, "FILE", "goals file (repeatable)"},
    {{"full-share", required_argument, 0, O_FULL_SHARE}, OPT_GOALS, "S", "goal roll-up: helt when this share of judged indicators is met (default 1)"},
    {{"not-share", required_argument, 0, O_NOT_SHARE}, OPT_GOALS, "S", "goal roll-up: inte when fewer than this share are met or partly (default 0.5)"},
    {{"catalog", required_argument, 0, O_CATALOG}, 0, "FILE", "indicator catalogue (repeatable; default: the built-in one)"},
    {{"kpi-meta", required_argument, 0, O_KPI_META}, 0, "FILE", "Kolada KPI metadata (JSON, or Nyckeltal.txt) naming the KPIs"},
    {{"municipality-meta", required_argument, 0, O_MUNI_META}, 0, "FILE", "Kolada municipality metadata (JSON, or Kommuner.txt)"},
    {{"no-catalog", no_argument, 0, O_NO_CATALOG}, 0, NULL, "use no catalogue at all"},
    {{"encoding", required_argument, 0, O_ENCODING}, 0, "ENC", "auto (default), utf-8 or cp1252"},
    {{"demo", no_argument, 0, O_DEMO}, 0, NULL, "use the built-in demo data (Exempelstad, synthetic)"},
    {{"quiet", no_argument, 0, 'q'}, 0, NULL, "no notes or progress on standard error"},
    {{"help", no_argument, 0, 'h'}, 0, NULL, "show this help"},
};
#define OPTION_COUNT (sizeof options / sizeof options[0])

void cli_usage(const cli_command *cmd, FILE *to)
{
    fprintf(to, "Usage: indikator %s %s\n\n%s\n", cmd->name, cmd->usage, cmd->summary);
    if (cmd->details)
        fprintf(to, "\n%s\n", cmd->details);
    fprintf(to, "\nOptions:\n");
    for (size_t i = 0; i < OPTION_COUNT; i++) {
        if (options[i].mask && !(options[i].mask & cmd->options))
            continue;
        char left[64];
        if (options[i].opt.val < 256)
            snprintf(left, sizeof left, "-%c, --%s%s%s", options[i].opt.val, options[i].opt.name,
                     options[i].arg ? " " : "", options[i].arg ? options[i].arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", options[i].opt.name, options[i].arg ? " " : "",
                     options[i].arg ? options[i].arg : "");
        fprintf(to, "  %-26s %s\n", left, options[i].help);
    }
    fprintf(to, "\nExit status: 0 ok, 1 usage error, 2 bad input, 3 something flagged (--fail-on-flag),\n"
                "4 out of memory, 5 a file or standard output could not be read or written.\n");
}

static int number_arg(const char *name, const char *s, double *out)
{
    const char *why;
    if (ind_num_parse(s, strlen(s), out, NULL, &why, NULL) != 0)
        return cli_error(1, "--%s: \"%s\" is not a number (%s)", name, s, why);
    return 0;
}

static int add_list(const char **list, int *count, const char *value, const char *name)
{
    if (*count >= CLI_MAX_LIST)
        return cli_error(1, "--%s: at most %d values", name, CLI_MAX_LIST);
    list[(*count)++] = value;
    return 0;
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_opts *opt, int *done)
{
    struct option longopts[OPTION_COUNT + 1];
    for (size_t i = 0; i < OPTION_COUNT; i++)
        longopts[i] = options[i].opt;
    memset(&longopts[OPTION_COUNT], 0, sizeof longopts[0]);
    memset(opt, 0, sizeof *opt);
    opt->tolerance = NAN;
    opt->min_n = NAN;
    opt->alpha = 0.05;
    opt->full_share = NAN;
    opt->not_share = NAN;
    *done = 0;
    optind = 1;
    opterr = 0;
    int c, idx;
    while ((c = getopt_long(argc, argv, "o:qh", longopts, &idx)) != -1) {
        if (c == '?' || c == ':') {
            if (optopt >= 256 || optopt == 'o')
                return cli_error(1, "%s needs a value; see 'indikator %s --help'", argv[optind - 1], cmd->name);
            return cli_error(1, "unknown option %s; see 'indikator %s --help'", argv[optind - 1], cmd->name);
        }
        unsigned mask = 0;
        const char *name = "";
        for (size_t i = 0; i < OPTION_COUNT; i++)
            if (options[i].opt.val == c) {
                mask = options[i].mask;
                name = options[i].opt.name;
            }
        if (mask && !(mask & cmd->options))
            return cli_error(1, "--%s is not an option of 'indikator %s'; see its --help", name, cmd->name);
        double v;
        switch (c) {
        case 'h': cli_usage(cmd, stdout); *done = 1; return 0;
        case 'o': opt->output = optarg; break;
        case 'q': opt->quiet = 1; break;
        case O_FORMAT: {
            ind_out_format f;
            if (ind_out_format_parse(optarg, &f) != 0)
                return cli_error(1, "--format: \"%s\" is not table, csv, json, csv-sv, xlsx, pdf, docx or html", optarg);
            opt->format = (out_format)f; /* which of them the command writes: cli_output_format */
            opt->format_given = 1;
            break;
        }
        case O_LANG:
            if (strcmp(optarg, "sv") == 0) opt->lang = IND_LANG_SV;
            else if (strcmp(optarg, "en") == 0) opt->lang = IND_LANG_EN;
            else return cli_error(1, "--lang: \"%s\" is not sv or en", optarg);
            break;
        case O_CATALOG:
            if (opt->catalog_count >= 16) return cli_error(1, "--catalog: at most 16 files");
            opt->catalog[opt->catalog_count++] = optarg;
            break;
        case O_NO_CATALOG: opt->no_catalog = 1; break;
        case O_GOALS:
            if (opt->goal_count >= 16) return cli_error(1, "--goals: at most 16 files");
            opt->goals[opt->goal_count++] = optarg;
            break;
        case O_ENCODING:
            if (strcasecmp(optarg, "auto") == 0) opt->encoding = IND_ENC_AUTO;
            else if (strcasecmp(optarg, "utf-8") == 0 || strcasecmp(optarg, "utf8") == 0) opt->encoding = IND_ENC_UTF8;
            else if (strcasecmp(optarg, "cp1252") == 0 || strcasecmp(optarg, "windows-1252") == 0 ||
                     strcasecmp(optarg, "latin1") == 0) opt->encoding = IND_ENC_CP1252;
            else return cli_error(1, "--encoding: \"%s\" is not auto, utf-8 or cp1252", optarg);
            break;
        case O_DEMO: opt->demo = 1; break;
        case O_UNIT:
            if (add_list(opt->units, &opt->unit_count, optarg, "unit")) return 1;
            opt->vb_unit = optarg;
            break;
        case O_UNITS: {
            char *s = optarg;
            for (char *p = s;; p++) {
                if (*p == ',' || *p == '\0') {
                    int end = *p == '\0';
                    *p = '\0';
                    if (*s && add_list(opt->units, &opt->unit_count, s, "units")) return 1;
                    if (end) break;
                    s = p + 1;
                }
            }
            break;
        }
        case O_INDICATOR:
            if (add_list(opt->indicators, &opt->indicator_count, optarg, "indicator")) return 1;
            break;
        case O_YEAR: {
            char *end;
            long y = strtol(optarg, &end, 10);
            if (*end || y < IND_YEAR_MIN || y > IND_YEAR_MAX)
                return cli_error(1, "--year: \"%s\" is not a year", optarg);
            opt->year = (int)y;
            break;
        }
        case O_KPI_META:
        case O_MUNI_META:
            if (opt->kolada_meta_count >= 16) return cli_error(1, "--%s: at most 16 files", name);
            opt->kolada_meta[opt->kolada_meta_count++] = optarg;
            break;
        case O_FROM:
            if (!strcasecmp(optarg, "kolada")) {
                opt->from_kolada = 1;
                break;
            }
            if (!(cmd->options & OPT_FILTERS))
                return cli_error(1, "--from is not an option of 'indikator %s' (except --from kolada)", cmd->name);
            /* fall through */
        case O_PERIOD:
        case O_TO: {
            ind_period p;
            const char *why;
            if (ind_period_parse(optarg, strlen(optarg), &p, &why) != 0)
                return cli_error(1, "--%s: \"%s\" is not a period: %s", name, optarg, why);
            if (c == O_PERIOD) opt->period = optarg;
            else if (c == O_FROM) opt->from = optarg;
            else opt->to = optarg;
            break;
        }
        case O_GENDER: {
            ind_gender g;
            if (strcasecmp(optarg, "all") != 0 && strcasecmp(optarg, "alla") != 0 &&
                ind_gender_parse(optarg, strlen(optarg), &g) != 0)
                return cli_error(1, "--gender: \"%s\" is not T, K, M, X or all", optarg);
            opt->gender = optarg;
            break;
        }
        case O_TOLERANCE: {
            unsigned flags = 0;
            const char *why;
            if (ind_num_parse(optarg, strlen(optarg), &v, &flags, &why, NULL) != 0 || v < 0)
                return cli_error(1, "--tolerance: \"%s\" is not \"N %%\" or a number >= 0", optarg);
            opt->tolerance = (flags & IND_NUM_PERCENT) ? v / 100.0 : v;
            opt->tolerance_relative = (flags & IND_NUM_PERCENT) != 0;
            break;
        }
        case O_MIN_N:
            if (number_arg(name, optarg, &v)) return 1;
            if (v < 0) return cli_error(1, "--min-n must be 0 or more");
            opt->min_n = v;
            break;
        case O_FAIL_ON_FLAG: opt->fail_on_flag = 1; break;
        case O_ALPHA:
            if (number_arg(name, optarg, &v)) return 1;
            if (!(v > 0 && v < 1)) return cli_error(1, "--alpha must lie between 0 and 1");
            opt->alpha = v;
            break;
        case O_FULL_SHARE:
        case O_NOT_SHARE:
            if (number_arg(name, optarg, &v)) return 1;
            if (!(v >= 0 && v <= 1)) return cli_error(1, "--%s must lie between 0 and 1", name);
            if (c == O_FULL_SHARE) opt->full_share = v;
            else opt->not_share = v;
            break;
        case O_CHART: opt->chart_kind = optarg; break;
        case O_RULES: opt->rules = optarg; break;
        case O_METHOD: opt->method = optarg; break;
        case O_ADJUST: opt->adjust = optarg; break;
        case O_OVERDISPERSION:
            if (strcasecmp(optarg, "auto") == 0) opt->overdispersion_none = 0;
            else if (strcasecmp(optarg, "none") == 0) opt->overdispersion_none = 1;
            else return cli_error(1, "--overdispersion: \"%s\" is not auto or none", optarg);
            break;
        case O_PAIRS: opt->all_pairs = 1; break;
        case O_REFERENCE:
            if (opt->reference_count >= IND_OPTS_REFERENCES_MAX)
                return cli_error(1, "--reference: at most %d references", IND_OPTS_REFERENCES_MAX);
            opt->references[opt->reference_count++] = optarg;
            break;
        case O_ALL_UNITS: opt->all_units = 1; break;
        case O_WIDTH:
        case O_HEIGHT:
        case O_DPI:
            if (number_arg(name, optarg, &v)) return 1;
            if (!(v >= 10 && v <= 20000)) return cli_error(1, "--%s must lie between 10 and 20000", name);
            if (c == O_WIDTH) opt->width = v;
            else if (c == O_HEIGHT) opt->height = v;
            else opt->dpi = v;
            break;
        case O_TITLE: opt->title = optarg; break;
        case O_ORGANISATION:
            if (opt->organisation_count >= 16) return cli_error(1, "--organisation: at most 16 lines");
            opt->organisation[opt->organisation_count++] = optarg;
            break;
        case O_CAPTION: opt->caption = optarg; break;
        case O_ZOOM: opt->zoom = 1; break;
        case O_TRENDLINE: opt->trendline = 1; break;
        }
    }
    int first = optind;
    if (cmd->takes_kind) {
        if (first >= argc)
            return cli_error(1, "'indikator %s' needs a KIND; see its --help", cmd->name);
        opt->kind = argv[first++];
    }
    for (int i = first; i < argc; i++) {
        if (opt->file_count >= (int)(sizeof opt->files / sizeof opt->files[0]))
            return cli_error(1, "too many files");
        opt->files[opt->file_count++] = argv[i];
    }
    if (opt->file_count < cmd->min_files)
        return cli_error(1, "'indikator %s' needs %s; see its --help", cmd->name,
                         cmd->min_files == 1 ? "a file" : "files");
    return 0;
}
