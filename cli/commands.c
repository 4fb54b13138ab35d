/* commands.c: what each subcommand is: its options, its help in Swedish and English, its examples. */
#include "cli.h"

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

/* How every command that reads data reads it; how a command that writes a
 * table writes it, and in which formats. */
#define INPUT " demo kolada kpi-meta municipality-meta catalog no-catalog encoding"
#define TABLE_OUTPUT " format output wide"
#define TABLE_FORMATS "table csv json csv-sv xlsx"

/* The notes several commands share. */
#define NOTE_VB_UNIT                                                                                          \
    {"unit", CLI_G_INPUT, "enheten för filer i VB-tabellform utan kolumnen Enhet",                          \
     "the unit of files in VB-table form without an Enhet column"}
#define NOTE_ALL_SEXES                                                                                        \
    {"gender", CLI_G_SELECT, "T, K, M, X eller all (standard: alla kön)", "T, K, M, X or all (default: every sex)"}
#define NOTE_ONE_SEX                                                                                          \
    {"gender", CLI_G_SELECT, "ett kön: T, K, M eller X (standard: totalen T)",                               \
     "one sex: T, K, M or X (default: the total T)"}
#define NOTE_DEMO_GOALS                                                                                       \
    {"goals", CLI_G_JUDGE, "målfil (kan upprepas); med demodata används demons mål om den saknas",           \
     "goals file (repeatable); with the demo data, the demo's goals when it is left out"}
#define NOTE_END {NULL, 0, NULL, NULL}

static const cli_option_note vb_unit_note[] = {NOTE_VB_UNIT, NOTE_END};

static const cli_option_note import_notes[] = {
    NOTE_VB_UNIT,
    {"output", CLI_G_OUTPUT, "skriv den kanoniska CSV-filen till FIL (atomärt) i stället för till standard ut",
     "write the canonical CSV to FILE (atomically) instead of standard output"},
    NOTE_END};

static const cli_option_note status_notes[] = {
    NOTE_ALL_SEXES,
    {"alpha", CLI_G_JUDGE, "signifikansnivå för tertialprognosens intervall (standard 0,05)",
     "significance level of a tertial's prognosis interval (default 0.05)"},
    NOTE_END};

static const cli_option_note flag_notes[] = {
    {"gender", CLI_G_SELECT, "T, K, M, X eller all (standard: bara totalen T)", "T, K, M, X or all (default: the total T only)"},
    NOTE_END};

static const cli_option_note goals_notes[] = {
    {"unit", CLI_G_SELECT, "bara målen för enheten ENHET; kan upprepas, och --unit A,B väljer båda",
     "only the goals of unit UNIT; repeatable, and --unit A,B selects both"},
    {"year", CLI_G_SELECT, "målen och utfallen för året ÅR (standard: senaste året med helårsutfall)",
     "the goals and outcomes of YEAR (default: the latest year with year-end outcomes)"},
    NOTE_DEMO_GOALS,
    NOTE_END};

static const cli_option_note compare_notes[] = {
    {"indicator", CLI_G_SELECT, "indikatorn som jämförs (krävs, en enda)", "the indicator compared (needed, exactly one)"},
    {"unit", CLI_G_SELECT, "bara dessa enheter; kan upprepas, och --unit A,B väljer båda",
     "only these units; repeatable, and --unit A,B selects both"},
    {"year", CLI_G_SELECT, "den senaste perioden under året ÅR med värden", "the latest period of YEAR with values"},
    {"from", CLI_G_SELECT, "perioder från och med P (värden utan täljare och nämnare)",
     "periods from P on (values without numerator and denominator)"},
    {"to", CLI_G_SELECT, "perioder till och med P (värden utan täljare och nämnare)",
     "periods up to and including P (values without numerator and denominator)"},
    NOTE_ONE_SEX,
    NOTE_END};

static const cli_option_note trend_notes[] = {
    NOTE_ALL_SEXES,
    NOTE_END};

static const cli_option_note spc_notes[] = {
    {"unit", CLI_G_SELECT, "enheten (krävs, en enda)", "the unit (needed, exactly one)"},
    {"indicator", CLI_G_SELECT, "indikatorn (krävs, en enda)", "the indicator (needed, exactly one)"},
    NOTE_ONE_SEX,
    NOTE_END};

static const cli_option_note report_notes[] = {
    {"unit", CLI_G_SELECT, "enheten vars rapport skrivs (eller --all-units)", "the unit whose report is written (or --all-units)"},
    {"all-units", CLI_G_SELECT, "en rapport om varje enhet i underlaget", "one report of every unit in the data"},
    {"year", CLI_G_SELECT, "verksamhetsberättelsen för året ÅR (standard: senaste året med helårsutfall)",
     "the annual report of YEAR (default: the latest year with year-end outcomes)"},
    {"period", CLI_G_SELECT, "ÅÅÅÅ: verksamhetsberättelsen; ÅÅÅÅ-T1 eller ÅÅÅÅ-T2: tertialrapporten med helårsprognos",
     "YYYY: the annual report; YYYY-T1 or YYYY-T2: the tertial report with its year-end prognosis"},
    NOTE_ONE_SEX,
    NOTE_DEMO_GOALS,
    {"output", CLI_G_OUTPUT, "rapportfilen: FIL.pdf, .xlsx, .docx eller .html (krävs)",
     "the report file: FILE.pdf, .xlsx, .docx or .html (needed)"},
    {"title", CLI_G_OUTPUT, "tertialrapportens egen titel", "the tertial report's own title"},
    {"organisation", CLI_G_OUTPUT, "en rad ovanför enheten på tertialrapportens framsida (kan upprepas)",
     "a line above the unit on the tertial report's cover (repeatable)"},
    NOTE_END};

static const cli_option_note extract_notes[] = {
    {"output", CLI_G_OUTPUT, "mappen för indicators.csv, goals.csv, activities.csv, unread.csv och warnings.csv (krävs)",
     "the folder for indicators.csv, goals.csv, activities.csv, unread.csv and warnings.csv (needed)"},
    NOTE_END};

static const cli_option_note chart_notes[] = {
    {"unit", CLI_G_SELECT, "enheten; för compare och funnel den enhet som markeras", "the unit; for compare and funnel the unit highlighted"},
    {"indicator", CLI_G_SELECT, "indikatorn (namn, alias eller id)", "the indicator (name, alias or id)"},
    NOTE_ONE_SEX,
    {"output", CLI_G_OUTPUT, "FIL.png, FIL.svg eller FIL.pdf (krävs); för trend även en mapp",
     "FILE.png, FILE.svg or FILE.pdf (needed); for trend also a folder"},
    {"title", CLI_G_OUTPUT, "diagrammets titel (inte med -o MAPP)", "the chart's title (not with -o FOLDER)"},
    NOTE_END};

/* The chart kinds and the options each takes beyond those of every kind. */
static const cli_kind chart_kinds[] = {
    {"trend", "unit indicator from to alpha trendline zoom reference",
     "utvecklingen i en serie (--unit och --indicator); med -o MAPP en PNG för varje enhet och indikator i urvalet",
     "the course of one series (--unit and --indicator); with -o FOLDER a PNG for every unit and indicator selected"},
    {"multiples", "unit indicator year from to tolerance min-n reference",
     "små diagram: varje indikator för en enhet (--unit) eller en indikator för varje enhet (--indicator)",
     "small multiples: every indicator of one unit (--unit) or one indicator of every unit (--indicator)"},
    {"compare", "indicator period unit gender tolerance min-n method overdispersion",
     "enheterna på en indikator och period (--indicator)", "the units on one indicator and period (--indicator)"},
    {"funnel", "indicator period unit gender tolerance min-n method overdispersion",
     "trattdiagram: andelen mot underlaget, med gränser (kräver täljare och nämnare)",
     "funnel plot: the share against the base, with limits (needs numerator and denominator)"},
    {"spc", "unit indicator gender from to chart rules", "serie- eller styrdiagram för en serie (--unit och --indicator)",
     "run or control chart of one series (--unit and --indicator)"},
    {"status", "unit year tolerance min-n alpha", "bedömningen av varje indikator för en enhet ett år (--unit)",
     "the verdict on every indicator of one unit in a year (--unit)"},
    {NULL, NULL, NULL, NULL}};

static const cli_command commands[] = {
    {"check", cmd_check,
     "Kontrollerar datafiler och sammanfattar dem: enheter, indikatorer, perioder, kön, saknade värden och varningar.",
     "Validates data files and summarises them: units, indicators, periods, sexes, missing values and warnings.",
     "[flaggor] [DATA...]", "[options] [DATA...]",
     "Utan DATA kontrolleras de inbyggda demodata. Indikatorkataloger, målfiler och de extra filer som extract "
     "skriver känns igen och kontrolleras som det de är.",
     "With no DATA, the built-in demo data are checked. Indicator catalogues, goals files and the side files "
     "extract writes are recognised and checked as what they are.",
     "unit" TABLE_OUTPUT INPUT, TABLE_FORMATS, vb_unit_note,
     {{"indikator check --demo", "vad demodata innehåller", "what the demo data hold"},
      {"indikator check datasets/demo/vb-2025-hemtjansten-norr.csv --unit \"Hemtjänsten Norr\"",
       "en VB-tabell, med dess enhet", "a VB table, with its unit"}},
     0, NULL},
    {"import", cmd_import,
     "Läser datafiler i alla former som godtas och skriver dem som en enda kanonisk CSV-fil.",
     "Reads data files in any accepted form and writes them as one canonical CSV file.",
     "[flaggor] [DATA...] [-o FIL]", "[options] [DATA...] [-o FILE]",
     "Utan DATA skrivs de inbyggda demodata. Med --kolada läses DATA som Kolada-JSON; --kpi-meta och "
     "--municipality-meta ger namnen.",
     "With no DATA, the built-in demo data are written. With --kolada, DATA are read as Kolada JSON; --kpi-meta "
     "and --municipality-meta give the names.",
     "output unit" INPUT, NULL, import_notes,
     {{"indikator import datasets/demo/vb-2026-hemtjansten-norr.csv --unit \"Hemtjänsten Norr\" -o hemtjansten.csv",
       "en VB-tabell som kanonisk CSV", "a VB table as canonical CSV"},
      {"indikator import --demo -o demo.csv", "demodata som kanonisk CSV", "the demo data as canonical CSV"}},
     0, NULL},
    {"status", cmd_status,
     "Bedömer varje utfall mot årsmålet och KF:s årsmål: bedömning, avstånd, regel och förändring sedan perioden innan.",
     "Judges every outcome against its årsmål and KF:s årsmål: verdict, gap, rule and change since the period before.",
     "[flaggor] [DATA...]", "[options] [DATA...]",
     "Utan --year, --period, --from och --to visas det senaste året med helårsutfall.",
     "Without --year, --period, --from and --to, the latest year with year-end outcomes is shown.",
     "unit indicator year period from to gender tolerance min-n alpha" TABLE_OUTPUT INPUT, TABLE_FORMATS, status_notes,
     {{"indikator status --demo --year 2025 --unit Vuxenenheten", "Vuxenenhetens utfall 2025 mot årsmålen",
       "Vuxenenheten's outcomes in 2025 against their targets"},
      {"indikator status --demo --year 2025 -o status.xlsx", "varje enhet, som Excel-arbetsbok",
       "every unit, as an Excel workbook"}},
     0, NULL},
    {"flag", cmd_flag,
     "Listar de utfall som inte når årsmålet, sämst först, vart och ett med en mening till verksamhetsberättelsen.",
     "Lists the outcomes that fall short of their årsmål, worst first, each with a sentence for the annual report.",
     "[flaggor] [DATA...]", "[options] [DATA...]",
     "Varje serie bedöms vid sin senaste valda period med utfall (helårsvärdet för ett VB-år). Med --fail-on-flag "
     "blir slutstatus 3 när något flaggas.",
     "Each series is judged at its latest selected period with an outcome (the year-end for an annual report's "
     "year). With --fail-on-flag the exit status is 3 when anything is flagged.",
     "unit indicator year period from to gender tolerance min-n fail-on-flag" TABLE_OUTPUT INPUT, TABLE_FORMATS,
     flag_notes,
     {{"indikator flag --demo --year 2025", "det som inte når årsmålet 2025, sämst först",
       "what falls short of its target in 2025, worst first"},
      {"indikator flag --demo --year 2025 --unit Vuxenenheten,Familjeenheten --format csv", "två enheter, som CSV",
       "two units, as CSV"}},
     0, NULL},
    {"goals", cmd_goals,
     "Föreslår Uppfylls helt, delvis eller inte för varje mål utifrån dess indikatorer och visar var den "
     "registrerade bedömningen skiljer sig.",
     "Proposes Uppfylls helt, delvis or inte for each goal from its indicators and shows where the recorded "
     "assessment differs.",
     "[flaggor] [DATA...] [--goals FIL]", "[options] [DATA...] [--goals FILE]",
     "Med data i filer behövs --goals; med demodata används demons mål.",
     "With data from files, --goals is needed; with the demo data, the demo's goals are used.",
     "unit year goals tolerance min-n full-share not-share" TABLE_OUTPUT INPUT, TABLE_FORMATS, goals_notes,
     {{"indikator goals --demo --year 2025", "förslag till bedömning av demons mål 2025",
       "proposed assessments of the demo's goals in 2025"},
      {"indikator goals datasets/demo/demo.csv --goals datasets/demo/goals.csv --unit Vuxenenheten",
       "samma för en enhet, med filerna angivna", "the same for one unit, with the files given"}},
     0, NULL},
    {"compare", cmd_compare,
     "Jämför enheterna på en indikator och period: test för alla och parvis, varje enhet mot de övriga, "
     "trattgränser, justerade p-värden och meningar.",
     "Compares the units on one indicator and period: overall and pairwise tests, each unit against the rest, "
     "funnel limits, adjusted p-values and sentences.",
     "[flaggor] [DATA...] --indicator IND", "[options] [DATA...] --indicator IND",
     "Metoden auto väljer efter data: med täljare och nämnare Pearsons chi2-test, parvisa proportionstest "
     "(Fishers exakta test där ett förväntat antal är under 5) och trattgränser; med värde, standardavvikelse "
     "och n Welchs ANOVA och parvisa Welch-test; med bara värden Kruskal–Wallis och Mann–Whitney över perioderna "
     "(--from, --to). Enheter med mindre underlag än --min-n listas men testas inte.",
     "auto picks by the data: numerator and denominator give Pearson's chi-square, pairwise tests of proportions "
     "(Fisher's exact test where an expected count is below 5) and funnel limits; value, sd and n give Welch's "
     "ANOVA and pairwise Welch t tests; values alone give Kruskal-Wallis and Mann-Whitney over the periods "
     "(--from, --to). Units with a base below --min-n are listed but not tested.",
     "indicator unit year period from to gender method adjust min-n tolerance overdispersion pairs" TABLE_OUTPUT INPUT,
     TABLE_FORMATS, compare_notes,
     {{"indikator compare --demo --indicator FREDA-kortfrågor --year 2025", "enheterna mot varandra på en indikator",
       "the units against each other on one indicator"},
      {"indikator compare --demo --indicator Sjukfrånvaro --year 2025 --unit Vuxenenheten,Familjeenheten",
       "bara två enheter", "two units only"}},
     0, NULL},
    {"trend", cmd_trend,
     "Trenden i varje serie (OLS, Mann–Kendall, Sens lutning) med en bedömning efter indikatorns riktning, "
     "skillnaden mellan kvinnor och män och prognosen mot nästa årsmål.",
     "The trend of every series (OLS, Mann-Kendall, Sen's slope) with a verdict by the indicator's direction, the "
     "gap between women and men, and the forecast against the next årsmål.",
     "[flaggor] [DATA...]", "[options] [DATA...]",
     "Tiden är verklig tid: ett år som saknas är ett glapp. En serie använder sina år, eller sina tertial när den "
     "saknar årsvärden. Skillnaden mellan könen och prognosen står på totalens rad.",
     "Time is real time: a missing year is a gap. A series uses its years, or its tertials when it has no yearly "
     "values. The gap between the sexes and the forecast are given on the total's row.",
     "unit indicator gender from to alpha reference" TABLE_OUTPUT INPUT, TABLE_FORMATS, trend_notes,
     {{"indikator trend --demo --unit Vuxenenheten", "trenden i varje indikator för en enhet",
       "the trend of every indicator of one unit"},
      {"indikator trend --demo --indicator Sjukfrånvaro --from 2020 --format csv", "en indikator från 2020, som CSV",
       "one indicator from 2020 on, as CSV"}},
     0, NULL},
    {"spc", cmd_spc,
     "Serie- eller styrdiagram (I, p, u) för en serie: centrumlinje, gränser, signaler enligt regeluppsättningen "
     "och NHS-bedömningen mot årsmålet.",
     "A run or control chart (I, p, u) of one series: centre line, limits, signals by the rule set in force and "
     "the NHS assurance against the årsmål.",
     "[flaggor] [DATA...] --unit ENHET --indicator IND", "[options] [DATA...] --unit UNIT --indicator IND",
     "Anhøjs regler (som i qicharts2) gäller om inte --rules säger annat; regeluppsättningen skrivs alltid ut. "
     "Färre än 12 punkter ger en varning.",
     "Anhøj's rules (qicharts2's default) apply unless --rules says otherwise; the rule set is always printed. "
     "Fewer than 12 points give a warning.",
     "unit indicator gender from to chart rules" TABLE_OUTPUT INPUT, TABLE_FORMATS, spc_notes,
     {{"indikator spc --demo --unit Vuxenenheten --indicator Sjukfrånvaro", "signalerna i en serie",
       "the signals in one series"},
      {"indikator spc --demo --unit Vuxenenheten --indicator Sjukfrånvaro --chart i --rules nhs",
       "som I-diagram med NHS-reglerna", "as an I chart by the NHS rules"}},
     0, NULL},
    {"report", cmd_report,
     "Skriver indikatoravsnittet i verksamhetsberättelsen eller en tertialrapport som ett färdigt dokument: "
     "PDF, Excel, Word eller webbsida.",
     "Writes the indicator section of the annual report or a tertial report as a finished document: PDF, Excel, "
     "Word or a web page.",
     "[flaggor] [DATA...] (--unit ENHET | --all-units) -o FIL", "[options] [DATA...] (--unit UNIT | --all-units) -o FILE",
     "--period ÅÅÅÅ (eller --year ÅÅÅÅ) skriver verksamhetsberättelsen för året; --period ÅÅÅÅ-T1 eller ÅÅÅÅ-T2 "
     "tertialrapporten med helårsprognos. Formatet följer filändelsen i -o (eller --format): en PDF, en "
     "Excel-arbetsbok med rapportens tabeller, ett Word-dokument eller en webbsida.",
     "--period YYYY (or --year YYYY) writes the annual report of the year; --period YYYY-T1 or YYYY-T2 the tertial "
     "report with the year-end prognosis. The format follows the extension of -o (or --format): a PDF, an Excel "
     "workbook of the report's tables, a Word document or a web page.",
     "unit all-units indicator year period gender goals tolerance min-n alpha full-share not-share reference output format "
     "title organisation" INPUT,
     "pdf xlsx docx html", report_notes,
     {{"indikator report --demo --unit Vuxenenheten --year 2025 -o vb.pdf",
       "verksamhetsberättelsens indikatoravsnitt som PDF", "the annual report's indicator section as a PDF"},
      {"indikator report --demo --unit Vuxenenheten --period 2025-T2 -o t2.docx", "tertialrapport 2 som Word-dokument",
       "tertial report 2 as a Word document"}},
     0, NULL},
    {"extract", cmd_extract,
     "Läser textexporter av VP och VB (PDF sparad som text) och skriver deras indikatorrader, mål, aktiviteter "
     "och allt som inte kunde läsas.",
     "Reads VP and VB text exports (PDF saved as text) and writes their indicator rows, goals, activities and "
     "everything that could not be read.",
     "[flaggor] FIL.txt... -o MAPP", "[options] FILE.txt... -o FOLDER",
     "MAPP får indicators.csv (den kanoniska långa formen), goals.csv, activities.csv, unread.csv och "
     "warnings.csv, var och en skriven atomärt. Se docs/extract.md.",
     "FOLDER gets indicators.csv (the canonical long form), goals.csv, activities.csv, unread.csv and "
     "warnings.csv, each written atomically. See docs/extract.md.",
     "output", NULL, extract_notes,
     {{"indikator extract datasets/demo/vp-2026-vuxenenheten.txt -o utdrag", "indikatorer, mål och aktiviteter ur en VP",
       "indicators, goals and activities from a VP"},
      {NULL, NULL, NULL}},
     1, NULL},
    {"chart", cmd_chart,
     "Ritar ett diagram som PNG, SVG eller PDF (efter filändelsen): trend, multiples, compare, funnel, spc "
     "eller status.",
     "Draws one chart as PNG, SVG or PDF (by the file's extension): trend, multiples, compare, funnel, spc or "
     "status.",
     "TYP [flaggor] [DATA...] -o FIL", "KIND [options] [DATA...] -o FILE",
     "Alt-texten skrivs bredvid diagrammet som FIL.alt.txt. En typ tar bara de flaggor som står vid den, och de "
     "som alla typer tar.",
     "The alt text is written beside the chart as FILE.alt.txt. A kind takes only the options listed with it, and "
     "those every kind takes.",
     "unit indicator year period from to gender tolerance min-n alpha method overdispersion chart rules reference output "
     "title caption width height dpi zoom trendline" INPUT,
     NULL, chart_notes,
     {{"indikator chart trend --demo --unit Vuxenenheten --indicator Sjukfrånvaro -o sjukfranvaro.png",
       "ett trenddiagram", "a trend chart"},
      {"indikator chart funnel --demo --indicator FREDA-kortfrågor --period 2025 -o tratt.svg",
       "ett trattdiagram som SVG", "a funnel plot as SVG"}},
     0, chart_kinds},
};

const cli_command *cli_commands(size_t *count)
{
    *count = sizeof commands / sizeof commands[0];
    return commands;
}

const cli_command *cli_command_find(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

const cli_kind *cli_kind_find(const cli_command *cmd, const char *name)
{
    for (const cli_kind *k = cmd->kinds; k && k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}

int cli_kind_check(const cli_command *cmd, const cli_kind *kind, const cli_opts *opt)
{
    size_t n;
    const cli_option *o = cli_options(&n);
    for (size_t i = 0; i < n; i++) {
        if (!(opt->given >> i & 1) || cli_word_in(kind->options, o[i].name))
            continue;
        int other = 0; /* another kind's own option */
        for (const cli_kind *k = cmd->kinds; k->name && !other; k++)
            other = cli_word_in(k->options, o[i].name);
        if (other) {
            char what[64];
            snprintf(what, sizeof what, "%s %s", cmd->name, kind->name);
            return cli_error(1, "--%s is not an option of 'indikator %s'; see its --help", o[i].name, what);
        }
    }
    return 0;
}
