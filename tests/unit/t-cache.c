/*
 * t-cache - what a scan took from the cache (tests/0300-cache.t)
 *
 * usage: t-cache dir
 *
 * Loads every contact of the network dir as a scan does (net_scan, then
 * contacts_load with no flag) and prints "cached N parsed M written W":
 * the summaries taken from .nw/cache, the files parsed, and 1 when the
 * cache was written.  The output of the scans themselves, with and
 * without the cache, is the test's to compare; this says that the cache
 * was used at all.
 */

#include <stdio.h>
#include <stdlib.h>

#include "nw.h"
#include "nw_priv.h"

static void
drop(struct contact *c, void *arg)
{
	(void)arg;
	contact_free(c);
}

int
main(int argc, char *argv[])
{
	struct stamp *st;
	struct net *net;
	char **ids;
	size_t n, i, cached, parsed;
	int written;

	if (argc != 2) {
		fprintf(stderr, "usage: t-cache dir\n");
		return 2;
	}
	nw_dir_opt = argv[1];
	net = net_open(1);
	net_scan(net, &ids, &st, &n, NULL);
	contacts_load(net, ids, st, n, 0, drop, NULL);
	cache_counts(net, &cached, &parsed, &written);
	printf("cached %zu parsed %zu written %d\n", cached, parsed, written);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(st);
	net_free(net);
	return 0;
}
