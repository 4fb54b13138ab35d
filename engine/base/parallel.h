/* parallel.h: the machine's cores and memory for large data: jobs on every core, huge pages under large arrays. */
#ifndef IND_PARALLEL_H
#define IND_PARALLEL_H

#include <stddef.h>

/* The most jobs ind_parallel_run takes. */
#define IND_PARALLEL_MAX 64

/* The cores to use: those the process may run on (taskset -c 0 gives one), 1 to 16. */
int ind_parallel_cores(void);

/* Runs fn on each of count jobs (jobs[k] is at jobs + k * stride), one thread
 * each, job 0 in the calling thread; returns when all are done. A job whose
 * thread cannot be started runs in the calling thread after the others.
 * count is at most IND_PARALLEL_MAX. */
void ind_parallel_run(void *(*fn)(void *), void *jobs, size_t stride, int count);

/* Runs fn on each of count jobs with `threads` threads (1 to IND_PARALLEL_MAX),
 * each thread taking the next job no thread has taken, in index order. Cores
 * are not equally fast while they run together (another program, a busy
 * neighbour on the host): with many small jobs the slower core takes fewer,
 * and all end close together, where one job per core waits for the slowest. */
void ind_parallel_each(void *(*fn)(void *), void *jobs, size_t stride, size_t count, int threads);

/* Asks the kernel for huge pages under the 2 MiB-aligned middle of a large
 * array about to be written (4 MiB and more): a first write then costs one
 * page fault per 2 MiB instead of one per 4 KiB. Nothing happens where the
 * kernel has no such pages. */
void ind_huge_pages(void *p, size_t bytes);

/* Memory for a large array about to be written, freed with free(): from
 * 4 MiB on it is 2 MiB-aligned and rounded up to whole 2 MiB, with huge pages
 * asked for under all of it (not only a middle, as ind_huge_pages gives
 * memory from malloc); smaller, it is malloc's. NULL when out of memory. */
void *ind_huge_alloc(size_t bytes);

#endif
