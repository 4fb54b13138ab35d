/* messages.h: the message catalogue: the Swedish text of every message the library and the command print. */
#ifndef IND_MESSAGES_H
#define IND_MESSAGES_H

/* Messages are written in the code in English, as printf formats; the
 * catalogue (messages_sv.c) gives each its Swedish format with the same
 * conversions in the same order, so the same arguments fill either
 * (tests/unit/test_messages.c checks both, and that every format the code
 * passes to ind_error_set, cli_error and the warnings has an entry). */

/* The Swedish format of an English one, or NULL when the catalogue has none. */
const char *ind_msg_sv(const char *fmt);
/* The catalogue, for the tests: pairs of English and Swedish formats. */
typedef struct {
    const char *en, *sv;
} ind_msg;
const ind_msg *ind_msg_catalogue(unsigned long *count);

#endif
