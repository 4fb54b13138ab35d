#!/usr/bin/env python3
"""reference_check.py: checks `indikator trend --reference` output against its inputs.

  reference_check.py demo TREND.csv DEMO.csv REFERENCE
      every row of TREND.csv (trend --reference REFERENCE on the demo data):
      reference_value is REFERENCE's value in DEMO.csv for the same indicator
      and gender in the row's last_period (its year for a year-end tertial T3),
      difference = last_value - reference_value; a row without such a value has
      both empty and a sentence that says so; REFERENCE's own rows are empty.
  reference_check.py golden TREND.csv EXPECTED.csv CASES.csv
      the rows of the golden cases (tests/golden/reference, written with R by
      make_fixtures.R): reference_value, difference and reference_p as R has them.

Prints what differs and exits 1; exits 0 when all agree. Python 3 standard library only.
"""
import csv
import math
import sys


def read(path):
    """The rows of a CSV file, its '#' comment lines left out."""
    lines = [l for l in open(path, newline='', encoding='utf-8') if not l.startswith('#')]
    return list(csv.DictReader(lines))


def num(s):
    return float(s) if s not in ('', None) else math.nan


def near(a, b, rel=1e-9):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= rel * max(1.0, abs(b))


def demo(trend, data, ref):
    values = {}
    for r in read(data):
        if r['value'] != '':
            values[(r['unit'], r['indicator'], r['gender'], r['period'])] = float(r['value'])
    errors, compared = [], 0
    for r in read(trend):
        where = '%s / %s / %s / %s' % (r['unit'], r['indicator'], r['gender'], r['last_period'])
        if r['reference'] != ref:
            errors.append('%s: reference %r' % (where, r['reference']))
        if r['unit'] == ref:
            if r['reference_value'] or r['difference'] or r['reference_sentence']:
                errors.append('%s: the reference\'s own row has reference cells' % where)
            continue
        p = r['last_period']
        key = (ref, r['indicator'], r['gender'])
        want = values.get(key + (p,))
        if want is None and p.endswith('-T3'):
            want = values.get(key + (p[:4],))
        got = num(r['reference_value'])
        if want is None:
            if not math.isnan(got) or r['difference']:
                errors.append('%s: reference %r, expected none' % (where, r['reference_value']))
            if not r['reference_sentence'].startswith(ref + ' har in'):
                errors.append('%s: sentence %r does not say the reference has nothing' % (where, r['reference_sentence']))
            continue
        compared += 1
        if not near(got, want):
            errors.append('%s: reference %r, expected %r' % (where, got, want))
        if not near(num(r['difference']), float(r['last_value']) - want):
            errors.append('%s: difference %r, expected %r' % (where, r['difference'], float(r['last_value']) - want))
    if compared == 0:
        errors.append('no row had a reference value to compare')
    return errors


def golden(trend, expected, cases):
    facts = {(r['case'], r['quantity']): float(r['value']) for r in read(expected)}
    rows = {(r['unit'], r['indicator'], r['last_period']): r for r in read(trend)}
    errors, checked = [], 0
    for c in read(cases):
        row = rows.get((c['unit'], c['indicator'], c['period']))
        if row is None:
            continue  # a case about a period before the series' latest
        checked += 1
        for col, q, rel in (('reference_value', 'reference', 1e-12), ('difference', 'difference', 1e-9),
                            ('reference_p', 'p', 1e-7)):
            if (c['case'], q) in facts and not near(num(row[col]), facts[(c['case'], q)], rel):
                errors.append('%s %s: %r, R has %r' % (c['case'], col, row[col], facts[(c['case'], q)]))
    if checked < 4:
        errors.append('only %d golden cases found in the trend table' % checked)
    return errors


def main():
    mode = sys.argv[1]
    errors = demo(*sys.argv[2:5]) if mode == 'demo' else golden(*sys.argv[2:5])
    for e in errors[:20]:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
