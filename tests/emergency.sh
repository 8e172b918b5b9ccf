# The emergency save: an editor killed by SIGSEGV, SIGABRT or SIGBUS, or
# out of memory, restores the terminal (normal screen, cursor shown),
# writes the answers, the unsaved text being edited included, to a new
# DRAFT.save (mode 0600 whatever the umask, never through a link, never
# over an earlier one), says where, and dies of the signal.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"

D=$KAIJI_TEST_DATA
export LC_ALL=C.UTF-8 LANGUAGE= XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state"

pane() {	# pane FORMAT: a tmux format of the pane
	_term_tmux display-message -p -t "=main:" "$1"
}

# after FILE BEFORE AFTER: in what the terminal received (FILE), AFTER
# comes after the last BEFORE.
after() {
	checks=$((checks + 1))
	_all=$(tr '\033\n' 'E ' <"$1")
	case ${_all##*"$2"} in
	*"$3"*) ;;
	*) fail "$3 does not follow the last $2 in $1" ;;
	esac
}

# crash SIGNAL NUMBER SAVE UMASK: type into 27.1 and 30.1 without saving,
# send SIGNAL; SAVE must appear with the typed text.
crash() {
	sig=$1 save=$3
	cp "$D/complete-2021.yaml" "$T/a.yaml"
	term_start 100 30 sh -c 'umask "$0" && exec "$1" "$2"' "$4" "$KAIJI" "$T/a.yaml"
	term_wait "page 1/8"
	_term_tmux pipe-pane -t "=main:" "cat >'$T/out'"
	term_keys g
	term_type 30
	term_keys Enter Enter C-e
	term_paste -r "$(printf '\n"引用" \\ と\tタブ %s' "$sig")"
	term_wait "Pasted"
	term_keys Escape	# saved: in the draft
	term_keys g
	term_type 27
	term_keys Enter Enter
	term_type "未保存の$sig"
	term_wait "未保存の$sig"
	term_wait "not saved yet"
	cp "$T/a.yaml" "$T/before"
	ok "$sig: $save does not exist yet" test ! -e "$save"
	kill -"$sig" "$(term_pid)"
	term_exit_is "$(($2 + 128))" "killed by $sig"
	ok "$sig: $save written" test -f "$save"
	ok "$sig: $save is 0600 (umask $4)" test "$(stat -c %a "$save")" = 600
	status 0 "$sig: $save is a draft kaiji reads" "$KAIJI" summary "$save" >/dev/null 2>&1 ||
		[ $? = 1 ]
	draft_is "$save" 27.1 "$(printf '%s\n' "$base27" | sed '$d')未保存の$sig"
	draft_is "$save" 30.1 "$(printf '%s\n"引用" \\ と\tタブ %s' "$base30" "$sig")"
	draft_is "$save" 2.1 "架空テック株式会社"
	ok "$sig: the draft itself is untouched" cmp -s "$T/a.yaml" "$T/before"
	term_wait "kaiji: the answers were saved in $save"
	# a dead pane's modes are reset by tmux: look at the bytes sent
	ok "$sig: the terminal left the alternate screen" test "$(pane '#{alternate_on}')" = 0
	after "$T/out" "E[?1049h" "E[?1049l"
	after "$T/out" "E[?25l" "E[?25h"
	after "$T/out" "E[?2004h" "E[?2004l"
	after "$T/out" "E[?1h" "E[?1l"
}

cp "$D/complete-2021.yaml" "$T/a.yaml"
base27=$("$KAIJI" get "$T/a.yaml" 27.1; echo x)
base30=$("$KAIJI" get "$T/a.yaml" 30.1)

crash SEGV 11 "$T/a.yaml.save" 022
crash ABRT 6 "$T/a.yaml.save.1" 000
ok "the first .save was not overwritten" sh -c "'$KAIJI' get '$T/a.yaml.save' 27.1 | grep -q SEGV"
crash BUS 7 "$T/a.yaml.save.2" 077

# never through a symbolic link: a link named .save.3 is passed over
ln -s "$T/target" "$T/a.yaml.save.3"
crash FPE 8 "$T/a.yaml.save.4" 022
ok "nothing was written through the link" test ! -e "$T/target"

# out of memory: xalloc's hook reaches the same save (not under
# AddressSanitizer, which reserves its own address space)
if grep -q AddressSanitizer "$KAIJI" 2>/dev/null; then
	echo "NOTE: out-of-memory case not run under AddressSanitizer"
else
	term_start 100 30 "$KAIJI" "$T/a.yaml"
	term_wait "page 1/8"
	_term_tmux pipe-pane -t "=main:" "cat >'$T/out'"
	term_keys g
	term_type 27
	term_keys Enter Enter
	term_type "記憶不足"
	term_wait "記憶不足"
	pid=$(term_pid)
	vm=$(awk '/^VmSize/ { print $2 }' "/proc/$pid/status")
	ok "limit the address space" prlimit --pid "$pid" --as=$(((vm + 1024) * 1024))
	head -c 3000000 /dev/zero | tr '\0' 'x' >"$T/big"
	term_paste "$(cat "$T/big")"
	term_wait_exit 20 >/dev/null
	ok "out of memory: killed by SIGABRT" test "$term_status" = 134
	# (read from the pane's output: the rest of the paste may fill the
	# screen around the messages)
	for msg in "kaiji: out of memory" \
	    "kaiji: the answers were saved in $T/a.yaml.save.5"; do
		n=0
		while [ $n -lt 50 ] && ! grep -qF -- "$msg" "$T/out"; do
			sleep 0.1
			n=$((n + 1))
		done
		contains "$T/out" "$msg"
	done
	draft_is "$T/a.yaml.save.5" 27.1 "$(printf '%s\n' "$base27" | sed '$d')記憶不足"
	after "$T/out" "E[?1049h" "E[?1049l"
fi

# the draft's directory takes no copy (gone): the copy goes to
# $XDG_STATE_HOME/kaiji, and the message says so
mkdir "$T/gone"
cp "$D/complete-2021.yaml" "$T/gone/g.yaml"
term_start 100 30 "$KAIJI" "$T/gone/g.yaml"
term_wait "page 1/8"
term_keys g
term_type 27
term_keys Enter Enter
term_type "退避先"
term_wait "退避先"
mv "$T/gone" "$T/moved"
kill -SEGV "$(term_pid)"
term_exit_is 139 "killed by SEGV, the directory gone"
ok "the copy is in the state directory" test -f "$T/state/kaiji/g.yaml.save"
draft_is "$T/state/kaiji/g.yaml.save" 27.1 "$(printf '%s\n' "$base27" | sed '$d')退避先"
term_wait "kaiji: the answers were saved in $T/state/kaiji/g.yaml.save"
ok "no empty copy beside the draft" test ! -e "$T/moved/g.yaml.save"

# the terminal goes away without a SIGHUP to the editor (it is not the
# terminal's controlling process) while the draft cannot be saved: the
# editor stops instead of retrying for ever, and the text goes to an
# emergency copy
mkdir "$T/eof"
cp "$D/complete-2021.yaml" "$T/eof/e.yaml"
term_start 100 30 sh -c 'tty >"$0.new" && mv "$0.new" "$0" && exec sleep 600' "$T/tty"
n=0
while [ ! -s "$T/tty" ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
TERM=xterm setsid sh -c 'exec "$0" "$1" <"$2" >"$2" 2>"$3"' "$KAIJI" \
    "$T/eof/e.yaml" "$(cat "$T/tty")" "$T/eof.err" &
eof_pid=$!
term_wait "page 1/8"
term_keys g
term_type 27
term_keys Enter Enter
term_type "入力終了"
term_wait "入力終了"
mv "$T/eof" "$T/eof-moved"
term_keys Escape
term_wait "Not saved"
_term_tmux kill-session -t "=main"
n=0
while kill -0 $eof_pid 2>/dev/null && [ $n -lt 200 ]; do sleep 0.1; n=$((n + 1)); done
if kill -0 $eof_pid 2>/dev/null; then
	fail "the editor still runs 20 s after its terminal went away"
	kill -KILL $eof_pid
fi
wait $eof_pid
ok "the terminal gone, the save failed: exit status 2" test $? = 2
draft_is "$T/state/kaiji/e.yaml.save" 27.1 "$(printf '%s\n' "$base27" | sed '$d')入力終了"
contains "$T/eof.err" "The answers were saved in $T/state/kaiji/e.yaml.save"

# the signals that would end the editor save the text and restore the
# terminal as SIGTERM does
for sig in QUIT XCPU USR1 ALRM TRAP; do
	cp "$D/complete-2021.yaml" "$T/s-$sig.yaml"
	term_start 100 30 "$KAIJI" "$T/s-$sig.yaml"
	term_wait "page 1/8"
	term_keys g
	term_type 27
	term_keys Enter Enter
	term_type "合図$sig"
	term_wait "合図$sig"
	kill -"$sig" "$(term_pid)"
	term_exit_is 0 "SIG$sig saves and exits"
	draft_is "$T/s-$sig.yaml" 27.1 "$(printf '%s\n' "$base27" | sed '$d')合図$sig"
	ok "SIG$sig: the terminal left the alternate screen" test "$(pane '#{alternate_on}')" = 0
done

# the lock of a crashed editor is stale: the next editor takes it over
term_start 100 30 "$KAIJI" "$T/a.yaml"
term_wait "page 1/8"
term_keys C-q
term_exit_is 0 "an editor after the crashes"

term_stop
finish
