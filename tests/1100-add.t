#!/bin/sh
. "$(dirname "$0")/lib.sh"
# nw-add: the file written, ids, duplicates, standard input, usage errors

# want_name FILE NAME: at the end, one python run checks that every file
# written parses as YAML and that FILE reads back as a mapping with NAME
nnames=0
: >"$T/names.list"
want_name() {
	printf '%s\n%s\n' "$1" "$2" >>"$T/names.list"
	nnames=$((nnames + 1))
}

mode() {
	stat -c %a "$1"
}

VERSION=$(sed -n 's/^#define[	 ]*NW_VERSION[	 ]*"\(.*\)"$/\1/p' \
    "$TOP/src/nw.h")
USAGE='usage: nw-add [-f] [-b birthday] [-C dir] [-c circle] [-E email] [-e every] [-g group]
              [-m met] [-o org] [-P phone] [-T type] [-t tag] [-v via] name ...
       nw-add -M [-af] [-b birthday] [-C dir] [-c circle] [-e every] [-g group]
              [-m met] [-o org] [-T type] [-t tag] [-v via]'

# --- every option, in the documented key order ------------------------------

mknet add
N=$NW_DIR
old_umask=$(umask)
umask 000
run nw-add -c close -e 6w -t rust -t maths -g ACM \
    -g 'Analytical Engine Society' -o 'Analytical Engines Ltd' \
    -E ada@example.org -E ada@work.example -P '+44 20 7946 0000' \
    -P '020 7946 0001' -b 1815-12-10 -m RustConf 'Ada Lovelace'
umask "$old_umask"
is "$rc" 0 "all options: exit 0"
is "$out" "ada-lovelace" "all options: prints the id"
is "$err" "" "all options: nothing on stderr"
cat >"$T/want" <<'EOF'
name: Ada Lovelace
circle: close
every: 6w
tags: [rust, maths]
groups: [ACM, Analytical Engine Society]
org: Analytical Engines Ltd
email: [ada@example.org, ada@work.example]
phone: ["+44 20 7946 0000", "020 7946 0001"]
birthday: 1815-12-10
met: RustConf
added: 2026-11-25
EOF
same "$N/ada-lovelace.yaml" "$T/want" "all options: the exact file"
is "$(mode "$N/ada-lovelace.yaml")" 600 "new file is 0600 even under umask 000"
want_name "$N/ada-lovelace.yaml" 'Ada Lovelace'

# one value of each: lists stay flow lists, email and phone a plain scalar,
# quotes only where YAML needs them
run nw-add -t rust -g ACM -E grace@example.org -P '+1 202 555 0100' \
    -o 'Navy: Reserve' -b --12-09 -m 'Harvard: Mark I' 'Grace Hopper'
is "$rc" 0 "single values: exit 0"
is "$out" "grace-hopper" "single values: prints the id"
cat >"$T/want" <<'EOF'
name: Grace Hopper
tags: [rust]
groups: [ACM]
org: "Navy: Reserve"
email: grace@example.org
phone: "+1 202 555 0100"
birthday: --12-09
met: "Harvard: Mark I"
added: 2026-11-25
EOF
same "$N/grace-hopper.yaml" "$T/want" "single values: the exact file"
want_name "$N/grace-hopper.yaml" 'Grace Hopper'

# a name alone: just name and added; added is NW_TODAY
NW_TODAY=2027-01-02 run nw-add "Dr. O'Brien"
is "$out" "dr-o-brien" "plain name: id"
printf "name: Dr. O'Brien\nadded: 2027-01-02\n" >"$T/want"
same "$N/dr-o-brien.yaml" "$T/want" "plain name: unquoted, added is NW_TODAY"

# names YAML would misread are quoted, and only those
for pair in 'Foo: Bar|foo-bar|"Foo: Bar"' 'yes|yes|"yes"' \
    '123|123|"123"' '#hash|hash|"#hash"' '- dash|dash|"- dash"' \
    'null|null|"null"' '@at|at|"@at"' 'a #b|a-b|"a #b"'; do
	name=${pair%%|*}
	rest=${pair#*|}
	id=${rest%%|*}
	want=${rest#*|}
	run nw-add -- "$name"
	is "$rc:$out" "0:$id" "name '$name': id $id"
	printf 'name: %s\nadded: 2026-11-25\n' "$want" >"$T/want"
	same "$N/$id.yaml" "$T/want" "name '$name': written as $want"
	want_name "$N/$id.yaml" "$name"
done

# --- -v and -m: met -------------------------------------------------------

run nw-add -m RustConf -v grace 'Kay Ada'
is "$rc:$out" "0:kay-ada" "-m -v: exit 0, id"
printf 'name: Kay Ada\nmet: {where: RustConf, via: grace-hopper}\nadded: 2026-11-25\n' \
    >"$T/want"
same "$N/kay-ada.yaml" "$T/want" "-m -v: met is {where, via} with the resolved id"

run nw-add -v 'grace h' 'Kay Bee'
is "$rc:$out" "0:kay-bee" "-v by name-prefix: exit 0, id"
printf 'name: Kay Bee\nmet: {via: grace-hopper}\nadded: 2026-11-25\n' >"$T/want"
same "$N/kay-bee.yaml" "$T/want" "-v alone: met is {via: id}"

run nw-add -m 'Harvard: Mark I' -v 'Grace Hopper' 'Kay Cee'
printf 'name: Kay Cee\nmet: {where: "Harvard: Mark I", via: grace-hopper}\nadded: 2026-11-25\n' \
    >"$T/want"
same "$N/kay-cee.yaml" "$T/want" "-m with ': ' inside the flow mapping is quoted"
want_name "$N/kay-cee.yaml" 'Kay Cee'

run nw-add -v zed 'Kay Dee'
is "$rc" 1 "-v naming no contact: exit 1"
is "$out" "" "-v naming no contact: no id printed"
is "$err" "nw-add: 'zed': no such contact" "-v naming no contact: the message"
test ! -e "$N/kay-dee.yaml"
ok $? "-v naming no contact: nothing written"

run nw-add -v kay 'Kay Eff'
is "$rc" 1 "-v ambiguous: exit 1"
is "$err" "nw-add: 'kay': ambiguous: kay-ada, kay-bee, kay-cee" \
    "-v ambiguous: the message names the candidates"
test ! -e "$N/kay-eff.yaml"
ok $? "-v ambiguous: nothing written"

run nw-add -v ../etc/passwd 'Kay Gee'
is "$rc" 1 "-v outside the network: exit 1"
is "$err" "nw-add: '../etc/passwd': outside the network" \
    "-v outside the network: the message"
test ! -e "$N/kay-gee.yaml"
ok $? "-v outside the network: nothing written"

# --- ids are slugs --------------------------------------------------------

mknet slug
S=$NW_DIR
for pair in 'José Núñez|jose-nunez' '김민준|김민준' \
    "Dr. O'Brien -- Jr.!!|dr-o-brien-jr" 'Łukasz Żółć|lukasz-zolc' \
    'Ærø Øster|aero-oster' 'Straße|strasse' '.hidden|hidden' \
    'x/y|x-y' '  Padded  Name  |padded-name' \
    "$(printf 'Tab\there')|tab-here"; do
	name=${pair%|*}
	id=${pair##*|}
	run nw-add -- "$name"
	is "$rc:$out" "0:$id" "slug of '$name' is $id"
	# the name as written: trimmed, each run of blanks one space
	want_name "$S/$id.yaml" "$(printf '%s' "$name" | tr -s ' \t' '  ' |
	    sed 's/^ //; s/ $//')"
done

# a different name with a taken slug gets -2
run nw-add 'X Y'
is "$rc:$out" "0:x-y-2" "a taken slug gets -2"
want_name "$S/x-y-2.yaml" 'X Y'

# -f: the same name again gets -2, -3, in one run too
run nw-add -f 'José Núñez' 'josé núñez'
is "$rc" 0 "-f: exit 0"
is "$out" "jose-nunez-2
jose-nunez-3" "-f: -2 and -3 on collision"
want_name "$S/jose-nunez-3.yaml" 'josé núñez'

# --- duplicates ---------------------------------------------------------

NW_DIR=$N
run nw-add 'ADA LOVELACE' 'Charles Babbage' 'ada lovelace'
is "$rc" 1 "duplicate name: exit 1"
is "$out" "charles-babbage" "duplicate name: the other name is still added"
is "$err" "nw-add: 'ADA LOVELACE': already in the network as ada-lovelace (-f adds anyway)
nw-add: 'ada lovelace': already in the network as ada-lovelace (-f adds anyway)" \
    "duplicate name: case-insensitive, one message each"
test ! -e "$N/ada-lovelace-2.yaml"
ok $? "duplicate name: no ada-lovelace-2.yaml"
want_name "$N/charles-babbage.yaml" 'Charles Babbage'

NW_DIR=$S
run nw-add 'JOSÉ NÚÑEZ'
is "$rc" 1 "duplicate name with accented capitals: exit 1"
is "$err" "nw-add: 'JOSÉ NÚÑEZ': already in the network as jose-nunez (-f adds anyway)" \
    "duplicate name with accented capitals: the message"
NW_DIR=$N

run nw-add -E ADA@work.example 'Augusta King'
is "$rc" 1 "duplicate email: exit 1"
is "$out" "" "duplicate email: no id"
is "$err" "nw-add: 'Augusta King': already in the network as ada-lovelace (-f adds anyway)" \
    "duplicate email: the message (email compared case-insensitively)"
test ! -e "$N/augusta-king.yaml"
ok $? "duplicate email: nothing written"

run nw-add -E grace@example.org 'Amazing Grace'
is "$rc:$err" "1:nw-add: 'Amazing Grace': already in the network as grace-hopper (-f adds anyway)" \
    "duplicate of a single-string email: exit 1 and the message"

run nw-add 'Mary Somerville' 'mary somerville'
is "$rc" 1 "duplicate within one run: exit 1"
is "$out" "mary-somerville" "duplicate within one run: the first is added"
is "$err" "nw-add: 'mary somerville': already in the network as mary-somerville (-f adds anyway)" \
    "duplicate within one run: the message names the new id"

run nw-add -f -E ada@example.org 'Ada Lovelace'
is "$rc:$out" "0:ada-lovelace-2" "-f adds a duplicate name and email"
cat >"$T/want" <<'EOF'
name: Ada Lovelace
email: ada@example.org
added: 2026-11-25
EOF
same "$N/ada-lovelace-2.yaml" "$T/want" "-f: the exact file"

# --- names from standard input -----------------------------------------

mknet stdin
I=$NW_DIR
mkfifo "$T/fifo"
printf 'Carol Shaw\n\nDave Cutler\tfrom the pipe\ncarol shaw\nEve Online\n' \
    >"$T/fifo" &
runin "$T/fifo" nw-add -t speaker
wait
is "$rc" 1 "pipe: exit 1 for the duplicate line"
is "$out" "carol-shaw
dave-cutler
eve-online" "pipe: one id per name, blank line skipped"
is "$err" "nw-add: 'carol shaw': already in the network as carol-shaw (-f adds anyway)" \
    "pipe: the duplicate is reported"
printf 'name: Dave Cutler\ntags: [speaker]\nadded: 2026-11-25\n' >"$T/want"
same "$I/dave-cutler.yaml" "$T/want" "pipe: text before the tab is the name; options apply"
for id in carol-shaw dave-cutler eve-online; do
	is "$(mode "$I/$id.yaml")" 600 "pipe: $id.yaml is 0600"
done

printf 'Fran Allen\nFred Brooks\n' >"$T/names"
runin "$T/names" nw-add
is "$rc:$out" "0:fran-allen
fred-brooks" "regular file on stdin: one id a line"
want_name "$I/fred-brooks.yaml" 'Fred Brooks'

printf 'Gwen Stefani\n' >"$T/names"
runin "$T/names" nw-add -t x -
is "$rc:$out" "0:gwen-stefani" "'-' reads standard input"

printf 'Not Read\n' >"$T/names"
runin "$T/names" nw-add 'Hal Abelson'
is "$rc:$out" "0:hal-abelson" "names given: standard input is not read"
test ! -e "$I/not-read.yaml"
ok $? "names given: no contact from standard input"

ls "$I" >"$T/before"
run nw-add
is "$rc:$out:$err" "0::" "no names, stdin /dev/null: nothing to add, exit 0"
ls "$I" >"$T/after"
same "$T/after" "$T/before" "no names, stdin /dev/null: no file written"

# --- usage errors: exit 2, nothing written -----------------------------

ls -A "$I" >"$T/before"
run nw-add -c nosuch 'Ivan One'
is "$rc:$out" "2:" "bad circle: exit 2"
is "$err" "nw-add: 'nosuch': not a circle (inner, close, regular, outer)" "bad circle: the message"

run nw-add -b 2026-13-01 'Ivan Two'
is "$rc:$out" "2:" "bad birthday month: exit 2"
is "$err" "nw-add: '2026-13-01': not a date (YYYY-MM-DD or --MM-DD)" \
    "bad birthday: the message"
run nw-add -b 2025-02-29 'Ivan Three'
is "$rc" 2 "Feb 29 of a common year: exit 2"
run nw-add -b --02-30 'Ivan Four'
is "$rc" 2 "--02-30: exit 2"
run nw-add -b 12/10/1815 'Ivan Five'
is "$rc" 2 "birthday in another format: exit 2"

run nw-add -e 6x 'Ivan Six'
is "$rc:$out" "2:" "bad duration unit: exit 2"
is "$err" "nw-add: '6x': not a duration (like 3w, 2m, 1y) or never" \
    "bad duration: the message"
run nw-add -e 0w 'Ivan Seven'
is "$rc" 2 "zero duration: exit 2"
run nw-add -e w 'Ivan Eight'
is "$rc" 2 "duration without a number: exit 2"

run nw-add -q 'Ivan Nine'
is "$rc:$out" "2:" "unknown option: exit 2"
is "$(printf '%s\n' "$err" | sed 1d)" "$USAGE" \
    "unknown option: usage after the message"
case $err in
nw-add:*q*) r=0 ;;
*) r=1 ;;
esac
ok $r "unknown option: the message names it"

ls -A "$I" >"$T/after"
same "$T/after" "$T/before" "usage errors: no file written"

run nw-add -h
is "$rc:$err" "0:" "-h: exit 0, nothing on stderr"
is "$(printf '%s\n' "$out" | sed '/^$/,$d')" "$USAGE" "-h: the usage on stdout, then the options"

run nw-add -V
is "$rc:$out" "0:nw-add $VERSION" "-V: the version"

# --- the circles are those of the settings -----------------------------

printf 'circles: {work: 2w}\n' >"$I/.nw.yaml"
run nw-add -c work 'Jo Work'
is "$rc:$out" "0:jo-work" "-c with a circle from .nw.yaml: exit 0"
printf 'name: Jo Work\ncircle: work\nadded: 2026-11-25\n' >"$T/want"
same "$I/jo-work.yaml" "$T/want" "-c: circle written"

# --- which network ----------------------------------------------------

mknet other
O=$NW_DIR
NW_DIR=$N
run nw-add -C "$O" 'Ken Thompson'
is "$rc:$out" "0:ken-thompson" "-C: exit 0"
test -f "$O/ken-thompson.yaml" && test ! -e "$N/ken-thompson.yaml"
ok $? "-C: written in that network, not NW_DIR"

unset NW_DIR
XDG_DATA_HOME=$T/xdg
export XDG_DATA_HOME
nw-init >/dev/null
XDG_HOME_NET=$XDG_DATA_HOME/nw
run nw-add 'Lin Xdg'
is "$rc:$out" "0:lin-xdg" "no -C, no NW_DIR: exit 0"
test -f "$XDG_DATA_HOME/nw/lin-xdg.yaml"
ok $? "no -C, no NW_DIR: written under \$XDG_DATA_HOME/nw"
unset XDG_DATA_HOME

run nw-add -C "$T/nowhere" 'Max None'
is "$rc" 1 "no network: exit 1"
is "$err" "nw-add: '$T/nowhere': no network there (nw-init creates one)" \
    "no network: the message"
test ! -e "$T/nowhere"
ok $? "no network: nothing created"

# --- parallel adds lose nothing ------------------------------------------

mknet par
P=$NW_DIR
for i in 1 2 3 4 5 6 7 8; do echo Same; done | xargs -P 8 -n 1 nw-add -f \
    >"$T/par.out" 2>"$T/par.err"
is "$(sort "$T/par.out" | tr '\n' ' ')" \
    "same same-2 same-3 same-4 same-5 same-6 same-7 same-8 " \
    "8 parallel -f adds: 8 distinct ids"
is "$(cd "$P" && ls | tr '\n' ' ')" \
    "same-2.yaml same-3.yaml same-4.yaml same-5.yaml same-6.yaml same-7.yaml same-8.yaml same.yaml " \
    "8 parallel -f adds: 8 files"
for i in 1 2 3 4 5 6 7 8; do echo Unique; done | xargs -P 8 -n 1 nw-add \
    >"$T/par.out" 2>"$T/par.err"
is "$(cat "$T/par.out")" "unique" "8 parallel adds without -f: one added"
is "$(grep -c 'already in the network as unique' "$T/par.err")" 7 \
    "8 parallel adds without -f: 7 refused"

# --- every file written parses, names read back intact -----------------

set -- "$N"/*.yaml "$S"/*.yaml "$I"/*.yaml "$O"/*.yaml "$P"/*.yaml \
    "$XDG_HOME_NET"/*.yaml
nfiles=$#
got=$(python3 - "$T/names.list" "$@" <<'EOF'
import sys, yaml
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
want = dict(zip(lines[0::2], lines[1::2]))
for p in sys.argv[2:]:
    try:
        d = yaml.safe_load(open(p, encoding="utf-8"))
    except Exception as e:
        print("%s: %s" % (p, str(e).split("\n")[0]))
        continue
    if not isinstance(d, dict) or not isinstance(d.get("name"), str):
        print("%s: not a mapping with a name" % p)
    elif p in want and d["name"] != want.pop(p):
        print("%s: name reads back as %r" % (p, d["name"]))
for p in want:
    print("%s: expected but not checked" % p)
print("%d files" % (len(sys.argv) - 2))
EOF
)
is "$got" "$nfiles files" \
    "all $nfiles files written parse; $nnames names read back intact"

# -T community: a community's file; a person of the same name is no
# duplicate of it, nor it of a person.
mknet types
run nw-add -T community -e 1m 'ACM Chicago'
is "$rc:$out:$err" "0:acm-chicago:" "-T community: exit 0, the id"
is "$(cat "$NW_DIR/acm-chicago.yaml")" "name: ACM Chicago
type: community
every: 1m
added: 2026-11-25" "-T community: type after the name"
run nw-add 'ACM Chicago'
is "$rc:$out:$err" "0:acm-chicago-2:" "a person named like a community is no duplicate"
run nw-add -T community 'acm chicago'
is "$rc:$err" "1:nw-add: 'acm chicago': already in the network as acm-chicago (-f adds anyway)" \
    "a community named like a community is"
run nw-add -T club 'Chess Club'
is "$rc:$err" "2:nw-add: 'club': not person or community" "-T club: usage error"

# --- nw-add - between other writers ------------------------------------------
# nw-add - keeps what it read of the network from one name to the next and
# reads again only when another process took the lock since (the token each
# lock leaves in .nw/lock): a name another nw-add wrote in between is still
# a duplicate, and so is one this run wrote.
mknet between
mkfifo "$T/names.fifo"
nw-add - <"$T/names.fifo" >"$T/between.out" 2>"$T/between.err" &
adder=$!
exec 9>"$T/names.fifo"
echo 'Ann First' >&9
i=0
while [ ! -f "$NW_DIR/ann-first.yaml" ] && [ "$i" -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
is "$(cat "$NW_DIR/ann-first.yaml" 2>/dev/null | head -n 1)" "name: Ann First" \
    "between: nw-add - wrote its first name before the other nw-add ran"
run nw-add 'Bob Between'
is "$rc:$out:$err" "0:bob-between:" "between: another nw-add adds a name"
printf 'bob between\nANN FIRST\nCy Last\n' >&9
exec 9>&-
wait "$adder"
is "$?:$(cat "$T/between.out")" "1:ann-first
cy-last" "between: nw-add - added the others, exit 1"
is "$(cat "$T/between.err")" "nw-add: 'bob between': already in the network as bob-between (-f adds anyway)
nw-add: 'ANN FIRST': already in the network as ann-first (-f adds anyway)" \
    "between: the other's name and its own are duplicates"
is "$(cd "$NW_DIR" && ls)" "ann-first.yaml
bob-between.yaml
cy-last.yaml" "between: no file twice"

done_testing
