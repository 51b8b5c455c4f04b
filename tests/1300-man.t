#!/bin/sh
# Every program has its manual, mandoc -Tlint clean at warning level, and
# its usage text is the manual's SYNOPSIS.
. "$(dirname "$0")/lib.sh"

if ! command -v mandoc >/dev/null; then
	echo "1..0 # SKIP mandoc is not installed"
	exit 0
fi
for p in "$NW_BIN"/nw*; do
	n=$(basename "$p")
	[ -f "$TOP/man/$n.1" ]
	ok $? "$n has man/$n.1"
	(cd "$TOP/man" && mandoc -Tlint -Wwarning "$n.1") >"$T/lint" 2>&1
	is "$(grep -v 'outdated mandoc.db' "$T/lint")" "" "$n.1 is lint clean"
	# the SYNOPSIS as text, against "usage: ..." with the same words
	mandoc -Tutf8 -Owidth=500 "$TOP/man/$n.1" | col -b |
		awk '/^SYNOPSIS/ { on = 1; next } /^[A-Z]/ { on = 0 } on && NF' |
		sed 's/^ *//' >"$T/syn"
	run "$p" -h
	echo "$out" | sed 's/^usage: *//; s/^ *//' | awk '
		/^-|^\[/ { last = last " " $0; next }
		{ if (last != "") print last; last = $0 }
		END { print last }' >"$T/use"
	is "$(cat "$T/use")" "$(cat "$T/syn")" "$n -h is the SYNOPSIS"
	is "$rc" 0 "$n -h exits 0"
done
for page in nw.5 nw.7; do
	(cd "$TOP/man" && mandoc -Tlint -Wwarning "$page") >"$T/lint" 2>&1
	is "$(grep -v 'outdated mandoc.db' "$T/lint")" "" "$page is lint clean"
done
done_testing
