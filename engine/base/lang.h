/* lang.h: the language of every text meant for people: Swedish by default, English on request. */
#ifndef IND_LANG_H
#define IND_LANG_H

/* One enum for the whole pipeline (engine sentences, charts, documents, the
 * command's messages). Machine output (CSV and JSON codes) never depends on it. */
typedef enum { IND_LANG_SV = 0, IND_LANG_EN = 1 } ind_lang;

#endif
