/* vdir.c - the network and a vdir of vCards kept in step, both ways */

#include <sys/mman.h>
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
 * nanosecond) as the state keeps it, from s (net_scan's, or vd_list's),
 * or "" when s is NULL or the file so new that a change in the same
 * second could share it: then the next run looks at it again.  Any
 * stamp taken in the run serves: a file changed since the run began is
 * that new.
 */
static char *
hex_put(char *p, unsigned long long v)
{
	char t[16];
	int n = 0;

	do
		t[n++] = "0123456789abcdef"[v & 15];
	while ((v >>= 4) != 0);
	while (n)
		*p++ = t[--n];
	return p;
}

static void
stamp_put(const struct vstate *st, const struct stamp *s, char out[96])
{
	unsigned long long v[6];
	long long t[2];
	char *p = out;
	int i;

	out[0] = '\0';
	if (s == NULL)
		return;
	t[0] = s->mtime;
	t[1] = s->ctime;
	for (i = 0; i < 2; i++) {
		v[2 + 2 * i] = t[i] / 1000000000LL - (t[i] % 1000000000LL < 0);
		v[3 + 2 * i] = (t[i] % 1000000000LL + 1000000000LL) %
		    1000000000LL;
		if ((long long)v[2 + 2 * i] >= st->now - 1)
			return;
	}
	v[0] = s->ino;
	v[1] = s->size;
	/* as "%llx.%llx.%llx.%lx.%llx.%lx" would, without printf's cost */
	for (i = 0; i < 6; i++) {
		p = hex_put(p, v[i]);
		*p++ = i < 5 ? '.' : '\0';
	}
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
static int
unlisted(struct vstate *st, const char *file)
{
	return st->fst && listed(st, file) == -1;
}

/* The stamp of the vdir's card file when the run listed it, or NULL. */
static const struct stamp *
card_stamp(struct vstate *st, const char *file)
{
	ssize_t i = listed(st, file);

	return i != -1 && st->fok[i] ? &st->fst[i] : NULL;
}

static size_t	net_index(struct net_all *, const char *);

/* The stamp of contact id's file when the run read the network, or NULL. */
static const struct stamp *
contact_stamp(const struct vstate *st, const char *id)
{
	size_t k;

	if (st->all == NULL || (k = net_index(st->all, id)) == (size_t)-1)
		return NULL;
	return &st->all->st[k];
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
static struct ventry *
index_find(struct vstate *st, const char *key)
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

/*
 * The state file mapped (as the cache is: nw replaces it by a rename,
 * never in place), *len its size; NULL when there is none or it is
 * empty.  The bases stay in the map: on a run where little changed, the
 * lines are all that is read of it.
 */
static char *
map_state(const char *path, size_t *len)
{
	struct stat sb;
	char *s;
	int fd;

	*len = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1) {
		if (errno != ENOENT)
			err(1, "'%s'", path);
		return NULL;
	}
	if (fstat(fd, &sb) == -1)
		err(1, "'%s'", path);
	if (!S_ISREG(sb.st_mode))
		errx(1, "'%s': not a regular file", path);
	if (sb.st_size == 0) {
		close(fd);
		return NULL;
	}
	if ((s = sys_map(fd, sb.st_size)) == NULL)
		err(1, "'%s'", path);
	close(fd);
	*len = sb.st_size;
	return s;
}

/*
 * The state is a file, "state", written at once: a line a card (its
 * file, UID, contact, "deleted" or nothing, the length of its base, the
 * stamps of the contact's file and the card), then the base, then a line
 * break: the card's record.  Its first line may be ".\t<generation>":
 * no card (a dot starts no card's file).  A run that changed a few cards
 * appends their records to "journal" instead, each followed by its
 * checksum ("#" and 16 hex digits), after a first line that names the
 * generation of the state it goes with; a record says "dropped" for a
 * card forgotten.  A journal of another generation, and a record that
 * does not check out and all after it (a write cut short), are not read:
 * the cards they would change keep their older records, which is safe
 * (the base written last, see the top).  When the journal would grow
 * past an eighth of the state (or JOURNAL_MIN for a small one), the
 * state is written again, with the next generation, and the journal
 * removed.
 */

#define JOURNAL_MIN	65536

/* FNV-1a over s[0..len): a journal record's checksum. */
static uint64_t
fnv64(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

/*
 * The record at text[*off..len), its header's fields split in line (of
 * *cap bytes): its base in *base, *n bytes; *off moved past it.  0 when
 * it is cut short.
 */
static int
record_get(const char *text, size_t len, size_t *off, char **line,
    size_t *cap, char *f[7], const char **base, size_t *n)
{
	const char *end;
	size_t k, i;
	char *p;

	if ((end = memchr(text + *off, '\n', len - *off)) == NULL)
		return 0;
	k = end - (text + *off);
	if (k + 1 > *cap)
		*line = xrealloc(*line, (*cap = k + 1 + 256));
	memcpy(*line, text + *off, k);
	(*line)[k] = '\0';
	*off = end + 1 - text;
	p = *line;
	for (i = 0; i < 7; i++) {
		f[i] = p;
		p += strcspn(p, "\t");
		if (*p)
			*p++ = '\0';
	}
	*n = strtoul(f[4], NULL, 10);
	if (*n >= len - *off)		/* the base and its line break */
		return 0;
	*base = text + *off;
	*off += *n + 1;
	return 1;
}

/* Does a record say a card nw may keep? */
static int
record_ok(char *f[7])
{
	return *f[0] && *f[0] != '.' && !strchr(f[0], '/') && *f[1] &&
	    id_valid(f[2]);
}

static void
record_take(struct ventry *e, char *f[7], const char *base, size_t n,
    const char *rec, size_t rlen)
{
	e->deleted = strcmp(f[3], "deleted") == 0;
	snprintf(e->cst, sizeof e->cst, "%s", f[5]);
	snprintf(e->vst, sizeof e->vst, "%s", f[6]);
	e->base = n ? base : NULL;
	e->blen = n;
	e->rec = rec;
	e->rlen = rlen;
}

/* The journal's records over the state's entries (see above). */
static void
journal_load(struct vstate *st)
{
	struct ventry *e;
	const char *base, *rec;
	char *p, *line = NULL, *f[7], *end;
	size_t len, n, off, cap = 0, nsnap = st->n, i, j;
	unsigned long long sum;
	int dropped = 0;

	p = state_path(st, "journal");
	st->jtext = map_state(p, &len);
	st->jlen = len;
	free(p);
	if (st->jtext == NULL || st->gen == 0)
		return;
	p = xasprintf("nw-vdir journal\t%llu\n", st->gen);
	off = strlen(p);
	if (len < off || memcmp(st->jtext, p, off) != 0) {
		free(p);
		return;
	}
	free(p);
	st->jvalid = off;
	index_build(st, 1);
	while (off < len) {
		rec = st->jtext + off;
		if (!record_get(st->jtext, len, &off, &line, &cap, f, &base,
		    &n) || len - off < 18 || st->jtext[off] != '#' ||
		    st->jtext[off + 17] != '\n')
			break;
		sum = strtoull(st->jtext + off + 1, &end, 16);
		if (end != st->jtext + off + 17 ||
		    sum != fnv64(rec, st->jtext + off - rec))
			break;			/* cut short: the rest unread */
		if ((e = index_find(st, f[0])) == NULL)
			for (j = nsnap; j < st->n && e == NULL; j++)
				if (!st->v[j].drop &&
				    strcmp(st->v[j].file, f[0]) == 0)
					e = &st->v[j];
		if (strcmp(f[3], "dropped") == 0) {
			if (e)
				e->drop = dropped = 1;
		} else if (record_ok(f)) {
			if (e == NULL || strcmp(e->uid, f[1]) != 0 ||
			    strcmp(e->id, f[2]) != 0) {
				if (e)
					e->drop = dropped = 1;
				e = vd_entry_add(st, f[0], f[1], f[2]);
			}
			record_take(e, f, base, n, rec, st->jtext + off - rec);
		}
		off += 18;
		st->jvalid = off;
		st->jrecs++;
	}
	free(line);
	free(st->ix);
	st->ix = NULL;
	st->nix = 0;
	if (st->n == nsnap && !dropped)
		return;
	/* as a state written whole would have them: none dropped, by file */
	for (i = j = 0; i < st->n; i++)
		if (st->v[i].drop) {
			free(st->v[i].file);
			free(st->v[i].uid);
			free(st->v[i].id);
			free(st->v[i].want);
		} else
			st->v[j++] = st->v[i];
	st->n = j;
	qsort(st->v, st->n, sizeof *st->v, entry_cmp);
}

void
vd_state_load(struct vstate *st)
{
	const char *text, *base;
	char *p, *line = NULL, *f[7];
	size_t len, n, off = 0, cap = 0, start;

	p = state_path(st, "state");
	text = st->map = map_state(p, &len);
	st->maplen = len;
	free(p);
	while (text && off < len) {
		start = off;
		if (!record_get(text, len, &off, &line, &cap, f, &base, &n))
			break;			/* torn: the rest forgotten */
		if (start == 0 && strcmp(f[0], ".") == 0)
			st->gen = strtoull(f[1], NULL, 10);
		else if (record_ok(f))
			record_take(vd_entry_add(st, f[0], f[1], f[2]), f, base,
			    n, text + start, off - start);
	}
	free(line);
	if (st->gen)
		journal_load(st);
	st->dirty = 0;
}

/* Entry e's record as it is now, added to b. */
static void
record_put(struct buf *b, const struct ventry *e)
{
	const char *base = e->want && !e->deleted ? e->want : e->base;
	size_t blen = e->want && !e->deleted ? e->wlen : e->blen;

	buf_printf(b, "%s\t%s\t%s\t%s\t%zu\t%s\t%s\n", e->file, e->uid, e->id,
	    e->deleted ? "deleted" : "", base ? blen : 0, e->cst, e->vst);
	if (base)
		buf_add(b, base, blen);
	buf_puts(b, "\n");
}

static int
write_all(int fd, const char *s, size_t len)
{
	ssize_t r;

	for (; len; s += r, len -= r)
		if ((r = write(fd, s, len)) == -1 && errno != EINTR)
			return -1;
		else if (r == -1)
			r = 0;
	return 0;
}

/*
 * The changed records appended to the journal (j, with their checksums),
 * made durable: 0, or -1 when the state must be written whole.
 */
static int
journal_append(struct vstate *st, const struct buf *j)
{
	struct buf h = { 0 };
	char *p;
	int fd, ok;

	p = state_path(st, "journal");
	fd = open(p, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	free(p);
	if (fd == -1)
		return -1;
	if (st->jvalid == 0) {		/* none that goes with this state */
		buf_printf(&h, "nw-vdir journal\t%llu\n", st->gen);
		st->jvalid = h.len;
	}
	/* a record cut short, and what follows it, written over */
	ok = ftruncate(fd, h.len ? 0 : (off_t)st->jvalid) == 0 &&
	    lseek(fd, 0, SEEK_END) != -1 &&
	    (h.len == 0 || write_all(fd, h.s, h.len) == 0) &&
	    write_all(fd, j->s, j->len) == 0 && fsync(fd) == 0;
	free(h.s);
	if (close(fd) == -1)
		ok = 0;
	if (h.len)
		vd_sync_dir(st->sdir);
	return ok ? 0 : -1;
}

/* The state, once both sides are written; only when it changed. */
void
vd_state_save(struct vstate *st)
{
	struct buf b = { 0 }, j = { 0 };
	struct ventry *e;
	size_t i, start, nchg = 0;
	char *p, cs[96], vs[96];
	int exists;

	for (i = 1; i < st->n && entry_cmp(&st->v[i - 1], &st->v[i]) <= 0; i++)
		;
	if (i < st->n)
		qsort(st->v, st->n, sizeof *st->v, entry_cmp);
	/* the stamps now, and the records that changed */
	buf_puts(&j, "");
	for (i = 0; i < st->n; i++) {
		e = &st->v[i];
		if (e->drop) {
			if (e->rec) {		/* forgotten */
				start = j.len;
				buf_printf(&j, "%s\t%s\t%s\tdropped\t0\t\t\n\n",
				    e->file, e->uid, e->id);
				buf_printf(&j, "#%016llx\n", (unsigned long long)
				    fnv64(j.s + start, j.len - start));
				nchg++;
			}
			continue;
		}
		/* skipped: stamped at the start of the run, the same still */
		if (e->skip)
			continue;
		if (strcmp(e->id, "event") != 0) {
			stamp_put(st, contact_stamp(st, e->id), cs);
			stamp_put(st, card_stamp(st, e->file), vs);
			if (e->want == NULL)
				cs[0] = vs[0] = '\0';	/* not looked at */
			snprintf(e->cst, sizeof e->cst, "%s", cs);
			snprintf(e->vst, sizeof e->vst, "%s", vs);
		}
		start = j.len;
		record_put(&j, e);
		if (e->rec && j.len - start == e->rlen &&
		    memcmp(j.s + start, e->rec, e->rlen) == 0) {
			j.len = start;		/* the same */
			continue;
		}
		buf_printf(&j, "#%016llx\n", (unsigned long long)
		    fnv64(j.s + start, j.len - start));
		nchg++;
	}
	p = state_path(st, "state");
	exists = access(p, F_OK) == 0;
	if (nchg == 0 && exists)
		goto done;
	if (exists && st->gen && st->jvalid + j.len <= (st->maplen / 8 >
	    JOURNAL_MIN ? st->maplen / 8 : JOURNAL_MIN) &&
	    journal_append(st, &j) == 0)
		goto done;
	/*
	 * The state whole, of the next generation; the journal no more.  A
	 * state made anew counts from 1 again: a journal left from before
	 * goes first, so that none can ever be taken for its.
	 */
	if (!exists) {
		free(p);
		p = state_path(st, "journal");
		if (unlink(p) == 0)
			vd_sync_dir(st->sdir);
		else if (errno != ENOENT)
			warn("'%s'", p);
		free(p);
		p = state_path(st, "state");
	}
	buf_puts(&b, "");
	buf_printf(&b, ".\t%llu\t\t\t0\t\t\n\n", st->gen + 1);
	for (i = 0; i < st->n; i++)
		if (!st->v[i].drop)
			record_put(&b, &st->v[i]);
	if (safe_write(net_tmpdir(st->net), p, b.s, b.len,
	    exists ? 0 : SW_CREATE) == -1)
		st->failed = 1;
	else {
		free(p);
		p = state_path(st, "journal");
		if (unlink(p) == -1 && errno != ENOENT)
			warn("'%s'", p);
	}
done:
	free(p);
	free(b.s);
	free(j.s);
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
	f->replace = !unlisted(st, file) &&
	    (lstat(f->path, &sb) == 0 || errno != ENOENT);
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
	if (!unlisted(st, file) && lstat(p, &sb) == 0 &&
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

void
vd_state_free(struct vstate *st)
{
	size_t i;

	for (i = 0; i < st->n; i++) {
		free(st->v[i].file);
		free(st->v[i].uid);
		free(st->v[i].id);
		free(st->v[i].want);
	}
	free(st->v);
	free(st->ix);
	if (st->map)
		munmap(st->map, st->maplen);
	if (st->jtext)
		munmap(st->jtext, st->jlen);
	strv_free(&st->files);
	free(st->fst);
	free(st->fok);
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

/* FNV-1a: where an id goes in net_all's table. */
static size_t
id_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (size_t)(h ^ (h >> 32));
}

/*
 * The contacts by id in a table of twice as many slots (each the index +
 * 1, 0 when free, the next slot taken after one in use): the state's
 * cards come in the order of their files, not of the ids.
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

static size_t
net_index(struct net_all *a, const char *id)
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
		a->c[i] = contact_load(a->net, a->ids[i], C_STRUCT | C_KEYS);
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
	contacts_load(a->net, ids, NULL, n, C_STRUCT | C_KEYS, whole_keep,
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
		u = vdir_uid(a->ids[i]);
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
 * when asked for (vd_net_sums).
 */
void
vd_net_all_load(struct net *net, struct net_all *a)
{
	a->net = net;
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

/* The members of community c: the people whose groups name it. */
static void
members_of(struct net_all *a, struct contact *c, struct strv *m)
{
	size_t i, j;

	vd_net_sums(a);
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

struct wpass {
	struct vstate	*st;
	struct net_all	*a;
	struct pending	*pd;
	struct strv	 members;
	size_t		*job, *ent;	/* contacts to write (in a), entries */
	size_t		 njob, next;
};

static int
bystr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The MEMBER values of card s[0..len), unfolded, sorted: the records
 * leave them out, so a community's members are compared here.
 */
static void
card_members(const char *s, size_t len, struct strv *m)
{
	const char *end = s + len, *p, *nl, *name;
	struct buf b = { 0 };

	for (p = s; p < end; p = nl) {
		buf_add(&b, "", 0);
		b.len = 0;
		for (nl = p;; ) {
			const char *e = memchr(nl, '\n', end - nl);
			size_t n = (e ? e : end) - nl;

			if (n > 0 && nl[n - 1] == '\r')
				n--;
			buf_add(&b, nl, n);
			nl = e ? e + 1 : end;
			if (nl >= end || (*nl != ' ' && *nl != '\t'))
				break;
			nl++;		/* a folded line goes on */
		}
		b.s[b.len] = '\0';
		name = b.s + strcspn(b.s, ";:");
		while (name > b.s && name[-1] != '.')
			name--;
		if (strncasecmp(name, "MEMBER", 6) == 0 &&
		    (name[6] == ':' || name[6] == ';') &&
		    strchr(name, ':') != NULL)
			strv_add(m, strchr(name, ':') + 1);
	}
	free(b.s);
	if (m->n > 1)
		qsort(m->v, m->n, sizeof *m->v, bystr);
}

/* Whether cards a and b name the same members. */
static int
same_members(const char *a, size_t alen, const char *b, size_t blen)
{
	struct strv m[2] = { { 0 }, { 0 } };
	size_t i;
	int same;

	card_members(a, alen, &m[0]);
	card_members(b, blen, &m[1]);
	same = m[0].n == m[1].n;
	for (i = 0; same && i < m[0].n; i++)
		same = strcasecmp(m[0].v[i], m[1].v[i]) == 0;
	strv_free(&m[0]);
	strv_free(&m[1]);
	return same;
}

/*
 * Contact c (whole) as the vdir should have it, entry e: staged when
 * missing; when nw's card changed, unless the vdir's says all of it
 * already (a phone's edit just taken: its card, photo and all, stays);
 * else when it says other than nw on a key it carries (nw's kept on both
 * sides).
 */
static void
write_one(struct wpass *w, struct ventry *e, struct contact *c)
{
	struct vstate *st = w->st;
	struct rec rv, rw;
	size_t len;
	char *s;
	int write, fresh;

	if (c->err)
		return;
	strv_free(&w->members);
	if (c->type == T_COMMUNITY)
		members_of(w->a, c, &w->members);
	want_card(e, c, &w->members);
	fresh = e->base == NULL || e->blen != e->wlen ||
	    memcmp(e->base, e->want, e->wlen) != 0;
	write = 0;
	if ((s = vd_read(st, e->file, &len)) == NULL)
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
		/* a community's members are nw's alone */
		if (!write && fresh && c->type == T_COMMUNITY)
			write = !same_members(s, len, e->want, e->wlen);
		rec_free(&rv);
	}
	free(s);
	if (write && vd_stage(st, w->pd, e->file, e->want, e->wlen) == 0)
		st->run->nwritten++;
	else if (write)
		st->failed = 1;
}

/*
 * The jobs from the next on whose contacts were loaded whole already (by
 * the first pass), up to the one of contact k; all that are left when k
 * is (size_t)-1.
 */
static void
write_loaded(struct wpass *w, size_t k)
{
	size_t i;

	for (; w->next < w->njob && (i = w->job[w->next]) != k; w->next++)
		if (w->a->c[i] != NULL)
			write_one(w, &w->st->v[w->ent[w->next]], w->a->c[i]);
}

struct wtake {
	struct net_all	*a;
	const size_t	*ks;
	size_t		 j;
	struct wpass	*w;
};

/*
 * Contact ks[j] loaded whole: the jobs before it written, then it, which
 * is freed: the cards are written in the order of the ids, and no more
 * contacts are whole at once than the cores have ahead.
 */
static void
write_take(struct contact *c, void *arg)
{
	struct wtake *wk = arg;
	struct wpass *w = wk->w;
	size_t k = wk->ks[wk->j++];

	write_loaded(w, k);
	if (w->next < w->njob) {
		write_one(w, &w->st->v[w->ent[w->next]], c);
		w->next++;
	}
	contact_free(c);
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
	struct wtake wk = { 0 };
	struct ventry *e;
	struct contact *c;
	char real[PATH_MAX], *s, **ids;
	size_t i, k, len, nent, nchanged0, npulled, *ks, nk, *ent;
	char *seen;
	int netsame;
	char cs[96], vs[96];
	int wrote = 0, failed;

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
		if ((k = net_index(&a, st.v[i].id)) == (size_t)-1) {
			netsame = 0;
			break;
		}
		stamp_put(&st, &a.st[k], cs);
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
		if ((k = net_index(&a, e->id)) == (size_t)-1 ||
		    (a.s && a.s[k]->err)) {
			e->live = k != (size_t)-1;	/* unreadable: left alone */
			continue;
		}
		e->live = 1;
		if (!e->deleted && e->base && e->cst[0] && e->vst[0] &&
		    (netsame || a.s[k]->type != T_COMMUNITY) &&
		    !inlist(&run->restore, e->id)) {
			stamp_put(&st, &a.st[k], cs);
			stamp_put(&st, card_stamp(&st, e->file), vs);
			if (strcmp(cs, e->cst) == 0 && strcmp(vs, e->vst) == 0) {
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
	free(ent);

	vm_pull_write(&st, changed);
	/* cards nw did not write: new contacts, or ones it knows */
	npulled = changed->n;
	index_build(&st, 1);
	for (i = 0; i < st.files.n; i++) {
		if (index_find(&st, st.files.v[i]))
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
		vd_net_all_load(net, &a);
	} else
		for (i = nchanged0; i + 1 < changed->n; i += 2)
			if ((k = net_index(&a, changed->v[i])) != (size_t)-1) {
				contact_free(a.c[k]);
				a.c[k] = NULL;
			}
	/* each contact's entry, by the table of ids (one not dropped) */
	ent = xcalloc(a.n ? a.n : 1, sizeof *ent);
	for (i = 0; i < st.n; i++)
		if (!st.v[i].drop && (k = net_index(&a, st.v[i].id)) !=
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
		if (a.s && a.s[i]->err)
			continue;
		if (ent[i] == 0) {
			s = vdir_uid(a.ids[i]);
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
	wk.a = &a;
	wk.ks = ks;
	wk.j = 0;
	wk.w = &w;
	ids = xcalloc(nk ? nk : 1, sizeof *ids);
	for (i = 0; i < nk; i++)
		ids[i] = a.ids[ks[i]];
	contacts_load(net, ids, NULL, nk, C_STRUCT | C_KEYS, write_take, &wk);
	write_loaded(&w, (size_t)-1);
	free(ids);
	free(ks);
	free(ent);
	free(w.job);
	free(w.ent);
	strv_free(&w.members);
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
	strv_free(&members);
	failed = st.failed;
	vd_state_free(&st);
	return failed;
}
