# A real OpenSSH server on the loopback interface, for tests that drive a
# program through ssh as its users do.  Source it after lib.sh (and
# term.sh):
#
#	. "${srcdir:-.}/tests/sshd.sh"
#	sshd_start			# exits 77 when no sshd can be had
#	term_start 80 24 "$(ssh_command)" env LC_ALL=C.UTF-8 "$KAIJI" edit "$T/a.yaml"
#	term_wait "..."
#	kill -KILL "$(term_pid)"	# the connection drops
#
# Needs /usr/sbin/sshd (openssh-server), ssh and ssh-keygen
# (openssh-client) and root: sshd must be root to start a session as a
# user, and the session is root's on 127.0.0.1.  Everything else is in $T:
# a throwaway host key and client key, authorized_keys, sshd_config (no
# PAM, no DNS, no password, no forwarding, LogLevel ERROR), the pid file
# and the server's log ($T/sshd.log).  The privilege separation directory
# /run/sshd is created when missing.
#
# Set sshd_extra_config before sshd_start to append lines to the server's
# configuration (e.g. a ForceCommand).
#
# The remote side:
# - The command is run by root's login shell with -c, which executes a
#   single simple command in place, so the program is the session leader
#   of the remote terminal, as on a real server.  Its environment is what
#   sshd gives (HOME, PATH, USER, SHELL, SSH_*, TERM from the client's
#   TERM, i.e. TERM_NAME under term.sh): nothing of the test's; pass
#   variables with `env VAR=value` in the command.  No LANG either (the
#   client sends none and the server accepts none).
# - The client script quotes each of its arguments for the remote shell,
#   so arguments with spaces or quotes arrive as they were given.
# - Window size changes of the client's terminal reach the remote terminal
#   (the program gets SIGWINCH there too).
# - The client has no escape character (-e none), so "~." typed after
#   Enter is text, not a disconnection.
#
# A dropped connection: kill the client (kill -KILL "$(term_pid)").  The
# kernel closes its TCP connection; the server's session process sees the
# end of the connection, closes the pty master, and the kernel hangs the
# remote terminal up: SIGHUP to the session leader (the program), then EIO
# on the terminal.  sshd sends no signal itself.  On a real network that
# fails without closing the connection the server only notices at its
# keepalive timeout; what follows is the same.

sshd_why=
sshd_port=
_sshd_pid=

case " ${test_cleanups-} " in
*" sshd_stop "*) ;;
*) test_cleanups="${test_cleanups-} sshd_stop" ;;
esac
trap 'for _c in $test_cleanups; do "$_c"; done; rm -rf "$T"' EXIT
trap 'exit 99' HUP INT TERM

# sshd_available: whether a server can be started here; if not, why in
# $sshd_why.
sshd_available() {
	if [ ! -x /usr/sbin/sshd ]; then
		sshd_why="/usr/sbin/sshd is not installed (openssh-server)"
		return 1
	fi
	for _p in ssh ssh-keygen; do
		if ! command -v "$_p" >/dev/null 2>&1; then
			sshd_why="$_p is not installed (openssh-client)"
			return 1
		fi
	done
	if [ "$(id -u)" != 0 ]; then
		sshd_why="not root: sshd can only log in as another user when root"
		return 1
	fi
}

# _sshd_q WORD: WORD quoted for sh.
_sshd_q() {
	printf '%s\n' "$1" | sed "s/'/'\\\\''/g; 1s/^/'/; \$s/\$/'/"
}

# _sshd_listening PORT: something listens on 127.0.0.1:PORT (or any address).
_sshd_listening() {
	_hex=$(printf '%04X' "$1")
	cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
		awk -v p=":$_hex" '$4 == "0A" && substr($2, length($2) - 4) == p { f = 1 }
			END { exit !f }'
}

_sshd_random_port() {
	_r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	echo $((20000 + _r % 40000))
}

_sshd_keys() {
	[ -f "$T/ssh_client_key" ] && return 0
	ssh-keygen -q -t ed25519 -N '' -C kaiji-test-host \
		-f "$T/ssh_host_key" </dev/null >/dev/null 2>&1 &&
	ssh-keygen -q -t ed25519 -N '' -C kaiji-test-client \
		-f "$T/ssh_client_key" </dev/null >/dev/null 2>&1 &&
	cp "$T/ssh_client_key.pub" "$T/authorized_keys"
}

_sshd_config() {
	cat >"$T/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $1
HostKey "$T/ssh_host_key"
PidFile "$T/sshd.pid"
AuthorizedKeysFile "$T/authorized_keys"
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
AuthenticationMethods publickey
UseDNS no
PrintMotd no
PrintLastLog no
Banner none
PermitTTY yes
PermitUserEnvironment no
X11Forwarding no
AllowAgentForwarding no
AllowTcpForwarding no
ClientAliveInterval 0
MaxStartups 50
LogLevel ERROR
EOF
	if [ -n "${sshd_extra_config-}" ]; then
		printf '%s\n' "$sshd_extra_config" >>"$T/sshd_config"
	fi
}

# The client: ssh with a terminal (-tt) to the test's server, the remote
# command made of its arguments, each quoted for the remote shell.
_sshd_client() {
	{
		cat <<'EOF'
#!/bin/sh
# ssh to the test's server; each argument is one word of the remote command
q() {
	printf '%s\n' "$1" | sed "s/'/'\\\\''/g; 1s/^/'/; \$s/\$/'/"
}
cmd=
for a in "$@"; do
	cmd="$cmd${cmd:+ }$(q "$a")"
done
EOF
		cat <<EOF
set -- ssh -F none -tt -e none \\
	-i $(_sshd_q "$T/ssh_client_key") -p $sshd_port \\
	-o IdentitiesOnly=yes -o IdentityAgent=none \\
	-o StrictHostKeyChecking=no \\
	-o UserKnownHostsFile=$(_sshd_q "$T/known_hosts") \\
	-o GlobalKnownHostsFile=/dev/null -o CheckHostIP=no \\
	-o UpdateHostKeys=no -o BatchMode=yes -o LogLevel=ERROR \\
	-o ConnectTimeout=5 -o ControlMaster=no -o ControlPath=none \\
	-o ForwardAgent=no -o ForwardX11=no \\
	root@127.0.0.1
EOF
		cat <<'EOF'
[ -z "$cmd" ] || set -- "$@" "$cmd"
exec "$@"
EOF
	} >"$T/ssh-client"
	chmod 755 "$T/ssh-client"
}

# ssh_command: print the client command: a script in $T running
# `ssh -F none -tt -e none -i KEY -p PORT -o StrictHostKeyChecking=no
# -o UserKnownHostsFile=$T/known_hosts -o BatchMode=yes -o LogLevel=ERROR
# ... root@127.0.0.1 COMMAND` (one word, safe from field splitting; its
# arguments are the remote command, e.g.
# term_start 80 24 "$(ssh_command)" env VAR=value /path/to/program args).
ssh_command() {
	echo "$T/ssh-client"
}

# _sshd_accepts: a login works (without a terminal).
_sshd_accepts() {
	sed 's/ -tt / -T /' "$T/ssh-client" >"$T/ssh-probe"
	sh "$T/ssh-probe" true </dev/null >/dev/null 2>>"$T/sshd-probe.log"
	# 255 is ssh's own failure; anything else is the remote command's
	# status (a ForceCommand may not be 'true')
	[ $? -ne 255 ]
}

# sshd_try_start: start the server; 0 when it accepts logins, 77 when it
# cannot be had here (reason in $sshd_why, printed), 1 when it failed (a
# failed check).
sshd_try_start() {
	if ! sshd_available; then
		echo "no SSH server: $sshd_why"
		return 77
	fi
	[ -z "$_sshd_pid" ] || return 0
	if [ ! -d /run/sshd ]; then
		mkdir -p /run/sshd && chmod 755 /run/sshd
	fi
	if ! _sshd_keys; then
		checks=$((checks + 1))
		fail "sshd_start: ssh-keygen failed"
		return 1
	fi
	for _try in 1 2 3 4 5 6; do
		sshd_port=$(_sshd_random_port)
		_sshd_listening "$sshd_port" && continue
		_sshd_config "$sshd_port"
		echo "--- port $sshd_port" >>"$T/sshd.log"
		/usr/sbin/sshd -D -e -f "$T/sshd_config" </dev/null \
			>>"$T/sshd.log" 2>&1 3>&- &
		_sshd_pid=$!
		_n=100		# 5 s for it to listen
		while kill -0 "$_sshd_pid" 2>/dev/null &&
			! _sshd_listening "$sshd_port"; do
			_n=$((_n - 1))
			[ "$_n" -gt 0 ] || break
			sleep 0.05
		done
		if kill -0 "$_sshd_pid" 2>/dev/null &&
			_sshd_listening "$sshd_port"; then
			_sshd_client
			for _n in 1 2 3 4 5; do
				_sshd_accepts && return 0
				sleep 0.2
			done
			checks=$((checks + 1))
			fail "sshd_start: the server on port $sshd_port refuses logins"
			sed 's/^/    /' "$T/sshd.log" "$T/sshd-probe.log" >&3
			sshd_stop
			return 1
		fi
		# another process had the port (bind failed): another port
		sshd_stop
	done
	checks=$((checks + 1))
	fail "sshd_start: sshd did not start"
	sed 's/^/    /' "$T/sshd.log" >&3
	return 1
}

# sshd_start: start the server, or exit 77 (skip) when there can be none,
# 99 when it failed.
sshd_start() {
	sshd_try_start
	case $? in
	0) ;;
	77)
		echo "SKIP: the test needs an SSH server"
		exit 77
		;;
	*) exit 99 ;;
	esac
}

# _sshd_children PID: the pids whose parent is PID.
_sshd_children() {
	for _d in /proc/[0-9]*; do
		read -r _s 2>/dev/null <"$_d/stat" || continue
		_s=${_s##*) }
		_s=${_s#* }
		[ "${_s%% *}" = "$1" ] && echo "${_d#/proc/}"
	done
}

# sshd_stop: end the server and its open sessions (their programs get
# SIGHUP); run by the EXIT trap too.
sshd_stop() {
	[ -n "$_sshd_pid" ] || return 0
	# the sessions first: each ends its remote terminal
	for _c in $(_sshd_children "$_sshd_pid"); do
		kill -TERM "$_c" 2>/dev/null
	done
	kill -TERM "$_sshd_pid" 2>/dev/null
	_n=40
	while kill -0 "$_sshd_pid" 2>/dev/null && [ "$_n" -gt 0 ]; do
		sleep 0.05
		_n=$((_n - 1))
	done
	kill -KILL "$_sshd_pid" 2>/dev/null
	wait "$_sshd_pid" 2>/dev/null
	_sshd_pid=
}
