/* extract_doc.c: the extractor's per-document state: emitting results into the current unit, and classifying lines. */
#include "extract_doc_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* growing the result arrays                                           */
/* ------------------------------------------------------------------ */

static int grow(xdoc *d, void **arr, size_t *cap, size_t n, size_t size, int **side)
{
    if (n < *cap)
        return 1;
    size_t nc = *cap ? *cap * 2 : 64;
    void *p = realloc(*arr, nc * size);
    if (!p) {
        d->oom = 1;
        return 0;
    }
    *arr = p;
    if (side) {
        int *q = realloc(*side, nc * sizeof *q);
        if (!q) {
            d->oom = 1;
            return 0;
        }
        *side = q;
    }
    *cap = nc;
    return 1;
}

/* Room for one more record at the end of *arr (n records, room for *cap of
 * size bytes), its unit noted in (*side)[n]; NULL when out of memory. The
 * caller counts it. */
static void *new_record(xdoc *d, void **arr, size_t n, size_t *cap, size_t size, int **side)
{
    if (d->oom || !grow(d, arr, cap, n, size, side))
        return NULL;
    (*side)[n] = x_unit_for_emit(d);
    return (char *)*arr + n * size;
}

ind_extract_obs *x_new_obs(xdoc *d, long line)
{
    ind_extract_result *r = d->res;
    ind_extract_obs *o = new_record(d, (void **)&r->obs, r->n_obs, &d->cap_obs, sizeof *o, &d->obs_unit);
    if (!o)
        return NULL;
    r->n_obs++;
    char *e = "";
    o->unit = o->indicator = o->period = o->gender = o->value = o->numerator = e;
    o->denominator = o->target = o->kf_target = o->missing = o->goal = o->note = e;
    o->periodicity = o->value_unit = e;
    o->line = line;
    return o;
}

ind_extract_activity *x_new_activity(xdoc *d, long line)
{
    ind_extract_result *r = d->res;
    ind_extract_activity *a =
        new_record(d, (void **)&r->activities, r->n_activities, &d->cap_acts, sizeof *a, &d->act_unit);
    if (!a)
        return NULL;
    r->n_activities++;
    a->name = a->start = a->end = a->unit = a->goal = "";
    a->line = line;
    return a;
}

ind_extract_goal *x_new_goal(xdoc *d, long line)
{
    ind_extract_result *r = d->res;
    ind_extract_goal *g = new_record(d, (void **)&r->goals, r->n_goals, &d->cap_goals, sizeof *g, &d->goal_unit);
    if (!g)
        return NULL;
    r->n_goals++;
    g->id = g->level = g->parent = g->unit = g->text = g->assessment = "";
    g->year = 0;
    g->line = line;
    return g;
}

void x_unread(xdoc *d, long line, const char *reason, const char *text, size_t n)
{
    ind_extract_result *r = d->res;
    if (d->oom || !grow(d, (void **)&r->unread, &d->cap_unread, r->n_unread, sizeof *r->unread, NULL))
        return;
    ind_extract_note *u = &r->unread[r->n_unread++];
    u->line = line;
    u->reason = (char *)reason;
    u->text = xt_clean(d->arena, text, n);
}

void x_warn(xdoc *d, long line, const char *kind, const char *fmt, ...)
{
    ind_extract_result *r = d->res;
    if (d->oom || !grow(d, (void **)&r->warnings, &d->cap_warn, r->n_warnings, sizeof *r->warnings, NULL))
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ind_extract_note *w = &r->warnings[r->n_warnings++];
    w->line = line;
    w->reason = (char *)kind;
    w->text = xa_strdup(d->arena, msg);
}

/* ------------------------------------------------------------------ */
/* units                                                               */
/* ------------------------------------------------------------------ */

void x_start_unit(xdoc *d, long line, const char *title)
{
    if (d->oom)
        return;
    if (d->n_units == d->cap_units) {
        size_t cap = d->cap_units ? d->cap_units * 2 : 8;
        xunit *u = realloc(d->units, cap * sizeof *u);
        if (!u) {
            d->oom = 1;
            return;
        }
        d->units = u;
        d->cap_units = cap;
    }
    xunit *x = &d->units[d->n_units];
    memset(x, 0, sizeof *x);
    x->line = line;
    x->title = title ? xa_strdup(d->arena, title) : NULL;
    x->first_goal = d->res->n_goals;
    d->cur_unit = (int)d->n_units;
    d->n_units++;
    d->goal = "";
}

int x_unit_for_emit(xdoc *d)
{
    if (d->cur_unit < 0)
        x_start_unit(d, 1, NULL);
    if (d->cur_unit < 0)
        return 0;
    d->units[d->cur_unit].content = 1;
    return d->cur_unit;
}

/* ------------------------------------------------------------------ */
/* lines                                                               */
/* ------------------------------------------------------------------ */

/* "Sid 6 (25)" */
static int page_of(const char *s, size_t n)
{
    if (n < 8 || memcmp(s, "Sid ", 4) != 0)
        return 0;
    size_t i = 4, a = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == a || i + 2 >= n || s[i] != ' ' || s[i + 1] != '(')
        return 0;
    i += 2;
    a = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > a && i + 1 == n && s[i] == ')';
}

void x_classify(xline *l)
{
    const char *s = l->raw;
    size_t n = l->len, a = 0, z = n, w;
    unsigned f = 0;
    int tab_lead = 0;
    while (a < n && ind_text_blank_at(s, n, a, &w)) {
        if (s[a] == '\t')
            tab_lead = 1;
        a += w;
    }
    while (z > a) {
        /* trailing blanks: step back over one blank character */
        size_t b = z - 1;
        while (b > a && ((unsigned char)s[b] & 0xC0) == 0x80)
            b--;
        if (ind_text_blank_at(s, n, b, &w) && b + w == z)
            z = b;
        else
            break;
    }
    l->t = s + a;
    l->tlen = z - a;
    if (n == 0)
        f |= XL_EMPTY;
    else if (l->tlen == 0)
        f |= XL_WS;
    if (n > 0 && z < n)
        f |= XL_TRAIL;
    if (a > 0 && l->tlen > 0)
        f |= XL_LEAD;
    if (tab_lead && l->tlen > 0)
        f |= XL_OUTLINE;
    if (l->tlen >= 5) {
        for (size_t i = 0; i + 5 <= l->tlen; i++)
            if (memcmp(l->t + i, ".....", 5) == 0) {
                f |= XL_DOTS;
                break;
            }
    }
    if (xt_teq(l, "Tjänsteutlåtande") || xt_teq(l, "start.stockholm") || page_of(l->t, l->tlen) ||
        (l->tlen <= 3 && xt_all_digits(l->t, l->tlen)))
        f |= XL_NOISE;
    l->flags = f;
}

/* ------------------------------------------------------------------ */
/* headings                                                            */
/* ------------------------------------------------------------------ */

static const char *const goal_prefix[4] = {"KF:s inriktningsmål:", "KF:s mål för verksamhetsområdet:",
                                           "Nämndmål:", "Enhetsmål:"};

int x_goal_kind(const xline *l)
{
    if (l->flags & (XL_OUTLINE | XL_DOTS))
        return -1;
    for (int k = 0; k < 4; k++)
        if (xt_tprefix(l, goal_prefix[k]))
            return k;
    return -1;
}

const char *x_goal_prefix(int kind)
{
    return kind >= 0 && kind < 4 ? goal_prefix[kind] : "";
}

int x_is_goal_heading(const xline *l)
{
    return x_goal_kind(l) >= 0;
}

int x_is_unit_marker(const xline *l)
{
    if (l->flags & (XL_OUTLINE | XL_DOTS))
        return 0;
    if (xt_teq(l, "Inledning") || xt_teq(l, "Sammanfattande analys"))
        return 1;
    /* "Verksamhetsplan 2023 för Kungsholmens hemtjänst" */
    return l->tlen > 26 && memcmp(l->t, "Verksamhetsplan ", 16) == 0 && xt_all_digits(l->t + 16, 4) &&
           memcmp(l->t + 20, " för ", 6) == 0;
}

int x_is_section_end(const xline *l)
{
    static const char *const ends[] = {"Förväntat resultat", "Beskrivning", "Arbetssätt", "Uppföljning",
                                       "Utveckling", "Redovisning av ekonomi", "Resursanvändning",
                                       "Övrigt", "Kvalitet", "Förslag till beslut", NULL};
    if (l->flags & XL_OUTLINE)
        return 0;
    for (int i = 0; ends[i]; i++)
        if (xt_teq(l, ends[i]))
            return 1;
    /* "Budget 2026" */
    return l->tlen == 11 && memcmp(l->t, "Budget ", 7) == 0 && xt_all_digits(l->t + 7, 4);
}

int x_is_prose_marker(const xline *l)
{
    return xt_teq(l, "Analys") || xt_teq(l, "Kommentar");
}

xtable_kind x_table_header(const xline *l)
{
    if (l->flags & (XL_OUTLINE | XL_DOTS))
        return XT_NONE;
    if (xt_tprefix(l, "Indikator Periodens"))
        return XT_VB;
    if (xt_tprefix(l, "Indikator Årsmål"))
        return XT_VP;
    if (xt_tprefix(l, "Aktivitet Startdatum Slutdatum"))
        return XT_ACT;
    return XT_NONE;
}
