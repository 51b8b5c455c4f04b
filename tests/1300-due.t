#!/bin/sh
# nw-due: who is due, as nw(5) "When someone is due" and nw-due(1) say.
# Every expected row below is worked out by hand from the rules, with
# NW_TODAY fixed; the arithmetic is in the comments.
. "$(dirname "$0")/lib.sh"

# want: expected rows with '|' between the fields, turned into tabs.
want() { tr '|' '\t'; }

# A fresh network $T/NAME made by hand (no nw-init): just a folder.
net() { mkdir -p "$T/$1"; }

# ---------------------------------------------------------------------------
# The main network, default settings (no .nw.yaml): circles inner 3w,
# close 2m, regular 6m, outer 1y; default 1y; birthdays 7d.
# Today is 2026-11-25 (lib.sh).
N=$T/main
net main

# last = 2026-09-10: the later entry is a note and does not count.
# due = 09-10 + 6w (42d) = 2026-10-22, 34 days; rank 34/42 = 0.81
cat >"$N/ada.yaml" <<'EOF'
name: Ada Lovelace
every: 6w
tags: [rust, maths]
groups: [ACM]
log:
  - {date: 2026-09-10, kind: call, note: Talked about her new job}
  - {date: 2026-10-20, kind: note, note: Her book is out}
EOF

# Entries out of order, block style, one date quoted: last = 2026-08-01.
# due = 08-01 + 2m = 2026-10-01, 55 days; rank 55/60 = 0.92
cat >"$N/bob.yaml" <<'EOF'
name: Bob Brown
circle: close
tags: [rust]
groups: [ACM, Chess Club]
log:
  - date: '2026-08-01'
    kind: meet
  - date: 2026-06-01
    kind: call
  - {date: 2026-03-01, kind: email}
EOF

# A back-dated entry appended last: it counts from its own date, so last
# stays 2026-11-01.  due = 11-01 + 3w = 2026-11-22, 3 days; rank 3/21 = 0.14
cat >"$N/cy.yaml" <<'EOF'
name: Cy Young
circle: inner
tags: [chess]
log:
  - {date: 2026-11-01, kind: call}
  # typed today, happened in October
  - {date: 2026-10-15, kind: meet}
EOF

# No log: added stands for the last contact; default cadence 1y.
# due = 2026-11-01, 24 days; rank 24/365 = 0.066
cat >"$N/dee.yaml" <<'EOF'
name: Dee Dale
added: 2025-11-01
EOF

# Nothing at all: never contacted, due today, 0 days; rank 0
cat >"$N/eve.yaml" <<'EOF'
name: Eve Evans
EOF

# Only a note in the log: added counts.  due = 01-10 + 6m = 2026-07-10,
# 138 days; rank 138/180 = 0.77
cat >"$N/fay.yaml" <<'EOF'
name: Fay Field
circle: regular
added: 2026-01-10
log:
  - {date: 2026-10-01, kind: note, note: Saw her name in the paper}
EOF

# Only a note and no added: never contacted; rank 0, ties eve by due date,
# then goes after it by id.
cat >"$N/gus.yaml" <<'EOF'
name: Gus Grey
log:
  - {date: 2026-11-01, kind: note, note: Should write to him}
EOF

# every beats circle: outer (1y) is ignored, the reason has no circle.
# due = 11-01 + 2w = 2026-11-15, 10 days; rank 10/14 = 0.71
cat >"$N/hal.yaml" <<'EOF'
name: Hal Hill
circle: outer
every: 2w
groups: [Chess Club]
log:
  - {date: 2026-11-01, kind: call}
EOF

# next beats the cadence (11-01 + 2m would be 2027-01-01).
# due = 2026-11-20, 5 days; rank 5/60 = 0.083
cat >"$N/ivy.yaml" <<'EOF'
name: Ivy Irons
circle: close
next: 2026-11-20
next-note: 'Send the "Engines" paper'
log:
  - {date: 2026-11-01, kind: call}
EOF

# next in the future beats a long-overdue cadence: due 2026-12-01, -6 days;
# rank -6/30 = -0.2.  Not due today, due within 6 days.
cat >"$N/jo.yaml" <<'EOF'
name: Jo Jones
every: 1m
next: 2026-12-01
log:
  - {date: 2020-01-01, kind: call}
EOF

# next today without a note: reason "follow-up"; 0 days, rank 0
cat >"$N/ken.yaml" <<'EOF'
name: Ken Kent
every: 10d
next: 2026-11-25
log:
  - {date: 2026-11-20, kind: call}
EOF

# An entry without a kind counts.  due = 10-01 + 6m = 2027-04-01,
# -127 days; rank -127/180 = -0.71
cat >"$N/lee.yaml" <<'EOF'
name: Lee Lane
circle: regular
log:
  - {date: 2026-08-01, kind: call}
  - {date: 2026-10-01, note: Bumped into him}
EOF

# due = 11-10 + 3w = 2026-12-01, -6 days; rank -6/21 = -0.29
cat >"$N/mo.yaml" <<'EOF'
name: Mo Moss
circle: inner
log:
  - {date: 2026-11-10, kind: meet}
EOF

# A contact in a folder: id work/pat.  due = 2025-10-01 + 1y =
# 2026-10-01, 55 days; rank 55/365 = 0.15
mkdir "$N/work" "$N/.old"
cat >"$N/work/pat.yaml" <<'EOF'
name: Pat Park
circle: outer
log:
  - {date: 2025-10-01, kind: email}
EOF
# Not contacts: names beginning with '.', files not ending in .yaml.
printf 'name: Draft\n' >"$N/.draft.yaml"
printf 'name: Old\n' >"$N/.old/old.yaml"
printf 'name: Notes\n' >"$N/notes.txt"

due_main='ivy|2026-11-20|5|Ivy Irons|follow-up: Send the "Engines" paper
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
ada|2026-10-22|34|Ada Lovelace|every 6w, last 2026-09-10
fay|2026-07-10|138|Fay Field|regular: every 6m, added 2026-01-10
hal|2026-11-15|10|Hal Hill|every 2w, last 2026-11-01
work/pat|2026-10-01|55|Pat Park|outer: every 1y, last 2025-10-01
cy|2026-11-22|3|Cy Young|inner: every 3w, last 2026-11-01
dee|2026-11-01|24|Dee Dale|every 1y, added 2025-11-01
eve|2026-11-25|0|Eve Evans|never contacted
gus|2026-11-25|0|Gus Grey|never contacted
ken|2026-11-25|0|Ken Kent|follow-up'

run nw-due -C "$N"
is "$rc" 0 "due: exit 0"
is "$err" "" "due: nothing on stderr"
is "$out" "$(printf '%s\n' "$due_main" | want)" \
	"due: last contact, cadences, next, never contacted, ranked"

NW_DIR=$N
export NW_DIR
run nw-due
is "$out" "$(printf '%s\n' "$due_main" | want)" "due: the network from NW_DIR"
unset NW_DIR

run nw-due -C "$N" -a
is "$rc" 0 "-a: exit 0"
is "$out" "$(printf '%s\n' "$due_main" | want; want <<'EOF'
jo|2026-12-01|-6|Jo Jones|follow-up
mo|2026-12-01|-6|Mo Moss|inner: every 3w, last 2026-11-10
lee|2027-04-01|-127|Lee Lane|regular: every 6m, last 2026-10-01
EOF
)" "-a: everyone, not yet due last, with negative days"

run nw-due -C "$N" -w 2w
is "$rc" 0 "-w 2w: exit 0"
is "$out" "$(printf '%s\n' "$due_main" | want; want <<'EOF'
jo|2026-12-01|-6|Jo Jones|follow-up
mo|2026-12-01|-6|Mo Moss|inner: every 3w, last 2026-11-10
EOF
)" "-w 2w: also those due by 2026-12-09"

run nw-due -C "$N" -w 6d
is "$(printf '%s\n' "$out" | tail -2)" "$(want <<'EOF'
jo|2026-12-01|-6|Jo Jones|follow-up
mo|2026-12-01|-6|Mo Moss|inner: every 3w, last 2026-11-10
EOF
)" "-w 6d: a due date of today + 6d is inside the window"

run nw-due -C "$N" -w 5d
is "$out" "$(printf '%s\n' "$due_main" | want)" "-w 5d: 2026-12-01 is outside"

run nw-due -C "$N" -n 2
is "$rc" 0 "-n 2: exit 0"
is "$out" "$(want <<'EOF'
ivy|2026-11-20|5|Ivy Irons|follow-up: Send the "Engines" paper
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
EOF
)" "-n 2: the two most urgent, an overdue promise first"

run nw-due -C "$N" -a -n 13
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 13 "-a -n 13: thirteen of fourteen"

run nw-due -C "$N" -n x
is "$rc" 2 "-n x: usage error"
is "$out" "" "-n x: nothing listed"
run nw-due -C "$N" -w 2x
is "$rc" 2 "-w 2x: usage error"
run nw-due -C "$N" -q
is "$rc" 2 "unknown option: usage error"
case $err in *usage:*) r=0 ;; *) r=1 ;; esac
ok $r "unknown option: the usage is shown"

# Filters: -t and -g hold the value, -c is the circle; repeats of one kind
# are alternatives (OR), kinds combine (AND).
run nw-due -C "$N" -t rust
is "$out" "$(want <<'EOF'
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
ada|2026-10-22|34|Ada Lovelace|every 6w, last 2026-09-10
EOF
)" "-t rust"

run nw-due -C "$N" -t maths -t chess -a
is "$out" "$(want <<'EOF'
ada|2026-10-22|34|Ada Lovelace|every 6w, last 2026-09-10
cy|2026-11-22|3|Cy Young|inner: every 3w, last 2026-11-01
EOF
)" "-t maths -t chess: either tag"

run nw-due -C "$N" -g 'Chess Club'
is "$out" "$(want <<'EOF'
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
hal|2026-11-15|10|Hal Hill|every 2w, last 2026-11-01
EOF
)" "-g 'Chess Club'"

run nw-due -C "$N" -g 'Chess Club' -g acm -t maths
is "$out" "$(want <<'EOF'
ada|2026-10-22|34|Ada Lovelace|every 6w, last 2026-09-10
EOF
)" "-g 'Chess Club' -g acm -t maths: either group, and the tag"

run nw-due -C "$N" -c close
is "$out" "$(want <<'EOF'
ivy|2026-11-20|5|Ivy Irons|follow-up: Send the "Engines" paper
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
EOF
)" "-c close"

run nw-due -C "$N" -c close -t rust
is "$out" "$(want <<'EOF'
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
EOF
)" "-c close -t rust: both"

run nw-due -C "$N" -c inner -a
is "$out" "$(want <<'EOF'
cy|2026-11-22|3|Cy Young|inner: every 3w, last 2026-11-01
mo|2026-12-01|-6|Mo Moss|inner: every 3w, last 2026-11-10
EOF
)" "-c inner -a"

run nw-due -C "$N" -c close -c INNER -a
is "$rc" 0 "-c close -c INNER: exit 0"
is "$out" "$(want <<'EOF'
ivy|2026-11-20|5|Ivy Irons|follow-up: Send the "Engines" paper
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
cy|2026-11-22|3|Cy Young|inner: every 3w, last 2026-11-01
mo|2026-12-01|-6|Mo Moss|inner: every 3w, last 2026-11-10
EOF
)" "-c close -c INNER: either circle, in any case"

run nw-due -C "$N" -c friends
is "$rc" 2 "-c friends: an unknown circle is a usage error"
is "$out" "" "-c friends: nothing listed"
case $err in "nw-due: "*friends*) r=0 ;; *) r=1 ;; esac
ok $r "-c friends: the message names the circle"

# References narrow the selection.
run nw-due -C "$N" ada eve lee
is "$rc" 0 "refs: exit 0"
is "$out" "$(want <<'EOF'
ada|2026-10-22|34|Ada Lovelace|every 6w, last 2026-09-10
eve|2026-11-25|0|Eve Evans|never contacted
EOF
)" "refs: only those named, and only the due ones"

run nw-due -C "$N" -a lee 'ken kent' eve
is "$out" "$(want <<'EOF'
eve|2026-11-25|0|Eve Evans|never contacted
ken|2026-11-25|0|Ken Kent|follow-up
lee|2027-04-01|-127|Lee Lane|regular: every 6m, last 2026-10-01
EOF
)" "refs with -a: ranked, not in argument order; a name resolves"

run nw-due -C "$N" ada zed
is "$rc" 1 "refs: one that does not resolve: exit 1"
is "$out" "$(want <<'EOF'
ada|2026-10-22|34|Ada Lovelace|every 6w, last 2026-09-10
EOF
)" "refs: the others are still listed"
is "$err" "nw-due: 'zed': no such contact" "refs: the message"

printf 'hal\tHal Hill\tanything\nbob\n' >"$T/refs"
runin "$T/refs" nw-due -C "$N" -
is "$rc" 0 "stdin refs: exit 0"
is "$out" "$(want <<'EOF'
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
hal|2026-11-15|10|Hal Hill|every 2w, last 2026-11-01
EOF
)" "stdin refs from a file: text before the first tab"

out=$(printf 'cy\nlee\n' | nw-due -C "$N" - 2>&1)
is "$out" "$(want <<'EOF'
cy|2026-11-22|3|Cy Young|inner: every 3w, last 2026-11-01
EOF
)" "stdin refs from a pipe"

out=$(printf '' | nw-due -C "$N" - 2>&1)
is "$out" "" "an empty pipe read with '-' selects nothing"

out=$(nw-due -C "$N" -a -t rust | nw-due -C "$N" -c close - 2>&1)
is "$out" "$(want <<'EOF'
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
EOF
)" "nw-due output piped into nw-due"

runin "$T/refs" nw-due -C "$N" - eve
is "$out" "$(want <<'EOF'
bob|2026-10-01|55|Bob Brown|close: every 2m, last 2026-08-01
hal|2026-11-15|10|Hal Hill|every 2w, last 2026-11-01
eve|2026-11-25|0|Eve Evans|never contacted
EOF
)" "'-' reads standard input beside other refs"

# JSON Lines: exact, days a number, strings escaped.
run nw-due -C "$N" -j -w 1w ivy eve jo
is "$rc" 0 "-j: exit 0"
is "$out" '{"id":"ivy","due":"2026-11-20","days":5,"name":"Ivy Irons","reason":"follow-up: Send the \"Engines\" paper"}
{"id":"eve","due":"2026-11-25","days":0,"name":"Eve Evans","reason":"never contacted"}
{"id":"jo","due":"2026-12-01","days":-6,"name":"Jo Jones","reason":"follow-up"}' \
	"-j: JSON Lines"

# ---------------------------------------------------------------------------
# Ranking: (today - due) / cadence days, d=1 w=7 m=30 y=365, descending;
# ties by due date, then id.
N=$T/rank
net rank
mk() { printf 'name: %s\nevery: %s\nlog:\n  - {date: %s, kind: call}\n' \
	"$2" "$3" "$4" >"$N/$1.yaml"; }
mk ten-days 'Ten Days' 10d 2026-11-01	# due 11-11, 14d, 1.4
mk year-late 'Year Late' 1y 2024-11-25	# due 2025-11-25, 365d, 1
mk one-month 'One Month' 1m 2026-09-26	# due 10-26, 30d, 1
mk two-weeks 'Two Weeks' 2w 2026-10-28	# due 11-11, 14d, 1
mk week-c 'Week C' 1w 2026-11-11	# due 11-18, 7d, 1
mk week-a 'Week A' 1w 2026-11-11	# due 11-18, 7d, 1
mk week-b 'Week B' 1w 2026-11-11	# due 11-18, 7d, 1
mk year 'A Year' 1y 2025-08-17		# due 2026-08-17, 100d, 0.27
run nw-due -C "$N"
is "$out" "$(want <<'EOF'
ten-days|2026-11-11|14|Ten Days|every 10d, last 2026-11-01
year-late|2025-11-25|365|Year Late|every 1y, last 2024-11-25
one-month|2026-10-26|30|One Month|every 1m, last 2026-09-26
two-weeks|2026-11-11|14|Two Weeks|every 2w, last 2026-10-28
week-a|2026-11-18|7|Week A|every 1w, last 2026-11-11
week-b|2026-11-18|7|Week B|every 1w, last 2026-11-11
week-c|2026-11-18|7|Week C|every 1w, last 2026-11-11
year|2026-08-17|100|A Year|every 1y, last 2025-08-17
EOF
)" "rank: by overdue/cadence, ties by due date then id"

# ---------------------------------------------------------------------------
# Month arithmetic clamps to the month's end.  Today 2026-03-01, -a.
N=$T/months
net months
mk jan31 'Jan Thirtyone' 1m 2026-01-31	# 2026-02-28, 1d, 0.03
mk leap 'Lea Leap' 1m 2028-01-31	# 2028-02-29, -730d, -24.3
mk leapday 'Leo Leapday' 1y 2028-02-29	# 2029-02-28, -1095d, -3
mk mar31 'Mar Thirtyone' 1m 2026-03-31	# 2026-04-30, -60d, -2
mk dec31 'Dec Thirtyone' 2m 2026-12-31	# 2027-02-28, -364d, -6.07
run env NW_TODAY=2026-03-01 nw-due -C "$N" -a
is "$out" "$(want <<'EOF'
jan31|2026-02-28|1|Jan Thirtyone|every 1m, last 2026-01-31
mar31|2026-04-30|-60|Mar Thirtyone|every 1m, last 2026-03-31
leapday|2029-02-28|-1095|Leo Leapday|every 1y, last 2028-02-29
dec31|2027-02-28|-364|Dec Thirtyone|every 2m, last 2026-12-31
leap|2028-02-29|-730|Lea Leap|every 1m, last 2028-01-31
EOF
)" "months clamp: Jan 31 + 1m = Feb 28, or Feb 29 in a leap year"

# ---------------------------------------------------------------------------
# Settings: circles replace the defaults, default and birthdays are read.
N=$T/set
net set
cat >"$N/.nw.yaml" <<'EOF'
# our own circles
circles:
  close: 1m
  family: 2w
default: 3m
birthdays: 10d
EOF
# close is now 1m: due 11-01, 24d, 0.8
printf 'name: Sam Close\ncircle: close\nlog:\n  - {date: 2026-10-01}\n' \
	>"$N/s-close.yaml"
# family 2w: due 11-18, 7d, 0.5
printf 'name: Sam Family\ncircle: family\nlog:\n  - {date: 2026-11-04}\n' \
	>"$N/s-family.yaml"
# no circle: default 3m from added, due 11-20, 5d, 0.056
printf 'name: Sam None\nadded: 2026-08-20\n' >"$N/s-none.yaml"
# birthday in 10d: the window's last day, shown; due 12-20, -25d, -0.83
printf 'name: Sam Birthday\ncircle: close\nbirthday: 1990-12-05\nlog:\n  - {date: 2026-11-20}\n' \
	>"$N/s-bday.yaml"
# birthday in 11d: outside the window
printf 'name: Sam Later\nbirthday: --12-06\nlog:\n  - {date: 2026-11-01}\n' \
	>"$N/s-later.yaml"
run nw-due -b -C "$N"
is "$rc" 0 "settings: exit 0"
is "$out" "$(want <<'EOF'
s-close|2026-11-01|24|Sam Close|close: every 1m, last 2026-10-01
s-family|2026-11-18|7|Sam Family|family: every 2w, last 2026-11-04
s-none|2026-11-20|5|Sam None|every 3m, added 2026-08-20
s-bday|2026-12-20|-25|Sam Birthday|birthday in 10d (12-05)
EOF
)" "settings: own circles, default 3m, birthdays 10d"

run nw-due -C "$N" -c family
is "$out" "$(want <<'EOF'
s-family|2026-11-18|7|Sam Family|family: every 2w, last 2026-11-04
EOF
)" "settings: -c with a circle of our own"

run nw-due -C "$N" -c inner
is "$rc" 2 "settings: -c inner, no longer a circle: usage error"

# inner went with the defaults.  A circle that is not in the settings
# has no cadence, so the default (3m) applies: due 11-01, 24d, 0.27.
# nw-check reports the unknown circle; nw-due must not drop the person.
printf 'name: Sam Inner\ncircle: inner\nlog:\n  - {date: 2026-08-01}\n' \
	>"$N/s-inner.yaml"
run nw-due -C "$N" s-inner s-none
is "$rc" 0 "unknown circle: exit 0"
is "$out" "$(want <<'EOF'
s-inner|2026-11-01|24|Sam Inner|every 3m, last 2026-08-01
s-none|2026-11-20|5|Sam None|every 3m, added 2026-08-20
EOF
)" "unknown circle: listed with the default cadence"

# ---------------------------------------------------------------------------
# Birthdays, default window 7d, today 2026-11-25.
N=$T/bday
net bday
# due (10-22, 34d, 0.81) and a birthday in 3 days: both reasons
printf 'name: Bea Due\nevery: 6w\nbirthday: --11-28\nlog:\n  - {date: 2026-09-10, kind: call}\n' \
	>"$N/b-due.yaml"
# birthday only: due 2027-01-02, -38d, -0.63
printf 'name: Bo Only\ncircle: close\nbirthday: 1980-11-28\nlog:\n  - {date: 2026-11-02, kind: meet}\n' \
	>"$N/b-only.yaml"
# birthday today: due 2027-06-01, -188d, -0.52
printf 'name: Ben Today\nevery: 1y\nbirthday: 1970-11-25\nlog:\n  - {date: 2026-06-01, kind: call}\n' \
	>"$N/b-today.yaml"
# birthday in 7d, the window's last day: due 2027-10-01, -310d, -0.85
printf 'name: Bill Edge\nbirthday: --12-02\nadded: 2026-10-01\n' \
	>"$N/b-edge.yaml"
# birthday in 8d: not shown
printf 'name: Bart Out\nbirthday: --12-03\nadded: 2026-10-01\n' \
	>"$N/b-out.yaml"
# birthday yesterday: next one in 364 days, not shown
printf 'name: Bret Past\nbirthday: 1999-11-24\nadded: 2026-10-01\n' \
	>"$N/b-past.yaml"
run nw-due -b -C "$N"
is "$rc" 0 "birthdays: exit 0"
is "$out" "$(want <<'EOF'
b-due|2026-10-22|34|Bea Due|every 6w, last 2026-09-10; birthday in 3d (11-28)
b-today|2027-06-01|-188|Ben Today|birthday today
b-only|2027-01-02|-38|Bo Only|birthday in 3d (11-28)
b-edge|2027-10-01|-310|Bill Edge|birthday in 7d (12-02)
EOF
)" "birthdays: within 7 days inclusive, joined to a due reason"

run nw-due -C "$N" -bj b-only
is "$out" '{"id":"b-only","due":"2027-01-02","days":-38,"name":"Bo Only","reason":"birthday in 3d (11-28)"}' \
	"birthdays: -j of a birthday-only row"

# A Feb 29 birthday falls on Feb 28 in other years.
N=$T/leap
net leap
printf 'name: Lily Leap\nbirthday: 1992-02-29\nadded: 2026-12-01\n' \
	>"$N/lily.yaml"
# due 2027-12-01 from added + 1y
run env NW_TODAY=2027-02-25 nw-due -b -C "$N"
is "$out" "$(want <<'EOF'
lily|2027-12-01|-279|Lily Leap|birthday in 3d (02-28)
EOF
)" "Feb 29 birthday: Feb 28 in 2027"
run env NW_TODAY=2027-02-28 nw-due -b -C "$N"
is "$out" "$(want <<'EOF'
lily|2027-12-01|-276|Lily Leap|birthday today
EOF
)" "Feb 29 birthday: today on Feb 28, 2027"
run env NW_TODAY=2027-03-01 nw-due -b -C "$N"
is "$out" "" "Feb 29 birthday: gone on Mar 1, 2027"
run env NW_TODAY=2028-02-25 nw-due -b -C "$N"
is "$out" "$(want <<'EOF'
lily|2027-12-01|86|Lily Leap|every 1y, added 2026-12-01; birthday in 4d (02-29)
EOF
)" "Feb 29 birthday: Feb 29 in 2028, after the due reason"

# ---------------------------------------------------------------------------
# Files that do not parse are reported like a compiler; the rest is listed.
N=$T/bad
net bad
printf 'name: Ann Good\n' >"$N/ann.yaml"
printf 'name: Zed Broken\nemail: a: b\n' >"$N/broken.yaml"
printf 'name: Bad Date\nnext: 2026-13-01\n' >"$N/baddate.yaml"
printf 'name: Bad Log\nlog:\n  - {date: 2026-02-30, kind: call}\n' \
	>"$N/badlog.yaml"
run nw-due -C "$N"
is "$rc" 1 "bad files: exit 1"
is "$out" "$(want <<'EOF'
ann|2026-11-25|0|Ann Good|never contacted
EOF
)" "bad files: the good one is still listed"
errs=$(printf '%s\n' "$err" | sort)
set -- $(printf '%s\n' "$errs" | sed -n 's/^\(.*[a-z]\.yaml:[0-9]*:[0-9]*\): .*/\1/p')
is "$*" "$N/baddate.yaml:2:7 $N/badlog.yaml:3:12 $N/broken.yaml:2:9" \
	"bad files: each reported as path:line:col"
case $errs in
*"broken.yaml:2:9: mapping values are not allowed"*) r=0 ;; *) r=1 ;;
esac
ok $r "bad files: libyaml's message for the broken file"

# ---------------------------------------------------------------------------
# NW_TODAY must be a date.
for d in 2026-13-01 2026-02-29 tomorrow 2026-1-5; do
	run env NW_TODAY=$d nw-due -C "$T/main"
	is "$rc" 2 "NW_TODAY=$d: usage error"
	is "$out" "" "NW_TODAY=$d: nothing listed"
	case $err in "nw-due: "*"$d"*) r=0 ;; *) r=1 ;; esac
	ok $r "NW_TODAY=$d: the message names it"
done

# ---------------------------------------------------------------------------
# The example network, worked out by hand from its files and .nw.yaml
# (family: 1m, default 1y, birthdays 7d):
#  work/grace-hopper  inner 3w, last 09-01 -> 09-22, 64d, 3.05
#  hannah-berg        family 1m, last 09-06 (the 11-10 note does not
#                     count, the kindless 08-15 is older) -> 10-06, 50d, 1.67
#  charles-babbage    regular 6m, last 02-14 -> 08-14, 103d, 0.57
#  tom-okafor         outer 1y, last 2025-06-10 -> 06-10, 168d, 0.46
#  sofia-rossi        every 6w beats regular, last 09-30 -> 11-11, 14d, 0.33
#  ruth-adeyemi       default 1y, added 2025-09-01 -> 09-01, 85d, 0.23
#  jose-nunez         next 11-18 with a note: an overdue promise, first
#  mei-chen           never contacted, 0d, 0
#  analytical-engine-society  a community, every 2m, last 09-01 -> 11-01,
#                     24d, 24/60 = 0.4
#  david-kim          outer 1y, last 03-15 -> 2027-03-15, -110d; the
#                     anniversary (11-30) in 5d: shown for it with -b, -0.30
#  priya-raman        close 2m, last 11-02 -> 2027-01-02, -38d, birthday
#                     --11-28 in 3d: shown for it with -b, -0.63
# Not listed: ada-lovelace (09-28 + 2m = 11-28, birthday 12-10 in 15d),
# kenji-watanabe (next 2027-01-15), pydata-london (11-12 + 1m = 12-12),
# lena-fischer (empty log, added 06-01 + 6m = 12-01), omar-haddad (last
# 11-20, the back-dated 11-12 is older: 12-11; birthday 01-17).
run nw-due -b -C "$TOP/examples/network"
is "$rc" 0 "example network: exit 0"
is "$err" "" "example network: nothing on stderr"
is "$out" "$(want <<'EOF'
jose-nunez|2026-11-18|7|José Núñez|follow-up: Preguntar por la beca -- did the scholarship come through?
work/grace-hopper|2026-09-22|64|Grace Hopper|inner: every 3w, last 2026-09-01
hannah-berg|2026-10-06|50|Hannah Berg|family: every 1m, last 2026-09-06
charles-babbage|2026-08-14|103|Charles Babbage|regular: every 6m, last 2026-02-14
tom-okafor|2026-06-10|168|Tom Okafor|outer: every 1y, last 2025-06-10
analytical-engine-society|2026-11-01|24|Analytical Engine Society|community: every 2m, last 2026-09-01
sofia-rossi|2026-11-11|14|Sofia Rossi|every 6w, last 2026-09-30
ruth-adeyemi|2026-09-01|85|Ruth Adeyemi|every 1y, added 2025-09-01
mei-chen|2026-11-25|0|Mei Chen|never contacted
david-kim|2027-03-15|-110|David Kim|anniversary in 5d (11-30)
priya-raman|2027-01-02|-38|Priya Raman|birthday in 3d (11-28)
EOF
)" "example network: the due list of 2026-11-25"

# ---------------------------------------------------------------------------
# Birthdays and dates show with -b only; a due row mentions them anyway.
# A birthday is dismissed only by contact on its day or the day before.  A cadence of never (every: never, or a circle's) keeps a
# contact out, but for a follow-up.  Communities are marked; -k selects.
N=$T/life
net life
cat >"$N/.nw.yaml" <<'EOF'
circles: {inner: 3w, close: 2m, regular: 6m, outer: 1y, dormant: never}
offers: [a reference, spreading the word]
EOF
# due 09-10 + 6w = 10-22, 34d, 34/42 = 0.81; birthday in 3d; an open ask
cat >"$N/bea.yaml" <<'EOF'
name: Bea Due
every: 6w
birthday: --11-28
offers: [input on compilers]
topics: [rust, history]
log:
  - {date: 2026-08-01, kind: ask, note: An intro to her editor}
  - {date: 2026-09-10, kind: call, note: Talked about her new job}
EOF
# close 2m, last 11-02: due 2027-01-02, -38d, -0.63; birthday in 3d
printf 'name: Bo Only\ncircle: close\nbirthday: 1980-11-28\nlog:\n  - {date: 2026-11-02, kind: meet}\n' >"$N/bo.yaml"
# birthday 11-26: contact today, the day before, dismissed it.
# close 2m: due 2027-01-25, -61d, -1.02
printf 'name: Bud Done\ncircle: close\nbirthday: --11-26\nlog:\n  - {date: 2026-11-25, kind: call}\n' >"$N/bud.yaml"
# every 1y, last 06-01: due 2027-06-01, -188d, -0.52; Max in 1d, the
# anniversary (2012-11-30) in 5d
cat >"$N/dot.yaml" <<'EOF'
name: Dot Dates
every: 1y
dates: {anniversary: 2012-11-30, "Max (son)": --11-26}
log:
  - {date: 2026-06-01, kind: call}
EOF
# every never: not listed, even with -a; its birthday in 2d with -b, the
# day in the due column: 2026-11-27, -2d, -2/365
printf 'name: Nev Never\nevery: never\nbirthday: --11-27\nlog:\n  - {date: 2020-01-01}\n' >"$N/nev.yaml"
# the dormant circle's cadence is never
printf 'name: Dor Mant\ncircle: dormant\nlog:\n  - {date: 2025-01-01}\n' >"$N/dorm.yaml"
# ... but a follow-up stands: 11-20, 5d, an overdue promise: first
printf 'name: Dora Next\ncircle: dormant\nnext: 2026-11-20\nnext-note: Ask about the move\n' >"$N/dora.yaml"
# a community: every 1m, last 10-02 -> 11-02, 23d, 23/30 = 0.77
printf 'name: ACM Chicago\ntype: community\nevery: 1m\nlog:\n  - {date: 2026-10-02, kind: volunteer, note: Ran the meeting}\n' >"$N/acm.yaml"

run nw-due -C "$N"
is "$rc:$err" "0:" "life: exit 0, nothing on stderr"
is "$out" "$(want <<'EOF'
dora|2026-11-20|5|Dora Next|follow-up: Ask about the move
bea|2026-10-22|34|Bea Due|every 6w, last 2026-09-10; birthday in 3d (11-28)
acm|2026-11-02|23|ACM Chicago|community: every 1m, last 2026-10-02
EOF
)" "without -b: no birthday-only row, a due row still says its birthday; never stays out; a community says so"

run nw-due -C "$N" -b
is "$out" "$(want <<'EOF'
dora|2026-11-20|5|Dora Next|follow-up: Ask about the move
bea|2026-10-22|34|Bea Due|every 6w, last 2026-09-10; birthday in 3d (11-28)
acm|2026-11-02|23|ACM Chicago|community: every 1m, last 2026-10-02
nev|2026-11-27|-2|Nev Never|birthday in 2d (11-27)
dot|2027-06-01|-188|Dot Dates|Max (son) in 1d (11-26); anniversary in 5d (11-30)
bo|2027-01-02|-38|Bo Only|birthday in 3d (11-28)
EOF
)" "-b: birthdays and dates, nearest first; dismissed by contact the day before"

run nw-due -C "$N" -a
is "$out" "$(want <<'EOF'
dora|2026-11-20|5|Dora Next|follow-up: Ask about the move
bea|2026-10-22|34|Bea Due|every 6w, last 2026-09-10; birthday in 3d (11-28)
acm|2026-11-02|23|ACM Chicago|community: every 1m, last 2026-10-02
dot|2027-06-01|-188|Dot Dates|every 1y, last 2026-06-01; Max (son) in 1d (11-26); anniversary in 5d (11-30)
bo|2027-01-02|-38|Bo Only|close: every 2m, last 2026-11-02; birthday in 3d (11-28)
bud|2027-01-25|-61|Bud Done|close: every 2m, last 2026-11-25
EOF
)" "-a: everyone with a due date; a cadence of never has none"

run nw-due -C "$N" -k community
is "$out" "acm	2026-11-02	23	ACM Chicago	community: every 1m, last 2026-10-02" "-k community"
run nw-due -C "$N" -k person -n 2
is "$out" "dora	2026-11-20	5	Dora Next	follow-up: Ask about the move
bea	2026-10-22	34	Bea Due	every 6w, last 2026-09-10; birthday in 3d (11-28)" "-k person"
run nw-due -C "$N" -k club
is "$rc:$err" "2:nw-due: 'club': not a type (person or community)" "-k club: usage error"

run nw-ls -C "$N" -l dorm dora
is "$out" "$(want <<'EOF'
dorm|Dor Mant|dormant|2025-01-01|
dora|Dora Next|dormant||2026-11-20
EOF
)" "nw-ls -l: a cadence of never has no due date"

# The long form: plain text, the same piped and on a terminal (bold name).
run nw-due -C "$N" -bl bea acm nev
is "$out" "Bea Due (bea), 34 days overdue
  why       every 6w, last 2026-09-10
  last      2026-09-10, call: Talked about her new job
  offer     input on compilers
  topics    rust, history
  balance   gave 0, got 0, open asks 1; you owe 1: give first
  open ask  2026-08-01, 116 days ago: An intro to her editor
  soon      birthday in 3d (11-28)

ACM Chicago (acm), 23 days overdue
  why       community: every 1m, last 2026-10-02
  last      2026-10-02, volunteer: Ran the meeting
  offer     a reference, spreading the word

Nev Never (nev), birthday in 2d (11-27)
  last      2020-01-01
  offer     a reference, spreading the word" \
	"-l: the context under each row (116 days: 08-01 to 11-25)"
run nw-due -C "$N" -lj bea
is "$out" '{"id":"bea","due":"2026-10-22","days":34,"name":"Bea Due","reason":"every 6w, last 2026-09-10; birthday in 3d (11-28)","type":"person","last":{"date":"2026-09-10","kind":"call","note":"Talked about her new job"},"next":null,"next-note":null,"offers":["input on compilers"],"topics":["rust","history"],"gives":0,"asks":1,"got":0,"owe":1,"open-asks":[{"date":"2026-08-01","days":116,"kind":"ask","note":"An intro to her editor"}],"soon":"birthday in 3d (11-28)","job":null}' \
	"-l -j: the same fields as JSON"
if command -v script >/dev/null; then
	script -qec "nw-due -C '$N' -l -n 1 bea" /dev/null </dev/null >"$T/tty" 2>&1
	esc=$(printf '\033')
	is "$(head -2 "$T/tty" | tr -d '\r')" "${esc}[1mBea Due (bea), 34 days overdue${esc}[0m
  why       every 6w, last 2026-09-10" "-l on a terminal: the name in bold, the rest as piped"
fi

done_testing
