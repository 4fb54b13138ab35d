#!/usr/bin/env bash
# values.sh BINARY SOURCE_DIR WORKDIR: numbers a municipal indicator cannot have (|x| >= 10^15,
# in a value or a target, in CSV or Kolada JSON) are refused at reading with file:line:col and
# exit 2; no output prints inf or nan (JSON parses strictly, CSV cells stay empty, a note says
# so); a chart's labels and alt text give extreme numbers complete and as valid UTF-8.
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

# the issue's reproducer: ±1e308 values and a −1e308 target
cat >big.csv <<'CSV'
unit,indicator,period,gender,value,target
A,Kostnad per elev,2020,T,1e308,-1e308
A,Kostnad per elev,2021,T,-1e308,-1e308
B,Kostnad per elev,2020,T,-1e308,
B,Kostnad per elev,2021,T,1e308,
CSV
I="Kostnad per elev"
refused() { # what, command...
    local what=$1
    shift
    "$@" >out.txt 2>err.txt
    local rc=$?
    [ $rc -eq 2 ] && ok || bad "$what: exit $rc, expected 2"
    grep -q "^indikator: big.csv:2:5: value: 1e308 är inget rimligt värde" err.txt && ok || bad "$what: $(cat err.txt)"
}
refused status "$BIN" status --format json big.csv
refused trend "$BIN" trend --format csv big.csv
refused compare "$BIN" compare --indicator "$I" --format csv big.csv
refused "chart compare" "$BIN" chart compare --indicator "$I" -o c.png big.csv
[ ! -e c.png ] && ok || bad "a chart was drawn from implausible values"
printf '[{"kpi": "N1", "municipality": "1440", "period": 2020,\n  "values": [{"gender": "T", "value": -1e300}]}]\n' >k.json
"$BIN" check k.json >out.txt 2>err.txt
[ $? -eq 2 ] && grep -q "k.json:2:.*-1e+300 är inget rimligt värde" err.txt && ok || bad "Kolada: $(cat err.txt)"

# plausible inputs whose relative change overflows: the output layer leaves it empty
cat >tiny.csv <<'CSV'
unit,indicator,period,gender,value,target
A,Inköpta förbrukningsartiklar i plast i stadens verksamheter,2020,T,1e-310,
A,Inköpta förbrukningsartiklar i plast i stadens verksamheter,2021,T,9e14,1e-310
CSV
"$BIN" status tiny.csv --year 2021 --format json >s.json 2>err.txt && ok || bad "status json failed"
python3 -c '
import json, sys
def no(c): sys.exit("non-finite constant " + c)
rows = json.load(open("s.json"), parse_constant=no)
assert rows[0]["gap_relative"] is None, rows[0]["gap_relative"]
assert rows[0]["change"] == 9e14
' && ok || bad "status JSON is not strict JSON or keeps an overflow"
grep -q "var för stora att visa och lämnades tomma" err.txt && ok || bad "no note for the empty result: $(cat err.txt)"
"$BIN" status tiny.csv --year 2021 --format csv -q >s.csv && ! grep -qi "inf\|nan" s.csv && ok || bad "inf in CSV"
"$BIN" status tiny.csv --year 2021 -q >s.txt && ! grep -qi "inf\b\|nan\b" s.txt && ok || bad "inf in the terminal table"
"$BIN" trend tiny.csv --format json -q >t.json && python3 -c '
import json, sys
def no(c): sys.exit("non-finite " + c)
json.load(open("t.json"), parse_constant=no)' && ok || bad "trend JSON"

# extreme but plausible numbers: labels and alt text complete and valid UTF-8
cat >e.csv <<'CSV'
unit,indicator,period,gender,value,target
A,Kostnad,2021,T,-999999999999999,-999999999999999
A,Kostnad,2022,T,999999999999999,-999999999999999
B,Kostnad,2021,T,999999999999999,
B,Kostnad,2022,T,-999999999999999,
CSV
"$BIN" chart trend e.csv --unit A --indicator Kostnad -o t.svg -q 2>err.txt && ok || bad "chart trend failed"
"$BIN" chart compare e.csv --indicator Kostnad --period 2022 -o c.svg -q 2>>err.txt && ok || bad "chart compare failed"
! grep -qi "invalid utf-8\|pango" err.txt && ok || bad "Pango complained: $(cat err.txt)"
python3 - <<'PY' && ok || bad "alt text or labels cut or not UTF-8"
for f in ("t.svg", "c.svg", "t.svg.alt.txt", "c.svg.alt.txt"):
    open(f, encoding="utf-8", errors="strict").read()
alt = open("t.svg.alt.txt", encoding="utf-8").read()
assert "\u2212999\u202f999\u202f999\u202f999\u202f999" in alt or "\u2212999 999 999 999 999" in alt, alt
PY
e2e_end
