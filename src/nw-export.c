/* nw-export - contacts as vCard, iCalendar, JSON, CSV or a graph (export.c) */

#include <err.h>
#include <stdlib.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-export [-3] [-A time] [-C dir] [-c circle] [-f format] "
    "[-g group]\n"
    "                 [-t tag] [ref ...]";

static const char options_text[] =
    "  -3             write vCard 3.0 instead of 4.0\n"
    "  -A time        iCalendar: an alarm at time (09:00) on each day, or none\n"
    "  -C dir         use the network in dir\n"
    "  -c circle      only this circle (repeats: either)\n"
    "  -f format      vcard (the default), ics, csv, json or dot\n"
    "  -g group       only this group (repeats: either)\n"
    "  -t tag         only this tag (repeats: either)\n";

int
main(int argc, char *argv[])
{
	struct scan s = { 0 };
	const char *alarm = NULL;
	int ch, rv, fmt = EX_VCARD, version = 4, min = 0;

	while ((ch = opt_get(argc, argv, "3A:C:c:f:g:ht:V")) != -1)
		switch (ch) {
		case '3': version = 3; break;
		case 'A': alarm = optarg; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'c': strv_add(&s.filter.circle, optarg); break;
		case 'f':
			if ((fmt = export_format(optarg)) == -1)
				errx(2, "'%s': not a format (vcard, ics, json, "
				    "csv, dot)", optarg);
			break;
		case 'g': strv_add(&s.filter.group, optarg); break;
		case 't': strv_add(&s.filter.tag, optarg); break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (version == 3 && fmt != EX_VCARD)
		errx(2, "-3 is for vCards");
	if (alarm && fmt != EX_ICS)
		errx(2, "-A is for iCalendar");
	if (alarm && !alarm_parse(alarm, &min))
		errx(2, "'%s': not a time (09:00) or none", alarm);

	s.net = net_open(1);
	if (alarm)
		net_set_alarm(s.net, min);
	rv = export_contacts(&s, argc, argv, fmt, version);
	filter_free(&s.filter);
	net_free(s.net);
	return out_close() || rv;
}
