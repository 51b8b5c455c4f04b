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

/* The newest job entry of the log when it is JOB_DAYS old or less. */
static const struct logent *
recent_job(const struct contact *c, int today)
{
	size_t i;

	for (i = c->nlog; c->log && i-- > 0;)
		if ((schema_kind(c->log[i].kind) & KIND_JOB) &&
		    today - c->log[i].date <= JOB_DAYS)
			return &c->log[i];
	return NULL;
}

/* One labelled line; text from a file loses its line breaks. */
static void
line(const char *label, const char *text)
{
	printf("  %-9s ", label);
	text_put(stdout, text, TX_TERM);
	putchar('\n');
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
		line("why", x->d->reason);
	b.len = 0;
	if (x->last)
		entry_text(&b, x->last);
	line("last", x->last ? b.s : "never");
	if (x->offers->n) {
		b.len = 0;
		joined(&b, x->offers);
		line("offer", b.s);
	}
	if (x->c->topics.n) {
		b.len = 0;
		joined(&b, &x->c->topics);
		line("topics", b.s);
	}
	if (x->c->ngive + x->c->nask + x->c->ngot)
		line("balance", x->balance);
	for (i = 0; i < x->nasks; i++) {
		b.len = 0;
		buf_printf(&b, "%s, %d day%s ago", date_str(x->asks[i]->date,
		    ds), x->today - x->asks[i]->date,
		    x->today - x->asks[i]->date == 1 ? "" : "s");
		if (x->asks[i]->note)
			buf_printf(&b, ": %s", x->asks[i]->note);
		line("open ask", b.s);
	}
	if (!x->d->bdonly && x->d->bdreason)
		line("soon", x->d->bdreason);
	if (x->job) {
		b.len = 0;
		entry_text(&b, x->job);
		line("new job", b.s);
	}
	free(b.s);
}

static void
jstrv(const char *key, const struct strv *l)
{
	size_t i;

	printf(",\"%s\":[", key);
	for (i = 0; i < l->n; i++) {
		if (i)
			putchar(',');
		json_str(stdout, l->v[i]);
	}
	putchar(']');
}

static void
jstr(const char *key, const char *s)
{
	printf(",\"%s\":", key);
	if (s)
		json_str(stdout, s);
	else
		fputs("null", stdout);
}

static void
jentry(const struct logent *e, int today)
{
	char ds[11];

	printf("{\"date\":\"%s\"", date_str(e->date, ds));
	if (today != NODATE)
		printf(",\"days\":%d", today - e->date);
	jstr("kind", e->kind);
	jstr("note", e->note);
	putchar('}');
}

static void
json(struct ctx *x)
{
	struct contact *c = x->c;
	char ds[11];
	size_t i;

	fputs("{\"id\":", stdout);
	json_str(stdout, c->id);
	printf(",\"due\":\"%s\",\"days\":%d", date_str(x->d->due, ds),
	    x->d->days);
	jstr("name", c->name);
	jstr("reason", x->reason);
	jstr("type", c->type == T_COMMUNITY ? "community" : "person");
	fputs(",\"last\":", stdout);
	if (x->last)
		jentry(x->last, NODATE);
	else
		fputs("null", stdout);
	jstr("next", c->next != NODATE ? date_str(c->next, ds) : NULL);
	jstr("next-note", c->next_note);
	jstrv("offers", x->offers);
	jstrv("topics", &c->topics);
	printf(",\"gives\":%d,\"asks\":%d,\"got\":%d,\"owe\":%d", c->ngive,
	    c->nask, c->ngot, contact_owe(c));
	fputs(",\"open-asks\":[", stdout);
	for (i = 0; i < x->nasks; i++) {
		if (i)
			putchar(',');
		jentry(x->asks[i], x->today);
	}
	putchar(']');
	jstr("soon", x->d->bdreason);
	fputs(",\"job\":", stdout);
	if (x->job)
		jentry(x->job, x->today);
	else
		fputs("null", stdout);
	puts("}");
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
	if (x.c->err) {		/* changed since the scan: without its log */
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
