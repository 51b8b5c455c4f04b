/*
 * kind.c - the kinds of a log entry (nw(5)): what each means to the
 * balance, asks and contact (schema_kind), where a scan counts it
 * (schema_kind_slot), and the kind a typo likely meant (nw-check).  The
 * keys themselves are schema.c's.
 */

#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * The kinds of log entry nw(5) names, and what each means.  Other words
 * are allowed (nw-check warns of them); an entry of no kind counts as
 * contact.
 */
static const struct kind kinds[] = {
	{ "call",	KIND_CONTACT },
	{ "meet",	KIND_CONTACT },
	{ "email",	KIND_CONTACT },
	{ "message",	KIND_CONTACT },
	{ "social",	KIND_CONTACT },
	{ "event",	KIND_CONTACT },
	{ "give",	KIND_CONTACT | KIND_GIVE },
	{ "ask",	KIND_CONTACT | KIND_ASK },
	{ "got",	KIND_CONTACT | KIND_GOT },
	{ "thanks",	KIND_CONTACT | KIND_THANKS },
	{ "declined",	KIND_CONTACT | KIND_DECLINED },
	{ "volunteer",	KIND_CONTACT },
	{ "answer",	KIND_CONTACT },
	{ "question",	KIND_CONTACT },
	{ "talk",	KIND_CONTACT },
	{ "donate",	KIND_CONTACT },
	{ "note",	0 },
	{ "job",	KIND_JOB },
};

_Static_assert(sizeof kinds / sizeof kinds[0] < NKINDS,
    "struct contact's kinds[] has no slot for other kinds");

/* The kinds nw(5) names, in its order. */
const struct kind *
schema_kinds(size_t *n)
{
	*n = sizeof kinds / sizeof kinds[0];
	return kinds;
}

/* The name of kind i of nw(5), NULL past the last. */
const char *
schema_kind_name(size_t i)
{
	return i < sizeof kinds / sizeof kinds[0] ? kinds[i].name : NULL;
}

/*
 * What an entry of this kind is (KIND_ flags): a kind of nw(5)'s, or any
 * other word, or none, which count as contact.
 */
int
schema_kind(const char *kind)
{
	int flags;

	schema_kind_slot(kind, &flags);
	return flags;
}

/*
 * Where an entry of this kind is counted (struct contact's kinds): its
 * place in schema_kinds, or one past the last for any other word and for
 * none.  *flags gets what it means, as schema_kind says.
 */
int
schema_kind_slot(const char *kind, int *flags)
{
	size_t i;

	for (i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].name, kind) == 0) {
			*flags = kinds[i].flags;
			return i;
		}
	*flags = KIND_CONTACT;
	return sizeof kinds / sizeof kinds[0];
}

/* Edits that make a into b, up to 9: how near a typo is to a kind. */
static int
distance(const char *a, const char *b)
{
	int d[16][16], i, j, m = strlen(a), n = strlen(b), x;

	if (m > 15 || n > 15)
		return 9;
	for (i = 0; i <= m; i++)
		d[i][0] = i;
	for (j = 0; j <= n; j++)
		d[0][j] = j;
	for (i = 1; i <= m; i++)
		for (j = 1; j <= n; j++) {
			x = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < x)
				x = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < x)
				x = d[i][j - 1] + 1;
			d[i][j] = x;
		}
	return d[m][n];
}

/*
 * The kind of nw(5) a person likely meant by s: the same in another case
 * (Call), the start of one of its words (phone call, meeting), else one or
 * two typos away (emial); NULL when none is near.
 */
const char *
schema_kind_near(const char *s)
{
	const struct kind *k;
	char *f = utf8_fold(s), *w;
	const char *best = NULL;
	size_t i, n, nk;
	int d, bestd = 3;

	k = schema_kinds(&nk);
	for (i = 0; i < nk; i++) {
		n = strlen(k[i].name);
		for (w = f; bestd >= 0 && w; w = strchr(w, ' '),
		    w = w ? w + 1 : NULL)
			if (strncmp(w, k[i].name, n) == 0)
				bestd = -1, best = k[i].name;
		if (bestd >= 0 && (d = distance(f, k[i].name)) < bestd &&
		    d < (int)n) {
			bestd = d;
			best = k[i].name;
		}
	}
	free(f);
	return best;
}
