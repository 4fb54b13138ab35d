/* number.h: reading numbers as Swedish exports write them, and writing them back exactly or for people. */
#ifndef IND_NUMBER_H
#define IND_NUMBER_H

#include <stddef.h>

/* What ind_num_parse saw besides the digits. */
enum {
    IND_NUM_PERCENT = 1 << 0,  /* a trailing "%" */
    IND_NUM_COMMA = 1 << 1,    /* a decimal comma */
    IND_NUM_THOUSANDS = 1 << 2 /* space thousands separators */
};

/* Reads a number such as "6,7 %", "6.7", "1 300 st", "-0,5", "1e-05", "83".
 * Accepts a decimal point or a single decimal comma; space, no-break space and
 * narrow no-break space between groups of three digits; a trailing "%" or
 * "st"; a leading + or - (also U+2212). Rejects NaN, Inf, values that overflow
 * a double, "12,3,4", a mix of "," and ".", and trailing junk.
 * Returns 0 and sets *value (and *flags when not NULL), or -1 and sets *why to a
 * static phrase and *bad_offset (when not NULL) to the byte where it went wrong. */
int ind_num_parse(const char *s, size_t len, double *value, unsigned *flags,
                  const char **why, size_t *bad_offset);

/* Writes v with the fewest significant digits (15 to 17) that read back to the
 * identical double, in C syntax ("6.7", "1e-05"); NaN as an empty string.
 * Returns buf. buf needs 32 bytes. */
char *ind_num_format_exact(double v, char *buf, size_t size);

enum {
    IND_FMT_UNICODE = 1 << 0, /* U+2212 minus and U+202F narrow no-break space for thousands */
    IND_FMT_PLUS = 1 << 1     /* a leading + on positive numbers (changes) */
};
/* Writes v for people, in Swedish: decimal comma, thousands grouped by a space
 * from 10 000 up, `decimals` digits after the comma. NaN gives "–" (en dash). */
char *ind_num_format_sv(double v, int decimals, unsigned fmt, char *buf, size_t size);
/* English for --lang en: decimal point, thousands by comma. */
char *ind_num_format_en(double v, int decimals, unsigned fmt, char *buf, size_t size);

#endif
