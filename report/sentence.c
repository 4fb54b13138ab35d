/* sentence.c: the sentences of the reports and tables, in klarspråk, with their method notes. */
#include "sentence.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "text.h"

/* ---- a growing string ---------------------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} sb;

static void *must(void *p)
{
    if (!p) {
        fputs("indikator: slut på minne (out of memory)\n", stderr);
        exit(4);
    }
    return p;
}

/* Appends the formatted text: written once into the room there is, and a
 * second time only when it did not fit (a table of every series makes
 * hundreds of thousands of sentences). */
__attribute__((format(printf, 2, 3))) static void add(sb *b, const char *fmt, ...)
{
    if (!b->s) {
        b->cap = 256;
        b->s = must(malloc(b->cap));
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->s[b->len] = '\0';
        return;
    }
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->len + (size_t)n + 1) * 2;
        b->s = must(realloc(b->s, b->cap));
        va_start(ap, fmt);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

/* The string built, or NULL when nothing was added. */
static char *done(sb *b) { return b->len ? b->s : (free(b->s), NULL); }

void ind_said_free(ind_said *s)
{
    free(s->text);
    free(s->note);
    s->text = s->note = NULL;
}

/* ---- numbers and targets -------------------------------------------------------------- */

static int percent_of(const ind_indicator *info) { return info && info->measure == IND_MEASURE_PERCENT; }

static int decimals_of(const ind_indicator *info, double v)
{
    if (info)
        return info->decimals;
    return v == rint(v) ? 0 : 1;
}

/* v with the indicator's decimals (and its % when unit != 0), by the one formatter. */
static char *num(double v, const ind_indicator *info, int decimals, int unit, ind_lang lang, char *buf, size_t size)
{
    ind_cell c = {.kind = isnan(v) ? IND_CELL_NULL : IND_CELL_NUMBER,
                  .unit = unit && percent_of(info) ? IND_UNIT_PERCENT : IND_UNIT_NONE,
                  .decimals = decimals,
                  .value = v};
    ind_cell_show(&c, lang, IND_SHOW_TYPESET, buf, size);
    return buf;
}

static const char *value_text(double v, const ind_indicator *info, ind_lang lang, char *buf, size_t size)
{
    return num(v, info, decimals_of(info, v), 1, lang, buf, size);
}

char *ind_say_value(double v, const ind_indicator *info, ind_lang lang)
{
    char buf[96];
    return must(strdup(value_text(v, info, lang, buf, sizeof buf)));
}

/* A change in the indicator's unit: "0,9 procentenheter", "2". */
static const char *change_text(double c, const ind_indicator *info, ind_lang lang, char *buf, size_t size)
{
    int en = lang == IND_LANG_EN;
    char n[64];
    num(fabs(c), info, decimals_of(info, c), 0, lang, n, sizeof n);
    if (!percent_of(info))
        snprintf(buf, size, "%s", n);
    else if (strcmp(n, "1") == 0)
        snprintf(buf, size, "%s %s", n, en ? "percentage point" : "procentenhet");
    else
        snprintf(buf, size, "%s %s", n, en ? "percentage points" : "procentenheter");
    return buf;
}

char *ind_say_target(const ind_target *t, const ind_indicator *info, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    char v[64], b[64];
    sb s = {0};
    int unit = percent_of(info) || (!info && t->percent);
    ind_indicator pct = {0};
    if (!info && t->percent) {
        pct.measure = IND_MEASURE_PERCENT;
        pct.decimals = t->value == rint(t->value) ? 0 : 1;
        info = &pct;
    }
    num(t->value, info, decimals_of(info, t->value), unit, lang, v, sizeof v);
    switch (t->kind) {
    case IND_TARGET_VALUE: add(&s, "%s", v); break;
    case IND_TARGET_MAX: add(&s, en ? "at most %s" : "högst %s", v); break;
    case IND_TARGET_MIN: add(&s, en ? "at least %s" : "minst %s", v); break;
    case IND_TARGET_EXACT: add(&s, en ? "exactly %s" : "exakt %s", v); break;
    case IND_TARGET_BAND:
        num(t->value, info, decimals_of(info, t->value), 0, lang, v, sizeof v);
        num(t->band, info, decimals_of(info, t->band), unit, lang, b, sizeof b);
        add(&s, "%s \u00b1 %s", v, b);
        break;
    case IND_TARGET_INCREASE: add(&s, en ? "an increase" : "en ökning"); break;
    case IND_TARGET_DECREASE: add(&s, en ? "a decrease" : "en minskning"); break;
    default: add(&s, "%s", en ? "no numeric target" : "inget årsmål i siffror"); break;
    }
    return done(&s);
}

/* A period in a sentence: the year-end tertial (T3) is the year's outcome, so it reads as the year. */
static const char *period_text(ind_period p, char *buf, size_t size)
{
    if (ind_period_kind_of(p) == IND_PERIOD_TERTIAL && ind_period_sub(p) == 3)
        p = ind_period_make(ind_period_year(p), IND_PERIOD_YEAR, 0);
    return ind_period_label(p, buf, size);
}

/* ---- attainment ------------------------------------------------------------------------ */

/* Where an outcome lies from a target it misses. */
static const char *side(const ind_attainment *a, int partly, int en)
{
    if (a->rule.kind == IND_TARGET_BAND || a->rule.kind == IND_TARGET_EXACT)
        return en ? "outside" : "utanför";
    int above = a->value > a->target;
    if (partly)
        return above ? (en ? "just above" : "strax över") : (en ? "just below" : "strax under");
    return above ? (en ? "above" : "över") : (en ? "below" : "under");
}

/* "Det är 0,9 procentenheter lägre än 2024." / "Oförändrat sedan 2024." */
static void change_sentence(sb *s, const ind_attainment *a, const ind_indicator *info, ind_lang lang)
{
    if (isnan(a->change) || !a->previous_period)
        return;
    int en = lang == IND_LANG_EN;
    char c[96], per[32];
    period_text(a->previous_period, per, sizeof per);
    int d = decimals_of(info, a->value);
    if (fabs(a->change) < 0.5 * pow(10, -d)) {
        add(s, en ? " Unchanged since %s." : " Oförändrat sedan %s.", per);
        return;
    }
    change_text(a->change, info, lang, c, sizeof c);
    add(s, en ? " That is %s %s than in %s." : " Det är %s %s än %s.", c,
        a->change > 0 ? (en ? "higher" : "högre") : (en ? "lower" : "lägre"), per);
}

ind_said ind_say_attainment(const ind_attainment *a, const char *indicator, const ind_indicator *info,
                            ind_period period, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    char v[96], per[32];
    sb s = {0}, note = {0};
    period_text(period, per, sizeof per);
    value_text(a->value, info, lang, v, sizeof v);
    char *t = ind_say_target(&a->rule, info, lang);
    switch (a->verdict) {
    case IND_VERDICT_MET:
        if (a->rule.kind == IND_TARGET_INCREASE || a->rule.kind == IND_TARGET_DECREASE)
            add(&s, en ? "%s %s: %s. The target, %s, is met." : "%s %s: %s. Årsmålet, %s, nås.", indicator, per, v, t);
        else
            add(&s, en ? "%s %s: %s. The target of %s is met." : "%s %s: %s. Årsmålet %s nås.", indicator, per, v, t);
        break;
    case IND_VERDICT_PARTLY:
    case IND_VERDICT_NOT_MET: {
        int partly = a->verdict == IND_VERDICT_PARTLY;
        if (a->rule.kind == IND_TARGET_INCREASE || a->rule.kind == IND_TARGET_DECREASE)
            add(&s, en ? "%s %s: %s. The target, %s, is %s." : "%s %s: %s. Årsmålet, %s, nås %s.", indicator, per, v, t,
                partly ? (en ? "partly met" : "delvis") : (en ? "not met" : "inte"));
        else
            add(&s, en ? "%s %s: %s, %s the target of %s. The target is %s." : "%s %s: %s, %s årsmålet %s. Årsmålet nås %s.",
                indicator, per, v, side(a, partly, en), t, partly ? (en ? "partly met" : "delvis") : (en ? "not met" : "inte"));
        break;
    }
    case IND_VERDICT_NO_TARGET:
        add(&s, en ? "%s %s: %s. There is no target to judge it against." : "%s %s: %s. Det finns inget årsmål att bedöma mot.",
            indicator, per, v);
        break;
    case IND_VERDICT_NO_DATA:
        add(&s, en ? "%s %s: no outcome." : "%s %s: utfall saknas.", indicator, per);
        break;
    case IND_VERDICT_SMALL_BASE:
        add(&s, en ? "%s %s: %s, from too few (%.0f) to be judged." : "%s %s: %s, från för få (%.0f) för att bedömas.",
            indicator, per, v, a->n);
        break;
    case IND_VERDICT_NO_DIRECTION:
        add(&s, en ? "%s %s: %s. Whether higher or lower is better is not known, so it is not judged."
                   : "%s %s: %s. Det är okänt om högre eller lägre är bättre, så utfallet bedöms inte.",
            indicator, per, v);
        break;
    }
    free(t);
    if (a->verdict <= IND_VERDICT_NOT_MET)
        change_sentence(&s, a, info, lang);
    if (a->verdict <= IND_VERDICT_NOT_MET && a->uncertain) {
        char lo[96], hi[96];
        add(&s, en ? " The base is small (%.0f), so the judgement is uncertain." : " Underlaget är litet (%.0f), så bedömningen är osäker.",
            a->n);
        add(&note, en ? "%s: the target lies within the 95 %% interval %s to %s (Wilson)."
                      : "%s: årsmålet ligger inom 95\u00a0%%-intervallet %s till %s (Wilson).",
            indicator, value_text(a->ci_lo, info, lang, lo, sizeof lo), value_text(a->ci_hi, info, lang, hi, sizeof hi));
    }
    ind_said r = {done(&s), done(&note)};
    return r;
}

/* ---- the development over time ------------------------------------------------------------ */

static const char *trend_word(ind_trend_verdict v, int en)
{
    switch (v) {
    case IND_TREND_IMPROVING: return en ? "has improved" : "har förbättrats";
    case IND_TREND_WORSENING: return en ? "has worsened" : "har försämrats";
    case IND_TREND_INCREASING: return en ? "has increased" : "har ökat";
    case IND_TREND_DECREASING: return en ? "has decreased" : "har minskat";
    default: return "";
    }
}

/* Does the last year's change go the other way from the trend? */
static int against_trend(const ind_outlook_trend *t, const ind_attainment *latest)
{
    if (!latest || isnan(latest->change) || latest->change == 0)
        return 0;
    double slope = t->trend.sen.slope;
    return slope != 0 && (slope > 0) != (latest->change > 0);
}

static void method_note(sb *note, const ind_outlook_trend *t, double alpha, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    char p[48], a[48];
    ind_cell pc = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PVALUE, .value = t->trend.mk.p};
    ind_cell ac = {.kind = IND_CELL_NUMBER, .decimals = alpha * 100 == rint(alpha * 100) ? 2 : 3, .value = alpha};
    ind_cell_show(&pc, lang, IND_SHOW_TYPESET, p, sizeof p);
    ind_cell_show(&ac, lang, IND_SHOW_TYPESET, a, sizeof a);
    add(note, en ? "Trend: Mann-Kendall test (%s), p %s%s, significance level %s, and Sen's slope over %zu values."
                 : "Trend: Mann-Kendalls test (%s), p %s%s, signifikansnivå %s, och Sens lutning över %zu värden.",
        t->trend.mk.method == IND_TREND_MK_EXACT ? (en ? "exact" : "exakt") : (en ? "normal approximation" : "normalapproximation"),
        p[0] == '<' ? "" : "= ", p, a, t->pts.n);
}

ind_said ind_say_trend(const ind_outlook_trend *t, const ind_attainment *latest, const char *indicator,
                       const ind_indicator *info, double alpha, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    sb s = {0}, note = {0};
    char a[16], b[16];
    snprintf(a, sizeof a, "%d", ind_period_year(t->first));
    snprintf(b, sizeof b, "%d", ind_period_year(t->last));
    int missed = latest && (latest->verdict == IND_VERDICT_NOT_MET || latest->verdict == IND_VERDICT_PARTLY);
    int met = latest && latest->verdict == IND_VERDICT_MET;
    switch (t->verdict) {
    case IND_TREND_TOO_FEW_POINTS:
        add(&s, en ? "The series is too short to tell how %s is developing (%zu values)."
                   : "Serien är för kort för att säga hur %s utvecklas (%zu värden).",
            indicator, t->pts.n);
        break;
    case IND_TREND_NO_CLEAR_TREND:
        add(&s, en ? "%s shows no clear change %s–%s." : "%s visar ingen tydlig förändring %s–%s.", indicator, a, b);
        break;
    default: {
        char per[96];
        change_text(t->trend.sen.slope, info, lang, per, sizeof per);
        add(&s, en ? "%s %s %s–%s, by %s a year on average" : "%s %s %s–%s, i genomsnitt %s per år", indicator,
            trend_word(t->verdict, en), a, b, per);
        if (t->verdict == IND_TREND_IMPROVING && missed)
            add(&s, en ? ", but is still short of the target" : ", men når fortfarande inte årsmålet");
        else if (t->verdict == IND_TREND_WORSENING && met)
            add(&s, en ? ", but still meets the target" : ", men når fortfarande årsmålet");
        add(&s, ".");
        if (against_trend(t, latest)) {
            char c[96];
            add(&s, en ? " The last year it went the other way: %s %s." : " Det senaste året gick det åt andra hållet: %s %s.",
                change_text(latest->change, info, lang, c, sizeof c),
                latest->change > 0 ? (en ? "higher" : "högre") : (en ? "lower" : "lägre"));
        }
        break;
    }
    }
    if (t->have_trend && t->verdict != IND_TREND_TOO_FEW_POINTS)
        method_note(&note, t, alpha, lang);
    ind_said r = {done(&s), done(&note)};
    return r;
}

ind_said ind_say_gap(const ind_outlook_gap *g, const ind_indicator *info, double alpha, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    sb s = {0}, note = {0};
    ind_said r = {NULL, NULL};
    if (!g->have || !g->n || isnan(g->last_gap))
        return r;
    char c[96];
    int d = decimals_of(info, g->last_gap);
    int year = ind_period_year(g->last);
    if (fabs(g->last_gap) < 0.5 * pow(10, -d))
        add(&s, en ? "In %d women and men had the same value." : "%d var värdet detsamma för kvinnor och män.", year);
    else
        add(&s, en ? "In %d the value was %s %s for women than for men." : "%d var värdet %s %s för kvinnor än för män.", year,
            change_text(g->last_gap, info, lang, c, sizeof c), g->last_gap > 0 ? (en ? "higher" : "högre") : (en ? "lower" : "lägre"));
    if (g->verdict == IND_GAP_WIDENING)
        add(&s, en ? " The gap has grown over the years." : " Skillnaden har ökat över åren.");
    else if (g->verdict == IND_GAP_NARROWING)
        add(&s, en ? " The gap has shrunk over the years." : " Skillnaden har minskat över åren.");
    if (g->test && !isnan(g->p)) {
        int real = g->p < alpha;
        if (fabs(g->last_gap) >= 0.5 * pow(10, -d))
            add(&s, real ? (en ? " The gap is larger than chance explains." : " Skillnaden är större än slumpen förklarar.")
                         : (en ? " The gap may be due to chance." : " Skillnaden kan bero på slumpen."));
        char p[48];
        ind_cell pc = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PVALUE, .value = g->p};
        ind_cell_show(&pc, lang, IND_SHOW_TYPESET, p, sizeof p);
        const char *test = strstr(g->test, "Fisher") ? (en ? "Fisher's exact test" : "Fishers exakta test")
                                                      : (en ? "two-proportion test" : "test av två andelar");
        add(&note, en ? "Women against men in %d: %s, p %s%s." : "Kvinnor mot män %d: %s, p %s%s.", year, test,
            p[0] == '<' ? "" : "= ", p);
    }
    r.text = done(&s);
    r.note = done(&note);
    return r;
}

/* ---- against a reference ------------------------------------------------------------------ */

/* What a Swedish sentence calls the reference when its name says what it is:
 * "förvaltningens" for a förvaltning, "rikets" for Riket, "kommunens",
 * "regionens", "stadens" (a name ending in "stad" as a word); else NULL. */
static const char *reference_genitive(const char *name)
{
    char f[512];
    size_t n = ind_text_fold(name, strlen(name), IND_TEXT_CASE | IND_TEXT_BLANKS, f, sizeof f, NULL);
    if (strstr(f, "förvaltning"))
        return "förvaltningens";
    if (strcmp(f, "riket") == 0 || strcmp(f, "hela riket") == 0 || strcmp(f, "sverige") == 0)
        return "rikets";
    if (strstr(f, "kommun"))
        return "kommunens";
    if (strstr(f, "region"))
        return "regionens";
    if (n >= 5 && strcmp(f + n - 5, " stad") == 0)
        return "stadens";
    return NULL;
}

/* How the difference was tested, in the note: "Enheten mot X 2025: Fishers exakta test, p = 0,18." */
static void reference_note(sb *note, const ind_ref_result *r, const char *reference, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    char p[48], per[32];
    ind_cell pc = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PVALUE, .value = r->p};
    ind_cell_show(&pc, lang, IND_SHOW_TYPESET, p, sizeof p);
    period_text(r->period, per, sizeof per);
    const char *test = r->exact ? (en ? "Fisher's exact test" : "Fishers exakta test")
                                : (en ? "test of two proportions with Yates' correction"
                                      : "test av två andelar med Yates korrektion");
    add(note, en ? "The unit against %s in %s: %s (%.0f of %.0f against %.0f of %.0f), p %s%s."
                 : "Enheten mot %s %s: %s (%.0f av %.0f mot %.0f av %.0f), p %s%s.",
        reference, per, test, r->x1, r->n1, r->x2, r->n2, p[0] == '<' ? "" : "= ", p);
}

ind_said ind_say_reference(const ind_ref_result *r, const char *reference, const ind_indicator *info, double alpha,
                           ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    sb s = {0}, note = {0};
    ind_said res = {NULL, NULL};
    if (r->ref_series < 0) {
        add(&s, en ? "%s has no values for the indicator." : "%s har inga värden för indikatorn.", reference);
        res.text = done(&s);
        return res;
    }
    char v[96], rv[96], per[32], c[96];
    period_text(r->period, per, sizeof per);
    if (isnan(r->reference)) {
        add(&s, en ? "%s has no value for %s to compare with." : "%s har inget värde för %s att jämföra med.", reference,
            per);
        if (r->ref_latest && !isnan(r->latest)) {
            char lp[32];
            add(&s, en ? " Its latest value is %s (%s)." : " Det senaste värdet är %s (%s).",
                value_text(r->latest, info, lang, rv, sizeof rv), period_text(r->ref_latest, lp, sizeof lp));
        }
        res.text = done(&s);
        return res;
    }
    value_text(r->reference, info, lang, rv, sizeof rv);
    if (isnan(r->value)) {
        add(&s, en ? "The unit has no value for %s; %s has %s." : "Enheten har inget värde för %s; %s har %s.", per,
            reference, rv);
        res.text = done(&s);
        return res;
    }
    value_text(r->value, info, lang, v, sizeof v);
    const char *gen = en ? NULL : reference_genitive(reference);
    if (en)
        add(&s, "The unit's result in %s: %s against %s for %s.", per, v, rv, reference);
    else if (gen)
        add(&s, "Enhetens resultat %s: %s mot %s %s.", per, v, gen, rv);
    else
        add(&s, "Enhetens resultat %s: %s mot %s för %s.", per, v, rv, reference);
    int d = decimals_of(info, r->value);
    int same = fabs(r->difference) < 0.5 * pow(10, -d);
    if (same)
        add(&s, en ? " That is the same value." : " Det är samma värde.");
    else
        add(&s, en ? " That is %s %s." : " Det är %s %s.", change_text(r->difference, info, lang, c, sizeof c),
            r->difference > 0 ? (en ? "higher" : "högre") : (en ? "lower" : "lägre"));
    if (r->test && !isnan(r->p)) {
        if (!same)
            add(&s, r->p < alpha ? (en ? " The difference is larger than chance explains." : " Skillnaden är större än slumpen förklarar.")
                                 : (en ? " The difference may be due to chance." : " Skillnaden kan bero på slumpen."));
        reference_note(&note, r, reference, lang);
    }
    res.text = done(&s);
    res.note = done(&note);
    return res;
}

ind_said ind_say_forecast(const ind_outlook_forecast *f, const ind_indicator *info, double alpha, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    sb s = {0}, note = {0};
    ind_said r = {NULL, NULL};
    if (!f->have)
        return r;
    ind_direction dir = info ? info->direction : IND_DIR_UNKNOWN;
    int higher = f->rule.kind == IND_TARGET_MIN || (f->rule.kind == IND_TARGET_VALUE && dir == IND_DIR_HIGHER);
    int lower = f->rule.kind == IND_TARGET_MAX || (f->rule.kind == IND_TARGET_VALUE && dir == IND_DIR_LOWER);
    if (!higher && !lower)
        return r;
    char y[96], lo[96], hi[96], per[32];
    char *t = ind_say_target(&f->rule, info, lang);
    value_text(f->yhat, info, lang, y, sizeof y);
    snprintf(per, sizeof per, "%d", ind_period_year(f->period)); /* the year's årsmål, whatever period it is written on */
    if (f->likely > 0)
        add(&s, en ? "If the development goes on as so far, the target for %s (%s) is likely to be met: the forecast is %s."
                   : "Om utvecklingen fortsätter som hittills nås troligen årsmålet för %s (%s): prognosen är %s.",
            per, t, y);
    else if (f->likely < 0)
        add(&s, en ? "If the development goes on as so far, the target for %s (%s) is likely not to be met: the forecast is %s."
                   : "Om utvecklingen fortsätter som hittills nås troligen inte årsmålet för %s (%s): prognosen är %s.",
            per, t, y);
    else
        add(&s, en ? "It is uncertain whether the target for %s (%s) will be met: the forecast is %s, with a wide margin."
                   : "Det är osäkert om årsmålet för %s (%s) nås: prognosen är %s, med stor osäkerhet.",
            per, t, y);
    free(t);
    char lvl[32];
    ind_cell lc = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PERCENT, .decimals = 0, .value = 100 * (1 - alpha)};
    ind_cell_show(&lc, lang, IND_SHOW_TYPESET, lvl, sizeof lvl);
    add(&note, en ? "Forecast: the linear trend (OLS) of the outcomes so far, with a %s prediction interval of %s to %s."
                  : "Prognos: den linjära trenden (OLS) i utfallen hittills, med ett prognosintervall på %s från %s till %s.",
        lvl, value_text(f->pi_lo, info, lang, lo, sizeof lo), value_text(f->pi_hi, info, lang, hi, sizeof hi));
    r.text = done(&s);
    r.note = done(&note);
    return r;
}

ind_said ind_say_prognosis(const ind_attainment *a, const ind_prognosis *g, const char *indicator,
                           const ind_indicator *info, int k, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    sb s = {0}, note = {0};
    char v[96], lo[96], hi[96];
    char *t = ind_say_target(&a->rule, info, lang);
    value_text(a->value, info, lang, v, sizeof v);
    if (a->verdict == IND_VERDICT_MET)
        add(&s, en ? "%s: %s after tertial %d, within the target of %s." : "%s: %s efter tertial %d, inom årsmålet %s.",
            indicator, v, k, t);
    else if (a->verdict == IND_VERDICT_PARTLY || a->verdict == IND_VERDICT_NOT_MET)
        add(&s, en ? "%s: %s after tertial %d, %s the target of %s." : "%s: %s efter tertial %d, %s årsmålet %s.", indicator, v,
            k, side(a, a->verdict == IND_VERDICT_PARTLY, en), t);
    else
        add(&s, en ? "%s: %s after tertial %d." : "%s: %s efter tertial %d.", indicator, v, k);
    free(t);
    static const char *const sv[] = {"Det finns för lite historik för en prognos för helåret.",
                                     "Prognosen är att årsmålet nås.", "Prognosen är att årsmålet nås delvis.",
                                     "Prognosen är att årsmålet inte nås.",
                                     "Prognosen för helåret är osäker: utfallet vid årets slut kan hamna på båda sidor om årsmålet."};
    static const char *const eng[] = {"There is too little history for a year-end prognosis.",
                                      "The prognosis is that the target will be met.",
                                      "The prognosis is that the target will be partly met.",
                                      "The prognosis is that the target will not be met.",
                                      "The year-end prognosis is uncertain: the outcome may end on either side of the target."};
    if (g->verdict == IND_PROGNOSIS_NONE && g->method != IND_PROGNOSIS_BY_NONE)
        add(&s, " %s", en ? "The target cannot be judged, so there is no prognosis." : "Årsmålet kan inte bedömas, så prognos saknas.");
    else
        add(&s, " %s", en ? eng[g->verdict] : sv[g->verdict]);
    if (g->method != IND_PROGNOSIS_BY_NONE)
        add(&note, en ? "%s: year-end forecast %s (%s to %s), from %s." : "%s: prognos för årets slut %s (%s till %s), från %s.",
            indicator, value_text(g->predicted, info, lang, v, sizeof v), value_text(g->pi_lo, info, lang, lo, sizeof lo),
            value_text(g->pi_hi, info, lang, hi, sizeof hi),
            g->method == IND_PROGNOSIS_BY_PATTERN ? (en ? "the change after the tertial in earlier years" : "förändringen efter tertialet tidigare år")
                                                  : (en ? "the trend of the tertials" : "trenden i tertialen"));
    ind_said r = {done(&s), done(&note)};
    return r;
}

/* ---- comparisons ------------------------------------------------------------------------------ */

/* A unit's estimate as people read it: "5 % (1 av 22)", "83", "median 4,5 %". */
static void estimate_text(sb *s, const ind_cmp_result *r, const ind_cmp_unit *u, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    char v[96];
    if (r->data == IND_CMP_DATA_COUNTS) {
        ind_indicator pct = {.measure = IND_MEASURE_PERCENT, .decimals = r->info && r->info->decimals <= 1 ? r->info->decimals : 1};
        value_text(u->estimate * 100, &pct, lang, v, sizeof v);
        add(s, en ? "%s (%.0f of %.0f)" : "%s (%.0f av %.0f)", v, u->x, u->n);
    } else if (r->data == IND_CMP_DATA_SERIES) {
        add(s, en ? "a median of %s" : "i mittvärde %s", value_text(u->estimate, r->info, lang, v, sizeof v));
    } else {
        add(s, "%s", value_text(u->estimate, r->info, lang, v, sizeof v));
    }
}

static void pooled_text(sb *s, const ind_cmp_result *r, ind_lang lang)
{
    char v[96];
    if (r->data == IND_CMP_DATA_COUNTS) {
        ind_indicator pct = {.measure = IND_MEASURE_PERCENT, .decimals = r->info && r->info->decimals <= 1 ? r->info->decimals : 1};
        add(s, "%s", value_text(r->pooled * 100, &pct, lang, v, sizeof v));
    } else {
        add(s, "%s", value_text(r->pooled, r->info, lang, v, sizeof v));
    }
}

int ind_say_funnel_applies(const ind_cmp_result *r)
{
    size_t in = 0;
    for (size_t i = 0; i < r->unit_count; i++)
        in += r->units[i].in_funnel != 0;
    return r->have_funnel && in >= IND_SAY_FUNNEL_UNITS;
}

/* The unit against the others: one judgement, the funnel's when it applies
 * and the unit is in it, else its adjusted test against the rest. */
static void unit_judgement(sb *s, sb *note, const ind_cmp_result *r, const ind_cmp_unit *u, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    if (u->excluded) {
        add(s, en ? " It is not compared: %s." : " Den jämförs inte: %s.", u->excluded_why);
        return;
    }
    if (u->in_funnel && ind_say_funnel_applies(r)) {
        const char *where = u->funnel.cls == IND_FUNNEL_WITHIN ? (en ? "within what can be expected" : "inom vad som kan väntas")
                            : u->funnel_verdict > 0            ? (en ? "better than can be expected" : "bättre än vad som kan väntas")
                            : u->funnel_verdict < 0            ? (en ? "worse than can be expected" : "sämre än vad som kan väntas")
                            : u->funnel.cls > 0                ? (en ? "higher than can be expected" : "högre än vad som kan väntas")
                                                               : (en ? "lower than can be expected" : "lägre än vad som kan väntas");
        add(s, en ? " That is %s for a unit of its size." : " Det är %s för en enhet av den storleken.", where);
        add(note, en ? "Comparison by funnel plot: limits at 95 %% and 99.8 %% around the share of all units, on the arcsine scale%s."
                     : "Jämförelsen bygger på ett trattdiagram: gränser på 95\u00a0%% och 99,8\u00a0%% kring alla enheters andel, på arcsinskalan%s.",
            r->funnel.tau2 > 0 ? (en ? ", widened because the units vary more than chance explains"
                                         : ", vidgade eftersom enheterna varierar mer än slumpen förklarar")
                                   : "");
        return;
    }
    if (r->data != IND_CMP_DATA_SERIES && !isnan(u->rest_p_adjusted)) {
        int real = u->rest_p_adjusted < 1 - 0.95;
        add(s, real ? (en ? " The difference from the other units is larger than chance explains."
                          : " Skillnaden mot övriga enheter är större än slumpen förklarar.")
                    : (en ? " The difference from the other units may be due to chance."
                          : " Skillnaden mot övriga enheter kan bero på slumpen."));
        char p[48];
        ind_cell pc = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PVALUE, .value = u->rest_p_adjusted};
        ind_cell_show(&pc, lang, IND_SHOW_TYPESET, p, sizeof p);
        add(note, en ? "The unit against the others pooled: %s, adjusted p %s%s." : "Enheten mot övriga sammantaget: %s, justerat p %s%s.",
            ind_say_test_name(u->rest_test, lang), p[0] == '<' ? "" : "= ", p);
    }
}

const char *ind_say_test_name(const char *test, ind_lang lang)
{
    static const char *const names[][2] = {
        {"1-sample proportions test with continuity correction", "test av en andel med kontinuitetskorrektion"},
        {"1-sample proportions test without continuity correction", "test av en andel"},
        {"2-sample test for equality of proportions with continuity correction",
         "test av två andelar med kontinuitetskorrektion"},
        {"2-sample test for equality of proportions without continuity correction", "test av två andelar"},
        {"Exact Wilcoxon-Mann-Whitney Test", "Wilcoxon–Mann–Whitneys exakta test"},
        {"Exact binomial test", "exakt binomialtest"},
        {"Fisher's Exact Test for Count Data", "Fishers exakta test"},
        {"Kruskal-Wallis rank sum test", "Kruskal–Wallis rangsummetest"},
        {"Newcombe hybrid score interval (method 10)", "Newcombes hybridintervall (metod 10)"},
        {"One-way analysis of means (not assuming equal variances)", "Welchs variansanalys (olika varianser tillåtna)"},
        {"Pearson's Chi-squared test", "Pearsons chi-två-test"},
        {"Pearson's Chi-squared test with Yates' continuity correction", "Pearsons chi-två-test med Yates korrektion"},
        {"Welch Two Sample t-test", "Welchs t-test"},
        {"Wilcoxon rank sum exact test", "Wilcoxons exakta rangsummetest"},
        {"Wilcoxon rank sum test", "Wilcoxons rangsummetest"},
        {"Wilcoxon rank sum test with continuity correction", "Wilcoxons rangsummetest med kontinuitetskorrektion"},
    };
    if (!test || lang == IND_LANG_EN)
        return test ? test : "";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(test, names[i][0]) == 0)
            return names[i][1];
    return test;
}

ind_said ind_say_compare(const ind_cmp_result *r, const ind_dataset *ds, const char *unit, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    sb s = {0}, note = {0};
    const char *indicator = ind_dataset_str(ds, r->indicator);
    const ind_cmp_unit *u = NULL;
    for (size_t i = 0; unit && i < r->unit_count && !u; i++)
        if (strcmp(ind_dataset_str(ds, r->units[i].unit), unit) == 0)
            u = &r->units[i];
    if (u) {
        add(&s, "%s: ", unit);
        estimate_text(&s, r, u, lang);
        add(&s, en ? ", against " : ", mot ");
        pooled_text(&s, r, lang);
        add(&s, en ? " for all %zu units." : " för alla %zu enheter.", r->tested + r->excluded);
        unit_judgement(&s, &note, r, u, lang);
    } else {
        size_t better = 0, worse = 0;
        for (size_t i = 0; i < r->unit_count; i++) {
            better += r->units[i].in_funnel && r->units[i].funnel.cls != IND_FUNNEL_WITHIN && r->units[i].funnel_verdict > 0;
            worse += r->units[i].in_funnel && r->units[i].funnel.cls != IND_FUNNEL_WITHIN && r->units[i].funnel_verdict < 0;
        }
        add(&s, en ? "%s: " : "%s: ", indicator);
        pooled_text(&s, r, lang);
        add(&s, en ? " for all %zu units together." : " för alla %zu enheter tillsammans.", r->tested + r->excluded);
        if (ind_say_funnel_applies(r) && !better && !worse)
            add(&s, en ? " No unit does better or worse than can be expected for its size."
                       : " Ingen enhet är bättre eller sämre än vad som kan väntas för sin storlek.");
        else if (ind_say_funnel_applies(r))
            add(&s, en ? " %zu do better and %zu worse than can be expected for their size."
                       : " %zu är bättre och %zu sämre än vad som kan väntas för sin storlek.",
                better, worse);
        else if (!isnan(r->p))
            add(&s, r->p < 0.05 ? (en ? " The units differ more than chance explains." : " Enheterna skiljer sig åt mer än slumpen förklarar.")
                                : (en ? " The differences between the units may be due to chance." : " Skillnaderna mellan enheterna kan bero på slumpen."));
    }
    if (r->data == IND_CMP_DATA_SERIES)
        add(&note, en ? "%sThe units are compared over the periods: the years are the repetitions, so the comparison is of the level over time, not of one year."
                      : "%sEnheterna jämförs över perioderna: åren är upprepningarna, så jämförelsen gäller nivån över tid, inte ett enskilt år.",
            note.len ? " " : "");
    ind_said res = {done(&s), done(&note)};
    return res;
}

ind_said ind_say_pair(const ind_cmp_result *r, const ind_cmp_pair *pair, const ind_dataset *ds, ind_lang lang)
{
    int en = lang == IND_LANG_EN;
    sb s = {0}, note = {0};
    const ind_cmp_unit *a = &r->units[pair->a], *b = &r->units[pair->b];
    add(&s, "%s ", ind_dataset_str(ds, a->unit));
    estimate_text(&s, r, a, lang);
    add(&s, en ? " against %s " : " mot %s ", ind_dataset_str(ds, b->unit));
    estimate_text(&s, r, b, lang);
    add(&s, pair->significant ? (en ? ": the difference is larger than chance explains." : ": skillnaden är större än slumpen förklarar.")
                              : (en ? ": the difference may be due to chance." : ": skillnaden kan bero på slumpen."));
    char p[48];
    ind_cell pc = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PVALUE, .value = isnan(pair->p_adjusted) ? pair->p : pair->p_adjusted};
    ind_cell_show(&pc, lang, IND_SHOW_TYPESET, p, sizeof p);
    add(&note, "%s, %s p %s%s.", ind_say_test_name(pair->test, lang), isnan(pair->p_adjusted) ? "" : (en ? "adjusted" : "justerat"),
        p[0] == '<' ? "" : "= ", p);
    ind_said res = {done(&s), done(&note)};
    return res;
}
