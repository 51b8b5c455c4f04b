/* nw-give - log what you gave; show the give/ask balance, the open asks */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-give [-C dir] [-d date] -m what ref ...\n"
    "       nw-give -l [-j] [-C dir] [ref ...]\n"
    "       nw-give -o [-j] [-C dir] [ref ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -d date        the date of the give (default today)\n"
    "  -j             with -l or -o: print JSON Lines\n"
    "  -l             list the give/ask balance instead\n"
    "  -m what        what you gave: the note of the entry\n"
    "  -o             list the open asks instead, oldest first\n";

struct list {
	struct contact	**v;
	size_t		  n;
};

static int
giveone(struct batch *b, const char *id, void *arg)
{
	struct logentry *g = arg;
	struct contact *c = NULL;

	if (change_log(b->net, id, g, &c) == -1)
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
	int oa = contact_owe(a), ob = contact_owe(b);

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

/*
 * The balance: gives, open asks and got, those you owe most first (you
 * owe what you got plus your open asks, less what you gave).
 */
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
		snprintf(a, sizeof a, "%d", c->nopen);
		snprintf(o, sizeof o, "%d", c->ngot);
		vals[0] = c->id;
		vals[1] = g, vals[2] = a, vals[3] = o;
		vals[4] = c->name;
		out_row(5, names, vals, "snnns",
		    contact_owe(c) > 0 ? "33" : NULL);
		contact_free(c);
	}
	free(l.v);
	return rv;
}

struct asks {
	struct row {
		const struct logent	*e;
		struct contact		*c;
	}		*v;
	size_t		 n;
	struct contact	**kept;		/* those with a row, to free */
	size_t		 nkept;
};

/* Oldest first, then by id; of one contact's, in the log's order. */
static int
byage(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int cmp;

	if (a->e->date != b->e->date)
		return a->e->date < b->e->date ? -1 : 1;
	if ((cmp = strcmp(a->c->id, b->c->id)) != 0)
		return cmp;
	return a->e < b->e ? -1 : a->e > b->e;
}

/* Each open ask of c is a row; c is kept when it has one. */
static int
takeasks(struct scan *s, struct contact *c, void *arg)
{
	struct asks *a = arg;
	const struct logent **v;
	size_t i, n;

	(void)s;
	n = contact_asks(c, &v);
	for (i = 0; i < n; i++) {
		a->v = xrealloc(a->v, (a->n + 1) * sizeof *a->v);
		a->v[a->n].e = v[i];
		a->v[a->n++].c = c;
	}
	free(v);
	if (n) {
		a->kept = xrealloc(a->kept, (a->nkept + 1) * sizeof *a->kept);
		a->kept[a->nkept++] = c;
	}
	return n > 0;
}

/* -o: the open asks, oldest first, to follow up or to thank. */
static int
openasks(struct net *net, int argc, char **argv, int json, int today)
{
	static const char *names[] = { "id", "date", "days", "name", "note" };
	struct scan s = { 0 };
	struct asks a = { 0 };
	const char *vals[5];
	char ds[11], days[16];
	size_t i;
	int rv;

	out_init(json);
	s.net = net;
	s.flags = C_LOG;
	rv = contacts_each(&s, argc, argv, takeasks, &a);
	if (a.n)
		qsort(a.v, a.n, sizeof *a.v, byage);
	for (i = 0; i < a.n; i++) {
		snprintf(days, sizeof days, "%d", today - a.v[i].e->date);
		vals[0] = a.v[i].c->id;
		vals[1] = date_str(a.v[i].e->date, ds);
		vals[2] = days;
		vals[3] = a.v[i].c->name;
		vals[4] = a.v[i].e->note;
		out_row(5, names, vals, "ssnss", NULL);
	}
	out_flush();
	for (i = 0; i < a.nkept; i++)
		contact_free(a.kept[i]);
	free(a.kept);
	free(a.v);
	return rv;
}

int
main(int argc, char *argv[])
{
	struct batch b = { 0 };
	struct logentry g = { 0 };
	const char *dopt = NULL, *what = NULL;
	int ch, today, json = 0, rv, mode = 0;

	while ((ch = opt_get(argc, argv, "C:d:hjlm:oV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'd': dopt = optarg; break;
		case 'j': json = 1; break;
		case 'l':
		case 'o':
			if (mode && mode != ch)
				opt_usage(usage_text);
			mode = ch;
			break;
		case 'm': what = optarg; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;

	if (!mode && what == NULL && argc == 0 && isatty(0))
		mode = 'l';	/* plain nw-give on a terminal */
	if (mode && (what || dopt))
		opt_usage(usage_text);
	if (!mode && (what == NULL || *what == '\0' || json))
		opt_usage(usage_text);
	if (what)
		opt_text('m', what);
	today = date_today();
	g.date = today;
	g.kind = "give";
	g.note = what;
	if (dopt && !date_parse_past(dopt, today, &g.date))
		errx(2, "'%s': not a date (YYYY-MM-DD, today, yesterday, "
		    "a weekday, 3d)", dopt);
	if (g.date > today)
		errx(2, "'%s': a date after today: a log records what "
		    "happened", dopt);
	b.net = net_open(1);
	if (mode == 'o')
		rv = openasks(b.net, argc, argv, json, today);
	else if (mode == 'l')
		rv = balance(b.net, argc, argv, json);
	else if (argc == 0 && !ref_stdin_usable())
		opt_usage(usage_text);
	else {
		rv = batch_run(&b, argc, argv, giveone, &g);
		batch_commit(&b, "Log give to");
	}
	batch_free(&b);
	free(g.done);
	net_free(b.net);
	return exit_status(out_close() || rv);
}
