/* strmap.c - a small map of strings, equal as strcaseeq says */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * Keys are names and emails as people type them: Müller finds muller.
 * A key put twice is kept twice, and a lookup sees its values in the
 * order they were put, so that "the first contact with this name" is the
 * first in the network's order.  The map does not copy keys or values:
 * they must outlive it.  Lookups only read, so a map filled beforehand
 * may be read on every core at once.
 */

struct strent {
	const char	*key;
	void		*val;
	size_t		 next;		/* the next entry of its chain, + 1 */
};

struct strmap {
	struct strent	*v;		/* in the order put */
	size_t		 n, cap;
	size_t		*head, *tail;	/* per chain: first and last, + 1 */
	size_t		 mask;
};

struct strmap *
strmap_new(void)
{
	return xcalloc(1, sizeof(struct strmap));
}

static void
chain(struct strmap *m, size_t i)
{
	size_t b = strcasehash(m->v[i].key) & m->mask;

	m->v[i].next = 0;
	if (m->tail[b])
		m->v[m->tail[b] - 1].next = i + 1;
	else
		m->head[b] = i + 1;
	m->tail[b] = i + 1;
}

/* Twice as many chains as entries, at least 64. */
static void
grow(struct strmap *m)
{
	size_t i;

	m->cap = m->cap ? 2 * m->cap : 32;
	m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	free(m->head);
	free(m->tail);
	m->mask = 2 * m->cap - 1;
	m->head = xcalloc(m->mask + 1, sizeof *m->head);
	m->tail = xcalloc(m->mask + 1, sizeof *m->tail);
	for (i = 0; i < m->n; i++)
		chain(m, i);
}

void
strmap_put(struct strmap *m, const char *key, void *val)
{
	if (m->n == m->cap)
		grow(m);
	m->v[m->n].key = key;
	m->v[m->n].val = val;
	chain(m, m->n++);
}

/*
 * The values put under key, one a call in the order put: *it 0 for the
 * first, then as this leaves it.  NULL after the last (a value is never
 * NULL).
 */
void *
strmap_next(const struct strmap *m, const char *key, size_t *it)
{
	size_t e;

	if (m->n == 0)
		return NULL;
	e = *it ? m->v[*it - 1].next : m->head[strcasehash(key) & m->mask];
	for (; e; e = m->v[e - 1].next)
		if (strcaseeq(m->v[e - 1].key, key)) {
			*it = e;
			return m->v[e - 1].val;
		}
	return NULL;
}

/* The first value put under key; NULL when none. */
void *
strmap_get(const struct strmap *m, const char *key)
{
	size_t it = 0;

	return strmap_next(m, key, &it);
}

/* Every entry forgotten, the memory kept for the next. */
void
strmap_clear(struct strmap *m)
{
	m->n = 0;
	if (m->head) {
		memset(m->head, 0, (m->mask + 1) * sizeof *m->head);
		memset(m->tail, 0, (m->mask + 1) * sizeof *m->tail);
	}
}

void
strmap_free(struct strmap *m)
{
	if (m == NULL)
		return;
	free(m->v);
	free(m->head);
	free(m->tail);
	free(m);
}

/*
 * FNV-1a over s[0..len), 64 bits: the one hash of bytes (nw-vdir's
 * journal checksums and its table of ids; the map's keys hash by their
 * fold, strcasehash).
 */
uint64_t
hash64(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}
