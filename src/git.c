/* git.c - commit what a command changed */

#include <sys/wait.h>

#include <err.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

extern char **environ;

/* Run git in the network with an argument vector; its exit status. */
int
git_run(struct net *net, char **args, int quiet)
{
	posix_spawn_file_actions_t fa;
	char **argv;
	size_t n, i;
	pid_t pid;
	int st;

	for (n = 0; args[n]; n++)
		;
	argv = xcalloc(n + 4, sizeof *argv);
	argv[0] = "git";
	argv[1] = "-C";
	argv[2] = net->dir;
	for (i = 0; i <= n; i++)
		argv[3 + i] = args[i];
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	posix_spawn_file_actions_init(&fa);
	if (quiet) {
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null",
		    O_RDONLY, 0);
		posix_spawn_file_actions_addopen(&fa, 1, "/dev/null",
		    O_WRONLY, 0);
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null",
		    O_WRONLY, 0);
	}
	st = posix_spawnp(&pid, "git", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	free(argv);
	if (st != 0)
		return -1;
	while (waitpid(pid, &st, 0) == -1)
		;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Do these paths differ from HEAD in the index? */
static int
staged(struct net *net, char **paths, size_t n)
{
	char **args = xcalloc(n + 6, sizeof *args);
	size_t i;
	int rv;

	args[0] = "diff";
	args[1] = "--cached";
	args[2] = "--quiet";
	args[3] = "--";
	for (i = 0; i < n; i++)
		args[4 + i] = paths[i];
	rv = git_run(net, args, 1) == 1;
	free(args);
	return rv;
}

/*
 * Commit exactly the files of these ids, when the network is a git work
 * tree and autocommit is on.  "git commit -- paths" leaves whatever else
 * the user staged alone.  No git, or no repository, is no error.
 */
void
git_commit(struct net *net, char **ids, size_t n, const char *msg)
{
	char *probe[] = { "rev-parse", "--is-inside-work-tree", NULL };
	char *ignored[] = { "check-ignore", "-q", "--", NULL, NULL };
	char **args;
	size_t i;

	if (!net->autocommit || n == 0 || git_run(net, probe, 1) != 0)
		return;
	net_lock(net);		/* one git index for parallel commands */
	args = xcalloc(n + 8, sizeof *args);
	args[0] = "add";
	args[1] = "--";
	for (i = 0; i < n; i++)
		args[2 + i] = xasprintf("%s.yaml", ids[i]);
	if (git_run(net, args, 1) != 0) {
		/* a larger repository that ignores the network: no commit */
		ignored[3] = args[2];
		if (git_run(net, ignored, 1) != 0)
			warnx("git add failed; nothing committed");
	} else if (!staged(net, args + 2, n))
		;	/* the files are as committed: nothing to say */
	else {
		memmove(args + 5, args + 2, n * sizeof *args);
		args[0] = "commit";
		args[1] = "-q";
		args[2] = "-m";
		args[3] = (char *)msg;
		args[4] = "--";
		args[5 + n] = NULL;
		if (git_run(net, args, 1) != 0)
			warnx("git commit failed: '%s'", msg);
	}
	for (i = 0; i < n; i++)
		free(args[(args[0][0] == 'c' ? 5 : 2) + i]);
	free(args);
	net_unlock(net);
}
