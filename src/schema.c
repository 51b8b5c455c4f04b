/* schema.c - the keys of nw(5): what each means, how it is checked */

#include <err.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

#define C(f)	CF(c.f)		/* where a field is in struct contact_block */
#define L(f)	CF(l.f)

/*
 * Every key of nw(5), in the order nw(5) shows them, which is also the
 * order of a new file and of CSV columns.  A key's type says how it is
 * checked, read into struct contact, written, shown and exported; its
 * flags what else holds for it.  Adding a key to nw(5) is a line here,
 * its page and a test.  "id", "last" and "due" are no keys of a file:
 * outputs derive them, and they stand here for their place among the
 * columns.
 */
static const struct key keys[] = {
	/* name        type      flags                  show label  field */
	{ "id",        K_ID,     K_DERIVED,             0,   NULL,  NOFIELD },
	{ "name",      K_NAME,   K_VITAL | K_SET,       0,   NULL,  C(name) },
	{ "name-parts", K_MAP,    0,                     0,   NULL,  NOFIELD },
	{ "type",      K_TYPE,   K_VITAL | K_SET,       1,   NULL,  C(type) },
	{ "aka",       K_LIST,   K_VITAL | K_SET | K_FLOW, 2, NULL, L(aka) },
	{ "circle",    K_CIRCLE, K_SET,                 5,   NULL,  C(circle) },
	{ "every",     K_DUR,    K_VITAL | K_SET,       0,   NULL,  L(every) },
	{ "next",      K_DATE,   K_VITAL | K_SET | K_AHEAD, 0, NULL, L(next) },
	{ "next-note", K_STR,    K_VITAL | K_SET,       0,   NULL, L(next_note) },
	{ "tags",      K_LIST,   K_VITAL | K_SET | K_FLOW, 14, NULL, L(tags) },
	{ "groups",    K_LIST,   K_VITAL | K_SET | K_FLOW, 15, NULL, L(groups) },
	{ "topics",    K_LIST,   K_VITAL | K_SET | K_FLOW, 16, NULL, L(topics) },
	{ "offers",    K_LIST,   K_VITAL | K_SET | K_FLOW, 17, NULL, L(offers) },
	{ "org",       K_STR,    K_VITAL | K_SET | K_JOB, 3, NULL,  C(org) },
	{ "title",     K_STR,    K_VITAL | K_SET,       4,   NULL,  L(title) },
	{ "work",      K_WORK,   0,                     4,   NULL,  C(orgs) },
	{ "email",     K_EMAIL,  K_VITAL | K_SET,       7,   NULL,  C(email) },
	{ "phone",     K_LIST,   K_SET,                 8,   NULL,  L(phone) },
	{ "links",     K_LINKS,  0,                     9,   NULL,  L(links) },
	{ "address",   K_STR,    K_SET,                 10,  NULL,  L(address) },
	{ "birthday",  K_BDAY,   K_VITAL | K_SET,       11,  NULL,  L(bday) },
	{ "dates",     K_DATES,  K_VITAL,               12,  NULL,  L(dates) },
	{ "met",       K_MET,    K_SET,                 13,  NULL,  L(met) },
	{ "rel",       K_REL,    K_REF | K_PARTS,       13,  NULL,  C(rel) },
	{ "added",     K_DATE,   K_VITAL | K_SET | K_AHEAD, 0, NULL, C(added) },
	{ "last",      K_LAST,   K_DERIVED,             0,   NULL,  NOFIELD },
	{ "due",       K_DUE,    K_DERIVED,             0,   NULL,  NOFIELD },
#ifdef NW_TEST_KEY	/* tests/0130-format-schema.t: keys added here alone */
	{ "test-key",  K_DATE,   K_SET,                 18,  "tested", NOFIELD },
	{ "test-dur",  K_DUR,    K_SET,                 18,  NULL,  NOFIELD },
	{ "test-list", K_LIST,   K_SET | K_FLOW,        18,  NULL,  NOFIELD },
	{ "test-map",  K_MAP,    K_SET,                 18,  NULL,  NOFIELD },
#endif
	{ "notes",     K_TEXT,   K_SET,                 19,  NULL,  L(notes) },
	{ "log",       K_LOG,    K_VITAL,               0,   NULL,  NOFIELD },
};

/* The keys of the table, in nw(5)'s order. */
const struct key *
schema_keys(size_t *n)
{
	*n = sizeof keys / sizeof keys[0];
	return keys;
}

/* The key of nw(5) a file may hold by this name; NULL for a user's own. */
const struct key *
schema_key(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (!(keys[i].flags & K_DERIVED) &&
		    strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

/* Does v, met's via, name a contact of the network? */
int
schema_via(struct net *net, const char *v)
{
	char *path;
	int ok;

	if (!id_valid(v))
		return 0;
	path = net_path(net, v);
	ok = access(path, F_OK) == 0;
	free(path);
	return ok;
}

/*
 * What a type: says, the one place it is read: T_PERSON or T_COMMUNITY,
 * -1 when it is neither.
 */
int
schema_type(const char *s)
{
	if (strcmp(s, "person") == 0)
		return T_PERSON;
	return strcmp(s, "community") == 0 ? T_COMMUNITY : -1;
}

/*
 * Does key hold a string or a list of them, which a merge takes as a set
 * (tags, email)?  A user's own key does not: its type is not known.
 */
int
schema_islist(const char *name)
{
	const struct key *k = schema_key(name);

	return k && (k->type == K_LIST || k->type == K_EMAIL);
}

/*
 * Why nw-set may not change key as mode asks (0 set, 'a' add, 'd'
 * delete), or NULL when it may: the log grows entry by entry, the name
 * is one, only a list is added to.
 */
const char *
schema_set_refused(const char *name, int mode)
{
	const struct key *k = schema_key(name);

	if (k && k->type == K_LOG)
		return "the log grows with nw-log";
	if (k && k->type == K_NAME && mode)
		return "a contact keeps its one name";
	if (k && mode == 'a' && (k->type == K_STR || k->type == K_TEXT ||
	    k->type == K_DATE || k->type == K_DUR || k->type == K_CIRCLE ||
	    k->type == K_BDAY || k->type == K_TYPE))
		return "-a adds to a list: this key holds one value";
	return NULL;
}

/*
 * How nw-show says a part of a met: where and date bare, "via " before
 * who made the introduction; NULL for a part of the user's own.
 */
const char *
schema_met_label(const char *part)
{
	if (strcmp(part, "where") == 0 || strcmp(part, "date") == 0)
		return "";
	return strcmp(part, "via") == 0 ? "via " : NULL;
}

/* One '@' with text on both sides and no blanks: enough to catch typos. */
int
email_plausible(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at != s && at[1] && !strchr(at + 1, '@') &&
	    !strpbrk(s, " \t<>,;");
}

/*
 * What a valid value of k is, for a message: "a duration (like 3w, 2m,
 * 1y)".  An argument may say more than a file: next 2w, next friday.
 */
static const char *
noun(const struct key *k, struct net *net, int arg, char *buf, size_t len)
{
	size_t i, off;

	switch (k->type) {
	case K_DATE:
		return arg && (k->flags & K_AHEAD) ? "a date (YYYY-MM-DD, "
		    "tomorrow, a weekday, 2w)" : "a date (YYYY-MM-DD)";
	case K_DUR:
		return "a duration (like 3w, 2m, 1y) or never";
	case K_TYPE:
		return "person or community";
	case K_BDAY:
	case K_DATES:
		return "a date (YYYY-MM-DD or --MM-DD)";
	case K_EMAIL:
		return "an email address";
	case K_CIRCLE:
		off = snprintf(buf, len, "a circle (");
		for (i = 0; net && i < net->ncircles && off < len; i++)
			off += snprintf(buf + off, len - off, "%s%s",
			    i ? ", " : "", net->circles[i].name);
		if (off < len)
			snprintf(buf + off, len - off, ")");
		return buf;
	case K_NAME:
		return "a name";
	default:
		return "text";
	}
}

/*
 * Is the scalar text s a valid value of k?  NULL when it is, else what a
 * valid one is ("a duration (like 3w, 2m, 1y)"), for a message.  This is
 * the one check of a value: files (the loader, nw-check) and arguments
 * (nw-set, nw-add, imports) go through it alike.
 */
const char *
schema_invalid(const struct key *k, struct net *net, const char *s,
    char *buf, size_t len)
{
	struct dur du;
	struct bday bd;
	int z;

	switch (k->type) {
	case K_NAME:
		return *s == '\0' ? noun(k, net, 0, buf, len) : NULL;
	case K_DATE:
		return date_parse(s, &z) ? NULL : noun(k, net, 0, buf, len);
	case K_DUR:
		return cadence_parse(s, &du) ? NULL : noun(k, net, 0, buf, len);
	case K_BDAY:
	case K_DATES:
		return bday_parse(s, &bd) ? NULL : noun(k, net, 0, buf, len);
	case K_TYPE:
		return schema_type(s) != -1 ? NULL : noun(k, net, 0, buf, len);
	case K_CIRCLE:
		return net_circle(net, s) ? NULL : noun(k, net, 0, buf, len);
	case K_EMAIL:
		return email_plausible(s) ? NULL : noun(k, net, 0, buf, len);
	default:
		return NULL;
	}
}

/* --- files --------------------------------------------------------------- */

static const char *
kindname(struct ynode *n)
{
	return n->type == YMAP ? "a mapping" : n->type == YSEQ ? "a list" :
	    "a string";
}

/* A value that must be a string; 0 (said) when it is not. */
static int
isstr(struct finding *f, struct ynode *n, const char *key)
{
	n = ynode_deref(n);
	if (n->type == YSCALAR)
		return 1;
	f->say(f, n, 1, "'%s' must be a string, not %s", key, kindname(n));
	return 0;
}

/* A scalar checked as k's values are: errors, or a warning for emails. */
static void
scalar(struct finding *f, const struct key *k, const char *what,
    struct ynode *n)
{
	char buf[256];
	const char *why;

	if ((why = schema_invalid(k, f->net, n->str, buf, sizeof buf)) == NULL)
		return;
	if (k->type == K_EMAIL)
		f->say(f, n, 0, "'%s' does not look like an email address",
		    n->str);
	else
		f->say(f, n, 1, "%s '%s' is not %s", what, n->str, why);
}

static void
strings(struct finding *f, const struct key *k, struct ynode *n)
{
	size_t i;

	if (n->type == YMAP) {
		f->say(f, n, 1, "'%s' must be a string or a list of strings",
		    k->name);
		return;
	}
	if (n->type == YSCALAR) {
		scalar(f, k, k->name, n);
		return;
	}
	for (i = 0; i < n->nkid; i++)
		if (isstr(f, n->kid[i], k->name))
			scalar(f, k, k->name, ynode_deref(n->kid[i]));
}

static void
met(struct finding *f, const struct key *k, struct ynode *n)
{
	static const struct key date = { "date", K_DATE, 0, 0, NULL, 0 };
	struct ynode *kn, *v;
	size_t i;

	(void)k;
	if (n->type == YSCALAR)
		return;
	if (n->type != YMAP) {
		f->say(f, n, 1, "'met' must be a string or a mapping");
		return;
	}
	for (i = 0; i + 1 < n->nkid; i += 2) {
		kn = ynode_deref(n->kid[i]), v = ynode_deref(n->kid[i + 1]);
		if (kn->type != YSCALAR)
			continue;
		if (strcmp(kn->str, "date") == 0) {
			if (v->type != YSCALAR)
				f->say(f, v, 1, "met date '' is not a date "
				    "(YYYY-MM-DD)");
			else if (!ynode_isnull(v))
				scalar(f, &date, "met date", v);
		} else if (!isstr(f, v, strcmp(kn->str, "via") ? kn->str :
		    "via") || ynode_isnull(v))
			continue;
		else if (strcmp(kn->str, "via") == 0 && f->net &&
		    !schema_via(f->net, v->str))
			f->say(f, v, 1, "via '%s' names no contact", v->str);
	}
}

/* {anniversary: 2012-06-09, "Max (son)": --05-02}: each a date. */
static void
dates(struct finding *f, const struct key *k, struct ynode *n)
{
	struct ynode *kn, *v;
	char *what;
	size_t i;

	if (n->type != YMAP) {
		f->say(f, n, 1, "'%s' must be a mapping like {anniversary: "
		    "2012-06-09}", k->name);
		return;
	}
	for (i = 0; i + 1 < n->nkid; i += 2) {
		kn = ynode_deref(n->kid[i]);
		v = ynode_deref(n->kid[i + 1]);
		if (kn->type != YSCALAR || ynode_isnull(kn) || !*kn->str) {
			f->say(f, kn, 1, "a date of '%s' needs a name",
			    k->name);
			continue;
		}
		what = xasprintf("date '%s'", kn->str);
		if (v->type != YSCALAR || ynode_isnull(v))
			f->say(f, v, 1, "%s is not %s", what,
			    noun(k, f->net, 0, NULL, 0));
		else
			scalar(f, k, what, v);
		free(what);
	}
}

/* An id that names a contact of the network; said when it does not. */
static void
names_contact(struct finding *f, struct ynode *v, const char *what)
{
	char *path;

	if (f->net == NULL)
		return;
	path = net_path(f->net, v->str);
	if (!id_valid(v->str) || access(path, F_OK) == -1)
		f->say(f, v, 1, "%s '%s' names no contact", what, v->str);
	free(path);
}

/* rel: {spouse: grace-hopper, child: [max, lena]}: roles to ids. */
static void
rel(struct finding *f, const struct key *k, struct ynode *n)
{
	struct ynode *kn, *v, *it;
	char *what;
	size_t i, j;

	if (n->type != YMAP) {
		f->say(f, n, 1, "'%s' must be a mapping like {mentor: "
		    "alan-turing}", k->name);
		return;
	}
	for (i = 0; i + 1 < n->nkid; i += 2) {
		kn = ynode_deref(n->kid[i]);
		v = ynode_deref(n->kid[i + 1]);
		if (kn->type != YSCALAR || ynode_isnull(kn) || !*kn->str) {
			f->say(f, kn, 1, "a relationship of '%s' needs a role",
			    k->name);
			continue;
		}
		what = xasprintf("%s %s", k->name, kn->str);
		if (v->type == YMAP || ynode_isnull(v))
			f->say(f, v, 1, "%s must be an id or a list of ids",
			    what);
		for (j = 0; v->type != YMAP && !ynode_isnull(v) &&
		    j < (v->type == YSEQ ? v->nkid : 1); j++) {
			it = v->type == YSEQ ? ynode_deref(v->kid[j]) : v;
			if (isstr(f, it, what))
				names_contact(f, it, what);
		}
		free(what);
	}
}

/* work: [{org: Bell Labs, title: Engineer, from: 2019-03, to: 2021}]. */
static void
work(struct finding *f, const struct key *k, struct ynode *n)
{
	struct ynode *e, *kn, *v;
	size_t i, j;
	int z;

	if (n->type != YSEQ) {
		f->say(f, n, 1, "'%s' must be a list of jobs like {org: "
		    "Bell Labs, title: Engineer, from: 2019-03, to: "
		    "2021-06}", k->name);
		return;
	}
	for (i = 0; i < n->nkid; i++) {
		e = ynode_deref(n->kid[i]);
		if (e->type != YMAP) {
			f->say(f, e, 1, "a job of '%s' must be a mapping like "
			    "{org: Bell Labs, to: 2021-06}", k->name);
			continue;
		}
		for (j = 0; j + 1 < e->nkid; j += 2) {
			kn = ynode_deref(e->kid[j]);
			v = ynode_deref(e->kid[j + 1]);
			if (kn->type != YSCALAR || ynode_isnull(v) ||
			    !isstr(f, v, kn->str))
				continue;
			if ((strcmp(kn->str, "from") == 0 ||
			    strcmp(kn->str, "to") == 0) &&
			    !schema_month(v->str, &z))
				f->say(f, v, 1, "work %s '%s' is not a date "
				    "(YYYY-MM-DD or YYYY-MM)", kn->str, v->str);
		}
	}
}

/*
 * A kind near one of nw(5)'s but not it is likely a typo (Call, phone
 * call): say which was meant.  A word far from all is one's own kind,
 * allowed as nw(5) says (coffee).
 */
static void
kindcheck(struct finding *f, struct ynode *v)
{
	const struct kind *k;
	const char *near;
	size_t i, n;

	k = schema_kinds(&n);
	for (i = 0; i < n; i++)
		if (v->type != YSCALAR || strcmp(k[i].name, v->str) == 0)
			return;
	if ((near = schema_kind_near(v->str)) != NULL)
		f->say(f, v, 0, "log kind '%s' is not a kind of nw(5): did you "
		    "mean '%s'?", v->str, near);
}

static void
logentries(struct finding *f, struct ynode *n)
{
	static const struct key date = { "date", K_DATE, 0, 0, NULL, 0 };
	struct ynode *e, *kn, *v;
	size_t i, j;
	int z;

	if (n->type != YSEQ) {
		f->say(f, n, 1, "'log' is not a list");
		return;
	}
	for (i = 0; i < n->nkid; i++) {
		e = ynode_deref(n->kid[i]);
		if (e->type != YMAP) {
			f->say(f, e, 1, "a log entry must be a mapping with a "
			    "date");
			continue;
		}
		if (ymap_get(e, "date") == NULL)
			f->say(f, e, 1, "log entry without a date");
		for (j = 0; j + 1 < e->nkid; j += 2) {
			kn = ynode_deref(e->kid[j]);
			v = ynode_deref(e->kid[j + 1]);
			if (kn->type != YSCALAR)
				continue;
			if (strcmp(kn->str, "date") == 0) {
				if (v->type != YSCALAR)
					f->say(f, v, 1, "log date '' is not a "
					    "date (YYYY-MM-DD)");
				else
					scalar(f, &date, "log date", v);
				if (v->type == YSCALAR && date_parse(v->str,
				    &z) && z > date_today())
					f->say(f, v, 0, "log date '%s' is after "
					    "today: a log records what happened",
					    v->str);
			} else if (strcmp(kn->str, "kind") == 0) {
				if (isstr(f, v, "kind"))
					kindcheck(f, v);
			} else if (strcmp(kn->str, "note") == 0 ||
			    strcmp(kn->str, "mid") == 0 ||
			    strcmp(kn->str, "uid") == 0)
				isstr(f, v, kn->str);
			else if (strcmp(kn->str, "dir") == 0 && isstr(f, v,
			    "dir") && v->type == YSCALAR &&
			    strcmp(v->str, "in") != 0 &&
			    strcmp(v->str, "out") != 0)
				f->say(f, v, 1, "log dir '%s' is not in or out",
				    v->str);
		}
	}
}

/*
 * Check the value of key k in a file, saying each finding through f:
 * errors for what breaks nw(5), warnings for what is likely a mistake.
 * What is wrong across contacts (the same email twice) is nw-check's.
 */
void
schema_check(struct finding *f, const struct key *k, struct ynode *v)
{
	struct dur du;
	char fl[16];
	size_t i;

	v = ynode_deref(v);
	if (k->type == K_NAME) {
		if (v->type != YSCALAR || v->len == 0 || ynode_isnull(v) ||
		    strlen(v->str) != v->len)
			f->say(f, v, 1, "'name' must be a non-empty string");
		return;
	}
	if (ynode_isnull(v))
		return;
	switch (k->type) {
	case K_LIST:
	case K_EMAIL:
		strings(f, k, v);
		break;
	case K_STR:
	case K_TEXT:
		isstr(f, v, k->name);
		break;
	case K_TYPE:
		if (isstr(f, v, k->name))
			scalar(f, k, k->name, v);
		break;
	case K_DATES:
		dates(f, k, v);
		break;
	case K_DATE:
	case K_DUR:
	case K_BDAY:
		if (v->type != YSCALAR)
			f->say(f, v, 1, "%s '' is not %s", k->name,
			    noun(k, f->net, 0, NULL, 0));
		else
			scalar(f, k, k->name, v);
		if (k->type == K_DUR && v->type == YSCALAR && f->net &&
		    dur_parse(v->str, &du) &&
		    dur_days(du) > dur_days(f->net->floor))
			f->say(f, v, 0, "%s '%s' is longer than the floor "
			    "of .nw.yaml (%s)", k->name, v->str,
			    dur_str(f->net->floor, fl));
		if (k->type == K_DUR && v->type == YSCALAR &&
		    dur_parse(v->str, &du) && dur_days(du) > 100 * 365)
			f->say(f, v, 0, "%s '%s' is over 100 years: due dates "
			    "stop at 9999-12-31", k->name, v->str);
		break;
	case K_CIRCLE:
		if (isstr(f, v, k->name) && f->net)
			scalar(f, k, k->name, v);
		break;
	case K_LINKS:
		if (v->type != YMAP)
			f->say(f, v, 1, "'links' must be a mapping like "
			    "{github: name}");
		for (i = 0; v->type == YMAP && i + 1 < v->nkid; i += 2)
			isstr(f, v->kid[i + 1], "links");
		break;
	case K_MAP:
		if (v->type != YMAP)
			f->say(f, v, 1, "'%s' must be a mapping of strings",
			    k->name);
		for (i = 0; v->type == YMAP && i + 1 < v->nkid; i += 2)
			isstr(f, v->kid[i + 1], k->name);
		break;
	case K_MET:
		met(f, k, v);
		break;
	case K_REL:
		rel(f, k, v);
		break;
	case K_WORK:
		work(f, k, v);
		break;
	case K_LOG:
		logentries(f, v);
		break;
	default:
		break;
	}
}

/* --- arguments ----------------------------------------------------------- */

/*
 * "dates.anniversary": a part of a mapping key of nw(5), its key in *base
 * (to free) and the part returned; NULL when key names no such part (a
 * whole key, or a user's own with a dot).
 */
const char *
schema_subkey(const char *key, char **base)
{
	const struct key *k;
	const char *dot = strchr(key, '.');

	if (dot == NULL || dot[1] == '\0')
		return NULL;
	*base = xstrndup(key, dot - key);
	k = schema_key(*base);
	if (k && (k->type == K_LINKS || k->type == K_MAP ||
	    k->type == K_DATES || k->type == K_MET))
		return dot + 1;
	free(*base);
	*base = NULL;
	return NULL;
}

/* The part a mapping key's text stands for (a met that is text: where). */
const char *
schema_text_part(const char *key)
{
	const struct key *k = schema_key(key);

	return k && k->type == K_MET ? "where" : NULL;
}

/*
 * The YAML text of v as the value of part of the mapping key k: a date
 * of dates or met's date checked as one, met's via the id of a contact,
 * any other part a string.  NULL with the reason in why when it is none.
 */
static char *
part_yaml(const struct key *k, const char *part, struct net *net,
    const char *v, char *why, size_t len)
{
	static const struct key date = { "date", K_DATE, 0, 0, NULL, 0 };
	char buf[256];
	const char *bad = NULL;

	if (k->type == K_DATES)
		bad = schema_invalid(k, net, v, buf, sizeof buf);
	else if (k->type == K_MET && strcmp(part, "date") == 0)
		bad = schema_invalid(&date, net, v, buf, sizeof buf);
	else if (k->type == K_MET && strcmp(part, "via") == 0) {
		if (net == NULL || !schema_via(net, v)) {
			snprintf(why, len, "via '%s' names no contact", v);
			return NULL;
		}
	} else if (k->type == K_MET && strcmp(part, "where") != 0) {
		snprintf(why, len, "'met.%s': met has a date, where and via",
		    part);
		return NULL;
	}
	if (bad) {
		snprintf(why, len, "'%s': not %s", v, bad);
		return NULL;
	}
	if (k->type == K_DATES || (k->type == K_MET &&
	    strcmp(part, "date") == 0))
		return yaml_quote(v, Q_FLOW);	/* dates plain, as in a file */
	return yaml_quote(v, Q_FLOW | Q_STR);
}

/*
 * The YAML text for v given as the value of key (nw-set, nw-add, an
 * import; key may be a user's own): checked as a file's value is, a date
 * given ahead made a date (next 2w), quoted so that it reads back as the
 * same string.  Y_LIST: as an item of a flow list; Y_LENIENT: what a file
 * is only warned about passes (an import takes an address book's odd
 * email as it is).  NULL, with the reason in why ("'3x': not a duration
 * (like 3w, 2m, 1y)"), when v is none.
 */
char *
schema_yaml(const char *key, struct net *net, const char *v, int flags,
    char *why, size_t len)
{
	int inlist = flags & Y_LIST;
	const struct key *k = schema_key(key);
	char buf[256], ds[11], *base, *y;
	const char *bad = NULL, *part;
	int z;

	if (!utf8_valid(v, strlen(v), NULL) || strchr(v, '\r')) {
		snprintf(why, len, "'%s': not a value (a carriage return or "
		    "bad UTF-8)", v);
		return NULL;
	}
	if (k == NULL && (part = schema_subkey(key, &base)) != NULL) {
		y = part_yaml(schema_key(base), part, net, v, why, len);
		free(base);
		return y;
	}
	if (k == NULL && strchr(key, '.')) {
		snprintf(why, len, "'%s': not a key, nor a part of a mapping "
		    "of nw(5)", key);
		return NULL;
	}
	if (k == NULL)
		return yaml_quote(v, Q_STR | (inlist ? Q_FLOW : 0));
	if (!(k->flags & K_SET)) {
		snprintf(why, len, "'%s' is not set from a text: nw-edit "
		    "changes it", key);
		return NULL;
	}
	if (k->type == K_DATE && (k->flags & K_AHEAD)) {
		if (!date_parse_ahead(v, date_today(), &z))
			bad = noun(k, net, 1, buf, sizeof buf);
		else
			return xstrdup(date_str(z, ds));
	} else if (!(k->type == K_EMAIL && (flags & Y_LENIENT)))
		bad = schema_invalid(k, net, v, buf, sizeof buf);
	if (bad) {
		snprintf(why, len, "'%s': not %s", v, bad);
		return NULL;
	}
	if (k->type == K_DUR || k->type == K_BDAY || k->type == K_DATE)
		return yaml_quote(v, inlist ? Q_FLOW : 0);
	return yaml_quote(v, Q_STR | (inlist ? Q_FLOW : 0));
}

/* Is v a value of key, as an argument?  When not, said on stderr. */
int
schema_arg(const char *key, struct net *net, const char *v)
{
	char why[512], *y;

	if ((y = schema_yaml(key, net, v, 0, why, sizeof why)) == NULL) {
		warnx_safe("%s", why);
		return 0;
	}
	free(y);
	return 1;
}

/* --- CSV ----------------------------------------------------------------- */

/*
 * The columns of a contact in CSV, in order: a key's own, but met's three
 * parts, and the derived id, last and due.  part is the draft key a
 * column fills ("met-date" fills "met.date"), NULL for a derived one.
 */
const struct column *
schema_columns(size_t *n)
{
	static const struct column met[] = { { "met", "met.where", NULL },
	    { "met-date", "met.date", NULL }, { "via", "met.via", NULL } };
	static struct column *cols;
	static size_t ncols;
	size_t i, j;

	if (cols == NULL) {
		cols = xcalloc(3 * (sizeof keys / sizeof keys[0]),
		    sizeof *cols);
		for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
			if (keys[i].type == K_LOG || keys[i].type == K_REL ||
			    keys[i].type == K_WORK)
				continue;	/* no text of one cell */
			if (keys[i].type != K_MET) {
				cols[ncols].name = keys[i].name;
				cols[ncols].part = keys[i].flags & K_DERIVED ?
				    NULL : keys[i].name;
				cols[ncols++].k = &keys[i];
				continue;
			}
			for (j = 0; j < 3; j++) {
				cols[ncols] = met[j];
				cols[ncols++].k = &keys[i];
			}
		}
	}
	*n = ncols;
	return cols;
}

/* The column of this name, whatever its case; NULL for none of ours. */
const struct column *
schema_column(const char *name)
{
	const struct column *c;
	size_t i, n;

	c = schema_columns(&n);
	for (i = 0; i < n; i++)
		if (strcaseeq(c[i].name, name))
			return &c[i];
	return NULL;
}

/* --- vCard -------------------------------------------------------------- */

/*
 * The keys a vCard has a property for (RFC 6350: name FN, name-parts N,
 * aka NICKNAME, links URL and X-SOCIALPROFILE, address ADR, birthday
 * BDAY, tags CATEGORIES, notes NOTE).  Every other key of a file but the
 * log travels as X-NW- and its name in capitals (X-NW-CIRCLE), so that a
 * card read back keeps it.
 */
static const char *const carded[] = { "name", "name-parts", "aka", "org",
    "title", "email", "phone", "links", "address", "birthday", "tags",
    "notes" };

/* Does k travel in a vCard as an X-NW- property? */
int
schema_xnw(const struct key *k)
{
	size_t i;

	if (k->type == K_LOG || (k->flags & K_DERIVED))
		return 0;
	for (i = 0; i < sizeof carded / sizeof carded[0]; i++)
		if (strcmp(carded[i], k->name) == 0)
			return 0;
	return 1;
}

/* --- relationships --------------------------------------------------- */

/*
 * The roles of rel: nw(5) names, each with the role the other side has
 * (ada's mentor alan has ada as his mentee), and RELATED's TYPE in a
 * vCard (RFC 6350) where the standard has the role.  Any other role is
 * the user's and has no inverse: the other side shows it as "role of".
 */
static const struct role roles[] = {
	/* role          inverse          vCard */
	{ "spouse",      "spouse",        "spouse" },
	{ "partner",     "partner",       NULL },
	{ "parent",      "child",         "parent" },
	{ "child",       "parent",        "child" },
	{ "sibling",     "sibling",       "sibling" },
	{ "mentor",      "mentee",        NULL },
	{ "mentee",      "mentor",        NULL },
	{ "manager",     "report",        NULL },
	{ "report",      "manager",       NULL },
	{ "colleague",   "colleague",     "colleague" },
	{ "friend",      "friend",        "friend" },
	{ "introduced",  "introduced-by", NULL },
	{ "introduced-by", "introduced",  NULL },
};

const struct role *
schema_roles(size_t *n)
{
	*n = sizeof roles / sizeof roles[0];
	return roles;
}

/* The role of nw(5) by this name; NULL for a user's own. */
const struct role *
schema_role(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(roles[i].name, name) == 0)
			return &roles[i];
	return NULL;
}

/* The other side of a role of nw(5) (mentor: mentee); NULL for a user's. */
const char *
schema_inverse(const char *role)
{
	const struct role *r = schema_role(role);

	return r ? r->inverse : NULL;
}

/*
 * A key argument "key.part" (rel.mentor): the name of the key of nw(5)
 * whose parts are set one by one (K_PARTS), *part allocated, *isref 1
 * when its values are references stored as ids (K_REF); NULL when arg is
 * no such key and part.  The one parse of that form, for every command.
 */
const char *
schema_part(const char *arg, char **part, int *isref)
{
	const char *dot = strchr(arg, '.');
	const struct key *k;
	char *name;

	*part = NULL;
	if (dot == NULL || dot == arg || dot[1] == '\0')
		return NULL;
	name = xstrndup(arg, dot - arg);
	k = schema_key(name);
	free(name);
	if (k == NULL || !(k->flags & K_PARTS))
		return NULL;
	*part = xstrdup(dot + 1);
	*isref = (k->flags & K_REF) != 0;
	return k->name;
}

/* Is a new value of key a new job, the old one going to work: (K_JOB)? */
int
schema_new_job(const char *key)
{
	const struct key *k = schema_key(key);

	return k != NULL && (k->flags & K_JOB);
}

/*
 * A date of work's jobs: YYYY-MM-DD, or a month (YYYY-MM), *day its
 * first day.  0 when s is neither.
 */
int
schema_month(const char *s, int *day)
{
	char full[11];

	if (date_parse(s, day))
		return 1;
	if (strlen(s) != 7 || s[4] != '-')
		return 0;
	snprintf(full, sizeof full, "%s-01", s);
	return date_parse(full, day);
}
