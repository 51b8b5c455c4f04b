/* t-date - civil dates, durations, relative forms, birthdays */

#include <stdio.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

static int n, failed;

static void
is(const char *got, const char *want, const char *what)
{
	int ok = strcmp(got, want) == 0;

	printf("%s %d - %s\n", ok ? "ok" : "not ok", ++n, what);
	if (!ok) {
		printf("# got '%s', want '%s'\n", got, want);
		failed++;
	}
}

static const char *
d(int z)
{
	static char s[11];

	return z == NODATE ? "none" : date_str(z, s);
}

static int
p(const char *s)
{
	int z;

	return date_parse(s, &z) ? z : NODATE;
}

static const char *
add(const char *s, const char *du)
{
	struct dur u;

	if (!dur_parse(du, &u))
		return "bad duration";
	return d(date_add(p(s), u));
}

static const char *
past(const char *s)
{
	int z;

	return date_parse_past(s, p("2026-11-25"), &z) ? d(z) : "bad";
}

static const char *
pastfrom(const char *s, const char *today)
{
	int z;

	return date_parse_past(s, p(today), &z) ? d(z) : "bad";
}

static const char *
ahead(const char *s)
{
	int z;

	return date_parse_ahead(s, p("2026-11-25"), &z) ? d(z) : "bad";
}

static const char *
aheadfrom(const char *s, const char *today)
{
	int z;

	return date_parse_ahead(s, p(today), &z) ? d(z) : "bad";
}

static const char *
bnext(const char *b, const char *today)
{
	struct bday bd;

	return bday_parse(b, &bd) ? d(bday_next(bd, p(today))) : "bad";
}

static const char *
dur(const char *s)
{
	static char buf[16];
	struct dur u;

	return dur_parse(s, &u) ? dur_str(u, buf) : "bad";
}

int
main(void)
{
	char buf[16];

	is(d(0), "1970-01-01", "day 0 is the epoch");
	is(d(p("2026-11-25")), "2026-11-25", "round trip");
	is(d(p("1815-12-10")), "1815-12-10", "round trip before 1970");
	is(d(p("2028-02-29")), "2028-02-29", "a leap day");
	is(d(p("2026-02-29")), "none", "no Feb 29 in 2026");
	is(d(p("2100-02-29")), "none", "no Feb 29 in 2100");
	is(d(p("2000-02-29")), "2000-02-29", "Feb 29 in 2000");
	is(d(p("2026-13-01")), "none", "month 13");
	is(d(p("2026-04-31")), "none", "April 31");
	is(d(p("2026-1-01")), "none", "one-digit month");
	is(d(p("2026-01-01x")), "none", "trailing text");
	is(d(p("0000-01-01")), "none", "year 0");
	snprintf(buf, sizeof buf, "%d", date_weekday(p("2026-11-25")));
	is(buf, "3", "2026-11-25 is a Wednesday");
	snprintf(buf, sizeof buf, "%d", date_weekday(p("1969-12-28")));
	is(buf, "0", "1969-12-28 is a Sunday");

	is(add("2026-01-31", "1m"), "2026-02-28", "Jan 31 + 1m clamps");
	is(add("2028-01-31", "1m"), "2028-02-29", "Jan 31 + 1m in a leap year");
	is(add("2028-02-29", "1y"), "2029-02-28", "Feb 29 + 1y");
	is(add("2026-11-25", "6w"), "2027-01-06", "6 weeks");
	is(add("2026-12-31", "10d"), "2027-01-10", "days across a year");
	is(add("2026-10-31", "2m"), "2026-12-31", "two months");
	is(add("2026-12-15", "1m"), "2027-01-15", "December + 1m");
	is(add("9999-06-01", "1y"), "9999-12-31", "a year after 9999-06-01 stops at 9999-12-31");
	is(add("9999-12-31", "10000d"), "9999-12-31", "so do 10000 days");

	is(dur("10d"), "10d", "10d");
	is(dur("3w"), "3w", "3w");
	is(dur("2m"), "2m", "2m");
	is(dur("1y"), "1y", "1y");
	is(dur("0d"), "bad", "0d is not positive");
	is(dur("-1d"), "bad", "negative");
	is(dur("3"), "bad", "no unit");
	is(dur("3x"), "bad", "unknown unit");
	is(dur("3dd"), "bad", "trailing text");
	is(dur("99999999999999999999d"), "bad", "overflow");

	is(past("today"), "2026-11-25", "today");
	is(past("yesterday"), "2026-11-24", "yesterday");
	is(past("monday"), "2026-11-23", "the last Monday");
	is(past("wednesday"), "2026-11-18", "the last Wednesday, not today");
	is(past("Wed"), "2026-11-18", "an abbreviation");
	is(past("3d"), "2026-11-22", "3d ago");
	is(past("2w"), "2026-11-11", "2w ago");
	is(past("1m"), "2026-10-25", "1m ago");
	is(past("2026-01-05"), "2026-01-05", "a date");
	is(pastfrom("1m", "2026-01-15"), "2025-12-15", "1m ago in January");
	is(pastfrom("1y", "2026-12-31"), "2025-12-31", "1y ago on Dec 31");
	is(pastfrom("13m", "2026-03-31"), "2025-02-28", "13m ago clamps");
	is(pastfrom("3000y", "2026-11-25"), "bad", "before year 1");
	is(ahead("8000y"), "bad", "after year 9999");
	is(past("mo"), "bad", "too short for a weekday");
	is(past("someday"), "bad", "not a date");
	is(ahead("tomorrow"), "2026-11-26", "tomorrow");
	is(ahead("friday"), "2026-11-27", "the next Friday");
	is(ahead("wednesday"), "2026-12-02", "the next Wednesday, not today");
	is(ahead("2w"), "2026-12-09", "2w ahead");
	is(ahead("1m"), "2026-12-25", "1m ahead");
	is(ahead("2026-12-11"), "2026-12-11", "a date ahead");
	/* every form stays within years 1 to 9999 (fuzz-load) */
	is(aheadfrom("tomorrow", "9999-12-30"), "9999-12-31", "the last day");
	is(aheadfrom("tomorrow", "9999-12-31"), "bad", "tomorrow after 9999");
	is(aheadfrom("saturday", "9999-12-31"), "bad", "a weekday after 9999");
	is(pastfrom("yesterday", "0001-01-01"), "bad", "yesterday before 1");
	is(pastfrom("monday", "0001-01-01"), "bad", "a weekday before 1");

	is(bnext("1815-12-10", "2026-11-25"), "2026-12-10", "this year");
	is(bnext("--11-25", "2026-11-25"), "2026-11-25", "today");
	is(bnext("--11-24", "2026-11-25"), "2027-11-24", "next year");
	is(bnext("--02-29", "2026-11-25"), "2027-02-28", "Feb 29 on Feb 28");
	is(bnext("--02-29", "2027-03-01"), "2028-02-29", "Feb 29 in a leap year");
	is(bnext("--13-01", "2026-11-25"), "bad", "month 13");
	is(bnext("--02-30", "2026-11-25"), "bad", "Feb 30");
	is(bnext("12-10", "2026-11-25"), "bad", "no dashes");

	printf("1..%d\n", n);
	return failed != 0;
}
