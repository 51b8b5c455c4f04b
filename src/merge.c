/* merge.c - three-way merge of one contact file */


#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"
#include "merge.h"

/*
 * The result is OURS's text, edited: the editor (edit_set, edit_delete,
 * edit_append) where it can, otherwise a splice of whole lines that is
 * parsed again at once.  Every edit leaves e->doc the parse of e->text.
 * At the end the whole result is checked against the plan: each key holds
 * the side's value the plan chose, the log holds the planned entries in
 * the planned order.  Then, and only then, conflicting keys are put
 * between markers.  Any refusal on the way sends the caller to a plain
 * text merge.
 */

int
merge_fail(struct merge *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->err, sizeof m->err, fmt, ap);
	va_end(ap);
	return -1;
}

struct ynode *
merge_value(struct ydoc *d, const char *key)
{
	return d->root ? ymap_get(d->root, key) : NULL;
}

int
merge_same(struct ynode *a, struct ynode *b)
{
	return (a == NULL && b == NULL) || (a && b && ynode_equal(a, b));
}

/* The lines of a top-level pair: [*start, *end); 0 when not whole lines. */
static int
pair_lines(struct ydoc *d, struct ynode *k, struct ynode *v, size_t *start,
    size_t *end)
{
	size_t ind;

	if (!text_indent(d->text, d->len, k->start, &ind))
		return 0;
	*start = k->start - ind;
	*end = text_line_after(d->text, d->len, v->end > k->end ? v->end : k->end);
	return 1;
}

/*
 * Lines of text s[0..len) for a file whose line end is eol and whose
 * top-level keys stand at column ind, when in s they stand at column
 * from: every line ends with eol.  0 when a line is indented less.
 */
static int
relines(struct buf *b, const char *s, size_t len, const char *eol,
    size_t from, size_t ind)
{
	const char *q;
	size_t i, n, sp, next;

	for (i = 0; i < len; i = next) {
		q = memchr(s + i, '\n', len - i);
		next = q ? (size_t)(q - s) + 1 : len;
		n = (q ? (size_t)(q - s) : len) - i;
		if (n > 0 && s[i + n - 1] == '\r')
			n--;
		for (sp = 0; sp < n && s[i + sp] == ' '; sp++)
			;
		if (from == ind)
			buf_add(b, s + i, n);
		else if (sp < n && sp < from)
			return 0;
		else if (sp < n) {
			buf_printf(b, "%*s", (int)ind, "");
			buf_add(b, s + i + from, n - from);
		}
		buf_puts(b, eol);
	}
	return 1;
}

static size_t
key_indent(struct ydoc *d)
{
	struct ynode *k;

	if (d->root == NULL || d->root->nkid == 0)
		return 0;
	k = d->root->kid[0];
	return k->start - text_line_start(d->text, d->len, k->start);
}

/* A pair of theirs as lines for ours; NULL when it cannot be moved. */
static char *
their_lines(struct plan *p, const char *key)
{
	struct ynode *k, *v;
	struct buf b = { 0 };
	size_t s, end;

	if (!ymap_pair(p->theirs->root, key, &k, &v) ||
	    !pair_lines(p->theirs, k, v, &s, &end))
		return NULL;
	if (!relines(&b, p->theirs->text + s, end - s, p->e->eol,
	    key_indent(p->theirs), key_indent(p->e->doc))) {
		free(b.s);
		return NULL;
	}
	return b.s ? b.s : xstrdup("");
}

/*
 * Where a key that ours has not goes: after the key before it in theirs,
 * when ours has that one, else after ours's last key.  *noeol is set at
 * the end of a text that has no final line end.
 */
static size_t
new_place(struct plan *p, const char *key, int *noeol)
{
	struct edit *e = p->e;
	struct ynode *r = p->theirs->root, *k, *v;
	size_t i, at, s;

	for (i = 0; i < r->nkid && strcmp(r->kid[i]->str, key) != 0; i += 2)
		;
	at = text_line_after(e->text, e->len, e->doc->root->end);
	while (i >= 2) {
		i -= 2;
		if (ymap_pair(e->doc->root, r->kid[i]->str, &k, &v) &&
		    pair_lines(e->doc, k, v, &s, &at))
			break;
	}
	return text_after(e->text, e->len, at, noeol);
}

/* Insert lines (each ending with eol) where theirs has key. */
static int
add_lines(struct plan *p, const char *key, const char *lines)
{
	struct edit *e = p->e;
	struct buf b = { 0 };
	size_t at;
	int noeol, rv;

	at = new_place(p, key, &noeol);
	if (noeol) {
		buf_puts(&b, e->eol);
		buf_add(&b, lines, strlen(lines) - strlen(e->eol));
	} else
		buf_puts(&b, lines);
	rv = edit_replace(e, at, at, b.s ? b.s : "");
	free(b.s);
	return rv;
}

/* --- keys ------------------------------------------------------------ */

static int
decide(struct ynode *b, struct ynode *o, struct ynode *t)
{
	if (merge_same(o, t))
		return KEEP;
	if (merge_same(b, o))
		return TAKE;
	if (merge_same(b, t))
		return KEEP;
	return CONFLICT;
}

/* A log the entries of which can be merged: absent, null or a list. */
static int
islist(struct ynode *n)
{
	return n == NULL || ynode_isnull(n) || n->type == YSEQ;
}

static int
on_one_line(struct ydoc *d, struct ynode *v)
{
	return v->type != YALIAS && v->end > v->start &&
	    memchr(d->text + v->start, '\n', v->end - v->start) == NULL &&
	    !ynode_block(v);
}

/* Make key in ours what it is in theirs. */
int
merge_take(struct plan *p, const char *key)
{
	struct edit *e = p->e;
	struct ynode *tk, *tv, *ok, *ov;
	size_t s, end;
	char *val, *lines;
	int rv;

	if (!ymap_pair(p->theirs->root, key, &tk, &tv)) {
		if (edit_delete(e, key) == 0)
			return 0;
		return merge_fail(p->m, "'%s': %s", key, e->err);
	}
	/* a value ours has: replaced, ours's comments around it kept */
	if (ymap_key(e->doc->root, key) && on_one_line(p->theirs, tv)) {
		val = xstrndup(p->theirs->text + tv->start, tv->end - tv->start);
		rv = edit_set(e, key, val);
		free(val);
		if (rv == 0)
			return 0;
	}
	/* else the whole pair, as theirs wrote it, where theirs has it */
	if ((lines = their_lines(p, key)) == NULL)
		return merge_fail(p->m, "'%s': cannot copy its lines", key);
	if (!ymap_pair(e->doc->root, key, &ok, &ov))
		rv = add_lines(p, key, lines);
	else if (!pair_lines(e->doc, ok, ov, &s, &end))
		rv = -1;
	else
		rv = edit_replace(e, s, end, lines);
	free(lines);
	return rv == 0 ? 0 :
	    merge_fail(p->m, "'%s': cannot replace its lines", key);
}

/* --- lists of strings ------------------------------------------------ */

/* A string the merge can compare and the editor add or remove. */
static int
str_item(struct ynode *n)
{
	return n->type == YSCALAR && !n->tag && !n->anchor &&
	    !ynode_block(n) && !ynode_isnull(n);
}

/*
 * The strings of a value that merges as a set: none when it is absent or
 * null, one for a string, the items of a list of strings.  0 when it is
 * anything else.
 */
static int
strings(struct ynode *v, struct list *l)
{
	size_t i;

	l->v = NULL, l->n = 0;
	if (v == NULL || ynode_isnull(v))
		return 1;
	if (v->type == YSCALAR) {
		if (!str_item(v))
			return 0;
		l->v = xcalloc(1, sizeof *l->v);
		l->v[l->n++] = v;
		return 1;
	}
	if (v->type != YSEQ || v->tag || v->anchor)
		return 0;
	for (i = 0; i < v->nkid; i++)
		if (!str_item(v->kid[i]))
			return 0;
	merge_items(v, l);
	return 1;
}

/* Does key hold a list: a key of nw(5) that does, or a list somewhere? */
static int
listy(struct plan *p, const char *key)
{
	struct ynode *v[3];
	size_t i;

	if (strcmp(key, "log") == 0)
		return 0;
	if (schema_islist(key))
		return 1;
	v[0] = merge_value(p->base, key);
	v[1] = merge_value(p->ours, key);
	v[2] = merge_value(p->theirs, key);
	for (i = 0; i < 3; i++)
		if (v[i] && v[i]->type == YSEQ)
			return 1;
	return 0;
}

static int
inlist(struct list *l, struct ynode *n)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (ynode_equal(l->v[i], n))
			return 1;
	return 0;
}

static int
samelist(struct list *a, struct list *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (!ynode_equal(a->v[i], b->v[i]))
			return 0;
	return 1;
}

/* Remove the strings of l that r has not from the value of key: 0, -1. */
static int
set_remove(struct edit *e, const char *key, struct list *l, struct list *r)
{
	size_t i;
	int found = 1;

	for (i = 0; i < l->n; i++)
		if (!inlist(r, l->v[i]) && edit_remove(e, key, l->v[i]->str,
		    &found) == -1)
			return -1;
	return 0;
}

/* Append the strings of r that l has not to the value of key: 0, -1. */
static int
set_append(struct plan *p, const char *key, struct list *l, struct list *r)
{
	struct buf b;
	size_t i;
	int rv = 0;

	for (i = 0; rv == 0 && i < r->n; i++) {
		if (inlist(l, r->v[i]))
			continue;
		b = (struct buf){ 0 };
		rv = merge_flow(p->theirs, r->v[i], &b);
		if (rv == 0)
			rv = edit_append(p->e, key, b.s, 0);
		free(b.s);
	}
	return rv;
}

/*
 * Both sides changed key, a string or a list of strings on each (a key
 * of nw(5) that is a list, or a list on some side): merged as a set.
 * Ours's strings but those theirs removed, then theirs's additions in
 * theirs's order.  When that is one side's value, that side is taken;
 * else ours is edited: the additions appended, the removed strings
 * removed, so that its style stays.  A key ours removed gets theirs's
 * lines less what ours removed.  p->set[i] holds the plan.  The act, or
 * CONFLICT when the values are no sets; -1 when an edit is refused.
 */
static int
merge_set(struct plan *p, size_t i)
{
	const char *key = p->keys.v[i];
	struct ynode *o = merge_value(p->ours, key);
	struct list lb, lo, lt, *r = &p->set[i];
	size_t j;
	int act = SET, rv = 0;

	lb.v = lo.v = lt.v = NULL;
	if (!listy(p, key) || !strings(merge_value(p->base, key), &lb) ||
	    !strings(o, &lo) || !strings(merge_value(p->theirs, key), &lt)) {
		free(lb.v), free(lo.v), free(lt.v);
		return CONFLICT;
	}
	r->v = xcalloc(lo.n + lt.n, sizeof *r->v);
	for (j = 0; j < lo.n; j++)
		if (!inlist(&lb, lo.v[j]) || inlist(&lt, lo.v[j]))
			r->v[r->n++] = lo.v[j];
	for (j = 0; j < lt.n; j++)
		if (!inlist(&lb, lt.v[j]) && !inlist(r, lt.v[j]))
			r->v[r->n++] = lt.v[j];

	for (j = 0; j < lo.n && !inlist(r, lo.v[j]); j++)
		;
	if (samelist(r, &lo))
		act = KEEP;
	else if (samelist(r, &lt))
		act = TAKE;
	else if (o == NULL)
		rv = merge_take(p, key) == -1 ? -1 :
		    set_remove(p->e, key, &lt, r);
	else if (j < lo.n)	/* a string of ours stays: the key too */
		rv = set_remove(p->e, key, &lo, r) == -1 ? -1 :
		    set_append(p, key, &lo, r);
	else
		rv = set_append(p, key, &lo, r) == -1 ? -1 :
		    set_remove(p->e, key, &lo, r);
	free(lb.v), free(lo.v), free(lt.v);
	if (rv == -1) {
		merge_fail(p->m, "'%s': cannot merge the lists%s%s", key,
		    p->e->err[0] ? ": " : "", p->e->err);
		return -1;
	}
	return act;
}

/*
 * A mapping whose parts are sets of strings (rel: a role to an id or a
 * list of ids) as part, item pairs into l; absent or null is none.  0
 * when it is anything else.
 */
static int
parts_of(struct ynode *v, struct strv *l)
{
	struct ynode *k, *it;
	size_t i, j;

	if (v == NULL || ynode_isnull(v))
		return 1;
	if (v->type != YMAP || v->tag || v->anchor)
		return 0;
	for (i = 0; i + 1 < v->nkid; i += 2) {
		k = ynode_deref(v->kid[i]);
		it = ynode_deref(v->kid[i + 1]);
		if (!str_item(k) || (it->type == YSEQ && (it->tag ||
		    it->anchor)) || (it->type != YSEQ && !str_item(it)))
			return 0;
		for (j = 0; j < (it->type == YSEQ ? it->nkid : 1); j++) {
			if (!str_item(ynode_deref(it->type == YSEQ ?
			    it->kid[j] : it)))
				return 0;
			strv_add(l, k->str);
			strv_add(l, ynode_deref(it->type == YSEQ ? it->kid[j] :
			    it)->str);
		}
	}
	return 1;
}

static int
haspair(const struct strv *l, const char *part, const char *item)
{
	size_t i;

	for (i = 0; i + 1 < l->n; i += 2)
		if (strcmp(l->v[i], part) == 0 && strcmp(l->v[i + 1], item) == 0)
			return 1;
	return 0;
}

/* The same pairs, whatever their order? */
static int
sameparts(const struct strv *a, const struct strv *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i + 1 < a->n; i += 2)
		if (!haspair(b, a->v[i], a->v[i + 1]))
			return 0;
	return 1;
}

/* The items of part in l, in l's order. */
static void
part_items(const struct strv *l, const char *part, struct strv *out)
{
	size_t i;

	for (i = 0; i + 1 < l->n; i += 2)
		if (strcmp(l->v[i], part) == 0 && !strv_has(out, l->v[i + 1]))
			strv_add(out, l->v[i + 1]);
}

/*
 * Both sides changed a key whose parts are sets (rel, by the schema):
 * merged part by part as merge_set merges a list.  Ours's pairs but those
 * theirs removed, then theirs's additions; ours is edited part by part
 * (edit_part), parts that change first, parts that go last.  The act, or
 * CONFLICT when a side is no such mapping; -1 when an edit is refused.
 */
static int
merge_parts(struct plan *p, size_t i)
{
	const char *key = p->keys.v[i];
	const struct key *k = schema_key(key);
	struct strv lb = { 0 }, lo = { 0 }, lt = { 0 }, *r = &p->parts[i];
	struct strv done = { 0 }, want, have;
	size_t j, k2, pass;
	int act = PARTS, ok = 1;

	if (k == NULL || k->type != K_REL ||
	    !parts_of(merge_value(p->base, key), &lb) ||
	    !parts_of(merge_value(p->ours, key), &lo) ||
	    !parts_of(merge_value(p->theirs, key), &lt)) {
		act = CONFLICT;
		goto out;
	}
	for (j = 0; j + 1 < lo.n; j += 2)
		if (!haspair(&lb, lo.v[j], lo.v[j + 1]) ||
		    haspair(&lt, lo.v[j], lo.v[j + 1]))
			strv_add(r, lo.v[j]), strv_add(r, lo.v[j + 1]);
	for (j = 0; j + 1 < lt.n; j += 2)
		if (!haspair(&lb, lt.v[j], lt.v[j + 1]) &&
		    !haspair(r, lt.v[j], lt.v[j + 1]))
			strv_add(r, lt.v[j]), strv_add(r, lt.v[j + 1]);
	if (sameparts(r, &lo)) {
		act = KEEP;
		goto out;
	}
	if (sameparts(r, &lt)) {
		act = TAKE;
		goto out;
	}
	/* pass 0: parts the result has; pass 1: ours's parts that go */
	for (pass = 0; ok && pass < 2; pass++)
		for (j = 0; ok && j + 1 < (pass ? lo.n : r->n); j += 2) {
			const char *part = pass ? lo.v[j] : r->v[j];

			if (strv_has(&done, part))
				continue;
			strv_add(&done, part);
			want = (struct strv){ 0 }, have = (struct strv){ 0 };
			part_items(r, part, &want);
			part_items(&lo, part, &have);
			for (k2 = 0; want.n == have.n && k2 < want.n &&
			    strcmp(want.v[k2], have.v[k2]) == 0; k2++)
				;
			if (want.n != have.n || k2 < want.n)
				ok = edit_part(p->e, key, part, &want) == 0;
			strv_free(&want);
			strv_free(&have);
		}
	if (!ok) {
		merge_fail(p->m, "'%s': cannot merge its parts%s%s", key,
		    p->e->err[0] ? ": " : "", p->e->err);
		act = -1;
	}
out:
	strv_free(&lb), strv_free(&lo), strv_free(&lt), strv_free(&done);
	return act;
}

/* --- the whole ------------------------------------------------------- */

/* Does the edited text hold exactly what the plan says? */
static int
check(struct plan *p)
{
	struct ynode *r = p->e->doc->root, *want, *got;
	struct list l;
	size_t i, j, n = 0;
	const char *key;
	int ok;

	for (i = 0; i < p->keys.n; i++) {
		key = p->keys.v[i];
		got = ymap_get(r, key);
		n += got != NULL;
		if (p->logmerge && strcmp(key, "log") == 0) {
			if (!islist(got))
				return 0;
			merge_items(got, &l);
			ok = l.n == p->nlog;
			for (j = 0; ok && j < l.n; j++)
				ok = ynode_equal(l.v[j], p->log[j]);
			free(l.v);
			if (!ok)
				return 0;
			continue;
		}
		if (p->act[i] == PARTS) {
			struct strv pl = { 0 };

			ok = parts_of(got, &pl) && sameparts(&pl, &p->parts[i]);
			strv_free(&pl);
			if (!ok)
				return 0;
			continue;
		}
		if (p->act[i] == SET) {
			if (!strings(got, &l))
				return 0;
			ok = samelist(&l, &p->set[i]);
			free(l.v);
			if (!ok)
				return 0;
			continue;
		}
		want = merge_value(p->act[i] == TAKE ? p->theirs : p->ours, key);
		if (!merge_same(want, got))
			return 0;
	}
	return n * 2 == r->nkid;
}

/*
 * Each conflicting key's lines between markers, ours's then theirs's.  A
 * key that ours has not goes where theirs has it, with an empty ours.
 */
static int
markers(struct plan *p)
{
	struct edit *e = p->e;
	struct ynode *k, *v;
	struct cut *c;
	struct buf b;
	size_t i, n = 0;
	char *lines;
	int noeol, have;

	c = xcalloc(p->keys.n, sizeof *c);
	for (i = 0; i < p->keys.n; i++) {
		if (p->act[i] != CONFLICT)
			continue;
		b = (struct buf){ 0 };
		have = ymap_pair(e->doc->root, p->keys.v[i], &k, &v) &&
		    pair_lines(e->doc, k, v, &c[n].start, &c[n].end);
		if (!have) {
			c[n].start = c[n].end = new_place(p, p->keys.v[i],
			    &noeol);
			if (noeol)
				buf_puts(&b, e->eol);
		}
		buf_printf(&b, "<<<<<<< %s%s", merge_label(p->m, 0), e->eol);
		if (have) {
			buf_add(&b, e->text + c[n].start,
			    c[n].end - c[n].start);
			if (e->text[c[n].end - 1] != '\n')
				buf_puts(&b, e->eol);
		}
		lines = their_lines(p, p->keys.v[i]);
		buf_printf(&b, "=======%s%s>>>>>>> %s%s", e->eol,
		    lines ? lines : "", merge_label(p->m, 1), e->eol);
		free(lines);
		c[n].seq = n;
		c[n++].text = b.s;
	}
	p->m->text = text_cuts(e->text, e->len, c, n, &p->m->len);
	for (i = 0; i < n; i++)
		free(c[i].text);
	free(c);
	return p->m->text ? 0 : merge_fail(p->m, "conflicting keys overlap");
}

/* A root the merge can edit: a block mapping of plain keys on lines. */
static int
shape(struct ydoc *d, const char *side, struct merge *m)
{
	struct ynode *r = d->root, *k;
	size_t i, s, end;

	if (r == NULL || r->type != YMAP)
		return merge_fail(m, "%s: the root is not a mapping", side);
	if (r->flow || r->anchor || r->tag || r->nkid == 0)
		return merge_fail(m, "%s: the root is a flow mapping, empty, or "
		    "has an anchor or tag", side);
	for (i = 0; i + 1 < r->nkid; i += 2) {
		k = r->kid[i];
		if (k->type != YSCALAR || !pair_lines(d, k, r->kid[i + 1],
		    &s, &end))
			return merge_fail(m, "%s:%d:%d: a key the merge cannot "
			    "edit", side, k->line, k->col);
	}
	return 0;
}

/*
 * Merge theirs into ours, base their common ancestor (with no root when
 * empty).  0 with m->text the result and m->conflicts the keys put
 * between markers; -1 when refused, m->err saying why.
 */
int
merge_contact(struct ydoc *base, struct ydoc *ours, struct ydoc *theirs,
    struct merge *m)
{
	struct plan p = { 0 };
	struct ynode *r;
	size_t i;
	int rv = 0;

	if (base->root && base->root->type != YMAP)
		return merge_fail(m, "base: the root is not a mapping");
	if (shape(ours, "ours", m) == -1 || shape(theirs, "theirs", m) == -1)
		return -1;
	p.base = base, p.ours = ours, p.theirs = theirs, p.m = m;
	for (r = ours->root; r; r = r == ours->root ? theirs->root : NULL)
		for (i = 0; i < r->nkid; i += 2)
			if (!strv_has(&p.keys, r->kid[i]->str))
				strv_add(&p.keys, r->kid[i]->str);
	p.act = xcalloc(p.keys.n, sizeof *p.act);
	p.set = xcalloc(p.keys.n, sizeof *p.set);
	p.parts = xcalloc(p.keys.n, sizeof *p.parts);
	p.logmerge = islist(merge_value(base, "log")) &&
	    islist(merge_value(ours, "log")) && islist(merge_value(theirs, "log"));
	/* one side took the log away, the other left it: a key's change */
	if (p.logmerge && (merge_value(ours, "log") == NULL) !=
	    (merge_value(theirs, "log") == NULL) && decide(merge_value(base, "log"),
	    merge_value(ours, "log"), merge_value(theirs, "log")) != CONFLICT)
		p.logmerge = 0;
	p.e = edit_open(ydoc_parse(ours->text, ours->len), "ours");
	p.follow = p.logmerge ? merge_followup(&p) : -1;
	for (i = 0; rv == 0 && i < p.keys.n; i++) {
		if (p.logmerge && strcmp(p.keys.v[i], "log") == 0)
			continue;
		p.act[i] = decide(merge_value(base, p.keys.v[i]),
		    merge_value(ours, p.keys.v[i]), merge_value(theirs, p.keys.v[i]));
		if (p.follow != -1 && (strcmp(p.keys.v[i], "next") == 0 ||
		    strcmp(p.keys.v[i], "next-note") == 0) &&
		    !merge_same(merge_value(ours, p.keys.v[i]), merge_value(theirs, p.keys.v[i])))
			p.act[i] = p.follow;
		if (p.act[i] == CONFLICT &&
		    (p.act[i] = merge_set(&p, i)) == -1)
			rv = -1;
		if (rv == 0 && p.act[i] == CONFLICT &&
		    (p.act[i] = merge_parts(&p, i)) == -1)
			rv = -1;
		if (p.act[i] == TAKE)
			rv = merge_take(&p, p.keys.v[i]);
		else if (p.act[i] == CONFLICT)
			strv_add(&m->conflicts, p.keys.v[i]);
	}
	if (rv == 0 && p.logmerge)
		rv = merge_log(&p);
#ifdef NW_TEST_FAULT	/* tests/4400-gaps.t: an edit the plan did not ask */
	if (rv == 0 && getenv("NW_TEST_FAULT") &&
	    strcmp(getenv("NW_TEST_FAULT"), "merge") == 0)
		edit_set(p.e, "x-fault", "1");
#endif
	if (rv == 0 && !check(&p))
		rv = merge_fail(m, "the edited text does not hold what both sides "
		    "changed");
	if (rv == 0)
		rv = markers(&p);
	if (rv == -1)
		strv_free(&m->conflicts);
	edit_free(p.e);		/* and the document it owns */
	for (i = 0; i < p.keys.n; i++) {
		free(p.set[i].v);
		strv_free(&p.parts[i]);
	}
	free(p.set);
	free(p.parts);
	strv_free(&p.keys);
	free(p.act);
	free(p.log);
	return rv;
}

/*
 * What the markers call ours (0) or theirs (1): looked up once, by the
 * caller's m->names when it has one (the driver asks git), else plain
 * "ours" and "theirs".
 */
const char *
merge_label(struct merge *m, int side)
{
	if (m->label[0] == NULL && m->names)
		m->names(m);
	return m->label[side] ? m->label[side] : side ? "theirs" : "ours";
}

/* What a merge holds: its text, its labels, its conflicts. */
void
merge_free(struct merge *m)
{
	free(m->text);
	free(m->label[0]);
	free(m->label[1]);
	strv_free(&m->conflicts);
	memset(m, 0, sizeof *m);
}
