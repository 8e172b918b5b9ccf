# The terminal and SSH test libraries, tried on a small shell program
# instead of kaiji: what is typed, pasted and pressed arrives byte for
# byte, the screen and the cursor are read as displayed, resizing sends
# SIGWINCH with the new size, a hangup sends SIGHUP, the exit status is
# read; then the hangup again through a real SSH server when one can be
# started here.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"
. "${srcdir:-.}/tests/sshd.sh"

export LC_ALL=C.UTF-8 LANGUAGE=
export SELFTEST_VALUE="値 with 'quotes' and  spaces"
export COLUMNS=7 LINES=3	# must not reach the program

# The program: raw mode, bracketed paste and application cursor keys on,
# a marker with Japanese text, every byte of input appended to $d/in;
# WINCH writes the terminal's size to $d/winch, HUP "got HUP" to $d/hup;
# QUIT typed makes it exit with status 3.
cat >"$T/prog.sh" <<'EOF'
d=$1
mkdir -p "$d"
echo $$ >"$d/pid"
trap 'echo "got HUP" >"$d/hup"; exit 129' HUP
trap 'stty size >"$d/winch.tmp" && mv "$d/winch.tmp" "$d/winch"' WINCH
echo "$TERM" >"$d/term"
env >"$d/env"
stty size >"$d/size"
stty raw -echo
exec 4<&0
: >"$d/in"
dd bs=4096 of="$d/in" status=none <&4 &
reader=$!
printf '\033[?2004h\033[?1h\033='
printf 'マーカー: 準備完了 READY\r\n'
printf 'ab日本○x'
while :; do
	sleep 0.05 &
	wait $!
	if grep -q QUIT "$d/in"; then
		kill $reader
		exit 3
	fi
	kill -0 $reader 2>/dev/null || exit 4
done
EOF

# arrives DESCRIPTION BYTES: BYTES (printf format) are the next input the
# program received.
: >"$T/expect"
arrives() {
	printf -- "$2" >>"$T/expect"
	_want=$(wc -c <"$T/expect")
	_n=100
	while [ "$(wc -c <"$D/in")" -lt "$_want" ] && [ "$_n" -gt 0 ]; do
		sleep 0.05
		_n=$((_n - 1))
	done
	checks=$((checks + 1))
	if ! cmp -s "$D/in" "$T/expect"; then
		fail "$1: received"
		od -c "$D/in" | sed 's/^/    /' >&3
		echo "  expected" >&3
		od -c "$T/expect" | sed 's/^/    /' >&3
		cp "$D/in" "$T/expect"	# go on from what arrived
	fi
}

# soon SECONDS FILE: FILE exists, not empty, within SECONDS.
soon() {
	_n=$(($1 * 20))
	while [ ! -s "$2" ] && [ "$_n" -gt 0 ]; do
		sleep 0.05
		_n=$((_n - 1))
	done
	[ -s "$2" ]
}

start=$(date +%s)

D=$T/local
term_start 60 12 sh "$T/prog.sh" "$D"
term_wait "準備完了"

# the screen and the cursor, with full-width characters
term_screen >"$T/screen"
ok "first row as displayed" test "$(sed -n 1p "$T/screen")" = "マーカー: 準備完了 READY"
ok "second row as displayed" test "$(sed -n 2p "$T/screen")" = "ab日本○x"
ok "one line per row" test "$(wc -l <"$T/screen")" -eq 12
ok "full-width characters take two columns" test "$(term_cursor)" = "8 1"

# the environment: the test's exports, TERM, no tmux, no COLUMNS/LINES
contains "$D/term" "xterm-256color"
contains "$D/env" "SELFTEST_VALUE=$SELFTEST_VALUE"
lacks "$D/env" "TMUX"
lacks "$D/env" "COLUMNS="
contains "$D/size" "12 60"
ok "the program is the pane's process" test "$(term_pid)" = "$(cat "$D/pid")"

# typing
term_type "日本語テキスト abc"
arrives "typed Japanese" '日本語テキスト abc'
term_type_slow "ゆっくり、x" 0.01
arrives "typed slowly" 'ゆっくり、x'
term_type "-l"
arrives "text that looks like an option" '-l'

# keys, in application cursor mode as curses keypad() sets it
term_keys Escape
arrives "Escape arrives at once, alone" '\033'
term_keys Up Home End F1 F10 BTab C-s C-q Enter Tab BSpace PageUp PageDown DC
arrives "named keys, xterm's Home and End" \
	'\033OA\033OH\033OF\033OP\033[21~\033[Z\023\021\r\t\177\033[5~\033[6~\033[3~'

# pasting, bracketed since the program asked for it
term_paste "貼り付け
二行目"
arrives "bracketed paste, LF as CR" '\033[200~貼り付け\r二行目\033[201~'
term_paste -r "a
b"
arrives "bracketed paste -r keeps LF" '\033[200~a\nb\033[201~'

# resizing
term_resize 100 30
ok "SIGWINCH delivered" soon 5 "$D/winch"
contains "$D/winch" "30 100"
term_screen >"$T/screen"
ok "the screen has the new height" test "$(wc -l <"$T/screen")" -eq 30

# waiting for text that never shows fails, with the screen dumped
wait_in_vain() (
	exec 3>"$T/dump"
	term_wait "NOT ON SCREEN" 1
)
status 1 "term_wait gives up" wait_in_vain
contains "$T/dump" "NOT ON SCREEN"
contains "$T/dump" "準備完了"
term_wait_gone "NOT ON SCREEN" 1

# the exit status
term_type QUIT
term_exit_is 3 "exit status read"
ok "the screen stays after the exit" test -n "$(term_screen | grep -F 準備完了)"

# hangup, in a second session
H=$T/hangup
term_start_named hangup 40 10 sh "$T/prog.sh" "$H"
term_wait "準備完了"
hpid=$(term_pid)
term_hangup
contains "$H/hup" "got HUP"
ok "hung-up program gone" _term_gone "$hpid"

# the same through ssh, when a server can be started here
sshd_try_start
case $? in
0)
	S=$T/remote
	term_start_named ssh 80 24 "$(ssh_command)" \
		env LC_ALL=C.UTF-8 SELFTEST_VALUE="$SELFTEST_VALUE" \
		sh "$T/prog.sh" "$S"
	term_wait "準備完了"
	contains "$S/term" "xterm-256color"
	contains "$S/env" "SSH_CONNECTION=127.0.0.1"
	contains "$S/env" "SELFTEST_VALUE=$SELFTEST_VALUE"
	contains "$S/size" "24 80"
	D=$S
	: >"$T/expect"
	term_type "遠隔 ~. text"
	arrives "typed over ssh, ~. included" '遠隔 ~. text'
	term_resize 90 20
	ok "SIGWINCH over ssh" soon 5 "$S/winch"
	contains "$S/winch" "20 90"
	spid=$(cat "$S/pid")
	kill -KILL "$(term_pid)"
	ok "SIGHUP when the connection drops" soon 10 "$S/hup"
	contains "$S/hup" "got HUP"
	ok "remote program gone" _term_poll 5 _term_gone "$spid"
	term_exit_is 137 "the killed client"
	# stopping the server ends the sessions still open
	S=$T/remote2
	term_start_named ssh2 40 10 "$(ssh_command)" sh "$T/prog.sh" "$S"
	term_wait "準備完了"
	sshd_stop
	ok "sshd_stop hangs up open sessions" soon 10 "$S/hup"
	term_exit_is 255 "the client of a stopped server"
	;;
77)
	echo "ssh part skipped"
	;;
esac

# a program that ignores SIGHUP does not outlive the test
term_start_named stubborn 20 5 sh -c \
	'trap "" HUP; echo $$ >"$0"; while :; do sleep 0.1; done' "$T/stubborn"
ok "stubborn program started" soon 5 "$T/stubborn"
term_stop
ok "term_stop ends a program that ignores SIGHUP" _term_gone "$(cat "$T/stubborn")"

elapsed=$(($(date +%s) - start))
ok "fast enough (${elapsed} s)" test "$elapsed" -lt 30
finish
