/* build_figure.c: the figures the builders share: a series' trend chart cut at the report's end. */
#include "build_int.h"

#include <stdlib.h>
#include <string.h>

#include "figures.h"

typedef struct {
    ind_fig_trend *model;
    ind_dataset *own; /* the series up to the report's end, which the model points into */
} trend_figure;

static void trend_figure_free(void *p)
{
    trend_figure *f = p;
    ind_fig_trend_free(f->model);
    ind_dataset_free(f->own);
    free(f);
}

static ind_str copy_str(ind_strtab *tab, const ind_dataset *ds, ind_str id)
{
    if (!id)
        return 0;
    const char *s = ind_dataset_str(ds, id);
    return ind_strtab_intern(tab, s, strlen(s));
}

/* Copies the observations up to `to` of unit's series of indicator `name`
 * (every gender) into sub. Returns how many, or -1 on an error. */
static long copy_until(ind_dataset *sub, const ind_dataset *ds, const char *unit, const char *name, ind_period to)
{
    ind_strtab *tab = ind_dataset_strings(sub);
    ind_error err;
    long added = 0;
    for (int g = 0; g < IND_GENDER_COUNT; g++) {
        long sg = ind_dataset_find_series(ds, unit, name, (ind_gender)g);
        if (sg < 0)
            continue;
        const ind_series *s = ind_dataset_series(ds, (size_t)sg);
        for (size_t i = s->first; i < s->first + s->count; i++) {
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            if (!ind_period_within(o.period, 0, to))
                continue;
            o.target = copy_str(tab, ds, o.target);
            o.kf_target = copy_str(tab, ds, o.kf_target);
            o.goal = copy_str(tab, ds, o.goal);
            o.note = copy_str(tab, ds, o.note);
            o.source = copy_str(tab, ds, o.source);
            o.file = copy_str(tab, ds, o.file);
            if (ind_dataset_add(sub, unit, name, (ind_gender)g, &o, &err) != IND_OK)
                return -1;
            added++;
        }
    }
    return added;
}

/* The series of `series`'s unit and indicator in every gender, and the same
 * indicator of the references, with the observations up to `to` only, as a
 * dataset of their own; *total gets the total's series in it. NULL when
 * nothing is left. */
static ind_dataset *series_until(const ind_dataset *ds, size_t series, ind_period to, const ind_opts *opt,
                                 size_t *total)
{
    const ind_series *s0 = ind_dataset_series(ds, series);
    const char *unit = ind_dataset_str(ds, s0->unit), *name = ind_dataset_str(ds, s0->indicator);
    ind_dataset *sub = ind_dataset_new(ind_dataset_catalog(ds));
    if (!sub)
        return NULL;
    ind_error err;
    long added = copy_until(sub, ds, unit, name, to);
    for (size_t k = 0; k < opt->reference_count && added > 0; k++)
        if (strcmp(opt->references[k], unit) != 0 && copy_until(sub, ds, opt->references[k], name, to) < 0)
            added = -1;
    if (added <= 0 || ind_dataset_finish(sub, &err) != IND_OK)
        goto fail;
    long t = ind_dataset_find_series(sub, unit, name, s0->gender);
    if (t < 0)
        goto fail;
    *total = (size_t)t;
    return sub;
fail:
    ind_dataset_free(sub);
    return NULL;
}

void ind_build_figure_trend(ind_doc *doc, const ind_dataset *ds, size_t series, ind_period end, const ind_opts *opt)
{
    trend_figure *f = ind_build_must(calloc(1, sizeof *f));
    if (end) {
        size_t s = 0;
        f->own = series_until(ds, series, end, opt, &s);
        if (!f->own) {
            free(f);
            return;
        }
        ds = f->own;
        series = s;
    }
    f->model = ind_fig_trend_new(ds, series, 0, 0, 1, 0, opt->alpha, opt->lang);
    if (!f->model) {
        ind_dataset_free(f->own);
        free(f);
        return;
    }
    for (size_t k = 0; k < opt->reference_count; k++)
        ind_fig_trend_reference(f->model, ds, opt->references[k], opt->alpha, opt->lang);
    ind_chart_options o;
    ind_chart_options_init(&o);
    o.lang = opt->lang;
    o.title = ""; /* the heading above names the indicator */
    ind_doc_figure(doc, IND_CHART_TREND, ind_fig_trend_chart(f->model), f, trend_figure_free, &o, 215, NULL);
}

