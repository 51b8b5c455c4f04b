/* nw-due - who is due for contact, most urgent first */

#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-due [-aj] [-C dir] [-c circle] [-g group] [-n count] "
    "[-t tag] [-w window] [ref ...]";

struct filter {
	char	**tag, **group, **circle;
	size_t	  ntag, ngroup, ncircle;
};

struct sel {
	struct refs	  refs;
	char		**ids;
	size_t		  nids;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

static void
push(char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = (char *)s;
}

static int
in(char **v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcaseeq(v[i], s))
			return 1;
	return 0;
}

static int
pass(struct filter *f, struct contact *c)
{
	size_t i;

	for (i = 0; i < f->ntag; i++)
		if (!in(c->tags, c->ntags, f->tag[i]))
			return 0;
	for (i = 0; i < f->ngroup; i++)
		if (!in(c->groups, c->ngroups, f->group[i]))
			return 0;
	for (i = 0; i < f->ncircle; i++)
		if (c->circle == NULL || strcmp(c->circle, f->circle[i]) != 0)
			return 0;
	return 1;
}

static int
select_one(const char *ref, void *arg)
{
	struct sel *s = arg;
	char *id;

	if ((id = ref_resolve(&s->refs, ref)) == NULL)
		return 1;
	if (in(s->ids, s->nids, id))
		free(id);
	else
		push(&s->ids, &s->nids, id);
	return 0;
}

/* Most overdue for its cadence first, then the earlier due date, then id. */
static int
rank(const void *x, const void *y)
{
	const struct due *a = x, *b = y;
	double ra = (double)a->days / a->cadence;
	double rb = (double)b->days / b->cadence;

	if (ra != rb)
		return ra > rb ? -1 : 1;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return strcmp(a->c->id, b->c->id);
}

int
main(int argc, char *argv[])
{
	static const char *names[] = { "id", "due", "days", "name",
	    "reason" };
	struct filter f = { 0 };
	struct sel s = { 0 };
	struct net *net;
	struct due *rows;
	struct contact *c;
	struct dur window = { 0, 'd' };
	const char *vals[5], *colour;
	char ds[11], days[16], *reason, *end;
	size_t i, n = 0;
	long count = -1;
	int ch, all = 0, json = 0, today, rv = 0, shown;

	while ((ch = getopt(argc, argv, "aC:c:g:hjn:t:Vw:")) != -1)
		switch (ch) {
		case 'a': all = 1; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'c': push(&f.circle, &f.ncircle, optarg); break;
		case 'g': push(&f.group, &f.ngroup, optarg); break;
		case 'j': json = 1; break;
		case 'n':
			errno = 0;
			count = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || count < 0)
				errx(2, "'%s': not a count", optarg);
			break;
		case 't': push(&f.tag, &f.ntag, optarg); break;
		case 'w':
			if (!dur_parse(optarg, &window))
				errx(2, "'%s': not a duration (like 3d, 2w)",
				    optarg);
			break;
		case 'V': puts("nw-due " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;

	today = date_today();
	net = net_open(1);
	for (i = 0; i < f.ncircle; i++)
		if (net_circle(net, f.circle[i]) == NULL)
			errx(2, "'%s': no such circle", f.circle[i]);
	s.refs.net = net;
	if ((rv = ref_loop(argc, argv, select_one, &s)) == -1) {
		rv = 0;
		net_list(net, &s.ids, &s.nids);
	}
	out_init(json);
	rows = xcalloc(s.nids, sizeof *rows);
	for (i = 0; i < s.nids; i++) {
		c = contact_load(net, s.ids[i], 0);
		if (contact_report(c)) {
			rv = 1;
			contact_free(c);
			continue;
		}
		if (!pass(&f, c)) {
			contact_free(c);
			continue;
		}
		contact_due(net, c, today, &rows[n]);
		shown = all || rows[n].due <= date_add(today, window);
		if (!shown && rows[n].bday == NODATE) {
			free(rows[n].reason);
			contact_free(c);
			continue;
		}
		if (!shown) {	/* only for a birthday */
			free(rows[n].reason);
			rows[n].reason = rows[n].bdreason;
			rows[n].bdreason = NULL;
		}
		n++;
	}
	qsort(rows, n, sizeof *rows, rank);
	for (i = 0; i < n && (count < 0 || (long)i < count); i++) {
		reason = rows[i].bdreason ? xasprintf("%s; %s",
		    rows[i].reason, rows[i].bdreason) : xstrdup(rows[i].reason);
		snprintf(days, sizeof days, "%d", rows[i].days);
		vals[0] = rows[i].c->id;
		vals[1] = date_str(rows[i].due, ds);
		vals[2] = days;
		vals[3] = rows[i].c->name;
		vals[4] = reason;
		colour = rows[i].days > 0 ? "31" : rows[i].days == 0 ? "33" :
		    rows[i].bday != NODATE ? "35" : NULL;
		out_row(5, names, vals, "ssnss", colour);
		free(reason);
	}
	for (i = 0; i < n; i++) {
		free(rows[i].reason);
		free(rows[i].bdreason);
		contact_free(rows[i].c);
	}
	free(rows);
	return out_close() || rv;
}
