# Feedback at the field, in tmux: the status line says why the selected
# field is marked (a date that does not exist, an answer over its limit,
# a missing answer), and F1 says it too, with the formats the field's type
# accepts and an example (date, year, yen); a cell pasted from Excel is
# tidied and the message says how; a jump and a search typed in full
# width (through an IME) work; a new draft says it was created, and keys
# that do nothing on a page say what would; in English and Japanese.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"

export LC_ALL=C.UTF-8 LANGUAGE= XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"
unset KAIJI_AMBIGUOUS_WIDTH KAIJI_FRAME
"$KAIJI" new "$T/a.yaml" >/dev/null
"$KAIJI" set "$T/a.yaml" 28.1 "2017/4/31" 2>/dev/null
"$KAIJI" set "$T/a.yaml" 5.1 "$(printf '%0122d' 0)" 2>/dev/null
"$KAIJI" set "$T/a.yaml" 2.1 "株式会社そらまめ"

go() {	# go ID: jump to field ID
	term_keys g
	term_type "$1"
	term_keys Enter
	case $1 in
	*[0-9]*) term_wait "$1 必須" ;;
	esac
}

term_start 100 30 "$KAIJI" "$T/a.yaml"
term_wait "F1 Help"
# the footer names Ctrl-Q beside F10; the title the whole form's progress
term_wait "F10/Ctrl-Q Quit"
term_screen | head -n 1 > "$T/title"
contains "$T/title" " 必須 2/11 必須○ 0/0  form 3/92"
go 28.1
term_wait "28.1 必須  2017/4/31 is not a valid date"
term_keys F1
term_wait "Accepted: a date in the Western calendar (西暦), e.g. 2021/6/25"
term_wait "Now: 2017/4/31 is not a valid date"
term_keys Escape
go 5.1
term_wait "22字 over the limit"
go 3.1
term_wait "3.1 必須  not answered yet"
term_keys F1
term_wait "Accepted: a year in the Western calendar (西暦)"
term_keys Escape
go 9.1
term_keys F1
term_wait "Accepted: an amount in yen, digits grouped by three"
term_keys Escape
# typed through an IME: a jump and a search in full width
go ３０．２
term_wait "30.2 必須"
term_keys /
term_type "ＩＳＭＳ"
term_keys Enter
term_wait "42.1 選択"
# what the search found stands out (bold reverse)
esc=$(printf '\033')
term_screen -e | grep -F "ISMS" > "$T/match"
checks=$((checks + 1))
grep -Eq "${esc}\[[0-9;]*7m(${esc}\[[0-9;]*m)*ISMS" "$T/match" ||
	fail "the match of the search is not highlighted: $(cat -v "$T/match")"
# the prompt starts empty; Enter on it searches again, and says it wrapped
term_keys /
term_wait "Search:"
term_screen | tail -n 2 | head -n 1 > "$T/prompt"
lacks "$T/prompt" "ISMS"
term_keys Enter
term_wait "Search wrapped to the start of the form."
term_wait "42.1 選択"
go 2.1
term_screen > "$T/screen"
lacks "$T/screen" "not answered yet"
lacks "$T/screen" "Now:"
# a cell pasted from Excel into a one-line field: the tab and the CR LF
term_keys Enter C-e
term_paste -r "$(printf '\tクラウド\r\n')"
term_wait "Pasted 5字. Changed: the line breaks and spaces at the end dropped, tabs became spaces."
term_keys Escape
term_keys C-q
term_exit_is 0 "English"
draft_is "$T/a.yaml" 2.1 "株式会社そらまめ クラウド"

# the first minute: a new name says the draft was created, nothing is
# "saved" before something is; keys that do nothing say what would
term_start 100 30 "$KAIJI" "$T/new.yaml"
term_wait "Created the new draft $T/new.yaml (asp-saas 2021): no file of that name existed."
term_screen > "$T/screen"
lacks "$T/screen" "saved "
term_keys z
term_wait "Press Enter to edit the field, F1 for help."
term_keys q
term_wait "To quit, press Ctrl-Q or F10 (the answers are saved)."
term_keys C-c
term_wait "To quit, press Ctrl-Q or F10"
term_keys C-q
term_exit_is 0 "a new draft"
term_start 100 30 "$KAIJI" "$T/new.yaml"
term_wait "F1 Help"
term_screen > "$T/screen"
lacks "$T/screen" "Created"
term_keys C-q
term_exit_is 0 "the draft again"

# a long file name in the title is cut from the left: its name shows
deep="$T/a-long-directory-name/for-the-drafts-of-the-service/そらまめ帳票クラウド"
mkdir -p "$deep"
cp "$T/a.yaml" "$deep/申請2024.yaml"
term_start 80 24 "$KAIJI" "$deep/申請2024.yaml"
term_wait "F1 Help"
term_screen | head -n 1 > "$T/title"
contains "$T/title" "…"
contains "$T/title" "ラウド/申請2024.yaml"
contains "$T/title" " 必須 2/11 必須○ 0/0"
term_keys C-q
term_exit_is 0 "a long file name"

# the summary names an item's shared limit by its fields, as the CLI does;
# text cut at the edge of the screen ends with …
cp "$KAIJI_TEST_DATA/gaps-2021.yaml" "$T/gaps.yaml"
term_start 80 24 "$KAIJI" "$T/gaps.yaml"
term_wait "F1 Help"
# a jump shows the item from its heading at the top, not at the bottom edge
go 9.1
term_screen | sed -n 2,3p > "$T/top"
contains "$T/top" " 9 財務データ / 売上高"
go 39.2
term_wait "39.1 必須 サービス稼働率のこれまでの実績値、またはやむなき理由により実績値…"
term_keys s
term_wait "30.1-30.2 サービスの内容・範囲: 514/500字"
term_wait "24.1 情報セキュリティに関する規程等の整備: 情報セキュリティに関する基本方針…"
term_keys Escape C-q
term_exit_is 0 "the summary of gaps"
"$KAIJI" summary "$T/gaps.yaml" > "$T/summary"
contains "$T/summary" "30.1-30.2 サービスの内容・範囲: 514/500字"

# too small: quit still quits
term_start 30 8 "$KAIJI" "$T/a.yaml"
term_wait "Too small: at least 40x10."
term_keys C-q
term_exit_is 0 "quit while too small"

# a narrow screen: the status line keeps the count, not the time
term_start 40 12 "$KAIJI" "$T/a.yaml"
term_wait "F1 Help"
term_keys F2
go 5.1
term_wait "5.1 必須  122/100字  22字 over the"
term_screen > "$T/screen"
lacks "$T/screen" "saved"
term_keys C-q
term_exit_is 0 "a narrow screen"

gmo="$KAIJI_BUILD_PO_DIR/ja.gmo"
[ -f "$gmo" ] || gmo="$KAIJI_PO_DIR/ja.gmo"
if [ -f "$gmo" ] && locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	mkdir -p "$T/locale/ja/LC_MESSAGES"
	cp "$gmo" "$T/locale/ja/LC_MESSAGES/kaiji.mo"
	LC_ALL=ja_JP.UTF-8 LANGUAGE=ja KAIJI_LOCALEDIR="$T/locale"
	export LC_ALL LANGUAGE KAIJI_LOCALEDIR
	term_start 100 30 "$KAIJI" "$T/a.yaml"
	term_wait "必須"
	go 28.1
	term_wait "28.1 必須  2017/4/31 は存在しない日付です"
	term_keys F1
	term_wait "受け付ける形式: 西暦の年月日。例: 2021/6/25"
	term_wait "必須/選択: 必須"
	term_keys Escape
	go 5.1
	term_wait "22字超過"
	term_keys C-q
	term_exit_is 0 "Japanese"
else
	echo "SKIP: no ja_JP.UTF-8 locale or catalogue; Japanese not checked"
fi

finish
