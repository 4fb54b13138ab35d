/* chart_png.c: a PNG writer tuned for charts: a single-pass deflate that only looks for repeats of the pixel to the left and of the row above (fixed Huffman codes), about three times faster than zlib's fastest level; zlib level 9 when a small file is wanted. */
#include "internal/chart_int.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

/* ---- buffers kept in the context --------------------------------------------- */

static unsigned char *grow(unsigned char **buf, size_t *cap, size_t need)
{
    if (*cap >= need)
        return *buf;
    unsigned char *b = realloc(*buf, need);
    if (!b)
        return NULL;
    *buf = b;
    *cap = need;
    return b;
}

unsigned char *chart_pixels(ind_chart_context *ctx, size_t size)
{
    return grow(&ctx->pixels, &ctx->pixels_cap, size);
}

/* ---- the fast deflate (RFC 1950/1951, one block with the fixed codes) ----- */

typedef struct {
    unsigned char *p;
    size_t n;
    uint64_t bits;
    int nb;
} bitw;

static inline void put_bits(bitw *w, uint32_t v, int n)
{
    w->bits |= (uint64_t)v << w->nb;
    w->nb += n;
    if (w->nb >= 32) {
        uint32_t word = (uint32_t)w->bits;
        w->p[w->n] = (unsigned char)word;
        w->p[w->n + 1] = (unsigned char)(word >> 8);
        w->p[w->n + 2] = (unsigned char)(word >> 16);
        w->p[w->n + 3] = (unsigned char)(word >> 24);
        w->n += 4;
        w->bits >>= 32;
        w->nb -= 32;
    }
}

/* Fixed literal/length codes (RFC 1951 3.2.6), bit-reversed for an LSB-first stream. */
static uint16_t lit_code[288];
static uint8_t lit_len[288];
static uint8_t dist_code[30];
static uint16_t len_sym[259];
static uint8_t len_extra_bits[259];
static uint16_t len_extra[259];
static const int dist_base[30] = {1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                  33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                  1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const int dist_bits[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                  6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static unsigned reverse(unsigned v, int n)
{
    unsigned r = 0;
    for (int i = 0; i < n; i++) {
        r = (r << 1) | (v & 1);
        v >>= 1;
    }
    return r;
}

static void make_tables(void)
{
    for (int s = 0; s < 288; s++) {
        unsigned c;
        int l;
        if (s < 144) {
            c = 0x30 + (unsigned)s;
            l = 8;
        } else if (s < 256) {
            c = 0x190 + (unsigned)s - 144;
            l = 9;
        } else if (s < 280) {
            c = (unsigned)s - 256;
            l = 7;
        } else {
            c = 0xC0 + (unsigned)s - 280;
            l = 8;
        }
        lit_code[s] = (uint16_t)reverse(c, l);
        lit_len[s] = (uint8_t)l;
    }
    for (int d = 0; d < 30; d++)
        dist_code[d] = (uint8_t)reverse((unsigned)d, 5);
    static const int base[29] = {3,  4,  5,  6,  7,  8,  9,  10,  11,  13,  15,  17,  19,  23, 27,
                                 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const int extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                  2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    for (int len = 3; len <= 258; len++) {
        int k = len == 258 ? 28 : 27;
        while (base[k] > len)
            k--;
        len_sym[len] = (uint16_t)(257 + k);
        len_extra_bits[len] = (uint8_t)extra[k];
        len_extra[len] = (uint16_t)(len - base[k]);
    }
}

static inline void put_match(bitw *w, size_t len, int dsym, uint32_t dextra)
{
    int s = len_sym[len];
    put_bits(w, lit_code[s], lit_len[s]);
    if (len_extra_bits[len])
        put_bits(w, len_extra[len], len_extra_bits[len]);
    put_bits(w, dist_code[dsym], 5);
    if (dist_bits[dsym])
        put_bits(w, dextra, dist_bits[dsym]);
}

static inline size_t match_len(const unsigned char *a, const unsigned char *b, size_t max)
{
    size_t n = 0;
    while (n + 8 <= max) {
        uint64_t x, y;
        memcpy(&x, a + n, 8);
        memcpy(&y, b + n, 8);
        if (x != y)
            return n + ((size_t)__builtin_ctzll(x ^ y) >> 3);
        n += 8;
    }
    while (n < max && a[n] == b[n])
        n++;
    return n;
}

/* A zlib stream of in[0..n): at each byte the longer of the repeat of the
 * row above (distance rowb) and of the pixel to the left (distance 3), else a
 * literal. out needs n + n / 8 + 64 bytes. Returns the length written. */
static size_t deflate_rows(const unsigned char *in, size_t n, size_t rowb, unsigned char *out)
{
    pthread_once(&tables_once, make_tables);
    bitw w = {out, 2, 0, 0};
    out[0] = 0x78; /* deflate, 32 K window */
    out[1] = 0x01; /* fastest; (0x78 * 256 + 0x01) % 31 == 0 */
    put_bits(&w, 3, 3); /* last block, fixed codes */
    int rsym = 0;
    while (rsym < 29 && dist_base[rsym + 1] <= (int)rowb)
        rsym++;
    uint32_t rextra = (uint32_t)((int)rowb - dist_base[rsym]);
    int row_ok = rowb <= 32768;
    size_t i = 0;
    while (i < n) {
        size_t max = n - i > 258 ? 258 : n - i;
        size_t lr = (row_ok && i >= rowb) ? match_len(in + i, in + i - rowb, max) : 0;
        size_t l3 = (lr < max && i >= 3) ? match_len(in + i, in + i - 3, max) : 0;
        if (lr >= 3 && lr >= l3) {
            put_match(&w, lr, rsym, rextra);
            i += lr;
        } else if (l3 >= 3) {
            put_match(&w, l3, 2, 0);
            i += l3;
        } else {
            put_bits(&w, lit_code[in[i]], lit_len[in[i]]);
            i++;
        }
    }
    put_bits(&w, lit_code[256], lit_len[256]);
    while (w.nb > 0) {
        out[w.n++] = (unsigned char)w.bits;
        w.bits >>= 8;
        w.nb -= 8;
    }
    uLong a = adler32(1L, in, (uInt)n);
    out[w.n++] = (unsigned char)(a >> 24);
    out[w.n++] = (unsigned char)(a >> 16);
    out[w.n++] = (unsigned char)(a >> 8);
    out[w.n++] = (unsigned char)a;
    return w.n;
}

/* ---- chunks ------------------------------------------------------------------ */

static void be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* Writes a chunk whose data already sits at out + 8 (len bytes); returns its size. */
static size_t chunk_close(unsigned char *out, const char *type, size_t len)
{
    be32(out, (uint32_t)len);
    memcpy(out + 4, type, 4);
    uLong crc = crc32(0L, out + 4, (uInt)(len + 4));
    be32(out + 8 + len, (uint32_t)crc);
    return len + 12;
}

/* iTXt: keyword, no compression, no language, the UTF-8 text. */
static size_t itxt(unsigned char *out, const char *key, const char *text)
{
    size_t kl = strlen(key), tl = strlen(text);
    unsigned char *d = out + 8;
    memcpy(d, key, kl + 1);
    d[kl + 1] = 0; /* uncompressed */
    d[kl + 2] = 0; /* method */
    d[kl + 3] = 0; /* empty language tag */
    d[kl + 4] = 0; /* empty translated keyword */
    memcpy(d + kl + 5, text, tl);
    return chunk_close(out, "iTXt", kl + 5 + tl);
}

ind_status chart_png_encode(ind_chart_context *ctx, const unsigned char *pixels, int w, int h, int stride,
                            double dpi, const char *title, const char *alt, int small, const unsigned char **png,
                            size_t *png_len)
{
    size_t rowb = 1 + (size_t)w * 3, rawlen = rowb * (size_t)h;
    unsigned char *raw = grow(&ctx->png_raw, &ctx->png_raw_cap, rawlen);
    if (!raw)
        return IND_ENOMEM;
    /* cairo's RGB24 is one native-endian uint32 per pixel, 0x00RRGGBB */
    for (int y = 0; y < h; y++) {
        const uint32_t *src = (const uint32_t *)(const void *)(pixels + (size_t)y * (size_t)stride);
        unsigned char *d = raw + (size_t)y * rowb;
        *d++ = 0; /* filter: none */
        for (int x = 0; x < w; x++) {
            uint32_t v = src[x];
            d[0] = (unsigned char)(v >> 16);
            d[1] = (unsigned char)(v >> 8);
            d[2] = (unsigned char)v;
            d += 3;
        }
    }
    size_t tl = title ? strlen(title) : 0, al = alt ? strlen(alt) : 0;
    size_t zcap = small ? (size_t)compressBound((uLong)rawlen) : rawlen + rawlen / 8 + 64;
    size_t need = 8 + 25 + 21 + (tl + 32) + (al + 32) + 12 + zcap + 12;
    unsigned char *out = grow(&ctx->png_out, &ctx->png_out_cap, need);
    if (!out)
        return IND_ENOMEM;
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    size_t n = 0;
    memcpy(out, sig, 8);
    n = 8;
    unsigned char *d = out + n + 8;
    be32(d, (uint32_t)w);
    be32(d + 4, (uint32_t)h);
    d[8] = 8;  /* bit depth */
    d[9] = 2;  /* colour type: RGB */
    d[10] = 0; /* deflate */
    d[11] = 0; /* adaptive filtering (each row says its filter) */
    d[12] = 0; /* no interlace */
    n += chunk_close(out + n, "IHDR", 13);
    d = out + n + 8;
    uint32_t ppm = (uint32_t)lround(dpi / 0.0254);
    be32(d, ppm);
    be32(d + 4, ppm);
    d[8] = 1; /* metre */
    n += chunk_close(out + n, "pHYs", 9);
    if (tl)
        n += itxt(out + n, "Title", title);
    if (al)
        n += itxt(out + n, "Description", alt);
    size_t zlen;
    if (small) {
        /* zlib at its best on unfiltered rows (on charts' flat colours this
         * beats the row filters, which turn edges into noise) */
        uLongf zl = (uLongf)zcap;
        if (compress2(out + n + 8, &zl, raw, (uLong)rawlen, 9) != Z_OK)
            return IND_ENOMEM;
        zlen = zl;
    } else
        zlen = deflate_rows(raw, rawlen, rowb, out + n + 8);
    n += chunk_close(out + n, "IDAT", zlen);
    n += chunk_close(out + n, "IEND", 0);
    *png = out;
    *png_len = n;
    return IND_OK;
}
