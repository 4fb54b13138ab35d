/* text.h: Swedish text folding for matching names, headers and target words, and the closest names to a misspelt one. */
#ifndef IND_TEXT_H
#define IND_TEXT_H

#include <stddef.h>

/* One folding function serves every place that compares text a person
 * typed: catalogue keys (ind_catalog_key), CSV headers, target words
 * ("Max 5 %", "Öka"), the extractor's match of ASCII-printed outline names
 * against the document ("Omrade sysselsattning" finds "Område
 * sysselsättning"), and "did you mean" suggestions. What is folded is
 * chosen by flags, so each caller says which variant it needs instead of
 * keeping its own copy:
 *   IND_TEXT_CASE      lower case: A-Z and the Latin-1 capitals (Å Ä Ö É Ü ...);
 *   IND_TEXT_ASCII     diacritics removed: å ä à → a, ö ø → o, é è → e,
 *                      ü → u, ç → c, ñ → n, í → i, ý → y (capitals too; case
 *                      kept unless IND_TEXT_CASE); other Latin-1 letters
 *                      (æ ß þ ...) become '?';
 *   IND_TEXT_BLANKS    runs of blanks (space, tab, CR, LF, FF, VT, U+00A0
 *                      no-break space, U+2007, U+202F) become one space,
 *                      leading and trailing ones are dropped;
 *   IND_TEXT_DASHES    hyphen U+2010, non-breaking hyphen U+2011, en dash,
 *                      em dash and minus U+2212 become '-';
 *   IND_TEXT_TRAILING  trailing punctuation and footnote marks (. : ; , * !)
 *                      are dropped, with the blanks between them.
 * Text is read as UTF-8; any other byte is copied as it is. The output is
 * cut at a whole character when it does not fit. */
enum {
    IND_TEXT_CASE = 1u << 0,
    IND_TEXT_ASCII = 1u << 1,
    IND_TEXT_BLANKS = 1u << 2,
    IND_TEXT_DASHES = 1u << 3,
    IND_TEXT_TRAILING = 1u << 4
};

/* A name as a key: case, blanks, dashes and trailing marks folded
 * (diacritics kept: "Får" and "Far" stay apart). */
#define IND_TEXT_KEY (IND_TEXT_CASE | IND_TEXT_BLANKS | IND_TEXT_DASHES | IND_TEXT_TRAILING)
/* A name as a person may type it: the key without diacritics too
 * ("sjukfranvaro" for "Sjukfrånvaro"). */
#define IND_TEXT_LOOSE (IND_TEXT_KEY | IND_TEXT_ASCII)

/* Folds the len bytes at s by flags into out (size bytes, always
 * NUL-terminated when size > 0). map: NULL, or room for size offsets; on
 * return map[k] is the offset in s of the character output byte k came
 * from, and map[n] the offset just past the last one used (so
 * s[map[a]..map[b]) is the original text of out[a..b)). Returns n, the
 * length written. */
size_t ind_text_fold(const char *s, size_t len, unsigned flags, char *out, size_t size, size_t *map);

/* Compares two NUL-terminated strings after folding both by flags: 1 when
 * they are the same, else 0 (texts over 1 KiB are compared on their first
 * 1 KiB). */
int ind_text_equal(const char *a, const char *b, unsigned flags);

/* Is there a blank (as IND_TEXT_BLANKS reads it) at byte i of the len
 * bytes at s? On 1, *width holds its length in bytes. */
int ind_text_blank_at(const char *s, size_t len, size_t i, size_t *width);

/* The edit distance of two names after IND_TEXT_LOOSE folding: the least
 * number of characters inserted, deleted, replaced or two neighbours swapped
 * (Damerau-Levenshtein, optimal string alignment) to make one from the
 * other. "stauts" is 1 from "status"; "vuxenenhetn" 1 from "Vuxenenheten".
 * Names are compared on their first 255 characters. */
size_t ind_text_distance(const char *a, const char *b);

/* The largest distance ind_text_closest accepts for a query of n
 * characters when given a negative max_dist: 1 up to 7 characters, 2 up to
 * 11, 3 beyond. */
size_t ind_text_default_distance(size_t n);

/* "Did you mean": the names[0..n) closest to query by ind_text_distance,
 * those within max_dist edits (negative: ind_text_default_distance of the
 * query's folded length), closest first, ties in the order given. An exact
 * match after folding (distance 0) is included. Writes up to k (at most 64)
 * indices into best and returns how many. NULL names are skipped. */
size_t ind_text_closest(const char *query, const char *const *names, size_t n, int max_dist, size_t *best,
                        size_t k);

/* How a name was found among others (ind_text_find). */
typedef enum {
    IND_TEXT_NOT_FOUND = 0, /* no name matches, not even folded */
    IND_TEXT_FOUND,         /* one thing matches */
    IND_TEXT_AMBIGUOUS      /* two different things match equally well */
} ind_text_found;

/* The one rule by which a name a person typed selects among names[0..n)
 * (units, indicators, goals' units): a name equal byte for byte wins; when
 * none is, a name equal by IND_TEXT_KEY (case, blanks, dashes); when none
 * is, one equal by IND_TEXT_LOOSE (diacritics too). The first of these
 * levels that matches anything decides; when it matches two different things
 * the choice is ambiguous. group: NULL, or n numbers, names with the same
 * number being one thing under several names (an indicator's id, name and
 * aliases); with NULL, names equal byte for byte are one thing. On
 * IND_TEXT_FOUND *at is the first matching name; on IND_TEXT_AMBIGUOUS *at
 * and *other are two names of different things. NULL names are skipped;
 * names are compared on their first 1 KiB. */
ind_text_found ind_text_find(const char *query, const char *const *names, const size_t *group, size_t n,
                             size_t *at, size_t *other);

#endif
