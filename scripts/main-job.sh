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
"$bin" report  --demo -q --unit Vuxenenheten -o "$out/vb-vuxenenheten.pdf"
if [ -d datasets/stockholm ] && ls datasets/stockholm/*.csv >/dev/null 2>&1; then
  "$bin" report datasets/stockholm/indicators.csv --goals datasets/stockholm/goals.csv --all-units \
    -o "$out/vb-stockholm.pdf" || echo "main job: the Stockholm report failed (see above)"
fi
"$bin" flag --demo -q > "$out/flag.txt"
head -n 15 "$out/flag.txt"
echo "main job: results in $out/ (vb-exempelstad.pdf is the demo VB for all units)"
