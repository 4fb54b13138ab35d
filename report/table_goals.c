/* table_goals.c: a proposed assessment for every goal from its indicators, and where the recorded one disagrees. */
#include "build_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ind_colspec goal_columns[] = {
    {"unit", "Enhet", "Unit", IND_CELL_TEXT, 1},
    {"year", "År", "Year", IND_CELL_INTEGER, 2},
    {"id", "Mål", "Goal", IND_CELL_TEXT, 1},
    {"level", "Nivå", "Level", IND_CELL_TEXT, 0},
    {"text", "Text", "Text", IND_CELL_TEXT, 1},
    {"met", "Helt", "Met", IND_CELL_INTEGER, 3},
    {"partly", "Delvis", "Partly", IND_CELL_INTEGER, 3},
    {"not_met", "Inte", "Not met", IND_CELL_INTEGER, 3},
    {"unjudged", "Ej bedömda", "Unjudged", IND_CELL_INTEGER, 4},
    {"proposed", "Förslag", "Proposed", IND_CELL_TEXT, 0},
    {"proposed_label", "Förslag", "Proposed", IND_CELL_TEXT, 1},
    {"recorded", "Registrerad", "Recorded", IND_CELL_TEXT, 0},
    {"recorded_label", "Registrerad", "Recorded", IND_CELL_TEXT, 1},
    {"disagrees", "Avviker", "Disagrees", IND_CELL_INTEGER, 2},
};

/* A goal without a unit belongs to every unit; otherwise its unit must be among the units asked for. */
static int unit_selected(const ind_opts *o, const char *unit)
{
    if (!unit[0] || !o->unit_count)
        return 1;
    for (size_t i = 0; i < o->unit_count; i++)
        if (strcmp(unit, o->units[i]) == 0)
            return 1;
    return 0;
}

ind_doc *ind_build_goals(const ind_build_input *in, const ind_opts *o, ind_error *err)
{
    const ind_goals *g = in->goals;
    int en = o->lang == IND_LANG_EN;
    size_t n = ind_goals_count(g), count;
    ind_goal_tally *tally = ind_build_must(calloc(n ? n : 1, sizeof *tally));
    size_t *order = ind_build_must(ind_goals_order(g, &count));
    if (ind_goals_rollup(g, in->ds, &o->policy, &o->rollup, o->year, tally, err) != IND_OK) {
        free(tally);
        free(order);
        return NULL;
    }
    ind_doc *doc = ind_build_table_doc(in, o, "Målens bedömning", "Goal assessments");
    ind_doc_table *t = ind_build_table(doc, goal_columns, sizeof goal_columns / sizeof goal_columns[0], NULL);
    size_t disagree = 0;
    for (size_t k = 0; k < count; k++) {
        size_t i = order[k];
        const ind_goal *goal = ind_goals_at(g, i);
        if (!unit_selected(o, goal->unit) || (o->year && goal->year && goal->year != o->year))
            continue;
        int d = goal->recorded && tally[i].proposed && goal->recorded != tally[i].proposed;
        disagree += d;
        ind_doc_row(t);
        ind_doc_text(t, goal->unit);
        ind_doc_integer(t, tally[i].year);
        ind_doc_text(t, goal->id);
        ind_doc_text(t, ind_goal_level_code(goal->level));
        ind_doc_text_indented(t, goal->text, ind_goals_depth(g, i));
        ind_doc_integer(t, (long long)tally[i].met);
        ind_doc_integer(t, (long long)tally[i].partly);
        ind_doc_integer(t, (long long)tally[i].not_met);
        ind_doc_integer(t, (long long)tally[i].unjudged);
        ind_doc_text(t, ind_assessment_code(tally[i].proposed));
        ind_doc_text(t, en ? ind_assessment_label_en(tally[i].proposed) : ind_assessment_label_sv(tally[i].proposed));
        ind_doc_text(t, ind_assessment_code(goal->recorded));
        ind_doc_text(t, en ? ind_assessment_label_en(goal->recorded) : ind_assessment_label_sv(goal->recorded));
        ind_doc_integer(t, d);
    }
    char text[600], a[32], b[32];
    snprintf(text, sizeof text,
             en ? "%zu goal(s); %zu where the recorded assessment differs from the proposal"
                : "%zu mål; %zu där registrerad bedömning skiljer sig från förslaget",
             ind_doc_table_rows(t), disagree);
    ind_doc_table_set_caption(doc, t, text);
    snprintf(text, sizeof text,
             en ? "Rule: fully met when at least %s of the judged indicators are met; not met when fewer than %s are met or partly met; otherwise partly. Sub-goals' indicators count for their parents."
                : "Regel: uppfylls helt när minst %s av de bedömda indikatorerna uppfylls; uppfylls inte när färre än %s uppfylls helt eller delvis; annars delvis. Delmålens indikatorer räknas också för överordnade mål.",
             ind_build_numg(o->rollup.full_share, IND_UNIT_SHARE, o->lang, a, sizeof a),
             ind_build_numg(o->rollup.not_share, IND_UNIT_SHARE, o->lang, b, sizeof b));
    ind_doc_note(doc, text);
    free(tally);
    free(order);
    return doc;
}
