/* chart_core.c: the parts every chart kind shares: context and fonts, layout records, text, labels and their collision pass, number and period formats, scales, axes, markers, symbols, legends, headings. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

/* ---- context --------------------------------------------------------------- */

ind_chart_context *ind_chart_context_new(void)
{
    ind_chart_context *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    ctx->fontmap = pango_cairo_font_map_new();
    if (!ctx->fontmap) {
        free(ctx);
        return NULL;
    }
    ctx->pc = pango_font_map_create_context(ctx->fontmap);
    /* Unhinted metrics: text measures the same on every surface and at every
     * resolution, so a PNG and a PDF of one chart share one layout. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(ctx->pc, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(ctx->pc, 72.0); /* sizes in points = user units */
    pango_context_set_round_glyph_positions(ctx->pc, FALSE);
    pango_context_set_language(ctx->pc, pango_language_from_string("sv"));
    ctx->pl = pango_layout_new(ctx->pc);
    ctx->font_base = 0;
    ctx->cache = calloc(MEASURE_SLOTS, sizeof *ctx->cache);
    if (!ctx->pl || !ctx->cache) {
        ind_chart_context_free(ctx);
        return NULL;
    }
    return ctx;
}

static void cache_clear(ind_chart_context *ctx)
{
    if (!ctx->cache)
        return;
    for (size_t i = 0; i < MEASURE_SLOTS; i++) {
        free(ctx->cache[i].text);
        ctx->cache[i].text = NULL;
        if (ctx->cache[i].layout)
            g_object_unref(ctx->cache[i].layout);
        ctx->cache[i].layout = NULL;
    }
    ctx->cached = 0;
}

void ind_chart_context_free(ind_chart_context *ctx)
{
    if (!ctx)
        return;
    cache_clear(ctx);
    free(ctx->cache);
    free(ctx->pixels);
    free(ctx->png_raw);
    free(ctx->png_out);
    for (int i = 0; i < F_COUNT; i++)
        if (ctx->font[i])
            pango_font_description_free(ctx->font[i]);
    if (ctx->pl)
        g_object_unref(ctx->pl);
    if (ctx->pc)
        g_object_unref(ctx->pc);
    if (ctx->fontmap)
        g_object_unref(ctx->fontmap);
    free(ctx);
}

static ind_chart_context *default_ctx;

static void free_default_ctx(void)
{
    ind_chart_context_free(default_ctx);
    default_ctx = NULL;
}

ind_chart_context *chart_context(const ind_chart_options *o)
{
    if (o && o->ctx)
        return o->ctx;
    if (!default_ctx) {
        default_ctx = ind_chart_context_new();
        /* released at exit, so leak checkers see pango's fonts go back */
        if (default_ctx)
            atexit(free_default_ctx);
    }
    return default_ctx;
}

void chart_context_fonts(ind_chart_context *ctx, double base)
{
    if (ctx->font_base == base && ctx->font[0])
        return;
    cache_clear(ctx);
    for (int i = 0; i < F_COUNT; i++)
        ctx->line_h[i] = 0;
    static const struct {
        double scale;
        int bold;
    } spec[F_COUNT] = {
        [F_BODY] = {1.0, 0},  [F_SMALL] = {0.9, 0},      [F_TINY] = {0.8, 0},
        [F_BOLD] = {1.0, 1},  [F_SMALL_BOLD] = {0.9, 1}, [F_TITLE] = {1.4, 1},
        [F_SUBTITLE] = {1.0, 0},
    };
    for (int i = 0; i < F_COUNT; i++) {
        if (ctx->font[i])
            pango_font_description_free(ctx->font[i]);
        PangoFontDescription *d = pango_font_description_new();
        pango_font_description_set_family_static(d, "DejaVu Sans");
        pango_font_description_set_weight(d, spec[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_absolute_size(d, base * spec[i].scale * PANGO_SCALE);
        ctx->font[i] = d;
    }
    ctx->font_base = base;
}

void ind_chart_options_init(ind_chart_options *o)
{
    memset(o, 0, sizeof *o);
}

double chart_font_size(const ind_chart_options *o)
{
    return (o && o->font_size > 0) ? o->font_size : 9.0;
}
double chart_default_width(const ind_chart_options *o)
{
    return (o && o->width > 0) ? o->width : 480.0;
}
double chart_default_height(const ind_chart_options *o)
{
    return (o && o->height > 0) ? o->height : 300.0;
}

/* ---- layout ----------------------------------------------------------------- */

void ind_chart_layout_init(ind_chart_layout *l)
{
    memset(l, 0, sizeof *l);
    l->px_per_pt = 1;
}

static void layout_clear(ind_chart_layout *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->el[i].text);
    l->count = 0;
    free(l->alt);
    l->alt = NULL;
    l->nudged = l->dropped = 0;
}

void ind_chart_layout_free(ind_chart_layout *l)
{
    if (!l)
        return;
    layout_clear(l);
    free(l->el);
    l->el = NULL;
    l->capacity = 0;
}

const ind_chart_element *ind_chart_layout_find(const ind_chart_layout *l, ind_chart_el_kind kind,
                                               int panel)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->el[i].kind == kind && (panel < 0 || l->el[i].panel == panel))
            return &l->el[i];
    return NULL;
}

double ind_chart_plot_y(const ind_chart_element *p, double v)
{
    return p->y1 - (v - p->ylo) / (p->yhi - p->ylo) * (p->y1 - p->y0);
}

double ind_chart_plot_x(const ind_chart_element *p, double v)
{
    return p->x0 + (v - p->xlo) / (p->xhi - p->xlo) * (p->x1 - p->x0);
}

ind_chart_element *chart_el(chart *c, ind_chart_el_kind kind, double x0, double y0, double x1,
                            double y1, const char *text)
{
    ind_chart_layout *l = c->lay;
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? 2 * l->capacity : 64;
        ind_chart_element *e = realloc(l->el, cap * sizeof *e);
        if (!e) {
            c->oom = 1;
            return NULL;
        }
        l->el = e;
        l->capacity = cap;
    }
    ind_chart_element *e = &l->el[l->count++];
    e->kind = kind;
    e->x0 = fmin(x0, x1);
    e->x1 = fmax(x0, x1);
    e->y0 = fmin(y0, y1);
    e->y1 = fmax(y0, y1);
    e->value = NAN;
    e->y = NAN;
    e->xlo = e->xhi = e->ylo = e->yhi = NAN;
    e->series = -1;
    e->index = -1;
    e->panel = c->panel;
    e->fate = IND_CHART_PLACED;
    e->dy = 0;
    e->text = NULL;
    if (text) {
        e->text = strdup(text);
        if (!e->text)
            c->oom = 1;
    }
    return e;
}

int chart_boxes_overlap(double ax0, double ay0, double ax1, double ay1, double bx0, double by0,
                        double bx1, double by1, double gap)
{
    return ax0 < bx1 + gap && bx0 < ax1 + gap && ay0 < by1 + gap && by0 < ay1 + gap;
}

/* ---- begin / end ------------------------------------------------------------ */

void chart_clip(chart *c, double x, double y, double w, double h)
{
    cairo_t *cr = c->cr;
    cairo_matrix_t mt;
    cairo_get_matrix(cr, &mt);
    cairo_new_path(cr);
    if (mt.xy == 0 && mt.yx == 0) {
        /* no rotation: clip on whole device pixels, which cairo does without a
         * mask (a fractional clip makes every later operation composite
         * through one, several times slower) */
        double x0 = x, y0 = y, x1 = x + w, y1 = y + h;
        cairo_user_to_device(cr, &x0, &y0);
        cairo_user_to_device(cr, &x1, &y1);
        double ax = floor(fmin(x0, x1) + 1e-6), ay = floor(fmin(y0, y1) + 1e-6);
        double bx = ceil(fmax(x0, x1) - 1e-6), by = ceil(fmax(y0, y1) - 1e-6);
        cairo_identity_matrix(cr);
        cairo_rectangle(cr, ax, ay, bx - ax, by - ay);
        cairo_set_matrix(cr, &mt);
    } else
        cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
}

ind_status chart_begin(chart *c, cairo_t *cr, double x, double y, double w, double h,
                       const ind_chart_options *o, ind_chart_layout *layout, ind_error *err)
{
    static const ind_chart_options none;
    memset(c, 0, sizeof *c);
    if (!o)
        o = &none;
    if (!cr || !(w > 0) || !(h > 0) || !isfinite(x) || !isfinite(y) || !isfinite(w) || !isfinite(h))
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0,
                             "chart: no cairo context, or an empty rectangle to draw in");
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "chart: the cairo context is in error: %s",
                             cairo_status_to_string(cairo_status(cr)));
    c->ctx = chart_context(o);
    if (!c->ctx)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "chart: cannot set up the fonts");
    c->fs = chart_font_size(o);
    chart_context_fonts(c->ctx, c->fs);
    if (layout) {
        layout_clear(layout);
        c->lay = layout;
    } else {
        c->lay = calloc(1, sizeof *c->lay);
        if (!c->lay)
            return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "chart: out of memory");
        c->own_layout = 1;
    }
    /* device units (pixels on an image) per user unit, from cairo's matrix */
    double dx = 1, dy = 0;
    cairo_user_to_device_distance(cr, &dx, &dy);
    c->lay->px_per_pt = hypot(dx, dy) > 0 ? hypot(dx, dy) : 1;
    c->lay->x = x;
    c->lay->y = y;
    c->lay->width = w;
    c->lay->height = h;
    c->cr = cr;
    c->o = o;
    c->en = o->lang == IND_LANG_EN;
    c->x = x;
    c->y = y;
    c->w = w;
    c->h = h;
    c->panel = -1;
    cairo_surface_type_t kind = cairo_surface_get_type(cairo_get_target(cr));
    c->vector = kind == CAIRO_SURFACE_TYPE_PDF || kind == CAIRO_SURFACE_TYPE_SVG ||
                kind == CAIRO_SURFACE_TYPE_PS;
    cairo_save(cr);
    chart_clip(c, x, y, w, h);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, NULL, 0, 0);
    return IND_OK;
}

ind_status chart_end(chart *c, ind_error *err)
{
    for (size_t i = 0; i < c->nlabels; i++)
        free(c->labels[i].text);
    free(c->labels);
    c->labels = NULL;
    c->nlabels = c->caplabels = 0;
    cairo_restore(c->cr);
    if (c->own_layout) {
        ind_chart_layout_free(c->lay);
        free(c->lay);
        c->lay = NULL;
    }
    if (c->oom)
        return ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "chart: out of memory");
    if (cairo_status(c->cr) != CAIRO_STATUS_SUCCESS)
        return ind_error_set(err, IND_EIO, NULL, 0, 0, "chart: cairo: %s",
                             cairo_status_to_string(cairo_status(c->cr)));
    return IND_OK;
}

/* ---- colours, styles -------------------------------------------------------- */

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

/* ---- text ------------------------------------------------------------------- */

/* Sets pl up for text in font f, wrapped at maxw to maxlines, aligned. */
static void layout_setup(chart *c, PangoLayout *pl, font_id f, const char *text, double maxw, int maxlines,
                         int align)
{
    pango_layout_set_font_description(pl, c->ctx->font[f]);
    if (maxw > 0) {
        pango_layout_set_width(pl, (int)(maxw * PANGO_SCALE));
        pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(pl, maxlines > 0 ? -maxlines : -1);
        pango_layout_set_alignment(pl, align == AL_CENTER  ? PANGO_ALIGN_CENTER
                                       : align == AL_RIGHT ? PANGO_ALIGN_RIGHT
                                                           : PANGO_ALIGN_LEFT);
    } else {
        pango_layout_set_width(pl, -1);
        pango_layout_set_height(pl, -1);
        pango_layout_set_ellipsize(pl, PANGO_ELLIPSIZE_NONE);
        pango_layout_set_alignment(pl, PANGO_ALIGN_LEFT);
    }
    /* the last guard: a caller's fixed buffer may have cut a long name inside a
     * character; pango gets the text up to the last whole one, never invalid UTF-8 */
    const gchar *end;
    pango_layout_set_text(pl, text, g_utf8_validate(text, -1, &end) ? -1 : (int)(end - text));
}

/* The box pango reports: logical extents (the line box), which include the
 * ascent and descent so boxes of one line height stack without overlap. */
static void layout_box(PangoLayout *pl, double maxw, double *x, double *w, double *h)
{
    PangoRectangle logical;
    pango_layout_get_extents(pl, NULL, &logical);
    *x = (double)logical.x / PANGO_SCALE;
    *w = (double)logical.width / PANGO_SCALE;
    *h = (double)logical.height / PANGO_SCALE;
    if (maxw > 0 && *w > maxw)
        *w = maxw;
}

static unsigned text_hash(const char *s, int f, double maxw, int maxlines, int align)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    h = (h ^ (unsigned)f) * 16777619u;
    h = (h ^ (unsigned)maxlines) * 16777619u;
    h = (h ^ (unsigned)align) * 16777619u;
    h = (h ^ (unsigned)lround(maxw * 64)) * 16777619u;
    return h;
}

const measure_entry *chart_text_entry(chart *c, font_id f, const char *text, double maxw, int maxlines,
                                      int align)
{
    ind_chart_context *ctx = c->ctx;
    if (!text)
        text = "";
    if (maxw <= 0) {
        maxw = 0;
        maxlines = 1;
        align = AL_LEFT;
    }
    unsigned hv = text_hash(text, f, maxw, maxlines, align);
    size_t slot = hv & (MEASURE_SLOTS - 1);
    for (size_t probe = 0; probe < 8; probe++) {
        measure_entry *e = &ctx->cache[(slot + probe) & (MEASURE_SLOTS - 1)];
        if (!e->text)
            break;
        if (e->hash == hv && e->font == (int)f && e->maxlines == maxlines && e->align == align &&
            e->maxw == maxw && strcmp(e->text, text) == 0)
            return e;
    }
    if (ctx->cached >= MEASURE_SLOTS / 2)
        cache_clear(ctx); /* keep the table sparse; it refills at once */
    measure_entry *e = NULL;
    for (size_t probe = 0; probe < 8 && !e; probe++) {
        measure_entry *t = &ctx->cache[(slot + probe) & (MEASURE_SLOTS - 1)];
        if (!t->text)
            e = t;
    }
    PangoLayout *pl = e ? pango_layout_new(ctx->pc) : NULL;
    char *copy = pl ? strdup(text) : NULL;
    if (!copy) {
        /* not remembered (a full probe run, or no memory): the scratch entry */
        if (pl)
            g_object_unref(pl);
        e = &ctx->scratch;
        layout_setup(c, ctx->pl, f, text, maxw, maxlines, align);
        e->layout = ctx->pl;
        layout_box(ctx->pl, maxw, &e->lx, &e->w, &e->h);
        return e;
    }
    layout_setup(c, pl, f, text, maxw, maxlines, align);
    e->text = copy;
    e->hash = hv;
    e->font = (int)f;
    e->maxlines = maxlines;
    e->align = align;
    e->maxw = maxw;
    e->layout = pl;
    layout_box(pl, maxw, &e->lx, &e->w, &e->h);
    ctx->cached++;
    return e;
}

void chart_text_size(chart *c, font_id f, const char *text, double maxw, int maxlines, double *w,
                     double *h)
{
    const measure_entry *e = chart_text_entry(c, f, text, maxw, maxlines, AL_LEFT);
    *w = e->w;
    *h = e->h;
}

double chart_line_height(chart *c, font_id f)
{
    if (c->ctx->line_h[f] > 0)
        return c->ctx->line_h[f];
    double w, h;
    chart_text_size(c, f, "Åg", 0, 1, &w, &h);
    c->ctx->line_h[f] = h;
    return h;
}

/* A label that may sit over lines gets a halo: a white box with rounded
 * corners hugging the ink of its glyphs, so the text stays legible and
 * exists once in every format. (An outline around each glyph looks a shade
 * finer, but in PDF it writes every glyph's curves again, and on pixels it
 * draws the text eight times: together most of a trend chart's cost.) */
static void show_halo(chart *c, PangoLayout *pl, double x, double y)
{
    cairo_t *cr = c->cr;
    PangoRectangle ink;
    pango_layout_get_extents(pl, &ink, NULL);
    if (ink.width <= 0 || ink.height <= 0)
        return;
    double pad = c->fs * 0.16, r = pad;
    double x0 = x + (double)ink.x / PANGO_SCALE - pad, y0 = y + (double)ink.y / PANGO_SCALE - pad;
    double w = (double)ink.width / PANGO_SCALE + 2 * pad, h = (double)ink.height / PANGO_SCALE + 2 * pad;
    cairo_new_path(cr);
    cairo_move_to(cr, x0 + r, y0);
    cairo_line_to(cr, x0 + w - r, y0);
    cairo_curve_to(cr, x0 + w - r * 0.45, y0, x0 + w, y0 + r * 0.45, x0 + w, y0 + r);
    cairo_line_to(cr, x0 + w, y0 + h - r);
    cairo_curve_to(cr, x0 + w, y0 + h - r * 0.45, x0 + w - r * 0.45, y0 + h, x0 + w - r, y0 + h);
    cairo_line_to(cr, x0 + r, y0 + h);
    cairo_curve_to(cr, x0 + r * 0.45, y0 + h, x0, y0 + h - r * 0.45, x0, y0 + h - r);
    cairo_line_to(cr, x0, y0 + r);
    cairo_curve_to(cr, x0, y0 + r * 0.45, x0 + r * 0.45, y0, x0 + r, y0);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);
}

static void show_layout(chart *c, PangoLayout *pl, double x, double y, rgb col)
{
    cairo_move_to(c->cr, x, y);
    chart_set_rgb(c, col);
    pango_cairo_show_layout(c->cr, pl);
}

ind_chart_element *chart_text(chart *c, font_id f, const char *text, double x, double y, double maxw,
                              int maxlines, int align, rgb col, ind_chart_el_kind kind)
{
    if (!text || !*text)
        return NULL;
    const measure_entry *te = chart_text_entry(c, f, text, maxw, maxlines, align);
    PangoLayout *pl = te->layout;
    double lx = te->lx, w = te->w, h = te->h;
    double left;
    if (maxw > 0) {
        /* pango aligns inside the width; x is the left of that width for
         * AL_LEFT, its centre or its right edge otherwise */
        double x0 = align == AL_CENTER ? x - maxw / 2 : align == AL_RIGHT ? x - maxw : x;
        show_layout(c, pl, x0, y, col);
        left = x0 + lx;
    } else {
        left = align == AL_CENTER ? x - w / 2 : align == AL_RIGHT ? x - w : x;
        show_layout(c, pl, left - lx, y, col);
    }
    return chart_el(c, kind, left, y, left + w, y + h, text);
}

/* ---- labels ----------------------------------------------------------------- */

chart_label *chart_label_add(chart *c, font_id f, const char *text, double x, double yc, int align,
                             rgb col, int priority, ind_chart_el_kind kind)
{
    if (!text || !*text)
        return NULL;
    if (c->nlabels == c->caplabels) {
        size_t cap = c->caplabels ? 2 * c->caplabels : 16;
        chart_label *l = realloc(c->labels, cap * sizeof *l);
        if (!l) {
            c->oom = 1;
            return NULL;
        }
        c->labels = l;
        c->caplabels = cap;
    }
    chart_label *l = &c->labels[c->nlabels];
    memset(l, 0, sizeof *l);
    l->text = strdup(text);
    if (!l->text) {
        c->oom = 1;
        return NULL;
    }
    c->nlabels++;
    chart_text_size(c, f, text, 0, 1, &l->w, &l->h);
    l->font = f;
    l->colour = col;
    l->x = align == AL_CENTER ? x - l->w / 2 : align == AL_RIGHT ? x - l->w : x;
    l->y = yc - l->h / 2;
    l->ax = l->ay = NAN;
    l->priority = priority;
    l->kind = kind;
    l->series = -1;
    l->index = -1;
    l->value = NAN;
    l->halo = 1;
    return l;
}

/* Is the box clear of every text drawn so far? Side by side, texts keep a
 * third of an em apart so that two labels never read as one. */
static int label_free_at(chart *c, double x0, double y0, double x1, double y1)
{
    const ind_chart_layout *l = c->lay;
    double gx = c->fs * 0.35, gy = 0.5;
    for (size_t i = 0; i < l->count; i++) {
        const ind_chart_element *e = &l->el[i];
        if (!e->text || e->fate == IND_CHART_DROPPED)
            continue;
        if (x0 < e->x1 + gx && e->x0 < x1 + gx && y0 < e->y1 + gy && e->y0 < y1 + gy)
            return 0;
    }
    return 1;
}

void chart_labels_place(chart *c)
{
    size_t n = c->nlabels;
    if (!n)
        return;
    /* by priority, then in the order added (a stable insertion sort: n is small) */
    size_t *ord = malloc(n * sizeof *ord);
    /* where each label goes (not placed: dropped), drawn after all are placed */
    typedef struct {
        int placed;
        double x, y;
    } placed;
    placed *drawn = calloc(n, sizeof *drawn);
    if (!ord || !drawn) {
        free(ord);
        free(drawn);
        c->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && c->labels[ord[j - 1]].priority < c->labels[i].priority) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = i;
    }
    double cx0 = c->x + 1, cy0 = c->y + 1, cx1 = c->x + c->w - 1, cy1 = c->y + c->h - 1;
    for (size_t k = 0; k < n; k++) {
        chart_label *lb = &c->labels[ord[k]];
        double x = lb->x, y = lb->y;
        /* inside the canvas */
        if (x + lb->w > cx1)
            x = cx1 - lb->w;
        if (x < cx0)
            x = cx0;
        double step = lb->h * 0.25, found = NAN;
        int fits = lb->w <= cx1 - cx0 && lb->h <= cy1 - cy0;
        for (int t = 0; fits && t <= 17 && isnan(found); t++) {
            /* 0, +1, -1, +2, -2 ... quarter lines */
            double off = (t == 0) ? 0 : ((t & 1) ? 1 : -1) * ((t + 1) / 2) * step;
            double yy = y + off;
            if (yy < cy0 || yy + lb->h > cy1)
                continue;
            if (label_free_at(c, x, yy, x + lb->w, yy + lb->h))
                found = yy;
        }
        if (isnan(found) && fits) {
            /* clamped into the canvas vertically */
            double yy = y < cy0 ? cy0 : (y + lb->h > cy1 ? cy1 - lb->h : y);
            if (yy != y && label_free_at(c, x, yy, x + lb->w, yy + lb->h))
                found = yy;
        }
        ind_chart_element *e;
        if (isnan(found)) {
            e = chart_el(c, lb->kind, x, y, x + lb->w, y + lb->h, lb->text);
            if (e)
                e->fate = IND_CHART_DROPPED;
            c->lay->dropped++;
        } else {
            double lx = chart_text_entry(c, lb->font, lb->text, 0, 1, AL_LEFT)->lx;
            double dy = found - lb->y;
            if (fabs(dy) > lb->h * 0.3 && isfinite(lb->ax)) {
                /* a hairline from the point to the moved label */
                double tx = (lb->ax < x) ? x - 1 : x + lb->w + 1;
                cairo_move_to(c->cr, lb->ax, lb->ay);
                cairo_line_to(c->cr, tx, found + lb->h / 2);
                chart_set_rgb(c, RGB(C_AXIS));
                cairo_set_line_width(c->cr, 0.5);
                cairo_set_dash(c->cr, NULL, 0, 0);
                cairo_stroke(c->cr);
            }
            drawn[k] = (placed){1, x - lx, found};
            e = chart_el(c, lb->kind, x, found, x + lb->w, found + lb->h, lb->text);
            if (e && fabs(dy) > 1e-9) {
                e->fate = IND_CHART_NUDGED;
                e->dy = dy;
                c->lay->nudged++;
            }
        }
        if (e) {
            e->series = lb->series;
            e->index = lb->index;
            e->value = lb->value;
        }
    }
    /* every halo before any text, so that no halo covers a neighbour's glyphs */
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < n; k++) {
            const chart_label *lb = &c->labels[ord[k]];
            if (!drawn[k].placed || (pass == 0 && !lb->halo))
                continue;
            /* fetched again: an entry lives only until the next one is made */
            PangoLayout *pl = chart_text_entry(c, lb->font, lb->text, 0, 1, AL_LEFT)->layout;
            if (pass == 0)
                show_halo(c, pl, drawn[k].x, drawn[k].y);
            else
                show_layout(c, pl, drawn[k].x, drawn[k].y, lb->colour);
        }
    free(drawn);
    free(ord);
    for (size_t i = 0; i < n; i++)
        free(c->labels[i].text);
    c->nlabels = 0;
}

/* ---- formats ---------------------------------------------------------------- */

/* A number too long for a label (|v| of 10^15 and up) in powers of ten:
 * "1,23 × 10^308"; short, complete and valid UTF-8 whatever v is. */
static void fmt_power(chart *c, double v, char *num, size_t size)
{
    int e = (int)floor(log10(fabs(v)));
    double m = v / pow(10, e);
    if (fabs(m) >= 9.995) { /* rounds up to 10,00 */
        m /= 10;
        e++;
    }
    char mant[64];
    if (c->en)
        ind_num_format_en(m, 2, IND_FMT_UNICODE, mant, sizeof mant);
    else
        ind_num_format_sv(m, 2, IND_FMT_UNICODE, mant, sizeof mant);
    /* the exponent in superscript digits: ⁰ ¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹, ⁻ */
    static const char *const sup[10] = {"\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
                                        "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9"};
    char digits[16], ex[64] = "";
    snprintf(digits, sizeof digits, "%d", e);
    for (const char *d = digits; *d; d++)
        strcat(ex, *d == '-' ? "\xe2\x81\xbb" : sup[*d - '0']);
    snprintf(num, size, "%s \xc3\x97 10%s", mant, ex);
}

char *chart_fmt(chart *c, double v, int decimals, int percent, char *buf, size_t size)
{
    char num[128];
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    if (isfinite(v) && fabs(v) >= 1e15)
        fmt_power(c, v, num, sizeof num);
    else if (c->en)
        ind_num_format_en(v, decimals, IND_FMT_UNICODE, num, sizeof num);
    else
        ind_num_format_sv(v, decimals, IND_FMT_UNICODE, num, sizeof num);
    /* below 10^15 a number has at most 15 digits, 4 separators and 6 decimals: it
     * fits; callers give 64 bytes, and a smaller buffer gets the number's end cut
     * at a character boundary, never inside a UTF-8 sequence */
    if (percent && isfinite(v))
        snprintf(num + strlen(num), sizeof num - strlen(num), c->en ? "%%" : " %%");
    size_t n = strlen(num);
    if (size == 0)
        return buf;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)num[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(buf, num, n);
    buf[n] = '\0';
    return buf;
}

int chart_auto_decimals(const double *v, size_t n)
{
    if (!v)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i]) && fabs(v[i] - nearbyint(v[i])) > 1e-9 * fmax(1, fabs(v[i])))
            return 1;
    return 0;
}

char *chart_period_label(chart *c, ind_period p, char *buf, size_t size)
{
    static const char *const sv[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                     "jul", "aug", "sep", "okt", "nov", "dec"};
    static const char *const en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int y = ind_period_year(p), sub = ind_period_sub(p);
    switch (ind_period_kind_of(p)) {
    case IND_PERIOD_TERTIAL: snprintf(buf, size, "%d T%d", y, sub); break;
    case IND_PERIOD_MONTH:
        snprintf(buf, size, "%s %d", (c->en ? en : sv)[(sub - 1 + 12) % 12], y);
        break;
    default: snprintf(buf, size, "%d", y); break;
    }
    return buf;
}

const char *chart_verdict_word(chart *c, ind_verdict v)
{
    return c->en ? ind_verdict_label_en(v) : ind_verdict_label_sv(v);
}

const char *chart_gender_word(chart *c, ind_gender g)
{
    return c->en ? ind_gender_label_en(g) : ind_gender_label_sv(g);
}

/* ---- scales ----------------------------------------------------------------- */

double chart_map(const chart_scale *s, double v)
{
    if (s->hi == s->lo)
        return (s->p0 + s->p1) / 2;
    return s->p0 + (v - s->lo) / (s->hi - s->lo) * (s->p1 - s->p0);
}

void chart_nice(double lo, double hi, int ticks, chart_scale *s)
{
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi < lo) {
        double t = lo;
        lo = hi;
        hi = t;
    }
    if (hi - lo < 1e-12 * fmax(1, fabs(hi))) {
        double d = lo == 0 ? 1 : fabs(lo) * 0.1;
        lo -= d;
        hi += d;
        if (lo < 0 && lo + d >= 0)
            lo = 0;
    }
    if (ticks < 2)
        ticks = 2;
    double raw = (hi - lo) / ticks;
    double mag = pow(10, floor(log10(raw)));
    static const double steps[] = {1, 2, 2.5, 5, 10};
    double step = 10 * mag;
    for (int i = 0; i < 5; i++)
        /* 25, 250 ... but not 2.5 or 0.25: a half-step decimal on the axis reads badly */
        if (steps[i] * mag >= raw * 0.999 && !(steps[i] == 2.5 && mag < 10)) {
            step = steps[i] * mag;
            break;
        }
    s->lo = floor(lo / step + 1e-9) * step;
    s->hi = ceil(hi / step - 1e-9) * step;
    if (s->hi <= s->lo)
        s->hi = s->lo + step;
    s->step = step;
    int d = 0;
    while (d < 6 && fabs(step * pow(10, d) - nearbyint(step * pow(10, d))) > 1e-6)
        d++;
    s->decimals = d;
}

void chart_value_range(double lo, double hi, int percent, int zoom, int ticks, chart_scale *s)
{
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = percent ? 100 : 1;
    }
    /* a percentage axis stops at 100 when the data do */
    int cap = percent && hi <= 100 + 1e-9;
    double span = hi - lo;
    if (percent && !zoom) {
        if (lo > 0)
            lo = 0;
        hi += span * 0.04;
    } else {
        if (!zoom && lo >= 0 && lo <= 0.4 * hi)
            lo = 0;
        else {
            double pad = span > 0 ? span * 0.08 : fabs(hi) * 0.05 + 1e-9;
            double l2 = lo - pad;
            if (lo >= 0 && l2 < 0)
                l2 = 0;
            lo = l2;
        }
        hi += (hi - lo) * 0.06;
    }
    if (cap && hi > 100)
        hi = 100;
    chart_nice(lo, hi, ticks, s);
    if (cap && s->hi > 100)
        s->hi = 100; /* 100 is a multiple of every step chart_nice picks up to 50 */
}

double *chart_period_times(chart *c, const ind_period *p, size_t n, chart_time *tm)
{
    double *t = malloc((n ? n : 1) * sizeof *t);
    if (!t) {
        c->oom = 1;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        t[i] = ind_period_time(p[i]);
    chart_time_of(p, n, tm);
    return t;
}

void chart_time_of(const ind_period *p, size_t n, chart_time *t)
{
    t->kind = ind_period_kind_of(p[0]);
    t->t0 = ind_period_time(p[0]);
    t->t1 = ind_period_time(p[n - 1]);
    t->step = t->kind == IND_PERIOD_TERTIAL ? 1.0 / 3 : t->kind == IND_PERIOD_MONTH ? 1.0 / 12 : 1.0;
    for (size_t i = 1; i < n; i++) {
        if (ind_period_kind_of(p[i]) != t->kind) {
            /* mixed kinds: the smallest step present */
            ind_period_kind k = ind_period_kind_of(p[i]);
            double s = k == IND_PERIOD_TERTIAL ? 1.0 / 3 : k == IND_PERIOD_MONTH ? 1.0 / 12 : 1.0;
            if (s < t->step) {
                t->step = s;
                t->kind = k;
            }
        }
    }
}

/* ---- axes ------------------------------------------------------------------- */

double chart_snap(chart *c, double v, int vertical)
{
    cairo_t *cr = c->cr;
    cairo_matrix_t mt;
    cairo_get_matrix(cr, &mt);
    if (cairo_surface_get_type(cairo_get_target(cr)) != CAIRO_SURFACE_TYPE_IMAGE || mt.xy != 0 || mt.yx != 0)
        return v;
    double x = vertical ? 0 : v, y = vertical ? v : 0;
    cairo_user_to_device(cr, &x, &y);
    if (vertical)
        y = round(y);
    else
        x = round(x);
    cairo_device_to_user(cr, &x, &y);
    return vertical ? y : x;
}

double chart_y_label_width(chart *c, const chart_scale *s, int percent, font_id f)
{
    double wmax = 0;
    char buf[64];
    /* every tick's label, as chart_y_axis writes them: the widest is usually at
     * an end, but not when the ends are written in powers of ten */
    int nt = (int)floor((s->hi - s->lo) / s->step + 1e-6);
    for (int i = 0; i <= nt; i++) {
        double v = s->lo + i * s->step, w, h;
        if (fabs(v) < s->step * 1e-9)
            v = 0;
        chart_text_size(c, f, chart_fmt(c, v, s->decimals, percent, buf, sizeof buf), 0, 1, &w, &h);
        if (w > wmax)
            wmax = w;
    }
    return wmax;
}

void chart_y_axis(chart *c, const chart_scale *s, double px0, double px1, int percent, font_id f)
{
    cairo_t *cr = c->cr;
    char buf[64];
    double lh = chart_line_height(c, f);
    int nt = (int)floor((s->hi - s->lo) / s->step + 1e-6);
    for (int i = 0; i <= nt; i++) {
        double v = s->lo + i * s->step;
        if (fabs(v) < s->step * 1e-9)
            v = 0;
        double y = chart_map(s, v);
        double yy = chart_snap(c, y, 1);
        cairo_move_to(cr, px0, yy);
        cairo_line_to(cr, px1, yy);
        chart_set_rgb(c, (v == 0 && s->lo < 0) ? RGB(C_AXIS) : RGB(C_GRID));
        cairo_set_line_width(cr, 0.6);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_stroke(cr);
        chart_text(c, f, chart_fmt(c, v, s->decimals, percent, buf, sizeof buf), px0 - c->fs * 0.45,
                   y - lh / 2, 0, 1, AL_RIGHT, RGB(C_MUTED), IND_CHART_EL_AXIS_LABEL);
    }
}

double chart_x_label_gap(chart *c, font_id f)
{
    /* below the half of the lowest y label that hangs under the axis */
    return fmax(c->fs * 0.4, chart_line_height(c, f) * 0.5 + 0.6);
}

static ind_period period_add(ind_period p, ind_period_kind kind, long k)
{
    int y = ind_period_year(p), sub = ind_period_sub(p);
    if (kind == IND_PERIOD_YEAR || ind_period_kind_of(p) == IND_PERIOD_YEAR) {
        if (kind == IND_PERIOD_YEAR)
            return ind_period_make(y + (int)k, IND_PERIOD_YEAR, 0);
        sub = 1;
    }
    long per = kind == IND_PERIOD_TERTIAL ? 3 : 12;
    long idx = (long)y * per + (sub - 1) + k;
    return ind_period_make((int)(idx / per), kind, (int)(idx % per) + 1);
}

double chart_x_periods(chart *c, const chart_time *t, const chart_scale *xs, double py1,
                       const ind_period *periods, size_t count, const double *nvals, font_id f,
                       int only_ends)
{
    cairo_t *cr = c->cr;
    long slots = lround((t->t1 - t->t0) / t->step) + 1;
    if (slots < 1)
        slots = 1;
    /* the first slot's period: periods[0] in the axis kind */
    ind_period first = periods[0];
    if (ind_period_kind_of(first) != t->kind)
        first = period_add(first, t->kind, 0);
    char buf[64];
    double wmax = 0, w, h;
    long probe[3] = {0, slots - 1, slots / 2};
    for (int i = 0; i < 3; i++) {
        chart_text_size(c, f, chart_period_label(c, period_add(first, t->kind, probe[i]), buf, sizeof buf),
                        0, 1, &w, &h);
        if (w > wmax)
            wmax = w;
    }
    wmax *= 1.08;
    double lh = chart_line_height(c, f);
    double slot_px = slots > 1 ? fabs(chart_map(xs, t->t0 + t->step) - chart_map(xs, t->t0)) : 1e9;
    static const long ky[] = {1, 2, 5, 10, 20, 50, 100};
    static const long kt[] = {1, 3, 6, 12, 30, 60};
    static const long km[] = {1, 2, 3, 6, 12, 24, 60, 120};
    const long *ks = t->kind == IND_PERIOD_TERTIAL ? kt : t->kind == IND_PERIOD_MONTH ? km : ky;
    size_t nk = t->kind == IND_PERIOD_TERTIAL ? 6 : t->kind == IND_PERIOD_MONTH ? 8 : 7;
    long every = ks[nk - 1];
    for (size_t i = 0; i < nk; i++)
        if (slot_px * ks[i] >= wmax + c->fs * 0.8) {
            every = ks[i];
            break;
        }
    /* which slot starts: years keep the latest labelled; tertials and months
     * start their thinned labels at the start of a year */
    long start = 0;
    if (t->kind == IND_PERIOD_YEAR)
        start = (slots - 1) % every;
    else {
        long per = t->kind == IND_PERIOD_TERTIAL ? 3 : 12;
        int sub0 = ind_period_sub(first);
        if (every % per == 0 || per % every == 0)
            start = ((per - (sub0 - 1)) % per) % every;
    }
    /* tick marks at every slot (when they do not form a comb), labels at the
     * thinned ones */
    cairo_set_line_width(cr, 0.6);
    cairo_set_dash(cr, NULL, 0, 0);
    chart_set_rgb(c, RGB(C_AXIS));
    int every_tick = slot_px >= c->fs * 0.6;
    for (long s = 0; s < slots; s++) {
        int labelled = only_ends ? (s == 0 || s == slots - 1) : ((s - start) % every == 0 && s >= start);
        if (!every_tick && !labelled)
            continue;
        double x = chart_map(xs, t->t0 + s * t->step);
        cairo_move_to(cr, x, py1);
        cairo_line_to(cr, x, py1 + c->fs * 0.3);
    }
    cairo_stroke(cr);
    double ytext = py1 + chart_x_label_gap(c, f);
    int has_n = 0;
    for (long s = 0; s < slots; s++) {
        int labelled;
        if (only_ends)
            labelled = (s == 0 && (slots == 1 || slot_px * (slots - 1) >= wmax + c->fs)) || s == slots - 1;
        else
            labelled = (s - start) % every == 0 && s >= start;
        if (!labelled)
            continue;
        double x = chart_map(xs, t->t0 + s * t->step);
        ind_period p = period_add(first, t->kind, s);
        ind_chart_element *e = chart_text(c, f, chart_period_label(c, p, buf, sizeof buf), x, ytext, 0, 1,
                                          AL_CENTER, RGB(C_MUTED), IND_CHART_EL_AXIS_LABEL);
        if (e)
            e->index = (int)s;
        if (nvals) {
            for (size_t i = 0; i < count; i++)
                if (periods[i] == p && isfinite(nvals[i])) {
                    char num[64], txt[96];
                    snprintf(txt, sizeof txt, "n = %s", chart_fmt(c, nvals[i], 0, 0, num, sizeof num));
                    chart_text(c, F_TINY, txt, x, ytext + lh + 1, 0, 1, AL_CENTER, RGB(C_MUTED),
                               IND_CHART_EL_AXIS_LABEL);
                    has_n = 1;
                }
        }
    }
    return lh + chart_x_label_gap(c, f) + (has_n || nvals ? chart_line_height(c, F_TINY) + 1 : 0);
}

/* ---- markers and symbols --------------------------------------------------- */

static void shape_path(cairo_t *cr, marker_shape s, double x, double y, double r)
{
    switch (s) {
    case MK_TRIANGLE:
        r *= 1.2;
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x + r * 0.866, y + r * 0.5);
        cairo_line_to(cr, x - r * 0.866, y + r * 0.5);
        cairo_close_path(cr);
        break;
    case MK_TRIANGLE_DOWN:
        r *= 1.2;
        cairo_move_to(cr, x, y + r);
        cairo_line_to(cr, x + r * 0.866, y - r * 0.5);
        cairo_line_to(cr, x - r * 0.866, y - r * 0.5);
        cairo_close_path(cr);
        break;
    case MK_SQUARE:
        r *= 0.88;
        cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r);
        break;
    case MK_DIAMOND:
        r *= 1.2;
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x + r, y);
        cairo_line_to(cr, x, y + r);
        cairo_line_to(cr, x - r, y);
        cairo_close_path(cr);
        break;
    case MK_NONE: break;
    default:
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
        cairo_close_path(cr);
        break;
    }
}

/* The offset that grows a shape of size r by d all round (r is the circle's
 * radius, the triangle's and diamond's circumradius before shape_path's
 * factors, half the square's side before its factor). */
static double grow_by(marker_shape s, double d)
{
    switch (s) {
    case MK_TRIANGLE:
    case MK_TRIANGLE_DOWN: return 2 * d / 1.2;        /* circumradius = 2 × inradius */
    case MK_SQUARE: return d / 0.88;
    case MK_DIAMOND: return d * 1.41421356 / 1.2;
    default: return d;
    }
}

/* A marker with an edge of 0.4 points all round: two fills (the edge colour,
 * then the marker), several times cheaper than filling and stroking. */
void chart_marker(chart *c, marker_shape s, double x, double y, double r, rgb fill, rgb edge)
{
    if (s == MK_NONE)
        return;
    cairo_t *cr = c->cr;
    double d = 0.4;
    cairo_new_path(cr);
    shape_path(cr, s, x, y, r + grow_by(s, d));
    chart_set_rgb(c, edge);
    cairo_fill(cr);
    shape_path(cr, s, x, y, r - grow_by(s, d));
    chart_set_rgb(c, fill);
    cairo_fill(cr);
}

/* A series' markers together, in two paths (every edge in white, then every
 * fill). In PDF and SVG a disc is a dot (a very short stroke with round caps)
 * and a square a stroke as long as it is wide: a few bytes each, where a
 * circle's curves take a few hundred. Together these made the vector formats
 * cheaper than PNG. */
void chart_markers(chart *c, marker_shape s, const double *x, const double *y, size_t n, double r, rgb fill,
                   rgb edge)
{
    if (s == MK_NONE || n == 0)
        return;
    if (n == 1) {
        chart_marker(c, s, x[0], y[0], r, fill, edge);
        return;
    }
    cairo_t *cr = c->cr;
    double d = 0.4;
    cairo_new_path(cr);
    if (c->vector && (s == MK_CIRCLE || s == MK_SQUARE)) {
        cairo_save(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        for (int layer = 0; layer < 2; layer++) {
            rgb col = layer ? fill : edge;
            double rr = layer ? r - grow_by(s, d) : r + grow_by(s, d);
            if (s == MK_CIRCLE) {
                /* a dot of the disc's diameter: a stroke 0.02 points long, not
                 * of length zero, which some viewers (a browser's canvas, so
                 * pdf.js) skip although PDF and SVG say to draw it */
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
                cairo_set_line_width(cr, 2 * rr);
                for (size_t i = 0; i < n; i++) {
                    cairo_move_to(cr, x[i] - 0.01, y[i]);
                    cairo_line_to(cr, x[i] + 0.01, y[i]);
                }
            } else {
                /* a stroke as long as it is wide, with butt caps */
                double half = 0.88 * rr;
                cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
                cairo_set_line_width(cr, 2 * half);
                for (size_t i = 0; i < n; i++) {
                    cairo_move_to(cr, x[i] - half, y[i]);
                    cairo_line_to(cr, x[i] + half, y[i]);
                }
            }
            cairo_set_source_rgb(cr, col.r, col.g, col.b);
            cairo_stroke(cr);
        }
        cairo_restore(cr);
        return;
    }
    for (size_t i = 0; i < n; i++)
        shape_path(cr, s, x[i], y[i], r + grow_by(s, d));
    cairo_set_source_rgb(cr, edge.r, edge.g, edge.b);
    cairo_fill(cr);
    for (size_t i = 0; i < n; i++)
        shape_path(cr, s, x[i], y[i], r - grow_by(s, d));
    cairo_set_source_rgb(cr, fill.r, fill.g, fill.b);
    cairo_fill(cr);
}

rgb chart_verdict_colour(ind_verdict v)
{
    switch (v) {
    case IND_VERDICT_MET: return RGB(C_BLUE);
    case IND_VERDICT_PARTLY: return RGB(C_ORANGE);
    case IND_VERDICT_NOT_MET: return RGB(C_VERMILLION);
    default: return RGB(0x9A9A9A);
    }
}

/* met: a disc with a tick; partly: a triangle with a bar; not met: a square
 * with a cross; anything else: an open circle with a dash. */
void chart_verdict_symbol(chart *c, ind_verdict v, double x, double y, double r)
{
    cairo_t *cr = c->cr;
    rgb col = chart_verdict_colour(v);
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    switch (v) {
    case IND_VERDICT_MET:
        cairo_arc(cr, x, y, r, 0, 2 * M_PI);
        chart_set_rgb(c, col);
        cairo_fill(cr);
        cairo_move_to(cr, x - r * 0.5, y + r * 0.02);
        cairo_line_to(cr, x - r * 0.12, y + r * 0.42);
        cairo_line_to(cr, x + r * 0.52, y - r * 0.38);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, r * 0.28);
        cairo_stroke(cr);
        break;
    case IND_VERDICT_PARTLY: {
        double s = r * 1.22;
        cairo_move_to(cr, x, y - s);
        cairo_line_to(cr, x + s * 0.98, y + s * 0.72);
        cairo_line_to(cr, x - s * 0.98, y + s * 0.72);
        cairo_close_path(cr);
        chart_set_rgb(c, col);
        cairo_fill_preserve(cr);
        chart_set_rgb(c, RGB(0x8F5A00));
        cairo_set_line_width(cr, r * 0.12);
        cairo_stroke(cr);
        cairo_move_to(cr, x - s * 0.42, y + s * 0.22);
        cairo_line_to(cr, x + s * 0.42, y + s * 0.22);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, r * 0.26);
        cairo_stroke(cr);
        break;
    }
    case IND_VERDICT_NOT_MET: {
        double s = r * 0.9;
        cairo_rectangle(cr, x - s, y - s, 2 * s, 2 * s);
        chart_set_rgb(c, col);
        cairo_fill(cr);
        double k = s * 0.5;
        cairo_move_to(cr, x - k, y - k);
        cairo_line_to(cr, x + k, y + k);
        cairo_move_to(cr, x + k, y - k);
        cairo_line_to(cr, x - k, y + k);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, r * 0.26);
        cairo_stroke(cr);
        break;
    }
    default:
        cairo_arc(cr, x, y, r * 0.88, 0, 2 * M_PI);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill_preserve(cr);
        chart_set_rgb(c, RGB(0x8C8C8C));
        cairo_set_line_width(cr, r * 0.18);
        cairo_stroke(cr);
        cairo_move_to(cr, x - r * 0.42, y);
        cairo_line_to(cr, x + r * 0.42, y);
        cairo_set_line_width(cr, r * 0.22);
        cairo_stroke(cr);
        break;
    }
    cairo_restore(cr);
}

rgb chart_meaning_colour(ind_chart_meaning m)
{
    return m == IND_CHART_IMPROVING ? RGB(C_BLUE) : m == IND_CHART_WORSENING ? RGB(C_VERMILLION) : RGB(0x7A7A7A);
}

const char *chart_meaning_word(chart *c, ind_chart_meaning m, ind_chart_arrow a)
{
    if (a == IND_CHART_ARROW_NONE)
        return "–";
    switch (m) {
    case IND_CHART_IMPROVING: return TR(c, "förbättras", "improving");
    case IND_CHART_WORSENING: return TR(c, "försämras", "worsening");
    default: return TR(c, "ingen tydlig trend", "no clear trend");
    }
}

void chart_arrow_symbol(chart *c, ind_chart_arrow a, ind_chart_meaning m, double x, double y, double r)
{
    if (a == IND_CHART_ARROW_NONE)
        return;
    cairo_t *cr = c->cr;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    if (a == IND_CHART_ARROW_UP)
        cairo_rotate(cr, -M_PI / 4);
    else if (a == IND_CHART_ARROW_DOWN)
        cairo_rotate(cr, M_PI / 4);
    /* an arrow pointing right in its own frame */
    cairo_new_path(cr);
    cairo_move_to(cr, -r, 0);
    cairo_line_to(cr, r * 0.35, 0);
    chart_set_rgb(c, chart_meaning_colour(m));
    cairo_set_line_width(cr, r * 0.32);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);
    cairo_move_to(cr, r, 0);
    cairo_line_to(cr, r * 0.1, -r * 0.55);
    cairo_line_to(cr, r * 0.1, r * 0.55);
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_restore(cr);
}

/* ---- legend ----------------------------------------------------------------- */

static double legend_sample_width(chart *c, const legend_entry *e)
{
    switch (e->kind) {
    case LG_LINE:
    case LG_STEP:
    case LG_BAND:
    case LG_INTERVAL: return c->fs * 2.6;
    default: return c->fs * 1.2;
    }
}

/* Lays out (and when draw, draws) the entries; returns the height used. */
static double legend_run(chart *c, const legend_entry *e, size_t n, double x, double y, double w,
                         int draw)
{
    if (!n)
        return 0;
    double lh = chart_line_height(c, F_SMALL);
    double gap = c->fs * 0.4, sep = c->fs * 1.3;
    double cx = x, cy = y;
    cairo_t *cr = c->cr;
    for (size_t i = 0; i < n; i++) {
        double sw = legend_sample_width(c, &e[i]);
        double tw, th;
        chart_text_size(c, F_SMALL, e[i].text, 0, 1, &tw, &th);
        double ew = sw + gap + tw;
        if (ew > w)
            ew = w;
        if (cx > x && cx + ew > x + w) {
            cx = x;
            cy += lh + c->fs * 0.3;
        }
        if (draw) {
            double my = cy + lh / 2;
            cairo_save(cr);
            cairo_new_path(cr);
            switch (e[i].kind) {
            case LG_LINE:
            case LG_STEP:
                if (e[i].kind == LG_STEP) {
                    cairo_move_to(cr, cx, my + lh * 0.18);
                    cairo_line_to(cr, cx + sw * 0.5, my + lh * 0.18);
                    cairo_line_to(cr, cx + sw * 0.5, my - lh * 0.18);
                    cairo_line_to(cr, cx + sw, my - lh * 0.18);
                } else {
                    cairo_move_to(cr, cx, my);
                    cairo_line_to(cr, cx + sw, my);
                }
                chart_set_rgb(c, e[i].colour);
                cairo_set_line_width(cr, e[i].width > 0 ? e[i].width : 1.5);
                cairo_set_dash(cr, e[i].dash, e[i].ndash, 0);
                cairo_stroke(cr);
                if (e[i].marker != MK_NONE)
                    chart_marker(c, e[i].marker, cx + sw / 2, my, c->fs * 0.36, e[i].colour,
                                 RGB(0xFFFFFF));
                break;
            case LG_BAND:
                cairo_rectangle(cr, cx, my - lh * 0.3, sw, lh * 0.6);
                chart_set_rgba(c, e[i].colour, 0.18);
                cairo_fill(cr);
                break;
            case LG_INTERVAL:
                cairo_move_to(cr, cx + 1, my);
                cairo_line_to(cr, cx + sw - 1, my);
                cairo_move_to(cr, cx + 1, my - lh * 0.2);
                cairo_line_to(cr, cx + 1, my + lh * 0.2);
                cairo_move_to(cr, cx + sw - 1, my - lh * 0.2);
                cairo_line_to(cr, cx + sw - 1, my + lh * 0.2);
                chart_set_rgb(c, e[i].colour);
                cairo_set_line_width(cr, e[i].width > 0 ? e[i].width : 1.2);
                cairo_stroke(cr);
                break;
            case LG_TICK:
                cairo_move_to(cr, cx + sw / 2, my - lh * 0.42);
                cairo_line_to(cr, cx + sw / 2, my + lh * 0.42);
                chart_set_rgb(c, e[i].colour);
                cairo_set_line_width(cr, e[i].width > 0 ? e[i].width : 2);
                cairo_set_dash(cr, e[i].dash, e[i].ndash, 0);
                cairo_stroke(cr);
                break;
            case LG_MARKER:
                chart_marker(c, e[i].marker, cx + sw / 2, my, c->fs * 0.4, e[i].colour, RGB(0xFFFFFF));
                break;
            case LG_VERDICT: chart_verdict_symbol(c, e[i].verdict, cx + sw / 2, my, c->fs * 0.5); break;
            case LG_NUMBER: {
                char num[16];
                snprintf(num, sizeof num, "%d", e[i].number);
                cairo_arc(cr, cx + sw / 2, my, c->fs * 0.55, 0, 2 * M_PI);
                chart_set_rgb(c, e[i].colour);
                cairo_fill(cr);
                const measure_entry *te = chart_text_entry(c, F_TINY, num, 0, 1, AL_LEFT);
                show_layout(c, te->layout, cx + sw / 2 - te->w / 2 - te->lx, my - te->h / 2, RGB(0xFFFFFF));
                break;
            }
            }
            cairo_restore(cr);
            const measure_entry *te =
                chart_text_entry(c, F_SMALL, e[i].text, tw > w - sw - gap ? w - sw - gap : 0, 1, AL_LEFT);
            double ww = te->w;
            show_layout(c, te->layout, cx + sw + gap - te->lx, cy, RGB(C_TEXT));
            ind_chart_element *el = chart_el(c, IND_CHART_EL_LEGEND_ENTRY, cx, cy, cx + sw + gap + ww,
                                             cy + lh, e[i].text);
            if (el)
                el->series = e[i].series;
        }
        cx += ew + sep;
    }
    return cy + lh - y;
}

double chart_legend_height(chart *c, const legend_entry *e, size_t n, double w)
{
    return legend_run(c, e, n, 0, 0, w, 0);
}

double chart_legend(chart *c, const legend_entry *e, size_t n, double x, double y, double w)
{
    return legend_run(c, e, n, x, y, w, 1);
}

/* ---- heading and caption --------------------------------------------------- */

double chart_margin(chart *c)
{
    return c->fs;
}

double chart_heading(chart *c, const char *title, const char *subtitle)
{
    double m = chart_margin(c);
    double y = c->y + m * 0.9;
    const char *t = c->o->title ? c->o->title : title;
    const char *s = c->o->subtitle ? c->o->subtitle : subtitle;
    if (t && *t) {
        ind_chart_element *e = chart_text(c, F_TITLE, t, c->x + m, y, c->w - 2 * m, 2, AL_LEFT,
                                          RGB(C_TEXT), IND_CHART_EL_TITLE);
        if (e)
            y = e->y1 + c->fs * 0.15;
    }
    if (s && *s) {
        ind_chart_element *e = chart_text(c, F_SUBTITLE, s, c->x + m, y, c->w - 2 * m, 2, AL_LEFT,
                                          RGB(C_MUTED), IND_CHART_EL_SUBTITLE);
        if (e)
            y = e->y1;
    }
    return y + c->fs * 0.6;
}

double chart_heading_height(chart *c, const char *title, const char *subtitle)
{
    double m = chart_margin(c), h = m * 0.9, tw, th;
    const char *t = c->o->title ? c->o->title : title;
    const char *s = c->o->subtitle ? c->o->subtitle : subtitle;
    if (t && *t) {
        chart_text_size(c, F_TITLE, t, c->w - 2 * m, 2, &tw, &th);
        h += th + c->fs * 0.15;
    }
    if (s && *s) {
        chart_text_size(c, F_SUBTITLE, s, c->w - 2 * m, 2, &tw, &th);
        h += th;
    }
    return h + c->fs * 0.6;
}

double chart_caption_height(chart *c)
{
    double m = chart_margin(c), h = m * 0.8, tw, th;
    if (c->o->caption && *c->o->caption) {
        chart_text_size(c, F_CAPTION, c->o->caption, c->w - 2 * m, 2, &tw, &th);
        h += th + c->fs * 0.4;
    }
    return h;
}

int chart_measure_begin(chart *c, const ind_chart_options *o, double w)
{
    static const ind_chart_options none;
    memset(c, 0, sizeof *c);
    c->o = o ? o : &none;
    c->ctx = chart_context(o);
    if (!c->ctx)
        return 0;
    c->fs = chart_font_size(o);
    c->en = c->o->lang == IND_LANG_EN;
    c->w = w > 0 ? w : chart_default_width(o);
    c->panel = -1;
    chart_context_fonts(c->ctx, c->fs);
    return 1;
}

double chart_caption(chart *c)
{
    double m = chart_margin(c);
    const char *cap = c->o->caption;
    double bottom = c->y + c->h - m * 0.8;
    if (!cap || !*cap)
        return bottom;
    double w, h;
    chart_text_size(c, F_CAPTION, cap, c->w - 2 * m, 2, &w, &h);
    chart_text(c, F_CAPTION, cap, c->x + m, bottom - h, c->w - 2 * m, 2, AL_LEFT, RGB(C_MUTED),
               IND_CHART_EL_CAPTION);
    return bottom - h - c->fs * 0.4;
}

/* ---- alt text --------------------------------------------------------------- */

void sb_add(strbuf *b, const char *fmt, ...)
{
    if (b->oom)
        return;
    va_list ap;
    for (;;) {
        size_t room = b->cap - b->len;
        va_start(ap, fmt);
        int k = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? room : 0, fmt, ap);
        va_end(ap);
        if (k < 0) {
            b->oom = 1;
            return;
        }
        if (b->s && (size_t)k < room) {
            b->len += (size_t)k;
            return;
        }
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)k + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->oom = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
}

void chart_set_alt(chart *c, strbuf *b)
{
    free(c->lay->alt);
    c->lay->alt = NULL;
    if (c->o->alt) {
        c->lay->alt = strdup(c->o->alt);
        if (!c->lay->alt)
            c->oom = 1;
        free(b->s);
    } else if (b->oom) {
        c->oom = 1;
        free(b->s);
    } else {
        c->lay->alt = b->s ? b->s : strdup("");
        if (!c->lay->alt)
            c->oom = 1;
    }
    b->s = NULL;
    b->len = b->cap = 0;
}
