# Every command that writes a draft follows one rule (cmd_draft_write): an
# existing file is replaced only with --force (or when it is the draft the
# command updates), its previous version kept as DRAFT~; nothing is written
# while an editor holds the draft's lock.  Checked for each writer: new,
# import, migrate (in place and -o) and set.
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE=

# a lock held by a live process of this host, as an editor's would be
sleep 600 &
holder=$!
trap 'kill $holder 2>/dev/null; rm -rf "$T"' EXIT
hold() {	# hold DRAFT: lock it for $holder
	printf 'kaiji-lock 1 %s %s %s %s\n' "$(id -un)" "$(hostname)" \
	    "$holder" "$(date +%s)" >"$1.lock"
}

"$KAIJI" export "$D/complete-2019.yaml" --to text -o "$T/pub.txt"

# writer NAME COMMAND...: COMMAND writes the draft $T/out.yaml (a new
# file, or with --force a replacement); the other checks follow from it
writer() {
	name=$1
	shift
	# a new file
	rm -f "$T/out.yaml" "$T/out.yaml~"
	status 0 "$name: a new draft" "$@" >/dev/null 2>"$T/err"
	ok "$name: the draft is there" test -f "$T/out.yaml"
	ok "$name: no backup of a new draft" test ! -e "$T/out.yaml~"
	# an existing file: refused without --force
	cp "$D/gaps-2021.yaml" "$T/out.yaml"
	status 2 "$name: refuses an existing file" "$@" >/dev/null 2>"$T/err"
	contains "$T/err" "$T/out.yaml: File exists (use --force to replace it)"
	ok "$name: the existing file is untouched" cmp -s "$T/out.yaml" "$D/gaps-2021.yaml"
	ok "$name: no backup when refused" test ! -e "$T/out.yaml~"
	# --force: replaced, the old one kept as DRAFT~
	status 0 "$name --force" "$@" --force >/dev/null 2>"$T/err"
	ok "$name --force: replaced" sh -c "! cmp -s '$T/out.yaml' '$D/gaps-2021.yaml'"
	ok "$name --force: the old draft is DRAFT~" cmp -s "$T/out.yaml~" "$D/gaps-2021.yaml"
	# --force, but an editor holds it
	rm -f "$T/out.yaml~"
	cp "$D/gaps-2021.yaml" "$T/out.yaml"
	hold "$T/out.yaml"
	status 2 "$name --force on a held draft" "$@" --force >/dev/null 2>"$T/err"
	contains "$T/err" "$T/out.yaml is being edited (held by $(id -un)@"
	ok "$name: the held draft is untouched" cmp -s "$T/out.yaml" "$D/gaps-2021.yaml"
	ok "$name: the lock is still the editor's" grep -q " $holder " "$T/out.yaml.lock"
	rm -f "$T/out.yaml.lock"
	# a new file that an editor is creating
	rm -f "$T/out.yaml"
	hold "$T/out.yaml"
	status 2 "$name: a new draft whose lock is held" "$@" >/dev/null 2>"$T/err"
	contains "$T/err" "is being edited"
	ok "$name: nothing created under a held lock" test ! -e "$T/out.yaml"
	rm -f "$T/out.yaml.lock"
}

writer new "$KAIJI" new "$T/out.yaml"
writer import "$KAIJI" import "$T/pub.txt" -o "$T/out.yaml"
writer "migrate -o" "$KAIJI" migrate "$D/complete-2019.yaml" -o "$T/out.yaml"

# the writers that update a draft in place: under its lock, keeping DRAFT~
cp "$D/complete-2019.yaml" "$T/in.yaml"
status 0 "set" "$KAIJI" set "$T/in.yaml" 2.1 "株式会社架空" 2>"$T/err"
ok "set keeps the previous version as DRAFT~" cmp -s "$T/in.yaml~" "$D/complete-2019.yaml"
cp "$T/in.yaml" "$T/in.before"
status 0 "migrate in place" "$KAIJI" migrate "$T/in.yaml" >/dev/null 2>"$T/err"
ok "migrate keeps the previous version as DRAFT~" cmp -s "$T/in.yaml~" "$T/in.before"
contains "$T/in.yaml" 'edition: "2021"'
cp "$D/complete-2019.yaml" "$T/in.yaml"
hold "$T/in.yaml"
for cmd in "set $T/in.yaml 2.1 x" "migrate $T/in.yaml"; do
	# shellcheck disable=SC2086
	status 2 "$cmd: refused while an editor holds the draft" "$KAIJI" $cmd >/dev/null 2>"$T/err"
	contains "$T/err" "$T/in.yaml is being edited"
	ok "$cmd: the held draft is untouched" cmp -s "$T/in.yaml" "$D/complete-2019.yaml"
done
rm -f "$T/in.yaml.lock"

# The size rule (src/limit.h): no writer makes a draft larger than kaiji
# reads back; a refused change leaves the draft as it was, and a draft
# over the limit (made by hand) is still read and can be shrunk.
head -c 3000000 /dev/zero | tr '\0' a >"$T/3mb.txt"
cp "$D/gaps-2021.yaml" "$T/big.yaml"
status 0 "set: 3 MB into one field" "$KAIJI" set "$T/big.yaml" 5.1 --file "$T/3mb.txt" 2>"$T/err"
cp "$T/big.yaml" "$T/big.before"
status 2 "set: 3 MB more is refused" "$KAIJI" set "$T/big.yaml" 31.1 --file "$T/3mb.txt" 2>"$T/err"
contains "$T/err" "$T/big.yaml: not saved: the draft would be"
contains "$T/err" "more than the 4194304 that kaiji reads back"
ok "set: the refused draft is as it was" cmp -s "$T/big.yaml" "$T/big.before"
status 0 "get: the draft reads back" "$KAIJI" get "$T/big.yaml" 5.1 >"$T/out" 2>"$T/err"
ok "get: the 3 MB answer" test "$(wc -c <"$T/out")" -ge 3000000
{
	printf 'kaiji-draft: 1\nform: asp-saas\nedition: "2019"\nanswers:\n  "5.1": '
	head -c 5000000 /dev/zero | tr '\0' a
	printf '\n'
} >"$T/over.yaml"
cp "$T/over.yaml" "$T/over.before"
status 0 "get: a draft over the limit is read" "$KAIJI" get "$T/over.yaml" 5.1 >"$T/out" 2>"$T/err"
ok "get: all of it" test "$(wc -c <"$T/out")" -ge 5000000
status 1 "summary of a draft over the limit (incomplete)" "$KAIJI" summary "$T/over.yaml" >/dev/null 2>"$T/err"
status 2 "migrate: refused, the result too large" "$KAIJI" migrate "$T/over.yaml" -o "$T/over-2021.yaml" >/dev/null 2>"$T/err"
contains "$T/err" "not saved: the draft would be"
ok "migrate: nothing written" test ! -e "$T/over-2021.yaml"
ok "migrate: the draft is as it was" cmp -s "$T/over.yaml" "$T/over.before"
status 0 "set: shrinks a draft over the limit" "$KAIJI" set "$T/over.yaml" 5.1 "短い説明" 2>"$T/err"
draft_is "$T/over.yaml" 5.1 "短い説明"

finish
