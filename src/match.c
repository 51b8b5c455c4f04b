/* match.c - PCRE2 patterns with smart case, for searching contacts */

#include <err.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "nw.h"
#include "nw_priv.h"

#define MATCH_LIMIT	1000000		/* backtracking steps a string */
#define DEPTH_LIMIT	10000		/* nested backtracking points */

struct match {
	pcre2_code		*re;
	pcre2_match_data	*md;
	pcre2_match_context	*mc;
	pcre2_jit_stack		*js;
	int			 fold;	/* no capital: fold as references do */
};

/*
 * The pattern's literal text: escapes, group names and property names
 * (\S, \p{Lu}, (?<Name>...)) say nothing about the case the user typed.
 */
static char *
literal_text(const char *p)
{
	struct buf b = { 0 };
	const char *e;

	buf_puts(&b, "");
	while (*p) {
		if (*p == '\\' && p[1]) {
			p += 2;
			if (strchr("pPxNgko", p[-1]) && strchr("{<'", *p) &&
			    (e = strchr(p, *p == '{' ? '}' : *p == '<' ? '>' :
			    '\'')) != NULL)
				p = e + 1;
			continue;
		}
		if (p[0] == '(' && p[1] == '?') {	/* (?<Name>, (?P=Name) */
			e = p + 2;
			if ((*e == '<' && e[1] != '=' && e[1] != '!') ||
			    *e == '\'' || (*e == 'P' && strchr("<=>", e[1]) &&
			    e[1] != '\0')) {
				e = strpbrk(e + 1 + (*e == 'P'), ">')");
				p = e ? e + 1 : p + 2;
				continue;
			}
		}
		buf_add(&b, p, 1);
		p++;
	}
	return b.s;
}

/* Smart case: a capital letter anywhere in the pattern's own text. */
static int
has_capital(const char *pat)
{
	pcre2_code *re;
	pcre2_match_data *md;
	PCRE2_SIZE off;
	char *lit;
	int ec, rc;

	re = pcre2_compile((PCRE2_SPTR)"[\\p{Lu}\\p{Lt}]",
	    PCRE2_ZERO_TERMINATED, PCRE2_UTF, &ec, &off, NULL);
	if (re == NULL)
		return 0;
	lit = literal_text(pat);
	md = pcre2_match_data_create(1, NULL);
	rc = pcre2_match(re, (PCRE2_SPTR)lit, strlen(lit), 0, 0, md, NULL);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	free(lit);
	return rc > 0;	/* bad UTF-8 is for the real compile to report */
}

/*
 * Compile pat: UTF-8, case-insensitive unless it has a capital, JIT when
 * the library has it, limits against runaway backtracking.  NULL and a
 * message "what at offset N" in err when the pattern is bad.
 */
struct match *
match_new(const char *pat, char *err, size_t errlen)
{
	struct match *m;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	uint32_t opts = PCRE2_UTF;
	int ec;

	m = xcalloc(1, sizeof *m);
	if (!has_capital(pat)) {
		opts |= PCRE2_CASELESS;
		m->fold = 1;
	}
	m->re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts,
	    &ec, &off, NULL);
	if (m->re == NULL) {
		pcre2_get_error_message(ec, msg, sizeof msg);
		snprintf(err, errlen, "%s at offset %zu", (char *)msg,
		    (size_t)off);
		free(m);
		return NULL;
	}
	m->mc = pcre2_match_context_create(NULL);
	if (m->mc == NULL)
		errx(1, "out of memory");
	pcre2_set_match_limit(m->mc, MATCH_LIMIT);
	pcre2_set_depth_limit(m->mc, DEPTH_LIMIT);
	if (pcre2_jit_compile(m->re, PCRE2_JIT_COMPLETE) == 0 &&
	    (m->js = pcre2_jit_stack_create(32 * 1024, 1024 * 1024,
	    NULL)) != NULL)
		pcre2_jit_stack_assign(m->mc, NULL, m->js);
	if ((m->md = pcre2_match_data_create_from_pattern(m->re, NULL)) ==
	    NULL)
		errx(1, "out of memory");
	return m;
}

/*
 * 1 when s matches, 0 when not, -1 and a message when matching failed.
 * A pattern without a capital also tries s as references compare names
 * (utf8_fold: case and accents off), so that muller finds Müller.
 */
int
match_str(struct match *m, const char *s, char *err, size_t errlen)
{
	PCRE2_UCHAR msg[256];
	char *f;
	int rc;

	rc = pcre2_match(m->re, (PCRE2_SPTR)s, strlen(s), 0, 0, m->md, m->mc);
	if (rc == PCRE2_ERROR_NOMATCH && m->fold) {
		f = utf8_fold(s);
		if (strcmp(f, s) != 0)
			rc = pcre2_match(m->re, (PCRE2_SPTR)f, strlen(f), 0, 0,
			    m->md, m->mc);
		free(f);
	}
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	pcre2_get_error_message(rc, msg, sizeof msg);
	snprintf(err, errlen, "%s", (char *)msg);
	return -1;
}

void
match_free(struct match *m)
{
	if (m == NULL)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mc);
	pcre2_jit_stack_free(m->js);
	pcre2_code_free(m->re);
	free(m);
}

/*
 * Does any scalar of v match: v itself, any item of a list, any value
 * (not key) of a mapping, at any depth.  Null is no value.
 */
int
match_value(struct match *m, const struct value *v, char *err, size_t errlen)
{
	size_t i;
	int rv;

	if (v == NULL || v->type == V_NULL)
		return 0;
	if (v->type == V_STR)
		return match_str(m, v->s, err, errlen);
	for (i = v->type == V_MAP; i < v->n; i += v->type == V_MAP ? 2 : 1)
		if ((rv = match_value(m, &v->v[i], err, errlen)) != 0)
			return rv;
	return 0;
}
