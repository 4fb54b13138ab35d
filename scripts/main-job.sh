#!/usr/bin/env bash
# main-job.sh BINARY OUTDIR: the README's main job on the built-in demo data:
# the VB report for every unit, and the tables behind it as CSV.
set -euo pipefail
bin=$1
out=$2
mkdir -p "$out"
"$bin" check   --demo -q -o "$out/check.csv"
"$bin" status  --demo -q -o "$out/status.csv"
"$bin" flag    --demo -q -o "$out/flag.csv"
"$bin" goals   --demo -q -o "$out/goals.csv"
"$bin" trend   --demo -q -o "$out/trend.csv"
"$bin" report  --demo --all-units -o "$out/vb-exempelstad.pdf"
# the unit against its förvaltning's total (a reference line where the total has the indicator)
"$bin" report  --demo -q --unit Vuxenenheten --reference "Stadsdelsförvaltningen Exempelstad" -o "$out/vb-vuxenenheten.pdf"
if [ -d datasets/stockholm ] && ls datasets/stockholm/*.csv >/dev/null 2>&1; then
  "$bin" report datasets/stockholm/indicators.csv --goals datasets/stockholm/goals.csv --all-units --year 2021 \
    -o "$out/vb-stockholm.pdf" || echo "main job: the Stockholm report failed (see above)"
fi
mkdir -p "$out/charts"
"$bin" chart trend     --demo -q --unit Vuxenenheten --indicator Sjukfrånvaro --trendline -o "$out/charts/trend-sjukfranvaro.png"
"$bin" chart multiples --demo -q --unit Vuxenenheten -o "$out/charts/multiples-vuxenenheten.png"
"$bin" chart compare   --demo -q --indicator FREDA-kortfrågor --unit Vuxenenheten -o "$out/charts/compare-freda.png"
"$bin" chart funnel    --demo -q --unit Vuxenenheten -o "$out/charts/funnel-diskriminering.png" \
  --indicator "Andel medarbetare som vet var de ska vända sig om hen upplever sig utsatt för diskriminering, kränkande särbehandling, trakasserier, sexuella trakasserier och repressalier"
"$bin" chart spc       --demo -q --unit Vuxenenheten --indicator Sjukfrånvaro --chart i --rules nhs -o "$out/charts/spc-sjukfranvaro.png"
"$bin" chart status    --demo -q --unit Vuxenenheten -o "$out/charts/status-vuxenenheten.png"
"$bin" flag --demo -q > "$out/flag.txt"
head -n 15 "$out/flag.txt"
echo "main job: results in $out/ (vb-exempelstad.pdf is the demo VB for all units)"
