/* doc.h: the format-independent document every output is written from: blocks of headings, text, tables with typed cells, and figures. */
#ifndef IND_DOC_H
#define IND_DOC_H

#include <stddef.h>
#include <string.h> /* ind_cell_label */

#include "attain.h" /* ind_verdict */
#include "charts.h" /* ind_chart_kind, chart models */
#include "ind_error.h"
#include "lang.h"

/* A document is a title block and a list of blocks in reading order. It is
 * built by the builders (build.h) from engine results in one language, and
 * written by the writers (write.h) to a terminal, CSV, JSON, PDF, HTML, Word
 * or Excel. It holds no statistics of its own: every number in it was
 * computed by the engine; a cell keeps the number and how to show it, never
 * a preformatted string, so each writer shows it its own way (exact in CSV,
 * a number with a format in Excel, "6,7 %" on paper).
 *
 * Ownership: the document owns everything added to it. Strings are copied
 * into it; a figure's chart model is handed over with the function that
 * frees it. ind_doc_free releases all of it. */
typedef struct ind_doc ind_doc;

/* The reference page: A4 in points with 2 cm margins. Figure heights and
 * table widths in a document are given at its text width; a writer for
 * another page scales them. */
#define IND_DOC_PAGE_W 595.276
#define IND_DOC_PAGE_H 841.890
#define IND_DOC_MARGIN 56.69
#define IND_DOC_TEXT_W (IND_DOC_PAGE_W - 2 * IND_DOC_MARGIN)

/* ---- title block ------------------------------------------------------------- */

typedef struct {
    const char *title;       /* the document's title: metadata, running footer, first heading */
    const char *subject;     /* metadata subject (one sentence) */
    const char *cover_title; /* the cover's large line (the unit); NULL = no cover page */
    const char *cover_subtitle;
    const char *creator;     /* "indikator 0.1.0" */
    const char *date;        /* ISO 8601 date of the document, fixed so the same input gives
                                the same bytes: "2025-12-31T00:00:00" */
    ind_lang lang;
} ind_doc_meta;

ind_doc *ind_doc_new(const ind_doc_meta *meta);
void ind_doc_free(ind_doc *doc);
const ind_doc_meta *ind_doc_get_meta(const ind_doc *doc);
/* How many infinite numbers ind_doc_number left empty (a note tells people). */
size_t ind_doc_infinite(const ind_doc *doc);
/* A fact line on the cover ("Enhet: …", "Underlag: …"). */
void ind_doc_cover_line(ind_doc *doc, const char *text);
size_t ind_doc_cover_count(const ind_doc *doc);
const char *ind_doc_cover_at(const ind_doc *doc, size_t i);

/* Facts about the document's basis, label and value ("Underlag": "demo.csv";
 * "Urval": "Vuxenenheten, 2025"; "Regel": …): the "Om underlaget" sheet of a
 * workbook, the document properties of a Word file, a web page's footer. */
void ind_doc_fact(ind_doc *doc, const char *label, const char *value);
size_t ind_doc_fact_count(const ind_doc *doc);
const char *ind_doc_fact_label(const ind_doc *doc, size_t i);
const char *ind_doc_fact_value(const ind_doc *doc, size_t i);

/* ---- cells --------------------------------------------------------------------- */

typedef enum {
    IND_CELL_NULL = 0, /* nothing: "–" for people, empty/null for machines */
    IND_CELL_TEXT,
    IND_CELL_NUMBER,   /* value, shown with decimals and unit */
    IND_CELL_INTEGER,  /* value, a whole number (a count, a rank, a line) */
    IND_CELL_VERDICT   /* verdict (+ uncertain): the code for machines, symbol and words for people */
} ind_cell_kind;

typedef enum {
    IND_UNIT_NONE = 0,
    IND_UNIT_PERCENT,  /* the value is a percentage (6.7 means 6,7 %) */
    IND_UNIT_SHARE,    /* the value is a fraction shown as a percentage (0.067: 6,7 %) */
    IND_UNIT_PVALUE    /* a p-value: "< 0,001", else two or three decimals */
} ind_unit;

/* A cell is 16 bytes: a table of every series holds millions of them, and
 * their fresh pages were a fifth of `trend`'s time at 64 bytes, a sixth at 32.
 * A cell holds a number or a text, never both. */
typedef struct {
    union {
        double value;          /* NUMBER, INTEGER */
        const char *text;      /* TEXT (owned by the document); for a code, what machines read */
    };
    ind_cell_kind kind : 4;
    ind_unit unit : 4;
    signed int decimals : 8;   /* NUMBER: digits after the decimal comma for people */
    ind_verdict verdict : 4;   /* VERDICT */
    unsigned uncertain : 1;    /* VERDICT: "(osäker)" */
    unsigned emphasis : 1;     /* bold on paper */
    unsigned quiet : 1;        /* for machines only: people see nothing (a figure that is not the judgement) */
    unsigned labelled : 1;     /* TEXT: what people read (a code's words) follows text's NUL */
    unsigned indent : 8;       /* TEXT: depth in a hierarchy, indented for people (two spaces a level) */
} ind_cell;
_Static_assert(sizeof(ind_cell) == 16, "a cell is 16 bytes");

/* What people read of a TEXT cell: a code's words, else its text. */
static inline const char *ind_cell_label(const ind_cell *c)
{
    return c->labelled ? c->text + strlen(c->text) + 1 : c->text;
}

/* How a writer shows numbers to people. */
enum {
    IND_SHOW_TYPESET = 1 << 0 /* U+2212 minus, no-break space before "%" (paper, web);
                                 else ASCII (the terminal) */
};

/* The text a person reads for a cell, in lang: "6,7 %", "< 0,001", "● Uppfylls helt",
 * "–" for nothing. Returns buf. */
const char *ind_cell_show(const ind_cell *c, ind_lang lang, unsigned show, char *buf, size_t size);
/* The exact text for machines (CSV, JSON): shortest round-trip numbers, verdict
 * codes; NULL for a NULL cell. */
const char *ind_cell_machine(const ind_cell *c, char *buf, size_t size);

/* ---- blocks ---------------------------------------------------------------------- */

typedef enum {
    IND_BLOCK_HEADING = 0,
    IND_BLOCK_PARAGRAPH,
    IND_BLOCK_NOTE,       /* small print under what it explains: a rule, a method, a source */
    IND_BLOCK_LIST_ITEM,  /* one item of a bulleted list (consecutive items make one list) */
    IND_BLOCK_TABLE,
    IND_BLOCK_FIGURE,
    IND_BLOCK_PAGE_BREAK  /* a new page on paper; nothing elsewhere */
} ind_block_kind;

typedef enum { IND_ALIGN_LEFT = 0, IND_ALIGN_RIGHT, IND_ALIGN_CENTRE } ind_align;

typedef struct {
    const char *key;   /* machine name: the CSV header, the JSON key */
    const char *label; /* the heading people read, in the document's language */
    ind_cell_kind kind;/* what its cells hold (machine typing: quoted text or a number) */
    ind_align align;
    double width;      /* relative width on paper; 0 = 1 */
    int shown;         /* shown to people (terminal, paper): 0, machine formats only; 1, always;
                          2, 3, …: on a terminal too narrow for every column, left out to make
                          room, the highest first (the rightmost of equals) */
} ind_doc_column;

typedef struct ind_doc_table ind_doc_table;

typedef struct {
    ind_block_kind kind;
    int level;                 /* HEADING: 1-3 */
    const char *text;          /* HEADING, PARAGRAPH, NOTE, LIST_ITEM */
    ind_doc_table *table;      /* TABLE */
    /* FIGURE */
    ind_chart_kind chart;
    const void *model;         /* the chart model (its kind's struct) */
    const ind_chart_options *chart_options;
    double height;             /* points at the text width of a page; 0 = as the chart asks */
    const char *alt;           /* alt text; NULL = the chart's own, written from the model */
} ind_block;

size_t ind_doc_count(const ind_doc *doc);
const ind_block *ind_doc_block(const ind_doc *doc, size_t i);

void ind_doc_heading(ind_doc *doc, int level, const char *text);
void ind_doc_paragraph(ind_doc *doc, const char *text);
void ind_doc_note(ind_doc *doc, const char *text);
void ind_doc_list_item(ind_doc *doc, const char *text);
void ind_doc_page_break(ind_doc *doc);
/* A figure: the model (of the kind's struct) is owned by the document from
 * now on and released by free_model(owner) (owner may differ from model when the
 * model lives inside a larger object); options are copied, their strings too. */
void ind_doc_figure(ind_doc *doc, ind_chart_kind kind, const void *model, void *owner, void (*free_model)(void *),
                    const ind_chart_options *options, double height, const char *alt);

/* ---- tables ------------------------------------------------------------------------ */

/* A table with columns (copied) and rows of cells, added as a block. caption,
 * when not NULL, is the line above it (the terminal prints it; paper and web
 * use it as the table's caption). */
ind_doc_table *ind_doc_table_new(ind_doc *doc, const ind_doc_column *columns, size_t count, const char *caption);
const char *ind_doc_table_caption(const ind_doc_table *t);
/* The caption, when it is known only after the rows (a count). */
void ind_doc_table_set_caption(ind_doc *doc, ind_doc_table *t, const char *caption);
size_t ind_doc_table_columns(const ind_doc_table *t);
const ind_doc_column *ind_doc_table_column(const ind_doc_table *t, size_t j);
size_t ind_doc_table_rows(const ind_doc_table *t);
const ind_cell *ind_doc_table_cell(const ind_doc_table *t, size_t row, size_t column);

/* Row by row: a row is begun, then filled cell by cell from the left. */
void ind_doc_row(ind_doc_table *t);
void ind_doc_text(ind_doc_table *t, const char *s);           /* NULL: "" */
void ind_doc_number(ind_doc_table *t, double v, int decimals, ind_unit unit); /* NaN: null */
void ind_doc_integer(ind_doc_table *t, long long v);
void ind_doc_pvalue(ind_doc_table *t, double p);
void ind_doc_verdict(ind_doc_table *t, ind_verdict v, int uncertain);
void ind_doc_null(ind_doc_table *t);
/* A code for machines ("pair", "met") shown to people as label ("par"). */
void ind_doc_code(ind_doc_table *t, const char *code, const char *label);
/* A text indented by depth levels for people (a sub-goal under its goal). */
void ind_doc_text_indented(ind_doc_table *t, const char *s, int depth);
/* The cell just added is for machines only: people see it empty. */
void ind_doc_quiet(ind_doc_table *t);
/* Emphasis of the cell just added (bold on paper). */
void ind_doc_emphasis(ind_doc_table *t);

/* Rows filled on several cores. The builder adds count rows at once
 * (ind_doc_rows_add returns the first's index), then hands each thread a part:
 * a table of its own over count of those rows from first, filled with the
 * calls above (ind_doc_row and the cells), keeping its texts apart so that no
 * two threads share anything. ind_doc_part_done, in the builder's thread after
 * the threads are joined, gives the part's texts to the document; every row
 * of a part must have been begun by then. The rows cost no page faults until
 * a part begins them, so those are spread over the cores too. */
size_t ind_doc_rows_add(ind_doc_table *t, size_t count);
ind_doc_table *ind_doc_part_new(ind_doc_table *t, size_t first, size_t count);
void ind_doc_part_done(ind_doc_table *part);

#endif
