#!/bin/sh
# Shell completion: completion/nw.bash called as bash calls it, with
# COMP_WORDS and COMP_CWORD set; completion/_nw with zsh's words, CURRENT
# and PREFIX and compadd stubbed.  Options come from each command's -h,
# values from the network.
. "$(dirname "$0")/lib.sh"

if ! command -v bash >/dev/null; then
	echo "1..0 # SKIP bash is not installed"
	exit 0
fi

# The scripts as make puts them together (completion/nw-opts.awk in both).
C=${NW_UNIT:-$TOP/build}/completion

# Only some commands on PATH, so the command list is known.
mkdir "$T/bin"
for c in nw nw-due nw-log nw-ls nw-set nw-show; do
	ln -s "$NW_BIN/$c" "$T/bin/$c"
done
PATH=$T/bin:/usr/bin:/bin
export PATH

# comp FUNCTION WORD...: complete the last WORD; the candidates, sorted.
cat >"$T/comp.bash" <<EOF
. "$C/nw.bash"
fn=\$1
shift
COMP_WORDS=("\$@")
COMP_CWORD=\$((\$# - 1))
COMPREPLY=()
\$fn
[ \${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "\${COMPREPLY[@]}" | LC_ALL=C sort
EOF
comp() {
	run bash "$T/comp.bash" "$@"
}
lines() { printf '%s\n' "$@"; }

N=$T/net
NW_DIR=$N
export NW_DIR
mkdir "$N"
cat >"$N/.nw.yaml" <<'EOF'
# our circles
circles:
  inner: 3w   # the closest
  "team": 2w
  family: 1m
default: 1y
EOF
cat >"$N/ada.yaml" <<'EOF'
name: Ada Lovelace
tags: [rust, maths, open source]
groups: [ACM, Chess Club]
EOF
mkdir "$N/work"
cat >"$N/work/bob.yaml" <<'EOF'
name: Bob Brown
tags:
  - rust
  - 'say "hi"'
groups: [ACM]
EOF
printf 'name: Cy\n' >"$N/cy.yaml"

# A second network: circles in flow style; a third with no settings.
mkdir "$T/other" "$T/bare"
printf 'circles: {near: 1w, "far": 1y}  # two\n' >"$T/other/.nw.yaml"
printf 'name: Dee\ntags: [chess]\n' >"$T/other/dee.yaml"
printf 'name: Eve\n' >"$T/bare/eve.yaml"

# ---------------------------------------------------------------------------
# nw: commands, then the command's own words.
comp _nw nw ''
is "$rc:$out" "0:$(lines circles due git help kinds log ls set show)" \
	"nw: the commands on PATH, help, git, circles and kinds"
comp _nw nw l
is "$out" "$(lines log ls)" "nw l: those that begin so"
comp _nw nw -
is "$out" "$(lines -C -V -h)" "nw -: nw's own options"
comp _nw nw help s
is "$out" "$(lines set show)" "nw help: the commands"
comp _nw nw show ''
is "$out" "$(lines ada cy work/bob)" "nw show: the contact ids"
comp _nw nw -C "$T/other" show ''
is "$out" "dee" "nw -C DIR show: the ids of that network"
comp _nw nw ls -c ''
is "$out" "$(lines family inner team)" "nw ls -c: circles of the settings"
comp _nw nw nosuch ''
is "$rc:$out" "0:" "nw: an unknown command completes nothing"

# ---------------------------------------------------------------------------
# nw-* options, from the usage.
comp _nw_cmd nw-ls -
is "$out" "$(lines -C -Q -R -c -e -f -g -j -l -o -r -s -t)" "nw-ls -: every option"
comp _nw_cmd nw-show -
is "$out" "$(lines -C -a -j -r)" "nw-show -: every option"
comp _nw_cmd nw-set -
is "$out" "$(lines -C -K -a -d)" "nw-set -: alternatives [-a | -d]"

# Option arguments by their name in the usage.
comp _nw_cmd nw-ls -t ''
is "$out" "$(lines 'maths' 'open\ source' 'rust' 'say\ \"hi\"')" \
	"-t: every tag, once each, quoted for the shell"
comp _nw_cmd nw-ls -t r
is "$out" "rust" "-t r: the tags that begin so"
comp _nw_cmd nw-ls -t 'open\ s'
is "$out" 'open\ source' "-t: a word typed with a backslash"
comp _nw_cmd nw-ls -g ''
is "$out" "$(lines ACM 'Chess\ Club')" "-g: every group"
comp _nw_cmd nw-ls -jt ''
is "$out" "$(lines 'maths' 'open\ source' 'rust' 'say\ \"hi\"')" \
	"-jt: the last letter of a bundle takes the argument"
comp _nw_cmd nw-ls -c ''
is "$out" "$(lines family inner team)" "-c: circles of .nw.yaml, block style"
comp _nw_cmd nw-ls -C "$T/other" -c ''
is "$out" "$(lines far near)" "-c: flow style, in the network of -C"
comp _nw_cmd nw-ls -C "$T/bare" -c ''
is "$out" "$(lines close inner outer regular)" "-c: no settings: nw's circles"
"$NW_BIN/nw-init" "$T/fresh" >/dev/null
comp _nw_cmd nw-ls -C "$T/fresh" -c ''
is "$out" "$(lines close inner outer regular)" \
	"-c: a network made by nw-init (defaults commented out): nw's circles"
comp _nw nw -C "$T/fresh" due -c i
is "$out" "inner" "nw -C DIR due -c i: from nw circles"
comp _nw_cmd nw-ls -f li
is "$out" "links=" "-f: a key and ="
comp _nw_cmd nw-ls -e ''
is "$out" "" "-e: a pattern, nothing to offer"
comp _nw_cmd nw-log -k m
is "$out" "$(lines meet message)" "-k: the kinds"
comp _nw_cmd nw-log -d ''
is "$out" "$(lines today yesterday)" "-d: today, yesterday"
mkdir "$T/dirs" "$T/dirs/a dir" "$T/dirs/b"
(cd "$T/dirs" && bash "$T/comp.bash" _nw_cmd nw-ls -C '') >"$T/got"
is "$(cat "$T/got")" "$(lines 'a dir' b)" "-C: folders"

# Positional words: refs, then nw-set's key and value.
comp _nw_cmd nw-show ''
is "$out" "$(lines ada cy work/bob)" "nw-show: the ids"
comp _nw_cmd nw-show -a w
is "$out" "work/bob" "nw-show -a w: ids that begin so"
comp _nw_cmd nw-show ada ''
is "$out" "$(lines ada cy work/bob)" "nw-show: ref ... repeats"
comp _nw_cmd nw-show -C "$T/other" ''
is "$out" "dee" "nw-show -C DIR: that network's ids"
comp _nw_cmd nw-set ada ''
is "$out" "$(lines added address aka birthday circle dates email every \
	groups links log met name next next-note notes offers org phone rel \
	rel.child rel.colleague rel.friend rel.introduced rel.introduced-by \
	rel.manager rel.mentee rel.mentor rel.parent rel.partner rel.report \
	rel.sibling rel.spouse tags title topics type work)" \
	"nw-set REF: the keys, rel's roles too"
comp _nw_cmd nw-ls -r ''
is "$out" "$(lines child colleague friend introduced introduced-by manager \
	mentee mentor parent partner report sibling spouse)" "nw-ls -r: the roles"
comp _nw_cmd nw-set ada rel.mentor ''
is "$out" "$(lines ada cy work/bob)" "nw-set REF rel.ROLE: the ids"
comp _nw_cmd nw-set ada type ''
is "$out" "$(lines community person)" "nw-set REF type: person or community"
comp _nw_cmd nw-due -k ''
is "$out" "$(lines community person)" "nw-due -k: the types"
comp _nw_cmd nw-log -k v
is "$out" "volunteer" "-k: the kinds of communities too"
comp _nw_cmd nw-set -a ada tags ''
is "$out" "$(lines 'maths' 'open\ source' 'rust' 'say\ \"hi\"')" \
	"nw-set -a REF tags: the tags"
comp _nw_cmd nw-set ada circle i
is "$out" "inner" "nw-set REF circle: the circles"
comp _nw_cmd nw-set ada name ''
is "$out" "" "nw-set REF name: nothing to offer"
comp _nw_cmd nw-set ada name x ''
is "$out" "" "nw-set: nothing after the value"

# ---------------------------------------------------------------------------
# zsh: the same logic, called with compadd and the file completers stubbed.
if command -v zsh >/dev/null; then
	zsh -n "$C/_nw"
	ok $? "_nw: zsh reads it"
	cat >"$T/comp.zsh" <<EOF
compadd() {
	local -a a
	a=("\$@")
	print -rl -- \${(M)a[\${a[(i)--]}+1,-1]:#\$PREFIX*}
}
_directories() { print -r -- '(folders)'; }
_files() { print -r -- '(files)'; }
_normal() { print -r -- '(git)'; }
service=\$1
shift
words=("\$@")
CURRENT=\$#
PREFIX=\$words[CURRENT]
source "$C/_nw" | LC_ALL=C sort
EOF
	zcomp() { run zsh -f "$T/comp.zsh" "$@"; }
	zcomp nw nw ''
	is "$rc:$out" "0:$(lines circles due git help kinds log ls set show)" "zsh nw: commands"
	zcomp nw nw -C "$T/other" show ''
	is "$out" "dee" "zsh nw -C DIR show: that network's ids"
	zcomp nw-ls nw-ls -
	is "$out" "$(lines -C -Q -R -c -e -f -g -j -l -o -r -s -t)" "zsh nw-ls -: options"
	zcomp nw-ls nw-ls -t ''
	is "$out" "$(lines maths 'open source' rust 'say "hi"')" "zsh -t: tags"
	zcomp nw-ls nw-ls -g C
	is "$out" "Chess Club" "zsh -g: groups"
	zcomp nw-ls nw-ls -c ''
	is "$out" "$(lines family inner team)" "zsh -c: circles"
	zcomp nw-set nw-set ada circle ''
	is "$out" "$(lines family inner team)" "zsh nw-set REF circle: circles"
	zcomp nw-show nw-show -a w
	is "$out" "work/bob" "zsh nw-show: ids"
	zcomp nw-ls nw-ls -C ''
	is "$out" "(folders)" "zsh -C: folders"
	zcomp nw nw git ''
	is "$out" "(git)" "zsh nw git: git's own completion"
fi

done_testing
