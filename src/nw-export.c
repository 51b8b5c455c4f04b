/* nw-export - contacts as vCard, iCalendar, JSON, CSV or a graph */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-export [-3] [-A time] [-C dir] [-c circle] [-f format] "
    "[-g group]\n"
    "                 [-t tag] [ref ...]";

static const char options_text[] =
    "  -3             write vCard 3.0 instead of 4.0\n"
    "  -A time        iCalendar: an alarm at time (09:00) on each day, or none\n"
    "  -C dir         use the network in dir\n"
    "  -c circle      only this circle (repeats: either)\n"
    "  -f format      vcard (the default), ics, csv, json or dot\n"
    "  -g group       only this group (repeats: either)\n"
    "  -t tag         only this tag (repeats: either)\n";

enum { F_VCARD, F_ICS, F_JSON, F_CSV, F_DOT };

struct export {
	int		 fmt, version, today;
	struct buf	 b;
	struct contact	**comm;		/* vCard 4.0: communities, for last */
	size_t		 ncomm;
	struct strv	 groups;	/* id, group, id, group... of people */
	struct contact	**all;		/* dot: every contact, for the end */
	size_t		 nall;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

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
	for (i = 0; x->version != 3 && i < c->groups.n; i++) {
		strv_add(&x->groups, c->id);
		strv_add(&x->groups, c->groups.v[i]);
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
	if (x->fmt == F_DOT) {
		x->all = xrealloc(x->all, (x->nall + 1) * sizeof *x->all);
		x->all[x->nall++] = c;
		return 1;	/* the graph is written at the end */
	}
	if (x->fmt == F_VCARD) {
		if (card(x, c))
			return 1;	/* a community, written last */
	} else if (x->fmt == F_ICS)
		ical_contact(&x->b, s->net, c, x->today);
	else if (x->fmt == F_JSON)
		json_contact(stdout, s->net, c, x->today);
	else
		csv_contact(stdout, s->net, c, x->today);
	fwrite(x->b.s ? x->b.s : "", 1, x->b.len, stdout);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const char *formats[] = { "vcard", "ics", "json", "csv",
	    "dot", NULL };
	size_t i;
	struct export x = { 0 };
	struct scan s = { 0 };
	const char *alarm = NULL;
	int ch, rv, min = 0;

	x.fmt = F_VCARD;
	x.version = 4;
	while ((ch = opt_get(argc, argv, "3A:C:c:f:g:ht:V")) != -1)
		switch (ch) {
		case '3': x.version = 3; break;
		case 'A': alarm = optarg; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'c': strv_add(&s.filter.circle, optarg); break;
		case 'f':
			for (x.fmt = 0; formats[x.fmt]; x.fmt++)
				if (strcmp(formats[x.fmt], optarg) == 0)
					break;
			if (formats[x.fmt] == NULL)
				errx(2, "'%s': not a format (vcard, ics, json, "
				    "csv, dot)", optarg);
			break;
		case 'g': strv_add(&s.filter.group, optarg); break;
		case 't': strv_add(&s.filter.tag, optarg); break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: usage();
		}
	argc -= optind;
	argv += optind;
	if (x.version == 3 && x.fmt != F_VCARD)
		errx(2, "-3 is for vCards");
	if (alarm && x.fmt != F_ICS)
		errx(2, "-A is for iCalendar");
	if (alarm && !alarm_parse(alarm, &min))
		errx(2, "'%s': not a time (09:00) or none", alarm);

	x.today = date_today();
	s.net = net_open(1);
	if (alarm)
		net_set_alarm(s.net, min);
	s.flags = C_KEYS;
	if (x.fmt == F_ICS)
		ical_begin(&x.b);
	else if (x.fmt == F_CSV)
		csv_header(stdout);
	fwrite(x.b.s ? x.b.s : "", 1, x.b.len, stdout);
	rv = contacts_each(&s, argc, argv, one, &x);
	groupcards(&x);
	if (x.fmt == F_DOT) {
		x.b.len = 0;
		dot_graph(&x.b, s.net, x.all, x.nall, x.today);
		fwrite(x.b.s, 1, x.b.len, stdout);
		for (i = 0; i < x.nall; i++)
			contact_free(x.all[i]);
		free(x.all);
	}
	if (x.fmt == F_ICS) {
		x.b.len = 0;
		ical_end(&x.b);
		fwrite(x.b.s, 1, x.b.len, stdout);
	}
	free(x.b.s);
	filter_free(&s.filter);
	net_free(s.net);
	return out_close() || rv;
}
