/* vstate.c - nw-vdir's state under .nw/vdir: the cards nw wrote, stamps */

#include <sys/mman.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"
#include "vdir.h"

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ventry *)a)->file,
	    ((const struct ventry *)b)->file);
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

void
vs_stamp_put(const struct vstate *st, const struct stamp *s, char out[96])
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

/* The stamp of contact id's file when the run read the network, or NULL. */
static const struct stamp *
contact_stamp(const struct vstate *st, const char *id)
{
	size_t k;

	if (st->all == NULL || (k = vd_net_index(st->all, id)) == (size_t)-1)
		return NULL;
	return &st->all->st[k];
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
 * (the base written last, see the top of vdir.c).  When the journal would grow
 * past an eighth of the state (or JOURNAL_MIN for a small one), the
 * state is written again, with the next generation, and the journal
 * removed.
 */

#define JOURNAL_MIN	65536

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
	vd_index_build(st, 1);
	while (off < len) {
		rec = st->jtext + off;
		if (!record_get(st->jtext, len, &off, &line, &cap, f, &base,
		    &n) || len - off < 18 || st->jtext[off] != '#' ||
		    st->jtext[off + 17] != '\n')
			break;
		sum = strtoull(st->jtext + off + 1, &end, 16);
		if (end != st->jtext + off + 17 ||
		    sum != hash64(rec, st->jtext + off - rec))
			break;			/* cut short: the rest unread */
		if ((e = vd_index_find(st, f[0])) == NULL)
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
	if (st->n > 1)
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

	char n[32];

	/* "%s\t%s\t%s\t%s\t%zu\t%s\t%s\n", without printf's cost a field */
	snprintf(n, sizeof n, "\t%zu\t", base ? blen : 0);
	buf_puts(b, e->file);
	buf_add(b, "\t", 1);
	buf_puts(b, e->uid);
	buf_add(b, "\t", 1);
	buf_puts(b, e->id);
	buf_add(b, "\t", 1);
	buf_puts(b, e->deleted ? "deleted" : "");
	buf_puts(b, n);
	buf_puts(b, e->cst);
	buf_add(b, "\t", 1);
	buf_puts(b, e->vst);
	buf_add(b, "\n", 1);
	if (base)
		buf_add(b, base, blen);
	buf_puts(b, "\n");
}

/*
 * The changed records appended to the journal (j, with their checksums),
 * made durable (safe_append): 0, or -1 when the state must be written
 * whole.
 */
static int
journal_append(struct vstate *st, const struct buf *j)
{
	struct buf h = { 0 };
	char *p;
	int r;

	if (st->jvalid == 0)		/* none that goes with this state */
		buf_printf(&h, "nw-vdir journal\t%llu\n", st->gen);
	buf_add(&h, j->s, j->len);
	p = state_path(st, "journal");
	/* a record cut short, and what follows it, written over */
	r = safe_append(p, st->jvalid, h.s, h.len);
	free(p);
	free(h.s);
	return r;
}

/*
 * What the state says now, made once (state_build): the records that
 * changed for the journal while it may take them, else the state whole
 * (a first run's, one that changed many), each record once.
 */
struct vsave {
	struct buf	 b, j;		/* the state whole, or the journal's */
	int		 exists;	/* there is a state */
	int		 whole;		/* b, not j */
	size_t		 nchg;		/* records changed */
	char		*tmp;		/* b written already (vd_state_early) */
};

/* The state whole, of the next generation, into sv->b. */
static void
state_whole(struct vstate *st, struct vsave *sv)
{
	size_t i;

	sv->whole = 1;
	buf_puts(&sv->b, "");
	sv->b.len = 0;
	buf_printf(&sv->b, ".\t%llu\t\t\t0\t\t\n\n", st->gen + 1);
	for (i = 0; i < st->n; i++)
		if (!st->v[i].drop)
			record_put(&sv->b, &st->v[i]);
}

/* The save made, or not: a temporary file left unnamed removed. */
static void
vsave_free(struct vstate *st)
{
	struct vsave *sv = st->save;

	if (sv == NULL)
		return;
	if (sv->tmp)
		unlink(sv->tmp);
	free(sv->tmp);
	free(sv->b.s);
	free(sv->j.s);
	free(sv);
	st->save = NULL;
}

static void
state_build(struct vstate *st)
{
	struct vsave *sv;
	struct ventry *e;
	size_t i, start, room;
	char *p, cs[96], vs[96];

	st->save = sv = xcalloc(1, sizeof *sv);
	for (i = 1; i < st->n && entry_cmp(&st->v[i - 1], &st->v[i]) <= 0; i++)
		;
	if (i < st->n)
		qsort(st->v, st->n, sizeof *st->v, entry_cmp);
	/* the stamps now, and the records that changed */
	p = state_path(st, "state");
	sv->exists = access(p, F_OK) == 0;
	free(p);
	room = !sv->exists || !st->gen ? 0 : (st->maplen / 8 > JOURNAL_MIN ?
	    st->maplen / 8 : JOURNAL_MIN);
	room = room > st->jvalid ? room - st->jvalid : 0;
	sv->whole = room == 0;
	buf_puts(&sv->j, "");
	for (i = 0; i < st->n; i++) {
		e = &st->v[i];
		if (e->drop) {
			if (e->rec && !sv->whole) {		/* forgotten */
				start = sv->j.len;
				buf_printf(&sv->j, "%s\t%s\t%s\tdropped\t0\t\t\n\n",
				    e->file, e->uid, e->id);
				buf_printf(&sv->j, "#%016llx\n",
				    (unsigned long long)hash64(sv->j.s + start,
				    sv->j.len - start));
				sv->whole = sv->j.len > room;
			}
			sv->nchg += e->rec != NULL;
			continue;
		}
		/* skipped: stamped at the start of the run, the same still */
		if (e->skip)
			continue;
		if (strcmp(e->id, "event") != 0) {
			vs_stamp_put(st, contact_stamp(st, e->id), cs);
			vs_stamp_put(st, vd_card_stamp(st, e->file), vs);
			if (e->want == NULL)
				cs[0] = vs[0] = '\0';	/* not looked at */
			snprintf(e->cst, sizeof e->cst, "%s", cs);
			snprintf(e->vst, sizeof e->vst, "%s", vs);
		}
		if (!sv->exists) {	/* written whole, nothing to compare */
			sv->nchg++;
			continue;
		}
		start = sv->j.len;
		record_put(&sv->j, e);
		if (e->rec && sv->j.len - start == e->rlen &&
		    memcmp(sv->j.s + start, e->rec, e->rlen) == 0) {
			sv->j.len = start;		/* the same */
			continue;
		}
		sv->nchg++;
		if (sv->whole) {	/* only counted */
			sv->j.len = start;
			continue;
		}
		buf_printf(&sv->j, "#%016llx\n", (unsigned long long)
		    hash64(sv->j.s + start, sv->j.len - start));
		sv->whole = sv->j.len > room;
	}
	if (sv->whole && (sv->nchg || !sv->exists))
		state_whole(st, sv);
}

/*
 * The state as it will be saved, made before the cards are put in place
 * (nothing in the entries changes after), and when it is written whole,
 * its bytes written to a temporary file while the last cards are synced:
 * their syncfs makes it durable too, so that vd_state_save has only to
 * name it.  Without it (or when it fails) vd_state_save does it all.
 */
void
vd_state_early(struct vstate *st)
{
	struct vsave *sv;

	if (st->save == NULL)
		state_build(st);
	sv = st->save;
	if (sv->b.len && sv->tmp == NULL)
		sv->tmp = safe_put_new(net_tmpdir(st->net), sv->b.s,
		    sv->b.len);
}

/* The state, once both sides are written; only when it changed. */
void
vd_state_save(struct vstate *st)
{
	struct vsave *sv;
	char *p;

	if (st->save == NULL)
		state_build(st);
	sv = st->save;
	if (sv->nchg == 0 && sv->exists)
		goto done;
	if (!sv->whole && journal_append(st, &sv->j) == 0)
		goto done;
	if (!sv->whole)		/* the journal failed: the state whole */
		state_whole(st, sv);
	/*
	 * The state whole, of the next generation; the journal no more.  A
	 * state made anew counts from 1 again: a journal left from before
	 * goes first, so that none can ever be taken for its.
	 */
	if (!sv->exists) {
		p = state_path(st, "journal");
		if (unlink(p) == -1) {
			if (errno != ENOENT)
				warn("'%s'", p);
		} else if (syncdir(st->sdir) == -1) {
			/* it might come back: no state it could be taken for */
			warn("'%s': removed, but not for sure: fsync of '%s'; "
			    "the state is not written", p, st->sdir);
			st->failed = 1;
			free(p);
			goto done;
		}
		free(p);
	}
	p = state_path(st, "state");
	if (sv->tmp && safe_put_done(sv->tmp, p, sv->exists ? 0 :
	    SW_CREATE) != -1)
		;
	else if (safe_write(net_tmpdir(st->net), p, sv->b.s, sv->b.len,
	    sv->exists ? 0 : SW_CREATE) == -1) {
		st->failed = 1;
		free(p);
		goto done;
	}
	free(sv->tmp);
	sv->tmp = NULL;
	free(p);
	p = state_path(st, "journal");
	if (unlink(p) == -1 && errno != ENOENT)
		warn("'%s'", p);
	free(p);
done:
	vsave_free(st);
}

void
vd_state_free(struct vstate *st)
{
	size_t i;

	vsave_free(st);
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
