#!/usr/bin/env bash
# same-outputs.sh [REV]: the main job's outputs of the working tree against
# those of REV (default: the commit before HEAD's series of refactors, given
# as a commit): every file of scripts/main-job.sh, byte for byte. A move of
# code that changes no output must pass this.   scripts/same-outputs.sh 1a2b3c
# With --charts, the job is this tree's scripts/chart-job.sh (every chart kind in
# every format) run with both builds.   scripts/same-outputs.sh --charts 1a2b3c
set -euo pipefail
cd "$(dirname "$0")/.."
job= kind=
if [ "${1:-}" = --charts ]; then
  job=$PWD/scripts/chart-job.sh kind=chart
  shift
fi
rev=${1:?usage: scripts/same-outputs.sh [--charts] REV}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/ref" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach "$work/ref" "$rev" >/dev/null 2>&1
build_and_run() { # SOURCE BUILD OUT
  cmake -S "$1" -B "$2" -DCMAKE_BUILD_TYPE=Release -DIND_TESTS=OFF >/dev/null
  cmake --build "$2" -j"$(nproc)" >/dev/null
  (cd "$1" && ${job:-./scripts/main-job.sh} "$2/indikator" "$3" >/dev/null 2>&1)
}
build_and_run "$work/ref" "$work/build-ref" "$work/out-ref"
build_and_run "$PWD" "$work/build-new" "$work/out-new"
status=0
while IFS= read -r f; do
  if ! cmp -s "$work/out-ref/$f" "$work/out-new/$f"; then
    echo "differs: $f"
    status=1
  fi
done < <(cd "$work/out-ref" && find . -type f | sort)
while IFS= read -r f; do
  [ -e "$work/out-ref/$f" ] || echo "new (not compared): $f"
done < <(cd "$work/out-new" && find . -type f | sort)
count=$(cd "$work/out-ref" && find . -type f | wc -l)
[ "$count" -gt 0 ] || { echo "same-outputs: the job wrote nothing"; exit 1; }
[ $status -eq 0 ] && echo "same-outputs: every output of the ${kind:-main} job ($count files) is byte-identical to $rev's"
exit $status
