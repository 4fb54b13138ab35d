# harness.bash: the start every end-to-end script shares (sourced, not run).
# e2e_start BINARY SOURCE_DIR WORKDIR sets BIN and SRC (absolute) and WORK, tells
# LeakSanitizer of fontconfig, counts with ok, bad, run and check, and enters a fresh
# WORK; e2e_end prints "N passed, N failed" and returns non-zero on a failure.
set -u
e2e_start() {
    BIN=${1:?usage: SCRIPT BINARY SOURCE_DIR WORKDIR}
    SRC=${2:?source dir}
    WORK=${3:?work dir}
    case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
    case $SRC in /*) ;; *) SRC=$PWD/$SRC ;; esac
    case $WORK in /*) ;; *) WORK=$PWD/$WORK ;; esac
    pass=0
    fail=0
    if [ ! -x "$BIN" ]; then
        echo "FAIL: $BIN is not an executable"
        echo "0 passed, 1 failed"
        exit 1
    fi
    rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 2
    # Under AddressSanitizer: fontconfig keeps a few hundred bytes of its
    # configuration for the life of the process (outside indikator); LeakSanitizer is told so.
    printf 'leak:libfontconfig.so\n' >"$WORK/lsan.supp"
    export LSAN_OPTIONS="suppressions=$WORK/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
}
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# run NAME COMMAND...: passes when the command exits 0 (its output in WORK/NAME.out, .err)
run() {
    local name=$1
    shift
    "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
    local rc=$?
    if [ $rc -eq 0 ]; then ok; return 0; fi
    bad "$name: exit $rc: $(head -c 300 "$WORK/$name.err")"
    return 1
}
# check DESCRIPTION COMMAND...: passes when the command succeeds (its output is the reason otherwise)
check() {
    local what=$1 msg
    shift
    if msg=$("$@" 2>&1); then ok; else bad "$what: $msg"; fi
}
# expect DESCRIPTION RC TEXT COMMAND...: passes when the command exits RC with TEXT on
# standard error (its output in WORK/expect.out and WORK/expect.err); returns 1 otherwise
expect() {
    local what=$1 want=$2 text=$3
    shift 3
    "$@" >"$WORK/expect.out" 2>"$WORK/expect.err"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        bad "$what: exit $rc, expected $want: $(head -c 300 "$WORK/expect.err")"
    elif ! grep -qF -- "$text" "$WORK/expect.err"; then
        bad "$what: standard error does not hold \"$text\": $(head -c 300 "$WORK/expect.err")"
    else
        ok
        return 0
    fi
    return 1
}
e2e_end() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
