/* nw - run an nw command, list them, show their manuals */

#include <err.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw [-C dir] [command [args ...]]\n"
    "       nw [-C dir] help command\n"
    "       nw [-C dir] git args ...\n"
    "       nw [-C dir] circles\n"
    "       nw kinds";

static const char options_text[] =
    "  -C dir         use the network in dir\n";

static const struct { const char *name, *what; } cmds[] = {
	{ "init", "create a network, or set up a fresh clone" },
	{ "add", "add people" },
	{ "log", "log a call, a meeting, an email... with people" },
	{ "due", "who is due for contact, most urgent first" },
	{ "give", "log what you gave; -l the give/ask balance" },
	{ "mail", "log the mail exchanged with people, from Maildir or mbox" },
	{ "cal", "log the meetings had with people; -f who you meet next" },
	{ "ls", "select people by tag, group, circle or pattern" },
	{ "show", "a person at a glance" },
	{ "set", "set, add to or delete one field" },
	{ "edit", "edit a person's file, checked before it is saved" },
	{ "rm", "remove contacts" },
	{ "mv", "give a contact a new id" },
	{ "check", "lint the network" },
	{ "merge", "git merge driver for contact files" },
	{ "import", "import vCard, LinkedIn, Google contacts or nw's exports" },
	{ "export", "export vCard, ICS, JSON or CSV" },
	{ "vdir", "keep a vdir of vCards (a phone's, by CardDAV) in step" },
	{ "stats", "the network at a glance" },
};

/* Is nw-NAME beside nw or in $PATH? */
static int
found(const char *name)
{
	char *cmd = xasprintf("nw-%s", name), *p;
	int ok;

	p = sys_program(cmd);
	ok = p != NULL;
	free(cmd);
	free(p);
	return ok;
}

static void
list(void)
{
	size_t i;

	printf("%s\n\ncommands:\n", usage_text);
	for (i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (found(cmds[i].name))
			printf("   %-8s %s\n", cmds[i].name, cmds[i].what);
	printf("   %-8s %s\n   %-8s %s\n   %-8s %s\n   %-8s %s\n", "help",
	    "show a command's manual", "git", "run git inside the network",
	    "circles", "the circles of the settings and their cadences",
	    "kinds", "the kinds of log entry nw(5) names");
}

/* The kinds of log entry, one list in the schema. */
static int
kinds(void)
{
	const char *name;
	size_t i;

	for (i = 0; (name = schema_kind_name(i)) != NULL; i++)
		puts(name);
	return out_close();
}

/* The circles in force, the defaults when .nw.yaml names none. */
static int
circles(void)
{
	struct net *net = net_open(1);
	const char *name;
	char ds[16];
	size_t i;

	for (i = 0; (name = net_circle_name(net, i)) != NULL; i++)
		printf("%s\t%s\n", name, dur_str(*net_circle(net, name), ds));
	net_free(net);
	return out_close();
}

static int
help(const char *cmd)
{
	const char *dir = sys_selfdir();
	char *page, *local;

	page = cmd ? xasprintf("nw-%s", cmd) : xstrdup("nw");
	local = xasprintf("%s/../man/%s.%s", dir ? dir : ".", page,
	    cmd ? "1" : "7");
	if (dir && access(local, R_OK) == 0)
		execlp("man", "man", "-l", local, (char *)NULL);
	else
		execlp("man", "man", page, (char *)NULL);
	err(1, "man");
}

/* The command's arguments with -C dir after its name. */
static char **
with_dir(int argc, char **argv)
{
	char **v = xcalloc(argc + 3, sizeof *v);

	v[0] = argv[0];
	v[1] = "-C";
	v[2] = (char *)nw_dir_opt;
	memcpy(v + 3, argv + 1, argc * sizeof *v);	/* and the NULL */
	return v;
}

int
main(int argc, char *argv[])
{
	char *p, *cmd;
	struct net *net;
	int ch;

	while ((ch = opt_get(argc, argv, "+C:hV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (nw_dir_opt && setenv("NW_DIR", nw_dir_opt, 1) == -1)
		err(1, "setenv");
	if (argc == 0) {
		list();
		return out_close();
	}
	if (strcmp(argv[0], "help") == 0)
		return help(argc > 1 ? argv[1] : NULL);
	if (strcmp(argv[0], "circles") == 0 || strcmp(argv[0], "kinds") == 0) {
		if (argc > 1)
			opt_usage(usage_text);
		return argv[0][0] == 'c' ? circles() : kinds();
	}
	if (strcmp(argv[0], "git") == 0) {
		net = net_open(1);
		git_set_driver(net, 1);	/* a pull must find nw-merge */
		if (chdir(net_dir(net)) == -1)
			err(1, "'%s'", net_dir(net));
		unsetenv("GIT_DIR");
		unsetenv("GIT_WORK_TREE");
		/* what git writes (a pull's contacts) is private as ours is */
		umask(umask(0) | 077);
		execvp("git", argv);
		err(1, "git");
	}
	if (!id_valid(argv[0]) || strchr(argv[0], '/'))
		errx(2, "'%s': not an nw command", argv[0]);
	cmd = xasprintf("nw-%s", argv[0]);
	argv[0] = cmd;
	if (nw_dir_opt)		/* -C: over the current folder's network */
		argv = with_dir(argc, argv);
	if ((p = sys_program(cmd)) != NULL)
		execv(p, argv);
	if (!found(cmd + 3))
		errx(2, "'%s': not an nw command", cmd + 3);
	err(1, "'%s'", cmd);
}
