/* build_table.c: what the table builders share. */
#include "build_int.h"

#include <stdio.h>
#include <stdlib.h>

void *ind_build_must(void *p)
{
    if (!p) {
        fputs("indikator: slut på minne (out of memory)\n", stderr);
        exit(4);
    }
    return p;
}

ind_doc_table *ind_build_table(ind_doc *doc, const ind_colspec *spec, size_t n, const char *caption)
{
    int en = ind_doc_get_meta(doc)->lang == IND_LANG_EN;
    ind_doc_column *cols = ind_build_must(calloc(n ? n : 1, sizeof *cols));
    for (size_t j = 0; j < n; j++) {
        int text = spec[j].kind == IND_CELL_TEXT || spec[j].kind == IND_CELL_VERDICT;
        cols[j] = (ind_doc_column){spec[j].key, en ? spec[j].label_en : spec[j].label_sv, spec[j].kind,
                                   text ? IND_ALIGN_LEFT : IND_ALIGN_RIGHT, 0, spec[j].shown};
    }
    ind_doc_table *t = ind_doc_table_new(doc, cols, n, caption);
    free(cols);
    return t;
}

ind_doc *ind_build_table_doc(const ind_build_input *in, const ind_opts *o, const char *title_sv, const char *title_en)
{
    ind_doc_meta meta = {o->lang == IND_LANG_EN ? title_en : title_sv, NULL, NULL, NULL, in->creator, NULL, o->lang};
    return ind_doc_new(&meta);
}
