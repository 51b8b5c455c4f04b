#!/bin/sh
# Every program has its manual, mandoc -Tlint clean at warning level, and
# its usage text is the manual's SYNOPSIS; --help and -h are the usage
# and a line for each option of the manual, --version is -V.
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
	printf '%s\n' "$out" | sed '/^$/,$d' >"$T/usage"
	sed 's/^usage: *//; s/^ *//' "$T/usage" | awk '
		/^-|^\[/ { last = last " " $0; next }
		{ if (last != "") print last; last = $0 }
		END { print last }' >"$T/use"
	is "$(cat "$T/use")" "$(cat "$T/syn")" "$n -h is the SYNOPSIS"
	is "$rc" 0 "$n -h exits 0"
	# --help is -h: the usage, then a line an option, the letters those
	# of the manual's option list
	help=$out
	run "$p" --help
	is "$rc:$out" "0:$help" "$n --help is -h"
	printf '%s\n' "$out" | sed '1,/^$/d' | sed 's/^  -\(.\).*/\1/' |
		sort >"$T/hopts"
	sed -n 's/^\.It Fl \([^ ]\).*/\1/p' "$TOP/man/$n.1" | sort >"$T/mopts"
	is "$(cat "$T/hopts")" "$(cat "$T/mopts")" \
		"$n --help: one line for each option of $n(1)"
	# each option's argument name: --help's, the page's option list's
	# (.It Fl k Ar type; key Ns = Ns Ar regex is key=regex) and every
	# form of the SYNOPSIS agree; -h and -V have none
	printf '%s\n' "$out" | sed '1,/^$/d' |
		sed -n 's/^  -\(.\)\( \([^ ][^ ]*\)\)\{0,1\}  .*/\1 \3/p' |
		sed 's/ $//' | sort >"$T/hargs"
	sed -n 's/^\.It Fl \([^ ]\)\(.*\)$/\1\2/p' "$TOP/man/$n.1" |
		sed 's/ , Fl \\-.*//; s/ Ns \([^ ]*\) Ns Ar /\1/g; s/ Ar / /' |
		sed 's/ *$//' | grep -v '^[hV]$' | sort -u >"$T/margs"
	is "$(cat "$T/hargs")" "$(cat "$T/margs")" \
		"$n --help: each option's argument named as in $n(1)"
	tr '\n' ' ' <"$T/syn" | grep -o '\(^\|[ []\)-[A-Za-z] [a-z][^] |]*' |
		sed 's/^[ []*-//' | sort -u >"$T/sargs"
	is "$(join -v1 "$T/sargs" "$T/hargs")" "" \
		"$n: each option of the SYNOPSIS with the argument name of --help"
	run "$p" --version
	is "$rc:$out:$err" "0:$n $(sed -n 's/^#define[	 ]*NW_VERSION[	 ]*"\(.*\)"$/\1/p' "$TOP/src/nw.h"):" "$n --version"
	run "$p" --no-such-option
	is "$rc" 2 "$n --no-such-option: a usage error"
done
for page in nw.5 nw.7; do
	(cd "$TOP/man" && mandoc -Tlint -Wwarning "$page") >"$T/lint" 2>&1
	is "$(grep -v 'outdated mandoc.db' "$T/lint")" "" "$page is lint clean"
done
done_testing
