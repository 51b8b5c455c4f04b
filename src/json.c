/* json.c - JSON: strings, values, and the one shape of a contact */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

void
json_str(FILE *f, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	fputc('"', f);
	for (; *u; u++) {
		if (*u == '"' || *u == '\\')
			fprintf(f, "\\%c", *u);
		else if (*u == '\n')
			fputs("\\n", f);
		else if (*u == '\t')
			fputs("\\t", f);
		else if (*u < 0x20 || *u == 0x7f)
			fprintf(f, "\\u%04x", *u);
		else if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)
			fprintf(f, "\\u%04x", *++u);	/* C1: a terminal's too */
		else
			fputc(*u, f);
	}
	fputc('"', f);
}

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

/* A value as YAML means it: null, booleans and numbers when plain. */
void
json_value(FILE *f, const struct value *v)
{
	size_t i;

	switch (v->type) {
	case V_NULL:
		fputs("null", f);
		break;
	case V_STR:
		if (v->plain && (strcmp(v->s, "true") == 0 ||
		    strcmp(v->s, "false") == 0 || json_number(v->s)))
			fputs(v->s, f);
		else
			json_str(f, v->s);
		break;
	case V_LIST:
		fputc('[', f);
		for (i = 0; i < v->n; i++) {
			if (i)
				fputc(',', f);
			json_value(f, &v->v[i]);
		}
		fputc(']', f);
		break;
	case V_MAP:
		fputc('{', f);
		for (i = 0; i + 1 < v->n; i += 2) {
			if (i)
				fputc(',', f);
			json_str(f, v->v[i].type == V_STR ? v->v[i].s : "");
			fputc(':', f);
			json_value(f, &v->v[i + 1]);
		}
		fputc('}', f);
		break;
	}
}

/* A key of nw(5) as its type says: a list key an array, a text a string. */
static void
json_known(FILE *f, const struct key *k, const struct value *v)
{
	struct value one = *v;

	one.plain = 0;
	if ((k->type == K_LIST || k->type == K_EMAIL) && v->type == V_STR) {
		fputc('[', f);
		json_value(f, &one);
		fputc(']', f);
	} else if (v->type == V_STR)
		json_value(f, &one);
	else
		json_value(f, v);
}

/*
 * The one shape of a contact, on one line (nw-ls -j, nw-show -j,
 * nw-export -f json): "id", then every key of the file in its order, the
 * keys of nw(5) in their schema's form (a list key always an array, a
 * date or a text a string) and the user's own as YAML means them, then
 * the derived "last" (a date or null) and "due" (a date, or null for a
 * cadence of never).  c was loaded with
 * C_KEYS.
 */
void
json_contact(FILE *f, struct net *net, struct contact *c, int today)
{
	const struct key *k;
	const struct value *key;
	struct due d;
	char ds[11];
	size_t i;

	fputs("{\"id\":", f);
	json_str(f, c->id);
	for (i = 0; i + 1 < c->keys.n; i += 2) {
		key = &c->keys.v[i];
		if (key->type != V_STR)
			continue;
		fputc(',', f);
		json_str(f, key->s);
		fputc(':', f);
		if ((k = schema_key(key->s)) != NULL)
			json_known(f, k, &c->keys.v[i + 1]);
		else
			json_value(f, &c->keys.v[i + 1]);
	}
	fputs(",\"last\":", f);
	if (c->last != NODATE)
		json_str(f, date_str(c->last, ds));
	else
		fputs("null", f);
	contact_due(net, c, today, &d);
	fputs(",\"due\":", f);
	if (d.never)
		fputs("null", f);
	else
		json_str(f, date_str(d.due, ds));
	d.c = NULL;
	due_free(&d);
	fputs("}\n", f);
}
