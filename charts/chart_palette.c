/* chart_palette.c: every colour the charts draw with, the backgrounds each is drawn on, and the series' styles (colour, dash and marker per gender). */
#include "internal/chart_int.h"

/* The colours (0xRRGGBB). The hues are Okabe and Ito's, darkened until a
 * line or marker keeps 3:1 against white and against the translucent band
 * of any series (WCAG 2.1, 1.4.11), text 4,5:1 (1.4.3); orange, vermillion
 * and the signals' colours differ in lightness as well as hue, so they stay
 * apart for readers with deuteranopia or protanopia (docs/accessibility.md
 * gives the check). */
#define HEX_WHITE 0xFFFFFF
#define HEX_TEXT 0x1A1A1A
#define HEX_MUTED 0x5C5C5C
#define HEX_GRID 0xE3E3E3
#define HEX_GREY 0x767676
#define HEX_TARGET 0x333333
#define HEX_BLUE 0x0072B2
#define HEX_BLUE_TEXT 0x005A8C
#define HEX_BLUE_DARK 0x004C78
#define HEX_ORANGE 0xAC7600
#define HEX_ORANGE_TEXT 0x8F5A00
#define HEX_GREEN 0x009068
#define HEX_GREEN_TEXT 0x006148
#define HEX_PURPLE 0x804A68
#define HEX_VERMILLION 0x9C4300
#define HEX_INTERVAL 0x4A7FA7
#define HEX_LIMIT 0x6E6E6E
#define HEX_FUNNEL_LIMIT 0x4D4D4D
#define HEX_BLACK 0x000000
#define HEX_RULE 0x4D4D4D
#define HEX_RULE_LIGHT 0xD9D9D9
#define HEX_PANEL_RULE 0xBDBDBD
#define HEX_ROW_SHADE 0xF4F4F4
#define HEX_HIGHLIGHT 0xE6EEF5
#define HEX_SIGNAL_1 0x9A6A00
#define HEX_SIGNAL_2 0x7B4764
#define HEX_SIGNAL_3 0x8A3A00
#define HEX_SIGNAL_4 0x3D3D3D

#define RGB(hex) ((rgb){((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0})
#define RGB_INIT(hex) {((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0}

/* The backgrounds a colour is drawn on. */
enum {
    ON_WHITE = 1,      /* the paper; queued labels have a white halo, so they count as here */
    ON_BAND = 2,       /* a trend's band, in any series' colour */
    ON_SIGNAL = 4,     /* an SPC signal's span, in any signal's colour */
    ON_HIGHLIGHT = 8,  /* the highlighted row of a comparison */
    ON_SHADE = 16,     /* a shaded row of the status table */
    ON_TAG = 32        /* the disc of a number tag: the note tags' and the signals' */
};

typedef struct {
    unsigned hex;
    const char *what;
    ind_chart_ink ink;
    unsigned on;
} colour_def;

static const colour_def colours[CC_COUNT] = {
    [CC_PAPER] = {HEX_WHITE, "paper: background, marker outlines, label halos", IND_CHART_INK_BACKGROUND, 0},
    [CC_ON_COLOUR] = {HEX_WHITE, "digits on number tags", IND_CHART_INK_TEXT, ON_TAG},
    [CC_TEXT] = {HEX_TEXT, "text: titles, names, cells, legends", IND_CHART_INK_TEXT, ON_WHITE | ON_SHADE | ON_HIGHLIGHT},
    [CC_MUTED] = {HEX_MUTED, "muted text: subtitle, axis labels, caption, limit labels; note tags; pooled line",
                  IND_CHART_INK_TEXT, ON_WHITE | ON_SHADE | ON_HIGHLIGHT | ON_BAND},
    [CC_GRID] = {HEX_GRID, "gridlines", IND_CHART_INK_DECORATION, 0},
    [CC_GREY] = {HEX_GREY, "axis, note and leader lines; KF:s årsmål; verdict \"other\"; no trend",
                 IND_CHART_INK_MARK, ON_WHITE | ON_BAND | ON_SHADE | ON_HIGHLIGHT},
    [CC_TARGET] = {HEX_TARGET, "årsmål: line and label", IND_CHART_INK_TEXT,
                   ON_WHITE | ON_BAND | ON_SIGNAL | ON_HIGHLIGHT},
    [CC_BLUE] = {HEX_BLUE, "total: line and markers; outcomes; verdict met; improving", IND_CHART_INK_MARK,
                 ON_WHITE | ON_BAND | ON_SIGNAL | ON_SHADE | ON_HIGHLIGHT},
    [CC_BLUE_TEXT] = {HEX_BLUE_TEXT, "total: labels, trend line", IND_CHART_INK_TEXT, ON_WHITE | ON_BAND},
    [CC_BLUE_DARK] = {HEX_BLUE_DARK, "highlighted unit's dot", IND_CHART_INK_MARK, ON_WHITE | ON_HIGHLIGHT},
    [CC_ORANGE] = {HEX_ORANGE, "women: line and markers; outside 95 %; verdict partly met", IND_CHART_INK_MARK,
                   ON_WHITE | ON_BAND | ON_SHADE},
    [CC_ORANGE_TEXT] = {HEX_ORANGE_TEXT, "women: labels, trend line; edge of the partly-met triangle",
                        IND_CHART_INK_TEXT, ON_WHITE | ON_BAND | ON_SHADE},
    [CC_GREEN] = {HEX_GREEN, "men: line and markers; centre lines", IND_CHART_INK_MARK,
                  ON_WHITE | ON_BAND | ON_SIGNAL},
    [CC_GREEN_TEXT] = {HEX_GREEN_TEXT, "men: labels, trend line; centre labels", IND_CHART_INK_TEXT,
                       ON_WHITE | ON_BAND},
    [CC_PURPLE] = {HEX_PURPLE, "other gender: line, markers, labels", IND_CHART_INK_TEXT, ON_WHITE | ON_BAND},
    [CC_VERMILLION] = {HEX_VERMILLION, "outside 99,8 %; verdict not met; worsening", IND_CHART_INK_MARK,
                       ON_WHITE | ON_SHADE},
    [CC_INTERVAL] = {HEX_INTERVAL, "confidence intervals", IND_CHART_INK_MARK, ON_WHITE | ON_HIGHLIGHT},
    [CC_LIMIT] = {HEX_LIMIT, "control limits", IND_CHART_INK_MARK, ON_WHITE | ON_SIGNAL},
    [CC_FUNNEL_LIMIT] = {HEX_FUNNEL_LIMIT, "funnel limits", IND_CHART_INK_MARK, ON_WHITE},
    [CC_BLACK] = {HEX_BLACK, "outline of the highlighted unit (funnel)", IND_CHART_INK_MARK, ON_WHITE},
    [CC_RULE] = {HEX_RULE, "rule under the status table's heading", IND_CHART_INK_DECORATION, 0},
    [CC_RULE_LIGHT] = {HEX_RULE_LIGHT, "rules between table rows", IND_CHART_INK_DECORATION, 0},
    [CC_PANEL_RULE] = {HEX_PANEL_RULE, "rule above each small multiple", IND_CHART_INK_DECORATION, 0},
    [CC_ROW_SHADE] = {HEX_ROW_SHADE, "shaded table row", IND_CHART_INK_BACKGROUND, 0},
    [CC_HIGHLIGHT] = {HEX_HIGHLIGHT, "highlighted unit's row", IND_CHART_INK_BACKGROUND, 0},
    [CC_SIGNAL_1] = {HEX_SIGNAL_1, "signal 1: rings, span, tag", IND_CHART_INK_MARK, ON_WHITE | ON_SIGNAL},
    [CC_SIGNAL_2] = {HEX_SIGNAL_2, "signal 2: rings, span, tag", IND_CHART_INK_MARK, ON_WHITE | ON_SIGNAL},
    [CC_SIGNAL_3] = {HEX_SIGNAL_3, "signal 3: rings, span, tag", IND_CHART_INK_MARK, ON_WHITE | ON_SIGNAL},
    [CC_SIGNAL_4] = {HEX_SIGNAL_4, "signal 4: rings, span, tag", IND_CHART_INK_MARK, ON_WHITE | ON_SIGNAL},
};

rgb chart_colour(chart_colour_id id)
{
    unsigned h = (unsigned)id < CC_COUNT ? colours[id].hex : HEX_TEXT;
    return RGB(h);
}

rgb chart_signal_colour(size_t k)
{
    return chart_colour((chart_colour_id)(CC_SIGNAL_1 + k % 4));
}

void chart_set_rgb(chart *c, rgb col)
{
    cairo_set_source_rgb(c->cr, col.r, col.g, col.b);
}

void chart_set_rgba(chart *c, rgb col, double a)
{
    cairo_set_source_rgba(c->cr, col.r, col.g, col.b, a);
}

/* hex at alpha a over white, as cairo blends it (per channel, rounded) */
static unsigned over_white(unsigned hex, double a)
{
    unsigned out = 0;
    for (int sh = 16; sh >= 0; sh -= 8) {
        double v = a * ((hex >> sh) & 255) + (1 - a) * 255;
        out |= (unsigned)(v + 0.5) << sh;
    }
    return out;
}

/* The backgrounds of each kind: their colour and name. */
typedef struct {
    unsigned on;
    const char *name;
    chart_colour_id base;
    double alpha;        /* 1 = the colour itself */
} background;

static const background backgrounds[] = {
    {ON_WHITE, "white", CC_PAPER, 1},
    {ON_BAND, "the band of the total", CC_BLUE, CHART_BAND_ALPHA},
    {ON_BAND, "the band of women", CC_ORANGE, CHART_BAND_ALPHA},
    {ON_BAND, "the band of men", CC_GREEN, CHART_BAND_ALPHA},
    {ON_BAND, "the band of the other gender", CC_PURPLE, CHART_BAND_ALPHA},
    {ON_SIGNAL, "the span of signal 1", CC_SIGNAL_1, CHART_SIGNAL_ALPHA},
    {ON_SIGNAL, "the span of signal 2", CC_SIGNAL_2, CHART_SIGNAL_ALPHA},
    {ON_SIGNAL, "the span of signal 3", CC_SIGNAL_3, CHART_SIGNAL_ALPHA},
    {ON_SIGNAL, "the span of signal 4", CC_SIGNAL_4, CHART_SIGNAL_ALPHA},
    {ON_HIGHLIGHT, "the highlighted row", CC_HIGHLIGHT, 1},
    {ON_SHADE, "a shaded row", CC_ROW_SHADE, 1},
    {ON_TAG, "a note tag", CC_MUTED, 1},
    {ON_TAG, "the tag of signal 1", CC_SIGNAL_1, 1},
    {ON_TAG, "the tag of signal 2", CC_SIGNAL_2, 1},
    {ON_TAG, "the tag of signal 3", CC_SIGNAL_3, 1},
    {ON_TAG, "the tag of signal 4", CC_SIGNAL_4, 1},
};

size_t ind_chart_colour_pairs(ind_chart_colour_pair *out, size_t cap)
{
    size_t n = 0;
    for (int i = 0; i < CC_COUNT; i++) {
        const colour_def *d = &colours[i];
        unsigned on = d->on ? d->on : ON_WHITE; /* decorations and backgrounds: once, on white */
        for (size_t b = 0; b < sizeof backgrounds / sizeof backgrounds[0]; b++) {
            if (!(backgrounds[b].on & on))
                continue;
            if (n < cap)
                out[n] = (ind_chart_colour_pair){d->what, backgrounds[b].name, d->hex,
                                                 over_white(colours[backgrounds[b].base].hex, backgrounds[b].alpha),
                                                 d->ink};
            n++;
        }
    }
    return n;
}

static const double dash_k[] = {5.0, 2.5};
static const double dash_m[] = {7.0, 2.0, 1.6, 2.0};
static const double dash_x[] = {1.4, 2.0};

/* Total solid with discs, women dashed with triangles, men dash-dot with
 * squares, other dotted with diamonds; the text shade is darker for contrast
 * on white (4.5:1 or better). */
static const series_style styles[IND_GENDER_COUNT] = {
    [IND_GENDER_T] = {RGB_INIT(HEX_BLUE), RGB_INIT(HEX_BLUE_TEXT), NULL, 0, MK_CIRCLE, 2.2},
    [IND_GENDER_K] = {RGB_INIT(HEX_ORANGE), RGB_INIT(HEX_ORANGE_TEXT), dash_k, 2, MK_TRIANGLE, 1.8},
    [IND_GENDER_M] = {RGB_INIT(HEX_GREEN), RGB_INIT(HEX_GREEN_TEXT), dash_m, 4, MK_SQUARE, 1.8},
    [IND_GENDER_X] = {RGB_INIT(HEX_PURPLE), RGB_INIT(HEX_PURPLE), dash_x, 2, MK_DIAMOND, 1.8},
};

const series_style *chart_series_style(ind_gender g)
{
    if ((unsigned)g >= IND_GENDER_COUNT)
        g = IND_GENDER_T;
    return &styles[g];
}

static const double dash_ref0[] = {9.0, 3.5};
static const double dash_ref1[] = {9.0, 2.5, 2.0, 2.5};

/* Reference lines: colours of the table no gender uses (the vermillion and
 * the funnel limits' dark grey, both over 4,5:1 on white, so text too) and
 * long dashes, so neither reads as a series of the unit; the first with
 * down-pointing triangles. */
static const series_style ref_styles[IND_CHART_REFERENCES_MAX] = {
    {RGB_INIT(HEX_VERMILLION), RGB_INIT(HEX_VERMILLION), dash_ref0, 2, MK_TRIANGLE_DOWN, 1.6},
    {RGB_INIT(HEX_FUNNEL_LIMIT), RGB_INIT(HEX_FUNNEL_LIMIT), dash_ref1, 4, MK_DIAMOND, 1.6},
};

const series_style *chart_reference_style(size_t k)
{
    return &ref_styles[k < IND_CHART_REFERENCES_MAX ? k : IND_CHART_REFERENCES_MAX - 1];
}
