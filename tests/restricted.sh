# Restricted mode (kaiji --restricted, rkaiji): drafts only by plain name in
# one directory, no commands but the line mode (ask) on such a draft, no
# program started; then the same as an SSH
# ForceCommand on a real server on loopback.
. "${srcdir:-.}/tests/lib.sh"
. "${srcdir:-.}/tests/term.sh"
. "${srcdir:-.}/tests/sshd.sh"

export LC_ALL=C.UTF-8
export XDG_STATE_HOME="$T/state" XDG_DATA_HOME="$T/data"
D=$T/drafts
mkdir -p "$D"
"$KAIJI" new "$D/a.yaml"
"$KAIJI" set "$D/a.yaml" 27.1 "架空の受付サービス"
touch -d "2030-01-01 00:00" "$D/a.yaml"
"$KAIJI" new "$T/outside.yaml"
"$KAIJI" set "$T/outside.yaml" 27.1 "ディレクトリの外"
cp "$T/outside.yaml" "$T/outside.orig"
ln -s "$T/outside.yaml" "$D/link.yaml"
ln -s "$T/nowhere.yaml" "$D/dangling.yaml"
mkdir "$D/sub.yaml"
mkfifo "$D/fifo.yaml"
ln -s "$KAIJI" "$T/rkaiji"
long=$(printf 'x%.0s' $(seq 1 300))

# refused N DESCRIPTION TEXT ARGS...: exit 2, one line on stderr that
# contains TEXT and no escape character, nothing on stdout.
refused() {
	r_text=$1
	r_desc=$2
	shift 2
	status 2 "$r_desc" "$@" </dev/null >"$T/out" 2>"$T/err"
	checks=$((checks + 1))
	[ "$(wc -l <"$T/err")" -eq 1 ] || fail "$r_desc: not one line:
$(cat "$T/err")"
	contains "$T/err" "$r_text"
	checks=$((checks + 1))
	! grep -q "$(printf '\033')" "$T/err" || fail "$r_desc: raw ESC"
	checks=$((checks + 1))
	[ ! -s "$T/out" ] || fail "$r_desc: wrote to stdout"
}

# --- no commands ----------------------------------------------------------
refused "only the editor" "rkaiji summary" "$T/rkaiji" summary "$D/a.yaml"
refused "only the editor" "rkaiji set" "$T/rkaiji" set "$D/a.yaml" 27.1 x
refused "only the editor" "--restricted export" \
    "$KAIJI" --restricted export "$D/a.yaml"
refused "only the editor" "a restricted login shell's -c" \
    "$T/rkaiji" -c "cat /etc/passwd"
refused "only the editor" "-rkaiji as a login shell, -c" \
    bash -c 'exec -a -rkaiji "$0" -c "ls /"' "$KAIJI"
refused "--dir is for --restricted" "--dir alone" "$KAIJI" --dir "$D"

# --- the line mode, ask, on drafts of the directory only ----------------------
refused "only the name of a draft" "rkaiji ask a path up" \
    "$T/rkaiji" --dir "$D" ask ../outside.yaml 27.1
refused "only the name of a draft" "rkaiji ask an absolute path" \
    "$T/rkaiji" --dir "$D" ask "$T/outside.yaml" 27.1
refused "a symbolic link" "rkaiji ask a link out" \
    "$T/rkaiji" --dir "$D" ask link 27.1
refused "not a regular file" "rkaiji ask a FIFO" \
    "$T/rkaiji" --dir "$D" ask fifo.yaml 27.1
printf '%s\n' "制限モードの行入力" | \
    status 0 "rkaiji ask by name" "$T/rkaiji" --dir "$D" ask a 28.1 \
    >"$T/out" 2>"$T/err"
contains "$T/out" "Saved 28.1"
checks=$((checks + 1))
[ "$("$KAIJI" get "$D/a.yaml" 28.1)" = "制限モードの行入力" ] || \
    fail "28.1 of a.yaml by rkaiji ask"
# the start screen below lists drafts by time and no backup
touch -d "2030-01-01 00:00" "$D/a.yaml"
rm -f "$D/a.yaml~"
ok "outside untouched by ask" cmp -s "$T/outside.yaml" "$T/outside.orig"

# --- only plain names of drafts in the directory ----------------------------
R="$KAIJI --restricted --dir $D"
refused "only the name of a draft" "a path up" $R ../outside.yaml
refused "only the name of a draft" "an absolute path" $R "$T/outside.yaml"
refused "only the name of a draft" "a path down" $R sub.yaml/x.yaml
refused "only the name of a draft" "a hidden name" $R .a.yaml
refused "only the name of a draft" "an escape sequence in the name" \
    $R "$(printf 'a\033[2J.yaml')"
contains "$T/err" "a^[[2J.yaml"
refused "only the name of a draft" "invalid UTF-8 in the name" \
    $R "$(printf 'a\377.yaml')"
refused "only the name of a draft" "a 300-byte name" $R "$long"
refused "a symbolic link" "a link out of the directory" $R link.yaml
refused "a symbolic link" "a dangling link" $R dangling
refused "not a regular file" "a directory" $R sub.yaml
refused "not a regular file" "a FIFO" $R fifo.yaml
refused "needs a terminal (with ssh, use ssh -t)" "no terminal" $R a
ok "the file outside is untouched" cmp -s "$T/outside.yaml" "$T/outside.orig"
ok "nothing was created outside" test ! -e "$T/nowhere.yaml"

# --- no program is started: kaiji calls none of the functions that could ---
objs="$(dirname "$KAIJI")/libkaiji.a $(dirname "$KAIJI")/src/main.o"
if command -v nm >/dev/null 2>&1 && [ -f "$(dirname "$KAIJI")/libkaiji.a" ]; then
	nm -u $objs 2>/dev/null | awk '{print $NF}' | sort -u >"$T/undef"
	ok "the objects were read" grep -qx "draft_load\|fileio_replace\|open" "$T/undef"
	for f in system popen execl execlp execle execv execve execvp \
	    execvpe fexecve posix_spawn posix_spawnp fork vfork clone; do
		checks=$((checks + 1))
		! grep -qx "$f" "$T/undef" || fail "kaiji calls $f"
	done
fi

# --- the editor: the start screen lists only the directory's drafts --------
term_start 80 24 "$T/rkaiji" --dir "$D"
term_wait "New draft"
term_wait "a.yaml"
term_screen >"$T/screen"
contains "$T/screen" "$D"
lacks "$T/screen" "link.yaml"
lacks "$T/screen" "dangling.yaml"
lacks "$T/screen" "sub.yaml"
lacks "$T/screen" "fifo.yaml"
term_keys Enter
term_wait "page 1/8"
term_keys g
term_type 27
term_keys Enter Enter
term_type "新しい下書き"
term_keys Escape C-q
term_exit_is 0 "quit the new restricted draft"
new=$(ls "$D"/draft-*.yaml 2>/dev/null)
ok "the new draft is in the directory" test -f "$new"
ok "the new draft is 0600" test "$(stat -c %a "$new" 2>/dev/null)" = 600
checks=$((checks + 1))
[ "$("$KAIJI" get "$new" 27.1)" = "新しい下書き" ] || fail "27.1 of the new draft"
ok "outside still untouched" cmp -s "$T/outside.yaml" "$T/outside.orig"

# by name, .yaml added
term_start 80 24 "$KAIJI" --restricted --dir "$D" a
term_wait "page 1/8"
term_keys g
term_type 27
term_keys Enter
term_wait "架空の受付サービス"
# save elsewhere takes a name, not a path
term_keys F6
term_wait "Save as"
term_screen >"$T/screen"
contains "$T/screen" "Save as (Enter: save, Esc: cancel): a.yaml"
term_keys C-u
term_type "../escape"
term_keys Enter
term_wait "only the name of a draft"
ok "nothing written up" test ! -e "$T/escape.yaml"
term_keys F6
term_keys C-u
term_type "$T/abs"
term_keys Enter
term_wait "only the name of a draft"
ok "nothing written at an absolute path" test ! -e "$T/abs.yaml"
term_keys F6
term_keys C-u
term_type "link"
term_keys Enter
term_wait "a symbolic link"
term_keys F6
term_keys C-u
term_type "copy"
term_keys Enter
term_wait "copy.yaml"
term_keys C-q
term_exit_is 0 "open a.yaml by its name"
ok "saved as copy.yaml in the directory" test -f "$D/copy.yaml"
ok "copy.yaml is 0600" test "$(stat -c %a "$D/copy.yaml" 2>/dev/null)" = 600
ok "the link target is untouched" cmp -s "$T/outside.yaml" "$T/outside.orig"
rm -f "$D/copy.yaml"

# --- over SSH with ForceCommand ---------------------------------------------
rm -f "$new"
sshd_extra_config="ForceCommand env LC_ALL=C.UTF-8 KAIJI_FORMS_DIR=$KAIJI_FORMS_DIR XDG_STATE_HOME=$T/state XDG_DATA_HOME=$T/data $KAIJI --restricted --dir $D"
# (without an SSH server here, only this part is left out: sshd_try_start
# says why; a server that fails to start is a failed check)
sshd_try_start
if [ $? -eq 0 ]; then

	# whatever the client asks for, the server runs the editor
	term_start 80 24 "$(ssh_command)" cat /etc/passwd
	term_wait "New draft"
	term_wait "a.yaml"
	term_screen >"$T/screen"
	lacks "$T/screen" "root:"
	term_keys Down Down Down Enter
	term_wait "page "
	term_keys g
	term_type 27
	term_keys Enter Enter
	term_keys C-e
	term_type "（SSH経由で追記）"
	term_keys Escape C-q
	term_exit_is 0 "quit over ssh"
	checks=$((checks + 1))
	case $("$KAIJI" get "$D/a.yaml" 27.1) in
	*"（SSH経由で追記）") ;;
	*) fail "27.1 of a.yaml over ssh: $("$KAIJI" get "$D/a.yaml" 27.1)" ;;
	esac

	# without a terminal the command is not run either
	sed 's/ -tt / -T /' "$(ssh_command)" >"$T/ssh-notty"
	status 2 "ssh without a terminal" sh "$T/ssh-notty" cat /etc/passwd \
	    </dev/null >"$T/out" 2>"$T/err"
	lacks "$T/out" "root:"
	contains "$T/err" "needs a terminal (with ssh, use ssh -t)"
	ok "outside untouched after ssh" cmp -s "$T/outside.yaml" "$T/outside.orig"
fi

finish
