/* contact.c - a contact's fields, read from its tree */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * The loader reads a contact's tree once, key by key, through the schema:
 * each key of nw(5) is checked by schema_check and, when sound, stored in
 * its field of struct contact; with C_KEYS every key, the user's own
 * too, is kept as data.  The first error of a K_VITAL key makes the
 * contact unusable, said with its place; with C_STRUCT only what an edit
 * needs counts (a mapping with a name and a log that is a list), so a bad
 * date never stops a command from logging.  What a scan loads (no C_LOG,
 * C_KEYS or C_DOC) is what .nw/cache keeps: a field filled otherwise bumps
 * CACHE_VERSION in cache.c, a new field goes in its summary[].
 */

struct load {
	struct finding	 f;
	struct contact	*c;
	int		 bad;		/* the key at hand has an error */
	int		 vital;		/* and it makes the contact unusable */
};

static void
loadsay(struct finding *f, struct ynode *n, int error, const char *fmt, ...)
{
	struct load *l = f->arg;
	va_list ap;
	char *s;
	int len;

	if (!error)
		return;
	l->bad = 1;
	if (!l->vital || l->c->lib->err)
		return;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc(len + 1);
	va_start(ap, fmt);
	vsnprintf(s, len + 1, fmt, ap);
	va_end(ap);
	l->c->lib->err = s;
	l->c->lib->line = n ? n->line : 1;
	l->c->lib->col = n ? n->col : 1;
}

static void
bad(struct contact *c, struct ynode *n, const char *msg)
{
	if (c->lib->err)
		return;
	c->lib->err = xstrdup(msg);
	c->lib->line = n ? n->line : 1;
	c->lib->col = n ? n->col : 1;
}

int
contact_isasked(const char *kind)
{
	return (schema_kind(kind) & KIND_ASK) != 0;
}

/*
 * Is the ask at place i of the log (its entries with a date), dated
 * date, answered: a got, thanks or declined later in the log, at a later
 * date or at the same date and after it in the file?
 */
static int
answered(const struct contact *c, int date, size_t i)
{
	return c->lib->closed != NODATE && (date < c->lib->closed ||
	    (date == c->lib->closed && (int)i < c->lib->closed_at));
}

/*
 * Is this entry of c->log an ask still open?  An ask is open until a
 * got, a thanks or a declined later in the log (a later date, or the
 * same date and after it in the file).  With readlog's counts, the one
 * rule for open asks.
 */
int
contact_ask_open(const struct contact *c, const struct logent *le)
{
	return (schema_kind(le->kind) & KIND_ASK) &&
	    !answered(c, le->date, le - c->log);
}

/*
 * The balance: what you got plus the asks still open, less what you gave
 * (an ask answered by a got counts once, as the got); above 0 you owe.
 */
int
contact_owe(const struct contact *c)
{
	return c->ngot + c->nopen - c->ngive;
}

/*
 * The balance in words: "gave 1, got 1, open asks 2; you owe 2: give
 * first".  nw-show and nw-due -l say it so, nw-log's warning too.
 */
char *
contact_balance(const struct contact *c)
{
	int owe = contact_owe(c);

	if (owe > 0)
		return xasprintf("gave %d, got %d, open asks %d; you owe %d: "
		    "give first", c->ngive, c->ngot, c->nopen, owe);
	return xasprintf("gave %d, got %d, open asks %d", c->ngive, c->ngot,
	    c->nopen);
}

/*
 * The follow-up rule (nw(5), "Follow-ups"): does log entry e end a
 * follow-up?  One with a note (next-note) is a promise: no entry ends
 * it; only the user does (nw-log -D, nw-set -d ref next, a new -n or -N).
 * A next without a note is a reminder to get in touch: an entry that
 * counts as contact ends it when dated on or after newest, the newest
 * contact entry before it (NODATE: none).  nw-log (change.c) and the
 * merge driver (merge.c) both decide by it.
 */
int
contact_followup_ends(int promise, const struct logent *e, int newest)
{
	return !promise && (schema_kind(e->kind) & KIND_CONTACT) &&
	    (newest == NODATE || e->date >= newest);
}

static int
oldest(const void *x, const void *y)
{
	const struct logent *a = *(const struct logent *const *)x;
	const struct logent *b = *(const struct logent *const *)y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return a < b ? -1 : a > b;
}

/*
 * The open asks of c (loaded with C_LOG), oldest first, in *v (to free);
 * how many.
 */
size_t
contact_asks(const struct contact *c, const struct logent ***v)
{
	size_t i, n = 0;

	*v = xcalloc(c->nlog + 1, sizeof **v);
	for (i = 0; c->log && i < c->nlog; i++)
		if (contact_ask_open(c, &c->log[i]))
			(*v)[n++] = &c->log[i];
	qsort(*v, n, sizeof **v, oldest);
	return n;
}

/* The newest entry that counts as contact (C_LOG), NULL for none. */
const struct logent *
contact_newest(const struct contact *c)
{
	const struct logent *e = NULL;
	size_t i;

	for (i = 0; c->log && i < c->nlog; i++)
		if ((schema_kind(c->log[i].kind) & KIND_CONTACT) &&
		    (e == NULL || c->log[i].date >= e->date))
			e = &c->log[i];
	return e;
}

/*
 * A job change is news for JOB_DAYS (nw-stats, nw-due -l): the date of c's
 * newest job entry on or before today when it is JOB_DAYS old or less,
 * else NODATE.  An entry dated after today is no news until its day; the
 * newest is by date, wherever it stands in the log.
 */
int
contact_job(const struct contact *c, int today)
{
	int newest = NODATE;
	size_t i;

	for (i = 0; i < c->lib->jobs.n; i++)
		if (c->lib->jobs.v[i] <= today && c->lib->jobs.v[i] > newest)
			newest = c->lib->jobs.v[i];
	return newest != NODATE && today - newest <= JOB_DAYS ? newest :
	    NODATE;
}

/* Does group, an item of someone's groups, name community c? */
int
contact_names(const struct contact *c, const char *group)
{
	return c->type == T_COMMUNITY && (strcaseeq(group, c->id) ||
	    (c->name && strcaseeq(group, c->name)) ||
	    strv_hascase((struct strv *)&c->lib->aka, group));
}

/*
 * Does person p belong to community c?  Its groups name c by its id, its
 * name or one of its akas, in any case.
 */
int
contact_member(const struct contact *c, const struct contact *p)
{
	size_t i;

	for (i = 0; p->type == T_PERSON && i < p->lib->groups.n; i++)
		if (contact_names(c, p->lib->groups.v[i]))
			return 1;
	return 0;
}

/* What you can do for c: its own offers, else those of the settings. */
const struct strv *
contact_offers(struct net *net, const struct contact *c)
{
	return c->lib->offers.n ? &c->lib->offers : &net->offers;
}

static int
byday(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;

	return a < b ? -1 : a > b;
}

static int
month_of(int z)
{
	int y, m, d;

	date_to_civil(z, &y, &m, &d);
	return y * 12 + m - 1;
}

/* A log item's date, kind and note (borrowed); 0 when it has no date. */
static int
entry(struct ynode *e, struct logent *le)
{
	const char *s;

	e = ynode_deref(e);
	if (e->type != YMAP || (s = ynode_str(ymap_get(e, "date"))) == NULL ||
	    !date_parse(s, &le->date))
		return 0;
	le->kind = (char *)ynode_str(ymap_get(e, "kind"));
	le->note = (char *)ynode_str(ymap_get(e, "note"));
	return 1;
}

/*
 * The log summed up for scans: the newest and oldest contact, the counts
 * by kind, the balance, the open asks, and contact entries by month for
 * the twelve months up to the newest (with no entry after today, those
 * hold any twelve months up to today).  The open asks and the months
 * hang on what the whole log says, so a second pass counts them.
 */
static void
readlog(struct contact *c, struct ynode *l, int flags)
{
	struct logent le;
	int *date, *kf, *cd, k, back;
	size_t i, n = 0, ncd = 0;

	if (l->type != YSEQ)
		return;
	if (flags & C_LOG)
		c->log = xcalloc(l->nkid, sizeof *c->log);
	date = xcalloc(3 * l->nkid + 1, sizeof *date);
	kf = date + l->nkid;
	cd = kf + l->nkid;
	for (i = 0; i < l->nkid; i++) {
		if (!entry(l->kid[i], &le))
			continue;
		c->lib->kinds[schema_kind_slot(le.kind, &k)]++;
		if (k & KIND_CONTACT) {
			c->lib->ncontact++;
			if (c->last == NODATE || le.date > c->last)
				c->last = le.date;
			if (c->lib->first == NODATE || le.date < c->lib->first)
				c->lib->first = le.date;
		}
		if ((k & (KIND_GOT | KIND_THANKS | KIND_DECLINED)) &&
		    (c->lib->closed == NODATE || le.date >= c->lib->closed)) {
			c->lib->closed = le.date;
			c->lib->closed_at = c->nlog;
		}
		if (k & KIND_JOB) {
			struct ints *jobs = &c->lib->jobs;

			jobs->v = xrealloc(jobs->v, (jobs->n + 1) *
			    sizeof *jobs->v);
			jobs->v[jobs->n++] = le.date;
		}
		c->ngive += (k & KIND_GIVE) != 0;
		c->nask += (k & KIND_ASK) != 0;
		c->ngot += (k & KIND_GOT) != 0;
		if (flags & C_LOG) {
			le.kind = le.kind ? xstrdup(le.kind) : NULL;
			le.note = le.note ? xstrdup(le.note) : NULL;
			c->log[c->nlog] = le;
		}
		c->nlog++;
		date[n] = le.date, kf[n++] = k;
	}
	if (c->last != NODATE)
		c->lib->month_end = month_of(c->last);
	for (i = 0; i < n; i++) {
		if (kf[i] & KIND_CONTACT)
			cd[ncd++] = date[i];
		if ((kf[i] & KIND_CONTACT) &&
		    (back = c->lib->month_end - month_of(date[i])) < 12)
			c->lib->months[11 - back]++;
		if ((kf[i] & KIND_ASK) && !answered(c, date[i], i))
			c->nopen++;
	}
	if (ncd)
		qsort(cd, ncd, sizeof *cd, byday);
	for (i = 0; i < ncd; i++)
		c->lib->ndays += i == 0 || cd[i] != cd[i - 1];
	free(date);
}

/* dates: {what: date, ...}, those that are dates. */
static void
readdates(struct dates *ds, struct ynode *v)
{
	struct bday b;
	const char *what, *s;
	size_t i;

	for (i = 0; v->type == YMAP && i + 1 < v->nkid; i += 2)
		if ((what = ynode_str(v->kid[i])) != NULL &&
		    (s = ynode_str(v->kid[i + 1])) != NULL &&
		    bday_parse(s, &b)) {
			ds->v = xrealloc(ds->v, (ds->n + 1) * sizeof *ds->v);
			ds->v[ds->n].what = xstrdup(what);
			ds->v[ds->n++].when = b;
		}
}

static void
strlist(struct strv *l, struct ynode *n)
{
	size_t i;

	if (n->type == YSCALAR) {
		strv_add(l, n->str);
		return;
	}
	for (i = 0; n->type == YSEQ && i < n->nkid; i++)
		if (ynode_deref(n->kid[i])->type == YSCALAR)
			strv_add(l, ynode_deref(n->kid[i])->str);
}

/* rel's role: an id, or a list of them; as role, id pairs. */
static void
relpairs(struct strv *l, struct ynode *role, struct ynode *v)
{
	const char *r = ynode_str(role), *id;
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < (v->type == YSEQ ? v->nkid : 1); i++)
		if ((id = ynode_str(v->type == YSEQ ? v->kid[i] : v)) !=
		    NULL && *id) {
			strv_add(l, r);
			strv_add(l, id);
		}
}

/*
 * The value of key k into its field, as far as its shape allows: with
 * C_STRUCT nothing was checked, and a list where a string belongs is
 * simply not read.
 */
static void
store(struct contact *c, const struct key *k, struct ynode *v, int flags)
{
	const char *s = ynode_str(v);
	struct met *m;
	size_t i;
	void *p;

	if (k->type == K_LOG) {
		readlog(c, v, flags);
		return;
	}
	if (k->field == NOFIELD || ynode_isnull(v))
		return;
	p = (char *)c + k->field;
	m = p;
	switch (k->type) {
	case K_NAME:
	case K_STR:
	case K_TEXT:
	case K_CIRCLE:
		if (v->type == YSCALAR)
			*(char **)p = xstrdup(v->str);
		break;
	case K_LIST:
	case K_EMAIL:
		strlist(p, v);
		break;
	case K_DATE:
		if (s)
			date_parse(s, p);
		break;
	case K_DUR:
		if (s)
			cadence_parse(s, p);
		break;
	case K_BDAY:
		if (s)
			bday_parse(s, p);
		break;
	case K_TYPE:
		if (s)
			*(int *)p = schema_type(s) == T_COMMUNITY ?
			    T_COMMUNITY : T_PERSON;
		break;
	case K_DATES:
		readdates(p, v);
		break;
	case K_LINKS:
		for (i = 0; v->type == YMAP && i + 1 < v->nkid; i += 2)
			if (ynode_str(v->kid[i]) && (s =
			    ynode_str(v->kid[i + 1])) != NULL) {
				strv_add(p, ynode_str(v->kid[i]));
				strv_add(p, s);
			}
		break;
	case K_REL:
		for (i = 0; v->type == YMAP && i + 1 < v->nkid; i += 2)
			relpairs(p, v->kid[i], ynode_deref(v->kid[i + 1]));
		break;
	case K_WORK:
		for (i = 0; v->type == YSEQ && i < v->nkid; i++)
			if (ynode_deref(v->kid[i])->type == YMAP &&
			    (s = ynode_str(ymap_get(ynode_deref(v->kid[i]),
			    "org"))) != NULL)
				strv_add(p, s);
		break;
	case K_MET:
		if (v->type == YSCALAR) {
			m->where = xstrdup(v->str);
			break;
		}
		if ((s = ynode_str(ymap_get(v, "where"))) != NULL)
			m->where = xstrdup(s);
		if ((s = ynode_str(ymap_get(v, "via"))) != NULL)
			m->via = xstrdup(s);
		if ((s = ynode_str(ymap_get(v, "date"))) != NULL)
			date_parse(s, &m->date);
		break;
	default:
		break;
	}
}

/* A node as data: a copy that owns its strings and knows no bytes. */
static void
copyvalue(struct value *d, struct ynode *n)
{
	size_t i;

	memset(d, 0, sizeof *d);
	if ((n = ynode_deref(n)) == NULL || ynode_isnull(n))
		return;
	if (n->type == YSCALAR) {
		d->type = V_STR;
		d->s = xstrdup(n->str);
		d->plain = n->plain;
		return;
	}
	d->type = n->type == YMAP ? V_MAP : V_LIST;
	d->n = n->nkid;
	d->v = xcalloc(n->nkid, sizeof *d->v);
	for (i = 0; i < n->nkid; i++)
		copyvalue(&d->v[i], n->kid[i]);
}

/*
 * The keys of root mapping r as data (copyvalue), the log left out with
 * C_NOLOG: its entries are most of a contact's nodes.
 */
static void
copykeys(struct value *d, struct ynode *r, int flags)
{
	const struct key *k;
	struct ynode *kn;
	size_t i, n;

	if (!(flags & C_NOLOG) || r->type != YMAP) {
		copyvalue(d, r);
		return;
	}
	memset(d, 0, sizeof *d);
	d->type = V_MAP;
	d->v = xcalloc(r->nkid ? r->nkid : 1, sizeof *d->v);
	for (i = n = 0; i + 1 < r->nkid; i += 2) {
		kn = ynode_deref(r->kid[i]);
		if (kn->type == YSCALAR && (k = schema_key(kn->str)) != NULL &&
		    k->type == K_LOG)
			continue;
		copyvalue(&d->v[n++], r->kid[i]);
		copyvalue(&d->v[n++], r->kid[i + 1]);
	}
	d->n = n;
}

void
value_free(struct value *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		value_free(&v->v[i]);
	free(v->v);
	free(v->s);
	memset(v, 0, sizeof *v);
}

/*
 * The value of a key of the file (C_KEYS), or of a part of a mapping key
 * ("dates.anniversary"; a mapping that is text is its text part), NULL
 * when it has none.
 */
const struct value *
contact_value(struct contact *c, const char *key)
{
	const struct value *m;
	const char *part, *tp;
	char *base = NULL;
	size_t i;

	const struct value *keys = &c->lib->keys;

	for (i = 0; i + 1 < keys->n; i += 2)
		if (keys->v[i].s && strcmp(keys->v[i].s, key) == 0)
			return &keys->v[i + 1];
	if ((part = schema_subkey(key, &base)) == NULL)
		return NULL;
	m = contact_value(c, base);
	tp = schema_text_part(base);
	free(base);
	if (m && m->type == V_STR && tp && strcmp(part, tp) == 0)
		return m;
	for (i = 0; m && m->type == V_MAP && i + 1 < m->n; i += 2)
		if (m->v[i].type == V_STR && strcmp(m->v[i].s, part) == 0)
			return &m->v[i + 1];
	return NULL;
}

/*
 * Does m match c's value of key (nw-ls -f), or with no key (-e) the
 * value of every key of the file, the user's own too, and of the log the
 * notes only (its dates and kinds would match everyone)?  C_KEYS and
 * C_LOG loaded.  1 yes, 0 no, -1 when matching failed, said in err.
 */
int
contact_match(struct contact *c, struct match *m, const char *key, char *err,
    size_t errlen)
{
	const struct value *k;
	const struct key *sk;
	size_t i;
	int rv;

	if (key)
		return match_value(m, contact_value(c, key), err, errlen);
	for (i = 0; i + 1 < c->lib->keys.n; i += 2) {
		k = &c->lib->keys.v[i];
		if (k->type == V_STR && (sk = schema_key(k->s)) != NULL &&
		    sk->type == K_LOG)
			continue;
		rv = match_value(m, &c->lib->keys.v[i + 1], err, errlen);
		if (rv != 0)
			return rv;
	}
	for (i = 0; i < c->nlog; i++)
		if (c->log[i].note &&
		    (rv = match_str(m, c->log[i].note, err, errlen)) != 0)
			return rv;
	return 0;
}

static void
fields(struct net *net, struct contact *c, struct ynode *r, int flags)
{
	struct load l = { { net, loadsay, NULL }, c, 0, 0 };
	const struct key *k;
	struct ynode *kn, *v;
	size_t i;

	l.f.arg = &l;
	for (i = 0; i + 1 < r->nkid; i += 2) {
		kn = ynode_deref(r->kid[i]);
		v = ynode_deref(r->kid[i + 1]);
		if (kn->type != YSCALAR || (k = schema_key(kn->str)) == NULL)
			continue;
		l.bad = 0;
		l.vital = (k->flags & K_VITAL) && !(flags & C_STRUCT);
		if (flags & C_STRUCT) {
			if (k->type == K_LOG && !ynode_isnull(v) &&
			    v->type != YSEQ)
				bad(c, v, "'log' is not a list");
		} else
			schema_check(&l.f, k, v);
		/*
		 * What has the shape of its key is kept, found wrong or not:
		 * a vital error makes the contact unusable anyway, and an
		 * unknown circle or a via naming no one is still the user's.
		 */
		if (k->type != K_LOG || !(flags & C_NOLOG))
			store(c, k, v, flags);
	}
	if (flags & C_KEYS)
		copykeys(&c->lib->keys, r, flags);
}

/* An empty contact, its library part in the same block. */
struct contact *
contact_new(void)
{
	struct contact_block *b = xcalloc(1, sizeof *b);

	b->c.lib = &b->l;
	return &b->c;
}

/* The fields of a contact from its parsed file d and its path, owned. */
static struct contact *
contact_fill(struct net *net, const char *id, char *path, struct ydoc *d,
    int flags)
{
	struct contact *c;
	struct ynode *r, *n;

	c = contact_new();
	c->id = xstrdup(id);
	c->lib->path = path;
	c->lib->next = c->added = c->last = c->lib->met.date = NODATE;
	c->lib->first = c->lib->closed = NODATE;
	if ((r = d->root) == NULL) {
		c->lib->err = xstrdup(d->err[0] ? d->err :
		    "empty file: a contact needs a name");
		c->lib->line = d->line, c->lib->col = d->col;
		ydoc_free(d);
		return c;
	}
	if (r->type != YMAP)
		bad(c, r, "the root is not a mapping");
	else if ((n = ymap_get(r, "name")) == NULL)
		bad(c, r, "no 'name'");
	else if (n->type != YSCALAR || n->len == 0 || ynode_isnull(n) ||
	    strlen(n->str) != n->len)
		bad(c, n, "'name' must be a non-empty string");
	else
		fields(net, c, r, flags);
	if (flags & C_DOC)
		c->lib->doc = d;
	else
		ydoc_free(d);
	return c;
}

/* Read contact id from its file; c->err says what is wrong, if anything. */
struct contact *
contact_load(struct net *net, const char *id, int flags)
{
	char *path = net_path(net, id);

	/* only an edit needs the bytes of each node */
	return contact_fill(net, id, path, ydoc_readf(path, flags & C_DOC ?
	    YD_BYTES : 0), flags);
}

/* The same from the text of contact id's file, len bytes. */
struct contact *
contact_parse(struct net *net, const char *id, const char *text, size_t len,
    int flags)
{
	return contact_fill(net, id, net_path(net, id), ydoc_parsef(text, len,
	    flags & C_DOC ? YD_BYTES : 0), flags);
}

void
contact_free(struct contact *c)
{
	size_t i;

	if (c == NULL)
		return;
	if (c->lib->packed) {	/* its strings and lists are in the block */
		if (c->lib->packed == 1)
			free(c);
		return;
	}
	free(c->id);
	free(c->lib->path);
	ydoc_free(c->lib->doc);
	free(c->name);
	strv_free(&c->lib->aka);
	strv_free(&c->lib->tags);
	strv_free(&c->lib->groups);
	strv_free(&c->email);
	strv_free(&c->lib->phone);
	strv_free(&c->lib->links);
	strv_free(&c->rel);
	strv_free(&c->orgs);
	strv_free(&c->lib->offers);
	strv_free(&c->lib->topics);
	for (i = 0; i < c->lib->dates.n; i++)
		free(c->lib->dates.v[i].what);
	free(c->lib->dates.v);
	free(c->lib->jobs.v);
	free(c->circle);
	free(c->org);
	free(c->lib->title);
	free(c->lib->address);
	free(c->lib->notes);
	free(c->lib->next_note);
	free(c->lib->met.where);
	free(c->lib->met.via);
	for (i = 0; c->log && i < c->nlog; i++) {
		free(c->log[i].kind);
		free(c->log[i].note);
	}
	free(c->log);
	value_free(&c->lib->keys);
	free(c->lib->err);
	free(c);
}

/* Say what is wrong with a contact like a compiler would: 0, or -1 said. */
int
contact_report(struct contact *c)
{
	if (c->lib->err == NULL)
		return 0;
	report(stderr, c->lib->path, c->lib->line, c->lib->col, NULL, "%s",
	    c->lib->err);
	return -1;
}

/* A row's strings; not its contact, which contact_due was lent. */
void
due_free(struct due *d)
{
	free(d->reason);
	free(d->bdreason);
	memset(d, 0, sizeof *d);
}

/* The cadence of c: every, else its circle's, else the default. */
static struct dur
cadence(struct net *net, struct contact *c, const char **circle)
{
	struct dur *cp;

	*circle = NULL;
	if (c->lib->every.unit)
		return c->lib->every;
	if (c->circle && (cp = net_circle(net, c->circle)) != NULL) {
		*circle = c->circle;
		return *cp;
	}
	return net->dflt;
}

struct occasion {
	int		 date;
	char		*text;
};

/*
 * A birthday or a date of c's dates map, when its next day falls within
 * the birthdays window, unless contact was logged on the day itself or
 * the day before (you wished early): contact earlier in the window is
 * not a wish and dismisses nothing.
 */
static void
occasion(struct occasion *o, size_t *n, const char *what, struct bday b,
    int today, int window, int last)
{
	int next, y, m, d;

	next = bday_next(b, today);
	if (b.year && (d = date_from_civil(b.year, b.month, b.day)) > today)
		next = d;	/* a date to come: first on its own day */
	if (next - today > window || (last != NODATE && last >= next - 1 &&
	    last <= next))
		return;
	date_to_civil(next, &y, &m, &d);
	o[*n].date = next;
	o[*n].text = next == today ? xasprintf("%s today", what) :
	    xasprintf("%s in %dd (%02d-%02d)", what, next - today, m, d);
	(*n)++;
}

/* The birthday and dates near: d->bday the first, d->bdreason all. */
static void
occasions(struct net *net, struct contact *c, int today, struct due *d)
{
	struct occasion *o, x;
	struct buf b = { 0 };
	size_t i, j, n = 0;
	int window;

	d->bday = NODATE;
	if (!c->lib->bday.month && c->lib->dates.n == 0)
		return;
	window = date_add(today, net->birthdays) - today;
	o = xcalloc(c->lib->dates.n + 1, sizeof *o);
	if (c->lib->bday.month)
		occasion(o, &n, "birthday", c->lib->bday, today, window,
		    c->last);
	for (i = 0; i < c->lib->dates.n; i++)
		occasion(o, &n, c->lib->dates.v[i].what,
		    c->lib->dates.v[i].when, today, window, c->last);
	for (i = 1; i < n; i++)		/* nearest first, stable */
		for (j = i; j > 0 && o[j - 1].date > o[j].date; j--)
			x = o[j], o[j] = o[j - 1], o[j - 1] = x;
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s%s", i ? "; " : "", o[i].text);
		free(o[i].text);
	}
	if (n)
		d->bday = o[0].date;
	d->bdreason = b.s;
	free(o);
}

/*
 * When is c due, as of today, and why (nw(5), "When someone is due"):
 * the one place nw-due, nw-show, nw-stats, nw-ls -l and the exports get
 * it.  The cadence is every, else the circle's, else the default; due is
 * next, else last contact + cadence, else today.  A cadence of never
 * makes no due date (d->never) but for a follow-up.  A community's reason
 * says it is one.
 */
void
contact_due(struct net *net, struct contact *c, int today, struct due *d)
{
	struct dur cad;
	struct buf b = { 0 };
	char ds[11], us[16];
	const char *circle;
	int last;

	memset(d, 0, sizeof *d);
	d->c = c;
	cad = cadence(net, c, &circle);
	d->cadence = cad.unit == 'n' ? 365 : dur_days(cad);
	last = c->last != NODATE ? c->last : c->added;
	if (c->lib->next != NODATE || (cad.unit != 'n' && last == NODATE))
		circle = NULL;		/* the reason is none of the cadence */
	if (c->type == T_COMMUNITY)
		buf_printf(&b, "community%s%s: ", circle ? ", " : "",
		    circle ? circle : "");
	else if (circle)
		buf_printf(&b, "%s: ", circle);
	if (c->lib->next != NODATE) {
		d->due = c->lib->next;
		d->promise = c->lib->next_note != NULL;
		buf_puts(&b, "follow-up");
		if (c->lib->next_note)
			buf_printf(&b, ": %s", c->lib->next_note);
	} else if (cad.unit == 'n') {
		d->due = NODATE;
		d->never = 1;
		buf_puts(&b, "every never");
	} else if (last != NODATE) {
		d->due = date_add(last, cad);
		buf_printf(&b, "every %s, %s %s", dur_str(cad, us),
		    c->last != NODATE ? "last" : "added", date_str(last, ds));
	} else {
		d->due = today;
		buf_puts(&b, "never contacted");
	}
	d->days = d->never ? 0 : today - d->due;
	d->reason = b.s;
	occasions(net, c, today, d);
}

/* The day c is due (nw-ls -l), NODATE for a cadence of never. */
int
contact_due_date(struct net *net, struct contact *c, int today)
{
	struct due d;
	int day;

	contact_due(net, c, today, &d);
	day = d.never ? NODATE : d.due;
	due_free(&d);
	return day;
}

/*
 * The id for a name: lowercase ASCII letters, digits and '-'; accented
 * Latin letters lose their accents, other scripts stay as they are.
 */
char *
contact_slug(const char *name)
{
	static const char latin1[] =
	    "aaaaaa?ceeeeiiiidnooooo-ouuuuy??aaaaaa?ceeeeiiiidnooooo-ouuuuy?y";
	static const char exta[] =
	    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkkllllllllll"
	    "nnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
	const unsigned char *u = (const unsigned char *)name;
	struct buf b = { 0 };
	unsigned cp, len, k;
	const char *t;
	char one[2] = { 0 }, low[5];

	while (*u) {
		if (*u < 0x80) {
			cp = *u, len = 1;
		} else {
			len = *u >= 0xf0 ? 4 : *u >= 0xe0 ? 3 : 2;
			cp = *u & (0x3f >> (len - 1));
			for (k = 1; k < len && u[k]; k++)
				cp = cp << 6 | (u[k] & 0x3f);
			if (k < len)
				break;
		}
		t = "-";
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			one[0] = cp, t = one;
		else if (cp >= 'A' && cp <= 'Z')
			one[0] = cp - 'A' + 'a', t = one;
		else if (cp == 0xc6 || cp == 0xe6)
			t = "ae";
		else if (cp == 0xde || cp == 0xfe)
			t = "th";
		else if (cp == 0xdf)
			t = "ss";
		else if (cp == 0x132 || cp == 0x133)
			t = "ij";
		else if (cp == 0x152 || cp == 0x153)
			t = "oe";
		else if (cp >= 0xc0 && cp <= 0xff)
			one[0] = latin1[cp - 0xc0], t = one;
		else if (cp >= 0x100 && cp <= 0x17f)
			one[0] = exta[cp - 0x100], t = one;
		else if (cp >= 0x180 && !(cp >= 0x2000 && cp <= 0x206f) &&
		    cp != 0xfeff && !(cp >= 0xfff0))
			t = NULL;	/* another script: kept */
		if (t == NULL && utf8_lower(cp, low))	/* Ольга: ольга */
			buf_puts(&b, low);
		else if (t == NULL)
			buf_add(&b, (const char *)u, len);
		else if (*t != '-')
			buf_puts(&b, t);
		else if (b.len && b.s[b.len - 1] != '-')
			buf_puts(&b, "-");
		u += len;
		if (b.len >= 64)
			break;
	}
	while (b.len && b.s[b.len - 1] == '-')
		b.s[--b.len] = '\0';
	if (b.len == 0) {
		free(b.s);
		return xstrdup("contact");
	}
	return b.s;
}
