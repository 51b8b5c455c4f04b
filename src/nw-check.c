/* nw-check - lint contact files */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] = "usage: nw-check [-Dqv] [-C dir] [ref ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -D             list probable duplicates, a pair a line\n"
    "  -q             print the errors only, not the warnings\n"
    "  -v             name every file readable by others, not three\n";

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct check *ck;
	struct refs refs = { 0 };
	struct net *net;
	struct strv ids = { 0 }, odd = { 0 }, unmerged = { 0 }, probs = { 0 };
	struct strv deleted = { 0 };
	char **all, *path, *tab;
	size_t i, n;
	int ch, rv, everyone, dups = 0, quiet = 0, verbose = 0;

	while ((ch = opt_get(argc, argv, "C:DhqVv")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'D': dups = 1; break;
		case 'q': quiet = 1; break;
		case 'V': return opt_version();
		case 'v': verbose = 1; break;
		case 'h': return opt_help(usage_text, options_text);
		default: usage();
		}
	argc -= optind;
	argv += optind;

	refs.net = net = net_open(1);
	net->problems = &probs;		/* findings, each once */
	ck = check_new(&refs, stdout, quiet);
	if (dups) {
		if (argc)
			usage();
		out_init(0);
		check_dups(ck);
		check_free(ck);
		refs_free(&refs);
		net_free(net);
		return out_close();
	}
	rv = select_ids(&refs, argc, argv, &ids, &everyone);
	/* a merge whose driver did not run leaves no markers to see */
	git_unmerged(net, &unmerged, &deleted);
	check_files(ck, ids.v, ids.n, &unmerged, &deleted);
	if (!quiet)
		check_private(ck, ids.v, ids.n, verbose);
	if (everyone && !quiet) {
		check_settings(ck);
		net_list(net, &all, &n, &odd);
		for (i = 0; i < n; i++)
			free(all[i]);
		free(all);
		for (i = 0; i < odd.n; i++) {
			tab = strchr(odd.v[i], '\t');
			*tab = '\0';
			path = xasprintf("%s/%s", net->dir, odd.v[i]);
			check_path(ck, path, 0, "%s", tab + 1);
			free(path);
		}
	}
	for (i = 0; i < probs.n; i++) {	/* what no scan could read */
		tab = strchr(probs.v[i], '\t');
		*tab = '\0';
		check_path(ck, probs.v[i], 1, "%s", tab + 1);
	}
	strv_free(&ids);
	strv_free(&odd);
	strv_free(&probs);
	strv_free(&unmerged);
	strv_free(&deleted);
	rv |= check_errors(ck) > 0;
	check_free(ck);
	refs_free(&refs);
	net_free(net);
	return out_close() || rv;
}
