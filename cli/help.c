/* help.c: every command's --help, `indikator --help` and the man page, from one set of texts (commands.c, options.c). */
#include "cli.h"

#include <string.h>

/* The text in the language of the messages: sv or en. */
static const char *L(const char *sv, const char *en) { return cli_lang() == IND_LANG_EN ? en : sv; }

static const char *const group_sv[CLI_G_COUNT] = {"Urval", "Bedömning", "Utdata", "Indata", "Övrigt"};
static const char *const group_en[CLI_G_COUNT] = {"Selection", "Judgement", "Output", "Input", "Other"};

/* The exit codes, the same in every help and the man page. */
static const struct {
    int code;
    const char *sv, *en;
} exit_codes[] = {
    {0, "klart", "done"},
    {1, "fel i kommandoraden", "usage error"},
    {2, "fel i indata (meddelandet anger fil, rad och kolumn)", "bad input (the message names file, line and column)"},
    {3, "något flaggades (flag med --fail-on-flag)", "something was flagged (flag with --fail-on-flag)"},
    {4, "slut på minne", "out of memory"},
    {5, "en fil eller standard ut kunde inte läsas eller skrivas", "a file or standard output could not be read or written"},
};

/* Characters on screen of UTF-8 text (continuation bytes do not count). */
static int columns(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Writes text from column col on, wrapped before column 80 with following
 * lines indented to indent; "%" stays with the number before it. */
static void wrap(FILE *to, const char *text, int col, int indent)
{
    const char *p = text;
    int first = 1;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        while (p[len] == ' ' && p[len + 1] == '%') /* "5 %": one word */
            len += 1 + strcspn(p + len + 1, " ");
        if (!len)
            break;
        int w = columns(p, len);
        if (!first && col + 1 + w > 79) {
            fprintf(to, "\n%*s", indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', to);
            col++;
        }
        fwrite(p, 1, len, to);
        col += w;
        first = 0;
        p += len;
    }
    fputc('\n', to);
}

/* "a, b eller c" of the space-separated words, the first marked as the default. */
static void word_list(const char *words, char *buf, size_t size)
{
    size_t n = 0, count = 0, total = 0;
    for (const char *p = words; *p; p += strcspn(p, " "), p += *p == ' ')
        total++;
    buf[0] = '\0';
    for (const char *p = words; *p && n < size; count++) {
        size_t len = strcspn(p, " ");
        const char *sep = count == 0 ? "" : count + 1 == total ? L(" eller ", " or ") : ", ";
        n += (size_t)snprintf(buf + n, size - n, "%s%.*s%s", sep, (int)len, p, count == 0 ? L(" (standard)", " (default)") : "");
        p += len;
        p += *p == ' ';
    }
}

const char *cli_option_help(const cli_command *cmd, const cli_option *o, cli_group *group, char *buf, size_t size)
{
    *group = o->group;
    for (const cli_option_note *n = cmd ? cmd->notes : NULL; n && n->name; n++)
        if (strcmp(n->name, o->name) == 0) {
            *group = n->group;
            return L(n->help_sv, n->help_en);
        }
    const char *help = L(o->help_sv, o->help_en);
    if (strstr(help, "%s") && cmd && cmd->formats) { /* --format: the command's formats */
        char list[200];
        word_list(cmd->formats, list, sizeof list);
        snprintf(buf, size, help, list);
        return buf;
    }
    return help;
}

/* "-o, --output FIL" or "    --unit ENHET". */
static const char *option_left(const cli_option *o, char *buf, size_t size)
{
    const char *arg = L(o->arg_sv, o->arg_en);
    if (o->letter)
        snprintf(buf, size, "-%c, --%s%s%s", o->letter, o->name, arg ? " " : "", arg ? arg : "");
    else
        snprintf(buf, size, "    --%s%s%s", o->name, arg ? " " : "", arg ? arg : "");
    return buf;
}

/* The options cmd takes under heading g (with cmd NULL: those every command
 * takes, under the heading title instead). */
static int options_of(const cli_command *cmd, cli_group g, const char *title, FILE *to)
{
    size_t n;
    const cli_option *o = cli_options(&n);
    int shown = 0;
    for (size_t i = 0; i < n; i++) {
        if ((o[i].flags & CLI_OPT_HIDDEN) || (cmd ? !cli_takes(cmd, &o[i]) : !(o[i].flags & CLI_OPT_EVERY)))
            continue;
        char left[64], buf[400];
        cli_group group;
        const char *help = cli_option_help(cmd, &o[i], &group, buf, sizeof buf);
        if (group != g)
            continue;
        if (!shown++)
            fprintf(to, "\n%s:\n", title ? title : L(group_sv[g], group_en[g]));
        option_left(&o[i], left, sizeof left);
        int w = columns(left, strlen(left));
        if (w < 28)
            fprintf(to, "  %s%*s", left, 28 - w, "");
        else /* too long to share the line with its help */
            fprintf(to, "  %s\n%30s", left, "");
        wrap(to, help, 30, 30);
    }
    return shown;
}

/* "Exempel:" and each example: what it does as a comment, then the line. */
static void examples_of(const cli_example *ex, size_t n, FILE *to)
{
    fprintf(to, "\n%s:\n", L("Exempel", "Examples"));
    for (size_t i = 0; i < n && ex[i].line; i++)
        fprintf(to, "  # %s\n  %s\n", L(ex[i].sv, ex[i].en), ex[i].line);
}

/* "Slutstatus:" and the codes 0-5. */
static void exit_codes_of(FILE *to)
{
    fprintf(to, "\n%s:\n", L("Slutstatus", "Exit status"));
    for (size_t i = 0; i < sizeof exit_codes / sizeof exit_codes[0]; i++)
        fprintf(to, "  %d  %s\n", exit_codes[i].code, L(exit_codes[i].sv, exit_codes[i].en));
}

void cli_usage(const cli_command *cmd, FILE *to)
{
    fprintf(to, "%s: indikator %s %s\n\n", L("Användning", "Usage"), cmd->name, L(cmd->usage_sv, cmd->usage_en));
    wrap(to, L(cmd->summary_sv, cmd->summary_en), 0, 0);
    if (cmd->details_sv) {
        fputc('\n', to);
        wrap(to, L(cmd->details_sv, cmd->details_en), 0, 0);
    }
    if (cmd->kinds) {
        fprintf(to, "\n%s:\n", L("Typer", "Kinds"));
        for (const cli_kind *k = cmd->kinds; k->name; k++) {
            fprintf(to, "  %-10s ", k->name);
            wrap(to, L(k->sv, k->en), 13, 13);
            char list[300] = "";
            size_t n = 0;
            for (const char *p = k->options; *p && n < sizeof list; p += strcspn(p, " "), p += *p == ' ')
                n += (size_t)snprintf(list + n, sizeof list - n, "%s--%.*s", n ? " " : "", (int)strcspn(p, " "), p);
            fprintf(to, "%13s%s ", "", L("flaggor:", "options:"));
            wrap(to, list, 13 + (int)strlen(L("flaggor:", "options:")) + 1, 15);
        }
    }
    for (int g = 0; g < CLI_G_COUNT; g++)
        options_of(cmd, (cli_group)g, NULL, to);
    examples_of(cmd->examples, 2, to);
    exit_codes_of(to);
}

/* The first part of a summary, up to ": ", " (" or ".": the command list's line. */
static int brief_length(const char *summary)
{
    const char *end = summary + strlen(summary);
    const char *stops[] = {": ", " (", "."};
    for (size_t i = 0; i < 3; i++) {
        const char *s = strstr(summary, stops[i]);
        if (s && s < end)
            end = s;
    }
    return (int)(end - summary);
}

void cli_general_help(FILE *to)
{
    fprintf(to, "indikator %s: %s\n\n", IND_VERSION,
            L("uppföljning av indikatorer för VP, tertialrapporter och verksamhetsberättelser",
              "indicator follow-up for VP, tertial reports and annual reports"));
    const char *usage = L("Användning", "Usage");
    int indent = columns(usage, strlen(usage)) + 2;
    fprintf(to, "%s: indikator %s\n", usage, L("KOMMANDO [flaggor] [DATA...]", "COMMAND [options] [DATA...]"));
    fprintf(to, "%*sindikator %s\n", indent, "", L("KOMMANDO --help", "COMMAND --help"));
    fprintf(to, "%*sindikator --version\n", indent, "");
    fprintf(to, "\n%s:\n", L("Kommandon", "Commands"));
    size_t n;
    const cli_command *c = cli_commands(&n);
    for (size_t i = 0; i < n; i++) {
        const char *s = L(c[i].summary_sv, c[i].summary_en);
        char brief[300];
        snprintf(brief, sizeof brief, "%.*s", brief_length(s), s);
        fprintf(to, "  %-9s ", c[i].name);
        wrap(to, brief, 12, 12);
    }
    fputc('\n', to);
    wrap(to, L("DATA är CSV-filer (kanonisk lång form eller VB-tabellform, se docs/formats.md) eller Kolada-JSON "
               "(--kolada). Utan DATA används de inbyggda demodata: Exempelstad, en påhittad stadsdel med tio enheter. "
               "Exemplen som nämner datasets/demo/ körs i källkoden; filerna installeras i share/indikator/demo/.",
               "DATA are CSV files (canonical long form or VB-table form, see docs/formats.md) or Kolada JSON "
               "(--kolada). Without DATA, the built-in demo data are used: Exempelstad, a fictional district with "
               "ten units. The examples naming datasets/demo/ run in the source tree; the files are installed in "
               "share/indikator/demo/."),
         0, 0);
    options_of(NULL, CLI_G_OTHER, L("Flaggor för alla kommandon", "Options of every command"), to);
    static const cli_example ex[] = {
        {"indikator status --demo --year 2025 --unit Vuxenenheten", "Vuxenenhetens utfall 2025 mot årsmålen",
         "Vuxenenheten's outcomes in 2025 against their targets"},
        {"indikator report --demo --unit Vuxenenheten --year 2025 -o vb.pdf",
         "verksamhetsberättelsens indikatoravsnitt som PDF", "the annual report's indicator section as a PDF"}};
    examples_of(ex, 2, to);
    exit_codes_of(to);
    fprintf(to, "\n%s\n", L("Mer hjälp: indikator KOMMANDO --help, man indikator och docs/guide.md.",
                            "More help: indikator COMMAND --help, man indikator and docs/guide.md."));
}

/* ---- the man page ---------------------------------------------------------------- */

/* Text for roff: backslashes and hyphens escaped, a leading dot or quote guarded. */
static void roff(FILE *to, const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", to);
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", to);
        else if (*s == '-')
            fputs("\\-", to);
        else
            fputc(*s, to);
    }
}

/* Is o one of cmd's options with a note of its own? */
static int has_note(const cli_command *cmd, const cli_option *o)
{
    for (const cli_option_note *n = cmd ? cmd->notes : NULL; n && n->name; n++)
        if (strcmp(n->name, o->name) == 0)
            return 1;
    return 0;
}

/* One option as a tagged paragraph. */
static void man_option(const cli_command *cmd, const cli_option *o, FILE *to)
{
    char left[64], buf[400];
    cli_group group;
    const char *help = cli_option_help(cmd, o, &group, buf, sizeof buf), *l = option_left(o, left, sizeof left);
    while (*l == ' ')
        l++;
    fputs(".TP\n.B ", to);
    roff(to, l);
    fputs("\n", to);
    roff(to, help);
    fputs("\n", to);
}

/* cmd's options under its headings; the input options the table describes are
 * only named (the section on input describes them once). With cmd NULL: the
 * options every command takes (group CLI_G_OTHER), or with input set, the
 * input options. */
static void man_options(const cli_command *cmd, int input, FILE *to)
{
    size_t n;
    const cli_option *o = cli_options(&n);
    for (int g = 0; g < CLI_G_COUNT; g++) {
        int shown = 0, named = 0;
        for (size_t i = 0; i < n; i++) {
            cli_group group;
            char buf[400];
            cli_option_help(cmd, &o[i], &group, buf, sizeof buf);
            if ((o[i].flags & CLI_OPT_HIDDEN) || (int)group != g)
                continue;
            if (!cmd) {
                if (input ? g == CLI_G_INPUT : (o[i].flags & CLI_OPT_EVERY) != 0)
                    man_option(NULL, &o[i], to);
                continue;
            }
            if (!cli_takes(cmd, &o[i]) || (o[i].flags & CLI_OPT_EVERY))
                continue;
            if (!shown++)
                fprintf(to, ".PP\n.I %s\n", L(group_sv[g], group_en[g]));
            if (g == CLI_G_INPUT && !has_note(cmd, &o[i])) {
                fprintf(to, "%s\\-\\-", named++ ? ",\n" : ".PP\n");
                roff(to, o[i].name);
                continue;
            }
            man_option(cmd, &o[i], to);
        }
        if (named)
            fprintf(to, "\n(%s)\n", L("se INDATA", "see INPUT"));
    }
}

/* The examples as a block of lines, as written. */
static void man_examples(const cli_example *ex, size_t n, FILE *to)
{
    fprintf(to, ".PP\n.I %s\n.PP\n.nf\n", L("Exempel", "Examples"));
    for (size_t i = 0; i < n && ex[i].line; i++) {
        fputs("# ", to);
        roff(to, L(ex[i].sv, ex[i].en));
        fputs("\n", to);
        roff(to, ex[i].line);
        fputs("\n", to);
    }
    fputs(".fi\n", to);
}

/* One command in the man page: synopsis, what it does, kinds, options, examples. */
static void man_command(const cli_command *cmd, FILE *to)
{
    fprintf(to, ".SS \"indikator %s ", cmd->name);
    roff(to, L(cmd->usage_sv, cmd->usage_en));
    fputs("\"\n", to);
    roff(to, L(cmd->summary_sv, cmd->summary_en));
    fputs("\n", to);
    if (cmd->details_sv) {
        fputs(".PP\n", to);
        roff(to, L(cmd->details_sv, cmd->details_en));
        fputs("\n", to);
    }
    for (const cli_kind *k = cmd->kinds; k && k->name; k++) {
        fprintf(to, ".TP\n.B %s\n", k->name);
        roff(to, L(k->sv, k->en));
        fprintf(to, " (%s", L("flaggor:", "options:"));
        for (const char *p = k->options; *p; p += strcspn(p, " "), p += *p == ' ')
            fprintf(to, " \\-\\-%.*s", (int)strcspn(p, " "), p);
        fputs(")\n", to);
    }
    man_options(cmd, 0, to);
    man_examples(cmd->examples, 2, to);
}

/* The sections around the commands: name, synopsis, description. */
static void man_head(FILE *to)
{
    fputs("'\\\" -*- coding: UTF-8 -*-\n", to);
    fprintf(to, ".\\\" %s\n", L("Skapad av `indikator __man sv`; ändra i cli/commands.c och cli/options.c.",
                                "Made by `indikator __man en`; edit cli/commands.c and cli/options.c."));
    fprintf(to, ".TH INDIKATOR 1 \"\" \"indikator %s\" \"%s\"\n", IND_VERSION, L("Användarkommandon", "User Commands"));
    fprintf(to, ".SH %s\nindikator \\- ", L("NAMN", "NAME"));
    roff(to, L("uppföljning av indikatorer för VP, tertialrapporter och verksamhetsberättelser",
               "indicator follow-up for VP, tertial reports and annual reports"));
    fprintf(to, "\n.SH SYNOPSIS\n.B indikator\n.I %s\n[\\fI%s\\fR] [\\fIDATA\\fR...]\n.br\n.B indikator\n.I %s\n.B \\-\\-help\n",
            L("KOMMANDO", "COMMAND"), L("flaggor", "options"), L("KOMMANDO", "COMMAND"));
    fprintf(to, ".SH %s\n", L("BESKRIVNING", "DESCRIPTION"));
    roff(to, L("indikator följer upp indikatorerna i kommunal verksamhet: siffrorna bakom verksamhetsplanen (VP), "
               "tertialrapporterna och verksamhetsberättelsen (VB). Den läser tidsserier per enhet, period och kön, "
               "bedömer varje utfall mot årsmålet efter uttalade regler, hittar det som inte når målet, väger samman "
               "bedömningarna till målen och skriver tabeller, diagram, meningar och färdiga rapporter.",
               "indikator follows up the indicators of municipal services: the numbers behind the operational plan "
               "(VP), the tertial reports and the annual report (VB). It reads time series per unit, period and sex, "
               "judges each outcome against its target by explicit rules, finds what falls short, rolls the verdicts "
               "up to the goals, and writes tables, charts, sentences and finished reports."));
    fputs("\n.PP\n", to);
    roff(to, L("DATA är CSV-filer i kanonisk lång form eller VB-tabellform (se docs/formats.md), eller Kolada-JSON "
               "med --kolada. Utan DATA används de inbyggda demodata: Exempelstad, en påhittad stadsdel med tio "
               "enheter. Allt som är skrivet för människor är på svenska; --lang en ger engelska. Maskinkolumner "
               "(--format csv och json) har fasta engelska namn.",
               "DATA are CSV files in the canonical long form or VB-table form (see docs/formats.md), or Kolada JSON "
               "with --kolada. Without DATA, the built-in demo data are used: Exempelstad, a fictional district "
               "with ten units. Everything written for people is in Swedish; --lang en gives English. Machine "
               "columns (--format csv and json) keep stable English names."));
    fputs("\n", to);
}

/* The sections after the commands: exit status, files, see also. */
static void man_tail(FILE *to)
{
    fprintf(to, ".SH %s\n", L("INDATA", "INPUT"));
    roff(to, L("Så läser kommandon som läser data sina filer:", "How the commands that read data read their files:"));
    fputs("\n", to);
    man_options(NULL, 1, to);
    fprintf(to, ".SH %s\n", L("FLAGGOR FÖR ALLA KOMMANDON", "OPTIONS OF EVERY COMMAND"));
    man_options(NULL, 0, to);
    fprintf(to, ".SH %s\n", L("SLUTSTATUS", "EXIT STATUS"));
    for (size_t i = 0; i < sizeof exit_codes / sizeof exit_codes[0]; i++) {
        fprintf(to, ".TP\n.B %d\n", exit_codes[i].code);
        roff(to, L(exit_codes[i].sv, exit_codes[i].en));
        fputs("\n", to);
    }
    fputs(".PP\n", to);
    roff(to, L("Med 4 slutar också chart och report som inte får nog med minne för att rita innan de börjar.",
               "chart and report also exit with 4 when they find too little memory for drawing before they start."));
    fprintf(to, "\n.SH %s\n", L("FILER", "FILES"));
    static const char *const files[][3] = {
        {"\\fIPREFIX\\fR/share/indikator/demo/", "demodata, demons mål, två VB-tabeller och en VP i textform",
         "the demo data, the demo's goals, two VB tables and a VP as text"},
        {"\\fIPREFIX\\fR/share/indikator/catalog.csv", "indikatorkatalogen (den är också inbyggd)",
         "the indicator catalogue (it is built in as well)"},
        {"\\fIPREFIX\\fR/share/bash\\-completion/completions/indikator", "komplettering i bash", "completion in bash"},
        {"\\fIPREFIX\\fR/share/zsh/site\\-functions/_indikator", "komplettering i zsh", "completion in zsh"},
        {"\\fIPREFIX\\fR/share/fish/vendor_completions.d/indikator.fish", "komplettering i fish", "completion in fish"},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        fprintf(to, ".TP\n%s\n", files[i][0]);
        roff(to, L(files[i][1], files[i][2]));
        fputs("\n", to);
    }
    fprintf(to, ".SH %s\n", L("SE ÄVEN", "SEE ALSO"));
    roff(to, L("docs/guide.md (användarhandledningen), docs/formats.md, docs/methods.md och docs/charts.md i källkoden.",
               "docs/guide.md (the user guide, in Swedish), docs/formats.md, docs/methods.md and docs/charts.md in the "
               "source tree."));
    fprintf(to, "\n.SH %s\nGPL\\-3.0\\-or\\-later.\n", L("LICENS", "LICENSE"));
}

int cli_man(int argc, char **argv)
{
    if (argc != 2 || (strcmp(argv[1], "sv") != 0 && strcmp(argv[1], "en") != 0))
        return cli_error(1, "usage: indikator __man sv|en");
    cli_set_lang(strcmp(argv[1], "en") == 0 ? IND_LANG_EN : IND_LANG_SV);
    man_head(stdout);
    fprintf(stdout, ".SH %s\n", L("KOMMANDON", "COMMANDS"));
    size_t n;
    const cli_command *c = cli_commands(&n);
    for (size_t i = 0; i < n; i++)
        man_command(&c[i], stdout);
    man_tail(stdout);
    return 0;
}
