#!/usr/bin/env bash
# doc-images.sh: redraws the pictures in docs/img (shown in docs/charts.md and the
# README) from the demo data, with the built command: one chart of each kind, 960
# pixels wide (480 points at 144 dpi).
#
#   scripts/doc-images.sh [build/indikator]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/indikator}
out=$here/docs/img
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
U=Vuxenenheten
draw() { # NAME KIND ARGS...
    local name=$1
    shift
    "$bin" chart "$@" --demo --dpi 144 -o "$tmp/$name.png" 2>/dev/null
}
draw chart-trend trend --unit $U --indicator Sjukfrånvaro --from 2019-T1 --to 2025-T3 --trendline
draw chart-reference trend --unit $U --indicator "Antal vräkningar som berör barn" --to 2025 \
    --reference "Stadsdelsförvaltningen Exempelstad"
draw chart-multiples multiples --unit $U --year 2025 --width 480 --height 376
draw chart-compare compare --indicator AMI --period 2025 --unit $U
draw chart-funnel funnel --indicator "Andel medarbetare inom äldreomsorgen som kan rekommendera sin arbetsplats" --period 2025 --unit "Hemtjänsten Norr"
draw chart-spc spc --unit $U --indicator Sjukfrånvaro --chart i --rules nhs
draw chart-status status --unit $U --year 2025
for f in "$tmp"/*.png; do
    mv "$f" "$out/$(basename "$f")"
done
echo "doc-images: $(ls "$out" | wc -l) pictures in $out"
