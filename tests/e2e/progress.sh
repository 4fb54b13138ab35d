#!/bin/bash
# progress.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of the progress line (issue 19, cli/progress.c): work over
# about a second (here 1200 trend charts to a folder, some seconds) draws
# "[####----] DONE/TOTAL diagram: UNIT" on standard error when that is a
# terminal (script(1) of util-linux gives it one), ending at TOTAL/TOTAL and
# cleared before the closing note; nothing with -q, nothing when standard
# error is not a terminal, nothing for work that ends within the second.
# Skipped (with a message) when script(1) is missing. Prints "N passed, M failed".
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

# 60 units × 20 indicators × 8 years: 1200 series, a chart each
python3 - >"$WORK/many.csv" <<'PY'
print("unit,indicator,period,gender,value")
for u in range(60):
    for i in range(20):
        for y in range(2016, 2024):
            print(f"Enhet {u:03d},Mått {i},{y},T,{(u * 7 + i * 3 + y) % 80 + 10}")
PY

if ! command -v script >/dev/null; then
    echo "script(1) not found: the terminal cases are skipped"
else
    # tty NAME COMMAND: runs COMMAND (one string) on a terminal, its output in WORK/NAME.tty
    tty() { script -qec "$2" /dev/null >"$WORK/$1.tty" 2>&1 </dev/null; }
    tty bar "'$BIN' chart trend '$WORK/many.csv' -o '$WORK/charts/'"
    check "on a terminal: 1200 charts" test "$(ls "$WORK"/charts/*.png | wc -l)" -eq 1200
    LINES_=$(tr '\r' '\n' <"$WORK/bar.tty")
    check "on a terminal: a progress line" grep -qa '^.\[K\[[#-]\{20\}\] [0-9]*/1200 diagram: Enhet ' <<<"$LINES_"
    check "on a terminal: it ends at 1200/1200" grep -qa '\[####################\] 1200/1200 diagram: Enhet 059' <<<"$LINES_"
    check "on a terminal: the line is cleared before the note" \
        grep -qaF $'\r\033[Kindikator: 1200 trenddiagram skrivna till' "$WORK/bar.tty"
    tty quiet "'$BIN' chart trend -q '$WORK/many.csv' -o '$WORK/charts-q/'"
    check "-q: the charts are drawn" test "$(ls "$WORK"/charts-q/*.png | wc -l)" -eq 1200
    check "-q: nothing on the terminal" test ! -s "$WORK/quiet.tty"
    tty fast "'$BIN' status --demo --unit Vuxenenheten --year 2024 --format csv"
    check "work within a second: no progress line" bash -c "! grep -qa '\[[#-]\{20\}\]' '$WORK/fast.tty'"
    check "work within a second: the table is there" grep -qa '^Vuxenenheten,' "$WORK/fast.tty"
    tty lang "'$BIN' chart trend --lang en '$WORK/many.csv' -o '$WORK/charts-en/'"
    check "--lang en: counted in English" grep -qa '1200/1200 charts: Enhet 059' "$WORK/lang.tty"
fi

# standard error not a terminal: the note, never a progress line
"$BIN" chart trend "$WORK/many.csv" -o "$WORK/charts-file/" >"$WORK/file.out" 2>"$WORK/file.err"
check "not a terminal: exit 0" test $? -eq 0
check "not a terminal: the note" grep -q '1200 trenddiagram skrivna' "$WORK/file.err"
check "not a terminal: no progress line" bash -c "! grep -q '\[[#-]\{20\}\]' '$WORK/file.err'"
check "not a terminal: no escape sequences" bash -c "! grep -q $'\033' '$WORK/file.err'"

e2e_end
