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

/*
 * refs_taken's index of all[]: each contact's position + 1 by its name
 * and by each email, and the names of the contacts this process made.
 * all[] only grows at its end, so a position stays.
 */
struct refs_ix {
	struct strmap	*name, *email;	/* of all[0..nix) */
	struct strmap	*made;		/* net->made's ids by their names */
	struct contact	**taken;	/* refs_taken's answer */
	size_t		 ntaken, cap;
	size_t		 nix, fresh;	/* all[fresh..): the last refresh's */
	size_t		 nmade, nnamed;	/* net->made[0..n) loaded, named */
	unsigned long	 others;	/* net->others when last listed */
};

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
		if (r->net->track) {	/* refs_taken's: what this read saw */
			r->ix = xcalloc(1, sizeof *r->ix);
			r->ix->others = r->net->others;
			r->ix->nmade = r->net->made.n;
		}
		net_scan(r->net, &ids, &st, &nids, NULL);
		r->all = xcalloc(nids, sizeof *r->all);
		contacts_load(r->net, ids, st, nids, 0, keep, r);
		for (i = 0; i < nids; i++)
			free(ids[i]);
		free(ids);
		free(st);
		if (r->ix)
			r->ix->fresh = r->nall;
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
	if (r->ix) {
		strmap_free(r->ix->name);
		strmap_free(r->ix->email);
		strmap_free(r->ix->made);
		free(r->ix->taken);
		free(r->ix);
		r->ix = NULL;
	}
}

static int
cmpid(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
taken_add(struct refs_ix *x, struct contact *c)
{
	if (x->ntaken == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 8;
		x->taken = xrealloc(x->taken, x->cap * sizeof *x->taken);
	}
	x->taken[x->ntaken++] = c;
}

static void
append(struct refs *r, const char *id)
{
	r->all = xrealloc(r->all, (r->nall + 1) * sizeof *r->all);
	r->all[r->nall++] = contact_load(r->net, id, C_STRUCT);
}

/*
 * Load what appeared since all[] was read: under the lock, so that a
 * writer that checks for duplicates does so on fresh data.  When no other
 * process took the lock since (net->others), what appeared is what this
 * one made (net->made): loaded alone, with no listing of the network, so
 * that nw-add - of many names stays linear.  Else the network is listed
 * again and what all[] lacks is loaded.  A file put in by hand, or by git,
 * while nw-add runs, takes no lock: it is seen at the next listing only.
 */
static void
refresh(struct refs *r)
{
	struct refs_ix *x;
	const char **known;
	char **ids;
	size_t nids, i, n0;

	if (!r->loaded) {
		refs_all(r, &nids);
		return;
	}
	if (r->ix == NULL) {	/* read before refs_taken: list it again */
		r->ix = xcalloc(1, sizeof *r->ix);
		r->ix->others = r->net->others + 1;
	}
	x = r->ix;
	n0 = x->fresh = r->nall;
	if (x->others == r->net->others) {
		for (i = x->nmade; i + 1 < r->net->made.n; i += 2)
			append(r, r->net->made.v[i]);
	} else {
		known = xcalloc(n0 + 1, sizeof *known);
		for (i = 0; i < n0; i++)
			known[i] = r->all[i]->id;
		qsort(known, n0, sizeof *known, cmpid);
		net_list(r->net, &ids, &nids, NULL);
		for (i = 0; i < nids; i++) {
			if (bsearch(&ids[i], known, n0, sizeof *known,
			    cmpid) == NULL)
				append(r, ids[i]);
			free(ids[i]);
		}
		free(ids);
		free(known);
		x->others = r->net->others;
	}
	x->nmade = r->net->made.n;
}

struct cand {
	int		 rank;		/* -1 made by name, 0, 1 fresh */
	struct contact	*c;
};

/* The order nw-add's scan of every contact once had (refs_taken). */
static int
cmpcand(const void *a, const void *b)
{
	const struct cand *p = a, *q = b;

	if (p->rank != q->rank)
		return p->rank - q->rank;
	return strcmp(p->c->id, q->c->id);
}

static void
index_new(struct refs *r)
{
	struct refs_ix *x = r->ix;
	struct contact *c;
	size_t j;

	if (x->name == NULL) {
		x->name = strmap_new();
		x->email = strmap_new();
		x->made = strmap_new();
	}
	for (; x->nix < r->nall; x->nix++) {
		c = r->all[x->nix];
		if (c->name)
			strmap_put(x->name, c->name, (void *)(x->nix + 1));
		for (j = 0; j < c->email.n; j++)
			strmap_put(x->email, c->email.v[j],
			    (void *)(x->nix + 1));
	}
	for (; x->nnamed + 1 < r->net->made.n; x->nnamed += 2)
		strmap_put(x->made, r->net->made.v[x->nnamed + 1],
		    r->net->made.v[x->nnamed]);
}

/*
 * The contacts that hold who->v[0] as their name or one of who->v[1..]
 * as an email, under the lock on fresh data, in *n; they stay until the
 * next call.  First the one this process made (draft_write) by that
 * name (it holds that name too), then the others by their id, those the
 * last refresh loaded last: the order of nw-add's scan of every
 * contact, which it replaces.
 */
struct contact **
refs_taken(struct refs *r, struct strv *who, size_t *n)
{
	struct refs_ix *x;
	struct cand *cv = NULL;
	struct contact *c;
	const char *made;
	size_t i, it, v, ncv = 0, cap = 0;

	r->net->track = 1;
	refresh(r);
	index_new(r);
	x = r->ix;
	made = strmap_get(x->made, who->v[0]);
	for (i = 0; i < who->n; i++)
		for (it = 0; (v = (size_t)strmap_next(i == 0 ? x->name :
		    x->email, who->v[i], &it)); ) {
			if (ncv == cap) {
				cap = cap ? 2 * cap : 8;
				cv = xrealloc(cv, cap * sizeof *cv);
			}
			c = r->all[v - 1];
			cv[ncv].rank = made && strcmp(c->id, made) == 0 ? -1 :
			    v - 1 >= x->fresh;
			cv[ncv++].c = c;
		}
	if (ncv)
		qsort(cv, ncv, sizeof *cv, cmpcand);
	x->ntaken = 0;
	for (i = 0; i < ncv; i++)
		taken_add(x, cv[i].c);
	free(cv);
	*n = x->ntaken;
	return x->taken;
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
