"""xlsx_read.py: reads indikator's Excel workbooks and Swedish-Excel CSV back (openpyxl 3.0,
Debian's python3-openpyxl) and checks them against the exact CSV and JSON of the same command.

Run by tests/e2e/xlsx.sh with Debian's /usr/bin/python3:
  xlsx_read.py table CMD LANG XLSX CSV JSON       one command's table, cell by cell
  xlsx_read.py vb LANG XLSX STATUS_CSV UNIT       a VB workbook against `status --gender all`
  xlsx_read.py csvsv CSVSV CSV JSON XLSX          the CSV for Swedish Excel against the CSV
  xlsx_read.py stable XLSX DATE                   no clock in the bytes: zip dates, created
  xlsx_read.py shown LOCSV XLSX                   LibreOffice's text of the first sheet (sv-SE)
  xlsx_read.py names XLSX NAME...                 the sheets' names; formula-like text is text
Exits non-zero with a message on the first difference."""
import csv
import io
import json
import re
import sys
import zipfile
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import openpyxl

SYMBOLS = ("\u25cf ", "\u25d0 ", "\u25cb ", "\u2013 ")  # paper's verdict symbols and a space
VERDICTS = {
    "sv": ["Uppfylls helt", "Uppfylls delvis", "Uppfylls inte", "Årsmål saknas", "Utfall saknas",
           "Litet underlag", "Riktning okänd"],
    "en": ["Met", "Partly met", "Not met", "No target", "No data", "Small base", "Direction unknown"],
}
# labels a person must find among the headers (docs/formats.md lists the columns)
HEADERS = {
    ("status", "sv"): ["Enhet", "Indikator", "Period", "Kön", "Utfall", "Årsmål", "Bedömning"],
    ("status", "en"): ["Unit", "Indicator", "Period", "Sex", "Outcome", "Target", "Verdict"],
    ("flag", "sv"): ["Enhet", "Period", "Avstånd rel.", "Mening för VB"],
    ("flag", "en"): ["Unit", "Period", "Gap rel.", "Sentence for the VB"],
    ("goals", "sv"): ["Enhet", "År", "Mål", "Helt", "Delvis", "Inte"],
    ("goals", "en"): ["Unit", "Year", "Goal", "Met", "Partly", "Not met"],
    ("trend", "sv"): ["Enhet", "Indikator", "Kön", "Senaste värde", "MK p", "Sen/år"],
    ("trend", "en"): ["Unit", "Indicator", "Sex", "Latest value", "MK p", "Sen/yr"],
    ("compare", "sv"): ["Rad", "Enhet", "Mot", "p", "p just.", "Skattning", "Slutsats"],
    ("compare", "en"): ["Row", "Unit", "Against", "p", "p adj.", "Estimate", "Conclusion"],
    ("spc", "sv"): ["Rad", "Period", "Värde", "Mittlinje", "Nedre gräns", "Övre gräns", "Regel"],
    ("spc", "en"): ["Row", "Period", "Value", "Centre", "Lower limit", "Upper limit", "Rule"],
    ("check", "sv"): ["Vad", "Namn", "Värde"],
    ("check", "en"): ["What", "Name", "Value"],
}
ABOUT = {
    "sv": ("Om underlaget", ("Uppgift", "Värde"), "Blad",
           ["Underlag", "Urval", "Regel", "Uppgifter till och med", "Framtagen med"]),
    "en": ("About the data", ("Item", "Value"), "Sheet",
           ["Data", "Selection", "Rule", "Data up to", "Made with"]),
}


def fail(msg):
    sys.exit(msg)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    return rows[0], rows[1:]


def expected_text(s):
    """The CSV's text as a spreadsheet holds it: no formula guard, no verdict symbol."""
    if len(s) > 1 and s[0] == "'" and s[1] in "=+-@\t\r":
        s = s[1:]
    for sym in SYMBOLS:
        if s.startswith(sym) and any(s[len(sym):].startswith(v) for vs in VERDICTS.values() for v in vs):
            return s[len(sym):]
    return s


def check_cell(where, want_text, typed, got):
    """typed: the JSON's value (a number, a string or None)."""
    if want_text == "":
        if got not in (None, ""):
            fail("%s: %r, expected an empty cell" % (where, got))
        return
    if isinstance(typed, (int, float)) and not isinstance(typed, bool):
        if not isinstance(got, (int, float)) or isinstance(got, bool):
            fail("%s: %r is not a number (CSV %s)" % (where, got, want_text))
        if float(got) != float(want_text):
            fail("%s: %r != %s (not the same double)" % (where, got, want_text))
        return
    if got != expected_text(want_text):
        fail("%s: %r, expected %r" % (where, got, expected_text(want_text)))


def col_letter(j):
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s


def check_sheet_shape(ws, ncols, nrows):
    """An Excel table over header and rows, with autofilter, the header frozen and bold."""
    if ws.freeze_panes != "A2":
        fail("%s: frozen at %r, expected A2" % (ws.title, ws.freeze_panes))
    if len(ws.tables) != 1:
        fail("%s: %d tables, expected one" % (ws.title, len(ws.tables)))
    table = list(ws.tables.values())[0]
    ref = "A1:%s%d" % (col_letter(ncols - 1), max(nrows, 1) + 1)
    if table.ref != ref:
        fail("%s: table over %s, expected %s" % (ws.title, table.ref, ref))
    if table.autoFilter is None or table.autoFilter.ref != ref:
        fail("%s: no autofilter over the table" % ws.title)
    for j in range(ncols):
        if not ws.cell(1, j + 1).font.b:
            fail("%s: header %s not bold" % (ws.title, col_letter(j)))
        width = ws.column_dimensions[col_letter(j)].width
        if not 6 <= width <= 61:
            fail("%s: column %s width %r outside 6..61" % (ws.title, col_letter(j), width))


def check_about(wb, lang, data_sheets):
    name, head, sheet_item, facts = ABOUT[lang]
    if wb.sheetnames[-1] != name:
        fail("last sheet %r, expected %r" % (wb.sheetnames[-1], name))
    rows = list(wb[name].iter_rows(values_only=True))
    if tuple(rows[0]) != head:
        fail("%s: header %r" % (name, rows[0]))
    items = [r[0] for r in rows[1:]]
    for f in facts:
        if f not in items:
            fail("%s: no %r among %r" % (name, f, items))
    listed = [r[1].split(": ")[0] for r in rows[1:] if r[0] == sheet_item]
    for s in data_sheets:
        if s not in listed:
            fail("%s: sheet %r not described (%r)" % (name, s, listed))
    check_sheet_shape(wb[name], 2, len(rows) - 1)


def no_glyphs(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, str) and any(g in v for g in "\u25cf\u25d0\u25cb"):
                    fail("%s: a verdict symbol in %r" % (ws.title, v))


def table(cmd, lang, xlsx, csv_path, json_path):
    keys, rows = read_csv(csv_path)
    typed = json.load(open(json_path, encoding="utf-8"))
    if len(typed) != len(rows):
        fail("JSON has %d rows, CSV %d" % (len(typed), len(rows)))
    wb = openpyxl.load_workbook(xlsx)
    ws = wb.worksheets[0]
    cells = list(ws.iter_rows(values_only=True))
    head = list(cells[0])
    if len(head) != len(keys):
        fail("%d headers, the CSV %d columns" % (len(head), len(keys)))
    if len(set(h.lower() for h in head)) != len(head):
        fail("headers repeat: %r" % head)
    for h in HEADERS[(cmd, lang)]:
        if h not in head:
            fail("header %r missing from %r" % (h, head))
    data = cells[1:] if rows else []
    if len(data) != len(rows):
        fail("%d rows, the CSV %d" % (len(data), len(rows)))
    numbers = 0
    for i, (want, got) in enumerate(zip(rows, data)):
        for j, k in enumerate(keys):
            check_cell("row %d column %s (%s)" % (i + 2, col_letter(j), k), want[j], typed[i][k], got[j])
            numbers += isinstance(typed[i][k], (int, float)) and not isinstance(typed[i][k], bool)
    check_formats(ws, keys, typed, cmd == "status")
    check_sheet_shape(ws, len(keys), len(rows))
    check_about(wb, lang, [ws.title])
    no_glyphs(wb)
    print("%s %s: %d rows, %d numbers equal as doubles" % (cmd, lang, len(rows), numbers))


def check_formats(ws, keys, typed, percentages):
    """Shares as Excel percent, percentages as 0.0" %" on the value (status's outcomes of
    percentage indicators, when percentages), p-values as on paper, integers 0."""
    seen = set()
    for i, obj in enumerate(typed):
        for j, k in enumerate(keys):
            v = obj[k]
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                continue
            fmt = ws.cell(i + 2, j + 1).number_format
            if fmt == "General":
                fail("row %d %s: a number with no format" % (i + 2, k))
            if k in ("gap_relative", "kf_gap_relative") and not re.fullmatch(r'0(\.0+)?"\xa0"%', fmt):
                fail("row %d %s: share format %r" % (i + 2, k, fmt))
            if k.endswith("_p") and not fmt.startswith("[<0.001]"):
                fail("row %d %s: p-value format %r" % (i + 2, k, fmt))
            if k in ("uncertain", "rank", "points", "year", "line") and fmt != "0":
                fail("row %d %s: integer format %r" % (i + 2, k, fmt))
            if re.fullmatch(r'0(\.0+)?"\xa0%"', fmt):
                seen.add("percent")
    if percentages and "percent" not in seen:
        fail("no cell has the percentage format 0.0\" %\"")


def vb(lang, xlsx, status_csv, unit):
    """unit: the report's unit, or "-" for a report of every unit (its first column)."""
    keys, rows = read_csv(status_csv)
    idx = {k: j for j, k in enumerate(keys)}
    # the year-end outcome of the total: the year's own, else its last tertial or month
    # with an outcome; men's and women's outcomes of that same period
    at, end = {}, {}
    for r in rows:
        per = r[idx["period"]]
        if per != "2025" and not per.startswith("2025-"):
            continue
        at[(r[idx["unit"]], expected_text(r[idx["indicator"]]), r[idx["gender"]], per)] = r[idx["value"]]
        key = (r[idx["unit"]], expected_text(r[idx["indicator"]]))
        if r[idx["gender"]] == "T" and r[idx["value"]] != "" and (per == "2025", per) > end.get(key, (False, "")):
            end[key] = (per == "2025", per)
    value = {(u, i, g): at.get((u, i, g, p[1]), "") for (u, i), p in end.items() for g in "TMK"}
    wb = openpyxl.load_workbook(xlsx)
    names = wb.sheetnames
    folded = [n.lower() for n in names]
    if len(set(folded)) != len(names):
        fail("sheet names repeat: %r" % names)
    for n in names:
        if len(n.encode("utf-16-le")) // 2 > 31 or re.search(r"[\[\]:*?/\\]", n):
            fail("bad sheet name %r" % n)
    first = "Alla rader" if lang == "sv" else "All rows"
    if names[0] != first or len(names) < 4:
        fail("sheets %r: expected %r first and a sheet per table" % (names, first))
    all_rows = list(wb[first].iter_rows(values_only=True))
    head = list(all_rows[0])
    labels = ("Indikator", "Periodens utfall", "Utfall män", "Utfall kvinnor", "Bedömning") if lang == "sv" else \
        ("Indicator", "Outcome", "Men", "Women", "Assessment")
    col = {h: head.index(h) for h in labels}
    total = 0
    for n in names[1:-1]:
        ws = wb[n]
        part = list(ws.iter_rows(values_only=True))
        check_sheet_shape(ws, len(part[0]), len(part) - 1)
        if list(part[0]) == head[len(head) - len(part[0]):]:
            total += len(part) - 1
    if total != len(all_rows) - 1 or total == 0:
        fail("%s has %d rows, the goal tables %d" % (first, len(all_rows) - 1, total))
    checked = 0
    for r in all_rows[1:]:
        name = r[col[labels[0]]]
        who = r[0] if unit == "-" else unit
        for label, g in zip(labels[1:4], "TMK"):
            want = value.get((who, name, g), "")
            got = r[col[label]]
            if want == "" and got is None:
                continue
            if not isinstance(got, (int, float)) or float(got) != float(want):
                fail("%s %s: %r, status says %r" % (name, label, got, want))
            checked += 1
        if r[col[labels[4]]].split(" (")[0] not in VERDICTS[lang]:
            fail("%s: verdict %r is not words" % (name, r[col[labels[4]]]))
    check_sheet_shape(wb[first], len(head), len(all_rows) - 1)
    check_about(wb, lang, names[:-1])
    no_glyphs(wb)
    print("vb %s: %d sheets, %d rows, %d outcomes equal to status" % (lang, len(names), total, checked))


def csvsv(csvsv_path, csv_path, json_path, xlsx):
    raw = open(csvsv_path, "rb").read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        fail("no byte-order mark")
    if raw.count(b"\r\n") != raw.count(b"\n"):
        fail("not every line ends in CRLF")
    got = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline=""), delimiter=";", strict=True))
    keys, rows = read_csv(csv_path)
    typed = json.load(open(json_path, encoding="utf-8"))
    head = [c.value for c in openpyxl.load_workbook(xlsx).worksheets[0][1]]
    if got[0] != head:
        fail("headers %r, the workbook's %r" % (got[0], head))
    if len(got) - 1 != len(rows):
        fail("%d rows, the CSV %d" % (len(got) - 1, len(rows)))
    commas = 0
    for i, (g, w) in enumerate(zip(got[1:], rows)):
        for j, k in enumerate(keys):
            where = "row %d %s" % (i + 2, k)
            v = typed[i][k]
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                if g[j] != w[j].replace(".", ",") or float(g[j].replace(",", ".")) != float(w[j]):
                    fail("%s: %r, expected %r with a decimal comma" % (where, g[j], w[j]))
                commas += "," in g[j]
            elif g[j] != w[j] and g[j] != expected_text(w[j]) and g[j] != "'" + expected_text(w[j]):
                fail("%s: %r, expected %r" % (where, g[j], expected_text(w[j])))
    if commas == 0:
        fail("no decimal comma anywhere")
    print("csv-sv: %d rows, %d numbers with a decimal comma, all equal to the CSV's" % (len(rows), commas))


def stable(xlsx, date):
    z = zipfile.ZipFile(xlsx)
    # every entry dated the document's own date at noon, whatever the clock or time zone
    y, mo, d = (int(x) for x in date[:10].split("-"))
    for info in z.infolist():
        if info.date_time != (y, mo, d, 12, 0, 0):
            fail("%s dated %r, expected %s 12:00" % (info.filename, info.date_time, date[:10]))
    core = z.read("docProps/core.xml").decode()
    for tag in ("created", "modified"):
        m = re.search(r"<dcterms:%s[^>]*>([^<]*)<" % tag, core)
        if not m or m.group(1) != date:
            fail("%s %r, expected %r" % (tag, m and m.group(1), date))
    props = openpyxl.load_workbook(xlsx).properties
    if props.creator != "indikator" or not props.title:
        fail("properties: creator %r title %r" % (props.creator, props.title))
    print("stable: %d entries dated %s 12:00, created %s" % (len(z.infolist()), date[:10], date))


def rounded(v, d, scale):
    """The ways a display may round v * scale to d decimals: half up or half even, from
    the exact value or from its 15 significant digits (spreadsheets show no more)."""
    x = Decimal(repr(v)) * scale
    q = Decimal(1).scaleb(-d)
    return {str(y.quantize(q, rounding=r)).replace(".", ",")
            for y in (x, Decimal(format(x, ".15g"))) for r in (ROUND_HALF_UP, ROUND_HALF_EVEN)}


def shown(locsv, xlsx):
    """LibreOffice's text of the first sheet, as shown in sv-SE: the same rows and headers,
    percentages "6,7 %" from the value 6.7, shares "4,8 %" from 0.048."""
    with open(locsv, newline="", encoding="utf-8") as f:
        lo = list(csv.reader(f, delimiter=";"))
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    cells = list(ws.iter_rows())
    if len(lo) != len(cells) or lo[0] != [c.value for c in cells[0]]:
        fail("LibreOffice read %d rows, headers %r" % (len(lo), lo[0][:5]))
    kinds = set()
    for i, row in enumerate(cells[1:], 1):
        for j, c in enumerate(row):
            m = re.fullmatch(r'0(?:\.(0+))?("\xa0%"|"\xa0"%)', c.number_format or "")
            if not m or not isinstance(c.value, (int, float)):
                continue
            want = {t + "\xa0%" for t in rounded(c.value, len(m.group(1) or ""), 100 if m.group(2) == '"\xa0"%' else 1)}
            if lo[i][j] not in want:
                fail("row %d column %s: LibreOffice shows %r, expected %r" % (i + 1, col_letter(j), lo[i][j], want))
            kinds.add(m.group(2))
    if len(kinds) != 2:
        fail("LibreOffice's text had %d kinds of percentage, expected both" % len(kinds))
    print("LibreOffice: %d rows, percentages and shares shown the Swedish way" % (len(lo) - 1))


def names(xlsx, *want):
    """The sheets' names exactly; text that looks like a formula is text."""
    wb = openpyxl.load_workbook(xlsx)
    if wb.sheetnames != list(want):
        fail("sheets %r, expected %r" % (wb.sheetnames, list(want)))
    texts = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    if c.data_type != "s":
                        fail("%s!%s: %r is a formula" % (ws.title, c.coordinate, c.value))
                    texts += 1
    if not texts:
        fail("no text starting with '=' to check")
    print("names: %d sheets as expected, %d formula-like texts kept as text" % (len(want), texts))


if __name__ == "__main__":
    what, args = sys.argv[1], sys.argv[2:]
    {"table": table, "vb": vb, "csvsv": csvsv, "stable": stable, "shown": shown, "names": names}[what](*args)
