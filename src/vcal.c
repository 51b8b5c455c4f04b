/* vcal.c - the calendar vdir of nw-vdir -c: one .ics an event, one way */

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"
#include "vdir.h"

/* s[0..len) without its DTSTAMP line: what an event says. */
static char *
unstamped(const char *s, size_t len, size_t *out)
{
	struct buf b = { 0 };
	const char *l = s, *e = s + len, *nl;

	buf_puts(&b, "");
	for (; l < e; l = nl) {
		nl = memchr(l, '\n', e - l);
		nl = nl ? nl + 1 : e;
		if (strncmp(l, "DTSTAMP:", 8) != 0)
			buf_add(&b, l, nl - l);
	}
	*out = b.len;
	return b.s;
}

static int
same_event(const char *a, size_t alen, const char *b, size_t blen)
{
	char *x, *y;
	size_t xl, yl;
	int same;

	x = unstamped(a, alen, &xl);
	y = unstamped(b, blen, &yl);
	same = xl == yl && memcmp(x, y, xl) == 0;
	free(x);
	free(y);
	return same;
}

/* Each VEVENT of the events in ev as a calendar of its own: name, text. */
static void
events_split(struct net *net, const char *ev, struct strv *out)
{
	const char *p = ev, *end, *uid, *ue;
	struct buf b = { 0 };
	char *name, *u;

	while ((p = strstr(p, "BEGIN:VEVENT\r\n")) != NULL) {
		if ((end = strstr(p, "END:VEVENT\r\n")) == NULL)
			break;
		end += 12;
		uid = strstr(p, "\r\nUID:");
		if (uid == NULL || uid > end) {
			p = end;
			continue;
		}
		uid += 6;
		ue = strstr(uid, "\r\n");
		u = xstrndup(uid, ue - uid);
		name = vd_uid_file(u);
		memcpy(name + strlen(name) - 4, ".ics", 4);
		b.len = 0;
		ical_begin(&b);
		buf_add(&b, p, end - p);
		ical_end(&b);
		strv_add(out, name);
		strv_add(out, b.s);
		free(name);
		free(u);
		p = end;
	}
	free(b.s);
	(void)net;
}

/*
 * Write the network's events to the calendar vdir dir: each birthday,
 * date and due date of nw-export -f ics, one file an event named by its
 * UID, with an alarm at the alarm: setting (09:00 when it is not set).
 * Written only when what it says changed (its DTSTAMP aside), removed
 * when it goes; an event changed in the folder is written over, and said.
 * The state is the cards' (vd_state_load), its entries events of "event".
 */
int
vdir_calendar(struct net *net, const char *dir, struct vdir_run *run)
{
	struct net_all a = { 0 };
	struct strv ev = { 0 };
	struct buf b = { 0 };
	struct vstate st = { 0 };
	struct pending pd = { 0 };
	struct ventry *e;
	char real[PATH_MAX], *s;
	size_t i, j, len;
	char *gone = NULL;	/* the first event removed */
	int today = date_today(), failed;

	if (!run->dry && mkdir(dir, 0700) == -1 && errno != EEXIST)
		err(1, "'%s'", dir);
	if (realpath(dir, real) == NULL)
		err(1, "'%s'", dir);
	if (net->alarm == ALARM_UNSET)
		net->alarm = 9 * 60;
	s = xasprintf("calendar:%s", real);
	st.net = net;
	st.dir = xstrdup(dir);
	st.run = run;
	net_lock(net);
	st.sdir = vd_state_dir(net, s, run->dry);
	free(s);
	vd_state_load(&st);
	vd_clean_stale(&st, run->dry);

	vd_net_all_load(net, &a, C_STRUCT | C_KEYS);
	for (i = 0; i < a.n; i++) {
		if (vd_net_whole(&a, i)->lib->err)
			continue;
		b.len = 0;
		buf_puts(&b, "");
		ical_contact(&b, net, a.c[i], today);
		events_split(net, b.s, &ev);
	}
	for (i = 0; i < st.n; i++)
		st.v[i].drop = 1;		/* unless an event is still there */
	for (i = 0; i + 1 < ev.n; i += 2) {
		if ((e = vd_entry_byfile_any(&st, ev.v[i])) == NULL)
			e = vd_entry_add(&st, ev.v[i], ev.v[i], "event");
		e->drop = 0;
		len = strlen(ev.v[i + 1]);
		free(e->want);
		e->want = xstrndup(ev.v[i + 1], len);
		e->wlen = len;
		s = vd_read(&st, ev.v[i], &j);
		if (s && e->base && (j != e->blen || memcmp(s, e->base, j) != 0))
			warnx("%s/%s: changed in the calendar; nw's written "
			    "over it", dir, ev.v[i]);
		if (s == NULL || !same_event(s, j, e->want, e->wlen)) {
			run->nwritten++;
			if (!run->dry)
				vd_stage(&st, &pd, e->file, e->want, e->wlen);
		} else {
			free(e->want);	/* the file as it is is the base */
			e->want = s;
			e->wlen = j;
			s = NULL;
		}
		free(s);
	}
	if (!run->dry && vd_commit(&st, &pd) != 0)
		st.failed = 1;
	for (i = 0; i < st.n; i++) {
		e = &st.v[i];
		if (!e->drop)
			continue;
		run->nremoved++;
		st.dirty = 1;
		if (run->dry)
			continue;
		s = xasprintf("%s/%s", dir, e->file);
		if (unlink(s) == -1 && errno != ENOENT) {
			warn("'%s'", s);
			st.failed = 1;
		} else if (gone == NULL) {
			gone = s;
			continue;
		}
		free(s);
	}
	if (gone && syncdir(dir) == -1)
		unsynced(0, gone, "removed", dir);
	free(gone);
	if (!run->dry && !st.failed)
		vd_state_save(&st);
	net_unlock(net);
	vd_net_all_free(&a);
	strv_free(&ev);
	free(b.s);
	failed = st.failed;
	vd_state_free(&st);
	return failed;
}
