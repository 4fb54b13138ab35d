/* kolada.c: Kolada JSON (API v2/v3 data pages, KPI and municipality metadata,
 * the SKR course extract) into a dataset, with jansson.
 *
 * jansson reads a whole document into a tree; that suits Kolada, whose API
 * pages hold at most 5 000 objects and whose course extract is 1 MB. Keys are
 * kept in document order (jansson >= 2.8), so "the N-th data object" is a
 * stable position. Duplicate keys are refused (JSON_REJECT_DUPLICATES): in a
 * {year: {gender: value}} tree a repeated key would otherwise silently drop a
 * value. Documents must be an object or an array (no JSON_DECODE_ANY).
 *
 * jansson gives no positions for values of a parsed tree; a second scan of
 * the text (see "positions" below) gives shape errors a line and column
 * besides the JSON path (values[17].values[2].gender), and each observation
 * the line of its record. */
#include "kolada.h"
#include "csvread.h"
#include "ingest.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DECODE_FLAGS (JSON_REJECT_DUPLICATES)

/* Each entry is {"title": s, "ambiguous": bool} (KPIs also "by_gender":
 * true|false|null). A name shared by two ids is ambiguous: both are then
 * called "name (id)", so two KPIs or municipalities never merge into one. */
typedef struct {
    json_t *entry;   /* id -> entry */
    json_t *by_name; /* title -> the first id that has it */
} name_map;

struct ind_kolada_meta {
    name_map kpi;
    name_map muni;
};

/* ---- small helpers -------------------------------------------------------- */

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "something else";
}

/* Skips a UTF-8 byte-order mark and leading whitespace; returns the offset. */
static size_t skip_bom_space(const char *data, size_t size)
{
    size_t i = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    return i;
}

/* Trims ASCII whitespace and no-break spaces at both ends of s[0..*len). */
static const char *trim(const char *s, size_t *len)
{
    size_t n = *len;
    for (;;) {
        if (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
            s++, n--;
        else if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
            s += 2, n -= 2;
        else
            break;
    }
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
            n--;
        else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
            n -= 2;
        else
            break;
    }
    *len = n;
    return s;
}

/* ---- positions ---------------------------------------------------------------
 * jansson keeps no positions in a parsed tree. Once it has accepted the text,
 * the text is scanned again into an index of every value in document order:
 * its byte offset (for an object's member, the offset of its key) and line, and
 * its next sibling; a container's first child is the node right after it. The
 * tree is then walked beside the index (objects keep their keys in document
 * order and duplicates are refused, so the k-th member met by
 * json_object_foreach is the k-th child) and every value is bound to its node
 * in a pointer hash. true, false and null are shared by jansson, so they are
 * not bound; an error about one of them names its parent's position. */

typedef struct {
    size_t off, line, next; /* next sibling, 0 for none (the root is node 0 and no one's sibling) */
} pos_node;

typedef struct {
    const char *name;
    const char *text; /* the document after any byte-order mark */
    size_t size;
    pos_node *node;
    size_t n, cap;
    size_t bound; /* values bound so far: never more than n, so the hash never fills */
    size_t seen;  /* values of the tree walked (shared ones too): n when the two agree */
    struct pos_slot {
        const json_t *v;
        size_t node;
    } * slot;
    size_t slots; /* a power of two, at least twice the nodes */
} json_doc;

static void doc_free(json_doc *d)
{
    free(d->node);
    free(d->slot);
}

static size_t pos_add(json_doc *d, size_t off, size_t line)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 256;
        pos_node *p = realloc(d->node, cap * sizeof *p);
        if (!p)
            return (size_t)-1;
        d->node = p;
        d->cap = cap;
    }
    d->node[d->n] = (pos_node){off, line, 0};
    return d->n++;
}

static void pos_space(const json_doc *d, size_t *i, size_t *line)
{
    while (*i < d->size && strchr(" \t\r\n", d->text[*i]) && d->text[*i]) {
        *line += d->text[*i] == '\n';
        (*i)++;
    }
}

static void pos_string(const json_doc *d, size_t *i)
{
    for ((*i)++; *i < d->size && d->text[*i] != '"'; (*i)++)
        if (d->text[*i] == '\\')
            (*i)++;
    (*i)++;
}

/* Scans the value at *i whose node starts at start (its key, for a member);
 * jansson has accepted the text, so its nesting is at most 2048 deep. Returns
 * the node or (size_t)-1 when out of memory. */
static size_t pos_scan(json_doc *d, size_t *i, size_t *line, size_t start, size_t start_line)
{
    size_t me = pos_add(d, start, start_line);
    if (me == (size_t)-1)
        return me;
    pos_space(d, i, line);
    char c = *i < d->size ? d->text[*i] : '\0';
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        size_t prev = 0;
        (*i)++;
        while (*i < d->size) {
            pos_space(d, i, line);
            if (*i >= d->size || d->text[*i] == close) {
                (*i)++;
                break;
            }
            if (d->text[*i] == ',') {
                (*i)++;
                continue;
            }
            size_t at = *i, at_line = *line;
            if (c == '{') { /* "key" : */
                pos_string(d, i);
                pos_space(d, i, line);
                (*i)++;
            }
            size_t child = pos_scan(d, i, line, at, at_line);
            if (child == (size_t)-1)
                return child;
            if (prev)
                d->node[prev].next = child;
            prev = child;
        }
    } else if (c == '"') {
        pos_string(d, i);
    } else {
        /* a number or literal: jansson takes a NUL byte right after a number as part
         * of it ("6\0," reads as 6), so a NUL does not end one here either */
        size_t from = *i;
        while (*i < d->size && !(d->text[*i] && strchr(",]} \t\r\n", d->text[*i])))
            (*i)++;
        if (*i == from)
            (*i)++; /* never stand still */
    }
    return me;
}

static int pos_shared(const json_t *v) { return v == json_true() || v == json_false() || v == json_null(); }

static size_t pos_hash(const json_t *v, size_t slots) { return ((uintptr_t)v >> 4) * 2654435761u & (slots - 1); }

/* Binds v and everything below it to node and the nodes after it. */
static void pos_bind(json_doc *d, const json_t *v, size_t node)
{
    d->seen++;
    if (node >= d->n || d->bound >= d->n)
        return; /* the index and the tree disagree: see parse() */
    if (!pos_shared(v)) {
        d->bound++;
        size_t h = pos_hash(v, d->slots);
        while (d->slot[h].v)
            h = (h + 1) & (d->slots - 1);
        d->slot[h].v = v;
        d->slot[h].node = node;
    }
    size_t child = node + 1;
    if (json_is_object(v)) {
        const char *key;
        json_t *c;
        json_object_foreach((json_t *)v, key, c)
        {
            if (child == 0 || child >= d->n)
                break;
            pos_bind(d, c, child);
            child = d->node[child].next;
        }
    } else if (json_is_array(v)) {
        size_t k;
        json_t *c;
        json_array_foreach(v, k, c)
        {
            if (child == 0 || child >= d->n)
                break;
            pos_bind(d, c, child);
            child = d->node[child].next;
        }
    }
}

/* The position node of v, or of parent when v is shared or unknown; NULL when
 * neither is known. */
static const pos_node *doc_node(const json_doc *d, const json_t *v, const json_t *parent)
{
    for (int k = 0; k < 2 && d && d->slots; k++) {
        const json_t *x = k ? parent : v;
        if (!x || pos_shared(x))
            continue;
        size_t h = pos_hash(x, d->slots);
        while (d->slot[h].v && d->slot[h].v != x)
            h = (h + 1) & (d->slots - 1);
        if (d->slot[h].v)
            return &d->node[d->slot[h].node];
    }
    return NULL;
}

/* Line and column (in characters) of v, or of parent when v is shared or
 * unknown; 0 and 0 when neither is known. The column counts back to the line's
 * start, so it is for messages only: Kolada's files are one line long. */
static void doc_where(const json_doc *d, const json_t *v, const json_t *parent, long *line, long *col)
{
    *line = *col = 0;
    const pos_node *p = doc_node(d, v, parent);
    if (!p)
        return;
    size_t start = p->off;
    while (start > 0 && d->text[start - 1] != '\n')
        start--;
    long chars = 1;
    for (size_t i = start; i < p->off; i++)
        chars += ((unsigned char)d->text[i] & 0xC0) != 0x80;
    *line = (long)p->line;
    *col = chars;
}

/* The line of v (or of parent), for an observation's line; 0 when unknown.
 * Every observation asks, so this must not count columns. */
static size_t doc_line(const json_doc *d, const json_t *v, const json_t *parent)
{
    const pos_node *p = doc_node(d, v, parent);
    return p ? p->line : 0;
}

/* Sets err to bad input at v (or at its parent when v has no position of its own). */
static ind_status doc_fail(const json_doc *d, ind_error *err, const json_t *v, const json_t *parent,
                           const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static ind_status doc_fail(const json_doc *d, ind_error *err, const json_t *v, const json_t *parent,
                           const char *fmt, ...)
{
    long line, col;
    doc_where(d, v, parent, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    ind_error_setv(err, IND_EINPUT, d->name, line, col, fmt, ap);
    va_end(ap);
    return IND_EINPUT;
}

/* Parses the document into *root and indexes its positions into *d, or fills
 * err with jansson's line, column and reason. */
static ind_status parse(const char *name, const char *data, size_t size, json_t **root, json_doc *d,
                        ind_error *err)
{
    memset(d, 0, sizeof *d);
    d->name = name;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        /* jansson does not take the mark; cut it (no column shift: editors do not show it) */
        data += 3;
        size -= 3;
    }
    d->text = data;
    d->size = size;
    json_error_t je;
    *root = json_loadb(data, size, DECODE_FLAGS, &je);
    if (!*root) {
        if (json_error_code(&je) == json_error_out_of_memory)
            return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory while reading JSON");
        return ind_error_set(err, IND_EINPUT, name, je.line > 0 ? je.line : 0,
                             je.line > 0 && je.column > 0 ? je.column : 0, "malformed JSON: %s", je.text);
    }
    size_t i = 0, line = 1;
    pos_space(d, &i, &line);
    size_t at = i, at_line = line;
    if (pos_scan(d, &i, &line, at, at_line) != (size_t)-1) {
        for (d->slots = 16; d->slots < 2 * d->n; d->slots *= 2)
            ;
        d->slot = calloc(d->slots, sizeof *d->slot);
    }
    if (!d->slot) {
        json_decref(*root);
        *root = NULL;
        doc_free(d);
        return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory while reading JSON");
    }
    pos_bind(d, *root, 0);
    if (d->seen != d->n) {
        /* the scan read the text otherwise than jansson did (a quirk not mirrored
         * here): no positions rather than wrong ones; messages keep the JSON path */
        free(d->slot);
        d->slot = NULL;
        d->slots = 0;
    }
    return IND_OK;
}

/* A year written as four digits. 1 and *year, or 0 and a reason. */
static int year_text(const char *s, size_t n, int *year, const char **why)
{
    int y = 0;
    *why = "is not a year (four digits)";
    if (n != 4)
        return 0;
    for (size_t i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        y = y * 10 + (s[i] - '0');
    }
    if (y < IND_YEAR_MIN || y > IND_YEAR_MAX) {
        *why = "is outside the years 1900-2200";
        return 0;
    }
    *year = y;
    return 1;
}

/* A year written as JSON integer 2020 or string "2020". */
static int read_year(const json_t *v, int *year, const char **why)
{
    if (json_is_integer(v)) {
        json_int_t y = json_integer_value(v);
        if (y < IND_YEAR_MIN || y > IND_YEAR_MAX) {
            *why = "is outside the years 1900-2200";
            return 0;
        }
        *year = (int)y;
        return 1;
    }
    if (json_is_string(v))
        return year_text(json_string_value(v), json_string_length(v), year, why);
    *why = json_is_real(v) ? "is not a whole year" : "is not a year";
    return 0;
}

/* Kolada's genders are exactly T, K and M. */
static int gender_letter(const char *s, size_t len, ind_gender *g)
{
    if (len != 1)
        return 0;
    switch (s[0]) {
    case 'T': *g = IND_GENDER_T; return 1;
    case 'K': *g = IND_GENDER_K; return 1;
    case 'M': *g = IND_GENDER_M; return 1;
    default: return 0;
    }
}

/* A string for a message, cut (at a character boundary) to fit buf. */
static const char *shown_raw(const char *s, char *buf, size_t size);

/* s for a message: cut to size with "...", control characters as '?'. */
static const char *shown(const char *s, char *buf, size_t size)
{
    shown_raw(s, buf, size);
    for (char *p = buf; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = '?';
    return buf;
}

static const char *shown_raw(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);
    if (n + 1 <= size) {
        memcpy(buf, s, n + 1);
        return buf;
    }
    size_t keep = size > 4 ? size - 4 : 0;
    while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
        keep--;
    memcpy(buf, s, keep);
    memcpy(buf + keep, "...", size - keep >= 4 ? 4 : 1);
    buf[size - 1] = '\0';
    return buf;
}

/* ---- metadata ------------------------------------------------------------- */

ind_kolada_meta *ind_kolada_meta_new(void)
{
    ind_kolada_meta *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->kpi.entry = json_object();
    m->kpi.by_name = json_object();
    m->muni.entry = json_object();
    m->muni.by_name = json_object();
    if (!m->kpi.entry || !m->kpi.by_name || !m->muni.entry || !m->muni.by_name) {
        ind_kolada_meta_free(m);
        return NULL;
    }
    return m;
}

void ind_kolada_meta_free(ind_kolada_meta *m)
{
    if (!m)
        return;
    json_decref(m->kpi.entry);
    json_decref(m->kpi.by_name);
    json_decref(m->muni.entry);
    json_decref(m->muni.by_name);
    free(m);
}

size_t ind_kolada_meta_kpi_count(const ind_kolada_meta *m) { return m ? json_object_size(m->kpi.entry) : 0; }
size_t ind_kolada_meta_municipality_count(const ind_kolada_meta *m)
{
    return m ? json_object_size(m->muni.entry) : 0;
}

static const char *map_title(const name_map *map, const char *id)
{
    return json_string_value(json_object_get(json_object_get(map->entry, id), "title"));
}

const char *ind_kolada_meta_kpi_title(const ind_kolada_meta *m, const char *id)
{
    return m && id ? map_title(&m->kpi, id) : NULL;
}

const char *ind_kolada_meta_municipality_name(const ind_kolada_meta *m, const char *id)
{
    return m && id ? map_title(&m->muni, id) : NULL;
}

/* The name data should carry for an entry: its title, or "title (id)" when
 * another id has the same title. Written into buf when composed. */
static const char *display_name(const json_t *entry, const char *id, char *buf, size_t size)
{
    const char *t = json_string_value(json_object_get(entry, "title"));
    if (!t || !t[0])
        return NULL;
    if (!json_is_true(json_object_get(entry, "ambiguous")))
        return t;
    snprintf(buf, size, "%s (%s)", t, id);
    return buf;
}

/* A trimmed copy of a title as a JSON string (NULL when out of memory). */
/* Control characters never leave the reader: the CSV reader refuses them and a
 * terminal would run them (ESC [31m). Tab, CR and LF become a space; the other
 * C0 controls, DEL and the C1 controls U+0080-U+009F are dropped. Returns the
 * length written to out, which holds len bytes; 0 and out untouched when s has none. */
static size_t clean_controls(const char *s, size_t len, char *out)
{
    size_t i = 0;
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] < 0xA0 &&
                                      (unsigned char)s[i + 1] >= 0x80))
            break;
    }
    if (i == len)
        return 0;
    size_t n = 0;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t' || c == '\r' || c == '\n')
            out[n++] = ' ';
        else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] < 0xA0)
            i++;
        else if (c >= 0x20 && c != 0x7F)
            out[n++] = (char)c;
    }
    if (n == 0)
        out[n++] = ' '; /* nothing but controls: a blank, which callers treat as empty */
    return n;
}

/* json_stringn or ind_strtab_intern of s without control characters. */
static json_t *clean_json_string(const char *s, size_t len)
{
    char *c = memchr(s, 0, len) ? NULL : malloc(len + 1);
    size_t n = c ? clean_controls(s, len, c) : 0;
    json_t *t = json_stringn(n ? c : s, n ? n : len);
    free(c);
    return t;
}

static json_t *title_string(const char *s, size_t len, int drop_commas)
{
    s = trim(s, &len);
    if (drop_commas) {
        /* Nyckeltal.txt has titles ending "andel (%), " */
        while (len && (s[len - 1] == ',' || s[len - 1] == ' '))
            len--;
    }
    json_t *t = clean_json_string(s, len);
    if (t) { /* trimmed again: a control character may have stood at an end */
        size_t n = json_string_length(t);
        const char *v = trim(json_string_value(t), &n);
        if (n != json_string_length(t)) {
            json_t *u = json_stringn(v, n);
            json_decref(t);
            t = u;
        }
    }
    return t;
}

/* Stores entry e (which gets "title" and "ambiguous") under id; takes e and title. */
static ind_status map_put(name_map *map, const char *id, json_t *e, json_t *title, ind_error *err)
{
    if (!e || !title) {
        json_decref(e);
        json_decref(title);
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    }
    /* a redefinition drops the old title's claim */
    const char *old = map_title(map, id);
    if (old) {
        const char *owner = json_string_value(json_object_get(map->by_name, old));
        if (owner && strcmp(owner, id) == 0)
            json_object_del(map->by_name, old);
    }
    const char *name = json_string_value(title);
    const char *other = json_string_value(json_object_get(map->by_name, name));
    int ambiguous = other && strcmp(other, id) != 0;
    int bad = 0;
    if (ambiguous) {
        json_t *oe = json_object_get(map->entry, other);
        if (oe)
            bad |= json_object_set_new(oe, "ambiguous", json_true());
    } else {
        bad |= json_object_set_new(map->by_name, name, json_string(id));
    }
    /* json_object_set_new takes the value even when it fails */
    bad |= json_object_set_new(e, "title", title);
    bad |= json_object_set_new(e, "ambiguous", json_boolean(ambiguous));
    if (bad) {
        json_decref(e);
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (json_object_set_new(map->entry, id, e))
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    return IND_OK;
}

static ind_status meta_put_kpi(ind_kolada_meta *m, const char *id, json_t *title, json_t *by_gender,
                               ind_error *err)
{
    json_t *e = json_object();
    if (e && json_object_set_new(e, "by_gender", by_gender ? by_gender : json_null())) {
        json_decref(e);
        e = NULL;
    }
    return map_put(&m->kpi, id, e, title, err);
}

static ind_status meta_put_muni(ind_kolada_meta *m, const char *id, json_t *title, ind_error *err)
{
    return map_put(&m->muni, id, json_object(), title, err);
}

/* Nyckeltal.txt: lines "id¤title" (UTF-8; ¤ is U+00A4). */
static ind_status meta_load_text(ind_kolada_meta *m, const char *name, const char *data, size_t size,
                                 ind_error *err)
{
    long bl, bc;
    if (ind_utf8_check(data, size, &bl, &bc) != 0)
        return ind_error_set(err, IND_EINPUT, name, bl, bc,
                             "not UTF-8 text; KPI names are read as lines \"id\xc2\xa4title\" in UTF-8");
    size_t i = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    long line = 0;
    while (i < size) {
        line++;
        size_t start = i;
        while (i < size && data[i] != '\n')
            i++;
        size_t len = i - start;
        if (i < size)
            i++;
        const char *s = trim(data + start, &len);
        if (len == 0)
            continue;
        const char *sep = NULL;
        for (size_t k = 0; k + 1 < len; k++)
            if ((unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xA4) {
                sep = s + k;
                break;
            }
        if (!sep)
            return ind_error_set(err, IND_EINPUT, name, line, 1,
                                 "expected a KPI line \"id\xc2\xa4title\" (a JSON file must start with { or [)");
        size_t idlen = (size_t)(sep - s);
        const char *id = trim(s, &idlen);
        if (idlen == 0)
            return ind_error_set(err, IND_EINPUT, name, line, 1, "the KPI id before \xc2\xa4 is empty");
        char idbuf[256];
        if (idlen >= sizeof idbuf)
            return ind_error_set(err, IND_EINPUT, name, line, 1, "the KPI id is too long");
        memcpy(idbuf, id, idlen);
        idbuf[idlen] = '\0';
        if (memchr(idbuf, '\0', idlen))
            return ind_error_set(err, IND_EINPUT, name, line, 1, "the KPI id holds a NUL byte");
        const char *t = sep + 2;
        json_t *title = title_string(t, len - (size_t)(t - s), 1);
        if (title && json_string_length(title) == 0) {
            json_decref(title);
            return ind_error_set(err, IND_EINPUT, name, line, (long)(t - s) + 1,
                                 "the title of KPI %s is empty", idbuf);
        }
        ind_status st = meta_put_kpi(m, idbuf, title, NULL, err);
        if (st != IND_OK)
            return st;
    }
    return IND_OK;
}

typedef enum { META_KPI, META_MUNI } meta_kind;

/* Decides what a metadata object describes from its fields. */
static ind_status meta_kind_of(const json_doc *doc, const char *path, json_t *o, meta_kind *kind,
                               ind_error *err)
{
    static const char *const kpi_fields[] = {"is_divided_by_gender", "municipality_type",
                                             "operating_area", "auspices", "perspective",
                                             "description", "publication_date", "has_ou_data"};
    if (json_object_get(o, "kpi") && json_object_get(o, "period"))
        return doc_fail(doc, err, o, NULL,
                             "%s: this is a data object (kpi, period, values), not metadata; give the file as data",
                             path);
    for (size_t i = 0; i < sizeof kpi_fields / sizeof kpi_fields[0]; i++)
        if (json_object_get(o, kpi_fields[i])) {
            *kind = META_KPI;
            return IND_OK;
        }
    if (json_object_get(o, "type")) {
        *kind = META_MUNI;
        return IND_OK;
    }
    if (json_object_get(o, "members"))
        return doc_fail(doc, err, o, NULL,
                             "%s: group metadata (id, title, members) is not read; groups keep their ids", path);
    if (json_object_get(o, "municipality"))
        return doc_fail(doc, err, o, NULL,
                             "%s: organisational-unit metadata (id, municipality, title) is not read; OU data keeps OU ids",
                             path);
    return doc_fail(doc, err, o, NULL,
                         "%s: cannot tell what this metadata object describes: a KPI has "
                         "is_divided_by_gender, municipality_type or operating_area, a municipality has type",
                         path);
}

static ind_status meta_object(ind_kolada_meta *m, const json_doc *doc, const char *path, json_t *o,
                              ind_error *err)
{
    if (!json_is_object(o))
        return doc_fail(doc, err, o, NULL,
                             "%s: expected a metadata object {\"id\", \"title\", ...}, found %s", path,
                             type_name(o));
    meta_kind kind;
    ind_status st = meta_kind_of(doc, path, o, &kind, err);
    if (st != IND_OK)
        return st;
    json_t *id = json_object_get(o, "id");
    if (!json_is_string(id) || json_string_length(id) == 0)
        return doc_fail(doc, err, id, o, "%s.id: expected a non-empty string, found %s",
                             path, id ? (json_is_string(id) ? "an empty string" : type_name(id)) : "nothing");
    const char *ids = json_string_value(id);
    if (strlen(ids) != json_string_length(id))
        return doc_fail(doc, err, id, o, "%s.id: the id holds a NUL character", path);
    json_t *title = json_object_get(o, "title");
    if (!json_is_string(title))
        return doc_fail(doc, err, title, o, "%s.title: expected a string, found %s", path,
                             title ? type_name(title) : "nothing");
    json_t *t = title_string(json_string_value(title), strlen(json_string_value(title)), 0);
    if (t && json_string_length(t) == 0) {
        json_decref(t);
        return doc_fail(doc, err, title, o, "%s.title: the title is empty", path);
    }
    if (kind == META_MUNI) {
        json_t *type = json_object_get(o, "type");
        if (!json_is_string(type) && !json_is_null(type)) {
            json_decref(t);
            return doc_fail(doc, err, type, o, "%s.type: expected \"K\" or \"L\", found %s",
                                 path, type_name(type));
        }
        return meta_put_muni(m, ids, t, err);
    }
    json_t *g = json_object_get(o, "is_divided_by_gender");
    json_t *by = NULL;
    if (json_is_boolean(g))
        by = json_boolean(json_is_true(g));
    else if (json_is_integer(g) && (json_integer_value(g) == 0 || json_integer_value(g) == 1))
        by = json_boolean(json_integer_value(g) == 1);
    else if (g && !json_is_null(g)) {
        json_decref(t);
        return doc_fail(doc, err, g, o,
                             "%s.is_divided_by_gender: expected true/false or 1/0, found %s", path,
                             type_name(g));
    }
    return meta_put_kpi(m, ids, t, by, err);
}

/* Metadata: text lines, or JSON whose top level decides the layout (a list,
 * {"values": list}, one object, or a code -> name object); see kolada.h. */
ind_status ind_kolada_meta_load_buffer(ind_kolada_meta *m, const char *name, const char *data,
                                       size_t size, ind_error *err)
{
    if (!m)
        return ind_error_set(err, IND_EUSAGE, name, 0, 0, "no metadata object");
    size_t off = skip_bom_space(data, size);
    if (off >= size)
        return ind_error_set(err, IND_EINPUT, name, 0, 0, "the metadata file is empty");
    if (data[off] != '{' && data[off] != '[')
        return meta_load_text(m, name, data, size, err);
    json_t *root;
    json_doc doc;
    ind_status st = parse(name, data, size, &root, &doc, err);
    if (st != IND_OK)
        return st;
    json_t *list = NULL;
    const char *prefix = "";
    if (json_is_array(root)) {
        list = root;
    } else if (json_is_array(json_object_get(root, "values"))) {
        list = json_object_get(root, "values");
        prefix = "values";
    } else if (json_object_get(root, "id") && json_object_get(root, "title")) {
        st = meta_object(m, &doc, "(top)", root, err);
    } else {
        /* {"1440": "Ale", ...}: municipality code -> name (Kommuner.txt) */
        const char *key;
        json_t *v;
        json_object_foreach(root, key, v)
        {
            if (!json_is_string(v)) {
                char kb[80];
                st = doc_fail(&doc, err, v, root,
                                   "%s: expected a municipality name (the file maps codes to names, "
                                   "or holds {\"values\": [...]}), found %s",
                                   shown(key, kb, sizeof kb), type_name(v));
                break;
            }
            if (key[0] == '\0') {
                st = doc_fail(&doc, err, v, root, "an empty municipality code");
                break;
            }
            const char *s = json_string_value(v);
            json_t *t = title_string(s, strlen(s), 0);
            if (t && json_string_length(t) == 0) {
                char kb[80];
                json_decref(t);
                st = doc_fail(&doc, err, v, root, "%s: the name is empty", shown(key, kb, sizeof kb));
                break;
            }
            if ((st = meta_put_muni(m, key, t, err)) != IND_OK)
                break;
        }
    }
    if (list) {
        char path[64];
        size_t i;
        json_t *o;
        json_array_foreach(list, i, o)
        {
            snprintf(path, sizeof path, "%s[%zu]", prefix, i);
            if ((st = meta_object(m, &doc, path, o, err)) != IND_OK)
                break;
        }
    }
    if (st == IND_ENOMEM && err)
        snprintf(err->file, sizeof err->file, "%s", name);
    json_decref(root);
    doc_free(&doc);
    return st;
}

ind_status ind_kolada_meta_load(ind_kolada_meta *m, const char *path, ind_error *err)
{
    char *data;
    size_t size;
    ind_status st = ind_file_slurp(path, &data, &size, err);
    if (st != IND_OK)
        return st;
    st = ind_kolada_meta_load_buffer(m, path, data, size, err);
    ind_file_free(data, size);
    return st;
}

static int contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i]) {
            char a = hay[i], b = needle[i];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a - 'A' + 'a');
            if (a != b)
                break;
            i++;
        }
        if (i == n)
            return 1;
    }
    return 0;
}

static int key_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The indicator name of a KPI: its title, or "title (id)" when the title is
 * shared with another KPI or already names a different catalogue entry, or
 * the id when there is no title. */
static const char *kpi_name(const ind_kolada_meta *m, const ind_catalog *cat, const char *id, char *buf,
                            size_t size)
{
    json_t *e = json_object_get(m->kpi.entry, id);
    const char *name = display_name(e, id, buf, size);
    if (!name)
        return id;
    if (cat && name != buf && ind_catalog_lookup(cat, name, strlen(name))) {
        snprintf(buf, size, "%s (%s)", name, id);
        name = buf;
    }
    return name;
}

ind_status ind_kolada_meta_to_catalog(const ind_kolada_meta *m, ind_catalog *cat, ind_error *err)
{
    if (!m || !cat)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "no metadata or no catalogue");
    size_t n = json_object_size(m->kpi.entry);
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    if (!ids)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "out of memory");
    size_t k = 0;
    const char *key;
    json_t *v;
    json_object_foreach(m->kpi.entry, key, v) ids[k++] = key;
    qsort(ids, n, sizeof *ids, key_cmp);
    ind_status st = IND_OK;
    for (size_t i = 0; i < n && st == IND_OK; i++) {
        if (ind_catalog_lookup(cat, ids[i], strlen(ids[i])))
            continue; /* the catalogue knows the id: its entry (and direction) stands */
        json_t *e = json_object_get(m->kpi.entry, ids[i]);
        char buf[1200];
        const char *name = kpi_name(m, cat, ids[i], buf, sizeof buf);
        const char *title = json_string_value(json_object_get(e, "title"));
        char *alias[1] = {(char *)ids[i]};
        ind_indicator ind;
        memset(&ind, 0, sizeof ind);
        ind.id = (char *)ids[i];
        ind.name = (char *)name;
        ind.alias = alias;
        ind.alias_count = 1;
        ind.measure = title && contains_nocase(title, "andel (%)") ? IND_MEASURE_PERCENT : IND_MEASURE_NUMBER;
        ind.direction = IND_DIR_NEUTRAL;
        ind.periodicity = IND_PERIOD_YEAR;
        ind.by_gender = json_is_true(json_object_get(e, "by_gender"));
        ind.decimals = 1;
        ind.kf_scope = IND_KF_SCOPE_UNIT;
        ind.tolerance = NAN;
        ind.line = 0;
        st = ind_catalog_add(cat, &ind, err);
    }
    free(ids);
    return st;
}

/* ---- data ------------------------------------------------------------------- */

typedef struct {
    ind_dataset *ds;
    ind_strtab *str;
    const char *name;
    const json_doc *doc;
    ind_str file;
    const ind_kolada_meta *meta;
    const char *national;
    int no_paths;
    json_t *warned; /* ids already warned about */
    size_t added;
    ind_error *err;
} reader;

static ind_status nomem(reader *r)
{
    return ind_error_set(r->err, IND_ENOMEM, r->name, 0, 0, "out of memory");
}

static ind_str intern(reader *r, const char *s, size_t len)
{
    char small[256], *c = len <= sizeof small ? small : malloc(len);
    size_t n = c ? clean_controls(s, len, c) : 0;
    ind_str id = ind_strtab_intern(r->str, n ? c : s, n ? n : len);
    if (c != small)
        free(c);
    return c ? id : (ind_str)-1;
}

/* Warns once per id that the metadata lacks it. */
static void warn_unknown(reader *r, const char *what, const char *id)
{
    char key[300];
    snprintf(key, sizeof key, "%s:%s", what, id);
    if (json_object_get(r->warned, key))
        return;
    json_object_set_new(r->warned, key, json_true());
    ind_dataset_warn(r->ds, r->name, 0, 0,
                     "%s %s is not in the metadata; its id is used as the name", what, id);
}

/* The unit of a municipality id: its name when the metadata knows it. */
static ind_str municipality_unit(reader *r, const char *id)
{
    if (r->meta && json_object_size(r->meta->muni.entry) > 0) {
        char buf[1200];
        const char *name = display_name(json_object_get(r->meta->muni.entry, id), id, buf, sizeof buf);
        if (name)
            return intern(r, name, strlen(name));
        warn_unknown(r, "municipality", id);
    }
    return intern(r, id, strlen(id));
}

/* The indicator of a KPI id: the id itself when the catalogue knows it (the
 * dataset then names the series by the catalogue), else the KPI's name from
 * the metadata (kpi_name), else the id. */
static ind_str kpi_indicator(reader *r, const char *id)
{
    const ind_catalog *cat = ind_dataset_catalog(r->ds);
    if (cat && ind_catalog_lookup(cat, id, strlen(id)))
        return intern(r, id, strlen(id));
    if (r->meta && json_object_size(r->meta->kpi.entry) > 0) {
        if (json_object_get(r->meta->kpi.entry, id)) {
            char buf[1200];
            const char *name = kpi_name(r->meta, cat, id, buf, sizeof buf);
            return intern(r, name, strlen(name));
        }
        warn_unknown(r, "KPI", id);
    }
    return intern(r, id, strlen(id));
}

/* One value: gender letter, value (number or null), count, status. src is
 * the JSON path of the value (for obs.source); gpath and vpath name the
 * gender and the value in messages. */
static ind_status add_value(reader *r, ind_str unit, ind_str indicator, int year, const char *gtext,
                            size_t glen, json_t *value, json_int_t count, const char *status,
                            const json_t *gv, const json_t *elem, const json_t *parent, const char *src,
                            const char *gpath, const char *vpath)
{
    ind_gender g;
    char b1[40];
    if (pos_shared(elem)) /* an extract's true or null: its year's position */
        elem = parent;
    if (!gender_letter(gtext, glen, &g))
        return doc_fail(r->doc, r->err, gv ? gv : elem, parent,
                             "%s: unknown gender \"%s\" (Kolada uses T, K and M)", gpath,
                             shown(gtext, b1, sizeof b1));
    ind_obs o;
    memset(&o, 0, sizeof o);
    o.numerator = o.denominator = o.sd = NAN;
    o.period = ind_period_make(year, IND_PERIOD_YEAR, 0);
    o.file = r->file;
    size_t line = doc_line(r->doc, elem, parent);
    o.line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    if (json_is_null(value)) {
        o.value = NAN;
        o.missing = IND_MISSING_UNREPORTED;
        ind_missing m;
        if (status && status[0] && ind_missing_parse(status, strlen(status), &m) == 0 &&
            m != IND_MISSING_NONE)
            o.missing = m;
    } else if (json_is_number(value)) {
        o.value = json_number_value(value);
        o.missing = IND_MISSING_NONE;
        if (!ind_value_plausible(o.value)) {
            char b2[40];
            snprintf(b2, sizeof b2, "%g", o.value);
            doc_fail(r->doc, r->err, value, elem, ind_value_implausible_msg, b2);
            ind_error_prefix(r->err, vpath);
            return IND_EINPUT;
        }
    } else {
        char b2[40];
        return doc_fail(r->doc, r->err, value, elem, "%s: expected a number or null, found %s%s%s%s",
                             vpath, type_name(value), json_is_string(value) ? " \"" : "",
                             json_is_string(value) ? shown(json_string_value(value), b2, sizeof b2) : "",
                             json_is_string(value) ? "\"" : "");
    }
    char note[400];
    size_t nn = 0;
    note[0] = '\0';
    if (count > 1)
        nn = (size_t)snprintf(note, sizeof note, "count=%lld; unweighted mean of %lld members (Kolada group)",
                              (long long)count, (long long)count);
    else if (count != 1)
        nn = (size_t)snprintf(note, sizeof note, "count=%lld", (long long)count);
    if (status && status[0]) {
        char b2[200];
        snprintf(note + nn, sizeof note - nn, "%sstatus=%s", nn ? "; " : "", shown_raw(status, b2, sizeof b2));
    }
    if (note[0] && (o.note = intern(r, note, strlen(note))) == (ind_str)-1)
        return nomem(r);
    if (!r->no_paths) {
        char sbuf[1024];
        int sn = snprintf(sbuf, sizeof sbuf, "%s:%s", r->name, src);
        if ((o.source = intern(r, sbuf, sn < (int)sizeof sbuf ? (size_t)sn : sizeof sbuf - 1)) == (ind_str)-1)
            return nomem(r);
    }
    ind_status st = ind_dataset_add_ids(r->ds, unit, indicator, g, &o, r->err);
    if (st != IND_OK) {
        if (r->err)
            snprintf(r->err->file, sizeof r->err->file, "%s", r->name);
        return st;
    }
    r->added++;
    return IND_OK;
}

/* A required non-empty string field of a data object (no NUL inside). */
static ind_status string_field(reader *r, json_t *o, const char *key, const char *path,
                               const char **out)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || json_string_length(v) == 0 ||
        strlen(json_string_value(v)) != json_string_length(v))
        return doc_fail(r->doc, r->err, v, o,
                             "%s.%s: expected a non-empty string, found %s", path, key,
                             !v ? "nothing" : json_is_string(v) ? "an empty or NUL-holding string" : type_name(v));
    *out = json_string_value(v);
    return IND_OK;
}

/* {"kpi", "municipality"|"ou", "period", "values": [...]} */
static ind_status api_object(reader *r, json_t *o, const char *path, const json_t *parent)
{
    if (!json_is_object(o))
        return doc_fail(r->doc, r->err, o, parent,
                             "%s: expected a data object {\"kpi\", \"municipality\", \"period\", \"values\"}, found %s",
                             path, type_name(o));
    if (!json_object_get(o, "kpi") && json_object_get(o, "id") && json_object_get(o, "title"))
        return doc_fail(r->doc, r->err, o, parent,
                             "%s: this is a metadata object (id, title), not data; load the file as metadata",
                             path);
    ind_status st;
    const char *kpi, *unit_id;
    if ((st = string_field(r, o, "kpi", path, &kpi)) != IND_OK)
        return st;
    int is_ou = json_object_get(o, "ou") && !json_is_null(json_object_get(o, "ou"));
    if (!is_ou && !json_object_get(o, "municipality"))
        return doc_fail(r->doc, r->err, o, parent,
                             "%s: the object has neither \"municipality\" nor \"ou\"", path);
    if ((st = string_field(r, o, is_ou ? "ou" : "municipality", path, &unit_id)) != IND_OK)
        return st;
    json_t *pv = json_object_get(o, "period");
    int year;
    const char *why;
    if (!pv)
        return doc_fail(r->doc, r->err, o, parent, "%s: the object has no \"period\"", path);
    if (!read_year(pv, &year, &why)) {
        char b[48];
        if (json_is_string(pv)) {
            char q[40];
            snprintf(b, sizeof b, "\"%s\"", shown(json_string_value(pv), q, sizeof q));
        } else if (json_is_integer(pv)) {
            snprintf(b, sizeof b, "%lld", (long long)json_integer_value(pv));
        } else if (json_is_real(pv)) {
            snprintf(b, sizeof b, "%g", json_real_value(pv));
        } else {
            snprintf(b, sizeof b, "%s", type_name(pv));
        }
        return doc_fail(r->doc, r->err, pv, o, "%s.period: %s %s", path, b, why);
    }
    json_t *values = json_object_get(o, "values");
    if (!json_is_array(values))
        return doc_fail(r->doc, r->err, values, o,
                             "%s.values: expected an array of {\"gender\", \"value\"}, found %s", path,
                             values ? type_name(values) : "nothing");
    ind_str unit = is_ou ? intern(r, unit_id, strlen(unit_id)) : municipality_unit(r, unit_id);
    ind_str indicator = kpi_indicator(r, kpi);
    if (unit == (ind_str)-1 || indicator == (ind_str)-1)
        return nomem(r);
    size_t j;
    json_t *e;
    char vpath[600];
    json_array_foreach(values, j, e)
    {
        snprintf(vpath, sizeof vpath, "%s.values[%zu]", path, j);
        if (!json_is_object(e))
            return doc_fail(r->doc, r->err, e, values,
                                 "%s: expected {\"gender\", \"value\", \"count\", \"status\"}, found %s",
                                 vpath, type_name(e));
        json_t *g = json_object_get(e, "gender");
        if (!json_is_string(g))
            return doc_fail(r->doc, r->err, g, e,
                                 "%s.gender: expected \"T\", \"K\" or \"M\", found %s", vpath,
                                 g ? type_name(g) : "nothing");
        json_t *value = json_object_get(e, "value");
        if (!value)
            return doc_fail(r->doc, r->err, e, values,
                                 "%s: no \"value\" (write null for a missing value)", vpath);
        json_int_t count = 1;
        json_t *c = json_object_get(e, "count");
        if (c && !json_is_null(c)) {
            if (!json_is_integer(c) || json_integer_value(c) < 0)
                return doc_fail(r->doc, r->err, c, e,
                                     "%s.count: expected a whole number >= 0, found %s", vpath,
                                     json_is_integer(c) ? "a negative number" : type_name(c));
            count = json_integer_value(c);
        }
        const char *status = NULL;
        json_t *s = json_object_get(e, "status");
        if (s && !json_is_null(s)) {
            if (!json_is_string(s))
                return doc_fail(r->doc, r->err, s, e,
                                     "%s.status: expected a string, found %s", vpath, type_name(s));
            status = json_string_value(s);
        }
        char gpath[640], valpath[640];
        snprintf(gpath, sizeof gpath, "%s.gender", vpath);
        snprintf(valpath, sizeof valpath, "%s.value", vpath);
        if ((st = add_value(r, unit, indicator, year, json_string_value(g), json_string_length(g), value,
                            count, status, g, e, o, vpath, gpath, valpath)) != IND_OK)
            return st;
    }
    return IND_OK;
}

/* {year: {"T"|"K"|"M": value}} for one unit and KPI (the extract's shape). */
static ind_status extract_years(reader *r, ind_str unit, ind_str indicator, json_t *years,
                                const char *path, const json_t *parent)
{
    if (!json_is_object(years))
        return doc_fail(r->doc, r->err, years, parent,
                             "%s: expected {year: {\"T\"|\"K\"|\"M\": value}}, found %s", path,
                             type_name(years));
    const char *ykey;
    json_t *gs;
    char ypath[700], gpath[760];
    json_object_foreach(years, ykey, gs)
    {
        char b[40];
        int year;
        const char *why;
        snprintf(ypath, sizeof ypath, "%s.%s", path, shown(ykey, b, sizeof b));
        if (!year_text(ykey, strlen(ykey), &year, &why))
            return doc_fail(r->doc, r->err, gs, years, "%s: the period \"%s\" %s", ypath,
                                 shown(ykey, b, sizeof b), why);
        if (!json_is_object(gs))
            return doc_fail(r->doc, r->err, gs, years,
                                 "%s: expected {\"T\"|\"K\"|\"M\": value}, found %s", ypath, type_name(gs));
        const char *gkey;
        json_t *v;
        json_object_foreach(gs, gkey, v)
        {
            char gb[40];
            snprintf(gpath, sizeof gpath, "%s.%s", ypath, shown(gkey, gb, sizeof gb));
            ind_status st = add_value(r, unit, indicator, year, gkey, strlen(gkey), v, 1, NULL, NULL, v, gs,
                                      gpath, gpath, gpath);
            if (st != IND_OK)
                return st;
        }
    }
    return IND_OK;
}

/* {KPI: {year: {...}}} for one unit. */
static ind_status extract_kpis(reader *r, ind_str unit, json_t *kpis, const char *path, const json_t *parent)
{
    if (!json_is_object(kpis))
        return doc_fail(r->doc, r->err, kpis, parent,
                             "%s: expected {KPI id: {year: {...}}}, found %s", path, type_name(kpis));
    const char *kkey;
    json_t *years;
    char kpath[640];
    json_object_foreach(kpis, kkey, years)
    {
        char b[80];
        if (path[0])
            snprintf(kpath, sizeof kpath, "%s.%s", path, shown(kkey, b, sizeof b));
        else
            snprintf(kpath, sizeof kpath, "%s", shown(kkey, b, sizeof b));
        if (!kkey[0])
            return doc_fail(r->doc, r->err, years, kpis, "%s: an empty KPI id", path[0] ? path : "(top)");
        ind_str indicator = kpi_indicator(r, kkey);
        if (indicator == (ind_str)-1)
            return nomem(r);
        ind_status st = extract_years(r, unit, indicator, years, kpath, kpis);
        if (st != IND_OK)
            return st;
    }
    return IND_OK;
}

/* Depth of the first scalar below v (objects only): 0 when v is a scalar,
 * -1 when there is none. */
static int leaf_depth(json_t *v, int limit)
{
    if (!json_is_object(v))
        return json_is_array(v) ? 1 : 0;
    if (limit == 0)
        return -1;
    const char *k;
    json_t *c;
    json_object_foreach(v, k, c)
    {
        int d = leaf_depth(c, limit - 1);
        if (d >= 0)
            return d + 1;
    }
    return -1;
}

static ind_status extract(reader *r, json_t *root)
{
    const char *key;
    json_t *v;
    size_t strings = 0;
    json_object_foreach(root, key, v) strings += json_is_string(v);
    if (strings > 0 && strings == json_object_size(root))
        return doc_fail(r->doc, r->err, root, NULL,
                             "this maps codes to names (like Kommuner.txt): load it as municipality "
                             "metadata, not as data");
    int depth = leaf_depth(root, 6);
    if (depth < 0)
        return IND_OK; /* nothing but empty objects: no observations */
    if (depth == 3) {
        /* national: {KPI: {year: {gender: value}}} */
        const char *u = r->national && r->national[0] ? r->national : "Riket";
        ind_str unit = intern(r, u, strlen(u));
        if (unit == (ind_str)-1)
            return nomem(r);
        return extract_kpis(r, unit, root, "", NULL);
    }
    if (depth == 4) {
        /* municipal: {municipality: {KPI: {year: {gender: value}}}} */
        char upath[128];
        json_object_foreach(root, key, v)
        {
            shown(key, upath, sizeof upath);
            size_t len = strlen(key);
            const char *u = trim(key, &len);
            if (len == 0)
                return doc_fail(r->doc, r->err, v, root, "an empty municipality name at the top level");
            /* a municipality code the metadata knows becomes its name */
            ind_str unit = ind_kolada_meta_municipality_name(r->meta, key) ? municipality_unit(r, key)
                                                                        : intern(r, u, len);
            if (unit == (ind_str)-1)
                return nomem(r);
            ind_status st = extract_kpis(r, unit, v, upath, root);
            if (st != IND_OK)
                return st;
        }
        return IND_OK;
    }
    return doc_fail(r->doc, r->err, root, NULL,
                         "not a Kolada shape: expected {\"values\": [...]} (an API page), "
                         "{municipality: {KPI: {year: {\"T\": value}}}} or {KPI: {year: {\"T\": value}}}");
}

static ind_status api_list(reader *r, json_t *list, const char *prefix)
{
    size_t i;
    json_t *o;
    char path[64];
    json_array_foreach(list, i, o)
    {
        snprintf(path, sizeof path, "%s[%zu]", prefix, i);
        ind_status st = api_object(r, o, path, list);
        if (st != IND_OK)
            return st;
    }
    return IND_OK;
}

/* Data: one document -> observations (model and outputs in kolada.h). The
 * top level decides the shape: an array or {"values": [...]} is API data, an
 * object with kpi and period one data object, anything else an extract. */
ind_status ind_kolada_ingest_buffer(ind_dataset *ds, const char *name, const char *data,
                                    size_t size, const ind_kolada_options *opt, size_t *added,
                                    ind_error *err)
{
    if (added)
        *added = 0;
    if (!ds || (!data && size))
        return ind_error_set(err, IND_EUSAGE, name, 0, 0, "no dataset or no data");
    if (!name)
        name = "";
    reader r;
    memset(&r, 0, sizeof r);
    r.ds = ds;
    r.str = ind_dataset_strings(ds);
    r.name = name;
    r.err = err;
    r.meta = opt ? opt->meta : NULL;
    r.national = opt ? opt->national_unit : NULL;
    r.no_paths = opt ? opt->no_paths : 0;
    r.file = intern(&r, name, strlen(name));
    r.warned = json_object();
    if (r.file == (ind_str)-1 || !r.warned) {
        json_decref(r.warned);
        return nomem(&r);
    }
    json_t *root;
    json_doc doc;
    ind_status st = parse(name, data ? data : "", size, &root, &doc, err);
    r.doc = &doc;
    if (st != IND_OK) {
        json_decref(r.warned);
        return st;
    }
    json_t *values = json_object_get(root, "values");
    if (json_is_array(root)) {
        st = api_list(&r, root, "");
    } else if (json_object_get(root, "kpi") && json_object_get(root, "period")) {
        /* one data object on its own (its "values" are the genders) */
        st = api_object(&r, root, "(top)", NULL);
    } else if (json_is_array(values)) {
        st = api_list(&r, values, "values");
        json_t *count = json_object_get(root, "count");
        if (st == IND_OK && json_is_integer(count) &&
            (size_t)json_integer_value(count) != json_array_size(values))
            ind_dataset_warn(ds, name, 0, 0, "the page says count %lld but holds %zu objects",
                             (long long)json_integer_value(count), json_array_size(values));
    } else {
        st = extract(&r, root);
    }
    json_decref(root);
    doc_free(&doc);
    json_decref(r.warned);
    if (added)
        *added = r.added;
    return st;
}

ind_status ind_kolada_ingest_file(ind_dataset *ds, const char *path, const ind_kolada_options *opt,
                                  size_t *added, ind_error *err)
{
    char *data;
    size_t size;
    if (added)
        *added = 0;
    ind_status st = ind_file_slurp(path, &data, &size, err);
    if (st != IND_OK)
        return st;
    st = ind_kolada_ingest_buffer(ds, path, data, size, opt, added, err);
    ind_file_free(data, size);
    return st;
}
