/* options.c: the one option table and parser every subcommand shares. */
#include "cli.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "number.h"
#include "text.h"

enum {
    O_FORMAT = 256, O_CATALOG, O_NO_CATALOG, O_GOALS, O_ENCODING, O_DEMO, O_KOLADA, O_UNIT, O_INDICATOR,
    O_YEAR, O_PERIOD, O_GENDER, O_FROM, O_TO, O_LANG, O_TOLERANCE, O_MIN_N, O_FAIL_ON_FLAG,
    O_ALPHA, O_CHART, O_RULES, O_METHOD, O_ADJUST, O_ALL_UNITS, O_WIDTH, O_HEIGHT,
    O_DPI, O_TITLE, O_CAPTION, O_ZOOM, O_TRENDLINE, O_KPI_META, O_MUNI_META, O_FULL_SHARE, O_NOT_SHARE, O_ORGANISATION,
    O_OVERDISPERSION, O_PAIRS, O_WIDE, O_REFERENCE
};

#define ARG required_argument
#define NOARG no_argument
/* Every option, in the order a command's help lists them under each heading.
 * Which command takes which: the options string of each command (commands.c). */
static const cli_option options[] = {
    /* Urval: what is shown */
    {"unit", 0, ARG, O_UNIT, CLI_G_SELECT, 0, "ENHET", "UNIT",
     "bara enheten ENHET; kan upprepas, och --unit A,B väljer båda",
     "only unit UNIT; repeatable, and --unit A,B selects both", NULL},
    {"units", 0, ARG, O_UNIT, CLI_G_SELECT, CLI_OPT_HIDDEN, "ENHET,...", "UNIT,...", "", "", NULL},
    {"all-units", 0, NOARG, O_ALL_UNITS, CLI_G_SELECT, 0, NULL, NULL, "varje enhet i underlaget", "every unit in the data", NULL},
    {"indicator", 0, ARG, O_INDICATOR, CLI_G_SELECT, 0, "IND", "IND",
     "bara indikatorn IND (namn, alias eller id); kan upprepas", "only indicator IND (name, alias or id); repeatable", NULL},
    {"year", 0, ARG, O_YEAR, CLI_G_SELECT, 0, "ÅR", "YEAR", "bara perioder under året ÅR", "only periods in YEAR", NULL},
    {"period", 0, ARG, O_PERIOD, CLI_G_SELECT, 0, "P", "P", "bara perioden P: 2025, 2025-T2, VB 2025 eller 2025-03",
     "only period P: 2025, 2025-T2, VB 2025 or 2025-03", NULL},
    {"from", 0, ARG, O_FROM, CLI_G_SELECT, 0, "P", "P", "perioder från och med P", "periods from P on", NULL},
    {"to", 0, ARG, O_TO, CLI_G_SELECT, 0, "P", "P", "perioder till och med P", "periods up to and including P", NULL},
    {"reference", 0, ARG, O_REFERENCE, CLI_G_SELECT, 0, "NAMN", "NAME",
     "jämför också med enheten NAMN, t.ex. förvaltningens total eller Riket från Kolada (högst två)",
     "set each series against unit NAME too, e.g. the förvaltning's total or Riket from Kolada (at most two)", NULL},
    {"gender", 0, ARG, O_GENDER, CLI_G_SELECT, 0, "KÖN", "SEX", "T, K, M, X eller all (alla kön)",
     "T, K, M, X or all (every sex)", "T K M X all"},
    /* Bedömning: the rules things are judged by */
    {"goals", 0, ARG, O_GOALS, CLI_G_JUDGE, 0, "FIL", "FILE", "målfil (kan upprepas; se docs/formats.md)",
     "goals file (repeatable; see docs/formats.md)", NULL},
    {"tolerance", 0, ARG, O_TOLERANCE, CLI_G_JUDGE, 0, "T", "T",
     "bandet för delvis uppfyllt: \"5 %\" av årsmålet (standard) eller ett tal i indikatorns enhet",
     "the band of partly met: \"5 %\" of the target (default) or a number in the indicator's unit", NULL},
    {"min-n", 0, ARG, O_MIN_N, CLI_G_JUDGE, 0, "N", "N", "minsta underlag som bedöms (standard 10)",
     "smallest base that is judged (default 10)", NULL},
    {"alpha", 0, ARG, O_ALPHA, CLI_G_JUDGE, 0, "A", "A", "signifikansnivå (standard 0,05)",
     "significance level (default 0.05)", NULL},
    {"full-share", 0, ARG, O_FULL_SHARE, CLI_G_JUDGE, 0, "ANDEL", "SHARE",
     "ett mål uppfylls helt när denna andel av dess bedömda indikatorer uppfylls (standard 1)",
     "a goal is met when this share of its judged indicators is met (default 1)", NULL},
    {"not-share", 0, ARG, O_NOT_SHARE, CLI_G_JUDGE, 0, "ANDEL", "SHARE",
     "ett mål uppfylls inte när färre än denna andel uppfylls helt eller delvis (standard 0,5)",
     "a goal is not met when fewer than this share are met or partly met (default 0.5)", NULL},
    {"method", 0, ARG, O_METHOD, CLI_G_JUDGE, 0, "METOD", "METHOD",
     "auto (standard), prop, fisher, chisq, welch, anova, kruskal eller funnel",
     "auto (default), prop, fisher, chisq, welch, anova, kruskal or funnel",
     "auto prop fisher chisq welch anova kruskal funnel"},
    {"adjust", 0, ARG, O_ADJUST, CLI_G_JUDGE, 0, "METOD", "METHOD",
     "justering av p-värden för många test: holm (standard), bh eller none",
     "adjustment of p-values for many tests: holm (default), bh or none", "holm bh none"},
    {"overdispersion", 0, ARG, O_OVERDISPERSION, CLI_G_JUDGE, 0, "OD", "OD",
     "trattgränser: auto (standard: vidgas vid överspridning) eller none",
     "funnel limits: auto (default: widened when overdispersed) or none", "auto none"},
    {"pairs", 0, NOARG, O_PAIRS, CLI_G_JUDGE, 0, NULL, NULL,
     "alla parvisa test, hur många enheter det än är (standard: upp till 50 enheter)",
     "every pairwise test, however many units (default: up to 50 units)", NULL},
    {"chart", 0, ARG, O_CHART, CLI_G_JUDGE, 0, "TYP", "KIND", "run, i, p eller u (standard: efter data)",
     "run, i, p or u (default: by the data)", "run i p u"},
    {"rules", 0, ARG, O_RULES, CLI_G_JUDGE, 0, "REGLER", "RULES", "anhoej (standard), nhs eller ihi",
     "anhoej (default), nhs or ihi", "anhoej nhs ihi"},
    {"fail-on-flag", 0, NOARG, O_FAIL_ON_FLAG, CLI_G_JUDGE, 0, NULL, NULL, "slutstatus 3 när något flaggas",
     "exit status 3 when anything is flagged", NULL},
    /* Utdata: where and how results are written */
    {"output", 'o', ARG, 'o', CLI_G_OUTPUT, 0, "FIL", "FILE", "skriv till FIL (atomärt) i stället för till standard ut (- är standard ut)",
     "write to FILE (atomically) instead of standard output (- is standard output)", NULL},
    {"format", 0, ARG, O_FORMAT, CLI_G_OUTPUT, 0, "FORMAT", "FORMAT", "%s; annars efter filändelsen i -o",
     "%s; else by the extension of -o", NULL},
    {"wide", 0, NOARG, O_WIDE, CLI_G_OUTPUT, 0, NULL, NULL, "visa alla kolumner, oavsett bredd",
     "show every column, whatever the width", NULL},
    {"title", 0, ARG, O_TITLE, CLI_G_OUTPUT, 0, "TEXT", "TEXT", "diagrammets titel", "the chart's title", NULL},
    {"caption", 0, ARG, O_CAPTION, CLI_G_OUTPUT, 0, "TEXT", "TEXT", "källraden under diagrammet (standard: filerna som lästs)",
     "the source line under the chart (default: the files read)", NULL},
    {"organisation", 0, ARG, O_ORGANISATION, CLI_G_OUTPUT, 0, "TEXT", "TEXT",
     "en rad ovanför enheten på framsidan (kan upprepas), t.ex. \"Stadsdelsförvaltning X\"",
     "a line above the unit on the cover (repeatable), e.g. \"Stadsdelsförvaltning X\"", NULL},
    {"width", 0, ARG, O_WIDTH, CLI_G_OUTPUT, 0, "B", "W", "bredd i punkter (bildpunkter i PNG vid 96 dpi)",
     "width in points (pixels in PNG at 96 dpi)", NULL},
    {"height", 0, ARG, O_HEIGHT, CLI_G_OUTPUT, 0, "H", "H", "höjd i punkter", "height in points", NULL},
    {"dpi", 0, ARG, O_DPI, CLI_G_OUTPUT, 0, "D", "D", "upplösning för PNG", "resolution of PNG output", NULL},
    {"zoom", 0, NOARG, O_ZOOM, CLI_G_OUTPUT, 0, NULL, NULL, "låt inte en procentaxel börja vid 0",
     "do not start a percentage axis at 0", NULL},
    {"trendline", 0, NOARG, O_TRENDLINE, CLI_G_OUTPUT, 0, NULL, NULL, "rita Sens trendlinje och OLS-bandet",
     "draw the Sen trend line and the OLS band", NULL},
    /* Indata: how the data files are read */
    {"demo", 0, NOARG, O_DEMO, CLI_G_INPUT, 0, NULL, NULL,
     "använd de inbyggda demodata (Exempelstad, syntetiska), som när DATA saknas",
     "use the built-in demo data (Exempelstad, synthetic), as when no DATA is given", NULL},
    {"kolada", 0, NOARG, O_KOLADA, CLI_G_INPUT, 0, NULL, NULL, "läs DATA som Kolada-JSON (se docs/kolada.md)",
     "read DATA as Kolada JSON (see docs/kolada.md)", NULL},
    {"kpi-meta", 0, ARG, O_KPI_META, CLI_G_INPUT, 0, "FIL", "FILE",
     "Koladas metadata om nyckeltal (JSON eller Nyckeltal.txt), som namnger dem",
     "Kolada's KPI metadata (JSON, or Nyckeltal.txt) naming the KPIs", NULL},
    {"municipality-meta", 0, ARG, O_MUNI_META, CLI_G_INPUT, 0, "FIL", "FILE",
     "Koladas metadata om kommuner (JSON eller Kommuner.txt)",
     "Kolada's municipality metadata (JSON, or Kommuner.txt)", NULL},
    {"catalog", 0, ARG, O_CATALOG, CLI_G_INPUT, 0, "FIL", "FILE",
     "indikatorkatalog (kan upprepas; standard: den inbyggda)",
     "indicator catalogue (repeatable; default: the built-in one)", NULL},
    {"no-catalog", 0, NOARG, O_NO_CATALOG, CLI_G_INPUT, 0, NULL, NULL, "använd ingen indikatorkatalog alls",
     "use no indicator catalogue at all", NULL},
    {"encoding", 0, ARG, O_ENCODING, CLI_G_INPUT, 0, "KOD", "ENC", "auto (standard), utf-8 eller cp1252",
     "auto (default), utf-8 or cp1252", "auto utf-8 cp1252"},
    /* Övrigt: every command */
    {"lang", 0, ARG, O_LANG, CLI_G_OTHER, CLI_OPT_EVERY, "SPRÅK", "LANG",
     "sv (standard) eller en: språket i allt som är skrivet för människor",
     "sv (default) or en: the language of everything written for people", "sv en"},
    {"quiet", 'q', NOARG, 'q', CLI_G_OTHER, CLI_OPT_EVERY, NULL, NULL,
     "inga noteringar och ingen förloppsindikator på standard fel", "no notes or progress on standard error", NULL},
    {"help", 'h', NOARG, 'h', CLI_G_OTHER, CLI_OPT_EVERY, NULL, NULL, "visa den här hjälpen", "show this help", NULL},
};
#define OPTION_COUNT (sizeof options / sizeof options[0])
_Static_assert(OPTION_COUNT <= 8 * sizeof(unsigned long long), "cli_opts.given has a bit per option");

const cli_option *cli_options(size_t *count)
{
    *count = OPTION_COUNT;
    return options;
}

const cli_option *cli_option_find(const char *name)
{
    for (size_t i = 0; i < OPTION_COUNT; i++)
        if (strcmp(options[i].name, name) == 0)
            return &options[i];
    return NULL;
}

int cli_word_in(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; p && *p;) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        if (len == n && n && strncmp(p, word, n) == 0)
            return 1;
        p += len;
    }
    return 0;
}

/* The row an option is known by: the first with its id (a hidden alias
 * shares its id with the option it spells another way). */
static size_t row_of(int id)
{
    size_t i = 0;
    while (i + 1 < OPTION_COUNT && options[i].id != id)
        i++;
    return i;
}

int cli_takes(const cli_command *cmd, const cli_option *o)
{
    const cli_option *row = &options[row_of(o->id)];
    return (row->flags & CLI_OPT_EVERY) || cli_word_in(cmd->options, row->name);
}

int cli_one_gender(const cli_opts *opt, const char *what)
{
    if (opt->gender && (strcasecmp(opt->gender, "all") == 0 || strcasecmp(opt->gender, "alla") == 0))
        return cli_error(1, "%s takes one gender: T, K, M or X", what);
    return 0;
}

/* ---- values ---------------------------------------------------------------------- */

/* The number in s for option name: 0, or 1 after a message. */
static int number_arg(const char *name, const char *s, double *out)
{
    const char *why;
    if (ind_num_parse(s, strlen(s), out, NULL, &why, NULL) != 0)
        return cli_error(1, "--%s: \"%s\" is not a number (%s)", name, s, why);
    return 0;
}

/* Appends value to a list of at most CLI_MAX_LIST: 0, or 1 after a message. */
static int add_list(const char **list, int *count, const char *value, const char *name)
{
    if (*count >= CLI_MAX_LIST)
        return cli_error(1, "--%s: at most %d values", name, CLI_MAX_LIST);
    list[(*count)++] = value;
    return 0;
}

/* Adds the len bytes at s, blanks around it dropped, to opt->units (a copy in
 * opt->unit_text). An empty part adds nothing. Returns 0 or 1. */
static int add_unit_part(cli_opts *opt, const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (!len)
        return 0;
    if (opt->unit_text_used + len + 1 > sizeof opt->unit_text)
        return cli_error(1, "--unit: the names are too long");
    char *copy = opt->unit_text + opt->unit_text_used;
    memcpy(copy, s, len);
    copy[len] = '\0';
    opt->unit_text_used += len + 1;
    return add_list(opt->units, &opt->unit_count, copy, "unit");
}

/* --unit VALUE: kept as given (unit_args, and the unit of a VB-table file),
 * and split at its commas into units (cli_units_resolve may join it again). */
static int add_unit(cli_opts *opt, const char *value)
{
    if (add_list(opt->unit_args, &opt->unit_arg_count, value, "unit"))
        return 1;
    opt->vb_unit = value;
    int before = opt->unit_count;
    for (const char *s = value;; s++) {
        size_t len = strcspn(s, ",");
        if (add_unit_part(opt, s, len))
            return 1;
        s += len;
        if (!*s)
            break;
    }
    if (opt->unit_count == before)
        return cli_error(1, "--unit: \"%s\" names no unit", value);
    return 0;
}

/* Does the dataset have a unit called name (as written, or as a person may type it)? */
static int has_unit(const ind_dataset *ds, const char *name)
{
    size_t ns = ind_dataset_series_count(ds);
    for (size_t s = 0; s < ns; s++)
        if (strcmp(ind_dataset_str(ds, ind_dataset_series(ds, s)->unit), name) == 0)
            return 1;
    for (size_t s = 0; s < ns; s++)
        if (ind_text_equal(ind_dataset_str(ds, ind_dataset_series(ds, s)->unit), name, IND_TEXT_LOOSE))
            return 1;
    return 0;
}

void cli_units_resolve(cli_opts *opt, const ind_dataset *ds)
{
    int whole = 0;
    for (int i = 0; i < opt->unit_arg_count && !whole; i++)
        whole = strchr(opt->unit_args[i], ',') && has_unit(ds, opt->unit_args[i]);
    if (!whole)
        return;
    /* again from the values as given: a whole name first, else its parts */
    opt->unit_count = 0;
    opt->unit_text_used = 0;
    for (int i = 0; i < opt->unit_arg_count; i++) {
        const char *a = opt->unit_args[i];
        if (strchr(a, ',') && has_unit(ds, a))
            opt->units[opt->unit_count++] = a;
        else
            for (const char *s = a;; s++) { /* as add_unit split it: it fits */
                size_t len = strcspn(s, ",");
                add_unit_part(opt, s, len);
                s += len;
                if (!*s)
                    break;
            }
    }
}

/* ---- the options of each heading ------------------------------------------------- */

/* Urval: units, indicators, periods, gender. Returns 0 or 1. */
static int set_selection(int c, const char *name, const char *arg, cli_opts *opt)
{
    switch (c) {
    case O_UNIT: return add_unit(opt, arg);
    case O_ALL_UNITS: opt->all_units = 1; return 0;
    case O_REFERENCE:
        if (opt->reference_count >= IND_OPTS_REFERENCES_MAX)
            return cli_error(1, "--reference: at most %d references", IND_OPTS_REFERENCES_MAX);
        opt->references[opt->reference_count++] = arg;
        return 0;
    case O_INDICATOR: return add_list(opt->indicators, &opt->indicator_count, arg, "indicator");
    case O_YEAR: {
        char *end;
        long y = strtol(arg, &end, 10);
        if (*end || end == arg || y < IND_YEAR_MIN || y > IND_YEAR_MAX)
            return cli_error(1, "--year: \"%s\" is not a year", arg);
        opt->year = (int)y;
        return 0;
    }
    case O_FROM:
    case O_PERIOD:
    case O_TO: {
        ind_period p;
        const char *why;
        if (ind_period_parse(arg, strlen(arg), &p, &why) != 0)
            return cli_error(1, "--%s: \"%s\" is not a period: %s", name, arg, why);
        if (c == O_PERIOD) opt->period = arg;
        else if (c == O_FROM) opt->from = arg;
        else opt->to = arg;
        return 0;
    }
    case O_GENDER: {
        ind_gender g;
        if (strcasecmp(arg, "all") != 0 && strcasecmp(arg, "alla") != 0 && ind_gender_parse(arg, strlen(arg), &g) != 0)
            return cli_error(1, "--gender: \"%s\" is not T, K, M, X or all", arg);
        opt->gender = arg;
        return 0;
    }
    }
    return 0;
}

/* Bedömning: the attainment policy, goals and their roll-up, the statistics. Returns 0 or 1. */
static int set_judgement(int c, const char *name, const char *arg, cli_opts *opt)
{
    double v;
    switch (c) {
    case O_GOALS:
        if (opt->goal_count >= 16) return cli_error(1, "--goals: at most 16 files");
        opt->goals[opt->goal_count++] = arg;
        return 0;
    case O_TOLERANCE: {
        unsigned flags = 0;
        const char *why;
        if (ind_num_parse(arg, strlen(arg), &v, &flags, &why, NULL) != 0 || v < 0)
            return cli_error(1, "--tolerance: \"%s\" is not \"N %%\" or a number >= 0", arg);
        opt->tolerance = (flags & IND_NUM_PERCENT) ? v / 100.0 : v;
        opt->tolerance_relative = (flags & IND_NUM_PERCENT) != 0;
        return 0;
    }
    case O_MIN_N:
        if (number_arg(name, arg, &v)) return 1;
        if (v < 0) return cli_error(1, "--min-n must be 0 or more");
        opt->min_n = v;
        return 0;
    case O_ALPHA:
        if (number_arg(name, arg, &v)) return 1;
        if (!(v > 0 && v < 1)) return cli_error(1, "--alpha must lie between 0 and 1");
        opt->alpha = v;
        return 0;
    case O_FULL_SHARE:
    case O_NOT_SHARE:
        if (number_arg(name, arg, &v)) return 1;
        if (!(v >= 0 && v <= 1)) return cli_error(1, "--%s must lie between 0 and 1", name);
        if (c == O_FULL_SHARE) opt->full_share = v;
        else opt->not_share = v;
        return 0;
    case O_METHOD: opt->method = arg; return 0;
    case O_ADJUST: opt->adjust = arg; return 0;
    case O_OVERDISPERSION:
        if (strcasecmp(arg, "auto") == 0) opt->overdispersion_none = 0;
        else if (strcasecmp(arg, "none") == 0) opt->overdispersion_none = 1;
        else return cli_error(1, "--overdispersion: \"%s\" is not auto or none", arg);
        return 0;
    case O_PAIRS: opt->all_pairs = 1; return 0;
    case O_CHART: opt->chart_kind = arg; return 0;
    case O_RULES: opt->rules = arg; return 0;
    case O_FAIL_ON_FLAG: opt->fail_on_flag = 1; return 0;
    }
    return 0;
}

/* Utdata: the file, its format, and how a chart or a report looks. Returns 0 or 1. */
static int set_output(int c, const char *name, const char *arg, cli_opts *opt)
{
    double v;
    switch (c) {
    case 'o': opt->output = strcmp(arg, "-") ? arg : NULL; return 0; /* "-": standard output, as in most tools */
    case O_FORMAT: {
        ind_out_format f;
        if (ind_out_format_parse(arg, &f) != 0)
            return cli_error(1, "--format: \"%s\" is not table, csv, json, csv-sv, xlsx, pdf, docx or html", arg);
        opt->format = (out_format)f; /* which of them the command writes: cli_output_format */
        opt->format_given = 1;
        return 0;
    }
    case O_TITLE: opt->title = arg; return 0;
    case O_CAPTION: opt->caption = arg; return 0;
    case O_ORGANISATION:
        if (opt->organisation_count >= 16) return cli_error(1, "--organisation: at most 16 lines");
        opt->organisation[opt->organisation_count++] = arg;
        return 0;
    case O_WIDTH:
    case O_HEIGHT:
    case O_DPI:
        if (number_arg(name, arg, &v)) return 1;
        if (!(v >= 10 && v <= 20000)) return cli_error(1, "--%s must lie between 10 and 20000", name);
        if (c == O_WIDTH) opt->width = v;
        else if (c == O_HEIGHT) opt->height = v;
        else opt->dpi = v;
        return 0;
    case O_ZOOM: opt->zoom = 1; return 0;
    case O_TRENDLINE: opt->trendline = 1; return 0;
    case O_WIDE: opt->wide = 1; return 0;
    }
    return 0;
}

/* Indata and Övrigt: how files are read, the language, quiet. Returns 0 or 1. */
static int set_input(int c, const char *name, const char *arg, cli_opts *opt)
{
    switch (c) {
    case O_DEMO: opt->demo = 1; return 0;
    case O_KOLADA: opt->kolada = 1; return 0;
    case O_CATALOG:
        if (opt->catalog_count >= 16) return cli_error(1, "--catalog: at most 16 files");
        opt->catalog[opt->catalog_count++] = arg;
        return 0;
    case O_NO_CATALOG: opt->no_catalog = 1; return 0;
    case O_KPI_META:
    case O_MUNI_META:
        if (opt->kolada_meta_count >= 16) return cli_error(1, "--%s: at most 16 files", name);
        opt->kolada_meta[opt->kolada_meta_count++] = arg;
        return 0;
    case O_ENCODING:
        if (strcasecmp(arg, "auto") == 0) opt->encoding = IND_ENC_AUTO;
        else if (strcasecmp(arg, "utf-8") == 0 || strcasecmp(arg, "utf8") == 0) opt->encoding = IND_ENC_UTF8;
        else if (strcasecmp(arg, "cp1252") == 0 || strcasecmp(arg, "windows-1252") == 0 ||
                 strcasecmp(arg, "latin1") == 0) opt->encoding = IND_ENC_CP1252;
        else return cli_error(1, "--encoding: \"%s\" is not auto, utf-8 or cp1252", arg);
        return 0;
    case O_LANG:
        if (strcmp(arg, "sv") == 0) opt->lang = IND_LANG_SV;
        else if (strcmp(arg, "en") == 0) opt->lang = IND_LANG_EN;
        else return cli_error(1, "--lang: \"%s\" is not sv or en", arg);
        return 0;
    case 'q': opt->quiet = 1; return 0;
    }
    return 0;
}

/* ---- the phases of parsing ----------------------------------------------------- */

/* The defaults before any option. */
static void parse_start(cli_opts *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->tolerance = NAN;
    opt->min_n = NAN;
    opt->alpha = 0.05;
    opt->full_share = NAN;
    opt->not_share = NAN;
}

/* Every option up to the operands: each checked against what cmd takes and
 * set by its heading's function. *done is set after --help. Returns 0 or 1. */
static int parse_options(const cli_command *cmd, int argc, char **argv, cli_opts *opt, int *done)
{
    struct option longopts[OPTION_COUNT + 1];
    for (size_t i = 0; i < OPTION_COUNT; i++)
        longopts[i] = (struct option){options[i].name, options[i].has_arg, 0, options[i].id};
    memset(&longopts[OPTION_COUNT], 0, sizeof longopts[0]);
    optind = 1;
    opterr = 0;
    int c, idx;
    while ((c = getopt_long(argc, argv, "o:qh", longopts, &idx)) != -1) {
        if (c == '?' || c == ':') {
            if (optopt >= 256 || optopt == 'o')
                return cli_error(1, "%s needs a value; see 'indikator %s --help'", argv[optind - 1], cmd->name);
            return cli_error(1, "unknown option %s; see 'indikator %s --help'", argv[optind - 1], cmd->name);
        }
        size_t row = row_of(c);
        const cli_option *o = &options[row];
        if (c == O_FROM && strcasecmp(optarg, "kolada") == 0) /* the spelling of old */
            return cli_error(1, "--from takes a period; to read Kolada JSON, give --kolada");
        if (!cli_takes(cmd, o))
            return cli_error(1, "--%s is not an option of 'indikator %s'; see its --help", o->name, cmd->name);
        opt->given |= 1ull << row;
        if (c == 'h') {
            cli_usage(cmd, stdout);
            *done = 1;
            return 0;
        }
        int rc;
        switch (o->group) {
        case CLI_G_SELECT: rc = set_selection(c, o->name, optarg, opt); break;
        case CLI_G_JUDGE: rc = set_judgement(c, o->name, optarg, opt); break;
        case CLI_G_OUTPUT: rc = set_output(c, o->name, optarg, opt); break;
        default: rc = set_input(c, o->name, optarg, opt); break;
        }
        if (rc)
            return rc;
    }
    return 0;
}

/* The operands after the options: a chart's KIND, then the data files. Returns 0 or 1. */
static int parse_operands(const cli_command *cmd, int argc, char **argv, cli_opts *opt)
{
    int first = optind;
    if (cmd->kinds) {
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

/* What only the whole command line can say: options that contradict the operands. Returns 0 or 1. */
static int parse_agree(const cli_opts *opt)
{
    if (opt->demo && opt->file_count > 0)
        return cli_error(1, "--demo reads the built-in data; leave it out to read the files given");
    if (opt->kolada && opt->file_count == 0)
        return cli_error(1, "--kolada reads the files given as Kolada JSON; give the files");
    return 0;
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_opts *opt, int *done)
{
    parse_start(opt);
    *done = 0;
    int rc = parse_options(cmd, argc, argv, opt, done);
    if (rc || *done)
        return rc;
    if ((rc = parse_operands(cmd, argc, argv, opt)) != 0)
        return rc;
    return parse_agree(opt);
}
