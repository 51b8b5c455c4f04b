#!/bin/sh
# rel: relationships between contacts.  nw-set writes an id for a
# reference, byte-exact; nw-show and nw-ls -R see both sides; nw-check
# finds ids of no one and sides that disagree; nw-mv and nw-rm keep every
# rel true.
. "$(dirname "$0")/lib.sh"

want() { cat >"$T/want"; }

mknet net
N=$NW_DIR
printf 'name: Alan Turing\n' >"$N/alan-turing.yaml"
printf 'name: Max Byron\n' >"$N/max.yaml"
printf 'name: Lena Byron\n' >"$N/lena.yaml"
# a comment, an odd order and CRLF line ends stay as they are
printf '# the first programmer\r\nname: Ada Lovelace\r\norg: Analytical Engine  # hers\r\nlog: []\r\n' >"$N/ada.yaml"
cat >"$N/grace.yaml" <<'EOF'
name: Grace Hopper
rel:
  spouse: ada   # married 1835
  coach: alan-turing
EOF

# --- nw-set: references resolved, ids written ------------------------------
run nw-set -a ada rel.mentor 'Alan Turing'
is "$rc:$out:$err" "0:ada:" "-a rel.mentor NAME: exit 0, the id printed"
printf '# the first programmer\r\nname: Ada Lovelace\r\norg: Analytical Engine  # hers\r\nlog: []\r\nrel: {mentor: alan-turing}\r\n' >"$T/want"
same "$N/ada.yaml" "$T/want" "a new rel: a flow mapping after the last key, the rest byte for byte"
run nw-set -a ada rel.child max
run nw-set -a ada rel.child lena
run nw-set -a ada rel.child Max
is "$rc:$out" "0:ada" "the same child again: nothing added"
printf '# the first programmer\r\nname: Ada Lovelace\r\norg: Analytical Engine  # hers\r\nlog: []\r\nrel: {mentor: alan-turing, child: [max, lena]}\r\n' >"$T/want"
same "$N/ada.yaml" "$T/want" "a second role after the first; a second id makes a flow list"
run nw-set ada rel.child
is "$rc:$out" "0:max
lena" "nw-set REF rel.ROLE: the ids, one a line"
run nw-set ada rel.spouse
is "$rc:$out" "1:" "an absent role: nothing printed, exit 1"
run nw-set -a ada rel.friend nobody
is "$rc:$err" "1:nw-set: 'nobody': no such contact" "a reference that names no one: refused"
same "$N/ada.yaml" "$T/want" "... and nothing written"
run nw-set -d ada rel.child max
printf '# the first programmer\r\nname: Ada Lovelace\r\norg: Analytical Engine  # hers\r\nlog: []\r\nrel: {mentor: alan-turing, child: lena}\r\n' >"$T/want"
same "$N/ada.yaml" "$T/want" "-d rel.child ID: a list of one becomes its id"
run nw-set -d ada rel.child max
is "$rc:$err" "1:nw-set: ada: 'max': not there to delete" "-d what is not there: said, exit 1"
run nw-set grace rel.coach max
run nw-set grace rel.coach alan
want <<'EOF'
name: Grace Hopper
rel:
  spouse: ada   # married 1835
  coach: alan-turing
EOF
same "$N/grace.yaml" "$T/want" "set in a block mapping: the value's bytes only, the comment kept"

# --- nw-show: both ways -----------------------------------------------------
run nw-show ada
is "$(printf '%s\n' "$out" | grep -A3 '^  rel')" "  rel       mentor: Alan Turing (alan-turing)
            child: Lena Byron (lena)
            spouse: Grace Hopper (grace)
  due       2026-11-25, today (never contacted)" "nw-show: its own rel, then the others' in the inverse role"
run nw-show alan
is "$(printf '%s\n' "$out" | grep -A1 '^  rel')" "  rel       mentee: Ada Lovelace (ada)
            coach of: Grace Hopper (grace)" "nw-show: a role of one's own seen from the other side: 'coach of'"
run nw-show max
is "$(printf '%s\n' "$out" | grep -c '^  rel')" "0" "nw-show: no relationship, no line"

# --- nw-ls -R ---------------------------------------------------------------
run nw-ls -R ada
is "$rc:$out" "0:alan-turing	Alan Turing
grace	Grace Hopper
lena	Lena Byron" "nw-ls -R: related both ways"
run nw-ls -R ada -r mentor
is "$out" "alan-turing	Alan Turing" "-r mentor: ada's mentor"
run nw-ls -R alan -r mentee
is "$out" "ada	Ada Lovelace" "-r mentee: the other side writes it"
run nw-ls -R alan -r 'coach of'
is "$out" "grace	Grace Hopper" "-r 'coach of': a role of one's own, the other side"
run nw-ls -r mentor
is "$rc" "2" "-r without -R: usage"

# --- nw-check ---------------------------------------------------------------
run nw-check
is "$rc:$out" "0:" "nw-check: all named contacts exist, no side disagrees"
run nw-set alan rel.mentor ada
printf 'name: Odd\nrel: {friend: ghost, parent: [max, {a: b}]}\n' >"$N/odd.yaml"
run nw-check
is "$rc:$(printf '%s\n' "$out" | sed "s|^$N/||")" "1:ada.yaml:5:15: warning: rel mentor 'alan-turing': its rel says mentor, not mentee
alan-turing.yaml:2:15: warning: rel mentor 'ada': its rel says mentor, not mentee
odd.yaml:2:15: error: rel friend 'ghost' names no contact
odd.yaml:2:36: error: 'rel parent' must be a string, not a mapping" \
	"nw-check: an id of no one is an error, sides that disagree a warning"
rm "$N/odd.yaml"
run nw-set -d alan rel

# --- nw-mv, nw-rm ---------------------------------------------------------
run nw-mv alan-turing alan
is "$rc:$out:$err" "0:alan:nw-mv: ada: now names alan
nw-mv: grace: now names alan" "nw-mv: every rel naming the old id follows"
printf '# the first programmer\r\nname: Ada Lovelace\r\norg: Analytical Engine  # hers\r\nlog: []\r\nrel: {mentor: alan, child: lena}\r\n' >"$T/want"
same "$N/ada.yaml" "$T/want" "nw-mv: ada's rel names the new id, nothing else changed"
want <<'EOF'
name: Grace Hopper
rel:
  spouse: ada   # married 1835
  coach: alan
EOF
same "$N/grace.yaml" "$T/want" "nw-mv: a block rel, its comment kept"
run nw-rm lena
is "$rc:$out:$err" "1::nw-rm: 'lena': the met.via or rel of ada names it: nothing removed (-f removes it and those)" \
	"nw-rm: refused while a rel names it"
test -f "$N/lena.yaml"; ok $? "... lena is still there"
run nw-rm -f lena
is "$rc:$out:$err" "0:lena:nw-rm: ada: no longer names lena" "nw-rm -f: removed, the rel entry dropped, said"
printf '# the first programmer\r\nname: Ada Lovelace\r\norg: Analytical Engine  # hers\r\nlog: []\r\nrel: {mentor: alan}\r\n' >"$T/want"
same "$N/ada.yaml" "$T/want" "nw-rm -f: the role goes with its last id"
run nw-rm -f alan
printf '# the first programmer\r\nname: Ada Lovelace\r\norg: Analytical Engine  # hers\r\nlog: []\r\n' >"$T/want"
same "$N/ada.yaml" "$T/want" "nw-rm -f: rel goes with its last role"
want <<'EOF'
name: Grace Hopper
rel:
  spouse: ada   # married 1835
EOF
same "$N/grace.yaml" "$T/want" "nw-rm -f: a block rel loses the line"

# --- nw-merge: rel merged role by role, as sets ------------------------------
# no git merge or rebase around: the markers name ours alone
cd "$T"
for v in $(env | sed -n 's/^\(GITHEAD_[0-9a-f]*\)=.*/\1/p'); do
	unset "$v"
done
files() {
	printf "$1" >"$T/base"
	printf "$2" >"$T/ours"
	printf "$3" >"$T/theirs"
	printf "$4" >"$T/want"
}
m() {
	run nw-merge "$T/base" "$T/ours" "$T/theirs"
	is "$rc" "$2" "$1: exit $2"
	same "$T/ours" "$T/want" "$1: the result"
	is "$err" "${3:-}" "$1: stderr"
}
files 'name: Ada\nrel: {mentor: alan, child: max}  # family\n' \
	'name: Ada\nrel: {mentor: alan, child: [max, lena]}  # family\n' \
	'name: Ada\nrel: {mentor: [alan, grace], child: max, spouse: bob}  # family\n' \
	'name: Ada\nrel: {mentor: [alan, grace], child: [max, lena], spouse: bob}  # family\n'
m "rel: a child added here, a mentor and a spouse there" 0
files 'name: Ada\nrel:\n  mentor: alan\n  child: [max, lena]\n' \
	'name: Ada\nrel:\n  mentor: alan\n  child: [max]   # lena: a typo\n' \
	'name: Ada\nrel:\n  child: [max, lena]\n  friend: cy\n' \
	'name: Ada\nrel:\n  child: [max]   # lena: a typo\n  friend: cy\n'
m "rel: a child removed here, the mentor removed and a friend added there" 0
files 'name: Ada\nrel: {friend: cy}\n' \
	'name: Ada\nrel: {friend: [cy, dee]}\n' \
	'name: Ada\nrel: {friend: [cy, dee]}\n' \
	'name: Ada\nrel: {friend: [cy, dee]}\n'
m "rel: the same change on both sides" 0
files 'name: Ada\nrel: {friend: cy}\n' \
	'name: Ada\nrel: {friend: cy, boss: {a: b}}\n' \
	'name: Ada\nrel: {friend: dee}\n' \
	'name: Ada\n<<<<<<< ours (this machine)\nrel: {friend: cy, boss: {a: b}}\n=======\nrel: {friend: dee}\n>>>>>>> theirs\n'
m "rel that is no map of ids: a conflict, both sides kept" 1 "nw-merge: 'rel': changed on both sides"

# --- vCard: RELATED, read back by python3-vobject ----------------------------
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import vobject' 2>/dev/null; then
		PY=$p
		break
	fi
done
EX=$TOP/examples/network
nw-export -C "$EX" >"$T/ex.vcf"
grep -a '^RELATED' "$T/ex.vcf" | tr -d '\r' >"$T/related"
is "$(cat "$T/related")" 'RELATED;X-NW-ROLE="mentor":urn:uuid:6e5bafca-0f40-5ae8-8e11-4985a1d6cca8
RELATED;TYPE=friend;X-NW-ROLE="friend":urn:uuid:b6a2781b-763b-5b3b-a5c8-13b' \
	"vCard 4.0: RELATED with the other's UID, TYPE where RFC 6350 has the role"
if [ -n "$PY" ]; then
	is "$("$PY" -c '
import sys, vobject
cards = list(vobject.readComponents(open(sys.argv[1], newline="")))
uids = {c.uid.value: c.fn.value for c in cards}
for c in cards:
    for r in c.contents.get("related", []):
        print(c.fn.value, r.params.get("TYPE", ["-"])[0], r.params["X-NW-ROLE"][0], uids[r.value])
' "$T/ex.vcf")" "Ada Lovelace - mentor Charles Babbage
Ada Lovelace friend friend Grace Hopper" "python3-vobject reads RELATED back, each naming a card of the export"
else
	skip "python3-vobject is not installed"
fi
nw-export -3 -C "$EX" ada >"$T/ada3.vcf"
is "$(grep -c '^RELATED' "$T/ada3.vcf")" "0" "vCard 3.0 has no RELATED"

# --- nw-import: RELATED back to rel -----------------------------------------
# nw's own cards into an empty network: every rel comes back, by UID
mknet rt
R=$NW_DIR
run nw-import "$T/ex.vcf"
is "$rc:$(printf '%s\n' "$err" | grep -c RELATED)" "0:0" "nw-export | nw-import: exit 0, no RELATED left out"
is "$(grep -l '^rel:' "$R"/*.yaml "$R"/*/*.yaml | sed "s|^$R/||")" "ada-lovelace.yaml" "one contact with rel, as in the example"
printf '%s\n' 'name: Ada Lovelace' 'aka: [Ada, Countess of Lovelace]' 'circle: close' \
	'tags: [mathematics, rust, poetry]' 'groups: [ACM, Analytical Engine Society]' \
	'org: Analytical Engines Ltd' 'title: Mathematician' 'email: [ada@example.org, ada@work.example]' \
	'phone: "+44 20 7946 0000"' \
	'links: {linkedin: in/ada, mastodon: "@ada@example.social", github: adalovelace}' \
	"address: 12 St James's Square, London" 'birthday: 1815-12-10' \
	'met: {date: "2019-03-02", where: RustConf, via: charles-babbage}' 'added: 2019-03-02' \
	'notes: |' "  Prefers email to calls; answers within a day." \
	"  Writing a book on the Engine's notes -- ask about chapter 3." \
	'rel: {mentor: charles-babbage, friend: work/grace-hopper}' >"$T/want"
same "$R/ada-lovelace.yaml" "$T/want" "ada: rel written after the rest, the ids of the same import"
nw-export -C "$R" | grep -a '^RELATED' | tr -d '\r' >"$T/related2"
same "$T/related2" "$T/related" "exported again: the same RELATED lines"

# another address book's cards: UIDs, names, emails; TYPE to a role
mknet rv
V=$NW_DIR
printf 'name: Zed Existing\nemail: zed@example.org\n' >"$V/zed.yaml"
printf 'name: Max\n' >"$V/max.yaml"
printf 'name: Max\n' >"$V/max-2.yaml"
crlf() { printf '%s\r\n' "$@"; }
crlf BEGIN:VCARD VERSION:4.0 UID:urn:uuid:0000-aaaa 'FN:Ann Alpha' \
	'RELATED;TYPE=spouse:urn:uuid:0000-BBBB' 'RELATED;TYPE=co-worker;VALUE=text:zed existing' \
	'RELATED;TYPE=friend:mailto:zed@example.org' 'RELATED;TYPE=contact,friend:Zed@Example.org' \
	'RELATED:urn:uuid:0000-nobody' 'RELATED;TYPE=parent;VALUE=text:Nobody Known' \
	'RELATED;TYPE=sibling;VALUE=text:Max' 'RELATED;TYPE=me:urn:uuid:0000-aaaa' END:VCARD \
	BEGIN:VCARD VERSION:4.0 UID:urn:uuid:0000-bbbb 'FN:Bob Beta' \
	'RELATED;TYPE=spouse;VALUE=uri:urn:uuid:0000-aaaa' 'RELATED;TYPE=kin:max-2' END:VCARD >"$T/in.vcf"
run nw-import -n "$T/in.vcf"
is "$rc:$out" "0:ann-alpha	create	Ann Alpha
bob-beta	create	Bob Beta
ann-alpha	rel	Ann Alpha	adds rel spouse bob-beta, co-worker zed, friend zed
bob-beta	rel	Bob Beta	adds rel spouse ann-alpha, kin max-2" "-n: the relationships each a row, resolved"
run nw-import "$T/in.vcf"
is "$rc:$out" "0:ann-alpha
bob-beta" "RELATED: exit 0, the ids created"
is "$err" "nw-import: 'Ann Alpha': related 'urn:uuid:0000-nobody' names no contact: left out
nw-import: 'Ann Alpha': parent 'Nobody Known' names no contact: left out
nw-import: 'Ann Alpha': sibling 'Max' names more than one contact: left out
nw-import: 'Ann Alpha': me 'urn:uuid:0000-aaaa' names itself: left out" \
	"no contact, two contacts, itself: each said and left out"
printf 'name: Ann Alpha\nadded: 2026-11-25\nrel: {spouse: bob-beta, co-worker: zed, friend: zed}\n' >"$T/want"
same "$V/ann-alpha.yaml" "$T/want" "a card further on by its UID (any case), a name, an email: ids; friend once"
printf 'name: Bob Beta\nadded: 2026-11-25\nrel: {spouse: ann-alpha, kin: max-2}\n' >"$T/want"
same "$V/bob-beta.yaml" "$T/want" "a card before by its UID; an id; TYPE kin, the standard's, a role of one's own"
BOB=$(nw-export bob-beta | grep -a ^UID | cut -d: -f4 | tr -d '\r')
printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Zed Existing\nEMAIL:zed@example.org\nRELATED;TYPE=sibling;VALUE=text:Ann Alpha\nRELATED;TYPE=sweetheart:urn:uuid:%s\nEND:VCARD\n' "$BOB" >"$T/zed.vcf"
run nw-import "$T/zed.vcf"
is "$rc:$out:$err" "0::nw-import: 'Zed Existing': already in the network as zed (same email zed@example.org)" \
	"without -u a contact there already is not changed"
run nw-import -u "$T/zed.vcf"
is "$rc:$out:$err" "0:zed:nw-import: 'Zed Existing': zed adds rel sibling ann-alpha, sweetheart bob-beta" \
	"-u: the relationships it lacks, one by nw's UID of its id"
printf 'name: Zed Existing\nemail: zed@example.org\nrel: {sibling: ann-alpha, sweetheart: bob-beta}\n' >"$T/want"
same "$V/zed.yaml" "$T/want" "... written byte-exact"
run nw-import -u "$T/zed.vcf"
is "$rc:$out:$err" "0::nw-import: 'Zed Existing': already in the network as zed, nothing new" "-u again: nothing new"
same "$V/zed.yaml" "$T/want" "... and no byte changed"
run nw-check
is "$rc:$err" "0:" "nw-check: every rel names a contact"

# --- every role of nw(5) seen from the other side ----------------------------
mknet inverse
N=$NW_DIR
printf 'name: Kim\nrel: {spouse: sam, partner: pat, parent: mum, child: kid, sibling: sis, mentor: guru, mentee: pupil, manager: boss, report: aide, colleague: col, friend: pal, introduced: newbie, introduced-by: host}\n' >"$N/kim.yaml"
for id in sam pat mum kid sis guru pupil boss aide col pal newbie host; do
	printf 'name: %s\n' "$id" >"$N/$id.yaml"
done
for pair in sam:spouse pat:partner mum:child kid:parent sis:sibling \
    guru:mentee pupil:mentor boss:report aide:manager col:colleague \
    pal:friend newbie:introduced-by host:introduced; do
	id=${pair%%:*} inv=${pair#*:}
	run nw-ls -R "$id" -r "$inv"
	is "$rc:$out" "0:kim	Kim" "kim's $(grep -o "[a-z-]*: $id[,}]" "$N/kim.yaml" | cut -d: -f1) $id sees kim as $inv"
done
run nw-show mum
is "$(printf '%s\n' "$out" | grep '^  rel')" "  rel       child: Kim (kim)" "nw-show: a parent's other side is a child"

done_testing
