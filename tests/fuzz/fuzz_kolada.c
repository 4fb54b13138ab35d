/* fuzz_kolada.c: libFuzzer harness for the Kolada JSON reader.
 *
 * The bytes are read as data into a fresh dataset (finished, then freed),
 * once without metadata and once with fixed metadata and its catalogue (so
 * the naming paths run too), and then as metadata into a fresh metadata
 * object that is turned into a catalogue. Errors are expected; crashes, leaks
 * and undefined behaviour are not. Seeds: tests/fuzz/corpus-kolada/. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kolada.h"

static const char fixed_kpis[] =
    "{\"values\": [{\"id\": \"N15419\", \"title\": \"Elever i \xc3\xa5r 9, andel (%)\", \"is_divided_by_gender\": 1},"
    " {\"id\": \"N15008\", \"title\": \"Kostnad, kr/elev\", \"is_divided_by_gender\": false}]}";
static const char fixed_munis[] =
    "[{\"id\": \"1440\", \"title\": \"Ale\", \"type\": \"K\"}, {\"id\": \"0980\", \"title\": \"Gotland\", \"type\": \"K\"},"
    " {\"id\": \"0009\", \"title\": \"Gotland\", \"type\": \"L\"}]";

static ind_kolada_meta *fixed_meta;
static ind_catalog *fixed_cat;

static void setup(void)
{
    ind_error err;
    fixed_meta = ind_kolada_meta_new();
    fixed_cat = ind_catalog_new();
    if (!fixed_meta || !fixed_cat)
        return;
    ind_kolada_meta_load_buffer(fixed_meta, "kpi", fixed_kpis, strlen(fixed_kpis), &err);
    ind_kolada_meta_load_buffer(fixed_meta, "muni", fixed_munis, strlen(fixed_munis), &err);
    ind_kolada_meta_to_catalog(fixed_meta, fixed_cat, &err);
}

static void read_data(const char *data, size_t size, const ind_catalog *cat, const ind_kolada_options *opt)
{
    ind_error err;
    size_t added;
    ind_dataset *ds = ind_dataset_new(cat);
    if (!ds)
        return;
    if (ind_kolada_ingest_buffer(ds, "fuzz.json", data, size, opt, &added, &err) == IND_OK)
        ind_dataset_finish(ds, &err);
    ind_dataset_free(ds);
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    const char *data = (const char *)bytes;
    if (!fixed_meta)
        setup();

    read_data(data, size, NULL, NULL);
    ind_kolada_options opt = {fixed_meta, "Sverige", (int)(size & 1)};
    read_data(data, size, fixed_cat, &opt);

    ind_error err;
    ind_kolada_meta *meta = ind_kolada_meta_new();
    ind_catalog *cat = ind_catalog_new();
    if (meta && cat && ind_kolada_meta_load_buffer(meta, "fuzz.meta", data, size, &err) == IND_OK)
        ind_kolada_meta_to_catalog(meta, cat, &err);
    ind_catalog_free(cat);
    ind_kolada_meta_free(meta);
    return 0;
}
