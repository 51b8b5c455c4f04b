/* vdir.c - the network and a vdir of vCards kept in step, both ways */

#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"
#include "vdir.h"

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

struct ventry *
vd_entry_add(struct vstate *st, const char *file, const char *uid,
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
 * Where key is among n strings in the order of strcmp (at(i, arg) the
 * i-th), or -1.  *hint, where the last was found, is tried first, and
 * the one after it: a walk in the same order finds each at once.
 */
static ssize_t
find_sorted(size_t n, const char *(*at)(size_t, const void *),
    const void *arg, const char *key, size_t *hint)
{
	size_t lo = 0, hi = n, mid, i;
	int cmp;

	for (i = *hint; i < n && i < *hint + 2; i++)
		if (strcmp(key, at(i, arg)) == 0)
			return *hint = i;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((cmp = strcmp(key, at(mid, arg))) == 0)
			return *hint = mid;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

static const char *
file_at(size_t i, const void *arg)
{
	return ((const struct vstate *)arg)->files.v[i];
}

/* Where file is in the run's listing of the vdir (vd_list), or -1. */
static ssize_t
listed(struct vstate *st, const char *file)
{
	return find_sorted(st->files.n, file_at, st, file, &st->fhint);
}

/*
 * Was file not there when the run listed the vdir?  A card that came
 * since is taken for one that is not there: nw neither reads it nor
 * writes over it (a new card is linked in only where no file is).
 */
int
vd_unlisted(struct vstate *st, const char *file)
{
	return st->fst && listed(st, file) == -1;
}

/* The stamp of the vdir's card file when the run listed it, or NULL. */
const struct stamp *
vd_card_stamp(struct vstate *st, const char *file)
{
	ssize_t i = listed(st, file);

	return i != -1 && st->fok[i] ? &st->fst[i] : NULL;
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
void
vd_index_build(struct vstate *st, int byfile)
{
	size_t i;

	free(st->ix);
	st->ix = xcalloc(st->n ? st->n : 1, sizeof *st->ix);
	for (i = 0; i < st->n; i++)
		st->ix[i] = i;
	st->nix = st->n;
	st->ixfile = byfile;
	st->ixhint = 0;
	ix_st = st;
	/* the state is kept by file: most often in order already */
	for (i = 1; i < st->n && ix_cmp(&st->ix[i - 1], &st->ix[i]) <= 0; i++)
		;
	if (i < st->n)
		qsort(st->ix, st->nix, sizeof *st->ix, ix_cmp);
}

static const char *
ix_at(size_t i, const void *arg)
{
	const struct vstate *st = arg;
	const struct ventry *e = &st->v[st->ix[i]];

	return st->ixfile ? e->file : e->id;
}

/* The entry of key in the index (dropped ones left out), or NULL. */
struct ventry *
vd_index_find(struct vstate *st, const char *key)
{
	ssize_t i = find_sorted(st->nix, ix_at, st, key, &st->ixhint), j;
	struct ventry *e;

	if (i == -1)
		return NULL;
	/* a card taken over leaves the contact's old entry dropped */
	while (i > 0 && strcmp(ix_at(i - 1, st), key) == 0)
		i--;
	for (j = i; (size_t)j < st->nix && strcmp(ix_at(j, st), key) == 0;
	    j++)
		if (!(e = &st->v[st->ix[j]])->drop)
			return e;
	return NULL;
}

/* A safe file name for a UID: the part after urn:uuid:, and .vcf. */
char *
vd_uid_file(const char *uid)
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

/* --- the vdir's files ------------------------------------------------------ */

char *
vd_read(struct vstate *st, const char *file, size_t *len)
{
	char *p = xasprintf("%s/%s", st->dir, file), *s, err[256];
	struct stat sb;

	s = NULL;
	if (!vd_unlisted(st, file) && lstat(p, &sb) == 0 &&
	    S_ISREG(sb.st_mode) && (s = file_read(p, len, err)) == NULL)
		warnx("'%s': %s", p, err);
	free(p);
	return s;
}

/* The entry of file, dropped or not. */
struct ventry *
vd_entry_byfile_any(struct vstate *st, const char *file)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (strcmp(st->v[i].file, file) == 0)
			return &st->v[i];
	return NULL;
}

/* Temporary files of a run that was killed: under the lock, stale. */
void
vd_clean_stale(struct vstate *st, int dry)
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

struct lent {
	char		*name;
	struct stamp	 st;
	int		 ok;
};

static int
lent_cmp(const void *a, const void *b)
{
	return strcmp(((const struct lent *)a)->name,
	    ((const struct lent *)b)->name);
}

/*
 * The vdir's cards (names ending in .vcf, not starting with a dot) in
 * st->files, in the order of strcmp as dir_sorted gives them, each with
 * its lstat's stamp, taken through the folder (the stat floor of a
 * folder); the temporary files of a run that was killed removed (under
 * the lock, stale) unless dry.  -1 with errno when it cannot be read.
 */
int
vd_list(struct vstate *st, int dry)
{
	struct lent *v = NULL;
	struct dirent *de;
	struct stat sb;
	size_t n = 0, cap = 0, k, i;
	DIR *d;

	if ((d = opendir(st->dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, ".nw-", 4) == 0 && !dry) {
			if (unlinkat(dirfd(d), de->d_name, 0) == -1 &&
			    errno != ENOENT)
				warn("'%s/%s'", st->dir, de->d_name);
			continue;
		}
		if (de->d_name[0] == '.' || (k = strlen(de->d_name)) <= 4 ||
		    strcmp(de->d_name + k - 4, ".vcf") != 0)
			continue;
		if (n == cap)
			v = xrealloc(v, (cap = cap ? 2 * cap : 256) * sizeof *v);
		v[n].name = xstrdup(de->d_name);
		v[n].ok = 0;
		n++;
	}
	for (i = 0; i < n; i++)
		if ((v[i].ok = fstatat(dirfd(d), v[i].name, &sb,
		    AT_SYMLINK_NOFOLLOW) == 0))
			stamp_from(&v[i].st, &sb);
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof *v, lent_cmp);
	st->files.v = xcalloc(n + 1, sizeof *st->files.v);
	st->files.n = n;
	st->fst = xcalloc(n + 1, sizeof *st->fst);
	st->fok = xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		st->files.v[i] = v[i].name;
		st->fst[i] = v[i].st;
		st->fok[i] = v[i].ok;
	}
	free(v);
	return 0;
}

/* --- a run ------------------------------------------------------------------ */

/*
 * The network: every contact's summary (refs_all: from .nw/cache where it
 * may), sorted by id, and each contact loaded whole (with its keys, for
 * its card) only when a card needs it.
 */

/* Where an id goes in net_all's table. */
static size_t
id_hash(const char *s)
{
	uint64_t h = hash64(s, strlen(s));

	return (size_t)(h ^ (h >> 32));
}

/*
 * The contacts by id in a table of twice as many slots (each the index +
 * 1, 0 when free, the next slot taken after one in use): the state's
 * cards come in the order of their files, not of the ids.  Not a strmap:
 * ids are equal by their bytes, and its keys' folding cost a run with
 * nothing changed 4-5% of its processor time.
 */
static void
net_table(struct net_all *a)
{
	size_t i, h;

	for (a->mask = 63; a->mask < 2 * a->n; a->mask = 2 * a->mask + 1)
		;
	a->slot = xcalloc(a->mask + 1, sizeof *a->slot);
	for (i = 0; i < a->n; i++) {
		for (h = id_hash(a->ids[i]) & a->mask; a->slot[h];
		    h = (h + 1) & a->mask)
			;
		a->slot[h] = i + 1;
	}
}

size_t
vd_net_index(struct net_all *a, const char *id)
{
	size_t h, k;

	if (a->slot == NULL)
		return (size_t)-1;
	for (h = id_hash(id) & a->mask; (k = a->slot[h]) != 0;
	    h = (h + 1) & a->mask)
		if (strcmp(a->ids[k - 1], id) == 0)
			return k - 1;
	return (size_t)-1;
}

/* Contact i whole. */
struct contact *
vd_net_whole(struct net_all *a, size_t i)
{
	if (a->c[i] == NULL)
		a->c[i] = contact_load(a->net, a->ids[i], a->whole);
	return a->c[i];
}

struct wholes {
	struct net_all	*a;
	const size_t	*ks;
	size_t		 j;
};

static void
whole_keep(struct contact *c, void *arg)
{
	struct wholes *w = arg;
	size_t k = w->ks[w->j++];

	if (w->a->c[k] == NULL)
		w->a->c[k] = c;
	else
		contact_free(c);
}

/* Contacts ks[0..n) whole, parsed on every core (as nw-export's). */
static void
net_wholes(struct net_all *a, const size_t *ks, size_t n)
{
	struct wholes w = { a, ks, 0 };
	char **ids = xcalloc(n ? n : 1, sizeof *ids);
	size_t j;

	for (j = 0; j < n; j++)
		ids[j] = a->ids[ks[j]];
	contacts_load(a->net, ids, NULL, n, a->whole, whole_keep,
	    &w);
	free(ids);
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

	vd_net_sums(a);
	for (i = 0; uid && i < a->n; i++) {
		u = vcard_uid(a->ids[i]);
		if (strcmp(u, uid) == 0) {
			free(u);
			return vd_net_whole(a, i);
		}
		free(u);
	}
	for (j = 0; (v = draft_value(&r->d, "email", j)) != NULL; j++)
		for (i = 0; i < a->n; i++)
			if (a->s[i]->type == type &&
			    strv_hascase(&a->s[i]->email, v))
				return vd_net_whole(a, i);
	name = draft_get(&r->d, "name");
	for (i = 0; name && i < a->n; i++)
		if (a->s[i]->type == type && a->s[i]->name &&
		    strcaseeq(a->s[i]->name, name))
			return vd_net_whole(a, i);
	return NULL;
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

	if (!vm_card(s, len, &r)) {
		warnx("%s/%s: not a card nw can read; left as it is", st->dir,
		    file);
		goto done;
	}
	if ((c = known_as(a, uid, &r)) != NULL) {
		vm_fill(c, &r, &o);
		if (o.n && !st->run->dry && change_edit(st->net, c->id, vm_apply,
		    &o, &after) == -1) {
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
	vd_entry_add(st, file, uid, id);
done:
	free(id);
	free(uid);
	contact_free(after);
	vm_ops_free(&o);
	rec_free(&r);
}

/*
 * Every contact's id, in their order, with the stamps of their files
 * (net_scan: the one stat of each a run makes); their summaries only
 * when asked for (vd_net_sums); a contact loaded whole with flags
 * (contact_load's: C_NOLOG for cards, the log for events).
 */
void
vd_net_all_load(struct net *net, struct net_all *a, int flags)
{
	a->net = net;
	a->whole = flags;
	net_scan(net, &a->ids, &a->st, &a->n, NULL);
	a->c = xcalloc(a->n ? a->n : 1, sizeof *a->c);
	net_table(a);
}

static void
keep(struct contact *c, void *arg)
{
	struct net_all *a = arg;

	a->s[a->nsums++] = c;
}

/*
 * Every contact's summary in a->s, by the order of the ids (from
 * .nw/cache where it may, as refs_all's): a run where no contact
 * changed needs none.
 */
void
vd_net_sums(struct net_all *a)
{
	if (a->s)
		return;
	a->s = xcalloc(a->n ? a->n : 1, sizeof *a->s);
	a->nsums = 0;
	contacts_load(a->net, a->ids, a->st, a->n, 0, keep, a);
	if (a->nsums != a->n)
		errx(1, "contacts_load: %zu of %zu contacts", a->nsums, a->n);
}

void
vd_net_all_free(struct net_all *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		contact_free(a->c[i]);
		if (a->s)
			contact_free(a->s[i]);
		free(a->ids[i]);
	}
	free(a->c);
	free(a->s);
	free(a->ids);
	free(a->st);
	free(a->slot);
	memset(a, 0, sizeof *a);
}

/* Is card s[0..n), as nw writes them, a community's (KIND:group)? */
static int
group_card(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *nl;

	for (; p < end; p = nl + 1) {
		if ((size_t)(end - p) >= 12 && memcmp(p, "KIND:group\r\n",
		    12) == 0)
			return 1;
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			break;
	}
	return 0;
}

/*
 * Does community card e in the vdir name other members than its base
 * (nw's card when it last looked, the same now when no contact
 * changed)?  An nw that did not compare members left such cards, seen
 * and stamped: one read of each community's card heals them.
 */
static int
stale_members(struct vstate *st, struct ventry *e)
{
	size_t len;
	char *s;
	int stale;

	if (e->base == NULL || !group_card(e->base, e->blen))
		return 0;
	if ((s = vd_read(st, e->file, &len)) == NULL)
		return 0;
	stale = !vd_same_members(s, len, e->base, e->blen);
	free(s);
	return stale;
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
	struct strv members = { 0 };
	struct pending pd = { 0 };
	struct wpass w = { 0 };
	struct ventry *e;
	struct contact *c;
	char real[PATH_MAX], *s;
	size_t i, k, len, nent, nchanged0, npulled, *ks, nk, *ent;
	char *seen, *gone = NULL;	/* the first card removed */
	struct strv gonef = { 0 };	/* the cards of contacts gone */
	int netsame;
	char cs[96], vs[96];
	int failed;

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
	st.sdir = vd_state_dir(net, real, run->dry);
	vd_state_load(&st);
	vd_net_all_load(net, &a, VD_CARD);
	st.all = &a;
	if (vd_list(&st, run->dry) == -1)
		err(1, "'%s'", dir);

	/*
	 * nw's cards: which changed since the last run, on either side.  A
	 * community's card says its members too: it is looked at again
	 * when any contact's file changed, came or went, and only then are
	 * the contacts' summaries read (their types, their groups).
	 */
	nent = st.n;
	ks = xcalloc(nent ? nent : 1, sizeof *ks);
	ent = xcalloc(nent ? nent : 1, sizeof *ent);	/* those to read, k + 1 */
	seen = xcalloc(a.n ? a.n : 1, 1);
	netsame = 1;
	for (i = 0; i < nent && netsame; i++) {
		if ((k = vd_net_index(&a, st.v[i].id)) == (size_t)-1) {
			netsame = 0;
			break;
		}
		vs_stamp_put(&st, &a.st[k], cs);
		if (!st.v[i].cst[0] || strcmp(cs, st.v[i].cst) != 0)
			netsame = 0;
		seen[k] = 1;
	}
	for (k = 0; k < a.n && netsame; k++)
		netsame = seen[k];
	free(seen);
	if (!netsame)
		vd_net_sums(&a);
	for (i = nk = 0; i < nent; i++) {
		e = &st.v[i];
		if ((k = vd_net_index(&a, e->id)) == (size_t)-1 ||
		    (a.s && a.s[k]->lib->err)) {
			e->live = k != (size_t)-1;	/* unreadable: left alone */
			continue;
		}
		e->live = 1;
		if (!e->deleted && e->base && e->cst[0] && e->vst[0] &&
		    (netsame || a.s[k]->type != T_COMMUNITY) &&
		    !inlist(&run->restore, e->id)) {
			vs_stamp_put(&st, &a.st[k], cs);
			vs_stamp_put(&st, vd_card_stamp(&st, e->file), vs);
			if (strcmp(cs, e->cst) == 0 && strcmp(vs, e->vst) == 0 &&
			    !stale_members(&st, e)) {
				e->skip = 1;	/* neither side changed */
				continue;
			}
		}
		ent[i] = k + 1;
		ks[nk++] = k;
	}
	net_wholes(&a, ks, nk);
	free(ks);
	for (i = 0; i < nent; i++) {
		e = &st.v[i];
		if (ent[i] == 0)
			continue;
		k = ent[i] - 1;
		if ((c = vd_net_whole(&a, k))->lib->err)
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
			vd_members_of(&a, c, &members);
		vd_want_card(e, c, &members);
		if (e->deleted) {
			warnx("%s: deleted from the vdir, kept (nw-vdir -r %s "
			    "writes it back)", e->id, e->id);
			run->ndeleted++;
			continue;
		}
		if ((s = vd_read(&st, e->file, &len)) == NULL) {
			if (e->base == NULL)
				continue;	/* never written: written now */
			e->deleted = 1;
			st.dirty = 1;
			warnx("%s: deleted from the vdir, kept (nw-vdir -r %s "
			    "writes it back)", e->id, e->id);
			run->ndeleted++;
			continue;
		}
		vm_pull(&st, e, c, s, len, changed);
		free(s);
	}
	free(ent);

	vm_pull_write(&st, changed);
	/* cards nw did not write: new contacts, or ones it knows */
	npulled = changed->n;
	vd_index_build(&st, 1);
	for (i = 0; i < st.files.n; i++) {
		if (vd_index_find(&st, st.files.v[i]))
			continue;
		if ((s = vd_read(&st, st.files.v[i], &len)) == NULL)
			continue;
		adopt(&st, &a, st.files.v[i], s, len, changed);
		free(s);
	}

	if (run->dry)
		goto done;
	/*
	 * The network again, as the edits left it: all of it when a card
	 * nw did not write was taken (a new contact, one it knows); else the
	 * contacts edited by their cards, loaded again (an edit of a card's
	 * keys changes no summary the rest of the run reads).
	 */
	if (changed->n > npulled) {
		vd_net_all_free(&a);
		vd_net_all_load(net, &a, VD_CARD);
	} else
		for (i = nchanged0; i + 1 < changed->n; i += 2)
			if ((k = vd_net_index(&a, changed->v[i])) != (size_t)-1) {
				contact_free(a.c[k]);
				a.c[k] = NULL;
			}
	/* each contact's entry, by the table of ids (one not dropped) */
	ent = xcalloc(a.n ? a.n : 1, sizeof *ent);
	for (i = 0; i < st.n; i++)
		if (!st.v[i].drop && (k = vd_net_index(&a, st.v[i].id)) !=
		    (size_t)-1 && ent[k] == 0)
			ent[k] = i + 1;
	w.st = &st;
	w.a = &a;
	w.pd = &pd;
	w.job = xcalloc(a.n ? a.n : 1, sizeof *w.job);
	w.ent = xcalloc(a.n ? a.n : 1, sizeof *w.ent);
	ks = xcalloc(a.n ? a.n : 1, sizeof *ks);
	for (i = nk = 0; i < a.n; i++) {
		if (ent[i] == 0)
			vd_net_sums(&a);	/* a contact with no card yet */
		if (a.s && a.s[i]->lib->err)
			continue;
		if (ent[i] == 0) {
			s = vcard_uid(a.ids[i]);
			e = vd_entry_add(&st, "", s, a.ids[i]);
			free(e->file);
			e->file = vd_uid_file(s);
			free(s);
			if ((s = vd_read(&st, e->file, &len)) != NULL) {
				warnx("%s/%s: a card nw did not write; %s is "
				    "not written", dir, e->file, a.ids[i]);
				free(s);
				e->drop = 1;
				continue;
			}
		} else
			e = &st.v[ent[i] - 1];
		e->live = 1;
		if (e->deleted || e->skip)
			continue;
		w.ent[w.njob] = e - st.v;
		w.job[w.njob++] = i;
		if (a.c[i] == NULL)
			ks[nk++] = i;
	}
	/* those not loaded yet parsed on every core, each written as it comes */
	vd_write_all(&w, ks, nk);
	vd_write_loaded(&w, (size_t)-1);
	free(ks);
	free(ent);
	free(w.job);
	free(w.ent);
	strv_free(&w.members);
	/*
	 * The cards of contacts gone from the network, forgotten; the
	 * state made and, when it is written whole, written while the last
	 * cards are synced (vd_state_early), named only once they are in
	 * place and the gone ones removed.
	 */
	for (i = 0; i < st.n; i++) {
		e = &st.v[i];
		if (e->live || e->drop)
			continue;
		strv_add(&gonef, e->file);
		e->drop = 1;
		st.dirty = 1;
	}
	if (!st.failed)
		vd_state_early(&st);	/* the entries sorted by file */
	if (vd_commit(&st, &pd) != 0)
		st.failed = 1;
	for (i = 0; i < gonef.n; i++) {
		s = xasprintf("%s/%s", dir, gonef.v[i]);
		if (unlink(s) == 0) {
			run->nremoved++;
			if (gone == NULL)
				gone = xstrdup(s);
		} else if (errno != ENOENT) {
			warn("'%s'", s);
			st.failed = 1;
		}
		free(s);
	}
	strv_free(&gonef);
	if (gone && syncdir(dir) == -1)
		unsynced(0, gone, "removed", dir);
	free(gone);
	if (!st.failed)
		vd_state_save(&st);
done:
	net_unlock(net);
	vd_net_all_free(&a);
	strv_free(&members);
	failed = st.failed;
	vd_state_free(&st);
	return failed;
}
