/* opt.c - the options every command shares: --help, --version, "--" */

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

int	opt_dashes;

/*
 * getopt(3) that also knows --help and --version, as -h and -V: every
 * command takes both spellings (sys_getopt, since getopt_long is not
 * POSIX's).
 */
int
opt_get(int argc, char *const argv[], const char *opts)
{
	int ch;

	ch = sys_getopt(argc, argv, opts);
	if (ch == -1)
		opt_dashes = optind > 1 && strcmp(argv[optind - 1], "--") == 0;
	return ch;
}

/*
 * What -h and -V print goes to stdout, before out.c has a row: flushed
 * here, so that a full disk is an exit status of 1 (out_close's rule,
 * without calling up to out.c).
 */
static int
opt_flush(void)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		warn("stdout");
		return 1;
	}
	return 0;
}

/* A usage error: the usage on standard error, exit status 2. */
void
opt_usage(const char *usage)
{
	fprintf(stderr, "%s\n", usage);
	exit(2);
}

/*
 * -h and --help: the usage, then one line an option (each command's own,
 * then -h and -V).  The exit status: 0, or 1 when stdout failed.
 */
int
opt_help(const char *usage, const char *options)
{
	printf("%s\n\n%s", usage, options);
	printf("  -h, --help     print this help and exit\n"
	    "  -V, --version  print the version and exit\n");
	return opt_flush();
}

/*
 * -V and --version: the program's own name and nw's one version
 * (NW_VERSION in nw.h), for every command alike.
 */
int
opt_version(void)
{
	printf("%s %s\n", sys_progname(), NW_VERSION);
	return opt_flush();
}

/*
 * The text of an option goes into a contact file: valid UTF-8, no
 * carriage return.  Else a usage error that names the option, before any
 * file is touched.
 */
void
opt_text(int opt, const char *s)
{
	if (!utf8_valid(s, strlen(s), NULL))
		errx(2, "-%c: not UTF-8 text", opt);
	if (strchr(s, '\r'))
		errx(2, "-%c: a carriage return cannot go in a contact", opt);
}
