#!/bin/sh
# Every fuzz corpus replayed through every harness of tests/fuzz, built
# without libFuzzer: an input that once crashed a harness or broke one of
# its invariants (see each harness's comment) stays fixed.  No fuzzing
# here: make fuzz does that.
. "$(dirname "$0")/lib.sh"

: "${NW_UNIT:=$TOP/build}"
harnesses="load edit vcard csv merge mail cal"

# replay HARNESS WHAT INPUT... : one ok, the inputs all run, none failed
replay() {
	_h=$1 _what=$2
	shift 2
	_n=$(find "$@" -type f | wc -l)
	"$NW_UNIT/fuzz-$_h" -v "$@" >/dev/null 2>"$T/.err"
	_rc=$?
	if [ "$_rc" -eq 0 ] && [ "$(tail -n 1 "$T/.err")" = \
	    "fuzz-$_h: $((_n)) inputs" ]; then
		ok 0 "fuzz-$_h: $_what ($((_n)) inputs)"
	else
		ok 1 "fuzz-$_h: $_what ($((_n)) inputs)"
		echo "# exit $_rc; the input that failed, and why:"
		_l=$(grep -n '^replay: ' "$T/.err" | tail -n 1 | cut -d: -f1)
		sed -n "${_l:-1},\$p" "$T/.err" | head -n 30 | sed 's/^/# /'
	fi
}

for h in $harnesses; do
	for c in $harnesses; do
		replay "$h" "corpus/$c" "$TOP/tests/fuzz/corpus/$c"
	done
done

if [ -d "$DATA/yaml-test-suite" ] && [ -d "$DATA/vcards-khard" ]; then
	find "$DATA/yaml-test-suite" -name in.yaml | sort >"$T/suite"
	for h in $harnesses; do
		# shellcheck disable=SC2046
		replay "$h" "yaml-test-suite" $(cat "$T/suite")
		replay "$h" "vcards-khard" "$DATA"/vcards-khard/*.vcf
	done
else
	skip "the shared corpora (yaml-test-suite, vcards-khard): $DATA is absent"
fi
done_testing
