/* check.c - what is wrong with a contact, said where it is */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * Findings at a place in the file wait in ck->found until the file is
 * done, then go out in the file's order: the checks of one key and those
 * across contacts interleave as the reader expects.
 */
static void
vplace(struct check *ck, const char *path, int line, int col, int error,
    const char *fmt, va_list ap)
{
	struct buf b = { 0 };

	if (error)
		ck->nerr++;
	else
		ck->nwarn++;
	if ((ck->quiet && !error) || ck->out == NULL)
		return;
	buf_printf(&b, "%08d %08d ", line, col);	/* the sort key */
	report_buf(&b, path, line, col, error ? "error" : "warning", fmt, ap);
	if (line > 0)
		strv_add(&ck->found, b.s);
	else
		fprintf(ck->out, "%s\n", b.s + 18);
	free(b.s);
}

static void
place(struct check *ck, const char *path, int line, int col, int error,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vplace(ck, path, line, col, error, fmt, ap);
	va_end(ap);
}

static void
vsay(struct check *ck, const char *path, struct ynode *n, int error,
    const char *fmt, va_list ap)
{
	vplace(ck, path, n ? n->line : 0, n ? n->col : 0, error, fmt, ap);
}

static int
byplace(const void *a, const void *b)
{
	return strncmp(*(char *const *)a, *(char *const *)b, 18);
}

static void
flush(struct check *ck)
{
	size_t i, j;
	char *x;

	/* a stable sort: findings at one place keep the order they came */
	for (i = 1; i < ck->found.n; i++) {
		x = ck->found.v[i];
		for (j = i; j > 0 && byplace(&ck->found.v[j - 1], &x) > 0; j--)
			ck->found.v[j] = ck->found.v[j - 1];
		ck->found.v[j] = x;
	}
	for (i = 0; i < ck->found.n; i++)
		fprintf(ck->out, "%s\n", ck->found.v[i] + 18);
	strv_free(&ck->found);
}

static void
say(struct check *ck, struct ynode *n, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(ck, ck->path, n, error, fmt, ap);
	va_end(ap);
}

/* A finding about a file that is not a contact's text. */
void
check_path(struct check *ck, const char *path, int error, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(ck, path, NULL, error, fmt, ap);
	va_end(ap);
}

/* A finding about contact id as a whole, not a place in it. */
void
check_note(struct check *ck, const char *id, int error, const char *fmt, ...)
{
	va_list ap;
	char *path = net_path(ck->net, id);

	va_start(ap, fmt);
	vsay(ck, path, NULL, error, fmt, ap);
	va_end(ap);
	free(path);
}

static void
finding(struct finding *f, struct ynode *n, int error, const char *fmt, ...)
{
	struct check *ck = f->arg;
	va_list ap;

	va_start(ap, fmt);
	vsay(ck, ck->path, n, error, fmt, ap);
	va_end(ap);
}

/* What is wrong across contacts: a name or an email twice. */
static void
across(struct check *ck, const struct key *k, struct ynode *v)
{
	struct contact **all;
	struct ynode *it;
	size_t na, i, j, m;

	v = ynode_deref(v);
	if (k->type != K_NAME && k->type != K_EMAIL)
		return;
	all = refs_all(&ck->refs, &na);
	for (m = 0; m < (v->type == YSEQ ? v->nkid : 1); m++) {
		it = v->type == YSEQ ? ynode_deref(v->kid[m]) : v;
		if (it->type != YSCALAR || ynode_isnull(it))
			continue;
		for (i = 0; i < na; i++) {
			if (strcmp(all[i]->id, ck->id) == 0)
				continue;
			if (k->type == K_NAME && all[i]->name &&
			    strcaseeq(all[i]->name, it->str)) {
				say(ck, it, 0, "name '%s' is also on %s",
				    it->str, all[i]->id);
				return;
			}
			for (j = 0; k->type == K_EMAIL && j < all[i]->email.n;
			    j++)
				if (strcaseeq(all[i]->email.v[j], it->str))
					break;
			if (k->type == K_EMAIL && j < all[i]->email.n) {
				say(ck, it, 1, "email '%s' is also on %s",
				    it->str, all[i]->id);
				break;
			}
		}
	}
}

/*
 * Check one contact's text; path is how findings name it, id which
 * contact it is (to tell it from the others).  Returns the errors found.
 */
int
check_text(struct check *ck, const char *path, const char *id,
    const char *text, size_t len)
{
	struct ydoc *d = ydoc_parse(text, len);
	struct finding f = { ck->net, finding, ck };
	const struct key *k;
	struct ynode *r, *kn;
	int before = ck->nerr;
	size_t i;

	ck->path = path;
	ck->id = id;
	if ((r = d->root) == NULL) {
		if (d->err[0])
			place(ck, path, d->line, d->col, 1, "%s", d->err);
		else
			place(ck, path, 0, 0, 1, "empty file: a contact needs "
			    "a name");
	} else if ((r = ynode_deref(r))->type != YMAP) {
		say(ck, r, 1, "the root is not a mapping");
	} else {
		if (ymap_get(r, "name") == NULL)
			say(ck, r, 1, "no 'name'");
		for (i = 0; i + 1 < r->nkid; i += 2) {
			kn = ynode_deref(r->kid[i]);
			if (kn->type != YSCALAR ||
			    (k = schema_key(kn->str)) == NULL)
				continue;
			schema_check(&f, k, r->kid[i + 1]);
			across(ck, k, r->kid[i + 1]);
		}
	}
	flush(ck);
	ydoc_free(d);
	return ck->nerr - before;
}

/* Check a contact's file; the errors found. */
int
check_file(struct check *ck, const char *id)
{
	struct ydoc *d;
	char *path = net_path(ck->net, id);
	int n;

	d = ydoc_read(path);
	if (d->text == NULL) {
		place(ck, path, 0, 0, 1, "%s", d->err);
		n = 1;
	} else
		n = check_text(ck, path, id, d->text, d->len);
	ydoc_free(d);
	free(path);
	return n;
}
