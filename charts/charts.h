/* charts.h: VB charts drawn with cairo and pango from plain result structs (chart models); a chart computes no statistic of its own. */
#ifndef IND_CHARTS_H
#define IND_CHARTS_H

#include <stddef.h>

#include <cairo.h>

#include "attain.h"    /* ind_verdict */
#include "funnel.h"    /* ind_funnel_class */
#include "ind_error.h" /* ind_status, ind_error */
#include "lang.h"      /* ind_lang */
#include "period.h"    /* ind_period, ind_gender */

/* Six kinds of chart, each filled by the command from the engine's results:
 *   trend      one unit × indicator over periods, up to four gender series,
 *              årsmål and KF:s årsmål as step lines, an optional trend line
 *              and band, notes;
 *   multiples  a grid of small trend panels, each with its verdict;
 *   compare    one indicator and period across units: a sorted dot plot with
 *              intervals, each unit's årsmål and the pooled value;
 *   funnel     a funnel plot of proportions against their base;
 *   spc        a run or control chart with its signals;
 *   status     the VB overview table (indicator, outcome, årsmål, verdict, trend).
 * Every number drawn arrives in the model: values, targets, intervals, trend
 * line endpoints, limits, centre lines and signals. NaN means "none" wherever a
 * double may be absent.
 *
 * One set of calls serves every kind, the model passed as a pointer to the
 * kind's struct (ind_chart_trend for IND_CHART_TREND ...):
 *   ind_chart_render(kind, model, options, path, layout_out, err) writes a
 *     file, its format chosen by the extension of path (.png, .svg, .pdf, any
 *     case), atomically (a temporary file in the same directory, then rename),
 *     and the alt text beside it as PATH.alt.txt (also in the SVG's <title>
 *     and <desc>, the PDF's Title and Subject and the PNG's iTXt). SVG and PDF
 *     are byte-identical for identical input (no timestamps). PNG has pixels =
 *     points × dpi / 72 and a pHYs chunk stating the dpi.
 *   ind_chart_render_buffer(kind, model, options, format, &data, &len,
 *     layout_out, err) gives the same bytes in memory (for a document that
 *     embeds them: SVG text in HTML, PNG in Word), the alt text in layout_out.
 *   ind_chart_draw(cr, x, y, w, h, kind, model, options, layout_out, err)
 *     draws into a caller's cairo context in the rectangle (x, y, w, h) of its
 *     user space (units: points), e.g. on a page of the VB report. cairo's
 *     state is saved and restored.
 *   ind_chart_height(kind, model, options, w) is the height a chart needs at
 *     width w: the content's for multiples, compare and status, 300 points for
 *     the others.
 * layout_out may be NULL; when given it must have been set up with
 * ind_chart_layout_init (it is emptied first) and released with
 * ind_chart_layout_free. err may be NULL.
 *
 * Text is set with pango in DejaVu Sans. Colours are from the Okabe-Ito
 * palette and never carry meaning alone: series differ by dash and marker
 * shape, verdicts by symbol shape and word, trend arrows by direction and word. */

/* The kinds, for callers that hold a model without knowing its type (a
 * document's figure). */
typedef enum {
    IND_CHART_TREND = 0,
    IND_CHART_MULTIPLES,
    IND_CHART_COMPARE,
    IND_CHART_FUNNEL,
    IND_CHART_SPC,
    IND_CHART_STATUS
} ind_chart_kind;

/* ---- context: fonts, set up once --------------------------------------- */

/* Holds the pango font map (fontconfig is slow to set up: tens of ms) and the
 * text layouts reused by every chart. Make one per thread that draws, use it
 * for any number of charts, and free it at the end. A chart drawn with
 * options.ctx == NULL uses a process-wide context made on first use and freed
 * at exit (not thread-safe: threads must pass their own). */
typedef struct ind_chart_context ind_chart_context;

ind_chart_context *ind_chart_context_new(void);
void ind_chart_context_free(ind_chart_context *ctx);

/* ---- options --------------------------------------------------------------- */

/* the language: ind_lang (lang.h) */

typedef struct {
    double width, height; /* canvas in points (1/72 inch); 0 = default: 480 × 300, and for
                             status, multiples and compare a height that fits the content */
    double dpi;           /* PNG resolution; 0 = 96 (a 480-point chart is 640 pixels wide) */
    double font_size;     /* base text size in points; 0 = 9 */
    ind_lang lang;        /* words drawn and number format: Swedish (default) or English */
    const char *title;    /* NULL = the model's own (indicator or unit); "" = no title */
    const char *subtitle; /* NULL = the model's own (unit, periods); "" = none */
    const char *caption;  /* the source line, e.g. "Källa: Medarbetarenkäten 2024"; NULL = none */
    const char *alt;      /* alt text; NULL = written from the model */
    int png_small;        /* PNG: 1 = about half the bytes at several times the time (zlib
                             level 9), for files kept (documents, a web site); 0 = fast */
    ind_chart_context *ctx; /* NULL = the process-wide context (see above) */
} ind_chart_options;

/* Sets every field to its default (zeros and NULLs). */
void ind_chart_options_init(ind_chart_options *o);

/* ---- layout: what was drawn where ------------------------------------------ */

typedef enum {
    IND_CHART_EL_PLOT = 0,      /* a plot area; xlo/xhi, ylo/yhi: the data values at its edges */
    IND_CHART_EL_TITLE,
    IND_CHART_EL_SUBTITLE,
    IND_CHART_EL_CAPTION,
    IND_CHART_EL_FOOTNOTE,      /* a note's text under the plot */
    IND_CHART_EL_AXIS_LABEL,    /* a tick label, an axis title or an n under a period */
    IND_CHART_EL_LEGEND_ENTRY,  /* sample and text; series = the series it names, or -1 */
    IND_CHART_EL_SERIES_LINE,   /* the extent of one series' line; series */
    IND_CHART_EL_MARKER,        /* one data point; series, index, value */
    IND_CHART_EL_TARGET_LINE,   /* one segment of the årsmål; value, y = its y */
    IND_CHART_EL_KF_TARGET_LINE,/* one segment of KF:s årsmål; value, y */
    IND_CHART_EL_REFERENCE_LINE,/* pooled value, centre line, funnel centre; value, y (or x) */
    IND_CHART_EL_LIMIT_LINE,    /* a control limit segment (value, y), or a funnel limit curve (series:
                                   0 lower 95 %, 1 upper 95 %, 2 lower 99.8 %, 3 upper 99.8 %) */
    IND_CHART_EL_TREND_LINE,
    IND_CHART_EL_BAND,          /* the confidence band of the trend */
    IND_CHART_EL_INTERVAL,      /* a unit's interval (compare); index = row */
    IND_CHART_EL_SIGNAL,        /* a highlighted SPC signal; series = signal number */
    IND_CHART_EL_NOTE,          /* the numbered mark of a note (trend) or a signal (spc) in the plot */
    IND_CHART_EL_LABEL,         /* a label: latest value, end of a line, unit name, panel title */
    IND_CHART_EL_VERDICT,       /* a verdict symbol with its word; value = the ind_verdict */
    IND_CHART_EL_ARROW,         /* a trend arrow with its word; value = the arrow, series = the meaning */
    IND_CHART_EL_CELL,          /* a text cell of the status table; index = row, series = column */
    IND_CHART_EL_PANEL          /* one small multiple; index = panel */
} ind_chart_el_kind;

typedef enum {
    IND_CHART_PLACED = 0, /* drawn where it was meant to go */
    IND_CHART_NUDGED,     /* moved vertically by dy to clear another label */
    IND_CHART_DROPPED     /* not drawn: no free place (lower priority than what it hit) */
} ind_chart_fate;

/* One drawn element. Coordinates are in the user space drawn into: points
 * from the canvas' top left for a file (multiply by px_per_pt for PNG pixels),
 * the caller's units for a draw call. */
typedef struct {
    ind_chart_el_kind kind;
    double x0, y0, x1, y1; /* bounding box */
    double value;          /* the data value shown; NaN when none */
    double y;              /* for horizontal lines: their y; for vertical ones (compare) the x; else NaN */
    double xlo, xhi, ylo, yhi; /* IND_CHART_EL_PLOT: data values at the left, right, bottom, top edge */
    int series;            /* series, column, signal or panel number; -1 when none */
    int index;             /* point, row or panel index; -1 when none */
    int panel;             /* the small multiple it belongs to; -1 outside panels */
    ind_chart_fate fate;
    double dy;             /* for NUDGED labels: how far it moved (points, + is down) */
    char *text;            /* the text drawn (owned by the layout); NULL for graphics */
} ind_chart_element;

typedef struct {
    double x, y, width, height; /* the rectangle drawn into (points) */
    double px_per_pt;      /* device units per user unit, from cairo's matrix: pixels per point
                              (dpi / 72) for PNG, 1 for SVG and PDF */
    size_t count, capacity;
    ind_chart_element *el;
    size_t nudged, dropped; /* labels the collision pass moved or left out */
    char *alt;              /* the alt text (owned by the layout) */
} ind_chart_layout;

void ind_chart_layout_init(ind_chart_layout *layout);
void ind_chart_layout_free(ind_chart_layout *layout);
/* The first element of a kind (in panel, or any panel when panel < 0), or NULL. */
const ind_chart_element *ind_chart_layout_find(const ind_chart_layout *layout, ind_chart_el_kind kind,
                                               int panel);
/* Where value v falls on the y axis (x axis when horizontal) of a plot element. */
double ind_chart_plot_y(const ind_chart_element *plot, double v);
double ind_chart_plot_x(const ind_chart_element *plot, double v);

/* ---- drawing any kind ---------------------------------------------------------- */

/* The output formats of ind_chart_render_buffer (ind_chart_render takes the
 * file name's extension). */
typedef enum { IND_CHART_PNG = 0, IND_CHART_SVG, IND_CHART_PDF } ind_chart_format;

/* "trend", "multiples", "compare", "funnel", "spc", "status"; "unknown" for
 * anything else. */
const char *ind_chart_kind_name(ind_chart_kind kind);
/* The kind named s (any case): 0, or -1 when s names none. */
int ind_chart_kind_parse(const char *s, ind_chart_kind *out);

/* Writes the chart of kind from model (a pointer to the kind's model struct)
 * to path: PNG, SVG or PDF by the extension, atomically, with PATH.alt.txt.
 * Returns IND_OK, IND_EUSAGE (a model that cannot be drawn, an unknown kind, a
 * file name without a known extension, a size out of range), IND_EIO or
 * IND_ENOMEM, with a message in err. The size: options->width (0 = 480) ×
 * options->height (0 = ind_chart_height). */
ind_status ind_chart_render(ind_chart_kind kind, const void *model, const ind_chart_options *o,
                            const char *path, ind_chart_layout *layout_out, ind_error *err);
/* The bytes ind_chart_render would write for format, in *data (malloc'd: the
 * caller frees it) and *len; the alt text in layout_out->alt. On an error
 * *data is NULL and *len 0. */
ind_status ind_chart_render_buffer(ind_chart_kind kind, const void *model, const ind_chart_options *o,
                                   ind_chart_format format, unsigned char **data, size_t *len,
                                   ind_chart_layout *layout_out, ind_error *err);
/* Draws the chart of kind from model into cr's rectangle (x, y, w, h); h <= 0
 * means ind_chart_height(kind, model, o, w) for multiples, compare and status.
 * Returns as ind_chart_render (IND_EIO when cairo fails). */
ind_status ind_chart_draw(cairo_t *cr, double x, double y, double w, double h, ind_chart_kind kind,
                          const void *model, const ind_chart_options *o, ind_chart_layout *layout_out,
                          ind_error *err);
/* The height (points) the chart of kind from model needs at width w (0 = the
 * options' width) when options->height is 0: what its content takes for
 * multiples, compare and status, the default 300 for the kinds of fixed size;
 * 0 for a model that cannot be drawn or an unknown kind. */
double ind_chart_height(ind_chart_kind kind, const void *model, const ind_chart_options *o, double w);

/* ---- colours: what the charts draw with, on what -------------------------- */

typedef enum {
    IND_CHART_INK_TEXT = 0,   /* text: at least 4,5:1 on its background (WCAG 2.1, 1.4.3) */
    IND_CHART_INK_MARK,       /* lines, markers, symbols: at least 3:1 (1.4.11) */
    IND_CHART_INK_DECORATION, /* gridlines and rules that carry no meaning: no contrast asked */
    IND_CHART_INK_BACKGROUND  /* the paper, shaded rows */
} ind_chart_ink;

/* One colour the charts draw with and one background it is drawn on. */
typedef struct {
    const char *what;  /* the colour's use, e.g. "women: line and markers" */
    const char *on;    /* the background's, e.g. "white", "the band of the total" */
    unsigned fg, bg;   /* 0xRRGGBB; a translucent fill as it shows on white */
    ind_chart_ink ink;
} ind_chart_colour_pair;

/* Every colour the charts draw with, paired with every background it is
 * drawn on (decorations and backgrounds once, on white): fills out[0..cap)
 * and returns how many pairs there are in all. */
size_t ind_chart_colour_pairs(ind_chart_colour_pair *out, size_t cap);

/* ---- shared model parts ---------------------------------------------------- */

/* A note on a period, drawn as a numbered mark with its text under the chart. */
typedef struct {
    ind_period period;
    const char *text;
} ind_chart_note;

typedef enum {
    IND_CHART_ARROW_NONE = 0, /* no trend shown */
    IND_CHART_ARROW_UP,
    IND_CHART_ARROW_DOWN,
    IND_CHART_ARROW_FLAT
} ind_chart_arrow;

/* What the trend means for the indicator: carried by the model (the engine
 * knows the direction), never inferred from the arrow. */
typedef enum {
    IND_CHART_NEUTRAL = 0, /* "ingen tydlig trend" */
    IND_CHART_IMPROVING,   /* "förbättras" */
    IND_CHART_WORSENING    /* "försämras" */
} ind_chart_meaning;

/* ---- trend: IND_CHART_TREND, model ind_chart_trend --------------------------- */

/* One line: total, women, men or other. The gender sets colour, dash and
 * marker (Totalt solid ●, Kvinnor dashed ▲, Män dash-dot ■, Annat dotted ◆). */
typedef struct {
    ind_gender gender;
    const char *name;     /* legend text; NULL = "Totalt", "Kvinnor", "Män", "Annat/okänt" */
    const double *values; /* one per period; NaN = no value (a gap in the line) */
    const double *n;      /* NULL, or the base per period (NaN = unknown); shown under the axis
                             for the first series that has it */
} ind_chart_series;

/* A fitted trend line given by its two ends (e.g. Sen's slope through the
 * median), drawn from period from to period to. */
typedef struct {
    ind_period from, to;
    double y_from, y_to;
    int series;           /* the series it was fitted to */
    const char *label;    /* legend text, e.g. "Trend −0,4 procentenheter per år"; NULL = "Trend" */
} ind_chart_trendline;

/* A reference line: the same indicator for a reference unit (the
 * förvaltning's total, a municipality, Riket) beside the chart's periods.
 * Drawn under the unit's lines in a style of its own: the first vermilion,
 * long-dashed, with down-pointing triangles; the second dark grey,
 * dash-dotted, with diamonds. */
typedef struct {
    const char *name;     /* legend text, e.g. "Stadsdelsförvaltningen Exempelstad (referens)" */
    const double *values; /* one per period; NaN = none */
    const char *alt;      /* what the alt text says of it besides its values, e.g. "Enhetens
                             resultat 2025: 70 % mot förvaltningens 65 %."; NULL = nothing */
} ind_chart_reference;
#define IND_CHART_REFERENCES_MAX 2

typedef struct {
    const char *indicator;   /* the default title; named in the alt text */
    const char *unit;        /* the unit (enhet); the default subtitle */
    const char *value_unit;  /* what a non-percent value counts ("index", "dagar"); NULL = none */
    size_t count;            /* number of periods, >= 1 */
    const ind_period *periods; /* count periods in increasing time; x is real time, so a
                                  missing year is a gap on the axis and in the lines */
    size_t series_count;     /* 1 to 4 */
    const ind_chart_series *series;
    const double *target;    /* årsmål per period (NaN = none), or NULL: a step line labelled at its end */
    const double *kf_target; /* KF:s årsmål per period, or NULL: grey, dotted */
    int percent;             /* values are percentages: "6,7 %", and the axis starts at 0 */
    int zoom;                /* let a percentage axis start above 0 */
    int decimals;            /* digits after the decimal comma in value labels; -1 = 1 unless
                                every value is whole */
    const ind_chart_trendline *trend; /* NULL = none */
    const double *band_lo, *band_hi;  /* a confidence band per period (NaN = none), or NULL */
    const char *band_label;  /* legend text for the band; NULL = "95 % konfidensintervall" */
    size_t note_count;
    const ind_chart_note *notes;
    int counts;              /* values count events (0, 1, 2 ...): whole-number ticks, and no band
                                is drawn even when one is given */
    size_t reference_count;  /* 0 to IND_CHART_REFERENCES_MAX */
    const ind_chart_reference *references;
} ind_chart_trend;

/* ---- small multiples: IND_CHART_MULTIPLES, model ind_chart_multiples --------- */

typedef struct {
    const char *title;       /* the indicator (or the unit) */
    size_t count;
    const ind_period *periods;
    const double *values;    /* total, one per period, NaN = none */
    const double *target;    /* årsmål per period, or NULL */
    int percent;
    int decimals;            /* -1 = automatic as in the trend chart */
    ind_verdict verdict;     /* met, partly, not met; anything else draws the "other" symbol */
    const char *verdict_text;/* NULL = the standard words ("Uppfylls helt" ...) */
    int counts;              /* values count events: whole-number ticks */
    const double *reference; /* the reference's value per period (NaN = none), or NULL */
} ind_chart_panel;

typedef struct {
    const char *title;       /* default chart title (the unit, or the indicator) */
    const char *subtitle;    /* default subtitle, e.g. "Utfall 2019–2024 och årsmål" */
    size_t panel_count;      /* >= 1 */
    const ind_chart_panel *panels;
    int columns;             /* 0 = automatic (up to 4) */
    int shared_y;            /* one y scale for every panel (one indicator across units) */
    const char *reference_name; /* legend text of the panels' reference lines (drawn as the
                                   trend chart's first); NULL = none drawn */
} ind_chart_multiples;

/* ---- compare units: IND_CHART_COMPARE, model ind_chart_compare --------------- */

typedef struct {
    const char *name;
    double value;
    double lo, hi;           /* its interval (e.g. Wilson 95 %); NaN = none */
    double target;           /* the unit's årsmål; NaN = none */
    double n;                /* its base; NaN = unknown */
    int highlight;           /* the unit the report is about: bold, shaded row */
} ind_chart_unit_value;

typedef enum {
    IND_CHART_SORT_DESCENDING = 0, /* highest value on top */
    IND_CHART_SORT_ASCENDING,
    IND_CHART_SORT_NONE            /* as given */
} ind_chart_sort;

typedef struct {
    const char *indicator;
    ind_period period;       /* IND_PERIOD_NONE = not named */
    size_t count;            /* >= 1 */
    const ind_chart_unit_value *units;
    double pooled;           /* the pooled value of all units (a vertical line); NaN = none */
    const char *pooled_label;/* NULL = "Alla enheter" */
    const char *interval_label; /* legend text; NULL = "95 % konfidensintervall" */
    int percent;
    int decimals;            /* -1 = automatic */
    ind_chart_sort sort;
    int counts;              /* values count events: whole-number ticks, and no intervals drawn */
} ind_chart_compare;

/* ---- funnel: IND_CHART_FUNNEL, model ind_chart_funnel ------------------------ */

typedef struct {
    const char *name;
    double n;                /* base (x) */
    double p;                /* proportion in [0, 1] (y) */
    ind_funnel_class cls;    /* where it falls: marker shape and whether it is labelled */
    int highlight;           /* always labelled */
} ind_chart_funnel_point;

/* The limits at one n, proportions in [0, 1] (from ind_funnel_limits_at). */
typedef struct {
    double n, lo95, hi95, lo998, hi998;
} ind_chart_funnel_limit;

typedef struct {
    const char *indicator;
    ind_period period;
    const char *n_label;     /* x axis title; NULL = "Antal (n)" */
    size_t count;            /* >= 1 */
    const ind_chart_funnel_point *points;
    size_t limit_count;      /* >= 2, increasing n */
    const ind_chart_funnel_limit *limits;
    double centre;           /* the funnel's centre (p-bar), in [0, 1] */
    double target;           /* an årsmål in [0, 1]; NaN = none */
    int percent;             /* show proportions as percentages (default look) */
    int decimals;            /* -1 = automatic */
} ind_chart_funnel;

/* ---- run and control charts: IND_CHART_SPC, model ind_chart_spc ------------- */

/* A signal of a rule over points first..last (0-based, inclusive). */
typedef struct {
    const char *rule;        /* its name, e.g. "Lång serie: 8 punkter under medianen" */
    size_t first, last;
} ind_chart_signal;

typedef struct {
    const char *indicator;
    const char *unit;
    size_t count;            /* >= 1 */
    const ind_period *periods;
    const double *values;    /* NaN = none */
    const double *centre;    /* centre line per point (phases may differ); NaN = none */
    const double *lcl, *ucl; /* control limits per point; NULL or NaN = none (run chart) */
    const char *centre_label;/* NULL = "Median" for a run chart, else "Medelvärde" */
    size_t signal_count;
    const ind_chart_signal *signals;
    const double *target;    /* årsmål per point, or NULL */
    int percent, zoom;
    int decimals;            /* -1 = automatic */
    int counts;              /* values count events: whole-number ticks */
} ind_chart_spc;

/* ---- status table: IND_CHART_STATUS, model ind_chart_status ------------------ */

typedef struct {
    const char *indicator;
    const char *value_text;  /* the outcome as the report writes it ("6,7 %"); NULL = "–" */
    const char *target_text; /* the årsmål as written ("4 %", "Tas fram av nämnd/styrelse") */
    ind_verdict verdict;
    const char *verdict_text;/* NULL = the standard words */
    ind_chart_arrow arrow;
    ind_chart_meaning meaning;
    const char *trend_text;  /* NULL = "förbättras", "försämras", "ingen tydlig trend" */
} ind_chart_status_row;

typedef struct {
    const char *unit;        /* default title */
    ind_period period;       /* the period reported; default subtitle */
    const char *value_heading;  /* NULL = "Utfall" */
    size_t count;            /* >= 1 */
    const ind_chart_status_row *rows;
} ind_chart_status;

#endif
