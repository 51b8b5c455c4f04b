/* select.c - which contacts a scan takes, and the walk over them */

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/* Every -t, -g and -c must hold (tags and groups ignore case). */
int
filter_pass(struct filter *f, struct contact *c)
{
	size_t i;

	for (i = 0; i < f->tag.n; i++)
		if (!strv_hascase(&c->tags, f->tag.v[i]))
			return 0;
	for (i = 0; i < f->group.n; i++)
		if (!strv_hascase(&c->groups, f->group.v[i]))
			return 0;
	for (i = 0; i < f->circle.n; i++)
		if (c->circle == NULL || strcmp(c->circle, f->circle.v[i]))
			return 0;
	return 1;
}

/* A circle filter must name a circle of the settings: else usage. */
void
filter_check(struct net *net, struct filter *f)
{
	char why[256], *y;
	size_t i;

	for (i = 0; i < f->circle.n; i++) {
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
	struct sel s = { r, ids };
	char **every;
	size_t n;

	*all = argc == 0;
	if (argc > 0)
		return ref_loop(argc, argv, select_one, &s);
	net_list(r->net, &every, &n, NULL);
	ids->v = every;
	ids->n = n;
	return 0;
}

/*
 * The walk of every scan (nw-due, nw-ls, nw-export, nw-give -l): each
 * contact the references name, else every contact, loaded with s->flags;
 * one that does not load is reported and passed over, one that the filter
 * refuses is passed over, and fn gets the others in turn.  fn returns 1
 * when it keeps the contact (it frees it then), 0 when the walk may free
 * it.  1 when a reference or a contact was bad, the rest still walked.
 */
int
contacts_each(struct scan *s, int argc, char **argv,
    int (*fn)(struct scan *, struct contact *, void *), void *arg)
{
	struct refs refs = { 0 };
	struct strv ids = { 0 };
	struct contact *c;
	size_t i;
	int rv;

	refs.net = s->net;
	filter_check(s->net, &s->filter);
	rv = select_ids(&refs, argc, argv, &ids, &s->all);
	for (i = 0; i < ids.n; i++) {
		c = contact_load(s->net, ids.v[i], s->flags);
		if (contact_report(c))
			rv = 1;
		else if (filter_pass(&s->filter, c) && fn(s, c, arg))
			continue;
		contact_free(c);
	}
	strv_free(&ids);
	refs_free(&refs);
	return rv;
}
