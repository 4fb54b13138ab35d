/* extract_table.c: reading indicator and activity tables: cells from space runs, wrapped names, repeated headers. */
#include "extract_prose_internal.h"
#include "extract_table_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* tokens                                                              */
/* ------------------------------------------------------------------ */

#define MAXTOK 128
#define MAXCELL 24

typedef struct {
    const char *s;
    size_t n;
    int gap;     /* blanks before the token on its line (leading blanks for the first) */
    int bol;     /* first token on its line */
    size_t li;   /* line index */
} xtok;

/* Splits s[from..n) at ASCII blanks. A no-break space is part of a token
 * ("70 %" with U+00A0 stays one token) unless the token is made of blanks
 * only, which then counts as one more separator. */
static size_t tokenize(const char *s, size_t n, size_t from, size_t li, xtok *out, size_t max)
{
    size_t k = 0, i = from;
    int gap = 0, bol = 1;
    while (i < n && k < max) {
        if (s[i] == ' ' || s[i] == '\t') {
            gap++;
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '\t')
            j++;
        /* a token of no-break spaces only is a separator */
        size_t p = i, w;
        int all_blank = 1;
        while (p < j) {
            if (ind_text_blank_at(s, j, p, &w))
                p += w;
            else {
                all_blank = 0;
                break;
            }
        }
        if (all_blank) {
            gap++;
            i = j;
            continue;
        }
        out[k].s = s + i;
        out[k].n = j - i;
        out[k].gap = gap;
        out[k].bol = bol;
        out[k].li = li;
        k++;
        gap = 0;
        bol = 0;
        i = j;
    }
    return k;
}

static int atoi_n(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

static int teq(const xtok *t, const char *s)
{
    if (t->n == 0 || t->s[0] != s[0])
        return 0;
    size_t n = strlen(s);
    return t->n == n && memcmp(t->s, s, n) == 0;
}

/* ------------------------------------------------------------------ */
/* cells                                                               */
/* ------------------------------------------------------------------ */

enum { XC_NUM = 1, XC_TEXT, XC_MISS, XC_PER, XC_PCITY };

typedef struct {
    int type;
    char text[160];   /* normalised number, or text as written */
    char unit[40];    /* "%", "st", "kg CO2 per kg livsmedel", ... */
    char num[24], den[24];
    char extra[120];  /* text inside a parenthesis after a number */
    int empties;      /* empty cells before this one; -1 unknown */
    int year;         /* period year, or the value of a bare 4-digit number */
    int tertial;      /* period: 0 year, 1..3 tertial (3 = VB) */
    int tfan;         /* "Tas fram av nämnd/styrelse" (possibly cut short) */
    int truncated;    /* "Tas fram av" without "nämnd" */
    size_t li;        /* line index of the first token */
} xcell;

static void cpy(char *dst, size_t cap, const char *s, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = '\0';
}

static void cat(char *dst, size_t cap, const char *s, size_t n)
{
    size_t l = strlen(dst);
    if (l + 1 >= cap)
        return;
    if (n > cap - 1 - l)
        n = cap - 1 - l;
    memcpy(dst + l, s, n);
    dst[l + n] = '\0';
}

static void cat_tok(char *dst, size_t cap, const xtok *t)
{
    if (dst[0])
        cat(dst, cap, " ", 1);
    cat(dst, cap, t->s, t->n);
}

/* A number token: [+-]digits[.,digits][%], a no-break space allowed before
 * the "%". Writes the normalised number to out; *pct tells whether a "%"
 * was attached. */
static int num_tok(const char *s, size_t n, char *out, size_t cap, int *pct, int *ndig, int *has_dec)
{
    size_t i = 0, o = 0;
    *pct = 0;
    *ndig = 0;
    *has_dec = 0;
    if (cap < 2)
        return 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        if (s[i] == '-')
            out[o++] = '-';
        i++;
    }
    size_t d0 = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        if (o + 1 < cap)
            out[o++] = s[i];
        i++;
    }
    if (i == d0)
        return 0;
    *ndig = (int)(i - d0);
    if (i + 1 < n && (s[i] == ',' || s[i] == '.') && s[i + 1] >= '0' && s[i + 1] <= '9') {
        *has_dec = 1;
        if (o + 1 < cap)
            out[o++] = '.';
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (o + 1 < cap)
                out[o++] = s[i];
            i++;
        }
    }
    size_t w;
    while (i < n && ind_text_blank_at(s, n, i, &w))
        i += w;
    if (i < n && s[i] == '%') {
        *pct = 1;
        i++;
    }
    out[o] = '\0';
    return i == n;
}

static int is_pct_tok(const xtok *t)
{
    size_t i = 0, w;
    while (i < t->n && ind_text_blank_at(t->s, t->n, i, &w))
        i += w;
    return i + 1 == t->n && t->s[i] == '%';
}

static int year_tok(const xtok *t)
{
    if (t->n != 4)
        return 0;
    for (size_t i = 0; i < 4; i++)
        if (t->s[i] < '0' || t->s[i] > '9')
            return 0;
    int y = atoi_n(t->s, 4);
    return y >= 1990 && y <= 2099 ? y : 0;
}

static const char *const unit_words[] = {"st", "ton", "GWh", "MWh", "kWh", "kr", "tkr", "mnkr",
                                         "dagar", "timmar", NULL};
static const char *const dir_words[] = {"öka", "Öka", "ökar", "Ökar", "ökning", "Ökning",
                                        "minska", "Minska", "minskar", "Minskar", "minskning",
                                        "Minskning", NULL};
static const char *const pcity_words[] = {"År", "Tertial", "Månad", "Kvartal", "Halvår", "Läsår",
                                          "Termin", "Vecka", NULL};
static const char *const max_units[] = {"personer", "st", "%", "dagar", "timmar", "veckor",
                                        "månader", "ärenden", NULL};

static int in_list(const xtok *t, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (teq(t, list[i]))
            return 1;
    return 0;
}

/* "nämnd/styrelse" written in pieces: does the concatenation stay a prefix? */
static int namnd_prefix(const char *acc, const xtok *t)
{
    static const char full[] = "nämnd/styrelse";
    size_t a = strlen(acc);
    if (a + t->n > sizeof full - 1)
        return 0;
    return memcmp(full, acc, a) == 0 && memcmp(full + a, t->s, t->n) == 0;
}

/* Reads a parenthesis starting at token *pi ("(1", "av", "22", "ärenden)");
 * returns 1 and advances *pi past it, text inside in buf. */
static int paren(const xtok *t, size_t n, size_t *pi, char *buf, size_t cap)
{
    size_t i = *pi;
    if (i >= n || t[i].n == 0 || t[i].s[0] != '(')
        return 0;
    buf[0] = '\0';
    for (size_t k = i; k < n && k < i + 16; k++) {
        const char *s = t[k].s;
        size_t len = t[k].n;
        if (k == i) {
            s++;
            len--;
        }
        int close = len > 0 && s[len - 1] == ')';
        if (close)
            len--;
        if (buf[0] && len)
            cat(buf, cap, " ", 1);
        cat(buf, cap, s, len);
        if (close) {
            *pi = k + 1;
            return 1;
        }
    }
    return 0;
}

/* "1 av 22 granskade ärenden" */
static void freda(xcell *c)
{
    const char *s = c->extra;
    char a[24], b[24];
    size_t i = 0, k = 0;
    while (s[i] == ' ')
        i++;
    while (s[i] >= '0' && s[i] <= '9' && k + 1 < sizeof a)
        a[k++] = s[i++];
    a[k] = '\0';
    if (!k || strncmp(s + i, " av ", 4) != 0)
        return;
    i += 4;
    k = 0;
    while (s[i] >= '0' && s[i] <= '9' && k + 1 < sizeof b)
        b[k++] = s[i++];
    b[k] = '\0';
    if (!k)
        return;
    strcpy(c->num, a);
    strcpy(c->den, b);
}

/* The tokens t[0..n) being read, the next one at i. thousands: join
 * "1 300" into one number. */
typedef struct {
    const xtok *t;
    size_t n, i;
    int thousands;
} xlex;

/* A cell reader looks at the tokens from L->i on and either reads one cell
 * into x (LEX_OK, L->i advanced), leaves them to the next reader (LEX_NO),
 * or finds tokens that start a cell of its kind but cannot complete one
 * (LEX_FAIL: the row cannot be read this way). */
enum { LEX_FAIL = -1, LEX_NO = 0, LEX_OK = 1 };

typedef int (*cell_reader)(xlex *L, xcell *x);

/* Is s[0..n) a number token; *pct: with a "%". */
static int is_num(const char *s, size_t n, int *pct)
{
    char nb[40];
    int ndig, dec;
    return num_tok(s, n, nb, sizeof nb, pct, &ndig, &dec);
}

/* periods: "VB 2021", "T2 2021", "Tertial 2 2021"; periodicities: "År", "Tertial", ... */
static int lex_period(xlex *L, xcell *x)
{
    const xtok *t = L->t;
    size_t n = L->n, i = L->i;
    const xtok *a = &t[i];
    int yr;
    if ((teq(a, "VB") || teq(a, "T1") || teq(a, "T2") || teq(a, "T3")) && i + 1 < n &&
        (yr = year_tok(&t[i + 1]))) {
        x->type = XC_PER;
        x->year = yr;
        x->tertial = teq(a, "VB") ? 3 : a->s[1] - '0';
        cpy(x->text, sizeof x->text, a->s, a->n);
        cat_tok(x->text, sizeof x->text, &t[i + 1]);
        L->i = i + 2;
        return LEX_OK;
    }
    if (teq(a, "Tertial") && i + 2 < n && t[i + 1].n == 1 && t[i + 1].s[0] >= '1' && t[i + 1].s[0] <= '3' &&
        (yr = year_tok(&t[i + 2]))) {
        x->type = XC_PER;
        x->year = yr;
        x->tertial = t[i + 1].s[0] - '0';
        cpy(x->text, sizeof x->text, a->s, a->n);
        cat_tok(x->text, sizeof x->text, &t[i + 1]);
        cat_tok(x->text, sizeof x->text, &t[i + 2]);
        L->i = i + 3;
        return LEX_OK;
    }
    if (in_list(a, pcity_words)) {
        x->type = XC_PCITY;
        cpy(x->text, sizeof x->text, a->s, a->n);
        L->i = i + 1;
        return LEX_OK;
    }
    return LEX_NO;
}

/* "Tas fram av nämnd/styrelse", possibly in pieces or cut short */
static int lex_tas_fram(xlex *L, xcell *x)
{
    const xtok *t = L->t;
    size_t n = L->n, i = L->i;
    if (!teq(&t[i], "Tas"))
        return LEX_NO;
    if (i + 1 >= n || !teq(&t[i + 1], "fram"))
        return LEX_FAIL;
    x->type = XC_TEXT;
    x->tfan = 1;
    strcpy(x->text, "Tas fram");
    i += 2;
    x->truncated = 1;
    if (i < n && teq(&t[i], "av")) {
        strcat(x->text, " av");
        i++;
        char acc[40] = "";
        while (i < n && namnd_prefix(acc, &t[i])) {
            cat(acc, sizeof acc, t[i].s, t[i].n);
            i++;
        }
        if (acc[0]) {
            strcat(x->text, " ");
            cat(x->text, sizeof x->text, acc, strlen(acc));
            x->truncated = 0;
        }
    }
    L->i = i;
    return LEX_OK;
}

/* "Se text nedan", "Öka (jämfört med 2020)", "Max 5 %", "min 10 personer", "±1 %" */
static int lex_words(xlex *L, xcell *x)
{
    const xtok *t = L->t;
    size_t n = L->n, i = L->i;
    const xtok *a = &t[i];
    int pct;
    if (teq(a, "Se") && i + 2 < n && teq(&t[i + 1], "text") && teq(&t[i + 2], "nedan")) {
        x->type = XC_TEXT;
        strcpy(x->text, "Se text nedan");
        L->i = i + 3;
        return LEX_OK;
    }
    if (in_list(a, dir_words)) {
        x->type = XC_TEXT;
        cpy(x->text, sizeof x->text, a->s, a->n);
        i++;
        char pb[120];
        if (paren(t, n, &i, pb, sizeof pb)) {
            cat(x->text, sizeof x->text, " (", 2);
            cat(x->text, sizeof x->text, pb, strlen(pb));
            cat(x->text, sizeof x->text, ")", 1);
        }
        L->i = i;
        return LEX_OK;
    }
    if (teq(a, "Max") || teq(a, "Min") || teq(a, "max") || teq(a, "min")) {
        if (i + 1 >= n || !is_num(t[i + 1].s, t[i + 1].n, &pct))
            return LEX_FAIL;
        x->type = XC_TEXT;
        cpy(x->text, sizeof x->text, a->s, a->n);
        cat_tok(x->text, sizeof x->text, &t[i + 1]);
        i += 2;
        if (i < n && !pct && in_list(&t[i], max_units)) {
            cat_tok(x->text, sizeof x->text, &t[i]);
            i++;
        }
        L->i = i;
        return LEX_OK;
    }
    /* bands: "+/-1 %", "+/- 1 %", "±1 %" */
    if (!((a->n >= 3 && memcmp(a->s, "+/-", 3) == 0) ||
          (a->n >= 2 && (unsigned char)a->s[0] == 0xC2 && (unsigned char)a->s[1] == 0xB1)))
        return LEX_NO;
    size_t skip = a->s[0] == '+' ? 3 : 2;
    x->type = XC_TEXT;
    cpy(x->text, sizeof x->text, a->s, a->n);
    i++;
    if (a->n == skip) {
        if (i >= n || !is_num(t[i].s, t[i].n, &pct))
            return LEX_FAIL;
        cat_tok(x->text, sizeof x->text, &t[i]);
        i++;
    } else if (!is_num(a->s + skip, a->n - skip, &pct)) {
        return LEX_FAIL;
    }
    if (!pct && i < n && is_pct_tok(&t[i])) {
        cat(x->text, sizeof x->text, " %", 2);
        i++;
    }
    L->i = i;
    return LEX_OK;
}

/* a missing value: "-", "..", ".", "–" */
static int lex_missing(xlex *L, xcell *x)
{
    const xtok *a = &L->t[L->i];
    if (!(teq(a, "-") || teq(a, "..") || teq(a, ".") || teq(a, "–")))
        return LEX_NO;
    x->type = XC_MISS;
    cpy(x->text, sizeof x->text, a->s, a->n);
    L->i++;
    return LEX_OK;
}

/* "1 300", "11 500": groups of three digits after one space joined to the
 * number in x->text (thousands separators); *pct and *dec follow the last
 * group read. */
static size_t thousands_groups(const xtok *t, size_t n, size_t i, xcell *x, int *pct, int *dec, int ndig)
{
    while (!*pct && !*dec && ndig <= 3 && i < n && !t[i].bol && t[i].gap == 1 && t[i].n >= 3 &&
           t[i].s[0] >= '0' && t[i].s[0] <= '9') {
        char nb2[40];
        int pct2, ndig2, dec2;
        /* shares never need a thousands separator: "100 100 %" is two cells */
        if (!num_tok(t[i].s, t[i].n, nb2, sizeof nb2, &pct2, &ndig2, &dec2) || ndig2 != 3 || nb2[0] == '-' ||
            pct2 || (i + 1 < n && is_pct_tok(&t[i + 1])))
            break;
        cat(x->text, sizeof x->text, nb2, strlen(nb2));
        *pct = pct2;
        *dec = dec2;
        i++;
        if (*pct || *dec)
            break;
        ndig = 3;
    }
    return i;
}

/* a number, its thousands groups, a unit ("%", "st", "kg CO2 per kg
 * livsmedel") and a parenthesis ("(1 av 22 granskade ärenden)") */
static int lex_number(xlex *L, xcell *x)
{
    const xtok *t = L->t;
    size_t n = L->n, i = L->i;
    const xtok *a = &t[i];
    char nb[40];
    int pct, ndig, dec, yr;
    if (!num_tok(a->s, a->n, nb, sizeof nb, &pct, &ndig, &dec))
        return LEX_NO;
    x->type = XC_NUM;
    cpy(x->text, sizeof x->text, nb, strlen(nb));
    i++;
    if (L->thousands)
        i = thousands_groups(t, n, i, x, &pct, &dec, ndig);
    if (pct) {
        strcpy(x->unit, "%");
    } else if (i < n && is_pct_tok(&t[i])) {
        strcpy(x->unit, "%");
        i++;
    } else if (i < n && in_list(&t[i], unit_words)) {
        cpy(x->unit, sizeof x->unit, t[i].s, t[i].n);
        i++;
    } else if (i + 3 < n && teq(&t[i], "kg") && teq(&t[i + 1], "CO2") && teq(&t[i + 2], "per") &&
               teq(&t[i + 3], "kg")) {
        strcpy(x->unit, "kg CO2 per kg");
        i += 4;
        if (i < n && teq(&t[i], "livsmedel")) {
            strcat(x->unit, " livsmedel");
            i++;
        }
    }
    if (paren(t, n, &i, x->extra, sizeof x->extra))
        freda(x);
    if (!x->unit[0] && !x->extra[0] && a->n == 4 && (yr = year_tok(a)))
        x->year = yr;
    L->i = i;
    return LEX_OK;
}

/* Lexes tokens t[0..n) into at most maxc cells, each by the first reader
 * that takes its tokens. thousands: join "1 300" into one number. Returns 1
 * when every token was read (*nc cells), 0 otherwise. */
static int lex(const xtok *t, size_t n, int thousands, xcell *c, int maxc, int *nc)
{
    static const cell_reader readers[] = {lex_period, lex_tas_fram, lex_words, lex_missing,
                                          lex_number};
    xlex L = {t, n, 0, thousands};
    int k = 0;
    while (L.i < n) {
        size_t i = L.i;
        if (k >= maxc)
            return 0;
        xcell *x = &c[k];
        memset(x, 0, sizeof *x);
        x->li = t[i].li;
        if (i == 0)
            x->empties = t[i].bol ? t[i].gap : t[i].gap - 1;
        else
            x->empties = t[i].bol ? -1 : t[i].gap - 1;
        if (x->empties < -1)
            x->empties = -1;
        int r = LEX_NO;
        for (size_t q = 0; q < sizeof readers / sizeof readers[0] && r == LEX_NO; q++)
            r = readers[q](&L, x);
        if (r != LEX_OK)
            return 0;
        k++;
    }
    *nc = k;
    return 1;
}

/* ------------------------------------------------------------------ */
/* columns                                                             */
/* ------------------------------------------------------------------ */

static int cell_ok(xtable_kind kind, int col, const xcell *c)
{
    if (kind == XT_VB) {
        if (col <= 3)
            return c->type == XC_NUM || c->type == XC_MISS;
        if (col == 4)
            return c->type == XC_NUM || c->type == XC_MISS || (c->type == XC_TEXT && !c->tfan);
        if (col == 5)
            return c->type == XC_NUM || c->type == XC_MISS || c->type == XC_TEXT;
        return c->type == XC_PER || (c->type == XC_NUM && c->year);
    }
    if (col == 0)
        return c->type == XC_NUM || c->type == XC_MISS || (c->type == XC_TEXT && !c->tfan);
    if (col == 1)
        return c->type == XC_NUM || c->type == XC_MISS || c->type == XC_TEXT;
    return c->type == XC_PCITY;
}

typedef struct {
    int slot[8];   /* cell index per column, -1 = empty */
    int nvalid;
} xassign;

/* Places nc cells into ncols columns. Known empties come from space runs;
 * unknown ones (line breaks, or every gap in a compact export) are
 * distributed over all ways that respect the cell types. When several ways
 * fit, the one with empty cells as late as possible wins (a lone number in
 * a VP row is the unit's own Årsmål) and nvalid tells how many fitted. */
static int assign(const xcell *c, int nc, xtable_kind kind, int compact, xassign *out)
{
    int ncols = kind == XT_VB ? 7 : 3;
    int emp[MAXCELL];
    int unk[MAXCELL], nu = 0, known = 0;
    if (nc < 1 || nc > ncols || nc > MAXCELL)
        return 0;
    for (int i = 0; i < nc; i++) {
        emp[i] = compact ? -1 : c[i].empties;
        if (emp[i] < 0) {
            unk[nu++] = i;
            emp[i] = 0;
        } else {
            known += emp[i];
        }
    }
    int d = ncols - nc - known;
    if (d < 0 || (d > 0 && nu == 0))
        return 0;
    /* enumerate compositions of d into nu parts */
    int part[MAXCELL];
    memset(part, 0, sizeof part);
    if (nu > 0)
        part[nu - 1] = d;
    int best_score = -1;
    out->nvalid = 0;
    for (;;) {
        int e[MAXCELL];
        for (int i = 0; i < nc; i++)
            e[i] = emp[i];
        for (int u = 0; u < nu; u++)
            e[unk[u]] += part[u];
        int col = 0, ok = 1, score = 0, slot[8];
        for (int q = 0; q < 8; q++)
            slot[q] = -1;
        for (int i = 0; i < nc && ok; i++) {
            col += e[i];
            score += e[i] * i;
            if (col >= ncols || !cell_ok(kind, col, &c[i]))
                ok = 0;
            else
                slot[col] = i;
            col++;
        }
        if (ok && col == ncols) {
            out->nvalid++;
            if (score > best_score) {
                best_score = score;
                memcpy(out->slot, slot, sizeof slot);
            }
        }
        /* next composition (parts sum to d), in any order */
        if (nu <= 1)
            break;
        int j = nu - 1;
        /* move one unit from the last non-zero part (excluding part 0) to its left */
        int moved = 0;
        for (j = nu - 1; j > 0; j--) {
            if (part[j] > 0) {
                part[j - 1]++;
                int rest = 0;
                for (int q = j; q < nu; q++) {
                    rest += part[q];
                    part[q] = 0;
                }
                part[nu - 1] = rest - 1;
                moved = 1;
                break;
            }
        }
        if (!moved)
            break;
    }
    return out->nvalid > 0;
}

/* ------------------------------------------------------------------ */
/* headers and region ends                                             */
/* ------------------------------------------------------------------ */

static int header_end_word(const xline *l)
{
    static const char *const ends[] = {"Period", "Periodicitet", "Slutdatum", "Avvikelse", NULL};
    for (int i = 0; ends[i]; i++) {
        size_t n = strlen(ends[i]);
        if (l->tlen >= n && memcmp(l->t + l->tlen - n, ends[i], n) == 0 &&
            (l->tlen == n || l->t[l->tlen - n - 1] == ' '))
            return 1;
    }
    return 0;
}

typedef struct {
    int prev_year;     /* "Periodens utfall VB 2020" */
    int prev_tertial;
    int year;          /* "KF:s årsmål år 2026" */
} xheader;

static int find_year(const char *s, size_t n, const char *after)
{
    size_t a = strlen(after);
    for (size_t i = 0; i + a + 4 <= n; i++) {
        if (memcmp(s + i, after, a) != 0)
            continue;
        const char *p = s + i + a;
        if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
            p[2] <= '9' && p[3] >= '0' && p[3] <= '9')
            return atoi_n(p, 4);
    }
    return 0;
}

/* Consumes a header block starting at h; returns the first line after it. */
static size_t header_block(xdoc *d, size_t h, xheader *hd)
{
    xbuf b;
    xb_init(&b);
    size_t i = h, last = h;
    for (int k = 0; i < d->n && k < 30; i++, k++) {
        const xline *l = &d->lines[i];
        if (i > h && (l->flags & (XL_EMPTY | XL_WS | XL_NOISE)))
            continue;
        if (i > h && (x_table_header(l) != XT_NONE || x_is_goal_heading(l)))
            break;
        xb_putc(&b, ' ');
        xb_putn(&b, l->t, l->tlen);
        last = i;
        if (header_end_word(l))
            break;
        if (i > h && l->tlen > 40)
            break; /* not a header word line */
    }
    if (!header_end_word(&d->lines[last]))
        last = h; /* a lone header line */
    const char *s = xb_str(&b);
    size_t n = strlen(s);
    memset(hd, 0, sizeof *hd);
    int y;
    if ((y = find_year(s, n, "utfall VB ")) != 0) {
        hd->prev_year = y;
        hd->prev_tertial = 3;
    } else if ((y = find_year(s, n, "utfall T1 ")) != 0 || (y = find_year(s, n, "utfall T2 ")) != 0 ||
               (y = find_year(s, n, "utfall T3 ")) != 0) {
        hd->prev_year = y;
    } else if ((y = find_year(s, n, "Periodens utfall ")) != 0) {
        hd->prev_year = y;
    }
    hd->year = find_year(s, n, "år ");
    if (b.oom)
        d->oom = 1;
    xb_free(&b);
    return last + 1;
}

static int region_end(const xline *l, xtable_kind kind)
{
    if (l->flags & XL_OUTLINE)
        return 1;
    if (x_is_goal_heading(l) || x_is_unit_marker(l) || x_is_section_end(l))
        return 1;
    xtable_kind k = x_table_header(l);
    if (k != XT_NONE && k != kind)
        return 1;
    if (xt_teq(l, "Innehållsförteckning"))
        return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* rows                                                                */
/* ------------------------------------------------------------------ */

typedef struct {
    xbuf name;
    size_t first;       /* line index of the first name line */
    size_t end;         /* last line index of the row */
    const xline *last_name_line;
    xcell col[8];
    int has[8];
    int nvalid;
    int thousands_amb;
    char start[16], endd[16], dev[120];
} xrow;

typedef struct {
    size_t prefix;      /* bytes of the raw line before the values */
    int thousands_amb;  /* also readable without joining "1 300" */
    size_t end;         /* last line used */
    xcell cells[MAXCELL];
    int nc;
    xassign as;
} xtry;

static int stops_values(const xline *l)
{
    return (l->flags & (XL_WS | XL_OUTLINE)) || x_table_header(l) != XT_NONE || x_is_goal_heading(l) ||
           x_is_unit_marker(l) || x_is_section_end(l) || x_is_prose_marker(l);
}

static int may_start(const xtok *t)
{
    unsigned char c = (unsigned char)t->s[0];
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == 0xC2)
        return 1;
    static const char *const w[] = {"Tas", "Max", "Min", "max", "min", "VB", "T1", "T2", "T3",
                                    "Se", "..", ".", "–", NULL};
    return in_list(t, w) || in_list(t, dir_words) || in_list(t, pcity_words);
}

static int complete(const xcell *c, int nc, xtable_kind kind)
{
    if (nc == 0)
        return 0;
    if (kind == XT_VP)
        return c[nc - 1].type == XC_PCITY;
    return c[nc - 1].type == XC_PER || (c[nc - 1].type == XC_NUM && c[nc - 1].year);
}

/* Tries to read the values of an indicator row starting on line i. */
static int try_values(xdoc *d, size_t i, size_t lim, xtable_kind kind, xtry *r)
{
    xtok line_tok[MAXTOK];
    xtok tok[MAXTOK];
    size_t found_k = 0;
    const xline *L = &d->lines[i];
    size_t nt = tokenize(L->raw, L->len, 0, i, line_tok, MAXTOK);
    int compact = !d->cells_spaced;
    if (nt == MAXTOK)
        return 0; /* running text, not a table row */
    char merged[8][64]; /* tokens joined across a broken line end */
    for (size_t k = 0; k < nt; k++) {
        /* a row's values are a few cells of a few words each */
        if (nt - k > 48 || !may_start(&line_tok[k]))
            continue;
        size_t n = 0, nmerged = 0;
        for (size_t q = k; q < nt && n < MAXTOK; q++)
            tok[n++] = line_tok[q];
        /* gap of the first value token: after the name prefix, or leading */
        if (k > 0)
            tok[0].bol = 0;
        const xline *prev = L;
        size_t j = i;
        for (int lines = 0; lines < 12; lines++) {
            int nc = 0, ncols = kind == XT_VB ? 7 : 3;
            int ok = lex(tok, n, 1, r->cells, ncols, &nc);
            if (!ok)
                break;
            if (complete(r->cells, nc, kind)) {
                if (assign(r->cells, nc, kind, compact, &r->as)) {
                    r->nc = nc;
                    found_k = k;
                    /* the same tokens without thousands groups: a second reading? */
                    xcell alt[8];
                    xassign as2;
                    int nc3 = 0;
                    r->thousands_amb = lex(tok, n, 0, alt, ncols, &nc3) && nc3 != nc &&
                                       complete(alt, nc3, kind) && assign(alt, nc3, kind, compact, &as2);
                    goto found;
                }
                int nc2 = 0;
                if (lex(tok, n, 0, r->cells, ncols, &nc2) && complete(r->cells, nc2, kind) &&
                    assign(r->cells, nc2, kind, compact, &r->as)) {
                    r->nc = nc2;
                    r->thousands_amb = 0;
                    found_k = k;
                    goto found;
                }
            }
            /* more lines can only add cells: give up once there are too many */
            if (nc >= ncols)
                break;
            /* need more: the next non-empty line */
            size_t jj = j + 1;
            while (jj < lim && (d->lines[jj].flags & (XL_EMPTY | XL_NOISE)))
                jj++;
            if (jj >= lim || stops_values(&d->lines[jj]))
                break;
            const xline *N = &d->lines[jj];
            xtok more[49];
            size_t nm = tokenize(N->raw, N->len, 0, jj, more, 49);
            if (nm == 0 || nm == 49)
                break; /* a values line holds a few cells only */
            size_t q0 = 0;
            if (d->spaced && !(prev->flags & XL_TRAIL) && !(N->flags & XL_LEAD) && n > 0) {
                /* the export broke a word here: "nämnd/s" + "tyrelse" */
                if (nmerged == 8)
                    break;
                xtok *lt = &tok[n - 1];
                char *m = merged[nmerged++];
                cpy(m, 64, lt->s, lt->n);
                cat(m, 64, more[0].s, more[0].n);
                lt->s = m;
                lt->n = strlen(m);
                q0 = 1;
            }
            for (size_t q = q0; q < nm && n < MAXTOK; q++)
                tok[n++] = more[q];
            prev = N;
            j = jj;
        }
    }
    return 0;
found:
    r->end = i;
    /* the prefix ends where the first value token starts */
    r->prefix = (size_t)(line_tok[found_k].s - L->raw);
    /* the last line used may hold more than the period: rows end there */
    for (int c = 0; c < r->nc; c++)
        if (r->cells[c].li > r->end)
            r->end = r->cells[c].li;
    return 1;
}

static int is_date(const char *s, size_t n)
{
    if (n != 10)
        return 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return 1;
}

/* An activity row ends on a line holding "YYYY-MM-DD YYYY-MM-DD". */
static int try_dates(xdoc *d, size_t i, xrow *row, size_t *prefix)
{
    const xline *L = &d->lines[i];
    xtok t[MAXTOK];
    size_t nt = tokenize(L->raw, L->len, 0, i, t, MAXTOK);
    for (size_t k = 0; k + 1 < nt; k++) {
        if (is_date(t[k].s, t[k].n) && is_date(t[k + 1].s, t[k + 1].n)) {
            cpy(row->start, sizeof row->start, t[k].s, t[k].n);
            cpy(row->endd, sizeof row->endd, t[k + 1].s, t[k + 1].n);
            row->dev[0] = '\0';
            for (size_t q = k + 2; q < nt; q++)
                cat_tok(row->dev, sizeof row->dev, &t[q]);
            *prefix = (size_t)(t[k].s - L->raw);
            return 1;
        }
    }
    return 0;
}

/* Collects the name lines above line i (exclusive) down to boundary b.
 * has_prefix: line i itself starts with name text. Returns the index of the
 * first name line (i when only the prefix), and whether the collection ran
 * into the boundary. */
static size_t collect_up(xdoc *d, size_t i, size_t b, int has_prefix, size_t maxw, int *hit)
{
    size_t first = i;
    int collected = has_prefix;
    const xline *below = has_prefix ? &d->lines[i] : NULL;
    *hit = 0;
    size_t j = i;
    while (j > b) {
        const xline *l = &d->lines[j - 1];
        if (l->flags & (XL_EMPTY | XL_NOISE)) {
            j--;
            continue;
        }
        if (l->flags & XL_WS)
            return first;
        if (l->tlen > maxw || x_is_prose_marker(l) || x_table_header(l) != XT_NONE)
            return first;
        if (collected && l->tlen > 0 && (l->t[l->tlen - 1] == '.' || l->t[l->tlen - 1] == ':'))
            return first;
        if (collected && d->spaced && below && (below->flags & XL_LEAD) && (l->flags & XL_TRAIL))
            return first; /* the line below started a row */
        first = j - 1;
        collected = 1;
        below = l;
        j--;
    }
    *hit = 1;
    return first;
}

/* ------------------------------------------------------------------ */
/* emitting                                                            */
/* ------------------------------------------------------------------ */

static const char *cell_value(xdoc *d, const xcell *c)
{
    if (c->type == XC_NUM || c->type == XC_TEXT)
        return xt_clean(d->arena, c->text, strlen(c->text));
    return "";
}

static int num_equal(const char *a, const char *b)
{
    return strtod(a, NULL) == strtod(b, NULL);
}

static void set_value(xdoc *d, ind_extract_obs *o, const xcell *c)
{
    if (c->type == XC_NUM) {
        o->value = xa_strdup(d->arena, c->text);
        if (c->num[0]) {
            o->numerator = xa_strdup(d->arena, c->num);
            o->denominator = xa_strdup(d->arena, c->den);
        }
        if (c->extra[0])
            o->note = xa_printf(d->arena, "(%s)", c->extra);
    } else if (c->type == XC_MISS) {
        o->missing = xa_strdup(d->arena, c->text);
    }
}

static const char *row_unit(xdoc *d, const xrow *r, int from, int to)
{
    for (int q = from; q <= to; q++)
        if (r->has[q] && r->col[q].type == XC_NUM && r->col[q].unit[0])
            return xa_strdup(d->arena, r->col[q].unit);
    return "";
}

static void period_text(char *buf, size_t cap, int year, int tertial)
{
    if (tertial)
        snprintf(buf, cap, "%d-T%d", year, tertial);
    else
        snprintf(buf, cap, "%d", year);
}

static void emit_vb(xdoc *d, xrow *r, const xheader *hd, const char *goal)
{
    const char *name = xt_clean(d->arena, xb_str(&r->name), r->name.len);
    long line = (long)r->first + 1;
    const xcell *per = &r->col[6];
    int year = per->year, tert = per->type == XC_PER ? per->tertial : 0;
    char pbuf[32], prev[32];
    period_text(pbuf, sizeof pbuf, year, tert);
    int pyear = hd->prev_year ? hd->prev_year : year - 1;
    period_text(prev, sizeof prev, pyear, tert);
    const char *unit = row_unit(d, r, 0, 5);
    const char *target = r->has[4] ? cell_value(d, &r->col[4]) : "";
    const char *kf = r->has[5] ? cell_value(d, &r->col[5]) : "";
    static const char *const g[3] = {"T", "M", "K"};
    for (int q = 0; q < 3; q++) {
        if (q > 0 && !r->has[q])
            continue;
        ind_extract_obs *o = x_new_obs(d, line);
        if (!o)
            return;
        o->indicator = (char *)name;
        o->period = xa_strdup(d->arena, pbuf);
        o->gender = (char *)g[q];
        o->target = (char *)target;
        o->kf_target = (char *)kf;
        o->goal = (char *)goal;
        o->value_unit = (char *)unit;
        if (r->has[q])
            set_value(d, o, &r->col[q]);
        /* a printed 0 for men (women) where the total equals women (men):
         * nobody of that gender in the group */
        int other = q == 1 ? 2 : 1;
        if (q > 0 && r->has[q] && r->col[q].type == XC_NUM && strtod(r->col[q].text, NULL) == 0.0 &&
            r->has[0] && r->col[0].type == XC_NUM && strtod(r->col[0].text, NULL) != 0.0 &&
            r->has[other] && r->col[other].type == XC_NUM &&
            num_equal(r->col[0].text, r->col[other].text)) {
            o->value = "";
            o->missing = ".";
            o->note = xa_printf(d->arena, "printed %s%s%s in the %s column while the total equals the %s:"
                                " read as nobody of that gender in the group",
                                r->col[q].text, r->col[q].unit[0] ? " " : "", r->col[q].unit,
                                q == 1 ? "men" : "women", q == 1 ? "women" : "men");
            x_warn(d, line, "zero-gender",
                   "%s: the %s column shows %s but the total equals the %s; read as not applicable",
                   name, q == 1 ? "men" : "women", r->col[q].text, q == 1 ? "women" : "men");
        }
    }
    if (r->has[3]) {
        ind_extract_obs *o = x_new_obs(d, line);
        if (!o)
            return;
        o->indicator = (char *)name;
        o->period = xa_strdup(d->arena, prev);
        o->gender = "T";
        o->goal = (char *)goal;
        o->value_unit = (char *)unit;
        set_value(d, o, &r->col[3]);
    }
    if (r->nvalid > 1)
        x_warn(d, line, "ambiguous-columns",
               "%s: the values fit the columns in %d ways; empty cells were put as late as possible",
               name, r->nvalid);
}

static void emit_vp(xdoc *d, xrow *r, const xheader *hd, const char *goal)
{
    const char *name = xt_clean(d->arena, xb_str(&r->name), r->name.len);
    long line = (long)r->first + 1;
    ind_extract_obs *o = x_new_obs(d, line);
    if (!o)
        return;
    int year = hd->year ? hd->year : d->vp_year;
    o->indicator = (char *)name;
    o->period = year ? xa_printf(d->arena, "%d", year) : "";
    o->gender = "T";
    o->goal = (char *)goal;
    o->target = r->has[0] ? (char *)cell_value(d, &r->col[0]) : "";
    o->kf_target = r->has[1] ? (char *)cell_value(d, &r->col[1]) : "";
    if (r->has[0] && r->col[0].type == XC_MISS)
        o->note = xa_printf(d->arena, "Årsmål printed as %s", r->col[0].text);
    const char *pc = r->col[2].text;
    if (strcmp(pc, "År") == 0)
        o->periodicity = "år";
    else if (strcmp(pc, "Tertial") == 0)
        o->periodicity = "tertial";
    else if (strcmp(pc, "Månad") == 0)
        o->periodicity = "månad";
    else if (strcmp(pc, "Kvartal") == 0)
        o->periodicity = "kvartal";
    else if (strcmp(pc, "Halvår") == 0)
        o->periodicity = "halvår";
    else
        o->periodicity = xa_strdup(d->arena, pc);
    o->value_unit = (char *)row_unit(d, r, 0, 1);
    if (r->nvalid > 1) {
        /* decided in x_table_finish, with the other units in view */
        o->note = "ambiguous: one target printed without a spacing hint; read as Årsmål";
    }
}

static void emit_act(xdoc *d, xrow *r, const char *goal)
{
    long line = (long)r->first + 1;
    ind_extract_activity *a = x_new_activity(d, line);
    if (!a)
        return;
    a->name = xt_clean(d->arena, xb_str(&r->name), r->name.len);
    a->start = xa_strdup(d->arena, r->start);
    a->end = xa_strdup(d->arena, r->endd);
    a->goal = (char *)goal;
    if (r->dev[0])
        x_warn(d, line, "activity-deviation", "%s: text after the dates (Avvikelse) not stored: %s",
               a->name, r->dev);
}

/* ------------------------------------------------------------------ */
/* the region loop                                                     */
/* ------------------------------------------------------------------ */

/* The row read last stays open: text after a repeated header may still
 * belong to it. Rows before it are final and emitted at once. */
static void emit_row(xdoc *d, xtable_kind kind, xrow *r, const xheader *hd, const char *goal)
{
    if (r->name.oom)
        d->oom = 1;
    if (!d->oom && r->name.len > 0) {
        if (r->thousands_amb)
            x_warn(d, (long)r->first + 1, "thousands-separator",
                   "%s: numbers separated by one space were read as one number with a thousands "
                   "separator; they also fit the columns as separate cells", xb_str(&r->name));
        if (kind == XT_VB)
            emit_vb(d, r, hd, goal);
        else if (kind == XT_VP)
            emit_vp(d, r, hd, goal);
        else
            emit_act(d, r, goal);
    }
    xb_free(&r->name);
}

static int is_namnd_tail(const xline *l)
{
    static const char *const tails[] = {"nämnd", "nämnd/styrelse", "styrelse", "av nämnd",
                                        "av nämnd/styrelse", NULL};
    for (int i = 0; tails[i]; i++)
        if (xt_teq(l, tails[i]))
            return 1;
    return 0;
}

/* Appends continuation lines [from, to) to row r (text after a repeated
 * header at a page break belongs to the row printed just before it). */
static void continue_row(xdoc *d, xrow *r, xtable_kind kind, size_t from, size_t to)
{
    for (size_t j = from; j < to; j++) {
        const xline *l = &d->lines[j];
        if (l->flags & (XL_EMPTY | XL_WS | XL_NOISE))
            continue;
        if (kind != XT_ACT && is_namnd_tail(l)) {
            int done = 0;
            for (int q = 4; q <= 5 && !done; q++) {
                int c = kind == XT_VB ? q : q - 4;
                if (r->has[c] && r->col[c].tfan && r->col[c].truncated) {
                    cat(r->col[c].text, sizeof r->col[c].text, " ", 1);
                    cat(r->col[c].text, sizeof r->col[c].text, l->t, l->tlen);
                    r->col[c].truncated = 0;
                    done = 1;
                    x_warn(d, (long)j + 1, "split-cell",
                           "\"%s\" completed from a fragment after a page break", r->col[c].text);
                }
            }
            if (done)
                continue;
        }
        xt_join(&r->name, r->last_name_line, l, d->spaced);
        r->last_name_line = l;
    }
}

static int looks_prose(xdoc *d, size_t from, size_t to)
{
    for (size_t j = from; j < to; j++)
        if (d->lines[j].tlen > 90)
            return 1;
    return 0;
}

/* Lines [from, to) were not read as part of any row. */
static void leftover(xdoc *d, xtable_kind kind, size_t from, size_t to, int prose)
{
    size_t j = from;
    while (j < to) {
        while (j < to && (d->lines[j].flags & (XL_EMPTY | XL_WS | XL_NOISE)))
            j++;
        if (j >= to)
            return;
        size_t g0 = j;
        /* a group ends at a blank-only line */
        while (j < to && !(d->lines[j].flags & XL_WS))
            j++;
        if (prose || looks_prose(d, g0, j)) {
            for (size_t q = g0; q < j; q++)
                x_prose_line(d, q);
            continue;
        }
        xbuf b;
        xb_init(&b);
        const xline *prev = NULL;
        for (size_t q = g0; q < j; q++) {
            const xline *l = &d->lines[q];
            if (l->flags & (XL_EMPTY | XL_NOISE))
                continue;
            xt_join(&b, prev, l, d->spaced);
            prev = l;
        }
        x_unread(d, (long)g0 + 1,
                 kind == XT_ACT ? "text in an activity table without start and end dates"
                                : "text in an indicator table that does not end in a row of values",
                 xb_str(&b), b.len);
        if (b.oom)
            d->oom = 1;
        xb_free(&b);
    }
}

typedef enum { EV_START, EV_ROW, EV_HEADER, EV_PROSE } xevent;

/* One table region while its lines are read. */
typedef struct {
    xtable_kind kind;
    xheader hd;
    const char *goal;   /* the goal the table sits under */
    size_t maxw;        /* the longest line a wrapped name may have */
    size_t lim;         /* the first line after the region */
    xrow *cur;          /* the row read last; still open to text after a repeated header */
    int have_row;
    size_t boundary;    /* the first line not yet given to a row or left over */
    int open_row;       /* the lines after a repeated header continue cur */
    int prose;          /* inside an "Analys" or "Kommentar" text */
    xevent last;
    int carry;          /* lines [carry_from, carry_to) before a repeated header, */
    size_t carry_from, carry_to; /* kept for the name of the next row */
} xregion;

/* Lines [boundary, to) continue the open row, or are left over. */
static void flush_to(xdoc *d, xregion *g, size_t to)
{
    if (g->open_row)
        continue_row(d, g->cur, g->kind, g->boundary, to);
    else
        leftover(d, g->kind, g->boundary, to, g->prose);
    g->open_row = 0;
}

/* The carried lines were no row's name after all. */
static void drop_carry(xdoc *d, xregion *g)
{
    if (g->carry)
        leftover(d, g->kind, g->carry_from, g->carry_to, 0);
    g->carry = 0;
}

/* A header repeated at a page break on line i: what came before it opens
 * the last row again, is carried to the next row's name, or is given away.
 * Returns the first line after the header. */
static size_t on_header(xdoc *d, xregion *g, size_t i)
{
    int has_left = 0;
    for (size_t q = g->boundary; q < i; q++)
        if (!(d->lines[q].flags & (XL_EMPTY | XL_WS | XL_NOISE)))
            has_left = 1;
    if (g->last == EV_ROW && !has_left && !g->prose && g->have_row) {
        g->open_row = 1;
    } else if (has_left && !g->prose && !g->open_row && !looks_prose(d, g->boundary, i)) {
        drop_carry(d, g);
        g->carry = 1;
        g->carry_from = g->boundary;
        g->carry_to = i;
    } else {
        flush_to(d, g, i);
    }
    xheader h2;
    i = header_block(d, i, &h2);
    g->boundary = i;
    if (g->prose) {
        /* prose goes on across the page break only mid-sentence */
        size_t q = i;
        while (q < g->lim && (d->lines[q].flags & (XL_EMPTY | XL_WS | XL_NOISE)))
            q++;
        if (q < g->lim && !xt_starts_lower(d->lines[q].t, d->lines[q].tlen) && !looks_prose(d, q, q + 1))
            g->prose = 0;
    }
    if (g->last == EV_ROW)
        g->last = EV_HEADER;
    return i;
}

/* "Analys" or "Kommentar" on line i: running text follows. */
static size_t on_prose_marker(xdoc *d, xregion *g, size_t i)
{
    flush_to(d, g, i);
    drop_carry(d, g);
    g->prose = 1;
    g->last = EV_PROSE;
    g->boundary = i + 1;
    return i + 1;
}

/* The name of row r: the carried lines when the name ran into the repeated
 * header before it (hit), the lines [first, i), and the text of line i
 * before its values (prefix bytes, has_prefix when not only blanks). */
static void row_name(xdoc *d, xregion *g, xrow *r, size_t i, size_t first, int hit, size_t prefix,
                     int has_prefix)
{
    const xline *L = &d->lines[i];
    const xline *prev = NULL;
    if (g->carry && hit) {
        for (size_t q = g->carry_from; q < g->carry_to; q++) {
            const xline *l = &d->lines[q];
            if (l->flags & (XL_EMPTY | XL_WS | XL_NOISE))
                continue;
            if (prev == NULL)
                r->first = q;
            xt_join(&r->name, prev, l, d->spaced);
            prev = l;
        }
        g->carry = 0;
    } else {
        drop_carry(d, g);
    }
    for (size_t q = first; q < i; q++) {
        const xline *l = &d->lines[q];
        if (l->flags & (XL_EMPTY | XL_WS | XL_NOISE))
            continue;
        xt_join(&r->name, prev, l, d->spaced);
        prev = l;
    }
    if (has_prefix) {
        /* the prefix is followed by the values: it ends with a blank */
        size_t a = 0, w;
        while (a < prefix && ind_text_blank_at(L->raw, prefix, a, &w))
            a += w;
        size_t z = prefix;
        while (z > a && (L->raw[z - 1] == ' ' || L->raw[z - 1] == '\t'))
            z--;
        int lead = (L->flags & XL_LEAD) != 0;
        int ptrail = prev ? (prev->flags & XL_TRAIL) != 0 : 1;
        xt_join_text(&r->name, L->raw + a, z - a, ptrail, lead, d->spaced);
    }
    r->last_name_line = L; /* continuation joins after the values line */
}

/* Line i as the values line of a row: when it is one, the row before is
 * emitted and this one read (name, cells) into g->cur. Returns the line
 * after the row, or i + 1 when line i ends no row. */
static size_t on_line(xdoc *d, xregion *g, size_t i)
{
    const xline *L = &d->lines[i];
    xtry tr;
    xrow tmp;
    size_t prefix = 0;
    int found;
    if (g->kind == XT_ACT) {
        found = try_dates(d, i, &tmp, &prefix);
        if (found)
            tr.end = i;
    } else {
        found = try_values(d, i, g->lim, g->kind, &tr);
        if (found)
            prefix = tr.prefix;
    }
    if (!found)
        return i + 1;
    /* the name: the prefix on line i and the lines above it */
    int has_prefix = 0;
    for (size_t q = 0, w; q < prefix; q += w)
        if (!ind_text_blank_at(L->raw, prefix, q, &w)) {
            has_prefix = 1;
            break;
        }
    int hit;
    size_t first = collect_up(d, i, g->boundary, has_prefix, g->maxw, &hit);
    /* what lies between the boundary and the name */
    flush_to(d, g, first);
    if (g->have_row)
        emit_row(d, g->kind, g->cur, &g->hd, g->goal);
    xrow *r = g->cur;
    memset(r, 0, sizeof *r);
    xb_init(&r->name);
    g->have_row = 1;
    if (g->kind == XT_ACT) {
        memcpy(r->start, tmp.start, sizeof r->start);
        memcpy(r->endd, tmp.endd, sizeof r->endd);
        memcpy(r->dev, tmp.dev, sizeof r->dev);
    }
    r->first = first;
    row_name(d, g, r, i, first, hit, prefix, has_prefix);
    if (g->kind != XT_ACT) {
        int ncols = g->kind == XT_VB ? 7 : 3;
        for (int c = 0; c < ncols; c++) {
            int s = tr.as.slot[c];
            r->has[c] = s >= 0;
            if (s >= 0)
                r->col[c] = tr.cells[s];
        }
        r->nvalid = tr.as.nvalid;
        r->thousands_amb = tr.thousands_amb;
    }
    r->end = tr.end;
    if (r->name.len == 0)
        x_unread(d, (long)i + 1, "values without an indicator name", L->t, L->tlen);
    g->boundary = tr.end + 1;
    g->last = EV_ROW;
    g->prose = 0;
    return tr.end + 1;
}

size_t x_table(xdoc *d, size_t h)
{
    xregion g;
    memset(&g, 0, sizeof g);
    g.kind = x_table_header(&d->lines[h]);
    size_t i = header_block(d, h, &g.hd);
    if (g.kind == XT_VP && g.hd.year && !d->vp_year)
        d->vp_year = g.hd.year;
    g.goal = d->goal;
    g.maxw = g.kind == XT_VB ? 40 : g.kind == XT_VP ? 80 : 100;
    g.cur = calloc(1, sizeof *g.cur);
    if (!g.cur) {
        d->oom = 1;
        return i;
    }
    g.boundary = i;
    g.last = EV_START;
    g.lim = i;
    while (g.lim < d->n && !region_end(&d->lines[g.lim], g.kind))
        g.lim++;

    while (i < g.lim && !d->oom) {
        const xline *L = &d->lines[i];
        if (x_table_header(L) != XT_NONE)
            i = on_header(d, &g, i);
        else if (x_is_prose_marker(L))
            i = on_prose_marker(d, &g, i);
        else if (L->flags & (XL_EMPTY | XL_WS | XL_NOISE))
            i++;
        else
            i = on_line(d, &g, i);
    }
    /* the end of the table */
    if (!d->oom) {
        flush_to(d, &g, g.lim);
        drop_carry(d, &g);
    }
    if (g.have_row)
        emit_row(d, g.kind, g.cur, &g.hd, g.goal);
    free(g.cur);
    return g.lim;
}

/* ------------------------------------------------------------------ */
/* after all tables: single targets in compact exports                  */
/* ------------------------------------------------------------------ */

static int is_number(const char *s)
{
    char *e;
    if (!s[0])
        return 0;
    strtod(s, &e);
    return *e == '\0';
}

static const ind_extract_obs *sort_base;

static int by_indicator(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = strcmp(sort_base[i].indicator, sort_base[j].indicator);
    return c ? c : (i < j ? -1 : i > j);
}

void x_table_finish(xdoc *d)
{
    ind_extract_result *res = d->res;
    static const char amb[] = "ambiguous: one target printed without a spacing hint; read as Årsmål";
    size_t n = res->n_obs;
    if (n == 0)
        return;
    size_t *idx = malloc(n * sizeof *idx);
    if (!idx) {
        d->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    sort_base = res->obs;
    qsort(idx, n, sizeof *idx, by_indicator);
    sort_base = NULL;
    /* rows of one indicator are adjacent in idx */
    for (size_t g0 = 0; g0 < n;) {
        size_t g1 = g0 + 1;
        while (g1 < n && strcmp(res->obs[idx[g1]].indicator, res->obs[idx[g0]].indicator) == 0)
            g1++;
        for (size_t a = g0; a < g1; a++) {
            ind_extract_obs *o = &res->obs[idx[a]];
            if (o->note != amb && strcmp(o->note, amb) != 0)
                continue;
            /* evidence: the KF:s årsmål printed for the same indicator in
             * rows that could be read one way only */
            int n_text = 0, n_num = 0, same = 0;
            for (size_t b = g0; b < g1; b++) {
                const ind_extract_obs *p = &res->obs[idx[b]];
                if (b == a || strcmp(p->note, amb) == 0 || !p->kf_target[0] || p->periodicity[0] == '\0')
                    continue;
                if (is_number(p->kf_target)) {
                    n_num++;
                    if (o->target[0] && strcmp(p->kf_target, o->target) == 0)
                        same++;
                } else {
                    n_text++;
                }
            }
            if (n_text > 0 && n_num == 0 && is_number(o->target)) {
                o->note = "one target printed without a spacing hint; read as Årsmål since the KF:s "
                          "årsmål of this indicator is text elsewhere in the document";
                continue;
            }
            if (same)
                x_warn(d, o->line, "ambiguous-target",
                       "%s: one target (%s) printed without a spacing hint; read as Årsmål although it "
                       "equals the KF:s årsmål printed for this indicator elsewhere",
                       o->indicator, o->target[0] ? o->target : o->kf_target);
            else
                x_warn(d, o->line, "ambiguous-target",
                       "%s: one target (%s) printed without a spacing hint; read as Årsmål (the unit's "
                       "own target)%s",
                       o->indicator, o->target[0] ? o->target : o->kf_target,
                       n_num ? "; the KF:s årsmål printed elsewhere differs" : "; no other row decides");
        }
        g0 = g1;
    }
    free(idx);
}
