/* chart_int.h: what the chart kinds share inside libindikator-charts, one section per file of charts/ (context, layout, canvas, palette, text, labels, formats, scales, axes, markers, lines, legend, heading, alt text, output). Not installed. */
#ifndef IND_CHART_INT_H
#define IND_CHART_INT_H

#include <stddef.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "charts.h"

/* A chart being drawn or measured (chart_canvas.c). */
typedef struct chart chart;

/* ---- the context and its fonts (chart_context.c) ---------------------------- */

typedef enum {
    F_BODY = 0,  /* tick labels, legend, table cells: the base size */
    F_SMALL,     /* data labels, panel text: 0.9 */
    F_TINY,      /* n under periods, note marks: 0.8 */
    F_BOLD,      /* table headings, panel titles */
    F_SMALL_BOLD,
    F_TITLE,     /* 1.4, bold */
    F_SUBTITLE,  /* 1.0, regular */
    F_COUNT
} font_id;

/* The caption and footnotes: the size of tick labels and legends, so a chart's
 * small text shares one set of glyphs (an SVG carries every glyph's outline
 * once per size), and a source line stays legible in print. */
#define F_CAPTION F_SMALL

/* A remembered piece of text: its pango layout, shaped once, and its box
 * (shaping is the costly part of drawing text, and a VB's charts repeat most
 * of theirs: axis labels, legends, headings). */
typedef struct {
    char *text;          /* NULL = empty slot */
    unsigned hash;
    int font, maxlines, align;
    double maxw;
    PangoLayout *layout; /* shaped once; the scratch entry borrows the context's pl */
    double lx, w, h;     /* logical box: left offset, width, height */
} measure_entry;
#define MEASURE_SLOTS 2048 /* kept at most half full */

struct ind_chart_context {
    PangoFontMap *fontmap;
    PangoContext *pc;
    PangoLayout *pl;                  /* reused for every piece of text */
    PangoFontDescription *font[F_COUNT];
    double font_base;                 /* the size the fonts were made for */
    double line_h[F_COUNT];           /* line height per font, 0 = not yet known */
    measure_entry *cache;             /* MEASURE_SLOTS entries, open addressing */
    measure_entry scratch;            /* for text not remembered (uses pl) */
    size_t cached;
    /* PNG output: pixels, filtered rows and the file, kept from chart to chart */
    unsigned char *pixels, *png_raw, *png_out;
    size_t pixels_cap, png_raw_cap, png_out_cap;
};

/* The context to use (the process-wide one when o->ctx is NULL); NULL on failure. */
ind_chart_context *chart_context(const ind_chart_options *o);
/* Makes the fonts for base size `base` (points), unless they are made already. */
void chart_context_fonts(ind_chart_context *ctx, double base);
/* Empties the cache of laid-out text. */
void chart_context_clear_cache(ind_chart_context *ctx);
/* Defaults applied. */
double chart_font_size(const ind_chart_options *o);
double chart_default_width(const ind_chart_options *o);
double chart_default_height(const ind_chart_options *o);

/* ---- colours and styles (chart_palette.c) ------------------------------------- */

typedef struct {
    double r, g, b;
} rgb;

/* Every colour a chart draws with, by what it is for; the values, and the
 * backgrounds each is drawn on, are in chart_palette.c, checked for contrast
 * by tests/unit/test_palette.c (no chart file writes a colour of its own). */
typedef enum {
    CC_PAPER = 0,      /* the background; marker outlines and label halos */
    CC_ON_COLOUR,      /* white digits on number tags, glyphs in verdict symbols */
    CC_TEXT,           /* titles, names, table cells, legend text */
    CC_MUTED,          /* subtitle, axis labels, caption; KF and limit labels; the note tags */
    CC_GRID,           /* gridlines (decoration: the axis labels carry the values) */
    CC_GREY,           /* axis lines, note and leader lines, KF:s årsmål, the "other" verdict, no trend */
    CC_TARGET,         /* the årsmål line and its label */
    CC_BLUE,           /* the total, outcomes, "uppfylls helt", improving */
    CC_BLUE_TEXT,      /* labels of the total */
    CC_BLUE_DARK,      /* the highlighted unit's dot (compare) */
    CC_ORANGE,         /* women, outside 95 % (funnel), "uppfylls delvis" */
    CC_ORANGE_TEXT,    /* labels of women; the edge of the "delvis" triangle */
    CC_GREEN,          /* men; centre lines (SPC, funnel) */
    CC_GREEN_TEXT,     /* labels of men and of centre lines */
    CC_PURPLE,         /* other gender: line and labels */
    CC_VERMILLION,     /* outside 99,8 % (funnel), "uppfylls inte", worsening */
    CC_INTERVAL,       /* confidence intervals (compare) */
    CC_LIMIT,          /* control limits (SPC) */
    CC_FUNNEL_LIMIT,   /* funnel limits */
    CC_BLACK,          /* the highlighted unit's outline (funnel) */
    CC_RULE,           /* the rule under a table's heading (decoration) */
    CC_RULE_LIGHT,     /* rules between table rows (decoration) */
    CC_PANEL_RULE,     /* the rule above each small multiple (decoration) */
    CC_ROW_SHADE,      /* every other row of the status table */
    CC_HIGHLIGHT,      /* the highlighted unit's row (compare) */
    CC_SIGNAL_1,       /* SPC signals, by number (cycling): rings, spans, tags */
    CC_SIGNAL_2,
    CC_SIGNAL_3,
    CC_SIGNAL_4,
    CC_COUNT
} chart_colour_id;

/* Translucent fills: a trend's band in its series' colour, an SPC signal's span in its own. */
#define CHART_BAND_ALPHA 0.16
#define CHART_SIGNAL_ALPHA 0.13

rgb chart_colour(chart_colour_id id);
/* Signal k's colour (k from 0, cycling over four). */
rgb chart_signal_colour(size_t k);

typedef enum { MK_CIRCLE = 0, MK_TRIANGLE, MK_SQUARE, MK_DIAMOND, MK_TRIANGLE_DOWN, MK_NONE } marker_shape;

typedef struct {
    rgb line;            /* line and marker */
    rgb text;            /* a darker shade for labels on white */
    const double *dash;  /* NULL = solid */
    int ndash;
    marker_shape marker;
    double width;        /* line width, points (at base size 9) */
} series_style;

/* Style of a series by gender (T, K, M, X). */
const series_style *chart_series_style(ind_gender g);
/* Style of reference line k (0 or 1; ind_chart_reference). */
const series_style *chart_reference_style(size_t k);
void chart_set_rgb(chart *c, rgb col);
void chart_set_rgba(chart *c, rgb col, double a);

/* ---- the drawing in progress (chart_canvas.c) -------------------------------- */

typedef struct {
    char *text;
    font_id font;
    rgb colour;
    double x, y, w, h;   /* wanted box (top left) */
    double ax, ay;       /* the point it labels (for a leader when nudged); NaN = none */
    int priority;        /* higher is placed first and kept */
    ind_chart_el_kind kind;
    int series, index;
    double value;
    int halo;            /* white outline under the text */
} chart_label;

struct chart {
    cairo_t *cr;
    ind_chart_context *ctx;
    const ind_chart_options *o;
    ind_chart_layout *lay;
    double x, y, w, h;   /* the canvas */
    double fs;           /* base font size */
    int en;              /* English */
    int panel;           /* current panel for elements, -1 outside */
    int own_layout;      /* lay was allocated here (the caller passed none) */
    chart_label *labels;
    size_t nlabels, caplabels;
    int oom;
    int vector;          /* drawing to PDF, PS or SVG */
};

/* Sets up c for drawing into (x, y, w, h) of cr: saves cr, clips, paints white.
 * layout may be NULL (an internal one is used). */
ind_status chart_begin(chart *c, cairo_t *cr, double x, double y, double w, double h,
                       const ind_chart_options *o, ind_chart_layout *layout, ind_error *err);
/* Clips to a rectangle, snapped to device pixels when cairo's matrix has no rotation. */
void chart_clip(chart *c, double x, double y, double w, double h);
/* Restores cr; frees the internal layout; reports ENOMEM. */
ind_status chart_end(chart *c, ind_error *err);
/* Sets up c for measuring only, at width w (0 = default); 0 when the fonts cannot be set up. */
int chart_measure_begin(chart *c, const ind_chart_options *o, double w);
/* The space kept free around the chart. */
double chart_margin(chart *c);

/* ---- layout elements (chart_layout.c) ------------------------------------------ */

/* Records an element of kind with the box (x0, y0)-(x1, y1) and a copy of text (may be NULL). */
ind_chart_element *chart_el(chart *c, ind_chart_el_kind kind, double x0, double y0, double x1,
                            double y1, const char *text);
/* Empties a layout for a new chart (keeps its array). */
void chart_layout_clear(ind_chart_layout *l);

/* ---- text (chart_text.c) ---------------------------------------------------- */

enum { AL_LEFT = 0, AL_CENTER = 1, AL_RIGHT = 2 };
/* The laid-out text in font f, wrapped at maxw (<= 0: one line, no wrap) to
 * at most maxlines lines (ellipsis beyond), aligned within maxw, from the
 * context's cache. Valid until the next call. */
const measure_entry *chart_text_entry(chart *c, font_id f, const char *text, double maxw, int maxlines,
                                      int align);
void chart_text_size(chart *c, font_id f, const char *text, double maxw, int maxlines, double *w,
                     double *h);
/* Draws text with its box's top left at (x, y) (align moves x: centre or right edge),
 * and records an element of kind; returns it. */
ind_chart_element *chart_text(chart *c, font_id f, const char *text, double x, double y, double maxw,
                              int maxlines, int align, rgb col, ind_chart_el_kind kind);
/* The height of one line of font f. */
double chart_line_height(chart *c, font_id f);
/* Draws a laid-out text with its top left at (x, y) in colour col. */
void chart_text_show(chart *c, PangoLayout *pl, double x, double y, rgb col);
/* A white box with rounded corners under the ink of a laid-out text at (x, y). */
void chart_text_halo(chart *c, PangoLayout *pl, double x, double y);

/* ---- labels: placed after everything fixed, with a collision pass (chart_labels.c) */

/* Queues a label whose box (width and height measured here) is wanted with its
 * left edge at x (align: AL_LEFT; or its centre / right edge) and vertical
 * centre at yc. */
chart_label *chart_label_add(chart *c, font_id f, const char *text, double x, double yc, int align,
                             rgb col, int priority, ind_chart_el_kind kind);
/* Places the queued labels: by priority, each where wanted, kept inside the
 * canvas; on a collision with text already placed, nudged up or down by up to
 * about two lines; else dropped. Draws them and records every fate. */
void chart_labels_place(chart *c);

/* ---- formats (chart_format.c) -------------------------------------------------- */

/* "6,7 %" / "6.7%"; decimals < 0 means 0. */
char *chart_fmt(chart *c, double v, int decimals, int percent, char *buf, size_t size);
/* 1 unless every finite value is whole (then 0). */
int chart_auto_decimals(const double *v, size_t n);
/* Period label for an axis: "2021", "2024 T1", "jan 2021". */
char *chart_period_label(chart *c, ind_period p, char *buf, size_t size);
/* Words. */
const char *chart_verdict_word(chart *c, ind_verdict v);
const char *chart_gender_word(chart *c, ind_gender g);
/* "förbättras", "försämras", "ingen tydlig trend"; "–" without an arrow. */
const char *chart_meaning_word(chart *c, ind_chart_meaning m, ind_chart_arrow a);
/* Both sv and en; pick by c->en. */
#define TR(c, s_sv, s_en) ((c)->en ? (s_en) : (s_sv))

/* ---- scales (chart_scale.c) -------------------------------------------------- */

typedef struct {
    double lo, hi;       /* data range */
    double p0, p1;       /* device range (p0 = lo) */
    double step;         /* tick step */
    int decimals;        /* tick label decimals */
} chart_scale;

double chart_map(const chart_scale *s, double v);
/* A nice range covering [lo, hi] with about `ticks` steps; whole: steps of
 * whole numbers only (1, 2, 5, 10, 20, 25 ...). */
void chart_nice(double lo, double hi, int ticks, int whole, chart_scale *s);
/* The value axis range for data in [lo, hi]: from 0 for percentages unless zoom
 * (capped at 100 when the data are), otherwise padded; counts (not percent):
 * whole-number ticks from and to whole numbers, unpadded, so a count of 0 or
 * 1 gets the ticks 0 and 1. */
void chart_value_range(double lo, double hi, int percent, int zoom, int ticks, int counts, chart_scale *s);

/* Period axis: real time. */
typedef struct {
    double t0, t1;       /* time of the first and last period */
    double step;         /* one period in years (1, 1/3, 1/12) */
    ind_period_kind kind;
} chart_time;
void chart_time_of(const ind_period *p, size_t n, chart_time *t);
/* The periods' real times in a new array (free it), and their axis in *tm;
 * NULL with c->oom set when out of memory. */
double *chart_period_times(chart *c, const ind_period *p, size_t n, chart_time *tm);
/* The x scale of the periods in tm from left to right: each period's slot
 * whole, its centre at its time. */
chart_scale chart_time_scale(const chart_time *tm, double left, double right);
/* The right end of a plot over the periods in tm that starts at left and may
 * reach edge: room beyond it for labels end_w wide at the lines' ends, and for
 * a latest value last_w wide beside the last period's centre (which may use
 * the last half slot). */
double chart_time_right(const chart_time *tm, double left, double edge, double end_w, double last_w);

/* Widens [*lo, *hi] to the finite values of v[0..n) (v may be NULL). */
void chart_widen(double *lo, double *hi, const double *v, size_t n);
/* The index of the last finite value of v[0..n); -1 when none or v is NULL. */
long chart_last_finite(const double *v, size_t n);
/* How many ticks: one per `per` points of length, from lo to hi. */
int chart_tick_count(double length, double per, int lo, int hi);

/* ---- axes (chart_axis.c) ------------------------------------------------------ */

/* A gridline position moved to the nearest device pixel when drawing pixels
 * (a hairline between two pixel rows looks grey and blurred); unchanged in
 * vector output. vertical: v is a y coordinate. */
double chart_snap(chart *c, double v, int vertical);
/* Draws horizontal gridlines and y tick labels (right-aligned at x - gap) for scale s over plot. */
void chart_y_axis(chart *c, const chart_scale *s, double px0, double px1, int percent, font_id f);
/* Space between the plot's bottom and its x labels in font f (clear of the lowest y label). */
double chart_x_label_gap(chart *c, font_id f);
/* Width of the widest y tick label. */
double chart_y_label_width(chart *c, const chart_scale *s, int percent, font_id f);
/* Period ticks along the bottom of a plot; returns the label height used.
 * every: draw the n row from nvals (may be NULL). */
double chart_x_periods(chart *c, const chart_time *t, const chart_scale *xs, double py1,
                       const ind_period *periods, size_t count, const double *nvals, font_id f,
                       int only_ends);
/* Records the PLOT element (x0, y0)-(x1, y1) with the data values at its
 * edges from xs and ys (ys NULL: none for y). */
ind_chart_element *chart_plot_el(chart *c, const chart_scale *xs, const chart_scale *ys, double x0, double y0,
                                 double x1, double y1);
/* The axis line from x0 to x1 at y, width points wide. */
void chart_axis_line(chart *c, double x0, double x1, double y, double width);

/* ---- markers and symbols (chart_markers.c) ------------------------------------ */

void chart_marker(chart *c, marker_shape s, double x, double y, double r, rgb fill, rgb edge);
/* n markers of one style at (x[i], y[i]): all edges first, then all fills. */
void chart_markers(chart *c, marker_shape s, const double *x, const double *y, size_t n, double r, rgb fill,
                   rgb edge);
/* Verdict symbol centred at (x, y), radius r. */
void chart_verdict_symbol(chart *c, ind_verdict v, double x, double y, double r);
rgb chart_verdict_colour(ind_verdict v);
/* Trend arrow centred at (x, y), size r. */
void chart_arrow_symbol(chart *c, ind_chart_arrow a, ind_chart_meaning m, double x, double y, double r);
rgb chart_meaning_colour(ind_chart_meaning m);
/* A disc of radius r in fill at (x, y) with number on it in white; returns
 * the number's NOTE element. */
ind_chart_element *chart_number_tag(chart *c, size_t number, double x, double y, double r, rgb fill);

/* ---- series and step lines (chart_lines.c) --------------------------------- */

/* Draws one series over times t (years) with values v: a line broken at NaN
 * and where neighbours are more than 1.5 steps apart, and a marker per value.
 * Records SERIES_LINE (series) and MARKER (series, index, value) elements. */
void chart_draw_series(chart *c, const chart_scale *xs, const chart_scale *ys, const double *t,
                       const double *v, size_t n, double step, const series_style *st,
                       double scale, int series, int markers);
/* A step line: each finite value spans its period (t ± step/2), joined to
 * the next when adjacent. Records one element of kind per segment (value, y).
 * Sets *end_x, *end_v to the right end of the last segment (NaN if none). */
void chart_draw_steps(chart *c, const chart_scale *xs, const chart_scale *ys, const double *t,
                      const double *v, size_t n, double step, rgb col, const double *dash, int ndash,
                      double width, ind_chart_el_kind kind, double *end_x, double *end_v);
extern const double chart_dash_target[2];
extern const double chart_dash_kf[2];

/* ---- legend (chart_legend.c) ------------------------------------------------- */

/* A legend: entries laid out in rows across width w starting at (x, y). */
typedef enum { LG_LINE = 0, LG_STEP, LG_BAND, LG_MARKER, LG_VERDICT, LG_INTERVAL, LG_TICK, LG_NUMBER } legend_kind;
typedef struct {
    legend_kind kind;
    rgb colour;
    const double *dash;
    int ndash;
    double width;
    marker_shape marker;
    ind_verdict verdict;
    int number;
    int series;
    const char *text;
} legend_entry;
/* Height the legend needs (0 when empty). */
double chart_legend_height(chart *c, const legend_entry *e, size_t n, double w);
double chart_legend(chart *c, const legend_entry *e, size_t n, double x, double y, double w);

/* ---- heading and caption (chart_heading.c) --------------------------------- */

/* Title and subtitle on top (the options' own, else the model's); returns the
 * y below them. */
double chart_heading(chart *c, const char *title, const char *subtitle);
/* The caption at the bottom; returns the y above it. */
double chart_caption(chart *c);
/* The heights chart_heading and chart_caption take (for the height functions). */
double chart_heading_height(chart *c, const char *title, const char *subtitle);
double chart_caption_height(chart *c);
/* "2024, 6 enheter" ("6 enheter" without a period): the subtitle of a chart across units. */
const char *chart_units_subtitle(chart *c, ind_period p, size_t count, char *buf, size_t size);

/* ---- alt text (chart_alt.c) ---------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} strbuf;
void sb_add(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Stores the alt text (o->alt when given, else b) in the layout. */
void chart_set_alt(chart *c, strbuf *b);

/* ---- the kinds (chart_kinds.c: the table; chart_KIND.c: each kind) ------------ */

/* What a kind gives the table: a check of its model (IND_EUSAGE with a message
 * for one that cannot be drawn); the drawing of a checked model into a begun
 * chart (its labels queued, its alt text set; running out of memory sets
 * c->oom); and, for the kinds whose height follows their content, that height
 * on a measuring chart (chart_measure_begin). */
typedef ind_status (*chart_check_fn)(const void *model, ind_error *err);
typedef void (*chart_draw_fn)(chart *c, const void *model);
typedef double (*chart_height_fn)(chart *c, const void *model);

ind_status chart_trend_check(const void *model, ind_error *err);
void chart_trend_draw(chart *c, const void *model);
ind_status chart_multiples_check(const void *model, ind_error *err);
void chart_multiples_draw(chart *c, const void *model);
double chart_multiples_height(chart *c, const void *model);
ind_status chart_compare_check(const void *model, ind_error *err);
void chart_compare_draw(chart *c, const void *model);
double chart_compare_height(chart *c, const void *model);
ind_status chart_funnel_check(const void *model, ind_error *err);
void chart_funnel_draw(chart *c, const void *model);
ind_status chart_spc_check(const void *model, ind_error *err);
void chart_spc_draw(chart *c, const void *model);
ind_status chart_status_check(const void *model, ind_error *err);
void chart_status_draw(chart *c, const void *model);
double chart_status_height(chart *c, const void *model);

/* IND_OK when kind is a kind and model one it can draw; else IND_EUSAGE with a message. */
ind_status chart_kind_check(ind_chart_kind kind, const void *model, ind_error *err);

/* ---- output (chart_output.c, chart_png.c) -------------------------------------- */

/* A pixel buffer of at least size bytes owned by the context (NULL when out of memory). */
unsigned char *chart_pixels(ind_chart_context *ctx, size_t size);
/* Encodes cairo RGB24 pixels as a PNG with a pHYs chunk for dpi and iTXt
 * Title and Description; *png points into the context (valid until its next
 * use). small: zlib level 9 instead of the fast encoder. */
ind_status chart_png_encode(ind_chart_context *ctx, const unsigned char *pixels, int w, int h, int stride,
                            double dpi, const char *title, const char *alt, int small, const unsigned char **png,
                            size_t *png_len);

#endif
