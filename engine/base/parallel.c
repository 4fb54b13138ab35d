/* parallel.c: a fork and join of POSIX threads, for reading and sorting large data on every core. */
#include "parallel.h"

#include <pthread.h>
#include <unistd.h>

int ind_parallel_cores(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
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
