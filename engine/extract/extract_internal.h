/* extract_internal.h: declarations shared by the extract_*.c files only (not part of the public API). */
#ifndef IND_EXTRACT_INTERNAL_H
#define IND_EXTRACT_INTERNAL_H

#include <stddef.h>

#include "extract.h"

/* The helpers below are shared between the extract_*.c files; their link
 * names carry the module prefix. */
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
#define xt_is_blank_at ind_extract_i_xt_is_blank_at
#define xt_starts_lower ind_extract_i_xt_starts_lower
#define xt_starts_upper ind_extract_i_xt_starts_upper
#define xt_teq ind_extract_i_xt_teq
#define xt_tprefix ind_extract_i_xt_tprefix
#define xt_join ind_extract_i_xt_join
#define xt_join_text ind_extract_i_xt_join_text
#define xt_clean ind_extract_i_xt_clean
#define xt_clean_buf ind_extract_i_xt_clean_buf
#define xt_fold ind_extract_i_xt_fold
#define x_new_obs ind_extract_i_x_new_obs
#define x_new_activity ind_extract_i_x_new_activity
#define x_unread ind_extract_i_x_unread
#define x_warn ind_extract_i_x_warn
#define x_unit_for_emit ind_extract_i_x_unit_for_emit
#define x_is_goal_heading ind_extract_i_x_is_goal_heading
#define x_is_unit_marker ind_extract_i_x_is_unit_marker
#define x_is_section_end ind_extract_i_x_is_section_end
#define x_is_prose_marker ind_extract_i_x_is_prose_marker
#define x_table_header ind_extract_i_x_table_header
#define x_table ind_extract_i_x_table
#define x_table_finish ind_extract_i_x_table_finish
#define x_prose_line ind_extract_i_x_prose_line

/* ---- string storage (extract_text.c) ---- */

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

/* ---- text helpers (extract_text.c) ---- */

int xt_is_blank_at(const char *s, size_t n, size_t i, size_t *w);
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
/* ASCII folding of å ä ö é ü (and capitals), with a byte map back. */
size_t xt_fold(const char *s, size_t n, char *out, size_t *map, size_t cap);

/* ---- per-document parse state (extract.c) ---- */

typedef struct {
    char *name;      /* resolved at the end */
    char *title;     /* from "Verksamhetsplan YYYY för X" */
    long line;       /* first line */
    int content;     /* has goals or tables */
    size_t first_goal, n_goal_start;
} xunit;

typedef struct {
    const char *name;          /* basename */
    xline *lines;
    size_t n;
    int spaced;                /* trailing blanks mark soft line ends */
    int cells_spaced;          /* empty cells add a space in value rows */
    int vp_year;
    ind_extract_kind kind;

    xarena *arena;
    ind_extract_result *res;
    size_t cap_obs, cap_goals, cap_acts, cap_unread, cap_warn, cap_units;
    int *obs_unit, *goal_unit, *act_unit;

    xunit *units;
    size_t n_units;
    size_t resolve_budget;     /* lines resolve_name may still scan */
    int cur_unit;              /* -1 before the first unit marker */
    const char *goal;          /* current goal id ("" before any) */
    int oom;
} xdoc;

/* emitting (extract.c) */
ind_extract_obs *x_new_obs(xdoc *d, long line);
ind_extract_activity *x_new_activity(xdoc *d, long line);
void x_unread(xdoc *d, long line, const char *reason, const char *text, size_t n);
void x_warn(xdoc *d, long line, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int x_unit_for_emit(xdoc *d);

/* classification (extract.c) */
int x_is_goal_heading(const xline *l);
int x_is_unit_marker(const xline *l);
int x_is_section_end(const xline *l);
int x_is_prose_marker(const xline *l);

/* tables (extract_table.c) */
typedef enum { XT_NONE = 0, XT_VP, XT_VB, XT_ACT } xtable_kind;
xtable_kind x_table_header(const xline *l);
/* Processes the table whose header starts at line index h; returns the
 * index of the first line after the table. */
size_t x_table(xdoc *d, size_t h);
/* Resolves the VP single-target rows that could be read as Årsmål or KF:s
 * årsmål once all rows of the document are known. */
void x_table_finish(xdoc *d);

/* ratios in running text ("5% (1 av 22 granskade ärenden)"), extract.c */
void x_prose_line(xdoc *d, size_t i);

#endif
