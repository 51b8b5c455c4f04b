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

	if (s->mode == 0 && s->val && !s->keep && schema_new_job(s->key))
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

/* With no value: print it, a list one item a line, like git config. */
static int
show(struct net *net, const char *id, const char *key, const char *part)
{
	struct contact *c = contact_load(net, id, C_KEYS | C_STRUCT);
	int rv = 1;

	if (!contact_report(c))
		rv = show_key_value(c, key, part);
	contact_free(c);
	return rv;
}

/* Change one contact as asked; said on stderr when there was nothing. */
static int
setone(struct batch *b, const char *id, void *arg)
{
	struct set *s = arg;
	struct contact *c = NULL;
	int rv;

	s->found = 0;
	if ((rv = change_edit(s->net, id, edits, s, &c)) != 0)
		return rv;
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
	const char *arg, *why, *name;
	char *id, *verb, *ref = NULL;
	int ch, rv, isref = 0;

	while ((ch = opt_get(argc, argv, "aC:dhKV")) != -1)
		switch (ch) {
		case 'a':
		case 'd':
			if (s.mode && s.mode != ch)
				opt_usage(usage_text);
			s.mode = ch;
			break;
		case 'C': nw_dir_opt = optarg; break;
		case 'K': s.keep = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: opt_usage(usage_text);
		}
	argc -= optind;
	argv += optind;
	if (argc < 2 || argc > 3 || (s.mode == 'a' && argc != 3))
		opt_usage(usage_text);
	arg = s.key = argv[1];
	s.val = argc == 3 ? argv[2] : NULL;
	if ((name = schema_part(arg, &s.part, &isref)) != NULL)
		s.key = name;
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
	if (s.part && s.val && isref) {
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
