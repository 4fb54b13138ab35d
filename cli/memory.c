/* memory.c: a drawing command makes sure of its memory before fontconfig, pango and GLib run.
 *
 * GLib aborts the process when g_malloc fails (g_mem_set_vtable has done
 * nothing since GLib 2.46, so that cannot be changed), fontconfig goes on with
 * a half-read configuration when its malloc fails, and pango then crashes in
 * its font thread. None of that can be caught afterwards, so `chart` and
 * `report` check first, while a failure is still a clean exit 4:
 *   1. Under an address-space limit (ulimit -v) malloc gets one arena, not one
 *      per thread: glibc reserves 64 MB of address space for each thread's
 *      arena, so pango's threads alone could exhaust a limit of 100 MB at
 *      random moments.
 *   2. The address space drawing needs (need_mb, see cli.h) is
 *      reserved with mmap, without touching it, and given back: a refusal
 *      means the limit leaves too little, and the command stops with exit 4
 *      before any library has run.
 *   3. fontconfig is set up once, here, in the main thread (FcInit); pango's
 *      font thread then finds it done.
 * Drawing itself checks cairo's status and reports IND_ENOMEM as exit 4. */
#include "cli.h"

#include <fontconfig/fontconfig.h>
#include <malloc.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>


int cli_draw_prepare(int need_mb)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        mallopt(M_ARENA_MAX, 1);
    size_t need = (size_t)need_mb << 20;
    void *p = mmap(NULL, need, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return cli_error(4, "out of memory: drawing needs about %d MB more address space than is left "
                            "(is ulimit -v set too low?)", need_mb);
    munmap(p, need);
    if (!FcInit())
        return cli_error(4, "out of memory: the fonts could not be set up (fontconfig)");
    return 0;
}
