#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Consistency checks for datasets/catalog.csv and the demo dataset.

Usage: python3 datasets/demo/validate.py      (exit status 1 on any error)

Standard library only.  This is a plain sanity check of the files as data;
it does not replace `indikator check`.
"""

import csv
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, '..', 'catalog.csv')
ERRORS = []


def err(msg):
    ERRORS.append(msg)


def read_utf8_csv(path, delimiter=','):
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf'):
        err('%s: has a BOM' % path)
    if b'\r' in raw:
        err('%s: CR in file (expected LF line ends)' % path)
    text = raw.decode('utf-8')
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


# ------------------------------------------------------------- catalogue
CAT_COLS = ['id', 'name', 'aliases', 'measure', 'direction', 'periodicity',
            'by_gender', 'decimals', 'kf_scope', 'tolerance']
rows = read_utf8_csv(CATALOG)
if rows[0] != CAT_COLS:
    err('catalog: header %r' % rows[0])
CAT = {}
seen_names = {}
for r in rows[1:]:
    c = dict(zip(CAT_COLS, r))
    if len(r) != len(CAT_COLS):
        err('catalog: %s has %d fields' % (r[0], len(r)))
    if not re.fullmatch(r'[a-z0-9_]+', c['id']):
        err('catalog: bad id %r' % c['id'])
    if c['id'] in CAT:
        err('catalog: duplicate id %s' % c['id'])
    for field, allowed in (
            ('measure', {'percent', 'count', 'index', 'ratio', 'currency',
                         'days', 'number'}),
            ('direction', {'higher', 'lower', 'band', 'neutral'}),
            ('periodicity', {'år', 'tertial', 'månad'}),
            ('by_gender', {'ja', 'nej'}),
            ('kf_scope', {'unit', 'city'})):
        if c[field] not in allowed:
            err('catalog: %s: %s=%r' % (c['id'], field, c[field]))
    if not c['decimals'].isdigit():
        err('catalog: %s: decimals %r' % (c['id'], c['decimals']))
    if c['tolerance'] and not re.fullmatch(r'\d+(\.\d+)?( %)?', c['tolerance']):
        err('catalog: %s: tolerance %r' % (c['id'], c['tolerance']))
    for n in [c['name']] + [a for a in c['aliases'].split('|') if a]:
        if n != n.strip() or '  ' in n:
            err('catalog: %s: whitespace in %r' % (c['id'], n))
        key = n.casefold()
        if key in seen_names and seen_names[key] != c['id']:
            err('catalog: name/alias %r used by %s and %s'
                % (n, seen_names[key], c['id']))
        seen_names[key] = c['id']
    CAT[c['id']] = c
BY_NAME = {c['name']: c for c in CAT.values()}

# ------------------------------------------------------------- goals
G_COLS = ['id', 'level', 'parent', 'unit', 'text', 'year', 'assessment']
rows = read_utf8_csv(os.path.join(HERE, 'goals.csv'))
if rows[0] != G_COLS:
    err('goals: header %r' % rows[0])
GOALS = {}
LEVELS = ['kf_inriktningsmal', 'kf_verksamhetsmal', 'namndmal', 'enhetsmal']
for r in rows[1:]:
    g = dict(zip(G_COLS, r))
    key = (g['id'], g['year'])
    if key in GOALS:
        err('goals: duplicate %r' % (key,))
    GOALS[key] = g
    if g['level'] not in LEVELS:
        err('goals: level %r' % g['level'])
    if g['assessment'] not in ('', 'Uppfylls helt', 'Uppfylls delvis',
                               'Uppfylls inte'):
        err('goals: assessment %r' % g['assessment'])
    if (g['level'] == 'enhetsmal') != bool(g['unit']):
        err('goals: unit column wrong for %s' % g['id'])
for (gid, year), g in GOALS.items():
    if g['parent']:
        p = GOALS.get((g['parent'], year))
        if p is None:
            err('goals: %s %s: parent %s missing' % (gid, year, g['parent']))
        elif LEVELS.index(p['level']) != LEVELS.index(g['level']) - 1:
            err('goals: %s: parent level %s' % (gid, p['level']))
    elif g['level'] != 'kf_inriktningsmal':
        err('goals: %s has no parent' % gid)
n_assessed = sum(1 for g in GOALS.values() if g['assessment'])

# ------------------------------------------------------------- demo.csv
COLS = ['unit', 'indicator', 'period', 'gender', 'value', 'numerator',
        'denominator', 'sd', 'target', 'kf_target', 'missing', 'goal', 'note',
        'source']
rows = read_utf8_csv(os.path.join(HERE, 'demo.csv'))
if rows[0] != COLS:
    err('demo: header %r' % rows[0])
DATA = [dict(zip(COLS, r)) for r in rows[1:]]
for i, r in enumerate(rows[1:], 2):
    if len(r) != len(COLS):
        err('demo line %d: %d fields' % (i, len(r)))
if not 4000 <= len(DATA) <= 30000:
    err('demo: %d rows' % len(DATA))

GORDER = {'T': 0, 'K': 1, 'M': 2, 'X': 3}
keys = [(r['unit'], r['indicator'], r['period'], GORDER.get(r['gender'], 9))
        for r in DATA]
if keys != sorted(keys):
    err('demo: rows not sorted by unit, indicator, period, gender')
if len(set(keys)) != len(keys):
    err('demo: duplicate (unit, indicator, period, gender)')

NUM = re.compile(r'-?\d+(\.\d+)?')
INT = re.compile(r'\d+')
MISSING = {'', 'bortfall', 'sekretess', 'ej tillämplig'}
FUTURE = {'2026', '2026-T3'}
cells = {}
for r in DATA:
    where = '%s / %s / %s / %s' % (r['unit'], r['indicator'], r['period'],
                                    r['gender'])
    c = BY_NAME.get(r['indicator'])
    if c is None:
        err('demo: indicator not in catalogue: %r' % r['indicator'])
        continue
    per = r['period']
    if c['periodicity'] == 'år':
        ok = re.fullmatch(r'20(1[6-9]|2[0-6])', per)
    else:
        ok = re.fullmatch(r'20(1[6-9]|2[0-6])-T[123]', per)
    if not ok:
        err('demo: %s: period invalid for %s' % (where, c['periodicity']))
    if r['gender'] not in GORDER:
        err('demo: %s: gender' % where)
    if c['by_gender'] == 'nej' and r['gender'] != 'T':
        err('demo: %s: gender row for a by_gender=nej indicator' % where)
    if r['missing'] not in MISSING:
        err('demo: %s: missing=%r' % (where, r['missing']))
    v = r['value']
    if v:
        if not NUM.fullmatch(v):
            err('demo: %s: value %r' % (where, v))
            continue
        d = int(c['decimals'])
        got = len(v.split('.')[1]) if '.' in v else 0
        if got != d:
            err('demo: %s: %d decimals, catalogue says %d' % (where, got, d))
        if r['missing']:
            err('demo: %s: value and missing reason both set' % where)
        x = float(v)
        if c['measure'] in ('percent', 'index') and c['direction'] != 'band' \
                and not 0.0 <= x <= 100.0:
            err('demo: %s: %s outside 0..100' % (where, v))
        if c['measure'] == 'count' and x < 0:
            err('demo: %s: negative count' % where)
        if per in FUTURE:
            err('demo: %s: value in a period not yet reported' % where)
    else:
        if not r['missing'] and not (per in FUTURE and r['gender'] == 'T'):
            err('demo: %s: empty value without a reason' % where)
    for f in ('numerator', 'denominator'):
        if r[f] and not INT.fullmatch(r[f]):
            err('demo: %s: %s=%r' % (where, f, r[f]))
    if r['numerator'] and r['denominator']:
        a, b = int(r['numerator']), int(r['denominator'])
        if a > b:
            err('demo: %s: numerator > denominator' % where)
        if c['measure'] == 'percent' and v and b > 0:
            want = '%.*f' % (int(c['decimals']), 100.0 * a / b)
            if want != v:
                err('demo: %s: value %s != 100*%d/%d' % (where, v, a, b))
    if r['sd'] and not r['denominator']:
        err('demo: %s: sd without n' % where)
    if r['goal'] and (r['goal'], per[:4]) not in GOALS:
        err('demo: %s: goal %s not in goals.csv for %s'
            % (where, r['goal'], per[:4]))
    g = GOALS.get((r['goal'], per[:4]))
    if g and g['unit'] and g['unit'] != r['unit']:
        err('demo: %s: goal %s belongs to %s' % (where, r['goal'], g['unit']))
    cells[(r['unit'], r['indicator'], per, r['gender'])] = r

# gender completeness and total consistency
for (u, ind, per, gen), r in cells.items():
    if gen != 'T' or BY_NAME[ind]['by_gender'] != 'ja':
        continue
    if per in FUTURE and not r['value']:
        continue
    k = cells.get((u, ind, per, 'K'))
    m = cells.get((u, ind, per, 'M'))
    if k is None or m is None:
        err('demo: %s / %s / %s: K or M row missing' % (u, ind, per))
        continue
    parts = [x for x in (k, m, cells.get((u, ind, per, 'X'))) if x]
    if r['numerator'] and all(x['numerator'] for x in parts):
        if int(r['numerator']) < sum(int(x['numerator']) for x in parts):
            err('demo: %s / %s / %s: T numerator < sum of parts' % (u, ind, per))
    if r['denominator'] and all(x['denominator'] for x in parts):
        if int(r['denominator']) < sum(int(x['denominator']) for x in parts):
            err('demo: %s / %s / %s: T n < sum of parts' % (u, ind, per))
    # weighted means (no counts): T lies between K and M up to rounding
    if r['value'] and k['value'] and m['value'] and not r['numerator'] \
            and not m['note'].startswith('0 =') \
            and BY_NAME[ind]['measure'] != 'count':
        lo = min(float(k['value']), float(m['value']))
        hi = max(float(k['value']), float(m['value']))
        eps = 10 ** -int(BY_NAME[ind]['decimals'])
        if not lo - eps <= float(r['value']) <= hi + eps:
            err('demo: %s / %s / %s: T outside [M, K]' % (u, ind, per))
    if BY_NAME[ind]['measure'] == 'count' and r['value'] and k['value'] \
            and m['value']:
        if float(r['value']) != float(k['value']) + float(m['value']):
            err('demo: %s / %s / %s: T != K + M' % (u, ind, per))

# ------------------------------------------------------------- VB tables
VB_COLS = ['Indikator', 'Periodens utfall', 'Utfall män/pojkar',
           'Utfall kvinnor/flickor', 'Periodens utfall VB {prev}', 'Årsmål',
           'KF:s årsmål', 'Period']


def sv_number(s):
    s = s.replace('\u00a0', ' ').replace('%', '').strip()
    return float(s.replace(' ', '').replace(',', '.')) if s else None


def check_vb(path, unit, year):
    raw = open(path, 'rb').read()
    if b'\r\n' not in raw:
        err('%s: expected CRLF line ends' % path)
    try:
        raw.decode('utf-8')
        err('%s: decodes as UTF-8, expected Windows-1252' % path)
    except UnicodeDecodeError:
        pass
    rows = list(csv.reader(io.StringIO(raw.decode('cp1252')), delimiter=';'))
    want = [c.format(prev=year - 1) for c in VB_COLS]
    if rows[0] != want:
        err('%s: header %r' % (path, rows[0]))
    if not 10 <= len(rows) - 1 <= 15:
        err('%s: %d rows' % (path, len(rows) - 1))
    for r in rows[1:]:
        check_vb_row(path, unit, year, r)


def check_vb_row(path, unit, year, r):
    """One row of the VB-table form against demo.csv: outcomes and targets."""
    if len(r) != 8:
        err('%s: %d fields' % (path, len(r)))
        return
    ind = r[0]
    c = BY_NAME.get(ind)
    if c is None:
        err('%s: %r not in catalogue' % (path, ind))
        return
    if r[7] != 'VB %d' % year:
        err('%s: period %r' % (path, r[7]))
    tert = c['periodicity'] == 'tertial'
    cur = '%d-T3' % year if tert else str(year)
    old = '%d-T3' % (year - 1) if tert else str(year - 1)
    for col, per, gen in ((1, cur, 'T'), (2, cur, 'M'), (3, cur, 'K'),
                          (4, old, 'T')):
        d = cells.get((unit, ind, per, gen))
        dv = float(d['value']) if d and d['value'] else None
        if sv_number(r[col]) != dv:
            err('%s: %s col %d: %r vs demo %r' % (path, ind, col, r[col], dv))
    t = cells[(unit, ind, cur, 'T')]
    if r[5] != t['target'] or r[6] != t['kf_target']:
        err('%s: %s: targets differ from demo.csv' % (path, ind))


def check_ils(path, year):
    """The ILS export: UTF-8 with a BOM, CRLF, the VB-table form after an Enhet column."""
    raw = open(path, 'rb').read()
    if not raw.startswith(b'\xef\xbb\xbf') or b'\r\n' not in raw:
        err('%s: expected a UTF-8 byte-order mark and CRLF line ends' % path)
    rows = list(csv.reader(io.StringIO(raw.decode('utf-8-sig')), delimiter=';'))
    if rows[0] != ['Enhet'] + [c.format(prev=year - 1) for c in VB_COLS]:
        err('%s: header %r' % (path, rows[0]))
    if not 20 <= len(rows) - 1 <= 30 or len({r[0] for r in rows[1:]}) != 2:
        err('%s: %d rows, expected 20-30 of two units' % (path, len(rows) - 1))
    for r in rows[1:]:
        check_vb_row(path, r[0], year, r[1:])


check_vb(os.path.join(HERE, 'vb-2026-hemtjansten-norr.csv'), 'Hemtjänsten Norr',
         2026)
check_vb(os.path.join(HERE, 'vb-2025-hemtjansten-norr.csv'), 'Hemtjänsten Norr',
         2025)
check_ils(os.path.join(HERE, 'ils-export-vb-2025.csv'), 2025)

# ------------------------------------------------------------- report
units = sorted({r['unit'] for r in DATA})
inds = sorted({r['indicator'] for r in DATA})
print('catalog.csv: %d indicators' % len(CAT))
print('goals.csv:   %d rows, %d with an assessment' % (len(GOALS), n_assessed))
print('demo.csv:    %d rows, %d units, %d indicators' % (len(DATA), len(units),
                                                          len(inds)))
if ERRORS:
    for e in ERRORS[:50]:
        print('ERROR', e)
    print('%d error(s)' % len(ERRORS))
    sys.exit(1)
print('OK')
