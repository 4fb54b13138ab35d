#!/bin/bash
# xlsx.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of the Excel workbook, the CSV for Swedish Excel and the choice of
# output format (issue 17), on the built-in demo data (Exempelstad, synthetic), read
# back with openpyxl (Debian's python3-openpyxl, in /usr/bin/python3) by
# lib/xlsx_read.py and with LibreOffice as a second reader:
#   - status, flag, goals, trend, compare, spc, check: `--format xlsx -o F.xlsx` (and `-o F.xlsx`
#     alone) holds exactly the cells of `--format csv` (every number the same double,
#     its type from `--format json`; every text the same, verdicts as words without
#     paper's symbol), the headers the columns' Swedish labels (English with --lang en),
#     the header row bold and frozen, an Excel table with an autofilter over it, widths
#     within 6..61, number formats (shares as Excel percent, percentages 0.0" %" on the
#     value, p-values as on paper, integers 0), and the sheet "Om underlaget" with the
#     document's facts and what each sheet holds;
#   - `report --unit Vuxenenheten -o vb.xlsx` (and --lang en): a sheet per goal's
#     table, "Alla rader" first with all their rows, every outcome (total, men, women)
#     equal to `status --gender all`'s year-end outcome; --all-units likewise for every
#     unit, its sheet names valid (31 characters, no []:*?/\) and unique; a tertial
#     report's workbook too;
#   - odd data: sheet names from goals with []:*?/\, apostrophes, long equal beginnings;
#     17-digit numbers; an indicator named "=1+1 mått" stays text;
#   - no clock in the bytes: two runs, and a run under another time zone, give the same
#     bytes; zip entries and created dated the document's date;
#   - csv-sv: BOM, semicolons, CRLF, decimal commas, the workbook's headers, the CSV's
#     numbers digit for digit;
#   - formats: --format wins over the extension; .txt gives the terminal table; an
#     extension or format the command cannot write, a name without an extension, and a
#     workbook to a terminal are usage errors (exit 1) listing what it writes; compare
#     refuses .pdf, report .csv; nothing written and no temporary file left on any of them;
#   - LibreOffice (soffice --headless --convert-to csv, in sv-SE) opens the status
#     workbook and shows percentages and shares the Swedish way ("6,7 %").
# Skipped (exit 0) when /usr/bin/python3 has no openpyxl; the LibreOffice part when
# soffice is missing. Prints "N passed, M failed"; exits non-zero when anything failed.
set -u

# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
PY=/usr/bin/python3
READ=$SRC/tests/e2e/lib/xlsx_read.py
if ! $PY -c 'import openpyxl' 2>/dev/null; then
    echo "SKIP: /usr/bin/python3 has no openpyxl (Debian package python3-openpyxl)"
    exit 0
fi

check() {
    local what=$1
    shift
    if "$@" >check.out 2>&1; then ok; else bad "$what: $(tail -n 3 check.out)"; fi
}
# usage_error DESCRIPTION PATTERN COMMAND...: exit 1, PATTERN in the message, no file left
usage_error() {
    local what=$1 pattern=$2
    shift 2
    "$@" >stdout.txt 2>stderr.txt
    local rc=$?
    if [ $rc -eq 1 ] && grep -q -- "$pattern" stderr.txt; then ok; else
        bad "$what: exit $rc, message: $(head -c 300 stderr.txt)"; fi
}

# ---- 1. every command's table ---------------------------------------------------------
U=Vuxenenheten
# args CMD: what the command needs besides the demo data
args() {
    case $1 in
    compare) echo "--indicator freda_kortfragor" ;;
    spc) echo "--unit $U --indicator Sjukfrånvaro" ;;
    esac
}
for cmd in status flag goals trend compare spc check; do
    for lang in sv en; do
        t=$cmd-$lang
        # shellcheck disable=SC2046
        "$BIN" "$cmd" --demo -q $(args $cmd) --lang $lang --format csv >"$t.csv"
        # shellcheck disable=SC2046
        "$BIN" "$cmd" --demo -q $(args $cmd) --lang $lang --format json >"$t.json"
        # shellcheck disable=SC2046
        if "$BIN" "$cmd" --demo -q $(args $cmd) --lang $lang --format xlsx -o "$t.xlsx"; then
            check "$cmd --lang $lang: the workbook holds the CSV's cells" \
                $PY "$READ" table "$cmd" $lang "$t.xlsx" "$t.csv" "$t.json"
        else
            bad "$cmd --lang $lang --format xlsx failed"
        fi
    done
    # shellcheck disable=SC2046
    "$BIN" "$cmd" --demo -q $(args $cmd) -o "$cmd.again.xlsx"
    check "$cmd -o F.xlsx (by the extension) gives the same bytes as --format xlsx" cmp "$cmd.again.xlsx" "$cmd-sv.xlsx"
done

# ---- 2. the VB as a workbook ------------------------------------------------------------
for lang in sv en; do
    "$BIN" status --demo -q --unit $U --year 2025 --gender all --lang $lang --format csv >"vb-status-$lang.csv"
    if "$BIN" report --demo -q --unit $U --lang $lang -o "vb-$lang.xlsx"; then
        check "report -o vb.xlsx ($lang): sheets, and outcomes equal to status" \
            $PY "$READ" vb $lang "vb-$lang.xlsx" "vb-status-$lang.csv" $U
    else
        bad "report --unit $U --lang $lang -o vb.xlsx failed"
    fi
done
"$BIN" status --demo -q --year 2025 --gender all --format csv >all-status.csv
if "$BIN" report --demo -q --all-units -o all.xlsx; then
    check "report --all-units -o all.xlsx: names valid and unique, every unit's outcomes" \
        $PY "$READ" vb sv all.xlsx all-status.csv -
else
    bad "report --all-units -o all.xlsx failed"
fi

if "$BIN" report --demo -q --unit $U --period 2025-T2 -o t2.xlsx; then
    check "tertial report -o t2.xlsx: its table, headers without paper's soft hyphens" $PY -c '
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
head = [c.value for c in wb.worksheets[0][1]]
assert wb.sheetnames[-1] == "Om underlaget" and len(wb.sheetnames) >= 2, wb.sheetnames
assert "Prognosintervall" in head and not any("\xad" in h for h in head), head' t2.xlsx
else
    bad "report --period 2025-T2 -o t2.xlsx failed"
fi

# ---- 2b. names Excel refuses, numbers 16 digits cannot hold, text that looks like a formula
cat >odd.csv <<'EOF'
unit,indicator,period,gender,value,target,goal
Enhet [A],=1+1 mått,2024,T,0.1,0.3,LÅNGT-MÅLNUMMER-SOM-INTE-RYMS-1
Enhet [A],=1+1 mått,2025,T,0.30000000000000004,0.3,LÅNGT-MÅLNUMMER-SOM-INTE-RYMS-1
Enhet [A],Sjukfrånvaro,2024,T,5.123456789012345,6,LÅNGT-MÅLNUMMER-SOM-INTE-RYMS-2
Enhet [A],Sjukfrånvaro,2025,T,4.6000000000000005,6,LÅNGT-MÅLNUMMER-SOM-INTE-RYMS-2
Enhet [A],Sjukfrånvaro,2025,K,1e-05,6,LÅNGT-MÅLNUMMER-SOM-INTE-RYMS-2
Enhet [A],Ledarskapsindex,2025,T,-0.13000000000000012,80,G3
EOF
cat >odd-goals.csv <<'EOF'
id,level,parent,unit,text,year,assessment
LÅNGT-MÅLNUMMER-SOM-INTE-RYMS-1,enhetsmal,,Enhet [A],Första: a/b*c?\d,2025,
LÅNGT-MÅLNUMMER-SOM-INTE-RYMS-2,enhetsmal,,Enhet [A],Andra,2025,
G3,enhetsmal,,Enhet [A],'Citat' [x],2025,
EOF
"$BIN" status odd.csv -q --gender all --format csv >odd.status.csv
"$BIN" status odd.csv -q --format csv >odd.csv.out
"$BIN" status odd.csv -q --format json >odd.json
"$BIN" status odd.csv -q -o odd.status.xlsx
check "status of odd data: the workbook holds the CSV's cells (17-digit numbers exact)" \
    $PY "$READ" table status sv odd.status.xlsx odd.csv.out odd.json
if "$BIN" report odd.csv --goals odd-goals.csv -q --unit "Enhet [A]" -o odd.xlsx; then
    check "report of odd data: outcomes equal to status" $PY "$READ" vb sv odd.xlsx odd.status.csv "Enhet [A]"
    # names: []:*?/\ dropped, no apostrophe at the ends, 31 characters with "…", the
    # second of two that cut alike numbered (the same level-1 heading: no prefix)
    check "report of odd data: sheet names Excel accepts, formula-like text as text" \
        $PY "$READ" names odd.xlsx "Alla rader" "G3 'Citat' x" "LÅNGT-MÅLNUMMER-SOM-INTE-RYMS-…" \
        "LÅNGT-MÅLNUMMER-SOM-INTE-RY (2)" "Om underlaget"
else
    bad "report of odd data failed"
fi

# ---- 3. no clock in the bytes -------------------------------------------------------------
"$BIN" report --demo -q --unit $U -o vb-sv.again.xlsx
check "report -o vb.xlsx twice: the same bytes" cmp vb-sv.xlsx vb-sv.again.xlsx
TZ=America/New_York "$BIN" status --demo -q -o status.tz.xlsx
check "status -o s.xlsx under another time zone: the same bytes" cmp status.tz.xlsx status-sv.xlsx
check "report workbook: zip entries and creation dated the report's year-end" \
    $PY "$READ" stable vb-sv.xlsx 2025-12-31T00:00:00Z
check "status workbook: zip entries and creation dated the document's fixed date" \
    $PY "$READ" stable status-sv.xlsx 2000-01-01T00:00:00Z

# ---- 4. CSV for Swedish Excel -----------------------------------------------------------------
"$BIN" status --demo -q --format csv-sv -o status-sv.sv.csv
check "csv-sv: BOM, semicolons, decimal commas, the CSV's numbers" \
    $PY "$READ" csvsv status-sv.sv.csv status-sv.csv status-sv.json status-sv.xlsx
"$BIN" trend --demo -q --lang en --format csv-sv >trend-en.sv.csv
check "csv-sv --lang en to standard output: English headers, the CSV's numbers" \
    $PY "$READ" csvsv trend-en.sv.csv trend-en.csv trend-en.json trend-en.xlsx
"$BIN" status --demo -q --format csv >status.plain.csv
check "--format csv is unchanged beside csv-sv" cmp status.plain.csv status-sv.csv

# ---- 5. which format ------------------------------------------------------------------------
"$BIN" status --demo -q --format csv -o format-wins.xlsx
check "--format csv -o s.xlsx writes the CSV (the format wins)" cmp format-wins.xlsx status-sv.csv
"$BIN" status --demo -q -o table.txt
"$BIN" status --demo -q >table.stdout
check "-o s.txt writes the terminal table" cmp table.txt table.stdout
usage_error "status -o s.docx" "det skriver table (.txt), csv (.csv), json (.json), csv-sv, xlsx (.xlsx)" \
    "$BIN" status --demo -q -o s.docx
usage_error "status -o s.pdf" "skriver inte pdf" "$BIN" status --demo -q -o s.pdf
usage_error "status -o s (no extension)" "visar inte vilket format" "$BIN" status --demo -q -o s
usage_error "status -o s.foo" "visar inte vilket format" "$BIN" status --demo -q -o s.foo
usage_error "status --format xlsx to a terminal" "skrivs till en fil" "$BIN" status --demo -q --format xlsx
usage_error "status --format docx" "skriver inte docx" "$BIN" status --demo -q --format docx -o s.csv
usage_error "--format nonsense" "är inte table, csv, json, csv-sv, xlsx" "$BIN" status --demo -q --format nonsense
usage_error "compare -o c.pdf" "skriver inte pdf" \
    "$BIN" compare --demo -q --indicator freda_kortfragor -o c.pdf
usage_error "report -o vb.csv" "det skriver pdf (.pdf), xlsx (.xlsx), docx (.docx), html (.html)" \
    "$BIN" report --demo -q --unit $U -o vb.csv
check "no file written by a usage error" test ! -e s.docx -a ! -e s.pdf -a ! -e s -a ! -e s.foo -a ! -e c.pdf \
    -a ! -e vb.csv
"$BIN" status --demo -q -o missing/dir/s.xlsx 2>stderr.txt
rc=$?
if [ $rc -eq 5 ]; then ok; else bad "-o into a missing folder: exit $rc, expected 5"; fi
cp "$SRC/datasets/demo/demo.csv" input.xlsx
cp input.xlsx input.orig
"$BIN" status input.xlsx -q -o input.xlsx >/dev/null 2>&1
rc=$?
if [ $rc -eq 1 ] && cmp -s input.xlsx input.orig; then ok; else bad "-o onto the input file: exit $rc or changed"; fi
check "no temporary files left behind" test -z "$(find . -name '*.tmp-*' -print -quit)"

# ---- 6. LibreOffice as a second reader ---------------------------------------------------------
if command -v soffice >/dev/null 2>&1; then
    # 59 ';', 34 '"', 76 UTF-8, from line 1; cells as shown (token 9), in sv-SE
    if LC_ALL=sv_SE.UTF-8 LANG=sv_SE.UTF-8 HOME="$WORK/lo-home" timeout 600 soffice --headless \
        -env:UserInstallation=file://"$WORK/lo-profile" \
        --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1053,false,true,true' \
        --outdir lo status-sv.xlsx >lo.log 2>&1 && [ -s lo/status-sv.csv ]; then
        check "LibreOffice reads the workbook and shows it the Swedish way" \
            $PY "$READ" shown lo/status-sv.csv status-sv.xlsx
    else
        bad "LibreOffice could not convert the workbook: $(tail -n 3 lo.log)"
    fi
else
    echo "SKIP: soffice (LibreOffice) not found: the second reader is not tried"
fi

e2e_end
