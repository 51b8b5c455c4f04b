#!/bin/sh
# nw-vdir -c: the events of nw-export -f ics, one file an event in a
# calendar vdir, with alarms; khal and python3-icalendar read them;
# nw-export -A.
. "$(dirname "$0")/lib.sh"

PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3	# Debian's, with its modules
mknet net
N=$NW_DIR
C=$T/cal
cat >"$N/ada.yaml" <<'EOF'
name: Ada Lovelace
birthday: 1815-12-10
dates: {anniversary: 1835-07-08}
next: 2026-12-01
next-note: Ask about the Engine
EOF
cat >"$N/bob.yaml" <<'EOF'
name: Bob Brown
every: never
birthday: --12-02
EOF
mkdir "$C"
printf 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' >"$C/mine.ics"

run nw-vdir -c "$C"
is "$rc|$out" "0|" "-c: exit 0, no contact changed"
is "$err" "nw-vdir: to the calendar: 4 written, 0 removed" "-c: one file an event"
is "$(ls "$C" | wc -l)" "5" "-c: four events and the file that was there"
is "$(cat "$C/mine.ics")" "$(printf 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r')" "-c: a file nw did not write is left alone"
nw-export -f ics -A 09:00 ada bob | tr -d '\r' | grep -c '^BEGIN:VEVENT' >"$T/n"
is "$(cat "$T/n")" "4" "nw-export -A has the same four events"
is "$(cat "$C"/*.ics | tr -d '\r' | grep -c '^TRIGGER;RELATED=START:PT9H$')" "4" "-c: an alarm at 09:00 on the day, by default"
f=$(grep -l 'SUMMARY:Get in touch with Ada' "$C"/*.ics)
is "$(tr -d '\r' <"$f" | sed '/^BEGIN:VALARM/,$d' | grep -e '^DTSTART' -e '^DESCRIPTION')" "DTSTART;VALUE=DATE:20261201
DESCRIPTION:follow-up: Ask about the Engine" "-c: the follow-up on its day, its note the description"

ls -li --time-style=full-iso "$C" >"$T/before"
run nw-vdir -c "$C"
is "$err" "nw-vdir: to the calendar: 0 written, 0 removed" "-c again: nothing written"
ls -li --time-style=full-iso "$C" >"$T/after"
same "$T/after" "$T/before" "-c again: no file touched"

# --- edited in the calendar: nw's written over it, and said ------------------

sed 's/^SUMMARY:.*/SUMMARY:Party/' "$f" >"$T/e" && cat "$T/e" >"$f"
run nw-vdir -c "$C"
is "$err" "nw-vdir: $C/${f##*/}: changed in the calendar; nw's written over it
nw-vdir: to the calendar: 1 written, 0 removed" "an event edited in the calendar is written over"
is "$(grep -c 'SUMMARY:Get in touch with Ada' "$f")" "1" "the event is nw's again"

# --- the alarm setting -------------------------------------------------------

printf 'alarm: 07:30\n' >>"$N/.nw.yaml"
run nw-vdir -c "$C"
is "$err" "nw-vdir: to the calendar: 4 written, 0 removed" "alarm: every event written again"
is "$(cat "$C"/*.ics | tr -d '\r' | grep -c '^TRIGGER;RELATED=START:PT7H30M$')" "4" "alarm: 07:30"
sed -i 's/^alarm: .*/alarm: none/' "$N/.nw.yaml"
run nw-vdir -c "$C"
is "$(cat "$C"/*.ics | grep -c 'VALARM')" "0" "alarm: none, no alarm"
sed -i 's/^alarm: .*/alarm: 9am/' "$N/.nw.yaml"
run nw-vdir -c "$C"
line=$(grep -n '^alarm:' "$N/.nw.yaml" | cut -d: -f1)
is "$rc|$err" "1|$N/.nw.yaml:$line:8: '9am': alarm is a time, 09:00, or none" "alarm: a bad time is an error"
sed -i '/^alarm:/d' "$N/.nw.yaml"
run nw-vdir -c "$C"

# --- a contact removed: its events go ----------------------------------------

rm "$N/bob.yaml"
run nw-vdir -c "$C"
is "$err" "nw-vdir: to the calendar: 0 written, 1 removed" "a contact gone: its event removed"
is "$(ls "$C" | wc -l)" "4" "a contact gone: three events and the other file"

# --- nw-export -A ------------------------------------------------------------

run nw-export -f ics -A 08:15 ada
is "$(printf '%s\n' "$out" | tr -d '\r' | grep -c '^TRIGGER;RELATED=START:PT8H15M$')" "3" "nw-export -A 08:15"
run nw-export -f ics ada
is "$(printf '%s\n' "$out" | grep -c VALARM)" "0" "nw-export: no alarm without -A or the setting"
run nw-export -A 09:00
is "$rc|$err" "2|nw-export: -A is for iCalendar" "nw-export -A: iCalendar only"
run nw-export -f ics -A 25:00
is "$rc|$err" "2|nw-export: '25:00': not a time (09:00) or none" "nw-export -A: a bad time"

# --- khal and python3-icalendar read the calendar ---------------------------

if command -v khal >/dev/null; then
	mkdir -p "$HOME/.config/khal"
	cat >"$HOME/.config/khal/config" <<EOF
[calendars]
[[nw]]
path = $C
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
default_timezone = UTC
local_timezone = UTC
EOF
	is "$(khal list -f '{start-date} {title} {alarm-symbol}' --day-format '' 2026-11-25 2026-12-31 2>&1 | sed 's/ *$//')" "2026-12-01 Get in touch with Ada Lovelace  ⏰
2026-12-10 Birthday: Ada Lovelace  ⏰" "khal lists the due date and the birthday, with their alarms"
else
	skip "khal is not installed"
fi
if $PY -c 'import icalendar' 2>/dev/null; then
	$PY - "$C" >"$T/py" 2>&1 <<'EOF'
import os, sys, icalendar
n = 0
for f in sorted(os.listdir(sys.argv[1])):
    cal = icalendar.Calendar.from_ical(open(os.path.join(sys.argv[1], f), "rb").read())
    for ev in cal.walk("VEVENT"):
        n += 1
        assert ev.get("UID") and ev.get("DTSTART"), f
        assert [a for a in ev.walk("VALARM")], f
print(n)
EOF
	is "$(cat "$T/py")" "3" "python3-icalendar reads every event, each with its alarm"
else
	skip "python3-icalendar is not installed"
fi

done_testing
