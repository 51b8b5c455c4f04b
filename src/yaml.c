/* yaml.c - a file parsed by libyaml into a tree that knows its bytes */

#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "nw.h"
#include "nw_priv.h"

#define MAXANCHORS	1000

static struct ydoc *parse_owned(char *, size_t, int);

/*
 * A tree's nodes, their strings and their lists of kids come from one
 * arena per document: a few large blocks, freed together, instead of
 * a malloc and a free for each (they were half the time of a scan).
 */
struct chunk {
	struct chunk	*next;
	size_t		 used, size;
	char		 mem[];
};

static void *
alloc(struct ydoc *d, size_t n)
{
	struct chunk *c = d->mem;
	size_t size;

	n = (n + 7) & ~(size_t)7;
	if (c == NULL || c->size - c->used < n) {
		/* about 16 bytes of tree for a byte of text, then doubling */
		size = c ? 2 * c->size : 16 * d->len + 1024;
		if (size < n)
			size = n;
		c = xmalloc(sizeof *c + size);
		c->next = d->mem;
		c->used = 0;
		c->size = size;
		d->mem = c;
	}
	c->used += n;
	return c->mem + c->used - n;
}

static char *
adup(struct ydoc *d, const char *s, size_t len)
{
	char *p = alloc(d, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/*
 * libyaml's marks count characters after the BOM, a CRLF as two: walk a
 * cursor over the UTF-8 text to turn them into byte offsets.  Marks come
 * nearly in order, so the cursor moves little.
 */
struct cursor {
	const unsigned char	*s;
	size_t			 len, base, ci, bi;
};

static size_t
cursor_byte(struct cursor *c, size_t ci)
{
	while (c->ci < ci && c->bi < c->len) {
		c->bi++;
		while (c->bi < c->len && (c->s[c->bi] & 0xc0) == 0x80)
			c->bi++;
		c->ci++;
	}
	while (c->ci > ci && c->bi > c->base) {
		c->bi--;
		while (c->bi > c->base && (c->s[c->bi] & 0xc0) == 0x80)
			c->bi--;
		c->ci--;
	}
	return c->bi;
}

/* Line and character column, from 1, of byte offset off. */
void
ydoc_pos(const char *s, size_t len, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1, *col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (s[i] == '\n') {
			(*line)++, *col = 1;
		} else if ((s[i] & 0xc0) != 0x80 && s[i] != '\r' &&
		    !(i == 0 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)) {
			(*col)++;
		}
	}
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 && off < 3)
		*col = 1;
}

static void
fail(struct ydoc *d, int line, int col, const char *fmt, ...)
{
	va_list ap;

	if (d->err[0])
		return;
	d->line = line, d->col = col;
	va_start(ap, fmt);
	vsnprintf(d->err, sizeof d->err, fmt, ap);
	va_end(ap);
}

static struct ynode *
newnode(struct ydoc *d, enum ytype t, yaml_mark_t m, struct cursor *cur)
{
	struct ynode *n;

	if (d->nnodes == d->nalloc) {
		d->nalloc = d->nalloc ? 2 * d->nalloc : 64;
		d->nodes = xrealloc(d->nodes, d->nalloc * sizeof *d->nodes);
	}
	n = alloc(d, sizeof *n);
	memset(n, 0, sizeof *n);
	d->nodes[d->nnodes++] = n;
	n->type = t;
	if (d->bytes)
		n->start = n->end = cursor_byte(cur, m.index);
	n->line = m.line + 1;
	n->col = m.column + 1;
	n->weight = 1;
	n->depth = 1;
	return n;
}

/*
 * The kids of the open collections wait on one stack, each collection's
 * above its parent's; a collection that closes takes its own into the
 * arena, counted exactly.
 */
struct kids {
	struct ynode	**v;
	size_t		  n, cap;
	size_t		  base[NW_MAXDEPTH + 1];
};

static void
addkid(struct kids *k, struct ynode *p, struct ynode *n)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 64;
		k->v = xrealloc(k->v, k->cap * sizeof *k->v);
	}
	k->v[k->n++] = n;
	p->nkid++;
	p->weight += n->weight;
	if (n->depth + 1 > p->depth)
		p->depth = n->depth + 1;
}

static void
takekids(struct ydoc *d, struct kids *k, int depth, struct ynode *p)
{
	k->n = k->base[depth];
	if (p->nkid == 0)	/* {} or []: k->v may be NULL yet */
		return;
	p->kid = alloc(d, p->nkid * sizeof *p->kid);
	memcpy(p->kid, k->v + k->base[depth], p->nkid * sizeof *p->kid);
}

static char *
dupz(struct ydoc *d, const unsigned char *s)
{
	return s ? adup(d, (const char *)s, strlen((const char *)s)) : NULL;
}

static void
scanerr(struct ydoc *d, yaml_parser_t *p)
{
	int line, col;

	if (p->error == YAML_READER_ERROR) {
		ydoc_pos(d->text, d->len, p->problem_offset, &line, &col);
		fail(d, line, col, "%s", p->problem ? p->problem :
		    "cannot read");
	} else if (p->error == YAML_MEMORY_ERROR) {
		fail(d, 1, 1, "out of memory");
	} else {
		fail(d, p->problem_mark.line + 1, p->problem_mark.column + 1,
		    "%s%s%s", p->problem ? p->problem : "syntax error",
		    p->context ? " " : "", p->context ? p->context : "");
	}
}

/* Build the tree with an explicit stack: depth is capped, not recursed. */
static void
build(struct ydoc *d, yaml_parser_t *p)
{
	struct ynode *stack[NW_MAXDEPTH + 1], *n, *top;
	struct { char *name; struct ynode *n; } anchors[MAXANCHORS];
	size_t nanchors = 0, i;
	struct cursor cur = { 0 };
	struct kids kids = { 0 };
	yaml_event_t ev;
	int depth = 0, docs = 0, done = 0;

	cur.s = (const unsigned char *)d->text;
	cur.len = d->len;
	if (d->len >= 3 && memcmp(d->text, "\xef\xbb\xbf", 3) == 0)
		cur.base = cur.bi = 3;
	while (!done && !d->err[0]) {
		if (!yaml_parser_parse(p, &ev)) {
			scanerr(d, p);
			break;
		}
		n = NULL;
		top = depth ? stack[depth - 1] : NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				fail(d, ev.start_mark.line + 1,
				    ev.start_mark.column + 1,
				    "more than one document");
			break;
		case YAML_SCALAR_EVENT:
			n = newnode(d, YSCALAR, ev.start_mark, &cur);
			if (d->bytes)
				n->end = cursor_byte(&cur, ev.end_mark.index);
			n->str = adup(d, (char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			n->len = ev.data.scalar.length;
			n->style = ev.data.scalar.style;
			n->tag = dupz(d, ev.data.scalar.tag);
			n->anchor = dupz(d, ev.data.scalar.anchor);
			n->plain = ev.data.scalar.plain_implicit &&
			    ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			n->done = 1;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == NW_MAXDEPTH) {
				fail(d, ev.start_mark.line + 1,
				    ev.start_mark.column + 1,
				    "nesting deeper than %d levels",
				    NW_MAXDEPTH);
				break;
			}
			if (ev.type == YAML_SEQUENCE_START_EVENT) {
				n = newnode(d, YSEQ, ev.start_mark, &cur);
				n->flow = ev.data.sequence_start.style ==
				    YAML_FLOW_SEQUENCE_STYLE;
				n->tag = dupz(d, ev.data.sequence_start.tag);
				n->anchor = dupz(d, ev.data.sequence_start.anchor);
			} else {
				n = newnode(d, YMAP, ev.start_mark, &cur);
				n->flow = ev.data.mapping_start.style ==
				    YAML_FLOW_MAPPING_STYLE;
				n->tag = dupz(d, ev.data.mapping_start.tag);
				n->anchor = dupz(d, ev.data.mapping_start.anchor);
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			n = stack[--depth];
			takekids(d, &kids, depth, n);
			if (d->bytes && n->flow)
				n->end = cursor_byte(&cur, ev.end_mark.index);
			else if (d->bytes && n->nkid)
				n->end = n->kid[n->nkid - 1]->end;
			n->done = 1;
			top = depth ? stack[depth - 1] : NULL;
			break;
		case YAML_ALIAS_EVENT:
			n = newnode(d, YALIAS, ev.start_mark, &cur);
			if (d->bytes)
				n->end = cursor_byte(&cur, ev.end_mark.index);
			n->anchor = dupz(d, ev.data.alias.anchor);
			for (i = nanchors; i > 0; i--)
				if (strcmp(anchors[i - 1].name, n->anchor) == 0)
					break;
			if (i == 0 || !anchors[i - 1].n->done) {
				fail(d, n->line, n->col, i == 0 ?
				    "unknown alias '%s'" : "recursive alias '%s'",
				    n->anchor);
				break;
			}
			n->target = anchors[i - 1].n;
			n->weight = n->target->weight;
			n->depth = n->target->depth;
			n->done = 1;
			break;
		default:
			break;
		}
		if (n && n->anchor && n->type != YALIAS && !d->err[0]) {
			if (nanchors == MAXANCHORS)
				fail(d, n->line, n->col, "more than %d anchors",
				    MAXANCHORS);
			else {
				anchors[nanchors].name = n->anchor;
				anchors[nanchors++].n = n;
			}
		}
		if (n && !d->err[0] && ev.type != YAML_SEQUENCE_START_EVENT &&
		    ev.type != YAML_MAPPING_START_EVENT) {
			/* n is complete: hang it on its parent */
			if (top)
				addkid(&kids, top, n);
			else
				d->root = n;
			if (n->depth > NW_MAXDEPTH)
				fail(d, n->line, n->col,
				    "nesting deeper than %d levels",
				    NW_MAXDEPTH);
			if ((top ? top->weight : n->weight) > NW_MAXNODES)
				fail(d, n->line, n->col,
				    "more than %d nodes (alias expansion?)",
				    NW_MAXNODES);
		}
		if (n && !d->err[0] && (ev.type == YAML_SEQUENCE_START_EVENT ||
		    ev.type == YAML_MAPPING_START_EVENT)) {
			kids.base[depth] = kids.n;
			stack[depth++] = n;
		}
		yaml_event_delete(&ev);
	}
	while (depth-- > 0)	/* after an error: no kid left behind */
		takekids(d, &kids, depth, stack[depth]);
	free(kids.v);
}

/*
 * Weights of open collections grow as kids arrive, but a kid's weight is
 * added once; aliases copy their target's weight.  The check above on the
 * direct parent is enough only together with this pass on closing.
 */
static void
checkweights(struct ydoc *d)
{
	if (!d->err[0] && d->root && d->root->weight > NW_MAXNODES)
		fail(d, d->root->line, d->root->col,
		    "more than %d nodes (alias expansion?)", NW_MAXNODES);
}

static void
dupkeys(struct ydoc *d)
{
	size_t i, j, k;
	struct ynode *n, *a, *b;

	for (i = 0; i < d->nnodes && !d->err[0]; i++) {
		n = d->nodes[i];
		if (n->type != YMAP || n->nkid > 256)
			continue;
		for (j = 0; j < n->nkid && !d->err[0]; j += 2)
			for (k = j + 2; k < n->nkid; k += 2) {
				a = n->kid[j], b = n->kid[k];
				if (ynode_equal(a, b)) {
					fail(d, b->line, b->col,
					    "duplicate key '%s'",
					    ynode_str(b) ? ynode_str(b) : "?");
					break;
				}
			}
	}
}

static int
keycmp(const void *x, const void *y)
{
	struct ynode *a = *(struct ynode *const *)x;
	struct ynode *b = *(struct ynode *const *)y;
	int c;

	if (a->type != YSCALAR || b->type != YSCALAR)
		return (int)a->type - (int)b->type;
	if ((c = strcmp(a->str, b->str)) != 0)
		return c;
	/* in the order of the text: offsets may not be kept */
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

/* Large mappings: sort their scalar keys to find duplicates. */
static void
dupkeys_large(struct ydoc *d)
{
	struct ynode **k, *n;
	size_t i, j, m, r;

	for (i = 0; i < d->nnodes && !d->err[0]; i++) {
		n = d->nodes[i];
		if (n->type != YMAP || n->nkid <= 256)
			continue;
		k = xcalloc(n->nkid / 2, sizeof *k);
		for (j = m = 0; j < n->nkid; j += 2)
			if (ynode_deref(n->kid[j])->type == YSCALAR)
				k[m++] = ynode_deref(n->kid[j]);
		qsort(k, m, sizeof *k, keycmp);
		/* within a run of equal strings, plain and quoted may differ */
		for (j = 1; j < m && !d->err[0]; j++)
			for (r = j; r-- > 0 && strcmp(k[r]->str, k[j]->str) == 0;)
				if (ynode_equal(k[r], k[j])) {
					fail(d, k[j]->line, k[j]->col,
					    "duplicate key '%s'", k[j]->str);
					break;
				}
		free(k);
	}
}

struct ydoc *
ydoc_parse(const char *text, size_t len)
{
	return parse_owned(xstrndup(text, len), len, YD_BYTES);
}

struct ydoc *
ydoc_parsef(const char *text, size_t len, int flags)
{
	return parse_owned(xstrndup(text, len), len, flags);
}

/*
 * The line of a merge's conflict marker ("<<<<<<< ours" at the start of a
 * line, with ">>>>>>>" after it), 0 when there is none.
 */
static int
conflicted(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	int line = 1, open = 0;

	for (; p < end; p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		if (nl - p >= 7 && (nl - p == 7 || p[7] == ' ' ||
		    p[7] == '\r') && memcmp(p, "<<<<<<<", 7) == 0 && !open)
			open = line;
		else if (open && nl - p >= 7 && memcmp(p, ">>>>>>>", 7) == 0)
			return open;
	}
	return 0;
}

/*
 * Parse text[0..len), NUL-terminated, which the document then owns.  With
 * YD_BYTES each node knows its bytes (start, end): an edit needs them, a
 * scan does not, and they cost a walk over the text.
 */
static struct ydoc *
parse_owned(char *text, size_t len, int flags)
{
	yaml_parser_t p;
	struct ydoc *d;
	size_t bad;
	int line, col;

	d = xcalloc(1, sizeof *d);
	d->text = text;
	d->len = len;
	d->bytes = flags & YD_BYTES;
	if (len > NW_MAXFILE) {
		fail(d, 1, 1, "file too large (%zu bytes, the limit is %d)",
		    len, NW_MAXFILE);
		return d;
	}
	if (!utf8_valid(text, len, &bad)) {
		ydoc_pos(text, len, bad, &line, &col);
		fail(d, line, col, "invalid UTF-8");
		return d;
	}
	if (memchr(text, '\0', len) != NULL) {
		ydoc_pos(text, len, (char *)memchr(text, '\0', len) - text,
		    &line, &col);
		fail(d, line, col, "NUL byte in text");
		return d;
	}
	if (!yaml_parser_initialize(&p))
		errx(1, "cannot initialise libyaml");
	yaml_parser_set_input_string(&p, (const unsigned char *)d->text, len);
	build(d, &p);
	yaml_parser_delete(&p);
	checkweights(d);
	dupkeys(d);
	dupkeys_large(d);
	/* what does not parse for a merge's markers: said so, and where */
	if (d->err[0] && (line = conflicted(text, len)) > 0) {
		d->err[0] = '\0';
		fail(d, line, 1, "unresolved conflict markers of a merge: keep "
		    "the lines you want, delete the marker lines, then git add "
		    "the file (nw-merge(1))");
	}
	if (d->err[0])
		d->root = NULL;
	return d;
}

/* Read and parse a file; the error, if any, is in the result. */
struct ydoc *
ydoc_read(const char *path)
{
	return ydoc_readf(path, YD_BYTES);
}

struct ydoc *
ydoc_readf(const char *path, int flags)
{
	struct ydoc *d;
	size_t len;
	char err[256], *s;

	if ((s = file_read(path, &len, err)) == NULL) {
		d = xcalloc(1, sizeof *d);
		snprintf(d->err, sizeof d->err, "%s", err);
		return d;
	}
	return parse_owned(s, len, flags);
}

void
ydoc_free(struct ydoc *d)
{
	struct chunk *c, *next;

	if (d == NULL)
		return;
	for (c = d->mem; c; c = next) {
		next = c->next;
		free(c);
	}
	free(d->nodes);
	free(d->text);
	free(d);
}

struct ynode *
ynode_deref(struct ynode *n)
{
	return n && n->type == YALIAS ? n->target : n;
}

/*
 * The key and value nodes, as they stand (an alias not followed), of the
 * first pair of mapping m whose key is the scalar k; 0, both NULL, when
 * it has none.  The editor and the merge edit where these stand.
 */
int
ymap_pair(struct ynode *m, const char *k, struct ynode **key,
    struct ynode **val)
{
	struct ynode *n;
	size_t i;

	*key = *val = NULL;
	m = ynode_deref(m);
	if (m == NULL || m->type != YMAP)
		return 0;
	for (i = 0; i + 1 < m->nkid; i += 2) {
		n = ynode_deref(m->kid[i]);
		if (n->type == YSCALAR && strcmp(n->str, k) == 0) {
			*key = m->kid[i];
			*val = m->kid[i + 1];
			return 1;
		}
	}
	return 0;
}

/* The key node of a mapping's pair whose key is the scalar k. */
struct ynode *
ymap_key(struct ynode *m, const char *k)
{
	struct ynode *key, *val;

	ymap_pair(m, k, &key, &val);
	return key;
}

/* Its value, an alias followed. */
struct ynode *
ymap_get(struct ynode *m, const char *k)
{
	struct ynode *key, *val;

	ymap_pair(m, k, &key, &val);
	return ynode_deref(val);
}

static int
streq0(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* Would this plain scalar read as null, a bool, a number or a date? */
int
yaml_typed(const char *s)
{
	static const char *words[] = { "null", "~", "true", "false", "yes",
	    "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan",
	    "<<", "=", NULL };
	const char *p;
	char *f;
	int i, n = 0;

	/* as strcaseeq(s, word) for each: s folded once (utf8_fold); ASCII
	 * of more than 5 letters and digits folds to none of them */
	for (p = s; *p && (unsigned char)*p < 0x80; p++)
		n += !isspace((unsigned char)*p);
	if (*p || n <= 5) {
		f = utf8_fold(s);
		for (i = 0; words[i] && strcmp(f, words[i]) != 0; i++)
			;
		free(f);
		if (words[i])
			return 1;
	}
	if (strchr("0123456789+-.", s[0]) == NULL)
		return 0;
	return strspn(s, "0123456789.-+:_eExXoObBaAcCdDfFtTzZ ") == strlen(s);
}

/* Same data: types, values, tags; not styles or positions. */
int
ynode_equal(struct ynode *a, struct ynode *b)
{
	size_t i;

	a = ynode_deref(a), b = ynode_deref(b);
	if (a == b)
		return 1;
	if (a == NULL || b == NULL || a->type != b->type ||
	    !streq0(a->tag, b->tag) || a->nkid != b->nkid)
		return 0;
	if (a->type == YSCALAR)
		return a->len == b->len &&
		    memcmp(a->str, b->str, a->len) == 0 &&
		    (a->plain == b->plain || (a->plain && yaml_typed(a->str)) ==
		    (b->plain && yaml_typed(b->str)));
	for (i = 0; i < a->nkid; i++)
		if (!ynode_equal(a->kid[i], b->kid[i]))
			return 0;
	return 1;
}

/*
 * A scalar in a block style, literal (|) or folded (>): its text runs to
 * the lines after its key, so an edit or a merge treats it whole.  The
 * one place libyaml's styles are named.
 */
int
ynode_block(const struct ynode *n)
{
	return n->type == YSCALAR && (n->style == YAML_LITERAL_SCALAR_STYLE ||
	    n->style == YAML_FOLDED_SCALAR_STYLE);
}

/* null, ~, an empty plain scalar */
int
ynode_isnull(struct ynode *n)
{
	n = ynode_deref(n);
	if (n == NULL)
		return 1;
	if (n->type != YSCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	    strcmp(n->str, "NULL") == 0;
}

/* A scalar's text, NULL for anything else or null. */
const char *
ynode_str(struct ynode *n)
{
	n = ynode_deref(n);
	if (n == NULL || n->type != YSCALAR || ynode_isnull(n))
		return NULL;
	return n->str;
}

/*
 * s as a YAML scalar: plain when that reads back as the same string, else
 * double-quoted.  Q_FLOW: it goes inside [ ] or { }; Q_STR: it must stay
 * a string (not a number, bool, null or date).
 */
char *
yaml_quote(const char *s, int flags)
{
	const unsigned char *u = (const unsigned char *)s;
	struct buf b = { 0 };
	size_t n = strlen(s);
	int plain = n > 0;

	/* "-", "?" and ":" start a plain scalar when a non-space follows */
	if (plain && ((strchr("-?:", s[0]) && (s[1] == '\0' ||
	    strchr(" \t,[]{}", s[1]))) || strchr(",[]{}#&*!|>'\"%@` \t", s[0]) ||
	    s[n - 1] == ' ' || s[n - 1] == ':' || strstr(s, ": ") ||
	    strstr(s, " #") || ((flags & Q_STR) && yaml_typed(s))))
		plain = 0;
	/* PyYAML ends a plain scalar at '?' and ':' inside [ ] and { } */
	if (plain && (flags & Q_FLOW) && strpbrk(s, ",[]{}?:"))
		plain = 0;
	for (; plain && *u; u++)
		if (*u < 0x20 || *u == 0x7f || (u[0] == 0xc2 && u[1] >= 0x80 &&
		    u[1] <= 0x9f) || (u[0] == 0xef && u[1] == 0xbf &&
		    u[2] >= 0xbe) ||
		    (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 ||
		    u[2] == 0xa9)) || (u[0] == 0xef && u[1] == 0xbb &&
		    u[2] == 0xbf))
			plain = 0;
	if (plain)
		return xstrdup(s);
	buf_puts(&b, "\"");
	for (u = (const unsigned char *)s; *u; u++) {
		if (*u == '"' || *u == '\\')
			buf_printf(&b, "\\%c", *u);
		else if (*u == '\n')
			buf_puts(&b, "\\n");
		else if (*u == '\t')
			buf_puts(&b, "\\t");
		else if (*u < 0x20 || *u == 0x7f)
			buf_printf(&b, "\\x%02x", *u);
		else if (u[0] == 0xc2 && u[1] == 0x85)
			buf_puts(&b, "\\N"), u++;
		else if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)
			buf_printf(&b, "\\x%02x", u[1]), u++;
		else if (u[0] == 0xef && u[1] == 0xbf && u[2] >= 0xbe)
			buf_printf(&b, "\\u%04X", 0xffc0 | (u[2] & 0x3f)), u += 2;
		else if (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xa8)
			buf_puts(&b, "\\L"), u += 2;
		else if (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xa9)
			buf_puts(&b, "\\P"), u += 2;
		else if (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
			buf_puts(&b, "\\uFEFF"), u += 2;
		else
			buf_add(&b, (const char *)u, 1);
	}
	buf_puts(&b, "\"");
	return b.s;
}
