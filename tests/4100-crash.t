#!/bin/sh
# Crash trial: nw's writers killed with SIGKILL at the system calls of
# their write path (strace fault injection) leave every contact file whole,
# no lock held, no stray file, and the next command works and commits.
# tests/crash/crash.py says how.  Here a sample: every call of nw-log's
# write path, the key calls of the other writers'; CRASH_FULL=1 (make
# crash) kills at every call of every writer.  CRASH_JOBS trials at once
# (2).
. "$(dirname "$0")/lib.sh"

need_strace	# LeakSanitizer off: it cannot run under ptrace
if ! command -v python3 >/dev/null; then
	echo "1..0 # SKIP python3 is not installed"
	exit 0
fi
if command -v git >/dev/null; then
	git config --global init.defaultBranch main
fi
GIT_MERGE_AUTOEDIT=no
export GIT_MERGE_AUTOEDIT

full=
[ "${CRASH_FULL:-0}" = 1 ] && full=-f
python3 "$TOP/tests/crash/crash.py" $full -j "${CRASH_JOBS:-2}" "$T"
