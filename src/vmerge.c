/* vmerge.c - a vdir's card, its base and nw's: the edits it asks of nw */

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nw.h"
#include "nw_priv.h"
#include "vdir.h"

/*
 * nw-vdir's three ways (vdir.c): the card in the vdir, the base (the
 * card as nw last wrote it) and nw's card now, each read by vcard_read
 * into the keys of nw(5), compared key by key.  A key the vdir changed
 * and nw did not becomes an edit of the contact (vm_apply, through
 * change_edit); a key both changed keeps nw's and is said.
 */

/* The keys a card carries back, with the vCard property that says them. */
enum { S_ONE, S_LIST, S_LINKS };
enum { N_SAME, N_CASE, N_PHONE };
static const struct skey {
	const char	*key, *prop;
	int		 kind, norm;
} skeys[] = {
	{ "name", "FN", S_ONE, N_SAME },
	{ "aka", "NICKNAME", S_LIST, N_SAME },
	{ "org", "ORG", S_ONE, N_SAME },
	{ "title", "TITLE", S_ONE, N_SAME },
	{ "email", "EMAIL", S_LIST, N_CASE },
	{ "phone", "TEL", S_LIST, N_PHONE },
	{ "address", "ADR", S_ONE, N_SAME },
	{ "birthday", "BDAY", S_ONE, N_SAME },
	{ "links", "URL", S_LINKS, N_SAME },
	{ "tags", "CATEGORIES", S_LIST, N_SAME },
	{ "notes", "NOTE", S_ONE, N_SAME },
};
#define NSKEYS	(sizeof skeys / sizeof skeys[0])

/* --- what a card says: its keys, read as nw-import reads them ----------- */

/* The one card of s as a record; 0 (r freed) when it is not one good one. */
int
vm_card(const char *s, size_t len, struct rec *r)
{
	struct recs rs = { 0 };
	size_t i;
	int ok;

	vcard_read(s, len, &rs);
	ok = rs.n == 1 && rs.v[0].err == NULL;
	if (ok)
		*r = rs.v[0];
	for (i = ok ? 1 : 0; i < rs.n; i++)
		rec_free(&rs.v[i]);
	free(rs.v);
	strv_free(&rs.ignored);
	return ok;
}

static char *
norm(const struct skey *k, const char *v)
{
	struct buf b = { 0 };

	if (k->norm == N_CASE)
		return utf8_fold(v);
	if (k->norm != N_PHONE)
		return xstrdup(v);
	buf_puts(&b, "");
	v += strspn(v, " ");
	if (*v == '+')
		buf_puts(&b, "+");
	for (; *v; v++)
		if (*v >= '0' && *v <= '9')
			buf_add(&b, v, 1);
	if (b.len == 0 || strcmp(b.s, "+") == 0) {
		free(b.s);
		return xstrdup(v);
	}
	return b.s;
}

static int
bystr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Key k's values in d: with orig, as written (links as "name url"), and
 * in norm their normal forms sorted, the set compared.
 */
static void
values(const struct skey *k, const struct draft *d, struct strv *orig,
    struct strv *nv)
{
	size_t i, n = strlen(k->key);
	char *s;

	for (i = 0; i + 1 < d->kv.n; i += 2) {
		if (strncmp(d->kv.v[i], k->key, n) != 0 || (d->kv.v[i][n] !=
		    '\0' && (k->kind != S_LINKS || d->kv.v[i][n] != '.')))
			continue;
		if (orig && k->kind == S_LINKS) {
			s = xasprintf("%s %s", d->kv.v[i] + n + 1,
			    d->kv.v[i + 1]);
			strv_add(orig, s);
			free(s);
		} else if (orig)
			strv_add(orig, d->kv.v[i + 1]);
		if (nv) {
			s = norm(k, d->kv.v[i + 1]);
			strv_add(nv, s);
			free(s);
		}
	}
	if (nv && nv->n > 1)
		qsort(nv->v, nv->n, sizeof *nv->v, bystr);
}

static int
strv_eq(const struct strv *a, const struct strv *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return 0;
	return 1;
}

/* Do two drafts say the same on every key a card carries back? */
int
vm_same_keys(const struct draft *a, const struct draft *b)
{
	struct strv x = { 0 }, y = { 0 };
	size_t i;
	int same = 1;

	for (i = 0; same && i < NSKEYS; i++) {
		values(&skeys[i], a, NULL, &x);
		values(&skeys[i], b, NULL, &y);
		same = strv_eq(&x, &y);
		strv_free(&x);
		strv_free(&y);
	}
	return same;
}

/* Do two drafts say the same on every key, in any order? */
int
vm_same_all(const struct draft *a, const struct draft *b)
{
	const struct draft *d[2] = { a, b };
	struct strv l[2] = { { 0 }, { 0 } };
	const struct skey *k;
	const struct key *xk;
	size_t i, j, n;
	char *v, *kv;
	int same;

	for (j = 0; j < 2; j++) {
		for (i = 0; i + 1 < d[j]->kv.n; i += 2) {
			/* nw's own keys (X-NW-): a phone may drop them */
			if (strcmp(d[j]->kv.v[i], "id") == 0 ||
			    ((xk = schema_key(d[j]->kv.v[i])) != NULL &&
			    schema_xnw(xk)))
				continue;
			for (k = NULL, n = 0; n < NSKEYS; n++)
				if (strcmp(skeys[n].key, d[j]->kv.v[i]) == 0)
					k = &skeys[n];
			v = k ? norm(k, d[j]->kv.v[i + 1]) :
			    xstrdup(d[j]->kv.v[i + 1]);
			kv = xasprintf("%s\t%s", d[j]->kv.v[i], v);
			strv_add(&l[j], kv);
			free(kv);
			free(v);
		}
		if (l[j].n > 1)
			qsort(l[j].v, l[j].n, sizeof *l[j].v, bystr);
	}
	same = strv_eq(&l[0], &l[1]);
	strv_free(&l[0]);
	strv_free(&l[1]);
	return same;
}

/* --- the edits a vdir's card asks of a contact --------------------------- */

void
vm_op_add(struct ops *o, int what, const char *key, const char *old,
    const char *val)
{
	o->v = xrealloc(o->v, (o->n + 1) * sizeof *o->v);
	o->v[o->n].what = what;
	o->v[o->n].key = key;
	o->v[o->n].old = old ? xstrdup(old) : NULL;
	o->v[o->n++].val = val ? xstrdup(val) : NULL;
}

void
vm_ops_free(struct ops *o)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		free(o->v[i].old);
		free(o->v[i].val);
	}
	free(o->v);
	strv_free(&o->said);
	memset(o, 0, sizeof *o);
}

/* The item of orig (values as written) whose normal form is n. */
static const char *
find_norm(const struct skey *k, const struct strv *orig, const char *n)
{
	size_t i;
	char *m;
	int hit;

	for (i = 0; i < orig->n; i++) {
		m = norm(k, k->kind == S_LINKS ? strchr(orig->v[i], ' ') + 1 :
		    orig->v[i]);
		hit = strcmp(m, n) == 0;
		free(m);
		if (hit)
			return orig->v[i];
	}
	return NULL;
}

/* Is n one of the sorted normal forms l? */
static int
has_norm(const struct strv *l, const char *n)
{
	return l->n && bsearch(&n, l->v, l->n, sizeof *l->v, bystr) != NULL;
}

static char *
shown(const struct strv *l)
{
	struct buf b = { 0 };
	size_t i;

	buf_puts(&b, "");
	for (i = 0; i < l->n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", l->v[i]);
	if (l->n == 0)
		buf_puts(&b, "nothing");
	return b.s;
}

/* A link whose address changed under the same name: changed in place. */
static void
relinks(struct ops *o, struct strv *gone, struct strv *new)
{
	size_t i, j, n;
	char *x;

	for (i = 0; i < new->n; i++) {
		n = strcspn(new->v[i], " ");
		for (j = 0; j < gone->n; j++)
			if (strncmp(gone->v[j], new->v[i], n + 1) == 0)
				break;
		if (j == gone->n)
			continue;
		vm_op_add(o, OP_RELINK, "links", gone->v[j], new->v[i]);
		x = xasprintf("links %s", new->v[i]);
		strv_add(&o->said, x);
		free(x);
		free(gone->v[j]);
		memmove(gone->v + j, gone->v + j + 1, (--gone->n - j) *
		    sizeof *gone->v);
		free(new->v[i]);
		memmove(new->v + i, new->v + i + 1, (--new->n - i) *
		    sizeof *new->v);
		i--;
	}
}

/*
 * Key k three ways: base b, the vdir's v, nw's n.  The edits the vdir
 * asks for go in o; a change on both sides is said and nw's kept.
 */
static void
three(struct vstate *st, const char *id, const struct skey *k,
    const struct draft *b, const struct draft *v, const struct draft *n,
    struct ops *o)
{
	struct strv bo = { 0 }, bn = { 0 }, vo = { 0 }, vn = { 0 };
	struct strv no = { 0 }, nn = { 0 }, gone = { 0 }, new = { 0 };
	char *x, *y;
	const char *s, *sp;
	size_t i;

	values(k, b, &bo, &bn);
	values(k, v, &vo, &vn);
	values(k, n, &no, &nn);
	if (strv_eq(&vn, &bn) || strv_eq(&vn, &nn))
		goto done;
	if (!strv_eq(&nn, &bn)) {
		x = shown(&no);
		y = shown(&vo);
		warnx("%s: %s changed on both sides; kept nw's %s, the vdir "
		    "has %s", id, k->prop, x, y);
		free(x);
		free(y);
		st->run->nconflict++;
		goto done;
	}
	if (k->kind == S_ONE) {
		if (vo.n)
			vm_op_add(o, OP_SET, k->key, NULL, vo.v[0]);
		else
			vm_op_add(o, OP_DELETE, k->key, NULL, NULL);
		x = xasprintf("%s %s", k->key, vo.n ? vo.v[0] : "deleted");
		strv_add(&o->said, x);
		free(x);
		goto done;
	}
	for (i = 0; i < bn.n; i++)	/* what the vdir took out */
		if (!has_norm(&vn, bn.v[i]) &&
		    (s = find_norm(k, &no, bn.v[i])) != NULL)
			strv_add(&gone, s);
	for (i = 0; i < vo.n; i++) {	/* what it put in */
		x = norm(k, k->kind == S_LINKS ? strchr(vo.v[i], ' ') + 1 :
		    vo.v[i]);
		if (!has_norm(&bn, x) && !has_norm(&nn, x))
			strv_add(&new, vo.v[i]);
		free(x);
	}
	if (k->kind == S_LINKS)
		relinks(o, &gone, &new);
	for (i = 0; i < gone.n || i < new.n; i++) {
		s = i < gone.n ? gone.v[i] : NULL;
		if (k->kind == S_LINKS) {
			if (s)
				vm_op_add(o, OP_UNLINK, k->key, s, NULL);
			if (i < new.n)
				vm_op_add(o, OP_LINK, k->key, NULL, new.v[i]);
		} else if (s && i < new.n)
			vm_op_add(o, OP_REPLACE, k->key, s, new.v[i]);
		else if (s)
			vm_op_add(o, OP_REMOVE, k->key, s, NULL);
		else
			vm_op_add(o, OP_ADD, k->key, NULL, new.v[i]);
		sp = i < new.n ? new.v[i] : s;
		x = xasprintf("%s %s%s", k->key, i < new.n ? "" : "-", sp);
		strv_add(&o->said, x);
		free(x);
	}
done:
	strv_free(&bo), strv_free(&bn), strv_free(&vo), strv_free(&vn);
	strv_free(&no), strv_free(&nn), strv_free(&gone), strv_free(&new);
}

/* A link "name url": its name a free one of the contact's. */
static int
put_link(struct change *ch, struct contact *c, const char *nameurl)
{
	const char *url = strchr(nameurl, ' ') + 1;
	char *name = xstrndup(nameurl, url - 1 - nameurl), *try;
	size_t i;
	int n, taken, rv;

	try = xstrdup(name);
	for (n = 2; ; n++) {
		for (taken = 0, i = 0; i + 1 < c->lib->links.n; i += 2)
			taken |= strcmp(c->lib->links.v[i], try) == 0;
		if (!taken)
			break;
		free(try);
		try = xasprintf("%s-%d", name, n);
	}
	rv = change_put(ch, "links", try, url);
	free(try);
	free(name);
	return rv;
}

int
vm_apply(struct change *ch, struct contact *c, void *arg)
{
	struct ops *o = arg;
	struct strv one = { 0 };
	struct op *p;
	size_t i;
	int rv = 0, found;
	char *name;

	for (i = 0; rv == 0 && i < o->n; i++) {
		p = &o->v[i];
		switch (p->what) {
		case OP_SET:
			rv = change_set(ch, p->key, p->val);
			break;
		case OP_DELETE:
			rv = change_delete(ch, p->key, NULL);
			break;
		case OP_ADD:
			strv_add(&one, p->val);
			rv = change_import(ch, p->key, &one);
			strv_free(&one);
			break;
		case OP_REMOVE:
			rv = change_remove(ch, p->key, p->old, &found);
			break;
		case OP_REPLACE:
			rv = change_child(ch, p->key, p->old, p->val, &found);
			if (rv == 0 && !found)	/* a single value, no list */
				rv = change_set(ch, p->key, p->val);
			break;
		case OP_UNLINK:
			name = xstrndup(p->old, strcspn(p->old, " "));
			rv = change_child(ch, p->key, name, NULL, &found);
			free(name);
			break;
		case OP_LINK:
			rv = put_link(ch, c, p->val);
			break;
		case OP_RELINK:
			name = xstrndup(p->val, strcspn(p->val, " "));
			rv = change_child(ch, p->key, name, strchr(p->val, ' ') +
			    1, &found);
			free(name);
			break;
		}
	}
	return rv;
}

/* The card in the vdir, the base and nw's: the edits it asks of nw. */
void
vm_pull(struct vstate *st, struct ventry *e, struct contact *c,
    const char *s, size_t len, struct strv *changed)
{
	struct rec rb = { 0 }, rv = { 0 }, rn = { 0 };
	struct ops o = { 0 };
	struct newfile f;
	char *said;
	size_t i;

	if (!vm_card(s, len, &rv)) {
		warnx("%s/%s: not a card nw can read; left as it is", st->dir,
		    e->file);
		return;
	}
	if (e->base == NULL || !vm_card(e->base, e->blen, &rb) ||
	    !vm_card(e->want, e->wlen, &rn))
		goto done;
	for (i = 0; i < NSKEYS; i++)
		three(st, e->id, &skeys[i], &rb.d, &rv.d, &rn.d, &o);
	if (o.n == 0)
		goto done;
	said = shown(&o.said);
	if (st->run->dry)
		fprintf(stderr, "nw-vdir: %s: would take from the vdir: %s\n",
		    e->id, said);
	else if (change_prepare(st->net, e->id, vm_apply, &o, &f) == 0) {
		/* written with the others (vm_pull_write) */
		st->ed = xrealloc(st->ed, (st->ned + 1) * sizeof *st->ed);
		st->edid = xrealloc(st->edid, (st->ned + 1) * sizeof *st->edid);
		st->edname = xrealloc(st->edname, (st->ned + 1) *
		    sizeof *st->edname);
		st->ed[st->ned] = f;
		st->edid[st->ned] = xstrdup(e->id);
		st->edname[st->ned++] = xstrdup(c->name ? c->name : e->id);
	} else
		st->failed = 1;
	if (st->run->dry) {
		st->run->nchanged++;
		strv_add(changed, e->id);
		strv_add(changed, c->name);
	}
	free(said);
done:
	vm_ops_free(&o);
	rec_free(&rb);
	rec_free(&rv);
	rec_free(&rn);
}

/*
 * The contacts vm_pull edited, written at once (safe_create_all: one
 * syncfs, renames, one fsync of the folder), under the run's lock; those
 * written go into changed (id, name).
 */
void
vm_pull_write(struct vstate *st, struct strv *changed)
{
	struct newfile *w;
	struct contact *after;
	size_t i, n = 0;

	w = xcalloc(st->ned ? st->ned : 1, sizeof *w);
	for (i = 0; i < st->ned; i++)
		if (st->ed[i].path)
			w[n++] = st->ed[i];
	if (n)
		safe_create_all(net_tmpdir(st->net), w, n);
	for (i = n = 0; i < st->ned; i++) {
		if (st->ed[i].path && w[n++].err) {
			errno = w[n - 1].err;
			warn("'%s': %s", w[n - 1].path, w[n - 1].what);
			st->failed = 1;
		} else {
			after = contact_parse(st->net, st->edid[i], st->ed[i].s,
			    st->ed[i].len, C_STRUCT);
			st->run->nchanged++;
			strv_add(changed, st->edid[i]);
			strv_add(changed, after && after->name ? after->name :
			    st->edname[i]);
			contact_free(after);
		}
		free((char *)st->ed[i].path);
		free((char *)st->ed[i].s);
		free(st->edid[i]);
		free(st->edname[i]);
	}
	free(w);
	free(st->ed);
	free(st->edid);
	free(st->edname);
	st->ed = NULL;
	st->edid = st->edname = NULL;
	st->ned = 0;
}

/* What a card of the vdir has that a contact lacks, as nw-import -u. */
void
vm_fill(struct contact *c, struct rec *r, struct ops *o)
{
	static const char *fills[] = { "org", "title", "birthday" };
	const struct skey *ph = NULL;
	const char *v;
	char *x, *y;
	size_t i, j;
	int have;

	for (i = 0; i < NSKEYS; i++)
		if (skeys[i].norm == N_PHONE)
			ph = &skeys[i];
	for (i = 0; (v = draft_value(&r->d, "email", i)) != NULL; i++)
		if (!strv_hascase(&c->email, v))
			vm_op_add(o, OP_ADD, "email", NULL, v);
	for (i = 0; (v = draft_value(&r->d, "phone", i)) != NULL; i++) {
		x = norm(ph, v);
		for (have = 0, j = 0; j < c->lib->phone.n && !have; j++) {
			y = norm(ph, c->lib->phone.v[j]);
			have = strcmp(x, y) == 0;
			free(y);
		}
		free(x);
		if (!have)
			vm_op_add(o, OP_ADD, "phone", NULL, v);
	}
	for (i = 0; i < 3; i++) {
		if ((v = draft_get(&r->d, fills[i])) == NULL)
			continue;
		if ((i == 0 && c->org == NULL) || (i == 1 && c->lib->title ==
		    NULL) || (i == 2 && c->lib->bday.month == 0))
			vm_op_add(o, OP_SET, fills[i], NULL, v);
	}
}

