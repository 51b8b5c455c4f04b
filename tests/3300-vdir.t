#!/bin/sh
# nw-vdir over a vdir edited by hand as a phone would: writing, the three
# ways of reading, new, deleted and restored cards, the dry run, the
# setting, one commit a run, and a second run that writes nothing.
. "$(dirname "$0")/lib.sh"

if ! command -v git >/dev/null; then
	echo "1..0 # SKIP git is not installed"
	exit 0
fi
git config --global init.defaultBranch main
NW_DIR=$T/net
export NW_DIR
nw-init -g "$NW_DIR" >/dev/null
V=$T/vdir
N=$NW_DIR

nw-add "Ada Lovelace" >/dev/null
nw-set ada-lovelace email ada@example.org >/dev/null
nw-set ada-lovelace phone "+44 20 7946 0001" >/dev/null
nw-add "Charles Babbage" >/dev/null
uid() {
	nw-export "$1" | sed -n 's/^UID:urn:uuid:\(.*\)\r$/\1/p'
}
A=$(uid ada-lovelace).vcf
B=$(uid charles-babbage).vcf
commits() {
	git -C "$N" rev-list --count HEAD
}
# snap: every file of the vdir with its inode and time: what a write changes
snap() {
	(cd "$V" && ls -ali --time-style=full-iso . | awk '{print $1, $7, $10}')
}
sum() {
	printf '%s\n' "$1" | grep '^nw-vdir: from'
}

# --- the first run writes one card a contact, as nw-export writes it -------

mkdir "$V"
printf 'mine\n' >"$V/notes.txt"
run nw-vdir "$V"
is "$rc" 0 "first run: exit 0"
is "$out" "" "first run: no contact changed"
is "$err" "nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 2 written, 0 removed" "first run: the summary"
nw-export ada-lovelace >"$T/ada.vcf"
same "$V/$A" "$T/ada.vcf" "a card is nw-export's card of the contact"
is "$(ls "$V" | LC_ALL=C sort | tr '\n' ' ')" "$(printf '%s\n' "$A" "$B" notes.txt | LC_ALL=C sort | tr '\n' ' ')" "one <uid>.vcf a contact; a file of another left alone"
is "$(cat "$V/notes.txt")" "mine" "a file nw did not write is not touched"

# --- a second run over nothing changed writes nothing ------------------------

snap >"$T/before"
c0=$(commits)
run nw-vdir "$V"
is "$err" "nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "second run: nothing to do"
snap >"$T/after"
same "$T/after" "$T/before" "second run: no file of the vdir written"
is "$(commits)" "$c0" "second run: no commit"

# --- a phone's rewrite alone is no change ------------------------------------

uida=$(uid ada-lovelace)
printf '%s\r\n' 'BEGIN:VCARD' 'VERSION:3.0' 'PRODID:-//Phone//Contacts 1.0//EN' \
    'N:Lovelace;Ada;;;' 'FN:Ada Lovelace' \
    'item1.EMAIL;type=INTERNET;type=pref:ada@example.org' \
    'item1.X-ABLabel:_$!<Other>!$_' 'TEL;TYPE=CELL,VOICE:+44 20 7946 0001' \
    'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAg' \
    ' MCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQ' \
    "UID:urn:uuid:$uida" 'END:VCARD' >"$V/$A"
cp "$V/$A" "$T/phone.vcf"
cp "$N/ada-lovelace.yaml" "$T/ada.yaml"
run nw-vdir "$V"
is "$out" "" "a rewrite (3.0, group, TYPE, pref, photo, order): no change"
is "$err" "nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "a rewrite: nothing written either way"
same "$V/$A" "$T/phone.vcf" "a rewrite: the phone's card stays as it wrote it"
same "$N/ada-lovelace.yaml" "$T/ada.yaml" "a rewrite: the contact's bytes unchanged"

# --- a change on the phone: the contact edited, the rest of its bytes kept ---

printf '%s\n' '# the analyst' 'name: Ada Lovelace  # the countess' \
    "added: $NW_TODAY" 'email: ada@example.org' \
    'phone: "+44 20 7946 0001"' >"$N/ada-lovelace.yaml"
git -C "$N" commit -qam 'A comment by hand'
sed -e 's/ada@example.org/ada.lovelace@example.org/' \
    -e 's/^END:VCARD/TEL;TYPE=HOME:+44 7700 900123\r\nEND:VCARD/' \
    "$T/phone.vcf" >"$V/$A"
c0=$(commits)
run nw-vdir "$V"
is "$rc" 0 "a phone's change: exit 0"
is "$out" "ada-lovelace" "a phone's change: the contact's id"
is "$err" "nw-vdir: from the vdir: 1 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "a phone's change: taken, its card left as it is"
printf '%s\n' '# the analyst' 'name: Ada Lovelace  # the countess' \
    "added: $NW_TODAY" 'email: ada.lovelace@example.org' \
    'phone: ["+44 20 7946 0001", "+44 7700 900123"]' >"$T/want"
same "$N/ada-lovelace.yaml" "$T/want" "a phone's change: the old bytes plus exactly the change"
is "$(commits)" "$((c0 + 1))" "a phone's change: one commit"
is "$(git -C "$N" log -1 --format=%s)" "Take from the vdir Ada Lovelace" "a phone's change: the commit's message"
snap >"$T/before"
run nw-vdir "$V"
is "$out|$err" "|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "a phone's change: the next run does nothing"
snap >"$T/after"
same "$T/after" "$T/before" "a phone's change: the next run writes nothing"

# --- changed on both sides: nw's kept, the vdir's said, the card nw's again --

nw-set ada-lovelace title Countess >/dev/null
sed -e 's/^END:VCARD/TITLE:Mathematician\r\nEND:VCARD/' "$V/$A" >"$T/t" &&
    cat "$T/t" >"$V/$A"
nw-set ada-lovelace org "Analytical Engines" >/dev/null
run nw-vdir "$V"
is "$out" "" "both sides: no change in the network"
is "$err" "nw-vdir: ada-lovelace: TITLE changed on both sides; kept nw's Countess, the vdir has Mathematician
nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 1 written, 0 removed" "both sides: said, nw's card written"
is "$(nw-set ada-lovelace title)" "Countess" "both sides: nw's value kept"
nw-export ada-lovelace >"$T/ada.vcf"
same "$V/$A" "$T/ada.vcf" "both sides: the card is nw's again"

# --- a card nw does not know: a new contact, or one it has -------------------

printf '%s\r\n' 'BEGIN:VCARD' 'VERSION:3.0' 'UID:phone-1234' 'FN:Grace Hopper' \
    'N:Hopper;Grace;;;' 'EMAIL;TYPE=WORK:grace@navy.example' \
    'TEL;TYPE=CELL:+1 555 0100' 'END:VCARD' >"$V/phone-1234.vcf"
printf '%s\r\n' 'BEGIN:VCARD' 'VERSION:3.0' 'UID:phone-5678' \
    'FN:Charles Babbage' 'TEL:+44 20 7946 0999' 'END:VCARD' \
    >"$V/phone-5678.vcf"
run nw-vdir "$V"
is "$out" "grace-hopper
charles-babbage" "new cards: the new contact and the one filled"
is "$err" "nw-vdir: $V/phone-5678.vcf: the card of charles-babbage
nw-vdir: from the vdir: 1 changed, 1 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "new cards: said"
is "$(nw-set grace-hopper email)|$(nw-set grace-hopper phone)" "grace@navy.example|+1 555 0100" "new card: the contact has its email and phone"
is "$(nw-set charles-babbage phone)" "+44 20 7946 0999" "a known name: what it lacks is filled"
test -e "$V/$B"
is "$?" 1 "a known name: one card a contact, the phone's kept"
run nw-vdir "$V"
is "$out|$err" "|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "new cards: the next run does nothing"

# --- a card deleted in the vdir: the contact kept, said, -r writes it back ---

rm "$V/$A"
run nw-vdir "$V"
is "$err" "nw-vdir: ada-lovelace: deleted from the vdir, kept (nw-vdir -r ada-lovelace writes it back)
nw-vdir: from the vdir: 0 changed, 0 new, 1 deleted (kept); to the vdir: 0 written, 0 removed" "deleted: kept and said"
test -e "$N/ada-lovelace.yaml"
is "$?" 0 "deleted: the contact is still there"
run nw-vdir "$V"
is "$err" "nw-vdir: ada-lovelace: deleted from the vdir, kept (nw-vdir -r ada-lovelace writes it back)
nw-vdir: from the vdir: 0 changed, 0 new, 1 deleted (kept); to the vdir: 0 written, 0 removed" "deleted: said at each run, not written back"
test -e "$V/$A"
is "$?" 1 "deleted: no card written back"
run nw-vdir -r ada "$V"
is "$err" "nw-vdir: ada-lovelace: written back to the vdir
nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 1 written, 0 removed" "-r: written back"
same "$V/$A" "$T/ada.vcf" "-r: nw's card"

# --- a contact removed: its card goes ----------------------------------------

nw-rm grace-hopper >/dev/null
run nw-vdir "$V"
is "$err" "nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 1 removed" "nw-rm: the card removed"
test -e "$V/phone-1234.vcf"
is "$?" 1 "nw-rm: no card left"

# --- -n: said, nothing written -----------------------------------------------

sed -e 's/^TITLE:Countess/TITLE:Analyst/' "$V/$A" >"$T/t" && cat "$T/t" >"$V/$A"
cp "$N/ada-lovelace.yaml" "$T/ada.yaml"
snap >"$T/before"
c0=$(commits)
run nw-vdir -n "$V"
is "$rc|$out" "0|ada-lovelace" "-n: the id that would change"
is "$err" "nw-vdir: ada-lovelace: would take from the vdir: title Analyst
nw-vdir: would take from the vdir: 1 changed, 0 new, 0 deleted (kept); to the vdir: not computed" "-n: what would be taken"
same "$N/ada-lovelace.yaml" "$T/ada.yaml" "-n: the contact unchanged"
snap >"$T/after"
same "$T/after" "$T/before" "-n: the vdir unchanged"
is "$(commits)" "$c0" "-n: no commit"

# --- files older than a second: a run trusts their stamps, and still sees a change

run nw-vdir "$V"			# -n's change taken; the state written
settle
run nw-vdir "$V"			# stamps recorded: all settled
is "$out|$err" "|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "settled: nothing to do"
settle
sed -e 's/^TITLE:Analyst/TITLE:Countess of Lovelace/' "$V/$A" >"$T/t" && cat "$T/t" >"$V/$A"
nw-set charles-babbage org "Difference Engines" >/dev/null
run nw-vdir "$V"
is "$out" "ada-lovelace" "settled: a card changed in the vdir is seen"
is "$(nw-set ada-lovelace title)" "Countess of Lovelace" "settled: its change taken"
is "$(grep -c 'ORG:Difference Engines' "$V/phone-5678.vcf")" "1" "settled: a contact changed in the network is written"

# --- the setting -------------------------------------------------------------

run nw-vdir
is "$rc|$err" "2|nw-vdir: no folder: name one, or set vdir: in .nw.yaml" "no folder: a usage error"
ln -s "$V" "$HOME/cards"
printf 'vdir: ~/cards\n' >>"$N/.nw.yaml"
sed -e 's/^TITLE:.*/TITLE:Analyst\r/' "$V/$A" >"$T/t" && cat "$T/t" >"$V/$A"
run nw-vdir
is "$rc|$out" "0|ada-lovelace" "vdir: in .nw.yaml names the folder"
is "$(nw-set ada-lovelace title)" "Analyst" "the vdir's change taken"

# --- a first write of many: windows put in place while the next are made ----

mknet many
i=1
while [ "$i" -le 2500 ]; do	# as nw-add writes them, faster
	printf 'name: Person%s Many\nadded: 2026-11-25\n' "$i" \
	    >"$NW_DIR/person$i-many.yaml"
	i=$((i + 1))
done
run nw-vdir "$T/vmany"
is "$rc|$err" "0|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 2500 written, 0 removed" "2,500 new cards: all written"
is "$(ls -A "$T/vmany" | grep -c '\.vcf$')|$(ls -A "$T/vmany" | grep -vc '\.vcf$')" "2500|0" "2,500 new cards: one file each, no temporary file left"
nw-export -f vcard | sort >"$T/many.want"
cat "$T/vmany"/*.vcf | sort >"$T/many.got"
same "$T/many.got" "$T/many.want" "2,500 new cards: their lines are nw-export's"
# each card in the file its UID names, with its own FN (the windows put
# each job's temporary file by its index: none in another's file)
awk 'FNR == 1 { n = FILENAME; sub(/.*\//, "", n); sub(/\.vcf$/, "", n) }
    /^FN:/ { print "urn:uuid:" n, $0 }' "$T/vmany"/*.vcf | tr -d '\r' |
    sort >"$T/many.got"
nw-export -f vcard | tr -d '\r' | awk '/^UID:/ { u = substr($0, 5) }
    /^FN:/ { f = $0 } /^END:VCARD/ { print u, f }' | sort >"$T/many.want"
same "$T/many.got" "$T/many.want" "2,500 new cards: each in the file of its UID"
run nw-vdir "$T/vmany"
is "$rc|$err" "0|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "2,500 new cards: a second run writes nothing"

done_testing
