/* nw-mv - give a contact a new id */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-mv [-C dir] ref new-id\n"
    "       nw-mv -m [-f old | keep] [-C dir] old keep";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -f old|keep    with -m: whose value stays where they differ\n"
    "  -m             fold the contact old into keep, one person\n";

/* A change made: the id it leaves printed as nw prints ids, one commit. */
static void
done(struct net *net, struct strv *changed, const char *id, char *msg)
{
	printf("%s%s\n", id_shown(id), id);
	git_commit(net, changed->v, changed->n, msg);
	free(msg);
}

/* -m: old into keep, both references. */
static int
foldone(const char *oldref, const char *keepref, int win)
{
	struct refs refs = { 0 };
	struct strv changed = { 0 };
	struct net *net = net_open(1);
	char *old = NULL, *keep = NULL;
	int rv = 1;

	refs.net = net;
	if ((old = ref_resolve(&refs, oldref)) != NULL &&
	    (keep = ref_resolve(&refs, keepref)) != NULL) {
		if (strcmp(old, keep) == 0)
			errx(2, "'%s': one contact, nothing to fold", old);
		if ((rv = change_fold(net, old, keep, win, &changed)) == 0)
			done(net, &changed, keep,
			    xasprintf("Fold %s into %s", old, keep));
	}
	strv_free(&changed);
	refs_free(&refs);
	free(old);
	free(keep);
	net_free(net);
	return out_close() || rv;
}

int
main(int argc, char *argv[])
{
	struct refs refs = { 0 };
	struct strv changed = { 0 };
	struct net *net;
	const char *to;
	char *id;
	size_t n;
	int ch, rv, fold = 0, win = 0;

	while ((ch = opt_get(argc, argv, "C:f:hmV")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'f':
			if (strcmp(optarg, "old") != 0 &&
			    strcmp(optarg, "keep") != 0)
				errx(2, "'%s': -f takes old or keep", optarg);
			win = optarg[0];
			break;
		case 'm': fold = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (argc != 2 || (win && !fold))
		opt_usage(usage_text);
	if (fold)
		return foldone(argv[0], argv[1], win);
	to = argv[1];
	n = strlen(to);
	if (!id_valid(to) || (n > 5 && strcmp(to + n - 5, ".yaml") == 0))
		errx(2, "'%s': not an id (a name below the network: no dot "
		    "file, no .yaml)", to);

	net = net_open(1);
	refs.net = net;
	if ((id = ref_resolve(&refs, argv[0])) == NULL) {
		refs_free(&refs);
		net_free(net);
		return 1;
	}
	if (strcmp(id, to) == 0)
		errx(2, "'%s': the id it has already", to);
	if ((rv = change_mv(net, id, to, &changed)) == 0)
		done(net, &changed, to, xasprintf("Rename %s to %s", id, to));
	strv_free(&changed);
	refs_free(&refs);
	free(id);
	net_free(net);
	return exit_status(out_close() || rv);
}
