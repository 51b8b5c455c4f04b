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
	if (!l->vital || l->c->err)
		return;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc(len + 1);
	va_start(ap, fmt);
	vsnprintf(s, len + 1, fmt, ap);
	va_end(ap);
	l->c->err = s;
	l->c->line = n ? n->line : 1;
	l->c->col = n ? n->col : 1;
}

static void
bad(struct contact *c, struct ynode *n, const char *msg)
{
	if (c->err)
		return;
	c->err = xstrdup(msg);
	c->line = n ? n->line : 1;
	c->col = n ? n->col : 1;
}

int
contact_isasked(const char *kind)
{
	return (schema_kind(kind) & KIND_ASK) != 0;
}

/* Entries with a date: the last contact, the counts, the entries kept. */
static void
readlog(struct contact *c, struct ynode *l, int flags)
{
	struct ynode *e;
	struct logent le;
	const char *s;
	size_t i;
	int k;

	if (l->type != YSEQ)
		return;
	if (flags & C_LOG)
		c->log = xcalloc(l->nkid, sizeof *c->log);
	for (i = 0; i < l->nkid; i++) {
		e = ynode_deref(l->kid[i]);
		if (e->type != YMAP || (s = ynode_str(ymap_get(e, "date"))) ==
		    NULL || !date_parse(s, &le.date))
			continue;
		le.kind = (char *)ynode_str(ymap_get(e, "kind"));
		le.note = (char *)ynode_str(ymap_get(e, "note"));
		k = schema_kind(le.kind);
		if ((k & KIND_CONTACT) && (c->last == NODATE ||
		    le.date > c->last))
			c->last = le.date;
		c->ngive += (k & KIND_GIVE) != 0;
		c->nask += (k & KIND_ASK) != 0;
		c->ngot += (k & KIND_GOT) != 0;
		if (flags & C_LOG) {
			le.kind = le.kind ? xstrdup(le.kind) : NULL;
			le.note = le.note ? xstrdup(le.note) : NULL;
			c->log[c->nlog] = le;
		}
		c->nlog++;
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

/*
 * The value of key k into its field, as far as its shape allows: with
 * C_STRUCT nothing was checked, and a list where a string belongs is
 * simply not read.
 */
static void
store(struct contact *c, const struct key *k, struct ynode *v, int flags)
{
	void *p = (char *)c + k->field;
	struct met *m = p;
	const char *s = ynode_str(v);
	size_t i;

	if (k->type == K_LOG) {
		readlog(c, v, flags);
		return;
	}
	if (k->field == NOFIELD || ynode_isnull(v))
		return;
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
			dur_parse(s, p);
		break;
	case K_BDAY:
		if (s)
			bday_parse(s, p);
		break;
	case K_LINKS:
		for (i = 0; v->type == YMAP && i + 1 < v->nkid; i += 2)
			if (ynode_str(v->kid[i]) && (s =
			    ynode_str(v->kid[i + 1])) != NULL) {
				strv_add(p, ynode_str(v->kid[i]));
				strv_add(p, s);
			}
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

/* The value of a key of the file (C_KEYS), NULL when it has none. */
const struct value *
contact_value(struct contact *c, const char *key)
{
	size_t i;

	for (i = 0; i + 1 < c->keys.n; i += 2)
		if (c->keys.v[i].s && strcmp(c->keys.v[i].s, key) == 0)
			return &c->keys.v[i + 1];
	return NULL;
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
		store(c, k, v, flags);
	}
	if (flags & C_KEYS)
		copyvalue(&c->keys, r);
}

/* The fields of a contact from its parsed file d and its path, owned. */
static struct contact *
contact_fill(struct net *net, const char *id, char *path, struct ydoc *d,
    int flags)
{
	struct contact *c;
	struct ynode *r, *n;

	c = xcalloc(1, sizeof *c);
	c->id = xstrdup(id);
	c->path = path;
	c->next = c->added = c->last = c->met.date = NODATE;
	if ((r = d->root) == NULL) {
		c->err = xstrdup(d->err[0] ? d->err :
		    "empty file: a contact needs a name");
		c->line = d->line, c->col = d->col;
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
		c->doc = d;
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
	if (c->packed) {	/* its strings and lists are in the block */
		free(c);
		return;
	}
	free(c->id);
	free(c->path);
	ydoc_free(c->doc);
	free(c->name);
	strv_free(&c->aka);
	strv_free(&c->tags);
	strv_free(&c->groups);
	strv_free(&c->email);
	strv_free(&c->phone);
	strv_free(&c->links);
	free(c->circle);
	free(c->org);
	free(c->title);
	free(c->address);
	free(c->notes);
	free(c->next_note);
	free(c->met.where);
	free(c->met.via);
	for (i = 0; c->log && i < c->nlog; i++) {
		free(c->log[i].kind);
		free(c->log[i].note);
	}
	free(c->log);
	value_free(&c->keys);
	free(c->err);
	free(c);
}

/* Say what is wrong with a contact like a compiler would; 1 if anything. */
int
contact_report(struct contact *c)
{
	if (c->err == NULL)
		return 0;
	report(stderr, c->path, c->line, c->col, NULL, "%s", c->err);
	return 1;
}

/* A row's strings and its contact. */
void
due_free(struct due *d)
{
	free(d->reason);
	free(d->bdreason);
	contact_free(d->c);
	memset(d, 0, sizeof *d);
}

/*
 * When is c due, as of today, and why.  The cadence is every, else the
 * circle's, else the default; due is next, else last contact + cadence,
 * else today.
 */
void
contact_due(struct net *net, struct contact *c, int today, struct due *d)
{
	struct dur cad, *cp;
	struct buf b = { 0 };
	char ds[11], us[16];
	const char *circle = NULL;
	int last, window, m, y, dd;

	memset(d, 0, sizeof *d);
	d->c = c;
	if (c->every.unit)
		cad = c->every;
	else if (c->circle && (cp = net_circle(net, c->circle)) != NULL)
		cad = *cp, circle = c->circle;
	else
		cad = net->dflt;
	d->cadence = dur_days(cad);
	last = c->last != NODATE ? c->last : c->added;
	if (c->next != NODATE) {
		d->due = c->next;
		buf_puts(&b, "follow-up");
		if (c->next_note)
			buf_printf(&b, ": %s", c->next_note);
	} else if (last != NODATE) {
		d->due = date_add(last, cad);
		if (circle)
			buf_printf(&b, "%s: ", circle);
		buf_printf(&b, "every %s, %s %s", dur_str(cad, us),
		    c->last != NODATE ? "last" : "added", date_str(last, ds));
	} else {
		d->due = today;
		buf_puts(&b, "never contacted");
	}
	d->days = today - d->due;
	d->bday = NODATE;
	if (c->bday.month) {
		window = date_add(today, net->birthdays) - today;
		d->bday = bday_next(c->bday, today);
		if (d->bday - today <= window) {
			date_to_civil(d->bday, &y, &m, &dd);
			d->bdreason = d->bday == today ?
			    xstrdup("birthday today") :
			    xasprintf("birthday in %dd (%02d-%02d)",
			    d->bday - today, m, dd);
		} else {
			d->bday = NODATE;
		}
	}
	d->reason = b.s;
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
	char one[2] = { 0 };

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
		if (t == NULL)
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
