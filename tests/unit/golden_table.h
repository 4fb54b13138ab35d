/* golden_table.h: reading the golden fixture CSVs of a test (include once, after defining
 * GOLDEN_FOLDER as the folder under tests/golden/ and after cmocka.h). */
#ifndef IND_GOLDEN_TABLE_H
#define IND_GOLDEN_TABLE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a small reader for the fixture CSVs (no quoting: fields have no commas) */

typedef struct {
    size_t ncol, nrow;
    char **head;
    char ***cell;
} table;

static char *dupstr(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    assert_non_null(d);
    memcpy(d, s, n);
    return d;
}

static size_t split(char *line, char ***out)
{
    size_t n = 1;
    for (char *c = line; *c; c++)
        n += *c == ',';
    char **f = calloc(n, sizeof *f);
    assert_non_null(f);
    size_t i = 0;
    char *start = line;
    for (char *c = line;; c++) {
        if (*c == ',' || *c == '\0') {
            int end = *c == '\0';
            *c = '\0';
            f[i++] = dupstr(start);
            start = c + 1;
            if (end)
                break;
        }
    }
    *out = f;
    return n;
}

static table *load(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/golden/%s/%s", IND_TEST_DIR, GOLDEN_FOLDER, name);
    FILE *fp = fopen(path, "r");
    if (!fp)
        fail_msg("cannot open fixture %s", path);
    table *t = calloc(1, sizeof *t);
    assert_non_null(t);
    char line[65536];
    size_t cap = 0;
    while (fgets(line, sizeof line, fp)) {
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char **f;
        size_t n = split(line, &f);
        if (!t->head) {
            t->head = f;
            t->ncol = n;
            continue;
        }
        if (n != t->ncol)
            fail_msg("%s: row %zu has %zu fields, header %zu", name, t->nrow + 1, n, t->ncol);
        if (t->nrow == cap) {
            cap = cap ? 2 * cap : 16;
            t->cell = realloc(t->cell, cap * sizeof *t->cell);
            assert_non_null(t->cell);
        }
        t->cell[t->nrow++] = f;
    }
    fclose(fp);
    assert_non_null(t->head);
    assert_true(t->nrow > 0);
    return t;
}

static void unload(table *t)
{
    for (size_t r = 0; r < t->nrow; r++) {
        for (size_t c = 0; c < t->ncol; c++)
            free(t->cell[r][c]);
        free(t->cell[r]);
    }
    for (size_t c = 0; c < t->ncol; c++)
        free(t->head[c]);
    free(t->head);
    free(t->cell);
    free(t);
}

static const char *str(const table *t, size_t r, const char *col)
{
    for (size_t c = 0; c < t->ncol; c++)
        if (strcmp(t->head[c], col) == 0)
            return t->cell[r][c];
    fail_msg("no column %s", col);
    return NULL;
}

static double num(const table *t, size_t r, const char *col)
{
    const char *s = str(t, r, col);
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end)
        fail_msg("column %s: not a number: '%s'", col, s);
    return v;
}

static long lnum(const table *t, size_t r, const char *col)
{
    return (long)num(t, r, col);
}

/* Space-separated list of numbers; returns a malloc'd array. */
static double *list(const table *t, size_t r, const char *col, size_t *n)
{
    const char *s = str(t, r, col);
    size_t cap = 8, k = 0;
    double *v = malloc(cap * sizeof *v);
    assert_non_null(v);
    char *end;
    for (;;) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        double x = strtod(s, &end);
        if (end == s)
            fail_msg("column %s: bad list", col);
        if (k == cap) {
            cap *= 2;
            v = realloc(v, cap * sizeof *v);
            assert_non_null(v);
        }
        v[k++] = x;
        s = end;
    }
    *n = k;
    return v;
}

#endif
