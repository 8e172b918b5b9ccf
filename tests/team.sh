#!/bin/sh
# Working as a team: notes on fields (kaiji note, summary, exports),
# reuse across services (new --from, copy) and three-way merges (merge,
# as a git merge driver).
. "${KAIJI_TEST_DIR:-$(dirname "$0")}/lib.sh"
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
finish
