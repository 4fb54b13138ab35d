#!/usr/bin/env bash
# chart_counts.sh BINARY SOURCE_DIR WORKDIR: a chart of a count (the demo's "Antal vräkningar
# som berör barn", unit "count" in datasets/catalog.csv, values 0 and 1) has whole-number
# ticks only and no confidence band (issue 18), read from the chart PDFs: the words by
# pdftotext, the band as the only translucent fill cairo writes (/ca 0.16). Sjukfrånvaro, a
# percentage, is the control: its trend has the band and decimals where they belong.
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
U=Vuxenenheten
COUNT="Antal vräkningar som berör barn"
command -v pdftotext >/dev/null || { echo "SKIP: pdftotext (poppler-utils) is missing"; exit 0; }

# words FILE: the PDF's words, one a line, without the legend's trend line (its slope, "0,0
# per år", is a rate and may have decimals)
words() { pdftotext -layout "$1" - | grep -v 'Trend' | tr -s ' \t' '\n' | grep -v '^$'; }
# no_fraction FILE: no number with a decimal comma among its words
no_fraction() {
    local f
    f=$(words "$1" | grep -E '^[−-]?[0-9]+,[0-9]+' | head -3 | tr '\n' ' ')
    [ -z "$f" ] || { echo "decimals on a count's chart: $f"; return 1; }
}
has_ticks_0_1() { words "$1" | grep -qx 0 && words "$1" | grep -qx 1 || { echo "no ticks 0 and 1"; return 1; }; }
translucent() { grep -aq '/ca 0\.16' "$1"; }

run trend "$BIN" chart trend --demo -q --unit $U --indicator "$COUNT" --trendline -o trend.pdf &&
    check "trend: whole ticks" no_fraction trend.pdf &&
    check "trend: 0 and 1" has_ticks_0_1 trend.pdf &&
    check "trend: no band" bash -c '! grep -aq "/ca 0\.16" trend.pdf' &&
    check "trend: the trend line is there" bash -c 'pdftotext trend.pdf - | grep -q "Trend (Sen)"'
run control "$BIN" chart trend --demo -q --unit $U --indicator Sjukfrånvaro --trendline -o control.pdf &&
    check "control: a percentage's trend has its band" translucent control.pdf &&
    check "control: and its decimals" bash -c "pdftotext control.pdf - | grep -q '3,9'"
# a unit's panels, from the demo's rows of the count alone (the unit's other panels have decimals)
awk -F, -v c="$COUNT" 'NR == 1 || ($1 == "Vuxenenheten" && $2 == c)' "$SRC/datasets/demo/demo.csv" >count.csv
run multiples "$BIN" chart multiples count.csv -q --unit $U -o multiples.pdf &&
    check "multiples: whole ticks" no_fraction multiples.pdf &&
    check "multiples: 0 and 1" has_ticks_0_1 multiples.pdf
run compare "$BIN" chart compare --demo -q --indicator "$COUNT" -o compare.pdf &&
    check "compare: whole ticks" no_fraction compare.pdf &&
    check "compare: no intervals" bash -c '! grep -qi "intervall" compare.pdf.alt.txt'
run spc "$BIN" chart spc --demo -q --unit $U --indicator "$COUNT" -o spc.pdf &&
    check "spc: whole ticks and a whole median" no_fraction spc.pdf &&
    check "spc: 0 and 1" has_ticks_0_1 spc.pdf
e2e_end
