#!/usr/bin/env bash
# chart-job.sh BINARY OUTDIR: every chart kind from the demo data in PNG, SVG and
# PDF, in Swedish and English, at the default size and at a fixed small size, each
# with its alt text: what scripts/same-outputs.sh --charts compares byte for byte.
set -euo pipefail
bin=$1
out=$2
mkdir -p "$out"
U=Vuxenenheten
FUNNEL="Andel medarbetare inom äldreomsorgen som kan rekommendera sin arbetsplats"
kinds=(
  "trend --unit $U --indicator Sjukfrånvaro --trendline"
  "trend --unit $U --indicator Sjukfrånvaro --from 2019-T1 --to 2025-T3 --zoom"
  "multiples --unit $U --year 2025"
  "multiples --indicator Sjukfrånvaro"
  "compare --indicator AMI --period 2025 --unit $U"
  "compare --indicator FREDA-kortfrågor --unit $U"
  "funnel --indicator \"$FUNNEL\" --period 2025 --unit \"Hemtjänsten Norr\""
  "spc --unit $U --indicator Sjukfrånvaro --chart i --rules nhs"
  "spc --unit $U --indicator Sjukfrånvaro"
  "status --unit $U --year 2025"
)
i=0
for args in "${kinds[@]}"; do
  i=$((i + 1))
  name=$(printf '%02d-%s' "$i" "${args%% *}")
  for lang in sv en; do
    for size in "" "--width 300 --height 200"; do
      tag=$lang${size:+-small}
      for fmt in png svg pdf; do
        # shellcheck disable=SC2086
        eval "\"\$bin\" chart $args --demo -q --lang $lang $size -o \"\$out/$name-$tag.$fmt\"" ||
          echo "chart-job: $name-$tag.$fmt failed" >&2
      done
    done
  done
done
