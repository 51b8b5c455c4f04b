#!/bin/sh
# Duplicates: nw-check -D lists pairs that are probably one person;
# nw-mv -m folds one into the other by the merge's union rules, in one
# commit, and what named the old id names the kept one.
. "$(dirname "$0")/lib.sh"

want() { cat >"$T/want"; }

mknet net
N=$NW_DIR
git -C "$N" init -q
cat >"$N/ada.yaml" <<'EOF'
# from the conference
name: Ada Lovelace
aka: [Ada King]
email: ada@example.org
tags: [maths]
log:
  - {date: 2026-01-05, kind: call, note: New year}
  - {date: 2026-03-01, kind: meet}
EOF
cat >"$N/lovelace.yaml" <<'EOF'
name: lovelace ADA
email: [ADA@example.org, ada@work.example]
tags: [poetry, maths]
phone: "+44 20 7946 0000"
added: 2025-06-01
log:
  - {date: 2026-01-05, kind: call, note: New year}
  - {date: 2026-02-10, kind: email, note: Sent the notes}
EOF
printf 'name: Ada King\n' >"$N/king.yaml"
printf 'name: Max Byron\nphone: 020 7946 0000\nmet: {where: Ball, via: lovelace}\nrel: {friend: [lovelace, king]}\n' >"$N/max.yaml"
printf 'name: Lena Byron\n' >"$N/lena.yaml"
git -C "$N" add -A && git -C "$N" commit -qm start

run nw-check -D
is "$rc:$out" "0:ada	king	name and aka: Ada King
ada	lovelace	same email: ada@example.org
lovelace	max	same phone: +44 20 7946 0000" \
	"nw-check -D: a pair a line, the first reason, ids in order"
is "$(git -C "$N" status --porcelain)" "" "nw-check -D: nothing changes"
run nw-check -D ada
is "$rc" "2" "nw-check -D takes no ref"

# --- nw-mv -m ---------------------------------------------------------------
cp "$N/ada.yaml" "$T/ada.before"
printf 'name: Ada\nemail: ada@example.org\norg: Engines\n' >"$N/other.yaml"
git -C "$N" add -A && git -C "$N" commit -qm other
printf 'name: Ada Lovelace\norg: Analytical\n' >"$T/x"
run nw-mv -m lovelace ada
is "$rc:$out:$err" "0:ada:nw-mv: max: now names ada" "nw-mv -m: exit 0, keep printed, the namer said"
want <<'EOF'
# from the conference
name: Ada Lovelace
aka: [Ada King, lovelace ADA]
email: [ada@example.org, ADA@example.org, ada@work.example]
tags: [maths, poetry]
phone: "+44 20 7946 0000"
added: 2025-06-01
log:
  - {date: 2026-01-05, kind: call, note: New year}
  - {date: 2026-02-10, kind: email, note: Sent the notes}
  - {date: 2026-03-01, kind: meet}
EOF
same "$N/ada.yaml" "$T/want" "the fold: akas, emails (compared exactly, as the merge does), tags as sets, the new keys where old has them, the log in date order, each entry once"
test ! -e "$N/lovelace.yaml"; ok $? "old is gone"
is "$(cat "$N/max.yaml")" "name: Max Byron
phone: 020 7946 0000
met: {where: Ball, via: ada}
rel: {friend: [ada, king]}" "met.via and rel name keep"
is "$(git -C "$N" log -1 --format=%s)" "Fold lovelace into ada" "one commit"
is "$(git -C "$N" status --porcelain)" "" "... holding every change"

printf 'name: Ada\norg: Analytical\n' >"$N/ada2.yaml"
printf 'name: Ada L\norg: Engines\n' >"$N/ada3.yaml"
run nw-mv -m ada3 ada2
is "$rc:$err" "1:nw-mv: 'ada3' and 'ada2' differ in org: nothing folded (-f old or -f keep says whose stays)" \
	"a scalar on both sides: refused, said"
test -e "$N/ada3.yaml"; ok $? "... nothing removed"
run nw-mv -m -f old ada3 ada2
is "$(cat "$N/ada2.yaml")" "name: Ada
aka: [Ada L]
org: Engines" "-f old: old's value stays"
run nw-mv -m -f x ada2 ada
is "$rc" "2" "-f takes old or keep"
run nw-mv -f old ada2 ada
is "$rc" "2" "-f without -m: usage"
run nw-mv -m ada ada
is "$rc" "2" "one contact: nothing to fold"

# --- two clones: a fold on one, a log with old on the other ---------------
if command -v git >/dev/null; then
	git_ready
	nw-init -g "$A" >/dev/null
	printf 'name: Ada Lovelace\nlog:\n  - {date: 2026-01-05, kind: call}\n' >"$A/ada.yaml"
	printf 'name: Ada King\nlog:\n  - {date: 2026-02-01, kind: meet}\n' >"$A/king.yaml"
	git -C "$A" add -A && git -C "$A" commit -qm start
	git_share
	nw-init -g "$B" >/dev/null
	nw-mv -C "$A" -m king ada >/dev/null 2>&1
	git -C "$A" push -q
	nw-log -C "$B" -k call -m 'From the desktop' king >/dev/null 2>&1
	run git -C "$B" pull -q --no-rebase
	is "$rc" "1" "fold there, log with old here: the pull stops (modify/delete), git says so"
	is "$(git -C "$B" status --porcelain)" "M  ada.yaml
UD king.yaml" "ada merged, king.yaml unmerged: deleted by them, logged here"
	is "$(grep -c 'From the desktop' "$B/king.yaml")" "1" \
		"the entry logged here is still in king.yaml: nothing lost"
	is "$(cat "$B/ada.yaml")" "name: Ada Lovelace
log:
  - {date: 2026-01-05, kind: call}
  - {date: 2026-02-01, kind: meet}
aka: [Ada King]" "ada has the fold"
	# settle it: fold again here, which takes the new entry into ada
	run nw-mv -C "$B" -m king ada
	is "$rc:$out" "0:ada" "nw-mv -m again folds what was logged here"
	is "$(grep -c 'From the desktop' "$B/ada.yaml")" "1" "the entry is in ada now"
	test ! -e "$B/king.yaml"; ok $? "king is gone"
else
	skip "git is not installed"
fi

done_testing
