/* complete.c: `indikator __complete`: the words the shell completions (completions/) offer, one a line. */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "strtab.h"
#include "text.h"

/* Every word of a space-separated list, one a line. */
static void put_words(const char *list)
{
    for (const char *p = list; p && *p;) {
        size_t len = strcspn(p, " ");
        if (len)
            printf("%.*s\n", (int)len, p);
        p += len;
        p += *p == ' ';
    }
}

/* What option o takes in cmd, for the shell: "-" nothing, "unit" or
 * "indicator" a name from the data, "word" one of `__complete values`, "file",
 * "dir" (a folder), or "text" anything. */
static const char *value_kind(const cli_command *cmd, const cli_option *o)
{
    if (o->has_arg == no_argument)
        return "-";
    if (strcmp(o->name, "unit") == 0 || strcmp(o->name, "indicator") == 0)
        return o->name;
    if (o->values || (strcmp(o->name, "format") == 0 && cmd->formats))
        return "word";
    if (strcmp(o->name, "output") == 0)
        return strcmp(cmd->name, "extract") == 0 ? "dir" : "file";
    if (cli_word_in("goals catalog kpi-meta municipality-meta", o->name))
        return "file";
    return "text";
}

/* The options cmd takes, hidden ones left out, one a line: "--unit", a tab,
 * what it takes (value_kind), a tab, and its help in the language asked for. */
static void put_options(const cli_command *cmd)
{
    size_t n;
    const cli_option *o = cli_options(&n);
    for (size_t i = 0; i < n; i++)
        if (!(o[i].flags & CLI_OPT_HIDDEN) && cli_takes(cmd, &o[i])) {
            char buf[400];
            cli_group group;
            printf("--%s\t%s\t%s\n", o[i].name, value_kind(cmd, &o[i]),
                   cli_option_help(cmd, &o[i], &group, buf, sizeof buf));
        }
}

/* The values option name takes in cmd: --format the command's formats, the
 * others those of the table. */
static void put_values(const cli_command *cmd, const char *name)
{
    while (*name == '-')
        name++;
    const cli_option *o = cli_option_find(name);
    if (!o || !cli_takes(cmd, o))
        return;
    put_words(strcmp(o->name, "format") == 0 ? cmd->formats : o->values);
}

/* Prints name unless seen has it, as a person may type it (and adds it). */
static void put_once(ind_strtab *seen, const char *name)
{
    char key[1024];
    size_t len = ind_text_fold(name, strlen(name), IND_TEXT_LOOSE, key, sizeof key, NULL);
    int found;
    ind_strtab_find(seen, key, len, &found);
    if (!found && ind_strtab_intern(seen, key, len) != (ind_str)-1)
        printf("%s\n", name);
}

/* The unit (indicators 0) or indicator (1) names in the data the words name,
 * a command line's options and files without its command: the demo when it
 * names no file. Each name once, in the data's order; an indicator's
 * catalogue aliases ("FREDA-kortfrågor") after its name. Returns an exit code. */
static int put_names(int indicators, int argc, char **argv)
{
    /* a command that takes every option, so that any command line reads */
    static char every[2048];
    size_t n, len = 0;
    const cli_option *o = cli_options(&n);
    for (size_t i = 0; i < n && len < sizeof every; i++)
        len += (size_t)snprintf(every + len, sizeof every - len, "%s ", o[i].name);
    cli_command any = {.name = "__complete", .options = every};
    cli_opts *opt = calloc(1, sizeof *opt);
    if (!opt)
        return 4;
    int done = 0, rc = cli_parse(&any, argc, argv, opt, &done);
    cli_data data;
    memset(&data, 0, sizeof data);
    if (rc == 0 && !done) {
        /* the names to offer are all there are: no filter, no note */
        opt->unit_count = opt->unit_arg_count = opt->indicator_count = 0;
        opt->quiet = 1;
        rc = cli_load(opt, &data);
    }
    ind_strtab *seen = ind_strtab_new();
    for (size_t s = 0; rc == 0 && !done && seen && s < ind_dataset_series_count(data.ds); s++) {
        const ind_series *se = ind_dataset_series(data.ds, s);
        put_once(seen, ind_dataset_str(data.ds, indicators ? se->indicator : se->unit));
        for (size_t a = 0; indicators && se->info && a < se->info->alias_count; a++)
            put_once(seen, se->info->alias[a]);
    }
    ind_strtab_free(seen);
    cli_data_free(&data);
    free(opt);
    return rc;
}

int cli_complete(int argc, char **argv)
{
    /* what the shell asks while a person types: no message on the terminal */
    if (!freopen("/dev/null", "w", stderr))
        return 5;
    const char *what = argc > 1 ? argv[1] : "";
    const cli_command *cmd = argc > 2 ? cli_command_find(argv[2]) : NULL;
    size_t n;
    const cli_command *c = cli_commands(&n);
    if (strcmp(what, "commands") == 0) {
        for (size_t i = 0; i < n; i++)
            printf("%s\n", c[i].name);
        return 0;
    }
    if (strcmp(what, "options") == 0 && cmd) {
        put_options(cmd);
        return 0;
    }
    if (strcmp(what, "values") == 0 && cmd && argc > 3) {
        put_values(cmd, argv[3]);
        return 0;
    }
    if (strcmp(what, "kinds") == 0 && cmd) {
        for (const cli_kind *k = cmd->kinds; k && k->name; k++)
            printf("%s\n", k->name);
        return 0;
    }
    if (strcmp(what, "units") == 0 || strcmp(what, "indicators") == 0)
        return put_names(what[0] == 'i', argc - 1, argv + 1);
    return 1;
}
