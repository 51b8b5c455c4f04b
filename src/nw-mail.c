/* nw-mail - log the mail you exchanged with your contacts */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-mail [-nr] [-C dir] [-m address] [path ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -m address     one of my addresses (repeats; instead of me:)\n"
    "  -n             print the entries it would add, change nothing\n"
    "  -r             also log what contacts sent you (dir: in)\n";

static int
readone(const char *path, void *arg)
{
	return mail_read(arg, path);
}

int
main(int argc, char *argv[])
{
	struct capture *cp;
	struct batch b = { 0 };
	struct strv me = { 0 };
	char *msg;
	int ch, dry = 0, received = 0, rv;

	while ((ch = opt_get(argc, argv, "C:hm:nrV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'm': strv_add(&me, optarg); break;
		case 'n': dry = 1; break;
		case 'r': received = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;

	b.net = net_open(1);
	b.refs.net = b.net;
	if (me.n == 0 && net_me(b.net)->n == 0)
		errx(2, "who is me? set me: [your@address] in .nw.yaml, or "
		    "give -m your@address");
	if (argc == 0 && !ref_stdin_usable())
		opt_usage(usage_text);
	cp = capture_new(b.net, me.n ? &me : net_me(b.net), received);
	rv = ref_loop(argc, argv, readone, cp);
	if (rv == -1)
		opt_usage(usage_text);
	rv |= mail_read_named(cp);
	rv |= capture_log(cp, "email", dry, &b);
	capture_summary(cp, "email", dry);
	if (b.ids.n) {
		msg = b.ids.n == 1 ? xasprintf("Log mail with %s", b.first) :
		    xasprintf("Log mail with %zu contacts", b.ids.n);
		git_commit(b.net, b.ids.v, b.ids.n, msg);
		free(msg);
	}
	capture_free(cp);
	mail_done();
	batch_free(&b);
	strv_free(&me);
	net_free(b.net);
	return exit_status(out_close() || rv);
}
