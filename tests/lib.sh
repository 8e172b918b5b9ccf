# Shared by the shell tests: a scratch directory, assertions that count,
# and the exit codes of the automake test harness (0 pass, 1 fail, 77 skip,
# 99 hard error).

: "${KAIJI:?run the tests with make check}"
: "${KAIJI_TEST_DATA:?run the tests with make check}"

T=$(mktemp -d "${TMPDIR:-/tmp}/kaiji-sh.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
failures=0
checks=0
# fd 3 is the log: checks run with their own stdout and stderr redirected
exec 3>&2

fail() {
	echo "FAIL: $*" >&3
	failures=$((failures + 1))
}

# ok DESCRIPTION COMMAND...: the command must succeed.
ok() {
	desc=$1
	shift
	checks=$((checks + 1))
	if ! "$@"; then
		fail "$desc"
	fi
}

# status EXPECTED DESCRIPTION COMMAND...: the command's exit status.
status() {
	want=$1
	desc=$2
	shift 2
	checks=$((checks + 1))
	"$@"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "$desc: exit status $got, expected $want"
	fi
}

# contains FILE TEXT: FILE contains TEXT (fixed string).
contains() {
	checks=$((checks + 1))
	if ! grep -qF -- "$2" "$1"; then
		fail "$1 does not contain '$2':"
		sed 's/^/    /' "$1" >&3
	fi
}

lacks() {
	checks=$((checks + 1))
	if grep -qF -- "$2" "$1"; then
		fail "$1 contains '$2'"
	fi
}

# draft_is FILE ID TEXT: the saved answer is exactly TEXT.
draft_is() {
	checks=$((checks + 1))
	got=$("$KAIJI" get "$1" "$2" 2>&1)
	[ "$got" = "$3" ] || fail "$1 $2 is '$got', expected '$3'"
}

# saved_soon FILE ID TEXT: within 10 s the saved answer is TEXT.
saved_soon() {
	checks=$((checks + 1))
	i=0
	while [ $i -lt 100 ]; do
		[ "$("$KAIJI" get "$1" "$2" 2>/dev/null)" = "$3" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "$1 $2 is '$("$KAIJI" get "$1" "$2" 2>&1)', expected '$3'"
}

finish() {
	echo "$checks checks, $failures failed"
	[ "$failures" -eq 0 ] || exit 1
	[ "$checks" -gt 0 ] || exit 99
	exit 0
}
