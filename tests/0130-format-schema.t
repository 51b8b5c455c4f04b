#!/bin/sh
# What a key of nw(5) means lives in one place (HACKING.md): src/schema.c.
# $NW_UNIT/testkey/bin holds every program built with one more key of
# each kind of value in the schema's table,
#	{ "test-key",  K_DATE, K_SET,          18, "tested", NOFIELD },
#	{ "test-dur",  K_DUR,  K_SET,          18, NULL,     NOFIELD },
#	{ "test-list", K_LIST, K_SET | K_FLOW, 18, NULL,     NOFIELD },
#	{ "test-map",  K_MAP,  K_SET,          18, NULL,     NOFIELD },
# and no other change.  Each program must know the keys from those lines
# alone: nw-check checks each as its type says, nw-set sets it, nw-show
# shows it, nw-merge merges it (a list as a set), nw-export writes it in
# CSV and JSON, nw-import reads the CSV back.
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

# --- one key of each kind: a duration, a list of strings, a map ---------

printf 'name: Ada Lovelace\ntest-dur: 3x\ntest-list: [a, b]\n' >"$N/ada.yaml"
run "$K/nw-check" ada
is "$rc.$out" "1.$N/ada.yaml:2:11: error: test-dur '3x' is not a duration (like 3w, 2m, 1y) or never" \
	"nw-check checks the duration as a duration"
run "$K/nw-set" ada test-dur junk
is "$rc.$err" "1.nw-set: 'junk': not a duration (like 3w, 2m, 1y) or never" \
	"nw-set refuses what is not a duration"
run "$K/nw-set" ada test-dur 2w
is "$rc.$out" "0.ada" "nw-set sets the duration"
run "$K/nw-set" -a ada test-list c
is "$rc.$out" "0.ada" "nw-set -a adds to the list"
run "$K/nw-set" -a ada test-dur 3w
is "$rc.$err" "2.nw-set: -a adds to a list: this key holds one value" \
	"nw-set -a refuses to add to a duration (it made a list of it)"
printf 'test-map:\n  home: one\n  work: two\n' >>"$N/ada.yaml"
is "$(cat "$N/ada.yaml")" "name: Ada Lovelace
test-dur: 2w
test-list: [a, b, c]
test-map:
  home: one
  work: two" "only their values changed"
run "$K/nw-set" ada test-map
is "$rc.$out" "0.home	one
work	two" "nw-set prints the map, a pair a line"
run "$K/nw-check" ada
is "$rc.$out" "0." "nw-check passes them"

run "$K/nw-show" ada
printf '%s\n' "$out" | sed -n 4,7p >"$T/got"
printf '  test-dur  2w\n  test-list a, b, c\n  test-map  home: one\n            work: two\n' >"$T/want"
same "$T/got" "$T/want" "nw-show shows the duration, the list and the map"

printf 'name: Bob Brown\nevery: 2w\n' >"$N/bob.yaml"
run "$NW_BIN/nw-set" -a bob every 3w
is "$rc.$err.$(cat "$N/bob.yaml")" "2.nw-set: -a adds to a list: this key holds one value.name: Bob Brown
every: 2w" "the same for every: its type says it is one value"

# nw-merge: the list merges as a set, the duration as a whole.
printf 'name: Ada\ntest-list: a\ntest-dur: 2w\n' >"$T/base"
printf 'name: Ada\ntest-list: b\ntest-dur: 3w\n' >"$T/ours"
printf 'name: Ada\ntest-list: c\ntest-dur: 2w\n' >"$T/theirs"
run "$K/nw-merge" "$T/base" "$T/ours" "$T/theirs"
is "$rc.$(cat "$T/ours")" "0.name: Ada
test-list: [b, c]
test-dur: 3w" "nw-merge: a list key merges as a set, even from strings"
printf 'name: Ada\ntest-dur: 2w\n' >"$T/base"
printf 'name: Ada\ntest-dur: 3w\n' >"$T/ours"
printf 'name: Ada\ntest-dur: 1m\n' >"$T/theirs"
run "$K/nw-merge" "$T/base" "$T/ours" "$T/theirs"
is "$rc.$err" "1.nw-merge: 'test-dur': changed on both sides" \
	"nw-merge: a duration changed on both sides is a conflict"

# nw-export, then nw-import reads the CSV back into a new network: the
# same data, key by key.
printf 'name: Ada Lovelace\nadded: 2026-11-25\ntest-key: 2026-12-24\ntest-dur: 2w\ntest-list: [a, b]\ntest-map:\n  home: one\n  work: two\n' >"$N/ada.yaml"
run "$K/nw-export" -f json ada
is "$out" '{"id":"ada","name":"Ada Lovelace","added":"2026-11-25","test-key":"2026-12-24","test-dur":"2w","test-list":["a","b"],"test-map":{"home":"one","work":"two"},"last":null,"due":"2027-11-25"}' \
	"JSON: each as its type says"
"$K/nw-export" -f csv ada >"$T/ada.csv"
"$K/nw-init" "$T/back" >/dev/null
NW_DIR=$T/back run "$K/nw-import" -f csv "$T/ada.csv"
is "$rc.$out" "0.ada" "nw-import reads the CSV back, the id kept"
NW_DIR=$T/back run "$K/nw-export" -f json ada
is "$out" '{"id":"ada","name":"Ada Lovelace","added":"2026-11-25","test-key":"2026-12-24","test-dur":"2w","test-list":["a","b"],"test-map":{"home":"one","work":"two"},"last":null,"due":"2027-11-25"}' \
	"the same data came back"

done_testing
