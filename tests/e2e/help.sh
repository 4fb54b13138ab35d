#!/usr/bin/env bash
# help.sh: help and behaviour agree.
#   - every command's --help, in Swedish and with --lang en, has its options
#     under the headings Urval / Bedömning / Utdata / Indata / Övrigt, examples
#     and the exit codes 0-5; `indikator --help` too;
#   - every option a command's help lists, the command takes; every other option
#     of the table it refuses with exit 1 (a chart KIND likewise for the options
#     of the other kinds);
#   - every example in every help runs as written (exit 0) from a folder where
#     datasets/ is the repository's;
#   - --kolada reads Kolada JSON and --from takes only a period;
#   - --unit is repeatable and takes comma lists (the hidden --units too), and a
#     unit whose own name has a comma is matched whole first;
#   - docs/indikator.1 and docs/indikator.en.1 are what `indikator __man` makes.
# Usage: help.sh BINARY SOURCE_DIR WORKDIR
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
ln -s "$SRC/datasets" datasets

commands=$("$BIN" __complete commands)
check "the commands are listed" test "$(echo "$commands" | wc -l)" -ge 11

# a value each option can take (for the parser, not for a run)
value_of() {
    case $1 in
    unit) echo Vuxenenheten ;; indicator) echo Sjukfrånvaro ;; year | period | to) echo 2025 ;; from) echo 2020 ;;
    gender) echo T ;; goals) echo datasets/demo/goals.csv ;; tolerance) echo 5 ;; min-n) echo 10 ;;
    alpha) echo 0.05 ;; full-share) echo 1 ;; not-share) echo 0.5 ;; method | overdispersion | encoding) echo auto ;;
    adjust) echo holm ;; chart) echo i ;; rules) echo nhs ;; output) echo out.csv ;; format) echo csv ;;
    lang) echo sv ;; width | height) echo 400 ;; dpi) echo 96 ;; catalog) echo datasets/catalog.csv ;;
    *) echo X ;;
    esac
}
takes_value() { [ "$(printf '%s\n' "$all" | awk -F '\t' -v o="--$1" '$1 == o { print $2 }')" != - ]; }
# every option of the table some command takes, with what it takes
all=$(for c in $commands; do "$BIN" __complete options "$c"; done | sort -u -t "$(printf '\t')" -k1,1)

for c in $commands; do
    kind=
    [ "$c" = chart ] && kind=trend
    for lang in sv en; do
        help=$("$BIN" $c --help --lang $lang) || bad "$c --help --lang $lang: exit $?"
        if [ $lang = sv ]; then heads='^(Urval|Bedömning|Utdata|Indata|Övrigt|Exempel|Slutstatus|Typer):$'; ex=Exempel; st=Slutstatus
        else heads='^(Selection|Judgement|Output|Input|Other|Examples|Exit status|Kinds):$'; ex=Examples; st="Exit status"; fi
        check "$c --help ($lang): headings" bash -c "printf '%s\n' \"\$1\" | grep -E '^[A-ZÅÄÖ][^ ]*( [a-z]+)?:\$' | grep -vE '$heads' | { ! grep .; }" _ "$help"
        check "$c --help ($lang): examples" bash -c "printf '%s\n' \"\$1\" | grep -qx '$ex:'" _ "$help"
        for code in 0 1 2 3 4 5; do
            check "$c --help ($lang): exit code $code" bash -c "printf '%s\n' \"\$1\" | sed -n '/^$st:/,\$p' | grep -q '^  $code  '" _ "$help"
        done
        [ $lang = en ] && check "$c --help --lang en is English" bash -c "printf '%s\n' \"\$1\" | { ! grep -qE 'Användning|flaggor|Slutstatus'; }" _ "$help"
    done
    # what the help lists is what the parser takes, and nothing more
    listed=$("$BIN" $c --help | grep -oE '^(  -[a-z], |      )--[a-z-]+' | sed 's/.*--//' | sort -u)
    check "$c: help lists what __complete offers" test "$listed" = "$("$BIN" __complete options $c | cut -f1 | sed 's/^--//' | sort -u)"
    for o in $(printf '%s\n' "$all" | cut -f1 | sed 's/^--//'); do
        [ "$o" = help ] && continue
        args=(--"$o")
        takes_value "$o" && args+=("$(value_of "$o")")
        "$BIN" $c $kind "${args[@]}" --help >/dev/null 2>err.txt
        rc=$?
        if printf '%s\n' "$listed" | grep -qxF "$o"; then
            [ $rc -eq 0 ] && ok || bad "$c takes --$o by its help, but exits $rc: $(cat err.txt)"
        else
            [ $rc -eq 1 ] && ok || bad "$c does not list --$o, but exits $rc (not 1)"
        fi
    done
done
check "indikator --help: exit codes 0-5" bash -c "\"$BIN\" --help | grep -c '^  [0-5]  ' | grep -qx 6"
check "indikator --help --lang en" bash -c "\"$BIN\" --help --lang en | grep -q '^Commands:'"
check "help status is status --help" bash -c "cmp <(\"$BIN\" help status) <(\"$BIN\" status --help)"
check "an unknown option: exit 1" bash -c "\"$BIN\" status --nonsense; test \$? -eq 1"

# a chart kind refuses the options of the other kinds
check "chart funnel refuses --trendline" bash -c "\"$BIN\" chart funnel --demo --indicator FREDA-kortfrågor --trendline -o f.png 2>err; test \$? -eq 1 && grep -q 'chart funnel' err"
check "chart status refuses --from" bash -c "\"$BIN\" chart status --demo --unit Vuxenenheten --from 2020 -o s.png; test \$? -eq 1"
check "trend refuses --year (it shows every year)" bash -c "\"$BIN\" trend --demo --year 2025; test \$? -eq 1"
check "status refuses --fail-on-flag (it never flags)" bash -c "\"$BIN\" status --demo --fail-on-flag; test \$? -eq 1"
check "flag --fail-on-flag returns 3 when something is flagged" bash -c "\"$BIN\" flag --demo -q --year 2025 --fail-on-flag >/dev/null; test \$? -eq 3"
check "spc refuses --gender all" bash -c "\"$BIN\" spc --demo --unit Vuxenenheten --indicator Sjukfrånvaro --gender all; test \$? -eq 1"
check "a VB refuses --title (the tertial report's)" bash -c "\"$BIN\" report --demo --unit Vuxenenheten --year 2025 --title T -o t.pdf; test \$? -eq 1"

# every example of every help runs as written
for c in $commands; do
    "$BIN" $c --help | awk '/^Exempel:$/ { e = 1; next } /^$/ { e = 0 } e && /^  indikator / { sub(/^  /, ""); print }'
done >examples.txt
check "two or more examples" test "$(wc -l <examples.txt)" -ge 20
while IFS= read -r line; do
    # shellcheck disable=SC2086
    if eval "\"\$BIN\" ${line#indikator }" >example.out 2>example.err; then ok; else bad "example: $line: $(head -c 300 example.err)"; fi
done <examples.txt

# Kolada JSON by --kolada; --from is a period only
cat >k.json <<'EOF'
{"values": [{"kpi": "N00945", "municipality": "0180", "period": 2024,
  "values": [{"gender": "T", "status": "", "value": 12.5}]}]}
EOF
run kolada "$BIN" import -q --kolada k.json -o k.csv
check "--kolada: the row" grep -q '^0180,N00945,2024,T,12.5,' k.csv
check "--from kolada is refused, naming --kolada" bash -c "\"$BIN\" import --from kolada k.json 2>err; test \$? -eq 1 && grep -q -- --kolada err"
check "--kolada without files is refused" bash -c "\"$BIN\" import --kolada 2>err; test \$? -eq 1"
check "--demo with files is refused" bash -c "\"$BIN\" status --demo k.csv 2>err; test \$? -eq 1"

# --unit: repeatable, comma lists, the hidden --units; a name with a comma whole first
units() { "$BIN" status -q --year 2025 --format csv "$@" | python3 -c 'import csv,sys; print(" | ".join(sorted({r["unit"] for r in csv.DictReader(sys.stdin)})))'; }
check "--unit A,B" test "$(units --demo --unit Vuxenenheten,Familjeenheten)" = "Familjeenheten | Vuxenenheten"
check "--unit A --unit B" test "$(units --demo --unit Vuxenenheten --unit Familjeenheten)" = "Familjeenheten | Vuxenenheten"
check "--unit 'A, B' (blanks)" test "$(units --demo --unit 'Vuxenenheten, Familjeenheten')" = "Familjeenheten | Vuxenenheten"
check "--units A,B (hidden)" test "$(units --demo --units Vuxenenheten,Familjeenheten)" = "Familjeenheten | Vuxenenheten"
cat >comma.csv <<'EOF'
unit,indicator,period,gender,value,target
"Stöd, vård och omsorg",Sjukfrånvaro,2025,T,5,6
Stöd,Sjukfrånvaro,2025,T,7,6
vård och omsorg,Sjukfrånvaro,2025,T,8,6
Familjeenheten,Sjukfrånvaro,2025,T,4,6
EOF
check "a whole name with a comma" test "$(units comma.csv --unit 'Stöd, vård och omsorg')" = "Stöd, vård och omsorg"
check "else its parts" test "$(units comma.csv --unit 'Stöd,Familjeenheten')" = "Familjeenheten | Stöd"
check "a whole name beside a list" test "$(units comma.csv --unit 'Stöd, vård och omsorg' --unit Stöd,Familjeenheten)" = "Familjeenheten | Stöd | Stöd, vård och omsorg"

# the man pages are current
check "docs/indikator.1 is what __man sv makes" bash -c "\"$BIN\" __man sv | cmp - \"$SRC/docs/indikator.1\""
check "docs/indikator.en.1 is what __man en makes" bash -c "\"$BIN\" __man en | cmp - \"$SRC/docs/indikator.en.1\""
if command -v groff >/dev/null 2>&1; then
    check "the man pages have no roff warnings" bash -c "groff -man -ww -z -K utf8 \"$SRC/docs/indikator.1\" 2>&1 | { ! grep .; } && groff -man -ww -z -K utf8 \"$SRC/docs/indikator.en.1\" 2>&1 | { ! grep .; }"
fi

e2e_end
