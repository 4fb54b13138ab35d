#!/bin/bash
# names.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of how names a person types are found (issue 19):
#   - units, indicators and the units of a goals file by one rule (ind_text_find):
#     byte for byte, else without case, else without diacritics; an exact match
#     wins; two things alike at the deciding level are a usage error (exit 1)
#     naming both;
#   - an unknown unit, indicator, command or chart names the closest names,
#     in Swedish ("Menade du Vuxenenheten?") or English with --lang en (exit 2
#     for names in the data, 1 for commands); with no name near, every unit of
#     the data (the right one included) is listed.
# Expected names come from the demo data (datasets/demo/demo.csv) and small
# files written here. Prints "N passed, M failed".
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

# units DESC FILE UNIT...: the CSV's unit column holds exactly these units (sorted, each once)
units() {
    local what=$1 file=$2 got want
    shift 2
    got=$(tail -n +2 "$file" | cut -d, -f1 | sort -u | tr '\n' '|')
    want=$(printf '%s\n' "$@" | sort -u | tr '\n' '|')
    if [ "$got" = "$want" ]; then ok; else bad "$what: units $got, expected $want"; fi
}

# ---- units: case and diacritics -----------------------------------------------
for u in Vuxenenheten vuxenenheten VUXENENHETEN " vuxenenheten"; do
    run "unit-$u" "$BIN" status --demo -q --year 2024 --format csv --unit "$u" &&
        units "status --unit \"$u\"" "$WORK/unit-$u.out" Vuxenenheten
done
run unit-diacritics "$BIN" status --demo -q --year 2024 --format csv --unit "bestallarenheten aldreomsorg" &&
    units "--unit bestallarenheten aldreomsorg" "$WORK/unit-diacritics.out" "Beställarenheten äldreomsorg"
run units-list "$BIN" status --demo -q --year 2024 --format csv --unit familjeenheten --unit "hemtjänsten norr" &&
    units "--unit a,b" "$WORK/units-list.out" Familjeenheten "Hemtjänsten Norr"
# the same rows whatever the spelling
run unit-exact "$BIN" flag --demo -q --year 2025 --format csv --unit Vuxenenheten
run unit-folded "$BIN" flag --demo -q --year 2025 --format csv --unit VUXENENHETEN
check "flag: --unit VUXENENHETEN gives the rows of Vuxenenheten" cmp "$WORK/unit-exact.out" "$WORK/unit-folded.out"

# ---- indicators ---------------------------------------------------------------
run ind-exact "$BIN" trend --demo -q --format csv --unit Vuxenenheten --indicator Sjukfrånvaro
for i in sjukfranvaro SJUKFRÅNVARO "sjukfrånvaro" "SJUKFRANVARO"; do
    run "ind-$i" "$BIN" trend --demo -q --format csv --unit vuxenenheten --indicator "$i" &&
        check "trend --indicator \"$i\" is Sjukfrånvaro" cmp "$WORK/ind-exact.out" "$WORK/ind-$i.out"
done
# compare takes the name to the engine: the data's spelling must reach it
run compare-folded "$BIN" compare --demo -q --format csv --indicator "andel inkopta ekologiska livsmedel i kronor" --year 2024
check "compare: folded indicator name gives rows" test "$(wc -l <"$WORK/compare-folded.out")" -gt 3

# ---- did you mean ---------------------------------------------------------------
expect "unit misspelt (sv)" 2 'okänd enhet "Vuxenenhten". Menade du Vuxenenheten?' \
    "$BIN" status --demo --unit Vuxenenhten
expect "unit misspelt (en)" 2 'unknown unit "Vuxenenhten". Did you mean Vuxenenheten?' \
    "$BIN" status --demo --unit Vuxenenhten --lang en
expect "unit misspelt, lower case, no diacritics" 2 'Menade du Beställarenheten äldreomsorg?' \
    "$BIN" flag --demo --unit "bestalarenheten aldreomsorg"
expect "part of a unit's name" 2 'Menade du Hemtjänsten Norr?' "$BIN" status --demo --unit hemtjanst
# no unit near: all ten are listed, the last one too
expect "unknown unit, none near: every unit" 2 'Vuxenenheten och Vård- och omsorgsboendet Eken' \
    "$BIN" status --demo --unit Söder
expect "unknown unit, none near: the count" 2 'okänd enhet "Söder"; enheterna i data är Beställarenheten äldreomsorg,' \
    "$BIN" status --demo --unit Söder
expect "indicator misspelt (sv)" 2 'okänd indikator "sjukfrnvaro". Menade du Sjukfrånvaro?' \
    "$BIN" status --demo --indicator sjukfrnvaro
expect "indicator misspelt (en)" 2 'unknown indicator "sjukfrnvaro". Did you mean Sjukfrånvaro?' \
    "$BIN" trend --demo --indicator sjukfrnvaro --lang en
expect "indicator: two near" 2 'Menade du Ledarskapsindex' "$BIN" status --demo --indicator ledarskapsindx
expect "indicator unknown, none near" 2 'okänd indikator "Finns inte": data har inga värden för den' \
    "$BIN" status --demo --indicator "Finns inte"
expect "command misspelt (sv)" 1 'okänt kommando "stauts". Menade du status?' "$BIN" stauts
expect "command misspelt (en)" 1 'unknown command "stauts". Did you mean status?' "$BIN" stauts --lang en
expect "command in capitals" 1 'okänt kommando "REPORT". Menade du report?' "$BIN" REPORT
expect "command unknown: the list of commands" 1 'Kommandon:' "$BIN" xyzzy
expect "chart kind misspelt" 1 'okänt diagram "tren". Menade du trend?' "$BIN" chart tren -o x.png
expect "spc with a misspelt unit" 2 'Menade du Vuxenenheten?' "$BIN" spc --demo --unit vuxenenhet --indicator sjukfranvaro

# ---- exact wins; ambiguous is a usage error -------------------------------------
cat >"$WORK/two.csv" <<'EOF'
unit,indicator,period,value,target
Söder,Väntetid,2024,10,12
söder,Väntetid,2024,11,12
Soder,Väntetid,2024,12,12
Norr,Vantetid,2024,13,12
Norr,Väntetid,2024,14,12
EOF
for u in Söder söder Soder; do
    run "exact-$u" "$BIN" status -q --format csv "$WORK/two.csv" --year 2024 --unit "$u" &&
        units "exact --unit $u" "$WORK/exact-$u.out" "$u"
done
run exact-soder-case "$BIN" status -q --format csv "$WORK/two.csv" --year 2024 --unit SODER &&
    units "--unit SODER is Soder by case alone" "$WORK/exact-soder-case.out" Soder
expect "ambiguous unit: exit 1, both named" 1 'enheten "SÖDER" passar både "Söder" och "söder"' \
    "$BIN" status "$WORK/two.csv" --year 2024 --unit SÖDER
expect "ambiguous unit (en)" 1 'unit "SÖDER" matches both "Söder" and "söder"' \
    "$BIN" status "$WORK/two.csv" --year 2024 --unit SÖDER --lang en
run exact-ind "$BIN" status -q --format csv "$WORK/two.csv" --year 2024 --unit Norr --indicator VANTETID
check "--indicator VANTETID is Vantetid by case" grep -q '^Norr,Vantetid,' "$WORK/exact-ind.out"
check "--indicator VANTETID is not Väntetid" bash -c "! grep -q 'Väntetid' '$WORK/exact-ind.out'"
expect "ambiguous indicator" 1 'indikatorn "Vàntetid" passar både "Vantetid" och "Väntetid"' \
    "$BIN" status "$WORK/two.csv" --year 2024 --indicator Vàntetid

# ---- a goals file's units ---------------------------------------------------------
GOALS=$SRC/datasets/demo/goals.csv
sed 's/,Vuxenenheten,/,VUXENENHETEN,/; s/,Familjeenheten,/,familjeenheten,/' "$GOALS" >"$WORK/goals-lower.csv"
check "the goals file was changed" bash -c "! cmp -s '$GOALS' '$WORK/goals-lower.csv'"
run goals-as-written "$BIN" goals --demo -q --format csv --goals "$GOALS" --year 2025
run goals-lower "$BIN" goals --demo -q --format csv --goals "$WORK/goals-lower.csv" --year 2025
check "goals: units in another case are the data's units" cmp "$WORK/goals-as-written.out" "$WORK/goals-lower.out"
cat >"$WORK/goals-two.csv" <<'EOF'
id,level,parent,unit,text,year,assessment
G1,enhetsmal,,SÖDER,Kortare väntetid,2024,
EOF
expect "goals: a unit matching two units" 2 'goals-two.csv:2: enheten "SÖDER" för målet "G1" passar både "Söder" och "söder"' \
    "$BIN" goals "$WORK/two.csv" --goals "$WORK/goals-two.csv"

e2e_end
