/* select.c - which contacts a scan takes, and the walk over them */

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/* Does one of want (none: no filter) name one of have, in any case? */
static int
one_of(struct strv *want, struct strv *have)
{
	size_t i;

	if (want->n == 0)
		return 1;
	for (i = 0; i < want->n; i++)
		if (strv_hascase(have, want->v[i]))
			return 1;
	return 0;
}

/*
 * Repeated filters of one kind are alternatives, kinds combine: -c inner
 * -c close -t rust is (inner or close) and rust.  Tags, groups and
 * circles compare in any case.
 */
int
filter_pass(struct filter *f, struct contact *c)
{
	struct strv circle = { &c->circle, c->circle != NULL };

	return one_of(&f->tag, &c->lib->tags) &&
	    one_of(&f->group, &c->lib->groups) && one_of(&f->circle, &circle);
}

/* A circle filter must name a circle of the settings (any case): else usage. */
void
filter_check(struct net *net, struct filter *f)
{
	char why[256], *y;
	size_t i, j;

	for (i = 0; i < f->circle.n; i++) {
		for (j = 0; j < net->ncircles; j++)
			if (strcaseeq(net->circles[j].name, f->circle.v[i]))
				break;
		if (j < net->ncircles)
			continue;	/* a circle, in any case */
		if ((y = schema_yaml("circle", net, f->circle.v[i], 0, why,
		    sizeof why)) == NULL)
			errx(2, "%s", why);
		free(y);
	}
}

void
filter_free(struct filter *f)
{
	strv_free(&f->tag);
	strv_free(&f->group);
	strv_free(&f->circle);
}

struct sel {
	struct refs	*refs;
	struct strv	*ids;
};

static int
select_one(const char *ref, void *arg)
{
	struct sel *s = arg;
	char *id;

	if ((id = ref_resolve(s->refs, ref)) == NULL)
		return 1;
	if (!strv_has(s->ids, id))
		strv_add(s->ids, id);
	free(id);
	return 0;
}

/* select_ids, and for everyone the files' stamps in *st (else NULL). */
static int
select_stamped(struct refs *r, int argc, char **argv, struct strv *ids,
    struct stamp **st, int *all)
{
	struct sel s = { r, ids };
	char **every;
	size_t n;

	*all = argc == 0;
	if (st)
		*st = NULL;
	if (argc > 0)
		return ref_loop(argc, argv, select_one, &s);
	net_scan(r->net, &every, st, &n, NULL);
	ids->v = every;
	ids->n = n;
	return 0;
}

/*
 * The contacts a scan works on: those the arguments name (each once; "-"
 * reads them from standard input), else everyone; *all says which.  No
 * arguments is everyone whatever standard input is: cron's empty pipe,
 * ssh's open one and a script's own input are not lists of references.
 * 1 when a reference did not resolve.
 */
int
select_ids(struct refs *r, int argc, char **argv, struct strv *ids,
    int *all)
{
	return select_stamped(r, argc, argv, ids, NULL, all);
}

struct walk {
	struct scan	*s;
	int		(*fn)(struct scan *, struct contact *, void *);
	void		*arg;
	int		 rv;
};

static void
walk_one(struct contact *c, void *arg)
{
	struct walk *w = arg;

	if (contact_report(c) == -1)
		w->rv = 1;
	else if (filter_pass(&w->s->filter, c) && w->fn(w->s, c, w->arg))
		return;
	contact_free(c);
}

/*
 * The walk of every scan (nw-due, nw-ls, nw-export, nw-give -l): each
 * contact the references name, else every contact, loaded with s->flags;
 * one that does not load is reported and passed over, one that the filter
 * refuses is passed over, and fn gets the others in turn.  fn returns 1
 * when it keeps the contact (it frees it then), 0 when the walk may free
 * it.  1 when a reference or a contact was bad, the rest still walked.
 * The contacts load on every core, and from the cache (cache.c) when the
 * scan needs no more than their summaries.
 */
int
contacts_each(struct scan *s, int argc, char **argv,
    int (*fn)(struct scan *, struct contact *, void *), void *arg)
{
	struct walk w = { s, fn, arg, 0 };
	struct refs refs = { 0 };
	struct strv ids = { 0 };
	struct stamp *st;

	refs.net = s->net;
	filter_check(s->net, &s->filter);
	w.rv = select_stamped(&refs, argc, argv, &ids, &st, &s->all);
	contacts_load(s->net, ids.v, st, ids.n, s->flags, walk_one, &w);
	if (s->net->unread)	/* said by net_problem: not everyone */
		w.rv = 1;
	free(st);
	strv_free(&ids);
	refs_free(&refs);
	return w.rv;
}
