/* chart_palette.c: colours and the series' styles (Okabe-Ito colour, dash and marker per gender). */
#include "internal/chart_int.h"

void chart_set_rgb(chart *c, rgb col)
{
    cairo_set_source_rgb(c->cr, col.r, col.g, col.b);
}

void chart_set_rgba(chart *c, rgb col, double a)
{
    cairo_set_source_rgba(c->cr, col.r, col.g, col.b, a);
}

static const double dash_k[] = {5.0, 2.5};
static const double dash_m[] = {7.0, 2.0, 1.6, 2.0};
static const double dash_x[] = {1.4, 2.0};

#define RGB_INIT(hex) {((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0}

/* Total solid with discs, women dashed with triangles, men dash-dot with
 * squares, other dotted with diamonds; the text shade is darker for contrast
 * on white (4.5:1 or better). */
static const series_style styles[IND_GENDER_COUNT] = {
    [IND_GENDER_T] = {RGB_INIT(C_BLUE), RGB_INIT(0x005A8C), NULL, 0, MK_CIRCLE, 2.2},
    [IND_GENDER_K] = {RGB_INIT(C_ORANGE), RGB_INIT(0x8F5A00), dash_k, 2, MK_TRIANGLE, 1.8},
    [IND_GENDER_M] = {RGB_INIT(C_GREEN), RGB_INIT(0x006148), dash_m, 4, MK_SQUARE, 1.8},
    [IND_GENDER_X] = {RGB_INIT(C_PURPLE), RGB_INIT(0x8E4B74), dash_x, 2, MK_DIAMOND, 1.8},
};

const series_style *chart_series_style(ind_gender g)
{
    if ((unsigned)g >= IND_GENDER_COUNT)
        g = IND_GENDER_T;
    return &styles[g];
}

static const double dash_ref0[] = {9.0, 3.5};
static const double dash_ref1[] = {9.0, 2.5, 2.0, 2.5};

/* Reference lines: colours no gender uses (vermilion 3,9:1 and dark grey
 * 8,5:1 on white; text shades 6,3:1 and 8,5:1) and long dashes, so neither
 * reads as a series of the unit; the first with down-pointing triangles. */
static const series_style ref_styles[IND_CHART_REFERENCES_MAX] = {
    {RGB_INIT(C_VERMILLION), RGB_INIT(0x9E4600), dash_ref0, 2, MK_TRIANGLE_DOWN, 1.6},
    {RGB_INIT(0x4D4D4D), RGB_INIT(0x4D4D4D), dash_ref1, 4, MK_DIAMOND, 1.6},
};

const series_style *chart_reference_style(size_t k)
{
    return &ref_styles[k < IND_CHART_REFERENCES_MAX ? k : IND_CHART_REFERENCES_MAX - 1];
}
