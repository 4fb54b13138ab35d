/* palette.h: the colours of documents on paper and the web, and the background each is read on. */
#ifndef IND_PALETTE_H
#define IND_PALETTE_H

#include <stddef.h>

/* Text colours (0xRRGGBB). Every one is read on white, on the shaded table
 * row and, for table headings, on the heading band, and keeps at least
 * 4,5:1 contrast there (WCAG 2.1, 1.4.3); tests/unit/test_palette.c checks
 * every pair that ind_palette_pairs lists. Colour never carries a verdict
 * alone: the symbol and the words do. */
#define IND_PAL_TEXT 0x1A1A1A
#define IND_PAL_NOTE 0x4A545E
#define IND_PAL_FOOTER 0x5A646E
#define IND_PAL_HEADING 0x0B3D66    /* level-1 headings */
#define IND_PAL_SUBTITLE 0x3C4650
#define IND_PAL_MET 0x0072B2        /* Okabe-Ito blue */
#define IND_PAL_PARTLY 0x8C6100     /* a dark yellow-orange, readable on the shaded row */
#define IND_PAL_NOT_MET 0xC0392B
#define IND_PAL_OTHER 0x5A646E
/* Backgrounds and decoration (rules carry no meaning: no contrast asked). */
#define IND_PAL_PAPER 0xFFFFFF
#define IND_PAL_HEAD_BAND 0xDCE6F0  /* behind table headings */
#define IND_PAL_ROW_SHADE 0xF4F6F8  /* every other table row */
#define IND_PAL_RULE 0x8C96A0
#define IND_PAL_COVER_BAND 0x0072B2

typedef struct {
    const char *what;   /* where the pair is used */
    unsigned fg, bg;
    int large;          /* large text (18 pt, or 14 pt bold): 3:1 suffices */
} ind_colour_pair;

/* Every text colour of the documents with every background it is drawn on. */
const ind_colour_pair *ind_palette_pairs(size_t *count);
/* The WCAG 2.1 contrast ratio of two colours (1 to 21). */
double ind_palette_contrast(unsigned a, unsigned b);

#endif
