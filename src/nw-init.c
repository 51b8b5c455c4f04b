/* nw-init - create a network, or mend one's set-up */

#include <stdlib.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-init [-g] [-C dir] [dir]";

static const char options_text[] =
    "  -C dir         create the network in dir\n"
    "  -g             also make it a git repository set up for nw\n";

/* What the first commit takes: a contact nw-check passes, said quietly. */
static int
checked(const char *id, void *arg)
{
	return check_file(arg, id) == 0;
}

int
main(int argc, char *argv[])
{
	struct check *ck;
	struct refs refs = { 0 };
	struct net *net;
	int ch, g = 0;

	while ((ch = opt_get(argc, argv, "C:ghV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'g': g = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		opt_usage(usage_text);
	if (argc == 1)
		nw_dir_opt = argv[0];
	net = net_init();
	if (g) {
		refs.net = net;
		ck = check_new(&refs, stderr, 1);
		git_setup(net, checked, ck);
		check_free(ck);
		refs_free(&refs);
	}
	puts(net_dir(net));
	net_free(net);
	return exit_status(out_close());
}
