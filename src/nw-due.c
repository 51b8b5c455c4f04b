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

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
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
	struct refs refs = { 0 };
	struct strv ids = { 0 };
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
		case 'c': strv_add(&f.circle, optarg); break;
		case 'g': strv_add(&f.group, optarg); break;
		case 'j': json = 1; break;
		case 'n':
			errno = 0;
			count = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || count < 0)
				errx(2, "'%s': not a count", optarg);
			break;
		case 't': strv_add(&f.tag, optarg); break;
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
	filter_check(net, &f);
	refs.net = net;
	rv = select_ids(&refs, argc, argv, &ids);
	out_init(json);
	rows = xcalloc(ids.n, sizeof *rows);
	for (i = 0; i < ids.n; i++) {
		c = contact_load(net, ids.v[i], 0);
		if (contact_report(c)) {
			rv = 1;
			contact_free(c);
			continue;
		}
		if (!filter_pass(&f, c)) {
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
