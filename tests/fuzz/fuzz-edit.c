/*
 * fuzz-edit - every edit commands make, tried on any text.
 *
 * Each edit runs on a fresh parse of the input.  Checked here, apart from
 * the editor's own verification: an edit that succeeds gives text that
 * parses to the old data plus exactly the change (every other top-level
 * pair equal and in order, the key's value what was asked); a refusal
 * leaves the text byte for byte as it was; setting then deleting a new
 * key gives the original bytes back.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"
#include "fuzz.h"

#define MAXKEYS	8		/* existing keys each edit is tried on */
#define NEWKEY	"nw-fuzz"
#define DATE	"2026-12-01"

static const char *in;		/* the input, inlen bytes */
static size_t inlen;
static struct ynode *old;	/* its root */

static struct edit *
fresh(void)
{
	return edit_open(ydoc_parse(in, inlen), "fuzz.yaml");
}

/* Where the pair ymap_key finds for key is, or -1. */
static long
pairat(struct ynode *r, const char *key)
{
	struct ynode *k = ymap_key(r, key);
	size_t i;

	for (i = 0; k && i + 1 < r->nkid; i += 2)
		if (r->kid[i] == k)
			return i;
	return -1;
}

/* Every pair but key's the same in o and n, in the same order. */
static void
others(struct ynode *o, struct ynode *n, const char *key)
{
	long ko = pairat(o, key), kn = pairat(n, key);
	size_t i = 0, j = 0;

	for (;; i += 2, j += 2) {
		if ((long)i == ko)
			i += 2;
		if ((long)j == kn)
			j += 2;
		if (i + 1 >= o->nkid || j + 1 >= n->nkid)
			break;
		FUZZ_ASSERT(ynode_equal(o->kid[i], n->kid[j]) &&
		    ynode_equal(o->kid[i + 1], n->kid[j + 1]),
		    "every other pair is kept, in order");
	}
	FUZZ_ASSERT(i + 1 >= o->nkid && j + 1 >= n->nkid,
	    "no other pair is gained or lost");
}

static int
hasbom(const char *s, size_t len)
{
	return len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0;
}

/*
 * After an edit: a refusal changed nothing and said why; a success
 * parses to a mapping that differs from the old one at most in key, and
 * the edit's tree is its text's (the next edit starts from it).  The
 * parse of the new text, or NULL after a refusal.
 */
static struct ydoc *
after(struct edit *e, int ok, const char *key)
{
	struct ydoc *nd;

	if (!ok) {
		FUZZ_ASSERT(e->len == inlen && memcmp(e->text, in, inlen) == 0,
		    "a refusal leaves the text as it was");
		FUZZ_ASSERT(e->err[0] != '\0', "a refusal says why");
		return NULL;
	}
	nd = ydoc_parse(e->text, e->len);
	FUZZ_ASSERT(nd->root && nd->root->type == YMAP,
	    "an edit gives a mapping");
	FUZZ_ASSERT(old && old->type == YMAP, "only a mapping is edited");
	others(old, nd->root, key);
	FUZZ_ASSERT(ynode_equal(nd->root, e->doc->root),
	    "the edit's tree is its text's");
	FUZZ_ASSERT(!hasbom(in, inlen) || hasbom(e->text, e->len),
	    "a byte order mark is kept");
	return nd;
}

/* YAML text for one value, parsed. */
static struct ydoc *
value(const char *s)
{
	struct ydoc *d = ydoc_parse(s, strlen(s));

	FUZZ_ASSERT(d->root, "the harness's own value parses");
	return d;
}

/* The items an append adds to: none, one value, or a list's. */
static size_t
items(struct ynode *v, struct ynode ***kid)
{
	static struct ynode *one;

	if (v == NULL || ynode_isnull(v))
		return 0;
	if (v->type == YSEQ) {
		*kid = v->kid;
		return v->nkid;
	}
	one = v;
	*kid = &one;
	return 1;
}

static void
append(const char *key, const char *item, int block)
{
	struct edit *e = fresh();
	struct ydoc *nd, *want;
	struct ynode *ov, *nv, **kid = NULL;
	size_t n, i;

	ov = ymap_get(old, key);
	nd = after(e, edit_append(e, key, item, block) == 0, key);
	if (nd != NULL) {
		FUZZ_ASSERT(ov == NULL || ov->type != YMAP,
		    "a mapping is not appended to");
		n = items(ov, &kid);
		nv = ymap_get(nd->root, key);
		want = value(item);
		FUZZ_ASSERT(nv && nv->type == YSEQ && nv->nkid == n + 1 &&
		    ynode_equal(nv->kid[n], want->root),
		    "the list ends with the new item");
		for (i = 0; i < n; i++)
			FUZZ_ASSERT(ynode_equal(kid[i], nv->kid[i]),
			    "the old items come first, as they were");
		ydoc_free(want);
		ydoc_free(nd);
	}
	edit_free(e);
}

static void
set(const char *key, const char *val)
{
	struct edit *e = fresh();
	struct ydoc *nd, *want;

	if ((nd = after(e, edit_set(e, key, val) == 0, key)) != NULL) {
		want = value(val);
		FUZZ_ASSERT(ynode_equal(ymap_get(nd->root, key), want->root),
		    "the key holds the value set");
		ydoc_free(want);
		ydoc_free(nd);
	}
	edit_free(e);
}

static void
delete(const char *key)
{
	struct edit *e = fresh();
	struct ydoc *nd;

	if ((nd = after(e, edit_delete(e, key) == 0, key)) != NULL) {
		FUZZ_ASSERT(ymap_key(nd->root, key) == NULL,
		    "a deleted key is gone");
		ydoc_free(nd);
	}
	edit_free(e);
}

/* Remove the first item of key's list that is a string. */
static void
removeitem(const char *key)
{
	struct ynode *ov = ymap_get(old, key), *nv, *it = NULL;
	struct edit *e;
	struct ydoc *nd;
	size_t i, j, at = 0;
	int found;

	if (ov == NULL)
		return;
	if (ov->type == YSCALAR)
		it = ynode_isnull(ov) ? NULL : ov;
	for (i = 0; ov->type == YSEQ && i < ov->nkid && it == NULL; i++)
		if (ynode_deref(ov->kid[i])->type == YSCALAR)
			it = ynode_deref(ov->kid[i]), at = i;
	if (it == NULL || strlen(it->str) != it->len)
		return;
	e = fresh();
	nd = after(e, edit_remove(e, key, it->str, &found) == 0, key);
	if (nd) {
		FUZZ_ASSERT(found, "the item is found");
		nv = ymap_get(nd->root, key);
		if (ov->type == YSCALAR || ov->nkid == 1)
			FUZZ_ASSERT(ymap_key(nd->root, key) == NULL,
			    "the last item goes with its key");
		else {
			FUZZ_ASSERT(nv && nv->type == YSEQ &&
			    nv->nkid + 1 == ov->nkid,
			    "the list is one item shorter");
			for (i = j = 0; i < ov->nkid; i++)
				if (i != at)
					FUZZ_ASSERT(ynode_equal(ov->kid[i],
					    nv->kid[j++]),
					    "the other items are kept");
		}
		ydoc_free(nd);
	}
	edit_free(e);
}

/* A key the text has not: set, then deleted, gives the text back. */
static void
setdelete(const char *val)
{
	struct edit *e = fresh();
	int ok;

	if (ymap_key(old, NEWKEY) == NULL && edit_set(e, NEWKEY, val) == 0) {
		ok = edit_delete(e, NEWKEY) == 0;
		FUZZ_ASSERT(ok, "a key the editor added it can delete");
		FUZZ_ASSERT(e->len == inlen && memcmp(e->text, in, inlen) == 0,
		    "set then delete gives the original bytes back");
	}
	edit_free(e);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ydoc *d;
	struct ynode *k;
	char *item, *quoted;
	size_t i;

	in = (const char *)data;
	inlen = size;
	d = ydoc_parse(in, inlen);
	old = d->root;
	/* what change_log_entry appends for -k call -m 'x, y: "z" #1' */
	item = xstrdup("{date: 2026-11-25, kind: call, "
	    "note: \"x, y: \\\"z\\\" #1\"}");
	quoted = yaml_quote("a: b, \"c\" #d\t", Q_STR);
	append("log", item, 1);
	if (old && old->type == YMAP) {
		append("tags", "t1", 0);
		for (i = 0; i + 1 < old->nkid && i < 2 * MAXKEYS; i += 2) {
			k = ynode_deref(old->kid[i]);
			if (k->type != YSCALAR || strlen(k->str) != k->len)
				continue;
			set(k->str, DATE);
			set(k->str, quoted);
			delete(k->str);
			removeitem(k->str);
		}
		set(NEWKEY, DATE);
		set(NEWKEY, quoted);
		delete(NEWKEY);
		setdelete(DATE);
		setdelete(quoted);
	}
	free(item);
	free(quoted);
	ydoc_free(d);
	return 0;
}
