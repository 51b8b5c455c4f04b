/* nw-set - set, add to, delete or print one key of a contact */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-set [-a | -d] [-C dir] ref key [value]";

struct set {
	struct net	*net;
	const char	*key, *val;
	char		*text;		/* the value as YAML */
	int		 mode;		/* 0, 'a' or 'd' */
	int		 found;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

static int
keyword(const char *k)
{
	return *k && strspn(k, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == strlen(k);
}

/*
 * The value as YAML text, checked against what the key means: dates,
 * durations, circles, birthdays, emails.  NULL, said, when it is wrong.
 */
static char *
value(struct net *net, const char *key, const char *v, int inlist)
{
	struct bday bd;
	struct dur du;
	char ds[11];
	int z;

	if (strcmp(key, "next") == 0 || strcmp(key, "added") == 0) {
		if (!date_parse_ahead(v, date_today(), &z)) {
			warnx("'%s': not a date (YYYY-MM-DD, tomorrow, a "
			    "weekday, 2w)", v);
			return NULL;
		}
		return xstrdup(date_str(z, ds));
	}
	if (strcmp(key, "every") == 0 && !dur_parse(v, &du)) {
		warnx("'%s': not a duration (like 3w, 2m, 1y)", v);
		return NULL;
	}
	if (strcmp(key, "birthday") == 0 && !bday_parse(v, &bd)) {
		warnx("'%s': not a birthday (YYYY-MM-DD or --MM-DD)", v);
		return NULL;
	}
	if (strcmp(key, "circle") == 0 && net_circle(net, v) == NULL) {
		warnx("'%s': no such circle", v);
		return NULL;
	}
	if (strcmp(key, "email") == 0 && !email_plausible(v)) {
		warnx("'%s': not an email address", v);
		return NULL;
	}
	if (strcmp(key, "name") == 0 && *v == '\0') {
		warnx("a name cannot be empty");
		return NULL;
	}
	if (strpbrk(v, "\r") || !utf8_valid(v, strlen(v), NULL)) {
		warnx("'%s': not a value (carriage return or bad UTF-8)", v);
		return NULL;
	}
	if (strcmp(key, "every") == 0 || strcmp(key, "birthday") == 0)
		return yaml_quote(v, inlist ? Q_FLOW : 0);
	return yaml_quote(v, Q_STR | (inlist ? Q_FLOW : 0));
}

static int
edits(struct edit *e, void *arg)
{
	struct set *s = arg;
	struct ynode *v;
	size_t i;

	switch (s->mode) {
	case 'a':
		v = ymap_get(e->doc->root, s->key);
		if (v && v->type == YSCALAR && ynode_str(v) &&
		    strcmp(v->str, s->val) == 0)
			return 1;	/* there already */
		for (i = 0; v && v->type == YSEQ && i < v->nkid; i++)
			if (ynode_str(v->kid[i]) &&
			    strcmp(ynode_str(v->kid[i]), s->val) == 0)
				return 1;
		return edit_append(e, s->key, s->text, 0);
	case 'd':
		if (s->val)
			return edit_remove(e, s->key, s->val, &s->found);
		s->found = ymap_key(e->doc->root, s->key) != NULL;
		return edit_delete(e, s->key);
	default:
		return edit_set(e, s->key, s->text);
	}
}

/* With no value: print it, a list one item a line, like git config. */
static int
show(struct net *net, const char *id, const char *key)
{
	struct contact *c = contact_load(net, id, C_DOC | C_STRUCT);
	struct ynode *v, *k;
	size_t i;

	if (contact_report(c)) {
		contact_free(c);
		return 1;
	}
	if ((v = ymap_get(c->doc->root, key)) == NULL || ynode_isnull(v)) {
		contact_free(c);
		return 1;
	}
	if (v->type == YSCALAR)
		puts(v->str);
	for (i = 0; v->type == YSEQ && i < v->nkid; i++) {
		k = ynode_deref(v->kid[i]);
		if (k->type == YSCALAR)
			puts(k->str);
		else
			printf("%.*s\n", (int)(k->end - k->start),
			    c->doc->text + k->start);
	}
	for (i = 0; v->type == YMAP && i + 1 < v->nkid; i += 2) {
		k = ynode_deref(v->kid[i + 1]);
		printf("%s\t%s\n", ynode_str(v->kid[i]) ? ynode_str(v->kid[i]) :
		    "", k->type == YSCALAR ? k->str : "");
	}
	contact_free(c);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct set s = { 0 };
	struct refs refs = { 0 };
	struct contact *c = NULL;
	char *id, *msg;
	int ch, rv;

	while ((ch = getopt(argc, argv, "aC:dhV")) != -1)
		switch (ch) {
		case 'a':
		case 'd':
			if (s.mode && s.mode != ch)
				usage();
			s.mode = ch;
			break;
		case 'C': nw_dir_opt = optarg; break;
		case 'V': puts("nw-set " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;
	if (argc < 2 || argc > 3 || (s.mode == 'a' && argc != 3))
		usage();
	s.key = argv[1];
	s.val = argc == 3 ? argv[2] : NULL;
	if (!keyword(s.key))
		errx(2, "'%s': not a key (letters, digits, '-' and '_')",
		    s.key);
	if (strcmp(s.key, "log") == 0)
		errx(2, "the log grows with nw-log");
	if (strcmp(s.key, "name") == 0 && s.mode)
		errx(2, "a contact keeps its one name");
	s.net = net_open(1);
	refs.net = s.net;
	if (s.val == NULL && s.mode == 0) {
		if ((id = ref_resolve(&refs, argv[0])) == NULL)
			return 1;
		return show(s.net, id, s.key) || out_close();
	}
	if (s.val && s.mode != 'd' &&
	    (s.text = value(s.net, s.key, s.val, s.mode == 'a')) == NULL)
		return 1;
	net_lock(s.net);
	if ((id = ref_resolve(&refs, argv[0])) == NULL)
		return 1;
	if ((rv = change_edit(s.net, id, edits, &s, &c)) != 0)
		return rv;
	if (s.mode == 'd' && !s.found) {
		warnx("'%s': %s", s.val ? s.val : s.key, s.val ?
		    "not there to delete" : "no such key to delete");
		contact_free(c);
		return 1;
	}
	puts(id);
	msg = s.mode == 'a' ? xasprintf("Add %s to %s of %s", s.val, s.key,
	    c->name) : s.mode == 'd' ? (s.val ? xasprintf("Delete %s from "
	    "%s of %s", s.val, s.key, c->name) : xasprintf("Delete %s of %s",
	    s.key, c->name)) : xasprintf("Set %s for %s", s.key, c->name);
	git_commit(s.net, &id, 1, msg);
	free(msg);
	contact_free(c);
	return out_close();
}
