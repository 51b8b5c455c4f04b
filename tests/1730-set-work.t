#!/bin/sh
# work: past jobs.  nw-set org records a job change byte-exact (-K not),
# nw-show lists the history, nw-ls -o finds who ever worked somewhere;
# nw-import -u of LinkedIn's Connections.csv finds job changes: the old job
# into work, a job entry that is no contact, a follow-up; once only.
. "$(dirname "$0")/lib.sh"

want() { cat >"$T/want"; }

mknet net
N=$NW_DIR
git -C "$N" init -q

# --- nw-set org: a job change ----------------------------------------------
printf '# met at Harvard\r\nname: Grace Hopper\r\norg: US Navy  # reserve\r\ntitle: Rear Admiral\r\nlog: []\r\n' >"$N/grace.yaml"
run nw-set grace org 'Remington Rand'
is "$rc:$out:$err" "0:grace:" "nw-set org: exit 0, the id"
printf '# met at Harvard\r\nname: Grace Hopper\r\norg: Remington Rand  # reserve\r\nlog: []\r\nwork:\r\n  - {org: US Navy, title: Rear Admiral, to: 2026-11-25}\r\n' >"$T/want"
same "$N/grace.yaml" "$T/want" "nw-set org: the old job to work, title gone, comments and line ends kept"
run nw-set grace title 'Senior Mathematician'
run nw-set grace org 'Remington Rand'
printf '# met at Harvard\r\nname: Grace Hopper\r\norg: Remington Rand  # reserve\r\nlog: []\r\nwork:\r\n  - {org: US Navy, title: Rear Admiral, to: 2026-11-25}\r\ntitle: Senior Mathematician\r\n' >"$T/want"
same "$N/grace.yaml" "$T/want" "nw-set title: no job change; the same org again: none either"
run nw-set -K grace org 'Sperry'
printf '# met at Harvard\r\nname: Grace Hopper\r\norg: Sperry  # reserve\r\nlog: []\r\nwork:\r\n  - {org: US Navy, title: Rear Admiral, to: 2026-11-25}\r\ntitle: Senior Mathematician\r\n' >"$T/want"
same "$N/grace.yaml" "$T/want" "nw-set -K org: history kept out"
run nw-set grace org 'Univac'
printf '# met at Harvard\r\nname: Grace Hopper\r\norg: Univac  # reserve\r\nlog: []\r\nwork:\r\n  - {org: US Navy, title: Rear Admiral, to: 2026-11-25}\r\n  - {org: Sperry, title: Senior Mathematician, to: 2026-11-25}\r\n' >"$T/want"
same "$N/grace.yaml" "$T/want" "a second change: a second block item, in the list's column"
cat >"$N/ruth.yaml" <<'EOF'
name: Ruth Adeyemi
org: Bell Labs
work:
  - {org: Bell Laboratories, title: Engineer, from: 2019-03, to: 2021-06}  # first job
  - org: Télécom Paris
    from: 2015
EOF
run nw-check
is "$rc:$(printf '%s\n' "$out" | sed "s|^$N/||")" "1:ruth.yaml:6:11: error: work from '2015' is not a date (YYYY-MM-DD or YYYY-MM)" \
	"nw-check: work dates are dates or months"
sed -i 's/from: 2015/from: 2015-09/' "$N/ruth.yaml"
run nw-check
is "$rc:$out" "0:" "nw-check: a month passes"

# --- nw-show, nw-ls -o -----------------------------------------------------
run nw-show grace
is "$(printf '%s\n' "$out" | grep -A1 '^  work')" "  work      Rear Admiral at US Navy, until 2026-11-25
            Senior Mathematician at Sperry, until 2026-11-25" "nw-show: the history, one job a line"
run nw-show ruth
is "$(printf '%s\n' "$out" | grep -A1 '^  work')" "  work      Engineer at Bell Laboratories, 2019-03 to 2021-06
            Télécom Paris, from 2015-09" "nw-show: from and to"
run nw-ls -o 'us navy'
is "$rc:$out" "0:grace	Grace Hopper" "nw-ls -o: a past org, any case"
run nw-ls -o 'telecom paris' -o univac
is "$out" "grace	Grace Hopper
ruth	Ruth Adeyemi" "nw-ls -o: accents folded; repeated: either"
run nw-ls -o 'Bell'
is "$out" "" "nw-ls -o: the whole name, not a part"

# --- LinkedIn: two exports a month apart, three people changed -------------
notes() {
	printf '\357\273\277Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n'
}
{ notes; printf '%s\r\n' \
	'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.org,Analytical Engines Ltd,Mathematician,15 Mar 2024' \
	'Charles,Babbage,https://www.linkedin.com/in/babbage,,"Difference, Engines",Inventor,02 Jan 2023' \
	'José,Núñez,https://www.linkedin.com/in/jose-nunez,,Universidad de Chile,Profesor,28 Feb 2021' \
	'Alan,Turing,https://www.linkedin.com/in/alan-turing,,Bletchley Park,Cryptanalyst,05 Nov 2024' \
	'Mei,Chen,https://www.linkedin.com/in/mei-chen,,Ferrous Systems,Engineer,05 Nov 2024'; } >"$T/october.csv"
{ notes; printf '%s\r\n' \
	'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.org,New Co,Staff Engineer,15 Mar 2024' \
	'Charles,Babbage,https://www.linkedin.com/in/babbage,,"Difference, Engines",Chief Inventor,02 Jan 2023' \
	'José,Núñez,https://www.linkedin.com/in/jose-nunez,,Universidad de Chile,Profesor,28 Feb 2021' \
	'Alan,Turing,https://www.linkedin.com/in/alan-turing,,University of Manchester,Reader,05 Nov 2024' \
	'Mei,Chen,https://www.linkedin.com/in/mei-chen,,ferrous systems,Engineer,05 Nov 2024' \
	'Kenji,Watanabe,https://www.linkedin.com/in/kenji,,Sony,Designer,03 Dec 2024'; } >"$T/november.csv"
NW_TODAY=2026-10-20 run nw-import "$T/october.csv"
is "$rc" "0" "the first export: imported"
NW_TODAY=2026-10-21 run nw-log -k call -m 'Talked about Manchester' alan
run nw-set mei next 2026-12-01
run nw-set charles next 2026-12-24
cp "$N/jose-nunez.yaml" "$T/jose.before"
git -C "$N" status --porcelain >"$T/status"

run nw-import -n -u "$T/november.csv"
is "$rc:$out" "0:ada-lovelace	job	Ada Lovelace	job: Now Staff Engineer at New Co
charles-babbage	job	Charles Babbage	job: Now Chief Inventor at Difference, Engines
jose-nunez	skip	José Núñez	nothing new
alan-turing	job	Alan Turing	job: Now Reader at University of Manchester
mei-chen	skip	Mei Chen	nothing new
kenji-watanabe	create	Kenji Watanabe" "nw-import -n -u: three moves in the table, the same org in another case none"
git -C "$N" status --porcelain >"$T/status.n"
same "$T/status.n" "$T/status" "nw-import -n: nothing written"

run nw-import -u "$T/november.csv"
is "$rc:$out" "0:ada-lovelace
charles-babbage
alan-turing
kenji-watanabe" "nw-import -u: the changed and the new"
is "$(git -C "$N" log -1 --format=%s)" "Import 1 contact, update 3" "one commit"
want <<'EOF'
name: Ada Lovelace
org: New Co
title: Staff Engineer
email: ada@example.org
links: {linkedin: "https://www.linkedin.com/in/ada-lovelace"}
met: {date: "2024-03-15", where: LinkedIn}
added: 2026-10-20
work:
  - {org: Analytical Engines Ltd, title: Mathematician, to: 2026-11-25}
log:
  - {date: 2026-11-25, kind: job, note: Now Staff Engineer at New Co}
next: 2026-11-25
next-note: Congratulate on the new job
EOF
same "$N/ada-lovelace.yaml" "$T/want" "ada: the old job in work, a job entry, a follow-up"
want <<'EOF'
name: Alan Turing
org: University of Manchester
title: Reader
links: {linkedin: "https://www.linkedin.com/in/alan-turing"}
met: {date: "2024-11-05", where: LinkedIn}
added: 2026-10-20
log:
  - {date: 2026-10-21, kind: call, note: Talked about Manchester}
  - {date: 2026-11-25, kind: job, note: Now Reader at University of Manchester}
work:
  - {org: Bletchley Park, title: Cryptanalyst, to: 2026-11-25}
next: 2026-11-25
next-note: Congratulate on the new job
EOF
same "$N/alan-turing.yaml" "$T/want" "alan: the entry after his call"
is "$(grep -c 'kind: job' "$N"/*.yaml | grep -v ':0$' | sed "s|^$N/||")" "ada-lovelace.yaml:1
alan-turing.yaml:1
charles-babbage.yaml:1" "three job entries"
is "$(grep '^next' "$N/charles-babbage.yaml")" "next: 2026-12-24" \
	"charles: a job change keeps the follow-up already set, adds no note"
same "$N/jose-nunez.yaml" "$T/jose.before" "no change: the file untouched"
is "$(grep '^next' "$N/mei-chen.yaml")" "next: 2026-12-01" "mei: the same org in another case is no move"

run nw-ls -l
is "$(printf '%s\n' "$out" | grep -e ^ada -e ^alan)" "ada-lovelace	Ada Lovelace		2026-10-20	2026-11-25
alan-turing	Alan Turing		2026-10-21	2026-11-25" "a job entry is no contact: last stays"
run nw-due -l ada
is "$out" "Ada Lovelace (ada-lovelace), due today
  why       follow-up: Congratulate on the new job
  last      never
  new job   2026-11-25, job: Now Staff Engineer at New Co" "nw-due -l: the new job"
run nw-due -l -j ada
is "$out" '{"id":"ada-lovelace","due":"2026-11-25","days":0,"name":"Ada Lovelace","reason":"follow-up: Congratulate on the new job","type":"person","last":null,"next":"2026-11-25","next-note":"Congratulate on the new job","offers":[],"topics":[],"gives":0,"asks":0,"got":0,"owe":0,"open-asks":[],"soon":null,"job":{"date":"2026-11-25","days":0,"kind":"job","note":"Now Staff Engineer at New Co"}}' \
	"nw-due -l -j: the new job as an object, its age in days"
NW_TODAY=2027-02-23 run nw-due -l -j ada
is "$(printf '%s\n' "$out" | sed 's/.*"soon":null,//')" '"job":{"date":"2026-11-25","days":90,"kind":"job","note":"Now Staff Engineer at New Co"}}' \
	"nw-due -l -j: 90 days on, still there"
NW_TODAY=2027-02-24 run nw-due -l -j ada
is "$(printf '%s\n' "$out" | sed 's/.*"soon":null,//')" '"job":null}' \
	"nw-due -l -j: 91 days on, null"
run nw-stats
is "$(printf '%s\n' "$out" | grep '^job')" "job	ada-lovelace	2026-11-25
job	alan-turing	2026-11-25
job	charles-babbage	2026-11-25" "nw-stats: the job changes of 90 days"
NW_TODAY=2027-03-01 run nw-stats
is "$(printf '%s\n' "$out" | grep -c '^job')" "0" "nw-stats: 96 days on, none"

cp -R "$N" "$T/after"
run nw-import -u "$T/november.csv"
is "$rc:$out" "0:" "a third import of the same file: nothing"
is "$(diff -r -x .git -x .nw "$N" "$T/after" && echo same)" "same" "... and no byte changed"

# --- a job change is news for JOB_DAYS: one rule for nw-stats and nw-due -l -
# The newest job entry by date (not by place in the log) on or before
# today; one dated after today is not news until its day.
mknet jobs
cat >"$NW_DIR/olga.yaml" <<'EOF'
name: Olga Out Of Order
log:
  - {date: 2026-11-01, kind: job, note: Now at Newer}
  - {date: 2026-09-01, kind: job, note: Now at Older}
EOF
cat >"$NW_DIR/fay.yaml" <<'EOF'
name: Fay Future
log:
  - {date: 2026-10-01, kind: job, note: Now at Present}
  - {date: 2026-12-10, kind: job, note: Now at Future}
EOF
cat >"$NW_DIR/ned.yaml" <<'EOF'
name: Ned Ninety
log:
  - {date: 2026-08-27, kind: job, note: Now at Ninety}
EOF
cat >"$NW_DIR/oki.yaml" <<'EOF'
name: Oki Ninety One
log:
  - {date: 2026-08-26, kind: job, note: Now at Ninety One}
EOF
cat >"$NW_DIR/tom.yaml" <<'EOF'
name: Tom Tomorrow
log:
  - {date: 2026-11-26, kind: job, note: Now at Tomorrow}
EOF
settle		# old enough for the cache (lib.sh): the scans below read it
run nw-stats
is "$rc:$(printf '%s\n' "$out" | grep '^job')" "0:job	olga	2026-11-01
job	fay	2026-10-01
job	ned	2026-08-27" "nw-stats: the newest by date, the future not yet, 90 days in, 91 out"
run nw-due -l olga fay ned oki tom
is "$rc:$(printf '%s\n' "$out" | grep -e '^[A-Z]' -e 'new job')" "0:Fay Future (fay), due today
  new job   2026-10-01, job: Now at Present
Ned Ninety (ned), due today
  new job   2026-08-27, job: Now at Ninety
Oki Ninety One (oki), due today
Olga Out Of Order (olga), due today
  new job   2026-11-01, job: Now at Newer
Tom Tomorrow (tom), due today" "nw-due -l: the same job changes as nw-stats"
run nw-due -l -j fay
is "$(printf '%s\n' "$out" | sed 's/.*"soon":null,//')" '"job":{"date":"2026-10-01","days":55,"kind":"job","note":"Now at Present"}}' \
	"nw-due -l -j: a job entry after today is not news yet"
NW_TODAY=2026-11-26 run nw-stats
is "$(printf '%s\n' "$out" | grep '^job')" "job	tom	2026-11-26
job	olga	2026-11-01
job	fay	2026-10-01" "nw-stats: on its day the job entry is news; ned at 91 days is not"
NW_TODAY=2026-11-26 NW_CACHE=0 nw-stats >"$T/u.out"
NW_TODAY=2026-11-26 nw-stats >"$T/c.out"
same "$T/c.out" "$T/u.out" "nw-stats: the job dates the cache keeps are the file's"
NW_TODAY=2026-11-26 run nw-due -l tom ned
is "$(printf '%s\n' "$out" | grep -e '^[A-Z]' -e 'new job')" "Ned Ninety (ned), due today
Tom Tomorrow (tom), due today
  new job   2026-11-26, job: Now at Tomorrow" "nw-due -l: the same day by day"
NW_TODAY=2026-12-10 run nw-due -l -j fay
is "$(printf '%s\n' "$out" | sed 's/.*"soon":null,//')" '"job":{"date":"2026-12-10","days":0,"kind":"job","note":"Now at Future"}}' \
	"nw-due -l -j: the later job entry on its day"
NW_TODAY=2026-12-10 run nw-stats
is "$(printf '%s\n' "$out" | grep '^job	fay')" "job	fay	2026-12-10" "nw-stats: the same"

done_testing
