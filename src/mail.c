/* mail.c - messages read with GMime: what nw-mail would log */

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "nw.h"
#include "nw_priv.h"
#include "mail.h"

/*
 * A message is parsed by GMime (RFC 5322 headers, RFC 2047 words in any
 * charset, folded lines, mbox's From lines), its headers only when it is
 * a file of its own: nw needs nothing of the body, and a Maildir of
 * years is read at the speed of its headers.
 */

#define HEADMAX		(256 * 1024)	/* headers longer: the rest cut */

static int inited;
static GTimeZone *zone;		/* the run's, g_date_time_to_local's */

/* The headers of struct msg (mail.h) by name. */
static const char *const hname[NH] = { "From", "To", "Cc", "Bcc", "Date",
    "Message-ID", "Subject", "List-Id", "List-Unsubscribe", "Precedence",
    "Auto-Submitted" };

/* A header's value, or NULL. */
static const char *
msg_header(const struct msg *g, int h)
{
	if (g->m)
		return g_mime_object_get_header(GMIME_OBJECT(g->m), hname[h]);
	return g->v[h];
}
/* Is a header there, and, with values, one of them (any case)? */
static int
header_is(const struct msg *g, int h, const char *const *values)
{
	const char *v = msg_header(g, h);
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
bulk(const struct msg *g, int fromcontact)
{
	static const char *const prec[] = { "bulk", "list", "junk", NULL };
	static const char *const human[] = { "no", NULL };

	return header_is(g, H_LISTID, NULL) ||
	    (!fromcontact && header_is(g, H_UNSUB, NULL)) ||
	    header_is(g, H_PREC, prec) ||
	    (header_is(g, H_AUTO, NULL) && !header_is(g, H_AUTO, human));
}

/* n digits at *s, their value; -1 when they are not there. */
static int
digits(const char **s, int n)
{
	int v = 0;

	for (; n > 0; n--, (*s)++) {
		if (**s < '0' || **s > '9')
			return -1;
		v = v * 10 + (**s - '0');
	}
	return v;
}

/*
 * A Date of the form nearly every program writes, "Mon, 2 Nov 2026
 * 10:00:00 +0100" (the weekday optional, the rest as RFC 5322 has it,
 * each number in range, the year 1970 to 2100 (GMime refuses some
 * before), nothing after the zone), as the seconds since 1970 it names:
 * GMime reads it to the same time, by way of two GDateTimes.  0 for any
 * other form, left to GMime.
 */
static int
date_plain(const char *s, long long *t)
{
	static const char mon[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	static const char wday[] = "MonTueWedThuFriSatSun";
	const char *p;
	int d, m, y, hh, mm, ss, zh, zm, sign, z, cy, cm, cd;

	while (*s == ' ' || *s == '\t')
		s++;
	if (s[0] && s[1] && s[2] && s[3] == ',') {
		for (p = wday; *p && strncmp(p, s, 3) != 0; p += 3)
			;
		if (*p == '\0')
			return 0;
		for (s += 4; *s == ' '; s++)
			;
	}
	if ((d = digits(&s, 1)) == -1)
		return 0;
	if (*s >= '0' && *s <= '9')
		d = d * 10 + (*s++ - '0');
	if (*s++ != ' ' || !s[0] || !s[1] || !s[2] || s[3] != ' ')
		return 0;
	for (p = mon; *p && strncmp(p, s, 3) != 0; p += 3)
		;
	if (*p == '\0')
		return 0;
	m = (p - mon) / 3 + 1;
	s += 4;
	if ((y = digits(&s, 4)) < 1970 || y > 2100 || *s++ != ' ' ||
	    (hh = digits(&s, 2)) == -1 || hh > 23 || *s++ != ':' ||
	    (mm = digits(&s, 2)) == -1 || mm > 59 || *s++ != ':' ||
	    (ss = digits(&s, 2)) == -1 || ss > 59 || *s++ != ' ')
		return 0;
	if ((*s != '+' && *s != '-') || (sign = *s++ == '-' ? -1 : 1,
	    (zh = digits(&s, 2)) == -1) || zh > 14 ||
	    (zm = digits(&s, 2)) == -1 || zm > 59)
		return 0;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0' || d < 1)
		return 0;
	date_to_civil(z = date_from_civil(y, m, d), &cy, &cm, &cd);
	if (cy != y || cm != m || cd != d)
		return 0;	/* 30 Feb */
	*t = (long long)z * 86400 + hh * 3600 + mm * 60 + ss -
	    sign * (zh * 3600 + zm * 60);
	return 1;
}

/* The day of a message in the zone of the run, and its time. */
static int
when(const struct msg *g, int *day, long long *t)
{
	GDateTime *d, *local;
	long long s;

	if (g->m == NULL && g->v[H_DATE] && date_plain(g->v[H_DATE], &s)) {
		*t = s;
		/* the zone's offset then, as g_date_time_to_timezone finds it */
		s += g_time_zone_get_offset(zone, g_time_zone_find_interval(
		    zone, G_TIME_TYPE_UNIVERSAL, s));
		*day = (int)((s - (((s % 86400) + 86400) % 86400)) / 86400);
		return 1;
	}
	if (g->m)
		d = g_mime_message_get_date(g->m);
	else
		d = g->v[H_DATE] ? g_mime_utils_header_decode_date(
		    g->v[H_DATE]) : NULL;
	if (d == NULL)
		return 0;
	/* g_date_time_to_local reads the zone again for each message */
	local = g_date_time_to_timezone(d, zone);
	if (g->m == NULL)
		g_date_time_unref(d);
	if (local == NULL)
		return 0;
	*day = date_from_civil(g_date_time_get_year(local),
	    g_date_time_get_month(local), g_date_time_get_day_of_month(local));
	*t = g_date_time_to_unix(local);
	g_date_time_unref(local);
	return 1;
}

/* Its Message-ID in angle brackets, or NULL. */
static char *
msg_mid(const struct msg *g)
{
	const char *id;
	char *d, *mid = NULL;

	if (g->m) {
		if ((id = g_mime_message_get_message_id(g->m)) != NULL && *id)
			mid = xasprintf("<%s>", id);
		return mid;
	}
	if (g->v[H_MID] == NULL)
		return NULL;
	if ((d = g_mime_utils_decode_message_id(g->v[H_MID])) != NULL && *d)
		mid = xasprintf("<%s>", d);
	g_free(d);
	return mid;
}

/* Its Subject decoded (capture_add cleans it), or NULL; g_free it. */
static char *
msg_subject(const struct msg *g)
{
	const char *s;

	if (g->m)
		return (s = g_mime_message_get_subject(g->m)) ? g_strdup(s) :
		    NULL;
	return g->v[H_SUBJECT] ? g_mime_utils_header_decode_text(NULL,
	    g->v[H_SUBJECT]) : NULL;
}

/*
 * What reading a file found, kept to be taken in order (on every core,
 * files are read in any order): counts, and what is said and the
 * entries in their order.
 */
enum { N_READ, N_DRAFT, N_BAD, N_BULK, N_OTHER, N_MANY, N_UNDATED,
    N_LATER, NCOUNT };
enum { OP_SAY, OP_ADD };

struct op {
	int		 kind;
	int		 n;		/* OP_SAY: errno */
	char		*s;		/* OP_SAY: the text; OP_ADD: mid */
	char		*note;		/* OP_ADD */
	struct contact	*c;
	int		 day, in;
	long long	 t;
};

struct found {
	struct capture	*cp;		/* only read while reading */
	struct op	*v;
	size_t		 n, cap;
	size_t		 count[NCOUNT];
};

static struct op *
op_new(struct found *r, int kind)
{
	struct op *o;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 4;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	o = &r->v[r->n++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	return o;
}

static void
count(struct found *r, int which)
{
	r->count[which]++;
}

/* Said later as warnx, or as warn with errno e when e is not 0. */
static void
say(struct found *r, int e, const char *fmt, ...)
{
	struct op *o = op_new(r, OP_SAY);
	struct buf b = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	o->n = e;
	o->s = b.s;
}

static void
add(struct found *r, struct contact *c, int day, int in, long long t,
    const char *mid, const char *note)
{
	struct op *o = op_new(r, OP_ADD);

	o->c = c;
	o->day = day;
	o->in = in;
	o->t = t;
	o->s = mid ? xstrdup(mid) : NULL;
	o->note = note ? xstrdup(note) : NULL;
}

/* What was found taken into the capture, in order, and said. */
static void
take(struct found *r)
{
	struct capture *cp = r->cp;
	size_t *n[] = { &cp->nread, &cp->ndraft, &cp->nbad, &cp->nbulk,
	    &cp->nother, &cp->nmany, &cp->nundated, &cp->nlater };
	struct op *o;
	size_t i;

	for (i = 0; i < NCOUNT; i++)
		*n[i] += r->count[i];
	for (i = 0; i < r->n; i++) {
		o = &r->v[i];
		if (o->kind == OP_SAY && o->n) {
			errno = o->n;
			warn("%s", o->s);
		} else if (o->kind == OP_SAY)
			warnx("%s", o->s);
		else
			capture_add(cp, o->c, o->day, o->in, o->t, o->s,
			    o->note);
		free(o->s);
		free(o->note);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
	r->cp = cp;
}

/*
 * One message: where, its path (and which of an mbox's); draft, a
 * Maildir's D flag.  What it would log goes into the capture; what it
 * would not is counted, and said when it is the message's fault.
 */
static void
message(struct found *r, const struct msg *g, const char *where, int draft)
{
	struct capture *cp = r->cp;
	struct alist from = { 0 }, to = { 0 };
	struct contact *c, *sender = NULL;
	char *mid = NULL, *note = NULL;
	long long t = 0;
	size_t i, k, found = 0;
	int day = NODATE, mine;

	count(r, N_READ);
	if (draft) {
		count(r, N_DRAFT);
		return;
	}
	msg_from(g, &from);
	if (from.n == 0) {
		say(r, 0, "'%s': no sender address: not logged", where);
		count(r, N_BAD);
		goto done;
	}
	mine = capture_isme(cp, from.v[0]);
	if (!mine)
		sender = capture_who(cp, from.v[0], 0);
	if (bulk(g, sender != NULL)) {
		count(r, N_BULK);
		goto done;
	}
	if (!mine && (!cp->received || sender == NULL)) {
		count(r, N_OTHER);
		goto done;
	}
	msg_rcpt(g, &to);
	if (to.n > (size_t)cp->net->mail_max_rcpt) {
		count(r, N_MANY);
		goto done;
	}
	if (!when(g, &day, &t)) {
		say(r, 0, "'%s': no date: not logged", where);
		count(r, N_UNDATED);
		goto done;
	}
	if (day > cp->today) {
		say(r, 0, "'%s': dated after today: not logged", where);
		count(r, N_LATER);
		goto done;
	}
	mid = msg_mid(g);
	note = msg_subject(g);
	if (!mine) {
		for (k = 0; (c = capture_who(cp, from.v[0], k)); k++)
			add(r, c, day, 1, t, mid, note);
		goto done;
	}
	for (i = 0; i < to.n; i++) {
		if (capture_isme(cp, to.v[i]))
			continue;
		for (k = 0; (c = capture_who(cp, to.v[i], k)); k++, found++)
			add(r, c, day, 0, t, mid, note);
	}
	if (found == 0)
		count(r, N_OTHER);
done:
	free(mid);
	g_free(note);
	alist_free(&from);
	alist_free(&to);
}

/* GMime's message as a msg. */
static void
message_gmime(struct found *r, GMimeMessage *m, const char *where, int draft)
{
	struct msg g = { m, { 0 } };

	message(r, &g, where, draft);
}

/*
 * The headers h[0..len) of a plain message into g: every line a field
 * (a name of printable ASCII, a colon) or the fold of one, the bytes
 * ASCII, each header nw reads there once.  0 when it is not so plain:
 * GMime then builds the message (8-bit headers in some charset, a
 * header twice, a line that is no field), from h as it was.  Else the
 * values are unfolded where they stand (their CR and LF taken out, a
 * NUL after each; h[len] is h's too): g->v point into h.
 */
static int
hdr_find(char *h, size_t len, struct msg *g)
{
	static const size_t hlen[NH] = { 4, 2, 2, 3, 4, 10, 7, 7, 16, 10,
	    14 };
	char *p = h, *e = h + len, *nl, *c, *at[NH], *end[NH];
	size_t i, k;
	int which;

	memset(g, 0, sizeof *g);
	for (i = 0; i < len; i++)
		if ((unsigned char)h[i] >= 0x80 || h[i] == '\0')
			return 0;
	/* where each value is, before a byte is moved */
	while (p < e && *p != '\n' && !(*p == '\r' && p + 1 < e &&
	    p[1] == '\n')) {
		for (c = p; c < e && *c > ' ' && *c < 0x7f && *c != ':'; c++)
			;
		if (c == p || c == e || *c != ':')
			goto odd;
		for (which = -1, k = 0; k < NH; k++)
			if ((size_t)(c - p) == hlen[k] &&
			    strncasecmp(p, hname[k], hlen[k]) == 0)
				which = k;
		if (which != -1 && g->v[which])
			goto odd;	/* twice */
		/* the field and its folds */
		for (nl = c + 1;;) {
			nl = memchr(nl, '\n', e - nl);
			nl = nl ? nl + 1 : e;
			if (nl == e || (*nl != ' ' && *nl != '\t'))
				break;
		}
		if (which != -1) {
			g->v[which] = at[which] = c + 1;
			end[which] = nl;
		}
		p = nl;
	}
	for (k = 0; k < NH; k++) {
		if (g->v[k] == NULL)
			continue;
		for (c = p = at[k]; c < end[k]; c++)
			if (*c != '\r' && *c != '\n')
				*p++ = *c;
		*p = '\0';
	}
	return 1;
odd:
	memset(g, 0, sizeof *g);
	return 0;
}

static char	*headers_after(int, const char *, size_t, size_t *);

/*
 * The end of the headers in s[0..n), looked for from s + from: after the
 * line end before a blank line; NULL when there is none yet.
 */
static const char *
headers_end(const char *s, size_t n, size_t from)
{
	const char *end = s + from, *e = s + n;

	for (; (end = memchr(end, '\n', e - end)) != NULL; end++)
		if ((end + 1 < e && end[1] == '\n') ||
		    (end + 2 < e && end[1] == '\r' && end[2] == '\n'))
			return end + 1;
	return NULL;
}

/* A message's headers, from a file of its own: up to the blank line. */
static char *
headers(int fd, size_t *len)
{
	return headers_after(fd, "", 0, len);
}

/* The same, its first bytes read already: pre[0..npre). */
static char *
headers_after(int fd, const char *pre, size_t npre, size_t *len)
{
	struct buf b = { 0 };
	char chunk[8192];
	const char *end;
	ssize_t n;

	while (b.len < HEADMAX) {
		if (npre) {
			memcpy(chunk, pre, npre);
			n = npre;
			npre = 0;
		} else if ((n = read(fd, chunk, sizeof chunk)) == -1) {
			if (errno == EINTR)
				continue;
			free(b.s);
			return NULL;
		}
		if (n == 0)
			break;
		buf_add(&b, chunk, n);
		/* a blank line, looked for near the new bytes only */
		if ((end = headers_end(b.s, b.len, b.len > (size_t)n + 3 ?
		    b.len - n - 3 : 0)) != NULL) {
			b.len = end - b.s;
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

/*
 * A file that holds one message, its first bytes pre[0..npre) read
 * already (the headers, most often: read where they are); draft: a
 * Maildir's D flag.
 */
static int
message_file(struct found *r, const char *path, int fd, char *pre,
    size_t npre, int draft)
{
	struct msg g = { NULL, { 0 } };
	GMimeParser *p;
	GMimeMessage *m;
	const char *end;
	char *h;
	size_t len;

	if ((end = headers_end(pre, npre, 0)) != NULL) {
		h = pre;
		len = end - pre;
	} else if ((h = headers_after(fd, pre, npre, &len)) == NULL) {
		say(r, errno, "'%s'", path);
		return 1;
	}
	if (hdr_find(h, len, &g)) {
		message(r, &g, path, draft);
		if (h != pre)
			free(h);
		return 0;
	}
	p = parser_on(g_mime_stream_mem_new_with_buffer(h, len),
	    GMIME_FORMAT_MESSAGE);
	if ((m = g_mime_parser_construct_message(p, NULL)) == NULL) {
		count(r, N_READ);
		count(r, N_BAD);
		say(r, 0, "'%s': not a message", path);
	} else {
		message_gmime(r, m, path, draft);
		g_object_unref(m);
	}
	g_object_unref(p);
	if (h != pre)
		free(h);
	return 0;
}

/* An mbox: messages after From lines (mboxo and mboxrd alike). */
static int
mbox(struct found *r, const char *path, GMimeStream *st)
{
	GMimeParser *p;
	GMimeMessage *m;
	char *where;
	size_t i;

	p = parser_on(st, GMIME_FORMAT_MBOX);
	for (i = 1; !g_mime_parser_eos(p); i++) {
		if ((m = g_mime_parser_construct_message(p, NULL)) == NULL) {
			if (i == 1) {
				say(r, 0, "'%s': not an mbox", path);
				count(r, N_BAD);
			}
			break;
		}
		where = xasprintf("%s, message %zu", path, i);
		message_gmime(r, m, where, 0);
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

static int file_read_one(struct found *, int, const char *, const char *, int);
static int read_path(struct capture *, const char *);

/* A Maildir's folder read: its files on every core, taken in order. */
struct mdir {
	struct capture	*cp;
	int		 dfd;
	const char	*dir;
	struct strv	*names;
	struct found	*r;		/* a file's findings, until taken */
	int		*rv;
};

static void
mdir_read(void *arg, size_t i)
{
	struct mdir *m = arg;
	size_t nd = strlen(m->dir), nn = strlen(m->names->v[i]);
	char *file = xmalloc(nd + nn + 2);

	memcpy(file, m->dir, nd);
	file[nd] = '/';
	memcpy(file + nd + 1, m->names->v[i], nn + 1);

	m->r[i].cp = m->cp;
	m->rv[i] = file_read_one(&m->r[i], m->dfd, m->names->v[i], file,
	    maildir_draft(m->names->v[i]));
	free(file);
}

static void
mdir_take(void *arg, size_t i)
{
	take(&((struct mdir *)arg)->r[i]);
}

/*
 * A Maildir: the files of its cur and new, in the order of their names,
 * each opened in its folder (no path looked up 50,000 times), read on
 * every core: what each found is taken into the capture in that order.
 */
static int
maildir(struct capture *cp, const char *path)
{
	static const char *const sub[] = { "cur", "new" };
	struct strv names = { 0 };
	struct mdir m;
	char *dir;
	size_t i, j;
	int rv = 0, any = 0, dfd;

	for (i = 0; i < 2; i++) {
		dir = xasprintf("%s/%s", path, sub[i]);
		if (dir_sorted(dir, NULL, &names) == -1 || (dfd = open(dir,
		    O_RDONLY | O_DIRECTORY)) == -1) {
			if (errno != ENOENT) {
				warn("'%s'", dir);
				rv = 1;
			}
			strv_free(&names);
			free(dir);
			continue;
		}
		any = 1;
		m.cp = cp;
		m.dfd = dfd;
		m.dir = dir;
		m.names = &names;
		m.r = xcalloc(names.n ? names.n : 1, sizeof *m.r);
		m.rv = xcalloc(names.n ? names.n : 1, sizeof *m.rv);
		cores_run(names.n, mdir_read, mdir_take, &m);
		for (j = 0; j < names.n; j++)
			rv |= m.rv[j];
		free(m.r);
		free(m.rv);
		close(dfd);
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

static int	file_read_fd(struct found *, int, const char *, int);

/*
 * A file of one message, or an mbox, told by its first bytes: name in
 * the folder dfd (AT_FDCWD: path itself), path in what is said.
 */
static int
file_read_one(struct found *r, int dfd, const char *name, const char *path,
    int draft)
{
	int fd, rv;

	if ((fd = openat(dfd, name, O_RDONLY)) == -1) {
		say(r, errno, "'%s'", path);
		return 1;
	}
	rv = file_read_fd(r, fd, path, draft);
	close(fd);
	return rv;
}

/* The same, the file open as fd (left open). */
static int
file_read_fd(struct found *r, int fd, const char *path, int draft)
{
	char head[8192];
	ssize_t n;
	int fd2;

	/* one read: a message's headers, most often, or an mbox's start */
	while ((n = read(fd, head, sizeof head)) == -1 && errno == EINTR)
		;
	if (n == -1 || (n >= 5 && memcmp(head, "From ", 5) == 0 &&
	    lseek(fd, 0, SEEK_SET) == -1)) {
		say(r, errno, "'%s'", path);
		return 1;
	}
	if (n >= 5 && memcmp(head, "From ", 5) == 0) {
		if ((fd2 = dup(fd)) == -1)
			err(1, "dup");
		return mbox(r, path, g_mime_stream_fs_new(fd2));
	}
	return message_file(r, path, fd, head, n, draft);
}

/* GMime, and the zone of the run (when), once. */
static void
start(void)
{
	if (inited)
		return;
	g_mime_init();
	zone = g_time_zone_new_local();
	inited = 1;
}

/*
 * One message, or an mbox, as bytes (the fuzz harness's way in); where
 * names it in what is said.
 */
void
mail_message(struct capture *cp, const char *data, size_t len,
    const char *where)
{
	struct found r = { cp, NULL, 0, 0, { 0 } };
	GMimeParser *p;
	GMimeMessage *m;

	start();
	if (len >= 5 && memcmp(data, "From ", 5) == 0) {
		mbox(&r, where, g_mime_stream_mem_new_with_buffer(data, len));
		take(&r);
		return;
	}
	p = parser_on(g_mime_stream_mem_new_with_buffer(data, len),
	    GMIME_FORMAT_MESSAGE);
	if ((m = g_mime_parser_construct_message(p, NULL)) == NULL) {
		count(&r, N_READ);
		count(&r, N_BAD);
	} else {
		message_gmime(&r, m, where, 0);
		g_object_unref(m);
	}
	g_object_unref(p);
	take(&r);
}

/*
 * Read what path holds: a Maildir (a folder with cur and new), an mbox,
 * or a file of one message (a Maildir's, an MH folder's, what mlist or
 * notmuch name).  1 when it could not be read; a message that does not
 * parse is counted and said, and the rest is still read.
 */
static int
read_path(struct capture *cp, const char *path)
{
	struct found r = { cp, NULL, 0, 0, { 0 } };
	struct stat st;
	const char *base;
	int rv;

	start();
	if (stat(path, &st) == -1) {
		warn("'%s'", path);
		return 1;
	}
	if (S_ISDIR(st.st_mode))
		return maildir(cp, path);
	base = strrchr(path, '/');
	rv = file_read_one(&r, AT_FDCWD, path, path,
	    maildir_draft(base ? base + 1 : path));
	take(&r);
	return rv;
}

/*
 * The paths named (mail_read) read on every core, what each found taken
 * in their order: a regular file is read by a core, anything else (a
 * folder, a file that does not open) by read_path when its turn comes.
 */
#define QUEUE	4096		/* paths named, at most, before they are read */

struct named {
	struct capture	*cp;
	struct strv	*paths;
	struct found	*r;
	int		*rv;		/* -1: read_path's to read */
};

static void
named_read(void *arg, size_t i)
{
	struct named *q = arg;
	const char *path = q->paths->v[i], *base = strrchr(path, '/');
	struct stat st;
	int fd;

	q->r[i].cp = q->cp;
	q->rv[i] = -1;
	if ((fd = open(path, O_RDONLY)) == -1)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		q->rv[i] = file_read_fd(&q->r[i], fd, path,
		    maildir_draft(base ? base + 1 : path));
	close(fd);
}

static void
named_take(void *arg, size_t i)
{
	struct named *q = arg;

	if (q->rv[i] == -1)
		q->rv[i] = read_path(q->cp, q->paths->v[i]);
	else
		take(&q->r[i]);
}

/* The paths named so far read (mail_read); 1 when one could not be. */
int
mail_read_named(struct capture *cp)
{
	struct named q;
	size_t i, n = cp->named.n;
	int rv = 0;

	if (n == 0)
		return 0;
	start();
	q.cp = cp;
	q.paths = &cp->named;
	q.r = xcalloc(n, sizeof *q.r);
	q.rv = xcalloc(n, sizeof *q.rv);
	cores_run(n, named_read, named_take, &q);
	for (i = 0; i < n; i++)
		rv |= q.rv[i];
	free(q.r);
	free(q.rv);
	strv_free(&cp->named);
	return rv;
}

/*
 * Read what path holds: a Maildir (a folder with cur and new), an mbox,
 * or a file of one message (a Maildir's, an MH folder's, what mlist or
 * notmuch name), in the order named, once mail_read_named is called:
 * paths are read QUEUE at a time, on every core.  1 when one could not
 * be read; a message that does not parse is counted and said, and the
 * rest is still read.
 */
int
mail_read(struct capture *cp, const char *path)
{
	strv_add(&cp->named, path);
	return cp->named.n < QUEUE ? 0 : mail_read_named(cp);
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

	start();
	if ((h = headers(fd, &len)) == NULL)
		return 0;
	p = parser_on(g_mime_stream_mem_new_with_buffer(h, len),
	    GMIME_FORMAT_MESSAGE);
	if ((m = g_mime_parser_construct_message(p, NULL)) != NULL) {
		mail_addr_people(g_mime_message_get_from(m), me, out);
		if (all) {
			mail_addr_people(g_mime_message_get_addresses(m,
			    GMIME_ADDRESS_TYPE_TO), me, out);
			mail_addr_people(g_mime_message_get_addresses(m,
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
	mail_addr_free();
	if (zone)
		g_time_zone_unref(zone);
	zone = NULL;
	if (inited)
		g_mime_shutdown();
	inited = 0;
}
