#!/bin/sh
# System calls that fail or stall at the worst moment (strace's fault
# injection): what a writer prints and commits comes from what it wrote
# under the lock; a change on disk is reported as made.
. "$(dirname "$0")/lib.sh"

if ! command -v git >/dev/null; then
	echo "1..0 # SKIP git is not installed"
	exit 0
fi
if ! command -v strace >/dev/null; then
	echo "1..0 # SKIP strace is not installed"
	exit 0
fi
if ! strace -o /dev/null true 2>/dev/null; then
	echo "1..0 # SKIP strace cannot trace here (ptrace not permitted)"
	exit 0
fi
# LeakSanitizer cannot run under ptrace
ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0
export ASAN_OPTIONS
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

done_testing
