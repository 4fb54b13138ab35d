/* opts.h: what a document is built with: the selection, the judgement rules and the language, independent of any command line. */
#ifndef IND_OPTS_H
#define IND_OPTS_H

#include <stddef.h>

#include "attain.h"
#include "dataset.h"
#include "goals.h"
#include "lang.h"
#include "period.h"

/* At most this many references (--reference): each draws a line of its own. */
#define IND_OPTS_REFERENCES_MAX 2

/* The builders (build.h) take one ind_opts. A command fills it from its
 * options (cli/); a program using the library fills it directly after
 * ind_opts_init. Strings and lists are borrowed: they must outlive the
 * builder call. */
typedef struct {
    ind_lang lang;
    /* selection: empty lists select everything */
    const char *const *units;
    size_t unit_count;
    const char *const *indicators; /* names, aliases or catalogue ids */
    size_t indicator_count;
    int year;                      /* 0 = any */
    ind_period period;             /* 0 = any */
    ind_period from, to;           /* 0 = open */
    int gender_all;                /* every gender */
    int gender_given;              /* gender below is the one asked for */
    ind_gender gender;
    /* judgement */
    ind_attain_policy policy;      /* delvis band, smallest base, interval level */
    ind_rollup_rule rollup;        /* goals from their indicators */
    double alpha;                  /* significance level of trends and tests */
    /* comparison and SPC (command-specific words, parsed by the builders) */
    const char *method, *adjust, *spc_chart, *rules;
    int trendline, zoom;           /* figures */
    /* references: units of the data each series is set against (a
       förvaltning's total, a municipality or Riket from Kolada), spelled as
       the dataset spells them; in tables, charts and a report's sentences */
    const char *const *references;
    size_t reference_count;        /* 0 to IND_OPTS_REFERENCES_MAX */
    /* documents */
    const char *const *organisation; /* lines above the unit on a report's cover */
    size_t organisation_count;
    const char *title;             /* a report's own title; NULL = the standard one */
} ind_opts;

/* Defaults: Swedish, everything selected, the default policy and roll-up rule, alpha 0.05. */
void ind_opts_init(ind_opts *o);

/* Does series s pass the unit, indicator and gender selection? Without a
 * gender asked for, totals only unless default_all_genders. */
int ind_opts_series(const ind_opts *o, const ind_dataset *ds, const ind_series *s, int default_all_genders);
/* Does series s pass the unit and indicator selection, whatever its gender? */
int ind_opts_names(const ind_opts *o, const ind_dataset *ds, const ind_series *s);
/* Does period p pass year, period, from and to? */
int ind_opts_period(const ind_opts *o, ind_period p);
/* The latest complete year with an outcome (a year, T3 or December value;
 * else the latest year with any value), or 0 when the data has none. */
int ind_opts_latest_year(const ind_dataset *ds);
/* The rule in force in words, for a footer or the methods section:
 * "Regel: delvis inom 5 % av årsmålet …". Returns buf. */
char *ind_opts_policy_text(const ind_opts *o, char *buf, size_t size);
/* The decimals to show for a series' values (the catalogue's, else 1). */
int ind_opts_decimals(const ind_series *s);

#endif
