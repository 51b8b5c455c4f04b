#!/bin/sh
# Names as people type them (nw(7)): references compare names, akas and ids
# in any case and with or without accents, Unicode-normalised (an NFD-typed
# Zoë is Zoë); a prefix has two characters at least; names from any source
# are trimmed and their inner blanks collapsed, and duplicates compare the
# folded names.
. "$(dirname "$0")/lib.sh"

mknet n
N=$NW_DIR
printf 'name: Jürgen Müller\n' >"$N/jurgen-muller.yaml"
printf 'name: José García\n' >"$N/jose-garcia.yaml"
printf 'name: Anders Ångström\n' >"$N/anders-angstrom.yaml"
printf 'name: Zoë Tomás\naka: [Zo]\n' >"$N/zoe.yaml"
printf 'name: Ada Lovelace\n' >"$N/ada-lovelace.yaml"
printf 'name: Q\n' >"$N/q.yaml"
printf 'name: Straße Mann\n' >"$N/strasse.yaml"
for f in "$N"/*.yaml; do cp "$f" "$T/$(basename "$f").base"; done

# resolves REF ID: nw-show -r REF prints ID's file (nothing is written).
resolves() {
	run nw-show -r "$1"
	is "$rc:$out:$err" "0:$(cat "$N/$2.yaml"):" "'$1' is $2"
}
resolves muller jurgen-muller
resolves MÜLLER jurgen-muller
resolves 'jurgen muller' jurgen-muller
resolves garcia jose-garcia
resolves 'JOSE GARCIA' jose-garcia
resolves angstrom anders-angstrom
resolves Ångström anders-angstrom
resolves "$(printf 'Zoe\314\210')" zoe		# e + U+0308: NFD
resolves "$(printf 'Zo\303\253 Tom\303\241s')" zoe	# NFC
resolves tomas zoe
resolves Tomas zoe
resolves TOMAS zoe
resolves strasse strasse			# ß folds to ss
resolves 'ada    lovelace' ada-lovelace		# blanks are one
resolves ADA-LOVELACE ada-lovelace		# an id in any case
resolves Ada-Lo ada-lovelace			# a prefix of the id
resolves ad ada-lovelace			# two characters are enough
resolves q q					# an exact id of one letter
resolves Q q					# an exact name of one letter
resolves zo zoe					# an aka, exact

# A one-letter prefix names nobody: said, exit 1, nothing written.
run nw-log -k call a
is "$rc:$out:$err" "1::nw-log: 'a': no such contact (a prefix needs 2 characters)" \
	"a one-letter prefix is refused"
run nw-log -k call j
is "$rc:$out:$err" "1::nw-log: 'j': no such contact (a prefix needs 2 characters)" \
	"a one-letter word prefix is refused"
r=0
for f in "$N"/*.yaml; do cmp -s "$f" "$T/$(basename "$f").base" || r=1; done
ok $r "one-letter prefixes: no file changed"

# Ambiguity is judged on folded names too.
printf 'name: Jurgen Muller\n' >"$N/jm2.yaml"
run nw-show muller
is "$rc:$err" "1:nw-show: 'muller': ambiguous: jm2, jurgen-muller" \
	"Müller and Muller are one name: ambiguous"
rm "$N/jm2.yaml"

# nw-check finds a duplicate name the same way.
printf 'name: JURGEN   muller\n' >"$N/jm3.yaml"
run nw-check jm3
is "$rc:$out" "0:$N/jm3.yaml:1:7: warning: name 'JURGEN   muller' is also on jurgen-muller" \
	"nw-check: a folded name is a duplicate"
rm "$N/jm3.yaml"

# --- names from any source: trimmed, blanks collapsed ---------------------
pipein '  Bob   B  
' nw-add
is "$rc:$out:$err" "0:bob-b:" "printf '  Bob   B  ' | nw-add: trimmed"
is "$(cat "$N/bob-b.yaml")" "name: Bob B
added: 2026-11-25" "the file has the tidy name"
run nw-add 'Bob	 B'
is "$rc:$out:$err" "1::nw-add: 'Bob B': already in the network as bob-b (-f adds anyway)" \
	"'Bob<TAB> B' is Bob B: a duplicate"
run nw-add 'ADA  lovelace'
is "$rc:$out:$err" "1::nw-add: 'ADA lovelace': already in the network as ada-lovelace (-f adds anyway)" \
	"a duplicate in another case, blanks collapsed"
run nw-add 'Jurgen Muller'
is "$rc:$out:$err" "1::nw-add: 'Jurgen Muller': already in the network as jurgen-muller (-f adds anyway)" \
	"a duplicate without accents"
run nw-add '   '
is "$rc:$out:$err" "1::nw-add: '   ': not a name" "blanks alone are no name"
run nw-set bob-b name '  Robert    B '
is "$rc:$out" "0:bob-b" "nw-set NAME: done"
is "$(cat "$N/bob-b.yaml")" "name: Robert B
added: 2026-11-25" "nw-set name: trimmed, blanks collapsed"

# An import: the card's name is tidied, and a folded name is a duplicate.
cat >"$T/in.vcf" <<'EOF'
BEGIN:VCARD
VERSION:3.0
FN:  Carl    Friedrich   Gauss  
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:JURGEN MULLER
END:VCARD
EOF
run nw-import "$T/in.vcf"
is "$rc:$out" "0:carl-friedrich-gauss" "import: the new contact"
is "$err" "nw-import: 'JURGEN MULLER': already in the network as jurgen-muller (same name)" \
	"import: a folded name is a duplicate"
is "$(sed -n 1p "$N/carl-friedrich-gauss.yaml")" "name: Carl Friedrich Gauss" \
	"import: the name tidied"
done_testing
