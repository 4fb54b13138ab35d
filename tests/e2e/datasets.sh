#!/usr/bin/env bash
# datasets.sh BINARY SOURCE_DIR WORKDIR: `indikator check` passes on every CSV the project ships
# (data, catalogue, goals and extract's side files), and the VB-table files of the demo read
# with their unit.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
while IFS= read -r f; do
  args=()
  case "$f" in
    */vb-*-hemtjansten-norr.csv) args=(--unit "Hemtjänsten Norr") ;;
  esac
  if "$BIN" check -q "${args[@]}" "$f" >/dev/null 2>"$WORK/check.err"; then
    ok
  else
    bad "indikator check $f"
    sed 's/^/    /' "$WORK/check.err"
  fi
done < <(find "$SRC/datasets" -name '*.csv' | sort)
# the demo's VB tables and ILS export agree with demo.csv where they overlap
if "$BIN" check -q "$SRC/datasets/demo/demo.csv" "$SRC/datasets/demo/vb-2025-hemtjansten-norr.csv" \
     "$SRC/datasets/demo/vb-2026-hemtjansten-norr.csv" "$SRC/datasets/demo/ils-export-vb-2025.csv" \
     --unit "Hemtjänsten Norr" >/dev/null; then
  ok
else
  bad "demo.csv and the VB tables disagree"
fi
e2e_end
