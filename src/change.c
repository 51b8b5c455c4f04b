/* change.c - the changes commands make to contacts, written safely */

#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
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
	return 0;
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
	int found, ok;

	if (m && m->type == YSCALAR && !ynode_isnull(m) && tp) {
		if (strcmp(part, tp) == 0)
			return edit_set(ch->e, base, y);
		tq = yaml_quote(m->str, Q_FLOW | Q_STR);
		pq = yaml_quote(part, Q_FLOW | Q_STR);
		full = xasprintf("{%s: %s, %s: %s}", tp, tq, pq, y);
		ok = edit_set(ch->e, base, full);
		free(tq), free(pq), free(full);
		return ok;
	}
	if (m && m->type == YSCALAR && ynode_isnull(m))
		m = NULL;
	if (m && m->type != YMAP)
		return refuse(ch, "not a mapping: nw-edit changes it");
	if (!edit_child(ch->e, base, part, y, &found))
		return 0;
	return found || edit_put(ch->e, base, part, y);
}

/* Set key to value (a text, checked as the schema says). */
int
change_set(struct change *ch, const char *key, const char *value)
{
	const struct key *k = schema_key(key);
	char why[256], *y, *v = NULL, *base = NULL;
	const char *part;
	int ok;

	if (k == NULL && (part = schema_subkey(key, &base)) != NULL) {
		y = schema_yaml(key, ch->net, value, Y_LIST, why, sizeof why);
		ok = y ? set_part(ch, base, part, y) : refuse(ch, why);
		free(y);
		free(base);
		return ok;
	}

	if (k && k->type == K_NAME)	/* "  Bob  B " is Bob B */
		value = v = utf8_squeeze(value);
	y = schema_yaml(key, ch->net, value, 0, why, sizeof why);
	free(v);
	if (y == NULL)
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
	char why[256], *y, *base = NULL;
	size_t i;
	int ok;

	if (schema_subkey(key, &base) != NULL) {
		free(base);
		return refuse(ch, "a part of a mapping is set, not added to");
	}
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
	int ok;

	if (m && m->type == YMAP && ymap_get(m, sub) != NULL)
		return 1;
	q = yaml_quote(value, Q_FLOW | Q_STR);
	ok = edit_put(ch->e, key, sub, q);
	free(q);
	return ok;
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
	int f = 0, ok;

	if (schema_key(key) == NULL &&
	    (part = schema_subkey(key, &base)) != NULL) {
		m = ymap_get(ch->e->doc->root, base);
		tp = schema_text_part(base);
		if (m && m->type == YSCALAR && !ynode_isnull(m))
			ok = tp && strcmp(part, tp) == 0 ?
			    change_delete(ch, base, &f) : 1;
		else
			ok = edit_child(ch->e, base, part, NULL, &f);
		free(base);
		if (found)
			*found = f;
		return ok;
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
	int ok;

	ok = edit_child(ch->e, key, part, q, found);
	free(q);
	return ok;
}

/*
 * The strings under part of the mapping under key (rel's mentor: an id,
 * or a list of them) into l; *there says whether part is.  0 when the
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
		return 1;
	if (m->type != YMAP || (v = ymap_get(m, part)) == NULL)
		return m->type == YMAP;
	*there = 1;
	for (i = 0; i < (v->type == YSEQ ? v->nkid : 1); i++) {
		it = v->type == YSEQ ? ynode_deref(v->kid[i]) : v;
		if (it->type != YSCALAR || ynode_str(it) == NULL)
			return 0;
		strv_add(l, it->str);
	}
	return v->type == YSEQ || v->type == YSCALAR;
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
	int there, f = 0, ok;
	char *q;

	if (!part_items(ch, key, part, &l, &there)) {
		strv_free(&l);
		q = xasprintf("'%s.%s' is not a string or a flow list of "
		    "them: edit it by hand", key, part);
		ok = refuse(ch, q);
		free(q);
		return ok;
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
	ok = 1;
	if (n.n == l.n) {
		for (i = 0; i < n.n && strcmp(n.v[i], l.v[i]) == 0; i++)
			;
		if (i == n.n)
			goto done;	/* as it was */
	}
	ok = edit_part(ch->e, key, part, &n);
done:
	strv_free(&l);
	strv_free(&n);
	return ok;
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
	int ok = 1;

	*moved = 0;
	if ((c->org == NULL || strcmp(c->org, org) == 0) &&
	    (title == NULL || (c->title && strcmp(c->title, title) == 0)))
		goto set;	/* a first org, or the same job */
	if (c->org == NULL && c->title == NULL)
		goto set;
	buf_puts(&b, "{");
	if (c->org) {
		q = yaml_quote(c->org, Q_FLOW | Q_STR);
		buf_printf(&b, "org: %s, ", q);
		free(q);
	}
	if (c->title) {
		q = yaml_quote(c->title, Q_FLOW | Q_STR);
		buf_printf(&b, "title: %s, ", q);
		free(q);
	}
	buf_printf(&b, "to: %s}", date_str(day, ds));
	ok = edit_append(ch->e, "work", b.s, 1);
	free(b.s);
	*moved = ok;
	if (ok && title == NULL && c->title)
		ok = change_delete(ch, "title", NULL);
set:
	if (ok)
		ok = change_set(ch, "org", org);
	if (ok && title)
		ok = change_set(ch, "title", title);
	return ok;
}

/*
 * Append the entry l to the log: {date, kind, dir, note, mid, uid}, each
 * but the date optional.
 */
static int
entry_append(struct change *ch, const struct logentry *l)
{
	const char *k[] = { "kind", "dir", "note", "mid", "uid" };
	const char *v[] = { l->kind, l->dir, l->note, l->mid, l->uid };
	struct buf b = { 0 };
	char ds[11], *q;
	size_t i;
	int ok;

	if (l->date > date_today())
		return refuse(ch, "a log entry dated after today: a log records "
		    "what happened");
	buf_printf(&b, "{date: %s", date_str(l->date, ds));
	for (i = 0; i < sizeof k / sizeof k[0]; i++)
		if (v[i]) {
			q = yaml_quote(v[i], Q_FLOW | Q_STR);
			buf_printf(&b, ", %s: %s", k[i], q);
			free(q);
		}
	buf_puts(&b, "}");
	ok = edit_append(ch->e, "log", b.s, 1);
	free(b.s);
	return ok;
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
	struct newfile f = { 0 };
	int rv;

	net_lock(net);
	rv = change_prepare(net, id, fn, arg, &f);
	if (rv == 0 && f.path && safe_write(net_tmpdir(net), f.path, f.s,
	    f.len, 0) == -1)
		rv = 1;
	/* from the text written under the lock: the file may be gone now */
	if (rv == 0 && after)
		*after = contact_parse(net, id, f.s, f.len, C_STRUCT);
	free((char *)f.path);
	free((char *)f.s);
	net_unlock(net);
	return rv;
}

/*
 * change_edit's change made and verified by the editor, not written: the
 * text as it is now into f->s, and the path to write it to in f->path
 * only when it changed (both owned), for the caller to write with others
 * (safe_create_all; f is marked replace) while it holds the lock.  0, or
 * 1 with the reason said.
 */
int
change_prepare(struct net *net, const char *id,
    int (*fn)(struct change *, struct contact *, void *), void *arg,
    struct newfile *f)
{
	struct change ch = { net, NULL };
	struct contact *c;
	char *t;
	int rv = 1;

	memset(f, 0, sizeof *f);
	f->replace = 1;
	net_lock(net);
	c = contact_load(net, id, C_DOC | C_STRUCT);
	if (contact_report(c))
		goto done;
	ch.e = edit_open(c->doc, c->path);
	c->doc = NULL;		/* the edit owns it now */
	if (!fn(&ch, c, arg))
		rv = edit_report(ch.e);
	else {
		rv = 0;
		if (ch.e->len != ch.e->olen ||
		    memcmp(ch.e->text, ch.e->orig, ch.e->len) != 0)
			f->path = xstrdup(c->path);
		f->s = t = xmalloc(ch.e->len + 1);
		memcpy(t, ch.e->text, ch.e->len);
		t[ch.e->len] = '\0';
		f->len = ch.e->len;
	}
	edit_free(ch.e);
done:
	contact_free(c);
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
static int
logedits(struct change *ch, struct contact *c, void *arg)
{
	struct logentry *l = arg;
	struct logent le = { l->date, (char *)l->kind, (char *)l->note };
	char ds[11];
	int ok, clear, has;

	ok = entry_append(ch, l);
	has = c->next != NODATE || c->next_note;
	clear = !l->keep && !l->next && (l->closes ||
	    contact_followup_ends(c->next_note != NULL, &le, c->last));
	if (ok && l->next)
		ok = change_set(ch, "next", l->next);
	if (ok && l->nnote)
		ok = change_set(ch, "next-note", l->nnote);
	else if (ok && (clear || l->next))
		ok = change_delete(ch, "next-note", NULL);
	if (ok && clear)
		ok = change_delete(ch, "next", NULL);
	if (ok && has && (clear || (!l->keep && !l->next && c->next_note &&
	    (schema_kind(l->kind) & KIND_CONTACT)))) {
		free(l->done);
		l->done = xstrdup(c->next_note ? c->next_note :
		    date_str(c->next, ds));
		l->kept = !clear;
	}
	return ok;
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
 * Is an entry of l's date, kind and direction in the log already?  What
 * a capture (nw-mail, nw-cal) logs is one entry a contact, day and
 * direction, so a second run, or one on another machine, adds nothing.
 */
static int
logged(struct change *ch, const struct logentry *l)
{
	struct ynode *log = ymap_get(ch->e->doc->root, "log"), *e;
	const char *d, *k, *dir;
	char ds[11];
	size_t i;

	date_str(l->date, ds);
	for (i = 0; log && log->type == YSEQ && i < log->nkid; i++) {
		if ((e = ynode_deref(log->kid[i]))->type != YMAP)
			continue;
		d = ynode_str(ymap_get(e, "date"));
		k = ynode_str(ymap_get(e, "kind"));
		dir = ynode_str(ymap_get(e, "dir"));
		if (dir && strcmp(dir, "out") == 0)
			dir = NULL;
		if (d && strcmp(d, ds) == 0 && k && l->kind &&
		    strcmp(k, l->kind) == 0 && (dir == NULL) == (l->dir == NULL) &&
		    (dir == NULL || strcmp(dir, l->dir) == 0))
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

static int
logmany(struct change *ch, struct contact *c, void *arg)
{
	struct logmany *m = arg;
	size_t i;

	for (i = 0; i < m->n; i++) {
		if ((m->l[i].skip = logged(ch, &m->l[i])) || m->dry)
			continue;
		if (!logedits(ch, c, &m->l[i]))
			return 0;
		if (m->l[i].done && !m->l[i].kept) {	/* ended, not kept */
			free(m->done);
			m->done = m->l[i].done;
			m->l[i].done = NULL;
		}
		free(m->l[i].done);
		m->l[i].done = NULL;
	}
	return 1;
}

/*
 * Append the entries l[0..n) to contact id in one change, each settling
 * the follow-up as change_log does, but those of a date, kind and dir the
 * log has already: their skip is set.  With dry, only skip is set and
 * nothing is written.
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
 * The same change made but not written (change_prepare): into *f, for a
 * capture to write every contact's at once.  Never dry.
 */
int
change_log_prepare(struct net *net, const char *id, struct logentry *l,
    size_t n, struct newfile *f)
{
	struct logmany m = { l, n, 0, NULL };
	int rv;

	rv = change_prepare(net, id, logmany, &m, f);
	if (rv == 0 && m.done)
		warnx("%s: follow-up done: %s", id, m.done);
	free(m.done);
	return rv;
}

/* --- new contacts -------------------------------------------------------- */

/*
 * A draft is a contact about to be created: values by key, as they come.
 * A part of a mapping has its key and the part's name: "links.github",
 * "met.date".  A list key takes many values, each once whatever its case;
 * any other key keeps the first value given.
 */
static int
ispart(const char *k, const char *key, size_t n)
{
	return strncmp(k, key, n) == 0 && (k[n] == '\0' || k[n] == '.');
}

/* The n-th value of key (or of its parts), NULL past the last. */
const char *
draft_value(const struct draft *d, const char *key, size_t n)
{
	size_t i, len = strlen(key);

	for (i = 0; i + 1 < d->kv.n; i += 2)
		if (ispart(d->kv.v[i], key, len) && n-- == 0)
			return d->kv.v[i + 1];
	return NULL;
}

const char *
draft_get(const struct draft *d, const char *key)
{
	size_t i;

	for (i = 0; i + 1 < d->kv.n; i += 2)
		if (strcmp(d->kv.v[i], key) == 0)
			return d->kv.v[i + 1];
	return NULL;
}

/* key: value, unless key has one; a list key takes it unless it is there. */
void
draft_set(struct draft *d, const char *key, const char *v)
{
	const struct key *k = schema_key(key);
	size_t i;
	char *t;

	for (i = 0; i + 1 < d->kv.n; i += 2)
		if (strcmp(d->kv.v[i], key) == 0 && (k == NULL ||
		    (k->type != K_LIST && k->type != K_EMAIL) ||
		    strcaseeq(d->kv.v[i + 1], v)))
			return;
	strv_add(&d->kv, key);
	if (k && k->type == K_NAME) {	/* from any source: "  Bob  B " */
		t = utf8_squeeze(v);
		strv_add(&d->kv, t);
		free(t);
	} else
		strv_add(&d->kv, v);
}

/* Take out key's values equal to v (any case), or all of them (v NULL). */
void
draft_unset(struct draft *d, const char *key, const char *v)
{
	size_t i;

	for (i = 0; i + 1 < d->kv.n;)
		if (strcmp(d->kv.v[i], key) == 0 && (v == NULL ||
		    strcaseeq(d->kv.v[i + 1], v))) {
			free(d->kv.v[i]);
			free(d->kv.v[i + 1]);
			memmove(d->kv.v + i, d->kv.v + i + 2,
			    (d->kv.n - i - 2) * sizeof *d->kv.v);
			d->kv.n -= 2;
		} else
			i += 2;
}

void
draft_free(struct draft *d)
{
	strv_free(&d->kv);
	value_free(&d->more);
}

static void
value_copy(struct value *to, const struct value *from)
{
	size_t i;

	*to = *from;
	to->s = from->s ? xstrdup(from->s) : NULL;
	to->v = from->n ? xcalloc(from->n, sizeof *to->v) : NULL;
	for (i = 0; i < from->n; i++)
		value_copy(&to->v[i], &from->v[i]);
}

/* key: v kept as it is (the log, a user's own key), unless key has one. */
void
draft_more(struct draft *d, const char *key, const struct value *v)
{
	size_t i;

	for (i = 0; i + 1 < d->more.n; i += 2)
		if (strcmp(d->more.v[i].s, key) == 0)
			return;
	d->more.type = V_MAP;
	d->more.v = xrealloc(d->more.v, (d->more.n + 2) * sizeof *d->more.v);
	memset(&d->more.v[d->more.n], 0, sizeof *d->more.v);
	d->more.v[d->more.n].type = V_STR;
	d->more.v[d->more.n].s = xstrdup(key);
	value_copy(&d->more.v[d->more.n + 1], v);
	d->more.n += 2;
}

/*
 * A value as YAML in flow style that reads back as the same data: a
 * number, true or false from JSON plain, a date plain as nw writes
 * dates, any other string quoted when it must be.
 */
static void
flow(struct buf *b, const struct value *v)
{
	size_t i;
	char *q;
	int z;

	switch (v->type) {
	case V_NULL:
		buf_puts(b, "null");
		break;
	case V_STR:
		q = (v->plain || date_parse(v->s, &z)) && !strchr(v->s, ' ') ?
		    yaml_quote(v->s, Q_FLOW) : yaml_quote(v->s, Q_FLOW | Q_STR);
		buf_puts(b, q);
		free(q);
		break;
	case V_LIST:
		buf_puts(b, "[");
		for (i = 0; i < v->n; i++) {
			buf_puts(b, i ? ", " : "");
			flow(b, &v->v[i]);
		}
		buf_puts(b, "]");
		break;
	case V_MAP:
		buf_puts(b, "{");
		for (i = 0; i + 1 < v->n; i += 2) {
			q = yaml_quote(v->v[i].s ? v->v[i].s : "", Q_FLOW |
			    Q_STR);
			buf_printf(b, "%s%s: ", i ? ", " : "", q);
			free(q);
			flow(b, &v->v[i + 1]);
		}
		buf_puts(b, "}");
		break;
	}
}

/*
 * The keys kept as they are: the user's own, relationships and jobs (from
 * nw's JSON), then the log, an entry a line as nw-log writes them.
 */
static void
draft_kept(struct buf *b, const struct draft *d)
{
	const struct key *k;
	const struct value *v;
	size_t i, j;

	for (i = 0; i + 1 < d->more.n; i += 2) {
		k = schema_key(d->more.v[i].s);
		v = &d->more.v[i + 1];
		if (k && k->type != K_LOG && k->type != K_REL &&
		    k->type != K_WORK)
			continue;
		if (k == NULL || k->type != K_LOG) {
			flow(b, &d->more.v[i]);
			buf_puts(b, ": ");
			flow(b, v);
			buf_puts(b, "\n");
		}
	}
	for (i = 0; i + 1 < d->more.n; i += 2) {
		k = schema_key(d->more.v[i].s);
		v = &d->more.v[i + 1];
		if (k == NULL || k->type != K_LOG)
			continue;
		if (v->type != V_LIST || v->n == 0) {
			buf_printf(b, "%s: ", k->name);
			flow(b, v);
			buf_puts(b, "\n");
			continue;
		}
		buf_printf(b, "%s:\n", k->name);
		for (j = 0; j < v->n; j++) {
			buf_puts(b, "  - ");
			flow(b, &v->v[j]);
			buf_puts(b, "\n");
		}
	}
}

/*
 * Is every value of the draft a value of its key, as a file's would be?
 * The schema decides; what a file is only warned about passes (an
 * address book's odd email).  0, with "'VALUE': not WHAT" in why, when
 * not.
 */
int
draft_check(const struct draft *d, struct net *net, char *why, size_t len)
{
	static const struct key date = { "date", K_DATE, 0, 0, NULL, NOFIELD };
	const struct key *k;
	const char *bad;
	char *base, buf[256];
	size_t i;

	for (i = 0; i + 1 < d->kv.n; i += 2) {
		base = xstrndup(d->kv.v[i], strcspn(d->kv.v[i], "."));
		k = schema_key(base);
		free(base);
		if (k && k->type == K_MET)
			k = strcmp(d->kv.v[i], "met.date") == 0 ? &date : NULL;
		if (k && k->type == K_DATES && strchr(d->kv.v[i], '.') == NULL)
			k = NULL;	/* parts only: dates.anniversary */
		if (k == NULL || k->type == K_LINKS || k->type == K_MAP ||
		    k->type == K_EMAIL)
			continue;
		if ((bad = schema_invalid(k, net, d->kv.v[i + 1], buf,
		    sizeof buf)) != NULL) {
			snprintf(why, len, "'%s': not %s", d->kv.v[i + 1], bad);
			return 0;
		}
	}
	return 1;
}

/* Can notes go as a | block, read back as they are?  *q: quoted. */
static int
notes_block(const char *s, char **q)
{
	const char *p;

	*q = yaml_quote(s, Q_STR);
	if (*s == '\0' || *s == ' ' || *s == '\n')
		return 0;
	/* a plain scalar may end in a backslash: strchr would find its NUL */
	for (p = *q; (p = strchr(p, '\\')) != NULL; p += 2)
		if (p[1] == '\0' || strchr("n\"\\", p[1]) == NULL)
			return 0;
	return 1;
}

/*
 * {a: x, b: y} from the parts key.a, key.b: the parts named in order,
 * else all of them in the order given.
 */
static void
draft_map(struct buf *b, const struct draft *d, const char *key,
    const char *const *order, int q)
{
	size_t i, n = strlen(key);
	const char *part, *v;
	char *s, *full;

	buf_puts(b, "{");
	for (i = 0; order ? order[i] != NULL : i + 1 < d->kv.n;
	    i += order ? 1 : 2) {
		if (order) {
			full = xasprintf("%s.%s", key, order[i]);
			v = draft_get(d, full);
			free(full);
			part = order[i];
		} else if (ispart(d->kv.v[i], key, n) &&
		    d->kv.v[i][n] == '.') {
			v = d->kv.v[i + 1];
			part = d->kv.v[i] + n + 1;
		} else
			continue;
		if (v == NULL)
			continue;
		s = yaml_quote(v, q | Q_FLOW);
		full = yaml_quote(part, Q_STR | Q_FLOW);
		buf_printf(b, "%s%s: %s", b->len > 1 ? ", " : "", full, s);
		free(full);
		free(s);
	}
	buf_puts(b, "}");
}

/* One key's line(s) of a new file, as its type writes them. */
static void
draft_key(struct buf *b, const struct draft *d, const struct key *k)
{
	static const char *const metparts[] = { "date", "where", "via",
	    NULL };
	const char *v = draft_get(d, k->name), *p;
	struct buf m = { 0 };
	size_t i, n;
	char ds[11], *q;

	switch (k->type) {
	case K_LIST:
	case K_EMAIL:
		for (n = 0; draft_value(d, k->name, n); n++)
			;
		if (n == 0)
			return;
		if (n == 1 && !(k->flags & K_FLOW)) {
			q = yaml_quote(v, Q_STR);
			buf_printf(b, "%s: %s\n", k->name, q);
			free(q);
			return;
		}
		buf_printf(b, "%s: [", k->name);
		for (i = 0; i < n; i++) {
			q = yaml_quote(draft_value(d, k->name, i),
			    Q_STR | Q_FLOW);
			buf_printf(b, "%s%s", i ? ", " : "", q);
			free(q);
		}
		buf_puts(b, "]\n");
		return;
	case K_LINKS:
	case K_MAP:
	case K_DATES:		/* dates plain, as birthday is */
		draft_map(&m, d, k->name, NULL, k->type == K_DATES ? 0 : Q_STR);
		if (m.len > 2)
			buf_printf(b, "%s: %s\n", k->name, m.s);
		free(m.s);
		return;
	case K_MET:
		if (draft_get(d, "met.date") || draft_get(d, "met.via")) {
			draft_map(&m, d, k->name, metparts, Q_STR);
			buf_printf(b, "%s: %s\n", k->name, m.s);
			free(m.s);
		} else if ((v = draft_get(d, "met.where")) != NULL) {
			q = yaml_quote(v, Q_STR);
			buf_printf(b, "%s: %s\n", k->name, q);
			free(q);
		}
		return;
	case K_DATE:
		if (strcmp(k->name, "added") == 0)
			v = d->added == NODATE ? NULL : date_str(d->added, ds);
		/* FALLTHROUGH */
	case K_DUR:
	case K_BDAY:
		if (v)
			buf_printf(b, "%s: %s\n", k->name, v);
		return;
	case K_TEXT:
		if (v == NULL)
			return;
		if (!notes_block(v, &q)) {
			buf_printf(b, "%s: %s\n", k->name, q);
			free(q);
			return;
		}
		free(q);
		buf_printf(b, "%s: |\n", k->name);
		for (p = v; *p; p += n + (p[n] == '\n')) {
			n = strcspn(p, "\n");
			if (n)
				buf_printf(b, "  %.*s", (int)n, p);
			buf_puts(b, "\n");
		}
		return;
	case K_NAME:
	case K_STR:
	case K_CIRCLE:
	case K_TYPE:
		if (v) {
			q = yaml_quote(v, Q_STR);
			buf_printf(b, "%s: %s\n", k->name, q);
			free(q);
		}
		return;
	default:
		return;
	}
}

/* The new file's text: the keys in the order of nw(5). */
char *
draft_text(const struct draft *d)
{
	const struct key *k;
	struct buf b = { 0 };
	size_t i, n;

	k = schema_keys(&n);
	for (i = 0; i < n; i++)
		if (k[i].type == K_LOG)
			draft_kept(&b, d);
		else if (!(k[i].flags & K_DERIVED))
			draft_key(&b, d, &k[i]);
	return b.s;
}

/* --- new contacts ------------------------------------------------------- */

struct drafts {				/* new contacts to be written at once */
	struct net	 *net;
	struct newfile	 *v;		/* their files, texts and paths owned */
	char		**ids;
	size_t		  n, cap;
	size_t		 *head;		/* ids hashed: the last of a chain + 1 */
	size_t		 *next;
	size_t		  mask;
};

static int
drafts_has(struct drafts *dr, const char *id)
{
	size_t e;

	if (dr == NULL || dr->head == NULL)
		return 0;
	for (e = dr->head[strcasehash(id) & dr->mask]; e; e = dr->next[e - 1])
		if (strcmp(dr->ids[e - 1], id) == 0)
			return 1;
	return 0;
}

static void
drafts_rehash(struct drafts *dr)
{
	size_t i, b;

	free(dr->head);
	dr->mask = 2 * dr->cap - 1;
	dr->head = xcalloc(dr->mask + 1, sizeof *dr->head);
	for (i = 0; i < dr->n; i++) {
		b = strcasehash(dr->ids[i]) & dr->mask;
		dr->next[i] = dr->head[b];
		dr->head[b] = i + 1;
	}
}

static void
drafts_add(struct drafts *dr, char *id, char *path, char *text)
{
	if (dr->n == dr->cap) {
		dr->cap = dr->cap ? 2 * dr->cap : 64;
		dr->v = xrealloc(dr->v, dr->cap * sizeof *dr->v);
		dr->ids = xrealloc(dr->ids, dr->cap * sizeof *dr->ids);
		dr->next = xrealloc(dr->next, dr->cap * sizeof *dr->next);
		drafts_rehash(dr);
	}
	memset(&dr->v[dr->n], 0, sizeof dr->v[dr->n]);
	dr->v[dr->n].path = path;
	dr->v[dr->n].s = text;
	dr->v[dr->n].len = strlen(text);
	dr->ids[dr->n] = xstrdup(id);
	dr->next[dr->n] = dr->head[strcasehash(id) & dr->mask];
	dr->head[strcasehash(id) & dr->mask] = ++dr->n;
}

struct drafts *
drafts_new(struct net *net)
{
	struct drafts *dr = xcalloc(1, sizeof *dr);

	dr->net = net;
	return dr;
}

/*
 * The id a new contact asks for: the one it had (an import of nw's own
 * CSV or JSON), its folder included; else the slug of its name, without the
 * prefix and suffix that name-parts say it has (Rear Admiral, PhD).
 */
char *
draft_id(const struct draft *d)
{
	const char *want = draft_get(d, "id"), *name, *pre, *suf;
	char *s, *id;
	size_t n;

	if (want && id_valid(want))
		return xstrdup(want);
	if ((name = draft_get(d, "name")) == NULL)
		return xstrdup("contact");
	pre = draft_get(d, "name-parts.prefix");
	suf = draft_get(d, "name-parts.suffix");
	n = strlen(name);
	if (pre && strncmp(name, pre, strlen(pre)) == 0 &&
	    name[strlen(pre)] == ' ')
		name += strlen(pre) + 1, n -= strlen(pre) + 1;
	if (suf && n > strlen(suf) + 1 &&
	    strcmp(name + n - strlen(suf), suf) == 0 &&
	    strchr(" ,", name[n - strlen(suf) - 1]) != NULL)
		n -= strlen(suf) + 1;
	s = xstrndup(name, n);
	id = contact_slug(s);
	free(s);
	return id;
}

static int	folders(struct net *, const char *);

/*
 * Where a new contact goes: its id is the slug of its name, with -2,
 * -3... when taken, on disk or in dr.  Its text must read back with this
 * very name.  The id, its path and text in *path and *text; NULL said on
 * stderr.  The caller holds the lock.
 */
static char *
draft_place(struct net *net, const struct draft *d, struct drafts *dr,
    char **path, char **text)
{
	struct stat st;
	struct ydoc *doc;
	struct contact *c;
	char *base, *id, *s;
	const char *got, *name;
	int i, ok;

	name = draft_get(d, "name");
	s = draft_text(d);
	doc = ydoc_parsef(s, strlen(s), 0);
	got = ynode_str(ymap_get(doc->root, "name"));
	ok = got && name && strcmp(got, name) == 0;
	ydoc_free(doc);
	if (ok && d->more.n) {		/* kept as they were: still usable? */
		c = contact_parse(net, "new", s, strlen(s), 0);
		if (c->err)
			warnx("'%s': %s; nothing written", name, c->err);
		ok = c->err == NULL;
		contact_free(c);
		if (!ok) {
			free(s);
			return NULL;
		}
	}
	if (!ok) {
		warnx("'%s': the new file would not read back; nothing "
		    "written", name ? name : "");
		free(s);
		return NULL;
	}
	base = draft_id(d);
	id = xstrdup(base);
	for (i = 2;; i++) {
		*path = net_path(net, id);
		if (lstat(*path, &st) == -1 && (dr == NULL ||
		    !drafts_has(dr, id)))
			break;
		free(*path);
		free(id);
		id = xasprintf("%s-%d", base, i);
	}
	free(base);
	if (strchr(id, '/') && folders(net, *path) == -1) {
		free(*path);
		free(id);
		free(s);
		return NULL;
	}
	*text = s;
	return id;
}

/* Create the contact (see draft_place).  The new id, or NULL said. */
char *
draft_write(struct net *net, const struct draft *d)
{
	char *id, *path, *text;

	net_lock(net);
	if ((id = draft_place(net, d, NULL, &path, &text)) != NULL) {
		if (safe_write(net_tmpdir(net), path, text, strlen(text),
		    SW_CREATE) == -1) {
			free(id);
			id = NULL;
		}
		free(path);
		free(text);
	}
	net_unlock(net);
	return id;
}

/*
 * The same, the file to be written by drafts_write with the others of
 * dr: the id it will have, or NULL said.  The caller holds the lock from
 * here to drafts_write.
 */
char *
draft_stage(struct drafts *dr, const struct draft *d)
{
	char *id, *path, *text;

	if ((id = draft_place(dr->net, d, dr, &path, &text)) != NULL)
		drafts_add(dr, id, path, text);
	return id;
}

/* Is contact id waiting in dr to be written? */
int
drafts_waiting(struct drafts *dr, const char *id)
{
	return drafts_has(dr, id);
}

static void
drafts_forget(struct drafts *dr)
{
	size_t i;

	for (i = 0; i < dr->n; i++) {
		free((char *)dr->v[i].path);
		free((char *)dr->v[i].s);
		free(dr->ids[i]);
	}
	dr->n = 0;
	if (dr->head)
		memset(dr->head, 0, (dr->mask + 1) * sizeof *dr->head);
}

/*
 * Write every contact of dr, each whole or not at all after a crash and
 * all durable when this returns (safe_create_all), then forget them.
 * fn(id, why, arg) for each that was not written.  The number of those.
 */
int
drafts_write(struct drafts *dr, void (*fn)(const char *, const char *,
    void *), void *arg)
{
	char *why;
	size_t i;
	int bad;

	bad = dr->n ? safe_create_all(net_tmpdir(dr->net), dr->v, dr->n) : 0;
	for (i = 0; i < dr->n; i++) {
		if (dr->v[i].err == 0)
			continue;
		why = xasprintf("'%s': %s: %s", dr->v[i].path, dr->v[i].what,
		    strerror(dr->v[i].err));
		fn(dr->ids[i], why, arg);
		free(why);
	}
	drafts_forget(dr);
	return bad;
}

/* Those not written yet are dropped. */
void
drafts_free(struct drafts *dr)
{
	if (dr == NULL)
		return;
	drafts_forget(dr);
	free(dr->v);
	free(dr->ids);
	free(dr->next);
	free(dr->head);
	free(dr);
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
	printf("%s%s\n", id_shown(id), id);
	out_sync();
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
	    xasprintf("%s %s and %zu other%s", verb, b->first, b->ids.n - 1,
	    b->ids.n == 2 ? "" : "s");
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

/* --- removing and renaming contacts ----------------------------------- */

/*
 * What names a contact by its id: another's met.via and rel, and, for a
 * community, an item of a person's groups.  A removal or a rename goes
 * through them first, then moves the file: a crash between leaves them
 * naming the new id, or none, and the command run again finishes.
 */
struct naming {
	const char	*id, *to;	/* the id named; the new one, or NULL */
	int		 groups;	/* groups items too (a community) */
	struct strv	 ids;		/* the contacts that name it */
	int		 rel;		/* some of them in their rel */
};

/* Does c's rel name id, in any role? */
static int
rel_names(const struct contact *c, const char *id)
{
	size_t i;

	for (i = 0; i + 1 < c->rel.n; i += 2)
		if (strcmp(c->rel.v[i + 1], id) == 0)
			return 1;
	return 0;
}

/*
 * The contacts that name nm->id.  -1, said on stderr, when not every
 * contact could be read: one that could not may name it, and a removal
 * or a rename would leave its via naming no one.
 */
static int
namers(struct net *net, struct naming *nm, const char *what)
{
	struct contact *c;
	char **ids;
	size_t i, n;
	int rv;

	net_list(net, &ids, &n, NULL);
	rv = net->unread ? -1 : 0;
	for (i = 0; i < n; i++) {
		if (strcmp(ids[i], nm->id) != 0) {
			c = contact_load(net, ids[i], C_STRUCT);
			if (contact_report(c))
				rv = -1;
			else if ((c->met.via && strcmp(c->met.via, nm->id) ==
			    0) || (nm->groups && strv_has(&c->groups, nm->id)) ||
			    rel_names(c, nm->id))
				strv_add(&nm->ids, ids[i]);
			nm->rel |= rel_names(c, nm->id);
			contact_free(c);
		}
		free(ids[i]);
	}
	free(ids);
	if (rv)
		warnx("'%s': not every contact could be read, and one may "
		    "name it: nothing %s", nm->id, what);
	return rv;
}

static int
rename_in(struct change *ch, struct contact *c, void *arg)
{
	struct naming *nm = arg;
	size_t i;
	int found;

	if (c->met.via && strcmp(c->met.via, nm->id) == 0 &&
	    !change_child(ch, "met", "via", nm->to, &found))
		return 0;
	for (i = 0; i + 1 < c->rel.n; i += 2)
		if (strcmp(c->rel.v[i + 1], nm->id) == 0 &&
		    !change_part(ch, "rel", c->rel.v[i], nm->id, nm->to, 0,
		    &found))
			return 0;
	return !nm->groups || !strv_has(&c->groups, nm->id) ||
	    change_child(ch, "groups", nm->id, nm->to, &found);
}

/* Make each contact that names nm->id name nm->to; said on stderr. */
static int
renamers(struct net *net, struct naming *nm, struct strv *changed)
{
	size_t i;

	for (i = 0; i < nm->ids.n; i++) {
		if (change_edit(net, nm->ids.v[i], rename_in, nm, NULL))
			return 1;
		strv_add(changed, nm->ids.v[i]);
		if (nm->to)
			warnx("%s: now names %s", nm->ids.v[i], nm->to);
		else
			warnx("%s: no longer names %s", nm->ids.v[i], nm->id);
	}
	return 0;
}

/* The folder of a contact that was moved or removed, gone when empty. */
static void
tidy(struct net *net, const char *id)
{
	char *path, *slash;

	if (strchr(id, '/') == NULL)
		return;
	path = xasprintf("%s/%s", net->dir, id);
	while ((slash = strrchr(path, '/')) != NULL &&
	    slash > path + strlen(net->dir)) {
		*slash = '\0';
		if (rmdir(path) == -1)
			break;
	}
	free(path);
}

static void
joined(struct buf *b, struct strv *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		buf_printf(b, "%s%s", i ? ", " : "", l->v[i]);
}

/*
 * Remove contact id.  Another contact's met.via or rel naming it refuses
 * the removal, unless force, when that via or rel entry goes first.  The ids of the files
 * changed or removed are added to changed, for the commit.  0 done; else
 * said on stderr.
 */
int
change_rm(struct net *net, const char *id, int force, struct strv *changed)
{
	struct naming nm = { id, NULL, 0, { 0 }, 0 };
	struct buf b = { 0 };
	char *path = net_path(net, id);
	int rv = 1, named;

	net_lock(net);
	if ((named = namers(net, &nm, "removed")) == 0 && nm.ids.n &&
	    !force) {
		joined(&b, &nm.ids);
		if (nm.rel)
			warnx("'%s': the met.via or rel of %s names it: nothing "
			    "removed (-f removes it and those)", id, b.s);
		else
			warnx("'%s': the met.via of %s names it: nothing "
			    "removed (-f removes it and that via)", id, b.s);
		free(b.s);
	} else if (named == 0 && renamers(net, &nm, changed) == 0 &&
	    safe_remove(path) != -1) {
		strv_add(changed, id);
		tidy(net, id);
		rv = 0;
	}
	net_unlock(net);
	strv_free(&nm.ids);
	free(path);
	return rv;
}

/* Make the folders of path below the network, as needed. */
static int
folders(struct net *net, const char *path)
{
	char *p = xstrdup(path), *s;
	size_t top = strlen(net->dir);
	int rv = 0;

	for (s = p + top + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST) {
			warn("'%s'", p);
			rv = -1;
		} else if (!net_inside(net, p)) {
			warnx("'%s': leads out of the network", p);
			rv = -1;
		}
		*s = '/';
		if (rv)
			break;
	}
	free(p);
	return rv;
}

/*
 * Rename contact id to newid, which must be free: every met.via and rel
 * entry naming it, and for a community every groups item that is its id, name newid
 * first, then the file moves.  The ids changed go into changed.  0 done;
 * else said on stderr.
 */
int
change_mv(struct net *net, const char *id, const char *newid,
    struct strv *changed)
{
	struct naming nm = { id, newid, 0, { 0 }, 0 };
	struct contact *c;
	struct stat st;
	char *from = net_path(net, id), *to = net_path(net, newid);
	int rv = 1;

	net_lock(net);
	c = contact_load(net, id, C_STRUCT);
	nm.groups = c->type == T_COMMUNITY;
	if (lstat(to, &st) == 0)
		warnx("'%s': already a contact: nothing renamed", newid);
	else if (contact_report(c) == 0) {
		if (namers(net, &nm, "renamed") == 0 &&
		    renamers(net, &nm, changed) == 0 &&
		    folders(net, to) == 0 && safe_move(from, to) != -1) {
			strv_add(changed, id);
			strv_add(changed, newid);
			tidy(net, id);
			rv = 0;
		}
	}
	net_unlock(net);
	contact_free(c);
	strv_free(&nm.ids);
	free(from);
	free(to);
	return rv;
}

/* --- folding one contact into another (nw-mv -m) ---------------------- */

/* The editor on the text of contact id, read under the lock; NULL said. */
static struct edit *
fold_open(struct net *net, const char *id, char **path)
{
	struct ydoc *d;
	char why[256], *text;
	size_t len;

	*path = net_path(net, id);
	if ((text = file_read(*path, &len, why)) == NULL) {
		warnx("'%s': %s", *path, why);
		return NULL;
	}
	d = ydoc_parse(text, len);
	free(text);
	if (d->root == NULL || d->root->type != YMAP) {
		warnx("%s:%d:%d: %s", *path, d->line, d->col, d->err[0] ?
		    d->err : "not a contact");
		ydoc_free(d);
		return NULL;
	}
	return edit_open(d, *path);
}

/* Take each key of keys out of e's text. */
static int
fold_drop(struct edit *e, const struct strv *keys)
{
	size_t i;

	for (i = 0; i < keys->n; i++)
		if (!edit_delete(e, keys->v[i]))
			return 0;
	return 1;
}

/*
 * Fold contact old into keep, one person written twice: nw-merge's rules
 * with nothing in common as the base (merge.c, merge_contact): logs
 * unioned entry by entry in date order, lists and rel as sets, mappings
 * key by key.  Old's name becomes an aka when it differs, the earlier
 * added stays.  A key both have with other values is refused unless win
 * says whose stays ('o' old's, 'k' keep's).  Then what named old names
 * keep (met.via, rel, groups), and old goes.  The files changed go into
 * changed.  0 done; else said on stderr.
 */
int
change_fold(struct net *net, const char *old, const char *keep, int win,
    struct strv *changed)
{
	struct naming nm = { old, keep, 0, { 0 }, 0 };
	struct edit *eo = NULL, *ek = NULL;
	struct merge m = { 0 };
	struct ydoc *base = ydoc_parse("", 0);
	struct contact *co = NULL, *ck = NULL;
	struct strv drop = { 0 };
	struct buf b = { 0 };
	char *po = NULL, *pk = NULL, *q;
	size_t i;
	int rv = 1, ok, again;

	net_lock(net);
	co = contact_load(net, old, C_STRUCT);
	ck = contact_load(net, keep, C_STRUCT);
	if (contact_report(co) || contact_report(ck) ||
	    (eo = fold_open(net, old, &po)) == NULL ||
	    (ek = fold_open(net, keep, &pk)) == NULL)
		goto done;
	nm.groups = co->type == T_COMMUNITY;
	/* old's name an aka of keep; one added, the earlier */
	ok = edit_delete(eo, "name");
	if (ok && strcmp(co->name, ck->name) != 0 &&
	    !strv_has(&ck->aka, co->name)) {
		q = yaml_quote(co->name, Q_FLOW | Q_STR);
		ok = edit_append(ek, "aka", q, 0);
		free(q);
	}
	if (ok && co->added != NODATE && ck->added != NODATE)
		ok = edit_delete(co->added < ck->added ? ek : eo, "added");
	for (again = 1; ok && again--;) {
		merge_free(&m);
		if (!(ok = merge_contact(base, ek->doc, eo->doc, &m)))
			warnx("'%s' into '%s': %s", old, keep, m.err);
		else if (m.conflicts.n && win && again == 0 && drop.n == 0) {
			for (i = 0; i < m.conflicts.n; i++)
				strv_add(&drop, m.conflicts.v[i]);
			ok = fold_drop(win == 'o' ? ek : eo, &drop);
			again = 1;	/* merge again, the loser's keys gone */
		}
	}
	if (!ok) {
		if (eo->err[0])
			edit_report(eo);
		if (ek->err[0])
			edit_report(ek);
		goto done;
	}
	if (m.conflicts.n) {
		for (i = 0; i < m.conflicts.n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", m.conflicts.v[i]);
		warnx("'%s' and '%s' differ in %s: nothing folded (-f old or "
		    "-f keep says whose stays)", old, keep, b.s);
		goto done;
	}
	/* every contact read before anything is written */
	if (namers(net, &nm, "folded") == -1 ||
	    safe_write(net_tmpdir(net), pk, m.text, m.len, 0) == -1)
		goto done;
	strv_add(changed, keep);
	for (i = 0; i < nm.ids.n; i++)
		if (strcmp(nm.ids.v[i], keep) == 0) {
			/* keep naming old would name itself: not renamed */
			free(nm.ids.v[i]);
			memmove(nm.ids.v + i, nm.ids.v + i + 1,
			    (nm.ids.n - i - 1) * sizeof *nm.ids.v);
			nm.ids.n--;
			break;
		}
	if (renamers(net, &nm, changed) == 0 && safe_remove(po) == 0) {
		strv_add(changed, old);
		tidy(net, old);
		rv = 0;
	}
done:
	net_unlock(net);
	if (eo)
		edit_free(eo);
	if (ek)
		edit_free(ek);
	merge_free(&m);
	ydoc_free(base);
	contact_free(co);
	contact_free(ck);
	strv_free(&drop);
	strv_free(&nm.ids);
	free(b.s);
	free(po);
	free(pk);
	return rv;
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
