#!/bin/sh
# nw-set of a part of a mapping (dates.x, links.x, met.x) and of met as
# text: the value's kind from the schema, byte-exact edits through the
# editor (comments, order and style kept), -d of a part.
. "$(dirname "$0")/lib.sh"

mknet n
N=$NW_DIR
cat >"$N/ada.yaml" <<'Y'
name: Ada Lovelace   # the countess
links:            # block style
  github: ada     # handle
dates: {anniversary: 2010-01-01, "Max (son)": --05-02}
met: {date: 2019-03-02, where: RustConf}
log:
  - {date: 2026-01-01, kind: call}
Y
cat >"$N/bob.yaml" <<'Y'
name: Bob Byron
met: Analytical Engine Society dinner, 2018   # roughly
Y
cp "$N/ada.yaml" "$T/ada.orig"
cp "$N/bob.yaml" "$T/bob.orig"

run nw-set ada dates.anniversary 2012-06-09
is "$rc:$out:$err" "0:ada:" "set a date of dates: the id"
run nw-set ada links.linkedin in/ada
is "$rc:$out:$err" "0:ada:" "add a link"
run nw-set ada links.web 'https://e.org/p;jsessionid=1'
run nw-set ada met.where 'Rust Conf, Montréal'
is "$rc:$out:$err" "0:ada:" "set met's where"
cat >"$T/want" <<'Y'
name: Ada Lovelace   # the countess
links:            # block style
  github: ada     # handle
  linkedin: in/ada
  web: "https://e.org/p;jsessionid=1"
dates: {anniversary: 2012-06-09, "Max (son)": --05-02}
met: {date: 2019-03-02, where: "Rust Conf, Montréal"}
log:
  - {date: 2026-01-01, kind: call}
Y
same "$N/ada.yaml" "$T/want" "each part changed or added in place, comments and order kept"
run nw-set ada dates.anniversary
is "$rc:$out" "0:2012-06-09" "a part printed"
run nw-set ada 'dates.Max (son)'
is "$rc:$out" "0:--05-02" "a part whose name has blanks printed"
run nw-check ada
is "$rc:$out$err" "0:" "the result passes nw-check"

# the value's kind comes from the schema
run nw-set ada dates.wedding 2020-13-01
is "$rc:$out:$err" "1::nw-set: '2020-13-01': not a date (YYYY-MM-DD or --MM-DD)" "a date of dates is checked"
run nw-set ada met.date soon
is "$rc:$out:$err" "1::nw-set: 'soon': not a date (YYYY-MM-DD)" "met's date is checked"
run nw-set ada met.via nobody
is "$rc:$out:$err" "1::nw-set: via 'nobody' names no contact" "met's via must name a contact"
run nw-set ada met.with Bob
is "$rc:$out:$err" "1::nw-set: 'met.with': met has a date, where and via" "met has three parts"
run nw-set -a ada links.x y
is "$rc:$err" "1:$N/ada.yaml: a part of a mapping is set, not added to" "-a of a part is refused"
run nw-set ada org.x y
is "$rc:$out:$err" "1::nw-set: 'org.x': not a key, nor a part of a mapping of nw(5)" "a key without parts takes no part"
same "$N/ada.yaml" "$T/want" "nothing written by a refusal"

run nw-set -d ada 'dates.Max (son)'
is "$rc:$out:$err" "0:ada:" "-d of a part"
run nw-set -d ada 'dates.Max (son)'
is "$rc:$out:$err" "1::nw-set: ada: 'dates.Max (son)': no such key to delete" "-d of a part that is gone"
run nw-set -d ada dates.anniversary
is "$(grep -c '^dates' "$N/ada.yaml")" "0" "-d of the last part takes the key"

# met as text
run nw-set bob met.date 2018-05-01
is "$rc:$out:$err" "0:bob:" "a part added to a met that is text"
is "$(sed -n 2p "$N/bob.yaml")" 'met: {where: "Analytical Engine Society dinner, 2018", date: 2018-05-01}   # roughly' \
	"the text kept as where, the comment kept"
run nw-set bob met 'PyCon: the hallway'
is "$rc:$(sed -n 2p "$N/bob.yaml")" '0:met: "PyCon: the hallway"   # roughly' "met set as text"
run nw-set bob met.where 'PyData'
is "$rc:$(sed -n 2p "$N/bob.yaml")" '0:met: PyData   # roughly' "where of a met that is text replaces the text"
run nw-set bob met.where
is "$rc:$out" "0:PyData" "where of a met that is text printed"
run nw-set -d bob met.where
is "$rc:$(cat "$N/bob.yaml")" "0:name: Bob Byron" "-d of where takes a met that is text"
done_testing
