/* cores.c - work spread over every core, its results taken in order */

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

#define MAXCORES	16
#define AHEAD		512	/* items done and not yet taken, at most */
#define NONE		((size_t)-1)

/*
 * The items are claimed one at a time from a counter, by helper threads
 * and by the caller, which takes them in order as they are done: nobody
 * waits at a barrier for a thread that a busy machine has not run yet,
 * and the caller runs items itself rather than wait.  Helpers stay at
 * most AHEAD items ahead of what was taken, so that what waits to be
 * taken (a contact with its log) stays small.
 *
 * Waits go through one mutex: the caller sets want (the item it waits
 * for) under it, then looks at done[want]; a helper sets done[j], then
 * looks at want.  With sequentially consistent atomics one of them sees
 * the other's write, and a helper that signals holds the mutex, which
 * the caller keeps until it sleeps.  The same holds for room and nroom.
 */
struct crew {
	void		 (*fn)(void *, size_t);
	void		 (*take)(void *, size_t);
	void		  *arg;
	size_t		   n;
	atomic_size_t	   next;	/* the next item to claim */
	atomic_size_t	   room;	/* items below it may run */
	atomic_size_t	   want;	/* the caller sleeps for it */
	atomic_int	   nroom;	/* helpers asleep for room */
	atomic_uchar	  *done;
	pthread_mutex_t	   mu;
	pthread_cond_t	   ready, more;
};

static void
finish(struct crew *w, size_t j)
{
	w->fn(w->arg, j);
	atomic_store(&w->done[j], 1);
	if (atomic_load(&w->want) == j) {
		pthread_mutex_lock(&w->mu);
		pthread_cond_signal(&w->ready);
		pthread_mutex_unlock(&w->mu);
	}
}

static void *
helper(void *p)
{
	struct crew *w = p;
	size_t j;

	while ((j = atomic_fetch_add(&w->next, 1)) < w->n) {
		if (j >= atomic_load(&w->room)) {
			pthread_mutex_lock(&w->mu);
			atomic_fetch_add(&w->nroom, 1);
			while (j >= atomic_load(&w->room))
				pthread_cond_wait(&w->more, &w->mu);
			atomic_fetch_sub(&w->nroom, 1);
			pthread_mutex_unlock(&w->mu);
		}
		finish(w, j);
	}
	return NULL;
}

/* An item the caller may run without waiting for room; NONE if none. */
static size_t
claim(struct crew *w)
{
	size_t j = atomic_load(&w->next);

	while (j < w->n && j < atomic_load(&w->room))
		if (atomic_compare_exchange_weak(&w->next, &j, j + 1))
			return j;
	return NONE;
}

static long
ncores(void)
{
	long n = sys_ncores();

	return n > MAXCORES ? MAXCORES : n;
}

/* Item i, done by anyone, then taken here. */
static void
await(struct crew *w, size_t i)
{
	size_t j;

	while (!atomic_load(&w->done[i])) {
		if ((j = claim(w)) != NONE) {
			finish(w, j);
			continue;
		}
		pthread_mutex_lock(&w->mu);
		atomic_store(&w->want, i);
		while (!atomic_load(&w->done[i]))
			pthread_cond_wait(&w->ready, &w->mu);
		atomic_store(&w->want, NONE);
		pthread_mutex_unlock(&w->mu);
	}
	if (w->take)
		w->take(w->arg, i);
	atomic_store(&w->room, i + 1 + AHEAD);
	if (atomic_load(&w->nroom) > 0) {
		pthread_mutex_lock(&w->mu);
		pthread_cond_broadcast(&w->more);
		pthread_mutex_unlock(&w->mu);
	}
}

/*
 * fn(arg, i) for every i below n, on every core, in any order: fn writes
 * only what belongs to its i.  Then take(arg, i), when take is not NULL,
 * on this thread in the order of i, as soon as i is done.
 */
void
cores_run(size_t n, void (*fn)(void *, size_t), void (*take)(void *, size_t),
    void *arg)
{
	pthread_t t[MAXCORES];
	struct crew w;
	long k, nt = 0, nc;
	size_t i;

	nc = n < 16 ? 1 : ncores();
	if (nc == 1) {
		for (i = 0; i < n; i++) {
			fn(arg, i);
			if (take)
				take(arg, i);
		}
		return;
	}
	w.fn = fn;
	w.take = take;
	w.arg = arg;
	w.n = n;
	atomic_init(&w.next, 0);
	atomic_init(&w.room, AHEAD);
	atomic_init(&w.want, NONE);
	atomic_init(&w.nroom, 0);
	w.done = xcalloc(n, sizeof *w.done);
	pthread_mutex_init(&w.mu, NULL);
	pthread_cond_init(&w.ready, NULL);
	pthread_cond_init(&w.more, NULL);
	for (k = 1; k < nc; k++)
		if (pthread_create(&t[nt], NULL, helper, &w) == 0)
			nt++;
	for (i = 0; i < n; i++)
		await(&w, i);
	for (k = 0; k < nt; k++)
		pthread_join(t[k], NULL);
	pthread_cond_destroy(&w.more);
	pthread_cond_destroy(&w.ready);
	pthread_mutex_destroy(&w.mu);
	free(w.done);
}
