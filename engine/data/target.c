/* target.c: recognising the target rules the VP documents use. */
#include "target.h"
#include "number.h"
#include "text.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int number_at(const char *s, double *v, unsigned *flags)
{
    return ind_num_parse(s, strlen(s), v, flags, NULL, NULL);
}

ind_target ind_target_parse(const char *s, size_t len)
{
    ind_target t = {IND_TARGET_NONE, NAN, 0, 0};
    char f[512];
    size_t n = ind_text_fold(s, len, IND_TEXT_CASE | IND_TEXT_BLANKS, f, sizeof f, NULL);
    unsigned flags = 0;
    double v;
    if (n == 0)
        return t;
    if (number_at(f, &v, &flags) == 0) {
        /* a share of exactly 100 % cannot be beaten, only met */
        t.kind = (flags & IND_NUM_PERCENT) && v == 100 ? IND_TARGET_EXACT : IND_TARGET_VALUE;
        t.value = v;
        t.percent = (flags & IND_NUM_PERCENT) != 0;
        return t;
    }
    /* direction words, possibly followed by a comment such as "(i jämförelse med 2025)" */
    static const char *const up[] = {"öka", "ökning", "ökar", "öka jämfört", "höja", "högre"};
    static const char *const down[] = {"minska", "minskning", "minskar", "sänka", "lägre"};
    for (size_t i = 0; i < sizeof up / sizeof up[0]; i++)
        if (starts(f, up[i])) {
            t.kind = IND_TARGET_INCREASE;
            return t;
        }
    for (size_t i = 0; i < sizeof down / sizeof down[0]; i++)
        if (starts(f, down[i])) {
            t.kind = IND_TARGET_DECREASE;
            return t;
        }
    /* max N / min N / minst N / högst N / exakt N, optionally with a unit word after */
    static const struct {
        const char *word;
        ind_target_kind kind;
    } caps[] = {{"max ", IND_TARGET_MAX}, {"högst ", IND_TARGET_MAX}, {"maximalt ", IND_TARGET_MAX},
                {"under ", IND_TARGET_MAX}, {"min ", IND_TARGET_MIN}, {"minst ", IND_TARGET_MIN},
                {"lägst ", IND_TARGET_MIN}, {"exakt ", IND_TARGET_EXACT}};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        if (!starts(f, caps[i].word))
            continue;
        char num[128];
        const char *p = f + strlen(caps[i].word);
        /* take the leading number-like part: digits, separators, spaces, % */
        size_t k = 0;
        while (p[k] && k + 1 < sizeof num && (isdigit((unsigned char)p[k]) || p[k] == ',' ||
                                             p[k] == '.' || p[k] == ' ' || p[k] == '%' ||
                                             p[k] == '-'))
            k++;
        memcpy(num, p, k);
        num[k] = '\0';
        if (number_at(num, &v, &flags) == 0) {
            t.kind = caps[i].kind;
            t.value = v;
            t.percent = (flags & IND_NUM_PERCENT) != 0;
            return t;
        }
    }
    /* bands: "T ± b", "T +/- b", "+/-1 %" (around 0), "±1 %" */
    const char *pm = strstr(f, "\xc2\xb1");
    size_t pm_len = 2;
    if (!pm) {
        pm = strstr(f, "+/-");
        pm_len = 3;
    }
    if (!pm) {
        pm = strstr(f, "+-");
        pm_len = 2;
    }
    if (pm) {
        char left[256];
        size_t ll = (size_t)(pm - f);
        if (ll >= sizeof left)
            ll = sizeof left - 1;
        memcpy(left, f, ll);
        left[ll] = '\0';
        double centre = 0, b;
        unsigned fl2 = 0;
        int left_empty = strspn(left, " ") == ll;
        if ((left_empty || number_at(left, &centre, &flags) == 0) &&
            number_at(pm + pm_len, &b, &fl2) == 0 && b >= 0) {
            t.kind = IND_TARGET_BAND;
            t.value = left_empty ? 0 : centre;
            t.band = b;
            t.percent = ((flags | fl2) & IND_NUM_PERCENT) != 0;
            return t;
        }
    }
    /* a number and one unit word ("525 ton", "10 personer"): the number, the
     * unit staying in the text as written */
    const char *sp = strrchr(f, ' ');
    if (sp && sp > f) {
        int word = sp[1] != '\0';
        for (const char *q = sp + 1; *q && word; q++)
            word = isalpha((unsigned char)*q) || (unsigned char)*q >= 0x80 ||
                   (*q == '.' && q[1] == '\0');
        if (word && ind_num_parse(f, (size_t)(sp - f), &v, &flags, NULL, NULL) == 0) {
            t.kind = IND_TARGET_VALUE;
            t.value = v;
            t.percent = (flags & IND_NUM_PERCENT) != 0;
            return t;
        }
    }
    t.kind = IND_TARGET_NON_NUMERIC;
    return t;
}

const char *ind_target_kind_code(ind_target_kind kind)
{
    switch (kind) {
    case IND_TARGET_NONE: return "none";
    case IND_TARGET_VALUE: return "value";
    case IND_TARGET_INCREASE: return "increase";
    case IND_TARGET_DECREASE: return "decrease";
    case IND_TARGET_MAX: return "max";
    case IND_TARGET_MIN: return "min";
    case IND_TARGET_BAND: return "band";
    case IND_TARGET_EXACT: return "exact";
    case IND_TARGET_NON_NUMERIC: return "non_numeric";
    }
    return "none";
}

char *ind_target_describe(const ind_target *t, ind_lang lang, char *buf, size_t size)
{
    int sv = lang == IND_LANG_SV;
    char a[64], b[64];
    const char *pc = t->percent ? " %" : "";
    ind_num_format_sv(t->value, 10, 0, a, sizeof a);
    /* trim trailing zeros of the fixed rendering */
    for (char *p = a + strlen(a) - 1; p > a && strchr(a, ',') && (*p == '0' || *p == ','); p--) {
        char c = *p;
        *p = '\0';
        if (c == ',')
            break;
    }
    ind_num_format_sv(t->band, 10, 0, b, sizeof b);
    for (char *p = b + strlen(b) - 1; p > b && strchr(b, ',') && (*p == '0' || *p == ','); p--) {
        char c = *p;
        *p = '\0';
        if (c == ',')
            break;
    }
    switch (t->kind) {
    case IND_TARGET_NONE: snprintf(buf, size, sv ? "årsmål saknas" : "no target"); break;
    case IND_TARGET_VALUE: snprintf(buf, size, "%s%s", a, pc); break;
    case IND_TARGET_INCREASE: snprintf(buf, size, sv ? "öka jämfört med föregående period" : "increase on the previous period"); break;
    case IND_TARGET_DECREASE: snprintf(buf, size, sv ? "minska jämfört med föregående period" : "decrease on the previous period"); break;
    case IND_TARGET_MAX: snprintf(buf, size, sv ? "högst %s%s" : "at most %s%s", a, pc); break;
    case IND_TARGET_MIN: snprintf(buf, size, sv ? "minst %s%s" : "at least %s%s", a, pc); break;
    case IND_TARGET_BAND: snprintf(buf, size, sv ? "%s ± %s%s" : "%s ± %s%s", a, b, pc); break;
    case IND_TARGET_EXACT: snprintf(buf, size, sv ? "exakt %s%s" : "exactly %s%s", a, pc); break;
    case IND_TARGET_NON_NUMERIC: snprintf(buf, size, sv ? "inget numeriskt årsmål" : "no numeric target"); break;
    }
    return buf;
}
