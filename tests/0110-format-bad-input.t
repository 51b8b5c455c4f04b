#!/bin/sh
# Hostile and broken files: each answered with path:line:col or a clear
# reason, exit 1, the file untouched, the other contacts still served,
# and no hang.
. "$(dirname "$0")/lib.sh"

mknet n
N=$NW_DIR
printf 'name: Good One\n' >"$N/good.yaml"
printf 'name: Ada\nlog:\n  - {date: 2026-01-01\n' >"$N/syntax.yaml"
printf 'name: Ad\377a\n' >"$N/utf8.yaml"
printf -- '- name: x\n' >"$N/list.yaml"
printf 'name: X\nlog: {a: 1}\n' >"$N/logmap.yaml"
printf 'name: A\nemail: a@b\nname: B\n' >"$N/dup.yaml"
awk 'BEGIN { print "name: Big"; print "notes: |";
	for (i = 0; i < 30000; i++) printf "  %070d\n", i }' >"$N/big.yaml"
awk 'BEGIN { printf "name: Deep\nn: ";
	for (i = 0; i < 100000; i++) printf "[";
	for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$N/deep.yaml"
{
	echo 'name: Bomb'
	echo 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'
	p=a
	for c in b c d e f g h i; do
		echo "$c: &$c [*$p, *$p, *$p, *$p, *$p, *$p, *$p, *$p, *$p]"
		p=$c
	done
} >"$N/bomb.yaml"
: >"$N/empty.yaml"
printf 'name: ""\n' >"$N/noname.yaml"
printf 'a: 1\n---\nb: 2\n' >"$N/twodocs.yaml"
printf 'name: T\001\n' >"$N/ctrl.yaml"
printf 'name: X\nnext: 2026-13-01\n' >"$N/baddate.yaml"
printf 'name: X\nlog:\n  - {date: 2026-02-30}\n' >"$N/badlog.yaml"
printf 'name: R\nx: &r [*r]\n' >"$N/recursive.yaml"
printf '\357\273\277name: Bom\r\nlog:\r\n  - date: 2026-01-01\r\n    bad: [\r\n' >"$N/crlf.yaml"
printf 'name: Jos\303\251\nlog: [x,\n' >"$N/multibyte.yaml"

mkdir "$T/orig"
cp "$N"/*.yaml "$T/orig/"

run timeout 20 nw-due -a
is "$rc" 1 "nw-due exits 1 when files are broken"
is "$out" "good	2026-11-25	0	Good One	never contacted" \
	"the good contact is still listed"
is "$err" "$N/baddate.yaml:2:7: next '2026-13-01' is not a date (YYYY-MM-DD)
$N/badlog.yaml:3:12: log date '2026-02-30' is not a date (YYYY-MM-DD)
$N/big.yaml: file too large (2190019 bytes, the limit is 1048576)
$N/bomb.yaml:7:12: more than 100000 nodes (alias expansion?)
$N/crlf.yaml:5:1: did not find expected node content while parsing a flow node
$N/ctrl.yaml:1:8: control characters are not allowed
$N/deep.yaml:2:67: nesting deeper than 64 levels
$N/dup.yaml:3:1: duplicate key 'name'
$N/empty.yaml: empty file: a contact needs a name
$N/list.yaml:1:1: the root is not a mapping
$N/logmap.yaml:2:6: 'log' is not a list
$N/multibyte.yaml:3:1: did not find expected node content while parsing a flow node
$N/noname.yaml:1:7: 'name' must be a non-empty string
$N/recursive.yaml:2:8: recursive alias 'r'
$N/syntax.yaml:4:1: did not find expected ',' or '}' while parsing a flow mapping
$N/twodocs.yaml:2:1: more than one document
$N/utf8.yaml:1:9: invalid UTF-8" "each broken file is reported where it breaks"

for f in syntax utf8 list logmap dup big deep bomb empty noname twodocs \
    ctrl recursive crlf multibyte; do
	run timeout 20 nw-log -k call "$N/$f.yaml"
	is "$rc" 1 "nw-log on $f.yaml exits 1"
	is "$(echo "$err" | wc -l | tr -d ' ')" 1 "nw-log on $f.yaml says why in one line"
	same "$N/$f.yaml" "$T/orig/$f.yaml" "$f.yaml is untouched"
done
is "$err" "$N/multibyte.yaml:3:1: did not find expected node content while parsing a flow node" \
	"a column after multibyte text counts characters"

# Bad dates do not stop a log: logging is how they get fixed.
run nw-log -k call baddate
is "$rc" 0 "a contact with a bad next can still be logged"
is "$(cat "$N/baddate.yaml")" "name: X
log:
  - {date: 2026-11-25, kind: call}" "and logging clears the bad next"

run nw-log good syntax bomb
is "$rc" 1 "one bad file among good ones: exit 1"
is "$out" "good" "the good one is still logged"
is "$(cat "$N/good.yaml")" "name: Good One
log:
  - {date: 2026-11-25}" "its file has the entry"

# A file of exactly the limit is read; one byte more is not.
awk 'BEGIN { printf "name: Limit\nnotes: \""; for (i = 0; i < 1048576 - 22; i++) printf "x"; print "\"" }' \
	>"$N/limit.yaml"
is "$(wc -c <"$N/limit.yaml" | tr -d ' ')" 1048576 "a file of 1 MiB"
run nw-due -a limit
is "$rc" 0 "a 1 MiB file is read"
printf 'x' >>"$N/limit.yaml"
run nw-due -a limit
is "$err" "$N/limit.yaml: file too large (1048577 bytes, the limit is 1048576)" \
	"one byte more is refused"

# Not a regular file
mkfifo "$N/fifo.yaml"
run timeout 5 nw-due -a fifo
is "$rc" 1 "a fifo named like a contact does not hang"
is "$err" "nw-due: 'fifo': a FIFO, not a contact" "it says what the file is"
mkdir "$N/folder.yaml"
run nw-log folder
is "$rc.$err" "1.nw-log: 'folder': a folder, not a contact" \
	"a folder named like a contact: said as it is"

# An id that climbs and comes back in is the contact it names; one that
# climbs out is refused as such.
mkdir -p "$N/work"
printf 'name: Ada Lovelace\n' >"$N/work/ada.yaml"
run nw-log -k call work/../work/ada
is "$rc.$out.$err" "0.work/ada." "work/../work/ada: the contact it names"
run nw-log -k call folder/../good
is "$rc.$out.$err" "0.good." "a path through a folder: the contact it names"
run nw-log -k call work/../../n/good
is "$rc.$err" "1.nw-log: 'work/../../n/good': outside the network" \
	"a reference that climbs out: refused as outside"

# nw-check names what is in the folder and is no contact.
: >"$N/work/.nw-Xq3bZz"
printf 'name: Big Dates\nadded: 9999-12-31\nevery: 10000y\n' >"$N/bigdates.yaml"
run nw-check
printf '%s\n' "$out" | grep -e bigdates -e fifo -e folder -e '\.nw-' >"$T/got"
cat >"$T/want" <<EOF
$N/bigdates.yaml:3:8: warning: every '10000y' is longer than the floor of .nw.yaml (1y)
$N/bigdates.yaml:3:8: warning: every '10000y' is over 100 years: due dates stop at 9999-12-31
$N/fifo.yaml: warning: a FIFO, not a contact
$N/folder.yaml: warning: a folder named like a contact
$N/work/.nw-Xq3bZz: warning: a temporary file left by an interrupted write: remove it
EOF
same "$T/got" "$T/want" "nw-check: a FIFO, a folder and a temporary file named"
rm -r "$N/fifo.yaml" "$N/folder.yaml" "$N/work/.nw-Xq3bZz"

# Dates past 9999-12-31 stop there: no date printed cut short.
# (9999-12-31 is day 2932896, 2026-11-25 day 20782: -2912114 days.)
run nw-due -a bigdates
is "$out" "bigdates	9999-12-31	-2912114	Big Dates	every 10000y, added 9999-12-31" \
	"a due date past 9999 stops at 9999-12-31"
run nw-export -f ics bigdates
printf '%s\n' "$out" | tr -d '\r' | grep '^DTSTART' >"$T/got"
printf 'DTSTART;VALUE=DATE:99991231\n' >"$T/want"
same "$T/got" "$T/want" "and the calendar says 9999-12-31"

# A note that is not UTF-8 is the argument's fault, not the file's.
cp "$N/good.yaml" "$T/good.orig"
run nw-log -k call -m "$(printf 'caf\351')" good
is "$rc.$out.$err" "2..nw-log: -m: not UTF-8 text" "-m not UTF-8: a usage error"
same "$N/good.yaml" "$T/good.orig" "the contact is untouched"
run nw-give -m "$(printf '\377')" good
is "$rc.$err" "2.nw-give: -m: not UTF-8 text" "nw-give -m the same"
run nw-add -o "$(printf 'Acme\377')" 'Zed Zero'
is "$rc.$err" "2.nw-add: -o: not UTF-8 text" "nw-add -o the same"

# A NUL in a name read from standard input is refused, not cut short.
printf 'Ann Nul\000Bee\nCy Dee\n' >"$T/names"
runin "$T/names" nw-add
is "$rc.$out" "1.cy-dee" "a name with a NUL: exit 1, the others added"
is "$err" "nw-add: standard input, line 1: a NUL byte: nothing done with it" \
	"it says which line"
test ! -e "$N/ann-nul.yaml"
ok $? "no contact made from the cut name"

# A circle with an empty name is refused.
printf 'circles: {"": 3w, inner: 2w}\n' >"$N/.nw.yaml"
run nw-due
is "$rc.$err" "1.$N/.nw.yaml:1:11: a circle needs a name" \
	"circles: an empty name is refused"
rm "$N/.nw.yaml"
done_testing
