#!/bin/sh
# nw-set: print, set, add to a list, delete; values checked; minimal diffs.
# (The engine's set-then-delete over every YAML test suite case is in
# 0120-format-yaml-suite.t.)
. "$(dirname "$0")/lib.sh"

mknet n
N=$NW_DIR
cat >"$N/ada.yaml" <<'Y'
name: Ada Lovelace   # the countess
circle: close
tags: [math, rust]
groups:
  - ACM
  - Royal Society
email: ada@example.org  # home
links: {github: ada, mastodon: "@ada@example.social"}
next: 2026-12-01 # soon
log:
  - {date: 2026-01-01, kind: call}
Y
cp "$N/ada.yaml" "$T/ada.orig"

run nw-set ada circle
is "$rc.$out" "0.close" "print a value"
run nw-set ada groups
is "$out" "ACM
Royal Society" "print a list, one item a line"
run nw-set ada links
is "$out" "github	ada
mastodon	@ada@example.social" "print a mapping as key, tab, value"
run nw-set ada title
is "$rc.$out.$err" "1.." "an absent key: exit 1, silent"

run nw-set ada next 2w
is "$rc.$out" "0.ada" "set next 2w prints the id"
is "$(sed -n 9p "$N/ada.yaml")" "next: 2026-12-09 # soon" "the value replaced, the comment kept"
run nw-set ada next-note 'Ask: how is it going?'
is "$(tail -1 "$N/ada.yaml")" 'next-note: "Ask: how is it going?"' "a new key at the end, quoted as it must be"
run nw-set ada title Countess
is "$(tail -1 "$N/ada.yaml")" 'title: Countess' "plain when it can be"
# Options come first: after the operands a word is a value even when it
# begins with '-', on every system (glibc's getopt would take it for
# options unless asked not to).
run nw-set ada title '-x marks the spot'
is "$rc.$err.$(tail -1 "$N/ada.yaml")" "0..title: -x marks the spot" \
	"a value that begins with '-' after ref and key"
run nw-set ada pronouns yes
is "$(tail -1 "$N/ada.yaml")" 'pronouns: "yes"' "a string that would read as a bool is quoted"
for k in next-note title pronouns; do nw-set -d ada $k >/dev/null; done
run nw-set ada next 2026-12-01
same "$N/ada.yaml" "$T/ada.orig" "set back and deleted: the original bytes"

run nw-set -a ada tags poetry
is "$(sed -n 3p "$N/ada.yaml")" "tags: [math, rust, poetry]" "-a into a flow list"
run nw-set -a ada groups 'Analytical Engine Society'
is "$(sed -n 4,7p "$N/ada.yaml")" "groups:
  - ACM
  - Royal Society
  - Analytical Engine Society" "-a into a block list, at its column"
run nw-set -a ada email ada@work.example
is "$(sed -n 8p "$N/ada.yaml")" "email: [ada@example.org, ada@work.example]  # home" \
	"-a turns one value into a list"
run nw-set -a ada aka Ada
is "$(tail -1 "$N/ada.yaml")" "aka: [Ada]" "-a of an absent key: a flow list"
cp "$N/ada.yaml" "$T/before"
run nw-set -a ada tags rust
is "$rc" 0 "-a of a value already there: exit 0"
same "$N/ada.yaml" "$T/before" "and no change"
run nw-set -d ada tags rust
is "$(sed -n 3p "$N/ada.yaml")" "tags: [math, poetry]" "-d one value of a flow list"
run nw-set -d ada groups 'Royal Society'
is "$(sed -n 4,6p "$N/ada.yaml")" "groups:
  - ACM
  - Analytical Engine Society" "-d one value of a block list"
run nw-set -d ada aka Ada
is "$(grep -c '^aka' "$N/ada.yaml")" 0 "-d the last value takes its key"
cp "$N/ada.yaml" "$T/before"
run nw-set -d ada tags nope
is "$rc.$err" "1.nw-set: ada: 'nope': not there to delete" "-d of a value not there: exit 1"
run nw-set -d ada title
is "$rc.$err" "1.nw-set: ada: 'title': no such key to delete" "-d of a key not there: exit 1"
same "$N/ada.yaml" "$T/before" "and the file is untouched"

# bad values: exit 1, the file untouched
for kv in "next someday" "every 3x" "circle clsoe" "email foo" \
    "birthday 1815-13-01" "added 2026-02-30" "name "; do
	set -- $kv
	run nw-set ada "$1" "${2-}"
	is "$rc" 1 "a bad $1 exits 1"
	same "$N/ada.yaml" "$T/before" "a bad $1 leaves the file untouched"
done
run nw-set ada every 3x
is "$err" "nw-set: '3x': not a duration (like 3w, 2m, 1y) or never" "and says why"

# usage
for args in "-a ada tags" "ada log x" "-a -d ada tags x" "ada 'a b' x" \
    "ada" "-d ada name"; do
	eval "run nw-set $args"
	is "$rc" 2 "usage error: nw-set $args"
done
same "$N/ada.yaml" "$T/before" "usage errors touch nothing"

# line ends and BOMs are the file's own
printf '\357\273\277name: B\r\nx: 1\r\n' >"$N/b.yaml"
cp "$N/b.yaml" "$T/b.orig"
run nw-set b next 2026-12-01
is "$(od -An -c "$N/b.yaml" | tr -s ' ' | tr -d '\n')" \
	" 357 273 277 n a m e : B \r \n x : 1 \r \n n e x t : 2 0 2 6 - 1 2 - 0 1 \r \n" \
	"CRLF and the BOM kept"
run nw-set -d b next
same "$N/b.yaml" "$T/b.orig" "and deleting it gives the bytes back"
printf 'name: C\nx: 1' >"$N/c.yaml"
run nw-set c y 2
is "$(cat "$N/c.yaml"; echo .)" "name: C
x: 1
y: \"2\"." "no final newline stays none (values are strings)"
run nw-set -d c y
is "$(cat "$N/c.yaml"; echo .)" "name: C
x: 1." "and back"
printf 'name: D\nlog: {a: 1}\n' >"$N/d.yaml"
run nw-set d x 1
is "$rc.$err" "1.$N/d.yaml:2:6: 'log' is not a list" "a file of a shape nw cannot edit is refused"

# "-" as the reference: the lines of standard input, each changed, one
# commit; printing is for one contact.
mknet dash
printf 'name: Eve Early\n' >"$NW_DIR/eve.yaml"
printf 'name: Fay Field\ntags: [x]\n' >"$NW_DIR/fay.yaml"
pipein 'eve
fay	Fay Field
' nw-set - circle close
is "$rc:$out:$err" "0:eve
fay:" "nw-set - KEY VALUE: each reference of the pipe"
is "$(cat "$NW_DIR/eve.yaml" "$NW_DIR/fay.yaml")" "name: Eve Early
circle: close
name: Fay Field
tags: [x]
circle: close" "nw-set -: both files changed"
pipein 'eve
fay
' nw-set -d - tags x
is "$rc:$out:$err" "1:fay:nw-set: eve: 'x': not there to delete" \
	"nw-set -d -: the one without it said, the other changed"
pipein 'eve
' nw-set - circle
is "$rc:$out:$err" "2::nw-set: '-': a key is printed for one contact" \
	"nw-set - KEY: printing is for one contact"
pipein '' nw-set - circle inner
is "$rc:$out:$err" "0::" "nw-set - with an empty pipe: nothing to do"
done_testing
