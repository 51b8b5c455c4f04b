/* t-edit - the editor engine on hand-written files, exact bytes out */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

enum op { APPEND, APPEND_FLOW, SET, DELETE, REMOVE };

static const struct tcase {
	const char	*what;
	enum op		 op;
	const char	*key, *val;
	const char	*in, *out;	/* out NULL: must be refused */
} cases[] = {
	{ "block list indented", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog:\n  - {date: 2026-01-01}\n# end\n",
	  "name: A\nlog:\n  - {date: 2026-01-01}\n  - {date: 2026-11-25}\n# end\n" },
	{ "block list at the key's column", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog:\n- date: 2026-01-01\n  kind: call\nnotes: x\n",
	  "name: A\nlog:\n- date: 2026-01-01\n  kind: call\n- {date: 2026-11-25}\nnotes: x\n" },
	{ "flow list", APPEND, "tags", "c",
	  "name: A\ntags: [a, b]   # mine\n",
	  "name: A\ntags: [a, b, c]   # mine\n" },
	{ "empty flow list", APPEND, "tags", "c",
	  "name: A\ntags: []\n", "name: A\ntags: [c]\n" },
	{ "multi-line flow list", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog: [\n  {date: 2026-01-01},\n]\n",
	  "name: A\nlog: [\n  {date: 2026-01-01}, {date: 2026-11-25},\n]\n" },
	{ "empty log: then another key", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog:\nnotes: x\n",
	  "name: A\nlog:\n  - {date: 2026-11-25}\nnotes: x\n" },
	{ "empty log: last, no final newline", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog:", "name: A\nlog:\n  - {date: 2026-11-25}" },
	{ "log: ~", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog: ~\n", "name: A\nlog: [{date: 2026-11-25}]\n" },
	{ "absent key", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\n", "name: A\nlog:\n  - {date: 2026-11-25}\n" },
	{ "absent key, no final newline", APPEND, "log", "{date: 2026-11-25}",
	  "name: A", "name: A\nlog:\n  - {date: 2026-11-25}" },
	{ "absent flow key", APPEND_FLOW, "tags", "rust",
	  "name: A\n", "name: A\ntags: [rust]\n" },
	{ "CRLF", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\r\nlog:\r\n  - {date: 2026-01-01}\r\n",
	  "name: A\r\nlog:\r\n  - {date: 2026-01-01}\r\n  - {date: 2026-11-25}\r\n" },
	{ "CRLF, absent key", SET, "next", "2026-12-01",
	  "name: A\r\n", "name: A\r\nnext: 2026-12-01\r\n" },
	{ "BOM", APPEND, "log", "{date: 2026-11-25}",
	  "\xef\xbb\xbfname: A\nlog:\n  - {date: 2026-01-01}\n",
	  "\xef\xbb\xbfname: A\nlog:\n  - {date: 2026-01-01}\n  - {date: 2026-11-25}\n" },
	{ "BOM, delete the first key", DELETE, "next",  NULL,
	  "\xef\xbb\xbfnext: 2026-01-01\nname: A\n",
	  "\xef\xbb\xbfname: A\n" },
	{ "tab after key:", SET, "next", "2026-12-01",
	  "name:\tAda\nnext:\t2026-01-01\n", "name:\tAda\nnext:\t2026-12-01\n" },
	{ "block scalar last", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nnotes: |\n  one\n  two\n",
	  "name: A\nnotes: |\n  one\n  two\nlog:\n  - {date: 2026-11-25}\n" },
	{ "block scalar last, blank lines and comment", SET, "next", "2026-12-01",
	  "name: A\nnotes: |\n  one\n\n# c\n",
	  "name: A\nnotes: |\n  one\n\nnext: 2026-12-01\n# c\n" },
	{ "block scalar last, no final newline", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nnotes: |\n  Ran.",
	  "name: A\nlog:\n  - {date: 2026-11-25}\nnotes: |\n  Ran." },
	{ "block scalar as a list's last item", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog:\n  - date: 2026-01-01\n    note: |\n      long\nnext: x\n",
	  "name: A\nlog:\n  - date: 2026-01-01\n    note: |\n      long\n  - {date: 2026-11-25}\nnext: x\n" },
	{ "replace keeps the comment", SET, "next", "2026-12-01",
	  "name: A\nnext: 2026-01-01 # soon\nx: 1\n",
	  "name: A\nnext: 2026-12-01 # soon\nx: 1\n" },
	{ "replace a quoted value", SET, "next-note", "hi",
	  "name: A\nnext-note: 'old: one'\n", "name: A\nnext-note: hi\n" },
	{ "replace an empty value", SET, "next", "2026-12-01",
	  "name: A\nnext:\nx: 1\n", "name: A\nnext: 2026-12-01\nx: 1\n" },
	{ "replace a block value", SET, "notes", "short",
	  "name: A\nnotes: |\n  long\n  text\n\nx: 1\n",
	  "name: A\nnotes: short\n\nx: 1\n" },
	{ "delete keeps the comments around", DELETE, "next", NULL,
	  "name: A\n# follow up\nnext: 2026-01-01  # soon\nx: 1\n",
	  "name: A\n# follow up\nx: 1\n" },
	{ "delete the last key, no final newline", DELETE, "next", NULL,
	  "name: A\nnext: 2026-01-01", "name: A" },
	{ "delete the last key, CRLF, no final newline", DELETE, "next", NULL,
	  "name: A\r\nnext: 2026-01-01", "name: A" },
	{ "delete an absent key", DELETE, "next", NULL,
	  "name: A\n", "name: A\n" },
	{ "one value becomes a list", APPEND, "email", "b@example.org",
	  "name: A\nemail: a@example.org  # home\n",
	  "name: A\nemail: [a@example.org, b@example.org]  # home\n" },
	{ "a plain value unsafe in a flow list", APPEND, "aka", "B",
	  "name: A\naka: Countess, of Lovelace\n",
	  "name: A\naka: [\"Countess, of Lovelace\", B]\n" },
	{ "indented root", SET, "next", "2026-12-01",
	  "  name: A\n  x: 1\n", "  name: A\n  x: 1\n  next: 2026-12-01\n" },
	{ "document markers", SET, "next", "2026-12-01",
	  "---\nname: A\n...\n", "---\nname: A\nnext: 2026-12-01\n...\n" },
	{ "remove from a block list", REMOVE, "tags", "b",
	  "name: A\ntags:\n  - a\n  - b  # bee\n  - c\n",
	  "name: A\ntags:\n  - a\n  - c\n" },
	{ "remove the last of a block list, no final newline", REMOVE, "tags",
	  "b", "name: A\ntags:\n- a\n- b", "name: A\ntags:\n- a" },
	{ "remove from a flow list", REMOVE, "tags", "b",
	  "name: A\ntags: [a, b, c]\n", "name: A\ntags: [a, c]\n" },
	{ "remove the last of a flow list", REMOVE, "tags", "c",
	  "name: A\ntags: [a, b, c]  # t\n", "name: A\ntags: [a, b]  # t\n" },
	{ "remove the only item", REMOVE, "tags", "a",
	  "name: A\ntags: [a]\nx: 1\n", "name: A\nx: 1\n" },
	{ "remove a single value", REMOVE, "email", "a@b",
	  "name: A\nemail: a@b\n", "name: A\n" },
	{ "remove what is not there", REMOVE, "tags", "z",
	  "name: A\ntags: [a]\n", "name: A\ntags: [a]\n" },
	{ "refuse: log is a mapping", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog: {a: 1}\n", NULL },
	{ "refuse: log is a block mapping", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog:\n  a: 1\n", NULL },
	{ "refuse: anchored log", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog: &l\n  - {date: 2026-01-01}\n", NULL },
	{ "refuse: aliased log", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nx: &l [1]\nlog: *l\n", NULL },
	{ "refuse: tagged log", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\nlog: !!seq [1]\n", NULL },
	{ "refuse: flow root", SET, "next", "2026-12-01",
	  "{name: A}\n", NULL },
	{ "refuse: root is a list", SET, "next", "2026-12-01",
	  "- name: A\n", NULL },
	{ "refuse: quoted key", SET, "next", "2026-12-01",
	  "name: A\n\"next\": 2026-01-01\n", NULL },
	{ "refuse: block scalar to a list", APPEND, "aka", "B",
	  "name: A\naka: |\n  x\n", NULL },
	/* a lone CR is a line break the editor's lines do not know (fuzz-edit) */
	{ "refuse: a lone CR ends the last line", SET, "next", "2026-12-01",
	  "name: A\nx: 1\r", NULL },
	{ "refuse: a lone CR ends a line", APPEND, "log", "{date: 2026-11-25}",
	  "name: A\rx: 1\n", NULL },
};

/* A part of a mapping, an item of a list (nw-mv, nw-rm -f). */
static const struct ccase {
	const char	*what, *key, *part;
	const char	*val;		/* NULL: take the part out */
	const char	*in, *out;	/* out NULL: must be refused */
} ccases[] = {
	{ "child: a flow mapping's value", "met", "via", "bob-2",
	  "name: A\nmet: {where: x, via: bob}  # c\n",
	  "name: A\nmet: {where: x, via: bob-2}  # c\n" },
	{ "child: a block mapping's value, quoted", "met", "via", "\"a: b\"",
	  "name: A\nmet:\n  via: 'bob'\n  date: 2020-01-01\n",
	  "name: A\nmet:\n  via: \"a: b\"\n  date: 2020-01-01\n" },
	{ "child: out of a flow mapping, first", "met", "via", NULL,
	  "name: A\nmet: {via: bob, where: x}\n",
	  "name: A\nmet: {where: x}\n" },
	{ "child: out of a flow mapping, last", "met", "via", NULL,
	  "name: A\nmet: {where: x, via: bob}\n",
	  "name: A\nmet: {where: x}\n" },
	{ "child: out of a block mapping, CRLF", "met", "via", NULL,
	  "name: A\r\nmet:\r\n  where: x\r\n  via: bob   # him\r\nlog: []\r\n",
	  "name: A\r\nmet:\r\n  where: x\r\nlog: []\r\n" },
	{ "child: the only one goes with its key", "met", "via", NULL,
	  "name: A\nmet: {via: bob}\nlog: []\n",
	  "name: A\nlog: []\n" },
	{ "child: a list item", "groups", "acm", "acm-2",
	  "name: A\ngroups: [x, acm, ACM]\n",
	  "name: A\ngroups: [x, acm-2, ACM]\n" },
	{ "child: not there, nothing done", "met", "via", "x",
	  "name: A\nmet: {where: x}\n",
	  "name: A\nmet: {where: x}\n" },
	{ "refuse: child with an anchor", "met", "via", "x",
	  "name: A\nmet: {via: &v bob}\n",
	  NULL },
	{ "refuse: child a block scalar", "met", "via", "x",
	  "name: A\nmet:\n  via: |\n    bob\n",
	  NULL },
	{ "refuse: child empty", "met", "via", "x",
	  "name: A\nmet:\n  via:\n  where: x\n",
	  NULL },
};

static const struct qcase {
	const char *in;
	int flags;
	const char *out;
} quotes[] = {
	{ "Ada", 0, "Ada" },
	{ "Talked about her job", Q_STR, "Talked about her job" },
	{ "a: b", 0, "\"a: b\"" },
	{ "a, b", 0, "a, b" },
	{ "a, b", Q_FLOW, "\"a, b\"" },
	{ "x #1", 0, "\"x #1\"" },
	{ "x#1", 0, "x#1" },
	{ "#1", 0, "\"#1\"" },
	{ "- a", 0, "\"- a\"" },
	{ "-", 0, "\"-\"" },
	{ "--12-09", 0, "--12-09" },
	{ "-x,y", Q_FLOW, "\"-x,y\"" },
	{ ":x", 0, ":x" },
	{ "Caf\xc2\x80" "e", 0, "\"Caf\\x80e\"" },
	{ "x\xef\xbf\xbe", 0, "\"x\\uFFFE\"" },
	{ "2026-12-01T10:00:00Z", Q_STR, "\"2026-12-01T10:00:00Z\"" },
	{ "fund?", Q_FLOW, "\"fund?\"" },
	{ "https://x", Q_FLOW, "\"https://x\"" },
	{ "https://x", 0, "https://x" },
	{ "yes", Q_STR, "\"yes\"" },
	{ "yes", 0, "yes" },
	{ "null", Q_STR, "\"null\"" },
	{ "42", Q_STR, "\"42\"" },
	{ "+44 20 7946 0000", Q_STR, "\"+44 20 7946 0000\"" },
	{ "2026-12-11", 0, "2026-12-11" },
	{ "2026-12-11", Q_STR, "\"2026-12-11\"" },
	{ "", 0, "\"\"" },
	{ " lead", 0, "\" lead\"" },
	{ "say \"hi\"\n", 0, "\"say \\\"hi\\\"\\n\"" },
	{ "tab\there", 0, "\"tab\\there\"" },
	{ "José Núñez", Q_STR, "José Núñez" },
	{ "line\xe2\x80\xa8sep", 0, "\"line\\Lsep\"" },
	{ "ends:", 0, "\"ends:\"" },
	{ "[x]", Q_FLOW, "\"[x]\"" },
	{ "a]b", Q_FLOW, "\"a]b\"" },
	{ "a]b", 0, "a]b" },
	{ "@ada", 0, "\"@ada\"" },
};

static int n, failed;

static void
ok(int cond, const char *what)
{
	printf("%s %d - %s\n", cond ? "ok" : "not ok", ++n, what);
	if (!cond)
		failed++;
}

static void
show(const char *label, const char *s, size_t len)
{
	size_t i;

	printf("# %s: \"", label);
	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			printf("\\n");
		else if (s[i] == '\r')
			printf("\\r");
		else
			putchar(s[i]);
	printf("\"\n");
}

int
main(void)
{
	const struct tcase *t;
	struct ydoc *d;
	struct edit *e;
	size_t i;
	char *q;
	int r = 0, found;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = &cases[i];
		d = ydoc_parse(t->in, strlen(t->in));
		e = edit_open(d, "test.yaml");
		switch (t->op) {
		case APPEND: r = edit_append(e, t->key, t->val, 1) == 0; break;
		case APPEND_FLOW: r = edit_append(e, t->key, t->val, 0) == 0;
			break;
		case SET: r = edit_set(e, t->key, t->val) == 0; break;
		case DELETE: r = edit_delete(e, t->key) == 0; break;
		case REMOVE: r = edit_remove(e, t->key, t->val, &found) == 0;
			break;
		}
		if (t->out) {
			ok(r && e->len == strlen(t->out) &&
			    memcmp(e->text, t->out, e->len) == 0, t->what);
			if (!r)
				printf("# refused: %s\n", e->err);
			else if (e->len != strlen(t->out) ||
			    memcmp(e->text, t->out, e->len)) {
				show("got", e->text, e->len);
				show("want", t->out, strlen(t->out));
			}
		} else {
			ok(!r && e->len == strlen(t->in) &&
			    memcmp(e->text, t->in, e->len) == 0 && e->err[0],
			    t->what);
			if (r)
				show("edited", e->text, e->len);
		}
		edit_free(e);
	}
	for (i = 0; i < sizeof ccases / sizeof ccases[0]; i++) {
		d = ydoc_parse(ccases[i].in, strlen(ccases[i].in));
		e = edit_open(d, "test.yaml");
		r = edit_child(e, ccases[i].key, ccases[i].part, ccases[i].val,
		    &found) == 0;
		if (ccases[i].out) {
			ok(r && e->len == strlen(ccases[i].out) &&
			    memcmp(e->text, ccases[i].out, e->len) == 0,
			    ccases[i].what);
			if (!r)
				printf("# refused: %s\n", e->err);
			else if (e->len != strlen(ccases[i].out) ||
			    memcmp(e->text, ccases[i].out, e->len))
				show("got", e->text, e->len);
		} else
			ok(!r && e->len == strlen(ccases[i].in) && e->err[0],
			    ccases[i].what);
		edit_free(e);
	}
	for (i = 0; i < sizeof quotes / sizeof quotes[0]; i++) {
		q = yaml_quote(quotes[i].in, quotes[i].flags);
		ok(strcmp(q, quotes[i].out) == 0, quotes[i].out);
		if (strcmp(q, quotes[i].out))
			printf("# got %s\n", q);
		/* what was written reads back as the same string */
		d = ydoc_parse(q, strlen(q));
		ok(d->root && d->root->type == YSCALAR &&
		    strcmp(d->root->str, quotes[i].in) == 0,
		    "reads back as itself");
		ydoc_free(d);
		free(q);
	}
	printf("1..%d\n", n);
	return failed != 0;
}
