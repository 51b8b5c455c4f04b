/* ical.c - contacts as iCalendar events (RFC 5545) */

#include <stdio.h>
#include <stdlib.h>

#include "nw.h"
#include "nw_priv.h"

static void
ics_date(struct buf *b, const char *name, int z)
{
	char v[16];
	int y, m, d;

	date_to_civil(z, &y, &m, &d);
	snprintf(v, sizeof v, "%04d%02d%02d", y, m, d);
	vc_line(b, name, v);
}

/*
 * An all-day event's end, the day after z: DTEND, but a duration of a day
 * for 9999-12-31, whose next day YYYYMMDD cannot say (RFC 5545 3.6.1).
 */
static void
ics_end(struct buf *b, int z)
{
	if (z >= date_from_civil(9999, 12, 31))
		vc_line(b, "DURATION", "P1D");
	else
		ics_date(b, "DTEND;VALUE=DATE", z + 1);
}

/* An event's start: its UID from the id, and when it was made (today). */
static void
ics_begin(struct buf *b, const char *id, const char *what, int today)
{
	char uid[37], stamp[32], *u;
	int y, m, d;

	u = xasprintf("nw:%s#%s", id, what);
	uuid_v5(u, uid);
	free(u);
	vc_line(b, "BEGIN", "VEVENT");
	vc_line(b, "UID", uid);
	date_to_civil(today, &y, &m, &d);
	snprintf(stamp, sizeof stamp, "%04d%02d%02dT000000Z", y, m, d);
	vc_line(b, "DTSTAMP", stamp);
}

static void
ics_text(struct buf *b, const char *name, const char *s)
{
	char *t = vc_text(s);

	vc_line(b, name, t);
	free(t);
}

/*
 * A reminder on the day of an all-day event, at alarm minutes after its
 * start, local midnight (RFC 5545 3.8.6.3); none when alarm is negative.
 */
static void
ics_alarm(struct buf *b, int alarm, const char *summary)
{
	char t[32];

	if (alarm < 0)
		return;
	if (alarm % 60 == 0)
		snprintf(t, sizeof t, "PT%dH", alarm / 60);
	else
		snprintf(t, sizeof t, "PT%dH%dM", alarm / 60, alarm % 60);
	vc_line(b, "BEGIN", "VALARM");
	vc_line(b, "ACTION", "DISPLAY");
	ics_text(b, "DESCRIPTION", summary);
	vc_line(b, "TRIGGER;RELATED=START", t);
	vc_line(b, "END", "VALARM");
}

/*
 * A yearly all-day event from its first day: a birthday from the day of
 * birth (or from 2000 when the year is unknown), a date of the dates map
 * the same way; a Feb 29 falls on the last day of February.  what names
 * the event in its UID; summary is its title.
 */
static void
ics_yearly(struct buf *b, struct contact *c, const char *what,
    struct bday when, const char *summary, int today, int alarm)
{
	int z;

	z = date_from_civil(when.year ? when.year : 2000, when.month, when.day);
	ics_begin(b, c->id, what, today);
	ics_date(b, "DTSTART;VALUE=DATE", z);
	ics_end(b, z);
	vc_line(b, "RRULE", when.month == 2 && when.day == 29 ?
	    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY");
	ics_text(b, "SUMMARY", summary);
	vc_line(b, "TRANSP", "TRANSPARENT");
	ics_alarm(b, alarm, summary);
	vc_line(b, "END", "VEVENT");
}

/*
 * A contact's events: the birthday and each of its dates, every year,
 * and the due date as an all-day event on that day, or today when it is
 * past, so that it shows where one looks.  A cadence of never has no due
 * date, and no event for it.  Each event rings on its day at net->alarm
 * (the alarm: setting, nw-export -A) when that is a time.
 */
void
ical_contact(struct buf *b, struct net *net, struct contact *c, int today)
{
	struct due d;
	char ds[11], *s, *what, *summary;
	size_t i;
	int start;

	if (c->lib->bday.month) {
		s = xasprintf("Birthday: %s", c->name);
		ics_yearly(b, c, "birthday", c->lib->bday, s, today,
		    net->alarm);
		free(s);
	}
	for (i = 0; i < c->lib->dates.n; i++) {
		what = xasprintf("date:%s", c->lib->dates.v[i].what);
		s = xasprintf("%s: %s", c->name, c->lib->dates.v[i].what);
		ics_yearly(b, c, what, c->lib->dates.v[i].when, s, today,
		    net->alarm);
		free(what);
		free(s);
	}
	contact_due(net, c, today, &d);
	if (d.never)
		goto done;
	start = d.due < today ? today : d.due;
	ics_begin(b, c->id, "due", today);
	ics_date(b, "DTSTART;VALUE=DATE", start);
	ics_end(b, start);
	summary = xasprintf("Get in touch with %s", c->name);
	ics_text(b, "SUMMARY", summary);
	s = d.due < today ? xasprintf("%s; due %s, %d day%s ago", d.reason,
	    date_str(d.due, ds), d.days, d.days == 1 ? "" : "s") :
	    xstrdup(d.reason);
	ics_text(b, "DESCRIPTION", s);
	free(s);
	vc_line(b, "TRANSP", "TRANSPARENT");
	ics_alarm(b, net->alarm, summary);
	free(summary);
	vc_line(b, "END", "VEVENT");
done:
	due_free(&d);
}

/* The calendar's start; ical_end closes it. */
void
ical_begin(struct buf *b)
{
	vc_line(b, "BEGIN", "VCALENDAR");
	vc_line(b, "VERSION", "2.0");
	vc_line(b, "PRODID", "-//nw//nw-export " NW_VERSION "//EN");
	vc_line(b, "CALSCALE", "GREGORIAN");
	vc_line(b, "X-WR-CALNAME", "nw");
}

void
ical_end(struct buf *b)
{
	vc_line(b, "END", "VCALENDAR");
}
