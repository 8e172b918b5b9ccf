# The editor's marks for renewal and teamwork, in a real terminal (tmux):
# a field to renew shows ↻ and says why on the status line, m visits it,
# c confirms it; a note shows ✎ and its text, N edits it.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE= XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"

"$KAIJI" renew "$D/complete-2019.yaml" -o "$T/r.yaml" >/dev/null
"$KAIJI" note "$T/r.yaml" 2.1 "財務に確認中"
term_start 120 30 "$KAIJI" "$T/r.yaml"
term_wait "page 1/8"
term_wait "↻ 1.1"
term_wait "✎2.1"
term_wait "1.1 必須  ↻ to renew: as in asp-saas 2019; change it or confirm it unchanged"
term_keys j
term_wait "2.1 必須  ✎ 財務に確認中"
term_keys m
term_wait "3.2 必須  ↻ to renew"
term_keys c
term_wait "Confirmed unchanged for this application."
term_wait "✓ 3.2"
term_keys g
term_type "2.1"
term_keys Enter
term_keys N
term_wait "Note (empty: none): 財務に確認中"
term_keys C-u
term_type "法務に確認済み"
term_keys Enter
term_wait "Note kept in the draft."
term_keys C-s
term_wait "Saved"
term_keys C-q
term_exit_is 0 "quit after saving"
contains "$T/r.yaml" "note: 法務に確認済み"
ok "3.2 is no longer to renew" sh -c "! sed -n '/^fields:/,\$p' '$T/r.yaml' | grep -q '\"3.2\"'"
ok "1.1 still is" sh -c "sed -n '/^fields:/,\$p' '$T/r.yaml' | grep -q '\"1.1\"'"
finish
