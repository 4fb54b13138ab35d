/* parallel.h: running a few jobs at once on the machine's cores (POSIX threads). */
#ifndef IND_PARALLEL_H
#define IND_PARALLEL_H

#include <stddef.h>

/* The most jobs ind_parallel_run takes. */
#define IND_PARALLEL_MAX 64

/* The cores to use: those online, 1 to 16. */
int ind_parallel_cores(void);

/* Runs fn on each of count jobs (jobs[k] is at jobs + k * stride), one thread
 * each, job 0 in the calling thread; returns when all are done. A job whose
 * thread cannot be started runs in the calling thread after the others.
 * count is at most IND_PARALLEL_MAX. */
void ind_parallel_run(void *(*fn)(void *), void *jobs, size_t stride, int count);

#endif
