/* nw-due - who is due for contact, most urgent first */

#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-due [-abjl] [-C dir] [-c circle] [-g group] [-k type] "
    "[-n count]\n"
    "              [-t tag] [-w window] [ref ...]";

static const char options_text[] =
    "  -a             list every contact, due or not\n"
    "  -b             also birthdays and dates coming up\n"
    "  -C dir         use the network in dir\n"
    "  -c circle      only this circle (repeats: either)\n"
    "  -g group       only this group (repeats: either)\n"
    "  -j             print JSON Lines\n"
    "  -k type        only people or only communities: person, community\n"
    "  -l             the long form: what to say, under each row\n"
    "  -n count       print at most count rows, the most urgent\n"
    "  -t tag         only this tag (repeats: either)\n"
    "  -w window      also those due within window: 3d, 2w\n";

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

/*
 * An overdue promise (a follow-up with a note) first, the latest first;
 * then the most overdue for its cadence, then the earlier due date, then
 * id.
 */
static int
rank(const void *x, const void *y)
{
	const struct due *a = x, *b = y;
	double ra = (double)a->days / a->cadence;
	double rb = (double)b->days / b->cadence;
	int pa = a->promise && !a->bdonly && a->days > 0;
	int pb = b->promise && !b->bdonly && b->days > 0;

	if (pa != pb)
		return pa ? -1 : 1;
	if (pa && a->days != b->days)
		return a->days > b->days ? -1 : 1;
	if (ra != rb)
		return ra > rb ? -1 : 1;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return strcmp(a->c->id, b->c->id);
}

struct rows {
	struct due	*v;
	size_t		 n;
	int		 all, bdays, type, today;
	struct dur	 window;
};

/*
 * A contact due in the window (or, with -a, any that has a due date)
 * becomes a row; with -b, one with a birthday or a date near too, as a
 * row of its own.  A birthday row of a contact without a due date shows
 * the day in its place.
 */
static int
take(struct scan *s, struct contact *c, void *arg)
{
	struct rows *r = arg;
	struct due d;
	int shown;

	if (r->type != -1 && c->type != r->type)
		return 0;
	contact_due(s->net, c, r->today, &d);
	shown = !d.never && (r->all ||
	    d.due <= date_add(r->today, r->window));
	if (!shown && !(r->bdays && d.bday != NODATE)) {
		due_free(&d);		/* the walk frees the contact */
		return 0;
	}
	if (!shown) {		/* only for a birthday or a date */
		d.bdonly = 1;
		if (d.never)
			d.due = d.bday, d.days = r->today - d.bday;
	}
	if ((r->n & (r->n - 1)) == 0)
		r->v = xrealloc(r->v, (r->n ? 2 * r->n : 1) * sizeof *r->v);
	r->v[r->n++] = d;
	return 1;
}

static void
print(struct due *d)
{
	static const char *names[] = { "id", "due", "days", "name",
	    "reason" };
	const char *vals[5], *colour;
	char ds[11], days[16], *reason;

	reason = d->bdonly ? xstrdup(d->bdreason) : d->bdreason ?
	    xasprintf("%s; %s", d->reason, d->bdreason) : xstrdup(d->reason);
	snprintf(days, sizeof days, "%d", d->days);
	vals[0] = d->c->id;
	vals[1] = date_str(d->due, ds);
	vals[2] = days;
	vals[3] = d->c->name;
	vals[4] = reason;
	colour = d->days > 0 ? "31" : d->days == 0 ? "33" :
	    d->bday != NODATE ? "35" : NULL;
	out_row(5, names, vals, "ssnss", colour);
	free(reason);
}

int
main(int argc, char *argv[])
{
	struct scan s = { 0 };
	struct rows r = { 0 };
	struct net *net;
	char *end;
	size_t i;
	long count = -1;
	int ch, json = 0, lng = 0, rv;

	r.window = (struct dur){ 0, 'd' };
	r.type = -1;
	while ((ch = opt_get(argc, argv, "abC:c:g:hjk:ln:t:Vw:")) != -1)
		switch (ch) {
		case 'a': r.all = 1; break;
		case 'b': r.bdays = 1; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'c': strv_add(&s.filter.circle, optarg); break;
		case 'g': strv_add(&s.filter.group, optarg); break;
		case 'j': json = 1; break;
		case 'k':
			if ((r.type = schema_type(optarg)) == -1)
				errx(2, "'%s': not a type (person or "
				    "community)", optarg);
			break;
		case 'l': lng = 1; break;
		case 'n':
			errno = 0;
			count = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || count < 0)
				errx(2, "'%s': not a count", optarg);
			break;
		case 't': strv_add(&s.filter.tag, optarg); break;
		case 'w':
			if (!dur_parse(optarg, &r.window))
				errx(2, "'%s': not a duration (like 3w, 2m, 1y)",
				    optarg);
			break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: usage();
		}
	argc -= optind;
	argv += optind;

	r.today = date_today();
	s.net = net = net_open(1);
	out_init(json);
	rv = contacts_each(&s, argc, argv, take, &r);
	if (r.n)	/* qsort of no array is undefined */
		qsort(r.v, r.n, sizeof *r.v, rank);
	if (count >= 0 && (size_t)count < r.n)
		for (i = count; i < r.n; i++) {
			contact_free(r.v[i].c);
			due_free(&r.v[i]);
		}
	if (count >= 0 && (size_t)count < r.n)
		r.n = count;
	for (i = 0; i < r.n; i++) {
		if (lng)
			due_long(net, &r.v[i], r.today, i == 0);
		else
			print(&r.v[i]);
		contact_free(r.v[i].c);
		due_free(&r.v[i]);
	}
	free(r.v);
	filter_free(&s.filter);
	net_free(net);
	return out_close() || rv;
}
