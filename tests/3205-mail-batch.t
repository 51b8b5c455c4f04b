#!/bin/sh
# nw-mail: each contact's new entries appended together, in the log's
# own style (block, flow, empty, null, none yet, CRLF, no final newline,
# a block scalar after it), byte for byte as appended one by one, the
# follow-up ended by the first that ends it; a Maildir large enough to
# be read on every core, what is not logged said in the order of the
# files' names.
. "$(dirname "$0")/lib.sh"

TZ=UTC
export TZ
mknet net
N=$NW_DIR
M=$T/Mail
maildir "$M"
printf 'me: [me@home.example]\n' >>"$N/.nw.yaml"

# contacts: the shapes a log takes, each to get three entries at once
printf 'name: Ann A\nemail: ann@x.org\n' >"$N/ann.yaml"
printf 'name: Ben B\nemail: ben@x.org' >"$N/ben.yaml"
printf 'name: Cy C\nemail: cy@x.org\nlog: [{date: 2020-01-01, kind: call}]\n' >"$N/cy.yaml"
printf 'name: Di D\nemail: di@x.org\nlog: [ ]\n' >"$N/di.yaml"
printf 'name: Ed E\nemail: ed@x.org\nlog:\ncadence: 1m\n' >"$N/ed.yaml"
printf 'name: Flo F\r\nemail: flo@x.org\r\nlog:\r\n  - {date: 2020-01-01, kind: call}\r\n' >"$N/flo.yaml"
printf 'name: Gil G\nemail: gil@x.org\nlog:\n- {date: 2020-01-01, kind: call}\nnotes: |\n  one\n  two' >"$N/gil.yaml"
printf 'name: Hal H\nemail: hal@x.org\nlog:\n  - date: 2020-01-01\n    kind: call\nnext: 2026-01-01' >"$N/hal.yaml"
printf 'name: Ivy I\nemail: ivy@x.org\nlog: ~\n' >"$N/ivy.yaml"
# 27 messages: three days each for nine contacts, sent and received,
# with notes that must be quoted; and three that are not logged, said in
# the order of their names
i=0
for who in ann ben cy di ed flo gil hal ivy; do
	for d in 02 03 04; do
		i=$((i + 1))
		case $d in
		02) f="From: me@home.example" t="To: $who@x.org" s='Subject: yes' ;;
		03) f="From: $who@x.org" t='To: me@home.example' s='Subject: =?UTF-8?Q?N=C3=B6?=' ;;
		04) f="From: me@home.example" t="To: $who@x.org" s='Subject: a: b' ;;
		esac
		message "$f" "$t" "$s" "Date: Mon, $d Nov 2026 10:00:00 +0000" \
		    "Message-ID: <$who$d@x>" >"$M/cur/17640000$(printf %02d $i).m:2,S"
	done
done
message 'From: me@home.example' 'To: ann@x.org' 'Subject: none' \
    >"$M/cur/1764000005.a:2,S"
message 'To: ann@x.org' 'Subject: none' 'Date: Mon, 02 Nov 2026 11:00:00 +0000' \
    >"$M/cur/1764000015.b:2,S"
message 'From: me@home.example' 'To: ann@x.org' 'Subject: none' \
    'Date: Mon, 02 Nov 2099 11:00:00 +0000' >"$M/cur/1764000025.c:2,S"

run nw-mail -r -C "$N" "$M"
is "$rc" 0 "exit 0"
is "$out" "ann
ben
cy
di
ed
flo
gil
hal
ivy" "each contact changed, once"
is "$err" "nw-mail: '$M/cur/1764000005.a:2,S': no date: not logged
nw-mail: '$M/cur/1764000015.b:2,S': no sender address: not logged
nw-mail: '$M/cur/1764000025.c:2,S': dated after today: not logged
nw-mail: hal: follow-up done: 2026-01-01
nw-mail: 30 messages: 27 entries for 9 contacts; 1 dated after today, 1 without a date, 1 that do not parse" \
    "what is not logged said in the order of the names, then the follow-up, then the summary"

# the three entries of each, as the log's style has them
e1='{date: 2026-11-02, kind: email, note: "yes", mid: <@02@x>}'
e2='{date: 2026-11-03, kind: email, dir: in, note: "Nö", mid: <@03@x>}'
e3='{date: 2026-11-04, kind: email, note: "a: b", mid: <@04@x>}'
en() { printf '%s' "$1" | sed "s/@/$2/"; }	# en ENTRY WHO
want() {	# want WHO WHAT: the contact against $T/want, byte for byte
	same "$N/$1.yaml" "$T/want" "$1: $2"
}
printf 'name: Ann A\nemail: ann@x.org\nlog:\n  - %s\n  - %s\n  - %s\n' \
    "$(en "$e1" ann)" "$(en "$e2" ann)" "$(en "$e3" ann)" >"$T/want"
want ann "no log: a block list made"
printf 'name: Ben B\nemail: ben@x.org\nlog:\n  - %s\n  - %s\n  - %s' \
    "$(en "$e1" ben)" "$(en "$e2" ben)" "$(en "$e3" ben)" >"$T/want"
want ben "no final newline: none added"
printf 'name: Cy C\nemail: cy@x.org\nlog: [{date: 2020-01-01, kind: call}, %s, %s, %s]\n' \
    "$(en "$e1" cy)" "$(en "$e2" cy)" "$(en "$e3" cy)" >"$T/want"
want cy "a flow list: the entries before its bracket"
printf 'name: Di D\nemail: di@x.org\nlog: [%s, %s, %s ]\n' \
    "$(en "$e1" di)" "$(en "$e2" di)" "$(en "$e3" di)" >"$T/want"
want di "an empty flow list with a blank: filled"
printf 'name: Ed E\nemail: ed@x.org\nlog:\n  - %s\n  - %s\n  - %s\ncadence: 1m\n' \
    "$(en "$e1" ed)" "$(en "$e2" ed)" "$(en "$e3" ed)" >"$T/want"
want ed "'log:' with nothing: a block list under it"
printf 'name: Flo F\r\nemail: flo@x.org\r\nlog:\r\n  - {date: 2020-01-01, kind: call}\r\n  - %s\r\n  - %s\r\n  - %s\r\n' \
    "$(en "$e1" flo)" "$(en "$e2" flo)" "$(en "$e3" flo)" >"$T/want"
want flo "CRLF lines: CRLF lines added"
printf 'name: Gil G\nemail: gil@x.org\nlog:\n- {date: 2020-01-01, kind: call}\n- %s\n- %s\n- %s\nnotes: |\n  one\n  two' \
    "$(en "$e1" gil)" "$(en "$e2" gil)" "$(en "$e3" gil)" >"$T/want"
want gil "items at the key's column, a block scalar at a bare end after them"
printf 'name: Hal H\nemail: hal@x.org\nlog:\n  - date: 2020-01-01\n    kind: call\n  - %s\n  - %s\n  - %s' \
    "$(en "$e1" hal)" "$(en "$e2" hal)" "$(en "$e3" hal)" >"$T/want"
want hal "after a block mapping; the follow-up at the bare end gone"
printf 'name: Ivy I\nemail: ivy@x.org\nlog: [%s, %s, %s]\n' \
    "$(en "$e1" ivy)" "$(en "$e2" ivy)" "$(en "$e3" ivy)" >"$T/want"
want ivy "log: ~ becomes a flow list"

# again: nothing new, not a byte changed
for f in "$N"/*.yaml; do cp "$f" "$f.then"; done
run nw-mail -r -C "$N" "$M"
is "$rc:$out" "0:" "again: exit 0, no contact changed"
is "$(printf '%s\n' "$err" | tail -n 1)" \
    "nw-mail: 30 messages: 0 entries for 0 contacts; 1 dated after today, 1 without a date, 1 that do not parse, 27 already logged" \
    "again: every entry there already"
for f in "$N"/*.yaml; do
	same "$f" "$f.then" "again: $(basename "$f") as it was"
done

# 40 contacts, enough to be changed on every core: what each change says
# (the editor's refusal, a follow-up ended) and the ids in the order of
# the contacts, whatever core made which change; a refusal stops no other
mknet many
N=$NW_DIR
M=$T/Many
maildir "$M"
printf 'me: [me@home.example]\n' >>"$N/.nw.yaml"
for i in $(seq -w 0 39); do
	case $i in
	05) x='"log": []' ;;
	10|30) x='next: 2026-01-01' ;;
	21) x='log: &a [ ]' ;;
	*) x='' ;;
	esac
	printf 'name: P %s\nemail: p%s@x.org\n%s\n' "$i" "$i" "$x" >"$N/p$i.yaml"
	message 'From: me@home.example' "To: p$i@x.org" 'Subject: s' \
	    'Date: Mon, 02 Nov 2026 10:00:00 +0000' "Message-ID: <$i@x>" \
	    >"$M/cur/17640000$i.m:2,S"
done
cp "$N/p05.yaml" "$T/p05.then"
run nw-mail -C "$N" "$M"
is "$rc" 1 "many: exit 1, a contact not changed"
is "$out" "$(seq -w 0 39 | grep -v '^05$\|^21$' | sed 's/^/p/')" \
    "many: the ids of the others, in order"
is "$err" "$N/p05.yaml:3:1: 'log': the key is quoted, tagged or anchored: edit it by hand
nw-mail: p10: follow-up done: 2026-01-01
$N/p21.yaml:3:6: 'log' has an anchor, alias or tag: edit it by hand
nw-mail: p30: follow-up done: 2026-01-01
nw-mail: 40 messages: 38 entries for 38 contacts; 2 contacts not changed" \
    "many: said in the order of the contacts, then the summary"
same "$N/p05.yaml" "$T/p05.then" "many: the refused contact as it was"
printf 'name: P 39\nemail: p39@x.org\nlog:\n  - {date: 2026-11-02, kind: email, note: s, mid: <39@x>}\n\n' \
    >"$T/want"
same "$N/p39.yaml" "$T/want" "many: the last contact's entry"

# the same and more named on standard input (mlist, notmuch search): the
# files read on every core, what each says in the order named, a folder
# among them read in its turn
L=$T/loose
mkdir "$L"
for i in $(seq -w 0 19); do
	case $i in
	03|10|17) message 'From: me@home.example' "To: p$i@x.org" \
	    'Subject: t' "Message-ID: <l$i@x>" ;;
	*) message 'From: me@home.example' "To: p$i@x.org" 'Subject: t' \
	    'Date: Tue, 03 Nov 2026 10:00:00 +0000' "Message-ID: <l$i@x>" ;;
	esac >"$L/$i"
done
list=$(for i in $(seq -w 19 -1 0); do
	echo "$L/$i"
	[ "$i" = 15 ] && echo "$T/none"
	[ "$i" = 10 ] && echo "$M"
done)
pipein "$list" nw-mail -n -C "$N"
is "$rc" 1 "named: exit 1, a path not read"
is "$(printf '%s\n' "$out" | cut -f 1,2 | tr '\t\n' '  ')" \
    "p00 2026-11-03 p01 2026-11-03 p02 2026-11-03 p04 2026-11-03 p05 2026-11-02 p05 2026-11-03 p06 2026-11-03 p07 2026-11-03 p08 2026-11-03 p09 2026-11-03 p11 2026-11-03 p12 2026-11-03 p13 2026-11-03 p14 2026-11-03 p15 2026-11-03 p16 2026-11-03 p18 2026-11-03 p19 2026-11-03 p21 2026-11-02 " \
    "named: the entries to add, by contact"
is "$err" "nw-mail: '$L/17': no date: not logged
nw-mail: '$T/none': No such file or directory
nw-mail: '$L/10': no date: not logged
nw-mail: '$L/03': no date: not logged
nw-mail: 60 messages: 19 entries to add for 18 contacts; 3 without a date, 38 already logged" \
    "named: said in the order named (a dry run refuses nothing)"

# a Date read the short way (its common form) gives the day of the zone
# of the run, as GMime's reading does, over the day line and across a
# summer time change
message 'From: me@home.example' 'To: p00@x.org' 'Subject: z' \
    'Date: Sat, 31 Oct 2026 23:30:00 -0300' 'Message-ID: <z1@x>' >"$T/z1"
message 'From: me@home.example' 'To: p00@x.org' 'Subject: z' \
    'Date: 1 Nov 2026 04:30:00 +0000' 'Message-ID: <z2@x>' >"$T/z2"
if [ -f /usr/share/zoneinfo/Asia/Tokyo ] &&
    [ -f /usr/share/zoneinfo/America/New_York ]; then
	TZ=Asia/Tokyo run nw-mail -n -C "$N" "$T/z1" "$T/z2"
	is "$(printf '%s\n' "$out" | cut -f 2 | tr '\n' ' ')" \
	    "2026-11-01 " "Asia/Tokyo: both on the 1st"
	TZ=America/New_York run nw-mail -n -C "$N" "$T/z1" "$T/z2"
	is "$(printf '%s\n' "$out" | cut -f 2 | tr '\n' ' ')" \
	    "2026-10-31 2026-11-01 " "America/New_York: the 31st, then the 1st"
else
	skip "no zoneinfo for Asia/Tokyo and America/New_York"
fi

# more changed contacts than a window of the writer (512): every one's
# temporary file is made before the first is renamed over its contact
# (on ext4 without a journal, each file made after a rename over a
# contact skips the inode that rename freed)
if strace_ok; then
	mknet big
	N=$NW_DIR
	M=$T/Big
	maildir "$M"
	printf 'me: [me@home.example]\n' >>"$N/.nw.yaml"
	for i in $(seq 1000 1599); do
		printf 'name: P %s\nemail: p%s@x.org\n' "$i" "$i" >"$N/p$i.yaml"
		message 'From: me@home.example' "To: p$i@x.org" 'Subject: s' \
		    'Date: Mon, 02 Nov 2026 10:00:00 +0000' "Message-ID: <$i@x>" \
		    >"$M/cur/1764$i.m:2,S"
	done
	ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 strace -f -o "$T/trace" \
	    -e trace=openat,rename nw-mail -C "$N" "$M" >"$T/out" 2>"$T/err"
	is "$?:$(wc -l <"$T/out" | tr -d ' ')" "0:600" "big: exit 0, 600 contacts changed"
	is "$(awk '/openat\(.*\.nw\/tmp\/\.nw-.*O_CREAT/ { made++; last = NR }
	    /rename\(.*\.nw\/tmp\/\.nw-/ { renamed++; if (!first) first = NR }
	    END { print made, renamed, (last < first) }' "$T/trace")" \
	    "600 600 1" "big: 600 files made, then 600 renamed"
else
	skip "$strace_why"
	skip "$strace_why"
fi

done_testing
