/* batch.c - the run of a writing command over the contacts it names */


#include <stdlib.h>

#include "nw.h"
#include "nw_priv.h"


/* --- a run of changes -------------------------------------------------- */

struct batch_call {
	struct batch	*b;
	int		(*fn)(struct batch *, const char *, void *);
	void		*arg;
};

static int
batch_one(const char *ref, void *arg)
{
	struct batch_call *bc = arg;
	char *id;
	int rv;

	if ((id = ref_resolve(&bc->b->refs, ref)) == NULL)
		return 1;
	rv = strv_has(&bc->b->ids, id) ? 0 : bc->fn(bc->b, id, bc->arg);
	free(id);
	return rv;
}

/*
 * Call fn on the contact each reference names, each contact once: the
 * arguments, else the lines of standard input.  fn changes it and calls
 * batch_changed when it did.  -1 when there were no references at all.
 */
int
batch_run(struct batch *b, int argc, char **argv,
    int (*fn)(struct batch *, const char *, void *), void *arg)
{
	struct batch_call bc = { b, fn, arg };

	b->refs.net = b->net;
	return ref_loop(argc, argv, batch_one, &bc);
}

/* The contact id is changed: its id printed at once, for a pipe. */
void
batch_changed(struct batch *b, const char *id, const char *name)
{
	printf("%s%s\n", id_shown(id), id);
	out_sync();
	strv_add(&b->ids, id);
	if (b->first == NULL)
		b->first = xstrdup(name);
}

/* One commit of what changed: "Log call with Ada Lovelace and 2 others". */
void
batch_commit(struct batch *b, const char *verb)
{
	char *msg;

	if (b->ids.n == 0)
		return;
	msg = b->ids.n == 1 ? xasprintf("%s %s", verb, b->first) :
	    xasprintf("%s %s and %zu other%s", verb, b->first, b->ids.n - 1,
	    b->ids.n == 2 ? "" : "s");
	git_commit(b->net, b->ids.v, b->ids.n, msg);
	free(msg);
}

void
batch_free(struct batch *b)
{
	strv_free(&b->ids);
	free(b->first);
	refs_free(&b->refs);
}
