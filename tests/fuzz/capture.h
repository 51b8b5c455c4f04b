/*
 * capture.h - what fuzz-mail and fuzz-cal share: a network of three
 * contacts made once in a temporary folder, and the invariants of the
 * entries a capture found.
 */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct net *fuzz_net;
static char fuzz_dir[] = "/tmp/nw-fuzz-capture.XXXXXX";

static void
fuzz_rm(void)
{
	static const char *f[] = { "ada.yaml", "bob.yaml", "cat.yaml",
	    ".nw.yaml", NULL };
	char *p;
	size_t i;

	net_free(fuzz_net);
	for (i = 0; f[i]; i++) {
		p = xasprintf("%s/%s", fuzz_dir, f[i]);
		unlink(p);
		free(p);
	}
	p = xasprintf("%s/.nw/tmp", fuzz_dir);
	rmdir(p);
	free(p);
	p = xasprintf("%s/.nw", fuzz_dir);
	rmdir(p);
	free(p);
	rmdir(fuzz_dir);
}

static void
fuzz_put(const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", fuzz_dir, name);
	FILE *fp = fopen(p, "w");

	if (fp == NULL || fputs(text, fp) == EOF || fclose(fp) == EOF)
		err(1, "%s", p);
	free(p);
}

/* The network, made at the first input. */
static struct net *
fuzz_network(void)
{
	if (fuzz_net)
		return fuzz_net;
	if (mkdtemp(fuzz_dir) == NULL)
		err(1, "mkdtemp");
	fuzz_put(".nw.yaml", "me: [me@home.example]\n");
	fuzz_put("ada.yaml", "name: Ada\nemail: ada@example.org\n");
	fuzz_put("bob.yaml", "name: Bob\nemail: [bob@example.com, "
	    "Bob@Work.Example]\n");
	fuzz_put("cat.yaml", "name: Cat\nemail: cat@example.net\n");
	nw_dir_opt = fuzz_dir;
	fuzz_net = net_open(1);
	atexit(fuzz_rm);
	return fuzz_net;
}

/* A text an entry is written with: one line of UTF-8 YAML reads back. */
static void
fuzz_text(const char *s, const char *what)
{
	struct ydoc *d;
	char *q, *doc;
	const char *p;

	FUZZ_ASSERT(utf8_valid(s, strlen(s), NULL), what);
	for (p = s; *p; p++)
		FUZZ_ASSERT((unsigned char)*p >= 0x20 && *p != 0x7f, what);
	q = yaml_quote(s, Q_FLOW | Q_STR);
	doc = xasprintf("- {date: 2026-11-25, note: %s}\n", q);
	d = ydoc_parse(doc, strlen(doc));
	FUZZ_ASSERT(d->root && d->root->type == YSEQ && d->root->nkid == 1,
	    what);
	p = ynode_str(ymap_get(ynode_deref(d->root->kid[0]), "note"));
	FUZZ_ASSERT(p && strcmp(p, s) == 0, what);
	ydoc_free(d);
	free(doc);
	free(q);
}

/*
 * Every entry found: a contact's, dated from..to, its note and key
 * texts that read back as written.
 */
static void
fuzz_check(struct capture *cp, int from, int to)
{
	size_t i;

	for (i = 0; i < cp->n; i++) {
		FUZZ_ASSERT(cp->v[i].c && cp->v[i].c->id, "an entry's contact");
		FUZZ_ASSERT(cp->v[i].date >= from && cp->v[i].date <= to,
		    "an entry dated in the window");
		if (cp->v[i].note)
			fuzz_text(cp->v[i].note, "the note reads back");
		if (cp->v[i].key)
			fuzz_text(cp->v[i].key, "the mid or uid reads back");
	}
}
