/* test_doc.c: report/: the document model (cells as people and machines read
 * them), the builders (a VB and the status table from a small dataset whose
 * verdicts are worked by hand) and the writers (CSV, JSON, terminal, PDF, CSV for
 * Swedish Excel, Excel).
 *
 * The dataset: three units with Sjukfrånvaro (catalogue: percent, lower is
 * better, 1 decimal) 2023-2025 and an årsmål of 4 %; Enhet A also by gender
 * and with Aktivt Medskapandeindex (index, higher is better, 0 decimals) with
 * an årsmål of 82, linked to the goal 1.1.1. By hand, with the default rule
 * (delvis within 5 % of the target):
 *   Enhet A Sjukfrånvaro 2025: 5,0 % against max 4 %: gap 1,0 = 25 % of the
 *     target > 5 %: not met. 2024: 4,1 %: gap 0,1 = 2,5 %: partly met.
 *   Enhet A AMI 2025: 83 against 82: met.
 *   Enhet B Sjukfrånvaro 2025: 3,5 %: met. Enhet C 2025: 4,0 %: met. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "catalog.h"
#include "doc.h"
#include "parallel.h"
#include "ingest.h"
#include "render.h"
#include "write.h"

/* fontconfig keeps a few hundred bytes of its configuration for the life of
 * the process (outside this library); LeakSanitizer is told so. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) { return "leak:libfontconfig.so\n"; }

static const char data_csv[] =
    "unit,indicator,period,gender,value,target,goal\n"
    "Enhet A,Sjukfrånvaro,2023,T,4.4,4 %,\n"
    "Enhet A,Sjukfrånvaro,2024,T,4.1,4 %,\n"
    "Enhet A,Sjukfrånvaro,2025,T,5.0,4 %,\n"
    "Enhet A,Sjukfrånvaro,2025,K,5.6,,\n"
    "Enhet A,Sjukfrånvaro,2025,M,3.9,,\n"
    "Enhet A,Aktivt Medskapandeindex,2021,T,78,82,1.1.1\n"
    "Enhet A,Aktivt Medskapandeindex,2022,T,79,82,1.1.1\n"
    "Enhet A,Aktivt Medskapandeindex,2023,T,80,82,1.1.1\n"
    "Enhet A,Aktivt Medskapandeindex,2024,T,82,82,1.1.1\n"
    "Enhet A,Aktivt Medskapandeindex,2025,T,83,82,1.1.1\n"
    "Enhet B,Sjukfrånvaro,2023,T,3.9,4 %,\n"
    "Enhet B,Sjukfrånvaro,2024,T,3.7,4 %,\n"
    "Enhet B,Sjukfrånvaro,2025,T,3.5,4 %,\n"
    "Enhet C,Sjukfrånvaro,2023,T,4.2,4 %,\n"
    "Enhet C,Sjukfrånvaro,2024,T,4.1,4 %,\n"
    "Enhet C,Sjukfrånvaro,2025,T,4.0,4 %,\n";

static const char goals_csv[] = "id,level,parent,unit,text,year,assessment\n"
                                "1.1.1,enhetsmal,,Enhet A,Medarbetarna är delaktiga,2025,uppfylls helt\n";

typedef struct {
    ind_catalog *cat;
    ind_dataset *ds;
    ind_goals *goals;
    ind_build_input in;
    const char *sources[1];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    ind_error err;
    f->cat = ind_catalog_new();
    if (ind_catalog_load_file(f->cat, IND_SOURCE_DIR "/datasets/catalog.csv", &err) != IND_OK)
        return -1;
    f->ds = ind_dataset_new(f->cat);
    ind_ingest_options io = {0};
    if (ind_ingest_buffer(f->ds, "test.csv", data_csv, sizeof data_csv - 1, &io, NULL, &err) != IND_OK ||
        ind_dataset_finish(f->ds, &err) != IND_OK)
        return -1;
    f->goals = ind_goals_new();
    if (ind_goals_load_buffer(f->goals, "goals.csv", goals_csv, sizeof goals_csv - 1, &err) != IND_OK)
        return -1;
    f->sources[0] = "test.csv";
    f->in = (ind_build_input){f->ds, f->goals, f->sources, 1, NULL, "indikator test", NULL, NULL, NULL};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ind_goals_free(f->goals);
    ind_dataset_free(f->ds);
    ind_catalog_free(f->cat);
    free(f);
    return 0;
}

/* ---- cells ---------------------------------------------------------------------- */

static const char *show(ind_cell c, ind_lang lang, unsigned how)
{
    static char buf[128];
    return ind_cell_show(&c, lang, how, buf, sizeof buf);
}

static void cells_for_people(void **state)
{
    (void)state;
    ind_cell pct = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PERCENT, .decimals = 1, .value = 6.7};
    assert_string_equal(show(pct, IND_LANG_SV, 0), "6,7 %");
    assert_string_equal(show(pct, IND_LANG_SV, IND_SHOW_TYPESET), "6,7\u00a0%");
    assert_string_equal(show(pct, IND_LANG_EN, IND_SHOW_TYPESET), "6.7%");
    pct.value = -2.45;
    assert_string_equal(show(pct, IND_LANG_SV, IND_SHOW_TYPESET), "\u22122,5\u00a0%");
    ind_cell share = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_SHARE, .decimals = 1, .value = -0.164};
    assert_string_equal(show(share, IND_LANG_SV, 0), "-16,4 %");
    ind_cell big = {.kind = IND_CELL_NUMBER, .decimals = 0, .value = 12345};
    assert_string_equal(show(big, IND_LANG_SV, 0), "12 345");
    assert_string_equal(show(big, IND_LANG_EN, 0), "12,345");
    ind_cell p = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PVALUE, .value = 0.0004};
    assert_string_equal(show(p, IND_LANG_SV, 0), "< 0,001");
    p.value = 0.0123;
    assert_string_equal(show(p, IND_LANG_SV, 0), "0,01");
    p.value = 0.00512;
    assert_string_equal(show(p, IND_LANG_SV, 0), "0,005");
    ind_cell v = {.kind = IND_CELL_VERDICT, .verdict = IND_VERDICT_PARTLY, .uncertain = 1};
    assert_string_equal(show(v, IND_LANG_SV, 0), "\u25d0 Uppfylls delvis (osäker)");
    ind_cell none = {.kind = IND_CELL_NULL};
    assert_string_equal(show(none, IND_LANG_SV, 0), "\u2013");
    ind_cell text = {.kind = IND_CELL_TEXT, .text = "Delmål", .indent = 2};
    assert_string_equal(show(text, IND_LANG_SV, 0), "    Delmål");
    ind_cell n = {.kind = IND_CELL_INTEGER, .value = 42};
    assert_string_equal(show(n, IND_LANG_SV, 0), "42");
}

static void cells_for_machines(void **state)
{
    (void)state;
    char buf[64];
    ind_cell c = {.kind = IND_CELL_NUMBER, .unit = IND_UNIT_PERCENT, .decimals = 1, .value = 0.1};
    assert_string_equal(ind_cell_machine(&c, buf, sizeof buf), "0.1");
    c.value = 1.0 / 3;
    double back = strtod(ind_cell_machine(&c, buf, sizeof buf), NULL);
    assert_true(back == 1.0 / 3);
    ind_cell v = {.kind = IND_CELL_VERDICT, .verdict = IND_VERDICT_NOT_MET};
    assert_string_equal(ind_cell_machine(&v, buf, sizeof buf), "not_met");
    ind_cell t = {.kind = IND_CELL_TEXT, .text = "x", .indent = 3};
    assert_string_equal(ind_cell_machine(&t, buf, sizeof buf), "x"); /* no indentation for machines */
    ind_cell none = {.kind = IND_CELL_NULL};
    assert_null(ind_cell_machine(&none, buf, sizeof buf));
    /* a whole number as C's %.0f writes it: sign, no point; halves to even */
    static const struct {
        double v;
        const char *text;
    } whole[] = {{0, "0"}, {-0.0, "-0"}, {7, "7"}, {-36, "-36"}, {1e15, "1000000000000000"},
                 {9007199254740991.0, "9007199254740991"}, {-9007199254740992.0, "-9007199254740992"},
                 {1e20, "100000000000000000000"}, {2.5, "2"}, {-3.5, "-4"}};
    for (size_t k = 0; k < sizeof whole / sizeof whole[0]; k++) {
        ind_cell w = {.kind = IND_CELL_INTEGER, .value = whole[k].v};
        assert_string_equal(ind_cell_machine(&w, buf, sizeof buf), whole[k].text);
    }
}

/* A code cell keeps its words for people right behind the code machines read,
 * both as valid UTF-8; a code without words shows the code; a NULL code is "". */
static void cells_with_codes(void **state)
{
    (void)state;
    ind_doc_meta meta = {"T", NULL, NULL, NULL, "indikator test", NULL, IND_LANG_SV};
    ind_doc *doc = ind_doc_new(&meta);
    static const ind_doc_column cols[] = {{"test", "Test", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1},
                                          {"n", "n", IND_CELL_INTEGER, IND_ALIGN_RIGHT, 0, 1}};
    ind_doc_table *t = ind_doc_table_new(doc, cols, 2, NULL);
    ind_doc_row(t);
    ind_doc_code(t, "pair", "par");
    ind_doc_integer(t, 3);
    ind_doc_row(t);
    ind_doc_code(t, "fisher", NULL);
    ind_doc_null(t);
    ind_doc_row(t);
    ind_doc_code(t, NULL, "ord \xff");
    ind_doc_number(t, 2.5, 1, IND_UNIT_NONE);
    char buf[64];
    const ind_cell *c = ind_doc_table_cell(t, 0, 0);
    assert_string_equal(ind_cell_machine(c, buf, sizeof buf), "pair");
    assert_string_equal(ind_cell_show(c, IND_LANG_SV, 0, buf, sizeof buf), "par");
    assert_true(ind_doc_table_cell(t, 0, 1)->value == 3);
    c = ind_doc_table_cell(t, 1, 0);
    assert_string_equal(ind_cell_label(c), "fisher");
    assert_string_equal(ind_cell_show(c, IND_LANG_SV, 0, buf, sizeof buf), "fisher");
    assert_true(ind_doc_table_cell(t, 1, 1)->kind == IND_CELL_NULL);
    c = ind_doc_table_cell(t, 2, 0);
    assert_string_equal(ind_cell_machine(c, buf, sizeof buf), "");
    assert_string_equal(ind_cell_label(c), "ord \xef\xbf\xbd");
    assert_true(ind_doc_table_cell(t, 2, 1)->value == 2.5);
    ind_doc_free(doc);
}

/* ---- writers ---------------------------------------------------------------------- */

/* An empty Swedish document titled "T". */
static ind_doc *test_doc(void)
{
    ind_doc_meta meta = {"T", NULL, NULL, NULL, "indikator test", NULL, IND_LANG_SV};
    return ind_doc_new(&meta);
}

static ind_doc *small_table(void)
{
    ind_doc *doc = test_doc();
    static const ind_doc_column cols[] = {
        {"unit", "Enhet", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1},
        {"value", "Utfall", IND_CELL_NUMBER, IND_ALIGN_RIGHT, 0, 1},
        {"verdict", "Bedömning", IND_CELL_VERDICT, IND_ALIGN_LEFT, 0, 1},
        {"n", "n", IND_CELL_INTEGER, IND_ALIGN_RIGHT, 0, 0},
    };
    ind_doc_table *t = ind_doc_table_new(doc, cols, 4, "Två rader");
    ind_doc_row(t);
    ind_doc_text(t, "=Norr, \"Söder\"");
    ind_doc_number(t, 6.75, 1, IND_UNIT_PERCENT);
    ind_doc_verdict(t, IND_VERDICT_MET, 0);
    ind_doc_integer(t, 22);
    ind_doc_row(t);
    ind_doc_text(t, "Väst");
    ind_doc_number(t, NAN, 1, IND_UNIT_PERCENT);
    ind_doc_verdict(t, IND_VERDICT_NO_DATA, 0);
    ind_doc_null(t);
    ind_doc_note(doc, "En not.");
    return doc;
}

static char *write_to_string(const ind_doc *doc, ind_status (*w)(const ind_doc *, FILE *, ind_error *))
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    ind_error err;
    assert_int_equal(w(doc, f, &err), IND_OK);
    fclose(f);
    return s;
}

/* Rows filled by two threads through parts, across the table's blocks, then
 * rows added one by one again; CSV and JSON written on every core give the
 * same text as built here. */
typedef struct {
    ind_doc_table *part;
    size_t first, count;
} part_job;

static void *fill_part(void *arg)
{
    part_job *j = arg;
    char text[32];
    for (size_t i = j->first; i < j->first + j->count; i++) {
        ind_doc_row(j->part);
        snprintf(text, sizeof text, "r%zu", i);
        ind_doc_text(j->part, text);
        ind_doc_integer(j->part, (long long)i);
        ind_doc_number(j->part, i == 7000 ? INFINITY : 0.5 * (double)i, 1, IND_UNIT_NONE);
    }
    return NULL;
}

static void table_parts(void **state)
{
    (void)state;
    enum { ROWS = 9001 };
    ind_doc *doc = test_doc();
    static const ind_doc_column cols[] = {
        {"name", "Namn", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1},
        {"i", "i", IND_CELL_INTEGER, IND_ALIGN_RIGHT, 0, 1},
        {"half", "Hälften", IND_CELL_NUMBER, IND_ALIGN_RIGHT, 0, 1},
    };
    ind_doc_table *t = ind_doc_table_new(doc, cols, 3, NULL);
    part_job first = {NULL, 0, 1};
    first.part = t; /* row 0 the usual way */
    fill_part(&first);
    assert_int_equal(ind_doc_rows_add(t, ROWS - 2), 1);
    part_job job[2] = {{ind_doc_part_new(t, 1, 4000), 1, 4000}, {ind_doc_part_new(t, 4001, ROWS - 2 - 4000), 4001, ROWS - 2 - 4000}};
    ind_parallel_run(fill_part, job, sizeof job[0], 2);
    ind_doc_part_done(job[0].part);
    ind_doc_part_done(job[1].part);
    part_job last = {t, ROWS - 1, 1};
    fill_part(&last);
    assert_int_equal(ind_doc_table_rows(t), ROWS);
    assert_int_equal(ind_doc_infinite(doc), 1);
    assert_string_equal(ind_doc_table_cell(t, 4096, 0)->text, "r4096");
    assert_true(ind_doc_table_cell(t, 7000, 2)->kind == IND_CELL_NULL);

    size_t cap = 64 * ROWS, n = 0, m = 0;
    char *csv = malloc(cap), *json = malloc(cap);
    n += (size_t)snprintf(csv + n, cap - n, "name,i,half\r\n");
    m += (size_t)snprintf(json + m, cap - m, "[");
    for (size_t i = 0; i < ROWS; i++) {
        char half[32] = "";
        if (i != 7000)
            snprintf(half, sizeof half, i % 2 ? "%zu.5" : "%zu", i / 2);
        n += (size_t)snprintf(csv + n, cap - n, "r%zu,%zu,%s\r\n", i, i, half);
        m += (size_t)snprintf(json + m, cap - m, "%s  {\"name\": \"r%zu\", \"i\": %zu, \"half\": %s}", i ? ",\n" : "\n", i, i,
                              i == 7000 ? "null" : half);
    }
    snprintf(json + m, cap - m, "\n]\n");
    char *got = write_to_string(doc, ind_write_csv);
    assert_string_equal(got, csv);
    free(got);
    got = write_to_string(doc, ind_write_json);
    assert_string_equal(got, json);
    free(got);
    free(csv);
    free(json);
    ind_doc_free(doc);
}

static void writers_csv_json_terminal(void **state)
{
    (void)state;
    ind_doc *doc = small_table();
    char *csv = write_to_string(doc, ind_write_csv);
    /* formula guarded, quotes doubled, exact numbers, verdict codes, nothing for NaN */
    assert_string_equal(csv, "unit,value,verdict,n\r\n\"'=Norr, \"\"Söder\"\"\",6.75,met,22\r\nVäst,,no_data,\r\n");
    char *json = write_to_string(doc, ind_write_json);
    assert_string_equal(json, "[\n  {\"unit\": \"=Norr, \\\"Söder\\\"\", \"value\": 6.75, \"verdict\": \"met\", \"n\": 22},\n"
                              "  {\"unit\": \"Väst\", \"value\": null, \"verdict\": \"no_data\", \"n\": null}\n]\n");
    char *text = write_to_string(doc, ind_write_terminal);
    assert_string_equal(text, "Två rader\n\n"
                              "Enhet           Utfall  Bedömning\n"
                              "───────────────────────────────────────\n"
                              "=Norr, \"Söder\"   6,8\u00a0%  ● Uppfylls helt\n"
                              "Väst                 –  – Utfall saknas\n"
                              "\n"
                              "En not.\n");
    free(csv);
    free(json);
    free(text);
    ind_doc_free(doc);
}

/* The terminal writer at a width: a column marked to go first (shown 3) is left out and named
 * under the table, a sentence is broken at spaces within its column, numbers align right,
 * rows stand apart once one of them takes more lines; with no limit every row is one line. */
static ind_doc *sentence_table(void)
{
    ind_doc *doc = test_doc();
    static const ind_doc_column cols[] = {
        {"unit", "Namn", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1},
        {"value", "Värde", IND_CELL_NUMBER, IND_ALIGN_RIGHT, 0, 1},
        {"n", "Extra", IND_CELL_INTEGER, IND_ALIGN_RIGHT, 0, 3},
        {"sentence", "Mening", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1},
    };
    ind_doc_table *t = ind_doc_table_new(doc, cols, 4, NULL);
    ind_doc_row(t);
    ind_doc_text(t, "Norr");
    ind_doc_number(t, 6.75, 1, IND_UNIT_PERCENT);
    ind_doc_integer(t, 22);
    ind_doc_text(t, "Utfallet är lägre än årsmålet och det är en lång mening.");
    ind_doc_row(t);
    ind_doc_text(t, "Väst");
    ind_doc_number(t, NAN, 1, IND_UNIT_PERCENT);
    ind_doc_integer(t, 3);
    ind_doc_text(t, "Kort.");
    return doc;
}

static char *write_fit(const ind_doc *doc, size_t columns)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    ind_error err;
    assert_int_equal(ind_write_terminal_fit(doc, f, columns, &err), IND_OK);
    fclose(f);
    return s;
}

static void terminal_width(void **state)
{
    (void)state;
    ind_doc *doc = sentence_table();
    /* at 30 columns the comfortable widths (4, 5, 5, 16 and three gaps of 2) are 36: Extra
     * goes; the sentence gets 16 and the one column left over */
    char *narrow = write_fit(doc, 30);
    assert_string_equal(narrow, "Namn  Värde  Mening\n"
                                "──────────────────────────────\n"
                                "Norr  6,8\u00a0%  Utfallet är lägre\n"
                                "             än årsmålet och\n"
                                "             det är en lång\n"
                                "             mening.\n"
                                "\n"
                                "Väst      –  Kort.\n"
                                "Kolumner som inte fick plats:\n"
                                "Extra. Med\u00a0--wide visas alla.\n");
    char *wide = write_fit(doc, 0);
    assert_string_equal(wide, "Namn  Värde  Extra  Mening\n"
                              "────────────────────────────────────────────────────────────────────────────\n"
                              "Norr  6,8\u00a0%     22  Utfallet är lägre än årsmålet och det är en lång mening.\n"
                              "Väst      –      3  Kort.\n");
    free(narrow);
    free(wide);
    ind_doc_free(doc);

    /* a hierarchy's indent is kept on every line; a heading breaks at its soft hyphen; a
     * paragraph is broken at spaces too, and after a hyphen inside a word */
    doc = test_doc();
    static const ind_doc_column text[] = {{"text", "Text", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1}};
    ind_doc_table *t = ind_doc_table_new(doc, text, 1, NULL);
    ind_doc_row(t);
    ind_doc_text_indented(t, "Barn och unga får stöd", 1);
    static const ind_doc_column hyphen[] = {{"p", "Helårs\u00adprognos", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1}};
    t = ind_doc_table_new(doc, hyphen, 1, NULL);
    ind_doc_row(t);
    ind_doc_text(t, "Öka");
    ind_doc_paragraph(doc, "Ett stycke som är längre än raden.");
    ind_doc_paragraph(doc, "Andel granskade ärenden där FREDA-kortfrågor ställts");
    char *lines = write_fit(doc, 12);
    assert_string_equal(lines, "Text\n"
                               "────────────\n"
                               "  Barn och\n"
                               "  unga får\n"
                               "  stöd\n"
                               "\n"
                               "Helårs-\n"
                               "prognos\n"
                               "────────────\n"
                               "Öka\n"
                               "\n"
                               "Ett stycke\n"
                               "som är\n"
                               "längre än\n"
                               "raden.\n"
                               "\n"
                               "Andel\n"
                               "granskade\n"
                               "ärenden där\n"
                               "FREDA-\n" /* after a hyphen inside a word */
                               "kortfrågor\n"
                               "ställts\n");
    free(lines);
    ind_doc_free(doc);
}

static void writer_pdf_atomic(void **state)
{
    (void)state;
    ind_doc *doc = small_table();
    char path[] = "/tmp/ind-doc-XXXXXX";
    assert_non_null(mkdtemp(path));
    char file[64];
    snprintf(file, sizeof file, "%s/t.pdf", path);
    ind_write_result res = {0};
    ind_error err;
    assert_int_equal(ind_doc_write(doc, IND_OUT_PDF, file, NULL, &res, &err), IND_OK);
    assert_int_equal(res.pages, 2); /* the cover and one page (no headings: no contents page) */
    FILE *f = fopen(file, "rb");
    char head[5] = {0};
    assert_int_equal(fread(head, 1, 4, f), 4);
    fclose(f);
    assert_string_equal(head, "%PDF");
    unlink(file);
    rmdir(path);
    ind_doc_free(doc);
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *s = NULL;
    size_t cap = 0;
    FILE *m = open_memstream(&s, &cap);
    int c;
    while ((c = fgetc(f)) != EOF)
        fputc(c, m);
    fclose(f);
    fclose(m);
    *n = cap;
    return s;
}

static void writers_for_spreadsheets(void **state)
{
    (void)state;
    ind_doc *doc = small_table();
    char *sv = write_to_string(doc, ind_write_csv_sv);
    /* BOM, labels, semicolons, decimal comma, verdicts as words, formula guarded, CRLF */
    assert_string_equal(sv, "\xef\xbb\xbf" "Enhet;Utfall;Bedömning;n\r\n"
                            "\"'=Norr, \"\"Söder\"\"\";6,75;Uppfylls helt;22\r\n"
                            "Väst;;Utfall saknas;\r\n");
    free(sv);
    /* a repeated label: the shown column keeps it, the other gets its key */
    static const ind_doc_column cols[] = {{"verdict", "Bedömning", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 0},
                                          {"verdict_label", "Bed\u00f6m\u00adning", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1}};
    ind_doc_table *t = ind_doc_table_new(doc, cols, 2, NULL);
    char buf[64];
    assert_string_equal(ind_write_sheet_label(t, 0, buf, sizeof buf), "Bedömning");
    assert_string_equal(ind_write_sheet_label(t, 1, buf, sizeof buf), "Bedömning"); /* no soft hyphen */
    static const ind_doc_column same[] = {{"verdict", "Bedömning", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 0},
                                          {"verdict_label", "Bedömning", IND_CELL_TEXT, IND_ALIGN_LEFT, 0, 1}};
    t = ind_doc_table_new(doc, same, 2, NULL);
    assert_string_equal(ind_write_sheet_label(t, 0, buf, sizeof buf), "Bedömning (verdict)");
    assert_string_equal(ind_write_sheet_label(t, 1, buf, sizeof buf), "Bedömning");
    /* paper's symbol goes only in front of a verdict's words */
    ind_cell c = {.kind = IND_CELL_TEXT, .text = "\u25cf Uppfylls helt (osäker)"};
    assert_string_equal(ind_write_sheet_text(&c, IND_LANG_SV, buf, sizeof buf), "Uppfylls helt (osäker)");
    c.text = "\u25cf Annat";
    assert_string_equal(ind_write_sheet_text(&c, IND_LANG_SV, buf, sizeof buf), "\u25cf Annat");
    c = (ind_cell){.kind = IND_CELL_VERDICT, .verdict = IND_VERDICT_PARTLY, .uncertain = 1};
    assert_string_equal(ind_write_sheet_text(&c, IND_LANG_EN, buf, sizeof buf), "Partly met (uncertain)");
    /* a workbook: a zip, the same bytes twice, no temporary left */
    char dir[] = "/tmp/ind-xlsx-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[64], b[64];
    snprintf(a, sizeof a, "%s/a.xlsx", dir);
    snprintf(b, sizeof b, "%s/b.xlsx", dir);
    ind_error err;
    assert_int_equal(ind_doc_write(doc, IND_OUT_XLSX, a, NULL, NULL, &err), IND_OK);
    assert_int_equal(ind_doc_write(doc, IND_OUT_XLSX, b, NULL, NULL, &err), IND_OK);
    size_t na, nb;
    char *x = slurp(a, &na), *y = slurp(b, &nb);
    assert_true(na > 1000 && na == nb && memcmp(x, y, na) == 0 && memcmp(x, "PK", 2) == 0);
    free(x);
    free(y);
    assert_int_equal(ind_doc_write(doc, IND_OUT_XLSX, NULL, stdout, NULL, &err), IND_EUSAGE); /* not to a stream */
    unlink(a);
    unlink(b);
    assert_int_equal(rmdir(dir), 0); /* nothing else was left there */
    ind_doc_free(doc);
}

/* ---- builders ------------------------------------------------------------------------ */

static size_t find_heading(const ind_doc *doc, int level, const char *text, size_t from)
{
    for (size_t i = from; i < ind_doc_count(doc); i++) {
        const ind_block *b = ind_doc_block(doc, i);
        if (b->kind == IND_BLOCK_HEADING && b->level == level && strcmp(b->text, text) == 0)
            return i;
    }
    fail_msg("no heading \"%s\"", text);
    return 0;
}

static size_t next_of(const ind_doc *doc, ind_block_kind kind, size_t from)
{
    for (size_t i = from; i < ind_doc_count(doc); i++)
        if (ind_doc_block(doc, i)->kind == kind)
            return i;
    fail_msg("no block of kind %d after %zu", kind, from);
    return 0;
}

static void vb_of_one_unit(void **state)
{
    fixture *f = *state;
    ind_opts o;
    ind_opts_init(&o);
    const char *units[] = {"Enhet A"};
    o.units = units;
    o.unit_count = 1;
    o.year = 2025;
    ind_error err;
    ind_doc *doc = ind_build_vb(&f->in, &o, 0, &err);
    assert_non_null(doc);
    const ind_doc_meta *m = ind_doc_get_meta(doc);
    assert_string_equal(m->title, "Verksamhetsberättelse 2025: indikatorer – Enhet A");
    assert_string_equal(m->date, "2025-12-31T00:00:00");
    assert_string_equal(ind_doc_cover_at(doc, 0), "Enhet: Enhet A");
    assert_string_equal(ind_doc_cover_at(doc, 1), "Underlag: test.csv");
    /* the summary: counts, the status figure, the one below target */
    size_t s = find_heading(doc, 1, "Sammanfattning", 0);
    const ind_block *b = ind_doc_block(doc, s + 1);
    assert_int_equal(b->kind, IND_BLOCK_PARAGRAPH);
    assert_non_null(strstr(b->text, "Enhet A 2025: 2 indikatorer bedömda mot sina årsmål: 1 uppfylls helt, 0 delvis, 1 inte"));
    b = ind_doc_block(doc, s + 2);
    assert_int_equal(b->kind, IND_BLOCK_FIGURE);
    assert_int_equal(b->chart, IND_CHART_STATUS);
    assert_int_equal(((const ind_chart_status *)b->model)->count, 2);
    b = ind_doc_block(doc, next_of(doc, IND_BLOCK_LIST_ITEM, s));
    /* the golden sentence, written by hand: 5,0 against max 4 (lower is better), 0,9 above 4,1 in 2024 */
    assert_string_equal(b->text, "Sjukfrånvaro 2025: 5,0\u00a0%, över årsmålet 4,0\u00a0%. Årsmålet nås inte. "
                                 "Det är 0,9 procentenheter högre än 2024.");
    /* the goal, its assessment and its table; the indicator's chart */
    size_t g = find_heading(doc, 2, "1.1.1 Medarbetarna är delaktiga", s);
    assert_string_equal(ind_doc_block(doc, g + 1)->text,
                        "Förslag till bedömning utifrån indikatorerna: Uppfylls helt. Målets enda bedömda indikator når sitt årsmål.");
    const ind_doc_table *t = ind_doc_block(doc, next_of(doc, IND_BLOCK_TABLE, g))->table;
    assert_int_equal(ind_doc_table_rows(t), 1);
    assert_string_equal(ind_doc_table_cell(t, 0, 0)->text, "Aktivt Medskapandeindex");
    assert_int_equal(ind_doc_table_cell(t, 0, 1)->kind, IND_CELL_NUMBER);
    assert_true(ind_doc_table_cell(t, 0, 1)->value == 83);
    assert_true(ind_doc_table_cell(t, 0, 4)->value == 82); /* the year before */
    assert_string_equal(ind_doc_table_cell(t, 0, 5)->text, "82");
    assert_int_equal(ind_doc_table_cell(t, 0, 7)->verdict, IND_VERDICT_MET);
    assert_true(ind_doc_table_cell(t, 0, 7)->emphasis); /* every judged verdict in bold */
    size_t h = find_heading(doc, 3, "Aktivt Medskapandeindex", g);
    b = ind_doc_block(doc, h + 1);
    assert_int_equal(b->kind, IND_BLOCK_FIGURE);
    assert_int_equal(b->chart, IND_CHART_TREND);
    assert_true(b->height == 215);
    assert_int_equal(((const ind_chart_trend *)b->model)->count, 5);
    /* the indicators of no goal, with the men's and women's values */
    size_t r = find_heading(doc, 2, "Övriga indikatorer", g);
    t = ind_doc_block(doc, next_of(doc, IND_BLOCK_TABLE, r))->table;
    assert_string_equal(ind_doc_table_cell(t, 0, 0)->text, "Sjukfrånvaro");
    assert_true(ind_doc_table_cell(t, 0, 1)->value == 5.0);
    assert_int_equal(ind_doc_table_cell(t, 0, 1)->unit, IND_UNIT_PERCENT);
    assert_true(ind_doc_table_cell(t, 0, 2)->value == 3.9); /* men */
    assert_true(ind_doc_table_cell(t, 0, 3)->value == 5.6); /* women */
    assert_string_equal(ind_doc_table_cell(t, 0, 5)->text, "4\u00a0%");
    assert_int_equal(ind_doc_table_cell(t, 0, 6)->kind, IND_CELL_NULL);
    assert_int_equal(ind_doc_table_cell(t, 0, 7)->verdict, IND_VERDICT_NOT_MET);
    assert_true(ind_doc_table_cell(t, 0, 7)->emphasis);
    /* three units share Sjukfrånvaro: a comparison; then the methods */
    size_t c = find_heading(doc, 1, "Jämförelse med andra enheter", r);
    find_heading(doc, 2, "Sjukfrånvaro", c);
    b = ind_doc_block(doc, next_of(doc, IND_BLOCK_FIGURE, c));
    assert_int_equal(b->chart, IND_CHART_COMPARE);
    assert_int_equal(((const ind_chart_compare *)b->model)->count, 3);
    size_t k = find_heading(doc, 1, "Metod", c);
    assert_int_equal(ind_doc_block(doc, k - 1)->kind, IND_BLOCK_PAGE_BREAK);
    ind_doc_free(doc);
}

static void status_table(void **state)
{
    fixture *f = *state;
    ind_opts o;
    ind_opts_init(&o);
    const char *units[] = {"Enhet A"};
    o.units = units;
    o.unit_count = 1;
    o.year = 2024;
    ind_doc *doc = ind_build_status(&f->in, &o);
    const ind_doc_table *t = ind_doc_block(doc, 0)->table;
    assert_non_null(t);
    /* 2024: AMI 82 (met), Sjukfrånvaro 4,1 % (partly) */
    assert_int_equal(ind_doc_table_rows(t), 2);
    assert_string_equal(ind_doc_table_caption(t),
                        "2 utfall: 1 uppfylls helt, 1 delvis, 0 inte, 0 utan årsmål, 0 utan utfall, 0 litet underlag");
    size_t row = strcmp(ind_doc_table_cell(t, 0, 1)->text, "Sjukfrånvaro") == 0 ? 0 : 1;
    assert_string_equal(ind_doc_table_cell(t, row, 11)->text, "partly");
    assert_true(fabs(ind_doc_table_cell(t, row, 14)->value - (-0.1)) < 1e-12);  /* gap */
    assert_true(fabs(ind_doc_table_cell(t, row, 15)->value - (-0.025)) < 1e-12); /* gap relative */
    assert_int_equal(ind_doc_block(doc, 1)->kind, IND_BLOCK_NOTE);
    ind_doc_free(doc);
}

static void figure_images(void **state)
{
    fixture *f = *state;
    ind_opts o;
    ind_opts_init(&o);
    const char *units[] = {"Enhet A"};
    o.units = units;
    o.unit_count = 1;
    o.year = 2025;
    ind_error err;
    ind_doc *doc = ind_build_vb(&f->in, &o, 0, &err);
    const ind_block *fig = ind_doc_block(doc, next_of(doc, IND_BLOCK_FIGURE, 0));
    ind_image png, svg, again;
    assert_int_equal(ind_figure_render(fig, IND_IMAGE_PNG, 480, 192, &png, &err), IND_OK);
    assert_memory_equal(png.data, "\x89PNG", 4);
    assert_int_equal(png.px_width, 1280); /* 480 points at 192 dpi */
    assert_non_null(strstr(png.alt, "Enhet A")); /* the chart's alt text names the unit */
    assert_int_equal(ind_figure_render(fig, IND_IMAGE_PNG, 480, 192, &again, &err), IND_OK);
    assert_int_equal(again.len, png.len);
    assert_memory_equal(again.data, png.data, png.len); /* the same figure, the same bytes */
    assert_int_equal(ind_figure_render(fig, IND_IMAGE_SVG, 480, 0, &svg, &err), IND_OK);
    assert_non_null(strstr((const char *)svg.data, "<svg"));
    assert_true(fabs(svg.height - png.height) < 1e-9);
    ind_image_free(&png);
    ind_image_free(&again);
    ind_image_free(&svg);
    ind_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cells_for_people),
        cmocka_unit_test(cells_for_machines),
        cmocka_unit_test(cells_with_codes),
        cmocka_unit_test(writers_csv_json_terminal),
        cmocka_unit_test(table_parts),
        cmocka_unit_test(terminal_width),
        cmocka_unit_test(writer_pdf_atomic),
        cmocka_unit_test(writers_for_spreadsheets),
        cmocka_unit_test_setup_teardown(vb_of_one_unit, setup, teardown),
        cmocka_unit_test_setup_teardown(status_table, setup, teardown),
        cmocka_unit_test_setup_teardown(figure_images, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
