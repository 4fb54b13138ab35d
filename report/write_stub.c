/* write_stub.c: the writers still to come (each replaced by its own file: write_html.c,
 * write_docx.c); until then a clear error. */
#include "write.h"

static ind_status not_yet(const char *what, ind_error *err)
{
    return ind_error_set(err, IND_EUSAGE, "", 0, 0, "%s output is not available in this build", what);
}

ind_status ind_write_html(const ind_doc *doc, FILE *f, ind_error *err)
{
    (void)doc, (void)f;
    return not_yet("HTML", err);
}

ind_status ind_write_docx(const ind_doc *doc, FILE *f, ind_error *err)
{
    (void)doc, (void)f;
    return not_yet("Word", err);
}
