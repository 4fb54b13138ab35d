#!/bin/bash
# compare_trend.sh BINARY SOURCE_DIR WORKDIR
#
# End-to-end test of `indikator compare` and `indikator trend` on the built-in
# demo data (datasets/demo, Exempelstad, synthetic): every output format (CSV read
# back with python3's csv module, JSON with json.tool), the columns, byte-identical
# reruns, CSV and JSON carrying the same rows, the data kind compare picks for
# counts with small bases (FREDA), a survey share with n and a mean with sd and n
# (AMI), exclusions below --min-n, --method / --adjust / --lang, and the exit
# codes: 1 for a bad --method or --adjust, 2 for an unknown indicator.
#
# Reference numbers: the FREDA statistics below were computed with R 4.2.2
# (chisq.test(cbind(x, n - x), correct = FALSE); prop.test / fisher.test per pair
# as compare.c chooses them; p.adjust "holm" and "BH") from demo.csv's FREDA rows
# for 2025, gender T: 1/22, 10/21, 20/21, 24/24 (the script first checks that the
# demo still has these counts). The trend of one series is checked against
# scipy.stats.linregress and scipy.stats.theilslopes computed here from demo.csv.
# Prints "N passed, M failed" and exits non-zero when anything failed.
set -u

# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
DEMO=$SRC/datasets/demo/demo.csv

check() {
    local what=$1
    shift
    if "$@"; then ok; else bad "$what"; fi
}
# check_rc DESCRIPTION EXPECTED_RC STDERR_PATTERN COMMAND...: exit code and a message on stderr
check_rc() {
    local what=$1 want=$2 pattern=$3
    shift 3
    "$@" >out.txt 2>err.txt
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        bad "$what: exit $rc, expected $want ($(head -c 300 err.txt))"
    elif ! grep -q -- "$pattern" err.txt; then
        bad "$what: stderr lacks \"$pattern\": $(head -c 300 err.txt)"
    else
        ok
    fi
}

# The columns (cli/cmd_compare.c, cli/cmd_trend.c).
COMPARE_HEAD=row,unit,unit_b,test,method,statistic,df,df2,p,p_adjusted,n,numerator,estimate,ci_lo,ci_hi,difference,funnel,funnel_z,funnel_lo95,funnel_hi95,funnel_lo998,funnel_hi998,funnel_target,funnel_tau2,funnel_phi,target_verdict,kf_verdict,excluded,sentence,note
TREND_HEAD=unit,indicator,gender,period_kind,points,skipped,first_period,first_value,last_period,last_value,change,change_relative,ols_slope,ols_slope_lo,ols_slope_hi,ols_p,ols_r2,mk_s,mk_var_s,mk_z,mk_p,mk_method,kendall_tau_b,kendall_tau_a,sen_slope,sen_slope_lo,sen_slope_hi,sen_intercept,verdict,verdict_label,sentence,gap_points,gap_last,gap_sen_slope,gap_mk_p,gap_verdict,gap_test,gap_test_p,gap_difference,gap_ci_lo,gap_ci_hi,gap_sentence,forecast_period,forecast_target,forecast,forecast_lo,forecast_hi,forecast_likely,forecast_sentence

# shellcheck source=lib/formats.bash
source "$(dirname "$0")/lib/formats.bash"

# same_rows CSV JSON: the same rows and values in both
same_rows() {
    python3 - "$1" "$2" <<'EOF'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
objs = json.load(open(sys.argv[2], encoding='utf-8'))
if len(rows) != len(objs):
    sys.exit("csv %d rows, json %d" % (len(rows), len(objs)))
for r, o in zip(rows, objs):
    for k, v in r.items():
        j = o[k]
        j = '' if j is None else str(j)
        if v != j and not (v.startswith("'") and v[1:] == j):
            try:
                if float(v) == float(j):
                    continue
            except ValueError:
                pass
            sys.exit("%s: csv %r, json %r" % (k, v, j))
EOF
}

# csv_expect FILE PYTHON: runs PYTHON with `rows` (list of dicts) and helpers; exit status = verdict
csv_expect() {
    python3 - "$1" "$2" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
def close(got, want, rel):
    g = float(got)
    if abs(g - want) > rel * abs(want):
        sys.exit("%r, expected %r" % (got, want))
def one(**kw):
    m = [r for r in rows if all(r[k] == v for k, v in kw.items())]
    if len(m) != 1:
        sys.exit("%d rows match %r" % (len(m), kw))
    return m[0]
exec(sys.argv[2])
EOF
}

# ---- 1. compare and trend in every format ------------------------------------------
FREDA="Andel granskade ärenden där FREDA-kortfrågor ställts"
SHARE="Andel medarbetare inom äldreomsorgen som kan rekommendera sin arbetsplats"
AMI="Aktivt Medskapandeindex"
run_formats() { # NAME HEADER ARGS...
    local name=$1 head=$2
    shift 2
    for fmt in table csv json; do
        "$BIN" "$@" --demo -q --format "$fmt" >"$name.$fmt" 2>"$name.$fmt.err"
        local rc=$?
        if [ $rc -ne 0 ]; then bad "$name --format $fmt: exit $rc: $(head -c 300 "$name.$fmt.err")"; continue; fi
        ok
        check "$name --format $fmt: nothing on stderr with -q" test ! -s "$name.$fmt.err"
        case $fmt in
        table) check "$name table: has rows" test "$(wc -l <"$name.$fmt")" -gt 3 ;;
        csv) check "$name csv: parses, header and widths" csv_ok "$name.csv" "$head" ;;
        json) check "$name json: parses, keys" json_ok "$name.json" "$head" ;;
        esac
        "$BIN" "$@" --demo -q --format "$fmt" >"$name.again.$fmt" 2>/dev/null
        check "$name --format $fmt: a second run gives identical bytes" cmp -s "$name.$fmt" "$name.again.$fmt"
    done
    check "$name: csv and json have the same rows" same_rows "$name.csv" "$name.json"
}
run_formats freda "$COMPARE_HEAD" compare --indicator "$FREDA"
run_formats share "$COMPARE_HEAD" compare --indicator "$SHARE"
run_formats ami "$COMPARE_HEAD" compare --indicator ami
run_formats trend "$TREND_HEAD" trend

# ---- 2. compare: what each kind of data gives ----------------------------------------
# the demo still has the counts the R numbers were computed from
check "demo.csv: FREDA 2025 T counts are 1/22, 10/21, 20/21, 24/24" python3 - "$DEMO" "$FREDA" <<'EOF'
import csv, sys
got = sorted((r['unit'], r['numerator'], r['denominator']) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))
             if r['indicator'] == sys.argv[2] and r['period'] == '2025' and r['gender'] == 'T')
want = [('Beställarenheten äldreomsorg', '1', '22'), ('Enheten för ekonomiskt bistånd', '10', '21'),
        ('Familjeenheten', '20', '21'), ('Vuxenenheten', '24', '24')]
if got != want:
    sys.exit("demo.csv changed: %r" % got)
EOF
check "freda table: counts data, 4 units tested" grep -q "2025: 4 enheter testade, 0 listade men inte testade (andelar; p-värden justerade enligt Holm)" <(tr "\n" " " <freda.table) # the caption is broken into lines of the width
check "freda csv: 1 global, 4 unit and 6 pair rows" csv_expect freda.csv '
kinds = [r["row"] for r in rows]
if kinds != ["global"] + ["unit"] * 4 + ["pair"] * 6: sys.exit(repr(kinds))'
check "freda csv: chi-square as R chisq.test" csv_expect freda.csv '
g = one(row="global")
if g["test"] != "Pearson'"'"'s Chi-squared test": sys.exit(g["test"])
close(g["statistic"], 57.514574314574311, 1e-9); close(g["p"], 1.9955433871217064e-12, 1e-7)
close(g["df"], 3, 0); close(g["estimate"], 100 * 55 / 88, 1e-12)'
check "freda csv: 1/22 vs 10/21 by prop.test, Holm as R" csv_expect freda.csv '
p = one(row="pair", unit="Beställarenheten äldreomsorg", unit_b="Enheten för ekonomiskt bistånd")
if not p["test"].startswith("2-sample test for equality of proportions with continuity"): sys.exit(p["test"])
close(p["statistic"], 8.3306815107241228, 1e-9); close(p["p"], 0.0038981031289712018, 1e-7)
close(p["p_adjusted"], 0.0077962062579424035, 1e-7)'
check "freda csv: 20/21 vs 24/24 by Fisher (expected count below 5)" csv_expect freda.csv '
p = one(row="pair", unit="Familjeenheten", unit_b="Vuxenenheten")
if p["test"] != "Fisher'"'"'s Exact Test for Count Data": sys.exit(p["test"])
if p["statistic"] != "" or p["df"] != "": sys.exit("a statistic for Fisher")
close(p["p"], 0.46666666666666662, 1e-7); close(p["p_adjusted"], 0.46666666666666662, 1e-7)'
check "freda csv: the unit rows carry n, numerator, percent" csv_expect freda.csv '
u = one(row="unit", unit="Beställarenheten äldreomsorg")
close(u["n"], 22, 0); close(u["numerator"], 1, 0); close(u["estimate"], 100 / 22, 1e-12)
if u["unit_b"] != "rest" or u["excluded"] != "0": sys.exit(repr(u))'
check "freda: the significant pair sentence" grep -q $'Beställarenheten äldreomsorg 5\u00a0% (1 av 22) mot Enheten för ekonomiskt bistånd 48\u00a0% (10 av 21): skillnaden är större än slumpen förklarar.' freda.csv

"$BIN" compare --demo -q --indicator "$FREDA" --adjust bh --format csv >freda-bh.csv 2>/dev/null
check "freda --adjust bh: BH as R" csv_expect freda-bh.csv '
close(one(row="pair", unit="Beställarenheten äldreomsorg", unit_b="Enheten för ekonomiskt bistånd")["p_adjusted"], 0.0046777237547654419, 1e-7)
close(one(row="pair", unit="Enheten för ekonomiskt bistånd", unit_b="Familjeenheten")["p_adjusted"], 0.0031672365100059025, 1e-7)'
"$BIN" compare --demo -q --indicator "$FREDA" --adjust none --format csv >freda-none.csv 2>/dev/null
check "freda --adjust none: adjusted p equals p" csv_expect freda-none.csv '
for r in rows:
    if r["row"] == "pair" and r["p"] != r["p_adjusted"]: sys.exit(repr(r))'
"$BIN" compare --demo -q --indicator "$FREDA" --method fisher --format csv >freda-fisher.csv 2>/dev/null
check "freda --method fisher: every pair by Fisher" csv_expect freda-fisher.csv '
t = set(r["test"] for r in rows if r["row"] == "pair")
if t != {"Fisher'"'"'s Exact Test for Count Data"}: sys.exit(repr(t))'
"$BIN" compare --demo -q --indicator "$FREDA" --method chisq --format csv >freda-chisq.csv 2>/dev/null
check "freda --method chisq: no pairs, no funnel" csv_expect freda-chisq.csv '
if any(r["row"] == "pair" or r["funnel"] for r in rows): sys.exit("pairs or funnel")
close(one(row="global")["statistic"], 57.514574314574311, 1e-9)'
"$BIN" compare --demo -q --indicator "$FREDA" --lang en --format csv >freda-en.csv 2>/dev/null
"$BIN" compare --demo -q --indicator "$FREDA" --overdispersion none --format csv >freda-plain.csv 2>/dev/null
# the funnel's limits at each unit's n, target, tau^2 and phi: R, tests/e2e/lib/freda_funnel.R
check "freda csv: the funnel (overdispersed) as R" csv_expect freda.csv '
g = one(row="global")
close(g["funnel_target"], 62.5, 1e-12); close(g["funnel_tau2"], 0.27597391865795795, 1e-9)
close(g["funnel_phi"], 18.945462227880366, 1e-9)
u = one(row="unit", unit="Vuxenenheten")
for k, want in (("funnel_lo95", 0), ("funnel_hi95", 100), ("funnel_lo998", 0), ("funnel_hi998", 100)):
    close(u[k], want, 0)
close(u["funnel_tau2"], 0.27597391865795795, 1e-9)'
check "freda --overdispersion none: plain limits as R" csv_expect freda-plain.csv '
close(one(row="global")["funnel_tau2"], 0, 0)
u = one(row="unit", unit="Beställarenheten äldreomsorg")
close(u["funnel_lo95"], 41.77823585921788, 1e-9); close(u["funnel_hi95"], 81.070692426264515, 1e-9)
close(u["funnel_lo998"], 30.245793905639744, 1e-9); close(u["funnel_hi998"], 89.5217839360581, 1e-9)
if u["funnel"] != "below 99.8 %": sys.exit(u["funnel"])
u = one(row="unit", unit="Vuxenenheten")
close(u["funnel_lo95"], 42.656870354571637, 1e-9); close(u["funnel_hi998"], 88.647296162463491, 1e-9)
if u["funnel"] != "above 99.8 %": sys.exit(u["funnel"])
p = one(row="pair", unit="Familjeenheten", unit_b="Vuxenenheten")
if p["method"] != "exact" or p["funnel_lo95"] != "": sys.exit(repr(p))'
check "freda csv: how each p was found" csv_expect freda.csv '
if one(row="global")["method"] != "chisq": sys.exit("global")
m = set((r["test"][:6], r["method"]) for r in rows if r["row"] == "pair")
if m != {("2-samp", "chisq"), ("Fisher", "exact")}: sys.exit(repr(m))'

check "freda --lang en: English sentences" grep -q "Beställarenheten äldreomsorg 5% (1 of 22) against Enheten för ekonomiskt bistånd 48% (10 of 21): the difference is larger than chance explains." freda-en.csv

check "share table: counts, Träffpunkten Lärkan (n = 5) listed but not tested" grep -q "4 enheter testade, 1 listade men inte testade (andelar; p-värden justerade enligt Holm)" <(tr "\n" " " <share.table) # the caption is broken into lines of the width
check "share csv: the unit below --min-n is excluded and untested" csv_expect share.csv '
u = one(row="unit", unit="Träffpunkten Lärkan")
if u["excluded"] != "1" or u["p"] != "" or u["test"] != "": sys.exit(repr(u))
if u["sentence"] != "Träffpunkten Lärkan: 100\u00a0% (5 av 5), mot 76\u00a0% för alla 5 enheter. Den jämförs inte: n under minsta underlag.": sys.exit(u["sentence"])
if any("Träffpunkten Lärkan" in (r["unit"], r["unit_b"]) for r in rows if r["row"] == "pair"): sys.exit("paired")
if sum(r["row"] == "pair" for r in rows) != 6: sys.exit("not 6 pairs")'
"$BIN" compare --demo -q --indicator "$SHARE" --min-n 5 --format csv >share-min5.csv 2>/dev/null
check "share --min-n 5: all five tested, 10 pairs" csv_expect share-min5.csv '
if any(r["excluded"] != "0" for r in rows): sys.exit("excluded")
if sum(r["row"] == "pair" for r in rows) != 10: sys.exit("not 10 pairs")'

check "ami table: means data" grep -q "(medelvärden; p-värden justerade enligt Holm)" <(tr "\n" " " <ami.table) # the caption is broken into lines of the width
check "ami csv: Welch ANOVA and Welch t, the small unit excluded" csv_expect ami.csv '
g = one(row="global")
if g["test"] != "One-way analysis of means (not assuming equal variances)": sys.exit(g["test"])
if g["df2"] == "" or float(g["df2"]) <= 0: sys.exit("df2")
t = set(r["test"] for r in rows if r["row"] == "pair")
if t != {"Welch Two Sample t-test"}: sys.exit(repr(t))
ex = [r["unit"] for r in rows if r["row"] == "unit" and r["excluded"] == "1"]
if ex != ["Träffpunkten Lärkan"]: sys.exit(repr(ex))'
"$BIN" compare --demo -q --indicator ami --method kruskal --format csv >ami-kruskal.csv 2>/dev/null
check "ami --method kruskal: the years as replicates" csv_expect ami-kruskal.csv '
if one(row="global")["test"] != "Kruskal-Wallis rank sum test": sys.exit("test")
for r in rows:
    if r["row"] == "pair" and (r["test"], r["method"]) not in (("Wilcoxon rank sum exact test", "exact"),
            ("Exact Wilcoxon-Mann-Whitney Test", "exact"), ("Wilcoxon rank sum test with continuity correction", "normal")):
        sys.exit(repr((r["test"], r["method"])))'
"$BIN" compare --demo --indicator ami --method kruskal >ami-kruskal.table 2>/dev/null
check "ami --method kruskal table: says the years are the replicates" grep -q "åren är upprepningarna" <(tr "\n" " " <ami-kruskal.table)
"$BIN" compare --demo -q --indicator "$FREDA" -o freda-out.json 2>/dev/null
check "compare -o FILE.json writes JSON" json_ok freda-out.json "$COMPARE_HEAD"
check "compare -o gives the same bytes as --format json" cmp -s freda-out.json freda.json

"$BIN" compare --demo -q --indicator ami --year 2024 >ami-2024.table 2>/dev/null
check "compare --year 2024: compares 2024" grep -q "^Aktivt Medskapandeindex, 2024: " ami-2024.table
"$BIN" compare --demo -q --indicator sjukfranvaro --year 2024 >sjuk-2024.table 2>/dev/null
check "compare --year 2024 on a tertial indicator: its latest tertial in 2024" grep -q "^Sjukfrånvaro, 2024 T3: " sjuk-2024.table

# more units than the pairwise bound (50): no pairs, each against the rest, the funnel, a note
python3 - <<'EOF'
import random
random.seed(60)
with open("sixty.csv", "w", encoding="utf-8") as f:
    f.write("unit,indicator,period,gender,value,numerator,denominator\n")
    for u in range(60):
        n = random.randint(20, 200)
        f.write("Enhet %02d,Andel,2025,T,,%d,%d\n" % (u, random.randint(0, n), n))
EOF
"$BIN" compare sixty.csv -q --indicator Andel --format csv >sixty.out.csv 2>/dev/null
check "60 units: no pairs, each unit against the rest and in the funnel, a note" csv_expect sixty.out.csv '
if any(r["row"] == "pair" for r in rows): sys.exit("pairs")
us = [r for r in rows if r["row"] == "unit"]
if len(us) != 60 or any(not r["test"] or not r["funnel"] or r["funnel_lo95"] == "" for r in us): sys.exit("units")
note = one(row="global")["note"].replace("\u00a0", " ").replace("\u202f", " ")
if "Parvisa tester görs för högst 50 testade enheter; här är de 60 (1770 par" not in note: sys.exit(note)'
"$BIN" compare sixty.csv -q --indicator Andel >sixty.table 2>/dev/null
check "60 units table: the note names --pairs" grep -q -- "--pairs gör ändå alla parvisa tester" <(tr "\n" " " <sixty.table)
"$BIN" compare sixty.csv -q --indicator Andel --pairs --format csv >sixty-pairs.csv 2>/dev/null
check "60 units --pairs: all 1 770 pairs" csv_expect sixty-pairs.csv '
if sum(r["row"] == "pair" for r in rows) != 1770: sys.exit("pairs")
if one(row="global")["note"]: sys.exit("note")'

# ---- 3. trend -------------------------------------------------------------------------
check "trend csv: one row per series as the title says" python3 - trend.csv trend.table <<'EOF'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
title = open(sys.argv[2], encoding='utf-8').readline()
m = re.match(r'(\d+) serier', title)
if not m or int(m.group(1)) != len(rows):
    sys.exit("title %r, %d rows" % (title, len(rows)))
for r in rows:
    if r['gap_verdict'] not in ('', 'too_few_points', 'stable', 'widening', 'narrowing'):
        sys.exit(r['gap_verdict'])
    if r['forecast_likely'] not in ('', 'troligen', 'troligen inte', 'osäkert'):
        sys.exit(r['forecast_likely'])
    if r['gender'] != 'T' and (r['gap_verdict'] or r['forecast_period']):
        sys.exit("gap or forecast on a %s row" % r['gender'])
EOF
# SciPy is Debian's python3-scipy: the python3 first on PATH may be another one
PY_SCIPY=
for py in python3 /usr/bin/python3; do
    if "$py" -c 'import scipy' 2>/dev/null; then PY_SCIPY=$py; break; fi
done
check "a python3 with scipy (Debian python3-scipy)" test -n "$PY_SCIPY"
check "trend: Hemtjänsten Norr Sjukfrånvaro T against scipy (tertials, real time)" "${PY_SCIPY:-python3}" - trend.csv "$DEMO" <<'EOF'
import csv, sys
from scipy import stats
rows = [r for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))
        if r['unit'] == 'Hemtjänsten Norr' and r['indicator'] == 'Sjukfrånvaro' and r['gender'] == 'T']
if len(rows) != 1:
    sys.exit("%d rows" % len(rows))
r = rows[0]
t, y = [], []
for d in csv.DictReader(open(sys.argv[2], encoding='utf-8')):
    if d['unit'] == 'Hemtjänsten Norr' and d['indicator'] == 'Sjukfrånvaro' and d['gender'] == 'T' and d['value'] != '':
        year, k = d['period'].split('-T')
        t.append(int(year) + (int(k) - 1) / 3)
        y.append(float(d['value']))
if r['period_kind'] != 'tertial' or int(r['points']) != len(y):
    sys.exit("kind %s, %s points, demo has %d" % (r['period_kind'], r['points'], len(y)))
lr = stats.linregress(t, y)
ts = stats.theilslopes(y, t)
s = sum((y[j] > y[i]) - (y[j] < y[i]) for i in range(len(y)) for j in range(i + 1, len(y)))
for name, got, want in (('ols_slope', float(r['ols_slope']), lr.slope), ('sen_slope', float(r['sen_slope']), ts[0])):
    if abs(got - want) > 1e-9 * abs(want):
        sys.exit("%s %r, scipy %r" % (name, got, want))
if int(r['mk_s']) != s:
    sys.exit("S %s, expected %d" % (r['mk_s'], s))
EOF
"$BIN" trend --demo -q --lang en --format csv >trend-en.csv 2>/dev/null
check "trend --lang en: English labels" csv_expect trend-en.csv '
if not any(r["forecast_likely"] in ("likely", "unlikely", "uncertain") for r in rows): sys.exit("labels")'
"$BIN" trend --demo -q --indicator sjukfranvaro --from 2020 --to 2024 --format csv >trend-range.csv 2>/dev/null
check "trend --from 2020 --to 2024: first and last period inside the range" csv_expect trend-range.csv '
for r in rows:
    if r["indicator"] != "Sjukfrånvaro": sys.exit(r["indicator"])
    if r["first_period"] and not ("2020" <= r["first_period"][:4] and r["last_period"][:4] <= "2024"): sys.exit(repr(r))'

# ---- 4. exit codes ---------------------------------------------------------------------
check_rc "compare --method bogus: exit 1" 1 '--method: "bogus" är inte auto, prop, fisher' \
    "$BIN" compare --demo --indicator ami --method bogus
check_rc "compare --adjust bogus: exit 1" 1 '--adjust' "$BIN" compare --demo --indicator ami --adjust bogus
check_rc "compare --overdispersion bogus: exit 1" 1 '--overdispersion: "yes" är inte auto eller none' \
    "$BIN" compare --demo --indicator ami --overdispersion yes
check_rc "trend --pairs: not an option of trend" 1 '--pairs är ingen flagga' "$BIN" trend --demo --pairs
check_rc "compare --indicator unknown: exit 2" 2 'okänd indikator "Finns inte"' \
    "$BIN" compare --demo --indicator "Finns inte"
check_rc "trend --indicator unknown: exit 2" 2 'okänd indikator' "$BIN" trend --demo --indicator "Finns inte"
check_rc "compare without --indicator: exit 1" 1 'exakt en --indicator' "$BIN" compare --demo
check_rc "compare with one unit: exit 1" 1 'en jämförelse behöver två' \
    "$BIN" compare --demo --indicator ami --unit Vuxenenheten
check_rc "compare --method welch on counts: exit 1" 1 'behöver värde, standardavvikelse (sd) och n' \
    "$BIN" compare --demo --indicator "$FREDA" --method welch
check_rc "compare --gender all: exit 1" 1 'ett kön' "$BIN" compare --demo --indicator ami --gender all
check_rc "compare --period with no data: exit 2" 2 'inga utfall för perioden 2030 i urvalet (indikator Aktivt Medskapandeindex); data finns för 2016' \
    "$BIN" compare --demo --indicator ami --period 2030

e2e_end
