/* nw-ls - select contacts by tag, group, circle and pattern */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-ls [-jl] [-C dir] [-c circle] [-e regex] [-f key=regex] "
    "[-g group] [-t tag] [ref ...]";

struct pat {
	char		*key;		/* -f: the key; -e: NULL */
	const char	*src;
	struct match	*m;
};

static struct pat *pats;
static size_t npats;

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

/* -e REGEX, or -f KEY=REGEX: a bad pattern is a usage error. */
static void
addpat(const char *arg, int field)
{
	struct pat *p;
	const char *eq = field ? strchr(arg, '=') : NULL;
	char msg[300];

	if (field && (eq == NULL || eq == arg))
		errx(2, "'%s': not key=regex", arg);
	pats = xrealloc(pats, (npats + 1) * sizeof *pats);
	p = &pats[npats++];
	p->key = field ? xstrndup(arg, eq - arg) : NULL;
	p->src = field ? eq + 1 : arg;
	if ((p->m = match_new(p->src, msg, sizeof msg)) == NULL)
		errx(2, "'%s': %s", p->src, msg);
}

static int
any(struct match *m, char **v, size_t n, char *err, size_t len)
{
	size_t i;
	int rv;

	for (i = 0; i < n; i++)
		if (v[i] && (rv = match_str(m, v[i], err, len)) != 0)
			return rv;
	return 0;
}

/* -e: name, aka, org, title, tags, groups, notes and the log's notes. */
static int
search(struct match *m, struct contact *c, char *err, size_t len)
{
	char *one[] = { c->name, c->org, c->title };
	struct ynode *r = c->doc->root, *log;
	size_t i;
	int rv;

	if ((rv = any(m, one, 3, err, len)) ||
	    (rv = any(m, c->aka.v, c->aka.n, err, len)) ||
	    (rv = any(m, c->tags.v, c->tags.n, err, len)) ||
	    (rv = any(m, c->groups.v, c->groups.n, err, len)) ||
	    (rv = match_node(m, ymap_get(r, "notes"), err, len)))
		return rv;
	log = ymap_get(r, "log");
	for (i = 0; log && log->type == YSEQ && i < log->nkid; i++)
		if ((rv = match_node(m, ymap_get(log->kid[i], "note"), err,
		    len)) != 0)
			return rv;
	return 0;
}

/* Every pattern must match; 1 yes, 0 no, -1 when matching failed. */
static int
patterns_pass(struct contact *c)
{
	char err[256];
	size_t i;
	int rv;

	for (i = 0; i < npats; i++) {
		rv = pats[i].key ? match_node(pats[i].m,
		    ymap_get(c->doc->root, pats[i].key), err, sizeof err) :
		    search(pats[i].m, c, err, sizeof err);
		if (rv == -1)
			warnx("'%s': %s in '%s'", pats[i].src, err, c->id);
		if (rv != 1)
			return rv;
	}
	return 1;
}

static void
json_list(const char *key, char **v, size_t n)
{
	size_t i;

	printf(",\"%s\":[", key);
	for (i = 0; i < n; i++) {
		if (i)
			putchar(',');
		out_json_str(stdout, v[i]);
	}
	putchar(']');
}

static void
json_str(const char *key, const char *s)
{
	printf(",\"%s\":", key);
	if (s)
		out_json_str(stdout, s);
	else
		fputs("null", stdout);
}

/* JSON Lines hold what the record knows, lists as arrays. */
static void
json_row(struct contact *c, const char *last, const char *due)
{
	fputs("{\"id\":", stdout);
	out_json_str(stdout, c->id);
	json_str("name", c->name);
	json_list("aka", c->aka.v, c->aka.n);
	json_str("circle", c->circle);
	json_str("org", c->org);
	json_str("title", c->title);
	json_list("email", c->email.v, c->email.n);
	json_list("tags", c->tags.v, c->tags.n);
	json_list("groups", c->groups.v, c->groups.n);
	if (due) {
		json_str("last", last);
		json_str("due", due);
	}
	puts("}");
}

static void
row(struct net *net, struct contact *c, int json, int lng, int today)
{
	static const char *names[] = { "id", "name", "circle", "last", "due" };
	const char *vals[5];
	char ls[11], ds[11];
	struct due d;
	int last;

	vals[0] = c->id;
	vals[1] = c->name;
	vals[2] = c->circle;
	vals[3] = vals[4] = NULL;
	if (lng) {
		last = c->last != NODATE ? c->last : c->added;
		vals[3] = last != NODATE ? date_str(last, ls) : NULL;
		contact_due(net, c, today, &d);
		vals[4] = date_str(d.due, ds);
		free(d.reason);
		free(d.bdreason);
	}
	if (json)
		json_row(c, vals[3], vals[4]);
	else
		out_row(lng ? 5 : 2, names, vals, "sssss", NULL);
}

int
main(int argc, char *argv[])
{
	struct filter f = { 0 };
	struct refs refs = { 0 };
	struct strv ids = { 0 };
	struct contact *c;
	struct net *net;
	size_t i;
	int ch, json = 0, lng = 0, flags = 0, today, rv, pass;

	while ((ch = getopt(argc, argv, "C:c:e:f:g:hjlt:V")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'c': strv_add(&f.circle, optarg); break;
		case 'e': addpat(optarg, 0); break;
		case 'f': addpat(optarg, 1); break;
		case 'g': strv_add(&f.group, optarg); break;
		case 'j': json = 1; break;
		case 'l': lng = 1; break;
		case 't': strv_add(&f.tag, optarg); break;
		case 'V': puts("nw-ls " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;

	today = date_today();
	net = net_open(1);
	filter_check(net, &f);
	if (npats)
		flags |= C_DOC;
	refs.net = net;
	rv = select_ids(&refs, argc, argv, &ids);
	out_init(json);
	for (i = 0; i < ids.n; i++) {
		c = contact_load(net, ids.v[i], flags);
		if (contact_report(c)) {
			rv = 1;
		} else if (filter_pass(&f, c)) {
			if ((pass = patterns_pass(c)) == 1)
				row(net, c, json, lng, today);
			else if (pass == -1)
				rv = 1;
		}
		contact_free(c);
	}
	strv_free(&ids);
	for (i = 0; i < npats; i++) {
		free(pats[i].key);
		match_free(pats[i].m);
	}
	free(pats);
	return out_close() || rv;
}
