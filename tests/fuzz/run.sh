#!/usr/bin/env bash
# run.sh BUILD_DIR SECONDS [NAME...]: runs the libFuzzer harnesses (fuzz_csv, fuzz_kolada,
# fuzz_extract, fuzz_goals; or those named) in turn, one at a time, in runs of 300 s under
# nice -n 19, until each has had SECONDS of CPU time (user + system, measured by
# /usr/bin/time), and prints the CPU each had. The corpus grows in a copy (WORK, default
# /tmp/indikator-fuzz); crashes are written there as crash-*, and a crash ends a run, not the
# loop. Build first (see fuzz_csv.c):
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DIND_FUZZ=ON -DIND_SANITIZE=ON -DIND_TESTS=OFF \
#     -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link && cmake --build build-fuzz
set -u
build=$1
budget=$2
shift 2
names=${*:-csv kolada extract goals}
src=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-/tmp/indikator-fuzz}
declare -A used
for f in $names; do used[$f]=0; done
busy=1
while [ $busy -eq 1 ]; do
    busy=0
    for f in $names; do
        [ "$(echo "${used[$f]} < $budget" | bc)" = 1 ] || continue
        busy=1
        mkdir -p "$work/$f" "$work/crashes-$f"
        cp -n "$src/corpus-$f"/* "$work/$f/" 2>/dev/null
        /usr/bin/time -o "$work/time" -f "%U %S" nice -n 19 "$build/tests/fuzz/fuzz_$f" \
            -max_total_time=300 -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$work/crashes-$f/" \
            "$work/$f" >>"$work/log-$f.txt" 2>&1
        used[$f]=$(echo "${used[$f]} + $(tail -1 "$work/time" | awk '{print $1 + $2}')" | bc)
        echo "fuzz_$f: ${used[$f]} s CPU so far"
    done
done
for f in $names; do echo "fuzz_$f: ${used[$f]} s CPU; crashes: $(ls "$work/crashes-$f" | wc -l)"; done
