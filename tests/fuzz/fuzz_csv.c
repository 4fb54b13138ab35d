/* fuzz_csv.c: libFuzzer harness for reading data files.
 *
 * The bytes go through ind_ingest_buffer (CSV in either form, or Kolada JSON)
 * into a fresh dataset that uses the built-in catalogue, loaded once from
 * IND_SOURCE_DIR/datasets/catalog.csv; the dataset is finished, every
 * observation read back, and everything freed. Errors are expected; crashes,
 * leaks and undefined behaviour are not. A VB table without an Enhet column
 * gets the unit "Fuzzenhet", as --unit would give it. Seeds: corpus-csv/.
 *
 * Build (coverage for the library too, so libFuzzer sees inside it):
 *   CC=clang cmake -S . -B build-fuzz -DIND_FUZZ=ON -DIND_SANITIZE=ON -DIND_TESTS=OFF \
 *     -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link
 *   cmake --build build-fuzz --target fuzz_csv
 *   build-fuzz/tests/fuzz/fuzz_csv -max_total_time=180 tests/fuzz/corpus-csv */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"
#include "dataset.h"
#include "ingest.h"

static ind_catalog *catalog;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    ind_error err;
    ind_error_clear(&err);
    catalog = ind_catalog_new();
    if (!catalog || ind_catalog_load_file(catalog, IND_SOURCE_DIR "/datasets/catalog.csv", &err) != IND_OK) {
        fprintf(stderr, "fuzz_csv: cannot load the catalogue: %s\n", err.message);
        abort();
    }
    return 0;
}

/* The same bytes read in five pieces by three threads: the same status,
 * message and observations as one thread gave. */
static void same_in_pieces(const uint8_t *bytes, size_t size, ind_status st, const ind_error *err,
                           const ind_dataset *ds)
{
    ind_error err3;
    ind_ingest_report report;
    ind_ingest_options opt = {.encoding = IND_ENC_AUTO, .unit = "Fuzzenhet", .threads = 3, .pieces = 5};
    ind_dataset *ds3 = ind_dataset_new(catalog);
    if (!ds3)
        return;
    ind_status st3 = ind_ingest_buffer(ds3, "fuzz.csv", (const char *)bytes, size, &opt, &report, &err3);
    if (st3 == IND_OK)
        st3 = ind_dataset_finish(ds3, &err3);
    if (st3 != st || (st != IND_OK && (err3.line != err->line || err3.column != err->column ||
                                       strcmp(err3.message, err->message) != 0)))
        abort();
    for (size_t i = 0; st == IND_OK && i < ind_dataset_obs_count(ds); i++) {
        ind_obs a, b;
        ind_dataset_get(ds, i, &a);
        ind_dataset_get(ds3, i, &b);
        if (ind_dataset_obs_count(ds3) != ind_dataset_obs_count(ds) || a.line != b.line ||
            a.period != b.period || memcmp(&a.value, &b.value, sizeof a.value) != 0 ||
            strcmp(ind_dataset_str(ds, a.target), ind_dataset_str(ds3, b.target)) != 0)
            abort();
    }
    ind_dataset_free(ds3);
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    ind_error err;
    ind_ingest_report report;
    ind_ingest_options opt = {.encoding = IND_ENC_AUTO, .unit = "Fuzzenhet"};
    ind_dataset *ds = ind_dataset_new(catalog);
    if (!ds)
        return 0;
    ind_status st = ind_ingest_buffer(ds, "fuzz.csv", (const char *)bytes, size, &opt, &report, &err);
    if (st == IND_OK)
        st = ind_dataset_finish(ds, &err);
    same_in_pieces(bytes, size, st, &err, ds);
    if (st == IND_OK) {
        /* read everything back, as the commands do */
        for (size_t s = 0; s < ind_dataset_series_count(ds); s++) {
            const ind_series *se = ind_dataset_series(ds, s);
            const char *unit = ind_dataset_str(ds, se->unit);
            const char *name = ind_dataset_str(ds, se->indicator);
            if (ind_dataset_find_series(ds, unit, name, se->gender) != (long)s)
                abort(); /* every series is found by its own names */
            for (size_t i = se->first; i < se->first + se->count; i++) {
                ind_obs o;
                ind_dataset_get(ds, i, &o);
                if (o.series != s || ind_dataset_find_obs(ds, s, o.period) != (long)i)
                    abort();
                ind_target t = ind_dataset_target(ds, o.target);
                ind_target k = ind_dataset_target(ds, o.kf_target);
                (void)t, (void)k;
            }
        }
    }
    ind_dataset_free(ds);
    return 0;
}
