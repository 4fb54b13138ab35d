#!/bin/bash
# reference.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of --reference NAME (issue 21) for trend, chart and report:
#   - trend --reference on the demo data: the reference columns of every row
#     checked against demo.csv by lib/reference_check.py (the reference's value in
#     the row's latest period, the difference, a sentence where it has none);
#   - on tests/golden/reference: reference_value, difference and the test's p
#     against R (make_fixtures.R: prop.test, fisher.test);
#   - the name matched without case or diacritics; CSV and JSON alike; the same
#     bytes twice;
#   - Kolada: a catalogue's kolada_kpi puts Riket and a municipality read from
#     Kolada JSON under the local indicator (tests/golden/kolada, hand-written);
#   - chart trend and multiples: the legend's name and the comparison in the alt
#     text; a reference with no values said on stderr;
#   - report (pdftotext): "Enhetens resultat 2025: 70 % mot förvaltningens 65 %"
#     with the test in the footnote, the demo VB against its förvaltning's total,
#     English with --lang en;
#   - errors: an unknown reference (exit 2, the data's units named), the report's
#     own unit (1), a third --reference (1), --reference on a chart that draws none (1).
source "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"

DEMO=$SRC/datasets/demo/demo.csv
G=$SRC/tests/golden/reference
K=$SRC/tests/golden/kolada
CHECK=$SRC/tests/e2e/lib/reference_check.py
FV="Stadsdelsförvaltningen Exempelstad"
VRAK="Antal vräkningar som berör barn"
NB=$'\xc2\xa0' # the no-break space before % in text for people
# text of a PDF on one line, no-break spaces as spaces
pdf_text() { pdftotext "$1" - | tr '\n' ' ' | sed 's/\xc2\xa0/ /g; s/  */ /g'; }
# has FILE TEXT: FILE contains TEXT (fixed string)
has() { grep -qF -- "$2" "$1" || { echo "\"$2\" not in $1: $(head -c 400 "$1")"; return 1; }; }
# exit_is WANT NAME: NAME's command (run by try) exited WANT and said something on stderr
try() { local name=$1; shift; "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"; echo $? >"$WORK/$name.rc"; }
exit_is() { [ "$(cat "$WORK/$2.rc")" = "$1" ] && [ -s "$WORK/$2.err" ] || { echo "exit $(cat "$WORK/$2.rc"), stderr: $(head -c 300 "$WORK/$2.err")"; return 1; }; }

# ---- trend: the columns against the demo data and against R -------------------------------
if run trend_demo "$BIN" trend --demo -q --reference "$FV" --format csv; then
    check "trend --reference: values against demo.csv" python3 "$CHECK" demo trend_demo.out "$DEMO" "$FV"
    check "trend --reference: the columns" python3 -c "
import csv, sys
head = next(csv.reader(open('trend_demo.out', encoding='utf-8')))
want = ['reference', 'reference_period', 'reference_value', 'difference', 'reference_test', 'reference_p', 'reference_sentence']
sys.exit(0 if head[-7:] == want else 'columns end %r' % head[-7:])"
    check "trend --reference: Vuxenenheten 0 against the total's 1" grep -qF \
        "Enhetens resultat 2025: 0 mot förvaltningens 1. Det är 1 lägre." trend_demo.out
fi
run trend_plain "$BIN" trend --demo -q --format csv
check "trend without --reference: no reference columns" bash -c '! head -1 trend_plain.out | grep -q reference'
run trend_loose "$BIN" trend --demo -q --reference "stadsdelsforvaltningen EXEMPELSTAD" --format csv
check "the name without case or diacritics: the same table" cmp -s trend_demo.out trend_loose.out
run trend_again "$BIN" trend --demo -q --reference "$FV" --format csv
check "the same bytes twice" cmp -s trend_demo.out trend_again.out
if run trend_json "$BIN" trend --demo -q --reference "$FV" --format json; then
    check "json: the reference fields, no NaN" python3 -c "
import json, sys
rows = json.load(open('trend_json.out', encoding='utf-8'), parse_constant=lambda c: sys.exit('constant ' + c))
r = [o for o in rows if o['unit'] == 'Vuxenenheten' and o['indicator'] == '$VRAK']
sys.exit(0 if len(r) == 1 and r[0]['reference_value'] == 1 and r[0]['difference'] == -1 else 'row %r' % r)"
fi
if run trend_golden "$BIN" trend "$G/data.csv" --catalog "$G/catalog.csv" -q --reference Förvaltningen --format csv; then
    check "trend --reference: values and p against R" python3 "$CHECK" golden trend_golden.out "$G/expected.csv" "$G/cases.csv"
fi
run trend_two "$BIN" trend "$G/data.csv" --catalog "$G/catalog.csv" -q --reference Förvaltningen --reference "Enhet B" --format csv
check "two references: the second's columns" python3 -c "
import csv, sys
r = [x for x in csv.DictReader(open('trend_two.out', encoding='utf-8')) if x['unit'] == 'Enhet A' and x['indicator'] == 'Andel test'][0]
sys.exit(0 if (r['reference_2'], r['reference_value_2'], r['difference_2']) == ('Enhet B', '90', '-20') else repr(r))"

# ---- Kolada: Riket and a municipality under the catalogue's kolada_kpi ------------------------
printf 'id,name,direction,measure,periodicity,decimals,kolada_kpi\nelev,Elevandel,higher,percent,år,1,N15419\n' >kcat.csv
printf 'unit,indicator,period,gender,value\nEnhet A,Elevandel,2016,T,70\n' >local.csv
if run kolada "$BIN" trend local.csv "$K/riket_small.json" "$K/extract_small.json" --catalog kcat.csv -q \
    --unit "Enhet A" --reference Riket --reference ale --format csv; then
    check "Kolada: Riket 76,4 and Ale 68,9 beside Enhet A's 70" python3 -c "
import csv, sys
r = next(csv.DictReader(open('kolada.out', encoding='utf-8')))
got = (r['reference'], r['reference_value'], r['difference'], r['reference_2'], r['reference_value_2'])
want = ('Riket', '76.4', '-6.4', 'Ale', '68.9')
sys.exit(0 if got[:2] + got[3:] == want[:2] + want[3:] and abs(float(got[2]) + 6.4) < 1e-9 else 'got %r' % (got,))"
fi

# ---- charts: legend, alt text ---------------------------------------------------------------
if run chart_trend "$BIN" chart trend --demo -q --unit Vuxenenheten --indicator "$VRAK" --reference "$FV" -o vrak.png; then
    check "chart alt text: the reference's line" has vrak.png.alt.txt "$FV (referens): från 2 (2016) till 1 (2025)."
    check "chart alt text: against the förvaltning" has vrak.png.alt.txt "Enhetens resultat 2025: 0 mot förvaltningens 1."
fi
run chart_en "$BIN" chart trend --demo -q --unit Vuxenenheten --indicator "$VRAK" --reference "$FV" --lang en -o vrak-en.svg
check "chart alt text in English" has vrak-en.svg.alt.txt "The unit's result in 2025: 0 against 1 for $FV."
check "the SVG's description carries it too" has vrak-en.svg "$FV (reference)"
run chart_golden "$BIN" chart trend "$G/data.csv" --catalog "$G/catalog.csv" -q --unit "Enhet A" --indicator "Andel test" \
    --reference Förvaltningen -o andel.png
check "chart alt text: 70 % against 65 %" has andel.png.alt.txt "Enhetens resultat 2025: 70$NB% mot förvaltningens 65$NB%."
run chart_none "$BIN" chart trend --demo --unit Vuxenenheten --indicator Sjukfrånvaro --reference "$FV" -o sjuk.png
check "a reference without values is said on stderr" has chart_none.err "inget värde för Sjukfrånvaro"
check "... and drawn without a reference line" bash -c "! grep -q '(referens)' sjuk.png.alt.txt"
run chart_mult "$BIN" chart multiples --demo -q --unit Vuxenenheten --year 2025 --reference "$FV" -o mult.png
check "multiples alt text: the reference beside the panel" has mult.png.alt.txt "$VRAK: 0 (2025), årsmål 0, $FV (referens) 1"

# ---- report ----------------------------------------------------------------------------------
if run report_golden "$BIN" report "$G/data.csv" --catalog "$G/catalog.csv" -q --unit "Enhet A" --year 2025 \
    --reference Förvaltningen -o a.pdf; then
    pdf_text a.pdf >a.txt
    check "report: the sentence" has a.txt "Enhetens resultat 2025: 70 % mot förvaltningens 65 %. Det är 5 procentenheter högre. Skillnaden kan bero på slumpen."
    check "report: the test in the footnote" has a.txt "Enheten mot Förvaltningen 2025: test av två andelar med Yates korrektion (70 av 100 mot 390 av 600), p = 0,39."
    check "report: the method" has a.txt "Jämförelse med referens:"
    check "report: the indicator the reference lacks is named as lacking" has a.txt "3 av de 4 indikatorerna ställs också mot Förvaltningen"
fi
if run report_demo "$BIN" report --demo -q --unit Vuxenenheten --reference "$FV" -o vb.pdf; then
    pdf_text vb.pdf >vb.txt
    check "demo VB: Vuxenenheten against its förvaltning" has vb.txt "Enhetens resultat 2025: 0 mot förvaltningens 1. Det är 1 lägre."
    check "demo VB: the reference line's legend" has vb.txt "$FV (referens)"
    check "demo VB: what the total lacks, said once" has vb.txt "1 av de 11 indikatorerna ställs också mot $FV"
fi
if run report_en "$BIN" report "$G/data.csv" --catalog "$G/catalog.csv" -q --unit "Enhet B" --year 2025 \
    --reference Förvaltningen --lang en -o b.pdf; then
    pdf_text b.pdf >b.txt
    check "report in English" has b.txt "The unit's result in 2025: 90% against 65% for Förvaltningen."
    check "report in English: Fisher's test in the note" has b.txt "Fisher's exact test (9 of 10 against 390 of 600), p = 0.18."
fi
if run report_tertial "$BIN" report "$G/data.csv" --catalog "$G/catalog.csv" -q --unit "Enhet A" --period 2025-T2 \
    --reference Förvaltningen -o t.pdf; then
    pdf_text t.pdf >t.txt
    check "tertial report: no value beside T2, said plainly" has t.txt "Förvaltningen har inget värde för 2025 T2 att jämföra med. Det senaste värdet är 7,5 % (2024)."
fi

# ---- errors ------------------------------------------------------------------------------------
try unknown "$BIN" trend --demo --reference "Förvaltningen Ingenstans"
check "an unknown reference: exit 2" exit_is 2 unknown
check "... naming it and the data's units" has unknown.err "okänd enhet \"Förvaltningen Ingenstans\""
check "... and the units" has unknown.err "Beställarenheten äldreomsorg"
try self "$BIN" report --demo --unit Vuxenenheten --reference vuxenenheten -o self.pdf
check "the report's own unit as reference: exit 1" exit_is 1 self
check "... and no file" test ! -e self.pdf
try three "$BIN" trend --demo --reference A --reference B --reference C
check "a third --reference: exit 1" exit_is 1 three
try compare_chart "$BIN" chart compare --demo --indicator AMI --reference "$FV" -o c.png
check "--reference on a compare chart: exit 1" exit_is 1 compare_chart
try spc "$BIN" spc --demo --unit Vuxenenheten --indicator Sjukfrånvaro --reference "$FV"
check "--reference is no option of spc: exit 1" exit_is 1 spc

e2e_end
