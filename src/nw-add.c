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
    "name ...\n"
    "       nw-add -M [-af] [-b birthday] [-C dir] [-c circle] [-e every] "
    "[-g group]\n"
    "              [-m met] [-o org] [-T type] [-t tag] [-v via]";

static const char options_text[] =
    "  -a             with -M: everyone of From, To and Cc but me\n"
    "  -b birthday    set birthday: YYYY-MM-DD or --MM-DD\n"
    "  -C dir         use the network in dir\n"
    "  -c circle      set circle, one of the settings\n"
    "  -E email       add an address to email (repeats)\n"
    "  -e every       set every, the cadence: 3w, 2m, 1y\n"
    "  -f             add even when the name or an address is there already\n"
    "  -g group       add a group to groups (repeats)\n"
    "  -M             add the sender of the message on standard input\n"
    "  -m met         where or how you met\n"
    "  -o org         set org\n"
    "  -P phone       add a number to phone (repeats)\n"
    "  -T type        person (the default) or community\n"
    "  -t tag         add a tag to tags (repeats)\n"
    "  -v via         the contact who introduced you, a reference\n";

struct run {
	struct net	*net;
	struct batch	 b;
	struct draft	*d;
	int		 force;
	int		 mail;		/* -M: duplicates are said, no error */
};

/*
 * Is this name or one of the emails in the network already, on a contact
 * of the same type (a person is never taken for a community)?
 */
static const char *
duplicate(struct run *r, const char *name)
{
	struct contact **all;
	struct strv who = { 0 };
	const char *e, *t = draft_get(r->d, "type");
	size_t n, i;
	int type = t && schema_type(t) == T_COMMUNITY ? T_COMMUNITY : T_PERSON;

	strv_add(&who, name);
	for (i = 0; (e = draft_value(r->d, "email", i)); i++)
		strv_add(&who, e);
	all = refs_taken(&r->b.refs, &who, &n);
	strv_free(&who);
	for (i = 0; i < n; i++)
		if (all[i]->type == type)
			return all[i]->id;
	return NULL;
}

static int
add(const char *raw, void *arg)
{
	struct run *r = arg;
	const char *dup;
	char *id, *name;
	int rv = 1;

	name = utf8_squeeze(raw);	/* "  Bob  B " is Bob B */
	if (*name == '\0' || strpbrk(name, "\r\n") ||
	    !utf8_valid(name, strlen(name), NULL)) {
		warnx_safe("'%s': not a name", raw);
		free(name);
		return 1;
	}
	net_lock(r->net);
	if (!r->force && (dup = duplicate(r, name)) != NULL) {
		warnx_safe("'%s': already in the network as %s (-f adds "
		    "anyway)", r->mail ? draft_get(r->d, "email") : name, dup);
		net_unlock(r->net);
		free(name);
		return !r->mail;
	}
	draft_unset(r->d, "name", NULL);
	draft_set(r->d, "name", name);
	id = draft_write(r->net, r->d);
	net_unlock(r->net);
	if (id != NULL) {
		batch_changed(&r->b, id, name);
		rv = 0;
	}
	free(id);
	free(name);
	return rv;
}

/*
 * The people of the message on standard input (-M), each added with its
 * address as a contact of its own.
 */
static int
frommail(struct run *r, int all)
{
	struct strv who = { 0 };
	size_t i;
	int rv = 0;

	if (!mail_people(0, all, net_me(r->net), &who))
		errx(1, "standard input: not a message");
	if (who.n == 0) {
		warnx("standard input: no address in the message");
		rv = 1;
	}
	for (i = 0; i + 1 < who.n; i += 2) {
		draft_unset(r->d, "email", NULL);
		draft_set(r->d, "email", who.v[i + 1]);
		rv |= add(who.v[i], r);
	}
	strv_free(&who);
	mail_done();
	return rv;
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
	int ch, rv = 0, all = 0;

	r.d = draft_new(date_today());
	while ((ch = opt_get(argc, argv, "ab:C:c:E:e:fg:hMm:o:P:T:t:Vv:")) !=
	    -1) {
		if (strchr("bcEegmoPTtv", ch))	/* it goes into the file */
			opt_text(ch, optarg);
		for (i = 0; keyof[i] && keyof[i][0] != ch; i += 2)
			;
		if (keyof[i]) {
			draft_set(r.d, keyof[i + 1], optarg);
			continue;
		}
		switch (ch) {
		case 'a': all = 1; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'f': r.force = 1; break;
		case 'M': r.mail = 1; break;
		case 'v': via = optarg; break;
		case 'V':
			draft_free(r.d);
			return opt_version();
		case 'h':
			draft_free(r.d);
			return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	}
	argc -= optind;
	argv += optind;

	if (all && !r.mail)
		errx(2, "-a needs -M");
	if (r.mail && (argc > 0 || draft_get(r.d, "email") ||
	    draft_get(r.d, "phone")))
		errx(2, "-M takes names and addresses from the message: no "
		    "name, -E or -P");
	r.net = r.b.net = net_open(1);
	r.b.refs.net = r.net;
	if (!draft_check(r.d, r.net, why, sizeof why))
		errx(2, "%s", why);
	if (argc == 0 && !r.mail && !ref_stdin_usable())
		opt_usage(usage_text);
	if (via) {
		if ((v = ref_resolve(&r.b.refs, via)) == NULL)
			rv = 1;
		else
			draft_set(r.d, "met.via", v);
		free(v);
	}
	if (rv == 0)
		rv = r.mail ? frommail(&r, all) :
		    ref_loop(argc, argv, add, &r);
	batch_commit(&r.b, "Add");
	batch_free(&r.b);
	draft_free(r.d);
	net_free(r.net);
	return exit_status(out_close() || rv);
}
