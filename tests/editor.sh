# The interactive editor, driven in a real terminal (tmux) as a person
# would: navigation, Japanese typing against limits, pastes, wrapped
# editing, resize, undo, search, jump, resume, hang-ups and locks.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE= XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"

draft_has() {	# draft_has FILE ID TEXT: the saved answer contains TEXT
	checks=$((checks + 1))
	case $("$KAIJI" get "$1" "$2") in
	*"$3"*) ;;
	*) fail "$1 $2 does not contain '$3': '$("$KAIJI" get "$1" "$2")'" ;;
	esac
}

cursor_col() {	# cursor_col X: a check: the cursor reaches column X
	checks=$((checks + 1))
	i=0
	while [ $i -lt 100 ]; do
		set -- "$1" $(term_cursor)
		[ "$2" = "$1" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	fail "cursor at column $2, expected $1"
}

count_of() {	# count_of FILE ID: the saved answer's 字 (code points, no LF)
	"$KAIJI" get "$1" "$2" | tr -d '\n' | wc -m
}

# --- all pages of both editions, 80x24 and wide -------------------------
for ed in 2021 2019; do
	cp "$D/complete-$ed.yaml" "$T/nav.yaml"
	rm -f "$T/state/kaiji/positions"
	pages=8
	[ $ed = 2019 ] && pages=7
	term_start 80 24 "$KAIJI" "$T/nav.yaml"
	term_wait "page 1/$pages"
	term_wait "開示情報の時点"
	p=2
	while [ $p -le $pages ]; do
		term_keys PageDown
		term_wait "page $p/$pages"
		p=$((p + 1))
	done
	term_keys End
	term_wait "93.1 必須"
	term_wait "93 サービス通知・報告 / 定期報告"
	term_keys PageUp PageUp
	term_wait "page $((pages - 1))/$pages"
	term_keys C-q
	term_exit_is 0 "quit the $ed edition"
	ok "browsing changes nothing ($ed)" cmp -s "$T/nav.yaml" "$D/complete-$ed.yaml"
	rm -f "$T/nav.yaml~"
done

term_start 160 50 "$KAIJI" "$T/nav.yaml"
term_wait "page 6/7"	# resumed where it was left
term_keys o
term_wait "Pages and sections"
term_wait "Page 7/7"
term_keys Escape F10
term_exit_is 0 "quit a wide terminal"

# --- typing Japanese into item 5 up to and past 100字 ---------------------
"$KAIJI" new "$T/a.yaml"
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_wait "page 1/8"
term_keys g
term_type "5"
term_keys Enter
term_wait "5.1 必須  0/100字"
term_keys Enter
term_type "$(printf '字%.0s' $(seq 1 99))"
term_wait "5.1 必須  99/100字"
term_type "あいう"
term_wait "The limit of 100字 is reached."
term_wait " 100/100字"
term_keys Escape
term_wait "Enter Edit"
ok "item 5 stopped at 100字" test "$(count_of "$T/a.yaml" 5.1)" -eq 100
draft_has "$T/a.yaml" 5.1 "字あ"

# --- pasting 600字 into item 30: kept whole, flagged -----------------------
term_keys g
term_type 30
term_keys Enter Enter
python3 -c 'print("貼" * 600, end="")' >"$T/paste.txt" 2>/dev/null ||
	printf '貼%.0s' $(seq 1 600) >"$T/paste.txt"
term_paste "$(cat "$T/paste.txt")"
term_wait "Pasted 600字: 600/500字, 100 over the limit"
term_wait " 600/500字"
term_keys Escape
term_wait "Enter Edit"
ok "the paste is kept whole" test "$(count_of "$T/a.yaml" 30.1)" -eq 600
"$KAIJI" summary "$T/a.yaml" >"$T/out"
contains "$T/out" "30.1-30.2 サービスの内容・範囲: 600/500字 (100 over; 全角換算 600)"

# --- a paste with CR LF, and a key typed right after it in the same write --
term_keys g
term_type 32.1
term_keys Enter Enter
printf '\033[200~貼り\r\n付け\033[201~後' >"$T/raw-paste"
_term_tmux load-buffer -b raw-paste "$T/raw-paste" ";" \
	paste-buffer -d -r -b raw-paste -t "=$_term_cur:"
term_wait "付け後"
term_keys Escape
term_wait "Enter Edit"
ok "the paste and the key after it" \
	test "$("$KAIJI" get "$T/a.yaml" 32.1)" = "$(printf '貼り\n付け後')"

# --- editing in the middle of a wrapped line of full-width text ----------
term_keys g
term_type 31
term_keys Enter Enter
term_type "$(printf '一%.0s' $(seq 1 50))"
term_keys C-a Down Right Right Right
term_type "X"
term_keys Escape
term_wait "Enter Edit"
ok "X went in the middle of the wrapped line" \
	test "$("$KAIJI" get "$T/a.yaml" 31.1)" = "$(printf '一%.0s' $(seq 1 39))X$(printf '一%.0s' $(seq 1 11))"

# --- the cursor sits on the real cell after full-width text --------------
term_keys Enter C-a
term_keys Right Right
cursor_col 10	# the answer starts at column 6; two full-width characters

# --- resize in the middle of an edit ------------------------------------
term_keys C-e
term_type "続き"
term_resize 100 30
term_wait "31.1 必須  53/200字"
term_resize 60 20
term_wait "31.1 必須  53/200字"
term_resize 30 8
term_wait "Too small: at least 40x10."
# keys other than quit and redraw do nothing while the text is not seen
term_type "無視"
term_keys Escape C-z
term_paste "貼付"
term_keys C-l
term_wait "Too small: at least 40x10."
term_resize 80 24
term_wait "31.1 必須  53/200字"
term_type "末尾"
term_keys Escape
term_wait "Enter Edit"
draft_has "$T/a.yaml" 31.1 "X$(printf '一%.0s' $(seq 1 11))続き末尾"

# --- undo and redo --------------------------------------------------------
term_keys g
term_type 27
term_keys Enter Enter
term_type "そらまめ"
term_keys Escape
term_wait "Enter Edit"
term_keys Enter
term_type "帳票"
term_wait "そらまめ帳票"
term_keys C-z
term_wait_gone "そらまめ帳票"
term_keys C-r
term_wait "そらまめ帳票"
term_keys C-z
term_wait_gone "そらまめ帳票"
term_keys Escape
term_wait "Enter Edit"
ok "undo takes back the last typing" test "$("$KAIJI" get "$T/a.yaml" 27.1)" = "そらまめ"
# undo reaches past the edit: on the page it puts the field back to its
# answer before the last edit of it, saved; redo does it again
term_keys C-z
term_wait "Undid the change to 27.1 (Ctrl-R redoes it)."
saved_soon "$T/a.yaml" 27.1 ""
term_keys C-r
term_wait "Redid the change to 27.1."
saved_soon "$T/a.yaml" 27.1 "そらまめ"
# a run of Backspaces is one step; once the edit has nothing left to undo,
# undo goes on with the change before the edit
term_keys Enter BSpace BSpace BSpace
term_wait_gone "そらま"
term_keys C-z
term_wait "そらまめ"
term_keys C-z
term_wait "Undid the change to 27.1"
term_wait "Enter Edit"
saved_soon "$T/a.yaml" 27.1 ""
term_keys C-r
saved_soon "$T/a.yaml" 27.1 "そらまめ"

# --- search and jump ------------------------------------------------------
term_keys /
term_type "バックアップ確認"
term_keys Enter
term_wait "46.1 選択"
term_keys g
term_type "87.4"
term_keys Enter
term_wait "87.4 選択"
term_wait "page 7/8"
term_keys m
term_wait "88.1 必須"
term_keys s
term_wait "Summary (Enter: go to the field)"
term_keys Enter
term_wait "1.1 必須"
term_keys F1
term_wait "Mark: 必須"
term_keys Escape

# --- choices --------------------------------------------------------------
term_keys g
term_type 29
term_keys Enter Enter
term_wait "Answer for 29.1"
term_keys Down Enter
term_wait "Enter Edit"
ok "a choice is stored" test "$("$KAIJI" get "$T/a.yaml" 29.1)" = "ネットワーク基盤サービス"
term_keys Enter
term_wait "Answer for 29.1"
term_keys F1
term_wait "Mark: 必須"
term_keys Escape
term_wait "Enter Edit"
ok "F1 in the choice list changes nothing" test "$("$KAIJI" get "$T/a.yaml" 29.1)" = "ネットワーク基盤サービス"
term_keys g
term_type 43
term_keys Enter Enter
term_wait "Answer for 43.1"
term_keys Enter
term_wait "あり chosen: a detail may follow (Esc to finish)."
term_type "Webサイトで明示"
term_keys Escape
term_wait "Enter Edit"
ok "あり with a detail" test "$("$KAIJI" get "$T/a.yaml" 43.1)" = "あり; Webサイトで明示"

# --- a paste into a one-line field: line breaks become spaces -----------
term_keys g
term_type 52
term_keys Enter Enter
term_paste "$(printf '架空ソフト\n株式会社')"
term_wait "line breaks became spaces (the field is one line)"
term_keys Escape
term_wait "Enter Edit"
ok "one-line paste" test "$("$KAIJI" get "$T/a.yaml" 52.1)" = "架空ソフト 株式会社"

# --- export the printable text from the editor ---------------------------
term_keys x
term_wait "Exported the printable text to $T/a.txt"
contains "$T/a.txt" "認定サービスの申請内容 (1/8)"

# --- quit and resume at the same field -----------------------------------
term_keys g
term_type "62.2"
term_keys Enter
term_wait "62.2 必須"
term_keys F10
term_exit_is 0 "quit"
ok "no lock left" test ! -e "$T/a.yaml.lock"
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_wait "62.2 必須"
term_keys C-q
term_exit_is 0 "quit again"

# --- control characters never reach the terminal raw ---------------------
"$KAIJI" set "$T/a.yaml" 27.1 "$(printf 'evil\033]0;owned\007name')"
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_wait "62.2 必須"	# the keys below go to the editor, not before it
term_keys g
term_type 27
term_keys Enter
term_wait "evil^[]0;owned^Gname"
term_keys C-q
term_exit_is 0 "quit after control characters"

# --- hang-up while typing: every character is in the draft ---------------
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_keys g
term_type 2
term_keys Enter Enter
term_type "架空商事"
term_wait "2.1 必須"
term_wait "架空商事"
term_hangup
draft_has "$T/a.yaml" 2.1 "架空商事"
ok "no lock left after a hang-up" test ! -e "$T/a.yaml.lock"

# --- idle autosave while still editing, and SIGTERM -----------------------
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_keys g
term_type 6
term_keys Enter Enter
term_type "代表"
term_wait "not saved yet"
saved_soon "$T/a.yaml" 6.1 "代表"	# saved after 2 s idle, still editing
term_wait "saved "
term_type "取締役"
term_wait "代表取締役"
kill -TERM "$(term_pid)"
term_exit_is 0 "SIGTERM saves and exits"
draft_has "$T/a.yaml" 6.1 "代表取締役"

# --- a save that fails keeps the text and says why; a later save works ---
mkdir "$T/gone"
cp "$D/complete-2021.yaml" "$T/gone/g.yaml"
term_start 80 24 "$KAIJI" "$T/gone/g.yaml"
term_wait "page 1/8"
mv "$T/gone" "$T/moved"	# the directory disappears under the editor
term_keys g
term_type 2
term_keys Enter Enter
term_type "失われない"
term_keys Escape
# a message wider than the screen goes on over the key-hint line
term_wait "Not saved: $T/gone/"
term_screen | tail -n 2 | paste -sd ' ' >"$T/status"
contains "$T/status" "Not saved: $T/gone/g.yaml"
contains "$T/status" "No such file or directory. F2: try again, F6: save elsewhere."
term_wait "架空テック株式会社失われない"	# still on screen
mv "$T/moved" "$T/gone"
term_keys C-s
term_wait "Saved $T/gone/g.yaml"
term_wait "F10/Ctrl-Q Quit"	# the key hints are back under a short message
draft_has "$T/gone/g.yaml" 2.1 "架空テック株式会社失われない"
mv "$T/gone" "$T/moved"
term_keys Enter
term_type "!"
term_keys F10
term_wait "Not saved"
term_keys F10	# a second quit leaves without saving
term_exit_is 0 "quit after a failed save"

# --- two editors on one draft: the second may only read ------------------
term_start_named first 80 24 "$KAIJI" "$T/a.yaml"
term_wait "page "
term_start_named second 80 24 "$KAIJI" "$T/a.yaml"
term_wait "This draft is being edited: held by"
term_keys Enter
term_wait "Read-only: held by"
term_keys Enter
term_wait "This draft is open read-only."
status 2 "kaiji set while an editor holds the draft" "$KAIJI" set "$T/a.yaml" 2.1 x 2>"$T/err"
contains "$T/err" "is being edited (held by"
term_keys C-q
term_exit_is 0 "the reader quits"
term_use first
term_keys C-q
term_exit_is 0 "the writer quits"

# --- the start screen: new draft, then resume it -------------------------
term_start 80 24 "$KAIJI"
term_wait "New draft"
term_keys Enter
term_wait "page 1/8"
term_keys g
term_type 27
term_keys Enter Enter
term_type "始めの一歩"
term_keys Escape C-q
term_exit_is 0 "quit the new draft"
new=$(ls "$T/data/kaiji/drafts/"*.yaml)
ok "the new draft is in the drafts directory" test -f "$new"
ok "the new draft is 0600" test "$(stat -c %a "$new")" = 600
draft_has "$new" 27.1 "始めの一歩"
term_start 80 24 "$KAIJI"
term_wait "$(basename "$new")"
term_keys Down Down Down Enter
term_wait "27.1 必須"
term_keys C-q
term_exit_is 0 "quit the resumed draft"

# --- without a terminal, or a dumb one ----------------------------------
status 2 "no terminal" "$KAIJI" "$T/a.yaml" </dev/null >"$T/out" 2>"$T/err"
contains "$T/err" "kaiji summary DRAFT"
TERM_NAME=dumb
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_exit_is 2 "TERM=dumb"

# --- other terminals ------------------------------------------------------
for tn in screen tmux-256color vt100; do
	if infocmp "$tn" >/dev/null 2>&1; then
		TERM_NAME=$tn
		term_start 80 24 env NO_COLOR=1 "$KAIJI" "$T/a.yaml"
		term_wait "page "
		term_keys g
		term_type 1
		term_keys Enter
		term_wait "page 1/8"
		term_keys PageDown
		term_wait "page 2/8"
		term_keys C-q
		term_exit_is 0 "TERM=$tn"
	fi
done

term_stop
finish
