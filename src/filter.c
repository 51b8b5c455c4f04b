/* filter.c - which contacts a selecting command keeps */

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"

static int
has(char **v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcaseeq(v[i], s))
			return 1;
	return 0;
}

/* Every -t, -g and -c must hold (tags and groups ignore case). */
int
filter_pass(struct filter *f, struct contact *c)
{
	size_t i;

	for (i = 0; i < f->tag.n; i++)
		if (!has(c->tags.v, c->tags.n, f->tag.v[i]))
			return 0;
	for (i = 0; i < f->group.n; i++)
		if (!has(c->groups.v, c->groups.n, f->group.v[i]))
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

struct sel {
	struct refs	*refs;
	struct strv	*ids;
};

static int
select_one(const char *ref, void *arg)
{
	struct sel *s = arg;
	char *id;
	size_t i;

	if ((id = ref_resolve(s->refs, ref)) == NULL)
		return 1;
	for (i = 0; i < s->ids->n; i++)
		if (strcmp(s->ids->v[i], id) == 0)
			break;
	if (i == s->ids->n)
		strv_add(s->ids, id);
	free(id);
	return 0;
}

/*
 * The contacts a selecting command works on: those the references name
 * (each once), else everyone.  1 when a reference did not resolve.
 */
int
select_ids(struct refs *r, int argc, char **argv, struct strv *ids)
{
	struct sel s = { r, ids };
	char **all;
	size_t n;
	int rv;

	if ((rv = ref_loop(argc, argv, select_one, &s)) != -1)
		return rv;
	net_list(r->net, &all, &n, NULL);
	ids->v = all;
	ids->n = n;
	return 0;
}
