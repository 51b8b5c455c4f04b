#!/bin/sh
# nw-show: a person at a glance; -a every log entry; -r the file's bytes.
. "$(dirname "$0")/lib.sh"

# want: the expected text, from a here-document.
want() { cat >"$T/want"; }

EX=$TOP/examples/network

# ---------------------------------------------------------------------------
# Ada, every field of the format.  Today 2026-11-25: the last contact is the
# give of 09-28, + 2m = 11-28, in 3 days; born 1815-12-10, 210 until Dec 10.
run nw-show -C "$EX" ada
is "$rc:$err" "0:" "ada: exit 0, nothing on stderr"
want <<'EOF'
Ada Lovelace
  id        ada-lovelace
  aka       Ada, Countess of Lovelace
  org       Analytical Engines Ltd
  title     Mathematician
  work      Research Fellow at University of London, 2016-09 to 2026-08
  circle    close
  every     2m (circle close)
  email     ada@example.org, ada@work.example
  phone     +44 20 7946 0000
  links     linkedin: in/ada
            mastodon: @ada@example.social
            github: adalovelace
  address   12 St James's Square, London
  birthday  1815-12-10 (age 210)
  met       2019-03-02, RustConf, via charles-babbage
  rel       mentor: Charles Babbage (charles-babbage)
            friend: Grace Hopper (work/grace-hopper)
  tags      mathematics, rust, poetry
  groups    ACM, Analytical Engine Society
  notes     Prefers email to calls; answers within a day.
            Writing a book on the Engine's notes -- ask about chapter 3.
  due       2026-11-28, in 3 days (close: every 2m, last 2026-09-28)
  balance   gave 1, got 1, open asks 0
  log       2026-09-28  give     Sent the Rust survey link
            2026-09-10  call     Talked about her new job
            2026-04-26  thanks   Thank-you card, and Earl Grey
            2026-04-25  got      A page of comments on the outline
            2026-04-18  ask      Asked for a review of my talk outline
            2026-02-03  meet     Lunch near King's Cross
            2025-12-10  message  Happy birthday!
EOF
is "$out" "$(cat "$T/want")" "ada: every field, the log newest first"
mandoc -Tascii "$TOP/man/nw-show.1" 2>/dev/null | col -bx |
	awk '/NW_TODAY=2026-11-25 nw-show ada/ { on = 1; next }
	    on && /^ *$/ { exit }
	    on && !ind { ind = match($0, /[^ ]/) }
	    on { print substr($0, ind) }' >"$T/manex"
if [ -s "$T/manex" ]; then
	same "$T/manex" "$T/want" "the manual's example is what nw-show prints"
fi

# Two people: one blank line between; a regular (CRLF) file, a BOM file;
# an unknown key of the user's; a birthday without a year, near.
run nw-show -C "$EX" sofia priya
want <<'EOF'
Sofia Rossi
  id        sofia-rossi
  circle    regular
  every     6w
  email     sofia.rossi@example.it
  phone     +39 06 6988 1234
  birthday  1988-04-02 (age 38)
  met       Italian conversation club, autumn 2024
  tags      italian, languages, cooking
  groups    Italian conversation club
  due       2026-11-11, 14 days overdue (every 6w, last 2026-09-30)
  balance   gave 1, got 0, open asks 0
  log       2026-09-30  message  Sent the recipe for pizzoccheri
            2026-08-05  give     Lent her my pasta machine
            2026-06-10  meet     Lesson and a walk through the market

Priya Raman
  id        priya-raman
  org       Brightwave Analytics
  title     Head of Data
  circle    close
  every     2m (circle close)
  email     priya@brightwave.example
  phone     +44 7700 900456
  links     linkedin: in/priyaraman
            github: praman
  birthday  --11-28
  met       2023-06-17, PyData London
  tags      data science, climbing
  groups    PyData London, Castle Climbing Centre
  pronouns  she/her
  due       2027-01-02, in 38 days (close: every 2m, last 2026-11-02; birthday in 3d (11-28))
  balance   gave 1, got 1, open asks 0
  log       2026-11-02  message  Sent the climbing-wall photos
            2026-09-15  give     Introduced her to Omar
            2026-08-29  meet     Climbing, then dinner
            2026-05-12  thanks   Thanked her on the meetup Slack
            2026-05-11  got      Her notebook on uplift models
            2026-03-08  event    PyData meetup, her causal talk
EOF
is "$out" "$(cat "$T/want")" "two people, a blank line between; own keys shown"

# Mei: never contacted, the shortest card; the cadence of her circle.
run nw-show -C "$EX" mei-chen
is "$out" "Mei Chen
  id        mei-chen
  circle    regular
  every     6m (circle regular)
  email     mei.chen@example.net
  met       RustFest 2026, hallway track
  tags      wasm, rust
  due       2026-11-25, today (never contacted)
  balance   gave 0, got 0, open asks 0" "never contacted: due today, no log line"

# ---------------------------------------------------------------------------
# A crafted network: every other shape a value can take.
N=$T/net		# a bare folder is a network: no nw-init needed
mkdir "$N"
NW_DIR=$N
export NW_DIR
cat >"$N/zoe.yaml" <<'EOF'
name: Zoe Zimmer
circle: friends        # not in the settings
every: 10d
phone: ["+1 555 0100", "+1 555 0101"]
links: [https://zoe.example, https://blog.zoe.example]
address: |
  Hauptstraße 1
  10115 Berlin
birthday: 2000-11-25
met: {where: a bar, date: 2025-01-01, weather: rainy}
favourite-colours: [green, "blue"]
kids: {names: [Ann, Ben], ages: {Ann: 3}}
nothing:
shout: "bell\a and \e[31mred"
next: 2026-11-26
next-note: Bring the book
added: 2026-01-01
log:
  - {date: 2026-11-01, kind: call, note: first of the day}
  - {date: 2026-11-01, kind: email, note: "second of the day,\nwritten later"}
  - {date: 2026-10-01}
  - {date: 2026-11-20, kind: note, note: a note is not contact}
  - {date: 2026-01-01, kind: give}
  - {date: 2026-01-02, kind: give}
  - {date: 2026-01-03, kind: ask}
  - {date: 2026-01-04, kind: got}
  - {date: 2026-01-05, kind: meet}
  - {date: 2026-01-06, kind: a-long-kind}
  - {date: 2026-01-07, kind: meet, note: eleventh newest}
  - {date: 2026-01-08, kind: meet, note: tenth newest}
EOF
run nw-show zoe
is "$rc:$err" "0:" "crafted: exit 0"
want <<'EOF'
Zoe Zimmer
  id        zoe
  circle    friends (not a circle of the settings)
  every     10d
  phone     +1 555 0100, +1 555 0101
  links     https://zoe.example, https://blog.zoe.example
  address   Hauptstraße 1
            10115 Berlin
  birthday  2000-11-25 (age 26)
  met       a bar, 2025-01-01, weather: rainy
  favourite-colours green, blue
  kids      names: [Ann, Ben]
            ages: {Ann: 3}
  shout     bell? and ?[31mred
  due       2026-11-26, in 1 day (follow-up: Bring the book; birthday today)
  balance   gave 2, got 1, open asks 0
  log       2026-11-20  note         a note is not contact
            2026-11-01  email        second of the day, written later
            2026-11-01  call         first of the day
            2026-10-01
            2026-01-08  meet         tenth newest
            2026-01-07  meet         eleventh newest
            2026-01-06  a-long-kind
            2026-01-05  meet
            2026-01-04  got
            2026-01-03  ask
            (2 older; -a shows all)
EOF
is "$out" "$(cat "$T/want")" \
	"crafted: lists, mappings, own keys, no control characters, ten entries"

run nw-show -a zoe
is "$(printf '%s\n' "$out" | sed -n '/2026-01-03/,$p')" \
"            2026-01-03  ask
            2026-01-02  give
            2026-01-01  give" "-a: every entry"

# Overdue by one day, a birthday tomorrow (the age stays until then),
# a February 29 birthday, the default cadence.
cat >"$N/yul.yaml" <<'EOF'
name: Yul
every: 1w
birthday: 1990-11-26
log:
  - {date: 2026-11-17, kind: ask}
EOF
cat >"$N/xia.yaml" <<'EOF'
name: Xia
birthday: 2004-02-29
added: 2026-11-25
EOF
run nw-show yul xia
is "$out" "Yul
  id        yul
  every     1w
  birthday  1990-11-26 (age 35)
  due       2026-11-24, 1 day overdue (every 1w, last 2026-11-17; birthday in 1d (11-26))
  balance   gave 0, got 0, open asks 1; you owe 1: give first
  open asks 2026-11-17, 8 days ago
  log       2026-11-17  ask

Xia
  id        xia
  every     1y (default)
  birthday  2004-02-29 (age 22)
  due       2027-11-25, in 365 days (every 1y, added 2026-11-25)
  balance   gave 0, got 0, open asks 0" "one day overdue; birthdays and ages"
NW_TODAY=2027-02-28 run nw-show xia
is "$(printf '%s\n' "$out" | grep '^  birthday')" "  birthday  2004-02-29 (age 23)" \
	"a February 29 birthday counts on February 28"

# ---------------------------------------------------------------------------
# -r: the bytes as they are, BOM and CRLF kept, broken files too.
run nw-show -C "$EX" -r omar sofia-rossi
cat "$EX/omar-haddad.yaml" "$EX/sofia-rossi.yaml" >"$T/want"
nw-show -C "$EX" -r omar sofia-rossi >"$T/got"
same "$T/got" "$T/want" "-r: the files' bytes, one after the other"
printf 'name: [broken\n' >"$N/broken.yaml"
nw-show -r broken >"$T/got"
same "$T/got" "$N/broken.yaml" "-r: a file that does not parse"

# A broken file, a ref that does not resolve: said, exit 1, the rest shown.
cat >"$N/wes.yaml" <<'EOF'
name: Wes
log:
  - {date: 2026-02-30, kind: call}
EOF
run nw-show broken zed yul wes
is "$rc" 1 "bad refs and files: exit 1"
is "$err" "$N/broken.yaml:2:1: did not find expected ',' or ']' while parsing a flow sequence
nw-show: 'zed': no such contact
$N/wes.yaml:3:12: log date '2026-02-30' is not a date (YYYY-MM-DD)" \
	"bad refs and files: said, with the place"
is "$(printf '%s\n' "$out" | head -1)" "Yul" "bad refs and files: the rest shown"

# References from standard input, the text before a tab; none: usage.
printf 'yul\t2026-11-24\nxia\n' >"$T/refs"
runin "$T/refs" nw-show
is "$rc:$(printf '%s\n' "$out" | grep -v '^ ')" "0:Yul

Xia" "refs from standard input"
run nw-show
is "$rc:$out:$err" "0::" "no refs, /dev/null: nothing shown, exit 0"
run nw-show -x yul
is "$rc:$out" "2:" "an unknown option: exit 2, nothing shown"
run nw-show -V
is "$rc:$out" "0:nw-show 0.1" "-V"

# An exact id reads each other contact once at most, for the rel that
# names it (a network of 32 and more takes them from .nw/cache), when
# strace can tell; LSan cannot run under it.
if ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 strace -f -e trace=open,openat -o "$T/trace" nw-show -C "$EX" \
    ada-lovelace >/dev/null 2>&1; then
	is "$(grep '\.yaml' "$T/trace" | grep -v -e ada-lovelace -e '\.nw\.yaml' |
	    sed 's/^[0-9]* *//' | sort | uniq -d)" "" \
	    "an exact id: no contact read twice"
fi

# ---------------------------------------------------------------------------
# A terminal: the name bold, an overdue date red; NO_COLOR: plain.
if command -v script >/dev/null; then
	esc=$(printf '\033')
	cr=$(printf '\r')
	script -qec "nw-show -C '$EX' sofia-rossi" /dev/null </dev/null \
		>"$T/tty" 2>&1
	is "$(head -1 "$T/tty")" "${esc}[1mSofia Rossi${esc}[0m$cr" \
		"terminal: the name bold"
	is "$(grep due "$T/tty")" "  due       ${esc}[31m2026-11-11, 14 days overdue${esc}[0m (every 6w, last 2026-09-30)$cr" \
		"terminal: overdue in red"
	NO_COLOR=1 script -qec "nw-show -C '$EX' sofia-rossi" /dev/null \
		</dev/null >"$T/tty" 2>&1
	is "$(grep -c "$esc" "$T/tty")" 0 "NO_COLOR: no escape sequences"
fi

# ---------------------------------------------------------------------------
# A community: its members, each with when you last saw them, newest
# first; a person's groups name it by id, name or aka, in any case.  A
# cadence of never has no due date.
mknet comm
C=$NW_DIR
cat >"$C/acm-chicago.yaml" <<'EOF'
name: ACM Chicago
type: community
aka: [ACM]
every: 1m
log:
  - {date: 2026-10-02, kind: volunteer, note: Ran the November meeting}
EOF
printf 'name: Ada Lovelace\ngroups: [acm]\nlog:\n  - {date: 2026-09-03, kind: call}\n' >"$C/ada.yaml"
printf 'name: Bob Brown\ngroups: [ACM Chicago, chess]\n' >"$C/bob.yaml"
printf 'name: Cy Young\ngroups: [acm-chicago]\nevery: never\nlog:\n  - {date: 2026-11-01}\n' >"$C/cy.yaml"
printf 'name: Dee Dee\ngroups: [IEEE]\n' >"$C/dee.yaml"
run nw-show acm-chicago cy
is "$rc:$err" "0:" "community: exit 0"
is "$out" "ACM Chicago
  id        acm-chicago
  type      community
  aka       ACM
  every     1m
  due       2026-11-02, 23 days overdue (community: every 1m, last 2026-10-02)
  balance   gave 0, got 0, open asks 0
  members   2026-11-01  Cy Young (cy)
            2026-09-03  Ada Lovelace (ada)
            never       Bob Brown (bob)
  log       2026-10-02  volunteer  Ran the November meeting

Cy Young
  id        cy
  every     never
  groups    acm-chicago
  due       never (every never)
  balance   gave 0, got 0, open asks 0
  log       2026-11-01" "community: its members by id, name or aka, last seen newest first; every never: no due date"

done_testing
