/* draft.c - new contacts: drafts, their ids, places and texts */

#include <sys/stat.h>

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"


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

/* A new contact's draft, added on day added (NODATE: no added:). */
struct draft *
draft_new(int added)
{
	struct draft *d = xcalloc(1, sizeof *d);

	d->added = added;
	return d;
}

/* What a draft holds, given back; the draft (a record's) stays. */
void
draft_clear(struct draft *d)
{
	strv_free(&d->kv);
	value_free(&d->more);
}

/* A draft of draft_new. */
void
draft_free(struct draft *d)
{
	if (d == NULL)
		return;
	draft_clear(d);
	free(d);
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
	struct strmap	 *byid;		/* the ids, to themselves */
};

static int
drafts_has(struct drafts *dr, const char *id)
{
	const char *s;
	size_t it = 0;

	if (dr == NULL)
		return 0;
	while ((s = strmap_next(dr->byid, id, &it)) != NULL)
		if (strcmp(s, id) == 0)
			return 1;
	return 0;
}

static void
drafts_add(struct drafts *dr, char *id, char *path, char *text)
{
	if (dr->n == dr->cap) {
		dr->cap = dr->cap ? 2 * dr->cap : 64;
		dr->v = xrealloc(dr->v, dr->cap * sizeof *dr->v);
		dr->ids = xrealloc(dr->ids, dr->cap * sizeof *dr->ids);
	}
	memset(&dr->v[dr->n], 0, sizeof dr->v[dr->n]);
	dr->v[dr->n].path = path;
	dr->v[dr->n].s = text;
	dr->v[dr->n].len = strlen(text);
	dr->ids[dr->n] = xstrdup(id);
	strmap_put(dr->byid, dr->ids[dr->n], dr->ids[dr->n]);
	dr->n++;
}

struct drafts *
drafts_new(struct net *net)
{
	struct drafts *dr = xcalloc(1, sizeof *dr);

	dr->net = net;
	dr->byid = strmap_new();
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
		if (c->lib->err)
			warnx("'%s': %s; nothing written", name, c->lib->err);
		ok = c->lib->err == NULL;
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
	if (strchr(id, '/') && net_folders(net, *path) == -1) {
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
		} else if (net->track) {	/* for refs_taken */
			strv_add(&net->made, id);
			strv_add(&net->made, draft_get(d, "name") ?
			    draft_get(d, "name") : "");
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
	strmap_clear(dr->byid);
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
	strmap_free(dr->byid);
	free(dr);
}
