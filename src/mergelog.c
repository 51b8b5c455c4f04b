/* mergelog.c - a contact's log merged entry by entry, and its follow-up */

#include <stdlib.h>
#include <string.h>
#include "nw.h"
#include "nw_priv.h"
#include "merge.h"

/* --- the log --------------------------------------------------------- */

void
merge_items(struct ynode *seq, struct list *l)
{
	size_t i;

	l->n = seq && seq->type == YSEQ ? seq->nkid : 0;
	l->v = xcalloc(l->n, sizeof *l->v);
	for (i = 0; i < l->n; i++)
		l->v[i] = ynode_deref(seq->kid[i]);
}

/* A hash that equal nodes (ynode_equal) share. */
static unsigned long
node_hash(struct ynode *n)
{
	unsigned long h = 5381;
	const char *s;
	size_t i;

	n = ynode_deref(n);
	h = h * 33 + n->type;
	for (s = n->tag ? n->tag : ""; *s; s++)
		h = h * 33 + (unsigned char)*s;
	if (n->type == YSCALAR) {
		for (i = 0; i < n->len; i++)
			h = h * 33 + (unsigned char)n->str[i];
		return h * 33 + (n->plain && yaml_typed(n->str));
	}
	for (i = 0; i < n->nkid; i++)
		h = h * 33 + node_hash(n->kid[i]);
	return h;
}

struct ent {
	unsigned long	 h;
	struct ynode	*n;
	size_t		*cls;	/* where its class goes */
};

static int
entcmp(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	return x->h < y->h ? -1 : x->h > y->h;
}

/*
 * Number the entries of the three logs by class: equal entries
 * (ynode_equal) share one.  Sorted by hash, only entries of one hash are
 * compared, each with the first of each class: n log n for a long log.
 */
static size_t
classify(struct list *l, size_t **cls)
{
	struct ent *a;
	size_t i, j, k, m, n = 0, ncls = 0, nrep, *rep;

	for (i = 0; i < 3; i++)
		n += l[i].n;
	a = xcalloc(n, sizeof *a);
	rep = xcalloc(n, sizeof *rep);
	for (i = n = 0; i < 3; i++) {
		cls[i] = xcalloc(l[i].n, sizeof *cls[i]);
		for (j = 0; j < l[i].n; j++, n++) {
			a[n].n = l[i].v[j];
			a[n].h = node_hash(l[i].v[j]);
			a[n].cls = &cls[i][j];
		}
	}
	qsort(a, n, sizeof *a, entcmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && a[j].h == a[i].h; j++)
			;
		for (k = i, nrep = 0; k < j; k++) {
			for (m = 0; m < nrep; m++)
				if (ynode_equal(a[rep[m]].n, a[k].n))
					break;
			if (m < nrep) {
				*a[k].cls = *a[rep[m]].cls;
			} else {
				rep[nrep++] = k;
				*a[k].cls = ncls++;
			}
		}
	}
	free(a);
	free(rep);
	return ncls;
}

/*
 * How many copies of one entry the merge keeps: a side that changed the
 * count wins; when both did, the larger count (nothing logged is lost).
 */
static size_t
merged(size_t b, size_t o, size_t t)
{
	if (o == t || b == t)
		return o;
	if (b == o)
		return t;
	return o > t ? o : t;
}

static int
entry_date(struct ynode *n)
{
	const char *s;
	int d;

	if (n->type != YMAP || (s = ynode_str(ymap_get(n, "date"))) == NULL ||
	    !date_parse(s, &d))
		return NODATE;
	return d;
}

/* Where an entry dated d goes: after the last entry not later. */
static size_t
entry_pos(struct ynode **v, size_t n, int d)
{
	size_t p = n;
	int pd;

	if (d == NODATE)
		return n;
	while (p > 0 && (pd = entry_date(v[p - 1])) != NODATE && pd > d)
		p--;
	return p;
}

/* A node as YAML text on one line, fit for a flow collection; 0, or -1. */
int
merge_flow(struct ydoc *d, struct ynode *n, struct buf *b)
{
	size_t i;
	char *q;

	buf_add(b, "", 0);	/* an empty plain scalar is "", never NULL */
	if (n->type == YALIAS || n->anchor || n->tag)
		return -1;
	if ((n->flow || (n->type == YSCALAR && !ynode_block(n) &&
	    (!n->plain || !strpbrk(n->str, ",[]{}")))) &&
	    n->end > n->start &&
	    memchr(d->text + n->start, '\n', n->end - n->start) == NULL) {
		buf_add(b, d->text + n->start, n->end - n->start);
		return 0;
	}
	if (n->type == YSCALAR) {
		if (n->plain && n->len == 0)
			return 0;
		q = yaml_quote(n->str, Q_FLOW | (n->plain ? 0 : Q_STR));
		buf_puts(b, q);
		free(q);
		return 0;
	}
	buf_puts(b, n->type == YSEQ ? "[" : "{");
	for (i = 0; i < n->nkid; i++) {
		if (i)
			buf_puts(b, n->type == YMAP && i % 2 ? ": " : ", ");
		if (merge_flow(d, n->kid[i], b) == -1)
			return -1;
	}
	buf_puts(b, n->type == YSEQ ? "]" : "}");
	return 0;
}

static struct ynode *
cur_log(struct edit *e)
{
	struct ynode *k, *v;

	ymap_pair(e->doc->root, "log", &k, &v);
	return v;
}

/*
 * Drop block item it: its whole lines, joined to the cut before when that
 * ends where they start, so that no two cuts meet.  At a bare end of file
 * the line break before goes instead of after; that break ends a line no
 * cut takes (a kept item's, a comment's or the key's), else the cuts
 * would have been joined.
 */
static int
drop_item(struct edit *e, struct ynode *it, struct cut *c, size_t *nc)
{
	size_t start, end, ind;

	if (!text_dash(e->text, e->len, it->start, &start, &ind))
		return -1;
	if (*nc > 0 && c[*nc - 1].text == NULL && c[*nc - 1].end == start)
		start = c[--*nc].start;
	edit_lines(e, start, it->end, &start, &end);
	c[*nc].start = start;
	c[*nc].end = end;
	c[*nc].text = NULL;
	c[*nc].seq = *nc;
	(*nc)++;
	return 0;
}

/*
 * The cuts that drop ours's items marked in drop and put in the added
 * entries, each before the kept item of ours it goes before (kept[j] for
 * entry j, ours's count for the end).  Block items go in on lines of
 * their own after the item before; flow items with their commas.  Cuts
 * that meet are joined, and an added entry goes at the end of a dropped
 * run, never inside it: cut_apply gets ranges that do not overlap.
 * -1 when an item is not alone on its lines.
 */
static int
log_cuts(struct edit *e, char *drop, struct buf *txt, size_t *kept,
    size_t nadd, struct cut *c, size_t *nc)
{
	struct ynode *v = cur_log(e), **kid;
	size_t i, j, n, last = 0, ls, ind, at;
	struct buf b;
	int any = 0;
	char *line;

	if (v == NULL || v->type != YSEQ || v->nkid == 0)
		return -1;
	kid = v->kid, n = v->nkid;
	for (i = 0; i < n; i++)
		if (!drop[i])
			last = i, any = 1;
	if (!v->flow && !text_dash(e->text, e->len, kid[0]->start, &ls, &ind))
		return -1;
	for (i = 0; i < n; i = j) {
		for (j = i + 1; drop[i] && j < n && drop[j]; j++)
			;
		if (!drop[i])
			continue;
		if (!v->flow) {
			for (; i < j; i++)
				if (drop_item(e, kid[i], c, nc) == -1)
					return -1;
			continue;
		}
		c[*nc].seq = *nc;
		c[*nc].text = NULL;
		if (j < n) {
			/* the run up to the next kept item, commas and all */
			c[*nc].start = kid[i]->start;
			c[*nc].end = kid[j]->start;
		} else {
			/* the dropped tail, from the end of the last kept */
			c[*nc].start = any ? kid[last]->end : kid[i]->start;
			c[*nc].end = kid[n - 1]->end;
		}
		(*nc)++;
	}
	for (i = 0; i < nadd; i++) {
		b = (struct buf){ 0 };
		if (v->flow) {
			at = kept[i] < n ? kid[kept[i]]->start :
			    kid[n - 1]->end;
			buf_printf(&b, kept[i] < n ? "%s, " : ", %s",
			    txt[i].s);
		} else {
			at = kept[i] == 0 ? ls :
			    text_line_after(e->text, e->len, kid[kept[i] - 1]->end);
			line = xasprintf("-%s%s", *txt[i].s ? " " : "",
			    txt[i].s);
			edit_addline(&b, e, at == e->len &&
			    e->text[e->len - 1] != '\n', ind, line);
			free(line);
		}
		c[*nc].start = c[*nc].end = at;
		c[*nc].seq = *nc;
		c[(*nc)++].text = b.s;
	}
	return 0;
}

/*
 * The log, entry by entry: an entry is its data (date, kind, note and
 * whatever else it holds).  Entries ours dropped stay dropped; entries
 * theirs dropped go; entries theirs added go in at their date, after
 * every entry of ours of the same date: the order of a day's entries is
 * the order they were logged (nw(5)), which says whether an ask was
 * answered.  The
 * planned list is built alongside, to check the text against.  All
 * edits are made in one pass: a long log costs one parse, not one an
 * entry.
 */
int
merge_log(struct plan *p)
{
	struct list l[3], lo, lt;
	struct buf *txt;
	struct cut *c;
	size_t i, j, k, pos, n, ncls, nadd = 0, nkept = 0, nc = 0;
	size_t *cls[3], *cnt[3], *keep, *src, *kept;
	char *drop, *add, *s;
	int rv = 0;

	merge_items(merge_value(p->base, "log"), &l[0]);
	merge_items(merge_value(p->ours, "log"), &l[1]);
	merge_items(merge_value(p->theirs, "log"), &l[2]);
	lo = l[1], lt = l[2];
	ncls = classify(l, cls);
	for (i = 0; i < 3; i++) {
		cnt[i] = xcalloc(ncls, sizeof *cnt[i]);
		for (j = 0; j < l[i].n; j++)
			cnt[i][cls[i][j]]++;
	}
	keep = xcalloc(ncls, sizeof *keep);
	for (k = 0; k < ncls; k++)
		keep[k] = merged(cnt[0][k], cnt[1][k], cnt[2][k]);
	/* ours's surplus copies go from the end; theirs's new ones too */
	drop = xcalloc(lo.n, 1);
	add = xcalloc(lt.n, 1);
	for (i = lo.n; i-- > 0;) {
		k = cls[1][i];
		if (cnt[1][k] > keep[k]) {
			drop[i] = 1;
			cnt[1][k]--;
		} else
			nkept++;
	}
	for (i = lt.n; i-- > 0;) {
		k = cls[2][i];
		if (keep[k] > cnt[1][k]) {
			add[i] = 1;
			cnt[1][k]++;
			nadd++;
		}
	}

	/* the plan: ours's kept entries, theirs's added ones at their date */
	p->log = xcalloc(lo.n + lt.n, sizeof *p->log);
	src = xcalloc(lo.n + lt.n, sizeof *src);	/* ours's index + 1 */
	for (i = 0; i < lo.n; i++)
		if (!drop[i]) {
			src[p->nlog] = i + 1;
			p->log[p->nlog++] = lo.v[i];
		}
	for (i = 0; i < lt.n; i++) {
		if (!add[i])
			continue;
		pos = entry_pos(p->log, p->nlog, entry_date(lt.v[i]));
		memmove(p->log + pos + 1, p->log + pos,
		    (p->nlog - pos) * sizeof *p->log);
		memmove(src + pos + 1, src + pos, (p->nlog - pos) * sizeof *src);
		p->log[pos] = lt.v[i];
		src[pos] = 0;
		p->nlog++;
	}

	/* each added entry as flow text, and the kept item it goes before */
	txt = xcalloc(nadd, sizeof *txt);
	kept = xcalloc(nadd, sizeof *kept);
	for (i = j = 0; rv == 0 && i < p->nlog; i++) {
		if (src[i])
			continue;
		rv = merge_flow(p->theirs, p->log[i], &txt[j]);
		for (k = i + 1; k < p->nlog && !src[k]; k++)
			;
		kept[j++] = k < p->nlog ? src[k] - 1 : lo.n;
	}

	if (rv == -1 || (nadd == 0 && nkept == lo.n))
		;
	else if (ymap_key(p->ours->root, "log") == NULL && nadd == lt.n) {
		/* a log that ours has not, all theirs: as theirs wrote it */
		rv = merge_take(p, "log");
	} else {
		/* with nothing of ours kept, the editor appends to what is left */
		c = xcalloc(nadd + lo.n, sizeof *c);
		if (lo.n > 0)
			rv = log_cuts(p->e, drop, txt, kept, nkept ? nadd : 0,
			    c, &nc);
		if (rv == 0 && nc) {
			s = text_cuts(p->e->text, p->e->len, c, nc, &n);
			rv = s == NULL ? -1 : edit_retext(p->e, s, n);
		}
		for (i = 0; i < nc; i++)
			free(c[i].text);
		free(c);
		for (i = 0; rv == 0 && nkept == 0 && i < nadd; i++)
			rv = edit_append(p->e, "log", txt[i].s, 1);
	}
	for (i = 0; i < nadd; i++)
		free(txt[i].s);
	free(txt), free(kept), free(src);
	free(drop), free(add), free(keep);
	for (i = 0; i < 3; i++)
		free(l[i].v), free(cls[i]), free(cnt[i]);
	return rv == 0 ? 0 : merge_fail(p->m,
	    "'log': cannot merge the entries%s%s",
	    p->e->err[0] ? ": " : "", p->e->err);
}

/* --- the follow-up ---------------------------------------------------- */

/* An entry that counts as contact: one whose kind is not note. */
static int
contact_entry(struct ynode *n)
{
	const char *k;

	k = n->type == YMAP ? ynode_str(ymap_get(n, "kind")) : NULL;
	return n->type == YMAP && (schema_kind(k) & KIND_CONTACT);
}

/* The date of the newest contact entry of a log; NODATE with none. */
static int
newest_contact(struct list *l)
{
	size_t i;
	int d, max = NODATE;

	for (i = 0; i < l->n; i++)
		if (contact_entry(l->v[i]) && (d = entry_date(l->v[i])) > max)
			max = d;
	return max;
}

/* Has a side next or next-note? */
static int
has_followup(struct ydoc *d)
{
	return !ynode_isnull(merge_value(d, "next")) ||
	    !ynode_isnull(merge_value(d, "next-note"));
}

/*
 * Did side x (1 ours, 2 theirs) clear the follow-up by logging, and the
 * other side y set or change it?  Then x's clearing stands when one of
 * the entries x added ends y's follow-up by the follow-up rule
 * (contact_followup_ends, as nw-log would have decided had x's entries
 * come after y's change): a promise (y's has a next-note) only when it
 * is base's, which x, logging, said was done (nw-log -D), y only moved;
 * a bare next, by an entry that counts as contact dated on or after the
 * newest contact entry of y's log.  Else y's follow-up stays.  The act
 * for next and next-note both; -1 when this is not the case.
 */
static int
follow_act(struct plan *p, struct list *l, size_t **cls, size_t **cnt,
    int x)
{
	struct ydoc *side[3] = { p->base, p->ours, p->theirs };
	struct logent le;
	struct ynode *e;
	int y = 3 - x, newest, promise, done;
	size_t i;

	if (!has_followup(p->base) || has_followup(side[x]) ||
	    ynode_isnull(merge_value(side[y], "next")) ||
	    (merge_same(merge_value(p->base, "next"), merge_value(side[y], "next")) &&
	    merge_same(merge_value(p->base, "next-note"), merge_value(side[y], "next-note"))))
		return -1;
	newest = newest_contact(&l[y]);
	promise = !ynode_isnull(merge_value(side[y], "next-note"));
	for (i = 0; i < l[x].n; i++)
		if (cnt[x][cls[x][i]] > cnt[0][cls[x][i]])
			break;
	if (i == l[x].n)
		return -1;	/* x logged nothing: cleared by hand */
	/* base's promise, y only moved it: x's contact ended it (-D) */
	done = promise && merge_same(merge_value(p->base, "next-note"),
	    merge_value(side[y], "next-note"));
	for (i = 0; i < l[x].n; i++) {
		e = l[x].v[i];
		if (cnt[x][cls[x][i]] <= cnt[0][cls[x][i]] || e->type != YMAP ||
		    (le.date = entry_date(e)) == NODATE)
			continue;
		le.kind = (char *)ynode_str(ymap_get(e, "kind"));
		le.note = NULL;
		if (contact_followup_ends(promise, &le, newest) || (done &&
		    (schema_kind(le.kind) & KIND_CONTACT)))
			return x == 1 ? KEEP : TAKE;
	}
	return y == 1 ? KEEP : TAKE;
}

/* The act for next and next-note when one side's log cleared them. */
int
merge_followup(struct plan *p)
{
	struct list l[3];
	size_t i, j, ncls, *cls[3], *cnt[3];
	int act;

	merge_items(merge_value(p->base, "log"), &l[0]);
	merge_items(merge_value(p->ours, "log"), &l[1]);
	merge_items(merge_value(p->theirs, "log"), &l[2]);
	ncls = classify(l, cls);
	for (i = 0; i < 3; i++) {
		cnt[i] = xcalloc(ncls, sizeof *cnt[i]);
		for (j = 0; j < l[i].n; j++)
			cnt[i][cls[i][j]]++;
	}
	if ((act = follow_act(p, l, cls, cnt, 1)) == -1)
		act = follow_act(p, l, cls, cnt, 2);
	for (i = 0; i < 3; i++)
		free(l[i].v), free(cls[i]), free(cnt[i]);
	return act;
}
