# A dropped SSH connection: the editor runs on the far side of a real
# OpenSSH connection on loopback; the client is killed mid-typing; every
# typed character must be in the draft.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"
. "${srcdir:-.}/tests/sshd.sh"

sshd_start
export LC_ALL=C.UTF-8

"$KAIJI" new "$T/s.yaml"
remote() {
	term_start 80 24 "$(ssh_command)" env LC_ALL=C.UTF-8 \
	    KAIJI_FORMS_DIR="$KAIJI_FORMS_DIR" XDG_STATE_HOME="$T/state" \
	    XDG_DATA_HOME="$T/data" XDG_CACHE_HOME="$T/cache" "$KAIJI" "$@"
}

# saved_unlocked FILE ID TEXT: within 10 s the saved answer is TEXT and
# the remote editor has let go of the draft (its lock is gone)
saved_unlocked() {
	checks=$((checks + 1))
	i=0
	while [ $i -lt 100 ]; do
		[ "$("$KAIJI" get "$1" "$2" 2>/dev/null)" = "$3" ] &&
		    [ ! -e "$1.lock" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "$1 $2 is '$("$KAIJI" get "$1" "$2")', expected '$3'"
}

remote "$T/s.yaml"
term_wait "page 1/8"
term_keys g
term_type 27
term_keys Enter Enter
term_type_slow "接続が切れる前に入力した文字"
term_wait "接続が切れる前に入力した文字"
kill -KILL "$(term_pid)"
saved_unlocked "$T/s.yaml" 27.1 "接続が切れる前に入力した文字"

# the same while the answer is still being typed, without waiting
remote "$T/s.yaml"
term_wait "27.1 必須"
term_keys Enter C-e
term_type "続き"
kill -KILL "$(term_pid)"
saved_unlocked "$T/s.yaml" 27.1 "接続が切れる前に入力した文字続き"

# and the resumed session is at the same field
remote "$T/s.yaml"
term_wait "27.1 必須"
term_keys C-q
term_exit_is 0 "quit over ssh"

finish
