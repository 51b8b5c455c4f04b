#!/bin/sh
# Dates at the ends of what nw can say (0001-01-01 and 9999-12-31) are
# written valid in every format: the calendar's end of an all-day event
# on the last day has no next day to name, so it is a duration.
. "$(dirname "$0")/lib.sh"

PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import icalendar, vobject' 2>/dev/null; then
		PY=$p
		break
	fi
done

mknet n
N=$NW_DIR
printf 'name: Far\nnext: 9999-12-31\ndates: {end: 9999-12-31, start: 0001-01-01}\nbirthday: 0001-01-01\nlog:\n  - {date: 0001-01-01, kind: call}\n' \
    >"$N/far.yaml"
printf 'name: Long\nevery: 10000y\nlog:\n  - {date: 2026-01-01, kind: call}\n' \
    >"$N/long.yaml"

# events EXPORT: each event's start, end and summary, one line each
events() {
	tr -d '\r' | awk -F: '
	/^BEGIN:VEVENT/ { s = e = m = "" }
	/^DTSTART/ { s = $2 }
	/^DTEND/ { e = "DTEND " $2 }
	/^DURATION/ { e = "DURATION " $2 }
	/^SUMMARY/ { m = $2 }
	/^END:VEVENT/ { print s " " e " " m }'
}

run nw-export -f ics
is "$rc:$err" "0:" "nw-export -f ics: exit 0"
is "$(printf '%s\n' "$out" | events)" "00010101 DTEND 00010102 Birthday
99991231 DURATION P1D Far
00010101 DTEND 00010102 Far
99991231 DURATION P1D Get in touch with Far
99991231 DURATION P1D Get in touch with Long" \
    "9999-12-31 ends with a duration of a day, 0001-01-01 with DTEND"
printf '%s\n' "$out" >"$T/all.ics"
is "$(tr -d '\r' <"$T/all.ics" | grep -c '[0-9]\{9\}')" 0 \
    "no date of more than eight digits"
if [ -n "$PY" ]; then
	"$PY" - "$T/all.ics" >"$T/ical" 2>&1 <<'PY'
import sys, icalendar, datetime
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for ev in cal.walk("VEVENT"):
    s = ev.decoded("DTSTART")
    d = ev.decoded("DURATION") if "DURATION" in ev else \
        ev.decoded("DTEND") - s
    print(s.isoformat(), d.days)
PY
	is "$(cat "$T/ical")" "0001-01-01 1
9999-12-31 1
0001-01-01 1
9999-12-31 1
9999-12-31 1" "icalendar reads each event as one day"
else
	skip "python3-icalendar is not installed"
fi

run nw-export -f json far
is "$out" '{"id":"far","name":"Far","next":"9999-12-31","dates":{"end":"9999-12-31","start":"0001-01-01"},"birthday":"0001-01-01","log":[{"date":"0001-01-01","kind":"call"}],"last":"0001-01-01","due":"9999-12-31"}' \
    "JSON: the dates as they are"
run nw-export -f vcard far
is "$(printf '%s\n' "$out" | tr -d '\r' | grep '^BDAY')" "BDAY:00010101" \
    "vCard: the birthday in year 1"
run nw-due -a
is "$rc:$out" "0:long	9999-12-31	-2912114	Long	every 10000y, last 2026-01-01
far	9999-12-31	-2912114	Far	follow-up" "nw-due: due on the last day"

done_testing
