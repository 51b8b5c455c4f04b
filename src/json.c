/* json.c - JSON: strings, values, and the one shape of a contact */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

void
json_str(FILE *f, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	fputc('"', f);
	for (; *u; u++) {
		if (*u == '"' || *u == '\\')
			fprintf(f, "\\%c", *u);
		else if (*u == '\n')
			fputs("\\n", f);
		else if (*u == '\t')
			fputs("\\t", f);
		else if (*u < 0x20 || *u == 0x7f)
			fprintf(f, "\\u%04x", *u);
		else if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)
			fprintf(f, "\\u%04x", *++u);	/* C1: a terminal's too */
		else
			fputc(*u, f);
	}
	fputc('"', f);
}

/* Is s a number as JSON writes them? */
static int
json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		s += strspn(s, "0123456789");
	else
		return 0;
	if (*s == '.') {
		if (s[1] < '0' || s[1] > '9')
			return 0;
		s += 1 + strspn(s + 1, "0123456789");
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		s += strspn(s, "0123456789");
	}
	return *s == '\0';
}

/* A value as YAML means it: null, booleans and numbers when plain. */
void
json_value(FILE *f, const struct value *v)
{
	size_t i;

	switch (v->type) {
	case V_NULL:
		fputs("null", f);
		break;
	case V_STR:
		if (v->plain && (strcmp(v->s, "true") == 0 ||
		    strcmp(v->s, "false") == 0 || json_number(v->s)))
			fputs(v->s, f);
		else
			json_str(f, v->s);
		break;
	case V_LIST:
		fputc('[', f);
		for (i = 0; i < v->n; i++) {
			if (i)
				fputc(',', f);
			json_value(f, &v->v[i]);
		}
		fputc(']', f);
		break;
	case V_MAP:
		fputc('{', f);
		for (i = 0; i + 1 < v->n; i += 2) {
			if (i)
				fputc(',', f);
			json_str(f, v->v[i].type == V_STR ? v->v[i].s : "");
			fputc(':', f);
			json_value(f, &v->v[i + 1]);
		}
		fputc('}', f);
		break;
	}
}

/*
 * The one writer of JSON objects and arrays: each item after the first
 * gets its comma, each member its key, and closing the outermost ends
 * the line.  A key is NULL for an item of an array.
 */
static void
jw_item(struct jw *w, const char *key)
{
	if (w->depth > 0 && w->n[w->depth - 1]++)
		fputc(',', w->f);
	if (key) {
		json_str(w->f, key);
		fputc(':', w->f);
	}
}

/* An object ('{') or an array ('['), closed by jw_close. */
void
jw_open(struct jw *w, const char *key, int c)
{
	if (w->f == NULL)
		w->f = stdout;
	if (w->depth == JW_DEPTH)
		abort();	/* a writer's own bug: no input nests */
	jw_item(w, key);
	fputc(c, w->f);
	w->close[w->depth] = c == '{' ? '}' : ']';
	w->n[w->depth++] = 0;
}

void
jw_close(struct jw *w)
{
	fputc(w->close[--w->depth], w->f);
	if (w->depth == 0)
		fputc('\n', w->f);
}

/* A string, or null for NULL. */
void
jw_str(struct jw *w, const char *key, const char *s)
{
	jw_item(w, key);
	if (s)
		json_str(w->f, s);
	else
		fputs("null", w->f);
}

void
jw_int(struct jw *w, const char *key, int n)
{
	jw_item(w, key);
	fprintf(w->f, "%d", n);
}

/* Text that is JSON already: a number, null. */
void
jw_raw(struct jw *w, const char *key, const char *json)
{
	jw_item(w, key);
	fputs(json, w->f);
}

/* A value as YAML means it (json_value). */
void
jw_value(struct jw *w, const char *key, const struct value *v)
{
	jw_item(w, key);
	json_value(w->f, v);
}

/* A date, or null for NODATE. */
void
jw_date(struct jw *w, const char *key, int day)
{
	char ds[11];

	jw_str(w, key, day == NODATE ? NULL : date_str(day, ds));
}

/* A key of nw(5) as its type says: a list key an array, a text a string. */
static void
json_known(struct jw *w, const char *name, const struct key *k,
    const struct value *v)
{
	struct value one = *v;

	one.plain = 0;
	if ((k->type == K_LIST || k->type == K_EMAIL) && v->type == V_STR) {
		jw_open(w, name, '[');
		jw_value(w, NULL, &one);
		jw_close(w);
	} else
		jw_value(w, name, v->type == V_STR ? &one : v);
}

/*
 * The one shape of a contact, on one line (nw-ls -j, nw-show -j,
 * nw-export -f json): "id", then every key of the file in its order, the
 * keys of nw(5) in their schema's form (a list key always an array, a
 * date or a text a string) and the user's own as YAML means them, then
 * the derived "last" (a date or null) and "due" (a date, or null for a
 * cadence of never).  c was loaded with C_KEYS.
 */
void
json_contact(FILE *f, struct net *net, struct contact *c, int today)
{
	struct jw w = { f, 0, { 0 }, { 0 } };
	const struct key *k;
	const struct value *key;
	struct due d;
	size_t i;

	jw_open(&w, NULL, '{');
	jw_str(&w, "id", c->id);
	for (i = 0; i + 1 < c->lib->keys.n; i += 2) {
		key = &c->lib->keys.v[i];
		if (key->type != V_STR)
			continue;
		if ((k = schema_key(key->s)) != NULL)
			json_known(&w, key->s, k, &c->lib->keys.v[i + 1]);
		else
			jw_value(&w, key->s, &c->lib->keys.v[i + 1]);
	}
	jw_date(&w, "last", c->last);
	contact_due(net, c, today, &d);
	if (d.never)
		jw_raw(&w, "due", "null");
	else
		jw_date(&w, "due", d.due);
	due_free(&d);
	jw_close(&w);
}

/* --- reading ------------------------------------------------------------- */

struct jp {				/* a JSON text being parsed */
	const char	*s, *end;
	int		 depth;
	const char	*err;
};

static void
jp_blank(struct jp *p)
{
	while (p->s < p->end && strchr(" \t\r\n", *p->s) && *p->s)
		p->s++;
}

static int
jp_fail(struct jp *p, const char *why)
{
	if (p->err == NULL)
		p->err = why;
	return 0;
}

static int
hex4(const char *s, unsigned *u)
{
	int i;

	*u = 0;
	for (i = 0; i < 4; i++) {
		*u <<= 4;
		if (s[i] >= '0' && s[i] <= '9')
			*u |= s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			*u |= s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			*u |= s[i] - 'A' + 10;
		else
			return 0;
	}
	return 1;
}

static void
utf8_put(struct buf *b, unsigned c)
{
	char u[4];

	if (c < 0x80) {
		u[0] = c;
		buf_add(b, u, 1);
	} else if (c < 0x800) {
		u[0] = 0xc0 | c >> 6, u[1] = 0x80 | (c & 0x3f);
		buf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = 0xe0 | c >> 12, u[1] = 0x80 | (c >> 6 & 0x3f);
		u[2] = 0x80 | (c & 0x3f);
		buf_add(b, u, 3);
	} else {
		u[0] = 0xf0 | c >> 18, u[1] = 0x80 | (c >> 12 & 0x3f);
		u[2] = 0x80 | (c >> 6 & 0x3f), u[3] = 0x80 | (c & 0x3f);
		buf_add(b, u, 4);
	}
}

/* A string at p->s (its quote): its text in *out, escapes undone. */
static int
jp_string(struct jp *p, char **out)
{
	struct buf b = { 0 };
	unsigned c, lo;

	buf_puts(&b, "");
	for (p->s++; p->s < p->end && *p->s != '"'; p->s++) {
		if ((unsigned char)*p->s < 0x20)
			goto bad;
		if (*p->s != '\\') {
			buf_add(&b, p->s, 1);
			continue;
		}
		if (++p->s >= p->end)
			goto bad;
		switch (*p->s) {
		case '"': case '\\': case '/': buf_add(&b, p->s, 1); break;
		case 'b': buf_puts(&b, "\b"); break;
		case 'f': buf_puts(&b, "\f"); break;
		case 'n': buf_puts(&b, "\n"); break;
		case 'r': buf_puts(&b, "\r"); break;
		case 't': buf_puts(&b, "\t"); break;
		case 'u':
			if (p->end - p->s < 5 || !hex4(p->s + 1, &c))
				goto bad;
			p->s += 4;
			if (c >= 0xd800 && c < 0xdc00 && p->end - p->s >= 7 &&
			    p->s[1] == '\\' && p->s[2] == 'u' &&
			    hex4(p->s + 3, &lo) && lo >= 0xdc00 &&
			    lo < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				p->s += 6;
			} else if (c >= 0xd800 && c < 0xe000)
				goto bad;
			if (c == 0)
				goto bad;
			utf8_put(&b, c);
			break;
		default:
			goto bad;
		}
	}
	if (p->s >= p->end)
		goto bad;
	p->s++;
	*out = b.s;
	return 1;
bad:
	free(b.s);
	return jp_fail(p, "a bad string");
}

static int jp_value(struct jp *, struct value *);

static void
value_add(struct value *v, struct value *item)
{
	if ((v->n & (v->n - 1)) == 0)
		v->v = xrealloc(v->v, (v->n ? 2 * v->n : 1) * sizeof *v->v);
	v->v[v->n++] = *item;
}

/* An array or object at p->s; its items (an object's key, value, ...). */
static int
jp_items(struct jp *p, struct value *v, char close)
{
	struct value it;

	if (++p->depth > 64)
		return jp_fail(p, "nested too deep");
	v->type = close == ']' ? V_LIST : V_MAP;
	p->s++;
	jp_blank(p);
	if (p->s < p->end && *p->s == close) {
		p->s++;
		p->depth--;
		return 1;
	}
	for (;;) {
		jp_blank(p);
		if (close == '}') {
			memset(&it, 0, sizeof it);
			it.type = V_STR;
			if (p->s >= p->end || *p->s != '"' ||
			    !jp_string(p, &it.s))
				return jp_fail(p, "a key that is no string");
			value_add(v, &it);
			jp_blank(p);
			if (p->s >= p->end || *p->s++ != ':')
				return jp_fail(p, "no ':' after a key");
		}
		memset(&it, 0, sizeof it);
		if (!jp_value(p, &it)) {
			value_free(&it);
			return 0;
		}
		value_add(v, &it);
		jp_blank(p);
		if (p->s < p->end && *p->s == ',') {
			p->s++;
			continue;
		}
		if (p->s < p->end && *p->s == close) {
			p->s++;
			p->depth--;
			return 1;
		}
		return jp_fail(p, close == ']' ? "no ',' or ']' in an array" :
		    "no ',' or '}' in an object");
	}
}

static int
jp_value(struct jp *p, struct value *v)
{
	static const char *words[] = { "true", "false", "null" };
	const char *st;
	size_t i, n;

	jp_blank(p);
	if (p->s >= p->end)
		return jp_fail(p, "a value missing");
	if (*p->s == '{' || *p->s == '[')
		return jp_items(p, v, *p->s == '{' ? '}' : ']');
	if (*p->s == '"') {
		v->type = V_STR;
		return jp_string(p, &v->s);
	}
	for (i = 0; i < 3; i++) {
		n = strlen(words[i]);
		if ((size_t)(p->end - p->s) >= n &&
		    strncmp(p->s, words[i], n) == 0) {
			p->s += n;
			v->type = i == 2 ? V_NULL : V_STR;
			v->s = i == 2 ? NULL : xstrdup(words[i]);
			v->plain = 1;
			return 1;
		}
	}
	st = p->s;
	while (p->s < p->end && strchr("+-0123456789.eE", *p->s) && *p->s)
		p->s++;
	v->type = V_STR;
	v->s = xstrndup(st, p->s - st);
	v->plain = 1;
	return json_number(v->s) ? 1 : jp_fail(p, "not a JSON value");
}

/* One JSON value, the whole of s; NULL, or what is wrong with it. */
const char *
json_parse(const char *s, size_t len, struct value *v)
{
	struct jp p = { s, s + len, 0, NULL };

	memset(v, 0, sizeof *v);
	if (jp_value(&p, v)) {
		jp_blank(&p);
		if (p.s < p.end)
			jp_fail(&p, "more after the value");
	}
	if (p.err)
		value_free(v);
	return p.err;
}

/* Is name a column nw derives (id, last, due), no key of a file? */
static int
derived(const char *name)
{
	const struct key *k;
	size_t i, n;

	k = schema_keys(&n);
	for (i = 0; i < n; i++)
		if ((k[i].flags & K_DERIVED) && strcmp(k[i].name, name) == 0)
			return 1;
	return 0;
}

/* A key of nw(5) from its JSON value, as the schema says it is held. */
static void
json_key(struct rec *r, const struct key *k, const struct value *v)
{
	const char *tp;
	char *part;
	size_t i;

	switch (k->type) {
	case K_LINKS:
	case K_MAP:
	case K_DATES:
	case K_MET:
		tp = schema_text_part(k->name);
		if (v->type == V_STR && tp) {
			part = xasprintf("%s.%s", k->name, tp);
			rec_set(r, part, v->s);
			free(part);
		}
		for (i = 0; v->type == V_MAP && i + 1 < v->n; i += 2)
			if (v->v[i + 1].type == V_STR) {
				part = xasprintf("%s.%s", k->name, v->v[i].s);
				rec_set(r, part, v->v[i + 1].s);
				free(part);
			}
		break;
	case K_TEXT:
		if (v->type == V_STR)
			rec_note(r, NULL, v->s);
		break;
	default:
		if (v->type == V_STR)
			rec_own(r, k->name, v->s);
		for (i = 0; v->type == V_LIST && i < v->n; i++)
			if (v->v[i].type == V_STR)
				rec_set(r, k->name, v->v[i].s);
	}
}

/*
 * The records of nw's JSON Lines (nw-export -f json): one contact a line,
 * each key as json_contact writes it.  The keys of nw(5) go into the
 * record as an import's do; the log and the user's own keys are kept as
 * they are (the draft's more); the derived id asks for the id the
 * contact had, last and due are left out.
 */
void
json_read(const char *s, size_t len, struct recs *rs)
{
	const struct key *k;
	struct value v;
	struct rec *r;
	const char *err, *end;
	size_t n, i;
	int line;

	for (line = 1; len > 0; line++, s += n, len -= n) {
		end = memchr(s, '\n', len);
		n = end ? (size_t)(end - s) + 1 : len;
		if (strspn(s, " \t\r\n") >= n)
			continue;
		r = rec_new(rs, line);
		r->own = 1;
		if ((err = json_parse(s, n, &v)) != NULL || v.type != V_MAP) {
			rec_fail(r, line, err ? err : "not a JSON object");
			value_free(&v);
			continue;
		}
		for (i = 0; i + 1 < v.n; i += 2) {
			if (strcmp(v.v[i].s, "id") == 0 &&
			    v.v[i + 1].type == V_STR)
				rec_set(r, "id", v.v[i + 1].s);
			if (derived(v.v[i].s))
				continue;
			/* the log, relationships and jobs come as they are */
			if ((k = schema_key(v.v[i].s)) != NULL &&
			    k->type != K_LOG && k->type != K_REL &&
			    k->type != K_WORK)
				json_key(r, k, &v.v[i + 1]);
			else
				draft_more(&r->d, v.v[i].s, &v.v[i + 1]);
		}
		value_free(&v);
		rec_done(r);
	}
}
