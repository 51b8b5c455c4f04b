#!/bin/sh
# Autocommit hands git the contacts' paths as they are: a name with glob
# characters is no pattern that takes other contacts' hand edits; and a
# commit git refuses (the hook) leaves the index as it was, so that the
# user's next commit does not take what nw staged.
. "$(dirname "$0")/lib.sh"

if ! command -v git >/dev/null; then
	echo "1..0 # SKIP git is not installed"
	exit 0
fi
git config --global init.defaultBranch main

mknet n
N=$NW_DIR
nw-init -g "$N" >/dev/null 2>&1
status() { git -C "$N" status --porcelain; }
files() { git -C "$N" show --name-only --format=%s "${1:-HEAD}" | sed "/^$/d"; }

# --- 5: literal paths ----------------------------------------------------
printf 'name: Cy\n' >"$N/cy.yaml"
printf 'name: Cy Two\n' >"$N/cy-other.yaml"
printf 'name: Ca\n' >"$N/ca.yaml"
git -C "$N" add cy.yaml cy-other.yaml ca.yaml
git -C "$N" commit -qm three
# hand edits not to be committed, and new contacts named like patterns
printf 'org: hand\n' >>"$N/cy.yaml"
printf 'org: hand\n' >>"$N/cy-other.yaml"
printf 'org: hand\n' >>"$N/ca.yaml"
printf 'name: Star\n' >"$N/c*.yaml"
printf 'name: Cy Other\n' >"$N/c[y]-other.yaml"
printf 'name: Query\n' >"$N/c?.yaml"

run nw-log -k call 'c*'
is "$rc:$out:$err" "0:c*:" "nw-log on 'c*'"
is "$(files)" "Log call with Star
c*.yaml" "its commit holds c*.yaml alone"
run nw-set 'c[y]-other' org Navy
is "$rc:$out:$err" "0:c[y]-other:" "nw-set on 'c[y]-other'"
is "$(files)" "Set org for Cy Other
c[y]-other.yaml" "its commit holds c[y]-other.yaml alone"
run nw-mv 'c?' 'c?-q'
is "$rc:$out:$err" "0:c?-q:" "nw-mv of an uncommitted 'c?'"
is "$(files)" "Rename c? to c?-q
c?-q.yaml" "its commit holds the new name alone"
run nw-rm 'c*'
is "$rc:$out:$err" "0:c*:" "nw-rm 'c*'"
is "$(files)" "Remove Star
c*.yaml" "its commit removes c*.yaml alone"
is "$(status)" " M ca.yaml
 M cy-other.yaml
 M cy.yaml" "the hand edits are left for the user"
git -C "$N" checkout -q -- ca.yaml cy.yaml cy-other.yaml

# --- 6: a refused commit leaves the index alone --------------------------
printf 'name: Broken\nlog:\n  - {date: 2026-13-45, kind: call}\n' \
    >"$N/broken.yaml"
HOOKERR="nw-log: nothing committed: git commit: broken.yaml:3:12: error: log date '2026-13-45' is not a date (YYYY-MM-DD)"
run nw-log -k call broken
is "$rc:$out:$err" "0:broken:$HOOKERR" "the hook refuses a new contact"
is "$(status)" "?? broken.yaml" "it is not left staged"
is "$(git -C "$N" log -1 --format=%s)" "Remove Star" "nothing committed"

# the user's staged and unstaged edits of another contact stay apart
printf 'org: staged\n' >>"$N/cy.yaml"
git -C "$N" add cy.yaml
printf 'title: unstaged\n' >>"$N/cy.yaml"
git -C "$N" diff --cached >"$T/staged"
run nw-log -k email broken cy
is "$rc:$out:$err" "0:broken
cy:$HOOKERR" "two contacts, the commit refused"
is "$(status)" "MM cy.yaml
?? broken.yaml" "the index is as it was"
git -C "$N" diff --cached >"$T/staged.after"
same "$T/staged.after" "$T/staged" "the user's staged edit, byte for byte"
git -C "$N" reset -q
git -C "$N" checkout -q -- cy.yaml

# a rename of a committed contact whose new file the hook refuses: the
# removal nw staged goes too
git -C "$N" add broken.yaml
git -C "$N" commit -q --no-verify -m broken
run nw-mv broken mended
is "$rc:$out:$err" "0:mended:nw-mv: nothing committed: git commit: mended.yaml:3:12: error: log date '2026-13-45' is not a date (YYYY-MM-DD)" \
    "nw-mv, the hook refuses"
is "$(status)" " D broken.yaml
?? mended.yaml" "neither the removal nor the new name is staged"

# after a refusal, the user's commit takes only what they staged
printf 'org: mine\n' >>"$N/ca.yaml"
git -C "$N" add ca.yaml
git -C "$N" commit -qm mine
is "$(files)" "mine
ca.yaml" "the user's next commit holds their file alone"

done_testing
