/* period.h: the period and gender grammars: years, tertials, months; T, K, M, X. */
#ifndef IND_PERIOD_H
#define IND_PERIOD_H

#include <stddef.h>
#include <stdint.h>

/* A period packs year, kind and sub-period into one integer that sorts in time
 * order within a kind: (year << 8) | (kind << 5) | sub. A year sorts before its
 * tertials and months so that a series of mixed kinds still walks forward. */
typedef uint32_t ind_period;

typedef enum {
    IND_PERIOD_YEAR = 0,
    IND_PERIOD_TERTIAL = 1, /* sub 1..3; T3 is the year-end (VB) */
    IND_PERIOD_MONTH = 2    /* sub 1..12 */
} ind_period_kind;

#define IND_PERIOD_NONE ((ind_period)0)
#define IND_YEAR_MIN 1900
#define IND_YEAR_MAX 2200

ind_period ind_period_make(int year, ind_period_kind kind, int sub);
int ind_period_year(ind_period p);
ind_period_kind ind_period_kind_of(ind_period p);
int ind_period_sub(ind_period p);

/* Parses `2021`, `2021-T1`..`2021-T3`, `T2 2021`, `VB 2021` (= 2021-T3), `2021-03`,
 * `2021 T1`, `Tertial 1 2021`. Returns 0 and sets *out, or -1 with a reason in
 * why (static text). */
int ind_period_parse(const char *s, size_t len, ind_period *out, const char **why);
/* Writes the canonical form (2021, 2021-T1, 2021-03) into buf; returns buf. */
char *ind_period_format(ind_period p, char *buf, size_t size);
/* Writes the form people read: 2021, "2021 T1", "mars 2021" (Swedish). */
char *ind_period_label(ind_period p, char *buf, size_t size);
/* Real time in years: year Y is Y, tertial k is Y + (k-1)/3, month m is
 * Y + (m-1)/12. A missing year is a gap in this time, never a shift. */
double ind_period_time(ind_period p);
/* Whether p lies in the range from..to, each bound a whole period (0 = open):
 * p starts no earlier than `from` starts and no later than `to` ends, so
 * "--to 2025" keeps 2025 T3 and December 2025, and "--from 2024-T2" drops
 * the year 2024. */
int ind_period_within(ind_period p, ind_period from, ind_period to);
/* The same period one year earlier (2021-T2 -> 2020-T2). */
ind_period ind_period_year_before(ind_period p);

typedef enum {
    IND_GENDER_T = 0, /* total */
    IND_GENDER_K = 1, /* kvinnor/flickor */
    IND_GENDER_M = 2, /* män/pojkar */
    IND_GENDER_X = 3  /* other or unknown */
} ind_gender;
#define IND_GENDER_COUNT 4

/* Accepts T, K, M, X and Totalt, Alla, Kvinnor, Flickor, kvinnor/flickor, Män,
 * Pojkar, män/pojkar, Annan, Okänd (any case); empty means T. -1 when unknown. */
int ind_gender_parse(const char *s, size_t len, ind_gender *out);
const char *ind_gender_code(ind_gender g);     /* "T" */
const char *ind_gender_label_sv(ind_gender g); /* "Totalt", "Kvinnor", "Män", "Annat/okänt" */
const char *ind_gender_label_en(ind_gender g);

#endif
