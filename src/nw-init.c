/* nw-init - create a network, or mend one's set-up */

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-init [-g] [-C dir] [dir]";

static const char settings_text[] =
    "# nw settings: see nw(5).  Uncomment a line to change it.\n"
    "#\n"
    "# How often to be in touch, by circle; a contact's `every:` wins.\n"
    "# circles: {inner: 3w, close: 2m, regular: 6m, outer: 1y}\n"
    "#\n"
    "# The cadence of a contact with neither `every` nor `circle`.\n"
    "# default: 1y\n"
    "#\n"
    "# How far ahead nw-due shows birthdays.\n"
    "# birthdays: 7d\n"
    "#\n"
    "# Commit each change when the network is a git repository.\n"
    "# autocommit: true\n";

static const char attributes_text[] = "*.yaml merge=nw\n";

/*
 * The pre-commit hook: nw-check on the staged contacts, and during a
 * merge, a contact changed on both sides whose staged text is this
 * machine's alone is refused when nw-merge would have taken something of
 * the other side's: a merge driver that did not run leaves exactly that,
 * with no conflict markers.  %s: the two programs, by absolute path.
 */
static const char hook_fmt[] =
    "#!/bin/sh\n"
    "# nw: check the contact files about to be committed\n"
    "check=%s merge=%s\n"
    "[ -x \"$check\" ] || check=$(command -v nw-check) || {\n"
    "\techo 'nw: nw-check is not installed: contacts not checked' >&2\n"
    "\texit 0\n"
    "}\n"
    "[ -x \"$merge\" ] || merge=$(command -v nw-merge) || merge=\n"
    "git diff --cached --name-only --diff-filter=ACMR -z -- '*.yaml' \\\n"
    "    ':!.*' ':!*/.*' | xargs -0 -r \"$check\" -q -C . || exit 1\n"
    "git rev-parse -q --verify MERGE_HEAD >/dev/null && [ -n \"$merge\" ] ||\n"
    "    exit 0\n"
    "base=$(git merge-base HEAD MERGE_HEAD) || exit 0\n"
    "tmp=$(mktemp -d) || exit 1\n"
    "trap 'rm -rf \"$tmp\"' EXIT\n"
    "git diff --name-only \"$base\" MERGE_HEAD -- '*.yaml' ':!.*' ':!*/.*' |\n"
    "while IFS= read -r f; do\n"
    "\tgit diff --quiet \"$base\" HEAD -- \"$f\" && continue\n"
    "\t[ \"$(git rev-parse -q --verify \":$f\")\" = \\\n"
    "\t    \"$(git rev-parse -q --verify \"HEAD:$f\")\" ] || continue\n"
    "\tgit show \"$base:$f\" >\"$tmp/b\" 2>/dev/null || : >\"$tmp/b\"\n"
    "\tgit show \"HEAD:$f\" >\"$tmp/o\" && cp \"$tmp/o\" \"$tmp/h\" &&\n"
    "\t    git show \"MERGE_HEAD:$f\" >\"$tmp/t\" || continue\n"
    "\t\"$merge\" \"$tmp/b\" \"$tmp/o\" \"$tmp/t\" >/dev/null 2>&1\n"
    "\tcmp -s \"$tmp/o\" \"$tmp/h\" && continue\n"
    "\techo \"$f: error: not merged: this machine's version only, the\" \\\n"
    "\t    \"other side's changes are missing (merge it again with nw-merge,\" \\\n"
    "\t    \"or commit with --no-verify to keep it so)\" >&2\n"
    "\texit 1\n"
    "done\n";

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

/* mkdir -p, new folders 0700 */
static void
mkdirs(const char *dir)
{
	char *p = xstrdup(dir), *s;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST)
			err(1, "'%s'", p);
		*s = '/';
	}
	if (mkdir(p, 0700) == -1 && errno != EEXIST)
		err(1, "'%s'", p);
	free(p);
}

/* Does text hold this line (a CR before its end allowed)? */
static int
hasline(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, line, n) == 0 && (p[n] == '\0' ||
		    p[n] == '\n' || (p[n] == '\r' && p[n + 1] == '\n')))
			return 1;
	return 0;
}

/* Write name with text unless it holds line already; 1 if written. */
static int
ensure(struct net *net, const char *name, const char *text,
    const char *line)
{
	char err[256], *old;
	size_t len;
	struct buf b = { 0 };
	char *path = xasprintf("%s/%s", net->dir, name);
	int rv = 0;

	if (access(path, F_OK) == -1) {
		if (safe_write(net_tmpdir(net), path, text, strlen(text), 1) == -1)
			exit(1);
		rv = 1;
	} else if (line) {
		if ((old = file_read(path, &len, err)) == NULL)
			errx(1, "'%s': %s", path, err);
		if (!hasline(old, line)) {
			buf_add(&b, old, len);
			if (b.len && b.s[b.len - 1] != '\n')
				buf_puts(&b, "\n");
			buf_puts(&b, line);
			buf_puts(&b, "\n");
			if (safe_write(net_tmpdir(net), path, b.s, b.len, 0) == -1)
				exit(1);
			rv = 1;
		}
		free(b.s);
		free(old);
	}
	free(path);
	return rv;
}

/* A path for the hook: quoted for sh, or '' when there is none. */
static char *
quoted_program(const char *name)
{
	struct buf b = { 0 };
	char *p = sys_program(name), *s;

	buf_puts(&b, "'");
	for (s = p ? p : ""; *s; s++)
		if (*s == '\'')
			buf_puts(&b, "'\\''");
		else
			buf_add(&b, s, 1);
	buf_puts(&b, "'");
	free(p);
	return b.s;
}

/* Our pre-commit hook, written or brought up to date; a user's own kept. */
static void
hook(struct net *net)
{
	char err[256], *hooks, *path, *old, *text, *check, *merge;
	size_t len;
	int ours;

	/* a network inside a larger repository gets no hook of ours */
	hooks = xasprintf("%s/.git/hooks", net->dir);
	path = xasprintf("%s/pre-commit", hooks);
	check = quoted_program("nw-check");
	merge = quoted_program("nw-merge");
	text = xasprintf(hook_fmt, check, merge);
	if (access(hooks, F_OK) == 0) {
		/* ours (its first comment says so) is brought up to date */
		old = file_read(path, &len, err);
		ours = old && strstr(old, "# nw: check the contact");
		if (old == NULL && access(path, F_OK) == -1) {
			if (safe_write(net_tmpdir(net), path, text,
			    strlen(text), 1) == 0)
				chmod(path, 0755);
		} else if (ours && strcmp(old, text) != 0)
			safe_write(net_tmpdir(net), path, text, strlen(text), 0);
		free(old);
	}
	free(text), free(check), free(merge);
	free(hooks), free(path);
}

/*
 * The first commit: the set-up files and every contact that passes
 * nw-check, so that a clone is the whole network.  Those that do not
 * pass are said, and left for the user to mend and commit.
 */
static void
first_commit(struct net *net)
{
	static const char *setup[] = { ".gitignore", ".gitattributes",
	    ".nw.yaml" };
	char *add[] = { "add", "--pathspec-from-file", NULL,
	    "--pathspec-file-nul", NULL };
	char *commit[] = { "commit", "-q", "-m", NULL, "--pathspec-from-file",
	    NULL, "--pathspec-file-nul", NULL };
	struct check ck = { 0 };
	struct buf list = { 0 };
	char **ids, *file, *msg;
	size_t n, i, ncontacts = 0, nbad = 0;

	for (i = 0; i < sizeof setup / sizeof setup[0]; i++)
		buf_add(&list, setup[i], strlen(setup[i]) + 1);
	ck.net = net;
	ck.refs.net = net;
	ck.out = stderr;
	ck.quiet = 1;
	net_list(net, &ids, &n, NULL);
	for (i = 0; i < n; i++) {
		if (check_file(&ck, ids[i]) == 0) {
			buf_printf(&list, "%s.yaml", ids[i]);
			buf_add(&list, "", 1);
			ncontacts++;
		} else
			nbad++;
		free(ids[i]);
	}
	free(ids);
	if (nbad)
		warnx("%zu contact%s left out of the first commit: mend "
		    "them, then commit", nbad, nbad == 1 ? "" : "s");
	file = xasprintf("%s/first-commit", net_tmpdir(net));
	unlink(file);
	if (safe_write(NULL, file, list.s, list.len, 1) == -1)
		exit(1);
	msg = ncontacts ? xasprintf("Start the network with %zu contact%s",
	    ncontacts, ncontacts == 1 ? "" : "s") :
	    xstrdup("Start the network");
	add[2] = commit[5] = file;
	commit[3] = msg;
	if (git_run(net, add, 1) != 0 || git_run(net, commit, 1) != 0)
		errx(1, "the first commit failed (is git's user.name set?)");
	unlink(file);
	free(file), free(msg), free(list.s);
	refs_free(&ck.refs);
}

static void
git_setup(struct net *net)
{
	char *init[] = { "init", "-q", NULL };
	char *probe[] = { "rev-parse", "--is-inside-work-tree", NULL };
	char *head[] = { "rev-parse", "-q", "--verify", "HEAD", NULL };
	char *getrebase[] = { "config", "--local", "--get", "pull.rebase",
	    NULL };
	/* the merge driver does the work: a pull merges, not rebases */
	char *rebase[] = { "config", "pull.rebase", "false", NULL };

	if (git_run(net, probe, 1) != 0 && git_run(net, init, 1) != 0)
		errx(1, "git init failed in '%s'", net->dir);
	ensure(net, ".gitattributes", attributes_text, "*.yaml merge=nw");
	if (git_set_driver(net, 0) != 0 || (git_run(net, getrebase, 1) != 0 &&
	    git_run(net, rebase, 1) != 0))
		errx(1, "cannot set up git for nw in '%s'", net->dir);
	hook(net);
	if (git_run(net, head, 1) != 0)
		first_commit(net);
}

int
main(int argc, char *argv[])
{
	struct net *net;
	int ch, g = 0;

	while ((ch = getopt(argc, argv, "C:ghV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'g': g = 1; break;
		case 'V': puts("nw-init " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;
	if (argc > 1)
		usage();
	if (argc == 1)
		nw_dir_opt = argv[0];
	net = net_open(0);
	mkdirs(net->dir);
	free(net);
	net = net_open(1);
	net_lock(net);		/* makes .nw/ too */
	ensure(net, ".nw.yaml", settings_text, NULL);
	ensure(net, ".gitignore", ".nw\n", ".nw");
	if (g)
		git_setup(net);
	puts(net->dir);
	return out_close();
}
