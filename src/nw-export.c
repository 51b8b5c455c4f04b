/* nw-export - contacts as vCard, iCalendar, JSON or CSV */

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static const char usage_text[] =
    "usage: nw-export [-3] [-C dir] [-f format] [ref ...]";

enum { F_VCARD, F_ICS, F_JSON, F_CSV };

static const char *csv_cols[] = { "id", "name", "aka", "circle", "every",
    "next", "next-note", "tags", "groups", "org", "title", "email", "phone",
    "links", "address", "birthday", "met", "met-date", "via", "added",
    "last", "due", "notes", NULL };

static void
usage(void)
{
	fprintf(stderr, "%s\n", usage_text);
	exit(2);
}

/* --- iCalendar (RFC 5545) ----------------------------------------------- */

static void
ics_date(struct buf *b, const char *name, int z)
{
	char v[16];
	int y, m, d;

	date_to_civil(z, &y, &m, &d);
	snprintf(v, sizeof v, "%04d%02d%02d", y, m, d);
	vc_line(b, name, v);
}

/* An event's start: its UID from the id, and when it was made (today). */
static void
ics_begin(struct buf *b, const char *id, const char *what, int today)
{
	char uid[37], stamp[32], *u;
	int y, m, d;

	u = xasprintf("nw:%s#%s", id, what);
	vc_uid(u, uid);
	free(u);
	vc_line(b, "BEGIN", "VEVENT");
	vc_line(b, "UID", uid);
	date_to_civil(today, &y, &m, &d);
	snprintf(stamp, sizeof stamp, "%04d%02d%02dT000000Z", y, m, d);
	vc_line(b, "DTSTAMP", stamp);
}

static void
ics_text(struct buf *b, const char *name, const char *s)
{
	char *t = vc_text(s);

	vc_line(b, name, t);
	free(t);
}

/*
 * A birthday is a yearly all-day event from the day of birth (or from
 * 2000 when the year is unknown); a Feb 29 falls on the last day of
 * February.  The due date is an all-day event on that day, or today when
 * it is past, so that it shows where one looks.
 */
static void
ics_contact(struct buf *b, struct net *net, struct contact *c, int today)
{
	struct due d;
	char ds[11], *s;
	int z, start;

	if (c->bday.month) {
		z = date_from_civil(c->bday.year ? c->bday.year : 2000,
		    c->bday.month, c->bday.day);
		ics_begin(b, c->id, "birthday", today);
		ics_date(b, "DTSTART;VALUE=DATE", z);
		ics_date(b, "DTEND;VALUE=DATE", z + 1);
		vc_line(b, "RRULE", c->bday.month == 2 && c->bday.day == 29 ?
		    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY");
		s = xasprintf("Birthday: %s", c->name);
		ics_text(b, "SUMMARY", s);
		free(s);
		vc_line(b, "TRANSP", "TRANSPARENT");
		vc_line(b, "END", "VEVENT");
	}
	contact_due(net, c, today, &d);
	start = d.due < today ? today : d.due;
	ics_begin(b, c->id, "due", today);
	ics_date(b, "DTSTART;VALUE=DATE", start);
	ics_date(b, "DTEND;VALUE=DATE", start + 1);
	s = xasprintf("Get in touch with %s", c->name);
	ics_text(b, "SUMMARY", s);
	free(s);
	s = d.due < today ? xasprintf("%s; due %s, %d day%s ago", d.reason,
	    date_str(d.due, ds), d.days, d.days == 1 ? "" : "s") :
	    xstrdup(d.reason);
	ics_text(b, "DESCRIPTION", s);
	free(s);
	vc_line(b, "TRANSP", "TRANSPARENT");
	vc_line(b, "END", "VEVENT");
	free(d.reason);
	free(d.bdreason);
}

/* --- JSON --------------------------------------------------------------- */

/* Is s a number as JSON writes them? */
static int
json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		s += strspn(s, "0123456789");
	else
		return 0;
	if (*s == '.') {
		if (s[1] < '0' || s[1] > '9')
			return 0;
		s += 1 + strspn(s + 1, "0123456789");
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return 0;
		s += strspn(s, "0123456789");
	}
	return *s == '\0';
}

/* The tree as YAML means it: null, booleans and numbers when plain. */
static void
json_node(struct ynode *n)
{
	size_t i;
	const char *k;
	int first = 1;

	n = ynode_deref(n);
	if (n->type == YMAP) {
		putchar('{');
		for (i = 0; i + 1 < n->nkid; i += 2) {
			if ((k = ynode_str(n->kid[i])) == NULL)
				continue;
			if (!first)
				putchar(',');
			first = 0;
			out_json_str(stdout, k);
			putchar(':');
			json_node(n->kid[i + 1]);
		}
		putchar('}');
	} else if (n->type == YSEQ) {
		putchar('[');
		for (i = 0; i < n->nkid; i++) {
			if (i)
				putchar(',');
			json_node(n->kid[i]);
		}
		putchar(']');
	} else if (ynode_isnull(n))
		fputs("null", stdout);
	else if (n->plain && (strcmp(n->str, "true") == 0 ||
	    strcmp(n->str, "false") == 0 || json_number(n->str)))
		fputs(n->str, stdout);
	else
		out_json_str(stdout, n->str);
}

static void
json_contact(struct contact *c, int first)
{
	struct ynode *r = c->doc->root;
	size_t i;

	fputs(first ? "" : ",\n", stdout);
	fputs("{\"id\":", stdout);
	out_json_str(stdout, c->id);
	for (i = 0; i + 1 < r->nkid; i += 2) {
		if (ynode_str(r->kid[i]) == NULL)
			continue;
		putchar(',');
		out_json_str(stdout, ynode_str(r->kid[i]));
		putchar(':');
		json_node(r->kid[i + 1]);
	}
	putchar('}');
}

/* --- CSV (RFC 4180) ----------------------------------------------------- */

static void
csv_field(const char *s, int last)
{
	size_t n = s ? strlen(s) : 0;

	if (s && (strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' ||
	    s[n - 1] == ' ')))) {
		putchar('"');
		for (; *s; s++) {
			if (*s == '"')
				putchar('"');
			putchar(*s);
		}
		putchar('"');
	} else if (s)
		fputs(s, stdout);
	fputs(last ? "\r\n" : ",", stdout);
}

static char *
csv_list(struct ynode *n)
{
	struct buf b = { 0 };
	const char *s;
	size_t i;

	buf_puts(&b, "");
	if (n && n->type == YSEQ) {
		for (i = 0; i < n->nkid; i++)
			if ((s = ynode_str(n->kid[i])) != NULL)
				buf_printf(&b, "%s%s", b.len ? "; " : "", s);
	} else if (n && n->type == YMAP) {
		for (i = 0; i + 1 < n->nkid; i += 2)
			if (ynode_str(n->kid[i]) && (s = ynode_str(
			    n->kid[i + 1])) != NULL)
				buf_printf(&b, "%s%s=%s", b.len ? "; " : "",
				    ynode_str(n->kid[i]), s);
	} else if ((s = ynode_str(n)) != NULL)
		buf_puts(&b, s);
	return b.s;
}

static void
csv_contact(struct net *net, struct contact *c, int today)
{
	struct ynode *r = c->doc->root, *met;
	struct due d;
	const char *v;
	char *s, ds[2][11];
	size_t i, n;

	contact_due(net, c, today, &d);
	met = ymap_get(r, "met");
	for (i = 0; csv_cols[i]; i++) {
		s = NULL;
		v = csv_cols[i];
		if (strcmp(v, "id") == 0)
			v = c->id;
		else if (strcmp(v, "name") == 0)
			v = c->name;
		else if (strcmp(v, "last") == 0)
			v = c->last == NODATE ? "" : date_str(c->last, ds[0]);
		else if (strcmp(v, "due") == 0)
			v = date_str(d.due, ds[1]);
		else if (strcmp(v, "met") == 0 && met && met->type == YMAP)
			v = ynode_str(ymap_get(met, "where"));
		else if (strcmp(v, "met-date") == 0)
			v = ynode_str(ymap_get(met, "date"));
		else if (strcmp(v, "via") == 0)
			v = ynode_str(ymap_get(met, "via"));
		else
			v = s = csv_list(ymap_get(r, v));
		if (strcmp(csv_cols[i], "notes") == 0 && s) {
			for (n = strlen(s); n > 0 && s[n - 1] == '\n'; n--)
				s[n - 1] = '\0';
		}
		csv_field(v, csv_cols[i + 1] == NULL);
		free(s);
	}
	free(d.reason);
	free(d.bdreason);
}

int
main(int argc, char *argv[])
{
	static const char *formats[] = { "vcard", "ics", "json", "csv",
	    NULL };
	struct refs refs = { 0 };
	struct strv ids = { 0 };
	struct buf b = { 0 };
	struct contact *c;
	struct net *net;
	size_t i;
	int ch, fmt = F_VCARD, v3 = 0, today, rv, n = 0;

	while ((ch = getopt(argc, argv, "3C:f:hV")) != -1)
		switch (ch) {
		case '3': v3 = 1; break;
		case 'C': nw_dir_opt = optarg; break;
		case 'f':
			for (fmt = 0; formats[fmt]; fmt++)
				if (strcmp(formats[fmt], optarg) == 0)
					break;
			if (formats[fmt] == NULL)
				errx(2, "'%s': not a format (vcard, ics, json, "
				    "csv)", optarg);
			break;
		case 'V': puts("nw-export " NW_VERSION); return 0;
		case 'h': printf("%s\n", usage_text); return 0;
		default: usage();
		}
	argc -= optind;
	argv += optind;
	if (v3 && fmt != F_VCARD)
		errx(2, "-3 is for vCards");

	today = date_today();
	net = net_open(1);
	refs.net = net;
	rv = select_ids(&refs, argc, argv, &ids);
	if (fmt == F_ICS) {
		vc_line(&b, "BEGIN", "VCALENDAR");
		vc_line(&b, "VERSION", "2.0");
		vc_line(&b, "PRODID", "-//nw//nw-export " NW_VERSION "//EN");
		vc_line(&b, "CALSCALE", "GREGORIAN");
		vc_line(&b, "X-WR-CALNAME", "nw");
	} else if (fmt == F_JSON)
		fputs("[\n", stdout);
	else if (fmt == F_CSV)
		for (i = 0; csv_cols[i]; i++)
			csv_field(csv_cols[i], csv_cols[i + 1] == NULL);
	for (i = 0; i < ids.n; i++) {
		c = contact_load(net, ids.v[i], C_DOC);
		if (contact_report(c)) {
			rv = 1;
			contact_free(c);
			continue;
		}
		if (fmt == F_VCARD)
			vcard_write(&b, c, v3 ? 3 : 4);
		else if (fmt == F_ICS)
			ics_contact(&b, net, c, today);
		else if (fmt == F_JSON)
			json_contact(c, n == 0);
		else
			csv_contact(net, c, today);
		n++;
		if (b.len)
			fwrite(b.s, 1, b.len, stdout);
		b.len = 0;
		contact_free(c);
	}
	if (fmt == F_ICS)
		vc_line(&b, "END", "VCALENDAR");
	else if (fmt == F_JSON)
		fputs(n ? "\n]\n" : "]\n", stdout);
	fwrite(b.s ? b.s : "", 1, b.len, stdout);
	free(b.s);
	strv_free(&ids);
	for (i = 0; i < refs.nall; i++)
		contact_free(refs.all[i]);
	free(refs.all);
	return out_close() || rv;
}
