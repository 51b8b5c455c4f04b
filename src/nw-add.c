/* nw-add - create contacts */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-add [-f] [-b birthday] [-C dir] [-c circle] [-E email] "
    "[-e every] [-g group]\n"
    "              [-m met] [-o org] [-P phone] [-T type] [-t tag] [-v via] "
    "name ...";

struct run {
	struct net	*net;
	struct batch	 b;
	struct draft	 d;
	struct strv	 names;		/* those added, as b.ids */
	int		 force;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

/*
 * Is this name or one of the emails in the network already, on a contact
 * of the same type (a person is never taken for a community)?
 */
static const char *
duplicate(struct run *r, const char *name)
{
	struct contact **all;
	const char *e, *t = draft_get(&r->d, "type");
	size_t n, i, j, k;
	int type = t && strcmp(t, "community") == 0 ? T_COMMUNITY : T_PERSON;

	for (i = 0; i < r->names.n; i++)
		if (strcaseeq(r->names.v[i], name))
			return r->b.ids.v[i];
	all = refs_all(&r->b.refs, &n);
	for (i = 0; i < n; i++) {
		if (all[i]->type != type)
			continue;
		if (all[i]->name && strcaseeq(all[i]->name, name))
			return all[i]->id;
		for (j = 0; j < all[i]->email.n; j++)
			for (k = 0; (e = draft_value(&r->d, "email", k)); k++)
				if (strcaseeq(e, all[i]->email.v[j]))
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
		refs_refresh(&r->b.refs);
	if (!r->force && (dup = duplicate(r, name)) != NULL) {
		warnx("'%s': already in the network as %s (-f adds anyway)",
		    name, dup);
		net_unlock(r->net);
		return 1;
	}
	draft_unset(&r->d, "name", NULL);
	draft_set(&r->d, "name", name);
	id = draft_write(r->net, &r->d);
	net_unlock(r->net);
	if (id == NULL)
		return 1;
	batch_changed(&r->b, id, name);
	strv_add(&r->names, name);
	free(id);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const char *keyof[] = { "b", "birthday", "c", "circle",
	    "E", "email", "e", "every", "g", "groups", "m", "met.where",
	    "o", "org", "P", "phone", "T", "type", "t", "tags", NULL };
	struct run r = { 0 };
	const char *via = NULL;
	char *v, why[256];
	size_t i;
	int ch, rv;

	while ((ch = getopt(argc, argv, "b:C:c:E:e:fg:hm:o:P:T:t:Vv:")) != -1) {
		if (strchr("bcEegmoPTtv", ch))	/* it goes into the file */
			opt_text(ch, optarg);
		for (i = 0; keyof[i] && keyof[i][0] != ch; i += 2)
			;
		if (keyof[i]) {
			draft_set(&r.d, keyof[i + 1], optarg);
			continue;
		}
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'f': r.force = 1; break;
		case 'v': via = optarg; break;
		case 'V': puts("nw-add " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;

	r.d.added = date_today();
	r.net = r.b.net = net_open(1);
	r.b.refs.net = r.net;
	if (!draft_check(&r.d, r.net, why, sizeof why))
		errx(2, "%s", why);
	if (argc == 0 && !ref_stdin_usable())
		usage();
	if (via) {
		if ((v = ref_resolve(&r.b.refs, via)) == NULL)
			return 1;
		draft_set(&r.d, "met.via", v);
		free(v);
	}
	rv = ref_loop(argc, argv, add, &r);
	batch_commit(&r.b, "Add");
	batch_free(&r.b);
	draft_free(&r.d);
	strv_free(&r.names);
	return out_close() || rv;
}
