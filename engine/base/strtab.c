/* strtab.c: interned strings in one growing arena with an open-addressing index.
 *
 * Text lives in a single arena (so ids stay valid across growth: we keep offsets,
 * not pointers) and the index is a power-of-two table of (hash, id) probed
 * linearly. Data files repeat a few hundred unit and indicator names millions of
 * times, so the hot path is a hit: hash, one or two probes, one memcmp. */
#include "strtab.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    uint32_t hash;
    ind_str id; /* 0 = empty slot (the empty string is never stored in the index) */
} slot;

struct ind_strtab {
    char *arena;
    size_t arena_len, arena_cap;
    uint32_t *offset; /* offset[id] into arena; length is offset[id+1]-offset[id]-1 */
    size_t count, offset_cap;
    slot *slots;
    size_t slot_cap; /* power of two */
};

static uint32_t hash_bytes(const char *s, size_t len)
{
    /* FNV-1a: short keys, good spread, no dependency. */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h ? h : 1;
}

ind_strtab *ind_strtab_new(void)
{
    ind_strtab *tab = calloc(1, sizeof *tab);
    if (!tab)
        return NULL;
    tab->arena_cap = 4096;
    tab->arena = malloc(tab->arena_cap);
    tab->offset_cap = 256;
    tab->offset = malloc(tab->offset_cap * sizeof *tab->offset);
    tab->slot_cap = 512;
    tab->slots = calloc(tab->slot_cap, sizeof *tab->slots);
    if (!tab->arena || !tab->offset || !tab->slots) {
        ind_strtab_free(tab);
        return NULL;
    }
    /* id 0: the empty string */
    tab->arena[0] = '\0';
    tab->arena_len = 1;
    tab->offset[0] = 0;
    tab->offset[1] = 1;
    tab->count = 1;
    return tab;
}

void ind_strtab_free(ind_strtab *tab)
{
    if (!tab)
        return;
    free(tab->arena);
    free(tab->offset);
    free(tab->slots);
    free(tab);
}

const char *ind_strtab_get(const ind_strtab *tab, ind_str id)
{
    if (id >= tab->count)
        return "";
    return tab->arena + tab->offset[id];
}

size_t ind_strtab_len(const ind_strtab *tab, ind_str id)
{
    if (id >= tab->count)
        return 0;
    return tab->offset[id + 1] - tab->offset[id] - 1;
}

size_t ind_strtab_count(const ind_strtab *tab) { return tab->count; }

size_t ind_strtab_bytes(const ind_strtab *tab)
{
    return tab->arena_len + tab->count * sizeof *tab->offset + tab->slot_cap * sizeof(slot);
}

static int grow_slots(ind_strtab *tab)
{
    size_t cap = tab->slot_cap * 2;
    slot *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < tab->slot_cap; i++) {
        if (!tab->slots[i].id)
            continue;
        size_t j = tab->slots[i].hash & (cap - 1);
        while (s[j].id)
            j = (j + 1) & (cap - 1);
        s[j] = tab->slots[i];
    }
    free(tab->slots);
    tab->slots = s;
    tab->slot_cap = cap;
    return 0;
}

ind_str ind_strtab_find(const ind_strtab *tab, const char *s, size_t len, int *found)
{
    if (found)
        *found = 0;
    if (len == 0) {
        if (found)
            *found = 1;
        return 0;
    }
    uint32_t h = hash_bytes(s, len);
    size_t j = h & (tab->slot_cap - 1);
    while (tab->slots[j].id) {
        if (tab->slots[j].hash == h) {
            ind_str id = tab->slots[j].id;
            if (ind_strtab_len(tab, id) == len && memcmp(tab->arena + tab->offset[id], s, len) == 0) {
                if (found)
                    *found = 1;
                return id;
            }
        }
        j = (j + 1) & (tab->slot_cap - 1);
    }
    return 0;
}

ind_str ind_strtab_intern(ind_strtab *tab, const char *s, size_t len)
{
    if (len == 0)
        return 0;
    uint32_t h = hash_bytes(s, len);
    size_t j = h & (tab->slot_cap - 1);
    while (tab->slots[j].id) {
        if (tab->slots[j].hash == h) {
            ind_str id = tab->slots[j].id;
            if (ind_strtab_len(tab, id) == len && memcmp(tab->arena + tab->offset[id], s, len) == 0)
                return id;
        }
        j = (j + 1) & (tab->slot_cap - 1);
    }
    if (tab->count >= UINT32_MAX - 2 || tab->arena_len + len + 1 > UINT32_MAX)
        return (ind_str)-1;
    /* append text */
    if (tab->arena_len + len + 1 > tab->arena_cap) {
        size_t cap = tab->arena_cap;
        while (tab->arena_len + len + 1 > cap)
            cap *= 2;
        char *a = realloc(tab->arena, cap);
        if (!a)
            return (ind_str)-1;
        tab->arena = a;
        tab->arena_cap = cap;
    }
    if (tab->count + 2 > tab->offset_cap) {
        size_t cap = tab->offset_cap * 2;
        uint32_t *o = realloc(tab->offset, cap * sizeof *o);
        if (!o)
            return (ind_str)-1;
        tab->offset = o;
        tab->offset_cap = cap;
    }
    ind_str id = (ind_str)tab->count;
    memcpy(tab->arena + tab->arena_len, s, len);
    tab->arena[tab->arena_len + len] = '\0';
    tab->arena_len += len + 1;
    tab->count++;
    tab->offset[tab->count] = (uint32_t)tab->arena_len;
    tab->slots[j].hash = h;
    tab->slots[j].id = id;
    if (tab->count * 2 > tab->slot_cap && grow_slots(tab) != 0)
        return (ind_str)-1;
    return id;
}
