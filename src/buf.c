/* buf.c - growing buffers and lists of strings */

#include <err.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	char *s;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		err(1, "vsnprintf");
	s = xmalloc(n + 1);
	vsnprintf(s, n + 1, fmt, ap);
	buf_add(b, s, n);
	free(s);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
strv_add(struct strv *l, const char *s)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = xstrdup(s);
}

/* Is s in the list, byte for byte?  Keys, ids and paths are. */
int
strv_has(struct strv *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return 1;
	return 0;
}

/* Is s in the list, as people type it (strcaseeq)?  Names, emails. */
int
strv_hascase(struct strv *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcaseeq(l->v[i], s))
			return 1;
	return 0;
}

/* Is every item of a in b, byte for byte? */
int
strv_within(const struct strv *a, struct strv *b)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		if (!strv_has(b, a->v[i]))
			return 0;
	return 1;
}

/* Take s out of l, its first time there, byte for byte. */
void
strv_cut(struct strv *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0) {
			free(l->v[i]);
			memmove(l->v + i, l->v + i + 1,
			    (l->n - i - 1) * sizeof *l->v);
			l->n--;
			return;
		}
}

void
strv_free(struct strv *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
