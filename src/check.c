/* check.c - what is wrong with a contact, said where it is */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

static void
say(struct check *ck, struct ynode *n, int error, const char *fmt, ...)
{
	va_list ap;

	if (error)
		ck->nerr++;
	else
		ck->nwarn++;
	if (ck->quiet && !error)
		return;
	if (n)
		fprintf(ck->out, "%s:%d:%d: ", ck->path, n->line, n->col);
	else
		fprintf(ck->out, "%s: ", ck->path);
	fprintf(ck->out, "%s: ", error ? "error" : "warning");
	va_start(ap, fmt);
	vfprintf(ck->out, fmt, ap);
	va_end(ap);
	fputc('\n', ck->out);
}

static const char *
kindname(struct ynode *n)
{
	n = ynode_deref(n);
	return n->type == YMAP ? "a mapping" : n->type == YSEQ ? "a list" :
	    "a string";
}

static int
isstr(struct check *ck, struct ynode *n, const char *key)
{
	n = ynode_deref(n);
	if (n->type == YSCALAR)
		return 1;
	say(ck, n, 1, "'%s' must be a string, not %s", key, kindname(n));
	return 0;
}

static void
date(struct check *ck, struct ynode *n, const char *key)
{
	int z;

	n = ynode_deref(n);
	if (ynode_isnull(n) && strcmp(key, "log date") != 0)
		return;
	if (n->type != YSCALAR || !date_parse(n->str, &z))
		say(ck, n, 1, "%s '%s' is not a date (YYYY-MM-DD)", key,
		    n->type == YSCALAR ? n->str : "");
}

/* A string or a list of strings; each item handed to fn. */
static void
strings(struct check *ck, struct ynode *n, const char *key,
    void (*fn)(struct check *, struct ynode *))
{
	size_t i;

	n = ynode_deref(n);
	if (ynode_isnull(n))
		return;
	if (n->type == YMAP) {
		say(ck, n, 1, "'%s' must be a string or a list of strings",
		    key);
		return;
	}
	if (n->type == YSCALAR) {
		if (fn)
			fn(ck, n);
		return;
	}
	for (i = 0; i < n->nkid; i++)
		if (isstr(ck, n->kid[i], key) && fn)
			fn(ck, ynode_deref(n->kid[i]));
}

static void
email(struct check *ck, struct ynode *n)
{
	struct contact **all;
	size_t na, i, j;

	if (!email_plausible(n->str))
		say(ck, n, 0, "'%s' does not look like an email address",
		    n->str);
	all = refs_all(&ck->refs, &na);
	for (i = 0; i < na; i++) {
		if (strcmp(all[i]->id, ck->id) == 0)
			continue;
		for (j = 0; j < all[i]->nemail; j++)
			if (strcaseeq(all[i]->email[j], n->str)) {
				say(ck, n, 1, "email '%s' is also on %s",
				    n->str, all[i]->id);
				return;
			}
	}
}

static void
name(struct check *ck, struct ynode *n)
{
	struct contact **all;
	size_t na, i;

	/* as contact_load reads it: a NUL would cut the name short */
	n = ynode_deref(n);
	if (n->type != YSCALAR || n->len == 0 || ynode_isnull(n) ||
	    strlen(n->str) != n->len) {
		say(ck, n, 1, "'name' must be a non-empty string");
		return;
	}
	all = refs_all(&ck->refs, &na);
	for (i = 0; i < na; i++)
		if (strcmp(all[i]->id, ck->id) != 0 &&
		    strcaseeq(all[i]->name, n->str)) {
			say(ck, n, 0, "name '%s' is also on %s", n->str,
			    all[i]->id);
			return;
		}
}

static void
via(struct check *ck, struct ynode *n)
{
	char *path;

	n = ynode_deref(n);
	if (!isstr(ck, n, "via") || ynode_isnull(n))
		return;
	path = net_path(ck->net, n->str);
	if (!id_valid(n->str) || access(path, F_OK) == -1)
		say(ck, n, 1, "via '%s' names no contact", n->str);
	free(path);
}

static void
met(struct check *ck, struct ynode *n)
{
	struct ynode *k, *v;
	size_t i;

	n = ynode_deref(n);
	if (n->type == YSCALAR)
		return;
	if (n->type != YMAP) {
		say(ck, n, 1, "'met' must be a string or a mapping");
		return;
	}
	for (i = 0; i + 1 < n->nkid; i += 2) {
		k = ynode_deref(n->kid[i]), v = n->kid[i + 1];
		if (k->type != YSCALAR)
			continue;
		if (strcmp(k->str, "date") == 0)
			date(ck, v, "met date");
		else if (strcmp(k->str, "via") == 0)
			via(ck, v);
		else
			isstr(ck, v, k->str);
	}
}

static void
logentries(struct check *ck, struct ynode *n)
{
	struct ynode *e, *k;
	size_t i, j;

	n = ynode_deref(n);
	if (ynode_isnull(n))
		return;
	if (n->type != YSEQ) {
		say(ck, n, 1, "'log' is not a list");
		return;
	}
	for (i = 0; i < n->nkid; i++) {
		e = ynode_deref(n->kid[i]);
		if (e->type != YMAP) {
			say(ck, e, 1, "a log entry must be a mapping with a "
			    "date");
			continue;
		}
		if (ymap_get(e, "date") == NULL)
			say(ck, e, 1, "log entry without a date");
		for (j = 0; j + 1 < e->nkid; j += 2) {
			k = ynode_deref(e->kid[j]);
			if (k->type != YSCALAR)
				continue;
			if (strcmp(k->str, "date") == 0)
				date(ck, e->kid[j + 1], "log date");
			else if (strcmp(k->str, "kind") == 0 ||
			    strcmp(k->str, "note") == 0)
				isstr(ck, e->kid[j + 1], k->str);
		}
	}
}

static void
pair(struct check *ck, const char *key, struct ynode *v)
{
	struct dur du;
	struct bday bd;
	size_t i;

	v = ynode_deref(v);
	if (strcmp(key, "name") == 0)
		name(ck, v);
	else if (strcmp(key, "email") == 0)
		strings(ck, v, key, email);
	else if (!strcmp(key, "aka") || !strcmp(key, "tags") ||
	    !strcmp(key, "groups") || !strcmp(key, "phone"))
		strings(ck, v, key, NULL);
	else if (!strcmp(key, "next") || !strcmp(key, "added"))
		date(ck, v, key);
	else if (strcmp(key, "every") == 0) {
		if (!ynode_isnull(v) && (v->type != YSCALAR ||
		    !dur_parse(v->str, &du)))
			say(ck, v, 1, "every '%s' is not a duration (like 3w, "
			    "2m, 1y)", v->type == YSCALAR ? v->str : "");
	} else if (strcmp(key, "circle") == 0) {
		if (isstr(ck, v, key) && !ynode_isnull(v) &&
		    net_circle(ck->net, v->str) == NULL)
			say(ck, v, 1, "unknown circle '%s'", v->str);
	} else if (strcmp(key, "birthday") == 0) {
		if (!ynode_isnull(v) && (v->type != YSCALAR ||
		    !bday_parse(v->str, &bd)))
			say(ck, v, 1, "birthday '%s' is not YYYY-MM-DD or "
			    "--MM-DD", v->type == YSCALAR ? v->str : "");
	} else if (strcmp(key, "met") == 0)
		met(ck, v);
	else if (strcmp(key, "log") == 0)
		logentries(ck, v);
	else if (strcmp(key, "links") == 0) {
		if (v->type != YMAP && !ynode_isnull(v))
			say(ck, v, 1, "'links' must be a mapping like "
			    "{github: name}");
		for (i = 0; v->type == YMAP && i + 1 < v->nkid; i += 2)
			isstr(ck, v->kid[i + 1], "links");
	} else if (!strcmp(key, "org") || !strcmp(key, "title") ||
	    !strcmp(key, "address") || !strcmp(key, "notes") ||
	    !strcmp(key, "next-note"))
		isstr(ck, v, key);
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
	struct ynode *r, *k;
	int before = ck->nerr;
	size_t i;

	ck->path = path;
	ck->id = id;
	if ((r = d->root) == NULL) {
		if (d->err[0])
			fprintf(ck->out, "%s:%d:%d: error: %s\n", path,
			    d->line, d->col, d->err);
		else
			fprintf(ck->out, "%s: error: empty file: a contact "
			    "needs a name\n", path);
		ck->nerr++;
	} else if ((r = ynode_deref(r))->type != YMAP) {
		say(ck, r, 1, "the root is not a mapping");
	} else {
		if (ymap_get(r, "name") == NULL)
			say(ck, r, 1, "no 'name'");
		for (i = 0; i + 1 < r->nkid; i += 2) {
			k = ynode_deref(r->kid[i]);
			if (k->type == YSCALAR)
				pair(ck, k->str, r->kid[i + 1]);
		}
	}
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
		fprintf(ck->out, "%s: error: %s\n", path, d->err);
		ck->nerr++;
		n = 1;
	} else
		n = check_text(ck, path, id, d->text, d->len);
	ydoc_free(d);
	free(path);
	return n;
}
