/* nw-check - lint contact files */

#include <stdlib.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-check [-Dqv] [-C dir] [ref ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -D             list probable duplicates, a pair a line\n"
    "  -q             print the errors only, not the warnings\n"
    "  -v             name every file readable by others, not three\n";

int
main(int argc, char *argv[])
{
	struct check *ck;
	struct refs refs = { 0 };
	struct net *net;
	int ch, rv, dups = 0, quiet = 0, verbose = 0;

	while ((ch = opt_get(argc, argv, "C:DhqVv")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'D': dups = 1; break;
		case 'q': quiet = 1; break;
		case 'V': return opt_version();
		case 'v': verbose = 1; break;
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;

	refs.net = net = net_open(1);
	ck = check_new(&refs, stdout, quiet);
	if (dups && argc)
		opt_usage(usage_text);
	if (dups)
		out_init(0);
	rv = check_run(ck, argc, argv, verbose, dups);
	check_free(ck);
	refs_free(&refs);
	net_free(net);
	return out_close() || rv;
}
