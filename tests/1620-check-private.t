#!/bin/sh
# Contacts are private: nw-check warns of a contact file that others may
# read (o+r; a group's read is the user's choice), names at most four and
# counts the rest unless -v, and never changes its exit status for it.
# Every writer makes its new files 0600 whatever the umask and keeps the
# mode of a file it rewrites or renames.
. "$(dirname "$0")/lib.sh"

mknet n
N=$NW_DIR
for c in ada bob cy dan eve fay; do
	printf 'name: %s\n' "$c" >"$N/$c.yaml"
done

# --- which modes warn ---------------------------------------------------------

chmod 644 "$N/ada.yaml"	# o+r: the one that matters
chmod 604 "$N/bob.yaml"	# o+r without g+r warns too
chmod 640 "$N/cy.yaml"	# the group's read: the user's choice
chmod 600 "$N/dan.yaml"
chmod 400 "$N/eve.yaml"
chmod 660 "$N/fay.yaml"
run nw-check
is "$rc" 0 "warnings only: exit 0"
is "$out" "$N/ada.yaml: warning: readable by others (chmod 600 $N/ada.yaml)
$N/bob.yaml: warning: readable by others (chmod 600 $N/bob.yaml)" \
    "0644 and 0604 warn; 0640, 0600, 0400 and 0660 do not"
run nw-check -q
is "$rc.$out" "0." "-q: not a word of it"
run nw-check cy ada
is "$out" "$N/ada.yaml: warning: readable by others (chmod 600 $N/ada.yaml)" \
    "with references: the files named only"

# --- an error beside it: the exit status is the error's ----------------------

printf 'name: Ada\nnext: 2026-13-01\n' >"$N/ada.yaml"
run nw-check ada
is "$rc.$out" "1.$N/ada.yaml:2:7: error: next '2026-13-01' is not a date (YYYY-MM-DD)
$N/ada.yaml: warning: readable by others (chmod 600 $N/ada.yaml)" \
    "after the file's findings; the error alone makes exit 1"
printf 'name: ada\n' >"$N/ada.yaml"

# --- many: three named, the rest counted; -v names all -----------------------

chmod 644 "$N/cy.yaml" "$N/dan.yaml"
run nw-check
is "$out" "$N/ada.yaml: warning: readable by others (chmod 600 $N/ada.yaml)
$N/bob.yaml: warning: readable by others (chmod 600 $N/bob.yaml)
$N/cy.yaml: warning: readable by others (chmod 600 $N/cy.yaml)
$N/dan.yaml: warning: readable by others (chmod 600 $N/dan.yaml)" \
    "four: each named (a count would take a line as well)"
chmod 644 "$N/eve.yaml" "$N/fay.yaml"
run nw-check
is "$rc.$out" "0.$N/ada.yaml: warning: readable by others (chmod 600 $N/ada.yaml)
$N/bob.yaml: warning: readable by others (chmod 600 $N/bob.yaml)
$N/cy.yaml: warning: readable by others (chmod 600 $N/cy.yaml)
$N: warning: and 3 more contact files readable by others (nw-check -v lists them)" \
    "six: three named, three counted"
run nw-check -v
is "$(printf '%s\n' "$out" | sed "s|^$N/||; s|:.*||" | tr '\n' ' ')" \
    "ada.yaml bob.yaml cy.yaml dan.yaml eve.yaml fay.yaml " "-v: each named"
run nw-check -v fay
is "$out" "$N/fay.yaml: warning: readable by others (chmod 600 $N/fay.yaml)" \
    "-v with a reference: that one"
chmod 600 "$N"/*.yaml
run nw-check
is "$rc.$out" "0." "all 0600: nothing to say"

# --- every writer: new files 0600 under umask 000, old modes kept -----------

modes() {
	(cd "$1" && shift && stat -c '%a %n' "$@")
}
M=$T/m
(
	umask 000
	nw-init "$M" >/dev/null
	NW_DIR=$M nw-add "Ada Lovelace" >/dev/null
	printf 'name,email\nGrace Hopper,grace@example.org\n' >"$T/g.csv"
	NW_DIR=$M nw-import "$T/g.csv" >/dev/null
	mkdir "$T/vdir"
	NW_DIR=$M nw-vdir "$T/vdir" >/dev/null 2>&1
	printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1\r\nFN:Alan Turing\r\nEND:VCARD\r\n' \
	    >"$T/vdir/phone-1.vcf"
	NW_DIR=$M nw-vdir "$T/vdir" >/dev/null 2>&1
	NW_DIR=$M nw-mv grace-hopper grace >/dev/null
)
is "$(modes "$M" ada-lovelace.yaml grace.yaml alan-turing.yaml .nw .nw/lock)" \
    "600 ada-lovelace.yaml
600 grace.yaml
600 alan-turing.yaml
700 .nw
600 .nw/lock" "umask 000: nw-add's, nw-import's (renamed by nw-mv) and nw-vdir's new contact are 0600"
is "$(find "$M/.nw/vdir" "$T/vdir" -type f ! -name phone-1.vcf -printf '%m\n' |
    sort -u)" 600 \
    "umask 000: nw-vdir's base under .nw/ and its cards are 0600"
chmod 640 "$M/ada-lovelace.yaml"
(
	umask 000
	NW_DIR=$M nw-log -k call ada >/dev/null
	NW_DIR=$M nw-mv ada-lovelace ada >/dev/null
	NW_DIR=$M nw-mv -m grace ada >/dev/null
)
is "$(modes "$M" ada.yaml; ls "$M")" "640 ada.yaml
ada.yaml
alan-turing.yaml" \
    "a rewrite (nw-log), a rename and a fold (nw-mv) keep the file's mode"
run nw-check -C "$M"
is "$rc.$out" "0." "what nw wrote under umask 000: nothing to warn of"

# --- a pull through nw git writes what it changes privately too ---------------
if command -v git >/dev/null; then
	O=$T/origin.git P=$T/p Q=$T/q
	git init -q --bare "$O"
	nw-init -g "$P" >/dev/null
	nw-add -C "$P" 'Ada Lovelace' >/dev/null
	git -C "$P" remote add origin "$O"
	git -C "$P" push -q -u origin HEAD 2>/dev/null
	git clone -q "$O" "$Q" 2>/dev/null
	nw-init -g "$Q" >/dev/null
	nw-add -C "$P" 'Grace Hopper' >/dev/null
	git -C "$P" push -q 2>/dev/null
	(umask 022; nw -C "$Q" git pull -q 2>/dev/null)
	is "$(modes "$Q" grace-hopper.yaml)" "600 grace-hopper.yaml" \
	    "umask 022: a contact that nw git pull brings is 0600"
	nw-log -C "$P" -k call grace >/dev/null
	git -C "$P" push -q 2>/dev/null
	(umask 022; git -C "$Q" pull -q 2>/dev/null)
	is "$(modes "$Q" grace-hopper.yaml)" "644 grace-hopper.yaml" \
	    "umask 022: git pull alone follows the umask (nw-check says so)"
else
	skip "git is not installed"
	skip "git is not installed"
fi

done_testing
