#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate the synthetic demo dataset for the fictional district "Exempelstad".

Everything written by this script is invented: the units, the people, the
outcomes, the targets and the assessments.  Only the indicator names (taken
from ../catalog.csv) and the shape of the data follow real Swedish municipal
documents.

Usage (from the repository root or anywhere):

    python3 datasets/demo/generate.py

Writes, next to this script:
    demo.csv                          canonical long CSV (UTF-8, comma, LF)
    goals.csv                         goal hierarchy with VB 2025 assessments
    vb-2026-hemtjansten-norr.csv      VB-table form, VB 2026 (Windows-1252)
    vb-2025-hemtjansten-norr.csv      VB-table form, VB 2025 (Windows-1252)
    ils-export-vb-2025.csv            VB-table form with an Enhet column, two
                                      units, VB 2025 (UTF-8 with BOM)

Python 3 standard library only.  The output is byte-identical on every run:
one random.Random(SEED) stream drawn only through .random() (whose sequence
is fixed for a given integer seed in every CPython 3 release), a fixed drawing
order, only +, -, *, / and sqrt on the draws (all exactly rounded in IEEE 754,
so no platform-dependent libm calls), fixed-precision formatting, and explicit
sorting.
"""

import csv
import io
import math
import os
import random

SEED = 20260615
HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, '..', 'catalog.csv')

YEARS = list(range(2016, 2027))      # 2016 .. 2026
LAST_VB = 2025                       # latest year with a year-end report
NOW_TERTIAL = 2                      # 2026-T1 and 2026-T2 are reported

rng = random.Random(SEED)

# ---------------------------------------------------------------- helpers


def gauss():
    """Approximately standard normal draw: sum of 12 uniforms minus 6.

    Only additions, so the result is the same on every platform (no libm
    log/cos whose last bits may differ between C libraries).
    """
    return sum(rng.random() for _ in range(12)) - 6.0


def uniform_int(lo, hi):
    """Integer uniformly in [lo, hi]."""
    return lo + int(rng.random() * (hi - lo + 1))


def binom(n, p):
    p = min(max(p, 0.0), 1.0)
    return sum(1 for _ in range(n) if rng.random() < p)


def poisson(lam):
    """Small counts, approximately Poisson(lam): Binomial(40, lam / 40)."""
    return binom(40, lam / 40.0)


def clamp(x, lo, hi):
    return min(max(x, lo), hi)


def fmt(x, dec):
    s = '%.*f' % (dec, x)
    if s.startswith('-') and float(s) == 0.0:
        s = s[1:]
    return s


def pct_txt(x):
    """A target written as in the documents: '9,5 %', '70 %'."""
    s = ('%g' % x).replace('.', ',')
    return s + ' %'


def tertial_periods(years):
    return ['%d-T%d' % (y, t) for y in years for t in (1, 2, 3)]


def is_future(period):
    if '-T' in period:
        y, t = period.split('-T')
        return int(y) > 2026 or (int(y) == 2026 and int(t) > NOW_TERTIAL)
    return int(period) > LAST_VB


def period_year(period):
    return int(period[:4])


def by_years(spec, year, default=''):
    """spec: list of (first_year, last_year, value)."""
    for a, b, v in spec:
        if a <= year <= b:
            return v
    return default


# ---------------------------------------------------------------- catalogue

CAT = {}
with open(CATALOG, encoding='utf-8', newline='') as fh:
    for r in csv.DictReader(fh):
        CAT[r['id']] = r


def name(ind):
    return CAT[ind]['name']


def dec(ind):
    return int(CAT[ind]['decimals'])


# ---------------------------------------------------------------- rows

ROWS = []
GORDER = {'T': 0, 'K': 1, 'M': 2, 'X': 3}


def add(unit, ind, period, gender='T', value=None, num=None, den=None,
        sd=None, target='', kf='', missing='', goal='', note=''):
    ROWS.append({
        'unit': unit,
        'indicator': name(ind),
        'period': period,
        'gender': gender,
        'value': '' if value is None else fmt(value, dec(ind)),
        'numerator': '' if num is None else str(num),
        'denominator': '' if den is None else str(den),
        'sd': '' if sd is None else fmt(sd, 1),
        'target': target,
        'kf_target': kf,
        'missing': missing,
        'goal': goal,
        'note': note,
        'source': '',
        '_id': ind,
    })


SUPPRESS_BELOW = 5   # survey results with fewer answers are not published

# ---------------------------------------------------------------- units

UNITS = [
    # name, women, men, sector
    ('Beställarenheten äldreomsorg', 24, 6, 'aldre'),
    ('Hemtjänsten Norr', 68, 22, 'aldre'),
    ('Servicehuset Solgården', 38, 9, 'aldre'),
    ('Vård- och omsorgsboendet Eken', 64, 16, 'aldre'),
    ('Träffpunkten Lärkan', 5, 1, 'aldre'),
    ('Vuxenenheten', 26, 9, 'social'),
    ('Familjeenheten', 33, 7, 'social'),
    ('Enheten för ekonomiskt bistånd', 22, 8, 'social'),
    ('Mottagningsenheten', 14, 4, 'social'),
]
NAMND = 'Stadsdelsförvaltningen Exempelstad'
HN = 'Hemtjänsten Norr'
LARKAN = 'Träffpunkten Lärkan'
NO_MEN_YEARS = (2019, 2020, 2021, 2022)    # Lärkan had no men on staff
NO_MEN_NOTE = '0 = inga män i arbetsgruppen, inte ett uppmätt värde'

# staff head counts per unit and year
STAFF = {}
for u, k, m, _ in UNITS:
    for y in YEARS:
        ky = max(3, int(round(k * (1.0 + 0.05 * gauss()))))
        my = max(0, int(round(m * (1.0 + 0.08 * gauss()))))
        if u == LARKAN:
            ky = uniform_int(4, 6)
            my = 0 if y in NO_MEN_YEARS else 1
        STAFF[(u, y)] = (ky, my)

# staff-survey respondents (medarbetarenkäten) per unit, year: (K, M, X)
RESP = {}
LARKAN_RESP = {2016: (4, 1), 2017: (3, 1), 2018: (2, 1), 2019: (5, 0),
               2020: (6, 0), 2021: (4, 0), 2022: (5, 0), 2023: (3, 1),
               2024: (5, 1), 2025: (4, 1)}
HN_X = {2023: 1, 2024: 2, 2025: 1}          # "annan könsidentitet"
for u, _, _, _ in UNITS:
    for y in YEARS:
        if y > LAST_VB:
            continue
        ky, my = STAFF[(u, y)]
        rate = clamp(0.82 + 0.06 * gauss(), 0.6, 0.97)
        if u == LARKAN:
            nk, nm = LARKAN_RESP[y]
        else:
            nk = int(round(ky * rate))
            nm = int(round(my * clamp(rate - 0.05 + 0.05 * gauss(), 0.4, 1.0)))
        nx = HN_X.get(y, 0) if u == HN else 0
        RESP[(u, y)] = (nk, nm, nx)

# ---------------------------------------------------------------- goals

KF_GOALS = [
    ('1', 'kf_inriktningsmal', '', 'En stad som håller samman med en stark och jämlik välfärd i hela staden'),
    ('1.1', 'kf_verksamhetsmal', '1', 'Alla barn och unga ges jämlika uppväxtvillkor och trygghet'),
    ('1.1.1', 'namndmal', '1.1', 'Barn och unga i Exempelstad får tidiga och samordnade insatser'),
    ('1.3', 'kf_verksamhetsmal', '1', 'Stöd och omsorg ges där behoven är som störst'),
    ('1.3.1', 'namndmal', '1.3', 'Vuxna får stöd och omsorg där behoven är som störst'),
    ('1.3.2', 'namndmal', '1.3', 'Barn, unga och vuxna i relationer där våld förekommer uppmärksammas och får stöd'),
    ('1.4', 'kf_verksamhetsmal', '1', 'Exempelstad är en bra stad att åldras i, med god omsorg och stor trygghet'),
    ('1.4.1', 'namndmal', '1.4', 'Äldre får en trygg omsorg av hög kvalitet och har inflytande över den'),
    ('2', 'kf_inriktningsmal', '', 'En grön och fossilfri stad som leder en rättvis klimatomställning'),
    ('2.2', 'kf_verksamhetsmal', '2', 'Den biologiska mångfalden ökar'),
    ('2.2.1', 'namndmal', '2.2', 'Nämndens inköp är ekologiska och resurssmarta'),
    ('3', 'kf_inriktningsmal', '', 'En stad med en stabil och hållbar ekonomi med utbildning, jobb och bostäder för alla'),
    ('3.1', 'kf_verksamhetsmal', '3', 'Ekonomin är stark och hållbar och lägger grunden för en jämlik välfärd'),
    ('3.1.1', 'namndmal', '3.1', 'Nämndens ekonomi är i balans och prognoserna är säkra'),
    ('3.2', 'kf_verksamhetsmal', '3', 'Alla ges möjlighet till ett eget jobb'),
    ('3.2.1', 'namndmal', '3.2', 'Unga i Exempelstad får sommarjobb och en väg in på arbetsmarknaden'),
    ('3.4', 'kf_verksamhetsmal', '3', 'Medarbetare ges goda förutsättningar att göra ett bra jobb'),
    ('3.4.1', 'namndmal', '3.4', 'Förvaltningen är en attraktiv arbetsgivare med en hälsosam arbetsmiljö'),
]
UNIT_GOALS = [
    ('E1', '1.4.1', 'Beställarenheten äldreomsorg', 'Äldre får beslut som är anpassade efter deras behov'),
    ('E2', '1.3.2', 'Beställarenheten äldreomsorg', 'Äldre som utsätts för våld uppmärksammas och erbjuds stöd'),
    ('E3', '1.4.1', 'Hemtjänsten Norr', 'Omsorgstagarna känner sig trygga och får hjälp så som det är överenskommet'),
    ('E4', '3.4.1', 'Hemtjänsten Norr', 'Hemtjänsten Norr är en arbetsplats som medarbetarna kan rekommendera'),
    ('E5', '1.4.1', 'Hemtjänsten Norr', 'Basala hygienrutiner följs vid alla besök'),
    ('E6', '1.4.1', 'Servicehuset Solgården', 'De boende känner sig trygga med stödet från hemtjänsten'),
    ('E7', '2.2.1', 'Servicehuset Solgården', 'Servicehusets inköp av livsmedel är ekologiska'),
    ('E8', '1.4.1', 'Vård- och omsorgsboendet Eken', 'De boende trivs, känner sig trygga och är nöjda med maten'),
    ('E9', '3.4.1', 'Vård- och omsorgsboendet Eken', 'Medarbetarna på Eken trivs och kan rekommendera sin arbetsplats'),
    ('E10', '1.4.1', 'Träffpunkten Lärkan', 'Besökarna är nöjda med dagverksamheten'),
    ('E11', '1.3.1', 'Vuxenenheten', 'Vuxna får insatser som förbättrar deras situation'),
    ('E12', '1.3.2', 'Vuxenenheten', 'Personer i relationer där våld förekommer uppmärksammas och får stöd'),
    ('E13', '1.1.1', 'Vuxenenheten', 'Inga barn berörs av vräkning'),
    ('E14', '1.1.1', 'Familjeenheten', 'Barn och unga får stöd som bryter negativa mönster'),
    ('E15', '1.1.1', 'Familjeenheten', 'Utredningar är rättssäkra, görs i tid och med barnets delaktighet'),
    ('E16', '1.3.2', 'Familjeenheten', 'Våldsutsatthet uppmärksammas i alla utredningar'),
    ('E17', '1.1.1', 'Enheten för ekonomiskt bistånd', 'Vräkningar förebyggs genom tidiga kontakter'),
    ('E18', '1.3.2', 'Enheten för ekonomiskt bistånd', 'Frågor om våld ställs i alla ärenden'),
    ('E19', '1.1.1', 'Mottagningsenheten', 'Barn och unga som far illa uppmärksammas tidigt'),
    ('E20', '1.1.1', 'Mottagningsenheten', 'Unga som anmälts för brott kallas snabbt till samtal'),
]

# ---------------------------------------------------------------- generators

SEASON = {1: 0.8, 2: -0.6, 3: -0.2}
COVID = {(2020, 1): 0.6, (2020, 2): 2.0, (2020, 3): 1.2, (2021, 1): 1.8,
         (2021, 2): 0.8, (2021, 3): 0.9, (2022, 1): 1.5}
SEASON14 = {1: 0.45, 2: -0.35, 3: -0.1}
COVID14 = {(2020, 1): 0.3, (2020, 2): 0.9, (2020, 3): 0.4, (2021, 1): 0.7,
           (2021, 2): 0.2, (2021, 3): 0.3, (2022, 1): 1.1}


def gender_split(level, gap, wk, wm):
    """K and M levels whose weighted mean is `level` (gap = K - M)."""
    tot = wk + wm
    if wm == 0:
        return level, None
    return level + gap * wm / tot, level - gap * wk / tot


def sick_leave(unit, ind, base, slope, gap, noise, targets, goal='3.4'):
    """Tertial sick leave, T/K/M, percent of scheduled time in each tertial."""
    short = ind == 'sjukfranvaro_dag_1_14'
    for p in tertial_periods(YEARS):
        y, t = period_year(p), int(p[-1])
        tg = by_years(targets, y)
        kf = 'Tas fram av nämnd/styrelse'
        if is_future(p):
            add(unit, ind, p, 'T', target=tg, kf=kf, goal=goal,
                note='ej rapporterad ännu')
            continue
        ky, my = STAFF[(unit, y)]
        x = (y - 2016) + (t - 1) / 3.0
        if short:
            level = base + slope * x + SEASON14[t] + COVID14.get((y, t), 0.0)
        else:
            level = base + slope * x + SEASON[t] + COVID.get((y, t), 0.0)
        level += noise * 0.5 * gauss()                  # shared shock
        lk, lm = gender_split(level, gap, ky, my)
        vk = clamp(lk + noise * gauss() * math.sqrt(20.0 / max(ky, 1)), 0.0, 40.0)
        if lm is None:
            vm = None
            vt = vk
        else:
            vm = clamp(lm + noise * gauss() * math.sqrt(20.0 / max(my, 1)), 0.0, 40.0)
            vt = (vk * ky + vm * my) / (ky + my)
        add(unit, ind, p, 'T', vt, target=tg, kf=kf, goal=goal)
        add(unit, ind, p, 'K', vk, target=tg, kf=kf, goal=goal)
        if vm is None:
            add(unit, ind, p, 'M', 0.0, target=tg, kf=kf, goal=goal,
                note=NO_MEN_NOTE)
        else:
            add(unit, ind, p, 'M', vm, target=tg, kf=kf, goal=goal)


def pooled(groups):
    """Combine (n, mean, sd) groups into the total (n, mean, sd)."""
    n = sum(g[0] for g in groups)
    mean = sum(g[0] * g[1] for g in groups) / n
    ss = sum((g[0] - 1) * g[2] ** 2 + g[0] * (g[1] - mean) ** 2 for g in groups)
    return n, mean, math.sqrt(ss / (n - 1))


def staff_index(unit, ind, base, slope, targets, kf_spec, goal, by_gender,
                bend=None):
    """AMI / Ledarskapsindex: mean of a 0-100 index over the respondents."""
    for y in YEARS:
        tg = by_years(targets, y)
        kf = by_years(kf_spec, y)
        if y > LAST_VB:
            add(unit, ind, str(y), 'T', target=tg, kf=kf, goal=goal,
                note='ej rapporterad ännu')
            continue
        nk, nm, nx = RESP[(unit, y)]
        level = base + slope * (y - 2016) + 1.2 * gauss()
        if bend and y >= bend[0]:
            level += bend[1] * (y - bend[0] + 1)
        groups = []
        for g, n, shift in (('K', nk, 0.6), ('M', nm, -1.5), ('X', nx, -4.0)):
            if n == 0:
                groups.append((g, 0, None, None))
                continue
            sdi = clamp(15.0 + 2.0 * gauss(), 9.0, 22.0)
            m = clamp(level + shift + sdi * gauss() / math.sqrt(n), 30.0, 99.0)
            groups.append((g, n, m, sdi))
        real = [(n, m, s) for g, n, m, s in groups if n > 0]
        nt, mt, st = pooled(real) if sum(r[0] for r in real) > 1 else (
            real[0][0], real[0][1], real[0][2])
        if nt < SUPPRESS_BELOW:
            add(unit, ind, str(y), 'T', den=nt, target=tg, kf=kf,
                missing='sekretess', goal=goal,
                note='för få svarande för ett index')
        else:
            add(unit, ind, str(y), 'T', round(mt, 6), den=nt, sd=st,
                target=tg, kf=kf, goal=goal)
        if not by_gender:
            continue
        for g, n, m, s in groups:
            if g == 'X' and n == 0:
                continue
            if n == 0:
                if unit == LARKAN and y in NO_MEN_YEARS and nt >= SUPPRESS_BELOW:
                    # as in the VB tables: "0" in the men column, no men
                    add(unit, ind, str(y), 'M', 0.0, target=tg, kf=kf,
                        goal=goal, note=NO_MEN_NOTE)
                else:
                    add(unit, ind, str(y), g, target=tg, kf=kf,
                        missing='ej tillämplig', goal=goal,
                        note='inga svarande i gruppen')
                continue
            if n < SUPPRESS_BELOW or nt < SUPPRESS_BELOW:
                add(unit, ind, str(y), g, den=n, target=tg, kf=kf,
                    missing='sekretess', goal=goal)
            else:
                add(unit, ind, str(y), g, m, den=n, sd=s, target=tg, kf=kf,
                    goal=goal)


def share(unit, ind, periods, n_of, p_of, female, gap, targets, kf_spec,
          goal, by_gender=True, suppress=True, x_of=None, unknown=0,
          missing_of=None, force=None, first_year=2016):
    """A proportion counted from individuals (survey answers, case files).

    n_of(period) -> total n; p_of(period) -> true share (0..1) for period.
    gap = share(K) - share(M).  Values are 100 * numerator / denominator.
    """
    for p in periods:
        y = period_year(p)
        if y < first_year:
            continue
        tg = by_years(targets, y)
        kf = by_years(kf_spec, y)
        if is_future(p):
            add(unit, ind, p, 'T', target=tg, kf=kf, goal=goal,
                note='ej rapporterad ännu')
            continue
        if missing_of and p in missing_of:
            reason, note = missing_of[p]
            for g in (('T', 'K', 'M') if by_gender else ('T',)):
                add(unit, ind, p, g, target=tg, kf=kf, missing=reason,
                    goal=goal, note=note)
            continue
        n = n_of(p)
        nx = x_of(p) if x_of else 0
        nu = uniform_int(0, unknown) if unknown else 0
        nk = binom(n - nx - nu, female)
        nm = n - nx - nu - nk
        pt = clamp(p_of(p), 0.01, 0.995)
        pk = clamp(pt + gap * (1 - female), 0.0, 1.0)
        pm = clamp(pt - gap * female, 0.0, 1.0)
        ak, am = binom(nk, pk), binom(nm, pm)
        ax, au = binom(nx, pt), binom(nu, pt)
        if force and p in force:
            ak, nk, am, nm = force[p]
            ax = au = nx = nu = 0
            n = nk + nm
        at = ak + am + ax + au

        def emit(g, a, d):
            if d == 0:
                add(unit, ind, p, g, den=0, target=tg, kf=kf,
                    missing='ej tillämplig', goal=goal,
                    note='inga ärenden i gruppen under perioden')
            elif suppress and d < SUPPRESS_BELOW:
                add(unit, ind, p, g, den=d, target=tg, kf=kf,
                    missing='sekretess', goal=goal)
            else:
                add(unit, ind, p, g, 100.0 * a / d, num=a, den=d, target=tg,
                    kf=kf, goal=goal)
        emit('T', at, n)
        if by_gender:
            emit('K', ak, nk)
            emit('M', am, nm)
            if nx:
                emit('X', ax, nx)


def trend(base, slope, noise=0.02, start=2016, bend=None):
    """A share that moves linearly over time, with year noise (p of period)."""
    cache = {}

    def p_of(p):
        if p not in cache:
            y = period_year(p)
            x = y - start + ((int(p[-1]) - 1) / 3.0 if '-T' in p else 0.0)
            v = base + slope * x
            if bend and y >= bend[0]:
                v += bend[1] * (x - (bend[0] - start) + 1)
            cache[p] = v + noise * gauss()
        return cache[p]
    return p_of


def n_between(lo, hi):
    return lambda p: uniform_int(lo, hi)


YEARLY = [str(y) for y in YEARS]
TERTIAL = tertial_periods(YEARS)

ELDER_SURVEY_2020 = {'2020': ('bortfall',
                              'ingen brukarundersökning 2020 (pandemin)')}

AMI_KF = [(2016, 2017, '80'), (2018, 2022, '82'), (2023, 2024, '83'),
          (2025, 2026, '82')]
EKO_KF = [(2016, 2018, '50 %'), (2019, 2020, '55 %'), (2021, 2022, '60 %'),
          (2023, 2024, '65 %'), (2025, 2026, '70 %')]

# Per unit: AMI (base, slope, targets, bend), Ledarskapsindex, sjukfrånvaro,
# dag 1-14, ekologiska (base, slope).
STAFF_PROFILE = {
    'Beställarenheten äldreomsorg': dict(
        ami=(83.0, 0.1, [(2016, 2022, '82'), (2023, 2026, '83')], None),
        li=(84.0, 0.0, [(2016, 2026, '82')]),
        sick=(5.0, 0.02, 1.6, 0.9, [(2016, 2026, '6 %')]),
        short=(1.9, 0.0, 0.5, 0.35, [(2016, 2026, '2,5 %')]),
        eko=(52.0, 2.0)),
    'Hemtjänsten Norr': dict(
        ami=(71.0, 1.1, [(2016, 2019, '75'), (2020, 2023, '78'), (2024, 2026, '80')], None),
        li=(72.0, 1.0, [(2016, 2021, '75'), (2022, 2026, '78')]),
        sick=(7.2, 0.32, 2.0, 1.0, [(2016, 2019, '8 %'), (2020, 2022, 'minska'), (2023, 2026, '9,5 %')]),
        short=(2.6, 0.06, 0.6, 0.4, [(2016, 2026, '2,9 %')]),
        eko=(44.0, 2.4)),
    'Servicehuset Solgården': dict(
        ami=(82.0, -0.6, [(2016, 2026, '82')], None),
        li=(83.0, -0.5, [(2016, 2026, '80')]),
        sick=(8.0, 0.0, 1.5, 1.1, [(2016, 2026, '9,5 %')]),
        short=(2.8, 0.0, 0.5, 0.45, [(2016, 2026, '2,9 %')]),
        eko=(55.0, 1.2)),
    'Vård- och omsorgsboendet Eken': dict(
        ami=(84.0, -0.8, [(2016, 2026, '83')], None),
        li=(85.0, -0.9, [(2016, 2022, '85'), (2023, 2026, '80')]),
        sick=(11.0, -0.25, 1.8, 1.0, [(2016, 2019, '10 %'), (2020, 2026, '9,5 %')]),
        short=(3.0, -0.03, 0.6, 0.4, [(2016, 2026, '2,9 %')]),
        eko=(48.0, 2.2)),
    'Träffpunkten Lärkan': dict(
        ami=(80.0, 0.0, [(2016, 2026, '80')], None),
        li=(81.0, 0.0, [(2016, 2026, '80')]),
        sick=(6.0, 0.0, 1.0, 1.2, [(2016, 2026, '6 %')]),
        short=(2.0, 0.0, 0.3, 0.4, [(2016, 2026, '2,5 %')]),
        eko=(60.0, 0.8)),
    'Vuxenenheten': dict(
        ami=(80.0, 0.0, [(2016, 2026, '82')], None),
        li=(82.0, 0.1, [(2016, 2026, '82')]),
        sick=(5.2, 0.0, 1.4, 0.9, [(2016, 2022, '5 %'), (2023, 2026, '4 %')]),
        short=(1.8, 0.0, 0.4, 0.35, [(2016, 2026, '2,7 %')]),
        eko=(50.0, 2.3)),
    'Familjeenheten': dict(
        ami=(79.0, -1.6, [(2016, 2026, '80')], (2020, 3.2)),
        li=(80.0, -1.0, [(2016, 2026, '80')]),
        sick=(8.2, -0.22, 1.8, 1.0, [(2016, 2020, '8 %'), (2021, 2026, '6 %')]),
        short=(2.4, -0.04, 0.5, 0.4, [(2016, 2026, '2,5 %')]),
        eko=(46.0, 2.6)),
    'Enheten för ekonomiskt bistånd': dict(
        ami=(72.0, 0.9, [(2016, 2020, '75'), (2021, 2026, '80')], None),
        li=(74.0, 0.8, [(2016, 2026, '78')]),
        sick=(6.1, 0.0, 1.2, 1.0, [(2016, 2026, '6 %')]),
        short=(2.0, 0.0, 0.4, 0.4, [(2016, 2026, '2,5 %')]),
        eko=(40.0, 2.9)),
    'Mottagningsenheten': dict(
        ami=(81.0, 0.0, [(2016, 2026, '82')], None),
        li=(80.0, 0.0, [(2016, 2026, '80')]),
        sick=(4.0, 0.30, 1.0, 1.2, [(2016, 2026, '5 %')]),
        short=(1.5, 0.08, 0.3, 0.45, [(2016, 2026, '2,5 %')]),
        eko=(58.0, 1.0)),
}

EKO_UNIT_TARGET = {
    'Servicehuset Solgården': [(2016, 2023, None), (2024, 2026, 'öka')],
    'Hemtjänsten Norr': [(2016, 2025, None), (2026, 2026, 'öka')],
}
EKO_GOAL = {'Servicehuset Solgården': 'E7'}


def staff_block(unit, sector):
    pr = STAFF_PROFILE[unit]
    a = pr['ami']
    staff_index(unit, 'ami', a[0], a[1], a[2], AMI_KF, '3.4', True, a[3])
    li = pr['li']
    staff_index(unit, 'ledarskapsindex', li[0], li[1], li[2], [], '3.4.1',
                False)
    s = pr['sick']
    sick_leave(unit, 'sjukfranvaro', s[0], s[1], s[2], s[3], s[4])
    s = pr['short']
    sick_leave(unit, 'sjukfranvaro_dag_1_14', s[0], s[1], s[2], s[3], s[4])

    # staff-survey shares use the same respondents as AMI
    rec = 'rekommendera_aldreomsorg' if sector == 'aldre' else \
        'rekommendera_socialtjanst'
    rec_goal = {'Hemtjänsten Norr': 'E4',
                'Vård- och omsorgsboendet Eken': 'E9'}.get(unit, '3.4.1')
    rec_base = {'Hemtjänsten Norr': 0.64, 'Vård- och omsorgsboendet Eken': 0.82,
                'Familjeenheten': 0.66}.get(unit, 0.78)
    rec_slope = {'Hemtjänsten Norr': 0.018, 'Vård- och omsorgsboendet Eken': -0.02,
                 'Familjeenheten': 0.01}.get(unit, 0.0)
    rec_p = trend(rec_base, rec_slope, 0.03, start=2018)
    rec_tg = [(2018, 2026, '75 %' if sector == 'aldre' else '72 %')]
    resp_t = lambda p: sum(RESP[(unit, int(p))])
    resp_x = lambda p: RESP[(unit, int(p))][2]
    for p in [str(y) for y in range(2018, 2027)]:
        y = int(p)
        tg = by_years(rec_tg, y)
        if y > LAST_VB:
            add(unit, rec, p, 'T', target=tg, goal=rec_goal,
                note='ej rapporterad ännu')
            continue
        nk, nm, nx = RESP[(unit, y)]
        pt = clamp(rec_p(p), 0.05, 0.99)
        ak, am, ax = binom(nk, pt + 0.02), binom(nm, pt - 0.05), binom(nx, pt)
        nt, at = nk + nm + nx, ak + am + ax
        for g, a, d in (('T', at, nt), ('K', ak, nk), ('M', am, nm), ('X', ax, nx)):
            if g == 'X' and d == 0:
                continue
            if d == 0:
                add(unit, rec, p, g, target=tg, missing='ej tillämplig',
                    goal=rec_goal, note='inga svarande i gruppen')
            elif d < SUPPRESS_BELOW or nt < SUPPRESS_BELOW:
                add(unit, rec, p, g, den=d, target=tg, missing='sekretess',
                    goal=rec_goal)
            else:
                add(unit, rec, p, g, 100.0 * a / d, num=a, den=d, target=tg,
                    goal=rec_goal)

    # knows where to turn (T only)
    vet_p = trend(0.86, 0.012, 0.03, start=2018)
    for p in [str(y) for y in range(2018, 2027)]:
        y = int(p)
        tg = '90 %' if y >= 2021 else '85 %'
        if y > LAST_VB:
            add(unit, 'vet_vart_vanda_sig', p, 'T', target=tg, goal='3.4.1',
                note='ej rapporterad ännu')
            continue
        nt = resp_t(p)
        if nt < SUPPRESS_BELOW:
            add(unit, 'vet_vart_vanda_sig', p, 'T', den=nt, target=tg,
                missing='sekretess', goal='3.4.1')
            continue
        a = binom(nt, clamp(vet_p(p), 0.05, 0.99))
        add(unit, 'vet_vart_vanda_sig', p, 'T', 100.0 * a / nt, num=a, den=nt,
            target=tg, goal='3.4.1')

    if sector == 'social':
        dk_p = trend(0.70, 0.01, 0.03, start=2022)
        for p in [str(y) for y in range(2022, 2027)]:
            y = int(p)
            tg = '73'
            if y > LAST_VB:
                add(unit, 'dela_kunskap', p, 'T', target=tg, goal='3.4.1',
                    note='ej rapporterad ännu')
                continue
            nt = resp_t(p)
            a = binom(nt, clamp(dk_p(p), 0.05, 0.99))
            add(unit, 'dela_kunskap', p, 'T', 100.0 * a / nt, num=a, den=nt,
                target=tg, goal='3.4.1')

    # organic food (share of kronor)
    eb, es = pr['eko']
    for y in YEARS:
        kf = by_years(EKO_KF, y)
        tg = by_years(EKO_UNIT_TARGET.get(unit, []), y, None)
        if tg is None:
            tg = kf
        goal = EKO_GOAL.get(unit, '2.2.1')
        p = str(y)
        if y > LAST_VB:
            add(unit, 'ekologiska_livsmedel', p, 'T', target=tg, kf=kf,
                goal=goal, note='ej rapporterad ännu')
            continue
        if unit == LARKAN and y == 2017:
            add(unit, 'ekologiska_livsmedel', p, 'T', target=tg, kf=kf,
                missing='bortfall', goal=goal,
                note='inköpsrapporten saknades för året')
            continue
        v = clamp(eb + es * (y - 2016) + 3.5 * gauss(), 5.0, 95.0)
        add(unit, 'ekologiska_livsmedel', p, 'T', v, target=tg, kf=kf,
            goal=goal)


for u, _, _, sector in UNITS:
    staff_block(u, sector)

# ------------------------------------------------ unit-specific indicators

# Beställarenheten äldreomsorg
U = 'Beställarenheten äldreomsorg'
share(U, 'bistandsbeslut_anpassat', YEARLY, n_between(150, 230),
      trend(0.72, 0.0, 0.02), 0.66, 0.02, [(2016, 2026, '71 %')], [], 'E1',
      unknown=3, missing_of=ELDER_SURVEY_2020)
share(U, 'delaktiga_utredningen', YEARLY, n_between(150, 230),
      trend(0.78, 0.006, 0.02), 0.66, 0.03, [(2016, 2026, '85 %')], [], 'E1',
      unknown=3, missing_of=ELDER_SURVEY_2020)
# FREDA file review (aktgranskning); 2025 mirrors "1 av 22 granskade ärenden"
share(U, 'freda_kortfragor', YEARLY, n_between(18, 24),
      trend(0.12, -0.01, 0.03, start=2019), 0.6, 0.0,
      [(2019, 2021, 'öka'), (2022, 2025, '50 %'), (2026, 2026, '75 %')], [],
      'E2', suppress=False, first_year=2019, force={'2025': (1, 12, 0, 10)})

# Hemtjänsten Norr
U = HN
share(U, 'nojda_hemtjanst', YEARLY, n_between(110, 170),
      trend(0.89, -0.002, 0.015), 0.68, 0.015,
      [(2016, 2019, '85 %'), (2020, 2023, '86 %'), (2024, 2026, '88 %')],
      [(2016, 2019, '85 %'), (2020, 2026, '86 %')], '1.4', unknown=2,
      missing_of=ELDER_SURVEY_2020)
share(U, 'paverka_hemtjanst', YEARLY, n_between(110, 170),
      trend(0.79, 0.008, 0.015), 0.68, 0.02, [(2016, 2026, '87 %')],
      [(2016, 2026, '87 %')], '1.4', unknown=2, missing_of=ELDER_SURVEY_2020)
share(U, 'tryggt_hemma', YEARLY, n_between(110, 170),
      trend(0.80, 0.004, 0.015), 0.68, -0.02, [(2016, 2026, '81 %')], [],
      'E3', unknown=2, missing_of=ELDER_SURVEY_2020)
# 2025: 124 of 148 answered yes (84 %) against the unit target 90 %, while
# goal E3 is recorded as "Uppfylls helt" (a deliberate contradiction).
share(U, 'hjalp_overenskommet', YEARLY, n_between(110, 170),
      trend(0.91, 0.0, 0.012), 0.68, 0.0, [(2016, 2026, '90 %')], [], 'E3',
      unknown=2, missing_of=ELDER_SURVEY_2020,
      force={'2025': (85, 101, 39, 47)})
for y in range(2018, 2027):
    tg = '10 st' if y >= 2023 else ''
    kf = 'Max 10 personer'
    if y > LAST_VB:
        add(U, 'personal_14_dagar', str(y), 'T', target=tg, kf=kf, goal='1.4',
            note='ej rapporterad ännu')
        continue
    if y == 2020:
        add(U, 'personal_14_dagar', str(y), 'T', target=tg, kf=kf,
            missing='bortfall', goal='1.4',
            note='ingen mätning 2020 (pandemin)')
        continue
    v = 16.2 - 0.55 * (y - 2018) + 0.8 * gauss()
    add(U, 'personal_14_dagar', str(y), 'T', float(int(round(v))), target=tg,
        kf=kf, goal='1.4')
HYG_TG = [(2019, 2023, '75 %'), (2024, 2026, '80 %')]
share(U, 'hygienrutiner', TERTIAL, n_between(20, 40),
      trend(0.60, 0.05, 0.04, start=2019), 0.5, 0.0, HYG_TG, [], 'E5',
      by_gender=False, suppress=False, first_year=2019)

# Servicehuset Solgården (worsening satisfaction)
U = 'Servicehuset Solgården'
share(U, 'nojda_hemtjanst', YEARLY, n_between(35, 55),
      trend(0.94, -0.016, 0.015), 0.7, 0.0,
      [(2016, 2019, '85 %'), (2020, 2026, '86 %')],
      [(2016, 2019, '85 %'), (2020, 2026, '86 %')], '1.4', unknown=1,
      missing_of=ELDER_SURVEY_2020)
share(U, 'paverka_hemtjanst', YEARLY, n_between(35, 55),
      trend(0.86, -0.006, 0.02), 0.7, 0.0, [(2016, 2026, '87 %')],
      [(2016, 2026, '87 %')], '1.4', unknown=1, missing_of=ELDER_SURVEY_2020)
share(U, 'tryggt_hemma', YEARLY, n_between(35, 55),
      trend(0.84, -0.004, 0.02), 0.7, -0.03, [(2016, 2026, '81 %')], [],
      'E6', unknown=1, missing_of=ELDER_SURVEY_2020)

# Vård- och omsorgsboendet Eken (worsening), with occasional X answers
U = 'Vård- och omsorgsboendet Eken'
EKEN_X = {'2022': 1, '2024': 1}
share(U, 'nojda_vard_omsorgsboende', YEARLY, n_between(45, 70),
      trend(0.86, -0.013, 0.015), 0.72, 0.01, [(2016, 2026, '82 %')],
      [(2016, 2026, '82 %')], '1.4', x_of=lambda p: EKEN_X.get(p, 0),
      unknown=1, missing_of=ELDER_SURVEY_2020)
share(U, 'paverka_vard_omsorgsboende', YEARLY, n_between(45, 70),
      trend(0.78, -0.004, 0.02), 0.72, 0.0,
      [(2016, 2022, '79 %'), (2023, 2026, '80 %')],
      [(2016, 2022, '79 %'), (2023, 2026, '80 %')], '1.4',
      x_of=lambda p: EKEN_X.get(p, 0), unknown=1,
      missing_of=ELDER_SURVEY_2020)
share(U, 'nojda_maten_vob', YEARLY, n_between(45, 70),
      trend(0.70, 0.0, 0.03), 0.72, -0.02, [(2016, 2026, '72 %')], [], 'E8',
      unknown=1, missing_of=ELDER_SURVEY_2020)
share(U, 'tryggt_vard_omsorgsboende', YEARLY, n_between(45, 70),
      trend(0.86, -0.006, 0.02), 0.72, 0.0, [(2016, 2026, '83 %')], [], 'E8',
      unknown=1, missing_of=ELDER_SURVEY_2020)
share(U, 'utomhus_vob', YEARLY, n_between(45, 70),
      trend(0.50, 0.008, 0.03), 0.72, 0.0, [(2016, 2026, '54 %')], [], 'E8',
      unknown=1, missing_of=ELDER_SURVEY_2020)
share(U, 'hygienrutiner', TERTIAL, n_between(20, 40),
      trend(0.80, 0.004, 0.04, start=2019), 0.5, 0.0, HYG_TG, [], 'E8',
      by_gender=False, suppress=False, first_year=2019)

# Träffpunkten Lärkan: a small day centre, n 8-15, closed in 2020
U = LARKAN
LARKAN_N = {'2023': 8}
share(U, 'nojda_dagverksamhet', YEARLY,
      lambda p: LARKAN_N.get(p, uniform_int(9, 15)),
      trend(0.94, -0.002, 0.02), 0.75, 0.0, [(2016, 2026, '93 %')],
      [(2016, 2026, '93 %')], 'E10',
      missing_of={'2020': ('ej tillämplig',
                           'verksamheten stängd 2020 (pandemin)')})

# Vuxenenheten
U = 'Vuxenenheten'
share(U, 'forbattrad_situation', YEARLY, n_between(25, 60),
      trend(0.72, 0.014, 0.03), 0.38, 0.03,
      [(2016, 2022, '80 %'), (2023, 2026, '85 %')],
      [(2023, 2026, '85 %')], 'E11')
share(U, 'freda_kortfragor', YEARLY, n_between(18, 24),
      trend(0.62, 0.045, 0.04, start=2019), 0.55, 0.0,
      [(2019, 2021, 'öka'), (2022, 2023, '75 %'), (2024, 2026, '90 %')], [],
      'E12', suppress=False, first_year=2019)
VRAK = {}
for u, lam0, dl in (('Vuxenenheten', 0.9, -0.05),
                    ('Enheten för ekonomiskt bistånd', 1.6, -0.09)):
    goal = 'E13' if u == 'Vuxenenheten' else 'E17'
    for y in YEARS:
        if y > LAST_VB:
            add(u, 'vrakningar_barn', str(y), 'T', target='0',
                kf='Tas fram av nämnd', goal=goal, note='ej rapporterad ännu')
            continue
        k = poisson(max(lam0 + dl * (y - 2016), 0.1))
        if u == 'Vuxenenheten' and y == LAST_VB:
            k = 0
        VRAK[(u, y)] = k
        add(u, 'vrakningar_barn', str(y), 'T', float(k), target='0',
            kf='Tas fram av nämnd', goal=goal)

# Familjeenheten
U = 'Familjeenheten'
ATER_TG_FAM = [(2016, 2018, '28 %'), (2019, 2022, '26 %'), (2023, 2026, '24 %')]
ATER_KF = [(2016, 2020, '25 %'), (2021, 2024, '24 %'), (2025, 2026, '23 %')]
share(U, 'ateraktualisering', TERTIAL, n_between(35, 60),
      trend(0.27, -0.008, 0.015), 0.48, 0.08, ATER_TG_FAM, ATER_KF, '1.1',
      suppress=False)
share(U, 'utredningar_over_4_manader', TERTIAL, n_between(50, 90),
      trend(0.16, -0.009, 0.012), 0.48, 0.0,
      [(2016, 2018, '10 %'), (2019, 2020, 'minska'), (2021, 2023, '8 %'),
       (2024, 2026, '5 %')], [], 'E15', suppress=False)
share(U, 'utredningar_barn_delaktigt', TERTIAL, n_between(35, 70),
      trend(0.45, 0.05, 0.04, start=2019), 0.48, 0.04, [(2019, 2026, '70 %')],
      [(2019, 2026, 'Tas fram av nämnd')], 'E15', suppress=False,
      first_year=2019)
share(U, 'utredningar_skola_vidtalas', TERTIAL, n_between(35, 70),
      trend(0.58, 0.012, 0.04, start=2019), 0.48, -0.03,
      [(2019, 2026, '70 %')], [(2019, 2026, 'Tas fram av nämnd')], 'E15',
      suppress=False, first_year=2019)
share(U, 'freda_kortfragor', YEARLY, n_between(18, 24),
      trend(0.40, 0.06, 0.04, start=2019), 0.5, 0.0,
      [(2019, 2021, 'öka'), (2022, 2026, '75 %')], [], 'E16', suppress=False,
      first_year=2019)

# Enheten för ekonomiskt bistånd (vräkningar generated above)
U = 'Enheten för ekonomiskt bistånd'
share(U, 'avhysningar_hyresvard', TERTIAL, n_between(4, 14),
      trend(0.55, 0.02, 0.05), 0.5, 0.0,
      [(2016, 2020, '55 %'), (2021, 2026, '69 %')],
      [(2016, 2026, 'Tas fram av nämnd')], 'E17', by_gender=False,
      suppress=False)
share(U, 'freda_kortfragor', YEARLY, n_between(18, 24),
      trend(0.22, 0.05, 0.04, start=2019), 0.55, 0.0,
      [(2019, 2021, 'öka'), (2022, 2026, '50 %')], [], 'E18', suppress=False,
      first_year=2019)

# Mottagningsenheten (återaktualisering worsening; small bases for 48 h)
U = 'Mottagningsenheten'
share(U, 'ateraktualisering', TERTIAL, n_between(20, 40),
      trend(0.18, 0.008, 0.015), 0.48, 0.07, [(2016, 2026, '22 %')], ATER_KF,
      '1.1', suppress=False)
share(U, 'brott_samtal_48h', TERTIAL, n_between(3, 14),
      trend(0.90, 0.005, 0.03), 0.2, 0.0,
      [(2016, 2020, '95 %'), (2021, 2026, '100 %')],
      [(2016, 2026, 'Tas fram av nämnd')], 'E20', suppress=False)

# Stadsdelsförvaltningen Exempelstad (district totals)
U = NAMND
for y in YEARS:
    p = str(y)
    if y > LAST_VB:
        add(U, 'prognossakerhet_t2', p, 'T', target='0 ± 1', kf='0 +/- 1',
            goal='3.1.1', note='ej rapporterad ännu')
        add(U, 'vrakningar_barn', p, 'T', target='0', kf='Tas fram av nämnd',
            goal='1.1.1', note='ej rapporterad ännu')
        continue
    v = 0.9 * gauss()
    if y == 2020:
        v = 2.4           # the pandemic year: forecast far off
    add(U, 'prognossakerhet_t2', p, 'T', v, target='0 ± 1', kf='0 +/- 1',
        goal='3.1.1')
    tot = VRAK[('Vuxenenheten', y)] + VRAK[('Enheten för ekonomiskt bistånd', y)]
    add(U, 'vrakningar_barn', p, 'T', float(tot), target='0',
        kf='Tas fram av nämnd', goal='1.1.1',
        note='summa av Vuxenenheten och Enheten för ekonomiskt bistånd')

# summer jobs: counted year to date; nothing happens in T1
for p in TERTIAL:
    y, t = period_year(p), int(p[-1])
    tg, kf = '1 300 st', '11 500 st'
    if is_future(p):
        add(U, 'ungdomar_feriejobb', p, 'T', target=tg, kf=kf, goal='3.2.1',
            note='ej rapporterad ännu')
        continue
    if t == 1:
        for g in ('T', 'K', 'M'):
            add(U, 'ungdomar_feriejobb', p, g, target=tg, kf=kf,
                missing='ej tillämplig', goal='3.2.1',
                note='feriejobben ligger under sommaren (T2)')
        continue
    if t == 2:
        base = 1150 + 25 * (y - 2016) + 40 * gauss()
        if y == 2020:
            base -= 330
        summer = int(round(base))
        k = int(round(summer * clamp(0.52 + 0.015 * gauss(), 0.45, 0.6)))
        FJ = (summer, k)
    else:
        summer = FJ[0] + uniform_int(8, 40)
        k = FJ[1] + int(round((summer - FJ[0]) * 0.5))
    add(U, 'ungdomar_feriejobb', p, 'T', float(summer), target=tg, kf=kf,
        goal='3.2.1')
    add(U, 'ungdomar_feriejobb', p, 'K', float(k), target=tg, kf=kf,
        goal='3.2.1')
    add(U, 'ungdomar_feriejobb', p, 'M', float(summer - k), target=tg, kf=kf,
        goal='3.2.1')


def population_share(ind, pop0, growth, p0, dp, female, gap, tg_spec,
                     kf_spec, goal):
    for p in TERTIAL:
        y, t = period_year(p), int(p[-1])
        tg, kf = by_years(tg_spec, y), by_years(kf_spec, y)
        if is_future(p):
            add(U, ind, p, 'T', target=tg, kf=kf, goal=goal,
                note='ej rapporterad ännu')
            continue
        x = (y - 2016) + (t - 1) / 3.0
        pop = int(round(pop0 * (1.0 + growth) ** x))
        pk_n = int(round(pop * female))
        pm_n = pop - pk_n
        pt = p0 + dp * x + (0.0015 if (y, t) in COVID else 0.0)
        pt *= 1.0 + 0.02 * gauss()
        nk = int(round(pk_n * (pt + gap * (1 - female))))
        nm = int(round(pm_n * (pt - gap * female)))
        add(U, ind, p, 'T', 100.0 * (nk + nm) / pop, num=nk + nm, den=pop,
            target=tg, kf=kf, goal=goal)
        add(U, ind, p, 'K', 100.0 * nk / pk_n, num=nk, den=pk_n, target=tg,
            kf=kf, goal=goal)
        add(U, ind, p, 'M', 100.0 * nm / pm_n, num=nm, den=pm_n, target=tg,
            kf=kf, goal=goal)


population_share('ekonomiskt_bistand_befolkning', 61800, 0.008, 0.0192,
                 -0.0005, 0.505, -0.002,
                 [(2016, 2020, '2 %'), (2021, 2026, '1,5 %')],
                 [(2016, 2020, '2 %'), (2021, 2026, '1,5 %')], '1.3')
population_share('barn_ekonomiskt_bistand', 13900, 0.006, 0.036, -0.0012,
                 0.49, 0.0, [(2016, 2020, '3,5 %'), (2021, 2026, '2,5 %')],
                 [(2016, 2020, '3,5 %'), (2021, 2026, '2,5 %')], '1.1')

# ---------------------------------------------------------------- assessments


def num_of(s):
    s = s.replace('\u00a0', ' ').replace('st', '').replace('%', '').strip()
    s = s.replace(' ', '').replace(',', '.')
    try:
        return float(s)
    except ValueError:
        return None


def met(row, prev):
    """Judge a T row against its target; None when it cannot be judged."""
    if row['value'] == '':
        return None
    v = float(row['value'])
    t = row['target'].strip().lower()
    d = CAT[row['_id']]['direction']
    if t in ('öka', 'ökning'):
        return None if prev is None else v > prev
    if t in ('minska', 'minskning'):
        return None if prev is None else v < prev
    if t.startswith('max'):
        n = num_of(t[3:].split()[0])
        return v <= n
    if '±' in t or '+/-' in t:
        c, b = t.replace('+/-', '±').split('±')
        return abs(v - num_of(c)) <= num_of(b)
    n = num_of(t)
    if n is None:
        return None
    return v >= n if d == 'higher' else v <= n


def series_t(unit, ind_name):
    out = {}
    for r in ROWS:
        if r['unit'] == unit and r['indicator'] == ind_name and r['gender'] == 'T':
            out[r['period']] = r
    return out


def assess(goal_id, unit):
    verdicts = []
    seen = []
    for r in ROWS:
        if r['unit'] != unit or r['goal'] != goal_id:
            continue
        key = r['indicator']
        if key in seen:
            continue
        seen.append(key)
        s = series_t(unit, key)
        tert = CAT[r['_id']]['periodicity'] == 'tertial'
        cur = '%d-T3' % LAST_VB if tert else str(LAST_VB)
        prv = '%d-T3' % (LAST_VB - 1) if tert else str(LAST_VB - 1)
        if cur not in s:
            continue
        prev = s.get(prv)
        pv = float(prev['value']) if prev and prev['value'] != '' else None
        m = met(s[cur], pv)
        if m is not None:
            verdicts.append((key, m))
    if not verdicts:
        return '', verdicts
    n_met = sum(1 for _, m in verdicts if m)
    if n_met == len(verdicts):
        return 'Uppfylls helt', verdicts
    if n_met == 0:
        return 'Uppfylls inte', verdicts
    return 'Uppfylls delvis', verdicts


# Recorded assessments that deliberately disagree with the indicators, and
# goals that the units left unassessed.
OVERRIDE = {'E3': 'Uppfylls helt', 'E13': 'Uppfylls delvis'}
UNASSESSED = ('E10', 'E19')
NAMND_ASSESSMENT = {'1.4.1': 'Uppfylls helt', '1.3.2': 'Uppfylls delvis',
                    '3.4.1': 'Uppfylls delvis'}

ASSESSMENT = {}
for gid, parent, unit, text in UNIT_GOALS:
    if gid in UNASSESSED:
        continue
    verdict, v = assess(gid, unit)
    if gid in OVERRIDE:
        assert OVERRIDE[gid] != verdict, (gid, verdict, v)
        verdict = OVERRIDE[gid]
    ASSESSMENT[gid] = verdict
verdict, _ = assess('3.1.1', NAMND)
ASSESSMENT['3.1.1'] = verdict
ASSESSMENT.update(NAMND_ASSESSMENT)
assert ASSESSMENT['E3'] == 'Uppfylls helt'

# ---------------------------------------------------------------- writers

COLUMNS = ['unit', 'indicator', 'period', 'gender', 'value', 'numerator',
           'denominator', 'sd', 'target', 'kf_target', 'missing', 'goal',
           'note', 'source']


def write_text(path, text, encoding='utf-8'):
    with open(path, 'w', encoding=encoding, newline='') as fh:
        fh.write(text)


def write_demo():
    rows = sorted(ROWS, key=lambda r: (r['unit'], r['indicator'], r['period'],
                                       GORDER[r['gender']]))
    keys = set()
    for r in rows:
        k = (r['unit'], r['indicator'], r['period'], r['gender'])
        assert k not in keys, k
        keys.add(k)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow([r[c] for c in COLUMNS])
    write_text(os.path.join(HERE, 'demo.csv'), buf.getvalue())
    return rows


def write_goals():
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    w.writerow(['id', 'level', 'parent', 'unit', 'text', 'year', 'assessment'])
    children = {}
    for gid, level, parent, text in KF_GOALS:
        children.setdefault(parent, []).append(('G', gid, level, parent, '', text))
    for gid, parent, unit, text in UNIT_GOALS:
        children.setdefault(parent, []).append(('E', gid, 'enhetsmal', parent, unit, text))
    n = 0
    for y in YEARS:
        def walk(pid):
            nonlocal n
            for kind, gid, level, parent, unit, text in children.get(pid, []):
                a = ASSESSMENT.get(gid, '') if y == LAST_VB else ''
                w.writerow([gid, level, parent, unit, text, str(y), a])
                n += 1
                walk(gid)
        walk('')
    write_text(os.path.join(HERE, 'goals.csv'), buf.getvalue())
    return n


# VB-table form for one unit (Hemtjänsten Norr)
VB_UNIT = HN
VB_SLUG = 'hemtjansten-norr'
VB_INDICATORS = ['ami', 'ledarskapsindex', 'sjukfranvaro',
                 'sjukfranvaro_dag_1_14', 'rekommendera_aldreomsorg',
                 'vet_vart_vanda_sig', 'ekologiska_livsmedel',
                 'nojda_hemtjanst', 'paverka_hemtjanst', 'tryggt_hemma',
                 'hjalp_overenskommet', 'personal_14_dagar', 'hygienrutiner']
NBSP_ROWS = ('nojda_hemtjanst', 'hygienrutiner')   # "86\u00a0%" as in PDFs


def vb_value(ind, s, nbsp=False):
    if s == '':
        return ''
    d = dec(ind)
    txt = fmt(float(s), d).replace('.', ',')
    if CAT[ind]['measure'] == 'percent':
        txt += ('\u00a0%' if nbsp else ' %')
    return txt


def write_vb(vb_year):
    prev = vb_year - 1
    header = ['Indikator', 'Periodens utfall', 'Utfall män/pojkar',
              'Utfall kvinnor/flickor', 'Periodens utfall VB %d' % prev,
              'Årsmål', 'KF:s årsmål', 'Period']
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=';', lineterminator='\r\n')
    w.writerow(header)
    for ind in VB_INDICATORS:
        nm = name(ind)
        tert = CAT[ind]['periodicity'] == 'tertial'
        cur = '%d-T3' % vb_year if tert else str(vb_year)
        old = '%d-T3' % prev if tert else str(prev)
        get = {}
        for r in ROWS:
            if r['unit'] == VB_UNIT and r['indicator'] == nm and \
                    r['period'] in (cur, old):
                get[(r['period'], r['gender'])] = r
        t_cur = get[(cur, 'T')]
        nb = ind in NBSP_ROWS

        def val(period, g):
            r = get.get((period, g))
            return vb_value(ind, r['value'], nb) if r else ''
        w.writerow([nm, val(cur, 'T'), val(cur, 'M'), val(cur, 'K'),
                    val(old, 'T'), t_cur['target'], t_cur['kf_target'],
                    'VB %d' % vb_year])
    path = os.path.join(HERE, 'vb-%d-%s.csv' % (vb_year, VB_SLUG))
    write_text(path, buf.getvalue(), encoding='cp1252')


# An export from the follow-up system (ILS) of several units' VB tables in one
# file: the VB-table form with an Enhet column, as Excel saves it ("CSV UTF-8":
# a byte-order mark, semicolons, CRLF).
ILS_UNITS = ['Vuxenenheten', 'Familjeenheten']


def write_ils(vb_year):
    prev = vb_year - 1
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=';', lineterminator='\r\n')
    w.writerow(['Enhet', 'Indikator', 'Periodens utfall', 'Utfall män/pojkar',
                'Utfall kvinnor/flickor', 'Periodens utfall VB %d' % prev,
                'Årsmål', 'KF:s årsmål', 'Period'])
    by_id = {name(ind): ind for ind in CAT}
    n = 0
    for unit in ILS_UNITS:
        got = {}
        for r in ROWS:
            if r['unit'] == unit:
                got[(r['indicator'], r['period'], r['gender'])] = r
        for nm in sorted({k[0] for k in got}):
            ind = by_id[nm]
            tert = CAT[ind]['periodicity'] == 'tertial'
            cur = '%d-T3' % vb_year if tert else str(vb_year)
            old = '%d-T3' % prev if tert else str(prev)
            t_cur = got.get((nm, cur, 'T'))
            if t_cur is None:
                continue

            def val(period, g):
                r = got.get((nm, period, g))
                return vb_value(ind, r['value']) if r else ''
            w.writerow([unit, nm, val(cur, 'T'), val(cur, 'M'), val(cur, 'K'),
                        val(old, 'T'), t_cur['target'], t_cur['kf_target'],
                        'VB %d' % vb_year])
            n += 1
    write_text(os.path.join(HERE, 'ils-export-vb-%d.csv' % vb_year),
               '\ufeff' + buf.getvalue())
    return n


def main():
    rows = write_demo()
    ng = write_goals()
    write_vb(2026)
    write_vb(2025)
    ni = write_ils(2025)
    print('demo.csv: %d rows, %d units, %d indicators' % (
        len(rows), len({r['unit'] for r in rows}),
        len({r['indicator'] for r in rows})))
    print('goals.csv: %d rows' % ng)
    print('ils-export-vb-2025.csv: %d rows' % ni)
    for g in sorted(ASSESSMENT):
        print('  %-6s %s' % (g, ASSESSMENT[g]))


if __name__ == '__main__':
    main()
