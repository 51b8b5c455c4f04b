#!/bin/sh
# Standard input (nw(7)): a scan (nw-due, nw-ls, nw-export, nw-check,
# nw-give -l) takes everyone unless given references, and reads standard
# input only for the argument "-"; a command that acts on named contacts
# reads references from standard input when it has none and standard input
# is not a terminal (empty: nothing done, exit 0).  The cases that used to
# go wrong: cron's empty pipe, ssh's pipe that never closes, a while-read
# loop, a script fed to the shell.  Each run is under timeout: a hang
# fails (status 124) instead of stalling the suite.
. "$(dirname "$0")/lib.sh"

mknet n
N=$NW_DIR
printf 'name: Ann Avery\n' >"$N/ann.yaml"
printf 'name: Ben Bell\n' >"$N/ben.yaml"
printf 'name: Dot Dale\nlog:\n  - {date: 2026-11-24, kind: give, note: tea}\n' \
	>"$N/dot.yaml"
for f in ann ben dot; do cp "$N/$f.yaml" "$T/$f.base"; done
# due today: ann, ben (never contacted); dot was given to yesterday
DUE="ann	2026-11-25	0	Ann Avery	never contacted
ben	2026-11-25	0	Ben Bell	never contacted"

untouched() {
	_r=0
	for f in ann ben dot; do cmp -s "$N/$f.yaml" "$T/$f.base" || _r=1; done
	ok $_r "$1"
}

# --- cron: an empty pipe is no list of references ------------------------
pipein '' timeout 10 nw-due
is "$rc:$out:$err" "0:$DUE:" "cron (empty pipe): nw-due lists everyone due"
pipein '' timeout 10 nw-ls
is "$rc:$out" "0:ann	Ann Avery
ben	Ben Bell
dot	Dot Dale" "cron (empty pipe): nw-ls lists everyone"
pipein '' timeout 10 nw-export -f ics
is "$rc:$(printf '%s\n' "$out" | grep -c '^BEGIN:VEVENT')" "0:3" \
	"cron (empty pipe): nw-export writes the whole calendar (3 due dates)"
printf 'name: [broken\n' >"$N/bad.yaml"
pipein '' timeout 10 nw-check
is "$rc:$out" "1:$N/bad.yaml:2:1: error: did not find expected ',' or ']' while parsing a flow sequence" \
	"cron (empty pipe): nw-check checks every file"
rm "$N/bad.yaml"
pipein '' timeout 10 nw-give -l
is "$rc:$out" "0:dot	1	0	0	Dot Dale" "cron (empty pipe): nw-give -l shows the balance"

# --- ssh: a pipe that stays open and never says a word -------------------
mkfifo "$T/fifo"
sleep 60 >"$T/fifo" &
holder=$!
runin "$T/fifo" timeout 10 nw-due
is "$rc:$out" "0:$DUE" "an open pipe (ssh host nw-due): no hang, everyone due"
runin "$T/fifo" timeout 10 nw-ls -t nothing
is "$rc:$out" "0:" "an open pipe: nw-ls does not wait for it either"
kill "$holder"
wait "$holder" 2>/dev/null

# --- a while-read loop: the loop's input is not nw-due's ------------------
printf 'one\ntwo\n' >"$T/lines"
timeout 20 sh -c 'while read -r l; do echo "$l"; nw-due | wc -l; done' \
	<"$T/lines" >"$T/.out" 2>&1
is "$?:$(cat "$T/.out")" "0:one
2
two
2" "while read ... nw-due: every line of the loop is read by the loop"
printf 'ann\nben\n' >"$T/ids"
timeout 20 sh -c 'while read -r id; do nw-log -k call "$id"; done' \
	<"$T/ids" >"$T/.out" 2>&1
is "$?:$(cat "$T/.out")" "0:ann
ben" "while read ... nw-log ID: each logged, the loop keeps its input"
cp "$T/ann.base" "$N/ann.yaml"
cp "$T/ben.base" "$N/ben.yaml"

# --- a script fed to the shell: its lines are the shell's -----------------
printf 'nw-due | cut -f1\necho after\n' >"$T/job.sh"
for sh in sh bash; do
	command -v $sh >/dev/null || { skip "$sh is not installed"; continue; }
	runin "$T/job.sh" timeout 10 $sh
	is "$rc:$out" "0:ann
ben
after" "$sh < script: nw-due leaves the script's next line alone"
done

# --- "-": a scan reads references from standard input --------------------
pipein 'ben	Ben Bell
' nw-due -
is "$rc:$(printf '%s\n' "$out" | cut -f1)" "0:ben" "nw-due -: the text before the tab"
pipein '' nw-due -
is "$rc:$out:$err" "0::" ": | nw-due -: nobody named, nobody listed"
nw-ls -t nothing | nw-export - >"$T/.out"
is "$?:$(cat "$T/.out")" "0:" "nw-ls ... | nw-export -: nobody named, an empty export"

# --- the commands that act on named contacts ----------------------------
for cmd in "nw-log -k call" "nw-give -m tea" "nw-show" "nw-edit" \
    "nw-set - circle inner" "nw-add"; do
	pipein '' timeout 10 $cmd
	is "$rc:$out:$err" "0::" "$cmd with an empty pipe: nothing done, exit 0"
done
untouched "empty pipes: no file changed"
ls "$N" >"$T/ls"
is "$(cat "$T/ls")" "ann.yaml
ben.yaml
dot.yaml" "empty pipes: no file added"

pipein 'ann
dot
' nw-log -k call
is "$rc:$out:$err" "0:ann
dot:" "printf | nw-log: the pipe's references"
cp "$T/ann.base" "$N/ann.yaml"
cp "$T/dot.base" "$N/dot.yaml"

# On a terminal with no reference: the usage, exit 2, nothing read.
if command -v script >/dev/null; then
	for cmd in "nw-log -k call" "nw-give -m tea" "nw-show" "nw-edit" \
	    "nw-add"; do
		script -qec "timeout 10 $cmd" /dev/null </dev/null >"$T/tty" 2>&1
		rc=$?
		is "$rc:$(tr -d '\r' <"$T/tty" | head -1 | cut -d' ' -f1-2)" \
			"2:usage: ${cmd%% *}" "$cmd on a terminal: the usage"
	done
	untouched "terminals: no file changed"
else
	skip "script(1) is not installed: no terminal tests"
fi
done_testing
