#!/usr/bin/env bash
# main-job.sh BINARY OUTDIR: the README's main job on the built-in demo data.
set -euo pipefail
bin=$1
out=$2
mkdir -p "$out"
"$bin" check --demo -o "$out/check.csv"
"$bin" import --demo -o "$out/demo-data.csv"
"$bin" check --demo
echo "main job: results in $out/"
