/* cmd_check.c: `indikator check`: validate data files and summarise what they hold. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "goals.h"

/* What kind of indikator file a CSV is, from its header row. */
typedef enum { FILE_DATA = 0, FILE_CATALOG, FILE_GOALS, FILE_SIDE } file_kind;

typedef struct {
    int header_seen;
    file_kind kind;
    long rows;
} sniff;

static ind_status sniff_row(const ind_csv_row *row, void *user, ind_error *err)
{
    (void)err;
    sniff *s = user;
    if (s->header_seen) {
        s->rows++;
        return IND_OK;
    }
    s->header_seen = 1;
    int id = 0, direction = 0, level = 0;
    for (size_t i = 0; i < row->count; i++) {
        id |= !strcmp(row->field[i], "id");
        direction |= !strcmp(row->field[i], "direction");
        level |= !strcmp(row->field[i], "level");
    }
    if (id && direction)
        s->kind = FILE_CATALOG;
    else if (id && level)
        s->kind = FILE_GOALS;
    /* the other files `indikator extract` writes beside its data */
    else if (row->count >= 3 && ((!strcmp(row->field[0], "name") && !strcmp(row->field[1], "start")) ||
                                 (!strcmp(row->field[0], "file") && !strcmp(row->field[1], "line"))))
        s->kind = FILE_SIDE;
    return s->kind == FILE_DATA ? IND_EINPUT : IND_OK; /* data: stop here, the full read follows */
}

static const char *const kind_name[] = {"data", "catalogue", "goals", "extract side file"};

int cmd_check(cli_opts *opt)
{
    /* catalogues, goals files and extract's side files are checked as what they are */
    const char *other[4096];
    file_kind other_kind[4096];
    long other_rows[4096];
    int nother = 0, ndata = 0, rc = 0;
    for (int i = 0; i < opt->file_count && rc == 0; i++) {
        char *bytes;
        size_t size;
        ind_error err;
        ind_error_clear(&err);
        sniff sn = {0, FILE_DATA, 0};
        if (ind_file_slurp(opt->files[i], &bytes, &size, &err) != IND_OK) {
            rc = cli_fail(&err);
            break;
        }
        ind_csv_read_buffer(opt->files[i], bytes, size, opt->encoding, 0, sniff_row, &sn, NULL, &err);
        if (sn.kind == FILE_CATALOG) {
            ind_catalog *cat = ind_catalog_new();
            ind_error_clear(&err);
            if (ind_catalog_load_buffer(cat, opt->files[i], bytes, size, &err) != IND_OK)
                rc = cli_fail(&err);
            sn.rows = (long)ind_catalog_count(cat);
            ind_catalog_free(cat);
        } else if (sn.kind == FILE_GOALS) {
            ind_goals *g = ind_goals_new();
            ind_error_clear(&err);
            if (ind_goals_load_buffer(g, opt->files[i], bytes, size, &err) != IND_OK)
                rc = cli_fail(&err);
            sn.rows = (long)ind_goals_count(g);
            ind_goals_free(g);
        }
        ind_file_free(bytes, size);
        if (sn.kind == FILE_DATA) {
            opt->files[ndata++] = opt->files[i];
        } else {
            other[nother] = opt->files[i];
            other_kind[nother] = sn.kind;
            other_rows[nother++] = sn.rows;
        }
    }
    if (rc)
        return rc;
    int had_files = opt->file_count > 0;
    opt->file_count = ndata;
    cli_data data;
    memset(&data, 0, sizeof data);
    if (ndata > 0 || !had_files) {
        rc = cli_load(opt, &data);
        if (rc) {
            cli_data_free(&data);
            return rc;
        }
    } else {
        data.catalog = ind_catalog_new();
        data.ds = ind_dataset_new(data.catalog);
        ind_error err;
        ind_dataset_finish(data.ds, &err);
    }
    ind_check_file *others = calloc((size_t)nother + 1, sizeof *others);
    for (int i = 0; others && i < nother; i++)
        others[i] = (ind_check_file){other[i], kind_name[other_kind[i]], other_rows[i]};
    ind_opts o;
    cli_lib_opts(opt, &o);
    ind_build_input in = cli_build_input(&data);
    ind_doc *doc = others ? ind_build_check(&in, &o, others, (size_t)nother) : NULL;
    rc = doc ? cli_emit(doc, opt) : cli_error(4, "out of memory");
    ind_doc_free(doc);
    free(others);
    cli_data_free(&data);
    return rc;
}
