/* nw-show - a person at a glance */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

#define NLOG	10	/* log entries shown without -a */

static const char usage_text[] =
    "usage: nw-show [-ajr] [-C dir] ref ...";

static const char options_text[] =
    "  -a             every log entry, not only the ten latest\n"
    "  -C dir         use the network in dir\n"
    "  -j             print JSON Lines, one object a contact\n"
    "  -r             print the files as they are\n";

struct run {
	struct net	*net;
	struct refs	 refs;
	int		 all, json, raw, colour, today, shown;
};

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

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
	if (c->every.unit)
		buf_puts(&b, dur_str(c->every, s));
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
	if (c->bday.month && c->bday.year) {
		next = bday_next(c->bday, today);
		date_to_civil(next, &y, &m, &d);
		age = y - c->bday.year - (next != today);
		if (age >= 0)
			buf_printf(&b, " (age %d)", age);
	}
	fieldb("birthday", &b);
}

static void
show_due(struct run *r, struct contact *c)
{
	struct due d;
	char ds[11];

	contact_due(r->net, c, r->today, &d);
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
	printf("  %-9s %s%s, ", "due", r->colour && d.days >= 0 ?
	    d.days ? "\033[31m" : "\033[33m" : "", date_str(d.due, ds));
	if (d.days > 0)
		printf("%d day%s overdue", d.days, d.days == 1 ? "" : "s");
	else if (d.days == 0)
		fputs("today", stdout);
	else
		printf("in %d day%s", -d.days, d.days == -1 ? "" : "s");
	fputs(r->colour && d.days >= 0 ? "\033[0m (" : " (", stdout);
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
show_asks(struct run *r, struct contact *c)
{
	const struct logent **v;
	struct buf b = { 0 };
	char ds[11];
	size_t i, n;
	int age;

	n = contact_asks(c, &v);
	for (i = 0; i < n; i++) {
		age = r->today - v[i]->date;
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
show_members(struct run *r, struct contact *c)
{
	struct contact **all, **m;
	struct buf b = { 0 };
	char ds[11];
	size_t i, n, nm = 0;

	all = refs_all(&r->refs, &n);
	m = xcalloc(n + 1, sizeof *m);
	for (i = 0; i < n; i++)
		if (all[i]->err == NULL && contact_member(c, all[i]))
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
show_rel(struct run *r, struct contact *c)
{
	struct contact **all, *o;
	struct buf b = { 0 };
	const char *role, *inv;
	size_t i, j, k, n;

	all = refs_all(&r->refs, &n);
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

	for (i = 0; i + 1 < c->keys.n; i += 2) {
		k = &c->keys.v[i];
		if (k->type == V_STR && schema_key(k->s) == NULL)
			show_value(k->s, &c->keys.v[i + 1]);
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
show_key(struct run *r, struct contact *c, const struct key *k)
{
	const struct value *v = contact_value(c, k->name);
	const char *label = k->label ? k->label : k->name;

	switch (k->type) {
	case K_CIRCLE:
		show_cadence(r->net, c);	/* every too */
		break;
	case K_BDAY:
		show_birthday(c, v, r->today);
		break;
	case K_MET:
		show_met(v);
		break;
	case K_REL:
		show_rel(r, c);
		break;
	case K_WORK:
		show_work(v);
		break;
	default:
		show_value(label, v);
	}
}

static void
show(struct run *r, struct contact *c)
{
	const struct key *all, **k;
	size_t i, j, n;
	int others = 0;
	char *s, *id;

	if (r->shown++)
		putchar('\n');
	fputs(r->colour ? "\033[1m" : "", stdout);
	put(c->name, strlen(c->name));
	puts(r->colour ? "\033[0m" : "");
	id = xasprintf("%s%s", id_shown(c->id), c->id);
	field("id", id);
	free(id);
	all = schema_keys(&n);
	k = xcalloc(n, sizeof *k);
	for (i = j = 0; i < n; i++)
		if (all[i].show > 0)
			k[j++] = &all[i];
	qsort(k, j, sizeof *k, byshow);
	for (i = 0; i < j; i++) {
		if (!others && k[i]->show > SHOW_USER) {
			show_others(c);
			others = 1;
		}
		show_key(r, c, k[i]);
	}
	if (!others)
		show_others(c);
	free(k);
	show_due(r, c);
	s = contact_balance(c);
	field("balance", s);
	free(s);
	show_asks(r, c);
	if (c->type == T_COMMUNITY)
		show_members(r, c);
	show_log(c, r->all);
}

/* -r: the file's bytes as they are. */
static int
raw(struct run *r, const char *id)
{
	char *path = net_path(r->net, id), b[8192];
	size_t n;
	FILE *f;
	int rv = 0;

	if ((f = fopen(path, "rb")) == NULL) {
		warn("'%s'", path);
		free(path);
		return 1;
	}
	while ((n = fread(b, 1, sizeof b, f)) > 0)
		fwrite(b, 1, n, stdout);
	if (ferror(f)) {
		warn("'%s'", path);
		rv = 1;
	}
	fclose(f);
	free(path);
	return rv;
}

static int
one(const char *ref, void *arg)
{
	struct run *r = arg;
	struct contact *c;
	char *id;
	int rv = 0;

	if ((id = ref_resolve(&r->refs, ref)) == NULL)
		return 1;
	if (r->raw) {
		rv = raw(r, id);
		free(id);
		return rv;
	}
	c = contact_load(r->net, id, C_KEYS | C_LOG);
	if (contact_report(c))
		rv = 1;
	else if (r->json)
		json_contact(stdout, r->net, c, r->today);
	else
		show(r, c);
	contact_free(c);
	free(id);
	return rv;
}

int
main(int argc, char *argv[])
{
	struct run r = { 0 };
	int ch, rv;

	while ((ch = opt_get(argc, argv, "aC:hjrV")) != -1)
		switch (ch) {
		case 'a': r.all = 1; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'j': r.json = 1; break;
		case 'r': r.raw = 1; break;
		case 'V': return opt_version();
		case 'h': return opt_help(usage_text, options_text);
		default: usage();
		}
	argc -= optind;
	argv += optind;

	if ((r.json && (r.raw || r.all)) || (argc == 0 && !ref_stdin_usable()))
		usage();
	r.today = date_today();
	r.net = net_open(1);
	r.refs.net = r.net;
	out_init(0);
	r.colour = out_colour();
	rv = ref_loop(argc, argv, one, &r);
	refs_free(&r.refs);
	net_free(r.net);
	return out_close() || rv;
}
