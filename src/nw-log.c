/* nw-log - append a log entry to contacts */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-log [-D | -K] [-C dir] [-d date] [-k kind] [-m note] "
    "[-n next]\n"
    "              [-N next-note] [ref ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -D             the entry is the follow-up: done, next and next-note go\n"
    "  -d date        the date of the entry (default today)\n"
    "  -K             keep next and next-note: the follow-up stays\n"
    "  -k kind        the kind of the entry: call, email, meet...\n"
    "  -m note        the note of the entry\n"
    "  -N next-note   with -n: why to follow up\n"
    "  -n next        set next, the follow-up: a date, 2w, friday\n";

/*
 * An ask that leaves you owing (counting it, what you got and asked for
 * outnumbers what you gave): give first, and keep the ask easy, like what
 * you offer this person.
 */
static void
owing(struct net *net, struct contact *c)
{
	const struct strv *o = contact_offers(net, c);
	struct buf b = { 0 };
	size_t i;

	buf_printf(&b, "warning: you owe %s %d (gave %d, got %d, open asks "
	    "%d): give first", c->name, contact_owe(c), c->ngive, c->ngot,
	    c->nopen);
	for (i = 0; i < o->n; i++)
		buf_printf(&b, "%s%s", i == 0 ? "; keep asks easy, like " :
		    i + 1 == o->n ? " or " : ", ", o->v[i]);
	warnx_safe("%s", b.s);
	free(b.s);
}

static int
logone(struct batch *b, const char *id, void *arg)
{
	struct logentry *r = arg;
	struct contact *c = NULL;

	if (change_log(b->net, id, r, &c) == -1)
		return 1;
	if (contact_isasked(r->kind) && contact_owe(c) > 0)
		owing(b->net, c);
	batch_changed(b, id, c->name);
	contact_free(c);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct logentry r = { 0 };
	struct batch b = { 0 };
	const char *dopt = NULL, *nopt = NULL;
	char *verb, ds[11];
	int ch, today, next, rv;

	while ((ch = opt_get(argc, argv, "C:Dd:hKk:m:n:N:V")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'D': r.closes = 1; break;
		case 'd': dopt = optarg; break;
		case 'K': r.keep = 1; break;
		case 'k': r.kind = optarg; break;
		case 'm': r.note = optarg; break;
		case 'n': nopt = optarg; break;
		case 'N': r.nnote = optarg; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;

	today = date_today();
	r.date = today;
	if (dopt && !date_parse_past(dopt, today, &r.date))
		errx(2, "'%s': not a date (YYYY-MM-DD, today, yesterday, "
		    "a weekday, 3d)", dopt);
	if (r.date > today)
		errx(2, "'%s': a date after today: a log records what "
		    "happened (-n sets a follow-up)", dopt);
	if (nopt && !date_parse_ahead(nopt, today, &next))
		errx(2, "'%s': not a date or a duration ahead (2w)", nopt);
	if (r.closes && r.keep)
		opt_usage(usage_text);
	if (r.nnote && !nopt)
		errx(2, "-N needs -n");
	if (r.kind)
		opt_text('k', r.kind);
	if (r.kind && (*r.kind == '\0' || strpbrk(r.kind, "\n\t")))
		errx(2, "'%s': not a kind", r.kind);
	if (r.note)
		opt_text('m', r.note);
	if (r.nnote)
		opt_text('N', r.nnote);
	if (nopt)
		r.next = date_str(next, ds);

	b.net = net_open(1);
	if (argc == 0 && !ref_stdin_usable())
		opt_usage(usage_text);
	if ((rv = batch_run(&b, argc, argv, logone, &r)) == -1)
		opt_usage(usage_text);
	verb = xasprintf("Log %s with", r.kind ? r.kind : "contact");
	batch_commit(&b, verb);
	free(verb);
	batch_free(&b);
	free(r.done);
	net_free(b.net);
	return exit_status(out_close() || rv);
}
