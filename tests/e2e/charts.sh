#!/bin/bash
# charts.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of `indikator chart KIND` (issue 6): every kind (trend,
# multiples, compare, funnel, spc, status) in every format (png, svg, pdf),
# drawn from the command line on the built-in demo data (Exempelstad,
# synthetic) and on the Kolada extract in SOURCE_DIR/../shared/data/kolada
# (290 municipalities, N15419 by gender, Riket included; that part is skipped
# with a message when the extract is absent). For each file:
#   PNG  the 8-byte signature, and the IHDR size = width/height × dpi/72 for
#        the --width/--height/--dpi given (and 640 pixels wide by default);
#   SVG  well-formed XML (python3 xml.etree) whose first children are a
#        non-empty <title> and a <desc> holding the alt text;
#   PDF  pdfinfo reads it, one page, Title and Subject set (skipped without pdfinfo);
#   FILE.alt.txt exists and names the indicator (the unit for status).
# Determinism: two renders give identical SVG and PDF bytes. Also: a funnel
# without counts is refused (exit 2), an unknown extension is a usage error.
# Prints "N passed, M failed" and exits non-zero when anything failed.
set -u

# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
KOLADA=$SRC/../shared/data/kolada

HAVE_PDFINFO=1
command -v pdfinfo >/dev/null 2>&1 || HAVE_PDFINFO=0
[ $HAVE_PDFINFO = 1 ] || echo "note: pdfinfo (poppler-utils) is missing: PDF files are checked for their signature only"

# run NAME COMMAND...: passes when the command exits 0 (stderr kept in NAME.err)
run() {
    local name=$1
    shift
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
    local rc=$?
    if [ $rc -eq 0 ]; then ok; return 0; fi
    bad "$name: exit $rc: $(head -c 300 "$WORK/$name.err")"
    return 1
}

# png_ok FILE WIDTH HEIGHT: PNG signature and IHDR dimensions (HEIGHT "-" = any)
png_ok() {
    python3 - "$@" <<'EOF'
import struct, sys
path, w, h = sys.argv[1], int(sys.argv[2]), sys.argv[3]
d = open(path, 'rb').read()
if d[:8] != b'\x89PNG\r\n\x1a\n':
    sys.exit("%s: no PNG signature" % path)
if d[12:16] != b'IHDR':
    sys.exit("%s: the first chunk is not IHDR" % path)
pw, ph = struct.unpack('>II', d[16:24])
if pw != w or (h != '-' and ph != int(h)):
    sys.exit("%s: %d x %d pixels, expected %d x %s" % (path, pw, ph, w, h))
EOF
}

# svg_ok FILE WORD: well-formed; <title> and <desc> are the first children of
# <svg>, the title non-empty, the desc equal to FILE.alt.txt and holding WORD
svg_ok() {
    python3 - "$@" <<'EOF'
import sys
import xml.etree.ElementTree as ET
path, word = sys.argv[1], sys.argv[2]
ns = '{http://www.w3.org/2000/svg}'
root = ET.parse(path).getroot()
if root.tag != ns + 'svg':
    sys.exit("%s: the root is %s" % (path, root.tag))
kids = list(root)
if len(kids) < 2 or kids[0].tag != ns + 'title' or kids[1].tag != ns + 'desc':
    sys.exit("%s: <title> and <desc> are not the first children" % path)
title, desc = (kids[0].text or '').strip(), (kids[1].text or '').strip()
if not title or not desc:
    sys.exit("%s: empty <title> or <desc>" % path)
if word not in desc:
    sys.exit("%s: <desc> does not name %r" % (path, word))
alt = open(path + '.alt.txt', encoding='utf-8').read().strip()
if alt != desc:
    sys.exit("%s: <desc> differs from the alt text file" % path)
EOF
}

# pdf_ok FILE: a one-page PDF with Title and Subject
pdf_ok() {
    [ "$(head -c 5 "$1")" = "%PDF-" ] || { echo "$1: no PDF header"; return 1; }
    [ $HAVE_PDFINFO = 1 ] || return 0
    local info
    info=$(pdfinfo "$1" 2>&1) || { echo "$1: pdfinfo: $info"; return 1; }
    echo "$info" | grep -q '^Pages: *1$' || { echo "$1: not one page"; return 1; }
    echo "$info" | grep -q '^Title: *[^ ]' || { echo "$1: no Title"; return 1; }
    echo "$info" | grep -q '^Subject: *[^ ]' || { echo "$1: no Subject"; return 1; }
}

# alt_ok FILE WORD: FILE.alt.txt exists, is not empty, and names WORD
alt_ok() {
    [ -s "$1.alt.txt" ] || { echo "$1.alt.txt is missing or empty"; return 1; }
    grep -qF -- "$2" "$1.alt.txt" || { echo "$1.alt.txt does not name \"$2\""; return 1; }
}

# chart_all TAG WORD ARGS...: the chart in PNG (at 500 × 360 pt, 144 dpi), SVG
# and PDF, each twice; every check above. WORD must appear in the alt text.
SIZE=(--width 500 --height 360 --dpi 144)
chart_all() {
    local tag=$1 word=$2
    shift 2
    local msg
    if run "$tag.png" "$BIN" chart "$@" "${SIZE[@]}" -o "$tag.png"; then
        if msg=$(png_ok "$tag.png" 1000 720 2>&1); then ok; else bad "$tag.png: $msg"; fi
        if msg=$(alt_ok "$tag.png" "$word" 2>&1); then ok; else bad "$msg"; fi
    fi
    for f in svg pdf; do
        if run "$tag.$f" "$BIN" chart "$@" -o "$tag.$f" && run "$tag.again.$f" "$BIN" chart "$@" -o "$tag.again.$f"; then
            if cmp -s "$tag.$f" "$tag.again.$f"; then ok; else bad "$tag.$f: two renders differ"; fi
            if msg=$(alt_ok "$tag.$f" "$word" 2>&1); then ok; else bad "$msg"; fi
            if [ $f = svg ]; then
                if msg=$(svg_ok "$tag.svg" "$word" 2>&1); then ok; else bad "$msg"; fi
            else
                if msg=$(pdf_ok "$tag.pdf" 2>&1); then ok; else bad "$msg"; fi
            fi
        fi
    done
}

# ---- the demo data ----------------------------------------------------------------
U=Vuxenenheten
chart_all demo-trend Sjukfrånvaro trend --demo --unit $U --indicator Sjukfrånvaro --trendline
chart_all demo-multiples "Aktivt Medskapandeindex" multiples --demo --unit $U --year 2025
chart_all demo-multiples-ind Vuxenenheten multiples --demo --indicator "Aktivt Medskapandeindex" --year 2025
chart_all demo-compare "Aktivt Medskapandeindex" compare --demo --indicator AMI --period 2025 --unit $U
chart_all demo-funnel FREDA-kortfrågor funnel --demo --indicator "Andel granskade ärenden där FREDA-kortfrågor ställts" --period 2025 --unit $U
chart_all demo-spc Sjukfrånvaro spc --demo --unit $U --indicator Sjukfrånvaro --chart i --rules nhs
chart_all demo-run Sjukfrånvaro spc --demo --unit $U --indicator Sjukfrånvaro --chart run
chart_all demo-status $U status --demo --unit $U --year 2025
# the status chart's alt text names every indicator of its table
if grep -qF "Andel inköpta ekologiska livsmedel i kronor" demo-status.svg.alt.txt &&
   grep -qF "Sjukfrånvaro dag 1-14" demo-status.svg.alt.txt; then ok; else bad "status alt text lacks indicators"; fi

# default size: 480 × 300 points at 96 dpi = 640 × 400 pixels; --dpi alone scales it
if run default.png "$BIN" chart trend --demo --unit $U --indicator Sjukfrånvaro -o default.png; then
    if msg=$(png_ok default.png 640 400 2>&1); then ok; else bad "$msg"; fi
fi
if run dpi.png "$BIN" chart trend --demo --unit $U --indicator Sjukfrånvaro --dpi 216 -o dpi.png; then
    if msg=$(png_ok dpi.png 1440 900 2>&1); then ok; else bad "$msg"; fi
fi
# status, multiples and compare: default width 480 pt, height as the content needs
if run auto.png "$BIN" chart status --demo --unit $U --year 2025 -o auto.png; then
    if msg=$(png_ok auto.png 640 - 2>&1); then ok; else bad "$msg"; fi
fi
# --from and --to take whole periods: --to 2025 keeps 2025 T3
if run range.svg "$BIN" chart trend --demo --unit $U --indicator Sjukfrånvaro --from 2019 --to 2025 -o range.svg; then
    if grep -q "2019 T1–2025 T3" range.svg.alt.txt; then ok; else bad "range.svg: $(head -c 120 range.svg.alt.txt)"; fi
fi
# a note on a period without a value is shown: it says why the value is missing
IND_NOTE="Andel personer med hemtjänst som anser att biståndshandläggarens beslut är anpassat efter dennes behov"
if run gapnote.svg "$BIN" chart trend --demo --unit "Beställarenheten äldreomsorg" --indicator "$IND_NOTE" -o gapnote.svg; then
    if grep -q "Anmärkning 2020: ingen brukarundersökning 2020" gapnote.svg.alt.txt; then ok; else bad "gapnote.svg: the 2020 note is missing"; fi
fi
# English: the alt text and words drawn change
if run en.svg "$BIN" chart trend --demo --unit $U --indicator Sjukfrånvaro --lang en -o en.svg; then
    if grep -q "Women" en.svg.alt.txt && ! grep -q "Kvinnor" en.svg.alt.txt; then ok; else bad "en.svg: alt text not in English"; fi
fi

# refusals
"$BIN" chart trend --demo --unit $U --indicator Sjukfrånvaro -o bad.gif >/dev/null 2>&1
rc=$?
if [ $rc -eq 1 ] && [ ! -e bad.gif ]; then ok; else bad "-o bad.gif: exit $rc, expected 1 and no file"; fi
"$BIN" chart nosuchkind --demo -o x.png >/dev/null 2>&1
rc=$?
if [ $rc -eq 1 ]; then ok; else bad "unknown kind: exit $rc, expected 1"; fi

# ---- Kolada: 290 municipalities, 2016-2020, Riket ---------------------------------------
if [ ! -f "$KOLADA/MasterData.txt" ] || [ ! -f "$KOLADA/riket.txt" ] ||
   [ ! -f "$KOLADA/Nyckeltal.txt" ] || [ ! -f "$KOLADA/Kommuner.txt" ]; then
    echo "note: $KOLADA not found: the Kolada part is skipped"
else
    KD=("$KOLADA/MasterData.txt" "$KOLADA/riket.txt" --kpi-meta "$KOLADA/Nyckeltal.txt"
        --municipality-meta "$KOLADA/Kommuner.txt")
    NAME="Elever i år 9 som uppnått kunskapskraven i alla ämnen"
    chart_all kolada-trend "$NAME" trend "${KD[@]}" --unit Ale --indicator N15419 --trendline
    chart_all kolada-compare "$NAME" compare "${KD[@]}" --indicator N15419 --gender K --period 2020 --unit Ale
    chart_all kolada-multiples "$NAME" multiples "${KD[@]}" --indicator N15419 --year 2020
    chart_all kolada-spc "$NAME" spc "${KD[@]}" --unit Ale --indicator N15419 --chart run
    chart_all kolada-status Ale status "${KD[@]}" --unit Ale --year 2020
    # the comparison names every municipality with a 2020 value for women, and Riket
    if msg=$(python3 - "$KOLADA/MasterData.txt" kolada-compare.svg.alt.txt <<'EOF'
import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
alt = open(sys.argv[2], encoding='utf-8').read()
want = [m for m, kpis in data.items()
        if (kpis.get('N15419', {}).get('2020') or {}).get('K') is not None] + ['Riket']
if len(want) < 250:
    sys.exit("only %d municipalities with a value: the extract is not what this test expects" % len(want))
missing = [m for m in want if (' %s ' % m) not in alt]
if missing:
    sys.exit("%d of %d units missing from the alt text, e.g. %s" % (len(missing), len(want), missing[:5]))
EOF
    ); then ok; else bad "kolada-compare: $msg"; fi
    # the multiples over municipalities: one panel each, Riket among them
    if grep -qF "Riket" kolada-multiples.svg.alt.txt && grep -qF "Ale" kolada-multiples.svg.alt.txt; then ok; else
        bad "kolada-multiples: alt text lacks Ale or Riket"; fi
    # Kolada has shares without counts: a funnel is refused, and says why
    "$BIN" chart funnel "${KD[@]}" --indicator N15419 --period 2020 -o kolada-funnel.png >/dev/null 2>kolada-funnel.err
    rc=$?
    if [ $rc -eq 2 ] && grep -q "täljare" kolada-funnel.err && [ ! -e kolada-funnel.png ]; then ok; else
        bad "kolada funnel: exit $rc, expected 2 with a reason ($(head -c 200 kolada-funnel.err))"; fi
fi

e2e_end
