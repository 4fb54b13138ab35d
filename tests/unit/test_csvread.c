/* test_csvread.c: engine/csvread: BOM, line endings, delimiters, quoting and
 * line numbers, encodings, and the errors for text that is not CSV. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csvread.h"

/* Collects rows as "line|f1|f2|..." strings, one per row. */
typedef struct {
    char out[64][256];
    size_t n;
    long stop_at_line; /* callback fails on this line (0: never) */
} rows;

static ind_status collect(const ind_csv_row *row, void *user, ind_error *err)
{
    rows *r = user;
    if (r->stop_at_line && row->line == r->stop_at_line)
        return ind_error_set(err, IND_EINPUT, row->path, row->line, 1, "stopped by the callback");
    assert_true(r->n < 64);
    char *o = r->out[r->n++];
    size_t k = (size_t)snprintf(o, 256, "%ld", row->line);
    for (size_t i = 0; i < row->count; i++) {
        /* fields are NUL-terminated and len is their length */
        assert_int_equal(strlen(row->field[i]), row->len[i]);
        k += (size_t)snprintf(o + k, k < 256 ? 256 - k : 0, "|%s", row->field[i]);
    }
    assert_string_equal(row->path, "t.csv");
    return IND_OK;
}

static ind_status collect_any(const ind_csv_row *row, void *user, ind_error *err)
{
    (void)row, (void)err;
    ((rows *)user)->n++;
    return IND_OK;
}

static ind_status read_ok(const char *data, size_t size, ind_encoding enc, rows *r, ind_csv_info *info)
{
    ind_error err;
    ind_error_clear(&err);
    memset(r, 0, sizeof *r);
    ind_status st = ind_csv_read_buffer("t.csv", data, size, enc, 0, collect, r, info, &err);
    if (st != IND_OK)
        fail_msg("read failed: %s:%ld:%ld: %s", err.file, err.line, err.column, err.message);
    return st;
}

#define READ(s, r, info) read_ok(s, sizeof(s) - 1, IND_ENC_AUTO, r, info)

/* Expects the read to fail at line/column (column -1: not checked) with part in the message. */
#define read_bad(...) read_bad_at(__LINE__, __VA_ARGS__)
static void read_bad_at(int at, const char *data, size_t size, ind_encoding enc, long line,
                        long column, const char *part)
{
    ind_error err;
    rows r;
    memset(&r, 0, sizeof r);
    ind_error_clear(&err);
    ind_status st = ind_csv_read_buffer("t.csv", data, size, enc, 0, collect, &r, NULL, &err);
    if (st != IND_EINPUT)
        fail_msg("line %d: expected bad input, got status %d (%s)", at, st, err.message);
    if (err.line != line || (column >= 0 && err.column != column) || !strstr(err.message, part))
        fail_msg("line %d: got %s:%ld:%ld: %s\nexpected line %ld column %ld and \"%s\"", at,
                 err.file, err.line, err.column, err.message, line, column, part);
    assert_string_equal(err.file, "t.csv");
}

#define BAD(s, line, col, part) read_bad(s, sizeof(s) - 1, IND_ENC_AUTO, line, col, part)

static void test_basic(void **state)
{
    (void)state;
    rows r;
    ind_csv_info info;
    READ("a,b\nc,d\n", &r, &info);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.out[0], "1|a|b");
    assert_string_equal(r.out[1], "2|c|d");
    assert_int_equal(info.rows, 2);
    assert_int_equal(info.delimiter, ',');
    assert_int_equal(info.encoding, IND_ENC_UTF8);
    assert_int_equal(info.had_bom, 0);
    /* no final newline */
    READ("a,b\nc,d", &r, &info);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.out[1], "2|c|d");
    /* BOM */
    READ("\xEF\xBB\xBF" "a,b\nc,d\n", &r, &info);
    assert_int_equal(info.had_bom, 1);
    assert_string_equal(r.out[0], "1|a|b");
    /* CRLF */
    READ("a,b\r\nc,d\r\n\r\ne,f\r\n", &r, &info);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.out[1], "2|c|d");
    assert_string_equal(r.out[2], "4|e|f");
    /* blank lines, lines of spaces and rows of only empty fields are skipped */
    READ("a,b\n\n   \n,\n ,  \nc,d\n", &r, &info);
    assert_int_equal(r.n, 2);
    assert_string_equal(r.out[1], "6|c|d");
    assert_int_equal(info.rows, 2);
    /* spaces around unquoted fields are trimmed; inside quotes they stay */
    READ(" a , b \n\" c \",d\n", &r, &info);
    assert_string_equal(r.out[0], "1|a|b");
    assert_string_equal(r.out[1], "2| c |d");
    /* doubled quotes, empty fields, a quoted delimiter */
    READ("\"a\"\"b\",,\"x,y\"\n", &r, &info);
    assert_string_equal(r.out[0], "1|a\"b||x,y");
    /* only a BOM: no rows, no error */
    READ("\xEF\xBB\xBF", &r, &info);
    assert_int_equal(r.n, 0);
}

static void test_delimiters(void **state)
{
    (void)state;
    rows r;
    ind_csv_info info;
    READ("a;b;c\n1,5;2;3\n", &r, &info);
    assert_int_equal(info.delimiter, ';');
    assert_string_equal(r.out[1], "2|1,5|2|3");
    READ("a\tb\tc\n1 2\t 3\t4\n", &r, &info);
    assert_int_equal(info.delimiter, '\t');
    /* with tab as delimiter, spaces are still trimmed and tabs are not spaces */
    assert_string_equal(r.out[1], "2|1 2|3|4");
    READ("a,b;c,d\n", &r, &info);
    assert_int_equal(info.delimiter, ',');
    READ("a;b,c;d\n", &r, &info);
    assert_int_equal(info.delimiter, ';');
    /* delimiters inside quotes do not count */
    READ("\"x,y,z\";b\n", &r, &info);
    assert_int_equal(info.delimiter, ';');
    assert_string_equal(r.out[0], "1|x,y,z|b");
    /* one column: comma */
    READ("a\nb\n", &r, &info);
    assert_int_equal(info.delimiter, ',');
    /* the first non-blank line decides */
    READ("\n\na;b\n1;2\n", &r, &info);
    assert_int_equal(info.delimiter, ';');
    assert_string_equal(r.out[0], "3|a|b");
    /* a delimiter given by the caller wins */
    ind_error err;
    memset(&r, 0, sizeof r);
    assert_int_equal(ind_csv_read_buffer("t.csv", "a;b,c\n", 6, IND_ENC_AUTO, ',', collect, &r,
                                         &info, &err), IND_OK);
    assert_string_equal(r.out[0], "1|a;b|c");
}

static void test_line_numbers(void **state)
{
    (void)state;
    rows r;
    ind_csv_info info;
    /* a quoted first field spanning lines: the row starts where it opened */
    READ("h1,h2\n\"multi\nline\",x\nnext,y\n", &r, &info);
    assert_int_equal(r.n, 3);
    assert_string_equal(r.out[1], "2|multi\nline|x");
    assert_string_equal(r.out[2], "4|next|y");
    /* a later field spanning lines */
    READ("a,\"b\nc\"\nd,e\n", &r, &info);
    assert_string_equal(r.out[0], "1|a|b\nc");
    assert_string_equal(r.out[1], "3|d|e");
    /* a field with three line breaks after blank lines, CRLF inside */
    READ("h\n\n\n\"1\r\n2\r\n3\r\n4\"\nlast\n", &r, &info);
    assert_string_equal(r.out[1], "4|1\r\n2\r\n3\r\n4");
    assert_string_equal(r.out[2], "8|last");
    /* old Mac line ends (a lone CR): every row on its own line, also inside quotes */
    READ("h1,h2\ra,b\r\"c\rd\",e\rf,g\r", &r, &info);
    assert_int_equal(r.n, 4);
    assert_string_equal(r.out[1], "2|a|b");
    assert_string_equal(r.out[2], "3|c\rd|e");
    assert_string_equal(r.out[3], "5|f|g");
    BAD("h1,h2\ra,b\rc,d\x01\r", 3, 4, "control character 0x01");
    BAD("h1,h2\r\nab,b\r\nc,d\x01\r\n", 3, 4, "control character 0x01");
    /* an empty quoted field at the start of a row */
    READ("a,b\n\"\",x\n", &r, &info);
    assert_string_equal(r.out[1], "2||x");
    /* the callback stops the read and its error is returned */
    ind_error err;
    memset(&r, 0, sizeof r);
    r.stop_at_line = 2;
    assert_int_equal(ind_csv_read_buffer("t.csv", "a\nb\nc\n", 6, IND_ENC_AUTO, 0, collect, &r,
                                         &info, &err), IND_EINPUT);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.message, "stopped by the callback");
    assert_int_equal(r.n, 1);
}

static void test_encodings(void **state)
{
    (void)state;
    rows r;
    ind_csv_info info;
    /* Windows-1252: å ä ö Å Ä Ö and the euro sign (0x80) */
    READ("namn,v\n\xe5\xe4\xf6,\x80\n\xc5\xc4\xd6,x\n", &r, &info);
    assert_int_equal(info.encoding, IND_ENC_CP1252);
    assert_string_equal(r.out[1], "2|\xc3\xa5\xc3\xa4\xc3\xb6|\xe2\x82\xac");
    assert_string_equal(r.out[2], "3|\xc3\x85\xc3\x84\xc3\x96|x");
    /* the same in UTF-8 stays as it is */
    READ("namn,v\n\xc3\xa5\xc3\xa4\xc3\xb6,\xe2\x82\xac\n", &r, &info);
    assert_int_equal(info.encoding, IND_ENC_UTF8);
    assert_string_equal(r.out[1], "2|\xc3\xa5\xc3\xa4\xc3\xb6|\xe2\x82\xac");
    /* Windows-1252 asked for explicitly */
    ind_error err;
    memset(&r, 0, sizeof r);
    assert_int_equal(ind_csv_read_buffer("t.csv", "\xf6", 1, IND_ENC_CP1252, 0, collect, &r, &info,
                                         &err), IND_OK);
    assert_string_equal(r.out[0], "1|\xc3\xb6");

    /* invalid UTF-8 mixed with valid UTF-8: line and byte column of the bad byte */
    BAD("namn\n\xc3\xa5,\xe5x\n", 2, 4, "invalid UTF-8");
    BAD("\xc3\xa5\nb\nc,d,\xff\n", 3, 5, "0xFF");
    /* without any UTF-8 letter the same bytes are Windows-1252 (0xFF is y with diaeresis) */
    READ("a\nb\nc,d,\xff\n", &r, &info);
    assert_string_equal(r.out[2], "3|c|d|\xc3\xbf");
    /* with a BOM the file says it is UTF-8 */
    BAD("\xEF\xBB\xBF" "a\n\xe5\n", 2, 1, "invalid UTF-8");
    /* UTF-8 asked for */
    read_bad("a\n\xe5\n", 4, IND_ENC_UTF8, 2, 1, "invalid UTF-8");
    /* a byte with no Windows-1252 character */
    BAD("a\nb\x81" "c\n", 2, 2, "Windows-1252");
    /* overlong, surrogate and too-large sequences are not UTF-8 */
    BAD("\xc3\xa5\n\xc0\x80\n", 2, 1, "invalid UTF-8");
    BAD("\xc3\xa5\n\xed\xa0\x80\n", 2, 1, "invalid UTF-8");
    BAD("\xc3\xa5\n\xf4\x90\x80\x80\n", 2, 1, "invalid UTF-8");
    /* a sequence cut short by the end of the file */
    BAD("\xc3\xa5\nab\xe2\x82", 2, 3, "invalid UTF-8");

    long line = 0, col = 0;
    assert_int_equal(ind_utf8_check("\xf0\x9f\x98\x80 ok", 7, &line, &col), 0);
    assert_int_equal(ind_utf8_check("ok\n\xf0\x9f\x98", 6, &line, &col), -1);
    assert_int_equal(line, 2);
    assert_int_equal(col, 1);
    char *out;
    size_t out_size;
    assert_int_equal(ind_cp1252_to_utf8("a\x9d", 2, &out, &out_size, &line, &col), -1);
    assert_int_equal(line, 1);
    assert_int_equal(col, 2);
    assert_int_equal(ind_cp1252_to_utf8("\x96\xa0", 2, &out, &out_size, &line, &col), 0);
    /* en dash U+2013 and no-break space U+00A0 */
    assert_int_equal(out_size, 5);
    assert_string_equal(out, "\xe2\x80\x93\xc2\xa0");
    free(out);
}

static void test_junk(void **state)
{
    (void)state;
    /* a NUL byte: binary */
    read_bad("a,b\nc\0d\n", 8, IND_ENC_AUTO, 2, 2, "NUL");
    /* control characters other than tab, CR, LF */
    BAD("a,b\nc\x01" "d\n", 2, 2, "control character 0x01");
    BAD("a,b\n\x1b[31m\n", 2, 1, "control character 0x1B");
    /* the column counts bytes of the file, also in a Windows-1252 file */
    BAD("a,b\n\xe5\xe4\x02\n", 2, 3, "control character 0x02");
    /* empty */
    read_bad("", 0, IND_ENC_AUTO, 0, 0, "empty");
}

static void test_quoting(void **state)
{
    (void)state;
    /* an unterminated quote names the line and column where the quote opened */
    BAD("h\nx\n\"never closed\nmore\n", 3, 1, "unterminated");
    BAD("a,b\nc,\"open\nz\n", 2, 3, "unterminated");
    BAD("a,b\nc,  \"open\n", 2, 5, "line 2");
    /* a quoted field that did close, then one that does not, in the same row */
    BAD("a,b,c\n\"x\ny\",\"open\nmore\n", 3, 4, "line 3");
    /* an unterminated quote followed by a lot of text is still found where it opened */
    {
        size_t big = 300 * 1024;
        char *s = malloc(big + 32);
        assert_non_null(s);
        strcpy(s, "a,b\n1,\"x\n");
        size_t n = strlen(s);
        for (size_t i = n; i < big; i++)
            s[i] = (i % 80 == 79) ? '\n' : 'y';
        read_bad(s, big, IND_ENC_AUTO, 2, 3, "quote");
        free(s);
    }
    /* text after a closing quote: the byte where it goes wrong */
    BAD("a,b\n\"x\"y,z\n", 2, 4, "quot");
    BAD("a,b\n1,\"x\" y\n", 2, 7, "quot");
    /* a quote inside an unquoted field */
    BAD("a,b\nab\"c,d\n", 2, 3, "quot");
}

/* A 10 MB field is refused, and quickly. */
static void test_huge_field(void **state)
{
    (void)state;
    size_t big = 10u * 1024 * 1024;
    char *s = malloc(big + 64);
    assert_non_null(s);
    /* unquoted, on one line, second field */
    strcpy(s, "h1,h2\nx,");
    size_t n = strlen(s);
    memset(s + n, 'z', big);
    strcpy(s + n + big, "\n");
    read_bad(s, strlen(s), IND_ENC_AUTO, 2, 2, "bytes");
    /* quoted, spanning many lines, first field of line 3 */
    strcpy(s, "h1,h2\na,b\n\"");
    n = strlen(s);
    for (size_t i = 0; i < big; i++)
        s[n + i] = (i % 100 == 99) ? '\n' : 'q';
    strcpy(s + n + big, "\",x\n");
    read_bad(s, strlen(s), IND_ENC_AUTO, 3, 1, "bytes");
    /* just under the limit is fine */
    strcpy(s, "h\n");
    memset(s + 2, 'k', IND_CSV_MAX_FIELD);
    strcpy(s + 2 + IND_CSV_MAX_FIELD, "\n");
    rows r;
    ind_error err;
    memset(&r, 0, sizeof r);
    assert_int_equal(ind_csv_read_buffer("t.csv", s, strlen(s), IND_ENC_AUTO, 0, collect, &r, NULL,
                                         &err), IND_OK);
    free(s);
}

static void test_files(void **state)
{
    (void)state;
    char path[] = "/tmp/test_csvread_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    fputs("a;b\r\n1;2\r\n", f);
    fclose(f);
    rows r;
    ind_csv_info info;
    ind_error err;
    memset(&r, 0, sizeof r);
    assert_int_equal(ind_csv_read_file(path, IND_ENC_AUTO, 0, collect_any, &r, &info, &err), IND_OK);
    remove(path);
    assert_int_equal(info.rows, 2);
    assert_int_equal(ind_csv_read_file("/nonexistent/dir/x.csv", IND_ENC_AUTO, 0, collect_any, &r,
                                       &info, &err), IND_EIO);
    assert_string_equal(err.file, "/nonexistent/dir/x.csv");
}

/* ind_file_slurp: a regular file mapped (a page long exactly, so the NUL after
 * it is on a page of its own), an empty file, and a pipe of several pages,
 * each NUL-terminated, writable without touching the file. */
static void test_slurp(void **state)
{
    (void)state;
    char path[] = "/tmp/test_csvread_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    char *text = malloc(page);
    for (size_t i = 0; i < page; i++)
        text[i] = (char)('a' + i % 26);
    assert_int_equal(write(fd, text, page), (ssize_t)page);
    close(fd);
    char *data;
    size_t size;
    ind_error err;
    assert_int_equal(ind_file_slurp(path, &data, &size, &err), IND_OK);
    assert_int_equal(size, page);
    assert_memory_equal(data, text, page);
    assert_int_equal(data[size], '\0');
    data[0] = 'Z'; /* the caller's copy only */
    ind_file_free(data, size);
    assert_int_equal(ind_file_slurp(path, &data, &size, &err), IND_OK);
    assert_int_equal(data[0], 'a');
    ind_file_free(data, size);

    assert_int_equal(truncate(path, 0), 0);
    assert_int_equal(ind_file_slurp(path, &data, &size, &err), IND_OK);
    assert_int_equal(size, 0);
    assert_int_equal(data[0], '\0');
    ind_file_free(data, size);
    remove(path);

    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        close(p[0]);
        for (int k = 0; k < 50; k++) /* 50 pages: the buffer grows several times */
            if (write(p[1], text, page) != (ssize_t)page)
                _exit(1);
        _exit(0);
    }
    close(p[1]);
    char fdpath[64];
    snprintf(fdpath, sizeof fdpath, "/dev/fd/%d", p[0]);
    assert_int_equal(ind_file_slurp(fdpath, &data, &size, &err), IND_OK);
    close(p[0]);
    int status;
    waitpid(child, &status, 0);
    assert_int_equal(size, 50 * page);
    for (size_t k = 0; k < 50; k++)
        assert_memory_equal(data + k * page, text, page);
    assert_int_equal(data[size], '\0');
    ind_file_free(data, size);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_delimiters),
        cmocka_unit_test(test_line_numbers),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_junk),
        cmocka_unit_test(test_quoting),
        cmocka_unit_test(test_huge_field),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_slurp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
