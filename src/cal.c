/* cal.c - calendars read with libical: what nw-cal would log */

#include <sys/stat.h>

#include <err.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>

#include <libical/ical.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * An event is parsed by libical: time zones (VTIMEZONE and TZID, else
 * libical's own), all-day dates, floating times, and recurrence by
 * RRULE, RDATE and EXDATE expanded by icalcomponent_foreach_recurrence.
 * An occurrence moved or cancelled by an event of the same UID with a
 * RECURRENCE-ID is that event's, not the series'.
 */

struct override {			/* an event with a RECURRENCE-ID */
	icalcomponent		*ev;
	const char		*uid;
	struct icaltimetype	 r;
};

struct overrides {
	struct override	*v;
	size_t		 n;
};

struct occur {
	struct capture	*cp;
	icalcomponent	*ev;
	struct overrides *ov;		/* the calendar's */
	struct strv	 who;		/* the contacts' addresses, folded */
	const char	*uid, *summary;
	int		 recurs;	/* uid/date: of a series */
	int		 series;	/* RRULE or RDATE: its own occurrences */
	int		 from, to;	/* the days looked at */
};

/* An address of a mailto: URI, folded; NULL when it is none. */
static char *
mailto(const char *v)
{
	if (v == NULL)
		return NULL;
	if (strncasecmp(v, "mailto:", 7) == 0)
		v += 7;
	if (strchr(v, '@') == NULL)
		return NULL;
	return utf8_fold(v);
}

/* The day and time of an instant, as the event means it. */
static int
instant_day(time_t t, int local, long long *when)
{
	struct tm tm;

	*when = t;
	if (local ? localtime_r(&t, &tm) == NULL : gmtime_r(&t, &tm) == NULL)
		return NODATE;
	return date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/*
 * Is this occurrence one an event of the same UID with a RECURRENCE-ID
 * moved or cancelled?  The RECURRENCE-ID is a time on the clock of the
 * series' DTSTART: compared so.
 */
static int
moved(struct occur *o, time_t start, struct icaltimetype dtstart)
{
	struct icaltimetype r, s;
	size_t i;

	if (o->ov->n == 0)
		return 0;
	s = icaltime_from_timet_with_zone(start, dtstart.is_date,
	    dtstart.zone ? (icaltimezone *)dtstart.zone :
	    icaltimezone_get_utc_timezone());
	for (i = 0; i < o->ov->n; i++) {
		if (o->ov->v[i].ev == o->ev || strcmp(o->ov->v[i].uid,
		    o->uid) != 0)
			continue;
		r = o->ov->v[i].r;
		if (r.year == s.year && r.month == s.month && r.day == s.day &&
		    (r.is_date || s.is_date || (r.hour == s.hour &&
		    r.minute == s.minute && r.second == s.second)))
			return 1;
	}
	return 0;
}

static void
occurrence(icalcomponent *ev, struct icaltime_span *span, void *arg)
{
	struct occur *o = arg;
	struct icaltimetype s = icalcomponent_get_dtstart(ev);
	struct contact *c;
	long long when;
	char *uid;
	char ds[11];
	size_t i, k;
	int day, local = !s.is_date && s.zone != NULL;

	if (o->series && moved(o, span->start, s))
		return;
	day = instant_day(span->start, local, &when);
	if (day == NODATE || day < o->from || day > o->to)
		return;
	if (o->recurs) {
		date_str(day, ds);
		uid = xasprintf("%s/%.4s%.2s%.2s", o->uid, ds, ds + 5, ds + 8);
	} else
		uid = xstrdup(o->uid);
	for (i = 0; i < o->who.n; i++)
		for (k = 0; (c = capture_who(o->cp, o->who.v[i], k)); k++)
			capture_add(o->cp, c, day, 0, when, uid, o->summary);
	free(uid);
}

/* One VEVENT of cal: its people, then its occurrences from..to. */
static void
event(struct capture *cp, struct overrides *ov, icalcomponent *ev, int from,
    int to)
{
	struct occur o = { 0 };
	struct icaltimetype start, end;
	icalproperty *p;
	icalparameter *ps;
	char *a;
	size_t nattend = 0, i;
	int declined = 0, y, m, d;

	cp->nread++;
	if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED ||
	    ((p = icalcomponent_get_first_property(ev, ICAL_TRANSP_PROPERTY)) &&
	    icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENT)) {
		cp->nbulk++;
		return;
	}
	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_ORGANIZER_PROPERTY)) != NULL &&
	    (a = mailto(icalproperty_get_organizer(p))) != NULL) {
		if (!capture_isme(cp, a))
			strv_add(&o.who, a);
		free(a);
	}
	for (p = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
	    p; p = icalcomponent_get_next_property(ev,
	    ICAL_ATTENDEE_PROPERTY)) {
		nattend++;
		if ((a = mailto(icalproperty_get_attendee(p))) == NULL)
			continue;
		ps = icalproperty_get_first_parameter(p,
		    ICAL_PARTSTAT_PARAMETER);
		if (capture_isme(cp, a))
			declined |= ps && icalparameter_get_partstat(ps) ==
			    ICAL_PARTSTAT_DECLINED;
		else if (!strv_has(&o.who, a))
			strv_add(&o.who, a);
		free(a);
	}
	if (declined) {
		cp->nbulk++;
		goto done;
	}
	if (nattend > (size_t)cp->net->cal_max_attendees) {
		cp->nmany++;
		goto done;
	}
	for (i = 0; i < o.who.n && capture_who(cp, o.who.v[i], 0) == NULL; i++)
		;
	if (i == o.who.n || (o.uid = icalcomponent_get_uid(ev)) == NULL) {
		cp->nother++;
		goto done;
	}
	o.cp = cp;
	o.ev = ev;
	o.ov = ov;
	o.summary = icalcomponent_get_summary(ev);
	o.from = from;
	o.to = to;
	o.series = icalcomponent_get_first_property(ev,
	    ICAL_RRULE_PROPERTY) != NULL ||
	    icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY) != NULL;
	o.recurs = o.series || !icaltime_is_null_time(
	    icalcomponent_get_recurrenceid(ev));
	date_to_civil(from - 1, &y, &m, &d);
	start = icaltime_null_time();
	start.year = y, start.month = m, start.day = d, start.is_date = 1;
	date_to_civil(to + 2, &y, &m, &d);
	end = start;
	end.year = y, end.month = m, end.day = d;
	icalcomponent_foreach_recurrence(ev, start, end, occurrence, &o);
done:
	strv_free(&o.who);
}

/* A file's bytes, NUL-terminated, whatever its size. */
static char *
slurp(const char *path)
{
	struct buf b = { 0 };
	char chunk[65536];
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	while ((n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			free(b.s);
			close(fd);
			return NULL;
		}
		buf_add(&b, chunk, n);
	}
	close(fd);
	buf_add(&b, "", 0);
	return b.s ? b.s : xstrdup("");
}

/*
 * The events of a calendar's text, from day from to day to; where names
 * it in what is said.
 */
void
cal_text(struct capture *cp, const char *text, const char *where, int from,
    int to)
{
	struct overrides ov = { NULL, 0 };
	struct icaltimetype r;
	icalcomponent *cal, *ev;
	const char *uid;

	if ((cal = icalparser_parse_string(text)) == NULL) {
		warnx("'%s': not a calendar", where);
		cp->nbad++;
		return;
	}
	/* the moved and cancelled occurrences, once for every series */
	for (ev = icalcomponent_get_first_component(cal,
	    ICAL_VEVENT_COMPONENT); ev; ev = icalcomponent_get_next_component(
	    cal, ICAL_VEVENT_COMPONENT)) {
		r = icalcomponent_get_recurrenceid(ev);
		if (icaltime_is_null_time(r) ||
		    (uid = icalcomponent_get_uid(ev)) == NULL)
			continue;
		ov.v = xrealloc(ov.v, (ov.n + 1) * sizeof *ov.v);
		ov.v[ov.n].ev = ev;
		ov.v[ov.n].uid = uid;
		ov.v[ov.n++].r = r;
	}
	if (icalcomponent_isa(cal) == ICAL_VEVENT_COMPONENT)
		event(cp, &ov, cal, from, to);
	for (ev = icalcomponent_get_first_component(cal,
	    ICAL_VEVENT_COMPONENT); ev; ev = icalcomponent_get_next_component(
	    cal, ICAL_VEVENT_COMPONENT))
		event(cp, &ov, ev, from, to);
	free(ov.v);
	icalcomponent_free(cal);
}

/* The events of one .ics file. */
static int
ics(struct capture *cp, const char *path, int from, int to)
{
	char *text;

	if ((text = slurp(path)) == NULL) {
		warn("'%s'", path);
		return 1;
	}
	cal_text(cp, text, path, from, to);
	free(text);
	return 0;
}

/*
 * Read what path holds, the events from day from to day to: a vdir (a
 * folder of .ics files, vdirsyncer's and khal's) or an .ics file.  1
 * when it could not be read; a file that does not parse is counted and
 * said, and the rest is still read.
 */
int
cal_read(struct capture *cp, const char *path, int from, int to)
{
	struct strv names = { 0 };
	struct stat st;
	char *file;
	size_t i;
	int rv = 0;

	if (stat(path, &st) == -1) {
		warn("'%s'", path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return ics(cp, path, from, to);
	if (dir_sorted(path, ".ics", &names) == -1) {
		warn("'%s'", path);
		return 1;
	}
	for (i = 0; i < names.n; i++) {
		file = xasprintf("%s/%s", path, names.v[i]);
		rv |= ics(cp, file, from, to);
		free(file);
	}
	strv_free(&names);
	return rv;
}
