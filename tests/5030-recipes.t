#!/bin/sh
# HACKING.md's recipe for a command, enforced: every program in $NW_BIN
# (nw and each nw-*, so a command added later is taken in by itself) is
# listed by nw, has its manual and a line in nw(7)'s list, answers --help
# and -V (its own name, as it was called, and nw's one version, NW_VERSION
# in src/nw.h), and has completion in bash and zsh; nw lists no command
# that is not there.
. "$(dirname "$0")/lib.sh"

VERSION=$(sed -n 's/^#define[	 ]*NW_VERSION[	 ]*"\(.*\)"$/\1/p' \
	"$TOP/src/nw.h")
is "$(printf '%s\n' "$VERSION" | grep -c .)" 1 "one version, in src/nw.h"

run "$NW_BIN/nw"
listed=$out
# bash: what completion/nw.bash registers for a command
complete_of() {
	bash -c '. "$1/completion/nw.bash" && complete -p "$2"' sh "$TOP" "$1" \
		2>/dev/null
}
for p in "$NW_BIN"/nw "$NW_BIN"/nw-*; do
	[ -x "$p" ] || continue
	n=$(basename "$p")
	c=${n#nw-}
	if [ "$n" != nw ]; then
		printf '%s\n' "$listed" | grep -q "^   $c  "
		ok $? "nw lists $c"
		grep -q "^\.It Xr $n 1\$" "$TOP/man/nw.7"
		ok $? "nw(7) lists $n"
	fi
	[ -f "$TOP/man/$n.1" ]
	ok $? "$n has man/$n.1"
	run "$p" --help
	is "$rc:$(printf '%s\n' "$out" | head -1 | cut -d' ' -f1-2)" \
		"0:usage: $n" "$n --help: its usage"
	run "$p" -V
	is "$rc:$out:$err" "0:$n $VERSION:" "$n -V: its name and the version"
	# the name is the one it was called by, from the one place
	# (opt_version): a name written in the command would show here
	ln -sf "$p" "$T/nw-renamed"
	run "$T/nw-renamed" -V
	is "$rc:$out:$err" "0:nw-renamed $VERSION:" \
		"$n -V: the name it was called by, from opt_version"
	if command -v bash >/dev/null; then
		case $(complete_of "$n") in
		*" -F _nw"*" $n") ok 0 "$n completes in bash" ;;
		*) ok 1 "$n completes in bash (completion/nw.bash's complete line)" ;;
		esac
	else
		skip "bash is not installed"
	fi
done
# and nw lists what is there only: beside nw and nw-due alone, nothing
# else in PATH, it lists due and its own commands
mkdir "$T/few"
cp "$NW_BIN/nw" "$NW_BIN/nw-due" "$T/few/"
run env PATH=/nonexistent "$T/few/nw"
is "$(printf '%s\n' "$out" | sed -n '/^commands:/,$s/^   \([a-z][a-z]*\)  .*/\1/p' |
	tr '\n' ' ')" "due help git circles kinds " \
	"nw lists no command that is not there"
# zsh completes every nw-* by the pattern of its #compdef line
is "$(head -1 "$TOP/completion/_nw")" "#compdef nw -p nw-*" \
	"zsh: completion/_nw is for nw and every nw-*"
done_testing
