/* embedded.c: the catalogue and the demo dataset, built into the binary so the
 * command works anywhere without installed data files. */
#include "cli.h"

/* .incbin places a file's bytes in the object file; a NUL follows each so
 * the text can also be read as a C string. The paths come from CMake. */
#define IND_EMBED(sym, path)                                                   \
    __asm__(".section .rodata\n"                                               \
            ".global " #sym "\n"                                               \
            ".type " #sym ", @object\n"                                        \
            ".balign 16\n" #sym ":\n"                                          \
            ".incbin \"" path "\"\n"                                           \
            ".byte 0\n"                                                        \
            ".global " #sym "_end\n" #sym "_end:\n"                            \
            ".previous\n")

#ifdef IND_EMBED_CATALOG
IND_EMBED(ind_blob_catalog, IND_EMBED_CATALOG);
#else
__asm__(".section .rodata\n.global ind_blob_catalog\nind_blob_catalog:\n.byte 0\n"
        ".global ind_blob_catalog_end\nind_blob_catalog_end:\n.previous\n");
#endif
#ifdef IND_EMBED_DEMO
IND_EMBED(ind_blob_demo, IND_EMBED_DEMO);
#else
__asm__(".section .rodata\n.global ind_blob_demo\nind_blob_demo:\n.byte 0\n"
        ".global ind_blob_demo_end\nind_blob_demo_end:\n.previous\n");
#endif
#ifdef IND_EMBED_GOALS
IND_EMBED(ind_blob_goals, IND_EMBED_GOALS);
#else
__asm__(".section .rodata\n.global ind_blob_goals\nind_blob_goals:\n.byte 0\n"
        ".global ind_blob_goals_end\nind_blob_goals_end:\n.previous\n");
#endif

extern const char ind_blob_catalog[], ind_blob_catalog_end[];
extern const char ind_blob_demo[], ind_blob_demo_end[];
extern const char ind_blob_goals[], ind_blob_goals_end[];

const char *cli_embedded(const char *which, unsigned long *size)
{
    const char *start = ind_blob_catalog, *end = ind_blob_catalog_end;
    if (which[0] == 'd') {
        start = ind_blob_demo;
        end = ind_blob_demo_end;
    } else if (which[0] == 'g') {
        start = ind_blob_goals;
        end = ind_blob_goals_end;
    }
    /* the blob ends with the NUL we appended */
    *size = (unsigned long)(end - start) - 1;
    return start;
}
