#!/bin/sh
# Scenarios a mutation run found untested (tests/mutants): how often the
# merge keeps an entry, the order of same-date entries, and the order of
# the system calls that make a write durable before it is reported.
. "$(dirname "$0")/lib.sh"

cd "$T"
for v in $(env | sed -n 's/^\(GITHEAD_[0-9a-f]*\)=.*/\1/p'); do
	unset "$v"
done

# --- the merge keeps every entry as often as the sides say --------------

E='  - {date: 2026-11-20, kind: call}\n'
# ncopies N: the entry N times
ncopies() {
	_i=0
	while [ "$_i" -lt "$1" ]; do
		printf "$E"
		_i=$((_i + 1))
	done
}

# count BASE OURS THEIRS WANT: the entry's copies in each, and in the result
count() {
	{ printf 'name: Ada\nlog:\n  - {date: 2026-09-10, kind: email}\n'
	  ncopies "$1"; } >"$T/base"
	{ printf 'name: Ada\nlog:\n  - {date: 2026-09-10, kind: email}\n'
	  ncopies "$2"; } >"$T/ours"
	{ printf 'name: Ada\nlog:\n  - {date: 2026-09-10, kind: email}\n'
	  ncopies "$3"; } >"$T/theirs"
	{ printf 'name: Ada\nlog:\n  - {date: 2026-09-10, kind: email}\n'
	  ncopies "$4"; } >"$T/want"
	run nw-merge "$T/base" "$T/ours" "$T/theirs"
	is "$rc:$err" "0:" "copies $1/$2/$3: exit 0, nothing said"
	same "$T/ours" "$T/want" "copies $1/$2/$3: $4 kept"
}

count 1 2 3 3	# both added copies: the larger count, nothing lost
count 1 3 2 3
count 0 1 2 2
count 1 2 1 2	# only ours changed it
count 1 1 3 3	# only theirs changed it
count 2 1 2 1	# ours removed one
count 2 2 0 0	# theirs removed both
count 0 1 1 1	# the same entry logged on both sides: once
count 2 1 0 1	# both removed some: the larger count

# --- same-date entries: ours first, then theirs ---------------------------

printf 'name: Ada\nlog:\n  - {date: 2026-09-10, kind: call}\n' >"$T/base"
printf 'name: Ada\nlog:\n  - {date: 2026-09-10, kind: call}
  - {date: 2026-11-20, kind: call, note: laptop}\n' >"$T/ours"
printf 'name: Ada\nlog:\n  - {date: 2026-09-10, kind: call}
  - {date: 2026-11-20, kind: email, note: desktop}\n' >"$T/theirs"
run nw-merge "$T/base" "$T/ours" "$T/theirs"
is "$rc:$err" "0:" "same date: exit 0"
is "$(cat "$T/ours")" "name: Ada
log:
  - {date: 2026-09-10, kind: call}
  - {date: 2026-11-20, kind: call, note: laptop}
  - {date: 2026-11-20, kind: email, note: desktop}" \
    "same date: ours's entry, then theirs's"
# and theirs's older entry goes before ours's newer one
printf 'name: Ada\nlog:\n  - {date: 2026-09-10, kind: call}
  - {date: 2026-11-20, kind: call, note: laptop}\n' >"$T/ours"
printf 'name: Ada\nlog:\n  - {date: 2026-09-10, kind: call}
  - {date: 2026-11-19, kind: email, note: desktop}\n' >"$T/theirs"
run nw-merge "$T/base" "$T/ours" "$T/theirs"
is "$(cat "$T/ours")" "name: Ada
log:
  - {date: 2026-09-10, kind: call}
  - {date: 2026-11-19, kind: email, note: desktop}
  - {date: 2026-11-20, kind: call, note: laptop}" \
    "an older entry of theirs: at its date"

# --- a write is durable before it is reported -----------------------------

# calls PROG ARGS: the write path's system calls, as events in order (a
# run of one event told once):
#   tmp (a temporary file opened)  fsync-tmp  syncfs  place (the rename or
#   link to a contact file)  dir (the network opened)  fsync-dir  out
#   (the ids printed)
calls() {
	ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 strace -o "$T/trace" \
	    -e trace=openat,fsync,syncfs,rename,renameat,renameat2,link,linkat,write \
	    "$@" >"$T/.out" 2>"$T/.err"
	rc=$?
	awk -v net="$NW_DIR" '
	function fd(s) { sub(/.*= /, "", s); return s }
	/^openat\(/ { delete tmp[fd($0)]; delete dirs[fd($0)] }
	/^openat\(.*\/\.nw\/tmp\/\.nw-/ || /O_TMPFILE/ {
		if ($0 !~ /= -1/) { tmp[fd($0)] = 1; print "tmp" } next }
	/^openat\(/ && /O_DIRECTORY/ && !/O_NONBLOCK/ {
		d = $0; sub(/^openat\(AT_FDCWD, "/, "", d); sub(/".*/, "", d)
		if (d == net || substr(net, length(net) - length(d)) == "/" d) { dirs[fd($0)] = 1; print "dir" }
		next }
	/^fsync\(/ { f = $0; sub(/^fsync\(/, "", f); sub(/\).*/, "", f)
		if (f in tmp) print "fsync-tmp"; else if (f in dirs) print "fsync-dir"
		next }
	/^syncfs\(/ { print "syncfs"; next }
	/^(rename|renameat|renameat2|link|linkat)\(/ && /\.yaml"/ && !/= -1/ {
		print "place"; next }
	/^write\(1,/ { print "out"; next }
	' "$T/trace" | uniq | tr '\n' ' ' | sed 's/ $//'
}

if ! strace_ok; then
	skip "the order of a write's system calls: $strace_why"
else
	mknet net
	run nw-add "Ada Lovelace"
	is "$(calls nw-set ada org X)" "tmp fsync-tmp place dir fsync-dir out" \
	    "nw-set: fsync, rename, the folder fsynced, then the id"
	is "$rc:$(cat "$T/.out")" "0:ada-lovelace" "nw-set: done"
	is "$(calls nw-log -k call -m hi ada)" \
	    "tmp fsync-tmp place dir fsync-dir out" "nw-log: the same order"
	is "$(calls nw-add "Grace Hopper")" \
	    "tmp fsync-tmp place dir fsync-dir out" \
	    "nw-add: fsync, link, the folder fsynced, then the id"
	printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Bob One\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Carl Two\nEND:VCARD\n' >"$T/two.vcf"
	got=$(calls nw-import "$T/two.vcf")
	case $got in
	"tmp syncfs place dir fsync-dir out") ok 0 "nw-import's batch: one syncfs, the links, the folder fsynced, then the ids" ;;
	"tmp fsync-tmp place dir fsync-dir out") ok 0 "nw-import's batch: each fsynced, linked, the folder fsynced, then the ids" ;;
	*) is "$got" "tmp syncfs place dir fsync-dir out" "nw-import's batch: the order" ;;
	esac
	is "$rc:$(cat "$T/.out")" "0:bob-one
carl-two" "nw-import: done"
fi

# --- the last checks refuse what they must --------------------------------

# $NW_UNIT/testfault/bin: nw-set, nw-log and nw-merge built with
# -DNW_TEST_FAULT, where NW_TEST_FAULT=splice makes the editor add a key
# the edit did not ask for, and NW_TEST_FAULT=merge makes the merge do so.
F=${NW_UNIT:-}/testfault/bin
if [ ! -x "$F/nw-set" ]; then
	skip "the last checks: make units builds $F"
else
	mknet fault
	printf 'name: Ada Lovelace\norg: Old  # kept\nlog:\n  - {date: 2026-11-01, kind: call}\n' >"$NW_DIR/ada.yaml"
	cp "$NW_DIR/ada.yaml" "$T/ada.before"
	NW_TEST_FAULT=splice run "$F/nw-set" ada org New
	is "$rc:$out:$err" "1::fault/ada.yaml: the edit would change other keys; nothing written" \
	    "nw-set: the editor's check refuses a splice that adds a key"
	same "$NW_DIR/ada.yaml" "$T/ada.before" "nw-set: the file is untouched"
	NW_TEST_FAULT=splice run "$F/nw-log" -k call -m hi ada
	is "$rc:$out:$err" "1::fault/ada.yaml: the edit would change other keys; nothing written" \
	    "nw-log: the editor's check refuses it"
	same "$NW_DIR/ada.yaml" "$T/ada.before" "nw-log: the file is untouched"
	run "$F/nw-set" ada org New
	is "$rc:$out" "0:ada" "without the fault the same build sets it"

	printf 'name: A\norg: X\n' >"$T/base"
	printf 'name: A\norg: Y\n' >"$T/ours"
	printf 'name: A\norg: X\ntitle: T\n' >"$T/theirs"
	NW_TEST_FAULT=merge run "$F/nw-merge" "$T/base" "$T/ours" "$T/theirs"
	is "$rc:$(echo "$err" | head -1)" \
	    "1:nw-merge: the edited text does not hold what both sides changed" \
	    "nw-merge: its last check refuses a result with a key of its own"
	grep -q '^x-fault' "$T/ours"
	is "$?" 1 "nw-merge: the wrong result is not written"
	printf 'name: A\norg: Y\n' >"$T/ours"
	run "$F/nw-merge" "$T/base" "$T/ours" "$T/theirs"
	is "$rc:$(cat "$T/ours")" "0:name: A
org: Y
title: T" "without the fault the same build merges"
fi

done_testing
