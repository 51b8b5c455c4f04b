#!/bin/sh
# Round trips: nw-export then nw-import into an empty network gives the
# same data, in CSV, JSON Lines and vCard (X-NW- properties), over the
# example network and over a generated one of 1,000 contacts with every
# key and values that break naive encodings (tests/roundtrip/gen).  The
# CSV escapes byte for byte; the columns nw-import(1) and nw-export(1)
# list are the code's.
. "$(dirname "$0")/lib.sh"

PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import yaml, json' 2>/dev/null; then
		PY=$p
		break
	fi
done

# --- the manual's columns are the code's -------------------------------------

mknet cols
nw-export -f csv | head -1 | tr -d '\r' | tr , '\n' >"$T/header"
# nw-import(1): the .Cm lines of the csv item, up to the first sentence after
sed -n '/^\.It Cm csv$/,/^A list holds/p' "$TOP/man/nw-import.1" |
	sed -n 's/^\.Cm \([a-z-]*\).*/\1/p' >"$T/import-cols"
grep -v -x -e id -e last -e due "$T/header" >"$T/want"
same "$T/import-cols" "$T/want" "nw-import(1) lists the columns the code reads"
sed -n '/^CSV (RFC 4180/,/^A list/p' "$TOP/man/nw-export.1" |
	sed -n 's/^\.Cm //p' | tr -d ' .' | tr , '\n' | grep . >"$T/export-cols"
same "$T/export-cols" "$T/header" "nw-export(1) lists the columns the code writes"

# --- CSV: the escapes -----------------------------------------------------------

mknet esc
cat >"$NW_DIR/bob.yaml" <<'Y'
name: Bob
name-parts: {given: Bob, family: "Builder; Jr"}
aka: ["Bob; the Builder", 'back\slash', "a=b"]
tags: ["rust; c"]
email: [bob@x.org, "b;ob@x.org", "b@x.org"]
links: {web: "https://e.org/page;jsessionid=1", "k=ey": "v\\;x"}
dates: {anniversary: 2012-06-09, "Max (son)": --05-02}
added: 2020-01-01
Y
nw-export -f csv bob >"$T/got"
printf '%s\r\n' 'id,name,name-parts,type,aka,circle,every,next,next-note,tags,groups,topics,offers,org,title,email,phone,links,address,birthday,dates,met,met-date,via,added,last,due,notes' \
	'bob,Bob,given=Bob; family=Builder\; Jr,,Bob\; the Builder; back\\slash; a\=b,,,,,rust\; c,,,,,,bob@x.org; b\;ob@x.org; b@x.org,,web=https://e.org/page\;jsessionid\=1; k\=ey=v\\\;x,,,anniversary=2012-06-09; Max (son)=--05-02,,,,2020-01-01,,2021-01-01,' >"$T/want"
same "$T/got" "$T/want" "CSV: a ';', '=' or '\\' in a list or mapping is escaped"
nw-export -f csv >"$T/esc.csv"
mknet esc2
run nw-import "$T/esc.csv"
is "$rc:$out:$err" "0:bob:" "CSV: read back, the id it had"
cat >"$T/want" <<'Y'
name: Bob
name-parts: {given: Bob, family: Builder; Jr}
aka: [Bob; the Builder, back\slash, a=b]
tags: [rust; c]
email: [bob@x.org, b;ob@x.org, b@x.org]
links: {web: "https://e.org/page;jsessionid=1", k=ey: v\;x}
dates: {anniversary: 2012-06-09, Max (son): --05-02}
added: 2020-01-01
Y
same "$NW_DIR/bob.yaml" "$T/want" "CSV: every value back as it was"

# issue: the dates column was dropped without a word
mknet dates
printf 'name,dates,foo\nTest One,anniversary=2012-06-09,bar\n' >"$T/x.csv"
run nw-import "$T/x.csv"
is "$rc:$out:$err" "0:test-one:nw-import: '$T/x.csv': column not imported: 'foo'" \
	"CSV: dates read, an unknown column named"
printf 'name: Test One\ndates: {anniversary: 2012-06-09}\nadded: 2026-11-25\n' >"$T/want"
same "$NW_DIR/test-one.yaml" "$T/want" "CSV: the dates column becomes dates"

# --- JSON: what each line gives ------------------------------------------------------

mknet json
printf '%s\n' '{"id":"ann","name":"Ann"}' '[1]' '{"name":' '' \
	'{"name":"Bo","x":{"y":[1,true,null,"2"]},"log":[{"date":"2026-01-02","kind":"call","note":"a: b"}],"last":"2026-01-02","due":null}' \
	'{"name":"Cy","log":[{"date":"bad"}]}' '{"id":"a/../b","name":"D\u00e9 \ud83d\ude00"}' >"$T/bad.json"
run nw-import "$T/bad.json"
is "$rc:$out:$err" "1:ann
bo
de:nw-import: 'Cy': log date 'bad' is not a date (YYYY-MM-DD); nothing written
$T/bad.json:2: not a JSON object
$T/bad.json:3: a value missing" \
	"JSON: each line a contact; a bad line or a log nw cannot read said, the rest imported"
cat >"$T/want" <<'Y'
name: Bo
x: {"y": [1, true, null, "2"]}
log:
  - {date: 2026-01-02, kind: call, note: "a: b"}
Y
same "$NW_DIR/bo.yaml" "$T/want" "JSON: the user's own keys and the log as they were; no added when it had none"
is "$(cat "$NW_DIR/de.yaml")" "name: Dé 😀" "JSON: escapes undone; an id that leads out of its folder not taken"

# --- round trips ------------------------------------------------------------------

if [ -z "$PY" ]; then
	skip "python3 with yaml is not installed: no round trips"
	done_testing
fi

# cmpnet A.json B.json MODE: the contacts the same; MODE json: all of
# them; csv and vcard: but the log, the user's own keys, last and due.
cat >"$T/cmp.py" <<'P'
import json, sys
a_path, b_path, mode = sys.argv[1:4]
own = set(sys.argv[4].split(","))
def load(p):
    out = []
    for line in open(p, encoding="utf-8"):
        d = json.loads(line)
        if mode != "json":
            for k in list(d):
                if k not in own or k in ("log", "last", "due"):
                    del d[k]
        out.append(json.dumps(d, sort_keys=True, ensure_ascii=False))
    return sorted(out)
a, b = load(a_path), load(b_path)
if a == b:
    print("same %d" % len(a))
else:
    sa, sb = set(a), set(b)
    print("differ: %d before, %d after" % (len(a), len(b)))
    for x in sorted(sa - sb)[:3]:
        print("- " + x)
    for x in sorted(sb - sa)[:3]:
        print("+ " + x)
P
# the keys of nw(5): the CSV header, but the derived, and the log
OWN=$(tr '\n' , <"$T/header")log

# trip NAME SRC FORMAT: export SRC as FORMAT, import into a new network
trip() {
	mknet "$1-$3"
	cp "$2/.nw.yaml" "$NW_DIR/.nw.yaml"
	NW_DIR=$2 nw-export -f "$3" >"$T/$1.$3"
	run nw-import "$T/$1.$3"
	is "$rc:$err:$(printf '%s\n' "$out" | grep -c .)" "0::$4" \
		"$1, $3: every contact imported, nothing said"
	nw-export -f json >"$T/$1-$3.json"
	is "$("$PY" "$T/cmp.py" "$T/$1.json" "$T/$1-$3.json" "$3" "$OWN")" \
		"same $4" "$1, $3: export -> import -> the same data"
}

cp -R "$TOP/examples/network" "$T/example"
NW_DIR=$T/example nw-export -f json >"$T/example.json"
for f in json csv vcard; do
	trip example "$T/example" $f 16
done
is "$(cat "$T/example-json/work/grace-hopper.yaml" | head -1)" "name: Grace Hopper" \
	"example, json: an id with a folder keeps it"

mknet gen
"$PY" "$TOP/tests/roundtrip/gen" "$T/gen" 1000
NW_DIR=$T/gen nw-export -f json >"$T/gen.json"
is "$(grep -c . "$T/gen.json")" 1000 "generated: 1,000 contacts"
is "$(grep -c '"log":\[{' "$T/gen.json"):$(grep -c '"dates":{' "$T/gen.json"):$(grep -c '"type":"community"' "$T/gen.json"):$(grep -c '"met":{' "$T/gen.json"):$(grep -c '"name-parts":{' "$T/gen.json")" \
	"786:285:20:274:167" "generated: logs, dates, communities, met and name-parts among them"
for f in json csv vcard; do
	trip gen "$T/gen" $f 1000
done

# nw's JSON imported again: each matched by its id
NW_DIR=$T/gen-json
export NW_DIR
run nw-import "$T/gen.json"
is "$rc:$out:$(printf '%s\n' "$err" | grep -c '(same id)$')" "0::1000" \
	"json again: every contact matched by its id, nothing created"

# the vCards read back by a program nobody here wrote
VPY=
for p in python3 /usr/bin/python3; do
	"$p" -c 'import vobject' 2>/dev/null && VPY=$p && break
done
if [ -n "$VPY" ]; then
	"$VPY" - "$T/gen.vcard" >"$T/vobj" <<'P'
import sys, vobject
n = x = 0
for card in vobject.readComponents(open(sys.argv[1], encoding="utf-8").read()):
    n += 1
    x += sum(1 for c in card.getChildren() if c.name.startswith("X-NW-"))
print(n, x > 1000)
P
	is "$(cat "$T/vobj")" "1000 True" "vobject reads every card and its X-NW- lines"
else
	skip "python3-vobject is not installed"
fi
done_testing
