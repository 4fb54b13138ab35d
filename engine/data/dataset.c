/* dataset.c: columnar storage of observations, the series index, and merging.
 *
 * Observations are held column by column (value, period, series, ...) so a
 * district's millions of rows cost tens of bytes each; numerator, denominator
 * and sd columns exist only once some observation has them. Rows arrive in
 * file order; ind_dataset_finish sorts them once into series order so every
 * analysis walks a series as a contiguous run. */
#define _GNU_SOURCE
#include "dataset.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    ind_str raw;       /* the name as written (hash key) */
    ind_str canonical; /* the catalogue's name, or the trimmed raw name */
    const ind_indicator *info;
} indicator_entry;

typedef struct {
    uint64_t key; /* unit, indicator, gender packed for hashing */
    uint32_t series_plus_one;
} series_slot;

struct ind_dataset {
    const ind_catalog *cat;
    ind_strtab *str;
    int finished;

    size_t n, cap;
    uint32_t *series;
    ind_period *period;
    double *value;
    double *num, *den, *sd; /* lazily allocated */
    ind_str *target, *kf_target, *goal, *note, *file;
    ind_str *source; /* lazily allocated */
    uint32_t *line;
    uint8_t *missing;

    ind_series *stab;
    size_t series_n, series_cap;
    series_slot *slots;
    size_t slot_cap;

    indicator_entry *ind; /* open-addressed by raw id */
    size_t ind_cap, ind_n;

    ind_target *tcache; /* parsed target per string id, tvalid marks which */
    uint8_t *tvalid;
    size_t tcache_cap;

    ind_warning *warn;
    size_t warn_n, warn_cap;

    /* the previous row's unit and indicator: rows come grouped, so the series
     * of the next row is usually one of these four (one per gender) */
    ind_str last_unit, last_raw;
    long last_series[IND_GENDER_COUNT];
};

/* A lazily allocated text column's entry: 0 (no text) while the column does not exist. */
#define LAZY(col, i) (ds->col ? ds->col[i] : 0)

ind_dataset *ind_dataset_new(const ind_catalog *cat)
{
    ind_dataset *ds = calloc(1, sizeof *ds);
    if (!ds)
        return NULL;
    ds->cat = cat;
    for (int k = 0; k < IND_GENDER_COUNT; k++)
        ds->last_series[k] = -1;
    ds->str = ind_strtab_new();
    ds->slot_cap = 1024;
    ds->slots = calloc(ds->slot_cap, sizeof *ds->slots);
    ds->ind_cap = 256;
    ds->ind = calloc(ds->ind_cap, sizeof *ds->ind);
    if (!ds->str || !ds->slots || !ds->ind) {
        ind_dataset_free(ds);
        return NULL;
    }
    return ds;
}

void ind_dataset_free(ind_dataset *ds)
{
    if (!ds)
        return;
    ind_strtab_free(ds->str);
    free(ds->series);
    free(ds->period);
    free(ds->value);
    free(ds->num);
    free(ds->den);
    free(ds->sd);
    free(ds->target);
    free(ds->kf_target);
    free(ds->goal);
    free(ds->note);
    free(ds->file);
    free(ds->source);
    free(ds->line);
    free(ds->missing);
    free(ds->stab);
    free(ds->slots);
    free(ds->ind);
    free(ds->tcache);
    free(ds->tvalid);
    for (size_t i = 0; i < ds->warn_n; i++)
        free(ds->warn[i].message);
    free(ds->warn);
    free(ds);
}

ind_strtab *ind_dataset_strings(ind_dataset *ds) { return ds->str; }
const ind_catalog *ind_dataset_catalog(const ind_dataset *ds) { return ds->cat; }
const char *ind_dataset_str(const ind_dataset *ds, ind_str id) { return ind_strtab_get(ds->str, id); }

void ind_dataset_warn(ind_dataset *ds, const char *file, long line, long column, const char *fmt, ...)
{
    if (ds->warn_n == ds->warn_cap) {
        size_t cap = ds->warn_cap ? ds->warn_cap * 2 : 16;
        ind_warning *w = realloc(ds->warn, cap * sizeof *w);
        if (!w)
            return;
        ds->warn = w;
        ds->warn_cap = cap;
    }
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    ind_warning *w = &ds->warn[ds->warn_n];
    w->message = strdup(buf);
    if (!w->message)
        return;
    w->file = file ? ind_strtab_intern(ds->str, file, strlen(file)) : 0;
    w->line = line;
    w->column = column;
    ds->warn_n++;
}

size_t ind_dataset_warning_count(const ind_dataset *ds) { return ds->warn_n; }
const ind_warning *ind_dataset_warning(const ind_dataset *ds, size_t i)
{
    return i < ds->warn_n ? &ds->warn[i] : NULL;
}

/* ---- growth ------------------------------------------------------------- */

static int grow_column(void **col, size_t elem, size_t cap)
{
    if (!*col)
        return 0; /* lazy column not in use */
    void *p = realloc(*col, cap * elem);
    if (!p)
        return -1;
    *col = p;
    return 0;
}

static int alloc_column(void **col, size_t elem, size_t cap)
{
    void *p = realloc(*col, cap * elem);
    if (!p)
        return -1;
    *col = p;
    return 0;
}

static int resize_rows(ind_dataset *ds, size_t cap);

static int grow_rows(ind_dataset *ds) { return resize_rows(ds, ds->cap ? ds->cap * 2 : 4096); }

ind_status ind_dataset_reserve(ind_dataset *ds, size_t rows, ind_error *err)
{
    if (ds->n + rows <= ds->cap)
        return IND_OK;
    if (resize_rows(ds, ds->n + rows))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    return IND_OK;
}

static int resize_rows(ind_dataset *ds, size_t cap)
{
    if (alloc_column((void **)&ds->series, sizeof *ds->series, cap) ||
        alloc_column((void **)&ds->period, sizeof *ds->period, cap) ||
        alloc_column((void **)&ds->value, sizeof *ds->value, cap) ||
        alloc_column((void **)&ds->target, sizeof *ds->target, cap) ||
        alloc_column((void **)&ds->file, sizeof *ds->file, cap) ||
        alloc_column((void **)&ds->line, sizeof *ds->line, cap) ||
        alloc_column((void **)&ds->missing, sizeof *ds->missing, cap) ||
        grow_column((void **)&ds->num, sizeof *ds->num, cap) ||
        grow_column((void **)&ds->den, sizeof *ds->den, cap) ||
        grow_column((void **)&ds->sd, sizeof *ds->sd, cap) ||
        grow_column((void **)&ds->source, sizeof *ds->source, cap) ||
        grow_column((void **)&ds->kf_target, sizeof *ds->kf_target, cap) ||
        grow_column((void **)&ds->goal, sizeof *ds->goal, cap) ||
        grow_column((void **)&ds->note, sizeof *ds->note, cap))
        return -1;
    ds->cap = cap;
    return 0;
}

/* Brings a lazy column into use, filling earlier rows with fill. */
static int need_double_column(ind_dataset *ds, double **col)
{
    if (*col)
        return 0;
    double *p = malloc((ds->cap ? ds->cap : 1) * sizeof *p);
    if (!p)
        return -1;
    for (size_t i = 0; i < ds->n; i++)
        p[i] = NAN;
    *col = p;
    return 0;
}

/* ---- indicators and series ---------------------------------------------- */

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* Collapses whitespace so wrapped names meet; returns the length written. */
static size_t collapse_space(const char *name, char *buf, size_t size)
{
    size_t n = 0;
    int sp = 0;
    for (const char *p = name; *p && n + 2 < size; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            sp = n > 0;
            continue;
        }
        if (sp)
            buf[n++] = ' ';
        sp = 0;
        buf[n++] = *p;
    }
    buf[n] = '\0';
    return n;
}

static indicator_entry *resolve_indicator(ind_dataset *ds, ind_str raw)
{
    size_t mask = ds->ind_cap - 1;
    size_t j = mix64(raw) & mask;
    while (ds->ind[j].raw || ds->ind[j].canonical) {
        if (ds->ind[j].raw == raw)
            return &ds->ind[j];
        j = (j + 1) & mask;
    }
    /* new: match against the catalogue */
    const char *name = ind_strtab_get(ds->str, raw);
    const ind_indicator *info = ind_catalog_lookup(ds->cat, name, strlen(name));
    ind_str canonical;
    if (info) {
        canonical = ind_strtab_intern(ds->str, info->name, strlen(info->name));
    } else {
        char buf[1024];
        size_t n = collapse_space(name, buf, sizeof buf);
        canonical = ind_strtab_intern(ds->str, buf, n);
    }
    if (canonical == (ind_str)-1)
        return NULL;
    if ((ds->ind_n + 1) * 2 > ds->ind_cap) {
        size_t cap = ds->ind_cap * 2;
        indicator_entry *t = calloc(cap, sizeof *t);
        if (!t)
            return NULL;
        for (size_t i = 0; i < ds->ind_cap; i++) {
            if (!ds->ind[i].raw && !ds->ind[i].canonical)
                continue;
            size_t k = mix64(ds->ind[i].raw) & (cap - 1);
            while (t[k].raw || t[k].canonical)
                k = (k + 1) & (cap - 1);
            t[k] = ds->ind[i];
        }
        free(ds->ind);
        ds->ind = t;
        ds->ind_cap = cap;
        mask = cap - 1;
        j = mix64(raw) & mask;
        while (ds->ind[j].raw || ds->ind[j].canonical)
            j = (j + 1) & mask;
    }
    ds->ind[j].raw = raw;
    ds->ind[j].canonical = canonical ? canonical : raw;
    ds->ind[j].info = info;
    ds->ind_n++;
    return &ds->ind[j];
}

static uint64_t series_key(ind_str unit, ind_str indicator, ind_gender g)
{
    return ((uint64_t)unit << 34) ^ ((uint64_t)indicator << 2) ^ (uint64_t)g;
}

static long series_lookup(const ind_dataset *ds, ind_str unit, ind_str indicator, ind_gender g,
                          size_t *slot_out)
{
    uint64_t key = series_key(unit, indicator, g);
    size_t mask = ds->slot_cap - 1;
    size_t j = mix64(key) & mask;
    while (ds->slots[j].series_plus_one) {
        if (ds->slots[j].key == key) {
            const ind_series *s = &ds->stab[ds->slots[j].series_plus_one - 1];
            if (s->unit == unit && s->indicator == indicator && s->gender == g)
                return (long)ds->slots[j].series_plus_one - 1;
        }
        j = (j + 1) & mask;
    }
    if (slot_out)
        *slot_out = j;
    return -1;
}

static int series_rehash(ind_dataset *ds, size_t cap)
{
    series_slot *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < ds->series_n; i++) {
        const ind_series *s = &ds->stab[i];
        uint64_t key = series_key(s->unit, s->indicator, s->gender);
        size_t j = mix64(key) & (cap - 1);
        while (t[j].series_plus_one)
            j = (j + 1) & (cap - 1);
        t[j].key = key;
        t[j].series_plus_one = (uint32_t)i + 1;
    }
    free(ds->slots);
    ds->slots = t;
    ds->slot_cap = cap;
    return 0;
}

static long series_get(ind_dataset *ds, ind_str unit, const indicator_entry *ie, ind_gender g)
{
    size_t slot;
    long s = series_lookup(ds, unit, ie->canonical, g, &slot);
    if (s >= 0)
        return s;
    if (ds->series_n == ds->series_cap) {
        size_t cap = ds->series_cap ? ds->series_cap * 2 : 256;
        ind_series *t = realloc(ds->stab, cap * sizeof *t);
        if (!t)
            return -1;
        ds->stab = t;
        ds->series_cap = cap;
    }
    ind_series *ns = &ds->stab[ds->series_n];
    ns->unit = unit;
    ns->indicator = ie->canonical;
    ns->gender = g;
    ns->info = ie->info;
    ns->first = ns->count = 0;
    ds->slots[slot].key = series_key(unit, ie->canonical, g);
    ds->slots[slot].series_plus_one = (uint32_t)ds->series_n + 1;
    ds->series_n++;
    if (ds->series_n * 2 > ds->slot_cap && series_rehash(ds, ds->slot_cap * 2))
        return -1;
    return (long)ds->series_n - 1;
}

static void cache_target(ind_dataset *ds, ind_str text)
{
    if (!text)
        return;
    if (text >= ds->tcache_cap) {
        size_t cap = ds->tcache_cap ? ds->tcache_cap : 256;
        while (cap <= text)
            cap *= 2;
        ind_target *t = realloc(ds->tcache, cap * sizeof *t);
        if (!t)
            return;
        ds->tcache = t;
        uint8_t *v = realloc(ds->tvalid, cap);
        if (!v)
            return;
        memset(v + ds->tcache_cap, 0, cap - ds->tcache_cap);
        ds->tvalid = v;
        ds->tcache_cap = cap;
    }
    if (!ds->tvalid[text]) {
        const char *s = ind_strtab_get(ds->str, text);
        ds->tcache[text] = ind_target_parse(s, strlen(s));
        ds->tvalid[text] = 1;
    }
}

ind_target ind_dataset_target(const ind_dataset *ds, ind_str text)
{
    if (text && text < ds->tcache_cap && ds->tvalid[text])
        return ds->tcache[text];
    const char *s = ind_strtab_get(ds->str, text);
    return ind_target_parse(s, strlen(s));
}

/* Writes o into row i of every column in use (the lazy ones exist once a
 * row has had a value for them). */
static void put_row(ind_dataset *ds, size_t i, const ind_obs *o)
{
    ds->series[i] = o->series;
    ds->period[i] = o->period;
    ds->value[i] = o->value;
    ds->target[i] = o->target;
    ds->file[i] = o->file;
    ds->line[i] = o->line;
    ds->missing[i] = (uint8_t)o->missing;
    if (ds->num) {
        ds->num[i] = o->numerator;
        ds->den[i] = o->denominator;
    }
    if (ds->sd)
        ds->sd[i] = o->sd;
    ind_str *const lazy[] = {ds->source, ds->kf_target, ds->goal, ds->note};
    const ind_str text[] = {o->source, o->kf_target, o->goal, o->note};
    for (size_t k = 0; k < sizeof lazy / sizeof lazy[0]; k++)
        if (lazy[k])
            lazy[k][i] = text[k];
}

/* ---- adding ------------------------------------------------------------- */

ind_status ind_dataset_add_ids(ind_dataset *ds, ind_str unit, ind_str indicator, ind_gender g,
                               const ind_obs *o, ind_error *err)
{
    if (ds->finished)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "the dataset is already finished");
    long s;
    if (unit == ds->last_unit && indicator == ds->last_raw && ds->last_series[g] >= 0) {
        s = ds->last_series[g];
    } else {
        indicator_entry *ie = resolve_indicator(ds, indicator);
        if (!ie)
            return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
        s = series_get(ds, unit, ie, g);
        if (s < 0)
            return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
        if (unit != ds->last_unit || indicator != ds->last_raw) {
            ds->last_unit = unit;
            ds->last_raw = indicator;
            for (int k = 0; k < IND_GENDER_COUNT; k++)
                ds->last_series[k] = -1;
        }
        ds->last_series[g] = s;
    }
    if (ds->n == ds->cap && grow_rows(ds))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    size_t i = ds->n;
    if (!isnan(o->numerator) || !isnan(o->denominator)) {
        if (need_double_column(ds, &ds->num) || need_double_column(ds, &ds->den))
            return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (!isnan(o->sd) && need_double_column(ds, &ds->sd))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    /* text columns that large data rarely has exist only once a row has them */
    if ((o->source && !ds->source && !(ds->source = calloc(ds->cap, sizeof *ds->source))) ||
        (o->kf_target && !ds->kf_target && !(ds->kf_target = calloc(ds->cap, sizeof *ds->kf_target))) ||
        (o->goal && !ds->goal && !(ds->goal = calloc(ds->cap, sizeof *ds->goal))) ||
        (o->note && !ds->note && !(ds->note = calloc(ds->cap, sizeof *ds->note))))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    ind_obs row = *o;
    row.series = (uint32_t)s;
    row.missing = isnan(o->value) ? (o->missing ? o->missing : IND_MISSING_UNREPORTED) : IND_MISSING_NONE;
    put_row(ds, i, &row);
    cache_target(ds, o->target);
    cache_target(ds, o->kf_target);
    ds->n++;
    return IND_OK;
}

ind_status ind_dataset_add(ind_dataset *ds, const char *unit, const char *indicator,
                           ind_gender g, const ind_obs *obs, ind_error *err)
{
    ind_str u = ind_strtab_intern(ds->str, unit, strlen(unit));
    ind_str in = ind_strtab_intern(ds->str, indicator, strlen(indicator));
    if (u == (ind_str)-1 || in == (ind_str)-1)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    return ind_dataset_add_ids(ds, u, in, g, obs, err);
}

/* ---- finishing ---------------------------------------------------------- */

/* Observations of one series by period, then by arrival (file order). */
static int period_cmp(const void *a, const void *b, void *user)
{
    const ind_dataset *ds = user;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (ds->period[x] != ds->period[y])
        return ds->period[x] < ds->period[y] ? -1 : 1;
    return x < y ? -1 : x > y;
}

static int series_name_cmp(const void *a, const void *b, void *user)
{
    const ind_dataset *rank_ds = user;
    const ind_series *x = &rank_ds->stab[*(const uint32_t *)a];
    const ind_series *y = &rank_ds->stab[*(const uint32_t *)b];
    int c;
    if (x->unit != y->unit &&
        (c = strcmp(ind_strtab_get(rank_ds->str, x->unit), ind_strtab_get(rank_ds->str, y->unit))))
        return c;
    if (x->indicator != y->indicator &&
        (c = strcmp(ind_strtab_get(rank_ds->str, x->indicator),
                    ind_strtab_get(rank_ds->str, y->indicator))))
        return c;
    return (int)x->gender - (int)y->gender;
}

#define PERMUTE(col, type)                                                         \
    do {                                                                           \
        if (ds->col) {                                                             \
            type *t_ = (type *)tmp;                                                \
            for (size_t k_ = 0; k_ < n; k_++)                                      \
                t_[k_] = ds->col[items[k_]];                                 \
            memcpy(ds->col, t_, n * sizeof(type));                                 \
        }                                                                          \
    } while (0)

static int same_double(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

/* Two rows agree when every field is equal or empty on one side. */
static int fits(double a, double b) { return isnan(a) || isnan(b) || a == b; }
static int fits_str(ind_str a, ind_str b) { return !a || !b || a == b; }

static int complementary(const ind_dataset *ds, size_t a, size_t r)
{
    return same_double(ds->value[a], ds->value[r]) && ds->missing[a] == ds->missing[r] &&
           (!ds->num || (fits(ds->num[a], ds->num[r]) && fits(ds->den[a], ds->den[r]))) &&
           (!ds->sd || fits(ds->sd[a], ds->sd[r])) && fits_str(ds->target[a], ds->target[r]) &&
           fits_str(LAZY(kf_target, a), LAZY(kf_target, r)) && fits_str(LAZY(goal, a), LAZY(goal, r)) &&
           fits_str(LAZY(note, a), LAZY(note, r));
}

static void merge_into(ind_dataset *ds, size_t a, size_t r)
{
    if (ds->num) {
        if (isnan(ds->num[a])) ds->num[a] = ds->num[r];
        if (isnan(ds->den[a])) ds->den[a] = ds->den[r];
    }
    if (ds->sd && isnan(ds->sd[a])) ds->sd[a] = ds->sd[r];
    if (!ds->target[a]) ds->target[a] = ds->target[r];
    if (ds->kf_target && !ds->kf_target[a]) ds->kf_target[a] = ds->kf_target[r];
    if (ds->goal && !ds->goal[a]) ds->goal[a] = ds->goal[r];
    if (ds->note && !ds->note[a]) ds->note[a] = ds->note[r];
}

/* rank[s]: the place of series s when the series are ordered by their
 * names, so that the order never depends on file order. */
static void rank_series(ind_dataset *ds, uint32_t *order, uint32_t *rank)
{
    for (size_t i = 0; i < ds->series_n; i++)
        order[i] = (uint32_t)i;
    qsort_r(order, ds->series_n, sizeof *order, series_name_cmp, ds);
    for (size_t i = 0; i < ds->series_n; i++)
        rank[order[i]] = (uint32_t)i;
}

/* items: the rows in their new order (old indexes): a counting sort by
 * series rank (stable: file order kept within a series), then each series'
 * short run sorted by period; runs are usually sorted already. Returns -1
 * when out of memory. */
static int sort_rows(ind_dataset *ds, const uint32_t *rank, uint32_t *items)
{
    size_t n = ds->n;
    size_t *start = calloc(ds->series_n + 1, sizeof *start);
    if (!start)
        return -1;
    for (size_t i = 0; i < n; i++)
        start[rank[ds->series[i]] + 1]++;
    for (size_t k = 0; k < ds->series_n; k++)
        start[k + 1] += start[k];
    for (size_t i = 0; i < n; i++)
        items[start[rank[ds->series[i]]]++] = (uint32_t)i;
    /* start[k] is now the end of series k's run */
    size_t run = 0;
    for (size_t k = 0; k < ds->series_n; k++) {
        size_t end = start[k];
        int sorted = 1;
        for (size_t q = run + 1; q < end && sorted; q++)
            sorted = period_cmp(&items[q - 1], &items[q], ds) <= 0;
        if (!sorted)
            qsort_r(items + run, end - run, sizeof *items, period_cmp, ds);
        run = end;
    }
    free(start);
    return 0;
}

/* Puts every column in the order of items (tmp: room for n doubles) and
 * renames the series by their ranks. */
static void permute_rows(ind_dataset *ds, const uint32_t *rank, const uint32_t *items, void *tmp)
{
    size_t n = ds->n;
    PERMUTE(period, ind_period);
    PERMUTE(value, double);
    PERMUTE(num, double);
    PERMUTE(den, double);
    PERMUTE(sd, double);
    PERMUTE(target, ind_str);
    PERMUTE(kf_target, ind_str);
    PERMUTE(goal, ind_str);
    PERMUTE(note, ind_str);
    PERMUTE(file, ind_str);
    PERMUTE(source, ind_str);
    PERMUTE(line, uint32_t);
    PERMUTE(missing, uint8_t);
    uint32_t *t = (uint32_t *)tmp;
    for (size_t k = 0; k < n; k++)
        t[k] = rank[ds->series[items[k]]];
    if (n) /* an empty dataset has no columns yet */
        memcpy(ds->series, t, n * sizeof *t);
}

/* The series table in rank order. Returns -1 when out of memory. */
static int reorder_series(ind_dataset *ds, const uint32_t *rank)
{
    ind_series *sorted = malloc((ds->series_n ? ds->series_n : 1) * sizeof *sorted);
    if (!sorted)
        return -1;
    for (size_t i = 0; i < ds->series_n; i++)
        sorted[rank[i]] = ds->stab[i];
    free(ds->stab);
    ds->stab = sorted;
    ds->series_cap = ds->series_n;
    return 0;
}

/* Rows in name and period order, the series renamed by rank. */
static ind_status sort_dataset(ind_dataset *ds, ind_error *err)
{
    size_t n = ds->n, ns = ds->series_n ? ds->series_n : 1;
    uint32_t *order = malloc(ns * sizeof *order);
    uint32_t *rank = malloc(ns * sizeof *rank);
    uint32_t *items = malloc((n ? n : 1) * sizeof *items); /* the new order: old indexes */
    void *tmp = malloc((n ? n : 1) * sizeof(double));
    int bad = !order || !rank || !items || !tmp;
    if (!bad) {
        rank_series(ds, order, rank);
        bad = sort_rows(ds, rank, items);
    }
    if (!bad) {
        permute_rows(ds, rank, items, tmp);
        bad = reorder_series(ds, rank);
    }
    free(order);
    free(rank);
    free(items);
    free(tmp);
    if (bad)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    series_rehash(ds, ds->slot_cap);
    return IND_OK;
}

/* Rows a and r (same series and period) say the same. */
static int identical(const ind_dataset *ds, size_t a, size_t r)
{
    return same_double(ds->value[a], ds->value[r]) &&
           (!ds->num || (same_double(ds->num[a], ds->num[r]) && same_double(ds->den[a], ds->den[r]))) &&
           (!ds->sd || same_double(ds->sd[a], ds->sd[r])) && ds->target[a] == ds->target[r] &&
           LAZY(kf_target, a) == LAZY(kf_target, r) && ds->missing[a] == ds->missing[r];
}

/* Adjacent rows of the same series and period: an identical repeat is kept
 * once (with a warning), two complementary rows become one, two different
 * ones are an error. Rows are compacted in place. */
static ind_status merge_duplicates(ind_dataset *ds, ind_error *err)
{
    size_t n = ds->n, w = 0;
    for (size_t r = 0; r < n; r++) {
        if (w > 0 && ds->series[w - 1] == ds->series[r] && ds->period[w - 1] == ds->period[r]) {
            size_t a = w - 1;
            const ind_series *s = &ds->stab[ds->series[r]];
            char per[32];
            ind_period_format(ds->period[r], per, sizeof per);
            if (identical(ds, a, r)) {
                ind_dataset_warn(ds, ind_strtab_get(ds->str, ds->file[r]), ds->line[r], 0,
                                 "identical repeat of %s:%u (%s, %s, %s, %s); kept once",
                                 ind_strtab_get(ds->str, ds->file[a]), ds->line[a],
                                 ind_strtab_get(ds->str, s->unit), ind_strtab_get(ds->str, s->indicator),
                                 per, ind_gender_code(s->gender));
                continue;
            }
            if (complementary(ds, a, r)) {
                /* the same outcome told twice, each telling part (a VB's previous-year
                 * column beside the full row of that year): keep one row with both parts */
                merge_into(ds, a, r);
                continue;
            }
            return ind_error_set(err, IND_EINPUT, ind_strtab_get(ds->str, ds->file[r]), ds->line[r], 0,
                                 "two different observations for %s, %s, %s, %s: here and at %s:%u",
                                 ind_strtab_get(ds->str, s->unit), ind_strtab_get(ds->str, s->indicator),
                                 per, ind_gender_code(s->gender), ind_strtab_get(ds->str, ds->file[a]),
                                 ds->line[a]);
        }
        if (w != r) {
            ind_obs o;
            ind_dataset_get(ds, r, &o);
            put_row(ds, w, &o);
        }
        w++;
    }
    ds->n = w;
    return IND_OK;
}

ind_status ind_dataset_finish(ind_dataset *ds, ind_error *err)
{
    if (ds->finished)
        return IND_OK;
    ind_status st = sort_dataset(ds, err);
    if (st == IND_OK)
        st = merge_duplicates(ds, err);
    if (st != IND_OK)
        return st;
    for (size_t i = 0; i < ds->series_n; i++)
        ds->stab[i].count = 0;
    for (size_t i = 0; i < ds->n; i++) {
        ind_series *s = &ds->stab[ds->series[i]];
        if (s->count == 0)
            s->first = i;
        s->count++;
    }
    ds->finished = 1;
    return IND_OK;
}

/* ---- reading ------------------------------------------------------------ */

size_t ind_dataset_obs_count(const ind_dataset *ds) { return ds->n; }
size_t ind_dataset_series_count(const ind_dataset *ds) { return ds->series_n; }
const ind_series *ind_dataset_series(const ind_dataset *ds, size_t i)
{
    return i < ds->series_n ? &ds->stab[i] : NULL;
}
double ind_dataset_value(const ind_dataset *ds, size_t i) { return ds->value[i]; }
ind_period ind_dataset_period(const ind_dataset *ds, size_t i) { return ds->period[i]; }

void ind_dataset_get(const ind_dataset *ds, size_t i, ind_obs *o)
{
    o->series = ds->series[i];
    o->period = ds->period[i];
    o->value = ds->value[i];
    o->numerator = ds->num ? ds->num[i] : NAN;
    o->denominator = ds->den ? ds->den[i] : NAN;
    o->sd = ds->sd ? ds->sd[i] : NAN;
    o->target = ds->target[i];
    o->kf_target = LAZY(kf_target, i);
    o->missing = (ind_missing)ds->missing[i];
    o->goal = LAZY(goal, i);
    o->note = LAZY(note, i);
    o->source = ds->source ? ds->source[i] : 0;
    o->file = ds->file[i];
    o->line = ds->line[i];
}

long ind_dataset_find_series(const ind_dataset *ds, const char *unit, const char *indicator,
                             ind_gender g)
{
    int found;
    ind_str u = ind_strtab_find(ds->str, unit, strlen(unit), &found);
    if (!found)
        return -1;
    /* resolve the name the way rows were resolved: a name the catalogue knows (id,
     * name or alias, in any spelling) is its entry; any other is kept as written */
    const ind_indicator *info = ind_catalog_lookup(ds->cat, indicator, strlen(indicator));
    char buf[1024];
    size_t n = info ? strlen(info->name) : collapse_space(indicator, buf, sizeof buf);
    ind_str in = ind_strtab_find(ds->str, info ? info->name : buf, n, &found);
    if (!found)
        return -1;
    return series_lookup(ds, u, in, g, NULL);
}

long ind_dataset_find_obs(const ind_dataset *ds, size_t series, ind_period p)
{
    const ind_series *s = &ds->stab[series];
    size_t lo = s->first, hi = s->first + s->count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ds->period[mid] < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->first + s->count && ds->period[lo] == p ? (long)lo : -1;
}

size_t ind_dataset_bytes(const ind_dataset *ds)
{
    size_t per = sizeof(uint32_t) + sizeof(ind_period) + sizeof(double) + 2 * sizeof(ind_str) +
                 sizeof(uint32_t) + 1;
    per += (ds->kf_target != NULL) * sizeof(ind_str) + (ds->goal != NULL) * sizeof(ind_str) +
           (ds->note != NULL) * sizeof(ind_str);
    if (ds->num)
        per += 2 * sizeof(double);
    if (ds->sd)
        per += sizeof(double);
    if (ds->source)
        per += sizeof(ind_str);
    return ds->cap * per + ds->series_cap * sizeof(ind_series) + ds->slot_cap * sizeof(series_slot);
}

const char *ind_missing_code(ind_missing m)
{
    static const char *const c[] = {"", "unreported", "dropout", "not_applicable", "confidential"};
    return (unsigned)m < IND_MISSING_COUNT ? c[m] : "";
}

const char *ind_missing_label_sv(ind_missing m)
{
    static const char *const c[] = {"", "saknas", "bortfall", "ej till\xc3\xa4mplig", "sekretess"};
    return (unsigned)m < IND_MISSING_COUNT ? c[m] : "";
}

int ind_missing_parse(const char *s, size_t len, ind_missing *out)
{
    static const struct {
        const char *w;
        ind_missing m;
    } w[] = {{"", IND_MISSING_NONE},
             {"-", IND_MISSING_DROPOUT},
             {".", IND_MISSING_NOT_APPLICABLE},
             {"..", IND_MISSING_CONFIDENTIAL},
             {"bortfall", IND_MISSING_DROPOUT},
             {"dropout", IND_MISSING_DROPOUT},
             {"ej till\xc3\xa4mplig", IND_MISSING_NOT_APPLICABLE},
             {"ej till\xc3\xa4mpligt", IND_MISSING_NOT_APPLICABLE},
             {"not_applicable", IND_MISSING_NOT_APPLICABLE},
             {"sekretess", IND_MISSING_CONFIDENTIAL},
             {"confidential", IND_MISSING_CONFIDENTIAL},
             {"saknas", IND_MISSING_UNREPORTED},
             {"unreported", IND_MISSING_UNREPORTED}};
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strlen(w[i].w) == len && strncasecmp(s, w[i].w, len) == 0) {
            *out = w[i].m;
            return 0;
        }
    return -1;
}
