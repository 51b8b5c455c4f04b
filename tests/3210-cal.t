#!/bin/sh
# nw-cal: meetings logged from a khal-style vdir and an Outlook export
# (tests/data/cal): time zones, all-day and floating times, a weekly
# series with an EXDATE, a moved and a cancelled occurrence; what is
# skipped; idempotence; -f; the occurrences checked against
# python3-icalendar's reading of the same files.
. "$(dirname "$0")/lib.sh"

TZ=UTC
export TZ
C=$TOP/tests/data/cal
mknet net
N=$NW_DIR
printf 'name: Ada Lovelace\nemail: ada@example.org\n' >"$N/ada.yaml"
printf 'name: Bob B\nemail: [bob@home.example, bob@work.example]\n' >"$N/bob.yaml"
printf 'name: Cat C\nemail: cat@example.net\nnext: 2026-12-01\n' >"$N/cat.yaml"
printf 'name: Dan D\nemail: dan@example.com\n' >"$N/dan.yaml"
printf 'me: me@home.example\n' >>"$N/.nw.yaml"
for f in "$N"/*.yaml; do cp "$f" "$f.orig"; done

tsv() { printf '%s\t%s\t%s\t%s\t%s\n' "$@"; }

# Quarterly review: 00:30 in Berlin on the 18th is the 17th in UTC.
# Coffee (floating, 23:30 on the 23rd) is dan's second meeting that
# day: the weekly 1:1 at 08:00 UTC is that day's entry.
run nw-cal -n "$C/vdir" "$C/outlook.ics"
is "$rc" 0 "-n: exit 0"
is "$out" "$(tsv ada 2026-11-17 meet out 'Quarterly review' \
    bob 2026-11-17 meet out 'Quarterly review' \
    cat 2026-11-21 meet out 'Hike' \
    dan 2026-10-05 meet out 'Weekly 1:1' \
    dan 2026-10-12 meet out 'Weekly 1:1' \
    dan 2026-10-26 meet out 'Weekly 1:1' \
    dan 2026-11-03 meet out 'Weekly 1:1 (moved)' \
    dan 2026-11-16 meet out 'Weekly 1:1' \
    dan 2026-11-23 meet out 'Weekly 1:1')" \
    "-n: the entries (EXDATE, a moved and a cancelled occurrence)"
is "$err" "nw-cal: 12 events: 9 entries to add for 4 contacts; 4 cancelled, declined or free time, 1 with too many attendees" \
    "-n: the summary"

run nw-cal "$C/vdir" "$C/outlook.ics"
is "$rc" 0 "exit 0"
is "$out" "ada
bob
cat
dan" "the ids changed"
cat >"$T/want" <<'EOF'
name: Dan D
email: dan@example.com
log:
  - {date: 2026-10-05, kind: meet, note: "Weekly 1:1", uid: 040000008200E00074C5B7101A82E00800000000/20261005}
  - {date: 2026-10-12, kind: meet, note: "Weekly 1:1", uid: 040000008200E00074C5B7101A82E00800000000/20261012}
  - {date: 2026-10-26, kind: meet, note: "Weekly 1:1", uid: 040000008200E00074C5B7101A82E00800000000/20261026}
  - {date: 2026-11-03, kind: meet, note: "Weekly 1:1 (moved)", uid: 040000008200E00074C5B7101A82E00800000000/20261103}
  - {date: 2026-11-16, kind: meet, note: "Weekly 1:1", uid: 040000008200E00074C5B7101A82E00800000000/20261116}
  - {date: 2026-11-23, kind: meet, note: "Weekly 1:1", uid: 040000008200E00074C5B7101A82E00800000000/20261123}
EOF
same "$N/dan.yaml" "$T/want" "dan: the series, one entry a day"
cat >"$T/want" <<'EOF'
name: Cat C
email: cat@example.net
log:
  - {date: 2026-11-21, kind: meet, note: Hike, uid: hike}
EOF
same "$N/cat.yaml" "$T/want" "cat: the all-day event; the follow-up done"
is "$(tail -n 1 "$N/bob.yaml")" \
    "  - {date: 2026-11-17, kind: meet, note: Quarterly review, uid: quarterly-review}" \
    "bob: the address in another case, TZID"

for f in "$N"/*.yaml; do cp "$f" "$f.1"; done
run nw-cal "$C/outlook.ics" "$C/vdir"
is "$out" "" "again: nothing changed"
for f in "$N"/*.yaml; do cmp -s "$f" "$f.1" || echo "$f"; done >"$T/changed"
is "$(cat "$T/changed")" "" "again: no byte changed"
run nw-check
is "$rc" 0 "nw-check accepts uid"

# cal-since: the series' start is more than 30 days back
printf 'cal-since: 30d\ncal-max-attendees: 13\n' >>"$N/.nw.yaml"
for f in "$N"/*.yaml; do cp "$f.orig" "$f"; done
run nw-cal -n "$C/vdir" "$C/outlook.ics"
is "$(printf '%s\n' "$out" | cut -f 1,2 | tr '\t\n' ' ')" \
    "ada 2026-11-17 bob 2026-11-17 cat 2026-11-21 dan 2026-10-26 dan 2026-11-03 dan 2026-11-16 dan 2026-11-23 " \
    "cal-since and cal-max-attendees"

# -f: who you meet, soonest first; nothing logged
run nw-cal -f 1w "$C/vdir" "$C/outlook.ics"
is "$out" "$(printf 'bob\t2026-11-27\tPlanning\ndan\t2026-11-30\tWeekly 1:1\n')" \
    "-f 1w: the meetings ahead"
run nw-cal -f 1d "$C/vdir" "$C/outlook.ics"
is "$rc:$out" "0:" "-f 1d: none"

# paths on standard input, as find names them
find "$C" -name '*.ics' | sort >"$T/paths"
runin "$T/paths" nw-cal -n
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 7 "paths on standard input"

# python3-icalendar reads the same files: the same contacts and days
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import icalendar, dateutil' 2>/dev/null; then
		PY=$p
		break
	fi
done
if [ -n "$PY" ]; then
	"$PY" - "$C/vdir"/*.ics "$C/outlook.ics" >"$T/py" <<'PY'
import sys, datetime
from icalendar import Calendar
from dateutil.rrule import rrulestr
UTC = datetime.timezone.utc
who = {"ada@example.org": "ada", "bob@home.example": "bob",
       "bob@work.example": "bob", "cat@example.net": "cat",
       "dan@example.com": "dan"}
me = "me@home.example"
today = datetime.date(2026, 11, 25)
since = today - datetime.timedelta(days=30)
def day(v):
    if isinstance(v, datetime.datetime):
        return v.astimezone(UTC).date() if v.tzinfo else v.date()
    return v
def addrs(ev):
    out = []
    for k in ("ORGANIZER", "ATTENDEE"):
        v = ev.get(k)
        for a in (v if isinstance(v, list) else [v] if v else []):
            out.append((str(a).lower().replace("mailto:", ""), a.params.get("PARTSTAT")))
    return out
seen = set()
for path in sys.argv[1:]:
    cal = Calendar.from_ical(open(path, "rb").read())
    evs = [c for c in cal.walk("VEVENT")]
    moved = {(str(e["UID"]), e["RECURRENCE-ID"].dt) for e in evs if "RECURRENCE-ID" in e}
    for ev in evs:
        if str(ev.get("STATUS", "")) == "CANCELLED" or str(ev.get("TRANSP", "")) == "TRANSPARENT":
            continue
        a = addrs(ev)
        att = ev.get("ATTENDEE", [])
        natt = len(att) if isinstance(att, list) else 1
        if any(x == me and p == "DECLINED" for x, p in a) or natt > 13:
            continue
        start = ev["DTSTART"].dt
        starts = [start]
        if "RRULE" in ev:
            starts = list(rrulestr(ev["RRULE"].to_ical().decode(), dtstart=start))
            ex = ev.get("EXDATE")
            exd = set()
            for e in (ex if isinstance(ex, list) else [ex] if ex else []):
                exd |= {d.dt for d in e.dts}
            # pytz: an rrule keeps DTSTART's offset; wall clocks compare
            wall = lambda t: t.replace(tzinfo=None)
            exd = {wall(d) for d in exd}
            mv = {(u, wall(d)) for u, d in moved}
            starts = [s for s in starts if wall(s) not in exd and (str(ev["UID"]), wall(s)) not in mv]
            if getattr(start, "tzinfo", None) is not None and hasattr(start.tzinfo, "localize"):
                starts = [start.tzinfo.localize(wall(s)) for s in starts]
        for s in starts:
            d = day(s)
            if since <= d <= today:
                for x, p in a:
                    if x in who:
                        seen.add((who[x], d.isoformat()))
for w, d in sorted(seen):
    print(w, d)
PY
	printf '%s\n' "$out" | cut -f 1,2 | tr '\t' ' ' >"$T/nw"
	same "$T/py" "$T/nw" "python3-icalendar finds the same contacts and days"
else
	skip "python3-icalendar not installed"
fi

done_testing
