/*
 * nw-stats - the network's health at a glance.  stats.c sums up one walk,
 * statsout.c prints it (stats_run): a screen of labelled sections, TSV
 * lines whose first field names the section, or one JSON object; -p one
 * contact's months, -H a year of days.
 */

#include <stdlib.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-stats [-Hj] [-C dir] [-c circle] [-g group] [-p ref] "
    "[-t tag] [ref ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -c circle      only this circle (repeats: either)\n"
    "  -g group       only this group (repeats: either)\n"
    "  -H             a year of contact as a heat map of days\n"
    "  -j             print one JSON object\n"
    "  -p ref         one contact's months\n"
    "  -t tag         only this tag (repeats: either)\n";

int
main(int argc, char *argv[])
{
	struct scan s = { 0 };
	char *pref = NULL;
	int ch, heat = 0, jflag = 0, rv;

	while ((ch = opt_get(argc, argv, "C:c:g:Hhjp:t:V")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'c': strv_add(&s.filter.circle, optarg); break;
		case 'g': strv_add(&s.filter.group, optarg); break;
		case 'H': heat = 1; break;
		case 'j': jflag = 1; break;
		case 'p': pref = optarg; break;
		case 't': strv_add(&s.filter.tag, optarg); break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (pref && argc)
		opt_usage(usage_text);

	s.net = net_open(1);
	out_init(jflag);
	rv = stats_run(&s, argc, argv, heat, pref);
	filter_free(&s.filter);
	net_free(s.net);
	return out_close() || rv;
}
