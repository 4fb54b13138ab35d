/* chart_text.c: text set with pango: laid out once per string, font and width from the context's cache, measured, drawn, with a halo for labels. */
#include "internal/chart_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
        chart_context_clear_cache(ctx); /* keep the table sparse; it refills at once */
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
void chart_text_halo(chart *c, PangoLayout *pl, double x, double y)
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
    chart_set_rgb(c, chart_colour(CC_PAPER));
    cairo_fill(cr);
}

void chart_text_show(chart *c, PangoLayout *pl, double x, double y, rgb col)
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
        chart_text_show(c, pl, x0, y, col);
        left = x0 + lx;
    } else {
        left = align == AL_CENTER ? x - w / 2 : align == AL_RIGHT ? x - w : x;
        chart_text_show(c, pl, left - lx, y, col);
    }
    return chart_el(c, kind, left, y, left + w, y + h, text);
}
