#!/bin/bash
# numbers_exact.sh BINARY SOURCE_DIR WORKDIR: every number that `trend`,
# `status`, `flag`, `goals` and `compare` print as CSV and as JSON reads back
# exactly and is written with its shortest digits (checked with Python's float
# and repr, which give the shortest text that reads back), in the one layout
# docs/formats.md gives; the JSON is valid JSON (no NaN, no Infinity); the CSV
# and the JSON carry the same text. And data exported by `import` and read again
# gives the same tables.
set -u
# shellcheck source=lib/harness.bash
. "$(dirname "$0")/lib/harness.bash"
e2e_start "$@"
WORK=$WORK/numbers
mkdir -p "$WORK"
result() { # name, status
    if [ "$2" -eq 0 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $1"
        sed 's/^/    /' "$WORK/why" | head -10
    fi
}

tables=("trend --demo" "status --demo --year 2025" "flag --demo" "goals --demo"
        "compare --demo --indicator Sjukfrånvaro")
for t in "${tables[@]}"; do
    name=${t%% *}
    # shellcheck disable=SC2086
    "$BIN" $t -q --format csv >"$WORK/$name.csv" 2>"$WORK/why" &&
        "$BIN" $t -q --format json >"$WORK/$name.json" 2>>"$WORK/why"
    rc=$?
    if [ $rc -eq 0 ]; then
        python3 - "$WORK/$name.csv" "$WORK/$name.json" >"$WORK/why" 2>&1 <<'PY'
import csv, json, math, re, sys

LAYOUT = re.compile(r'^-?(0|[1-9][0-9]*)(\.[0-9]+)?(e[+-][0-9]{2,3})?$')

def digits(text):
    """The significant digits and the decimal exponent of a number's text."""
    mant, _, exp = text.lstrip('-').partition('e')
    ip, _, fp = mant.partition('.')
    d = (ip + fp).lstrip('0')
    point = len(ip) - (len(ip + fp) - len(d)) + (int(exp) if exp else 0)
    return d.rstrip('0'), point

bad = []
def check(text, where):
    if not LAYOUT.match(text):
        bad.append(f'{where}: "{text}" is not in the documented layout')
        return
    v = float(text)
    if not math.isfinite(v):
        bad.append(f'{where}: "{text}" is not finite')
    elif v != 0 and digits(text) != digits(repr(v)):
        bad.append(f'{where}: "{text}" is not the shortest text of {v!r}')
    elif (v == 0) != (digits(text)[0] == ''):
        bad.append(f'{where}: "{text}" reads as {v!r}')
    else:
        e = digits(text)[1] - 1
        longest = 15 if len(digits(text)[0]) <= 15 else 17
        plain = 'e' not in text
        if v != 0 and plain != (-4 <= e < longest):
            bad.append(f'{where}: "{text}" has the wrong layout for exponent {e}')

raw = []
def keep(text):
    raw.append(text)
    return text
def reject(name):
    raise ValueError(f'{name} in JSON')
rows = json.loads(open(sys.argv[2], encoding='utf-8').read(), parse_float=keep, parse_int=keep,
                  parse_constant=reject)
for i, row in enumerate(rows):
    for k, v in row.items():
        if isinstance(v, str) and v in raw:
            check(v, f'{sys.argv[2]} row {i + 1} {k}')
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    csv_rows = list(csv.DictReader(f))
if len(csv_rows) != len(rows):
    bad.append(f'{len(csv_rows)} CSV rows, {len(rows)} JSON rows')
for i, (c, j) in enumerate(zip(csv_rows, rows)):
    for k, v in j.items():
        text = '' if v is None else v if isinstance(v, str) else str(v)
        if isinstance(v, str) and v in raw and c.get(k) != v:
            bad.append(f'row {i + 1} {k}: CSV "{c.get(k)}", JSON "{v}"')
print('\n'.join(bad[:10]))
sys.exit(1 if bad or not raw else 0)
PY
        rc=$?
    fi
    result "$name: numbers exact, shortest, CSV = JSON" $rc
done

# the demo data through import and back: the same tables from the copy. The
# copy writes a numeric target in its canonical form ("50 %" of a percent
# indicator as "50"), so status's columns of the target as written (target,
# kf_target) are left out; the target's value and every verdict are compared.
"$BIN" import --demo -q -o "$WORK/copy.csv" 2>"$WORK/why"
rc=$?
drop_written() {
    python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
keep = [i for i, h in enumerate(rows[0]) if h not in ("target", "kf_target")]
for r in rows:
    print(",".join(r[i] for i in keep))'
}
for t in trend status; do
    [ $rc -eq 0 ] || break
    a=$("$BIN" "$t" --demo -q --format csv --year 2025 2>>"$WORK/why" | sed 's/,demo[^,]*,/,,/g' | drop_written | md5sum)
    b=$("$BIN" "$t" "$WORK/copy.csv" -q --format csv --year 2025 2>>"$WORK/why" | sed 's/,demo[^,]*,/,,/g' | drop_written | md5sum)
    [ "$a" = "$b" ] || { echo "$t differs on the imported copy" >"$WORK/why"; rc=1; }
done
result "import: the copy gives the same trend and status" $rc

e2e_end
