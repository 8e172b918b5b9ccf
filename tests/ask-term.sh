# kaiji ask in a real terminal (tmux) whose TERM is dumb: the editor
# points to it, and it is used as a person would: type, Enter, the line
# discipline's editing (Backspace), a multi-line answer, Ctrl-D.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"

export LC_ALL=C.UTF-8 LANGUAGE= XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"
TERM_NAME=dumb
"$KAIJI" new "$T/a.yaml"

# the editor cannot draw on a dumb terminal: it says what to use instead
term_start 80 24 "$KAIJI" "$T/a.yaml"
term_wait "kaiji ask DRAFT"
term_exit_is 2 "the editor with TERM=dumb"

term_start 80 24 "$KAIJI" ask "$T/a.yaml" 27.1 30.1 29.1 28.1
term_wait "Question 1 of 4: field 27.1"
term_type "架空の窓口サービスX"
term_keys BSpace Enter
term_wait "Saved 27.1: 9字"
draft_is "$T/a.yaml" 27.1 "架空の窓口サービス"
term_wait "Question 2 of 4: field 30.1"
term_type "端末から一行目"
term_keys Enter
term_type "二行目"
term_keys Enter
term_type "."
term_keys Enter
term_wait "Saved 30.1"
draft_is "$T/a.yaml" 30.1 "端末から一行目
二行目"
term_wait "Question 3 of 4: field 29.1"
term_type "４"
term_keys Enter
term_wait "Saved 29.1"
draft_is "$T/a.yaml" 29.1 "その他サービス"
term_wait "Question 4 of 4: field 28.1"
# the lock is held while the interview waits
checks=$((checks + 1))
"$KAIJI" set "$T/a.yaml" 28.1 x 2>/dev/null && fail "set while ask runs"
term_keys C-d
term_wait "End of input: stopped at question 4 of 4."
term_wait "3 answers saved."
term_exit_is 0 "Ctrl-D ends ask"
term_screen >"$T/screen"
lacks "$T/screen" "^["
draft_is "$T/a.yaml" 28.1 ""
ok "no lock left" test ! -e "$T/a.yaml.lock"

finish
