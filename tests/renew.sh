#!/bin/sh
# Renewal: the answers to renew are kept in the draft (migrate, import
# --renew, kaiji renew), listed by summary until changed or confirmed
# (set --keep).
. "${srcdir:-.}/tests/lib.sh"
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

# diff: what changed inside an answer, with the context cut short
long=$(printf 'そらまめ帳票クラウドは請求書と見積書をブラウザで作る%.0s' 1 2 3 4 5 6 7 8 9 10)
"$KAIJI" new "$T/old.yaml" >/dev/null
"$KAIJI" set "$T/old.yaml" 30.1 "${long}。承認までを一つの画面で行います。${long}" 2>/dev/null
"$KAIJI" set "$T/old.yaml" 2.1 "架空テック株式会社"
"$KAIJI" set "$T/old.yaml" 4.3 "東京都
大阪府"
cp "$T/old.yaml" "$T/new.yaml"
"$KAIJI" set "$T/new.yaml" 30.1 "${long}。承認と送付までを一つの画面で行います。${long}" 2>/dev/null
"$KAIJI" set "$T/new.yaml" 4.3 "東京都 大阪府"
"$KAIJI" set "$T/new.yaml" 5.1 "帳票の事業"
status 1 "diff: differences" "$KAIJI" diff "$T/old.yaml" "$T/new.yaml" >"$T/out"
contains "$T/out" "30.1 サービスの内容・範囲: changed"
contains "$T/out" "  …と見積書をブラウザで作る。承認{+と送付+}までを一つの画面で行います。そ…"
ok "a small change in a long answer is one line" \
    test "$(sed -n '/^30.1/,/^[0-9]/p' "$T/out" | wc -l)" -le 3
contains "$T/out" "  東京都[-↵-]{+ +}大阪府"
contains "$T/out" "5.1 主な事業の概要: added"
contains "$T/out" "  + 帳票の事業"
lacks "$T/out" "2.1 "
contains "$T/out" "0 removed, 2 changed"
status 1 "diff -w" "$KAIJI" diff -w "$T/old.yaml" "$T/new.yaml" >"$T/out"
lacks "$T/out" "4.3 "
contains "$T/out" "1 added, 0 removed, 1 changed"
status 1 "diff --whole" "$KAIJI" diff --whole "$T/old.yaml" "$T/new.yaml" >"$T/out"
contains "$T/out" "  - ${long}。承認までを一つの画面で行います。${long}"
contains "$T/out" "  + ${long}。承認と送付までを一つの画面で行います。${long}"
status 1 "diff --context 3" "$KAIJI" diff --context 3 "$T/old.yaml" "$T/new.yaml" >"$T/out"
contains "$T/out" "  …。承認{+と送付+}までを…"
status 1 "diff --format yaml" "$KAIJI" diff --format yaml "$T/old.yaml" "$T/new.yaml" >"$T/out"
contains "$T/out" "  edits:"
contains "$T/out" "  - at: $((26 * 10 + 3))"
contains "$T/out" '    added: "と送付"'
contains "$T/out" "changed: 2"
command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null &&
    ok "the yaml reads back" python3 -c "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert d['added'] == 1 and d['fields'][0]['id'] == '4.3'" "$T/out"
lacks "$T/out" "$(printf '\033')"
status 1 "--color=always" "$KAIJI" diff --color=always "$T/old.yaml" "$T/new.yaml" >"$T/out"
contains "$T/out" "$(printf '承認\033[32mと送付\033[m')"
lacks "$T/out" "{+"
status 0 "no differences" "$KAIJI" diff "$T/old.yaml" "$T/old.yaml" >"$T/out"
contains "$T/out" "0 added, 0 removed, 0 changed"
status 2 "--color of a wrong value" "$KAIJI" diff --color=sometimes "$T/old.yaml" "$T/new.yaml" 2>"$T/err"
contains "$T/err" "--color takes auto, always or never"
status 2 "--context of a wrong value" "$KAIJI" diff --context x "$T/old.yaml" "$T/new.yaml" 2>"$T/err"
contains "$T/err" "--context takes a number"

# counting: code points by default, 全角換算 beside; a form may choose it
five=$(printf '帳票%.0s' $(seq 47))ABCDEFG	# 94 full-width + 7 half-width
"$KAIJI" new "$T/z.yaml" >/dev/null
"$KAIJI" set "$T/z.yaml" 5.1 "$five" 2>"$T/err"
contains "$T/err" "5.1: 101/100字 (1 over; 全角換算 97.5, within); stored anyway"
"$KAIJI" summary "$T/z.yaml" >"$T/out"
contains "$T/out" "5.1    主な事業の概要: 101/100字 (1 over; 全角換算 97.5, within)"
"$KAIJI" export "$T/z.yaml" --to yaml 2>/dev/null >"$T/out"
contains "$T/out" "count-zenkaku: 97.5"
mkdir "$T/forms"
cp "${srcdir:-.}/forms/asp-saas-2019.yaml" "$T/forms/"
sed 's/^subtitle: /count: zenkaku\nsubtitle: /' \
    "${srcdir:-.}/forms/asp-saas-2021.yaml" >"$T/forms/asp-saas-2021.yaml"
KAIJI_FORMS_DIR=$T/forms "$KAIJI" summary "$T/z.yaml" >"$T/out"
lacks "$T/out" "5.1    主な事業の概要"
"$KAIJI" set "$T/z.yaml" 5.1 "${five}あいう" 2>/dev/null
KAIJI_FORMS_DIR=$T/forms "$KAIJI" summary "$T/z.yaml" >"$T/out"
contains "$T/out" "5.1    主な事業の概要: 全角換算 100.5/100字 (0.5 over; 104 characters)"
sed 's/^count: zenkaku/count: bytes/' "$T/forms/asp-saas-2021.yaml" \
    >"$T/forms/x" && mv "$T/forms/x" "$T/forms/asp-saas-2021.yaml"
status 2 "a form with an unknown count rule" env KAIJI_FORMS_DIR=$T/forms \
    "$KAIJI" summary "$T/z.yaml" 2>"$T/err"
contains "$T/err" "'count' must be code-points or zenkaku"
finish
