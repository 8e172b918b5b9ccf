# Every broken draft and form file in tests/data: through the real binary,
# each ends in one line naming the file (and, where there is one, the
# position), exit status 2, and the file unchanged.
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8 LANGUAGE=

one_line() {
	checks=$((checks + 1))
	if [ "$(wc -l < "$1")" -ne 1 ]; then
		fail "$2: expected one line of error, got:"
		sed 's/^/    /' "$1" >&3
	fi
}

for f in "$KAIJI_TEST_DATA"/drafts-bad/*.yaml; do
	name=${f##*/}
	cp -p "$f" "$T/$name"
	sum=$(cksum < "$f")
	for cmd in "summary" "get" "set"; do
		case $cmd in
		summary) args="summary $T/$name" ;;
		get) args="get $T/$name 2.1" ;;
		set) args="set $T/$name 2.1 changed" ;;
		esac
		status 2 "$cmd $name" "$KAIJI" $args >"$T/out" 2>"$T/err"
		one_line "$T/err" "$cmd $name"
		contains "$T/err" "kaiji: $T/$name:"
		checks=$((checks + 1))
		[ "$(cksum < "$T/$name")" = "$sum" ] || fail "$cmd changed $name"
		checks=$((checks + 1))
		[ ! -e "$T/$name~" ] || fail "$cmd $name wrote a backup"
	done
	rm -f "$T/$name"
done
ok "no temporary files left" test -z "$(ls -A "$T" | grep -v '^out$\|^err$')"

# Broken form files, each alone in a form directory.
for f in "$KAIJI_TEST_DATA"/forms-bad/*.yaml; do
	name=${f##*/}
	case $name in loop-b.yaml) continue ;; esac
	mkdir "$T/forms"
	cp "$f" "$T/forms/"
	[ "$name" = loop-a.yaml ] && cp "$KAIJI_TEST_DATA/forms-bad/loop-b.yaml" "$T/forms/"
	status 2 "forms with $name" env KAIJI_FORMS_DIR="$T/forms" "$KAIJI" forms >"$T/out" 2>"$T/err"
	one_line "$T/err" "forms with $name"
	contains "$T/err" "kaiji: $T/forms/"
	rm -rf "$T/forms"
done

# A draft whose form file is broken names the form file and position.
mkdir "$T/forms"
cp "$KAIJI_TEST_DATA/forms-bad/bad-type.yaml" "$T/forms/asp-saas-2021.yaml"
status 2 "draft of a broken form" env KAIJI_FORMS_DIR="$T/forms" "$KAIJI" summary "$KAIJI_TEST_DATA/complete-2021.yaml" >"$T/out" 2>"$T/err"
contains "$T/err" "asp-saas-2021.yaml:13:19: unknown field type 'rainbow'"
rm -rf "$T/forms"

# Files that are not drafts at all.
status 2 "a directory" "$KAIJI" summary "$T" 2>"$T/err"
contains "$T/err" "not a regular file"
mkfifo "$T/fifo"
status 2 "a FIFO (must not block)" timeout 10 "$KAIJI" summary "$T/fifo" 2>"$T/err"
contains "$T/err" "not a regular file"
status 2 "a missing file" "$KAIJI" summary "$T/missing.yaml" 2>"$T/err"
contains "$T/err" "$T/missing.yaml: No such file or directory"

finish
