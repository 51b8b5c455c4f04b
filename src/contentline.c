/* contentline.c - the lines of vCard and iCalendar: escaped, folded */

/*
 * vcard.c writes cards and ical.c calendars with the same content lines
 * (RFC 6350 3.2, RFC 5545 3.1); they are here, below both.
 */

#include <stdlib.h>

#include "nw.h"
#include "nw_priv.h"

/* A TEXT value: backslash, comma, semicolon and line breaks escaped. */
char *
vc_text(const char *s)
{
	struct buf b = { 0 };

	buf_puts(&b, "");
	for (; *s; s++)
		if (*s == '\\' || *s == ',' || *s == ';')
			buf_printf(&b, "\\%c", *s);
		else if (*s == '\n')
			buf_puts(&b, "\\n");
		else if ((unsigned char)*s >= 0x20 || *s == '\t')
			buf_add(&b, s, 1);
	return b.s;
}

/*
 * name:value as a content line (RFC 6350 3.2, RFC 5545 3.1): folded so
 * that no line is longer than 75 octets, never inside a UTF-8 character,
 * each line ended by CRLF.
 */
void
vc_line(struct buf *b, const char *name, const char *value)
{
	struct buf l = { 0 };
	size_t i = 0, max = 75, n;

	buf_printf(&l, "%s:%s", name, value);
	while (l.len - i > max) {
		n = max;
		while (n > 1 && ((unsigned char)l.s[i + n] & 0xc0) == 0x80)
			n--;
		buf_add(b, l.s + i, n);
		buf_puts(b, "\r\n ");
		i += n;
		max = 74;
	}
	buf_add(b, l.s + i, l.len - i);
	buf_puts(b, "\r\n");
	free(l.s);
}
