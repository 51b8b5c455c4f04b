/* nw-add - create contacts */

#include <sys/stat.h>

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

struct list {
	char	**v;
	size_t	  n;
};

struct run {
	struct net	*net;
	struct refs	 refs;
	struct list	 tags, groups, emails, phones, added, names;
	const char	*circle, *every, *org, *birthday, *met;
	char		*via;
	int		 force, today;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

static void
push(struct list *l, const char *s)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = (char *)s;
}

/* key: value, or key: [a, b] for several */
static void
field(struct buf *b, const char *key, struct list *l, int flowlist)
{
	char *q;
	size_t i;

	if (l->n == 0)
		return;
	buf_printf(b, "%s: ", key);
	if (l->n > 1 || flowlist)
		buf_puts(b, "[");
	for (i = 0; i < l->n; i++) {
		q = yaml_quote(l->v[i], Q_STR | (l->n > 1 || flowlist ?
		    Q_FLOW : 0));
		buf_printf(b, "%s%s", i ? ", " : "", q);
		free(q);
	}
	buf_puts(b, l->n > 1 || flowlist ? "]\n" : "\n");
}

static void
scalar(struct buf *b, const char *key, const char *v)
{
	char *q;

	if (v == NULL)
		return;
	q = yaml_quote(v, Q_STR);
	buf_printf(b, "%s: %s\n", key, q);
	free(q);
}

static char *
text(struct run *r, const char *name)
{
	struct buf b = { 0 };
	struct list one = { 0 };
	char ds[11], *q, *w;

	push(&one, name);
	scalar(&b, "name", name);
	free(one.v);
	if (r->circle)
		buf_printf(&b, "circle: %s\n", q = yaml_quote(r->circle,
		    Q_STR)), free(q);
	if (r->every)
		buf_printf(&b, "every: %s\n", r->every);
	field(&b, "tags", &r->tags, 1);
	field(&b, "groups", &r->groups, 1);
	scalar(&b, "org", r->org);
	field(&b, "email", &r->emails, 0);
	field(&b, "phone", &r->phones, 0);
	if (r->birthday)
		buf_printf(&b, "birthday: %s\n", r->birthday);
	if (r->via) {
		buf_puts(&b, "met: {");
		if (r->met) {
			w = yaml_quote(r->met, Q_STR | Q_FLOW);
			buf_printf(&b, "where: %s, ", w);
			free(w);
		}
		q = yaml_quote(r->via, Q_STR | Q_FLOW);
		buf_printf(&b, "via: %s}\n", q);
		free(q);
	} else
		scalar(&b, "met", r->met);
	buf_printf(&b, "added: %s\n", date_str(r->today, ds));
	return b.s;
}

/* Is this name or one of these emails in the network already? */
static const char *
duplicate(struct run *r, const char *name)
{
	struct contact **all;
	size_t n, i, j, k;

	for (i = 0; i < r->added.n; i++)
		if (strcaseeq(r->names.v[i], name))
			return r->added.v[i];
	all = refs_all(&r->refs, &n, NULL);
	for (i = 0; i < n; i++) {
		if (strcaseeq(all[i]->name, name))
			return all[i]->id;
		for (j = 0; j < all[i]->nemail; j++)
			for (k = 0; k < r->emails.n; k++)
				if (strcaseeq(all[i]->email[j], r->emails.v[k]))
					return all[i]->id;
	}
	return NULL;
}

/* The text must read back as a contact with this very name. */
static int
verified(const char *s, const char *name)
{
	struct ydoc *d = ydoc_parse(s, strlen(s));
	const char *got = ynode_str(ymap_get(d->root, "name"));
	int ok = got && strcmp(got, name) == 0;

	ydoc_free(d);
	return ok;
}

static int
add(const char *name, void *arg)
{
	struct run *r = arg;
	struct stat st;
	const char *dup;
	char *base, *id, *path, *s;
	int i;

	if (*name == '\0' || strpbrk(name, "\r\n") ||
	    !utf8_valid(name, strlen(name), NULL)) {
		warnx("'%s': not a name", name);
		return 1;
	}
	if (!r->force && (dup = duplicate(r, name)) != NULL) {
		warnx("'%s': already in the network as %s (-f adds anyway)",
		    name, dup);
		return 1;
	}
	base = contact_slug(name);
	id = xstrdup(base);
	for (i = 2;; i++) {
		path = net_path(r->net, id);
		if (lstat(path, &st) == -1)
			break;
		free(path);
		free(id);
		id = xasprintf("%s-%d", base, i);
	}
	free(base);
	s = text(r, name);
	if (!verified(s, name)) {
		warnx("'%s': the new file would not read back; nothing "
		    "written", name);
		free(s), free(path), free(id);
		return 1;
	}
	if (safe_write(path, s, strlen(s), 1) == -1) {
		free(s), free(path), free(id);
		return 1;
	}
	free(s);
	free(path);
	puts(id);
	fflush(stdout);
	push(&r->added, id);
	push(&r->names, xstrdup(name));
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

	while ((ch = getopt(argc, argv, "b:C:c:E:e:fg:hm:o:P:t:Vv:")) != -1)
		switch (ch) {
		case 'b': r.birthday = optarg; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'c': r.circle = optarg; break;
		case 'E': push(&r.emails, optarg); break;
		case 'e': r.every = optarg; break;
		case 'f': r.force = 1; break;
		case 'g': push(&r.groups, optarg); break;
		case 'm': r.met = optarg; break;
		case 'o': r.org = optarg; break;
		case 'P': push(&r.phones, optarg); break;
		case 't': push(&r.tags, optarg); break;
		case 'v': via = optarg; break;
		case 'V': puts("nw-add " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;

	r.today = date_today();
	if (r.every && !dur_parse(r.every, &du))
		errx(2, "'%s': not a duration (like 6w, 2m, 1y)", r.every);
	if (r.birthday && !bday_parse(r.birthday, &bd))
		errx(2, "'%s': not a birthday (YYYY-MM-DD or --MM-DD)",
		    r.birthday);
	r.net = net_open(1);
	r.refs.net = r.net;
	if (r.circle && net_circle(r.net, r.circle) == NULL)
		errx(2, "'%s': no such circle", r.circle);
	if (argc == 0 && !ref_stdin_usable())
		usage();
	net_lock(r.net);
	if (via && (r.via = ref_resolve(&r.refs, via)) == NULL)
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
