/* edit.c - change a file's text touching only the bytes it must */

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * The editor never re-emits YAML.  It finds, from the positions libyaml
 * gave, the few bytes an edit must change, splices new text in, parses the
 * result again and checks it holds the old data plus exactly the change.
 * Any doubt is a refusal: the caller writes nothing.
 */

static int
refuse(struct edit *e, struct ynode *n, const char *fmt, ...)
{
	va_list ap;

	e->line = n ? n->line : 0;
	e->col = n ? n->col : 0;
	va_start(ap, fmt);
	vsnprintf(e->err, sizeof e->err, fmt, ap);
	va_end(ap);
	return -1;
}

struct edit *
edit_open(struct ydoc *doc, const char *path)
{
	struct edit *e;
	const char *nl;

	e = xcalloc(1, sizeof *e);
	e->doc = doc;
	e->path = path;
	e->text = xstrndup(doc->text, doc->len);
	e->len = doc->len;
	e->orig = xstrndup(doc->text, doc->len);
	e->olen = doc->len;
	if (e->len >= 3 && memcmp(e->text, "\xef\xbb\xbf", 3) == 0)
		e->bom = 3;
	nl = memchr(e->text, '\n', e->len);
	e->eol = nl && nl > e->text && nl[-1] == '\r' ? "\r\n" : "\n";
	return e;
}

/* The edit owns the document it was opened on: this frees both. */
void
edit_free(struct edit *e)
{
	if (e == NULL)
		return;
	ydoc_free(e->doc);
	free(e->text);
	free(e->orig);
	free(e);
}

int
edit_report(struct edit *e)
{
	report(stderr, e->path, e->line, e->col, NULL, "%s", e->err);
	return -1;
}

static size_t
line_start(struct edit *e, size_t off)
{
	return text_line_start(e->text, e->len, off);
}

/* The edit takes d and its text as its own; 0. */
static int
adopt(struct edit *e, struct ydoc *d, char *text, size_t len)
{
	ydoc_free(e->doc);
	e->doc = d;
	free(e->text);
	e->text = text;
	e->len = len;
	return 0;
}

/*
 * The edit's new text, owned from now on, parsed again: the edit's
 * document follows.  -1, the reason in the edit, when the new text is no
 * mapping.  Unlike the edits below, this checks nothing else: a caller
 * that changes many keys at once (the merge) checks the whole at the end.
 */
int
edit_retext(struct edit *e, char *text, size_t len)
{
	struct ydoc *d;

	d = ydoc_parse(text, len);
	if (d->root == NULL || d->root->type != YMAP) {
		snprintf(e->err, sizeof e->err, "an edit would not parse "
		    "(%d:%d: %.150s)", d->line, d->col, d->err);
		ydoc_free(d);
		free(text);
		return -1;
	}
	return adopt(e, d, text, len);
}

/* Replace the text [start, end) by repl and parse it again, unchecked. */
int
edit_replace(struct edit *e, size_t start, size_t end, const char *repl)
{
	struct buf b = { 0 };

	buf_add(&b, e->text, start);
	buf_puts(&b, repl);
	buf_add(&b, e->text + end, e->len - end);
	return edit_retext(e, b.s, b.len);
}

static size_t
after(struct edit *e, size_t off, int *noeol)
{
	return text_after(e->text, e->len, off, noeol);
}

static int
indent(struct edit *e, size_t off, size_t *n)
{
	return text_indent(e->text, e->len, off, n);
}

static char *
splice(struct edit *e, size_t start, size_t end, const char *repl,
    size_t *len)
{
	struct buf b = { 0 };

	buf_add(&b, e->text, start);
	buf_puts(&b, repl);
	buf_add(&b, e->text + end, e->len - end);
#ifdef NW_TEST_FAULT	/* tests/4400-gaps.t: a splice gone wrong */
	if (getenv("NW_TEST_FAULT") && strcmp(getenv("NW_TEST_FAULT"),
	    "splice") == 0)
		buf_printf(&b, "%sx-fault: 1%s", b.len && b.s[b.len - 1] ==
		    '\n' ? "" : e->eol, e->eol);
#endif
	*len = b.len;
	return b.s;
}

/* Can this node be edited where it stands?  0, or -1 refused. */
static int
editable(struct edit *e, struct ynode *k, struct ynode *v, const char *key)
{
	if (k->type != YSCALAR || k->anchor || k->tag || !k->plain)
		return refuse(e, k, "'%s': the key is quoted, tagged or "
		    "anchored: edit it by hand", key);
	if (v->type == YALIAS || v->anchor || v->tag)
		return refuse(e, v, "'%s' has an anchor, alias or tag: "
		    "edit it by hand", key);
	return 0;
}

/*
 * The editor's lines end with LF or CRLF; libyaml also ends one with a
 * CR alone, which would make the editor splice in the wrong place.
 */
static int
lone_cr(struct edit *e)
{
	const char *p = e->text, *end = e->text + e->len;

	for (; (p = memchr(p, '\r', end - p)) != NULL; p++)
		if (p + 1 == end || p[1] != '\n') {
			refuse(e, NULL, "a line ends with a CR alone: edit "
			    "it by hand");
			ydoc_pos(e->text, e->len, p - e->text, &e->line,
			    &e->col);
			return 1;
		}
	return 0;
}

static int
check_root(struct edit *e)
{
	struct ynode *r = e->doc->root;

	if (lone_cr(e))
		return -1;
	if (r == NULL || r->type != YMAP)
		return refuse(e, r, "the root is not a mapping");
	if (r->flow || r->anchor || r->tag)
		return refuse(e, r, "the root is a flow mapping or has an "
		    "anchor or tag: edit it by hand");
	if (r->nkid == 0)
		return refuse(e, r, "empty mapping");
	return 0;
}

/* New top-level "key: value" lines at the end of the root mapping. */
static char *
addkey(struct edit *e, const char *key, const char *val, int block,
    size_t *len)
{
	struct ynode *r = e->doc->root, *k, *v;
	struct buf b = { 0 }, l = { 0 };
	size_t pos, ind;
	int noeol;
	char *s;

	k = r->kid[r->nkid - 2];
	if (!indent(e, k->start, &ind) && !indent(e, r->kid[0]->start, &ind)) {
		refuse(e, k, "cannot tell the indentation of top-level keys");
		return NULL;
	}
	pos = after(e, r->end, &noeol);
	v = r->kid[r->nkid - 1];
	if (noeol && ynode_block(v) &&
	    indent(e, k->start, &ind)) {
		/*
		 * A block scalar at a bare end of file would gain a line
		 * break: the new key goes before its pair instead.
		 */
		pos = line_start(e, k->start);
		noeol = 0;
	}
	if (block) {
		buf_printf(&l, "%s:", key);
		edit_addline(&b, e, noeol, ind, l.s);
		free(l.s);
		l = (struct buf){ 0 };
		buf_printf(&l, "- %s", val);
		edit_addline(&b, e, noeol, ind + 2, l.s);
	} else {
		buf_printf(&l, "%s: %s", key, val);
		edit_addline(&b, e, noeol, ind, l.s);
	}
	free(l.s);
	s = splice(e, pos, pos, b.s, len);
	free(b.s);
	return s;
}

static int	verify_items(struct edit *, char *, size_t, const char *,
		    struct ynode **, size_t, int, long);

/*
 * Parse the new text and check it: every top-level pair but key equal and
 * in order, and key's value what want says (want NULL: key gone).  With
 * append 1, want is one new item of a list that had old's items; with
 * append 2, want is a mapping of one pair added after old's pairs; with
 * rm >= 0, the list is the old one less item rm (or gone with it).
 */
static int
verify(struct edit *e, char *text, size_t len, const char *key,
    struct ynode *want, int append, long rm)
{
	return verify_items(e, text, len, key, &want, 1, append, rm);
}

/* The same, with append 1: nwant new items want[0..nwant) at the end. */
static int
verify_items(struct edit *e, char *text, size_t len, const char *key,
    struct ynode **wants, size_t nwant, int append, long rm)
{
	struct ynode *want = wants[0];
	struct ynode *o = e->doc->root, *n, *ov, *nv, *k, *ok_, *nk_;
	struct ydoc *nd;
	size_t i, j, nold = 0;
	struct ynode **olditems = NULL;

	nd = ydoc_parse(text, len);
	if ((n = nd->root) == NULL || n->type != YMAP) {
		refuse(e, NULL, "the edit would not parse (%d:%d: %s); "
		    "nothing written", nd->line, nd->col, nd->err);
		goto fail;
	}
	ok_ = ymap_key(o, key);
	nk_ = ymap_key(n, key);
	for (i = j = 0;; i += 2, j += 2) {
		while (i < o->nkid && ok_ == o->kid[i])
			i += 2;
		while (j < n->nkid && nk_ == n->kid[j])
			j += 2;
		if (i >= o->nkid || j >= n->nkid)
			break;
		if (!ynode_equal(o->kid[i], n->kid[j]) ||
		    !ynode_equal(o->kid[i + 1], n->kid[j + 1]))
			break;
	}
	if (i < o->nkid || j < n->nkid) {
		refuse(e, NULL, "the edit would change other keys; "
		    "nothing written");
		goto fail;
	}
	k = ymap_key(n, key);
	nv = ymap_get(n, key);
	ov = ymap_get(o, key);
	if (rm >= 0) {
		if (ov->type != YSEQ || ov->nkid == 1) {
			if (k == NULL)
				goto ok;
		} else if (nv && nv->type == YSEQ &&
		    nv->nkid + 1 == ov->nkid) {
			for (i = j = 0; i < ov->nkid; i++)
				if ((long)i != rm &&
				    !ynode_equal(ov->kid[i], nv->kid[j++]))
					break;
			if (i == ov->nkid)
				goto ok;
		}
	} else if (want == NULL) {
		if (k == NULL)
			goto ok;
	} else if (!append) {
		if (nv && ynode_equal(nv, want))
			goto ok;
	} else if (append == 2 && nv && nv->type == YMAP &&
	    want->type == YMAP && want->nkid == 2) {
		nold = ov && ov->type == YMAP ? ov->nkid : 0;
		if (nv->nkid == nold + 2 &&
		    ynode_equal(nv->kid[nold], want->kid[0]) &&
		    ynode_equal(nv->kid[nold + 1], want->kid[1])) {
			for (i = 0; i < nold; i++)
				if (!ynode_equal(ov->kid[i], nv->kid[i]))
					break;
			if (i == nold)
				goto ok;
		}
	} else if (append == 1 && nv && nv->type == YSEQ) {
		if (ov && ov->type == YSEQ)
			olditems = ov->kid, nold = ov->nkid;
		else if (ov && !ynode_isnull(ov))
			olditems = &ov, nold = 1;
		if (nv->nkid == nold + nwant) {
			for (i = 0; i < nwant; i++)
				if (!ynode_equal(nv->kid[nold + i], wants[i]))
					break;
			for (j = i == nwant ? 0 : nold; j < nold; j++)
				if (!ynode_equal(olditems[j], nv->kid[j]))
					break;
			if (i == nwant && j == nold)
				goto ok;
		}
	}
	refuse(e, NULL, "the edit did not give the intended '%s'; "
	    "nothing written", key);
fail:
	ydoc_free(nd);
	return -1;
ok:
	return adopt(e, nd, text, len);
}

static struct ynode *
parse_value(struct ydoc **d, const char *text)
{
	*d = ydoc_parse(text, strlen(text));
	return (*d)->root;
}

static int
try(struct edit *e, char *text, size_t len, const char *key, const char *val,
    int append)
{
	struct ydoc *vd;
	struct ynode *want = NULL;
	int rv;

	if (text == NULL)
		return -1;
	if (val && (want = parse_value(&vd, val)) == NULL) {
		ydoc_free(vd);
		free(text);
		return refuse(e, NULL, "'%s': bad value", val);
	}
	rv = verify(e, text, len, key, want, append, -1);
	if (val)
		ydoc_free(vd);
	if (rv == -1)
		free(text);
	return rv;
}

/*
 * Append item (YAML text for one flow-safe value) to the list under key:
 * block lists get a "- item" line at their items' column, flow lists a
 * ", item" before the bracket; an absent or empty key gets a new list,
 * block when block is set.
 */
int
edit_append(struct edit *e, const char *key, const char *item, int block)
{
	struct ynode *r, *k, *v, *last;
	struct buf b = { 0 };
	size_t pos, ind, len;
	int noeol;
	char *s, *q;

	if (check_root(e) == -1)
		return -1;
	r = e->doc->root;
	if (!ymap_pair(r, key, &k, &v)) {
		s = block ? addkey(e, key, item, 1, &len) :
		    (q = xasprintf("[%s]", item),
		    s = addkey(e, key, q, 0, &len), free(q), s);
		return try(e, s, len, key, item, 1);
	}
	if (editable(e, k, v, key) == -1)
		return -1;
	if (ynode_isnull(v) && v->start == v->end) {
		/* "key:" with nothing: the list starts on the next line */
		if (!indent(e, k->start, &ind))
			return refuse(e, k, "cannot tell the indentation "
			    "of '%s'", key);
		pos = after(e, v->end, &noeol);
		q = xasprintf("- %s", item);
		edit_addline(&b, e, noeol, ind + 2, q);
		free(q);
		s = splice(e, pos, pos, b.s, &len);
		free(b.s);
		return try(e, s, len, key, item, 1);
	}
	if (ynode_isnull(v)) {
		q = xasprintf("[%s]", item);
		s = splice(e, v->start, v->end, q, &len);
		free(q);
		return try(e, s, len, key, item, 1);
	}
	if (v->type == YSEQ && !v->flow) {
		if (!indent(e, v->start, &ind))
			return refuse(e, v, "'%s': cannot tell the "
			    "indentation of its items", key);
		last = v->kid[v->nkid - 1];
		pos = after(e, last->end, &noeol);
		q = xasprintf("- %s", item);
		edit_addline(&b, e, noeol, ind, q);
		free(q);
		s = splice(e, pos, pos, b.s, &len);
		free(b.s);
		return try(e, s, len, key, item, 1);
	}
	if (v->type == YSEQ) {
		if (v->nkid == 0) {
			pos = v->start + 1;	/* after '[' */
			s = splice(e, pos, pos, item, &len);
		} else {
			q = xasprintf(", %s", item);
			s = splice(e, v->kid[v->nkid - 1]->end,
			    v->kid[v->nkid - 1]->end, q, &len);
			free(q);
		}
		return try(e, s, len, key, item, 1);
	}
	if (v->type == YSCALAR && !ynode_block(v) &&
	    memchr(e->text + v->start, '\n', v->end - v->start) == NULL) {
		/* one value becomes a list of two: "[old, new]" */
		q = xasprintf("[%.*s, %s]", (int)(v->end - v->start),
		    e->text + v->start, item);
		s = splice(e, v->start, v->end, q, &len);
		free(q);
		if (try(e, s, len, key, item, 1) == 0)
			return 0;
		q = yaml_quote(v->str, Q_FLOW | Q_STR);
		buf_printf(&b, "[%s, %s]", q, item);
		free(q);
		s = splice(e, v->start, v->end, b.s, &len);
		free(b.s);
		return try(e, s, len, key, item, 1);
	}
	return refuse(e, v, "'%s' is not a list", key);
}

/*
 * Append the items item[0..n) to the list under key as n edit_append
 * calls would, byte for byte, parsed again and verified once: the first
 * by edit_append when there is no list yet, the others (or all) after
 * the list's last item, each where the one before it ended: lines one
 * after the other in a block list, ", item" after ", item" in a flow one.
 */
int
edit_append_all(struct edit *e, const char *key, char *const *item,
    size_t n, int block)
{
	struct ynode *r, *k, *v, **want;
	struct ydoc **vd;
	struct buf b = { 0 }, l = { 0 };
	size_t pos, ind, len, i, j;
	int noeol, rv;
	char *s;

	if (n == 0)
		return 0;
	if (check_root(e) == -1)
		return -1;
	r = e->doc->root;
	ymap_pair(r, key, &k, &v);
	if (v == NULL || v->type != YSEQ) {
		/* a list made (or a value made one) by the first */
		if (edit_append(e, key, item[0], block) == -1)
			return -1;
		return edit_append_all(e, key, item + 1, n - 1, block);
	}
	if (editable(e, k, v, key) == -1)
		return -1;
	if (!v->flow) {
		if (!indent(e, v->start, &ind))
			return refuse(e, v, "'%s': cannot tell the "
			    "indentation of its items", key);
		pos = after(e, v->kid[v->nkid - 1]->end, &noeol);
		for (i = 0; i < n; i++) {
			l.len = 0;
			buf_printf(&l, "- %s", item[i]);
			edit_addline(&b, e, noeol, ind, l.s);
		}
		free(l.s);
	} else {
		pos = v->nkid ? v->kid[v->nkid - 1]->end : v->start + 1;
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i || v->nkid ? ", " : "",
			    item[i]);
	}
	s = splice(e, pos, pos, b.s, &len);
	free(b.s);
	want = xcalloc(n, sizeof *want);
	vd = xcalloc(n, sizeof *vd);
	for (i = 0; i < n; i++)
		if ((want[i] = parse_value(&vd[i], item[i])) == NULL)
			break;
	if (i < n)
		rv = refuse(e, NULL, "'%s': bad value", item[i]);
	else
		rv = verify_items(e, s, len, key, want, n, 1, -1);
	if (rv == -1)
		free(s);
	for (j = 0; j < n && j <= i; j++)
		ydoc_free(vd[j]);
	free(vd);
	free(want);
	return rv;
}

/*
 * Add the pair "sub: val" (YAML text for one flow-safe scalar) after the
 * last pair of the mapping under key: a block mapping gets a line at its
 * keys' column, a flow one ", sub: val" before the brace; an absent or
 * empty key gets {sub: val}.  The caller sees that sub is new.
 */
int
edit_put(struct edit *e, const char *key, const char *sub, const char *val)
{
	struct ynode *r, *k, *v, *last;
	struct buf b = { 0 };
	size_t pos, ind, len;
	char *pair, *map, *s, *q;
	int noeol, rv;

	if (check_root(e) == -1)
		return -1;
	q = yaml_quote(sub, Q_FLOW | Q_STR);
	pair = xasprintf("%s: %s", q, val);
	map = xasprintf("{%s}", pair);
	free(q);
	r = e->doc->root;
	s = NULL;
	if (!ymap_pair(r, key, &k, &v))
		s = addkey(e, key, map, 0, &len);
	else if (editable(e, k, v, key) == -1)
		goto fail;
	else if (ynode_isnull(v) && v->start == v->end) {
		/* "key:" with nothing: the mapping starts on the next line */
		if (!indent(e, k->start, &ind)) {
			refuse(e, k, "cannot tell the indentation of '%s'",
			    key);
			goto fail;
		}
		pos = after(e, v->end, &noeol);
		edit_addline(&b, e, noeol, ind + 2, pair);
		s = splice(e, pos, pos, b.s, &len);
	} else if (ynode_isnull(v))
		s = splice(e, v->start, v->end, map, &len);
	else if (v->type == YMAP && !v->flow && v->nkid > 0) {
		if (!indent(e, v->start, &ind)) {
			refuse(e, v, "'%s': cannot tell the indentation of "
			    "its keys", key);
			goto fail;
		}
		last = v->kid[v->nkid - 1];
		pos = after(e, last->end, &noeol);
		edit_addline(&b, e, noeol, ind, pair);
		s = splice(e, pos, pos, b.s, &len);
	} else if (v->type == YMAP && v->flow) {
		q = xasprintf("%s%s", v->nkid ? ", " : "", pair);
		pos = v->nkid ? v->kid[v->nkid - 1]->end : v->start + 1;
		s = splice(e, pos, pos, q, &len);
		free(q);
	} else {
		refuse(e, v, "'%s' is not a mapping", key);
		goto fail;
	}
	rv = try(e, s, len, key, map, 2);
	free(b.s);
	free(pair);
	free(map);
	return rv;
fail:
	free(b.s);
	free(pair);
	free(map);
	return -1;
}

/* Set a top-level key to val, YAML text for one value on one line. */
int
edit_set(struct edit *e, const char *key, const char *val)
{
	struct ynode *r, *k, *v;
	size_t len, colon, end, ls, i;
	char *s, *q;

	if (check_root(e) == -1)
		return -1;
	r = e->doc->root;
	if (!ymap_pair(r, key, &k, &v)) {
		s = addkey(e, key, val, 0, &len);
		return try(e, s, len, key, val, 0);
	}
	if (editable(e, k, v, key) == -1)
		return -1;
	if (v->start == v->end) {
		q = xasprintf(" %s", val);
		s = splice(e, v->start, v->end, q, &len);
		free(q);
		return try(e, s, len, key, val, 0);
	}
	if ((v->type == YSCALAR && !ynode_block(v)) ||
	    v->flow) {
		s = splice(e, v->start, v->end, val, &len);
		return try(e, s, len, key, val, 0);
	}
	/* a block value: replace from the colon to its last line */
	for (colon = k->end; colon < e->len && (e->text[colon] == ' ' ||
	    e->text[colon] == '\t'); colon++)
		;
	if (colon >= e->len || e->text[colon] != ':')
		return refuse(e, k, "cannot find the ':' after '%s'", key);
	colon++;
	end = v->end;
	while (end > colon && e->text[end - 1] == '\n') {
		ls = line_start(e, end - 1);
		for (i = ls; i < end && isspace((unsigned char)e->text[i]); i++)
			;
		if (i < end || ls <= colon)
			break;
		end = ls;
	}
	q = xasprintf(" %s%s", val, end > 0 && e->text[end - 1] == '\n' ?
	    e->eol : "");
	s = splice(e, colon, end, q, &len);
	free(q);
	return try(e, s, len, key, val, 0);
}

/*
 * The whole lines from the one holding from to the one holding to.  At a
 * bare end of file the line break before them goes instead of after.
 */
void
edit_lines(struct edit *e, size_t from, size_t to, size_t *start, size_t *end)
{
	int noeol;

	*start = line_start(e, from);
	*end = after(e, to, &noeol);
	if (noeol && *start > e->bom) {
		(*start)--;
		if (*start > e->bom && e->text[*start - 1] == '\r')
			(*start)--;
	}
}

/*
 * The pair of key in the root, ready to edit: 0 found, 1 absent (nothing
 * to do), -1 refused.
 */
static int
root_pair(struct edit *e, const char *key, struct ynode **k, struct ynode **v)
{
	if (check_root(e) == -1)
		return -1;
	if (!ymap_pair(e->doc->root, key, k, v))
		return 1;
	return editable(e, *k, *v, key);
}

/* Remove a top-level key and its value, whole lines. */
int
edit_delete(struct edit *e, const char *key)
{
	struct ynode *k, *v;
	size_t start, end, ind, len;
	char *s;
	int st;

	if ((st = root_pair(e, key, &k, &v)) != 0)
		return st == 1 ? 0 : -1;
	if (!indent(e, k->start, &ind))
		return refuse(e, k, "'%s' does not start its line", key);
	edit_lines(e, k->start, v->end > k->end ? v->end : k->end, &start, &end);
	s = splice(e, start, end, "", &len);
	return try(e, s, len, key, NULL, 0);
}

/*
 * Remove the first item equal to val from the list under key: its line in
 * a block list, the item and one comma in a flow list.  The last item goes
 * with its key; so does a single value equal to val.  -1 when refused;
 * *found is 0 when nothing was equal.
 */
int
edit_remove(struct edit *e, const char *key, const char *val, int *found)
{
	struct ynode *k, *v, *it;
	size_t i, start, end, ind, len;
	char *s;
	int st;

	*found = 0;
	if ((st = root_pair(e, key, &k, &v)) != 0)
		return st == 1 ? 0 : -1;
	if (v->type == YSCALAR) {
		if (ynode_str(v) == NULL || strcmp(v->str, val) != 0)
			return 0;
		*found = 1;
		return edit_delete(e, key);
	}
	if (v->type != YSEQ)
		return refuse(e, v, "'%s' is not a list", key);
	for (i = 0; i < v->nkid; i++) {
		it = ynode_deref(v->kid[i]);
		if (it->type == YSCALAR && strcmp(it->str, val) == 0)
			break;
	}
	if (i == v->nkid)
		return 0;
	*found = 1;
	if (v->nkid == 1)
		return edit_delete(e, key);
	it = v->kid[i];
	if (it->anchor || it->type == YALIAS)
		return refuse(e, it, "'%s' has an anchor or alias: edit it by "
		    "hand", key);
	if (!v->flow) {
		if (!text_dash(e->text, e->len, it->start, &start, &ind))
			return refuse(e, it, "'%s': the item does not start "
			    "its line", key);
		edit_lines(e, start, it->end, &start, &end);
	} else if (i + 1 < v->nkid) {
		start = it->start;
		end = v->kid[i + 1]->start;
	} else {
		start = v->kid[i - 1]->end;
		end = it->end;
	}
	s = splice(e, start, end, "", &len);
	if (verify(e, s, len, key, NULL, 0, (long)i) == -1) {
		free(s);
		return -1;
	}
	return 0;
}

/* --- inside a value: a part of a mapping, an item of a list --------- */

/*
 * Is the new document the old one with only the value of key changed,
 * into a collection whose children are the old one's but for child at
 * (the index of a list item, of a mapping's key), now want, or gone
 * (want NULL)?  Then it becomes the edit's; else a refusal.
 */
static int
verify_inside(struct edit *e, char *text, size_t len, const char *key,
    size_t at, struct ynode *want)
{
	struct ynode *o, *n, *ov, *nv;
	struct ydoc *nd;
	size_t i, j, step;

	nd = ydoc_parse(text, len);
	o = e->doc->root;
	if ((n = nd->root) == NULL || n->type != YMAP || n->nkid != o->nkid)
		goto bad;
	for (i = 0; i < o->nkid; i += 2) {
		if (!ynode_equal(o->kid[i], n->kid[i]))
			goto bad;
		if (o->kid[i] != ymap_key(o, key) &&
		    !ynode_equal(o->kid[i + 1], n->kid[i + 1]))
			goto bad;
	}
	ov = ymap_get(o, key);
	nv = ymap_get(n, key);
	step = ov->type == YMAP ? 2 : 1;
	if (nv == NULL || nv->type != ov->type ||
	    nv->nkid + (want ? 0 : step) != ov->nkid)
		goto bad;
	for (i = j = 0; i < ov->nkid; i += step) {
		if (i == at && want == NULL)
			continue;
		if (step == 2 && !ynode_equal(ov->kid[i], nv->kid[j]))
			goto bad;
		if (!ynode_equal(i == at ? want : ov->kid[i + step - 1],
		    nv->kid[j + step - 1]))
			goto bad;
		j += step;
	}
	return adopt(e, nd, text, len);
bad:
	ydoc_free(nd);
	free(text);
	return refuse(e, NULL, "the edit did not give the intended '%s'; "
	    "nothing written", key);
}

/* The bytes of child at of collection v (a list item, a pair): cut. */
static int
cut_child(struct edit *e, struct ynode *v, size_t at, const char *key,
    size_t *start, size_t *end)
{
	size_t step = v->type == YMAP ? 2 : 1, ind;
	struct ynode *first = v->kid[at], *last = v->kid[at + step - 1];

	if (!v->flow) {
		*start = line_start(e, first->start);
		if (!indent(e, *start + strspn(e->text + *start, " "), &ind) ||
		    (step == 1 && e->text[*start + ind] != '-') ||
		    (step == 2 && *start + ind != first->start))
			return refuse(e, first, "'%s': the part does not start "
			    "its line", key);
		edit_lines(e, *start, last->end, start, end);
	} else if (at + step < v->nkid) {
		*start = first->start;
		*end = v->kid[at + step]->start;
	} else {
		*start = v->kid[at - 1]->end;
		*end = last->end;
	}
	return 0;
}

/* A flow collection on one line, which a new value may replace whole. */
static int
oneline_flow(struct edit *e, struct ynode *c)
{
	return c->type == YSEQ && c->flow && c->end > c->start &&
	    memchr(e->text + c->start, '\n', c->end - c->start) == NULL &&
	    memchr(e->text + c->start, '#', c->end - c->start) == NULL;
}

/*
 * Change a child of the collection under a top-level key: in a mapping
 * the value of part, in a list the first item equal to part.  val is YAML
 * text for one flow-safe scalar (or flow list, in place of a one-line flow
 * list or a scalar), or NULL to remove the child (its line in
 * block style, it and one comma in flow style); the only child goes with
 * its key.  *found says whether there was such a child (0: nothing done).
 */
int
edit_child(struct edit *e, const char *key, const char *part,
    const char *val, int *found)
{
	struct ynode *k, *v, *c = NULL, *want = NULL;
	struct ydoc *vd = NULL;
	size_t i, step, start, end, len;
	char *text;
	int st;

	*found = 0;
	if ((st = root_pair(e, key, &k, &v)) != 0)
		return st == 1 ? 0 : -1;
	v = ynode_deref(v);
	if (v->type != YMAP && v->type != YSEQ)
		return 0;
	step = v->type == YMAP ? 2 : 1;
	for (i = 0; i < v->nkid; i += step) {
		c = ynode_deref(v->kid[i]);
		if (c->type == YSCALAR && ynode_str(c) &&
		    strcmp(c->str, part) == 0)
			break;
	}
	if (i >= v->nkid)
		return 0;
	*found = 1;
	if (val == NULL && v->nkid == step)
		return edit_delete(e, key);
	c = v->kid[i + step - 1];
	if (v->kid[i]->anchor || v->kid[i]->type == YALIAS || c->anchor ||
	    c->tag || (c->type != YSCALAR && !(val && oneline_flow(e, c))) ||
	    ynode_block(c) || c->start == c->end)
		return refuse(e, c, "'%s': the part is empty or has an anchor, "
		    "an alias, a tag or a block: edit it by hand", key);
	if (val == NULL) {
		if (cut_child(e, v, i, key, &start, &end) == -1)
			return -1;
		text = splice(e, start, end, "", &len);
	} else if ((want = parse_value(&vd, val)) == NULL) {
		ydoc_free(vd);
		return refuse(e, NULL, "'%s': bad value", val);
	} else
		text = splice(e, c->start, c->end, val, &len);
	st = verify_inside(e, text, len, key, i, want);
	ydoc_free(vd);
	return st;
}

/*
 * The part of the mapping under key (rel's mentor) holds the strings of
 * l: one as a plain value, more as a flow list, none takes the part away
 * (and the key with its last part).  An absent part is added after the
 * others; a present one must be a scalar or a flow list on one line.
 */
int
edit_part(struct edit *e, const char *key, const char *part,
    const struct strv *l)
{
	struct ynode *m = ymap_get(e->doc->root, key);
	struct buf b = { 0 };
	size_t i;
	int rv, found;
	char *q;

	for (i = 0; i < l->n; i++) {
		q = yaml_quote(l->v[i], Q_FLOW | Q_STR);
		buf_printf(&b, "%s%s", i ? ", " : l->n > 1 ? "[" : "", q);
		free(q);
	}
	if (l->n > 1)
		buf_puts(&b, "]");
	if (m == NULL || m->type != YMAP || ymap_get(m, part) == NULL)
		rv = l->n == 0 ? 0 : edit_put(e, key, part, b.s);
	else
		rv = edit_child(e, key, part, l->n ? b.s : NULL, &found);
	free(b.s);
	return rv;
}
