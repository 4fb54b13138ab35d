#!/usr/bin/env python3
"""chart-colours-cvd.py [charts/chart_palette.c]: how far apart the charts' colours stay
for readers with deuteranopia or protanopia.

Reads the HEX_ colours of charts/chart_palette.c, simulates each as a dichromat sees
it (Machado, Oliveira and Fernandes 2009, severity 1, applied to linear sRGB) and
prints, for each group of colours that must be told apart on one chart, the smallest
CIEDE2000 difference between two of its members as seen normally, by a deuteranope
and by a protanope. Around 10 or more reads as clearly different; the charts never
rely on colour alone (dashes, marker shapes, symbols and words differ too). Python 3
standard library only; docs/accessibility.md quotes its output.
"""
import itertools
import math
import re
import sys

MACHADO = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
}
GROUPS = {
    "series (total, women, men, other)": ["BLUE", "ORANGE", "GREEN", "PURPLE"],
    "verdicts (met, partly, not met, other)": ["BLUE", "ORANGE", "VERMILLION", "GREY"],
    "funnel (inside, outside 95 %, outside 99,8 %)": ["BLUE", "ORANGE", "VERMILLION"],
    "SPC (signals 1-4, values, centre)": ["SIGNAL_1", "SIGNAL_2", "SIGNAL_3", "SIGNAL_4", "BLUE", "GREEN"],
}


def to_linear(c):
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def to_srgb(c):
    c = min(1.0, max(0.0, c))
    return round(255 * (c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055))


def channels(h):
    return [(h >> 16) & 255, (h >> 8) & 255, h & 255]


def simulate(h, kind):
    lin = [to_linear(c) for c in channels(h)]
    return [to_srgb(sum(m * c for m, c in zip(row, lin))) for row in MACHADO[kind]]


def lab(rgb):
    r, g, b = [to_linear(c) for c in rgb]
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(c1, c2):
    (l1, a1, b1), (l2, a2, b2) = lab(c1), lab(c2)
    cb = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cb ** 7 / (cb ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360
    h2 = math.degrees(math.atan2(b2, a2)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0 if c1p * c2p == 0 else (h2 - h1 + 180) % 360 - 180
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lb, cbp = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hb = h1 + h2
    elif abs(h1 - h2) <= 180:
        hb = (h1 + h2) / 2
    else:
        hb = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hb - 30)) + 0.24 * math.cos(math.radians(2 * hb))
         + 0.32 * math.cos(math.radians(3 * hb + 6)) - 0.20 * math.cos(math.radians(4 * hb - 63)))
    rt = -math.sin(math.radians(60 * math.exp(-((hb - 275) / 25) ** 2))) * 2 * math.sqrt(cbp ** 7 / (cbp ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (lb - 50) ** 2 / math.sqrt(20 + (lb - 50) ** 2)
    sc, sh = 1 + 0.045 * cbp, 1 + 0.015 * cbp * t
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "charts/chart_palette.c"
    hexes = {m[0]: int(m[1], 16) for m in re.findall(r"#define HEX_(\w+) 0x([0-9A-Fa-f]{6})", open(path).read())}
    for group, names in GROUPS.items():
        print(group + ": " + " ".join("#%06X" % hexes[n] for n in names))
        for kind in MACHADO:
            seen = {n: simulate(hexes[n], kind) for n in names}
            d, a, b = min((ciede2000(seen[a], seen[b]), a, b) for a, b in itertools.combinations(names, 2))
            print("  %-13s smallest difference %5.1f (%s and %s)" % (kind, d, a.lower(), b.lower()))


if __name__ == "__main__":
    main()
