# Text in NFC on every way in: decomposed text as a Mac writes it (カ and
# U+3099 for ガ) is stored composed by set, set --file, set -, a CSV
# import and a draft written elsewhere, so 60 ガ count 60字 and a choice
# spelled in NFD is the choice; in the editor a mark typed after its base
# and a paste of NFD compose, and a search for ｶﾞ finds ガ.
. "${srcdir:-.}/tests/lib.sh"

export LC_ALL=C.UTF-8 LANGUAGE= XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"
unset KAIJI_AMBIGUOUS_WIDTH KAIJI_FRAME

# nfd TEXT: TEXT with ガ, ビ and パ decomposed (bytes, as a Mac sends them)
nfd() {
	printf '%s' "$1" | LC_ALL=C sed -e 's/ガ/カ\xe3\x82\x99/g' \
	    -e 's/ビ/ヒ\xe3\x82\x99/g' -e 's/パ/ハ\xe3\x82\x9a/g'
}
ga60=$(printf 'ガ%.0s' $(seq 60))
ok "the test's NFD differs" test "$(nfd "$ga60")" != "$ga60"

"$KAIJI" new "$T/a.yaml" >/dev/null
# 5.1 has a 100字 limit: 60 NFD ガ would be 120 code points
status 0 "set NFD" "$KAIJI" set "$T/a.yaml" 5.1 "$(nfd "$ga60$ga60")" 2>"$T/err"
contains "$T/err" "120/100字 (20 over"
status 0 "set NFD" "$KAIJI" set "$T/a.yaml" 5.1 "$(nfd "$ga60")" 2>"$T/err"
draft_is "$T/a.yaml" 5.1 "$ga60"
lacks "$T/err" "over"
"$KAIJI" summary --format yaml "$T/a.yaml" >"$T/sum"
lacks "$T/sum" "over-limit"
# a choice spelled in NFD is the choice
"$KAIJI" set "$T/a.yaml" 29.1 "$(nfd "アプリケーションサービス")" >/dev/null
draft_is "$T/a.yaml" 29.1 "アプリケーションサービス"
"$KAIJI" summary --format yaml "$T/a.yaml" >"$T/sum"
lacks "$T/sum" "not-choice"
# --file and standard input
nfd "パスワードをガイドに" >"$T/in.txt"
"$KAIJI" set "$T/a.yaml" 30.1 --file "$T/in.txt" >/dev/null
draft_is "$T/a.yaml" 30.1 "パスワードをガイドに"
nfd "ビル" | "$KAIJI" set "$T/a.yaml" 4.1 - >/dev/null
draft_is "$T/a.yaml" 4.1 "ビル"
ok "the draft file holds no combining mark" sh -c \
    "! LC_ALL=C grep -q \"$(printf '\343\202[\231\232]')\" '$T/a.yaml'"

# a CSV import of decomposed text
"$KAIJI" export "$T/a.yaml" --to csv -o "$T/a.csv" 2>/dev/null
nfd "$(cat "$T/a.csv")" >"$T/nfd.csv"
ok "the CSV is decomposed" sh -c "! cmp -s '$T/a.csv' '$T/nfd.csv'"
status 0 "CSV import" "$KAIJI" import "$T/nfd.csv" -o "$T/b.yaml" >/dev/null 2>&1
draft_is "$T/b.yaml" 5.1 "$ga60"
draft_is "$T/b.yaml" 29.1 "アプリケーションサービス"

# a draft written elsewhere in NFD is read in NFC
nfd "$(cat "$T/a.yaml")" >"$T/c.yaml"
echo >>"$T/c.yaml"
draft_is "$T/c.yaml" 5.1 "$ga60"
"$KAIJI" summary --format yaml "$T/c.yaml" >"$T/sum"
lacks "$T/sum" "over-limit"
lacks "$T/sum" "not-choice"



# the editor: a mark typed after its base composes, a paste of NFD too
"$KAIJI" set "$T/a.yaml" 31.1 "ｶﾞｲﾄﾞﾗｲﾝ" 2>/dev/null
# a character CP932 cannot hold is a doubt in the summary and at the field
"$KAIJI" set "$T/a.yaml" 2.1 "株式会社森鷗外㋿" 2>"$T/err"
contains "$T/err" "鷗 (U+9DD7) is not in CP932 (export --encoding cp932) (2 such characters)"
"$KAIJI" summary "$T/a.yaml" >"$T/sum"
contains "$T/sum" "2.1    事業者名: 鷗 (U+9DD7) is not in CP932"
"$KAIJI" set "$T/a.yaml" 4.1 "ビル㋿" 2>"$T/err"
contains "$T/err" "㋿ (U+32FF) is not in CP932 (export --encoding cp932); write 令和 (1 such character)"
. "${srcdir:-.}/tests/term.sh"
term_start 100 30 "$KAIJI" "$T/a.yaml"
term_wait "F1 Help"
term_keys g
term_type 5.1
term_keys Enter
term_wait "5.1 必須"
term_keys Enter
term_type "か"
term_type "$(printf '\343\202\231')"
term_wait "61/100字"
term_paste "$(nfd "パ")"
term_wait "62/100字"
term_keys Escape
saved_soon "$T/a.yaml" 5.1 "${ga60}がパ"
term_keys g
term_type 2.1
term_keys Enter
term_wait "2.1 必須  鷗 (U+9DD7) is not in CP932"
# a search in half-width katakana finds full-width, and back
term_keys /
term_type "ｶﾞｲﾄﾞ"
term_keys Enter
term_wait "30.1 必須"
term_keys /
term_type "ガイドライン"
term_keys Enter
term_wait "31.1 "
term_wait "ｶﾞｲﾄﾞﾗｲﾝ"
term_keys C-q
term_exit_is 0 "the editor"
finish
