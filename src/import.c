/*
 * import.c - nw-import: records read from vCards, CSV or nw's JSON
 * (vcard.c, csv.c, json.c) matched to the contacts they are (the same id,
 * email or name, of the same type), created at once (struct drafts) or,
 * with -u, given what they bring (news.c); their RELATED resolved last.
 * What it says waits until the lock is gone (say).
 */

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

#define NBUCKET		4096
static const char same_id[] = "id";	/* known_as's why: the same id */
#define NONE		((size_t)-1)
#define MAXINPUT	(256 * 1024 * 1024)	/* bytes read from one file */

struct known {			/* a contact a record may be the same as */
	char		*id, *name;
	int		 type;		/* a person is never a community */
	struct strv	 email, phone;
	int		 phones;	/* phone read */
	int		 file;		/* the input that made it, or -1 */
};

struct hent {
	size_t		 who;
	const char	*key;
	struct hent	*next;
};

struct pend {			/* a record's relationships, pending */
	size_t		 who;		/* the contact it is */
	int		 created;	/* by this import */
	int		 quiet;		/* -u found nothing else new */
	char		*name;
	struct strv	 rel;		/* role, what RELATED names */
};

struct run {
	struct net	*net;
	struct refs	 refs;
	struct known	*k;
	size_t		 nk;
	struct hent	*byname[NBUCKET], *byemail[NBUCKET], *byid[NBUCKET];
	struct hent	*byuid[NBUCKET];	/* a card's UID, this import */
	struct hent	*bynwuid[NBUCKET];	/* nw's UID of each id */
	struct strv	 uids;		/* the keys of both */
	size_t		 nuid;		/* contacts in bynwuid */
	struct pend	*pend;		/* RELATED to resolve at the end */
	size_t		 npend;
	struct strv	 created, updated, planned;
	struct strv	 said;		/* output held back, see say() */
	struct check	*ck;		/* nw-check's rules across contacts */
	struct rec	**later;	/* records whose via names one to come */
	size_t		 nlater;
	char		*first;		/* the first name created */
	struct drafts	*dr;		/* those created, until written */
	int		 dry, update, bar, failed;
	int		 file;		/* the input being imported */
	int		 deferring;	/* importing r->later */
	size_t		 done, total;
	size_t		 jobs;		/* job changes recorded */
};

/*
 * Lines for stdout (fd 1) and stderr (fd 2) wait until the lock is gone:
 * a writer blocked on a full pipe whose reader waits for the lock
 * (nw-import | nw-log) would hold it for ever.  Each is kept with its fd
 * first.
 */
static void
say(struct run *r, int fd, const char *fmt, ...)
{
	struct buf line = { 0 };
	va_list ap;

	buf_printf(&line, "%d", fd);
	va_start(ap, fmt);
	buf_vprintf(&line, fmt, ap);
	va_end(ap);
	strv_add(&r->said, line.s);
	free(line.s);
}

/* A line of -n on a terminal: a row of the table, after the messages. */
static void
plan_row(char *line)
{
	static const char *names[] = { "id", "action", "name", "detail" };
	const char *vals[4] = { NULL, NULL, NULL, NULL };
	char *p = line;
	int n;

	for (n = 0; n < 4 && p; n++) {
		vals[n] = p;
		if ((p = strchr(p, '\t')) != NULL && n < 3)
			*p++ = '\0';
	}
	out_row(4, names, vals, "ssss", NULL);
}

/* A line of tab-separated fields, each as piped TSV writes it. */
static void
tsv_line(const char *line)
{
	struct buf b = { 0 };
	const char *f;
	size_t n;

	for (f = line; ; f += n + 1) {
		n = strcspn(f, "\t");
		text_add(&b, f, n, TX_TSV);
		if (f[n] == '\0')
			break;
		buf_puts(&b, "\t");
	}
	puts(b.s);
	free(b.s);
}

/* What say() held back, in the order it was said. */
static void
tell(struct run *r)
{
	size_t i;

	for (i = 0; i < r->said.n; i++)
		if (r->said.v[i][0] == '1' && r->dry && out_mode == OUT_TABLE)
			plan_row(r->said.v[i] + 1);
		else if (r->said.v[i][0] == '1')
			tsv_line(r->said.v[i] + 1);
		else {
			out_sync();
			text_put(stderr, r->said.v[i] + 1, TX_MSG);
			fputc('\n', stderr);
		}
}

/* The folded text hashed: what strcaseeq holds equal hashes the same. */
static unsigned
key_hash(const char *s)
{
	unsigned h = 2166136261u;
	char *f = utf8_fold(s), *p;

	for (p = f; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	free(f);
	return h % NBUCKET;
}

static void
index_add(struct hent **tab, const char *key, size_t who)
{
	struct hent *e = xmalloc(sizeof *e);

	e->who = who;
	e->key = key;
	e->next = tab[key_hash(key)];
	tab[key_hash(key)] = e;
}

/*
 * The first contact of this type under key.  A name (byname) never finds
 * one created from the same input: two people of one name in a file are
 * two people unless their email says otherwise.
 */
static size_t
index_find(struct run *r, struct hent **tab, const char *key, int type)
{
	struct hent *e;
	size_t who = NONE;

	for (e = tab[key_hash(key)]; e; e = e->next)
		if (strcaseeq(e->key, key) && r->k[e->who].type == type &&
		    (tab != r->byname || r->k[e->who].file != r->file) &&
		    (who == NONE || e->who < who))
			who = e->who;
	return who;
}

static void
known_email(struct run *r, size_t who, const char *email)
{
	strv_add(&r->k[who].email, email);
	index_add(r->byemail, r->k[who].email.v[r->k[who].email.n - 1], who);
}

static size_t
known_add(struct run *r, const char *id, const char *name, int type,
    const struct strv *email)
{
	struct known *k;
	size_t i;

	if ((r->nk & (r->nk - 1)) == 0)
		r->k = xrealloc(r->k, (r->nk ? 2 * r->nk : 1) * sizeof *r->k);
	k = &r->k[r->nk];
	memset(k, 0, sizeof *k);
	k->id = xstrdup(id);
	k->name = xstrdup(name);
	k->type = type;
	k->file = r->file;
	index_add(r->byname, k->name, r->nk);
	index_add(r->byid, k->id, r->nk);
	for (i = 0; i < email->n; i++)
		known_email(r, r->nk, email->v[i]);
	return r->nk++;
}

static void
known_load(struct run *r)
{
	struct contact **all;
	size_t n, i;

	all = refs_all(&r->refs, &n);
	r->file = -1;
	for (i = 0; i < n; i++)
		if (all[i]->name)
			known_add(r, all[i]->id, all[i]->name, all[i]->type,
			    &all[i]->email);
}

/* A record's type: a community when it says so (vCard KIND:group). */
static int
rec_type(struct rec *rec)
{
	const char *t = draft_get(&rec->d, "type");

	return t && schema_type(t) == T_COMMUNITY ? T_COMMUNITY : T_PERSON;
}

/*
 * The contact a record is: one of nw's own (its JSON) the contact of the
 * same id; else the same email, else the same name, and of the same
 * type: a person is never taken for a community.
 */
static size_t
known_as(struct run *r, struct rec *rec, const char **why)
{
	struct hent *e0;
	const char *e, *id = draft_get(&rec->d, "id");
	size_t i, who;
	int type = rec_type(rec);

	for (e0 = id && rec->own ? r->byid[key_hash(id)] : NULL; e0;
	    e0 = e0->next)
		if (strcmp(e0->key, id) == 0 && r->k[e0->who].file == -1) {
			*why = same_id;
			return e0->who;
		}

	for (i = 0; (e = draft_value(&rec->d, "email", i)) != NULL; i++)
		if ((who = index_find(r, r->byemail, e, type)) != NONE) {
			*why = e;
			return who;
		}
	*why = NULL;
	return index_find(r, r->byname, draft_get(&rec->d, "name"), type);
}

/*
 * Is id a contact of the network (its file there, as nw-check asks of a
 * via), or one this import creates?
 */
static int
known_id(struct run *r, const char *id)
{
	struct hent *e;

	for (e = r->byid[key_hash(id)]; e; e = e->next)
		if (strcmp(e->key, id) == 0)
			return 1;
	return schema_via(r->net, id);
}

/*
 * What of the record nw-check would refuse across contacts is left out,
 * and said: an email another contact has (id is the record's contact, ""
 * for a new one), a via that names no contact.
 */
static void
trim(struct run *r, struct rec *rec, const char *id)
{
	const char *e, *other, *via;
	char *v;
	size_t i;

	for (i = 0; (e = draft_value(&rec->d, "email", i)) != NULL;)
		if ((other = check_email_taken(r->ck, e, id)) != NULL) {
			say(r, 2, "nw-import: '%s': email '%s' is also on %s: "
			    "left out", draft_get(&rec->d, "name"), e, other);
			v = xstrdup(e);
			draft_unset(&rec->d, "email", v);
			free(v);
		} else
			i++;
	if ((via = draft_get(&rec->d, "met.via")) != NULL &&
	    !known_id(r, via)) {
		say(r, 2, "nw-import: '%s': via '%s' names no contact: left "
		    "out", draft_get(&rec->d, "name"), via);
		draft_unset(&rec->d, "met.via", NULL);
	}
}

static int	import_one(struct run *, struct rec *, const char *);

/* Does the record's via name a contact that is not there (yet)? */
static int
waits(struct run *r, struct rec *rec)
{
	const char *via = draft_get(&rec->d, "met.via");

	return via && !known_id(r, via);
}

/*
 * The records whose via named one not there yet, each once what it names
 * is (in rounds: one may name another of them), then the rest, their via
 * left out.
 */
static int
import_later(struct run *r)
{
	size_t i;
	int rv = 0, more, last = 0;

	r->deferring = 1;
	do {
		more = 0;
		for (i = 0; i < r->nlater; i++) {
			if (r->later[i] == NULL || (!last &&
			    waits(r, r->later[i])))
				continue;
			rv |= import_one(r, r->later[i], "");
			rec_free(r->later[i]);
			free(r->later[i]);
			r->later[i] = NULL;
			more = 1;
		}
		if (!more && !last)
			more = last = 1;
	} while (more && r->nlater);
	free(r->later);
	return rv;
}

static void
known_phones(struct run *r, size_t who)
{
	struct contact *c;
	size_t i;

	if (r->k[who].phones)
		return;
	r->k[who].phones = 1;
	c = contact_load(r->net, r->k[who].id, C_STRUCT);
	for (i = 0; i < c->lib->phone.n; i++)
		strv_add(&r->k[who].phone, c->lib->phone.v[i]);
	contact_free(c);
}

/*
 * What the record has that the contact lacks: emails, phones and links
 * to add, and org, title and birthday where the contact has none.
 */
static int
missing(struct run *r, size_t who, struct rec *rec, struct news *nw)
{
	struct known *k = &r->k[who];
	struct contact *c;
	const char *v, *o;
	size_t i;

	for (i = 0; (v = draft_value(&rec->d, "email", i)) != NULL; i++)
		if (strv_hascase(&k->email, v) || strv_hascase(&nw->email, v))
			continue;
		else if ((o = check_email_taken(r->ck, v, k->id)) != NULL)
			say(r, 2, "nw-import: '%s': email '%s' is also on %s: "
			    "left out", draft_get(&rec->d, "name"), v, o);
		else
			strv_add(&nw->email, v);
	known_phones(r, who);
	for (i = 0; (v = draft_value(&rec->d, "phone", i)) != NULL; i++)
		if (!phone_has(&k->phone, v) && !phone_has(&nw->phone, v))
			strv_add(&nw->phone, v);
	c = contact_load(r->net, k->id, C_STRUCT | C_KEYS);
	news_job(c, rec, nw);
	news_fill(c, rec, nw);
	if (c->lib->err == NULL)
		news_links(c, rec, nw);
	contact_free(c);
	return nw->email.n + nw->phone.n + nw->fill.n + nw->links.n > 0 ||
	    nw->org;
}

/* A contact that could not be written is said so, and is not created. */
static void
notwritten(const char *id, const char *why, void *arg)
{
	struct run *r = arg;
	size_t i;
	char *line = xasprintf("1%s", id);

	for (i = 0; i < r->said.n; i++)
		if (strcmp(r->said.v[i], line) == 0) {
			free(r->said.v[i]);
			r->said.v[i] = xasprintf("2nw-import: %s", why);
			break;
		}
	for (i = 0; i < r->created.n; i++)
		if (strcmp(r->created.v[i], id) == 0) {
			free(r->created.v[i]);
			memmove(&r->created.v[i], &r->created.v[i + 1],
			    (--r->created.n - i) * sizeof *r->created.v);
			if (i == 0) {
				free(r->first);
				r->first = NULL;
			}
			break;
		}
	free(line);
	r->failed = 1;
}

/*
 * The contacts created so far, written: each whole or not at all after a
 * crash, and all of them durable before anything about them is said.
 * 1 when one failed (said); 0 so that an update of one may follow.
 */
static int
written(struct run *r)
{
	return r->dr && drafts_write(r->dr, notwritten, r) > 0;
}

/*
 * -u: the record's new emails, phones and links go to the contact it is,
 * and its org, title and birthday where the contact has none; said on
 * stderr, the id on stdout.
 */
static void
nothing(struct run *r, const char *id, const char *name)
{
	if (r->dry)
		say(r, 1, "%s\tskip\t%s\tnothing new", id, name);
	else
		say(r, 2, "nw-import: '%s': already in the network as %s, "
		    "nothing new", name, id);
}

/* p: the record's relationships, which say "nothing new" if it is so */
static int
update(struct run *r, size_t who, struct rec *rec, struct pend *p)
{
	struct news nw = { 0 };
	struct known *k = &r->k[who];
	size_t i;
	char *what;
	int rv = 0;

	if (!missing(r, who, rec, &nw)) {
		if (p)
			p->quiet = 1;
		else
			nothing(r, k->id, draft_get(&rec->d, "name"));
		news_free(&nw);
		return 0;
	}
	what = news_text(&nw);
	/* one created earlier in this import is written first */
	if (!r->dry && drafts_waiting(r->dr, k->id))
		written(r);
	r->jobs += nw.org != NULL;
	if (r->dry)
		say(r, 1, "%s\t%s\t%s\t%s", k->id, nw.org ? "job" : "update",
		    draft_get(&rec->d, "name"), what);
	else if (change_edit(r->net, k->id, news_apply, &nw, NULL) != 0)
		rv = 1;
	else {
		say(r, 2, "nw-import: '%s': %s %s", draft_get(&rec->d, "name"),
		    k->id, what);
		if (!strv_has(&r->updated, k->id)) {
			say(r, 1, "%s", k->id);
			strv_add(&r->updated, k->id);
		}
	}
	free(what);
	if (rv == 0) {
		for (i = 0; i < nw.email.n; i++) {
			known_email(r, who, nw.email.v[i]);
			check_claim(r->ck, nw.email.v[i], k->id);
		}
		for (i = 0; i < nw.phone.n; i++)
			strv_add(&k->phone, nw.phone.v[i]);
	}
	news_free(&nw);
	return rv;
}

/* The id draft_write would give: a dry run writes nothing to ask. */
static char *
plan_id(struct run *r, const struct draft *d)
{
	struct stat st;
	char *base, *id, *path;
	int i;

	base = draft_id(d);
	id = xstrdup(base);
	for (i = 2;; i++) {
		path = net_path(r->net, id);
		if (lstat(path, &st) == -1 && !strv_has(&r->planned, id))
			break;
		free(path);
		free(id);
		id = xasprintf("%s-%d", base, i);
	}
	free(path);
	free(base);
	strv_add(&r->planned, id);
	return id;
}

static int
create(struct run *r, struct rec *rec)
{
	struct strv email = { 0 };
	const char *v;
	char *id;
	size_t who, i;

	if (rec->d.added == NODATE && !rec->own)
		rec->d.added = date_today();
	trim(r, rec, "");
	if (r->dry) {
		id = plan_id(r, &rec->d);
		say(r, 1, "%s\tcreate\t%s", id, draft_get(&rec->d, "name"));
	} else {
		if ((id = draft_stage(r->dr, &rec->d)) == NULL)
			return 1;
		say(r, 1, "%s", id);
		strv_add(&r->created, id);
		if (r->first == NULL)
			r->first = xstrdup(draft_get(&rec->d, "name"));
	}
	for (i = 0; (v = draft_value(&rec->d, "email", i)) != NULL; i++) {
		strv_add(&email, v);
		check_claim(r->ck, v, id);
	}
	who = known_add(r, id, draft_get(&rec->d, "name"), rec_type(rec),
	    &email);
	strv_free(&email);
	r->k[who].phones = 1;
	for (i = 0; (v = draft_value(&rec->d, "phone", i)) != NULL; i++)
		strv_add(&r->k[who].phone, v);
	free(id);
	return 0;
}

/*
 * The card's UID, for RELATED of other cards to find the contact it is;
 * its own RELATED, to resolve once every record is in: for a contact it
 * creates, and with -u for one it updates.
 */
static struct pend *
remember(struct run *r, struct rec *rec, size_t who, int created)
{
	struct pend *p;

	if (rec->uid) {
		strv_add(&r->uids, rec->uid);
		index_add(r->byuid, r->uids.v[r->uids.n - 1], who);
	}
	if (rec->rel.n == 0 || (!created && !r->update))
		return NULL;
	r->pend = xrealloc(r->pend, (r->npend + 1) * sizeof *r->pend);
	p = &r->pend[r->npend++];
	p->who = who;
	p->created = created;
	p->name = xstrdup(draft_get(&rec->d, "name"));
	p->rel = rec->rel;
	p->quiet = 0;
	memset(&rec->rel, 0, sizeof rec->rel);
	return p;
}

/*
 * The contacts a RELATED value names: a card's UID in this import, else
 * the UID nw-export gives an id (urn:uuid:), else an email (mailto:, or
 * text with an '@'), else a name or an id.  *n says how many; the first.
 */
static size_t
named(struct run *r, const char *t, int *n)
{
	struct hent **tab, *e;
	size_t who = NONE;
	char *u;

	for (; r->nuid < r->nk; r->nuid++) {	/* nw's UIDs, made once */
		u = vcard_uid(r->k[r->nuid].id);
		strv_add(&r->uids, u);
		index_add(r->bynwuid, r->uids.v[r->uids.n - 1], r->nuid);
		free(u);
	}
	if (strncasecmp(t, "mailto:", 7) == 0)
		t += 7;
	tab = r->byuid;
	for (*n = 0; *n == 0 && tab; tab = tab == r->byuid ? r->bynwuid :
	    tab == r->bynwuid ? (strchr(t, '@') ? r->byemail : r->byid) :
	    tab == r->byid ? r->byname : NULL)
		for (e = tab[key_hash(t)]; e; e = e->next)
			if ((tab == r->byid ? strcmp(e->key, t) == 0 :
			    strcaseeq(e->key, t)) && e->who != who) {
				who = e->who < who ? e->who : who;
				++*n;
			}
	return who;
}

/*
 * The relationships RELATED gave, each written as rel: when it names one
 * contact; one that names none, or many, is said and left out.
 */
static int
relate(struct run *r)
{
	struct strv add = { 0 };
	struct buf what = { 0 };
	struct contact *c;
	struct pend *p;
	const char *id, *t;
	size_t i, j, w;
	int n, rv = 0;

	for (i = 0; i < r->npend; i++) {
		p = &r->pend[i];
		id = r->k[p->who].id;
		c = p->created ? NULL : contact_load(r->net, id, C_STRUCT);
		for (j = 0; j + 1 < p->rel.n; j += 2) {
			t = p->rel.v[j + 1];
			if ((w = named(r, t, &n)) == NONE || n > 1 ||
			    w == p->who) {
				say(r, 2, "nw-import: '%s': %s '%s' names %s: "
				    "left out", p->name, p->rel.v[j], t,
				    w == p->who ? "itself" : n ? "more than "
				    "one contact" : "no contact");
				continue;
			}
			if ((c && rel_has(&c->rel, p->rel.v[j], r->k[w].id)) ||
			    rel_has(&add, p->rel.v[j], r->k[w].id))
				continue;	/* there already */
			strv_add(&add, p->rel.v[j]);
			strv_add(&add, r->k[w].id);
			buf_printf(&what, "%s %s %s", what.len ? "," :
			    "adds rel", p->rel.v[j], r->k[w].id);
		}
		contact_free(c);
		if (add.n == 0 && p->quiet)
			nothing(r, id, p->name);
		else if (add.n == 0 || (p->created && !r->dry &&
		    !strv_has(&r->created, id)))
			;
		else if (r->dry)
			say(r, 1, "%s\trel\t%s\t%s", id, p->name, what.s);
		else if (change_edit(r->net, id, rels_apply, &add, NULL) != 0)
			rv = 1;
		else if (!p->created) {
			say(r, 2, "nw-import: '%s': %s %s", p->name, id, what.s);
			if (!strv_has(&r->updated, id)) {
				say(r, 1, "%s", id);
				strv_add(&r->updated, id);
			}
		}
		strv_free(&add);
		what.len = 0;
		free(p->name);
		strv_free(&p->rel);
	}
	free(what.s);
	free(r->pend);
	return rv;
}

static int
import_one(struct run *r, struct rec *rec, const char *path)
{
	const char *why;
	size_t who, i;
	char *same;
	struct pend *p;

	if (rec->err) {
		if (rec->line)
			say(r, 2, "%s:%d: %s", path, rec->line, rec->err);
		else
			say(r, 2, "%s: %s", path, rec->err);
		return 1;
	}
	for (i = 0; i < rec->warn.n; i++)
		say(r, 2, "%s:%d: %s", path, rec->line, rec->warn.v[i]);
	if ((who = known_as(r, rec, &why)) == NONE) {
		if (waits(r, rec) && !r->deferring) {
			/* it may name one further on: created after the rest */
			r->later = xrealloc(r->later, (r->nlater + 1) *
			    sizeof *r->later);
			r->later[r->nlater] = xmalloc(sizeof **r->later);
			*r->later[r->nlater] = *rec;
			strv_free(&r->later[r->nlater++]->warn); /* said */
			memset(rec, 0, sizeof *rec);
			return 0;
		}
		if (create(r, rec))
			return 1;
		remember(r, rec, r->nk - 1, 1);
		return 0;
	}
	p = remember(r, rec, who, 0);
	if (r->update)
		return update(r, who, rec, p);
	same = why == NULL ? xstrdup("name") : why == same_id ?
	    xstrdup("id") : xasprintf("email %s", why);
	if (r->dry)
		say(r, 1, "%s\tskip\t%s\tsame %s", r->k[who].id,
		    draft_get(&rec->d, "name"), same);
	else
		say(r, 2, "nw-import: '%s': already in the network as %s "
		    "(same %s)", draft_get(&rec->d, "name"), r->k[who].id,
		    same);
	free(same);
	return 0;
}

/* On a terminal, for long imports: [=====     ] 120/500 on stderr. */
static void
progress(struct run *r, int show)
{
	char bar[31];
	size_t fill;

	if (!r->bar)
		return;
	if (!show) {
		fprintf(stderr, "\r%*s\r", 60, "");
		return;
	}
	fill = r->total ? r->done * 30 / r->total : 30;
	memset(bar, '=', fill);
	memset(bar + fill, ' ', 30 - fill);
	bar[30] = '\0';
	fprintf(stderr, "\rnw-import: [%s] %zu/%zu", bar, r->done, r->total);
}

/*
 * The bytes of file, or of standard input for "-", at most MAXINPUT of
 * them: a pipe or a device (/dev/zero) may never end.  NULL, said on
 * stderr under the name path, when they cannot be had.
 */
static char *
slurp(const char *file, const char *path, size_t *len)
{
	struct stat st;
	struct buf b = { 0 };
	char chunk[65536];
	ssize_t n;
	int fd;

	fd = strcmp(file, "-") == 0 ? 0 : open(file, O_RDONLY | O_NOCTTY);
	if (fd == -1 || fstat(fd, &st) == -1) {
		warn("'%s'", path);
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		warnx("'%s': a directory, not a file", path);
		goto fail;
	}
	if (S_ISREG(st.st_mode) && st.st_size > MAXINPUT)
		goto big;
	buf_puts(&b, "");
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			warn("'%s'", path);
			goto fail;
		}
		if (b.len + n > MAXINPUT)
			goto big;
		buf_add(&b, chunk, n);
	}
	if (fd != 0)
		close(fd);
	*len = b.len;
	return b.s;
big:
	warnx("'%s': larger than 256 MiB", path);
fail:
	if (fd > 0)
		close(fd);
	free(b.s);
	return NULL;
}

static void
commit(struct run *r)
{
	struct strv all = { 0 };
	size_t i, nc = r->created.n, nu = r->updated.n;
	char *msg;

	if (nc + nu == 0)
		return;
	for (i = 0; i < nc; i++)
		strv_add(&all, r->created.v[i]);
	for (i = 0; i < nu; i++)
		strv_add(&all, r->updated.v[i]);
	if (nu == 0)
		msg = nc == 1 && r->first ? xasprintf("Import %s", r->first) :
		    xasprintf("Import %zu contact%s", nc, nc == 1 ? "" : "s");
	else if (nc == 0 && r->jobs)
		msg = xasprintf("Update %zu contact%s from an import, %zu job "
		    "change%s", nu, nu == 1 ? "" : "s", r->jobs,
		    r->jobs == 1 ? "" : "s");
	else if (nc == 0)
		msg = xasprintf("Update %zu contact%s from an import", nu,
		    nu == 1 ? "" : "s");
	else
		msg = xasprintf("Import %zu contact%s, update %zu", nc,
		    nc == 1 ? "" : "s", nu);
	git_commit(r->net, all.v, all.n, msg);
	free(msg);
	strv_free(&all);
}

static void
run_free(struct run *r)
{
	struct hent **tab[] = { r->byname, r->byemail, r->byid, r->byuid,
	    r->bynwuid };
	struct hent *e, *next;
	size_t i, t;

	for (t = 0; t < sizeof tab / sizeof *tab; t++)
		for (i = 0; i < NBUCKET; i++)
			for (e = tab[t][i]; e; e = next)
				next = e->next, free(e);
	for (i = 0; i < r->nk; i++) {
		free(r->k[i].id);
		free(r->k[i].name);
		strv_free(&r->k[i].email);
		strv_free(&r->k[i].phone);
	}
	free(r->k);
	for (i = 0; i < r->refs.nall; i++)
		contact_free(r->refs.all[i]);
	free(r->refs.all);
	strv_free(&r->created);
	strv_free(&r->updated);
	strv_free(&r->planned);
	strv_free(&r->said);
	strv_free(&r->uids);
	free(r->first);
}

/*
 * nw-import's run: every file (its format fmt, or told from its text)
 * read, then each record matched to a contact and created, or with
 * update (-u) what it brings added; dry (-n) says what would be done.
 * "-" is standard input.  0 when all was done, else 1.
 */
int
import_files(struct net *net, int nfiles, char **files, int fmt, int dry,
    int update)
{
	struct run r = { 0 };
	struct recs *in;
	const char *path;
	char *text;
	size_t len, i, j;
	int rv = 0;

	r.net = net;
	r.dry = dry;
	r.update = update;
	r.refs.net = r.net;
	in = xcalloc(nfiles, sizeof *in);
	for (i = 0; i < (size_t)nfiles; i++) {
		path = strcmp(files[i], "-") ? files[i] : "<stdin>";
		if ((text = slurp(files[i], path, &len)) == NULL) {
			rv = 1;
			continue;
		}
		if (fmt == IN_VCARD || (fmt == 0 &&
		    import_detect(text, len) == IN_VCARD))
			vcard_read(text, len, &in[i]);
		else if (fmt == IN_JSON || (fmt == 0 &&
		    import_detect(text, len) == IN_JSON))
			json_read(text, len, &in[i]);
		else if (len > 0)
			import_csv(text, len, fmt, r.net, &in[i]);
		if (in[i].ignored.n) {
			fprintf(stderr, "nw-import: '%s': column%s not "
			    "imported:", path, in[i].ignored.n > 1 ? "s" : "");
			for (j = 0; j < in[i].ignored.n; j++)
				fprintf(stderr, "%s '%s'", j ? "," : "",
				    in[i].ignored.v[j]);
			fputc('\n', stderr);
		}
		r.total += in[i].n;
		free(text);
	}
	/* every input is read: decide and create under one lock */
	if (!r.dry) {
		net_lock(r.net);
		r.dr = drafts_new(r.net);
	}
	known_load(&r);
	r.ck = check_new(&r.refs, stderr, 0);	/* the same contacts */
	r.bar = isatty(2) && r.total >= 100;
	for (i = 0; i < (size_t)nfiles; i++) {
		path = strcmp(files[i], "-") ? files[i] : "<stdin>";
		r.file = i;
		for (j = 0; j < in[i].n; j++) {
			progress(&r, 0);
			rv |= import_one(&r, &in[i].v[j], path);
			r.done++;
			progress(&r, 1);
			rec_free(&in[i].v[j]);
		}
		free(in[i].v);
		strv_free(&in[i].ignored);
	}
	rv |= import_later(&r);
	progress(&r, 0);
	free(in);
	if (!r.dry)
		written(&r);
	rv |= relate(&r);
	if (!r.dry) {
		rv |= r.failed;
		commit(&r);
		net_unlock(r.net);
	}
	drafts_free(r.dr);
	check_free(r.ck);
	tell(&r);
	run_free(&r);
	return rv;
}
