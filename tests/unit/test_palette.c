/* test_palette.c: every text colour of the documents against the backgrounds it
 * is drawn on keeps the contrast WCAG 2.1 asks for (4,5:1, or 3:1 for large
 * text); the formula checked first against published values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>

#include "palette.h"

static void formula(void **state)
{
    (void)state;
    /* black on white is 21:1, white on white 1:1; #767676 on white is the
     * lightest grey with 4,5:1 (WebAIM's contrast checker: 4,54:1) */
    assert_true(fabs(ind_palette_contrast(0x000000, 0xFFFFFF) - 21) < 1e-9);
    assert_true(fabs(ind_palette_contrast(0xFFFFFF, 0xFFFFFF) - 1) < 1e-9);
    assert_true(fabs(ind_palette_contrast(0x767676, 0xFFFFFF) - 4.54) < 0.005);
    assert_true(fabs(ind_palette_contrast(0xFFFFFF, 0x767676) - 4.54) < 0.005);
}

static void every_pair(void **state)
{
    (void)state;
    size_t n;
    const ind_colour_pair *p = ind_palette_pairs(&n);
    assert_true(n >= 10);
    for (size_t i = 0; i < n; i++) {
        double c = ind_palette_contrast(p[i].fg, p[i].bg), need = p[i].large ? 3.0 : 4.5;
        if (c < need)
            fail_msg("%s: #%06X on #%06X is %.2f:1, below %.1f:1", p[i].what, p[i].fg, p[i].bg, c, need);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(formula), cmocka_unit_test(every_pair)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
