#!/bin/sh
# References (nw(7), References): id, then a file path inside
# the network, then an exact name or aka (any case), then a unique id
# prefix, then a unique prefix of the name or of one of its words.  Never a
# file outside the network.  Standard input: a pipe or a regular file, one
# reference a line, the text before the first tab.
. "$(dirname "$0")/lib.sh"

want() { cat >"$T/want"; }


mknet net
N=$NW_DIR
mkdir "$N/work" "$N/.trash"
printf 'name: Ada Lovelace\n' >"$N/ada-lovelace.yaml"
printf 'name: Ada Yonath\n' >"$N/ada-yonath.yaml"
printf 'name: Bob Smith\naka: [Bobby, Robert Smith]\n' >"$N/bob-smith.yaml"
printf 'name: Bobby Moore\naka: [Smithy]\n' >"$N/bobby-moore.yaml"
printf 'name: Grace Hopper\naka: [Amazing Grace]\n' >"$N/work/grace-hopper.yaml"
printf 'name: Hidden Person\n' >"$N/.hidden.yaml"
printf 'name: Trashed Person\n' >"$N/.trash/trashed.yaml"
ids="ada-lovelace ada-yonath bob-smith bobby-moore work/grace-hopper"
for id in $ids; do
	mkdir -p "$T/base/$(dirname "$id")"
	cp "$N/$id.yaml" "$T/base/$id.yaml"
done

# resolves REF ID: nw-log -k note REF logs to ID alone and says so.
# The contact's file is put back afterwards.
resolves() {
	run nw-log -k note "$1"
	is "$rc:$out:$err" "0:$2:" "'$1' is $2"
	{ cat "$T/base/$2.yaml"; echo "log:"; echo "  - {date: 2026-11-25, kind: note}"; } | want
	same "$N/$2.yaml" "$T/want" "'$1': $2.yaml got the entry"
	cp "$T/base/$2.yaml" "$N/$2.yaml"
}

# untouched DESC: no contact file changed.
untouched() {
	_r=0
	for _id in $ids; do
		cmp -s "$N/$_id.yaml" "$T/base/$_id.yaml" || _r=1
	done
	ok $_r "$1: no contact file changed"
}

# ---------------------------------------------------------------------------
# Each rule.
resolves ada-lovelace ada-lovelace
resolves work/grace-hopper work/grace-hopper
resolves "$N/ada-yonath.yaml" ada-yonath
resolves "$N/work/grace-hopper.yaml" work/grace-hopper
resolves "Ada Lovelace" ada-lovelace
resolves "ADA YONATH" ada-yonath
resolves "amazing grace" work/grace-hopper
resolves "Robert Smith" bob-smith
resolves ada-l ada-lovelace
resolves work work/grace-hopper
resolves "ada l" ada-lovelace
resolves love ada-lovelace
resolves YON ada-yonath
resolves hop work/grace-hopper
resolves amaz work/grace-hopper
resolves moo bobby-moore

# Order: an exact aka ("Bobby") beats the unique id prefix "bobby-moore".
resolves bobby bob-smith
resolves BOBBY bob-smith

# File paths are relative to the working directory.
cd "$T" || exit 1
resolves ./net/ada-lovelace.yaml ada-lovelace
resolves net/work/grace-hopper.yaml work/grace-hopper
cd "$N/work" || exit 1
resolves grace-hopper.yaml work/grace-hopper
resolves ../ada-yonath.yaml ada-yonath
cd "$N" || exit 1
resolves ./work/../bob-smith.yaml bob-smith
cd "$T" || exit 1

# No match, several matches.
run nw-log -k note zed
is "$rc:$out" "1:" "'zed': exit 1, nothing printed"
is "$err" "nw-log: 'zed': no such contact" "'zed': no such contact"
run nw-log -k note ada
is "$rc:$out" "1:" "'ada': exit 1, nothing printed"
is "$err" "nw-log: 'ada': ambiguous: ada-lovelace, ada-yonath" "'ada': ambiguous, both named"
run nw-log -k note smith
is "$err" "nw-log: 'smith': ambiguous: bob-smith, bobby-moore" "'smith': a word of one's name, of the other's aka: ambiguous"
untouched "no such contact, ambiguous"

# One bad reference does not stop the others.
run nw-log -k note zed hop ada
is "$rc" 1 "bad refs among good ones: exit 1"
is "$out" "work/grace-hopper" "bad refs among good ones: the good one done"
is "$err" "nw-log: 'zed': no such contact
nw-log: 'ada': ambiguous: ada-lovelace, ada-yonath" "bad refs among good ones: each said in order"
cp "$T/base/work/grace-hopper.yaml" "$N/work/grace-hopper.yaml"

# Names beginning with '.' are not contacts.
for r in .hidden hidden .hidden.yaml "$N/.hidden.yaml" .trash/trashed trashed .nw \
    "$N/nobody.yaml" ./net/nobody.yaml; do
	run nw-log -k note "$r"
	is "$rc:$out:$err" "1::nw-log: '$r': no such contact" "'$r': not a contact"
done
printf 'name: Hidden Person\n' | want
same "$N/.hidden.yaml" "$T/want" "dot file untouched"

# ---------------------------------------------------------------------------
# Nothing outside the network is reached.
printf 'name: Out Side\n' >"$T/outside.yaml"
cp "$T/outside.yaml" "$T/outside.base"
mkdir "$T/extdir"
printf 'name: Ext Ern\n' >"$T/extdir/ext.yaml"
cp "$T/extdir/ext.yaml" "$T/ext.base"
ln -s "$T/outside.yaml" "$N/sneaky.yaml"
ln -s "$T/extdir" "$N/ext"

cd "$N" || exit 1
for r in ../outside.yaml ../outside "$T/outside.yaml" ./../outside.yaml \
    work/../../outside.yaml sneaky sneaky.yaml ./sneaky.yaml "$N/sneaky.yaml" \
    ext/ext ext/ext.yaml "$N/ext/ext.yaml"; do
	run nw-log -k call "$r"
	is "$rc:$out:$err" "1::nw-log: '$r': outside the network" "'$r' refused"
done
cd "$T" || exit 1
run nw-log -k call ./outside.yaml
is "$rc:$out:$err" "1::nw-log: './outside.yaml': outside the network" "a path outside, from outside: refused"
same "$T/outside.yaml" "$T/outside.base" "the outside file is untouched"
same "$T/extdir/ext.yaml" "$T/ext.base" "the file behind a symlinked folder is untouched"
run nw-log -k call ../outside.yaml ada-yonath
is "$rc:$out" "1:ada-yonath" "refused ref among good ones: exit 1, the good one done"
cp "$T/base/ada-yonath.yaml" "$N/ada-yonath.yaml"
untouched "refused references"

# ---------------------------------------------------------------------------
# Standard input.
mknet due
D=$NW_DIR
# Never contacted: due today.  Contacted yesterday: not due.
printf 'name: Ann Avery\n' >"$D/ann.yaml"
printf 'name: Ben Bell\n' >"$D/ben.yaml"
mkdir "$D/work"
printf 'name: Cal Cole\n' >"$D/work/cal.yaml"
printf 'name: Dot Dale\nlog:\n  - {date: 2026-11-24, kind: call}\n' >"$D/dot.yaml"
for f in ann ben work/cal dot; do mkdir -p "$T/dbase/work"; cp "$D/$f.yaml" "$T/dbase/$f.yaml"; done

run nw-due
is "$rc:$err" "0:" "nw-due </dev/null: exit 0"
is "$(printf '%s\n' "$out" | cut -f1)" "ann
ben
work/cal" "nw-due </dev/null: /dev/null is not read, everyone due listed"

pipein '' nw-due
is "$rc:$(printf '%s\n' "$out" | cut -f1):$err" "0:ann
ben
work/cal:" ": | nw-due: an empty pipe is not read, everyone due listed"
pipein 'ann
' nw-due
is "$rc:$(printf '%s\n' "$out" | cut -f1):$err" "0:ann
ben
work/cal:" "printf | nw-due: a pipe without '-' is not read"

pipein '' nw-due -
is "$rc:$out:$err" "0::" ": | nw-due -: nobody"

pipein "$(printf 'work/cal\tanything\tmore\nann\n')" nw-due -
is "$rc:$err" "0:" "printf | nw-due -: exit 0"
is "$(printf '%s\n' "$out" | cut -f1)" "ann
work/cal" "printf | nw-due: narrowed to the refs, text before the tab"

printf 'ben\n' >"$T/refs"
runin "$T/refs" nw-due -
is "$rc:$(printf '%s\n' "$out" | cut -f1)" "0:ben" "nw-due - <file: a regular file is read"
printf 'ben\tBen Bell\nzed\n' >"$T/refs"
runin "$T/refs" nw-due -
is "$rc" 1 "nw-due <file with an unknown ref: exit 1"
is "$(printf '%s\n' "$out" | cut -f1)" "ben" "nw-due <file with an unknown ref: the rest shown"
is "$err" "nw-due: 'zed': no such contact" "nw-due <file with an unknown ref: said"

pipein 'ann
' nw-due - work/cal
is "$rc:$(printf '%s\n' "$out" | cut -f1)" "0:ann
work/cal" "nw-due - REF: '-' reads the pipe"

# nw-log: refs from a regular file, the text before the first tab.
printf 'ann\tAnn Avery\twhatever\nwork/cal\tCal\n' >"$T/refs"
runin "$T/refs" nw-log -k call
is "$rc:$out:$err" "0:ann
work/cal:" "nw-log <file: both, text before the tab"
printf 'name: Ann Avery\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$D/ann.yaml" "$T/want" "nw-log <file: ann logged"
printf 'name: Cal Cole\nlog:\n  - {date: 2026-11-25, kind: call}\n' | want
same "$D/work/cal.yaml" "$T/want" "nw-log <file: work/cal logged"
same "$D/ben.yaml" "$T/dbase/ben.yaml" "nw-log <file: ben untouched"

# With references on the command line standard input is not read.
printf 'ben\n' >"$T/refs"
runin "$T/refs" nw-log -k email dot
is "$rc:$out:$err" "0:dot:" "nw-log REF <file: only the argument"
same "$D/ben.yaml" "$T/dbase/ben.yaml" "nw-log REF <file: stdin not read"

# '-' reads standard input among the arguments, in their order.
pipein 'ben
' nw-log -k meet dot -
is "$rc:$out:$err" "0:dot
ben:" "nw-log REF -: the argument, then the pipe"
printf 'name: Ben Bell\nlog:\n  - {date: 2026-11-25, kind: meet}\n' | want
same "$D/ben.yaml" "$T/want" "nw-log REF -: ben logged"
printf 'name: Dot Dale\nlog:\n  - {date: 2026-11-24, kind: call}\n  - {date: 2026-11-25, kind: email}\n  - {date: 2026-11-25, kind: meet}\n' | want
same "$D/dot.yaml" "$T/want" "nw-log REF -: dot logged"

# An empty pipe: nothing to do, nothing changed.
cp "$D/ben.yaml" "$T/ben.now"
pipein '' nw-log -k call
is "$rc:$out:$err" "0::" ": | nw-log: nothing done"
same "$D/ben.yaml" "$T/ben.now" ": | nw-log: nothing changed"

# Options come before the references (POSIX; glibc would have permuted):
# an option after them is refused before anything is changed, not taken
# for a reference while the ones before it are logged.
cp "$D/ben.yaml" "$T/ben.now"
run nw-log ben -k call
is "$rc:$out:$err" "2::nw-log: '-k': an option after the references (options go first)" \
    "nw-log REF -k: usage error"
same "$D/ben.yaml" "$T/ben.now" "nw-log REF -k: ben untouched"
run nw-due ben -c inner
is "$rc:$out:$err" "2::nw-due: '-c': an option after the references (options go first)" \
    "nw-due REF -c: usage error"
run nw-show -- ben
is "$rc" 0 "after --, references as usual"

done_testing
