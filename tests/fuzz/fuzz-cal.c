/*
 * fuzz-cal - a calendar from any bytes to the entries nw-cal would log
 * (cal_text), its recurrences expanded over the year up to today.
 *
 * Invariants: each entry is a contact's, dated within the window asked
 * for, and its note (the SUMMARY) and uid read back as written.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"
#include "fuzz.h"
#include "capture.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct net *net = fuzz_network();
	struct capture *cp;
	char *s;
	int from;

	/* nw-cal reads files NUL-terminated */
	s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	cp = capture_new(net, &net->me, 0);
	from = cp->today - 365;
	cal_text(cp, s, "input", from, cp->today);
	fuzz_check(cp, from, cp->today);
	capture_free(cp);
	free(s);
	return 0;
}
