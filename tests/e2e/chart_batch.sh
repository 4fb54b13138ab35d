#!/usr/bin/env bash
# chart_batch.sh BINARY SOURCE_DIR WORKDIR: `chart trend -o FOLDER` writes one PNG (and its alt
# text) for every unit × indicator total series the filters select, and nothing else.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
mkdir -p "$WORK/all" "$WORK/one"
"$BIN" chart trend --demo -q -o "$WORK/all" && ok || bad "chart trend -o FOLDER failed"
# as many charts as unit × indicator pairs with a total row holding an outcome or an årsmål,
# counted from the demo file itself
want=$(python3 -c '
import csv, sys
rows = csv.DictReader(open(sys.argv[1], encoding="utf-8"))
print(len({(r["unit"], r["indicator"]) for r in rows if r["gender"] in ("T", "") and (r["value"] or r["target"])}))
' "$SRC/datasets/demo/demo.csv")
got=$(find "$WORK/all" -name '*.png' | wc -l)
[ "$got" -eq "$want" ] && ok || bad "$got charts, expected $want"
alts=$(find "$WORK/all" -name '*.png.alt.txt' | wc -l)
[ "$alts" -eq "$got" ] && ok || bad "$alts alt texts for $got charts"
[ -z "$(find "$WORK/all" -name '*.tmp-*')" ] && ok || bad "temporary files left behind"
for f in "$WORK"/all/*.png; do
  head -c 8 "$f" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a$' || { bad "$f is not a PNG"; break; }
done
ok
"$BIN" chart trend --demo -q --unit Vuxenenheten -o "$WORK/one" && ok || bad "chart trend --unit -o FOLDER failed"
n=$(find "$WORK/one" -name '*.png' | wc -l)
others=$(find "$WORK/one" -name '*.png' ! -name 'Vuxenenheten--*' | wc -l)
[ "$n" -gt 0 ] && [ "$others" -eq 0 ] && ok || bad "--unit: $n charts, $others of other units"
e2e_end
