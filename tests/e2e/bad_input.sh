#!/bin/bash
# bad_input.sh BINARY SOURCE_DIR WORKDIR: runs every case of tests/bad/cases.tsv
# through `indikator check FILE` and `indikator import FILE -o WORKDIR/out.csv`
# (in English, --lang en: the cases name English text; tests/e2e/swedish.sh
# reads the Swedish) and checks the exit code; for a failure, that standard error is one line
# "indikator: FILE:LINE:COLUMN: ..." holding the expected text, and that no
# output file and no temporary file is left behind.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
BAD=$SRC/tests/bad

if ! bash "$BAD/generate.sh" "$WORK/gen"; then
    echo "FAIL: tests/bad/generate.sh"
    echo "0 passed, 1 failed"
    exit 1
fi

result() { # name, problems...
    local name=$1
    shift
    if [ $# -eq 0 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name"
        for p in "$@"; do
            echo "    $p"
        done
        sed 's/^/    stderr: /' "$WORK/stderr" | head -5
    fi
}

declare -A listed
while IFS=$'\t' read -r file code line col sub extra; do
    [[ -z $file || $file == \#* ]] && continue
    listed[$file]=1
    if [[ $file == gen/* ]]; then
        path=$WORK/$file
    else
        path=$BAD/$file
    fi
    args=()
    for w in $extra; do
        if [[ $w == *.csv ]]; then
            args+=("$BAD/$w")
            listed[$w]=1
        else
            args+=("$w")
        fi
    done
    for cmd in check import; do
        rm -f "$WORK/out.csv" "$WORK"/out.csv.tmp-*
        if [ $cmd = check ]; then
            "$BIN" check --lang en --format csv "${args[@]}" "$path" >"$WORK/stdout" 2>"$WORK/stderr"
        else
            "$BIN" import --lang en -q "${args[@]}" "$path" -o "$WORK/out.csv" >"$WORK/stdout" 2>"$WORK/stderr"
        fi
        rc=$?
        problems=()
        [ "$rc" -eq "$code" ] || problems+=("exit code $rc, expected $code")
        if [ "$code" -ne 0 ]; then
            lines=$(wc -l <"$WORK/stderr")
            [ "$lines" -eq 1 ] || problems+=("standard error has $lines lines, expected one")
            msg=$(head -n 1 "$WORK/stderr")
            if [ "$line" != - ]; then
                if [ "$col" != - ]; then
                    want="indikator: $path:$line:$col: "
                else
                    want="indikator: $path:$line: "
                fi
                [[ $msg == "$want"* ]] || problems+=("the message does not begin \"$want\"")
            fi
            [[ $msg == *"$sub"* ]] || problems+=("the message does not contain \"$sub\"")
            [ ! -e "$WORK/out.csv" ] || problems+=("out.csv was written")
        else
            [ ! -s "$WORK/stderr" ] || problems+=("standard error is not empty")
            if [ $cmd = check ]; then
                grep -qF -- "$sub" "$WORK/stdout" || problems+=("check does not print \"$sub\"")
            else
                [ -s "$WORK/out.csv" ] || problems+=("import wrote no out.csv")
            fi
        fi
        if compgen -G "$WORK/out.csv.tmp-*" >/dev/null; then
            problems+=("a temporary file was left behind")
        fi
        result "$cmd $file" "${problems[@]}"
    done
done <"$BAD/cases.tsv"

# every committed case file is listed
: >"$WORK/stderr"
for f in "$BAD"/*; do
    name=${f##*/}
    case $name in cases.tsv | generate.sh) continue ;; esac
    if [ -z "${listed[$name]:-}" ]; then
        result "tests/bad/$name" "not listed in cases.tsv"
    fi
done

rm -rf "$WORK/gen" "$WORK/out.csv"
e2e_end
