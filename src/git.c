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
 * did not exit.  SIGCHLD is set to its default meanwhile: with it
 * ignored, the kernel reaps the child and its status is lost.
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
	if (WIFEXITED(st))
		rv = WEXITSTATUS(st);
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
	memcpy(args + 4, paths, n * sizeof *args);
	rv = git_run(net, args, 1) == 1;
	free(args);
	return rv;
}

/*
 * Commit exactly the files of these ids, when the network is a git work
 * tree and autocommit is on.  "git commit -- paths" leaves whatever else
 * the user staged alone.  No git, or no repository, is no error; git
 * busy with a merge or a rebase, or failing, is said once, with git's own
 * words.
 */
void
git_commit(struct net *net, char **ids, size_t n, const char *msg)
{
	char *ignored[] = { "check-ignore", "-q", "--", NULL, NULL };
	struct buf gerr = { 0 };
	char **args, **paths;
	size_t i;

	if (!net->autocommit || n == 0)
		return;
	net_lock(net);		/* one git index for parallel commands */
	if (!git_ready(net)) {
		net_unlock(net);
		return;
	}
	paths = xcalloc(n, sizeof *paths);
	for (i = 0; i < n; i++)
		paths[i] = xasprintf("%s.yaml", ids[i]);
	args = xcalloc(n + 6, sizeof *args);
	args[0] = "add";
	args[1] = "--";
	memcpy(args + 2, paths, n * sizeof *args);
	if (git_spawn(net->dir, args, 1, NULL, &gerr) != 0) {
		/* a larger repository that ignores the network: no commit */
		ignored[3] = paths[0];
		if (git_run(net, ignored, 1) != 0)
			warnx("nothing committed: git add: %s",
			    firstline(&gerr));
	} else if (staged(net, paths, n)) {
		args[0] = "commit";
		args[1] = "-q";
		args[2] = "-m";
		args[3] = (char *)msg;
		args[4] = "--";
		memcpy(args + 5, paths, n * sizeof *args);
		gerr.len = 0;
		if (git_spawn(net->dir, args, 1, NULL, &gerr) != 0)
			warnx("nothing committed: git commit: %s",
			    firstline(&gerr));
	}
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
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
 * conflicts), as ids, added to ids.  0, or -1 when not a repository.
 */
int
git_unmerged(struct net *net, struct strv *ids)
{
	char *args[] = { "ls-files", "--unmerged", "-z", "--", NULL };
	struct buf out = { 0 };
	char *p, *name, *end;
	size_t n;

	if (git_spawn(net->dir, args, 1, &out, NULL) != 0) {
		free(out.s);
		return -1;
	}
	/* "mode sha stage\tpath\0", three times for a path */
	for (p = out.s; p && p < out.s + out.len; p = end + 1) {
		end = p + strlen(p);
		if ((name = strchr(p, '\t')) == NULL)
			continue;
		name++;
		n = strlen(name);
		if (n > 5 && strcmp(name + n - 5, ".yaml") == 0) {
			name[n - 5] = '\0';
			if (!strv_has(ids, name))
				strv_add(ids, name);
		}
	}
	free(out.s);
	return 0;
}
