/* nw-vdir - keep a vdir of vCards and the network in step, both ways */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-vdir [-n] [-C dir] [-r ref] [folder]\n"
    "       nw-vdir -c folder [-n] [-C dir]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -c folder      write the events to the calendar vdir folder\n"
    "  -n             dry run: say what would change, write nothing\n"
    "  -r ref         write the card of ref back to the vdir\n";

static void
plural(struct buf *b, int n, const char *what)
{
	buf_printf(b, "%s%d %s", b->len ? ", " : "", n, what);
}

int
main(int argc, char *argv[])
{
	struct vdir_run run = { 0 };
	struct strv refs = { 0 }, changed = { 0 };
	struct batch b = { 0 };
	struct buf from = { 0 }, to = { 0 };
	struct net *net;
	const char *dir, *cal = NULL;
	char *id;
	size_t i;
	int ch, rv = 0;

	while ((ch = opt_get(argc, argv, "C:c:hnr:V")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'c': cal = optarg; break;
		case 'n': run.dry = 1; break;
		case 'r': strv_add(&refs, optarg); break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (argc > 1 || (cal && (argc || refs.n)))
		opt_usage(usage_text);
	net = net_open(1);
	if (cal) {
		rv = vdir_calendar(net, cal, &run);
		fprintf(stderr, "nw-vdir: to the calendar: %d %s, %d %s\n",
		    run.nwritten, run.dry ? "to write" : "written",
		    run.nremoved, run.dry ? "to remove" : "removed");
		strv_free(&refs);
		net_free(net);
		return exit_status(out_close() || rv);
	}
	if ((dir = argc ? argv[0] : net_vdir(net)) == NULL)
		errx(2, "no folder: name one, or set vdir: in .nw.yaml");
	b.net = net;
	b.refs.net = net;
	for (i = 0; i < refs.n; i++) {
		if ((id = ref_resolve(&b.refs, refs.v[i])) == NULL) {
			rv = 1;
			continue;
		}
		strv_add(&run.restore, id);
		free(id);
	}
	rv |= vdir_sync(net, dir, &run, &changed);
	for (i = 0; i + 1 < changed.n; i += 2)
		if (!strv_has(&b.ids, changed.v[i]))
			batch_changed(&b, changed.v[i], changed.v[i + 1]);
	if (!run.dry)
		batch_commit(&b, "Take from the vdir");

	buf_puts(&from, "");
	buf_puts(&to, "");
	plural(&from, run.nchanged, "changed");
	plural(&from, run.nnew, "new");
	plural(&from, run.ndeleted, "deleted (kept)");
	plural(&to, run.nwritten, "written");
	plural(&to, run.nremoved, "removed");
	fprintf(stderr, "nw-vdir: %sfrom the vdir: %s; to the vdir: %s\n",
	    run.dry ? "would take " : "", from.s, run.dry ? "not computed" :
	    to.s);
	free(from.s);
	free(to.s);
	strv_free(&refs);
	strv_free(&changed);
	strv_free(&run.restore);
	batch_free(&b);
	net_free(net);
	return exit_status(out_close() || rv);
}
