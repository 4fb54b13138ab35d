#!/usr/bin/env bash
# readme.sh BINARY SOURCE_DIR WORKDIR: the README's "Use" block runs as written. Each of its
# lines, taken literally, runs from a copy of the repository's files with `indikator` on the
# PATH (the built binary): it exits 0 (3 where it asks for --fail-on-flag, as the demo has
# outcomes below their årsmål), writes what it names with -o (a PDF, a workbook, a PNG with its
# alt text, a folder of CSV files), or prints something. The shell examples of docs/guide.md
# are run the same way, and no command changes a file of the repository.
source "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

# ---- a copy of the repository: the files git knows of (or all but builds), and the command --
mkdir -p repo bin
if git -C "$SRC" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$SRC" && git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
        tar --null -T - -cf -) | tar -xf - -C repo
else
    (cd "$SRC" && tar --exclude='./build*' --exclude='./.git' --exclude='./out' -cf - .) | tar -xf - -C repo
fi
ln -s "$BIN" bin/indikator
export PATH="$WORK/bin:$PATH"
before=$(cd repo && find . -type f -print0 | sort -z | xargs -0 sha256sum)

# The lines of the first ```sh block after the heading $2 in file $1 (all blocks when $2 is empty).
sh_block() {
    awk -v want="$2" '
        /^## / { here = (want == "" || $0 == want) }
        here && /^```sh$/ { inside = 1; next }
        inside && /^```$/ { inside = 0; if (want != "") exit; next }
        inside && !/^[ \t]*(#|$)/ { print }' "$1"
}

# Does the file look like its extension says?
looks_right() {
    local f=$1
    [ -s "$f" ] || { echo "$f is missing or empty"; return 1; }
    case $f in
    *.pdf) [ "$(head -c 5 "$f")" = "%PDF-" ] || { echo "$f is not a PDF"; return 1; } ;;
    *.xlsx | *.docx) [ "$(head -c 2 "$f")" = "PK" ] || { echo "$f is not a zip (OOXML)"; return 1; } ;;
    *.png) [ "$(head -c 4 "$f" | od -An -tx1 | tr -d ' \n')" = "89504e47" ] || { echo "$f is not a PNG"; return 1; }
           [ -s "$f.alt.txt" ] || { echo "$f has no alt text beside it"; return 1; } ;;
    *.html) grep -qi '<html' "$f" || { echo "$f is not a web page"; return 1; } ;;
    *.csv) [ "$(wc -l <"$f")" -ge 2 ] || { echo "$f has no rows"; return 1; } ;;
    esac
}

# run_line SOURCE N LINE: runs LINE in the copy; checks its exit status and what it writes.
run_line() {
    local where=$1 n=$2 line=$3 want=0
    case " $line " in *" --fail-on-flag "*) want=3 ;; esac
    (cd repo && bash -c "$line") >"out.$n" 2>"err.$n"
    local rc=$?
    if [ $rc -ne $want ]; then
        bad "$where: \`$line\`: exit $rc, not $want: $(head -c 300 "err.$n")"
        return
    fi
    ok
    local target
    target=$(printf '%s\n' "$line" | sed -n 's/.* -o \([^ ]*\).*/\1/p')
    if [ -z "$target" ]; then
        check "$where: \`$line\` prints something" test -s "out.$n"
    elif [ "${target%/}" != "$target" ]; then
        check "$where: \`$line\` writes CSV files into $target" \
            bash -c '[ -n "$(ls "$1"/*.csv 2>/dev/null)" ]' _ "repo/$target"
    else
        check "$where: \`$line\` writes $target" looks_right "repo/$target"
    fi
}

# run_block WHERE FILE HEADING: every line of the block (run_line), at least 10 of them.
n=0
run_block() {
    local where=$1 lines line
    mapfile -t lines < <(sh_block "$2" "$3")
    [ "${#lines[@]}" -ge 10 ] && ok || bad "$where: only ${#lines[@]} shell lines"
    for line in "${lines[@]}"; do
        n=$((n + 1))
        run_line "$where" "$n" "$line"
    done
}

# ---- the README's "Use" block ------------------------------------------------------------
run_block README "$SRC/README.md" "## Use"
check "README: the ILS export and demo.csv make data.csv with every demo observation" \
    bash -c 'cat err.* | grep -q "4096 observationer skrivna till data.csv"'
check "README: the Kolada pages give 4 municipalities × 3 years × 3 genders" \
    bash -c 'cat err.* | grep -q "36 observationer skrivna till kolada.csv"'

# ---- the guide's examples -----------------------------------------------------------------
run_block guide "$SRC/docs/guide.md" ""

after=$(cd repo && find . -type f -print0 | sort -z | xargs -0 sha256sum |
    grep -F -x -f <(printf '%s\n' "$before"))
check "no command changed a file of the repository" test "$before" = "$after"
e2e_end
