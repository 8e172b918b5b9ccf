# Run a full-screen program in a terminal and look at it as a person would:
# a detached tmux session on a private socket in $T, the pane exactly
# COLS x ROWS, no status bar, no user configuration.  Source it after
# lib.sh:
#
#	. "${srcdir:-.}/tests/lib.sh"
#	. "${srcdir:-.}/tests/term.sh"
#	export LC_ALL=C.UTF-8
#	term_start 80 24 "$KAIJI" "$T/a.yaml"
#	term_wait "ASP・SaaS"
#	term_type "そらまめ"
#	term_keys C-s
#	term_exit_is 0 "saved and quit"
#
# Exits 77 (skip) when tmux is not installed.
#
# Settings, read when a session starts (not exported, not seen by the
# program):
#	TERM_NAME	what the program sees in TERM (default xterm-256color)
#	TERM_TIMEOUT	default seconds for the waits (default 10)
#
# How the terminal behaves, and what was done about it:
#
# - The program gets exactly the environment the test has exported
#   (`export -p`, replayed under `env -i` by a script written to $T), plus
#   TERM=$TERM_NAME; nothing of tmux's own environment (TMUX, TMUX_PANE,
#   TERM_PROGRAM), and COLUMNS and LINES are removed because curses would
#   prefer them to the real size.  It runs in the test's working directory.
#   The pane's process is the program itself (exec all the way), so
#   #{pane_pid} is its pid and it is the session leader of its terminal.
# - Keys: tmux sends what its own terminal description (tmux, screen)
#   says, which is what xterm sends too, except Home and End: tmux sends
#   \e[1~ and \e[4~, which xterm-256color does not describe (curses would
#   hand the program four separate characters).  With an xterm TERM_NAME,
#   term_keys sends xterm's Home and End instead: \eOH \eOF when the program
#   has switched the cursor keys to application mode (curses keypad(), the
#   usual case), \e[H \e[F otherwise.  Escape is a single byte sent at
#   once; escape-time 0 only matters to tmux's parsing of a real client.
#   The pane's terminal has the usual line discipline (IXON, ISIG, ICANON)
#   until the program changes it: C-s, C-q and C-c are only bytes once the
#   program is in raw mode, exactly as over SSH.
# - Screen: capture-pane prints each row as it is displayed, without its
#   trailing blanks.  A full-width character takes two columns on screen
#   but appears once in the text (its second column is not printed as a
#   space), so "日本" is captured as "日本" and the cursor after it is two
#   columns further per character: compare text with the text the program
#   printed, and use term_cursor for positions.  Widths are those of the
#   C library's wcwidth() in the tmux server, which picks a UTF-8
#   LC_CTYPE whatever the test's locale (ambiguous-width characters such
#   as ○ are one column, as in the C.UTF-8 locale of the program).
#   A dead pane keeps the program's last screen (remain-on-exit-format "").
# - Resizing: resize-window works on a session without a client; the pane
#   gets the new size with TIOCSWINSZ and the kernel sends SIGWINCH to the
#   terminal's foreground process group.  tmux applies sizes from its
#   event loop, so term_resize waits until the terminal itself (stty -F,
#   else tmux's idea of the pane) reports the new size.  Several resizes in a row may reach the program
#   as a single SIGWINCH with the last size.
# - Hangup: kill-session closes the pane's pty master; tmux itself sends no
#   signal.  The kernel hangs the terminal up: SIGHUP (and SIGCONT) to the
#   session leader, which is the program, then EIO on reads and writes of
#   the terminal; other processes of the program's session get no SIGHUP
#   from it.  The tmux server stays up (exit-empty off) so that it reaps
#   the program.  A hung-up program's exit status cannot be read (its pane
#   is gone): check what it left behind.
# - Paste: paste-buffer -p wraps the text in \e[200~ ... \e[201~ only
#   when the program has turned bracketed paste mode on (\e[?2004h);
#   otherwise the text arrives as if typed.  Like xterm, the paste turns
#   each LF into CR unless term_paste -r is used.
# - Exit status: remain-on-exit keeps the pane, #{pane_dead_status} or
#   #{pane_dead_signal} give the status.  tmux marks a pane dead at the end
#   of its output, and knows the status only once it has reaped the
#   process; tmux built with libutempter (Debian's) sometimes misses the
#   SIGCHLD and leaves a zombie (tmux issue 311), so term_wait_exit sends
#   the server a SIGCHLD, which makes it reap, while it waits.
# - A failed wait counts as a failed check (lib.sh's fail) and dumps the
#   screen to fd 3; do not wrap term_wait in ok.  term_wait_exit run in
#   $(...) loses its count of a failure (a subshell): use term_exit_is,
#   or call it plainly and read $term_status.
# - Waits poll every 50 ms (sleep with a fraction of a second, as GNU and
#   busybox sleep accept); SECONDS are whole seconds.

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed"
	exit 77
fi

TERM_NAME=${TERM_NAME:-xterm-256color}
TERM_TIMEOUT=${TERM_TIMEOUT:-10}
term_status=
_term_sock=$T/tmux.sock
_term_cur=main

# Cleanups run by the EXIT trap, before lib.sh's removal of $T (which the
# trap below repeats, since it replaces lib.sh's).
case " ${test_cleanups-} " in
*" term_stop "*) ;;
*) test_cleanups="${test_cleanups-} term_stop" ;;
esac
trap 'for _c in $test_cleanups; do "$_c"; done; rm -rf "$T"' EXIT
trap 'exit 99' HUP INT TERM

# tmux on the private socket, whatever the caller's $TMUX; the server
# must not keep the log on fd 3 open.
_term_tmux() {
	(unset TMUX TMUX_PANE; exec tmux -S "$_term_sock" "$@") 3>&-
}

# _term_q WORD: WORD quoted for sh.
_term_q() {
	printf '%s\n' "$1" | sed "s/'/'\\\\''/g; 1s/^/'/; \$s/\$/'/"
}

_term_config() {
	[ -f "$T/tmux.conf" ] && return 0
	cat >"$T/tmux.conf" <<EOF
set -g default-terminal "$TERM_NAME"
set -g default-shell /bin/sh
set -g escape-time 0
set -g assume-paste-time 0
set -g status off
set -g history-limit 100
set -g remain-on-exit on
set -g remain-on-exit-format ""
set -g exit-empty off
set -g exit-unattached off
set -g destroy-unattached off
set -g update-environment ""
set -g focus-events off
set -g set-titles off
set -g allow-rename off
set -g automatic-rename off
set -g bell-action none
set -g visual-bell off
set -g visual-activity off
set -g monitor-activity off
EOF
}

# term_start COLS ROWS COMMAND...: start COMMAND in the session "main".
term_start() {
	term_start_named main "$@"
}

# term_start_named NAME COLS ROWS COMMAND...: start COMMAND in a session
# called NAME, which becomes the one the other functions act on.
term_start_named() {
	_name=$1 _cols=$2 _rows=$3
	shift 3
	_term_config
	# a session of that name whose program has exited is replaced
	if [ -S "$_term_sock" ] &&
	    _term_tmux has-session -t "=$_name" 2>/dev/null; then
		_term_tmux kill-session -t "=$_name" 2>/dev/null
	fi
	_run=$T/term-$_name.run
	{
		echo '#!/bin/sh'
		export -p | sed 's/^declare -x /export /'
		echo 'unset COLUMNS LINES'
		echo "TERM=$(_term_q "$TERM_NAME"); export TERM"
		echo "cd $(_term_q "$PWD") || exit 127"
		printf 'exec'
		for _a in "$@"; do
			printf ' %s' "$(_term_q "$_a")"
		done
		echo
	} >"$_run"
	if ! _term_tmux -f "$T/tmux.conf" new-session -d -s "$_name" \
		-x "$_cols" -y "$_rows" \
		"exec env -i /bin/sh $(_term_q "$_run")" </dev/null; then
		fail "term_start: tmux could not start $*"
		return 1
	fi
	_term_cur=$_name
	_pid=$(term_pid)
	echo "$_pid $(_term_started "$_pid")" >>"$T/term.pids"
	_size=$(_term_tmux display-message -p -t "=$_name:" \
		'#{pane_width}x#{pane_height}')
	if [ "$_size" != "${_cols}x$_rows" ]; then
		fail "term_start: pane is $_size, expected ${_cols}x$_rows"
		return 1
	fi
}

# term_use NAME: act on session NAME from now on.
term_use() {
	_term_cur=$1
}

# term_pid: the pid of the program (the process in the pane).
term_pid() {
	_term_tmux display-message -p -t "=$_term_cur:" '#{pane_pid}'
}

# term_keys KEY...: press keys, by tmux name: Enter Escape Tab BTab BSpace
# Up Down Left Right Home End PageUp PageDown IC DC F1..F12 C-s M-x S-Up
# ...; an argument that is no key name is sent as characters.
term_keys() {
	_tgt="=$_term_cur:"
	_home='' _end=''
	case $TERM_NAME in
	xterm*)
		case " $* " in
		*" Home "* | *" End "*)
			if [ "$(_term_tmux display-message -p -t "$_tgt" \
				'#{keypad_cursor_flag}')" = 1 ]; then
				_home="1b 4f 48" _end="1b 4f 46"
			else
				_home="1b 5b 48" _end="1b 5b 46"
			fi
			;;
		esac
		;;
	esac
	# Rewrite the arguments into one tmux command line:
	# send-keys -t S KEY... ; send-keys -t S -H BYTES... ; ...
	_n=$#
	_open=0
	_first=1
	while [ "$_n" -gt 0 ]; do
		_k=$1
		shift
		_n=$((_n - 1))
		# shellcheck disable=SC2086 # $_home and $_end are byte lists
		if [ -n "$_home" ] && { [ "$_k" = Home ] || [ "$_k" = End ]; }; then
			[ "$_first" = 1 ] || set -- "$@" ";"
			if [ "$_k" = Home ]; then
				set -- "$@" send-keys -t "$_tgt" -H $_home
			else
				set -- "$@" send-keys -t "$_tgt" -H $_end
			fi
			_open=0
		else
			if [ "$_open" = 0 ]; then
				[ "$_first" = 1 ] || set -- "$@" ";"
				set -- "$@" send-keys -t "$_tgt"
				_open=1
			fi
			set -- "$@" "$_k"
		fi
		_first=0
	done
	[ $# -gt 0 ] || return 0
	_term_tmux "$@"
}

# term_type TEXT...: type TEXT (UTF-8) as it is, all at once.
term_type() {
	for _s in "$@"; do
		_term_tmux send-keys -t "=$_term_cur:" -l -- "$_s" || return 1
	done
}

# term_type_slow TEXT [DELAY]: type TEXT one character at a time, DELAY
# seconds apart (default 0.02), as a person would.  Each character is
# sent as its exact UTF-8 bytes.
term_type_slow() {
	_delay=${2:-0.02}
	_chars=$(printf '%s' "$1" | od -An -v -tx1 | tr ' ' '\n' |
		awk 'NF { b = $1
			if (b !~ /^[89ab]/ && cur != "") { print cur; cur = "" }
			cur = cur (cur == "" ? "" : " ") b }
			END { if (cur != "") print cur }')
	_old_ifs=$IFS
	IFS='
'
	for _c in $_chars; do
		IFS=$_old_ifs
		# shellcheck disable=SC2086 # the bytes of one character
		_term_tmux send-keys -t "=$_term_cur:" -H $_c || return 1
		sleep "$_delay"
	done
	IFS=$_old_ifs
}

# term_paste [-r] TEXT: paste TEXT as a terminal does (bracketed when the
# program asked for it); -r keeps LF instead of turning it into CR.
term_paste() {
	_raw=
	if [ "$1" = -r ]; then
		_raw=-r
		shift
	fi
	printf '%s' "$1" >"$T/term-paste"
	_term_tmux load-buffer -b term-paste "$T/term-paste" ";" \
		paste-buffer -p -d $_raw -b term-paste -t "=$_term_cur:"
}

# term_screen [OPTION...]: print the screen, a line per row; options go to
# capture-pane (-e: with colours and attributes as escape sequences).
# shellcheck disable=SC2120 # the options are for the callers
term_screen() {
	_term_tmux capture-pane -p "$@" -t "=$_term_cur:"
}

# term_cursor: print "X Y", the cursor's column and row from 0.
term_cursor() {
	_term_tmux display-message -p -t "=$_term_cur:" \
		'#{cursor_x} #{cursor_y}'
}

_term_dump() {
	echo "--- screen of '$_term_cur' ---" >&3
	term_screen >&3 2>&1
	echo "--- end of screen (cursor $(term_cursor 2>/dev/null)) ---" >&3
}

# _term_poll SECONDS COMMAND...: run COMMAND every 50 ms until it succeeds.
_term_poll() {
	_tries=$(($1 * 20))
	shift
	while ! "$@"; do
		_tries=$((_tries - 1))
		[ "$_tries" -gt 0 ] || return 1
		sleep 0.05
	done
}

_term_shows() {
	term_screen 2>/dev/null | grep -qF -- "$1"
}

_term_hides() {
	! _term_shows "$1"
}

# term_wait TEXT [SECONDS]: a check: TEXT (fixed, within one row) shows on
# the screen within SECONDS (default TERM_TIMEOUT).
term_wait() {
	checks=$((checks + 1))
	if ! _term_poll "${2:-$TERM_TIMEOUT}" _term_shows "$1"; then
		fail "term_wait: '$1' not on screen after ${2:-$TERM_TIMEOUT} s"
		_term_dump
		return 1
	fi
}

# term_wait_gone TEXT [SECONDS]: a check: TEXT leaves the screen.
term_wait_gone() {
	checks=$((checks + 1))
	if ! _term_poll "${2:-$TERM_TIMEOUT}" _term_hides "$1"; then
		fail "term_wait_gone: '$1' still on screen after ${2:-$TERM_TIMEOUT} s"
		_term_dump
		return 1
	fi
}

_term_size_is() {
	[ "$(stty -F "$_tty" size 2>/dev/null ||
		_term_tmux display-message -p -t "=$_term_cur:" \
			'#{pane_height} #{pane_width}')" = "$1" ]
}

# term_resize COLS ROWS: a check: resize the terminal; returns once the
# terminal has the new size (the program has been sent SIGWINCH).
term_resize() {
	checks=$((checks + 1))
	_tty=$(_term_tmux display-message -p -t "=$_term_cur:" '#{pane_tty}')
	if ! _term_tmux resize-window -t "=$_term_cur:" -x "$1" -y "$2"; then
		fail "term_resize: tmux could not resize to $1x$2"
		return 1
	fi
	if ! _term_poll "$TERM_TIMEOUT" _term_size_is "$2 $1"; then
		fail "term_resize: the terminal did not become $1x$2"
		return 1
	fi
}

# _term_stat PID: the fields of /proc/PID/stat after the command's name,
# from the state (field 3) on.
_term_stat() {
	read -r _st 2>/dev/null <"/proc/$1/stat" || return 1
	echo "${_st##*) }"
}

# _term_started PID: when the process started (clock ticks after boot),
# "-" when unknown: with the pid, names the process.
_term_started() {
	# shellcheck disable=SC2046 # fields
	set -- $(_term_stat "$1") -
	[ $# -ge 20 ] && echo "${20}" || echo -
}

# _term_alive PID: the process exists and is not a zombie.
_term_alive() {
	kill -0 "$1" 2>/dev/null || return 1
	[ -r "/proc/$1/stat" ] || return 0
	_st=$(_term_stat "$1") || return 1
	[ "${_st%% *}" != Z ]
}

_term_gone() {
	! _term_alive "$1"
}

# term_hangup [SECONDS]: a check: the terminal goes away as when an SSH
# connection drops (the program gets SIGHUP); returns once the program has
# exited.  The session is gone afterwards.
term_hangup() {
	checks=$((checks + 1))
	_pid=$(term_pid)
	if [ -z "$_pid" ] || ! _term_tmux kill-session -t "=$_term_cur"; then
		fail "term_hangup: no session '$_term_cur'"
		return 1
	fi
	if ! _term_poll "${1:-$TERM_TIMEOUT}" _term_gone "$_pid"; then
		fail "term_hangup: process $_pid still running ${1:-$TERM_TIMEOUT} s after the hangup"
		return 1
	fi
}

_term_dead() {
	_d=$(_term_tmux display-message -p -t "=$_term_cur:" \
		'#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}') || return 1
	# The pane is dead at the end of its terminal's output, its status
	# known when tmux has reaped the process: wait for both.  tmux built
	# with libutempter can miss a SIGCHLD (utempter's helper has its own
	# handler for a moment, as when a pane closes); another SIGCHLD makes
	# it reap every child that has exited.
	[ "${_d%%:*}" = 1 ] || return 1
	_d=${_d#*:}
	if [ "$_d" = : ]; then
		_spid=$(_term_tmux display-message -p '#{pid}') &&
			kill -CHLD "$_spid" 2>/dev/null
		return 1
	fi
	if [ -n "${_d#*:}" ]; then
		term_status=$((${_d#*:} + 128))	# killed by a signal, as sh says
	else
		term_status=${_d%%:*}
	fi
}

# term_wait_exit [SECONDS]: wait until the program has exited, print its
# exit status (128+N when killed by signal N) and set $term_status; a
# timeout is a failed check.
term_wait_exit() {
	term_status=
	if ! _term_poll "${1:-$TERM_TIMEOUT}" _term_dead; then
		checks=$((checks + 1))
		fail "term_wait_exit: still running after ${1:-$TERM_TIMEOUT} s"
		_term_dump
		return 1
	fi
	echo "$term_status"
}

# term_exit_is STATUS DESCRIPTION [SECONDS]: a check: the program exits
# with STATUS.
term_exit_is() {
	term_wait_exit "${3:-$TERM_TIMEOUT}" >/dev/null || return 1
	checks=$((checks + 1))
	if [ "$term_status" != "$1" ]; then
		fail "$2: exit status $term_status, expected $1"
		_term_dump
		return 1
	fi
}

# term_stop: end the tmux server and any program that outlived it (one
# that ignores SIGHUP, checked by pid and start time); run by the EXIT trap
# too.
term_stop() {
	if [ -S "$_term_sock" ]; then
		_term_tmux kill-server 2>/dev/null
	fi
	[ -f "$T/term.pids" ] || return 0
	_left=
	while read -r _pid _t; do
		if _term_alive "$_pid" &&
			[ "$(_term_started "$_pid")" = "$_t" ]; then
			kill -TERM "$_pid" 2>/dev/null
			_left="$_left $_pid:$_t"
		fi
	done <"$T/term.pids"
	for _p in $_left; do
		_pid=${_p%:*}
		if ! _term_poll 2 _term_gone "$_pid" &&
			[ "$(_term_started "$_pid")" = "${_p#*:}" ]; then
			kill -KILL "$_pid" 2>/dev/null
		fi
	done
	rm -f "$T/term.pids"
}
