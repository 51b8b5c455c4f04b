/* context.c - a due row at length: what to know before getting in touch */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * nw-due -l: under each row the context of the contact, as plain text fit
 * for a daily mail, or with -j the same fields in one JSON object a line.
 * The row's contact was loaded for the scan, without its log; the log is
 * read again here, for the rows printed only.
 */

struct ctx {
	struct due		*d;
	struct contact		*c;		/* with its log */
	const struct logent	*last;
	const struct logent	**asks;
	size_t			 nasks;
	const struct strv	*offers;
	const struct logent	*job;		/* a job change of 90 days */
	char			*balance, *reason;
	int			 today;
};

/* The log's entry of the job change that is news (contact_job), or NULL. */
static const struct logent *
recent_job(const struct contact *c, int today)
{
	int date = contact_job(c, today);
	size_t i;

	for (i = c->nlog; date != NODATE && c->log && i-- > 0;)
		if ((schema_kind(c->log[i].kind) & KIND_JOB) &&
		    c->log[i].date == date)
			return &c->log[i];
	return NULL;
}

static void
joined(struct buf *b, const struct strv *l)
{
	size_t i;

	buf_puts(b, "");
	for (i = 0; i < l->n; i++)
		buf_printf(b, "%s%s", i ? ", " : "", l->v[i]);
}

/* "2026-02-14, email: Sent the draft" */
static void
entry_text(struct buf *b, const struct logent *e)
{
	char ds[11];

	buf_puts(b, date_str(e->date, ds));
	if (e->kind)
		buf_printf(b, ", %s", e->kind);
	if (e->note)
		buf_printf(b, ": %s", e->note);
}

/* "34 days overdue", "due today", "due in 3 days" */
static void
when(struct buf *b, struct due *d)
{
	if (d->bdonly)
		buf_puts(b, d->bdreason);
	else if (d->days > 0)
		buf_printf(b, "%d day%s overdue", d->days,
		    d->days == 1 ? "" : "s");
	else if (d->days == 0)
		buf_puts(b, "due today");
	else
		buf_printf(b, "due in %d day%s", -d->days,
		    d->days == -1 ? "" : "s");
}

static void
text(struct ctx *x, int first)
{
	struct buf b = { 0 };
	char ds[11];
	size_t i;
	int colour = out_colour();

	if (!first)
		putchar('\n');
	buf_printf(&b, "%s (%s%s), ", x->d->c->name, id_shown(x->d->c->id),
	    x->d->c->id);
	when(&b, x->d);
	fputs(colour ? "\033[1m" : "", stdout);
	text_put(stdout, b.s, TX_TERM);
	puts(colour ? "\033[0m" : "");
	if (!x->d->bdonly)
		out_label(2, "why", x->d->reason);
	b.len = 0;
	if (x->last)
		entry_text(&b, x->last);
	out_label(2, "last", x->last ? b.s : "never");
	if (x->offers->n) {
		b.len = 0;
		joined(&b, x->offers);
		out_label(2, "offer", b.s);
	}
	if (x->c->lib->topics.n) {
		b.len = 0;
		joined(&b, &x->c->lib->topics);
		out_label(2, "topics", b.s);
	}
	if (x->c->ngive + x->c->nask + x->c->ngot)
		out_label(2, "balance", x->balance);
	for (i = 0; i < x->nasks; i++) {
		b.len = 0;
		buf_printf(&b, "%s, %d day%s ago", date_str(x->asks[i]->date,
		    ds), x->today - x->asks[i]->date,
		    x->today - x->asks[i]->date == 1 ? "" : "s");
		if (x->asks[i]->note)
			buf_printf(&b, ": %s", x->asks[i]->note);
		out_label(2, "open ask", b.s);
	}
	if (!x->d->bdonly && x->d->bdreason)
		out_label(2, "soon", x->d->bdreason);
	if (x->job) {
		b.len = 0;
		entry_text(&b, x->job);
		out_label(2, "new job", b.s);
	}
	free(b.s);
}

static void
jstrv(struct jw *w, const char *key, const struct strv *l)
{
	size_t i;

	jw_open(w, key, '[');
	for (i = 0; i < l->n; i++)
		jw_str(w, NULL, l->v[i]);
	jw_close(w);
}

static void
jentry(struct jw *w, const char *key, const struct logent *e, int today)
{
	jw_open(w, key, '{');
	jw_date(w, "date", e->date);
	if (today != NODATE)
		jw_int(w, "days", today - e->date);
	jw_str(w, "kind", e->kind);
	jw_str(w, "note", e->note);
	jw_close(w);
}

static void
json(struct ctx *x)
{
	struct jw w = { stdout, 0, { 0 }, { 0 } };
	struct contact *c = x->c;
	size_t i;

	jw_open(&w, NULL, '{');
	jw_str(&w, "id", c->id);
	jw_date(&w, "due", x->d->due);
	jw_int(&w, "days", x->d->days);
	jw_str(&w, "name", c->name);
	jw_str(&w, "reason", x->reason);
	jw_str(&w, "type", c->type == T_COMMUNITY ? "community" : "person");
	if (x->last)
		jentry(&w, "last", x->last, NODATE);
	else
		jw_raw(&w, "last", "null");
	jw_date(&w, "next", c->lib->next);
	jw_str(&w, "next-note", c->lib->next_note);
	jstrv(&w, "offers", x->offers);
	jstrv(&w, "topics", &c->lib->topics);
	jw_int(&w, "gives", c->ngive);
	jw_int(&w, "asks", c->nask);
	jw_int(&w, "got", c->ngot);
	jw_int(&w, "owe", contact_owe(c));
	jw_open(&w, "open-asks", '[');
	for (i = 0; i < x->nasks; i++)
		jentry(&w, NULL, x->asks[i], x->today);
	jw_close(&w);
	jw_str(&w, "soon", x->d->bdreason);
	if (x->job)
		jentry(&w, "job", x->job, x->today);
	else
		jw_raw(&w, "job", "null");
	jw_close(&w);
}

/*
 * Print due row d with its context; first is set for the first row (a
 * blank line goes between rows of text).
 */
void
due_long(struct net *net, struct due *d, int today, int first)
{
	struct ctx x = { 0 };

	x.d = d;
	x.today = today;
	x.c = contact_load(net, d->c->id, C_LOG);
	if (x.c->lib->err) {	/* changed since the scan: without its log */
		contact_free(x.c);
		x.c = d->c;
	}
	x.last = contact_newest(x.c);
	x.nasks = contact_asks(x.c, &x.asks);
	x.offers = contact_offers(net, x.c);
	x.balance = contact_balance(x.c);
	x.job = recent_job(x.c, today);
	x.reason = d->bdonly ? xstrdup(d->bdreason) : d->bdreason ?
	    xasprintf("%s; %s", d->reason, d->bdreason) : xstrdup(d->reason);
	if (out_mode == OUT_JSON)
		json(&x);
	else
		text(&x, first);
	free(x.asks);
	free(x.balance);
	free(x.reason);
	if (x.c != d->c)
		contact_free(x.c);
}

struct dues {				/* nw-due's rows */
	struct due	*v;
	size_t		 n;
	int		 all, bdays, type, today;
	struct dur	 window;
};

/*
 * nw-due's rows, taken by dues_take on a walk: those due within window
 * (all: every one with a due date; bdays: with a birthday or a date near
 * too), of type (-1: either).
 */
struct dues *
dues_new(int today, int all, int bdays, int type, struct dur window)
{
	struct dues *r = xcalloc(1, sizeof *r);

	r->today = today;
	r->all = all;
	r->bdays = bdays;
	r->type = type;
	r->window = window;
	return r;
}

/*
 * An overdue promise (a follow-up with a note) first, the latest first;
 * then the most overdue for its cadence, then the earlier due date, then
 * id.
 */
static int
rank(const void *x, const void *y)
{
	const struct due *a = x, *b = y;
	double ra = (double)a->days / a->cadence;
	double rb = (double)b->days / b->cadence;
	int pa = a->promise && !a->bdonly && a->days > 0;
	int pb = b->promise && !b->bdonly && b->days > 0;

	if (pa != pb)
		return pa ? -1 : 1;
	if (pa && a->days != b->days)
		return a->days > b->days ? -1 : 1;
	if (ra != rb)
		return ra > rb ? -1 : 1;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return strcmp(a->c->id, b->c->id);
}

/*
 * A contact due in the window (or, with -a, any that has a due date)
 * becomes a row; with -b, one with a birthday or a date near too, as a
 * row of its own.  A birthday row of a contact without a due date shows
 * the day in its place.
 */
int
dues_take(struct scan *s, struct contact *c, void *arg)
{
	struct dues *r = arg;
	struct due d;
	int shown;

	if (r->type != -1 && c->type != r->type)
		return 0;
	contact_due(s->net, c, r->today, &d);
	shown = !d.never && (r->all ||
	    d.due <= date_add(r->today, r->window));
	if (!shown && !(r->bdays && d.bday != NODATE)) {
		due_free(&d);		/* the walk frees the contact */
		return 0;
	}
	if (!shown) {		/* only for a birthday or a date */
		d.bdonly = 1;
		if (d.never)
			d.due = d.bday, d.days = r->today - d.bday;
	}
	if ((r->n & (r->n - 1)) == 0)
		r->v = xrealloc(r->v, (r->n ? 2 * r->n : 1) * sizeof *r->v);
	r->v[r->n++] = d;
	return 1;
}

static void
row(struct due *d)
{
	static const char *names[] = { "id", "due", "days", "name",
	    "reason" };
	const char *vals[5], *colour;
	char ds[11], days[16], *reason;

	reason = d->bdonly ? xstrdup(d->bdreason) : d->bdreason ?
	    xasprintf("%s; %s", d->reason, d->bdreason) : xstrdup(d->reason);
	snprintf(days, sizeof days, "%d", d->days);
	vals[0] = d->c->id;
	vals[1] = date_str(d->due, ds);
	vals[2] = days;
	vals[3] = d->c->name;
	vals[4] = reason;
	colour = d->days > 0 ? "31" : d->days == 0 ? "33" :
	    d->bday != NODATE ? "35" : NULL;
	out_row(5, names, vals, "ssnss", colour);
	free(reason);
}

/*
 * The rows ranked, at most count of them (-1: all), each a row or at
 * length (lng, nw-due -l); their contacts freed.
 */
void
dues_print(struct dues *r, struct net *net, long count, int lng)
{
	size_t i;

	if (r->n)	/* qsort of no array is undefined */
		qsort(r->v, r->n, sizeof *r->v, rank);
	if (count >= 0 && (size_t)count < r->n)
		for (i = count; i < r->n; i++) {
			contact_free(r->v[i].c);
			due_free(&r->v[i]);
		}
	if (count >= 0 && (size_t)count < r->n)
		r->n = count;
	for (i = 0; i < r->n; i++) {
		if (lng)
			due_long(net, &r->v[i], r->today, i == 0);
		else
			row(&r->v[i]);
		contact_free(r->v[i].c);
		due_free(&r->v[i]);
	}
	r->n = 0;
}

void
dues_free(struct dues *r)
{
	if (r == NULL)
		return;
	free(r->v);
	free(r);
}

