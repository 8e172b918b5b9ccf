#!/bin/sh
# Renewal: the answers to renew are kept in the draft (migrate, import
# --renew, kaiji renew), listed by summary until changed or confirmed
# (set --keep).
. "${KAIJI_TEST_DIR:-$(dirname "$0")}/lib.sh"
export LC_ALL=C.UTF-8 LANGUAGE=
D=$KAIJI_TEST_DATA

# renew_of DRAFT ID: what the draft says field ID's answer is carried
# over from (empty: not to renew)
renew_of() {
	awk -v id="\"$2\":" '/^fields:/ { f = 1; next }
	    f && /^  "/ { cur = $1; next }
	    f && cur == id && $1 == "renew:" { sub(/^ *renew: /, ""); print }' "$1"
}

# kaiji renew: a published 2019 disclosure becomes a 2021 draft to renew
status 0 "renew a published disclosure" "$KAIJI" renew \
    "$D/import/kohaku-2019.txt" -o "$T/r.yaml" >"$T/out" 2>"$T/err"
contains "$T/out" "$T/r.yaml: asp-saas 2019 → asp-saas 2021,"
contains "$T/r.yaml" 'edition: "2021"'
ok "1.1 to renew" test "$(renew_of "$T/r.yaml" 1.1)" = "asp-saas 2019"
ok "the renewed draft is 0600" test "$(stat -c %a "$T/r.yaml")" = 600
status 1 "summary: answers to renew make the draft incomplete" \
    "$KAIJI" summary "$T/r.yaml" >"$T/out"
contains "$T/out" "To renew: change, or confirm unchanged ("
contains "$T/out" "  1.1    開示情報の日付: as in asp-saas 2019"
status 1 "summary --format yaml names the kind" \
    "$KAIJI" summary --format yaml "$T/r.yaml" >"$T/out"
contains "$T/out" "kind: renewal"
n=$(grep -c "kind: renewal" "$T/out")

# confirming one unchanged: --keep; changing one: set
old=$("$KAIJI" get "$T/r.yaml" 3.2)
ok "set --keep" "$KAIJI" set "$T/r.yaml" 3.2 --keep
draft_is "$T/r.yaml" 3.2 "$old"
ok "set a new date" "$KAIJI" set "$T/r.yaml" 1.1 2021/7/1
"$KAIJI" summary --format yaml "$T/r.yaml" >"$T/out"
ok "two fewer to renew" test "$(grep -c "kind: renewal" "$T/out")" = $((n - 2))
ok "1.1 renewed" test -z "$(renew_of "$T/r.yaml" 1.1)"
ok "3.2 confirmed" test -z "$(renew_of "$T/r.yaml" 3.2)"
ok "9.1 still to renew" test -n "$(renew_of "$T/r.yaml" 9.1)"
status 2 "--keep takes no value" "$KAIJI" set "$T/r.yaml" 3.2 x --keep \
    2>"$T/err"
contains "$T/err" "extra operand 'x'"
status 2 "--keep of an unknown field" "$KAIJI" set "$T/r.yaml" 999.1 --keep \
    2>"$T/err"
contains "$T/err" "no field '999.1'"

# renew reads kaiji drafts and CSV too; never over an existing file
status 2 "renew over an existing file" "$KAIJI" renew \
    "$D/complete-2019.yaml" -o "$T/r.yaml" 2>"$T/err"
contains "$T/err" "File exists"
status 0 "renew a kaiji draft" "$KAIJI" renew "$D/complete-2019.yaml" \
    -o "$T/d.yaml" >"$T/out"
contains "$T/out" "18 answers to renew"
"$KAIJI" export "$T/d.yaml" --to csv -o "$T/d.csv" 2>/dev/null
status 0 "renew a kaiji CSV" "$KAIJI" renew "$T/d.csv" -o "$T/c.yaml" \
    >"$T/out"
contains "$T/out" "asp-saas 2021 → asp-saas 2021, 18 answers to renew"
status 2 "renew of a file that is nothing kaiji reads" "$KAIJI" renew \
    "$D/import/not-disclosure.txt" -o "$T/x.yaml" 2>/dev/null
ok "nothing written on an error" test ! -e "$T/x.yaml"

# import --renew marks; import alone does not
status 0 "import --renew" "$KAIJI" import --renew \
    "$D/import/kohaku-2021.txt" -o "$T/i.yaml" 2>/dev/null
contains "$T/i.yaml" "renew: asp-saas 2021"
status 0 "import" "$KAIJI" import "$D/import/kohaku-2021.txt" \
    -o "$T/j.yaml" 2>/dev/null
lacks "$T/j.yaml" "renew:"

# migrate keeps the state of fields and marks the answers to renew
"$KAIJI" new "$T/m.yaml" --edition 2019 >/dev/null
"$KAIJI" set "$T/m.yaml" 9.1 "¥1,000" 2>/dev/null
"$KAIJI" set "$T/m.yaml" 2.1 "架空株式会社"
status 0 "migrate" "$KAIJI" migrate "$T/m.yaml" >/dev/null
ok "9.1 to renew" test "$(renew_of "$T/m.yaml" 9.1)" = "asp-saas 2019"
ok "2.1 not to renew" test -z "$(renew_of "$T/m.yaml" 2.1)"
finish
