/* date.c - civil dates as day numbers, durations, today */

#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nw.h"
#include "nw_priv.h"

/* Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant). */
int
date_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_to_civil(int z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : n[m - 1];
}

static int
digits(const char *s, int n)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + s[i] - '0';
	}
	return v;
}

/* Strict YYYY-MM-DD; 0 when it is no real date. */
int
date_parse(const char *s, int *out)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if ((y = digits(s, 4)) < 1 || (m = digits(s + 5, 2)) < 1 || m > 12 ||
	    (d = digits(s + 8, 2)) < 1 || d > mdays(y, m))
		return 0;
	*out = date_from_civil(y, m, d);
	return 1;
}

char *
date_str(int z, char s[11])
{
	int y, m, d;

	date_to_civil(z, &y, &m, &d);
	snprintf(s, 11, "%04d-%02d-%02d", y, m, d);
	return s;
}

/* Months and years clamp to the month's end: Jan 31 + 1m = Feb 28/29. */
static int
add(int z, struct dur du)
{
	int y, m, d, months;

	switch (du.unit) {
	case 'd':
		return z + du.n;
	case 'w':
		return z + 7 * du.n;
	}
	months = du.unit == 'y' ? 12 * du.n : du.n;
	date_to_civil(z, &y, &m, &d);
	/* months since year 0, split back with floor division: n may be < 0 */
	months += 12 * y + m - 1;
	y = months >= 0 ? months / 12 : -((-months + 11) / 12);
	m = months - 12 * y + 1;
	if (d > mdays(y, m))
		d = mdays(y, m);
	return date_from_civil(y, m, d);
}

/*
 * A date and a duration, kept within what YYYY-MM-DD can say: a cadence
 * that would take a due date past 9999-12-31 stops there.
 */
int
date_add(int z, struct dur du)
{
	z = add(z, du);
	if (z > date_from_civil(9999, 12, 31))
		return date_from_civil(9999, 12, 31);
	if (z < date_from_civil(1, 1, 1))
		return date_from_civil(1, 1, 1);
	return z;
}

/* NW_TODAY, else the local date. */
int
date_today(void)
{
	const char *s;
	struct tm tm;
	time_t t;
	int z;

	if ((s = getenv("NW_TODAY")) != NULL && *s) {
		if (!date_parse(s, &z)) {
			warnx("NW_TODAY: '%s': not a date (YYYY-MM-DD)", s);
			exit(2);
		}
		return z;
	}
	t = time(NULL);
	if (localtime_r(&t, &tm) == NULL)	/* on any thread */
		return date_from_civil(1970, 1, 1);
	return date_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

/* 0 Sunday .. 6 Saturday */
int
date_weekday(int z)
{
	return ((z % 7) + 7 + 4) % 7;
}

static int
weekday_name(const char *s)
{
	static const char *names[] = { "sunday", "monday", "tuesday",
	    "wednesday", "thursday", "friday", "saturday" };
	size_t n = strlen(s);
	int i;

	if (n < 3)
		return -1;
	for (i = 0; i < 7; i++)
		if (n <= strlen(names[i]) && strcaseprefix(names[i], s))
			return i;
	return -1;
}

/* "3d", "2w", "1m", "1y": a positive count and a unit. */
int
dur_parse(const char *s, struct dur *du)
{
	char *end;
	long n;

	if (!isdigit((unsigned char)*s))
		return 0;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || n < 1 || n > 10000 || end[0] == '\0' || end[1] != '\0' ||
	    strchr("dwmy", end[0]) == NULL)
		return 0;
	du->n = n;
	du->unit = end[0];
	return 1;
}

/* A cadence: a duration, or "never" (unit 'n'): no due date at all. */
int
cadence_parse(const char *s, struct dur *du)
{
	if (strcmp(s, "never") == 0) {
		du->n = 0;
		du->unit = 'n';
		return 1;
	}
	return dur_parse(s, du);
}

/* A duration in nominal days, to compare cadences; never is 0. */
int
dur_days(struct dur du)
{
	switch (du.unit) {
	case 'd': return du.n;
	case 'w': return 7 * du.n;
	case 'm': return 30 * du.n;
	case 'y': return 365 * du.n;
	case 'n': return 0;
	}
	return 365;
}

char *
dur_str(struct dur du, char s[16])
{
	if (du.unit == 'n')
		snprintf(s, 16, "never");
	else
		snprintf(s, 16, "%d%c", du.n, du.unit);
	return s;
}

/* Years 1 to 9999: what YYYY-MM-DD can say. */
static int
inrange(int z)
{
	return z >= date_from_civil(1, 1, 1) &&
	    z <= date_from_civil(9999, 12, 31);
}

/*
 * A date in the past: YYYY-MM-DD, today, yesterday, monday, 3d, 2w.
 * Like every form here, it stays within years 1 to 9999.
 */
int
date_parse_past(const char *s, int today, int *out)
{
	struct dur du;
	int wd;

	if (date_parse(s, out))
		return 1;
	if (strcaseeq(s, "today"))
		*out = today;
	else if (strcaseeq(s, "yesterday"))
		*out = today - 1;
	else if ((wd = weekday_name(s)) >= 0)
		*out = today - ((date_weekday(today) - wd + 6) % 7 + 1);
	else if (dur_parse(s, &du)) {
		du.n = -du.n;
		*out = add(today, du);
	} else
		return 0;
	return inrange(*out);
}

/* A date ahead: YYYY-MM-DD, today, tomorrow, friday, 2w. */
int
date_parse_ahead(const char *s, int today, int *out)
{
	struct dur du;
	int wd;

	if (date_parse(s, out))
		return 1;
	if (strcaseeq(s, "today"))
		*out = today;
	else if (strcaseeq(s, "tomorrow"))
		*out = today + 1;
	else if ((wd = weekday_name(s)) >= 0)
		*out = today + ((wd - date_weekday(today) + 6) % 7 + 1);
	else if (dur_parse(s, &du))
		*out = add(today, du);
	else
		return 0;
	return inrange(*out);
}

/* YYYY-MM-DD or --MM-DD */
int
bday_parse(const char *s, struct bday *b)
{
	char tmp[11];
	int y, z;

	if (strlen(s) == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-') {
		memcpy(tmp, "2000", 4);	/* a leap year admits --02-29 */
		memcpy(tmp + 4, s + 1, 7);
		if (!date_parse(tmp, &z))
			return 0;
		date_to_civil(z, &y, &b->month, &b->day);
		b->year = 0;
		return 1;
	}
	if (!date_parse(s, &z))
		return 0;
	date_to_civil(z, &b->year, &b->month, &b->day);
	return 1;
}

/* The birthday's next day on or after today; Feb 29 is Feb 28 otherwise. */
int
bday_next(struct bday b, int today)
{
	int y, m, d, z;

	date_to_civil(today, &y, &m, &d);
	for (;; y++) {
		d = b.day;
		if (b.month == 2 && d == 29 && !leap(y))
			d = 28;
		if ((z = date_from_civil(y, b.month, d)) >= today)
			return z;
	}
}

/* A time of day, HH:MM, as minutes after 00:00; "none" is ALARM_NONE. */
int
alarm_parse(const char *s, int *min)
{
	if (strcmp(s, "none") == 0) {
		*min = ALARM_NONE;
		return 1;
	}
	if (strlen(s) != 5 || s[2] != ':' || !isdigit((unsigned char)s[0]) ||
	    !isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]))
		return 0;
	*min = ((s[0] - '0') * 10 + s[1] - '0') * 60 + (s[3] - '0') * 10 +
	    s[4] - '0';
	return *min < 24 * 60 && s[3] < '6';
}
