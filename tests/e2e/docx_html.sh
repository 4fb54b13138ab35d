#!/bin/bash
# docx_html.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of the Word and web outputs of `indikator report` (issue 17),
# on the demo data (Exempelstad, synthetic), one unit (Vuxenenheten), 2025.
# Expected values come from `indikator status --format csv`, the catalogue and
# datasets/demo/goals.csv, formatted by the checker (tests/e2e/lib/docx_html.py).
#   Word (-o vb.docx):
#     - the package: every part, well-formed XML, content types, relationships,
#       Heading 1-3 styles with outline levels, the language (sv-SE; en-GB with
#       --lang en), a PAGE field in the footer, pictures as PNG of 200 dpi or more;
#     - python-docx (Debian's python3-docx) reads: the chapters, goals and indicators
#       as headings in Word's Heading styles, in order; the VB tables with their
#       header (repeated on every page) and one row per indicator holding the
#       outcome (total, men, women) and the verdict; a picture per indicator at
#       least, each with a description and a title; title and language;
#     - LibreOffice (soffice --headless --convert-to pdf) opens it: the PDF's text
#       holds the unit, "Sammanfattning", an outcome of the table and "Sida 2";
#     - two runs, and a run in another time zone, give the same bytes;
#     - --lang en; --all-units (every unit a Heading 1).
#   Web (-o vb.html):
#     - html.parser reads: DOCTYPE, lang, charset, viewport, title, one h1, the same
#       headings as the Word file (one level down), every table with th scope=col
#       and a th scope=row per row, the VB tables' values as above, every figure an
#       svg role=img with the alt text as its name and <desc>, a <title> and a
#       <figcaption>; ids unique and every reference (href="#…", url(#…)) to one of
#       them; no URL, script, linked file or url() leading outside; a
#       Content-Security-Policy and a print stylesheet; two runs the same bytes;
#     - headless Chromium: screenshots at 1280 and 390 pixels wide are not blank,
#       and the console says nothing (--enable-logging=stderr --v=0 logs every
#       console message, a blocked request included, as "CONSOLE").
# Parts whose tool is missing (python3-docx, soffice, chromium) are skipped with
# a message. Prints "N passed, M failed" and exits non-zero when anything failed.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

CHECK=$SRC/tests/e2e/lib/docx_html.py
CATALOG=$SRC/datasets/catalog.csv
GOALS=$SRC/datasets/demo/goals.csv
U=Vuxenenheten
# python-docx is Debian's (python3-docx, for /usr/bin/python3); the python3 first on PATH may lack it
DOCX_PY=
for py in /usr/bin/python3 python3; do
    if "$py" -c 'import docx' 2>/dev/null; then DOCX_PY=$py; break; fi
done

"$BIN" status --demo --unit $U --year 2025 --format csv >status.csv 2>status.err || bad "status: $(cat status.err)"

# ---- Word ---------------------------------------------------------------------------------
if run docx "$BIN" report --demo --unit $U -o vb.docx; then
    check "vb.docx package" python3 "$CHECK" package vb.docx sv
    if [ -n "$DOCX_PY" ]; then
        check "vb.docx (python-docx)" "$DOCX_PY" "$CHECK" docx vb.docx status.csv "$CATALOG" "$GOALS" $U 2025 heads-docx.txt
    else
        echo "SKIP: python-docx (Debian package python3-docx) not found: vb.docx not read with it"
    fi
    if run docx2 "$BIN" report --demo --unit $U -o vb2.docx; then
        if cmp -s vb.docx vb2.docx; then ok; else bad "two runs of the Word file differ"; fi
    fi
    if run docx-tz env TZ=Pacific/Auckland "$BIN" report --demo --unit $U -o vb-tz.docx; then
        if cmp -s vb.docx vb-tz.docx; then ok; else bad "the Word file differs in another time zone"; fi
    fi
    if command -v soffice >/dev/null 2>&1; then
        # its own profile: LibreOffice instances sharing one wait for each other or fail
        if run soffice timeout -k 10 300 soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
            --convert-to pdf --outdir "$WORK/lo" vb.docx; then
            if [ -s lo/vb.pdf ] && pdftotext lo/vb.pdf lo/vb.txt 2>/dev/null; then ok; else bad "LibreOffice wrote no readable PDF"; fi
            value=$(python3 -c "
import csv, sys
sys.path.insert(0, '$SRC/tests/e2e/lib')
import docx_html
e = docx_html.expected_rows('status.csv', '$CATALOG')
print(e['Sjukfrånvaro']['T'])")
            if msg=$(python3 - lo/vb.txt "$U" "$value" <<'EOF'
import re, sys
text = re.sub(r'[\s\u00a0\u202f]+', ' ', open(sys.argv[1], encoding='utf-8').read())
for want in (sys.argv[2], 'Sammanfattning', 'Mål och indikatorer', sys.argv[3], 'Sida 2 ('):
    if want not in text:
        sys.exit("the PDF from LibreOffice lacks %r" % want)
EOF
            ); then ok; else bad "$msg"; fi
        fi
    else
        echo "SKIP: soffice (Debian package libreoffice-writer-nogui) not found: vb.docx not opened in LibreOffice"
    fi
fi
if run docx-en "$BIN" report --demo --unit $U --lang en -o en.docx; then
    check "en.docx package" python3 "$CHECK" package en.docx en
    if [ -n "$DOCX_PY" ]; then
        if msg=$("$DOCX_PY" - en.docx <<'EOF'
import sys, docx
d = docx.Document(sys.argv[1])
heads = [p.text for p in d.paragraphs if p.style.name == 'Heading 1']
if heads != ['Summary', 'Goals and indicators', 'Compared with other units', 'Methods']:
    sys.exit("English chapters: %r" % heads)
if d.core_properties.language != 'en-GB':
    sys.exit("language %r" % d.core_properties.language)
EOF
        ); then ok; else bad "en.docx: $msg"; fi
    fi
fi
if run docx-all "$BIN" report --demo --all-units -o all.docx; then
    check "all.docx package" python3 "$CHECK" package all.docx sv
    if [ -n "$DOCX_PY" ]; then
        "$BIN" status --demo --year 2025 --format csv >all-status.csv 2>/dev/null
        if msg=$("$DOCX_PY" - all.docx all-status.csv <<'EOF'
import csv, sys, docx
d = docx.Document(sys.argv[1])
heads = {p.text for p in d.paragraphs if p.style.name == 'Heading 1'}
units = sorted({r['unit'] for r in csv.DictReader(open(sys.argv[2], encoding='utf-8'))})
missing = [u for u in units if u not in heads]
if len(units) < 5 or missing:
    sys.exit("units without a Heading 1: %r (of %d)" % (missing, len(units)))
EOF
        ); then ok; else bad "all.docx: $msg"; fi
    fi
fi

# ---- web --------------------------------------------------------------------------------------
if run html "$BIN" report --demo --unit $U -o vb.html; then
    check "vb.html" python3 "$CHECK" html vb.html status.csv "$CATALOG" $U sv heads-html.txt
    if [ -s heads-docx.txt ]; then check "headings of vb.html and vb.docx" python3 "$CHECK" same heads-docx.txt heads-html.txt; fi
    if run html2 "$BIN" report --demo --unit $U -o vb2.html; then
        if cmp -s vb.html vb2.html; then ok; else bad "two runs of the web page differ"; fi
    fi
    if command -v chromium >/dev/null 2>&1; then
        for width in 1280 390; do
            profile=$(mktemp -d "$WORK/chromium.XXXXXX")
            timeout -k 10 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
                --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
                --hide-scrollbars --enable-logging=stderr --v=0 --screenshot="$WORK/shot-$width.png" \
                --window-size=$width,844 "file://$WORK/vb.html" >"chromium-$width.out" 2>"chromium-$width.err"
            rc=$?
            rm -rf "$profile"
            if [ $rc -ne 0 ] || [ ! -s "shot-$width.png" ]; then
                bad "chromium at $width px: exit $rc, $(grep -v dbus "chromium-$width.err" | tail -3)"
                continue
            fi
            check "screenshot at $width px" python3 "$CHECK" png "shot-$width.png"
            if grep -q ':CONSOLE' "chromium-$width.err"; then
                bad "the console at $width px: $(grep ':CONSOLE' "chromium-$width.err" | head -3)"
            else ok; fi
        done
    else
        echo "SKIP: chromium not found: vb.html not opened in a browser"
    fi
fi
if run html-en "$BIN" report --demo --unit $U --lang en -o en.html; then
    check "en.html" python3 "$CHECK" html en.html - "$CATALOG" $U en heads-en.txt
fi
if run html-all "$BIN" report --demo --all-units -o all.html; then
    check "all.html" python3 "$CHECK" html all.html - "$CATALOG" - sv heads-all.txt
fi

e2e_end
