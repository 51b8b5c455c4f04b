/* nw-due - who is due for contact, most urgent first */

#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-due [-abjl] [-C dir] [-c circle] [-g group] [-k type] "
    "[-n count]\n"
    "              [-t tag] [-w window] [ref ...]";

static const char options_text[] =
    "  -a             list every contact, due or not\n"
    "  -b             also birthdays and dates coming up\n"
    "  -C dir         use the network in dir\n"
    "  -c circle      only this circle (repeats: either)\n"
    "  -g group       only this group (repeats: either)\n"
    "  -j             print JSON Lines\n"
    "  -k type        only people or only communities: person, community\n"
    "  -l             the long form: what to say, under each row\n"
    "  -n count       print at most count rows, the most urgent\n"
    "  -t tag         only this tag (repeats: either)\n"
    "  -w window      also those due within window: 3d, 2w\n";

int
main(int argc, char *argv[])
{
	struct scan s = { 0 };
	struct dues *r;
	struct dur window = { 0, 'd' };
	struct net *net;
	char *end;
	long count = -1;
	int ch, json = 0, lng = 0, all = 0, bdays = 0, type = -1, rv;

	while ((ch = opt_get(argc, argv, "abC:c:g:hjk:ln:t:Vw:")) != -1)
		switch (ch) {
		case 'a': all = 1; break;
		case 'b': bdays = 1; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'c': strv_add(&s.filter.circle, optarg); break;
		case 'g': strv_add(&s.filter.group, optarg); break;
		case 'j': json = 1; break;
		case 'k':
			if ((type = schema_type(optarg)) == -1)
				errx(2, "'%s': not a type (person or "
				    "community)", optarg);
			break;
		case 'l': lng = 1; break;
		case 'n':
			errno = 0;
			count = strtol(optarg, &end, 10);
			if (errno || *end || end == optarg || count < 0)
				errx(2, "'%s': not a count", optarg);
			break;
		case 't': strv_add(&s.filter.tag, optarg); break;
		case 'w':
			if (!dur_parse(optarg, &window))
				errx(2, "'%s': not a duration (like 3w, 2m, 1y)",
				    optarg);
			break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;

	r = dues_new(date_today(), all, bdays, type, window);
	s.net = net = net_open(1);
	out_init(json);
	rv = contacts_each(&s, argc, argv, dues_take, r);
	dues_print(r, net, count, lng);
	dues_free(r);
	filter_free(&s.filter);
	net_free(net);
	return out_close() || rv;
}
