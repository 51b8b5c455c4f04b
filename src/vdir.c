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

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ventry *)a)->file,
	    ((const struct ventry *)b)->file);
}

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
	struct stat sb;
	size_t cap, n = 0;
	ssize_t r;
	char *s;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1) {
		if (errno != ENOENT)
			err(1, "'%s'", path);
		return NULL;
	}
	/* read at once into its size (8 MB for 10,000 cards), not grown */
	cap = fstat(fd, &sb) == 0 && sb.st_size > 0 ? (size_t)sb.st_size + 1 :
	    65536;
	s = xmalloc(cap + 1);
	while ((r = read(fd, s + n, cap - n)) > 0)
		if ((n += r) == cap)
			s = xrealloc(s, (cap *= 2) + 1);
	if (r == -1)
		err(1, "'%s'", path);
	close(fd);
	s[n] = '\0';
	*len = n;
	return s;
}

/*
 * The state is one file, written at once: a line a card (its file, UID,
 * contact, "deleted" or nothing, the length of its base), then the base.
 */
void
vd_state_load(struct vstate *st)
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
			e = vd_entry_add(st, f[0], f[1], f[2]);
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
void
vd_state_save(struct vstate *st)
{
	struct buf b = { 0 };
	struct ventry *e;
	const char *base;
	size_t i, blen;
	char *p, cs[96], vs[96];

	qsort(st->v, st->n, sizeof *st->v, entry_cmp);
	/* the stamps now, and whether anything changed */
	for (i = 0; i < st->n; i++) {
		e = &st->v[i];
		/* skipped: stamped at the start of the run, the same still */
		if (e->drop || e->skip)
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
	}
	p = state_path(st, "state");
	if (!st->dirty && access(p, F_OK) == 0) {
		free(p);
		return;
	}
	buf_puts(&b, "");
	for (i = 0; i < st->n; i++) {
		e = &st->v[i];
		if (e->drop)
			continue;
		base = e->want && !e->deleted ? e->want : e->base;
		blen = e->want && !e->deleted ? e->wlen : e->blen;
		buf_printf(&b, "%s\t%s\t%s\t%s\t%zu\t%s\t%s\n", e->file,
		    e->uid, e->id, e->deleted ? "deleted" : "", base ? blen : 0,
		    e->cst, e->vst);
		if (base)
			buf_add(&b, base, blen);
		buf_puts(&b, "\n");
	}
	if (safe_write(net_tmpdir(st->net), p, b.s, b.len,
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

/* Card s[0..len) to be written as file; s must live until vd_commit. */
int
vd_stage(struct vstate *st, struct pending *pd, const char *file,
    const char *s, size_t len)
{
	struct newfile *f;
	struct stat sb;

	if ((pd->n & (pd->n - 1)) == 0)
		pd->v = xrealloc(pd->v, (pd->n ? 2 * pd->n : 1) * sizeof *pd->v);
	f = &pd->v[pd->n++];
	memset(f, 0, sizeof *f);
	f->path = xasprintf("%s/%s", st->dir, file);
	f->s = s;
	f->len = len;
	/* a new card: a file with no name until it is whole (O_TMPFILE) */
	f->replace = lstat(f->path, &sb) == 0 || errno != ENOENT;
	return 0;
}

/* The staged cards durable, then in place; the number that failed. */
int
vd_commit(struct vstate *st, struct pending *pd)
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

void
vd_sync_dir(const char *dir)
{
	int fd;

	if ((fd = open(dir, O_RDONLY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
}

char *
vd_read(struct vstate *st, const char *file, size_t *len)
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

void
vd_state_free(struct vstate *st)
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

/*
 * The network: every contact's summary (refs_all: from .nw/cache where it
 * may), sorted by id, and each contact loaded whole (with its keys, for
 * its card) only when a card needs it.
 */

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
struct contact *
vd_net_whole(struct net_all *a, size_t i)
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

void
vd_net_all_load(struct net *net, struct net_all *a)
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

void
vd_net_all_free(struct net_all *a)
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

char *
vd_state_dir(struct net *net, const char *real, int dry)
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
	char real[PATH_MAX], *s;
	size_t i, k, len, nent, nchanged0, npulled;
	char cs[96], vs[96];
	int write, fresh, wrote = 0, failed;

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
	vd_net_all_load(net, &a);

	if (dir_sorted(dir, ".vcf", &files) == -1)
		err(1, "'%s'", dir);
	vd_clean_stale(&st, run->dry);

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
		if ((c = vd_net_whole(&a, k))->err)
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

	vm_pull_write(&st, changed);
	/* cards nw did not write: new contacts, or ones it knows */
	npulled = changed->n;
	index_build(&st, 1);
	for (i = 0; i < files.n; i++) {
		if (index_find(&st, files.v[i]))
			continue;
		if ((s = vd_read(&st, files.v[i], &len)) == NULL)
			continue;
		adopt(&st, &a, files.v[i], s, len, changed);
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
		vd_net_all_load(net, &a);
	} else
		for (i = nchanged0; i + 1 < changed->n; i += 2)
			if ((k = net_index(&a, changed->v[i])) != (size_t)-1) {
				contact_free(a.c[k]);
				a.c[k] = NULL;
			}
	index_build(&st, 0);
	for (i = 0; i < a.n; i++) {
		c = a.s[i];
		if (c->err)
			continue;
		if ((e = index_find(&st, c->id)) == NULL) {
			s = vdir_uid(c->id);
			e = vd_entry_add(&st, "", s, c->id);
			free(e->file);
			e->file = vd_uid_file(s);
			free(s);
			if ((s = vd_read(&st, e->file, &len)) != NULL) {
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
		if ((c = vd_net_whole(&a, i))->err)
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
		if ((s = vd_read(&st, e->file, &len)) == NULL)
			write = 1;
		else if (len == e->wlen && memcmp(s, e->want, len) == 0)
			write = 0;
		else if (!vm_card(s, len, &rv))
			write = fresh;	/* unreadable: nw's again if new */
		else {
			if (vm_card(e->want, e->wlen, &rw)) {
				write = fresh ? !vm_same_all(&rv.d, &rw.d) :
				    !vm_same_keys(&rv.d, &rw.d);
				rec_free(&rw);
			}
			rec_free(&rv);
		}
		free(s);
		if (write && vd_stage(&st, &pd, e->file, e->want,
		    e->wlen) == 0)
			run->nwritten++;
		else if (write)
			st.failed = 1;
	}
	if (vd_commit(&st, &pd) != 0)
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
		vd_sync_dir(dir);
	if (!st.failed)
		vd_state_save(&st);
done:
	net_unlock(net);
	vd_net_all_free(&a);
	strv_free(&files);
	strv_free(&members);
	failed = st.failed;
	vd_state_free(&st);
	return failed;
}
