/* parallel.c: a fork and join of POSIX threads, and huge pages, for reading and sorting large data. */
#define _GNU_SOURCE
#include "parallel.h"

#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

void ind_huge_pages(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t from = ((uintptr_t)p + huge - 1) & ~(huge - 1), to = ((uintptr_t)p + bytes) & ~(huge - 1);
    if (bytes >= 2 * huge && to > from)
        madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
    (void)p, (void)bytes;
#endif
}

void *ind_huge_alloc(size_t bytes)
{
    const size_t huge = (size_t)2 << 20;
    if (bytes < huge / 2 || bytes > SIZE_MAX - huge)
        return malloc(bytes);
    void *p = NULL;
    size_t whole = bytes & ~(huge - 1); /* the huge pages the array fills */
    if (posix_memalign(&p, huge, (bytes + huge - 1) & ~(huge - 1)) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    if (whole)
        madvise(p, whole, MADV_HUGEPAGE);
#endif
#ifdef MADV_POPULATE_WRITE
    /* the rest in small pages, all made at once: no memory beyond the array */
    if (bytes > whole)
        madvise((char *)p + whole, bytes - whole, MADV_POPULATE_WRITE);
#endif
    return p;
}

void *ind_huge_room(size_t bytes)
{
    const size_t huge = (size_t)2 << 20;
    if (bytes < huge / 2 || bytes > SIZE_MAX - huge)
        return malloc(bytes);
    void *p = NULL;
    bytes = (bytes + huge - 1) & ~(huge - 1);
    if (posix_memalign(&p, huge, bytes) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, bytes, MADV_HUGEPAGE);
#endif
    return p;
}

void ind_memory_setup(void)
{
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

int ind_parallel_cores(void)
{
    /* the cores this process may run on (taskset, a container's cpuset), not
     * every core the machine has: more threads than those only take turns */
    cpu_set_t set;
    long cores = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : sysconf(_SC_NPROCESSORS_ONLN);
    return cores < 1 ? 1 : cores > 16 ? 16 : (int)cores;
}

void ind_parallel_run(void *(*fn)(void *), void *jobs, size_t stride, int count)
{
    pthread_t tid[IND_PARALLEL_MAX];
    int started[IND_PARALLEL_MAX] = {0};
    if (count > IND_PARALLEL_MAX)
        count = IND_PARALLEL_MAX;
    for (int k = 1; k < count; k++)
        started[k] = pthread_create(&tid[k], NULL, fn, (char *)jobs + (size_t)k * stride) == 0;
    if (count > 0)
        fn(jobs);
    for (int k = 1; k < count; k++) {
        if (started[k])
            pthread_join(tid[k], NULL);
        else
            fn((char *)jobs + (size_t)k * stride);
    }
}

/* The jobs of ind_parallel_each, shared by its threads. */
typedef struct {
    void *(*fn)(void *);
    char *jobs;
    size_t stride, count;
    atomic_size_t next; /* the first job not yet taken */
} job_queue;

static void *take_jobs(void *arg)
{
    job_queue *q = *(job_queue **)arg;
    for (size_t k; (k = atomic_fetch_add(&q->next, 1)) < q->count;)
        q->fn(q->jobs + k * q->stride);
    return NULL;
}

void ind_parallel_each(void *(*fn)(void *), void *jobs, size_t stride, size_t count, int threads)
{
    job_queue q = {fn, jobs, stride, count, 0};
    job_queue *worker[IND_PARALLEL_MAX];
    if (threads < 1)
        threads = 1;
    if ((size_t)threads > count)
        threads = (int)count;
    if (threads > IND_PARALLEL_MAX)
        threads = IND_PARALLEL_MAX;
    for (int k = 0; k < threads; k++)
        worker[k] = &q;
    ind_parallel_run(take_jobs, worker, sizeof worker[0], threads);
}
