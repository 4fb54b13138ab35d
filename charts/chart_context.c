/* chart_context.c: the chart context: the font map, fonts and text cache set up once, the process-wide context, and the options' defaults. */
#include "internal/chart_int.h"

#include <stdlib.h>
#include <string.h>

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

void chart_context_clear_cache(ind_chart_context *ctx)
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
    chart_context_clear_cache(ctx);
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
    chart_context_clear_cache(ctx);
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
