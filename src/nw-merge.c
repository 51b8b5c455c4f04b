/* nw-merge - git merge driver for contact files */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-merge base ours theirs";

static const char options_text[] =
    "";

int
main(int argc, char *argv[])
{
	int ch;

	while ((ch = opt_get(argc, argv, "hV")) != -1)
		switch (ch) {
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (argc != 3)
		opt_usage(usage_text);

	return merge_files(argv[0], argv[1], argv[2]);
}
