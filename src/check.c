/* check.c - what is wrong with a contact, said where it is */

#include <sys/stat.h>

#include <err.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * Findings at a place in the file wait in ck->found until the file is
 * done, then go out in the file's order: the checks of one key and those
 * across contacts interleave as the reader expects.
 */
static void
vplace(struct check *ck, const char *path, int line, int col, int error,
    const char *fmt, va_list ap)
{
	struct buf b = { 0 }, k = { 0 };
	char *t, *u;

	if (error)
		ck->nerr++;
	else
		ck->nwarn++;
	if ((ck->quiet && !error) || ck->out == NULL)
		return;
	report_buf(&b, path, line, col, error ? "error" : "warning", fmt, ap);
	t = xasprintf("%08d %08d ", line, col);	/* the sort key */
	u = text_dup(b.s, TX_MSG);	/* a finding quotes the file */
	if (line > 0) {
		buf_puts(&k, t);
		buf_puts(&k, u);
		strv_add(&ck->found, k.s);
		free(k.s);
	} else
		fprintf(ck->out, "%s\n", u);
	free(t);
	free(u);
	free(b.s);
}

static void
place(struct check *ck, const char *path, int line, int col, int error,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vplace(ck, path, line, col, error, fmt, ap);
	va_end(ap);
}

static void
vsay(struct check *ck, const char *path, struct ynode *n, int error,
    const char *fmt, va_list ap)
{
	vplace(ck, path, n ? n->line : 0, n ? n->col : 0, error, fmt, ap);
}

static int
byplace(const void *a, const void *b)
{
	return strncmp(*(char *const *)a, *(char *const *)b, 18);
}

static void
flush(struct check *ck)
{
	size_t i, j;
	char *x;

	/* a stable sort: findings at one place keep the order they came */
	for (i = 1; i < ck->found.n; i++) {
		x = ck->found.v[i];
		for (j = i; j > 0 && byplace(&ck->found.v[j - 1], &x) > 0; j--)
			ck->found.v[j] = ck->found.v[j - 1];
		ck->found.v[j] = x;
	}
	for (i = 0; i < ck->found.n; i++)
		fprintf(ck->out, "%s\n", ck->found.v[i] + 18);
	strv_free(&ck->found);
}

static void
say(struct check *ck, struct ynode *n, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(ck, ck->path, n, error, fmt, ap);
	va_end(ap);
}

/* A check of refs' network; refs, lent, are every contact (duplicates). */
struct check *
check_new(struct refs *refs, FILE *out, int quiet)
{
	struct check *ck = xcalloc(1, sizeof *ck);

	ck->net = refs->net;
	ck->refs = refs;
	ck->out = out;
	ck->quiet = quiet;
	return ck;
}

/* A finding about a file that is not a contact's text. */
void
check_path(struct check *ck, const char *path, int error, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(ck, path, NULL, error, fmt, ap);
	va_end(ap);
}

/* A finding about contact id as a whole, not a place in it. */
void
check_note(struct check *ck, const char *id, int error, const char *fmt, ...)
{
	va_list ap;
	char *path = net_path(ck->net, id);

	va_start(ap, fmt);
	vsay(ck, path, NULL, error, fmt, ap);
	va_end(ap);
	free(path);
}

static void
finding(struct finding *f, struct ynode *n, int error, const char *fmt, ...)
{
	struct check *ck = f->arg;
	va_list ap;

	va_start(ap, fmt);
	vsay(ck, ck->path, n, error, fmt, ap);
	va_end(ap);
}

/*
 * Every contact's name and emails, in maps that compare as strcaseeq
 * does: a name or an email twice is found in time linear in the network.
 * A lookup keeps the first contact in the network's order, as a walk over
 * it would.
 */
struct fold {				/* a fold cut short (folds_of) */
	const char	*old, *keep;
	const char	*how;		/* "-f keep " or "" */
	int		 error;		/* they share an email */
};

struct cross {
	struct strmap	*name, *email;	/* to the contacts' ids */
	struct strmap	*byid;		/* to their place in all, + 1 */
	struct contact	**all;		/* for rel's other side */
	size_t		  nall;
	struct strv	 claimed;	/* emails and ids of check_claim */
	struct stat	*st;		/* all's files with more than one name */
	size_t		*linked;	/* those, by device, inode and place */
	size_t		 nlinked;
	int		 folded;	/* folds read (folds_of) */
	struct fold	*folds;
	size_t		 nfolds;
	struct strmap	*foldby;	/* old and keep to their fold, + 1 */
};

/* The first contact but id with s; NULL when none. */
static const char *
seen_other(struct strmap *t, const char *s, const char *id)
{
	const char *other;
	size_t it = 0;

	while ((other = strmap_next(t, s, &it)) != NULL)
		if (strcmp(other, id) != 0)
			return other;
	return NULL;
}

/* The place in x->all of contact id; -1 when none. */
static ssize_t
cross_place(const struct cross *x, const char *id)
{
	size_t it = 0, v;

	while ((v = (size_t)strmap_next(x->byid, id, &it)) != 0)
		if (strcmp(x->all[v - 1]->id, id) == 0)
			return v - 1;
	return -1;
}

static const struct stat *linked_st;	/* cross_of's, for bylink */

static int
bylink(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct stat *p = &linked_st[i], *q = &linked_st[j];

	if (p->st_dev != q->st_dev)
		return p->st_dev < q->st_dev ? -1 : 1;
	if (p->st_ino != q->st_ino)
		return p->st_ino < q->st_ino ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* Made before the checks run on every core, which only read it. */
static struct cross *
cross_of(struct check *ck)
{
	struct contact **all;
	struct cross *x;
	size_t n, i, j;

	if (ck->cross)
		return ck->cross;
	all = refs_all(ck->refs, &n);
	x = ck->cross = xcalloc(1, sizeof *x);
	x->name = strmap_new();
	x->email = strmap_new();
	x->byid = strmap_new();
	x->foldby = strmap_new();
	x->all = all, x->nall = n;
	x->st = xcalloc(n, sizeof *x->st);
	x->linked = xcalloc(n + 1, sizeof *x->linked);
	for (i = 0; i < n; i++) {
		if (lstat(all[i]->lib->path, &x->st[i]) == -1 ||
		    !S_ISREG(x->st[i].st_mode) || x->st[i].st_nlink < 2)
			x->st[i].st_nlink = 0;
		else
			x->linked[x->nlinked++] = i;
		strmap_put(x->byid, all[i]->id, (void *)(i + 1));
		if (all[i]->name)
			strmap_put(x->name, all[i]->name, all[i]->id);
		for (j = 0; j < all[i]->email.n; j++)
			strmap_put(x->email, all[i]->email.v[j], all[i]->id);
	}
	linked_st = x->st;
	qsort(x->linked, x->nlinked, sizeof *x->linked, bylink);
	linked_st = NULL;
	return x;
}

/*
 * The other contact that is the same file as contact id, a rename cut
 * short between its two names (change_mv); NULL when none.
 */
static const char *
other_name(const struct cross *x, const char *id)
{
	const struct stat *p, *q;
	ssize_t i = cross_place(x, id);
	size_t lo, hi, m, j;

	if (i == -1 || x->st[i].st_nlink == 0)
		return NULL;
	p = &x->st[i];
	/* the first of its file's group in x->linked: the first in all */
	for (lo = 0, hi = x->nlinked; lo < hi;) {
		q = &x->st[x->linked[m = lo + (hi - lo) / 2]];
		if (q->st_dev < p->st_dev || (q->st_dev == p->st_dev &&
		    q->st_ino < p->st_ino))
			lo = m + 1;
		else
			hi = m;
	}
	for (; lo < x->nlinked; lo++) {
		q = &x->st[j = x->linked[lo]];
		if (q->st_dev != p->st_dev || q->st_ino != p->st_ino)
			break;
		if (j != (size_t)i)
			return x->all[j]->id;
	}
	return NULL;
}

/* Do contacts a and b share an email? */
static int
same_email(const struct cross *x, const char *a, const char *b)
{
	const char *other;
	ssize_t i = cross_place(x, a);
	size_t j, it;

	for (j = 0; i != -1 && j < x->all[i]->email.n; j++)
		for (it = 0; (other = strmap_next(x->email,
		    x->all[i]->email.v[j], &it)) != NULL;)
			if (strcmp(other, b) == 0)
				return 1;
	return 0;
}

/*
 * The first fold that a is part of and, when b is not NULL, b too: a
 * into b or b into a.  NULL when none.
 */
static const struct fold *
fold_of(const struct cross *x, const char *a, const char *b)
{
	const struct fold *f;
	size_t it = 0, v;

	while ((v = (size_t)strmap_next(x->foldby, a, &it)) != 0) {
		f = &x->folds[v - 1];
		if ((strcmp(f->old, a) == 0 && (b == NULL ||
		    strcmp(f->keep, b) == 0)) || (strcmp(f->keep, a) == 0 &&
		    (b == NULL || strcmp(f->old, b) == 0)))
			return f;
	}
	return NULL;
}

/*
 * Pairs where one contact holds all of the other, as a fold (nw-mv -m)
 * cut short leaves them: old's name is keep's name or an aka of it, and
 * old folded into keep gives keep's bytes again (fold_held).  An error
 * when they share an email (it is one already), else a warning.  Read
 * once, before the checks run on every core.
 */
static void
folds_of(struct check *ck)
{
	struct cross *x = cross_of(ck);
	struct strmap *names;
	struct contact *c, *o;
	size_t i, j, it;
	int how;

	if (x->folded)
		return;
	x->folded = 1;
	names = strmap_new();	/* names and akas to their contacts */
	for (i = 0; i < x->nall; i++) {
		c = x->all[i];
		if (c->name)
			strmap_put(names, c->name, c);
		for (j = 0; j < c->lib->aka.n; j++)
			strmap_put(names, c->lib->aka.v[j], c);
	}
	for (i = 0; i < x->nall; i++) {
		if ((c = x->all[i])->name == NULL)
			continue;
		for (it = 0; (o = strmap_next(names, c->name, &it)) != NULL;) {
			if (o == c || fold_of(x, c->id, o->id) != NULL ||
			    (how = fold_held(ck->net, c, o)) == 0 ||
			    other_name(x, c->id) != NULL)
				continue;
			x->folds = xrealloc(x->folds, (x->nfolds + 1) *
			    sizeof *x->folds);
			x->folds[x->nfolds].old = c->id;
			x->folds[x->nfolds].keep = o->id;
			x->folds[x->nfolds].how = how == 'k' ? "-f keep " : "";
			x->folds[x->nfolds].error = same_email(x, c->id, o->id);
			x->nfolds++;
			strmap_put(x->foldby, c->id, (void *)x->nfolds);
			strmap_put(x->foldby, o->id, (void *)x->nfolds);
		}
	}
	strmap_free(names);
}

/* The other contact of a fold cut short that id is part of; NULL. */
static const char *
fold_partner(const struct cross *x, const char *id)
{
	const struct fold *f = fold_of(x, id, NULL);

	return f == NULL ? NULL : strcmp(f->old, id) == 0 ? f->keep : f->old;
}

/* What a fold cut short is said as, on old and on keep. */
static void
fold_note(struct check *ck, const struct cross *x, const char *id)
{
	const struct fold *f = fold_of(x, id, NULL);

	if (f == NULL)
		return;
	if (strcmp(f->old, id) == 0)
		check_note(ck, id, f->error, "all of it is in '%s' "
		    "too, a fold (nw-mv -m) cut short: run nw-mv -m %s%s %s "
		    "to finish it", f->keep, f->how, f->old, f->keep);
	else
		check_note(ck, id, f->error, "holds all of '%s' too, "
		    "a fold (nw-mv -m) cut short: run nw-mv -m %s%s %s to "
		    "finish it", f->old, f->how, f->old, f->keep);
}

/*
 * A relationship written on both sides must be each other's inverse:
 * ada's mentor alan may say ada is his mentee, not his mentor.  Roles
 * of the user's own have no inverse and are not judged.
 */
static void
rel_sides(struct check *ck, struct cross *x, struct ynode *v)
{
	const struct role *r, *s;
	struct contact *o;
	struct ynode *it, *val;
	const char *bad;
	size_t i, j, m;

	for (i = 0; v->type == YMAP && i + 1 < v->nkid; i += 2) {
		if (ynode_str(v->kid[i]) == NULL ||
		    (r = schema_role(ynode_str(v->kid[i]))) == NULL)
			continue;
		val = ynode_deref(v->kid[i + 1]);
		for (m = 0; m < (val->type == YSEQ ? val->nkid : 1); m++) {
			it = val->type == YSEQ ? ynode_deref(val->kid[m]) : val;
			if (ynode_str(it) == NULL)
				continue;
			o = (j = cross_place(x, it->str)) == (size_t)-1 ? NULL :
			    x->all[j];
			for (bad = NULL, j = 0; o && j + 1 < o->rel.n; j += 2) {
				if (strcmp(o->rel.v[j + 1], ck->id) != 0 ||
				    (s = schema_role(o->rel.v[j])) == NULL)
					continue;
				if (strcmp(s->name, r->inverse) == 0) {
					bad = NULL;
					break;
				}
				bad = s->name;
			}
			if (bad)
				say(ck, it, 0, "rel %s '%s': its rel says %s, "
				    "not %s", r->name, it->str, bad, r->inverse);
		}
	}
}

/*
 * The contact other than id that has email, nw-check's rule that an
 * address is on one contact, for a command about to write one (an
 * import); those claimed with check_claim count.  NULL when none.
 */
const char *
check_email_taken(struct check *ck, const char *email, const char *id)
{
	return seen_other(cross_of(ck)->email, email, id);
}

/* Contact id has email now (an import wrote it). */
void
check_claim(struct check *ck, const char *email, const char *id)
{
	struct cross *x = cross_of(ck);

	strv_add(&x->claimed, email);
	strv_add(&x->claimed, id);
	strmap_put(x->email, x->claimed.v[x->claimed.n - 2],
	    x->claimed.v[x->claimed.n - 1]);
}

/* What is wrong across contacts: a name or an email twice. */
static void
across(struct check *ck, const struct key *k, struct ynode *v)
{
	struct cross *x;
	struct ynode *it;
	const char *other, *twin;
	size_t m;

	v = ynode_deref(v);
	if (k->type == K_REL)
		rel_sides(ck, cross_of(ck), v);
	if (k->type != K_NAME && k->type != K_EMAIL)
		return;
	x = cross_of(ck);
	/* one file, or a fold cut short: said once, below */
	if ((twin = other_name(x, ck->id)) == NULL)
		twin = fold_partner(x, ck->id);
	for (m = 0; m < (v->type == YSEQ ? v->nkid : 1); m++) {
		it = v->type == YSEQ ? ynode_deref(v->kid[m]) : v;
		if (it->type != YSCALAR || ynode_isnull(it))
			continue;
		if (k->type == K_NAME &&
		    (other = seen_other(x->name, it->str, ck->id)) != NULL &&
		    (twin == NULL || strcmp(twin, other) != 0)) {
			say(ck, it, 0, "name '%s' is also on %s", it->str,
			    other);
			return;
		}
		if (k->type == K_EMAIL &&
		    (other = check_email_taken(ck, it->str, ck->id)) != NULL &&
		    (twin == NULL || strcmp(twin, other) != 0))
			say(ck, it, 1, "email '%s' is also on %s", it->str,
			    other);
	}
}

/* Check one contact's parsed text d (ydoc_parse's or ydoc_read's). */
static int
check_doc(struct check *ck, const char *path, const char *id, struct ydoc *d)
{
	struct finding f = { ck->net, finding, ck };
	const struct key *k;
	struct ynode *r, *kn;
	int before = ck->nerr;
	size_t i;

	ck->path = path;
	ck->id = id;
	if ((r = d->root) == NULL) {
		if (d->err[0])
			place(ck, path, d->line, d->col, 1, "%s", d->err);
		else
			place(ck, path, 0, 0, 1, "empty file: a contact needs "
			    "a name");
	} else if ((r = ynode_deref(r))->type != YMAP) {
		say(ck, r, 1, "the root is not a mapping");
	} else {
		if (ymap_get(r, "name") == NULL)
			say(ck, r, 1, "no 'name'");
		for (i = 0; i + 1 < r->nkid; i += 2) {
			kn = ynode_deref(r->kid[i]);
			if (kn->type != YSCALAR ||
			    (k = schema_key(kn->str)) == NULL)
				continue;
			schema_check(&f, k, r->kid[i + 1]);
			across(ck, k, r->kid[i + 1]);
		}
	}
	flush(ck);
	return ck->nerr - before;
}

/*
 * Check one contact's text; path is how findings name it, id which
 * contact it is (to tell it from the others).  Returns the errors found.
 */
int
check_text(struct check *ck, const char *path, const char *id,
    const char *text, size_t len)
{
	struct ydoc *d = ydoc_parsef(text, len, 0);
	int n;

	n = check_doc(ck, path, id, d);
	ydoc_free(d);
	return n;
}

/*
 * The settings' cadences against the floor: a circle, or the default,
 * longer than it leaves its people below the floor.
 */
void
check_settings(struct check *ck)
{
	struct net *net = ck->net;
	char *path = xasprintf("%s/.nw.yaml", net->dir), a[16], b[16];
	size_t i;

	dur_str(net->floor, b);
	for (i = 0; i < net->ncircles; i++)
		if (dur_days(net->circles[i].every) > dur_days(net->floor))
			check_path(ck, path, 0, "circle '%s' (%s) is longer "
			    "than the floor (%s)", net->circles[i].name,
			    dur_str(net->circles[i].every, a), b);
	if (dur_days(net->dflt) > dur_days(net->floor))
		check_path(ck, path, 0, "the default cadence (%s) is longer "
		    "than the floor (%s)", dur_str(net->dflt, a), b);
	free(path);
}

/* Check a contact's file, read and parsed once; the errors found. */
int
check_file(struct check *ck, const char *id)
{
	struct ydoc *d;
	char *path = net_path(ck->net, id);
	int n;

	d = ydoc_readf(path, 0);
	if (d->text == NULL) {
		place(ck, path, 0, 0, 1, "%s", d->err);
		n = 1;
	} else
		n = check_doc(ck, path, id, d);
	ydoc_free(d);
	free(path);
	return n;
}

struct files {
	struct check	*ck;
	char		**ids;
	struct strv	*unmerged;
	struct strv	*deleted;	/* of those, deleted on one side */
	char		**text;		/* each file's findings */
	size_t		 *len;
	int		 *nerr, *nwarn;
};

/* File i, on any core: its findings into its own text. */
static void
files_check(void *arg, size_t i)
{
	struct files *fs = arg;
	struct check w = { 0 };
	const char *other;

	/* what it reads of the caller's: nothing the caller changes */
	w.net = fs->ck->net;
	w.quiet = fs->ck->quiet;
	w.cross = fs->ck->cross;
	if ((w.out = open_memstream(&fs->text[i], &fs->len[i])) == NULL)
		err(1, "open_memstream");
	check_file(&w, fs->ids[i]);
	if ((other = other_name(w.cross, fs->ids[i])) != NULL)
		check_note(&w, fs->ids[i], 1, "the same file as '%s', a rename "
		    "(nw-mv) cut short: run that nw-mv again to finish it",
		    other);
	fold_note(&w, w.cross, fs->ids[i]);
	if (fs->deleted && strv_has(fs->deleted, fs->ids[i]))
		check_note(&w, fs->ids[i], 1, "unmerged in git: deleted on "
		    "one side, changed on the other: keep it (git add) or "
		    "remove it (git rm)");
	else if (strv_has(fs->unmerged, fs->ids[i]))
		check_note(&w, fs->ids[i], 1, "unmerged in git: merge it "
		    "(nw-merge), then git add it");
	if (fclose(w.out) == EOF)
		err(1, "open_memstream");
	fs->nerr[i] = w.nerr;
	fs->nwarn[i] = w.nwarn;
}

static void
files_put(void *arg, size_t i)
{
	struct files *fs = arg;

	fwrite(fs->text[i], 1, fs->len[i], fs->ck->out);
	free(fs->text[i]);
	fs->ck->nerr += fs->nerr[i];
	fs->ck->nwarn += fs->nwarn[i];
}

/*
 * Check the files of ids[0..n) on every core, findings in the order of
 * ids, with a note on each that git has unmerged (deleted: by one side).
 * The errors found.
 */
int
check_files(struct check *ck, char **ids, size_t n, struct strv *unmerged,
    struct strv *deleted)
{
	struct files fs = { ck, ids, unmerged, deleted, NULL, NULL, NULL,
	    NULL };
	int before = ck->nerr;

	folds_of(ck);
	fs.text = xcalloc(n, sizeof *fs.text);
	fs.len = xcalloc(n, sizeof *fs.len);
	fs.nerr = xcalloc(n, sizeof *fs.nerr);
	fs.nwarn = xcalloc(n, sizeof *fs.nwarn);
	cores_run(n, files_check, files_put, &fs);
	free(fs.text);
	free(fs.len);
	free(fs.nerr);
	free(fs.nwarn);
	return ck->nerr - before;
}

/*
 * Contacts are private: a file that others may read (o+r; what a group
 * may read is the user's choice) is a warning that says how to mend it.
 * Of more than four such files the first three are named and the rest
 * counted, unless all is set: 500 old files are not 500 lines.
 */
void
check_private(struct check *ck, char **ids, size_t n, int all)
{
	struct strv open = { 0 };
	struct stat st;
	size_t i, shown;
	char *path;

	for (i = 0; i < n; i++) {
		path = net_path(ck->net, ids[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    (st.st_mode & S_IROTH))
			strv_add(&open, path);
		free(path);
	}
	shown = all || open.n <= 4 ? open.n : 3;
	for (i = 0; i < shown; i++)
		check_path(ck, open.v[i], 0, "readable by others (chmod 600 "
		    "%s)", open.v[i]);
	if (shown < open.n)
		check_path(ck, ck->net->dir, 0, "and %zu more contact files "
		    "readable by others (nw-check -v lists them)",
		    open.n - shown);
	strv_free(&open);
}

void
check_free(struct check *ck)
{
	if (ck == NULL)
		return;
	if (ck->cross) {
		strmap_free(ck->cross->name);
		strmap_free(ck->cross->email);
		strv_free(&ck->cross->claimed);
		strmap_free(ck->cross->byid);
		strmap_free(ck->cross->foldby);
		free(ck->cross->folds);
		free(ck->cross->linked);
		free(ck->cross->st);
		free(ck->cross);
		ck->cross = NULL;
	}
	free(ck);
}

static int	check_dups(struct check *);

/*
 * With autocommit, a contact file git has and the work tree lacks: a
 * removal (nw-rm, nw-mv, nw-mv -m) killed before its commit, which no
 * later command commits (it names no contact), or one by hand.
 */
static void
removed(struct check *ck)
{
	struct strv gone = { 0 };
	char *path;
	size_t i;

	if (!ck->net->autocommit || git_removed(ck->net, &gone) != 0)
		return;
	for (i = 0; i < gone.n; i++) {
		path = xasprintf("%s/%s", net_dir(ck->net), gone.v[i]);
		check_path(ck, path, 0, "removed and not committed (a command "
		    "cut short, or by hand): nw git commit -- '%s' commits it",
		    gone.v[i]);
		free(path);
	}
	strv_free(&gone);
}

/*
 * nw-check: the contacts the references name (every one when none)
 * checked, with files readable by others (all: each named, not three),
 * and for the whole network its settings and the files that are no
 * contacts; then what no scan could read.  0 when nothing was wrong.
 * dups (-D): the probable duplicates instead, a pair a row; 0.
 */
int
check_run(struct check *ck, int argc, char **argv, int all, int dups)
{
	struct strv ids = { 0 }, odd = { 0 }, unmerged = { 0 }, probs = { 0 };
	struct strv deleted = { 0 };
	char **files, *path, *tab;
	size_t i, n;
	int rv, everyone;

	net_keep_problems(ck->net, &probs);	/* findings, each once */
	if (dups) {
		check_dups(ck);
		net_keep_problems(ck->net, NULL);
		strv_free(&probs);
		return 0;
	}
	rv = select_ids(ck->refs, argc, argv, &ids, &everyone);
	/* a merge whose driver did not run leaves no markers to see */
	git_unmerged(ck->net, &unmerged, &deleted);
	check_files(ck, ids.v, ids.n, &unmerged, &deleted);
	if (!ck->quiet)
		check_private(ck, ids.v, ids.n, all);
	if (everyone && !ck->quiet) {
		check_settings(ck);
		net_list(ck->net, &files, &n, &odd);
		for (i = 0; i < n; i++)
			free(files[i]);
		free(files);
		for (i = 0; i < odd.n; i++) {
			tab = strchr(odd.v[i], '\t');
			*tab = '\0';
			path = xasprintf("%s/%s", net_dir(ck->net), odd.v[i]);
			check_path(ck, path, 0, "%s", tab + 1);
			free(path);
		}
		removed(ck);
	}
	for (i = 0; i < probs.n; i++) {	/* what no scan could read */
		tab = strchr(probs.v[i], '\t');
		*tab = '\0';
		check_path(ck, probs.v[i], 1, "%s", tab + 1);
	}
	net_keep_problems(ck->net, NULL);
	strv_free(&ids);
	strv_free(&odd);
	strv_free(&probs);
	strv_free(&unmerged);
	strv_free(&deleted);
	return rv || ck->nerr > 0;
}

/* --- probable duplicates (nw-check -D) -------------------------------- */

struct dupkey {
	char		*key;		/* what two contacts share, compared */
	const char	*id, *why;	/* the contact; "email", "name"... */
	const char	*shown;		/* the value as written */
};

static int
bystr(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int
bydupkey(const void *x, const void *y)
{
	const struct dupkey *a = x, *b = y;
	int d;

	if ((d = strcmp(a->key, b->key)) != 0)
		return d;
	return strcmp(a->id, b->id);
}

/* A name as people compare them: folded, its words in order. */
static char *
namekey(const char *name)
{
	char *f = utf8_fold(name), *w, *save = NULL;
	struct strv words = { 0 };
	struct buf b = { 0 };
	size_t i, j;

	for (w = strtok_r(f, " \t", &save); w; w = strtok_r(NULL, " \t",
	    &save))
		strv_add(&words, w);
	for (i = 1; i < words.n; i++)	/* few words: insertion sort */
		for (j = i; j > 0 && strcmp(words.v[j - 1], words.v[j]) > 0;
		    j--) {
			w = words.v[j];
			words.v[j] = words.v[j - 1];
			words.v[j - 1] = w;
		}
	buf_puts(&b, "n:");
	for (i = 0; i < words.n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", words.v[i]);
	strv_free(&words);
	free(f);
	return b.s;
}

/* A phone number by its digits, the last nine: +44 20 ... is 020 .... */
static char *
phonekey(const char *s)
{
	char d[64];
	size_t n = 0;

	for (; *s && n < sizeof d - 1; s++)
		if (*s >= '0' && *s <= '9')
			d[n++] = *s;
	d[n] = '\0';
	if (n < 6)
		return NULL;
	return xasprintf("p:%s", n > 9 ? d + n - 9 : d);
}

static void
dupadd(struct dupkey **v, size_t *n, char *key, const char *id,
    const char *why, const char *shown)
{
	if (key == NULL)
		return;
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[*n].key = key;
	(*v)[*n].id = id;
	(*v)[*n].why = why;
	(*v)[(*n)++].shown = shown;
}

/*
 * Pairs of contacts that are likely one person: a shared email or phone,
 * the same name up to case, accents and the order of its words, or one's
 * name an aka of the other.  A line a pair, its ids in order and the
 * first reason found; nothing changes.  The pairs found.
 */
static int
check_dups(struct check *ck)
{
	static const char *names[] = { "id", "other", "why" };
	struct contact **all;
	struct dupkey *v = NULL;
	struct strv seen = { 0 }, lines = { 0 };
	const char *vals[3];
	char *f, *pair, *why;
	size_t i, j, k, n, nv = 0;

	all = refs_all(ck->refs, &n);
	for (i = 0; i < n; i++) {
		if (all[i]->lib->err || all[i]->name == NULL)
			continue;
		dupadd(&v, &nv, namekey(all[i]->name), all[i]->id, "name",
		    all[i]->name);
		for (j = 0; j < all[i]->lib->aka.n; j++)
			dupadd(&v, &nv, namekey(all[i]->lib->aka.v[j]),
			    all[i]->id, "aka", all[i]->lib->aka.v[j]);
		for (j = 0; j < all[i]->email.n; j++) {
			f = utf8_fold(all[i]->email.v[j]);
			dupadd(&v, &nv, xasprintf("e:%s", f), all[i]->id,
			    "email", all[i]->email.v[j]);
			free(f);
		}
		for (j = 0; j < all[i]->lib->phone.n; j++)
			dupadd(&v, &nv, phonekey(all[i]->lib->phone.v[j]),
			    all[i]->id, "phone", all[i]->lib->phone.v[j]);
	}
	if (nv)
		qsort(v, nv, sizeof *v, bydupkey);
	for (i = 0; i < nv; i = j) {
		for (j = i + 1; j < nv && strcmp(v[i].key, v[j].key) == 0; j++)
			;
		for (k = i + 1; k < j; k++) {
			if (strcmp(v[i].id, v[k].id) == 0 ||
			    (strcmp(v[i].why, "aka") == 0 &&
			    strcmp(v[k].why, "aka") == 0))
				continue;	/* two akas alike: no name */
			pair = xasprintf("%s\t%s", v[i].id, v[k].id);
			if (strv_has(&seen, pair)) {
				free(pair);
				continue;
			}
			strv_add(&seen, pair);
			why = strcmp(v[i].why, "name") == 0 &&
			    strcmp(v[k].why, "name") == 0 ?
			    xasprintf("same name: %s, %s", v[i].shown,
			    v[k].shown) : strcmp(v[i].why, "aka") == 0 ||
			    strcmp(v[k].why, "aka") == 0 ?
			    xasprintf("name and aka: %s", v[k].shown) :
			    xasprintf("same %s: %s", v[i].why, v[i].shown);
			f = xasprintf("%s\t%s", pair, why);
			strv_add(&lines, f);
			free(f);
			free(why);
			free(pair);
		}
	}
	if (lines.n)
		qsort(lines.v, lines.n, sizeof *lines.v, bystr);
	for (i = 0; i < lines.n; i++) {
		vals[0] = lines.v[i];
		f = strchr(lines.v[i], '\t');
		*f = '\0';
		vals[1] = f + 1;
		f = strchr(vals[1], '\t');
		*f = '\0';
		vals[2] = f + 1;
		out_row(3, names, vals, "sss", NULL);
	}
	for (i = 0; i < nv; i++)
		free(v[i].key);
	free(v);
	n = lines.n;
	strv_free(&seen);
	strv_free(&lines);
	return (int)n;
}
