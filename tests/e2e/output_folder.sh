#!/bin/bash
# output_folder.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of -o DIR/ (issue 19): a name ending in "/" is a folder.
#   - chart trend -o DIR/ and extract -o DIR/ make the folder and its missing
#     parents and write their files into it; an existing folder is used as is;
#     a file in the way is exit 5 with a message naming it;
#   - a command that writes one file (status, import, report, chart spc ...)
#     given -o DIR/ is a usage error (exit 1) that says so, and makes nothing;
#   - chart trend -o NAME with no extension says how to ask for a folder;
#   - the folder is not made when the command fails before writing;
#   - -o - is standard output (a binary format to it is a usage error).
# The number of charts expected is counted from datasets/demo/demo.csv.
# Prints "N passed, M failed".
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

# the total series of Vuxenenheten in the demo: one chart (and its alt text) each
N=$(python3 - "$SRC/datasets/demo/demo.csv" <<'PY'
import csv, sys
print(len({r["indicator"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
           if r["unit"] == "Vuxenenheten" and r["gender"] == "T"}))
PY
)
check "Vuxenenheten has total series in the demo ($N)" test "$N" -gt 3

# ---- folders made -----------------------------------------------------------------
run trend-new "$BIN" chart trend --demo -q --unit vuxenenheten -o "$WORK/new/a/b/"
check "chart trend -o new/a/b/: the folder is made" test -d "$WORK/new/a/b"
check "chart trend -o new/a/b/: $N charts" test "$(ls "$WORK"/new/a/b/*.png | wc -l)" -eq "$N"
check "chart trend -o new/a/b/: $N alt texts" test "$(ls "$WORK"/new/a/b/*.png.alt.txt | wc -l)" -eq "$N"
run trend-again "$BIN" chart trend --demo -q --unit vuxenenheten -o "$WORK/new/a/b/"
check "an existing folder is used as is" test "$(ls "$WORK"/new/a/b/*.png | wc -l)" -eq "$N"
run trend-noslash "$BIN" chart trend --demo -q --unit vuxenenheten -o "$WORK/new/a/b"
check "an existing folder without the slash: the same" test "$(ls "$WORK"/new/a/b/*.png | wc -l)" -eq "$N"
run extract-new "$BIN" extract -q "$SRC/datasets/demo/vp-2026-vuxenenheten.txt" -o "$WORK/ex/2026/"
for f in indicators goals activities unread warnings; do
    check "extract -o ex/2026/: $f.csv" test -s "$WORK/ex/2026/$f.csv"
done
touch "$WORK/plain"
expect "a file in the way: exit 5" 5 "plain" \
    "$BIN" chart trend --demo -q --unit vuxenenheten -o "$WORK/plain/sub/"
check "nothing made under the file" test -f "$WORK/plain"

# ---- one file: a folder is a usage error ---------------------------------------------
expect "status -o DIR/" 1 'ett namn som slutar på "/" är en mapp, och kommandot skriver en fil' \
    "$BIN" status --demo -q -o "$WORK/s/"
expect "status -o DIR/ (en)" 1 'a name ending in "/" is a folder, and this command writes one file' \
    "$BIN" status --demo -q --lang en -o "$WORK/s/"
expect "import -o DIR/" 1 'är en mapp' "$BIN" import -q -o "$WORK/s/"
expect "report -o DIR/" 1 'är en mapp' "$BIN" report --demo -q --unit Vuxenenheten -o "$WORK/s/"
expect "compare -o DIR/" 1 'är en mapp' "$BIN" compare --demo -q --indicator ami -o "$WORK/s/"
expect "chart spc -o DIR/" 1 'chart spc ritar en fil' \
    "$BIN" chart spc --demo -q --unit Vuxenenheten --indicator Sjukfrånvaro -o "$WORK/s/"
check "no folder made for one file" test ! -e "$WORK/s"
expect "chart trend -o NAME: how to ask for a folder" 1 "för trend ritar -o $WORK/t/ ett diagram per serie" \
    "$BIN" chart trend --demo -q --unit Vuxenenheten -o "$WORK/t"
check "no folder made without the slash" test ! -e "$WORK/t"
# a failure before writing leaves no folder behind
expect "unknown unit with -o DIR/" 2 "Menade du Vuxenenheten?" \
    "$BIN" chart trend --demo -q --unit vuxenenhet -o "$WORK/never/"
check "no folder made when the command fails" test ! -e "$WORK/never"

# ---- -o - is standard output --------------------------------------------------------
cd "$WORK" || exit 1
"$BIN" status --demo -q --year 2025 --format csv -o - >dash.out 2>dash.err
check "status -o -: exit 0" test $? -eq 0
check "status -o -: the CSV on standard output" grep -q "^unit," dash.out
check "status -o -: no file named -" test ! -e ./-
expect "xlsx to -o -" 1 "xlsx skrivs till en fil" "$BIN" status --demo -q --format xlsx -o -
check "xlsx to -o -: no file named -" test ! -e ./-

e2e_end
