#!/bin/sh
# System calls that fail or stall at the worst moment (strace's fault
# injection): what a writer prints and commits comes from what it wrote
# under the lock; a change on disk is reported as made.
. "$(dirname "$0")/lib.sh"

if ! command -v git >/dev/null; then
	echo "1..0 # SKIP git is not installed"
	exit 0
fi
need_strace	# LeakSanitizer off: it cannot run under ptrace
git config --global init.defaultBranch main

# st STRACE-ARGS... -- CMD...: CMD under strace, its trace thrown away
st() {
	_a=
	while [ "$1" != -- ]; do
		_a="$_a $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	strace -o /dev/null $_a "$@"
}

head1() { git -C "$N" log -1 --format=%s; }
status() { git -C "$N" status --porcelain; }

mknet n
N=$NW_DIR
nw-init -g "$N" >/dev/null 2>&1
printf 'name: Ada Lovelace\n' >"$N/ada.yaml"
printf 'name: Grace Hopper\n' >"$N/grace.yaml"
git -C "$N" add ada.yaml grace.yaml && git -C "$N" commit -qm two

# --- 2: the contact cannot be re-read once the lock is released ----------
# The second open of the file would be a re-read after the write (the
# write itself goes to .nw/tmp and a rename): it fails.
run st -P "$N/ada.yaml" -e trace=openat -e inject=openat:error=EACCES:when=2 \
    -- nw-log -k call -m hi ada
is "$rc:$out:$err" "0:ada:" "nw-log, re-read refused: exit 0, the id printed"
is "$(head1)" "Log call with Ada Lovelace" "the entry is committed"
is "$(status)" "" "nothing left for git"
is "$(cat "$N/ada.yaml")" "name: Ada Lovelace
log:
  - {date: 2026-11-25, kind: call, note: hi}" "the entry is written"

run st -P "$N/grace.yaml" -e trace=openat -e inject=openat:error=ENOENT:when=2 \
    -- nw-set grace org Navy
is "$rc:$out:$err" "0:grace:" "nw-set, re-read fails: exit 0, the id printed"
is "$(head1)" "Set org for Grace Hopper" "the change is committed"
is "$(status)" "" "nothing left for git"

# nw-edit: the fourth open of the file (read, check, compare under the lock,
# then the re-read) fails
printf '#!/bin/sh\nsed -i "s/^name: Ada Lovelace/name: Ada King/" "$1"\n' \
    >"$T/ed"
chmod +x "$T/ed"
EDITOR=$T/ed run st -P "$N/ada.yaml" -e trace=openat \
    -e inject=openat:error=EIO:when=4 -- nw-edit ada
is "$rc:$out:$err" "0:ada:" "nw-edit, re-read fails: exit 0, the id printed"
is "$(head1)" "Edit Ada King" "the edit is committed under the new name"
is "$(status)" "" "nothing left for git"

# The reproduction: the instant after the unlock (nw-log's third flock)
# stretched to 2 s, and the contact removed in it.
(st -e trace=flock -e inject=flock:delay_exit=2000000:when=3 -- \
    nw-log -k call -m again grace >"$T/log.out" 2>"$T/log.err"
echo $? >"$T/log.rc") &
i=0
while ! grep -q again "$N/grace.yaml" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
run nw-rm -f grace
is "$rc:$out" "0:grace" "nw-rm in the instant after nw-log's unlock"
wait
is "$(cat "$T/log.rc"):$(cat "$T/log.out"):$(cat "$T/log.err")" "0:grace:" \
    "nw-log: exit 0, the id printed"
is "$(git -C "$N" log -2 --format=%s)" "Remove Grace Hopper
Edit Ada King" "the removal is committed; nw-log has nothing left to commit"
is "$(status)" "" "nothing left for git"

# --- 4: the folder's fsync fails after the rename -------------------------
# The change is on disk: printed, committed, said, exit 3 (nw(7)); a retry
# would log it twice.  -P "$N": only the network folder's own fsyncs.
fs() {
	_e=$1 _w=$2
	shift 2
	st -P "$N" -e trace=fsync -e inject=fsync:error="$_e":when="$_w" -- "$@"
}
unsynced() {
	echo "$1: '$N/$2': $3, but durability is not confirmed: fsync of '$N': $4"
}
printf 'name: Lena\n' >"$N/lena.yaml"
git -C "$N" add lena.yaml && git -C "$N" commit -qm lena
run fs EIO 1 nw-log -k call -m "first try" lena
is "$rc:$out" "3:lena" "nw-log: exit 3, the id printed"
is "$err" "$(unsynced nw-log lena.yaml written 'Input/output error')" \
    "it says the change is made, not known durable"
is "$(head1)" "Log call with Lena" "it is committed"
is "$(status)" "" "nothing left for git"
is "$(cat "$N/lena.yaml")" "name: Lena
log:
  - {date: 2026-11-25, kind: call, note: first try}" "the entry is there once"

run fs ENOSPC 1 nw-set lena org Navy
is "$rc:$out" "3:lena" "nw-set, ENOSPC: exit 3, the id printed"
is "$err" "$(unsynced nw-set lena.yaml written 'No space left on device')" \
    "it says so"
is "$(head1):$(status)" "Set org for Lena:" "it is committed"

# a failure elsewhere in the run takes precedence
run fs EIO 1 nw-log -k email lena nobody
is "$rc:$out" "1:lena" "and a reference that does not resolve: exit 1"
is "$(head1):$(status)" "Log email with Lena:" "what was done is committed"

run fs EIO 1 nw-add -o Navy 'Max Planck'
is "$rc:$out" "3:max-planck" "nw-add: exit 3, the id printed"
is "$err" "$(unsynced nw-add max-planck.yaml created 'Input/output error')" \
    "it says so"
is "$(head1):$(status)" "Add Max Planck:" "it is committed"

printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Cy Dee\nEND:VCARD\n' >"$T/two.vcf"
printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Di Eve\nEND:VCARD\n' >>"$T/two.vcf"
run fs EIO 1 nw-import "$T/two.vcf"
is "$rc:$out" "3:cy-dee
di-eve" "nw-import: exit 3, the ids printed"
is "$err" "$(unsynced nw-import cy-dee.yaml 'created, as 1 other was beside it' \
    'Input/output error')" "said once for the folder"
is "$(head1):$(status)" "Import 2 contacts:" "they are committed"

# nw-mv: the new name is synced first; when that fails, it goes again
run fs EIO 1 nw-mv max-planck max
is "$rc:$out" "1:" "nw-mv, the new name not synced: exit 1"
is "$err" "nw-mv: '$N/max.yaml': fsync of '$N': nothing renamed: Input/output error" \
    "it says nothing was renamed"
is "$(ls "$N" | grep max):$(head1):$(status)" "max-planck.yaml:Import 2 contacts:" \
    "the contact is where it was"
run fs EIO 2 nw-mv max-planck max
is "$rc:$out" "3:max" "nw-mv, the old name's removal not synced: exit 3"
is "$err" "$(unsynced nw-mv max-planck.yaml renamed 'Input/output error')" \
    "it says so"
is "$(ls "$N" | grep max):$(head1):$(status)" \
    "max.yaml:Rename max-planck to max:" "renamed and committed"

run fs EIO 1 nw-rm -f max di-eve
is "$rc:$out" "3:max
di-eve" "nw-rm: exit 3, the ids printed"
is "$err" "$(unsynced nw-rm max.yaml removed 'Input/output error')" "it says so"
is "$(head1):$(status)" "Remove Max Planck and 1 other:" "committed"

# nw-merge, a merge driver, exits 0: git takes any other status for a
# conflict
printf 'name: A\n' >"$T/base"
printf 'name: A\norg: X\n' >"$N/ours.tmp"
printf 'name: A\ntitle: Dr\n' >"$T/theirs"
run fs EIO 1 nw-merge "$T/base" "$N/ours.tmp" "$T/theirs"
is "$rc:$(cat "$N/ours.tmp")" "0:name: A
title: Dr
org: X" "nw-merge: exit 0, merged"
is "$err" "nw-merge: '$N/ours.tmp': written, but durability is not confirmed: fsync of '$N': Input/output error" \
    "it says so"
rm -f "$N/ours.tmp"

done_testing
