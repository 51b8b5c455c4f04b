# tests/lib.sh - TAP helpers shared by every test; source it first.
#
# Each test gets a scratch folder $T (removed at exit), HOME inside it, a
# fixed NW_TODAY, the programs under test first in PATH ($NW_BIN, else
# bin/), umask 077 (a file written by hand or by git is private as nw's
# own are, so nw-check has nothing to say of its mode), and these helpers:
#   run CMD ARGS...     run a command; sets $rc, $out, $err (stdin: /dev/null
#                       unless given with runin)
#   runin FILE CMD...   the same with standard input from FILE
#   pipein TEXT CMD...  the same with standard input a pipe fed TEXT
#   ok COND DESC        COND is an exit status: 0 passes
#   is GOT WANT DESC    exact string comparison, diff shown on failure
#   same F1 F2 DESC     byte comparison of two files
#   mknet NAME          a fresh network $T/NAME (nw-init), exported as NW_DIR
#   skip WHY            a test not run: a TAP skip, and WHY on stderr so that
#                       make check shows it (prove hides a skip without -v)
#   done_testing        prints the plan; exits 1 when anything failed
#   strace_ok           0 when strace is installed and may trace here; else 1
#                       with why not in $strace_why
#   need_strace         the whole file skipped (1..0) unless strace_ok; then
#                       LeakSanitizer off (it cannot run under ptrace; the
#                       sanitizer build keeps ASan)
#   message [-b BODY] HEADER...
#                       a mail message on stdout as mail programs write it:
#                       each HEADER a line ("Subject: hi"; a newline in it
#                       folds), a blank line, then BODY (x when not given)
#   maildir DIR         an empty Maildir: DIR/cur, DIR/new, DIR/tmp
#   need_git            the whole file skipped (1..0) unless git is installed;
#                       then git_ready
#   git_ready           git as the tests use it (main the first branch, no
#                       detached HEAD advice, no editor on a merge) and two
#                       machines sharing a network: $O a bare origin, $A the
#                       laptop, $B the desktop
#   git_share           the laptop's repository $A pushes its main to a new
#                       $O, and $B is cloned from it
#   settle              waits until every file changed so far is old enough
#                       for the cache to trust it from a process started
#                       next: a second and more before that process began,
#                       by mtime and ctime (src/cache.c).  Real time must
#                       pass: touch -d sets mtime back, never ctime.
#                       It waits until the second after next begins, not
#                       2 s whole
#   git_subjects N      the subjects of the last N commits of $N
#   git_head_files      what the last commit of $N changed, sorted

set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
: "${NW_BIN:=$TOP/bin}"
PATH=$NW_BIN:$PATH
DATA=$TOP/../shared/data
NW_TODAY=2026-11-25
export PATH NW_TODAY
umask 077
unset NW_DIR XDG_DATA_HOME NO_COLOR VISUAL EDITOR GIT_DIR GIT_WORK_TREE
T=$(mktemp -d "${TMPDIR:-/tmp}/nw-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
HOME=$T/home
mkdir -p "$HOME"
export HOME
GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
tap_n=0
tap_failed=0

_result() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# A sanitizer report anywhere is a failure of its own.
_sanitizer() {
	if grep -q -e 'Sanitizer' -e 'runtime error:' "$T/.err"; then
		_result 1 "no sanitizer report from: $*"
		sed 's/^/# /' "$T/.err" | head -40
	fi
}

runin() {
	_in=$1
	shift
	"$@" <"$_in" >"$T/.out" 2>"$T/.err"
	rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
	_sanitizer "$@"
}

run() {
	runin /dev/null "$@"
}

pipein() {
	_p=$1
	shift
	printf '%s' "$_p" | "$@" >"$T/.out" 2>"$T/.err"
	rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
	_sanitizer "$@"
}

ok() {
	_result "$1" "$2"
}

is() {
	if [ "$1" = "$2" ]; then
		_result 0 "$3"
	else
		_result 1 "$3"
		printf '%s\n' "$1" >"$T/.got"
		printf '%s\n' "$2" >"$T/.want"
		diff -u "$T/.want" "$T/.got" | sed 's/^/# /'
	fi
}

same() {
	if cmp -s "$1" "$2"; then
		_result 0 "$3"
	else
		_result 1 "$3"
		diff -u "$2" "$1" | head -20 | sed 's/^/# /'
	fi
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $1"
	echo "$(basename "$0"): skipped: $1" >&2
}

mknet() {
	NW_DIR=$T/$1
	export NW_DIR
	nw-init "$NW_DIR" >/dev/null || echo "Bail out! nw-init failed"
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
	exit
}

strace_ok() {
	strace_why=
	if ! command -v strace >/dev/null; then
		strace_why="strace is not installed"
	elif ! strace -o /dev/null true 2>/dev/null; then
		strace_why="strace cannot trace here (ptrace not permitted)"
	fi
	[ -z "$strace_why" ]
}

need_strace() {
	if ! strace_ok; then
		echo "1..0 # SKIP $strace_why"
		exit 0
	fi
	ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0
	export ASAN_OPTIONS
}

message() {
	_body=x
	if [ "$1" = -b ]; then
		_body=$2
		shift 2
	fi
	printf '%s\n' "$@"
	printf '\n%s\n' "$_body"
}

maildir() {
	mkdir -p "$1/cur" "$1/new" "$1/tmp"
}

need_git() {
	if ! command -v git >/dev/null; then
		echo "1..0 # SKIP git is not installed"
		exit 0
	fi
	git_ready
}

git_ready() {
	git config --global init.defaultBranch main
	git config --global advice.detachedHead false
	GIT_MERGE_AUTOEDIT=no
	export GIT_MERGE_AUTOEDIT
	O=$T/origin.git
	A=$T/laptop
	B=$T/desktop
}

git_share() {
	git init -q --bare "$O"
	git -C "$A" remote add origin "$O"
	git -C "$A" push -q -u origin main
	git clone -q "$O" "$B"
}

settle() {
	_ns=$(date +%N)
	case $_ns in
	*[!0-9]*|'') sleep 2 ;;
	*) sleep "$(awk -v n="$_ns" 'BEGIN { printf "%.3f", 2.02 - n / 1e9 }')" ;;
	esac
}

# git_subjects N: the subjects of the last N commits of the network $N;
# git_head_files: what its last commit changed, a line each, sorted
git_subjects() { git -C "$N" log --format=%s | head -n "$1"; }
git_head_files() { git -C "$N" show --format= --name-status HEAD | sort; }
