/* charts_placeholder.c: keeps the charts library non-empty until the charts land. */
#include "charts.h"

const char *ind_chart_version(void) { return "0"; }
