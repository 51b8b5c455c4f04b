/* rename.c - removing, renaming and folding contacts, and what names them */

#include <sys/stat.h>

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"


/* --- removing and renaming contacts ----------------------------------- */

/*
 * What names a contact by its id: another's met.via and rel, and, for a
 * community, an item of a person's groups.  A removal goes through them
 * first, then removes the file: a crash between leaves them naming none,
 * and the command run again finishes.  A rename gives the file its new
 * name first (a second name of the same file), then goes through them,
 * then removes the old name: at every step each names a contact there,
 * and the same rename run again finishes (change_mv).
 */
struct naming {
	const char	*id, *to;	/* the id named; the new one, or NULL */
	int		 groups;	/* groups items too (a community) */
	struct strv	 ids;		/* the contacts that name it */
	int		 rel;		/* some of them in their rel */
};

/* Does c's rel name id, in any role? */
static int
rel_names(const struct contact *c, const char *id)
{
	size_t i;

	for (i = 0; i + 1 < c->rel.n; i += 2)
		if (strcmp(c->rel.v[i + 1], id) == 0)
			return 1;
	return 0;
}

/* Into nm, contact c when it names nm->id, unless it is nm->id. */
static void
naming_take(struct naming *nm, struct contact *c)
{
	if (strcmp(c->id, nm->id) == 0)
		return;
	if ((c->lib->met.via && strcmp(c->lib->met.via, nm->id) == 0) ||
	    (nm->groups && strv_has(&c->lib->groups, nm->id)) ||
	    rel_names(c, nm->id))
		strv_add(&nm->ids, c->id);
	nm->rel |= rel_names(c, nm->id);
}

/*
 * The contacts that name nm->id, and with also those that name also->id:
 * one walk of the network for both.  -1, said on stderr, when not every
 * contact could be read: one that could not may name it, and a removal
 * or a rename would leave its via naming no one.
 */
static int
namers(struct net *net, struct naming *nm, struct naming *also,
    const char *what)
{
	struct naming *each[2] = { nm, also };
	struct contact *c;
	char **ids;
	size_t i, n, k;
	int rv;

	net_list(net, &ids, &n, NULL);
	rv = net->unread ? -1 : 0;
	for (i = 0; i < n; i++) {
		/* with also, every contact: the two differ (and
		 * naming_take skips a contact's own id) */
		if (also || strcmp(ids[i], nm->id) != 0) {
			c = contact_load(net, ids[i], C_STRUCT);
			if (contact_report(c) == -1)
				rv = -1;
			else
				for (k = 0; k < 2 && each[k]; k++)
					naming_take(each[k], c);
			contact_free(c);
		}
		free(ids[i]);
	}
	free(ids);
	if (rv)
		warnx("'%s': not every contact could be read, and one may "
		    "name it: nothing %s", nm->id, what);
	return rv;
}

static int
rename_in(struct change *ch, struct contact *c, void *arg)
{
	struct naming *nm = arg;
	size_t i;
	int found;

	if (c->lib->met.via && strcmp(c->lib->met.via, nm->id) == 0 &&
	    change_child(ch, "met", "via", nm->to, &found) == -1)
		return -1;
	for (i = 0; i + 1 < c->rel.n; i += 2)
		if (strcmp(c->rel.v[i + 1], nm->id) == 0 &&
		    change_part(ch, "rel", c->rel.v[i], nm->id, nm->to, 0,
		    &found) == -1)
			return -1;
	if (nm->groups && strv_has(&c->lib->groups, nm->id))
		return change_child(ch, "groups", nm->id, nm->to, &found);
	return 0;
}

/* Make each contact that names nm->id name nm->to; -1 said on stderr. */
static int
renamers(struct net *net, struct naming *nm, struct strv *changed)
{
	size_t i;

	for (i = 0; i < nm->ids.n; i++) {
		if (change_edit(net, nm->ids.v[i], rename_in, nm, NULL) == -1)
			return -1;
		strv_add(changed, nm->ids.v[i]);
		if (nm->to)
			warnx("%s: now names %s", nm->ids.v[i], nm->to);
		else
			warnx("%s: no longer names %s", nm->ids.v[i], nm->id);
	}
	return 0;
}

/* The folder of a contact that was moved or removed, gone when empty. */
static void
tidy(struct net *net, const char *id)
{
	char *path, *slash;

	if (strchr(id, '/') == NULL)
		return;
	path = xasprintf("%s/%s", net->dir, id);
	while ((slash = strrchr(path, '/')) != NULL &&
	    slash > path + strlen(net->dir)) {
		*slash = '\0';
		if (rmdir(path) == -1)
			break;
	}
	free(path);
}

static void
joined(struct buf *b, struct strv *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		buf_printf(b, "%s%s", i ? ", " : "", l->v[i]);
}

/*
 * Remove contact id.  Another contact's met.via or rel naming it refuses
 * the removal, unless force, when that via or rel entry goes first.  The ids of the files
 * changed or removed are added to changed, for the commit.  0 done; -1
 * said on stderr.
 */
int
change_rm(struct net *net, const char *id, int force, struct strv *changed)
{
	struct naming nm = { id, NULL, 0, { 0 }, 0 };
	struct buf b = { 0 };
	char *path = net_path(net, id);
	int rv = -1, named;

	net_lock(net);
	if ((named = namers(net, &nm, NULL, "removed")) == 0 && nm.ids.n &&
	    !force) {
		joined(&b, &nm.ids);
		if (nm.rel)
			warnx("'%s': the met.via or rel of %s names it: nothing "
			    "removed (-f removes it and those)", id, b.s);
		else
			warnx("'%s': the met.via of %s names it: nothing "
			    "removed (-f removes it and that via)", id, b.s);
		free(b.s);
	} else if (named == 0 && renamers(net, &nm, changed) == 0 &&
	    safe_remove(path, "removed") != -1) {
		strv_add(changed, id);
		tidy(net, id);
		rv = 0;
	}
	net_unlock(net);
	strv_free(&nm.ids);
	free(path);
	return rv;
}

/*
 * Are the paths a and b one file, two names of it (a rename cut short
 * between safe_link and safe_remove)?
 */
static int
one_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return lstat(a, &sa) == 0 && lstat(b, &sb) == 0 &&
	    S_ISREG(sa.st_mode) && sa.st_dev == sb.st_dev &&
	    sa.st_ino == sb.st_ino;
}

/*
 * Rename contact id to newid, which must be free: the file gets its new
 * name (safe_link), every met.via and rel entry naming id, and for a
 * community every groups item that is its id, name newid, then the old
 * name goes.  When newid is already the same file as id, a rename cut
 * short, this finishes it; the contacts that name newid then go into
 * changed too, for the commit the rename cut short did not make.  The ids
 * changed go into changed.  0 done; -1 said on stderr.
 */
int
change_mv(struct net *net, const char *id, const char *newid,
    struct strv *changed)
{
	struct naming nm = { id, newid, 0, { 0 }, 0 };
	struct naming done = { newid, NULL, 0, { 0 }, 0 };
	struct contact *c;
	struct stat st;
	char *from = net_path(net, id), *to = net_path(net, newid);
	size_t i;
	int rv = -1, again;

	net_lock(net);
	c = contact_load(net, id, C_STRUCT);
	nm.groups = done.groups = c->type == T_COMMUNITY;
	again = one_file(from, to);
	if (!again && lstat(to, &st) == 0)
		warnx("'%s': already a contact: nothing renamed", newid);
	else if (contact_report(c) == 0) {
		if (again)
			warnx("'%s': already '%s' too, a rename cut short: "
			    "finishing it", id, newid);
		if (namers(net, &nm, again ? &done : NULL, "renamed") == 0 &&
		    (again ||
		    (net_folders(net, to) == 0 && safe_link(from, to) == 0)) &&
		    renamers(net, &nm, changed) == 0 &&
		    safe_remove(from, "renamed") != -1) {
			for (i = 0; i < done.ids.n; i++)
				if (strcmp(done.ids.v[i], id) != 0 &&
				    !strv_has(changed, done.ids.v[i]))
					strv_add(changed, done.ids.v[i]);
			strv_add(changed, id);
			strv_add(changed, newid);
			tidy(net, id);
			rv = 0;
		}
	}
	net_unlock(net);
	contact_free(c);
	strv_free(&nm.ids);
	strv_free(&done.ids);
	free(from);
	free(to);
	return rv;
}

/* --- folding one contact into another (nw-mv -m) ---------------------- */

/*
 * A fold writes keep's merged text first, then makes what named old name
 * keep, then removes old.  Killed anywhere, old is whole or gone, keep is
 * as it was or holds all of old, and each via names a contact there.  The
 * merge of old into a keep that holds it already gives keep's bytes again
 * (an entry both have is once, a list a set, old's name an aka once), so
 * the same fold run again sees that it was cut short and finishes it
 * (change_fold), and nw-check can tell the state (fold_held).
 */
struct fold {
	struct net	*net;
	const char	*old, *keep;
	int		 win;		/* 'o', 'k' or 0: -f */
	int		 quiet;		/* nothing said (nw-check's question) */
	struct contact	*co, *ck;
	struct edit	*eo, *ek;
	char		*po, *pk;
	char		*text;		/* keep's file as read */
	size_t		 len;
	struct merge	 m;
	struct strv	 drop;		/* the loser's keys (-f) */
	struct strv	 unnamed;	/* id, id it no longer names, ... */
};

/* The editor on the text of contact id, read under the lock; NULL said. */
static struct edit *
fold_open(struct fold *f, const char *id, char **path, char **keep,
    size_t *keeplen)
{
	struct ydoc *d;
	char why[256], *text;
	size_t len;

	*path = net_path(f->net, id);
	if ((text = file_read(*path, &len, why)) == NULL) {
		if (!f->quiet)
			warnx("'%s': %s", *path, why);
		return NULL;
	}
	d = ydoc_parse(text, len);
	if (keep) {
		*keep = text;
		*keeplen = len;
	} else
		free(text);
	if (d->root == NULL || d->root->type != YMAP) {
		if (!f->quiet)
			warnx("%s:%d:%d: %s", *path, d->line, d->col,
			    d->err[0] ? d->err : "not a contact");
		ydoc_free(d);
		return NULL;
	}
	return edit_open(d, *path);
}

/* Take each key of keys out of e's text: 0, or -1 refused. */
static int
fold_drop(struct edit *e, const struct strv *keys)
{
	size_t i;

	for (i = 0; i < keys->n; i++)
		if (edit_delete(e, keys->v[i]) == -1)
			return -1;
	return 0;
}

static int
names_either(const char *id, const char *a, const char *b)
{
	return strcmp(id, a) == 0 || (b && strcmp(id, b) == 0);
}

/*
 * Take out of e, contact c's text, its met.via, rel items and groups
 * items that name a or b: one person is not their own via or mentor, and
 * old will be gone.  Each contact that no longer names one is noted in
 * f->unnamed.  0, or -1 refused.
 */
static int
fold_unname(struct fold *f, struct edit *e, const struct contact *c,
    const char *a, const char *b)
{
	struct strv l = { 0 }, roles = { 0 };
	const char *said = NULL;
	size_t i, j;
	int found, rv = 0;

	if (c->lib->met.via && names_either(c->lib->met.via, a, b)) {
		said = c->lib->met.via;
		rv = edit_child(e, "met", "via", NULL, &found);
	}
	for (i = 0; rv == 0 && i + 1 < c->rel.n; i += 2)
		if (names_either(c->rel.v[i + 1], a, b) &&
		    !strv_has(&roles, c->rel.v[i])) {
			said = c->rel.v[i + 1];
			strv_add(&roles, c->rel.v[i]);
			for (j = 0; j + 1 < c->rel.n; j += 2)
				if (strcmp(c->rel.v[j], c->rel.v[i]) == 0 &&
				    !names_either(c->rel.v[j + 1], a, b))
					strv_add(&l, c->rel.v[j + 1]);
			rv = edit_part(e, "rel", c->rel.v[i], &l);
			strv_free(&l);
		}
	for (i = 0; rv == 0 && i < c->lib->groups.n; i++)
		if (names_either(c->lib->groups.v[i], a, b)) {
			said = c->lib->groups.v[i];
			rv = edit_child(e, "groups", c->lib->groups.v[i], NULL,
			    &found);
		}
	if (rv == 0 && said) {
		strv_add(&f->unnamed, c->id);
		strv_add(&f->unnamed, said);
	}
	strv_free(&roles);
	return rv;
}

/*
 * Merge f->old into f->keep as change_fold says, the result in f->m:
 * 0 done, 1 conflicting keys with no -f, -1 refused; said unless
 * f->quiet.  What it read and made is the caller's to give back
 * (fold_free).
 */
static int
fold_make(struct fold *f)
{
	struct ydoc *base = ydoc_parse("", 0);
	struct contact *co, *ck;
	struct buf b = { 0 };
	char *q;
	size_t i;
	int st, again;

	co = f->co = contact_load(f->net, f->old, C_STRUCT);
	ck = f->ck = contact_load(f->net, f->keep, C_STRUCT);
	if (co->lib->err || ck->lib->err) {
		if (!f->quiet) {
			contact_report(co);
			contact_report(ck);
		}
		st = -1;
		goto done;
	}
	if ((f->eo = fold_open(f, f->old, &f->po, NULL, NULL)) == NULL ||
	    (f->ek = fold_open(f, f->keep, &f->pk, &f->text, &f->len)) ==
	    NULL) {
		st = -1;
		goto done;
	}
	/* old's name an aka of keep; one added, the earlier */
	st = edit_delete(f->eo, "name");
	if (st == 0 && strcmp(co->name, ck->name) != 0 &&
	    !strv_has(&ck->lib->aka, co->name)) {
		q = yaml_quote(co->name, Q_FLOW | Q_STR);
		st = edit_append(f->ek, "aka", q, 0);
		free(q);
	}
	if (st == 0 && co->added != NODATE && ck->added != NODATE)
		st = edit_delete(co->added < ck->added ? f->ek : f->eo,
		    "added");
	if (st == 0)
		st = fold_unname(f, f->ek, ck, f->old, NULL);
	if (st == 0)
		st = fold_unname(f, f->eo, co, f->old, f->keep);
	for (again = 1; st == 0 && again--;) {
		merge_free(&f->m);
		if ((st = merge_contact(base, f->ek->doc, f->eo->doc, &f->m)) ==
		    -1) {
			if (!f->quiet)
				warnx("'%s' into '%s': %s", f->old, f->keep,
				    f->m.err);
		} else if (f->m.conflicts.n && f->win && again == 0 &&
		    f->drop.n == 0) {
			for (i = 0; i < f->m.conflicts.n; i++)
				strv_add(&f->drop, f->m.conflicts.v[i]);
			st = fold_drop(f->win == 'o' ? f->ek : f->eo, &f->drop);
			again = 1;	/* merge again, the loser's keys gone */
		}
	}
	if (st == -1) {
		if (!f->quiet && f->eo->err[0])
			edit_report(f->eo);
		if (!f->quiet && f->ek->err[0])
			edit_report(f->ek);
	} else if (f->m.conflicts.n) {
		for (i = 0; i < f->m.conflicts.n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "",
			    f->m.conflicts.v[i]);
		if (!f->quiet)
			warnx("'%s' and '%s' differ in %s: nothing folded (-f "
			    "old or -f keep says whose stays)", f->old, f->keep,
			    b.s);
		free(b.s);
		st = 1;
	}
done:
	ydoc_free(base);
	return st;
}

static void
fold_init(struct fold *f, struct net *net, const char *old, const char *keep,
    int win, int quiet)
{
	memset(f, 0, sizeof *f);
	f->net = net;
	f->old = old;
	f->keep = keep;
	f->win = win;
	f->quiet = quiet;
}

static void
fold_free(struct fold *f)
{
	if (f->eo)
		edit_free(f->eo);
	if (f->ek)
		edit_free(f->ek);
	merge_free(&f->m);
	contact_free(f->co);
	contact_free(f->ck);
	strv_free(&f->drop);
	strv_free(&f->unnamed);
	free(f->text);
	free(f->po);
	free(f->pk);
}

/* Does the fold give keep's bytes again: does keep hold all of old? */
static int
fold_same(const struct fold *f)
{
	return f->m.len == f->len && memcmp(f->m.text, f->text, f->len) == 0;
}

/*
 * What a keep that holds all of old shows in its summary: old's name its
 * name or an aka, old's emails, akas, tags and phones among its own, as
 * many log entries or more, the earlier added.  Most pairs of one name
 * fail here, before any file is read.
 */
static int
fold_may_hold(const struct contact *o, struct contact *k)
{
	struct contact_lib *ol = o->lib, *kl = k->lib;

	return o->name && k->name && (strcmp(o->name, k->name) == 0 ||
	    strv_has(&kl->aka, o->name)) && strv_within(&o->email, &k->email) &&
	    strv_within(&ol->aka, &kl->aka) &&
	    strv_within(&ol->tags, &kl->tags) &&
	    strv_within(&ol->phone, &kl->phone) && o->nlog <= k->nlog &&
	    (o->added == NODATE || (k->added != NODATE &&
	    k->added <= o->added));
}

/*
 * Does contact keep hold all of old, as a fold of old into keep cut short
 * leaves them: 'm' when nw-mv -m old keep finishes it, 'k' when it takes
 * -f keep, 0 when neither (nothing said).  old and keep may be summaries
 * (the cache's); the files are read only when those allow it.  For
 * nw-check; no lock.
 */
int
fold_held(struct net *net, const struct contact *oc, struct contact *kc)
{
	const char *old = oc->id, *keep = kc->id;
	struct fold f;
	int st, held = 0;

	if (!fold_may_hold(oc, kc))
		return 0;
	fold_init(&f, net, old, keep, 0, 1);
	if ((st = fold_make(&f)) == 0 && fold_same(&f))
		held = 'm';
	fold_free(&f);
	if (st == 1) {
		fold_init(&f, net, old, keep, 'k', 1);
		if (fold_make(&f) == 0 && fold_same(&f))
			held = 'k';
		fold_free(&f);
	}
	return held;
}

/*
 * Fold contact old into keep, one person written twice: nw-merge's rules
 * with nothing in common as the base (merge.c, merge_contact): logs
 * unioned entry by entry in date order, lists and rel as sets, mappings
 * key by key.  Old's name becomes an aka when it differs, the earlier
 * added stays; what either says of the other (a via, a rel, a group)
 * goes.  A key both have with other values is refused unless win says
 * whose stays ('o' old's, 'k' keep's).  Then what named old names keep
 * (met.via, rel, groups), and old goes.  When keep holds all of old
 * already, a fold cut short, this finishes it; the contacts that name
 * keep then go into changed too, for the commit the cut-short run did
 * not make.  The files changed go into changed.  0 done; -1 said on
 * stderr.
 */
int
change_fold(struct net *net, const char *old, const char *keep, int win,
    struct strv *changed)
{
	struct fold f;
	struct naming nm = { old, keep, 0, { 0 }, 0 };
	struct naming done = { keep, NULL, 0, { 0 }, 0 };
	size_t i;
	int rv = -1, again;

	fold_init(&f, net, old, keep, win, 0);
	net_lock(net);
	if (fold_make(&f) != 0)
		goto done;
	nm.groups = done.groups = f.co->type == T_COMMUNITY;
	if ((again = fold_same(&f)))
		warnx("'%s': all of it is in '%s' already, a fold cut short: "
		    "finishing it", old, keep);
	/* every contact read before anything is written */
	if (namers(net, &nm, again ? &done : NULL, "folded") == -1)
		goto done;
	for (i = 0; i + 1 < f.unnamed.n; i += 2)
		warnx("%s: no longer names %s", f.unnamed.v[i],
		    f.unnamed.v[i + 1]);
	if (!again && safe_write(net_tmpdir(net), f.pk, f.m.text, f.m.len,
	    0) == -1)
		goto done;
	strv_add(changed, keep);
	/* keep's own via or rel naming old went with the merge */
	strv_cut(&nm.ids, keep);
	if (renamers(net, &nm, changed) == 0 &&
	    safe_remove(f.po, "removed") == 0) {
		for (i = 0; i < done.ids.n; i++)
			if (strcmp(done.ids.v[i], old) != 0 &&
			    !strv_has(changed, done.ids.v[i]))
				strv_add(changed, done.ids.v[i]);
		strv_add(changed, old);
		tidy(net, old);
		rv = 0;
	}
done:
	net_unlock(net);
	fold_free(&f);
	strv_free(&nm.ids);
	strv_free(&done.ids);
	return rv;
}
