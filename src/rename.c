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

/*
 * The contacts that name nm->id.  -1, said on stderr, when not every
 * contact could be read: one that could not may name it, and a removal
 * or a rename would leave its via naming no one.
 */
static int
namers(struct net *net, struct naming *nm, const char *what)
{
	struct contact *c;
	char **ids;
	size_t i, n;
	int rv;

	net_list(net, &ids, &n, NULL);
	rv = net->unread ? -1 : 0;
	for (i = 0; i < n; i++) {
		if (strcmp(ids[i], nm->id) != 0) {
			c = contact_load(net, ids[i], C_STRUCT);
			if (contact_report(c) == -1)
				rv = -1;
			else if ((c->lib->met.via &&
			    strcmp(c->lib->met.via, nm->id) == 0) ||
			    (nm->groups && strv_has(&c->lib->groups, nm->id)) ||
			    rel_names(c, nm->id))
				strv_add(&nm->ids, ids[i]);
			nm->rel |= rel_names(c, nm->id);
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
	if ((named = namers(net, &nm, "removed")) == 0 && nm.ids.n &&
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
		if (namers(net, &nm, "renamed") == 0 && (!again ||
		    namers(net, &done, "renamed") == 0) && (again ||
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

/* The editor on the text of contact id, read under the lock; NULL said. */
static struct edit *
fold_open(struct net *net, const char *id, char **path)
{
	struct ydoc *d;
	char why[256], *text;
	size_t len;

	*path = net_path(net, id);
	if ((text = file_read(*path, &len, why)) == NULL) {
		warnx("'%s': %s", *path, why);
		return NULL;
	}
	d = ydoc_parse(text, len);
	free(text);
	if (d->root == NULL || d->root->type != YMAP) {
		warnx("%s:%d:%d: %s", *path, d->line, d->col, d->err[0] ?
		    d->err : "not a contact");
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

/*
 * Fold contact old into keep, one person written twice: nw-merge's rules
 * with nothing in common as the base (merge.c, merge_contact): logs
 * unioned entry by entry in date order, lists and rel as sets, mappings
 * key by key.  Old's name becomes an aka when it differs, the earlier
 * added stays.  A key both have with other values is refused unless win
 * says whose stays ('o' old's, 'k' keep's).  Then what named old names
 * keep (met.via, rel, groups), and old goes.  The files changed go into
 * changed.  0 done; -1 said on stderr.
 */
int
change_fold(struct net *net, const char *old, const char *keep, int win,
    struct strv *changed)
{
	struct naming nm = { old, keep, 0, { 0 }, 0 };
	struct edit *eo = NULL, *ek = NULL;
	struct merge m = { 0 };
	struct ydoc *base = ydoc_parse("", 0);
	struct contact *co = NULL, *ck = NULL;
	struct strv drop = { 0 };
	struct buf b = { 0 };
	char *po = NULL, *pk = NULL, *q;
	size_t i;
	int rv = -1, st, again;

	net_lock(net);
	co = contact_load(net, old, C_STRUCT);
	ck = contact_load(net, keep, C_STRUCT);
	if (contact_report(co) == -1 || contact_report(ck) == -1 ||
	    (eo = fold_open(net, old, &po)) == NULL ||
	    (ek = fold_open(net, keep, &pk)) == NULL)
		goto done;
	nm.groups = co->type == T_COMMUNITY;
	/* old's name an aka of keep; one added, the earlier */
	st = edit_delete(eo, "name");
	if (st == 0 && strcmp(co->name, ck->name) != 0 &&
	    !strv_has(&ck->lib->aka, co->name)) {
		q = yaml_quote(co->name, Q_FLOW | Q_STR);
		st = edit_append(ek, "aka", q, 0);
		free(q);
	}
	if (st == 0 && co->added != NODATE && ck->added != NODATE)
		st = edit_delete(co->added < ck->added ? ek : eo, "added");
	for (again = 1; st == 0 && again--;) {
		merge_free(&m);
		if ((st = merge_contact(base, ek->doc, eo->doc, &m)) == -1)
			warnx("'%s' into '%s': %s", old, keep, m.err);
		else if (m.conflicts.n && win && again == 0 && drop.n == 0) {
			for (i = 0; i < m.conflicts.n; i++)
				strv_add(&drop, m.conflicts.v[i]);
			st = fold_drop(win == 'o' ? ek : eo, &drop);
			again = 1;	/* merge again, the loser's keys gone */
		}
	}
	if (st == -1) {
		if (eo->err[0])
			edit_report(eo);
		if (ek->err[0])
			edit_report(ek);
		goto done;
	}
	if (m.conflicts.n) {
		for (i = 0; i < m.conflicts.n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", m.conflicts.v[i]);
		warnx("'%s' and '%s' differ in %s: nothing folded (-f old or "
		    "-f keep says whose stays)", old, keep, b.s);
		goto done;
	}
	/* every contact read before anything is written */
	if (namers(net, &nm, "folded") == -1 ||
	    safe_write(net_tmpdir(net), pk, m.text, m.len, 0) == -1)
		goto done;
	strv_add(changed, keep);
	for (i = 0; i < nm.ids.n; i++)
		if (strcmp(nm.ids.v[i], keep) == 0) {
			/* keep naming old would name itself: not renamed */
			free(nm.ids.v[i]);
			memmove(nm.ids.v + i, nm.ids.v + i + 1,
			    (nm.ids.n - i - 1) * sizeof *nm.ids.v);
			nm.ids.n--;
			break;
		}
	if (renamers(net, &nm, changed) == 0 && safe_remove(po, "removed") == 0) {
		strv_add(changed, old);
		tidy(net, old);
		rv = 0;
	}
done:
	net_unlock(net);
	if (eo)
		edit_free(eo);
	if (ek)
		edit_free(ek);
	merge_free(&m);
	ydoc_free(base);
	contact_free(co);
	contact_free(ck);
	strv_free(&drop);
	strv_free(&nm.ids);
	free(b.s);
	free(po);
	free(pk);
	return rv;
}
