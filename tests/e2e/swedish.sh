#!/bin/bash
# swedish.sh BINARY SOURCE_DIR WORKDIR
#
# Everything a person reads from the demo is Swedish by default (issue 18), and
# English with --lang en:
#   - the terminal table of every command (check, status, flag, goals, trend,
#     compare, spc, import, extract), the text of the demo VB of Vuxenenheten and
#     of its tertial report 2025 T2 (pdftotext), the alt text of every chart kind,
#     the notes on standard error, and the messages of a few bad inputs: no word of
#     an English word list, and no decimal point between digits;
#   - golden sentences of the VB and of flag, written by hand from
#     datasets/demo/demo.csv (the numbers are checked against the file below);
#   - the same commands with --lang en: English headers, and none of a list of
#     Swedish-only words once the data's own (Swedish) names are taken out.
# The data's names (units, indicators, goals, notes), file names, option names
# and documentation paths are taken out of the text before the words are read.
# Needs python3; the PDF parts need pdftotext (skipped without it).
source "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
# the sentences are read whole: tables as wide as they are (no terminal here)
export COLUMNS=1000
DEMO=$SRC/datasets/demo
U=Vuxenenheten
FREDA="Andel granskade ärenden där FREDA-kortfrågor ställts"
HAVE_PDF=1
command -v pdftotext >/dev/null 2>&1 || { HAVE_PDF=0; echo "note: pdftotext missing: the reports are not read"; }

# ind COMMAND ARGS...: the command with the language's arguments after its name
ind() { "$BIN" "$1" "${EXTRA[@]}" "${@:2}"; }
# outputs DIR LANG-ARGS...: every command's human output into $WORK/$LANG/, stdout and stderr together
outputs() {
    local dir=$1
    shift
    mkdir -p "$dir" && cd "$dir" || return 1
    EXTRA=("$@")
    ind check --demo >check.txt 2>&1
    ind status --demo >status.txt 2>&1
    ind status --demo --unit $U --period 2025-T2 >status-t2.txt 2>&1
    ind flag --demo >flag.txt 2>&1
    ind goals --demo >goals.txt 2>&1
    ind trend --demo --unit $U >trend.txt 2>&1
    ind compare --demo --indicator "$FREDA" >compare.txt 2>&1
    ind compare --demo --indicator Sjukfrånvaro --period 2025-T2 >compare-t2.txt 2>&1
    ind compare --demo --indicator Ledarskapsindex >compare-index.txt 2>&1
    ind spc --demo --unit $U --indicator Sjukfrånvaro >spc.txt 2>&1
    ind spc --demo --unit Mottagningsenheten --indicator Sjukfrånvaro --chart i --rules nhs >spc-i.txt 2>&1
    ind import --demo -o import.csv >import.txt 2>&1
    ind extract "$DEMO/vp-2026-vuxenenheten.txt" -o extracted >extract.txt 2>&1
    ind chart trend --demo --unit $U --indicator Sjukfrånvaro -o trend.png >charts.txt 2>&1
    ind chart multiples --demo --unit $U -o multiples.png >>charts.txt 2>&1
    ind chart compare --demo --indicator Sjukfrånvaro -o compare.png >>charts.txt 2>&1
    ind chart funnel --demo --indicator "$FREDA" -o funnel.png >>charts.txt 2>&1
    ind chart spc --demo --unit $U --indicator Sjukfrånvaro -o spc.png >>charts.txt 2>&1
    ind chart status --demo --unit $U -o status.png >>charts.txt 2>&1
    # bad inputs: the messages
    {
        ind status --demo --period 2099-T9
        ind check "$SRC/tests/bad/share_130_percent.csv"
        ind check "$SRC/tests/bad/two_decimal_commas.csv"
        ind check "$SRC/tests/bad/unterminated_quote.csv"
        ind check "$SRC/tests/bad/period_month_13.csv"
        ind check "$SRC/tests/bad/header_missing_column.csv"
        ind check "$SRC/tests/bad/numerator_above_denominator.csv"
        ind check nothing-here.csv
        ind status --demo --alpha 2
        ind report --demo --unit $U
        ind compare --demo --indicator Sjukfrånvaro --units $U
    } >bad.txt 2>&1
    # a warning in check's table
    ind check "$SRC/tests/bad/duplicate_two_files_a.csv" "$SRC/tests/bad/duplicate_two_files_a.csv" \
        >warning.txt 2>&1
    if [ $HAVE_PDF = 1 ]; then
        ind report --demo --unit $U -o vb.pdf >report.txt 2>&1 && pdftotext -layout vb.pdf vb.txt
        ind report --demo --unit $U --period 2025-T2 -o t2.pdf >>report.txt 2>&1 && pdftotext -layout t2.pdf t2.txt
    fi
    cd "$WORK" || return 1
}
outputs "$WORK/sv"
outputs "$WORK/en" --lang en
for f in check status flag goals trend compare spc charts bad; do
    [ -s "sv/$f.txt" ] && ok || bad "sv/$f.txt is empty"
done
for f in trend multiples compare funnel spc status; do
    [ -s "sv/$f.png.alt.txt" ] && ok || bad "no alt text for the $f chart"
done
if [ $HAVE_PDF = 1 ]; then
    [ -s sv/vb.txt ] && [ -s sv/t2.txt ] && ok || bad "a report was not written: $(cat sv/report.txt)"
fi

# ---- the words ---------------------------------------------------------------------------
# The data's names, longest first: they are Swedish (or proper names) whatever the language.
python3 - "$DEMO" "$SRC/tests/bad/duplicate_two_files_a.csv" >names.txt <<'EOF'
import csv, sys
names = set()
for row in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    names.update(x for x in (row["unit"], row["indicator"]) if x)
for row in csv.DictReader(open(sys.argv[1] + "/demo.csv", encoding="utf-8")):
    names.update(x for x in (row["unit"], row["indicator"], row["note"], row["source"]) if x)
goal_ids = set()
for row in csv.DictReader(open(sys.argv[1] + "/goals.csv", encoding="utf-8")):
    names.update(x for x in (row["unit"], row["text"]) if x)
    goal_ids.add(row["id"])
for n in sorted(names, key=len, reverse=True):
    print("name\t" + n)
for g in sorted(goal_ids, key=len, reverse=True):
    print("goal\t" + g)
EOF
# words LANG FILE...: the words of the list for LANG found in the files (after the names
# are taken out), one "file: word: line" each; decimal points too in Swedish.
words() {
    python3 - "$WORK/names.txt" "$@" <<'EOF'
import re, sys
names, goals = [], set()
for line in open(sys.argv[1], encoding="utf-8"):
    kind, text = line.rstrip("\n").split("\t", 1)
    (names.append(text) if kind == "name" else goals.add(text))
lang = sys.argv[2]
# English words that must not be in Swedish text. Left out: words that are
# Swedish too (men, per, trend, median, in, signal, index, data, total, all, rest,
# test, for, is, an, by, to, at, be, not, and) and one-letter words.
english = set("""the of with file files row rows delimiter built unit units warning warnings error errors
missing point points summary global pair pairs long higher lower percent count periods period's gender
indicator indicators value values year years month months target targets none unknown written read
chart charts series improving worsening increasing decreasing limit limits centre center mean shift
crossings above below between within outside met partly unjudged source women female male page pages
figure table obs entries valid sheet yes true false share rate other every this that from are was were
has have than more less only used using see note notes method methods proportions equality
correction continuity sample exact rank sum were which when where what why how should would could
there their they them its it's than level significance change changes forecast prognosis
comparison compared against expected chance difference gap band direction better worse""".split())
# Swedish-only words that must not be in English text (after the names are out;
# årsmål, tertial, VB and the verdicts' codes are the domain's own words in English too).
swedish = set("""och är inte av för med som det den enheten enheter utfall bedömning uppfylls saknas
varning varningar fil filer rader avgränsare perioder kön värde värden mellan över under sidor punkter
diagram enhet indikatorer mål målet utan eller inga ingen alla har kan nås ligger
jämfört jämförelse skillnaden slumpen procentenheter lägre högre sämre bättre""".split())
# a word of the data's names is no evidence either way (a name broken over two
# lines of a PDF's table is not taken out whole)
in_names = {w.lower() for n in names for w in re.findall(r"[^\W\d_]+", n)}
listed = (english if lang == "sv" else swedish) - in_names
found = 0
for path in sys.argv[3:]:
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except FileNotFoundError:
        continue
    for n in names:
        text = text.replace(n, " ")
    # file names, paths, options, a column's name as the file has it (file:line:column:
    # NAME: ...), and the name of a publication
    text = re.sub(r"(:\d+:\d+:) [^ :]+:", r"\1", text)
    text = re.sub(r"\S*/\S*|\S+\.(csv|md|txt|pdf|png|svg|json|xlsx|docx|html)\b|--[a-z-]+", " ", text)
    text = text.replace("Making Data Count", " ")
    for line in text.split("\n"):
        for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", line):
            if w.lower() in listed:
                print("%s: %s: %s" % (path, w, " ".join(line.split())[:160]))
                found += 1
        if lang == "sv":
            # a decimal point between digits; not a version (0.1.0), a goal's number (1.3.2) or a date
            probe = re.sub(r"\d+(\.\d+){2,}", " ", line)
            probe = " ".join(t for t in probe.split() if t.rstrip(".,:;") not in goals)
            if re.search(r"\d\.\d", probe):
                print("%s: decimal point: %s" % (path, " ".join(line.split())[:160]))
                found += 1
sys.exit(1 if found else 0)
EOF
}
swedish_files=(sv/*.txt)
check "Swedish: no English word, no decimal point" words sv "${swedish_files[@]}"
english_files=(en/*.txt)
check "English: no Swedish-only word" words en "${english_files[@]}"

# ---- the headers ----------------------------------------------------------------------------
header() { sed -n 3p "$1"; } # a table's header: the caption, an empty line, the header
check "check: Swedish header" grep -q "^Vad *Namn *Värde" sv/check.txt
check "check: English header" grep -q "^What *Name *Value" en/check.txt
check "status: Swedish header" bash -c 'sed -n 4p "$1" | grep -q "^Enhet *Indikator *Period *Kön *Utfall"' _ sv/status.txt
check "status: English header" bash -c 'sed -n 4p "$1" | grep -q "^Unit *Indicator *Period *Sex *Outcome"' _ en/status.txt
check "compare: Swedish row kinds" grep -q "^alla enheter" sv/compare.txt
check "compare: English row kinds" grep -q "^all units" en/compare.txt
check "spc: Swedish rows" grep -q "^punkt " sv/spc.txt
check "spc: English rows" grep -q "^point " en/spc.txt
check "check: kinds in words" grep -q "^fil *demo.csv (inbyggd) *lång form, UTF-8" sv/check.txt
check "check: kinds in words, English" grep -q "^file *demo.csv (built in) *long form, UTF-8" en/check.txt
check "check: a warning in Swedish" grep -q "^varning .*samma uppgift som i" sv/warning.txt
check "check: the same warning in English" grep -q "^warning .*identical repeat of" en/warning.txt
# machine formats keep their codes whatever the language
"$BIN" check --demo --format csv >sv-check.csv 2>/dev/null
"$BIN" check --demo --format csv --lang en >en-check.csv 2>/dev/null
check "check --format csv: the codes in both languages" cmp sv-check.csv en-check.csv
check "check --format csv: file, count, indicator codes" bash -c \
    'grep -q "^file,demo.csv (built in),\"long, UTF-8, delimiter ,, 4097 rows, 4096 obs\"" "$1" &&
     grep -q "^count,observations,4096," "$1" && grep -q "^indicator,Sjukfrånvaro,\"percent, lower, tertial\"" "$1"' _ sv-check.csv

# ---- messages ---------------------------------------------------------------------------
check "a bad period, in Swedish" grep -qF 'indikator: --period: "2099-T9" är ingen period: ett tertial är T1, T2 eller T3' sv/bad.txt
check "a bad period, in English" grep -qF 'indikator: --period: "2099-T9" is not a period: a tertial is T1, T2 or T3' en/bad.txt
check "a missing file: the system's reason in Swedish" grep -qF 'nothing-here.csv: kan inte öppna filen: filen eller mappen finns inte' sv/bad.txt
check "a bad cell names file, line, column and column" grep -qF 'numerator_above_denominator.csv:2:5: numerator: täljaren 23 är större än nämnaren 22' sv/bad.txt
check "the notes on stderr" grep -qF 'indikator: inget --year eller --period angivet: visar 2025, senaste året med helårsutfall' sv/status.txt

# ---- golden sentences ----------------------------------------------------------------------
# Written by hand from datasets/demo/demo.csv; first the numbers they rest on:
check "demo.csv: the numbers of the golden sentences" python3 - "$DEMO/demo.csv" <<'EOF'
import csv, sys
rows = {}
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    rows[(r["unit"], r["indicator"], r["period"], r["gender"])] = r
def v(u, i, p, g="T"):
    return rows[(u, i, p, g)]
eko = "Andel inköpta ekologiska livsmedel i kronor"
a, b = v("Vuxenenheten", eko, "2025"), v("Vuxenenheten", eko, "2024")
assert (a["value"], a["target"], b["value"]) == ("64.6", "70 %", "77.5"), (a["value"], a["target"], b["value"])
s, s0 = v("Vuxenenheten", "Sjukfrånvaro", "2025-T3"), v("Vuxenenheten", "Sjukfrånvaro", "2024-T3")
assert (s["value"], s["target"], s0["value"]) == ("4.9", "4 %", "5.8"), (s["value"], s["target"], s0["value"])
f = v("Beställarenheten äldreomsorg", "Andel granskade ärenden där FREDA-kortfrågor ställts", "2025")
assert (f["numerator"], f["denominator"], f["target"]) == ("1", "22", "50 %"), f
EOF
# (a number and its % are held together by a no-break space)
P=$'\u00a0%'
# 64.6 against 70 is below; 77.5 - 64.6 = 12.9 lower than 2024
check "flag: ekologiska livsmedel, Vuxenenheten 2025" grep -qF \
    "Andel inköpta ekologiska livsmedel i kronor 2025: 64,6$P, under årsmålet 70,0$P. Årsmålet nås inte. Det är 12,9 procentenheter lägre än 2024." sv/flag.txt
# sjukfrånvaro (lower is better) 4.9 against 4 is above; 5.8 - 4.9 = 0.9 lower than 2024's T3
check "flag: Sjukfrånvaro, Vuxenenheten 2025" grep -qF \
    "Sjukfrånvaro 2025: 4,9$P, över årsmålet 4,0$P. Årsmålet nås inte. Det är 0,9 procentenheter lägre än 2024." sv/flag.txt
# 1 of 22 is 4.5 %, shown without decimals as the catalogue says: 5 %
check "compare: FREDA, Beställarenheten 1 av 22" grep -qF "Beställarenheten äldreomsorg: 5$P (1 av 22)" sv/compare.txt
if [ $HAVE_PDF = 1 ]; then
    flat() { tr -s ' \n' ' ' <"$1"; }
    check "VB: the cover names the data in Swedish" grep -q "Underlag: demo.csv (inbyggd)" sv/vb.txt
    check "VB: the cover names the data in English" grep -q "Data: demo.csv (built in)" en/vb.txt
    check "VB: ekologiska livsmedel 64,6 % against 70 %" bash -c 'tr -s " \n" " " <"$1" | grep -qF "64,6"' _ sv/vb.txt
fi
e2e_end
