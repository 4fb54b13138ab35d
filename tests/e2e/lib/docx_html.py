"""Checks of the Word and web outputs of `indikator report` (used by tests/e2e/docx_html.sh).

    docx_html.py package FILE.docx LANG          the ZIP: parts, XML, relationships, styles, language, footer, pictures
    docx_html.py docx FILE.docx STATUS.csv CATALOG GOALS UNIT YEAR HEADINGS_OUT
                                                 read with python-docx (Debian's python3-docx)
    docx_html.py html FILE.html STATUS.csv CATALOG UNIT LANG HEADINGS_OUT
                                                 parsed with html.parser
    docx_html.py png FILE.png                    a screenshot is not blank
    docx_html.py same A B                        two heading lists are the same

Expected values come from `indikator status --format csv` (outcomes, verdicts), the catalogue
(decimals, percent) and the goals file, formatted here as Swedish print does: decimal comma,
U+2212 minus, a space before "%". Exits non-zero with the reason on the first failed check.
"""
import csv
import html.parser
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zipfile
import zlib

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
WP = '{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}'
CHAPTERS_SV = ['Sammanfattning', 'Mål och indikatorer', 'Jämförelse med andra enheter', 'Metod']
TABLE_HEAD_SV = ['Indikator', 'Periodens utfall', 'Utfall män', 'Utfall kvinnor', 'Utfall {prev}', 'Årsmål',
                 'KF:s årsmål', 'Bedömning']


def fail(msg):
    sys.exit(msg)


def flat(s):
    """White space of every kind (no-break, narrow no-break, zero-width) as one plain space."""
    return re.sub(r'[\s\u00a0\u202f]+', ' ', s.replace('\u200b', '')).strip()


# ---- expected values ------------------------------------------------------------------------

def catalogue(path):
    cat = {}
    for r in csv.DictReader(open(path, encoding='utf-8')):
        for name in [r['name']] + [a for a in r['aliases'].split('|') if a]:
            cat[name.casefold()] = r
    return cat


def sv_number(value, decimals, percent):
    s = '{:,.{}f}'.format(abs(float(value)), decimals).replace(',', ' ').replace('.', ',')
    if float(value) < 0 and s.strip('0, ') != '':
        s = '\u2212' + s
    return s + (' %' if percent else '')


def expected_rows(status_csv, cat_path):
    """indicator -> {'T': '83', 'K': ..., 'M': ..., 'verdict': '● Uppfylls helt'} at the year-end period."""
    cat = catalogue(cat_path)
    rows = list(csv.DictReader(open(status_csv, encoding='utf-8')))
    out = {}
    for ind in sorted({r['indicator'] for r in rows}):
        mine = [r for r in rows if r['indicator'] == ind]
        last = max((r['period'] for r in mine), key=lambda p: (len(p), p))
        info = cat.get(ind.casefold())
        decimals = int(info['decimals']) if info and info['decimals'] else 1
        percent = bool(info) and info['measure'] == 'percent'
        e = {}
        for r in mine:
            if r['period'] == last and r['value'] != '':
                e[r['gender']] = sv_number(r['value'], decimals, percent)
            if r['period'] == last and r['gender'] == 'T':
                e['verdict'] = flat(r['verdict_label'])
        if 'T' in e:
            out[ind] = e
    if len(out) < 5:
        fail("status gives %d indicators: not what the test expects" % len(out))
    return out


def check_row(where, cells, e):
    """cells: the texts of a VB table row (indicator, total, men, women, previous, target, KF target, verdict)."""
    if flat(cells[1]) != e['T']:
        fail("%s: %s outcome %r, expected %r" % (where, cells[0], cells[1], e['T']))
    for col, g in ((2, 'M'), (3, 'K')):
        if g in e and flat(cells[col]) != e[g]:
            fail("%s: %s %s %r, expected %r" % (where, cells[0], g, cells[col], e[g]))
    if flat(cells[7]) != e['verdict'] and not flat(cells[7]).startswith(e['verdict'] + ' ('):
        fail("%s: %s verdict %r, expected %r" % (where, cells[0], cells[7], e['verdict']))


def check_tables(where, tables, expected, year):
    """tables: (header texts, rows of cell texts) of the VB's indicator tables; every indicator of the
    unit in exactly one row, the header as the VB prints it."""
    head = [h.format(prev=year - 1) for h in TABLE_HEAD_SV]
    seen = []
    for header, rows in tables:
        if [flat(h) for h in header] != head:
            fail("%s: table header %r, expected %r" % (where, header, head))
        for cells in rows:
            name = flat(cells[0])
            if name not in expected:
                fail("%s: table row %r is not an indicator of the unit" % (where, name))
            check_row(where, cells, expected[name])
            seen.append(name)
    if sorted(seen) != sorted(expected):
        fail("%s: table rows %r, expected each of %r once" % (where, sorted(seen), sorted(expected)))


def check_headings(where, heads, expected, goals_path, unit, year):
    """heads: (level, text) in order: the four chapters, each goal of the unit, each indicator."""
    top = [t for level, t in heads if level == 1]
    if top != CHAPTERS_SV:
        fail("%s: level-1 headings %r, expected %r" % (where, top, CHAPTERS_SV))
    level2 = [t for level, t in heads if level == 2]
    goals = [g for g in csv.DictReader(open(goals_path, encoding='utf-8'))
             if g['unit'] == unit and g['year'] == str(year)]
    if len(goals) < 2:
        fail("the goals file has %d goals for the unit" % len(goals))
    for g in goals:
        if '%s %s' % (g['id'], g['text']) not in level2:
            fail("%s: goal %s is not a level-2 heading" % (where, g['id']))
    level3 = [t for level, t in heads if level == 3]
    missing = [i for i in expected if i not in level3]
    if missing:
        fail("%s: indicators without a level-3 heading: %r" % (where, missing))
    for (a, _), (b, _) in zip(heads, heads[1:]):
        if b > a + 1:
            fail("%s: a heading of level %d follows one of level %d" % (where, b, a))


def save_headings(path, heads):
    with open(path, 'w', encoding='utf-8') as f:
        for level, text in heads:
            f.write('%d\t%s\n' % (level, text))


# ---- the Word package -------------------------------------------------------------------------

PARTS = ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml',
         'word/styles.xml', 'word/settings.xml', 'word/numbering.xml', 'word/footer1.xml', 'word/document.xml',
         'word/_rels/document.xml.rels']


def png_size(data):
    if data[:8] != b'\x89PNG\r\n\x1a\n' or data[12:16] != b'IHDR':
        fail("not a PNG")
    return struct.unpack('>II', data[16:24])


def check_package(path, lang):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    media = [n for n in names if n.startswith('word/media/')]
    if sorted(set(names) - set(media)) != sorted(PARTS):
        fail("parts %r, expected %r and media" % (sorted(set(names) - set(media)), sorted(PARTS)))
    if names[0] != '[Content_Types].xml':
        fail("[Content_Types].xml is not the first entry")
    xml = {n: ET.fromstring(z.read(n)) for n in names if n.endswith('.xml') or n.endswith('.rels')}
    # every part has a content type; every relationship's target is in the package
    ct = xml['[Content_Types].xml']
    overrides = {o.get('PartName') for o in ct}
    defaults = {d.get('Extension') for d in ct if d.get('Extension')}
    for n in names:
        if '/' + n not in overrides and n.rsplit('.', 1)[-1] not in defaults:
            fail("%s has no content type" % n)
    for rels, base in (('_rels/.rels', ''), ('word/_rels/document.xml.rels', 'word/')):
        for r in xml[rels]:
            if base + r.get('Target') not in names:
                fail("%s: target %s is not in the package" % (rels, r.get('Target')))
    # real heading styles with outline levels; the language in the defaults
    styles = xml['word/styles.xml']
    for k in (1, 2, 3):
        s = styles.find("%sstyle[@%sstyleId='Heading%d']" % (W, W, k))
        if s is None or s.find(W + 'name').get(W + 'val') != 'heading %d' % k:
            fail("no style Heading%d named 'heading %d'" % (k, k))
        o = s.find('%spPr/%soutlineLvl' % (W, W))
        if o is None or o.get(W + 'val') != str(k - 1):
            fail("Heading%d has no outline level %d" % (k, k - 1))
    tag = 'sv-SE' if lang == 'sv' else 'en-GB'
    lang_el = styles.find('%sdocDefaults/%srPrDefault/%srPr/%slang' % (W, W, W, W))
    if lang_el is None or lang_el.get(W + 'val') != tag:
        fail("the default language is not %s" % tag)
    core = z.read('docProps/core.xml').decode()
    if '<dc:language>%s</dc:language>' % tag not in core or '<dc:title>' not in core:
        fail("core.xml lacks the language or title")
    footer = z.read('word/footer1.xml').decode()
    if 'w:instr=" PAGE "' not in footer or ('Sida' if lang == 'sv' else 'Page') not in footer:
        fail("the footer has no page number")
    # pictures: PNG, at least 200 dpi at the size they are shown
    doc = xml['word/document.xml']
    extents = [e for e in doc.iter(WP + 'extent')]
    if len(extents) != len(media) or not media:
        fail("%d pictures placed, %d in the package" % (len(extents), len(media)))
    for n, e in zip(sorted(media, key=lambda m: int(re.sub(r'\D', '', m))), extents):
        w, h = png_size(z.read(n))
        inches = int(e.get('cx')) / 914400
        if w / inches < 200:
            fail("%s: %d pixels over %.2f inches, %.0f dpi" % (n, w, inches, w / inches))
        if z.getinfo(n).compress_type != zipfile.ZIP_STORED:
            fail("%s is compressed twice" % n)
    print("%d parts, %d pictures" % (len(names), len(media)))


# ---- python-docx --------------------------------------------------------------------------------

def check_docx(path, status_csv, cat_path, goals_path, unit, year, heads_out):
    import docx  # Debian's python3-docx
    year = int(year)
    d = docx.Document(path)
    expected = expected_rows(status_csv, cat_path)
    heads = []
    for p in d.paragraphs:
        m = re.fullmatch(r'Heading (\d)', p.style.name)
        if m:
            heads.append((int(m.group(1)), p.text))
    check_headings(path, heads, expected, goals_path, unit, year)
    tables = []
    for t in d.tables:
        rows = [[c.text for c in r.cells] for r in t.rows]
        if rows and flat(rows[0][0]) == 'Indikator' and len(rows[0]) == 8:
            if not t.rows[0]._tr.trPr.xpath('./w:tblHeader'):
                fail("a table's header row is not repeated on each page")
            tables.append((rows[0], rows[1:]))
    if not tables:
        fail("no indicator table")
    check_tables(path, tables, expected, year)
    pics = d.inline_shapes
    if len(pics) < len(expected):
        fail("%d pictures for %d indicators" % (len(pics), len(expected)))
    descrs = [p._inline.docPr.get('descr') or '' for p in pics]
    if any(len(x) < 20 for x in descrs) or any(not p._inline.docPr.get('title') for p in pics):
        fail("a picture without a description or title")
    text = ' '.join(descrs)
    missing = [i for i in expected if i not in text]
    if missing:
        fail("indicators no picture describes: %r" % missing)
    cp = d.core_properties
    if cp.title != 'Verksamhetsberättelse %d: indikatorer – %s' % (year, unit) or cp.language != 'sv-SE':
        fail("core properties: title %r, language %r" % (cp.title, cp.language))
    save_headings(heads_out, heads)
    print("%d headings, %d tables, %d pictures" % (len(heads), len(tables), len(pics)))


# ---- HTML -------------------------------------------------------------------------------------

class Page(html.parser.HTMLParser):
    """The parts of a page the checks need, collected in one pass."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.heads, self.tables, self.figures = [], [], [], []
        self.ids, self.refs, self.urls, self.tags, self.meta = [], [], [], {}, []
        self.lang = self.title = None
        self.text_of = None  # [tag, text] being collected
        self.row = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if 'id' in a:
            self.ids.append(a['id'])
        for k in ('href', 'xlink:href', 'src', 'action', 'data', 'poster', 'srcset'):
            if k in a:
                (self.refs if a[k].startswith('#') else self.urls).append(a[k])
        for v in a.values():
            self.refs += ['#' + m for m in re.findall(r'url\(#([^)]*)\)', v or '')]
        if tag == 'html':
            self.lang = a.get('lang')
        elif tag == 'meta':
            self.meta.append(a)
        elif tag == 'table':
            self.tables.append({'caption': None, 'head': [], 'rows': [], 'scopes': []})
        elif tag == 'tr' and self.tables:
            self.row = []
        elif tag in ('th', 'td') and self.row is not None:
            self.tables[-1]['scopes'].append((tag, a.get('scope'), len(self.row), 'thead' in self.stack))
        elif tag == 'figure':
            self.figures.append({'svg': None, 'title': '', 'desc': '', 'caption': ''})
        elif tag == 'svg' and self.figures:
            self.figures[-1]['svg'] = a
        if tag in ('h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title', 'desc', 'figcaption', 'caption', 'th', 'td'):
            self.text_of = [tag, '']
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
        t = self.text_of
        if t and t[0] == tag:
            self.text_of = None
            s = flat(t[1])
            if tag[0] == 'h' and tag[1:].isdigit():
                self.heads.append((int(tag[1]), s, 'main' in self.stack))
            elif tag == 'title' and 'svg' not in self.stack:
                self.title = s
            elif tag in ('title', 'desc') and self.figures:
                self.figures[-1][tag] = s
            elif tag == 'figcaption':
                self.figures[-1]['caption'] = s
            elif tag == 'caption':
                self.tables[-1]['caption'] = s
            elif tag in ('th', 'td') and self.row is not None:
                self.row.append(s)
        if tag == 'tr' and self.row is not None:
            (self.tables[-1]['head'] if not self.tables[-1]['head'] else self.tables[-1]['rows']).append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.text_of:
            self.text_of[1] += data


def check_page_rules(path, p, raw):
    if not raw.startswith('<!DOCTYPE html>'):
        fail("%s: no <!DOCTYPE html>" % path)
    if not any(m.get('charset', '').lower() == 'utf-8' for m in p.meta):
        fail("%s: no <meta charset>" % path)
    if not any(m.get('name') == 'viewport' for m in p.meta):
        fail("%s: no <meta name=viewport>" % path)
    if not p.title:
        fail("%s: no <title>" % path)
    if [h[0] for h in p.heads].count(1) != 1 or p.heads[0][0] != 1:
        fail("%s: not exactly one h1, first" % path)
    # nothing from outside: no URL but fragments, no scripts, no linked files, no url() but url(#…)
    if p.urls or any(p.tags.get(t) for t in ('script', 'link', 'img', 'iframe', 'object', 'embed', 'base')):
        fail("%s: refers outside itself: %r %r" % (path, p.urls[:3], p.tags))
    if re.search(r'https?:|@import|url\((?!#)', raw):
        fail("%s: an external URL: %r" % (path, re.search(r'.{30}(https?:|@import|url\((?!#)).{30}', raw).group(0)))
    if "default-src 'none'" not in raw or '@media print' not in raw:
        fail("%s: no Content-Security-Policy or no print stylesheet" % path)
    if len(set(p.ids)) != len(p.ids):
        fail("%s: ids used twice: %r" % (path, sorted({i for i in p.ids if p.ids.count(i) > 1})[:5]))
    dangling = sorted({r[1:] for r in p.refs} - set(p.ids))
    if dangling:
        fail("%s: references to no id: %r" % (path, dangling[:5]))
    for f in p.figures:
        s = f['svg']
        if not s or s.get('role') != 'img' or len(s.get('aria-label', '')) < 20 or not f['title'] \
                or f['desc'] != flat(s.get('aria-label', '')) or not f['caption']:
            fail("%s: a figure without its text alternative: %r" % (path, f))
    for t in p.tables:
        heads = [x for x in t['scopes'] if x[3]]
        body = [x for x in t['scopes'] if not x[3]]
        if not heads or any(x[0] != 'th' or x[1] != 'col' for x in heads):
            fail("%s: a table without column header cells" % path)
        if any((x[2] == 0) != (x[0] == 'th' and x[1] == 'row') for x in body):
            fail("%s: a table row whose first cell is not its header (th scope=row)" % path)


def check_html(path, status_csv, cat_path, unit, lang, heads_out):
    raw = open(path, encoding='utf-8').read()
    p = Page()
    p.feed(raw)
    p.close()
    if p.lang != lang:
        fail("%s: lang=%r, expected %r" % (path, p.lang, lang))
    check_page_rules(path, p, raw)
    if not p.figures or not p.tables:
        fail("%s: %d figures, %d tables" % (path, len(p.figures), len(p.tables)))
    heads = [(lvl - 1, t) for lvl, t, in_main in p.heads if in_main]  # the document's own, one level down
    save_headings(heads_out, heads)
    if status_csv != '-':
        expected = expected_rows(status_csv, cat_path)
        year = int(re.search(r'(\d{4})', p.title).group(1))
        check_tables(path, [(t['head'][0], t['rows']) for t in p.tables if t['head'] and len(t['head'][0]) == 8
                            and t['head'][0][0] == 'Indikator'], expected, year)
    print("%d headings, %d tables, %d figures" % (len(p.heads), len(p.tables), len(p.figures)))


# ---- screenshots --------------------------------------------------------------------------------

def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG."""
    data = open(path, 'rb').read()
    w, h = png_size(data)
    depth, ctype = data[24], data[25]
    if depth != 8 or ctype not in (2, 6):
        fail("%s: PNG of depth %d, colour type %d" % (path, depth, ctype))
    bpp = 3 if ctype == 2 else 4
    idat, i = b'', 8
    while i < len(data):
        n, kind = struct.unpack('>I4s', data[i:i + 8])
        if kind == b'IDAT':
            idat += data[i + 8:i + 8 + n]
        i += 12 + n
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def check_png(path):
    w, h, bpp, rows = png_pixels(path)
    colours, ink = set(), 0
    for r in rows[::4]:
        for x in range(0, w * bpp, 4 * bpp):
            px = r[x:x + 3]
            colours.add(px)
            ink += max(px) < 200
    samples = len(rows[::4]) * len(range(0, w * bpp, 4 * bpp))
    if len(colours) < 8 or ink < samples / 200:
        fail("%s looks blank: %d colours, %d of %d samples dark" % (path, len(colours), ink, samples))
    print("%dx%d, %d colours, %.1f %% dark" % (w, h, len(colours), 100.0 * ink / samples))


def same(a, b):
    x, y = open(a, encoding='utf-8').read(), open(b, encoding='utf-8').read()
    if x != y:
        fail("the headings differ:\n%s\n---\n%s" % (x[:600], y[:600]))


if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    {'package': check_package, 'docx': check_docx, 'html': check_html, 'png': check_png, 'same': same}[cmd](*args)
