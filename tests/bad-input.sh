# The catalogue of bad input (tests/bad; tests/bad/MANIFEST says what each
# case must give) through the real binary, for every reader: form files,
# drafts, published disclosures, CSV, workbooks, kaiji's yaml and json
# exports and UTF-16 text for import, and the command line.
#
# A case that must fail (status 2) must end in exactly one line on stderr,
# "kaiji: FILE:POSITION: message" (or, on the command line, "kaiji: ..."
# naming the argument, followed at most by the usage lines), print nothing
# on stdout, and leave every file as it was: the draft's bytes and mtime,
# and the directory's listing (no temporary file, backup, lock or partial
# output).  A crash (status >= 128) or a hang (killed by timeout) fails.  A
# case that must succeed (status 0, a variant kaiji accepts, or an import
# that is written with notes) must name FILE:LINE in its notes.  No case
# may print a raw control character (ESC, BEL, C1, ...) anywhere.
#
# Cases whose name starts with '+' cannot live in git (directories, FIFOs,
# symbolic links, files over the size limit, deep nesting): this script
# makes them, see special().
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8 LANGUAGE=
B=${KAIJI_TEST_DATA%/data}/bad
D=$KAIJI_TEST_DATA
TIMEOUT=60
ESC=$(printf '\033')

# crash_or_hang DESC RC: fail on a signal or the timeout
crash_or_hang() {
	if [ "$2" -eq 124 ] || [ "$2" -eq 137 ]; then
		fail "$1: hung (killed after ${TIMEOUT}s)"
	elif [ "$2" -ge 128 ]; then
		fail "$1: crashed (status $2)"
	fi
}

# raw_free DESC FILE...: no C0 control other than tab and line feed, no
# DEL and no C1 control (as UTF-8) in the files
raw_free() {
	desc=$1
	shift
	checks=$((checks + 1))
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$@" ||
	    LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$@"; then
		fail "$desc: raw control characters in the output:"
		cat -v "$@" | head -5 | sed 's/^/    /' >&3
	fi
}

# snapshot DIR: names, sizes, mtimes and checksums of everything in DIR
snapshot() {
	(cd "$1" && for f in $(ls -A); do
		if [ -f "$f" ] && [ ! -L "$f" ]; then
			printf '%s %s %s\n' "$f" "$(stat -c '%s %y' "$f")" \
			    "$(cksum < "$f")"
		else
			printf '%s %s\n' "$f" "$(stat -c '%F' "$f")"
		fi
	done)
}

# unchanged DESC DIR BEFORE: DIR is as its snapshot BEFORE says
unchanged() {
	checks=$((checks + 1))
	snapshot "$2" >"$T/after"
	if ! cmp -s "$3" "$T/after"; then
		fail "$1: files changed:"
		diff "$3" "$T/after" | sed 's/^/    /' >&3
	fi
}

# status_is DESC WANT: the run's status ($rc) is WANT
status_is() {
	checks=$((checks + 1))
	if [ "$rc" -ne "$2" ]; then
		fail "$1: exit status $rc, expected $2"
		head -5 "$T/err" | cut -c1-200 | sed 's/^/    /' >&3
	fi
}

# expect_error DESC WANT: the run (status $rc, $T/out, $T/err) failed with
# exactly one line "kaiji: " containing WANT, and printed nothing on stdout
expect_error() {
	status_is "$1" 2
	checks=$((checks + 1))
	if [ "$(wc -l < "$T/err")" -ne 1 ]; then
		fail "$1: expected one line on stderr, got:"
		head -5 "$T/err" | cat -v | sed 's/^/    /' >&3
	fi
	contains "$T/err" "kaiji: $2"
	checks=$((checks + 1))
	[ ! -s "$T/out" ] || fail "$1: printed on stdout"
}

# special READER NAME PATH: make the case NAME (one starting with '+') at
# PATH, its scratch directory around it
special() {
	case $2 in
	+dir) mkdir "$3" ;;
	+fifo) mkfifo "$3" ;;
	+dangling) ln -s "$T/nowhere" "$3" ;;
	+loop) ln -s "$3" "$3" ;;
	+to-dir) ln -s "$T" "$3" ;;
	+to-devzero) ln -s /dev/zero "$3" ;;
	+to-devnull) ln -s /dev/null "$3" ;;
	+to-fifo) mkfifo "$T/fifo.$$" 2>/dev/null; ln -s "$T/fifo.$$" "$3" ;;
	+huge) truncate -s 17M "$3" ;;
	+page-16mib|+page-big-table|+page-deep|+page-long-cell)
		# a page of 16 MiB (over the limit), 200000 rows more than the
		# form has, 100000 nested elements, a 12 MB cell
		page=$D/aspic/service-2021.html
		case $2 in
		+page-16mib)
			{ head -c 2000 "$page" | sed '$d'
			  head -c $((16 * 1024 * 1024)) /dev/zero | tr '\0' ' '
			  tail -c 300 "$page"; } >"$3" ;;
		+page-big-table)
			{ sed -n '1,/<\/tbody>/p' "$page" | sed -e '$d' \
			      -e 's/^            国内3 国外0$//'
			  awk 'BEGIN { for (i = 0; i < 200000; i++)
			      printf "<tr><td>%d</td><td rowspan=\"9\">x</td><td>y</td><td>z</td></tr>\n", i % 99 }'
			  sed -n '/<\/tbody>/,$p' "$page"; } >"$3" ;;
		+page-deep)
			{ head -n 20 "$page"
			  awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<div>" }'
			  printf '\n</html>\n'; } >"$3" ;;
		+page-long-cell)
			awk '/^            架空テック株式会社$/ && !done {
			    for (i = 0; i < 800000; i++) printf "あいうえお";
			    print ""; done = 1; next } { print }' "$page" >"$3" ;;
		esac ;;
	+deep)
		{ printf 'kaiji-%s: 1\nx: ' "${1%s}"
		  head -c 100000 /dev/zero | tr '\0' '['; } >"$3" ;;
	+deep-block)
		printf 'kaiji-%s: 1\n' "${1%s}" >"$3"
		awk 'BEGIN { s = ""; for (i = 0; i < 2000; i++) {
		    printf "%sk%d:\n", s, i; s = s " " } }' >>"$3" ;;
	+long-line)
		case $1 in
		published)
			head -n 20 "$D/import/clean-2021.txt" >"$3"
			printf '2\t事業者名\t' >>"$3"
			awk 'BEGIN { for (i = 0; i < 200000; i++)
			    printf "あいうえお" }' >>"$3"
			printf '\n' >>"$3" ;;
		csv)
			printf 'ID,申請内容,様式,版\r\n2.1,' >"$3"
			awk 'BEGIN { for (i = 0; i < 200000; i++)
			    printf "あいうえお" }' >>"$3"
			printf ',asp-saas,2021\r\n' >>"$3" ;;
		*)
			printf 'kaiji-%s: 1\nx: ' "${1%s}" >"$3"
			head -c 3000000 /dev/zero | tr '\0' 'x' >>"$3" ;;
		esac ;;
	+many-cells)
		{ printf 'ID,申請内容,様式,版\r\n'
		  awk 'BEGIN { for (i = 0; i < 300000; i++) printf "9.%d,x,asp-saas,2021\r\n", i }'
		} >"$3" ;;
	*) echo "unknown special case $2" >&2; exit 99 ;;
	esac
}

# fill READER NAME PATH: put case NAME at PATH (a copy, or made here)
fill() {
	case $2 in
	+*) special "$@" ;;
	*) cp "$B/$1/$2" "$3" ;;
	esac
}

# run DESC COMMAND...: run with a time limit; $rc, $T/out, $T/err
run() {
	desc=$1
	shift
	timeout -s KILL "$TIMEOUT" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	crash_or_hang "$desc" "$rc"
	raw_free "$desc" "$T/out" "$T/err"
}

ncases=0

# A draft through every command that reads one.
draft_case() {
	name=$1 want=$2 expect=$3
	W=$T/w
	mkdir "$W"
	P=$W/$name
	fill drafts "$name" "$P"
	snapshot "$W" >"$T/before"
	for cmd in summary get set export-text export-csv diff migrate; do
		case $cmd in
		summary) run "summary $name" "$KAIJI" summary "$P" ;;
		get) run "get $name" "$KAIJI" get "$P" 2.1 ;;
		set) run "set $name" "$KAIJI" set "$P" 2.1 changed ;;
		export-text) run "export $name" "$KAIJI" export "$P" --to text ;;
		export-csv)
			run "export -o $name" "$KAIJI" export "$P" --to csv \
			    -o "$W/out.csv" ;;
		diff) run "diff $name" "$KAIJI" diff "$D/complete-2021.yaml" "$P" ;;
		migrate) run "migrate $name" "$KAIJI" migrate "$P" --edition 2019 ;;
		esac
		expect_error "$cmd $name" "$(printf '%s' "$expect" | sed "s|@|$P|g")"
		unchanged "$cmd $name" "$W" "$T/before"
	done
	rm -rf "$W"
}

# A form file alone in a form directory (NAME may be "a.yaml+b.yaml": the
# files put there together, the first the one with the error; "a.yaml+":
# a file that names itself, so only under its own name): kaiji forms
# reads every file; kaiji new reads every edition of asp-saas, so a single
# file is also tried as asp-saas-2099.yaml.
form_case() {
	name=$1 want=$2 expect=$3
	W=$T/w
	mkdir "$W" "$W/forms" "$W/new"
	case $name in
	+*)
		P=$W/forms/x.yaml
		fill forms "$name" "$P" ;;
	*)
		P=$W/forms/${name%%+*}
		for one in $(printf '%s' "$name" | tr + ' '); do
			cp "$B/forms/$one" "$W/forms/"
		done ;;
	esac
	snapshot "$W/forms" >"$T/before"
	run "forms with $name" env KAIJI_FORMS_DIR="$W/forms" "$KAIJI" forms
	expect_error "forms with $name" "$(printf '%s' "$expect" | sed "s|@|$P|")"
	unchanged "forms with $name" "$W/forms" "$T/before"
	case $name in ?*+*) rm -rf "$W"; return ;; esac
	P=$W/new/asp-saas-2099.yaml
	fill forms "$name" "$P"
	snapshot "$W/new" >"$T/before"
	run "new with $name" env KAIJI_FORMS_DIR="$W/new" "$KAIJI" new "$W/n.yaml"
	expect_error "new with $name" "$(printf '%s' "$expect" | sed "s|@|$P|")"
	ok "new with $name: no draft" test ! -e "$W/n.yaml"
	unchanged "new with $name" "$W/new" "$T/before"
	rm -rf "$W"
}

# A file to import: status 2 and nothing written, or status 0 with a
# draft kaiji can read and notes that name the file and line.
import_case() {
	reader=$1 name=$2 want=$3 expect=$4
	W=$T/w
	mkdir "$W"
	P=$W/$name
	fill "$reader" "$name" "$P"
	set -- --format "$reader"
	[ "$reader" != utf16 ] || set --	# UTF-16 is told by its mark
	case $name in
	*.cp932.csv) set -- "$@" --encoding cp932 ;;
	*.utf-8.csv) set -- "$@" --encoding utf-8 ;;
	esac
	snapshot "$W" >"$T/before"
	run "import $name" "$KAIJI" import "$@" "$P" -o "$W/new.yaml"
	want_line=$(printf '%s' "$expect" | sed "s|@|$P|")
	if [ "$want" -eq 2 ]; then
		expect_error "import $name" "$want_line"
		unchanged "import $name" "$W" "$T/before"
	else
		status_is "import $name" "$want"
		[ "$expect" = - ] || contains "$T/err" "kaiji: $want_line"
		checks=$((checks + 1))
		if grep -v "^kaiji: $P:[0-9][0-9]*: \|^kaiji: $P: \|^kaiji: $W/new.yaml: [0-9]* of [0-9]* fields answered" "$T/err" >"$T/odd"; then
			fail "import $name: lines that do not name the file and line:"
			sed 's/^/    /' "$T/odd" >&3
		fi
		status 1 "import $name: the draft reads" "$KAIJI" summary "$W/new.yaml" >/dev/null 2>&1
	fi
	rm -rf "$W"
}

# A command line: one argument per line of tests/bad/cli/NAME.args, with
# printf escapes and @DRAFT (a complete draft), @W (its directory, which
# also holds a directory "sub", a FIFO "fifo" and a dangling link
# "dangling"), @LONG (100000 x), @HUGE (over every size limit), @NULFILE
# (a file with a NUL byte), @CSV (a good kaiji CSV); standard input from
# NAME.stdin if there is one.  The first line on stderr must name the
# argument; only the usage lines may follow.
cli_case() {
	name=$1 want=$2 expect=$3
	W=$T/w
	mkdir "$W" "$W/sub"
	mkfifo "$W/fifo"
	ln -s "$W/nowhere" "$W/dangling"
	cp -p "$D/complete-2021.yaml" "$W/d.yaml"
	set --
	while IFS= read -r arg; do
		arg=$(printf '%bx' "$arg")
		arg=${arg%x}
		case $arg in
		@LONG) arg=$LONG ;;
		@HUGE) arg=$T/huge ;;
		@NULFILE) arg=$T/nul.txt ;;
		@CSV) arg=$T/good.csv ;;
		*) arg=$(printf '%s' "$arg" | sed -e "s|@DRAFT|$W/d.yaml|g" \
		    -e "s|@W|$W|g") ;;
		esac
		set -- "$@" "$arg"
	done <"$B/cli/$name.args"
	in=/dev/null
	[ -f "$B/cli/$name.stdin" ] && in=$B/cli/$name.stdin
	snapshot "$W" >"$T/before"
	timeout -s KILL "$TIMEOUT" "$KAIJI" "$@" >"$T/out" 2>"$T/err" <"$in"
	rc=$?
	crash_or_hang "cli $name" "$rc"
	raw_free "cli $name" "$T/out" "$T/err"
	status_is "cli $name" "$want"
	head -n 1 "$T/err" >"$T/first"
	contains "$T/first" "$(printf '%s' "$expect" | sed -e "s|@DRAFT|$W/d.yaml|g" -e "s|@W|$W|g")"
	checks=$((checks + 1))
	[ "$(wc -c < "$T/first")" -le 1000 ] ||
	    fail "cli $name: a message of $(wc -c < "$T/first") bytes"
	checks=$((checks + 1))
	case $(cat "$T/first") in
	"kaiji: "*) ;;
	*) fail "cli $name: the first line is not 'kaiji: ...'" ;;
	esac
	checks=$((checks + 1))
	if sed 1d "$T/err" | grep -v "^Usage: kaiji \|^Try 'kaiji --help'" >"$T/odd"; then
		fail "cli $name: more than the error and the usage on stderr:"
		sed 's/^/    /' "$T/odd" | cut -c1-200 >&3
	fi
	checks=$((checks + 1))
	[ ! -s "$T/out" ] || fail "cli $name: printed on stdout"
	unchanged "cli $name" "$W" "$T/before"
	rm -rf "$W"
}

LONG=$(head -c 100000 /dev/zero | tr '\0' x)
truncate -s 17M "$T/huge"
printf 'a\000b\n' >"$T/nul.txt"
"$KAIJI" export "$D/complete-2021.yaml" --to csv -o "$T/good.csv"

# workbooks only where kaiji was built to read them
no_xlsx=
if ! "$KAIJI" import --format xlsx "$B/xlsx/good.xlsx" -o "$T/x.yaml" 2>"$T/err" &&
    grep -q "without xlsx support" "$T/err"; then
	no_xlsx=1
fi
rm -f "$T/x.yaml"
[ -z "$no_xlsx" ] || echo "# kaiji built without xlsx support: workbook cases not run"

# the manifest: READER<tab>CASE<tab>STATUS<tab>EXPECTED ('@' is the file)
tab=$(printf '\t')
while IFS="$tab" read -r reader name want expect; do
	case $reader in ''|'#'*) continue ;; esac
	ncases=$((ncases + 1))
	case $reader in
	draft) draft_case "$name" "$want" "$expect" ;;
	form) form_case "$name" "$want" "$expect" ;;
	published|csv|html|export|utf16) import_case "$reader" "$name" "$want" "$expect" ;;
	xlsx) [ -n "$no_xlsx" ] || import_case "$reader" "$name" "$want" "$expect" ;;
	cli) cli_case "$name" "$want" "$expect" ;;
	*) echo "MANIFEST: unknown reader '$reader'" >&2; exit 99 ;;
	esac
done <"$B/MANIFEST"

# every file in the catalogue is in the manifest, and the other way round
for dir in drafts forms published csv xlsx html export utf16 cli; do
	reader=${dir%s}
	[ "$dir" = published ] && reader=published
	[ "$dir" = csv ] && reader=csv
	[ "$dir" = xlsx ] && reader=xlsx
	[ "$dir" = html ] && reader=html
	[ "$dir" = export ] && reader=export
	[ "$dir" = utf16 ] && reader=utf16
	for f in "$B/$dir"/*; do
		base=${f##*/}
		[ "$dir" = cli ] && { case $base in *.stdin) continue ;; esac; base=${base%.args}; }
		checks=$((checks + 1))
		grep -q "^$reader$tab\([^$tab]*+\)\{0,1\}$base\(+[^$tab]*\)\{0,1\}$tab" "$B/MANIFEST" ||
		    fail "$dir/$base is not in tests/bad/MANIFEST"
	done
done
for reader in draft form published csv xlsx html export utf16 cli; do
	n=$(grep -c "^$reader$tab" "$B/MANIFEST")
	ok "$reader: at least 40 cases ($n)" test "$n" -ge 40
done
# Variants a user expects to read the same: CR LF, CR alone, a BOM.
tr -d '\r' <"$B/published/crlf.txt" >"$T/lf.txt"
"$KAIJI" import "$T/lf.txt" -o "$T/lf.yaml" 2>/dev/null
for v in crlf cr-only bom; do
	status 0 "import $v.txt" "$KAIJI" import "$B/published/$v.txt" -o "$T/$v.yaml" 2>/dev/null
	status 0 "$v.txt reads as LF" "$KAIJI" diff "$T/lf.yaml" "$T/$v.yaml" >/dev/null
done
"$KAIJI" import "$B/csv/lf.csv" -o "$T/lf-csv.yaml" 2>/dev/null
for v in cr-only bom cp932; do
	status 0 "import $v.csv" "$KAIJI" import "$B/csv/$v.csv" -o "$T/$v-csv.yaml" 2>/dev/null
	status 0 "$v.csv reads as LF" "$KAIJI" diff "$T/lf-csv.yaml" "$T/$v-csv.yaml" >/dev/null
done
rm -f "$T"/*.yaml

# A draft whose form file is broken names the form file and position.
mkdir "$T/forms"
cp "$B/forms/bad-type.yaml" "$T/forms/asp-saas-2021.yaml"
run "draft of a broken form" env KAIJI_FORMS_DIR="$T/forms" "$KAIJI" summary "$D/complete-2021.yaml"
expect_error "draft of a broken form" "$D/complete-2021.yaml:2:7: $T/forms/asp-saas-2021.yaml:13:19: unknown field type 'rainbow'"
rm -rf "$T/forms"

# Answers with escape sequences and control characters (ESC, BEL, DEL, a
# C1 CSI) never reach a terminal raw: every command that prints answers,
# run on a terminal.
if script -qec true /dev/null >/dev/null 2>&1; then
	"$KAIJI" new "$T/a.yaml"
	"$KAIJI" new --edition 2019 "$T/b.yaml"
	evil=$(printf 'evil\033]0;owned\007\033[2J\177\302\23331m')
	for id in 2.1 27.1 30.1; do
		"$KAIJI" set "$T/a.yaml" $id "$evil" 2>/dev/null
		"$KAIJI" set "$T/b.yaml" $id "$evil 2019" 2>/dev/null
	done
	"$KAIJI" set "$T/a.yaml" 30.2 "$(printf 'line\n\033[31mred')" 2>/dev/null
	# a draft can hold them (escaped): they are the user's text
	contains "$T/a.yaml" '\e]0;owned\a'
	for cmd in "summary $T/a.yaml" "summary --format yaml $T/a.yaml" \
	    "get $T/a.yaml 2.1" "get $T/a.yaml 30.2" "diff --color=never $T/b.yaml $T/a.yaml" \
	    "diff --whole --color=never $T/b.yaml $T/a.yaml" \
	    "export $T/a.yaml --to text" "export $T/a.yaml --to markdown" \
	    "export $T/a.yaml --to csv" "export $T/a.yaml --to yaml" \
	    "export $T/a.yaml --to json" \
	    "migrate $T/b.yaml -o $T/c.yaml" \
	    "set $T/a.yaml 9$ESC[2J.1 x" "import $T/a.yaml -o $T/d.yaml"; do
		rm -f "$T/c.yaml" "$T/d.yaml"
		script -qec "'$KAIJI' $cmd" /dev/null >"$T/tty" 2>&1
		tr -d '\r' <"$T/tty" >"$T/tty.txt"
		raw_free "on a terminal: kaiji ${cmd%% *}" "$T/tty.txt"
	done
	contains "$T/tty.txt" "kaiji: "
	# in colour, the only escapes are diff's own red, green and reset
	for opt in "" --whole; do
		script -qec "TERM=xterm '$KAIJI' diff $opt $T/b.yaml $T/a.yaml" \
		    /dev/null >"$T/tty" 2>&1
		contains "$T/tty" "$(printf '\033[32m')"
		tr -d '\r' <"$T/tty" | sed 's/\x1b\[3[12]m//g; s/\x1b\[m//g' \
		    >"$T/tty.txt"
		raw_free "on a terminal: kaiji diff $opt in colour" "$T/tty.txt"
	done
	"$KAIJI" get "$T/a.yaml" 2.1 >"$T/out"
	ok "not on a terminal, get prints the answer as stored" test "$(cat "$T/out")" = "$evil"
else
	fail "script(1) is needed to test output on a terminal"
fi

echo "$ncases cases"
finish
