/* utf8.c - text: UTF-8, case as people type it, terminal width */

#include <ctype.h>
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * The character cp in lowercase, as UTF-8 in out (5 bytes), for ids:
 * Ольга is ольга.  Its length.
 */
size_t
utf8_lower(unsigned cp, char out[5])
{
	int n = u8_uctomb((uint8_t *)out, uc_tolower(cp), 4);

	if (n < 1)
		n = u8_uctomb((uint8_t *)out, cp, 4);
	out[n < 1 ? 0 : n] = '\0';
	return n < 1 ? 0 : n;
}

/* ASCII with no white space: folding it is lowercasing it. */
static int
plain(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80 || isspace((unsigned char)*s))
			return 0;
	return 1;
}

/*
 * ASCII s folded into f[0..FOLDMAX) as utf8_fold would, with no
 * allocation: lowercase, one space between words, none at either end.
 * 0 when s is not ASCII or too long, and the caller calls utf8_fold.
 */
#define FOLDMAX	256

static int
ascii_fold(const char *s, char f[FOLDMAX])
{
	size_t n = 0;
	int blank = 0;

	for (; *s; s++) {
		if ((unsigned char)*s >= 0x80)
			return 0;
		if (isspace((unsigned char)*s)) {
			blank = n > 0;
			continue;
		}
		if (n + 2 >= FOLDMAX)
			return 0;
		if (blank)
			f[n++] = ' ';
		blank = 0;
		f[n++] = *s >= 'A' && *s <= 'Z' ? *s + ('a' - 'A') : *s;
	}
	f[n] = '\0';
	return 1;
}

/*
 * A text as people compare names: case folded, accents off, white space
 * one blank between words.  Non-ASCII goes through libunistring: NFKD
 * with Unicode case folding (Müller, MÜLLER and an NFD-typed Müller are
 * one text), then the nonspacing marks are dropped (muller finds it).
 * Text that is not UTF-8 is folded as ASCII, its other bytes kept.
 */
char *
utf8_fold(const char *s)
{
	uint8_t *f = NULL, *p;
	struct buf b = { 0 };
	size_t n = strlen(s), len, k;
	int blank = 0;
	ucs4_t c;

	if (!plain(s) && utf8_valid(s, n, NULL))
		f = u8_casefold((const uint8_t *)s, n, NULL, UNINORM_NFKD,
		    NULL, &len);
	if (f == NULL) {
		f = (uint8_t *)xstrdup(s);
		len = n;
	}
	buf_puts(&b, "");
	for (p = f; p < f + len; p += k) {
		k = 1;
		c = *p;
		if (*p >= 0x80 && (k = u8_mbtouc(&c, p, f + len - p)) == 0)
			k = 1;
		if (c < 0x80 ? isspace(c) != 0 : uc_is_space(c)) {
			blank = b.len > 0;
			continue;
		}
		if (c >= 0x80 && uc_is_general_category(c, UC_NON_SPACING_MARK))
			continue;
		if (blank)
			buf_puts(&b, " ");
		blank = 0;
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
		buf_add(&b, (const char *)p, k);
	}
	free(f);
	return b.s;
}

/* s folded into buf when it is ASCII and short, else by utf8_fold. */
static char *
fold(const char *s, char buf[FOLDMAX])
{
	return ascii_fold(s, buf) ? buf : utf8_fold(s);
}

static void
unfold(char *f, char buf[FOLDMAX])
{
	if (f != buf)
		free(f);
}

/* Equal as people type names (utf8_fold): Müller, muller, MULLER. */
int
strcaseeq(const char *a, const char *b)
{
	char sa[FOLDMAX], sb[FOLDMAX], *fa, *fb;
	int eq;

	if (plain(a) && plain(b))
		return strcasecmp(a, b) == 0;
	fa = fold(a, sa);
	fb = fold(b, sb);
	eq = strcmp(fa, fb) == 0;
	unfold(fa, sa);
	unfold(fb, sb);
	return eq;
}

/* A hash of s that the strings strcaseeq finds equal share: its fold's. */
unsigned long
strcasehash(const char *s)
{
	unsigned long h = 2166136261u;
	char sf[FOLDMAX], *f;
	const char *p;

	for (p = f = fold(s, sf); *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	unfold(f, sf);
	return h ^ (h >> 16);
}

/* Is p a prefix of s as people type names (utf8_fold)? */
int
strcaseprefix(const char *s, const char *p)
{
	char ss[FOLDMAX], sp[FOLDMAX], *fs, *fp;
	int yes;

	if (plain(s) && plain(p))
		return strncasecmp(s, p, strlen(p)) == 0;
	fs = fold(s, ss);
	fp = fold(p, sp);
	yes = strncmp(fs, fp, strlen(fp)) == 0;
	unfold(fs, ss);
	unfold(fp, sp);
	return yes;
}

/* s with no blanks around it and one space for each run of them. */
char *
utf8_squeeze(const char *s)
{
	struct buf b = { 0 };
	size_t n;

	buf_puts(&b, "");
	for (;;) {
		s += strspn(s, " \t");
		if (*s == '\0')
			return b.s;
		if (b.len)
			buf_puts(&b, " ");
		n = strcspn(s, " \t");
		buf_add(&b, s, n);
		s += n;
	}
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
 * The one terminal-safe writer: text from a file on its way to a person
 * (a table, nw-show, a message on standard error) or to a pipe (a TSV
 * field).  A file's text may hold escape sequences that set a terminal's
 * title, clear it or forge lines; none gets through.  how is one of
 *
 *   TX_TERM  a table's cell, nw-show: a C0 or C1 control character, DEL,
 *            or a byte that is not UTF-8 is '?'; a tab or a line break is
 *            a space (TX_LINES keeps them: nw-show's text)
 *   TX_TSV   a field of piped TSV: a tab or a line break is a space (it
 *            would split the record); another C0 control or DEL is \xHH,
 *            a C1 control \u00HH (nw(7)); other bytes pass as they are
 *   TX_MSG   a message, a finding: every control character escaped as in
 *            TX_TSV, \t, \n and \r included; a byte that is not UTF-8 '?'
 */
/* A control character (C0, DEL or C1 at u, n bytes left): its length. */
static size_t
control(const unsigned char *u, size_t n)
{
	if (*u < 0x20 || *u == 0x7f)
		return 1;
	return n >= 2 && u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f ? 2 : 0;
}

void
text_add(struct buf *b, const char *s, size_t n, int how)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, len;

	buf_add(b, "", 0);
	while (i < n) {
		for (len = 0; i + len < n && u[i + len] >= 0x20 &&
		    u[i + len] < 0x7f; len++)
			;
		if (len > 0) {		/* printable ASCII, the most of it */
			buf_add(b, s + i, len);
			i += len;
			continue;
		}
		if ((u[i] == '\n' || u[i] == '\t') && (how & TX_LINES)) {
			buf_add(b, s + i++, 1);
			continue;
		}
		if ((u[i] == '\t' || u[i] == '\n' || u[i] == '\r') &&
		    !(how & TX_MSG)) {
			buf_add(b, " ", 1);
			i++;
			continue;
		}
		if ((len = control(u + i, n - i)) > 0) {
			if (!(how & (TX_TSV | TX_MSG)))
				buf_add(b, "?", 1);
			else if (u[i] == '\t' || u[i] == '\n' || u[i] == '\r')
				buf_printf(b, "\\%c", u[i] == '\t' ? 't' :
				    u[i] == '\n' ? 'n' : 'r');
			else if (len == 1)
				buf_printf(b, "\\x%02x", u[i]);
			else
				buf_printf(b, "\\u%04x", u[i + 1]);
			i += len;
			continue;
		}
		len = u[i] < 0x80 || (how & TX_TSV) ? 1 : u[i] >= 0xf0 ? 4 :
		    u[i] >= 0xe0 ? 3 : 2;
		if (len > 1 && (len > n - i ||
		    !utf8_valid(s + i, len, NULL))) {
			buf_add(b, "?", 1);	/* no UTF-8: a terminal guesses */
			len = 1;
		} else
			buf_add(b, s + i, len);
		i += len;
	}
}

/* text_add into a new string */
char *
text_dup(const char *s, int how)
{
	struct buf b = { 0 };

	text_add(&b, s, strlen(s), how);
	return b.s;
}

/* text_add onto f */
void
text_put(FILE *f, const char *s, int how)
{
	char *t = text_dup(s, how);

	fputs(t, f);
	free(t);
}

/*
 * A contact's id as nw prints it: an id that starts with '-' is
 * "./-name", so that no command takes it for an option (nw(7)).
 */
const char *
id_shown(const char *id)
{
	return *id == '-' ? "./" : "";
}

/* warnx(3) whose message is made safe for a terminal: for file text */
void
warnx_safe(const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;
	char *t;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	t = text_dup(b.s, TX_MSG);
	warnx("%s", t);
	free(t);
	free(b.s);
}
