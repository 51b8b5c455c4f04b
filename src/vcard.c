/* vcard.c - vCards read into records (vcardout.c writes them) */

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * Reading follows RFC 6350 (4.0), RFC 2426 (3.0) and the vCard 2.1
 * specification, and forgives what address books really write: a card is
 * the lines from BEGIN:VCARD to END:VCARD; lines are unfolded (a line
 * starting with a blank continues the one before; in 2.1 a line of
 * QUOTED-PRINTABLE ending in '=' continues too); each property is
 * [group.]NAME;params:value.  Properties nw has no key for are left out.
 */

struct pline {				/* a physical line */
	const char	*s;
	size_t		 len;
	int		 line;
};

struct prop {
	char		*name;
	struct strv	 type;		/* TYPE values, and 2.1's bare ones */
	char		*enc, *charset, *value_type, *service;
	char		*role;		/* X-NW-ROLE of RELATED */
	int		 omit;		/* X-APPLE-OMIT-YEAR */
	char		*value;
};

static void
prop_free(struct prop *p)
{
	strv_free(&p->type);
	free(p->name);
	free(p->enc);
	free(p->charset);
	free(p->value_type);
	free(p->service);
	free(p->role);
	free(p->value);
	memset(p, 0, sizeof *p);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static char *
qp_decode(const char *s)
{
	struct buf b = { 0 };
	char c;

	buf_puts(&b, "");
	for (; *s; s++) {
		if (*s == '=' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
			c = hexval(s[1]) << 4 | hexval(s[2]);
			buf_add(&b, &c, 1);
			s += 2;
		} else if (*s != '=' || s[1] != '\0')
			buf_add(&b, s, 1);
	}
	return b.s;
}

static char *
latin1(const char *s)
{
	struct buf b = { 0 };
	const unsigned char *u;

	buf_puts(&b, "");
	for (u = (const unsigned char *)s; *u; u++)
		if (*u < 0x80)
			buf_add(&b, (const char *)u, 1);
		else
			buf_printf(&b, "%c%c", 0xc0 | *u >> 6, 0x80 | (*u & 0x3f));
	return b.s;
}

/* The name in s[0..len) after its group, if any: "item1.EMAIL". */
static const char *
ungrouped(const char *s, size_t len)
{
	const char *p = s + len;

	while (p > s && p[-1] != '.')
		p--;
	return p;
}

/* s from charset cs to UTF-8; NULL when iconv knows no such charset. */
static char *
to_utf8(const char *s, const char *cs)
{
	struct buf b = { 0 };
	char out[256], *in = (char *)s, *o;
	size_t inl = strlen(s), ol;
	iconv_t cd;

	if ((cd = iconv_open("UTF-8", cs)) == (iconv_t)-1)
		return NULL;
	buf_puts(&b, "");
	while (inl > 0) {
		o = out, ol = sizeof out;
		if (iconv(cd, &in, &inl, &o, &ol) == (size_t)-1 &&
		    errno != E2BIG) {
			in++, inl--;	/* a byte not in cs: dropped */
			buf_puts(&b, "?");
		}
		buf_add(&b, out, o - out);
	}
	iconv_close(cd);
	return b.s;
}

/* One parameter value: unquoted, and stored where its name says. */
static void
param(struct prop *p, const char *name, const char *v, size_t n)
{
	char *s = xstrndup(v, n), *q;

	if (name == NULL) {		/* 2.1: a bare value */
		if (strcasecmp(s, "QUOTED-PRINTABLE") == 0 ||
		    strcasecmp(s, "BASE64") == 0 || strcasecmp(s, "8BIT") ==
		    0 || strcasecmp(s, "7BIT") == 0)
			name = "ENCODING";
		else
			name = "TYPE";
	}
	if (strcasecmp(name, "TYPE") == 0) {
		for (q = s; *q; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q += 'a' - 'A';
		strv_add(&p->type, s);
	} else if (strcasecmp(name, "ENCODING") == 0 && !p->enc)
		p->enc = xstrdup(s);
	else if (strcasecmp(name, "CHARSET") == 0 && !p->charset)
		p->charset = xstrdup(s);
	else if (strcasecmp(name, "VALUE") == 0 && !p->value_type)
		p->value_type = xstrdup(s);
	else if (strcasecmp(name, "X-SERVICE-TYPE") == 0 && !p->service)
		p->service = xstrdup(s);
	else if (strcasecmp(name, "X-NW-ROLE") == 0 && !p->role)
		p->role = xstrdup(s);
	else if (strcasecmp(name, "X-APPLE-OMIT-YEAR") == 0)
		p->omit = atoi(s);
	free(s);
}

/*
 * [group.]NAME;P=v,"v";BARE:value into p.  The value is left raw: no
 * decoding, no unescaping.  An error message, or NULL.
 */
static const char *
prop_parse(const char *s, struct prop *p)
{
	const char *n, *pn, *v;
	char *name;
	size_t len;

	len = strcspn(s, ";:");
	if (s[len] == '\0')
		return "not a vCard line (no ':')";
	n = ungrouped(s, len);
	p->name = xstrndup(n, len - (n - s));
	if (*p->name == '\0')
		return "a property without a name";
	s += len;
	while (*s == ';') {
		pn = ++s;
		s += strcspn(s, "=;:");
		if (*s != '=') {
			param(p, NULL, pn, s - pn);
			continue;
		}
		name = xstrndup(pn, s - pn);
		do {
			s++;
			if (*s == '"') {
				v = ++s;
				s += strcspn(s, "\"");
				param(p, name, v, s - v);
				if (*s == '"')
					s++;
			} else {
				v = s;
				s += strcspn(s, ",;:");
				param(p, name, v, s - v);
			}
		} while (*s == ',');
		free(name);
	}
	if (*s != ':')
		return "not a vCard line (no ':' after the parameters)";
	p->value = xstrdup(s + 1);
	return NULL;
}

/* The value decoded to UTF-8; an error message, or NULL. */
static const char *
prop_decode(struct prop *p, int v21)
{
	char *s;

	if (p->enc && (strcasecmp(p->enc, "QUOTED-PRINTABLE") == 0 ||
	    strcasecmp(p->enc, "Q") == 0)) {
		s = qp_decode(p->value);
		free(p->value);
		p->value = s;
	}
	if (p->charset && strcasecmp(p->charset, "UTF-8") != 0 &&
	    strcasecmp(p->charset, "UTF8") != 0) {
		if ((s = to_utf8(p->value, p->charset)) == NULL)
			return "an unknown CHARSET";
		free(p->value);
		p->value = s;
	}
	if (utf8_valid(p->value, strlen(p->value), NULL))
		return NULL;
	if (!v21)
		return "not UTF-8 text";
	s = latin1(p->value);	/* 2.1 without a CHARSET: ISO 8859-1 */
	free(p->value);
	p->value = s;
	return NULL;
}

/* One part with its backslash escapes undone: \n is a line break. */
static char *
unescape(const char *s, size_t n)
{
	struct buf b = { 0 };
	size_t i;

	buf_puts(&b, "");
	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			buf_add(&b, s[i] == 'n' || s[i] == 'N' ? "\n" : s + i,
			    1);
		} else
			buf_add(&b, s + i, 1);
	}
	return b.s;
}

/* Split on sep where it is not escaped; unescape the parts when asked. */
static void
split(const char *s, int sep, int unesc, struct strv *out)
{
	size_t i, start = 0, n = strlen(s);
	char *part;

	for (i = 0; i <= n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			continue;
		}
		if (i < n && s[i] != sep)
			continue;
		part = unesc ? unescape(s + start, i - start) :
		    xstrndup(s + start, i - start);
		strv_add(out, part);
		free(part);
		start = i + 1;
	}
}

/* A structured value (N, ADR, ORG): its components' lists joined. */
static void
components(const char *s, const char *glue, struct strv *out)
{
	struct strv raw = { 0 }, l = { 0 };
	struct buf b = { 0 };
	size_t i, j;

	split(s, ';', 0, &raw);
	for (i = 0; i < raw.n; i++) {
		split(raw.v[i], ',', 1, &l);
		buf_puts(&b, "");
		for (j = 0; j < l.n; j++)
			if (*l.v[j])
				buf_printf(&b, "%s%s", b.len ? glue : "",
				    l.v[j]);
		strv_add(out, b.s);
		free(b.s);
		b = (struct buf){ 0 };
		strv_free(&l);
	}
	strv_free(&raw);
}

static char *
joined(struct strv *l, const char *glue)
{
	struct buf b = { 0 };
	size_t i;

	buf_puts(&b, "");
	for (i = 0; i < l->n; i++)
		if (*l->v[i])
			buf_printf(&b, "%s%s", b.len ? glue : "", l->v[i]);
	return b.s;
}

/* A link's key from TYPE, unless TYPE says only where (home, work). */
static const char *
linkkey(struct prop *p)
{
	static const char *plain[] = { "home", "work", "pref", "internet",
	    "other", "x-other", "profile", "homepage", "blog", NULL };
	size_t i, j;

	for (i = 0; i < p->type.n; i++) {
		for (j = 0; plain[j]; j++)
			if (strcmp(p->type.v[i], plain[j]) == 0)
				break;
		if (plain[j] == NULL)
			return p->type.v[i];
	}
	return NULL;
}

struct card {
	struct rec	*r;
	int		 v21, nn, nadr, norg, nbday;
	struct strv	 fn, nick, title, role;
	char		*nname;		/* the name N makes */
	char		*nparts[5];	/* N's: prefix, given, middle... */
};

static int
prefix(const char *s, const char *p)
{
	return strncasecmp(s, p, strlen(p)) == 0;
}

/*
 * X-NW-KEY, a key of nw(5) a vCard has no property for (schema_xnw), as
 * xnw_write wrote it: a list's items separated by commas, a mapping's
 * pair as the two components name;value (a mapping that is text one
 * component), anything else a text.
 */
static void
xnw_read(struct rec *r, const char *name, const char *value)
{
	const struct key *k;
	struct strv l = { 0 };
	char *key = utf8_fold(name), *s, *part;
	const char *tp;
	size_t i;

	if (strcmp(key, "id") == 0) {	/* the id it asks for */
		s = unescape(value, strlen(value));
		rec_set(r, key, s);
		free(s);
		goto done;
	}
	if ((k = schema_key(key)) == NULL || !schema_xnw(k))
		goto done;
	switch (k->type) {
	case K_LIST:
	case K_EMAIL:
		split(value, ',', 1, &l);
		for (i = 0; i < l.n; i++)
			rec_set(r, key, l.v[i]);
		break;
	case K_LINKS:
	case K_MAP:
	case K_DATES:
	case K_MET:
		split(value, ';', 1, &l);
		tp = schema_text_part(key);
		if (l.n == 1 && tp) {
			part = xasprintf("%s.%s", key, tp);
			rec_set(r, part, l.v[0]);
			free(part);
		} else if (l.n == 2 && *l.v[0]) {
			part = xasprintf("%s.%s", key, l.v[0]);
			rec_set(r, part, l.v[1]);
			free(part);
		}
		break;
	default:
		s = unescape(value, strlen(value));
		rec_own(r, key, s);
		free(s);
	}
done:
	strv_free(&l);
	free(key);
}

/*
 * RELATED (RFC 6350): the role is nw's own (X-NW-ROLE, as nw-export
 * writes it), else the role of rel: whose vCard TYPE it has (the one
 * table of schema.c, read backwards), else the first TYPE of the
 * standard's list as a role of the user's, else "related".  The value
 * (urn:uuid: of a card, a name, an email) is kept for nw-import, which
 * alone knows the contacts it may name.
 */
static void
related(struct rec *r, struct prop *p)
{
	static const char *rfc[] = { "contact", "acquaintance", "friend",
	    "met", "co-worker", "colleague", "co-resident", "neighbor",
	    "child", "parent", "sibling", "spouse", "kin", "muse", "crush",
	    "date", "sweetheart", "me", "agent", "emergency", NULL };
	const struct role *ro;
	const char *role = NULL;
	char *v, *c;
	size_t i, j, n0;

	ro = schema_roles(&n0);
	if (p->role && *p->role == '\0')
		role = "related";

	for (i = 0; p->role == NULL && role == NULL && i < p->type.n; i++)
		for (j = 0; j < n0; j++)
			if (ro[j].vcard && strcmp(ro[j].vcard, p->type.v[i]) ==
			    0)
				role = ro[j].name;
	for (i = 0; p->role == NULL && role == NULL && i < p->type.n; i++)
		for (j = 0; rfc[j]; j++)
			if (strcmp(rfc[j], p->type.v[i]) == 0)
				role = rfc[j];
	v = unescape(p->value, strlen(p->value));
	c = rec_clean(v, 0);
	if (*c) {
		strv_add(&r->rel, p->role ? p->role : role ? role : "related");
		strv_add(&r->rel, c);
	}
	free(c);
	free(v);
}

/* What one property gives the record. */
static void
apply(struct card *k, struct prop *p)
{
	static const int order[] = { 3, 1, 2, 0, 4 };
	struct rec *r = k->r;
	struct strv l = { 0 };
	const char *parts[5], *v;
	struct buf b = { 0 };
	const char *name = p->name;
	char *s;
	size_t i;

	if (p->enc && (strcasecmp(p->enc, "b") == 0 ||
	    strcasecmp(p->enc, "BASE64") == 0))
		return;			/* a photo, a sound, a key */
	if (strcasecmp(name, "FN") == 0) {
		s = unescape(p->value, strlen(p->value));
		strv_add(&k->fn, s);
		free(s);
	} else if (strcasecmp(name, "N") == 0 && k->nn++ == 0) {
		components(p->value, " ", &l);
		for (i = 0; i < 5; i++) {
			parts[i] = order[i] < (int)l.n ? l.v[order[i]] : NULL;
			k->nparts[i] = parts[i] ? xstrdup(parts[i]) : NULL;
		}
		rec_name(r, parts, 5, &b);
		k->nname = b.s;
	} else if (strcasecmp(name, "NICKNAME") == 0) {
		split(p->value, ',', 1, &k->nick);
	} else if (strcasecmp(name, "ORG") == 0 && k->norg++ == 0) {
		components(p->value, " ", &l);
		s = joined(&l, ", ");
		rec_set(r, "org", s);
		free(s);
	} else if (strcasecmp(name, "TITLE") == 0 ||
	    strcasecmp(name, "ROLE") == 0) {
		s = unescape(p->value, strlen(p->value));
		strv_add(strcasecmp(name, "TITLE") == 0 ? &k->title :
		    &k->role, s);
		free(s);
	} else if (strcasecmp(name, "EMAIL") == 0) {
		s = unescape(p->value, strlen(p->value));
		rec_set(r, "email", s + (prefix(s, "mailto:") ? 7 : 0));
		free(s);
	} else if (strcasecmp(name, "TEL") == 0) {
		s = unescape(p->value, strlen(p->value));
		rec_set(r, "phone", s + (prefix(s, "tel:") ? 4 : 0));
		free(s);
	} else if (strcasecmp(name, "ADR") == 0) {
		components(p->value, ", ", &l);
		s = joined(&l, ", ");
		if (k->nadr++ == 0)
			rec_set(r, "address", s);
		else
			rec_note(r, "Address", s);
		free(s);
	} else if (strcasecmp(name, "URL") == 0 ||
	    strcasecmp(name, "X-SOCIALPROFILE") == 0) {
		s = unescape(p->value, strlen(p->value));
		rec_link(r, linkkey(p), s);
		free(s);
	} else if (strcasecmp(name, "IMPP") == 0) {
		s = unescape(p->value, strlen(p->value));
		v = strchr(s, ':');
		if (p->service == NULL && v)
			p->service = xstrndup(s, v - s);
		rec_link(r, p->service, v && !strstr(s, "://") ? v + 1 : s);
		free(s);
	} else if (strcasecmp(name, "BDAY") == 0 && k->nbday++ == 0) {
		s = unescape(p->value, strlen(p->value));
		if (p->value_type && strcasecmp(p->value_type, "text") == 0)
			rec_note(r, "Birthday", s);
		else
			rec_bday(r, s, p->omit);
		free(s);
	} else if (strcasecmp(name, "ANNIVERSARY") == 0 ||
	    strcasecmp(name, "X-ANNIVERSARY") == 0) {
		s = unescape(p->value, strlen(p->value));
		if (p->value_type && strcasecmp(p->value_type, "text") == 0)
			rec_note(r, "Anniversary", s);
		else
			rec_date(r, "dates.anniversary", "Anniversary", s, 0);
		free(s);
	} else if (strcasecmp(name, "KIND") == 0 &&
	    strcasecmp(p->value, "group") == 0) {
		rec_set(r, "type", "community");
	} else if (strcasecmp(name, "NOTE") == 0) {
		s = unescape(p->value, strlen(p->value));
		rec_note(r, NULL, s);
		free(s);
	} else if (strcasecmp(name, "CATEGORIES") == 0) {
		split(p->value, ',', 1, &l);
		for (i = 0; i < l.n; i++)
			rec_set(r, "tags", l.v[i]);
	} else if (strcasecmp(name, "UID") == 0 && r->uid == NULL) {
		s = unescape(p->value, strlen(p->value));
		r->uid = rec_clean(s, 0);
		free(s);
	} else if (strcasecmp(name, "RELATED") == 0) {
		related(r, p);
	} else if (strcasecmp(name, "PRODID") == 0 &&
	    prefix(p->value, "-//nw//"))
		r->own = 1;		/* no X-NW-ADDED: it had none */
	else if (prefix(name, "X-NW-"))
		xnw_read(r, name + 5, p->value);
	strv_free(&l);
}

static int
bystr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A name's words folded, commas off, in order: the same for 山田 太郎. */
static char *
wordset(const char *s)
{
	struct strv w = { 0 };
	char *f = utf8_fold(s), *p, *j;

	for (p = f; *p; p++)
		if (*p == ',')
			*p = ' ';
	split(f, ' ', 0, &w);
	qsort(w.v, w.n, sizeof *w.v, bystr);
	j = joined(&w, " ");
	strv_free(&w);
	free(f);
	return j;
}

/*
 * Same words, whatever their case, order, commas and the blanks between
 * them?  N's name is then FN's in another order (family first, a comma
 * before the suffix): no other name to keep as aka.
 */
static int
samename(const char *a, const char *b)
{
	char *x = wordset(a), *y = wordset(b);
	int same;

	same = strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/*
 * The name is FN, else the one N makes, else a nickname, the organisation
 * or an address.  Other FNs, the N name when it differs, and the
 * nicknames become aka.
 */
static void
card_done(struct card *k)
{
	struct rec *r = k->r;
	size_t i;

	for (i = 0; i < k->fn.n; i++)
		rec_set(r, "name", k->fn.v[i]);
	rec_set(r, "name", k->nname);
	rec_set(r, "name", k->nick.n ? k->nick.v[0] : NULL);
	rec_set(r, "name", draft_get(&r->d, "org"));
	rec_set(r, "name", draft_value(&r->d, "email", 0));
	for (i = 0; i < k->fn.n; i++)
		rec_set(r, "aka", k->fn.v[i]);
	if (k->nname && draft_get(&r->d, "name") &&
	    !samename(k->nname, draft_get(&r->d, "name")))
		rec_set(r, "aka", k->nname);
	rec_parts(r, (const char *const *)k->nparts);
	for (i = 0; i < k->nick.n; i++)
		rec_set(r, "aka", k->nick.v[i]);
	rec_set(r, "title", k->title.n ? k->title.v[0] : NULL);
	rec_set(r, "title", k->role.n ? k->role.v[0] : NULL);
	rec_done(r);
	strv_free(&k->fn);
	strv_free(&k->nick);
	strv_free(&k->title);
	strv_free(&k->role);
	free(k->nname);
	for (i = 0; i < 5; i++)
		free(k->nparts[i]);
}

static int
is_qp(const char *s)
{
	size_t n = strcspn(s, ":"), i;

	for (i = 0; i + 16 <= n; i++)
		if (strncasecmp(s + i, "QUOTED-PRINTABLE", 16) == 0)
			return 1;
	return 0;
}

/* The card in pl[0..n), BEGIN and END left out: a record. */
static void
card_read(struct pline *pl, size_t n, int start, struct recs *rs)
{
	struct card k = { 0 };
	struct prop p;
	struct buf lg = { 0 };
	const char *err = NULL;
	size_t i, j;
	int line, qp;

	k.r = rec_new(rs, start);
	for (i = 0; i < n; i++)
		if (pl[i].len >= 11 && strncasecmp(pl[i].s, "VERSION:", 8) ==
		    0)
			k.v21 = strncmp(pl[i].s + 8, "2.1", 3) == 0;
	for (i = 0; i < n && err == NULL; ) {
		line = pl[i].line;
		lg.len = 0;
		buf_add(&lg, pl[i].s, pl[i].len);
		qp = is_qp(lg.s);
		for (i++; i < n; i++) {
			if (qp && lg.len && lg.s[lg.len - 1] == '=') {
				lg.s[--lg.len] = '\0';
				buf_add(&lg, pl[i].s, pl[i].len);
			} else if (pl[i].len && (pl[i].s[0] == ' ' ||
			    pl[i].s[0] == '\t'))
				buf_add(&lg, pl[i].s + !k.v21,
				    pl[i].len - !k.v21);
			else
				break;
		}
		for (j = 0; j < lg.len && strchr(" \t", lg.s[j]); j++)
			;
		if (j == lg.len)
			continue;
		memset(&p, 0, sizeof p);
		if ((err = prop_parse(lg.s, &p)) == NULL &&
		    (err = prop_decode(&p, k.v21)) == NULL)
			apply(&k, &p);
		else if (k.v21 && p.value == NULL)
			err = NULL;	/* 2.1: base64 lines not indented */
		prop_free(&p);
		if (err)
			rec_fail(k.r, line, err);
	}
	free(lg.s);
	card_done(&k);
}

/* "AGENT:" with nothing after it: a 2.1 card follows inside this one. */
static int
is_agent(const char *s, size_t n)
{
	size_t k = strcspn(s, ";:");
	const char *name;

	if (k > n)
		k = n;
	name = ungrouped(s, k);
	return n > 0 && s[n - 1] == ':' && s + k - name == 5 &&
	    strncasecmp(name, "AGENT", 5) == 0;
}

static int
isline(const char *s, size_t n, const char *want)
{
	size_t w = strlen(want);

	while (n > w && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == w && strncasecmp(s, want, w) == 0;
}

/*
 * Every card of a file.  A card that does not parse becomes a record with
 * the reason and its line; the others are read all the same.
 */
void
vcard_read(const char *s, size_t len, struct recs *rs)
{
	struct pline *pl = NULL;
	const char *l, *nl;
	size_t npl = 0, off, n, ln;
	int line = 0, incard = 0, start = 0, depth = 0, junk = 0;
	struct rec *r;

	off = len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	for (; off < len; off += n + 1) {
		l = s + off;
		nl = memchr(l, '\n', len - off);
		n = nl ? (size_t)(nl - l) : len - off;
		ln = n && l[n - 1] == '\r' ? n - 1 : n;
		line++;
		if (!incard) {
			if (strspn(l, " \t\r") >= ln)
				continue;
			if (isline(l, ln, "BEGIN:VCARD")) {
				incard = 1, start = line, npl = 0, junk = 0;
			} else if (!junk) {
				r = rec_new(rs, line);
				r->err = xstrdup("not in a card (no BEGIN:VCARD "
				    "before it)");
				junk = 1;
			}
			continue;
		}
		if (depth) {		/* a 2.1 AGENT's card: skipped */
			depth += isline(l, ln, "BEGIN:VCARD") -
			    isline(l, ln, "END:VCARD");
			continue;
		}
		if (isline(l, ln, "END:VCARD")) {
			card_read(pl, npl, start, rs);
			incard = 0;
			continue;
		}
		if (isline(l, ln, "BEGIN:VCARD")) {
			if (npl && is_agent(pl[npl - 1].s, pl[npl - 1].len)) {
				depth = 1;
				continue;
			}
			r = rec_new(rs, start);
			r->err = xstrdup("BEGIN:VCARD without END:VCARD");
			start = line, npl = 0;
			continue;
		}
		if ((npl & (npl - 1)) == 0)
			pl = xrealloc(pl, (npl ? 2 * npl : 1) * sizeof *pl);
		pl[npl].s = l;
		pl[npl].len = ln;
		pl[npl++].line = line;
	}
	if (incard) {
		r = rec_new(rs, start);
		r->err = xstrdup("BEGIN:VCARD without END:VCARD");
	}
	free(pl);
}
