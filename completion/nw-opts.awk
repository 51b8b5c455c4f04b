# completion/nw-opts.awk - the usage of a command (nw-foo -h, the SYNOPSIS
# of its manual) as lines for completion: "f -a" a flag, "o -C dir" an option
# and the name of its argument (a|b|c for choices), "p ref" the
# positional words in order, "p ..." when the last repeats.  The one
# parser of nw.bash and _nw: make puts it into both where they say
# @nw-opts.awk@, inside single quotes, so it holds none.  Run as
# awk -v cmd=nw-foo.
NF == 0 { exit }	# the usage ends where the options begin
{
	sub(/^usage:[ \t]*/, "")
	sub(/^[ \t]+/, "")
	if ($1 == cmd)
		sub(/^[^ \t]+[ \t]*/, "")
	gsub(/\[/, " [ "); gsub(/\]/, " ] "); gsub(/\|/, " | ")
	n = split($0, t, /[ \t]+/)
	t[n + 1] = ""
	for (i = 1; i <= n; i++) {
		w = t[i]
		if (w == "" || w == "[" || w == "]" || w == "|")
			continue
		if (w ~ /^-./) {
			a = t[i + 1]
			if (a == "" || a ~ /^-/ || a == "[" || a == "]" ||
			    a == "|" || a == "...") {
				for (k = 2; k <= length(w); k++)
					print "f -" substr(w, k, 1)
				continue
			}
			for (i += 2; t[i] == "|" && t[i + 1] !~ /^-/ &&
			    t[i + 1] != ""; i += 2)
				a = a "|" t[i + 1]
			i--
			print "o " w " " a
			continue
		}
		if (!posline)
			posline = NR
		if (posline == NR)
			print "p " w
	}
}
