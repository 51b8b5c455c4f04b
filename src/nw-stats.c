/* nw-stats - the network's health at a glance */

#include <err.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-stats [-Hj] [-C dir] [-c circle] [-g group] [-p ref] "
    "[-t tag] [ref ...]";

static const char options_text[] =
    "  -C dir         use the network in dir\n"
    "  -c circle      only this circle (repeats: either)\n"
    "  -g group       only this group (repeats: either)\n"
    "  -H             a year of contact as a heat map of days\n"
    "  -j             print one JSON object\n"
    "  -p ref         one contact's months\n"
    "  -t tag         only this tag (repeats: either)\n";

#define WEEKS	53		/* -H: a year of weeks, this one last */
#define NTOP	5		/* groups and floor names on a terminal */

/*
 * What the walk sums up.  Every number comes from the fields a scan
 * loads (struct contact) and from contact_due and contact_owe, so that
 * nw-stats says what nw-due and nw-give say; only -H and -p read logs.
 */
struct circ {
	const char	*name;		/* NULL: no circle of the settings */
	int		 people, ontime, overdue, never;
	int		*gaps;		/* days between contacts, a person */
	size_t		 ngaps;
};

struct member {				/* a person with groups */
	struct strv	 groups;
	int		 last;
};

struct grp {
	char		*name;		/* as first written */
	int		 people, touched;
};

struct comm {
	char		*id, *name;
	struct contact	*c;		/* kept for contact_names */
	int		 members, seen, entries, due, days, never;
};

struct low {				/* below the floor */
	char		*id;
	int		 last;
};

struct stats {
	struct net	*net;
	int		 today, tmonth, year_ago, days90, floor;
	int		 people, touched, ncomms;
	struct circ	*circ;		/* the settings' circles, then none */
	size_t		 ncirc;
	struct member	*mem;
	size_t		 nmem;
	struct comm	*comm;
	size_t		 ncomm;
	struct low	*low;
	size_t		 nlow;
	struct low	*jobs;		/* job changes of the last JOB_DAYS */
	size_t		 njobs;
	struct low	*intro;		/* introducers: id, people (in last) */
	size_t		 nintro;
	int		 months[12];	/* contact entries, the last 12 months */
	int		 kinds[NKINDS];
	int		 gave, asked, got, owed, open;
	int		 heat, *days;	/* -H: entries a day, WEEKS * 7 */
	int		 first;		/* -H: the first day shown */
	int		 keep;		/* -p: keep the person, in one */
	struct contact	*one;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

static void *
grow(void *v, size_t n, size_t size)
{
	return (n & (n - 1)) == 0 ? xrealloc(v, (n ? 2 * n : 1) * size) : v;
}

/* A contact's months (up to its month_end) into twelve up to month t. */
static void
addmonths(int *to, const struct contact *c, int t)
{
	int k, at;

	if (c->last == NODATE)
		return;
	for (k = 0; k < 12; k++)
		if ((at = c->month_end - 11 + k - (t - 11)) >= 0 && at < 12)
			to[at] += c->months[k];
}

static struct circ *
circle_of(struct stats *st, struct contact *c)
{
	size_t i;

	for (i = 0; c->circle && i + 1 < st->ncirc; i++)
		if (strcmp(st->circ[i].name, c->circle) == 0)
			return &st->circ[i];
	return &st->circ[st->ncirc - 1];
}

static void
person(struct stats *st, struct contact *c, struct due *d)
{
	struct circ *ci = circle_of(st, c);
	struct member *m;
	size_t i;
	int since;

	st->people++;
	st->touched += c->last != NODATE && c->last > st->year_ago;
	ci->people++;
	if (c->last == NODATE)
		ci->never++;
	else if (!d->never && d->days > 0)
		ci->overdue++;
	else
		ci->ontime++;
	if (c->ndays > 1) {	/* days in touch: many entries a day are one */
		ci->gaps = grow(ci->gaps, ci->ngaps, sizeof *ci->gaps);
		ci->gaps[ci->ngaps++] = (c->last - c->first) / (c->ndays - 1);
	}
	since = c->last != NODATE ? c->last : c->added;
	if (!d->never && (since == NODATE || since < st->floor)) {
		st->low = grow(st->low, st->nlow, sizeof *st->low);
		st->low[st->nlow].id = xstrdup(c->id);
		st->low[st->nlow++].last = c->last;
	}
	if (c->met.via) {
		for (i = 0; i < st->nintro &&
		    strcmp(st->intro[i].id, c->met.via) != 0; i++)
			;
		if (i == st->nintro) {
			st->intro = grow(st->intro, st->nintro,
			    sizeof *st->intro);
			st->intro[st->nintro].id = xstrdup(c->met.via);
			st->intro[st->nintro++].last = 0;
		}
		st->intro[i].last++;
	}
	if (c->job != NODATE && c->job <= st->today &&
	    st->today - c->job <= JOB_DAYS) {
		st->jobs = grow(st->jobs, st->njobs, sizeof *st->jobs);
		st->jobs[st->njobs].id = xstrdup(c->id);
		st->jobs[st->njobs++].last = c->job;
	}
	if (c->groups.n) {
		st->mem = grow(st->mem, st->nmem, sizeof *st->mem);
		m = &st->mem[st->nmem++];
		memset(m, 0, sizeof *m);
		for (i = 0; i < c->groups.n; i++)
			strv_add(&m->groups, c->groups.v[i]);
		m->last = c->last;
	}
}

static void
community(struct stats *st, struct contact *c, struct due *d)
{
	struct comm *k;
	int m[12] = { 0 }, i;

	st->comm = grow(st->comm, st->ncomm, sizeof *st->comm);
	k = &st->comm[st->ncomm++];
	memset(k, 0, sizeof *k);
	k->c = c;
	addmonths(m, c, st->tmonth);
	for (i = 0; i < 12; i++)
		k->entries += m[i];
	k->due = d->due;
	k->days = d->days;
	k->never = d->never;
}

/* -H: each contact entry of the last WEEKS weeks on its day. */
static void
heat(struct stats *st, struct contact *c)
{
	size_t i;
	int at;

	for (i = 0; i < c->nlog; i++)
		if ((schema_kind(c->log[i].kind) & KIND_CONTACT) &&
		    (at = c->log[i].date - st->first) >= 0 &&
		    at < WEEKS * 7 && c->log[i].date <= st->today)
			st->days[at]++;
}

static int
take(struct scan *s, struct contact *c, void *arg)
{
	struct stats *st = arg;
	struct due d;
	int i;

	contact_due(s->net, c, st->today, &d);
	addmonths(st->months, c, st->tmonth);
	for (i = 0; i < NKINDS; i++)
		st->kinds[i] += c->kinds[i];
	st->gave += c->ngive;
	st->asked += c->nask;
	st->got += c->ngot;
	st->owed += contact_owe(c) > 0;
	st->open += c->nopen;
	if (st->heat)
		heat(st, c);
	if (c->type == T_COMMUNITY)
		community(st, c, &d);
	else
		person(st, c, &d);
	due_free(&d);
	if (st->keep && c->type == T_PERSON)
		st->one = c;
	return c->type == T_COMMUNITY || st->keep; /* for members, or -p */
}

/* --- the sums of what was walked --------------------------------------- */

static int
byint(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/* The median of a circle's gaps, -1 for none. */
static int
median(struct circ *c)
{
	if (c->ngaps == 0)
		return -1;
	qsort(c->gaps, c->ngaps, sizeof *c->gaps, byint);
	return c->ngaps % 2 ? c->gaps[c->ngaps / 2] :
	    (c->gaps[c->ngaps / 2 - 1] + c->gaps[c->ngaps / 2]) / 2;
}

/* Longest since first, never contacted last, then by id. */
static int
bylow(const void *x, const void *y)
{
	const struct low *a = x, *b = y;

	if (a->last != b->last) {
		if (a->last == NODATE || b->last == NODATE)
			return a->last == NODATE ? 1 : -1;
		return a->last < b->last ? -1 : 1;
	}
	return strcmp(a->id, b->id);
}

/* Does any community have this name (its id, name or an aka)? */
static int
communal(struct stats *st, const char *group)
{
	size_t k;

	for (k = 0; k < st->ncomm; k++)
		if (contact_names(st->comm[k].c, group))
			return 1;
	return 0;
}

/* Is item j of l the same, in any case, as one before it? */
static int
again(struct strv *l, size_t j)
{
	size_t i;

	for (i = 0; i < j; i++)
		if (strcaseeq(l->v[i], l->v[j]))
			return 1;
	return 0;
}

/*
 * The members of each community, and of each group that is no
 * community: how many, and how many were seen in the last 90 days.
 */
static void
members(struct stats *st, struct grp **gv, size_t *ng)
{
	struct grp *g = NULL;
	struct member *m;
	size_t i, j, k, n = 0;
	int recent;

	for (i = 0; i < st->nmem; i++) {
		m = &st->mem[i];
		recent = m->last != NODATE && m->last >= st->days90;
		for (k = 0; k < st->ncomm; k++)
			for (j = 0; j < m->groups.n; j++)
				if (contact_names(st->comm[k].c,
				    m->groups.v[j])) {
					st->comm[k].members++;
					st->comm[k].seen += recent;
					break;
				}
		for (j = 0; j < m->groups.n; j++) {
			if (again(&m->groups, j) ||
			    communal(st, m->groups.v[j]))
				continue;
			for (k = 0; k < n; k++)
				if (strcaseeq(g[k].name, m->groups.v[j]))
					break;
			if (k == n) {
				g = grow(g, n, sizeof *g);
				g[n].name = xstrdup(m->groups.v[j]);
				g[n].people = g[n].touched = 0;
				n++;
			}
			g[k].people++;
			g[k].touched += recent;
		}
	}
	*gv = g;
	*ng = n;
}

static int
bysize(const void *x, const void *y)
{
	const struct grp *a = x, *b = y;

	if (a->people != b->people)
		return b->people - a->people;
	return strcmp(a->name, b->name);
}

static int
bycomm(const void *x, const void *y)
{
	return strcmp(((const struct comm *)x)->c->id,
	    ((const struct comm *)y)->c->id);
}

/* What the walk left, summed up and in the order it is shown. */
static void
sums(struct stats *st, struct grp **g, size_t *ng)
{
	members(st, g, ng);
	if (st->nlow)
		qsort(st->low, st->nlow, sizeof *st->low, bylow);
	if (st->ncomm)
		qsort(st->comm, st->ncomm, sizeof *st->comm, bycomm);
	if (*ng)
		qsort(*g, *ng, sizeof **g, bysize);
}

/* --- output: a screen, TSV lines or one JSON object ---------------------- */

static void
month_str(int mon, char s[16])
{
	snprintf(s, 16, "%04d-%02d", mon / 12, mon % 12 + 1);
}

/* A TSV line: the section, then the fields. */
static void
tsv(const char *section, int n, ...)
{
	va_list ap;
	const char *f;
	int i;

	fputs(section, stdout);
	va_start(ap, n);
	for (i = 0; i < n; i++) {
		putchar('\t');
		if ((f = va_arg(ap, const char *)) != NULL)
			text_put(stdout, f, TX_TSV);
	}
	va_end(ap);
	putchar('\n');
}

/* An id as nw prints it (./-name). */
static char *
idtext(const char *id)
{
	return xasprintf("%s%s", id_shown(id), id);
}

static char *
num(int n, char s[16])
{
	snprintf(s, 16, "%d", n);
	return s;
}

/* A terminal line: the section's label, then text made safe. */
static void
line(const char *label, const char *text)
{
	printf("%-9s ", label);
	text_put(stdout, text, TX_TERM);
	putchar('\n');
}

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
network(struct stats *st)
{
	struct buf b = { 0 };
	char s1[16], s2[16], s3[16];

	if (out_mode == OUT_TSV) {
		tsv("network", 2, "people", num(st->people, s1));
		tsv("network", 2, "touched", num(st->touched, s2));
		tsv("network", 2, "communities", num(st->ncomm, s3));
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
	line("network", b.s);
	free(b.s);
}

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
		g = median(c);
		snprintf(gap, sizeof gap, g < 0 ? "-" : "%dd", g);
		if (out_mode == OUT_TSV) {
			tsv("circle", 6, c->name ? c->name : "",
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

static void
floorline(struct stats *st)
{
	struct buf b = { 0 };
	char ds[11], fl[16], *m, *id;
	size_t i;
	int y1, m1, d1, y2, m2, d2;

	dur_str(st->net->floor, fl);
	for (i = 0; out_mode == OUT_TSV && i < st->nlow; i++) {
		id = idtext(st->low[i].id);
		tsv("floor", 2, id, st->low[i].last == NODATE ? "" :
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
	line("floor", b.s);
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

static void
activity(struct stats *st)
{
	struct buf b = { 0 };
	char m1[16], m2[16], s[16];
	int i;

	if (out_mode == OUT_TSV) {
		for (i = 0; i < 12; i++) {
			month_str(st->tmonth - 11 + i, m1);
			tsv("activity", 2, m1, num(st->months[i], s));
		}
		return;
	}
	month_str(st->tmonth - 11, m1);
	month_str(st->tmonth, m2);
	buf_printf(&b, "%s ", m1);
	spark(&b, st->months, 12);
	buf_printf(&b, " %s  (contact entries a month)", m2);
	line("activity", b.s);
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
	const struct kind *k;
	size_t i, n, nk;

	k = schema_kinds(&nk);
	for (i = n = 0; i < nk; i++)
		if (counts[i])
			v[n].name = k[i].name, v[n].n = counts[i], v[n++].at = i;
	if (n)
		qsort(v, n, sizeof *v, bycount);
	if (counts[nk])
		v[n].name = "other", v[n].n = counts[nk], v[n++].at = nk;
	return n;
}

static void
kinds(const int *counts)
{
	struct kindn v[NKINDS];
	struct buf b = { 0 };
	char s[16];
	size_t i, n;

	n = kindlist(counts, v);
	for (i = 0; out_mode == OUT_TSV && i < n; i++)
		tsv("kinds", 2, v[i].name, num(v[i].n, s));
	if (out_mode == OUT_TSV)
		return;
	buf_puts(&b, n ? "" : "no entries");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s %d", i ? "  " : "", v[i].name, v[i].n);
	line("kinds", b.s);
	free(b.s);
}

static void
giving(struct stats *st)
{
	struct buf b = { 0 };
	char s[5][16];

	if (out_mode == OUT_TSV) {
		tsv("giving", 2, "gave", num(st->gave, s[0]));
		tsv("giving", 2, "asked", num(st->asked, s[1]));
		tsv("giving", 2, "got", num(st->got, s[2]));
		tsv("giving", 2, "owed", num(st->owed, s[3]));
		tsv("giving", 2, "open-asks", num(st->open, s[4]));
		return;
	}
	buf_printf(&b, "gave %d, asked %d, got %d; you owe %d %s; %d open "
	    "%s", st->gave, st->asked, st->got, st->owed,
	    plural(st->owed, "person", "people"), st->open,
	    plural(st->open, "ask", "asks"));
	line("giving", b.s);
	free(b.s);
}

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
			tsv("community", 6, id, num(k->members, s[0]),
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
		line("community", b.s);
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
		tsv("introducer", 2, st->intro[i].id, num(st->intro[i].last, n));
	for (i = 0; out_mode == OUT_TABLE && i < st->nintro && i < NTOP; i++)
		buf_printf(&b, "%s%s %d", i ? "; " : "", st->intro[i].id,
		    st->intro[i].last);
	if (b.len)
		line("introducers", b.s);
	c = xcalloc(st->ncomm + 1, sizeof *c);
	for (i = 0; i < st->ncomm; i++)
		if (st->comm[i].members) {
			c[nc].id = st->comm[i].c->id;
			c[nc++].last = st->comm[i].members;
		}
	qsort(c, nc, sizeof *c, bymost);
	b.len = 0;
	for (i = 0; out_mode == OUT_TSV && i < nc; i++)
		tsv("through", 2, c[i].id, num(c[i].last, n));
	for (i = 0; out_mode == OUT_TABLE && i < nc && i < NTOP; i++)
		buf_printf(&b, "%s%s %d", i ? "; " : "", c[i].id, c[i].last);
	if (out_mode == OUT_TABLE && b.len)
		line("through", b.s);
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

static void
jobs(struct stats *st)
{
	struct buf b = { 0 };
	char ds[11];
	size_t i;

	if (st->njobs)
		qsort(st->jobs, st->njobs, sizeof *st->jobs, bynewjob);
	for (i = 0; out_mode == OUT_TSV && i < st->njobs; i++)
		tsv("job", 2, st->jobs[i].id, date_str(st->jobs[i].last, ds));
	if (out_mode == OUT_TSV || st->njobs == 0)
		return;
	for (i = 0; i < st->njobs && i < NTOP; i++)
		buf_printf(&b, "%s%s %s", i ? "; " : "", st->jobs[i].id,
		    date_str(st->jobs[i].last, ds));
	if (st->njobs > NTOP)
		buf_printf(&b, "; and %zu more", st->njobs - NTOP);
	line("new jobs", b.s);
	free(b.s);
}

static void
groups(struct grp *g, size_t n)
{
	struct buf b = { 0 };
	char s[2][16];
	size_t i;

	for (i = 0; out_mode == OUT_TSV && i < n; i++)
		tsv("groups", 3, g[i].name, num(g[i].people, s[0]),
		    num(g[i].touched, s[1]));
	if (out_mode == OUT_TSV || n == 0)
		return;
	for (i = 0; i < n && i < NTOP; i++)
		buf_printf(&b, "%s%s %d %s, %d touched in 90d", i ? "; " : "",
		    g[i].name, g[i].people, plural(g[i].people, "person",
		    "people"), g[i].touched);
	if (n > NTOP)
		buf_printf(&b, "; and %zu more", n - NTOP);
	line("groups", b.s);
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
		if ((gap = median(c)) < 0)
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
	jw_str(&w, "over", dur_str(st->net->floor, fl));
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
		tsv("contact", 2, id, c->name);
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
		line("contact", b.s);
		b.len = 0;
		activity(st);
	}
	for (i = 0; i < 12; i++) {
		month_str(st->tmonth - 11 + i, m);
		k = monthkinds(c, st->tmonth - 11 + i, &total);
		if (out_mode == OUT_TSV)
			tsv("month", 3, m, num(total, s), k);
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
			line(i ? "" : "month", b.s);
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
		line("giving", k);
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
	char ds[11], s[16], top[WEEKS + 8];
	int w, r, z, max = 0, lvl, pl, y, m, d, pm = -1, end,
	    colour = out_colour();

	for (z = 0; z < WEEKS * 7; z++)
		if (st->days[z] > max)
			max = st->days[z];
	if (out_mode == OUT_JSON) {
		jw_open(&j, NULL, '{');
		jw_open(&j, "days", '[');
	}
	for (z = st->first; out_mode != OUT_TABLE && z <= st->today; z++) {
		if (out_mode == OUT_TSV)
			tsv("day", 2, date_str(z, ds),
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
	for (w = 0, end = 0; w < WEEKS; w++) {	/* a month over its first week */
		date_to_civil(st->first + 7 * w, &y, &m, &d);
		if (m != pm && w > 0 && w >= end && w + 3 <= WEEKS) {
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
		for (w = 0, pl = -1; w < WEEKS; w++) {
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

/* --- the command ---------------------------------------------------------- */

/* What was asked for: a heat map, one contact's months, or the whole. */
static void
print(struct stats *st, struct grp *g, size_t ng, int person)
{
	struct contact *c = st->one;

	if (c == NULL && st->ncomm)
		c = st->comm[0].c;	/* -p of a community */
	if (st->heat)
		heatmap(st);
	else if (person && c)
		one(st, c);
	else if (person)
		return;		/* not found or filtered out, as was said */
	else if (out_mode == OUT_JSON)
		json(st, g, ng);
	else {
		network(st);
		circles(st);
		floorline(st);
		activity(st);
		kinds(st->kinds);
		giving(st);
		communities(st);
		groups(g, ng);
		connectors(st);
		jobs(st);
	}
}

static void
stats_free(struct stats *st, struct grp *g, size_t ng)
{
	size_t i;

	for (i = 0; i < st->ncirc; i++)
		free(st->circ[i].gaps);
	free(st->circ);
	for (i = 0; i < st->nmem; i++)
		strv_free(&st->mem[i].groups);
	free(st->mem);
	for (i = 0; i < st->ncomm; i++)
		contact_free(st->comm[i].c);
	free(st->comm);
	for (i = 0; i < st->nlow; i++)
		free(st->low[i].id);
	free(st->low);
	for (i = 0; i < st->njobs; i++)
		free(st->jobs[i].id);
	free(st->jobs);
	for (i = 0; i < st->nintro; i++)
		free(st->intro[i].id);
	free(st->intro);
	for (i = 0; i < ng; i++)
		free(g[i].name);
	free(g);
	free(st->days);
}

int
main(int argc, char *argv[])
{
	struct scan s = { 0 };
	struct stats st = { 0 };
	struct grp *g = NULL;
	size_t i, ng = 0;
	char *pref = NULL;
	int ch, jflag = 0, rv, y, m, d;

	while ((ch = opt_get(argc, argv, "C:c:g:Hhjp:t:V")) != -1)
		switch (ch) {
		case 'C': nw_dir_opt = optarg; break;
		case 'c': strv_add(&s.filter.circle, optarg); break;
		case 'g': strv_add(&s.filter.group, optarg); break;
		case 'H': st.heat = 1; break;
		case 'j': jflag = 1; break;
		case 'p': pref = optarg; break;
		case 't': strv_add(&s.filter.tag, optarg); break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: usage();
		}
	argc -= optind;
	argv += optind;
	if (pref && argc)
		usage();

	st.today = date_today();
	date_to_civil(st.today, &y, &m, &d);
	st.tmonth = y * 12 + m - 1;
	st.year_ago = date_add(st.today, (struct dur){ -1, 'y' });
	st.days90 = st.today - 90;
	st.net = s.net = net_open(1);
	st.floor = date_add(st.today, (struct dur){ -st.net->floor.n,
	    st.net->floor.unit });
	st.ncirc = st.net->ncircles + 1;
	st.circ = xcalloc(st.ncirc, sizeof *st.circ);
	for (i = 0; i < st.net->ncircles; i++)
		st.circ[i].name = st.net->circles[i].name;
	if (st.heat) {
		s.flags |= C_LOG;
		st.first = st.today - (date_weekday(st.today) + 6) % 7 -
		    7 * (WEEKS - 1);
		st.days = xcalloc(WEEKS * 7, sizeof *st.days);
	}
	if (pref) {
		s.flags |= C_LOG;
		st.keep = 1;
	}
	out_init(jflag);
	rv = contacts_each(&s, pref ? 1 : argc, pref ? &pref : argv, take,
	    &st);
	sums(&st, &g, &ng);
	print(&st, g, ng, pref != NULL);
	contact_free(st.one);
	stats_free(&st, g, ng);
	filter_free(&s.filter);
	net_free(st.net);
	return out_close() || rv;
}
