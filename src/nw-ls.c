/* nw-ls - select contacts by tag, group, circle and pattern */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-ls [-jl] [-C dir] [-c circle] [-e regex] [-f key=regex] "
    "[-g group]\n"
    "             [-o org] [-R ref] [-r role] [-s span] [-t tag] [ref ...]\n"
    "       nw-ls [-C dir] -Q query";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -c circle      only this circle (repeats: either)\n"
    "  -e regex       only where regex matches name, notes... (repeats)\n"
    "  -f key=regex   only where regex matches key (repeats)\n"
    "  -g group       only this group (repeats: either)\n"
    "  -j             print JSON Lines\n"
    "  -l             long: add the circle, the last contact, the due date\n"
    "  -o org         only who works or worked at org (repeats: either)\n"
    "  -Q query       address completion for mutt: email, name, id\n"
    "  -R ref         only the people related to ref, both ways (rel)\n"
    "  -r role        with -R: only those in this role to ref\n"
    "  -s span        only those in touch within span (1w), most recent first\n"
    "  -t tag         only this tag (repeats: either)\n";

struct pat {
	char		*key;		/* -f: the key; -e: NULL */
	const char	*src;
	struct match	*m;
};

static struct pat *pats;
static size_t npats;

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

/* -e patterns are of one kind, -f ones of the same key another. */
static int
samekind(struct pat *a, struct pat *b)
{
	return a->key == NULL ? b->key == NULL :
	    b->key != NULL && strcmp(a->key, b->key) == 0;
}

static int
pattern_pass(struct pat *p, struct contact *c)
{
	char err[256];
	int rv;

	rv = contact_match(c, p->m, p->key, err, sizeof err);
	if (rv == -1)
		warnx("'%s': %s in '%s'", p->src, err, c->id);
	return rv;
}

/*
 * Patterns of one kind are alternatives, as grep -e; each kind must
 * match.  1 yes, 0 no, -1 when matching failed.
 */
static int
patterns_pass(struct contact *c)
{
	size_t i, j;
	int rv;

	for (i = 0; i < npats; i++) {
		for (j = 0; j < i && !samekind(&pats[j], &pats[i]); j++)
			;
		if (j < i)
			continue;	/* its kind is judged already */
		for (rv = 0, j = i; j < npats && rv == 0; j++)
			if (samekind(&pats[i], &pats[j]))
				rv = pattern_pass(&pats[j], c);
		if (rv != 1)
			return rv;
	}
	return 1;
}

struct ls {
	int		 json, lng, today, failed;
	struct contact	*rel;		/* -R: the contact, or NULL */
	struct strv	 orgs;		/* -o */
	const char	*role;		/* -r */
	int		 since;		/* -s: the span's first day, or NODATE */
	struct contact	**v;		/* -s: the contacts kept, to sort */
	size_t		  n;
	const char	*query;		/* -Q */
	struct strv	 found;		/* its lines */
};

/* -o: does c work, or did c work, at one of the orgs, as names compare? */
static int
worked(struct ls *l, struct contact *c)
{
	size_t i, j;

	for (i = 0; i < l->orgs.n; i++) {
		if (c->org && strcaseeq(c->org, l->orgs.v[i]))
			return 1;
		for (j = 0; j < c->orgs.n; j++)
			if (strcaseeq(c->orgs.v[j], l->orgs.v[i]))
				return 1;
	}
	return 0;
}

/*
 * -R: is c related to l->rel, in l->role when given?  Either side may
 * say so: ada's rel {mentor: alan} makes alan ada's mentor, and ada
 * alan's mentee (a role of one's own: "coach of").
 */
static int
related(struct ls *l, struct contact *c)
{
	const char *role, *inv;
	size_t i, n;
	int hit;

	for (i = 0; i + 1 < l->rel->rel.n; i += 2)
		if (strcmp(l->rel->rel.v[i + 1], c->id) == 0 &&
		    (l->role == NULL || strcmp(l->rel->rel.v[i], l->role) == 0))
			return 1;
	for (i = 0; i + 1 < c->rel.n; i += 2) {
		if (strcmp(c->rel.v[i + 1], l->rel->id) != 0)
			continue;
		if (l->role == NULL)
			return 1;
		if ((inv = schema_inverse(c->rel.v[i])) != NULL)
			hit = strcmp(inv, l->role) == 0;
		else {
			role = c->rel.v[i];
			n = strlen(role);
			hit = strncmp(l->role, role, n) == 0 &&
			    strcmp(l->role + n, " of") == 0;
		}
		if (hit)
			return 1;
	}
	return 0;
}

static int	print(struct net *, struct ls *, struct contact *);

/*
 * -Q: a line for each email of a contact the query names, or for each
 * email it begins.
 */
static void
query(struct ls *l, struct contact *c)
{
	char *line;
	size_t i;
	int all = ref_matches(c, l->query);

	for (i = 0; i < c->email.n; i++) {
		if (!all && !strcaseprefix(c->email.v[i], l->query))
			continue;
		line = xasprintf("%s\t%s\t%s", c->email.v[i],
		    c->name ? c->name : "", c->id);
		strv_add(&l->found, line);
		free(line);
	}
}


/* A contact that passes every pattern is a row (-s: kept, to sort). */
static int
row(struct scan *s, struct contact *c, void *arg)
{
	struct ls *l = arg;
	int pass;

	if (l->query) {
		query(l, c);
		return 0;
	}
	if (l->rel && (strcmp(c->id, l->rel->id) == 0 || !related(l, c)))
		return 0;
	if (l->orgs.n && !worked(l, c))
		return 0;
	if ((pass = patterns_pass(c)) != 1) {
		l->failed |= pass == -1;
		return 0;
	}
	if (l->since != NODATE) {	/* printed once sorted */
		if (c->last == NODATE || c->last < l->since)
			return 0;
		if ((l->n & (l->n - 1)) == 0)
			l->v = xrealloc(l->v, (l->n ? 2 * l->n : 1) *
			    sizeof *l->v);
		l->v[l->n++] = c;
		return 1;
	}
	return print(s->net, l, c);
}

/* The most recent contact first, then by id. */
static int
recent(const void *x, const void *y)
{
	const struct contact *a = *(struct contact *const *)x;
	const struct contact *b = *(struct contact *const *)y;

	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Of one contact, the newest first; of one day, the one written later. */
static int
newest(const void *x, const void *y)
{
	const struct logent *a = *(const struct logent *const *)x;
	const struct logent *b = *(const struct logent *const *)y;

	if (a->date != b->date)
		return a->date > b->date ? -1 : 1;
	return a > b ? -1 : a < b;
}

/*
 * -s -l: the entries themselves, each contact entry within the span a
 * row: id, date, kind, name, note.
 */
static void
entries(struct ls *l, struct contact *c)
{
	static const char *names[] = { "id", "date", "kind", "name", "note" };
	const struct logent **v;
	const char *vals[5];
	char ds[11];
	size_t i, n = 0;

	v = xcalloc(c->nlog + 1, sizeof *v);
	for (i = 0; i < c->nlog; i++)
		if ((schema_kind(c->log[i].kind) & KIND_CONTACT) &&
		    c->log[i].date >= l->since && c->log[i].date <= l->today)
			v[n++] = &c->log[i];
	if (n)
		qsort(v, n, sizeof *v, newest);
	for (i = 0; i < n; i++) {
		vals[0] = c->id;
		vals[1] = date_str(v[i]->date, ds);
		vals[2] = v[i]->kind;
		vals[3] = c->name;
		vals[4] = v[i]->note;
		out_row(5, names, vals, "sssss", NULL);
	}
	free(v);
}

/* A contact's row. */
static int
print(struct net *net, struct ls *l, struct contact *c)
{
	static const char *names[] = { "id", "name", "circle", "last", "due" };
	const char *vals[5];
	char ls[11], ds[11];
	int last, due;

	if (l->since != NODATE && l->lng && !l->json) {
		entries(l, c);
		return 0;
	}
	vals[0] = c->id;
	vals[1] = c->name;
	vals[2] = c->circle;
	vals[3] = vals[4] = NULL;
	if (l->lng) {
		last = c->last != NODATE ? c->last : c->added;
		vals[3] = last != NODATE ? date_str(last, ls) : NULL;
		due = contact_due_date(net, c, l->today);
		vals[4] = due != NODATE ? date_str(due, ds) : NULL;
	}
	if (l->json)
		json_contact(stdout, net, c, l->today);
	else
		out_row(l->lng ? 5 : 2, names, vals, "sssss", NULL);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct scan s = { 0 };
	struct ls l = { 0 };
	struct refs refs = { 0 };
	const char *relref = NULL;
	char *id;
	struct dur span;
	const char *sopt = NULL;
	size_t i;
	int ch, rv;

	while ((ch = opt_get(argc, argv, "C:c:e:f:g:hjlo:Q:R:r:s:t:V")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'c': strv_add(&s.filter.circle, optarg); break;
		case 'e': addpat(optarg, 0); break;
		case 'f': addpat(optarg, 1); break;
		case 'g': strv_add(&s.filter.group, optarg); break;
		case 'j': l.json = 1; break;
		case 'l': l.lng = 1; break;
		case 'o': strv_add(&l.orgs, optarg); break;
		case 'Q': l.query = optarg; break;
		case 'R': relref = optarg; break;
		case 'r': l.role = optarg; break;
		case 's':
			if (!dur_parse(optarg, &span) || span.unit == 'n')
				errx(2, "'%s': not a duration (like 3d, 1w, 2m)",
				    optarg);
			sopt = optarg;
			break;
		case 't': strv_add(&s.filter.tag, optarg); break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (l.role && relref == NULL)
		opt_usage(usage_text);

	if (l.query && (argc || npats || l.json || l.lng || relref ||
	    l.orgs.n || sopt || s.filter.tag.n || s.filter.group.n ||
	    s.filter.circle.n))
		opt_usage(usage_text);
	l.today = date_today();
	/* the span back from today: 1w is today and the six days before */
	l.since = sopt ? 2 * l.today - date_add(l.today, span) + 1 : NODATE;
	s.net = net_open(1);
	if (relref) {
		refs.net = s.net;
		if ((id = ref_resolve(&refs, relref)) == NULL)
			return 1;
		l.rel = contact_load(s.net, id, C_STRUCT);
		free(id);
		refs_free(&refs);
		if (contact_report(l.rel) == -1)
			return 1;
	}
	if (npats)
		s.flags = C_LOG | C_KEYS;
	if (l.json)
		s.flags |= C_KEYS;
	if (sopt && l.lng)
		s.flags |= C_LOG;
	out_init(l.json);
	rv = contacts_each(&s, argc, argv, row, &l);
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, recent);
	for (i = 0; i < l.n; i++) {
		print(s.net, &l, l.v[i]);
		contact_free(l.v[i]);
	}
	free(l.v);
	if (l.query) {	/* mutt's query_command: a line of text first */
		if (l.found.n == 0)
			rv = 1;
		printf("%s\n", l.found.n ? "nw: contacts" : "no match");
		for (i = 0; i < l.found.n; i++)
			printf("%s\n", l.found.v[i]);
		strv_free(&l.found);
	}
	for (i = 0; i < npats; i++) {
		free(pats[i].key);
		match_free(pats[i].m);
	}
	free(pats);
	contact_free(l.rel);
	strv_free(&l.orgs);
	filter_free(&s.filter);
	net_free(s.net);
	return out_close() || rv || l.failed;
}
