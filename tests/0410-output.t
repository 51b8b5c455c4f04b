#!/bin/sh
# What a person reads: commit messages that count ("and 1 other"), paths
# in messages as the user would type them from where they stand, nw-show
# -j in the one JSON shape of a contact.
. "$(dirname "$0")/lib.sh"

if ! command -v git >/dev/null; then
	echo "1..0 # SKIP git is not installed"
	exit 0
fi

mknet n
N=$NW_DIR
nw-init -g "$N" >/dev/null 2>&1
printf 'name: Ada Lovelace\n' >"$N/ada.yaml"
printf 'name: Bob Brown\n' >"$N/bob.yaml"
printf 'name: Cy Young\n' >"$N/cy.yaml"
git -C "$N" add . >/dev/null && git -C "$N" commit -qm init

# --- one commit a run, its message counting the others --------------------
run nw-log -k call ada bob
is "$rc:$out" "0:ada
bob" "nw-log two: both"
is "$(git -C "$N" log -1 --format=%s)" "Log call with Ada Lovelace and 1 other" \
	"two contacts: 'and 1 other'"
run nw-log -k email ada bob cy
is "$(git -C "$N" log -1 --format=%s)" "Log email with Ada Lovelace and 2 others" \
	"three contacts: 'and 2 others'"
run nw-log -k call ada
is "$(git -C "$N" log -1 --format=%s)" "Log call with Ada Lovelace" \
	"one contact: the name alone"

# --- paths relative to where the user stands ------------------------------
printf 'name: [broken\n' >"$N/bad.yaml"
(cd "$N" && NW_DIR=$N nw-check -q) >"$T/.out" 2>&1
is "$(cat "$T/.out")" "bad.yaml:2:1: error: did not find expected ',' or ']' while parsing a flow sequence" \
	"in the network: the path as typed there"
(cd "$T" && NW_DIR=$N nw-check -q) >"$T/.out" 2>&1
is "$(cat "$T/.out")" "n/bad.yaml:2:1: error: did not find expected ',' or ']' while parsing a flow sequence" \
	"above the network: the path from there"
(cd "$N" && nw-log -k call bad) >"$T/.out" 2>&1
is "$(cat "$T/.out")" "bad.yaml:2:1: did not find expected ',' or ']' while parsing a flow sequence" \
	"nw-log in the network: the same short path"
mkdir "$T/elsewhere"
(cd "$T/elsewhere" && nw-check -q) >"$T/.out" 2>&1
is "$(cat "$T/.out")" "$N/bad.yaml:2:1: error: did not find expected ',' or ']' while parsing a flow sequence" \
	"from elsewhere: the network as given"
(cd "$N" && nw-check -q -C ../n) >"$T/.out" 2>&1
is "$(cat "$T/.out")" "bad.yaml:2:1: error: did not find expected ',' or ']' while parsing a flow sequence" \
	"-C ../n from inside: still the short path"
rm "$N/bad.yaml"

# --- nw-show -j: the one shape, one line a contact ------------------------
printf 'name: Dee Dee\ntags: [x]\nlog:\n  - {date: 2026-11-01, kind: call}\n' \
	>"$N/dee.yaml"
run nw-show -j dee ada
is "$rc:$out" '0:{"id":"dee","name":"Dee Dee","tags":["x"],"log":[{"date":"2026-11-01","kind":"call"}],"last":"2026-11-01","due":"2027-11-01"}
{"id":"ada","name":"Ada Lovelace","log":[{"date":"2026-11-25","kind":"call"},{"date":"2026-11-25","kind":"email"},{"date":"2026-11-25","kind":"call"}],"last":"2026-11-25","due":"2027-11-25"}' \
	"nw-show -j: JSON Lines"
is "$out" "$(nw-ls -j dee ada)" "nw-show -j is nw-ls -j"
run nw-show -j -r dee
is "$rc:$out" "2:" "nw-show -j -r: a usage error"
done_testing
