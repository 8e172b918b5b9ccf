#!/bin/sh
# Working as a team: notes on fields (kaiji note, summary, exports),
# reuse across services (new --from, copy) and three-way merges (merge,
# as a git merge driver).
. "${srcdir:-.}/tests/lib.sh"
export LC_ALL=C.UTF-8 LANGUAGE=
D=$KAIJI_TEST_DATA

# notes
cp "$D/complete-2021.yaml" "$T/n.yaml"
chmod 600 "$T/n.yaml"
status 1 "no note yet" "$KAIJI" note "$T/n.yaml" 30.1 >"$T/out"
ok "nothing printed" test ! -s "$T/out"
ok "note" "$KAIJI" note "$T/n.yaml" 30.1 "財務に確認中"
status 0 "the note is read back" "$KAIJI" note "$T/n.yaml" 30.1 >"$T/out"
contains "$T/out" "財務に確認中"
draft_is "$T/n.yaml" 30.1 "$("$KAIJI" get "$D/complete-2021.yaml" 30.1)"
status 0 "an open note is not a problem" "$KAIJI" summary "$T/n.yaml" >"$T/out"
contains "$T/out" "Open notes (1):"
contains "$T/out" "  30.1   サービスの内容・範囲: 財務に確認中"
"$KAIJI" summary --format yaml "$T/n.yaml" >"$T/out"
contains "$T/out" "kind: note"
contains "$T/out" 'message: "財務に確認中"'
"$KAIJI" export "$T/n.yaml" --to text -o "$T/plain.txt"
lacks "$T/plain.txt" "財務に確認中"
"$KAIJI" export "$T/n.yaml" --to yaml -o "$T/plain.yaml"
lacks "$T/plain.yaml" "財務に確認中"
lacks "$T/plain.yaml" "note:"
"$KAIJI" export "$T/n.yaml" --to text --notes -o "$T/notes.txt"
contains "$T/notes.txt" "30.1 サービスの内容・範囲: 財務に確認中"
"$KAIJI" export "$T/n.yaml" --to json --notes -o "$T/notes.json"
contains "$T/notes.json" '"note": "財務に確認中"'
status 2 "--notes is not for csv" "$KAIJI" export "$T/n.yaml" --to csv \
    --notes 2>"$T/err"
contains "$T/err" "--notes applies to"
status 2 "--notes is not for xlsx" "$KAIJI" export "$T/n.yaml" --to xlsx \
    --notes -o "$T/n.xlsx" 2>"$T/err"
ok "no workbook written" test ! -e "$T/n.xlsx"
ok "set keeps the note" "$KAIJI" set "$T/n.yaml" 30.1 "別の説明"
contains "$T/n.yaml" "note: 財務に確認中"
ok "'' removes the note" "$KAIJI" note "$T/n.yaml" 30.1 ""
lacks "$T/n.yaml" "財務に確認中"
status 2 "a note on an unknown field" "$KAIJI" note "$T/n.yaml" 99.9 x \
    2>"$T/err"
contains "$T/err" "no field '99.9'"
status 2 "a note that is not UTF-8" "$KAIJI" note "$T/n.yaml" 30.1 \
    "$(printf 'bad\377')" 2>"$T/err"
contains "$T/err" "30.1: invalid UTF-8"

# new --from: a second service starts with the company's answers
status 0 "new --from" "$KAIJI" new --from "$D/complete-2019.yaml" "$T/b.yaml" \
    >"$T/out"
contains "$T/out" "$T/b.yaml: from $D/complete-2019.yaml (asp-saas 2019):"
contains "$T/out" "  2.1    事業者名: copied"
contains "$T/out" "  26.2   ASP・SaaSの苦情対応に関する規程等の整備: copied"
lacks "$T/out" "  27.1 "
lacks "$T/out" "  1.1 "
contains "$T/b.yaml" 'edition: "2021"'
draft_is "$T/b.yaml" 2.1 "$("$KAIJI" get "$D/complete-2019.yaml" 2.1)"
draft_is "$T/b.yaml" 27.1 ""
ok "new --from makes a 0600 draft" test "$(stat -c %a "$T/b.yaml")" = 600
status 0 "new --from --items" "$KAIJI" new --from "$D/complete-2021.yaml" \
    --items 27,30.1,39-40 "$T/c.yaml" >"$T/out"
contains "$T/out" "7 copied, 0 the same already, 0 kept, 0 without a field"
draft_is "$T/c.yaml" 30.1 "$("$KAIJI" get "$D/complete-2021.yaml" 30.1)"
draft_is "$T/c.yaml" 2.1 ""
status 2 "new --from over an existing draft" "$KAIJI" new --from \
    "$D/complete-2021.yaml" "$T/c.yaml" 2>"$T/err"
contains "$T/err" "File exists"
status 2 "new --items of a bad range" "$KAIJI" new --from \
    "$D/complete-2021.yaml" --items 5-3 "$T/x.yaml" 2>"$T/err"
contains "$T/err" "'5-3' is not an item"
ok "nothing written" test ! -e "$T/x.yaml"
status 2 "--items without --from" "$KAIJI" new --items 2-26 "$T/x.yaml" 2>/dev/null

# copy: into an existing draft, never over its own answers without --force
ok "copy 27" "$KAIJI" set "$T/c.yaml" 28.1 "2020/4/1"
ok "a note in the target" "$KAIJI" note "$T/c.yaml" 28.1 "確認中"
cp "$T/c.yaml" "$T/c.before"
status 1 "copy keeps the target's own answers" "$KAIJI" copy \
    "$D/complete-2021.yaml" "$T/c.yaml" 2-5,28 >"$T/out"
contains "$T/out" "  28.1   サービス開始時期: kept: it has its own answer (--force replaces it)"
contains "$T/out" "  2.1    事業者名: copied"
draft_is "$T/c.yaml" 28.1 "2020/4/1"
draft_is "$T/c.yaml" 2.1 "$("$KAIJI" get "$D/complete-2021.yaml" 2.1)"
ok "the previous version is kept" cmp -s "$T/c.yaml~" "$T/c.before"
status 0 "copy --force" "$KAIJI" copy --force "$D/complete-2021.yaml" \
    "$T/c.yaml" 28.1 >"$T/out"
contains "$T/out" "1 copied, 0 the same already, 0 kept, 0 without a field"
draft_is "$T/c.yaml" 28.1 "$("$KAIJI" get "$D/complete-2021.yaml" 28.1)"
contains "$T/c.yaml" "note: 確認中"
cp "$T/c.yaml" "$T/c.before"
status 0 "copy of what is there already" "$KAIJI" copy \
    "$D/complete-2021.yaml" "$T/c.yaml" 2-5 >"$T/out"
contains "$T/out" "0 copied,"
ok "nothing copied, nothing written" cmp -s "$T/c.yaml" "$T/c.before"
status 2 "copy of a bad range" "$KAIJI" copy "$D/complete-2021.yaml" \
    "$T/c.yaml" 2,x 2>"$T/err"
contains "$T/err" "'x' is not an item"
ok "the target is as it was" cmp -s "$T/c.yaml" "$T/c.before"
sleep 60 &
holder=$!
printf 'kaiji-lock 1 %s %s %s %s\n' "$(id -un)" "$(hostname)" $holder \
    "$(date +%s)" >"$T/c.yaml.lock"
status 2 "copy into a draft an editor holds" "$KAIJI" copy --force \
    "$D/complete-2019.yaml" "$T/c.yaml" 2-26 2>"$T/err"
contains "$T/err" "is being edited"
ok "the held draft is as it was" cmp -s "$T/c.yaml" "$T/c.before"
kill $holder
rm -f "$T/c.yaml.lock"

# merge: three-way, field by field
cp "$D/complete-2021.yaml" "$T/base.yaml"
cp "$T/base.yaml" "$T/mine.yaml"
cp "$T/base.yaml" "$T/theirs.yaml"
chmod 600 "$T/base.yaml" "$T/mine.yaml" "$T/theirs.yaml"
"$KAIJI" set "$T/mine.yaml" 2.1 "架空テック株式会社(本社)"
"$KAIJI" set "$T/theirs.yaml" 2.1 "架空テック株式会社(新社名)"
"$KAIJI" set "$T/mine.yaml" 5.1 "両方で同じ変更"
"$KAIJI" set "$T/theirs.yaml" 5.1 "両方で同じ変更"
"$KAIJI" set "$T/theirs.yaml" 27.1 "そらまめ帳票クラウド Pro"
"$KAIJI" set "$T/mine.yaml" 4.3 ""
"$KAIJI" note "$T/mine.yaml" 30.1 "財務に確認中"
"$KAIJI" note "$T/theirs.yaml" 2.1 "法務に確認中"
cp "$T/mine.yaml" "$T/mine.before"
status 1 "merge with a conflict" "$KAIJI" merge "$T/base.yaml" \
    "$T/mine.yaml" "$T/theirs.yaml" -o "$T/out.yaml" >"$T/out"
contains "$T/out" "2.1 事業者名: conflict"
contains "$T/out" "    架空テック株式会社(本社)"
contains "$T/out" "    架空テック株式会社(新社名)"
contains "$T/out" "3 answers taken from one side or both, 1 in conflict"
ok "mine is untouched" cmp -s "$T/mine.yaml" "$T/mine.before"
draft_is "$T/out.yaml" 2.1 "架空テック株式会社"
draft_is "$T/out.yaml" 5.1 "両方で同じ変更"
draft_is "$T/out.yaml" 27.1 "そらまめ帳票クラウド Pro"
draft_is "$T/out.yaml" 4.3 ""
"$KAIJI" note "$T/out.yaml" 2.1 >"$T/note"
contains "$T/note" "法務に確認中"
contains "$T/note" "Merge conflict (kaiji merge)"
contains "$T/note" "--- mine ($T/mine.yaml):"
contains "$T/note" "架空テック株式会社(本社)"
contains "$T/note" "架空テック株式会社(新社名)"
"$KAIJI" note "$T/out.yaml" 30.1 >"$T/note"
contains "$T/note" "財務に確認中"
"$KAIJI" summary "$T/out.yaml" >"$T/out"
contains "$T/out" "Open notes (2):"
status 2 "merge over an existing file" "$KAIJI" merge "$T/base.yaml" \
    "$T/mine.yaml" "$T/theirs.yaml" -o "$T/out.yaml" 2>"$T/err"
contains "$T/err" "File exists"
status 2 "merge without -o" "$KAIJI" merge "$T/base.yaml" "$T/mine.yaml" \
    "$T/theirs.yaml" 2>/dev/null
status 0 "a clean merge" "$KAIJI" merge "$T/base.yaml" "$T/base.yaml" \
    "$T/theirs.yaml" -o "$T/clean.yaml" >"$T/out"
contains "$T/out" "0 in conflict"
status 0 "the clean merge is theirs" "$KAIJI" diff "$T/theirs.yaml" \
    "$T/clean.yaml" >/dev/null
"$KAIJI" migrate "$T/base.yaml" --edition 2019 -o "$T/base-2019.yaml" >/dev/null
status 1 "a base of another edition is read by field id" "$KAIJI" merge \
    "$T/base-2019.yaml" "$T/mine.yaml" "$T/theirs.yaml" -o "$T/out2.yaml" \
    >"$T/out"
contains "$T/out" "1 in conflict"

# merge as git's merge driver, in a real repository
if command -v git >/dev/null 2>&1; then
	G=$T/repo
	mkdir "$G"
	(
		cd "$G" || exit 1
		export GIT_CONFIG_NOSYSTEM=1 HOME=$T
		git init -q -b main . && git config user.name test &&
		git config user.email test@example.invalid &&
		git config merge.kaiji.name "kaiji drafts" &&
		git config merge.kaiji.driver "'$KAIJI' merge --git %O %A %B" &&
		echo '*.yaml merge=kaiji' >.gitattributes &&
		cp "$T/base.yaml" d.yaml && git add . && git commit -qm base &&
		git checkout -qb theirs && cp "$T/theirs.yaml" d.yaml &&
		git commit -qam theirs && git checkout -q main &&
		cp "$T/mine.yaml" d.yaml && git commit -qam mine &&
		git branch -q clean HEAD~1
	) >"$T/git.log" 2>&1 || { fail "git setup"; cat "$T/git.log" >&3; }
	(cd "$G" && HOME=$T git merge -q theirs -m merge) >"$T/out" 2>&1
	ok "git: the conflict stops the merge" test $? -ne 0
	contains "$T/out" "2.1 事業者名: conflict"
	(cd "$G" && git status --porcelain) >"$T/st"
	contains "$T/st" "UU d.yaml"
	draft_is "$G/d.yaml" 27.1 "そらまめ帳票クラウド Pro"
	draft_is "$G/d.yaml" 2.1 "架空テック株式会社"
	"$KAIJI" note "$G/d.yaml" 2.1 >"$T/note"
	contains "$T/note" "Merge conflict (kaiji merge)"
	ok "git: no backup file left in the work tree" \
	    test -z "$(cd "$G" && git status --porcelain --untracked-files=all | grep -v '^UU d.yaml$')"
	(cd "$G" && git merge --abort && git checkout -q clean &&
	    cp "$T/mine.yaml" d.yaml && git commit -qam "mine, no conflict" &&
	    "$KAIJI" set d.yaml 2.1 "架空テック株式会社(新社名)" && rm d.yaml~ &&
	    git commit -qam same && HOME=$T git merge -q theirs -m merge) \
	    >"$T/out" 2>&1
	ok "git: a merge without conflict commits" test $? -eq 0
	draft_is "$G/d.yaml" 27.1 "そらまめ帳票クラウド Pro"
	draft_is "$G/d.yaml" 5.1 "両方で同じ変更"
	draft_is "$G/d.yaml" 30.1 "$("$KAIJI" get "$T/mine.yaml" 30.1)"
	ok "git: the work tree is clean" \
	    test -z "$(cd "$G" && git status --porcelain --untracked-files=all)"
fi
finish
