/* nw-check - lint contact files */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-check [-q] [-C dir] [ref ...]";

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct check ck = { 0 };
	struct strv ids = { 0 };
	size_t i;
	int ch, rv;

	while ((ch = getopt(argc, argv, "C:hqV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'q': ck.quiet = 1; break;
		case 'V': puts("nw-check " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;

	ck.net = net_open(1);
	ck.refs.net = ck.net;
	ck.out = stdout;
	rv = select_ids(&ck.refs, argc, argv, &ids);
	for (i = 0; i < ids.n; i++)
		check_file(&ck, ids.v[i]);
	return out_close() || rv || ck.nerr > 0;
}
