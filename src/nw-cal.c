/* nw-cal - log the meetings you had; who you meet next */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-cal [-n] [-C dir] [-f span] [-m address] [path ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -f span        log nothing: who you meet from today to span ahead\n"
    "  -m address     one of my addresses (repeats; instead of me:)\n"
    "  -n             print the entries it would add, change nothing\n";

struct run {
	struct capture	*cp;
	int		 from, to;
};

static int
readone(const char *path, void *arg)
{
	struct run *r = arg;

	return cal_read(r->cp, path, r->from, r->to);
}

int
main(int argc, char *argv[])
{
	struct run r;
	struct batch b = { 0 };
	struct strv me = { 0 };
	struct dur span = { 0, 0 };
	const char *fopt = NULL;
	char *msg;
	int ch, dry = 0, rv;

	while ((ch = opt_get(argc, argv, "C:f:hm:nV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'f': fopt = optarg; break;
		case 'm': strv_add(&me, optarg); break;
		case 'n': dry = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;

	if (fopt && !dur_parse(fopt, &span))
		errx(2, "'%s': not a span (like 1d, 1w, 2m)", fopt);
	b.net = net_open(1);
	b.refs.net = b.net;
	if (argc == 0 && !ref_stdin_usable())
		opt_usage(usage_text);
	r.cp = capture_new(b.net, me.n ? &me : net_me(b.net), 0);
	if (fopt) {
		r.from = date_today();
		r.to = date_add(r.from, span);
	} else {
		r.to = date_today();
		r.from = r.to - net_cal_days(b.net);
	}
	rv = ref_loop(argc, argv, readone, &r);
	if (rv == -1)
		opt_usage(usage_text);
	if (fopt)
		capture_ahead(r.cp);
	else {
		rv |= capture_log(r.cp, "meet", dry, &b);
		capture_summary(r.cp, "meet", dry);
	}
	if (b.ids.n) {
		msg = b.ids.n == 1 ? xasprintf("Log meetings with %s",
		    b.first) : xasprintf("Log meetings with %zu contacts",
		    b.ids.n);
		git_commit(b.net, b.ids.v, b.ids.n, msg);
		free(msg);
	}
	capture_free(r.cp);
	batch_free(&b);
	strv_free(&me);
	net_free(b.net);
	return exit_status(out_close() || rv);
}
