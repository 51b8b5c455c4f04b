/* mailaddr.c - a message's addresses: folded, kept for the run, people */

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "nw.h"
#include "nw_priv.h"
#include "mail.h"

/* An address of an InternetAddressList, groups opened, folded. */
static void
addrs(InternetAddressList *l, struct strv *out)
{
	InternetAddress *a;
	const char *e;
	char *f;
	int i, n = l ? internet_address_list_length(l) : 0;

	for (i = 0; i < n; i++) {
		a = internet_address_list_get_address(l, i);
		if (INTERNET_ADDRESS_IS_GROUP(a))
			addrs(internet_address_group_get_members(
			    INTERNET_ADDRESS_GROUP(a)), out);
		else if (INTERNET_ADDRESS_IS_MAILBOX(a) &&
		    (e = internet_address_mailbox_get_addr(
		    INTERNET_ADDRESS_MAILBOX(a))) != NULL &&
		    strchr(e, '@') != NULL) {
			f = utf8_fold(e);
			strv_add(out, f);
			free(f);
		}
	}
}


/*
 * The folded addresses of a header's value, kept by the value for the
 * run: a mailbox's senders and recipients come back message after
 * message, and GMime's parse of an address list (the same for the same
 * bytes) is the dearest part of reading a message.  At most AMAX values.
 */
#define AMAX	(1 << 16)

struct aval {
	char		*value;		/* NULL: a free slot */
	struct strv	 a;
};
static struct aval *acache;
static size_t acap, anum;
static pthread_mutex_t amu = PTHREAD_MUTEX_INITIALIZER;	/* every core's */

/* The slot of value: its own, or the free one it would take. */
static struct aval *
aslot(struct aval *t, size_t cap, const char *value)
{
	size_t i = hash64(value, strlen(value)) & (cap - 1);

	while (t[i].value && strcmp(t[i].value, value) != 0)
		i = (i + 1) & (cap - 1);
	return &t[i];
}

static void
aput(const char *value, const struct strv *a)
{
	struct aval *t, *e;
	size_t i, cap;

	if (anum >= AMAX)
		return;
	if ((anum + 1) * 2 > acap) {
		cap = acap ? acap * 2 : 1024;
		t = xcalloc(cap, sizeof *t);
		for (i = 0; i < acap; i++)
			if (acache[i].value)
				*aslot(t, cap, acache[i].value) = acache[i];
		free(acache);
		acache = t;
		acap = cap;
	}
	e = aslot(acache, acap, value);
	e->value = xstrdup(value);
	for (i = 0; i < a->n; i++)
		strv_add(&e->a, a->v[i]);
	anum++;
}

/* The run's cache of addresses, given back (mail_done). */
void
mail_addr_free(void)
{
	size_t i;

	for (i = 0; i < acap; i++)
		if (acache[i].value) {
			free(acache[i].value);
			strv_free(&acache[i].a);
		}
	free(acache);
	acache = NULL;
	acap = anum = 0;
}


static void
alist_put(struct alist *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = s;
}

/* The addresses of a, copied into l's own. */
static void
alist_own(struct alist *l, const struct strv *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		strv_add(&l->own, a->v[i]);
		alist_put(l, l->own.v[l->own.n - 1]);
	}
}

void
alist_free(struct alist *l)
{
	free(l->v);
	strv_free(&l->own);
}

/* The folded addresses of header h (From, To, Cc or Bcc) into out. */
static void
msg_addrs(const struct msg *g, int h, struct alist *out)
{
	InternetAddressList *l;
	struct aval *e;
	struct strv a = { 0 };
	size_t i;

	if (g->v[h] == NULL)
		return;
	pthread_mutex_lock(&amu);
	if (acap && (e = aslot(acache, acap, g->v[h]))->value) {
		for (i = 0; i < e->a.n; i++)
			alist_put(out, e->a.v[i]);
		pthread_mutex_unlock(&amu);
		return;
	}
	pthread_mutex_unlock(&amu);
	if ((l = internet_address_list_parse(NULL, g->v[h])) != NULL) {
		addrs(l, &a);
		g_object_unref(l);
	}
	pthread_mutex_lock(&amu);
	if (acap == 0 || aslot(acache, acap, g->v[h])->value == NULL)
		aput(g->v[h], &a);
	/* in the cache now, unless it is full */
	if (acap && (e = aslot(acache, acap, g->v[h]))->value)
		for (i = 0; i < e->a.n; i++)
			alist_put(out, e->a.v[i]);
	else
		alist_own(out, &a);
	pthread_mutex_unlock(&amu);
	strv_free(&a);
}

/* The folded addresses of From into out. */
void
msg_from(const struct msg *g, struct alist *out)
{
	struct strv a = { 0 };

	if (g->m == NULL) {
		msg_addrs(g, H_FROM, out);
		return;
	}
	addrs(g_mime_message_get_from(g->m), &a);
	alist_own(out, &a);
	strv_free(&a);
}

/* To, Cc and Bcc, in that order. */
void
msg_rcpt(const struct msg *g, struct alist *out)
{
	InternetAddressList *all;
	struct strv a = { 0 };

	if (g->m) {
		all = g_mime_message_get_all_recipients(g->m);
		addrs(all, &a);
		if (all)
			g_object_unref(all);
		alist_own(out, &a);
		strv_free(&a);
		return;
	}
	msg_addrs(g, H_TO, out);
	msg_addrs(g, H_CC, out);
	msg_addrs(g, H_BCC, out);
}

/* Name and address of the mailboxes of l, groups opened. */
void
mail_addr_people(InternetAddressList *l, struct strv *me, struct strv *out)
{
	InternetAddress *a;
	const char *e, *name;
	char *n;
	size_t i;
	int k, len = l ? internet_address_list_length(l) : 0;

	for (k = 0; k < len; k++) {
		a = internet_address_list_get_address(l, k);
		if (INTERNET_ADDRESS_IS_GROUP(a)) {
			mail_addr_people(internet_address_group_get_members(
			    INTERNET_ADDRESS_GROUP(a)), me, out);
			continue;
		}
		if (!INTERNET_ADDRESS_IS_MAILBOX(a) ||
		    (e = internet_address_mailbox_get_addr(
		    INTERNET_ADDRESS_MAILBOX(a))) == NULL ||
		    strchr(e, '@') == NULL || !utf8_valid(e, strlen(e), NULL))
			continue;
		for (i = 1; i < out->n && !strcaseeq(out->v[i], e); i += 2)
			;
		if (i < out->n || strv_hascase(me, e))
			continue;	/* twice, or mine */
		name = internet_address_get_name(a);
		n = name ? utf8_squeeze(name) : xstrdup("");
		if (*n == '\0' || strpbrk(n, "\r\n") ||
		    !utf8_valid(n, strlen(n), NULL)) {
			free(n);	/* no name: the address's local part */
			n = xstrndup(e, strcspn(e, "@"));
		}
		strv_add(out, n);
		strv_add(out, e);
		free(n);
	}
}
