#!/bin/sh
# What a scan may trust of the folder it reads: escape sequences in a
# file never reach a terminal (one writer, text_add); a name with a control
# character is left alone and said; an id that starts with '-' is printed
# ./-name; a part of the network that cannot be read makes every scan exit
# 1 and nw-mv and nw-rm refuse; a folder that is no network is said to be
# none; the network is found as git finds a repository; a network with no
# .nw/ gets one.
. "$(dirname "$0")/lib.sh"

esc=$(printf '\033')
cr=$(printf '\r')
nl='
'

# Bytes that drive a terminal: ESC, BEL, CSI (C1, raw or as UTF-8).
controls() {
	LC_ALL=C tr -d -c '\033\007\233\302' <"$1" | wc -c | tr -d ' '
}

# --- escape sequences from a file (issue 16 item 8) ------------------------
mknet esc
E=$NW_DIR
cat >"$E/mal.yaml" <<'EOF'
name: "Mal \e]0;TITLE\a\e[2J"
aka: ["\e[31mAKA"]
circle: "\e[31mred"
tags: ["\e[5mblink"]
org: "\x9b2JOrg"
notes: "line one\e[2J\nline two"
next: 2026-11-20
next-note: "\e]0;TITLE\a\e[2J"
dates: {"\e[2Jparty": 1990-11-27}
log:
  - {date: 2026-01-10, kind: give, note: "gave \e[2Jbook"}
  - {date: 2026-02-10, kind: ask, note: "asked \e]0;T\a"}
EOF
cp "$E/mal.yaml" "$T/mal.before"

if ! command -v script >/dev/null; then
	skip "script(1) is not installed: no terminal tests"
else
	for cmd in "nw-check" "nw-show mal" "nw-due -l" "nw-due -a" "nw-ls" \
	    "nw-ls -l" "nw-give -l" "nw-give -a" "nw-stats" "nw-stats mal" \
	    "nw-set mal notes" "nw-set mal aka" "nw-export -f json" \
	    "nw-show '$esc[2Jnobody'" "nw-log -k call -n 2w -N '$esc[2J' mal" \
	    "nw-log -k call mal"; do
		NO_COLOR=1 script -qec "$cmd" /dev/null </dev/null \
		    >"$T/tty" 2>&1
		is "$(controls "$T/tty")" 0 "$cmd: no escape sequence reaches the terminal"
		[ -s "$T/tty" ]
		ok $? "$cmd: it printed something"
	done
	cp "$T/mal.before" "$E/mal.yaml"
	NO_COLOR=1 script -qec "nw-check" /dev/null </dev/null >"$T/tty" 2>&1
	grep circle "$T/tty" >"$T/line"
	is "$(cat "$T/line")" "$E/mal.yaml:3:9: error: circle '\\x1b[31mred' is not a circle (inner, close, regular, outer)$cr" \
	    "nw-check: the finding quotes the value, its escape written \\x1b"
	NO_COLOR=1 script -qec "nw-log -k call mal" /dev/null </dev/null \
	    >"$T/tty" 2>&1
	grep follow-up "$T/tty" >"$T/line"
	is "$(cat "$T/line")" "nw-log: mal: follow-up stays: \\x1b]0;TITLE\\x07\\x1b[2J (nw-log -D when it is done)$cr" \
	    "nw-log: the follow-up message, escaped"
	cp "$T/mal.before" "$E/mal.yaml"
	NO_COLOR=1 script -qec "nw-ls -l -t '$esc[5mblink'" /dev/null \
	    </dev/null >"$T/tty" 2>&1
	is "$(sed -n 2p "$T/tty")" \
	    "mal  Mal ?]0;TITLE??[2J  ?[31mred  2026-02-10  2026-11-20$cr" \
	    "a table: each control character a '?'"
	NO_COLOR=1 script -qec "nw-show mal" /dev/null </dev/null >"$T/tty" 2>&1
	grep -e '^  org' -e '^  tags' -e '^  dates' -e 'line ' -e '^  due' \
	    "$T/tty" >"$T/line"
	is "$(cat "$T/line")" "  org       ?2JOrg$cr
  dates     ?[2Jparty: 1990-11-27$cr
  tags      ?[5mblink$cr
  notes     line one?[2J$cr
            line two$cr
  due       2026-11-20, 5 days overdue (follow-up: ?]0;TITLE??[2J; ?[2Jparty in 2d (11-27))$cr" \
	    "nw-show: each control character a '?', lines kept"
fi
cp "$T/mal.before" "$E/mal.yaml"

run nw-ls -l
is "$rc:$out" "0:mal	Mal \\x1b]0;TITLE\\x07\\x1b[2J	\\x1b[31mred	2026-02-10	2026-11-20" \
    "piped TSV: a control character written \\xHH, a C1 one \\u00HH"
run nw-show "${esc}[2Jnobody"
is "$rc:$err" "1:nw-show: '\\x1b[2Jnobody': no such contact" \
    "a reference in a message: escaped"
run nw-due -l
is "$(printf '%s\n' "$out" | head -1)" "Mal ?]0;TITLE??[2J (mal), 5 days overdue" \
    "nw-due -l piped: its text made safe too"
run nw-log -k call mal
is "$rc:$err" "0:nw-log: mal: follow-up stays: \\x1b]0;TITLE\\x07\\x1b[2J (nw-log -D when it is done)" \
    "nw-log's follow-up message on a pipe: escaped"
printf '%s' "$err" | LC_ALL=C grep -q "$esc"
ok $((! $?)) "no ESC byte on stderr"

# --- a file name with a control character (item 7) -------------------------
mknet nl
N=$NW_DIR
printf 'name: Victim\n' >"$N/victim.yaml"
printf 'name: Evil\n' >"$N/evil${nl}victim.yaml"
cp "$N/victim.yaml" "$T/victim.before"
printf 'evil one\n' | nw-log -k call -m a 2>"$T/e1" |
    nw-log -k call -m b >"$T/o2" 2>"$T/e2"
same "$N/victim.yaml" "$T/victim.before" \
    "a pipeline from a name with a line break logs nothing on Victim"
is "$(cat "$T/o2"):$(cat "$T/e2")" ":" "the second nw-log was given nothing"
is "$(cat "$T/e1")" "nw-log: '$N/evil\\nvictim.yaml': a name with a control character: left alone (rename it)
nw-log: 'evil one': no such contact" "nw-log says why: the file is left alone"
run nw-ls
is "$rc:$out:$err" "1:victim	Victim:nw-ls: '$N/evil\\nvictim.yaml': a name with a control character: left alone (rename it)" \
    "nw-ls: the others listed, the name said once, exit 1"
run nw-check
is "$rc:$out" "1:$N/evil\\nvictim.yaml: error: a name with a control character: left alone (rename it)" \
    "nw-check: an error finding, once"
run nw-show "evil${nl}victim"
is "$rc:$err" "1:nw-show: '$N/evil\\nvictim.yaml': a name with a control character: left alone (rename it)
nw-show: 'evil\\nvictim': no such contact" "nw-show refuses the id with a line break, says why"
run nw-set "evil${nl}victim" org X
is "$rc:$out" "1:" "nw-set changes nothing"
mkdir "$N/tab	dir"
printf 'name: Tabbed\n' >"$N/tab	dir/x.yaml"
run nw-due -a
is "$rc:$(printf '%s\n' "$err" | sort)" "1:nw-due: '$N/evil\\nvictim.yaml': a name with a control character: left alone (rename it)
nw-due: '$N/tab\\tdir': a name with a control character: left alone (rename it)" \
    "a folder with a tab in its name: left alone too"
run nw-export -f json
is "$rc:$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "1:1" \
    "nw-export: the one contact it may read, exit 1"
rm -r "$N/tab	dir"
printf 'name: Csi\n' >"$N/csi$(printf '\302\233')2J.yaml"
run nw-check
is "$rc:$(printf '%s\n' "$out" | grep csi)" "1:$N/csi\\u009b2J.yaml: error: a name with a control character: left alone (rename it)" \
    "a C1 control (CSI) in a name: the same"

# --- an id that starts with a dash (item 9) --------------------------------
mknet dash
D=$NW_DIR
printf 'name: ACM\ntype: community\n' >"$D/acm.yaml"
printf 'name: Rf Dash\ngroups: [ACM]\n' >"$D/-rf.yaml"
printf 'name: Ann\ngroups: [ACM]\n' >"$D/ann.yaml"
run nw-ls -g ACM
is "$rc:$out" "0:./-rf	Rf Dash
ann	Ann" "nw-ls prints the id ./-rf"
nw-ls -g ACM | xargs nw-log -k event -m dinner >"$T/o" 2>"$T/e"
is "$?:$(cat "$T/o"):$(cat "$T/e")" "0:./-rf
ann:" "nw-ls -g ACM | xargs nw-log: both logged, ./-rf printed"
is "$(tail -1 "$D/-rf.yaml")" "  - {date: 2026-11-25, kind: event, note: dinner}" \
    "the entry is in -rf.yaml"
run nw-due -a
is "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "acm ./-rf ann " \
    "nw-due: ./-rf"
run nw-check
is "$rc:$out" "0:$D/-rf.yaml: warning: a name that starts with '-': nw writes its id ./-name; rename it" \
    "nw-check warns of the name"
run nw-mv ./-rf rf
is "$rc:$out" "0:rf" "nw-mv from ./-rf"
run nw-mv rf -x
is "$rc:$out" "0:./-x" "nw-mv to -x prints ./-x"
printf 'Rf Dash\n' | nw-show -j | grep -c '"id":"-x"' >"$T/o"
is "$(cat "$T/o")" 1 "JSON keeps the id as it is"
run nw-show ./-x
is "$rc:$(printf '%s\n' "$out" | grep '^  id')" "0:  id        ./-x" \
    "nw-show: the id ./-x"
run nw-stats -p ./-x
is "$rc:$(printf '%s\n' "$out" | grep '^contact')" "0:contact	./-x	Rf Dash" \
    "nw-stats: ./-x"

# --- a part that cannot be read (item 10) ----------------------------------
mknet part
P=$NW_DIR
printf 'name: Ada\n' >"$P/ada.yaml"
mkdir -p "$P/a/b"
printf 'name: Bob\n' >"$P/a/bob.yaml"
printf 'name: Cy\n' >"$P/a/b/cy.yaml"
cat >"$T/lim" <<'EOF'
ulimit -n "$1" || exit 99
shift
exec "$@"
EOF
run sh "$T/lim" 5 nw-ls
is "$rc:$out:$err" "1:a/bob	Bob
ada	Ada:nw-ls: '$P/a/b': Too many open files" \
    "EMFILE on a folder: the others listed, the folder named, exit 1"
run sh "$T/lim" 5 nw-export -f json
is "$rc:$err" "1:nw-export: '$P/a/b': Too many open files" "nw-export the same"
run sh "$T/lim" 5 nw-check
is "$rc:$out" "1:$P/a/b: error: Too many open files" "nw-check: said once, an error"
if strace_ok; then
	# LeakSanitizer does not work under ptrace
	ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0
	export ASAN_OPTIONS
	run strace -f -o /dev/null -e inject=getdents64:error=EIO:when=1 \
	    nw-export -f json
	is "$rc:$out:$err" "1::nw-export: '$P': Input/output error" \
	    "getdents64 EIO: nothing printed, the folder said, exit 1"
	run strace -f -o /dev/null -e inject=getdents64:error=EIO:when=3 \
	    nw-due -a
	is "$rc:$err" "1:nw-due: '$P/a': Input/output error" \
	    "EIO on a subfolder: said, exit 1"
	ASAN_OPTIONS=${ASAN_OPTIONS%:detect_leaks=0}
else
	skip "$strace_why: no getdents64 fault"
	skip "$strace_why: no getdents64 fault"
fi

# As a user who cannot read everything: root reads a folder at mode 000.
asuser() {
	if [ "$(id -u)" != 0 ]; then
		"$@"
	else
		setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
	fi
}
if [ "$(id -u)" = 0 ] && ! command -v setpriv >/dev/null; then
	skip "running as root without setpriv(1): no unreadable folder"
else
	U=$T/u
	mkdir "$U"
	chmod 711 "$T"
	[ "$(id -u)" = 0 ] && chown 65534:65534 "$U"
	asuser nw-init "$U/net" >/dev/null
	printf 'name: Ada Lovelace\n' | asuser tee "$U/net/ada.yaml" >/dev/null
	printf 'name: Lena\nmet: {via: ada}\n' |
	    asuser tee "$U/net/lena.yaml" >/dev/null
	asuser mkdir "$U/net/locked"
	printf 'name: Zed\n' | asuser tee "$U/net/locked/zed.yaml" >/dev/null
	asuser chmod 000 "$U/net/locked"
	run asuser nw-ls -C "$U/net"
	is "$rc:$out:$err" "1:ada	Ada Lovelace
lena	Lena:nw-ls: '$U/net/locked': Permission denied" \
	    "a folder at mode 000: the others listed, the folder named, exit 1"
	run asuser nw-check -C "$U/net"
	is "$rc:$out" "1:$U/net/locked: error: Permission denied" \
	    "nw-check says it once"
	# item 11: nw-mv and nw-rm cannot see every met.via
	asuser chmod 700 "$U/net/locked"
	asuser chmod 000 "$U/net/lena.yaml"
	run asuser nw-mv -C "$U/net" ada ada-byron
	is "$rc:$out:$err" "1::$U/net/lena.yaml: Permission denied
nw-mv: 'ada': not every contact could be read, and one may name it: nothing renamed" \
	    "nw-mv refuses when a contact cannot be read"
	ls "$U/net" | tr '\n' ' ' >"$T/o"
	is "$(cat "$T/o")" "ada.yaml lena.yaml locked " "nothing renamed"
	run asuser nw-rm -C "$U/net" ada
	is "$rc:$out:$err" "1::$U/net/lena.yaml: Permission denied
nw-rm: 'ada': not every contact could be read, and one may name it: nothing removed" \
	    "nw-rm refuses too"
	asuser chmod 600 "$U/net/lena.yaml"
	asuser chmod 000 "$U/net/locked"
	run asuser nw-rm -C "$U/net" -f ada
	is "$rc:$err" "1:nw-rm: '$U/net/locked': Permission denied
nw-rm: 'ada': not every contact could be read, and one may name it: nothing removed" \
	    "nw-rm -f refuses when a folder cannot be read"
	[ -f "$U/net/ada.yaml" ]
	ok $? "ada.yaml is still there"
	asuser chmod 700 "$U/net/locked"
	run asuser nw-mv -C "$U/net" ada ada-byron
	is "$rc:$out:$err" "0:ada-byron:nw-mv: lena: now names ada-byron" \
	    "all readable: nw-mv renames, and the via with it"
	chmod 700 "$T"
fi

# a contact that does not parse may name the one removed: refused too
mknet broken
printf 'name: Ada\n' >"$NW_DIR/ada.yaml"
printf 'name: Bad\nmet: {via: ada\n' >"$NW_DIR/bad.yaml"
run nw-rm ada
is "$rc:$out:$(printf '%s\n' "$err" | tail -1)" "1::nw-rm: 'ada': not every contact could be read, and one may name it: nothing removed" \
    "nw-rm: a contact that does not parse, refused"
[ -f "$NW_DIR/ada.yaml" ]
ok $? "ada.yaml is still there"
run nw-mv ada ada-b
is "$rc:$out:$(printf '%s\n' "$err" | tail -1)" "1::nw-mv: 'ada': not every contact could be read, and one may name it: nothing renamed" \
    "nw-mv the same"

# --- a folder that is no network (item 15) ---------------------------------
mkdir "$T/empty"
NW_DIR=$T/empty run nw-due
is "$rc:$out:$err" "1::nw-due: '$T/empty': not a network: no .nw.yaml and no contact (nw-init makes one)" \
    "an empty folder as NW_DIR: said, exit 1"
run nw-ls -C "$T/empty"
is "$rc:$err" "1:nw-ls: '$T/empty': not a network: no .nw.yaml and no contact (nw-init makes one)" \
    "the same with -C"
mkdir "$T/empty/sub"
run nw-log -C "$T/empty" -k call ada
is "$rc:$err" "1:nw-log: '$T/empty': not a network: no .nw.yaml and no contact (nw-init makes one)" \
    "a writer too"
run nw-init "$T/empty"
is "$rc" 0 "nw-init makes it a network"
run nw-due -C "$T/empty"
is "$rc:$out:$err" "0::" "an empty network made by nw-init: fine"
mkdir -p "$T/hand/deep"
printf 'name: Hand\n' >"$T/hand/deep/h.yaml"
run nw-ls -C "$T/hand"
is "$rc:$out" "0:deep/h	Hand" "contacts and no .nw.yaml: a network"

# --- the network found as git finds a repository (item 16) -----------------
mknet other
O=$NW_DIR
printf 'name: Other\n' >"$O/other.yaml"
mknet here
H=$NW_DIR
printf 'name: Here\n' >"$H/here.yaml"
mkdir "$H/sub"
NW_DIR=$O
(cd "$H" && nw-ls) >"$T/o" 2>&1
is "$(cat "$T/o")" "here	Here" "in a network: that one, not NW_DIR"
(cd "$H/sub" && nw-ls) >"$T/o" 2>&1
is "$(cat "$T/o")" "here	Here" "below it: the same"
(cd "$H" && nw-ls -C "$O") >"$T/o" 2>&1
is "$(cat "$T/o")" "other	Other" "-C first"
(cd "$H" && nw -C "$O" ls) >"$T/o" 2>&1
is "$(cat "$T/o")" "other	Other" "nw -C first"
(cd "$T" && nw-ls) >"$T/o" 2>&1
is "$(cat "$T/o")" "other	Other" "elsewhere: NW_DIR"
(cd "$T" && env -u NW_DIR nw-ls) >"$T/o" 2>&1
is "$(cat "$T/o")" "nw-ls: '$HOME/.local/share/nw': no network there (nw-init creates one)" \
    "elsewhere, no NW_DIR: the default"
if command -v git >/dev/null; then
	nw-init -g "$T/origin" >/dev/null
	git clone -q "$T/origin" "$T/clone" 2>/dev/null
	(cd "$T/clone" && env -u NW_DIR nw-init -g) >"$T/o" 2>&1
	is "$?:$(cat "$T/o")" "0:." "nw-init -g in a clone: sets up the clone"
	git -C "$T/clone" config merge.nw.driver | grep -c 'nw-merge' >"$T/o"
	is "$(cat "$T/o")" 1 "the clone has the merge driver"
	[ -e "$HOME/.local/share/nw" ]
	ok $((! $?)) "and the default network was not made"
	(cd "$T/clone" && nw git rev-parse --show-toplevel) >"$T/o" 2>&1
	is "$(cat "$T/o")" "$(cd "$T/clone" && pwd -P)" \
	    "nw git in a clone: that clone, not NW_DIR"
	# the pre-commit hook hands nw-check the file names after --
	printf 'name: Rf Dash\n' >"$T/clone/-rf.yaml"
	(cd "$T/clone" && nw-log -k call ./-rf) >"$T/o" 2>&1
	is "$?:$(cat "$T/o")" "0:./-rf" "nw-log on -rf.yaml in git: no message"
	is "$(git -C "$T/clone" log -1 --format=%s)" "Log call with Rf Dash" \
	    "committed: the hook took -rf.yaml for a file, not options"
else
	skip "git is not installed"
	skip "git is not installed"
	skip "git is not installed"
	skip "git is not installed"
	skip "git is not installed"
	skip "git is not installed"
fi

# --- a network with no .nw/ (item 18) --------------------------------------
mknet copied
C=$NW_DIR
printf 'name: Copy\n' >"$C/copy.yaml"
rm -rf "$C/.nw"
settle		# files old enough for the cache to trust (lib.sh)
run nw-due -a
is "$rc:$out" "0:copy	2026-11-25	0	Copy	never contacted" \
    "a network with no .nw/: listed"
[ -d "$C/.nw" ] && [ -f "$C/.nw/cache" ]
ok $? "the scan made .nw/ and its cache"
is "$(stat -c %a "$C/.nw")" 700 ".nw/ is 0700"
rm -rf "$C/.nw"
rm "$C/.nw.yaml"
run nw-ls
is "$rc:$out" "0:copy	Copy" "no settings: listed"
[ -e "$C/.nw" ]
ok $((! $?)) "and no .nw/ made where there are no settings"
if [ "$(id -u)" = 0 ] && ! command -v setpriv >/dev/null; then
	skip "running as root without setpriv(1): no read-only network"
else
	chmod 711 "$T"
	mkdir "$T/ro"
	[ "$(id -u)" = 0 ] && chown 65534:65534 "$T/ro"
	asuser nw-init "$T/ro/net" >/dev/null
	printf 'name: Ro\n' | asuser tee "$T/ro/net/ro.yaml" >/dev/null
	asuser rm -rf "$T/ro/net/.nw"
	asuser chmod 500 "$T/ro/net"
	run asuser nw-ls -C "$T/ro/net"
	is "$rc:$out:$err" "0:ro	Ro:" "a folder that cannot be written: uncached"
	[ -e "$T/ro/net/.nw" ]
	ok $((! $?)) "and no .nw/"
	asuser chmod 700 "$T/ro/net"
	chmod 700 "$T"
fi

done_testing
