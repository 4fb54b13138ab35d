/* test_write_web.c: report/write_html.c and write_docx.c on a small document
 * made by hand: a cover, facts, headings, a note, two lists, a table with a
 * hidden column and an indented row, and two figures of one trend chart.
 *
 * The page: escaped text, headings one level down under the cover's h1,
 * lists, header cells, classes for numbers and verdicts, the facts, each
 * figure an svg role="img" named by its alt text, the glyphs both figures
 * share written once, every reference to an id that exists, nothing with
 * "http". The Word file: a ZIP with its parts
 * and one picture per figure, the same bytes twice. Both: the same bytes for
 * the same document. (The e2e test docx_html.sh reads them with python-docx,
 * LibreOffice and Chromium.) */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "write.h"
#include "lsan_fontconfig.h"

static ind_period trend_periods[3];
static const double values[] = {4.4, 4.1, 5.0};
static const double targets[] = {4, 4, 4};
static const ind_chart_series series[] = {{IND_GENDER_T, NULL, values, NULL}};

static ind_chart_trend trend_model(void)
{
    for (int k = 0; k < 3; k++)
        trend_periods[k] = ind_period_make(2023 + k, IND_PERIOD_YEAR, 0);
    ind_chart_trend m;
    memset(&m, 0, sizeof m);
    m.indicator = "Sjukfrånvaro";
    m.unit = "Enhet A";
    m.count = 3;
    m.periods = trend_periods;
    m.series_count = 1;
    m.series = series;
    m.target = targets;
    m.percent = 1;
    m.decimals = 1;
    return m;
}

static ind_chart_trend model;

static ind_doc *small_document(ind_lang lang)
{
    ind_doc_meta meta = {"Rapport <1> & \"2\"", "Om något", "Enhet A", "Verksamhetsberättelse 2025",
                         "indikator test", "2025-12-31T00:00:00", lang};
    ind_doc *doc = ind_doc_new(&meta);
    ind_doc_cover_line(doc, "Underlag: test.csv");
    ind_doc_fact(doc, "Underlag", "test.csv");
    ind_doc_fact(doc, "Regel", "delvis inom 5 %");
    ind_doc_heading(doc, 1, "Kapitel");
    ind_doc_paragraph(doc, "a < b & c");
    ind_doc_note(doc, "En not.");
    ind_doc_list_item(doc, "ett");
    ind_doc_list_item(doc, "två");
    ind_doc_paragraph(doc, "Mellan listorna.");
    ind_doc_list_item(doc, "tre");
    static const ind_doc_column cols[] = {
        {"unit", "Enhet", IND_CELL_TEXT, IND_ALIGN_LEFT, 2, 1},
        {"value", "Utfall", IND_CELL_NUMBER, IND_ALIGN_RIGHT, 1, 1},
        {"target", "KF:s årsmål", IND_CELL_TEXT, IND_ALIGN_RIGHT, 1, 1},
        {"verdict", "Bedömning", IND_CELL_VERDICT, IND_ALIGN_LEFT, 1, 1},
        {"n", "Antal svar", IND_CELL_INTEGER, IND_ALIGN_RIGHT, 0, 0},
    };
    ind_doc_table *t = ind_doc_table_new(doc, cols, 5, "Två rader");
    ind_doc_row(t);
    ind_doc_text(t, "Norr \"N\"");
    ind_doc_number(t, 6.75, 1, IND_UNIT_PERCENT);
    ind_doc_text(t, "Tas fram av nämnd/styrelse");
    ind_doc_verdict(t, IND_VERDICT_MET, 0);
    ind_doc_integer(t, 22);
    ind_doc_row(t);
    ind_doc_text_indented(t, "Delmål", 1);
    ind_doc_number(t, -2.5, 1, IND_UNIT_PERCENT);
    ind_doc_null(t);
    ind_doc_verdict(t, IND_VERDICT_NOT_MET, 1);
    ind_doc_null(t);
    ind_doc_page_break(doc);
    ind_doc_heading(doc, 2, "Figurer");
    model = trend_model();
    ind_chart_options o;
    ind_chart_options_init(&o);
    o.lang = lang;
    o.title = "";
    ind_doc_figure(doc, IND_CHART_TREND, &model, NULL, NULL, &o, 200, "Linjediagram: Sjukfrånvaro. Mer text.");
    ind_doc_figure(doc, IND_CHART_TREND, &model, NULL, NULL, &o, 200, NULL);
    return doc;
}

static char *write_to(const ind_doc *doc, ind_status (*w)(const ind_doc *, FILE *, ind_error *), size_t *len)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    ind_error err;
    assert_int_equal(w(doc, f, &err), IND_OK);
    fclose(f);
    if (len)
        *len = n;
    return s;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
        n++;
    return n;
}

/* Every href="#x" and url(#x) names an id="x" of the page. */
static void references_resolve(const char *page)
{
    static const char *const marks[] = {"href=\"#", "url(#"};
    for (int k = 0; k < 2; k++)
        for (const char *p = page; (p = strstr(p, marks[k])) != NULL;) {
            p += strlen(marks[k]);
            size_t n = strcspn(p, "\")");
            char id[80];
            assert_true(n + 6 < sizeof id);
            snprintf(id, sizeof id, " id=\"%.*s\"", (int)n, p);
            if (!strstr(page, id))
                fail_msg("a reference to %s, which is no id", id);
        }
}

static void html_page(void **state)
{
    (void)state;
    ind_doc *doc = small_document(IND_LANG_SV);
    char *page = write_to(doc, ind_write_html, NULL);
    assert_true(strncmp(page, "<!DOCTYPE html>\n<html lang=\"sv\">\n", 33) == 0);
    assert_non_null(strstr(page, "<title>Rapport &lt;1&gt; &amp; &quot;2&quot;</title>"));
    assert_int_equal(count(page, "<h1"), 1);
    assert_non_null(strstr(page, "<h1>Enhet A</h1>"));
    assert_non_null(strstr(page, "<h2 id=\"h0\">Kapitel</h2>"));
    assert_non_null(strstr(page, "<h3 id=\"h")); /* level 2 */
    assert_non_null(strstr(page, "<p>a &lt; b &amp; c</p>"));
    assert_non_null(strstr(page, "<p class=\"note\">En not.</p>"));
    assert_int_equal(count(page, "<ul>"), 2);
    assert_non_null(strstr(page, "<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n<p>Mellan listorna.</p>\n<ul>\n<li>tre</li>\n</ul>"));
    /* the contents: the two headings as links */
    assert_non_null(strstr(page, "<li><a href=\"#h0\">Kapitel</a><ol>\n<li><a href=\"#h"));
    /* the table: caption, column headers, row headers, the hidden column left out */
    assert_non_null(strstr(page, "<caption>Två rader</caption>"));
    assert_non_null(strstr(page, "<th scope=\"col\" class=\"num\">Utfall</th>"));
    assert_null(strstr(page, "Antal svar"));
    assert_non_null(strstr(page, "<th scope=\"row\">Norr &quot;N&quot;</th><td class=\"num\">6,8\u00a0%</td>"
                                 "<td class=\"r\">Tas fram av nämnd/<wbr>styrelse</td>"
                                 "<td class=\"v-met\">\u25cf Uppfylls helt</td></tr>"));
    assert_non_null(strstr(page, "<th scope=\"row\" class=\"i1\">Delmål</th><td class=\"num\">\u22122,5\u00a0%</td>"
                                 "<td class=\"r\">\u2013</td><td class=\"v-not_met\">"));
    assert_non_null(strstr(page, "\u25cb Uppfylls inte (osäker)"));
    /* the facts */
    assert_non_null(strstr(page, "<dt>Regel</dt>\n<dd>delvis inom 5 %</dd>"));
    /* figures: named by their alt text; the caption its first sentence; glyphs once */
    assert_int_equal(count(page, "<figure"), 2);
    assert_int_equal(count(page, "role=\"img\""), 2);
    assert_non_null(strstr(page, "aria-label=\"Linjediagram: Sjukfrånvaro. Mer text.\""));
    assert_non_null(strstr(page, "<figcaption>Figur 1. Linjediagram: Sjukfrånvaro.</figcaption>"));
    assert_non_null(strstr(page, "<desc>Linjediagram: Sjukfrånvaro. Mer text.</desc>"));
    assert_int_equal(count(page, "<desc>"), 2);
    size_t symbols = count(page, "<symbol");
    assert_true(symbols > 5);
    char *one = strstr(page, "<figure id=\"figure-2\"");
    assert_non_null(one);
    assert_int_equal(count(one, "<symbol"), 0); /* the second figure uses the first one's glyphs */
    assert_true(count(one, "<use") > 5);
    references_resolve(page);
    assert_null(strstr(page, "http:"));
    assert_null(strstr(page, "https:"));
    assert_null(strstr(page, "<script"));
    /* the same document, the same bytes */
    char *again = write_to(doc, ind_write_html, NULL);
    assert_string_equal(page, again);
    free(again);
    free(page);
    ind_doc_free(doc);
}

static void xml_text(void **state)
{
    (void)state;
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    ind_write_xml(f, "a<b>&\"c\"\td\x01\n", 13);
    ind_write_xml(f, "ö\xc3", 3); /* "ö" and the first byte of a cut "ö" */
    ind_write_coloured(f, "x:@MET;y:@NOPE;@media", "#%06x");
    fclose(f);
    assert_string_equal(s, "a&lt;b&gt;&amp;&quot;c&quot;&#9;d&#10;ö" "x:#0072b2;y:@NOPE;@media");
    free(s);
}

static void html_english(void **state)
{
    (void)state;
    ind_doc *doc = small_document(IND_LANG_EN);
    char *page = write_to(doc, ind_write_html, NULL);
    assert_non_null(strstr(page, "<html lang=\"en\">"));
    assert_non_null(strstr(page, "<figcaption>Figure 1. "));
    assert_non_null(strstr(page, "<h2>About the data</h2>"));
    free(page);
    ind_doc_free(doc);
}

static void docx_package(void **state)
{
    (void)state;
    ind_doc *doc = small_document(IND_LANG_SV);
    size_t n, n2;
    char *zip = write_to(doc, ind_write_docx, &n);
    assert_true(n > 1000);
    assert_memory_equal(zip, "PK\3\4", 4);
    assert_memory_equal(zip + n - 22, "PK\5\6", 4); /* the end of the central directory, no comment */
    /* entry names are stored as they are: each part once in a local header and
     * once in the central directory */
    static const char *const parts[] = {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                        "docProps/custom.xml", "word/document.xml", "word/styles.xml",
                                        "word/settings.xml", "word/numbering.xml", "word/footer1.xml",
                                        "word/_rels/document.xml.rels", "word/media/figure1.png",
                                        "word/media/figure2.png"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        size_t k = 0;
        for (const char *p = zip; (p = memmem(p, n - (size_t)(p - zip), parts[i], strlen(parts[i]))) != NULL; p++)
            k++;
        if (k != 2)
            fail_msg("%s appears %zu times", parts[i], k);
    }
    assert_null(memmem(zip, n, "word/media/figure3.png", 22));
    char *again = write_to(doc, ind_write_docx, &n2);
    assert_int_equal(n, n2);
    assert_memory_equal(zip, again, n);
    free(again);
    free(zip);
    ind_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(xml_text),
        cmocka_unit_test(html_page),
        cmocka_unit_test(html_english),
        cmocka_unit_test(docx_package),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
