/* capture.c - log entries found in mail and calendars, once each */

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * A capture (nw-mail, nw-cal) reads messages or events, finds the
 * contacts in them by email, and keeps what each would log.  The log
 * gets one entry a contact, day and direction: the earliest of that day
 * (by time, then Message-ID or UID), so that two runs, or two machines,
 * write the same bytes; change_log_new leaves out what is logged already.
 */

struct addr {
	char		*email;		/* folded */
	struct contact	*c;
};


static int
addrcmp(const void *a, const void *b)
{
	const struct addr *x = a, *y = b;
	int d = strcmp(x->email, y->email);

	return d ? d : strcmp(x->c->id, y->c->id);
}

static void
capture_init(struct capture *cp, struct net *net, const struct strv *me)
{
	struct contact **all;
	size_t n, i, j;

	memset(cp, 0, sizeof *cp);
	cp->net = net;
	cp->today = date_today();
	cp->refs.net = net;
	for (i = 0; i < me->n; i++) {
		char *f = utf8_fold(me->v[i]);

		strv_add(&cp->me, f);
		free(f);
	}
	all = refs_all(&cp->refs, &n);
	for (i = 0; i < n; i++)
		for (j = 0; all[i]->lib->err == NULL && j < all[i]->email.n;
		    j++) {
			if (cp->naddr % 64 == 0)
				cp->addr = xrealloc(cp->addr, (cp->naddr + 64) *
				    sizeof *cp->addr);
			cp->addr[cp->naddr].email =
			    utf8_fold(all[i]->email.v[j]);
			cp->addr[cp->naddr++].c = all[i];
		}
	if (cp->naddr)
		qsort(cp->addr, cp->naddr, sizeof *cp->addr, addrcmp);
}

/* A capture for net; me: my addresses; received: log what contacts sent. */
struct capture *
capture_new(struct net *net, const struct strv *me, int received)
{
	struct capture *cp = xmalloc(sizeof *cp);

	capture_init(cp, net, me);
	cp->received = received;
	return cp;
}

/* Is this address (folded) mine? */
int
capture_isme(struct capture *cp, const char *email)
{
	return strv_has(&cp->me, email);
}

/*
 * The k-th contact whose email is this address (folded), or NULL: an
 * address two contacts share (nw-check warns of it) names both.
 */
struct contact *
capture_who(struct capture *cp, const char *email, size_t k)
{
	size_t lo = 0, hi = cp->naddr, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(cp->addr[mid].email, email) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	lo += k;
	if (lo < cp->naddr && strcmp(cp->addr[lo].email, email) == 0)
		return cp->addr[lo].c;
	return NULL;
}

/*
 * A text from a message or an event as a log entry holds it: control
 * characters and runs of blanks made one space; NULL when empty or not
 * UTF-8 (a header's raw bytes in no charset said).
 */
static char *
clean(const char *s)
{
	char *t, *p, *n;

	if (s == NULL)
		return NULL;
	t = xstrdup(s);
	for (p = t; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	n = utf8_squeeze(t);
	free(t);
	if (*n == '\0' || !utf8_valid(n, strlen(n), NULL)) {
		free(n);
		return NULL;
	}
	return n;
}

/* What contact c would log: the entry of day date, in or out. */
void
capture_add(struct capture *cp, struct contact *c, int date, int in,
    long long when, const char *key, const char *note)
{
	struct catch *k;

	if (cp->n == cp->cap) {
		cp->cap = cp->cap ? cp->cap * 2 : 64;
		cp->v = xrealloc(cp->v, cp->cap * sizeof *cp->v);
	}
	k = &cp->v[cp->n++];
	k->c = c;
	k->date = date;
	k->in = in;
	k->when = when;
	k->key = clean(key);
	k->note = clean(note);
}

/* By contact, day and direction; the earliest first. */
static int
catchcmp(const void *a, const void *b)
{
	const struct catch *x = a, *y = b;
	int d;

	if ((d = strcmp(x->c->id, y->c->id)) != 0)
		return d;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->in != y->in)
		return x->in - y->in;
	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	if (x->key == NULL || y->key == NULL)
		return (x->key == NULL) - (y->key == NULL);
	if ((d = strcmp(x->key, y->key)) != 0)
		return d;
	return strcmp(x->note ? x->note : "", y->note ? y->note : "");
}

/* A dry run's line: id, date, kind, dir, note. */
static void
dryrow(const char *id, const struct logentry *l)
{
	static const char *names[] = { "id", "date", "kind", "dir", "note" };
	const char *vals[5];
	char ds[11];

	vals[0] = id;
	vals[1] = date_str(l->date, ds);
	vals[2] = l->kind;
	vals[3] = l->dir ? l->dir : "out";
	vals[4] = l->note ? l->note : "";
	out_row(5, names, vals, "sssss", NULL);
}

/* A contact's change, waiting to be written with the others. */
struct pend {
	struct contact	*c;
	size_t		 added;
};

/*
 * The contacts' changes are put to temporary files a window at a time
 * (safe_put) on a thread of their own, while the next window's are
 * made; then all are synced at once and renamed over the contacts
 * (safe_create_all).  Every file is made before any is renamed: on ext4
 * without a journal each new inode skips those freed in the last
 * minute, which each rename over a contact frees (made between windows
 * of renames, 2,000 files took 0.4 s more).  All under the lock the
 * changes were made under.
 */
#define CHUNK	512

struct writer {
	pthread_t	 th;
	int		 on;		/* th runs */
	const char	*tmpdir;
	struct newfile	*f;
	size_t		 n;
};

static void *
writer_run(void *arg)
{
	struct writer *w = arg;
	size_t i;

	for (i = 0; i < w->n; i++)
		safe_put(w->tmpdir, &w->f[i]);
	return NULL;
}

static void
writer_wait(struct writer *w)
{
	if (w->on)
		pthread_join(w->th, NULL);
	w->on = 0;
}

/* f[0..n) put, on the writer's thread, once those before are. */
static void
writer_start(struct writer *w, struct newfile *f, size_t n)
{
	writer_wait(w);
	w->f = f;
	w->n = n;
	if (n == 0)
		return;
	if (pthread_create(&w->th, NULL, writer_run, w) != 0)
		writer_run(w);
	else
		w->on = 1;
}

/*
 * Every contact's change written (the writer's windows): those written
 * go into b, with their entries counted.  1 when one could not be
 * written (said).
 */
static int
capture_write(struct capture *cp, struct newfile *f, struct pend *p,
    size_t n, struct batch *b)
{
	struct contact *after;
	size_t i;
	int rv = 0;

	for (i = 0; i < n; i++) {
		if (f[i].err) {
			errno = f[i].err;
			warn("'%s': %s", f[i].path, f[i].what);
			cp->nfailed++;
			rv = 1;
		} else {
			cp->nentries += p[i].added;
			cp->ncontacts++;
			/* the name, for the commit's message, of the first */
			after = b->first ? NULL : contact_parse(cp->net,
			    p[i].c->id, f[i].s, f[i].len, C_STRUCT);
			batch_changed(b, p[i].c->id, after && after->name ?
			    after->name : p[i].c->id);
			contact_free(after);
		}
		free((char *)f[i].path);
		free((char *)f[i].s);
	}
	return rv;
}

/*
 * One contact's change, made on any core (prepare), taken in the order of
 * the contacts (take): cp->v[at..at + nv) are its catches, l[at..at + n)
 * its entries, f and say what the change made and would say.
 */
struct one {
	size_t		 at, nv, n;
	int		 r;
	struct newfile	 f;
	struct said	 say;
};

struct changes {
	struct capture	*cp;
	const char	*kind;
	int		 dry;
	struct logentry	*l;
	struct one	*v;
	struct newfile	*f;		/* the changes to write, in order */
	struct pend	*p;
	size_t		 np, done;
	struct writer	 w;
	int		 syncfd;	/* tmpdir, opened before any is put */
	int		 rv;
};

/* The entries of contact k: one a day and direction, the earliest. */
static void
prepare(void *arg, size_t k)
{
	struct changes *a = arg;
	struct one *o = &a->v[k];
	struct catch *v = a->cp->v + o->at;
	struct logentry *l = a->l + o->at;
	size_t j, n = 0;

	for (j = 0; j < o->nv; j++) {
		if (n && l[n - 1].date == v[j].date &&
		    (l[n - 1].dir != NULL) == v[j].in)
			continue;	/* a later one of that day */
		memset(&l[n], 0, sizeof l[n]);
		l[n].date = v[j].date;
		l[n].kind = a->kind;
		l[n].note = v[j].note;
		l[n].dir = v[j].in ? "in" : NULL;
		l[n].keep = v[j].in;
		if (v[j].key && strcmp(a->kind, "email") == 0)
			l[n].mid = v[j].key;
		else if (v[j].key)
			l[n].uid = v[j].key;
		n++;
	}
	o->n = n;
	o->r = change_log_prepare(a->cp->net, v[0].c->id, l, n, a->dry,
	    &o->f, &o->say);
}

/* Contact k's change said, counted, and put with the next window. */
static void
take(void *arg, size_t k)
{
	struct changes *a = arg;
	struct capture *cp = a->cp;
	struct one *o = &a->v[k];
	struct contact *c = cp->v[o->at].c;
	struct logentry *l = a->l + o->at;
	size_t j, added;

	change_said(c->id, &o->say);
	if (o->r) {
		cp->nfailed++;
		a->rv = 1;
		return;
	}
	for (j = added = 0; j < o->n; j++) {
		if (l[j].skip) {
			cp->nlogged++;
			continue;
		}
		added++;
		if (a->dry)
			dryrow(c->id, &l[j]);
	}
	if (a->dry && added) {
		cp->nentries += added;
		cp->ncontacts++;
	} else if (!a->dry && added && o->f.path) {
		a->f[a->np] = o->f;
		a->f[a->np].syncfd = a->syncfd;
		a->p[a->np].c = c;
		a->p[a->np++].added = added;
		if (a->np - a->done == CHUNK) {
			writer_start(&a->w, a->f + a->done, a->np - a->done);
			a->done = a->np;
		}
		return;
	}
	free((char *)o->f.path);
	free((char *)o->f.s);
}

/*
 * Log what was found, kind for all of it: one change a contact, with
 * all its entries; a received one (in) keeps the follow-up, a sent one
 * settles it as nw-log does.  The changes are made on every core and
 * verified by the editor, then taken in the order of the contacts, put
 * a window at a time and renamed all at once (safe_create_all, then
 * capture_write counts them), all under the lock.  With dry, the
 * entries that would be added are printed and nothing is written.  The
 * contacts changed go into b.  1 when a contact could not be changed
 * (the others still are).
 */
int
capture_log(struct capture *cp, const char *kind, int dry, struct batch *b)
{
	struct changes a = { 0 };
	size_t i, j, n = 0;

	if (cp->n)
		qsort(cp->v, cp->n, sizeof *cp->v, catchcmp);
	a.cp = cp;
	a.kind = kind;
	a.dry = dry;
	a.l = xcalloc(cp->n ? cp->n : 1, sizeof *a.l);
	a.v = xcalloc(cp->n ? cp->n : 1, sizeof *a.v);
	for (i = 0; i < cp->n; i = j) {
		for (j = i; j < cp->n && cp->v[j].c == cp->v[i].c; j++)
			;
		a.v[n].at = i;
		a.v[n++].nv = j - i;
	}
	if (!dry) {
		a.f = xcalloc(n ? n : 1, sizeof *a.f);
		a.p = xcalloc(n ? n : 1, sizeof *a.p);
	}
	net_lock(cp->net);
	a.syncfd = -1;
	if (!dry) {
		a.w.tmpdir = net_tmpdir(cp->net);
		a.syncfd = open(a.w.tmpdir ? a.w.tmpdir : net_dir(cp->net),
		    O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	}
	cores_run(n, prepare, take, &a);
	if (!dry) {
		writer_start(&a.w, a.f + a.done, a.np - a.done);
		writer_wait(&a.w);
		safe_create_all(a.w.tmpdir, a.f, a.np);
		a.rv |= capture_write(cp, a.f, a.p, a.np, b);
	}
	if (a.syncfd != -1)
		close(a.syncfd);
	net_unlock(cp->net);
	free(a.f);
	free(a.p);
	free(a.v);
	free(a.l);
	return a.rv;
}

static int
aheadcmp(const void *a, const void *b)
{
	const struct catch *x = a, *y = b;
	int d;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	if ((d = strcmp(x->c->id, y->c->id)) != 0)
		return d;
	return strcmp(x->note ? x->note : "", y->note ? y->note : "");
}

/* What is ahead, soonest first: id, date, note, one a contact and time. */
void
capture_ahead(struct capture *cp)
{
	static const char *names[] = { "id", "date", "summary" };
	const char *vals[3];
	char ds[11];
	size_t i;

	if (cp->n)
		qsort(cp->v, cp->n, sizeof *cp->v, aheadcmp);
	for (i = 0; i < cp->n; i++) {
		if (i && aheadcmp(&cp->v[i - 1], &cp->v[i]) == 0)
			continue;
		vals[0] = cp->v[i].c->id;
		vals[1] = date_str(cp->v[i].date, ds);
		vals[2] = cp->v[i].note ? cp->v[i].note : "";
		out_row(3, names, vals, "sss", NULL);
	}
}

/* "; 640 not from or to a contact, 120 lists or bulk" */
static void
part(struct buf *b, size_t n, const char *what)
{
	if (n)
		buf_printf(b, "%s%zu %s", strchr(b->s, ';') ? ", " : "; ", n,
		    what);
}

/*
 * The summary of a run on stderr: the items read (a message or an event:
 * kind is capture_log's), what was added, and each count of what was
 * not, said as mail.c or cal.c counts it.
 */
void
capture_summary(struct capture *cp, const char *kind, int dry)
{
	static const char *said[][5] = {	/* item, other, bulk, many, bad */
		{ "message", "not from or to a contact", "lists or bulk",
		    "with too many recipients", "that do not parse" },
		{ "event", "not with a contact",
		    "cancelled, declined or free time",
		    "with too many attendees", "files that do not parse" }
	};
	const char **w = said[strcmp(kind, "email") != 0];
	struct buf b = { 0 };

	buf_printf(&b, "%zu %s%s: %zu entr%s %sfor %zu contact%s",
	    cp->nread, w[0], cp->nread == 1 ? "" : "s", cp->nentries,
	    cp->nentries == 1 ? "y" : "ies", dry ? "to add " : "",
	    cp->ncontacts, cp->ncontacts == 1 ? "" : "s");
	part(&b, cp->nother, w[1]);
	part(&b, cp->nbulk, w[2]);
	part(&b, cp->nmany, w[3]);
	part(&b, cp->ndraft, "drafts");
	part(&b, cp->nlater, "dated after today");
	part(&b, cp->nundated, "without a date");
	part(&b, cp->nbad, w[4]);
	part(&b, cp->nlogged, "already logged");
	part(&b, cp->nfailed, "contacts not changed");
	warnx("%s", b.s);
	free(b.s);
}

void
capture_free(struct capture *cp)
{
	size_t i;

	if (cp == NULL)
		return;
	for (i = 0; i < cp->naddr; i++)
		free(cp->addr[i].email);
	free(cp->addr);
	for (i = 0; i < cp->n; i++) {
		free(cp->v[i].key);
		free(cp->v[i].note);
	}
	free(cp->v);
	strv_free(&cp->named);
	strv_free(&cp->me);
	refs_free(&cp->refs);
	free(cp);
}
