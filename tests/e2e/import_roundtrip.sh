#!/bin/bash
# import_roundtrip.sh BINARY SOURCE_DIR WORKDIR: `indikator import` is a fixed
# point (importing its own output gives the same bytes), deterministic, never
# writes onto its input, and fails cleanly when it cannot write.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
WORK=$WORK/roundtrip
mkdir -p "$WORK"
check() { # name, command...: passes when the command succeeds
    local name=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name"
        [ -s "$WORK/stderr" ] && sed 's/^/    stderr: /' "$WORK/stderr" | head -5
    fi
}
run() { # exit code of indikator with arguments; stderr kept in WORK/stderr
    "$BIN" "$@" 2>"$WORK/stderr"
}
no_temp() { ! compgen -G "$WORK/*.tmp-*" >/dev/null && ! compgen -G "$WORK/*/*.tmp-*" >/dev/null; }

# Swedish headers, BOM, semicolons, CRLF, decimal commas, quotes, a line break
# in a note, formula-like text, Kolada marks, counts, known and unknown indicators.
in=$WORK/input.csv
{
    printf '\xef\xbb\xbf'
    printf '%s\r\n' \
        'enhet;indikator;år;kön;utfall;täljare;nämnare;sd;årsmål;KF:s årsmål;saknas;mål;kommentar;källa' \
        'Enhet A;Sjukfrånvaro;2021-T2;K;6,7 %;;;;9,5 %;Tas fram av nämnd/styrelse;;3.4.1;"Not med ; och ""citat""";' \
        'Enhet A;Sjukfrånvaro;2021-T2;M;5,5;;;;;;;;;' \
        'Enhet A;Budgetavvikelse;2021;T;-0,4;;;;+/-1 %;;;;=ej formel;' \
        'Enhet A;FREDA-kortfrågor;2021;T;;1;22;;100 %;;;E1;"rad ett' \
        'rad två";' \
        'Enhet A;AMI;VB 2021;Totalt;..;;;;83;;;;;' \
        'Enhet B;Medelvärde;2021;;3,2;;40;0,9;;;;;;' \
        'Enhet B;Antal vräkningar som berör barn;2020;;1 300 st;;;;Max 10 personer;525 ton;;;;orig.csv:7' \
        'Enhet B;AMI;2020;;-;;;;;;;;;' \
        'Enhet B;Helt ny indikator;2021-03;X;0,1;;;;;;;;;' \
        '+Plus;AMI;2021;;70;;;;-;;;;@hemma;'
} >"$in"
second=$WORK/second.csv
printf '%s\n' 'unit,indicator,period,value' 'Enhet C,AMI,2019,0.1' 'Enhet 0,AMI,2019,1e-05' >"$second"

check "import input" run import -q "$in" -o "$WORK/out1.csv"
check "import its output" run import -q "$WORK/out1.csv" -o "$WORK/out2.csv"
check "the output of the output is byte-identical" cmp -s "$WORK/out1.csv" "$WORK/out2.csv"
check "import again" run import -q "$in" -o "$WORK/out1b.csv"
check "two runs give identical bytes" cmp -s "$WORK/out1.csv" "$WORK/out1b.csv"
check "standard output holds the same bytes" \
    bash -c '"$1" import "$2" 2>/dev/null | cmp -s - "$3"' _ "$BIN" "$in" "$WORK/out1.csv"
check "import two files" run import -q "$in" "$second" -o "$WORK/both1.csv"
check "import them in the other order" run import -q "$second" "$in" -o "$WORK/both2.csv"
check "the order of the files does not matter" cmp -s "$WORK/both1.csv" "$WORK/both2.csv"
check "both files' output is a fixed point" run import -q "$WORK/both1.csv" -o "$WORK/both3.csv"
check "... byte-identical" cmp -s "$WORK/both1.csv" "$WORK/both3.csv"

# what the canonical file holds, worked out by hand from the input
hdr='unit,indicator,period,gender,value,numerator,denominator,sd,target,kf_target,missing,goal,note,source'
check "canonical header" bash -c '[ "$(head -n 1 "$1" | tr -d "\r")" = "$2" ]' _ "$WORK/out1.csv" "$hdr"
has() { grep -qF -- "$2" "$1"; }
check "decimal comma and percent read" has "$WORK/out1.csv" \
    "Enhet A,Sjukfrånvaro,2021-T2,K,6.7,,,,9.5,Tas fram av nämnd/styrelse,,3.4.1,\"Not med ; och \"\"citat\"\"\",$in:2"
check "value from 1 of 22" has "$WORK/out1.csv" \
    "Enhet A,Andel granskade ärenden där FREDA-kortfrågor ställts,2021,T,4.545454545454546,1,22,,100 %,,,E1,\"rad ett"
check "VB 2021 of a yearly indicator is 2021, sekretess kept" has "$WORK/out1.csv" \
    "Enhet A,Aktivt Medskapandeindex,2021,T,,,,,83,,confidential,,,$in:7"
check "formula-like text guarded" has "$WORK/out1.csv" \
    "Enhet A,Budgetavvikelse,2021,T,-0.4,,,,\"'+/-1 %\",,,,\"'=ej formel\",$in:4"
check "thousands and a kept source" has "$WORK/out1.csv" \
    "Enhet B,Antal vräkningar som berör barn,2020,T,1300,,,,Max 10 personer,525 ton,,,,orig.csv:7"
check "a guarded unit" has "$WORK/out1.csv" "\"'+Plus\",Aktivt Medskapandeindex,2021,T,70,,,,\"'-\",,,,\"'@hemma\","
check "exact small numbers" has "$WORK/both1.csv" "Enhet 0,Aktivt Medskapandeindex,2019,T,1e-05,"
check "ten observations: header, ten records, one with a line break (12 lines)" bash -c '[ "$(grep -c "^" "$1")" -eq 12 ]' _ "$WORK/out1.csv"

# never onto an input: exit 1, the file untouched, nothing left behind
cp "$WORK/out1.csv" "$WORK/out1.saved"
cp "$in" "$WORK/input.saved"
run import -q "$WORK/out1.csv" -o "$WORK/out1.csv"
check "import onto its input exits 1" [ $? -eq 1 ]
check "... the input is unchanged" cmp -s "$WORK/out1.csv" "$WORK/out1.saved"
run import -q "$in" "$second" -o "$WORK/./input.csv"
check "import onto an input by another path exits 1" [ $? -eq 1 ]
check "... the input is unchanged" cmp -s "$in" "$WORK/input.saved"
ln -sf "$in" "$WORK/link.csv"
run import -q "$in" -o "$WORK/link.csv"
check "import onto a link to its input exits 1" [ $? -eq 1 ]
check "... the input is unchanged" cmp -s "$in" "$WORK/input.saved"
check "... no temporary file" no_temp

# a missing directory: a clean failure, nothing created
run import -q "$in" -o "$WORK/missing/dir/out.csv"
rc=$?
check "-o into a missing directory fails (not as a usage error)" [ $rc -ge 2 ]
check "... with one line on standard error" [ "$(wc -l <"$WORK/stderr")" -eq 1 ]
check "... and nothing left behind" bash -c '[ ! -e "$1/missing" ]' _ "$WORK"
check "... no temporary file" no_temp
# bad input: no output at all
printf 'unit,indicator,period,value\nA,AMI,2021,NaN\n' >"$WORK/bad.csv"
run import -q "$WORK/bad.csv" -o "$WORK/bad-out.csv"
check "bad input exits 2" [ $? -eq 2 ]
check "... and writes nothing" bash -c '[ ! -e "$1/bad-out.csv" ]' _ "$WORK"
check "... no temporary file" no_temp

# Kolada names with control characters (ESC sequences, BEL, a C1 CSI): tab, CR and LF become a
# space, the others are dropped (docs/kolada.md), so the CSV reads back and no terminal runs them
printf '{"values": [{"id": "N1", "title": "R\\u001b[31m\\u00d6d\\u0007 titel\\u009b2J", "is_divided_by_gender": 0}]}' >"$WORK/km.json"
printf '[{"kpi": "N1", "municipality": "14\\u001b[2J40", "period": 2020,\n  "values": [{"gender": "T", "value": 1, "status": "\\u001b]0;x\\u0007"}]}]' >"$WORK/kc.json"
run import -q --kolada "$WORK/kc.json" --kpi-meta "$WORK/km.json" -o "$WORK/ctl.csv"
check "import of names with control characters exits 0" [ $? -eq 0 ]
check "... the CSV has no control character" bash -c '! LC_ALL=C grep -q "[[:cntrl:]]" <(tr -d "\r\n" <"$1")' _ "$WORK/ctl.csv"
check "... nor a C1 control" bash -c '! grep -qP "\xc2[\x80-\x9f]" "$1"' _ "$WORK/ctl.csv"
check "... the name keeps its letters" grep -q "R\[31mÖd titel2J" "$WORK/ctl.csv"
run check -q "$WORK/ctl.csv" >/dev/null
check "... and check reads it back" [ $? -eq 0 ]
"$BIN" status -q --kpi-meta "$WORK/km.json" "$WORK/kc.json" >"$WORK/term.txt" 2>&1
check "... status prints no control character" bash -c '! LC_ALL=C grep -q "[[:cntrl:]]" <(tr -d "\n" <"$1")' _ "$WORK/term.txt"
# a control character in a message quoting the data is shown as '?'
printf '[{"kpi": "N1", "municipality": "1440", "period": 2020, "values": [{"gender": "\\u001bX", "value": 1}]}]' >"$WORK/kg.json"
run check "$WORK/kg.json"
check "a bad gender with ESC exits 2" [ $? -eq 2 ]
check "... and the message has no ESC" bash -c '! LC_ALL=C grep -q "[[:cntrl:]]" <(tr -d "\n" <"$1")' _ "$WORK/stderr"
# a name longer than the CSV reader's field limit (64 KB) is refused at import, nothing written
python3 -c 'import json; print(json.dumps({"values": [{"id": "N1", "title": "A" * 100000, "is_divided_by_gender": 0}]}))' >"$WORK/long.json"
run import -q --kolada "$WORK/kc.json" --kpi-meta "$WORK/long.json" -o "$WORK/long.csv"
check "a 100 KB name exits 2" [ $? -eq 2 ]
check "... naming the limit" grep -q "fältet indicator är 100000 byte långt; ett CSV-fält rymmer högst 65535 byte" "$WORK/stderr"
check "... and writes nothing" bash -c '[ ! -e "$1/long.csv" ]' _ "$WORK"
python3 -c 'import json; print(json.dumps({"values": [{"id": "N1", "title": "A" * 65535, "is_divided_by_gender": 0}]}))' >"$WORK/edge.json"
run import -q --kolada "$WORK/kc.json" --kpi-meta "$WORK/edge.json" -o "$WORK/edge.csv"
check "a name of exactly 65 535 bytes is written" [ $? -eq 0 ]
run check -q "$WORK/edge.csv" >/dev/null
check "... and reads back" [ $? -eq 0 ]

[ "$fail" -eq 0 ] && rm -rf "$WORK"
e2e_end
