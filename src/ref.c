/* ref.c - what a reference names, and where references come from */

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

static void
keep(struct contact *c, void *arg)
{
	struct refs *r = arg;

	r->all[r->nall++] = c;
}

/*
 * Every contact, loaded once for the name rules, which read its id, name,
 * aka and emails: its summary, from the cache when there is one.  One
 * that does not parse is kept, with no name, so that its id still
 * resolves: nw-edit exists to mend such files.
 */
struct contact **
refs_all(struct refs *r, size_t *n)
{
	struct stamp *st;
	char **ids;
	size_t nids, i;

	if (!r->loaded) {
		r->loaded = 1;
		net_scan(r->net, &ids, &st, &nids, NULL);
		r->all = xcalloc(nids, sizeof *r->all);
		contacts_load(r->net, ids, st, nids, 0, keep, r);
		for (i = 0; i < nids; i++)
			free(ids[i]);
		free(ids);
		free(st);
	}
	*n = r->nall;
	return r->all;
}

void
refs_free(struct refs *r)
{
	size_t i;

	for (i = 0; i < r->nall; i++)
		contact_free(r->all[i]);
	free(r->all);
	r->all = NULL;
	r->nall = 0;
	r->loaded = 0;
}

static int
byid(const void *a, const void *b)
{
	return strcmp((*(struct contact *const *)a)->id,
	    (*(struct contact *const *)b)->id);
}

/*
 * Load what appeared since refs_all ran (another process added it): a
 * writer that checks for duplicates does so under the lock, on fresh data.
 */
void
refs_refresh(struct refs *r)
{
	struct contact key, *kp = &key;
	char **ids;
	size_t nids, i, n0;

	if (!r->loaded) {
		refs_all(r, &nids);
		return;
	}
	net_list(r->net, &ids, &nids, NULL);
	n0 = r->nall;
	qsort(r->all, r->nall, sizeof *r->all, byid);
	for (i = 0; i < nids; i++) {
		key.id = ids[i];
		if (bsearch(&kp, r->all, n0, sizeof *r->all, byid) == NULL) {
			r->all = xrealloc(r->all, (r->nall + 1) *
			    sizeof *r->all);
			r->all[r->nall++] = contact_load(r->net, ids[i],
			    C_STRUCT);
		}
		free(ids[i]);
	}
	free(ids);
}

static int
has_dotdot(const char *s)
{
	const char *p;

	for (p = s; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == s || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
			return 1;
	return 0;
}

/*
 * A path to a file, relative to here: its id when it is a contact of the
 * network.  *outside is set when it leads out of the network (a missing
 * file is judged by its folder).
 */
static char *
ref_path(struct refs *r, const char *ref, int *outside)
{
	char real[PATH_MAX], *dir, *slash;
	size_t n = strlen(r->net->real), m;

	*outside = 0;
	if (realpath(ref, real) == NULL) {
		dir = xstrdup(ref);
		if ((slash = strrchr(dir, '/')) != NULL)
			*slash = '\0';
		/* a missing file leads out only by where its name points */
		*outside = (*ref == '/' || has_dotdot(ref)) && (slash == NULL ||
		    realpath(*dir ? dir : "/", real) == NULL ||
		    strncmp(real, r->net->real, n) != 0 ||
		    (real[n] != '/' && real[n] != '\0'));
		free(dir);
		return NULL;
	}
	if (strncmp(real, r->net->real, n) != 0 || real[n] != '/') {
		*outside = 1;
		return NULL;
	}
	m = strlen(real + n + 1);
	if (m <= 5 || strcmp(real + n + 1 + m - 5, ".yaml") != 0 ||
	    !id_valid(real + n + 1))
		return NULL;
	return xstrndup(real + n + 1, m - 5);
}

/* Is p (folded) a prefix of s or of one of its words? */
static int
word_prefix(const char *s, const char *p)
{
	char *f = utf8_fold(s), *w;
	size_t n = strlen(p);
	int yes = 0;

	for (w = f; !yes && w; w = strpbrk(w, " -"), w = w ? w + 1 : NULL)
		yes = strncmp(w, p, n) == 0;
	free(f);
	return yes;
}

/* Is the folded p a prefix of s folded? */
static int
starts(const char *s, const char *p)
{
	char *f = utf8_fold(s);
	int yes = strncmp(f, p, strlen(p)) == 0;

	free(f);
	return yes;
}

/* A prefix names someone from two characters on: "a" is too vague. */
static int
long_enough(const char *f)
{
	size_t n = 0;

	for (; *f && n < 2; f++)
		n += ((unsigned char)*f & 0xc0) != 0x80;
	return n >= 2;
}

/* Is s, folded, the folded p? */
static int
same(const char *s, const char *p)
{
	char *f = utf8_fold(s);
	int yes = strcmp(f, p) == 0;

	free(f);
	return yes;
}

enum { BY_NAME, BY_IDPREFIX, BY_WORD, NLEVELS };

/*
 * Does contact c match the folded reference f at this level?  A name, an
 * aka or the id itself in full; else a prefix of the id, of the name or
 * of one of its words, of two characters at least.
 */
static int
matches(struct contact *c, const char *f, int level)
{
	size_t i;

	if (level != BY_NAME && !long_enough(f))
		return 0;
	if (level == BY_IDPREFIX)
		return starts(c->id, f);
	if (c->name == NULL)
		return level == BY_NAME && same(c->id, f);
	if (level == BY_NAME) {
		if (same(c->name, f) || same(c->id, f))
			return 1;
		for (i = 0; i < c->lib->aka.n; i++)
			if (same(c->lib->aka.v[i], f))
				return 1;
		return 0;
	}
	if (word_prefix(c->name, f))
		return 1;
	for (i = 0; i < c->lib->aka.n; i++)
		if (word_prefix(c->lib->aka.v[i], f))
			return 1;
	return 0;
}

/*
 * A reference as an id below the network, '.' and '..' worked out by
 * their names (work/../ada is ada); NULL when it climbs out or is empty.
 */
static char *
lexical(const char *ref)
{
	struct buf b = { 0 };
	const char *p = ref, *e;
	size_t n;

	buf_puts(&b, "");
	while (*p) {
		e = p + strcspn(p, "/");
		n = e - p;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (b.len == 0) {
				free(b.s);
				return NULL;
			}
			while (b.len > 0 && b.s[b.len - 1] != '/')
				b.len--;
			if (b.len > 0)
				b.len--;
			b.s[b.len] = '\0';
		} else if (n > 0 && !(n == 1 && *p == '.')) {
			if (b.len)
				buf_puts(&b, "/");
			buf_add(&b, p, n);
		}
		p = *e ? e + 1 : e;
	}
	if (b.len == 0) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

/* What is at an id's path, when it is there but no contact. */
static const char *
not_contact(struct net *net, const char *path)
{
	struct stat st;

	if (lstat(path, &st) == -1)
		return NULL;
	/* a symlink, or a folder on the way that is one, may lead out */
	if (!net_inside(net, path) || stat(path, &st) == -1)
		return "outside the network";
	if (S_ISREG(st.st_mode))
		return NULL;
	return S_ISDIR(st.st_mode) ? "a folder, not a contact" :
	    S_ISFIFO(st.st_mode) ? "a FIFO, not a contact" :
	    "not a regular file";
}

/*
 * A reference names, in this order: an id; a file inside the network; the
 * contact whose name, aka or id it is; a unique prefix of the id; a unique
 * prefix of the name or of one of its words.  Names compare as folded by
 * utf8_fold (any case, accents or not); a prefix has 2 characters at
 * least.  NULL, said on stderr, when none or several do, or when it leads
 * out of the network.
 */
char *
ref_resolve(struct refs *r, const char *ref)
{
	struct contact **all, *hit[4];
	struct stat st;
	size_t n, i, nhit;
	const char *why;
	char *path, *id, *f, *t;
	int level, outside;

	if (*ref == '\0') {
		warnx("'': no such contact");
		return NULL;
	}
	if (*ref != '/' && (id = lexical(ref)) != NULL) {
		if (id_valid(id)) {
			path = net_path(r->net, id);
			if ((why = not_contact(r->net, path)) != NULL) {
				warnx_safe("'%s': %s", ref, why);
				free(path), free(id);
				return NULL;
			}
			if (lstat(path, &st) == 0) {
				free(path);
				return id;
			}
			free(path);
		}
		free(id);
	}
	if (strchr(ref, '/') || strstr(ref, ".yaml")) {
		if ((id = ref_path(r, ref, &outside)) != NULL)
			return id;
		if (outside || has_dotdot(ref) || *ref == '/' ||
		    strncmp(ref, "./", 2) == 0) {
			warnx_safe("'%s': %s", ref, outside ?
			    "outside the network" : "no such contact");
			return NULL;
		}
	}
	all = refs_all(r, &n);
	f = utf8_fold(ref);
	for (level = 0; level < NLEVELS; level++) {
		for (i = nhit = 0; i < n; i++)
			if (matches(all[i], f, level)) {
				if (nhit < 4)
					hit[nhit] = all[i];
				nhit++;
			}
		if (nhit == 1) {
			free(f);
			return xstrdup(hit[0]->id);
		}
		if (nhit > 1) {
			t = text_dup(ref, TX_MSG);
			fprintf(stderr, "%s: '%s': ambiguous: ", sys_progname(),
			    t);
			free(t);
			for (i = 0; i < nhit && i < 4; i++)
				fprintf(stderr, "%s%s", i ? ", " : "",
				    i == 3 ? "..." : hit[i]->id);
			fputc('\n', stderr);
			free(f);
			return NULL;
		}
	}
	if (long_enough(f))
		warnx_safe("'%s': no such contact", ref);
	else
		warnx_safe("'%s': no such contact (a prefix needs 2 "
		    "characters)", ref);
	free(f);
	return NULL;
}

/*
 * May a command that acts on named contacts read them from standard input
 * when it has no arguments?  Yes unless it is a terminal: a person typing
 * gets the usage, a pipe, a file or /dev/null are read (empty: nothing to
 * do).  A scan never asks: it reads standard input only for "-".
 */
int
ref_stdin_usable(void)
{
	return !isatty(0);
}

static int
stdin_loop(int (*fn)(const char *, void *), void *arg)
{
	char *line = NULL, *p;
	size_t cap = 0;
	ssize_t n;
	int rv = 0, lineno = 0;

	while ((n = getline(&line, &cap, stdin)) != -1) {
		lineno++;
		if (memchr(line, '\0', n) != NULL) {
			warnx("standard input, line %d: a NUL byte: nothing "
			    "done with it", lineno);
			rv = 1;
			continue;
		}
		if ((p = strchr(line, '\t')) != NULL)
			*p = '\0';
		line[strcspn(line, "\r\n")] = '\0';
		if (line[strspn(line, " \f\v")] != '\0')	/* blanks: none */
			rv |= fn(line, arg);
	}
	free(line);
	return rv;
}

/*
 * Call fn on each reference: the arguments ("-" reads standard input),
 * else the lines of standard input unless it is a terminal.  -1 when
 * there are none to read (no arguments, a terminal).
 */
int
ref_loop(int argc, char **argv, int (*fn)(const char *, void *), void *arg)
{
	int i, rv = 0;

	if (argc == 0)
		return ref_stdin_usable() ? stdin_loop(fn, arg) : -1;
	/*
	 * Options come before operands (POSIX; nw-log ada -k call): an
	 * option after them would be taken for a reference while the ones
	 * before it are already changed.  No id starts with '-'; a file
	 * that does is ./-name, a name follows "--".
	 */
	for (i = 0; i < argc && !opt_dashes; i++)
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			errx(2, "'%s': an option after the references "
			    "(options go first)", argv[i]);
	for (i = 0; i < argc; i++)
		rv |= strcmp(argv[i], "-") == 0 ? stdin_loop(fn, arg) :
		    fn(argv[i], arg);
	return rv;
}

/*
 * Does query match contact c as a reference would (its name, an aka or
 * its id; a prefix of its id, name or their words), folded?  For address
 * completion (nw-ls -Q), where many may.
 */
int
ref_matches(struct contact *c, const char *query)
{
	char *f = utf8_fold(query);
	int level, yes = 0;

	for (level = 0; !yes && level < NLEVELS; level++)
		yes = matches(c, f, level);
	free(f);
	return yes;
}
