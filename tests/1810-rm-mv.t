#!/bin/sh
# nw-rm and nw-mv: a contact leaves the network, or changes its id, in one
# commit; what names it (another's met.via; a community's id in groups)
# follows, touching only the bytes it must.
. "$(dirname "$0")/lib.sh"

want() { cat >"$T/want"; }

mknet net
N=$NW_DIR
git -C "$N" init -q
mkdir "$N/work"
printf 'name: Charles Babbage\n' >"$N/work/charles.yaml"
# a flow mapping with a comment, CRLF line ends
printf 'name: Ada Lovelace\r\nmet: {date: 2019-03-02, where: RustConf, via: work/charles}   # intro\r\nlog: []\r\n' >"$N/ada.yaml"
cat >"$N/bob.yaml" <<'EOF'
name: Bob Brown
met:
  where: Chess club  # Tuesdays
  via: work/charles
  date: 2020-01-01
EOF
printf 'name: Cy Young\nmet: {via: work/charles}\n' >"$N/cy.yaml"
printf 'name: Dee Dee\nmet: RustConf\n' >"$N/dee.yaml"
printf 'name: ACM Chicago\ntype: community\n' >"$N/acm.yaml"
printf 'name: Eve Adams\ngroups: [chess, acm, ACM Chicago]\n' >"$N/eve.yaml"
git -C "$N" add -A && git -C "$N" commit -qm start
for f in ada bob cy dee acm eve work/charles; do cp "$N/$f.yaml" "$T/$(basename "$f").base"; done

# --- nw-rm refuses while a met.via names the contact ------------------------
run nw-rm charles
is "$rc:$out" "1:" "rm named by via: exit 1, nothing printed"
is "$err" "nw-rm: 'work/charles': the met.via of ada, bob, cy names it: nothing removed (-f removes it and that via)" \
    "rm named by via: who names it, and -f"
same "$N/work/charles.yaml" "$T/charles.base" "rm named by via: the file is there"
is "$(git_subjects 1)" "start" "rm named by via: no commit"

# --- nw-mv: every via follows, byte for byte; one commit --------------------
run nw-mv charles charles-b
is "$rc:$out" "0:charles-b" "mv: exit 0, the new id"
is "$err" "nw-mv: ada: now names charles-b
nw-mv: bob: now names charles-b
nw-mv: cy: now names charles-b" "mv: each contact that names it said"
printf 'name: Ada Lovelace\r\nmet: {date: 2019-03-02, where: RustConf, via: charles-b}   # intro\r\nlog: []\r\n' | want
same "$N/ada.yaml" "$T/want" "mv: a flow via rewritten, CRLF and the comment kept"
want <<'EOF'
name: Bob Brown
met:
  where: Chess club  # Tuesdays
  via: charles-b
  date: 2020-01-01
EOF
same "$N/bob.yaml" "$T/want" "mv: a block via rewritten in place"
same "$N/charles-b.yaml" "$T/charles.base" "mv: the file's bytes under the new name"
ok "$(test ! -e "$N/work"; echo $?)" "mv: the folder left empty is gone"
is "$(git_subjects 1)" "Rename work/charles to charles-b" "mv: one commit, named"
is "$(git_head_files)" "M	ada.yaml
M	bob.yaml
M	cy.yaml
R100	work/charles.yaml	charles-b.yaml" "mv: the commit holds the rename and the vias, nothing else"
run nw-check
is "$rc:$out" "0:" "mv: nw-check finds nothing wrong"

# a community's id in groups follows too; its name and other groups stay
run nw-mv acm acm-chicago
is "$rc:$out:$err" "0:acm-chicago:nw-mv: eve: now names acm-chicago" "mv a community"
is "$(cat "$N/eve.yaml")" "name: Eve Adams
groups: [chess, acm-chicago, ACM Chicago]" "mv a community: the groups item that was its id, in place"

# into a folder that is not there yet; refusals
run nw-mv dee people/dee
is "$rc:$out" "0:people/dee" "mv into a new folder"
same "$N/people/dee.yaml" "$T/dee.base" "mv into a new folder: the file"
run nw-mv people/dee ada
is "$rc:$err" "1:nw-mv: 'ada': already a contact: nothing renamed" "mv onto a contact: refused"
same "$N/people/dee.yaml" "$T/dee.base" "mv onto a contact: nothing moved"
for bad in ../out .hidden x.yaml 'a/' ''; do
	run nw-mv people/dee "$bad"
	is "$rc" 2 "mv to '$bad': usage error"
done
run nw-mv people/dee people/dee
is "$rc:$err" "2:nw-mv: 'people/dee': the id it has already" "mv to the same id: usage error"
run nw-mv nobody x
is "$rc:$err" "1:nw-mv: 'nobody': no such contact" "mv of no one: exit 1"
run nw-mv people/dee
is "$rc" 2 "mv with one argument: usage error"

# --- nw-rm -f: the vias go too, in the same commit ---------------------------
run nw-rm -f charles-b
is "$rc:$out" "0:charles-b" "rm -f: exit 0, the id"
is "$err" "nw-rm: ada: no longer names charles-b
nw-rm: bob: no longer names charles-b
nw-rm: cy: no longer names charles-b" "rm -f: each via taken out said"
printf 'name: Ada Lovelace\r\nmet: {date: 2019-03-02, where: RustConf}   # intro\r\nlog: []\r\n' | want
same "$N/ada.yaml" "$T/want" "rm -f: the via and its comma gone from a flow mapping"
want <<'EOF'
name: Bob Brown
met:
  where: Chess club  # Tuesdays
  date: 2020-01-01
EOF
same "$N/bob.yaml" "$T/want" "rm -f: the via's line gone from a block mapping"
is "$(cat "$N/cy.yaml")" "name: Cy Young" "rm -f: a met of a via alone goes whole"
ok "$(test ! -e "$N/charles-b.yaml"; echo $?)" "rm -f: the file is gone"
is "$(git_subjects 1)" "Remove Charles Babbage" "rm -f: one commit, named"
is "$(git_head_files)" "D	charles-b.yaml
M	ada.yaml
M	bob.yaml
M	cy.yaml" "rm -f: the commit holds the removal and the vias"

# several at once, from a pipe; git keeps the history
pipein "$(printf 'people/dee\neve\n')" nw-rm
is "$rc:$out:$err" "0:people/dee
eve:" "rm from a pipe: both"
is "$(git_subjects 1)" "Remove Dee Dee and 1 other" "rm of two: one commit"
is "$(git -C "$N" show HEAD~1:eve.yaml | head -1)" "name: Eve Adams" "git keeps what was removed"
run nw-rm nobody
is "$rc:$err" "1:nw-rm: 'nobody': no such contact" "rm of no one: exit 1"
run nw-rm
is "$rc:$out:$err" "0::" "rm with no ref and empty input: nothing done (nw(7), Standard input)"

# without git, or a file git never knew: removed all the same
printf 'name: Fay New\n' >"$N/fay.yaml"
run nw-rm fay
is "$rc:$out:$err" "0:fay:" "rm of a file never committed"
is "$(git -C "$N" status --short)" "" "rm of a file never committed: git has nothing to say"
# --- a rename cut short: the same nw-mv again finishes it -------------------
# nw-mv gives the file its new name first (a second name of the same
# file), then rewrites what names it, then removes the old name: killed
# anywhere, every via names a contact there, and the same command again
# finishes.  Here one killed after the new name and one of two vias.
mknet cut
N=$NW_DIR
git -C "$N" init -q
printf 'name: Hal Hart\nemail: [hal@example.org]\n' >"$N/hal.yaml"
printf 'name: Ida Ives\nmet: {via: hal}\n' >"$N/ida.yaml"
printf 'name: Jo Jones\nrel: {mentor: hal}\n' >"$N/jo.yaml"
git -C "$N" add -A && git -C "$N" commit -qm start
cp "$N/hal.yaml" "$T/hal.base"
ln "$N/hal.yaml" "$N/hal-hart.yaml"
printf 'name: Ida Ives\nmet: {via: hal-hart}\n' >"$N/ida.yaml"
run nw-check
is "$rc:$out" "1:$N/hal.yaml: error: the same file as 'hal-hart', a rename (nw-mv) cut short: run that nw-mv again to finish it
$N/hal-hart.yaml: error: the same file as 'hal', a rename (nw-mv) cut short: run that nw-mv again to finish it" \
    "cut short: nw-check fails, said once a name, no 'also on' for the two names of one file"
run nw-mv hal hal-hart
is "$rc:$out" "0:hal-hart" "again: exit 0, the new id"
is "$err" "nw-mv: 'hal': already 'hal-hart' too, a rename cut short: finishing it
nw-mv: jo: now names hal-hart" "again: it says it finishes, and the via left"
is "$(ls "$N")" "hal-hart.yaml
ida.yaml
jo.yaml" "again: the old name gone"
same "$N/hal-hart.yaml" "$T/hal.base" "again: the file's bytes under the new name"
is "$(cat "$N/jo.yaml")" "name: Jo Jones
rel: {mentor: hal-hart}" "again: the rel that named the old id names the new"
is "$(git_subjects 1)" "Rename hal to hal-hart" "again: one commit"
is "$(git_head_files)" "M	ida.yaml
M	jo.yaml
R100	hal.yaml	hal-hart.yaml" "again: with the via the cut-short run changed"
run nw-check
is "$rc:$(printf '%s\n' "$out" | grep -c error)" "0:0" "again: nw-check finds no error"
run nw-mv hal hal-hart
is "$rc:$err" "2:nw-mv: 'hal-hart': the id it has already" "a third time: nothing to do"
# a name that is another file is still refused
printf 'name: Kim Kay\n' >"$N/kim.yaml"
run nw-mv kim hal-hart
is "$rc:$err" "1:nw-mv: 'hal-hart': already a contact: nothing renamed" "onto another file: refused"

# the id a fold leaves is printed as every id: ./ before a leading -
printf 'name: Ada Lovelace\nemail: ada@example.org\n' >"$N/-ada.yaml"
printf 'name: Ada King\nemail: [ada@example.org]\n' >"$N/king.yaml"
run nw-mv -m king ./-ada
is "$rc:$out" "0:./-ada" "a fold into -ada prints ./-ada"
[ ! -e "$N/king.yaml" ]
is "$?" 0 "the fold into -ada took king"

done_testing
