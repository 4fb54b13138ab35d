/* fuzz_goals.c: libFuzzer harness for the goals file and the catalogue file.
 *
 * The bytes are read as a goals CSV (ind_goals_load_buffer; on success every
 * goal is read back, the hierarchy ordered and each depth taken) and as a
 * catalogue CSV (ind_catalog_load_buffer; on success every indicator is looked
 * up again by its own name). Errors are expected; crashes, leaks and undefined
 * behaviour are not. Seeds: tests/fuzz/corpus-goals/. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "goals.h"

static void read_goals(const char *data, size_t size)
{
    ind_error err;
    ind_goals *g = ind_goals_new();
    if (!g)
        return;
    if (ind_goals_load_buffer(g, "fuzz_goals.csv", data, size, &err) == IND_OK) {
        size_t n = ind_goals_count(g), count = 0;
        for (size_t i = 0; i < n; i++) {
            const ind_goal *goal = ind_goals_at(g, i);
            if (!goal || ind_goals_depth(g, i) < 0)
                abort();
        }
        size_t *order = ind_goals_order(g, &count);
        if (order && count != n)
            abort(); /* every goal appears once in the hierarchy order */
        free(order);
    }
    ind_goals_free(g);
}

static void read_catalog(const char *data, size_t size)
{
    ind_error err;
    ind_catalog *cat = ind_catalog_new();
    if (!cat)
        return;
    if (ind_catalog_load_buffer(cat, "fuzz_catalog.csv", data, size, &err) == IND_OK) {
        for (size_t i = 0; i < ind_catalog_count(cat); i++) {
            const ind_indicator *ind = ind_catalog_at(cat, i);
            if (!ind || !ind->name)
                abort();
            if (!ind_catalog_lookup(cat, ind->name, strlen(ind->name)))
                abort(); /* every indicator is found by its own name */
        }
    }
    ind_catalog_free(cat);
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    read_goals((const char *)bytes, size);
    read_catalog((const char *)bytes, size);
    return 0;
}
