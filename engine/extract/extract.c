#define _GNU_SOURCE
/* extract.c: the extractor's document pass: units, the goal hierarchy, unit names, and the public entry points. */
#include "extract_prose_internal.h"
#include "extract_table_internal.h"
#include "csvread.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* goals                                                               */
/* ------------------------------------------------------------------ */

static const char *const goal_level[4] = {"kf_inriktningsmal", "kf_verksamhetsmal", "namndmal",
                                          "enhetsmal"};

typedef struct {
    const char *kf, *kfv, *nm;  /* current ids per level in this unit */
    struct { const char *parent; int level; int n; } count[256];
    int ncount;
} xgoalstate;

static int next_count(xgoalstate *g, const char *parent, int level)
{
    for (int i = 0; i < g->ncount; i++)
        if (g->count[i].level == level && strcmp(g->count[i].parent, parent) == 0)
            return ++g->count[i].n;
    if (g->ncount < 256) {
        g->count[g->ncount].parent = parent;
        g->count[g->ncount].level = level;
        g->count[g->ncount].n = 1;
        g->ncount++;
    }
    return 1;
}

/* Splits "1.2.1.Alla barn ..." into id "1.2.1" and the text after it. */
static size_t goal_id(const char *s, size_t n, size_t *text_at)
{
    size_t i = 0, last = 0;
    *text_at = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        last = i;
        if (i < n && s[i] == '.' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
            i++;
        else
            break;
    }
    if (last == 0)
        return 0;
    size_t t = last;
    if (t < n && s[t] == '.')
        t++;
    while (t < n && s[t] == ' ')
        t++;
    *text_at = t;
    return last;
}

static size_t parse_goal(xdoc *d, size_t i, xgoalstate *gs)
{
    int kind = x_goal_kind(&d->lines[i]);
    const xline *L = &d->lines[i];
    size_t plen = strlen(x_goal_prefix(kind));
    xbuf b;
    xb_init(&b);
    xt_join_text(&b, L->t + plen, L->tlen - plen, 1, 0, d->spaced);
    /* the text continues on lines that start in lower case */
    size_t last = i;
    const xline *prev = L;
    for (int k = 0; k < 6; k++) {
        size_t j = last + 1;
        while (j < d->n && (d->lines[j].flags & (XL_EMPTY | XL_WS | XL_NOISE)) && j < last + 4)
            j++;
        if (j >= d->n)
            break;
        const xline *N = &d->lines[j];
        if ((N->flags & (XL_EMPTY | XL_WS | XL_NOISE | XL_OUTLINE)) || !xt_starts_lower(N->t, N->tlen) ||
            x_table_header(N) != XT_NONE)
            break;
        xt_join(&b, prev, N, d->spaced);
        prev = N;
        last = j;
    }
    size_t next = last + 1;
    /* "Uppfylls helt/delvis/inte" right after the heading */
    const char *assessment = "";
    {
        size_t j = last + 1;
        while (j < d->n && (d->lines[j].flags & (XL_EMPTY | XL_WS | XL_NOISE)) && j < last + 6)
            j++;
        if (j < d->n) {
            const xline *A = &d->lines[j];
            if (xt_teq(A, "Uppfylls helt"))
                assessment = "Uppfylls helt";
            else if (xt_teq(A, "Uppfylls delvis"))
                assessment = "Uppfylls delvis";
            else if (xt_teq(A, "Uppfylls inte"))
                assessment = "Uppfylls inte";
            if (assessment[0])
                next = j + 1;
        }
    }
    xt_clean_buf(&b);
    if (b.oom) {
        d->oom = 1;
        xb_free(&b);
        return next;
    }
    const char *s = xb_str(&b);
    size_t n = b.len, text_at;
    if (strstr(s, ".....")) { /* a table of contents entry */
        xb_free(&b);
        return next;
    }
    size_t idn = goal_id(s, n, &text_at);
    const char *printed = idn ? xa_strndup(d->arena, s, idn) : NULL;
    const char *text = xa_strndup(d->arena, s + text_at, n - text_at);
    xb_free(&b);

    x_unit_for_emit(d); /* a goal before any unit marker opens the first unit */
    const char *id = NULL, *parent = "";
    switch (kind) {
    case 0:
        id = printed ? printed : xa_printf(d->arena, "K%d", next_count(gs, "", 0));
        gs->kf = id;
        gs->kfv = gs->nm = NULL;
        break;
    case 1:
        parent = gs->kf ? gs->kf : "";
        if (!gs->kf && printed && strchr(printed, '.'))
            parent = xa_strndup(d->arena, printed, (size_t)(strrchr(printed, '.') - printed));
        id = printed ? printed : xa_printf(d->arena, "%s%sV%d", parent, parent[0] ? "." : "",
                                           next_count(gs, parent, 1));
        gs->kfv = id;
        gs->nm = NULL;
        break;
    case 2:
        parent = gs->kfv ? gs->kfv : gs->kf ? gs->kf : "";
        if (!gs->kfv && printed && strchr(printed, '.'))
            parent = xa_strndup(d->arena, printed, (size_t)(strrchr(printed, '.') - printed));
        id = printed ? printed : xa_printf(d->arena, "%s%sN%d", parent, parent[0] ? "." : "",
                                           next_count(gs, parent, 2));
        gs->nm = id;
        break;
    default:
        parent = gs->nm ? gs->nm : gs->kfv ? gs->kfv : gs->kf ? gs->kf : "";
        id = xa_printf(d->arena, "%s%sE%d", parent, parent[0] ? "." : "", next_count(gs, parent, 3));
        break;
    }
    ind_extract_goal *g = x_new_goal(d, (long)i + 1);
    if (!g)
        return next;
    g->id = (char *)id;
    g->level = (char *)goal_level[kind];
    g->parent = (char *)parent;
    g->text = (char *)text;
    g->assessment = (char *)assessment;
    d->goal = id;
    return next;
}

/* ------------------------------------------------------------------ */
/* the outline at the end of some exports                              */
/* ------------------------------------------------------------------ */

typedef struct {
    char *name;
    char **goals;
    size_t n, cap;
} xoutline;

typedef struct {
    xoutline *o;
    size_t n;
} xoutlines;

static void outline_line(xdoc *d, xoutlines *ol, const xline *l)
{
    if (xt_tprefix(l, "Verksamhetsplan (")) {
        xoutline *p = realloc(ol->o, (ol->n + 1) * sizeof *p);
        if (!p) {
            d->oom = 1;
            return;
        }
        ol->o = p;
        xoutline *x = &ol->o[ol->n++];
        memset(x, 0, sizeof *x);
        const char *s = l->t + 17;
        size_t n = l->tlen - 17;
        const char *close = memchr(s, ')', n);
        if (close)
            n = (size_t)(close - s);
        x->name = xt_clean(d->arena, s, n);
        return;
    }
    if (ol->n == 0 || !xt_tprefix(l, "Enhetsmål:"))
        return;
    xoutline *x = &ol->o[ol->n - 1];
    if (x->n == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 16;
        char **g = realloc(x->goals, cap * sizeof *g);
        if (!g) {
            d->oom = 1;
            return;
        }
        x->goals = g;
        x->cap = cap;
    }
    size_t pl = strlen("Enhetsmål:");
    x->goals[x->n++] = xt_clean(d->arena, l->t + pl, l->tlen - pl);
}

/* The outline may print names folded to ASCII and cut short
 * ("Omrade sysselsattning och sto"): find the full spelling in the text. */
static char *resolve_name(xdoc *d, const char *name)
{
    size_t nl = strlen(name);
    if (nl < 4)
        return xa_strdup(d->arena, name);
    char fname[256];
    size_t fl = ind_text_fold(name, nl, IND_TEXT_ASCII, fname, sizeof fname, NULL);
    char fb[1024];
    size_t map[1024];
    for (size_t i = 0; i < d->n && d->resolve_budget > 0; i++, d->resolve_budget--) {
        const xline *l = &d->lines[i];
        if (l->tlen < fl || (l->flags & XL_OUTLINE))
            continue;
        size_t n = ind_text_fold(l->t, l->tlen, IND_TEXT_ASCII, fb, sizeof fb, map);
        for (size_t p = 0; p + fl <= n; p++) {
            if ((p > 0 && fb[p - 1] != ' ') || memcmp(fb + p, fname, fl) != 0)
                continue;
            size_t e = p + fl;
            while (e < n && fb[e] != ' ' && fb[e] != ',' && fb[e] != '.')
                e++;
            return xt_clean(d->arena, l->t + map[p], map[e] - map[p]);
        }
    }
    return xa_strdup(d->arena, name);
}

/* ------------------------------------------------------------------ */
/* unit names                                                          */
/* ------------------------------------------------------------------ */

static size_t word_end(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != '.' && s[i] != ':' && s[i] != ';')
        i++;
    return i;
}

static int word_is(const char *s, size_t n, size_t i, const char *w)
{
    size_t l = strlen(w);
    return i + l <= n && memcmp(s + i, w, l) == 0 && (i + l == n || s[i + l] == ' ' || s[i + l] == ',' ||
                                                      s[i + l] == '.');
}

/* "Enheten för prevention och familjebehandling", "Område sysselsättning
 * och stöd", "Enheten för stöd och service i hemmet": head + word
 * [och word] [i word]; a genitive s before "uppdrag" is dropped. */
static char *name_phrase(xdoc *d, const char *s, size_t n, size_t at, size_t head)
{
    size_t i = at + head;
    size_t e = word_end(s, n, i);
    if (e == i)
        return NULL;
    i = e;
    if (i + 1 < n && s[i] == ' ' && word_is(s, n, i + 1, "och")) {
        size_t e2 = word_end(s, n, i + 5);
        if (e2 > i + 5)
            i = e2;
    }
    if (i + 1 < n && s[i] == ' ' && word_is(s, n, i + 1, "i")) {
        size_t e2 = word_end(s, n, i + 3);
        if (e2 > i + 3)
            i = e2;
    }
    size_t end = i;
    static const char *const poss[] = {"uppdrag", "ekonomi", "verksamhet", "medarbetare", "arbete", NULL};
    for (int k = 0; poss[k]; k++)
        if (i + 1 < n && word_is(s, n, i + 1, poss[k]) && s[i - 1] == 's')
            end = i - 1;
    return xt_clean(d->arena, s + at, end - at);
}

static char *intro_name(xdoc *d, const xunit *u, size_t stop)
{
    xbuf b;
    xb_init(&b);
    const xline *prev = NULL;
    size_t from = u->line > 0 ? (size_t)u->line - 1 : 0;
    for (size_t i = from; i < stop && i < from + 400 && i < d->n; i++) {
        const xline *l = &d->lines[i];
        if (l->flags & (XL_EMPTY | XL_WS | XL_NOISE | XL_OUTLINE))
            continue;
        xt_join(&b, prev, l, d->spaced);
        prev = l;
    }
    xt_clean_buf(&b);
    const char *s = xb_str(&b);
    size_t n = b.len;
    char *name = NULL;
    for (size_t p = 0; p < n && !name && !b.oom; p++) {
        if (p > 0 && s[p - 1] != ' ')
            continue;
        static const char enh[] = "Enheten för ", omr[] = "Område ";
        size_t le = sizeof enh - 1, lo = sizeof omr - 1;
        if (n - p > le && memcmp(s + p, enh, le) == 0) {
            name = name_phrase(d, s, n, p, le);
            continue;
        }
        if (n - p > lo && memcmp(s + p, omr, lo) == 0 && xt_starts_lower(s + p + lo, n - p - lo)) {
            name = name_phrase(d, s, n, p, lo);
            continue;
        }
        if (xt_starts_upper(s + p, n - p)) {
            size_t e = word_end(s, n, p);
            /* Familjeenheten, Vuxenenheten, Beställarenheten (not Medvetenheten) */
            if (e - p > 8 && memcmp(s + e - 7, "enheten", 7) == 0 && s[e - 8] != 't')
                name = xa_strndup(d->arena, s + p, e - p);
        }
    }
    if (b.oom)
        d->oom = 1;
    xb_free(&b);
    return name;
}

/* A committee's plan: "<district> stadsdelsnämnd" from the most frequent
 * hyphenated place name ("Hässelby-Vällingby", "Hässelby- Vällingby"). */
static char *committee_name(xdoc *d)
{
    struct { char s[64]; int n; } cand[32];
    int nc = 0;
    for (size_t i = 0; i < d->n; i++) {
        const xline *l = &d->lines[i];
        const char *s = l->t;
        size_t n = l->tlen;
        for (size_t p = 0; p < n; p++) {
            if ((p > 0 && s[p - 1] != ' ') || !xt_starts_upper(s + p, n - p))
                continue;
            size_t e = p;
            while (e < n && s[e] != ' ' && s[e] != '-' && s[e] != ',' && s[e] != '.')
                e++;
            if (e >= n || s[e] != '-' || e - p < 3)
                continue;
            size_t q = e + 1;
            if (q < n && s[q] == ' ')
                q++;
            if (!xt_starts_upper(s + q, n - q))
                continue;
            size_t e2 = q;
            while (e2 < n && s[e2] != ' ' && s[e2] != ',' && s[e2] != '.' && s[e2] != ':' && s[e2] != '-')
                e2++;
            if (e2 - q < 3)
                continue;
            char name[64];
            size_t l1 = e - p, l2 = e2 - q;
            if (l1 + l2 + 2 > sizeof name)
                continue;
            memcpy(name, s + p, l1);
            name[l1] = '-';
            memcpy(name + l1 + 1, s + q, l2);
            name[l1 + 1 + l2] = '\0';
            /* drop a genitive s: "Hässelby-Vällingbys" */
            int k;
            for (k = 0; k < nc; k++)
                if (strcmp(cand[k].s, name) == 0)
                    break;
            if (k == nc && nc < 32) {
                strcpy(cand[nc].s, name);
                cand[nc].n = 0;
                nc++;
            }
            if (k < nc)
                cand[k].n++;
        }
    }
    int best = -1;
    for (int k = 0; k < nc; k++)
        if (cand[k].n >= 2 && (best < 0 || cand[k].n > cand[best].n))
            best = k;
    if (best < 0)
        return xa_strdup(d->arena, "Stadsdelsnämnden");
    return xa_printf(d->arena, "%s stadsdelsnämnd", cand[best].s);
}

/* Goal texts are compared on their first 40 bytes. */
static size_t goal_key_len(const char *s)
{
    size_t n = strlen(s);
    return n > 40 ? 40 : n;
}

static unsigned key_hash(const char *s, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

typedef struct {
    int score;
    size_t u, o;
} xpair;

static int by_score(const void *a, const void *b)
{
    const xpair *p = a, *q = b;
    if (p->score != q->score)
        return p->score > q->score ? -1 : 1;
    if (p->u != q->u)
        return p->u < q->u ? -1 : 1;
    return p->o < q->o ? -1 : p->o > q->o;
}

/* Outline blocks go to the units sharing most enhetsmål texts with them,
 * strongest pairs first; block[u] = -1 when none. */
static void match_outline(xdoc *d, xoutlines *ol, const size_t *gs, const size_t *ge, int *block)
{
    ind_extract_result *r = d->res;
    size_t nu = d->n_units, no = ol->n, nk = 0;
    for (size_t u = 0; u < nu; u++)
        block[u] = -1;
    for (size_t o = 0; o < no; o++)
        nk += ol->o[o].n;
    if (nk == 0)
        return;
    size_t nb = 1;
    while (nb < 2 * nk)
        nb *= 2;
    size_t *head = malloc(nb * sizeof *head), *next = malloc(nk * sizeof *next);
    size_t *kblk = malloc(nk * sizeof *kblk);
    const char **ktxt = malloc(nk * sizeof *ktxt);
    size_t *seen = malloc(no * sizeof *seen), *cnt = calloc(no, sizeof *cnt), *touched = malloc(no * sizeof *touched);
    size_t np = 0, cap = 0;
    xpair *pairs = NULL;
    if (!head || !next || !kblk || !ktxt || !seen || !cnt || !touched) {
        d->oom = 1;
        goto done;
    }
    for (size_t b = 0; b < nb; b++)
        head[b] = (size_t)-1;
    size_t k = 0;
    for (size_t o = 0; o < no; o++)
        for (size_t q = 0; q < ol->o[o].n; q++, k++) {
            const char *t = ol->o[o].goals[q];
            unsigned h = key_hash(t, goal_key_len(t)) & (unsigned)(nb - 1);
            kblk[k] = o;
            ktxt[k] = t;
            next[k] = head[h];
            head[h] = k;
        }
    for (size_t o = 0; o < no; o++)
        seen[o] = (size_t)-1;
    size_t work = 0;
    for (size_t u = 0; u < nu && work < 4000000; u++) {
        size_t nt = 0;
        for (size_t g = gs[u]; g < ge[u]; g++) {
            const char *t = r->goals[g].text;
            size_t kl = goal_key_len(t);
            if (strcmp(r->goals[g].level, "enhetsmal") != 0 || kl < 12)
                continue;
            unsigned h = key_hash(t, kl) & (unsigned)(nb - 1);
            for (size_t e = head[h]; e != (size_t)-1 && work < 4000000; e = next[e], work++) {
                size_t o = kblk[e];
                if (seen[o] == g || goal_key_len(ktxt[e]) != kl || memcmp(ktxt[e], t, kl) != 0)
                    continue;
                seen[o] = g;
                if (cnt[o]++ == 0)
                    touched[nt++] = o;
            }
        }
        for (size_t q = 0; q < nt; q++) {
            size_t o = touched[q];
            if (np == cap) {
                size_t nc = cap ? cap * 2 : 64;
                xpair *p = nc <= 1000000 ? realloc(pairs, nc * sizeof *p) : NULL;
                if (!p) {
                    cnt[o] = 0;
                    continue;
                }
                pairs = p;
                cap = nc;
            }
            pairs[np].score = (int)cnt[o];
            pairs[np].u = u;
            pairs[np].o = o;
            np++;
            cnt[o] = 0;
        }
    }
    if (np > 1)
        qsort(pairs, np, sizeof *pairs, by_score);
    for (size_t q = 0; q < np; q++) {
        if (block[pairs[q].u] >= 0 || seen[pairs[q].o] == (size_t)-2)
            continue;
        block[pairs[q].u] = (int)pairs[q].o;
        seen[pairs[q].o] = (size_t)-2; /* taken */
    }
done:
    free(head);
    free(next);
    free(kblk);
    free(ktxt);
    free(seen);
    free(cnt);
    free(touched);
    free(pairs);
}

static void name_units(xdoc *d, xoutlines *ol)
{
    ind_extract_result *r = d->res;
    size_t nu = d->n_units;
    int any_enhetsmal = 0;
    size_t *gs = malloc((nu + 1) * sizeof *gs), *ge = malloc((nu + 1) * sizeof *ge);
    int *block = malloc((nu + 1) * sizeof *block);
    if (!gs || !ge || !block) {
        free(gs);
        free(ge);
        free(block);
        d->oom = 1;
        return;
    }
    for (size_t u = 0; u < nu; u++)
        gs[u] = ge[u] = 0;
    /* goals are appended in document order, so a unit's goals are one run */
    for (size_t g = r->n_goals; g-- > 0;) {
        size_t u = (size_t)d->goal_unit[g];
        if (ge[u] == 0)
            ge[u] = g + 1;
        gs[u] = g;
        if (strcmp(r->goals[g].level, "enhetsmal") == 0)
            any_enhetsmal = 1;
    }
    match_outline(d, ol, gs, ge, block);
    char *committee = NULL;
    for (size_t u = 0; u < nu && !d->oom; u++) {
        xunit *x = &d->units[u];
        if (x->title) {
            x->name = x->title;
            continue;
        }
        if (block[u] >= 0) {
            x->name = resolve_name(d, ol->o[block[u]].name);
            continue;
        }
        size_t stop = ge[u] > gs[u] ? (size_t)r->goals[gs[u]].line : d->n;
        x->name = intro_name(d, x, stop);
        if (!x->name && !any_enhetsmal) {
            if (!committee)
                committee = committee_name(d);
            x->name = committee;
        }
        if (!x->name) {
            x->name = xa_printf(d->arena, "Enhet %zu (namn saknas)", u + 1);
            x_warn(d, x->line, "unit-name", "no unit name found for unit %zu (starting at line %ld); "
                   "named \"%s\"", u + 1, x->line, x->name);
        }
    }
    free(gs);
    free(ge);
    free(block);
}

/* ------------------------------------------------------------------ */
/* the document pass                                                   */
/* ------------------------------------------------------------------ */

static void parse(xdoc *d)
{
    xgoalstate *gs = calloc(1, sizeof *gs);
    xoutlines ol = {NULL, 0};
    if (!gs) {
        d->oom = 1;
        return;
    }
    int in_toc = 0;
    size_t i = 0;
    while (i < d->n && !d->oom) {
        const xline *L = &d->lines[i];
        if (L->flags & XL_OUTLINE) {
            outline_line(d, &ol, L);
            i++;
            continue;
        }
        if (in_toc) {
            if (xt_teq(L, "Inledning") && !(L->flags & XL_DOTS))
                in_toc = 0;
            else {
                i++;
                continue;
            }
        }
        if (xt_teq(L, "Innehållsförteckning")) {
            in_toc = 1;
            i++;
            continue;
        }
        if (L->flags & (XL_DOTS | XL_NOISE | XL_EMPTY | XL_WS)) {
            i++;
            continue;
        }
        if (x_is_unit_marker(L)) {
            if (L->t[0] == 'V') {
                /* a title: "Verksamhetsplan 2023 för Serafens vård- och" + "omsorgsboende" */
                xbuf b;
                xb_init(&b);
                xt_join_text(&b, L->t + 26, L->tlen - 26, 1, 0, d->spaced);
                if (!d->vp_year)
                    d->vp_year = (L->t[16] - '0') * 1000 + (L->t[17] - '0') * 100 + (L->t[18] - '0') * 10 +
                                 (L->t[19] - '0');
                size_t j = i + 1;
                while (j < d->n && (d->lines[j].flags & (XL_EMPTY | XL_WS)) && j < i + 4)
                    j++;
                if (j < d->n && xt_starts_lower(d->lines[j].t, d->lines[j].tlen) &&
                    !(d->lines[j].flags & XL_NOISE)) {
                    xt_join(&b, L, &d->lines[j], d->spaced);
                    i = j;
                }
                xt_clean_buf(&b);
                if (b.oom)
                    d->oom = 1;
                x_start_unit(d, (long)(L - d->lines) + 1, xb_str(&b));
                xb_free(&b);
                memset(gs, 0, sizeof *gs);
            } else if (d->cur_unit < 0 || d->units[d->cur_unit].content) {
                x_start_unit(d, (long)i + 1, NULL);
                memset(gs, 0, sizeof *gs);
            }
            i++;
            continue;
        }
        if (x_is_goal_heading(L)) {
            i = parse_goal(d, i, gs);
            continue;
        }
        if (x_table_header(L) != XT_NONE) {
            x_unit_for_emit(d);
            i = x_table(d, i);
            continue;
        }
        x_prose_line(d, i);
        i++;
    }
    if (!d->oom) {
        x_table_finish(d);
        name_units(d, &ol);
    }
    for (size_t k = 0; k < ol.n; k++)
        free(ol.o[k].goals);
    free(ol.o);
    free(gs);
}

static void set_kind_and_year(xdoc *d)
{
    ind_extract_result *r = d->res;
    int vb = 0, vp = 0;
    for (size_t i = 0; i < d->n; i++) {
        xtable_kind k = x_table_header(&d->lines[i]);
        if (k == XT_VB || (k == XT_ACT && strstr(d->lines[i].t, "Avvikelse")))
            vb = 1;
        else if (k == XT_VP)
            vp = 1;
    }
    r->kind = vb ? IND_EXTRACT_VB : vp ? IND_EXTRACT_VP : IND_EXTRACT_UNKNOWN;
    if (!vb)
        r->year = d->vp_year;
    if (r->kind == IND_EXTRACT_VB) {
        /* the most frequent year among the rows' own periods */
        int years[64] = {0}, counts[64] = {0}, ny = 0;
        for (size_t i = 0; i < r->n_obs; i++) {
            const char *p = r->obs[i].period;
            if (strlen(p) < 4 || !xt_all_digits(p, 4) || !r->obs[i].target[0])
                continue;
            int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
            int k;
            for (k = 0; k < ny; k++)
                if (years[k] == y)
                    break;
            if (k == ny && ny < 64)
                years[ny++] = y;
            if (k < ny)
                counts[k]++;
        }
        int best = -1;
        for (int k = 0; k < ny; k++)
            if (best < 0 || counts[k] > counts[best])
                best = k;
        r->year = best >= 0 ? years[best] : 0;
    }
    for (size_t g = 0; g < r->n_goals; g++)
        r->goals[g].year = r->year;
}

/* warnings and unread fragments in document order (stable) */
static void sort_notes(xdoc *d, ind_extract_note *v, size_t n)
{
    if (n < 2)
        return;
    ind_extract_note *tmp = malloc(n * sizeof *tmp);
    if (!tmp) {
        d->oom = 1;
        return;
    }
    /* merge sort by line */
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = v[j].line < v[i].line ? v[j++] : v[i++];
            while (i < mid)
                tmp[k++] = v[i++];
            while (j < hi)
                tmp[k++] = v[j++];
        }
        memcpy(v, tmp, n * sizeof *v);
    }
    free(tmp);
}

static void finish_units(xdoc *d)
{
    ind_extract_result *r = d->res;
    r->units = calloc(d->n_units ? d->n_units : 1, sizeof *r->units);
    if (!r->units) {
        d->oom = 1;
        return;
    }
    for (size_t u = 0; u < d->n_units; u++)
        r->units[u] = d->units[u].name ? d->units[u].name : "";
    r->n_units = d->n_units;
    for (size_t i = 0; i < r->n_obs; i++)
        r->obs[i].unit = r->units[d->obs_unit[i]];
    for (size_t i = 0; i < r->n_goals; i++)
        r->goals[i].unit = r->units[d->goal_unit[i]];
    for (size_t i = 0; i < r->n_activities; i++)
        r->activities[i].unit = r->units[d->act_unit[i]];
}

/* ------------------------------------------------------------------ */
/* public entry points                                                 */
/* ------------------------------------------------------------------ */

const char *ind_extract_kind_name(ind_extract_kind kind)
{
    switch (kind) {
    case IND_EXTRACT_VP: return "VP";
    case IND_EXTRACT_VB: return "VB";
    default: return "unknown";
    }
}

void ind_extract_result_free(ind_extract_result *out)
{
    if (!out)
        return;
    free(out->units);
    free(out->obs);
    free(out->goals);
    free(out->activities);
    free(out->unread);
    free(out->warnings);
    if (out->priv) {
        xa_free(out->priv);
        free(out->priv);
    }
    memset(out, 0, sizeof *out);
}

static const char *base_name(const char *path)
{
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

ind_status ind_extract_buffer(const char *name, const char *data, size_t len, ind_extract_result *out,
                              ind_error *err)
{
    if (!out)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "no result record given");
    memset(out, 0, sizeof *out);
    if (!data && len)
        return ind_error_set(err, IND_EUSAGE, name, 0, 0, "no data given");
    xarena *arena = calloc(1, sizeof *arena);
    if (!arena)
        return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory");
    out->priv = arena;
    out->path = "";
    out->file = xa_strdup(arena, base_name(name ? name : "buffer"));

    /* a private copy, split into lines; NUL bytes become spaces */
    char *buf = xa_strndup(arena, data ? data : "", len);
    if (arena->oom) {
        ind_extract_result_free(out);
        return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\0')
            buf[i] = ' ';
    size_t start = 0;
    if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        start = 3;
    size_t nl = 1;
    for (size_t i = start; i < len; i++)
        if (buf[i] == '\n')
            nl++;
    xdoc d;
    memset(&d, 0, sizeof d);
    d.name = out->file;
    d.arena = arena;
    d.res = out;
    d.cur_unit = -1;
    d.goal = "";
    d.resolve_budget = 2000000;
    d.lines = calloc(nl, sizeof *d.lines);
    if (!d.lines) {
        ind_extract_result_free(out);
        return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory");
    }
    size_t n = 0, a = start;
    for (size_t i = start; i <= len; i++) {
        if (i == len || buf[i] == '\n') {
            if (i == len && a == len && n > 0)
                break; /* no empty last line after a final newline */
            size_t z = i;
            if (z > a && buf[z - 1] == '\r')
                z--;
            buf[z] = '\0';
            d.lines[n].raw = buf + a;
            d.lines[n].len = z - a;
            x_classify(&d.lines[n]);
            n++;
            a = i + 1;
        }
    }
    d.n = n;
    size_t nonempty = 0, trail = 0;
    for (size_t i = 0; i < n; i++) {
        if (d.lines[i].flags & (XL_EMPTY | XL_WS))
            continue;
        nonempty++;
        if (d.lines[i].flags & XL_TRAIL)
            trail++;
    }
    d.spaced = nonempty > 0 && trail * 10 >= nonempty * 9;
    d.cells_spaced = d.spaced;

    parse(&d);
    if (!d.oom)
        set_kind_and_year(&d);
    if (!d.oom)
        finish_units(&d);
    if (!d.oom) {
        sort_notes(&d, out->warnings, out->n_warnings);
        sort_notes(&d, out->unread, out->n_unread);
    }
    free(d.units);
    free(d.lines);
    free(d.obs_unit);
    free(d.goal_unit);
    free(d.act_unit);
    if (d.oom || arena->oom) {
        ind_extract_result_free(out);
        return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory while extracting");
    }
    return IND_OK;
}

ind_status ind_extract_file(const char *path, ind_extract_result *out, ind_error *err)
{
    if (!out)
        return ind_error_set(err, IND_EUSAGE, path, 0, 0, "no result record given");
    memset(out, 0, sizeof *out);
    if (!path)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "no file given");
    char *buf;
    size_t len;
    ind_status st = ind_file_slurp(path, &buf, &len, err);
    if (st != IND_OK)
        return st;
    if (len > ((size_t)1 << 30)) {
        ind_file_free(buf, len);
        return ind_error_set(err, IND_EINPUT, path, 0, 0, "the file is larger than 1 GiB");
    }
    st = ind_extract_buffer(path, buf, len, out, err);
    ind_file_free(buf, len);
    if (st == IND_OK)
        out->path = xa_strdup(out->priv, path);
    return st;
}
