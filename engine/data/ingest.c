/* ingest.c: CSV rows -> validated observations in a dataset.
 *
 * The header decides the form: a "Periodens utfall" column means the VB-table
 * form, otherwise the canonical long form. Every cell is checked where it is
 * read, so an error can name its line, column and column name. */
#include "ingest.h"
#include "kolada.h"
#include "number.h"
#include "parallel.h"
#include "target.h"
#include "text.h"

#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    F_UNIT, F_INDICATOR, F_PERIOD, F_GENDER, F_VALUE, F_NUMERATOR, F_DENOMINATOR, F_SD,
    F_TARGET, F_KF_TARGET, F_MISSING, F_GOAL, F_NOTE, F_SOURCE,
    /* VB-table columns */
    F_VB_MEN, F_VB_WOMEN, F_VB_PREVIOUS,
    /* read and set aside: the extractor's periodicity and unit of the printed value */
    F_PERIODICITY, F_VALUE_UNIT,
    F_COUNT
};

static const char *const field_name[F_COUNT] = {
    "unit", "indicator", "period", "gender", "value", "numerator", "denominator", "sd",
    "target", "kf_target", "missing", "goal", "note", "source",
    "Utfall män/pojkar", "Utfall kvinnor/flickor", "föregående år", "periodicity", "value_unit"};

/* Header names after folding (lower case, single spaces). */
static const struct {
    const char *name;
    int field;
} header_alias[] = {
    {"unit", F_UNIT}, {"enhet", F_UNIT}, {"enhetsnamn", F_UNIT}, {"kommun", F_UNIT},
    {"municipality", F_UNIT},
    {"indicator", F_INDICATOR}, {"indikator", F_INDICATOR}, {"nyckeltal", F_INDICATOR},
    {"kpi", F_INDICATOR},
    {"period", F_PERIOD}, {"år", F_PERIOD}, {"year", F_PERIOD}, {"ar", F_PERIOD},
    {"gender", F_GENDER}, {"kön", F_GENDER}, {"kon", F_GENDER}, {"sex", F_GENDER},
    {"value", F_VALUE}, {"utfall", F_VALUE}, {"värde", F_VALUE}, {"varde", F_VALUE},
    {"periodens utfall", F_VALUE},
    {"numerator", F_NUMERATOR}, {"täljare", F_NUMERATOR}, {"taljare", F_NUMERATOR},
    {"denominator", F_DENOMINATOR}, {"nämnare", F_DENOMINATOR}, {"namnare", F_DENOMINATOR},
    {"n", F_DENOMINATOR},
    {"sd", F_SD}, {"standardavvikelse", F_SD},
    {"target", F_TARGET}, {"årsmål", F_TARGET}, {"arsmal", F_TARGET},
    {"kf_target", F_KF_TARGET}, {"kf:s årsmål", F_KF_TARGET}, {"kfs årsmål", F_KF_TARGET},
    {"kf årsmål", F_KF_TARGET}, {"kf:s arsmal", F_KF_TARGET},
    {"missing", F_MISSING}, {"saknas", F_MISSING}, {"orsak", F_MISSING},
    {"goal", F_GOAL}, {"mål", F_GOAL}, {"mal", F_GOAL},
    {"note", F_NOTE}, {"kommentar", F_NOTE}, {"anmärkning", F_NOTE},
    {"source", F_SOURCE}, {"källa", F_SOURCE}, {"kalla", F_SOURCE},
    {"utfall män/pojkar", F_VB_MEN}, {"utfall män", F_VB_MEN}, {"män/pojkar", F_VB_MEN},
    {"utfall kvinnor/flickor", F_VB_WOMEN}, {"utfall kvinnor", F_VB_WOMEN},
    {"kvinnor/flickor", F_VB_WOMEN},
    {"periodens utfall föregående år", F_VB_PREVIOUS}, {"föregående år", F_VB_PREVIOUS},
    {"utfall föregående år", F_VB_PREVIOUS},
    {"periodicity", F_PERIODICITY}, {"periodicitet", F_PERIODICITY},
    {"value_unit", F_VALUE_UNIT}, {"måttenhet", F_VALUE_UNIT},
};

/* A cell's text as the row before had it, and what it was interned as: rows
 * come grouped, so a unit, indicator or target usually repeats the row
 * before's exactly. The bytes are kept (a field's text lasts one row). */
#define REPEAT_MAX 64
typedef struct {
    size_t len; /* 0: nothing kept */
    ind_str id;
    char text[REPEAT_MAX];
} repeat;

typedef struct {
    ind_dataset *ds;
    ind_strtab *str;
    const ind_ingest_options *opt;
    ind_form form;
    int col[F_COUNT];
    const char *header[F_COUNT]; /* the header text of each column, for messages */
    char *header_copy[F_COUNT];
    size_t header_count;
    int have_header;
    ind_period previous_period; /* VB form: from "Periodens utfall VB 2020" */
    int previous_is_year_before;
    ind_str file;
    ind_str fixed_unit;
    size_t added;
    /* one-entry caches: rows come grouped by unit and indicator */
    repeat unit_text, indicator_text, target_text, kf_target_text;
    ind_str last_indicator;
    const ind_indicator *last_info;
    ind_str plausible[2]; /* the last target and KF target texts found plausible */
    ind_dataset_part *part; /* reading one piece of a file in a thread: rows go here */
} ingest;

/* Lower-cases, collapses blanks and trims, into out; underscores before the
 * first letter are dropped, and a blank before an underscore ("kf _target"). */
static void fold_header(const char *s, size_t len, char *out, size_t size)
{
    size_t w = 1;
    while (len && (*s == '_' || ind_text_blank_at(s, len, 0, &w))) {
        w = *s == '_' ? 1 : w;
        s += w;
        len -= w;
    }
    size_t n = ind_text_fold(s, len, IND_TEXT_CASE | IND_TEXT_BLANKS, out, size, NULL);
    for (char *p = out; (p = strstr(p, " _")) != NULL; n--)
        memmove(p, p + 1, n - (size_t)(p - out));
}

static ind_status read_header(ingest *in, const ind_csv_row *row, ind_error *err)
{
    for (int f = 0; f < F_COUNT; f++)
        in->col[f] = -1;
    int vb = 0;
    for (size_t i = 0; i < row->count; i++) {
        char h[256];
        fold_header(row->field[i], row->len[i], h, sizeof h);
        if (strcmp(h, "periodens utfall") == 0)
            vb = 1;
    }
    in->form = vb ? IND_FORM_VB_TABLE : IND_FORM_LONG;
    for (size_t i = 0; i < row->count; i++) {
        char h[256];
        fold_header(row->field[i], row->len[i], h, sizeof h);
        int f = -1;
        if (h[0] == '\0' && vb) /* the VB's leading empty column */
            continue;
        for (size_t a = 0; a < sizeof header_alias / sizeof header_alias[0]; a++)
            if (strcmp(h, header_alias[a].name) == 0) {
                f = header_alias[a].field;
                break;
            }
        if (f < 0 && vb && strncmp(h, "periodens utfall ", 17) == 0) {
            /* "Periodens utfall VB 2020", "Periodens utfall T2 2020" */
            const char *why;
            if (ind_period_parse(h + 17, strlen(h + 17), &in->previous_period, &why) != 0)
                return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)i + 1,
                                     "cannot read the period in the column \"%s\": %s",
                                     row->field[i], why);
            f = F_VB_PREVIOUS;
        }
        if (f == F_VB_PREVIOUS && !in->previous_period)
            in->previous_is_year_before = 1;
        if (f >= F_VB_MEN && f <= F_VB_PREVIOUS && !vb)
            f = -1;
        if (f < 0)
            return ind_error_set(
                err, IND_EINPUT, row->path, row->line, (long)i + 1,
                vb ? "unknown column \"%s\" in a VB table; the columns are Indikator, Periodens "
                     "utfall, Utfall män/pojkar, Utfall kvinnor/flickor, Periodens utfall "
                     "<period>, Årsmål, KF:s årsmål, Period and optionally Enhet"
                   : "unknown column \"%s\"; the columns are unit, indicator, period, gender, "
                     "value, numerator, denominator, sd, target, kf_target, missing, goal, note, "
                     "source (or enhet, indikator, period, kön, utfall, täljare, nämnare, sd, "
                     "årsmål, KF:s årsmål, saknas, mål, kommentar, källa)",
                row->field[i]);
        if (in->col[f] >= 0)
            return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)i + 1,
                                 "the column \"%s\" appears twice (also column %d)",
                                 row->field[i], in->col[f] + 1);
        in->col[f] = (int)i;
        in->header_copy[f] = strdup(row->field[i]);
        in->header[f] = in->header_copy[f] ? in->header_copy[f] : field_name[f];
    }
    /* the columns named as a person may write them, in either language */
    static const int need_long[] = {F_UNIT, F_INDICATOR, F_PERIOD, F_VALUE};
    static const char *const name_long[] = {"unit/enhet", "indicator/indikator", "period", "value/utfall"};
    static const int need_vb[] = {F_INDICATOR, F_VALUE, F_PERIOD};
    static const char *const name_vb[] = {"Indikator", "Periodens utfall", "Period"};
    const int *need = vb ? need_vb : need_long;
    size_t nneed = vb ? 3 : 4;
    for (size_t k = 0; k < nneed; k++)
        if (in->col[need[k]] < 0) {
            if (need[k] == F_VALUE && vb)
                continue;
            return ind_error_set(err, IND_EINPUT, row->path, row->line, 0,
                                 "the header has no %s column (needed: %s)", vb ? name_vb[k] : name_long[k],
                                 vb ? "Indikator, Periodens utfall, Period"
                                    : "unit/enhet, indicator/indikator, period, value/utfall");
        }
    if (vb && in->col[F_UNIT] < 0 && !in->fixed_unit)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, 0,
                             "a VB table without an Enhet column needs the unit: give --unit NAME");
    in->header_count = row->count;
    in->have_header = 1;
    return IND_OK;
}

static ind_status cell_error(const ingest *in, const ind_csv_row *row, int f, const char *fmt,
                             const char *a, const char *b, ind_error *err)
{
    ind_error_set(err, IND_EINPUT, row->path, row->line, (long)in->col[f] + 1, fmt, a, b);
    ind_error_prefix(err, in->header[f]);
    return IND_EINPUT;
}

/* Whether s[0..len) is all white space (as isspace in the C locale). */
static int blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!(s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
            return 0;
    return 1;
}

/* The message for a number cell that is not a number (apart from the cell's
 * reading, which runs for every row). */
static __attribute__((noinline)) ind_status not_a_number(const ingest *in, const ind_csv_row *row, int f,
                                                         const char *s, size_t len, const char *why, ind_error *err)
{
    char quoted[80];
    snprintf(quoted, sizeof quoted, "%.*s%s", len > 60 ? 60 : (int)len, s, len > 60 ? "..." : "");
    return cell_error(in, row, f, "\"%s\" is not a number (%s)", quoted, why, err);
}

/* Reads an optional number cell; NaN when empty. Kolada's marks are handled by the caller. */
static ind_status number_cell(const ingest *in, const ind_csv_row *row, int f, double *out,
                              unsigned *flags, ind_error *err)
{
    *out = NAN;
    if (flags)
        *flags = 0;
    if (in->col[f] < 0 || (size_t)in->col[f] >= row->count)
        return IND_OK;
    const char *s = row->field[in->col[f]];
    size_t len = row->len[in->col[f]];
    if (blank(s, len))
        return IND_OK;
    const char *why;
    if (ind_num_parse(s, len, out, flags, &why, NULL) != 0)
        return not_a_number(in, row, f, s, len, why, err);
    return IND_OK;
}

/* Interns a text cell, trimmed. An apostrophe before = + - @ is the guard that
 * `indikator import` (like other careful CSV writers) puts on text a
 * spreadsheet would run as a formula; it is not part of the text. */
static ind_str intern_trimmed(ind_strtab *str, const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (len >= 2 && s[0] == '\'' && s[1] && strchr("=+-@\t\r", s[1]))
        s++, len--;
    return ind_strtab_intern(str, s, len);
}

/* Whether a[0..n) and b[0..n) are the same bytes: texts of 4 to 16 bytes
 * (most units, indicators and targets) in two overlapping loads each, not a
 * call to memcmp; a row compares three such texts with the row before's. */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
    if (n >= 8 && n <= 16) {
        uint64_t a0, a1, b0, b1;
        memcpy(&a0, a, 8), memcpy(&b0, b, 8), memcpy(&a1, a + n - 8, 8), memcpy(&b1, b + n - 8, 8);
        return a0 == b0 && a1 == b1;
    }
    if (n >= 4 && n < 8) {
        uint32_t a0, a1, b0, b1;
        memcpy(&a0, a, 4), memcpy(&b0, b, 4), memcpy(&a1, a + n - 4, 4), memcpy(&b1, b + n - 4, 4);
        return a0 == b0 && a1 == b1;
    }
    return memcmp(a, b, n) == 0;
}

/* Interns s[0..len) trimmed, or gives the id of the row before's text when
 * s is the same bytes. */
static ind_str intern_repeat(ind_strtab *str, repeat *r, const char *s, size_t len)
{
    if (len && r->len == len && same_bytes(r->text, s, len))
        return r->id;
    ind_str id = intern_trimmed(str, s, len);
    r->len = 0;
    if (id != (ind_str)-1 && len <= REPEAT_MAX) {
        memcpy(r->text, s, len);
        r->len = len;
        r->id = id;
    }
    return id;
}

static const char *text(const ingest *in, const ind_csv_row *row, int f, size_t *len)
{
    if (in->col[f] < 0 || (size_t)in->col[f] >= row->count) {
        *len = 0;
        return "";
    }
    *len = row->len[in->col[f]];
    return row->field[in->col[f]];
}

/* Cell f of the row as written (trimmed; cut to fit buf) for a message, or v
 * when the row has no such cell: a person finds the text they typed, in their
 * own decimal separator. */
static const char *as_written(const ingest *in, const ind_csv_row *row, int f, double v, char *buf, size_t size)
{
    size_t len;
    const char *s = text(in, row, f, &len);
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (!len)
        snprintf(buf, size, "%g", v);
    else
        snprintf(buf, size, "%.*s%s", len > 40 ? 40 : (int)len, s, len > 40 ? "..." : "");
    return buf;
}

int ind_value_plausible(double v) { return isnan(v) || fabs(v) < IND_VALUE_LIMIT; }

const char ind_value_implausible_msg[] =
    "%s is not a plausible value: indikator reads numbers below 10^15 in size";

/* Refuses a number of the row beyond IND_VALUE_LIMIT, naming its cell: the
 * value, numerator, denominator, sd, and the numbers of both targets. */
static ind_status check_plausible(ingest *in, const ind_csv_row *row, const ind_obs *o, int f_value,
                                  ind_error *err)
{
    /* the common row: every number plausible, both targets as the row before's */
    if (ind_value_plausible(o->value) && ind_value_plausible(o->numerator) && ind_value_plausible(o->denominator) &&
        ind_value_plausible(o->sd) && (!o->target || o->target == in->plausible[0]) &&
        (!o->kf_target || o->kf_target == in->plausible[1]))
        return IND_OK;
    const struct {
        double v;
        int f;
    } num[] = {{o->value, f_value}, {o->numerator, F_NUMERATOR}, {o->denominator, F_DENOMINATOR}, {o->sd, F_SD}};
    char a[64];
    for (size_t i = 0; i < sizeof num / sizeof num[0]; i++)
        if (!ind_value_plausible(num[i].v)) {
            as_written(in, row, num[i].f, num[i].v, a, sizeof a);
            return cell_error(in, row, num[i].f, ind_value_implausible_msg, a, "", err);
        }
    const struct {
        ind_str s;
        int f;
    } tg[] = {{o->target, F_TARGET}, {o->kf_target, F_KF_TARGET}};
    for (size_t i = 0; i < 2; i++) {
        if (!tg[i].s || tg[i].s == in->plausible[i])
            continue; /* the same text as the row before: parsed and plausible */
        ind_target t = ind_target_parse(ind_strtab_get(in->str, tg[i].s), ind_strtab_len(in->str, tg[i].s));
        if (!ind_value_plausible(t.value) || !ind_value_plausible(t.band)) {
            as_written(in, row, tg[i].f, ind_value_plausible(t.value) ? t.band : t.value, a, sizeof a);
            return cell_error(in, row, tg[i].f, ind_value_implausible_msg, a, "", err);
        }
        in->plausible[i] = tg[i].s;
    }
    return IND_OK;
}

/* Checks and adds one observation; f_value names the column the value came from. */
static ind_status add_checked(ingest *in, const ind_csv_row *row, ind_str unit, ind_str indicator,
                              const ind_indicator *info, ind_gender g, ind_obs *o, int f_value,
                              unsigned value_flags, ind_error *err)
{
    char a[64], b[64];
    ind_status pst = check_plausible(in, row, o, f_value, err);
    if (pst != IND_OK)
        return pst;
    if (!isnan(o->value)) {
        /* a percent indicator is a share 0-100, unless it is two-sided (a deviation such as
         * budget within ±1 %, which may be negative) */
        int share = info ? info->measure == IND_MEASURE_PERCENT && info->direction != IND_DIR_BAND
                         : (value_flags & IND_NUM_PERCENT) != 0;
        if (share && (o->value < 0 || o->value > 100)) {
            /* "130 %" or "130": the number, the format says the % */
            size_t n = strlen(as_written(in, row, f_value, o->value, a, sizeof a));
            while (n && (a[n - 1] == '%' || isspace((unsigned char)a[n - 1])))
                a[--n] = '\0';
            return cell_error(in, row, f_value,
                              "a share of %s %% is impossible: a percentage lies between 0 and 100%s",
                              a, "", err);
        }
        if (info && info->measure == IND_MEASURE_COUNT && o->value < 0) {
            as_written(in, row, f_value, o->value, a, sizeof a);
            return cell_error(in, row, f_value, "a count cannot be negative (%s)%s", a, "", err);
        }
    }
    if (!isnan(o->numerator) && o->numerator < 0) {
        as_written(in, row, F_NUMERATOR, o->numerator, a, sizeof a);
        return cell_error(in, row, F_NUMERATOR, "a negative numerator (%s) is impossible%s", a, "", err);
    }
    if (!isnan(o->denominator) && o->denominator < 0) {
        as_written(in, row, F_DENOMINATOR, o->denominator, a, sizeof a);
        return cell_error(in, row, F_DENOMINATOR, "a negative n (%s) is impossible%s", a, "", err);
    }
    if (!isnan(o->numerator) && !isnan(o->denominator) && o->numerator > o->denominator) {
        as_written(in, row, F_NUMERATOR, o->numerator, a, sizeof a);
        as_written(in, row, F_DENOMINATOR, o->denominator, b, sizeof b);
        return cell_error(in, row, F_NUMERATOR, "the numerator %s is larger than the denominator %s",
                          a, b, err);
    }
    if (!isnan(o->numerator) && isnan(o->denominator))
        return cell_error(in, row, F_NUMERATOR, "a numerator needs a denominator%s%s", "", "", err);
    if (!isnan(o->sd) && o->sd < 0) {
        as_written(in, row, F_SD, o->sd, a, sizeof a);
        return cell_error(in, row, F_SD, "a negative standard deviation (%s) is impossible%s", a, "", err);
    }
    if (isnan(o->value) && !isnan(o->numerator) && o->denominator > 0 &&
        (!info || info->measure == IND_MEASURE_PERCENT) && o->missing == IND_MISSING_NONE)
        o->value = 100.0 * o->numerator / o->denominator;
    /* a yearly indicator's year-end (VB, T3) value is its value for the year */
    if (info && info->periodicity == IND_PERIOD_YEAR &&
        ind_period_kind_of(o->period) == IND_PERIOD_TERTIAL && ind_period_sub(o->period) == 3)
        o->period = ind_period_make(ind_period_year(o->period), IND_PERIOD_YEAR, 0);
    o->file = in->file;
    o->line = (uint32_t)row->line;
    ind_status st = in->part ? ind_dataset_part_add(in->part, unit, indicator, g, o, err)
                             : ind_dataset_add_ids(in->ds, unit, indicator, g, o, err);
    if (st != IND_OK && err && !err->file[0]) {
        err->line = row->line;
        snprintf(err->file, sizeof err->file, "%s", row->path);
    }
    in->added++;
    return st;
}

static const ind_indicator *indicator_info(ingest *in, ind_str id)
{
    if (id == in->last_indicator)
        return in->last_info;
    const char *name = ind_strtab_get(in->str, id);
    in->last_indicator = id;
    in->last_info = ind_catalog_lookup(ind_dataset_catalog(in->ds), name, strlen(name));
    return in->last_info;
}

/* A value cell: a number, empty, or one of Kolada's marks. */
static ind_status value_cell(const ingest *in, const ind_csv_row *row, int f, ind_obs *o,
                             unsigned *flags, int text_is_note, ind_error *err)
{
    size_t len;
    const char *s = text(in, row, f, &len);
    if (len && s[0] >= '0' && s[0] <= '9') /* a number, the common case: no mark starts with a digit */
        return number_cell(in, row, f, &o->value, flags, err);
    ind_missing m;
    *flags = 0;
    o->value = NAN;
    if (ind_missing_parse(s, len, &m) == 0 && !blank(s, len)) {
        o->missing = m;
        return IND_OK;
    }
    if (text_is_note && !blank(s, len)) {
        /* a VB table may print text ("Se text nedan") where a number belongs */
        const char *why;
        double v;
        if (ind_num_parse(s, len, &v, flags, &why, NULL) != 0) {
            int has_digit = 0;
            for (size_t i = 0; i < len; i++)
                has_digit |= isdigit((unsigned char)s[i]) != 0;
            if (!has_digit) {
                o->note = intern_trimmed(in->str, s, len);
                o->missing = IND_MISSING_UNREPORTED;
                ind_dataset_warn(in->ds, row->path, row->line, (long)in->col[f] + 1,
                                 "%s: text \"%.*s\" instead of a number; kept as a note", in->header[f],
                                 (int)(len > 60 ? 60 : len), s);
                return IND_OK;
            }
        }
    }
    return number_cell(in, row, f, &o->value, flags, err);
}

static ind_status long_row(ingest *in, const ind_csv_row *row, ind_error *err)
{
    size_t len;
    const char *s;
    ind_obs o;
    memset(&o, 0, sizeof o);
    o.numerator = o.denominator = o.sd = NAN;

    s = text(in, row, F_UNIT, &len);
    if (blank(s, len))
        return cell_error(in, row, F_UNIT, "the unit is empty%s%s", "", "", err);
    ind_str unit = intern_repeat(in->str, &in->unit_text, s, len);
    s = text(in, row, F_INDICATOR, &len);
    if (blank(s, len))
        return cell_error(in, row, F_INDICATOR, "the indicator is empty%s%s", "", "", err);
    ind_str indicator = intern_repeat(in->str, &in->indicator_text, s, len);
    if (unit == (ind_str)-1 || indicator == (ind_str)-1)
        return ind_error_set(err, IND_ENOMEM, row->path, row->line, 0, "out of memory");
    const ind_indicator *info = indicator_info(in, indicator);

    s = text(in, row, F_PERIOD, &len);
    const char *why;
    if (ind_period_parse(s, len, &o.period, &why) != 0) {
        char q[80];
        snprintf(q, sizeof q, "%.*s", len > 60 ? 60 : (int)len, s);
        return cell_error(in, row, F_PERIOD, "\"%s\" is not a period: %s", q, why, err);
    }
    ind_gender g = IND_GENDER_T;
    if (in->col[F_GENDER] >= 0) {
        s = text(in, row, F_GENDER, &len);
        if (len == 1 && (s[0] == 'T' || s[0] == 'K' || s[0] == 'M' || s[0] == 'X'))
            g = s[0] == 'T' ? IND_GENDER_T : s[0] == 'K' ? IND_GENDER_K : s[0] == 'M' ? IND_GENDER_M : IND_GENDER_X;
        else if (ind_gender_parse(s, len, &g) != 0) {
            char q[80];
            snprintf(q, sizeof q, "%.*s", len > 60 ? 60 : (int)len, s);
            return cell_error(in, row, F_GENDER,
                              "unknown gender \"%s\" (T, K, M or X; Totalt, Kvinnor, Män%s)", q,
                              ", Annan", err);
        }
    }
    unsigned vflags;
    ind_status st = value_cell(in, row, F_VALUE, &o, &vflags, 0, err);
    if (st != IND_OK)
        return st;
    /* (most files have none of these: their NaN stays) */
    if ((in->col[F_NUMERATOR] >= 0 && (st = number_cell(in, row, F_NUMERATOR, &o.numerator, NULL, err)) != IND_OK) ||
        (in->col[F_DENOMINATOR] >= 0 && (st = number_cell(in, row, F_DENOMINATOR, &o.denominator, NULL, err)) != IND_OK) ||
        (in->col[F_SD] >= 0 && (st = number_cell(in, row, F_SD, &o.sd, NULL, err)) != IND_OK))
        return st;
    if (in->col[F_MISSING] >= 0) {
        s = text(in, row, F_MISSING, &len);
        ind_missing m;
        if (ind_missing_parse(s, len, &m) != 0) {
            char q[80];
            snprintf(q, sizeof q, "%.*s", len > 60 ? 60 : (int)len, s);
            return cell_error(in, row, F_MISSING,
                              "unknown reason \"%s\" (-, ., .., bortfall, ej tillämplig, sekretess, "
                              "saknas)%s",
                              q, "", err);
        }
        if (m != IND_MISSING_NONE) {
            if (!isnan(o.value))
                return cell_error(in, row, F_MISSING,
                                  "a reason for a missing value (\"%s\") on a row that has a value%s",
                                  ind_missing_label_sv(m), "", err);
            o.missing = m;
        }
    }
    s = text(in, row, F_TARGET, &len);
    o.target = len ? intern_repeat(in->str, &in->target_text, s, len) : 0;
    s = text(in, row, F_KF_TARGET, &len);
    o.kf_target = len ? intern_repeat(in->str, &in->kf_target_text, s, len) : 0;
    /* texts most files have no column for: nothing to intern */
    if (in->col[F_GOAL] >= 0 && (s = text(in, row, F_GOAL, &len), len))
        o.goal = intern_trimmed(in->str, s, len);
    if (in->col[F_NOTE] >= 0 && (s = text(in, row, F_NOTE, &len), len))
        o.note = intern_trimmed(in->str, s, len);
    if (in->col[F_SOURCE] >= 0 && (s = text(in, row, F_SOURCE, &len), len))
        o.source = intern_trimmed(in->str, s, len);
    return add_checked(in, row, unit, indicator, info, g, &o, F_VALUE, vflags, err);
}

static ind_status vb_row(ingest *in, const ind_csv_row *row, ind_error *err)
{
    size_t len;
    const char *s;
    ind_str unit = in->fixed_unit;
    if (in->col[F_UNIT] >= 0) {
        s = text(in, row, F_UNIT, &len);
        if (!blank(s, len))
            unit = intern_trimmed(in->str, s, len);
    }
    if (!unit)
        return cell_error(in, row, F_UNIT, "the unit is empty%s%s", "", "", err);
    s = text(in, row, F_INDICATOR, &len);
    if (blank(s, len))
        return cell_error(in, row, F_INDICATOR, "the indicator is empty%s%s", "", "", err);
    ind_str indicator = intern_trimmed(in->str, s, len);
    const ind_indicator *info = indicator_info(in, indicator);
    ind_period period;
    const char *why;
    s = text(in, row, F_PERIOD, &len);
    if (ind_period_parse(s, len, &period, &why) != 0) {
        char q[80];
        snprintf(q, sizeof q, "%.*s", len > 60 ? 60 : (int)len, s);
        return cell_error(in, row, F_PERIOD, "\"%s\" is not a period: %s", q, why, err);
    }
    ind_obs base;
    memset(&base, 0, sizeof base);
    base.numerator = base.denominator = base.sd = NAN;
    base.period = period;
    s = text(in, row, F_TARGET, &len);
    base.target = intern_trimmed(in->str, s, len);
    s = text(in, row, F_KF_TARGET, &len);
    base.kf_target = intern_trimmed(in->str, s, len);
    s = text(in, row, F_GOAL, &len);
    base.goal = intern_trimmed(in->str, s, len);
    s = text(in, row, F_NOTE, &len);
    base.note = intern_trimmed(in->str, s, len);

    static const struct {
        int f;
        ind_gender g;
    } parts[] = {{F_VALUE, IND_GENDER_T}, {F_VB_MEN, IND_GENDER_M}, {F_VB_WOMEN, IND_GENDER_K}};
    ind_status st;
    for (size_t k = 0; k < 3; k++) {
        if (in->col[parts[k].f] < 0)
            continue;
        s = text(in, row, parts[k].f, &len);
        if (parts[k].g != IND_GENDER_T && blank(s, len))
            continue; /* no gender split printed */
        ind_obs o = base;
        unsigned flags;
        if ((st = value_cell(in, row, parts[k].f, &o, &flags, 1, err)) != IND_OK)
            return st;
        if ((st = add_checked(in, row, unit, indicator, info, parts[k].g, &o, parts[k].f, flags, err)) != IND_OK)
            return st;
    }
    if (in->col[F_VB_PREVIOUS] >= 0) {
        s = text(in, row, F_VB_PREVIOUS, &len);
        if (!blank(s, len)) {
            ind_obs o;
            memset(&o, 0, sizeof o);
            o.numerator = o.denominator = o.sd = NAN;
            o.period = in->previous_is_year_before ? ind_period_year_before(period) : in->previous_period;
            o.goal = base.goal;
            unsigned flags;
            if ((st = value_cell(in, row, F_VB_PREVIOUS, &o, &flags, 1, err)) != IND_OK)
                return st;
            if ((st = add_checked(in, row, unit, indicator, info, IND_GENDER_T, &o, F_VB_PREVIOUS, flags, err)) != IND_OK)
                return st;
        }
    }
    return IND_OK;
}

static ind_status on_row(const ind_csv_row *row, void *user, ind_error *err)
{
    ingest *in = user;
    if (!in->have_header)
        return read_header(in, row, err);
    if (row->count < in->header_count)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)row->count + 1,
                             "the row has %zu fields, the header has %zu", row->count,
                             in->header_count);
    for (size_t i = in->header_count; i < row->count; i++)
        if (!blank(row->field[i], row->len[i]))
            return ind_error_set(err, IND_EINPUT, row->path, row->line, (long)i + 1,
                                 "the row has %zu fields, the header has %zu", row->count,
                                 in->header_count);
    return in->form == IND_FORM_VB_TABLE ? vb_row(in, row, err) : long_row(in, row, err);
}

static int looks_like_json(const char *data, size_t size)
{
    size_t i = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < size && isspace((unsigned char)data[i]))
        i++;
    return i < size && (data[i] == '{' || data[i] == '[');
}

/* ---- reading a file in pieces, on every core ------------------------------ */

/* A piece's size to aim at: small enough that a core which runs slower takes
 * fewer pieces (see ind_parallel_each), large enough that the pieces' own
 * strings and series, each merged into the dataset's, stay few. */
#define PIECE_BYTES ((size_t)4 << 20)
/* The most pieces per thread: a few more than enough to even the cores out. */
#define PIECES_PER_THREAD 16

typedef struct {
    _Alignas(64) const char *text; /* a cache line of its own (see piece_job) */
    size_t size, begin, end;
    ind_csv_scan_result r;
} scan_job;

static void *scan_run(void *arg)
{
    scan_job *j = arg;
    ind_csv_scan(j->text, j->size, j->begin, j->end, &j->r);
    return NULL;
}

/* The pieces read so far, merged into the dataset in order as they are
 * ready (ind_dataset_part_merge) by whichever thread finds them so: the
 * merging is done while the other threads still read, not after. */
typedef struct {
    pthread_mutex_t lock; /* held by the thread merging */
    ind_dataset_part **part;
    atomic_uchar *ready;  /* piece k read without error */
    size_t n, next;       /* next: the first piece not merged */
    atomic_int failed;    /* a merge ran out of memory */
} merge_queue;

/* Merges the ready pieces from q->next on, unless another thread is at it:
 * that one sees this piece's flag after it lets go (the second look below). */
static void merge_ready(merge_queue *q)
{
    for (;;) {
        if (pthread_mutex_trylock(&q->lock) != 0)
            return;
        while (q->next < q->n && atomic_load(&q->ready[q->next]) && !atomic_load(&q->failed)) {
            if (ind_dataset_part_merge(q->part[q->next]) != 0)
                atomic_store(&q->failed, 1);
            else
                q->next++;
        }
        size_t next = q->next;
        pthread_mutex_unlock(&q->lock);
        if (next >= q->n || !atomic_load(&q->ready[next]) || atomic_load(&q->failed))
            return;
    }
}

/* Each job on cache lines of its own: a thread writes its job's counters and
 * cursor at every row, and a neighbour sharing a line with them would wait
 * for that line at every row too (false sharing cost a tenth of the time). */
typedef struct {
    _Alignas(64) ingest in; /* this piece's reader: its own strings and part of the dataset */
    ind_csv_cursor cur;
    ind_error err;
    size_t index;                 /* the piece's place in the file */
    atomic_size_t *first_failed;  /* the first piece that failed (count while none) */
    merge_queue *merge;
    int result; /* 0 read, 1 bad input (err), 2 out of memory, -1 for the whole-file reader,
                 * 3 not read: a piece before it failed */
    long rows;
} piece_job;

static ind_status on_row(const ind_csv_row *row, void *user, ind_error *err);

/* Marks piece k failed unless one before it failed already. */
static void piece_failed(atomic_size_t *first, size_t k)
{
    size_t seen = atomic_load(first);
    while (k < seen && !atomic_compare_exchange_weak(first, &seen, k))
        ;
}

static void *piece_run(void *arg)
{
    piece_job *j = arg;
    ind_csv_row row;
    int rc;
    if (atomic_load(j->first_failed) < j->index) {
        j->result = 3; /* the error to report lies before this piece */
        return NULL;
    }
    while ((rc = ind_csv_cursor_next(&j->cur, &row)) == 1) {
        j->rows++;
        ind_status st = on_row(&row, &j->in, &j->err);
        if (st != IND_OK) {
            j->result = st == IND_ENOMEM ? 2 : 1;
            piece_failed(j->first_failed, j->index);
            return NULL;
        }
    }
    j->result = rc == 0 ? 0 : rc == -2 ? 2 : -1;
    if (j->result) {
        piece_failed(j->first_failed, j->index);
        return NULL;
    }
    atomic_store(&j->merge->ready[j->index], 1);
    merge_ready(j->merge);
    return NULL;
}

/* The header row from the cursor as NUL-terminated fields (in buf), then read_header. */
static ind_status parallel_header(ingest *in, ind_csv_cursor *cur, const ind_csv_row *row,
                                  ind_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < row->count; i++)
        total += row->len[i] + 1;
    char *buf = malloc(total + 1);
    const char **field = malloc(row->count * sizeof *field);
    ind_status st = IND_ENOMEM;
    if (buf && field) {
        size_t n = 0;
        for (size_t i = 0; i < row->count; i++) {
            memcpy(buf + n, row->field[i], row->len[i]);
            buf[n + row->len[i]] = '\0';
            field[i] = buf + n;
            n += row->len[i] + 1;
        }
        ind_csv_row copy = *row;
        copy.field = field;
        st = read_header(in, &copy, err);
    } else {
        ind_error_set(err, IND_ENOMEM, cur->path, 0, 0, "out of memory");
    }
    free(buf);
    free(field);
    return st;
}

/* The optional dataset columns the header names. */
static unsigned header_columns(const ingest *in)
{
    return (in->col[F_NUMERATOR] >= 0 || in->col[F_DENOMINATOR] >= 0 ? IND_COLUMN_COUNTS : 0) |
           (in->col[F_SD] >= 0 ? IND_COLUMN_SD : 0) |
           (in->col[F_KF_TARGET] >= 0 ? IND_COLUMN_KF_TARGET : 0) |
           (in->col[F_GOAL] >= 0 ? IND_COLUMN_GOAL : 0) |
           (in->col[F_NOTE] >= 0 ? IND_COLUMN_NOTE : 0) |
           (in->col[F_SOURCE] >= 0 ? IND_COLUMN_SOURCE : 0);
}

/* Splits text[from..size) (after the header) into n pieces at record boundaries:
 * begin[k], line[k] for k = 0..n (begin[n] = size), from the scan's counts. */
static void split_pieces(const char *text, size_t size, size_t from, long from_line,
                         const scan_job *scan, size_t n, size_t *begin, long *line)
{
    size_t quotes = 0;
    long breaks = 0;
    begin[0] = from;
    line[0] = from_line;
    for (size_t k = 1; k <= n; k++) {
        quotes += scan[k - 1].r.quotes;
        breaks += scan[k - 1].r.breaks;
        long extra = 0;
        size_t b = k == n ? size : ind_csv_boundary(text, size, scan[k].begin, (int)(quotes & 1), &extra);
        if (b <= begin[k - 1]) {
            begin[k] = begin[k - 1];
            line[k] = line[k - 1];
        } else {
            begin[k] = b;
            line[k] = 1 + breaks + extra;
        }
    }
}

/* The tentative pieces of text[0..size) scanned, n of them, on `threads`
 * threads; 0 when every one is clean. */
static int scan_pieces(const char *text, size_t size, size_t n, int threads, scan_job *scan)
{
    for (size_t k = 0; k < n; k++) {
        scan[k].text = text;
        scan[k].size = size;
        scan[k].begin = k == 0 ? 0 : ind_csv_split_point(text, size, size / n * k);
        scan[k].end = k + 1 == n ? size : ind_csv_split_point(text, size, size / n * (k + 1));
    }
    ind_parallel_each(scan_run, scan, sizeof *scan, n, threads);
    for (size_t k = 0; k < n; k++)
        if (!scan[k].r.clean)
            return -1;
    return 0;
}

/* The pieces read on `threads` threads into parts of the dataset, merged in
 * file order: IND_OK, the first piece's error, or (with *fallback set)
 * nothing added when the whole-file reader must read the text. */
static ind_status read_pieces(ingest *in, const char *name, const char *text, char delimiter, const size_t *begin,
                              const long *line, size_t n, int threads, long *rows, int *fallback, ind_error *err)
{
    piece_job *job = aligned_alloc(_Alignof(piece_job), n * sizeof *job);
    if (job)
        memset(job, 0, n * sizeof *job);
    ind_dataset_part **part = calloc(n, sizeof *part);
    size_t *max_rows = calloc(n, sizeof *max_rows);
    if (!job || !part || !max_rows) {
        free(job), free(part), free(max_rows);
        return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory");
    }
    atomic_size_t first_failed = n;
    merge_queue merge = {.part = part, .n = n, .ready = calloc(n, sizeof *merge.ready)};
    if (!merge.ready || pthread_mutex_init(&merge.lock, NULL) != 0) {
        free(job), free(part), free(max_rows), free((void *)merge.ready);
        return ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory");
    }
    /* a record ends at a line break, but the file's last may not: the parts
     * then meet exactly, and no rows move when they are joined. That record
     * is in the last piece with text, which pieces left empty may follow
     * (a quoted field across the split points that would have begun them) */
    for (size_t k = 0; k < n; k++)
        max_rows[k] = (size_t)(line[k + 1] - line[k]) + (begin[k] < begin[k + 1] && begin[k + 1] == begin[n]);
    ind_status st = ind_dataset_parts_begin(in->ds, n, max_rows, header_columns(in), in->file, part, err);
    for (size_t k = 0; k < n && st == IND_OK; k++) {
        job[k].in = *in;
        job[k].in.part = part[k];
        job[k].in.str = ind_dataset_part_strings(part[k]);
        job[k].in.unit_text.len = job[k].in.indicator_text.len = 0;
        job[k].in.target_text.len = job[k].in.kf_target_text.len = 0;
        job[k].in.plausible[0] = job[k].in.plausible[1] = 0;
        job[k].in.last_indicator = (ind_str)-1;
        job[k].in.added = 0;
        job[k].index = k;
        job[k].first_failed = &first_failed;
        job[k].merge = &merge;
        ind_error_clear(&job[k].err);
        ind_csv_cursor_init(&job[k].cur, name, text, begin[k], begin[k + 1], line[k], delimiter);
    }
    if (st == IND_OK)
        ind_parallel_each(piece_run, job, sizeof *job, n, threads);
    int keep = st == IND_OK;
    if (keep && atomic_load(&merge.failed))
        keep = 0, st = ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory");
    for (size_t k = 0; k < n && keep; k++) {
        if (job[k].result == 0)
            continue;
        keep = 0; /* the first piece that failed: every one before it was read */
        if (job[k].result < 0)
            *fallback = 1;
        else if (job[k].result == 2)
            st = ind_error_set(err, IND_ENOMEM, name, 0, 0, "out of memory");
        else if ((st = job[k].err.status) != IND_OK && err)
            *err = job[k].err;
    }
    if (keep || st == IND_OK)
        st = ind_dataset_parts_end(in->ds, part, n, keep, err);
    else
        ind_dataset_parts_end(in->ds, part, n, 0, NULL);
    for (size_t k = 0; k < n; k++) {
        *rows += job[k].rows;
        in->added += keep ? job[k].in.added : 0;
        ind_csv_cursor_free(&job[k].cur);
    }
    pthread_mutex_destroy(&merge.lock);
    free(job), free(part), free(max_rows), free((void *)merge.ready);
    return st;
}

/* The pieces asked for (at least one a thread), or pieces of PIECE_BYTES: at
 * least 4 and at most PIECES_PER_THREAD a thread, and as many for every thread.
 * The threads end at most a piece apart: 3 pieces on 2 threads kept one thread
 * idle for a third of the time. */
static size_t piece_count(size_t size, int threads, int pieces)
{
    size_t t = (size_t)threads;
    if (pieces > 0)
        return (size_t)pieces < t ? t : (size_t)pieces;
    size_t n = size / PIECE_BYTES;
    n = n < 4 * t ? 4 * t : n > PIECES_PER_THREAD * t ? PIECES_PER_THREAD * t : n;
    return (n + t - 1) / t * t;
}

/* Reads a canonical long-form file in pieces on `threads` threads. Falls back
 * (*fallback = 1, nothing added) for whatever the whole-file reader must read:
 * another encoding or form, or text that is not clean CSV (its messages say where). */
static ind_status ingest_parallel(ingest *in, const char *name, const char *data, size_t size,
                                  int threads, ind_ingest_report *report, int *fallback, ind_error *err)
{
    int bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
    const char *text = data + 3 * bom;
    size_t tsize = size - 3 * (size_t)bom, n = piece_count(tsize, threads, in->opt->pieces);
    *fallback = 1;
    if (in->opt->encoding == IND_ENC_CP1252 || tsize == 0)
        return IND_OK;
    scan_job *scan = aligned_alloc(_Alignof(scan_job), n * sizeof *scan);
    size_t *begin = malloc((n + 1) * sizeof *begin);
    long *line = malloc((n + 1) * sizeof *line);
    ind_status st = IND_OK;
    if (scan && begin && line && scan_pieces(text, tsize, n, threads, scan) == 0) {
        char delimiter = in->opt->delimiter ? in->opt->delimiter : ind_csv_detect_delimiter(text, tsize);
        ind_csv_cursor cur;
        ind_csv_row row;
        ind_csv_cursor_init(&cur, name, text, 0, tsize, 1, delimiter);
        int rc = ind_csv_cursor_next(&cur, &row);
        st = rc == 1 ? parallel_header(in, &cur, &row, err) : IND_OK;
        size_t header_end = cur.pos;
        long header_line = cur.line;
        ind_csv_cursor_free(&cur);
        if (rc == 1 && (st != IND_OK || in->form == IND_FORM_LONG)) {
            *fallback = 0;
            report->csv.rows = 1;
            if (st == IND_OK) {
                split_pieces(text, tsize, header_end, header_line, scan, n, begin, line);
                st = read_pieces(in, name, text, delimiter, begin, line, n, threads, &report->csv.rows, fallback, err);
            }
            report->csv.encoding = IND_ENC_UTF8;
            report->csv.had_bom = bom;
            report->csv.delimiter = delimiter;
        }
    }
    free(scan), free(begin), free(line);
    return st;
}

/* How many threads read a file of size bytes: opt->threads, or for a file of a
 * megabyte and more as many as there are cores. */
static int ingest_threads(const ind_ingest_options *opt, size_t size)
{
    if (opt->threads > 0)
        return opt->threads < IND_PARALLEL_MAX ? opt->threads : IND_PARALLEL_MAX;
    return size < (1 << 20) ? 1 : ind_parallel_cores();
}

static void ingest_init(ingest *in, ind_dataset *ds, const char *name, const ind_ingest_options *opt)
{
    memset(in, 0, sizeof *in);
    in->ds = ds;
    in->str = ind_dataset_strings(ds);
    in->opt = opt;
    in->file = ind_strtab_intern(in->str, name, strlen(name));
    if (opt->unit && opt->unit[0])
        in->fixed_unit = intern_trimmed(in->str, opt->unit, strlen(opt->unit));
    in->last_indicator = (ind_str)-1;
}

static void ingest_done(ingest *in)
{
    for (int f = 0; f < F_COUNT; f++)
        free(in->header_copy[f]);
}

/* The whole file by one thread, through libcsv. */
static ind_status ingest_serial(ingest *in, const char *name, const char *data, size_t size,
                                ind_ingest_report *report, ind_error *err)
{
    /* one observation per line is the common case: grow the columns once */
    if (size > (1 << 20)) {
        /* estimate the rows from the first 256 KiB, with a margin; growth covers the rest */
        size_t sample = 1 << 18, lines = 0;
        for (const char *p = data, *end = data + sample; (p = memchr(p, '\n', (size_t)(end - p))); p++)
            lines++;
        size_t estimate = lines ? (size_t)((double)size / (double)sample * (double)lines * 1.02) + 16 : 0;
        if (estimate && ind_dataset_reserve(in->ds, estimate, err) != IND_OK)
            return err ? err->status : IND_ENOMEM;
    }
    return ind_csv_read_buffer(name, data, size, in->opt->encoding, in->opt->delimiter, on_row, in,
                               &report->csv, err);
}

ind_status ind_ingest_buffer(ind_dataset *ds, const char *name, const char *data, size_t size,
                             const ind_ingest_options *opt, ind_ingest_report *report,
                             ind_error *err)
{
    static const ind_ingest_options defaults = {IND_ENC_AUTO, 0, NULL, NULL, 0, 0, 0};
    ind_ingest_report local;
    if (!opt)
        opt = &defaults;
    if (!report)
        report = &local;
    memset(report, 0, sizeof *report);
    if (looks_like_json(data, size)) {
        report->form = IND_FORM_KOLADA;
        return ind_kolada_ingest_buffer(ds, name, data, size, opt->kolada, &report->observations, err);
    }
    if (opt->kolada_only)
        return ind_error_set(err, IND_EINPUT, name, 1, 1, "this is not Kolada JSON: it does not start with { or [");
    ingest in;
    ingest_init(&in, ds, name, opt);
    int threads = ingest_threads(opt, size), fallback = 1;
    ind_status st = IND_OK;
    if (threads > 1)
        st = ingest_parallel(&in, name, data, size, threads, report, &fallback, err);
    if (fallback) {
        ingest_done(&in);
        ingest_init(&in, ds, name, opt);
        memset(report, 0, sizeof *report);
        st = ingest_serial(&in, name, data, size, report, err);
    }
    if (st == IND_OK && !in.have_header)
        st = ind_error_set(err, IND_EINPUT, name, 0, 0, "the file has no header row");
    ingest_done(&in);
    report->form = in.form;
    report->observations = in.added;
    return st;
}

ind_status ind_ingest_file(ind_dataset *ds, const char *path, const ind_ingest_options *opt,
                           ind_ingest_report *report, ind_error *err)
{
    char *data;
    size_t size;
    ind_status st = ind_file_slurp(path, &data, &size, err);
    if (st != IND_OK)
        return st;
    st = ind_ingest_buffer(ds, path, data, size, opt, report, err);
    ind_file_free(data, size);
    return st;
}

const char *ind_form_name(ind_form form)
{
    switch (form) {
    case IND_FORM_LONG: return "long";
    case IND_FORM_VB_TABLE: return "vb-table";
    case IND_FORM_KOLADA: return "kolada";
    default: return "unknown";
    }
}
