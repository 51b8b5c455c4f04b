/* utf8.c - text: UTF-8, case as people type it, terminal width */

#include <err.h>
#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "nw.h"
#include "nw_priv.h"

static locale_t utf8;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void
utf8_open(void)
{
	utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/*
 * The next code point of *s, lowercased: ASCII always, the rest of
 * Unicode through the C.UTF-8 locale when the system has it (opened once,
 * whichever core asks first).
 */
static wint_t
nextlower(const char **s)
{
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
	pthread_once(&utf8_once, utf8_open);
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

/* A hash of s that strings equal under strcaseeq share. */
unsigned long
strcasehash(const char *s)
{
	unsigned long h = 2166136261u;

	while (*s)
		h = (h ^ nextlower(&s)) * 16777619u;
	return h ^ (h >> 16);
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
