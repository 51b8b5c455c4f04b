/*
 * statsout.c - what nw-stats prints of stats.c's sums (stats_print), in
 * three forms: a screen of labelled sections (out_label), TSV lines whose
 * first field names the section (out_tsv), or one JSON object (json.c's
 * writer).  -p prints one contact's months, -H a year of days as a
 * contribution graph.
 */

#include <err.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

#define NTOP	5		/* groups and floor names on a terminal */

/* --- output: a screen, TSV lines or one JSON object ---------------------- */

/* Month number mon (year * 12 + m - 1) as 2026-03. */
static void
month_str(int mon, char s[16])
{
	snprintf(s, 16, "%04d-%02d", mon / 12, mon % 12 + 1);
}

/* An id as nw prints it (./-name). */
static char *
idtext(const char *id)
{
	return xasprintf("%s%s", id_shown(id), id);
}

/* n as text, into s. */
static char *
num(int n, char s[16])
{
	snprintf(s, 16, "%d", n);
	return s;
}

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* network: people, touched in the last year, communities. */
static void
network(struct stats *st)
{
	struct buf b = { 0 };
	char s1[16], s2[16], s3[16];

	if (out_mode == OUT_TSV) {
		out_tsv("network", 2, "people", num(st->people, s1));
		out_tsv("network", 2, "touched", num(st->touched, s2));
		out_tsv("network", 2, "communities", num(st->ncomm, s3));
		return;
	}
	buf_printf(&b, "%d %s, %d touched in the last 12 months", st->people,
	    plural(st->people, "person", "people"), st->touched);
	if (st->people)
		buf_printf(&b, " (%d%%)", (st->touched * 200 + st->people) /
		    (2 * st->people));
	if (st->ncomm)
		buf_printf(&b, "; %zu %s", st->ncomm,
		    plural(st->ncomm, "community", "communities"));
	out_label(0, "network", b.s);
	free(b.s);
}

/* circle: each circle's people on time, overdue, never seen, median gap. */
static void
circles(struct stats *st)
{
	struct circ *c;
	char gap[16], s[5][16], *name;
	size_t i;
	int w = 9, g;

	for (i = 0; i < st->ncirc; i++)
		if (st->circ[i].people && st->circ[i].name &&
		    (int)utf8_width(st->circ[i].name) > w)
			w = utf8_width(st->circ[i].name);
	if (out_mode == OUT_TABLE)
		printf("%-*s people  on time  overdue  never  median gap\n", w,
		    "circle");
	for (i = 0; i < st->ncirc; i++) {
		c = &st->circ[i];
		if (c->people == 0)
			continue;
		g = stats_median(c);
		snprintf(gap, sizeof gap, g < 0 ? "-" : "%dd", g);
		if (out_mode == OUT_TSV) {
			out_tsv("circle", 6, c->name ? c->name : "",
			    num(c->people, s[0]), num(c->ontime, s[1]),
			    num(c->overdue, s[2]), num(c->never, s[3]),
			    g < 0 ? "" : num(g, s[4]));
			continue;
		}
		name = text_dup(c->name ? c->name : "(none)", TX_TERM);
		printf("%s%*s %6d  %7d  %7d  %5d  %10s\n", name,
		    w - (int)utf8_width(name), "", c->people, c->ontime,
		    c->overdue, c->never, gap);
		free(name);
	}
}

/* floor: who has gone longer than the floor, the longest first. */
static void
floorline(struct stats *st)
{
	struct buf b = { 0 };
	char ds[11], fl[16], *m, *id;
	size_t i;
	int y1, m1, d1, y2, m2, d2;

	dur_str(net_floor(st->net), fl);
	for (i = 0; out_mode == OUT_TSV && i < st->nlow; i++) {
		id = idtext(st->low[i].id);
		out_tsv("floor", 2, id, st->low[i].last == NODATE ? "" :
		    date_str(st->low[i].last, ds));
		free(id);
	}
	if (out_mode == OUT_TSV)
		return;
	if (st->nlow == 0)
		buf_printf(&b, "nobody: everyone in touch within %s", fl);
	else
		buf_printf(&b, "%zu not contacted in over %s:", st->nlow, fl);
	for (i = 0; i < st->nlow && i < NTOP; i++) {
		if (st->low[i].last == NODATE)
			m = xstrdup("never");
		else {
			date_to_civil(st->today, &y1, &m1, &d1);
			date_to_civil(st->low[i].last, &y2, &m2, &d2);
			m = xasprintf("%dm", (y1 - y2) * 12 + m1 - m2 -
			    (d1 < d2));
		}
		buf_printf(&b, "%s %s%s (%s)", i ? "," : "",
		    id_shown(st->low[i].id), st->low[i].id, m);
		free(m);
	}
	if (st->nlow > NTOP)
		buf_printf(&b, ", and %zu more", st->nlow - NTOP);
	out_label(0, "floor", b.s);
	free(b.s);
}

/* ▁ for none, then ▂ to █ in proportion to the most. */
static void
spark(struct buf *b, const int *v, int n)
{
	static const char *bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇",
	    "█" };
	int i, max = 0;

	for (i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	for (i = 0; i < n; i++)
		buf_puts(b, bars[v[i] == 0 ? 0 : 1 + (v[i] * 7 - 1) / max]);
}

/* activity: contact entries a month over twelve, as a sparkline. */
static void
activity(struct stats *st)
{
	struct buf b = { 0 };
	char m1[16], m2[16], s[16];
	int i;

	if (out_mode == OUT_TSV) {
		for (i = 0; i < 12; i++) {
			month_str(st->tmonth - 11 + i, m1);
			out_tsv("activity", 2, m1, num(st->months[i], s));
		}
		return;
	}
	month_str(st->tmonth - 11, m1);
	month_str(st->tmonth, m2);
	buf_printf(&b, "%s ", m1);
	spark(&b, st->months, 12);
	buf_printf(&b, " %s  (contact entries a month)", m2);
	out_label(0, "activity", b.s);
	free(b.s);
}

struct kindn {
	const char	*name;
	int		 n, at;
};

static int
bycount(const void *x, const void *y)
{
	const struct kindn *a = x, *b = y;

	if (a->n != b->n)
		return b->n - a->n;
	return a->at - b->at;
}

/* The kinds with entries, the most first; other words last. */
static size_t
kindlist(const int *counts, struct kindn *v)
{
	const char *name;
	size_t i, n, nk;

	for (i = n = 0; (name = schema_kind_name(i)) != NULL; i++)
		if (counts[i])
			v[n].name = name, v[n].n = counts[i], v[n++].at = i;
	nk = i;
	if (n)
		qsort(v, n, sizeof *v, bycount);
	if (counts[nk])
		v[n].name = "other", v[n].n = counts[nk], v[n++].at = nk;
	return n;
}

/* kinds: entries by kind, the most first. */
static void
kinds(const int *counts)
{
	struct kindn v[NKINDS];
	struct buf b = { 0 };
	char s[16];
	size_t i, n;

	n = kindlist(counts, v);
	for (i = 0; out_mode == OUT_TSV && i < n; i++)
		out_tsv("kinds", 2, v[i].name, num(v[i].n, s));
	if (out_mode == OUT_TSV)
		return;
	buf_puts(&b, n ? "" : "no entries");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s %d", i ? "  " : "", v[i].name, v[i].n);
	out_label(0, "kinds", b.s);
	free(b.s);
}

/* giving: gave, asked, got, owed and open asks. */
static void
giving(struct stats *st)
{
	struct buf b = { 0 };
	char s[5][16];

	if (out_mode == OUT_TSV) {
		out_tsv("giving", 2, "gave", num(st->gave, s[0]));
		out_tsv("giving", 2, "asked", num(st->asked, s[1]));
		out_tsv("giving", 2, "got", num(st->got, s[2]));
		out_tsv("giving", 2, "owed", num(st->owed, s[3]));
		out_tsv("giving", 2, "open-asks", num(st->open, s[4]));
		return;
	}
	buf_printf(&b, "gave %d, asked %d, got %d; you owe %d %s; %d open "
	    "%s", st->gave, st->asked, st->got, st->owed,
	    plural(st->owed, "person", "people"), st->open,
	    plural(st->open, "ask", "asks"));
	out_label(0, "giving", b.s);
	free(b.s);
}

/* community: each one's members, those seen lately, its due day. */
static void
communities(struct stats *st)
{
	struct comm *k;
	struct buf b = { 0 };
	char s[5][16], ds[11], *id;
	size_t i;

	for (i = 0; i < st->ncomm; i++) {
		k = &st->comm[i];
		if (out_mode == OUT_TSV) {
			id = idtext(k->c->id);
			out_tsv("community", 6, id, num(k->members, s[0]),
			    num(k->seen, s[1]), num(k->entries, s[2]),
			    k->never ? "" : date_str(k->due, ds),
			    k->never ? "" : num(k->days, s[3]));
			free(id);
			continue;
		}
		b.len = 0;
		buf_printf(&b, "%s: %d %s, %d seen in 90d; you took part %d "
		    "%s in 12m, ", k->c->id, k->members,
		    plural(k->members, "member", "members"), k->seen,
		    k->entries, plural(k->entries, "time", "times"));
		if (k->never)
			buf_puts(&b, "never due");
		else if (k->days > 0)
			buf_printf(&b, "%dd overdue", k->days);
		else if (k->days == 0)
			buf_puts(&b, "due today");
		else
			buf_printf(&b, "due in %dd", -k->days);
		out_label(0, "community", b.s);
	}
	free(b.s);
}

/*
 * Who connects you to most others: the introducers by the people whose
 * met.via names them, and the communities by their members; most first,
 * five on a terminal.
 */
static int
bymost(const void *x, const void *y)
{
	const struct low *a = x, *b = y;

	if (a->last != b->last)
		return b->last - a->last;
	return strcmp(a->id, b->id);
}

/* introducers: who brought the most people in (met's via). */
static void
connectors(struct stats *st)
{
	struct low *c;
	struct buf b = { 0 };
	char n[16];
	size_t i, nc = 0;

	if (st->nintro)		/* qsort wants an array, even of none */
		qsort(st->intro, st->nintro, sizeof *st->intro, bymost);
	for (i = 0; out_mode == OUT_TSV && i < st->nintro; i++)
		out_tsv("introducer", 2, st->intro[i].id, num(st->intro[i].last, n));
	for (i = 0; out_mode == OUT_TABLE && i < st->nintro && i < NTOP; i++)
		buf_printf(&b, "%s%s %d", i ? "; " : "", st->intro[i].id,
		    st->intro[i].last);
	if (b.len)
		out_label(0, "introducers", b.s);
	c = xcalloc(st->ncomm + 1, sizeof *c);
	for (i = 0; i < st->ncomm; i++)
		if (st->comm[i].members) {
			c[nc].id = st->comm[i].c->id;
			c[nc++].last = st->comm[i].members;
		}
	qsort(c, nc, sizeof *c, bymost);
	b.len = 0;
	for (i = 0; out_mode == OUT_TSV && i < nc; i++)
		out_tsv("through", 2, c[i].id, num(c[i].last, n));
	for (i = 0; out_mode == OUT_TABLE && i < nc && i < NTOP; i++)
		buf_printf(&b, "%s%s %d", i ? "; " : "", c[i].id, c[i].last);
	if (out_mode == OUT_TABLE && b.len)
		out_label(0, "through", b.s);
	free(c);
	free(b.s);
}

/* Job changes of the last JOB_DAYS days (nw-import -u), newest first. */
static int
bynewjob(const void *x, const void *y)
{
	const struct low *a = x, *b = y;

	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* through (a job change): those of the last JOB_DAYS days. */
static void
jobs(struct stats *st)
{
	struct buf b = { 0 };
	char ds[11];
	size_t i;

	if (st->njobs)
		qsort(st->jobs, st->njobs, sizeof *st->jobs, bynewjob);
	for (i = 0; out_mode == OUT_TSV && i < st->njobs; i++)
		out_tsv("job", 2, st->jobs[i].id, date_str(st->jobs[i].last, ds));
	if (out_mode == OUT_TSV || st->njobs == 0)
		return;
	for (i = 0; i < st->njobs && i < NTOP; i++)
		buf_printf(&b, "%s%s %s", i ? "; " : "", st->jobs[i].id,
		    date_str(st->jobs[i].last, ds));
	if (st->njobs > NTOP)
		buf_printf(&b, "; and %zu more", st->njobs - NTOP);
	out_label(0, "new jobs", b.s);
	free(b.s);
}

/* groups: the largest groups that are no community, and how alive. */
static void
groups(struct grp *g, size_t n)
{
	struct buf b = { 0 };
	char s[2][16];
	size_t i;

	for (i = 0; out_mode == OUT_TSV && i < n; i++)
		out_tsv("groups", 3, g[i].name, num(g[i].people, s[0]),
		    num(g[i].touched, s[1]));
	if (out_mode == OUT_TSV || n == 0)
		return;
	for (i = 0; i < n && i < NTOP; i++)
		buf_printf(&b, "%s%s %d %s, %d touched in 90d", i ? "; " : "",
		    g[i].name, g[i].people, plural(g[i].people, "person",
		    "people"), g[i].touched);
	if (n > NTOP)
		buf_printf(&b, "; and %zu more", n - NTOP);
	out_label(0, "groups", b.s);
	free(b.s);
}

/* --- JSON: one object ----------------------------------------------------- */

static void
jkinds(struct jw *w, const int *counts)
{
	struct kindn v[NKINDS];
	size_t i, n;

	n = kindlist(counts, v);
	jw_open(w, "kinds", '{');
	for (i = 0; i < n; i++)
		jw_int(w, v[i].name, v[i].n);
	jw_close(w);
}

static void
jgiving(struct jw *w, struct stats *st)
{
	jw_open(w, "giving", '{');
	jw_int(w, "gave", st->gave);
	jw_int(w, "asked", st->asked);
	jw_int(w, "got", st->got);
	jw_int(w, "owed", st->owed);
	jw_int(w, "open-asks", st->open);
	jw_close(w);
}

static void
jmonths(struct jw *w, struct stats *st)
{
	char m[16];
	int i;

	jw_open(w, "activity", '[');
	for (i = 0; i < 12; i++) {
		month_str(st->tmonth - 11 + i, m);
		jw_open(w, NULL, '{');
		jw_str(w, "month", m);
		jw_int(w, "entries", st->months[i]);
		jw_close(w);
	}
	jw_close(w);
}

static void
jcircles(struct jw *w, struct stats *st)
{
	struct circ *c;
	size_t i;
	int gap;

	jw_open(w, "circles", '[');
	for (i = 0; i < st->ncirc; i++) {
		if ((c = &st->circ[i])->people == 0)
			continue;
		jw_open(w, NULL, '{');
		jw_str(w, "circle", c->name);
		jw_int(w, "people", c->people);
		jw_int(w, "on-time", c->ontime);
		jw_int(w, "overdue", c->overdue);
		jw_int(w, "never", c->never);
		if ((gap = stats_median(c)) < 0)
			jw_raw(w, "median-gap", "null");
		else
			jw_int(w, "median-gap", gap);
		jw_close(w);
	}
	jw_close(w);
}

static void
jcommunities(struct jw *w, struct stats *st)
{
	struct comm *k;
	size_t i;

	jw_open(w, "communities", '[');
	for (i = 0; i < st->ncomm; i++) {
		k = &st->comm[i];
		jw_open(w, NULL, '{');
		jw_str(w, "id", k->c->id);
		jw_int(w, "members", k->members);
		jw_int(w, "seen", k->seen);
		jw_int(w, "entries", k->entries);
		jw_date(w, "due", k->never ? NODATE : k->due);
		if (k->never)
			jw_raw(w, "days", "null");
		else
			jw_int(w, "days", k->days);
		jw_close(w);
	}
	jw_close(w);
}

/* The whole as one object: each section a member. */
static void
json(struct stats *st, struct grp *g, size_t ng)
{
	struct jw w = { stdout, 0, { 0 }, { 0 } };
	char fl[16];
	size_t i;

	jw_open(&w, NULL, '{');
	jw_open(&w, "network", '{');
	jw_int(&w, "people", st->people);
	jw_int(&w, "touched", st->touched);
	jw_int(&w, "communities", st->ncomm);
	jw_close(&w);
	jcircles(&w, st);
	jw_open(&w, "floor", '{');
	jw_str(&w, "over", dur_str(net_floor(st->net), fl));
	jw_open(&w, "people", '[');
	for (i = 0; i < st->nlow; i++) {
		jw_open(&w, NULL, '{');
		jw_str(&w, "id", st->low[i].id);
		jw_date(&w, "last", st->low[i].last);
		jw_close(&w);
	}
	jw_close(&w);
	jw_close(&w);
	jmonths(&w, st);
	jkinds(&w, st->kinds);
	jgiving(&w, st);
	jcommunities(&w, st);
	jw_open(&w, "groups", '[');
	for (i = 0; i < ng; i++) {
		jw_open(&w, NULL, '{');
		jw_str(&w, "group", g[i].name);
		jw_int(&w, "people", g[i].people);
		jw_int(&w, "touched", g[i].touched);
		jw_close(&w);
	}
	jw_close(&w);
	jw_close(&w);
}

/* --- -p: one contact's months ------------------------------------------- */

/* Its entries in month mon, by kind, as "call 2, email 1". */
static char *
monthkinds(struct contact *c, int mon, int *total)
{
	int counts[NKINDS] = { 0 }, y, m, d, flags;
	struct kindn v[NKINDS];
	struct buf b = { 0 };
	size_t i, n;

	*total = 0;
	for (i = 0; i < c->nlog; i++) {
		date_to_civil(c->log[i].date, &y, &m, &d);
		if (y * 12 + m - 1 != mon)
			continue;
		counts[schema_kind_slot(c->log[i].kind, &flags)]++;
		*total += (flags & KIND_CONTACT) != 0;
	}
	n = kindlist(counts, v);
	buf_puts(&b, "");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s %d", i ? ", " : "", v[i].name, v[i].n);
	return b.s;
}

static void
one(struct stats *st, struct contact *c)
{
	struct jw w = { stdout, 0, { 0 }, { 0 } };
	struct due d;
	struct buf b = { 0 };
	char m[16], s[16], *k, ds[11], *id;
	int i, total;

	contact_due(st->net, c, st->today, &d);
	if (out_mode == OUT_TSV) {
		id = idtext(c->id);
		out_tsv("contact", 2, id, c->name);
		free(id);
	}
	else if (out_mode == OUT_JSON) {
		jw_open(&w, NULL, '{');
		jw_str(&w, "id", c->id);
		jw_str(&w, "name", c->name);
		jw_str(&w, "reason", d.reason);
		jw_date(&w, "due", d.never ? NODATE : d.due);
		jw_open(&w, "months", '[');
	} else {
		buf_printf(&b, "%s (%s%s): %s", c->name, id_shown(c->id), c->id,
		    d.reason);
		if (!d.never)
			buf_printf(&b, "; due %s", date_str(d.due, ds));
		out_label(0, "contact", b.s);
		b.len = 0;
		activity(st);
	}
	for (i = 0; i < 12; i++) {
		month_str(st->tmonth - 11 + i, m);
		k = monthkinds(c, st->tmonth - 11 + i, &total);
		if (out_mode == OUT_TSV)
			out_tsv("month", 3, m, num(total, s), k);
		else if (out_mode == OUT_JSON) {
			jw_open(&w, NULL, '{');
			jw_str(&w, "month", m);
			jw_int(&w, "entries", total);
			jw_str(&w, "kinds", k);
			jw_close(&w);
		} else {
			b.len = 0;
			buf_printf(&b, "%s %3d%s%s", m, total, *k ? "  " : "",
			    k);
			out_label(0, i ? "" : "month", b.s);
		}
		free(k);
	}
	if (out_mode == OUT_JSON) {
		jw_close(&w);
		jkinds(&w, st->kinds);
		jgiving(&w, st);
		jw_close(&w);
	} else if (out_mode == OUT_TSV) {
		kinds(st->kinds);
		giving(st);
	} else {
		kinds(st->kinds);
		k = contact_balance(c);	/* it counts the open asks */
		out_label(0, "giving", k);
		free(k);
	}
	free(b.s);
	due_free(&d);
}

/* --- -H: a year of days as a contribution graph --------------------------- */

static void
heatmap(struct stats *st)
{
	static const char *names[] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	    "Sat", "Sun" };
	static const char *abbr[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	static const char plain[] = ".:+*#";
	static const int shade[] = { 238, 22, 28, 34, 40 };
	struct jw j = { stdout, 0, { 0 }, { 0 } };
	char ds[11], s[16], top[STATS_WEEKS + 8];
	int w, r, z, max = 0, lvl, pl, y, m, d, pm = -1, end,
	    colour = out_colour();

	for (z = 0; z < STATS_WEEKS * 7; z++)
		if (st->days[z] > max)
			max = st->days[z];
	if (out_mode == OUT_JSON) {
		jw_open(&j, NULL, '{');
		jw_open(&j, "days", '[');
	}
	for (z = st->first; out_mode != OUT_TABLE && z <= st->today; z++) {
		if (out_mode == OUT_TSV)
			out_tsv("day", 2, date_str(z, ds),
			    num(st->days[z - st->first], s));
		else {
			jw_open(&j, NULL, '{');
			jw_date(&j, "date", z);
			jw_int(&j, "entries", st->days[z - st->first]);
			jw_close(&j);
		}
	}
	if (out_mode == OUT_JSON) {
		jw_close(&j);
		jw_close(&j);
	}
	if (out_mode != OUT_TABLE)
		return;
	memset(top, ' ', sizeof top);
	for (w = 0, end = 0; w < STATS_WEEKS; w++) {	/* a month over its first week */
		date_to_civil(st->first + 7 * w, &y, &m, &d);
		if (m != pm && w > 0 && w >= end && w + 3 <= STATS_WEEKS) {
			memcpy(top + w, abbr[m - 1], 3);
			end = w + 4;
		}
		pm = m;
	}
	while (end > 0 && top[end - 1] == ' ')
		end--;
	top[end] = '\0';
	printf("%-4s%s\n", "", top);
	for (r = 0; r < 7; r++) {
		printf("%-4s", names[r]);
		for (w = 0, pl = -1; w < STATS_WEEKS; w++) {
			z = 7 * w + r;
			if (st->first + z > st->today)
				break;
			lvl = st->days[z] ? 1 + (st->days[z] - 1) * 4 / max : 0;
			if (colour && lvl != pl)
				printf("\033[38;5;%dm", shade[lvl]);
			if (colour)
				fputs("\xe2\x96\xa0", stdout);	/* U+25A0 */
			else
				putchar(plain[lvl]);
			pl = lvl;
		}
		puts(colour ? "\033[0m" : "");
	}
	printf("%-4sless ", "");
	for (lvl = 0; lvl < 5; lvl++)
		if (colour)
			printf("\033[38;5;%dm\xe2\x96\xa0", shade[lvl]);
		else
			putchar(plain[lvl]);
	printf("%s more  (contact entries a day, %s to %s)\n",
	    colour ? "\033[0m" : "", date_str(st->first, ds),
	    date_str(st->today, top));
}

/* --- what was asked for ------------------------------------------------- */

/*
 * The walk's sums finished (stats_sums) and printed as was asked: a heat
 * map, one contact's months (person: -p), or the whole, in out_mode.
 */
static void
stats_print(struct stats *st, int person)
{
	struct contact *c = st->one;

	stats_sums(st);
	if (c == NULL && st->ncomm)
		c = st->comm[0].c;	/* -p of a community */
	if (st->heat)
		heatmap(st);
	else if (person && c)
		one(st, c);
	else if (person)
		return;		/* not found or filtered out, as was said */
	else if (out_mode == OUT_JSON)
		json(st, st->grp, st->ngrp);
	else {
		network(st);
		circles(st);
		floorline(st);
		activity(st);
		kinds(st->kinds);
		giving(st);
		communities(st);
		groups(st->grp, st->ngrp);
		connectors(st);
		jobs(st);
	}
}


/*
 * nw-stats: the contacts of the scan s that the references name (every
 * one when none) summed up and printed; heat (-H) a year of days, person
 * (-p) one contact's months.  contacts_each's return.
 */
int
stats_run(struct scan *s, int argc, char **argv, int heat, char *person)
{
	struct stats *st;
	int rv;

	st = stats_new(s->net, date_today(), heat, person != NULL);
	if (heat || person)
		s->flags |= C_LOG;	/* -H and -p read the log */
	rv = contacts_each(s, person ? 1 : argc, person ? &person : argv,
	    stats_take, st);
	stats_print(st, person != NULL);
	stats_free(st);
	return rv;
}
