/* nw-give - log what you gave, or show the give/ask balance */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-give [-C dir] [-d date] -m what ref ...\n"
    "       nw-give -l [-j] [-C dir] [ref ...]";

struct run {
	struct net	 *net;
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

struct give {
	int		 date;
	const char	*what;
};

static int
giveone(struct batch *b, const char *id, void *arg)
{
	struct give *g = arg;
	struct contact *c = NULL;

	if (change_log(b->net, id, g->date, "give", g->what, NULL, NULL, 1,
	    &c))
		return 1;
	batch_changed(b, id, c->name);
	contact_free(c);
	return 0;
}

static int
owe(const void *x, const void *y)
{
	struct contact *a = *(struct contact *const *)x;
	struct contact *b = *(struct contact *const *)y;
	int oa = a->nask + a->ngot - a->ngive, ob = b->nask + b->ngot - b->ngive;

	if (oa != ob)
		return ob - oa;
	return strcmp(a->id, b->id);
}

/* The balance: gives, asks and got, those you owe most first. */
static int
balance(struct run *r, int everyone, int json)
{
	static const char *names[] = { "id", "gives", "asks", "got", "name" };
	struct contact **cs, *c;
	const char *vals[5];
	char g[16], a[16], o[16];
	size_t i, n = 0;
	int rv = 0;

	out_init(json);
	cs = xcalloc(r->nids, sizeof *cs);
	for (i = 0; i < r->nids; i++) {
		c = contact_load(r->net, r->ids[i], 0);
		if (contact_report(c) || (everyone && c->ngive + c->nask +
		    c->ngot == 0)) {
			rv |= c->err != NULL;
			contact_free(c);
			continue;
		}
		cs[n++] = c;
	}
	qsort(cs, n, sizeof *cs, owe);
	for (i = 0; i < n; i++) {
		snprintf(g, sizeof g, "%d", cs[i]->ngive);
		snprintf(a, sizeof a, "%d", cs[i]->nask);
		snprintf(o, sizeof o, "%d", cs[i]->ngot);
		vals[0] = cs[i]->id;
		vals[1] = g, vals[2] = a, vals[3] = o;
		vals[4] = cs[i]->name;
		out_row(5, names, vals, "snnns",
		    cs[i]->nask + cs[i]->ngot > cs[i]->ngive ? "33" : NULL);
		contact_free(cs[i]);
	}
	free(cs);
	return rv;
}

int
main(int argc, char *argv[])
{
	struct run r = { 0 };
	struct batch b = { 0 };
	struct give g = { 0 };
	const char *dopt = NULL, *what = NULL;
	struct strv sel = { 0 };
	int ch, today, json = 0, rv, everyone, listing = 0;

	while ((ch = getopt(argc, argv, "C:d:hjlm:V")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'd': dopt = optarg; break;
		case 'j': json = 1; break;
		case 'l': listing = 1; break;
		case 'm': what = optarg; break;
		case 'V': puts("nw-give " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;

	if (!listing && what == NULL && argc == 0 && isatty(0))
		listing = 1;	/* plain nw-give on a terminal */
	if (listing && (what || dopt))
		usage();
	if (!listing && (what == NULL || *what == '\0' || json))
		usage();
	if (what)
		opt_text('m', what);
	today = date_today();
	g.date = today;
	g.what = what;
	if (dopt && !date_parse_past(dopt, today, &g.date))
		errx(2, "'%s': not a date (YYYY-MM-DD, today, yesterday, "
		    "a weekday, 3d)", dopt);
	r.net = net_open(1);
	r.refs.net = r.net;
	if (listing) {
		everyone = argc == 0 && !ref_stdin_usable();
		rv = select_ids(&r.refs, argc, argv, &sel);
		r.ids = sel.v;
		r.nids = sel.n;
		rv |= balance(&r, everyone, json);
		return out_close() || rv;
	}
	if (argc == 0 && !ref_stdin_usable())
		usage();
	b.net = r.net;
	rv = batch_run(&b, argc, argv, giveone, &g);
	batch_commit(&b, "Log give to");
	batch_free(&b);
	return out_close() || rv;
}
