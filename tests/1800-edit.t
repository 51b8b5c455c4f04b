#!/bin/sh
# nw-edit driven by EDITOR scripts: a valid edit, an invalid one, a failing
# editor, no change, a file changed meanwhile.
. "$(dirname "$0")/lib.sh"

mknet n
N=$NW_DIR
printf 'name: Ada Lovelace\ntitle: Mathematician  # first\n' >"$N/ada.yaml"
chmod 640 "$N/ada.yaml"
cp "$N/ada.yaml" "$T/orig"

EDITOR="sed -i 's/Mathematician/Countess/'" run nw-edit ada
is "$rc.$out" "0.ada" "a valid edit: exit 0, the id"
is "$(cat "$N/ada.yaml")" "name: Ada Lovelace
title: Countess  # first" "the file has the edit"
is "$(stat -c %a "$N/ada.yaml")" 640 "its mode is kept"
is "$(ls -A "$N/.nw" "$N/.nw/tmp")" "$(printf "%s\n" "$N/.nw:" lock tmp "" "$N/.nw/tmp:")" "no copy left behind"

cp "$N/ada.yaml" "$T/orig"
EDITOR="sed -i 's/^title: .*/title: [broken/'" run nw-edit ada
is "$rc" 1 "an invalid edit (no terminal): exit 1"
same "$N/ada.yaml" "$T/orig" "the original is untouched"
copy=$(ls "$N"/.nw/edit-*.yaml)
is "$(sed -n 2p "$copy")" "title: [broken" "the edit is kept in .nw/"
is "$err" "$N/ada.yaml:3:1: error: did not find expected ',' or ']' while parsing a flow sequence
nw-edit: '$N/ada.yaml' is unchanged; your edit is kept in $copy" \
	"it says why and where the edit is"
rm -f "$copy"

VISUAL="sed -i 's/^title:.*/circle: nope/'" EDITOR=false run nw-edit ada
is "$rc" 1 "VISUAL wins over EDITOR; a check error refuses"
is "$(echo "$err" | head -1)" "$N/ada.yaml:2:9: error: circle 'nope' is not a circle (inner, close, regular, outer)" \
	"the checker's message"
same "$N/ada.yaml" "$T/orig" "the original is untouched"
rm -f "$N"/.nw/edit-*

EDITOR=false run nw-edit ada
is "$rc.$err" "1.nw-edit: the editor failed: nothing changed" "a failing editor: exit 1"
same "$N/ada.yaml" "$T/orig" "and nothing changed"
is "$(ls -A "$N/.nw" "$N/.nw/tmp")" "$(printf "%s\n" "$N/.nw:" lock tmp "" "$N/.nw/tmp:")" "no copy left behind"

EDITOR=true run nw-edit ada
is "$rc.$out" "0." "no change: exit 0, nothing printed"

cat >"$T/sneaky" <<EOF2
#!/bin/sh
printf 'name: Ada Lovelace\nx: 1\n' >"$N/ada.yaml"
sed -i 's/Countess/Queen/' "\$1"
EOF2
chmod +x "$T/sneaky"
EDITOR="$T/sneaky" run nw-edit ada
is "$rc" 1 "the file changed while editing: exit 1"
is "$(cat "$N/ada.yaml")" "name: Ada Lovelace
x: 1" "the other change is not overwritten"
rm -f "$N"/.nw/edit-*

run nw-edit
is "$rc:$out:$err" "0::" "no reference, /dev/null to read: nothing to edit, exit 0"

# References from a pipe: each edited in turn, one commit; the editor does
# not get the pipe as its standard input (it would eat the references).
printf 'name: Bob Babbage\n' >"$N/bob.yaml"
printf 'name: Cy Young\n' >"$N/cy.yaml"
cat >"$T/stamp" <<'EOF2'
#!/bin/sh
[ -p /dev/stdin ] && echo "the editor got the pipe" >&2
printf 'title: Edited\n' >>"$1"
EOF2
chmod +x "$T/stamp"
pipein 'bob
cy
' env EDITOR="$T/stamp" nw-edit
is "$rc:$out:$err" "0:bob
cy:" "refs from a pipe: both edited, the pipe is not the editor's"
is "$(cat "$N/bob.yaml" "$N/cy.yaml")" "name: Bob Babbage
title: Edited
name: Cy Young
title: Edited" "refs from a pipe: both files have the edit"

# An editor that fails stops the run: the edits before stay, the contacts
# after are not opened.
printf 'name: Bob Babbage\n' >"$N/bob.yaml"
printf 'name: Cy Young\n' >"$N/cy.yaml"
cat >"$T/failcy" <<'EOF2'
#!/bin/sh
grep -q Cy "$1" && exit 1
printf 'title: Edited\n' >>"$1"
EOF2
chmod +x "$T/failcy"
EDITOR="$T/failcy" run nw-edit bob cy ada
is "$rc:$out:$err" "1:bob:nw-edit: the editor failed: nothing changed" \
	"a failing editor on the second: exit 1, the first edited and printed"
is "$(cat "$N/bob.yaml" "$N/cy.yaml")" "name: Bob Babbage
title: Edited
name: Cy Young" "the first has its edit, the second is as it was"
run nw-edit zed
is "$rc.$err" "1.nw-edit: 'zed': no such contact" "an unknown reference"
# On a terminal a failed check offers to edit again; yes goes back to the
# same copy, and the second, valid edit is saved.
if command -v script >/dev/null; then
	printf 'name: Ada Lovelace\ntitle: M\n' >"$N/ada.yaml"
	cat >"$T/twice" <<EOF2
#!/bin/sh
if [ -f "$T/count" ]; then
	sed -i 's/^title: .*/title: Countess/' "\$1"
else
	: >"$T/count"
	sed -i 's/^title: .*/title: [bad/' "\$1"
fi
EOF2
	chmod +x "$T/twice"
	(sleep 1; printf 'y\n') | EDITOR="$T/twice" script -qec "nw-edit ada" \
		/dev/null >"$T/tty" 2>&1
	is "$(tr -d '\r' <"$T/tty")" "$N/ada.yaml:3:1: error: did not find expected ',' or ']' while parsing a flow sequence
nw-edit: edit again? [Y/n] y
ada" "a terminal is asked, and yes edits the copy again"
	is "$(cat "$N/ada.yaml")" "name: Ada Lovelace
title: Countess" "the second edit is saved"
	# (a scan on the way may have written .nw/cache: files a second old)
	is "$(ls -A "$N/.nw" "$N/.nw/tmp" | grep -vx cache)" "$(printf "%s\n" "$N/.nw:" lock tmp "" "$N/.nw/tmp:")" "no copy left behind"
fi
# --- a file over the 1 MiB limit is opened to mend it (issue 16) ----------
{ printf 'name: Big Notes\nnotes: |\n'
  yes '  a line of notes pasted once too often' | head -n 30000; } >"$N/big.yaml"
cp "$N/big.yaml" "$T/big.orig"
size=$(wc -c <"$N/big.yaml")
run nw-show big
is "$rc:$err" "1:$N/big.yaml: file too large ($size bytes, the limit is 1048576)" \
    "nw-show refuses it"
EDITOR="sed -i '4,\$d'" run nw-edit big
is "$rc:$out:$err" "0:big:$N/big.yaml:1:1: error: file too large ($size bytes, the limit is 1048576)" \
    "nw-edit opens it, saying why it fails; the edit is saved"
is "$(cat "$N/big.yaml")" "name: Big Notes
notes: |
  a line of notes pasted once too often" "the file is mended"
cp "$T/big.orig" "$N/big.yaml"
# an edit that leaves it too large is refused, kept, said
EDITOR="sed -i '\$d'" run nw-edit big
copy=$(ls "$N"/.nw/edit-*.yaml)
is "$rc:$out:$err" "1::$N/big.yaml:1:1: error: file too large ($size bytes, the limit is 1048576)
$N/big.yaml:1:1: error: file too large ($((size - 40)) bytes, the limit is 1048576)
nw-edit: '$N/big.yaml' is unchanged; your edit is kept in $copy" \
    "still too large: refused, the edit kept"
same "$N/big.yaml" "$T/big.orig" "the original is untouched"
rm -f "$copy"
EDITOR=true run nw-edit big
is "$rc:$out" "0:" "no change: exit 0"
rm -f "$N/big.yaml"

# Kept edits: named for the contact, removed when a later edit of it
# succeeds, cleaned after 30 days; another contact's stay.
mknet kept
K=$NW_DIR
printf 'name: Ada Lovelace\n' >"$K/ada.yaml"
printf 'name: Ada Byron\n' >"$K/ada-byron.yaml"
EDITOR="sed -i 's/^name: .*/name: [broken/'" run nw-edit ada
copy=$(ls "$K"/.nw/edit-*.yaml)
case $copy in "$K/.nw/edit-ada."??????".yaml") r=0 ;; *) r=1 ;; esac
ok $r "a kept edit is named for the contact: $copy"
is "$(printf '%s\n' "$err" | tail -1)" "nw-edit: '$K/ada.yaml' is unchanged; your edit is kept in $copy" \
    "the message names the kept copy"
EDITOR="sed -i 's/^name: .*/name: [broken/'" run nw-edit ada-byron
other=$(ls "$K"/.nw/edit-ada-byron.*.yaml)
: >"$K/.nw/edit-old.ABCDEF.yaml"
touch -d '31 days ago' "$K/.nw/edit-old.ABCDEF.yaml"
: >"$K/.nw/edit-recent.ABCDEF.yaml"
touch -d '29 days ago' "$K/.nw/edit-recent.ABCDEF.yaml"
EDITOR="sed -i 's/Lovelace/King/'" run nw-edit ada
is "$rc:$out" "0:ada" "a later edit of ada succeeds"
is "$(cd "$K/.nw" && ls edit-* | sed 's/\.[^.]*\.yaml$//')" "edit-ada-byron
edit-recent" "ada's kept edit removed, one over 30 days cleaned; Ada Byron's and a recent one stay"
test -f "$other"
ok $? "the other contact's kept edit is the same file"

done_testing
