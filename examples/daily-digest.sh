#!/bin/sh
# daily-digest.sh -- mail yourself who is due for contact today, each with
# what to know before you write (nw-due -l: the last contact, what you can
# offer, their topics, the balance, open asks), and the birthdays and dates
# of the coming week (-b).  Nothing is sent on a day when nobody is due.
#
# crontab -e:
#   30 7 * * *  NW_DIR=$HOME/nw  $HOME/bin/daily-digest.sh you@example.org
#
# Usage: daily-digest.sh [ADDRESS | -]
#   ADDRESS defaults to $NW_MAILTO, else your login name; "-" prints the
#   digest on standard output instead of mailing it.  Try it on the sample:
#   NW_DIR=examples/network NW_TODAY=2026-11-25 examples/daily-digest.sh -
#
# nw-due exits 1 when a file did not parse: the others are in the digest
# all the same, and cron mails the error it said on standard error.

to=${1:-${NW_MAILTO:-$(id -un)}}
PATH=$PATH:/usr/local/bin:$HOME/.local/bin	# cron's PATH is short

digest=$(nw-due -bl)
[ -z "$digest" ] || { [ "$to" = - ] && printf '%s\n' "$digest" ||
    printf '%s\n' "$digest" | mail -s "nw: due today" "$to"; }
