/* sentence.h: the sentences people read, in plain Swedish (klarspråk) or English: what happened and whether the årsmål is reached; methods and p-values in a note. */
#ifndef IND_SENTENCE_H
#define IND_SENTENCE_H

#include <stddef.h>

#include "attain.h"
#include "compare.h"
#include "lang.h"
#include "outlook.h"
#include "prognosis.h"

/* Every sentence is written for the reader of a VB (Språklagen 11 §; the
 * Language Council's advice): the indicator and the period first, then the
 * value with its unit, then what it means for the årsmål, in short
 * sentences. How it was worked out — the test, the p-value, the interval —
 * goes into the note (a footnote on paper), which may be NULL when there is
 * nothing to add. Numbers are written by the documents' one formatter
 * (ind_cell_show): decimal comma, a space between thousands, U+2212 for
 * minus, a no-break space before "%", the catalogue's decimals. Every
 * string returned is the caller's to free. A trend word never contradicts
 * the change it stands beside: when the trend and the last year's change
 * point different ways, the sentence says both. */

typedef struct {
    char *text; /* the sentence(s) */
    char *note; /* how it was worked out; NULL when nothing */
} ind_said;

void ind_said_free(ind_said *s);

/* A value of an indicator with its unit: "4,9 %", "83", "1 200". */
char *ind_say_value(double v, const ind_indicator *info, ind_lang lang);
/* A target as people read it, with its unit: "högst 4,0 %", "minst 90 %",
 * "73 %" (a share's target has its % even when written without it), "0 ± 1,0 %",
 * "öka"; a text target as written. */
char *ind_say_target(const ind_target *t, const ind_indicator *info, ind_lang lang);

/* The outcome against its årsmål: "Sjukfrånvaro 2025: 4,9 %, över årsmålet
 * högst 4,0 %. Årsmålet nås inte. Det är 0,9 procentenheter lägre än 2024."
 * period is the outcome's. */
ind_said ind_say_attainment(const ind_attainment *a, const char *indicator, const ind_indicator *info,
                            ind_period period, ind_lang lang);

/* How the series has developed, in the light of the latest judgement (may be
 * NULL): "Sjukfrånvaro har minskat 2016–2025, men ligger fortfarande över årsmålet." */
ind_said ind_say_trend(const ind_outlook_trend *t, const ind_attainment *latest, const char *indicator,
                       const ind_indicator *info, double alpha, ind_lang lang);
/* The gap between women and men; empty text when there is no gap to tell. */
ind_said ind_say_gap(const ind_outlook_gap *g, const ind_indicator *info, double alpha, ind_lang lang);
/* The forecast against the next årsmål; empty text when there is none. */
ind_said ind_say_forecast(const ind_outlook_forecast *f, const ind_indicator *info, double alpha, ind_lang lang);
/* The tertial's outcome and the year-end prognosis (tertial k). */
ind_said ind_say_prognosis(const ind_attainment *a, const ind_prognosis *g, const char *indicator,
                           const ind_indicator *info, int k, ind_lang lang);

/* A series against a reference (reference.h) at its period, reference its
 * name: "Enhetens resultat 2025: 70 % mot förvaltningens 65 %. Det är
 * 5 procentenheter högre. Skillnaden kan bero på slumpen." The reference is
 * called what its name says it is ("förvaltningens", "rikets", "kommunens",
 * "stadens", "regionens"), else named ("mot 65 % för Träffpunkten
 * Lärkan"); in English always named. Without a value beside the period:
 * "Stadsdelsförvaltningen Exempelstad har inget värde för 2025 att jämföra
 * med. Det senaste värdet är 65 % (2023)." Without a series of the indicator
 * at all: "Stadsdelsförvaltningen Exempelstad har inga värden för
 * indikatorn." The test and its p go in the note. */
#include "reference.h"
ind_said ind_say_reference(const ind_ref_result *r, const char *reference, const ind_indicator *info, double alpha,
                           ind_lang lang);

/* A comparison of units. With unit (a unit of the result) the unit against
 * the others by one primary judgement (the funnel when the unit is in it,
 * else its test against the rest), never contradicted by the supporting
 * detail; without, what the comparison of all units says. */
ind_said ind_say_compare(const ind_cmp_result *r, const ind_dataset *ds, const char *unit, ind_lang lang);

/* The funnel is the primary judgement of the units in it when at least this
 * many units are (fewer give it too little to go on; the report draws no
 * funnel then either); otherwise each unit's adjusted test against the rest. */
#define IND_SAY_FUNNEL_UNITS 5
int ind_say_funnel_applies(const ind_cmp_result *r);

/* Two units of a comparison against each other. */
/* The name of a test for people: R's name as the engine gives it ("Welch Two
 * Sample t-test") in English, its Swedish name ("Welchs t-test") in Swedish;
 * the name as given when it is not a test the engine runs. */
const char *ind_say_test_name(const char *test, ind_lang lang);
ind_said ind_say_pair(const ind_cmp_result *r, const ind_cmp_pair *pair, const ind_dataset *ds, ind_lang lang);

#endif
