/* messages.h: the message catalogue: the Swedish text of every message the library and the command print. */
#ifndef IND_MESSAGES_H
#define IND_MESSAGES_H

#include <stdarg.h>
#include <stddef.h>

#include "lang.h"

/* Messages are written in the code in English, as printf formats; the
 * catalogue (messages_sv.c) gives each its Swedish format with the same
 * conversions in the same order, so the same arguments fill either
 * (tests/unit/test_messages.c checks both, and that every format the code
 * passes to ind_error_set, cli_error and the warnings has an entry). The
 * catalogue also holds the texts that go into a message as an argument (the
 * reason a period or a number could not be read, a system error's text):
 * formatting in Swedish puts their Swedish in their place. */

/* The Swedish format of an English one, or NULL when the catalogue has none. */
const char *ind_msg_sv(const char *fmt);

/* Formats the English format fmt with ap into buf (size bytes, always
 * terminated) in lang: in English as vsnprintf does; in Swedish with the
 * catalogue's format, and each %s argument the catalogue knows (a reason,
 * an errno's text) in its Swedish. Returns 1 when the text is in lang, 0 when
 * the catalogue has no Swedish for fmt (buf then holds the English). */
int ind_msg_vformat(ind_lang lang, char *buf, size_t size, const char *fmt, va_list ap);
int ind_msg_format(ind_lang lang, char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The English text of a system error number for a message: the project's own
 * words for the common ones (which the catalogue has in Swedish: "No such file
 * or directory" becomes "filen eller mappen finns inte"), strerror's for the rest. */
const char *ind_msg_errno(int errnum);

/* The catalogue, for the tests: pairs of English and Swedish formats. */
typedef struct {
    const char *en, *sv;
} ind_msg;
const ind_msg *ind_msg_catalogue(unsigned long *count);

#endif
