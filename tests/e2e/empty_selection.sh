#!/bin/bash
# empty_selection.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of an empty selection (issue 19): when the filters select no
# observation, status, flag, goals, trend, spc, compare, report and chart say
# what was empty, in Swedish or English (--lang en), write nothing, print no
# table and exit 2:
#   "inga utfall för år 2030 i urvalet (enhet Vuxenenheten, indikator
#    Sjukfrånvaro); data finns för 2016–2026"
#   "inga utfall i urvalet (...): data har inga för den kombinationen"
# The years the data has are counted here from datasets/demo/demo.csv with awk.
# Selections that are not empty (a yearly indicator asked for as "VB 2025", a
# flag list with nothing flagged) still exit 0. Prints "N passed, M failed".
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

DEMO=$SRC/datasets/demo/demo.csv
# none DESC RC TEXT COMMAND...: expect (harness.bash), and nothing on standard output
none() {
    expect "$@" && check "$1: nothing on standard output" test ! -s "$WORK/expect.out"
}
# years UNIT INDICATOR: "FIRST–LAST" of the demo's rows for them ("" for any)
years() {
    python3 - "$DEMO" "$1" "$2" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
        if sys.argv[2] in ("", r["unit"]) and sys.argv[3] in ("", r["indicator"])]
ys = [int(r["period"][:4]) for r in rows]
print("%d\u2013%d" % (min(ys), max(ys)), end="")
PY
}

VU=Vuxenenheten
SJ=Sjukfrånvaro
R=$(years "$VU" "$SJ")
check "the demo's years for $VU, $SJ are counted" test "$R" = "2016–2026"
WANT="inga utfall för år 2030 i urvalet (enhet $VU, indikator $SJ); data finns för $R"
for cmd in status flag compare; do
    none "$cmd --year 2030" 2 "$WANT" "$BIN" "$cmd" --demo --year 2030 --unit vuxenenheten --indicator sjukfranvaro
done
none "goals --year 2030" 2 "inga utfall för år 2030 i urvalet (enhet $VU)" \
    "$BIN" goals --demo --year 2030 --unit vuxenenheten
for cmd in trend spc; do
    none "$cmd --from 2030" 2 "inga utfall för perioderna från 2030 i urvalet (enhet $VU, indikator $SJ)" \
        "$BIN" "$cmd" --demo --from 2030 --unit vuxenenheten --indicator sjukfranvaro
done
none "report --year 2030" 2 "inga utfall för år 2030 i urvalet (enhet $VU); data finns för $(years "$VU" "")" \
    "$BIN" report --demo --year 2030 --unit "$VU" -o "$WORK/vb.pdf"
check "report --year 2030 wrote no file" test ! -e "$WORK/vb.pdf"
for kind in trend spc status multiples; do
    case $kind in
        trend|spc) sel=(--from 2030 --indicator "$SJ"); want="inga utfall för perioderna från 2030 i urvalet (enhet $VU" ;;
        status) sel=(--year 2030); want="inga utfall för år 2030 i urvalet (enhet $VU" ;;
        *) sel=(--year 2030 --indicator "$SJ"); want="inga utfall för år 2030 i urvalet (enhet $VU" ;;
    esac
    none "chart $kind, nothing selected" 2 "$want" \
        "$BIN" chart "$kind" --demo "${sel[@]}" --unit "$VU" -o "$WORK/c-$kind.png"
    check "chart $kind --year 2030 wrote no file" test ! -e "$WORK/c-$kind.png"
done
mkdir -p "$WORK/folder"
none "chart trend to a folder, --from 2030" 2 "inga utfall för perioderna från 2030 i urvalet (enhet $VU)" \
    "$BIN" chart trend --demo --from 2030 --unit "$VU" -o "$WORK/folder"
check "the folder stays empty" test -z "$(ls -A "$WORK/folder")"
none "status --year 2030, every unit" 2 \
    "inga utfall för år 2030 i urvalet (alla enheter och indikatorer); data finns för $(years "" "")" \
    "$BIN" status --demo --year 2030
none "status --year 2030 --lang en" 2 \
    "no outcomes for the year 2030 in the selection (all units and indicators); the data has outcomes for $(years "" "")" \
    "$BIN" status --demo --year 2030 --lang en
none "trend --from --to" 2 "inga utfall för perioderna 2030–2031 i urvalet (enhet $VU)" \
    "$BIN" trend --demo --from 2030 --to 2031 --unit "$VU"
none "status --period" 2 "inga utfall för perioden 2012-T2 i urvalet" "$BIN" status --demo --period 2012-T2
none "compare --units" 2 "(enheterna Familjeenheten och $VU, indikator $SJ)" \
    "$BIN" compare --demo --indicator "$SJ" --units Familjeenheten,Vuxenenheten --year 2031
# a unit and an indicator that exist, but not together
OTHER="Andel barn och unga som åter blir föremål för anmälan/ansökan efter avslutad utredning"
check "$VU has no \"$OTHER\" in the demo" bash -c "! grep -qF '$VU,$OTHER,' '$DEMO'"
none "a combination the data does not have" 2 \
    "inga utfall i urvalet (enhet $VU, indikator $OTHER): data har inga för den kombinationen" \
    "$BIN" status --demo --unit "$VU" --indicator "$OTHER"
none "a combination (en)" 2 "no outcomes in the selection (unit $VU, indicator $OTHER): the data has none for that combination" \
    "$BIN" trend --demo --unit "$VU" --indicator "$OTHER" --lang en
none "a gender the unit does not have" 2 "(enhet $VU, kön X)" "$BIN" status --demo --unit "$VU" --gender X --year 2024

# ---- not empty -------------------------------------------------------------------
run status-2024 "$BIN" status --demo -q --year 2024 --unit "$VU" --indicator "$SJ" --format csv
check "status --year 2024: rows" test "$(wc -l <"$WORK/status-2024.out")" -gt 1
run vb-2025 "$BIN" compare --demo -q --indicator ami --period "VB 2025" --format csv
check "compare --period 'VB 2025' of a yearly indicator: rows" test "$(wc -l <"$WORK/vb-2025.out")" -gt 3
# flag with nothing below its target is an answer, not an empty selection
# Beställarenheten's Aktivt Medskapandeindex (higher is better) is above its target in 2024
MU="Beställarenheten äldreomsorg"
MI="Aktivt Medskapandeindex"
check "$MU, $MI: higher is better" grep -q "^[^,]*,$MI,.*,higher," "$SRC/datasets/catalog.csv"
check "$MU, $MI 2024: above the target and KF's" python3 - "$DEMO" "$MU" "$MI" <<'PY'
import csv, sys
r = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
     if (r["unit"], r["indicator"], r["period"], r["gender"]) == (sys.argv[2], sys.argv[3], "2024", "T")][0]
sys.exit(0 if float(r["value"]) > float(r["target"]) and float(r["value"]) > float(r["kf_target"]) else 1)
PY
MET="$MU"$'\t'"$MI"
run flag-none "$BIN" flag --demo -q --year 2024 --unit "${MET%%$'\t'*}" --indicator "${MET#*$'\t'}" --format csv
check "flag with nothing flagged: only the header" test "$(wc -l <"$WORK/flag-none.out")" -eq 1

e2e_end
