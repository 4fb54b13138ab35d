#!/usr/bin/env bash
# signals.sh BINARY SOURCE_DIR WORKDIR: `report` and a big `chart trend -o FOLDER`, stopped by
# SIGTERM or SIGINT at random moments (40 runs), leave no temporary file (".NAME.tmp-XXXXXX")
# behind; and a later run removes a temporary of its own pattern older than a day, keeping a
# fresh one (it may belong to a run still going) and other files.
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
mkdir -p "$WORK/charts"
temps() { find . -name '.*.tmp-*' | wc -l; }

RANDOM=22 # the same moments on every run of the test
for run in $(seq 1 40); do
    sig=TERM
    [ $((run % 2)) -eq 0 ] && sig=INT
    if [ $((run % 4)) -lt 2 ]; then
        "$BIN" report --demo -q --all-units -o vb.pdf 2>/dev/null &
    else
        "$BIN" chart trend --demo -q -o charts 2>/dev/null &
    fi
    pid=$!
    # 0.05 to 2.5 s: from reading the data to writing the files
    sleep "$(printf '0.%02d' $((RANDOM % 100)))"
    [ $((RANDOM % 2)) -eq 0 ] && sleep 1
    [ $((RANDOM % 3)) -eq 0 ] && sleep 0.5
    kill -s $sig $pid 2>/dev/null
    wait $pid 2>/dev/null
    n=$(temps)
    [ "$n" -eq 0 ] && ok || { bad "run $run (SIG$sig): $n temporaries left"; find . -name '.*.tmp-*' -delete; }
done

# stale temporaries: older than a day and of the output's own pattern are removed
: >.vb.pdf.tmp-AbC123
touch -d '2 days ago' .vb.pdf.tmp-AbC123
: >.vb.pdf.tmp-XyZ789               # fresh: perhaps another run's, kept
: >keep.tmp-123456
touch -d '2 days ago' keep.tmp-123456     # not a hidden temporary: never touched
"$BIN" report --demo -q --unit Vuxenenheten -o vb.pdf && ok || bad "report failed"
[ ! -e .vb.pdf.tmp-AbC123 ] && ok || bad "a stale temporary was kept"
[ -e .vb.pdf.tmp-XyZ789 ] && ok || bad "a fresh temporary was removed"
[ -e keep.tmp-123456 ] && ok || bad "a file that is no temporary was removed"
[ -s vb.pdf ] && ok || bad "no report"
e2e_end
