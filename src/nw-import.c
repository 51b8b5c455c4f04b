/*
 * nw-import - create contacts from vCards, LinkedIn, Google CSV, nw's own;
 * import.c does the work (import_files).
 */

#include <err.h>
#include <stdlib.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-import [-nu] [-C dir] [-f format] [file ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -f format      vcard, linkedin, google, csv or json (default: told)\n"
    "  -n             dry run: print what would happen, write nothing\n"
    "  -u             update: fill what is empty, add what is new\n";

int
main(int argc, char *argv[])
{
	static char *dash[] = { "-" };
	struct net *net;
	int ch, fmt = 0, dry = 0, update = 0, rv;

	while ((ch = opt_get(argc, argv, "C:f:hnuV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'f':
			if ((fmt = import_format(optarg)) == 0)
				errx(2, "'%s': not a format (vcard, linkedin, "
				    "google, csv, json)", optarg);
			break;
		case 'n': dry = 1; break;
		case 'u': update = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;

	net = net_open(1);
	out_init(0);
	if (argc == 0) {
		if (isatty(0))
			opt_usage(usage_text);
		argc = 1, argv = dash;
	}
	rv = import_files(net, argc, argv, fmt, dry, update);
	net_free(net);
	return exit_status(out_close() || rv);
}
