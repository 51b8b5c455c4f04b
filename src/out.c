/* out.c - rows as TSV, an aligned table or JSON Lines */

#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

int out_mode = OUT_TSV;
static int colour;

struct row {
	char	**v;
	char	 *colour;
};
static struct row *rows;
static struct row head;		/* the column names, for the header */
static size_t nrows, ncols;
static char coltypes[16];

/* JSON when asked, a table on a terminal, else tab-separated values. */
void
out_init(int json)
{
	const char *t = getenv("TERM"), *nc = getenv("NO_COLOR");

	if (json)
		out_mode = OUT_JSON;
	else if (isatty(1))
		out_mode = OUT_TABLE;
	/* NO_COLOR set but empty leaves colour on (no-color.org) */
	colour = out_mode == OUT_TABLE && (nc == NULL || *nc == '\0') &&
	    !(t && strcmp(t, "dumb") == 0);
}

/* Is colour on (a terminal, NO_COLOR unset or empty, not TERM=dumb)? */
int
out_colour(void)
{
	return colour;
}

/*
 * A field as text_add makes it for how, into b; the first, when it is the
 * id, as nw prints ids (./-name).
 */
static void
field_add(struct buf *b, const char *name, const char *s, int first,
    int how)
{
	if (s == NULL)
		s = "";
	buf_puts(b, first && strcmp(name, "id") == 0 ? id_shown(s) : "");
	text_add(b, s, strlen(s), how);
}

static char *
field(const char *name, const char *s, int first, int how)
{
	struct buf b = { 0 };

	field_add(&b, name, s, first, how);
	return b.s;
}

/* A column's name for the header of a table: ID, DUE, NAME. */
static char *
upper(const char *s)
{
	char *u = xstrdup(s), *p;

	for (p = u; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p -= 'a' - 'A';
	return u;
}

/*
 * One record of n fields.  types has one letter a field: 's' a string, 'n'
 * a number (bare in JSON).  colour is an SGR code for the table, or NULL.
 */
void
out_row(int n, const char *const *names, const char *const *vals,
    const char *types, const char *col)
{
	static struct buf line;
	struct jw w = { stdout, 0, { 0 }, { 0 } };
	struct row *r;
	int i;

	switch (out_mode) {
	case OUT_TSV:
		line.len = 0;		/* one buffer for every line */
		for (i = 0; i < n; i++) {
			if (i)
				buf_add(&line, "\t", 1);
			field_add(&line, names[i], vals[i], i == 0, TX_TSV);
		}
		buf_add(&line, "\n", 1);
		fwrite(line.s, 1, line.len, stdout);
		break;
	case OUT_JSON:
		jw_open(&w, NULL, '{');
		for (i = 0; i < n; i++)
			if (types[i] == 'n' && vals[i])
				jw_raw(&w, names[i], vals[i]);
			else
				jw_str(&w, names[i], vals[i]);
		jw_close(&w);
		break;
	default:
		if ((nrows & (nrows - 1)) == 0)
			rows = xrealloc(rows, (nrows ? 2 * nrows : 1) *
			    sizeof *rows);
		r = &rows[nrows++];
		r->v = xcalloc(n, sizeof *r->v);
		for (i = 0; i < n; i++)
			r->v[i] = field(names[i], vals[i], i == 0, TX_TERM);
		r->colour = colour && col ? xstrdup(col) : NULL;
		if (head.v == NULL) {
			head.v = xcalloc(n, sizeof *head.v);
			for (i = 0; i < n; i++)
				head.v[i] = upper(names[i]);
			head.colour = colour ? xstrdup("2") : NULL;
		}
		ncols = n;
		snprintf(coltypes, sizeof coltypes, "%s", types);
	}
}

/* One line of the table; its fields are freed. */
static void
table_line(struct row *r, size_t *w)
{
	size_t j, cw;

	if (r->colour)
		printf("\033[%sm", r->colour);
	for (j = 0; j < ncols; j++) {
		cw = utf8_width(r->v[j]);
		if (j + 1 == ncols)
			fputs(r->v[j], stdout);
		else if (j < sizeof coltypes && coltypes[j] == 'n')
			printf("%*s%s  ", (int)(w[j] - cw), "", r->v[j]);
		else
			printf("%s%*s  ", r->v[j], (int)(w[j] - cw), "");
		free(r->v[j]);
	}
	if (r->colour)
		fputs("\033[0m", stdout);
	putchar('\n');
	free(r->v);
	free(r->colour);
	r->v = NULL;
	r->colour = NULL;
}

/*
 * The table, once every row is known: a header of the column names
 * (dimmed), then the rows, columns aligned, numbers right.
 */
void
out_flush(void)
{
	size_t *w, i, j, cw;

	if (out_mode != OUT_TABLE || nrows == 0)
		return;
	w = xcalloc(ncols, sizeof *w);
	for (j = 0; j < ncols; j++)
		w[j] = utf8_width(head.v[j]);
	for (i = 0; i < nrows; i++)
		for (j = 0; j < ncols; j++)
			if ((cw = utf8_width(rows[i].v[j])) > w[j])
				w[j] = cw;
	table_line(&head, w);
	for (i = 0; i < nrows; i++)
		table_line(&rows[i], w);
	free(w);
	free(rows);
	rows = NULL;
	nrows = 0;
}

/* A full disk must not look like success. */
int
out_close(void)
{
	out_flush();
	if (fflush(stdout) == EOF)
		warn("stdout");
	else if (ferror(stdout) && out_errno) {
		errno = out_errno;
		warn("stdout");
	} else if (ferror(stdout))
		warnx("stdout: a write failed");
	else
		return 0;
	return 1;
}

/*
 * A value as text for a person: a scalar as it is, a list joined by
 * commas, a mapping one "key: value" a line; deeper collections in flow
 * style.
 */
void
value_text(struct buf *b, const struct value *v, int depth)
{
	size_t i;

	if (v == NULL || v->type == V_NULL)
		return;
	if (v->type == V_STR) {
		buf_puts(b, v->s);
		return;
	}
	if (depth)
		buf_puts(b, v->type == V_MAP ? "{" : "[");
	for (i = 0; i < v->n; i++) {
		if (v->type == V_MAP && i % 2)
			buf_puts(b, ": ");
		else if (i)
			buf_puts(b, v->type == V_MAP && depth == 0 ? "\n" :
			    ", ");
		value_text(b, &v->v[i], depth + 1);
	}
	if (depth)
		buf_puts(b, v->type == V_MAP ? "}" : "]");
}

/* A TSV line: the section, then the fields. */
void
out_tsv(const char *section, int n, ...)
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

/* A line of text: indent blanks, a label in 9 columns, the text safe. */
void
out_label(int indent, const char *label, const char *text)
{
	printf("%*s%-9s ", indent, "", label);
	text_put(stdout, text, TX_TERM);
	putchar('\n');
}
