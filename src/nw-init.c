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

static const char hook_text[] =
    "#!/bin/sh\n"
    "# nw: check the contact files about to be committed\n"
    "command -v nw-check >/dev/null 2>&1 || exit 0\n"
    "git diff --cached --name-only --diff-filter=ACMR -z -- '*.yaml' \\\n"
    "    ':!.*' ':!*/.*' | xargs -0 -r nw-check -q -C .\n";

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

static void
git_setup(struct net *net)
{
	char *init[] = { "init", "-q", NULL };
	char *probe[] = { "rev-parse", "--is-inside-work-tree", NULL };
	char *head[] = { "rev-parse", "-q", "--verify", "HEAD", NULL };
	char *drv[] = { "config", "merge.nw.driver", "nw-merge %O %A %B",
	    NULL };
	char *name[] = { "config", "merge.nw.name", "nw contact merge",
	    NULL };
	char *add[] = { "add", "--", ".gitignore", ".gitattributes",
	    ".nw.yaml", NULL };
	char *commit[] = { "commit", "-q", "-m", "Start the network", "--",
	    ".gitignore", ".gitattributes", ".nw.yaml", NULL };
	char *hooks, *hook;
	char err[256], *old;
	size_t len;
	int ours;

	if (git_run(net, probe, 1) != 0 && git_run(net, init, 1) != 0)
		errx(1, "git init failed in '%s'", net->dir);
	ensure(net, ".gitattributes", attributes_text, "*.yaml merge=nw");
	if (git_run(net, drv, 1) != 0 || git_run(net, name, 1) != 0)
		errx(1, "cannot set the merge driver");
	/* a network inside a larger repository gets no hook of ours */
	hooks = xasprintf("%s/.git/hooks", net->dir);
	hook = xasprintf("%s/pre-commit", hooks);
	if (access(hooks, F_OK) == 0) {
		/* ours (its first comment says so) is brought up to date */
		old = file_read(hook, &len, err);
		ours = old && strstr(old, "# nw: check the contact");
		if (old == NULL && access(hook, F_OK) == -1) {
			if (safe_write(net_tmpdir(net), hook, hook_text,
			    strlen(hook_text), 1) == 0)
				chmod(hook, 0755);
		} else if (ours && strcmp(old, hook_text) != 0)
			safe_write(net_tmpdir(net), hook, hook_text,
			    strlen(hook_text), 0);
		free(old);
	}
	free(hooks);
	free(hook);
	if (git_run(net, head, 1) != 0) {
		if (git_run(net, add, 1) != 0 || git_run(net, commit, 1) != 0)
			errx(1, "the first commit failed (is git's user.name "
			    "set?)");
	}
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
