#!/bin/sh
# A fold cut short is finished by the same nw-mv -m.  The fold writes the
# kept contact's merged text first, then makes each contact that named
# the old one name it, then removes the old one, then commits: here each
# state a kill between those steps leaves, made by hand, then what
# nw-check says of it and the same nw-mv -m again (exact output, bytes,
# commit).  tests/4100-crash.t kills the real thing at its system calls.
. "$(dirname "$0")/lib.sh"
need_git

want() { cat >"$T/$1"; }

# king is a second card of ada's: ada names king (a rel), king names
# ada (its via), and max and lena name king
start() {
	mknet "$1"
	N=$NW_DIR
	git -C "$N" init -q
	cat >"$N/ada.yaml" <<'EOF'
# from the conference
name: Ada Lovelace
email: ada@example.org
rel: {friend: king}
log:
  - {date: 2026-01-05, kind: call, note: New year}
EOF
	cat >"$N/king.yaml" <<'EOF'
name: Ada King
email: [king@example.org]
met: {where: Ball, via: ada}
added: 2025-06-01
log:
  - {date: 2026-01-05, kind: call, note: New year}
  - {date: 2026-02-01, kind: meet}
EOF
	printf 'name: Max Byron\nmet: {where: Ball, via: king}\n' >"$N/max.yaml"
	printf 'name: Lena Byron\nrel: {friend: [king, max]}\n' >"$N/lena.yaml"
	git -C "$N" add -A && git -C "$N" commit -qm start
}

# after the fold: king's email, added and entries in ada, the entry both
# have once, king's name an aka; what each said of the other gone (ada's
# rel whole, king's via from its met); max and lena name ada
want ada <<'EOF'
# from the conference
name: Ada Lovelace
email: [ada@example.org, king@example.org]
met: {where: Ball}
added: 2025-06-01
log:
  - {date: 2026-01-05, kind: call, note: New year}
  - {date: 2026-02-01, kind: meet}
aka: [Ada King]
EOF
printf 'name: Max Byron\nmet: {where: Ball, via: ada}\n' >"$T/max"
printf 'name: Lena Byron\nrel: {friend: [ada, max]}\n' >"$T/lena"

# --- the whole fold, for reference ------------------------------------------
start whole
run nw-mv -m king ada
is "$rc:$out" "0:ada" "whole: exit 0, keep printed"
is "$err" "nw-mv: ada: no longer names king
nw-mv: king: no longer names ada
nw-mv: lena: now names ada
nw-mv: max: now names ada" "whole: what either said of the other goes, the namers follow, each said"
same "$N/ada.yaml" "$T/ada" "whole: ada's bytes"
same "$N/max.yaml" "$T/max" "whole: max's via names ada"
same "$N/lena.yaml" "$T/lena" "whole: lena's rel names ada"
is "$(ls "$N")" "ada.yaml
lena.yaml
max.yaml" "whole: king is gone"
is "$(git_subjects 1)" "Fold king into ada" "whole: one commit"
is "$(git_head_files)" "D	king.yaml
M	ada.yaml
M	lena.yaml
M	max.yaml" "whole: with every file"
run nw-check
is "$rc:$out" "0:" "whole: nw-check finds nothing"

# --- cut short after ada, after max, after lena; then again ----------------
# A kill before ada's merged text is in place leaves the files as they
# were (the same fold again is the whole fold); after king's removal, the
# fold is done but for the commit.
for state in ada max lena; do
	rm -rf "$T/cut"
	start cut
	cp "$T/ada" "$N/ada.yaml"
	left="
nw-mv: lena: now names ada
nw-mv: max: now names ada"
	if [ $state != ada ]; then
		cp "$T/max" "$N/max.yaml"
		left="
nw-mv: lena: now names ada"
	fi
	if [ $state = lena ]; then
		cp "$T/lena" "$N/lena.yaml"
		left=
	fi
	run nw-check
	is "$rc:$out" "1:$N/ada.yaml: error: holds all of 'king' too, a fold (nw-mv -m) cut short: run nw-mv -m king ada to finish it
$N/king.yaml: error: all of it is in 'ada' too, a fold (nw-mv -m) cut short: run nw-mv -m king ada to finish it" \
	    "after $state: nw-check says the fold cut short on both, with the fix, not an email twice"
	run nw-mv -m king ada
	is "$rc:$out" "0:ada" "after $state: again: exit 0, keep printed"
	is "$err" "nw-mv: 'king': all of it is in 'ada' already, a fold cut short: finishing it
nw-mv: king: no longer names ada$left" "after $state: again: it says it finishes, and the namers left"
	same "$N/ada.yaml" "$T/ada" "after $state: again: ada's bytes as after the whole fold"
	same "$N/max.yaml" "$T/max" "after $state: again: max's"
	same "$N/lena.yaml" "$T/lena" "after $state: again: lena's"
	is "$(ls "$N")" "ada.yaml
lena.yaml
max.yaml" "after $state: again: king is gone"
	is "$(git_subjects 2)" "Fold king into ada
start" "after $state: again: one commit"
	is "$(git_head_files)" "D	king.yaml
M	ada.yaml
M	lena.yaml
M	max.yaml" "after $state: again: with the files the cut-short run changed"
	is "$(git -C "$N" status --porcelain)" "" "after $state: again: nothing left uncommitted"
done

# --- with -f keep, and no email in common ------------------------------------
# The fold took -f keep: so must the fold that finishes it, and nw-check
# says so.  With no email in common the two are a warning, not an error
# (a small card beside a full one of the same name may be no fold).
mknet fk
N=$NW_DIR
printf 'name: Ada King\norg: Looms\nlog:\n  - {date: 2026-03-01, kind: call}\n' >"$N/king.yaml"
printf 'name: Ada Lovelace\norg: Engines\naka: [Ada King]\nlog:\n  - {date: 2026-03-01, kind: call}\n' >"$T/fk.want"
cp "$T/fk.want" "$N/ada.yaml"
run nw-check
is "$rc:$out" "0:$N/ada.yaml: warning: holds all of 'king' too, a fold (nw-mv -m) cut short: run nw-mv -m -f keep king ada to finish it
$N/king.yaml: warning: all of it is in 'ada' too, a fold (nw-mv -m) cut short: run nw-mv -m -f keep king ada to finish it" \
    "-f keep: nw-check says the fold cut short, its -f, a warning (no email in common)"
run nw-check -q
is "$rc:$out" "0:" "-f keep: nothing with -q"
run nw-mv -m king ada
is "$rc:$err" "1:nw-mv: 'king' and 'ada' differ in org: nothing folded (-f old or -f keep says whose stays)" \
    "-f keep: again without it: refused"
run nw-mv -m -f keep king ada
is "$rc:$out:$err" "0:ada:nw-mv: 'king': all of it is in 'ada' already, a fold cut short: finishing it" \
    "-f keep: again with it: finishes"
same "$N/ada.yaml" "$T/fk.want" "-f keep: ada's bytes unchanged"
test ! -e "$N/king.yaml"; ok $? "-f keep: king is gone"

# two of one name where neither holds all of the other: no fold, the
# name twice as before
printf 'name: Ada Lovelace\nlog:\n  - {date: 2026-03-02, kind: meet}\n' >"$N/king.yaml"
run nw-check
is "$rc:$out" "0:$N/ada.yaml:1:7: warning: name 'Ada Lovelace' is also on king
$N/king.yaml:1:7: warning: name 'Ada Lovelace' is also on ada" \
    "an entry ada lacks: no fold cut short, the name twice"

done_testing
