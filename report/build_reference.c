/* build_reference.c: what the reports say of their references (--reference): a sentence per indicator, which indicators a reference covers, and how it is compared. */
#include "build_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reference.h"

size_t ind_build_reference_said(const ind_dataset *ds, size_t series, ind_period p, const ind_opts *o, ind_said *parts)
{
    size_t n = 0;
    const ind_series *se = ind_dataset_series(ds, series);
    for (size_t k = 0; k < o->reference_count && k < IND_OPTS_REFERENCES_MAX; k++) {
        long rs = ind_ref_series(ds, series, o->references[k]);
        if (rs < 0)
            continue; /* the summary says which indicators it lacks */
        ind_ref_result r;
        ind_ref_compare(ds, series, rs, p, 1 - o->alpha, &r);
        parts[n++] = ind_say_reference(&r, o->references[k], se->info, o->alpha, o->lang);
    }
    return n;
}

void ind_build_reference_summary(ind_doc *doc, const ind_dataset *ds, const char *unit, const size_t *series,
                                 const ind_period *periods, size_t n, const ind_opts *o)
{
    int en = o->lang == IND_LANG_EN;
    for (size_t k = 0; k < o->reference_count && k < IND_OPTS_REFERENCES_MAX; k++) {
        const char *ref = o->references[k];
        if (strcmp(ref, unit) == 0 || n == 0)
            continue;
        size_t found = 0;
        for (size_t q = 0; q < n; q++) {
            long rs = ind_ref_series(ds, series[q], ref);
            found += rs >= 0 && ind_ref_obs_at(ds, (size_t)rs, periods[q]) >= 0;
        }
        /* the report's period: its year, or the tertial of a tertial report */
        char when[32];
        ind_period last = periods[n - 1];
        int part = (ind_period_kind_of(last) == IND_PERIOD_TERTIAL && ind_period_sub(last) < 3) ||
                   (ind_period_kind_of(last) == IND_PERIOD_MONTH && ind_period_sub(last) < 12);
        if (part)
            ind_period_label(last, when, sizeof when);
        else
            snprintf(when, sizeof when, "%d", ind_period_year(last));
        char buf[1200];
        if (found == n)
            snprintf(buf, sizeof buf,
                     en ? "Every indicator is also set against %s: its line in the charts, its value in the text."
                        : "Varje indikator ställs också mot %s: dess linje i diagrammen, dess värde i texten.",
                     ref);
        else if (found)
            snprintf(buf, sizeof buf,
                     en ? "%zu of the %zu indicators are also set against %s (its line in the chart, its value in the text); %s has no value beside the others."
                        : "%zu av de %zu indikatorerna ställs också mot %s (dess linje i diagrammet, dess värde i texten); för övriga har %s inget värde att jämföra med.",
                     found, n, ref, ref);
        else
            snprintf(buf, sizeof buf,
                     en ? "%s has no value for %s beside any of the unit's indicators, so none is set against it."
                        : "%s har inget värde för %s att jämföra med för någon av enhetens indikatorer, så ingen jämförelse med den görs.",
                     ref, when);
        ind_doc_paragraph(doc, buf);
    }
}

void ind_build_reference_method(ind_doc *doc, const ind_opts *o)
{
    if (!o->reference_count)
        return;
    int en = o->lang == IND_LANG_EN;
    ind_doc_paragraph(doc,
        en ? "Set against a reference: the unit's outcome stands beside the reference's outcome for the same period (a year-end tertial beside the reference's year, as Kolada's yearly values are); the difference is the unit's minus the reference's. Where both have a numerator and a denominator, the difference between the two shares is tested as two independent groups: Fisher's exact test when an expected count is below 5, else the test of two proportions with Yates' correction. When the unit is part of the reference (a unit in its förvaltning's total) the two overlap and the test is cautious: a real difference is then harder to show."
           : "Jämförelse med referens: enhetens utfall ställs bredvid referensens utfall för samma period (ett tertial 3 bredvid referensens helår, som Koladas årsvärden); skillnaden är enhetens minus referensens. Där båda har täljare och nämnare prövas skillnaden mellan andelarna som mellan två oberoende grupper: Fishers exakta test när ett förväntat antal är under 5, annars test av två andelar med Yates korrektion. När enheten ingår i referensen (en enhet i förvaltningens total) överlappar de, och testet är försiktigt: en verklig skillnad blir svårare att visa.");
}
