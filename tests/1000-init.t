#!/bin/sh
. "$(dirname "$0")/lib.sh"
# nw-init: folders, settings, .gitignore, running again, -g and git

mode() {
	stat -c %a "$1"
}

# snap DIR FILE: every file below DIR (but .git and .nw) with its mode and
# a checksum of its bytes
snap() {
	(cd "$1" && find . \( -path ./.git -o -path ./.nw \) -prune -o -print | LC_ALL=C sort |
	    while IFS= read -r f; do
		printf '%s %s\n' "$(stat -c %a "$f")" "$f"
		test -f "$f" && cksum <"$f"
	done) >"$2"
}

VERSION=$(sed -n 's/^#define[	 ]*NW_VERSION[	 ]*"\(.*\)"$/\1/p' \
    "$TOP/src/nw.h")
USAGE='usage: nw-init [-g] [-C dir] [dir]'

cat >"$T/settings" <<'EOF'
# nw settings: see nw(5).  Uncomment a line to change it.
#
# How often to be in touch, by circle; a contact's `every:` wins.
# circles: {inner: 3w, close: 2m, regular: 6m, outer: 1y}
#
# The cadence of a contact with neither `every` nor `circle`.
# default: 1y
#
# How far ahead nw-due -b shows birthdays and dates.
# birthdays: 7d
#
# The longest anyone should go without contact (nw-stats).
# floor: 1y
#
# What you can do for people, when they have no `offers:` of their own.
# offers: [a reference, spreading the word]
#
# Commit each change when the network is a git repository.
# autocommit: true
EOF
printf '.nw\n' >"$T/gitignore"

# --- a fresh network ------------------------------------------------------

D=$T/net
old_umask=$(umask)
umask 000
run nw-init "$D"
umask "$old_umask"
is "$rc" 0 "fresh: exit 0"
is "$out" "$D" "fresh: prints the network folder"
is "$err" "" "fresh: nothing on stderr"
is "$(mode "$D")" 700 "fresh: the folder is 0700 (under umask 000)"
is "$(mode "$D/.nw")" 700 "fresh: .nw/ is 0700"
is "$(mode "$D/.nw.yaml")" 600 "fresh: .nw.yaml is 0600"
is "$(mode "$D/.gitignore")" 600 "fresh: .gitignore is 0600"
same "$D/.nw.yaml" "$T/settings" "fresh: .nw.yaml holds the defaults, commented"
same "$D/.gitignore" "$T/gitignore" "fresh: .gitignore holds .nw"
is "$(cd "$D" && ls -A | tr '\n' ' ')" ".gitignore .nw .nw.yaml " \
    "fresh: no other file (no .git without -g)"
is "$(python3 -c 'import sys, yaml; print(repr(yaml.safe_load(open(sys.argv[1]))))' \
    "$D/.nw.yaml")" "None" ".nw.yaml parses, and only comments (no key set)"

# --- running again changes nothing ---------------------------------------

printf 'name: Ada Lovelace\nadded: 2026-01-01\n' >"$D/ada-lovelace.yaml"
printf 'default: 6m\n' >>"$D/.nw.yaml"
snap "$D" "$T/before"
run nw-init "$D"
is "$rc:$out:$err" "0:$D:" "again: exit 0"
snap "$D" "$T/after"
same "$T/after" "$T/before" "again: every file and mode as it was (edited settings kept)"

# an existing folder keeps its mode
mkdir -m 755 "$T/open"
run nw-init "$T/open"
is "$rc" 0 "existing folder: exit 0"
is "$(mode "$T/open")" 755 "existing folder: its mode is kept"
is "$(mode "$T/open/.nw")" 700 "existing folder: .nw/ is 0700"

# --- an existing .gitignore ---------------------------------------------

# gi NAME CONTENT WANT DESC
gi() {
	mkdir "$T/$1"
	printf "$2" >"$T/$1/.gitignore"
	chmod 644 "$T/$1/.gitignore"
	run nw-init "$T/$1"
	is "$rc" 0 "$4: exit 0"
	printf "$3" >"$T/want"
	same "$T/$1/.gitignore" "$T/want" "$4: .gitignore"
	is "$(mode "$T/$1/.gitignore")" 644 "$4: its mode is kept"
}
gi gi1 '*.tmp\nbuild/\n' '*.tmp\nbuild/\n.nw\n' \
    ".gitignore without .nw gets it appended"
gi gi2 '*.tmp' '*.tmp\n.nw\n' \
    ".gitignore without a final newline: .nw on a line of its own"
gi gi3 '*.tmp\n.nw\nbuild/\n' '*.tmp\n.nw\nbuild/\n' \
    ".gitignore with .nw already: unchanged"
gi gi4 '*.tmp\n.nw' '*.tmp\n.nw' \
    ".gitignore with .nw as its last line, no newline: unchanged"
gi gi5 'docs.nw\n' 'docs.nw\n.nw\n' \
    ".gitignore with only docs.nw: .nw still appended"
# .nw/ matches only a folder: a symlink named .nw could be committed
gi gi6 '.nw/\n' '.nw/\n.nw\n' \
    ".gitignore with the older .nw/: .nw appended"

# --- which folder ---------------------------------------------------------

run nw-init
is "$rc:$out" "0:$HOME/.local/share/nw" "no dir: \$HOME/.local/share/nw"
test -d "$HOME/.local/share/nw/.nw"
ok $? "no dir: the network is made there"

XDG_DATA_HOME=$T/xdg
export XDG_DATA_HOME
run nw-init
is "$rc:$out" "0:$T/xdg/nw" "no dir: \$XDG_DATA_HOME/nw"
test -f "$T/xdg/nw/.nw.yaml"
ok $? "no dir: settings under \$XDG_DATA_HOME/nw"

NW_DIR=$T/envdir
export NW_DIR
run nw-init
is "$rc:$out" "0:$T/envdir" "no dir: NW_DIR wins over XDG_DATA_HOME"
test -f "$T/envdir/.nw.yaml"
ok $? "no dir: settings under NW_DIR"

run nw-init -C "$T/copt"
is "$rc:$out" "0:$T/copt" "-C wins over NW_DIR"
test -f "$T/copt/.nw.yaml"
ok $? "-C: settings there"

run nw-init -C "$T/closer" "$T/argdir"
is "$rc:$out" "0:$T/argdir" "a dir argument wins over -C"
test -f "$T/argdir/.nw.yaml" && test ! -e "$T/closer"
ok $? "a dir argument wins over -C: only it is made"
unset NW_DIR XDG_DATA_HOME

# --- usage ---------------------------------------------------------------

run nw-init "$T/u1" "$T/u2"
is "$rc:$out" "2:" "two dirs: exit 2"
is "$err" "$USAGE" "two dirs: usage on stderr"
test ! -e "$T/u1" && test ! -e "$T/u2"
ok $? "two dirs: nothing made"

run nw-init -x "$T/u3"
is "$rc:$out" "2:" "unknown option: exit 2"
is "$(printf '%s\n' "$err" | sed 1d)" "$USAGE" "unknown option: usage after the message"
test ! -e "$T/u3"
ok $? "unknown option: nothing made"

run nw-init -h
is "$rc:$(printf '%s\n' "$out" | sed '/^$/,$d'):$err" "0:$USAGE:" "-h: usage on stdout, exit 0"
run nw-init -V
is "$rc:$out" "0:nw-init $VERSION" "-V: the version"

# --- -g: a git repository set up for nw ----------------------------------

G=$T/git
run nw-init -g "$G"
is "$rc:$out:$err" "0:$G:" "-g: exit 0, prints the folder"
is "$(git -C "$G" rev-parse --show-toplevel)" "$G" "-g: the network is a git work tree"
is "$(git -C "$G" log --format=%s)" "Start the network" "-g: one first commit"
is "$(git -C "$G" show --name-only --format= HEAD)" ".gitattributes
.gitignore
.nw.yaml" "-g: the first commit holds the three set-up files"
is "$(git -C "$G" config merge.nw.driver)" "'$(cd "$NW_BIN" && pwd -P)/nw-merge' %O %A %B" \
    "-g: merge.nw.driver"
printf '*.yaml merge=nw\n' >"$T/want"
same "$G/.gitattributes" "$T/want" "-g: .gitattributes"
is "$(mode "$G/.gitattributes")" 600 "-g: .gitattributes is 0600"
same "$G/.nw.yaml" "$T/settings" "-g: .nw.yaml as without -g"
is "$(git -C "$G" status --porcelain --ignored)" "!! .nw/" \
    "-g: clean work tree, .nw/ ignored"

snap "$G" "$T/before"
run nw-init -g "$G"
is "$rc:$out:$err" "0:$G:" "-g again: exit 0"
snap "$G" "$T/after"
same "$T/after" "$T/before" "-g again: no file changed"
is "$(git -C "$G" log --format=%s)" "Start the network" "-g again: no new commit"

# an existing .gitattributes gets the line appended
mkdir "$T/ga"
printf '*.txt text\n' >"$T/ga/.gitattributes"
run nw-init -g "$T/ga"
is "$rc" 0 "-g with .gitattributes: exit 0"
printf '*.txt text\n*.yaml merge=nw\n' >"$T/want"
same "$T/ga/.gitattributes" "$T/want" "-g: the merge line appended to .gitattributes"

# --- autocommit ------------------------------------------------------------

printf 'mine\n' >"$G/notes.txt"
git -C "$G" add notes.txt
run nw-add -C "$G" 'Ada Lovelace'
is "$rc:$out:$err" "0:ada-lovelace:" "git: nw-add exit 0"
is "$(git -C "$G" log -1 --format=%s)" "Add Ada Lovelace" \
    "git: nw-add commits as 'Add Ada Lovelace'"
is "$(git -C "$G" show --name-only --format= HEAD)" "ada-lovelace.yaml" \
    "git: the commit holds the new file only"
is "$(git -C "$G" status --porcelain)" "A  notes.txt" \
    "git: the file the user staged stays staged and uncommitted"
git -C "$G" show HEAD:ada-lovelace.yaml >"$T/committed"
same "$T/committed" "$G/ada-lovelace.yaml" "git: the committed file is the file written"

run nw-add -C "$G" 'Bob Kahn' 'Vint Cerf'
is "$rc" 0 "git: two names: exit 0"
is "$(git -C "$G" show --name-only --format= HEAD)" "bob-kahn.yaml
vint-cerf.yaml" "git: both new files committed"
is "$(git -C "$G" status --porcelain)" "A  notes.txt" \
    "git: two names: nothing else committed or left behind"

printf 'autocommit: false\n' >"$G/.nw.yaml"
git -C "$G" commit -q -m 'No autocommit' -- .nw.yaml
run nw-add -C "$G" 'Carl Sagan'
is "$rc:$out" "0:carl-sagan" "autocommit false: nw-add exit 0"
is "$(git -C "$G" log -1 --format=%s)" "No autocommit" \
    "autocommit false: no commit"
is "$(git -C "$G" status --porcelain)" "A  notes.txt
?? carl-sagan.yaml" "autocommit false: the new file is left untracked"

# --- a fresh clone ---------------------------------------------------------

git -C "$G" commit -q -m 'Keep notes' -- notes.txt
git -C "$G" add carl-sagan.yaml
git -C "$G" commit -q -m 'Add Carl Sagan'
git clone -q "$G" "$T/clone"
snap "$T/clone" "$T/before"
run nw-init -g "$T/clone"
is "$rc:$out:$err" "0:$T/clone:" "clone: exit 0"
is "$(mode "$T/clone/.nw")" 700 "clone: .nw/ made, 0700"
is "$(git -C "$T/clone" config merge.nw.driver)" "'$(cd "$NW_BIN" && pwd -P)/nw-merge' %O %A %B" \
    "clone: merge.nw.driver set"
is "$(git -C "$T/clone" log -1 --format=%s)" "Add Carl Sagan" \
    "clone: no new commit"
is "$(git -C "$T/clone" status --porcelain)" "" "clone: clean work tree"
snap "$T/clone" "$T/after"
same "$T/after" "$T/before" "clone: no file touched, no mode changed"

# An older hook of nw's own is brought up to date; a user's own is kept.
mkdir "$T/hooked"
nw-init -g "$T/hooked" >/dev/null
cp "$T/hooked/.git/hooks/pre-commit" "$T/new-hook"
printf '#!/bin/sh\n# nw: check the contact files about to be committed\nexit 0\n' \
	>"$T/hooked/.git/hooks/pre-commit"
run nw-init -g "$T/hooked"
same "$T/hooked/.git/hooks/pre-commit" "$T/new-hook" "an old nw hook is replaced"
printf '#!/bin/sh\necho mine\n' >"$T/hooked/.git/hooks/pre-commit"
cp "$T/hooked/.git/hooks/pre-commit" "$T/mine"
run nw-init -g "$T/hooked"
same "$T/hooked/.git/hooks/pre-commit" "$T/mine" "a hook of the user's own is kept"

done_testing
