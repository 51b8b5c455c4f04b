/*
 * fuzz-load - a contact loaded from any bytes, as every command loads one,
 * then shown the ways commands show it; nw-check on the same bytes; each
 * string read as commands read dates and durations given as arguments.
 *
 * Invariants: a file a command refuses to load, nw-check calls an error;
 * a date read from any string is one YYYY-MM-DD can write.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"
#include "fuzz.h"

static struct circle circles[] = {
	{ "close", { 3, 'w' } }, { "friends", { 2, 'm' } },
};
static struct net net = {
	.dir = "/nonexistent/nw-fuzz", .circles = circles, .ncircles = 2,
	.dflt = { 3, 'm' }, .birthdays = { 2, 'w' }, .lockfd = -1,
};
static struct contact *other;	/* another contact, for duplicates */
static FILE *devnull;

static void
setup(void)
{
	static const char text[] = "name: Ada Lovelace\n"
	    "email: [ada@example.org]\n";

	if (devnull)
		return;
	if ((devnull = fopen("/dev/null", "w")) == NULL ||
	    freopen("/dev/null", "w", stdout) == NULL)
		abort();
	other = contact_parse(&net, "ada", text, sizeof text - 1, C_STRUCT);
}

/* The contact as nw-due and nw-ls print it, in each output mode. */
static void
show(struct contact *c, int today)
{
	static const char *names[] = { "id", "name", "due", "days", "why",
	    "birthday", "org", "tag" };
	const char *v[8];
	struct due d;
	char ds[11], days[16];
	size_t i;
	int mode;

	contact_due(&net, c, today, &d);
	snprintf(days, sizeof days, "%d", d.days);
	v[0] = c->id, v[1] = c->name, v[2] = date_str(d.due, ds);
	v[3] = days, v[4] = d.reason, v[5] = d.bdreason, v[6] = c->org;
	v[7] = c->lib->tags.n ? c->lib->tags.v[0] : NULL;
	for (mode = OUT_TSV; mode <= OUT_JSON; mode++) {
		out_mode = mode;
		out_row(8, names, v, "sssnssss", "1");
		out_flush();
	}
	for (i = 0; i < c->nlog; i++) {
		json_str(devnull, c->log[i].note ? c->log[i].note : "");
		json_str(devnull, c->log[i].kind ? c->log[i].kind : "");
		date_str(c->log[i].date, ds);
	}
	free(d.reason);
	free(d.bdreason);
}

/* A date a command parsed writes as YYYY-MM-DD and reads back. */
static void
roundtrip(int z)
{
	char ds[11];
	int back;

	FUZZ_ASSERT(date_parse(date_str(z, ds), &back) && back == z,
	    "a date parsed is one YYYY-MM-DD can say");
}

/*
 * Each string of the file as a command's argument would be read: a date
 * behind or ahead (nw-log -d, -n), a duration, a birthday; on the first
 * and last days YYYY-MM-DD can say, and on an ordinary one.
 */
static void
dates(struct ydoc *d)
{
	int today[3], i, z;
	struct dur du;
	struct bday bd;
	size_t k;
	const char *s;

	today[0] = date_from_civil(1, 1, 1);
	today[1] = date_from_civil(2026, 11, 25);
	today[2] = date_from_civil(9999, 12, 31);
	for (k = 0; k < d->nnodes; k++) {
		if (d->nodes[k]->type != YSCALAR)
			continue;
		s = d->nodes[k]->str;
		for (i = 0; i < 3; i++) {
			if (date_parse_past(s, today[i], &z))
				roundtrip(z);
			if (date_parse_ahead(s, today[i], &z))
				roundtrip(z);
			if (bday_parse(s, &bd))
				bday_next(bd, today[i]);
			if (dur_parse(s, &du))
				date_add(today[i], du);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct check *ck;
	struct refs refs = { 0 };
	struct contact *c, *s;
	int errors;

	setup();
	c = contact_parse(&net, "fuzz", text, size, C_DOC | C_LOG | C_KEYS);
	s = contact_parse(&net, "fuzz", text, size, C_STRUCT);
	FUZZ_ASSERT(c->lib->err || c->name, "a contact loads with a name");
	FUZZ_ASSERT(!s->lib->err || c->lib->err,
	    "what editing refuses, loading does");
	if (c->lib->err == NULL) {
		show(c, date_from_civil(2026, 11, 25));
		show(c, date_from_civil(9999, 12, 31));
	}
	if (c->lib->doc)
		dates(c->lib->doc);
	refs.net = &net;
	refs.all = &other;	/* other is ours, lent to the check */
	refs.nall = 1;
	refs.loaded = 1;
	ck = check_new(&refs, devnull, 0);
	errors = check_text(ck, "fuzz.yaml", "fuzz", text, size);
	FUZZ_ASSERT(!c->lib->err || errors > 0, "nw-check calls an error what "
	    "commands refuse to load");
	check_free(ck);
	contact_free(c);
	contact_free(s);
	return 0;
}
