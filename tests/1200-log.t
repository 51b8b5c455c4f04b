#!/bin/sh
# nw-log: append a log entry, touching only the bytes it must (nw(7),
# "Writing files"), settle next/next-note, print the ids it changed.
# Every contact file is written by hand; every expected file is the old
# file plus exactly the new line(s), spelled out in full.
. "$(dirname "$0")/lib.sh"

# The expected file, from standard input or printf, goes to $T/want.
want() { cat >"$T/want"; }


# quiet: ran fine, printed exactly $1 on stdout and nothing on stderr, or
# exactly $3 there (a follow-up cleared is said).
quiet() {
	is "$rc" 0 "$2: exit 0"
	is "$out" "$1" "$2: prints the id"
	is "$err" "${3-}" "$2: ${3:+only the follow-up done }on stderr"
}

# A stand-in where timeout(1) is missing: no time limit then.
command -v timeout >/dev/null 2>&1 || timeout() { shift; "$@"; }

mknet net
N=$NW_DIR

# ---------------------------------------------------------------------------
# A block list indented by four, comments everywhere, a block mapping item
# last: the new item goes at the items' column right after the last item;
# with -D (the entry is the follow-up) next and next-note (with its
# comment) go, nothing else moves.
cat >"$N/ada-lovelace.yaml" <<'EOF'
# Ada, met at RustConf
name: Ada Lovelace   # the countess
aka: [Countess of Lovelace]
circle: close
next: 2026-12-11   # follow up
next-note: Ask how the new job is going
log:
    - {date: 2026-09-10, kind: call, note: Talked about her new job}   # first
    - date: 2026-10-02
      kind: give
      note: Sent the Rust survey link

# notes follow
notes: |
  Free text, any length.
EOF
run nw-log -D -k call -m 'Talked: at length' ada-lovelace
quiet ada-lovelace "indented block list" \
    "nw-log: ada-lovelace: follow-up done: Ask how the new job is going"
want <<'EOF'
# Ada, met at RustConf
name: Ada Lovelace   # the countess
aka: [Countess of Lovelace]
circle: close
log:
    - {date: 2026-09-10, kind: call, note: Talked about her new job}   # first
    - date: 2026-10-02
      kind: give
      note: Sent the Rust survey link
    - {date: 2026-11-25, kind: call, note: "Talked: at length"}

# notes follow
notes: |
  Free text, any length.
EOF
same "$N/ada-lovelace.yaml" "$T/want" "indented block list: item appended, next and next-note removed"

# A second entry lands after the first new one (the end of the list).
run nw-log -d 2026-11-24 ada-lovelace
quiet ada-lovelace "no -k, no -m"
want <<'EOF'
# Ada, met at RustConf
name: Ada Lovelace   # the countess
aka: [Countess of Lovelace]
circle: close
log:
    - {date: 2026-09-10, kind: call, note: Talked about her new job}   # first
    - date: 2026-10-02
      kind: give
      note: Sent the Rust survey link
    - {date: 2026-11-25, kind: call, note: "Talked: at length"}
    - {date: 2026-11-24}

# notes follow
notes: |
  Free text, any length.
EOF
same "$N/ada-lovelace.yaml" "$T/want" "entry without kind or note is just the date"

# ---------------------------------------------------------------------------
# A flow list with a comment after it: ", {...}" before the bracket.
cat >"$N/bob-smith.yaml" <<'EOF'
name: Bob Smith
log: [{date: 2026-01-01}, {date: 2026-02-01, kind: call}]  # flow
email: bob@example.org
EOF
run nw-log -k email -d yesterday -m 'a, b' bob-smith
quiet bob-smith "flow list"
want <<'EOF'
name: Bob Smith
log: [{date: 2026-01-01}, {date: 2026-02-01, kind: call}, {date: 2026-11-24, kind: email, note: "a, b"}]  # flow
email: bob@example.org
EOF
same "$N/bob-smith.yaml" "$T/want" "flow list: item before the bracket, comment kept"

# A flow list spread over lines, with a trailing comma.
cat >"$N/flow2.yaml" <<'EOF'
name: Flow Two
log: [
  {date: 2026-01-01},
  {date: 2026-01-02},
]
EOF
run nw-log -k call flow2
quiet flow2 "multi-line flow list"
want <<'EOF'
name: Flow Two
log: [
  {date: 2026-01-01},
  {date: 2026-01-02}, {date: 2026-11-25, kind: call},
]
EOF
same "$N/flow2.yaml" "$T/want" "multi-line flow list: item after the last one"

# An empty flow list and a null.
printf 'name: Empty Flow\nlog: []\n' >"$N/eflow.yaml"
printf 'name: Tilde\nlog: ~   # none yet\n' >"$N/tilde.yaml"
run nw-log -k meet eflow tilde
quiet "eflow
tilde" "log: [] and log: ~"
printf 'name: Empty Flow\nlog: [{date: 2026-11-25, kind: meet}]\n' | want
same "$N/eflow.yaml" "$T/want" "log: [] gets its first item inside the brackets"
printf 'name: Tilde\nlog: [{date: 2026-11-25, kind: meet}]   # none yet\n' | want
same "$N/tilde.yaml" "$T/want" "log: ~ becomes a one-item list, comment kept"

# ---------------------------------------------------------------------------
# CRLF, items at the key's column, another key after the list.
printf 'name: Cy Young\r\nlog:\r\n- {date: 2026-01-01}\r\n# between\r\nemail: cy@example.org\r\n' \
    >"$N/cy-young.yaml"
run nw-log -k call cy-young
quiet cy-young "CRLF block list at the key's column"
printf 'name: Cy Young\r\nlog:\r\n- {date: 2026-01-01}\r\n- {date: 2026-11-25, kind: call}\r\n# between\r\nemail: cy@example.org\r\n' | want
same "$N/cy-young.yaml" "$T/want" "CRLF file gets a CRLF line at the items' column"

# No final newline: the file keeps having none.
printf 'name: Dee Dee\nlog:\n  - {date: 2026-01-01}' >"$N/dee-dee.yaml"
run nw-log -k call dee-dee
quiet dee-dee "no final newline"
printf 'name: Dee Dee\nlog:\n  - {date: 2026-01-01}\n  - {date: 2026-11-25, kind: call}' | want
same "$N/dee-dee.yaml" "$T/want" "no final newline before, none after"

# No log at all: a new block at the end.
cat >"$N/eve.yaml" <<'EOF'
name: Eve Adams
# a comment in the middle
tags: [rust, chess]
EOF
run nw-log -k call -m hello eve
quiet eve "no log key"
want <<'EOF'
name: Eve Adams
# a comment in the middle
tags: [rust, chess]
log:
  - {date: 2026-11-25, kind: call, note: hello}
EOF
same "$N/eve.yaml" "$T/want" "absent log: a log block at the end"

# CRLF, no final newline, next and next-note to remove, no log.
printf 'name: Fay Wray\r\nnext: 2026-12-01\r\nnext-note: x\r\ntags: [a]' >"$N/fay.yaml"
run nw-log -D -k call fay
quiet fay "CRLF, no final newline, no log" "nw-log: fay: follow-up done: x"
printf 'name: Fay Wray\r\ntags: [a]\r\nlog:\r\n  - {date: 2026-11-25, kind: call}' | want
same "$N/fay.yaml" "$T/want" "new CRLF log block, still no final newline"

# An empty "log:" (with a comment) followed by another key.
printf 'name: Gus Grim\nlog:   # history\nemail: gus@example.org\n' >"$N/gus.yaml"
run nw-log -k call gus
quiet gus "empty log:"
printf 'name: Gus Grim\nlog:   # history\n  - {date: 2026-11-25, kind: call}\nemail: gus@example.org\n' | want
same "$N/gus.yaml" "$T/want" "empty log: gets an item under it"

# A BOM is kept; an empty log: as the last key.
printf '\357\273\277name: Hal Hope\nlog:\n' >"$N/hal.yaml"
run nw-log -k call hal
quiet hal "BOM"
printf '\357\273\277name: Hal Hope\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$N/hal.yaml" "$T/want" "BOM kept"

# BOM, CRLF, no final newline, next as the last key: it goes, log comes.
printf '\357\273\277name: Ian Ide\r\nnext: 2026-12-01' >"$N/ian.yaml"
run nw-log ian
quiet ian "BOM, CRLF, no final newline, next last" \
    "nw-log: ian: follow-up done: 2026-12-01"
printf '\357\273\277name: Ian Ide\r\nlog:\r\n  - {date: 2026-11-25}' | want
same "$N/ian.yaml" "$T/want" "BOM, CRLF, no final newline kept; next removed"

# Comments and a blank line after the last item stay after the new one;
# a block scalar note in the last item is left whole.
cat >"$N/jo.yaml" <<'EOF'
name: Jo March
log:
  # first
  - date: 2026-01-01
    note: |
      two
      lines
  # after
email: jo@example.org
EOF
run nw-log -k call jo
quiet jo "block scalar in the last item"
want <<'EOF'
name: Jo March
log:
  # first
  - date: 2026-01-01
    note: |
      two
      lines
  - {date: 2026-11-25, kind: call}
  # after
email: jo@example.org
EOF
same "$N/jo.yaml" "$T/want" "item after a block scalar, before the comment"

# An existing file's mode is kept.
printf 'name: Kit Kat\n' >"$N/kit.yaml"
chmod 644 "$N/kit.yaml"
run nw-log kit
quiet kit "mode"
is "$(ls -l "$N/kit.yaml" | cut -c1-10)" "-rw-r--r--" "mode 0644 kept on rewrite"

# ---------------------------------------------------------------------------
# Notes are quoted only when they must be.
printf 'name: Quo Vadis\nlog:\n  - {date: 2026-01-01}\n' >"$N/quo.yaml"
for pair in \
    'Talked about Rust|Talked about Rust' \
    'C# and F#|C# and F#' \
    'see #3|"see #3"' \
    'ask: job|"ask: job"' \
    'tea, cake|"tea, cake"' \
    'said "hi"|said "hi"' \
    '[draft]|"[draft]"' \
    'yes|"yes"' \
    '2026-01-01|"2026-01-01"'; do
	note=${pair%%|*}
	yaml=${pair#*|}
	printf 'name: Quo Vadis\nlog:\n  - {date: 2026-01-01}\n' >"$N/quo.yaml"
	run nw-log -m "$note" quo
	printf 'name: Quo Vadis\nlog:\n  - {date: 2026-01-01}\n  - {date: 2026-11-25, note: %s}\n' "$yaml" | want
	same "$N/quo.yaml" "$T/want" "note '$note' written as $yaml"
done
printf 'name: Quo Vadis\nlog:\n  - {date: 2026-01-01}\n' >"$N/quo.yaml"
run nw-log -m "$(printf 'two\nlines')" quo
printf 'name: Quo Vadis\nlog:\n  - {date: 2026-01-01}\n  - {date: 2026-11-25, note: "two\\nlines"}\n' | want
same "$N/quo.yaml" "$T/want" "a newline in a note is escaped in double quotes"

# ---------------------------------------------------------------------------
# -d: the forms of a past date.  Today, 2026-11-25, is a Wednesday.
printf 'name: Dat Es\nlog:\n  - {date: 2026-01-01}\n' >"$T/dates.base"
for pair in \
    '2026-02-28|2026-02-28' \
    'today|2026-11-25' \
    'yesterday|2026-11-24' \
    'monday|2026-11-23' \
    'Friday|2026-11-20' \
    'wednesday|2026-11-18' \
    'sunday|2026-11-22' \
    '3d|2026-11-22' \
    '2w|2026-11-11'; do
	d=${pair%%|*}
	ymd=${pair#*|}
	cp "$T/dates.base" "$N/dates.yaml"
	run nw-log -k call -d "$d" dates
	is "$rc:$out:$err" "0:dates:" "-d $d: exit 0, id printed"
	{ cat "$T/dates.base"; echo "  - {date: $ymd, kind: call}"; } | want
	same "$N/dates.yaml" "$T/want" "-d $d is $ymd"
done

# Month arithmetic clamps to the month's end.
cp "$T/dates.base" "$N/dates.yaml"
NW_TODAY=2026-03-31
run nw-log -d 1m dates
NW_TODAY=2026-11-25
{ cat "$T/dates.base"; echo "  - {date: 2026-02-28}"; } | want
same "$N/dates.yaml" "$T/want" "-d 1m on 2026-03-31 is 2026-02-28"

# Bad dates: usage error, nothing written, nothing printed.
cp "$T/dates.base" "$N/dates.yaml"
run nw-log -d 2026-13-01 dates
is "$rc" 2 "-d 2026-13-01: exit 2"
is "$out" "" "-d 2026-13-01: nothing on stdout"
is "$err" "nw-log: '2026-13-01': not a date (YYYY-MM-DD, today, yesterday, a weekday, 3d)" \
    "-d 2026-13-01: says why"
for d in 2026-02-29 tomorrow 0d -3d 3x '' 26-11-01; do
	run nw-log -d "$d" dates
	is "$rc:$out" "2:" "-d '$d': exit 2, nothing printed"
done
same "$N/dates.yaml" "$T/dates.base" "bad -d: file untouched"

# ---------------------------------------------------------------------------
# -n and -N.  -N alone is a usage error.
printf 'name: Nat King\nnext: 2026-12-11   # follow up\nnext-note: old note\nemail: nat@example.org\n' >"$N/nat.yaml"
cp "$N/nat.yaml" "$T/nat.base"
run nw-log -N 'call back' nat
is "$rc:$out" "2:" "-N without -n: exit 2, nothing printed"
case $err in "nw-log: "*) r=0 ;; *) r=1 ;; esac
ok $r "-N without -n: says why on stderr"
same "$N/nat.yaml" "$T/nat.base" "-N without -n: file untouched"
run nw-log -n junk nat
is "$rc:$out" "2:" "-n junk: exit 2, nothing printed"
same "$N/nat.yaml" "$T/nat.base" "-n junk: file untouched"

# -n alone: next replaced in place (comment kept); the stale note goes.
run nw-log -n 2w nat
quiet nat "-n 2w"
printf 'name: Nat King\nnext: 2026-12-09   # follow up\nemail: nat@example.org\nlog:\n  - {date: 2026-11-25}\n' | want
same "$N/nat.yaml" "$T/want" "-n 2w: next is today + 14 days, next-note removed"

# -n and -N: the note is added, quoted when it must be.
run nw-log -k meet -n 2027-01-15 -N 'Ask: about the job' nat
quiet nat "-n date -N note"
printf 'name: Nat King\nnext: 2027-01-15   # follow up\nemail: nat@example.org\nlog:\n  - {date: 2026-11-25}\n  - {date: 2026-11-25, kind: meet}\nnext-note: "Ask: about the job"\n' | want
same "$N/nat.yaml" "$T/want" "-n 2027-01-15 -N: next set, next-note added"

# -N replaces the old note in place.
run nw-log -n friday -N 'plain words' nat
quiet nat "-n friday"
printf 'name: Nat King\nnext: 2026-11-27   # follow up\nemail: nat@example.org\nlog:\n  - {date: 2026-11-25}\n  - {date: 2026-11-25, kind: meet}\n  - {date: 2026-11-25}\nnext-note: plain words\n' | want
same "$N/nat.yaml" "$T/want" "-n friday is the next Friday; next-note replaced"

# A kind "note" entry is not contact: the follow-up stays.
run nw-log -k note -m 'moved to Paris' nat
quiet nat "-k note"
printf 'name: Nat King\nnext: 2026-11-27   # follow up\nemail: nat@example.org\nlog:\n  - {date: 2026-11-25}\n  - {date: 2026-11-25, kind: meet}\n  - {date: 2026-11-25}\n  - {date: 2026-11-25, kind: note, note: moved to Paris}\nnext-note: plain words\n' | want
same "$N/nat.yaml" "$T/want" "-k note keeps next and next-note"

# Contact keeps a promise (a follow-up with a note), and says how to end
# it; -D, the entry that is the follow-up, removes both, next-note being
# the last line.
run nw-log -k call nat
quiet nat "plain log after -n -N" "nw-log: nat: follow-up stays: plain words (nw-log -D when it is done)"
printf 'name: Nat King\nnext: 2026-11-27   # follow up\nemail: nat@example.org\nlog:\n  - {date: 2026-11-25}\n  - {date: 2026-11-25, kind: meet}\n  - {date: 2026-11-25}\n  - {date: 2026-11-25, kind: note, note: moved to Paris}\n  - {date: 2026-11-25, kind: call}\nnext-note: plain words\n' | want
same "$N/nat.yaml" "$T/want" "contact keeps a promise: next and next-note stay"
run nw-log -D -k email -m 'the draft' nat
quiet nat "-D" "nw-log: nat: follow-up done: plain words"
printf 'name: Nat King\nemail: nat@example.org\nlog:\n  - {date: 2026-11-25}\n  - {date: 2026-11-25, kind: meet}\n  - {date: 2026-11-25}\n  - {date: 2026-11-25, kind: note, note: moved to Paris}\n  - {date: 2026-11-25, kind: call}\n  - {date: 2026-11-25, kind: email, note: the draft}\n' | want
same "$N/nat.yaml" "$T/want" "-D removes next and next-note"
cp "$N/nat.yaml" "$T/nat.base"
run nw-log -D -K nat
is "$rc:$out" "2:" "-D with -K: usage, exit 2"
same "$N/nat.yaml" "$T/nat.base" "-D with -K: file untouched"

# Two contacts with a follow-up each, in one run: both are written.
printf 'name: Oda One\nnext: 2026-12-01\n' >"$N/oda.yaml"
printf 'name: Ola Two\nnext: 2026-12-01\n' >"$N/ola.yaml"
run nw-log -k call oda ola
quiet "oda
ola" "two contacts with next" "nw-log: oda: follow-up done: 2026-12-01
nw-log: ola: follow-up done: 2026-12-01"
printf 'name: Oda One\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$N/oda.yaml" "$T/want" "first of two: next removed, entry added"
printf 'name: Ola Two\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$N/ola.yaml" "$T/want" "second of two: next removed, entry added"

# ---------------------------------------------------------------------------
# -k ask warns when, counting this ask, you owe: the balance (got + open
# asks - gives, as nw-give -l counts it) above 0.  The entry is still
# written.
printf 'name: Pam Beesly\nlog:\n  - {date: 2026-01-01, kind: give}\n' >"$N/pam.yaml"
run nw-log -k ask -m 'an intro' pam
quiet pam "one give, then an ask: owed nothing, no warning"
run nw-log -k ask pam
is "$rc:$out" "0:pam" "gave 1, asked 2: still exit 0, id printed"
is "$err" "nw-log: warning: you owe Pam Beesly 1 (gave 1, got 0, open asks 2): give first" \
    "gave 1, asked 2: owing 1 counting this ask, warned"
run nw-log -k ask pam
is "$rc:$out" "0:pam" "owing 2: still exit 0, id printed"
is "$err" "nw-log: warning: you owe Pam Beesly 2 (gave 1, got 0, open asks 3): give first" \
    "owing: the warning says how much, and to give first"
printf 'name: Pam Beesly\nlog:\n  - {date: 2026-01-01, kind: give}\n  - {date: 2026-11-25, kind: ask, note: an intro}\n  - {date: 2026-11-25, kind: ask}\n  - {date: 2026-11-25, kind: ask}\n' | want
same "$N/pam.yaml" "$T/want" "the asks are logged"
printf 'name: Quentin Blake\n' >"$N/quentin.yaml"
run nw-log -k ask quentin
is "$rc:$out:$err" "0:quentin:nw-log: warning: you owe Quentin Blake 1 (gave 0, got 0, open asks 1): give first" \
    "the first ask of someone you never gave to: warned"
# A got counts as the gives do: after it you owe, and an ask warns,
# naming what you offer (the contact's, else .nw.yaml's) as easy asks.
printf 'name: Rita Got\noffers: [a reference, an idea, advice]\nlog:\n  - {date: 2026-11-01, kind: got, note: her notes}\n' >"$N/rita.yaml"
run nw-log -k ask -m 'a job' rita
is "$err" "nw-log: warning: you owe Rita Got 2 (gave 0, got 1, open asks 1): give first; keep asks easy, like a reference, an idea or advice" \
    "a got before the ask: warned, with the contact's offers"
printf 'offers: [spreading the word]\n' >>"$N/.nw.yaml"
printf 'name: Sid Got\nlog:\n  - {date: 2026-11-01, kind: got}\n' >"$N/sid.yaml"
run nw-log -k ask sid
is "$err" "nw-log: warning: you owe Sid Got 2 (gave 0, got 1, open asks 1): give first; keep asks easy, like spreading the word" \
    "no offers of its own: the default offers of .nw.yaml"
run nw-log -k call pam
is "$err" "" "-k call: no warning even when you owe"

# ---------------------------------------------------------------------------
# The same contact twice in one run is logged once.
printf 'name: Ray Charles\n' >"$N/ray-charles.yaml"
run nw-log -k call ray-charles 'ray c' ray-charles "$N/ray-charles.yaml"
is "$rc:$out:$err" "0:ray-charles:" "same contact three ways: one id printed"
printf 'name: Ray Charles\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$N/ray-charles.yaml" "$T/want" "same contact three ways: logged once"

# ---------------------------------------------------------------------------
# A file that does not parse: path:line:col, exit 1, untouched, the others
# still logged.
printf 'name: Sam One\n' >"$N/sam1.yaml"
printf 'name: Bad Form\n  x: y\n' >"$N/broken.yaml"
printf 'name: [Not, a, string]\n' >"$N/noname.yaml"
printf 'name: Sam Two\n' >"$N/sam2.yaml"
cp "$N/broken.yaml" "$T/broken.base"
cp "$N/noname.yaml" "$T/noname.base"
run nw-log -k call sam1 broken noname sam2
is "$rc" 1 "a broken file: exit 1"
is "$out" "sam1
sam2" "a broken file: the others' ids printed"
is "$err" "$N/broken.yaml:2:4: mapping values are not allowed in this context
$N/noname.yaml:1:7: 'name' must be a non-empty string" "a broken file: path:line:col: message"
same "$N/broken.yaml" "$T/broken.base" "YAML error: file untouched"
same "$N/noname.yaml" "$T/noname.base" "bad name: file untouched"
printf 'name: Sam One\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$N/sam1.yaml" "$T/want" "contact before the broken one logged"
printf 'name: Sam Two\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$N/sam2.yaml" "$T/want" "contact after the broken one logged"

# A shape that cannot be edited safely: refused with path:line:col.
printf 'name: Anchor Man\nlog: &h [{date: 2026-01-01}]\n' >"$N/anchor.yaml"
cp "$N/anchor.yaml" "$T/anchor.base"
run nw-log -k call anchor
is "$rc:$out" "1:" "anchored log: exit 1, nothing printed"
is "$err" "$N/anchor.yaml:2:6: 'log' has an anchor, alias or tag: edit it by hand" \
    "anchored log: says where and why"
same "$N/anchor.yaml" "$T/anchor.base" "anchored log: file untouched"

# ---------------------------------------------------------------------------
# No references and /dev/null to read: nothing to do (a terminal gets the
# usage: tests/0210-refs-stdin.t).
run nw-log -k call
is "$rc:$out:$err" "0::" "no refs, stdin /dev/null: nothing done, exit 0"
run nw-log -x ray-charles
is "$rc:$out" "2:" "unknown option: exit 2"

# ---------------------------------------------------------------------------
# Pipelines.  A fresh network where only some are due.
mknet pipes
P=$NW_DIR
printf 'name: Ada Lovelace\n' >"$P/ada.yaml"
printf 'name: Bob Smith\n' >"$P/bob.yaml"
printf 'name: Cy Young\nlog:\n  - {date: 2026-11-01, kind: call}\n' >"$P/cy.yaml"

pipein 'ada
bob
' nw-log -k call
quiet "ada
bob" "printf | nw-log"
printf 'name: Ada Lovelace\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$P/ada.yaml" "$T/want" "printf | nw-log: first logged"
printf 'name: Bob Smith\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$P/bob.yaml" "$T/want" "printf | nw-log: second logged"

printf 'name: Dee Dee\n' >"$P/dee.yaml"
printf 'name: Eve Adams\n' >"$P/eve.yaml"
nw-due 2>"$T/due.err" | nw-log -k email -m hello >"$T/.out" 2>"$T/.err"
rc=$?
out=$(cat "$T/.out")
err=$(cat "$T/.err")
quiet "dee
eve" "nw-due | nw-log"
is "$(cat "$T/due.err")" "" "nw-due | nw-log: nw-due quiet"
printf 'name: Dee Dee\nlog:\n  - {date: 2026-11-25, kind: email, note: hello}\n' | want
same "$P/dee.yaml" "$T/want" "nw-due | nw-log: due contact logged"
printf 'name: Cy Young\nlog:\n  - {date: 2026-11-01, kind: call}\n' | want
same "$P/cy.yaml" "$T/want" "nw-due | nw-log: contact not due untouched"
run nw-due
is "$rc:$out" "0:" "after nw-due | nw-log nobody is due"

# nw-log's output feeds the next command.  The second starts first (the
# first is held back a second) and must not keep the first from writing
# while it waits for its input; timeout turns a deadlock into a failure.
printf 'name: Fay Wray\n' >"$P/fay.yaml"
printf 'fay\n' | { sleep 1; timeout 10 nw-log -k call 2>/dev/null; } |
    timeout 10 nw-log -k note -m again >"$T/.out" 2>"$T/.err"
is "$?:$(cat "$T/.out"):$(cat "$T/.err")" "0:fay:" "nw-log | nw-log"
printf 'name: Fay Wray\nlog:\n  - {date: 2026-11-25, kind: call}\n  - {date: 2026-11-25, kind: note, note: again}\n' | want
same "$P/fay.yaml" "$T/want" "nw-log | nw-log: both entries"

# ---------------------------------------------------------------------------
# The follow-up rule (nw(5)).  A bare next is a reminder to get in touch:
# it goes when the entry is contact dated on or after the newest contact
# entry already there; a back-dated entry, -K or a note keeps it.  A next
# with a note is a promise: contact keeps it (and says how to end it),
# only -D (or a new -n, or nw-set -d) ends it.  Whenever one goes, nw-log
# says so.
fu() {	# fu NAME [NOTE]: a follow-up set after a call on 11-15
	{
		printf 'name: %s\nnext: 2026-12-09\n' "$1"
		[ -z "${2-}" ] || printf 'next-note: %s\n' "$2"
		printf 'log:\n  - {date: 2026-11-15, kind: call}\n'
	} >"$P/fu.yaml"
}
fu 'Fu Back'
run nw-log -k meet -d 2026-11-09 fu
quiet fu "bare next, back-dated before the newest contact entry"
printf 'name: Fu Back\nnext: 2026-12-09\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-09, kind: meet}\n' | want
same "$P/fu.yaml" "$T/want" "bare next, back-dated entry (11-09 < 11-15): kept"

fu 'Fu Eve'
run nw-log -k meet -d 2026-11-14 fu
quiet fu "bare next, the day before the newest contact"
printf 'name: Fu Eve\nnext: 2026-12-09\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-14, kind: meet}\n' | want
same "$P/fu.yaml" "$T/want" "bare next, entry on 11-14 (one day before 11-15): kept"

fu 'Fu Same'
run nw-log -k email -d 2026-11-15 fu
quiet fu "bare next, dated the newest contact day" "nw-log: fu: follow-up done: 2026-12-09"
printf 'name: Fu Same\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-15, kind: email}\n' | want
same "$P/fu.yaml" "$T/want" "bare next, entry on the newest contact day (11-15): ended"

fu 'Fu Promise' 'Send the draft'
run nw-log -k email -m 'Thanks for the call' fu
quiet fu "a promise, then contact" "nw-log: fu: follow-up stays: Send the draft (nw-log -D when it is done)"
printf 'name: Fu Promise\nnext: 2026-12-09\nnext-note: Send the draft\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-25, kind: email, note: Thanks for the call}\n' | want
same "$P/fu.yaml" "$T/want" "a promise stays through contact after it"
fu 'Fu Promise' 'Send the draft'
run nw-log -k note -m 'idea for the draft' fu
quiet fu "a promise, then a note entry: nothing said"
run nw-log -D -k email -m 'The draft' fu
quiet fu "a promise, -D" "nw-log: fu: follow-up done: Send the draft"
printf 'name: Fu Promise\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-25, kind: note, note: idea for the draft}\n  - {date: 2026-11-25, kind: email, note: The draft}\n' | want
same "$P/fu.yaml" "$T/want" "-D ends a promise"
fu 'Fu Back' 'Send the draft'
run nw-log -D -k email -d 2026-11-10 -m 'The draft' fu
quiet fu "a promise, -D back-dated" "nw-log: fu: follow-up done: Send the draft"
printf 'name: Fu Back\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-10, kind: email, note: The draft}\n' | want
same "$P/fu.yaml" "$T/want" "-D ends a promise whatever the date"
fu 'Fu New' 'Send the draft'
run nw-log -k call -n 1w -N 'Call back' fu
quiet fu "a promise, then a new -n -N"
printf 'name: Fu New\nnext: 2026-12-02\nnext-note: Call back\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-25, kind: call}\n' | want
same "$P/fu.yaml" "$T/want" "a new -n -N replaces a promise"

fu 'Fu Keep' 'Send the draft'
run nw-log -K -k email -m 'Happy new year' fu
quiet fu "-K"
printf 'name: Fu Keep\nnext: 2026-12-09\nnext-note: Send the draft\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-25, kind: email, note: Happy new year}\n' | want
same "$P/fu.yaml" "$T/want" "-K: follow-up kept, entry added, nothing said"
fu 'Fu Keep'
run nw-log -K -k email -m 'Happy new year' fu
quiet fu "-K, bare next"
printf 'name: Fu Keep\nnext: 2026-12-09\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-25, kind: email, note: Happy new year}\n' | want
same "$P/fu.yaml" "$T/want" "-K: a bare next kept too"

# A note in the log is no contact: a later real entry back-dated before
# the note but after the call still clears (the note does not count).
printf 'name: Fu Note\nnext: 2026-12-09\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-20, kind: note, note: moved}\n' >"$P/fu.yaml"
run nw-log -k call -d 2026-11-18 fu
quiet fu "back-dated after the newest contact, before a note" "nw-log: fu: follow-up done: 2026-12-09"
printf 'name: Fu Note\nlog:\n  - {date: 2026-11-15, kind: call}\n  - {date: 2026-11-20, kind: note, note: moved}\n  - {date: 2026-11-18, kind: call}\n' | want
same "$P/fu.yaml" "$T/want" "a note is not the newest contact: 11-18 >= 11-15 clears, date said without a note"

# The README's pipeline: everyone due gets an email; a promise on someone
# due stays without -K (said on stderr), and with -K silently.
fu 'Fu Pipe' 'Send the draft'
printf 'fu\n' | nw-log -k email -m 'Happy new year' >/dev/null 2>"$T/.err"
is "$(cat "$T/.err")" "nw-log: fu: follow-up stays: Send the draft (nw-log -D when it is done)" \
    "a pipe: the promise kept is said"
grep -q '^next-note: Send the draft$' "$P/fu.yaml"
ok $? "a pipe: next-note still there"
fu 'Fu Pipe' 'Send the draft'
printf 'fu\n' | nw-log -K -k email -m 'Happy new year' >/dev/null 2>"$T/.err"
is "$(cat "$T/.err")" "" "-K from a pipe: nothing said"
grep -q '^next-note: Send the draft$' "$P/fu.yaml"
ok $? "-K from a pipe: next-note still there"

# ---------------------------------------------------------------------------
# A log records what happened: a date after today is refused, whatever
# its form, and the file is untouched.
cp "$T/dates.base" "$P/dates.yaml"
run nw-log -k call -d 2027-11-01 dates
is "$rc:$out" "2:" "-d 2027-11-01 (a typo for 2026): exit 2, nothing printed"
is "$err" "nw-log: '2027-11-01': a date after today: a log records what happened (-n sets a follow-up)" \
    "-d in the future: says why"
run nw-log -d 2026-11-26 dates
is "$rc" 2 "-d tomorrow's date: exit 2"
same "$P/dates.yaml" "$T/dates.base" "future -d: file untouched"

done_testing
