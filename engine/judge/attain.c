/* attain.c: the attainment rules of docs/methods.md, applied one outcome at a time. */
#include "attain.h"
#include "inference.h"
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void ind_attain_policy_default(ind_attain_policy *p)
{
    p->tolerance = 0.05;
    p->tolerance_relative = 1;
    p->min_n = 10;
    p->confidence = 0.95;
}

const char *ind_verdict_code(ind_verdict v)
{
    static const char *const c[] = {"met", "partly", "not_met", "no_target", "no_data",
                                    "small_base", "no_direction"};
    return (unsigned)v < IND_VERDICT_COUNT ? c[v] : "no_data";
}

const char *ind_verdict_label_sv(ind_verdict v)
{
    static const char *const c[] = {"Uppfylls helt", "Uppfylls delvis", "Uppfylls inte",
                                    "Årsmål saknas", "Utfall saknas", "Litet underlag",
                                    "Riktning okänd"};
    return (unsigned)v < IND_VERDICT_COUNT ? c[v] : "";
}

const char *ind_verdict_label_en(ind_verdict v)
{
    static const char *const c[] = {"Met", "Partly met", "Not met", "No target", "No data",
                                    "Small base", "Direction unknown"};
    return (unsigned)v < IND_VERDICT_COUNT ? c[v] : "";
}

const char *ind_verdict_symbol(ind_verdict v)
{
    switch (v) {
    case IND_VERDICT_MET: return "\xe2\x97\x8f";     /* ● */
    case IND_VERDICT_PARTLY: return "\xe2\x97\x90";  /* ◐ */
    case IND_VERDICT_NOT_MET: return "\xe2\x97\x8b"; /* ○ */
    default: return "\xe2\x80\x93";                  /* – */
    }
}

/* A number as people read it, with `decimals` digits: Swedish (6,7) or English (6.7). */
static char *show(double v, int decimals, int sv, char *buf, size_t size)
{
    return sv ? ind_num_format_sv(v, decimals, 0, buf, size) : ind_num_format_en(v, decimals, 0, buf, size);
}

/* The fewest decimals up to `max` that show v, for the rule in words: 10, 2,5, 0,05. */
static char *show_short(double v, int max, int sv, char *buf, size_t size)
{
    show(v, max, sv, buf, size);
    char *sep = strchr(buf, sv ? ',' : '.');
    if (sep) {
        char *end = sep + strlen(sep);
        while (end > sep + 1 && end[-1] == '0')
            end--;
        if (end == sep + 1)
            end = sep;
        *end = '\0';
    }
    return buf;
}

static int decimals_of(const ind_indicator *info, double v)
{
    int d = info ? info->decimals : 1;
    /* a target such as 9,5 must not print as 10 under a 0-decimal indicator */
    if (!isnan(v) && fabs(v - round(v)) > 1e-9 && d == 0)
        d = 1;
    return d;
}

static void set_gap(ind_attainment *a, double gap, double target)
{
    a->gap = gap;
    a->gap_relative = target != 0 && !isnan(target) ? gap / fabs(target) : NAN;
}

/* Verdict from a signed gap (negative = worse) and the delvis band. */
static ind_verdict from_gap(double gap, double tol)
{
    /* an outcome printed equal to the target meets it, whatever binary rounding did */
    if (gap >= -1e-9 * (1 + fabs(tol)))
        return IND_VERDICT_MET;
    if (gap >= -tol - 1e-12)
        return IND_VERDICT_PARTLY;
    return IND_VERDICT_NOT_MET;
}

/* What one judgement needs besides the outcome: the policy in force, the
 * language and the delvis band in words. */
typedef struct {
    ind_attain_policy policy;
    int sv;
    char tol_text[80];
} judge_ctx;

/* The delvis band around a target of size base (absolute or relative). */
static double tolerance_for(const ind_attain_policy *p, double base)
{
    return p->tolerance_relative ? p->tolerance * base : p->tolerance;
}

/* The policy (the indicator's own tolerance first), the record a with
 * everything known before a rule is applied, and the Wilson interval of a
 * proportion with counts. */
static void judge_start(judge_ctx *c, double y, double previous, double numerator, double denominator,
                        const ind_target *target, ind_direction dir, int percent, const ind_indicator *info,
                        const ind_attain_policy *policy_in, ind_attainment *a)
{
    char t1[48];
    if (policy_in)
        c->policy = *policy_in;
    else
        ind_attain_policy_default(&c->policy);
    if (info && !isnan(info->tolerance)) {
        c->policy.tolerance = info->tolerance;
        c->policy.tolerance_relative = info->tolerance_relative;
    }
    memset(a, 0, sizeof *a);
    a->rule = *target;
    a->direction = dir;
    a->value = y;
    a->target = NAN;
    a->gap = a->gap_relative = a->tolerance_abs = NAN;
    a->previous = previous;
    a->change = isnan(previous) || isnan(y) ? NAN : y - previous;
    a->ci_lo = a->ci_hi = NAN;
    a->n = denominator;
    if (c->policy.tolerance_relative)
        snprintf(c->tol_text, sizeof c->tol_text,
                 c->sv ? "delvis inom %s %% av målet" : "partly within %s %% of the target",
                 show_short(c->policy.tolerance * 100, 2, c->sv, t1, sizeof t1));
    else
        snprintf(c->tol_text, sizeof c->tol_text,
                 c->sv ? "delvis inom %s från målet" : "partly within %s of the target",
                 show_short(c->policy.tolerance, 4, c->sv, t1, sizeof t1));
    double scale = percent ? 100.0 : 1.0;
    if (!isnan(numerator) && !isnan(denominator) && denominator >= 1) {
        ind_inf_result r;
        if (ind_inf_prop1(lround(numerator), lround(denominator), 0.5, IND_INF_WILSON, c->policy.confidence,
                          &r) == IND_OK) {
            a->ci_lo = r.ci_lo * scale;
            a->ci_hi = r.ci_hi * scale;
        }
    }
}

/* The outcomes no rule can judge: no target, a target in words, no outcome,
 * too small a base. Returns 1 when a was decided here. */
static int judge_unjudged(const judge_ctx *c, double y, double denominator, const ind_target *target,
                          ind_attainment *a)
{
    int sv = c->sv;
    char t1[48], t2[48];
    if (target->kind == IND_TARGET_NONE) {
        a->verdict = IND_VERDICT_NO_TARGET;
        snprintf(a->rule_text, sizeof a->rule_text, sv ? "årsmål saknas" : "no target");
    } else if (target->kind == IND_TARGET_NON_NUMERIC) {
        a->verdict = IND_VERDICT_NO_TARGET;
        snprintf(a->rule_text, sizeof a->rule_text, sv ? "inget numeriskt årsmål" : "no numeric target");
    } else if (isnan(y)) {
        a->verdict = IND_VERDICT_NO_DATA;
        snprintf(a->rule_text, sizeof a->rule_text, sv ? "utfall saknas" : "no outcome");
    } else if (!isnan(denominator) && denominator < c->policy.min_n) {
        a->verdict = IND_VERDICT_SMALL_BASE;
        snprintf(a->rule_text, sizeof a->rule_text,
                 sv ? "n = %s är under minsta underlag %s" : "n = %s is below the smallest base %s",
                 show_short(denominator, 2, sv, t1, sizeof t1),
                 show_short(c->policy.min_n, 2, sv, t2, sizeof t2));
    } else {
        return 0;
    }
    return 1;
}

/* "Öka" / "Minska": the outcome against the year before. */
static void judge_change(const judge_ctx *c, double y, double previous, ind_target_kind kind, ind_attainment *a)
{
    int sv = c->sv;
    const char *word = kind == IND_TARGET_INCREASE ? (sv ? "öka" : "increase") : (sv ? "minska" : "decrease");
    if (isnan(previous)) {
        a->verdict = IND_VERDICT_NO_DATA;
        snprintf(a->rule_text, sizeof a->rule_text,
                 sv ? "%s: föregående års utfall saknas" : "%s: no outcome a year earlier", word);
        return;
    }
    a->target = previous;
    double tol = tolerance_for(&c->policy, fabs(previous));
    a->tolerance_abs = tol;
    double diff = kind == IND_TARGET_INCREASE ? y - previous : previous - y;
    set_gap(a, diff, previous);
    /* an unchanged outcome (printed equal, whatever binary rounding did, as in
     * from_gap) did not move as asked: at best delvis */
    if (fabs(diff) <= 1e-9 * (1 + fabs(tol)))
        a->verdict = IND_VERDICT_PARTLY;
    else
        a->verdict = diff > 0 ? IND_VERDICT_MET : from_gap(diff, tol);
    snprintf(a->rule_text, sizeof a->rule_text, sv ? "%s jämfört med året innan; %s" : "%s on the year before; %s",
             word, c->tol_text);
}

/* "Max N", "Min N", "Exakt N". */
static void judge_bound(const judge_ctx *c, double y, double t, ind_target_kind kind, ind_attainment *a)
{
    int sv = c->sv;
    char t1[48];
    const char *word = kind == IND_TARGET_MAX   ? (sv ? "högst" : "at most")
                       : kind == IND_TARGET_MIN ? (sv ? "minst" : "at least")
                                                : (sv ? "exakt" : "exactly");
    double gap = kind == IND_TARGET_MAX ? t - y : kind == IND_TARGET_MIN ? y - t : -fabs(y - t);
    a->target = t;
    a->tolerance_abs = tolerance_for(&c->policy, fabs(t));
    set_gap(a, gap, t);
    a->verdict = from_gap(a->gap, a->tolerance_abs);
    snprintf(a->rule_text, sizeof a->rule_text, "%s %s; %s", word, show_short(t, 4, sv, t1, sizeof t1),
             c->tol_text);
}

/* "T ± b": inside the band is met. */
static void judge_band(const judge_ctx *c, double y, double t, double b, ind_attainment *a)
{
    int sv = c->sv;
    char t1[48], t2[48];
    a->target = t;
    double tol = tolerance_for(&c->policy, t != 0 ? fabs(t) : b);
    a->tolerance_abs = tol;
    a->gap = b - fabs(y - t);
    a->gap_relative = b > 0 ? a->gap / b : NAN;
    a->verdict = from_gap(a->gap, tol);
    snprintf(a->rule_text, sizeof a->rule_text, sv ? "inom %s ± %s; %s" : "within %s ± %s; %s",
             show_short(t, 4, sv, t1, sizeof t1), show_short(b, 4, sv, t2, sizeof t2), c->tol_text);
}

/* A plain number: judged by the indicator's direction. */
static void judge_value(const judge_ctx *c, double y, double t, ind_direction dir, ind_attainment *a)
{
    int sv = c->sv;
    char t1[48], t2[48];
    double tol = tolerance_for(&c->policy, fabs(t));
    a->target = t;
    a->tolerance_abs = tol;
    switch (dir) {
    case IND_DIR_HIGHER:
    case IND_DIR_LOWER:
        set_gap(a, dir == IND_DIR_HIGHER ? y - t : t - y, t);
        a->verdict = from_gap(a->gap, tol);
        snprintf(a->rule_text, sizeof a->rule_text, "%s; %s",
                 dir == IND_DIR_HIGHER ? (sv ? "högre är bättre" : "higher is better")
                                       : (sv ? "lägre är bättre" : "lower is better"),
                 c->tol_text);
        break;
    case IND_DIR_BAND:
        /* a two-sided indicator with a plain number: the band is the tolerance */
        set_gap(a, tol - fabs(y - t), t);
        a->verdict = from_gap(a->gap, tol);
        snprintf(a->rule_text, sizeof a->rule_text,
                 sv ? "tvåsidigt: inom %s från %s uppfyllt, inom dubbla delvis"
                    : "two-sided: within %s of %s met, within twice that partly",
                 show_short(tol, 4, sv, t1, sizeof t1), show_short(t, 4, sv, t2, sizeof t2));
        break;
    case IND_DIR_NEUTRAL:
        a->verdict = IND_VERDICT_NO_TARGET;
        snprintf(a->rule_text, sizeof a->rule_text,
                 sv ? "neutral indikator: bedöms inte" : "neutral indicator: not judged");
        break;
    case IND_DIR_UNKNOWN:
    default:
        a->verdict = IND_VERDICT_NO_DIRECTION;
        snprintf(a->rule_text, sizeof a->rule_text,
                 sv ? "indikatorn saknas i katalogen: riktning okänd"
                    : "indicator not in the catalogue: direction unknown");
        break;
    }
}

/* The target inside the outcome's interval: not distinguishable from it
 * (a band has two edges; the interval test is for a single number). */
static void qualify(ind_target_kind kind, ind_attainment *a)
{
    if (isnan(a->ci_lo) || kind == IND_TARGET_BAND ||
        !(a->verdict == IND_VERDICT_MET || a->verdict == IND_VERDICT_PARTLY || a->verdict == IND_VERDICT_NOT_MET))
        return;
    double goal = a->target;
    if (!isnan(goal) && goal >= a->ci_lo && goal <= a->ci_hi)
        a->uncertain = 1;
}

ind_status ind_attain_judge(double y, double previous, double numerator, double denominator,
                            const ind_target *target, ind_direction dir, int percent,
                            const ind_indicator *info, const ind_attain_policy *policy_in,
                            ind_lang lang, ind_attainment *a)
{
    judge_ctx c;
    c.sv = lang == IND_LANG_SV;
    judge_start(&c, y, previous, numerator, denominator, target, dir, percent, info, policy_in, a);
    if (judge_unjudged(&c, y, denominator, target, a))
        return IND_OK;
    ind_target_kind kind = target->kind;
    switch (kind) {
    case IND_TARGET_INCREASE:
    case IND_TARGET_DECREASE:
        judge_change(&c, y, previous, kind, a);
        break;
    case IND_TARGET_MAX:
    case IND_TARGET_MIN:
    case IND_TARGET_EXACT:
        judge_bound(&c, y, target->value, kind, a);
        break;
    case IND_TARGET_BAND:
        judge_band(&c, y, target->value, target->band, a);
        break;
    case IND_TARGET_VALUE:
    default:
        judge_value(&c, y, target->value, dir, a);
        break;
    }
    qualify(kind, a); /* no-op unless a rule gave met, partly or not met */
    return IND_OK;
}

ind_status ind_attain_obs(const ind_dataset *ds, size_t i, int kf, const ind_attain_policy *policy,
                          ind_lang lang, ind_attainment *out)
{
    int sv = lang == IND_LANG_SV;
    ind_obs o;
    ind_dataset_get(ds, i, &o);
    const ind_series *s = ind_dataset_series(ds, o.series);
    ind_str text = kf ? o.kf_target : o.target;
    if (!text && s->gender != IND_GENDER_T) {
        /* borrow the total's target for the same period */
        long ts = ind_dataset_find_series(ds, ind_dataset_str(ds, s->unit),
                                          ind_dataset_str(ds, s->indicator), IND_GENDER_T);
        long j = ts >= 0 ? ind_dataset_find_obs(ds, (size_t)ts, o.period) : -1;
        if (j >= 0) {
            ind_obs t;
            ind_dataset_get(ds, (size_t)j, &t);
            text = kf ? t.kf_target : t.target;
        }
    }
    ind_target target = ind_dataset_target(ds, text);
    double previous = NAN;
    ind_period pp = ind_period_year_before(o.period);
    long j = ind_dataset_find_obs(ds, o.series, pp);
    if (j >= 0)
        previous = ind_dataset_value(ds, (size_t)j);
    const ind_indicator *info = s->info;
    int percent = info ? info->measure == IND_MEASURE_PERCENT : target.percent;
    ind_direction dir = info ? info->direction : IND_DIR_UNKNOWN;
    if (kf && info && info->kf_scope == IND_KF_SCOPE_CITY && target.kind != IND_TARGET_NONE) {
        ind_attain_judge(o.value, previous, o.numerator, o.denominator, &target, dir, percent, info,
                         policy, lang, out);
        out->verdict = IND_VERDICT_NO_TARGET;
        out->gap = out->gap_relative = NAN;
        out->uncertain = 0;
        snprintf(out->rule_text, sizeof out->rule_text,
                 sv ? "KF:s årsmål gäller hela staden och används inte för en enhet"
                    : "the KF target is a city-wide total, not used to judge a unit");
    } else {
        ind_attain_judge(o.value, previous, o.numerator, o.denominator, &target, dir, percent, info,
                         policy, lang, out);
    }
    out->previous_period = j >= 0 ? pp : 0;
    return IND_OK;
}

char *ind_attain_sentence(const ind_attainment *a, const char *indicator, const ind_indicator *info,
                          ind_lang lang, char *buf, size_t size)
{
    int sv = lang == IND_LANG_SV;
    int percent = info ? info->measure == IND_MEASURE_PERCENT : a->rule.percent;
    const char *unit = percent ? " %" : "";
    char v[48], t[48], c[48], b[48];
    int d = decimals_of(info, a->value);
    show(a->value, d, sv, v, sizeof v);
    show(a->target, decimals_of(info, a->target), sv, t, sizeof t);
    const char *verdict;
    switch (a->verdict) {
    case IND_VERDICT_MET: verdict = sv ? "årsmålet nås" : "the target is met"; break;
    case IND_VERDICT_PARTLY: verdict = sv ? "årsmålet nås delvis" : "the target is partly met"; break;
    case IND_VERDICT_NOT_MET: verdict = sv ? "årsmålet nås inte" : "the target is not met"; break;
    default: verdict = NULL;
    }
    size_t n = 0;
    if (!verdict) {
        n = (size_t)snprintf(buf, size, "%s: %s.", indicator,
                             sv ? ind_verdict_label_sv(a->verdict) : ind_verdict_label_en(a->verdict));
        return buf;
    }
    switch (a->rule.kind) {
    case IND_TARGET_INCREASE:
    case IND_TARGET_DECREASE:
        n = (size_t)snprintf(buf, size, sv ? "%s %s%s mot %s%s året innan (årsmål: %s): %s." : "%s %s%s against %s%s the year before (target: %s): %s.",
                             indicator, v, unit, t, unit,
                             a->rule.kind == IND_TARGET_INCREASE ? (sv ? "öka" : "increase") : (sv ? "minska" : "decrease"),
                             verdict);
        break;
    case IND_TARGET_MAX:
        n = (size_t)snprintf(buf, size, sv ? "%s %s%s mot årsmålet högst %s%s: %s." : "%s %s%s against the target of at most %s%s: %s.",
                             indicator, v, unit, t, unit, verdict);
        break;
    case IND_TARGET_MIN:
        n = (size_t)snprintf(buf, size, sv ? "%s %s%s mot årsmålet minst %s%s: %s." : "%s %s%s against the target of at least %s%s: %s.",
                             indicator, v, unit, t, unit, verdict);
        break;
    case IND_TARGET_BAND:
        show(a->rule.band, decimals_of(info, a->rule.band), sv, b, sizeof b);
        n = (size_t)snprintf(buf, size, sv ? "%s %s%s mot årsmålet %s ± %s%s: %s." : "%s %s%s against the target %s ± %s%s: %s.",
                             indicator, v, unit, t, b, unit, verdict);
        break;
    default:
        n = (size_t)snprintf(buf, size, sv ? "%s %s%s mot årsmålet %s%s: %s." : "%s %s%s against the target %s%s: %s.",
                             indicator, v, unit, t, unit, verdict);
    }
    if (n < size && !isnan(a->change) && a->previous_period) {
        char per[16];
        snprintf(per, sizeof per, "%d", ind_period_year(a->previous_period));
        show(fabs(a->change), d, sv, c, sizeof c);
        int one = strcmp(c, "1") == 0;
        const char *step = !percent ? "" : sv ? (one ? " procentenhet" : " procentenheter")
                                              : (one ? " percentage point" : " percentage points");
        if (fabs(a->change) < 0.5 * pow(10, -d))
            n += (size_t)snprintf(buf + n, size - n, sv ? " Oförändrat sedan %s." : " Unchanged since %s.", per);
        else
            n += (size_t)snprintf(buf + n, size - n, sv ? " %s med %s%s sedan %s." : " %s of %s%s since %s.",
                                  a->change > 0 ? (sv ? "Ökning" : "An increase") : (sv ? "Minskning" : "A decrease"),
                                  c, step, per);
    }
    if (n < size && a->uncertain) {
        char lo[48], hi[48];
        show(a->ci_lo, d, sv, lo, sizeof lo);
        show(a->ci_hi, d, sv, hi, sizeof hi);
        snprintf(buf + n, size - n,
                 sv ? " Osäkert: årsmålet ligger inom osäkerhetsintervallet %s–%s%s (n = %.0f)."
                    : " Uncertain: the target lies within the interval %s–%s%s (n = %.0f).",
                 lo, hi, unit, a->n);
    }
    return buf;
}
