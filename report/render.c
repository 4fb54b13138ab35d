/* render.c: a document's figure drawn for a writer: into cairo, or as PNG or SVG bytes with its alt text. */
#include "render.h"

#include <cairo-svg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

double ind_figure_height(const ind_block *f, double w)
{
    if (f->height > 0)
        return f->height * w / IND_DOC_TEXT_W;
    switch (f->chart) {
    case IND_CHART_MULTIPLES: return ind_chart_height_multiples(f->model, f->chart_options, w);
    case IND_CHART_COMPARE: return ind_chart_height_compare(f->model, f->chart_options, w);
    case IND_CHART_STATUS: return ind_chart_height_status(f->model, f->chart_options, w);
    default: return w * 300.0 / 480.0;
    }
}

ind_status ind_figure_draw(cairo_t *cr, const ind_block *f, double x, double y, double w, double h,
                           ind_chart_layout *lay, ind_error *err)
{
    const ind_chart_options *o = f->chart_options;
    switch (f->chart) {
    case IND_CHART_TREND: return ind_chart_draw_trend(cr, x, y, w, h, f->model, o, lay, err);
    case IND_CHART_MULTIPLES: return ind_chart_draw_multiples(cr, x, y, w, h, f->model, o, lay, err);
    case IND_CHART_COMPARE: return ind_chart_draw_compare(cr, x, y, w, h, f->model, o, lay, err);
    case IND_CHART_FUNNEL: return ind_chart_draw_funnel(cr, x, y, w, h, f->model, o, lay, err);
    case IND_CHART_SPC: return ind_chart_draw_spc(cr, x, y, w, h, f->model, o, lay, err);
    case IND_CHART_STATUS: return ind_chart_draw_status(cr, x, y, w, h, f->model, o, lay, err);
    }
    return ind_error_set(err, IND_EUSAGE, "", 0, 0, "unknown chart kind");
}

typedef struct {
    unsigned char *d;
    size_t len, cap;
    int oom;
} membuf;

static cairo_status_t mem_write(void *closure, const unsigned char *data, unsigned int n)
{
    membuf *b = closure;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n)
            cap *= 2;
        unsigned char *d = realloc(b->d, cap);
        if (!d) {
            b->oom = 1;
            return CAIRO_STATUS_NO_MEMORY;
        }
        b->d = d;
        b->cap = cap;
    }
    memcpy(b->d + b->len, data, n);
    b->len += n;
    return CAIRO_STATUS_SUCCESS;
}

ind_status ind_figure_render(const ind_block *fig, ind_image_format format, double width, double dpi, ind_image *out,
                             ind_error *err)
{
    memset(out, 0, sizeof *out);
    double h = ind_figure_height(fig, width);
    if (dpi <= 0)
        dpi = 96;
    membuf buf = {0};
    cairo_surface_t *s;
    cairo_t *cr;
    if (format == IND_IMAGE_PNG) {
        out->px_width = (int)ceil(width * dpi / 72);
        out->px_height = (int)ceil(h * dpi / 72);
        s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, out->px_width, out->px_height);
        cr = cairo_create(s);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, dpi / 72, dpi / 72);
    } else {
        s = cairo_svg_surface_create_for_stream(mem_write, &buf, width, h);
        cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
        cr = cairo_create(s);
    }
    ind_chart_layout lay;
    ind_chart_layout_init(&lay);
    ind_status st = ind_figure_draw(cr, fig, 0, 0, width, h, &lay, err);
    cairo_destroy(cr);
    if (st == IND_OK && format == IND_IMAGE_PNG)
        cairo_surface_write_to_png_stream(s, mem_write, &buf);
    else
        cairo_surface_finish(s);
    cairo_status_t cs = cairo_surface_status(s);
    cairo_surface_destroy(s);
    if (st == IND_OK && (cs != CAIRO_STATUS_SUCCESS || buf.oom))
        st = ind_error_set(err, IND_ENOMEM, "", 0, 0, "drawing a figure failed: %s", cairo_status_to_string(cs));
    if (st != IND_OK) {
        free(buf.d);
        ind_chart_layout_free(&lay);
        return st;
    }
    out->data = buf.d;
    out->len = buf.len;
    out->width = width;
    out->height = h;
    out->alt = strdup(fig->alt ? fig->alt : lay.alt ? lay.alt : "");
    ind_chart_layout_free(&lay);
    return IND_OK;
}

void ind_image_free(ind_image *img)
{
    free(img->data);
    free(img->alt);
    memset(img, 0, sizeof *img);
}
