#!/bin/sh
# nw-vdir's state under .nw/vdir: a run that changes a few cards appends
# their records to the journal and leaves the state file as it is; the
# journal is read over the state; a record cut short or not checking out,
# and a journal of another generation of the state, are not read, and the
# next run converges; a journal grown past its bound goes into the state.
. "$(dirname "$0")/lib.sh"

mknet net
N=$NW_DIR
V=$T/vdir
nw-add "Ada Lovelace" "Charles Babbage" >/dev/null
settle		# settled: the first run stamps both for good (else a busy
		# machine lets the second run re-stamp one: a record more)
uid() {
	nw-export "$1" | sed -n 's/^UID:urn:uuid:\(.*\)\r$/\1/p'
}
A=$(uid ada-lovelace).vcf
B=$(uid charles-babbage).vcf
none="nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed"
tab=$(printf '\t')

run nw-vdir "$V"
S=$(echo "$N"/.nw/vdir/*)
is "$rc|$(ls "$S")" "0|state" "first run: the state, no journal"
is "$(head -n 1 "$S/state")" ".${tab}1${tab}${tab}${tab}0${tab}${tab}" "the state's first line: its generation"
cp "$S/state" "$T/state1"

# --- a change: its record appended, the state file left as it is ------------

nw-set ada-lovelace title Countess >/dev/null
run nw-vdir "$V"
is "$rc|$err" "0|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 1 written, 0 removed" "a change: written"
same "$S/state" "$T/state1" "a change: the state file as it was"
is "$(head -n 1 "$S/journal")" "nw-vdir journal${tab}1" "a change: the journal, of the state's generation"
is "$(grep -c '^TITLE:Countess' "$S/journal")" 1 "a change: its base in the journal"
is "$(grep -c '^#[0-9a-f]\{16\}$' "$S/journal")" 1 "a change: one record, checked"
run nw-vdir "$V"
is "$rc|$err" "0|$none" "the journal read: nothing to do"

# --- the journal is read over the state --------------------------------------

rm "$V/$B"
run nw-vdir "$V"
is "$err" "nw-vdir: charles-babbage: deleted from the vdir, kept (nw-vdir -r charles-babbage writes it back)
nw-vdir: from the vdir: 0 changed, 0 new, 1 deleted (kept); to the vdir: 0 written, 0 removed" "a card deleted: said"
cp "$S/journal" "$T/j-deleted"
run nw-vdir -r charles-babbage "$V"
is "$rc|$(ls "$V" | grep -c "$B")" "0|1" "-r: written back"
run nw-vdir "$V"
is "$rc|$err" "0|$none" "written back: nothing to do"
# the journal as it was when the card was deleted: it says so
cp "$T/j-deleted" "$S/journal"
run nw-vdir "$V"
is "$(printf '%s\n' "$err" | grep -c 'charles-babbage: deleted from the vdir, kept')" 1 "the journal's record read over the state's"

# --- what is not read ---------------------------------------------------------

nw-vdir -r charles-babbage "$V" >/dev/null 2>&1
run nw-vdir "$V"
is "$rc|$err" "0|$none" "written back again: nothing to do"
# a journal of another generation: the card not taken for deleted
sed "1s/.*/nw-vdir journal${tab}7/" "$T/j-deleted" >"$S/journal"
run nw-vdir "$V"
is "$rc|$err" "0|$none" "a journal of another generation: not read"
# a record that does not check out: neither it nor what follows is read
cp "$T/j-deleted" "$S/journal"
sed -i 's/^#[0-9a-f]\{16\}$/#0000000000000000/' "$S/journal"
run nw-vdir "$V"
is "$rc|$(printf '%s\n' "$err" | grep -c 'deleted from the vdir')" "0|0" "a record that does not check out: not read"
# a record cut short at the end: not read, and written over by the next
cp "$S/journal" "$T/j"
printf '%s\turn:uuid:x\tcharles-babbage\tdeleted\t500\t\t\nBEGIN:VCARD\r\n' "$B" >>"$S/journal"
run nw-vdir "$V"
is "$rc|$err" "0|$none" "a record cut short: not read"
nw-set charles-babbage title Engineer >/dev/null
run nw-vdir "$V"
is "$rc|$err" "0|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 1 written, 0 removed" "then a change: written"
is "$(grep -c 'urn:uuid:x' "$S/journal")" 0 "the record cut short written over"
is "$(grep -c '^TITLE:Engineer' "$S/journal")" 1 "the change's record read after it"
run nw-vdir "$V"
is "$rc|$err" "0|$none" "and the next run has nothing to do"

# --- a journal past its bound goes into the state -----------------------------

notes=$(head -c 40000 /dev/zero | tr '\0' 'a')
nw-set ada-lovelace notes "$notes" >/dev/null
nw-vdir "$V" 2>/dev/null
nw-set ada-lovelace notes "b$notes" >/dev/null
run nw-vdir "$V"
is "$rc|$(ls "$S")" "0|state" "past its bound: the journal in the state"
is "$(head -n 1 "$S/state")" ".${tab}2${tab}${tab}${tab}0${tab}${tab}" "the next generation"
is "$(grep -c '^NOTE:b' "$S/state")" 1 "the last change in the state"
run nw-vdir "$V"
is "$rc|$err" "0|$none" "then nothing to do"
cp "$T/j-deleted" "$S/journal"
run nw-vdir "$V"
is "$rc|$err" "0|$none" "the journal of the state before: not read"

# --- the state written whole over a file of another mode --------------------
# (made while the last cards are synced, it is named only over nw's own
# 0600: else written the slow way, safe_write, which keeps the mode)

chmod 0640 "$S/state"
nw-set ada-lovelace notes "c$notes" >/dev/null
nw-vdir "$V" 2>/dev/null
is "$(ls "$S")" "journal
state" "a change: in the journal"
nw-set ada-lovelace notes "d$notes" >/dev/null
run nw-vdir "$V"
is "$rc|$(ls "$S")|$(ls -l "$S/state" | cut -c1-10)" "0|state|-rw-r-----" "past its bound again: the state written whole, its mode kept"
is "$(grep -c '^NOTE:d' "$S/state")" 1 "the last change in the state"
is "$(ls -A "$N/.nw/tmp")" "" "no temporary file left in .nw/tmp"
run nw-vdir "$V"
is "$rc|$err" "0|$none" "then nothing to do"

# --- a community's card: looked at again when any contact's file changed -----

nw-add -T community "Chess Club" >/dev/null
nw-set ada-lovelace groups "Chess Club" >/dev/null
C=$(uid chess-club).vcf
nw-vdir "$V" 2>/dev/null
settle
nw-vdir "$V" 2>/dev/null		# settled: every stamp recorded
run nw-vdir "$V"
is "$rc|$err" "0|$none" "settled with a community: nothing to do"
# members: in the community's last record, the base nw's card now says
members() {
	cat "$S/state" "$S/journal" 2>/dev/null | awk -v f="$C" '
	    index($0, f "\t") == 1 { n = 0; on = 1; next }
	    /^#[0-9a-f]+$/ || /^END:VCARD/ { on = 0 }
	    on && /^MEMBER:/ { n++ }
	    END { print n + 0 }'
}
is "$(members)" 1 "the community's base: one member"
nw-set charles-babbage groups "Chess Club" >/dev/null
run nw-vdir "$V"
is "$rc|$(members)" "0|2" "a member's file changed: the community's card made again"
is "$err" "nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 1 written, 0 removed" "a new member: the community's card written"
is "$(grep -c '^MEMBER:' "$V/$C")" 2 "a new member: the vdir's card names both"
nw-set -d charles-babbage groups >/dev/null
run nw-vdir "$V"
is "$rc|$(members)|$(grep -c '^MEMBER:' "$V/$C")" "0|1|1" "a member gone: the vdir's card names one"

# --- stale members: a card an nw that did not compare members left ------------
# That nw recorded nw's card as the base and the vdir's card, naming the
# members of before, as seen: the state is made so here by appending to
# the journal the community's last record with the stamp of the stale
# card.  A plain run rewrites it; the run after has nothing to do.
if command -v python3 >/dev/null 2>&1; then
	cp "$V/$C" "$T/stale"		# names Ada alone
	nw-set charles-babbage groups "Chess Club" >/dev/null
	settle				# every contact's stamp recorded
	nw-vdir "$V" 2>/dev/null
	cp "$V/$C" "$T/fresh"		# names Ada and Charles
	cat "$T/stale" >"$V/$C"
	settle				# a stamp of the last second is none
	python3 - "$S" "$C" "$V/$C" <<'PY'
import os, sys
sdir, card, path = sys.argv[1:]
def fnv(b):
    h = 0xcbf29ce484222325
    for c in b:
        h = ((h ^ c) * 0x100000001b3) & 0xffffffffffffffff
    return h
def records(text, journal):
    off = 0
    if journal:
        off = text.index(b'\n') + 1
    while off < len(text):
        nl = text.index(b'\n', off)
        f = text[off:nl].split(b'\t')
        n = int(f[4])
        base = text[nl + 1:nl + 1 + n]
        off = nl + 1 + n + 1 + (18 if journal else 0)
        yield f, base
st = open(sdir + '/state', 'rb').read()
gen = st.split(b'\n')[0].split(b'\t')[1]
last = None
for f, base in records(st, False):
    if f[0] == card.encode():
        last = (f, base)
jp = sdir + '/journal'
if os.path.exists(jp):
    for f, base in records(open(jp, 'rb').read(), True):
        if f[0] == card.encode():
            last = (f, base)
else:
    open(jp, 'wb').write(b'nw-vdir journal\t' + gen + b'\n')
s = os.stat(path)
stamp = '.'.join('%x' % v for v in (s.st_ino, s.st_size,
    s.st_mtime_ns // 10**9, s.st_mtime_ns % 10**9,
    s.st_ctime_ns // 10**9, s.st_ctime_ns % 10**9)).encode()
f, base = last
f[6] = stamp
rec = b'\t'.join(f) + b'\n' + base + b'\n'
open(jp, 'ab').write(rec + b'#%016x\n' % fnv(rec))
PY
	is "$?|$(grep -c '^MEMBER:' "$V/$C")" "0|1" "stale members: the record made, the card names Ada alone"
	run nw-vdir "$V"
	is "$rc|$err" "0|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 1 written, 0 removed" "stale members: a plain run writes the card"
	same "$V/$C" "$T/fresh" "stale members: the card names both now, as nw writes it"
	run nw-vdir "$V"
	is "$rc|$err" "0|$none" "stale members: then nothing to do"
else
	skip "python3 not installed (it makes the stale state)"
fi

done_testing
