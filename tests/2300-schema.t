#!/bin/sh
# What a key of nw(5) means lives in one place (HACKING.md): src/schema.c.
# $NW_UNIT/testkey/bin holds nw-check, nw-set, nw-show and nw-export built
# with one more line in the schema's table,
#	{ "test-key", K_DATE, K_SET, 18, "tested", NOFIELD },
# and no other change.  Each of them must know the key from that line
# alone: nw-check checks it as a date, nw-set sets it as one, nw-show shows
# it under its label, nw-export writes it in CSV and JSON.
. "$(dirname "$0")/lib.sh"

K=$NW_UNIT/testkey/bin
if [ ! -x "$K/nw-check" ]; then
	echo "1..0 # SKIP $K: make units builds the test-key programs"
	exit 0
fi
mknet n
N=$NW_DIR
printf 'name: Ada Lovelace\ntest-key: 2026-13-01\n' >"$N/ada.yaml"
printf 'name: Bob Brown\nother: 2026-13-01\n' >"$N/bob.yaml"

# nw-check: a bad date under the new key is an error; an own key is not.
run "$K/nw-check"
is "$rc.$out" "1.$N/ada.yaml:2:11: error: test-key '2026-13-01' is not a date (YYYY-MM-DD)" \
	"nw-check checks the new key as its type says"
run "$NW_BIN/nw-check"
is "$rc.$out" "0." "the same file passes the ordinary nw-check: an own key there"

# nw-set: the value is checked, a date ahead becomes a date, the bytes
# change only where they must.
run "$K/nw-set" ada test-key junk
is "$rc.$err" "1.nw-set: 'junk': not a date (YYYY-MM-DD)" \
	"nw-set refuses what is not a date"
run "$K/nw-set" ada test-key 2026-12-24
is "$rc.$out" "0.ada" "nw-set sets it"
is "$(cat "$N/ada.yaml")" "name: Ada Lovelace
test-key: 2026-12-24" "only its value changed"
run "$NW_BIN/nw-set" bob other junk
is "$rc.$(sed -n 2p "$N/bob.yaml")" "0.other: junk" \
	"the ordinary nw-set takes any text for an own key"

# nw-show: under its label, at its rank (before the user's own keys).
printf 'name: Ada Lovelace\nmine: 1\ntest-key: 2026-12-24\n' >"$N/ada.yaml"
run "$K/nw-show" ada
printf '%s\n' "$out" | sed -n 4,5p >"$T/got"
printf '  tested    2026-12-24\n  mine      1\n' >"$T/want"
same "$T/got" "$T/want" "nw-show shows it under its label"

# nw-export: a CSV column of its own, and in JSON as a string.
run "$K/nw-export" -f csv ada
is "$(printf '%s\n' "$out" | head -1 | tr -d '\r' | tr ',' '\n' | grep -n test-key)" \
	"28:test-key" "CSV: a column of its own, where the table has it (after due, before notes)"
is "$(printf '%s\n' "$out" | sed -n 2p | tr -d '\r' | cut -d, -f28)" "2026-12-24" \
	"CSV: its value"
run "$K/nw-export" -f json ada
is "$out" '{"id":"ada","name":"Ada Lovelace","mine":1,"test-key":"2026-12-24","last":null,"due":"2026-11-25"}' \
	"JSON: a string, as its type says (mine, a user's key, is a number)"

done_testing
