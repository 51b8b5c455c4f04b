/*
 * fuzz-vcard - vCards read from any bytes, each card with a name written
 * as a new contact's text.
 *
 * Invariant: that text reads back with the same name (draft_write refuses
 * to write it otherwise, and nw-import would skip the card).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct recs rs = { 0 };
	struct ydoc *d;
	const char *got;
	char *s, *text;
	size_t i;

	/* nw-import reads files NUL-terminated */
	s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	vcard_read(s, size, &rs);
	for (i = 0; i < rs.n; i++) {
		if (rs.v[i].err == NULL && draft_get(&rs.v[i].d, "name")) {
			if (rs.v[i].d.added == NODATE)
				rs.v[i].d.added = date_from_civil(2026, 11, 25);
			text = draft_text(&rs.v[i].d);
			d = ydoc_parse(text, strlen(text));
			got = ynode_str(ymap_get(d->root, "name"));
			FUZZ_ASSERT(got && strcmp(got, draft_get(&rs.v[i].d, "name")) == 0,
			    "a card's contact reads back with its name");
			ydoc_free(d);
			free(text);
		}
		rec_free(&rs.v[i]);
	}
	free(rs.v);
	strv_free(&rs.ignored);
	free(s);
	return 0;
}
