/* util.c - memory and strings */

#include <err.h>
#include <locale.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "nw.h"

void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n ? n : 1)) == NULL)
		err(1, NULL);
	return p;
}

void *
xcalloc(size_t n, size_t m)
{
	void *p;

	if ((p = calloc(n ? n : 1, m ? m : 1)) == NULL)
		err(1, NULL);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		err(1, NULL);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		err(1, "vsnprintf");
	b.s = xmalloc(n + 1);
	va_start(ap, fmt);
	vsnprintf(b.s, n + 1, fmt, ap);
	va_end(ap);
	return b.s;
}

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

/*
 * The next code point of *s, lowercased: ASCII always, the rest of
 * Unicode through the C.UTF-8 locale when the system has it.
 */
static wint_t
nextlower(const char **s)
{
	static locale_t utf8;
	static int tried;
	const unsigned char *u = (const unsigned char *)*s;
	unsigned len, k;
	wint_t c;

	len = *u < 0x80 ? 1 : *u >= 0xf0 ? 4 : *u >= 0xe0 ? 3 : 2;
	c = len == 1 ? *u : *u & (0x3f >> (len - 1));
	for (k = 1; k < len && u[k]; k++)
		c = c << 6 | (u[k] & 0x3f);
	*s += k;
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
	if (!tried) {
		tried = 1;
		utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	return utf8 ? towlower_l(c, utf8) : c;
}

/* Case-insensitive equality: names are compared as people type them. */
int
strcaseeq(const char *a, const char *b)
{
	while (*a && *b)
		if (nextlower(&a) != nextlower(&b))
			return 0;
	return *a == '\0' && *b == '\0';
}

/* Is p a case-insensitive prefix of s? */
int
strcaseprefix(const char *s, const char *p)
{
	while (*p)
		if (*s == '\0' || nextlower(&s) != nextlower(&p))
			return 0;
	return 1;
}

/*
 * Is s[0..n) well-formed UTF-8 (no overlongs, no surrogates)?
 * On failure *bad is the offset of the first bad byte.
 */
int
utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k, len;
	uint32_t c;

	while (i < n) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] >= 0xc2 && u[i] <= 0xdf)
			len = 2, c = u[i] & 0x1f;
		else if (u[i] >= 0xe0 && u[i] <= 0xef)
			len = 3, c = u[i] & 0x0f;
		else if (u[i] >= 0xf0 && u[i] <= 0xf4)
			len = 4, c = u[i] & 0x07;
		else
			goto bad;
		if (i + len > n)
			goto bad;
		for (k = 1; k < len; k++) {
			if ((u[i + k] & 0xc0) != 0x80)
				goto bad;
			c = c << 6 | (u[i + k] & 0x3f);
		}
		if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
		    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			goto bad;
		i += len;
	}
	return 1;
bad:
	if (bad)
		*bad = i;
	return 0;
}

/*
 * Columns a string takes on a terminal, whatever the locale: one a code
 * point, two for East Asian wide ones, none for combining marks.
 */
size_t
utf8_width(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t w = 0, len, k;
	uint32_t c;

	while (*u) {
		len = *u < 0x80 ? 1 : *u >= 0xf0 ? 4 : *u >= 0xe0 ? 3 : 2;
		c = len == 1 ? *u : *u & (0x3f >> (len - 1));
		for (k = 1; k < len && u[k]; k++)
			c = c << 6 | (u[k] & 0x3f);
		u += k;
		if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f))
			continue;
		w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 &&
		    c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
		    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 &&
		    c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
		    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 &&
		    c <= 0x1f64f) || (c >= 0x1f900 && c <= 0x1f9ff) ||
		    (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
	}
	return w;
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

/*
 * The text of an option goes into a contact file: valid UTF-8, no
 * carriage return.  Else a usage error that names the option, before any
 * file is touched.
 */
void
opt_text(int opt, const char *s)
{
	if (!utf8_valid(s, strlen(s), NULL))
		errx(2, "-%c: not UTF-8 text", opt);
	if (strchr(s, '\r'))
		errx(2, "-%c: a carriage return cannot go in a contact", opt);
}

/* One '@' with text on both sides and no blanks: enough to catch typos. */
int
email_plausible(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at != s && at[1] && !strchr(at + 1, '@') &&
	    !strpbrk(s, " \t<>,;");
}
