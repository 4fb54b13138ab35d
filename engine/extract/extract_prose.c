#define _GNU_SOURCE
/* extract_prose.c: shares with their counts written in running text, read as observations. */
#include "extract_prose_internal.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* ratios in running text                                              */
/* ------------------------------------------------------------------ */

static size_t read_digits(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i;
}

/* "5% (1 av 22 granskade ärenden)": a share with its counts, written in a
 * sentence rather than a table (aktgranskning results). */
void x_prose_line(xdoc *d, size_t i)
{
    const xline *L = &d->lines[i];
    if (d->oom || L->tlen < 8 || !memchr(L->t, '%', L->tlen))
        return;
    /* a window: two lines before, the line, two after */
    size_t from = i, to = i + 1;
    for (int k = 0; k < 2 && from > 0; k++) {
        size_t j = from - 1;
        while (j > 0 && (d->lines[j].flags & (XL_EMPTY | XL_NOISE)))
            j--;
        const xline *P = &d->lines[j];
        /* a sentence does not reach back over a heading, a table or a full stop */
        if ((P->flags & (XL_EMPTY | XL_WS | XL_NOISE)) || x_is_goal_heading(P) || x_is_prose_marker(P) ||
            x_is_section_end(P) || x_is_unit_marker(P) || x_table_header(P) != XT_NONE ||
            (P->tlen > 0 && P->t[P->tlen - 1] == '.'))
            break;
        from = j;
    }
    for (int k = 0; k < 2 && to < d->n; k++) {
        size_t j = to;
        while (j < d->n && (d->lines[j].flags & (XL_EMPTY | XL_NOISE)))
            j++;
        if (j >= d->n)
            break;
        const xline *N = &d->lines[j];
        if ((N->flags & XL_WS) || x_is_goal_heading(N) || x_is_prose_marker(N) || x_is_section_end(N) ||
            x_is_unit_marker(N) || x_table_header(N) != XT_NONE)
            break;
        to = j + 1;
    }
    xbuf b;
    xb_init(&b);
    const xline *prev = NULL;
    size_t lo = 0, hi = 0;
    for (size_t j = from; j < to; j++) {
        const xline *l = &d->lines[j];
        if (l->flags & (XL_EMPTY | XL_WS | XL_NOISE))
            continue;
        xt_join(&b, prev, l, d->spaced);
        if (j == i) {
            hi = b.len;
            lo = hi >= l->tlen ? hi - l->tlen : 0;
        }
        prev = l;
    }
    if (b.oom) {
        d->oom = 1;
        xb_free(&b);
        return;
    }
    const char *s = xb_str(&b);
    size_t n = b.len;
    for (size_t p = lo; p < hi && p < n; p++) {
        if (s[p] < '0' || s[p] > '9' || (p > 0 && ((s[p - 1] >= '0' && s[p - 1] <= '9') ||
                                                   s[p - 1] == ',' || s[p - 1] == '.')))
            continue;
        size_t q = read_digits(s, n, p), vend;
        if (q < n && (s[q] == ',' || s[q] == '.') && q + 1 < n && s[q + 1] >= '0' && s[q + 1] <= '9')
            q = read_digits(s, n, q + 1);
        vend = q;
        size_t w;
        if (q < n && ind_text_blank_at(s, n, q, &w))
            q += w;
        if (q >= n || s[q] != '%')
            continue;
        q++;
        if (q < n && s[q] == ' ')
            q++;
        if (q >= n || s[q] != '(')
            continue;
        q++;
        if (q < n && s[q] == ' ')
            q++;
        size_t a0 = q, a1 = read_digits(s, n, q);
        if (a1 == a0 || a1 + 4 > n || memcmp(s + a1, " av ", 4) != 0)
            continue;
        size_t b0 = a1 + 4, b1 = read_digits(s, n, b0);
        if (b1 == b0)
            continue;
        size_t close = b1;
        while (close < n && s[close] != ')')
            close++;
        /* the sentence around it */
        size_t st = p;
        while (st > 0) {
            if (st >= 2 && s[st - 1] == ' ' && (s[st - 2] == '.' || s[st - 2] == '!' || s[st - 2] == '?') &&
                xt_starts_upper(s + st, n - st))
                break;
            st--;
        }
        size_t en = close < n ? close + 1 : n;
        while (en < n && !(s[en] == '.' && (en + 1 == n || s[en + 1] == ' ')))
            en++;
        if (en < n)
            en++;
        int year = 0;
        for (size_t y = st; y + 4 <= p; y++)
            if ((y == 0 || s[y - 1] == ' ') && (s[y] == '1' || s[y] == '2') && xt_all_digits(s + y, 4) &&
                (y + 4 == n || s[y + 4] < '0' || s[y + 4] > '9'))
                year = (s[y] - '0') * 1000 + (s[y + 1] - '0') * 100 + (s[y + 2] - '0') * 10 + (s[y + 3] - '0');
        if (year < 1990 || year > 2099) {
            x_unread(d, (long)i + 1, "a share with counts in running text, without a year", s + st, en - st);
            continue;
        }
        ind_extract_obs *o = x_new_obs(d, (long)i + 1);
        if (!o)
            break;
        o->indicator = xt_clean(d->arena, s + st, en - st);
        /* the sentence names the FREDA review: the catalogue's indicator, the sentence kept as note */
        if (memmem(s + st, en - st, "FREDA", 5)) {
            o->note = o->indicator;
            o->indicator = xa_strdup(d->arena, "Andel granskade ärenden där FREDA-kortfrågor ställts");
        }
        o->period = xa_printf(d->arena, "%d", year);
        o->gender = "T";
        char v[40];
        size_t vl = vend - p < sizeof v - 1 ? vend - p : sizeof v - 1;
        memcpy(v, s + p, vl);
        v[vl] = '\0';
        for (size_t k = 0; k < vl; k++)
            if (v[k] == ',')
                v[k] = '.';
        o->value = xa_strdup(d->arena, v);
        o->numerator = xa_strndup(d->arena, s + a0, a1 - a0);
        o->denominator = xa_strndup(d->arena, s + b0, b1 - b0);
        o->value_unit = "%";
        o->goal = (char *)d->goal;
        o->note = "read from running text, not from a table";
        x_warn(d, (long)i + 1, "prose-ratio", "a share with its counts (%s %% of %s/%s) read from running text",
               o->value, o->numerator, o->denominator);
        p = close;
    }
    xb_free(&b);
}
