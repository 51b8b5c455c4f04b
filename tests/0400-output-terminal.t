#!/bin/sh
# On a terminal: an aligned table under a dimmed header of the column
# names, numbers to the right, colour unless NO_COLOR is set and not empty;
# standard input is not read for references.
. "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null; then
	echo "1..0 # SKIP script(1) is not installed"
	exit 0
fi
net=$TOP/examples/network
script -qec "nw-due -n 3 -C '$net'" /dev/null </dev/null >"$T/tty" 2>&1
ok $? "nw-due runs on a terminal"
esc=$(printf '\033')
cr=$(printf '\r')
is "$(cat "$T/tty")" "${esc}[2mID                 DUE         DAYS  NAME          REASON${esc}[0m$cr
${esc}[31mjose-nunez         2026-11-18     7  José Núñez    follow-up: Preguntar por la beca -- did the scholarship come through?${esc}[0m$cr
${esc}[31mwork/grace-hopper  2026-09-22    64  Grace Hopper  inner: every 3w, last 2026-09-01${esc}[0m$cr
${esc}[31mhannah-berg        2026-10-06    50  Hannah Berg   family: every 1m, last 2026-09-06${esc}[0m$cr" \
	"an aligned table under a dimmed header, in red for the overdue"
NO_COLOR=1 script -qec "nw-give -l -C '$net'" /dev/null </dev/null >"$T/tty" 2>&1
is "$(head -4 "$T/tty")" "ID                 GIVES  ASKS  GOT  NAME$cr
charles-babbage        1     1    2  Charles Babbage$cr
tom-okafor             0     1    1  Tom Okafor$cr
omar-haddad            0     0    1  Omar Haddad$cr" "NO_COLOR: the header, no escape sequences"
NO_COLOR= script -qec "nw-give -l -C '$net'" /dev/null </dev/null >"$T/tty" 2>&1
is "$(head -2 "$T/tty")" "${esc}[2mID                 GIVES  ASKS  GOT  NAME${esc}[0m$cr
${esc}[33mcharles-babbage        1     1    2  Charles Babbage${esc}[0m$cr" \
	"NO_COLOR set but empty: colour stays on (no-color.org)"
script -qec "nw-ls -C '$net' -t rust" /dev/null </dev/null >"$T/tty" 2>&1
is "$(cat "$T/tty")" "${esc}[2mID            NAME${esc}[0m$cr
ada-lovelace  Ada Lovelace$cr
mei-chen      Mei Chen$cr" "nw-ls: the header too"
script -qec "nw-ls -C '$net' -t nobody-has-it" /dev/null </dev/null >"$T/tty" 2>&1
is "$?:$(cat "$T/tty")" "0:" "no row: no header either"
script -qec "nw-ls -C '$net' -t rust | cat" /dev/null </dev/null >"$T/tty" 2>&1
is "$(cat "$T/tty")" "ada-lovelace	Ada Lovelace$cr
mei-chen	Mei Chen$cr" "piped (TSV): no header"
NO_COLOR=1 script -qec "nw-due -a -C '$net'" /dev/null </dev/null >"$T/tty" 2>&1
is "$(grep -e jose -e mei-chen "$T/tty")" "jose-nunez                 2026-11-18     7  José Núñez                 follow-up: Preguntar por la beca -- did the scholarship come through?$cr
mei-chen                   2026-11-25     0  Mei Chen                   never contacted$cr" \
	"accented names take one column a letter"
script -qec "nw-due -a -C '$net' -j -n 1" /dev/null </dev/null >"$T/tty" 2>&1
is "$(cat "$T/tty")" '{"id":"jose-nunez","due":"2026-11-18","days":7,"name":"José Núñez","reason":"follow-up: Preguntar por la beca -- did the scholarship come through?"}'"$cr" \
	"-j on a terminal is still JSON Lines"
done_testing
