/*
 * t-suite - the editor over every case of the YAML test suite.
 *
 * usage: t-suite SUITE-DIR [OUT-DIR]
 *
 * Inputs the suite marks as errors must be refused.  On every input whose
 * root is a mapping four edits are tried, each on the original: append a
 * log entry, append a tag, set next, and set then delete a new key.  An
 * edit either succeeds, changing only bytes it may (insertions only for
 * appends; the old value's own bytes for a set; set then delete gives the
 * original back) or is refused with the text untouched.  Anything else is
 * counted as corrupted.  OUT-DIR, when given, receives each case's input
 * and log-appended output for an independent parser to compare.
 */

#include <sys/stat.h>

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

#define ITEM "{date: 2026-11-25, kind: call, note: \"x, y\"}"

enum { LOG, TAG, SET, SETDEL, NOPS };
static const char *opname[] = { "log append", "tag append", "set next",
    "set+delete" };
static int edited[NOPS], refused[NOPS], corrupted[NOPS];
static int n, failed, cases, maps, errcases, errrefused, libyaml_accepts,
    libyaml_rejects;
static const char *outdir;

static void
ok(int cond, const char *what, const char *why)
{
	printf("%s %d - %s\n", cond ? "ok" : "not ok", ++n, what);
	if (!cond) {
		printf("# %s\n", why);
		failed++;
	}
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f;
	char *s;
	long m;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	m = ftell(f);
	rewind(f);
	s = xmalloc(m + 1);
	*len = fread(s, 1, m, f);
	s[*len] = '\0';
	fclose(f);
	return s;
}

static void
spit(const char *path, const char *s, size_t len)
{
	FILE *f;

	if ((f = fopen(path, "wb")) == NULL)
		return;
	fwrite(s, 1, len, f);
	fclose(f);
}

/*
 * The original bytes that changed: everything but the common prefix and
 * suffix.  An insertion leaves [*a, *b) empty.
 */
static void
changed(const char *o, size_t olen, const char *m, size_t mlen, size_t *a,
    size_t *b)
{
	size_t p = 0, s = 0;

	while (p < olen && p < mlen && o[p] == m[p])
		p++;
	while (s < olen - p && s < mlen - p &&
	    o[olen - 1 - s] == m[mlen - 1 - s])
		s++;
	*a = p;
	*b = olen - s;
}

/* Run one edit on a fresh copy; 1 unless it corrupted something. */
static int
trial(const char *text, size_t len, int op, const char *id, char *why)
{
	struct ydoc *d = ydoc_parse(text, len);
	struct ynode *v, *k;
	struct edit *e = edit_open(d, "in.yaml");
	size_t a, b, lo = 0, hi = 0;
	int r = 0, good = 1, scalartags;
	char path[PATH_MAX];

	k = ymap_key(d->root, op == TAG ? "tags" : op == LOG ? "log" :
	    op == SET ? "next" : "nw-test-key");
	for (a = 0; k && a + 1 < d->root->nkid; a += 2)
		if (d->root->kid[a] == k) {
			v = d->root->kid[a + 1];
			lo = v->start, hi = v->end;
		}
	/* the edit owns d from here: read what is needed first */
	v = ynode_deref(ymap_get(d->root, "tags"));
	scalartags = v && v->type == YSCALAR;
	switch (op) {
	case LOG: r = edit_append(e, "log", ITEM, 1) == 0; break;
	case TAG: r = edit_append(e, "tags", "t1", 0) == 0; break;
	case SET: r = edit_set(e, "next", "2026-12-01") == 0; break;
	case SETDEL:
		r = edit_set(e, "nw-test-key", "1") == 0 &&
		    edit_delete(e, "nw-test-key") == 0;
		break;
	}
	if (!r) {
		refused[op]++;
		if (op != SETDEL && (e->len != len ||
		    memcmp(e->text, text, len) != 0)) {
			snprintf(why, 256, "%s: refused but changed", opname[op]);
			good = 0;
		}
		goto out;
	}
	edited[op]++;
	changed(text, len, e->text, e->len, &a, &b);
	if (op == SETDEL)
		good = e->len == len && memcmp(e->text, text, len) == 0;
	else if (op == SET && k)
		good = a >= lo && b <= hi;
	else if (op == TAG && k && scalartags)
		good = a >= lo && b <= hi;
	else
		good = a == b;	/* nothing of the user's removed */
	if (!good)
		snprintf(why, 256, "%s: changed bytes %zu..%zu outside the "
		    "value (%zu..%zu)", opname[op], a, b, lo, hi);
	if (op == LOG && outdir) {
		snprintf(path, sizeof path, "%s/%s.in.yaml", outdir, id);
		spit(path, text, len);
		snprintf(path, sizeof path, "%s/%s.out.yaml", outdir, id);
		spit(path, e->text, e->len);
	}
out:
	if (!good)
		corrupted[op]++;
	edit_free(e);
	return good;
}

static void
onecase(const char *dir, const char *id)
{
	char path[PATH_MAX], why[256] = "";
	struct ydoc *d;
	struct edit *e;
	size_t len;
	char *text;
	int iserr, op, good = 1;

	snprintf(path, sizeof path, "%s/in.yaml", dir);
	if ((text = slurp(path, &len)) == NULL)
		return;
	cases++;
	snprintf(path, sizeof path, "%s/error", dir);
	iserr = access(path, F_OK) == 0;
	d = ydoc_parse(text, len);
	if (iserr) {
		errcases++;
		if (d->root == NULL && d->err[0])
			errrefused++;
		else
			libyaml_accepts++;
	} else if (d->err[0]) {
		libyaml_rejects++;
	}
	if (d->root && ynode_deref(d->root)->type == YMAP) {
		maps++;
		for (op = 0; op < NOPS; op++)
			good &= trial(text, len, op, id, why);
	} else if (d->err[0]) {
		/* what does not parse cannot be edited */
		e = edit_open(d, "in.yaml");
		good = edit_append(e, "log", ITEM, 1) == -1 && e->len == len &&
		    memcmp(e->text, text, len) == 0;
		if (!good)
			snprintf(why, sizeof why, "edited what does not parse");
		edit_free(e);
		d = NULL;
	}
	ok(good, id, why);
	ydoc_free(d);
	free(text);
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
walk(const char *dir, const char *id)
{
	char path[PATH_MAX], sub[PATH_MAX], *names[4096];
	struct dirent *de;
	struct stat st;
	size_t nn = 0, i;
	DIR *dp;

	snprintf(path, sizeof path, "%s/in.yaml", dir);
	if (access(path, F_OK) == 0)
		onecase(dir, id);
	if ((dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL && nn < 4096)
		if (de->d_name[0] != '.')
			names[nn++] = xstrdup(de->d_name);
	closedir(dp);
	qsort(names, nn, sizeof *names, cmp);
	for (i = 0; i < nn; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			snprintf(sub, sizeof sub, "%s%s%s", id, *id ? "-" : "",
			    names[i]);
			walk(path, sub);
		}
		free(names[i]);
	}
}

int
main(int argc, char *argv[])
{
	int op;

	if (argc < 2) {
		fprintf(stderr, "usage: t-suite suite-dir [out-dir]\n");
		return 2;
	}
	outdir = argc > 2 ? argv[2] : NULL;
	walk(argv[1], "");
	printf("# %d inputs, %d marked error: %d refused, %d accepted by "
	    "libyaml; %d valid inputs libyaml rejects\n", cases, errcases,
	    errrefused, libyaml_accepts, libyaml_rejects);
	printf("# %d inputs with a mapping root\n", maps);
	for (op = 0; op < NOPS; op++)
		printf("# %-10s edited %d, refused %d, corrupted %d\n",
		    opname[op], edited[op], refused[op], corrupted[op]);
	printf("1..%d\n", n);
	return failed != 0;
}
