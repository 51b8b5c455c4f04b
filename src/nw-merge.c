/* nw-merge - git merge driver for contact files */

#include <sys/stat.h>

#include <err.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-merge base ours theirs";

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

/* A file the entry-wise merge can read; else why not, on stderr. */
static int
readable(struct ydoc *d, const char *path, int empty_ok)
{
	if (d->root || (empty_ok && d->text && !d->err[0]))
		return 1;
	if (d->line)
		warnx("%s:%d:%d: %s", path, d->line, d->col, d->err[0] ?
		    d->err : "empty file");
	else
		warnx("'%s': %s", path, d->err[0] ? d->err : "empty file");
	return 0;
}

/*
 * git hands the driver copies at the top of the work tree, where the
 * temporary file of a write that a kill stopped would show in git status.
 * When that folder is a network, the file goes in its .nw/tmp instead,
 * where git never looks and the next write removes it.  Only the folder
 * is needed of the network: its settings may be half merged.
 */
static const char *
tmpdir_of(const char *ours)
{
	static struct net net = { .lockfd = -1 };
	struct stat st;
	char *copy, *nw;
	int ok;

	copy = xstrdup(ours);
	net.dir = xstrdup(dirname(copy));
	free(copy);
	nw = xasprintf("%s/.nw", net.dir);
	ok = lstat(nw, &st) == 0 && S_ISDIR(st.st_mode) &&
	    st.st_uid == geteuid();
	free(nw);
	return ok ? net_tmpdir(&net) : NULL;
}

int
main(int argc, char *argv[])
{
	struct merge m = { 0 };
	struct ydoc *d[3], *res;
	size_t i;
	int ch, ok, n, rv = 0;

	while ((ch = getopt(argc, argv, "hV")) != -1)
		switch (ch) {
		case 'V': puts("nw-merge " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;
	if (argc != 3)
		usage();

	for (i = 0; i < 3; i++)
		d[i] = ydoc_read(argv[i]);
	/* &, not &&: a word about each file that will not do */
	ok = readable(d[0], argv[0], 1) & readable(d[1], argv[1], 0) &
	    readable(d[2], argv[2], 0);
	if (ok && !(ok = merge_contact(d[0], d[1], d[2], &m)))
		warnx("%s", m.err);
	if (ok) {
		n = m.conflicts.n;
		for (i = 0; i < m.conflicts.n; i++)
			warnx("'%s': changed on both sides", m.conflicts.v[i]);
	} else {
		warnx("merging as plain text");
		if ((n = merge_plain(argv[0], argv[1], argv[2], &m)) == -1)
			errx(1, "%s; '%s' left as it was", m.err, argv[1]);
	}
	if (n == 0) {
		res = ydoc_parse(m.text, m.len);
		if (res->root == NULL || res->root->type != YMAP) {
			warnx("the merged text does not parse: %d:%d: %s",
			    res->line, res->col, res->err[0] ? res->err :
			    "the root is not a mapping");
			rv = 1;
		}
		ydoc_free(res);
	}
	if ((d[1]->text == NULL || m.len != d[1]->len ||
	    memcmp(m.text, d[1]->text, m.len)) &&
	    safe_write(tmpdir_of(argv[1]), argv[1], m.text, m.len, 0) == -1)
		rv = 1;
	for (i = 0; i < 3; i++)
		ydoc_free(d[i]);
	free(m.text);
	free(m.label[0]);
	free(m.label[1]);
	strv_free(&m.conflicts);
	return n > 0 ? 1 : rv;
}
