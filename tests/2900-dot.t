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
