/*
 * fuzz-mail - a message, or an mbox, from any bytes, to the entries
 * nw-mail would log (mail_message), with -r.
 *
 * Invariants: each entry is a contact's, dated no later than today (a
 * message dated after it is left out), and its note (the decoded
 * Subject) and mid are UTF-8 without control characters that read back
 * as written.
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

	cp = capture_new(net, &net->me, 1);
	mail_message(cp, (const char *)data, size, "input");
	fuzz_check(cp, date_from_civil(1, 1, 1), cp->today);
	capture_free(cp);
	return 0;
}
