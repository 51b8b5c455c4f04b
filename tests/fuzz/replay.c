/*
 * replay - run a harness over inputs without libFuzzer.
 *
 * usage: fuzz-NAME [-v] file|dir ...
 *
 * Each file named, and each file below each folder named (in name
 * order), goes once through LLVMFuzzerTestOneInput.  -v names each input
 * on standard error before it runs, so that a crash says which one.
 */

#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"
#include "fuzz.h"

static int verbose;
static size_t ninputs;

static void
one(const char *path)
{
	size_t len;
	char err[256], *s, *exact;

	if ((s = file_read(path, &len, err)) == NULL)
		errx(2, "'%s': %s", path, err);
	/* as libFuzzer does: not one byte more, so overreads are seen */
	exact = xmalloc(len);
	memcpy(exact, s, len);
	free(s);
	if (verbose)
		fprintf(stderr, "replay: %s\n", path);
	LLVMFuzzerTestOneInput((const uint8_t *)exact, len);
	free(exact);
	ninputs++;
}

static int
byname(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
walk(const char *path)
{
	struct strv names = { 0 };
	struct dirent *de;
	struct stat st;
	size_t i;
	char *sub;
	DIR *dp;

	if (stat(path, &st) == -1)
		err(2, "'%s'", path);
	if (!S_ISDIR(st.st_mode)) {
		one(path);
		return;
	}
	if ((dp = opendir(path)) == NULL)
		err(2, "'%s'", path);
	while ((de = readdir(dp)) != NULL)
		if (de->d_name[0] != '.')
			strv_add(&names, de->d_name);
	closedir(dp);
	if (names.n)
		qsort(names.v, names.n, sizeof *names.v, byname);
	for (i = 0; i < names.n; i++) {
		sub = xasprintf("%s/%s", path, names.v[i]);
		walk(sub);
		free(sub);
	}
	strv_free(&names);
}

int
main(int argc, char *argv[])
{
	const char *prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 :
	    argv[0];
	int ch;

	while ((ch = getopt(argc, argv, "v")) != -1)
		switch (ch) {
		case 'v': verbose = 1; break;
		default:
			fprintf(stderr, "usage: %s [-v] file|dir ...\n",
			    prog);
			return 2;
		}
	argc -= optind;
	argv += optind;
	for (; argc > 0; argc--, argv++)
		walk(*argv);
	fprintf(stderr, "%s: %zu inputs\n", prog, ninputs);
	return 0;
}
