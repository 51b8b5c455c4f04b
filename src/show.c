/* show.c - a contact at a glance, nw-show's form on a terminal */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

#define NLOG	10	/* log entries shown without -a */

/* Text from a file, made safe for a terminal; a tab stays. */
static void
put(const char *s, size_t n)
{
	struct buf b = { 0 };
	char *nl;

	text_add(&b, s, n, TX_TERM | TX_LINES);
	while ((nl = strchr(b.s, '\n')) != NULL)	/* the caller's lines */
		*nl = ' ';
	fputs(b.s, stdout);
	free(b.s);
}

/* A labelled field; a value of several lines keeps them aligned. */
static void
field(const char *label, const char *text)
{
	const char *nl;
	size_t n, w;

	if (text == NULL || *text == '\0')
		return;
	fputs("  ", stdout);
	put(label, strlen(label));
	w = utf8_width(label);
	printf("%*s ", w < 9 ? (int)(9 - w) : 0, "");
	n = strlen(text);
	while (n && (text[n - 1] == '\n' || text[n - 1] == '\r'))
		n--;
	while ((nl = memchr(text, '\n', n)) != NULL) {
		put(text, nl - text - (nl > text && nl[-1] == '\r'));
		fputs("\n            ", stdout);
		n -= nl + 1 - text;
		text = nl + 1;
	}
	put(text, n);
	putchar('\n');
}

static void
fieldb(const char *label, struct buf *b)
{
	field(label, b->s);
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

static void
show_value(const char *label, const struct value *v)
{
	struct buf b = { 0 };

	value_text(&b, v, 0);
	fieldb(label, &b);
}

/* met: "2019-03-02, RustConf, via charles-babbage", or the string. */
static void
show_met(const struct value *v)
{
	struct buf b = { 0 };
	const char *k, *label;
	size_t i;

	if (v == NULL || v->type != V_MAP) {
		show_value("met", v);
		return;
	}
	for (i = 0; i + 1 < v->n; i += 2) {
		if (b.len)
			buf_puts(&b, ", ");
		k = v->v[i].type == V_STR ? v->v[i].s : NULL;
		if (k && (label = schema_met_label(k)) != NULL)
			buf_puts(&b, label);
		else
			buf_printf(&b, "%s: ", k ? k : "?");
		value_text(&b, &v->v[i + 1], 1);
	}
	fieldb("met", &b);
}

static void
show_cadence(struct net *net, struct contact *c)
{
	struct dur *cd = c->circle ? net_circle(net, c->circle) : NULL;
	struct buf b = { 0 };
	char s[16];

	if (c->circle)
		buf_printf(&b, "%s%s", c->circle, cd ? "" :
		    " (not a circle of the settings)");
	fieldb("circle", &b);
	if (c->lib->every.unit)
		buf_puts(&b, dur_str(c->lib->every, s));
	else if (cd)
		buf_printf(&b, "%s (circle %s)", dur_str(*cd, s), c->circle);
	else
		buf_printf(&b, "%s (default)", dur_str(*net_circle(net, NULL), s));
	fieldb("every", &b);
}

static void
show_birthday(struct contact *c, const struct value *v, int today)
{
	struct buf b = { 0 };
	int next, y, m, d, age;

	value_text(&b, v, 0);
	if (c->lib->bday.month && c->lib->bday.year) {
		next = bday_next(c->lib->bday, today);
		date_to_civil(next, &y, &m, &d);
		age = y - c->lib->bday.year - (next != today);
		if (age >= 0)
			buf_printf(&b, " (age %d)", age);
	}
	fieldb("birthday", &b);
}

static void
show_due(struct net *net, struct contact *c, int today, int colour)
{
	struct due d;
	char ds[11];

	contact_due(net, c, today, &d);
	if (d.never) {
		printf("  %-9s never (", "due");
		put(d.reason, strlen(d.reason));
		if (d.bdreason) {
			fputs("; ", stdout);
			put(d.bdreason, strlen(d.bdreason));
		}
		puts(")");
		due_free(&d);
		return;
	}
	printf("  %-9s %s%s, ", "due", colour && d.days >= 0 ?
	    d.days ? "\033[31m" : "\033[33m" : "", date_str(d.due, ds));
	if (d.days > 0)
		printf("%d day%s overdue", d.days, d.days == 1 ? "" : "s");
	else if (d.days == 0)
		fputs("today", stdout);
	else
		printf("in %d day%s", -d.days, d.days == -1 ? "" : "s");
	fputs(colour && d.days >= 0 ? "\033[0m (" : " (", stdout);
	put(d.reason, strlen(d.reason));
	if (d.bdreason) {
		fputs("; ", stdout);
		put(d.bdreason, strlen(d.bdreason));
	}
	puts(")");
	free(d.reason);
	free(d.bdreason);
}

/* Newest first; of two on one day the one written later. */
static int
newest(const void *x, const void *y)
{
	const struct logent *a = *(struct logent *const *)x;
	const struct logent *b = *(struct logent *const *)y;

	if (a->date != b->date)
		return a->date > b->date ? -1 : 1;
	return a > b ? -1 : a < b;
}

static void
show_log(struct contact *c, int all)
{
	struct logent **v;
	struct buf b = { 0 };
	const char *k;
	char ds[11];
	size_t i, n, w = 0;

	if (c->nlog == 0)
		return;
	v = xcalloc(c->nlog, sizeof *v);
	for (i = 0; i < (size_t)c->nlog; i++)
		v[i] = &c->log[i];
	qsort(v, c->nlog, sizeof *v, newest);
	n = all || c->nlog < NLOG ? (size_t)c->nlog : NLOG;
	for (i = 0; i < n; i++)
		if (v[i]->kind && utf8_width(v[i]->kind) > w)
			w = utf8_width(v[i]->kind);
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s%s", i ? "\n" : "", date_str(v[i]->date, ds));
		if (w)
			buf_printf(&b, "  %s%*s", v[i]->kind ? v[i]->kind : "",
			    (int)(w - (v[i]->kind ? utf8_width(v[i]->kind) :
			    0)), "");
		if (v[i]->note) {
			buf_puts(&b, "  ");
			for (k = v[i]->note; *k; k++)	/* one line an entry */
				buf_add(&b, *k == '\n' ? " " : k, 1);
		}
		while (b.len && b.s[b.len - 1] == ' ')
			b.s[--b.len] = '\0';
	}
	if (n < (size_t)c->nlog)
		buf_printf(&b, "\n(%zu older; -a shows all)", c->nlog - n);
	fieldb("log", &b);
	free(v);
}

/* The asks still open, oldest first, with their age. */
static void
show_asks(struct contact *c, int today)
{
	const struct logent **v;
	struct buf b = { 0 };
	char ds[11];
	size_t i, n;
	int age;

	n = contact_asks(c, &v);
	for (i = 0; i < n; i++) {
		age = today - v[i]->date;
		buf_printf(&b, "%s%s, %d day%s ago", i ? "\n" : "",
		    date_str(v[i]->date, ds), age, age == 1 ? "" : "s");
		if (v[i]->note)
			buf_printf(&b, ": %s", v[i]->note);
	}
	fieldb("open asks", &b);
	free(v);
}

/* Last seen first, never last, then by id. */
static int
bylast(const void *x, const void *y)
{
	const struct contact *a = *(struct contact *const *)x;
	const struct contact *b = *(struct contact *const *)y;

	if (a->last != b->last)
		return a->last > b->last ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* A community's members, each with when you last saw them. */
static void
show_members(struct refs *refs, struct contact *c)
{
	struct contact **all, **m;
	struct buf b = { 0 };
	char ds[11];
	size_t i, n, nm = 0;

	all = refs_all(refs, &n);
	m = xcalloc(n + 1, sizeof *m);
	for (i = 0; i < n; i++)
		if (all[i]->lib->err == NULL && contact_member(c, all[i]))
			m[nm++] = all[i];
	qsort(m, nm, sizeof *m, bylast);
	for (i = 0; i < nm; i++)
		buf_printf(&b, "%s%-10s  %s (%s%s)", i ? "\n" : "",
		    m[i]->last != NODATE ? date_str(m[i]->last, ds) : "never",
		    m[i]->name, id_shown(m[i]->id), m[i]->id);
	if (nm == 0)
		buf_puts(&b, "none: no one's groups name it");
	fieldb("members", &b);
	free(m);
}

/* The contact of this id among all; NULL when none is. */
static struct contact *
byid(struct contact **all, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(all[i]->id, id) == 0)
			return all[i];
	return NULL;
}

static void
rel_line(struct buf *b, const char *role, const char *of,
    struct contact *o, const char *id)
{
	buf_printf(b, "%s%s%s: %s (%s)", b->len ? "\n" : "", role, of,
	    o && o->name ? o->name : "?", id);
}

/*
 * Relationships both ways: those the contact's rel names, then those
 * whose rel names it, in the role they give it (ada's mentor alan shows
 * on alan as "mentee: Ada Lovelace"; a role of one's own as "coach of").
 */
static void
show_rel(struct refs *refs, struct contact *c)
{
	struct contact **all, *o;
	struct buf b = { 0 };
	const char *role, *inv;
	size_t i, j, k, n;

	all = refs_all(refs, &n);
	for (i = 0; i + 1 < c->rel.n; i += 2)
		rel_line(&b, c->rel.v[i], "", byid(all, n, c->rel.v[i + 1]),
		    c->rel.v[i + 1]);
	for (j = 0; j < n; j++) {
		o = all[j];
		for (i = 0; strcmp(o->id, c->id) != 0 && i + 1 < o->rel.n;
		    i += 2) {
			if (strcmp(o->rel.v[i + 1], c->id) != 0)
				continue;
			inv = schema_inverse(o->rel.v[i]);
			role = inv ? inv : o->rel.v[i];
			for (k = 0; inv && k + 1 < c->rel.n; k += 2)
				if (strcmp(c->rel.v[k], role) == 0 &&
				    strcmp(c->rel.v[k + 1], o->id) == 0)
					break;
			if (inv == NULL || k + 1 >= c->rel.n)
				rel_line(&b, role, inv ? "" : " of", o, o->id);
		}
	}
	fieldb("rel", &b);
}

/* Past jobs: "Engineer at Bell Labs, 2019-03 to 2021-06", "until". */
static void
show_work(const struct value *v)
{
	struct buf b = { 0 };
	const struct value *j;
	const char *f[4], *names[4] = { "org", "title", "from", "to" };
	size_t i, k, m;

	for (i = 0; v && v->type == V_LIST && i < v->n; i++) {
		j = &v->v[i];
		memset(f, 0, sizeof f);
		for (k = 0; j->type == V_MAP && k + 1 < j->n; k += 2)
			for (m = 0; m < 4; m++)
				if (j->v[k].type == V_STR && j->v[k + 1].type ==
				    V_STR && strcmp(j->v[k].s, names[m]) == 0)
					f[m] = j->v[k + 1].s;
		if (b.len)
			buf_puts(&b, "\n");
		if (f[1])
			buf_printf(&b, "%s%s", f[1], f[0] ? " at " : "");
		if (f[0])
			buf_puts(&b, f[0]);
		if (f[2] || f[3])
			buf_puts(&b, f[0] || f[1] ? ", " : "");
		if (f[2] && f[3])
			buf_printf(&b, "%s to %s", f[2], f[3]);
		else if (f[2] || f[3])
			buf_printf(&b, "%s %s", f[2] ? "from" : "until",
			    f[2] ? f[2] : f[3]);
	}
	fieldb("work", &b);
}

/* The user's own keys, in the file's order, each under its name. */
static void
show_others(struct contact *c)
{
	const struct value *k;
	size_t i;

	for (i = 0; i + 1 < c->lib->keys.n; i += 2) {
		k = &c->lib->keys.v[i];
		if (k->type == V_STR && schema_key(k->s) == NULL)
			show_value(k->s, &c->lib->keys.v[i + 1]);
	}
}

static int
byshow(const void *x, const void *y)
{
	const struct key *a = *(const struct key *const *)x;
	const struct key *b = *(const struct key *const *)y;

	if (a->show != b->show)
		return a->show - b->show;
	return a < b ? -1 : a > b;	/* qsort is not stable */
}

/* A key of nw(5) on its line, as its type shows it. */
static void
show_key(struct refs *refs, struct contact *c, const struct key *k,
    int today)
{
	const struct value *v = contact_value(c, k->name);
	const char *label = k->label ? k->label : k->name;

	switch (k->type) {
	case K_CIRCLE:
		show_cadence(refs->net, c);	/* every too */
		break;
	case K_BDAY:
		show_birthday(c, v, today);
		break;
	case K_MET:
		show_met(v);
		break;
	case K_REL:
		show_rel(refs, c);
		break;
	case K_WORK:
		show_work(v);
		break;
	default:
		show_value(label, v);
	}
}

/*
 * A contact on a terminal, nw-show's form: its name, then the keys of
 * nw(5) in their ranks, each as its type shows it, the user's own keys
 * among them, then what is due, the balance, open asks, a community's
 * members and the log (all of it, or the NLOG latest).
 */
void
show_contact(struct refs *refs, struct contact *c, int today, int all)
{
	const struct key *keys, **k;
	size_t i, j, n;
	int others = 0, colour = out_colour();
	char *s, *id;

	fputs(colour ? "\033[1m" : "", stdout);
	put(c->name, strlen(c->name));
	puts(colour ? "\033[0m" : "");
	id = xasprintf("%s%s", id_shown(c->id), c->id);
	field("id", id);
	free(id);
	keys = schema_keys(&n);
	k = xcalloc(n, sizeof *k);
	for (i = j = 0; i < n; i++)
		if (keys[i].show > 0)
			k[j++] = &keys[i];
	qsort(k, j, sizeof *k, byshow);
	for (i = 0; i < j; i++) {
		if (!others && k[i]->show > SHOW_USER) {
			show_others(c);
			others = 1;
		}
		show_key(refs, c, k[i], today);
	}
	if (!others)
		show_others(c);
	free(k);
	show_due(refs->net, c, today, colour);
	s = contact_balance(c);
	field("balance", s);
	free(s);
	show_asks(c, today);
	if (c->type == T_COMMUNITY)
		show_members(refs, c);
	show_log(c, all);
}

/* A value as it is into a pipe, made safe on a terminal (how -1: as is). */
static void
put_as(const char *s, const char *end, int how)
{
	if (how == -1)
		fputs(s, stdout);
	else
		text_put(stdout, s, how);
	fputs(end, stdout);
}

/* The value of part in the mapping v; NULL when it has none. */
static const struct value *
part_value(const struct value *v, const char *part)
{
	size_t i;

	for (i = 0; v && v->type == V_MAP && i + 1 < v->n; i += 2)
		if (v->v[i].type == V_STR && strcmp(v->v[i].s, part) == 0)
			return &v->v[i + 1];
	return NULL;
}

/*
 * nw-set with no value: c's value of key (or of its part), like git
 * config: a list one item a line, a mapping's parts as "part<TAB>value"
 * lines.  0 when printed, 1 when it has none.
 */
int
show_key_value(struct contact *c, const char *key, const char *part)
{
	const struct value *v, *it;
	struct buf b = { 0 };
	size_t i;
	int how;

	if ((v = contact_value(c, key)) == NULL ||
	    (part && (v = part_value(v, part)) == NULL) || v->type == V_NULL)
		return 1;
	how = isatty(1) ? TX_TERM | TX_LINES : -1;
	if (v->type == V_STR)
		put_as(v->s, "\n", how);
	for (i = 0; v->type == V_LIST && i < v->n; i++) {
		b.len = 0;
		buf_puts(&b, "");
		value_text(&b, &v->v[i], 1);
		put_as(b.s, "\n", how);
	}
	for (i = 0; v->type == V_MAP && i + 1 < v->n; i += 2) {
		it = &v->v[i + 1];
		put_as(v->v[i].s ? v->v[i].s : "", "\t", how);
		put_as(it->type == V_STR ? it->s : "", "\n", how);
	}
	free(b.s);
	return 0;
}
