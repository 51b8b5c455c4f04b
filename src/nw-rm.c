/* nw-rm - remove contacts */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-rm [-f] [-C dir] ref ...";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -f             remove even when another's met.via or rel names it\n";

struct run {
	int		 force;
	struct strv	 changed;	/* every file changed, for the commit */
	size_t		 removed;
};

static int
rmone(struct batch *b, const char *id, void *arg)
{
	struct run *r = arg;
	struct contact *c;
	char *name;

	c = contact_load(b->net, id, C_STRUCT);
	name = xstrdup(c->name ? c->name : id);
	contact_free(c);
	if (change_rm(b->net, id, r->force, &r->changed) == -1) {
		free(name);
		return 1;
	}
	batch_changed(b, id, name);
	r->removed++;
	free(name);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct batch b = { 0 };
	struct run r = { 0 };
	char *msg;
	int ch, rv;

	while ((ch = opt_get(argc, argv, "C:fhV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'f': r.force = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;

	b.net = net_open(1);
	if (argc == 0 && !ref_stdin_usable())
		opt_usage(usage_text);
	rv = batch_run(&b, argc, argv, rmone, &r);
	if (r.removed) {
		msg = r.removed == 1 ? xasprintf("Remove %s", b.first) :
		    xasprintf("Remove %s and %zu other%s", b.first,
		    r.removed - 1, r.removed == 2 ? "" : "s");
		git_commit(b.net, r.changed.v, r.changed.n, msg);
		free(msg);
	}
	strv_free(&r.changed);
	batch_free(&b);
	net_free(b.net);
	return exit_status(out_close() || rv == 1);
}
