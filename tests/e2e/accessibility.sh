#!/bin/bash
# accessibility.sh BINARY SOURCE_DIR WORKDIR
#
# The PDF reports may be published as they are (docs/accessibility.md): read
# back with poppler-utils (pdfinfo -struct-text, pdffonts, pdftotext -bbox)
# and a small reader of the file's objects:
#   - tagged (pdfinfo: "Tagged: yes"), with headings H1-H3, paragraphs, lists,
#     tables with TH header cells, a contents (TOC/TOCI with links) and one
#     Figure per chart, in reading order (the status chart after
#     "Sammanfattning" and before "Mål och indikatorer");
#   - every Figure has an /Alt text, the same text the chart writes beside a
#     PNG (.alt.txt) for the same chart;
#   - /Lang sv-SE (en with --lang en), the title shown as the window title
#     (DisplayDocTitle), the title in the metadata;
#   - real text: every font embedded, text on every page;
#   - a unit name of tens of thousands of characters stays on the page: every
#     word of every page inside the page, every page written;
#   - the VB of every unit, the tertial report and the Stockholm report tagged too.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
for t in pdfinfo pdffonts pdftotext; do
    command -v $t >/dev/null 2>&1 || { echo "SKIP: $t (poppler-utils) not found"; exit 0; }
done
mkdir -p "$WORK" && cd "$WORK" || exit 2
printf 'leak:libfontconfig.so\n' >lsan.supp
export LSAN_OPTIONS="suppressions=$WORK/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
check() {
    local what=$1 msg
    shift
    if msg=$("$@" 2>&1); then ok; else bad "$what: $msg"; fi
}

# the file's objects: /Lang, /ViewerPreferences and the Figure elements' /Alt (decoded)
cat >pdfa11y.py <<'EOF'
import re, sys
data = open(sys.argv[1], 'rb').read()
what = sys.argv[2]
def text(hexstr):
    b = bytes.fromhex(hexstr.decode())
    return b[2:].decode('utf-16-be') if b[:2] == b'\xfe\xff' else b.decode('latin-1')
if what == 'lang':
    m = re.search(rb'/Type /Catalog(.*?)>>\s*endobj', data, re.S)
    lang = re.search(rb'/Lang \(([^)]*)\)', m.group(1)) if m else None
    print(lang.group(1).decode() if lang else '')
elif what == 'displaytitle':
    print('yes' if re.search(rb'/DisplayDocTitle true', data) else 'no')
elif what == 'figures':
    figs = re.findall(rb'/S /Figure(.*?)>>\s*endobj', data, re.S)
    for f in figs:
        m = re.search(rb'/Alt\s*<([0-9A-Fa-f]*)>', f)
        print(text(m.group(1)) if m else '<none>')
EOF

# ---- the demo VB of one unit --------------------------------------------------------------
"$BIN" report --demo -q --unit Vuxenenheten --year 2025 -o vb.pdf || bad "report: exit $?"
pdfinfo vb.pdf >vb.info
check "tagged" grep -q "^Tagged: *yes" vb.info
check "title in the metadata" grep -q "^Title: *Verksamhetsberättelse 2025: indikatorer – Vuxenenheten" vb.info
pdfinfo -struct-text vb.pdf >vb.struct 2>/dev/null
for tag in H1 H2 H3 P L LI LBody Table TR TH TD Figure TOC TOCI Link; do
    check "structure has $tag" grep -qE "^ *$tag( |$)" vb.struct
done
check "reading order: the status chart between Sammanfattning and Mål och indikatorer" python3 - vb.struct <<'EOF'
import sys
lines = [l.rstrip('\n') for l in open(sys.argv[1], encoding='utf-8')]
i = next(k for k, l in enumerate(lines) if l.strip() == '"Sammanfattning"')
j = next(k for k, l in enumerate(lines) if l.strip() == '"Mål och indikatorer"')
if not any(l.strip() == 'Figure' for l in lines[i:j]):
    sys.exit("no Figure between the two headings")
EOF
python3 pdfa11y.py vb.pdf figures >vb.alts
nfig=$(grep -cE '^ *Figure$' vb.struct)
check "one /Alt per Figure ($nfig)" test "$(wc -l <vb.alts)" -eq "$nfig"
check "no Figure without alt text" python3 -c "import sys; a=open('vb.alts',encoding='utf-8').read().splitlines(); sys.exit(0 if all(x and x != '<none>' for x in a) else 'empty alt')"
check "at least one chart per indicator" test "$nfig" -ge 12
# the status chart's alt text is the one the chart writes beside its PNG
"$BIN" chart status --demo -q --unit Vuxenenheten --year 2025 --title "" -o status.png
check "the status Figure's /Alt is the chart's alt text" python3 - vb.alts status.png.alt.txt <<'EOF'
import sys
alts = open(sys.argv[1], encoding='utf-8').read().splitlines()
want = open(sys.argv[2], encoding='utf-8').read().strip()
if want not in alts:
    sys.exit("%r not among the Figures' alt texts (first: %r)" % (want[:80], alts[0][:80]))
EOF
check "/Lang sv-SE" test "$(python3 pdfa11y.py vb.pdf lang)" = sv-SE
check "the title shown as the window title" test "$(python3 pdfa11y.py vb.pdf displaytitle)" = yes
check "every font embedded" python3 - <<EOF
import subprocess, sys
out = subprocess.run(['pdffonts', 'vb.pdf'], capture_output=True, text=True).stdout.splitlines()[2:]
if not out: sys.exit("no fonts: text drawn as paths?")
for l in out:
    if ' yes ' not in l.split('  ', 1)[1] and not l.split()[-5] == 'yes':
        pass
bad = [l for l in out if l.split()[-5] != 'yes']
if bad: sys.exit("not embedded: %s" % bad)
EOF
pages=$(awk '/^Pages:/ {print $2}' vb.info)
check "text on every page" python3 - vb.pdf "$pages" <<'EOF'
import subprocess, sys
for p in range(1, int(sys.argv[2]) + 1):
    t = subprocess.run(['pdftotext', '-f', str(p), '-l', str(p), sys.argv[1], '-'], capture_output=True, text=True).stdout
    if not t.strip():
        sys.exit("page %d has no text" % p)
EOF

# ---- English ---------------------------------------------------------------------------------
"$BIN" report --demo -q --unit Vuxenenheten --year 2025 --lang en -o en.pdf
check "/Lang en with --lang en" test "$(python3 pdfa11y.py en.pdf lang)" = en

# ---- every report the main job writes, and the tertial report ----------------------------------
"$BIN" report --demo -q --all-units -o all.pdf
"$BIN" report --demo -q --unit Vuxenenheten --period 2025-T2 -o t2.pdf
"$BIN" report "$SRC/datasets/stockholm/indicators.csv" --goals "$SRC/datasets/stockholm/goals.csv" -q --all-units \
    --year 2021 -o sthlm.pdf
for f in all t2 sthlm; do
    check "$f: tagged" sh -c "pdfinfo $f.pdf | grep -q '^Tagged: *yes'"
    check "$f: /Lang sv-SE" test "$(python3 pdfa11y.py $f.pdf lang)" = sv-SE
    check "$f: every Figure has alt text" sh -c "python3 pdfa11y.py $f.pdf figures | grep -qv '<none>' && ! python3 pdfa11y.py $f.pdf figures | grep -q '<none>'"
done

# ---- long names stay on the page ----------------------------------------------------------------
python3 - <<'EOF'
name = 'Enheten ' + 'X' * 300 + ' ' + ' '.join(['långt namn'] * 4500)
with open('long.csv', 'w', encoding='utf-8') as f:
    f.write('unit,indicator,period,gender,value,target\n')
    for y in range(2020, 2026):
        f.write('"%s",Sjukfrånvaro,%d,T,%.1f,4 %%\n' % (name, y, 4 + 0.1 * (y - 2020)))
EOF
"$BIN" report long.csv -q --all-units --year 2025 -o long.pdf 2>long.err || bad "long name: exit $?"
check "long name: nothing on stderr" test ! -s long.err
check "long name: every word inside its page" python3 - <<'EOF'
import re, subprocess, sys
html = subprocess.run(['pdftotext', '-bbox', 'long.pdf', '-'], capture_output=True, text=True).stdout
pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
if len(pages) < 4:
    sys.exit("only %d pages" % len(pages))
for n, (w, h, body) in enumerate(pages, 1):
    for x1, y1, x2, y2 in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', body):
        if float(x2) > float(w) + 0.5 or float(y2) > float(h) + 0.5:
            sys.exit("page %d: a word at (%s, %s) runs off the page" % (n, x2, y2))
EOF

e2e_end
