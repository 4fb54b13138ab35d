/* extract_text_internal.h: the extractor's lowest layer: string storage, lines and text repairs (extract_text.c; not public). */
#ifndef IND_EXTRACT_TEXT_INTERNAL_H
#define IND_EXTRACT_TEXT_INTERNAL_H

#include <stddef.h>

#include "text.h"

/* The extractor's files call each other in one direction only:
 *   extract.c -> extract_table.c -> extract_prose.c -> extract_doc.c -> extract_text.c
 * (document pass -> tables -> ratios in prose -> per-document state, emitting
 * and line classification -> strings and lines). Each has its own
 * *_internal.h; none uses a function of a file above it. Link names carry the
 * module prefix. */
#define xa_strndup ind_extract_i_xa_strndup
#define xa_strdup ind_extract_i_xa_strdup
#define xa_printf ind_extract_i_xa_printf
#define xa_free ind_extract_i_xa_free
#define xb_init ind_extract_i_xb_init
#define xb_free ind_extract_i_xb_free
#define xb_clear ind_extract_i_xb_clear
#define xb_putn ind_extract_i_xb_putn
#define xb_puts ind_extract_i_xb_puts
#define xb_putc ind_extract_i_xb_putc
#define xb_str ind_extract_i_xb_str
#define xt_all_digits ind_extract_i_xt_all_digits
#define xt_starts_lower ind_extract_i_xt_starts_lower
#define xt_starts_upper ind_extract_i_xt_starts_upper
#define xt_teq ind_extract_i_xt_teq
#define xt_tprefix ind_extract_i_xt_tprefix
#define xt_join ind_extract_i_xt_join
#define xt_join_text ind_extract_i_xt_join_text
#define xt_clean ind_extract_i_xt_clean
#define xt_clean_buf ind_extract_i_xt_clean_buf

/* ---- string storage ---- */

typedef struct xa_block {
    struct xa_block *next;
    size_t used, cap;
    char data[];
} xa_block;

typedef struct {
    xa_block *head;
    int oom;
} xarena;

char *xa_strndup(xarena *a, const char *s, size_t n);
char *xa_strdup(xarena *a, const char *s);
char *xa_printf(xarena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void xa_free(xarena *a);

typedef struct {
    char *s;
    size_t len, cap;
    int oom;
} xbuf;

void xb_init(xbuf *b);
void xb_free(xbuf *b);
void xb_clear(xbuf *b);
void xb_putn(xbuf *b, const char *s, size_t n);
void xb_puts(xbuf *b, const char *s);
void xb_putc(xbuf *b, char c);
const char *xb_str(xbuf *b);

/* ---- lines ---- */

enum {
    XL_EMPTY = 1,    /* nothing at all */
    XL_WS = 2,       /* only blanks (a row separator in spaced exports) */
    XL_NOISE = 4,    /* page header/footer: "Sid 6 (25)", "Tjänsteutlåtande", ... */
    XL_OUTLINE = 8,  /* tab-indented outline at the end of a document */
    XL_TRAIL = 16,   /* raw line ends with a blank */
    XL_LEAD = 32,    /* raw line starts with a blank */
    XL_DOTS = 64     /* table-of-contents dot leaders */
};

typedef struct {
    const char *raw;   /* line without its newline, NUL-terminated */
    size_t len;
    const char *t;     /* trimmed of spaces, tabs and no-break spaces */
    size_t tlen;
    unsigned flags;
} xline;

/* ---- text helpers (blanks are ind_text_blank_at's) ---- */

/* 1 when s[0..n) is one or more ASCII digits. */
int xt_all_digits(const char *s, size_t n);
int xt_starts_lower(const char *s, size_t n);
int xt_starts_upper(const char *s, size_t n);
int xt_teq(const xline *l, const char *s);
int xt_tprefix(const xline *l, const char *s);
/* Appends the trimmed text of line l to b as the continuation of the text
 * already there; prev is the line appended before (NULL for the first).
 * spaced: the export marks soft line ends with a trailing blank. */
void xt_join(xbuf *b, const xline *prev, const xline *l, int spaced);
void xt_join_text(xbuf *b, const char *s, size_t n, int prev_trail, int next_lead, int spaced);
/* Collapses runs of blanks to one space, trims, and repairs the split
 * "nämnd/styrelse" forms; result in the arena. */
char *xt_clean(xarena *a, const char *s, size_t n);
void xt_clean_buf(xbuf *b);

#endif
