/* names.c: the names a person types (units, indicators, commands) found by one rule, and "did you mean" when not. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Names to choose among: each with the number of the thing it names (an
 * indicator's id, name and aliases name one thing), and per thing the name
 * people see (the data's spelling). */
typedef struct {
    const char **name;
    size_t *group;
    size_t count, cap;
    const char **shown; /* per group */
    size_t groups;
} name_list;

static void name_list_free(name_list *l)
{
    free(l->name);
    free(l->group);
    free(l->shown);
}

/* Adds name as a name of group (a new group when group == l->groups, shown
 * as name). Returns 0, or 4 after a message when memory is short. */
static int name_list_add(name_list *l, const char *name, size_t group)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        const char **n = realloc(l->name, cap * sizeof *n);
        if (n)
            l->name = n;
        size_t *g = n ? realloc(l->group, cap * sizeof *g) : NULL;
        if (!g)
            return cli_error(4, "out of memory");
        l->group = g;
        l->cap = cap;
    }
    if (group == l->groups) {
        const char **s = realloc(l->shown, (l->groups + 1) * sizeof *s);
        if (!s)
            return cli_error(4, "out of memory");
        l->shown = s;
        l->shown[l->groups++] = name;
    }
    l->name[l->count] = name;
    l->group[l->count++] = group;
    return 0;
}

static int by_text(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* The units of the data, each once, in sorted order: one group each. */
static int unit_names(const ind_dataset *ds, name_list *l)
{
    size_t ns = ind_dataset_series_count(ds);
    const char **all = malloc((ns + 1) * sizeof *all);
    if (!all)
        return cli_error(4, "out of memory");
    for (size_t s = 0; s < ns; s++)
        all[s] = ind_dataset_str(ds, ind_dataset_series(ds, s)->unit);
    qsort(all, ns, sizeof *all, by_text);
    int rc = 0;
    for (size_t s = 0; s < ns && rc == 0; s++)
        if (s == 0 || strcmp(all[s], all[s - 1]) != 0)
            rc = name_list_add(l, all[s], l->groups);
    free(all);
    return rc;
}

/* The indicators of the data: each name the data uses, and for one in the
 * catalogue also its id, catalogue name and aliases, all in one group shown
 * by the data's first spelling. */
static int indicator_names(const ind_dataset *ds, name_list *l)
{
    size_t ns = ind_dataset_series_count(ds);
    const ind_indicator **info = calloc(ns + 1, sizeof *info); /* per group */
    if (!info)
        return cli_error(4, "out of memory");
    int rc = 0;
    for (size_t s = 0; s < ns && rc == 0; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        const char *name = ind_dataset_str(ds, se->indicator);
        size_t g = l->groups, k;
        for (k = 0; k < l->count; k++)
            if (strcmp(l->name[k], name) == 0 || (se->info && info[l->group[k]] == se->info))
                break;
        if (k < l->count) {
            g = l->group[k];
            if (strcmp(l->name[k], name) == 0)
                continue;
        }
        int fresh = g == l->groups;
        if ((rc = name_list_add(l, name, g)) != 0 || !fresh || !se->info)
            continue;
        /* a new indicator from the catalogue: its other names too */
        info[g] = se->info;
        rc = name_list_add(l, se->info->name, g);
        if (rc == 0 && se->info->id && se->info->id[0])
            rc = name_list_add(l, se->info->id, g);
        for (size_t a = 0; a < se->info->alias_count && rc == 0; a++)
            rc = name_list_add(l, se->info->alias[a], g);
    }
    free(info);
    return rc;
}

/* Is the IND_TEXT_LOOSE fold of q (qn bytes, at least 4) inside that of name? */
static int folded_part(const char *q, size_t qn, const char *name)
{
    char f[1024];
    size_t n = ind_text_fold(name, strlen(name), IND_TEXT_LOOSE, f, sizeof f, NULL);
    if (qn < 4 || qn > n)
        return 0;
    for (size_t i = 0; i + qn <= n; i++)
        if (memcmp(f + i, q, qn) == 0)
            return 1;
    return 0;
}

enum { MAX_SUGGESTIONS = 5 };

/* The things (groups) closest to query: those within a few edits
 * (ind_text_closest), closest first, then those whose name holds the typed
 * text ("hemtjanst" in "Hemtjänsten Norr"). Returns how many, at most
 * MAX_SUGGESTIONS, in out. */
static size_t closest_groups(const char *query, const name_list *l, size_t *out)
{
    size_t best[64], n = 0;
    size_t found = ind_text_closest(query, l->name, l->count, -1, best, 64);
    for (size_t i = 0; i < found && n < MAX_SUGGESTIONS; i++) {
        size_t g = l->group[best[i]], k = 0;
        while (k < n && out[k] != g)
            k++;
        if (k == n)
            out[n++] = g;
    }
    char q[1024];
    size_t qn = ind_text_fold(query, strlen(query), IND_TEXT_LOOSE, q, sizeof q, NULL);
    for (size_t i = 0; i < l->count && n < MAX_SUGGESTIONS; i++) {
        size_t g = l->group[i], k = 0;
        while (k < n && out[k] != g)
            k++;
        if (k == n && folded_part(q, qn, l->name[i]))
            out[n++] = g;
    }
    return n;
}

/* Joins names[0..n) as people write a list of choices: "A", "A eller B",
 * "A, B eller C" ("or" in English); with every, "A, B och C" ("and"). */
static char *join_names(const char *const *names, size_t n, int every, char *buf, size_t size)
{
    int en = cli_lang() == IND_LANG_EN;
    const char *last = every ? (en ? " and " : " och ") : (en ? " or " : " eller ");
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i == 0 ? "" : i + 1 == n ? last : ", ", names[i]);
    return buf;
}

size_t cli_suggest(const char *query, const char *const *names, size_t n, char *buf, size_t size)
{
    name_list l = {0};
    size_t groups[MAX_SUGGESTIONS], found = 0;
    const char *shown[MAX_SUGGESTIONS];
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = name_list_add(&l, names[i], l.groups);
    if (rc == 0)
        found = closest_groups(query, &l, groups);
    for (size_t i = 0; i < found; i++)
        shown[i] = l.shown[groups[i]];
    join_names(shown, found, 0, buf, size);
    name_list_free(&l);
    return found;
}

/* One --unit or --indicator: *name becomes the data's spelling of what it
 * names. what is "unit" or "indicator". Returns 0 or the exit code after a
 * message: 2 when nothing matches, 1 when two things do. */
static int resolve(const char **name, const name_list *l, const ind_dataset *ds, int unit)
{
    size_t at, other;
    ind_text_found f = ind_text_find(*name, l->name, l->group, l->count, &at, &other);
    if (f == IND_TEXT_FOUND) {
        *name = l->shown[l->group[at]];
        return 0;
    }
    if (f == IND_TEXT_AMBIGUOUS)
        return unit ? cli_error(1, "unit \"%s\" matches both \"%s\" and \"%s\"; write the name as in the data", *name,
                                l->shown[l->group[at]], l->shown[l->group[other]])
                    : cli_error(1, "indicator \"%s\" matches both \"%s\" and \"%s\"; write the name as in the data",
                                *name, l->shown[l->group[at]], l->shown[l->group[other]]);
    if (!unit) { /* the catalogue's own reading: "Andelen ..." for "Andel ..." */
        const ind_indicator *info = ind_catalog_lookup(ind_dataset_catalog(ds), *name, strlen(*name));
        for (size_t s = 0; info && s < ind_dataset_series_count(ds); s++)
            if (ind_dataset_series(ds, s)->info == info) {
                *name = ind_dataset_str(ds, ind_dataset_series(ds, s)->indicator);
                return 0;
            }
    }
    size_t groups[MAX_SUGGESTIONS];
    const char *shown[MAX_SUGGESTIONS];
    size_t n = closest_groups(*name, l, groups);
    char list[2048];
    for (size_t i = 0; i < n; i++)
        shown[i] = l->shown[groups[i]];
    if (n)
        return unit ? cli_error(2, "unknown unit \"%s\". Did you mean %s?", *name, join_names(shown, n, 0, list, sizeof list))
                    : cli_error(2, "unknown indicator \"%s\". Did you mean %s?", *name,
                                join_names(shown, n, 0, list, sizeof list));
    if (!unit)
        return cli_error(2, "unknown indicator \"%s\": no data for it (see 'indikator check' for the list)", *name);
    /* no unit near it: the data's units, when they are few enough to read */
    if (l->groups > 12)
        return cli_error(2, "unknown unit \"%s\": the data has %zu units (see 'indikator check' for the list)", *name,
                         l->groups);
    return cli_error(2, "unknown unit \"%s\"; the data's units: %s", *name,
                     join_names(l->shown, l->groups, 1, list, sizeof list));
}

int cli_resolve_names(cli_opts *opt, const ind_dataset *ds)
{
    int rc = 0;
    if (opt->unit_count || opt->reference_count) { /* a reference is a unit of the data */
        name_list l = {0};
        rc = unit_names(ds, &l);
        for (int i = 0; i < opt->unit_count && rc == 0; i++)
            rc = resolve(&opt->units[i], &l, ds, 1);
        for (int i = 0; i < opt->reference_count && rc == 0; i++)
            rc = resolve(&opt->references[i], &l, ds, 1);
        name_list_free(&l);
    }
    if (opt->indicator_count && rc == 0) {
        name_list l = {0};
        rc = indicator_names(ds, &l);
        for (int i = 0; i < opt->indicator_count && rc == 0; i++)
            rc = resolve(&opt->indicators[i], &l, ds, 0);
        name_list_free(&l);
    }
    return rc;
}
