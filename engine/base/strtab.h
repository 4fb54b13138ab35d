/* strtab.h: interned strings; each distinct string is stored once and named by a small id. */
#ifndef IND_STRTAB_H
#define IND_STRTAB_H

#include <stddef.h>
#include <stdint.h>

/* Id 0 is always the empty string, so a zeroed field means "no text". */
typedef uint32_t ind_str;

typedef struct ind_strtab ind_strtab;

ind_strtab *ind_strtab_new(void);
void ind_strtab_free(ind_strtab *tab);

/* Returns the id of the len bytes at s, adding them when new; (ind_str)-1 when
 * out of memory. The bytes need not be NUL-terminated. */
ind_str ind_strtab_intern(ind_strtab *tab, const char *s, size_t len);
/* Looks a string up without adding it; 0 with *found = 0 when absent. */
ind_str ind_strtab_find(const ind_strtab *tab, const char *s, size_t len, int *found);
/* The NUL-terminated text of id; valid until the table is freed. */
const char *ind_strtab_get(const ind_strtab *tab, ind_str id);
size_t ind_strtab_len(const ind_strtab *tab, ind_str id);
size_t ind_strtab_count(const ind_strtab *tab);
/* Bytes held for the distinct strings themselves (text and hash slots). */
size_t ind_strtab_bytes(const ind_strtab *tab);

#endif
