# Moving a draft to another edition, and comparing drafts.
. "${srcdir:-.}/tests/lib.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE=

# the 2019 draft becomes a 2021 draft: every answer carried over by id
cp "$D/complete-2019.yaml" "$T/m.yaml"
status 0 "migrate to the newest edition" "$KAIJI" migrate "$T/m.yaml" >"$T/out"
contains "$T/out" "$T/m.yaml: asp-saas 2019 → 2021"
contains "$T/out" "To renew for this application:"
contains "$T/out" "1.1    開示情報の日付: 開示情報の年月日(西暦)"
contains "$T/out" "133 answers carried over, 0 not carried over, 0 fields to check, 18 to renew."
contains "$T/m.yaml" 'edition: "2021"'
ok "the 2019 version is kept as a backup" cmp -s "$T/m.yaml~" "$D/complete-2019.yaml"
ok "migrated draft is 0600" test "$(stat -c %a "$T/m.yaml")" = 600
status 0 "no answer changed" "$KAIJI" diff "$D/complete-2019.yaml" "$T/m.yaml" >"$T/out"
contains "$T/out" "0 added, 0 removed, 0 changed"
status 1 "the migrated draft still has answers to renew" "$KAIJI" summary "$T/m.yaml" >"$T/out"
contains "$T/out" "To renew: change, or confirm unchanged (18):"
contains "$T/out" "  6.3    代表者: as in asp-saas 2019"
contains "$T/m.yaml" '    renew: asp-saas 2019'
for id in 1.1 3.2 6.3 8.1 9.1 10.1 11.1 12.1 13.1 14.1 28.2 39.1 39.3 49.1 \
    87.1 87.2 87.3; do
	ok "set $id --keep" "$KAIJI" set "$T/m.yaml" $id --keep
done
status 1 "one answer left to renew" "$KAIJI" summary --format yaml "$T/m.yaml" >"$T/out"
ok "87.4 is the one renewal left" sh -c "grep -A1 'id: \"87.4\"' '$T/out' |
    grep -q 'kind: renewal' && test \$(grep -c 'kind: renewal' '$T/out') = 1"
"$KAIJI" get "$T/m.yaml" 87.4 >"$T/a"
"$KAIJI" set "$T/m.yaml" 87.4 "$(cat "$T/a")" 2>/dev/null
status 1 "the same answer set again is still to renew" "$KAIJI" summary "$T/m.yaml" >/dev/null
"$KAIJI" set "$T/m.yaml" 87.4 "99.9%" 2>/dev/null
status 0 "the migrated draft is complete once renewed" "$KAIJI" summary "$T/m.yaml" >/dev/null
ok "no state is left in the draft" sh -c "! grep -q '^fields:' '$T/m.yaml'"
status 2 "migrate to the same edition" "$KAIJI" migrate "$T/m.yaml" --edition 2021 2>"$T/err"
contains "$T/err" "already edition 2021"
cp "$D/complete-2019.yaml" "$T/n.yaml"
status 0 "migrate -o" "$KAIJI" migrate "$T/n.yaml" --edition 2021 -o "$T/o.yaml" >/dev/null
ok "-o leaves the source alone" cmp -s "$T/n.yaml" "$D/complete-2019.yaml"
contains "$T/o.yaml" 'edition: "2021"'
status 2 "migrate to an unknown edition" "$KAIJI" migrate "$T/n.yaml" --edition 1999 2>"$T/err"
contains "$T/err" "unknown form 'asp-saas' edition '1999'"

# a form whose next edition drops a field and rewords another
export KAIJI_FORMS_DIR="$D/forms-migrate"
"$KAIJI" new --form mini --edition 1 "$T/mini.yaml"
"$KAIJI" set "$T/mini.yaml" 1.1 2020/4/1
"$KAIJI" set "$T/mini.yaml" 2.1 "名称"
"$KAIJI" set "$T/mini.yaml" 2.2 "消える答え"
cp "$T/mini.yaml" "$T/mini.before"
status 2 "migrate refuses to drop answers" "$KAIJI" migrate "$T/mini.yaml" >"$T/out" 2>"$T/err"
contains "$T/out" "2.2    名称: 消える答え"
contains "$T/out" "2.1    名称: 申請したサービスの名称"
contains "$T/err" "1 answer has no field in edition 2; nothing written"
ok "nothing written" cmp -s "$T/mini.yaml" "$T/mini.before"
status 0 "migrate --force" "$KAIJI" migrate --force "$T/mini.yaml" >"$T/out"
contains "$T/out" "2 answers carried over, 1 not carried over, 1 fields to check, 1 to renew."
status 1 "diff across editions" "$KAIJI" diff "$T/mini.before" "$T/mini.yaml" >"$T/out"
contains "$T/out" "2.2 名称: removed (no such field in edition 2)"
contains "$T/out" "  - 消える答え"
contains "$T/out" "0 added, 1 removed, 0 changed"
export KAIJI_FORMS_DIR="$D/../../forms"

# the printed pages read back: export as text or markdown, then import
for f in complete-2021 complete-2019 gaps-2021; do
	for to in text markdown; do
		"$KAIJI" export "$D/$f.yaml" --to $to -o "$T/$f.$to" 2>/dev/null
		status 0 "import of the $to export of $f" "$KAIJI" import "$T/$f.$to" -o "$T/$f-$to.yaml" 2>"$T/err"
		case $f in complete-*) contains "$T/err" "0 notes" ;; esac
		status 0 "$f: $to export then import gives the same answers" "$KAIJI" diff "$D/$f.yaml" "$T/$f-$to.yaml" >/dev/null
	done
done

# diff
status 1 "diff of two drafts" "$KAIJI" diff "$D/complete-2021.yaml" "$D/gaps-2021.yaml" >"$T/out"
contains "$T/out" "--- $D/complete-2021.yaml (asp-saas 2021)"
contains "$T/out" "+++ $D/gaps-2021.yaml (asp-saas 2021)"
contains "$T/out" "2.1 事業者名: removed"
contains "$T/out" "  - 架空テック株式会社"
contains "$T/out" "1.1 開示情報の日付: changed"
contains "$T/out" "  + 令和3年6月25日"
contains "$T/out" "30.1 サービスの内容・範囲: changed"
cp "$D/complete-2021.yaml" "$T/x.yaml"
"$KAIJI" set "$T/x.yaml" 30.1 "$(printf '一行目\n二行目')"
"$KAIJI" set "$T/x.yaml" 19.1 ""
"$KAIJI" diff "$D/complete-2021.yaml" "$T/x.yaml" >"$T/out"
contains "$T/out" "  + 一行目"
contains "$T/out" "  + 二行目"
contains "$T/out" "19.1 大口取引先: removed"
contains "$T/out" "0 added, 1 removed, 1 changed"
status 2 "diff with a broken draft" "$KAIJI" diff "$D/complete-2021.yaml" "$D/../bad/drafts/syntax.yaml" 2>"$T/err"
contains "$T/err" "syntax.yaml:6:1:"
status 0 "diff of a draft with itself" "$KAIJI" diff "$D/gaps-2021.yaml" "$D/gaps-2021.yaml" >/dev/null

finish
