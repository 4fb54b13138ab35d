/* chart_output.c: writing a chart to a PNG, SVG or PDF file atomically, with its alt text beside it and inside it, and the same bytes for the same input. */
#include "internal/chart_int.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "lockfile.h"

typedef struct {
    unsigned char *d;
    size_t len, cap;
    int oom;
} membuf;

static int mem_add(membuf *b, const void *data, size_t n)
{
    if (b->oom)
        return -1;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n)
            cap *= 2;
        unsigned char *d = realloc(b->d, cap);
        if (!d) {
            b->oom = 1;
            return -1;
        }
        b->d = d;
        b->cap = cap;
    }
    memcpy(b->d + b->len, data, n);
    b->len += n;
    return 0;
}

static cairo_status_t mem_write(void *closure, const unsigned char *data, unsigned int length)
{
    return mem_add(closure, data, length) ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

/* ---- SVG ------------------------------------------------------------------- */

static int add_escaped(membuf *b, const char *s)
{
    for (; s && *s; s++) {
        const char *r = NULL;
        switch (*s) {
        case '&': r = "&amp;"; break;
        case '<': r = "&lt;"; break;
        case '>': r = "&gt;"; break;
        case '"': r = "&quot;"; break;
        default: break;
        }
        if (r ? mem_add(b, r, strlen(r)) : mem_add(b, s, 1))
            return -1;
    }
    return 0;
}

/* cairo numbers its SVG surfaces from a process-wide counter ("surface42"),
 * so the same chart drawn twice differs; renumber them in order of first
 * appearance. Also puts <title> and <desc> first inside <svg>. */
static int svg_finish(const membuf *in, const char *title, const char *alt, membuf *out)
{
    const char *s = (const char *)in->d;
    size_t n = in->len;
    long map_from[64];
    int nmap = 0;
    int done_title = 0;
    size_t i = 0;
    while (i < n) {
        if (!done_title && i + 4 < n && memcmp(s + i, "<svg", 4) == 0) {
            const char *gt = memchr(s + i, '>', n - i);
            if (!gt)
                return -1;
            size_t end = (size_t)(gt - s);
            if (mem_add(out, s + i, end - i))
                return -1;
            const char *attrs = " role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n<title id=\"chart-title\">";
            if (mem_add(out, attrs, strlen(attrs)) || add_escaped(out, title) ||
                mem_add(out, "</title>\n<desc id=\"chart-desc\">", 31) || add_escaped(out, alt) ||
                mem_add(out, "</desc>", 7))
                return -1;
            i = end + 1;
            done_title = 1;
            continue;
        }
        if (i + 7 < n && s[i] == 's' && memcmp(s + i, "surface", 7) == 0 && s[i + 7] >= '0' &&
            s[i + 7] <= '9') {
            size_t j = i + 7;
            long num = 0;
            while (j < n && s[j] >= '0' && s[j] <= '9' && num < 100000000)
                num = num * 10 + (s[j++] - '0');
            int k = 0;
            while (k < nmap && map_from[k] != num)
                k++;
            if (k == nmap && nmap < 64)
                map_from[nmap++] = num;
            char buf[32];
            int len = snprintf(buf, sizeof buf, "surface%d", k + 1);
            if (mem_add(out, buf, (size_t)len))
                return -1;
            i = j;
            continue;
        }
        /* copy a run without 's' or '<' quickly */
        size_t j = i + 1;
        while (j < n && s[j] != 's' && s[j] != '<')
            j++;
        if (mem_add(out, s + i, j - i))
            return -1;
        i = j;
    }
    return out->oom ? -1 : 0;
}

/* ---- rendering ----------------------------------------------------------- */

typedef enum { FMT_PNG, FMT_SVG, FMT_PDF } file_format;

static int format_of(const char *path, file_format *f)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return -1;
    if (!strcasecmp(dot, ".png"))
        *f = FMT_PNG;
    else if (!strcasecmp(dot, ".svg"))
        *f = FMT_SVG;
    else if (!strcasecmp(dot, ".pdf"))
        *f = FMT_PDF;
    else
        return -1;
    return 0;
}

/* The document's title: the chart's title, or without one the alt text's
 * first sentence (at most size - 1 bytes, cut at a character boundary). */
static const char *layout_title(const ind_chart_layout *l, char *buf, size_t size)
{
    const ind_chart_element *e = ind_chart_layout_find(l, IND_CHART_EL_TITLE, -1);
    if (e && e->text && *e->text)
        return e->text;
    const char *alt = l->alt ? l->alt : "";
    size_t n = strcspn(alt, ".:");
    if (n >= size)
        n = size - 1;
    while (n > 0 && ((unsigned char)alt[n] & 0xC0) == 0x80)
        n--; /* not in the middle of a UTF-8 sequence */
    memcpy(buf, alt, n);
    buf[n] = 0;
    return buf;
}

ind_status chart_render_file(const char *path, double w, double h, chart_draw_fn draw,
                             const void *model, const ind_chart_options *o,
                             ind_chart_layout *layout_out, ind_error *err)
{
    file_format fmt;
    if (!path || !*path)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "chart: no output file named");
    if (format_of(path, &fmt))
        return ind_error_set(err, IND_EUSAGE, path, 0, 0,
                             "chart: the file name must end in .png, .svg or .pdf");
    if (!(w > 0) || !(h > 0) || w > 20000 || h > 20000)
        return ind_error_set(err, IND_EUSAGE, path, 0, 0, "chart: size %g × %g points is out of range", w, h);
    double dpi = (o && o->dpi > 0) ? o->dpi : 96.0;
    ind_chart_layout local;
    ind_chart_layout *lay = layout_out ? layout_out : &local;
    if (!layout_out)
        ind_chart_layout_init(&local);
    membuf file = {0};
    const unsigned char *png = NULL; /* the PNG, held by the context */
    size_t png_len = 0;
    ind_status st = IND_OK;
    cairo_surface_t *s = NULL;
    cairo_t *cr = NULL;
    membuf raw = {0};

    if (fmt == FMT_PNG) {
        if (!(dpi <= 2400))
            return ind_error_set(err, IND_EUSAGE, path, 0, 0, "chart: dpi %g is out of range", dpi);
        long pw = lround(w * dpi / 72.0), ph = lround(h * dpi / 72.0);
        if (pw < 1 || ph < 1 || pw > 32767 || ph > 32767)
            return ind_error_set(err, IND_EUSAGE, path, 0, 0, "chart: %ld × %ld pixels is out of range",
                                 pw, ph);
        /* the pixels live in the context: no fresh megabyte to fault in per chart */
        ind_chart_context *ctx = chart_context(o);
        int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, (int)pw);
        unsigned char *px = ctx ? chart_pixels(ctx, (size_t)stride * (size_t)ph) : NULL;
        if (!px)
            return ind_error_set(err, IND_ENOMEM, path, 0, 0, "chart: out of memory");
        s = cairo_image_surface_create_for_data(px, CAIRO_FORMAT_RGB24, (int)pw, (int)ph, stride);
        cr = cairo_create(s);
        cairo_scale(cr, pw / w, ph / h);
    } else if (fmt == FMT_SVG) {
        s = cairo_svg_surface_create_for_stream(mem_write, &raw, w, h);
        cairo_svg_surface_restrict_to_version(s, CAIRO_SVG_VERSION_1_1);
        cr = cairo_create(s);
    } else {
        s = cairo_pdf_surface_create_for_stream(mem_write, &raw, w, h);
        /* no creation date: the same chart gives the same bytes */
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "");
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "indikator");
        cr = cairo_create(s);
    }
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        st = ind_error_set(err, IND_ENOMEM, path, 0, 0, "chart: cairo: %s",
                           cairo_status_to_string(cairo_status(cr)));
        goto done;
    }
    st = draw(cr, 0, 0, w, h, model, o, lay, err);
    if (st != IND_OK)
        goto done;
    const char *alt = lay->alt ? lay->alt : "";
    char title_buf[160];
    const char *title = layout_title(lay, title_buf, sizeof title_buf);
    if (fmt == FMT_PDF) {
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, alt);
    }
    cairo_destroy(cr);
    cr = NULL;
    if (fmt == FMT_PNG) {
        cairo_surface_flush(s);
        if (chart_png_encode(chart_context(o), cairo_image_surface_get_data(s), cairo_image_surface_get_width(s),
                             cairo_image_surface_get_height(s), cairo_image_surface_get_stride(s), dpi, title, alt,
                             o && o->png_small, &png, &png_len) != IND_OK) {
            st = ind_error_set(err, IND_ENOMEM, path, 0, 0, "chart: out of memory");
            goto done;
        }
    } else {
        cairo_surface_finish(s);
        if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS || raw.oom) {
            st = ind_error_set(err, IND_ENOMEM, path, 0, 0, "chart: cairo: %s",
                               cairo_status_to_string(cairo_surface_status(s)));
            goto done;
        }
        if (fmt == FMT_SVG) {
            if (svg_finish(&raw, title, alt, &file)) {
                st = ind_error_set(err, IND_ENOMEM, path, 0, 0, "chart: out of memory");
                goto done;
            }
        } else {
            file = raw;
            raw.d = NULL;
        }
    }
    /* the file and the alt text beside it: both or neither, the file first */
    {
        size_t pl = strlen(path), al = strlen(alt);
        char *altpath = malloc(pl + 9), *a = malloc(al + 1);
        if (!altpath || !a) {
            free(altpath);
            free(a);
            st = ind_error_set(err, IND_ENOMEM, path, 0, 0, "out of memory");
            goto done;
        }
        memcpy(altpath, path, pl);
        memcpy(altpath + pl, ".alt.txt", 9);
        memcpy(a, alt, al);
        a[al] = '\n';
        st = ind_lockfile_write_pair(path, png ? png : file.d, png ? png_len : file.len, altpath, a, al + 1, err);
        free(a);
        free(altpath);
    }
done:
    if (cr)
        cairo_destroy(cr);
    if (s)
        cairo_surface_destroy(s);
    free(raw.d);
    free(file.d);
    if (!layout_out)
        ind_chart_layout_free(&local);
    return st;
}
