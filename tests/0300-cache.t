#!/bin/sh
# The cache of the scans (.nw/cache): every scan prints the same bytes,
# says the same on stderr and exits the same with it and without it
# (NW_CACHE=0), whatever changed the files since it was written: an edit
# by hand, by nw, by git checkout, by touch with an old mtime, a rewrite of
# equal size in the same second, one that puts the mtime back.  A cache
# that cannot be trusted is not read, and one that cannot be written costs
# nothing but time.  t-cache (tests/unit/t-cache.c) says what a scan took
# from the cache: the runs with the cache are known to use it.
. "$(dirname "$0")/lib.sh"

# A file is trusted from the cache once it is a second older than the
# process that read it, by mtime and ctime: settle (lib.sh) waits that
# long.  Real time must pass: touch -d sets mtime back, never ctime, so a
# file touched into the past is still parsed, not read from the cache.

# both DESC CMD...: stdout, the status and stderr, with and without the
# cache, byte for byte.
both() {
	_d=$1
	shift
	NW_CACHE=0 "$@" >"$T/u.out" 2>"$T/u.err" </dev/null
	echo "status $?" >>"$T/u.out"
	"$@" >"$T/c.out" 2>"$T/c.err" </dev/null
	echo "status $?" >>"$T/c.out"
	cat "$T/u.err" >>"$T/u.out"
	cat "$T/c.err" >>"$T/c.out"
	same "$T/c.out" "$T/u.out" "$_d"
}

# scans NET WHEN NAME: every scan over NET, NAME a contact's name there
scans() {
	_n=$1 _w=$2 _name=$3
	both "$_w: nw-due" nw-due -C "$_n"
	both "$_w: nw-due -a" nw-due -a -C "$_n"
	both "$_w: nw-due -aj" nw-due -aj -C "$_n"
	both "$_w: nw-due -c close" nw-due -a -c close -C "$_n"
	both "$_w: nw-due -bl" nw-due -abl -C "$_n"
	both "$_w: nw-due -k community" nw-due -a -k community -C "$_n"
	both "$_w: nw-ls" nw-ls -C "$_n"
	both "$_w: nw-ls -l" nw-ls -l -C "$_n"
	both "$_w: nw-ls -j" nw-ls -j -C "$_n"
	both "$_w: nw-ls -e" nw-ls -e 'a' -C "$_n"
	both "$_w: nw-give -l" nw-give -l -C "$_n"
	both "$_w: nw-give -lj" nw-give -lj -C "$_n"
	both "$_w: nw-give -o" nw-give -o -C "$_n"
	both "$_w: nw-check" nw-check -C "$_n"
	both "$_w: nw-export" nw-export -f csv -C "$_n"
	both "$_w: a name resolved (nw-show)" nw-show -C "$_n" "$_name"
	both "$_w: a name's prefix resolved (nw-due)" nw-due -a -C "$_n" \
	    "${_name%% *}"
	if command -v nw-stats >/dev/null; then
		both "$_w: nw-stats" nw-stats -C "$_n"
		both "$_w: nw-stats -j" nw-stats -j -C "$_n"
		both "$_w: nw-stats -H" nw-stats -H -C "$_n"
		both "$_w: nw-stats -p" nw-stats -p "$_name" -C "$_n"
	fi
}

# counts NET WANT DESC: what a scan took from the cache
counts() {
	run "$NW_UNIT/t-cache" "$1"
	is "$out" "$2" "$3"
}

# rewrite FILE SRC: FILE's bytes replaced by as many of SRC's, in place
# (the same inode and size)
rewrite() {
	head -c "$(wc -c <"$1")" "$2" | dd of="$1" conv=notrunc status=none
}

# --- the example network ---------------------------------------------------

EX=$T/ex
cp -R "$TOP/examples/network" "$EX"
rm -rf "$EX/.nw"	# a scan of the examples made one
mkdir "$EX/.nw"
n=$(find "$EX" -name '.*' -prune -o -name '*.yaml' -print | wc -l)
settle
counts "$EX" "cached 0 parsed $n written 1" "example: the first scan parses all $n and writes the cache"
counts "$EX" "cached $n parsed 0 written 0" "example: the next takes all $n from the cache, writes nothing"
scans "$EX" "example, cached" "Ada Lovelace"

# an edit by hand, then a scan at once: the file is too young to trust
sed 's/^org: .*/org: Difference Engines Ltd/' "$EX/charles-babbage.yaml" \
    >"$T/x" && cat "$T/x" >"$EX/charles-babbage.yaml"
both "example, at once after an edit by hand: nw-ls -l" nw-ls -l -C "$EX"
settle
counts "$EX" "cached $((n - 1)) parsed 1 written 1" "example: the edited file is parsed again, the cache written"
scans "$EX" "example, after an edit by hand" "Charles Babbage"

# an edit by nw
nw-log -C "$EX" -k call -m 'cache test' ada >/dev/null
scans "$EX" "example, after nw-log" "Ada"
nw-set -C "$EX" tom org 'Okafor & Co' >/dev/null
settle
scans "$EX" "example, after nw-set, settled" "Tom Okafor"

# touch with an old mtime after an edit of the same size
f=$EX/hannah-berg.yaml
sed 's/Hannah/Hannax/' "$f" >"$T/x" && rewrite "$f" "$T/x"
touch -d '2001-02-03 04:05:06' "$f"
both "example, at once after touch -d 2001: nw-ls -l" nw-ls -l -C "$EX"
settle
counts "$EX" "cached $((n - 1)) parsed 1 written 1" "example: a file touched to 2001 is parsed again"
scans "$EX" "example, after touch -d 2001" "Hannax Berg"

# the same size, in place, the mtime put back to the nanosecond: only
# ctime tells
old=$(stat -c %y "$f")
ino=$(stat -c %i "$f")
sed 's/Hannax/Hannah/' "$T/x" >"$T/y" && rewrite "$f" "$T/y"
touch -d "$old" "$f"
is "$(stat -c '%y %i' "$f") $(head -c 40 "$f" | grep -c Hannah)" \
    "$old $ino 1" "the same mtime to the nanosecond and inode, another name"
settle
counts "$EX" "cached $((n - 1)) parsed 1 written 1" "example: a rewrite that puts the mtime back is parsed again"
scans "$EX" "example, mtime put back" "Hannah Berg"

# rewritten twice in one second, the same size each time
f=$EX/mei-chen.yaml
sed 's/^name: Mei Chen/name: Mei Chon/' "$f" >"$T/a"
sed 's/^name: Mei Chen/name: Mei Chan/' "$f" >"$T/b"
cat "$T/a" >"$f"
both "example, same second 1: nw-ls" nw-ls -C "$EX"
cat "$T/b" >"$f"
both "example, same second 2: nw-ls" nw-ls -C "$EX"
both "example, same second 2: nw-due -a" nw-due -a -C "$EX"
settle
scans "$EX" "example, same second, settled" "Mei Chan"

# a contact gone, one new, one in a new folder
rm "$EX/david-kim.yaml"
printf 'name: Nora New\nemail: nora@example.org\ncircle: close\n' \
    >"$EX/nora-new.yaml"
mkdir -p "$EX/club"
printf 'name: Otto Club\nlast: x\n' >"$EX/club/otto.yaml"
both "example, at once after one gone, two new: nw-ls -l" nw-ls -l -C "$EX"
settle
counts "$EX" "cached $((n - 1)) parsed 2 written 1" "example: the new ones parsed, the one gone dropped"
counts "$EX" "cached $((n + 1)) parsed 0 written 0" "example: and all from the cache next time"
scans "$EX" "example, one gone, two new" "Nora New"

# settings changed: a summary is never read under other settings
printf 'circles: {close: 1w}\ndefault: 2m\n' >"$EX/.nw.yaml"
counts "$EX" "cached 0 parsed $((n + 1)) written 1" "example: other settings, the cache is not read"
scans "$EX" "example, other settings" "Nora New"

# --- a cache that cannot be trusted, or written --------------------------

settle
nw-due -C "$EX" >/dev/null
cp "$EX/.nw/cache" "$T/good"
size=$(wc -c <"$T/good")

# a byte flipped in the middle: the checksum
cp "$T/good" "$EX/.nw/cache"
printf 'X' | dd of="$EX/.nw/cache" bs=1 seek=$((size / 2)) conv=notrunc \
    status=none
counts "$EX" "cached 0 parsed $((n + 1)) written 1" "a flipped byte: the cache is not read, it is written anew"
cp "$T/good" "$EX/.nw/cache"
printf 'X' | dd of="$EX/.nw/cache" bs=1 seek=$((size / 2)) conv=notrunc \
    status=none
scans "$EX" "cache with a flipped byte" "Ada Lovelace"

# another version of the cache (the 4 bytes after the magic)
cp "$T/good" "$EX/.nw/cache"
printf '\377' | dd of="$EX/.nw/cache" bs=1 seek=8 conv=notrunc status=none
counts "$EX" "cached 0 parsed $((n + 1)) written 1" "another version: not read, written anew"

# cut short
head -c 100 "$T/good" >"$EX/.nw/cache"
counts "$EX" "cached 0 parsed $((n + 1)) written 1" "a cache cut short: not read, written anew"

# a symlink: not read, not written through, replaced by a file
cp "$T/good" "$T/elsewhere"
rm "$EX/.nw/cache"
ln -s "$T/elsewhere" "$EX/.nw/cache"
counts "$EX" "cached 0 parsed $((n + 1)) written 1" "a symlink: not read"
ok "$([ -f "$EX/.nw/cache" ] && [ ! -L "$EX/.nw/cache" ]; echo $?)" \
    "the symlink is replaced by the cache itself"
same "$T/elsewhere" "$T/good" "what the symlink pointed at is untouched"
rm "$EX/.nw/cache"
ln -s "$T/elsewhere" "$EX/.nw/cache"
scans "$EX" "cache a symlink" "Ada Lovelace"

# another owner's (only root can make one)
if [ "$(id -u)" -eq 0 ]; then
	cp "$T/good" "$EX/.nw/cache"
	chown 12345 "$EX/.nw/cache"
	counts "$EX" "cached 0 parsed $((n + 1)) written 1" "another owner's cache: not read, replaced"
	ok "$([ "$(stat -c %u "$EX/.nw/cache")" = 0 ]; echo $?)" \
	    "the cache is the user's again"
else
	ok 0 "# SKIP another owner's cache: not root"
	ok 0 "# SKIP another owner's cache: not root"
fi

# nowhere to write: .nw/tmp is a file
rm -f "$EX/.nw/cache"
rm -rf "$EX/.nw/tmp"
: >"$EX/.nw/tmp"
counts "$EX" "cached 0 parsed $((n + 1)) written 0" ".nw/tmp a file: nothing written"
scans "$EX" "nowhere to write the cache" "Ada Lovelace"
ok "$([ ! -e "$EX/.nw/cache" ]; echo $?)" "no cache left behind"
rm "$EX/.nw/tmp"

# NW_CACHE=0 writes none; a network of the user's without .nw/ gets one
NW_CACHE=0 nw-due -C "$EX" >/dev/null
ok "$([ ! -e "$EX/.nw/cache" ]; echo $?)" "NW_CACHE=0: no cache written"
cp -R "$TOP/examples/network" "$T/bare"
rm -rf "$T/bare/.nw"
NW_CACHE=0 nw-due -C "$T/bare" >/dev/null
ok "$([ ! -e "$T/bare/.nw" ]; echo $?)" "NW_CACHE=0: no .nw/ made either"
settle
nw-due -C "$T/bare" >/dev/null
ok "$([ -f "$T/bare/.nw/cache" ]; echo $?)" "a network without .nw/: a scan makes it, and its cache"
rm -rf "$T/bare/.nw"
# .nw a symlink (a remote can commit one): the scan works, writes nothing there
mkdir "$T/away"
ln -s "$T/away" "$T/bare/.nw"
want=$(NW_CACHE=0 nw-due -C "$T/bare")
run nw-due -C "$T/bare"
is "$rc:$out" "0:$want" ".nw a symlink: the scan prints what it would without a cache"
is "$(ls -A "$T/away")" "" "and writes nothing where the symlink points"
rm "$T/bare/.nw"

# --- hand-written files: every key, every error, every style -------------

H=$T/hand
mkdir -p "$H/.nw" "$H/sub"
cat >"$H/full.yaml" <<'EOF'
# every key of nw(5)
name: Fulla Keys
aka: [Fu, "K. Fulla"]
circle: inner
every: 2w
next: 2026-12-01
next-note: "ask about: the move"
tags: [one, Two]
groups: [g1]
org: Keys & Co
title: Keeper
email: [fulla@example.org, FK@Example.org]
phone: ["+1 555 0100", "+1 555 0101"]
links: {web: "https://example.org/fulla", github: fulla}
address: 1 Key Street
birthday: --02-29
met: {where: a conference, date: 2019-05-04, via: plain}
offers: [advice, intros]
topics: [keys, locks]
dates: {anniversary: 2011-12-01, "name day": --03-03}
added: 2018-01-01
notes: |
  Two lines
  of notes.
log:
  - {date: 2025-01-02, kind: give, note: a book}
  - {date: 2025-02-03, kind: ask, note: an intro}
  - {date: 2025-03-04, kind: got, note: advice}
  - {date: 2025-04-05, kind: thanks}
  - {date: 2025-05-06, kind: note, note: not a contact}
  - {date: 2025-06-07, kind: call}
  - {kind: call, note: no date}
EOF
printf 'name: Plain\n' >"$H/plain.yaml"
printf 'name: [broken\n' >"$H/broken.yaml"
printf 'org: No Name Ltd\n' >"$H/noname.yaml"
: >"$H/empty.yaml"
printf 'name: Bad Next\nnext: 2026-13-01\n' >"$H/badnext.yaml"
printf 'name: Odd Circle\ncircle: nowhere\n' >"$H/oddcircle.yaml"
printf 'name: Twin\nemail: twin@example.org\n' >"$H/twin-a.yaml"
printf 'name: twin\nemail: TWIN@example.org\n' >"$H/twin-b.yaml"
printf 'name: Crlf Person\r\ncircle: close\r\nlog:\r\n  - {date: 2025-01-01, kind: call}\r\n' \
    >"$H/crlf.yaml"
printf '\357\273\277name: Bom Person\ntags: [bom]\n' >"$H/bom.yaml"
printf 'name: Not UTF-8 \377\n' >"$H/latin1.yaml"
printf 'name: Log Map\nlog: {date: 2025-01-01}\n' >"$H/logmap.yaml"
printf 'name: Via Nobody\nmet: {via: nobody-here}\n' >"$H/via.yaml"
printf 'name: Émile Zoë\naka: [Zoe]\nlast: 2020-01-01\n' >"$H/emile.yaml"
printf 'name: Deep One\ngroups: [sub]\n' >"$H/sub/deep.yaml"
ln -s sub/deep.yaml "$H/link.yaml"
ln -s /etc/hostname "$H/outside.yaml"
printf 'name: Alias\nbase: &a {x: 1}\nother: *a\n' >"$H/alias.yaml"
printf 'name: The Club\ntype: community\nevery: 1m\nlog:\n  - {date: 2025-06-01, kind: event}\n' \
    >"$H/club.yaml"
settle
scans "$H" "hand-written, first" "Fulla Keys"
scans "$H" "hand-written, cached" "Émile Zoë"
counts "$H" "cached 19 parsed 0 written 0" "hand-written: every file that reads, from the cache"

# --- a generated network, as the benchmark makes them -----------------------

if command -v python3 >/dev/null; then
	G=$T/gen
	python3 "$TOP/tests/bench/gen" "$G" 300 8 2>/dev/null
	mkdir -p "$G/.nw"
	settle
	counts "$G" "cached 0 parsed 300 written 1" "generated: 300 parsed and cached"
	scans "$G" "generated, cached" "Ada Aziz"
	na=0
	for f in "$G"/a*.yaml; do
		sed 's/^org: .*/org: Moved On/' "$f" >"$T/x"
		cat "$T/x" >"$f"
		na=$((na + 1))
	done
	both "generated, at once after a tenth edited: nw-due -a" \
	    nw-due -a -C "$G"
	settle
	# more than 300 / 16 changed: the cache is written
	counts "$G" "cached $((300 - na)) parsed $na written 1" "generated: the $na edited parsed again, the cache written"
	scans "$G" "generated, a tenth edited" "Ada Aziz"
	f=$(ls "$G"/b*.yaml | head -n 1)
	printf '# one more line\n' >>"$f"
	settle
	counts "$G" "cached 299 parsed 1 written 0" "generated: one file changed: parsed, the cache not written for it"
	scans "$G" "generated, one changed" "Ada Aziz"
else
	ok 0 "# SKIP python3 missing: no generated network"
fi

# --- git ----------------------------------------------------------------------

if command -v git >/dev/null; then
	git config --global init.defaultBranch main
	R=$T/repo
	nw-init -g "$R" >/dev/null
	cp -R "$TOP"/examples/network/. "$R/"
	sed 's/^autocommit: false/autocommit: true/' \
	    "$TOP/examples/network/.nw.yaml" >"$R/.nw.yaml"
	(cd "$R" && git add -A && git commit -q -m contacts) || echo "Bail out! git"
	settle
	nw-due -C "$R" >/dev/null
	nw-log -C "$R" -k call -m 'from git' ada >/dev/null
	is "$(cd "$R" && git log -1 --format=%s)" "Log call with Ada Lovelace" \
	    "git: nw-log committed (its hook checked the file, with the cache)"
	settle
	scans "$R" "git, after nw-log committed" "Ada Lovelace"
	(cd "$R" && git checkout -q HEAD~1 -- ada-lovelace.yaml)
	both "git, at once after git checkout: nw-give -l" nw-give -l -C "$R"
	settle
	counts "$R" "cached $((n - 1)) parsed 1 written 1" "git: the file checked out is parsed again"
	scans "$R" "git, after git checkout of the old version" "Ada Lovelace"
else
	ok 0 "# SKIP git missing"
fi

done_testing
