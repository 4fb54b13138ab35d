/* fuzz_extract.c: libFuzzer harness for the VP/VB text extractor; extracts from memory and writes nothing. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extract.h"

static size_t touch(const char *s)
{
    return s ? strlen(s) : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ind_extract_result r;
    ind_error err;
    if (ind_extract_buffer("fuzz.txt", (const char *)data, size, &r, &err) != IND_OK)
        return 0;
    /* read every string the result hands out */
    size_t sum = 0;
    for (size_t i = 0; i < r.n_units; i++)
        sum += touch(r.units[i]);
    for (size_t i = 0; i < r.n_obs; i++) {
        const ind_extract_obs *o = &r.obs[i];
        sum += touch(o->unit) + touch(o->indicator) + touch(o->period) + touch(o->gender) +
               touch(o->value) + touch(o->numerator) + touch(o->denominator) + touch(o->target) +
               touch(o->kf_target) + touch(o->missing) + touch(o->goal) + touch(o->note) +
               touch(o->periodicity) + touch(o->value_unit);
    }
    for (size_t i = 0; i < r.n_goals; i++)
        sum += touch(r.goals[i].id) + touch(r.goals[i].level) + touch(r.goals[i].parent) +
               touch(r.goals[i].unit) + touch(r.goals[i].text) + touch(r.goals[i].assessment);
    for (size_t i = 0; i < r.n_activities; i++)
        sum += touch(r.activities[i].name) + touch(r.activities[i].start) + touch(r.activities[i].end) +
               touch(r.activities[i].unit) + touch(r.activities[i].goal);
    for (size_t i = 0; i < r.n_unread; i++)
        sum += touch(r.unread[i].reason) + touch(r.unread[i].text);
    for (size_t i = 0; i < r.n_warnings; i++)
        sum += touch(r.warnings[i].reason) + touch(r.warnings[i].text);
    ind_extract_result_free(&r);
    return sum == (size_t)-1;
}
