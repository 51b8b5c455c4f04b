#!/bin/sh
# How nw writes (nw(7), FILES): temporary files in .nw/tmp where git and
# the scans never look, stale ones cleaned by the next write; a .nw that
# is not a real folder of ours refused; a read-only contact left alone.
. "$(dirname "$0")/lib.sh"

mknet n
N=$NW_DIR
printf 'name: Ada Lovelace\n' >"$N/ada.yaml"
mkdir "$N/work"
printf 'name: Grace Hopper\n' >"$N/work/grace.yaml"

# --- a write leaves nothing beside the contacts ---------------------------
run nw-log -k call ada work/grace
is "$rc.$out" "0.ada
work/grace" "two contacts logged"
is "$(cd "$N" && find . \( -name .nw -o -name .nw.yaml -o -name .gitignore \) \
	-prune -o -type f -print | sort)" \
	"./ada.yaml
./work/grace.yaml" "no temporary file beside the contacts"
is "$(ls -A "$N/.nw/tmp")" "" "none left in .nw/tmp either"

# --- stale temporary files go on the next write ---------------------------
# A writer killed mid-write leaves .nw/tmp/.nw-XXXXXX.  One two hours old
# and unlocked is stale; one just made (a writer at work) stays; so does a
# file that is not ours.
printf 'half a contact' >"$N/.nw/tmp/.nw-stale1"
touch -d '2 hours ago' "$N/.nw/tmp/.nw-stale1"
printf 'fresh' >"$N/.nw/tmp/.nw-fresh1"
printf 'mine' >"$N/.nw/tmp/notes.txt"
touch -d '2 hours ago' "$N/.nw/tmp/notes.txt"
run nw-log -k email ada
is "$rc.$out" "0.ada" "the next write"
is "$(ls -A "$N/.nw/tmp" | sort)" ".nw-fresh1
notes.txt" "the stale one is gone, the fresh one and the user's file stay"

# A stale file whose writer still holds its lock stays.
printf 'held' >"$N/.nw/tmp/.nw-held1"
touch -d '2 hours ago' "$N/.nw/tmp/.nw-held1"
rm -f "$N/.nw/tmp/.nw-fresh1"
if command -v flock >/dev/null; then
	flock "$N/.nw/tmp/.nw-held1" sh -c "nw-log -k email ada >/dev/null 2>&1"
	is "$(ls -A "$N/.nw/tmp" | sort)" ".nw-held1
notes.txt" "a locked temporary file is left alone"
fi

# --- a .nw that is not ours ----------------------------------------------
# A remote can commit a symlink named .nw: nw must not put its lock or its
# temporary files where it points.
mknet s
S=$NW_DIR
printf 'name: Ada Lovelace\n' >"$S/ada.yaml"
cp "$S/ada.yaml" "$T/ada.orig"
rm -rf "$S/.nw"
mkdir "$T/elsewhere"
ln -s "$T/elsewhere" "$S/.nw"
run nw-log -k call ada
is "$rc" 1 "a .nw symlink: exit 1"
is "$err" "nw-log: '$S/.nw': not a folder of yours (a symlink): remove it" \
	"it says why"
same "$S/ada.yaml" "$T/ada.orig" "the contact is untouched"
is "$(ls -A "$T/elsewhere")" "" "nothing was made where the symlink points"
run nw-add 'Bob Brown'
is "$rc.$err" "1.nw-add: '$S/.nw': not a folder of yours (a symlink): remove it" \
	"nw-add refuses too"
is "$(ls "$S")" "ada.yaml" "and creates nothing"
rm "$S/.nw"
: >"$S/.nw"
run nw-log -k call ada
is "$rc.$err" "1.nw-log: '$S/.nw': not a folder of yours (not a folder): remove it" \
	"a file named .nw: refused"
rm "$S/.nw"
mkdir -p "$S/.nw"
ln -s "$T/elsewhere" "$S/.nw/tmp"
run nw-log -k call ada
is "$rc.$err" "1.nw-log: '$S/.nw/tmp': not a folder of yours (a symlink): remove it" \
	"a symlink below .nw: refused"
same "$S/ada.yaml" "$T/ada.orig" "the contact is still untouched"
rm -f "$S/.nw/tmp" "$S/.nw/lock"
ln -s "$T/elsewhere/lock" "$S/.nw/lock"
run nw-log -k call ada
is "$rc" 1 "a symlink for the lock: refused"
is "$(ls -A "$T/elsewhere")" "" "and no lock made where it points"
rm "$S/.nw/lock"
run nw-log -k call ada
is "$rc.$out" "0.ada" "once removed, writes work again"

# nw-init writes .gitignore so that .nw is ignored whatever it is.
is "$(cat "$S/.gitignore")" ".nw" "nw-init ignores .nw, folder or not"
printf '.nw/\n*.bak\n' >"$S/.gitignore"
run nw-init "$S"
is "$(cat "$S/.gitignore")" ".nw/
*.bak
.nw" "an older .gitignore gains the line"

# --- a read-only contact is the user's word -------------------------------
NW_DIR=$N
printf 'name: Ro Only\n' >"$N/ro.yaml"
chmod 0400 "$N/ro.yaml"
cp "$N/ro.yaml" "$T/ro.orig"
run nw-log -k call ro
is "$rc.$out" "1." "a read-only contact: exit 1, no id"
is "$err" "nw-log: '$N/ro.yaml': read-only (mode 0400): nothing written" \
	"it says why"
same "$N/ro.yaml" "$T/ro.orig" "the file is untouched"
is "$(stat -c %a "$N/ro.yaml")" 400 "and keeps its mode"
run nw-set ro org Acme
is "$rc.$err" "1.nw-set: '$N/ro.yaml': read-only (mode 0400): nothing written" \
	"nw-set says the same"

# A group-writable contact keeps its mode through a write.
printf 'name: Gw Mode\n' >"$N/gw.yaml"
chmod 0664 "$N/gw.yaml"
run nw-log -k call gw
is "$rc.$(stat -c %a "$N/gw.yaml")" "0.664" "an existing mode is kept"

# A read-only folder: the message names the contact, not a temporary file.
# (root writes anywhere: only an ordinary user can see this.)
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$N/ro-dir"
	printf 'name: Dee Dir\n' >"$N/ro-dir/dee.yaml"
	chmod 0555 "$N/ro-dir"
	run nw-log -k call ro-dir/dee
	is "$rc.$err" "1.nw-log: '$N/ro-dir/dee.yaml': cannot replace it: Permission denied" \
		"a read-only folder: the contact is named"
	chmod 0755 "$N/ro-dir"
else
	skip "running as root, a read-only folder cannot be tested"
fi

done_testing
