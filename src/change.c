/* change.c - the changes commands make to contacts, written safely */

#include <sys/stat.h>

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"

/* Edits of one file: open it, change it, write it; NULL said on stderr. */
static struct edit *
change_open(struct net *net, const char *id, struct contact **cp)
{
	struct contact *c;
	struct edit *e;

	c = contact_load(net, id, C_KEEPDOC | C_STRUCT);
	if (c->err) {
		contact_report(c);
		contact_free(c);
		return NULL;
	}
	*cp = c;
	e = edit_open(c->doc, c->path);
	c->doc = NULL;		/* the edit owns it now */
	return e;
}

static int
change_write(struct contact *c, struct edit *e)
{
	if (e->len == e->olen && memcmp(e->text, e->orig, e->len) == 0)
		return 0;
	return safe_write(c->path, e->text, e->len, 0) == -1;
}

static void
change_close(struct contact *c, struct edit *e)
{
	edit_free(e);
	contact_free(c);
}

/* The YAML for one log entry: {date: D, kind: K, note: N} */
char *
change_logitem(int date, const char *kind, const char *note)
{
	struct buf b = { 0 };
	char ds[11], *q;

	buf_printf(&b, "{date: %s", date_str(date, ds));
	if (kind) {
		q = yaml_quote(kind, Q_FLOW | Q_STR);
		buf_printf(&b, ", kind: %s", q);
		free(q);
	}
	if (note) {
		q = yaml_quote(note, Q_FLOW | Q_STR);
		buf_printf(&b, ", note: %s", q);
		free(q);
	}
	buf_puts(&b, "}");
	return b.s;
}

/*
 * Change one contact: fn makes its edits on the file's text (returning 0
 * to refuse, with the reason in the edit), then the result is written
 * once, only when it differs.  *after, when asked, gets the contact as it
 * now is.  0 on success; the reason is said on stderr otherwise.
 */
int
change_edit(struct net *net, const char *id,
    int (*fn)(struct edit *, void *), void *arg, struct contact **after)
{
	struct contact *c;
	struct edit *e;
	int rv;

	net_lock(net);
	if ((e = change_open(net, id, &c)) == NULL) {
		net_unlock(net);
		return 1;
	}
	if (!fn(e, arg))
		rv = edit_report(e);
	else
		rv = change_write(c, e);
	change_close(c, e);
	net_unlock(net);
	if (rv == 0 && after)
		*after = contact_load(net, id, C_STRUCT);
	return rv;
}

struct logchange {
	const char	*item, *next, *nnote;
	int		 clear;
};

static int
logedits(struct edit *e, void *arg)
{
	struct logchange *l = arg;
	char *q;
	int ok;

	ok = edit_append(e, "log", l->item, 1);
	if (ok && l->next)
		ok = edit_set(e, "next", l->next);
	else if (ok && l->clear)
		ok = edit_delete(e, "next");
	if (ok && l->nnote) {
		q = yaml_quote(l->nnote, Q_STR);
		ok = edit_set(e, "next-note", q);
		free(q);
	} else if (ok && (l->clear || l->next))
		ok = edit_delete(e, "next-note");
	return ok;
}

/*
 * Append a log entry to contact id and settle its follow-up: next and
 * next-note are set when given, else removed when clear is set (an entry
 * that counts as contact).
 */
int
change_log(struct net *net, const char *id, const char *item,
    const char *next, const char *nnote, int clear, struct contact **after)
{
	struct logchange l = { item, next, nnote, clear };

	return change_edit(net, id, logedits, &l, after);
}

/* key: value, or key: [a, b] for several (always a list with flowlist) */
static void
field(struct buf *b, const char *key, struct strv *l, int flowlist)
{
	int list = l->n > 1 || flowlist;
	size_t i;
	char *q;

	if (l->n == 0)
		return;
	buf_printf(b, "%s: %s", key, list ? "[" : "");
	for (i = 0; i < l->n; i++) {
		q = yaml_quote(l->v[i], Q_STR | (list ? Q_FLOW : 0));
		buf_printf(b, "%s%s", i ? ", " : "", q);
		free(q);
	}
	buf_puts(b, list ? "]\n" : "\n");
}

static void
scalar(struct buf *b, const char *key, const char *v, int flags)
{
	char *q;

	if (v == NULL)
		return;
	q = yaml_quote(v, flags);
	buf_printf(b, "%s: %s\n", key, q);
	free(q);
}

static void
pair(struct buf *b, const char *key, const char *v, int *first)
{
	char *q;

	if (v == NULL)
		return;
	q = yaml_quote(v, Q_STR | Q_FLOW);
	buf_printf(b, "%s%s: %s", *first ? "" : ", ", key, q);
	*first = 0;
	free(q);
}

/*
 * Notes go in a literal block scalar when it carries them as they are:
 * not when they start with a blank (that would set the indentation), nor
 * when yaml_quote has to escape more than line feeds and quotes (CR, NEL,
 * LS and PS break lines in a block; libyaml takes a tab at a line's start
 * for indentation; other controls and non-characters cannot be written
 * bare).  Else q holds them quoted.
 */
static int
notes_block(const char *s, char **q)
{
	const char *p;

	*q = yaml_quote(s, Q_STR);
	if (*s == '\0' || *s == ' ' || *s == '\n')
		return 0;
	for (p = *q; (p = strchr(p, '\\')) != NULL; p += 2)
		if (strchr("n\"\\", p[1]) == NULL)
			return 0;
	return 1;
}

/* The new file's text, keys in the order nw(5) shows them. */
char *
draft_text(struct draft *d)
{
	struct buf b = { 0 };
	char ds[11], *q, *p;
	size_t i;
	int first = 1;

	scalar(&b, "name", d->name, Q_STR);
	field(&b, "aka", &d->aka, 1);
	scalar(&b, "circle", d->circle, Q_STR);
	scalar(&b, "every", d->every, 0);
	scalar(&b, "next", d->next, 0);
	scalar(&b, "next-note", d->next_note, Q_STR);
	field(&b, "tags", &d->tags, 1);
	field(&b, "groups", &d->groups, 1);
	scalar(&b, "org", d->org, Q_STR);
	scalar(&b, "title", d->title, Q_STR);
	field(&b, "email", &d->email, 0);
	field(&b, "phone", &d->phone, 0);
	if (d->links.n >= 2) {
		buf_puts(&b, "links: {");
		for (i = 0; i + 1 < d->links.n; i += 2)
			pair(&b, d->links.v[i], d->links.v[i + 1], &first);
		buf_puts(&b, "}\n");
	}
	scalar(&b, "address", d->address, Q_STR);
	scalar(&b, "birthday", d->birthday, 0);
	if (d->via || d->metdate) {
		buf_puts(&b, "met: {");
		first = 1;
		pair(&b, "date", d->metdate, &first);
		pair(&b, "where", d->met, &first);
		pair(&b, "via", d->via, &first);
		buf_puts(&b, "}\n");
	} else
		scalar(&b, "met", d->met, Q_STR);
	buf_printf(&b, "added: %s\n", date_str(d->added, ds));
	if (d->notes == NULL)
		return b.s;
	if (notes_block(d->notes, &q)) {
		buf_puts(&b, "notes: |\n");
		for (p = (char *)d->notes; *p; ) {
			i = strcspn(p, "\n");
			if (i)
				buf_printf(&b, "  %.*s", (int)i, p);
			buf_puts(&b, "\n");
			p += i + (p[i] == '\n');
		}
	} else
		buf_printf(&b, "notes: %s\n", q);
	free(q);
	return b.s;
}

/*
 * Create the contact: its id is the slug of its name, with -2, -3... when
 * taken.  The text must read back with this very name.  The new id, or
 * NULL said on stderr.
 */
char *
draft_write(struct net *net, struct draft *d)
{
	struct stat st;
	struct ydoc *doc;
	char *base, *id, *path, *s;
	const char *got;
	int i, ok;

	s = draft_text(d);
	doc = ydoc_parse(s, strlen(s));
	got = ynode_str(ymap_get(doc->root, "name"));
	ok = got && strcmp(got, d->name) == 0;
	ydoc_free(doc);
	if (!ok) {
		warnx("'%s': the new file would not read back; nothing "
		    "written", d->name);
		free(s);
		return NULL;
	}
	net_lock(net);
	base = contact_slug(d->name);
	id = xstrdup(base);
	for (i = 2;; i++) {
		path = net_path(net, id);
		if (lstat(path, &st) == -1)
			break;
		free(path);
		free(id);
		id = xasprintf("%s-%d", base, i);
	}
	free(base);
	if (safe_write(path, s, strlen(s), 1) == -1) {
		free(id);
		id = NULL;
	}
	net_unlock(net);
	free(path);
	free(s);
	return id;
}
