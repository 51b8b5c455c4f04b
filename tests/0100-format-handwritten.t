#!/bin/sh
# Files written by hand (the example network: comments, both list styles,
# flow and block entries, CRLF, a BOM, no final newline, block scalars
# last, an empty log:, tabs after key:) take a log entry through nw-log
# with only lines added, and read back as the old data plus the entry.
. "$(dirname "$0")/lib.sh"

cp -R "$TOP/examples/network" "$T/n"
rm -f "$T/n/.nw.yaml"
NW_DIR=$T/n
export NW_DIR
printf 'name:\tTab Person\nemail:\tt@example.org   # work\nlog:\t[]\n' >"$T/n/tab-person.yaml"
printf 'name: Last Scalar\nnotes: >\n  folded\n  text\n\n' >"$T/n/last-scalar.yaml"
cp -R "$T/n" "$T/orig"

ids=$(cd "$T/n" && find . -name '*.yaml' ! -name '.*' | sed 's|^\./||; s|\.yaml$||' | sort)
for id in $ids; do
	# a bare next goes away: keep it out of the diff
	run nw-log -k call -m 'hand: written, #1' "$id"
	is "$rc.$out" "0.$id" "nw-log $id"
	# compare whole lines: a missing final newline is checked below
	awk 1 "$T/orig/$id.yaml" >"$T/a"
	awk 1 "$T/n/$id.yaml" >"$T/b"
	diff "$T/a" "$T/b" >"$T/diff"
	is "$(grep '^<' "$T/diff" | grep -v -e '^< next:' -e '^< next-note:' \
		-e '^< log:.*\[')" "" "$id: no line removed but next, next-note or a flow log"
	is "$(grep '^>' "$T/diff" | grep -v -e 'hand: written, #1' -e '^> log:$')" "" \
		"$id: the only lines added are the entry and its log:"
done

# CRLF stays CRLF, the BOM stays, the missing final newline stays missing
is "$(tail -c 2 "$T/n/sofia-rossi.yaml" | od -An -c | tr -d ' ')" '\r\n' \
	"a CRLF file still ends in CRLF"
is "$(grep -c "$(printf '\r')\$" "$T/n/sofia-rossi.yaml")" \
	"$(wc -l <"$T/n/sofia-rossi.yaml" | tr -d ' ')" "every line of it is CRLF"
is "$(head -c 3 "$T/n/omar-haddad.yaml" | od -An -tx1 | tr -d ' ')" efbbbf \
	"the BOM is kept"
is "$(tail -c 1 "$T/n/hannah-berg.yaml" | od -An -c | tr -d ' ')" '}' \
	"a file without a final newline still has none"
is "$(cat "$T/n/tab-person.yaml")" "$(printf 'name:\tTab Person\nemail:\tt@example.org   # work\nlog:\t[{date: 2026-11-25, kind: call, note: "hand: written, #1"}]')" \
	"tabs after key: and a flow log"
is "$(cat "$T/n/last-scalar.yaml")" "$(printf 'name: Last Scalar\nnotes: >\n  folded\n  text\n\nlog:\n  - {date: 2026-11-25, kind: call, note: "hand: written, #1"}')" \
	"a block scalar last"

if python3 -c 'import yaml' 2>/dev/null; then
	python3 - "$T/orig" "$T/n" $ids >"$T/py" 2>&1 <<'PY'
import datetime, sys, yaml
item = {"date": datetime.date(2026, 11, 25), "kind": "call",
        "note": "hand: written, #1"}
bad = 0
for i in sys.argv[3:]:
    load = lambda d: yaml.load(open("%s/%s.yaml" % (d, i), encoding="utf-8-sig"),
                               Loader=yaml.Loader)
    try:
        old = load(sys.argv[1])
    except yaml.YAMLError:
        continue        # PyYAML refuses tabs after key: where libyaml does not
    new = load(sys.argv[2])
    if old.get("next-note") is None:   # a bare next ends; a promise stays
        old.pop("next", None); old.pop("next-note", None)
    old["log"] = (old.get("log") or []) + [item]
    if old != new:
        print("differs:", i); bad += 1
print(bad)
PY
	is "$(cat "$T/py")" 0 "PyYAML reads every file as its old data plus the entry"
fi
if command -v yamllint >/dev/null; then
	for id in $ids; do
		yamllint -d relaxed -f parsable "$T/orig/$id.yaml" | grep -c error >"$T/before"
		yamllint -d relaxed -f parsable "$T/n/$id.yaml" | grep -c error >"$T/after"
		same "$T/after" "$T/before" "$id: yamllint finds no new error"
	done
fi
done_testing
