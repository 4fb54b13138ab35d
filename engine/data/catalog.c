/* catalog.c: loading the indicator catalogue and matching names against it. */
#include "catalog.h"
#include "csvread.h"
#include "number.h"
#include "text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    char *key;
    size_t index;
} name_entry;

struct ind_catalog {
    ind_indicator *items;
    size_t count, cap;
    name_entry *names; /* key -> index, sorted by key once lookups start */
    size_t name_count, name_cap;
    int sorted;
};

ind_catalog *ind_catalog_new(void) { return calloc(1, sizeof(ind_catalog)); }

static void indicator_free(ind_indicator *ind)
{
    free(ind->id);
    free(ind->name);
    free(ind->kolada_kpi);
    for (size_t i = 0; i < ind->alias_count; i++)
        free(ind->alias[i]);
    free(ind->alias);
}

void ind_catalog_free(ind_catalog *cat)
{
    if (!cat)
        return;
    for (size_t i = 0; i < cat->count; i++)
        indicator_free(&cat->items[i]);
    for (size_t i = 0; i < cat->name_count; i++)
        free(cat->names[i].key);
    free(cat->items);
    free(cat->names);
    free(cat);
}

size_t ind_catalog_count(const ind_catalog *cat) { return cat ? cat->count : 0; }
const ind_indicator *ind_catalog_at(const ind_catalog *cat, size_t i)
{
    return i < cat->count ? &cat->items[i] : NULL;
}

size_t ind_catalog_key(const char *name, size_t len, char *out, size_t size)
{
    if (size == 0)
        return 0;
    size_t n = ind_text_fold(name, len, IND_TEXT_KEY, out, size, NULL);
    /* "andelen " -> "andel " at the start and after a space */
    char *p = out;
    while ((p = strstr(p, "andelen")) != NULL) {
        if ((p == out || p[-1] == ' ') && (p[7] == ' ' || p[7] == '\0')) {
            memmove(p + 5, p + 7, strlen(p + 7) + 1);
            n -= 2;
        }
        p += 5;
    }
    return n;
}

static int entry_cmp(const void *a, const void *b)
{
    const name_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int add_name(ind_catalog *cat, const char *name, size_t index)
{
    char key[1024];
    size_t n = ind_catalog_key(name, strlen(name), key, sizeof key);
    if (n == 0)
        return 0;
    if (cat->name_count == cat->name_cap) {
        size_t cap = cat->name_cap ? cat->name_cap * 2 : 64;
        name_entry *e = realloc(cat->names, cap * sizeof *e);
        if (!e)
            return -1;
        cat->names = e;
        cat->name_cap = cap;
    }
    cat->names[cat->name_count].key = strdup(key);
    if (!cat->names[cat->name_count].key)
        return -1;
    cat->names[cat->name_count].index = index;
    cat->name_count++;
    cat->sorted = 0;
    return 0;
}

ind_status ind_catalog_add(ind_catalog *cat, const ind_indicator *ind, ind_error *err)
{
    size_t index = cat->count;
    /* a later definition of the same id replaces the earlier one */
    for (size_t i = 0; i < cat->count; i++)
        if (strcmp(cat->items[i].id, ind->id) == 0) {
            index = i;
            break;
        }
    if (index == cat->count) {
        if (cat->count == cat->cap) {
            size_t cap = cat->cap ? cat->cap * 2 : 64;
            ind_indicator *it = realloc(cat->items, cap * sizeof *it);
            if (!it)
                return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
            cat->items = it;
            cat->cap = cap;
        }
        cat->count++;
    } else {
        indicator_free(&cat->items[index]);
    }
    ind_indicator *d = &cat->items[index];
    *d = *ind;
    d->id = strdup(ind->id);
    d->name = strdup(ind->name && ind->name[0] ? ind->name : ind->id);
    d->alias = ind->alias_count ? calloc(ind->alias_count, sizeof(char *)) : NULL;
    d->kolada_kpi = ind->kolada_kpi && ind->kolada_kpi[0] ? strdup(ind->kolada_kpi) : NULL;
    if (!d->id || !d->name || (ind->alias_count && !d->alias) || (ind->kolada_kpi && ind->kolada_kpi[0] && !d->kolada_kpi))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < ind->alias_count; i++)
        if (!(d->alias[i] = strdup(ind->alias[i])))
            return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    if (add_name(cat, d->id, index) || add_name(cat, d->name, index))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < d->alias_count; i++)
        if (add_name(cat, d->alias[i], index))
            return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    if (d->kolada_kpi && add_name(cat, d->kolada_kpi, index))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    return IND_OK;
}

const ind_indicator *ind_catalog_lookup(const ind_catalog *cat_c, const char *name, size_t len)
{
    ind_catalog *cat = (ind_catalog *)cat_c; /* sorting the index lazily is not a visible change */
    char key[1024];
    if (!cat || cat->name_count == 0)
        return NULL;
    if (!cat->sorted) {
        qsort(cat->names, cat->name_count, sizeof *cat->names, entry_cmp);
        cat->sorted = 1;
    }
    ind_catalog_key(name, len, key, sizeof key);
    /* the last entry with this key wins: the latest definition */
    size_t lo = 0, hi = cat->name_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(cat->names[mid].key, key) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || strcmp(cat->names[lo - 1].key, key) != 0)
        return NULL;
    return &cat->items[cat->names[lo - 1].index];
}

const char *ind_measure_code(ind_measure m)
{
    static const char *const c[] = {"percent", "count", "index", "ratio", "currency", "days", "number"};
    return (unsigned)m < 7 ? c[m] : "number";
}

const char *ind_direction_code(ind_direction d)
{
    static const char *const c[] = {"unknown", "higher", "lower", "band", "neutral"};
    return (unsigned)d < 5 ? c[d] : "unknown";
}

int ind_measure_parse(const char *s, ind_measure *out)
{
    static const struct {
        const char *w;
        ind_measure m;
    } w[] = {{"percent", IND_MEASURE_PERCENT}, {"procent", IND_MEASURE_PERCENT}, {"andel", IND_MEASURE_PERCENT},
             {"count", IND_MEASURE_COUNT},     {"antal", IND_MEASURE_COUNT},     {"index", IND_MEASURE_INDEX},
             {"ratio", IND_MEASURE_RATIO},     {"kvot", IND_MEASURE_RATIO},      {"currency", IND_MEASURE_CURRENCY},
             {"kronor", IND_MEASURE_CURRENCY}, {"kr", IND_MEASURE_CURRENCY},     {"days", IND_MEASURE_DAYS},
             {"dagar", IND_MEASURE_DAYS},      {"number", IND_MEASURE_NUMBER},   {"tal", IND_MEASURE_NUMBER}};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcasecmp(s, w[i].w) == 0) {
            *out = w[i].m;
            return 0;
        }
    return -1;
}

int ind_direction_parse(const char *s, ind_direction *out)
{
    static const struct {
        const char *w;
        ind_direction d;
    } w[] = {{"higher", IND_DIR_HIGHER}, {"högre", IND_DIR_HIGHER}, {"h\xc3\xb6gre", IND_DIR_HIGHER},
             {"up", IND_DIR_HIGHER},     {"lower", IND_DIR_LOWER},   {"lägre", IND_DIR_LOWER},
             {"l\xc3\xa4gre", IND_DIR_LOWER}, {"down", IND_DIR_LOWER}, {"band", IND_DIR_BAND},
             {"two-sided", IND_DIR_BAND}, {"neutral", IND_DIR_NEUTRAL}};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcasecmp(s, w[i].w) == 0) {
            *out = w[i].d;
            return 0;
        }
    return -1;
}

/* ---- loading ------------------------------------------------------------ */

enum { C_ID, C_NAME, C_ALIASES, C_MEASURE, C_DIRECTION, C_PERIODICITY, C_BY_GENDER, C_DECIMALS,
       C_KF_SCOPE, C_TOLERANCE, C_KOLADA_KPI, C_COUNT };
static const char *const column_name[C_COUNT] = {"id", "name", "aliases", "measure", "direction",
                                                 "periodicity", "by_gender", "decimals", "kf_scope",
                                                 "tolerance", "kolada_kpi"};

typedef struct {
    ind_catalog *cat;
    int col[C_COUNT]; /* field index of each column, -1 when absent */
    size_t header_count;
    int have_header;
} loader;

static int parse_bool(const char *s, int *out)
{
    static const char *const yes[] = {"ja", "yes", "true", "1", "j", "y"};
    static const char *const no[] = {"nej", "no", "false", "0", "n", ""};
    for (size_t i = 0; i < 6; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = 1;
            return 0;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = 0;
            return 0;
        }
    }
    return -1;
}

static ind_status catalog_row(const ind_csv_row *row, void *user, ind_error *err)
{
    loader *ld = user;
    if (!ld->have_header) {
        for (int c = 0; c < C_COUNT; c++)
            ld->col[c] = -1;
        for (size_t i = 0; i < row->count; i++) {
            int found = -1;
            for (int c = 0; c < C_COUNT; c++)
                if (strcasecmp(row->field[i], column_name[c]) == 0)
                    found = c;
            if (found < 0)
                return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)i + 1,
                                     "unknown catalogue column \"%s\"; the columns are id, name, "
                                     "aliases, measure, direction, periodicity, by_gender, "
                                     "decimals, kf_scope, tolerance, kolada_kpi",
                                     row->field[i]);
            if (ld->col[found] >= 0)
                return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)i + 1,
                                     "the column \"%s\" appears twice", row->field[i]);
            ld->col[found] = (int)i;
        }
        if (ld->col[C_ID] < 0 || ld->col[C_NAME] < 0 || ld->col[C_DIRECTION] < 0)
            return ind_error_set(err, IND_EINPUT, row->path, row->line, 0,
                                 "the catalogue needs at least the columns id, name and direction");
        ld->header_count = row->count;
        ld->have_header = 1;
        return IND_OK;
    }
    if (row->count < ld->header_count)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)row->count + 1,
                             "the row has %zu fields, the header has %zu", row->count,
                             ld->header_count);
    for (size_t i = ld->header_count; i < row->count; i++)
        if (row->len[i])
            return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)i + 1,
                                 "the row has %zu fields, the header has %zu", row->count,
                                 ld->header_count);
#define FIELD(c) (ld->col[c] >= 0 ? row->field[ld->col[c]] : "")
#define COLNO(c) ((long)ld->col[c] + 1)
    ind_indicator ind;
    memset(&ind, 0, sizeof ind);
    ind.tolerance = NAN;
    ind.line = row->line;
    ind.id = (char *)FIELD(C_ID);
    ind.name = (char *)FIELD(C_NAME);
    if (!ind.id[0])
        return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_ID), "the id is empty");
    if (!ind.name[0])
        return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_NAME), "the name is empty");
    char key[64];
    if (ind_catalog_key(ind.name, strlen(ind.name), key, sizeof key) == 0) /* found by fuzz_goals: ";" */
        return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_NAME),
                             "the name \"%s\" has no letters or digits, so no name in the data can match it", ind.name);
    const char *m = FIELD(C_MEASURE);
    if (m[0] && ind_measure_parse(m, &ind.measure) != 0)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_MEASURE),
                             "unknown measure \"%s\" (percent, count, index, ratio, currency, days, number)", m);
    if (!m[0])
        ind.measure = IND_MEASURE_NUMBER;
    const char *d = FIELD(C_DIRECTION);
    if (ind_direction_parse(d, &ind.direction) != 0)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_DIRECTION),
                             "unknown direction \"%s\" (higher, lower, band, neutral)", d);
    const char *p = FIELD(C_PERIODICITY);
    if (!p[0] || strcasecmp(p, "\xc3\xa5r") == 0 || strcasecmp(p, "\xc3\x85r") == 0 ||
        strcasecmp(p, "year") == 0 || strcasecmp(p, "ar") == 0)
        ind.periodicity = IND_PERIOD_YEAR;
    else if (strcasecmp(p, "tertial") == 0)
        ind.periodicity = IND_PERIOD_TERTIAL;
    else if (strcasecmp(p, "m\xc3\xa5nad") == 0 || strcasecmp(p, "month") == 0 || strcasecmp(p, "manad") == 0)
        ind.periodicity = IND_PERIOD_MONTH;
    else
        return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_PERIODICITY),
                             "unknown periodicity \"%s\" (år, tertial, månad)", p);
    if (parse_bool(FIELD(C_BY_GENDER), &ind.by_gender) != 0)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_BY_GENDER),
                             "by_gender must be ja or nej, not \"%s\"", FIELD(C_BY_GENDER));
    const char *dec = FIELD(C_DECIMALS);
    ind.decimals = 1;
    if (dec[0]) {
        char *end;
        long v = strtol(dec, &end, 10);
        if (*end || v < 0 || v > 6)
            return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_DECIMALS),
                                 "decimals must be a whole number 0-6, not \"%s\"", dec);
        ind.decimals = (int)v;
    }
    const char *k = FIELD(C_KF_SCOPE);
    if (!k[0] || strcasecmp(k, "unit") == 0 || strcasecmp(k, "enhet") == 0)
        ind.kf_scope = IND_KF_SCOPE_UNIT;
    else if (strcasecmp(k, "city") == 0 || strcasecmp(k, "stad") == 0 || strcasecmp(k, "staden") == 0)
        ind.kf_scope = IND_KF_SCOPE_CITY;
    else
        return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_KF_SCOPE),
                             "kf_scope must be unit or city, not \"%s\"", k);
    const char *t = FIELD(C_TOLERANCE);
    if (t[0]) {
        unsigned flags;
        const char *why;
        if (ind_num_parse(t, strlen(t), &ind.tolerance, &flags, &why, NULL) != 0 || ind.tolerance < 0)
            return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_TOLERANCE),
                                 "the tolerance must be \"N %%\" (relative) or a number (absolute), not \"%s\"", t);
        if (flags & IND_NUM_PERCENT) {
            ind.tolerance /= 100.0;
            ind.tolerance_relative = 1;
        }
    }
    /* a Kolada KPI id: a capital letter and digits (N15419, U21468) */
    const char *kpi = FIELD(C_KOLADA_KPI);
    if (kpi[0]) {
        size_t l = strlen(kpi), digits = strspn(kpi + 1, "0123456789");
        if (!(kpi[0] >= 'A' && kpi[0] <= 'Z') || l < 2 || digits != l - 1)
            return ind_error_set(err, IND_EINPUT, row->path, row->line, COLNO(C_KOLADA_KPI),
                                 "kolada_kpi must be a Kolada KPI id such as N15419, not \"%s\"", kpi);
        ind.kolada_kpi = (char *)kpi;
    }
    /* aliases separated by | */
    char *aliases[64];
    size_t na = 0;
    char *copy = strdup(FIELD(C_ALIASES));
    if (!copy)
        return ind_error_set(err, IND_ENOMEM, row->path, row->line, 0, "out of memory");
    for (char *save, *a = strtok_r(copy, "|", &save); a && na < 64; a = strtok_r(NULL, "|", &save)) {
        while (*a == ' ')
            a++;
        size_t l = strlen(a);
        while (l && a[l - 1] == ' ')
            a[--l] = '\0';
        if (l)
            aliases[na++] = a;
    }
    ind.alias = aliases;
    ind.alias_count = na;
    ind_status st = ind_catalog_add(ld->cat, &ind, err);
    free(copy);
    return st;
#undef FIELD
#undef COLNO
}

ind_status ind_catalog_load_buffer(ind_catalog *cat, const char *name, const char *data,
                                   size_t size, ind_error *err)
{
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.cat = cat;
    ind_status st = ind_csv_read_buffer(name, data, size, IND_ENC_AUTO, 0, catalog_row, &ld, NULL, err);
    if (st == IND_OK && !ld.have_header)
        st = ind_error_set(err, IND_EINPUT, name, 0, 0, "the catalogue has no header row");
    return st;
}

ind_status ind_catalog_load_file(ind_catalog *cat, const char *path, ind_error *err)
{
    char *data;
    size_t size;
    ind_status st = ind_file_slurp(path, &data, &size, err);
    if (st != IND_OK)
        return st;
    st = ind_catalog_load_buffer(cat, path, data, size, err);
    ind_file_free(data, size);
    return st;
}
