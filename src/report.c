/* report.c - a finding about a file, said the one way */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * The one way a finding about a file is said, as a compiler says it:
 * "path:line:col: message", "path:line: message" when the column is not
 * known, "path: message" when the place is not; sev ("error", "warning")
 * comes before the message when given.  Into b, with no line end.
 */
void
report_buf(struct buf *b, const char *path, int line, int col,
    const char *sev, const char *fmt, va_list ap)
{
	buf_puts(b, path);
	if (line > 0)
		buf_printf(b, ":%d", line);
	if (line > 0 && col > 0)
		buf_printf(b, ":%d", col);
	buf_puts(b, ": ");
	if (sev)
		buf_printf(b, "%s: ", sev);
	buf_vprintf(b, fmt, ap);
}

void
report(FILE *f, const char *path, int line, int col, const char *sev,
    const char *fmt, ...)
{
	struct buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	report_buf(&b, path, line, col, sev, fmt, ap);
	va_end(ap);
	text_put(f, b.s, TX_MSG);	/* the message quotes the file */
	fputc('\n', f);
	free(b.s);
}

int out_errno;		/* why a write to stdout failed first (out_close) */

/*
 * Standard output written now (a writer's ids, for the next command of a
 * pipeline).  Why it failed is kept for out_close: errno is long gone by
 * then (git was run meanwhile).
 */
int
out_sync(void)
{
	if (fflush(stdout) != EOF)
		return 0;
	if (out_errno == 0)
		out_errno = errno;
	return -1;
}
