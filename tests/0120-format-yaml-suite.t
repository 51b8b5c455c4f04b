#!/bin/sh
# The editor over the YAML test suite: every input either edited with
# nothing of the user's lost or refused untouched; then an independent
# parser (PyYAML's pure-Python loader) checks each log append holds the
# old data plus exactly the new entry.
. "$(dirname "$0")/lib.sh"

suite=$DATA/yaml-test-suite
if [ ! -d "$suite" ]; then
	echo "1..0 # SKIP $suite is absent (the shared test corpora)"
	exit 0
fi
mkdir "$T/out"
"$NW_UNIT/t-suite" "$suite" "$T/out" >"$T/tap" 2>"$T/.err"
rc=$?
grep '^#' "$T/tap"
ok $rc "t-suite: every case edited safely or refused untouched"
is "$(grep -c '^not ok' "$T/tap")" 0 "no case failed"
is "$(grep -c '^ok' "$T/tap")" 402 "all 402 inputs were tried"
is "$(sed -n 's/^# log append .*corrupted \([0-9]*\)$/\1/p' "$T/tap")" 0 \
	"log append corrupted 0"
is "$(grep -c 'corrupted 0$' "$T/tap")" 4 "every kind of edit corrupted 0"

if ! python3 -c 'import yaml' 2>/dev/null; then
	echo "# python3-yaml is absent: no independent check"
	done_testing
fi
python3 - "$T/out" >"$T/py" 2>&1 <<'PY'
import datetime, glob, sys, yaml
item = {"date": datetime.date(2026, 11, 25), "kind": "call", "note": "x, y"}
checked = skipped = bad = 0
for f in sorted(glob.glob(sys.argv[1] + "/*.in.yaml")):
    try:
        old = yaml.load(open(f, encoding="utf-8-sig"), Loader=yaml.Loader)
    except Exception:
        skipped += 1          # PyYAML cannot read the original
        continue
    try:
        new = yaml.load(open(f[:-8] + ".out.yaml", encoding="utf-8-sig"),
                        Loader=yaml.Loader)
    except Exception as e:
        print("unreadable result:", f, e); bad += 1; continue
    want = dict(old)
    log = want.get("log")
    want["log"] = ([] if log is None else log if isinstance(log, list)
                   else [log]) + [item]
    if new != want:
        print("differs:", f); bad += 1
    else:
        checked += 1
print("checked %d skipped %d bad %d" % (checked, skipped, bad))
PY
tail -1 "$T/py" | sed 's/^/# pyyaml: /'
is "$(tail -1 "$T/py" | sed 's/.* bad //')" 0 "PyYAML finds every appended file holds the old data plus the entry"
done_testing
