/* nw-set - set, add to, delete or print one key of a contact */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-set [-a | -d] [-K] [-C dir] ref key [value]";

static const char options_text[] =
    "  -a             add value to the list under key\n"
    "  -C dir         use the network in dir\n"
    "  -d             delete key, or value from the list under key\n"
    "  -K             keep the old org out of work: (no job change)\n";

struct set {
	struct net	*net;
	const char	*key, *val;
	char		*part;		/* of key: rel.mentor's mentor */
	int		 mode;		/* 0, 'a' or 'd' */
	int		 keep;		/* -K */
	int		 found;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

/* A key's name, or "key.part": any text but control characters after. */
static int
keyword(const char *k)
{
	size_t n = strspn(k, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
	const unsigned char *p;

	if (n == 0 || (k[n] != '\0' && (k[n] != '.' || k[n + 1] == '\0')))
		return 0;
	for (p = (const unsigned char *)k + n; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

static int
edits(struct change *ch, struct contact *c, void *arg)
{
	struct set *s = arg;
	const struct key *k = schema_key(s->key);

	if (s->mode == 0 && s->val && !s->keep && k && (k->flags & K_JOB))
		return change_job(ch, c, s->val, NULL, date_today(),
		    &s->found);
	if (s->part)
		return change_part(ch, s->key, s->part, s->mode == 'd' ?
		    s->val : NULL, s->mode == 'd' ? NULL : s->val,
		    s->mode == 0 || (s->mode == 'd' && s->val == NULL),
		    &s->found);
	switch (s->mode) {
	case 'a':
		return change_add(ch, s->key, s->val);
	case 'd':
		if (s->val)
			return change_remove(ch, s->key, s->val, &s->found);
		return change_delete(ch, s->key, &s->found);
	default:
		return change_set(ch, s->key, s->val);
	}
}

/* A value as it is into a pipe, made safe on a terminal (how -1: as is). */
static void
put(const char *s, const char *end, int how)
{
	if (how == -1)
		fputs(s, stdout);
	else
		text_put(stdout, s, how);
	fputs(end, stdout);
}

/* The value of part in the mapping v; NULL when it has none. */
static const struct value *
part_value(const struct value *v, const char *part)
{
	size_t i;

	for (i = 0; v && v->type == V_MAP && i + 1 < v->n; i += 2)
		if (v->v[i].type == V_STR && strcmp(v->v[i].s, part) == 0)
			return &v->v[i + 1];
	return NULL;
}

/* With no value: print it, a list one item a line, like git config. */
static int
show(struct net *net, const char *id, const char *key, const char *part)
{
	struct contact *c = contact_load(net, id, C_KEYS | C_STRUCT);
	const struct value *v, *it;
	struct buf b = { 0 };
	size_t i;
	int rv = 1, how;

	if (contact_report(c) == -1 ||
	    (v = contact_value(c, key)) == NULL ||
	    (part && (v = part_value(v, part)) == NULL) || v->type == V_NULL)
		goto done;
	rv = 0;
	how = isatty(1) ? TX_TERM | TX_LINES : -1;
	if (v->type == V_STR)
		put(v->s, "\n", how);
	for (i = 0; v->type == V_LIST && i < v->n; i++) {
		b.len = 0;
		buf_puts(&b, "");
		value_text(&b, &v->v[i], 1);
		put(b.s, "\n", how);
	}
	for (i = 0; v->type == V_MAP && i + 1 < v->n; i += 2) {
		it = &v->v[i + 1];
		put(v->v[i].s ? v->v[i].s : "", "\t", how);
		put(it->type == V_STR ? it->s : "", "\n", how);
	}
done:
	free(b.s);
	contact_free(c);
	return rv;
}

/* Change one contact as asked; said on stderr when there was nothing. */
static int
setone(struct batch *b, const char *id, void *arg)
{
	struct set *s = arg;
	struct contact *c = NULL;

	s->found = 0;
	if (change_edit(s->net, id, edits, s, &c) == -1)
		return 1;
	if (s->mode == 'd' && !s->found) {
		warnx("%s: '%s': %s", id, s->val ? s->val : s->part ?
		    s->part : s->key, s->val ?
		    "not there to delete" : "no such key to delete");
		contact_free(c);
		return 1;
	}
	batch_changed(b, id, c->name);
	contact_free(c);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct set s = { 0 };
	struct batch b = { 0 };
	const struct key *k;
	const char *arg, *why;
	char *id, *verb, *ref = NULL;
	int ch, rv;

	while ((ch = opt_get(argc, argv, "aC:dhKV")) != -1)
		switch (ch) {
		case 'a':
		case 'd':
			if (s.mode && s.mode != ch)
				usage();
			s.mode = ch;
			break;
		case 'C': nw_dir_opt = optarg; break;
		case 'K': s.keep = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: usage();
		}
	argc -= optind;
	argv += optind;
	if (argc < 2 || argc > 3 || (s.mode == 'a' && argc != 3))
		usage();
	arg = s.key = argv[1];
	s.val = argc == 3 ? argv[2] : NULL;
	if ((k = schema_part(arg, &s.part)) != NULL)
		s.key = k->name;
	else if (!keyword(s.key))
		errx(2, "'%s': not a key (letters, digits, '-' and '_')",
		    s.key);
	if ((why = schema_set_refused(s.key, s.mode)) != NULL)
		errx(2, "%s", why);
	b.net = s.net = net_open(1);
	b.refs.net = s.net;
	if (s.val == NULL && s.mode == 0) {
		if (strcmp(argv[0], "-") == 0)
			errx(2, "'-': a key is printed for one contact");
		rv = (id = ref_resolve(&b.refs, argv[0])) == NULL ||
		    show(s.net, id, s.key, s.part);
		free(id);
		free(s.part);
		batch_free(&b);
		net_free(s.net);
		return out_close() || rv;
	}
	if (s.part && s.val && (k->flags & K_REF)) {
		/* rel.mentor alan: an id is stored, resolved now */
		if ((ref = ref_resolve(&b.refs, s.val)) == NULL) {
			free(s.part);
			batch_free(&b);
			net_free(s.net);
			return 1;
		}
		s.val = ref;
	} else if (s.val && s.mode != 'd' && !s.part &&
	    !schema_arg(s.key, s.net, s.val)) {
		net_free(s.net);
		return 1;
	}
	/* "-": the references are the lines of standard input */
	rv = batch_run(&b, 1, argv, setone, &s);
	verb = s.mode == 'a' ? xasprintf("Add %s to %s of", s.val, arg) :
	    s.mode == 'd' ? (s.val ? xasprintf("Delete %s from %s of", s.val,
	    arg) : xasprintf("Delete %s of", arg)) :
	    xasprintf("Set %s for", arg);
	batch_commit(&b, verb);
	free(verb);
	free(ref);
	free(s.part);
	batch_free(&b);
	net_free(s.net);
	return exit_status(out_close() || rv);
}
