#!/bin/sh
# nw-export -f dot: the network as a Graphviz graph, which dot renders
# without a warning; its nodes and edges counted.
. "$(dirname "$0")/lib.sh"

EX=$TOP/examples/network
run nw-export -C "$EX" -f dot
is "$rc" "0" "-f dot: exit 0"
printf '%s\n' "$out" >"$T/net.dot"
is "$(grep -c '\[label=.*width=' "$T/net.dot")" "16" "a node for each of the 16 contacts"
is "$(grep -c ' -> ' "$T/net.dot")" "9" "9 edges: 4 introductions, 2 rel, 3 memberships"
is "$(grep -e mentor -e '"charles-babbage" -> "ada' "$T/net.dot")" '  "charles-babbage" -> "ada-lovelace" [label="introduced", style=dashed];
  "ada-lovelace" -> "charles-babbage" [label="mentor"];' "met.via and rel, rel labelled by its role"
is "$(grep '^  "analytical-engine-society" \[' "$T/net.dot")" '  "analytical-engine-society" [label="Analytical Engine Society", shape=box, width=0.95, peripheries=2];' \
	"a community: a box, overdue: a double outline"
nw-ls -C "$EX" -g ACM >"$T/rust"
runin "$T/rust" nw-export -C "$EX" -f dot -
is "$rc:$(printf '%s\n' "$out" | grep -c 'width=')" "0:2" "references narrow it: the two of group ACM"
is "$(printf '%s\n' "$out" | grep ' -> ')" '  "ada-lovelace" -> "work/grace-hopper" [label="friend"];' \
	"no edge leaves the graph"
# -c, -g and -t narrow it as in nw-ls: nodes only for those, edges inside
run nw-export -C "$EX" -f dot -c close -c regular
printf '%s\n' "$out" >"$T/cr.dot"
is "$rc:$(grep -c 'width=' "$T/cr.dot"):$(grep -c ' -> ' "$T/cr.dot")" "0:7:3" \
	"-c close -c regular: 7 nodes (either circle), 3 edges"
is "$(grep -o '^  "[a-z-]*" \[' "$T/cr.dot" | tr -d ' "[' | tr '\n' ' ')" \
	"ada-lovelace charles-babbage jose-nunez lena-fischer mei-chen priya-raman sofia-rossi " \
	"... the contacts of those circles, in the order of their ids"
is "$(grep ' -> ' "$T/cr.dot")" '  "charles-babbage" -> "ada-lovelace" [label="introduced", style=dashed];
  "ada-lovelace" -> "charles-babbage" [label="mentor"];
  "priya-raman" -> "lena-fischer" [label="introduced", style=dashed];' \
	"... the edges between them only"
run nw-export -C "$EX" -f dot -t rust -t Mathematics
is "$rc:$(printf '%s\n' "$out" | grep -c 'width='):$(printf '%s\n' "$out" | grep -c ' -> ')" "0:2:0" \
	"-t rust -t Mathematics: either tag, any case; no edge between them"
run nw-export -C "$EX" -f dot -g 'analytical engine society'
is "$rc:$(printf '%s\n' "$out" | grep -c 'width='):$(printf '%s\n' "$out" | grep -c ' -> ')" "0:2:2" \
	"-g: the two members (the community holds no group of its own name)"
run nw-export -C "$EX" -f dot -c close ada-lovelace charles-babbage
is "$rc:$(printf '%s\n' "$out" | grep -c 'width='):$(printf '%s\n' "$out" | grep -c ' -> ')" "0:1:0" \
	"-c and refs: those named and in the circle"
run nw-export -C "$EX" -f dot -c nosuch
is "$rc:$out:$err" "2::nw-export: 'nosuch': not a circle (inner, close, regular, outer, family)" \
	"-c of no circle: a usage error, nothing written"
if command -v dot >/dev/null; then
	dot -Tsvg "$T/cr.dot" >"$T/cr.svg" 2>"$T/dot.err"
	is "$?:$(cat "$T/dot.err"):$(grep -c 'class="node"' "$T/cr.svg"):$(grep -c 'class="edge"' "$T/cr.svg")" "0::7:3" \
		"the narrowed graph renders without a warning: 7 nodes, 3 edges"
else
	skip "graphviz (dot) is not installed"
fi
if command -v dot >/dev/null; then
	dot -Tsvg "$T/net.dot" >"$T/net.svg" 2>"$T/dot.err"
	is "$?:$(cat "$T/dot.err")" "0:" "dot -Tsvg renders it without a warning"
	is "$(grep -c 'class="node"' "$T/net.svg"):$(grep -c 'class="edge"' "$T/net.svg")" "16:9" \
		"the SVG: 16 nodes, 9 edges"
else
	skip "graphviz (dot) is not installed"
	skip "graphviz (dot) is not installed"
fi
done_testing
