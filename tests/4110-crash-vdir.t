#!/bin/sh
# nw-vdir killed (SIGKILL, strace's fault injection) at each write, rename,
# unlink, fsync and ftruncate of a run that takes a phone's change and
# writes nw's, its state appended to its journal or written whole:
# the next run finishes the work, no edit of either side lost, no
# temporary file left in the vdir, and the run after that has nothing to
# do.
. "$(dirname "$0")/lib.sh"

need_strace	# LeakSanitizer off: it cannot run under ptrace

mknet net
N=$NW_DIR
V=$T/vdir
nw-add "Ada Lovelace" "Charles Babbage" >/dev/null
nw-set ada-lovelace email ada@example.org >/dev/null
nw-vdir "$V" 2>/dev/null
A=$(nw-export ada-lovelace | sed -n 's/^UID:urn:uuid:\(.*\)\r$/\1/p').vcf
B=$(nw-export charles-babbage | sed -n 's/^UID:urn:uuid:\(.*\)\r$/\1/p').vcf
# the phone changes Ada's email; nw gives Charles a title
sed 's/ada@example.org/ada.l@example.org/' "$V/$A" >"$T/a" && cat "$T/a" >"$V/$A"
nw-set charles-babbage title Engineer >/dev/null
cp -R "$N" "$T/net0"
cp -R "$V" "$T/vdir0"
sed 's/^email: .*/email: ada.l@example.org/' "$N/ada-lovelace.yaml" >"$T/ada.want"

# the state in the network copy: as it is (the run appends to its
# journal), or as an older nw wrote it, with no generation (written whole)
trial() {
	rm -rf "$N" "$V"
	cp -R "$T/net0" "$N"
	cp -R "$T/vdir0" "$V"
	if [ "$1" = whole ]; then
		for s in "$N"/.nw/vdir/*/state; do
			sed '1,2{/^\.\t/d;/^$/d}' "$s" >"$T/s" && cat "$T/s" >"$s"
		done
	fi
}

none="nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed"
# converge VDIR [OPTION...]: after a killed run, the next nw-vdir exits 0
# and leaves no temporary file in VDIR, and the one after has nothing to
# do; what is wrong goes into bad
converge() {
	_v=$1
	shift
	nw-vdir "$@" "$_v" >/dev/null 2>"$T/err2"
	_rc=$?
	nw-vdir "$@" "$_v" >"$T/out3" 2>"$T/err3"
	bad=
	[ $_rc -eq 0 ] || bad="the next run: exit $_rc: $(cat "$T/err2")"
	ls -A "$_v" | grep -q '^\.nw-' && bad="$bad; a temporary file left"
	[ "$(cat "$T/out3" "$T/err3")" = "$none" ] ||
	    bad="$bad; a third run: $(cat "$T/out3" "$T/err3")"
}

trials=0
for how in journal whole; do
	trial $how
	strace -o "$T/trace" nw-vdir "$V" >/dev/null 2>&1
	ok $? "$how: the run traced"
	same "$N/ada-lovelace.yaml" "$T/ada.want" "$how: the run takes the phone's change"
	for call in write rename unlink fsync ftruncate; do
		n=$(grep -c "^$call(" "$T/trace")
		i=1
		while [ "$i" -le "$n" ]; do
			trial $how
			strace -o /dev/null -e inject=$call:signal=KILL:when=$i \
			    nw-vdir "$V" >/dev/null 2>&1
			converge "$V"
			cmp -s "$N/ada-lovelace.yaml" "$T/ada.want" ||
			    bad="$bad; the phone's change lost"
			grep -q 'TITLE:Engineer' "$V/$B" || bad="$bad; nw's change not in the vdir"
			is "$bad" "" "$how: killed at $call #$i: the next run converges"
			trials=$((trials + 1))
			i=$((i + 1))
		done
	done
done
test "$trials" -ge 8
ok $? "killed at $trials calls"

# --- a first write: the cards made on every core, one syncfs ----------------
# 20 people and a community (enough for cores_run's threads: strace -f):
# killed at each write, rename, fsync and syncfs of a first write into an
# empty vdir, the next run makes the vdir a clean first write makes, no
# contact edited, and the run after has nothing to do
mknet first
F=$NW_DIR
i=1
while [ "$i" -le 20 ]; do
	printf 'Person%02d Tester\n' "$i"
	i=$((i + 1))
done | nw-add - >/dev/null
nw-add -T community "Chess Club" >/dev/null
nw-set person01-tester groups "Chess Club" >/dev/null
nw-set person02-tester groups "Chess Club" >/dev/null
cp -R "$F" "$T/first0"
cp -R "$F" "$T/firstref"
nw-vdir -C "$T/firstref" "$T/vref" >/dev/null 2>&1
strace -f -o "$T/trace" nw-vdir -C "$F" "$T/vfirst" >/dev/null 2>&1
ok $? "first write: the run traced"
same_dir() { diff -r "$1" "$2" >/dev/null 2>&1; }
same_dir "$T/vfirst" "$T/vref"
ok $? "first write: the vdir a clean run makes"
ftrials=0
killed=0
for call in write rename renameat2 fsync syncfs; do
	# strace counts a call for inject's when= per thread: the most calls
	# of one thread, and a run not killed is no trial
	n=$(awk -v c="$call(" 'index($2, c) == 1 { k[$1]++ }
	    END { for (p in k) if (k[p] > m) m = k[p]; print m + 0 }' \
	    "$T/trace")
	i=1
	while [ "$i" -le "$n" ]; do
		rm -rf "$F" "$T/vfirst"
		cp -R "$T/first0" "$F"
		strace -f -o /dev/null -e inject=$call:signal=KILL:when=$i \
		    nw-vdir -C "$F" "$T/vfirst" >/dev/null 2>&1
		[ $? -eq 137 ] && killed=$((killed + 1))
		converge "$T/vfirst" -C "$F"
		same_dir "$T/vfirst" "$T/vref" || bad="$bad; not the vdir of a clean run"
		diff -r -x .nw -x .git "$F" "$T/first0" >/dev/null ||
		    bad="$bad; a contact changed"
		is "$bad" "" "first write: killed at $call #$i: the next run converges"
		ftrials=$((ftrials + 1))
		i=$((i + 1))
	done
done
echo "# first write: $killed of $ftrials runs killed"
test "$killed" -ge 30
ok $? "first write: killed at $killed calls"

done_testing
