#!/bin/sh
# The README's tour is a real session: run it as written (in a scratch
# folder) and check what it leaves.
. "$(dirname "$0")/lib.sh"

awk '/^## A five-minute tour/ { on = 1 } on && /^```$/ { exit }
	on && f { print } on && /^```sh$/ { f = 1 }' "$TOP/README.md" |
	sed "s|/tmp/my-network|$T/net|" >"$T/tour.sh"
is "$(head -1 "$T/tour.sh" | cut -c1-13)" "export NW_DIR" "the tour was found"
run sh -e "$T/tour.sh"
is "$rc" 0 "the tour runs to the end"
is "$out" "$T/net
ada-lovelace
charles-babbage
grace-hopper
alan-turing
ada-lovelace
charles-babbage
charles-babbage	2026-12-09	-14	Charles Babbage	follow-up: Send the draft
alan-turing	2026-12-16	-21	Alan Turing	inner: every 3w, added 2026-11-25
grace-hopper	2026-12-16	-21	Grace Hopper	inner: every 3w, added 2026-11-25
alan-turing	2026-12-16	47	Alan Turing	inner: every 3w, added 2026-11-25
grace-hopper	2026-12-16	47	Grace Hopper	inner: every 3w, added 2026-11-25
charles-babbage	2026-12-09	54	Charles Babbage	follow-up: Send the draft
ada-lovelace	2027-01-25	7	Ada Lovelace	close: every 2m, last 2026-11-25
ada-lovelace
ada-lovelace
ada-lovelace	1	1	0	Ada Lovelace
alan-turing
grace-hopper
charles-babbage
ada-lovelace" "each step prints what it should"
is "$err" "nw-log: warning: asked Ada Lovelace 1 time, gave 0" \
	"the ask before a give is warned about"
is "$(tail -2 "$T/net/charles-babbage.yaml")" "  - {date: 2026-11-25, kind: email}
  - {date: 2027-02-01, kind: email, note: Happy new year}" \
	"the pipeline logged and cleared the follow-up"
done_testing
