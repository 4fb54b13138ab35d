/* goals.c: reading goal hierarchies and rolling indicator verdicts up into goal assessments. */
#define _GNU_SOURCE
#include "goals.h"
#include "csvread.h"
#include "text.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct ind_goals {
    ind_goal *item;
    size_t count, cap;
};

ind_goals *ind_goals_new(void) { return calloc(1, sizeof(ind_goals)); }

void ind_goals_free(ind_goals *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->count; i++) {
        free(g->item[i].id);
        free(g->item[i].parent);
        free(g->item[i].unit);
        free(g->item[i].text);
        free(g->item[i].file);
    }
    free(g->item);
    free(g);
}

size_t ind_goals_count(const ind_goals *g) { return g ? g->count : 0; }
const ind_goal *ind_goals_at(const ind_goals *g, size_t i) { return i < g->count ? &g->item[i] : NULL; }

static int by_text(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

ind_status ind_goals_match_units(ind_goals *g, const ind_dataset *ds, ind_error *err)
{
    size_t ns = ind_dataset_series_count(ds), nu = 0;
    const char **units = malloc((ns + 1) * sizeof *units);
    if (!units)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t s = 0; s < ns; s++)
        units[s] = ind_dataset_str(ds, ind_dataset_series(ds, s)->unit);
    qsort(units, ns, sizeof *units, by_text);
    for (size_t s = 0; s < ns; s++)
        if (nu == 0 || strcmp(units[s], units[nu - 1]) != 0)
            units[nu++] = units[s];
    ind_status st = IND_OK;
    for (size_t i = 0; i < g->count && st == IND_OK; i++) {
        ind_goal *goal = &g->item[i];
        size_t at, other;
        if (!goal->unit[0])
            continue;
        ind_text_found f = ind_text_find(goal->unit, units, NULL, nu, &at, &other);
        if (f == IND_TEXT_AMBIGUOUS) {
            st = ind_error_set(err, IND_EINPUT, goal->file, goal->line, 0,
                               "the unit \"%s\" of goal \"%s\" matches both \"%s\" and \"%s\" in the data; "
                               "write it as the data does", goal->unit, goal->id, units[at], units[other]);
        } else if (f == IND_TEXT_FOUND && strcmp(goal->unit, units[at]) != 0) {
            char *copy = strdup(units[at]);
            if (!copy)
                st = ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
            else {
                free(goal->unit);
                goal->unit = copy;
            }
        }
    }
    free(units);
    return st;
}

const char *ind_goal_level_code(ind_goal_level l)
{
    static const char *const c[] = {"kf_inriktningsmal", "kf_verksamhetsmal", "namndmal", "enhetsmal"};
    return (unsigned)l < 4 ? c[l] : "";
}

const char *ind_goal_level_label_sv(ind_goal_level l)
{
    static const char *const c[] = {"KF:s inriktningsmål", "KF:s mål för verksamhetsområdet",
                                    "Nämndmål", "Enhetsmål"};
    return (unsigned)l < 4 ? c[l] : "";
}

const char *ind_assessment_code(ind_assessment a)
{
    static const char *const c[] = {"", "full", "partly", "not"};
    return (unsigned)a < 4 ? c[a] : "";
}

const char *ind_assessment_label_sv(ind_assessment a)
{
    static const char *const c[] = {"", "Uppfylls helt", "Uppfylls delvis", "Uppfylls inte"};
    return (unsigned)a < 4 ? c[a] : "";
}

const char *ind_assessment_label_en(ind_assessment a)
{
    static const char *const c[] = {"", "Fully met", "Partly met", "Not met"};
    return (unsigned)a < 4 ? c[a] : "";
}

int ind_assessment_parse(const char *s, ind_assessment *out)
{
    static const struct {
        const char *w;
        ind_assessment a;
    } w[] = {{"", IND_ASSESS_NONE},           {"uppfylls helt", IND_ASSESS_FULL},
             {"helt", IND_ASSESS_FULL},       {"full", IND_ASSESS_FULL},
             {"uppfylls delvis", IND_ASSESS_PARTLY}, {"delvis", IND_ASSESS_PARTLY},
             {"partly", IND_ASSESS_PARTLY},   {"uppfylls inte", IND_ASSESS_NOT},
             {"inte", IND_ASSESS_NOT},        {"not", IND_ASSESS_NOT}};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcasecmp(s, w[i].w) == 0) {
            *out = w[i].a;
            return 0;
        }
    return -1;
}

static int level_parse(const char *s, ind_goal_level *out)
{
    static const struct {
        const char *w;
        ind_goal_level l;
    } w[] = {{"kf_inriktningsmal", IND_GOAL_KF_DIRECTION}, {"kf:s inriktningsmål", IND_GOAL_KF_DIRECTION},
             {"inriktningsmål", IND_GOAL_KF_DIRECTION},    {"kf_verksamhetsmal", IND_GOAL_KF_AREA},
             {"kf:s mål för verksamhetsområdet", IND_GOAL_KF_AREA}, {"verksamhetsmål", IND_GOAL_KF_AREA},
             {"namndmal", IND_GOAL_COMMITTEE},             {"nämndmål", IND_GOAL_COMMITTEE},
             {"enhetsmal", IND_GOAL_UNIT},                 {"enhetsmål", IND_GOAL_UNIT}};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcasecmp(s, w[i].w) == 0) {
            *out = w[i].l;
            return 0;
        }
    return -1;
}

enum { G_ID, G_LEVEL, G_PARENT, G_UNIT, G_TEXT, G_YEAR, G_ASSESSMENT, G_COUNT };
static const char *const gcol[G_COUNT] = {"id", "level", "parent", "unit", "text", "year", "assessment"};

typedef struct {
    ind_goals *g;
    int col[G_COUNT];
    size_t header_count;
    int have_header;
} goal_loader;

static ind_status goal_row(const ind_csv_row *row, void *user, ind_error *err)
{
    goal_loader *ld = user;
    if (!ld->have_header) {
        for (int c = 0; c < G_COUNT; c++)
            ld->col[c] = -1;
        for (size_t i = 0; i < row->count; i++) {
            int f = -1;
            for (int c = 0; c < G_COUNT; c++)
                if (strcasecmp(row->field[i], gcol[c]) == 0)
                    f = c;
            if (f < 0)
                return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)i + 1,
                                     "unknown goals column \"%s\"; the columns are id, level, parent, "
                                     "unit, text, year, assessment",
                                     row->field[i]);
            if (ld->col[f] >= 0)
                return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)i + 1,
                                     "the column \"%s\" appears twice", row->field[i]);
            ld->col[f] = (int)i;
        }
        if (ld->col[G_ID] < 0 || ld->col[G_LEVEL] < 0)
            return ind_error_set(err, IND_EINPUT, row->path, row->line, 0,
                                 "a goals file needs at least the columns id and level");
        ld->header_count = row->count;
        ld->have_header = 1;
        return IND_OK;
    }
    if (row->count != ld->header_count)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)row->count,
                             "the row has %zu fields, the header has %zu", row->count, ld->header_count);
#define GF(c) (ld->col[c] >= 0 ? row->field[ld->col[c]] : "")
#define GC(c) ((long)ld->col[c] + 1)
    ind_goal goal;
    memset(&goal, 0, sizeof goal);
    if (!GF(G_ID)[0])
        return ind_error_set(err, IND_EINPUT, row->path, row->line, GC(G_ID), "the goal id is empty");
    if (level_parse(GF(G_LEVEL), &goal.level) != 0)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, GC(G_LEVEL),
                             "unknown level \"%s\" (kf_inriktningsmal, kf_verksamhetsmal, namndmal, enhetsmal)",
                             GF(G_LEVEL));
    if (GF(G_YEAR)[0]) {
        char *end;
        long y = strtol(GF(G_YEAR), &end, 10);
        if (*end || y < IND_YEAR_MIN || y > IND_YEAR_MAX)
            return ind_error_set(err, IND_EINPUT, row->path, row->line, GC(G_YEAR), "\"%s\" is not a year",
                                 GF(G_YEAR));
        goal.year = (int)y;
    }
    if (ind_assessment_parse(GF(G_ASSESSMENT), &goal.recorded) != 0)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, GC(G_ASSESSMENT),
                             "unknown assessment \"%s\" (Uppfylls helt, Uppfylls delvis, Uppfylls inte)",
                             GF(G_ASSESSMENT));
    for (size_t i = 0; i < ld->g->count; i++) {
        const ind_goal *o = &ld->g->item[i];
        if (strcmp(o->id, GF(G_ID)) != 0 || strcmp(o->unit, GF(G_UNIT)) != 0 || o->year != goal.year)
            continue;
        /* the same goal printed again (two documents of one unit and year): kept once */
        if (o->level == goal.level && strcmp(o->parent, GF(G_PARENT)) == 0 && strcmp(o->text, GF(G_TEXT)) == 0 &&
            (o->recorded == goal.recorded || !goal.recorded))
            return IND_OK;
        return ind_error_set(err, IND_EINPUT, row->path, row->line, GC(G_ID),
                                 "goal \"%s\" of unit \"%s\" is defined twice (also line %ld)",
                                 o->id, o->unit, o->line);
    }
    if (ld->g->count == ld->g->cap) {
        size_t cap = ld->g->cap ? ld->g->cap * 2 : 32;
        ind_goal *t = realloc(ld->g->item, cap * sizeof *t);
        if (!t)
            return ind_error_set(err, IND_ENOMEM, row->path, row->line, 0, "out of memory");
        ld->g->item = t;
        ld->g->cap = cap;
    }
    goal.id = strdup(GF(G_ID));
    goal.parent = strdup(GF(G_PARENT));
    goal.unit = strdup(GF(G_UNIT));
    goal.text = strdup(GF(G_TEXT));
    goal.file = strdup(row->path);
    goal.line = row->line;
    ld->g->item[ld->g->count++] = goal;
    if (!goal.id || !goal.parent || !goal.unit || !goal.text || !goal.file)
        return ind_error_set(err, IND_ENOMEM, row->path, row->line, 0, "out of memory");
    return IND_OK;
#undef GF
#undef GC
}

static long parent_of(const ind_goals *g, size_t i);

ind_status ind_goals_load_buffer(ind_goals *g, const char *name, const char *data, size_t size,
                                 ind_error *err)
{
    goal_loader ld;
    memset(&ld, 0, sizeof ld);
    ld.g = g;
    size_t before = g->count;
    ind_status st = ind_csv_read_buffer(name, data, size, IND_ENC_AUTO, 0, goal_row, &ld, NULL, err);
    if (st == IND_OK && !ld.have_header)
        st = ind_error_set(err, IND_EINPUT, name, 0, 0, "the goals file has no header row");
    /* every parent must be a goal that parent_of links (same unit, or no unit; same
     * year, or no year), and no goal may be its own ancestor */
    long pcol = (long)ld.col[G_PARENT] + 1;
    for (size_t i = before; st == IND_OK && i < g->count; i++) {
        const ind_goal *c = &g->item[i];
        if (!c->parent[0])
            continue;
        if (strcmp(c->parent, c->id) == 0) {
            st = ind_error_set(err, IND_EINPUT, c->file, c->line, pcol,
                               "goal \"%s\" names itself as its parent", c->id);
            break;
        }
        long p = parent_of(g, i);
        if (p < 0) {
            st = ind_error_set(err, IND_EINPUT, c->file, c->line, pcol,
                               "goal \"%s\" names the parent \"%s\", which is not a goal of the same unit "
                               "(or of no unit) and the same year (or no year)",
                               c->id, c->parent);
            break;
        }
        for (size_t steps = 0; p >= 0 && steps <= g->count; steps++, p = parent_of(g, (size_t)p))
            if ((size_t)p == i) {
                st = ind_error_set(err, IND_EINPUT, c->file, c->line, pcol,
                                   "goal \"%s\" is its own ancestor (through its parent \"%s\")", c->id,
                                   c->parent);
                break;
            }
    }
    return st;
}

ind_status ind_goals_load_file(ind_goals *g, const char *path, ind_error *err)
{
    char *data;
    size_t size;
    ind_status st = ind_file_slurp(path, &data, &size, err);
    if (st != IND_OK)
        return st;
    st = ind_goals_load_buffer(g, path, data, size, err);
    ind_file_free(data, size);
    return st;
}

/* The parent of goal i, or -1: a goal with the parent id of the same unit or of
 * no unit, and of the same year or of no year; the same unit first, then the
 * same year. */
static long parent_of(const ind_goals *g, size_t i)
{
    const ind_goal *c = &g->item[i];
    if (!c->parent[0])
        return -1;
    long best = -1;
    int best_rank = 0;
    for (size_t j = 0; j < g->count; j++) {
        const ind_goal *p = &g->item[j];
        if (j == i || strcmp(p->id, c->parent) != 0)
            continue;
        int same_unit = strcmp(p->unit, c->unit) == 0, same_year = p->year == c->year;
        if (!same_unit && p->unit[0])
            continue;
        if (!same_year && p->year)
            continue;
        int rank = 1 + 2 * same_unit + same_year; /* 4: same unit and year ... 1: no unit, no year */
        if (rank > best_rank) {
            best = (long)j;
            best_rank = rank;
        }
    }
    return best;
}

int ind_goals_depth(const ind_goals *g, size_t i)
{
    int d = 0;
    for (long p = parent_of(g, i); p >= 0 && d < 64; p = parent_of(g, (size_t)p))
        d++;
    return d;
}

/* Compares dotted ids numerically where they are numbers: 3.4.2 < 3.4.10. */
static int id_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            char *ea, *eb;
            long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);
            if (x != y)
                return x < y ? -1 : 1;
            a = ea;
            b = eb;
            continue;
        }
        if (*a != *b)
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        a++, b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

static int order_cmp(const void *x, const void *y, void *user)
{
    const ind_goals *g = user;
    const ind_goal *a = &g->item[*(const size_t *)x], *b = &g->item[*(const size_t *)y];
    int c = strcmp(a->unit, b->unit);
    if (c)
        return c;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    return id_cmp(a->id, b->id);
}

static void visit(const long *parent, const size_t *sorted, size_t n, size_t node, size_t *out,
                  size_t *k, unsigned char *done)
{
    if (done[node])
        return;
    done[node] = 1;
    out[(*k)++] = node;
    for (size_t i = 0; i < n; i++)
        if (!done[sorted[i]] && parent[sorted[i]] == (long)node)
            visit(parent, sorted, n, sorted[i], out, k, done);
}

size_t *ind_goals_order(const ind_goals *g, size_t *count)
{
    size_t n = g->count;
    size_t *sorted = malloc((n ? n : 1) * sizeof *sorted);
    size_t *out = malloc((n ? n : 1) * sizeof *out);
    long *parent = malloc((n ? n : 1) * sizeof *parent);
    unsigned char *done = calloc(n ? n : 1, 1);
    if (!sorted || !out || !parent || !done) {
        free(sorted);
        free(out);
        free(parent);
        free(done);
        *count = 0;
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        sorted[i] = i;
        parent[i] = parent_of(g, i);
    }
    qsort_r(sorted, n, sizeof *sorted, order_cmp, (void *)g);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (parent[sorted[i]] < 0)
            visit(parent, sorted, n, sorted[i], out, &k, done);
    for (size_t i = 0; i < n; i++) /* cycles: keep every goal */
        if (!done[sorted[i]])
            visit(parent, sorted, n, sorted[i], out, &k, done);
    free(sorted);
    free(parent);
    free(done);
    *count = k;
    return out;
}

void ind_rollup_rule_default(ind_rollup_rule *rule)
{
    rule->full_share = 1.0;
    rule->not_share = 0.5;
}

long ind_series_year_obs(const ind_dataset *ds, size_t series, int year)
{
    const ind_series *s = ind_dataset_series(ds, series);
    long best = -1;
    for (size_t i = s->first; i < s->first + s->count; i++) {
        ind_period p = ind_dataset_period(ds, i);
        if (ind_period_year(p) != year)
            continue;
        if (ind_period_kind_of(p) == IND_PERIOD_YEAR)
            return (long)i;
        if (!isnan(ind_dataset_value(ds, i)) || best < 0)
            best = (long)i; /* later periods of the year come later */
    }
    return best;
}

/* The year's outcome of a series judged by the attainment rule: the VB's judge. */
static int judge_year(void *user, const ind_dataset *ds, size_t series, int year, size_t *obs, ind_verdict *v)
{
    long i = ind_series_year_obs(ds, series, year);
    if (i < 0)
        return -1;
    ind_attainment a;
    ind_attain_obs(ds, (size_t)i, 0, user, IND_LANG_SV, &a);
    *obs = (size_t)i;
    *v = a.verdict;
    return 0;
}

ind_status ind_goals_rollup(const ind_goals *g, const ind_dataset *ds, const ind_attain_policy *policy,
                            const ind_rollup_rule *rule, int year, ind_goal_tally *t, ind_error *err)
{
    return ind_goals_rollup_by(g, ds, rule, year, judge_year, (void *)policy, t, err);
}

ind_status ind_goals_rollup_by(const ind_goals *g, const ind_dataset *ds, const ind_rollup_rule *rule, int year,
                               ind_goals_judge_fn judge, void *user, ind_goal_tally *t, ind_error *err)
{
    size_t n = g->count;
    memset(t, 0, n * sizeof *t);
    int latest = 0;
    if (!year) {
        for (size_t i = 0; i < ind_dataset_obs_count(ds); i++)
            if (!isnan(ind_dataset_value(ds, i)) && ind_period_year(ind_dataset_period(ds, i)) > latest)
                latest = ind_period_year(ind_dataset_period(ds, i));
    }
    /* each goal's own indicators */
    size_t ns = ind_dataset_series_count(ds);
    for (size_t gi = 0; gi < n; gi++) {
        const ind_goal *goal = &g->item[gi];
        int y = goal->year ? goal->year : year ? year : latest;
        t[gi].year = y;
        for (size_t s = 0; s < ns; s++) {
            const ind_series *se = ind_dataset_series(ds, s);
            if (se->gender != IND_GENDER_T)
                continue;
            if (goal->unit[0] && strcmp(ind_dataset_str(ds, se->unit), goal->unit) != 0)
                continue;
            size_t i;
            ind_verdict v;
            if (judge(user, ds, s, y, &i, &v) != 0)
                continue;
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            if (strcmp(ind_dataset_str(ds, o.goal), goal->id) != 0)
                continue;
            switch (v) {
            case IND_VERDICT_MET: t[gi].met++; break;
            case IND_VERDICT_PARTLY: t[gi].partly++; break;
            case IND_VERDICT_NOT_MET: t[gi].not_met++; break;
            default: t[gi].unjudged++; break;
            }
        }
    }
    /* add each goal's own tally to every ancestor */
    ind_goal_tally *own = malloc((n ? n : 1) * sizeof *own);
    if (!own)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    memcpy(own, t, n * sizeof *own);
    for (size_t gi = 0; gi < n; gi++) {
        int guard = 0;
        for (long p = parent_of(g, gi); p >= 0 && guard < 64; p = parent_of(g, (size_t)p), guard++) {
            t[p].met += own[gi].met;
            t[p].partly += own[gi].partly;
            t[p].not_met += own[gi].not_met;
            t[p].unjudged += own[gi].unjudged;
        }
    }
    free(own);
    ind_rollup_rule def;
    if (!rule) {
        ind_rollup_rule_default(&def);
        rule = &def;
    }
    for (size_t gi = 0; gi < n; gi++) {
        size_t judged = t[gi].met + t[gi].partly + t[gi].not_met;
        if (!judged) {
            t[gi].proposed = IND_ASSESS_NONE;
            continue;
        }
        double met = (double)t[gi].met / (double)judged;
        double some = (double)(t[gi].met + t[gi].partly) / (double)judged;
        if (met >= rule->full_share - 1e-12)
            t[gi].proposed = IND_ASSESS_FULL;
        else if (some < rule->not_share - 1e-12)
            t[gi].proposed = IND_ASSESS_NOT;
        else
            t[gi].proposed = IND_ASSESS_PARTLY;
    }
    return IND_OK;
}
