#!/usr/bin/env bash
# terminal_width.sh BINARY SOURCE_DIR WORKDIR: terminal tables fit a width. Not on a terminal
# every line is at most 100 characters (or $COLUMNS); on a terminal (a pseudo-terminal made by
# script(1)) at most its columns; the columns left out are named under the table and nothing is
# lost from the ones shown; --wide prints one line per row and leaves nothing out.
source "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

# widest FILE: the longest line in characters (code points), carriage returns not counted.
widest() {
    python3 -c 'import sys; print(max((len(l.rstrip("\r\n")) for l in open(sys.argv[1], encoding="utf-8")), default=0))' "$1"
}
fits() { # FILE WIDTH
    local w
    w=$(widest "$1")
    [ "$w" -le "$2" ] || { echo "$1: a line of $w characters, wider than $2"; return 1; }
}

# ---- every command's table at 100 (not a terminal), and at $COLUMNS -----------------------
cmds=("status --demo" "flag --demo" "goals --demo" "trend --demo" "check --demo"
      "compare --demo --indicator FREDA-kortfrågor" "spc --demo --unit Vuxenenheten --indicator Sjukfrånvaro")
i=0
for c in "${cmds[@]}"; do
    i=$((i + 1))
    # shellcheck disable=SC2086 # the command's words
    (unset COLUMNS; "$BIN" $c -q) >"t$i.txt" 2>"t$i.err" && ok || bad "$c: exit $?: $(head -c 200 "t$i.err")"
    check "$c fits 100 columns when not on a terminal" fits "t$i.txt" 100
    # shellcheck disable=SC2086
    COLUMNS=60 "$BIN" $c -q >"t$i-60.txt" 2>/dev/null
    check "$c fits COLUMNS=60" fits "t$i-60.txt" 60
    check "$c: no line ends in a space" bash -c '! grep -q " $" "$1"' _ "t$i.txt"
done

# ---- status: which columns stay, which go and are named -----------------------------------
(unset COLUMNS; "$BIN" status --demo -q) >status.txt
head=$(sed -n '3p' status.txt)
for label in Enhet Indikator Period Kön Utfall Årsmål Bedömning; do
    case $head in *"$label"*) ok ;; *) bad "status at 100 columns: no $label in the heading: $head" ;; esac
done
check "status at 100 columns: the columns left out are named, with --wide" \
    grep -qx $'Kolumner som inte fick plats: n, Avstånd, KF:s årsmål, KF-bedömning, Förändring, Helårsprognos. Med\u00a0--wide visas alla.' \
    <(tr '\n' ' ' <status.txt | grep -o 'Kolumner som inte fick plats:[^.]*\. Med[^.]*\.' | tr -s ' ')
(unset COLUMNS; "$BIN" status --demo -q --lang en) >status-en.txt
check "status --lang en names them in English" grep -q "Columns left out for lack of width: n, Gap" <(tr '\n' ' ' <status-en.txt)

# ---- --wide: one line per row, every column, no note ---------------------------------------
"$BIN" status --demo -q --wide >wide.txt
"$BIN" status --demo -q --format csv >status.csv
rows=$(($(wc -l <status.csv) - 1))
# the caption, a blank line, the heading, the rule, the rows, a blank line, the rule in force
check "status --wide: one line per row" test "$(wc -l <wide.txt)" -eq $((rows + 6))
check "status --wide: KF:s årsmål and Förändring shown" grep -q "KF:s årsmål.*Förändring" wide.txt
check "status --wide: no note of columns left out" bash -c '! grep -q "fick plats" "$1"' _ wide.txt
check "status --wide: lines wider than 100" test "$(widest wide.txt)" -gt 100

# ---- nothing shown is lost: every word of compare's sentences is in the narrow table -------
COLUMNS=70 "$BIN" compare --demo -q --indicator FREDA-kortfrågor >compare.txt
"$BIN" compare --demo -q --indicator FREDA-kortfrågor --format csv >compare.csv
check "compare at 70 columns: every word of every sentence is printed" python3 - compare.csv compare.txt <<'EOF'
import collections, csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
text = open(sys.argv[2], encoding="utf-8").read()
want = collections.Counter(w for r in rows for w in r["sentence"].split())
got = collections.Counter(text.split())
missing = [w for w, n in want.items() if got[w] < n]
if missing:
    sys.exit("missing words: %r" % missing[:10])
EOF

# ---- on a terminal: its width, whatever $COLUMNS says ---------------------------------------
if command -v script >/dev/null; then
    # (the shell script(1) starts sets COLUMNS when stty resizes it: set it after)
    script -qec "stty cols 72 rows 40; COLUMNS=200 '$BIN' status --demo -q" /dev/null >tty.txt 2>&1
    check "status on a terminal of 72 columns fits it" fits tty.txt 72
    check "status on a terminal breaks its text" test "$(widest tty.txt)" -gt 60
    script -qec "stty cols 72 rows 40; COLUMNS=60 '$BIN' status --demo -q -o tty-file.txt" /dev/null >/dev/null 2>&1
    check "status -o FILE from a terminal: \$COLUMNS, not the terminal" fits tty-file.txt 60
else
    echo "note: script(1) not found; the terminal checks are skipped"
fi
e2e_end
