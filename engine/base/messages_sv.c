/* messages_sv.c: the Swedish texts of the messages (the catalogue of messages.h), in the order of the English. */
#include "messages.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by the English format (strcmp), for a binary search. */
static const ind_msg catalogue[] = {
    {"out of memory", "slut på minne"},
};
#define COUNT (sizeof catalogue / sizeof catalogue[0])

static int by_en(const void *key, const void *item)
{
    return strcmp(key, ((const ind_msg *)item)->en);
}

const char *ind_msg_sv(const char *fmt)
{
    const ind_msg *m = bsearch(fmt, catalogue, COUNT, sizeof catalogue[0], by_en);
    return m ? m->sv : NULL;
}

const ind_msg *ind_msg_catalogue(unsigned long *count)
{
    *count = COUNT;
    return catalogue;
}
