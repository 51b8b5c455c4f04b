/* cache.c - many contacts at once, from .nw/cache when it may */

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * A scan reads every contact but needs only its summary: what struct
 * contact holds when loaded without C_LOG, C_KEYS or C_DOC.  Summaries
 * live in .nw/cache, each under its id with its file's stamp (inode, size,
 * mtime and ctime in nanoseconds).  A file whose stamp differs, or that is
 * new, is parsed and its summary replaced; one gone drops out when a scan
 * has seen every file.  A scan that found a sixteenth of the cache out of
 * date writes it anew with safe_write (cache_update), without the lock:
 * two scans that write at once each write a cache that is true, and a
 * reader never waits.
 *
 * It never lies:
 * - a stamp is trusted only when its file last changed (mtime or ctime) a
 *   second and more before the process that parsed it began (net->opened):
 *   a change made after that has a later time, so another stamp, even on
 *   a file system that keeps whole seconds (git's "racily clean" files);
 * - ctime is in the stamp: touch -d sets mtime back, never ctime;
 * - a cache of another layout or build, of other settings, with a bad
 *   checksum, of another owner, not a regular file or a symlink is not
 *   read; one from a clock that has since gone back is void;
 * - writes never use it: change_edit parses the file under the lock;
 * - a cache that cannot be read or written costs time, never an error.
 * It is kept only where .nw/ is a folder of the user's: nw-init and every
 * write make it, a scan does not.  NW_CACHE=0 turns it off.
 */

#define CACHE_VERSION	2	/* +1 when the loader fills fields otherwise */
#define FEW		32	/* fewer named: parsed, no cache read */
#define MAXCACHE	((size_t)1 << 30)
#define ARENA		((size_t)1 << 20)	/* see arena_room */
#define NS		1000000000LL

struct head {
	char		 magic[8];	/* "nwcache\n" */
	uint32_t	 version;	/* CACHE_VERSION */
	uint32_t	 order;		/* 0x01020304 in this machine's order */
	uint64_t	 build;		/* the layout: build_key() */
	uint64_t	 settings;	/* .nw.yaml: settings_key() */
	uint64_t	 n;		/* entries */
	uint64_t	 len;		/* bytes after the head */
	uint64_t	 sum;		/* of those: sum64() */
};

/*
 * An entry in the file: its length (uint32_t, the bytes after it), the
 * stamp, trust, the id's length (uint32_t), the id and a NUL, then the
 * summary.  Entries are sorted by id.
 */
struct entry {
	const char		*id;
	struct stamp		 st;
	long long		 trust;		/* stamps older are true */
	const unsigned char	*sum;		/* the summary */
	size_t			 len;
	int			 state;		/* in a load: SEEN, REPLACED */
	int			 worth;		/* added: worth writing */
};
enum { SEEN = 1, REPLACED = 2 };

struct arena {				/* see arena_room */
	char		*base, *next, *end;
	struct arena	*prev;
};

struct cache {
	int		 off;		/* none: NW_CACHE=0, no .nw/ */
	int		 valid;		/* the file was read and trusted */
	char		*path;		/* .nw/cache */
	unsigned char	*file;		/* mapped: entries point into it */
	size_t		 flen;
	struct entry	*v;		/* by id */
	size_t		 n;
	struct entry	*add;		/* parsed in this load */
	size_t		 nadd;
	void		**own;		/* the blocks of entries added */
	size_t		 nown;
	uint64_t	 settings;
	size_t		 cached, parsed;	/* by the last load */
	int		 written;	/* and whether it wrote the file */
	struct arena	*arena;		/* the contacts unpacked in it */
};

/*
 * A checksum against torn or flipped bytes: FNV-1a a word at a time, in
 * four lanes that the processor runs side by side.
 */
static uint64_t
sum64(const void *p, size_t n, uint64_t h)
{
	const uint64_t prime = 0x100000001b3ULL;
	const unsigned char *s = p;
	uint64_t w, l[4];
	size_t i, k;

	h ^= 0xcbf29ce484222325ULL ^ n;
	for (k = 0; k < 4; k++)
		l[k] = h + k;
	for (i = 0; i + 32 <= n; i += 32)
		for (k = 0; k < 4; k++) {
			memcpy(&w, s + i + 8 * k, 8);
			l[k] = (l[k] ^ w) * prime;
			l[k] ^= l[k] >> 29;
		}
	for (k = 0; k < 4; k++)
		h = (h ^ l[k]) * prime;
	for (; i < n; i++)
		h = (h ^ s[i]) * prime;
	return h ^ (h >> 32);
}

/* The layout of a summary and the schema it was read by: one build's. */
static uint64_t
build_key(void)
{
	const struct kind *kd;
	const struct key *k;
	size_t nk, i, off;
	int t;
	uint64_t h, z[4] = { CACHE_VERSION, sizeof(struct contact_block),
	    sizeof(int), sizeof(size_t) };

	h = sum64(z, sizeof z, 0);
	h = sum64(NW_VERSION, sizeof NW_VERSION, h);
	for (i = 0; (t = summary_field(i, &off)) != 0; i++) {
		z[0] = off, z[1] = t;
		h = sum64(z, 2 * sizeof z[0], h);
	}
	k = schema_keys(&nk);
	for (i = 0; i < nk; i++) {
		h = sum64(k[i].name, strlen(k[i].name), h);
		z[0] = k[i].type, z[1] = k[i].flags, z[2] = k[i].field;
		h = sum64(z, 3 * sizeof z[0], h);
	}
	kd = schema_kinds(&nk);
	for (i = 0; i < nk; i++) {
		h = sum64(kd[i].name, strlen(kd[i].name), h);
		z[0] = kd[i].flags;
		h = sum64(z, sizeof z[0], h);
	}
	return h;
}

/* The settings, byte for byte: a summary is never read under others. */
static uint64_t
settings_key(struct net *net)
{
	char err[256], *path, *s;
	uint64_t h;
	size_t len;

	path = xasprintf("%s/.nw.yaml", net->dir);
	if ((s = file_read(path, &len, err)) == NULL)
		h = sum64("none", 4, 0);
	else
		h = sum64(s, len, 1);
	free(s);
	free(path);
	return h;
}

static int
stamp_eq(const struct stamp *a, const struct stamp *b)
{
	return a->ino == b->ino && a->size == b->size &&
	    a->mtime == b->mtime && a->ctime == b->ctime;
}

/* When the file last changed: its data, or the inode (ctime). */
static long long
stamp_time(const struct stamp *s)
{
	return s->mtime > s->ctime ? s->mtime : s->ctime;
}

/*
 * More than the block of e's contact takes: a list's pointer, or a date,
 * takes at most twice the bytes the summary gives it.
 */
static size_t
unpacked_max(const struct entry *e, size_t npath)
{
	return (sizeof(struct contact_block) + 2 * e->len + npath + 7) &
	    ~(size_t)7;
}

/*
 * Memory for the contacts unpacked on one thread, a megabyte at a time,
 * its pages made present at once (MAP_POPULATE) rather than each faulted
 * in when first written (sys_map): that costs twice as much here, and it is most
 * of what a scan with a cache costs beyond the stat of each file.  At
 * least need bytes are free in it, or 0.
 */
static int
arena_room(struct cache *k, size_t need)
{
	struct arena *a = k->arena;
	size_t size = need > ARENA ? need : ARENA;
	void *p;

	if (a && (size_t)(a->end - a->next) >= need)
		return 1;
	if ((p = sys_map(-1, size)) == NULL)
		return 0;
	a = xmalloc(sizeof *a);
	a->base = a->next = p;
	a->end = a->base + size;
	a->prev = k->arena;
	k->arena = a;
	return 1;
}

/*
 * Contact id from its summary: in from's arena (packed 2: freed with the
 * cache), else in a block of its own (packed 1); its strings are the
 * summary's.  NULL when the summary is malformed.
 */
static struct contact *
summary_get(struct net *net, const char *id, const struct entry *e,
    struct cache *from)
{
	struct contact_block *b;
	struct contact *c;
	size_t npath = net_path_put(net, id, NULL), need;

	if (from && arena_room(from, unpacked_max(e, npath))) {
		b = (struct contact_block *)from->arena->next;
		memset(b, 0, sizeof *b);
		b->l.packed = 2;
	} else {
		if (!summary_unpack(e->sum, e->len, NULL, NULL, &need))
			return NULL;
		b = xmalloc(sizeof *b + need + npath);
		memset(b, 0, sizeof *b);
		b->l.packed = 1;
		from = NULL;
	}
	c = &b->c;
	c->lib = &b->l;
	if (!summary_unpack(e->sum, e->len, c, (char *)(b + 1), &need)) {
		if (!from)
			free(b);
		return NULL;
	}
	c->id = (char *)e->id;
	c->lib->path = (char *)(b + 1) + need;
	net_path_put(net, id, c->lib->path);
	if (from)
		from->arena->next = (char *)(((uintptr_t)(c->lib->path +
		    npath) + 7) & ~(uintptr_t)7);
	return c;
}

/* --- the file ------------------------------------------------------------ */

/*
 * May a scan make .nw/ here?  When the network has its settings (it is
 * one: nw-init's or copied) and its folder is the user's and writable.
 */
static int
owned(struct net *net)
{
	struct stat st;
	char *p = xasprintf("%s/.nw.yaml", net->dir);
	int yes;

	yes = lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
	    stat(net->dir, &st) == 0 && st.st_uid == geteuid() &&
	    access(net->dir, W_OK) == 0;
	free(p);
	return yes;
}

/* .nw/ as a folder of the user's, else NULL: no cache there. */
static char *
statedir(struct net *net)
{
	struct stat st;
	char *p;

	p = xasprintf("%s/.nw", net->dir);
	if (lstat(p, &st) == -1 && errno == ENOENT && owned(net))
		mkdir(p, 0700);		/* a network made by hand, or copied */
	if (lstat(p, &st) == -1 || !S_ISDIR(st.st_mode) ||
	    st.st_uid != geteuid()) {
		free(p);
		return NULL;
	}
	return p;
}

/*
 * The cache file mapped: a regular file of the user's, not a symlink.
 * Mapped, not read: pages of a file cost little, pages of memory a
 * fault each.  nw replaces the file by a rename, never in place.
 */
static unsigned char *
mapcache(const char *path, size_t *len)
{
	struct stat st;
	void *p;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || (size_t)st.st_size < sizeof(struct head)
	    || (size_t)st.st_size > MAXCACHE) {
		close(fd);
		return NULL;
	}
	p = sys_map(fd, st.st_size);
	close(fd);
	if (p == NULL)
		return NULL;
	*len = st.st_size;
	return p;
}

/* The entries of the file s[0..len), or 0 when it is not to be trusted. */
static int
cache_parse(struct cache *k, const unsigned char *s, size_t len,
    long long now)
{
	struct rd r = { s + sizeof(struct head), s + len, 0 };
	struct head h;
	struct entry *e;
	uint32_t elen, idlen;
	const char *id;
	uint64_t i;

	memcpy(&h, s, sizeof h);
	if (memcmp(h.magic, "nwcache\n", 8) != 0 || h.version !=
	    CACHE_VERSION || h.order != 0x01020304 || h.build != build_key() ||
	    h.settings != k->settings || h.len != len - sizeof h ||
	    h.n > h.len / 48 || sum64(s + sizeof h, h.len, 0) != h.sum)
		return 0;
	k->v = xcalloc(h.n, sizeof *k->v);
	for (i = 0; i < h.n; i++) {
		e = &k->v[i];
		elen = rd_get32(&r);
		if (r.bad || (size_t)(r.end - r.p) < elen)
			return 0;
		e->sum = r.p + elen;	/* for now: where the entry ends */
		rd_getn(&r, &e->st, sizeof e->st);
		rd_getn(&r, &e->trust, sizeof e->trust);
		idlen = rd_get32(&r);
		id = rd_get(&r, (size_t)idlen + 1);
		if (r.bad || id[idlen] != '\0' || strlen(id) != idlen ||
		    r.p > e->sum || e->trust > now ||
		    (i > 0 && strcmp(k->v[i - 1].id, id) >= 0))
			return 0;
		e->id = id;
		e->len = e->sum - r.p;
		e->sum = r.p;
		r.p += e->len;
	}
	if (r.p != r.end)
		return 0;
	k->n = h.n;
	return 1;
}

/* The cache of net as read, made empty when there is none to trust. */
static struct cache *
cache_get(struct net *net)
{
	struct cache *k;
	const char *e;
	char *dir;

	if (net->cache)
		return net->cache->off ? NULL : net->cache;
	k = net->cache = xcalloc(1, sizeof *k);
	net->cache_drop = cache_free;
	if (((e = getenv("NW_CACHE")) != NULL && strcmp(e, "0") == 0) ||
	    (dir = statedir(net)) == NULL) {
		k->off = 1;
		return NULL;
	}
	k->path = xasprintf("%s/cache", dir);
	free(dir);
	k->settings = settings_key(net);
	if ((k->file = mapcache(k->path, &k->flen)) != NULL &&
	    !cache_parse(k, k->file, k->flen, time(NULL) * NS)) {
		free(k->v);
		k->v = NULL;
		k->n = 0;
	}
	k->valid = k->n > 0;
	return k;
}

static int
byid(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->id,
	    ((const struct entry *)b)->id);
}

static struct entry *
cache_find(struct cache *k, const char *id)
{
	struct entry key;

	key.id = id;
	return k->n ? bsearch(&key, k->v, k->n, sizeof *k->v, byid) : NULL;
}

static void
cache_serialise(struct cache *k, struct buf *b)
{
	struct head h = { "nwcache\n", CACHE_VERSION, 0x01020304, 0, 0, 0, 0,
	    0 };
	struct entry *e;
	size_t i, start;
	uint32_t len;

	buf_add(b, (const char *)&h, sizeof h);
	for (i = 0; i < k->n; i++) {
		e = &k->v[i];
		start = b->len;
		put_u32(b, 0);
		buf_add(b, (const char *)&e->st, sizeof e->st);
		buf_add(b, (const char *)&e->trust, sizeof e->trust);
		put_u32(b, strlen(e->id));
		buf_add(b, e->id, strlen(e->id) + 1);
		buf_add(b, (const char *)e->sum, e->len);
		len = b->len - start - sizeof len;
		memcpy(b->s + start, &len, sizeof len);
	}
	h.build = build_key();
	h.settings = k->settings;
	h.n = k->n;
	h.len = b->len - sizeof h;
	h.sum = sum64(b->s + sizeof h, h.len, 0);
	memcpy(b->s, &h, sizeof h);
}

/*
 * Write the cache with safe_write, quietly.  .nw must be a folder of the
 * user's that can be written, and .nw/tmp one too or missing: net_tmpdir
 * gives up loudly otherwise (a symlink), and a scan must not.  What is at .nw/cache and is no file of the user's
 * (a symlink) is removed, never written through.
 */
static void
cache_write(struct net *net, struct cache *k)
{
	struct buf b = { 0 };
	struct stat st;
	char *nw, *tmp;
	int ok, flags = SW_QUIET;

	nw = xasprintf("%s/.nw", net->dir);
	tmp = xasprintf("%s/.nw/tmp", net->dir);
	if (lstat(nw, &st) == 0)
		ok = S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
		    access(nw, W_OK) == 0 && (lstat(tmp, &st) == 0 ?
		    S_ISDIR(st.st_mode) && st.st_uid == geteuid() :
		    errno == ENOENT);
	else		/* none: a scan makes none (a writer does) */
		ok = 0;
	free(nw);
	free(tmp);
	if (!ok)
		return;
	if (lstat(k->path, &st) == 0 && (!S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid()))
		unlink(k->path);
	if (lstat(k->path, &st) == -1)
		flags |= SW_CREATE;
	cache_serialise(k, &b);
	k->written = safe_write(net_tmpdir(net), k->path, b.s, b.len,
	    flags) != -1;
	free(b.s);
}

/*
 * After a load: the entries added take the place of those they replace,
 * and with every (every file was seen) those not seen drop out, and the
 * cache is written, when that changes what a later scan would trust for
 * more than a sixteenth of the entries: a file or two changed since are
 * parsed again, which costs less than writing it all each time (as every
 * nw-log in a git network would, through its pre-commit hook).
 */
static void
cache_update(struct net *net, struct cache *k, int every)
{
	struct entry *v;
	size_t i, n = 0, changed = 0;

	for (i = 0; i < k->n; i++)
		changed += every && k->v[i].state == 0;
	for (i = 0; i < k->nadd; i++)
		changed += k->add[i].worth;
	if (changed == 0 || (k->valid && changed < k->n / 16)) {
		for (i = 0; i < k->n; i++)
			k->v[i].state = 0;
		k->nadd = 0;		/* their blocks stay, for contacts */
		return;
	}
	v = xcalloc(k->n + k->nadd, sizeof *v);
	for (i = 0; i < k->n; i++)
		if (k->v[i].state == SEEN || (!every && k->v[i].state == 0))
			v[n++] = k->v[i];
	for (i = 0; i < k->nadd; i++)
		v[n++] = k->add[i];
	qsort(v, n, sizeof *v, byid);
	for (i = 0; i < n; i++)
		v[i].state = v[i].worth = 0;
	free(k->v);
	k->v = v;
	k->n = n;
	k->nadd = 0;
	k->valid = 1;
	cache_write(net, k);
}

/*
 * What the last load of net's contacts took from the cache, what it
 * parsed, and whether it wrote the cache: for tests (t-cache).
 */
void
cache_counts(struct net *net, size_t *cached, size_t *parsed, int *written)
{
	struct cache *k = net->cache;

	*cached = k ? k->cached : 0;
	*parsed = k ? k->parsed : 0;
	*written = k ? k->written : 0;
}

void
cache_free(struct cache *k)
{
	struct arena *a;
	size_t i;

	if (k == NULL)
		return;
	for (i = 0; i < k->nown; i++)
		free(k->own[i]);
	free(k->own);
	free(k->v);
	free(k->add);
	if (k->file)
		munmap(k->file, k->flen);
	while ((a = k->arena) != NULL) {
		k->arena = a->prev;
		munmap(a->base, a->end - a->base);
		free(a);
	}
	free(k->path);
	free(k);
}

/* --- the load ------------------------------------------------------------ */

struct load {
	struct net	 *net;
	struct cache	 *k;		/* NULL: no cache */
	char		**ids;
	struct stamp	 *st;		/* NULL: stat each file */
	int		  flags;
	long long	  trust;	/* stamps older than this are true */
	struct entry	**old;		/* with st: each one's entry, or NULL */
	struct contact	**c;		/* each contact loaded */
	struct entry	**add;		/* and its new entry, or NULL */
	struct cache	 *from;		/* unpack into its arena */
	void		(*fn)(struct contact *, void *);
	void		 *arg;
};

/* Does e say what the file stamped st holds? */
static int
fresh(const struct entry *e, const struct stamp *st)
{
	return e && stamp_eq(&e->st, st) && stamp_time(st) < e->trust;
}

/* A new entry for c, its file stamped st before it was read. */
static struct entry *
entry_new(struct load *l, struct contact *c, const struct stamp *st,
    struct entry *old)
{
	struct entry *e = xcalloc(1, sizeof *e);
	struct buf b = { 0 };
	size_t idlen = strlen(c->id);
	char *block;

	summary_put(&b, c);
	block = xmalloc(idlen + 1 + b.len + 1);
	memcpy(block, c->id, idlen + 1);
	memcpy(block + idlen + 1, b.s, b.len);
	free(b.s);
	e->id = block;
	e->st = *st;
	e->trust = l->trust;
	e->sum = (unsigned char *)block + idlen + 1;
	e->len = b.len;
	e->worth = stamp_time(st) < l->trust;
	if (old)
		old->state = REPLACED;
	return e;
}

/*
 * Contact j: from its summary when the cache has one to trust, else
 * parsed (and summed up for the cache, when its file could be read).
 * Runs on any core: it writes only its own slots, and the state of its
 * own entry.
 */
static void
load_one(void *arg, size_t j)
{
	struct load *l = arg;
	const char *id = l->ids[j];
	struct entry *e;
	struct contact *c;
	struct stamp st;
	struct stat sb;
	char err[256], *path = NULL, *text;
	size_t len;

	if (l->k == NULL)
		goto direct;
	if (l->st)
		st = l->st[j];
	else if (stat((path = net_path(l->net, id)), &sb) == 0)
		stamp_from(&st, &sb);
	else
		goto direct;
	if ((e = l->old ? l->old[j] : cache_find(l->k, id)) != NULL) {
		e->state = SEEN;
		if (fresh(e, &st) &&
		    (c = summary_get(l->net, id, e, l->from)) != NULL) {
			l->c[j] = c;
			free(path);
			return;
		}
	}
	/* a file that cannot be read now may be read later: not kept */
	if (path == NULL)
		path = net_path(l->net, id);
	if ((text = file_read(path, &len, err)) == NULL)
		goto direct;
	c = contact_parse(l->net, id, text, len, l->flags);
	free(text);
	l->add[j] = entry_new(l, c, &st, e);
	/* as the next scan will have it, and in one block */
	if ((l->c[j] = summary_get(l->net, id, l->add[j], NULL)) != NULL)
		contact_free(c);
	else
		l->c[j] = c;
	free(path);
	return;
direct:
	free(path);
	l->c[j] = contact_load(l->net, id, l->flags);
}

/* Contact j, loaded: its new entry to the cache, itself to fn. */
static void
take_one(void *arg, size_t j)
{
	struct load *l = arg;
	struct cache *k = l->k;

	if (k && l->add[j] == NULL && l->c[j]->lib->packed)
		k->cached++;
	if (k && l->add[j]) {
		k->parsed++;
		if ((k->nadd & (k->nadd - 1)) == 0)
			k->add = xrealloc(k->add, (k->nadd ? 2 * k->nadd : 1) *
			    sizeof *k->add);
		k->add[k->nadd++] = *l->add[j];
		if ((k->nown & (k->nown - 1)) == 0)
			k->own = xrealloc(k->own, (k->nown ? 2 * k->nown : 1) *
			    sizeof *k->own);
		k->own[k->nown++] = (void *)l->add[j]->id;
		free(l->add[j]);
	}
	l->fn(l->c[j], l->arg);
}

/*
 * Each id's entry, the ids and the entries both sorted by strcmp: a walk
 * of the two at once.  How many of the files must be parsed.
 */
static size_t
match(struct load *l, size_t n)
{
	struct cache *k = l->k;
	size_t i, j = 0, parse = 0;
	int c = 1;

	l->old = xcalloc(n, sizeof *l->old);
	for (i = 0; i < n; i++) {
		while (j < k->n && (c = strcmp(k->v[j].id, l->ids[i])) < 0)
			j++;
		if (j < k->n && c == 0)
			l->old[i] = &k->v[j];
		parse += !fresh(l->old[i], &l->st[i]);
	}
	return parse;
}

/*
 * Contacts ids[0..n), loaded with flags, to fn in the order of ids (fn
 * owns each).  They are parsed on every core while fn takes them (what
 * waits for fn stays small: see cores.c); a scan's summaries (flags 0)
 * come from the cache when it has them.  st: the stamps of net_scan when
 * ids are every contact (those gone then leave the cache), else NULL.
 */
void
contacts_load(struct net *net, char **ids, struct stamp *st, size_t n,
    int flags, void (*fn)(struct contact *, void *), void *arg)
{
	struct load l = { 0 };
	size_t i;

	l.net = net;
	l.ids = ids;
	l.st = st;
	l.flags = flags;
	l.trust = (net->opened - 1) * NS;
	l.k = flags == 0 && (st || n >= FEW) ? cache_get(net) : NULL;
	l.c = xcalloc(n, sizeof *l.c);
	l.add = xcalloc(n, sizeof *l.add);
	l.fn = fn;
	l.arg = arg;
	if (l.k)
		l.k->cached = l.k->parsed = l.k->written = 0;
	if (l.k && st && match(&l, n) < FEW) {
		/* summaries to unpack: threads would cost more than they do */
		l.from = l.k;
		for (i = 0; i < n; i++) {
			load_one(&l, i);
			take_one(&l, i);
		}
	} else
		cores_run(n, load_one, take_one, &l);
	if (l.k)
		cache_update(net, l.k, st != NULL);
	free(l.old);
	free(l.c);
	free(l.add);
}
