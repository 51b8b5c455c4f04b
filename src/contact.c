/* contact.c - a contact's fields, read from its tree */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"

static void
bad(struct contact *c, struct ynode *n, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int len;

	if (c->err)
		return;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc(len + 1);
	va_start(ap, fmt);
	vsnprintf(s, len + 1, fmt, ap);
	va_end(ap);
	c->err = s;
	c->line = n ? n->line : 1;
	c->col = n ? n->col : 1;
}

/* A string, or a list of strings: email, aka, tags, groups. */
static void
strlist(struct contact *c, struct ynode *root, const char *key, char ***v,
    size_t *n)
{
	struct ynode *l = ymap_get(root, key), *k;
	size_t i;

	if (l == NULL || ynode_isnull(l))
		return;
	if (l->type == YSCALAR) {
		*v = xcalloc(1, sizeof **v);
		(*v)[(*n)++] = xstrdup(l->str);
		return;
	}
	if (l->type != YSEQ) {
		bad(c, l, "'%s' must be a string or a list", key);
		return;
	}
	*v = xcalloc(l->nkid, sizeof **v);
	for (i = 0; i < l->nkid; i++) {
		k = ynode_deref(l->kid[i]);
		if (k->type != YSCALAR) {
			bad(c, k, "'%s' items must be strings", key);
			continue;
		}
		(*v)[(*n)++] = xstrdup(k->str);
	}
}

static char *
str(struct contact *c, struct ynode *root, const char *key)
{
	struct ynode *n = ymap_get(root, key);

	if (n == NULL || ynode_isnull(n))
		return NULL;
	if (n->type != YSCALAR) {
		bad(c, n, "'%s' must be a string", key);
		return NULL;
	}
	return xstrdup(n->str);
}

static int
date(struct contact *c, struct ynode *n, const char *what)
{
	int z;

	if (n == NULL || ynode_isnull(n))
		return NODATE;
	if (n->type != YSCALAR || !date_parse(n->str, &z)) {
		bad(c, n, "%s '%s' is not a date (YYYY-MM-DD)", what,
		    n->type == YSCALAR ? n->str : "");
		return NODATE;
	}
	return z;
}

int
contact_isasked(const char *kind)
{
	return kind && strcmp(kind, "ask") == 0;
}

static void
readlog(struct contact *c, struct ynode *root, int flags)
{
	struct ynode *l = ymap_get(root, "log"), *e, *dn;
	struct logent le;
	size_t i;

	if (l == NULL || ynode_isnull(l))
		return;
	if (l->type != YSEQ) {
		bad(c, l, "'log' is not a list");
		return;
	}
	if (flags & C_KEEPLOG)
		c->log = xcalloc(l->nkid, sizeof *c->log);
	for (i = 0; i < l->nkid; i++) {
		e = ynode_deref(l->kid[i]);
		if (e->type != YMAP) {
			if (!(flags & C_STRUCT))
				bad(c, e, "a log entry must be a mapping "
				    "with a date");
			continue;
		}
		dn = ymap_get(e, "date");
		if (dn == NULL) {
			if (!(flags & C_STRUCT))
				bad(c, e, "log entry without a date");
			continue;
		}
		le.date = (flags & C_STRUCT) && (dn->type != YSCALAR ||
		    !date_parse(dn->str, &le.date)) ? NODATE :
		    date(c, dn, "log date");
		le.kind = (char *)ynode_str(ymap_get(e, "kind"));
		le.note = (char *)ynode_str(ymap_get(e, "note"));
		if (le.date == NODATE)
			continue;
		if (le.kind == NULL || strcmp(le.kind, "note") != 0)
			if (c->last == NODATE || le.date > c->last)
				c->last = le.date;
		if (le.kind && strcmp(le.kind, "give") == 0)
			c->ngive++;
		if (le.kind && strcmp(le.kind, "ask") == 0)
			c->nask++;
		if (le.kind && strcmp(le.kind, "got") == 0)
			c->ngot++;
		if (flags & C_KEEPLOG) {
			le.kind = le.kind ? xstrdup(le.kind) : NULL;
			le.note = le.note ? xstrdup(le.note) : NULL;
			c->log[c->nlog] = le;
		}
		c->nlog++;
	}
}

static void
fields(struct contact *c, struct ynode *r, int flags)
{
	struct ynode *n;
	const char *s;

	strlist(c, r, "aka", &c->aka, &c->naka);
	strlist(c, r, "tags", &c->tags, &c->ntags);
	strlist(c, r, "groups", &c->groups, &c->ngroups);
	strlist(c, r, "email", &c->email, &c->nemail);
	c->org = str(c, r, "org");
	c->title = str(c, r, "title");
	c->next_note = str(c, r, "next-note");
	c->circle = str(c, r, "circle");	/* unknown: nw-check says so */
	if ((n = ymap_get(r, "every")) != NULL && !ynode_isnull(n) &&
	    ((s = ynode_str(n)) == NULL || !dur_parse(s, &c->every)) &&
	    !(flags & C_STRUCT))
		bad(c, n, "every '%s' is not a duration (like 3w, 2m, 1y)",
		    s ? s : "");
	if (flags & C_STRUCT)
		return;
	c->next = date(c, ymap_get(r, "next"), "next");
	c->added = date(c, ymap_get(r, "added"), "added");
	if ((n = ymap_get(r, "birthday")) != NULL && !ynode_isnull(n) &&
	    ((s = ynode_str(n)) == NULL || !bday_parse(s, &c->bday)))
		bad(c, n, "birthday '%s' is not YYYY-MM-DD or --MM-DD",
		    s ? s : "");
}

/* The fields of a contact from its parsed file d, which it then owns. */
static struct contact *
contact_fill(struct net *net, const char *id, struct ydoc *d, int flags)
{
	struct contact *c;
	struct ynode *r, *n;
	int logerr;

	c = xcalloc(1, sizeof *c);
	c->id = xstrdup(id);
	c->path = net_path(net, id);
	c->next = c->added = c->last = NODATE;
	if ((r = d->root) == NULL) {
		c->err = xstrdup(d->err[0] ? d->err :
		    "empty file: a contact needs a name");
		c->line = d->line, c->col = d->col;
		ydoc_free(d);
		return c;
	}
	if (r->type != YMAP) {
		bad(c, r, "the root is not a mapping");
	} else if ((n = ymap_get(r, "name")) == NULL) {
		bad(c, r, "no 'name'");
	} else if (n->type != YSCALAR || n->len == 0 || ynode_isnull(n) ||
	    strlen(n->str) != n->len) {
		bad(c, n, "'name' must be a non-empty string");
	} else {
		c->name = xstrdup(n->str);
		readlog(c, r, flags);
		logerr = c->err != NULL;
		fields(c, r, flags);
		if ((flags & C_STRUCT) && c->err && !logerr) {
			/* a wrong type elsewhere never stops an edit */
			free(c->err);
			c->err = NULL;
		}
	}
	if (flags & C_KEEPDOC)
		c->doc = d;
	else
		ydoc_free(d);
	return c;
}

/*
 * Read one contact.  Problems leave c->err set with their place; with
 * C_STRUCT only what an edit needs is checked (a mapping with a name and a
 * log that is a list), so a bad date never stops a command from logging.
 */
struct contact *
contact_load(struct net *net, const char *id, int flags)
{
	char *path = net_path(net, id);
	struct ydoc *d = ydoc_read(path);

	free(path);
	return contact_fill(net, id, d, flags);
}

/* The same from the text of contact id's file, len bytes. */
struct contact *
contact_parse(struct net *net, const char *id, const char *text, size_t len,
    int flags)
{
	return contact_fill(net, id, ydoc_parse(text, len), flags);
}

static void
freev(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
contact_free(struct contact *c)
{
	int i;

	if (c == NULL)
		return;
	free(c->id);
	free(c->path);
	ydoc_free(c->doc);
	free(c->name);
	freev(c->aka, c->naka);
	freev(c->tags, c->ntags);
	freev(c->groups, c->ngroups);
	freev(c->email, c->nemail);
	free(c->circle);
	free(c->org);
	free(c->title);
	free(c->next_note);
	for (i = 0; c->log && i < c->nlog; i++) {
		free(c->log[i].kind);
		free(c->log[i].note);
	}
	free(c->log);
	free(c->err);
	free(c);
}

/* Say what is wrong with a contact like a compiler would; 1 if anything. */
int
contact_report(struct contact *c)
{
	if (c->err == NULL)
		return 0;
	if (c->line)
		fprintf(stderr, "%s:%d:%d: %s\n", c->path, c->line, c->col,
		    c->err);
	else
		fprintf(stderr, "%s: %s\n", c->path, c->err);
	return 1;
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
