#!/bin/sh
# The rules a person meets every day, each at its edge: a birthday or a
# date dismissed only by contact on its day or the day before; nw-due -l's
# "last" among entries of one date; a word after a hyphen as a reference.
. "$(dirname "$0")/lib.sh"

mknet net
N=$NW_DIR
printf 'birthdays: 10d\n' >>"$N/.nw.yaml"

# ---------------------------------------------------------------------------
# Liking a post five days before a birthday is no wish: on the day the
# birthday is listed, and nw-show says so.
printf 'name: Carla Diaz\nevery: 1y\nbirthday: --02-14\nlog:\n  - {date: 2025-06-01, kind: call}\n' >"$N/carla.yaml"
NW_TODAY=2026-02-09 run nw-log -k social -m 'Liked her post' carla
is "$rc:$out:$err" "0:carla:" "a social entry five days before"
NW_TODAY=2026-02-14 run nw-due -b
is "$rc:$err" "0:" "nw-due -b on the day: exit 0, quiet"
is "$out" "carla	2027-02-09	-360	Carla Diaz	birthday today" \
    "nw-due -b: contact five days before does not dismiss the birthday"
NW_TODAY=2026-02-14 run nw-show carla
is "$(printf '%s\n' "$out" | grep '^  due')" \
    "  due       2027-02-09, in 360 days (every 1y, last 2026-02-09; birthday today)" \
    "nw-show mentions the birthday today"

# The edge: contact on the day before dismisses (you wished early), two
# days before does not; on the day itself it does.  Today 02-14, the
# birthday 02-15: 'wished' the day before, 'early' two days before.
for who in 'wished 2026-02-14 --02-15' 'early 2026-02-13 --02-15' \
    'same 2026-02-15 --02-15' 'dayold 2026-02-14 --02-14'; do
	set -- $who
	printf 'name: %s\nevery: 1y\nbirthday: %s\nlog:\n  - {date: %s, kind: message}\n' \
	    "$1" "$3" "$2" >"$N/$1.yaml"
done
rm "$N/carla.yaml"
NW_TODAY=2026-02-14 run nw-due -b wished early dayold
is "$out" "early	2027-02-13	-364	early	birthday in 1d (02-15)" \
    "02-14: contact the day before the birthday dismisses it, two days before does not, on the day too"
NW_TODAY=2026-02-15 run nw-due -b same
is "$rc:$out" "0:" "02-15: contact on the birthday itself dismisses it"
NW_TODAY=2026-02-15 run nw-due -b early
is "$out" "early	2027-02-13	-363	early	birthday today" \
    "02-15: contact two days before: the birthday listed on the day"

# The same for dates.
printf 'name: Dan Dates\nevery: 1y\ndates: {anniversary: 2012-02-16, "Max (son)": --02-17}\nlog:\n  - {date: 2026-02-15, kind: call}\n' >"$N/dan.yaml"
NW_TODAY=2026-02-15 run nw-due -b dan
is "$out" "dan	2027-02-15	-365	Dan Dates	Max (son) in 2d (02-17)" \
    "dates: contact the day before the anniversary dismisses it, not Max's two days later"

# ---------------------------------------------------------------------------
# nw-due -l: of two entries of one date, the later in the file is "last".
printf 'name: Ed Same\nevery: 6w\nlog:\n  - {date: 2026-09-10, kind: call, note: first call}\n  - {date: 2026-09-10, kind: email, note: sent the slides}\n' >"$N/ed.yaml"
run nw-due -l ed
is "$(printf '%s\n' "$out" | grep '^  last')" "  last      2026-09-10, email: sent the slides" \
    "nw-due -l: the last of two same-date entries, in file order"
run nw-due -lj ed
case $out in
*'"last":{"date":"2026-09-10","kind":"email","note":"sent the slides"}'*) r=0 ;;
*) r=1; echo "# $out" ;;
esac
ok $r "nw-due -lj: the same entry as last"

# ---------------------------------------------------------------------------
# A word after a hyphen is a word of the name.
printf 'name: Jean-Luc Picard\n' >"$N/jean-luc-picard.yaml"
run nw-show luc
is "$rc:$(printf '%s\n' "$out" | head -1)" "0:Jean-Luc Picard" "nw-show luc finds Jean-Luc Picard"
run nw-log -k call LUC
is "$rc:$out" "0:jean-luc-picard" "nw-log LUC: the same"

# ---------------------------------------------------------------------------
# A line of blanks among piped references is skipped like an empty line.
printf 'name: Ann Pipe\n' >"$N/ann.yaml"
printf 'name: Bo Pipe\n' >"$N/bo.yaml"
pipein "$(printf 'ann\n   \n\nbo\n \t x\n')" nw-log -k note -m piped
is "$rc:$out:$err" "0:ann
bo:" "blank lines and a line of blanks before a tab: skipped, no error"
pipein "$(printf '  \nann\n')" nw-ls -
is "$rc:$out" "0:$(printf 'ann\tAnn Pipe')" "nw-ls -: a line of blanks skipped"

done_testing
