#!/bin/bash
# parallel_rows.sh BINARY SOURCE_DIR WORKDIR: the rows of a large trend table
# are computed and written on every core; the CSV and JSON are byte for byte
# what one core gives (taskset -c 0), with a reference, in both languages.
# On a machine of one core the two runs are the same run and the test says so.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
WORK=$WORK/rows
mkdir -p "$WORK"
# 150 units x 20 indicators x T/K/M, 2015-2024, an årsmål on the last years:
# 9 000 series, more than the writers' and the builder's thresholds for threads
awk 'BEGIN {
    print "unit,indicator,period,gender,value,target"
    for (u = 0; u < 150; u++)
        for (k = 0; k < 20; k++)
            for (y = 2015; y <= 2024; y++)
                for (g = 1; g <= 3; g++) {
                    v = 40 + (u * 7 + k * 13 + g * 5) % 30 + ((u + k) % 5 - 2) * (y - 2015) * 0.7 + ((u * 31 + k * 17 + y * 3 + g) % 11) * 0.4
                    t = y >= 2023 ? sprintf("%.1f", 50 + (u + k) % 9) : ""
                    if ((u + k + y) % 23 == 0 && g == 2) continue # a gap now and then
                    printf "Enhet %03d,Indikator %02d,%d,%s,%.1f,%s\n", u, k, y, substr("TKM", g, 1), v, t
                }
}' >"$WORK/data.csv"

one_and_all() { # name, then the command's arguments after the binary
    local name=$1
    shift
    if ! taskset -c 0 "$BIN" "$@" -o "$WORK/one.out" 2>"$WORK/one.err"; then
        fail=$((fail + 1))
        echo "FAIL: $name: one core failed"
        head -3 "$WORK/one.err"
        return
    fi
    "$BIN" "$@" -o "$WORK/all.out" 2>"$WORK/all.err"
    local rc=$?
    if [ $rc -eq 0 ] && cmp -s "$WORK/one.out" "$WORK/all.out" && [ "$(wc -l <"$WORK/all.out")" -gt 9000 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name: every core (exit $rc) differs from one core"
        cmp "$WORK/one.out" "$WORK/all.out" | head -3
    fi
}

if ! command -v taskset >/dev/null; then
    echo "SKIP: taskset is missing (util-linux)"
    e2e_end
    exit $?
fi
[ "$(nproc)" -lt 2 ] && echo "NOTE: one core here: both runs use one thread"
one_and_all "trend, CSV" trend "$WORK/data.csv" --format csv
one_and_all "trend, JSON, English" trend "$WORK/data.csv" --format json --lang en
one_and_all "trend with a reference, CSV" trend "$WORK/data.csv" --reference "Enhet 000" --format csv
e2e_end
