/* test_charts.c: charts/ drawn from hand-built models: every kind in PNG, SVG
 * and PDF (file structure, size at the dpi, alt text), the geometry the layout
 * reports (årsmål at the scaled target, series and legend present, labels
 * neither overlapping nor leaving the canvas), determinism, and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charts.h"
#include "internal/chart_int.h" /* the tick generator, tested directly */

#include "lsan_fontconfig.h"

static char tmpdir[256];
static ind_chart_context *ctx;

/* ---- files ---------------------------------------------------------------- */

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *d = malloc((size_t)n + 1);
    assert_non_null(d);
    assert_int_equal(fread(d, 1, (size_t)n, f), (size_t)n);
    d[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return d;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* PNG: signature, IHDR size, and a pHYs chunk stating dpi. */
static void check_png(const char *path, double w_pt, double h_pt, double dpi)
{
    size_t n;
    unsigned char *d = slurp(path, &n);
    assert_non_null(d);
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    assert_true(n > 33);
    assert_memory_equal(d, sig, 8);
    assert_memory_equal(d + 12, "IHDR", 4);
    assert_int_equal(be32(d + 16), (uint32_t)lround(w_pt * dpi / 72));
    assert_int_equal(be32(d + 20), (uint32_t)lround(h_pt * dpi / 72));
    int phys = 0, iend = 0;
    for (size_t off = 8; off + 12 <= n;) {
        uint32_t len = be32(d + off);
        if (!memcmp(d + off + 4, "pHYs", 4)) {
            uint32_t ppm = be32(d + off + 8);
            assert_int_equal(ppm, (uint32_t)lround(dpi / 0.0254));
            assert_int_equal(d[off + 16], 1); /* unit: metre */
            phys = 1;
        }
        if (!memcmp(d + off + 4, "IEND", 4))
            iend = 1;
        off += 12 + len;
    }
    assert_true(phys);
    assert_true(iend);
    free(d);
}

/* SVG: well-formed XML with <title> and <desc> (python3's parser), and no
 * process-dependent surface numbers left. */
static void check_svg(const char *path, const char *must_mention)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); "
             "ns='{http://www.w3.org/2000/svg}'; "
             "assert r.tag==ns+'svg'; t=r.find(ns+'title'); d=r.find(ns+'desc'); "
             "assert t is not None and d is not None and len(d.text)>20; "
             "assert sys.argv[2] in d.text\" '%s' '%s'",
             path, must_mention);
    int rc = system(cmd);
    if (rc != 0 && WIFEXITED(rc) && WEXITSTATUS(rc) == 127) {
        /* no python3: at least the root element */
        size_t n;
        unsigned char *d = slurp(path, &n);
        assert_non_null(strstr((char *)d, "<svg"));
        assert_non_null(strstr((char *)d, "</svg>"));
        free(d);
        return;
    }
    assert_int_equal(rc, 0);
}

/* PDF: the header, the pages, and (for ours) no creation date. */
static void check_pdf(const char *path, int pages, int ours)
{
    size_t n;
    unsigned char *d = slurp(path, &n);
    assert_non_null(d);
    assert_true(n > 100);
    assert_memory_equal(d, "%PDF-", 5);
    int count = 0;
    for (size_t i = 0; i + 11 < n; i++)
        if (!memcmp(d + i, "/Type /Page", 11) && d[i + 11] != 's')
            count++;
    assert_int_equal(count, pages);
    for (size_t i = 0; ours && i + 13 < n; i++)
        assert_false(!memcmp(d + i, "/CreationDate", 13));
    free(d);
}

static void check_alt(const char *path, const char *must_mention)
{
    char alt[600];
    snprintf(alt, sizeof alt, "%s.alt.txt", path);
    size_t n;
    unsigned char *d = slurp(alt, &n);
    assert_non_null(d);
    assert_true(n > 20);
    if (!strstr((char *)d, must_mention))
        fail_msg("alt text of %s does not mention %s: %s", path, must_mention, d);
    free(d);
}

/* No temporary files left in the directory. */
static void check_no_temp(void)
{
    DIR *dir = opendir(tmpdir);
    assert_non_null(dir);
    struct dirent *e;
    while ((e = readdir(dir)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            fail_msg("a temporary file was left behind: %s", e->d_name);
    closedir(dir);
}

/* ---- layout checks ------------------------------------------------------------ */

static int is_text(const ind_chart_element *e)
{
    return e->text && e->fate != IND_CHART_DROPPED;
}

/* No two drawn texts overlap; none leaves the rectangle drawn into. */
static void check_labels(const ind_chart_layout *l)
{
    const double eps = 0.01;
    for (size_t i = 0; i < l->count; i++) {
        const ind_chart_element *a = &l->el[i];
        if (!is_text(a))
            continue;
        if (a->x0 < l->x - eps || a->y0 < l->y - eps || a->x1 > l->x + l->width + eps ||
            a->y1 > l->y + l->height + eps)
            fail_msg("text \"%s\" leaves the canvas: [%g %g %g %g] in %g × %g", a->text, a->x0, a->y0, a->x1,
                     a->y1, l->width, l->height);
        for (size_t j = i + 1; j < l->count; j++) {
            const ind_chart_element *b = &l->el[j];
            if (!is_text(b))
                continue;
            if (a->x0 < b->x1 - eps && b->x0 < a->x1 - eps && a->y0 < b->y1 - eps && b->y0 < a->y1 - eps)
                fail_msg("texts overlap: \"%s\" [%g %g %g %g] and \"%s\" [%g %g %g %g]", a->text, a->x0, a->y0,
                         a->x1, a->y1, b->text, b->x0, b->y0, b->x1, b->y1);
        }
    }
    /* the counts agree with the fates */
    size_t nudged = 0, dropped = 0;
    for (size_t i = 0; i < l->count; i++) {
        nudged += l->el[i].fate == IND_CHART_NUDGED;
        dropped += l->el[i].fate == IND_CHART_DROPPED;
        if (l->el[i].fate == IND_CHART_NUDGED)
            assert_true(fabs(l->el[i].dy) > 0);
    }
    assert_int_equal(nudged, l->nudged);
    assert_int_equal(dropped, l->dropped);
}

static const ind_chart_element *find_text(const ind_chart_layout *l, ind_chart_el_kind kind, const char *text)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->el[i].kind == kind && l->el[i].text && !strcmp(l->el[i].text, text))
            return &l->el[i];
    return NULL;
}

static size_t count_kind(const ind_chart_layout *l, ind_chart_el_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < l->count; i++)
        n += l->el[i].kind == kind;
    return n;
}

/* Every line element of kind sits at its value on the plot's scale (0.5 px). */
static size_t check_lines_at_value(const ind_chart_layout *l, ind_chart_el_kind kind, int vertical)
{
    size_t n = 0;
    for (size_t i = 0; i < l->count; i++) {
        const ind_chart_element *e = &l->el[i];
        if (e->kind != kind)
            continue;
        const ind_chart_element *plot = ind_chart_layout_find(l, IND_CHART_EL_PLOT, e->panel);
        assert_non_null(plot);
        double want = vertical ? ind_chart_plot_x(plot, e->value) : ind_chart_plot_y(plot, e->value);
        if (fabs(e->y - want) * l->px_per_pt > 0.5)
            fail_msg("line at value %g drawn at %g, scale says %g", e->value, e->y, want);
        if (!vertical)
            assert_true(fabs((e->y0 + e->y1) / 2 - want) * l->px_per_pt <= 0.5);
        n++;
    }
    return n;
}

/* ---- models ------------------------------------------------------------------- */

static ind_period years[6];
static double tot[6] = {5.1, 6.2, 7.4, 6.9, 6.7, 6.3}, kv[6] = {5.8, 7.0, 8.1, 7.7, 7.4, 7.1},
              man[6] = {3.2, 4.1, 5.0, 4.4, 4.0, 3.9};
static double tgt[6] = {NAN, 5, 5, 4.5, 4, 4}, kf[6] = {NAN, NAN, 5.5, 5.5, 5, 5};
static double nbase[6] = {412, 405, 398, 420, 431, 428};
static double blo[6] = {5.2, 5.5, 5.8, 6.0, 6.2, 6.3}, bhi[6] = {6.6, 6.7, 6.9, 7.1, 7.4, 7.6};
static ind_chart_series series3[3];
static ind_chart_trendline tline;
static ind_chart_note notes[1];
static ind_chart_trend trend;

static void make_trend(void)
{
    /* 2019-2022, then 2024-2025: 2023 is missing */
    for (int i = 0; i < 6; i++)
        years[i] = ind_period_make(2019 + i + (i >= 4), IND_PERIOD_YEAR, 0);
    series3[0] = (ind_chart_series){IND_GENDER_T, NULL, tot, nbase};
    series3[1] = (ind_chart_series){IND_GENDER_K, NULL, kv, NULL};
    series3[2] = (ind_chart_series){IND_GENDER_M, NULL, man, NULL};
    tline = (ind_chart_trendline){years[0], years[5], 5.9, 6.9, 0, "Trend +0,2 procentenheter per år"};
    notes[0] = (ind_chart_note){years[2], "Ny definition av sjukfrånvaro"};
    trend = (ind_chart_trend){.indicator = "Sjukfrånvaro",
                              .unit = "Vuxenenheten",
                              .count = 6,
                              .periods = years,
                              .series_count = 3,
                              .series = series3,
                              .target = tgt,
                              .kf_target = kf,
                              .percent = 1,
                              .decimals = -1,
                              .trend = &tline,
                              .band_lo = blo,
                              .band_hi = bhi,
                              .note_count = 1,
                              .notes = notes};
}

static ind_period p5[5];
static double ami[5] = {78, 80, 79, 82, 84}, amit[5] = {80, 80, 82, 82, 83};
static double sjk[5] = {6.1, 7.4, 6.9, 6.7, 6.3}, sjkt[5] = {5, 5, 4.5, 4, 4};
static double fr[5] = {NAN, 12, 25, 41, 57}, frt[5] = {NAN, NAN, 50, 60, 60};
static double utr[5] = {71, 69, 74, 73, 71};
static ind_chart_panel panels[4];
static ind_chart_multiples multiples;

static void make_multiples(void)
{
    for (int i = 0; i < 5; i++)
        p5[i] = ind_period_make(2020 + i, IND_PERIOD_YEAR, 0);
    panels[0] = (ind_chart_panel){"Aktivt medskapandeindex (AMI)", 5, p5, ami, amit, 0, -1, IND_VERDICT_MET, NULL, 0, NULL};
    panels[1] = (ind_chart_panel){"Sjukfrånvaro", 5, p5, sjk, sjkt, 1, -1, IND_VERDICT_NOT_MET, NULL, 0, NULL};
    panels[2] = (ind_chart_panel){"Andel ärenden där FREDA-kortfrågor ställts", 5, p5, fr, frt, 1, -1,
                                  IND_VERDICT_PARTLY, NULL, 0, NULL};
    panels[3] = (ind_chart_panel){"Andel utredningar klara inom fyra månader", 5, p5, utr, NULL, 1, -1,
                                  IND_VERDICT_NO_TARGET, NULL, 0, NULL};
    multiples = (ind_chart_multiples){"Vuxenenheten", "Utfall 2020–2024 och årsmål", 4, panels, 0, 0, NULL};
}

static ind_chart_unit_value units[6];
static ind_chart_compare compare;

static void make_compare(void)
{
    units[0] = (ind_chart_unit_value){"Vuxenenheten", 41.0, 29.0, 54.2, 60, 61, 1};
    units[1] = (ind_chart_unit_value){"Barn och unga", 57.1, 45.4, 68.1, 60, 70, 0};
    units[2] = (ind_chart_unit_value){"Ekonomiskt bistånd", 18.2, 8.6, 34.4, 50, 33, 0};
    units[3] = (ind_chart_unit_value){"Socialpsykiatri", 66.7, 47.8, 81.4, 60, 27, 0};
    units[4] = (ind_chart_unit_value){"Mottagningsenheten", 35.0, 22.1, 50.5, NAN, 40, 0};
    units[5] = (ind_chart_unit_value){"Missbruksenheten", 4.5, 0.8, 21.8, 50, 22, 0};
    compare = (ind_chart_compare){"Andel ärenden där FREDA-kortfrågor ställts",
                                  ind_period_make(2024, IND_PERIOD_YEAR, 0),
                                  6,
                                  units,
                                  40.4,
                                  NULL,
                                  NULL,
                                  1,
                                  1,
                                  IND_CHART_SORT_DESCENDING,
                                  0};
}

static ind_chart_funnel_point fpts[8];
static ind_chart_funnel_limit flim[40];
static ind_chart_funnel funnel;

static void make_funnel(void)
{
    static const char *names[8] = {"Kungsholmen", "Norrmalm", "Östermalm", "Södermalm",
                                   "Skarpnäck", "Farsta", "Älvsjö", "Bromma"};
    static const double n[8] = {40, 70, 35, 148, 180, 90, 260, 240};
    static const double p[8] = {0.30, 0.43, 0.23, 0.41, 0.50, 0.22, 0.58, 0.46};
    static const ind_funnel_class cls[8] = {IND_FUNNEL_BELOW_95, IND_FUNNEL_WITHIN, IND_FUNNEL_BELOW_95,
                                            IND_FUNNEL_WITHIN, IND_FUNNEL_WITHIN, IND_FUNNEL_BELOW_998,
                                            IND_FUNNEL_ABOVE_998, IND_FUNNEL_WITHIN};
    for (int i = 0; i < 8; i++)
        fpts[i] = (ind_chart_funnel_point){names[i], n[i], p[i], cls[i], i == 1};
    /* limits around 0.43 on the arcsine scale, as the engine would give them */
    double th = asin(sqrt(0.43));
    for (int i = 0; i < 40; i++) {
        double nn = 10 + i * 7.5, s = sqrt(1 / (4 * nn));
        double a[4] = {th - 1.959964 * s, th + 1.959964 * s, th - 3.090232 * s, th + 3.090232 * s};
        for (int k = 0; k < 4; k++) {
            a[k] = fmin(fmax(a[k], 0), M_PI / 2);
            a[k] = sin(a[k]) * sin(a[k]);
        }
        flim[i] = (ind_chart_funnel_limit){nn, a[0], a[1], a[2], a[3]};
    }
    funnel = (ind_chart_funnel){"Andel ärenden där FREDA-kortfrågor ställts",
                                ind_period_make(2024, IND_PERIOD_YEAR, 0),
                                NULL,
                                8,
                                fpts,
                                40,
                                flim,
                                0.43,
                                0.5,
                                1,
                                -1};
}

static ind_period tert[24];
static double spv[24] = {6.8, 7.1, 6.5, 7.0, 6.9, 7.3, 6.6, 7.2, 7.0, 6.7, 7.4, 7.1,
                         7.8, 8.2, 8.0, 8.4, 8.1, 8.6, 7.9, 8.3, 6.9, 6.2, 6.0, 5.8};
static double spc_cl[24], spc_lcl[24], spc_ucl[24], spc_t[24];
static ind_chart_signal signals[2];
static ind_chart_spc spc;

static void make_spc(void)
{
    for (int i = 0; i < 24; i++) {
        tert[i] = ind_period_make(2017 + i / 3, IND_PERIOD_TERTIAL, i % 3 + 1);
        spc_cl[i] = 7.3;
        spc_lcl[i] = 6.1;
        spc_ucl[i] = 8.5;
        spc_t[i] = i < 18 ? 7.0 : 6.5;
    }
    signals[0] = (ind_chart_signal){"Lång serie: 8 punkter över medelvärdet", 12, 19};
    signals[1] = (ind_chart_signal){"Punkt utanför kontrollgränsen", 17, 17};
    spc = (ind_chart_spc){"Sjukfrånvaro", "Hemtjänsten", 24, tert, spv, spc_cl, spc_lcl, spc_ucl, NULL, 2, signals,
                          spc_t, 1, 0, -1, 0};
}

static ind_chart_status_row rows[6];
static ind_chart_status status;

static void make_status(void)
{
    rows[0] = (ind_chart_status_row){"Aktivt medskapandeindex (AMI)", "84", "83", IND_VERDICT_MET, NULL,
                                     IND_CHART_ARROW_UP, IND_CHART_IMPROVING, NULL};
    rows[1] = (ind_chart_status_row){"Sjukfrånvaro", "6,3 %", "4 %", IND_VERDICT_NOT_MET, NULL,
                                     IND_CHART_ARROW_DOWN, IND_CHART_IMPROVING, NULL};
    rows[2] = (ind_chart_status_row){"Andel ärenden där FREDA-kortfrågor ställts vid utredning av våld i nära relationer",
                                     "57 % (34 av 60)", "60 %", IND_VERDICT_PARTLY, NULL, IND_CHART_ARROW_UP,
                                     IND_CHART_IMPROVING, NULL};
    rows[3] = (ind_chart_status_row){"Ledarskapsindex", "78", "80", IND_VERDICT_PARTLY, NULL, IND_CHART_ARROW_FLAT,
                                     IND_CHART_NEUTRAL, NULL};
    rows[4] = (ind_chart_status_row){"Sjukfrånvaro dag 1–14", "2,4 %", "Tas fram av nämnd/styrelse",
                                     IND_VERDICT_NO_TARGET, NULL, IND_CHART_ARROW_UP, IND_CHART_WORSENING, NULL};
    rows[5] = (ind_chart_status_row){"Antal vräkningar som berör barn", NULL, "0", IND_VERDICT_NO_DATA, NULL,
                                     IND_CHART_ARROW_NONE, IND_CHART_NEUTRAL, NULL};
    status = (ind_chart_status){"Vuxenenheten", ind_period_make(2024, IND_PERIOD_YEAR, 0), NULL, 6, rows};
}

/* ---- one call for every kind ---------------------------------------------- */

#define KINDS 6 /* IND_CHART_TREND ... IND_CHART_STATUS */
static const void *const models[KINDS] = {&trend, &multiples, &compare, &funnel, &spc, &status};
static const char *const kind_mentions[KINDS] = {"Sjukfrånvaro", "Sjukfrånvaro", "FREDA", "FREDA", "Sjukfrånvaro",
                                                 "Sjukfrånvaro"};

static ind_status render(ind_chart_kind k, const ind_chart_options *o, const char *path, ind_chart_layout *l,
                         ind_error *err)
{
    return ind_chart_render(k, models[k], o, path, l, err);
}

static ind_status draw(ind_chart_kind k, cairo_t *cr, double x, double y, double w, double h,
                       const ind_chart_options *o, ind_chart_layout *l, ind_error *err)
{
    return ind_chart_draw(cr, x, y, w, h, k, models[k], o, l, err);
}

static void options(ind_chart_options *o)
{
    ind_chart_options_init(o);
    o->ctx = ctx;
    o->caption = "Källa: exempeldata";
}

/* ---- tests ------------------------------------------------------------------ */

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_charts.XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    ctx = ind_chart_context_new();
    make_trend();
    make_multiples();
    make_compare();
    make_funnel();
    make_spc();
    make_status();
    return ctx ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ind_chart_context_free(ctx);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Every kind in every format: the files, their alt text, the layout rules. */
static void test_every_kind_every_format(void **state)
{
    (void)state;
    static const char *const ext[3] = {"png", "svg", "pdf"};
    for (ind_chart_kind k = IND_CHART_TREND; k < KINDS; k++)
        for (int f = 0; f < 3; f++) {
            ind_chart_options o;
            options(&o);
            o.dpi = f == 0 && k % 2 ? 150 : 0;
            char path[512];
            snprintf(path, sizeof path, "%s/chart-%s.%s", tmpdir, ind_chart_kind_name(k), ext[f]);
            ind_chart_layout l;
            ind_chart_layout_init(&l);
            ind_error err;
            ind_status st = render(k, &o, path, &l, &err);
            if (st != IND_OK)
                fail_msg("%s: %s", path, err.message);
            /* the canvas: 480 wide; trend, funnel, spc 300 high, the others as needed */
            assert_true(l.width == 480);
            if (k == IND_CHART_TREND || k == IND_CHART_FUNNEL || k == IND_CHART_SPC)
                assert_true(l.height == 300);
            else
                assert_true(l.height > 100 && l.height < 1000);
            if (f == 0) {
                double dpi = o.dpi > 0 ? o.dpi : 96;
                check_png(path, l.width, l.height, dpi);
                assert_true(fabs(l.px_per_pt - dpi / 72) < 0.01);
            } else if (f == 1)
                check_svg(path, kind_mentions[k]);
            else
                check_pdf(path, 1, 1);
            check_alt(path, kind_mentions[k]);
            assert_non_null(l.alt);
            assert_non_null(strstr(l.alt, kind_mentions[k]));
            check_labels(&l);
            assert_non_null(ind_chart_layout_find(&l, IND_CHART_EL_TITLE, -1));
            assert_non_null(ind_chart_layout_find(&l, IND_CHART_EL_CAPTION, -1));
            ind_chart_layout_free(&l);
        }
    check_no_temp();
}

/* The trend chart: årsmål and KF:s årsmål at their scaled values, every series
 * and legend entry, latest values and end labels in Swedish format, real time
 * on the x axis with whole-year labels. */
static void test_trend_geometry(void **state)
{
    (void)state;
    ind_chart_options o;
    options(&o);
    char path[512];
    snprintf(path, sizeof path, "%s/geometry.png", tmpdir);
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render(IND_CHART_TREND, &trend, &o, path, &l, NULL), IND_OK);
    /* five årsmål segments (2020-2022, 2024-2025), four KF segments */
    assert_int_equal(check_lines_at_value(&l, IND_CHART_EL_TARGET_LINE, 0), 5);
    assert_int_equal(check_lines_at_value(&l, IND_CHART_EL_KF_TARGET_LINE, 0), 4);
    const ind_chart_element *plot = ind_chart_layout_find(&l, IND_CHART_EL_PLOT, -1);
    assert_non_null(plot);
    assert_true(plot->ylo == 0); /* a percentage axis starts at 0 */
    /* series lines, markers and legend entries */
    for (int s = 0; s < 3; s++) {
        int line = 0, markers = 0, legend = 0;
        for (size_t i = 0; i < l.count; i++) {
            const ind_chart_element *e = &l.el[i];
            if (e->series != s)
                continue;
            line += e->kind == IND_CHART_EL_SERIES_LINE;
            legend += e->kind == IND_CHART_EL_LEGEND_ENTRY;
            if (e->kind == IND_CHART_EL_MARKER) {
                markers++;
                assert_true(fabs(e->y - ind_chart_plot_y(plot, e->value)) * l.px_per_pt <= 0.5);
            }
        }
        assert_int_equal(line, 1);
        assert_int_equal(markers, 6);
        assert_int_equal(legend, 1);
    }
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "Totalt"));
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "Kvinnor"));
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "Män"));
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "Årsmål"));
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "KF:s årsmål"));
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "Trend +0,2 procentenheter per år"));
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "95 % konfidensintervall"));
    assert_int_equal(count_kind(&l, IND_CHART_EL_TREND_LINE), 1);
    assert_int_equal(count_kind(&l, IND_CHART_EL_BAND), 1);
    /* labels: the latest values, the årsmål at its end (whole: no decimals) */
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "6,3 %"));
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "7,1 %"));
    const ind_chart_element *tl = find_text(&l, IND_CHART_EL_LABEL, "Årsmål 4 %");
    assert_non_null(tl);
    assert_int_not_equal(tl->fate, IND_CHART_DROPPED);
    assert_true(tl->x0 >= plot->x1); /* beyond the last period, at the line's end */
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "KF:s årsmål 5 %"));
    assert_non_null(find_text(&l, IND_CHART_EL_AXIS_LABEL, "n = 428"));
    assert_non_null(find_text(&l, IND_CHART_EL_FOOTNOTE, "1  2021: Ny definition av sjukfrånvaro"));
    /* whole years only, 2023 among them (a gap, not a squeeze) */
    int years_seen = 0;
    for (size_t i = 0; i < l.count; i++) {
        const ind_chart_element *e = &l.el[i];
        if (e->kind != IND_CHART_EL_AXIS_LABEL || !e->text || strncmp(e->text, "20", 2))
            continue;
        if (strlen(e->text) == 4) {
            years_seen++;
            assert_null(strchr(e->text, ','));
            assert_null(strchr(e->text, '.'));
        }
    }
    assert_int_equal(years_seen, 7);
    assert_non_null(find_text(&l, IND_CHART_EL_AXIS_LABEL, "2023"));
    /* real time: 2022 -> 2024 is twice 2021 -> 2022 */
    double x[6];
    for (size_t i = 0; i < l.count; i++)
        if (l.el[i].kind == IND_CHART_EL_MARKER && l.el[i].series == 0)
            x[l.el[i].index] = (l.el[i].x0 + l.el[i].x1) / 2;
    assert_true(fabs((x[4] - x[3]) - 2 * (x[3] - x[2])) < 1e-6);
    check_labels(&l);
    ind_chart_layout_free(&l);
}

/* Four series ending close together: the collision pass nudges labels apart
 * (recording how far) or drops the lesser ones; nothing overlaps. */
static void test_label_collisions(void **state)
{
    (void)state;
    double a[3] = {50, 51, 50.2}, b[3] = {49, 50.1, 50.4}, c[3] = {48, 50.4, 50.3}, d[3] = {47, 49.8, 50.1};
    double t[3] = {50, 50, 50.3};
    ind_period p[3] = {ind_period_make(2022, IND_PERIOD_YEAR, 0), ind_period_make(2023, IND_PERIOD_YEAR, 0),
                       ind_period_make(2024, IND_PERIOD_YEAR, 0)};
    ind_chart_series s[4] = {{IND_GENDER_T, NULL, a, NULL},
                             {IND_GENDER_K, NULL, b, NULL},
                             {IND_GENDER_M, NULL, c, NULL},
                             {IND_GENDER_X, NULL, d, NULL}};
    ind_chart_trend m = {.indicator = "Andel nöjda brukare", .unit = "Hemtjänsten", .count = 3, .periods = p,
                         .series_count = 4, .series = s, .target = t, .percent = 1, .decimals = 1};
    ind_chart_options o;
    options(&o);
    o.width = 300;
    o.height = 200;
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    cairo_surface_t *sf = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, NULL);
    cairo_t *cr = cairo_create(sf);
    assert_int_equal(ind_chart_draw(cr, 0, 0, 300, 200, IND_CHART_TREND, &m, &o, &l, NULL), IND_OK);
    assert_true(l.nudged + l.dropped >= 2);
    check_labels(&l);
    /* the highest priority label (Totalt) is never the one dropped */
    const ind_chart_element *tot_label = find_text(&l, IND_CHART_EL_LABEL, "50,2 %");
    assert_non_null(tot_label);
    assert_int_not_equal(tot_label->fate, IND_CHART_DROPPED);
    cairo_destroy(cr);
    cairo_surface_destroy(sf);
    ind_chart_layout_free(&l);
}

/* Small multiples: one plot, årsmål and verdict per panel; verdict words. */
static void test_multiples_panels(void **state)
{
    (void)state;
    ind_chart_options o;
    options(&o);
    char path[512];
    snprintf(path, sizeof path, "%s/multiples.svg", tmpdir);
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render(IND_CHART_MULTIPLES, &multiples, &o, path, &l, NULL), IND_OK);
    assert_int_equal(count_kind(&l, IND_CHART_EL_PANEL), 4);
    assert_int_equal(count_kind(&l, IND_CHART_EL_PLOT), 4);
    assert_int_equal(count_kind(&l, IND_CHART_EL_VERDICT), 4);
    check_lines_at_value(&l, IND_CHART_EL_TARGET_LINE, 0);
    assert_non_null(find_text(&l, IND_CHART_EL_VERDICT, "Uppfylls helt"));
    assert_non_null(find_text(&l, IND_CHART_EL_VERDICT, "Uppfylls delvis"));
    assert_non_null(find_text(&l, IND_CHART_EL_VERDICT, "Uppfylls inte"));
    assert_non_null(find_text(&l, IND_CHART_EL_VERDICT, "Årsmål saknas"));
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "Uppfylls delvis"));
    /* each panel's latest value */
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "84"));
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "6,3 %"));
    /* the height fits the content */
    assert_true(fabs(l.height - ind_chart_height(IND_CHART_MULTIPLES, &multiples, &o, 480)) < 1e-9);
    check_labels(&l);
    ind_chart_layout_free(&l);
}

/* Compare: sorted rows, targets as ticks at their values, the pooled line. */
static void test_compare_rows(void **state)
{
    (void)state;
    ind_chart_options o;
    options(&o);
    char path[512];
    snprintf(path, sizeof path, "%s/compare.pdf", tmpdir);
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render(IND_CHART_COMPARE, &compare, &o, path, &l, NULL), IND_OK);
    assert_int_equal(count_kind(&l, IND_CHART_EL_MARKER), 6);
    assert_int_equal(count_kind(&l, IND_CHART_EL_INTERVAL), 6);
    assert_int_equal(check_lines_at_value(&l, IND_CHART_EL_TARGET_LINE, 1), 5);
    assert_int_equal(check_lines_at_value(&l, IND_CHART_EL_REFERENCE_LINE, 1), 1);
    /* descending: row k's value is at least row k+1's */
    double prev = INFINITY;
    for (int k = 0; k < 6; k++)
        for (size_t i = 0; i < l.count; i++)
            if (l.el[i].kind == IND_CHART_EL_MARKER && l.el[i].index == k) {
                assert_true(l.el[i].value <= prev);
                prev = l.el[i].value;
            }
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "41,0 % (n = 61)"));
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "Alla enheter 40,4 %"));
    check_labels(&l);
    ind_chart_layout_free(&l);
}

/* Funnel: every point, the limits, outlying units named, the centre line. */
static void test_funnel_points(void **state)
{
    (void)state;
    ind_chart_options o;
    options(&o);
    char path[512];
    snprintf(path, sizeof path, "%s/funnel.png", tmpdir);
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render(IND_CHART_FUNNEL, &funnel, &o, path, &l, NULL), IND_OK);
    assert_int_equal(count_kind(&l, IND_CHART_EL_MARKER), 8);
    assert_int_equal(count_kind(&l, IND_CHART_EL_LIMIT_LINE), 4);
    assert_int_equal(check_lines_at_value(&l, IND_CHART_EL_REFERENCE_LINE, 0), 1);
    assert_int_equal(check_lines_at_value(&l, IND_CHART_EL_TARGET_LINE, 0), 1);
    /* outlying and highlighted units are labelled (unless the collision pass had to drop one) */
    const char *named[5] = {"Kungsholmen", "Östermalm", "Farsta", "Älvsjö", "Norrmalm"};
    for (int i = 0; i < 5; i++)
        assert_non_null(find_text(&l, IND_CHART_EL_LABEL, named[i]));
    assert_null(find_text(&l, IND_CHART_EL_LABEL, "Bromma"));
    check_labels(&l);
    ind_chart_layout_free(&l);
}

/* SPC: signals highlighted and in the legend, limits and centre as lines. */
static void test_spc_signals(void **state)
{
    (void)state;
    ind_chart_options o;
    options(&o);
    char path[512];
    snprintf(path, sizeof path, "%s/spc.svg", tmpdir);
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render(IND_CHART_SPC, &spc, &o, path, &l, NULL), IND_OK);
    assert_int_equal(count_kind(&l, IND_CHART_EL_SIGNAL), 2);
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY,
                              "Lång serie: 8 punkter över medelvärdet (2021 T1–2023 T2)"));
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "Punkt utanför kontrollgränsen (2022 T3)"));
    assert_int_equal(check_lines_at_value(&l, IND_CHART_EL_REFERENCE_LINE, 0), 24);
    assert_int_equal(check_lines_at_value(&l, IND_CHART_EL_LIMIT_LINE, 0), 48);
    assert_int_equal(check_lines_at_value(&l, IND_CHART_EL_TARGET_LINE, 0), 24);
    assert_int_equal(count_kind(&l, IND_CHART_EL_MARKER), 24);
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "ÖKG 8,5 %"));
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "Årsmål 6,5 %"));
    assert_non_null(strstr(l.alt, "Signal 1: Lång serie"));
    check_labels(&l);
    ind_chart_layout_free(&l);
}

/* Status: a row per indicator, verdict by symbol and word, trend words from the model. */
static void test_status_rows(void **state)
{
    (void)state;
    ind_chart_options o;
    options(&o);
    char path[512];
    snprintf(path, sizeof path, "%s/status.png", tmpdir);
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render(IND_CHART_STATUS, &status, &o, path, &l, NULL), IND_OK);
    assert_int_equal(count_kind(&l, IND_CHART_EL_VERDICT), 6);
    assert_int_equal(count_kind(&l, IND_CHART_EL_ARROW), 6);
    assert_non_null(find_text(&l, IND_CHART_EL_CELL, "Indikator"));
    assert_non_null(find_text(&l, IND_CHART_EL_CELL, "Tas fram av nämnd/styrelse"));
    assert_non_null(find_text(&l, IND_CHART_EL_VERDICT, "Utfall saknas"));
    /* Sjukfrånvaro going down is an improvement: the model says so */
    int seen = 0;
    for (size_t i = 0; i < l.count; i++)
        if (l.el[i].kind == IND_CHART_EL_ARROW && l.el[i].index == 1) {
            assert_string_equal(l.el[i].text, "förbättras");
            assert_int_equal((int)l.el[i].value, IND_CHART_ARROW_DOWN);
            seen = 1;
        }
    assert_true(seen);
    assert_non_null(strstr(l.alt, "1 uppfylls helt, 2 delvis, 1 inte, 2 bedöms inte"));
    check_labels(&l);
    /* a fixed height too small: rows left out are said to be */
    ind_chart_options o2 = o;
    o2.height = 140;
    ind_chart_layout_free(&l);
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render(IND_CHART_STATUS, &status, &o2, path, &l, NULL), IND_OK);
    assert_true(count_kind(&l, IND_CHART_EL_VERDICT) < 6);
    int note = 0;
    for (size_t i = 0; i < l.count; i++)
        if (l.el[i].kind == IND_CHART_EL_FOOTNOTE && strstr(l.el[i].text, "indikatorer till"))
            note = 1;
    assert_true(note);
    check_labels(&l);
    ind_chart_layout_free(&l);
}

/* The same input gives the same bytes (SVG and PDF), also with a fresh context
 * and after other charts were drawn (cairo's process-wide counters). */
static void test_determinism(void **state)
{
    (void)state;
    static const char *const ext[2] = {"svg", "pdf"};
    for (ind_chart_kind k = IND_CHART_TREND; k < KINDS; k++)
        for (int f = 0; f < 2; f++) {
            char p1[512], p2[512];
            snprintf(p1, sizeof p1, "%s/det1-%s.%s", tmpdir, ind_chart_kind_name(k), ext[f]);
            snprintf(p2, sizeof p2, "%s/det2-%s.%s", tmpdir, ind_chart_kind_name(k), ext[f]);
            ind_chart_options o;
            options(&o);
            assert_int_equal(render(k, &o, p1, NULL, NULL), IND_OK);
            ind_chart_context *fresh = ind_chart_context_new();
            assert_non_null(fresh);
            o.ctx = fresh;
            assert_int_equal(render(k, &o, p2, NULL, NULL), IND_OK);
            ind_chart_context_free(fresh);
            size_t n1, n2;
            unsigned char *a = slurp(p1, &n1), *b = slurp(p2, &n2);
            assert_non_null(a);
            assert_non_null(b);
            if (n1 != n2 || memcmp(a, b, n1))
                fail_msg("%s and %s differ", p1, p2);
            free(a);
            free(b);
        }
}

/* Drawing into a caller's context: inside the rectangle given, state restored. */
static void test_draw_into_page(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/page.pdf", tmpdir);
    cairo_surface_t *sf = cairo_pdf_surface_create(path, 595, 842);
    cairo_t *cr = cairo_create(sf);
    cairo_set_line_width(cr, 7);
    double y = 40;
    int pages = 1;
    for (ind_chart_kind k = IND_CHART_TREND; k < KINDS; k++) {
        ind_chart_options o;
        options(&o);
        ind_chart_layout l;
        ind_chart_layout_init(&l);
        double h = k == IND_CHART_STATUS || k == IND_CHART_MULTIPLES || k == IND_CHART_COMPARE ? 0 : 200;
        if (y > 500) {
            cairo_show_page(cr);
            pages++;
            y = 40;
        }
        ind_error err;
        if (draw(k, cr, 60, y, 400, h, &o, &l, &err) != IND_OK)
            fail_msg("%s: %s", ind_chart_kind_name(k), err.message);
        assert_true(l.x == 60 && l.y == y && l.width == 400);
        if (h > 0)
            assert_true(l.height == h);
        for (size_t i = 0; i < l.count; i++) {
            const ind_chart_element *e = &l.el[i];
            if (e->fate == IND_CHART_DROPPED)
                continue;
            if (e->x0 < 60 - 1e-6 || e->x1 > 460 + 1e-6 || e->y0 < y - 1e-6 || e->y1 > y + l.height + 1e-6)
                fail_msg("%s: element %d outside the rectangle", ind_chart_kind_name(k), (int)e->kind);
        }
        check_labels(&l);
        y += l.height + 20;
        ind_chart_layout_free(&l);
        assert_true(cairo_get_line_width(cr) == 7);
    }
    cairo_destroy(cr);
    cairo_surface_finish(sf);
    assert_int_equal(cairo_surface_status(sf), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(sf);
    check_pdf(path, pages, 0);
}

/* The PNG writer is lossless: the file decodes (with libpng, through cairo)
 * to the very pixels drawn, in the fast and the small mode. */
static void test_png_lossless(void **state)
{
    (void)state;
    for (int small = 0; small < 2; small++) {
        ind_chart_options o;
        options(&o);
        o.dpi = 150;
        o.png_small = small;
        char path[512];
        snprintf(path, sizeof path, "%s/lossless%d.png", tmpdir, small);
        assert_int_equal(ind_chart_render(IND_CHART_TREND, &trend, &o, path, NULL, NULL), IND_OK);
        cairo_surface_t *file = cairo_image_surface_create_from_png(path);
        assert_int_equal(cairo_surface_status(file), CAIRO_STATUS_SUCCESS);
        int w = cairo_image_surface_get_width(file), h = cairo_image_surface_get_height(file);
        assert_int_equal(w, 1000);
        assert_int_equal(h, 625);
        cairo_surface_t *ref = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        cairo_t *cr = cairo_create(ref);
        cairo_scale(cr, w / 480.0, h / 300.0);
        ind_chart_layout l;
        ind_chart_layout_init(&l);
        assert_int_equal(ind_chart_draw(cr, 0, 0, 480, 300, IND_CHART_TREND, &trend, &o, &l, NULL), IND_OK);
        ind_chart_layout_free(&l);
        cairo_destroy(cr);
        cairo_surface_flush(ref);
        cairo_surface_flush(file);
        const unsigned char *a = cairo_image_surface_get_data(file), *b = cairo_image_surface_get_data(ref);
        int sa = cairo_image_surface_get_stride(file), sb = cairo_image_surface_get_stride(ref);
        long differ = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                uint32_t pa, pb;
                memcpy(&pa, a + (size_t)y * sa + 4 * (size_t)x, 4);
                memcpy(&pb, b + (size_t)y * sb + 4 * (size_t)x, 4);
                differ += (pa & 0xffffff) != (pb & 0xffffff);
            }
        assert_int_equal(differ, 0);
        cairo_surface_destroy(ref);
        cairo_surface_destroy(file);
    }
}

/* English: decimal point, "Target", no space before %. */
static void test_english(void **state)
{
    (void)state;
    ind_chart_options o;
    options(&o);
    o.lang = IND_LANG_EN;
    o.caption = "Source: example data";
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    char path[512];
    snprintf(path, sizeof path, "%s/english.svg", tmpdir);
    assert_int_equal(ind_chart_render(IND_CHART_TREND, &trend, &o, path, &l, NULL), IND_OK);
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "6.3%"));
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "Target 4%"));
    assert_non_null(find_text(&l, IND_CHART_EL_LEGEND_ENTRY, "Women"));
    assert_non_null(strstr(l.alt, "Line chart"));
    ind_chart_layout_free(&l);
}

/* The kinds by name and number; the heights the table gives; an unknown kind. */
static void test_kinds(void **state)
{
    (void)state;
    static const char *const names[KINDS] = {"trend", "multiples", "compare", "funnel", "spc", "status"};
    ind_chart_options o;
    options(&o);
    for (ind_chart_kind k = IND_CHART_TREND; k < KINDS; k++) {
        assert_string_equal(ind_chart_kind_name(k), names[k]);
        ind_chart_kind back = (ind_chart_kind)99;
        assert_int_equal(ind_chart_kind_parse(names[k], &back), 0);
        assert_int_equal(back, k);
        /* the kinds of fixed size are 300 points high; the others what their content takes */
        double h = ind_chart_height(k, models[k], &o, 480);
        if (k == IND_CHART_TREND || k == IND_CHART_FUNNEL || k == IND_CHART_SPC)
            assert_true(h == 300);
        else
            assert_true(h > 100 && h < 1000 && h == ceil(h));
        /* a model that cannot be drawn has no height */
        assert_true(ind_chart_height(k, NULL, &o, 480) == 0);
    }
    ind_chart_kind k = IND_CHART_TREND;
    assert_int_equal(ind_chart_kind_parse("Status", &k), 0);
    assert_int_equal(k, IND_CHART_STATUS);
    assert_int_equal(ind_chart_kind_parse("pie", &k), -1);
    assert_int_equal(ind_chart_kind_parse("", &k), -1);
    assert_int_equal(ind_chart_kind_parse(NULL, &k), -1);
    assert_int_equal(k, IND_CHART_STATUS);
    assert_string_equal(ind_chart_kind_name((ind_chart_kind)6), "unknown");
    /* the status table is taller at a narrower width (its indicator column wraps) */
    assert_true(ind_chart_height(IND_CHART_STATUS, &status, &o, 300) > ind_chart_height(IND_CHART_STATUS, &status, &o, 480));
    ind_error err;
    char path[512];
    snprintf(path, sizeof path, "%s/unknown-kind.png", tmpdir);
    assert_int_equal(ind_chart_render((ind_chart_kind)6, &trend, &o, path, NULL, &err), IND_EUSAGE);
    assert_non_null(strstr(err.message, "kind"));
    assert_true(ind_chart_height((ind_chart_kind)6, &trend, &o, 480) == 0);
    cairo_surface_t *sf = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, NULL);
    cairo_t *cr = cairo_create(sf);
    assert_int_equal(ind_chart_draw(cr, 0, 0, 480, 300, (ind_chart_kind)-1, &trend, &o, NULL, &err), IND_EUSAGE);
    /* a kind of fixed size needs a height to draw in */
    assert_int_equal(ind_chart_draw(cr, 0, 0, 480, 0, IND_CHART_TREND, &trend, &o, NULL, &err), IND_EUSAGE);
    cairo_destroy(cr);
    cairo_surface_destroy(sf);
    struct stat sb;
    assert_int_not_equal(stat(path, &sb), 0);
}

/* Rendering into memory gives the bytes of the file, for every kind and
 * format, and the alt text in the layout; nothing on an error. */
static void test_render_buffer(void **state)
{
    (void)state;
    static const char *const ext[3] = {"png", "svg", "pdf"};
    static const ind_chart_format fmt[3] = {IND_CHART_PNG, IND_CHART_SVG, IND_CHART_PDF};
    for (ind_chart_kind k = IND_CHART_TREND; k < KINDS; k++)
        for (int f = 0; f < 3; f++) {
            ind_chart_options o;
            options(&o);
            o.dpi = 120;
            char path[512];
            snprintf(path, sizeof path, "%s/buffer-%s.%s", tmpdir, ind_chart_kind_name(k), ext[f]);
            assert_int_equal(render(k, &o, path, NULL, NULL), IND_OK);
            ind_chart_layout l;
            ind_chart_layout_init(&l);
            unsigned char *data = NULL;
            size_t len = 0;
            ind_error err;
            if (ind_chart_render_buffer(k, models[k], &o, fmt[f], &data, &len, &l, &err) != IND_OK)
                fail_msg("%s in memory: %s", path, err.message);
            size_t n;
            unsigned char *file = slurp(path, &n);
            assert_non_null(file);
            if (n != len || memcmp(file, data, n))
                fail_msg("%s: %zu bytes in the file, %zu in memory, not the same", path, n, len);
            free(file);
            free(data);
            /* the alt text: the file's beside it, without its newline */
            char alt[600];
            snprintf(alt, sizeof alt, "%s.alt.txt", path);
            file = slurp(alt, &n);
            assert_non_null(file);
            assert_non_null(l.alt);
            assert_int_equal(strlen(l.alt) + 1, n);
            assert_memory_equal(file, l.alt, n - 1);
            free(file);
            ind_chart_layout_free(&l);
        }
    /* without a layout; then errors: a bad model, an unknown format, nowhere to put it */
    ind_chart_options o;
    options(&o);
    unsigned char *data = NULL;
    size_t len = 0;
    assert_int_equal(ind_chart_render_buffer(IND_CHART_SPC, &spc, &o, IND_CHART_SVG, &data, &len, NULL, NULL), IND_OK);
    assert_true(len > 1000 && !memcmp(data, "<?xml", 5));
    free(data);
    ind_error err;
    ind_chart_funnel fbad = funnel;
    fbad.limit_count = 1;
    data = (unsigned char *)"x";
    len = 1;
    assert_int_equal(ind_chart_render_buffer(IND_CHART_FUNNEL, &fbad, &o, IND_CHART_PNG, &data, &len, NULL, &err),
                     IND_EUSAGE);
    assert_null(data);
    assert_int_equal(len, 0);
    assert_int_equal(ind_chart_render_buffer(IND_CHART_TREND, &trend, &o, (ind_chart_format)3, &data, &len, NULL, &err),
                     IND_EUSAGE);
    assert_null(data);
    assert_int_equal(ind_chart_render_buffer(IND_CHART_TREND, &trend, &o, IND_CHART_PNG, NULL, &len, NULL, &err),
                     IND_EUSAGE);
    o.width = 30000;
    assert_int_equal(ind_chart_render_buffer(IND_CHART_TREND, &trend, &o, IND_CHART_PDF, &data, &len, NULL, &err),
                     IND_EUSAGE);
    assert_null(data);
    check_no_temp();
}

/* Errors: a bad extension, a bad model, a missing directory; an existing file
 * is left as it was and no temporary file remains. */
static void test_errors(void **state)
{
    (void)state;
    ind_chart_options o;
    options(&o);
    ind_error err;
    char path[512];
    snprintf(path, sizeof path, "%s/chart.gif", tmpdir);
    assert_int_equal(ind_chart_render(IND_CHART_TREND, &trend, &o, path, NULL, &err), IND_EUSAGE);
    assert_non_null(strstr(err.message, ".png"));
    snprintf(path, sizeof path, "%s/no/such/dir/chart.png", tmpdir);
    assert_int_equal(ind_chart_render(IND_CHART_TREND, &trend, &o, path, NULL, &err), IND_EIO);

    snprintf(path, sizeof path, "%s/keep.svg", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("old", f);
    fclose(f);
    ind_chart_trend bad = trend;
    bad.series_count = 0;
    assert_int_equal(ind_chart_render(IND_CHART_TREND, &bad, &o, path, NULL, &err), IND_EUSAGE);
    ind_period backwards[6];
    memcpy(backwards, years, sizeof backwards);
    backwards[3] = years[1];
    bad = trend;
    bad.periods = backwards;
    assert_int_equal(ind_chart_render(IND_CHART_TREND, &bad, &o, path, NULL, &err), IND_EUSAGE);
    size_t n;
    unsigned char *d = slurp(path, &n);
    assert_int_equal(n, 3);
    free(d);
    ind_chart_spc sbad = spc;
    ind_chart_signal sg = {"x", 3, 99};
    sbad.signals = &sg;
    sbad.signal_count = 1;
    assert_int_equal(ind_chart_render(IND_CHART_SPC, &sbad, &o, path, NULL, &err), IND_EUSAGE);
    ind_chart_funnel fbad = funnel;
    fbad.limit_count = 1;
    assert_int_equal(ind_chart_render(IND_CHART_FUNNEL, &fbad, &o, path, NULL, &err), IND_EUSAGE);
    assert_int_equal(ind_chart_render(IND_CHART_STATUS, NULL, &o, path, NULL, &err), IND_EUSAGE);
    assert_int_equal(ind_chart_render(IND_CHART_COMPARE, NULL, &o, path, NULL, &err), IND_EUSAGE);
    assert_int_equal(ind_chart_render(IND_CHART_MULTIPLES, NULL, &o, path, NULL, &err), IND_EUSAGE);
    check_no_temp();
}

/* Gaps: NaN values and a series with no values at all still draw; a lone
 * point is marked; a single period works. */
static void test_gaps_and_edges(void **state)
{
    (void)state;
    double v[6] = {NAN, 3, NAN, 5, NAN, NAN}, none[6] = {NAN, NAN, NAN, NAN, NAN, NAN};
    ind_chart_series s[2] = {{IND_GENDER_T, NULL, v, NULL}, {IND_GENDER_K, NULL, none, NULL}};
    ind_chart_trend m = {.indicator = "Antal vräkningar", .count = 6, .periods = years, .series_count = 2,
                         .series = s, .decimals = -1};
    ind_chart_options o;
    options(&o);
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    char path[512];
    snprintf(path, sizeof path, "%s/gaps.png", tmpdir);
    assert_int_equal(ind_chart_render(IND_CHART_TREND, &m, &o, path, &l, NULL), IND_OK);
    assert_int_equal(count_kind(&l, IND_CHART_EL_MARKER), 2);
    /* the latest value is older than the last period: its period is named */
    assert_non_null(find_text(&l, IND_CHART_EL_LABEL, "5 (2022)"));
    check_labels(&l);
    m.count = 1;
    v[0] = 7;
    assert_int_equal(ind_chart_render(IND_CHART_TREND, &m, &o, path, &l, NULL), IND_OK);
    check_labels(&l);
    /* no title, the caller's alt text, the process-wide context */
    o.title = "";
    o.alt = "Egen alt-text om vräkningar";
    o.ctx = NULL;
    snprintf(path, sizeof path, "%s/own-alt.svg", tmpdir);
    assert_int_equal(ind_chart_render(IND_CHART_TREND, &m, &o, path, &l, NULL), IND_OK);
    assert_null(ind_chart_layout_find(&l, IND_CHART_EL_TITLE, -1));
    assert_string_equal(l.alt, "Egen alt-text om vräkningar");
    check_alt(path, "Egen alt-text om vräkningar");
    check_svg(path, "Egen alt-text");
    ind_chart_layout_free(&l);
}

/* ---- counts: whole-number ticks, no intervals (issue 18) ------------------- */

/* Every tick of s is a whole number written without decimals. */
static void ticks_whole(const chart_scale *s)
{
    assert_int_equal(s->decimals, 0);
    assert_true(s->step >= 1 && s->step == floor(s->step));
    assert_true(s->lo == floor(s->lo) && s->hi == floor(s->hi));
}

/* The tick generator: a count of 0 or 1 gets the ticks 0 and 1 and no more
 * at any tick density; 0..7 gets whole steps ending at the first tick at or
 * above 7; a count that is always 0 gets 0 and 1; a large count whole steps
 * from 0. A non-count of 0..1 keeps its tenths, so the flag is what changes it. */
static void test_count_ticks(void **state)
{
    (void)state;
    chart_scale s;
    for (int ticks = 2; ticks <= 8; ticks++) {
        chart_value_range(0, 1, 0, 0, ticks, 1, &s);
        ticks_whole(&s);
        assert_true(s.lo == 0 && s.hi == 1 && s.step == 1);
        chart_value_range(0, 7, 0, 0, ticks, 1, &s);
        ticks_whole(&s);
        assert_true(s.lo == 0 && s.hi >= 7 && s.hi < 7 + s.step);
        chart_value_range(0, 0, 0, 0, ticks, 1, &s);
        assert_true(s.lo == 0 && s.hi == 1 && s.step == 1);
        chart_value_range(3, 250, 0, 0, ticks, 1, &s);
        ticks_whole(&s);
        assert_true(s.lo == 0 && s.hi >= 250);
        /* the whole-number axis is asked for: a fraction stays a fraction
         * (from three ticks up; at two, 0..1 is one step) */
        chart_value_range(0, 1, 0, 0, ticks, 0, &s);
        assert_true(ticks < 3 || (s.step < 1 && s.decimals >= 1));
    }
    /* 0..7 at four steps: 0, 2, 4, 6, 8 */
    chart_value_range(0, 7, 0, 0, 4, 1, &s);
    assert_true(s.lo == 0 && s.hi == 8 && s.step == 2);
    /* fractional data on a count axis (a mean of counts): still whole ticks */
    chart_value_range(0.4, 2.6, 0, 0, 6, 1, &s);
    ticks_whole(&s);
    assert_true(s.lo == 0 && s.hi == 3 && s.step == 1);
    /* the funnel's n axis: whole steps for a few people */
    chart_nice(0, 3, 6, 1, &s);
    ticks_whole(&s);
    assert_true(s.step == 1 && s.hi == 3);
}

/* No value label of the plot's axes in l has a decimal comma; "0" and "1" are there. */
static void axis_whole(const ind_chart_layout *l)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->el[i].kind == IND_CHART_EL_AXIS_LABEL && l->el[i].text && strchr(l->el[i].text, ','))
            fail_msg("a count's axis says \"%s\"", l->el[i].text);
    assert_non_null(find_text(l, IND_CHART_EL_AXIS_LABEL, "0"));
    assert_non_null(find_text(l, IND_CHART_EL_AXIS_LABEL, "1"));
}

/* A count of 0 or 1 drawn as trend, panel, comparison and SPC chart: the
 * axis 0 to 1 in whole numbers; the band and the intervals the models carry
 * are not drawn. The same trend model without the flag draws its band. */
static void test_counts_drawn(void **state)
{
    (void)state;
    static double v[6] = {1, 1, 0, 1, 0, 0}, lo[6] = {0.2, 0.1, 0.0, 0.0, 0.0, 0.0},
                  hi[6] = {1.3, 1.1, 0.9, 0.8, 0.7, 0.6}, t[6] = {0, 0, 0, 0, 0, 0};
    ind_chart_series se = {IND_GENDER_T, NULL, v, NULL};
    ind_chart_trend m = {.indicator = "Antal vräkningar som berör barn", .unit = "Vuxenenheten", .count = 6,
                         .periods = years, .series_count = 1, .series = &se, .target = t, .decimals = 0,
                         .band_lo = lo, .band_hi = hi, .counts = 1};
    ind_chart_options o;
    options(&o);
    unsigned char *data;
    size_t len;
    ind_chart_layout l;
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render_buffer(IND_CHART_TREND, &m, &o, IND_CHART_SVG, &data, &len, &l, NULL), IND_OK);
    free(data);
    assert_int_equal(count_kind(&l, IND_CHART_EL_BAND), 0);
    const ind_chart_element *plot = ind_chart_layout_find(&l, IND_CHART_EL_PLOT, -1);
    assert_non_null(plot);
    assert_true(plot->ylo == 0 && plot->yhi == 1);
    axis_whole(&l);
    ind_chart_layout_free(&l);
    m.counts = 0;
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render_buffer(IND_CHART_TREND, &m, &o, IND_CHART_SVG, &data, &len, &l, NULL), IND_OK);
    free(data);
    assert_int_equal(count_kind(&l, IND_CHART_EL_BAND), 1);
    ind_chart_layout_free(&l);

    ind_chart_panel p = {"Antal vräkningar som berör barn", 6, years, v, t, 0, 0, IND_VERDICT_MET, NULL, 1, NULL};
    ind_chart_multiples mm = {"Vuxenenheten", NULL, 1, &p, 1, 0, NULL};
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render_buffer(IND_CHART_MULTIPLES, &mm, &o, IND_CHART_SVG, &data, &len, &l, NULL),
                     IND_OK);
    free(data);
    axis_whole(&l);
    ind_chart_layout_free(&l);

    ind_chart_unit_value u[3] = {{"Vuxenenheten", 1, 0.03, 5.6, 0, NAN, 1},
                                 {"Ekonomiskt bistånd", 1, 0.03, 5.6, 0, NAN, 0},
                                 {"Hela förvaltningen", 2, 0.2, 7.2, 0, NAN, 0}};
    ind_chart_compare cm = {"Antal vräkningar som berör barn", IND_PERIOD_NONE, 3, u, 4.0 / 3, NULL, NULL, 0, 0,
                            IND_CHART_SORT_DESCENDING, 1};
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render_buffer(IND_CHART_COMPARE, &cm, &o, IND_CHART_SVG, &data, &len, &l, NULL),
                     IND_OK);
    free(data);
    assert_int_equal(count_kind(&l, IND_CHART_EL_INTERVAL), 0);
    assert_null(strstr(l.alt, "intervall"));
    for (size_t i = 0; i < l.count; i++)
        assert_false(l.el[i].kind == IND_CHART_EL_LEGEND_ENTRY && l.el[i].text && strstr(l.el[i].text, "intervall"));
    axis_whole(&l);
    ind_chart_layout_free(&l);

    static double cl[6] = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    ind_chart_spc sm = {"Antal vräkningar som berör barn", "Vuxenenheten", 6, years, v, cl, NULL, NULL, NULL, 0,
                        NULL, NULL, 0, 0, 0, 1};
    ind_chart_layout_init(&l);
    assert_int_equal(ind_chart_render_buffer(IND_CHART_SPC, &sm, &o, IND_CHART_SVG, &data, &len, &l, NULL), IND_OK);
    free(data);
    plot = ind_chart_layout_find(&l, IND_CHART_EL_PLOT, -1);
    assert_true(plot->ylo == 0 && plot->yhi == 1);
    axis_whole(&l);
    ind_chart_layout_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind_every_format),
        cmocka_unit_test(test_trend_geometry),
        cmocka_unit_test(test_label_collisions),
        cmocka_unit_test(test_multiples_panels),
        cmocka_unit_test(test_compare_rows),
        cmocka_unit_test(test_funnel_points),
        cmocka_unit_test(test_spc_signals),
        cmocka_unit_test(test_status_rows),
        cmocka_unit_test(test_determinism),
        cmocka_unit_test(test_draw_into_page),
        cmocka_unit_test(test_png_lossless),
        cmocka_unit_test(test_english),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_render_buffer),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_gaps_and_edges),
        cmocka_unit_test(test_count_ticks),
        cmocka_unit_test(test_counts_drawn),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
