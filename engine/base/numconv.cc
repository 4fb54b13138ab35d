// numconv.cc: shortest and fixed digits of a double (double-conversion) and exact
// parsing of decimal text (fast_float), behind a C interface for number.c.
//
// The only C++ in the library: no exceptions, no run-time type information and no
// standard-library objects cross the interface, so C programs link it as they link
// any C object (with -ldouble-conversion).
#include "numconv_internal.h"

#include <double-conversion/double-to-string.h>
#include <fast_float/fast_float.h>

using double_conversion::DoubleToStringConverter;

extern "C" int ind_numconv_shortest(double v, char *digits, int *point)
{
    bool sign = false;
    int length = 0;
    DoubleToStringConverter::DoubleToAscii(v, DoubleToStringConverter::SHORTEST, 0, digits,
                                           DoubleToStringConverter::kBase10MaximalLength + 1,
                                           &sign, &length, point);
    return length;
}

extern "C" int ind_numconv_fixed(double v, int decimals, char *digits, int *point)
{
    bool sign = false;
    int length = 0;
    // 21 digits before the point, 20 after, and the NUL
    DoubleToStringConverter::DoubleToAscii(v, DoubleToStringConverter::FIXED, decimals, digits,
                                           44, &sign, &length, point);
    return length;
}

extern "C" int ind_numconv_parse(const char *s, size_t len, double *value)
{
    double v = 0;
    fast_float::from_chars_result r = fast_float::from_chars(s, s + len, v);
    if (r.ec != std::errc() || r.ptr != s + len || len == 0 || s[0] == '-' || s[0] == 'i' ||
        s[0] == 'I' || s[0] == 'n' || s[0] == 'N')
        return -1;
    *value = v;
    return 0;
}
