#!/bin/sh
# nw-stats: the network at a glance, its numbers those of nw-due and
# nw-give.  Every number below is worked out by hand from the files, with
# NW_TODAY 2026-11-25 (a Wednesday); the arithmetic is in the comments.
. "$(dirname "$0")/lib.sh"

want() { tr '|' '\t'; }

N=$T/net
mkdir "$N"
NW_DIR=$N
export NW_DIR
printf 'circles: {inner: 3w, close: 2m, outer: 1y, dormant: never}\n' >"$N/.nw.yaml"
# inner; last 11-20, due 12-11: on time; gap (11-20 - 10-01) / 2 = 25d
printf 'name: Ada Lovelace\ncircle: inner\ngroups: [ACM]\nlog:\n  - {date: 2026-10-01, kind: call}\n  - {date: 2026-11-01, kind: email}\n  - {date: 2026-11-20, kind: meet}\n' >"$N/ada.yaml"
# inner; last 08-01, due 08-22: overdue; gap 61d; an open ask: owes 1
printf 'name: Bob Brown\ncircle: inner\ngroups: [acm chicago, Chess]\nlog:\n  - {date: 2026-06-01, kind: call}\n  - {date: 2026-08-01, kind: ask, note: a job}\n' >"$N/bob.yaml"
# close; last 2025-10-01: overdue, below the floor (13 months); gap 30d;
# a got: owes 1
printf 'name: Cy Young\ncircle: close\nlog:\n  - {date: 2025-09-01, kind: got}\n  - {date: 2025-10-01, kind: call}\n' >"$N/cy.yaml"
# no circle, never contacted, added this month: not below the floor
printf 'name: Dee Dee\nadded: 2026-11-01\n' >"$N/dee.yaml"
# a cadence of never: on time, never below the floor; an entry of no kind
printf 'name: Eve Adams\ncircle: dormant\nlog:\n  - {date: 2020-01-01}\n' >"$N/eve.yaml"
# close; gave yesterday: on time, owed -1; one entry, no gap
printf 'name: Fay Wray\ncircle: close\ngroups: [chess]\nlog:\n  - {date: 2026-11-24, kind: give}\n' >"$N/fay.yaml"
# a community (aka ACM): members ada (ACM) and bob (acm chicago), only
# ada seen in the last 90 days; 2 entries in 12 months; due 12-05, in 10d
printf 'name: ACM Chicago\ntype: community\naka: [ACM]\nevery: 1m\nlog:\n  - {date: 2026-10-02, kind: volunteer}\n  - {date: 2026-11-05, kind: talk}\n' >"$N/acm.yaml"
# outer, never contacted and no added: below the floor
printf 'name: Gus Grey\ncircle: outer\n' >"$N/gus.yaml"

# 7 people (acm is a community), touched since 2025-11-25: ada, bob, fay,
# 3/7 = 43%.  Medians: inner (25 + 61) / 2 = 43d, close 30d.  Months:
# 06 bob, 08 bob, 10 ada acm, 11 ada ada acm fay; bars over the most (4):
# 1 is the third, 2 the fifth, 4 the last.  Kinds, the most first, then in
# nw(5)'s order; eve's entry of no kind is other.  Owed: bob, cy.
run nw-stats
is "$rc:$err" "0:" "piped: exit 0, quiet"
is "$out" "$(want <<'EOF'
network|people|7
network|touched|3
network|communities|1
circle|inner|2|1|1|0|43
circle|close|2|1|1|0|30
circle|outer|1|0|0|1|
circle|dormant|1|1|0|0|
circle||1|0|0|1|
floor|cy|2025-10-01
floor|gus|
activity|2025-12|0
activity|2026-01|0
activity|2026-02|0
activity|2026-03|0
activity|2026-04|0
activity|2026-05|0
activity|2026-06|1
activity|2026-07|0
activity|2026-08|1
activity|2026-09|0
activity|2026-10|2
activity|2026-11|4
kinds|call|3
kinds|meet|1
kinds|email|1
kinds|give|1
kinds|ask|1
kinds|got|1
kinds|volunteer|1
kinds|talk|1
kinds|other|1
giving|gave|1
giving|asked|1
giving|got|1
giving|owed|2
giving|open-asks|1
community|acm|2|1|2|2026-12-05|-10
groups|Chess|2|1
through|acm|2
EOF
)" "piped: TSV, the section first on each line"

if command -v script >/dev/null; then
	script -qec "nw-stats" /dev/null </dev/null >"$T/tty" 2>&1
	is "$(tr -d '\r' <"$T/tty")" "network   7 people, 3 touched in the last 12 months (43%); 1 community
circle    people  on time  overdue  never  median gap
inner          2        1        1      0         43d
close          2        1        1      0         30d
outer          1        0        0      1           -
dormant        1        1        0      0           -
(none)         1        0        0      1           -
floor     2 not contacted in over 1y: cy (13m), gus (never)
activity  2025-12 ▁▁▁▁▁▁▃▁▃▁▅█ 2026-11  (contact entries a month)
kinds     call 3  meet 1  email 1  give 1  ask 1  got 1  volunteer 1  talk 1  other 1
giving    gave 1, asked 1, got 1; you owe 2 people; 1 open ask
community acm: 2 members, 1 seen in 90d; you took part 2 times in 12m, due in 10d
groups    Chess 2 people, 1 touched in 90d
through   acm 2" "terminal: one screen"

	# -H: the weeks from Monday 2025-11-24 to this one, a column each;
	# 2026-06-01 is a Monday of the 28th week.  One entry a day at most:
	# every day with one is of the first shade.
	NO_COLOR=1 script -qec "nw-stats -H" /dev/null </dev/null >"$T/tty" 2>&1
	is "$(tr -d '\r' <"$T/tty")" "     Dec  Jan Feb Mar  Apr May Jun  Jul Aug  Sep Oct Nov
Mon ...........................:.........................
Tue ....................................................:
Wed .....................................................
Thu ............................................:....:..
Fri ............................................:......:
Sat ...................................:................
Sun ................................................:...
    less .:+*# more  (contact entries a day, 2025-11-24 to 2026-11-25)" \
	    "-H, no colour: a year of weeks, plain characters"
	script -qec "nw-stats -H" /dev/null </dev/null >"$T/tty" 2>&1
	esc=$(printf '\033')
	is "$(sed -n 2p "$T/tty" | tr -d '\r' | sed "s/$esc\[38;5;\([0-9]*\)m/<\1>/g; s/$esc\[0m/<>/g; s/■\{1,\}/#/g")" \
	    "Mon <238>#<22>#<238>#<>" "-H in colour: shaded cells, a change of shade each"
	script -qec "nw-stats -p bob" /dev/null </dev/null >"$T/tty" 2>&1
	is "$(tr -d '\r' <"$T/tty")" "contact   Bob Brown (bob): inner: every 3w, last 2026-08-01; due 2026-08-22
activity  2025-12 ▁▁▁▁▁▁█▁█▁▁▁ 2026-11  (contact entries a month)
month     2025-12   0
          2026-01   0
          2026-02   0
          2026-03   0
          2026-04   0
          2026-05   0
          2026-06   1  call 1
          2026-07   0
          2026-08   1  ask 1
          2026-09   0
          2026-10   0
          2026-11   0
kinds     call 1  ask 1
giving    gave 0, got 0, open asks 1; you owe 1: give first" "-p on a terminal: one person's months"
fi

# -H piped: a line a day, 2025-11-24 to 2026-11-25 is 367 days.
run nw-stats -H
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 367 "-H piped: every day of the weeks shown"
is "$(printf '%s\n' "$out" | grep -v '	0$')" "$(want <<'EOF'
day|2026-06-01|1
day|2026-08-01|1
day|2026-10-01|1
day|2026-10-02|1
day|2026-11-01|1
day|2026-11-05|1
day|2026-11-20|1
day|2026-11-24|1
EOF
)" "-H piped: the days with entries"
run nw-stats -H -j ada
is "$(printf '%s\n' "$out" | cut -c1-63)" '{"days":[{"date":"2025-11-24","entries":0},{"date":"2025-11-25"' "-H -j: one object"

run nw-stats -p acm
is "$out" "$(want <<'EOF'
contact|acm|ACM Chicago
month|2025-12|0|
month|2026-01|0|
month|2026-02|0|
month|2026-03|0|
month|2026-04|0|
month|2026-05|0|
month|2026-06|0|
month|2026-07|0|
month|2026-08|0|
month|2026-09|0|
month|2026-10|1|volunteer 1
month|2026-11|1|talk 1
kinds|volunteer|1
kinds|talk|1
giving|gave|0
giving|asked|0
giving|got|0
giving|owed|0
giving|open-asks|0
EOF
)" "-p of a community, piped"
run nw-stats -j -p bob
is "$out" '{"id":"bob","name":"Bob Brown","reason":"inner: every 3w, last 2026-08-01","due":"2026-08-22","months":[{"month":"2025-12","entries":0,"kinds":""},{"month":"2026-01","entries":0,"kinds":""},{"month":"2026-02","entries":0,"kinds":""},{"month":"2026-03","entries":0,"kinds":""},{"month":"2026-04","entries":0,"kinds":""},{"month":"2026-05","entries":0,"kinds":""},{"month":"2026-06","entries":1,"kinds":"call 1"},{"month":"2026-07","entries":0,"kinds":""},{"month":"2026-08","entries":1,"kinds":"ask 1"},{"month":"2026-09","entries":0,"kinds":""},{"month":"2026-10","entries":0,"kinds":""},{"month":"2026-11","entries":0,"kinds":""}],"kinds":{"call":1,"ask":1},"giving":{"gave":0,"asked":1,"got":0,"owed":1,"open-asks":1}}' \
    "-p -j: one object"

run nw-stats -j
is "$out" '{"network":{"people":7,"touched":3,"communities":1},"circles":[{"circle":"inner","people":2,"on-time":1,"overdue":1,"never":0,"median-gap":43},{"circle":"close","people":2,"on-time":1,"overdue":1,"never":0,"median-gap":30},{"circle":"outer","people":1,"on-time":0,"overdue":0,"never":1,"median-gap":null},{"circle":"dormant","people":1,"on-time":1,"overdue":0,"never":0,"median-gap":null},{"circle":null,"people":1,"on-time":0,"overdue":0,"never":1,"median-gap":null}],"floor":{"over":"1y","people":[{"id":"cy","last":"2025-10-01"},{"id":"gus","last":null}]},"activity":[{"month":"2025-12","entries":0},{"month":"2026-01","entries":0},{"month":"2026-02","entries":0},{"month":"2026-03","entries":0},{"month":"2026-04","entries":0},{"month":"2026-05","entries":0},{"month":"2026-06","entries":1},{"month":"2026-07","entries":0},{"month":"2026-08","entries":1},{"month":"2026-09","entries":0},{"month":"2026-10","entries":2},{"month":"2026-11","entries":4}],"kinds":{"call":3,"meet":1,"email":1,"give":1,"ask":1,"got":1,"volunteer":1,"talk":1,"other":1},"giving":{"gave":1,"asked":1,"got":1,"owed":2,"open-asks":1},"communities":[{"id":"acm","members":2,"seen":1,"entries":2,"due":"2026-12-05","days":-10}],"groups":[{"group":"Chess","people":2,"touched":1}]}' \
    "-j: one JSON object"
printf '%s\n' "$out" | python3 -c 'import json, sys; json.load(sys.stdin)' 2>/dev/null
ok $? "-j: Python reads it"

# The same numbers as nw-due and nw-give: overdue are the people nw-due
# lists with days above 0; those owed are nw-give -l's rows above 0.
nw-due -k person | awk -F '\t' '$3 > 0' | wc -l | tr -d ' ' >"$T/n"
is "$(nw-stats | awk -F '\t' '$1 == "circle" { n += $5 } END { print n }')" \
    "$(cat "$T/n")" "overdue: nw-due's count"
is "$(nw-stats | awk -F '\t' '$2 == "owed" { print $3 }')" \
    "$(nw-give -l | awk -F '\t' '$3 + $4 - $2 > 0' | wc -l | tr -d ' ')" \
    "owed: nw-give's count"

# Filters and references narrow what is counted.
run nw-stats -g chess
is "$(printf '%s\n' "$out" | grep -e '^network' -e '^circle' -e '^groups')" "$(want <<'EOF'
network|people|2
network|touched|2
network|communities|0
circle|inner|1|0|1|0|61
circle|close|1|1|0|0|
groups|Chess|2|1
groups|acm chicago|1|0
EOF
)" "-g: bob and fay; with no community counted, its name is a group"
run nw-stats -c close cy fay
is "$(printf '%s\n' "$out" | sed -n 1p)" "network	people	2" "-c with references"
pipein "$(printf 'ada\ngus\n')" nw-stats -
is "$(printf '%s\n' "$out" | sed -n 1,2p)" "network	people	2
network	touched	1" "references from standard input with -"
run nw-stats nobody
is "$rc:$err" "1:nw-stats: 'nobody': no such contact" "an unknown reference: exit 1, said"
run nw-stats -p ada bob
is "$rc" 2 "-p with references: usage error"
run nw-stats -x
is "$rc" 2 "an unknown option: usage error"

# nw-check warns of a cadence longer than the floor (floor: 1y by default).
printf 'name: Hal Far\nevery: 2y\n' >"$N/hal.yaml"
run nw-check hal
is "$rc:$out" "0:$N/hal.yaml:2:8: warning: every '2y' is longer than the floor of .nw.yaml (1y)" \
    "nw-check: a cadence beyond the floor"
printf 'circles: {inner: 3w, close: 2m, outer: 1y, dormant: never}\nfloor: 3y\n' >"$N/.nw.yaml"
run nw-check hal
is "$rc:$out" "0:" "nw-check: floor: 3y, no warning"
run nw-stats
is "$(printf '%s\n' "$out" | grep '^floor')" "floor	gus	
floor	hal	" "floor: 3y: cy is within it; never contacted, hal and gus are not"
printf 'circles: {inner: 3w, far: 2y, dormant: never}\ndefault: 18m\n' >"$N/.nw.yaml"
run nw-check -C "$N" hal
is "$out" "$N/hal.yaml:2:8: warning: every '2y' is longer than the floor of .nw.yaml (1y)" \
    "nw-check of one contact: the settings are not checked"
mkdir "$T/set"
cp "$N/.nw.yaml" "$T/set/"
printf 'name: Ivy\n' >"$T/set/ivy.yaml"
run nw-check -C "$T/set"
is "$rc:$out" "0:$T/set/.nw.yaml: warning: circle 'far' (2y) is longer than the floor (1y)
$T/set/.nw.yaml: warning: the default cadence (18m) is longer than the floor (1y)" \
    "nw-check: a circle and the default beyond the floor"
# The median gap counts days in touch, not entries: three entries on 09-01
# and one on 11-08 are 68 days apart, not 22 (68 / 3).
mknet gapday
printf 'name: Gap Day\ncircle: close\nlog:\n  - {date: 2026-09-01, kind: call}\n  - {date: 2026-09-01, kind: email}\n  - {date: 2026-09-01, kind: message}\n  - {date: 2026-11-08, kind: call}\n  - {date: 2026-11-09, kind: note}\n' >"$NW_DIR/gap.yaml"
printf 'name: One Day\ncircle: close\nlog:\n  - {date: 2026-11-01, kind: call}\n  - {date: 2026-11-01, kind: email}\n' >"$NW_DIR/one.yaml"
run nw-stats
is "$(printf '%s\n' "$out" | grep '^circle	close')" "circle	close	2	2	0	0	68" \
    "median gap: several entries a day count once; one day alone has no gap"
NW_CACHE=0 run nw-stats
is "$(printf '%s\n' "$out" | grep '^circle	close')" "circle	close	2	2	0	0	68" \
    "median gap: the same without the cache"
done_testing
