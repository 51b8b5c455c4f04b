#!/bin/sh
. "$(dirname "$0")/lib.sh"
# nw: the dispatcher - listing, running nw-CMD, -C, git, help

VERSION=$(sed -n 's/^#define[	 ]*NW_VERSION[	 ]*"\(.*\)"$/\1/p' \
    "$TOP/src/nw.h")
USAGE='usage: nw [-C dir] [command [args ...]]
       nw [-C dir] help command
       nw [-C dir] git args ...
       nw [-C dir] circles
       nw kinds'

# --- nw alone lists the commands -----------------------------------------

run nw
is "$rc:$err" "0:" "nw alone: exit 0, nothing on stderr"
is "$(printf '%s\n' "$out" | sed -n 1,7p)" "$USAGE

commands:" "nw alone: the usage, then 'commands:'"
is "$(printf '%s\n' "$out" | grep -E '^   (init|add|log|due|give) ')" \
"   init     create a network, or set up a fresh clone
   add      add people
   log      log a call, a meeting, an email... with people
   due      who is due for contact, most urgent first
   give     log what you gave; -l the give/ask balance" \
    "nw alone: one line each for init, add, log, due, give"
is "$(printf '%s\n' "$out" | tail -n 4)" \
"   help     show a command's manual
   git      run git inside the network
   circles  the circles of the settings and their cadences
   kinds    the kinds of log entry nw(5) names" \
	"nw alone: help, git, circles and kinds last"

# only the commands it can find: nw and nw-add alone in a folder
mkdir "$T/solo"
cp "$NW_BIN/nw" "$NW_BIN/nw-add" "$T/solo/"
saved_path=$PATH
PATH=/usr/bin:/bin
run "$T/solo/nw"
PATH=$saved_path
is "$(printf '%s\n' "$out" | sed 1,7d)" \
"   add      add people
   help     show a command's manual
   git      run git inside the network
   circles  the circles of the settings and their cadences
   kinds    the kinds of log entry nw(5) names" \
    "nw alone: lists only the commands it finds"

# --- nw circles, nw kinds: the settings and the schema, for completion ---

mknet circ
run nw circles
is "$rc:$out:$err" "0:inner	3w
close	2m
regular	6m
outer	1y:" "nw circles: the defaults of a network made by nw-init"
printf 'circles:\n  family: 1m\n  Team: 2w\n' >"$NW_DIR/.nw.yaml"
run nw -C "$NW_DIR" circles
is "$rc:$out:$err" "0:family	1m
Team	2w:" "nw -C DIR circles: those of .nw.yaml"
run nw circles x
is "$rc" 2 "nw circles ARG: a usage error"
run nw kinds
is "$rc:$(printf '%s\n' "$out" | head -3)" "0:call
meet
email" "nw kinds: the kinds of nw(5), one a line"

# --- nw CMD runs nw-CMD -------------------------------------------------

mknet a
A=$NW_DIR
printf 'name: Old Friend\nadded: 2024-01-10\n' >"$A/old-friend.yaml"
run nw-due
direct_rc=$rc direct_out=$out direct_err=$err
run nw due
is "$(printf '%s\n' "$out" | cut -f 1-4)" \
    "old-friend	2025-01-10	684	Old Friend" "nw due: the due line"
is "$rc:$out:$err" "$direct_rc:$direct_out:$direct_err" \
    "nw due: exactly what nw-due prints"

mknet b
B=$NW_DIR
run nw-add 'New Friend'
NW_DIR=$A
run nw -C "$B" due -a
is "$(printf '%s\n' "$out" | cut -f 1-4)" \
    "new-friend	2027-11-25	-365	New Friend" "nw -C DIR due: DIR, not NW_DIR"
(cd "$T" && nw -C b due -a) >"$T/rel.out" 2>&1
is "$(cut -f 1 "$T/rel.out")" "new-friend" "nw -C with a relative DIR"

# arguments, NW_DIR and the exit status pass through; nw's own folder first
mkdir "$T/fake"
cat >"$T/fake/nw-hello" <<'EOF'
#!/bin/sh
printf '<%s>\n' "$@"
printf 'NW_DIR=%s\n' "${NW_DIR-unset}"
exit 3
EOF
printf '#!/bin/sh\necho fake nw-due\n' >"$T/fake/nw-due"
chmod +x "$T/fake/nw-hello" "$T/fake/nw-due"
PATH=$T/fake:$PATH
run nw -C "$B" hello -k 'a b' -- c
is "$rc" 3 "nw CMD: the command's exit status"
is "$out" "<-C>
<$B>
<-k>
<a b>
<-->
<c>
NW_DIR=$B" "nw CMD: the arguments as given after -C DIR, which NW_DIR is too"
run nw -C "$B" due -a
is "$(printf '%s\n' "$out" | cut -f 1)" "new-friend" \
    "nw due: nw-due next to nw wins over one earlier in PATH"
PATH=$saved_path

printf 'Gwen Solo\n' >"$T/names"
saved_path=$PATH
PATH=/usr/bin:/bin
runin "$T/names" "$T/solo/nw" -C "$B" add
PATH=$saved_path
is "$rc:$out" "0:gwen-solo" "nw add: nw-add from nw's own folder, stdin passed on"

# --- unknown commands ------------------------------------------------------

run nw nosuch
is "$rc:$out" "2:" "nw nosuch: exit 2"
is "$err" "nw: 'nosuch': not an nw command" "nw nosuch: the message"
run nw ../bin/nw-due
is "$rc:$out" "2:" "nw with a path as command: exit 2"
is "$err" "nw: '../bin/nw-due': not an nw command" "nw with a path: the message"

# --- nw git ---------------------------------------------------------------

G=$T/g
nw-init -g "$G" >/dev/null
nw-add -C "$G" 'Ada Lovelace' >/dev/null
cd "$T"
GIT_DIR=$T/nowhere GIT_WORK_TREE=$T
export GIT_DIR GIT_WORK_TREE
run nw -C "$G" git log --oneline
unset GIT_DIR GIT_WORK_TREE
is "$rc:$err" "0:" "nw git log: exit 0 (GIT_DIR, GIT_WORK_TREE ignored)"
is "$out" "$(git -C "$G" log --oneline)" "nw git log --oneline: git's output"
NW_DIR=$G
run nw git log --format=%s
is "$out" "Add Ada Lovelace
Start the network" "nw git runs in NW_DIR from another folder"
printf 'notes: x\n' >>"$G/ada-lovelace.yaml"
run nw git diff --quiet
is "$rc" 1 "nw git: git's exit status"
run nw git status --porcelain
is "$out" " M ada-lovelace.yaml" "nw git status: in the network"

# --- options ---------------------------------------------------------------

run nw -V
is "$rc:$out:$err" "0:nw $VERSION:" "-V: the version"
run nw -h
is "$rc:$(printf '%s\n' "$out" | sed '/^$/,$d'):$err" "0:$USAGE:" "-h: the usage on stdout"
run nw -x
is "$rc:$out" "2:" "unknown option: exit 2"
is "$(printf '%s\n' "$err" | sed 1d)" "$USAGE" "unknown option: usage after the message"

run nw help add
is "$rc" 0 "nw help add: exit 0"
MANPAGER=cat man -l "$TOP/man/nw-add.1" >"$T/man.out" 2>/dev/null
is "$out" "$(cat "$T/man.out")" "nw help add: the nw-add manual"
test -s "$T/man.out"
ok $? "nw help add: the manual is not empty"

done_testing
