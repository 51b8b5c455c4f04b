#!/bin/sh
# Writers in parallel lose nothing: 8 nw-log processes x 25 entries each on
# one contact, serialised by .nw/lock and written atomically.
. "$(dirname "$0")/lib.sh"

mknet net
printf 'name: Ada Lovelace\n# her log\nlog:\n  - {date: 2026-01-01, kind: call}\n' \
	>"$NW_DIR/ada.yaml"
for w in 1 2 3 4 5 6 7 8; do
	(
		i=1
		while [ $i -le 25 ]; do
			nw-log -k call -m "w$w-$i" ada >/dev/null 2>>"$T/errs" ||
				echo "fail w$w-$i" >>"$T/errs"
			i=$((i + 1))
		done
	) &
done
wait
is "$(cat "$T/errs" 2>/dev/null)" "" "no writer failed"
is "$(grep -c '^  - {date: 2026-11-25, kind: call, note: w[1-8]-[0-9]*}$' "$NW_DIR/ada.yaml")" \
	200 "all 200 entries are present"
is "$(grep -o 'note: w[0-9]*-[0-9]*' "$NW_DIR/ada.yaml" | sort -u | wc -l | tr -d ' ')" \
	200 "each of them once"
is "$(head -4 "$NW_DIR/ada.yaml")" "name: Ada Lovelace
# her log
log:
  - {date: 2026-01-01, kind: call}" "the lines before are untouched"
is "$(wc -l <"$NW_DIR/ada.yaml" | tr -d ' ')" 204 "nothing else was added"
python3 -c 'import yaml,sys; d=yaml.safe_load(open(sys.argv[1])); assert len(d["log"]) == 201' \
	"$NW_DIR/ada.yaml"
ok $? "the file is valid YAML with 201 entries"
is "$(ls -a "$NW_DIR" | grep -c '^\.nw-')" 0 "no temporary file left behind"
done_testing
