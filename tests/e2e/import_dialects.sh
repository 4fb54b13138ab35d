#!/bin/bash
# import_dialects.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of the one canonical form `indikator import` writes (issue 19):
# the same small table in six CSV dialects (comma, semicolon and tab; decimal
# point and decimal comma; UTF-8, UTF-8 with BOM and cp1252; English and
# Swedish headers; targets typed "5", "5 %", "5,0", "5.0 %", "1 200" with a
# space, a no-break space or a narrow no-break space, "1200 st") imports to
# byte-identical canonical CSV, which is the table below, worked out by hand
# from docs/formats.md: numbers in C syntax, numeric targets as plain numbers
# ("5", "1200"); "100 %" keeps its sign (a share that can only be met); text
# targets ("Öka", "Max 10 personer", "Tas fram av nämnd/styrelse") as written;
# "5 %" of an indicator the catalogue does not know keeps its sign (it is what
# says the target is a percentage). Then: the canonical file is a fixed point,
# and status judges every dialect alike. Prints "N passed, M failed".
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

# Six dialects of one table. Fields per row: unit, indicator, period, gender,
# value, target, kf_target, source; VALUE, TARGET5, T1200 and T100 are written per dialect.
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
rows = [
    ("Vuxenenheten", "Sjukfrånvaro", "2024-T1", "T", "6.5", "{t5}", "Tas fram av nämnd/styrelse", "vb.pdf:1"),
    ("Vuxenenheten", "Sjukfrånvaro", "2024-T2", "T", "4.25", "{t5}", "{t5}", "vb.pdf:2"),
    ("Vuxenenheten", "Antal vräkningar som berör barn", "2024", "T", "1250", "{t1200}", "Max 10 personer", "vb.pdf:3"),
    ("Vuxenenheten", "Ledarskapsindex", "2024", "T", "-3.5", "Öka", "", "vb.pdf:4"),
    ("Vuxenenheten", "Andel nöjda besökare", "2024", "T", "80.5", "{t100}", "5 %", "vb.pdf:5"),
]
en = ["unit", "indicator", "period", "gender", "value", "target", "kf_target", "source"]
sv = ["enhet", "indikator", "år", "kön", "utfall", "årsmål", "KF:s årsmål", "källa"]
NBSP, NNBSP = "\u00a0", "\u202f"
dialects = [
    # name, separator, decimal comma, encoding, header, 5, 1200, 100
    ("comma-point-utf8", ",", False, "utf-8", en, "5", "1200", "100 %"),
    ("semicolon-comma-bom", ";", True, "utf-8-sig", sv, "5 %", "1" + NBSP + "200", "100 %"),
    ("tab-comma-cp1252", "\t", True, "cp1252", sv, "5,0", "1 200", "100,0 %"),
    ("semicolon-comma-cp1252", ";", True, "cp1252", en, "5,0 %", "1" + NBSP + "200", "100%"),
    ("comma-point-bom", ",", False, "utf-8-sig", sv, "5.0 %", "1200 st", "100.0 %"),
    ("tab-point-utf8", "\t", False, "utf-8", en, "5 %", "1" + NNBSP + "200", "100 %"),
]
for name, sep, comma, enc, head, t5, t1200, t100 in dialects:
    lines = [sep.join(head)]
    for r in rows:
        f = [x.format(t5=t5, t1200=t1200, t100=t100) for x in r]
        if comma:
            f[4] = f[4].replace(".", ",")
        f[4] = f[4].replace("-", "\u2212") if enc != "cp1252" else f[4]
        lines.append(sep.join('"%s"' % x if sep in x else x for x in f))
    with open("%s/%s.csv" % (work, name), "w", encoding=enc, newline="") as out:
        out.write("\r\n".join(lines) + "\r\n")
PY

# what every dialect must give, byte for byte (CRLF line ends)
printf '%s\r\n' \
    'unit,indicator,period,gender,value,numerator,denominator,sd,target,kf_target,missing,goal,note,source' \
    'Vuxenenheten,Andel nöjda besökare,2024,T,80.5,,,,100 %,5 %,,,,vb.pdf:5' \
    'Vuxenenheten,Antal vräkningar som berör barn,2024,T,1250,,,,1200,Max 10 personer,,,,vb.pdf:3' \
    'Vuxenenheten,Ledarskapsindex,2024,T,-3.5,,,,Öka,,,,,vb.pdf:4' \
    'Vuxenenheten,Sjukfrånvaro,2024-T1,T,6.5,,,,5,Tas fram av nämnd/styrelse,,,,vb.pdf:1' \
    'Vuxenenheten,Sjukfrånvaro,2024-T2,T,4.25,,,,5,5,,,,vb.pdf:2' >"$WORK/expected.csv"

for d in comma-point-utf8 semicolon-comma-bom tab-comma-cp1252 semicolon-comma-cp1252 comma-point-bom tab-point-utf8; do
    check "$d: the file was written" test -s "$WORK/$d.csv"
    if run "import-$d" "$BIN" import -q "$WORK/$d.csv" -o "$WORK/$d.out.csv"; then
        if cmp -s "$WORK/expected.csv" "$WORK/$d.out.csv"; then
            ok
        else
            bad "$d: the canonical CSV differs: $(diff "$WORK/expected.csv" "$WORK/$d.out.csv" | tr '\r' ' ' | head -c 600)"
        fi
    fi
done
check "the cp1252 file is not UTF-8" bash -c "! iconv -f UTF-8 -t UTF-8 '$WORK/tab-comma-cp1252.csv' >/dev/null 2>&1"
check "the BOM file starts with a BOM" bash -c "head -c 3 '$WORK/comma-point-bom.csv' | od -An -tx1 | grep -q 'ef bb bf'"

# the canonical file is a fixed point
run fixed "$BIN" import -q "$WORK/expected.csv" -o "$WORK/again.csv" &&
    check "import of the canonical file gives the same bytes" cmp "$WORK/expected.csv" "$WORK/again.csv"
# every dialect is judged alike (the target as written left out: it is what differs)
verdicts() {
    "$BIN" status -q --format csv --year 2024 --gender all "$1" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["indicator"], r["period"], r["target_kind"], r["target_value"], r["verdict"], r["kf_verdict"])'
}
verdicts "$WORK/expected.csv" >"$WORK/verdicts.txt"
check "status judges the canonical file (5 rows)" test "$(wc -l <"$WORK/verdicts.txt")" -eq 5
check "100 % stays a share that can only be met" grep -q '^Andel nöjda besökare 2024 exact 100 ' "$WORK/verdicts.txt"
# 1250 against 1200, lower is better: 50 above, inside the default 5 % (60): partly
check "1 200 is the number 1200" grep -q '^Antal vräkningar som berör barn 2024 value 1200 partly' "$WORK/verdicts.txt"
for d in semicolon-comma-bom tab-comma-cp1252 tab-point-utf8; do
    verdicts "$WORK/$d.csv" >"$WORK/verdicts-$d.txt"
    check "$d: status judges as the canonical file" cmp "$WORK/verdicts.txt" "$WORK/verdicts-$d.txt"
done

e2e_end
