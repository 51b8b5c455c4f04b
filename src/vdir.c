/* vdir.c - the network and a vdir of vCards kept in step, both ways */

#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * A vdir is a folder of one card a file (vdirsyncer's storage, khard's
 * address book).  nw writes each contact as <uid>.vcf and keeps, under
 * .nw/vdir/<the folder's uuid>/state, for each card its file, UID, id,
 * whether it was deleted there, and the card as nw last wrote it: the
 * base.  A run reads first, three ways: what the vdir's card says, what
 * the base says, what nw's card would say now, each read by vcard_read
 * into the keys of nw(5), so that a phone's way of writing (3.0, groups, TYPE, order,
 * photos) is no change.  A key the vdir changed and nw did not is edited
 * in the contact through change_edit; a key both changed keeps nw's and
 * says so.  Then every card whose contact changed, or whose vdir copy
 * says something else than nw, is written by temporary file and rename
 * in the folder; the base last, so a run killed anywhere converges on the
 * next one: a card written but not yet based reads as the same change on
 * both sides.
 */

struct ventry {
	char		*file, *uid, *id;
	int		 deleted;	/* gone from the vdir, kept until -r */
	int		 live;		/* its contact is in the network */
	int		 drop;		/* gone from the state at the end */
	char		*base;		/* as nw last wrote it, or NULL */
	size_t		 blen;
	char		*want;		/* the card nw writes now */
	size_t		 wlen;
	char		 cst[96], vst[96];	/* the stamps of the contact's
					   file and the card at the last run */
	int		 skip;		/* neither changed since: nothing to do */
};

struct vstate {
	struct net	*net;
	char		*dir;		/* the vdir */
	char		*sdir;		/* .nw/vdir/<uuid> */
	struct ventry	*v;
	size_t		 n;
	struct vdir_run	*run;
	int		 dirty;		/* the state must be written */
	int		 failed;
	long long	 now;		/* when the run began */
	size_t		*ix;		/* entries by id or file, see index */
	size_t		 nix;
	int		 ixfile;
};

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

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ventry *)a)->file,
	    ((const struct ventry *)b)->file);
}

static struct ventry *
entry_add(struct vstate *st, const char *file, const char *uid,
    const char *id)
{
	struct ventry *e;

	if ((st->n & (st->n - 1)) == 0)
		st->v = xrealloc(st->v, (st->n ? 2 * st->n : 1) * sizeof *st->v);
	e = &st->v[st->n++];
	memset(e, 0, sizeof *e);
	e->file = xstrdup(file);
	e->uid = xstrdup(uid);
	e->id = xstrdup(id);
	st->dirty = 1;
	return e;
}

static struct ventry *
entry_byid(struct vstate *st, const char *id)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (!st->v[i].drop && strcmp(st->v[i].id, id) == 0)
			return &st->v[i];
	return NULL;
}

/*
 * What tells that a file changed (its inode, size, times to the
 * nanosecond), or "" when it is not there or so new that a change in the
 * same second could share it: then the next run looks at it again.
 */
static void
stamp(const struct vstate *st, const char *path, char out[96])
{
	struct stat sb;

	out[0] = '\0';
	if (lstat(path, &sb) == -1 || (long long)sb.st_mtim.tv_sec >= st->now - 1 ||
	    (long long)sb.st_ctim.tv_sec >= st->now - 1)
		return;
	snprintf(out, 96, "%llx.%llx.%llx.%lx.%llx.%lx",
	    (unsigned long long)sb.st_ino, (unsigned long long)sb.st_size,
	    (unsigned long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec,
	    (unsigned long long)sb.st_ctim.tv_sec, (long)sb.st_ctim.tv_nsec);
}

static struct vstate *ix_st;		/* for qsort's comparison */

static int
ix_cmp(const void *a, const void *b)
{
	const struct ventry *x = &ix_st->v[*(const size_t *)a];
	const struct ventry *y = &ix_st->v[*(const size_t *)b];

	return ix_st->ixfile ? strcmp(x->file, y->file) : strcmp(x->id, y->id);
}

/* The entries sorted by file or by id, for lookups in a large vdir. */
static void
index_build(struct vstate *st, int byfile)
{
	size_t i;

	free(st->ix);
	st->ix = xcalloc(st->n ? st->n : 1, sizeof *st->ix);
	for (i = 0; i < st->n; i++)
		st->ix[i] = i;
	st->nix = st->n;
	st->ixfile = byfile;
	ix_st = st;
	qsort(st->ix, st->nix, sizeof *st->ix, ix_cmp);
}

/* The entry of key in the index (dropped ones left out), or NULL. */
static struct ventry *
index_find(struct vstate *st, const char *key)
{
	size_t lo = 0, hi = st->nix, mid;
	struct ventry *e;
	int cmp;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		e = &st->v[st->ix[mid]];
		if ((cmp = strcmp(key, st->ixfile ? e->file : e->id)) == 0)
			return e->drop ? NULL : e;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* The UID nw gives contact id: the one nw-export writes. */
static char *
vdir_uid(const char *id)
{
	char uid[37], *u;

	u = xasprintf("nw:%s", id);
	uuid_v5(u, uid);
	free(u);
	return xasprintf("urn:uuid:%s", uid);
}

/* A safe file name for a UID: the part after urn:uuid:, and .vcf. */
static char *
uid_file(const char *uid)
{
	struct buf b = { 0 };
	const char *s = strncmp(uid, "urn:uuid:", 9) == 0 ? uid + 9 : uid;

	buf_puts(&b, "");
	for (; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    (*s == '.' && b.len))
			buf_add(&b, s, 1);
	buf_puts(&b, ".vcf");
	return b.s;
}

/* The UID of the first card in s, unfolded; NULL when it has none. */
static char *
card_uid(const char *s, size_t len)
{
	struct buf b = { 0 };
	const char *l = s, *nl, *e = s + len, *name;
	size_t n, k;
	char *uid = NULL;

	for (; l < e && uid == NULL; l = nl ? nl + 1 : e) {
		nl = memchr(l, '\n', e - l);
		n = (nl ? nl : e) - l;
		if (n && l[n - 1] == '\r')
			n--;
		k = strcspn(l, ";:\n");
		if (k > n)
			continue;
		for (name = l + k; name > l && name[-1] != '.'; name--)
			;
		if (l + k - name != 3 || strncasecmp(name, "UID", 3) != 0)
			continue;
		for (k = 0; k < n && l[k] != ':'; k++)
			;
		buf_puts(&b, "");
		buf_add(&b, l + k + 1, n - k - (k < n));
		while (nl && nl + 1 < e && (nl[1] == ' ' || nl[1] == '\t')) {
			l = nl + 2;
			nl = memchr(l, '\n', e - l);
			n = (nl ? nl : e) - l;
			if (n && l[n - 1] == '\r')
				n--;
			buf_add(&b, l, n);
		}
		uid = rec_clean(b.s, 0);
	}
	free(b.s);
	if (uid && *uid == '\0') {
		free(uid);
		uid = NULL;
	}
	return uid;
}

/* --- what a card says: its keys, read as nw-import reads them ----------- */

/* The one card of s as a record; 0 (r freed) when it is not one good one. */
static int
card_rec(const char *s, size_t len, struct rec *r)
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
static int
same_keys(const struct draft *a, const struct draft *b)
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
static int
same_all(const struct draft *a, const struct draft *b)
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

enum { OP_SET, OP_DELETE, OP_ADD, OP_REMOVE, OP_REPLACE, OP_LINK,
    OP_UNLINK, OP_RELINK };
struct op {
	int		 what;
	const char	*key;
	char		*old, *val;
};
struct ops {
	struct op	*v;
	size_t		 n;
	struct strv	 said;		/* "phone +44..." for the summary */
};

static void
op_add(struct ops *o, int what, const char *key, const char *old,
    const char *val)
{
	o->v = xrealloc(o->v, (o->n + 1) * sizeof *o->v);
	o->v[o->n].what = what;
	o->v[o->n].key = key;
	o->v[o->n].old = old ? xstrdup(old) : NULL;
	o->v[o->n++].val = val ? xstrdup(val) : NULL;
}

static void
ops_free(struct ops *o)
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
		op_add(o, OP_RELINK, "links", gone->v[j], new->v[i]);
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
			op_add(o, OP_SET, k->key, NULL, vo.v[0]);
		else
			op_add(o, OP_DELETE, k->key, NULL, NULL);
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
				op_add(o, OP_UNLINK, k->key, s, NULL);
			if (i < new.n)
				op_add(o, OP_LINK, k->key, NULL, new.v[i]);
		} else if (s && i < new.n)
			op_add(o, OP_REPLACE, k->key, s, new.v[i]);
		else if (s)
			op_add(o, OP_REMOVE, k->key, s, NULL);
		else
			op_add(o, OP_ADD, k->key, NULL, new.v[i]);
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
	int n, taken, ok;

	try = xstrdup(name);
	for (n = 2; ; n++) {
		for (taken = 0, i = 0; i + 1 < c->links.n; i += 2)
			taken |= strcmp(c->links.v[i], try) == 0;
		if (!taken)
			break;
		free(try);
		try = xasprintf("%s-%d", name, n);
	}
	ok = change_put(ch, "links", try, url);
	free(try);
	free(name);
	return ok;
}

static int
apply(struct change *ch, struct contact *c, void *arg)
{
	struct ops *o = arg;
	struct strv one = { 0 };
	struct op *p;
	size_t i;
	int ok = 1, found;
	char *name;

	for (i = 0; ok && i < o->n; i++) {
		p = &o->v[i];
		switch (p->what) {
		case OP_SET:
			ok = change_set(ch, p->key, p->val);
			break;
		case OP_DELETE:
			ok = change_delete(ch, p->key, NULL);
			break;
		case OP_ADD:
			strv_add(&one, p->val);
			ok = change_import(ch, p->key, &one);
			strv_free(&one);
			break;
		case OP_REMOVE:
			ok = change_remove(ch, p->key, p->old, &found);
			break;
		case OP_REPLACE:
			ok = change_child(ch, p->key, p->old, p->val, &found);
			if (ok && !found)	/* a single value, not a list */
				ok = change_set(ch, p->key, p->val);
			break;
		case OP_UNLINK:
			name = xstrndup(p->old, strcspn(p->old, " "));
			ok = change_child(ch, p->key, name, NULL, &found);
			free(name);
			break;
		case OP_LINK:
			ok = put_link(ch, c, p->val);
			break;
		case OP_RELINK:
			name = xstrndup(p->val, strcspn(p->val, " "));
			ok = change_child(ch, p->key, name, strchr(p->val, ' ') +
			    1, &found);
			free(name);
			break;
		}
	}
	return ok;
}

/* --- the state: the cards nw wrote, and their bases ----------------------- */

static char *
state_path(struct vstate *st, const char *file)
{
	return xasprintf("%s/%s", st->sdir, file);
}

/* The bytes of the state file, any size; NULL when there is none. */
static char *
read_all(const char *path, size_t *len)
{
	struct buf b = { 0 };
	char chunk[65536];
	ssize_t r;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1) {
		if (errno != ENOENT)
			err(1, "'%s'", path);
		return NULL;
	}
	buf_puts(&b, "");
	while ((r = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, r);
	if (r == -1)
		err(1, "'%s'", path);
	close(fd);
	*len = b.len;
	return b.s;
}

/*
 * The state is one file, written at once: a line a card (its file, UID,
 * contact, "deleted" or nothing, the length of its base), then the base.
 */
static void
state_load(struct vstate *st)
{
	struct ventry *e;
	char *p, *text, *line, *f[7];
	size_t len, i, n, off = 0;

	p = state_path(st, "state");
	text = read_all(p, &len);
	free(p);
	while (text && off < len) {
		line = text + off;
		if ((p = memchr(line, '\n', len - off)) == NULL)
			break;
		*p = '\0';
		off = p + 1 - text;
		for (i = 0; i < 7; i++) {
			f[i] = line;
			line += strcspn(line, "\t");
			if (*line)
				*line++ = '\0';
		}
		n = strtoul(f[4], NULL, 10);
		if (n > len - off)
			break;			/* torn: the rest forgotten */
		if (*f[0] && *f[0] != '.' && !strchr(f[0], '/') && *f[1] &&
		    id_valid(f[2])) {
			e = entry_add(st, f[0], f[1], f[2]);
			e->deleted = strcmp(f[3], "deleted") == 0;
			snprintf(e->cst, sizeof e->cst, "%s", f[5]);
			snprintf(e->vst, sizeof e->vst, "%s", f[6]);
			if (n) {
				e->base = xstrndup(text + off, n);
				e->blen = n;
			}
		}
		off += n + 1;
	}
	free(text);
	st->dirty = 0;
}

/* The state, once both sides are written; only when it changed. */
static void
state_save(struct vstate *st)
{
	struct buf b = { 0 };
	struct ventry *e;
	const char *base;
	size_t i, blen;
	char *p, cs[96], vs[96];

	qsort(st->v, st->n, sizeof *st->v, entry_cmp);
	buf_puts(&b, "");
	for (i = 0; i < st->n; i++) {
		e = &st->v[i];
		if (e->drop)
			continue;
		if (strcmp(e->id, "event") != 0) {
			p = net_path(st->net, e->id);
			stamp(st, p, cs);
			free(p);
			p = xasprintf("%s/%s", st->dir, e->file);
			stamp(st, p, vs);
			free(p);
			if (e->want == NULL && !e->skip)
				cs[0] = vs[0] = '\0';	/* not looked at */
			if (strcmp(cs, e->cst) != 0 || strcmp(vs, e->vst) != 0)
				st->dirty = 1;
			snprintf(e->cst, sizeof e->cst, "%s", cs);
			snprintf(e->vst, sizeof e->vst, "%s", vs);
		}
		base = e->want && !e->deleted ? e->want : e->base;
		blen = e->want && !e->deleted ? e->wlen : e->blen;
		if (base != e->base && (e->base == NULL || blen != e->blen ||
		    memcmp(base, e->base, blen) != 0))
			st->dirty = 1;
		buf_printf(&b, "%s\t%s\t%s\t%s\t%zu\t%s\t%s\n", e->file,
		    e->uid, e->id, e->deleted ? "deleted" : "", base ? blen : 0,
		    e->cst, e->vst);
		if (base)
			buf_add(&b, base, blen);
		buf_puts(&b, "\n");
	}
	p = state_path(st, "state");
	if ((st->dirty || access(p, F_OK) != 0) &&
	    safe_write(net_tmpdir(st->net), p, b.s, b.len,
	    access(p, F_OK) == 0 ? 0 : SW_CREATE) == -1)
		st->failed = 1;
	free(p);
	free(b.s);
}

/* --- the vdir's files ------------------------------------------------------ */

/*
 * Cards to write, all at once by safe_create_all: each to a temporary
 * file (in the vdir, where a killed run's are removed by the next), all
 * synced together, then each renamed to its name, then one fsync of the
 * folder: a crash leaves each card old or new.
 */
struct pending {
	struct newfile	*v;
	size_t		 n;
};

/* Card s[0..len) to be written as file; s must live until vdir_commit. */
static int
vdir_stage(struct vstate *st, struct pending *pd, const char *file,
    const char *s, size_t len)
{
	struct newfile *f;

	if ((pd->n & (pd->n - 1)) == 0)
		pd->v = xrealloc(pd->v, (pd->n ? 2 * pd->n : 1) * sizeof *pd->v);
	f = &pd->v[pd->n++];
	memset(f, 0, sizeof *f);
	f->path = xasprintf("%s/%s", st->dir, file);
	f->s = s;
	f->len = len;
	f->replace = 1;
	return 0;
}

/* The staged cards durable, then in place; the number that failed. */
static int
vdir_commit(struct vstate *st, struct pending *pd)
{
	size_t i;
	int bad;

	bad = pd->n ? safe_create_all(st->dir, pd->v, pd->n) : 0;
	for (i = 0; i < pd->n; i++) {
		if (pd->v[i].err) {
			errno = pd->v[i].err;
			warn("'%s': %s", pd->v[i].path, pd->v[i].what);
		}
		free((char *)pd->v[i].path);
	}
	free(pd->v);
	memset(pd, 0, sizeof *pd);
	return bad;
}

static void
vdir_sync_dir(const char *dir)
{
	int fd;

	if ((fd = open(dir, O_RDONLY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
}

static char *
vdir_read(struct vstate *st, const char *file, size_t *len)
{
	char *p = xasprintf("%s/%s", st->dir, file), *s, err[256];
	struct stat sb;

	s = NULL;
	if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (s = file_read(p, len, err)) == NULL)
		warnx("'%s': %s", p, err);
	free(p);
	return s;
}

static int
isvcf(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".vcf") == 0;
}


/* The entry of file, dropped or not. */
static struct ventry *
entry_byfile_any(struct vstate *st, const char *file)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (strcmp(st->v[i].file, file) == 0)
			return &st->v[i];
	return NULL;
}

/* Temporary files of a run that was killed: under the lock, stale. */
static void
clean_stale(struct vstate *st, int dry)
{
	struct dirent *de;
	char *p;
	DIR *d;

	if (dry || (d = opendir(st->dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (strncmp(de->d_name, ".nw-", 4) == 0) {
			p = xasprintf("%s/%s", st->dir, de->d_name);
			unlink(p);
			free(p);
		}
	closedir(d);
}

static void
state_free(struct vstate *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		free(st->v[i].file);
		free(st->v[i].uid);
		free(st->v[i].id);
		free(st->v[i].base);
		free(st->v[i].want);
	}
	free(st->v);
	free(st->ix);
	free(st->sdir);
	free(st->dir);
	memset(st, 0, sizeof *st);
}

/* --- a run ------------------------------------------------------------------ */

struct member {
	char	*id, *group;
};

/* Contact c's card as nw writes it to the vdir, under uid. */
static void
want_card(struct ventry *e, struct contact *c, const struct strv *members)
{
	struct buf b = { 0 }, u = { 0 };
	char *mine = vdir_uid(c->id), *at, *end;

	vcard_write(&b, c, 4, members);
	if (strcmp(mine, e->uid) != 0 &&
	    (at = strstr(b.s, "\r\nUID:")) != NULL) {
		end = strstr(at + 2, "\r\n");
		buf_add(&u, b.s, at + 2 - b.s);
		vc_line(&u, "UID", e->uid);
		buf_puts(&u, end + 2);
		free(b.s);
		b = u;
	}
	free(mine);
	free(e->want);
	e->want = b.s;
	e->wlen = b.len;
}

/* The card in the vdir, the base and nw's: the edits it asks of nw. */
static void
pull(struct vstate *st, struct ventry *e, struct contact *c,
    const char *s, size_t len, struct strv *changed)
{
	struct rec rb = { 0 }, rv = { 0 }, rn = { 0 };
	struct ops o = { 0 };
	struct contact *after = NULL;
	char *said;
	size_t i;

	if (!card_rec(s, len, &rv)) {
		warnx("%s/%s: not a card nw can read; left as it is", st->dir,
		    e->file);
		return;
	}
	if (e->base == NULL || !card_rec(e->base, e->blen, &rb) ||
	    !card_rec(e->want, e->wlen, &rn))
		goto done;
	for (i = 0; i < NSKEYS; i++)
		three(st, e->id, &skeys[i], &rb.d, &rv.d, &rn.d, &o);
	if (o.n == 0)
		goto done;
	said = shown(&o.said);
	if (st->run->dry)
		fprintf(stderr, "nw-vdir: %s: would take from the vdir: %s\n",
		    e->id, said);
	else if (change_edit(st->net, e->id, apply, &o, &after) == 0) {
		st->run->nchanged++;
		strv_add(changed, e->id);
		strv_add(changed, after ? after->name : c->name);
	} else
		st->failed = 1;
	if (st->run->dry) {
		st->run->nchanged++;
		strv_add(changed, e->id);
		strv_add(changed, c->name);
	}
	free(said);
	contact_free(after);
done:
	ops_free(&o);
	rec_free(&rb);
	rec_free(&rv);
	rec_free(&rn);
}

/*
 * The network: every contact's summary (refs_all: from .nw/cache where it
 * may), sorted by id, and each contact loaded whole (with its keys, for
 * its card) only when a card needs it.
 */
struct net_all {
	struct net	*net;
	struct refs	 refs;
	struct contact	**s;		/* the summaries, by id */
	struct contact	**c;		/* loaded whole, or NULL */
	size_t		 n;
};

static int
byid(const void *a, const void *b)
{
	return strcmp((*(struct contact *const *)a)->id,
	    (*(struct contact *const *)b)->id);
}

static size_t
net_index(struct net_all *a, const char *id)
{
	size_t lo = 0, hi = a->n, mid;
	int cmp;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((cmp = strcmp(id, a->s[mid]->id)) == 0)
			return mid;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (size_t)-1;
}

/* Contact i whole. */
static struct contact *
net_whole(struct net_all *a, size_t i)
{
	if (a->c[i] == NULL)
		a->c[i] = contact_load(a->net, a->s[i]->id, C_STRUCT | C_KEYS);
	return a->c[i];
}

/*
 * The contact a new card is: the one whose UID it has (a card of
 * nw-export's), else the same email, else the same name, of the same
 * type, as nw-import finds them.
 */
static struct contact *
known_as(struct net_all *a, const char *uid, struct rec *r)
{
	const char *t = draft_get(&r->d, "type"), *name, *v;
	int type = t && strcmp(t, "community") == 0 ? T_COMMUNITY : T_PERSON;
	size_t i, j;
	char *u;

	for (i = 0; uid && i < a->n; i++) {
		u = vdir_uid(a->s[i]->id);
		if (strcmp(u, uid) == 0) {
			free(u);
			return net_whole(a, i);
		}
		free(u);
	}
	for (j = 0; (v = draft_value(&r->d, "email", j)) != NULL; j++)
		for (i = 0; i < a->n; i++)
			if (a->s[i]->type == type &&
			    strv_hascase(&a->s[i]->email, v))
				return net_whole(a, i);
	name = draft_get(&r->d, "name");
	for (i = 0; name && i < a->n; i++)
		if (a->s[i]->type == type && a->s[i]->name &&
		    strcaseeq(a->s[i]->name, name))
			return net_whole(a, i);
	return NULL;
}

/* What a card of the vdir has that a contact lacks, as nw-import -u. */
static void
fill_ops(struct contact *c, struct rec *r, struct ops *o)
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
			op_add(o, OP_ADD, "email", NULL, v);
	for (i = 0; (v = draft_value(&r->d, "phone", i)) != NULL; i++) {
		x = norm(ph, v);
		for (have = 0, j = 0; j < c->phone.n && !have; j++) {
			y = norm(ph, c->phone.v[j]);
			have = strcmp(x, y) == 0;
			free(y);
		}
		free(x);
		if (!have)
			op_add(o, OP_ADD, "phone", NULL, v);
	}
	for (i = 0; i < 3; i++) {
		if ((v = draft_get(&r->d, fills[i])) == NULL)
			continue;
		if ((i == 0 && c->org == NULL) || (i == 1 && c->title ==
		    NULL) || (i == 2 && c->bday.month == 0))
			op_add(o, OP_SET, fills[i], NULL, v);
	}
}

/* A card nw did not write: a new contact, or one it knows. */
static void
adopt(struct vstate *st, struct net_all *a, const char *file,
    const char *s, size_t len, struct strv *changed)
{
	struct rec r = { 0 };
	struct ops o = { 0 };
	struct contact *c, *after = NULL;
	struct ventry *e;
	char *uid = card_uid(s, len), *id = NULL, *old, why[256];

	if (!card_rec(s, len, &r)) {
		warnx("%s/%s: not a card nw can read; left as it is", st->dir,
		    file);
		goto done;
	}
	if ((c = known_as(a, uid, &r)) != NULL) {
		fill_ops(c, &r, &o);
		if (o.n && !st->run->dry && change_edit(st->net, c->id, apply,
		    &o, &after) != 0) {
			st->failed = 1;
			goto done;
		}
		if (o.n) {
			st->run->nchanged++;
			strv_add(changed, c->id);
			strv_add(changed, c->name);
		}
		warnx("%s/%s: the card of %s%s", st->dir, file, c->id,
		    st->run->dry ? " (would be taken)" : "");
		id = xstrdup(c->id);
	} else if (st->run->dry) {
		fprintf(stderr, "nw-vdir: %s/%s: would be a new contact, %s\n",
		    st->dir, file, draft_get(&r.d, "name"));
		st->run->nnew++;
		goto done;
	} else if (r.d.added = date_today(),
	    !draft_check(&r.d, st->net, why, sizeof why)) {
		warnx("%s/%s: %s", st->dir, file, why);
		st->failed = 1;
		goto done;
	} else if ((id = draft_write(st->net, &r.d)) == NULL) {
		st->failed = 1;
		goto done;
	} else {
		st->run->nnew++;
		strv_add(changed, id);
		strv_add(changed, draft_get(&r.d, "name"));
	}
	if (st->run->dry)
		goto done;
	/* one card a contact: the one nw had is the vdir's now */
	if ((e = entry_byid(st, id)) != NULL) {
		old = xasprintf("%s/%s", st->dir, e->file);
		if (unlink(old) == -1 && errno != ENOENT)
			warn("'%s'", old);
		free(old);
		e->drop = 1;
		st->dirty = 1;
	}
	if (uid == NULL)
		uid = xasprintf("nw-vdir:%s", file);
	entry_add(st, file, uid, id);
done:
	free(id);
	free(uid);
	contact_free(after);
	ops_free(&o);
	rec_free(&r);
}

static void
net_all_load(struct net *net, struct net_all *a)
{
	struct contact **all;

	a->net = net;
	a->refs.net = net;
	all = refs_all(&a->refs, &a->n);
	a->s = xcalloc(a->n ? a->n : 1, sizeof *a->s);
	if (a->n)
		memcpy(a->s, all, a->n * sizeof *a->s);
	qsort(a->s, a->n, sizeof *a->s, byid);
	a->c = xcalloc(a->n ? a->n : 1, sizeof *a->c);
}

static void
net_all_free(struct net_all *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		contact_free(a->c[i]);
	free(a->c);
	free(a->s);
	refs_free(&a->refs);
	memset(a, 0, sizeof *a);
}

/* The members of community c: the people whose groups name it. */
static void
members_of(struct net_all *a, struct contact *c, struct strv *m)
{
	size_t i, j;

	for (i = 0; i < a->n; i++) {
		if (a->s[i]->err || a->s[i]->type == T_COMMUNITY)
			continue;
		for (j = 0; j < a->s[i]->groups.n; j++)
			if (contact_names(c, a->s[i]->groups.v[j])) {
				strv_add(m, a->s[i]->id);
				break;
			}
	}
}

static char *
state_dir(struct net *net, const char *real, int dry)
{
	char uid[37], *u, *p;

	u = xasprintf("vdir:%s", real);
	uuid_v5(u, uid);
	free(u);
	if (dry)
		return xasprintf("%s/.nw/vdir/%s", net->dir, uid);
	(void)net_tmpdir(net);		/* .nw made, and checked ours */
	p = xasprintf("%s/.nw/vdir", net->dir);
	if (mkdir(p, 0700) == -1 && errno != EEXIST)
		err(1, "'%s'", p);
	free(p);
	p = xasprintf("%s/.nw/vdir/%s", net->dir, uid);
	if (mkdir(p, 0700) == -1 && errno != EEXIST)
		err(1, "'%s'", p);
	return p;
}

static int
inlist(const struct strv *l, const char *s)
{
	return l && strv_has((struct strv *)l, s);
}

/*
 * Keep the network and the vdir dir in step (see the top of this file).
 * The ids of contacts changed, with their names, go in changed (id,
 * name, ...); what was done is counted in run.  0, or 1 when something
 * failed and the rest was done.
 */
int
vdir_sync(struct net *net, const char *dir, struct vdir_run *run,
    struct strv *changed)
{
	struct vstate st = { 0 };
	struct net_all a = { 0 };
	struct strv files = { 0 }, members = { 0 };
	struct pending pd = { 0 };
	struct ventry *e;
	struct contact *c;
	struct rec rv, rw;
	struct dirent *de;
	char real[PATH_MAX], *s;
	size_t i, k, len, nent, nchanged0;
	char cs[96], vs[96];
	int write, fresh, wrote = 0, failed;
	DIR *d;

	if (!run->dry && mkdir(dir, 0700) == -1 && errno != EEXIST)
		err(1, "'%s'", dir);
	if (realpath(dir, real) == NULL)
		err(1, "'%s'", dir);
	nchanged0 = changed->n;
	st.now = time(NULL);
	st.net = net;
	st.dir = xstrdup(dir);
	st.run = run;
	net_lock(net);
	st.sdir = state_dir(net, real, run->dry);
	state_load(&st);
	net_all_load(net, &a);

	if ((d = opendir(dir)) == NULL)
		err(1, "'%s'", dir);
	while ((de = readdir(d)) != NULL)
		if (isvcf(de->d_name))
			strv_add(&files, de->d_name);
	closedir(d);
	clean_stale(&st, run->dry);
	if (files.n > 1)
		qsort(files.v, files.n, sizeof *files.v, bystr);

	/* nw's cards: what each says now, and what the vdir changed */
	nent = st.n;
	for (i = 0; i < nent; i++) {
		e = &st.v[i];
		if ((k = net_index(&a, e->id)) == (size_t)-1 || a.s[k]->err) {
			e->live = k != (size_t)-1;	/* unreadable: left alone */
			continue;
		}
		e->live = 1;
		if (!e->deleted && e->base && e->cst[0] && e->vst[0] &&
		    a.s[k]->type != T_COMMUNITY &&
		    !inlist(&run->restore, e->id)) {
			s = net_path(net, e->id);
			stamp(&st, s, cs);
			free(s);
			s = xasprintf("%s/%s", dir, e->file);
			stamp(&st, s, vs);
			free(s);
			if (strcmp(cs, e->cst) == 0 && strcmp(vs, e->vst) == 0) {
				e->skip = 1;	/* neither side changed */
				continue;
			}
		}
		if ((c = net_whole(&a, k))->err)
			continue;
		if (inlist(&run->restore, e->id) && e->deleted) {
			e->deleted = 0;
			st.dirty = 1;
			fprintf(stderr, "nw-vdir: %s: %s to the vdir\n", e->id,
			    run->dry ? "would be written back" :
			    "written back");
			continue;
		}
		strv_free(&members);
		if (c->type == T_COMMUNITY)
			members_of(&a, c, &members);
		want_card(e, c, &members);
		if (e->deleted) {
			warnx("%s: deleted from the vdir, kept (nw-vdir -r %s "
			    "writes it back)", e->id, e->id);
			run->ndeleted++;
			continue;
		}
		if ((s = vdir_read(&st, e->file, &len)) == NULL) {
			if (e->base == NULL)
				continue;	/* never written: written now */
			e->deleted = 1;
			st.dirty = 1;
			warnx("%s: deleted from the vdir, kept (nw-vdir -r %s "
			    "writes it back)", e->id, e->id);
			run->ndeleted++;
			continue;
		}
		pull(&st, e, c, s, len, changed);
		free(s);
	}

	/* cards nw did not write: new contacts, or ones it knows */
	index_build(&st, 1);
	for (i = 0; i < files.n; i++) {
		if (index_find(&st, files.v[i]))
			continue;
		if ((s = vdir_read(&st, files.v[i], &len)) == NULL)
			continue;
		adopt(&st, &a, files.v[i], s, len, changed);
		free(s);
	}

	if (run->dry)
		goto done;
	/* the network again, as the edits left it */
	if (changed->n > nchanged0) {
		net_all_free(&a);
		net_all_load(net, &a);
	}
	index_build(&st, 0);
	for (i = 0; i < a.n; i++) {
		c = a.s[i];
		if (c->err)
			continue;
		if ((e = index_find(&st, c->id)) == NULL) {
			s = vdir_uid(c->id);
			e = entry_add(&st, "", s, c->id);
			free(e->file);
			e->file = uid_file(s);
			free(s);
			if ((s = vdir_read(&st, e->file, &len)) != NULL) {
				warnx("%s/%s: a card nw did not write; %s is "
				    "not written", dir, e->file, c->id);
				free(s);
				e->drop = 1;
				continue;
			}
		}
		e->live = 1;
		if (e->deleted || e->skip)
			continue;
		if ((c = net_whole(&a, i))->err)
			continue;
		strv_free(&members);
		if (c->type == T_COMMUNITY)
			members_of(&a, c, &members);
		want_card(e, c, &members);
		/*
		 * Written when missing; when nw's card changed, unless the
		 * vdir's says all of it already (a phone's edit just taken:
		 * its card, photo and all, stays); else when it says other
		 * than nw on a key it carries (nw's kept on both sides).
		 */
		fresh = e->base == NULL || e->blen != e->wlen ||
		    memcmp(e->base, e->want, e->wlen) != 0;
		write = 0;
		if ((s = vdir_read(&st, e->file, &len)) == NULL)
			write = 1;
		else if (len == e->wlen && memcmp(s, e->want, len) == 0)
			write = 0;
		else if (!card_rec(s, len, &rv))
			write = fresh;	/* unreadable: nw's again if new */
		else {
			if (card_rec(e->want, e->wlen, &rw)) {
				write = fresh ? !same_all(&rv.d, &rw.d) :
				    !same_keys(&rv.d, &rw.d);
				rec_free(&rw);
			}
			rec_free(&rv);
		}
		free(s);
		if (write && vdir_stage(&st, &pd, e->file, e->want,
		    e->wlen) == 0)
			run->nwritten++;
		else if (write)
			st.failed = 1;
	}
	if (vdir_commit(&st, &pd) != 0)
		st.failed = 1;
	/* the cards of contacts gone from the network */
	for (i = 0; i < st.n; i++) {
		e = &st.v[i];
		if (e->live || e->drop)
			continue;
		s = xasprintf("%s/%s", dir, e->file);
		if (unlink(s) == 0) {
			run->nremoved++;
			wrote = 1;
		} else if (errno != ENOENT) {
			warn("'%s'", s);
			st.failed = 1;
		}
		free(s);
		e->drop = 1;
		st.dirty = 1;
	}
	if (wrote)
		vdir_sync_dir(dir);
	if (!st.failed)
		state_save(&st);
done:
	net_unlock(net);
	net_all_free(&a);
	strv_free(&files);
	strv_free(&members);
	failed = st.failed;
	state_free(&st);
	return failed;
}

/* --- the calendar: one .ics an event, one way --------------------------- */

/* s[0..len) without its DTSTAMP line: what an event says. */
static char *
unstamped(const char *s, size_t len, size_t *out)
{
	struct buf b = { 0 };
	const char *l = s, *e = s + len, *nl;

	buf_puts(&b, "");
	for (; l < e; l = nl) {
		nl = memchr(l, '\n', e - l);
		nl = nl ? nl + 1 : e;
		if (strncmp(l, "DTSTAMP:", 8) != 0)
			buf_add(&b, l, nl - l);
	}
	*out = b.len;
	return b.s;
}

static int
same_event(const char *a, size_t alen, const char *b, size_t blen)
{
	char *x, *y;
	size_t xl, yl;
	int same;

	x = unstamped(a, alen, &xl);
	y = unstamped(b, blen, &yl);
	same = xl == yl && memcmp(x, y, xl) == 0;
	free(x);
	free(y);
	return same;
}

/* Each VEVENT of the events in ev as a calendar of its own: name, text. */
static void
events_split(struct net *net, const char *ev, struct strv *out)
{
	const char *p = ev, *end, *uid, *ue;
	struct buf b = { 0 };
	char *name, *u;

	while ((p = strstr(p, "BEGIN:VEVENT\r\n")) != NULL) {
		if ((end = strstr(p, "END:VEVENT\r\n")) == NULL)
			break;
		end += 12;
		uid = strstr(p, "\r\nUID:");
		if (uid == NULL || uid > end) {
			p = end;
			continue;
		}
		uid += 6;
		ue = strstr(uid, "\r\n");
		u = xstrndup(uid, ue - uid);
		name = uid_file(u);
		memcpy(name + strlen(name) - 4, ".ics", 4);
		b.len = 0;
		ical_begin(&b);
		buf_add(&b, p, end - p);
		ical_end(&b);
		strv_add(out, name);
		strv_add(out, b.s);
		free(name);
		free(u);
		p = end;
	}
	free(b.s);
	(void)net;
}

/*
 * Write the network's events to the calendar vdir dir: each birthday,
 * date and due date of nw-export -f ics, one file an event named by its
 * UID, with an alarm at the alarm: setting (09:00 when it is not set).
 * Written only when what it says changed (its DTSTAMP aside), removed
 * when it goes; an event changed in the folder is written over, and said.
 * The state is the cards' (state_load), its entries events of "event".
 */
int
vdir_calendar(struct net *net, const char *dir, struct vdir_run *run)
{
	struct net_all a = { 0 };
	struct strv ev = { 0 };
	struct buf b = { 0 };
	struct vstate st = { 0 };
	struct pending pd = { 0 };
	struct ventry *e;
	char real[PATH_MAX], *s;
	size_t i, j, len;
	int today = date_today(), removed = 0;

	if (!run->dry && mkdir(dir, 0700) == -1 && errno != EEXIST)
		err(1, "'%s'", dir);
	if (realpath(dir, real) == NULL)
		err(1, "'%s'", dir);
	if (net->alarm == ALARM_UNSET)
		net->alarm = 9 * 60;
	s = xasprintf("calendar:%s", real);
	st.net = net;
	st.dir = xstrdup(dir);
	st.run = run;
	net_lock(net);
	st.sdir = state_dir(net, s, run->dry);
	free(s);
	state_load(&st);
	clean_stale(&st, run->dry);

	net_all_load(net, &a);
	for (i = 0; i < a.n; i++) {
		if (net_whole(&a, i)->err)
			continue;
		b.len = 0;
		buf_puts(&b, "");
		ical_contact(&b, net, a.c[i], today);
		events_split(net, b.s, &ev);
	}
	for (i = 0; i < st.n; i++)
		st.v[i].drop = 1;		/* unless an event is still there */
	for (i = 0; i + 1 < ev.n; i += 2) {
		if ((e = entry_byfile_any(&st, ev.v[i])) == NULL)
			e = entry_add(&st, ev.v[i], ev.v[i], "event");
		e->drop = 0;
		len = strlen(ev.v[i + 1]);
		free(e->want);
		e->want = xstrndup(ev.v[i + 1], len);
		e->wlen = len;
		s = vdir_read(&st, ev.v[i], &j);
		if (s && e->base && (j != e->blen || memcmp(s, e->base, j) != 0))
			warnx("%s/%s: changed in the calendar; nw's written "
			    "over it", dir, ev.v[i]);
		if (s == NULL || !same_event(s, j, e->want, e->wlen)) {
			run->nwritten++;
			if (!run->dry && vdir_stage(&st, &pd, e->file, e->want,
			    e->wlen) == -1)
				st.failed = 1;
		} else {
			free(e->want);	/* the file as it is is the base */
			e->want = s;
			e->wlen = j;
			s = NULL;
		}
		free(s);
	}
	if (!run->dry && vdir_commit(&st, &pd) != 0)
		st.failed = 1;
	for (i = 0; i < st.n; i++) {
		e = &st.v[i];
		if (!e->drop)
			continue;
		run->nremoved++;
		st.dirty = 1;
		if (run->dry)
			continue;
		s = xasprintf("%s/%s", dir, e->file);
		if (unlink(s) == -1 && errno != ENOENT) {
			warn("'%s'", s);
			st.failed = 1;
		}
		free(s);
		removed = 1;
	}
	if (removed)
		vdir_sync_dir(dir);
	if (!run->dry && !st.failed)
		state_save(&st);
	net_unlock(net);
	net_all_free(&a);
	strv_free(&ev);
	free(b.s);
	removed = st.failed;
	state_free(&st);
	return removed;
}
