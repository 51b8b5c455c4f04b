/* vcardout.c - contacts written as vCards (vcard.c reads them) */

#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * A contact becomes a vCard 4.0 (RFC 6350) or 3.0 (RFC 2426): its keys
 * as the standard's properties where there are some, the rest as X-NW-
 * properties that vcard.c reads back, every line escaped and folded by
 * contentline.c.
 */

static void
textlist(struct buf *b, const char *name, char **v, size_t n)
{
	struct buf l = { 0 };
	size_t i;
	char *t;

	if (n == 0)
		return;
	for (i = 0; i < n; i++) {
		t = vc_text(v[i]);
		buf_printf(&l, "%s%s", i ? "," : "", t);
		free(t);
	}
	vc_line(b, name, l.s);
	free(l.s);
}

static void
text(struct buf *b, const char *name, const char *s)
{
	char *t;

	if (s == NULL || *s == '\0')
		return;
	t = vc_text(s);
	vc_line(b, name, t);
	free(t);
}

/* The part of name-parts v (a mapping), escaped for N; "" when none. */
static char *
npart(const struct value *v, const char *part)
{
	size_t i;

	for (i = 0; v->type == V_MAP && i + 1 < v->n; i += 2)
		if (v->v[i].type == V_STR && strcmp(v->v[i].s, part) == 0 &&
		    v->v[i + 1].type == V_STR)
			return vc_text(v->v[i + 1].s);
	return vc_text("");
}

/*
 * N from name-parts when the contact has them (family;given;middle;
 * prefix;suffix), else from the name: the last word the family name, the
 * first the given, those between the middle.
 */
static void
nprop(struct buf *b, struct contact *c)
{
	static const char *order[] = { "family", "given", "middle", "prefix",
	    "suffix" };
	const struct value *v = contact_value(c, "name-parts");
	struct strv words = { 0 };
	struct buf l = { 0 }, mid = { 0 };
	const char *name = c->name, *p;
	char *f, *g, *m, *q;
	size_t i, n;

	if (v && v->type == V_MAP) {
		for (i = 0; i < 5; i++) {
			f = npart(v, order[i]);
			buf_printf(&l, "%s%s", i ? ";" : "", f);
			free(f);
		}
		vc_line(b, "N", l.s);
		free(l.s);
		return;
	}

	for (p = name; *p; p += n) {	/* words; "\ " is none's end */
		p += strspn(p, " ");
		for (n = 0; p[n] && p[n] != ' '; n++)
			if (p[n] == '\\' && p[n + 1])
				n++;
		if (n > 0) {
			q = xstrndup(p, n);
			strv_add(&words, q);
			free(q);
		}
	}
	buf_puts(&mid, "");
	for (i = 1; i + 1 < words.n; i++)
		buf_printf(&mid, "%s%s", i > 1 ? " " : "", words.v[i]);
	g = vc_text(words.n ? words.v[0] : "");
	f = vc_text(words.n > 1 ? words.v[words.n - 1] : "");
	m = vc_text(mid.s);
	buf_printf(&l, "%s;%s;%s;;", f, g, m);
	vc_line(b, "N", l.s);
	free(l.s), free(mid.s), free(f), free(g), free(m);
	strv_free(&words);
}

/* A link's key as a TYPE: letters, digits and '-' only. */
static char *
typekey(const char *k)
{
	struct buf b = { 0 };

	buf_puts(&b, "");
	for (; *k; k++)
		if ((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') ||
		    (*k >= '0' && *k <= '9') || *k == '-')
			buf_add(&b, k, 1);
	return b.s;
}

static void
links(struct buf *b, struct contact *c)
{
	const char *k, *v;
	char *t, *name, *val;
	size_t i;

	for (i = 0; i + 1 < c->lib->links.n; i += 2) {
		k = c->lib->links.v[i], v = c->lib->links.v[i + 1];
		if (*v == '\0')
			continue;
		t = typekey(k);
		if (strstr(v, "://")) {
			name = *t ? xasprintf("URL;TYPE=%s", t) :
			    xstrdup("URL");
			val = vc_text(v);	/* a URI: only breaks go */
			vc_line(b, name, strpbrk(v, "\\,;\n") ? val : v);
		} else {
			name = *t ? xasprintf("X-SOCIALPROFILE;TYPE=%s", t) :
			    xstrdup("X-SOCIALPROFILE");
			val = vc_text(v);
			vc_line(b, name, val);
		}
		free(name);
		free(val);
		free(t);
	}
}

/*
 * The keys of nw(5) a vCard has no property for (schema_xnw), each as
 * X-NW- and its name in capitals: a text as it is (X-NW-CIRCLE:close), a
 * list's items joined by commas (X-NW-GROUPS:ACM,Royal Society), each
 * pair of a mapping a property of two components (X-NW-DATES:anniversary;
 * 2012-06-09), a mapping that is text one; first X-NW-ID, the id, which
 * a contact read back asks for.  c was loaded with C_KEYS.
 */
static void
xnw_write(struct buf *b, struct contact *c)
{
	const struct key *k;
	const struct value *v;
	struct strv items = { 0 };
	char *prop, *p, *x, *y, *line;
	size_t i, j, n;

	text(b, "X-NW-ID", c->id);
	k = schema_keys(&n);
	for (i = 0; i < n; i++) {
		if (!schema_xnw(&k[i]) ||
		    (v = contact_value(c, k[i].name)) == NULL)
			continue;
		prop = xasprintf("X-NW-%s", k[i].name);
		for (p = prop; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p -= 'a' - 'A';
		if (v->type == V_STR)
			text(b, prop, v->s);
		for (j = 0; v->type == V_LIST && j < v->n; j++)
			if (v->v[j].type == V_STR && *v->v[j].s)
				strv_add(&items, v->v[j].s);
		textlist(b, prop, items.v, items.n);
		strv_free(&items);
		for (j = 0; v->type == V_MAP && j + 1 < v->n; j += 2) {
			if (v->v[j].type != V_STR ||
			    v->v[j + 1].type != V_STR || !*v->v[j + 1].s)
				continue;
			x = vc_text(v->v[j].s);
			y = vc_text(v->v[j + 1].s);
			line = xasprintf("%s;%s", x, y);
			vc_line(b, prop, line);
			free(x), free(y), free(line);
		}
		free(prop);
	}
}

/*
 * The UID of the contact of this id: urn:uuid: and the UUID of version 5
 * of "nw:id", the same in every export; RELATED and MEMBER name others
 * by it, and nw-import finds them by it.
 */
char *
vcard_uid(const char *id)
{
	char uid[37], *u;

	u = xasprintf("nw:%s", id);
	uuid_v5(u, uid);
	free(u);
	return xasprintf("urn:uuid:%s", uid);
}

/* A date as BDAY and ANNIVERSARY want it: 4.0 19901126, 3.0 1990-11-26. */
static void
vc_date(struct buf *b, const char *name, struct bday d, int version)
{
	char s[16];

	if (d.year)
		snprintf(s, sizeof s, version == 3 ? "%04d-%02d-%02d" :
		    "%04d%02d%02d", d.year, d.month, d.day);
	else
		snprintf(s, sizeof s, version == 3 ? "--%02d-%02d" :
		    "--%02d%02d", d.month, d.day);
	vc_line(b, name, s);
}

/*
 * The contact as a vCard 4.0, or 3.0 when version is 3.  A community is
 * a 4.0 KIND:group card whose MEMBER lines name the cards of members (the
 * ids, their UIDs made the same way); 3.0 has no such card, and the
 * caller leaves communities out.
 */
void
vcard_write(struct buf *b, struct contact *c, int version,
    const struct strv *members)
{
	const char *s;
	char *u, *t;
	size_t i, n;

	vc_line(b, "BEGIN", "VCARD");
	vc_line(b, "VERSION", version == 3 ? "3.0" : "4.0");
	vc_line(b, "PRODID", "-//nw//nw-export " NW_VERSION "//EN");
	u = vcard_uid(c->id);
	vc_line(b, "UID", u);
	free(u);
	if (c->type == T_COMMUNITY && version != 3)
		vc_line(b, "KIND", "group");
	text(b, "FN", c->name);
	if (c->type != T_COMMUNITY)	/* a group's name has no parts */
		nprop(b, c);
	for (i = 0; i < c->lib->aka.n; i++)	/* one a line: vobject */
		text(b, "NICKNAME", c->lib->aka.v[i]);
	text(b, "ORG", c->org);
	text(b, "TITLE", c->lib->title);
	for (i = 0; i < c->email.n; i++)
		text(b, "EMAIL", c->email.v[i]);
	for (i = 0; i < c->lib->phone.n; i++)
		text(b, version == 3 ? "TEL" : "TEL;VALUE=text",
		    c->lib->phone.v[i]);
	if ((s = c->lib->address) != NULL && *s) {
		t = vc_text(s);
		u = xasprintf(";;%s;;;;", t);
		vc_line(b, "ADR", u);
		free(u);
		free(t);
	}
	if (c->lib->bday.month)
		vc_date(b, "BDAY", c->lib->bday, version);
	for (i = 0; version != 3 && i < c->lib->dates.n; i++)
		if (strcmp(c->lib->dates.v[i].what, "anniversary") == 0)
			vc_date(b, "ANNIVERSARY", c->lib->dates.v[i].when,
			    version);
	links(b, c);
	textlist(b, "CATEGORIES", c->lib->tags.v, c->lib->tags.n);
	xnw_write(b, c);
	if ((s = c->lib->notes) != NULL) {
		for (n = strlen(s); n > 0 && strchr("\n ", s[n - 1]); n--)
			;
		u = xstrndup(s, n);
		text(b, "NOTE", u);
		free(u);
	}
	/* rel: RELATED, the other's UID; TYPE when RFC 6350 has the role */
	for (i = 0; version != 3 && i + 1 < c->rel.n; i += 2) {
		const struct role *ro = schema_role(c->rel.v[i]);
		char *param;

		u = vcard_uid(c->rel.v[i + 1]);
		t = vc_text(c->rel.v[i]);
		param = ro && ro->vcard ? xasprintf("RELATED;TYPE=%s;X-NW-ROLE="
		    "\"%s\"", ro->vcard, t) : xasprintf("RELATED;X-NW-ROLE="
		    "\"%s\"", t);
		vc_line(b, param, u);
		free(param);
		free(t);
		free(u);
	}
	for (i = 0; members && version != 3 && i < members->n; i++) {
		u = vcard_uid(members->v[i]);
		vc_line(b, "MEMBER", u);
		free(u);
	}
	vc_line(b, "END", "VCARD");
}
