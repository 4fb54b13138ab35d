/* lsan_fontconfig.h: for a test program that draws text (included once, in it): fontconfig keeps a few
 * hundred bytes of its configuration for the life of the process (outside indikator); LeakSanitizer
 * is told so. */
#ifndef IND_LSAN_FONTCONFIG_H
#define IND_LSAN_FONTCONFIG_H

const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

#endif
