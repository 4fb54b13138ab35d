/* charts.h: VB charts drawn with cairo and pango from the engine's result structs. */
#ifndef IND_CHARTS_H
#define IND_CHARTS_H

const char *ind_chart_version(void);

#endif
