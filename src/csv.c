/* csv.c - CSV: address books' exports read, contacts written (RFC 4180) */

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nw.h"
#include "nw_priv.h"

struct row {
	char	**f;
	size_t	  n;
	int	  line;
};

struct table {
	struct row	*rows;
	size_t		 n;
	struct row	 cur;
	int		 line, ended;
};

static void
csv_field(void *s, size_t len, void *arg)
{
	struct table *t = arg;

	t->cur.f = xrealloc(t->cur.f, (t->cur.n + 1) * sizeof *t->cur.f);
	t->cur.f[t->cur.n++] = xstrndup(s ? s : "", s ? len : 0);
}

static void
csv_row(int c, void *arg)
{
	struct table *t = arg;

	(void)c;
	if ((t->n & (t->n - 1)) == 0)
		t->rows = xrealloc(t->rows, (t->n ? 2 * t->n : 1) *
		    sizeof *t->rows);
	t->rows[t->n++] = t->cur;
	memset(&t->cur, 0, sizeof t->cur);
	t->ended = 1;
}

static void
table_free(struct table *t)
{
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		for (j = 0; j < t->rows[i].n; j++)
			free(t->rows[i].f[j]);
		free(t->rows[i].f);
	}
	free(t->rows);
	for (j = 0; j < t->cur.n; j++)
		free(t->cur.f[j]);
	free(t->cur.f);
}

/*
 * RFC 4180 with libcsv, fed a line at a time so that each row knows the
 * line it starts on.  A parse error stops the reading: *errline says
 * where; the rows before it stand.
 */
static int
csv_table(const char *s, size_t len, struct table *t, int *errline)
{
	struct csv_parser p;
	size_t off = 0, n;
	int blank;

	memset(t, 0, sizeof *t);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
		return 0;
	t->ended = 1;
	for (t->line = 1; off < len; t->line++, off += n) {
		n = strcspn(s + off, "\n");
		n += off + n < len;
		blank = n == 0 || s[off] == '\n' || (s[off] == '\r' &&
		    (n == 1 || s[off + 1] == '\n'));
		if (t->ended && !blank) {
			t->cur.line = t->line;
			t->ended = 0;
		}
		if (csv_parse(&p, s + off, n, csv_field, csv_row, t) != n)
			goto fail;
	}
	if (csv_fini(&p, csv_field, csv_row, t) != 0)
		goto fail;
	csv_free(&p);
	return 1;
fail:
	*errline = t->ended ? t->line : t->cur.line;
	csv_free(&p);
	return 0;
}

static int
col(struct row *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcaseeq(h->f[i], name))
			return i;
	return -1;
}

static int
has_suffix(const char *s, const char *pre, const char *suf)
{
	size_t n = strlen(s), p = strlen(pre), q = strlen(suf);

	return n > p + q && strncasecmp(s, pre, p) == 0 &&
	    strcasecmp(s + n - q, suf) == 0;
}

/* Which format a header row is, or 0. */
static int
header_format(struct row *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (has_suffix(h->f[i], "E-mail ", " - Value") ||
		    has_suffix(h->f[i], "Phone ", " - Value"))
			return IN_GOOGLE;
	if (col(h, "Given Name") >= 0 || col(h, "Group Membership") >= 0 ||
	    (col(h, "First Name") >= 0 && col(h, "Labels") >= 0))
		return IN_GOOGLE;
	if (col(h, "First Name") >= 0 && col(h, "Last Name") >= 0 &&
	    (col(h, "Connected On") >= 0 || col(h, "Email Address") >= 0))
		return IN_LINKEDIN;
	if (col(h, "name") >= 0)
		return IN_CSV;
	return 0;
}

static const char *
cell(struct row *h, struct row *r, const char *name)
{
	int i = col(h, name);

	return i >= 0 && (size_t)i < r->n && *r->f[i] ? r->f[i] : NULL;
}

/*
 * "15 Mar 2024" as 2024-03-15, NULL when it is not one: a day of one or
 * two digits, a month's name or its first three letters at least
 * ("Mar", "March", "Sept"), a year of four digits, a blank between each.
 */
static char *
linkedin_date(const char *s)
{
	static const char *months[] = { "january", "february", "march",
	    "april", "may", "june", "july", "august", "september", "october",
	    "november", "december" };
	static const char digits[] = "0123456789";
	const char *day, *mon, *year;
	char out[11];
	size_t nd, nm;
	int m, z;

	day = s + strspn(s, " ");
	if ((nd = strspn(day, digits)) < 1 || nd > 2 || day[nd] != ' ')
		return NULL;
	mon = day + nd + 1;
	nm = strspn(mon, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
	for (m = 0; m < 12; m++)
		if (nm >= 3 && nm <= strlen(months[m]) &&
		    strncasecmp(mon, months[m], nm) == 0)
			break;
	year = mon + nm + 1;
	if (m == 12 || mon[nm] != ' ' || strspn(year, digits) != 4 ||
	    year[4 + strspn(year + 4, " ")] != '\0')
		return NULL;
	snprintf(out, sizeof out, "%.4s-%02d-%s%.*s", year, m + 1,
	    nd == 1 ? "0" : "", (int)nd, day);
	return date_parse(out, &z) ? xstrdup(out) : NULL;
}

static void
linkedin(struct rec *r, struct row *h, struct row *row)
{
	const char *name[2], *on;
	struct buf b = { 0 };
	char *w, *date;

	name[0] = cell(h, row, "First Name");
	name[1] = cell(h, row, "Last Name");
	rec_name(r, name, 2, &b);
	rec_set(r, "name", b.s);
	free(b.s);
	rec_set(r, "email", cell(h, row, "Email Address"));
	rec_set(r, "org", cell(h, row, "Company"));
	rec_set(r, "title", cell(h, row, "Position"));
	rec_link(r, "linkedin", cell(h, row, "URL"));
	if ((on = cell(h, row, "Connected On")) == NULL)
		return;
	if ((date = linkedin_date(on)) != NULL) {
		rec_set(r, "met.date", date);
		rec_set(r, "met.where", "LinkedIn");
		free(date);
	} else {
		w = xasprintf("'Connected On' '%s' is not a date: left out",
		    on);
		strv_add(&r->warn, w);
		free(w);
	}
}

/* The values in one cell, cleaned: "a ::: b" (Google), "a; b" (CSV). */
static void
split(struct strv *l, const char *s, const char *sep)
{
	const char *p;
	char *one, *c;

	while (s && *s) {
		p = strstr(s, sep);
		one = xstrndup(s, p ? (size_t)(p - s) : strlen(s));
		c = rec_clean(one, 0);
		strv_add(l, c);
		free(one);
		free(c);
		s = p ? p + strlen(sep) : NULL;
	}
}

/*
 * The values of a list or mapping cell of nw's own CSV, as csv_text
 * writes them: separated by ';', with a '\' before a ';', '=' or '\'
 * that is part of a value.  Each value is cleaned, empty ones dropped.
 * A mapping's (map) are pairs split at the first '=' that is not part of
 * a value: key, value, ...; the key "" for an item with none.
 */
static void
unjoin(struct strv *l, const char *s, int map)
{
	struct buf b = { 0 }, key = { 0 };
	char *c, *k;
	int split = 0;

	buf_puts(&b, "");
	for (;; s++) {
		if (*s == '\\' && s[1]) {
			buf_add(&b, ++s, 1);
			continue;
		}
		if (map && *s == '=' && !split) {
			buf_puts(&key, b.s);
			b.len = 0;
			buf_puts(&b, "");
			split = 1;
			continue;
		}
		if (*s != ';' && *s != '\0') {
			buf_add(&b, s, 1);
			continue;
		}
		c = rec_clean(b.s, 0);
		k = rec_clean(split ? key.s : "", 0);
		if (*c && map) {
			strv_add(l, k);
			strv_add(l, c);
		} else if (*c)
			strv_add(l, c);
		free(c);
		free(k);
		b.len = key.len = 0;
		buf_puts(&b, "");
		split = 0;
		if (*s == '\0')
			break;
	}
	free(b.s);
	free(key.s);
}

/* Each value of a cell to key. */
static void
split_set(struct rec *r, const char *key, const char *s, const char *sep)
{
	struct strv l = { 0 };
	size_t i;

	split(&l, s, sep);
	for (i = 0; i < l.n; i++)
		rec_set(r, key, l.v[i]);
	strv_free(&l);
}

/* Lines of a formatted address joined with ", ". */
static char *
address_line(const char *s)
{
	struct buf b = { 0 };
	char *c = rec_clean(s, 1), *p;

	buf_puts(&b, "");
	for (p = c; *p; p++)
		if (*p == '\n')
			buf_puts(&b, b.len && b.s[b.len - 1] == ',' ? " " : ", ");
		else
			buf_add(&b, p, 1);
	free(c);
	return b.s;
}

static void
google_labels(struct rec *r, const char *s)
{
	struct strv l = { 0 };
	const char *g;
	size_t i;

	split(&l, s, ":::");
	for (i = 0; i < l.n; i++) {
		g = l.v[i];
		if (strncmp(g, "* ", 2) == 0)
			g += 2;
		if (!strcaseeq(g, "myContacts") && !strcaseeq(g, "My Contacts") &&
		    !strcaseeq(g, "starred"))
			rec_set(r, "tags", g);
	}
	strv_free(&l);
}

static void
google(struct rec *r, struct row *h, struct row *row)
{
	static const char *newname[] = { "Name Prefix", "First Name",
	    "Middle Name", "Last Name", "Name Suffix" };
	static const char *oldname[] = { "Name Prefix", "Given Name",
	    "Additional Name", "Family Name", "Name Suffix" };
	static const char *adr[] = { "Street", "City", "Region",
	    "Postal Code", "Country" };
	const char *parts[5], *v;
	struct buf b = { 0 };
	struct strv l = { 0 };
	char *a;
	size_t i, j;

	for (i = 0; i < 5; i++)
		parts[i] = cell(h, row, col(h, "First Name") >= 0 ?
		    newname[i] : oldname[i]);
	rec_name(r, parts, 5, &b);
	rec_set(r, "name", cell(h, row, "Name"));
	rec_set(r, "name", b.s);
	rec_set(r, "name", cell(h, row, "File As"));
	split_set(r, "aka", cell(h, row, "Nickname"), ":::");
	rec_set(r, "org", cell(h, row, "Organization Name"));
	rec_set(r, "org", cell(h, row, "Organization 1 - Name"));
	rec_set(r, "title", cell(h, row, "Organization Title"));
	rec_set(r, "title", cell(h, row, "Organization 1 - Title"));
	for (i = 0; i < h->n && i < row->n; i++) {
		v = *row->f[i] ? row->f[i] : NULL;
		if (has_suffix(h->f[i], "E-mail ", " - Value"))
			split_set(r, "email", v, ":::");
		else if (has_suffix(h->f[i], "Phone ", " - Value"))
			split_set(r, "phone", v, ":::");
		else if (has_suffix(h->f[i], "Website ", " - Value")) {
			split(&l, v, ":::");
			for (j = 0; j < l.n; j++)
				rec_link(r, NULL, l.v[j]);
			strv_free(&l);
		} else if (has_suffix(h->f[i], "Address ", " - Formatted") &&
		    v && draft_get(&r->d, "address") == NULL) {
			a = address_line(v);
			rec_set(r, "address", a);
			free(a);
		}
	}
	if (draft_get(&r->d, "address") == NULL) {
		free(b.s);
		b = (struct buf){ 0 };
		buf_puts(&b, "");
		for (i = 0; i < 5; i++) {
			a = xasprintf("Address 1 - %s", adr[i]);
			if ((v = cell(h, row, a)) != NULL)
				buf_printf(&b, "%s%s", b.len ? ", " : "", v);
			free(a);
		}
		rec_set(r, "address", b.s);
	}
	free(b.s);
	rec_bday(r, cell(h, row, "Birthday"), 0);
	rec_note(r, NULL, cell(h, row, "Notes"));
	google_labels(r, cell(h, row, "Labels"));
	google_labels(r, cell(h, row, "Group Membership"));
	rec_set(r, "name", draft_value(&r->d, "aka", 0));
	rec_set(r, "name", draft_get(&r->d, "org"));
	rec_set(r, "name", draft_value(&r->d, "email", 0));
	for (i = 0; i < 5; i++)
		parts[i] = cell(h, row, col(h, "First Name") >= 0 ?
		    newname[i] : oldname[i]);
	rec_parts(r, parts);
}

/*
 * A CSV of nw's own columns (nw-export -f csv), checked as a file would
 * be: a column is a key of nw(5) (met's parts their own), a list key's
 * values are "a; b", links "name=url; ...", a mapping "part=value; ...".
 */
static void
generic(struct rec *r, struct row *h, struct row *row, struct net *net)
{
	const struct column *c;
	struct strv l = { 0 };
	const char *v;
	char *part, why[256];
	size_t i, j;

	r->own = col(h, "added") >= 0;	/* an empty one: it had none */
	for (i = 0; i < h->n && i < row->n && r->err == NULL; i++) {
		v = *row->f[i] ? row->f[i] : NULL;
		if (v == NULL || (c = schema_column(h->f[i])) == NULL)
			continue;
		if (c->k->type == K_ID)	/* the id it asks for */
			rec_set(r, c->name, v);
		if (c->part == NULL)
			continue;
		switch (c->k->type) {
		case K_LINKS:
			unjoin(&l, v, 1);	/* keys as they are */
			for (j = 0; j + 1 < l.n; j += 2) {
				part = xasprintf("links.%s", l.v[j]);
				if (*l.v[j])
					rec_set(r, part, l.v[j + 1]);
				else
					rec_link(r, NULL, l.v[j + 1]);
				free(part);
			}
			strv_free(&l);
			break;
		case K_MAP:		/* "part=value; ..." */
		case K_DATES:
			unjoin(&l, v, 1);
			for (j = 0; j + 1 < l.n; j += 2)
				if (*l.v[j]) {
					part = xasprintf("%s.%s", c->part,
					    l.v[j]);
					rec_set(r, part, l.v[j + 1]);
					free(part);
				}
			strv_free(&l);
			break;
		case K_TEXT:
			rec_note(r, NULL, v);
			break;
		case K_LIST:
		case K_EMAIL:
			unjoin(&l, v, 0);
			for (j = 0; j < l.n; j++)
				rec_set(r, c->part, l.v[j]);
			strv_free(&l);
			break;
		default:
			rec_own(r, c->part, v);
		}
	}
	if (r->err == NULL && !draft_check(&r->d, net, why, sizeof why))
		r->err = xstrdup(why);
}

/* A CSV's columns that are none of nw's are said, not imported. */
static void
generic_check(struct recs *rs, struct row *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (schema_column(h->f[i]) == NULL)
			strv_add(&rs->ignored, h->f[i]);
}

/*
 * The records of a CSV file in format fmt (0: tell from the header).
 * The header may follow a preamble (LinkedIn's "Notes:").  Problems of
 * the whole file are a record with only an error.
 */
void
import_csv(const char *s, size_t len, int fmt, struct net *net,
    struct recs *rs)
{
	struct table t;
	struct row *h = NULL;
	struct rec *r;
	size_t i, first;
	int errline = 0, ok, f = 0;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, len -= 3;
	if (!utf8_valid(s, len, NULL)) {
		r = rec_new(rs, 0);
		r->err = xstrdup("not UTF-8 text (iconv(1) converts it)");
		return;
	}
	ok = csv_table(s, len, &t, &errline);
	for (i = 0; i < t.n && i < 10; i++)
		if ((f = header_format(&t.rows[i])) != 0 &&
		    (fmt == 0 || f == fmt || (fmt == IN_CSV &&
		    col(&t.rows[i], "name") >= 0)))
			break;
	if (i == t.n || i == 10) {
		r = rec_new(rs, t.n ? t.rows[0].line : 1);
		r->err = xstrdup(fmt == IN_LINKEDIN ? "no LinkedIn header "
		    "(First Name, Last Name, ...)" : fmt == IN_GOOGLE ?
		    "no Google Contacts header" : fmt == IN_CSV ?
		    "no header with a 'name' column" :
		    "not a format nw-import knows (vCard, LinkedIn, Google, "
		    "CSV with a 'name' column)");
		table_free(&t);
		return;
	}
	if (fmt)
		f = fmt;
	h = &t.rows[i];
	if (f == IN_CSV)
		generic_check(rs, h);
	for (first = i + 1, i = first; i < t.n; i++) {
		r = rec_new(rs, t.rows[i].line);
		if (f == IN_LINKEDIN)
			linkedin(r, h, &t.rows[i]);
		else if (f == IN_GOOGLE)
			google(r, h, &t.rows[i]);
		else
			generic(r, h, &t.rows[i], net);
		rec_done(r);
	}
	if (!ok) {
		r = rec_new(rs, errline);
		r->err = xstrdup("malformed CSV (a quote out of place); "
		    "the rest of the file is not read");
	}
	table_free(&t);
}


/* --- writing ------------------------------------------------------------- */

/* One field, quoted when it must be; CRLF after the last of a row. */
static void
csv_put(FILE *f, const char *s, int last)
{
	size_t n = s ? strlen(s) : 0;

	if (s && (strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' ||
	    s[n - 1] == ' ')))) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else if (s)
		fputs(s, f);
	fputs(last ? "\r\n" : ",", f);
}

/* s in a list or mapping cell: '\' before a ';', '=' or '\' of it. */
static void
csv_escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ';' || *s == '=' || *s == '\\')
			buf_puts(b, "\\");
		buf_add(b, s, 1);
	}
}

/*
 * A value as one field: a list "a; b", a mapping "k=v; ...", each key
 * and value escaped (csv_escaped) so that unjoin gives them back.
 */
static void
csv_text(struct buf *b, const struct value *v, int list)
{
	size_t i;

	if (v == NULL)
		return;
	if (v->type == V_STR && list)	/* one item of a list */
		csv_escaped(b, v->s);
	else if (v->type == V_STR)
		buf_puts(b, v->s);
	for (i = 0; v->type == V_LIST && i < v->n; i++)
		if (v->v[i].type == V_STR) {
			buf_puts(b, b->len ? "; " : "");
			csv_escaped(b, v->v[i].s);
		}
	for (i = 0; v->type == V_MAP && i + 1 < v->n; i += 2)
		if (v->v[i].type == V_STR && v->v[i + 1].type == V_STR) {
			buf_puts(b, b->len ? "; " : "");
			csv_escaped(b, v->v[i].s);
			buf_puts(b, "=");
			csv_escaped(b, v->v[i + 1].s);
		}
}

/* The header row: the schema's columns. */
void
csv_header(FILE *f)
{
	const struct column *c;
	size_t i, n;

	c = schema_columns(&n);
	for (i = 0; i < n; i++)
		csv_put(f, c[i].name, i + 1 == n);
}

/* A contact as a row of the schema's columns; c was loaded with C_KEYS. */
void
csv_contact(FILE *f, struct net *net, struct contact *c, int today)
{
	const struct column *col;
	struct buf b = { 0 };
	struct due d;
	char ds[11];
	size_t i, n;

	contact_due(net, c, today, &d);
	col = schema_columns(&n);
	for (i = 0; i < n; i++) {
		b.len = 0;
		buf_puts(&b, "");
		switch (col[i].k->type) {
		case K_ID:
			buf_puts(&b, c->id);
			break;
		case K_LAST:
			if (c->last != NODATE)
				buf_puts(&b, date_str(c->last, ds));
			break;
		case K_DUE:
			if (!d.never)
				buf_puts(&b, date_str(d.due, ds));
			break;
		case K_MET:
			if (strcmp(col[i].part, "met.where") == 0 &&
			    c->lib->met.where)
				buf_puts(&b, c->lib->met.where);
			else if (strcmp(col[i].part, "met.via") == 0 &&
			    c->lib->met.via)
				buf_puts(&b, c->lib->met.via);
			else if (strcmp(col[i].part, "met.date") == 0 &&
			    c->lib->met.date != NODATE)
				buf_puts(&b, date_str(c->lib->met.date, ds));
			break;
		default:
			csv_text(&b, contact_value(c, col[i].name),
			    col[i].k->type == K_LIST ||
			    col[i].k->type == K_EMAIL);
			while (col[i].k->type == K_TEXT && b.len > 0 &&
			    b.s[b.len - 1] == '\n')
				b.s[--b.len] = '\0';
		}
		csv_put(f, b.s, i + 1 == n);
	}
	free(b.s);
	due_free(&d);
}
