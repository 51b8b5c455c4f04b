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
 * A birthday is a yearly all-day event from the day of birth (or from
 * 2000 when the year is unknown); a Feb 29 falls on the last day of
 * February.  The due date is an all-day event on that day, or today when
 * it is past, so that it shows where one looks.
 */
void
ical_contact(struct buf *b, struct net *net, struct contact *c, int today)
{
	struct due d;
	char ds[11], *s;
	int z, start;

	if (c->bday.month) {
		z = date_from_civil(c->bday.year ? c->bday.year : 2000,
		    c->bday.month, c->bday.day);
		ics_begin(b, c->id, "birthday", today);
		ics_date(b, "DTSTART;VALUE=DATE", z);
		ics_date(b, "DTEND;VALUE=DATE", z + 1);
		vc_line(b, "RRULE", c->bday.month == 2 && c->bday.day == 29 ?
		    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY");
		s = xasprintf("Birthday: %s", c->name);
		ics_text(b, "SUMMARY", s);
		free(s);
		vc_line(b, "TRANSP", "TRANSPARENT");
		vc_line(b, "END", "VEVENT");
	}
	contact_due(net, c, today, &d);
	start = d.due < today ? today : d.due;
	ics_begin(b, c->id, "due", today);
	ics_date(b, "DTSTART;VALUE=DATE", start);
	ics_date(b, "DTEND;VALUE=DATE", start + 1);
	s = xasprintf("Get in touch with %s", c->name);
	ics_text(b, "SUMMARY", s);
	free(s);
	s = d.due < today ? xasprintf("%s; due %s, %d day%s ago", d.reason,
	    date_str(d.due, ds), d.days, d.days == 1 ? "" : "s") :
	    xstrdup(d.reason);
	ics_text(b, "DESCRIPTION", s);
	free(s);
	vc_line(b, "TRANSP", "TRANSPARENT");
	vc_line(b, "END", "VEVENT");
	free(d.reason);
	free(d.bdreason);
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
