#!/bin/bash
# tertial.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of the tertial reports (report --period YYYY-T1|T2) and of
# what the report says it covers, read back with poppler-utils:
#   - the demo, Vuxenenheten, 2025 T2 and T1: title, cover, "Uppgifter till och
#     med", the summary's counts of indicators below their target agree with
#     `flag --period P --unit Vuxenenheten --format csv`, and every tertial
#     indicator of the unit has a prognosis in the table;
#   - the hand-worked prognosis fixture (tests/golden/prognosis, verdicts worked
#     by hand in tests/unit/test_prognosis.c from R's numbers): the sentences
#     say "inte nås" for Enhet P, "nås delvis" for Enhet T, "osäker" for Enhet R;
#   - the VB says the last period it uses (2025 T3 for 2025, 2024 T3 for 2024);
#   - --period and --year that disagree: exit 1; an empty selection (no outcome
#     at the tertial, an indicator followed per year only): exit 2 and no file;
#   - --organisation and --title on the cover; status and flag carry the
#     prognosis at a tertial (csv columns);
#   - the Stockholm data (no tertial outcomes in the seeds): exit 2, said plainly.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
if ! command -v pdftotext >/dev/null 2>&1; then
    echo "SKIP: pdftotext (poppler-utils) not found"
    exit 0
fi
mkdir -p "$WORK" && cd "$WORK" || exit 2
printf 'leak:libfontconfig.so\n' >lsan.supp
export LSAN_OPTIONS="suppressions=$WORK/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
check() {
    local what=$1 msg
    shift
    if msg=$("$@" 2>&1); then ok; else bad "$what: $msg"; fi
}
check_rc() {
    local what=$1 want=$2
    shift 2
    "$@" >/dev/null 2>"$WORK/rc.err"
    local rc=$?
    if [ "$rc" -eq "$want" ]; then ok; else bad "$what: exit $rc, expected $want ($(head -c 200 "$WORK/rc.err"))"; fi
}
has() { grep -qF -- "$2" "$1" || { echo "\"$2\" not in $1"; return 1; }; }

for P in 2025-T2 2025-T1; do
    K=${P#*-T}
    "$BIN" report --demo -q --unit Vuxenenheten --period "$P" -o "t$K.pdf" || bad "report $P: exit $?"
    pdftotext "t$K.pdf" "t$K.txt"
    pdfinfo "t$K.pdf" >"t$K.info"
    check "$P: title in the metadata" has "t$K.info" "Tertialrapport $K 2025: indikatorer – Vuxenenheten"
    check "$P: the report kind on the cover" has "t$K.txt" "Tertialrapport $K 2025"
    check "$P: uppgifter till och med the tertial" has "t$K.txt" "Uppgifter till och med: 2025 T$K"
    "$BIN" flag --demo -q --unit Vuxenenheten --period "$P" --format csv >"flag$K.csv"
    check "$P: summary counts agree with flag" python3 - "t$K.txt" "flag$K.csv" <<'EOF'
import csv, re, sys
text = open(sys.argv[1], encoding='utf-8').read().replace('\n', ' ')
rows = list(csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')))
m = re.search(r'uppfylls (\d+) helt, (\d+) delvis och (\d+) inte', text)
if not m:
    sys.exit("no summary counts")
partly, not_met = int(m.group(2)), int(m.group(3))
fp = sum(r['verdict'] == 'partly' for r in rows)
fn = sum(r['verdict'] == 'not_met' for r in rows)
if (partly, not_met) != (fp, fn):
    sys.exit("report: %d delvis, %d inte; flag: %d partly, %d not met" % (partly, not_met, fp, fn))
for r in rows:  # each flagged indicator has its sentence in the summary
    if r['indicator'] + ':' not in text:
        sys.exit("no sentence for %s" % r['indicator'])
EOF
    "$BIN" status --demo -q --unit Vuxenenheten --period "$P" --gender T --format csv >"status$K.csv"
    check "$P: every tertial indicator has a prognosis" python3 - "t$K.txt" "status$K.csv" <<'EOF'
import csv, sys
text = open(sys.argv[1], encoding='utf-8').read()
rows = list(csv.DictReader(open(sys.argv[2], newline='', encoding='utf-8')))
if not rows:
    sys.exit("status has no rows at the tertial")
labels = {'met': 'Uppfylls helt', 'partly': 'Uppfylls delvis', 'not_met': 'Uppfylls inte',
          'uncertain': 'Osäkert', 'none': 'Ingen prognos'}
for r in rows:
    if not r['prognosis']:
        sys.exit("%s: no prognosis column" % r['indicator'])
    if labels[r['prognosis']] not in text:
        sys.exit("%s: prognosis %s not in the report" % (r['indicator'], r['prognosis']))
EOF
done

# the hand-worked fixture
G=$SRC/tests/golden/prognosis/data.csv
for case in "Enhet P:2025-T2:Prognosen är att årsmålet inte nås." "Enhet T:2025-T2:Prognosen är att årsmålet nås delvis." \
            "Enhet R:2025-T1:Prognosen för helåret är osäker" "Enhet Q:2025-T2:Prognosen är att årsmålet nås."; do
    IFS=: read -r unit period want <<<"$case"
    "$BIN" report "$G" -q --unit "$unit" --period "$period" -o fixture.pdf && pdftotext fixture.pdf fixture.txt
    check "fixture $unit $period: $want" python3 -c "import sys; t=open('fixture.txt',encoding='utf-8').read().replace(chr(10),' '); sys.exit(0 if sys.argv[1] in t else 'not found')" "$want"
done

# the VB says what it covers
"$BIN" report --demo -q --unit Vuxenenheten --year 2024 -o vb24.pdf && pdftotext vb24.pdf vb24.txt
check "VB 2024: uppgifter till och med 2024 T3" has vb24.txt "Uppgifter till och med: 2024 T3"
check "VB 2024: the title names the year" has vb24.txt "Verksamhetsberättelse 2024"
"$BIN" report --demo -q --unit Vuxenenheten --period 2025 -o vb25.pdf && pdftotext vb25.pdf vb25.txt
check "--period 2025 is the VB" has vb25.txt "Verksamhetsberättelse 2025"

# usage and empty selections
check_rc "--period and --year disagree: exit 1" 1 "$BIN" report --demo -q --unit Vuxenenheten --period 2025-T2 --year 2024 -o x.pdf
check_rc "no outcome at the tertial: exit 2" 2 "$BIN" report --demo -q --unit Vuxenenheten --period 2030-T1 -o empty.pdf
check "no outcome at the tertial: nothing written" test ! -e empty.pdf
check "no outcome: said plainly" has rc.err "inga utfall för perioden 2030-T1 i urvalet (enhet Vuxenenheten)"
check_rc "a yearly indicator only: exit 2" 2 "$BIN" report --demo -q --unit Vuxenenheten --period 2025-T2 --indicator "Aktivt Medskapandeindex" -o empty.pdf
check_rc "VB of a year without outcomes: exit 2" 2 "$BIN" report --demo -q --unit Vuxenenheten --year 2031 -o empty.pdf
check_rc "Stockholm has no tertial outcomes: exit 2" 2 "$BIN" report "$SRC/datasets/stockholm/indicators.csv" -q --all-units --period 2021-T2 -o empty.pdf

# the cover
"$BIN" report --demo -q --unit Vuxenenheten --period 2025-T2 --organisation "Stadsdelsförvaltning Exempelstad" \
    --organisation "Avdelningen för individ och familj" --title "Tertialrapport 2 för Vuxenenheten" -o cover.pdf
pdftotext cover.pdf cover.txt
pdfinfo cover.pdf >cover.info
check "--organisation on the cover" has cover.txt "Avdelningen för individ och familj"
check "--title as the document's title" has cover.info "Tertialrapport 2 för Vuxenenheten"

# --indicator applies to every section
"$BIN" report --demo -q --unit Vuxenenheten --period 2025-T2 --indicator "Sjukfrånvaro dag 1-14" -o one.pdf && pdftotext one.pdf one.txt
check "--indicator: the other tertial indicator is left out" python3 -c "import sys; t=open('one.txt',encoding='utf-8').read(); sys.exit('Sjukfrånvaro:' in t and 'found the other indicator' or 0)"

e2e_end
