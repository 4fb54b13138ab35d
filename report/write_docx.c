/* write_docx.c: a document as a Word file: WordprocessingML parts written here, packed into a ZIP with libzip.
 *
 * The parts: [Content_Types].xml, _rels/.rels, docProps/core.xml (title,
 * subject, creator, language, the document's date), app.xml, custom.xml (the
 * document's facts as custom properties), word/document.xml (the body),
 * styles.xml (Word's own Title, Heading 1-3 with outline levels, List
 * Bullet, caption and footer styles, and the body text, note and table
 * styles), numbering.xml (the bullet list), settings.xml, footer1.xml
 * ("Sida N (M)" from PAGE and NUMPAGES fields), their relationships, and
 * word/media/figureN.png (each figure at print resolution, its alt text in
 * the picture's description).
 *
 * The same document gives the same bytes: the entries' times are the
 * document's date, ids count up in reading order, nothing random. */
#define _GNU_SOURCE
#include "write.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "archive.h"
#include "palette.h"
#include "render.h"

#define TEXT_W_TWIPS 9638    /* A4 (11906 twips) less two 2 cm margins: IND_DOC_TEXT_W */
#define EMU_PER_POINT 12700
#define FIGURE_DPI 220.0     /* pictures: 220 dpi at the text width (about 1470 pixels) */

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

typedef struct {
    const ind_doc *doc;
    const ind_doc_meta *meta;
    int en;
    ind_archive *zip;
    int figures;               /* pictures added so far (figureN.png, rIdFigN) */
    int break_before;          /* the next paragraph begins a page */
    const char *heading;       /* the last heading: what the next figure shows */
    ind_error *err;
} docx;

/* One part being written: XML into memory, then into the archive. */
typedef struct {
    FILE *f;
    char *data;
    size_t len;
} part;

/* ---- the archive ----------------------------------------------------------------------- */

/* Adds name with len bytes of data (malloc'ed; the archive frees it), deflated or stored. */
static ind_status add_entry(docx *d, const char *name, void *data, size_t len, int deflate)
{
    return ind_archive_add(d->zip, name, data, len, deflate);
}

static FILE *part_begin(part *p)
{
    memset(p, 0, sizeof *p);
    p->f = open_memstream(&p->data, &p->len);
    if (p->f)
        fputs(XML_DECL, p->f);
    return p->f;
}

static ind_status part_end(docx *d, part *p, const char *name)
{
    if (!p->f || fclose(p->f) != 0) {
        free(p->data);
        return ind_error_set(d->err, IND_ENOMEM, "", 0, 0, "out of memory writing the Word file");
    }
    return add_entry(d, name, p->data, p->len, 1);
}

/* ---- text ------------------------------------------------------------------------------ */

static const char *lang_tag(const docx *d) { return d->en ? "en-GB" : "sv-SE"; }

/* A run of text in run properties rpr (may be ""): line breaks and tabs as Word's own. */
static void run(FILE *f, const char *rpr, const char *s)
{
    fputs("<w:r>", f);
    if (rpr[0])
        fprintf(f, "<w:rPr>%s</w:rPr>", rpr);
    fputs("<w:t xml:space=\"preserve\">", f);
    while (*s) {
        size_t n = strcspn(s, "\n\t");
        ind_write_xml(f, s, n);
        s += n;
        if (*s) {
            fputs(*s == '\n' ? "</w:t><w:br/>" : "</w:t><w:tab/>", f);
            fputs("<w:t xml:space=\"preserve\">", f);
            s++;
        }
    }
    fputs("</w:t></w:r>", f);
}

/* Paragraph properties: style, then the pending page break; extra (may be "") in schema order after them. */
static void ppr(docx *d, FILE *f, const char *style, const char *extra)
{
    fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s%s</w:pPr>", style,
            d->break_before ? "<w:pageBreakBefore/>" : "", extra);
    d->break_before = 0;
}

static void paragraph(docx *d, FILE *f, const char *style, const char *text)
{
    ppr(d, f, style, "");
    run(f, "", text);
    fputs("</w:p>\n", f);
}

/* ---- the body ------------------------------------------------------------------------- */

/* Verdict colours in tables, as on paper; the symbol and the words carry the verdict too. */
static unsigned verdict_rgb(ind_verdict v)
{
    switch (v) {
    case IND_VERDICT_MET: return IND_PAL_MET;
    case IND_VERDICT_PARTLY: return IND_PAL_PARTLY;
    case IND_VERDICT_NOT_MET: return IND_PAL_NOT_MET;
    default: return IND_PAL_OTHER;
    }
}

/* s with a zero-width space after each "/" between words ("nämnd/styrelse"),
 * where a narrow column may break (Word and LibreOffice break there, not
 * inside the word); cut at size. */
static const char *slash_breaks(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s && n + 4 < size; s++) {
        out[n++] = *s;
        if (*s == '/' && s[1] && s[1] != ' ' && n > 1) {
            memcpy(out + n, "\u200b", 3);
            n += 3;
        }
    }
    out[n] = '\0';
    return out;
}

/* One cell: header cells shaded and bold (TableHeading), body cells as the
 * column aligns them, indented by depth, bold and coloured as the cell says. */
static void cell(FILE *f, const ind_doc_column *col, int width, const ind_cell *c, const char *text)
{
    int right = col->align == IND_ALIGN_RIGHT || col->kind == IND_CELL_NUMBER || col->kind == IND_CELL_INTEGER;
    fprintf(f, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
    if (!c)
        fprintf(f, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%06X\"/>", IND_PAL_HEAD_BAND);
    fputs("</w:tcPr>", f);
    fprintf(f, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", c ? "TableText" : "TableHeading");
    if (c && c->kind == IND_CELL_TEXT && c->indent > 0)
        fprintf(f, "<w:ind w:left=\"%d\"/>", 170 * c->indent);
    if (right)
        fputs("<w:jc w:val=\"right\"/>", f);
    else if (col->align == IND_ALIGN_CENTRE)
        fputs("<w:jc w:val=\"center\"/>", f);
    fputs("</w:pPr>", f);
    char rpr[64] = "";
    if (c && c->kind == IND_CELL_VERDICT)
        snprintf(rpr, sizeof rpr, "%s<w:color w:val=\"%06X\"/>", c->emphasis ? "<w:b/>" : "", verdict_rgb(c->verdict));
    else if (c && c->emphasis)
        snprintf(rpr, sizeof rpr, "<w:b/>");
    char broken[4096];
    run(f, rpr, slash_breaks(text, broken, sizeof broken));
    fputs("</w:p></w:tc>", f);
}

/* The columns' widths in twips: shown columns share the text width by their
 * relative widths (the last takes what rounding leaves); hidden ones get 0. */
static int *column_widths(const ind_doc_table *t)
{
    size_t nc = ind_doc_table_columns(t);
    int *w = calloc(nc + 1, sizeof *w);
    if (!w)
        return NULL;
    double total = 0;
    long last = -1;
    for (size_t j = 0; j < nc; j++)
        if (ind_doc_table_column(t, j)->shown) {
            double cw = ind_doc_table_column(t, j)->width;
            total += cw > 0 ? cw : 1;
            last = (long)j;
        }
    int used = 0;
    for (size_t j = 0; j < nc && last >= 0; j++) {
        double cw = ind_doc_table_column(t, j)->width;
        if (!ind_doc_table_column(t, j)->shown)
            continue;
        w[j] = (long)j == last ? TEXT_W_TWIPS - used : (int)lround(TEXT_W_TWIPS * (cw > 0 ? cw : 1) / total);
        used += w[j];
    }
    return w;
}

/* A table: its caption above it (kept with it), the header row repeated on
 * every page, rows never split across pages. */
static ind_status table(docx *d, FILE *f, const ind_doc_table *t)
{
    size_t nc = ind_doc_table_columns(t), nr = ind_doc_table_rows(t);
    int *w = column_widths(t);
    if (!w)
        return ind_error_set(d->err, IND_ENOMEM, "", 0, 0, "out of memory writing the Word file");
    const char *caption = ind_doc_table_caption(t);
    if (caption)
        paragraph(d, f, "Caption", caption);
    else if (d->break_before)
        ppr(d, f, "Normal", ""), fputs("</w:p>\n", f);
    fprintf(f, "<w:tbl><w:tblPr><w:tblStyle w:val=\"IndTable\"/><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
               "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" "
               "w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>",
            TEXT_W_TWIPS);
    if (caption) {
        fputs("<w:tblCaption w:val=\"", f);
        ind_write_xml(f, caption, strlen(caption));
        fputs("\"/>", f);
    }
    fputs("</w:tblPr><w:tblGrid>", f);
    for (size_t j = 0; j < nc; j++)
        if (ind_doc_table_column(t, j)->shown)
            fprintf(f, "<w:gridCol w:w=\"%d\"/>", w[j]);
    fputs("</w:tblGrid>\n<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>", f);
    for (size_t j = 0; j < nc; j++)
        if (ind_doc_table_column(t, j)->shown)
            cell(f, ind_doc_table_column(t, j), w[j], NULL, ind_doc_table_column(t, j)->label);
    fputs("</w:tr>\n", f);
    char buf[1200];
    for (size_t i = 0; i < nr; i++) {
        fputs("<w:tr><w:trPr><w:cantSplit/></w:trPr>", f);
        for (size_t j = 0; j < nc; j++) {
            const ind_doc_column *col = ind_doc_table_column(t, j);
            if (!col->shown)
                continue;
            ind_cell c = *ind_doc_table_cell(t, i, j);
            ind_cell plain = c;
            plain.indent = 0; /* indented by the paragraph, not by spaces */
            cell(f, col, w[j], &c, ind_cell_show(&plain, d->meta->lang, IND_SHOW_TYPESET, buf, sizeof buf));
        }
        fputs("</w:tr>\n", f);
    }
    fputs("</w:tbl>\n", f);
    free(w);
    return IND_OK;
}

/* The picture of figure n (word/media/figureN.png, relationship rIdFigN) in
 * its own paragraph: named "Figur N", titled by the heading above it (which
 * names what it shows), described by its alt text. */
static void picture(docx *d, FILE *f, int n, const ind_image *img)
{
    long cx = lround(img->width * EMU_PER_POINT), cy = lround(img->height * EMU_PER_POINT);
    const char *title = d->heading ? d->heading : d->meta->title;
    char name[32];
    snprintf(name, sizeof name, "%s %d", d->en ? "Figure" : "Figur", n);
    ppr(d, f, "Figure", "");
    fprintf(f, "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
               "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
               "<wp:docPr id=\"%d\" name=\"%s\" descr=\"",
            cx, cy, n, name);
    ind_write_xml(f, img->alt, strlen(img->alt));
    fputs("\" title=\"", f);
    ind_write_xml(f, title, strlen(title));
    fputs("\"/>", f);
    fprintf(f, "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
               "noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
               "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
               "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
               "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
               "<pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"figure%d.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
               "<pic:blipFill><a:blip r:embed=\"rIdFig%d\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
               "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm>"
               "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
               "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n",
            n, n, n, cx, cy);
}

static ind_status figure(docx *d, FILE *f, const ind_block *b)
{
    ind_image img;
    ind_status st = ind_figure_render(b, IND_IMAGE_PNG, IND_DOC_TEXT_W, FIGURE_DPI, &img, d->err);
    if (st != IND_OK)
        return st;
    int n = ++d->figures;
    char name[48];
    snprintf(name, sizeof name, "word/media/figure%d.png", n);
    st = add_entry(d, name, img.data, img.len, 0);
    img.data = NULL; /* the archive's now */
    if (st == IND_OK)
        picture(d, f, n, &img);
    ind_image_free(&img);
    return st;
}

/* Is the fact already one of the cover's lines ("Underlag: …", "Framtagen med …")? */
static int fact_on_cover(const ind_doc *doc, const char *label)
{
    size_t n = strlen(label);
    for (size_t i = 0; i < ind_doc_cover_count(doc); i++) {
        const char *line = ind_doc_cover_at(doc, i);
        if (strncmp(line, label, n) == 0 && (line[n] == ':' || line[n] == ' '))
            return 1;
    }
    return 0;
}

/* The first page: the cover's title, subtitle and lines, the facts not on
 * them in small print; then a new page. Without a cover: the title. */
static void cover(docx *d, FILE *f)
{
    const ind_doc_meta *m = d->meta;
    if (!m->cover_title) {
        paragraph(d, f, "Title", m->title);
        return;
    }
    ppr(d, f, "Title", "<w:spacing w:before=\"3600\"/>");
    run(f, "", m->cover_title);
    fputs("</w:p>\n", f);
    if (m->cover_subtitle)
        paragraph(d, f, "Subtitle", m->cover_subtitle);
    for (size_t i = 0; i < ind_doc_cover_count(d->doc); i++)
        paragraph(d, f, "Normal", ind_doc_cover_at(d->doc, i));
    for (size_t i = 0; i < ind_doc_fact_count(d->doc); i++) {
        const char *label = ind_doc_fact_label(d->doc, i), *value = ind_doc_fact_value(d->doc, i);
        if (fact_on_cover(d->doc, label) || !value[0])
            continue;
        char *line = NULL;
        if (asprintf(&line, "%s: %s", label, value) >= 0)
            paragraph(d, f, "Note", line);
        free(line);
    }
    d->break_before = 1;
}

static ind_status body(docx *d, FILE *f)
{
    static const char *const heading[] = {"Heading1", "Heading2", "Heading3"};
    ind_status st = IND_OK;
    cover(d, f);
    for (size_t i = 0; i < ind_doc_count(d->doc) && st == IND_OK; i++) {
        const ind_block *b = ind_doc_block(d->doc, i);
        switch (b->kind) {
        case IND_BLOCK_HEADING:
            d->heading = b->text;
            paragraph(d, f, heading[b->level - 1], b->text);
            break;
        case IND_BLOCK_PARAGRAPH: paragraph(d, f, "Normal", b->text); break;
        case IND_BLOCK_NOTE: paragraph(d, f, "Note", b->text); break;
        case IND_BLOCK_LIST_ITEM: paragraph(d, f, "ListBullet", b->text); break;
        case IND_BLOCK_TABLE: st = table(d, f, b->table); break;
        case IND_BLOCK_FIGURE: st = figure(d, f, b); break;
        case IND_BLOCK_PAGE_BREAK: d->break_before = 1; break;
        }
    }
    return st;
}

static ind_status document_part(docx *d)
{
    part p;
    FILE *f = part_begin(&p);
    if (!f)
        return part_end(d, &p, "word/document.xml");
    fputs("<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\" "
          "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>\n", f);
    ind_status st = body(d, f);
    /* A4, 2 cm margins, the footer 1 cm from the edge; none on the cover */
    fprintf(f, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
               "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" "
               "w:footer=\"567\" w:gutter=\"0\"/>%s</w:sectPr></w:body></w:document>\n",
            d->meta->cover_title ? "<w:titlePg/>" : "");
    if (st != IND_OK) {
        fclose(p.f);
        free(p.data);
        return st;
    }
    return part_end(d, &p, "word/document.xml");
}

/* ---- styles ---------------------------------------------------------------------------- */

/* Word's built-in styles by their canonical names (Word shows them in its
 * own language: "Rubrik 1"), and indikator's own, named in the document's
 * language. Properties in the schema's order. */
static const struct {
    const char *type, *id, *name_sv, *name_en, *based, *next, *props;
} styles[] = {
    {"paragraph", "Normal", "Normal", "Normal", NULL, NULL, ""},
    {"paragraph", "Title", "Title", "Title", "Normal", "Subtitle",
     "<w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"36\" w:space=\"12\" w:color=\"@COVER_BAND\"/></w:pBdr>"
     "<w:spacing w:after=\"240\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
     "<w:rPr><w:b/><w:kern w:val=\"28\"/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/></w:rPr>"},
    {"paragraph", "Subtitle", "Subtitle", "Subtitle", "Normal", "Normal",
     "<w:pPr><w:spacing w:after=\"720\"/></w:pPr><w:rPr><w:color w:val=\"@SUBTITLE\"/><w:sz w:val=\"30\"/></w:rPr>"},
    {"paragraph", "Heading1", "heading 1", "heading 1", "Normal", "Normal",
     "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
     "<w:rPr><w:b/><w:color w:val=\"@HEADING\"/><w:sz w:val=\"34\"/><w:szCs w:val=\"34\"/></w:rPr>"},
    {"paragraph", "Heading2", "heading 2", "heading 2", "Normal", "Normal",
     "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"280\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
     "<w:rPr><w:b/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr>"},
    {"paragraph", "Heading3", "heading 3", "heading 3", "Normal", "Normal",
     "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/></w:pPr>"
     "<w:rPr><w:b/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr>"},
    {"paragraph", "Note", "Anmärkning", "Note", "Normal", "Normal",
     "<w:pPr><w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
     "<w:rPr><w:color w:val=\"@NOTE\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>"},
    {"paragraph", "ListBullet", "List Bullet", "List Bullet", "Normal", "ListBullet",
     "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/><w:ind w:left=\"357\" "
     "w:hanging=\"357\"/><w:contextualSpacing/></w:pPr>"},
    {"paragraph", "Caption", "caption", "caption", "Normal", "Normal",
     "<w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"18\"/></w:rPr>"},
    {"paragraph", "Figure", "Figur", "Figure", "Normal", "Normal",
     "<w:pPr><w:spacing w:before=\"60\" w:after=\"160\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"},
    {"paragraph", "TableText", "Tabelltext", "Table text", "Normal", "TableText",
     "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
     "<w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>"},
    {"paragraph", "TableHeading", "Tabellrubrik", "Table heading", "TableText", "TableHeading",
     "<w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/></w:rPr>"},
    {"paragraph", "Footer", "footer", "footer", "Normal", "Footer",
     "<w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"@RULE\"/></w:pBdr>"
     "<w:tabs><w:tab w:val=\"right\" w:pos=\"9638\"/></w:tabs><w:spacing w:after=\"0\"/></w:pPr>"
     "<w:rPr><w:color w:val=\"@FOOTER\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>"},
    {"table", "TableNormal", "Normal Table", "Normal Table", NULL, NULL,
     "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
     "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
     "</w:tblCellMar></w:tblPr>"},
    {"table", "IndTable", "Indikatortabell", "Indicator table", "TableNormal", NULL,
     "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:tblPr><w:tblStyleRowBandSize w:val=\"1\"/><w:tblBorders>"
     "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"@RULE\"/>"
     "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"@RULE\"/>"
     "<w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"@HEAD_BAND\"/></w:tblBorders>"
     "<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"80\" w:type=\"dxa\"/>"
     "<w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
     "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders>"
     "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"@RULE\"/></w:tcBorders>"
     "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"@HEAD_BAND\"/></w:tcPr></w:tblStylePr>"
     "<w:tblStylePr w:type=\"band2Horz\"><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"@ROW_SHADE\"/>"
     "</w:tcPr></w:tblStylePr>"},
};

static void styles_xml(const docx *d, FILE *f)
{
    ind_write_coloured(f,
                       "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
                       "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
                       "<w:color w:val=\"@TEXT\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>",
                       "%06X");
    fprintf(f, "<w:lang w:val=\"%s\" w:eastAsia=\"%s\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>", lang_tag(d),
            lang_tag(d));
    fputs("<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr>"
          "</w:pPrDefault></w:docDefaults>\n",
          f);
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
        int normal = strcmp(styles[i].id, "Normal") == 0 || strcmp(styles[i].id, "TableNormal") == 0;
        fprintf(f, "<w:style w:type=\"%s\"%s w:styleId=\"%s\"><w:name w:val=\"%s\"/>", styles[i].type,
                normal ? " w:default=\"1\"" : "", styles[i].id, d->en ? styles[i].name_en : styles[i].name_sv);
        if (styles[i].based)
            fprintf(f, "<w:basedOn w:val=\"%s\"/>", styles[i].based);
        if (styles[i].next)
            fprintf(f, "<w:next w:val=\"%s\"/>", styles[i].next);
        fputs(strcmp(styles[i].type, "table") ? "<w:qFormat/>" : "", f);
        ind_write_coloured(f, styles[i].props, "%06X");
        fputs("</w:style>\n", f);
    }
    fputs("</w:styles>\n", f);
}

/* ---- the other parts ------------------------------------------------------------------- */

static void settings_xml(const docx *d, FILE *f)
{
    fprintf(f, "<w:settings xmlns:w=\"" NS_W "\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"1304\"/>"
               "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
               "w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
               "</w:compat><w:themeFontLang w:val=\"%s\"/><w:decimalSymbol w:val=\"%s\"/>"
               "<w:listSeparator w:val=\"%s\"/></w:settings>\n",
            lang_tag(d), d->en ? "." : ",", d->en ? "," : ";");
}

static void numbering_xml(const docx *d, FILE *f)
{
    (void)d;
    fputs("<w:numbering xmlns:w=\"" NS_W "\"><w:abstractNum w:abstractNumId=\"0\">"
          "<w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
          "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u2022\"/><w:lvlJc w:val=\"left\"/>"
          "<w:pPr><w:ind w:left=\"357\" w:hanging=\"357\"/></w:pPr></w:lvl></w:abstractNum>"
          "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>\n",
          f);
}

/* The running footer: the title, and "Sida N (M)" at the right margin. */
static void footer_xml(const docx *d, FILE *f)
{
    fputs("<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>", f);
    run(f, "", d->meta->title);
    fprintf(f, "<w:r><w:tab/><w:t xml:space=\"preserve\">%s </w:t></w:r>", d->en ? "Page" : "Sida");
    fputs("<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
          "<w:r><w:t xml:space=\"preserve\"> (</w:t></w:r>"
          "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
          "<w:r><w:t>)</w:t></w:r></w:p></w:ftr>\n",
          f);
}

static void element(FILE *f, const char *tag, const char *attrs, const char *text)
{
    fprintf(f, "<%s%s>", tag, attrs);
    ind_write_xml(f, text, strlen(text));
    fprintf(f, "</%s>", tag);
}

static void core_xml(const docx *d, FILE *f)
{
    const ind_doc_meta *m = d->meta;
    fputs("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
          "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
          f);
    element(f, "dc:title", "", m->title);
    element(f, "dc:subject", "", m->subject);
    element(f, "dc:creator", "", m->creator);
    element(f, "cp:lastModifiedBy", "", m->creator);
    element(f, "dc:language", "", lang_tag(d));
    char date[48];
    snprintf(date, sizeof date, "%.19sZ", m->date);
    element(f, "dcterms:created", " xsi:type=\"dcterms:W3CDTF\"", date);
    element(f, "dcterms:modified", " xsi:type=\"dcterms:W3CDTF\"", date);
    fputs("</cp:coreProperties>\n", f);
}

static void app_xml(const docx *d, FILE *f)
{
    fputs("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
          "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">",
          f);
    element(f, "Application", "", d->meta->creator);
    fputs("<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
          "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>\n",
          f);
}

/* The document's facts ("Underlag", "Urval", "Regel" ...) as custom properties. */
static void custom_xml(const docx *d, FILE *f)
{
    fputs("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
          "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">",
          f);
    for (size_t i = 0; i < ind_doc_fact_count(d->doc); i++) {
        const char *label = ind_doc_fact_label(d->doc, i);
        fprintf(f, "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"%zu\" name=\"", i + 2);
        ind_write_xml(f, label, strlen(label));
        fputs("\">", f);
        element(f, "vt:lpwstr", "", ind_doc_fact_value(d->doc, i));
        fputs("</property>", f);
    }
    fputs("</Properties>\n", f);
}

static void content_types_xml(const docx *d, FILE *f)
{
    (void)d;
    static const char *const parts[][2] = {
        {"/word/document.xml", "wordprocessingml.document.main"},
        {"/word/styles.xml", "wordprocessingml.styles"},
        {"/word/settings.xml", "wordprocessingml.settings"},
        {"/word/numbering.xml", "wordprocessingml.numbering"},
        {"/word/footer1.xml", "wordprocessingml.footer"},
        {"/docProps/app.xml", "extended-properties"},
        {"/docProps/custom.xml", "custom-properties"},
    };
    fputs("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          "<Default Extension=\"png\" ContentType=\"image/png\"/>"
          "<Override PartName=\"/docProps/core.xml\" "
          "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
          f);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        fprintf(f, "<Override PartName=\"%s\" ContentType=\"application/vnd.openxmlformats-officedocument.%s+xml\"/>",
                parts[i][0], parts[i][1]);
    fputs("</Types>\n", f);
}

#define REL(id, type, target) "<Relationship Id=\"" id "\" Type=\"" type "\" Target=\"" target "\"/>"
#define OFFICE_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static void package_rels_xml(const docx *d, FILE *f)
{
    (void)d;
    fputs("<Relationships xmlns=\"" NS_PKG_REL "\">" REL("rId1", OFFICE_REL "officeDocument", "word/document.xml")
          REL("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
              "docProps/core.xml") REL("rId3", OFFICE_REL "extended-properties", "docProps/app.xml")
          REL("rId4", OFFICE_REL "custom-properties", "docProps/custom.xml") "</Relationships>\n",
          f);
}

static void document_rels_xml(const docx *d, FILE *f)
{
    fputs("<Relationships xmlns=\"" NS_PKG_REL "\">" REL("rId1", OFFICE_REL "styles", "styles.xml")
          REL("rId2", OFFICE_REL "settings", "settings.xml") REL("rId3", OFFICE_REL "numbering", "numbering.xml")
          REL("rId4", OFFICE_REL "footer", "footer1.xml"),
          f);
    for (int n = 1; n <= d->figures; n++)
        fprintf(f, "<Relationship Id=\"rIdFig%d\" Type=\"" OFFICE_REL "image\" Target=\"media/figure%d.png\"/>", n, n);
    fputs("</Relationships>\n", f);
}

/* ---- the package --------------------------------------------------------------------------- */

static ind_status simple_part(docx *d, const char *name, void (*write)(const docx *, FILE *))
{
    part p;
    if (part_begin(&p))
        write(d, p.f);
    return part_end(d, &p, name);
}

/* Every part into the archive, in a fixed order (the document before its
 * relationships: they list its pictures). */
static ind_status parts(docx *d)
{
    static const struct {
        const char *name;
        void (*write)(const docx *, FILE *);
    } before[] = {{"[Content_Types].xml", content_types_xml}, {"_rels/.rels", package_rels_xml},
                  {"docProps/core.xml", core_xml},             {"docProps/app.xml", app_xml},
                  {"docProps/custom.xml", custom_xml},         {"word/styles.xml", styles_xml},
                  {"word/settings.xml", settings_xml},         {"word/numbering.xml", numbering_xml},
                  {"word/footer1.xml", footer_xml}};
    ind_status st = IND_OK;
    for (size_t i = 0; i < sizeof before / sizeof before[0] && st == IND_OK; i++)
        st = simple_part(d, before[i].name, before[i].write);
    if (st == IND_OK)
        st = document_part(d);
    if (st == IND_OK)
        st = simple_part(d, "word/_rels/document.xml.rels", document_rels_xml);
    return st;
}

ind_status ind_write_docx(const ind_doc *doc, FILE *f, ind_error *err)
{
    docx d;
    memset(&d, 0, sizeof d);
    d.doc = doc;
    d.meta = ind_doc_get_meta(doc);
    d.en = d.meta->lang == IND_LANG_EN;
    d.err = err;
    d.zip = ind_archive_new(d.meta->date, "the Word file", err);
    if (!d.zip)
        return IND_ENOMEM;
    ind_status st = parts(&d);
    if (st != IND_OK) {
        ind_archive_free(d.zip);
        return st;
    }
    return ind_archive_finish(d.zip, f);
}
