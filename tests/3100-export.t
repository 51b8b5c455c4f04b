#!/bin/sh
# nw-export: vCard 4.0 and 3.0, iCalendar, JSON and CSV, byte for byte; and
# read back by programs nobody here wrote: khard and python3-vobject for
# the vCards, python3-icalendar for the calendar, Python's json and csv.
# export -> import round-trips names, emails, phones and birthdays.
. "$(dirname "$0")/lib.sh"

want() { cat >"$T/want"; }
crlf() { printf '%s\r\n' "$@"; }
# a python3 that has vobject and icalendar (the system's; pyenv's may not)
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import vobject, icalendar, yaml' 2>/dev/null; then
		PY=$p
		break
	fi
done

USAGE='usage: nw-export [-3] [-A time] [-C dir] [-c circle] [-f format] [-g group]
                 [-t tag] [ref ...]'
run nw-export -h
is "$rc:$(printf '%s\n' "$out" | sed '/^$/,$d')" "0:$USAGE" "-h: the usage"

mknet net
N=$NW_DIR
mkdir "$N/work"
cat >"$N/ada-lovelace.yaml" <<'EOF'
name: Ada Lovelace            # required, non-empty
aka: [Ada, Countess of Lovelace]
circle: close
every: 6w
next: 2026-12-11
next-note: Ask how the new job is going
tags: [rust, mathematics]
groups: [ACM, Analytical Engine Society]
org: Analytical Engines Ltd
title: Mathematician
email: [ada@example.org, ada@work.example]
phone: "+44 20 7946 0000"
links: {linkedin: "https://www.linkedin.com/in/ada", mastodon: "@ada@example.social"}
address: 12 St James's Square, London
birthday: 1815-12-10
met: {date: 2019-03-02, where: RustConf, via: charles-babbage}
added: 2019-03-02
favourite: 42
notes: |
  Wrote the first program, for the Analytical Engine; notes A to G, 1843.
  Ünïcödé and a comma, here.
log:
  - {date: 2026-09-10, kind: call, note: Talked about her new job}
  - date: 2026-10-02
    kind: give
    note: Sent the Rust survey link
EOF
cat >"$N/work/grace-hopper.yaml" <<'EOF'
name: Grace Brewster Murray Hopper
circle: inner
birthday: --12-09
phone: ["+1 202 555 0100", "020 7946 0001"]
links: {github: https://github.com/grace}
log:
  - {date: 2026-09-01, kind: meet}
EOF
cat >"$N/bob.yaml" <<'EOF'
name: 'Bob; the "Builder", Jr.'
email: bob@example.org
birthday: 1996-02-29
EOF

# --- vCard 4.0 and 3.0 ---------------------------------------------------------------

run nw-export ada
is "$rc:$err" "0:" "vCard: exit 0, nothing on stderr"
printf '%s\n' "$out" >"$T/ada.vcf"
crlf 'BEGIN:VCARD' 'VERSION:4.0' 'PRODID:-//nw//nw-export 0.1//EN' \
    'UID:urn:uuid:9f49992e-67ad-50cf-ab9d-b5a60cdc4233' \
    'FN:Ada Lovelace' 'N:Lovelace;Ada;;;' 'NICKNAME:Ada' 'NICKNAME:Countess of Lovelace' \
    'ORG:Analytical Engines Ltd' 'TITLE:Mathematician' \
    'EMAIL:ada@example.org' 'EMAIL:ada@work.example' \
    'TEL;VALUE=text:+44 20 7946 0000' \
    "ADR:;;12 St James's Square\\, London;;;;" 'BDAY:18151210' \
    'URL;TYPE=linkedin:https://www.linkedin.com/in/ada' \
    'X-SOCIALPROFILE;TYPE=mastodon:@ada@example.social' \
    'CATEGORIES:rust,mathematics' 'X-NW-ID:ada-lovelace' \
    'X-NW-CIRCLE:close' 'X-NW-EVERY:6w' \
    'X-NW-NEXT:2026-12-11' 'X-NW-NEXT-NOTE:Ask how the new job is going' \
    'X-NW-GROUPS:ACM,Analytical Engine Society' \
    'X-NW-MET:date;2019-03-02' 'X-NW-MET:where;RustConf' \
    'X-NW-MET:via;charles-babbage' 'X-NW-ADDED:2019-03-02' \
    'NOTE:Wrote the first program\, for the Analytical Engine\; notes A to G\, 1' \
    ' 843.\nÜnïcödé and a comma\, here.' 'END:VCARD' >"$T/want"
nw-export ada >"$T/got"
same "$T/got" "$T/want" "vCard 4.0: every key, escaped, folded at 75 octets, CRLF"
nw-export -3 work/grace-hopper >"$T/got"
crlf 'BEGIN:VCARD' 'VERSION:3.0' 'PRODID:-//nw//nw-export 0.1//EN' \
    'UID:urn:uuid:b6a2781b-763b-5b3b-a5c8-13bf6a4436d0' \
    'FN:Grace Brewster Murray Hopper' 'N:Hopper;Grace;Brewster Murray;;' \
    'TEL:+1 202 555 0100' 'TEL:020 7946 0001' 'BDAY:--12-09' \
    'URL;TYPE=github:https://github.com/grace' 'X-NW-ID:work/grace-hopper' \
    'X-NW-CIRCLE:inner' \
    'END:VCARD' >"$T/want"
same "$T/got" "$T/want" "vCard 3.0: middle names, two phones, a birthday without its year"

nw-export >"$T/all.vcf"
nw-export -3 >"$T/all3.vcf"
LC_ALL=C awk '!/\r$/ || length($0) > 76 { bad++ } END { exit bad > 0 }' \
    "$T/all.vcf" "$T/all3.vcf"
ok $? "vCard: every line ends with CRLF and holds at most 75 octets"
is "$(grep -c '^BEGIN:VCARD' "$T/all.vcf")" 3 "vCard: one card a contact"
nw-export >"$T/again.vcf"
same "$T/again.vcf" "$T/all.vcf" "vCard: the same bytes on a second export (stable UIDs)"
if [ -n "$PY" ]; then
	is "$("$PY" -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, "nw:ada-lovelace"))')" \
	    9f49992e-67ad-50cf-ab9d-b5a60cdc4233 "vCard: UID is Python's uuid5 of nw:id"
fi

# khard keeps one card a file: split the export as nw-export(1) says
if ! command -v khard >/dev/null; then
	skip "khard is not installed"
else
	for v in 4 3; do
		mkdir -p "$T/khard$v"
		(cd "$T/khard$v" && csplit -s -z -f '' -b '%02d.vcf' \
		    "$T/all$([ $v = 3 ] && echo 3).vcf" '/^BEGIN:VCARD/' '{*}')
		printf '[addressbooks]\n[[nw]]\npath = %s\n' "$T/khard$v" \
		    >"$T/khard$v.conf"
		khard -c "$T/khard$v.conf" list --parsable >"$T/kl" 2>"$T/ke"
		is "$?:$(cat "$T/ke")" "0:" "khard reads vCard $v.0: no complaint"
		is "$(LC_ALL=C sort "$T/kl")" "urn:uuid:0cfee512-0982-5f78-aafb-8d95371943b9	Bob; the \"Builder\", Jr.	nw
urn:uuid:9f49992e-67ad-50cf-ab9d-b5a60cdc4233	Ada Lovelace	nw
urn:uuid:b6a2781b-763b-5b3b-a5c8-13bf6a4436d0	Grace Brewster Murray Hopper	nw" \
		    "khard vCard $v.0: every name and UID"
		is "$(khard -c "$T/khard$v.conf" email --parsable 2>/dev/null |
		    grep -v '^searching' | cut -f 1,2 | LC_ALL=C sort)" "ada@example.org	Ada Lovelace
ada@work.example	Ada Lovelace
bob@example.org	Bob; the \"Builder\", Jr." "khard vCard $v.0: the emails"
		is "$(khard -c "$T/khard$v.conf" phone --parsable 2>/dev/null |
		    cut -f 1,2 | LC_ALL=C sort)" "+1 202 555 0100	Grace Brewster Murray Hopper
+44 20 7946 0000	Ada Lovelace
020 7946 0001	Grace Brewster Murray Hopper" "khard vCard $v.0: the phones"
		is "$(khard -c "$T/khard$v.conf" birthdays --parsable 2>/dev/null |
		    LC_ALL=C sort)" "1815.12.10	Ada Lovelace
1900.12.09	Grace Brewster Murray Hopper
1996.02.29	Bob; the \"Builder\", Jr." "khard vCard $v.0: the birthdays"
	done
fi

if [ -z "$PY" ]; then
	skip "python3-vobject or python3-icalendar is not installed"
else
	for f in all.vcf all3.vcf; do
		"$PY" - "$T/$f" >"$T/vo" 2>&1 <<'PY'
import sys, vobject
for c in vobject.readComponents(open(sys.argv[1], encoding="utf-8", newline="").read()):
    g = lambda k: [p.value for p in c.contents.get(k, [])]
    print(c.version.value, c.uid.value)
    print(" ", c.fn.value, "|", c.n.value.given, "|", c.n.value.family)
    print(" ", g("email"), g("tel"), g("bday"), g("nickname"), g("categories"))
    print(" ", g("org"), g("title"), g("adr") and c.adr.value.street)
    print(" ", [(u.params.get("TYPE"), u.value) for u in c.contents.get("url", [])])
    print(" ", g("note"))
PY
		is "$?" 0 "vobject reads $f"
		v=$([ $f = all.vcf ] && echo 4.0 || echo 3.0)
		bd=$([ $f = all.vcf ] && echo 18151210 || echo 1815-12-10)
		bg=$([ $f = all.vcf ] && echo --1209 || echo --12-09)
		bb=$([ $f = all.vcf ] && echo 19960229 || echo 1996-02-29)
		is "$(cat "$T/vo")" "$v urn:uuid:9f49992e-67ad-50cf-ab9d-b5a60cdc4233
  Ada Lovelace | Ada | Lovelace
  ['ada@example.org', 'ada@work.example'] ['+44 20 7946 0000'] ['$bd'] ['Ada', 'Countess of Lovelace'] [['rust', 'mathematics']]
  [['Analytical Engines Ltd']] ['Mathematician'] 12 St James's Square, London
  [(['linkedin'], 'https://www.linkedin.com/in/ada')]
  ['Wrote the first program, for the Analytical Engine; notes A to G, 1843.\nÜnïcödé and a comma, here.']
$v urn:uuid:0cfee512-0982-5f78-aafb-8d95371943b9
  Bob; the \"Builder\", Jr. | Bob; | Jr.
  ['bob@example.org'] [] ['$bb'] [] []
  [] [] []
  []
  []
$v urn:uuid:b6a2781b-763b-5b3b-a5c8-13bf6a4436d0
  Grace Brewster Murray Hopper | Grace | Hopper
  [] ['+1 202 555 0100', '020 7946 0001'] ['$bg'] [] []
  [] [] []
  [(['github'], 'https://github.com/grace')]
  []" "vobject: $f holds what the files hold"
	done
fi

# --- iCalendar -----------------------------------------------------------------------

nw-export -f ics work/grace-hopper >"$T/got"
crlf 'BEGIN:VCALENDAR' 'VERSION:2.0' 'PRODID:-//nw//nw-export 0.1//EN' \
    'CALSCALE:GREGORIAN' 'X-WR-CALNAME:nw' \
    'BEGIN:VEVENT' 'UID:04350f2c-9a7e-5ce6-bc25-70787dd9a6e8' \
    'DTSTAMP:20261125T000000Z' 'DTSTART;VALUE=DATE:20001209' \
    'DTEND;VALUE=DATE:20001210' 'RRULE:FREQ=YEARLY' \
    'SUMMARY:Birthday: Grace Brewster Murray Hopper' 'TRANSP:TRANSPARENT' \
    'END:VEVENT' \
    'BEGIN:VEVENT' 'UID:7cccf5e1-9c63-5e97-a487-698b7290c37c' \
    'DTSTAMP:20261125T000000Z' 'DTSTART;VALUE=DATE:20261125' \
    'DTEND;VALUE=DATE:20261126' \
    'SUMMARY:Get in touch with Grace Brewster Murray Hopper' \
    'DESCRIPTION:inner: every 3w\, last 2026-09-01\; due 2026-09-22\, 64 days ag' \
    ' o' 'TRANSP:TRANSPARENT' 'END:VEVENT' 'END:VCALENDAR' >"$T/want"
same "$T/got" "$T/want" "ICS: a birthday without its year, from 2000; overdue: today, with why"

nw-export -f ics >"$T/all.ics"
is "$?" 0 "ICS: exit 0"
LC_ALL=C awk '!/\r$/ || length($0) > 76 { bad++ } END { exit bad > 0 }' "$T/all.ics"
ok $? "ICS: every line ends with CRLF and holds at most 75 octets"
if [ -n "$PY" ]; then
	"$PY" - "$T/all.ics" >"$T/ical" 2>&1 <<'PY'
import sys, icalendar, uuid
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    rr = e.get("RRULE")
    print(e["UID"], e.decoded("DTSTART"), e.decoded("DTEND"),
          ";".join(k + "=" + ",".join(map(str, v)) for k, v in
                   sorted(rr.items())) if rr else "-", e["SUMMARY"],
          "|", e.get("DESCRIPTION", ""))
print(uuid.uuid5(uuid.NAMESPACE_URL, "nw:bob#birthday"))
PY
	is "$(cat "$T/ical")" "d9ed0fef-3483-5dcd-9085-63b03cce719a 1815-12-10 1815-12-11 FREQ=YEARLY Birthday: Ada Lovelace | 
b12daa2b-00c9-5319-a73d-b889af26a928 2026-12-11 2026-12-12 - Get in touch with Ada Lovelace | follow-up: Ask how the new job is going
51d1625b-548a-52e7-9b92-780cb684a783 1996-02-29 1996-03-01 BYMONTH=2;BYMONTHDAY=-1;FREQ=YEARLY Birthday: Bob; the \"Builder\", Jr. | 
3d192a06-562a-50e8-8dfc-3619bbba5e4a 2026-11-25 2026-11-26 - Get in touch with Bob; the \"Builder\", Jr. | never contacted
04350f2c-9a7e-5ce6-bc25-70787dd9a6e8 2000-12-09 2000-12-10 FREQ=YEARLY Birthday: Grace Brewster Murray Hopper | 
7cccf5e1-9c63-5e97-a487-698b7290c37c 2026-11-25 2026-11-26 - Get in touch with Grace Brewster Murray Hopper | inner: every 3w, last 2026-09-01; due 2026-09-22, 64 days ago
51d1625b-548a-52e7-9b92-780cb684a783" \
	    "icalendar reads every event: yearly birthdays (Feb 29 on February's last day), due dates, UIDs from the ids"
fi
# the due dates are nw-due's (today for those past due)
nw-due -a </dev/null | awk -F '\t' '{ print ($2 < "2026-11-25" ? "2026-11-25" : $2), $4 }' |
    sed 's/-//; s/-//' | LC_ALL=C sort >"$T/due"
tr -d '\r' <"$T/all.ics" | awk '
	/^DTSTART/ { split($0, a, ":"); d = a[2] }
	/^SUMMARY:Get in touch with / { sub(/^SUMMARY:Get in touch with /, ""); gsub(/\\/, ""); print d, $0 }' |
    LC_ALL=C sort >"$T/icsdue"
same "$T/icsdue" "$T/due" "ICS: the due events fall on nw-due's dates"

# --- JSON and CSV ---------------------------------------------------------------------

# JSON Lines: the one shape of a contact (nw(7)); last and due derived:
# last contact 2026-09-01 (meet), circle inner 3w: due 2026-09-22.
run nw-export -f json work/grace-hopper
is "$out" '{"id":"work/grace-hopper","name":"Grace Brewster Murray Hopper","circle":"inner","birthday":"--12-09","phone":["+1 202 555 0100","020 7946 0001"],"links":{"github":"https://github.com/grace"},"log":[{"date":"2026-09-01","kind":"meet"}],"last":"2026-09-01","due":"2026-09-22"}' \
    "JSON Lines: one contact a line, keys in file order, then last and due"
run nw-export -f json zed
is "$rc:$out:$err" "1::nw-export: 'zed': no such contact" \
    "JSON Lines: nothing at all when nothing is exported"
if [ -n "$PY" ]; then
	nw-export -f json >"$T/all.json"
	"$PY" - "$T/all.json" "$N" <<'PY' >"$T/json" 2>&1
import datetime, json, sys, yaml
def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v
# the shape: a list key always an array, a key of nw(5) that is text a
# string; the rest as YAML reads it; last and due added
LISTS = ("aka", "tags", "groups", "email", "phone")
TEXTS = ("name", "circle", "every", "next", "next-note", "org", "title",
         "address", "birthday", "added", "notes")
for line in open(sys.argv[1]):
    c = json.loads(line)
    last, due = c.pop("last"), c.pop("due")
    y = plain(yaml.safe_load(open(sys.argv[2] + "/" + c.pop("id") + ".yaml")))
    for k in LISTS:
        if isinstance(y.get(k), str):
            y[k] = [y[k]]
    for k in TEXTS:
        if k in y and y[k] is not None:
            y[k] = str(y[k])
    print(c == y and len(due) == 10 or (c, y))
PY
	is "$(cat "$T/json")" "True
True
True" "JSON: every contact is its file as YAML reads it, unknown keys and log included"
fi

nw-export -f csv >"$T/all.csv"
is "$(head -n 1 "$T/all.csv")" "id,name,name-parts,type,aka,circle,every,next,next-note,tags,groups,topics,offers,org,title,email,phone,links,address,birthday,dates,met,met-date,via,added,last,due,notes$(printf '\r')" \
    "CSV: the header, CRLF"
if [ -n "$PY" ]; then
	"$PY" -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
    print(r["id"], "|", r["name"], "|", r["email"], "|", r["phone"], "|",
          r["links"], "|", r["met"], r["met-date"], r["via"], "|", r["last"],
          r["due"], "|", repr(r["notes"]))' "$T/all.csv" >"$T/csv"
	is "$(cat "$T/csv")" "ada-lovelace | Ada Lovelace | ada@example.org; ada@work.example | +44 20 7946 0000 | linkedin=https://www.linkedin.com/in/ada; mastodon=@ada@example.social | RustConf 2019-03-02 charles-babbage | 2026-10-02 2026-12-11 | 'Wrote the first program, for the Analytical Engine; notes A to G, 1843.\\nÜnïcödé and a comma, here.'
bob | Bob; the \"Builder\", Jr. | bob@example.org |  |  |    |  2026-11-25 | ''
work/grace-hopper | Grace Brewster Murray Hopper |  | +1 202 555 0100; 020 7946 0001 | github=https://github.com/grace |    | 2026-09-01 2026-09-22 | ''" \
	    "CSV: Python's csv reads lists, links, met, the last contact, the due date"
fi

# --- export -> import round trips --------------------------------------------------

for f in all.vcf all3.vcf all.csv; do
	NW_DIR=$T/back-$f
	nw-init "$NW_DIR" >/dev/null
	run nw-import "$T/$f"
	# ada's via names a contact this network lacks: left out, as
	# nw-check would refuse it
	is "$rc:$err" "0:nw-import: 'Ada Lovelace': via 'charles-babbage' names no contact: left out" \
	    "round trip $f: imported, no column left out, the dangling via said"
	NW_DIR=$N nw-export -f csv | cut -d, -f2,12,13,16 >"$T/orig.fields"
	nw-export -f csv | cut -d, -f2,12,13,16 >"$T/back.fields"
	same "$T/back.fields" "$T/orig.fields" "round trip $f: names, emails, phones and birthdays"
	if [ $f = all.csv ]; then
		NW_DIR=$N nw-export -f csv | cut -d, -f2,6,7 >"$T/orig.fields"
		nw-export -f csv | cut -d, -f2,6,7 >"$T/back.fields"
		same "$T/back.fields" "$T/orig.fields" "round trip $f: next and next-note"
	fi
	run nw-import "$T/$f"
	is "$rc:$out" "0:" "round trip $f: a second import makes no duplicate"
done
NW_DIR=$N

# --- communities, dates, a cadence of never ---------------------------------------------

# A community is a vCard 4.0 group card last, its MEMBER lines the UIDs of
# the people whose groups name it (by aka "acm", by name "ACM Chicago");
# 3.0 leaves it out and says so.  The anniversary of dates is 4.0's
# ANNIVERSARY; the ICS feed repeats every date yearly; a cadence of never
# has no due event.  UIDs: uuid5(URL, "nw:ada"), "nw:ada#date:anniversary".
mknet comm
printf 'name: ACM Chicago\ntype: community\naka: [ACM]\nevery: 1m\nlog:\n  - {date: 2026-10-02, kind: volunteer}\n' >"$NW_DIR/acm.yaml"
printf 'name: Ada Lovelace\ngroups: [acm, Chess]\ndates: {anniversary: 2012-06-09, "Max (son)": --05-02}\nlog:\n  - {date: 2026-11-01, kind: call}\n' >"$NW_DIR/ada.yaml"
printf 'name: Bob Brown\ngroups: [ACM Chicago]\nevery: never\n' >"$NW_DIR/bob.yaml"
nw-export >"$T/got" 2>"$T/err"
crlf 'BEGIN:VCARD' 'VERSION:4.0' 'PRODID:-//nw//nw-export 0.1//EN' \
    'UID:urn:uuid:84e8ffac-a031-5949-93fd-23c47c69702e' 'FN:Ada Lovelace' \
    'N:Lovelace;Ada;;;' 'ANNIVERSARY:20120609' 'X-NW-ID:ada' \
    'X-NW-GROUPS:acm,Chess' \
    'X-NW-DATES:anniversary;2012-06-09' 'X-NW-DATES:Max (son);--05-02' \
    'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:4.0' 'PRODID:-//nw//nw-export 0.1//EN' \
    'UID:urn:uuid:0cfee512-0982-5f78-aafb-8d95371943b9' 'FN:Bob Brown' \
    'N:Brown;Bob;;;' 'X-NW-ID:bob' 'X-NW-EVERY:never' \
    'X-NW-GROUPS:ACM Chicago' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:4.0' 'PRODID:-//nw//nw-export 0.1//EN' \
    'UID:urn:uuid:d8f0a1bd-1d6b-5a43-9a4f-b95bee92c009' 'KIND:group' \
    'FN:ACM Chicago' 'NICKNAME:ACM' 'X-NW-ID:acm' 'X-NW-TYPE:community' \
    'X-NW-EVERY:1m' \
    'MEMBER:urn:uuid:84e8ffac-a031-5949-93fd-23c47c69702e' \
    'MEMBER:urn:uuid:0cfee512-0982-5f78-aafb-8d95371943b9' 'END:VCARD' >"$T/want"
same "$T/got" "$T/want" "vCard 4.0: a community a KIND:group card with its members, last; ANNIVERSARY"
is "$(cat "$T/err")" "" "vCard 4.0: nothing on stderr"
run nw-export -3
is "$rc:$err" "0:nw-export: 'acm': a community: vCard 3.0 has no group card, left out" \
    "vCard 3.0: the community left out, said"
is "$(printf '%s\n' "$out" | grep -c '^BEGIN:VCARD')" 2 "vCard 3.0: the two people"
nw-export -f ics ada bob >"$T/got"
crlf 'BEGIN:VCALENDAR' 'VERSION:2.0' 'PRODID:-//nw//nw-export 0.1//EN' \
    'CALSCALE:GREGORIAN' 'X-WR-CALNAME:nw' \
    'BEGIN:VEVENT' 'UID:ae573286-c1f2-5711-a1ef-bac829cb1e12' \
    'DTSTAMP:20261125T000000Z' 'DTSTART;VALUE=DATE:20120609' \
    'DTEND;VALUE=DATE:20120610' 'RRULE:FREQ=YEARLY' \
    'SUMMARY:Ada Lovelace: anniversary' 'TRANSP:TRANSPARENT' 'END:VEVENT' \
    'BEGIN:VEVENT' 'UID:81182911-f426-54b8-8a92-fa6c3d5f2ac7' \
    'DTSTAMP:20261125T000000Z' 'DTSTART;VALUE=DATE:20000502' \
    'DTEND;VALUE=DATE:20000503' 'RRULE:FREQ=YEARLY' \
    'SUMMARY:Ada Lovelace: Max (son)' 'TRANSP:TRANSPARENT' 'END:VEVENT' \
    'BEGIN:VEVENT' 'UID:1609fbb0-4cc3-55d7-b5d5-2d06671d671d' \
    'DTSTAMP:20261125T000000Z' 'DTSTART;VALUE=DATE:20271101' \
    'DTEND;VALUE=DATE:20271102' 'SUMMARY:Get in touch with Ada Lovelace' \
    'DESCRIPTION:every 1y\, last 2026-11-01' 'TRANSP:TRANSPARENT' \
    'END:VEVENT' 'END:VCALENDAR' >"$T/want"
same "$T/got" "$T/want" "ICS: each date yearly (no year: from 2000); a cadence of never, no due event"
run nw-export -f json bob
is "$out" '{"id":"bob","name":"Bob Brown","groups":["ACM Chicago"],"every":"never","last":null,"due":null}' \
    "JSON: a cadence of never, due null"
run nw-export -f csv ada
is "$(printf '%s\n' "$out" | sed -n 2p | tr -d '\r' | cut -d, -f21)" \
    'anniversary=2012-06-09; Max (son)=--05-02' "CSV: dates as name=date; ..."
NW_DIR=$N
export NW_DIR

# --- references, broken files, usage --------------------------------------------------

printf 'work/grace-hopper\tsome column\n' >"$T/refs"
runin "$T/refs" nw-export -f csv -
is "$(printf '%s\n' "$out" | cut -d, -f1)" "id
work/grace-hopper" "references from a pipe or a file, the text before a tab"
nw-due -n 1 | nw-export -f ics - | grep -c '^BEGIN:VEVENT' >"$T/n"
is "$(cat "$T/n")" 2 "nw-due | nw-export -f ics: the events of those due"
printf 'name: [broken\n' >"$N/broken.yaml"
run nw-export -f csv
is "$rc" 1 "a broken file: exit 1"
is "$err" "$N/broken.yaml:2:1: did not find expected ',' or ']' while parsing a flow sequence" \
    "a broken file: reported like a compiler does"
is "$(printf '%s\n' "$out" | grep -c -e '^ada-lovelace,' -e '^bob,' -e '^work/grace-hopper,')" 3 \
    "a broken file: the others are exported"
rm "$N/broken.yaml"
run nw-export -f ldif
is "$rc:$err" "2:nw-export: 'ldif': not a format (vcard, ics, json, csv, dot)" "-f: an unknown format"
run nw-export -3 -f ics
is "$rc:$err" "2:nw-export: -3 is for vCards" "-3 with another format: usage error"
run nw-export -x
is "$rc" 2 "an unknown option: exit 2"

done_testing
