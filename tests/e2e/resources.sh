#!/usr/bin/env bash
# resources.sh BINARY SOURCE_DIR WORKDIR: under an address-space limit (ulimit -v, 50-150 MB)
# chart, report and status exit 0 or 4 ("out of memory"), never die of a signal in fontconfig,
# pango or GLib; writing to a full device exits 5 saying so; -o onto a device or pipe is refused.
# Sanitizer builds reserve terabytes of shadow memory, so the limit steps are skipped there.
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
mkdir -p "$WORK/dir"
U="Beställarenheten äldreomsorg"
I="Aktivt Medskapandeindex"

limited() { # MB, command...: exit code under ulimit -v MB
    local mb=$1
    shift
    (ulimit -v $((mb * 1024)) && exec "$@") >/dev/null 2>err.txt
}
if ldd "$BIN" 2>/dev/null | grep -q 'libasan\|libubsan\|libtsan'; then
    echo "skipped: a sanitizer build cannot run under ulimit -v"
else
    for mb in 50 60 70 80 90 100 110 120 130 140 150; do
        for run in 1 2; do
            for what in chart-png chart-compare chart-folder report status; do
                case $what in
                chart-png) limited $mb "$BIN" chart trend --demo -q --unit "$U" --indicator "$I" -o t.png ;;
                chart-compare) limited $mb "$BIN" chart compare --demo -q --indicator "$I" -o c.pdf ;;
                chart-folder) limited $mb "$BIN" chart trend --demo -q --unit "$U" -o dir ;;
                report) limited $mb "$BIN" report --demo -q --unit "$U" -o r.pdf ;;
                status) limited $mb "$BIN" status --demo -q ;;
                esac
                rc=$?
                case $rc in
                0) ok ;;
                4) grep -q "slut på minne" err.txt && ok || bad "$what at $mb MB: exit 4 without the message: $(head -2 err.txt)" ;;
                *) bad "$what at $mb MB (run $run): exit $rc: $(head -2 err.txt)" ;;
                esac
            done
        done
    done
    # with room enough, everything is drawn
    limited 400 "$BIN" report --demo -q --unit "$U" -o r.pdf && [ -s r.pdf ] && ok || bad "report at 400 MB failed"
    [ -z "$(find . -name '*.tmp-*')" ] && ok || bad "temporaries left behind"
fi

# a full device: exit 5 and a message saying the writing failed
for cmd in status import goals; do
    "$BIN" $cmd --demo -q >/dev/full 2>err.txt
    rc=$?
    [ $rc -eq 5 ] && ok || bad "$cmd > /dev/full: exit $rc, expected 5"
    grep -q "det gick inte att skriva till standard ut" err.txt && ok || bad "$cmd > /dev/full: message: $(cat err.txt)"
done
# -o onto something that is not a regular file is refused (a FIFO here; as root, /dev/null
# would otherwise be replaced by a plain file)
mkfifo fifo
"$BIN" status --demo -q --format csv -o fifo 2>err.txt
[ $? -eq 1 ] && [ -p fifo ] && grep -q "ingen vanlig fil" err.txt && ok || bad "-o onto a FIFO: $(cat err.txt)"
e2e_end
