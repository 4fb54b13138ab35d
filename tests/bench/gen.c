/* gen.c: a deterministic synthetic-data generator for the benchmark (canonical long CSV).
 *
 *   indikator-gen [--preset district|national] [--units N] [--indicators N] [--years N]
 *                 [--periodicity year|tertial|month] [--genders 1|3] [--missing SHARE]
 *                 [--counts] [--seed S] -o FILE
 *
 * district: 150 units × 100 indicators × 12 years × 3 tertials × 3 genders ≈ 1.62 million rows
 *           (45 000 series of 36 points).
 * national: 290 units × 1000 indicators × 11 years × 3 genders ≈ 9.57 million rows. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;
static uint64_t rng(void)
{ /* splitmix64: fast and the same on every machine */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static double uniform(void) { return (double)(rng() >> 11) / 9007199254740992.0; }

int main(int argc, char **argv)
{
    long units = 150, indicators = 100, years = 12, genders = 3;
    int periods_per_year = 3, counts = 0;
    double missing = 0.03;
    const char *out = NULL;
    rng_state = 20261122;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : "";
        if (!strcmp(a, "--preset")) {
            if (!strcmp(v, "national")) {
                units = 290, indicators = 1000, years = 11, periods_per_year = 1, genders = 3;
            } else if (!strcmp(v, "district")) {
                units = 150, indicators = 100, years = 12, periods_per_year = 3, genders = 3;
            } else {
                fprintf(stderr, "gen: unknown preset %s\n", v);
                return 1;
            }
            i++;
        } else if (!strcmp(a, "--units")) units = atol(v), i++;
        else if (!strcmp(a, "--indicators")) indicators = atol(v), i++;
        else if (!strcmp(a, "--years")) years = atol(v), i++;
        else if (!strcmp(a, "--genders")) genders = atol(v), i++;
        else if (!strcmp(a, "--missing")) missing = atof(v), i++;
        else if (!strcmp(a, "--seed")) rng_state = strtoull(v, NULL, 10), i++;
        else if (!strcmp(a, "--counts")) counts = 1;
        else if (!strcmp(a, "--periodicity")) {
            periods_per_year = !strcmp(v, "month") ? 12 : !strcmp(v, "tertial") ? 3 : 1;
            i++;
        } else if (!strcmp(a, "-o")) out = v, i++;
        else {
            fprintf(stderr, "usage: indikator-gen [--preset district|national] [--units N] [--indicators N] "
                            "[--years N] [--periodicity year|tertial|month] [--genders 1|3] "
                            "[--missing SHARE] [--counts] [--seed S] -o FILE\n");
            return 1;
        }
    }
    if (!out) {
        fprintf(stderr, "gen: -o FILE is required\n");
        return 1;
    }
    FILE *f = fopen(out, "w");
    if (!f) {
        perror(out);
        return 1;
    }
    static char buf[1 << 20];
    setvbuf(f, buf, _IOFBF, sizeof buf);
    fputs(counts ? "unit,indicator,period,gender,value,numerator,denominator,target\n"
                 : "unit,indicator,period,gender,value,target\n", f);
    static const char *const g[] = {"T", "K", "M"};
    long rows = 0;
    for (long u = 0; u < units; u++)
        for (long k = 0; k < indicators; k++) {
            double level = 20 + 60 * uniform(), slope = (uniform() - 0.5) * 2;
            double target = level + (uniform() - 0.3) * 10;
            for (long y = 0; y < years; y++)
                for (int p = 1; p <= periods_per_year; p++)
                    for (long s = 0; s < genders; s++) {
                        char period[16];
                        int year = 2026 - (int)years + (int)y;
                        if (periods_per_year == 12) snprintf(period, sizeof period, "%d-%02d", year, p);
                        else if (periods_per_year == 3) snprintf(period, sizeof period, "%d-T%d", year, p);
                        else snprintf(period, sizeof period, "%d", year);
                        double v = level + slope * (double)y + (uniform() - 0.5) * 6 + (s == 1 ? 2 : s == 2 ? -2 : 0);
                        if (v < 0) v = 0;
                        if (v > 100) v = 100;
                        int miss = uniform() < missing;
                        if (counts) {
                            long n = 20 + (long)(uniform() * 180);
                            long x = (long)(v / 100 * (double)n + 0.5);
                            if (miss) fprintf(f, "Enhet %03ld,Indikator %04ld,%s,%s,,,,%.1f\n", u, k, period, g[s], target);
                            else fprintf(f, "Enhet %03ld,Indikator %04ld,%s,%s,,%ld,%ld,%.1f\n", u, k, period, g[s], x, n, target);
                        } else if (miss) {
                            fprintf(f, "Enhet %03ld,Indikator %04ld,%s,%s,,%.1f\n", u, k, period, g[s], target);
                        } else {
                            fprintf(f, "Enhet %03ld,Indikator %04ld,%s,%s,%.1f,%.1f\n", u, k, period, g[s], v, target);
                        }
                        rows++;
                    }
        }
    if (fclose(f) != 0) {
        perror(out);
        return 1;
    }
    fprintf(stderr, "gen: %ld rows written to %s\n", rows, out);
    return 0;
}
