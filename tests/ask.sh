# kaiji ask, the line mode, with standard input that is not a terminal:
# answers on one line and on several (ended by "."), choices by number
# (full-width too) and by text, an empty line keeping an answer, lines
# that are not UTF-8 asked again, end of input stopping with what was
# saved, a save after every answer, the lock, Japanese output.
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8 LANGUAGE=
ESC=$(printf '\033')

# no_esc FILE: no raw escape character reached the output
no_esc() {
	checks=$((checks + 1))
	! grep -q "$ESC" "$1" || fail "$1 holds a raw ESC"
}

"$KAIJI" new "$T/a.yaml"

# --- answers of each kind, in the order the IDs give ----------------------
printf '%s\n' "架空の受付クラウド" \
    "一行目の説明" "" "三行目の説明" "." \
    "２" "1; 保存期間13ヶ月" "ASP基盤サービス" | \
    status 0 "ask four fields" "$KAIJI" ask "$T/a.yaml" 27.1 30.1 29.1 58.1 \
    >"$T/out" 2>"$T/err"
draft_is "$T/a.yaml" 27.1 "架空の受付クラウド"
draft_is "$T/a.yaml" 30.1 "一行目の説明

三行目の説明"
draft_is "$T/a.yaml" 29.1 "ネットワーク基盤サービス"
draft_is "$T/a.yaml" 58.1 "あり; 保存期間13ヶ月"
contains "$T/out" "Question 1 of 4: field 27.1"
contains "$T/out" "Question 4 of 4: field 58.1"
contains "$T/out" "Mark: 必須 (required)"
contains "$T/out" "Limit: 500字 for item 30's fields together (now 0字)"
contains "$T/out" "  2 ネットワーク基盤サービス"
contains "$T/out" "Saved 27.1: 9字"
contains "$T/out" "Saved 30.1: "
contains "$T/out" "item 30 together"
contains "$T/out" "Asked all 4 fields."
contains "$T/out" "4 answers saved."
lacks "$T/out" "┌"
checks=$((checks + 1))
[ ! -s "$T/err" ] || fail "ask wrote to stderr: $(cat "$T/err")"
ok "the draft stays 0600" test "$(stat -c %a "$T/a.yaml")" = 600
ok "the previous version is kept as DRAFT~" test -f "$T/a.yaml~"
ok "the lock is gone after ask" test ! -e "$T/a.yaml.lock"
# the last answer was a line left over: 58.1 asked once, the choice 3
# is not read as an answer to anything
lacks "$T/out" "Question 5"

# --- an empty line keeps; nothing typed writes nothing ----------------------
cp "$T/a.yaml" "$T/before"
printf '\n\n' | status 0 "empty lines keep" "$KAIJI" ask "$T/a.yaml" 27.1 30.1 \
    >"$T/out" 2>&1
ok "the file is untouched" cmp -s "$T/a.yaml" "$T/before"
contains "$T/out" "Kept the answer to 27.1."
contains "$T/out" "Kept the answer to 30.1."
contains "$T/out" "0 answers saved."
contains "$T/out" "Current answer: 架空の受付クラウド"
contains "$T/out" "  三行目の説明"
# the same text again changes nothing either
printf '%s\n' "架空の受付クラウド" | "$KAIJI" ask "$T/a.yaml" 27.1 >"$T/out" 2>&1
ok "the same answer again writes nothing" cmp -s "$T/a.yaml" "$T/before"

# --- choices: numbers out of range and text not a choice are asked again -----
printf '%s\n' "9" "どれでもない" "ｱﾌﾟﾘ" "1" | \
    status 0 "a closed list" "$KAIJI" ask "$T/a.yaml" 29.1 >"$T/out" 2>&1
contains "$T/out" "There is no choice 9: type a number from 1 to 4, or the text."
contains "$T/out" "Not one of the choices: type its number or its text."
draft_is "$T/a.yaml" 29.1 "アプリケーションサービス"
# a yes/no field takes free text, with its warning
printf '%s\n' "未定" "." | "$KAIJI" ask "$T/a.yaml" 58.1 >"$T/out" 2>&1
draft_is "$T/a.yaml" 58.1 "未定"
contains "$T/out" "Warning: should start with あり or なし"
# a number keeps the detail of the answer it replaces
printf '%s\n' "1; 13ヶ月" "." "２" | "$KAIJI" ask "$T/a.yaml" 58.1 58.1 >/dev/null 2>&1
printf '%s\n' "２" | "$KAIJI" ask "$T/a.yaml" 58.1 >/dev/null 2>&1
draft_is "$T/a.yaml" 58.1 "なし; 13ヶ月"

# --- an answer longer than a draft holds is read, dropped and asked again ----
head -c 5000000 /dev/zero | tr '\0' 'a' >"$T/long"
{ cat "$T/long"; echo; echo "短い"; } | \
    status 0 "a line too long" "$KAIJI" ask "$T/a.yaml" 28.1 >"$T/out" 2>&1
contains "$T/out" "longer than the 4194304 bytes a draft holds; not taken."
draft_is "$T/a.yaml" 28.1 "短い"
{ for i in 1 2 3; do head -c 2000000 "$T/long"; echo; done; printf '.\n二行の\n答え\n.\n'; } | \
    status 0 "a multi-line answer too long" "$KAIJI" ask "$T/a.yaml" 30.1 \
    >"$T/out" 2>&1
contains "$T/out" "the draft would be larger than the 4194304 bytes kaiji saves"
draft_is "$T/a.yaml" 30.1 "二行の
答え"

# --- NFD from a Mac is stored, counted and matched in NFC --------------------
printf 'カ\343\202\231\n' | "$KAIJI" ask "$T/a.yaml" 28.1 >"$T/out" 2>&1
contains "$T/out" "Saved 28.1: 1字"
draft_is "$T/a.yaml" 28.1 "ガ"
printf 'ネットワーク基盤サーヒ\343\202\231ス\n' | \
    status 0 "an NFD choice" "$KAIJI" ask "$T/a.yaml" 29.1 >"$T/out" 2>&1
lacks "$T/out" "Not one of the choices"
draft_is "$T/a.yaml" 29.1 "ネットワーク基盤サービス"

# --- an answer to renew is confirmed unchanged by "=" -------------------------
"$KAIJI" renew "$KAIJI_TEST_DATA/complete-2021.yaml" -o "$T/r.yaml" >/dev/null 2>&1
printf '%s\n' "=" "=" | status 0 "confirm by =" "$KAIJI" ask "$T/r.yaml" 3.2 27.1 \
    >"$T/out" 2>&1
contains "$T/out" "type \"=\" to confirm it unchanged"
contains "$T/out" "Confirmed the answer to 3.2 unchanged."
"$KAIJI" summary --format yaml "$T/r.yaml" >"$T/sum"
checks=$((checks + 1))
grep -A1 'id: "3.2"' "$T/sum" | grep -q "kind: renewal" && fail "3.2 still to renew"
# 27.1 is not to renew: there "=" is an answer
draft_is "$T/r.yaml" 27.1 "="

# --- lines that are not text; CR LF; a byte order mark; control characters ---
printf '\357\273\277%s\r\n' "BOMの後" | "$KAIJI" ask "$T/a.yaml" 28.1 >/dev/null 2>&1
draft_is "$T/a.yaml" 28.1 "BOMの後"
printf 'bad\377line\nnul\000byte\ngood\n' | \
    status 0 "invalid lines" "$KAIJI" ask "$T/a.yaml" 27.1 >"$T/out" 2>&1
contains "$T/out" "That line is not valid UTF-8 text (byte 4); not taken."
contains "$T/out" "That line is not valid UTF-8 text (byte 4); not taken."
checks=$((checks + 1))
[ "$(grep -c "not valid UTF-8" "$T/out")" -eq 2 ] || fail "two lines refused"
draft_is "$T/a.yaml" 27.1 "good"
printf 'evil\033]0;pwned\007name\n' | "$KAIJI" ask "$T/a.yaml" 27.1 >"$T/out" 2>&1
no_esc "$T/out"
printf '\n' | "$KAIJI" ask "$T/a.yaml" 27.1 >"$T/out" 2>&1
contains "$T/out" "Current answer: evil^[]0;pwned^Gname"
no_esc "$T/out"

# --- no IDs: every missing and doubtful field, in form order; EOF stops ------
"$KAIJI" new "$T/b.yaml"
"$KAIJI" summary "$T/b.yaml" >"$T/sum"
n=$("$KAIJI" summary --format yaml "$T/b.yaml" | grep -c "kind: missing")
printf '%s\n' "2025/4/1" "2025/4/1" | \
    status 0 "EOF stops" "$KAIJI" ask "$T/b.yaml" >"$T/out" 2>&1
contains "$T/out" "$n fields to ask."
contains "$T/out" "Question 1 of $n: field 1.1"
contains "$T/out" "End of input: stopped at question 3 of $n."
contains "$T/out" "2 answers saved."
draft_is "$T/b.yaml" 1.1 "2025/4/1"
first2=$(sed -n 's/^Question 2 of [0-9]*: field //p' "$T/out")
third=$(sed -n 's/^Question 3 of [0-9]*: field //p' "$T/out")
draft_is "$T/b.yaml" "$first2" "2025/4/1"
draft_is "$T/b.yaml" "$third" ""
# a date with a finding is said at once
printf '%s\n' "2017/4/31" | "$KAIJI" ask "$T/b.yaml" 1.1 >"$T/out" 2>&1
contains "$T/out" "Warning: "
# a complete draft has nothing to ask
cp "$KAIJI_TEST_DATA/complete-2021.yaml" "$T/c.yaml"
status 0 "nothing to ask" "$KAIJI" ask "$T/c.yaml" </dev/null >"$T/out" 2>&1
contains "$T/out" "Nothing to ask"

# --- each answer is saved at once, and the lock is held meanwhile -----------
mkfifo "$T/in"
"$KAIJI" ask "$T/a.yaml" 27.1 28.1 <"$T/in" >"$T/out" 2>&1 &
ask_pid=$!
exec 4>"$T/in"
printf '%s\n' "一つ目を保存" >&4
saved_soon "$T/a.yaml" 27.1 "一つ目を保存"
ok "ask still runs" kill -0 "$ask_pid"
status 2 "set while ask holds the lock" "$KAIJI" set "$T/a.yaml" 28.1 x \
    2>"$T/err"
contains "$T/err" "is being edited"
printf '%s\n' "二つ目" >&4
exec 4>&-
wait "$ask_pid"
ok "ask ends with 0 at EOF" test $? -eq 0
draft_is "$T/a.yaml" 27.1 "一つ目を保存"
draft_is "$T/a.yaml" 28.1 "二つ目"

# --- a draft another editor holds is refused --------------------------------
sleep 60 &
holder=$!
printf 'kaiji-lock 1 %s %s %s %s\n' "$(id -un)" "$(hostname)" $holder \
    "$(date +%s)" >"$T/a.yaml.lock"
cp "$T/a.yaml" "$T/before"
printf 'x\n' | status 2 "a locked draft" "$KAIJI" ask "$T/a.yaml" 27.1 \
    >"$T/out" 2>"$T/err"
contains "$T/err" "is being edited"
contains "$T/err" "nothing changed"
ok "the locked draft is untouched" cmp -s "$T/a.yaml" "$T/before"
ok "the other editor's lock stays" test -s "$T/a.yaml.lock"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
rm -f "$T/a.yaml.lock"

# --- errors ----------------------------------------------------------------
# a save that fails stops, says why, and shows the words typed
"$KAIJI" set "$T/a.yaml" 30.1 "$(printf 'あ%.0s' $(seq 1 700))" 2>/dev/null
cp "$T/a.yaml" "$T/before"
(ulimit -f 1; printf '%s\n' "保存できない答え" | "$KAIJI" ask "$T/a.yaml" 27.1 \
    >"$T/out" 2>"$T/err"; echo $? >"$T/rc")
ok "a failed save exits 2" test "$(cat "$T/rc")" = 2
contains "$T/err" "File too large"
contains "$T/out" "Not saved; the answer typed was: 保存できない答え"
ok "the draft is as it was" cmp -s "$T/a.yaml" "$T/before"
status 2 "an id that is no field" "$KAIJI" ask "$T/a.yaml" 99.9 </dev/null \
    >"$T/out" 2>"$T/err"
contains "$T/err" "99.9"
status 2 "no draft given" "$KAIJI" ask </dev/null >/dev/null 2>"$T/err"
contains "$T/err" "Usage: kaiji ask"
# a draft that does not exist is written only at its first answer
status 0 "a new name, nothing typed" "$KAIJI" ask "$T/new.yaml" 27.1 \
    </dev/null >"$T/out" 2>&1
contains "$T/out" "There is no draft"
ok "nothing written without an answer" test ! -e "$T/new.yaml"
printf '新規\n' | "$KAIJI" ask "$T/new.yaml" 27.1 >/dev/null 2>&1
draft_is "$T/new.yaml" 27.1 "新規"
ok "the new draft is 0600" test "$(stat -c %a "$T/new.yaml")" = 600

# --- the full-width id; help -------------------------------------------------
printf '全角ID\n' | "$KAIJI" ask "$T/a.yaml" "２７．１" >/dev/null 2>&1
draft_is "$T/a.yaml" 27.1 "全角ID"
"$KAIJI" --help >"$T/out"
contains "$T/out" "kaiji ask DRAFT [ID...]"

# --- Japanese under a Japanese locale ---------------------------------------
gmo="$KAIJI_BUILD_PO_DIR/ja.gmo"
[ -f "$gmo" ] || gmo="$KAIJI_PO_DIR/ja.gmo"
if [ -f "$gmo" ] && locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	mkdir -p "$T/locale/ja/LC_MESSAGES"
	cp "$gmo" "$T/locale/ja/LC_MESSAGES/kaiji.mo"
	printf '%s\n' "1" "日本語で" "." | env LC_ALL=ja_JP.UTF-8 LANGUAGE=ja \
	    KAIJI_LOCALEDIR="$T/locale" "$KAIJI" ask "$T/a.yaml" 24.2 24.1 \
	    >"$T/out" 2>&1
	contains "$T/out" "質問 1/2: 欄 24.2"
	contains "$T/out" "必須○ (一定の水準を考慮すべき必須開示項目)"
	contains "$T/out" "選択肢:"
	contains "$T/out" "24.2 を保存しました: 2字"
	contains "$T/out" "2 個の欄をすべて質問しました。"
	lacks "$T/out" "Question"
	lacks "$T/out" "Saved"
	draft_is "$T/a.yaml" 24.2 "あり"
	draft_is "$T/a.yaml" 24.1 "日本語で"
else
	echo "SKIP: no ja_JP.UTF-8 locale or catalogue; Japanese not checked"
fi

finish
