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

/* Memory for a large array about to be written, freed with free(). From
 * 1 MiB on it is 2 MiB-aligned, with huge pages asked for under the whole
 * 2 MiB it fills, and the rest made at once in small pages (not one page
 * fault each); smaller, it is malloc's. NULL when out of memory. On a virtual
 * machine a small page's first write costs some 10 µs (measured here): 64 MiB
 * took 0.18 s in small pages one by one, 0.09 s made at once, 0.004–0.1 s in
 * huge pages. */
void *ind_huge_alloc(size_t bytes);
/* As ind_huge_alloc, for room that may be written only in part (a table that
 * grows by doubling): huge pages asked for under all of it and nothing made
 * ahead, so only the 2 MiB pages written become memory. */
void *ind_huge_room(size_t bytes);

/* For a program (not a library: it sets malloc for the whole process): blocks
 * of 1 MiB and more from the kernel, given back when freed. malloc by default
 * raises that limit to the largest block freed so far, and then keeps freed
 * blocks of that size: a program that reads several large files one after
 * another held the memory of all of them (three times the data's bytes in the
 * benchmark's repeated reads). */
void ind_memory_setup(void);

#endif
