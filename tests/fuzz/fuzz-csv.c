/*
 * fuzz-csv - CSV read from any bytes in each format nw-import knows
 * (told from the header, LinkedIn, Google, generic), each record with a
 * name written as a new contact's text.
 *
 * Invariant: that text reads back with the same name (draft_write refuses
 * to write it otherwise, and nw-import would skip the record).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"
#include "fuzz.h"

static struct circle circles[] = { { "close", { 3, 'w' } } };
static struct net net = {
	.dir = "/nonexistent/nw-fuzz", .circles = circles, .ncircles = 1,
	.dflt = { 3, 'm' }, .birthdays = { 2, 'w' }, .lockfd = -1,
};

static void
import(const char *s, size_t len, int fmt)
{
	struct recs rs = { 0 };
	struct ydoc *d;
	const char *got;
	char *text;
	size_t i;

	import_csv(s, len, fmt, &net, &rs);
	for (i = 0; i < rs.n; i++) {
		if (rs.v[i].err == NULL && draft_get(&rs.v[i].d, "name")) {
			if (rs.v[i].d.added == NODATE)
				rs.v[i].d.added = date_from_civil(2026, 11, 25);
			text = draft_text(&rs.v[i].d);
			d = ydoc_parse(text, strlen(text));
			got = ynode_str(ymap_get(d->root, "name"));
			FUZZ_ASSERT(got && strcmp(got, draft_get(&rs.v[i].d, "name")) == 0,
			    "a record's contact reads back with its name");
			ydoc_free(d);
			free(text);
		}
		rec_free(&rs.v[i]);
	}
	free(rs.v);
	strv_free(&rs.ignored);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int fmts[] = { 0, IN_LINKEDIN, IN_GOOGLE, IN_CSV };
	char *s;
	size_t i;

	/* nw-import reads files NUL-terminated */
	s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	for (i = 0; size > 0 && i < sizeof fmts / sizeof fmts[0]; i++)
		import(s, size, fmts[i]);
	free(s);
	return 0;
}
