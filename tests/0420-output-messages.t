#!/bin/sh
# Messages that say what is wrong and what to do: a contact with a merge's
# conflict markers, a modify/delete conflict, a symlinked .nw/lock, a
# network that is another user's.
. "$(dirname "$0")/lib.sh"

MARKERS="unresolved conflict markers of a merge: keep the lines you want, delete the marker lines, then git add the file (nw-merge(1))"

mknet n
N=$NW_DIR

# --- conflict markers ----------------------------------------------------
printf 'name: Ada\n<<<<<<< ours (this machine)\norg: X\n=======\norg: Y\n>>>>>>> theirs\n' \
    >"$N/ada.yaml"
printf '<<<<<<< HEAD\nname: Bo\n=======\nname: Bo B\n>>>>>>> 1a2b3c\n' >"$N/bo.yaml"
printf 'name: Cy\nlog:\n<<<<<<< HEAD\n  - {date: 2026-01-01}\n||||||| base\n=======\n  - {date: 2026-01-02}\n>>>>>>> theirs\n' \
    >"$N/cy.yaml"
cp "$N/ada.yaml" "$T/ada.orig"
run nw-check ada bo cy
is "$rc:$out" "1:$N/ada.yaml:2:1: error: $MARKERS
$N/bo.yaml:1:1: error: $MARKERS
$N/cy.yaml:3:1: error: $MARKERS" "nw-check: the markers, where the first one is"
run nw-log -k call ada
is "$rc:$out:$err" "1::$N/ada.yaml:2:1: $MARKERS" "nw-log: refused, said the same"
same "$N/ada.yaml" "$T/ada.orig" "the file is untouched"
run nw-show bo
is "$rc:$err" "1:$N/bo.yaml:1:1: $MARKERS" "nw-show: the same"
# a file that parses is not about markers, whatever its text holds
printf 'name: Di\nnotes: |\n  <<<<<<< not at the start of the line\n' >"$N/di.yaml"
run nw-check di
is "$rc:$out" "0:" "a note that quotes a marker is fine"
# nor is a file broken otherwise
printf 'name: Ed\norg: [x\n' >"$N/ed.yaml"
run nw-check ed
is "$rc:$out" "1:$N/ed.yaml:3:1: error: did not find expected ',' or ']' while parsing a flow sequence" \
    "another parse error is said as before"
rm -f "$N/ada.yaml" "$N/bo.yaml" "$N/cy.yaml" "$N/di.yaml" "$N/ed.yaml"

# --- a symlinked .nw/lock ------------------------------------------------
printf 'name: Ada Lovelace\n' >"$N/ada.yaml"
cp "$N/ada.yaml" "$T/ada.orig"
rm -f "$N/.nw/lock"
ln -s "$T/elsewhere" "$N/.nw/lock"
run nw-log -k call ada
is "$rc:$out:$err" "1::nw-log: '$N/.nw/lock': not a file of yours (a symlink): remove it" \
    "nw-log: the symlink said, as for .nw/tmp"
test ! -e "$T/elsewhere"
ok $? "nothing made where it points"
same "$N/ada.yaml" "$T/ada.orig" "the contact is untouched"
ln -s "$N/ada.yaml" "$T/lock-to-ada"
rm "$N/.nw/lock"
ln -s "$T/lock-to-ada" "$N/.nw/lock"
run nw-add 'Grace Hopper'
is "$rc:$out:$err" "1::nw-add: '$N/.nw/lock': not a file of yours (a symlink): remove it" \
    "nw-add, a symlink to a contact: the same"
test ! -e "$N/grace-hopper.yaml"
ok $? "nothing added"
rm "$N/.nw/lock"

# --- a modify/delete conflict --------------------------------------------
if command -v git >/dev/null; then
	git config --global init.defaultBranch main
	mknet g
	G=$NW_DIR
	nw-init -g "$G" >/dev/null 2>&1
	printf 'name: Ada Lovelace\n' >"$G/ada.yaml"
	printf 'name: Bo\n' >"$G/bo.yaml"
	git -C "$G" add ada.yaml bo.yaml && git -C "$G" commit -qm two
	git -C "$G" checkout -q -b other
	nw-rm ada >/dev/null 2>&1
	nw-log -k call bo >/dev/null 2>&1
	git -C "$G" checkout -q main
	nw-log -k call ada >/dev/null 2>&1
	NW_TODAY=2026-11-24 nw-log -k email bo >/dev/null 2>&1
	git -C "$G" merge -q other >/dev/null 2>&1
	run nw-check ada bo
	is "$rc:$out" "1:$G/ada.yaml: error: unmerged in git: deleted on one side, changed on the other: keep it (git add) or remove it (git rm)" \
	    "modify/delete: git add or git rm"
	git -C "$G" merge --abort
	# the other way round: deleted here, changed there
	git -C "$G" checkout -q other
	git -C "$G" merge -q main >/dev/null 2>&1
	run nw-check ada
	is "$rc:$out" "1:$G/ada.yaml: error: unmerged in git: deleted on one side, changed on the other: keep it (git add) or remove it (git rm)" \
	    "delete/modify: the same"
	git -C "$G" merge --abort
	NW_DIR=$N
else
	skip "git is not installed: a modify/delete conflict"
	skip "git is not installed: a delete/modify conflict"
fi

# --- another user's network ----------------------------------------------
other=$(id -un nobody 2>/dev/null)
if [ "$(id -u)" -eq 0 ] && [ -n "$other" ]; then
	mknet theirs
	O=$NW_DIR
	printf 'name: Ada Lovelace\n' >"$O/ada.yaml"
	rm -rf "$O/.nw"
	chown -R nobody "$O"
	cp "$O/ada.yaml" "$T/theirs.orig"
	run nw-log -k call ada
	is "$rc:$out:$err" "1::nw-log: '$O': the network of nobody, not yours: nothing done (run nw as nobody)" \
	    "root on another's network: refused, whose it is said"
	same "$O/ada.yaml" "$T/theirs.orig" "the contact is untouched"
	test ! -e "$O/.nw"
	ok $? "no .nw of root's made in it"
	mkdir "$O/.nw" && chown nobody "$O/.nw"
	run nw-add 'Grace Hopper'
	is "$rc:$out:$err" "1::nw-add: '$O': the network of nobody, not yours: nothing done (run nw as nobody)" \
	    "nw-add, with its .nw: the same"
	is "$(ls "$O")" "ada.yaml" "nothing added"
	# our network with a .nw of another's: that .nw is what is wrong
	NW_DIR=$N
	rm -rf "$N/.nw"
	mkdir "$N/.nw" && chown nobody "$N/.nw"
	run nw-log -k call ada
	is "$rc:$out:$err" "1::nw-log: '$N/.nw': not a folder of yours (another owner): remove it" \
	    "a .nw of another's in our network: remove it"
else
	skip "not root, or no user nobody: another user's network"
fi

done_testing
