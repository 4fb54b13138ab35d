/* main.c: the indikator command: dispatch to one subcommand per file. */
#include "cli.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

int cmd_check(cli_opts *opt);
int cmd_import(cli_opts *opt);
int cmd_status(cli_opts *opt);
int cmd_flag(cli_opts *opt);
int cmd_goals(cli_opts *opt);
int cmd_compare(cli_opts *opt);
int cmd_trend(cli_opts *opt);
int cmd_spc(cli_opts *opt);
int cmd_report(cli_opts *opt);
int cmd_extract(cli_opts *opt);
int cmd_chart(cli_opts *opt);

static const cli_command commands[] = {
    {"check", cmd_check, "Validate data files and summarise them: units, indicators, periods, "
     "genders, missing values by reason, warnings.",
     "[options] [DATA...]", "With no DATA, the built-in demo data is checked.",
     OPT_FORMAT | OPT_OUTPUT | OPT_LANG, 0, 0},
    {"import", cmd_import, "Read data files in any accepted form and write them as one normalised "
     "canonical CSV.",
     "[options] DATA... -o data.csv", "With no DATA, the built-in demo data is written.", OPT_OUTPUT, 0, 0},
    {"status", cmd_status, "Judge every outcome against its årsmål and KF:s årsmål: verdict, gap, "
     "rule, change since the year before.",
     "[options] [DATA...] [--unit U]... [--indicator I]... [--year Y | --period P] [--gender T|K|M|all]",
     "Without --year or --period, the latest year with outcomes is shown.",
     OPT_FORMAT | OPT_OUTPUT | OPT_LANG | OPT_FILTERS | OPT_ATTAIN, 0, 0},
    {"flag", cmd_flag, "List the outcomes below their årsmål, worst first, each with a sentence for "
     "the VB.",
     "[options] [DATA...] [--fail-on-flag]",
     "Each series is judged at its latest selected period with an outcome (the year-end for a VB year).\n"
     "Gender: totals only unless --gender is given. --fail-on-flag makes the exit status 3 when "
     "anything is flagged.",
     OPT_FORMAT | OPT_OUTPUT | OPT_LANG | OPT_FILTERS | OPT_ATTAIN, 0, 0},
    {"goals", cmd_goals, "Propose Uppfylls helt / delvis / inte for each goal from its indicators, "
     "and list where the recorded assessment disagrees.",
     "[options] [DATA...] --goals FILE",
     "With the demo data, the demo's goals are used when --goals is not given.",
     OPT_FORMAT | OPT_OUTPUT | OPT_LANG | OPT_FILTERS | OPT_ATTAIN | OPT_GOALS, 0, 0},
    {"compare", cmd_compare, "Compare units on one indicator and period: overall and pairwise tests, "
     "each unit against the rest, funnel limits, adjusted p-values and sentences.",
     "[options] [DATA...] --indicator I [--period P] [--gender G] [--units U,...] [--method M] [--adjust A] [--min-n N]",
     "auto picks by the data: numerator and denominator give Pearson's chi-square, pairwise prop.test\n"
     "(Fisher's exact test where an expected count is below 5) and funnel limits; value, sd and n give\n"
     "Welch's ANOVA and pairwise Welch t tests; values alone give Kruskal-Wallis and Mann-Whitney over the\n"
     "periods (--from/--to). Units below --min-n (default 10) are listed but not tested.",
     OPT_FORMAT | OPT_OUTPUT | OPT_LANG | OPT_FILTERS | OPT_COMPARE | OPT_ATTAIN, 0, 0},
    {"trend", cmd_trend, "Trend statistics per series (OLS, Mann-Kendall, Sen's slope) with a "
     "direction-aware verdict, the gap between women and men, and the forecast against the next årsmål.",
     "[options] [DATA...] [--unit U]... [--indicator I]... [--gender G] [--from P] [--to P] [--alpha A] [--reference NAME]",
     "Time is real time: a missing year is a gap. A series uses its years, or its tertials when it has no\n"
     "yearly values. The gender gap and the forecast are given on the total's row. --reference NAME adds\n"
     "NAME's value in each series' latest period and the difference (columns reference, reference_value,\n"
     "difference ...).",
     OPT_FORMAT | OPT_OUTPUT | OPT_LANG | OPT_FILTERS | OPT_TREND | OPT_REFERENCE, 0, 0},
    {"spc", cmd_spc, "A run chart or control chart (I, p, u) of one series: centre line, limits, "
     "signals by the rule set in force, and the NHS assurance against the årsmål.",
     "[options] [DATA...] --unit U --indicator I [--gender G] [--chart run|i|p|u] [--rules anhoej|nhs|ihi]",
     "Anhøj's rules (qicharts2's default) are used unless --rules says otherwise; the rule set is always printed.\n"
     "Fewer than 12 points gives a warning.",
     OPT_FORMAT | OPT_OUTPUT | OPT_LANG | OPT_FILTERS | OPT_SPC, 0, 0},
    {"report", cmd_report, "Write the indicator section of the VB or a tertial report as a finished PDF: cover, "
     "summary, every goal with its indicator table, charts and sentences, comparison with other units, methods.",
     "[options] [DATA...] (--unit U | --all-units) [--period YYYY | YYYY-T1 | YYYY-T2] [--goals FILE] "
     "-o vb.pdf|vb.xlsx|vb.docx|vb.html",
     "--period YYYY (or --year YYYY) writes the VB for the year; --period YYYY-T1 or YYYY-T2 the tertial report\n"
     "with the year-end prognosis. With the demo data, the demo's goals are used when --goals is not given.\n"
     "The format follows the extension of -o (or --format): a PDF, an Excel workbook of the report's tables,\n"
     "a Word document or a web page.",
     OPT_OUTPUT | OPT_FORMAT | OPT_LANG | OPT_FILTERS | OPT_ATTAIN | OPT_TREND | OPT_GOALS | OPT_ALL_UNITS | OPT_REPORT |
         OPT_REFERENCE, 0, 0},
    {"extract", cmd_extract, "Read VP and VB text exports (PDF saved as text) and write their indicator "
     "rows, goals, activities and every fragment that could not be read.",
     "[options] FILE.txt... -o DIR",
     "DIR gets indicators.csv (the canonical long form), goals.csv, activities.csv, unread.csv and\n"
     "warnings.csv, each written atomically. See docs/extract.md.",
     OPT_OUTPUT, 1, 0},
    {"chart", cmd_chart, "Draw one chart to PNG, SVG or PDF (by the file's extension): trend, multiples, "
     "compare, funnel, spc or status.",
     "KIND [options] [DATA...] -o FILE.png|.svg|.pdf [--width W --height H --dpi D] [--title T] [--caption C]",
     "trend      --unit U --indicator I [--trendline] [--zoom] [--reference NAME]; with -o FOLDER, a PNG\n"
     "           for every unit × indicator the filters select, with a progress bar on a terminal\n"
     "multiples  --unit U (all its indicators) or --indicator I (across units) [--year Y] [--reference NAME]\n"
     "compare    --indicator I [--period P] [--unit U to highlight]\n"
     "funnel     --indicator I [--period P] [--unit U to highlight]  (needs numerator and denominator)\n"
     "spc        --unit U --indicator I [--chart run|i|p|u] [--rules anhoej|nhs|ihi]\n"
     "status     --unit U [--year Y]\n"
     "The alt text is written beside the file as FILE.alt.txt.",
     OPT_OUTPUT | OPT_LANG | OPT_FILTERS | OPT_CHART | OPT_SPC | OPT_COMPARE | OPT_ATTAIN | OPT_TREND | OPT_REFERENCE, 0, 1},
};

const cli_command *cli_commands(size_t *count)
{
    *count = sizeof commands / sizeof commands[0];
    return commands;
}

static void general_help(FILE *to)
{
    fprintf(to,
            "indikator %s: indicator follow-up for VP, tertial reports and VB\n\n"
            "Usage: indikator COMMAND [options] [DATA...]\n"
            "       indikator COMMAND --help\n"
            "       indikator --version\n\nCommands:\n",
            IND_VERSION);
    size_t n;
    const cli_command *c = cli_commands(&n);
    for (size_t i = 0; i < n; i++) {
        const char *dot = strchr(c[i].summary, '.');
        int len = dot ? (int)(dot - c[i].summary) : (int)strlen(c[i].summary);
        fprintf(to, "  %-9s %.*s\n", c[i].name, len, c[i].summary);
    }
    fprintf(to,
            "\nDATA are CSV files (canonical long form or VB-table form, see docs/formats.md) or\n"
            "Kolada JSON. Without DATA the built-in demo data (Exempelstad, synthetic) is used.\n"
            "Exit status: 0 ok, 1 usage error, 2 bad input, 3 something flagged (--fail-on-flag),\n"
            "4 out of memory, 5 a file or standard output could not be read or written.\n");
}

/* fontconfig keeps a few hundred bytes of its configuration until exit, by design;
 * LeakSanitizer is told so that the sanitizer builds report only our own leaks. */
#if defined(__SANITIZE_ADDRESS__)
#define IND_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IND_ASAN 1
#endif
#endif
#ifdef IND_ASAN
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) { return "leak:libfontconfig.so\n"; }
#endif

int main(int argc, char **argv)
{
    setlocale(LC_CTYPE, "C"); /* numbers are parsed and printed by our own rules */
    /* messages speak the language asked for from the first one on */
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--lang") == 0)
            cli_set_lang(strcmp(argv[i + 1], "en") == 0 ? IND_LANG_EN : IND_LANG_SV);
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--lang=en") == 0)
            cli_set_lang(IND_LANG_EN);
    if (argc < 2) {
        general_help(stderr);
        return 1;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        if (argc > 2 && strcmp(argv[1], "help") == 0) {
            size_t n;
            const cli_command *c = cli_commands(&n);
            for (size_t i = 0; i < n; i++)
                if (strcmp(c[i].name, argv[2]) == 0) {
                    cli_usage(&c[i], stdout);
                    return 0;
                }
        }
        general_help(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("indikator %s\n", IND_VERSION);
        return 0;
    }
    size_t n;
    const cli_command *c = cli_commands(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(c[i].name, argv[1]) != 0)
            continue;
        cli_opts *opt = calloc(1, sizeof *opt);
        if (!opt)
            return cli_error(4, "out of memory");
        int done;
        int rc = cli_parse(&c[i], argc - 1, argv + 1, opt, &done);
        if (rc == 0 && !done && (c[i].run == cmd_chart || c[i].run == cmd_report)) /* memory first */
            rc = cli_draw_prepare(c[i].run == cmd_chart ? CLI_DRAW_CHART_MB : CLI_DRAW_REPORT_MB);
        if (rc == 0 && !done)
            rc = c[i].run(opt);
        free(opt);
        return cli_stdout_done(rc);
    }
    cli_error(1, "unknown command \"%s\"", argv[1]);
    general_help(stderr);
    return 1;
}
