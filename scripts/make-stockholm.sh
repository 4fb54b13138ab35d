#!/usr/bin/env bash
# make-stockholm.sh [BINARY]: regenerate datasets/stockholm/ from the five seed documents in
# ../shared/seeds/ with `indikator extract`, and check the result with `indikator check`.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/indikator}
seeds=../shared/seeds
[ -d "$seeds" ] || { echo "make-stockholm: $seeds is missing" >&2; exit 1; }
"$bin" extract "$seeds"/*.txt -o datasets/stockholm
"$bin" check -q datasets/stockholm/indicators.csv >/dev/null
echo "make-stockholm: datasets/stockholm/ regenerated and checked"
