/* dot.c - the network as a Graphviz graph (nw-export -f dot) */

#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * People and communities are nodes: coloured by circle, wider the more
 * contact entries the last year holds, a double outline when overdue,
 * communities boxes.  Edges: who introduced whom (met.via), rel labelled
 * by its role, and membership of a community.  An edge is drawn only
 * between contacts of the graph, so that -c, -t and refs narrow it.
 */

static const char *palette[] = { "#d62728", "#ff7f0e", "#2ca02c",
    "#1f77b4", "#9467bd", "#8c564b", "#e377c2", "#17becf" };

/* s as a DOT string: quoted, its quotes and backslashes escaped. */
static void
dotstr(struct buf *b, const char *s)
{
	buf_puts(b, "\"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if (*s == '\n')
			buf_puts(b, "\\n");
		else if ((unsigned char)*s >= 0x20)
			buf_add(b, s, 1);
	}
	buf_puts(b, "\"");
}

static int
inlist(struct contact **v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i]->id, id) == 0)
			return 1;
	return 0;
}

/* Contact entries of the year up to today, from the months summed up. */
static int
year_entries(const struct contact *c, int today)
{
	int y, m, d, now, i, n = 0;

	if (c->last == NODATE)
		return 0;
	date_to_civil(today, &y, &m, &d);
	now = y * 12 + m - 1;
	for (i = 0; i < 12; i++)	/* months[11] is month_end */
		if (now - (c->lib->month_end - 11 + i) < 12 &&
		    c->lib->month_end - 11 + i <= now)
			n += c->lib->months[i];
	return n;
}

static void
node(struct buf *b, struct net *net, struct contact *c, int today)
{
	struct due d;
	size_t i;
	int n;

	buf_puts(b, "  ");
	dotstr(b, c->id);
	buf_puts(b, " [label=");
	dotstr(b, c->name ? c->name : c->id);
	if (c->type == T_COMMUNITY)
		buf_puts(b, ", shape=box");
	for (i = 0; c->circle && i < net->ncircles; i++)
		if (strcmp(net->circles[i].name, c->circle) == 0)
			buf_printf(b, ", style=filled, fillcolor=\"%s\"",
			    palette[i % (sizeof palette / sizeof *palette)]);
	n = year_entries(c, today);
	buf_printf(b, ", width=%.2f", 0.75 + 0.1 * (n > 20 ? 20 : n));
	contact_due(net, c, today, &d);
	if (!d.never && d.days > 0)
		buf_puts(b, ", peripheries=2");
	due_free(&d);
	buf_puts(b, "];\n");
}

static void
edge(struct buf *b, const char *from, const char *to, const char *attrs)
{
	buf_puts(b, "  ");
	dotstr(b, from);
	buf_puts(b, " -> ");
	dotstr(b, to);
	buf_printf(b, " [%s];\n", attrs);
}

/* The graph of the contacts v, into b. */
void
dot_graph(struct buf *b, struct net *net, struct contact **v, size_t n,
    int today)
{
	struct buf a = { 0 };
	size_t i, j;

	buf_puts(b, "digraph network {\n  graph [overlap=false];\n"
	    "  node [shape=ellipse, fontname=\"Helvetica\"];\n");
	for (i = 0; i < n; i++)
		node(b, net, v[i], today);
	for (i = 0; i < n; i++) {
		if (v[i]->lib->met.via && inlist(v, n, v[i]->lib->met.via))
			edge(b, v[i]->lib->met.via, v[i]->id,
			    "label=\"introduced\", style=dashed");
		for (j = 0; j + 1 < v[i]->rel.n; j += 2) {
			if (!inlist(v, n, v[i]->rel.v[j + 1]))
				continue;
			a.len = 0;
			buf_puts(&a, "label=");
			dotstr(&a, v[i]->rel.v[j]);
			edge(b, v[i]->id, v[i]->rel.v[j + 1], a.s);
		}
		for (j = 0; v[i]->type == T_COMMUNITY && j < n; j++)
			if (v[j]->type != T_COMMUNITY &&
			    contact_member(v[i], v[j]))
				edge(b, v[j]->id, v[i]->id,
				    "style=dotted, arrowhead=none");
	}
	buf_puts(b, "}\n");
	free(a.s);
}
