/* nw-edit - edit a contact's file by hand, checked before it is saved */

#include <sys/stat.h>
#include <sys/wait.h>

#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-edit [-C dir] ref";

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

/* The editor command line as sh reads it, the file after it: as git. */
static int
edit(const char *ed, const char *path)
{
	char *script = xasprintf("%s \"$@\"", ed);
	pid_t pid;
	int st;

	if ((pid = fork()) == -1)
		err(1, "fork");
	if (pid == 0) {
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

int
main(int argc, char *argv[])
{
	struct check ck = { 0 };
	struct contact *c;
	struct refs refs = { 0 };
	char *id, *path, *copy, *orig, *text, *msg, why[256];
	size_t olen, len;
	const char *ed;
	int ch, rv;

	while ((ch = getopt(argc, argv, "C:hV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'V': puts("nw-edit " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		usage();
	ck.net = net_open(1);
	ck.refs.net = refs.net = ck.net;
	ck.out = stderr;
	ck.quiet = 1;
	if ((id = ref_resolve(&refs, argv[0])) == NULL)
		return 1;
	path = net_path(ck.net, id);
	if ((orig = file_read(path, &olen, why)) == NULL)
		errx(1, "'%s': %s", path, why);

	copy = change_copy(ck.net, orig, olen);	/* no lock while one edits */

	if ((ed = getenv("VISUAL")) == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	for (;;) {
		if (!edit(ed, copy)) {
			unlink(copy);
			errx(1, "the editor failed: nothing changed");
		}
		if ((text = file_read(copy, &len, why)) == NULL)
			errx(1, "'%s': %s", copy, why);
		if (len == olen && memcmp(text, orig, len) == 0) {
			unlink(copy);
			return out_close();	/* nothing to do */
		}
		ck.nerr = 0;
		if (check_text(&ck, path, id, text, len) == 0)
			break;
		free(text);
		if (!again()) {
			fprintf(stderr, "nw-edit: '%s' is unchanged; your edit "
			    "is kept in %s\n", path, copy);
			return 1;
		}
	}

	if ((rv = change_replace(ck.net, id, orig, olen, text, len)) != 0) {
		if (rv == 1)
			fprintf(stderr, "nw-edit: '%s' changed while you edited "
			    "it; your edit is kept in %s\n", path, copy);
		else
			fprintf(stderr, "nw-edit: your edit is kept in %s\n",
			    copy);
		return 1;
	}
	unlink(copy);
	puts(id);
	c = contact_load(ck.net, id, C_STRUCT);
	msg = xasprintf("Edit %s", c->name ? c->name : id);
	git_commit(ck.net, &id, 1, msg);
	free(msg);
	contact_free(c);
	return out_close();
}
