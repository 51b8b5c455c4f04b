/* rec.c - records from other address books, on their way to contacts */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * A record is a draft (change.c) on its way to a contact.  The readers
 * (vcard.c, the CSV formats below) fill it by key with rec_set, rec_bday,
 * rec_link and rec_note, which clean what they are given: no control
 * characters, no blanks at either end, no empty values, no duplicates.
 */

int
import_format(const char *s)
{
	static const char *names[] = { "vcard", "linkedin", "google", "csv",
	    "json" };
	int i;

	for (i = 0; i < 5; i++)
		if (strcmp(s, names[i]) == 0)
			return IN_VCARD + i;
	return 0;
}

/* s without control characters and outer blanks; line breaks kept as \n. */
char *
rec_clean(const char *s, int multiline)
{
	struct buf b = { 0 };
	size_t i, n;

	buf_puts(&b, "");
	for (; *s; s++) {
		if (*s == '\r' && s[1] == '\n')
			continue;
		if (*s == '\n' || *s == '\r')
			buf_puts(&b, multiline ? "\n" : " ");
		else if (*s == '\t')
			buf_puts(&b, " ");
		else if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			buf_add(&b, s, 1);
	}
	for (i = 0; b.s[i] == ' ' || b.s[i] == '\n'; i++)
		;
	for (n = b.len; n > i && (b.s[n - 1] == ' ' || b.s[n - 1] == '\n');
	    n--)
		;
	memmove(b.s, b.s + i, n - i);
	b.s[n - i] = '\0';
	return b.s;
}

/*
 * key gets s, cleaned, unless it is empty: a list key adds it (once,
 * whatever its case), any other key keeps the first value it is given.
 */
void
rec_set(struct rec *r, const char *key, const char *s)
{
	char *c;

	if (s == NULL)
		return;
	c = rec_clean(s, 0);
	if (*c)
		draft_set(&r->d, key, c);
	free(c);
}

/*
 * A value of nw's own key as nw wrote it (its CSV, X-NW- of a vCard):
 * added is the draft's date; a value that is not one is the record's
 * error.
 */
void
rec_own(struct rec *r, const char *key, const char *s)
{
	char *c, *e;

	if (strcmp(key, "added") != 0) {
		rec_set(r, key, s);
		return;
	}
	c = rec_clean(s, 0);
	if (!date_parse(c, &r->d.added) && r->err == NULL) {
		e = xasprintf("'%s': not a date (YYYY-MM-DD)", c);
		rec_fail(r, 0, e);
		free(e);
	}
	free(c);
}

/* A line of notes, "label: text" when there is a label. */
void
rec_note(struct rec *r, const char *label, const char *s)
{
	char *c;

	if (s == NULL)
		return;
	c = rec_clean(s, 1);
	if (*c) {
		if (r->notes.len)
			buf_puts(&r->notes, "\n");
		if (label)
			buf_printf(&r->notes, "%s: ", label);
		buf_puts(&r->notes, c);
	}
	free(c);
}

static int
isdigits(const char *s, size_t n)
{
	return strspn(s, "0123456789") >= n;
}

/*
 * A birthday in any of the forms address books write: 19360817,
 * 1936-08-17, --0817, --08-17, with or without a time after it.
 * omit is a year that means "unknown" (Apple's X-APPLE-OMIT-YEAR), or 0.
 * Anything else is kept in the notes.
 */
void
rec_bday(struct rec *r, const char *s, int omit)
{
	rec_date(r, "birthday", "Birthday", s, omit);
}

/* The same for any key of such dates ("dates.anniversary"). */
void
rec_date(struct rec *r, const char *key, const char *label, const char *s,
    int omit)
{
	struct bday bd;
	char *c, out[11];
	size_t n;

	if (s == NULL || draft_get(&r->d, key))
		return;
	c = rec_clean(s, 0);
	n = strcspn(c, "Tt");
	if (n == 8 && isdigits(c, 8))
		snprintf(out, sizeof out, "%.4s-%.2s-%.2s", c, c + 4, c + 6);
	else if (n == 6 && strncmp(c, "--", 2) == 0 && isdigits(c + 2, 4))
		snprintf(out, sizeof out, "--%.2s-%.2s", c + 2, c + 4);
	else if (n == 10 || n == 7)
		snprintf(out, sizeof out, "%.*s", (int)n, c);
	else
		out[0] = '\0';
	if (*out && bday_parse(out, &bd)) {
		if (bd.year && bd.year == omit)
			snprintf(out, sizeof out, "--%02d-%02d", bd.month, bd.day);
		draft_set(&r->d, key, out);
	} else if (*c)
		rec_note(r, label, c);
	free(c);
}

static const struct {
	const char	*host, *key;
} hosts[] = {
	{ "linkedin.com", "linkedin" }, { "github.com", "github" },
	{ "gitlab.com", "gitlab" }, { "twitter.com", "twitter" },
	{ "x.com", "twitter" }, { "facebook.com", "facebook" },
	{ "instagram.com", "instagram" }, { "youtube.com", "youtube" },
	{ "bsky.app", "bluesky" }, { "xing.com", "xing" },
	{ "skype.com", "skype" }, { "t.me", "telegram" },
};

/* The host of a URL, NULL when it has none. */
static const char *
url_host(const char *url, size_t *len)
{
	const char *h = strstr(url, "://");

	if (h == NULL)
		return NULL;
	h += 3;
	*len = strcspn(h, "/?#:");
	if (*len > 4 && strncmp(h, "www.", 4) == 0)
		h += 4, *len -= 4;
	return h;
}

/*
 * A link under key, or a key made from the URL's host (linkedin, github,
 * ... else web); a taken key gets -2, -3.  Keys are lowercase letters,
 * digits and '-'.
 */
void
rec_link(struct rec *r, const char *key, const char *url)
{
	struct buf k = { 0 };
	const char *h, *v;
	char *c, *full;
	size_t i, hl, kl;
	int suffix;

	if (url == NULL)
		return;
	c = rec_clean(url, 0);
	for (i = 0; (v = draft_value(&r->d, "links", i)) != NULL; i++)
		if (strcmp(v, c) == 0)
			*c = '\0';
	if (*c == '\0') {
		free(c);
		return;
	}
	buf_puts(&k, "");
	for (; key && *key; key++)
		if ((*key >= 'a' && *key <= 'z') || (*key >= '0' &&
		    *key <= '9') || (*key == '-' && k.len))
			buf_add(&k, key, 1);
		else if (*key >= 'A' && *key <= 'Z')
			buf_printf(&k, "%c", *key - 'A' + 'a');
	if (k.len > 2 && strncmp(k.s, "x-", 2) == 0) {
		memmove(k.s, k.s + 2, k.len - 1);
		k.len -= 2;
	}
	if (k.len == 0 && (h = url_host(c, &hl)) != NULL)
		for (i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
			kl = strlen(hosts[i].host);
			if (hl >= kl && strncmp(h + hl - kl, hosts[i].host,
			    kl) == 0 && (hl == kl || h[hl - kl - 1] == '.')) {
				buf_puts(&k, hosts[i].key);
				break;
			}
		}
	if (k.len && yaml_typed(k.s))	/* 123, on, no: not a string key */
		k.len = 0;
	if (k.len == 0)
		buf_puts(&k, "web");
	full = xasprintf("links.%s", k.s);
	for (suffix = 2; draft_get(&r->d, full); suffix++) {
		free(full);
		full = xasprintf("links.%s-%d", k.s, suffix);
	}
	draft_set(&r->d, full, c);
	free(full);
	free(k.s);
	free(c);
}

/* Every part of a name, non-empty ones joined by a space. */
void
rec_name(struct rec *r, const char *const *parts, size_t n, struct buf *out)
{
	char *c;
	size_t i;

	(void)r;
	buf_puts(out, "");
	for (i = 0; i < n; i++) {
		if (parts[i] == NULL)
			continue;
		c = rec_clean(parts[i], 0);
		if (*c)
			buf_printf(out, "%s%s", out->len ? " " : "", c);
		free(c);
	}
}

/*
 * The parts of a name (prefix, given, middle, family, suffix, as
 * rec_name takes them) kept as name-parts when the name alone does not
 * give them back: an export makes N from the name's first word (given),
 * its last (family) and those between (middle), so "Jane Doe" needs
 * nothing, but "Dr. Jane Q. Doe, PhD" and "山田 太郎" (family first) do.
 * 1 when they were kept.  Call it once the name is set.
 */
int
rec_parts(struct rec *r, const char *const *parts)
{
	static const char *names[] = { "prefix", "given", "middle", "family",
	    "suffix" };
	const char *name = draft_get(&r->d, "name");
	char *p[5], *full, *w, *words, *last;
	const char *made[5] = { "", NULL, NULL, NULL, "" };
	size_t i;
	int differ = 0, any = 0;

	if (name == NULL)
		return 0;
	words = xstrdup(name);		/* tidy already: one blank a gap */
	made[1] = words;
	if ((w = strchr(words, ' ')) != NULL) {
		*w++ = '\0';
		last = strrchr(w, ' ');
		made[3] = last ? last + 1 : w;
		if (last) {
			*last = '\0';
			made[2] = w;
		}
	}
	for (i = 0; i < 5; i++) {
		full = parts[i] ? rec_clean(parts[i], 0) : xstrdup("");
		p[i] = utf8_squeeze(full);
		free(full);
		any |= *p[i] != '\0';
		differ |= strcmp(p[i], made[i] ? made[i] : "") != 0;
	}
	for (i = 0; any && differ && i < 5; i++)
		if (*p[i]) {
			full = xasprintf("name-parts.%s", names[i]);
			draft_set(&r->d, full, p[i]);
			free(full);
		}
	for (i = 0; i < 5; i++)
		free(p[i]);
	free(words);
	return any && differ;
}

/* The record is complete: it needs a name; the notes become its notes. */
void
rec_done(struct rec *r)
{
	const char *name = draft_get(&r->d, "name");

	if (name)
		draft_unset(&r->d, "aka", name);
	if (r->notes.len)
		draft_set(&r->d, "notes", r->notes.s);
	if (name == NULL && r->err == NULL)
		r->err = xstrdup("no name");
}

void
rec_fail(struct rec *r, int line, const char *msg)
{
	if (r->err)
		return;
	r->err = xstrdup(msg);
	if (line)
		r->line = line;
}

void
rec_free(struct rec *r)
{
	strv_free(&r->warn);
	strv_free(&r->rel);
	free(r->uid);
	draft_clear(&r->d);
	free(r->notes.s);
	free(r->err);
	memset(r, 0, sizeof *r);
}

struct rec *
rec_new(struct recs *rs, int line)
{
	struct rec *r;

	if ((rs->n & (rs->n - 1)) == 0)
		rs->v = xrealloc(rs->v, (rs->n ? 2 * rs->n : 1) * sizeof *rs->v);
	r = &rs->v[rs->n++];
	memset(r, 0, sizeof *r);
	r->line = line;
	r->d.added = NODATE;
	return r;
}

/* A vCard file begins with BEGIN:VCARD; anything else is tried as CSV. */
int
import_detect(const char *s, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", s[i]))
		i++;
	if (len - i >= 11 && strncasecmp(s + i, "BEGIN:VCARD", 11) == 0)
		return IN_VCARD;
	if (i < len && s[i] == '{')
		return IN_JSON;
	return 0;
}
