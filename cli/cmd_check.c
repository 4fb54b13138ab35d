/* cmd_check.c: `indikator check`: validate data files and summarise what they hold. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "goals.h"

static const char *encoding_name(ind_encoding e)
{
    return e == IND_ENC_CP1252 ? "Windows-1252" : "UTF-8";
}

static const char *delimiter_name(char d)
{
    return d == ';' ? ";" : d == '\t' ? "tab" : d == ',' ? "," : "";
}

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
        free(bytes);
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
    const ind_dataset *ds = data.ds;
    size_t nobs = ind_dataset_obs_count(ds), nser = ind_dataset_series_count(ds);

    /* counts */
    size_t missing[IND_MISSING_COUNT] = {0};
    size_t genders[IND_GENDER_COUNT] = {0};
    size_t units = 0, indicators = 0, unknown = 0, with_counts = 0, with_target = 0;
    ind_period first = 0, last = 0;
    int kinds = 0;
    const char **ind_names = calloc(nser ? nser : 1, sizeof *ind_names);
    const ind_indicator **ind_info = calloc(nser ? nser : 1, sizeof *ind_info);
    const char *last_unit = NULL;
    for (size_t s = 0; s < nser; s++) {
        const ind_series *se = ind_dataset_series(ds, s);
        const char *u = ind_dataset_str(ds, se->unit);
        if (!last_unit || strcmp(u, last_unit) != 0)
            units++;
        last_unit = u;
        const char *name = ind_dataset_str(ds, se->indicator);
        int seen = 0;
        for (size_t k = 0; k < indicators && !seen; k++)
            seen = strcmp(ind_names[k], name) == 0;
        if (!seen) {
            ind_info[indicators] = se->info;
            ind_names[indicators++] = name;
            unknown += se->info == NULL;
        }
        for (size_t i = se->first; i < se->first + se->count; i++) {
            ind_obs o;
            ind_dataset_get(ds, i, &o);
            missing[o.missing]++;
            genders[se->gender]++;
            with_counts += !isnan(o.denominator);
            with_target += o.target != 0;
            if (!first || o.period < first)
                first = o.period;
            if (o.period > last)
                last = o.period;
            kinds |= 1 << ind_period_kind_of(o.period);
        }
    }

    static const out_column cols[] = {
        {"kind", "Vad", "What", COL_TEXT, 1},
        {"name", "Namn", "Name", COL_TEXT, 1},
        {"value", "Värde", "Value", COL_TEXT, 1},
        {"file", "Fil", "File", COL_TEXT, 0},
        {"line", "Rad", "Line", COL_INTEGER, 0},
    };
    out_table *t = out_table_new(cols, 5);
    char buf[256], a[32], b[32];
    ind_lang lang = opt->lang;
    int en = lang == IND_LANG_EN;
    for (int i = 0; i < data.file_count; i++) {
        const ind_ingest_report *r = &data.reports[i];
        out_row_begin(t);
        out_text(t, "file");
        out_text(t, data.names[i]);
        if (r->form == IND_FORM_KOLADA)
            snprintf(buf, sizeof buf, "%s, %zu obs", ind_form_name(r->form), r->observations);
        else
            snprintf(buf, sizeof buf, "%s, %s, delimiter %s, %ld rows, %zu obs", ind_form_name(r->form),
                     encoding_name(r->csv.encoding), delimiter_name(r->csv.delimiter), r->csv.rows,
                     r->observations);
        out_text(t, buf);
        out_text(t, data.names[i]);
        out_null(t);
    }
    for (int i = 0; i < nother; i++) {
        out_row_begin(t);
        out_text(t, "file");
        out_text(t, other[i]);
        snprintf(buf, sizeof buf, en ? "%s, %ld entries, valid" : "%s, %ld poster, giltig", kind_name[other_kind[i]],
                 other_rows[i]);
        out_text(t, buf);
        out_text(t, other[i]);
        out_null(t);
    }
#define COUNT_ROW(kind_, name_, value_)                                        \
    do {                                                                        \
        out_row_begin(t);                                                       \
        out_text(t, kind_);                                                     \
        out_text(t, name_);                                                     \
        snprintf(buf, sizeof buf, "%zu", (size_t)(value_));                     \
        out_text(t, buf);                                                       \
        out_null(t);                                                            \
        out_null(t);                                                            \
    } while (0)
    COUNT_ROW("count", en ? "observations" : "observationer", nobs);
    COUNT_ROW("count", en ? "series" : "serier", nser);
    COUNT_ROW("count", en ? "units" : "enheter", units);
    COUNT_ROW("count", en ? "indicators" : "indikatorer", indicators);
    COUNT_ROW("count", en ? "not in the catalogue" : "utanför katalogen", unknown);
    COUNT_ROW("count", en ? "with numerator/denominator" : "med täljare/nämnare", with_counts);
    COUNT_ROW("count", en ? "with årsmål" : "med årsmål", with_target);
    out_row_begin(t);
    out_text(t, "periods");
    out_text(t, en ? "periods" : "perioder");
    if (nobs) {
        char kindtxt[64] = "";
        if (kinds & 1) strcat(kindtxt, en ? "year" : "år");
        if (kinds & 2) strcat(kindtxt, kindtxt[0] ? ", tertial" : "tertial");
        if (kinds & 4) strcat(kindtxt, kindtxt[0] ? (en ? ", month" : ", månad") : (en ? "month" : "månad"));
        snprintf(buf, sizeof buf, "%s – %s (%s)", ind_period_format(first, a, sizeof a),
                 ind_period_format(last, b, sizeof b), kindtxt);
        out_text(t, buf);
    } else {
        out_text(t, "");
    }
    out_null(t);
    out_null(t);
    for (int g = 0; g < IND_GENDER_COUNT; g++)
        if (genders[g]) {
            snprintf(a, sizeof a, "%s (%s)", ind_gender_code((ind_gender)g),
                     en ? ind_gender_label_en((ind_gender)g) : ind_gender_label_sv((ind_gender)g));
            COUNT_ROW("gender", a, genders[g]);
        }
    for (int m = 1; m < IND_MISSING_COUNT; m++)
        if (missing[m])
            COUNT_ROW("missing", en ? ind_missing_code((ind_missing)m) : ind_missing_label_sv((ind_missing)m),
                      missing[m]);
    for (size_t k = 0; k < indicators; k++) {
        out_row_begin(t);
        out_text(t, ind_info[k] ? "indicator" : "unknown_indicator");
        out_text(t, ind_names[k]);
        if (ind_info[k])
            snprintf(buf, sizeof buf, "%s, %s, %s", ind_measure_code(ind_info[k]->measure),
                     ind_direction_code(ind_info[k]->direction),
                     ind_info[k]->periodicity == IND_PERIOD_TERTIAL ? "tertial" : "år");
        else
            snprintf(buf, sizeof buf, en ? "not in the catalogue: direction unknown, never guessed"
                                         : "saknas i katalogen: riktning okänd, gissas aldrig");
        out_text(t, buf);
        out_null(t);
        out_null(t);
    }
    size_t nw = ind_dataset_warning_count(ds);
    for (size_t i = 0; i < nw; i++) {
        const ind_warning *w = ind_dataset_warning(ds, i);
        out_row_begin(t);
        out_text(t, "warning");
        snprintf(buf, sizeof buf, "%s:%ld", ind_dataset_str(ds, w->file), w->line);
        out_text(t, buf);
        out_text(t, w->message);
        out_text(t, ind_dataset_str(ds, w->file));
        out_integer(t, w->line);
    }
    char title[256];
    snprintf(title, sizeof title, en ? "%d file(s) read: %zu observations, %zu warning(s)"
                                     : "%d fil(er) lästa: %zu observationer, %zu varning(ar)",
             data.file_count, nobs, nw);
    rc = out_table_emit(t, opt, title);
    out_table_free(t);
    free(ind_names);
    free(ind_info);
    cli_data_free(&data);
    return rc;
}
