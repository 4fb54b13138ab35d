#!/usr/bin/env bash
# input_safety.sh BINARY SOURCE_DIR WORKDIR: no command writes onto a file it reads (data,
# --catalog, --goals, --kpi-meta, --municipality-meta, or a sidecar X.png.alt.txt), whether
# named by the same path, "./x", a hard link or a symlink: exit 1, a message naming the file,
# and the input unchanged. `chart trend -o FOLDER` gives every chart its own file name, capped
# in bytes at a character boundary, and counts what it wrote truly.
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
D=$SRC/datasets/demo/demo.csv
U="Beställarenheten äldreomsorg"
I="Aktivt Medskapandeindex"

# refused: exit 1, the message names the output, the file is unchanged, nothing else written
refused() { # what, file to watch, command...
    local what=$1 file=$2
    shift 2
    local before
    before=$(sha256sum <"$file")
    "$@" >out.txt 2>err.txt
    local rc=$?
    [ $rc -eq 1 ] && ok || bad "$what: exit $rc, expected 1"
    grep -q "skriver aldrig över sina indata" err.txt && ok || bad "$what: message: $(cat err.txt)"
    [ "$(sha256sum <"$file")" = "$before" ] && ok || bad "$what: the input was changed"
    [ -z "$(find . -name '*.tmp-*')" ] && ok || bad "$what: a temporary was left"
}

cp "$D" data.csv
ln -f data.csv hard.csv
ln -sf data.csv soft.csv
printf '{"values": [{"id": "N15419", "title": "Elever i år 9, andel (%%)", "is_divided_by_gender": 1}]}\n' >km.json
printf '[{"id": "1440", "title": "Ale", "type": "K"}]\n' >mm.json
printf '{"values": [{"kpi": "N15419", "municipality": "1440", "period": 2020, "values": [{"gender": "T", "value": 80, "status": ""}]}]}\n' >k.json
cp "$SRC/datasets/catalog.csv" cat.csv
cp "$SRC/datasets/demo/goals.csv" goals.csv

refused "import onto its data" data.csv "$BIN" import -q data.csv -o data.csv
refused "import onto ./data" data.csv "$BIN" import -q data.csv -o ./data.csv
refused "import onto a hard link" data.csv "$BIN" import -q data.csv -o hard.csv
refused "import onto a symlink" data.csv "$BIN" import -q data.csv -o soft.csv
refused "import onto --kpi-meta" km.json "$BIN" import -q --kolada k.json --kpi-meta km.json -o km.json
refused "import onto --municipality-meta" mm.json "$BIN" import -q --kolada k.json --municipality-meta mm.json -o mm.json
refused "status onto --catalog" cat.csv "$BIN" status -q data.csv --catalog cat.csv -o cat.csv
refused "goals onto --goals" goals.csv "$BIN" goals -q data.csv --goals goals.csv -o ./goals.csv
ln -sf data.csv link.png
refused "chart onto its data by a symlink" data.csv "$BIN" chart trend -q data.csv --unit "$U" --indicator "$I" -o link.png
cp "$D" c.png.alt.txt
refused "chart's alt text onto its data" c.png.alt.txt "$BIN" chart trend -q c.png.alt.txt --unit "$U" --indicator "$I" -o c.png
[ ! -e c.png ] && ok || bad "the chart was written though its alt text was refused"
mkdir -p dir && cp "$D" "dir/$(echo "$U" | sed 's/ /-/g')--$(echo "$I" | sed 's/ /-/g').png.alt.txt"
refused "chart folder's alt text onto its data" "dir/$(echo "$U" | sed 's/ /-/g')--$(echo "$I" | sed 's/ /-/g').png.alt.txt" \
    "$BIN" chart trend -q "dir/$(echo "$U" | sed 's/ /-/g')--$(echo "$I" | sed 's/ /-/g').png.alt.txt" -o dir
[ -z "$(find dir -name '*.png')" ] && ok || bad "charts written in a folder whose input would be overwritten"
mkdir -p ex && cp "$SRC/tests/fuzz/corpus-extract/goals.txt" ex/goals.csv
refused "extract onto its text export" ex/goals.csv "$BIN" extract -q ex/goals.csv -o ex
# and a distinct output is written
"$BIN" import -q data.csv -o copy.csv && [ -s copy.csv ] && ok || bad "import to a new file failed"

# chart names: four units that make the same slug, and an indicator name of 300 bytes
long="Indikator $(printf 'ö%.0s' $(seq 1 145))"
{
    echo "unit,indicator,period,gender,value"
    for u in "Norr/Söder" "Norr-Söder" "Norr Söder" "Norr: Söder"; do
        for y in 2020 2021 2022; do
            echo "\"$u\",Antal besök,$y,T,$((y - 2000))"
            echo "\"$u\",$long,$y,T,5"
        done
    done
} >units.csv
[ "$(printf %s "$long" | wc -c)" -ge 300 ] && ok || bad "the long name is not 300 bytes"
mkdir -p names
"$BIN" chart trend units.csv -o names >out.txt 2>err.txt && ok || bad "chart trend -o FOLDER failed: $(cat err.txt)"
pngs=$(find names -name '*.png' | wc -l)
[ "$pngs" -eq 8 ] && ok || bad "$pngs charts for 8 series"
[ "$(find names -name '*.png.alt.txt' | wc -l)" -eq 8 ] && ok || bad "not one alt text per chart"
grep -q "^indikator: 8 trenddiagram skrivna" err.txt && ok || bad "count: $(cat err.txt)"
for f in Norr-Söder--Antal-besök.png Norr-Söder--Antal-besök-2.png Norr-Söder--Antal-besök-3.png \
    Norr-Söder--Antal-besök-4.png; do
    [ -s "names/$f" ] && ok || bad "no names/$f"
done
python3 - names <<'PY' && ok || bad "a file name is too long or not UTF-8"
import os, sys
for n in os.listdir(sys.argv[1]):
    b = os.fsencode(n)
    b.decode("utf-8")          # cut at a character boundary
    assert len(b) <= 240, (len(b), n)
PY
# long names in every chart kind: no text cut inside a character (Pango would warn)
: >pango.txt
"$BIN" chart status -q units.csv --unit "Norr Söder" -o long-status.svg 2>>pango.txt
"$BIN" chart compare -q units.csv --indicator "$long" -o long-compare.svg 2>>pango.txt
"$BIN" chart multiples -q units.csv --unit "Norr Söder" -o long-multiples.svg 2>>pango.txt
"$BIN" chart spc -q units.csv --unit "Norr Söder" --indicator "$long" -o long-spc.svg 2>>pango.txt
! grep -qi "invalid utf-8\|pango" pango.txt && ok || bad "long names: $(head -3 pango.txt)"
python3 -c '
import glob
for f in glob.glob("long-*"):
    open(f, encoding="utf-8", errors="strict").read()' && ok || bad "a long-name chart or alt text is not UTF-8"
# the same data gives the same names
mkdir -p names2 && "$BIN" chart trend -q units.csv -o names2 &&
    [ "$(ls names)" = "$(ls names2)" ] && ok || bad "names differ between two runs"
e2e_end
