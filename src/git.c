/* git.c - run git in the network, commit what a command changed */

#include <sys/stat.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

extern char **environ;

static void
drain(int fd, struct buf *b)
{
	char chunk[8192];
	ssize_t r;

	while ((r = read(fd, chunk, sizeof chunk)) != 0) {
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			break;
		if (b)
			buf_add(b, chunk, r);
	}
	close(fd);
}

/*
 * Run git with an argument vector (no shell), in dir when given, with
 * GIT_DIR and GIT_WORK_TREE unset.  Its standard output goes to out and
 * its standard error to errout when they are given, else to /dev/null
 * when quiet, else to ours.  Its exit status; -1 when it could not run or
 * its end could not be known, -2 when a signal killed it.  SIGCHLD is set
 * to its default meanwhile: with it ignored, the kernel reaps the child
 * and its status is lost.
 */
int
git_spawn(const char *dir, char **args, int quiet, struct buf *out,
    struct buf *errout)
{
	posix_spawn_file_actions_t fa;
	struct sigaction dfl, old;
	char **argv;
	size_t n, i;
	pid_t pid;
	int st, po[2] = { -1, -1 }, pe[2] = { -1, -1 }, rv = -1;

	for (n = 0; args[n]; n++)
		;
	argv = xcalloc(n + 4, sizeof *argv);
	i = 0;
	argv[i++] = "git";
	if (dir) {
		argv[i++] = "-C";
		argv[i++] = (char *)dir;
	}
	memcpy(argv + i, args, (n + 1) * sizeof *argv);
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	if ((out && pipe(po) == -1) || (errout && pipe(pe) == -1)) {
		free(argv);
		return -1;
	}
	posix_spawn_file_actions_init(&fa);
	if (quiet || out || errout)
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null",
		    O_RDONLY, 0);
	if (out) {
		posix_spawn_file_actions_adddup2(&fa, po[1], 1);
		posix_spawn_file_actions_addclose(&fa, po[0]);
		posix_spawn_file_actions_addclose(&fa, po[1]);
	} else if (quiet)
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null",
		    O_WRONLY, 0);
	if (errout) {
		posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
		posix_spawn_file_actions_addclose(&fa, pe[0]);
		posix_spawn_file_actions_addclose(&fa, pe[1]);
	} else if (quiet)
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null",
		    O_WRONLY, 0);
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGCHLD, &dfl, &old);
	st = posix_spawnp(&pid, "git", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	free(argv);
	if (out)
		close(po[1]);
	if (errout)
		close(pe[1]);
	if (st != 0) {
		if (out)
			close(po[0]);
		if (errout)
			close(pe[0]);
		sigaction(SIGCHLD, &old, NULL);
		return -1;
	}
	/* one pipe at a time: git's messages are short, its output ends */
	if (errout && !out)
		drain(pe[0], errout);
	if (out)
		drain(po[0], out);
	if (errout && out)
		drain(pe[0], errout);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			goto done;
	rv = WIFEXITED(st) ? WEXITSTATUS(st) : -2;
done:
	sigaction(SIGCHLD, &old, NULL);
	return rv;
}

/* Run git in the network; its exit status, -1 when it did not run. */
int
git_run(struct net *net, char **args, int quiet)
{
	return git_spawn(net->dir, args, quiet, NULL, NULL);
}

/* The first line of what git said, for a message of ours. */
static const char *
firstline(struct buf *b)
{
	size_t n;

	if (b->s == NULL)
		return "no message";
	n = strcspn(b->s, "\n");
	b->s[n] = '\0';
	while (n > 0 && (b->s[n - 1] == '\r' || b->s[n - 1] == ' '))
		b->s[--n] = '\0';
	return n ? b->s : "no message";
}

/*
 * Is the network a git work tree, and is git in the middle of something
 * (a merge, a rebase) that a commit of ours would break into?  1 when a
 * commit may go ahead; 0 when not a repository or busy, said when busy.
 */
static int
git_ready(struct net *net)
{
	static const struct { const char *file, *what; } busy[] = {
		{ "MERGE_HEAD", "a merge" }, { "rebase-merge", "a rebase" },
		{ "rebase-apply", "a rebase" },
		{ "CHERRY_PICK_HEAD", "a cherry-pick" },
		{ "REVERT_HEAD", "a revert" },
	};
	char *args[] = { "rev-parse", "--is-inside-work-tree",
	    "--absolute-git-dir", NULL };
	struct buf out = { 0 };
	struct stat st;
	char *gitdir, *p;
	size_t i;
	int ok;

	ok = git_spawn(net->dir, args, 1, &out, NULL) == 0 && out.s &&
	    strncmp(out.s, "true\n", 5) == 0;
	if (!ok) {
		free(out.s);
		return 0;
	}
	gitdir = out.s + 5;
	gitdir[strcspn(gitdir, "\n")] = '\0';
	for (i = 0; i < sizeof busy / sizeof busy[0]; i++) {
		p = xasprintf("%s/%s", gitdir, busy[i].file);
		ok = lstat(p, &st) == -1;
		free(p);
		if (!ok) {
			warnx("git is in the middle of %s: nothing committed "
			    "(finish it, then commit)", busy[i].what);
			break;
		}
	}
	free(out.s);
	return ok;
}

/*
 * Paths as pathspecs that match those files alone, into v: "c*.yaml" or
 * "c[y].yaml" is a contact's name, never a pattern that takes others'.
 * Not git's --literal-pathspecs: git hands it on to the hooks, whose own
 * patterns ('*.yaml') it would turn off, and check-ignore refuses it.
 */
static void
literal(char **v, char **paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = xasprintf(":(literal)%s", paths[i]);
}

static void
literal_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
}

/* Do these paths differ from HEAD in the index? */
static int
staged(struct net *net, char **paths, size_t n)
{
	char **args = xcalloc(n + 6, sizeof *args);
	int rv;

	args[0] = "diff";
	args[1] = "--cached";
	args[2] = "--quiet";
	args[3] = "--";
	literal(args + 4, paths, n);
	rv = git_run(net, args, 1) == 1;
	literal_free(args + 4, n);
	free(args);
	return rv;
}

/*
 * Of paths that are gone from the work tree, stage the removal of those
 * git knows, and put those that HEAD holds in keep: a commit can name
 * them.  One never committed and now gone is nothing to git.
 */
static void
gone(struct net *net, char **paths, size_t n, struct strv *keep)
{
	char **args = xcalloc(n + 7, sizeof *args);
	struct buf out = { 0 };
	size_t off;

	args[0] = "rm", args[1] = "-q", args[2] = "--cached";
	args[3] = "--ignore-unmatch", args[4] = "--";
	literal(args + 5, paths, n);
	git_run(net, args, 1);
	args[0] = "ls-tree", args[1] = "-z", args[2] = "--name-only";
	args[3] = "HEAD", args[4] = "--";
	if (git_spawn(net->dir, args, 1, &out, NULL) == 0)
		for (off = 0; off < out.len; off += strlen(out.s + off) + 1)
			strv_add(keep, out.s + off);
	literal_free(args + 5, n);
	free(out.s);
	free(args);
}

/*
 * What the index holds of the paths a and b, before nw changes it: each
 * entry as "mode,object,path" for update-index --cacheinfo (its path from
 * the top of the work tree) in had, the paths it has not in none.  0, or
 * -1 when git would not say.
 */
static int
index_save(struct net *net, struct strv *a, struct strv *b, struct strv *had,
    struct strv *none)
{
	char *prefix[] = { "rev-parse", "--show-prefix", NULL };
	char **args = xcalloc(a->n + b->n + 6, sizeof *args);
	struct buf pre = { 0 }, out = { 0 };
	struct strv seen = { 0 };
	char *p, *end, *tab, *sp;
	size_t i, n = a->n + b->n;
	int rv = -1;

	args[0] = "ls-files", args[1] = "-s", args[2] = "-z";
	args[3] = "--";
	literal(args + 4, a->v, a->n);
	literal(args + 4 + a->n, b->v, b->n);
	if (git_spawn(net->dir, prefix, 1, &pre, NULL) != 0 ||
	    git_spawn(net->dir, args, 1, &out, NULL) != 0)
		goto done;
	if (pre.s)
		pre.s[strcspn(pre.s, "\n")] = '\0';
	/* "mode object stage\tpath\0": an unmerged path is refused before */
	for (p = out.s; p && p < out.s + out.len; p = end + 1) {
		end = p + strlen(p);
		if ((tab = strchr(p, '\t')) == NULL ||
		    (sp = strrchr(p, ' ')) == NULL || sp > tab)
			continue;
		strv_add(&seen, tab + 1);
		if (strncmp(sp, " 0\t", 3) != 0)
			continue;
		*sp = '\0';
		*strchr(p, ' ') = ',';
		sp = xasprintf("%s,%s%s", p, pre.s ? pre.s : "", tab + 1);
		strv_add(had, sp);
		free(sp);
	}
	for (i = 0; i < n; i++) {
		p = i < a->n ? a->v[i] : b->v[i - a->n];
		if (!strv_has(&seen, p))
			strv_add(none, p);
	}
	rv = 0;
done:
	literal_free(args + 4, n);
	free(args);
	free(pre.s);
	free(out.s);
	strv_free(&seen);
	return rv;
}

/* The index as index_save found it, for the paths it saw. */
static void
index_restore(struct net *net, struct strv *had, struct strv *none)
{
	char **args;
	size_t i;

	if (none->n) {
		args = xcalloc(none->n + 6, sizeof *args);
		args[0] = "rm", args[1] = "-q", args[2] = "--cached";
		args[3] = "--ignore-unmatch", args[4] = "--";
		literal(args + 5, none->v, none->n);
		git_run(net, args, 1);
		literal_free(args + 5, none->n);
		free(args);
	}
	if (had->n) {
		args = xcalloc(2 * had->n + 3, sizeof *args);
		args[0] = "update-index", args[1] = "--add";
		for (i = 0; i < had->n; i++) {
			args[2 + 2 * i] = "--cacheinfo";
			args[3 + 2 * i] = had->v[i];
		}
		git_run(net, args, 1);
		free(args);
	}
}

/*
 * Commit exactly the files of these ids, when the network is a git work
 * tree and autocommit is on: those changed or created, and those removed
 * or renamed away.  "git commit -- paths" leaves whatever else the user
 * staged alone.  No git, or no repository, is no error; git busy with a
 * merge or a rebase, or failing, is said once, with git's own words.
 * When no commit is made, the index is left as it was before (a file
 * nw staged would go into the user's next commit).
 */
void
git_commit(struct net *net, char **ids, size_t n, const char *msg)
{
	char *ignored[] = { "check-ignore", "-q", "--", NULL, NULL };
	struct strv here = { 0 }, away = { 0 }, commit = { 0 };
	struct strv had = { 0 }, none = { 0 };
	struct buf gerr = { 0 };
	struct stat st;
	char **args = NULL, **add, *path, *rel;
	size_t i;
	int ok = 1, saved = 0;

	if (!net->autocommit || n == 0)
		return;
	net_lock(net);		/* one git index for parallel commands */
	if (!git_ready(net)) {
		net_unlock(net);
		return;
	}
	for (i = 0; i < n; i++) {
		rel = xasprintf("%s.yaml", ids[i]);
		path = net_path(net, ids[i]);
		strv_add(lstat(path, &st) == 0 ? &here : &away, rel);
		free(path);
		free(rel);
	}
	if (away.n) {
		saved = index_save(net, &here, &away, &had, &none) == 0;
		gone(net, away.v, away.n, &commit);
	}
	for (i = 0; i < here.n; i++)
		strv_add(&commit, here.v[i]);
	if (commit.n == 0)	/* never committed and gone: nothing to git */
		goto done;
	args = xcalloc(commit.n + 6, sizeof *args);
	args[0] = "commit";
	args[1] = "-q";
	args[2] = "-m";
	args[3] = (char *)msg;
	args[4] = "--";
	literal(args + 5, commit.v, commit.n);
	/*
	 * git commit -- paths takes the work tree's version of the paths it
	 * knows, nothing else staged: one run of git, which on a large
	 * network reads its index once instead of three times.  It fails for
	 * a path git does not know yet (a new contact), when nothing
	 * differs, and when the hook refuses: then add, see what is staged,
	 * and commit again, saying why when that fails too.
	 */
	if (git_spawn(net->dir, args, 1, NULL, &gerr) == 0)
		goto done;
	if (here.n) {
		if (!saved)
			saved = index_save(net, &here, &away, &had, &none) == 0;
		add = xcalloc(here.n + 3, sizeof *add);
		add[0] = "add";
		add[1] = "--";
		literal(add + 2, here.v, here.n);
		gerr.len = 0;
		if (git_spawn(net->dir, add, 1, NULL, &gerr) != 0) {
			/* a larger repository that ignores the network */
			ignored[3] = here.v[0];
			if (git_run(net, ignored, 1) != 0)
				warnx_safe("nothing committed: git add: %s",
				    firstline(&gerr));
			ok = 0;
		}
		literal_free(add + 2, here.n);
		free(add);
	}
	gerr.len = 0;
	if (!ok || !staged(net, commit.v, commit.n))
		;
	else if (git_spawn(net->dir, args, 1, NULL, &gerr) == 0)
		goto done;
	else
		warnx_safe("nothing committed: git commit: %s",
		    firstline(&gerr));
	if (saved)
		index_restore(net, &had, &none);
done:
	if (args)
		literal_free(args + 5, commit.n);
	strv_free(&here);
	strv_free(&away);
	strv_free(&commit);
	strv_free(&had);
	strv_free(&none);
	free(args);
	free(gerr.s);
	net_unlock(net);
}

/* s quoted for sh: 'it'\''s' */
static void
shquote(struct buf *b, const char *s)
{
	buf_puts(b, "'");
	for (; *s; s++)
		if (*s == '\'')
			buf_puts(b, "'\\''");
		else
			buf_add(b, s, 1);
	buf_puts(b, "'");
}

/* The program a driver command runs: its first word, unquoted. */
static char *
driver_program(const char *cmd)
{
	struct buf b = { 0 };

	buf_puts(&b, "");
	for (; *cmd && *cmd != ' '; cmd++) {
		if (*cmd == '\'') {
			while (*++cmd && *cmd != '\'')
				buf_add(&b, cmd, 1);
			if (*cmd == '\0')
				break;
		} else if (*cmd == '\\' && cmd[1])
			buf_add(&b, ++cmd, 1);
		else
			buf_add(&b, cmd, 1);
	}
	return b.s;
}

/*
 * Point git's merge driver for contacts at nw-merge by its absolute path,
 * so that git finds it wherever it runs: cron, a GUI, an IDE, a shell
 * whose PATH lacks nw.  With stale_only, only a driver that is set and
 * whose program is gone is pointed anew (and that is said).  0 when done
 * or nothing to do, -1 when git would not take it.
 */
int
git_set_driver(struct net *net, int stale_only)
{
	char *get[] = { "config", "--get", "merge.nw.driver", NULL };
	char *set[] = { "config", "merge.nw.driver", NULL, NULL };
	char *name[] = { "config", "merge.nw.name", "nw contact merge",
	    NULL };
	struct buf cur = { 0 }, cmd = { 0 };
	char *merge, *old = NULL;
	int rv = 0;

	if ((merge = sys_program("nw-merge")) != NULL)
		shquote(&cmd, merge);
	else
		buf_puts(&cmd, "nw-merge");
	buf_puts(&cmd, " %O %A %B");
	if (stale_only) {
		if (git_spawn(net->dir, get, 1, &cur, NULL) != 0 ||
		    cur.s == NULL) {
			free(cur.s), free(cmd.s), free(merge);
			return 0;	/* not set up for nw merges */
		}
		cur.s[strcspn(cur.s, "\n")] = '\0';
		old = driver_program(cur.s);
		if (strcmp(cur.s, cmd.s) == 0 || merge == NULL ||
		    (*old == '/' && access(old, X_OK) == 0) || (*old != '/' &&
		    strcmp(old, "nw-merge") != 0))
			goto done;
	}
	set[2] = cmd.s;
	if (git_run(net, set, 1) != 0 || git_run(net, name, 1) != 0)
		rv = -1;
	else if (stale_only)
		warnx("the merge driver ran '%s', which is not there: it now "
		    "runs '%s'", old, merge);
done:
	free(old);
	free(cur.s);
	free(cmd.s);
	free(merge);
	return rv;
}

/*
 * The contacts git holds unmerged in its index (a merge that stopped with
 * conflicts), as ids, added to ids; those one side deleted and the other
 * changed (no version of ours or none of theirs) also to deleted, when
 * given.  0, or -1 when not a repository.
 */
int
git_unmerged(struct net *net, struct strv *ids, struct strv *deleted)
{
	char *args[] = { "ls-files", "--unmerged", "-z", "--", NULL };
	struct buf out = { 0 };
	struct strv sides = { 0 };	/* the stages 2 and 3 of each */
	char *p, *name, *end, *tab;
	size_t n, i;

	if (git_spawn(net->dir, args, 1, &out, NULL) != 0) {
		free(out.s);
		return -1;
	}
	/* "mode sha stage\tpath\0", once for each stage a path has */
	for (p = out.s; p && p < out.s + out.len; p = end + 1) {
		end = p + strlen(p);
		if ((tab = strchr(p, '\t')) == NULL)
			continue;
		name = tab + 1;
		n = strlen(name);
		if (n > 5 && strcmp(name + n - 5, ".yaml") == 0) {
			name[n - 5] = '\0';
			if (!strv_has(ids, name))
				strv_add(ids, name);
			if (tab[-1] == '2' || tab[-1] == '3')
				strv_add(&sides, name);
		}
	}
	/* a path with one side is a modify/delete conflict */
	for (i = 0; deleted && i < sides.n; i++)
		if ((i == 0 || strcmp(sides.v[i], sides.v[i - 1]) != 0) &&
		    (i + 1 == sides.n || strcmp(sides.v[i], sides.v[i + 1]) != 0))
			strv_add(deleted, sides.v[i]);
	strv_free(&sides);
	free(out.s);
	return 0;
}

/*
 * The contact files that the last commit has and the work tree lacks,
 * staged or not, as paths from the network's folder, added to paths: a
 * removal that autocommit did not commit (nw-check).  0, or -1 when not
 * a repository or one with no commit.
 */
int
git_removed(struct net *net, struct strv *paths)
{
	char *args[] = { "diff", "--name-only", "--relative", "--no-renames",
	    "--diff-filter=D", "-z", "HEAD", "--", "*.yaml", ":!.*",
	    ":!*/.*", NULL };
	struct buf out = { 0 };
	size_t off;

	if (git_spawn(net->dir, args, 1, &out, NULL) != 0) {
		free(out.s);
		return -1;
	}
	for (off = 0; off < out.len; off += strlen(out.s + off) + 1)
		strv_add(paths, out.s + off);
	free(out.s);
	return 0;
}

/* --- a repository set up for nw ------------------------------------------ */

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
    "    ':!.*' ':!*/.*' | xargs -0 -r \"$check\" -q -C . -- || exit 1\n"
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
			    strlen(text), 1) != -1)
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
 * nw-check (the caller's pass(), so that git.c stays below the checker),
 * so that a clone is the whole network.  Those that do not pass are
 * said, and left for the user to mend and commit.
 */
static void
first_commit(struct net *net, int (*pass)(const char *, void *), void *arg)
{
	static const char *setup[] = { ".gitignore", ".gitattributes",
	    ".nw.yaml" };
	char *add[] = { "add", "--pathspec-from-file", NULL,
	    "--pathspec-file-nul", NULL };
	char *commit[] = { "commit", "-q", "-m", NULL, "--pathspec-from-file",
	    NULL, "--pathspec-file-nul", NULL };
	struct buf list = { 0 };
	char **ids, *file, *msg;
	size_t n, i, ncontacts = 0, nbad = 0;

	/* literal pathspecs, as everywhere (literal()) */
	for (i = 0; i < sizeof setup / sizeof setup[0]; i++) {
		buf_printf(&list, ":(literal)%s", setup[i]);
		buf_add(&list, "", 1);
	}
	net_list(net, &ids, &n, NULL);
	for (i = 0; i < n; i++) {
		if (pass(ids[i], arg)) {
			buf_printf(&list, ":(literal)%s.yaml", ids[i]);
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
	/* git runs in the network: the list's name from there */
	add[2] = commit[5] = file + strlen(net->dir) + 1;
	commit[3] = msg;
	if (git_run(net, add, 1) != 0 || git_run(net, commit, 1) != 0)
		errx(1, "the first commit failed (is git's user.name set?)");
	unlink(file);
	free(file), free(msg), free(list.s);
}

/*
 * The network as a git repository set up for nw (nw-init -g): git init
 * unless it is one, nw-merge the driver of contact files, pull.rebase
 * false, our pre-commit hook, and a first commit of the whole network.
 */
void
git_setup(struct net *net, int (*pass)(const char *, void *), void *arg)
{
	char *init[] = { "init", "-q", NULL };
	char *probe[] = { "rev-parse", "--is-inside-work-tree", NULL };
	char *head[] = { "rev-parse", "-q", "--verify", "HEAD", NULL };
	char *getrebase[] = { "config", "--local", "--get", "pull.rebase",
	    NULL };
	/* the merge driver does the work: a pull merges, not rebases */
	char *rebase[] = { "config", "pull.rebase", "false", NULL };

	net_lock(net);		/* the hook and the first commit */
	if (git_run(net, probe, 1) != 0 && git_run(net, init, 1) != 0)
		errx(1, "git init failed in '%s'", net->dir);
	net_ensure(net, ".gitattributes", attributes_text, "*.yaml merge=nw");
	if (git_set_driver(net, 0) != 0 || (git_run(net, getrebase, 1) != 0 &&
	    git_run(net, rebase, 1) != 0))
		errx(1, "cannot set up git for nw in '%s'", net->dir);
	hook(net);
	if (git_run(net, head, 1) != 0)
		first_commit(net, pass, arg);
	net_unlock(net);
}

