# bash completion for nw and the nw-* commands			-*- sh -*-
#
# Options come from each command's own usage text (nw-foo -h), which is
# its manual's SYNOPSIS: a command that grows an option completes it with
# no change here.  An option's argument, or a positional word, completes
# by its name in the usage: ref and via are contact ids (from nw-ls), tag,
# group and circle come from the network, dir is a folder, file a file.

# The usage of a command as lines: "f -a" a flag, "o -C dir" an option
# and the name of its argument (a|b|c for choices), "p ref" the
# positional words in order, "p ..." when the last repeats.  The parser
# is completion/nw-opts.awk, which make puts in place of its name.
_nw_parse_usage() {
	"$1" -h 2>/dev/null | awk -v cmd="$1" '
@nw-opts.awk@
'
}

# The parsed usage of a command, asked once a shell.
_nw_usage() {
	local var=_nw_usage_${1//[^a-zA-Z0-9]/_}
	if [ -z "${!var+set}" ]; then
		printf -v "$var" '%s' "$(_nw_parse_usage "$1")"
	fi
	printf '%s\n' "${!var}"
}

# The network: -C on the command line, else NW_DIR, else the default.
_nw_dir() {
	local i dir=
	for ((i = 1; i < ${#words[@]} && i < cword; i++)); do
		case ${words[i]} in
		-C) dir=${words[i + 1]} ;;
		-C?*) dir=${words[i]#-C} ;;
		esac
	done
	[ -n "$dir" ] || dir=$_nw_topdir
	[ -n "$dir" ] || dir=${NW_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/nw}
	case $dir in
	"~"/*) dir=$HOME/${dir#"~"/} ;;
	esac
	printf '%s\n' "$dir"
}

_nw_ids() {
	nw-ls -C "$(_nw_dir)" 2>/dev/null | cut -f 1
}

# Every value of a list in nw-ls -j (tags, groups), each once.
_nw_jsonlist() {
	nw-ls -j -C "$(_nw_dir)" 2>/dev/null |
	    sed -n 's/.*"'"$1"'":\[\([^]]*\)\].*/\1/p' |
	    awk '{
		n = split($0, v, /","/)
		for (i = 1; i <= n; i++) {
			s = v[i]
			sub(/^"/, "", s); sub(/"$/, "", s)
			gsub(/\\"/, "\"", s); gsub(/\\\\/, "\\", s)
			if (s != "")
				print s
		}
	    }' | sort -u
}

# The circles in force, as nw reads the settings (the defaults too).
_nw_circles() {
	nw -C "$(_nw_dir)" circles 2>/dev/null | cut -f 1
}

# Offer the lines of standard input that begin with $cur, quoted for
# the shell.
_nw_offer() {
	local c raw=${cur//\\/}
	while IFS= read -r c; do
		case $c in
		"$raw"*) COMPREPLY+=("$(printf '%q' "$c")") ;;
		esac
	done
}

_nw_keys() {
	printf '%s\n' name type aka circle every next next-note tags groups \
	    topics offers org title work email phone links address birthday \
	    dates met rel added notes log
	_nw_roles | sed 's/^/rel./'
}

# The roles of rel that nw(5) names (schema.c's table).
_nw_roles() {
	printf '%s\n' spouse partner parent child sibling mentor mentee \
	    manager report colleague friend introduced introduced-by
}

# Files or folders (-f, -d), quoted by bash itself.
_nw_files() {
	local IFS='
'
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen "$1" -- "$cur"))
}

# Candidates for an argument or a positional word, by its name; value
# (of nw-set) by the key before it.
_nw_values() {
	case $1 in
	*\|*)	printf '%s\n' "$1" | tr '|' '\n' ;;
	ref|via) _nw_ids ;;
	role)	_nw_roles ;;
	tag)	_nw_jsonlist tags ;;
	group)	_nw_jsonlist groups ;;
	circle)	_nw_circles ;;
	kind)	nw kinds 2>/dev/null ;;
	type)	printf '%s\n' person community ;;
	date)	printf '%s\n' today yesterday ;;
	key)	_nw_keys ;;
	key=*)	_nw_keys | grep -v '^rel\.' | sed 's/$/=/' ;;
	value)
		case $2 in
		circle) _nw_circles ;;
		type) printf '%s\n' person community ;;
		tags|groups|topics|offers) _nw_jsonlist "$2" ;;
		rel.*) _nw_ids ;;
		esac ;;
	esac
}

# One word by its name in the usage.
_nw_word() {
	case $1 in
	dir|folder) _nw_files -d ;;
	file|base|ours|theirs|path) _nw_files -f ;;
	?*)	_nw_offer < <(_nw_values "$1" "$2") ;;
	esac
	case $1 in
	*=*)	compopt -o nospace 2>/dev/null ;;
	esac
}

# Complete words[cword] for the command words[0].
_nw_complete_cmd() {
	local spec line opt arg expect= w i k n=0 prevpos= name last=
	spec=$(_nw_usage "${words[0]}")
	[ -n "$spec" ] || return 0
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		if [ -n "$expect" ]; then
			expect=
			continue
		fi
		case $w in
		--)	;;
		-?*)
			for ((k = 1; k < ${#w}; k++)); do
				arg=$(printf '%s\n' "$spec" |
				    awk -v o="-${w:k:1}" '$1 == "o" && $2 == o { print $3; exit }')
				if [ -n "$arg" ]; then
					[ $((k + 1)) -eq ${#w} ] && expect=$arg
					break
				fi
			done ;;
		*)	prevpos=$w
			n=$((n + 1)) ;;
		esac
	done
	if [ -n "$expect" ]; then
		_nw_word "$expect"
		return 0
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(printf '%s\n' "$spec" |
		    awk '($1 == "f" || $1 == "o") && !seen[$2]++ { print $2 }')" \
		    -- "$cur"))
		return 0
	fi
	# the positional word at this place, or the last when it repeats
	i=0
	while read -r line; do
		case $line in
		"p ...") [ "$i" -le "$n" ] && name=$last ;;
		p\ *)	last=${line#p }
			[ "$i" -eq "$n" ] && name=$last
			i=$((i + 1)) ;;
		esac
	done <<EOF
$spec
EOF
	_nw_word "$name" "$prevpos"
	return 0
}

# nw-foo: words are the command line as it is.
_nw_cmd() {
	local cur=${COMP_WORDS[COMP_CWORD]} cword=$COMP_CWORD _nw_topdir=
	local words=("${COMP_WORDS[@]}")
	COMPREPLY=()
	_nw_complete_cmd
}

# nw [-C dir] command args: the commands, then the command's own words.
_nw() {
	local cur=${COMP_WORDS[COMP_CWORD]} cword=$COMP_CWORD _nw_topdir=
	local words=("${COMP_WORDS[@]}") i cmd=
	COMPREPLY=()
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		-C) _nw_topdir=${words[i + 1]}; i=$((i + 1)) ;;
		-C?*) _nw_topdir=${words[i]#-C} ;;
		-*) ;;
		*) cmd=${words[i]}; break ;;
		esac
	done
	if [ "$i" -ge "$cword" ] || [ -z "$cmd" ]; then
		case ${words[cword - 1]} in
		-C) _nw_files -d; return 0 ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '-C -h -V' -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_nw_commands) help git circles kinds" \
			    -- "$cur"))
		fi
		return 0
	fi
	case $cmd in
	help)	[ $((i + 1)) -eq "$cword" ] &&
		    COMPREPLY=($(compgen -W "$(_nw_commands)" -- "$cur")) ;;
	git)	;;
	*)	words=("nw-$cmd" "${words[@]:i+1}")
		cword=$((cword - i))
		_nw_complete_cmd ;;
	esac
	return 0
}

# The nw-* programs on PATH, without the prefix.
_nw_commands() {
	compgen -c nw- | sed 's/^nw-//' | sort -u
}

complete -F _nw nw
complete -F _nw_cmd nw-add nw-check nw-due nw-edit nw-export nw-give \
    nw-import nw-init nw-log nw-ls nw-merge nw-mv nw-rm nw-set nw-show \
    nw-stats nw-mail nw-cal nw-vdir
