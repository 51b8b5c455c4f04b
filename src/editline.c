/* editline.c - the lines of a text: where they start and end, cuts */

#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * The text helpers under the editor (edit.c) and the merge: where a line
 * starts and ends, a list item's dash, an indentation, a line to insert,
 * many cuts at once.  They read bytes only; none parses.
 */


/* The start of the line that holds off, after a BOM. */
size_t
text_line_start(const char *s, size_t len, size_t off)
{
	size_t bom = len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

	while (off > bom && s[off - 1] != '\n')
		off--;
	return off;
}

/* The start of the line after the one that holds off - 1 (or len). */
size_t
text_line_after(const char *s, size_t len, size_t off)
{
	const char *p;

	if (off == 0 || s[off - 1] == '\n')
		return off;
	if ((p = memchr(s + off, '\n', len - off)) != NULL)
		return p - s + 1;
	return len;
}

/* In text order; an insertion before a replacement at the same place. */
static int
cutcmp(const void *a, const void *b)
{
	const struct cut *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/*
 * s[0..len) with each cut's range replaced by its text; NULL when two
 * ranges overlap or one lies outside s.  Callers build cuts that cannot
 * overlap; this refuses rather than trusts them.
 */
char *
text_cuts(const char *s, size_t len, struct cut *c, size_t n, size_t *outlen)
{
	struct buf out = { 0 };
	size_t i, pos = 0;

	qsort(c, n, sizeof *c, cutcmp);
	for (i = 0; i < n; i++) {
		if (c[i].start < pos || c[i].end < c[i].start ||
		    c[i].end > len) {
			free(out.s);
			return NULL;
		}
		buf_add(&out, s + pos, c[i].start - pos);
		if (c[i].text)
			buf_puts(&out, c[i].text);
		pos = c[i].end;
	}
	buf_add(&out, s + pos, len - pos);
	*outlen = out.len;
	return out.s ? out.s : xstrdup("");
}

/*
 * Where text goes after a node that ends at off: there when off starts a
 * line (block scalars end so), else after the rest of its line.  *noeol is
 * set at the end of a file that has no final newline.
 */
size_t
text_after(const char *s, size_t len, size_t off, int *noeol)
{
	size_t at = text_line_after(s, len, off);

	*noeol = at == len && at > 0 && s[at - 1] != '\n';
	return at;
}

/*
 * The '-' of the block list item that starts at off, alone before it on
 * its line (but for blanks): 1, the line's start in *ls and the dash's
 * column in *ind; else 0.
 */
int
text_dash(const char *s, size_t len, size_t off, size_t *ls, size_t *ind)
{
	size_t i;

	*ls = text_line_start(s, len, off);
	*ind = strspn(s + *ls, " ");
	if (*ls + *ind >= off || s[*ls + *ind] != '-')
		return 0;
	for (i = *ls + *ind + 1; i < off; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* The indentation before off, when only spaces stand there. */
int
text_indent(const char *s, size_t len, size_t off, size_t *n)
{
	size_t start = text_line_start(s, len, off), i;

	for (i = start; i < off; i++)
		if (s[i] != ' ')
			return 0;
	*n = off - start;
	return 1;
}

/* A line to insert at pos: "\n" first instead of last at a bare end. */
void
edit_addline(struct buf *b, struct edit *e, int noeol, size_t ind,
    const char *line)
{
	if (noeol)
		buf_puts(b, e->eol);
	buf_printf(b, "%*s%s", (int)ind, "", line);
	if (!noeol)
		buf_puts(b, e->eol);
}
