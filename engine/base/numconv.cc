// numconv.cc: shortest digits of a double (std::to_chars), fixed digits
// (double-conversion) and exact parsing of decimal text (fast_float), behind a
// C interface for number.c.
//
// The only C++ in the library: no exceptions, no run-time type information and no
// standard-library objects cross the interface, so C programs link it as they link
// any C object (with -ldouble-conversion, and -lstdc++ for std::to_chars).
#include "numconv_internal.h"

#include <charconv>

#include <double-conversion/double-to-string.h>
#include <fast_float/fast_float.h>

using double_conversion::DoubleToStringConverter;

// The shortest digits by the C++ standard library's std::to_chars (libstdc++
// implements it with Ryu): the same digits as double-conversion's SHORTEST mode
// (both the nearest to v among the shortest) at half its time here, 50 ns a
// number against 95 ns; a table of every series prints close to a million.
extern "C" int ind_numconv_shortest(double v, char *digits, int *point)
{
    char text[32]; // "-d.dddddddddddddddde-308" at most
    std::to_chars_result r = std::to_chars(text, text + sizeof text, v, std::chars_format::scientific);
    const char *p = text, *end = r.ptr;
    if (*p == '-')
        p++;
    int n = 0;
    for (; p < end && *p != 'e'; p++)
        if (*p != '.')
            digits[n++] = *p;
    digits[n] = '\0';
    int x = 0, negative = p + 1 < end && p[1] == '-';
    for (p += 2; p < end; p++)
        x = x * 10 + (*p - '0');
    *point = (negative ? -x : x) + 1;
    return n;
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
