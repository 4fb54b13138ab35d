/* render.h: a document's figure drawn for a writer: into a cairo context, or as PNG or SVG bytes, with its alt text. */
#ifndef IND_RENDER_H
#define IND_RENDER_H

#include <cairo.h>
#include <stddef.h>

#include "doc.h"

/* The height (points) a figure takes at width w: its own when the builder
 * set one (scaled from the reference text width), else what its chart asks. */
double ind_figure_height(const ind_block *fig, double w);

/* Draws the figure into the rectangle (x, y, w, h) of cr; layout_out (may be
 * NULL) as for the charts library, its alt member the chart's alt text. */
ind_status ind_figure_draw(cairo_t *cr, const ind_block *fig, double x, double y, double w, double h,
                           ind_chart_layout *layout_out, ind_error *err);

typedef enum { IND_IMAGE_PNG = 0, IND_IMAGE_SVG } ind_image_format;

typedef struct {
    unsigned char *data;    /* the file's bytes (owned) */
    size_t len;
    double width, height;   /* points */
    int px_width, px_height;/* PNG pixels */
    char *alt;              /* the alt text: the block's, else the chart's (owned) */
} ind_image;

/* The figure as an image width points wide (PNG at dpi). The same figure
 * gives the same bytes. */
ind_status ind_figure_render(const ind_block *fig, ind_image_format format, double width, double dpi, ind_image *out,
                             ind_error *err);
void ind_image_free(ind_image *img);

#endif
