/* nw-give - log what you gave, or show the give/ask balance */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-give [-C dir] [-d date] -m what ref ...\n"
    "       nw-give -l [-j] [-C dir] [ref ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -d date        the date of the give (default today)\n"
    "  -j             with -l: print JSON Lines\n"
    "  -l             list the give/ask balance instead\n"
    "  -m what        what you gave: the note of the entry\n";

struct list {
	struct contact	**v;
	size_t		  n;
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

/* Everyone with a give, an ask or a got; a contact named, in any case. */
static int
take(struct scan *s, struct contact *c, void *arg)
{
	struct list *l = arg;

	if (s->all && c->ngive + c->nask + c->ngot == 0)
		return 0;
	if ((l->n & (l->n - 1)) == 0)
		l->v = xrealloc(l->v, (l->n ? 2 * l->n : 1) * sizeof *l->v);
	l->v[l->n++] = c;
	return 1;
}

/* The balance: gives, asks and got, those you owe most first. */
static int
balance(struct net *net, int argc, char **argv, int json)
{
	static const char *names[] = { "id", "gives", "asks", "got", "name" };
	struct scan s = { 0 };
	struct list l = { 0 };
	struct contact *c;
	const char *vals[5];
	char g[16], a[16], o[16];
	size_t i;
	int rv;

	out_init(json);
	s.net = net;
	rv = contacts_each(&s, argc, argv, take, &l);
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, owe);
	for (i = 0; i < l.n; i++) {
		c = l.v[i];
		snprintf(g, sizeof g, "%d", c->ngive);
		snprintf(a, sizeof a, "%d", c->nask);
		snprintf(o, sizeof o, "%d", c->ngot);
		vals[0] = c->id;
		vals[1] = g, vals[2] = a, vals[3] = o;
		vals[4] = c->name;
		out_row(5, names, vals, "snnns",
		    c->nask + c->ngot > c->ngive ? "33" : NULL);
		contact_free(c);
	}
	free(l.v);
	return rv;
}

int
main(int argc, char *argv[])
{
	struct batch b = { 0 };
	struct give g = { 0 };
	const char *dopt = NULL, *what = NULL;
	int ch, today, json = 0, rv, listing = 0;

	while ((ch = opt_get(argc, argv, "C:d:hjlm:V")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'd': dopt = optarg; break;
		case 'j': json = 1; break;
		case 'l': listing = 1; break;
		case 'm': what = optarg; break;
		case 'V': puts("nw-give " NW_VERSION); return 0;
		case 'h': return opt_help(usage_text, options_text);
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
	b.net = net_open(1);
	if (listing)
		rv = balance(b.net, argc, argv, json);
	else if (argc == 0 && !ref_stdin_usable())
		usage();
	else {
		rv = batch_run(&b, argc, argv, giveone, &g);
		batch_commit(&b, "Log give to");
	}
	batch_free(&b);
	net_free(b.net);
	return out_close() || rv;
}
