#!/usr/bin/env bash
# test.sh: build and run the whole test suite, twice: a normal build and one
# with AddressSanitizer + UndefinedBehaviorSanitizer.   ./test.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")"
jobs=$(nproc)
status=0

run_suite() {
  local dir=$1; shift
  cmake -S . -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
  ctest --test-dir "$dir" --output-on-failure -j"$jobs" || status=1
}

echo "== normal build =="
run_suite build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo
if [ "${1:-}" != "--quick" ]; then
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer =="
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DIND_SANITIZE=ON
fi
exit $status
