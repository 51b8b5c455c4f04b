/* news.c - what a record brings to the contact it is (nw-import -u) */

#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * A record read from elsewhere that is a contact already brings what the
 * contact lacks: emails and phones, links by their address, and a job
 * change.  nw-import decides which contact a record is; this file says
 * what is new, how it is written (one change_edit) and how it is said.
 */

/* Digits and a leading '+': "+44 20 7946" is "+44-20-7946". */
static char *
phone_key(const char *s)
{
	struct buf b = { 0 };

	buf_puts(&b, "");
	s += strspn(s, " ");
	if (*s == '+')
		buf_puts(&b, "+");
	for (; *s; s++)
		if (*s >= '0' && *s <= '9')
			buf_add(&b, s, 1);
	if (b.len == 0 || strcmp(b.s, "+") == 0) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

int
phone_has(struct strv *l, const char *p)
{
	char *a = phone_key(p), *b;
	size_t i;
	int hit = 0;

	for (i = 0; i < l->n && !hit; i++) {
		b = phone_key(l->v[i]);
		hit = a && b ? strcmp(a, b) == 0 : strcmp(l->v[i], p) == 0;
		free(b);
	}
	free(a);
	return hit;
}

/* Is url one of the links (name, url, ...), or name one of their names? */
static int
has_link(struct strv *l, const char *name, const char *url)
{
	size_t i;

	for (i = 0; i + 1 < l->n; i += 2)
		if ((url && strcmp(l->v[i + 1], url) == 0) ||
		    (name && strcmp(l->v[i], name) == 0))
			return 1;
	return 0;
}

/*
 * The record's links that the contact lacks, by their address: each
 * under its name, or name-2, name-3 when the contact has that name for
 * another address (what the user wrote is not replaced).
 */
void
news_links(struct contact *c, const struct rec *rec, struct news *nw)
{
	const struct draft *d = &rec->d;
	char *name;
	size_t i;
	int n;

	for (i = 0; i + 1 < d->kv.n; i += 2) {
		if (strncmp(d->kv.v[i], "links.", 6) != 0 ||
		    has_link(&c->lib->links, NULL, d->kv.v[i + 1]) ||
		    has_link(&nw->links, NULL, d->kv.v[i + 1]))
			continue;
		name = xstrdup(d->kv.v[i] + 6);
		for (n = 2; has_link(&c->lib->links, name, NULL) ||
		    has_link(&nw->links, name, NULL); n++) {
			free(name);
			name = xasprintf("%s-%d", d->kv.v[i] + 6, n);
		}
		strv_add(&nw->links, name);
		strv_add(&nw->links, d->kv.v[i + 1]);
		free(name);
	}
}

/*
 * A job change: the record's org differs from the contact's (one the
 * start of the other is the same, written shorter), or its title from
 * the contact's title (a promotion), names compared as references
 * compare them.  A contact without an org gets one filled in.
 */
void
news_job(struct contact *c, const struct rec *rec, struct news *nw)
{
	const char *org = draft_get(&rec->d, "org");
	const char *title = draft_get(&rec->d, "title");

	if (c->lib->err || org == NULL || *org == '\0' || c->org == NULL ||
	    *c->org == '\0')
		return;
	/* "Stanford" and "Stanford University": one org, as the user wrote */
	if ((strcaseprefix(org, c->org) || strcaseprefix(c->org, org)) &&
	    (title == NULL || *title == '\0' || c->lib->title == NULL ||
	    strcaseeq(title, c->lib->title)))
		return;
	nw->org = org;
	nw->title = title && *title ? title : NULL;
	nw->jobnote = nw->title ? xasprintf("Now %s at %s", nw->title, org) :
	    xasprintf("Now at %s", org);
}

/*
 * What the contact lacks and the record has: org, title and birthday
 * filled in, each where the contact has none (or an empty one); a title
 * that comes with a new job (news_job) is the job's, not a fill.
 */
void
news_fill(struct contact *c, const struct rec *rec, struct news *nw)
{
	static const char *fills[] = { "org", "title", "birthday" };
	const struct value *cv;
	const char *v;
	size_t i;

	for (i = 0; c->lib->err == NULL && i < 3; i++)
		if ((v = draft_get(&rec->d, fills[i])) != NULL &&
		    ((cv = contact_value(c, fills[i])) == NULL ||
		    cv->type == V_NULL ||
		    (cv->type == V_STR && *cv->s == '\0')) &&
		    (nw->org == NULL || strcmp(fills[i], "title") != 0)) {
			strv_add(&nw->fill, fills[i]);
			strv_add(&nw->fill, v);
		}
}

int
news_apply(struct change *ch, struct contact *c, void *arg)
{
	struct news *nw = arg;
	size_t i;
	char ds[11];
	int moved = 0;

	if (change_import(ch, "email", &nw->email) == -1 ||
	    change_import(ch, "phone", &nw->phone) == -1)
		return -1;
	/* a new job: the old one to work, a job entry, a follow-up */
	if (nw->org && (change_job(ch, c, nw->org, nw->title, date_today(),
	    &moved) == -1 || change_log_entry(ch, date_today(), "job",
	    nw->jobnote) == -1))
		return -1;
	if (nw->org && c->lib->next == NODATE &&
	    (change_set(ch, "next", date_str(date_today(), ds)) == -1 ||
	    change_set(ch, "next-note", "Congratulate on the new job") == -1))
		return -1;
	for (i = 0; i + 1 < nw->fill.n; i += 2)
		if (change_set(ch, nw->fill.v[i], nw->fill.v[i + 1]) == -1)
			return -1;
	for (i = 0; i + 1 < nw->links.n; i += 2)
		if (change_put(ch, "links", nw->links.v[i],
		    nw->links.v[i + 1]) == -1)
			return -1;
	return 0;
}

/* "adds email a, phone b, link web; fills org X, birthday --12-10" */
char *
news_text(struct news *nw)
{
	struct buf b = { 0 };
	size_t i, n = 0;

	buf_puts(&b, "");
	if (nw->jobnote)
		buf_printf(&b, "job: %s%s", nw->jobnote,
		    nw->email.n + nw->phone.n + nw->links.n + nw->fill.n ?
		    "; " : "");
	for (i = 0; i < nw->email.n; i++)
		buf_printf(&b, "%s email %s", n++ ? "," : "adds",
		    nw->email.v[i]);
	for (i = 0; i < nw->phone.n; i++)
		buf_printf(&b, "%s phone %s", n++ ? "," : "adds",
		    nw->phone.v[i]);
	for (i = 0; i + 1 < nw->links.n; i += 2)
		buf_printf(&b, "%s link %s %s", n++ ? "," : "adds",
		    nw->links.v[i], nw->links.v[i + 1]);
	for (i = 0; i + 1 < nw->fill.n; i += 2)
		buf_printf(&b, "%s %s %s", i ? "," : n ? "; fills" : "fills",
		    nw->fill.v[i], nw->fill.v[i + 1]);
	return b.s;
}

void
news_free(struct news *nw)
{
	strv_free(&nw->email);
	strv_free(&nw->phone);
	strv_free(&nw->fill);
	strv_free(&nw->links);
	free(nw->jobnote);
}

/*
 * The relationships a record brings (role, id, ...), each added to its
 * role's ids in rel: as nw-set -a would.
 */
int
rels_apply(struct change *ch, struct contact *c, void *arg)
{
	struct strv *add = arg;
	size_t i;

	(void)c;
	for (i = 0; i + 1 < add->n; i += 2)
		if (change_part(ch, "rel", add->v[i], NULL, add->v[i + 1], 0,
		    NULL) == -1)
			return -1;
	return 0;
}

/* Is role a, id b among l (role, id, ...)? */
int
rel_has(const struct strv *l, const char *a, const char *b)
{
	size_t i;

	for (i = 0; i + 1 < l->n; i += 2)
		if (strcmp(l->v[i], a) == 0 && strcmp(l->v[i + 1], b) == 0)
			return 1;
	return 0;
}
