/* change.c - the changes commands make to contacts, written safely */

#include <sys/stat.h>

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"

/*
 * A change is the edits of one contact, made under the network's lock on
 * the file's text by the editor (edit.c), and written once.  Commands say
 * what to change as keys and values; the schema checks each value and
 * gives its YAML text, so no command ever handles the text itself.
 */
struct change {
	struct net	*net;
	struct edit	*e;
};

/* A refusal of ours, said as the editor's are. */
static int
refuse(struct change *ch, const char *why)
{
	ch->e->line = ch->e->col = 0;
	snprintf(ch->e->err, sizeof ch->e->err, "%s", why);
	return 0;
}

/* Set key to value (a text, checked as the schema says). */
int
change_set(struct change *ch, const char *key, const char *value)
{
	char why[256], *y;
	int ok;

	if ((y = schema_yaml(key, ch->net, value, 0, why, sizeof why)) == NULL)
		return refuse(ch, why);
	ok = edit_set(ch->e, key, y);
	free(y);
	return ok;
}

/* Add value to the list under key, unless it is there already. */
int
change_add(struct change *ch, const char *key, const char *value)
{
	struct ynode *v = ymap_get(ch->e->doc->root, key);
	char why[256], *y;
	size_t i;
	int ok;

	if (v && v->type == YSCALAR && ynode_str(v) &&
	    strcmp(v->str, value) == 0)
		return 1;
	for (i = 0; v && v->type == YSEQ && i < v->nkid; i++)
		if (ynode_str(v->kid[i]) &&
		    strcmp(ynode_str(v->kid[i]), value) == 0)
			return 1;
	if ((y = schema_yaml(key, ch->net, value, Y_LIST, why,
	    sizeof why)) == NULL)
		return refuse(ch, why);
	ok = edit_append(ch->e, key, y, 0);
	free(y);
	return ok;
}

/*
 * Values from another address book into the list under key: one value
 * for an absent key is set as a plain value, as a new contact would have
 * it; otherwise each is added.  What a file is only warned about passes.
 */
int
change_import(struct change *ch, const char *key, struct strv *l)
{
	char why[256], *y;
	size_t i;
	int ok = 1, one;

	one = l->n == 1 && ymap_get(ch->e->doc->root, key) == NULL;
	for (i = 0; ok && i < l->n; i++) {
		if ((y = schema_yaml(key, ch->net, l->v[i], Y_LENIENT |
		    (one ? 0 : Y_LIST), why, sizeof why)) == NULL)
			return refuse(ch, why);
		ok = one ? edit_set(ch->e, key, y) :
		    edit_append(ch->e, key, y, 0);
		free(y);
	}
	return ok;
}

/* Remove value from the list under key; *found says whether it was. */
int
change_remove(struct change *ch, const char *key, const char *value,
    int *found)
{
	return edit_remove(ch->e, key, value, found);
}

/* Remove key and its value; *found, when asked, says whether it was. */
int
change_delete(struct change *ch, const char *key, int *found)
{
	if (found)
		*found = ymap_key(ch->e->doc->root, key) != NULL;
	return edit_delete(ch->e, key);
}

/* Append the entry {date, kind, note} to the log (kind, note optional). */
int
change_log_entry(struct change *ch, int date, const char *kind,
    const char *note)
{
	struct buf b = { 0 };
	char ds[11], *q;
	int ok;

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
	ok = edit_append(ch->e, "log", b.s, 1);
	free(b.s);
	return ok;
}

/*
 * Change one contact: under the lock, the contact is loaded and fn makes
 * its changes, given the contact as it is (returning 0 to refuse, the
 * reason said by the change); then the result is written once, only when
 * it differs.  *after, when asked, gets the contact as it now is.  0 on
 * success; the reason is said on stderr otherwise.
 */
int
change_edit(struct net *net, const char *id,
    int (*fn)(struct change *, struct contact *, void *), void *arg,
    struct contact **after)
{
	struct change ch = { net, NULL };
	struct contact *c;
	int rv = 1;

	net_lock(net);
	c = contact_load(net, id, C_DOC | C_STRUCT);
	if (contact_report(c))
		goto done;
	ch.e = edit_open(c->doc, c->path);
	c->doc = NULL;		/* the edit owns it now */
	if (!fn(&ch, c, arg))
		rv = edit_report(ch.e);
	else if (ch.e->len == ch.e->olen &&
	    memcmp(ch.e->text, ch.e->orig, ch.e->len) == 0)
		rv = 0;
	else
		rv = safe_write(net_tmpdir(net), c->path, ch.e->text,
		    ch.e->len, 0) == -1;
	edit_free(ch.e);
done:
	contact_free(c);
	net_unlock(net);
	if (rv == 0 && after)
		*after = contact_load(net, id, C_STRUCT);
	return rv;
}

struct logchange {
	int		 date;
	const char	*kind, *note, *next, *nnote;
	int		 clear;
};

static int
logedits(struct change *ch, struct contact *c, void *arg)
{
	struct logchange *l = arg;
	int ok;

	(void)c;
	ok = change_log_entry(ch, l->date, l->kind, l->note);
	if (ok && l->next)
		ok = change_set(ch, "next", l->next);
	else if (ok && l->clear)
		ok = change_delete(ch, "next", NULL);
	if (ok && l->nnote)
		ok = change_set(ch, "next-note", l->nnote);
	else if (ok && (l->clear || l->next))
		ok = change_delete(ch, "next-note", NULL);
	return ok;
}

/*
 * Append a log entry to contact id and settle its follow-up: next and
 * next-note are set when given, else removed when clear is set (an entry
 * that counts as contact).
 */
int
change_log(struct net *net, const char *id, int date, const char *kind,
    const char *note, const char *next, const char *nnote, int clear,
    struct contact **after)
{
	struct logchange l = { date, kind, note, next, nnote, clear };

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
	if (safe_write(net_tmpdir(net), path, s, strlen(s), 1) == -1) {
		free(id);
		id = NULL;
	}
	net_unlock(net);
	free(path);
	free(s);
	return id;
}

/* --- a run of changes -------------------------------------------------- */

struct batch_call {
	struct batch	*b;
	int		(*fn)(struct batch *, const char *, void *);
	void		*arg;
};

static int
batch_one(const char *ref, void *arg)
{
	struct batch_call *bc = arg;
	char *id;
	int rv;

	if ((id = ref_resolve(&bc->b->refs, ref)) == NULL)
		return 1;
	rv = strv_has(&bc->b->ids, id) ? 0 : bc->fn(bc->b, id, bc->arg);
	free(id);
	return rv;
}

/*
 * Call fn on the contact each reference names, each contact once: the
 * arguments, else the lines of standard input.  fn changes it and calls
 * batch_changed when it did.  -1 when there were no references at all.
 */
int
batch_run(struct batch *b, int argc, char **argv,
    int (*fn)(struct batch *, const char *, void *), void *arg)
{
	struct batch_call bc = { b, fn, arg };

	b->refs.net = b->net;
	return ref_loop(argc, argv, batch_one, &bc);
}

/* The contact id is changed: its id printed at once, for a pipe. */
void
batch_changed(struct batch *b, const char *id, const char *name)
{
	puts(id);
	fflush(stdout);
	strv_add(&b->ids, id);
	if (b->first == NULL)
		b->first = xstrdup(name);
}

/* One commit of what changed: "Log call with Ada Lovelace and 2 others". */
void
batch_commit(struct batch *b, const char *verb)
{
	char *msg;

	if (b->ids.n == 0)
		return;
	msg = b->ids.n == 1 ? xasprintf("%s %s", verb, b->first) :
	    xasprintf("%s %s and %zu others", verb, b->first, b->ids.n - 1);
	git_commit(b->net, b->ids.v, b->ids.n, msg);
	free(msg);
}

void
batch_free(struct batch *b)
{
	strv_free(&b->ids);
	free(b->first);
	refs_free(&b->refs);
}
