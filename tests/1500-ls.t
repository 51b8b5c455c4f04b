#!/bin/sh
# nw-ls: filters that combine with AND, PCRE2 patterns with smart case over
# the searched fields (-e) or one key (-f), -l and -j, references that
# narrow the selection.
. "$(dirname "$0")/lib.sh"

# rows: expected TSV rows with '|' between the fields.
rows() { tr '|' '\t'; }
# ids: the first column of $out on one line, for short comparisons.
ids() { printf '%s\n' "$out" | cut -f 1 | tr '\n' ' ' | sed 's/ $//'; }

EX=$TOP/examples/network

# ---------------------------------------------------------------------------
# The example network: everyone, in the order of the ids.
run nw-ls -C "$EX"
is "$rc:$err" "0:" "all: exit 0, nothing on stderr"
is "$out" "$(rows <<'EOF'
ada-lovelace|Ada Lovelace
analytical-engine-society|Analytical Engine Society
charles-babbage|Charles Babbage
david-kim|David Kim
hannah-berg|Hannah Berg
jose-nunez|José Núñez
kenji-watanabe|Kenji Watanabe
lena-fischer|Lena Fischer
mei-chen|Mei Chen
omar-haddad|Omar Haddad
priya-raman|Priya Raman
pydata-london|PyData London
ruth-adeyemi|Ruth Adeyemi
sofia-rossi|Sofia Rossi
tom-okafor|Tom Okafor
work/grace-hopper|Grace Hopper
EOF
)" "all: id and name, sorted by id"

# -l: circle, last contact (log, else added, else empty), due date.
run nw-ls -C "$EX" -l
is "$out" "$(rows <<'EOF'
ada-lovelace|Ada Lovelace|close|2026-09-28|2026-11-28
analytical-engine-society|Analytical Engine Society||2026-09-01|2026-11-01
charles-babbage|Charles Babbage|regular|2026-02-14|2026-08-14
david-kim|David Kim|outer|2026-03-15|2027-03-15
hannah-berg|Hannah Berg|family|2026-09-06|2026-10-06
jose-nunez|José Núñez|regular|2026-10-21|2026-11-18
kenji-watanabe|Kenji Watanabe|outer|2025-10-09|2027-01-15
lena-fischer|Lena Fischer|regular|2026-06-01|2026-12-01
mei-chen|Mei Chen|regular||2026-11-25
omar-haddad|Omar Haddad|inner|2026-11-20|2026-12-11
priya-raman|Priya Raman|close|2026-11-02|2027-01-02
pydata-london|PyData London||2026-11-12|2026-12-12
ruth-adeyemi|Ruth Adeyemi||2025-09-01|2026-09-01
sofia-rossi|Sofia Rossi|regular|2026-09-30|2026-11-11
tom-okafor|Tom Okafor|outer|2025-06-10|2026-06-10
work/grace-hopper|Grace Hopper|inner|2026-09-01|2026-09-22
EOF
)" "-l: circle, last contact, due; empty fields when there is none"

# ---------------------------------------------------------------------------
# -t, -g, -c: tags, groups and circles in any case; a repeated filter is an
# alternative (OR), different ones combine (AND).
run nw-ls -C "$EX" -t rust
is "$(ids)" "ada-lovelace mei-chen" "-t rust"
run nw-ls -C "$EX" -t RUST
is "$(ids)" "ada-lovelace mei-chen" "-t ignores case"
run nw-ls -C "$EX" -t poetry -t wasm
is "$(ids)" "ada-lovelace mei-chen" "-t twice: either tag"
run nw-ls -C "$EX" -t poetry -t wasm -g ACM
is "$(ids)" "ada-lovelace" "-t twice and -g: either tag, and the group"
run nw-ls -C "$EX" -g acm
is "$(ids)" "ada-lovelace work/grace-hopper" "-g ignores case"
run nw-ls -C "$EX" -g acm -c inner
is "$(ids)" "work/grace-hopper" "-g and -c together"
run nw-ls -C "$EX" -c close -c Inner
is "$rc:$(ids)" "0:ada-lovelace omar-haddad priya-raman work/grace-hopper" \
	"-c twice: either circle, in any case"
run nw-ls -C "$EX" -c family
is "$(ids)" "hannah-berg" "-c a circle of the settings"
run nw-ls -C "$EX" -c friends
is "$rc:$out:$err" "2::nw-ls: 'friends': not a circle (inner, close, regular, outer, family)" \
	"-c: a circle not in the settings is a usage error"
run nw-ls -C "$EX" -t nosuchtag
is "$rc:$out:$err" "0::" "no contact passes: empty, exit 0"

# ---------------------------------------------------------------------------
# -e: smart case.  "rust" is in Ada's and Mei's tags and in Ruth's org
# (City Health Trust); "Rust" in Ada's log (the Rust survey link) and
# met (RustConf) and in Mei's met (RustFest).
run nw-ls -C "$EX" -e rust
is "$(ids)" "ada-lovelace mei-chen ruth-adeyemi" \
	"-e lowercase ignores case"
run nw-ls -C "$EX" -e Rust
is "$(ids)" "ada-lovelace mei-chen" "-e with a capital is case-sensitive"
run nw-ls -C "$EX" -e '(?i)RUST'
is "$(ids)" "ada-lovelace mei-chen ruth-adeyemi" "-e (?i) has the last word"
run nw-ls -C "$EX" -e '\brust\b'
is "$(ids)" "ada-lovelace mei-chen" "-e PCRE2 syntax: word boundaries"
run nw-ls -C "$EX" -e '\Dhealth'
is "$(ids)" "ruth-adeyemi" "-e an escape like \\D is no capital"
run nw-ls -C "$EX" -e '(?<Word>health) trust'
is "$(ids)" "ruth-adeyemi" "-e a group name is no capital"
run nw-ls -C "$EX" -e 'núñez'
is "$(ids)" "jose-nunez" "-e UTF-8, accented letters"
run nw-ls -C "$EX" -e 'NÚÑEZ'
is "$(ids)" "" "-e capitals make it case-sensitive"
run nw-ls -C "$EX" -e 'Úñez'
is "$(ids)" "" "-e a capital beyond ASCII counts"
run nw-ls -C "$EX" -e '^jos.\sn'
is "$(ids)" "jose-nunez" "-e . is one character, not one byte"

# Each searched field: every key of the file, the user's own too, and the
# log's notes.
run nw-ls -C "$EX" -e amazing
is "$(ids)" "work/grace-hopper" "-e searches aka"
run nw-ls -C "$EX" -e 'elephant'
is "$(ids)" "david-kim" "-e searches org"
run nw-ls -C "$EX" -e '^professor$'
is "$(ids)" "kenji-watanabe" "-e searches title, anchored to the value"
run nw-ls -C "$EX" -e 'beekeeping'
is "$(ids)" "hannah-berg" "-e searches tags"
run nw-ls -C "$EX" -e 'five-a-side'
is "$(ids)" "omar-haddad" "-e searches groups"
run nw-ls -C "$EX" -e 'vaccine'
is "$(ids)" "ruth-adeyemi" "-e searches notes"
run nw-ls -C "$EX" -e 'pizzoccheri'
is "$(ids)" "sofia-rossi" "-e searches log notes"
run nw-ls -C "$EX" -e 'kiezkind\.example'
is "$(ids)" "lena-fischer" "-e searches email"
run nw-ls -C "$EX" -e 'hallway'
is "$(ids)" "david-kim mei-chen" "-e searches met, at any depth"
run nw-ls -C "$EX" -e '^she/her$'
is "$(ids)" "priya-raman" "-e searches the user's own keys (pronouns)"
run nw-ls -C "$EX" -e '^call$'
is "$(ids)" "" "-e does not search the log's kinds and dates"
run nw-ls -C "$EX" -e poetry -e pizzoccheri
is "$(ids)" "ada-lovelace sofia-rossi" "-e twice: either pattern, as grep -e"
run nw-ls -C "$EX" -f org=engine -f org=nothing-like-it
is "$(ids)" "ada-lovelace charles-babbage" "-f twice on one key: either pattern"
run nw-ls -C "$EX" -f org=engine -e poetry
is "$(ids)" "ada-lovelace" "-f and -e: both must match"
run nw-ls -C "$EX" -e rust -t wasm
is "$(ids)" "mei-chen" "-e and -t together"

# ---------------------------------------------------------------------------
# -f KEY=REGEX over one key: a string, a list item, a mapping value.
run nw-ls -C "$EX" -f org=^brightwave
is "$(ids)" "omar-haddad priya-raman" "-f a string"
run nw-ls -C "$EX" -f 'email=navy'
is "$(ids)" "work/grace-hopper" "-f any item of a list"
run nw-ls -C "$EX" -f 'email=\.it$'
is "$(ids)" "sofia-rossi" "-f a string where lists are allowed"
run nw-ls -C "$EX" -f 'links=^in/'
is "$(ids)" "ada-lovelace lena-fischer priya-raman tom-okafor work/grace-hopper" \
	"-f any value of a mapping"
run nw-ls -C "$EX" -f 'links=^linkedin$'
is "$(ids)" "" "-f a mapping's keys are not its values"
run nw-ls -C "$EX" -f met=priya-raman
is "$(ids)" "lena-fischer" "-f met: a value inside the mapping"
run nw-ls -C "$EX" -f 'phone=^\+49'
is "$(ids)" "hannah-berg lena-fischer" "-f phone"
run nw-ls -C "$EX" -f 'pronouns=she'
is "$(ids)" "priya-raman" "-f the user's own key"
run nw-ls -C "$EX" -f 'log=lunch'
is "$(ids)" "ada-lovelace" "-f log: any note, kind or date"
run nw-ls -C "$EX" -f 'nosuchkey=' -f 'org=.'
is "$(ids)" "" "-f a missing key matches nothing, even an empty pattern"
run nw-ls -C "$EX" -f 'title=e' -f 'title=^[^ ]+$'
is "$(ids)" "ada-lovelace charles-babbage david-kim jose-nunez kenji-watanabe lena-fischer omar-haddad priya-raman ruth-adeyemi tom-okafor work/grace-hopper" \
	"-f twice on one key: either"
run nw-ls -C "$EX" -f 'a=b=c'
is "$rc:$err" "0:" "-f splits at the first ="

# ---------------------------------------------------------------------------
# Bad patterns and options: exit 2, said with the offset, nothing listed.
run nw-ls -C "$EX" -e '(ab'
is "$rc:$out:$err" "2::nw-ls: '(ab': missing closing parenthesis at offset 3" \
	"-e a bad pattern: its offset, exit 2"
run nw-ls -C "$EX" -f 'org=[z-a]'
is "$rc:$out:$err" \
	"2::nw-ls: '[z-a]': range out of order in character class at offset 3" \
	"-f a bad pattern: the pattern alone, its offset"
run nw-ls -C "$EX" -f org
is "$rc:$out:$err" "2::nw-ls: 'org': not key=regex" "-f without ="
run nw-ls -C "$EX" -f =x
is "$rc:$out:$err" "2::nw-ls: '=x': not key=regex" "-f without a key"
run nw-ls -C "$EX" -x
is "$rc" 2 "an unknown option: exit 2"
is "$(printf '%s\n' "$err" | tail -3)" "usage: nw-ls [-jl] [-C dir] [-c circle] [-e regex] [-f key=regex] [-g group]
             [-o org] [-R ref] [-r role] [-s span] [-t tag] [ref ...]
       nw-ls [-C dir] -Q query" \
	"an unknown option: the usage"
run nw-ls -h
is "$rc:$err" "0:" "-h: exit 0"
run nw-ls -V
is "$rc:$out" "0:nw-ls 0.1" "-V"

# ---------------------------------------------------------------------------
# -j: JSON Lines, the one shape of a contact (nw(7)): every key of the file,
# list keys as arrays, then last and due.
run nw-ls -C "$EX" -j -t poetry
cat >"$T/want" <<'EOF'
{"id":"ada-lovelace","name":"Ada Lovelace","aka":["Ada","Countess of Lovelace"],"circle":"close","tags":["mathematics","rust","poetry"],"groups":["ACM","Analytical Engine Society"],"org":"Analytical Engines Ltd","title":"Mathematician","work":[{"org":"University of London","title":"Research Fellow","from":"2016-09","to":"2026-08"}],"email":["ada@example.org","ada@work.example"],"phone":["+44 20 7946 0000"],"links":{"linkedin":"in/ada","mastodon":"@ada@example.social","github":"adalovelace"},"address":"12 St James's Square, London","birthday":"1815-12-10","met":{"date":"2019-03-02","where":"RustConf","via":"charles-babbage"},"rel":{"mentor":"charles-babbage","friend":"work/grace-hopper"},"added":"2019-03-02","notes":"Prefers email to calls; answers within a day.\nWriting a book on the Engine's notes -- ask about chapter 3.\n","log":[{"date":"2025-12-10","kind":"message","note":"Happy birthday!"},{"date":"2026-02-03","kind":"meet","note":"Lunch near King's Cross"},{"date":"2026-04-18","kind":"ask","note":"Asked for a review of my talk outline"},{"date":"2026-04-25","kind":"got","note":"A page of comments on the outline"},{"date":"2026-04-26","kind":"thanks","note":"Thank-you card, and Earl Grey"},{"date":"2026-09-10","kind":"call","note":"Talked about her new job"},{"date":"2026-09-28","kind":"give","note":"Sent the Rust survey link"}],"last":"2026-09-28","due":"2026-11-28"}
EOF
is "$out" "$(cat "$T/want")" \
	"-j: the one shape of a contact (nw(7)), last and due at the end"
run nw-ls -C "$EX" -jl mei-chen sofia-rossi
cat >"$T/want" <<'EOF'
{"id":"mei-chen","name":"Mei Chen","circle":"regular","tags":["wasm","rust"],"email":["mei.chen@example.net"],"met":"RustFest 2026, hallway track","last":null,"due":"2026-11-25"}
{"id":"sofia-rossi","name":"Sofia Rossi","circle":"regular","every":"6w","tags":["italian","languages","cooking"],"groups":["Italian conversation club"],"email":["sofia.rossi@example.it"],"phone":["+39 06 6988 1234"],"birthday":"1988-04-02","met":"Italian conversation club, autumn 2024","added":"2024-10-03","log":[{"date":"2026-06-10","kind":"meet","note":"Lesson and a walk through the market"},{"date":"2026-08-05","kind":"give","note":"Lent her my pasta machine"},{"date":"2026-09-30","kind":"message","note":"Sent the recipe for pizzoccheri"}],"last":"2026-09-30","due":"2026-11-11"}
EOF
is "$out" "$(cat "$T/want")" \
	"-jl: keys as in the file, no empty ones made up; last null when never"

# ---------------------------------------------------------------------------
# References narrow the selection: arguments, a pipe (text before a tab).
run nw-ls -C "$EX" -t rust mei ada charles
is "$rc:$out" "0:$(rows <<'EOF'
mei-chen|Mei Chen
ada-lovelace|Ada Lovelace
EOF
)" "refs: in the order given, then filtered"
printf 'ada-lovelace\t2026-11-28\nwork/grace-hopper\nada\n' >"$T/refs"
runin "$T/refs" nw-ls -C "$EX" -l -
is "$out" "$(rows <<'EOF'
ada-lovelace|Ada Lovelace|close|2026-09-28|2026-11-28
work/grace-hopper|Grace Hopper|inner|2026-09-01|2026-09-22
EOF
)" "refs from standard input: the first field, each once"
nw-ls -C "$EX" -t rust | nw-ls -C "$EX" -e Rust - >"$T/out" 2>&1
is "$(cat "$T/out")" "ada-lovelace	Ada Lovelace
mei-chen	Mei Chen" "a pipeline narrows (Mei: met at RustFest)"
: >"$T/empty"
runin "$T/empty" nw-ls -C "$EX" -
is "$rc:$out" "0:" "an empty input read with '-' selects nobody"
run nw-ls -C "$EX" zed mei
is "$rc:$out:$err" "1:mei-chen	Mei Chen:nw-ls: 'zed': no such contact" \
	"a ref that does not resolve: said, exit 1, the rest listed"

# ---------------------------------------------------------------------------
# A crafted network: a broken file, a runaway pattern, odd values.
N=$T/net		# a bare folder is a network: no nw-init needed
mkdir "$N"
NW_DIR=$N
export NW_DIR
printf 'name: Bob Brown\nnotes: [likes chess, "and go"]\n' >"$N/bob.yaml"
printf 'name: [broken\n' >"$N/broken.yaml"
printf 'name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n' \
	>"$N/slow.yaml"
printf 'name: Cy\nlog:\n  - {date: 2026-01-01, note: ~}\n  - {date: 2026-02-01, kind: call, note: "multi\\nline Go"}\nmet: {via: bob}\n' >"$N/cy.yaml"
run nw-ls
is "$rc" 1 "a broken file: exit 1"
is "$err" "$N/broken.yaml:2:1: did not find expected ',' or ']' while parsing a flow sequence" \
	"a broken file: said with its place"
is "$(ids)" "bob cy slow" "a broken file: the others listed"
run nw-ls -e '(a+)+$'
is "$rc" 1 "a runaway pattern: exit 1"
is "$err" "$N/broken.yaml:2:1: did not find expected ',' or ']' while parsing a flow sequence
nw-ls: '(a+)+\$': match limit exceeded in 'slow'" \
	"a runaway pattern gives up on the value, said"
is "$out" "" "a runaway pattern: the value does not match"
run nw-ls -e '\bgo\b' bob cy
is "$rc:$(ids)" "0:bob cy" "-e notes as a list; a multi-line log note"
run nw-ls -e 'Go' bob cy
is "$(ids)" "cy" "-e smart case in log notes"
run nw-ls -f 'met=^bob$' -l cy
is "$out" "cy	Cy		2026-02-01	2027-02-01" \
	"-f met; -l: no circle, last from the log, default cadence"
run nw-ls -l slow
is "$out" "$(printf 'slow\t%s!\t\t\t2026-11-25' \
	aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)" \
	"-l: never contacted, due today"

# ---------------------------------------------------------------------------
# -s span: who you were in touch with, most recent first; with -l the
# entries themselves.  A note entry is no contact; 1w is today (11-25)
# and the six days before (11-19 on).
mknet span
printf 'name: Anna Müller\nlog:\n  - {date: 2026-11-20, kind: call, note: the move}\n  - {date: 2026-11-24, kind: note, note: not contact}\n  - {date: 2026-11-19, kind: email, note: back-dated}\n' >"$NW_DIR/anna.yaml"
printf 'name: Bob Brown\nlog:\n  - {date: 2026-11-25, kind: meet}\n  - {date: 2026-11-18, kind: call, note: too old}\n' >"$NW_DIR/bob.yaml"
printf 'name: Cy Young\nlog:\n  - {date: 2026-10-01, kind: meet}\n' >"$NW_DIR/cy.yaml"
printf 'name: Dee Dale\nlog:\n  - {date: 2026-11-20, kind: message}\n' >"$NW_DIR/dee.yaml"
printf 'name: Eve Evans\n' >"$NW_DIR/eve.yaml"
run nw-ls -s 1w
is "$rc:$err" "0:" "-s 1w: exit 0, quiet"
is "$out" "$(printf 'bob\tBob Brown\nanna\tAnna Müller\ndee\tDee Dale')" \
    "-s 1w: in touch within the week, the most recent first, ties by id"
run nw-ls -s 1w -l
is "$out" "$(printf 'bob\t2026-11-25\tmeet\tBob Brown\t\nanna\t2026-11-20\tcall\tAnna Müller\tthe move\nanna\t2026-11-19\temail\tAnna Müller\tback-dated\ndee\t2026-11-20\tmessage\tDee Dale\t')" \
    "-s 1w -l: each contact entry within the span, newest first"
run nw-ls -s 1d
is "$out" "$(printf 'bob\tBob Brown')" "-s 1d: today only"
run nw-ls -s 1w -j
is "$(printf '%s\n' "$out" | sed 's/^{"id":"\([^"]*\)".*/\1/')" "bob
anna
dee" "-s -j: the same contacts, in the same order"
run nw-ls -s 1w cy eve anna
is "$out" "$(printf 'anna\tAnna Müller')" "-s with references: narrowed"
run nw-ls -s 1x
is "$rc:$out:$err" "2::nw-ls: '1x': not a duration (like 3d, 1w, 2m)" "-s 1x: usage error"

# -e and -f fold case and accents as references do; a capital is exact.
run nw-ls -e muller
is "$out" "$(printf 'anna\tAnna Müller')" "-e muller finds Müller"
run nw-ls -f name=müller
is "$out" "$(printf 'anna\tAnna Müller')" "-f name=müller: the accent itself"
run nw-ls -e 'anna mu'
is "$out" "$(printf 'anna\tAnna Müller')" "-e 'anna mu': accents off across words"
run nw-ls -e Muller
is "$rc:$out" "0:" "-e Muller: a capital makes it exact, no fold"

done_testing
