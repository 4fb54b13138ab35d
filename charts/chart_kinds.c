/* chart_kinds.c: the six kinds in one table (name, model check, drawing, height) and the calls that draw or measure any kind through it. */
#include "internal/chart_int.h"

#include <strings.h>

typedef struct {
    const char *name;
    chart_check_fn check;
    chart_draw_fn draw;
    chart_height_fn height; /* NULL: a kind of fixed size */
} kind_entry;

static const kind_entry kinds[] = {
    [IND_CHART_TREND] = {"trend", chart_trend_check, chart_trend_draw, NULL},
    [IND_CHART_MULTIPLES] = {"multiples", chart_multiples_check, chart_multiples_draw, chart_multiples_height},
    [IND_CHART_COMPARE] = {"compare", chart_compare_check, chart_compare_draw, chart_compare_height},
    [IND_CHART_FUNNEL] = {"funnel", chart_funnel_check, chart_funnel_draw, NULL},
    [IND_CHART_SPC] = {"spc", chart_spc_check, chart_spc_draw, NULL},
    [IND_CHART_STATUS] = {"status", chart_status_check, chart_status_draw, chart_status_height},
};
#define KIND_COUNT (sizeof kinds / sizeof kinds[0])

const char *ind_chart_kind_name(ind_chart_kind kind)
{
    return (unsigned)kind < KIND_COUNT ? kinds[kind].name : "unknown";
}

int ind_chart_kind_parse(const char *s, ind_chart_kind *out)
{
    for (size_t k = 0; s && k < KIND_COUNT; k++)
        if (!strcasecmp(s, kinds[k].name)) {
            *out = (ind_chart_kind)k;
            return 0;
        }
    return -1;
}

ind_status chart_kind_check(ind_chart_kind kind, const void *model, ind_error *err)
{
    if ((unsigned)kind >= KIND_COUNT)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "chart: %d is not a kind of chart", (int)kind);
    return kinds[kind].check(model, err);
}

double ind_chart_height(ind_chart_kind kind, const void *model, const ind_chart_options *o, double w)
{
    if (chart_kind_check(kind, model, NULL) != IND_OK)
        return 0;
    if (!kinds[kind].height)
        return chart_default_height(NULL);
    chart c;
    if (!chart_measure_begin(&c, o, w))
        return 0;
    return kinds[kind].height(&c, model);
}

ind_status ind_chart_draw(cairo_t *cr, double x, double y, double w, double h, ind_chart_kind kind,
                          const void *model, const ind_chart_options *o, ind_chart_layout *layout_out,
                          ind_error *err)
{
    ind_status st = chart_kind_check(kind, model, err);
    if (st != IND_OK)
        return st;
    if (!(h > 0) && kinds[kind].height)
        h = ind_chart_height(kind, model, o, w);
    chart c;
    st = chart_begin(&c, cr, x, y, w, h, o, layout_out, err);
    if (st != IND_OK)
        return st;
    kinds[kind].draw(&c, model);
    chart_labels_place(&c);
    return chart_end(&c, err);
}
