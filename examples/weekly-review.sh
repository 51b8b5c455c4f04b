#!/bin/sh
# weekly-review.sh -- a Sunday-evening look at the week ahead: who is due
# in the next seven days, where to give before you ask again, and which
# asks still wait for an answer.
#
# Run it by hand, or mail it to yourself every Sunday:
#   0 18 * * 0  NW_DIR=$HOME/nw  $HOME/bin/weekly-review.sh | mail -s 'nw: weekly review' you@example.org
#
# Try it on the sample network:
#   NW_DIR=examples/network NW_TODAY=2026-11-25 examples/weekly-review.sh

PATH=$PATH:/usr/local/bin:$HOME/.local/bin
export PATH

echo '== Due in the coming week (most urgent first)'
# -w 1w: everyone due now or within seven days; -b: plus the birthdays and
# dates (anniversaries) of the week.
# Columns: id, due date, days overdue (negative: not yet due), name, reason.
nw-due -b -w 1w | awk -F '\t' '
	{
		d = $3 + 0
		if (d > 0)       when = d "d overdue"
		else if (d == 0) when = "today"
		else if (d >= -7) when = "in " (-d) "d"
		else             when = "-"	# due later: listed for a birthday or date
		printf "  %-12s %s (%s) -- %s\n", when, $4, $1, $5
		n++
	}
	END { if (!n) print "  nobody: enjoy the week" }'

echo
echo '== Give first: the balance, those you owe most on top'
# Columns: id, gives, asks, got, name.  More asks and gots than gives means
# it is your turn: send a link, an introduction, a word of thanks.
nw-give -l | head | awk -F '\t' '
	{ printf "  %-20s gave %d, asked %d, got %d\n", $5, $2, $3, $4 }'

echo
echo '== Asks still open, oldest first: follow up, or thank'
# Columns: id, date asked, days since, name, what was asked.
nw-give -o | head | awk -F '\t' '
	{ printf "  %-20s %s, %d days ago: %s\n", $4, $2, $3, $5; n++ }
	END { if (!n) print "  none" }'

echo
# Once you have written to someone, log it and the list moves on, e.g.
#   nw-log -k email -m 'Sent the conference notes' ada
#   nw-due -t rust | nw-log -k message -m 'RustConf CFP is open'
echo 'Log each contact with: nw-log -k KIND -m NOTE ID'
