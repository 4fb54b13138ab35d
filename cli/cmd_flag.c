/* cmd_flag.c: `indikator flag`: what falls below its årsmål, worst first, with a sentence for the VB. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t series, obs;
    ind_attainment a;
} flagged;

static int worst_first(const void *x, const void *y)
{
    const flagged *a = x, *b = y;
    double ra = a->a.gap_relative, rb = b->a.gap_relative;
    int na = isnan(ra), nb = isnan(rb);
    if (na != nb)
        return na - nb; /* a relative gap sorts before none */
    if (!na && ra != rb)
        return ra < rb ? -1 : 1;
    if (a->a.gap != b->a.gap && !isnan(a->a.gap) && !isnan(b->a.gap))
        return a->a.gap < b->a.gap ? -1 : 1;
    /* stable and deterministic: dataset order */
    return a->obs < b->obs ? -1 : a->obs > b->obs;
}

int cmd_flag(cli_opts *opt)
{
    cli_data data;
    int rc = cli_load(opt, &data);
    if (rc) {
        cli_data_free(&data);
        return rc;
    }
    const ind_dataset *ds = data.ds;
    cli_default_year(opt, ds);
    ind_attain_policy policy;
    cli_policy(opt, &policy);
    ind_lang lang = opt->lang;
    int en = lang == IND_LANG_EN;
    size_t cap = 64, n = 0;
    flagged *f = malloc(cap * sizeof *f);
    if (!f) {
        cli_data_free(&data);
        return cli_error(4, "out of memory");
    }
    size_t ns = ind_dataset_series_count(ds);
    for (size_t s = 0; s < ns; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        if (!cli_series_selected(opt, ds, se, 0))
            continue;
        /* the latest selected period with an outcome: what stands now */
        long latest = -1;
        for (size_t i = se->first; i < se->first + se->count; i++)
            if (cli_period_selected(opt, ind_dataset_period(ds, i)) && !isnan(ind_dataset_value(ds, i)))
                latest = (long)i;
        for (size_t i = se->first; i < se->first + se->count; i++) {
            if (!cli_period_selected(opt, ind_dataset_period(ds, i)) || (long)i != latest)
                continue;
            ind_attainment a;
            ind_attain_obs(ds, i, 0, &policy, lang, &a);
            if (a.verdict != IND_VERDICT_NOT_MET && a.verdict != IND_VERDICT_PARTLY)
                continue;
            if (n == cap) {
                cap *= 2;
                flagged *g = realloc(f, cap * sizeof *g);
                if (!g) {
                    free(f);
                    cli_data_free(&data);
                    return cli_error(4, "out of memory");
                }
                f = g;
            }
            f[n].series = s;
            f[n].obs = i;
            f[n].a = a;
            n++;
        }
    }
    qsort(f, n, sizeof *f, worst_first);
    static const out_column cols[] = {
        {"rank", "#", "#", COL_INTEGER, 1},
        {"unit", "Enhet", "Unit", COL_TEXT, 1},
        {"indicator", "Indikator", "Indicator", COL_TEXT, 0},
        {"period", "Period", "Period", COL_TEXT, 1},
        {"gender", "Kön", "Sex", COL_TEXT, 0},
        {"value", "Utfall", "Outcome", COL_NUMBER, 0},
        {"target", "Årsmål", "Target", COL_TEXT, 0},
        {"verdict", "Bedömning", "Verdict", COL_TEXT, 0},
        {"verdict_label", "Bedömning", "Verdict", COL_TEXT, 0},
        {"gap", "Avstånd", "Gap", COL_NUMBER, 0},
        {"gap_relative", "Avstånd rel.", "Gap rel.", COL_NUMBER, 1},
        {"change", "Förändring", "Change", COL_NUMBER, 0},
        {"change_direction", "Riktning", "Direction", COL_TEXT, 0},
        {"rule", "Regel", "Rule", COL_TEXT, 0},
        {"sentence", "Mening för VB", "Sentence for the VB", COL_TEXT, 1},
    };
    out_table *t = out_table_new(cols, (int)(sizeof cols / sizeof cols[0]));
    char buf[1024], per[32];
    for (size_t k = 0; k < n; k++) {
        const ind_series *se = ind_dataset_series(ds, f[k].series);
        const ind_attainment *a = &f[k].a;
        ind_obs o;
        ind_dataset_get(ds, f[k].obs, &o);
        int dec = cli_decimals(se);
        out_row_begin(t);
        out_integer(t, (long long)k + 1);
        out_text(t, ind_dataset_str(ds, se->unit));
        out_text(t, ind_dataset_str(ds, se->indicator));
        out_text(t, ind_period_format(o.period, per, sizeof per));
        out_text(t, ind_gender_code(se->gender));
        out_number(t, o.value, dec);
        out_text(t, o.target ? ind_dataset_str(ds, o.target) : ind_target_describe(&a->rule, lang, buf, sizeof buf));
        out_text(t, ind_verdict_code(a->verdict));
        out_text(t, en ? ind_verdict_label_en(a->verdict) : ind_verdict_label_sv(a->verdict));
        out_number(t, a->gap, dec);
        out_fraction_percent(t, a->gap_relative, 1);
        out_number(t, a->change, dec);
        out_text(t, isnan(a->change) ? "" : a->change > 0 ? "up" : a->change < 0 ? "down" : "unchanged");
        out_text(t, a->rule_text);
        char name[600];
        if (se->gender != IND_GENDER_T)
            snprintf(name, sizeof name, "%s (%s)", ind_dataset_str(ds, se->indicator),
                     en ? ind_gender_label_en(se->gender) : ind_gender_label_sv(se->gender));
        else
            snprintf(name, sizeof name, "%s", ind_dataset_str(ds, se->indicator));
        ind_attain_sentence(a, name, se->info, lang, buf, sizeof buf);
        out_text(t, buf);
    }
    char title[256];
    snprintf(title, sizeof title, en ? "%zu outcome(s) below their target, worst first (relative gap)"
                                     : "%zu utfall under årsmålet, sämst först (relativt avstånd)", n);
    rc = out_table_emit(t, opt, title);
    if (rc == 0 && opt->format == OUT_TABLE && !opt->output)
        printf("\n%s\n", cli_policy_text(opt, &policy, buf, sizeof buf));
    out_table_free(t);
    free(f);
    cli_data_free(&data);
    if (rc == 0 && opt->fail_on_flag && n > 0)
        rc = 3;
    return rc;
}
