/* kolada.c: Kolada JSON import (placeholder until the importer lands). */
#include "kolada.h"

ind_status ind_kolada_ingest_buffer(ind_dataset *ds, const char *name, const char *data,
                                    size_t size, const ind_kolada_meta *meta, size_t *added,
                                    ind_error *err)
{
    (void)ds, (void)data, (void)size, (void)meta;
    if (added)
        *added = 0;
    return ind_error_set(err, IND_EINPUT, name, 1, 1,
                         "this looks like JSON; Kolada import is not available in this build yet");
}
