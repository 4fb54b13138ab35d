#!/bin/bash
# report.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of `indikator report` (issue 7), read back with poppler-utils
# (pdfinfo, pdftotext) and a small PDF reader in python3 for the outline:
#   - the demo (Exempelstad, synthetic), one unit (Vuxenenheten), 2025: pdfinfo
#     opens it; Title and Subject; the page count against the document's
#     structure (cover, contents, content pages, a methods page of its own;
#     "Sida k (N)" on every page after the cover; every outline entry points to
#     a page that shows its heading; at least one page per three indicators);
#     the text holds every indicator name of the unit for 2025, every
#     year-end outcome (total, women, men) formatted here from
#     `indikator status --format csv` and the catalogue's decimals, and every
#     verdict label; the outline lists the unit's goals for 2025 from
#     datasets/demo/goals.csv; two runs give identical bytes;
#   - --lang en; --all-units (every unit's name in text and outline);
#   - -o onto an input file (data or goals) is refused and leaves it as it was;
#     no --unit and no --all-units is a usage error (exit 1);
#   - the Stockholm dataset, every unit of 2021: opens, deterministic.
# Skipped (exit 0) only when pdfinfo is missing.
# Prints "N passed, M failed" and exits non-zero when anything failed.
set -u

# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
if ! command -v pdfinfo >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    echo "SKIP: pdfinfo/pdftotext (Debian package poppler-utils) not found: the report test needs them"
    echo "0 passed, 0 failed"
    exit 0
fi

# A PDF reader for what poppler's tools do not print: the outline (bookmarks)
# with each entry's level and the page its destination points to. Reads the
# classic xref table that cairo writes; strings are PDFDocEncoding or UTF-16BE.
cat >"$WORK/pdfoutline.py" <<'EOF'
import re, sys

def load(path):
    data = open(path, 'rb').read()
    start = int(data[data.rindex(b'startxref') + 9:].split()[0])
    if not data[start:].startswith(b'xref'):
        sys.exit("%s: no classic xref table" % path)
    objs, pos = {}, start + 4
    lines = data[pos:data.index(b'trailer', pos)].split(b'\n')
    i = 0
    while i < len(lines):
        head = lines[i].split()
        i += 1
        if len(head) != 2:
            continue
        first, count = int(head[0]), int(head[1])
        for k in range(count):
            f = lines[i + k].split()
            if f[2] == b'n':
                objs[first + k] = int(f[0])
        i += count
    trailer = data[data.index(b'trailer', start):]
    return data, objs, trailer

def body(data, objs, num):
    at = objs[num]
    end = data.index(b'endobj', at)
    s = data[at:end]
    cut = s.find(b'stream')
    if cut >= 0:
        s = s[:cut]
    return s[s.index(b'obj') + 3:]

def ref(s, key):
    m = re.search(rb'/' + key + rb'\s+(\d+)\s+0\s+R', s)
    return int(m.group(1)) if m else None

def pdf_string(s):
    """The value after /Title: a literal (...) or hex <...> string, decoded."""
    s = s.lstrip()
    if s.startswith(b'<'):
        raw = bytes.fromhex(s[1:s.index(b'>')].decode())
    else:
        out, depth, i = bytearray(), 0, 1
        while True:
            c = s[i:i + 1]
            if c == b'\\':
                n = s[i + 1:i + 2]
                esc = {b'n': b'\n', b'r': b'\r', b't': b'\t', b'b': b'\b', b'f': b'\f'}
                if n in esc:
                    out += esc[n]; i += 2
                elif n.isdigit():
                    m = re.match(rb'[0-7]{1,3}', s[i + 1:])
                    out.append(int(m.group(0), 8) & 255); i += 1 + len(m.group(0))
                elif n in (b'\n', b'\r'):
                    i += 2
                else:
                    out += n; i += 2
                continue
            if c == b'(':
                depth += 1
            elif c == b')':
                if depth == 0:
                    break
                depth -= 1
            out += c
            i += 1
        raw = bytes(out)
    if raw.startswith(b'\xfe\xff'):
        return raw[2:].decode('utf-16-be')
    return raw.decode('latin-1')

def main(path):
    data, objs, trailer = load(path)
    root = ref(trailer, b'Root')
    cat = body(data, objs, root)
    pages_obj = body(data, objs, ref(cat, b'Pages'))
    pages = []
    def walk_pages(s):
        kids = re.search(rb'/Kids\s*\[(.*?)\]', s, re.S)
        for n in re.findall(rb'(\d+)\s+0\s+R', kids.group(1)):
            b = body(data, objs, int(n))
            if re.search(rb'/Type\s*/Pages\b', b):
                walk_pages(b)
            else:
                pages.append(int(n))
    walk_pages(pages_obj)
    page_no = {p: i + 1 for i, p in enumerate(pages)}
    out = []
    def walk(num, level):
        while num is not None:
            s = body(data, objs, num)
            t = s.index(b'/Title')
            title = pdf_string(s[t + 6:])
            dest = re.search(rb'/Dest\s*\[\s*(\d+)\s+0\s+R', s)
            page = page_no.get(int(dest.group(1)), 0) if dest else 0
            out.append((level, page, title))
            walk(ref(s, b'First'), level + 1)
            num = ref(s, b'Next')
    outlines = ref(cat, b'Outlines')
    if outlines is not None:
        walk(ref(body(data, objs, outlines), b'First'), 1)
    print(len(pages))
    for level, page, title in out:
        print("%d\t%d\t%s" % (level, page, title.replace('\n', ' ')))

main(sys.argv[1])
EOF

# pdf_pages FILE: the page count pdfinfo reports
pdf_pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

# structure_ok PDF OUTLINE TEXT_PREFIX: the page structure against the document:
# the reader's page count equals pdfinfo's; page 1 (cover) has no footer; every
# later page k says "Sida k (N)" / "Page k (N)"; the contents start on page 2;
# every outline entry points to a page after the contents, in document order,
# whose text shows the heading; the last entry (the methods) is on the last page.
structure_ok() {
    local pdf=$1 outline=$2 word=$3
    python3 - "$pdf" "$outline" "$word" "$(pdf_pages "$pdf")" <<'EOF'
import re, subprocess, sys
pdf, outline, word, pages = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = open(outline, encoding='utf-8').read().splitlines()
if int(lines[0]) != pages:
    sys.exit("the page tree has %s pages, pdfinfo says %d" % (lines[0], pages))
entries = [l.split('\t', 2) for l in lines[1:]]
def squeeze(s):  # no white space, no hyphens: pdftotext joins "kultur-" + "och" into "kulturoch"
    return re.sub(r'[\s\-\u00ad]+', '', s)
def text(p):
    t = subprocess.run(['pdftotext', '-f', str(p), '-l', str(p), pdf, '-'], capture_output=True,
                       text=True, check=True).stdout
    return squeeze(t)
texts = [None] + [text(p) for p in range(1, pages + 1)]
contents = 'Innehåll' if word == 'Sida' else 'Contents'
if contents not in texts[2]:
    sys.exit("page 2 is not the contents")
if re.search(word + r'\d+\(\d+\)', texts[1]):
    sys.exit("the cover has a page footer")
for p in range(2, pages + 1):
    if (word + '%d(%d)' % (p, pages)) not in texts[p]:
        sys.exit("page %d lacks the footer %s %d (%d)" % (p, word, p, pages))
if not entries:
    sys.exit("no outline")
first_body = min(int(e[1]) for e in entries)
last = 0
for level, page, title in entries:
    page = int(page)
    if page < 3 or page > pages:
        sys.exit("outline entry %r points to page %d" % (title, page))
    if page < last:
        sys.exit("outline entry %r (page %d) comes before page %d" % (title, page, last))
    last = page
    if squeeze(title) not in texts[page]:
        sys.exit("page %d does not show the heading %r" % (page, title))
# the contents fill pages 2 .. first_body - 1; each of them says so by listing entries
for p in range(2, first_body):
    if not re.search(r'\d$', texts[p].replace(word + '%d(%d)' % (p, pages), '')):
        sys.exit("page %d, between the cover and the first heading, is not a contents page" % p)
if int(entries[-1][1]) != pages:
    sys.exit("the last heading (%r) is not on the last page" % entries[-1][2])
EOF
}

DEMO_GOALS=$SRC/datasets/demo/goals.csv
CATALOG=$SRC/datasets/catalog.csv
U=Vuxenenheten

# ---- one unit, the demo ----------------------------------------------------------------
"$BIN" status --demo --unit $U --year 2025 --format csv >status.csv 2>/dev/null || bad "status --format csv failed"
if run vux "$BIN" report --demo --unit $U -o vux.pdf; then
    check "pdfinfo opens vux.pdf" pdfinfo vux.pdf
    pdfinfo vux.pdf >vux.info 2>&1
    if grep -q "^Title: *Verksamhetsberättelse 2025: indikatorer – $U\$" vux.info; then ok; else
        bad "vux.pdf: Title is \"$(sed -n 's/^Title: *//p' vux.info)\""; fi
    if grep -q "^Subject: *Uppföljning av indikatorer 2025 mot årsmål" vux.info; then ok; else
        bad "vux.pdf: Subject is \"$(sed -n 's/^Subject: *//p' vux.info)\""; fi
    pdftotext vux.pdf vux.txt
    python3 "$WORK/pdfoutline.py" vux.pdf >vux.outline 2>vux.outline.err || bad "outline: $(cat vux.outline.err)"
    check "vux.pdf structure" structure_ok vux.pdf vux.outline Sida

    # the expected page count: cover, contents (one page: the unit has fewer than
    # 44 headings), summary, one page per three indicator charts at least, and the
    # methods page; and the count the command announces
    n_ind=$(python3 -c "
import csv, sys
print(len({r['indicator'] for r in csv.DictReader(open('status.csv', encoding='utf-8')) if r['gender'] == 'T'}))")
    pages=$(pdf_pages vux.pdf)
    min_pages=$((1 + 1 + 1 + (n_ind + 2) / 3 + 1))
    if [ "$n_ind" -ge 5 ] && [ "$pages" -ge "$min_pages" ]; then ok; else
        bad "vux.pdf: $pages pages for $n_ind indicators, expected at least $min_pages"; fi
    if grep -q "vux.pdf: $pages sidor" vux.err; then ok; else bad "the command does not report $pages pages: $(cat vux.err)"; fi
    if sed -n '1p' vux.outline | grep -qx "$pages"; then ok; else bad "outline reader: $(head -1 vux.outline) pages"; fi
    # level-1 chapters, in this order
    if msg=$(python3 - vux.outline <<'EOF'
import sys
entries = [l.split('\t', 2) for l in open(sys.argv[1], encoding='utf-8').read().splitlines()[1:]]
top = [t for level, page, t in entries if level == '1']
want = ['Sammanfattning', 'Mål och indikatorer', 'Jämförelse med andra enheter', 'Metod']
if top != want:
    sys.exit("level-1 outline %r, expected %r" % (top, want))
EOF
    ); then ok; else bad "vux.pdf: $msg"; fi

    # names, outcomes and verdicts from `status --format csv`, formatted here
    if msg=$(python3 - status.csv vux.txt "$CATALOG" <<'EOF'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
text = open(sys.argv[2], encoding='utf-8').read()
flat = re.sub(r'\s+', ' ', text.replace('\u00a0', ' ').replace('\u202f', ' '))
def squeeze(s):  # no white space, no hyphens: pdftotext joins "kultur-" + "och" into "kulturoch"
    return re.sub(r'[\s\-\u00ad]+', '', s)
nospace = squeeze(text)
cat = {}
for r in csv.DictReader(open(sys.argv[3], encoding='utf-8')):
    for name in [r['name']] + [a for a in r['aliases'].split('|') if a]:
        cat[name.casefold()] = r
def period_key(p):  # 2025 < 2025-T1 < 2025-T2 < 2025-T3: the year-end outcome is the last
    return (len(p), p)
def sv(value, decimals, percent):
    s = '%.*f' % (decimals, float(value))
    if s.startswith('-'):
        s = '\u2212' + s[1:]
    return s.replace('.', ',') + (' %' if percent else '')
problems = []
indicators = sorted({r['indicator'] for r in rows})
if not indicators:
    sys.exit("status.csv has no rows")
checked_values = 0
for ind in indicators:
    if squeeze(ind) not in nospace:
        problems.append("name %r missing" % ind)
    mine = [r for r in rows if r['indicator'] == ind]
    last = max((r['period'] for r in mine), key=period_key)
    info = cat.get(ind.casefold())
    decimals = int(info['decimals']) if info and info['decimals'] else 1
    percent = bool(info) and info['measure'] == 'percent'
    for r in mine:
        if r['period'] != last or r['value'] == '':
            continue
        v = sv(r['value'], decimals, percent)
        pattern = r'(?<![\d,])' + re.escape(v).replace('\\ ', r'\s?')
        if not percent:
            pattern += r'(?![\d,]|\s?%)'
        if not re.search(pattern, flat):
            problems.append("%s %s %s: outcome %r missing" % (ind, last, r['gender'], v))
        checked_values += 1
        if r['gender'] == 'T':
            label = re.sub(r'\s+', ' ', r['verdict_label'])
            if label not in flat:
                problems.append("%s: verdict %r missing" % (ind, label))
if checked_values < len(indicators):
    problems.append("only %d outcomes checked for %d indicators" % (checked_values, len(indicators)))
if problems:
    sys.exit('; '.join(problems[:8]))
print("%d indicators, %d outcomes" % (len(indicators), checked_values))
EOF
    ); then ok; else bad "vux.pdf text: $msg"; fi

    # the outline lists the unit's goals for 2025 ("ID text") from goals.csv
    if msg=$(python3 - "$DEMO_GOALS" vux.outline "$U" 2025 <<'EOF'
import csv, sys
goals = [g for g in csv.DictReader(open(sys.argv[1], encoding='utf-8'))
         if g['unit'] == sys.argv[3] and g['year'] == sys.argv[4]]
titles = [l.split('\t', 2)[2] for l in open(sys.argv[2], encoding='utf-8').read().splitlines()[1:]]
if len(goals) < 2:
    sys.exit("goals.csv has %d goals for the unit in the year: not what the test expects" % len(goals))
missing = [g['id'] for g in goals if '%s %s' % (g['id'], g['text']) not in titles]
if missing:
    sys.exit("goals missing from the outline: %s" % missing)
EOF
    ); then ok; else bad "vux.pdf outline: $msg"; fi

    # deterministic: a second run gives the same bytes
    if run vux2 "$BIN" report --demo --unit $U -o vux2.pdf; then
        if cmp -s vux.pdf vux2.pdf; then ok; else bad "two runs of the report differ"; fi
    fi
fi

# ---- English ------------------------------------------------------------------------
if run en "$BIN" report --demo --unit $U --lang en -o en.pdf; then
    pdfinfo en.pdf >en.info 2>&1 || bad "pdfinfo cannot open en.pdf"
    if grep -q "^Title: *Annual report 2025: indicators – $U\$" en.info; then ok; else
        bad "en.pdf: Title is \"$(sed -n 's/^Title: *//p' en.info)\""; fi
    python3 "$WORK/pdfoutline.py" en.pdf >en.outline 2>&1 || bad "en outline: $(cat en.outline)"
    check "en.pdf structure" structure_ok en.pdf en.outline Page
    pdftotext en.pdf en.txt
    if grep -q "Summary" en.txt && grep -q "Methods" en.txt && grep -q "Met" en.txt &&
       ! grep -q "Sammanfattning" en.txt; then ok; else bad "en.pdf is not in English"; fi
    if [ "$(pdf_pages en.pdf)" -ge 5 ]; then ok; else bad "en.pdf has $(pdf_pages en.pdf) pages"; fi
fi

# ---- every unit ---------------------------------------------------------------------------
if run all "$BIN" report --demo --all-units --year 2025 -o all.pdf; then
    pdfinfo all.pdf >/dev/null 2>&1 && ok || bad "pdfinfo cannot open all.pdf"
    pdftotext all.pdf all.txt
    python3 "$WORK/pdfoutline.py" all.pdf >all.outline 2>&1 || bad "all outline: $(cat all.outline)"
    check "all.pdf structure" structure_ok all.pdf all.outline Sida
    "$BIN" status --demo --year 2025 --format csv >all-status.csv 2>/dev/null
    if msg=$(python3 - all-status.csv all.txt all.outline <<'EOF'
import csv, re, sys
units = sorted({r['unit'] for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))})
def squeeze(s):
    return re.sub(r'[\s\-\u00ad]+', '', s)
text = squeeze(open(sys.argv[2], encoding='utf-8').read())
top = [l.split('\t', 2)[2] for l in open(sys.argv[3], encoding='utf-8').read().splitlines()[1:]
       if l.startswith('1\t')]
if len(units) < 5:
    sys.exit("only %d units in the status table" % len(units))
missing = [u for u in units if squeeze(u) not in text]
if missing:
    sys.exit("units missing from the text: %s" % missing)
missing = [u for u in units if u not in top]
if missing:
    sys.exit("units missing from the outline's chapters: %s" % missing)
EOF
    ); then ok; else bad "all.pdf: $msg"; fi
    if [ "$(pdf_pages all.pdf)" -gt "$(pdf_pages vux.pdf 2>/dev/null || echo 0)" ]; then ok; else
        bad "all.pdf ($(pdf_pages all.pdf) pages) is not longer than one unit's report"; fi
fi

# ---- refusals ---------------------------------------------------------------------------------
cp "$SRC/datasets/demo/demo.csv" input.csv
cp "$DEMO_GOALS" goals-in.csv
sum_before=$(cksum <input.csv)
"$BIN" report input.csv --unit $U -o input.csv >/dev/null 2>refuse.err
rc=$?
if [ $rc -eq 1 ] && [ "$(cksum <input.csv)" = "$sum_before" ]; then ok; else
    bad "-o onto the data file: exit $rc (expected 1), file changed: $([ "$(cksum <input.csv)" = "$sum_before" ] && echo no || echo yes)"; fi
goals_before=$(cksum <goals-in.csv)
"$BIN" report input.csv --goals goals-in.csv --unit $U -o goals-in.csv >/dev/null 2>refuse2.err
rc=$?
if [ $rc -eq 1 ] && [ "$(cksum <goals-in.csv)" = "$goals_before" ]; then ok; else
    bad "-o onto the goals file: exit $rc (expected 1), file changed: $([ "$(cksum <goals-in.csv)" = "$goals_before" ] && echo no || echo yes)"; fi
"$BIN" report --demo -o nounit.pdf >/dev/null 2>nounit.err
rc=$?
if [ $rc -eq 1 ] && [ ! -e nounit.pdf ]; then ok; else bad "no --unit: exit $rc, expected 1 and no file"; fi
"$BIN" report --demo --unit $U >/dev/null 2>noout.err
rc=$?
if [ $rc -eq 1 ]; then ok; else bad "no -o: exit $rc, expected 1"; fi

# ---- the Stockholm dataset (the five seed documents), every unit, 2021 ----------------------------
ST=$SRC/datasets/stockholm
if run sthlm "$BIN" report "$ST/indicators.csv" --goals "$ST/goals.csv" --all-units --year 2021 -o s.pdf; then
    pdfinfo s.pdf >s.info 2>&1 && ok || bad "pdfinfo cannot open s.pdf: $(cat s.info)"
    python3 "$WORK/pdfoutline.py" s.pdf >s.outline 2>&1 || bad "s outline: $(cat s.outline)"
    check "s.pdf structure" structure_ok s.pdf s.outline Sida
    if run sthlm2 "$BIN" report "$ST/indicators.csv" --goals "$ST/goals.csv" --all-units --year 2021 -o s2.pdf; then
        if cmp -s s.pdf s2.pdf; then ok; else bad "two runs of the Stockholm report differ"; fi
    fi
fi

e2e_end
