# The frame and styles of the editor and the width of ambiguous
# characters, in tmux
# (which draws them one column wide and answers the cursor position
# request): the default frame, --frame=ascii and KAIJI_FRAME,
# --ambiguous-width=2 (boxes in ASCII, everything wider by the ○ of
# 必須○), bad values; a terminal that never answers the probe (script(1)
# on a pipe) still gets the editor, after at most half a second; colours
# that read on light and dark backgrounds, none with NO_COLOR or on vt100.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"

export LC_ALL=C.UTF-8 LANGUAGE= XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"
unset KAIJI_AMBIGUOUS_WIDTH KAIJI_FRAME
"$KAIJI" new "$T/a.yaml" >/dev/null
"$KAIJI" set "$T/a.yaml" 2.1 "株式会社そらまめ"

# the default: asked, narrow; headings 【】, marks ✓ ✗, line drawing
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_wait "【開示情報の時点】"
term_wait " ✓ 2.1 必須"
term_wait " ✗ 3.1 必須"
term_keys F1
term_wait "lqqqq"	# line drawing (capture-pane shows the VT100 letters)
term_wait "mqqqq"
term_keys Escape C-q
term_exit_is 0 "default frame"

# --frame=ascii: nothing but ASCII in the frame
term_start 80 24 "$KAIJI" --frame=ascii "$T/a.yaml"
term_wait "[開示情報の時点]"
term_wait " o 2.1 必須"
term_wait " x 3.1 必須"
term_keys F1
term_wait "+-----"
term_screen > "$T/screen"
lacks "$T/screen" "lqqqq"
lacks "$T/screen" "✓"
term_keys Escape C-q
term_exit_is 0 "--frame=ascii"

# KAIJI_FRAME=ascii, and the option wins over the variable
KAIJI_FRAME=ascii
export KAIJI_FRAME
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_wait " o 2.1 必須"
term_keys C-q
term_exit_is 0 "KAIJI_FRAME=ascii"
term_start 80 24 "$KAIJI" --frame=line "$T/a.yaml"
term_wait " ✓ 2.1 必須"
term_keys C-q
term_exit_is 0 "--frame=line over KAIJI_FRAME"
unset KAIJI_FRAME

# --ambiguous-width=2: boxes in ASCII, marks kept; ○ measured as two
# columns, so the title's counts end one column further left in a terminal
# that draws it as one (tmux); a short file name, so that none of it is cut
cd "$T" || exit 99
term_start 80 24 "$KAIJI" --ambiguous-width=2 a.yaml
term_wait " ✓ 2.1 必須"
term_screen > "$T/wide"
term_keys F1
term_wait "+-----"
term_keys Escape C-q
term_exit_is 0 "--ambiguous-width=2"
term_start 80 24 "$KAIJI" --ambiguous-width=1 a.yaml
term_wait " ✓ 2.1 必須"
term_screen > "$T/narrow"
term_keys C-q
term_exit_is 0 "--ambiguous-width=1"
cd - >/dev/null || exit 99
title_cols() {	# the columns of the first row of a screen in file $1
	head -n 1 "$1" | sed 's/ *$//' | awk '{ print length($0) }'
}
checks=$((checks + 1))
[ "$(title_cols "$T/narrow")" -eq "$(($(title_cols "$T/wide") + 1))" ] ||
	fail "the title of --ambiguous-width=2 is not one column shorter"

# styles that read on light and dark backgrounds: red for the missing
# 必須 answer's ✗ only, not for the 必須 beside every field; no yellow or
# cyan; no colour at all with NO_COLOR or on vt100, bold marks instead
esc=$(printf '\033')
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_wait " ✓ 2.1 必須"
term_screen -e > "$T/colour"
grep "✗.*1\.1" "$T/colour" > "$T/row11"
grep " 2\.1" "$T/colour" > "$T/row21"
contains "$T/row11" "${esc}[31m✗"
lacks "$T/row11" "${esc}[31m必須"
lacks "$T/row21" "${esc}[31m"
lacks "$T/colour" "${esc}[33m"
lacks "$T/colour" "${esc}[36m"
term_keys C-q
term_exit_is 0 "colours"
for how in NO_COLOR vt100; do
	if [ $how = NO_COLOR ]; then
		NO_COLOR=1
		export NO_COLOR
	else
		TERM_NAME=vt100
	fi
	term_start 80 24 "$KAIJI" "$T/a.yaml"
	term_wait " ✓ 2.1 必須"
	term_screen -e > "$T/mono"
	checks=$((checks + 1))
	if grep -q "${esc}\[3[0-7]m" "$T/mono"; then
		fail "$how: colours on the screen"
	fi
	contains "$T/mono" "${esc}[1m✗"
	term_keys C-q
	term_exit_is 0 "$how"
	unset NO_COLOR
	TERM_NAME=xterm-256color
done

# bad values
status 2 "--ambiguous-width=3" "$KAIJI" --ambiguous-width=3 "$T/a.yaml" 2>"$T/err"
contains "$T/err" "--ambiguous-width: '3' is not one of auto, 1, 2"
status 2 "--frame=box" "$KAIJI" --frame=box "$T/a.yaml" 2>"$T/err"
contains "$T/err" "--frame: 'box' is not one of auto, line, ascii"
status 2 "KAIJI_AMBIGUOUS_WIDTH=wide" env KAIJI_AMBIGUOUS_WIDTH=wide "$KAIJI" summary "$T/a.yaml" 2>"$T/err"
contains "$T/err" "KAIJI_AMBIGUOUS_WIDTH: 'wide' is not one of auto, 1, 2"

# a terminal that never answers the cursor position request: the editor
# starts all the same, and keys typed during the probe are not lost (g 27
# Enter jumps to item 27, on page 3)
if command -v script >/dev/null 2>&1; then
	(printf 'g27\r'; sleep 3; printf '\021') | TERM=xterm timeout 20 \
	    script -qec "$(printf '%q ' "$KAIJI" "$T/a.yaml")" /dev/null \
	    >"$T/out" 2>&1
	status 0 "no answer to the probe: the editor runs and quits" \
	    test "$?" -eq 0
	contains "$T/out" "サービス基本特性"
	contains "$T/out" "27.1"
fi

finish
