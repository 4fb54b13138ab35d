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

static int format_of(const char *path, ind_chart_format *f)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return -1;
    if (!strcasecmp(dot, ".png"))
        *f = IND_CHART_PNG;
    else if (!strcasecmp(dot, ".svg"))
        *f = IND_CHART_SVG;
    else if (!strcasecmp(dot, ".pdf"))
        *f = IND_CHART_PDF;
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

/* A chart's bytes: in file (owned), or for PNG in the context (png, valid
 * until the context encodes the next one). */
typedef struct {
    membuf file;
    const unsigned char *png;
    size_t png_len;
} chart_bytes;

/* The surface and context a chart of w × h points is drawn on in fmt (for
 * SVG and PDF writing into raw); *dpi checked for PNG. */
static ind_status open_surface(ind_chart_format fmt, double w, double h, double dpi, const ind_chart_options *o,
                               membuf *raw, const char *path, cairo_surface_t **s, cairo_t **cr, ind_error *err)
{
    if (fmt == IND_CHART_PNG) {
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
        *s = cairo_image_surface_create_for_data(px, CAIRO_FORMAT_RGB24, (int)pw, (int)ph, stride);
        *cr = cairo_create(*s);
        cairo_scale(*cr, pw / w, ph / h);
    } else if (fmt == IND_CHART_SVG) {
        *s = cairo_svg_surface_create_for_stream(mem_write, raw, w, h);
        cairo_svg_surface_restrict_to_version(*s, CAIRO_SVG_VERSION_1_1);
        *cr = cairo_create(*s);
    } else {
        *s = cairo_pdf_surface_create_for_stream(mem_write, raw, w, h);
        /* no creation date: the same chart gives the same bytes */
        cairo_pdf_surface_set_metadata(*s, CAIRO_PDF_METADATA_CREATE_DATE, "");
        cairo_pdf_surface_set_metadata(*s, CAIRO_PDF_METADATA_CREATOR, "indikator");
        *cr = cairo_create(*s);
    }
    if (cairo_status(*cr) != CAIRO_STATUS_SUCCESS)
        return ind_error_set(err, IND_ENOMEM, path, 0, 0, "chart: cairo: %s",
                             cairo_status_to_string(cairo_status(*cr)));
    return IND_OK;
}

/* The finished surface s as the bytes of fmt, with title and alt inside. */
static ind_status finish_surface(ind_chart_format fmt, cairo_surface_t *s, membuf *raw, double dpi,
                                 const ind_chart_options *o, const char *title, const char *alt,
                                 const char *path, chart_bytes *out, ind_error *err)
{
    if (fmt == IND_CHART_PNG) {
        cairo_surface_flush(s);
        if (chart_png_encode(chart_context(o), cairo_image_surface_get_data(s), cairo_image_surface_get_width(s),
                             cairo_image_surface_get_height(s), cairo_image_surface_get_stride(s), dpi, title, alt,
                             o && o->png_small, &out->png, &out->png_len) != IND_OK)
            return ind_error_set(err, IND_ENOMEM, path, 0, 0, "chart: out of memory");
        return IND_OK;
    }
    cairo_surface_finish(s);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS || raw->oom)
        return ind_error_set(err, IND_ENOMEM, path, 0, 0, "chart: cairo: %s",
                             cairo_status_to_string(cairo_surface_status(s)));
    if (fmt == IND_CHART_PDF) {
        out->file = *raw;
        raw->d = NULL;
    } else if (svg_finish(raw, title, alt, &out->file))
        return ind_error_set(err, IND_ENOMEM, path, 0, 0, "chart: out of memory");
    return IND_OK;
}

/* Draws a checked model of kind at the options' size into the bytes of fmt;
 * path names the file in messages (may be NULL). */
static ind_status render_bytes(ind_chart_kind kind, const void *model, const ind_chart_options *o,
                               ind_chart_format fmt, const char *path, ind_chart_layout *lay, chart_bytes *out,
                               ind_error *err)
{
    double w = chart_default_width(o);
    double h = (o && o->height > 0) ? o->height : ind_chart_height(kind, model, o, w);
    if (!(w > 0) || !(h > 0) || w > 20000 || h > 20000)
        return ind_error_set(err, IND_EUSAGE, path, 0, 0, "chart: size %g × %g points is out of range", w, h);
    double dpi = (o && o->dpi > 0) ? o->dpi : 96.0;
    cairo_surface_t *s = NULL;
    cairo_t *cr = NULL;
    membuf raw = {0};
    ind_status st = open_surface(fmt, w, h, dpi, o, &raw, path, &s, &cr, err);
    if (st == IND_OK)
        st = ind_chart_draw(cr, 0, 0, w, h, kind, model, o, lay, err);
    if (st == IND_OK) {
        const char *alt = lay->alt ? lay->alt : "";
        char title_buf[160];
        const char *title = layout_title(lay, title_buf, sizeof title_buf);
        if (fmt == IND_CHART_PDF) {
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
            cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, alt);
        }
        cairo_destroy(cr);
        cr = NULL;
        st = finish_surface(fmt, s, &raw, dpi, o, title, alt, path, out, err);
    }
    if (cr)
        cairo_destroy(cr);
    if (s)
        cairo_surface_destroy(s);
    free(raw.d);
    return st;
}

/* The file and the alt text beside it (PATH.alt.txt): both or neither, the file first. */
static ind_status write_with_alt(const char *path, const unsigned char *data, size_t len, const char *alt,
                                 ind_error *err)
{
    size_t pl = strlen(path), al = strlen(alt);
    char *altpath = malloc(pl + 9), *a = malloc(al + 1);
    ind_status st;
    if (!altpath || !a)
        st = ind_error_set(err, IND_ENOMEM, path, 0, 0, "out of memory");
    else {
        memcpy(altpath, path, pl);
        memcpy(altpath + pl, ".alt.txt", 9);
        memcpy(a, alt, al);
        a[al] = '\n';
        st = ind_lockfile_write_pair(path, data, len, altpath, a, al + 1, err);
    }
    free(a);
    free(altpath);
    return st;
}

ind_status ind_chart_render(ind_chart_kind kind, const void *model, const ind_chart_options *o,
                            const char *path, ind_chart_layout *layout_out, ind_error *err)
{
    ind_status st = chart_kind_check(kind, model, err);
    if (st != IND_OK)
        return st;
    ind_chart_format fmt;
    if (!path || !*path)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "chart: no output file named");
    if (format_of(path, &fmt))
        return ind_error_set(err, IND_EUSAGE, path, 0, 0,
                             "chart: the file name must end in .png, .svg or .pdf");
    ind_chart_layout local;
    ind_chart_layout *lay = layout_out ? layout_out : &local;
    if (!layout_out)
        ind_chart_layout_init(&local);
    chart_bytes b = {0};
    st = render_bytes(kind, model, o, fmt, path, lay, &b, err);
    if (st == IND_OK)
        st = write_with_alt(path, b.png ? b.png : b.file.d, b.png ? b.png_len : b.file.len,
                            lay->alt ? lay->alt : "", err);
    free(b.file.d);
    if (!layout_out)
        ind_chart_layout_free(&local);
    return st;
}

ind_status ind_chart_render_buffer(ind_chart_kind kind, const void *model, const ind_chart_options *o,
                                   ind_chart_format format, unsigned char **data, size_t *len,
                                   ind_chart_layout *layout_out, ind_error *err)
{
    if (!data || !len)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "chart: nowhere to put the bytes");
    *data = NULL;
    *len = 0;
    ind_status st = chart_kind_check(kind, model, err);
    if (st != IND_OK)
        return st;
    if ((unsigned)format > IND_CHART_PDF)
        return ind_error_set(err, IND_EUSAGE, NULL, 0, 0, "chart: %d is not a format (PNG, SVG or PDF)",
                             (int)format);
    ind_chart_layout local;
    ind_chart_layout *lay = layout_out ? layout_out : &local;
    if (!layout_out)
        ind_chart_layout_init(&local);
    chart_bytes b = {0};
    st = render_bytes(kind, model, o, format, NULL, lay, &b, err);
    if (st == IND_OK && b.png) {
        /* the PNG is the context's: a copy of its own for the caller */
        *data = malloc(b.png_len ? b.png_len : 1);
        if (!*data)
            st = ind_error_set(err, IND_ENOMEM, NULL, 0, 0, "chart: out of memory");
        else {
            memcpy(*data, b.png, b.png_len);
            *len = b.png_len;
        }
    } else if (st == IND_OK) {
        *data = b.file.d;
        *len = b.file.len;
        b.file.d = NULL;
    }
    free(b.file.d);
    if (!layout_out)
        ind_chart_layout_free(&local);
    return st;
}
