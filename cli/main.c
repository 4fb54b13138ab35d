/* main.c: the indikator command: dispatch to one subcommand per file (the commands: commands.c). */
#include "cli.h"
#include "parallel.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

int cmd_chart(cli_opts *opt);
int cmd_report(cli_opts *opt);

/* An unknown command: the closest commands ("Menade du status?"), or the
 * list of them all when none is near. Returns 1. */
static int unknown_command(const char *name)
{
    size_t n;
    const cli_command *c = cli_commands(&n);
    const char *names[32];
    for (size_t i = 0; i < n && i < 32; i++)
        names[i] = c[i].name;
    char list[256];
    if (cli_suggest(name, names, n < 32 ? n : 32, list, sizeof list))
        return cli_error(1, "unknown command \"%s\". Did you mean %s?", name, list);
    cli_error(1, "unknown command \"%s\"", name);
    cli_general_help(stderr);
    return 1;
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
    ind_memory_setup();
    /* messages speak the language asked for from the first one on */
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--lang") == 0)
            cli_set_lang(strcmp(argv[i + 1], "en") == 0 ? IND_LANG_EN : IND_LANG_SV);
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--lang=en") == 0)
            cli_set_lang(IND_LANG_EN);
    if (argc < 2) {
        cli_general_help(stderr);
        return 1;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        const cli_command *cmd = argc > 2 && strcmp(argv[1], "help") == 0 ? cli_command_find(argv[2]) : NULL;
        if (cmd)
            cli_usage(cmd, stdout);
        else
            cli_general_help(stdout);
        return cli_stdout_done(0);
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("indikator %s\n", IND_VERSION);
        return cli_stdout_done(0);
    }
    /* for the shell completions and the man pages (docs/indikator.1): not listed */
    if (strcmp(argv[1], "__complete") == 0)
        return cli_stdout_done(cli_complete(argc - 1, argv + 1));
    if (strcmp(argv[1], "__man") == 0)
        return cli_stdout_done(cli_man(argc - 1, argv + 1));
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
    return unknown_command(argv[1]);
}
