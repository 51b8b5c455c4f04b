#!/bin/sh
# nw-mail: the mail exchanged with contacts logged, one entry a contact,
# day and direction, from a Maildir and an mbox written here in the forms
# mail programs write them; the same from the paths mlist and notmuch
# name; nothing changed the second time.
. "$(dirname "$0")/lib.sh"

TZ=UTC
export TZ
mknet net
N=$NW_DIR
M=$T/Mail

# ada and bob have mail; cat is Bcc'd and owes a follow-up that sent mail
# ends; dan writes to me only and his follow-up stays.
cat >"$N/ada-lovelace.yaml" <<'EOF'
name: Ada Lovelace
email: ada@example.org
EOF
cat >"$N/bob-b.yaml" <<'EOF'
name: Bob B
email: [bob@home.example, Bob@Work.Example]
EOF
cat >"$N/cat-c.yaml" <<'EOF'
name: Cat C
email: cat@example.net
next: 2026-12-01
EOF
cat >"$N/dan-d.yaml" <<'EOF'
name: Dan D
email: dan@example.com
next: 2026-12-02
next-note: Send the slides
log:
  - {date: 2026-10-01, kind: call}
EOF
for f in "$N"/*.yaml; do cp "$f" "$f.orig"; done

run nw-mail "$M"
is "$rc" 2 "no me: a usage error"
is "$err" "nw-mail: who is me? set me: [your@address] in .nw.yaml, or give -m your@address" \
    "no me: says how to set it"

printf 'me: [me@home.example, ME@Work.example]\n' >>"$N/.nw.yaml"

maildir "$M/Sent"
S=$M/Sent/cur
me='From: me@home.example'

# UTF-8 encoded word; the earliest of ada's day
message -b Hello 'From: Me Myself <me@home.example>' \
    'To: Ada Lovelace <ada@example.org>' \
    'Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=' \
    'Date: Fri, 20 Nov 2026 10:00:00 +0000' 'Message-ID: <m1@home.example>' \
    >"$S/1764000001.1.host:2,S"
# the same day later: accounted for by m1
message "$me" 'To: ada@example.org' 'Subject: Later that day' \
    'Date: Fri, 20 Nov 2026 15:00:00 +0000' 'Message-ID: <m2@home.example>' \
    >"$S/1764000002.2.host:2,S"
# the same message again (a copy in another folder): one entry
cp "$S/1764000001.1.host:2,S" "$S/1764000003.3.host:2,S"
# ISO-8859-1, a folded Subject, the address in another case; 23:30
# at -0100 is the 19th in UTC
message 'From: me@work.example' 'To: "Bob B" <bob@work.example>' \
    'Subject: =?ISO-8859-1?Q?Caf=E9_cr=E8me?=
 and more' 'Date: Wed, 18 Nov 2026 23:30:00 -0100' \
    'Message-ID: <m4@home.example>' >"$S/1764000004.4.host:2,S"
# Shift_JIS, cat in Bcc only, to a stranger too
message "$me" 'To: stranger@else.example' 'Bcc: cat@example.net' \
    'Subject: =?Shift_JIS?B?ie+LY4LMjI8=?=' \
    'Date: Thu, 19 Nov 2026 09:00:00 +0000' 'Message-ID: <m5@home.example>' \
    >"$S/1764000005.5.host:2,S"
# no Date
message "$me" 'To: ada@example.org' 'Subject: When?' \
    'Message-ID: <m6@home.example>' >"$S/1764000006.6.host:2,S"
# a From that is no address
message 'From: not an address at all' 'To: ada@example.org' 'Subject: Who?' \
    'Date: Thu, 19 Nov 2026 09:00:00 +0000' 'Message-ID: <m7@home.example>' \
    >"$S/1764000007.7.host:2,S"
# 30 recipients, ada among them
to='To: ada@example.org'
i=1
while [ $i -lt 30 ]; do
	to="$to,
 p$i@else.example"
	i=$((i + 1))
done
message "$me" "$to" 'Subject: Everyone' \
    'Date: Thu, 19 Nov 2026 09:00:00 +0000' 'Message-ID: <m8@home.example>' \
    >"$S/1764000008.8.host:2,S"
# dated after today
message "$me" 'To: ada@example.org' 'Subject: From the future' \
    'Date: Tue, 01 Dec 2026 09:00:00 +0000' 'Message-ID: <m9@home.example>' \
    >"$S/1764000009.9.host:2,S"
# a draft (D)
message "$me" 'To: bob@home.example' 'Subject: Not sent' \
    'Date: Mon, 23 Nov 2026 09:00:00 +0000' 'Message-ID: <m10@home.example>' \
    >"$S/1764000010.10.host:2,DS"
# to a list, from me
message "$me" 'To: ada@example.org' 'Subject: [list] hello' \
    'List-Id: <talk.lists.example>' 'Date: Mon, 23 Nov 2026 09:00:00 +0000' \
    'Message-ID: <m11@home.example>' >"$S/1764000011.11.host:2,S"
# in new/, no flags, no subject; CRLF line ends
printf 'From: me@home.example\r\nTo: bob@home.example\r\nDate: Tue, 24 Nov 2026 08:00:00 +0000\r\nMessage-ID: <m12@home.example>\r\n\r\nx\r\n' \
    >"$M/Sent/new/1764000012.12.host"

# The INBOX as an mbox: ada's answer (a ">From " line in its body), a
# list message from bob, a stranger, dan's mail, an auto-reply.
cat >"$M/inbox" <<'EOF'
From ada@example.org Sat Nov 21 08:00:00 2026
From: Ada Lovelace <ada@example.org>
To: me@home.example
Subject: =?UTF-8?B?UmU6IEdyw7zDn2U=?=
Date: Sat, 21 Nov 2026 08:00:00 +0000
Message-ID: <a1@example.org>

Thanks.
>From the start, this was a line of the body.

From bob@home.example Sat Nov 21 09:00:00 2026
From: bob@home.example
To: talk@lists.example
Subject: [talk] news
List-Id: Talk <talk.lists.example>
Date: Sat, 21 Nov 2026 09:00:00 +0000
Message-ID: <b1@home.example>

x

From stranger@else.example Sat Nov 21 10:00:00 2026
From: stranger@else.example
To: me@home.example
Subject: Hi
Date: Sat, 21 Nov 2026 10:00:00 +0000
Message-ID: <s1@else.example>

x

From dan@example.com Sun Nov 22 10:00:00 2026
From: Dan D <dan@example.com>
To: me@home.example
Subject: Slides?
Date: Sun, 22 Nov 2026 10:00:00 +0000
Message-ID: <d1@example.com>

x

From dan@example.com Sun Nov 22 11:00:00 2026
From: Dan D <dan@example.com>
To: me@home.example
Subject: Out of office
Auto-Submitted: auto-replied
Date: Sun, 22 Nov 2026 11:00:00 +0000
Message-ID: <d2@example.com>

x
EOF

# ---------------------------------------------------------------------------
# -n: what it would add, nothing written
run nw-mail -n "$M/Sent"
is "$rc" 0 "-n: exit 0"
is "$out" "$(printf '%s\t%s\t%s\t%s\t%s\n' \
    ada-lovelace 2026-11-20 email out 'Grüße aus Köln' \
    bob-b 2026-11-19 email out 'Café crème and more' \
    bob-b 2026-11-24 email out '' \
    cat-c 2026-11-19 email out '会議の件')" "-n: the entries, decoded"
is "$(printf '%s\n' "$err" | grep -c 'follow-up')" "0" \
    "-n: no follow-up said done (cat-c's ends only when written)"
nochange() {
	for f in "$N"/*.yaml; do
		cmp -s "$f" "$f.orig" || { echo "$f changed"; return 1; }
	done
}
nochange
ok $? "-n: no file changed"

# ---------------------------------------------------------------------------
# The Maildir
S=$M/Sent/cur
run nw-mail "$M/Sent"
is "$rc" 0 "Maildir: exit 0"
is "$out" "ada-lovelace
bob-b
cat-c" "Maildir: the ids changed"
is "$err" "nw-mail: '$S/1764000006.6.host:2,S': no date: not logged
nw-mail: '$S/1764000007.7.host:2,S': no sender address: not logged
nw-mail: '$S/1764000009.9.host:2,S': dated after today: not logged
nw-mail: cat-c: follow-up done: 2026-12-01
nw-mail: 12 messages: 4 entries for 3 contacts; 1 lists or bulk, 1 with too many recipients, 1 drafts, 1 dated after today, 1 without a date, 1 that do not parse" \
    "Maildir: what was not logged, and the summary"

printf '%s\n' '  - {date: 2026-11-20, kind: email, note: Grüße aus Köln, mid: <m1@home.example>}' \
    >"$T/want"
{ cat "$N/ada-lovelace.yaml.orig"; printf 'log:\n'; cat "$T/want"; } >"$T/want.ada"
same "$N/ada-lovelace.yaml" "$T/want.ada" "ada: one entry, the earliest of the day"
{ cat "$N/bob-b.yaml.orig"; printf 'log:\n'
  printf '%s\n' '  - {date: 2026-11-19, kind: email, note: Café crème and more, mid: <m4@home.example>}' \
      '  - {date: 2026-11-24, kind: email, mid: <m12@home.example>}'; } >"$T/want.bob"
same "$N/bob-b.yaml" "$T/want.bob" "bob: folded ISO-8859-1 subject; no subject, no note"
cat >"$T/want.cat" <<'EOF'
name: Cat C
email: cat@example.net
log:
  - {date: 2026-11-19, kind: email, note: 会議の件, mid: <m5@home.example>}
EOF
same "$N/cat-c.yaml" "$T/want.cat" "cat: Bcc logged, Shift_JIS decoded, follow-up done"
same "$N/dan-d.yaml" "$N/dan-d.yaml.orig" "dan: nothing sent to him"

for f in "$N"/*.yaml; do cp "$f" "$f.1"; done
run nw-mail "$M/Sent"
is "$rc" 0 "again: exit 0"
is "$out" "" "again: no id"
is "$(printf '%s\n' "$err" | tail -n 1)" "nw-mail: 12 messages: 0 entries for 0 contacts; 1 lists or bulk, 1 with too many recipients, 1 drafts, 1 dated after today, 1 without a date, 1 that do not parse, 4 already logged" \
    "again: all already logged"
for f in "$N"/*.yaml; do cmp -s "$f" "$f.1" || echo "$f changed"; done >"$T/changed"
is "$(cat "$T/changed")" "" "again: no byte changed"

# ---------------------------------------------------------------------------
# The mbox with -r: what contacts sent, dir: in; dan's follow-up stays
run nw-mail -r "$M/inbox"
is "$rc" 0 "mbox -r: exit 0"
is "$out" "ada-lovelace
dan-d" "mbox -r: ada and dan"
is "$err" "nw-mail: 5 messages: 2 entries for 2 contacts; 1 not from or to a contact, 2 lists or bulk" \
    "mbox -r: the list and the auto-reply are bulk"
is "$(tail -n 1 "$N/ada-lovelace.yaml")" \
    '  - {date: 2026-11-21, kind: email, dir: in, note: "Re: Grüße", mid: <a1@example.org>}' \
    "mbox -r: ada's answer, dir: in"
cat >"$T/want.dan" <<'EOF'
name: Dan D
email: dan@example.com
next: 2026-12-02
next-note: Send the slides
log:
  - {date: 2026-10-01, kind: call}
  - {date: 2026-11-22, kind: email, dir: in, note: "Slides?", mid: <d1@example.com>}
EOF
same "$N/dan-d.yaml" "$T/want.dan" "mbox -r: dan's mail does not end the follow-up I owe"
run nw-mail "$M/inbox"
is "$err" "nw-mail: 5 messages: 0 entries for 0 contacts; 3 not from or to a contact, 2 lists or bulk" \
    "mbox without -r: what others sent is not logged"
run nw-check
is "$rc" 0 "nw-check accepts mid and dir"

# -m instead of me:, addresses in any case
cp "$N/bob-b.yaml.orig" "$N/bob-b.yaml"
run nw-mail -m ME@WORK.EXAMPLE "$M/Sent/cur/1764000004.4.host:2,S"
is "$out" "bob-b" "-m: instead of me:"
is "$(tail -n 1 "$N/bob-b.yaml")" \
    "  - {date: 2026-11-19, kind: email, note: Café crème and more, mid: <m4@home.example>}" \
    "-m: the entry"

# ---------------------------------------------------------------------------
# Paths on standard input: mlist and notmuch give what the folder gave
fresh() {
	for f in "$N"/*.yaml; do cp "$f.orig" "$f"; done
}
fresh
run nw-mail "$M/Sent"
for f in "$N"/*.yaml; do cp "$f" "$f.dir"; done
if command -v mlist >/dev/null 2>&1; then
	fresh
	mlist "$M/Sent" >"$T/paths"
	runin "$T/paths" nw-mail
	is "$out" "ada-lovelace
bob-b
cat-c" "mlist: the same ids"
	for f in "$N"/*.yaml; do cmp -s "$f" "$f.dir" || echo "$f"; done >"$T/changed"
	is "$(cat "$T/changed")" "" "mlist: the same bytes as the folder"
else
	skip "mlist (mblaze) not installed"
fi
if command -v notmuch >/dev/null 2>&1; then
	fresh
	printf '[database]\npath=%s\n[new]\ntags=inbox\n' "$M" >"$T/nmconfig"
	NOTMUCH_CONFIG=$T/nmconfig notmuch new >/dev/null 2>&1
	NOTMUCH_CONFIG=$T/nmconfig notmuch search --output=files \
	    'path:Sent/**' >"$T/paths" 2>/dev/null
	runin "$T/paths" nw-mail
	is "$out" "ada-lovelace
bob-b
cat-c" "notmuch: the same ids"
	for f in "$N"/*.yaml; do cmp -s "$f" "$f.dir" || echo "$f"; done >"$T/changed"
	is "$(cat "$T/changed")" "" "notmuch: the same bytes as the folder"
else
	skip "notmuch not installed"
fi

# ---------------------------------------------------------------------------
# One commit for the run, with autocommit
if command -v git >/dev/null 2>&1; then
	mknet gitnet
	G=$NW_DIR
	printf 'me: me@home.example\n' >>"$G/.nw.yaml"
	cp "$N/ada-lovelace.yaml.orig" "$N/bob-b.yaml.orig" "$G/"
	mv "$G/ada-lovelace.yaml.orig" "$G/ada-lovelace.yaml"
	mv "$G/bob-b.yaml.orig" "$G/bob-b.yaml"
	(cd "$G" && git init -q && git add -A && git commit -qm init)
	run nw-mail -m me@work.example -m me@home.example "$M/Sent"
	is "$(cd "$G" && git log --format=%s)" "Log mail with 2 contacts
init" "git: one commit for the run"
	is "$(cd "$G" && git status --porcelain)" "" "git: nothing left"
else
	skip "git not installed"
fi

# ---------------------------------------------------------------------------
# Two machines read the same mail, one logs a call by hand too; after
# pulling both ways each entry is there once, the files the same
if command -v git >/dev/null 2>&1; then
	git_ready
	nw-init -g "$A" >/dev/null
	printf 'me: [me@home.example, me@work.example]\n' >>"$A/.nw.yaml"
	cp "$N/ada-lovelace.yaml.orig" "$A/ada-lovelace.yaml"
	cp "$N/bob-b.yaml.orig" "$A/bob-b.yaml"
	git -C "$A" add -A && git -C "$A" commit -qm start
	git_share
	nw-init -g "$B" >/dev/null
	nw-mail -C "$A" "$M/Sent" >/dev/null 2>&1
	git -C "$A" push -q
	nw-log -C "$B" -k call -m 'By hand' ada >/dev/null
	nw-mail -C "$B" "$M/Sent" >/dev/null 2>&1
	git -C "$B" pull -q --no-rebase >/dev/null 2>&1
	is "$?:$(git -C "$B" status --porcelain)" "0:" "two machines: the pull merges"
	git -C "$B" push -q
	git -C "$A" pull -q --no-rebase >/dev/null 2>&1
	for f in ada-lovelace bob-b; do
		cmp -s "$A/$f.yaml" "$B/$f.yaml" || echo "$f differs"
	done >"$T/differ"
	is "$(cat "$T/differ")" "" "two machines: the same files"
	is "$(grep -c 'mid: <m1@home.example>' "$A/ada-lovelace.yaml"):$(grep -c 'By hand' "$A/ada-lovelace.yaml"):$(grep -c 'mid: <m4@home.example>' "$A/bob-b.yaml")" \
	    "1:1:1" "two machines: each entry once"
	run nw-check -C "$A"
	is "$rc" 0 "two machines: nw-check passes"
else
	skip "git not installed"
fi

# Settings: a bad value is said with its place; 2 recipients at most
mknet settings
printf 'me: me@home.example\nmail-max-rcpt: lots\n' >>"$NW_DIR/.nw.yaml"
run nw-mail "$M/Sent"
is "$rc:$err" "1:$NW_DIR/.nw.yaml:$(grep -c '' "$NW_DIR/.nw.yaml"):16: 'lots': not a number (1 to 100000)" \
    "mail-max-rcpt: not a number"
sed -i 's/^mail-max-rcpt: lots$/mail-max-rcpt: 1/' "$NW_DIR/.nw.yaml"
cp "$N/cat-c.yaml.orig" "$NW_DIR/cat-c.yaml"
run nw-mail "$M/Sent/cur/1764000005.5.host:2,S"
is "$out:$(printf '%s\n' "$err" | tail -n 1)" ":nw-mail: 1 message: 0 entries for 0 contacts; 1 with too many recipients" \
    "mail-max-rcpt: 1 leaves out mail to 2"

# A folder that is no Maildir, a file that is not there
mkdir "$T/empty"
run nw-mail -m me@home.example "$T/empty" "$T/nothing"
is "$rc" 1 "bad paths: exit 1"
is "$err" "nw-mail: '$T/empty': a folder but no Maildir (no cur or new in it)
nw-mail: '$T/nothing': No such file or directory
nw-mail: 0 messages: 0 entries for 0 contacts" "bad paths: said"


# A day with mail both ways: two entries, what I sent and what they sent
printf 'name: Eve E\nemail: eve@example.org\n' >"$N/eve-e.yaml"
message -b 'Are you free?' 'From: Me <me@home.example>' \
    'To: Eve <eve@example.org>' 'Date: Mon, 23 Nov 2026 09:00:00 +0000' \
    'Message-ID: <e1@home.example>' 'Subject: Lunch?' >"$T/eve-out.eml"
message -b Yes. 'From: Eve <eve@example.org>' 'To: Me <me@home.example>' \
    'Date: Mon, 23 Nov 2026 10:00:00 +0000' 'Message-ID: <e2@example.org>' \
    'Subject: Re: Lunch?' >"$T/eve-in.eml"
run nw-mail -C "$N" -r "$T/eve-out.eml" "$T/eve-in.eml"
is "$rc:$out" "0:eve-e" "both ways on one day: eve changed"
is "$(cat "$N/eve-e.yaml")" "name: Eve E
email: eve@example.org
log:
  - {date: 2026-11-23, kind: email, note: \"Lunch?\", mid: <e1@home.example>}
  - {date: 2026-11-23, kind: email, dir: in, note: \"Re: Lunch?\", mid: <e2@example.org>}" \
    "both ways on one day: two entries, each direction once"

# Every contact's entries are written at once; one that cannot be written
# (read-only: the user's word) is said, the others are still written, exit 1.
printf 'name: Fay F\nemail: fay@example.org\n' >"$N/fay-f.yaml"
printf 'name: Gus G\nemail: gus@example.org\n' >"$N/gus-g.yaml"
chmod 0400 "$N/fay-f.yaml"
cp "$N/fay-f.yaml" "$T/fay.orig"
cat >"$T/both.eml" <<'EOF'
From: Me <me@home.example>
To: Fay <fay@example.org>, Gus <gus@example.org>
Date: Tue, 24 Nov 2026 09:00:00 +0000
Message-ID: <b1@home.example>
Subject: Plans

Both of you.
EOF
run nw-mail -C "$N" "$T/both.eml"
is "$rc:$out" "1:gus-g" "one read-only contact: exit 1, the other written"
is "$err" "nw-mail: '$N/fay-f.yaml': read-only: nothing written: Permission denied
nw-mail: 1 message: 1 entry for 1 contact; 1 contacts not changed" \
    "one read-only contact: said, and counted"
same "$N/fay-f.yaml" "$T/fay.orig" "the read-only contact: not a byte changed"
is "$(cat "$N/gus-g.yaml")" "name: Gus G
email: gus@example.org
log:
  - {date: 2026-11-24, kind: email, note: Plans, mid: <b1@home.example>}" \
    "the other contact: its entry"
is "$(ls -A "$N/.nw/tmp")" "" "no temporary file left"
chmod 0600 "$N/fay-f.yaml"

# ---------------------------------------------------------------------------
# Each sign of bulk mail on its own, from a contact; Auto-Submitted: no is
# a person writing, and List-Unsubscribe makes bulk only from a stranger
for h in 'Precedence: bulk' 'Precedence: junk' 'Auto-Submitted: auto-generated' \
    'Auto-Submitted: no' 'List-Unsubscribe: <mailto:off@example.org>' ''; do
	message 'From: Ada Lovelace <ada@example.org>' 'To: me@home.example' \
	    'Subject: Newsletter' ${h:+"$h"} \
	    'Date: Mon, 23 Nov 2026 09:00:00 +0000' \
	    'Message-ID: <p1@example.org>' >"$T/bulk.eml"
	run nw-mail -C "$N" -r -n "$T/bulk.eml"
	case $h in
	'Auto-Submitted: no'|List-Unsubscribe*|'')
		is "$rc:$out" "0:$(printf 'ada-lovelace\t2026-11-23\temail\tin\tNewsletter')" \
		    "-r, '${h:-no such header}' from a contact: logged" ;;
	*)
		is "$rc:$out" "0:" "-r, '$h' alone from a contact: bulk, not logged" ;;
	esac
done

# ---------------------------------------------------------------------------
# dir: out written by hand is no dir (nw(5)): the day's outgoing entry is
# there already; one of dir: in is another direction
cat >"$N/hal-h.yaml" <<'EOF'
name: Hal H
email: hal@example.org
log:
  - {date: 2026-11-25, kind: email, dir: out, note: by hand}
EOF
cat >"$N/ivy-i.yaml" <<'EOF'
name: Ivy I
email: ivy@example.org
log:
  - {date: 2026-11-25, kind: email, dir: in, note: by hand}
EOF
message "$me" 'To: hal@example.org, ivy@example.org' 'Subject: Out' \
    'Date: Wed, 25 Nov 2026 09:00:00 +0000' 'Message-ID: <o1@home.example>' \
    >"$T/out.eml"
cp "$N/hal-h.yaml" "$T/hal.orig"
run nw-mail -C "$N" -n "$T/out.eml"
is "$rc:$out" "0:$(printf 'ivy-i\t2026-11-25\temail\tout\tOut')" \
    "dir: out by hand: logged already; dir: in is not the same"
run nw-mail -C "$N" "$T/out.eml"
is "$rc:$out" "0:ivy-i" "dir: out by hand: only ivy changes"
same "$N/hal-h.yaml" "$T/hal.orig" "dir: out by hand: hal's file as it was"

done_testing
