/* vwrite.c - nw-vdir's write pass: nw's cards staged, then written at once */

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"
#include "vdir.h"

/* --- the vdir's files: cards staged, written at once ---------------------- */

/*
 * Cards to write, a window at a time by safe_create_all: each to a
 * temporary file (in the vdir, where a killed run's are removed by the
 * next), all synced together, then each renamed to its name, then one
 * fsync of the folder: a crash leaves each card old or new.  A new
 * card's temporary file is written where its card is made, on any core
 * (vd_write_all); the window is synced and named on a thread of its own
 * while the next cards are made.
 */

/*
 * Card s[0..len) to be written as file; tmp its temporary file in the
 * vdir when it was written already (safe_put_new: a card where the vdir
 * had none), else NULL.
 */
static void
stage(struct vstate *st, struct pending *pd, const char *file,
    const char *s, size_t len, char *tmp)
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
	if ((f->tmp = tmp) != NULL) {
		f->syncfd = pd->syncfd;
		return;
	}
	/* a new card: a file with no name until it is whole (O_TMPFILE) */
	f->replace = !vd_unlisted(st, file) &&
	    (lstat(f->path, &sb) == 0 || errno != ENOENT);
}

/* Card s[0..len) to be written as file; s must live until vd_commit. */
void
vd_stage(struct vstate *st, struct pending *pd, const char *file,
    const char *s, size_t len)
{
	stage(st, pd, file, s, len, NULL);
}

/*
 * A window of staged cards made durable and put in place on a thread of
 * its own, while the main thread goes on taking the next (and making
 * them when it has nothing to take): its syncfs is a wait for the disk.
 */
struct flusher {
	pthread_t	 th;
	int		 th_started;
	const char	*dir;
	struct newfile	*v;		/* a copy of the window's */
	size_t		 n;
	int		 bad;
};

static void *
flusher_run(void *p)
{
	struct flusher *f = p;

	f->bad = safe_create_all(f->dir, f->v, f->n);
	return NULL;
}

/* The window on its thread done: what failed said, counted, freed. */
static void
flusher_end(struct pending *pd)
{
	struct flusher *f = pd->fl;
	size_t i;

	if (f == NULL)
		return;
	if (f->th_started)
		pthread_join(f->th, NULL);
	pd->bad += f->bad;
	for (i = 0; i < f->n; i++) {
		if (f->v[i].err) {
			errno = f->v[i].err;
			warn("'%s': %s", f->v[i].path, f->v[i].what);
		}
		free((char *)f->v[i].path);
	}
	free(f->v);
	free(f);
	pd->fl = NULL;
}

/*
 * The cards staged since the last flush made durable, then put in place:
 * on a thread when wait is 0 (the one before done first), else here.
 */
static void
flush(struct vstate *st, struct pending *pd, int wait)
{
	struct flusher *f;
	size_t n = pd->n - pd->ndone;

	flusher_end(pd);
	if (n == 0)
		return;
	f = xcalloc(1, sizeof *f);
	f->dir = st->dir;
	f->n = n;
	f->v = xcalloc(n, sizeof *f->v);
	memcpy(f->v, pd->v + pd->ndone, n * sizeof *f->v);
	pd->ndone = pd->n;
	pd->fl = f;
	if (!wait && pthread_create(&f->th, NULL, flusher_run, f) == 0)
		f->th_started = 1;
	else
		flusher_run(f);
	if (wait)
		flusher_end(pd);
}

/* The staged cards durable, then in place; the number that failed. */
int
vd_commit(struct vstate *st, struct pending *pd)
{
	int bad;

	flush(st, pd, 1);
	bad = pd->bad;
	free(pd->v);
	if (pd->hasfd)
		close(pd->syncfd);
	memset(pd, 0, sizeof *pd);
	return bad;
}

/* Contact c's card as nw writes it to the vdir, under uid. */
void
vd_want_card(struct ventry *e, struct contact *c, const struct strv *members)
{
	struct buf b = { 0 }, u = { 0 }, l = { 0 };
	char *at, *end;

	vcard_write(&b, c, 4, members);
	/*
	 * the card's UID line made again with the entry's UID (a card the
	 * vdir had keeps its own): the card's own unless they differ, which
	 * costs no second UUID a card
	 */
	if ((at = strstr(b.s, "\r\nUID:")) != NULL &&
	    (end = strstr(at + 2, "\r\n")) != NULL) {
		vc_line(&l, "UID", e->uid);
		if (l.len != (size_t)(end + 2 - (at + 2)) ||
		    memcmp(l.s, at + 2, l.len) != 0) {
			buf_add(&u, b.s, at + 2 - b.s);
			buf_add(&u, l.s, l.len);
			buf_puts(&u, end + 2);
			free(b.s);
			b = u;
		}
		free(l.s);
	}
	free(e->want);
	e->want = b.s;
	e->wlen = b.len;
}

/* The members of community c: the people whose groups name it. */
void
vd_members_of(struct net_all *a, struct contact *c, struct strv *m)
{
	size_t i, j;

	vd_net_sums(a);
	for (i = 0; i < a->n; i++) {
		if (a->s[i]->lib->err || a->s[i]->type == T_COMMUNITY)
			continue;
		for (j = 0; j < a->s[i]->lib->groups.n; j++)
			if (contact_names(c, a->s[i]->lib->groups.v[j])) {
				strv_add(m, a->s[i]->id);
				break;
			}
	}
}

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
int
vd_same_members(const char *a, size_t alen, const char *b, size_t blen)
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
 * Contact c (whole) as the vdir should have it, entry e (its card made
 * already when made): staged when
 * missing; when nw's card changed, unless the vdir's says all of it
 * already (a phone's edit just taken: its card, photo and all, stays);
 * else when it says other than nw on a key it carries (nw's kept on both
 * sides).
 */
static void
write_one(struct wpass *w, struct ventry *e, struct contact *c, int made)
{
	struct vstate *st = w->st;
	struct rec rv, rw;
	size_t len;
	char *s;
	int write, fresh;

	if (c->lib->err)
		return;
	if (!made) {
		strv_free(&w->members);
		if (c->type == T_COMMUNITY)
			vd_members_of(w->a, c, &w->members);
		vd_want_card(e, c, &w->members);
	}
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
		/*
		 * a community's members are nw's alone: the vdir's card
		 * rewritten when it names others, changed or not since
		 */
		if (!write && c->type == T_COMMUNITY)
			write = !vd_same_members(s, len, e->want, e->wlen);
		rec_free(&rv);
	}
	free(s);
	if (write) {
		vd_stage(st, w->pd, e->file, e->want, e->wlen);
		st->run->nwritten++;
	}
}

/*
 * The jobs from the next on whose contacts were loaded whole already (by
 * the first pass), up to the one of contact k; all that are left when k
 * is (size_t)-1.
 */
void
vd_write_loaded(struct wpass *w, size_t k)
{
	size_t i;

	for (; w->next < w->njob && (i = w->job[w->next]) != k; w->next++)
		if (w->a->c[i] != NULL)
			write_one(w, &w->st->v[w->ent[w->next]], w->a->c[i],
			    0);
}

#define FLUSH	1024	/* cards written, then synced and named at once */

/*
 * The contacts not loaded yet, ks[0..n) (in the order of the jobs), each
 * loaded and its card made on every core; a card the vdir has no file of
 * (listed none) is written there too, to a temporary file, and the
 * contact freed at once.  Then each is taken here in order, with the jobs
 * the first pass loaded before it: staged (vd_commit syncs and names the
 * written ones) or compared with the vdir's (write_one).
 */
struct wall {
	struct wpass	*w;
	const size_t	*ks;
	size_t		*job;		/* ks[j]'s job */
	struct contact	**c;
	char		**tmp;		/* its card written, or NULL */
	char		*lone;		/* the vdir has no file of it */
	char		*made;		/* its card made (e->want) */
};

static void
wall_load(void *arg, size_t j)
{
	struct wall *wa = arg;
	struct wpass *w = wa->w;
	struct ventry *e = &w->st->v[w->ent[wa->job[j]]];
	struct contact *c;

	c = contact_load(w->a->net, w->a->ids[wa->ks[j]], w->a->whole);
	wa->c[j] = c;
	/* a community's members need the others: made when taken */
	if (c->lib->err || c->type == T_COMMUNITY)
		return;
	vd_want_card(e, c, NULL);
	wa->made[j] = 1;
	if (!wa->lone[j])
		return;
	if ((wa->tmp[j] = safe_put_new(w->st->dir, e->want, e->wlen)) == NULL)
		return;		/* written again the slow way, said there */
	contact_free(c);
	wa->c[j] = NULL;
}

static void
wall_take(void *arg, size_t j)
{
	struct wall *wa = arg;
	struct wpass *w = wa->w;
	struct ventry *e;

	vd_write_loaded(w, wa->ks[j]);
	if (w->next >= w->njob)		/* cannot be: each is a job's */
		return;
	e = &w->st->v[w->ent[w->next]];
	if (wa->tmp[j]) {
		/* what write_one does of a card the vdir has not */
		stage(w->st, w->pd, e->file, e->want, e->wlen, wa->tmp[j]);
		w->st->run->nwritten++;
		/* put in place while the next are made: a shorter tail */
		if (w->pd->n - w->pd->ndone >= FLUSH)
			flush(w->st, w->pd, 0);
	} else
		write_one(w, e, wa->c[j], wa->made[j]);
	w->next++;
	contact_free(wa->c[j]);
	wa->c[j] = NULL;
}

void
vd_write_all(struct wpass *w, const size_t *ks, size_t n)
{
	struct wall wa = { 0 };
	struct ventry *e;
	size_t j, q;

	wa.w = w;
	wa.ks = ks;
	wa.job = xcalloc(n ? n : 1, sizeof *wa.job);
	wa.c = xcalloc(n ? n : 1, sizeof *wa.c);
	wa.tmp = xcalloc(n ? n : 1, sizeof *wa.tmp);
	wa.lone = xcalloc(n ? n : 1, 1);
	wa.made = xcalloc(n ? n : 1, 1);
	for (j = 0, q = w->next; j < n; j++) {
		while (q < w->njob && w->job[q] != ks[j])
			q++;
		if (q == w->njob)
			errx(1, "vd_write_all: contact %zu has no job", ks[j]);
		wa.job[j] = q;
		e = &w->st->v[w->ent[q]];
		wa.lone[j] = vd_unlisted(w->st, e->file);
	}
	/* its syncfs says what went wrong since (safe_create_all) */
	if (!w->pd->hasfd && (w->pd->syncfd = open(w->st->dir, O_RDONLY |
	    O_DIRECTORY | O_CLOEXEC)) != -1)
		w->pd->hasfd = 1;
	if (!w->pd->hasfd)
		memset(wa.lone, 0, n ? n : 1);
	cores_run(n, wall_load, wall_take, &wa);
	free(wa.job);
	free(wa.c);
	free(wa.tmp);
	free(wa.lone);
	free(wa.made);
}
