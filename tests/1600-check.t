#!/bin/sh
# nw-check: each finding where it is, errors and warnings, exit status.
. "$(dirname "$0")/lib.sh"

mknet n
N=$NW_DIR
cat >"$N/ada.yaml" <<'Y'
name: Ada Lovelace
circle: clsoe
every: 6x
email: [ada@example.org, not-an-email]
next: 2026-13-01
birthday: 1815-02-30
met: {date: 2019-02-29, via: nobody}
tags: {a: 1}
log:
  - {date: 2026-02-30, kind: call}
  - {kind: call}
  - just text
  - {date: 2026-01-01, note: [a]}
Y
cat >"$N/bob.yaml" <<'Y'
name: Ada Lovelace
email: ADA@example.org
met: {via: ada}
org: [x]
Y
printf 'name: Fine\nlog:\n  - {date: 2026-01-01}\n' >"$N/fine.yaml"
printf -- '- a\n' >"$N/list.yaml"
printf 'name: X\nname: Y\n' >"$N/dup.yaml"
printf 'log: []\n' >"$N/noname.yaml"

run nw-check
is "$rc" 1 "errors: exit 1"
is "$out" "$N/ada.yaml:1:7: warning: name 'Ada Lovelace' is also on bob
$N/ada.yaml:2:9: error: circle 'clsoe' is not a circle (inner, close, regular, outer)
$N/ada.yaml:3:8: error: every '6x' is not a duration (like 3w, 2m, 1y) or never
$N/ada.yaml:4:9: error: email 'ada@example.org' is also on bob
$N/ada.yaml:4:26: warning: 'not-an-email' does not look like an email address
$N/ada.yaml:5:7: error: next '2026-13-01' is not a date (YYYY-MM-DD)
$N/ada.yaml:6:11: error: birthday '1815-02-30' is not a date (YYYY-MM-DD or --MM-DD)
$N/ada.yaml:7:13: error: met date '2019-02-29' is not a date (YYYY-MM-DD)
$N/ada.yaml:7:30: error: via 'nobody' names no contact
$N/ada.yaml:8:7: error: 'tags' must be a string or a list of strings
$N/ada.yaml:10:12: error: log date '2026-02-30' is not a date (YYYY-MM-DD)
$N/ada.yaml:11:5: error: log entry without a date
$N/ada.yaml:12:5: error: a log entry must be a mapping with a date
$N/ada.yaml:13:30: error: 'note' must be a string, not a list
$N/bob.yaml:1:7: warning: name 'Ada Lovelace' is also on ada
$N/bob.yaml:2:8: error: email 'ADA@example.org' is also on ada
$N/bob.yaml:4:6: error: 'org' must be a string, not a list
$N/dup.yaml:2:1: error: duplicate key 'name'
$N/list.yaml:1:1: error: the root is not a mapping
$N/noname.yaml:1:1: error: no 'name'" "every finding at its node"
is "$err" "" "nothing on stderr"

run nw-check -q
is "$(echo "$out" | grep -c warning)" 0 "-q: no warnings"
is "$(echo "$out" | grep -c error)" 17 "-q: the errors still"
run nw-check fine
is "$rc.$out" "0." "a good file: exit 0, silent"
run nw-check -q fine "$N/list.yaml"
is "$rc.$out" "1.$N/list.yaml:1:1: error: the root is not a mapping" \
	"references narrow the check"
run nw-check zed
is "$rc" 1 "an unknown reference: exit 1"
is "$err" "nw-check: 'zed': no such contact" "and says so"
run nw-check -x
is "$rc" 2 "a bad option: exit 2"
# a copy: its files private, as a checkout under umask 077 has them
cp -R "$TOP/examples/network" "$T/example"
run nw-check -C "$T/example"
is "$rc.$out" "0." "the example network is clean"

# A name with a NUL in it (\0 in double quotes) is refused by every
# command that loads the file: nw-check must say so too.  (fuzz-load)
printf 'name: "Ada\\0Byron"\n' >"$N/nul.yaml"
run nw-due nul
is "$rc.$err" "1.$N/nul.yaml:1:7: 'name' must be a non-empty string" \
	"nw-due refuses a name with a NUL"
run nw-check nul
is "$rc.$out" "1.$N/nul.yaml:1:7: error: 'name' must be a non-empty string" \
	"nw-check calls it the same error"
rm "$N/nul.yaml"

# A kind near one of nw(5)'s is likely a typo: a warning names the one
# meant.  One's own kind, far from all, passes.
cat >"$N/kinds.yaml" <<'EOF'
name: Kay Kinds
log:
  - {date: 2026-01-01, kind: Call}
  - {date: 2026-01-02, kind: phone call}
  - {date: 2026-01-03, kind: emial}
  - {date: 2026-01-04, kind: meeting}
  - {date: 2026-01-05, kind: coffee}
  - {date: 2026-01-06, kind: call}
EOF
run nw-check kinds
is "$rc:$out" "0:$N/kinds.yaml:3:30: warning: log kind 'Call' is not a kind of nw(5): did you mean 'call'?
$N/kinds.yaml:4:30: warning: log kind 'phone call' is not a kind of nw(5): did you mean 'call'?
$N/kinds.yaml:5:30: warning: log kind 'emial' is not a kind of nw(5): did you mean 'email'?
$N/kinds.yaml:6:30: warning: log kind 'meeting' is not a kind of nw(5): did you mean 'meet'?" \
	"unknown kinds near a known one: warned, the nearest named; coffee passes"
run nw-check -q kinds
is "$rc:$out" "0:" "-q: kind warnings are warnings"

# The keys of communities, offers and dates; a log date after today.
mknet keys
K=$NW_DIR
cat >"$K/kay.yaml" <<'Y'
name: Kay
type: club
offers: [a reference, [x]]
dates: {anniversary: 2012-06-09, bad: 2012-13-01, "": --05-02, odd: [1]}
every: never
log:
  - {date: 2026-11-25, kind: call}
  - {date: 2027-11-01, kind: call}
Y
printf 'name: Lee\ndates: [2012-06-09]\n' >"$K/lee.yaml"
run nw-check
is "$rc" 1 "new keys: exit 1"
is "$out" "$K/kay.yaml:2:7: error: type 'club' is not person or community
$K/kay.yaml:3:23: error: 'offers' must be a string, not a list
$K/kay.yaml:4:39: error: date 'bad' '2012-13-01' is not a date (YYYY-MM-DD or --MM-DD)
$K/kay.yaml:4:51: error: a date of 'dates' needs a name
$K/kay.yaml:4:69: error: date 'odd' is not a date (YYYY-MM-DD or --MM-DD)
$K/kay.yaml:8:12: warning: log date '2027-11-01' is after today: a log records what happened
$K/lee.yaml:2:8: error: 'dates' must be a mapping like {anniversary: 2012-06-09}" \
    "new keys: type, offers, dates checked; every: never passes; a future log date warned of"
# the edge: today is what happened, tomorrow is not yet
mknet edge
printf 'name: Eve\nlog:\n  - {date: 2026-11-25, kind: call}\n  - {date: 2026-11-26, kind: call}\n' >"$NW_DIR/eve.yaml"
run nw-check
is "$rc:$out" "0:$NW_DIR/eve.yaml:4:12: warning: log date '2026-11-26' is after today: a log records what happened" \
    "a log dated today passes, one dated tomorrow is warned of"

done_testing
