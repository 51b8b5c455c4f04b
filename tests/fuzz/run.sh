#!/bin/sh
# run.sh - each harness under libFuzzer (make fuzz).
#
# usage: run.sh BUILD-DIR SECONDS HARNESS...
#
# Seeds: tests/fuzz/corpus/NAME and, when ../shared/data is there, the
# shared corpora (read, never copied).  New inputs go to BUILD-DIR/corpus/
# NAME, findings to BUILD-DIR/findings/NAME.  Prints each harness's
# executions and findings; exits 1 when any harness found something.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$1 secs=$2
shift 2
data=$top/../shared/data
fail=0
for h in "$@"; do
	name=${h#fuzz-}
	mkdir -p "$b/corpus/$name" "$b/findings/$name"
	set -- "$top/tests/fuzz/corpus/$name"
	case $name in
	load|edit|merge)
		[ -d "$data/yaml-test-suite" ] && set -- "$@" "$data/yaml-test-suite"
		dict=yaml ;;
	vcard)
		[ -d "$data/vcards-khard" ] && set -- "$@" "$data/vcards-khard"
		dict=vcard ;;
	csv)	dict=csv ;;
	mail)	dict=mail ;;
	cal)	dict=ical ;;
	esac
	"$b/$h" -max_total_time="$secs" -timeout=10 -print_final_stats=1 \
	    -dict="$top/tests/fuzz/$dict.dict" \
	    -artifact_prefix="$b/findings/$name/" \
	    "$b/corpus/$name" "$@" >"$b/$h.log" 2>&1
	rc=$?
	n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$b/$h.log")
	echo "$h: ${n:-?} executions in ${secs}s, corpus $(ls "$b/corpus/$name" | wc -l) inputs"
	if [ "$rc" -ne 0 ]; then
		fail=1
		echo "$h: FOUND (exit $rc), see $b/$h.log:"
		grep -m 3 -e 'ERROR:' -e 'invariant failed' -e 'runtime error' \
		    "$b/$h.log" | sed 's/^/	/'
		ls "$b/findings/$name" | sed "s|^|	$b/findings/$name/|"
	fi
done
exit $fail
