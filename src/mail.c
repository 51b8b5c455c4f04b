/* mail.c - messages read with GMime: what nw-mail would log */

#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * A message is parsed by GMime (RFC 5322 headers, RFC 2047 words in any
 * charset, folded lines, mbox's From lines), its headers only when it is
 * a file of its own: nw needs nothing of the body, and a Maildir of
 * years is read at the speed of its headers.
 */

#define HEADMAX		(256 * 1024)	/* headers longer: the rest cut */

static int inited;

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

/* Is a header there, and, with values, one of them (any case)? */
static int
header_is(GMimeMessage *m, const char *name, const char *const *values)
{
	const char *v = g_mime_object_get_header(GMIME_OBJECT(m), name);
	char *t;
	size_t i;
	int yes = 0;

	if (v == NULL)
		return 0;
	if (values == NULL)
		return 1;
	t = utf8_squeeze(v);
	for (i = 0; values[i]; i++)
		if (strcaseeq(t, values[i]))
			yes = 1;
	free(t);
	return yes;
}

/* Mailing lists and bulk mail, as mail clients and filters tell them. */
static int
bulk(GMimeMessage *m, int fromcontact)
{
	static const char *const prec[] = { "bulk", "list", "junk", NULL };
	static const char *const human[] = { "no", NULL };

	return header_is(m, "List-Id", NULL) ||
	    (!fromcontact && header_is(m, "List-Unsubscribe", NULL)) ||
	    header_is(m, "Precedence", prec) ||
	    (header_is(m, "Auto-Submitted", NULL) &&
	    !header_is(m, "Auto-Submitted", human));
}

/* The day of a message in the zone of the run, and its time. */
static int
when(GMimeMessage *m, int *day, long long *t)
{
	GDateTime *d = g_mime_message_get_date(m), *local;

	if (d == NULL)
		return 0;
	local = g_date_time_to_local(d);
	if (local == NULL)
		return 0;
	*day = date_from_civil(g_date_time_get_year(local),
	    g_date_time_get_month(local), g_date_time_get_day_of_month(local));
	*t = g_date_time_to_unix(local);
	g_date_time_unref(local);
	return 1;
}

/*
 * One message: where, its path (and which of an mbox's); draft, a
 * Maildir's D flag.  What it would log goes into the capture; what it
 * would not is counted, and said when it is the message's fault.
 */
static void
message(struct capture *cp, GMimeMessage *m, const char *where, int draft)
{
	struct strv from = { 0 }, to = { 0 };
	InternetAddressList *all;
	struct contact *c, *sender = NULL;
	const char *id, *note;
	char *mid = NULL;
	long long t = 0;
	size_t i, k, found = 0;
	int day = NODATE, mine;

	cp->nread++;
	if (draft) {
		cp->ndraft++;
		return;
	}
	addrs(g_mime_message_get_from(m), &from);
	if (from.n == 0) {
		warnx("'%s': no sender address: not logged", where);
		cp->nbad++;
		goto done;
	}
	mine = capture_isme(cp, from.v[0]);
	if (!mine)
		sender = capture_who(cp, from.v[0], 0);
	if (bulk(m, sender != NULL)) {
		cp->nbulk++;
		goto done;
	}
	if (!mine && (!cp->received || sender == NULL)) {
		cp->nother++;
		goto done;
	}
	all = g_mime_message_get_all_recipients(m);
	addrs(all, &to);
	if (all)
		g_object_unref(all);
	if (to.n > (size_t)cp->net->mail_max_rcpt) {
		cp->nmany++;
		goto done;
	}
	if (!when(m, &day, &t)) {
		warnx("'%s': no date: not logged", where);
		cp->nundated++;
		goto done;
	}
	if (day > cp->today) {
		warnx("'%s': dated after today: not logged", where);
		cp->nlater++;
		goto done;
	}
	if ((id = g_mime_message_get_message_id(m)) != NULL && *id)
		mid = xasprintf("<%s>", id);
	note = g_mime_message_get_subject(m);	/* decoded: capture_add cleans */
	if (!mine) {
		for (k = 0; (c = capture_who(cp, from.v[0], k)); k++)
			capture_add(cp, c, day, 1, t, mid, note);
		goto done;
	}
	for (i = 0; i < to.n; i++) {
		if (capture_isme(cp, to.v[i]))
			continue;
		for (k = 0; (c = capture_who(cp, to.v[i], k)); k++, found++)
			capture_add(cp, c, day, 0, t, mid, note);
	}
	if (found == 0)
		cp->nother++;
done:
	free(mid);
	strv_free(&from);
	strv_free(&to);
}

/* A message's headers, from a file of its own: up to the blank line. */
static char *
headers(int fd, size_t *len)
{
	struct buf b = { 0 };
	char chunk[8192];
	const char *end;
	ssize_t n;

	while (b.len < HEADMAX) {
		if ((n = read(fd, chunk, sizeof chunk)) == -1) {
			if (errno == EINTR)
				continue;
			free(b.s);
			return NULL;
		}
		if (n == 0)
			break;
		buf_add(&b, chunk, n);
		/* a blank line, looked for near the new bytes only */
		end = b.len > (size_t)n + 3 ? b.s + b.len - n - 3 : b.s;
		for (; (end = memchr(end, '\n', b.s + b.len - end)) != NULL;
		    end++)
			if ((end + 1 < b.s + b.len && end[1] == '\n') ||
			    (end + 2 < b.s + b.len && end[1] == '\r' &&
			    end[2] == '\n')) {
				b.len = end + 1 - b.s;
				*len = b.len;
				return b.s;
			}
	}
	*len = b.len;
	if (b.s == NULL)
		b.s = xstrdup("");
	return b.s;
}

static GMimeParser *
parser_on(GMimeStream *st, GMimeFormat format)
{
	GMimeParser *p = g_mime_parser_new_with_stream(st);

	g_mime_parser_set_format(p, format);
	g_object_unref(st);
	return p;
}

/* A file that holds one message; draft: a Maildir's D flag. */
static int
message_file(struct capture *cp, const char *path, int fd, int draft)
{
	GMimeParser *p;
	GMimeMessage *m;
	char *h;
	size_t len;

	if ((h = headers(fd, &len)) == NULL) {
		warn("'%s'", path);
		return 1;
	}
	p = parser_on(g_mime_stream_mem_new_with_buffer(h, len),
	    GMIME_FORMAT_MESSAGE);
	if ((m = g_mime_parser_construct_message(p, NULL)) == NULL) {
		cp->nread++;
		cp->nbad++;
		warnx("'%s': not a message", path);
	} else {
		message(cp, m, path, draft);
		g_object_unref(m);
	}
	g_object_unref(p);
	free(h);
	return 0;
}

/* An mbox: messages after From lines (mboxo and mboxrd alike). */
static int
mbox(struct capture *cp, const char *path, GMimeStream *st)
{
	GMimeParser *p;
	GMimeMessage *m;
	char *where;
	size_t i;

	p = parser_on(st, GMIME_FORMAT_MBOX);
	for (i = 1; !g_mime_parser_eos(p); i++) {
		if ((m = g_mime_parser_construct_message(p, NULL)) == NULL) {
			if (i == 1) {
				warnx("'%s': not an mbox", path);
				cp->nbad++;
			}
			break;
		}
		where = xasprintf("%s, message %zu", path, i);
		message(cp, m, where, 0);
		free(where);
		g_object_unref(m);
	}
	g_object_unref(p);
	return 0;
}

/* Is a Maildir file a draft: D in its flags, after ":2,"? */
static int
maildir_draft(const char *name)
{
	const char *f = strstr(name, ":2,");

	return f && strchr(f + 3, 'D') != NULL;
}

static int
namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int file_read_one(struct capture *, const char *, int);

/* A Maildir: the files of its cur and new, in the order of their names. */
static int
maildir(struct capture *cp, const char *path)
{
	static const char *const sub[] = { "cur", "new" };
	struct strv names = { 0 };
	struct dirent *de;
	DIR *d;
	char *dir, *file;
	size_t i, j;
	int rv = 0, any = 0;

	for (i = 0; i < 2; i++) {
		dir = xasprintf("%s/%s", path, sub[i]);
		if ((d = opendir(dir)) == NULL) {
			if (errno != ENOENT) {
				warn("'%s'", dir);
				rv = 1;
			}
			free(dir);
			continue;
		}
		any = 1;
		while ((de = readdir(d)) != NULL)
			if (de->d_name[0] != '.')
				strv_add(&names, de->d_name);
		closedir(d);
		if (names.n)
			qsort(names.v, names.n, sizeof *names.v, namecmp);
		for (j = 0; j < names.n; j++) {
			file = xasprintf("%s/%s", dir, names.v[j]);
			rv |= file_read_one(cp, file, maildir_draft(names.v[j]));
			free(file);
		}
		strv_free(&names);
		free(dir);
	}
	if (!any) {
		warnx("'%s': a folder but no Maildir (no cur or new in it)",
		    path);
		rv = 1;
	}
	return rv;
}

/* A file of one message, or an mbox, told by its first bytes. */
static int
file_read_one(struct capture *cp, const char *path, int draft)
{
	char head[5];
	ssize_t n;
	int fd, fd2, rv;

	if ((fd = open(path, O_RDONLY)) == -1) {
		warn("'%s'", path);
		return 1;
	}
	n = read(fd, head, sizeof head);
	if (n == -1 || lseek(fd, 0, SEEK_SET) == -1) {
		warn("'%s'", path);
		close(fd);
		return 1;
	}
	if (n == 5 && memcmp(head, "From ", 5) == 0) {
		if ((fd2 = dup(fd)) == -1)
			err(1, "dup");
		rv = mbox(cp, path, g_mime_stream_fs_new(fd2));
	} else
		rv = message_file(cp, path, fd, draft);
	close(fd);
	return rv;
}

/*
 * One message, or an mbox, as bytes (the fuzz harness's way in); where
 * names it in what is said.
 */
void
mail_message(struct capture *cp, const char *data, size_t len,
    const char *where)
{
	GMimeParser *p;
	GMimeMessage *m;

	if (!inited) {
		g_mime_init();
		inited = 1;
	}
	if (len >= 5 && memcmp(data, "From ", 5) == 0) {
		mbox(cp, where, g_mime_stream_mem_new_with_buffer(data, len));
		return;
	}
	p = parser_on(g_mime_stream_mem_new_with_buffer(data, len),
	    GMIME_FORMAT_MESSAGE);
	if ((m = g_mime_parser_construct_message(p, NULL)) == NULL) {
		cp->nread++;
		cp->nbad++;
	} else {
		message(cp, m, where, 0);
		g_object_unref(m);
	}
	g_object_unref(p);
}

/*
 * Read what path holds: a Maildir (a folder with cur and new), an mbox,
 * or a file of one message (a Maildir's, an MH folder's, what mlist or
 * notmuch name).  1 when it could not be read; a message that does not
 * parse is counted and said, and the rest is still read.
 */
int
mail_read(struct capture *cp, const char *path)
{
	struct stat st;
	const char *base;

	if (!inited) {
		g_mime_init();
		inited = 1;
	}
	if (stat(path, &st) == -1) {
		warn("'%s'", path);
		return 1;
	}
	if (S_ISDIR(st.st_mode))
		return maildir(cp, path);
	base = strrchr(path, '/');
	return file_read_one(cp, path, maildir_draft(base ? base + 1 : path));
}

/* Name and address of the mailboxes of l, groups opened. */
static void
people(InternetAddressList *l, struct strv *me, struct strv *out)
{
	InternetAddress *a;
	const char *e, *name;
	char *n;
	size_t i;
	int k, len = l ? internet_address_list_length(l) : 0;

	for (k = 0; k < len; k++) {
		a = internet_address_list_get_address(l, k);
		if (INTERNET_ADDRESS_IS_GROUP(a)) {
			people(internet_address_group_get_members(
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

/*
 * The people of one message read from fd (nw-add -M): the sender, or
 * with all everyone of From, To and Cc, but me; into out as name,
 * address, name, address...  0 when it is no message.
 */
int
mail_people(int fd, int all, struct strv *me, struct strv *out)
{
	GMimeParser *p;
	GMimeMessage *m;
	char *h;
	size_t len;

	if (!inited) {
		g_mime_init();
		inited = 1;
	}
	if ((h = headers(fd, &len)) == NULL)
		return 0;
	p = parser_on(g_mime_stream_mem_new_with_buffer(h, len),
	    GMIME_FORMAT_MESSAGE);
	if ((m = g_mime_parser_construct_message(p, NULL)) != NULL) {
		people(g_mime_message_get_from(m), me, out);
		if (all) {
			people(g_mime_message_get_addresses(m,
			    GMIME_ADDRESS_TYPE_TO), me, out);
			people(g_mime_message_get_addresses(m,
			    GMIME_ADDRESS_TYPE_CC), me, out);
		}
		g_object_unref(m);
	}
	g_object_unref(p);
	free(h);
	return m != NULL;
}

/* What GMime holds for the whole run, given back (LeakSanitizer). */
void
mail_done(void)
{
	if (inited)
		g_mime_shutdown();
	inited = 0;
}
