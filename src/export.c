/*
 * export.c - nw-export's walk: contacts written as vCards, iCalendar,
 * nw's JSON, CSV or a Graphviz graph, each format's writer in its own
 * file (vcardout.c, ical.c, json.c, csv.c, dot.c).
 */

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

struct export {
	int		 fmt, version, today;
	struct buf	 b;
	struct contact	**comm;		/* vCard 4.0: communities, for last */
	size_t		 ncomm;
	struct strv	 groups;	/* id, group, id, group... of people */
	struct contact	**all;		/* dot: every contact, for the end */
	size_t		 nall;
};

/*
 * vCard 4.0 writes a community as a group card naming its members, so
 * communities wait for the end, when every person's groups are known;
 * 3.0 has no group card and leaves them out, saying so.
 */
static int
card(struct export *x, struct contact *c)
{
	size_t i;

	if (c->type == T_COMMUNITY && x->version == 3) {
		warnx("'%s': a community: vCard 3.0 has no group card, left "
		    "out", c->id);
		return 0;
	}
	if (c->type == T_COMMUNITY) {
		x->comm = xrealloc(x->comm, (x->ncomm + 1) * sizeof *x->comm);
		x->comm[x->ncomm++] = c;
		return 1;
	}
	for (i = 0; x->version != 3 && i < c->lib->groups.n; i++) {
		strv_add(&x->groups, c->id);
		strv_add(&x->groups, c->lib->groups.v[i]);
	}
	vcard_write(&x->b, c, x->version, NULL);
	return 0;
}

/* The communities held back, each with the people its name is in. */
static void
groupcards(struct export *x)
{
	struct strv members = { 0 };
	size_t i, j;

	for (i = 0; i < x->ncomm; i++) {
		for (j = 0; j + 1 < x->groups.n; j += 2)
			if (contact_names(x->comm[i], x->groups.v[j + 1]) &&
			    !strv_has(&members, x->groups.v[j]))
				strv_add(&members, x->groups.v[j]);
		x->b.len = 0;
		vcard_write(&x->b, x->comm[i], x->version, &members);
		fwrite(x->b.s, 1, x->b.len, stdout);
		strv_free(&members);
		contact_free(x->comm[i]);
	}
	free(x->comm);
	strv_free(&x->groups);
}

static int
one(struct scan *s, struct contact *c, void *arg)
{
	struct export *x = arg;

	x->b.len = 0;
	if (x->fmt == EX_DOT) {
		x->all = xrealloc(x->all, (x->nall + 1) * sizeof *x->all);
		x->all[x->nall++] = c;
		return 1;	/* the graph is written at the end */
	}
	if (x->fmt == EX_VCARD) {
		if (card(x, c))
			return 1;	/* a community, written last */
	} else if (x->fmt == EX_ICS)
		ical_contact(&x->b, s->net, c, x->today);
	else if (x->fmt == EX_JSON)
		json_contact(stdout, s->net, c, x->today);
	else
		csv_contact(stdout, s->net, c, x->today);
	fwrite(x->b.s ? x->b.s : "", 1, x->b.len, stdout);
	return 0;
}

/* A format's number (EX_VCARD...) by its name, -1 for none. */
int
export_format(const char *name)
{
	static const char *formats[] = { "vcard", "ics", "json", "csv",
	    "dot", NULL };
	int i;

	for (i = 0; formats[i]; i++)
		if (strcmp(formats[i], name) == 0)
			return i;
	return -1;
}

/*
 * The contacts of the scan s that the references name (every one when
 * none) written to stdout in format fmt, vCards as version 3 or 4.
 * contacts_each's return.
 */
int
export_contacts(struct scan *s, int argc, char **argv, int fmt, int version)
{
	struct export x = { 0 };
	size_t i;
	int rv;

	x.fmt = fmt;
	x.version = version;
	x.today = date_today();
	s->flags = C_KEYS;
	if (x.fmt == EX_ICS)
		ical_begin(&x.b);
	else if (x.fmt == EX_CSV)
		csv_header(stdout);
	fwrite(x.b.s ? x.b.s : "", 1, x.b.len, stdout);
	rv = contacts_each(s, argc, argv, one, &x);
	groupcards(&x);
	if (x.fmt == EX_DOT) {
		x.b.len = 0;
		dot_graph(&x.b, s->net, x.all, x.nall, x.today);
		fwrite(x.b.s, 1, x.b.len, stdout);
		for (i = 0; i < x.nall; i++)
			contact_free(x.all[i]);
		free(x.all);
	}
	if (x.fmt == EX_ICS) {
		x.b.len = 0;
		ical_end(&x.b);
		fwrite(x.b.s, 1, x.b.len, stdout);
	}
	free(x.b.s);
	return rv;
}
