/* numconv_internal.h: the C interface of numconv.cc, the library-backed number conversions under number.c. */
#ifndef IND_NUMCONV_INTERNAL_H
#define IND_NUMCONV_INTERNAL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The shortest decimal digits that read back to v (finite, greater than 0),
 * the nearest to v among the shortest (as std::to_chars writes them).
 * Writes the digits without sign or point into digits (at least 18 bytes,
 * NUL-terminated); v = 0.DIGITS × 10^*point. Returns the number of digits (1-17). */
int ind_numconv_shortest(double v, char *digits, int *point);

/* The digits of v (finite, 0 <= v < 1e21) rounded to `decimals` (0-20) digits after
 * the point, halfway cases away from zero; leading and trailing zeros may be left
 * out (none at all for a value that rounds to 0). digits needs 44 bytes; the value
 * is 0.DIGITS × 10^*point. Returns the number of digits. */
int ind_numconv_fixed(double v, int decimals, char *digits, int *point);

/* Reads s[0..len): digits with an optional '.' and fraction and an optional
 * exponent (e or E, optional sign, digits), no sign, no spaces: the whole text
 * must be the number. Sets *value to the double nearest to it (ties to even,
 * as strtod); an overflow gives infinity, an underflow 0 or a subnormal.
 * Returns 0, or -1 when the text is not such a number. */
int ind_numconv_parse(const char *s, size_t len, double *value);

#ifdef __cplusplus
}
#endif

#endif
