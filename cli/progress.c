/* progress.c: one progress line on standard error for work that takes more than about a second. */
#include "cli.h"

#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The width of the terminal on standard error, 80 when it will not say. */
static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(2, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    return 80;
}

void cli_progress_start(cli_progress *p, const cli_opts *opt, size_t total, const char *label)
{
    memset(p, 0, sizeof *p);
    p->enabled = !opt->quiet && total > 0 && isatty(2);
    p->total = total;
    p->label = label;
    p->start = p->enabled ? now() : 0;
}

/* Copies at most cols characters of s into out (size bytes), whole UTF-8
 * characters only, every control character as '?' (data may hold any). */
static void visible(const char *s, int cols, char *out, size_t size)
{
    size_t n = 0;
    int c = 0;
    for (const unsigned char *u = (const unsigned char *)s; *u && c < cols;) {
        size_t w = *u >= 0xF0 ? 4 : *u >= 0xE0 ? 3 : *u >= 0xC0 ? 2 : 1;
        size_t k = 1;
        while (k < w && (u[k] & 0xC0) == 0x80)
            k++;
        int control = *u < 0x20 || *u == 0x7F || (*u == 0xC2 && k == 2 && u[1] < 0xA0);
        if (k != w || control) {
            w = k; /* a broken or control character: one '?' for it */
            if (n + 2 > size)
                break;
            out[n++] = '?';
        } else {
            if (n + w + 1 > size)
                break;
            memcpy(out + n, u, w);
            n += w;
        }
        u += w;
        c++;
    }
    out[n] = '\0';
}

void cli_progress_step(cli_progress *p, size_t done, const char *item)
{
    if (!p->enabled)
        return;
    double t = now();
    /* nothing for the first second; then at most ten lines a second, and the last */
    if (t - p->start < 1.0 || (t - p->last < 0.1 && done < p->total))
        return;
    p->last = t;
    p->shown = 1;
    enum { BAR = 20 };
    char bar[BAR + 1];
    size_t fill = p->total ? BAR * (done < p->total ? done : p->total) / p->total : 0;
    for (size_t i = 0; i < BAR; i++)
        bar[i] = i < fill ? '#' : '-';
    bar[BAR] = '\0';
    char head[160], tail[1024];
    int len = snprintf(head, sizeof head, "[%s] %zu/%zu %s", bar, done, p->total, p->label ? p->label : "");
    int room = terminal_width() - 1 - len - 2;
    visible(item && room > 0 ? item : "", room > 0 ? room : 0, tail, sizeof tail);
    /* \r and erase-line: the line is drawn over itself */
    fprintf(stderr, "\r\033[K%s%s%s", head, tail[0] ? ": " : "", tail);
    fflush(stderr);
}

void cli_progress_end(cli_progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr); /* the line is cleared: notes that follow start on a clean line */
        fflush(stderr);
    }
    p->shown = 0;
    p->enabled = 0;
}
