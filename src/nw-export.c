/* nw-export - contacts as vCard, iCalendar, JSON or CSV */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-export [-3] [-C dir] [-f format] [ref ...]";

static const char options_text[] =
    "  -3             write vCard 3.0 instead of 4.0\n"
    "  -C dir         use the network in dir\n"
    "  -f format      vcard (the default), ics, csv or json\n";

enum { F_VCARD, F_ICS, F_JSON, F_CSV };

struct export {
	int		 fmt, version, today;
	struct buf	 b;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

static int
one(struct scan *s, struct contact *c, void *arg)
{
	struct export *x = arg;

	x->b.len = 0;
	if (x->fmt == F_VCARD)
		vcard_write(&x->b, c, x->version);
	else if (x->fmt == F_ICS)
		ical_contact(&x->b, s->net, c, x->today);
	else if (x->fmt == F_JSON)
		json_contact(stdout, s->net, c, x->today);
	else
		csv_contact(stdout, s->net, c, x->today);
	fwrite(x->b.s ? x->b.s : "", 1, x->b.len, stdout);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const char *formats[] = { "vcard", "ics", "json", "csv",
	    NULL };
	struct export x = { F_VCARD, 4, 0, { 0 } };
	struct scan s = { 0 };
	int ch, rv;

	while ((ch = opt_get(argc, argv, "3C:f:hV")) != -1)
		switch (ch) {
		case '3': x.version = 3; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'f':
			for (x.fmt = 0; formats[x.fmt]; x.fmt++)
				if (strcmp(formats[x.fmt], optarg) == 0)
					break;
			if (formats[x.fmt] == NULL)
				errx(2, "'%s': not a format (vcard, ics, json, "
				    "csv)", optarg);
			break;
		case 'V': puts("nw-export " NW_VERSION); return 0;
		case 'h': return opt_help(usage_text, options_text);
		default: usage();
		}
	argc -= optind;
	argv += optind;
	if (x.version == 3 && x.fmt != F_VCARD)
		errx(2, "-3 is for vCards");

	x.today = date_today();
	s.net = net_open(1);
	s.flags = C_KEYS;
	if (x.fmt == F_ICS)
		ical_begin(&x.b);
	else if (x.fmt == F_CSV)
		csv_header(stdout);
	fwrite(x.b.s ? x.b.s : "", 1, x.b.len, stdout);
	rv = contacts_each(&s, argc, argv, one, &x);
	if (x.fmt == F_ICS) {
		x.b.len = 0;
		ical_end(&x.b);
		fwrite(x.b.s, 1, x.b.len, stdout);
	}
	free(x.b.s);
	net_free(s.net);
	return out_close() || rv;
}
