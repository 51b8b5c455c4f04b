#!/bin/sh
# nw-import: which contact a record is.  A vCard matching two contacts by
# name updates the first with -u; two people of one name in one input
# both come in; a LinkedIn date without a blank after the day is left
# out with a warning; ids folded in every script, without the prefix and
# suffix of a structured name.
. "$(dirname "$0")/lib.sh"

crlf() { printf '%s\r\n' "$@"; }

mknet n
N=$NW_DIR
printf 'name: Jane Doe\nemail: jane@old.org\n' >"$N/jane-doe.yaml"
printf 'name: Jane Doe\norg: Other\n' >"$N/jane-doe-2.yaml"
cp "$N/jane-doe-2.yaml" "$T/jane2.orig"
crlf BEGIN:VCARD VERSION:3.0 'FN:Jane Doe' 'EMAIL:jane@new.org' END:VCARD >"$T/jane.vcf"
run nw-import -u "$T/jane.vcf"
is "$rc:$out:$err" "0:jane-doe:nw-import: 'Jane Doe': jane-doe adds email jane@new.org" \
	"-u: a card matching two contacts by name updates the first and says so"
printf 'name: Jane Doe\nemail: [jane@old.org, jane@new.org]\n' >"$T/want"
same "$N/jane-doe.yaml" "$T/want" "the first has the new email"
same "$N/jane-doe-2.yaml" "$T/jane2.orig" "the second is untouched"
run nw-import -n -u "$T/jane.vcf"
is "$rc:$out" "0:jane-doe	skip	Jane Doe	nothing new" "-n -u names the first as well"

# LinkedIn: "15.Mar 2024" has no blank after the day
mknet l
{
	printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
	printf 'Ann,Dot,,ann@example.org,,,15.Mar 2024\r\n'
	printf 'Ben,Dash,,ben@example.org,,,15-Mar-2024\r\n'
	printf 'Cy,Ok,,cy@example.org,,,15 Mar 2024\r\n'
} >"$T/conn.csv"
run nw-import "$T/conn.csv"
is "$rc:$out:$err" "0:ann-dot
ben-dash
cy-ok:$T/conn.csv:2: 'Connected On' '15.Mar 2024' is not a date: left out
$T/conn.csv:3: 'Connected On' '15-Mar-2024' is not a date: left out" \
	"LinkedIn: a day not followed by a blank is warned about"
printf 'name: Ann Dot\nemail: ann@example.org\nadded: 2026-11-25\n' >"$T/want"
same "$NW_DIR/ann-dot.yaml" "$T/want" "and left out"
printf 'name: Cy Ok\nemail: cy@example.org\nmet: {date: "2024-03-15", where: LinkedIn}\nadded: 2026-11-25\n' >"$T/want"
same "$NW_DIR/cy-ok.yaml" "$T/want" "a good date is kept"

# two people of one name in one input: both come in
mknet t
crlf BEGIN:VCARD VERSION:3.0 'FN:John Smith' 'ORG:Acme' END:VCARD \
	BEGIN:VCARD VERSION:3.0 'FN:John Smith' 'ORG:Globex' END:VCARD \
	BEGIN:VCARD VERSION:3.0 'FN:Ольга Иванова' END:VCARD \
	BEGIN:VCARD VERSION:3.0 'FN:Rear Admiral Grace Hopper PhD' \
	'N:Hopper;Grace;;Rear Admiral;PhD' END:VCARD >"$T/two.vcf"
run nw-import "$T/two.vcf"
is "$rc:$out:$err" "0:john-smith
john-smith-2
ольга-иванова
grace-hopper:" "two of one name both come in; ids folded, no prefix or suffix"
is "$(sed -n 2p "$NW_DIR/john-smith-2.yaml")" "org: Globex" "the second is the second"
run nw-import "$T/two.vcf"
is "$rc:$out" "0:" "imported again: nothing new (the names are in the network now)"
run nw-add 'ΣΟΦΊΑ Παπαδοπούλου'
is "$rc:$out" "0:σοφία-παπαδοπούλου" "nw-add folds Greek too"

# what nw-check would refuse across contacts is left out, and said
mknet x
crlf BEGIN:VCARD VERSION:4.0 KIND:group FN:ACM EMAIL:info@acm.org END:VCARD \
	BEGIN:VCARD VERSION:4.0 'FN:Ann Avery' EMAIL:info@acm.org EMAIL:ann@x.org \
	END:VCARD >"$T/grp.vcf"
run nw-import "$T/grp.vcf"
is "$rc:$out:$err" "0:acm
ann-avery:nw-import: 'Ann Avery': email 'info@acm.org' is also on acm: left out" \
	"a group card and a person with the same EMAIL: the person's left out"
printf 'name: Ann Avery\nemail: ann@x.org\nadded: 2026-11-25\n' >"$T/want"
same "$NW_DIR/ann-avery.yaml" "$T/want" "the person without it"
printf 'name: Bo Byrd\nemail: bo@x.org\n' >"$NW_DIR/bo-byrd.yaml"
crlf BEGIN:VCARD VERSION:3.0 'FN:Ann Avery' EMAIL:bo@x.org EMAIL:new@x.org \
	END:VCARD >"$T/u.vcf"
run nw-import -u "$T/u.vcf"
is "$rc:$out:$err" "0:bo-byrd:nw-import: 'Ann Avery': bo-byrd adds email new@x.org" \
	"-u: a card with another contact's email is that contact"
crlf BEGIN:VCARD VERSION:3.0 'FN:Ann Avery' EMAIL:ann@x.org EMAIL:info@acm.org \
	EMAIL:new@x.org EMAIL:ann2@x.org END:VCARD >"$T/u.vcf"
run nw-import -u "$T/u.vcf"
is "$rc:$out:$err" "0:ann-avery:nw-import: 'Ann Avery': email 'info@acm.org' is also on acm: left out
nw-import: 'Ann Avery': email 'new@x.org' is also on bo-byrd: left out
nw-import: 'Ann Avery': ann-avery adds email ann2@x.org" \
	"-u: an email another contact has is not added, and that is said"
printf 'name: Ann Avery\nemail: [ann@x.org, ann2@x.org]\nadded: 2026-11-25\n' >"$T/want"
same "$NW_DIR/ann-avery.yaml" "$T/want" "-u: the other emails added"
printf 'name,via\nBen,nobody\nCy,dee\nDee,\nEd,ann-avery\n' >"$T/via.csv"
run nw-import "$T/via.csv"
is "$rc:$out:$err" "0:dee
ed
cy
ben:nw-import: 'Ben': via 'nobody' names no contact: left out" \
	"CSV: a via naming nobody is left out; one naming a row further on is kept"
printf 'name: Cy\nmet: {via: dee}\nadded: 2026-11-25\n' >"$T/want"
same "$NW_DIR/cy.yaml" "$T/want" "the via to a later row kept"
run nw-check
is "$rc:$out$err" "0:" "nw-check finds nothing the import wrote"
done_testing
