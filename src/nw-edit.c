/* nw-edit - edit a contact's file by hand, checked before it is saved */

#include <sys/stat.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

#define MAXEDIT	(256 * 1024 * 1024)	/* a file nw-edit opens to mend */

static const char usage_text[] = "usage: nw-edit [-C dir] ref ...";

static const char options_text[] =
    "  -C dir         use the network in dir\n";

/* The editor command line as sh reads it, the file after it: as git. */
static int
edit(const char *ed, const char *path)
{
	char *script = xasprintf("%s \"$@\"", ed);
	pid_t pid;
	int fd, st;

	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
		/* references may come on standard input: not the editor's */
		if (!isatty(0) && ((fd = open("/dev/tty", O_RDONLY)) != -1 ||
		    (fd = open("/dev/null", O_RDONLY)) != -1))
			dup2(fd, 0);
		execl("/bin/sh", "sh", "-c", script, ed, path, (char *)NULL);
		_exit(127);
	}
	free(script);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			err(1, "waitpid");
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* On a terminal, ask whether to edit again; anything but n is yes. */
static int
again(void)
{
	char line[64];
	FILE *tty;
	int yes;

	if (!isatty(2) || (tty = fopen("/dev/tty", "r")) == NULL)
		return 0;
	fprintf(stderr, "nw-edit: edit again? [Y/n] ");
	yes = fgets(line, sizeof line, tty) != NULL && line[0] != 'n' &&
	    line[0] != 'N';
	fclose(tty);
	return yes;
}

/*
 * Edit contact id on a copy until it passes the checks or the person
 * gives up, then replace the file if it did not change meanwhile.  An
 * editor that fails stops the run: the contacts after it are left alone,
 * those before it still committed.
 */
static int
editone(struct batch *b, const char *id, void *arg)
{
	static int stopped;
	struct check *ck = arg;
	struct contact *c;
	char *path, *copy, *orig, *text, why[256];
	size_t olen, len;
	const char *ed;
	int rv = 1;

	if (stopped)
		return 1;
	path = net_path(b->net, id);
	if ((orig = file_read_max(path, &olen, why, MAXEDIT)) == NULL) {
		warnx("'%s': %s", path, why);
		free(path);
		return 1;
	}
	/* no command but this one reads it: why, before it is mended */
	if (olen > NW_MAXFILE)
		check_text(ck, path, id, orig, olen);

	copy = change_copy(b->net, id, orig, olen);	/* no lock meanwhile */

	if ((ed = getenv("VISUAL")) == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	for (;;) {
		if (!edit(ed, copy)) {
			unlink(copy);
			warnx("the editor failed: nothing changed");
			stopped = 1;
			goto out;
		}
		if ((text = file_read_max(copy, &len, why, MAXEDIT)) == NULL)
			errx(1, "'%s': %s", copy, why);
		if (len == olen && memcmp(text, orig, len) == 0) {
			unlink(copy);
			free(text);
			rv = 0;		/* nothing to do */
			goto out;
		}
		if (check_text(ck, path, id, text, len) == 0)
			break;
		free(text);
		if (!again()) {
			fprintf(stderr, "nw-edit: '%s' is unchanged; your edit "
			    "is kept in %s\n", path, copy);
			goto out;
		}
	}

	if ((rv = change_replace(b->net, id, orig, olen, text, len, &c)) !=
	    0) {
		if (rv == 1)
			fprintf(stderr, "nw-edit: '%s' changed while you edited "
			    "it; your edit is kept in %s\n", path, copy);
		else
			fprintf(stderr, "nw-edit: your edit is kept in %s\n",
			    copy);
		rv = 1;
		free(text);
		goto out;
	}
	free(text);
	unlink(copy);
	change_copies_done(b->net, id);	/* edits kept before: done */
	batch_changed(b, id, c->name ? c->name : id);
	contact_free(c);
out:
	free(copy);
	free(orig);
	free(path);
	return rv;
}

int
main(int argc, char *argv[])
{
	struct check *ck;
	struct refs refs = { 0 };
	struct batch b = { 0 };
	int ch, rv;

	while ((ch = opt_get(argc, argv, "C:hV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (argc == 0 && !ref_stdin_usable())
		opt_usage(usage_text);
	refs.net = b.net = net_open(1);
	ck = check_new(&refs, stderr, 1);	/* its own: loaded when needed */
	rv = batch_run(&b, argc, argv, editone, ck);
	batch_commit(&b, "Edit");
	batch_free(&b);
	check_free(ck);
	refs_free(&refs);
	net_free(b.net);
	return exit_status(out_close() || rv);
}
