/* opts.c: the selection and the rules a document is built with. */
#include "opts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "doc.h"
#include "number.h"

void ind_opts_init(ind_opts *o)
{
    memset(o, 0, sizeof *o);
    o->lang = IND_LANG_SV;
    ind_attain_policy_default(&o->policy);
    ind_rollup_rule_default(&o->rollup);
    o->alpha = 0.05;
}

int ind_opts_names(const ind_opts *o, const ind_dataset *ds, const ind_series *s)
{
    if (o->unit_count) {
        int ok = 0;
        for (size_t i = 0; i < o->unit_count && !ok; i++)
            ok = strcmp(ind_dataset_str(ds, s->unit), o->units[i]) == 0;
        if (!ok)
            return 0;
    }
    if (o->indicator_count) {
        int ok = 0;
        const char *name = ind_dataset_str(ds, s->indicator);
        char skey[1024], key[1024];
        ind_catalog_key(name, strlen(name), skey, sizeof skey);
        for (size_t i = 0; i < o->indicator_count && !ok; i++) {
            const ind_indicator *info = ind_catalog_lookup(ind_dataset_catalog(ds), o->indicators[i],
                                                           strlen(o->indicators[i]));
            ind_catalog_key(o->indicators[i], strlen(o->indicators[i]), key, sizeof key);
            ok = (info && s->info == info) || strcmp(key, skey) == 0;
        }
        if (!ok)
            return 0;
    }
    return 1;
}

int ind_opts_series(const ind_opts *o, const ind_dataset *ds, const ind_series *s, int default_all_genders)
{
    if (!ind_opts_names(o, ds, s))
        return 0;
    if (o->gender_all)
        return 1;
    if (o->gender_given)
        return s->gender == o->gender;
    return default_all_genders || s->gender == IND_GENDER_T;
}

int ind_opts_period(const ind_opts *o, ind_period p)
{
    if (o->year && ind_period_year(p) != o->year)
        return 0;
    /* "2021" also selects the year-end tertial of a yearly indicator read as a year */
    if (o->period && p != o->period)
        return 0;
    if (o->from && !ind_period_within(p, o->from, 0))
        return 0;
    if (o->to && !ind_period_within(p, 0, o->to))
        return 0;
    return 1;
}

int ind_opts_latest_year(const ind_dataset *ds)
{
    int latest = 0, latest_any = 0;
    size_t n = ind_dataset_obs_count(ds);
    for (size_t i = 0; i < n; i++) {
        if (isnan(ind_dataset_value(ds, i)))
            continue;
        ind_period p = ind_dataset_period(ds, i);
        int y = ind_period_year(p);
        if (y > latest_any)
            latest_any = y;
        int complete = ind_period_kind_of(p) == IND_PERIOD_YEAR ||
                       (ind_period_kind_of(p) == IND_PERIOD_TERTIAL && ind_period_sub(p) == 3) ||
                       (ind_period_kind_of(p) == IND_PERIOD_MONTH && ind_period_sub(p) == 12);
        if (complete && y > latest)
            latest = y;
    }
    return latest ? latest : latest_any;
}

char *ind_opts_policy_text(const ind_opts *o, char *buf, size_t size)
{
    const ind_attain_policy *p = &o->policy;
    char tol[48], n[48], conf[48];
    double t = p->tolerance_relative ? p->tolerance * 100 : p->tolerance;
    ind_cell tc = {.kind = IND_CELL_NUMBER, .unit = p->tolerance_relative ? IND_UNIT_PERCENT : IND_UNIT_NONE,
                   .decimals = fabs(t - round(t)) < 1e-9 ? 0 : p->tolerance_relative ? 1 : 2, .value = t};
    ind_cell nc = {.kind = IND_CELL_NUMBER, .decimals = 0, .value = p->min_n};
    ind_cell cc = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PERCENT, .decimals = 0, .value = p->confidence * 100};
    ind_cell_show(&tc, o->lang, IND_SHOW_TYPESET, tol, sizeof tol);
    ind_cell_show(&nc, o->lang, IND_SHOW_TYPESET, n, sizeof n);
    ind_cell_show(&cc, o->lang, IND_SHOW_TYPESET, conf, sizeof conf);
    if (o->lang == IND_LANG_EN)
        snprintf(buf, size, "Rule: partly met within %s of the target (unless the catalogue sets the indicator's own); "
                 "smallest base n = %s; uncertain when the target lies inside the outcome's %s Wilson interval.",
                 tol, n, conf);
    else
        snprintf(buf, size, "Regel: delvis inom %s av årsmålet (om katalogen inte anger indikatorns egen); "
                 "minsta underlag n = %s; osäker när årsmålet ligger inom utfallets osäkerhetsintervall på %s (Wilson).",
                 tol, n, conf);
    return buf;
}

int ind_opts_decimals(const ind_series *s) { return s->info ? s->info->decimals : 1; }
