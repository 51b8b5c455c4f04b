#!/bin/sh
# A writer whose standard output is full (/dev/full) says why, as the
# scans do: its ids were written early (for the next command of a
# pipeline) and errno was long gone when it closed.  The change is made
# and committed all the same.
. "$(dirname "$0")/lib.sh"

if [ ! -w /dev/full ]; then
	echo "1..0 # SKIP no /dev/full here"
	exit 0
fi
has_git=0
command -v git >/dev/null && has_git=1

mknet n
N=$NW_DIR
if [ $has_git = 1 ]; then
	git config --global init.defaultBranch main
	nw-init -g "$N" >/dev/null 2>&1
fi
printf 'name: Ada Lovelace\n' >"$N/ada.yaml"
printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Cy Dee\nEND:VCARD\n' >"$T/cy.vcf"
if [ $has_git = 1 ]; then
	git -C "$N" add ada.yaml && git -C "$N" commit -qm ada
fi

# full CMD...: CMD with standard output /dev/full
full() {
	"$@" >/dev/full 2>"$T/.err"
	rc=$?
	err=$(cat "$T/.err")
}

full nw-log -k call -m "full disk" ada
is "$rc:$err" "1:nw-log: stdout: No space left on device" \
    "nw-log > /dev/full: exit 1, ENOSPC said"
is "$(tail -n 1 "$N/ada.yaml")" "  - {date: 2026-11-25, kind: call, note: full disk}" \
    "the entry is written"
if [ $has_git = 1 ]; then
	is "$(git -C "$N" log -1 --format=%s)" "Log call with Ada Lovelace" \
	    "and committed"
else
	skip "git is not installed: the commit"
fi
full nw-set ada org Navy
is "$rc:$err" "1:nw-set: stdout: No space left on device" "nw-set"
full nw-give -m advice ada
is "$rc:$err" "1:nw-give: stdout: No space left on device" "nw-give"
full nw-add 'Bob Builder'
is "$rc:$err" "1:nw-add: stdout: No space left on device" "nw-add"
full nw-mv bob-builder bob
is "$rc:$err" "1:nw-mv: stdout: No space left on device" "nw-mv"
full nw-import "$T/cy.vcf"
is "$rc:$err" "1:nw-import: stdout: No space left on device" "nw-import"
full nw-rm bob cy-dee
is "$rc:$err" "1:nw-rm: stdout: No space left on device" "nw-rm, two contacts"
is "$(ls "$N")" "ada.yaml" "every change was made"
full nw-init "$T/other"
is "$rc:$err" "1:nw-init: stdout: No space left on device" "nw-init"
full nw-ls
is "$rc:$err" "1:nw-ls: stdout: No space left on device" "nw-ls, as before"

done_testing
