/* change.c - the changes commands make to contacts, written safely */

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"

/* Edits of one file: open it, change it, write it; NULL said on stderr. */
static struct edit *
change_open(struct net *net, const char *id, struct contact **cp)
{
	struct contact *c;

	c = contact_load(net, id, C_KEEPDOC | C_STRUCT);
	if (c->err) {
		contact_report(c);
		contact_free(c);
		return NULL;
	}
	*cp = c;
	return edit_open(c->doc, c->path);
}

static int
change_write(struct contact *c, struct edit *e)
{
	int rv = 0;

	if (e->len != c->doc->len || memcmp(e->text, c->doc->text, e->len))
		rv = safe_write(c->path, e->text, e->len, 0) == -1;
	return rv;
}

static void
change_close(struct contact *c, struct edit *e)
{
	c->doc = e->doc;	/* the editor owns the latest parse */
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
 * Append a log entry to contact id and settle its follow-up: next and
 * next-note are set when given, else removed when clear is set (an entry
 * that counts as contact).  *after gets the contact as it now is (counts,
 * name), for messages.  0 on success.
 */
int
change_log(struct net *net, const char *id, const char *item,
    const char *next, const char *nnote, int clear, struct contact **after)
{
	struct contact *c;
	struct edit *e;
	char *q;
	int ok;

	if ((e = change_open(net, id, &c)) == NULL)
		return 1;
	ok = edit_append(e, "log", item, 1);
	if (ok && next) {
		ok = edit_set(e, "next", next);
	} else if (ok && clear)
		ok = edit_delete(e, "next");
	if (ok && nnote) {
		q = yaml_quote(nnote, Q_STR);
		ok = edit_set(e, "next-note", q);
		free(q);
	} else if (ok && (clear || next))
		ok = edit_delete(e, "next-note");
	if (!ok) {
		edit_report(e);
		change_close(c, e);
		return 1;
	}
	if (change_write(c, e)) {
		change_close(c, e);
		return 1;
	}
	change_close(c, e);
	if (after)
		*after = contact_load(net, id, C_STRUCT);
	return 0;
}
