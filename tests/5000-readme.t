#!/bin/sh
# The README is a real session: its install step run as written in the
# clone (into $HOME/.local, $HOME a scratch folder), then its tour pasted
# into a fresh shell whose PATH has no nw but what the install step adds,
# then make uninstall; check what each leaves.
. "$(dirname "$0")/lib.sh"

# block HEADING: the first sh block under the README's HEADING
block() {
	awk -v h="## $1" '$0 == h { on = 1 } on && /^```$/ { exit }
	    on && f { print } on && /^```sh$/ { f = 1 }' "$TOP/README.md"
}
block Install >"$T/install.sh"
is "$(head -1 "$T/install.sh" | cut -c1-12)" "make install" "the install step was found"
FRESH=/usr/local/bin:/usr/bin:/bin
(cd "$TOP" && env PATH="$FRESH" sh -e "$T/install.sh") >"$T/make.out" 2>&1
is "$?" 0 "the install step runs"
# every command of src/ and every page of man/, nothing else
{
	for c in "$TOP"/src/nw*.c; do c=${c##*/}; echo "bin/${c%.c}"; done
	for m in "$TOP"/man/*.1; do echo "share/man/man1/${m##*/}"; done
	echo share/man/man5/nw.5
	echo share/man/man7/nw.7
} | LC_ALL=C sort >"$T/want.list"
(cd "$HOME/.local" && find bin share/man -type f | LC_ALL=C sort) >"$T/got.list"
same "$T/got.list" "$T/want.list" "the programs and the manuals are in \$HOME/.local"

# progs (the Debian package's build step, before its make install) in a
# fresh build folder makes the completion scripts install copies
(cd "$TOP" && MAKEFLAGS= MAKELEVEL= make -n progs B="$T/nobuild" 2>&1) \
    >"$T/progs.out"
is "$(grep -c ">$T/nobuild/completion/" "$T/progs.out")" 2 \
    "make progs in a fresh build folder makes both completion scripts"

block 'A five-minute tour' | sed "s|/tmp/my-network|$T/net|" >"$T/tour.sh"
is "$(head -1 "$T/tour.sh" | cut -c1-13)" "export NW_DIR" "the tour was found"
# a fresh shell: the install step's export line, then the tour as pasted
{ grep '^export PATH' "$T/install.sh"; cat "$T/tour.sh"; } >"$T/fresh.sh"
run env PATH="$FRESH" sh -e "$T/fresh.sh"
is "$rc" 0 "the tour runs to the end in a fresh shell, with the installed nw"
is "$out" "$T/net
ada-lovelace
charles-babbage
grace-hopper
alan-turing
ada-lovelace
charles-babbage
charles-babbage	2026-12-09	-14	Charles Babbage	follow-up: Send the draft
alan-turing	2026-12-16	-21	Alan Turing	inner: every 3w, added 2026-11-25
grace-hopper	2026-12-16	-21	Grace Hopper	inner: every 3w, added 2026-11-25
charles-babbage	2026-12-09	54	Charles Babbage	follow-up: Send the draft
alan-turing	2026-12-16	47	Alan Turing	inner: every 3w, added 2026-11-25
grace-hopper	2026-12-16	47	Grace Hopper	inner: every 3w, added 2026-11-25
ada-lovelace	2027-01-25	7	Ada Lovelace	close: every 2m, last 2026-11-25
ada-lovelace
ada-lovelace
ada-lovelace
ada-lovelace	1	1	1	Ada Lovelace
ada-lovelace	2026-11-25	0	Ada Lovelace	An intro to her editor
charles-babbage
alan-turing
grace-hopper
ada-lovelace" "each step prints what it should"
is "$err" "nw-log: warning: you owe Ada Lovelace 2 (gave 0, got 1, open asks 1): give first
nw-log: charles-babbage: follow-up stays: Send the draft (nw-log -D when it is done)" \
	"the ask made while owing is warned about; the promise kept is said"
# the search-and-fix block goes on from there (nw-edit with an editor
# that changes nothing)
awk '/^## Search and fix/ { on = 1 } on && /^```$/ { exit }
	on && f { print } on && /^```sh$/ { f = 1 }' "$TOP/README.md" >"$T/search.sh"
EDITOR=true NW_TODAY=2027-02-01 NW_DIR=$T/net run sh -e "$T/search.sh"
is "$rc" 0 "the search-and-fix block runs to the end"
is "$out" "ada-lovelace	Ada Lovelace
ada-lovelace	Ada Lovelace	close	2027-02-01	2027-04-01
charles-babbage	Charles Babbage	outer	2027-02-01	2026-12-09
Ada Lovelace
  id        ada-lovelace
  circle    close
  every     2m (circle close)
  email     ada@example.org
  birthday  1815-12-10 (age 211)
  tags      rust
  due       2027-04-01, in 59 days (close: every 2m, last 2027-02-01)
  balance   gave 1, got 1, open asks 1; you owe 1: give first
  open asks 2026-11-25, 68 days ago: An intro to her editor
  log       2027-02-01  email  Happy new year
            2026-11-25  give   Sent the Rust survey link
            2026-11-25  ask    An intro to her editor
            2026-11-25  got    Notes on my draft
            2026-11-25  call   Talked about her new job
ada-lovelace
ada-lovelace
rust
mathematics" "each step prints what it should"
is "$(sed -n '/^next:/p' "$T/net/ada-lovelace.yaml")" "next: 2027-02-15" \
	"the follow-up is in the file"
is "$(sed -n '/^next/p' "$T/net/charles-babbage.yaml")" "next: 2026-12-09
next-note: Send the draft" "the pipeline kept the promise without -K"
is "$(grep -c '{date: 2027-02-01, kind: email, note: Happy new year}' "$T/net/charles-babbage.yaml")" 1 \
	"the pipeline logged"

# The blocks on what to offer and on communities go on from there.
for block in 'What to say, what to offer' 'Communities and the whole network'; do
	awk -v h="## $block" 'index($0, h) == 1 { on = 1 } on && /^```$/ { exit }
		on && f { print } on && /^```sh$/ { f = 1 }' "$TOP/README.md"
done >"$T/more.sh"
NW_TODAY=2027-02-01 NW_DIR=$T/net run sh -e "$T/more.sh"
is "$rc:$err" "0:" "the offers and communities blocks run to the end, quietly"
printf '%s\n' "$out" | grep -m 1 -A4 '^Charles Babbage' >"$T/got"
is "$(cat "$T/got")" "Charles Babbage (charles-babbage), 54 days overdue
  why       follow-up: Send the draft
  last      2027-02-01, email: Happy new year
  offer     a reference
  topics    difference engines" "nw-due -l: Charles with what to offer and talk about"
is "$(printf '%s\n' "$out" | grep '^  members')" "  members   2027-02-01  Ada Lovelace (ada-lovelace)" \
	"nw-show of the community: Ada a member, last seen on Feb 1"
is "$(printf '%s\n' "$out" | grep '^acm-chicago	')" "" \
	"the community just taken part in is not due"
is "$(printf '%s\n' "$out" | grep '^community')" "community	acm-chicago	1	1	1	2027-03-01	-28" \
	"nw-stats: the community, a member, an entry"

# The relationships block goes on from there.
awk '/^## Relationships, jobs and duplicates/ { on = 1 } on && /^```$/ { exit }
	on && f { print } on && /^```sh$/ { f = 1 }' "$TOP/README.md" >"$T/rel.sh"
NW_TODAY=2027-02-01 NW_DIR=$T/net run sh -e "$T/rel.sh"
is "$rc:$err" "0:" "the relationships block runs to the end, quietly"
is "$out" "ada-lovelace
grace-hopper
ada-lovelace	Ada Lovelace
  rel       mentee: Ada Lovelace (ada-lovelace)
charles-babbage
charles-babbage	Charles Babbage" "each step prints what it should"
is "$(grep -A1 '^work' "$T/net/charles-babbage.yaml")" "work:
  - {org: Difference Engines, to: 2027-02-01}" "the old job is in work"

(cd "$TOP" && env PATH="$FRESH" make uninstall PREFIX="$HOME/.local") \
	>"$T/make.out" 2>&1
is "$?:$(find "$HOME/.local" -type f -o -type l)" "0:" \
	"make uninstall takes away all that install put there"
done_testing
