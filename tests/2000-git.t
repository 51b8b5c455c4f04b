#!/bin/sh
# Two machines share a network through git: autocommit, nw-merge as the
# merge driver on git pull, the pre-commit check, nw git, nw-init -g in a
# fresh clone.  Real git: a bare origin and two clones in $T.
. "$(dirname "$0")/lib.sh"

need_git

# snap DIR FILE: every file below DIR but .git and .nw, mode and checksum
snap() {
	(cd "$1" && find . \( -path ./.git -o -path ./.nw \) -prune -o -print |
	    LC_ALL=C sort | while IFS= read -r f; do
		printf '%s %s\n' "$(stat -c %a "$f")" "$f"
		test -f "$f" && cksum <"$f"
	done) >"$2"
}

# edit FILE AWK-PROGRAM: a hand edit, as in the user's editor
edit() {
	awk "$2" "$1" >"$T/.edit" && cat "$T/.edit" >"$1"
}

head1() {
	git -C "$1" log -1 --format=%s
}

# --- the laptop starts the network, the desktop clones it ------------------

run nw-init -g "$A"
is "$rc:$err" "0:" "laptop: nw-init -g"
run env NW_TODAY=2026-11-01 nw-add -C "$A" -c close -E ada@example.org \
    'Ada Lovelace'
is "$rc:$out:$err" "0:ada-lovelace:" "laptop: nw-add"
is "$(head1 "$A")" "Add Ada Lovelace" "laptop: nw-add commits 'Add Ada Lovelace'"
git_share
snap "$B" "$T/before"
run nw-init -g "$B"
is "$rc:$out:$err" "0:$B:" "clone: nw-init -g"
is "$(git -C "$B" config merge.nw.driver)" "'$(cd "$NW_BIN" && pwd -P)/nw-merge' %O %A %B" \
    "clone: the merge driver is set"
test -x "$B/.git/hooks/pre-commit" &&
    cmp -s "$B/.git/hooks/pre-commit" "$A/.git/hooks/pre-commit"
ok $? "clone: the pre-commit hook is installed"
snap "$B" "$T/after"
same "$T/after" "$T/before" "clone: no file touched"
is "$(git -C "$B" status --porcelain):$(head1 "$B")" ":Add Ada Lovelace" \
    "clone: clean, no new commit"

# --- both machines log to the same person, then pull ---------------------

run env NW_TODAY=2026-11-18 nw-log -C "$A" -k call -m 'From the laptop' ada
is "$rc:$(head1 "$A")" "0:Log call with Ada Lovelace" \
    "laptop: nw-log commits 'Log call with Ada Lovelace'"
git -C "$A" push -q
run env NW_TODAY=2026-11-20 nw-log -C "$B" -k email -m 'From the desktop' ada
is "$rc:$(head1 "$B")" "0:Log email with Ada Lovelace" "desktop: nw-log commits"
run git -C "$B" pull -q --no-rebase
is "$rc" 0 "both logged: git pull merges with no conflict"
cat >"$T/want" <<'EOF'
name: Ada Lovelace
circle: close
email: ada@example.org
added: 2026-11-01
log:
  - {date: 2026-11-18, kind: call, note: From the laptop}
  - {date: 2026-11-20, kind: email, note: From the desktop}
EOF
same "$B/ada-lovelace.yaml" "$T/want" \
    "both logged: every entry once, in date order"
is "$(git -C "$B" status --porcelain)" "" "both logged: clean work tree"
is "$(git -C "$B" log -1 --format=%p | wc -w | tr -d ' ')" 2 \
    "both logged: a merge commit"
if command -v nw-check >/dev/null; then
	run nw-check -C "$B"
	is "$rc:$out$err" "0:" "both logged: nw-check is clean"
fi
git -C "$B" push -q
run git -C "$A" pull -q --no-rebase
is "$rc" 0 "laptop pulls the merge"
same "$A/ada-lovelace.yaml" "$T/want" "laptop: the same file"

# the same entry logged on both machines is kept once
run env NW_TODAY=2026-12-01 nw-log -C "$A" -k email -m 'Happy new year' ada
git -C "$A" push -q
run env NW_TODAY=2026-12-01 nw-log -C "$B" -k email -m 'Happy new year' ada
run env NW_TODAY=2026-12-02 nw-log -C "$B" -k note -m 'Likes Rust' ada
run git -C "$B" pull -q --no-rebase
is "$rc" 0 "the same entry on both: no conflict"
cat >>"$T/want" <<'EOF'
  - {date: 2026-12-01, kind: email, note: Happy new year}
  - {date: 2026-12-02, kind: note, note: Likes Rust}
EOF
same "$B/ada-lovelace.yaml" "$T/want" "the same entry on both: kept once"
git -C "$B" push -q
git -C "$A" pull -q --no-rebase

# --- a tag on one machine, a log entry on the other ----------------------

edit "$A/ada-lovelace.yaml" '{ print } /^circle:/ { print "tags: [rust]  # hers" }'
git -C "$A" commit -q -am 'Tag Ada'
git -C "$A" push -q
run env NW_TODAY=2026-12-05 nw-log -C "$B" -k meet -m 'Coffee' ada
run git -C "$B" pull -q --no-rebase
is "$rc" 0 "tag and log: no conflict"
cat >"$T/want" <<'EOF'
name: Ada Lovelace
circle: close
tags: [rust]  # hers
email: ada@example.org
added: 2026-11-01
log:
  - {date: 2026-11-18, kind: call, note: From the laptop}
  - {date: 2026-11-20, kind: email, note: From the desktop}
  - {date: 2026-12-01, kind: email, note: Happy new year}
  - {date: 2026-12-02, kind: note, note: Likes Rust}
  - {date: 2026-12-05, kind: meet, note: Coffee}
EOF
same "$B/ada-lovelace.yaml" "$T/want" "tag and log: both kept"
git -C "$B" push -q
git -C "$A" pull -q --no-rebase

# git pull --rebase goes through the driver too
run env NW_TODAY=2026-12-07 nw-log -C "$A" -k call ada
git -C "$A" push -q
run env NW_TODAY=2026-12-06 nw-log -C "$B" -k message ada
run git -C "$B" pull -q --rebase
is "$rc" 0 "pull --rebase: no conflict"
tail -2 "$B/ada-lovelace.yaml" >"$T/got"
printf '  - {date: 2026-12-06, kind: message}\n  - {date: 2026-12-07, kind: call}\n' \
    >"$T/want"
same "$T/got" "$T/want" "pull --rebase: both entries, in date order"
is "$(git -C "$B" log -1 --format=%p | wc -w | tr -d ' ')" 1 \
    "pull --rebase: history stays linear"
git -C "$B" push -q
git -C "$A" pull -q --no-rebase

# --- both change the title: a conflict; email lists merge ----------------

cp "$A/ada-lovelace.yaml" "$T/agreed"
edit "$A/ada-lovelace.yaml" '/^email:/ { $0 = "email: ada@laptop.example" }
    /^added:/ { print "title: Countess" } { print }'
git -C "$A" commit -q -am 'New email'
git -C "$A" push -q
edit "$B/ada-lovelace.yaml" '/^email:/ { $0 = "email: [ada@desktop.example, ada@example.org]" }
    /^added:/ { print "title: Mathematician" } { print }'
git -C "$B" commit -q -am 'Another email'
run env NW_TODAY=2026-12-08 nw-log -C "$A" -k call ada
git -C "$A" push -q
run git -C "$B" pull -q --no-rebase
ok $((rc == 0)) "both changed the title: git pull fails"
case $err in
*"nw-merge: 'title': changed on both sides"*) ok 0 "both changed the title: nw-merge names the key" ;;
*) ok 1 "both changed the title: nw-merge names the key"; echo "# $err" ;;
esac
# email: ours's addresses but the one theirs replaced, then theirs's new one
cat >"$T/want" <<'EOF'
name: Ada Lovelace
circle: close
tags: [rust]  # hers
email: [ada@desktop.example, ada@laptop.example]
<<<<<<< ours (this machine)
title: Mathematician
=======
title: Countess
>>>>>>> theirs (origin/main)
added: 2026-11-01
log:
  - {date: 2026-11-18, kind: call, note: From the laptop}
  - {date: 2026-11-20, kind: email, note: From the desktop}
  - {date: 2026-12-01, kind: email, note: Happy new year}
  - {date: 2026-12-02, kind: note, note: Likes Rust}
  - {date: 2026-12-05, kind: meet, note: Coffee}
  - {date: 2026-12-06, kind: message}
  - {date: 2026-12-07, kind: call}
  - {date: 2026-12-08, kind: call}
EOF
same "$B/ada-lovelace.yaml" "$T/want" \
    "both changed the title: that key between markers, the rest merged"
is "$(git -C "$B" status --porcelain)" "UU ada-lovelace.yaml" \
    "both changed the title: the file is unmerged"

if command -v nw-check >/dev/null; then
	git -C "$B" add ada-lovelace.yaml
	run git -C "$B" commit -q --no-edit
	ok $((rc == 0)) "a file with conflict markers cannot be committed"
else
	echo "# nw-check is not installed: the pre-commit hook checks nothing"
fi
grep -v -e '^<<<<<<<' -e '^=======' -e '^>>>>>>>' -e Countess \
    "$B/ada-lovelace.yaml" >"$T/resolved"
cat "$T/resolved" >"$B/ada-lovelace.yaml"
git -C "$B" add ada-lovelace.yaml
run git -C "$B" commit -q --no-edit
is "$rc" 0 "resolved by hand: the merge commits"
git -C "$B" push -q
git -C "$A" pull -q --no-rebase

# --- the pre-commit hook --------------------------------------------------

if command -v nw-check >/dev/null; then
	head=$(git -C "$B" rev-parse HEAD)
	printf 'name: Zed\nlog: [\n' >"$B/zed.yaml"
	git -C "$B" add zed.yaml
	run git -C "$B" commit -q -m 'Add Zed'
	ok $((rc == 0)) "hook: a broken file cannot be committed"
	case $err in
	*zed.yaml:3:1:*) ok 0 "hook: nw-check says where" ;;
	*) ok 1 "hook: nw-check says where"; echo "# $err" ;;
	esac
	is "$(git -C "$B" rev-parse HEAD)" "$head" "hook: no commit made"
	run env NW_TODAY=2026-12-09 nw-log -C "$B" -k call ada
	is "$rc:$err" "0:" "hook: nw-log commits beside a broken staged file"
	is "$(git -C "$B" show --name-only --format=%s HEAD)" "Log call with Ada Lovelace

ada-lovelace.yaml" "hook: the commit holds the logged file only"
	is "$(git -C "$B" status --porcelain)" "A  zed.yaml" \
	    "hook: the broken file is still staged, uncommitted"
	git -C "$B" rm -q -f zed.yaml
	printf 'default: 6m\n' >>"$B/.nw.yaml"
	run git -C "$B" commit -q -m 'Settings' -- .nw.yaml
	is "$rc:$err" "0:" "hook: settings are no contact, and commit"
else
	skip "nw-check is not installed: hook tests"
fi

# --- autocommit: exactly the changed files -------------------------------

run nw-add -C "$B" 'Grace Hopper'
edit "$B/grace-hopper.yaml" '{ print } END { print "org: US Navy" }'
git -C "$B" add grace-hopper.yaml
printf 'mine\n' >"$B/notes.txt"
git -C "$B" add notes.txt
git -C "$B" diff --cached >"$T/staged"
run env NW_TODAY=2026-12-10 nw-give -C "$B" -m 'A book' ada
is "$rc:$out:$err" "0:ada-lovelace:" "staged: nw-give"
is "$(git -C "$B" show --name-only --format=%s HEAD)" "Log give to Ada Lovelace

ada-lovelace.yaml" "staged: the commit holds the given-to file only"
is "$(git -C "$B" status --porcelain)" "M  grace-hopper.yaml
A  notes.txt" "staged: the user's files stay staged"
git -C "$B" diff --cached >"$T/still"
same "$T/still" "$T/staged" "staged: exactly as the user staged them"
git -C "$B" commit -q -m 'Grace at the Navy, notes'

printf 'autocommit: false\n' >>"$B/.nw.yaml"
git -C "$B" commit -q -m 'No autocommit' -- .nw.yaml
run env NW_TODAY=2026-12-11 nw-log -C "$B" -k call ada grace
is "$rc:$err" "0:" "autocommit false: nw-log"
is "$(head1 "$B")" "No autocommit" "autocommit false: no commit"
is "$(git -C "$B" status --porcelain)" " M ada-lovelace.yaml
 M grace-hopper.yaml" "autocommit false: the changes are left to the user"
git -C "$B" checkout -q -- .
edit "$B/.nw.yaml" '!/^autocommit: false$/'
git -C "$B" commit -q -am 'Autocommit again'

mkdir "$T/nogit"
run env PATH="$NW_BIN:$T/nogit" NW_TODAY=2026-12-12 nw-log -C "$B" -k call ada
is "$rc:$out:$err" "0:ada-lovelace:" "no git installed: no error"
is "$(git -C "$B" status --porcelain):$(head1 "$B")" \
    " M ada-lovelace.yaml:Autocommit again" "no git installed: no commit"
git -C "$B" checkout -q -- .

mknet plain
run nw-add 'Alan Turing'
run env NW_TODAY=2026-12-12 nw-log -k call alan
is "$rc:$out:$err" "0:alan-turing:" "not a repository: no error"
test ! -e "$NW_DIR/.git"
ok $? "not a repository: none is made"
unset NW_DIR

# a network inside a larger repository that ignores it, as $HOME's
mkdir "$T/home2"
git -C "$T/home2" init -q
printf '.local/\n' >"$T/home2/.gitignore"
git -C "$T/home2" add .gitignore
git -C "$T/home2" commit -q -m 'Dot files'
run env HOME="$T/home2" nw-init
run env HOME="$T/home2" nw-add 'Alan Turing'
is "$rc:$out:$err" "0:alan-turing:" "an ignored network: no error"
is "$(head1 "$T/home2"):$(git -C "$T/home2" status --porcelain)" \
    "Dot files:" "an ignored network: nothing committed, nothing staged"

# --- a removal killed before its commit --------------------------------------
# nw-rm, nw-mv and nw-mv -m remove the old file last, then commit.  A kill
# between the two leaves the removal in the work tree alone; the same
# command again finds no contact to work on, so nw-check says it, with
# the command that commits it.  Here the kill is real: a git that kills
# its caller when asked to commit.
mkdir "$T/killer"
printf '#!/bin/sh\ncase " $* " in *" commit "*) kill -9 $PPID; exit 1 ;; esac\nexec %s "$@"\n' \
    "$(command -v git)" >"$T/killer/git"
chmod +x "$T/killer/git"
run nw-init -g "$T/cut"
N=$T/cut
for who in 'Ada Lovelace' 'Ada King' 'Bob Hart' 'Cy Vale'; do
	run nw-add -C "$N" -E "$(echo "$who" | tr 'A-Z ' 'a-z.')@example.org" \
	    "$who"
done
run env PATH="$T/killer:$PATH" nw-rm -C "$N" bob-hart
is "$rc:$out" "137:bob-hart" "killed before its commit: nw-rm removed bob-hart"
run env PATH="$T/killer:$PATH" nw-mv -C "$N" cy-vale cy
is "$rc:$out" "137:" "killed before its commit: nw-mv (it prints after)"
run env PATH="$T/killer:$PATH" nw-mv -C "$N" -m -f keep ada-king ada-lovelace
is "$rc:$out" "137:" "killed before its commit: nw-mv -m (it prints after)"
is "$(cd "$N" && ls):$(git -C "$N" status --porcelain)" "ada-lovelace.yaml
cy.yaml:D  ada-king.yaml
 M ada-lovelace.yaml
D  bob-hart.yaml
D  cy-vale.yaml
?? cy.yaml" "killed before its commit: each old file gone (staged), nothing committed"
run nw-rm -C "$N" bob-hart
is "$rc:$err" "1:nw-rm: 'bob-hart': no such contact" \
    "killed before its commit: nw-rm again finds nothing to remove"
cut_said() {
	printf '%s/%s.yaml: warning: removed and not committed (a command cut short, or by hand): nw git commit -- '"'"'%s.yaml'"'"' commits it\n' \
	    "$N" "$1" "$1"
}
run nw-check -C "$N"
is "$rc:$out:$err" "0:$(cut_said ada-king; cut_said bob-hart; cut_said cy-vale):" \
    "killed before its commit: nw-check says each removal left uncommitted"
run nw-check -q -C "$N"
is "$rc:$out:$err" "0::" "killed before its commit: not with -q (the hook's)"
run nw-check -C "$N" cy
is "$rc:$out:$err" "0::" "killed before its commit: not of contacts named"
run nw -C "$N" git commit -q -m 'Remove Bob Hart' -- bob-hart.yaml
is "$rc:$err" "0:" "killed before its commit: the command it says commits it"
is "$(git -C "$N" status --porcelain -- bob-hart.yaml):$(git_subjects 1)" \
    ":Remove Bob Hart" "killed before its commit: bob-hart's removal committed"
git -C "$N" add -A && git -C "$N" commit -q -m 'By hand'
run nw-check -C "$N"
is "$rc:$out:$err" "0::" "removals committed: nw-check has nothing to say"
rm "$N/cy.yaml"
run nw-check -C "$N"
is "$rc:$out" "0:$(cut_said cy)" "a removal by hand is said alike"
printf 'autocommit: false\n' >>"$N/.nw.yaml"
run nw-check -C "$N"
is "$rc:$out" "0:" "autocommit false: an uncommitted removal is the user's"
unset N

# --- nw git --------------------------------------------------------------

run nw -C "$B" git log -1 --format=%s
is "$rc:$out" "0:Autocommit again" "nw git runs git in the network"
run env NW_DIR="$A" nw git rev-parse --show-toplevel
is "$rc:$out" "0:$A" "nw git: the network from NW_DIR"
run env GIT_DIR="$A/.git" nw -C "$B" git log -1 --format=%s
is "$rc:$out" "0:Autocommit again" "nw git: GIT_DIR is ignored"

done_testing
