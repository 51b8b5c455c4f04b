/*
 * fuzz-merge - three versions of a contact merged as nw-merge does.
 *
 * The input is base, ours and theirs, split at lines that are "%%".
 * When the merge succeeds with no conflict:
 *  - ours the same bytes as base: the result holds theirs's data (every
 *    key's value equal, log entries the same multiset);
 *  - no log entry ours or theirs added (more copies than base has) is
 *    lost;
 *  - a key changed on one side only has that side's value; one changed on
 *    neither side keeps it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"
#include "fuzz.h"

enum { BASE, OURS, THEIRS };

static int
same(struct ynode *a, struct ynode *b)
{
	return (a == NULL && b == NULL) || (a && b && ynode_equal(a, b));
}

/* Copies of entry x in the list l (none when l is no list). */
static size_t
count(struct ynode *l, struct ynode *x)
{
	size_t i, n = 0;

	for (i = 0; l && l->type == YSEQ && i < l->nkid; i++)
		n += ynode_equal(l->kid[i], x);
	return n;
}

static int
islist(struct ynode *n)
{
	return n == NULL || ynode_isnull(n) || n->type == YSEQ;
}

/* Entries side added are all in the result. */
static void
kept(struct ynode *base, struct ynode *side, struct ynode *res)
{
	size_t i, b, s;

	for (i = 0; side && side->type == YSEQ && i < side->nkid; i++) {
		b = count(base, side->kid[i]);
		s = count(side, side->kid[i]);
		FUZZ_ASSERT(s <= b || count(res, side->kid[i]) >= s - b,
		    "no log entry a side added is lost");
	}
}

/* Did side's log change from base's? */
static int
logged(struct ydoc **d, int side)
{
	return !same(d[BASE]->root ? ymap_get(d[BASE]->root, "log") : NULL,
	    ymap_get(d[side]->root, "log"));
}

static void
keys(struct ydoc **d, struct ynode *res, int logmerge)
{
	struct ynode *r, *b, *o, *t, *got;
	size_t i;
	const char *key;
	int side, fu;

	for (side = OURS; side <= THEIRS; side++)
		for (i = 0, r = d[side]->root; i + 1 < r->nkid; i += 2) {
			key = r->kid[i]->str;
			if (logmerge && strcmp(key, "log") == 0)
				continue;
			b = d[BASE]->root ? ymap_get(d[BASE]->root, key) : NULL;
			o = ymap_get(d[OURS]->root, key);
			t = ymap_get(d[THEIRS]->root, key);
			got = ymap_get(res, key);
			/*
			 * When a side logged, the follow-up goes by nw-log's
			 * rule (nw-merge(1)): one side cleared it by logging
			 * contact and the other changed it, and the clearing
			 * stands or the change does.  Either side's value, or
			 * none.
			 */
			fu = (strcmp(key, "next") == 0 ||
			    strcmp(key, "next-note") == 0) &&
			    (logged(d, OURS) || logged(d, THEIRS)) &&
			    (got == NULL || same(got, o) || same(got, t));
			if (same(b, o))
				FUZZ_ASSERT(same(got, t) || fu, "a key only "
				    "theirs changed has theirs's value");
			else if (same(b, t) || same(o, t))
				FUZZ_ASSERT(same(got, o) || fu, "a key only "
				    "ours changed has ours's value");
		}
}

static void
check(struct ydoc **d, struct merge *m)
{
	struct ynode *res, *rl, *tl;
	struct ydoc *rd;
	size_t i;
	int logmerge;

	rd = ydoc_parse(m->text, m->len);
	FUZZ_ASSERT(rd->root && rd->root->type == YMAP,
	    "a merge with no conflict parses to a mapping");
	res = rd->root;
	logmerge = islist(ymap_get(d[BASE]->root, "log")) &&
	    islist(ymap_get(d[OURS]->root, "log")) &&
	    islist(ymap_get(d[THEIRS]->root, "log"));
	keys(d, res, logmerge);
	rl = ymap_get(res, "log");
	kept(ymap_get(d[BASE]->root, "log"), ymap_get(d[OURS]->root, "log"),
	    rl);
	kept(ymap_get(d[BASE]->root, "log"), ymap_get(d[THEIRS]->root, "log"),
	    rl);
	if (d[OURS]->len != d[BASE]->len ||
	    memcmp(d[OURS]->text, d[BASE]->text, d[BASE]->len) != 0)
		goto out;
	FUZZ_ASSERT(res->nkid == d[THEIRS]->root->nkid,
	    "ours unchanged: the result has theirs's keys");
	tl = ymap_get(d[THEIRS]->root, "log");
	if (logmerge) {
		FUZZ_ASSERT((rl && rl->type == YSEQ ? rl->nkid : 0) ==
		    (tl && tl->type == YSEQ ? tl->nkid : 0),
		    "ours unchanged: as many log entries as theirs");
		for (i = 0; tl && tl->type == YSEQ && i < tl->nkid; i++)
			FUZZ_ASSERT(count(rl, tl->kid[i]) ==
			    count(tl, tl->kid[i]),
			    "ours unchanged: theirs's log entries");
	}
out:
	ydoc_free(rd);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *end = s + size, *p, *nl;
	struct merge m = { 0 };
	struct ydoc *d[3];
	int i;

	for (i = BASE; i <= THEIRS; i++) {
		p = s;
		while ((nl = memchr(p, '\n', end - p)) != NULL &&
		    !(nl - p == 2 && memcmp(p, "%%", 2) == 0))
			p = nl + 1;
		d[i] = ydoc_parse(s, (nl ? p : end) - s);
		s = nl ? nl + 1 : end;
	}
	/* what nw-merge reads: base may be empty, the sides may not */
	if ((d[BASE]->root || !d[BASE]->err[0]) && d[OURS]->root &&
	    d[THEIRS]->root &&
	    merge_contact(d[BASE], d[OURS], d[THEIRS], &m) == 0 &&
	    m.conflicts.n == 0)
		check(d, &m);
	merge_free(&m);
	for (i = BASE; i <= THEIRS; i++)
		ydoc_free(d[i]);
	return 0;
}
