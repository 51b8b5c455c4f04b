#!/bin/sh
# nw-import: vCard 2.1/3.0/4.0, LinkedIn and Google CSV, generic CSV; the
# files it writes byte for byte, duplicates, -u, -n, errors with their
# line.  khard's own test cards are read from the shared corpus and checked
# against what python3-vobject reads from them.
. "$(dirname "$0")/lib.sh"

D=$TOP/tests/data
want() { cat >"$T/want"; }
# listing DIR: every file below it with its bytes, to see nothing changed
listing() {
	(cd "$1" && find . -name '*.yaml' | LC_ALL=C sort | while read -r f; do
		echo "== $f"
		cat "$f"
	done)
}
# a python3 that has vobject (the system's; pyenv's may not)
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import vobject' 2>/dev/null; then
		PY=$p
		break
	fi
done

USAGE='usage: nw-import [-nu] [-C dir] [-f format] [file ...]'
run nw-import -h
is "$rc:$(printf '%s\n' "$out" | sed '/^$/,$d')" "0:$USAGE" "-h: the usage"
mknet usage
run nw-import -f ldif x.ldif
is "$rc:$err" "2:nw-import: 'ldif': not a format (vcard, linkedin, google, csv, json)" \
    "-f: an unknown format is a usage error"
script -qec "nw-import -C '$NW_DIR'" /dev/null </dev/null >"$T/tty" 2>&1
is "$?" 2 "no file and a terminal on stdin: usage error"

# --- khard's test cards -------------------------------------------------------

K=$DATA/vcards-khard
if [ ! -d "$K" ]; then
	echo "# $K is absent (the shared test corpora): khard's cards not tried"
	skip "khard's cards are absent"
else
	mknet khard
	N=$NW_DIR
	run nw-import "$K"/*.vcf
	is "$rc" 1 "khard: exit 1, for unparsable.vcf"
	is "$err" "$K/unparsable.vcf:1: BEGIN:VCARD without END:VCARD" \
	    "khard: unparsable.vcf is reported with its line, nothing else is"
	is "$out" "altid
contact-with-category
second-contact
third-contact
wile-e-coyote
foo-bar
joe-citizen
최유림
전도훈
labeled-guy
minimal-contact
michael-smith
mike-jones
acme-inc
with-photo-v3
with-photo-v4
with-post-address
bug-195
text-birthday" "khard: the 19 other cards are created, in file order"
	is "$(ls "$N" | wc -l)" 19 "khard: 19 files, none for unparsable.vcf"

	want <<'EOF'
name: Wile E. Coyote
org: ACME Inc.
added: 2026-11-25
EOF
	same "$N/wile-e-coyote.yaml" "$T/want" "khard individual.vcf: FN, ORG with an empty unit"
	want <<'EOF'
name: Joe Citizen
aka: [horrible_human_being]
email: jcitizen@foo.com
added: 2026-11-25
EOF
	same "$N/joe-citizen.yaml" "$T/want" "khard joe.vcf: NICKNAME as aka, N like FN is not"
	want <<'EOF'
name: Michael Smith
aka: [Mike]
email: ms@example.org
added: 2026-11-25
EOF
	same "$N/michael-smith.yaml" "$T/want" "khard nickname.vcf: no FN, the name from N"
	want <<'EOF'
name: second contact
email: user@example.com
phone: "0123456789"
birthday: 2018-01-20
added: 2026-11-25
EOF
	same "$N/second-contact.yaml" "$T/want" "khard contact1.vcf: BDAY 20180120, a phone kept a string"
	want <<'EOF'
name: With post address
address: PostBox, Ext, Main Street 1, The City, SomeState, 00000, HomeCountry
added: 2026-11-25
EOF
	same "$N/with-post-address.yaml" "$T/want" "khard post.vcf: ADR on one line"
	want <<'EOF'
name: text birthday
added: 2026-11-25
notes: |
  Birthday: circa 1800
EOF
	same "$N/text-birthday.yaml" "$T/want" "khard text-bday.vcf: a birthday in words goes to the notes"
	want <<'EOF'
name: bug 195
phone: "67545678"
added: 2026-11-25
EOF
	same "$N/bug-195.yaml" "$T/want" "khard tel-value-uri.vcf: TEL;VALUE=URI"
	want <<'EOF'
name: contact with category
tags: [bar]
email: foo@example.org
added: 2026-11-25
EOF
	same "$N/contact-with-category.yaml" "$T/want" "khard category.vcf: CATEGORIES as tags"
	want <<'EOF'
name: altid
name-parts: {given: one, family: representation}
aka: [one representation]
added: 2026-11-25
notes: |
  RFC6350 requires N to have cardinality <=1 but allows alternative representations to be included if they are linked by the ALTID parameter.
EOF
	same "$N/altid.yaml" "$T/want" "khard altid.vcf: the first N, kept as name-parts, a folded NOTE"
	printf 'name: 최유림\nadded: 2026-11-25\n' | want
	same "$N/최유림.yaml" "$T/want" "khard korean-c.vcf: LF line ends, a Hangul name and id"

	# what python3-vobject reads from the same cards: names, emails,
	# phones and birthdays must be what nw made of them
	if [ -z "$PY" ]; then
		skip "python3-vobject is not installed"
	else
		"$PY" - "$K" >"$T/vobject" 2>"$T/pyerr" <<'PY'
import glob, sys, vobject
for f in sorted(glob.glob(sys.argv[1] + "/*.vcf")):
    try:
        cards = list(vobject.readComponents(open(f, encoding="utf-8").read()))
    except Exception:
        continue
    for c in cards:
        if "fn" in c.contents:
            name = c.fn.value
        else:
            n = c.n.value
            name = " ".join(x for x in (n.prefix, n.given, n.additional,
                                        n.family, n.suffix) if x)
        emails = ",".join(e.value for e in c.contents.get("email", []))
        tels = ",".join(t.value for t in c.contents.get("tel", []))
        bday = ""
        if "bday" in c.contents and c.bday.params.get("VALUE") != ["text"]:
            b = c.bday.value
            bday = b if "-" in b else b[:4] + "-" + b[4:6] + "-" + b[6:]
        print("|".join((name, emails, tels, bday)))
PY
		is "$?" 0 "vobject reads khard's cards"
		nw-export -f json </dev/null | "$PY" -c '
import json, sys
for c in map(json.loads, sys.stdin):
    l = lambda v: v if isinstance(v, list) else [v] if v else []
    print("|".join((c["name"], ",".join(l(c.get("email"))),
                    ",".join(l(c.get("phone"))), c.get("birthday", ""))))' |
		    LC_ALL=C sort >"$T/nw"
		LC_ALL=C sort "$T/vobject" >"$T/vobject.sorted"
		same "$T/nw" "$T/vobject.sorted" "khard: names, emails, phones and birthdays as vobject reads them"
	fi

	listing "$N" >"$T/before"
	run nw-import "$K"/*.vcf
	is "$rc:$out" "1:" "khard again: nothing created"
	is "$(printf '%s\n' "$err" | grep -c 'already in the network as')" 19 \
	    "khard again: the 19 are reported as already there"
	is "$(printf '%s\n' "$err" | sed -n 2p)" \
	    "nw-import: 'contact with category': already in the network as contact-with-category (same email foo@example.org)" \
	    "khard again: a match by email says so"
	is "$(printf '%s\n' "$err" | sed -n 1p)" \
	    "nw-import: 'altid': already in the network as altid (same name)" \
	    "khard again: a match by name says so"
	listing "$N" >"$T/after"
	same "$T/after" "$T/before" "khard again: no file changed"
	run nw-import -u "$K"/*.vcf
	is "$rc:$out" "1:" "khard again with -u: nothing new to add"
	listing "$N" >"$T/after"
	same "$T/after" "$T/before" "khard again with -u: no file changed"
fi

# --- vCards: many a file, 3.0 and 4.0, folding, escapes, broken cards ---------

mknet multi
N=$NW_DIR
run nw-import "$D/multi.vcf"
is "$rc" 1 "multi.vcf: exit 1 for the broken cards"
is "$out" "barbara-liskov
donald-ervin-knuth
tim-berners-lee" "multi.vcf: three cards created"
is "$err" "$D/multi.vcf:31: not a vCard line (no ':')
nw-import: 'B. Liskov': already in the network as barbara-liskov (same email liskov@example.edu)
$D/multi.vcf:46: BEGIN:VCARD without END:VCARD" \
    "multi.vcf: a bad line and a card never ended, with their lines; a duplicate in the file"
want <<'EOF'
name: Barbara Liskov
name-parts: {prefix: Prof., given: Barbara, middle: Jane, family: Liskov}
aka: [Prof. Barbara Jane Liskov, Barb, BL]
tags: [distributed systems, CLU]
org: MIT, CSAIL
title: Institute Professor
email: [liskov@example.edu, barbara@example.org]
phone: ["+1-617-555-0101", "+1 617 555 0102"]
links: {linkedin: "https://www.linkedin.com/in/bliskov", mastodon: "@barbara@example.social"}
address: 32 Vassar Street, Cambridge, MA, 02139, USA
birthday: --11-07
added: 2026-11-25
notes: |
  Turing Award 2008, for data abstraction; also:
  the substitution principle.
EOF
same "$N/barbara-liskov.yaml" "$T/want" "4.0: every property, escapes undone, a folded NOTE, BDAY --1107, tel: URI"
want <<'EOF'
name: Donald Ervin Knuth
org: Stanford University
email: knuth@example.edu
birthday: 1938-01-10
added: 2026-11-25
EOF
same "$N/donald-ervin-knuth.yaml" "$T/want" "3.0 without FN or UID: the name from N"
want <<'EOF'
name: Tim Berners-Lee
links: {web: "https://www.w3.org/People/Berners-Lee/"}
birthday: --06-08
added: 2026-11-25
EOF
same "$N/tim-berners-lee.yaml" "$T/want" "X-APPLE-OMIT-YEAR: a birthday without its year; a grouped URL"

# NEL, LS and PS break lines inside a YAML block scalar, other C1 controls
# and U+FFFE cannot stand bare: such text is written double-quoted, with
# escapes, and reads back as it was
mknet breaks
N=$NW_DIR
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nel\302\205Name\r\nORG:Line\342\200\250Sep\r\nNOTE:a\302\205b\302\200c\342\200\250d\342\200\251e\357\277\276f\357\273\277g\\nsecond\r\nEND:VCARD\r\n' >"$T/breaks.vcf"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Quotes\r\nNOTE:Said "hi"\\, a back\\\\slash\\nline two\r\nEND:VCARD\r\n' >>"$T/breaks.vcf"
run nw-import "$T/breaks.vcf"
is "$rc:$out:$err" "0:nel-name
quotes:" "NEL, C1, LS, PS, U+FFFE in a card: imported"
want <<'EOF'
name: "Nel\NName"
org: "Line\LSep"
added: 2026-11-25
notes: "a\Nb\x80c\Ld\Pe\uFFFEf\uFEFFg\nsecond"
EOF
same "$N/nel-name.yaml" "$T/want" "NEL and the rest: escaped in double quotes, notes too"
want <<'EOF'
name: Quotes
added: 2026-11-25
notes: |
  Said "hi", a back\slash
  line two
EOF
same "$N/quotes.yaml" "$T/want" "quotes and a backslash: notes stay a block"
run nw-check
is "$rc:$out:$err" "0::" "NEL and the rest: nw-check finds the file sound"
if python3 -c 'import yaml' 2>/dev/null; then
	python3 -c '
import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
for k in ("name", "org", "notes"):
    print(ascii(d[k]))' "$N/nel-name.yaml" >"$T/yaml" 2>&1
	is "$(cat "$T/yaml")" "'Nel\\x85Name'
'Line\\u2028Sep'
'a\\x85b\\x80c\\u2028d\\u2029e\\ufffef\\ufeffg\\nsecond'" \
	    "NEL and the rest: PyYAML reads back the card's very characters"
else
	skip "python3-yaml is not installed"
fi

# --- vCard 2.1: QUOTED-PRINTABLE, CHARSET, soft breaks, Latin-1 ---------------

mknet android
N=$NW_DIR
run nw-import "$D/android-2.1.vcf"
is "$rc:$err" "0:" "2.1: exit 0, nothing on stderr"
is "$out" "elodie-dupre
jurgen-muller
rene-francois" "2.1: three cards, accents transliterated in ids"
want <<'EOF'
name: Élodie Dupré
email: elodie@example.fr
phone: ["+33 6 12 34 56 78", "01 23 45 67 89"]
birthday: 1980-05-11
added: 2026-11-25
notes: |
  Rencontrée à Lyon, chez Marc.
  Deuxième ligne; une longue ligne coupée en deux par un saut doux.
EOF
same "$N/elodie-dupre.yaml" "$T/want" "2.1: UTF-8 quoted-printable with soft line breaks"
want <<'EOF'
name: Jürgen Müller
phone: "+49 30 1234567"
address: Straße des 17. Juni 1, Berlin, 10623, Deutschland
birthday: --02-29
added: 2026-11-25
EOF
same "$N/jurgen-muller.yaml" "$T/want" "2.1: ISO-8859-1 quoted-printable, a photo skipped, --0229"
printf 'name: René François\norg: Société Générale\nadded: 2026-11-25\n' | want
same "$N/rene-francois.yaml" "$T/want" "2.1: 8-bit ISO-8859-1 with CHARSET, and without"

# --- LinkedIn ------------------------------------------------------------------

mknet linkedin
N=$NW_DIR
run nw-import "$D/linkedin-connections.csv"
is "$rc:$err" "0:" "LinkedIn: exit 0, nothing on stderr"
is "$out" "ada-lovelace
grace-hopper
jose-nunez" "LinkedIn: the Notes: preamble and the BOM are skipped"
want <<'EOF'
name: Ada Lovelace
org: Analytical Engines Ltd
title: Mathematician
email: ada@example.org
links: {linkedin: "https://www.linkedin.com/in/ada-lovelace"}
met: {date: "2024-03-15", where: LinkedIn}
added: 2026-11-25
EOF
same "$N/ada-lovelace.yaml" "$T/want" "LinkedIn: name, email, org, title, profile, Connected On"
want <<'EOF'
name: Grace Hopper
org: US Navy, Reserve
title: Rear Admiral "Amazing Grace"
links: {linkedin: "https://www.linkedin.com/in/gracehopper"}
met: {date: "2023-01-02", where: LinkedIn}
added: 2026-11-25
EOF
same "$N/grace-hopper.yaml" "$T/want" "LinkedIn: quoted fields with commas and quotes, no email"
tail -n 1 "$D/linkedin-connections.csv" | tr -d '\r' >"$T/row"
is "$(cat "$T/row")" "José,Núñez,https://www.linkedin.com/in/jose-nunez,,Universidad de Chile,Profesor,28 Feb 2021" \
    "LinkedIn sample: the last row"
run nw-import -f linkedin "$D/google-contacts.csv"
is "$rc:$out:$err" "1::$D/google-contacts.csv:1: no LinkedIn header (First Name, Last Name, ...)" \
    "-f linkedin on another CSV: said, nothing created"

# a Connected On that is not a date: said with its line, the row imported
# without it.  "15 Ma 2023" once read past the 4-byte month buffer.
mknet linkedin-dates
N=$NW_DIR
{
	printf 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
	printf 'Ann,Short,,ann@example.org,,,15 Ma 2023\r\n'
	printf 'Ben,Long,,,,,15 March 2023\r\n'
	printf 'Cy,Noday,,,,, 2023\r\n'
	printf 'Di,Late,,,,,32 Jan 2023\r\n'
	printf 'Ed,Far,,,,,15 Mar 99999\r\n'
	printf 'Flo,Sept,,,,,1 sept 2022\r\n'
	printf 'Gus,Leap,,,,,29 Feb 2023\r\n'
	printf 'Hal,After,,,,,15 Mar 2023 x\r\n'
	printf 'Ivy,Word,,,,,15 Marc 2023\r\n'
	printf 'Jo,Empty,,,,,\r\n'
} >"$T/dates.csv"
run nw-import "$T/dates.csv"
is "$rc" 0 "LinkedIn dates: exit 0, every row imported"
is "$out" "ann-short
ben-long
cy-noday
di-late
ed-far
flo-sept
gus-leap
hal-after
ivy-word
jo-empty" "LinkedIn dates: a contact for every row"
is "$err" "$T/dates.csv:2: 'Connected On' '15 Ma 2023' is not a date: left out
$T/dates.csv:4: 'Connected On' '2023' is not a date: left out
$T/dates.csv:5: 'Connected On' '32 Jan 2023' is not a date: left out
$T/dates.csv:6: 'Connected On' '15 Mar 99999' is not a date: left out
$T/dates.csv:8: 'Connected On' '29 Feb 2023' is not a date: left out
$T/dates.csv:9: 'Connected On' '15 Mar 2023 x' is not a date: left out" \
    "LinkedIn dates: each one that is not a date named with its line and value"
printf 'name: Ann Short\nemail: ann@example.org\nadded: 2026-11-25\n' | want
same "$N/ann-short.yaml" "$T/want" "LinkedIn dates: '15 Ma 2023' left out, the rest of the row kept"
printf 'name: Ben Long\nmet: {date: "2023-03-15", where: LinkedIn}\nadded: 2026-11-25\n' | want
same "$N/ben-long.yaml" "$T/want" "LinkedIn dates: a month's whole name"
printf 'name: Flo Sept\nmet: {date: "2022-09-01", where: LinkedIn}\nadded: 2026-11-25\n' | want
same "$N/flo-sept.yaml" "$T/want" "LinkedIn dates: 'sept', one digit for the day"
printf 'name: Ivy Word\nmet: {date: "2023-03-15", where: LinkedIn}\nadded: 2026-11-25\n' | want
same "$N/ivy-word.yaml" "$T/want" "LinkedIn dates: 'Marc', a longer prefix of March"
printf 'name: Jo Empty\nadded: 2026-11-25\n' | want
same "$N/jo-empty.yaml" "$T/want" "LinkedIn dates: an empty cell is no date, and said nothing of"

# --- Google Contacts, both headers --------------------------------------------

mknet google
N=$NW_DIR
run nw-import "$D/google-contacts.csv" "$D/google-contacts-old.csv"
is "$rc:$err" "0:" "Google: exit 0, nothing on stderr"
is "$out" "charles-babbage
hannah-maria-berg
acme-plumbing
alan-turing
mei-chen" "Google: both headers, one file each"
want <<'EOF'
name: Charles Babbage
aka: [Charlie]
tags: [Friends]
org: Difference Engines
title: Inventor
email: [charles@example.org, babbage@home.example]
phone: ["+44 20 7946 0100", "+44 7700 900123"]
links: {github: "https://github.com/cbabbage"}
address: 1 Dorset Street, London W1U 4EG, UK
birthday: 1791-12-26
added: 2026-11-25
notes: |
  Met at the Royal Society.
  Owes me a visit.
EOF
same "$N/charles-babbage.yaml" "$T/want" "Google: two values in a cell, multi-line notes and address, labels as tags (as vCard CATEGORIES)"
want <<'EOF'
name: Hannah Maria Berg
tags: [Family]
email: [hannah@example.org, h.berg@example.net]
phone: "+49 151 2345678"
birthday: --05-11
added: 2026-11-25
EOF
same "$N/hannah-maria-berg.yaml" "$T/want" "Google: a middle name, a birthday without its year"
printf 'name: Acme Plumbing\norg: Acme Plumbing\nphone: "555-0199"\nadded: 2026-11-25\n' | want
same "$N/acme-plumbing.yaml" "$T/want" "Google: no name: the organisation's"
want <<'EOF'
name: Alan Turing
aka: [Prof]
tags: [Bletchley]
org: GC&CS
title: Cryptanalyst
email: alan@example.org
phone: "+44 1908 640404"
links: {web: "https://www.turing.org.uk"}
birthday: 1912-06-23
added: 2026-11-25
notes: |
  Marathon runner.
EOF
same "$N/alan-turing.yaml" "$T/want" "Google, old header: Name, Group Membership, Organization 1"
printf 'name: Mei Chen\ntags: [Friends]\nemail: mei@example.cn\nadded: 2026-11-25\n' | want
same "$N/mei-chen.yaml" "$T/want" "Google, old header: no Name, a system group kept without its star"

# --- generic CSV -----------------------------------------------------------------

mknet csv
N=$NW_DIR
printf 'Name,Email,tags,circle,birthday,links,phone,color\n' >"$T/g.csv"
printf 'Ada Lovelace,ada@example.org; ada@work.example,rust;maths,close,1815-12-10,github=https://github.com/ada,"+44 20 7946 0000",blue\n' >>"$T/g.csv"
printf 'Bad Circle,,,closest,,,,\n' >>"$T/g.csv"
printf 'Bad Birthday,,,,1815-13-10,,,\n' >>"$T/g.csv"
printf '"Quoted\nNewline",,,,,,,\n' >>"$T/g.csv"
run nw-import "$T/g.csv"
is "$rc" 1 "CSV: exit 1 for the bad rows"
is "$out" "ada-lovelace
quoted-newline" "CSV: the good rows created"
is "$err" "nw-import: '$T/g.csv': column not imported: 'color'
$T/g.csv:3: 'closest': not a circle (inner, close, regular, outer)
$T/g.csv:4: '1815-13-10': not a date (YYYY-MM-DD or --MM-DD)" \
    "CSV: an unknown column named once; bad values with their line"
want <<'EOF'
name: Ada Lovelace
circle: close
tags: [rust, maths]
email: [ada@example.org, ada@work.example]
phone: "+44 20 7946 0000"
links: {github: "https://github.com/ada"}
birthday: 1815-12-10
added: 2026-11-25
EOF
same "$N/ada-lovelace.yaml" "$T/want" "CSV: keys by header, any case; lists split on ';'"
printf 'name: Quoted Newline\nadded: 2026-11-25\n' | want
same "$N/quoted-newline.yaml" "$T/want" "CSV: a line break in a name becomes a space"
printf 'name,email\n"Broken "quote,x@example.org\nFine,f@example.org\n' >"$T/bad.csv"
run nw-import "$T/bad.csv"
is "$rc:$out" "1:" "CSV: a quote out of place: nothing after it is read"
is "$err" "$T/bad.csv:2: malformed CSV (a quote out of place); the rest of the file is not read" \
    "CSV: the malformed line is named"
printf 'just,some\ncolumns,here\n' >"$T/what.csv"
run nw-import "$T/what.csv"
is "$rc:$out:$err" "1::$T/what.csv:1: not a format nw-import knows (vCard, LinkedIn, Google, CSV with a 'name' column)" \
    "an unknown format: said, exit 1"
printf 'name,email\nZed\377,z@example.org\n' >"$T/latin.csv"
run nw-import "$T/latin.csv"
is "$rc:$out:$err" "1::$T/latin.csv: not UTF-8 text (iconv(1) converts it)" \
    "CSV that is not UTF-8: refused whole"
run nw-import "$T/missing.csv"
is "$rc:$err" "1:nw-import: '$T/missing.csv': No such file or directory" \
    "a file that is not there: said, exit 1"

# the follow-up: next is a date as added is, next-note a string
mknet csv-next
N=$NW_DIR
printf 'name,next,next-note\nAda Lovelace,2026-12-11,"Ask: how is the new job?"\nBad Next,2026-13-01,x\nNo Note,2027-01-05,\n' >"$T/next.csv"
run nw-import "$T/next.csv"
is "$rc:$out" "1:ada-lovelace
no-note" "CSV next: the rows with a date created"
is "$err" "$T/next.csv:3: '2026-13-01': not a date (YYYY-MM-DD)" \
    "CSV next: no column left out; a next that is not a date refuses its row"
want <<'EOF'
name: Ada Lovelace
next: 2026-12-11
next-note: "Ask: how is the new job?"
added: 2026-11-25
EOF
same "$N/ada-lovelace.yaml" "$T/want" "CSV next: next and next-note after every, as nw(5) orders them"
printf 'name: No Note\nnext: 2027-01-05\nadded: 2026-11-25\n' | want
same "$N/no-note.yaml" "$T/want" "CSV next: next without a note"
run nw-due -a ada-lovelace
# 2026-11-25 - 2026-12-11 = -16 days overdue
is "$out" "ada-lovelace	2026-12-11	-16	Ada Lovelace	follow-up: Ask: how is the new job?" \
    "CSV next: nw-due reads the imported follow-up"

# --- standard input, -n, -u --------------------------------------------------------

mknet stdin
N=$NW_DIR
runin "$D/multi.vcf" nw-import -n
is "$rc" 1 "-n: exit 1 still for the broken cards"
is "$out" "barbara-liskov	create	Barbara Liskov
donald-ervin-knuth	create	Donald Ervin Knuth
tim-berners-lee	create	Tim Berners-Lee
barbara-liskov	skip	B. Liskov	same email liskov@example.edu" \
    "-n: what would be created and skipped, tab-separated"
is "$err" "<stdin>:31: not a vCard line (no ':')
<stdin>:46: BEGIN:VCARD without END:VCARD" "standard input is named <stdin>"
is "$(ls "$N")" "" "-n: nothing written"

cat >"$N/barbara.yaml" <<'EOF'
# Barbara, from MIT
name: Barbara Liskov   # the professor
email:
  - liskov@example.edu
links:
  linkedin: https://www.linkedin.com/in/barbara-l   # the one I know
log:
  - {date: 2026-01-02, kind: call}
EOF
cp "$N/barbara.yaml" "$T/barbara.orig"
printf 'name: Donald Knuth\nemail: knuth@example.edu\nphone: "+1 650 555 0100"\norg: Stanford\n' >"$N/knuth.yaml"
cp "$N/knuth.yaml" "$T/knuth.orig"
runin "$D/multi.vcf" nw-import -n -u -
is "$out" "barbara	update	Barbara Liskov	adds email barbara@example.org, phone +1-617-555-0101, phone +1 617 555 0102, link linkedin-2 https://www.linkedin.com/in/bliskov, link mastodon @barbara@example.social; fills org MIT, CSAIL, title Institute Professor, birthday --11-07
knuth	update	Donald Ervin Knuth	fills birthday 1938-01-10
tim-berners-lee	create	Tim Berners-Lee
barbara	update	B. Liskov	adds phone +1 617 555 0199" \
	"-n -u: what would be added or filled, whom; an org the user wrote is kept"
same "$N/barbara.yaml" "$T/barbara.orig" "-n -u: nothing written"
run nw-import "$D/multi.vcf"
is "$out" "tim-berners-lee" "without -u: only the new card is created"
is "$(printf '%s\n' "$err" | grep already)" "nw-import: 'Barbara Liskov': already in the network as barbara (same email liskov@example.edu)
nw-import: 'Donald Ervin Knuth': already in the network as knuth (same email knuth@example.edu)
nw-import: 'B. Liskov': already in the network as barbara (same email liskov@example.edu)" \
    "without -u: the others are skipped, matched by email"
same "$N/barbara.yaml" "$T/barbara.orig" "without -u: the match is not changed"
run nw-import -u "$D/multi.vcf"
is "$out" "barbara
knuth" "-u: the changed contacts are printed, once each"
is "$(printf '%s\n' "$err" | grep -v '^<stdin>\|multi.vcf:')" "nw-import: 'Barbara Liskov': barbara adds email barbara@example.org, phone +1-617-555-0101, phone +1 617 555 0102, link linkedin-2 https://www.linkedin.com/in/bliskov, link mastodon @barbara@example.social; fills org MIT, CSAIL, title Institute Professor, birthday --11-07
nw-import: 'Donald Ervin Knuth': knuth fills birthday 1938-01-10
nw-import: 'Tim Berners-Lee': already in the network as tim-berners-lee, nothing new
nw-import: 'B. Liskov': barbara adds phone +1 617 555 0199" \
	"-u: what was added and filled is said on stderr"
want <<'EOF'
# Barbara, from MIT
name: Barbara Liskov   # the professor
email:
  - liskov@example.edu
  - barbara@example.org
links:
  linkedin: https://www.linkedin.com/in/barbara-l   # the one I know
  linkedin-2: "https://www.linkedin.com/in/bliskov"
  mastodon: "@barbara@example.social"
log:
  - {date: 2026-01-02, kind: call}
phone: ["+1-617-555-0101", "+1 617 555 0102", "+1 617 555 0199"]
org: MIT, CSAIL
title: Institute Professor
birthday: --11-07
EOF
same "$N/barbara.yaml" "$T/want" \
	"-u: new emails, phones and links added, empty keys filled, the user's link and comments kept"
cp "$T/want" "$T/barbara.want"
printf 'name: Donald Knuth\nemail: knuth@example.edu\nphone: "+1 650 555 0100"\norg: Stanford\nbirthday: 1938-01-10\n' | want
same "$N/knuth.yaml" "$T/want" "-u: the birthday filled, the org the user wrote kept"
run nw-import -u "$D/multi.vcf"
is "$out" "" "-u again: nothing new"
same "$N/barbara.yaml" "$T/barbara.want" "-u again: no change"

# a name matches when no email does, whatever its case
printf 'name,phone\nbarbara LISKOV,+1 617 555 0101\nJoan Clarke,\n' >"$T/names.csv"
run nw-import -n "$T/names.csv"
is "$out" "barbara	skip	barbara LISKOV	same name
joan-clarke	create	Joan Clarke" "a match by name ignores case"
run nw-import -n -u "$T/names.csv"
is "$(echo "$out" | head -1)" "barbara	skip	barbara LISKOV	nothing new" \
    "-u: the same number written otherwise is not new"

# --- git --------------------------------------------------------------------------

if command -v git >/dev/null; then
	NW_DIR=$T/git
	nw-init -g "$NW_DIR" >/dev/null 2>&1
	printf 'x\n' >"$NW_DIR/staged.txt"
	git -C "$NW_DIR" add staged.txt
	run nw-import "$D/google-contacts.csv"
	is "$(git -C "$NW_DIR" log -1 --format=%s)" "Import 3 contacts" "git: one commit, 'Import 3 contacts'"
	is "$(git -C "$NW_DIR" show --name-only --format= HEAD | LC_ALL=C sort)" "acme-plumbing.yaml
charles-babbage.yaml
hannah-maria-berg.yaml" "git: the new files only"
	is "$(git -C "$NW_DIR" diff --cached --name-only)" "staged.txt" "git: what the user staged stays staged"
	run nw-import "$D/linkedin-connections.csv" "$D/google-contacts-old.csv"
	printf 'name\nJoan Clarke\n' >"$T/joan.csv"
	run nw-import "$T/joan.csv"
	run nw-import "$D/android-2.1.vcf"
	git -C "$NW_DIR" log --format=%s >"$T/log"
	is "$(head -3 "$T/log")" "Import 3 contacts
Import Joan Clarke
Import 5 contacts" "git: one contact is named"
fi

# --- a progress bar on a terminal, for long imports --------------------------------

mknet many
{
	echo name,email
	i=0
	while [ $i -lt 120 ]; do
		echo "Person $i,p$i@example.org"
		i=$((i + 1))
	done
} >"$T/many.csv"
script -qec "nw-import '$T/many.csv' >'$T/many.out'" /dev/null </dev/null >"$T/tty" 2>&1
is "$(wc -l <"$T/many.out")" 120 "120 rows: 120 contacts"
grep -q 'nw-import: \[==============================\] 120/120' "$T/tty"
ok $? "on a terminal: a progress bar that reaches 120/120"
run nw-import "$T/many.csv"
is "$(printf '%s\n' "$err" | grep -c '\[')" 0 "not on a terminal: no progress bar"

# --- imports at the same time, and in a pipe to another writer ---------------------

# who exists is read under the lock that the files are created under: four
# imports of the same cards at once make each contact once
cards() {
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++)
	    printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d\r\nEMAIL:p%d@example.org\r\nEND:VCARD\r\n", i, i }'
}
cards 3 >"$T/three.vcf"
cards 40 >"$T/forty.vcf"
for n in three forty; do
	mknet "parallel-$n"
	for i in 1 2 3 4; do
		nw-import "$T/$n.vcf" >"$T/par.$i.out" 2>"$T/par.$i.err" &
	done
	wait
	ids=$(sed -n 's/^FN:Person \([0-9]*\).*/person-\1/p' "$T/$n.vcf" |
	    LC_ALL=C sort)
	is "$(ls "$NW_DIR" | sed 's/\.yaml$//' | LC_ALL=C sort)" "$ids" \
	    "4 imports at once of $n cards: each person once"
	is "$(cat "$T"/par.[1-4].out | LC_ALL=C sort)" "$ids" \
	    "4 imports at once of $n cards: each id printed once"
	is "$(cat "$T"/par.[1-4].err | grep -c 'already in the network')" \
	    "$(echo "$ids" | awk 'END { print 3 * NR }')" \
	    "4 imports at once of $n cards: the three others skip each card"
done

# the ids go out after the lock is gone: a reader that waits for the lock
# before it reads on (nw-log) would otherwise wait for ever on a writer
# blocked on the full pipe.  1100 ids of 64 and more bytes fill a pipe.
mknet pipe
awk 'BEGIN { for (i = 0; i < 1100; i++)
    printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Correspondent %04d of the long pipe test, with a name past the id limit\r\nEND:VCARD\r\n", i }' >"$T/long.vcf"
timeout -k 5 120 sh -c 'nw-import "$1" |
    { read -r id; nw-log -k note -m first "$id" >/dev/null; wc -l; }' \
    sh "$T/long.vcf" >"$T/pipe.out" 2>"$T/pipe.err"
is "$?:$(tr -d ' ' <"$T/pipe.out"):$(cat "$T/pipe.err")" "0:1099:" \
    "nw-import | a writer that takes the lock after one line: no deadlock"
cards 200 >"$T/many.vcf"
mknet pipe-log
timeout -k 5 120 sh -c 'nw-import "$1" | nw-log -k note -m imported' \
    sh "$T/many.vcf" >"$T/pipe.out" 2>"$T/pipe.err"
is "$?:$(cat "$T/pipe.err")" "0:" "nw-import | nw-log on 200 cards: finishes, exit 0"
is "$(LC_ALL=C sort "$T/pipe.out")" \
    "$(sed -n 's/^FN:Person \([0-9]*\).*/person-\1/p' "$T/many.vcf" | LC_ALL=C sort)" \
    "nw-import | nw-log on 200 cards: every id logged"
is "$(grep -l '^  - {date: 2026-11-25, kind: note, note: imported}$' "$NW_DIR"/*.yaml | wc -l)" 200 \
    "nw-import | nw-log on 200 cards: every file has the entry"

# --- what is not a file to import ------------------------------------------------

# /dev/zero never ends: 256 MiB is where reading stops.  A cap on memory
# guards the machine should that ever break (ASan's shadow memory will
# not start under one: its allocator's own cap then).
mknet limits
mkdir "$T/folder"
truncate -s 257M "$T/huge.csv"
(
	ASAN_OPTIONS=${ASAN_OPTIONS:-}:max_allocation_size_mb=1536:allocator_may_return_null=0
	export ASAN_OPTIONS
	# the probe's own shell waits for it: an abort is not said here
	if sh -c 'ulimit -d 1572864 && nw-import -h; exit $?' >/dev/null 2>&1
	then
		ulimit -d 1572864
	fi
	exec nw-import /dev/zero "$T/three.vcf" "$T/folder" "$T/huge.csv"
) >"$T/lim.out" 2>"$T/lim.err"
is "$?" 1 "/dev/zero, a folder, a file too large: exit 1"
is "$(cat "$T/lim.err")" "nw-import: '/dev/zero': larger than 256 MiB
nw-import: '$T/folder': a directory, not a file
nw-import: '$T/huge.csv': larger than 256 MiB" \
    "/dev/zero, a folder, a file too large: each said"
is "$(cat "$T/lim.out")" "person-1
person-2
person-3" "/dev/zero, a folder, a file too large: the good file imported"
is "$(ls "$NW_DIR")" "person-1.yaml
person-2.yaml
person-3.yaml" "/dev/zero, a folder, a file too large: nothing created from them"

# --- communities and anniversaries ------------------------------------------

# A vCard 4.0 group card (KIND:group) is a community; its MEMBER lines
# are not kept (people name their communities in groups).  ANNIVERSARY
# goes to dates.  A person is never taken for a community of the same
# name, nor a community for a person.
mknet comm
N=$NW_DIR
printf 'name: ACM Chicago\ntype: community\n' >"$N/acm-chicago.yaml"
printf 'name: Stack Overflow\n' >"$N/stack-overflow.yaml"
printf "%s\r\n" 'BEGIN:VCARD' 'VERSION:4.0' 'KIND:group' 'FN:ACM Chicago' \
    'MEMBER:urn:uuid:84e8ffac-a031-5949-93fd-23c47c69702e' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:4.0' 'FN:ACM Chicago' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:4.0' 'KIND:group' 'FN:Stack Overflow' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:4.0' 'FN:Ada Lovelace' 'ANNIVERSARY:20120609' \
    'END:VCARD' >"$T/comm.vcf"
run nw-import "$T/comm.vcf"
is "$rc" 0 "communities: exit 0"
is "$out" "acm-chicago-2
stack-overflow-2
ada-lovelace" "communities: a person named like a community, a community named like a person: both new"
is "$err" "nw-import: 'ACM Chicago': already in the network as acm-chicago (same name)" \
    "communities: the group card of a community there is skipped"
is "$(cat "$N/acm-chicago-2.yaml")" "name: ACM Chicago
added: 2026-11-25" "communities: the person card is a person"
is "$(cat "$N/stack-overflow-2.yaml")" "name: Stack Overflow
type: community
added: 2026-11-25" "communities: KIND:group makes a community"
is "$(cat "$N/ada-lovelace.yaml")" "name: Ada Lovelace
dates: {anniversary: 2012-06-09}
added: 2026-11-25" "ANNIVERSARY: dates.anniversary"

# A note that ends in a backslash (fuzz-vcard found notes_block reading
# past it under ASan): kept as it came, a plain scalar.
mknet backslash
N=$NW_DIR
printf "%s\r\n" 'BEGIN:VCARD' 'VERSION:3.0' 'FN:Back Slash' \
    'NOTE:Award 2008\\' 'END:VCARD' >"$T/bs.vcf"
run nw-import "$T/bs.vcf"
is "$rc:$out" "0:back-slash" "a note ending in a backslash: imported"
is "$(cat "$N/back-slash.yaml")" 'name: Back Slash
added: 2026-11-25
notes: Award 2008\' "and kept as it came"

done_testing
