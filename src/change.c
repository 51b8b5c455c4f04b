/* change.c - the changes commands make to contacts, written safely */

#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

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
	return -1;
}

/*
 * Set part of the mapping under base to y (YAML text), adding it when it
 * is not there.  A mapping that is text (met: RustConf) stands for its
 * text part: that part replaces the text, another makes it a mapping
 * that keeps the text.
 */
static int
set_part(struct change *ch, const char *base, const char *part,
    const char *y)
{
	struct ynode *m = ymap_get(ch->e->doc->root, base);
	const char *tp = schema_text_part(base);
	char *tq, *pq, *full;
	int found, rv;

	if (m && m->type == YSCALAR && !ynode_isnull(m) && tp) {
		if (strcmp(part, tp) == 0)
			return edit_set(ch->e, base, y);
		tq = yaml_quote(m->str, Q_FLOW | Q_STR);
		pq = yaml_quote(part, Q_FLOW | Q_STR);
		full = xasprintf("{%s: %s, %s: %s}", tp, tq, pq, y);
		rv = edit_set(ch->e, base, full);
		free(tq), free(pq), free(full);
		return rv;
	}
	if (m && m->type == YSCALAR && ynode_isnull(m))
		m = NULL;
	if (m && m->type != YMAP)
		return refuse(ch, "not a mapping: nw-edit changes it");
	if (edit_child(ch->e, base, part, y, &found) == -1)
		return -1;
	return found ? 0 : edit_put(ch->e, base, part, y);
}

/* Set key to value (a text, checked as the schema says). */
int
change_set(struct change *ch, const char *key, const char *value)
{
	const struct key *k = schema_key(key);
	char why[256], *y, *v = NULL, *base = NULL;
	const char *part;
	int rv;

	if (k == NULL && (part = schema_subkey(key, &base)) != NULL) {
		y = schema_yaml(key, ch->net, value, Y_LIST, why, sizeof why);
		rv = y ? set_part(ch, base, part, y) : refuse(ch, why);
		free(y);
		free(base);
		return rv;
	}

	if (k && k->type == K_NAME)	/* "  Bob  B " is Bob B */
		value = v = utf8_squeeze(value);
	y = schema_yaml(key, ch->net, value, 0, why, sizeof why);
	free(v);
	if (y == NULL)
		return refuse(ch, why);
	rv = edit_set(ch->e, key, y);
	free(y);
	return rv;
}

/* Add value to the list under key, unless it is there already. */
int
change_add(struct change *ch, const char *key, const char *value)
{
	struct ynode *v = ymap_get(ch->e->doc->root, key);
	char why[256], *y, *base = NULL;
	size_t i;
	int rv;

	if (schema_subkey(key, &base) != NULL) {
		free(base);
		return refuse(ch, "a part of a mapping is set, not added to");
	}
	if (v && v->type == YSCALAR && ynode_str(v) &&
	    strcmp(v->str, value) == 0)
		return 0;
	for (i = 0; v && v->type == YSEQ && i < v->nkid; i++)
		if (ynode_str(v->kid[i]) &&
		    strcmp(ynode_str(v->kid[i]), value) == 0)
			return 0;
	if ((y = schema_yaml(key, ch->net, value, Y_LIST, why,
	    sizeof why)) == NULL)
		return refuse(ch, why);
	rv = edit_append(ch->e, key, y, 0);
	free(y);
	return rv;
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
	int rv = 0, one;

	one = l->n == 1 && ymap_get(ch->e->doc->root, key) == NULL;
	for (i = 0; rv == 0 && i < l->n; i++) {
		if ((y = schema_yaml(key, ch->net, l->v[i], Y_LENIENT |
		    (one ? 0 : Y_LIST), why, sizeof why)) == NULL)
			return refuse(ch, why);
		rv = one ? edit_set(ch->e, key, y) :
		    edit_append(ch->e, key, y, 0);
		free(y);
	}
	return rv;
}

/*
 * Add the pair sub: value to the mapping under key (links), after its
 * others; value a plain text.  A sub that is there already is left as it
 * is: what the user wrote stays.
 */
int
change_put(struct change *ch, const char *key, const char *sub,
    const char *value)
{
	struct ynode *m = ymap_get(ch->e->doc->root, key);
	char *q;
	int rv;

	if (m && m->type == YMAP && ymap_get(m, sub) != NULL)
		return 0;
	q = yaml_quote(value, Q_FLOW | Q_STR);
	rv = edit_put(ch->e, key, sub, q);
	free(q);
	return rv;
}

/* Remove value from the list under key; *found says whether it was. */
int
change_remove(struct change *ch, const char *key, const char *value,
    int *found)
{
	return edit_remove(ch->e, key, value, found);
}

/*
 * Remove key and its value, or a part of a mapping key (dates.anniversary;
 * a mapping that is text goes with its text part); *found, when asked,
 * says whether it was.
 */
int
change_delete(struct change *ch, const char *key, int *found)
{
	struct ynode *m;
	const char *part, *tp;
	char *base = NULL;
	int f = 0, rv;

	if (schema_key(key) == NULL &&
	    (part = schema_subkey(key, &base)) != NULL) {
		m = ymap_get(ch->e->doc->root, base);
		tp = schema_text_part(base);
		if (m && m->type == YSCALAR && !ynode_isnull(m))
			rv = tp && strcmp(part, tp) == 0 ?
			    change_delete(ch, base, &f) : 0;
		else
			rv = edit_child(ch->e, base, part, NULL, &f);
		free(base);
		if (found)
			*found = f;
		return rv;
	}
	if (found)
		*found = ymap_key(ch->e->doc->root, key) != NULL;
	return edit_delete(ch->e, key);
}

/*
 * A child of the collection under key: in a mapping the value of part
 * (met's via), in a list the item part; set to value (a text), or taken
 * out (value NULL).  *found says whether it was there.
 */
int
change_child(struct change *ch, const char *key, const char *part,
    const char *value, int *found)
{
	char *q = value ? yaml_quote(value, Q_STR | Q_FLOW) : NULL;
	int rv;

	rv = edit_child(ch->e, key, part, q, found);
	free(q);
	return rv;
}

/*
 * The strings under part of the mapping under key (rel's mentor: an id,
 * or a list of them) into l; *there says whether part is.  -1 when the
 * value is something else, which the caller refuses.
 */
static int
part_items(struct change *ch, const char *key, const char *part,
    struct strv *l, int *there)
{
	struct ynode *m = ymap_get(ch->e->doc->root, key), *v, *it;
	size_t i;

	*there = 0;
	if (m == NULL || ynode_isnull(m))
		return 0;
	if (m->type != YMAP || (v = ymap_get(m, part)) == NULL)
		return m->type == YMAP ? 0 : -1;
	*there = 1;
	for (i = 0; i < (v->type == YSEQ ? v->nkid : 1); i++) {
		it = v->type == YSEQ ? ynode_deref(v->kid[i]) : v;
		if (it->type != YSCALAR || ynode_str(it) == NULL)
			return -1;
		strv_add(l, it->str);
	}
	return v->type == YSEQ || v->type == YSCALAR ? 0 : -1;
}

/*
 * Change the set of strings under part of the mapping under key (rel's
 * roles): old becomes new (a rename), old goes (new NULL), new comes
 * (old NULL), or with only the part holds new alone.  One string is
 * written as a plain value, more as a flow list, none takes the part
 * away (and the key with its last part).  *found, when asked, says
 * whether old was there (with no old, whether the part was).
 */
int
change_part(struct change *ch, const char *key, const char *part,
    const char *old, const char *new, int only, int *found)
{
	struct strv l = { 0 }, n = { 0 };
	size_t i;
	int there, f = 0, rv;
	char *q;

	if (part_items(ch, key, part, &l, &there) == -1) {
		strv_free(&l);
		q = xasprintf("'%s.%s' is not a string or a flow list of "
		    "them: edit it by hand", key, part);
		rv = refuse(ch, q);
		free(q);
		return rv;
	}
	for (i = 0; i < l.n; i++) {
		if (old && strcmp(l.v[i], old) == 0) {
			f = 1;
			if (new && !only && !strv_has(&n, new))
				strv_add(&n, new);
		} else if (!only && !strv_has(&n, l.v[i]))
			strv_add(&n, l.v[i]);
	}
	if (new && (only || old == NULL) && !strv_has(&n, new))
		strv_add(&n, new);
	if (found)
		*found = old ? f : there;
	rv = 0;
	if (n.n == l.n) {
		for (i = 0; i < n.n && strcmp(n.v[i], l.v[i]) == 0; i++)
			;
		if (i == n.n)
			goto done;	/* as it was */
	}
	rv = edit_part(ch->e, key, part, &n);
done:
	strv_free(&l);
	strv_free(&n);
	return rv;
}

/*
 * A new job: org, and title (NULL: none known), become the current ones.
 * When either differs from c's, c's job goes first to the end of work:
 * as {org, title, to: day}, a block list item.  *moved says whether it
 * did (nw-set org, nw-import -u).
 */
int
change_job(struct change *ch, struct contact *c, const char *org,
    const char *title, int day, int *moved)
{
	struct buf b = { 0 };
	char ds[11], *q;
	int rv = 0;

	*moved = 0;
	if ((c->org == NULL || strcmp(c->org, org) == 0) &&
	    (title == NULL || (c->lib->title &&
	    strcmp(c->lib->title, title) == 0)))
		goto set;	/* a first org, or the same job */
	if (c->org == NULL && c->lib->title == NULL)
		goto set;
	buf_puts(&b, "{");
	if (c->org) {
		q = yaml_quote(c->org, Q_FLOW | Q_STR);
		buf_printf(&b, "org: %s, ", q);
		free(q);
	}
	if (c->lib->title) {
		q = yaml_quote(c->lib->title, Q_FLOW | Q_STR);
		buf_printf(&b, "title: %s, ", q);
		free(q);
	}
	buf_printf(&b, "to: %s}", date_str(day, ds));
	rv = edit_append(ch->e, "work", b.s, 1);
	free(b.s);
	*moved = rv == 0;
	if (rv == 0 && title == NULL && c->lib->title)
		rv = change_delete(ch, "title", NULL);
set:
	if (rv == 0)
		rv = change_set(ch, "org", org);
	if (rv == 0 && title)
		rv = change_set(ch, "title", title);
	return rv;
}

/*
 * The entry l as the log holds it: {date, kind, dir, note, mid, uid},
 * each but the date optional; NULL, refused, when dated after today.
 */
static char *
entry_text(struct change *ch, const struct logentry *l)
{
	const char *k[] = { "kind", "dir", "note", "mid", "uid" };
	const char *v[] = { l->kind, l->dir, l->note, l->mid, l->uid };
	struct buf b = { 0 };
	char ds[11], *q;
	size_t i;

	if (l->date > date_today()) {
		refuse(ch, "a log entry dated after today: a log records "
		    "what happened");
		return NULL;
	}
	buf_puts(&b, "{date: ");
	buf_puts(&b, date_str(l->date, ds));
	for (i = 0; i < sizeof k / sizeof k[0]; i++)
		if (v[i]) {
			q = yaml_quote(v[i], Q_FLOW | Q_STR);
			buf_puts(&b, ", ");
			buf_puts(&b, k[i]);
			buf_puts(&b, ": ");
			buf_puts(&b, q);
			free(q);
		}
	buf_puts(&b, "}");
	return b.s;
}

/*
 * Append the entry l to the log: {date, kind, dir, note, mid, uid}, each
 * but the date optional.
 */
static int
entry_append(struct change *ch, const struct logentry *l)
{
	char *t;
	int rv;

	if ((t = entry_text(ch, l)) == NULL)
		return -1;
	rv = edit_append(ch->e, "log", t, 1);
	free(t);
	return rv;
}

/* Append the entry {date, kind, note} to the log (kind, note optional). */
int
change_log_entry(struct change *ch, int date, const char *kind,
    const char *note)
{
	struct logentry l = { 0 };

	l.date = date;
	l.kind = kind;
	l.note = note;
	return entry_append(ch, &l);
}

/*
 * Change one contact: under the lock, the contact is loaded and fn makes
 * its changes, given the contact as it is (returning -1 to refuse, the
 * reason said by the change); then the result is written once, only when
 * it differs.  *after, when asked, gets the contact as it now is.  0 on
 * success; -1, the reason said on stderr, otherwise.
 */
int
change_edit(struct net *net, const char *id,
    int (*fn)(struct change *, struct contact *, void *), void *arg,
    struct contact **after)
{
	struct newfile f = { 0 };
	int rv;

	net_lock(net);
	rv = change_prepare(net, id, fn, arg, &f);
	if (rv == 0 && f.path && safe_write(net_tmpdir(net), f.path, f.s,
	    f.len, 0) == -1)
		rv = -1;
	/* from the text written under the lock: the file may be gone now */
	if (rv == 0 && after)
		*after = contact_parse(net, id, f.s, f.len, C_STRUCT);
	free((char *)f.path);
	free((char *)f.s);
	net_unlock(net);
	return rv;
}

/* A contact's or an edit's fault, as report() would say it (said). */
static char *
fault(const char *path, int line, int col, const char *why, ...)
{
	struct buf b = { 0 };
	va_list ap;

	va_start(ap, why);
	report_buf(&b, path, line, col, NULL, why, ap);
	va_end(ap);
	return b.s;
}

/* What report() would have said: a fault's text. */
static void
said(const char *s)
{
	text_put(stderr, s, TX_MSG);	/* the message quotes the file */
	fputc('\n', stderr);
}

/*
 * change_prepare's body, safe on any thread while the caller holds the
 * lock: it takes no lock and says nothing; why it failed goes into *why
 * (report()'s text).
 */
static int
prepare(struct net *net, const char *id,
    int (*fn)(struct change *, struct contact *, void *), void *arg,
    struct newfile *f, char **why)
{
	struct change ch = { net, NULL };
	struct contact *c;
	char *t;
	int rv = -1;

	memset(f, 0, sizeof *f);
	f->replace = 1;
	*why = NULL;
	c = contact_load(net, id, C_DOC | C_STRUCT);
	if (c->lib->err) {
		*why = fault(c->lib->path, c->lib->line, c->lib->col, "%s",
		    c->lib->err);
		goto done;
	}
	ch.e = edit_open(c->lib->doc, c->lib->path);
	c->lib->doc = NULL;		/* the edit owns it now */
	if (fn(&ch, c, arg) != 0)
		*why = fault(ch.e->path, ch.e->line, ch.e->col, "%s",
		    ch.e->err);
	else {
		rv = 0;
		if (ch.e->len != ch.e->olen ||
		    memcmp(ch.e->text, ch.e->orig, ch.e->len) != 0)
			f->path = xstrdup(c->lib->path);
		f->s = t = xmalloc(ch.e->len + 1);
		memcpy(t, ch.e->text, ch.e->len);
		t[ch.e->len] = '\0';
		f->len = ch.e->len;
	}
	edit_free(ch.e);
done:
	contact_free(c);
	return rv;
}

/*
 * change_edit's change made and verified by the editor, not written: the
 * text as it is now into f->s, and the path to write it to in f->path
 * only when it changed (both owned), for the caller to write with others
 * (safe_create_all; f is marked replace) while it holds the lock.  0, or
 * -1 with the reason said.
 */
int
change_prepare(struct net *net, const char *id,
    int (*fn)(struct change *, struct contact *, void *), void *arg,
    struct newfile *f)
{
	char *why;
	int rv;

	net_lock(net);
	if ((rv = prepare(net, id, fn, arg, f, &why)) == -1)
		said(why);
	free(why);
	net_unlock(net);
	return rv;
}

/*
 * The entry, then the follow-up: set when given; else cleared when the
 * entry is the follow-up done (nw-log -D), or when the follow-up rule
 * says the entry ends it (contact_followup_ends: a promise, a next with a
 * note, stays; a bare next ends with contact dated on or after the
 * newest contact entry already in the log, c->last), unless kept (-K).
 * nw-merge decides by the same rule (merge.c, follow_act).
 */
static int	followup(struct change *, struct contact *, struct logentry *);

static int
logedits(struct change *ch, struct contact *c, void *arg)
{
	if (entry_append(ch, arg) == -1)
		return -1;
	return followup(ch, c, arg);
}

/* Does the entry l clear c's follow-up (logedits)? */
static int
clears(struct contact *c, const struct logentry *l)
{
	struct logent le = { l->date, (char *)l->kind, (char *)l->note };

	return !l->keep && !l->next && (l->closes ||
	    contact_followup_ends(c->lib->next_note != NULL, &le, c->last));
}

/* logedits after the entry: the follow-up set, cleared, or kept. */
static int
followup(struct change *ch, struct contact *c, struct logentry *l)
{
	char ds[11];
	int rv = 0, clear, has;

	has = c->lib->next != NODATE || c->lib->next_note;
	clear = clears(c, l);
	if (rv == 0 && l->next)
		rv = change_set(ch, "next", l->next);
	if (rv == 0 && l->nnote)
		rv = change_set(ch, "next-note", l->nnote);
	else if (rv == 0 && (clear || l->next))
		rv = change_delete(ch, "next-note", NULL);
	if (rv == 0 && clear)
		rv = change_delete(ch, "next", NULL);
	if (rv == 0 && has && (clear || (!l->keep && !l->next &&
	    c->lib->next_note && (schema_kind(l->kind) & KIND_CONTACT)))) {
		free(l->done);
		l->done = xstrdup(c->lib->next_note ? c->lib->next_note :
		    date_str(c->lib->next, ds));
		l->kept = !clear;
	}
	return rv;
}

/*
 * Append the entry l to contact id and settle its follow-up (logedits).
 * A follow-up cleared, or a promise kept though the entry was contact,
 * is said on stderr and left in l->done (l->kept says which).  A date
 * after today is refused: a log records what happened.
 */
int
change_log(struct net *net, const char *id, struct logentry *l,
    struct contact **after)
{
	int rv;

	free(l->done);
	l->done = NULL;
	l->kept = 0;
	rv = change_edit(net, id, logedits, l, after);
	if (rv == 0 && l->done && l->kept)
		warnx_safe("%s: follow-up stays: %s (nw-log -D when it is done)",
		    id, l->done);
	else if (rv == 0 && l->done)
		warnx_safe("%s: follow-up done: %s", id, l->done);
	return rv;
}

/*
 * Are two entries of one date (as written), kind and direction?  No dir
 * and dir: out are one direction (nw(5)).  The test of logged and of
 * samekind.
 */
static int
same_entry(const char *da, const char *ka, const char *dira,
    const char *db, const char *kb, const char *dirb)
{
	if (dira && strcmp(dira, "out") == 0)
		dira = NULL;
	if (dirb && strcmp(dirb, "out") == 0)
		dirb = NULL;
	return da && db && strcmp(da, db) == 0 && ka && kb &&
	    strcmp(ka, kb) == 0 && (dira == NULL) == (dirb == NULL) &&
	    (dira == NULL || strcmp(dira, dirb) == 0);
}

/*
 * Is an entry of l's date, kind and direction in the log already?  What
 * a capture (nw-mail, nw-cal) logs is one entry a contact, day and
 * direction, so a second run, or one on another machine, adds nothing.
 */
static int
logged(struct change *ch, const struct logentry *l)
{
	struct ynode *log = ymap_get(ch->e->doc->root, "log"), *e;
	char ds[11];
	size_t i;

	date_str(l->date, ds);
	for (i = 0; log && log->type == YSEQ && i < log->nkid; i++) {
		if ((e = ynode_deref(log->kid[i]))->type != YMAP)
			continue;
		if (same_entry(ynode_str(ymap_get(e, "date")),
		    ynode_str(ymap_get(e, "kind")),
		    ynode_str(ymap_get(e, "dir")), ds, l->kind, l->dir))
			return 1;
	}
	return 0;
}

struct logmany {
	struct logentry	*l;
	size_t		 n;
	int		 dry;
	char		*done;
};

/* Are a and b of the same date, kind and direction, as logged says? */
static int
samekind(const struct logentry *a, const struct logentry *b)
{
	char da[11], db[11];

	return same_entry(date_str(a->date, da), a->kind, a->dir,
	    date_str(b->date, db), b->kind, b->dir);
}

/* The entries waiting in t[0..*n) appended at once (edit_append_all). */
static int
flush(struct change *ch, char **t, size_t *n)
{
	int rv = edit_append_all(ch->e, "log", t, *n, 1);

	while (*n > 0)
		free(t[--*n]);
	return rv;
}

/*
 * Each entry as logedits would append it, one after the other, but the
 * entries appended together, parsed again and verified once, until one
 * changes the follow-up (what it does then is done after them); an
 * entry like one before it (samekind) is logged already, as logged
 * would find it after the one before was appended.
 */
static int
logmany(struct change *ch, struct contact *c, void *arg)
{
	struct logmany *m = arg;
	struct logentry *l;
	char **t;
	size_t i, j, nt = 0;
	int rv = 0;

	t = xcalloc(m->n ? m->n : 1, sizeof *t);
	for (i = 0; rv == 0 && i < m->n; i++) {
		l = &m->l[i];
		for (j = 0, l->skip = logged(ch, l); !l->skip && !m->dry &&
		    j < i; j++)
			l->skip = !m->l[j].skip && samekind(&m->l[j], l);
		if (l->skip || m->dry)
			continue;
		if ((t[nt] = entry_text(ch, l)) == NULL) {
			rv = -1;
			break;
		}
		nt++;
		if (l->next || l->nnote || clears(c, l))
			rv = flush(ch, t, &nt);
		if (rv == 0)
			rv = followup(ch, c, l);
		if (rv == -1)
			break;
		if (m->l[i].done && !m->l[i].kept) {	/* ended, not kept */
			free(m->done);
			m->done = m->l[i].done;
			m->l[i].done = NULL;
		}
		free(m->l[i].done);
		m->l[i].done = NULL;
	}
	if (rv == 0)
		rv = flush(ch, t, &nt);
	while (nt > 0)
		free(t[--nt]);
	free(t);
	return rv;
}

/*
 * Append the entries l[0..n) to contact id in one change, each settling
 * the follow-up as change_log does, but those of a date, kind and dir the
 * log has already: their skip is set.  With dry, only skip is set and
 * nothing is written.  A follow-up they ended is said on stderr.
 */
int
change_log_new(struct net *net, const char *id, struct logentry *l,
    size_t n, int dry, struct contact **after)
{
	struct logmany m = { l, n, dry, NULL };
	int rv;

	rv = change_edit(net, id, logmany, &m, after);
	if (rv == 0 && m.done)
		warnx("%s: follow-up done: %s", id, m.done);
	free(m.done);
	return rv;
}

/*
 * The same change made but not written, into *f, for a capture to write
 * every contact's at once (with dry, only skip is set), on any thread
 * while the caller holds the lock: nothing is said, what would be is
 * kept in *say for change_said, which a capture calls in the order of
 * the contacts.
 */
int
change_log_prepare(struct net *net, const char *id, struct logentry *l,
    size_t n, int dry, struct newfile *f, struct said *say)
{
	struct logmany m = { l, n, dry, NULL };
	int rv;

	rv = prepare(net, id, logmany, &m, f, &say->fault);
	say->done = NULL;
	if (rv == 0)
		say->done = m.done;
	else
		free(m.done);
	return rv;
}

/* What change_log_prepare kept to say of contact id, said and freed. */
void
change_said(const char *id, struct said *say)
{
	if (say->fault)
		said(say->fault);
	if (say->done)
		warnx("%s: follow-up done: %s", id, say->done);
	free(say->fault);
	free(say->done);
	say->fault = say->done = NULL;
}

/* --- whole texts (nw-edit) ---------------------------------------------- */

#define KEEP_DAYS	30	/* a kept edit older than this goes */

/* "edit-" and id with '/' as '+', the name of its copies before ".XXXXXX". */
static char *
copy_stem(const char *id)
{
	char *s = xasprintf("edit-%s", id), *p;

	for (p = s; (p = strchr(p, '/')) != NULL; p++)
		*p = '+';
	return s;
}

/*
 * Remove nw-edit's copies in .nw/: those of contact id (NULL: none), and
 * any older than KEEP_DAYS.  Under the lock.
 */
static void
copies_clean(struct net *net, const char *id)
{
	char *dir, *stem, *path;
	struct dirent *e;
	struct stat st;
	size_t n, len;
	time_t now = time(NULL);
	DIR *d;

	dir = xasprintf("%s/.nw", net->dir);
	stem = id ? copy_stem(id) : NULL;
	n = stem ? strlen(stem) : 0;
	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			len = strlen(e->d_name);
			if (strncmp(e->d_name, "edit-", 5) != 0 || len < 12 ||
			    strcmp(e->d_name + len - 5, ".yaml") != 0)
				continue;
			path = xasprintf("%s/%s", dir, e->d_name);
			if ((stem && len == n + 12 && strncmp(e->d_name, stem,
			    n) == 0 && e->d_name[n] == '.') ||
			    (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
			    now - st.st_mtime > KEEP_DAYS * 86400))
				unlink(path);
			free(path);
		}
		closedir(d);
	}
	free(stem);
	free(dir);
}

/*
 * nw-edit's edit of contact id done: its kept copies are no longer needed.
 */
void
change_copies_done(struct net *net, const char *id)
{
	net_lock(net);
	copies_clean(net, id);
	net_unlock(net);
}

/*
 * A copy of contact id's text for a person to edit, in the network's .nw/
 * where no scan and no git looks, named for the contact
 * (.nw/edit-ada-lovelace.XXXXXX.yaml); its path.  Kept edits older than
 * 30 days go first.  Exits when it cannot be written.
 */
char *
change_copy(struct net *net, const char *id, const char *text, size_t len)
{
	char *copy, *stem;
	ssize_t w;
	size_t off;
	int fd;

	net_lock(net);			/* checks .nw is ours */
	copies_clean(net, NULL);
	stem = copy_stem(id);
	copy = xasprintf("%s/.nw/%s.XXXXXX.yaml", net->dir, stem);
	free(stem);
	if ((fd = sys_mkstemps(copy, 5)) == -1)
		err(1, "'%s'", copy);
	for (off = 0; off < len; off += w)
		if ((w = write(fd, text + off, len - off)) == -1 &&
		    errno != EINTR)
			err(1, "'%s'", copy);
		else if (w == -1)
			w = 0;
	if (close(fd) == -1)
		err(1, "'%s'", copy);
	net_unlock(net);
	return copy;
}

/*
 * Replace contact id's text, under the lock, when it is still old: 0
 * written, 1 when the file changed meanwhile (nothing written), -1 when
 * the write failed (said).  *after, when asked, gets the contact written.
 */
int
change_replace(struct net *net, const char *id, const char *old,
    size_t olen, const char *text, size_t len, struct contact **after)
{
	char *path = net_path(net, id), *now, why[256];
	size_t nlen;
	int rv;

	net_lock(net);
	/* as nw-edit read it: one over the limit is there to be mended */
	now = file_read_max(path, &nlen, why, olen > NW_MAXFILE ? olen :
	    NW_MAXFILE);
	if (now == NULL || nlen != olen || memcmp(now, old, olen) != 0)
		rv = 1;
	else
		rv = safe_write(net_tmpdir(net), path, text, len, 0) == -1 ?
		    -1 : 0;
	if (rv == 0 && after)	/* what was written, as in change_edit */
		*after = contact_parse(net, id, text, len, C_STRUCT);
	net_unlock(net);
	free(now);
	free(path);
	return rv;
}
