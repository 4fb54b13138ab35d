/* cmd_goals.c: `indikator goals`: a proposed assessment for every goal, and where it disagrees with the VB's. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "goals.h"

/* A goal without a unit belongs to every unit; otherwise its unit must be among --unit. */
static int unit_selected(const cli_opts *opt, const char *unit)
{
    if (!unit[0] || !opt->unit_count)
        return 1;
    for (int i = 0; i < opt->unit_count; i++)
        if (strcmp(unit, opt->units[i]) == 0)
            return 1;
    return 0;
}

int cmd_goals(cli_opts *opt)
{
    int rc = opt->output ? out_check_not_input(opt, opt->output) : 0;
    if (rc)
        return rc;
    cli_data data;
    rc = cli_load(opt, &data);
    if (rc) {
        cli_data_free(&data);
        return rc;
    }
    ind_error err;
    ind_error_clear(&err);
    ind_goals *g = ind_goals_new();
    if (opt->goal_count == 0) {
        unsigned long size;
        const char *blob = cli_embedded("goals", &size);
        if (opt->file_count > 0 || !size) {
            ind_goals_free(g);
            cli_data_free(&data);
            return cli_error(1, "give the goals with --goals FILE (see docs/formats.md)");
        }
        if (ind_goals_load_buffer(g, "goals.csv (built in)", blob, size, &err) != IND_OK)
            rc = cli_fail(&err);
    }
    for (int i = 0; rc == 0 && i < opt->goal_count; i++)
        if (ind_goals_load_file(g, opt->goals[i], &err) != IND_OK)
            rc = cli_fail(&err);
    if (rc) {
        ind_goals_free(g);
        cli_data_free(&data);
        return rc;
    }
    cli_default_year(opt, data.ds);
    ind_attain_policy policy;
    cli_policy(opt, &policy);
    ind_rollup_rule rule;
    cli_rollup_rule(opt, &rule);
    size_t n = ind_goals_count(g);
    ind_goal_tally *tally = calloc(n ? n : 1, sizeof *tally);
    size_t count;
    size_t *order = ind_goals_order(g, &count);
    if (!tally || !order || ind_goals_rollup(g, data.ds, &policy, &rule, opt->year, tally, &err) != IND_OK) {
        free(tally);
        free(order);
        ind_goals_free(g);
        cli_data_free(&data);
        return err.status ? cli_fail(&err) : cli_error(4, "out of memory");
    }
    ind_lang lang = opt->lang;
    int en = lang == IND_LANG_EN;
    static const out_column cols[] = {
        {"unit", "Enhet", "Unit", COL_TEXT, 1},
        {"year", "År", "Year", COL_INTEGER, 1},
        {"id", "Mål", "Goal", COL_TEXT, 1},
        {"level", "Nivå", "Level", COL_TEXT, 0},
        {"text", "Text", "Text", COL_TEXT, 1},
        {"met", "Helt", "Met", COL_INTEGER, 1},
        {"partly", "Delvis", "Partly", COL_INTEGER, 1},
        {"not_met", "Inte", "Not met", COL_INTEGER, 1},
        {"unjudged", "Ej bedömda", "Unjudged", COL_INTEGER, 1},
        {"proposed", "Förslag", "Proposed", COL_TEXT, 0},
        {"proposed_label", "Förslag", "Proposed", COL_TEXT, 1},
        {"recorded", "Registrerad", "Recorded", COL_TEXT, 0},
        {"recorded_label", "Registrerad", "Recorded", COL_TEXT, 1},
        {"disagrees", "Avviker", "Disagrees", COL_INTEGER, 1},
    };
    out_table *t = out_table_new(cols, (int)(sizeof cols / sizeof cols[0]));
    size_t disagree = 0;
    char text[600];
    for (size_t k = 0; k < count; k++) {
        size_t i = order[k];
        const ind_goal *goal = ind_goals_at(g, i);
        if (!unit_selected(opt, goal->unit))
            continue;
        if (opt->year && goal->year && goal->year != opt->year)
            continue;
        int d = goal->recorded && tally[i].proposed && goal->recorded != tally[i].proposed;
        disagree += d;
        out_row_begin(t);
        out_text(t, goal->unit);
        out_integer(t, tally[i].year);
        out_text(t, goal->id);
        out_text(t, ind_goal_level_code(goal->level));
        if (opt->format == OUT_TABLE && !opt->output)
            snprintf(text, sizeof text, "%*s%s", 2 * ind_goals_depth(g, i), "", goal->text);
        else
            snprintf(text, sizeof text, "%s", goal->text);
        out_text(t, text);
        out_integer(t, (long long)tally[i].met);
        out_integer(t, (long long)tally[i].partly);
        out_integer(t, (long long)tally[i].not_met);
        out_integer(t, (long long)tally[i].unjudged);
        out_text(t, ind_assessment_code(tally[i].proposed));
        out_text(t, en ? ind_assessment_label_en(tally[i].proposed) : ind_assessment_label_sv(tally[i].proposed));
        out_text(t, ind_assessment_code(goal->recorded));
        out_text(t, en ? ind_assessment_label_en(goal->recorded) : ind_assessment_label_sv(goal->recorded));
        out_integer(t, d);
    }
    char title[256];
    snprintf(title, sizeof title,
             en ? "%zu goal(s); %zu where the recorded assessment differs from the proposal"
                : "%zu mål; %zu där registrerad bedömning skiljer sig från förslaget",
             out_table_rows(t), disagree);
    rc = out_table_emit(t, opt, title);
    if (rc == 0 && opt->format == OUT_TABLE && !opt->output)
        printf(en ? "\nRule: fully met when at least %g %% of the judged indicators are met; not met when fewer than %g %% are met or partly met; otherwise partly. Sub-goals' indicators count for their parents.\n"
                  : "\nRegel: uppfylls helt när minst %g %% av de bedömda indikatorerna uppfylls; uppfylls inte när färre än %g %% uppfylls helt eller delvis; annars delvis. Delmålens indikatorer räknas också för överordnade mål.\n",
               100 * rule.full_share, 100 * rule.not_share);
    out_table_free(t);
    free(tally);
    free(order);
    ind_goals_free(g);
    cli_data_free(&data);
    return rc;
}
