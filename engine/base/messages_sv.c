/* messages_sv.c: the Swedish texts of the messages (the catalogue of messages.h), in the order of the English. */
#include "messages.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by the English format (strcmp), for a binary search. */
static const ind_msg catalogue[] = {
    {"-o %s is a folder; chart %s draws one file (-o FILE.png, .svg or .pdf); only chart trend draws a folder of charts", "-o %s är en mapp; chart %s ritar en fil (-o FIL.png, .svg eller .pdf); bara chart trend ritar en mapp med diagram"},
    {"-o %s: a name ending in \"/\" is a folder, and this command writes one file; give a file name (folders are for chart trend and extract)", "-o %s: ett namn som slutar på \"/\" är en mapp, och kommandot skriver en fil; ange ett filnamn (mappar gäller chart trend och extract)"},
    {"-o %s: the file must end in .png, .svg or .pdf; for trend, -o %s/ draws a chart per series into that folder (made if missing)", "-o %s: filnamnet måste sluta på .png, .svg eller .pdf; för trend ritar -o %s/ ett diagram per serie i den mappen (som skapas om den saknas)"},
    {"cannot create the folder %s: %s", "kan inte skapa mappen %s: %s"},
    {"cannot create the folder %s: %s is a file", "kan inte skapa mappen %s: %s är en fil"},
    {"indicator \"%s\" matches both \"%s\" and \"%s\"; write the name as in the data", "indikatorn \"%s\" passar både \"%s\" och \"%s\"; skriv namnet som det står i data"},
    {"no outcomes for %s in the selection (%s); the data has outcomes for %s", "inga utfall för %s i urvalet (%s); data finns för %s"},
    {"no outcomes in the selection (%s): the data has none for that combination", "inga utfall i urvalet (%s): data har inga för den kombinationen"},
    {"out of memory", "slut på minne"},
    {"the unit \"%s\" of goal \"%s\" matches both \"%s\" and \"%s\" in the data; write it as the data does", "enheten \"%s\" för målet \"%s\" passar både \"%s\" och \"%s\" i data; skriv den som den står i data"},
    {"unit \"%s\" matches both \"%s\" and \"%s\"; write the name as in the data", "enheten \"%s\" passar både \"%s\" och \"%s\"; skriv namnet som det står i data"},
    {"unknown chart \"%s\". Did you mean %s?", "okänt diagram \"%s\". Menade du %s?"},
    {"unknown command \"%s\"", "okänt kommando \"%s\""},
    {"unknown command \"%s\". Did you mean %s?", "okänt kommando \"%s\". Menade du %s?"},
    {"unknown indicator \"%s\". Did you mean %s?", "okänd indikator \"%s\". Menade du %s?"},
    {"unknown indicator \"%s\": no data for it (see 'indikator check' for the list)", "okänd indikator \"%s\": data har inga värden för den (se listan i 'indikator check')"},
    {"unknown unit \"%s\". Did you mean %s?", "okänd enhet \"%s\". Menade du %s?"},
    {"unknown unit \"%s\": the data has %zu units (see 'indikator check' for the list)", "okänd enhet \"%s\": data har %zu enheter (se listan i 'indikator check')"},
    {"unknown unit \"%s\"; the data's units: %s", "okänd enhet \"%s\"; enheterna i data är %s"},
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
