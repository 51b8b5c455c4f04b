#!/bin/sh
# nw in the mail client: nw-add -M adds the people of a piped message,
# nw-ls -Q answers mutt's query_command.
. "$(dirname "$0")/lib.sh"

mknet net
N=$NW_DIR
printf 'me: [me@home.example]\n' >>"$N/.nw.yaml"
cat >"$N/ada-lovelace.yaml" <<'EOF'
name: Ada Lovelace
aka: [Countess]
email: [ada@example.org, ada@work.example]
EOF
cat >"$N/eloise.yaml" <<'EOF'
name: Éloïse Durand
email: eloise@example.fr
EOF
printf 'name: Nobody Mailed\n' >"$N/nobody.yaml"

message -b body 'From: =?UTF-8?Q?Gr=C3=A9ta_Garbo?= <greta@example.org>' \
    'To: Me <me@home.example>, Ada <ADA@example.org>,
 zed@z.example' 'Cc: "List" :;' 'Subject: hello' \
    'Date: Fri, 20 Nov 2026 10:00:00 +0000' >"$T/msg"

runin "$T/msg" nw-add -M -t mail
is "$rc:$out:$err" "0:greta-garbo:" "-M: the sender, decoded"
cat >"$T/want" <<'EOF'
name: Gréta Garbo
tags: [mail]
email: greta@example.org
added: 2026-11-25
EOF
same "$N/greta-garbo.yaml" "$T/want" "-M: the new file, with -t"

runin "$T/msg" nw-add -M -a
is "$rc" 0 "-M -a: exit 0 with addresses known"
is "$out" "zed" "-M -a: the one new, named by the local part"
is "$err" "nw-add: 'greta@example.org': already in the network as greta-garbo (-f adds anyway)
nw-add: 'ADA@example.org': already in the network as ada-lovelace (-f adds anyway)" \
    "-M -a: those known said, me left out"
is "$(cat "$N/zed.yaml")" "name: zed
email: zed@z.example
added: 2026-11-25" "-M -a: zed's file"

run nw-add -M -a ada
is "$rc" 2 "-M with a name: usage"
run nw-add -a ada
is "$rc:$err" "2:nw-add: -a needs -M" "-a without -M"
printf 'not a message at all\n' >"$T/junk"
runin "$T/junk" nw-add -M
is "$rc:$out" "1:" "-M: no address, exit 1"

# ---------------------------------------------------------------------------
tab=$(printf '\t')
run nw-ls -Q lov
is "$rc" 0 "-Q: exit 0"
is "$out" "nw: contacts
ada@example.org${tab}Ada Lovelace${tab}ada-lovelace
ada@work.example${tab}Ada Lovelace${tab}ada-lovelace" "-Q: a word prefix, every email"
run nw-ls -Q countess
is "$out" "nw: contacts
ada@example.org${tab}Ada Lovelace${tab}ada-lovelace
ada@work.example${tab}Ada Lovelace${tab}ada-lovelace" "-Q: an aka"
run nw-ls -Q ELOI
is "$out" "nw: contacts
eloise@example.fr${tab}Éloïse Durand${tab}eloise" "-Q: any case, without accents"
run nw-ls -Q ada@work
is "$out" "nw: contacts
ada@work.example${tab}Ada Lovelace${tab}ada-lovelace" "-Q: the start of an email"
run nw-ls -Q nobody
is "$rc:$out" "1:no match" "-Q: a contact with no email is no match"
run nw-ls -Q zzz
is "$rc:$out" "1:no match" "-Q: none: no match, exit 1"
run nw-ls -Q ada -t x
is "$rc" 2 "-Q with a filter: usage"

# ---------------------------------------------------------------------------
# The README's block on mail and calendars, pasted where the tour left
# off (Ada with her email), in the clone
block=$(awk '/^## Let your mail and calendar log for you/ { on = 1 }
    on && /^```$/ { exit } on && f { print } on && /^```sh$/ { f = 1 }' \
    "$TOP/README.md")
mknet tour
nw-add -c close -E ada@example.org 'Ada Lovelace' >/dev/null
(cd "$TOP" && NW_TODAY=2027-02-01 TZ=UTC sh -e -c "$block") >"$T/out" 2>"$T/err"
is "$?" 0 "README: the block runs"
is "$(cat "$T/out")" "ada-lovelace${tab}2026-11-19${tab}email${tab}out${tab}Re: the draft — notes
ada-lovelace
ada-lovelace
ada-lovelace${tab}2027-02-03${tab}Lunch" "README: each step prints what it should"
is "$(tail -n 2 "$NW_DIR/ada-lovelace.yaml")" \
'  - {date: 2026-11-19, kind: email, note: "Re: the draft — notes", mid: <20261119091200.1@example.org>}
  - {date: 2026-11-24, kind: meet, note: Review of the draft, uid: review-with-ada}' \
    "README: the entries"

done_testing
