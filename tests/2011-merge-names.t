#!/bin/sh
# The conflict markers of nw-merge, run by git as the merge driver, name
# the sides: this machine, and what git merges in.  Real git: a bare
# origin and two clones in $T; both change org, so every merge conflicts.
. "$(dirname "$0")/lib.sh"

need_git

# driver DIR: nw-merge as the merge driver of *.yaml, as nw-init -g does
driver() {
	git -C "$1" config merge.nw.driver 'nw-merge %O %A %B'
}

git init -q "$A"
printf '*.yaml merge=nw\n' >"$A/.gitattributes"
printf 'name: Ada\norg: X\n' >"$A/ada.yaml"
git -C "$A" add .gitattributes ada.yaml
git -C "$A" commit -q -m 'Add Ada'
git_share
driver "$A"
driver "$B"
printf 'name: Ada\norg: Laptop\n' >"$A/ada.yaml"
git -C "$A" commit -q -am 'Laptop'
git -C "$A" push -q
printf 'name: Ada\norg: Desktop\n' >"$B/ada.yaml"
git -C "$B" commit -q -am 'Desktop'
git -C "$B" tag desktop

# back DIR: the desktop as it was before the merge, nothing in progress
back() {
	git -C "$B" merge --abort 2>/dev/null
	git -C "$B" rebase --abort 2>/dev/null
	git -C "$B" reset -q --hard desktop
}

# want OURS THEIRS: the file with the org of each side, markers so named
want() {
	printf 'name: Ada\n<<<<<<< %s\norg: %s\n=======\norg: %s\n>>>>>>> %s\n' \
	    "$1" "$2" "$3" "$4" >"$T/want"
}

run git -C "$B" pull -q --no-rebase
is "$rc" 1 "git pull: a conflict"
want 'ours (this machine)' Desktop Laptop 'theirs (origin/main)'
same "$B/ada.yaml" "$T/want" "git pull: theirs is the remote branch"
back

run git -C "$B" pull -q --rebase
is "$rc" 1 "git pull --rebase: a conflict"
want 'ours (origin/main)' Laptop Desktop 'theirs (this machine)'
same "$B/ada.yaml" "$T/want" \
    "git pull --rebase: the sides turn round, ours is the remote branch"
back

git -C "$B" branch -q laptop origin/main
run git -C "$B" merge -q laptop
is "$rc" 1 "git merge BRANCH: a conflict"
want 'ours (this machine)' Desktop Laptop 'theirs (laptop)'
same "$B/ada.yaml" "$T/want" "git merge BRANCH: the branch's name"
back

# a pull from an address with no remote-tracking branch: FETCH_HEAD says
git -C "$B" update-ref -d refs/remotes/origin/main
run git -C "$B" pull -q --no-rebase "$O" main
is "$rc" 1 "git pull ADDRESS: a conflict"
want 'ours (this machine)' Desktop Laptop "theirs (branch 'main' of $T/origin)"
same "$B/ada.yaml" "$T/want" "git pull ADDRESS: as FETCH_HEAD says it"
back

git -C "$B" fetch -q
run git -C "$B" cherry-pick origin/main
is "$rc" 1 "git cherry-pick: a conflict"
want 'ours (this machine)' Desktop Laptop 'theirs'
same "$B/ada.yaml" "$T/want" "git cherry-pick: nothing names theirs"
git -C "$B" cherry-pick --abort

done_testing
