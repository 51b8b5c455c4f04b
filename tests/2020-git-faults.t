#!/bin/sh
# When git is not where nw expects it, or is busy, nothing is lost and
# nothing is silent: the merge driver is found by its absolute path, an
# un-merged contact is refused, a stale index.lock and a merge in progress
# are said, the first commit of nw-init -g takes the whole network.
. "$(dirname "$0")/lib.sh"

need_git
BIN=$(cd "$NW_BIN" && pwd -P)

head1() { git -C "$1" log -1 --format=%s; }

# --- nw-init -g on an existing network: the first commit takes it all -----

mknet laptop
printf 'name: Ada Lovelace\nlog:\n  - {date: 2026-11-01, kind: call}\n' \
	>"$A/ada-lovelace.yaml"
mkdir "$A/work"
printf 'name: Grace Hopper\n' >"$A/work/grace-hopper.yaml"
printf 'name: Broken\nlog: [\n' >"$A/broken.yaml"
run nw-init -g "$A"
is "$rc" 0 "nw-init -g on a network with contacts: exit 0"
is "$err" "$A/broken.yaml:3:1: error: did not find expected node content while parsing a flow node
nw-init: 1 contact left out of the first commit: mend them, then commit" \
	"the contact that does not pass nw-check is said"
is "$(head1 "$A")" "Start the network with 2 contacts" "the first commit's message"
is "$(git -C "$A" show --name-only --format= HEAD)" ".gitattributes
.gitignore
.nw.yaml
ada-lovelace.yaml
work/grace-hopper.yaml" "it holds the set-up files and every valid contact"
is "$(git -C "$A" status --porcelain)" "?? broken.yaml" "the broken one is left"
rm "$A/broken.yaml"
is "$(git -C "$A" config pull.rebase)" "false" \
	"pull.rebase=false: a pull merges through nw-merge"
is "$(git -C "$A" config merge.nw.driver)" "'$BIN/nw-merge' %O %A %B" \
	"the merge driver by its absolute path"
head -3 "$A/.git/hooks/pre-commit" | tail -1 >"$T/got"
printf "check='%s' merge='%s'\n" "$BIN/nw-check" "$BIN/nw-merge" >"$T/want"
same "$T/got" "$T/want" "the hook names nw-check and nw-merge by absolute path"

# from the folder above, the network named relatively: git runs in the
# network, so the list of the first commit is named from there
mkdir "$T/rel"
printf 'name: Rel Ative\n' >"$T/rel/rel-ative.yaml"
run sh -c "cd '$T' && NW_DIR=rel nw-init -g"
is "$rc:$err" "0:" "nw-init -g on a relative NW_DIR from another folder: exit 0"
is "$(head1 "$T/rel")" "Start the network with 1 contact" "and its first commit takes the contact"

git_share
nw-init -g "$B" >/dev/null
is "$(ls "$B")" "ada-lovelace.yaml
work" "a clone is the whole network"

# --- a merge where nw is not on git's PATH --------------------------------

run env NW_TODAY=2026-11-18 nw-log -C "$A" -k call -m 'From the laptop' ada
git -C "$A" push -q
run env NW_TODAY=2026-11-20 nw-log -C "$B" -k email -m 'From the desktop' ada
# cron, a GUI, an IDE: git runs with a PATH that has no nw
run env PATH=/usr/bin:/bin git -C "$B" pull -q --no-rebase
is "$rc" 0 "a pull with no nw on PATH: the driver is found"
cat >"$T/want" <<'EOF'
name: Ada Lovelace
log:
  - {date: 2026-11-01, kind: call}
  - {date: 2026-11-18, kind: call, note: From the laptop}
  - {date: 2026-11-20, kind: email, note: From the desktop}
EOF
same "$B/ada-lovelace.yaml" "$T/want" "both entries kept"
git -C "$B" push -q
git -C "$A" pull -q --no-rebase

# A driver whose program moved is pointed anew by nw git.
git -C "$B" config merge.nw.driver "'/gone/bin/nw-merge' %O %A %B"
run nw -C "$B" git status --short
is "$rc.$err" "0.nw: the merge driver ran '/gone/bin/nw-merge', which is not there: it now runs '$BIN/nw-merge'" \
	"nw git: a stale driver is said and pointed anew"
is "$(git -C "$B" config merge.nw.driver)" "'$BIN/nw-merge' %O %A %B" \
	"the driver is nw-merge again"
run nw -C "$B" git status --short
is "$rc.$err" "0." "once right, nothing more is said"

# --- a merge whose driver did not run: refused, not committed -------------

run env NW_TODAY=2026-11-21 nw-log -C "$A" -k call -m 'Laptop again' ada
git -C "$A" push -q
run env NW_TODAY=2026-11-22 nw-log -C "$B" -k meet -m 'Desktop again' ada
git -C "$B" config merge.nw.driver 'nw-merge-not-installed %O %A %B'
cp "$B/ada-lovelace.yaml" "$T/ours"
run git -C "$B" pull -q --no-rebase
ok $((rc == 0)) "a missing driver: git stops the merge"
same "$B/ada-lovelace.yaml" "$T/ours" \
	"git left this machine's version, with no conflict markers"
run nw-check -C "$B"
is "$rc.$out" "1.$B/ada-lovelace.yaml: error: unmerged in git: merge it (nw-merge), then git add it" \
	"nw-check: the contact is unmerged"
run git -C "$B" commit -q -am 'Merge'
ok $((rc == 0)) "commit -a: the hook refuses the un-merged contact"
is "$err" "ada-lovelace.yaml: error: not merged: this machine's version only, the other side's changes are missing (merge it again with nw-merge, or commit with --no-verify to keep it so)" \
	"the hook says why"
is "$(head1 "$B")" "Log meet with Ada Lovelace" "no merge commit made"
git -C "$B" merge --abort
git -C "$B" config merge.nw.driver "'$BIN/nw-merge' %O %A %B"
run git -C "$B" pull -q --no-rebase
is "$rc" 0 "with the driver back, the pull merges"
tail -2 "$B/ada-lovelace.yaml" >"$T/got"
printf '  - {date: 2026-11-21, kind: call, note: Laptop again}\n  - {date: 2026-11-22, kind: meet, note: Desktop again}\n' >"$T/want"
same "$T/got" "$T/want" "and both entries are there"
git -C "$B" push -q
git -C "$A" pull -q --no-rebase

# --- autocommit while git is busy -----------------------------------------

# A stale index.lock: said once, with git's words; the write itself stands.
: >"$B/.git/index.lock"
run env NW_TODAY=2026-11-23 nw-log -C "$B" -k call ada work/grace
is "$rc.$out" "0.ada-lovelace
work/grace-hopper" "a stale index.lock: the contacts are logged"
is "$err" "nw-log: nothing committed: git add: fatal: Unable to create '$B/.git/index.lock': File exists." \
	"git's reason, said once"
rm "$B/.git/index.lock"
run env NW_TODAY=2026-11-23 nw-log -C "$B" -k note -m later ada work/grace
is "$rc.$err.$(git -C "$B" status --porcelain)" "0.." \
	"once the lock is gone, the next command commits all of it"

# During a merge: nothing staged, nothing committed, and said.
run env NW_TODAY=2026-11-24 nw-log -C "$A" -k call ada
git -C "$A" push -q
printf 'name: Ada Lovelace\norg: Desk\n' >"$T/x"
edit_org() { awk '{ print } /^name:/ { print "org: Desktop" }' "$B/ada-lovelace.yaml" >"$T/x" && cat "$T/x" >"$B/ada-lovelace.yaml"; }
edit_org
git -C "$B" commit -q -am 'Org'
git -C "$B" fetch -q
git -C "$B" merge -q --no-commit --no-ff origin/main >/dev/null 2>&1
test -f "$B/.git/MERGE_HEAD"
ok $? "a merge in progress"
before=$(git -C "$B" rev-parse HEAD)
run env NW_TODAY=2026-11-24 nw-log -C "$B" -k email work/grace
is "$rc.$out" "0.work/grace-hopper" "during a merge: the contact is logged"
is "$err" "nw-log: git is in the middle of a merge: nothing committed (finish it, then commit)" \
	"it says why nothing is committed"
is "$(git -C "$B" rev-parse HEAD)" "$before" "no commit in the middle of the merge"
is "$(git -C "$B" diff --cached --name-only -- work)" "" "nothing staged"
git -C "$B" merge --abort
git -C "$B" checkout -q -- .

# During a rebase: the same.
git -C "$B" rebase -q origin/main >/dev/null 2>&1
git -C "$B" rebase -q -x false HEAD~1 >/dev/null 2>&1
if [ -d "$B/.git/rebase-merge" ] || [ -d "$B/.git/rebase-apply" ]; then
	before=$(git -C "$B" rev-parse HEAD)
	run env NW_TODAY=2026-11-24 nw-log -C "$B" -k email work/grace
	is "$err" "nw-log: git is in the middle of a rebase: nothing committed (finish it, then commit)" \
		"during a rebase: said"
	is "$(git -C "$B" rev-parse HEAD)" "$before" "no commit in the middle of the rebase"
	git -C "$B" rebase --abort
	git -C "$B" checkout -q -- .
else
	skip "could not stop a rebase half-way"
fi

# nw-edit mends a conflicted file: its id resolves though it does not parse.
printf 'name: Charles Babbage\n<<<<<<< ours\norg: A\n=======\norg: B\n>>>>>>> theirs\n' \
	>"$B/charles-babbage.yaml"
cat >"$T/fix" <<'EOF'
#!/bin/sh
printf 'name: Charles Babbage\norg: B\n' >"$1"
EOF
chmod +x "$T/fix"
run env EDITOR="$T/fix" nw-edit -C "$B" charles
is "$rc.$out" "0.charles-babbage" "nw-edit charles finds the conflicted file"
printf 'name: Charles Babbage\norg: B\n' >"$T/want"
same "$B/charles-babbage.yaml" "$T/want" "and saves the mended file"
run nw-log -C "$B" -k call charles
is "$rc.$out" "0.charles-babbage" "then the name resolves as usual"

# With SIGCHLD ignored, autocommit neither spins nor loses its status.
if command -v perl >/dev/null; then
	run timeout 20 perl -e '$SIG{CHLD} = "IGNORE"; exec @ARGV' \
		nw-log -C "$B" -k call -m 'no spin' ada
	is "$rc.$out.$err" "0.ada-lovelace." "SIGCHLD ignored: nw-log finishes"
	is "$(head1 "$B")" "Log call with Ada Lovelace" "and commits"
fi

done_testing
