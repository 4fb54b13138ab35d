# harness.bash: the start every end-to-end script shares (sourced, not run).
# e2e_start BINARY SOURCE_DIR WORKDIR sets BIN, SRC and WORK, counts with ok and bad, and
# enters a fresh WORK; e2e_end prints "N passed, N failed" and returns non-zero on a failure.
set -u
e2e_start() {
    BIN=$1
    SRC=$2
    WORK=$3
    pass=0
    fail=0
    rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
}
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
e2e_end() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
