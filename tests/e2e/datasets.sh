#!/usr/bin/env bash
# datasets.sh BINARY SOURCE_DIR WORKDIR: `indikator check` passes on every CSV the project ships
# (data, catalogue, goals and extract's side files), and the VB-table files of the demo read
# with their unit.
set -u
BIN=$1
SRC=$2
pass=0
fail=0
while IFS= read -r f; do
  args=()
  case "$f" in
    */vb-*-hemtjansten-norr.csv) args=(--unit "Hemtjänsten Norr") ;;
  esac
  if "$BIN" check -q "${args[@]}" "$f" >/dev/null 2>"${TMPDIR:-/tmp}/datasets-check.err"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL: indikator check $f"
    sed 's/^/    /' "${TMPDIR:-/tmp}/datasets-check.err"
  fi
done < <(find "$SRC/datasets" -name '*.csv' | sort)
# the demo's VB tables and ILS export agree with demo.csv where they overlap
if "$BIN" check -q "$SRC/datasets/demo/demo.csv" "$SRC/datasets/demo/vb-2025-hemtjansten-norr.csv" \
     "$SRC/datasets/demo/vb-2026-hemtjansten-norr.csv" "$SRC/datasets/demo/ils-export-vb-2025.csv" \
     --unit "Hemtjänsten Norr" >/dev/null; then
  pass=$((pass + 1))
else
  fail=$((fail + 1))
  echo "FAIL: demo.csv and the VB tables disagree"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
