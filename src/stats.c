/*
 * stats.c - what nw-stats says, summed up from one walk: circles on time
 * or overdue and their gaps, who is below the floor, the last twelve
 * months, the kinds, giving, communities and groups with their members,
 * introducers, job changes; -H's days.  Every number comes from the
 * fields a scan loads (struct contact) and from contact_due and
 * contact_owe, so that nw-stats says what nw-due and nw-give say; only
 * -H and -p read logs.  statsout.c prints them.
 */

#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

struct member {				/* a person with groups */
	struct strv	 groups;
	int		 last;
};

/*
 * A walk's sums about to start on day today: the circles of the
 * settings and one for none, -H's days (heat), -p's contact kept (keep).
 */
struct stats *
stats_new(struct net *net, int today, int heat, int keep)
{
	struct stats *st = xcalloc(1, sizeof *st);
	size_t i;
	int y, m, d;

	st->net = net;
	st->today = today;
	date_to_civil(today, &y, &m, &d);
	st->tmonth = y * 12 + m - 1;
	st->year_ago = date_add(today, (struct dur){ -1, 'y' });
	st->days90 = today - 90;
	st->floor = date_add(today, (struct dur){ -net->floor.n,
	    net->floor.unit });
	st->ncirc = net->ncircles + 1;
	st->circ = xcalloc(st->ncirc, sizeof *st->circ);
	for (i = 0; i < net->ncircles; i++)
		st->circ[i].name = net->circles[i].name;
	st->keep = keep;
	if ((st->heat = heat) != 0) {
		st->first = today - (date_weekday(today) + 6) % 7 -
		    7 * (STATS_WEEKS - 1);
		st->days = xcalloc(STATS_WEEKS * 7, sizeof *st->days);
	}
	return st;
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
		if ((at = c->lib->month_end - t + k) >= 0 && at < 12)
			to[at] += c->lib->months[k];
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
	int since, job;

	st->people++;
	st->touched += c->last != NODATE && c->last > st->year_ago;
	ci->people++;
	if (c->last == NODATE)
		ci->never++;
	else if (!d->never && d->days > 0)
		ci->overdue++;
	else
		ci->ontime++;
	if (c->lib->ndays > 1) {	/* days in touch: many entries a day: one */
		ci->gaps = grow(ci->gaps, ci->ngaps, sizeof *ci->gaps);
		ci->gaps[ci->ngaps++] = (c->last - c->lib->first) /
		    (c->lib->ndays - 1);
	}
	since = c->last != NODATE ? c->last : c->added;
	if (!d->never && (since == NODATE || since < st->floor)) {
		st->low = grow(st->low, st->nlow, sizeof *st->low);
		st->low[st->nlow].id = xstrdup(c->id);
		st->low[st->nlow++].last = c->last;
	}
	if (c->lib->met.via) {
		for (i = 0; i < st->nintro &&
		    strcmp(st->intro[i].id, c->lib->met.via) != 0; i++)
			;
		if (i == st->nintro) {
			st->intro = grow(st->intro, st->nintro,
			    sizeof *st->intro);
			st->intro[st->nintro].id = xstrdup(c->lib->met.via);
			st->intro[st->nintro++].last = 0;
		}
		st->intro[i].last++;
	}
	if ((job = contact_job(c, st->today)) != NODATE) {
		st->jobs = grow(st->jobs, st->njobs, sizeof *st->jobs);
		st->jobs[st->njobs].id = xstrdup(c->id);
		st->jobs[st->njobs++].last = job;
	}
	if (c->lib->groups.n) {
		st->mem = grow(st->mem, st->nmem, sizeof *st->mem);
		m = &st->mem[st->nmem++];
		memset(m, 0, sizeof *m);
		for (i = 0; i < c->lib->groups.n; i++)
			strv_add(&m->groups, c->lib->groups.v[i]);
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

/* -H: each contact entry of the last STATS_WEEKS weeks on its day. */
static void
heat(struct stats *st, struct contact *c)
{
	size_t i;
	int at;

	for (i = 0; i < c->nlog; i++)
		if ((schema_kind(c->log[i].kind) & KIND_CONTACT) &&
		    (at = c->log[i].date - st->first) >= 0 &&
		    at < STATS_WEEKS * 7 && c->log[i].date <= st->today)
			st->days[at]++;
}

/*
 * The callback of nw-stats's walk: c summed up into arg, a struct stats;
 * kept (1) when a community's (for its members) or the one of -p.
 */
int
stats_take(struct scan *s, struct contact *c, void *arg)
{
	struct stats *st = arg;
	struct due d;
	int i;

	contact_due(s->net, c, st->today, &d);
	addmonths(st->months, c, st->tmonth);
	for (i = 0; i < NKINDS; i++)
		st->kinds[i] += c->lib->kinds[i];
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
int
stats_median(struct circ *c)
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
void
stats_sums(struct stats *st)
{
	struct grp **g = &st->grp;
	size_t *ng = &st->ngrp;

	members(st, g, ng);
	if (st->nlow)
		qsort(st->low, st->nlow, sizeof *st->low, bylow);
	if (st->ncomm)
		qsort(st->comm, st->ncomm, sizeof *st->comm, bycomm);
	if (*ng)
		qsort(*g, *ng, sizeof **g, bysize);
}

/* What the walk and the sums made, -p's contact and st itself. */
void
stats_free(struct stats *st)
{
	size_t i;

	if (st == NULL)
		return;
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
	for (i = 0; i < st->ngrp; i++)
		free(st->grp[i].name);
	free(st->grp);
	free(st->days);
	contact_free(st->one);
	free(st);
}
