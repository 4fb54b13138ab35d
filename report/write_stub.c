/* write_stub.c: the writers still to come (each replaced by its own file: write_csv_sv.c,
 * write_xlsx.c); until then a clear error. */
#include "write.h"

static ind_status not_yet(const char *what, ind_error *err)
{
    return ind_error_set(err, IND_EUSAGE, "", 0, 0, "%s output is not available in this build", what);
}

ind_status ind_write_csv_sv(const ind_doc *doc, FILE *f, ind_error *err)
{
    (void)doc, (void)f;
    return not_yet("csv-sv", err);
}

ind_status ind_write_xlsx(const ind_doc *doc, const char *path, ind_error *err)
{
    (void)doc, (void)path;
    return not_yet("Excel", err);
}
