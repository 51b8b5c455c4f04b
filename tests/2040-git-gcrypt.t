#!/bin/sh
# A private remote: two clones sync through a git-remote-gcrypt remote
# encrypted to a throwaway GnuPG key, nw-merge still merging the logs, and
# the remote's files hold no contact's name (skipped without
# git-remote-gcrypt or gpg).  New files are 0600 whatever the umask.
. "$(dirname "$0")/lib.sh"

if ! command -v git >/dev/null; then
	echo "1..0 # SKIP git is not installed"
	exit 0
fi
git config --global init.defaultBranch main
git config --global pull.rebase false
GIT_MERGE_AUTOEDIT=no
export GIT_MERGE_AUTOEDIT
A=$T/laptop
B=$T/desktop
R=$T/remote.git
git init -q --bare "$R"

# --- new files are private whatever the umask --------------------------------

(
	umask 000
	nw-init -g "$A" >/dev/null
	NW_DIR=$A nw-add "Ada Lovelace" >/dev/null
	printf 'BEGIN:VCARD\r\nFN:Charles Babbage\r\nEND:VCARD\r\n' >"$T/c.vcf"
	NW_DIR=$A nw-import "$T/c.vcf" >/dev/null
	set --
	i=0
	while [ $i -lt 32 ]; do
		i=$((i + 1))
		set -- "$@" "Person $i"
	done
	NW_DIR=$A nw-add "$@" >/dev/null
	settle	# files older than a scan (lib.sh): cached
	NW_DIR=$A nw-ls >/dev/null	# enough contacts for a cache
)
is "$(cd "$A" && stat -c '%a %n' ada-lovelace.yaml charles-babbage.yaml .nw/cache)" "600 ada-lovelace.yaml
600 charles-babbage.yaml
600 .nw/cache" "umask 000: contact files and the cache are 0600"

for tool in git-remote-gcrypt gpg gpgconf; do
	if ! command -v $tool >/dev/null; then
		skip "$tool is not installed: no encrypted remote"
		done_testing
	fi
done
GNUPGHOME=$T/gnupg
export GNUPGHOME
mkdir -m 700 "$GNUPGHOME"
trap 'gpgconf --kill all 2>/dev/null; rm -rf "$T"' EXIT
gpg --batch --passphrase '' --quick-gen-key 'nw test <nw@example.org>' \
    default default never >"$T/gpg.out" 2>&1
ok $? "a throwaway key"

# --- the laptop pushes to the encrypted remote, the desktop clones it --------

NW_DIR=$A
export NW_DIR
nw-set ada-lovelace email ada@example.org >/dev/null
nw git remote add origin "gcrypt::$R"
nw git push -q -u origin main >"$T/push.out" 2>&1
ok $? "push to the gcrypt remote"
git clone -q "gcrypt::$R" "$B" >"$T/clone.out" 2>&1
ok $? "clone from the gcrypt remote"
NW_DIR=$B nw-init -g >/dev/null 2>&1
ok $? "nw-init -g in the clone"
same "$B/ada-lovelace.yaml" "$A/ada-lovelace.yaml" "the clone has Ada"

# --- both log with Ada; the pulls merge the logs ----------------------------

nw-log -k call -m "From the laptop" ada >/dev/null
nw git push -q >"$T/push.out" 2>&1
ok $? "the laptop pushes its entry"
NW_DIR=$B nw-log -k meet -m "From the desktop" -d 2026-11-24 ada >/dev/null
NW_DIR=$B nw git pull -q >"$T/pull.out" 2>&1
ok $? "the desktop pulls: merged by nw-merge, no conflict"
is "$(sed -n '/^log:/,$p' "$B/ada-lovelace.yaml")" "log:
  - {date: 2026-11-24, kind: meet, note: From the desktop}
  - {date: 2026-11-25, kind: call, note: From the laptop}" "both entries, in date order"
NW_DIR=$B nw git push -q >"$T/push.out" 2>&1
ok $? "the desktop pushes the merge"
nw git pull -q >"$T/pull.out" 2>&1
ok $? "the laptop pulls"
same "$A/ada-lovelace.yaml" "$B/ada-lovelace.yaml" "the two machines agree"

# --- what the remote holds is not readable -----------------------------------

grep -rqi -e lovelace -e babbage -e example.org "$R"
is "$?" 1 "no name or email in the remote's files"
test "$(find "$R" -type f -size +1k | wc -l)" -gt 0
ok $? "the remote holds the encrypted packs"

done_testing
