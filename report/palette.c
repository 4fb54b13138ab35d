/* palette.c: the documents' colour pairs and their contrast. */
#include "palette.h"

#include <math.h>

static const ind_colour_pair pairs[] = {
    {"body text", IND_PAL_TEXT, IND_PAL_PAPER, 0},
    {"table cell", IND_PAL_TEXT, IND_PAL_ROW_SHADE, 0},
    {"table heading", IND_PAL_TEXT, IND_PAL_HEAD_BAND, 0},
    {"note", IND_PAL_NOTE, IND_PAL_PAPER, 0},
    {"footer", IND_PAL_FOOTER, IND_PAL_PAPER, 0},
    {"level-1 heading", IND_PAL_HEADING, IND_PAL_PAPER, 1},
    {"cover subtitle", IND_PAL_SUBTITLE, IND_PAL_PAPER, 1},
    {"verdict met", IND_PAL_MET, IND_PAL_PAPER, 0},
    {"verdict met, shaded row", IND_PAL_MET, IND_PAL_ROW_SHADE, 0},
    {"verdict partly", IND_PAL_PARTLY, IND_PAL_PAPER, 0},
    {"verdict partly, shaded row", IND_PAL_PARTLY, IND_PAL_ROW_SHADE, 0},
    {"verdict not met", IND_PAL_NOT_MET, IND_PAL_PAPER, 0},
    {"verdict not met, shaded row", IND_PAL_NOT_MET, IND_PAL_ROW_SHADE, 0},
    {"verdict other", IND_PAL_OTHER, IND_PAL_PAPER, 0},
    {"verdict other, shaded row", IND_PAL_OTHER, IND_PAL_ROW_SHADE, 0},
};

const ind_colour_pair *ind_palette_pairs(size_t *count)
{
    *count = sizeof pairs / sizeof pairs[0];
    return pairs;
}

/* Relative luminance of an sRGB colour (WCAG 2.1). */
static double luminance(unsigned c)
{
    double ch[3];
    for (int i = 0; i < 3; i++) {
        double v = ((c >> (16 - 8 * i)) & 255) / 255.0;
        ch[i] = v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

double ind_palette_contrast(unsigned a, unsigned b)
{
    double la = luminance(a), lb = luminance(b);
    return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}
