/* dataset.c: columnar storage of observations, the series index, and merging.
 *
 * Observations are held column by column (value, period, series, ...) so a
 * district's millions of rows cost tens of bytes each; numerator, denominator
 * and sd columns exist only once some observation has them. Rows arrive in
 * file order; ind_dataset_finish sorts them once into series order so every
 * analysis walks a series as a contiguous run. */
#define _GNU_SOURCE
#include "dataset.h"
#include "messages.h"
#include "parallel.h"

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


struct ind_dataset {
    const ind_catalog *cat;
    ind_strtab *str;
    int finished;

    size_t n, cap;
    uint32_t *series;
    ind_period *period;
    double *value;
    double *num, *den, *sd; /* lazily allocated */
    ind_str *target, *kf_target, *goal, *note;
    uint16_t *file;  /* an index into files */
    ind_str *source; /* lazily allocated */
    uint32_t *line;
    uint8_t *missing;

    ind_series *stab;
    size_t series_n, series_cap;
    uint32_t *slots; /* series index + 1 by hash of unit, indicator, gender (see slot_tag); 0 = empty */
    size_t slot_cap;

    indicator_entry *ind; /* open-addressed by raw id */
    size_t ind_cap, ind_n;

    ind_target *tcache; /* parsed target per string id, tvalid marks which */
    uint8_t *tvalid;
    size_t tcache_cap;

    ind_warning *warn;
    size_t warn_n, warn_cap;

    ind_str *files; /* the files rows were read from (a row keeps an index: two bytes) */
    size_t files_n, files_cap;

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
    free(ds->files);
    free(ds->source);
    free(ds->line);
    free(ds->missing);
    free(ds->stab);
    free(ds->slots);
    free(ds->ind);
    free(ds->tcache);
    free(ds->tvalid);
    for (size_t i = 0; i < ds->warn_n; i++)
        free(ds->warn[i].message), free(ds->warn[i].message_sv);
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
    char buf[1024], sv[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    va_start(ap, fmt);
    ind_msg_vformat(IND_LANG_SV, sv, sizeof sv, fmt, ap);
    va_end(ap);
    ind_warning *w = &ds->warn[ds->warn_n];
    w->message = strdup(buf);
    w->message_sv = strdup(sv);
    if (!w->message || !w->message_sv) {
        free(w->message), free(w->message_sv);
        return;
    }
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

/* A column of cap elements: a new one on huge pages from end to end (a 4 KiB
 * page's first write costs about as much as 40 rows' reading on a virtual
 * machine, a 2 MiB page's far less), a grown one on huge pages in its middle. */
static int alloc_column(void **col, size_t elem, size_t cap)
{
    void *p = *col ? realloc(*col, cap * elem) : ind_huge_alloc(cap * elem);
    if (!p)
        return -1;
    if (*col)
        ind_huge_pages(p, cap * elem);
    *col = p;
    return 0;
}

static int grow_column(void **col, size_t elem, size_t cap)
{
    return *col ? alloc_column(col, elem, cap) : 0; /* a lazy column not in use stays so */
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

/* Brings a lazy text column into use: no text on the earlier rows. */
static int need_text_column(ind_dataset *ds, ind_str **col)
{
    if (*col)
        return 0;
    ind_str *p = ind_huge_alloc((ds->cap ? ds->cap : 1) * sizeof *p);
    if (!p)
        return -1;
    memset(p, 0, ds->n * sizeof *p); /* later rows are written as they come */
    *col = p;
    return 0;
}

/* Brings a lazy number column into use: NaN (none) on the earlier rows. */
static int need_double_column(ind_dataset *ds, double **col)
{
    if (*col)
        return 0;
    double *p = ind_huge_alloc((ds->cap ? ds->cap : 1) * sizeof *p);
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

/* A slot of a series index holds the series + 1 in the bits under the index's
 * mask (a series index is at most half the slots), and above them the bits of
 * the name's hash that fit: a probe that meets another series then rarely
 * reads that series, a cache miss each in a large table. */
static uint32_t slot_tag(uint64_t hash, size_t mask) { return (uint32_t)(hash >> 32) & ~(uint32_t)mask; }

/* The series named unit, indicator, g, or -1 with *slot_out (when not NULL)
 * set to the slot's place and value for it but the series number. */
static long series_lookup(const ind_dataset *ds, ind_str unit, ind_str indicator, ind_gender g,
                          size_t *slot_out, uint32_t *tag_out)
{
    uint64_t h = mix64(series_key(unit, indicator, g));
    size_t mask = ds->slot_cap - 1;
    size_t j = h & mask;
    uint32_t tag = slot_tag(h, mask), v;
    while ((v = ds->slots[j]) != 0) {
        if ((v & ~(uint32_t)mask) == tag) {
            const ind_series *s = &ds->stab[(v & mask) - 1];
            if (s->unit == unit && s->indicator == indicator && s->gender == g)
                return (long)(v & mask) - 1;
        }
        j = (j + 1) & mask;
    }
    if (slot_out)
        *slot_out = j, *tag_out = tag;
    return -1;
}

/* A series index of cap slots (a power of two) for n series, series i named
 * by key(items, i): each slot 0 or a series + 1 under its tag (slot_tag).
 * NULL when out of memory. */
static uint32_t *index_build(size_t cap, size_t n, uint64_t (*key)(const void *, size_t), const void *items)
{
    uint32_t *t = ind_huge_alloc(cap * sizeof *t);
    if (!t)
        return NULL;
    memset(t, 0, cap * sizeof *t);
    for (size_t i = 0; i < n; i++) {
        uint64_t h = mix64(key(items, i));
        size_t j = h & (cap - 1);
        while (t[j])
            j = (j + 1) & (cap - 1);
        t[j] = slot_tag(h, cap - 1) | ((uint32_t)i + 1);
    }
    return t;
}

static uint64_t stab_key(const void *items, size_t i)
{
    const ind_series *s = (const ind_series *)items + i;
    return series_key(s->unit, s->indicator, s->gender);
}

/* The series index anew with cap slots. */
static int series_rehash(ind_dataset *ds, size_t cap)
{
    uint32_t *t = index_build(cap, ds->series_n, stab_key, ds->stab);
    if (!t)
        return -1;
    free(ds->slots);
    ds->slots = t;
    ds->slot_cap = cap;
    return 0;
}

/* Room for `more` series more: the table and its index grown once, where
 * series_get would double them step by step (a copy and a rebuild each). */
static int series_reserve(ind_dataset *ds, size_t more)
{
    size_t want = ds->series_n + more, cap = ds->slot_cap;
    if (want > ds->series_cap) {
        /* part by part (ind_dataset_part_merge) the table still doubles */
        want = want > 2 * ds->series_cap ? want : 2 * ds->series_cap;
        ind_series *t = ind_huge_room(want * sizeof *t);
        if (!t)
            return -1;
        if (ds->series_n)
            memcpy(t, ds->stab, ds->series_n * sizeof *t);
        free(ds->stab);
        ds->stab = t;
        ds->series_cap = want;
    }
    while ((ds->series_n + more) * 2 > cap)
        cap *= 2;
    return cap == ds->slot_cap ? 0 : series_rehash(ds, cap);
}

/* The index's slots renumbered after the series are put in order: series i
 * is now rank[i]. A slot's place depends on the name only, so it stays. */
static void slots_renumber(ind_dataset *ds, const uint32_t *rank)
{
    uint32_t mask = (uint32_t)(ds->slot_cap - 1);
    for (size_t j = 0; j < ds->slot_cap; j++)
        if (ds->slots[j])
            ds->slots[j] = (ds->slots[j] & ~mask) | (rank[(ds->slots[j] & mask) - 1] + 1);
}

static long series_get(ind_dataset *ds, ind_str unit, const indicator_entry *ie, ind_gender g)
{
    size_t slot;
    uint32_t tag;
    long s = series_lookup(ds, unit, ie->canonical, g, &slot, &tag);
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
    ds->slots[slot] = tag | ((uint32_t)ds->series_n + 1);
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

/* The index of file id f among the dataset's files, added when new (up to
 * 65 536 files); -1 when out of memory or past that. */
static long file_index(ind_dataset *ds, ind_str f)
{
    if (ds->files_n && ds->files[ds->files_n - 1] == f)
        return (long)ds->files_n - 1;
    for (size_t k = 0; k < ds->files_n; k++)
        if (ds->files[k] == f)
            return (long)k;
    if (ds->files_n == 65536)
        return -1;
    if (ds->files_n == ds->files_cap) {
        size_t cap = ds->files_cap ? ds->files_cap * 2 : 8;
        ind_str *t = realloc(ds->files, cap * sizeof *t);
        if (!t)
            return -1;
        ds->files = t;
        ds->files_cap = cap;
    }
    ds->files[ds->files_n++] = f;
    return (long)ds->files_n - 1;
}

/* The file id of row i. */
static ind_str file_of(const ind_dataset *ds, size_t i) { return ds->files[ds->file[i]]; }

/* Writes observation o of series s into row i of the columns (which exist);
 * o->file is the dataset's file number `file`. */
static void put_row(ind_dataset *ds, size_t i, uint32_t s, uint16_t file, const ind_obs *o)
{
    ds->series[i] = s;
    ds->period[i] = o->period;
    ds->value[i] = o->value;
    if (ds->num) {
        ds->num[i] = o->numerator;
        ds->den[i] = o->denominator;
    }
    if (ds->sd)
        ds->sd[i] = o->sd;
    if (ds->source)
        ds->source[i] = o->source;
    ds->target[i] = o->target;
    if (ds->kf_target)
        ds->kf_target[i] = o->kf_target;
    if (ds->goal)
        ds->goal[i] = o->goal;
    if (ds->note)
        ds->note[i] = o->note;
    ds->file[i] = file;
    ds->line[i] = o->line;
    ds->missing[i] = (uint8_t)(isnan(o->value) ? (o->missing ? o->missing : IND_MISSING_UNREPORTED)
                                                : IND_MISSING_NONE);
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
    if ((o->source && need_text_column(ds, &ds->source)) || (o->kf_target && need_text_column(ds, &ds->kf_target)) ||
        (o->goal && need_text_column(ds, &ds->goal)) || (o->note && need_text_column(ds, &ds->note)))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    long f = file_index(ds, o->file);
    if (f < 0)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "more than 65 536 files, or out of memory");
    put_row(ds, i, (uint32_t)s, (uint16_t)f, o);
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

/* ---- filling in parts (threads) ------------------------------------------ */

/* A part's own series: names as the part's string ids. */
typedef struct {
    ind_str unit, indicator;
    ind_gender gender;
} part_series;

struct ind_dataset_part {
    ind_dataset *ds;
    size_t base, max, n; /* rows base .. base+n-1 of the columns are the part's */
    uint16_t file;       /* the dataset's number of the file every row is from */
    ind_strtab *str;     /* the part's strings; its rows hold these ids until merged */
    part_series *ser;
    size_t ser_n, ser_cap;
    uint32_t *slots;     /* the part's series + 1 by hash of name ids (see slot_tag); 0 = empty */
    size_t slot_cap;
    ind_str last_unit, last_indicator;
    long last_series[IND_GENDER_COUNT];
    /* merging: the dataset's ids of the part's strings and series */
    int merged; /* by ind_dataset_part_merge: ids and rows are the dataset's */
    ind_str *map;
    uint32_t *smap;
    uint8_t *used; /* strings used as targets */
};

static void part_free(ind_dataset_part *p)
{
    if (!p)
        return;
    ind_strtab_free(p->str);
    free(p->ser);
    free(p->slots);
    free(p->map);
    free(p->smap);
    free(p->used);
    free(p);
}

/* Brings the optional columns named in `columns` into use, as a row that has them would. */
static int need_columns(ind_dataset *ds, unsigned columns)
{
    if ((columns & IND_COLUMN_COUNTS) &&
        (need_double_column(ds, &ds->num) || need_double_column(ds, &ds->den)))
        return -1;
    if ((columns & IND_COLUMN_SD) && need_double_column(ds, &ds->sd))
        return -1;
    if (((columns & IND_COLUMN_SOURCE) && need_text_column(ds, &ds->source)) ||
        ((columns & IND_COLUMN_KF_TARGET) && need_text_column(ds, &ds->kf_target)) ||
        ((columns & IND_COLUMN_GOAL) && need_text_column(ds, &ds->goal)) ||
        ((columns & IND_COLUMN_NOTE) && need_text_column(ds, &ds->note)))
        return -1;
    return 0;
}

ind_status ind_dataset_parts_begin(ind_dataset *ds, size_t count, const size_t *max_rows,
                                   unsigned columns, ind_str file, ind_dataset_part **parts,
                                   ind_error *err)
{
    size_t total = 0;
    for (size_t k = 0; k < count; k++)
        parts[k] = NULL;
    if (ds->finished)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "the dataset is already finished");
    for (size_t k = 0; k < count; k++)
        total += max_rows[k];
    /* every part writes straight into its rows of the columns: room for all of
     * them now (pages never written cost no memory), and no column appears later */
    if (ind_dataset_reserve(ds, total + 1, err) != IND_OK)
        return IND_ENOMEM;
    long f = file_index(ds, file);
    if (need_columns(ds, columns) || f < 0)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    /* the catalogue sorts its index on first use: not while threads look things up */
    ind_catalog_lookup(ds->cat, "", 0);
    size_t base = ds->n;
    for (size_t k = 0; k < count; k++) {
        ind_dataset_part *p = calloc(1, sizeof *p);
        if (p) {
            p->str = ind_strtab_new();
            p->slot_cap = 256;
            p->slots = calloc(p->slot_cap, sizeof *p->slots);
        }
        if (!p || !p->str || !p->slots) {
            part_free(p);
            ind_dataset_parts_end(ds, parts, count, 0, NULL);
            return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
        }
        p->ds = ds;
        p->file = (uint16_t)f;
        p->base = base;
        p->max = max_rows[k];
        for (int g = 0; g < IND_GENDER_COUNT; g++)
            p->last_series[g] = -1;
        base += max_rows[k];
        parts[k] = p;
    }
    return IND_OK;
}

ind_strtab *ind_dataset_part_strings(ind_dataset_part *p) { return p->str; }

static uint64_t part_key(const void *items, size_t i)
{
    const part_series *s = (const part_series *)items + i;
    return series_key(s->unit, s->indicator, s->gender);
}

/* The part's series of unit × indicator × gender (the part's ids), added when new; -1 when out of memory. */
static long part_series_get(ind_dataset_part *p, ind_str unit, ind_str indicator, ind_gender g)
{
    if (unit == p->last_unit && indicator == p->last_indicator && p->last_series[g] >= 0)
        return p->last_series[g];
    uint64_t h = mix64(series_key(unit, indicator, g));
    size_t mask = p->slot_cap - 1, j = h & mask;
    uint32_t tag = slot_tag(h, mask), v;
    long s = -1;
    for (; (v = p->slots[j]) != 0; j = (j + 1) & mask) {
        const part_series *ps = &p->ser[(v & mask) - 1];
        if ((v & ~(uint32_t)mask) == tag && ps->unit == unit && ps->indicator == indicator && ps->gender == g) {
            s = (long)(v & mask) - 1;
            break;
        }
    }
    if (s < 0) {
        if (p->ser_n == p->ser_cap) {
            size_t cap = p->ser_cap ? p->ser_cap * 2 : 64;
            part_series *t = realloc(p->ser, cap * sizeof *t);
            if (!t)
                return -1;
            p->ser = t;
            p->ser_cap = cap;
        }
        p->ser[p->ser_n] = (part_series){unit, indicator, g};
        p->slots[j] = tag | (uint32_t)++p->ser_n;
        s = (long)p->ser_n - 1;
        if (p->ser_n * 2 > p->slot_cap) {
            size_t cap = p->slot_cap * 2;
            uint32_t *t = index_build(cap, p->ser_n, part_key, p->ser);
            if (!t)
                return -1;
            free(p->slots);
            p->slots = t;
            p->slot_cap = cap;
        }
    }
    if (unit != p->last_unit || indicator != p->last_indicator) {
        p->last_unit = unit;
        p->last_indicator = indicator;
        for (int k = 0; k < IND_GENDER_COUNT; k++)
            p->last_series[k] = -1;
    }
    p->last_series[g] = s;
    return s;
}

ind_status ind_dataset_part_add(ind_dataset_part *p, ind_str unit, ind_str indicator, ind_gender g,
                                const ind_obs *o, ind_error *err)
{
    ind_dataset *ds = p->ds;
    if (p->n == p->max)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "more rows than the part has room for");
    /* the optional columns' check only for a row that has one of them */
    int optional = (o->source | o->kf_target | o->goal | o->note) != 0 || !isnan(o->numerator) ||
                   !isnan(o->denominator) || !isnan(o->sd);
    if (optional &&
        ((!ds->num && (!isnan(o->numerator) || !isnan(o->denominator))) || (!ds->sd && !isnan(o->sd)) ||
         (!ds->source && o->source) || (!ds->kf_target && o->kf_target) || (!ds->goal && o->goal) ||
         (!ds->note && o->note)))
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "a column the parts were not begun with");
    if (o->file != ds->files[p->file])
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "a file the parts were not begun with");
    long s = part_series_get(p, unit, indicator, g);
    if (s < 0)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    put_row(ds, p->base + p->n, (uint32_t)s, p->file, o);
    p->n++;
    return IND_OK;
}

/* Part p's strings and series as the dataset's (p->map, p->smap): strings
 * in the order the part met them, so ids follow the file's order. */
static int part_ids(ind_dataset *ds, ind_dataset_part *p)
{
    size_t nstr = ind_strtab_count(p->str);
    p->map = malloc((nstr ? nstr : 1) * sizeof *p->map);
    p->smap = malloc((p->ser_n ? p->ser_n : 1) * sizeof *p->smap);
    p->used = calloc(nstr ? nstr : 1, 1);
    if (!p->map || !p->smap || !p->used)
        return -1;
    for (size_t id = 0; id < nstr; id++)
        if ((p->map[id] = ind_strtab_intern(ds->str, ind_strtab_get(p->str, (ind_str)id),
                                            ind_strtab_len(p->str, (ind_str)id))) == (ind_str)-1)
            return -1;
    for (size_t k = 0; k < p->ser_n; k++) {
        indicator_entry *ie = resolve_indicator(ds, p->map[p->ser[k].indicator]);
        long s = ie ? series_get(ds, p->map[p->ser[k].unit], ie, p->ser[k].gender) : -1;
        if (s < 0)
            return -1;
        p->smap[k] = (uint32_t)s;
    }
    return 0;
}

/* Rewrites a part's rows with the dataset's ids (a thread per part); marks
 * the strings used as targets in p->used. */
static void *part_remap(void *arg)
{
    ind_dataset_part *p = *(ind_dataset_part **)arg;
    ind_dataset *ds = p->ds;
    for (size_t i = p->base; i < p->base + p->n; i++) {
        ds->series[i] = p->smap[ds->series[i]];
        p->used[ds->target[i]] = 1;
        ds->target[i] = p->map[ds->target[i]];
        if (ds->kf_target) {
            p->used[ds->kf_target[i]] = 1;
            ds->kf_target[i] = p->map[ds->kf_target[i]];
        }
        if (ds->goal)
            ds->goal[i] = p->map[ds->goal[i]];
        if (ds->note)
            ds->note[i] = p->map[ds->note[i]];
        if (ds->source)
            ds->source[i] = p->map[ds->source[i]];
    }
    return NULL;
}

/* Moves n rows of column col (elements of size bytes) from row from to row to. */
static void move_rows(void *col, size_t size, size_t to, size_t from, size_t n)
{
    if (col && to != from)
        memmove((char *)col + to * size, (char *)col + from * size, n * size);
}

/* Part p's rows (with the dataset's ids) to the end of the dataset's rows. */
static void part_append(ind_dataset *ds, ind_dataset_part *p)
{
    size_t to = ds->n, from = p->base, n = p->n;
    move_rows(ds->series, sizeof *ds->series, to, from, n);
    move_rows(ds->period, sizeof *ds->period, to, from, n);
    move_rows(ds->value, sizeof *ds->value, to, from, n);
    move_rows(ds->num, sizeof *ds->num, to, from, n);
    move_rows(ds->den, sizeof *ds->den, to, from, n);
    move_rows(ds->sd, sizeof *ds->sd, to, from, n);
    move_rows(ds->target, sizeof *ds->target, to, from, n);
    move_rows(ds->kf_target, sizeof *ds->kf_target, to, from, n);
    move_rows(ds->goal, sizeof *ds->goal, to, from, n);
    move_rows(ds->note, sizeof *ds->note, to, from, n);
    move_rows(ds->source, sizeof *ds->source, to, from, n);
    move_rows(ds->file, sizeof *ds->file, to, from, n);
    move_rows(ds->line, sizeof *ds->line, to, from, n);
    move_rows(ds->missing, sizeof *ds->missing, to, from, n);
    for (size_t id = 0; id < ind_strtab_count(p->str); id++)
        if (p->used[id])
            cache_target(ds, p->map[id]);
    ds->n += n;
}

int ind_dataset_part_merge(ind_dataset_part *p)
{
    if (series_reserve(p->ds, p->ser_n) || part_ids(p->ds, p))
        return -1;
    part_remap(&p);
    p->merged = 1;
    return 0;
}

ind_status ind_dataset_parts_end(ind_dataset *ds, ind_dataset_part **parts, size_t count, int keep,
                                 ind_error *err)
{
    size_t m = 0, more = 0; /* parts merge early in order: 0..m-1 are merged */
    while (m < count && parts[m]->merged)
        m++;
    for (size_t k = m; k < count && keep; k++)
        more += parts[k]->ser_n; /* an upper bound: a series may be in several parts */
    int failed = keep && series_reserve(ds, more);
    for (size_t k = m; k < count && keep && !failed; k++)
        failed = part_ids(ds, parts[k]);
    if (keep && !failed) {
        ind_parallel_each(part_remap, parts + m, sizeof *parts, count - m, ind_parallel_cores());
        for (size_t k = 0; k < count; k++)
            part_append(ds, parts[k]);
    }
    for (size_t k = 0; k < count; k++) {
        part_free(parts[k]);
        parts[k] = NULL;
    }
    for (int g = 0; g < IND_GENDER_COUNT; g++)
        ds->last_series[g] = -1;
    ds->last_unit = ds->last_raw = 0;
    if (failed)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    return IND_OK;
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

/* Two names (string ids of strtab user) in strcmp's order. */
static int string_cmp(const void *a, const void *b, void *user)
{
    const ind_strtab *str = user;
    return strcmp(ind_strtab_get(str, *(const ind_str *)a), ind_strtab_get(str, *(const ind_str *)b));
}

/* A column to put in order: its elements, of 1, 2, 4 or 8 bytes. */
typedef struct {
    void *col;
    size_t size;
} column_ref;

/* The most columns a dataset has that finishing puts in order (all but series). */
#define PERMUTE_COLUMNS 13

static uint64_t elem_get(const column_ref *c, size_t i)
{
    switch (c->size) {
    case 1: return ((const uint8_t *)c->col)[i];
    case 2: return ((const uint16_t *)c->col)[i];
    case 4: return ((const uint32_t *)c->col)[i];
    default: return ((const uint64_t *)c->col)[i]; /* a double's bits, NaN's kept */
    }
}

static void elem_put(const column_ref *c, size_t i, uint64_t v)
{
    switch (c->size) {
    case 1: ((uint8_t *)c->col)[i] = (uint8_t)v; break;
    case 2: ((uint16_t *)c->col)[i] = (uint16_t)v; break;
    case 4: ((uint32_t *)c->col)[i] = (uint32_t)v; break;
    default: ((uint64_t *)c->col)[i] = v; break;
    }
}

/* Puts the columns c[0..nc) of n elements in the order items gives (element
 * k becomes the old element items[k]) in place, following the permutation's
 * cycles once for all of them; seen is a bitset of n bits, cleared here. Each
 * step along a cycle waits for the one before (j = items[j]); moving several
 * columns at each step fills that wait, where a walk a column would repeat it. */
static void permute_walk(const column_ref *c, int nc, const uint32_t *items, size_t n, uint64_t *seen)
{
    uint64_t first[PERMUTE_COLUMNS];
    memset(seen, 0, (n + 63) / 64 * sizeof *seen);
    for (size_t k = 0; k < n; k++) {
        if (items[k] == k || (seen[k >> 6] >> (k & 63) & 1))
            continue;
        for (int m = 0; m < nc; m++)
            first[m] = elem_get(&c[m], k);
        size_t j = k;
        while (items[j] != k) {
            size_t from = items[j];
            for (int m = 0; m < nc; m++)
                elem_put(&c[m], j, elem_get(&c[m], from));
            seen[j >> 6] |= (uint64_t)1 << (j & 63);
            j = from;
        }
        for (int m = 0; m < nc; m++)
            elem_put(&c[m], j, first[m]);
        seen[j >> 6] |= (uint64_t)1 << (j & 63);
    }
}

/* The columns to put in order, shared by the threads that do it. */
typedef struct {
    ind_dataset *ds;
    const uint32_t *items;
    size_t n;
    int part, parts; /* this thread takes the columns in use k with k % parts == part */
    uint64_t *seen;
} permute_job;

static void *permute_run(void *arg)
{
    permute_job *j = arg;
    ind_dataset *ds = j->ds;
    const column_ref all[PERMUTE_COLUMNS] = {
        {ds->value, 8}, {ds->num, 8}, {ds->den, 8}, {ds->sd, 8}, {ds->period, 4}, {ds->target, 4},
        {ds->kf_target, 4}, {ds->goal, 4}, {ds->note, 4}, {ds->source, 4}, {ds->line, 4},
        {ds->missing, 1}, {ds->file, 2}};
    column_ref mine[PERMUTE_COLUMNS];
    int k = 0, nc = 0;
    for (int c = 0; c < PERMUTE_COLUMNS; c++)
        if (all[c].col && !(all[c].col == ds->file && ds->files_n == 1) && k++ % j->parts == j->part)
            mine[nc++] = all[c]; /* rows of one file all have file 0: nothing to move */
    permute_walk(mine, nc, j->items, j->n, j->seen);
    return NULL;
}

/* Every column in the order items gives, the cores taking turns at the columns. */
static int permute_columns(ind_dataset *ds, const uint32_t *items, size_t n)
{
    permute_job job[IND_PARALLEL_MAX];
    int parts = n >= 65536 ? ind_parallel_cores() : 1;
    size_t words = (n + 63) / 64 + 1;
    uint64_t *seen = malloc((size_t)parts * words * sizeof *seen);
    if (!seen)
        return -1;
    for (int k = 0; k < parts; k++)
        job[k] = (permute_job){ds, items, n, k, parts, seen + (size_t)k * words};
    ind_parallel_run(permute_run, job, sizeof job[0], parts);
    free(seen);
    return 0;
}

/* One stable counting-sort pass: from[] by key[from[k]] (below nkeys) into to[]. */
static int counting_pass(const uint32_t *key, size_t nkeys, const uint32_t *from, uint32_t *to, size_t n)
{
    size_t *at = calloc(nkeys + 1, sizeof *at);
    if (!at)
        return -1;
    for (size_t k = 0; k < n; k++)
        at[key[from[k]] + 1]++;
    for (size_t v = 0; v < nkeys; v++)
        at[v + 1] += at[v];
    for (size_t k = 0; k < n; k++)
        to[at[key[from[k]]]++] = from[k];
    free(at);
    return 0;
}

/* Ranks the series by name (unit, indicator, gender), so the order never
 * depends on file order: rank[i] is series i's place. The names used are
 * sorted once (they are few), then the series by their names' places:
 * counting sorts by gender, indicator, unit, each stable. */
static int rank_series(ind_dataset *ds, uint32_t *rank)
{
    size_t ns = ds->series_n, nstr = ind_strtab_count(ds->str);
    uint32_t *place = malloc((nstr ? nstr : 1) * sizeof *place); /* a name's place among those used */
    uint32_t *names = malloc((nstr ? nstr : 1) * sizeof *names);
    uint32_t *key = calloc(ns ? ns : 1, sizeof *key); /* calloc: gcc sees them written */
    uint32_t *a = calloc(ns ? ns : 1, sizeof *a), *b = calloc(ns ? ns : 1, sizeof *b);
    int failed = !place || !names || !key || !a || !b;
    size_t used = 0;
    if (!failed) {
        for (size_t id = 0; id < nstr; id++)
            place[id] = 0;
        for (size_t i = 0; i < ns; i++)
            place[ds->stab[i].unit] = place[ds->stab[i].indicator] = 1;
        for (size_t id = 0; id < nstr; id++)
            if (place[id])
                names[used++] = (uint32_t)id;
        qsort_r(names, used, sizeof *names, string_cmp, ds->str);
        for (size_t k = 0; k < used; k++)
            place[names[k]] = (uint32_t)k;
        for (size_t i = 0; i < ns; i++)
            a[i] = (uint32_t)i, key[i] = (uint32_t)ds->stab[i].gender;
        failed = counting_pass(key, IND_GENDER_COUNT, a, b, ns);
        for (size_t i = 0; i < ns && !failed; i++)
            key[i] = place[ds->stab[i].indicator];
        failed = failed || counting_pass(key, used, b, a, ns);
        for (size_t i = 0; i < ns && !failed; i++)
            key[i] = place[ds->stab[i].unit];
        failed = failed || counting_pass(key, used, a, b, ns);
        for (size_t k = 0; k < ns && !failed; k++)
            rank[b[k]] = (uint32_t)k;
    }
    free(place), free(names), free(key), free(a), free(b);
    return failed ? -1 : 0;
}

/* One thread's share of ordering the rows: a counting sort by series rank,
 * stable, so file order stays within a series. Thread t counts the ranks of
 * its rows [from, to); the counts become the places its rows of each rank go
 * (after the earlier threads' rows of that rank), and it places them. Then
 * each thread takes a share of the ranks, [rank_from, rank_to), and puts each
 * series' run in order by period (runs are usually in order already) and
 * writes the run's rank into the series column. */
typedef struct {
    ind_dataset *ds;
    const uint32_t *rank;
    uint32_t *items;
    uint32_t *at;   /* this thread's count of each rank, then its next place */
    const uint32_t *end; /* the last thread's `at` once placed: each run's end */
    size_t from, to, rank_from, rank_to;
} order_job;

static void *order_count(void *arg)
{
    order_job *j = arg;
    const uint32_t *series = j->ds->series;
    for (size_t i = j->from; i < j->to; i++)
        j->at[j->rank[series[i]]]++;
    return NULL;
}

static void *order_place(void *arg)
{
    order_job *j = arg;
    const uint32_t *series = j->ds->series;
    for (size_t i = j->from; i < j->to; i++)
        j->items[j->at[j->rank[series[i]]]++] = (uint32_t)i;
    return NULL;
}

static void *order_runs(void *arg)
{
    order_job *j = arg;
    ind_dataset *ds = j->ds;
    uint32_t *items = j->items;
    for (size_t r = j->rank_from; r < j->rank_to; r++) {
        size_t begin = r ? j->end[r - 1] : 0, end = j->end[r];
        int sorted = 1; /* the counting sort kept file order: equal periods are in order */
        for (size_t q = begin + 1; q < end && sorted; q++)
            sorted = ds->period[items[q - 1]] <= ds->period[items[q]];
        if (!sorted)
            qsort_r(items + begin, end - begin, sizeof *items, period_cmp, ds);
    }
    return NULL;
}

/* The ranks' runs written into the series column (after order_runs: it reads
 * the column no more). */
static void *order_series(void *arg)
{
    order_job *j = arg;
    for (size_t r = j->rank_from; r < j->rank_to; r++)
        for (size_t q = r ? j->end[r - 1] : 0; q < j->end[r]; q++)
            j->ds->series[q] = (uint32_t)r;
    return NULL;
}

/* The new order of the rows into items (old indexes), and each rank's run's
 * end into end (series_n entries), on every core. */
static int order_rows(ind_dataset *ds, const uint32_t *rank, uint32_t *items, uint32_t *end)
{
    size_t n = ds->n, ns = ds->series_n;
    int nj = n >= 65536 ? ind_parallel_cores() : 1;
    order_job job[IND_PARALLEL_MAX];
    uint32_t *at = calloc((size_t)(nj - 1) * ns + 1, sizeof *at); /* the last thread counts in end */
    if (!at)
        return -1;
    memset(end, 0, ns * sizeof *end);
    for (int t = 0; t < nj; t++)
        job[t] = (order_job){ds, rank, items, t + 1 < nj ? at + (size_t)t * ns : end, end,
                             n * (size_t)t / (size_t)nj, n * (size_t)(t + 1) / (size_t)nj, 0, 0};
    ind_parallel_run(order_count, job, sizeof job[0], nj);
    size_t place = 0;
    for (size_t r = 0; r < ns; r++)
        for (int t = 0; t < nj; t++) {
            uint32_t c = job[t].at[r];
            job[t].at[r] = (uint32_t)place;
            place += c;
        }
    ind_parallel_run(order_place, job, sizeof job[0], nj);
    /* the ranks shared out by rows, not by series: runs differ in length */
    size_t r = 0;
    for (int t = 0; t < nj; t++) {
        job[t].rank_from = r;
        while (r < ns && (t + 1 == nj || end[r] <= job[t].to))
            r++;
        job[t].rank_to = t + 1 == nj ? ns : r;
    }
    ind_parallel_run(order_runs, job, sizeof job[0], nj);
    ind_parallel_run(order_series, job, sizeof job[0], nj);
    free(at);
    return 0;
}

/* Sorts rows and series into series order; series ids become ranks, and
 * each series' first row and count are set. */
static int sort_rows(ind_dataset *ds)
{
    size_t n = ds->n, ns = ds->series_n ? ds->series_n : 1;
    uint32_t *rank = malloc(ns * sizeof *rank);
    uint32_t *end = malloc(ns * sizeof *end);
    uint32_t *items = ind_huge_alloc((n ? n : 1) * sizeof *items); /* the new order: old indexes */
    int failed = !rank || !end || !items || rank_series(ds, rank) || order_rows(ds, rank, items, end) ||
                 permute_columns(ds, items, n);
    free(items);
    if (failed) {
        free(rank);
        free(end);
        return -1;
    }
    slots_renumber(ds, rank);
    /* series i to place rank[i], in place along the cycles (rank is used up) */
    for (size_t i = 0; i < ds->series_n; i++)
        while (rank[i] != i) {
            size_t r = rank[i];
            ind_series tmp = ds->stab[r];
            uint32_t rr = rank[r];
            ds->stab[r] = ds->stab[i];
            rank[r] = (uint32_t)r;
            ds->stab[i] = tmp;
            rank[i] = rr;
        }
    for (size_t r = 0; r < ds->series_n; r++) {
        ds->stab[r].first = r ? end[r - 1] : 0;
        ds->stab[r].count = end[r] - ds->stab[r].first;
    }
    free(rank);
    free(end);
    return 0;
}

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

/* Row r, the same series and period as row a (kept), is told twice: an
 * identical repeat (warned, dropped), the same outcome in parts (merged into
 * a), or a contradiction (the error, naming both). Returns 1 to drop r, 0 for
 * the error. */
static int repeat_row(ind_dataset *ds, size_t a, size_t r, ind_status *st, ind_error *err)
{
    int same = same_double(ds->value[a], ds->value[r]) &&
               (!ds->num || (same_double(ds->num[a], ds->num[r]) && same_double(ds->den[a], ds->den[r]))) &&
               (!ds->sd || same_double(ds->sd[a], ds->sd[r])) &&
               ds->target[a] == ds->target[r] && LAZY(kf_target, a) == LAZY(kf_target, r) &&
               ds->missing[a] == ds->missing[r];
    const ind_series *s = &ds->stab[ds->series[r]];
    char per[32];
    ind_period_format(ds->period[r], per, sizeof per);
    if (same) {
        ind_dataset_warn(ds, ind_strtab_get(ds->str, file_of(ds, r)), ds->line[r], 0,
                         "identical repeat of %s:%u (%s, %s, %s, %s); kept once",
                         ind_strtab_get(ds->str, file_of(ds, a)), ds->line[a],
                         ind_strtab_get(ds->str, s->unit), ind_strtab_get(ds->str, s->indicator),
                         per, ind_gender_code(s->gender));
        return 1;
    }
    if (complementary(ds, a, r)) {
        /* the same outcome told twice, each telling part (a VB's previous-year
         * column beside the full row of that year): keep one row with both parts */
        merge_into(ds, a, r);
        return 1;
    }
    *st = ind_error_set(err, IND_EINPUT, ind_strtab_get(ds->str, file_of(ds, r)), ds->line[r], 0,
                        "two different observations for %s, %s, %s, %s: here and at %s:%u",
                        ind_strtab_get(ds->str, s->unit), ind_strtab_get(ds->str, s->indicator),
                        per, ind_gender_code(s->gender), ind_strtab_get(ds->str, file_of(ds, a)),
                        ds->line[a]);
    return 0;
}

/* Copies row r onto row w (w < r). */
static void move_row(ind_dataset *ds, size_t w, size_t r)
{
    ds->series[w] = ds->series[r];
    ds->period[w] = ds->period[r];
    ds->value[w] = ds->value[r];
    if (ds->num) {
        ds->num[w] = ds->num[r];
        ds->den[w] = ds->den[r];
    }
    if (ds->sd)
        ds->sd[w] = ds->sd[r];
    if (ds->source)
        ds->source[w] = ds->source[r];
    ds->target[w] = ds->target[r];
    if (ds->kf_target)
        ds->kf_target[w] = ds->kf_target[r];
    if (ds->goal)
        ds->goal[w] = ds->goal[r];
    if (ds->note)
        ds->note[w] = ds->note[r];
    ds->file[w] = ds->file[r];
    ds->line[w] = ds->line[r];
    ds->missing[w] = ds->missing[r];
}

/* Repeats: adjacent rows of the same series and period, each dropped, merged
 * or the error (repeat_row); the rows left close up. */
static ind_status merge_duplicates(ind_dataset *ds, ind_error *err)
{
    ind_status st = IND_OK;
    size_t w = 0, n = ds->n;
    for (size_t r = 0; r < n; r++) {
        if (w > 0 && ds->series[w - 1] == ds->series[r] && ds->period[w - 1] == ds->period[r]) {
            if (repeat_row(ds, w - 1, r, &st, err))
                continue;
            return st;
        }
        if (w != r)
            move_row(ds, w, r);
        w++;
    }
    ds->n = w;
    return IND_OK;
}

ind_status ind_dataset_finish(ind_dataset *ds, ind_error *err)
{
    if (ds->finished)
        return IND_OK;
    if (sort_rows(ds))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    size_t n = ds->n;
    ind_status st = merge_duplicates(ds, err);
    if (st != IND_OK)
        return st;
    if (ds->n != n) { /* repeats merged: the runs are shorter */
        for (size_t i = 0; i < ds->series_n; i++)
            ds->stab[i].count = 0;
        for (size_t i = 0; i < ds->n; i++) {
            ind_series *s = &ds->stab[ds->series[i]];
            if (s->count == 0)
                s->first = i;
            s->count++;
        }
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
    o->file = file_of(ds, i);
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
    return series_lookup(ds, u, in, g, NULL, NULL);
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
    size_t per = sizeof(uint32_t) + sizeof(ind_period) + sizeof(double) + sizeof(ind_str) +
                 sizeof(uint16_t) + sizeof(uint32_t) + 1;
    per += (ds->kf_target != NULL) * sizeof(ind_str) + (ds->goal != NULL) * sizeof(ind_str) +
           (ds->note != NULL) * sizeof(ind_str);
    if (ds->num)
        per += 2 * sizeof(double);
    if (ds->sd)
        per += sizeof(double);
    if (ds->source)
        per += sizeof(ind_str);
    return ds->cap * per + ds->series_cap * sizeof(ind_series) + ds->slot_cap * sizeof *ds->slots;
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
    if (len && ((*s >= '0' && *s <= '9') || (len > 1 && *s == '-')))
        return -1; /* a number: no word starts with a digit, and "-" is alone */
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strncasecmp(s, w[i].w, len) == 0 && w[i].w[len] == '\0') {
            *out = w[i].m;
            return 0;
        }
    return -1;
}
