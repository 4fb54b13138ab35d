/* test_palette.c: every text colour of the documents, and every colour of the
 * charts, against the backgrounds it is drawn on keeps the contrast WCAG 2.1
 * asks for (text 4,5:1, large text 3:1; chart lines and marks 3:1); the
 * formula checked first against published values; no chart file draws with a
 * colour that is not in the charts' palette. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts.h"
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

/* Every colour of the charts on every background it is drawn on: text
 * 4,5:1, lines and marks 3:1; decorations and backgrounds are listed but
 * asked nothing. */
static void chart_pairs(void **state)
{
    (void)state;
    ind_chart_colour_pair p[256];
    size_t n = ind_chart_colour_pairs(p, 256);
    assert_true(n <= 256);
    assert_true(n >= 60);
    size_t text = 0, marks = 0;
    for (size_t i = 0; i < n; i++) {
        assert_non_null(p[i].what);
        assert_non_null(p[i].on);
        if (p[i].ink == IND_CHART_INK_DECORATION || p[i].ink == IND_CHART_INK_BACKGROUND)
            continue;
        double c = ind_palette_contrast(p[i].fg, p[i].bg), need = p[i].ink == IND_CHART_INK_TEXT ? 4.5 : 3.0;
        text += p[i].ink == IND_CHART_INK_TEXT;
        marks += p[i].ink == IND_CHART_INK_MARK;
        if (c < need)
            fail_msg("chart %s: #%06X on %s (#%06X) is %.2f:1, below %.1f:1", p[i].what, p[i].fg, p[i].on, p[i].bg, c,
                     need);
    }
    assert_true(text >= 20 && marks >= 30);
    /* the count with too small an array is the same, and nothing is written past it */
    assert_int_equal(ind_chart_colour_pairs(p, 3), n);
}

/* The bands are translucent: the pair lists them as they show on white
 * (cairo blends per channel): the total's blue #0072B2 at 0,16 is #D6E8F3. */
static void chart_band_blend(void **state)
{
    (void)state;
    ind_chart_colour_pair p[256];
    size_t n = ind_chart_colour_pairs(p, 256), seen = 0;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(p[i].on, "the band of the total")) {
            assert_int_equal(p[i].bg, 0xD6E8F3);
            seen++;
        }
    assert_true(seen >= 8);
}

/* No chart file but the palette writes a colour: no 0xRRGGBB, no rgb
 * literal, no cairo colour from numbers. So every colour drawn is one of the
 * pairs checked above. */
static void chart_colours_only_from_palette(void **state)
{
    (void)state;
    static const char *dirs[] = {IND_SOURCE_DIR "/charts", IND_SOURCE_DIR "/charts/internal"};
    regex_t re;
    assert_int_equal(regcomp(&re,
                             "0x[0-9A-Fa-f]{6}|\\(rgb\\)[[:space:]]*\\{|set_source_rgba?\\([^,]+,[[:space:]]*[0-9.]",
                             REG_EXTENDED | REG_NOSUB),
                     0);
    size_t files = 0;
    for (int k = 0; k < 2; k++) {
        DIR *d = opendir(dirs[k]);
        assert_non_null(d);
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t len = strlen(e->d_name);
            if (len < 3 || strcmp(e->d_name + len - 2, (k ? ".h" : ".c")) || !strcmp(e->d_name, "chart_palette.c"))
                continue;
            char path[1024], line[4096];
            snprintf(path, sizeof path, "%s/%s", dirs[k], e->d_name);
            FILE *f = fopen(path, "r");
            assert_non_null(f);
            files++;
            for (int ln = 1; fgets(line, sizeof line, f); ln++)
                if (!regexec(&re, line, 0, NULL, 0))
                    fail_msg("%s:%d: a colour outside charts/chart_palette.c: %s", path, ln, line);
            fclose(f);
        }
        closedir(d);
    }
    regfree(&re);
    assert_true(files >= 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(formula), cmocka_unit_test(every_pair),
                                       cmocka_unit_test(chart_pairs), cmocka_unit_test(chart_band_blend),
                                       cmocka_unit_test(chart_colours_only_from_palette)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
