/* nw-log - append a log entry to contacts */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-log [-C dir] [-d date] [-k kind] [-m note] [-n next] "
    "[-N next-note] [ref ...]";

struct run {
	struct net	 *net;
	struct refs	  refs;
	char		 *item, *next, *kind;
	const char	 *nnote;
	char		**done;
	size_t		  ndone;
	char		 *firstname;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

static int
logone(const char *ref, void *arg)
{
	struct run *r = arg;
	struct contact *c = NULL;
	char *id;
	size_t i;

	if ((id = ref_resolve(&r->refs, ref)) == NULL)
		return 1;
	for (i = 0; i < r->ndone; i++)
		if (strcmp(r->done[i], id) == 0) {
			free(id);
			return 0;
		}
	if (change_log(r->net, id, r->item, r->next, r->nnote,
	    r->kind == NULL || strcmp(r->kind, "note") != 0, &c)) {
		free(id);
		return 1;
	}
	if (contact_isasked(r->kind) && c->nask > c->ngive)
		warnx("warning: asked %s %d time%s, gave %d", c->name, c->nask,
		    c->nask == 1 ? "" : "s", c->ngive);
	if (r->firstname == NULL)
		r->firstname = xstrdup(c->name);
	contact_free(c);
	puts(id);
	fflush(stdout);
	r->done = xrealloc(r->done, (r->ndone + 1) * sizeof *r->done);
	r->done[r->ndone++] = id;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct run r = { 0 };
	const char *dopt = NULL, *nopt = NULL, *note = NULL;
	char *msg, ds[11];
	int ch, today, date, next, rv;

	while ((ch = getopt(argc, argv, "C:d:hk:m:n:N:V")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'd': dopt = optarg; break;
		case 'k': r.kind = optarg; break;
		case 'm': note = optarg; break;
		case 'n': nopt = optarg; break;
		case 'N': r.nnote = optarg; break;
		case 'V': puts("nw-log " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;

	today = date_today();
	date = today;
	if (dopt && !date_parse_past(dopt, today, &date))
		errx(2, "'%s': not a date (YYYY-MM-DD, today, yesterday, "
		    "a weekday, 3d)", dopt);
	if (nopt && !date_parse_ahead(nopt, today, &next))
		errx(2, "'%s': not a date or a duration ahead (2w)", nopt);
	if (r.nnote && !nopt)
		errx(2, "-N needs -n");
	if (r.kind)
		opt_text('k', r.kind);
	if (r.kind && (*r.kind == '\0' || strpbrk(r.kind, "\n\t")))
		errx(2, "'%s': not a kind", r.kind);
	if (note)
		opt_text('m', note);
	if (r.nnote)
		opt_text('N', r.nnote);
	if (nopt)
		r.next = xstrdup(date_str(next, ds));
	r.item = change_logitem(date, r.kind, note);

	r.net = net_open(1);
	r.refs.net = r.net;
	if (argc == 0 && !ref_stdin_usable())
		usage();
	rv = ref_loop(argc, argv, logone, &r);
	if (rv == -1)
		usage();
	if (r.ndone) {
		msg = r.ndone == 1 ?
		    xasprintf("Log %s with %s", r.kind ? r.kind : "contact",
		    r.firstname) :
		    xasprintf("Log %s with %s and %zu others",
		    r.kind ? r.kind : "contact", r.firstname, r.ndone - 1);
		git_commit(r.net, r.done, r.ndone, msg);
		free(msg);
	}
	return out_close() || rv;
}
