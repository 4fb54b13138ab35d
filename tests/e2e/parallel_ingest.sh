#!/bin/bash
# parallel_ingest.sh BINARY SOURCE_DIR WORKDIR: a data file of a megabyte and
# more is read by every core in pieces; the result and every message are the
# same as one thread gives: the observations counted, and bad input in the
# second half named by its own line and column (LF, CRLF and lone-CR files,
# with a quoted field of many lines across the middle).
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
WORK=$WORK/parallel
mkdir -p "$WORK"
expect() { # name, expected exit code, expected text on stderr (or stdout for 0), file
    local name=$1 code=$2 text=$3 file=$4
    "$BIN" check --format csv "$file" >"$WORK/stdout" 2>"$WORK/stderr"
    local rc=$?
    local out=$WORK/stderr
    [ "$code" -eq 0 ] && out=$WORK/stdout
    if [ $rc -eq "$code" ] && grep -qF -- "$text" "$out"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name (exit $rc, expected $code and \"$text\")"
        head -3 "$WORK/stderr" "$WORK/stdout" | sed 's/^/    /'
    fi
}
# make EOL BADROW BADTEXT > file: 40 000 rows; the note of row 20 000 has 30 lines
make() {
    awk -v eol="$1" -v bad="$2" -v badtext="$3" 'BEGIN {
        printf "unit,indicator,period,gender,value,note%s", eol
        for (i = 1; i <= 40000; i++) {
            note = ""
            if (i == 20000) {
                note = "\""
                for (k = 0; k < 30; k++) note = note "rad " k ", med \"\"citat\"\"" eol
                note = note "slut\""
            }
            v = (i == bad) ? badtext : sprintf("%d.%d", i % 90, i % 10)
            printf "Enhet %03d,Indikator %02d,%d,%s,%s,%s%s", int(i / 270), int(i / 3) % 30, 2000 + int(i / 3) % 9, substr("TKM", i % 3 + 1, 1), v, note, eol
        }
    }'
}
for e in lf crlf cr; do
    case $e in lf) eol='\n' ;; crlf) eol='\r\n' ;; cr) eol='\r' ;; esac
    make "$eol" 0 "" >"$WORK/good-$e.csv"
    expect "$e: a good file" 0 "40000 obs" "$WORK/good-$e.csv"
    # row 35 000 is on line 35 031: the header, and 29 more lines in the note
    make "$eol" 35000 fem >"$WORK/bad-$e.csv"
    expect "$e: a bad number late in the file" 2 "bad-$e.csv:35031:5: value: \"fem\" är inget tal" "$WORK/bad-$e.csv"
    make "$eol" 30000 '1"2' >"$WORK/quote-$e.csv"
    expect "$e: a quote in an unquoted field late in the file" 2 "quote-$e.csv:30031:32: felaktiga citattecken" "$WORK/quote-$e.csv"
    make "$eol" 39999 '"4.5' >"$WORK/open-$e.csv"
    expect "$e: an unterminated quote near the end" 2 "open-$e.csv:40030:31: citattecknet som öppnades på rad" "$WORK/open-$e.csv"
done
e2e_end
