#!/bin/sh
# nw-give: log what you gave; nw-give -l: the give/ask balance, those you
# owe most first (got + open asks - gives, descending, then id).
. "$(dirname "$0")/lib.sh"

want() { cat >"$T/want"; }
# rows: expected TSV rows with '|' between the fields.
rows() { tr '|' '\t'; }


# A stand-in where timeout(1) is missing: no time limit then.
command -v timeout >/dev/null 2>&1 || timeout() { shift; "$@"; }

mknet net
N=$NW_DIR

# ---------------------------------------------------------------------------
# Giving.
cat >"$N/ada-lovelace.yaml" <<'EOF'
name: Ada Lovelace  # hand-written
next: 2026-12-11
next-note: Ask about the book
log:
  - {date: 2026-09-10, kind: call}   # first
# the end
EOF
run nw-give -m 'the Rust survey link' ada-lovelace
is "$rc" 0 "give: exit 0"
is "$out" "ada-lovelace" "give: prints the id"
is "$err" "nw-give: ada-lovelace: follow-up stays: Ask about the book (nw-log -D when it is done)" \
    "give: the promise it keeps said on stderr"
want <<'EOF'
name: Ada Lovelace  # hand-written
next: 2026-12-11
next-note: Ask about the book
log:
  - {date: 2026-09-10, kind: call}   # first
  - {date: 2026-11-25, kind: give, note: the Rust survey link}
# the end
EOF
same "$N/ada-lovelace.yaml" "$T/want" "give: one entry appended; a promise (next with next-note) stays"
printf 'name: Ada Bare\nnext: 2026-12-11\nlog:\n  - {date: 2026-09-10, kind: call}\n' >"$N/ada-bare.yaml"
run nw-give -m 'a link' ada-bare
is "$rc:$out:$err" "0:ada-bare:nw-give: ada-bare: follow-up done: 2026-12-11" \
    "give: a give is contact: a bare next ends, said on stderr"
printf 'name: Ada Bare\nlog:\n  - {date: 2026-09-10, kind: call}\n  - {date: 2026-11-25, kind: give, note: a link}\n' | want
same "$N/ada-bare.yaml" "$T/want" "give: a bare next removed"

# -d, a note that must be quoted, a flow list, CRLF.
printf 'name: Bob Smith\r\nlog: [{date: 2026-01-01, kind: ask}]\r\n' >"$N/bob-smith.yaml"
run nw-give -d 2026-11-01 -m 'intro: to Cy' bob-smith
is "$rc:$out:$err" "0:bob-smith:" "give -d: exit 0, id"
printf 'name: Bob Smith\r\nlog: [{date: 2026-01-01, kind: ask}, {date: 2026-11-01, kind: give, note: "intro: to Cy"}]\r\n' | want
same "$N/bob-smith.yaml" "$T/want" "give -d into a CRLF flow list, note quoted"

run nw-give -d monday -m 'a book' bob-smith
printf 'name: Bob Smith\r\nlog: [{date: 2026-01-01, kind: ask}, {date: 2026-11-01, kind: give, note: "intro: to Cy"}, {date: 2026-11-23, kind: give, note: a book}]\r\n' | want
same "$N/bob-smith.yaml" "$T/want" "give -d monday is 2026-11-23"

# Several references: each gets the entry, ids in order; one that does not
# resolve is said, exit 1, the others still done.
printf 'name: Cy Young\n' >"$N/cy-young.yaml"
mkdir "$N/work"
printf 'name: Grace Hopper\nlog:\n- {date: 2026-01-01}\n' >"$N/work/grace-hopper.yaml"
run nw-give -m advice cy zed grace cy-young
is "$rc" 1 "give to an unknown ref: exit 1"
is "$out" "cy-young
work/grace-hopper" "give to several: ids printed once each, in order"
is "$err" "nw-give: 'zed': no such contact" "give: unknown ref said"
printf 'name: Cy Young\nlog:\n  - {date: 2026-11-25, kind: give, note: advice}\n' | want
same "$N/cy-young.yaml" "$T/want" "give: new log block; the same contact twice logged once"
printf 'name: Grace Hopper\nlog:\n- {date: 2026-01-01}\n- {date: 2026-11-25, kind: give, note: advice}\n' | want
same "$N/work/grace-hopper.yaml" "$T/want" "give: subfolder contact, items at the key's column"

# From a pipe.
pipein 'cy-young
' nw-give -m 'a pen'
is "$rc:$out:$err" "0:cy-young:" "printf | nw-give"
printf 'name: Cy Young\nlog:\n  - {date: 2026-11-25, kind: give, note: advice}\n  - {date: 2026-11-25, kind: give, note: a pen}\n' | want
same "$N/cy-young.yaml" "$T/want" "printf | nw-give: appended"

# Usage errors: nothing written, nothing printed.
cp "$N/cy-young.yaml" "$T/cy.base"
run nw-give cy-young
is "$rc:$out" "2:" "give without -m: exit 2"
case $err in "usage: nw-give "*) r=0 ;; *) r=1 ;; esac
ok $r "give without -m: usage on stderr"
run nw-give -m '' cy-young
is "$rc:$out" "2:" "give -m '': exit 2"
run nw-give -m x
is "$rc:$out:$err" "0::" "give without refs, stdin /dev/null: nothing done"
run nw-give -m x -d junk cy-young
is "$rc:$out" "2:" "give -d junk: exit 2"
is "$err" "nw-give: 'junk': not a date (YYYY-MM-DD, today, yesterday, a weekday, 3d)" "give -d junk: says why"
run nw-give -m x -d tomorrow cy-young
is "$rc:$out" "2:" "give -d tomorrow: exit 2"
run nw-give -l -m x
is "$rc:$out" "2:" "give -l -m: exit 2"
run nw-give -j -m x cy-young
is "$rc:$out" "2:" "give -j without -l: exit 2"
same "$N/cy-young.yaml" "$T/cy.base" "usage errors: file untouched"

# ---------------------------------------------------------------------------
# The balance, in its own network.
mknet bal
B=$NW_DIR
# got 1 + open asks 0 - gives 1 = 0: the thanks answers every ask
# before it
cat >"$B/ada.yaml" <<'EOF'
name: Ada Lovelace
log:
  - {date: 2026-01-01, kind: ask}
  - {date: 2026-02-01, kind: give}
  - date: 2026-03-01
    kind: ask
  - {date: 2026-04-01, kind: got, note: a book}
  - {date: 2026-05-01, kind: ask}
  - {date: 2026-06-01, kind: thanks}
EOF
# -2
cat >"$B/bob.yaml" <<'EOF'
name: Bob Smith
log: [{date: 2026-01-01, kind: give}, {date: 2026-02-01, kind: give}]
EOF
# 1
printf 'name: Cy Young\nlog:\n  - {date: 2026-01-01, kind: ask}\n' >"$B/cy.yaml"
# 1, ties with cy: by id
printf 'name: Dee Dee\nlog:\n  - {date: 2026-01-01, kind: got}\n  - {date: 2026-01-02, kind: call}\n' >"$B/dee.yaml"
# no give, ask or got: left out unless named
printf 'name: Eve Adams\nlog:\n  - {date: 2026-01-01, kind: call}\n  - {date: 2026-01-02, kind: note}\n' >"$B/eve.yaml"
printf 'name: Fay Wray\n' >"$B/fay.yaml"
# 0
mkdir "$B/work"
printf 'name: Grace Hopper\nlog:\n  - {date: 2026-01-01, kind: give}\n  - {date: 2026-01-02, kind: ask}\n' >"$B/work/grace.yaml"
for f in ada bob cy dee eve fay work/grace; do cp "$B/$f.yaml" "$T/$(basename $f).base"; done

run nw-give -l
is "$rc" 0 "balance: exit 0"
is "$err" "" "balance: nothing on stderr"
is "$out" "$(rows <<'EOF'
cy|0|1|0|Cy Young
dee|0|0|1|Dee Dee
ada|1|0|1|Ada Lovelace
work/grace|1|1|0|Grace Hopper
bob|2|0|0|Bob Smith
EOF
)" "balance: id gives open-asks got name, most owed first, ties by id"

run nw-give -l -j
is "$rc:$err" "0:" "balance -j: exit 0, quiet"
is "$out" '{"id":"cy","gives":0,"asks":1,"got":0,"name":"Cy Young"}
{"id":"dee","gives":0,"asks":0,"got":1,"name":"Dee Dee"}
{"id":"ada","gives":1,"asks":0,"got":1,"name":"Ada Lovelace"}
{"id":"work/grace","gives":1,"asks":1,"got":0,"name":"Grace Hopper"}
{"id":"bob","gives":2,"asks":0,"got":0,"name":"Bob Smith"}' "balance -j: JSON Lines"

# Named contacts are shown even with nothing to balance, in balance order.
run nw-give -l bob eve 'grace h' fay
is "$rc:$err" "0:" "balance of named contacts: exit 0"
is "$out" "$(rows <<'EOF'
eve|0|0|0|Eve Adams
fay|0|0|0|Fay Wray
work/grace|1|1|0|Grace Hopper
bob|2|0|0|Bob Smith
EOF
)" "balance of named contacts: all of them, ordered"

run nw-give -l -j eve
is "$out" '{"id":"eve","gives":0,"asks":0,"got":0,"name":"Eve Adams"}' "balance -j of one named contact"

run nw-give -l zed cy
is "$rc" 1 "balance with an unknown ref: exit 1"
is "$out" "$(printf 'cy\t0\t1\t0\tCy Young')" "balance with an unknown ref: the rest shown"
is "$err" "nw-give: 'zed': no such contact" "balance with an unknown ref: said"

pipein "$(printf 'dee\tsomething else\nbob\n')" nw-give -l -
is "$rc:$err" "0:" "printf | nw-give -l -"
is "$out" "$(rows <<'EOF'
dee|0|0|1|Dee Dee
bob|2|0|0|Bob Smith
EOF
)" "printf | nw-give -l: narrowed to the piped refs"

# Giving changes the balance.
run nw-give -m 'a coffee' ada
run nw-give -m 'a talk' -d 3d ada
run nw-give -l ada
is "$out" "$(printf 'ada\t3\t0\t1\tAda Lovelace')" "balance after two gives"

# In a pipeline after nw-log: nw-give starts first and must not keep
# nw-log from writing while it waits for its input.  (cy.yaml is put back
# afterwards, so what follows does not depend on the outcome.)
printf 'cy\n' | { sleep 1; timeout 10 nw-log -k ask 2>/dev/null; } |
    timeout 10 nw-give -m 'a thank-you' >"$T/.out" 2>"$T/.err"
is "$?:$(cat "$T/.out"):$(cat "$T/.err")" "0:cy:" "nw-log | nw-give"
printf 'name: Cy Young\nlog:\n  - {date: 2026-01-01, kind: ask}\n  - {date: 2026-11-25, kind: ask}\n  - {date: 2026-11-25, kind: give, note: a thank-you}\n' | want
same "$B/cy.yaml" "$T/want" "nw-log | nw-give: both entries"
cp "$T/cy.base" "$B/cy.yaml"

# Listing never writes.
for f in bob cy dee eve fay work/grace; do
	same "$B/$f.yaml" "$T/$(basename $f).base" "balance: $f.yaml untouched"
done

# A broken file: said with path:line:col, exit 1, the others still shown.
printf 'name: Broken\nlog: [\n' >"$B/broken.yaml"
run nw-give -l
is "$rc" 1 "balance with a broken file: exit 1"
is "$err" "$B/broken.yaml:3:1: did not find expected node content while parsing a flow node" \
    "balance with a broken file: path:line:col: message"
is "$out" "$(rows <<'EOF'
cy|0|1|0|Cy Young
dee|0|0|1|Dee Dee
work/grace|1|1|0|Grace Hopper
ada|3|0|1|Ada Lovelace
bob|2|0|0|Bob Smith
EOF
)" "balance with a broken file: the others shown"

# A give dated after today is refused like any log entry.
printf 'name: Fut Ure\n' >"$N/fut.yaml"
run nw-give -d 2027-01-01 -m 'a book' fut
is "$rc:$out" "2:" "give -d in the future: exit 2, nothing printed"
is "$err" "nw-give: '2027-01-01': a date after today: a log records what happened" \
    "give -d in the future: says why"
is "$(cat "$N/fut.yaml")" "name: Fut Ure" "give -d in the future: file untouched"

# ---------------------------------------------------------------------------
# -o: the open asks, oldest first, with their age.  An ask is open until
# a got, thanks or declined entry later in the log: a later date, or the
# same date and after it in the file.
mknet asks
A=$NW_DIR
cat >"$A/ann.yaml" <<'EOF'
name: Ann Asks
log:
  - {date: 2026-03-01, kind: ask, note: A reference}
  - {date: 2026-03-05, kind: thanks}
  - {date: 2026-09-01, kind: ask, note: An intro to her editor}
  - {date: 2026-10-10, kind: ask}
EOF
# the got on 06-02 answers the ask of 06-01 (and any before it); the ask
# of the same day as the thanks is answered too
printf 'name: Ben Got\nlog:\n  - {date: 2026-06-01, kind: ask, note: Notes}\n  - {date: 2026-06-02, kind: got}\n  - {date: 2026-07-01, kind: ask, note: Slides}\n  - {date: 2026-07-01, kind: thanks}\n' >"$A/ben.yaml"
# back-dated ask written after the got: still answered (date order)
printf 'name: Cy Late\nlog:\n  - {date: 2026-05-01, kind: got}\n  - {date: 2026-04-20, kind: ask, note: old}\n  - {date: 2026-11-24, kind: ask, note: A job}\n' >"$A/cy.yaml"
# the README's tour: a got, then an ask the same day: the ask is open (the
# got came before it); a declined after an ask answers it
printf 'name: Dot Tour\nlog:\n  - {date: 2026-11-25, kind: got, note: Notes on my draft}\n  - {date: 2026-11-25, kind: ask, note: An intro to her editor}\n' >"$A/dot.yaml"
printf 'name: Eli No\nlog:\n  - {date: 2026-11-20, kind: ask, note: A loan}\n  - {date: 2026-11-20, kind: declined}\n' >"$A/eli.yaml"
# ages: 09-01 -> 11-25 is 85 days, 10-10 is 46, 11-24 is 1
run nw-give -o
is "$rc:$err" "0:" "-o: exit 0, quiet"
is "$out" "$(rows <<'EOF'
ann|2026-09-01|85|Ann Asks|An intro to her editor
ann|2026-10-10|46|Ann Asks|
cy|2026-11-24|1|Cy Late|A job
dot|2026-11-25|0|Dot Tour|An intro to her editor
EOF
)" "-o: open asks oldest first; a got, thanks or declined later in the log answers it"
run nw-give -l dot eli
is "$out" "$(rows <<'EOF'
dot|0|1|1|Dot Tour
eli|0|0|0|Eli No
EOF
)" "-l: the same-day got before the ask and the open ask both count; a declined ask none"
run nw-give -o -j cy
is "$out" '{"id":"cy","date":"2026-11-24","days":1,"name":"Cy Late","note":"A job"}' "-o -j: JSON Lines"
run nw-give -o ben
is "$rc:$out" "0:" "-o of a contact with no open ask: nothing"
run nw-give -o -l
is "$rc" 2 "-o with -l: usage error"
run nw-give -o -m x ann
is "$rc" 2 "-o with -m: usage error"
run nw-show ann
is "$(printf '%s\n' "$out" | grep -A1 '^  open asks')" "  open asks 2026-09-01, 85 days ago: An intro to her editor
            2026-10-10, 46 days ago" "nw-show: the same open asks"

done_testing
