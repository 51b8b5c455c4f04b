#!/bin/sh
# nw-vdir with a real CardDAV server and real clients: Radicale on
# 127.0.0.1, vdirsyncer syncing nw's vdir and a "phone" vdir with it, the
# phone's card rewritten by python3-vobject as a phone writes it, khard
# reading the phone's side.  Skipped when a tool is absent.
. "$(dirname "$0")/lib.sh"

PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3	# Debian's, with vobject
for tool in radicale vdirsyncer git; do
	if ! command -v $tool >/dev/null; then
		echo "1..0 # SKIP $tool is not installed"
		echo "$(basename "$0"): skipped: $tool is not installed" >&2
		exit 0
	fi
done
if ! $PY -c 'import vobject' 2>/dev/null; then
	echo "1..0 # SKIP python3-vobject is not installed"
	echo "$(basename "$0"): skipped: python3-vobject is not installed" >&2
	exit 0
fi
git config --global init.defaultBranch main

# --- the server: a free port, its storage here, no authentication ------------

port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$T/radicale.conf" <<EOF
[server]
hosts = 127.0.0.1:$port
[auth]
type = none
[storage]
filesystem_folder = $T/storage
[logging]
level = info
EOF
radicale --config "$T/radicale.conf" >"$T/radicale.log" 2>&1 &
rpid=$!
trap 'kill $rpid 2>/dev/null; wait $rpid 2>/dev/null; rm -rf "$T"' EXIT
$PY - "$port" <<'EOF'
import sys, time, urllib.request
body = b'''<?xml version="1.0" encoding="utf-8"?>
<mkcol xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><set><prop>
<resourcetype><collection/><C:addressbook/></resourcetype></prop></set></mkcol>'''
url = "http://127.0.0.1:%s/t/contacts/" % sys.argv[1]
for i in range(100):
    try:
        req = urllib.request.Request(url, data=body, method="MKCOL",
            headers={"Content-Type": "application/xml",
                     "Authorization": "Basic dDp4"})
        urllib.request.urlopen(req)
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("radicale did not answer")
EOF
ok $? "radicale runs and has an address book"

# --- vdirsyncer: nw's vdir and the phone's, both with the server --------------

mkdir -p "$T/nw-vdir" "$T/phone" "$T/status"
cat >"$T/vdirsyncer.conf" <<EOF
[general]
status_path = "$T/status/"
EOF
for side in nw phone; do
	cat >>"$T/vdirsyncer.conf" <<EOF
[pair $side]
a = "${side}_local"
b = "${side}_server"
collections = null
[storage ${side}_local]
type = "filesystem"
path = "$T/$([ $side = nw ] && echo nw-vdir || echo phone)/"
fileext = ".vcf"
[storage ${side}_server]
type = "carddav"
url = "http://127.0.0.1:$port/t/contacts/"
username = "t"
password = "x"
EOF
done
sync() {
	vdirsyncer -c "$T/vdirsyncer.conf" sync "$1" >"$T/sync.out" 2>&1 ||
	    { echo "# vdirsyncer sync $1 failed:"; sed 's/^/# /' "$T/sync.out"; }
}
vdirsyncer -c "$T/vdirsyncer.conf" discover </dev/null >/dev/null 2>&1
requests() {
	grep -cE '\] (PUT|DELETE) request' "$T/radicale.log"
}

NW_DIR=$T/net
export NW_DIR
N=$NW_DIR
nw-init -g "$N" >/dev/null
nw-add "Ada Lovelace" >/dev/null
nw-set ada-lovelace email ada@example.org >/dev/null
nw-set ada-lovelace phone "+44 20 7946 0001" >/dev/null
nw-add "Charles Babbage" >/dev/null
nw-set charles-babbage email charles@example.org >/dev/null
printf 'vdir: %s\n' "$T/nw-vdir" >>"$N/.nw.yaml"
git -C "$N" commit -qam 'The vdir'

run nw-vdir
is "$rc|$err" "0|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 2 written, 0 removed" "nw-vdir writes the cards"
sync nw
sync phone
is "$(ls "$T/phone" | wc -l)" "2" "the phone has both cards through the server"

if command -v khard >/dev/null; then
	mkdir -p "$HOME/.config/khard"
	cat >"$HOME/.config/khard/khard.conf" <<EOF
[addressbooks]
[[phone]]
path = $T/phone
[general]
default_action = list
[contact table]
display = formatted_name
EOF
	is "$(khard email -p --remove-first-line 2>&1 | cut -f1,2 | LC_ALL=C sort)" "ada@example.org	Ada Lovelace
charles@example.org	Charles Babbage" "khard reads the phone's cards"
else
	skip "khard is not installed"
fi

# --- the phone edits Ada as phones do ----------------------------------------

ada=$(grep -l 'FN:Ada' "$T/phone"/*.vcf)
$PY - "$ada" <<'EOF'
import sys, vobject
path = sys.argv[1]
card = vobject.readOne(open(path, encoding="utf-8").read())
out = vobject.vCard()
out.add("version").value = "3.0"
out.add("prodid").value = "-//Phone//Contacts 1.0//EN"
out.add("uid").value = card.uid.value
for t in card.contents.get("tel", []):
    tel = out.add("tel"); tel.value = t.value; tel.type_paramlist = ["CELL", "VOICE", "pref"]
tel = out.add("tel"); tel.value = "+44 7700 900123"; tel.type_paramlist = ["HOME"]
em = out.add("email"); em.group = "item1"; em.type_paramlist = ["INTERNET", "pref"]
em.value = "ada.lovelace@example.org"
lab = out.add("x-ablabel"); lab.group = "item1"; lab.value = "_$!<Other>!$_"
out.add("n").value = card.n.value
out.add("fn").value = card.fn.value
ph = out.add("photo"); ph.encoding_param = "b"; ph.type_param = "JPEG"
ph.value = b"\xff\xd8\xff\xe0 not really a jpeg"
open(path, "w", encoding="utf-8").write(out.serialize())
EOF
ok $? "python3-vobject rewrites the phone's card"
sync phone
sync nw
cp "$N/ada-lovelace.yaml" "$T/old"
c0=$(git -C "$N" rev-list --count HEAD)
run nw-vdir
is "$rc|$out" "0|ada-lovelace" "the phone's change: Ada changed"
is "$err" "nw-vdir: from the vdir: 1 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "the phone's change: the summary"
sed -e 's/^email: ada@example.org$/email: ada.lovelace@example.org/' \
    -e 's/^phone: "+44 20 7946 0001"$/phone: ["+44 20 7946 0001", "+44 7700 900123"]/' \
    "$T/old" >"$T/want"
! cmp -s "$T/old" "$T/want"
ok $? "the change is a change"
same "$N/ada-lovelace.yaml" "$T/want" "the contact's bytes are the old plus exactly the change"
is "$(git -C "$N" rev-list --count HEAD)" "$((c0 + 1))" "one commit"

# --- a second run with nothing changed writes nothing on either side ---------

sync nw
sync phone
r0=$(requests)
c0=$(git -C "$N" rev-list --count HEAD)
(cd "$T/nw-vdir" && ls -li --time-style=full-iso) >"$T/before"
run nw-vdir
is "$out|$err" "|nw-vdir: from the vdir: 0 changed, 0 new, 0 deleted (kept); to the vdir: 0 written, 0 removed" "unchanged: nothing to do"
(cd "$T/nw-vdir" && ls -li --time-style=full-iso) >"$T/after"
same "$T/after" "$T/before" "unchanged: no file written"
sync nw
sync phone
is "$(requests)" "$r0" "unchanged: no request that writes reaches the server"
is "$(git -C "$N" rev-list --count HEAD)" "$c0" "unchanged: no commit"

# --- a card made on the phone: one new contact -------------------------------

$PY - "$T/phone/phone-new-1.vcf" <<'EOF'
import sys, vobject
c = vobject.vCard()
c.add("version").value = "3.0"
c.add("uid").value = "9d2b7e2c-phone-new-1"
c.add("n").value = vobject.vcard.Name(family="Hopper", given="Grace")
c.add("fn").value = "Grace Hopper"
t = c.add("tel"); t.value = "+1 555 0100"; t.type_param = "CELL"
open(sys.argv[1], "w", encoding="utf-8").write(c.serialize())
EOF
sync phone
sync nw
run nw-vdir
is "$rc|$out" "0|grace-hopper" "a new card: one new contact"
is "$(nw-set grace-hopper phone)" "+1 555 0100" "a new card: its phone"
run nw-vdir
is "$out" "" "a new card: taken once"

# --- a card deleted on the phone: the contact kept and said -----------------

rm "$ada"
sync phone
sync nw
run nw-vdir
is "$rc|$out" "0|" "a deleted card: no contact changed"
is "$err" "nw-vdir: ada-lovelace: deleted from the vdir, kept (nw-vdir -r ada-lovelace writes it back)
nw-vdir: from the vdir: 0 changed, 0 new, 1 deleted (kept); to the vdir: 0 written, 0 removed" "a deleted card: said"
same "$N/ada-lovelace.yaml" "$T/want" "a deleted card: the contact is kept"
run nw-vdir -r ada-lovelace
sync nw
sync phone
is "$(grep -l 'FN:Ada' "$T/phone"/*.vcf | wc -l)" "1" "-r: the card back on the phone"

kill $rpid
wait $rpid 2>/dev/null
done_testing
