#!/bin/sh
# What an import keeps: a structured name that the name alone cannot give
# back (name-parts, exported again as N), labels and categories as tags,
# and -u that fills what is empty and adds what is new, never replacing
# what the user wrote.  nw-import -n on a terminal is a table.
. "$(dirname "$0")/lib.sh"

want() { cat >"$T/want"; }

mknet n
N=$NW_DIR
cat >"$T/names.vcf" <<'EOF'
BEGIN:VCARD
VERSION:3.0
FN:Dr. Jane Q. Doe\, PhD
N:Doe;Jane;Q.;Dr.;PhD
CATEGORIES:Work,Book club
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:山田 太郎
N:山田;太郎;;;
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:John Smith
N:Smith;John;;;
END:VCARD
EOF
run nw-import "$T/names.vcf"
is "$rc:$out:$err" "0:jane-q-doe
山田-太郎
john-smith:" "three cards imported"
want <<'EOF'
name: Dr. Jane Q. Doe, PhD
name-parts: {prefix: Dr., given: Jane, middle: Q., family: Doe, suffix: PhD}
tags: [Work, Book club]
added: 2026-11-25
EOF
same "$N/jane-q-doe.yaml" "$T/want" \
	"N with a prefix and a suffix: kept as name-parts; CATEGORIES as tags"
printf 'name: 山田 太郎\nname-parts: {given: 太郎, family: 山田}\nadded: 2026-11-25\n' | want
same "$N/山田-太郎.yaml" "$T/want" "family name first: kept as name-parts, no reversed aka"
printf 'name: John Smith\nadded: 2026-11-25\n' | want
same "$N/john-smith.yaml" "$T/want" "N that the name gives back: no name-parts"
run nw-check
is "$rc:$out" "0:" "name-parts passes nw-check"

# exported back as N: the card's own, not one guessed from the name
nw-export >"$T/out.vcf"
is "$(tr -d '\r' <"$T/out.vcf" | grep -E '^(FN|N):')" "FN:Dr. Jane Q. Doe\, PhD
N:Doe;Jane;Q.;Dr.;PhD
FN:John Smith
N:Smith;John;;;
FN:山田 太郎
N:山田;太郎;;;" "nw-export: N from name-parts round-trips; 山田 太郎 is not reversed"
run nw-export -f json 山田
is "$out" '{"id":"山田-太郎","name":"山田 太郎","name-parts":{"given":"太郎","family":"山田"},"added":"2026-11-25","last":null,"due":"2027-11-25"}' \
	"JSON: name-parts a mapping"

# a round trip through vCard and through CSV gives the same files
for f in vcard csv; do
	mknet "rt-$f"
	nw-export -C "$N" -f "$f" >"$T/rt.$f"
	run nw-import "$T/rt.$f"
	r=0
	for x in "$N"/*.yaml; do
		cmp -s "$x" "$NW_DIR/$(basename "$x")" || r=1
	done
	ok $r "nw-export -f $f | nw-import: the same bytes"
done
NW_DIR=$N

# Google: First, Middle, Last, Prefix, Suffix; labels as tags
cat >"$T/google.csv" <<'EOF'
First Name,Middle Name,Last Name,Name Prefix,Name Suffix,Labels,E-mail 1 - Value
Ada,,Lovelace,,,Friends ::: * myContacts,ada@example.org
Martin,Luther,King,Rev.,Jr.,* starred ::: Heroes,mlk@example.org
EOF
run nw-import "$T/google.csv"
is "$rc:$out" "0:ada-lovelace
martin-luther-king" "Google: imported"
printf 'name: Ada Lovelace\ntags: [Friends]\nemail: ada@example.org\nadded: 2026-11-25\n' | want
same "$N/ada-lovelace.yaml" "$T/want" "Google: parts the name gives back, a label as a tag"
want <<'EOF'
name: Rev. Martin Luther King Jr.
name-parts: {prefix: Rev., given: Martin, middle: Luther, family: King, suffix: Jr.}
tags: [Heroes]
email: mlk@example.org
added: 2026-11-25
EOF
same "$N/martin-luther-king.yaml" "$T/want" "Google: a prefix and a suffix kept as name-parts"

# a name-parts that is no mapping is an error of nw-check
printf 'name: X Y\nname-parts: [X, Y]\n' >"$N/bad.yaml"
run nw-check bad
is "$rc:$out" "1:$N/bad.yaml:2:13: error: 'name-parts' must be a mapping of strings" \
	"nw-check: name-parts must be a mapping"
rm "$N/bad.yaml"

# --- -u: fill what is empty, add what is new --------------------------------
mknet u
U=$NW_DIR
printf 'name: Ann Avery\nemail: ann@example.org\nlinks: {github: ann}\n' >"$U/ann.yaml"
printf 'name: Ben Bell\nemail: ben@example.org\norg: ""\nlinks:\n' >"$U/ben.yaml"
printf 'name: Cy Cole\nemail: cy@example.org\ntitle: Boss  # mine\n' >"$U/cy.yaml"
cat >"$T/u.vcf" <<'EOF'
BEGIN:VCARD
VERSION:3.0
FN:Ann Avery
EMAIL:ann@example.org
URL:https://github.com/ann
X-SOCIALPROFILE;TYPE=mastodon:@ann@example.social
TITLE:Engineer
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Ben Bell
EMAIL:ben@example.org
ORG:Bell Labs
URL:https://ben.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Cy Cole
EMAIL:cy@example.org
TITLE:Chief
BDAY:1970-01-02
END:VCARD
EOF
run nw-import -u "$T/u.vcf"
is "$rc:$out" "0:ann
ben
cy" "-u: each contact changed, its id"
is "$err" "nw-import: 'Ann Avery': ann adds link github-2 https://github.com/ann, link mastodon @ann@example.social; fills title Engineer
nw-import: 'Ben Bell': ben adds link web https://ben.example; fills org Bell Labs
nw-import: 'Cy Cole': cy fills birthday 1970-01-02" "-u: what was added and filled, said"
is "$(cat "$U/ann.yaml")" 'name: Ann Avery
email: ann@example.org
links: {github: ann, github-2: "https://github.com/ann", mastodon: "@ann@example.social"}
title: Engineer' "-u: a flow mapping of links grows at its end; the user's github stays"
is "$(cat "$U/ben.yaml")" 'name: Ben Bell
email: ben@example.org
org: Bell Labs
links:
  web: "https://ben.example"' "-u: an empty org filled in place; an empty links begun"
is "$(cat "$U/cy.yaml")" 'name: Cy Cole
email: cy@example.org
title: Boss  # mine
birthday: 1970-01-02' "-u: a title the user wrote is kept; the birthday filled"
run nw-import -u "$T/u.vcf"
is "$rc:$out" "0:" "-u again: nothing new"

# --- -n on a terminal: a table ----------------------------------------------
if command -v script >/dev/null; then
	NO_COLOR=1 script -qec "nw-import -n -u '$T/u.vcf' '$T/google.csv'" \
		/dev/null </dev/null >"$T/tty" 2>&1
	is "$(tr -d '\r' <"$T/tty" | sed 's/ *$//')" "ID                  ACTION  NAME                         DETAIL
ann                 skip    Ann Avery                    nothing new
ben                 skip    Ben Bell                     nothing new
cy                  skip    Cy Cole                      nothing new
ada-lovelace        create  Ada Lovelace
martin-luther-king  create  Rev. Martin Luther King Jr." \
		"-n on a terminal: a table under a header"
else
	skip "script(1) is not installed: no terminal test"
fi
done_testing
