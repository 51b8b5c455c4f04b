/* driver.c - nw-merge, the merge driver: git's side of the merge */

#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * git hands a merge driver three files; merge.c merges them as contacts,
 * this file does what concerns git: the names of the sides on the
 * markers (from what git merge and git rebase leave in the environment
 * and the git dir), the plain text merge of git merge-file when the
 * files are no contacts, and the result written over ours.
 */

extern char **environ;

/*
 * Run git (argv[0] is "git") in the current folder, its standard output
 * read into out, its standard error passed on unless quiet.  Its exit
 * status, or -1 with m->err saying why when its end is not known.
 */
static int
git_read(char **argv, int quiet, struct buf *out, struct merge *m)
{
	int rv = git_spawn(NULL, argv + 1, quiet, out, NULL);

	if (rv == -2)
		snprintf(m->err, sizeof m->err, "git %s was killed",
		    argv[1]);
	else if (rv == -1)
		snprintf(m->err, sizeof m->err, "cannot run git %s, or it "
		    "did not end well", argv[1]);
	return rv < 0 ? -1 : rv;
}

/* --- what the sides are called ------------------------------------- */

/*
 * The name git merge gives the one head it merges in, from the
 * GITHEAD_<hash>=<name> it sets for its strategies; *hash points at the
 * hash.  NULL with no such variable, or more than one.
 */
static const char *
githead(const char **hash, size_t *hlen)
{
	const char *found = NULL, *h, *eq;
	size_t i, n;

	for (i = 0; environ[i]; i++) {
		if (strncmp(environ[i], "GITHEAD_", 8) != 0)
			continue;
		h = environ[i] + 8;
		n = strspn(h, "0123456789abcdef");
		eq = h + n;
		if ((n != 40 && n != 64) || *eq != '=')
			continue;
		if (found)
			return NULL;
		found = eq + 1;
		*hash = h, *hlen = n;
	}
	return found;
}

/* The next line of *s, its line end cut off; NULL after the last. */
static char *
next_line(char **s)
{
	char *line = *s;
	size_t len;

	if (line == NULL || *line == '\0')
		return NULL;
	len = strcspn(line, "\n");
	*s = line + len + (line[len] != '\0');
	line[len] = '\0';
	return line;
}

/* A file of the repository's git dir, as git names it for this work tree. */
static char *
git_path(const char *name, struct merge *m)
{
	char *argv[] = { "git", "rev-parse", "--git-path", (char *)name, NULL };
	struct buf b = { 0 };

	if (git_read(argv, 1, &b, m) != 0 || b.len == 0) {
		free(b.s);
		return NULL;
	}
	b.s[strcspn(b.s, "\n")] = '\0';
	return b.s;
}

/*
 * A name for commit hash: the one remote-tracking branch at it (other
 * than a remote's HEAD), else how FETCH_HEAD describes it (git pull
 * fetched it: "branch 'main' of host:nw").  NULL when nothing says.
 */
static char *
hash_name(const char *hash, struct merge *m)
{
	char *argv[] = { "git", "for-each-ref", "--points-at", (char *)hash,
	    "--format=%(refname:short)", "refs/remotes/", NULL };
	struct buf b = { 0 };
	char *name = NULL, *line, *s, *path, *f, err[256];
	size_t len, hl = strlen(hash);

	if (git_read(argv, 1, &b, m) == 0)
		for (s = b.s; (line = next_line(&s)) != NULL;) {
			len = strlen(line);
			if (len >= 5 && strcmp(line + len - 5, "/HEAD") == 0)
				continue;
			if (name) {
				free(name);
				name = NULL;
				break;
			}
			name = xstrdup(line);
		}
	free(b.s);
	if (name || (path = git_path("FETCH_HEAD", m)) == NULL)
		return name;
	/* "<hash> TAB [not-for-merge] TAB <description>" a line */
	s = f = file_read(path, &len, err);
	while (name == NULL && (line = next_line(&s)) != NULL)
		if (strncmp(line, hash, hl) == 0 && line[hl] == '\t' &&
		    line[hl + 1] == '\t' && line[hl + 2] != '\0')
			name = xstrdup(line + hl + 2);
	free(f);
	free(path);
	return name;
}

/* The commit a rebase replays onto; NULL when no rebase is going on. */
static char *
rebase_onto(struct merge *m)
{
	char *argv[] = { "git", "rev-parse", "--git-path", "rebase-merge/onto",
	    "--git-path", "rebase-apply/onto", NULL };
	struct buf b = { 0 };
	char *path, *s, *f = NULL, err[256];
	size_t len, n = 0;

	if (git_read(argv, 1, &b, m) == 0)	/* else no git, no repository */
		for (s = b.s; f == NULL && (path = next_line(&s)) != NULL;)
			f = file_read(path, &len, err);
	free(b.s);
	if (f)
		n = strspn(f, "0123456789abcdef");
	if (n == 40 || n == 64)
		f[n] = '\0';
	else {
		free(f);
		f = NULL;
	}
	return f;
}

/* "side (name)", the name cut at a line break and to 100 bytes. */
static char *
named(const char *side, const char *name)
{
	size_t n;

	if (name == NULL)
		return xstrdup(side);
	for (n = 0; n < 100 && name[n] && (unsigned char)name[n] >= 0x20 &&
	    name[n] != 0x7f; n++)
		;
	if (n == 100)	/* not in the middle of a character */
		while (n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80)
			n--;
	return n ? xasprintf("%s (%.*s)", side, (int)n, name) : xstrdup(side);
}

/*
 * Name the sides for the markers.  In a merge (git merge, git pull)
 * ours is this machine's branch and theirs what git names the head it
 * merges in; a pull names a hash, looked up.  In a rebase (git pull
 * --rebase) the sides turn round: ours is what the rebase goes onto,
 * theirs this machine's commit.  Nothing known: plain "theirs".
 */
static void
names(struct merge *m)
{
	const char *name, *hash = NULL;
	char *h, *n = NULL;
	size_t hl = 0;

	if ((name = githead(&hash, &hl)) != NULL) {
		if (strlen(name) == hl && strncmp(name, hash, hl) == 0)
			name = n = hash_name(name, m);
		m->label[0] = named("ours", "this machine");
		m->label[1] = named("theirs", name);
	} else if ((h = rebase_onto(m)) != NULL) {
		n = hash_name(h, m);
		m->label[0] = named("ours", n);
		m->label[1] = named("theirs", "this machine");
		free(h);
	} else {
		m->label[0] = named("ours", "this machine");
		m->label[1] = named("theirs", NULL);
	}
	free(n);
	m->err[0] = '\0';	/* a lookup that failed is no error */
}

/*
 * The plain text merge of git merge-file, for files the merge above
 * cannot read: m->text the result.  The number of conflicts, or -1 with
 * m->err saying why.  Only a status git documents (0 clean, 1 to 127
 * conflicts) with some output is a result: anything else leaves m->text
 * NULL, so that ours is not replaced by what git did not give.
 */
int
merge_plain(const char *base, const char *ours, const char *theirs,
    struct merge *m)
{
	char *argv[] = { "git", "merge-file", "-p", "-L", NULL, "-L",
	    "base", "-L", NULL, "--", (char *)ours, (char *)base,
	    (char *)theirs, NULL };
	struct buf b = { 0 };
	int st;

	if (m->names == NULL)
		m->names = names;
	argv[4] = (char *)merge_label(m, 0);
	argv[8] = (char *)merge_label(m, 1);
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	st = git_read(argv, 0, &b, m);
	if (st > 127)
		snprintf(m->err, sizeof m->err, "git merge-file failed");
	else if (st >= 0 && b.len == 0)
		snprintf(m->err, sizeof m->err, "git merge-file gave no output");
	if (st < 0 || st > 127 || b.len == 0) {
		free(b.s);
		return -1;
	}
	m->text = b.s;
	m->len = b.len;
	return st;
}

/* --- nw-merge ------------------------------------------------------- */

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
 * nw-merge: merge theirs into ours (files as git hands them to a driver),
 * entry by entry when all three read as contacts, else as plain text.
 * OURS is replaced only by a result that was had in full.  The exit
 * status for git: 0 merged, 1 conflicts or a failure.
 */
int
merge_files(const char *base, const char *ours, const char *theirs)
{
	const char *path[3] = { base, ours, theirs };
	struct merge m = { .names = names };
	struct ydoc *d[3], *res;
	char *tmp;
	size_t i;
	int ok, n, rv = 0;

	for (i = 0; i < 3; i++)
		d[i] = ydoc_read(path[i]);
	/* &, not &&: a word about each file that will not do */
	ok = readable(d[0], base, 1) & readable(d[1], ours, 0) &
	    readable(d[2], theirs, 0);
	if (ok && !(ok = merge_contact(d[0], d[1], d[2], &m) == 0))
		warnx("%s", m.err);
	if (ok) {
		n = m.conflicts.n;
		for (i = 0; i < m.conflicts.n; i++)
			warnx("'%s': changed on both sides", m.conflicts.v[i]);
	} else {
		warnx("merging as plain text");
		if ((n = merge_plain(base, ours, theirs, &m)) == -1)
			errx(1, "%s; '%s' left as it was", m.err, ours);
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
	/* git's copies lie at the top of the work tree: a network's */
	tmp = dir_tmpdir(ours);
	if ((d[1]->text == NULL || m.len != d[1]->len ||
	    memcmp(m.text, d[1]->text, m.len)) &&
	    safe_write(tmp, ours, m.text, m.len, 0) == -1)
		rv = 1;
	free(tmp);
	for (i = 0; i < 3; i++)
		ydoc_free(d[i]);
	merge_free(&m);
	return n > 0 ? 1 : rv;
}
