/* nw-add - create contacts */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-add [-f] [-b birthday] [-C dir] [-c circle] [-E email] "
    "[-e every] [-g group]\n"
    "              [-m met] [-o org] [-P phone] [-t tag] [-v via] "
    "name ...";

struct run {
	struct net	*net;
	struct refs	 refs;
	struct draft	 d;
	struct strv	 added, names;
	int		 force;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

/* Is this name or one of the emails in the network already? */
static const char *
duplicate(struct run *r, const char *name)
{
	struct contact **all;
	size_t n, i, j;

	for (i = 0; i < r->added.n; i++)
		if (strcaseeq(r->names.v[i], name))
			return r->added.v[i];
	all = refs_all(&r->refs, &n);
	for (i = 0; i < n; i++) {
		if (all[i]->name && strcaseeq(all[i]->name, name))
			return all[i]->id;
		for (j = 0; j < all[i]->email.n; j++)
			if (strv_has(&r->d.email, all[i]->email.v[j]))
				return all[i]->id;
	}
	return NULL;
}

static int
add(const char *name, void *arg)
{
	struct run *r = arg;
	const char *dup;
	char *id;

	if (*name == '\0' || strpbrk(name, "\r\n") ||
	    !utf8_valid(name, strlen(name), NULL)) {
		warnx("'%s': not a name", name);
		return 1;
	}
	net_lock(r->net);
	if (!r->force)
		refs_refresh(&r->refs);
	if (!r->force && (dup = duplicate(r, name)) != NULL) {
		warnx("'%s': already in the network as %s (-f adds anyway)",
		    name, dup);
		net_unlock(r->net);
		return 1;
	}
	r->d.name = name;
	id = draft_write(r->net, &r->d);
	net_unlock(r->net);
	if (id == NULL)
		return 1;
	puts(id);
	fflush(stdout);
	strv_add(&r->added, id);
	strv_add(&r->names, name);
	free(id);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct run r = { 0 };
	struct dur du;
	struct bday bd;
	const char *via = NULL;
	char *msg;
	int ch, rv;

	while ((ch = getopt(argc, argv, "b:C:c:E:e:fg:hm:o:P:t:Vv:")) != -1) {
		if (strchr("bcEegmoPtv", ch))	/* it goes into the file */
			opt_text(ch, optarg);
		switch (ch) {
		case 'b': r.d.birthday = optarg; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'c': r.d.circle = optarg; break;
		case 'E': strv_add(&r.d.email, optarg); break;
		case 'e': r.d.every = optarg; break;
		case 'f': r.force = 1; break;
		case 'g': strv_add(&r.d.groups, optarg); break;
		case 'm': r.d.met = optarg; break;
		case 'o': r.d.org = optarg; break;
		case 'P': strv_add(&r.d.phone, optarg); break;
		case 't': strv_add(&r.d.tags, optarg); break;
		case 'v': via = optarg; break;
		case 'V': puts("nw-add " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;

	r.d.added = date_today();
	if (r.d.every && !dur_parse(r.d.every, &du))
		errx(2, "'%s': not a duration (like 6w, 2m, 1y)", r.d.every);
	if (r.d.birthday && !bday_parse(r.d.birthday, &bd))
		errx(2, "'%s': not a birthday (YYYY-MM-DD or --MM-DD)",
		    r.d.birthday);
	r.net = net_open(1);
	r.refs.net = r.net;
	if (r.d.circle && net_circle(r.net, r.d.circle) == NULL)
		errx(2, "'%s': no such circle", r.d.circle);
	if (argc == 0 && !ref_stdin_usable())
		usage();
	if (via && (r.d.via = ref_resolve(&r.refs, via)) == NULL)
		return 1;
	rv = ref_loop(argc, argv, add, &r);
	if (r.added.n) {
		msg = r.added.n == 1 ? xasprintf("Add %s", r.names.v[0]) :
		    xasprintf("Add %s and %zu others", r.names.v[0],
		    r.added.n - 1);
		git_commit(r.net, r.added.v, r.added.n, msg);
		free(msg);
	}
	return out_close() || rv;
}
