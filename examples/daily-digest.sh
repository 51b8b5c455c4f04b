#!/bin/sh
# daily-digest.sh -- mail yourself who is due for contact today, with the
# birthdays coming up.  Nothing is sent on a day when nobody is due.
#
# crontab -e:
#   30 7 * * *  NW_DIR=$HOME/nw  $HOME/bin/daily-digest.sh you@example.org
#
# Usage: daily-digest.sh [ADDRESS | -]
#   ADDRESS defaults to $NW_MAILTO, else your login name; "-" prints the
#   digest on standard output instead of mailing it.  Try it on the sample:
#   NW_DIR=examples/network NW_TODAY=2026-11-25 examples/daily-digest.sh -

to=${1:-${NW_MAILTO:-$(id -un)}}

# cron's PATH is short: add where nw is usually installed.
PATH=$PATH:/usr/local/bin:$HOME/.local/bin
export PATH

# nw-due prints one contact a line, most overdue first; piped, the columns
# are tab-separated: id, due date, days overdue, name, reason.  Birthdays
# within the `birthdays` window of .nw.yaml (7 days by default) are listed
# too, with the birthday as the reason.
#
# Exit status 1 means some file did not parse; the others are still listed,
# so send what we have and let cron mail the error from stderr.
rc=0
due=$(nw-due) || rc=$?
[ "$rc" -le 1 ] || exit "$rc"
[ -n "$due" ] || exit "$rc"

n=$(printf '%s\n' "$due" | wc -l | tr -d ' ')
digest=$(printf '%s\n' "$due" | awk -F '\t' '
	{
		d = $3 + 0
		if (d > 1)       when = d " days overdue"
		else if (d == 1) when = "1 day overdue"
		else if (d == 0) when = "due today"
		else             when = ""	# not due: listed for a birthday
		printf "%s (%s): %s%s\n", $4, $1, when, (when == "" ? "" : " -- ") $5
	}')

if [ "$to" = - ]; then
	printf '%s\n' "$digest"
else
	printf '%s\n\n%s\n' "$digest" \
	    "Log what you did: nw-log -k call -m 'what we talked about' ID" |
	    mail -s "nw: $n to contact today (birthdays included)" "$to"
fi
exit "$rc"
