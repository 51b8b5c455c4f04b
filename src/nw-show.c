/* nw-show - a person at a glance */

#include <err.h>
#include <stdlib.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-show [-ajr] [-C dir] ref ...";

static const char options_text[] =
    "  -a             every log entry, not only the ten latest\n"
    "  -C dir         use the network in dir\n"
    "  -j             print JSON Lines, one object a contact\n"
    "  -r             print the files as they are\n";

struct run {
	struct net	*net;
	struct refs	 refs;
	int		 all, json, raw, today, shown;
};

/* -r: the file's bytes as they are. */
static int
raw(struct run *r, const char *id)
{
	char *path = net_path(r->net, id), b[8192];
	size_t n;
	FILE *f;
	int rv = 0;

	if ((f = fopen(path, "rb")) == NULL) {
		warn("'%s'", path);
		free(path);
		return 1;
	}
	while ((n = fread(b, 1, sizeof b, f)) > 0)
		fwrite(b, 1, n, stdout);
	if (ferror(f)) {
		warn("'%s'", path);
		rv = 1;
	}
	fclose(f);
	free(path);
	return rv;
}

static int
one(const char *ref, void *arg)
{
	struct run *r = arg;
	struct contact *c;
	char *id;
	int rv = 0;

	if ((id = ref_resolve(&r->refs, ref)) == NULL)
		return 1;
	if (r->raw) {
		rv = raw(r, id);
		free(id);
		return rv;
	}
	c = contact_load(r->net, id, C_KEYS | C_LOG);
	if (contact_report(c) == -1)
		rv = 1;
	else if (r->json)
		json_contact(stdout, r->net, c, r->today);
	else {
		if (r->shown++)
			putchar('\n');
		show_contact(&r->refs, c, r->today, r->all);
	}
	contact_free(c);
	free(id);
	return rv;
}

int
main(int argc, char *argv[])
{
	struct run r = { 0 };
	int ch, rv;

	while ((ch = opt_get(argc, argv, "aC:hjrV")) != -1)
		switch (ch) {
		case 'a': r.all = 1; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'j': r.json = 1; break;
		case 'r': r.raw = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;

	if ((r.json && (r.raw || r.all)) || (argc == 0 && !ref_stdin_usable()))
		opt_usage(usage_text);
	r.today = date_today();
	r.net = net_open(1);
	r.refs.net = r.net;
	out_init(0);
	rv = ref_loop(argc, argv, one, &r);
	refs_free(&r.refs);
	net_free(r.net);
	return out_close() || rv;
}
